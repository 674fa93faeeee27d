/* Character devices: <serial>, <parallel>, <console>, <channel>
 * (virDomainChrDefParseXML, ChrDefParseTargetXML, ChrSourceDefParseXML). */
#include <string.h>

#include "xml_read_priv.h"
#include "xml_units.h"

int xr_chr_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const libvirt_only[] = {"nmdm", "qemu-vdagent", "dbus", NULL};
    const char *elem = f->name;
    enum xr_chr_kind kind = strcmp(elem, "serial") == 0 ? XR_CHR_SERIAL
                          : strcmp(elem, "parallel") == 0 ? XR_CHR_PARALLEL
                          : strcmp(elem, "console") == 0 ? XR_CHR_CONSOLE
                          : XR_CHR_CHANNEL;
    int type = XC_CHR_PTY;   /* no type: pty */
    int r = xr_attr_enum(c, "type", XC_T_CHR_TYPE, libvirt_only, &type);
    if (r < 0)
        return -1;
    if (r == 2) {
        xr_attrs_all_used(c);
        f->id = XR_UNKNOWN;
        return 0;
    }
    struct xc_chr *ch = NULL;
    switch (kind) {
    case XR_CHR_SERIAL: ch = xc_vec_push(&c->dom->serials); break;
    case XR_CHR_PARALLEL: ch = xc_vec_push(&c->dom->parallels); break;
    case XR_CHR_CONSOLE: ch = xc_vec_push(&c->dom->consoles); break;
    case XR_CHR_CHANNEL: ch = xc_vec_push(&c->dom->channels); break;
    }
    ch->type = (enum xc_chr_type)type;
    ch->pos = f->pos;
    c->chr = ch;
    c->chr_kind = kind;
    c->chr_nsources = 0;
    c->chr_nprotocols = 0;
    c->chr_has_target = false;
    return 0;
}

int xr_chr_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)t;
    (void)n;
    struct xc_chr *ch = c->chr;
    c->chr = NULL;
    if (!ch)
        return 0;
    if (c->chr_kind == XR_CHR_CHANNEL && !c->chr_has_target)
        return xr_error(c, f->pos, "target type must be specified for channel device");
    if (ch->type == XC_CHR_SPICEVMC &&
        !(c->chr_kind == XR_CHR_CHANNEL && ch->target_type.s &&
          strcmp(ch->target_type.s, "virtio") == 0))
        return xr_error(c, f->pos, "spicevmc device type only supports virtio");
    switch (c->chr_kind) {
    case XR_CHR_CONSOLE:
        /* libvirt numbers consoles by position */
        ch->has_target_port = true;
        ch->target_port = (unsigned)(c->dom->consoles.n - 1);
        break;
    case XR_CHR_PARALLEL:
        if (!ch->has_target_port) {
            ch->has_target_port = true;
            ch->target_port = (unsigned)(c->parallel_maxport + 1);
        }
        if ((long long)ch->target_port > c->parallel_maxport)
            c->parallel_maxport = ch->target_port;
        break;
    default:
        break;
    }
    return 0;
}

static int source_mode(struct xr_ctx *c, bool *bind)
{
    const char *mode = xr_attr(c, "mode");
    *bind = false;
    if (!mode)
        return 0;
    if (strcmp(mode, "bind") == 0)
        *bind = true;
    else if (strcmp(mode, "connect") != 0)
        return xr_error(c, xr_attr_pos(c, "mode"),
                        "Invalid value for attribute 'mode' in element 'source': '%s'", mode);
    return 0;
}

int xr_chr_source_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_chr *ch = c->chr;
    c->chr_nsources++;
    if (c->chr_nsources > 1 && ch->type != XC_CHR_UDP)
        return xr_error(c, f->pos, "only one source element is allowed for character device");
    if (c->chr_nsources > 2)
        return xr_error(c, f->pos, "only two source elements are allowed for character device");
    bool bind;
    switch (ch->type) {
    case XC_CHR_FILE:
    case XC_CHR_PTY:
    case XC_CHR_DEV:
    case XC_CHR_PIPE:
        xr_attr_str(c, "path", &ch->path);
        break;
    case XC_CHR_UNIX:
        if (source_mode(c, &bind) < 0)
            return -1;
        ch->listen = bind;
        xr_attr_str(c, "path", &ch->path);
        break;
    case XC_CHR_UDP:
        if (source_mode(c, &bind) < 0)
            return -1;
        if (!bind && !ch->host.s && !ch->service.s) {
            xr_attr_str(c, "host", &ch->host);
            xr_attr_str(c, "service", &ch->service);
        } else if (bind && !ch->bind_host.s && !ch->bind_service.s) {
            xr_attr_str(c, "host", &ch->bind_host);
            xr_attr_str(c, "service", &ch->bind_service);
        }
        break;
    case XC_CHR_TCP:
        if (source_mode(c, &bind) < 0)
            return -1;
        ch->listen = bind;
        xr_attr_str(c, "host", &ch->host);
        xr_attr_str(c, "service", &ch->service);
        break;
    default:
        break;
    }
    return 0;
}

int xr_chr_protocol_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_chr *ch = c->chr;
    if (++c->chr_nprotocols > 1)
        return xr_error(c, f->pos, "only one protocol element is allowed for character device");
    if (ch->type != XC_CHR_TCP)
        return 0;   /* libvirt ignores it; the type attribute is reported */
    const char *type = xr_attr(c, "type");
    if (!type)
        return 0;
    int v = xc_enum_parse(XC_T_CHR_TCP_PROTOCOL, type);
    if (v < 0)
        return xr_error(c, xr_attr_pos(c, "type"), "Unknown protocol '%s'", type);
    ch->protocol = (enum xc_chr_tcp_protocol)v;
    return 0;
}

int xr_chr_target_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const channel_types[] = {"guestfwd", "virtio", "xen", NULL};
    static const char *const console_types[] = {
        "serial", "xen", "uml", "virtio", "lxc", "openvz", "sclp", "sclplm", NULL};
    static const char *const serial_types[] = {
        "isa-serial", "usb-serial", "pci-serial", "spapr-vio-serial",
        "system-serial", "sclp-serial", "isa-debug", NULL};
    struct xc_chr *ch = c->chr;
    c->chr_has_target = true;
    const char *type = xr_attr(c, "type");
    const char *const *list = NULL;
    switch (c->chr_kind) {
    case XR_CHR_CHANNEL: list = channel_types; break;
    case XR_CHR_CONSOLE: list = console_types; break;
    case XR_CHR_SERIAL: list = serial_types; break;
    case XR_CHR_PARALLEL: list = NULL; break;
    }
    if (c->chr_kind == XR_CHR_CHANNEL && !type)
        return xr_error(c, f->pos, "target type must be specified for channel device");
    if (type && list) {
        if (!xr_in_list(list, type))
            return xr_error(c, xr_attr_pos(c, "type"),
                            "unknown target type '%s' specified for character device", type);
        xc_str_set(&ch->target_type, type, xr_attr_pos(c, "type"));
    } else if (type) {
        /* parallel: libvirt reads no target type */
        xr_unmodeled(c, xr_attr_pos(c, "type"), "/domain/devices/parallel/target/@type", type);
    }
    if (c->chr_kind == XR_CHR_CHANNEL) {
        if (strcmp(type, "guestfwd") == 0) {
            xr_unmodeled(c, f->pos, "/domain/devices/channel/target[@type='guestfwd']", NULL);
            xr_attrs_all_used(c);
            return 0;
        }
        xr_attr_str(c, "name", &ch->target_name);
        return 0;
    }
    const char *port = xr_attr(c, "port");
    if (port) {
        if (xc_parse_uint(port, 10, &ch->target_port) < 0)
            return xr_error(c, xr_attr_pos(c, "port"), "Invalid port number: %s", port);
        ch->has_target_port = true;
    }
    return 0;
}
