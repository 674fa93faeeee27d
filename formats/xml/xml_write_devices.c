/* The <devices> element of the domain XML writer, in libvirt 9.0.0's
 * order: emulator, disks, controllers, interfaces, serials, parallels,
 * consoles, channels, inputs, graphics, sounds, videos, hostdevs,
 * memballoon.  Each device mirrors its virDomain*DefFormat function in
 * libvirt's src/conf/domain_conf.c. */
#include "xml_write.h"

#include <arpa/inet.h>
#include <sys/socket.h>
#include <stdlib.h>
#include <string.h>

static const char *enum_or(enum xc_enum_table t, int v, const char *dflt)
{
    const char *s = xc_enum_name(t, v);
    return *s ? s : dflt;
}

/* ---- disks ---------------------------------------------------------- */

static void write_disk_source(struct xw *w, const struct xc_disk *disk)
{
    switch (disk->type) {
    case XC_DISK_TYPE_NONE:
    case XC_DISK_FILE:
    case XC_DISK_BLOCK:
    case XC_DISK_DIR: {
        const char *attr = disk->type == XC_DISK_BLOCK ? "dev"
                         : disk->type == XC_DISK_DIR ? "dir" : "file";
        if (!disk->source.s)
            return;   /* libvirt prints no <source> at all */
        xw_line(w, "<source");
        xw_attr(w, attr, &disk->source);
        xw_lit(w, "/>\n");
        return;
    }
    case XC_DISK_VOLUME:
        /* pool/volume are not in the model */
        if (disk->source.s)
            xw_lost(w, disk->source.pos, "a volume disk's source");
        return;
    case XC_DISK_NETWORK:
        break;
    }

    const struct xc_disk_rare *n = xc_disk_rare_ro(disk);
    xw_line(w, "<source protocol='");
    xw_value_attr(w, n->protocol.s ? n->protocol.s : "none", n->protocol.pos,
                  "disk protocol");
    xw_lit(w, "'");
    xw_attr(w, "name", n->source_name.s ? &n->source_name : &disk->source);
    bool auth = n->auth_user.s || n->secret_type.s || n->secret_usage.s ||
                n->secret_uuid.s;
    if (!n->hosts.n && !auth && !n->snapshot.s && !n->config_file.s) {
        xw_lit(w, "/>\n");
        return;
    }
    xw_lit(w, ">\n");
    w->depth++;
    for (size_t i = 0; i < n->hosts.n; i++) {
        const struct xc_net_host *h = &n->hosts.v[i];
        xw_line(w, "<host");
        xw_attr(w, "name", &h->name);
        if (h->port.s && !xw_streq(h->port.s, "0") && !xw_streq(h->port.s, ""))
            xw_attr(w, "port", &h->port);
        if (h->transport.s && !xw_streq(h->transport.s, "tcp"))
            xw_attr(w, "transport", &h->transport);
        xw_attr(w, "socket", &h->socket);
        xw_lit(w, "/>\n");
    }
    if (n->snapshot.s) {
        xw_line(w, "<snapshot");
        xw_attr(w, "name", &n->snapshot);
        xw_lit(w, "/>\n");
    }
    if (n->config_file.s) {
        xw_line(w, "<config");
        xw_attr(w, "file", &n->config_file);
        xw_lit(w, "/>\n");
    }
    if (auth) {
        xw_line(w, "<auth");
        xw_attr(w, "username", &n->auth_user);
        xw_lit(w, ">\n");
        w->depth++;
        xw_line(w, "<secret");
        xw_attr(w, "type", &n->secret_type);
        if (n->secret_uuid.s)
            xw_attr(w, "uuid", &n->secret_uuid);
        else
            xw_attr(w, "usage", &n->secret_usage);
        xw_lit(w, "/>\n");
        w->depth--;
        xw_line(w, "</auth>\n");
    }
    w->depth--;
    xw_line(w, "</source>\n");
}

static void write_disk(struct xw *w, const struct xc_disk *disk)
{
    xw_line(w, "<disk type='");
    xw_lit(w, enum_or(XC_T_DISK_TYPE, disk->type, "file"));
    xw_lit(w, "' device='");
    xw_lit(w, enum_or(XC_T_DISK_DEVICE, disk->device, "disk"));
    xw_lit(w, "'>\n");
    w->depth++;

    bool type = disk->driver_type.s && !xw_streq(disk->driver_type.s, "none");
    const struct xc_str *driver_cache = &xc_disk_rare_ro(disk)->driver_cache;
    bool cache = driver_cache->s && !xw_streq(driver_cache->s, "default");
    if (disk->driver_name.s || type || cache) {
        xw_line(w, "<driver");
        xw_attr(w, "name", &disk->driver_name);
        if (type)
            xw_attr(w, "type", &disk->driver_type);
        if (cache)
            xw_attr(w, "cache", driver_cache);
        xw_lit(w, "/>\n");
    }

    write_disk_source(w, disk);

    xw_line(w, "<target dev='");
    xw_value_attr(w, disk->target.s ? disk->target.s : "", disk->target.pos, "disk target");
    xw_lit(w, "' bus='");
    xw_lit(w, enum_or(XC_T_DISK_BUS, disk->bus, "none"));
    xw_lit(w, "'");
    if (disk->bus == XC_BUS_USB && disk->removable)
        xw_attr_s(w, "removable", xc_enum_name(XC_T_TRISTATE_SWITCH, disk->removable));
    xw_lit(w, "/>\n");

    if (disk->readonly)
        xw_line(w, "<readonly/>\n");
    if (disk->shareable)
        xw_line(w, "<shareable/>\n");
    if (disk->transient)
        xw_line(w, "<transient/>\n");
    if (disk->addr_present) {
        const struct xc_drive_addr *a = &xc_disk_rare_ro(disk)->addr;
        xw_indent(w);
        xw_fmt(w, "<address type='drive' controller='%u' bus='%u' target='%u' unit='%u'/>\n",
               a->controller, a->bus, a->target, a->unit);
    }
    /* disk->script is an xl leftover libvirt drops; the reader reports it */

    w->depth--;
    xw_line(w, "</disk>\n");
}

/* ---- controllers ---------------------------------------------------- */

static void write_controller(struct xw *w, const struct xc_controller *c)
{
    xw_line(w, "<controller type='");
    xw_lit(w, enum_or(XC_T_CONTROLLER_TYPE, c->type, "ide"));
    /* an index nobody gave or assigned prints as libvirt's -1 */
    if (c->auto_index || !c->has_index)
        xw_lit(w, "' index='-1'");
    else
        xw_fmt(w, "' index='%u'", c->index);
    xw_attr(w, "model", &c->model);
    if ((c->type == XC_CTRL_USB || c->type == XC_CTRL_VIRTIO_SERIAL) && c->has_ports)
        xw_attr_u(w, "ports", c->ports);
    if (c->type == XC_CTRL_XENBUS) {
        if (c->has_max_grant_frames)
            xw_attr_u(w, "maxGrantFrames", c->max_grant_frames);
        if (c->has_max_event_channels)
            xw_attr_u(w, "maxEventChannels", c->max_event_channels);
    }
    xw_lit(w, "/>\n");
}

/* ---- interfaces ----------------------------------------------------- */

static void write_pci_addr(struct xw *w, const struct xc_pci_addr *a, bool with_type)
{
    xw_indent(w);
    xw_fmt(w, "<address %sdomain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%u'/>\n",
           with_type ? "type='pci' " : "", a->domain, a->bus, a->slot, a->function);
}

static void write_ip(struct xw *w, const struct xc_ip *ip)
{
    /* libvirt prints the address as it formats a parsed socket address,
     * and the family it found, whatever family= said. */
    unsigned char raw[16];
    char text[64];
    const char *family = NULL;
    const struct xc_str *addr = &ip->address;

    xw_line(w, "<ip");
    if (addr->s && inet_pton(AF_INET, addr->s, raw) == 1 &&
        inet_ntop(AF_INET, raw, text, sizeof(text))) {
        family = "ipv4";
        xw_attr_s(w, "address", text);
    } else if (addr->s && inet_pton(AF_INET6, addr->s, raw) == 1 &&
               inet_ntop(AF_INET6, raw, text, sizeof(text))) {
        family = "ipv6";
        xw_attr_s(w, "address", text);
    } else {
        xw_lit(w, " address='");
        xw_value_attr(w, addr->s ? addr->s : "", addr->pos, "ip address");
        xw_lit(w, "'");
    }
    if (family)
        xw_attr_s(w, "family", family);
    else
        xw_attr(w, "family", &ip->family);
    if (ip->has_prefix && ip->prefix)
        xw_attr_u(w, "prefix", ip->prefix);
    xw_lit(w, "/>\n");
}

static bool is_virtio_model(const char *m)
{
    return xw_streq(m, "virtio") || xw_streq(m, "virtio-transitional") ||
           xw_streq(m, "virtio-non-transitional");
}

static void write_net(struct xw *w, const struct xc_net *n)
{
    xw_line(w, "<interface type='");
    xw_lit(w, enum_or(XC_T_NET_TYPE, n->type, "user"));
    xw_lit(w, "'");
    if (n->type == XC_NET_HOSTDEV && n->managed == XC_TRI_YES)
        xw_lit(w, " managed='yes'");
    xw_lit(w, ">\n");
    w->depth++;

    xw_line(w, "<mac address='");
    xw_value_attr(w, n->mac.s ? n->mac.s : "00:00:00:00:00:00", n->mac.pos, "mac address");
    xw_lit(w, "'/>\n");

    switch (n->type) {
    case XC_NET_NETWORK:
        xw_line(w, "<source");
        xw_attr(w, "network", &n->network);
        xw_attr(w, "portgroup", &n->portgroup);
        xw_lit(w, "/>\n");
        break;
    case XC_NET_BRIDGE:
        if (n->bridge.s) {
            xw_line(w, "<source");
            xw_attr(w, "bridge", &n->bridge);
            xw_lit(w, "/>\n");
        }
        break;
    case XC_NET_HOSTDEV:
        if (n->driver_name.s && !xw_streq(n->driver_name.s, "default")) {
            xw_line(w, "<driver");
            xw_attr(w, "name", &n->driver_name);
            xw_lit(w, "/>\n");
        }
        xw_line(w, "<source>\n");
        w->depth++;
        write_pci_addr(w, &n->hostdev_addr, true);
        w->depth--;
        xw_line(w, "</source>\n");
        break;
    default:
        break;
    }
    if (n->type != XC_NET_BRIDGE && n->bridge.s)
        xw_lost(w, n->bridge.pos, "a bridge on an interface that is not type='bridge'");

    if (n->vlan_tags.n) {
        xw_line(w, n->vlan_trunk ? "<vlan trunk='yes'>\n" : "<vlan>\n");
        w->depth++;
        for (size_t i = 0; i < n->vlan_tags.n; i++) {
            xw_indent(w);
            xw_fmt(w, "<tag id='%u'/>\n", n->vlan_tags.v[i].id);
        }
        w->depth--;
        xw_line(w, "</vlan>\n");
    }
    if (n->virtualport_type.s) {
        xw_line(w, "<virtualport");
        xw_attr(w, "type", &n->virtualport_type);
        xw_lit(w, "/>\n");
    }
    if (n->has_out_average) {
        xw_line(w, "<bandwidth>\n");
        w->depth++;
        if (n->out_average) {
            xw_line(w, "<outbound");
            xw_attr_u(w, "average", n->out_average);
            if (n->out_peak)
                xw_attr_u(w, "peak", n->out_peak);
            if (n->out_burst)
                xw_attr_u(w, "burst", n->out_burst);
            xw_lit(w, "/>\n");
        }
        w->depth--;
        xw_line(w, "</bandwidth>\n");
    }
    for (size_t i = 0; i < n->ips.n; i++)
        write_ip(w, &n->ips.v[i]);

    if (n->script.s) {
        xw_line(w, "<script");
        xw_attr(w, "path", &n->script);
        xw_lit(w, "/>\n");
    }
    if (n->backend_domain.s) {
        xw_line(w, "<backenddomain");
        xw_attr(w, "name", &n->backend_domain);
        xw_lit(w, "/>\n");
    }
    /* Inactive XML leaves out target names libvirt or libxl generated. */
    if (n->ifname.s &&
        (w->active || !xc_net_ifname_generated(n->ifname.s))) {
        xw_line(w, "<target");
        xw_attr(w, "dev", &n->ifname);
        xw_lit(w, "/>\n");
    }
    if (n->model.s) {
        xw_line(w, "<model");
        xw_attr(w, "type", &n->model);
        xw_lit(w, "/>\n");
    }
    if (n->type != XC_NET_HOSTDEV && n->driver_name.s) {
        if (is_virtio_model(n->model.s)) {
            xw_line(w, "<driver");
            xw_attr(w, "name", &n->driver_name);
            xw_lit(w, "/>\n");
        } else {
            xw_lost(w, n->driver_name.pos, "a driver name on an interface whose model is not virtio");
        }
    }

    w->depth--;
    xw_line(w, "</interface>\n");
}

/* ---- character devices ---------------------------------------------- */

enum chr_kind { CHR_SERIAL, CHR_PARALLEL, CHR_CONSOLE, CHR_CHANNEL };

static void write_chr_source(struct xw *w, const struct xc_chr *c)
{
    switch (c->type) {
    case XC_CHR_NONE:
    case XC_CHR_NULL:
    case XC_CHR_VC:
    case XC_CHR_STDIO:
    case XC_CHR_SPICEVMC:
    case XC_CHR_SPICEPORT:
        break;
    case XC_CHR_PTY:
    case XC_CHR_DEV:
    case XC_CHR_FILE:
    case XC_CHR_PIPE:
        /* a pty's path is run-time state: not in inactive XML */
        if (c->path.s && (c->type != XC_CHR_PTY || w->active)) {
            xw_line(w, "<source");
            xw_attr(w, "path", &c->path);
            xw_lit(w, "/>\n");
        }
        break;
    case XC_CHR_UDP:
        if (c->bind_service.s || c->bind_host.s) {
            xw_line(w, "<source mode='bind'");
            xw_attr(w, "host", &c->bind_host);
            xw_attr(w, "service", &c->bind_service);
            xw_lit(w, "/>\n");
        }
        if (c->service.s || c->host.s) {
            xw_line(w, "<source mode='connect'");
            xw_attr(w, "host", &c->host);
            xw_attr(w, "service", &c->service);
            xw_lit(w, "/>\n");
        }
        break;
    case XC_CHR_TCP:
        /* libvirt's spacing here is its own: " mode='x' host='h' service='s'" */
        xw_line(w, c->listen ? "<source mode='bind' " : "<source mode='connect' ");
        if (c->host.s) {
            xw_lit(w, "host='");
            xw_value_attr(w, c->host.s, c->host.pos, "host");
            xw_lit(w, "' ");
        }
        if (c->service.s) {
            xw_lit(w, "service='");
            xw_value_attr(w, c->service.s, c->service.pos, "service");
            xw_lit(w, "'");
        }
        xw_lit(w, "/>\n");
        xw_line(w, "<protocol type='");
        xw_lit(w, enum_or(XC_T_CHR_TCP_PROTOCOL, c->protocol, "raw"));
        xw_lit(w, "'/>\n");
        break;
    case XC_CHR_UNIX:
        if (c->path.s) {
            xw_line(w, c->listen ? "<source mode='bind'" : "<source mode='connect'");
            xw_attr(w, "path", &c->path);
            xw_lit(w, "/>\n");
        }
        break;
    }
}

static void write_chr(struct xw *w, const struct xc_chr *c, enum chr_kind kind,
                      const char *console_target)
{
    static const char *const names[] = {"serial", "parallel", "console", "channel"};
    unsigned port = c->has_target_port ? c->target_port : 0;

    xw_indent(w);
    xw_fmt(w, "<%s type='%s'", names[kind], enum_or(XC_T_CHR_TYPE, c->type, "null"));
    /* legacy <console tty=...> in live XML */
    if (kind == CHR_CONSOLE && port == 0 && c->type == XC_CHR_PTY && w->active && c->path.s)
        xw_attr(w, "tty", &c->path);
    xw_lit(w, ">\n");
    w->depth++;
    write_chr_source(w, c);

    switch (kind) {
    case CHR_SERIAL:
        xw_line(w, "<target ");
        if (c->target_type.s && !xw_streq(c->target_type.s, "none")) {
            xw_lit(w, "type='");
            xw_value_attr(w, c->target_type.s, c->target_type.pos, "serial target type");
            xw_lit(w, "' ");
        }
        xw_fmt(w, "port='%u'/>\n", port);
        break;
    case CHR_PARALLEL:
        xw_indent(w);
        xw_fmt(w, "<target port='%u'/>\n", port);
        break;
    case CHR_CONSOLE:
        xw_line(w, "<target type='");
        if (console_target)
            xw_lit(w, console_target);
        else
            xw_value_attr(w, c->target_type.s ? c->target_type.s : "none", c->target_type.pos,
                          "console target type");
        xw_fmt(w, "' port='%u'/>\n", port);
        break;
    case CHR_CHANNEL: {
        const char *tt = c->target_type.s ? c->target_type.s : "none";
        xw_line(w, "<target type='");
        xw_value_attr(w, tt, c->target_type.pos, "channel target type");
        xw_lit(w, "'");
        if (xw_streq(tt, "xen") || xw_streq(tt, "virtio"))
            xw_attr(w, "name", &c->target_name);
        xw_lit(w, "/>\n");
        break;
    }
    }

    w->depth--;
    xw_indent(w);
    xw_fmt(w, "</%s>\n", names[kind]);
}

static void write_consoles(struct xw *w, const struct xc_domain *dom)
{
    for (size_t i = 0; i < dom->consoles.n; i++) {
        const struct xc_chr *c = &dom->consoles.v[i];
        /* Back-compat in libvirt: an HVM guest's serial-type console is
         * printed as a copy of the serial device at the same index. */
        if (dom->os.type == XC_OS_HVM &&
            (!c->target_type.s || xw_streq(c->target_type.s, "serial") ||
             xw_streq(c->target_type.s, "none")) &&
            i < dom->serials.n)
            write_chr(w, &dom->serials.v[i], CHR_CONSOLE, "serial");
        else
            write_chr(w, c, CHR_CONSOLE, NULL);
    }
}

/* ---- input, graphics, sound, video ---------------------------------- */

static void write_input(struct xw *w, const struct xc_input *in)
{
    xw_line(w, "<input type='");
    xw_lit(w, enum_or(XC_T_INPUT_TYPE, in->type, "mouse"));
    xw_lit(w, "' bus='");
    xw_lit(w, enum_or(XC_T_INPUT_BUS, in->bus, "ps2"));
    xw_lit(w, "'/>\n");
}

static void write_listen(struct xw *w, const struct xc_graphics *g)
{
    /* The model holds one listen of type 'address'.  libvirt 9.0.0 always
     * has one for vnc and spice (its XML parser and the Xen parsers add it
     * when none is given), so it is printed whether or not has_listen is
     * set. */
    xw_line(w, "<listen type='address'");
    xw_attr(w, "address", &g->listen);
    xw_lit(w, "/>\n");
}

/* The password is written in the SECURE formatting of inactive XML.  A
 * running domain's XML (a model with an id: libvirt's sexpr2xml, which
 * formats with no flags) leaves it out, as libvirt does. */
static void write_passwd(struct xw *w, const struct xc_graphics *g)
{
    if (!g->passwd.s)
        return;
    if (w->active) {
        xw_lost(w, g->passwd.pos, "a graphics password in a running domain's XML");
        return;
    }
    xw_attr(w, "passwd", &g->passwd);
}

static void write_graphics(struct xw *w, const struct xc_graphics *g)
{
    xw_line(w, "<graphics type='");
    xw_lit(w, enum_or(XC_T_GRAPHICS_TYPE, g->type, "sdl"));
    xw_lit(w, "'");

    switch (g->type) {
    case XC_GFX_NONE:
    case XC_GFX_SDL:
        xw_attr(w, "display", &g->display);
        xw_attr(w, "xauth", &g->xauth);
        if (g->fullscreen == XC_TRI_YES)
            xw_lit(w, " fullscreen='yes'");
        if (g->gl) {
            xw_lit(w, ">\n");
            w->depth++;
            xw_line(w, "<gl");
            xw_attr_s(w, "enable", xc_enum_name(XC_T_TRISTATE_BOOL, g->gl));
            xw_lit(w, "/>\n");
            w->depth--;
            xw_line(w, "</graphics>\n");
        } else {
            xw_lit(w, "/>\n");
        }
        return;

    case XC_GFX_VNC: {
        int port = g->has_port ? g->port : 0;
        bool autoport = g->autoport == XC_TRI_YES ||
                        (g->autoport == XC_TRI_ABSENT && port == -1);
        if (port == -1)
            port = 0;
        if (port && (!autoport || w->active))
            xw_fmt(w, " port='%d'", port);
        else if (autoport)
            xw_lit(w, " port='-1'");
        xw_fmt(w, " autoport='%s'", autoport ? "yes" : "no");
        xw_attr(w, "listen", &g->listen);
        xw_attr(w, "keymap", &g->keymap);
        write_passwd(w, g);
        xw_lit(w, ">\n");
        w->depth++;
        write_listen(w, g);
        w->depth--;
        xw_line(w, "</graphics>\n");
        return;
    }

    case XC_GFX_SPICE: {
        int port = g->has_port ? g->port : 0;
        int tls = g->has_tls_port ? g->tls_port : 0;
        if (port)
            xw_fmt(w, " port='%d'", port);
        if (tls)
            xw_fmt(w, " tlsPort='%d'", tls);
        xw_fmt(w, " autoport='%s'", g->autoport == XC_TRI_YES ? "yes" : "no");
        xw_attr(w, "listen", &g->listen);
        xw_attr(w, "keymap", &g->keymap);
        if (g->default_mode.s && !xw_streq(g->default_mode.s, "any"))
            xw_attr(w, "defaultMode", &g->default_mode);
        write_passwd(w, g);
        xw_lit(w, ">\n");
        w->depth++;
        write_listen(w, g);
        if (g->mouse_mode.s && !xw_streq(g->mouse_mode.s, "default")) {
            xw_line(w, "<mouse");
            xw_attr(w, "mode", &g->mouse_mode);
            xw_lit(w, "/>\n");
        }
        if (g->copypaste) {
            xw_line(w, "<clipboard");
            xw_attr_s(w, "copypaste", xc_enum_name(XC_T_TRISTATE_BOOL, g->copypaste));
            xw_lit(w, "/>\n");
        }
        w->depth--;
        xw_line(w, "</graphics>\n");
        return;
    }
    }
}

static void write_video(struct xw *w, const struct xc_video *v)
{
    xw_line(w, "<video>\n");
    w->depth++;
    xw_line(w, "<model type='");
    xw_value_attr(w, v->model.s ? v->model.s : "default", v->model.pos, "video model");
    xw_lit(w, "'");
    if (v->has_ram && v->ram)
        xw_attr_u(w, "ram", v->ram);
    if (v->has_vram && v->vram)
        xw_attr_u(w, "vram", v->vram);
    if (v->has_heads && v->heads)
        xw_attr_u(w, "heads", v->heads);
    if (v->primary == XC_TRI_YES)
        xw_lit(w, " primary='yes'");
    xw_lit(w, "/>\n");
    w->depth--;
    xw_line(w, "</video>\n");
}

/* ---- hostdevs ------------------------------------------------------- */

/* libvirt stores USB ids as numbers and prints them 0x%.4x. */
static void write_usb_id(struct xw *w, const char *elem, const struct xc_str *id)
{
    char *end = NULL;
    unsigned long v = id->s ? strtoul(id->s, &end, 0) : 0;
    xw_indent(w);
    xw_fmt(w, "<%s id='", elem);
    if (id->s && *id->s && end && !*end && v <= 0xffff)
        xw_fmt(w, "0x%.4lx", v);
    else
        xw_value_attr(w, id->s ? id->s : "", id->pos, elem);
    xw_lit(w, "'/>\n");
}

static bool usb_id_nonzero(const struct xc_str *id)
{
    if (!id->s)
        return false;
    char *end = NULL;
    unsigned long v = strtoul(id->s, &end, 0);
    return !(end && !*end && v == 0 && *id->s);
}

static void write_hostdev(struct xw *w, const struct xc_hostdev *h)
{
    const char *type = enum_or(XC_T_HOSTDEV_TYPE, h->type, "usb");
    xw_line(w, "<hostdev mode='subsystem' type='");
    xw_lit(w, type);
    xw_fmt(w, "' managed='%s'>\n", h->managed == XC_TRI_YES ? "yes" : "no");
    w->depth++;

    if (h->type == XC_HOSTDEV_PCI) {
        if (h->driver_name.s && !xw_streq(h->driver_name.s, "default")) {
            xw_line(w, "<driver");
            xw_attr(w, "name", &h->driver_name);
            xw_lit(w, "/>\n");
        }
        xw_line(w, "<source");
        if (h->write_filtering)
            xw_attr_s(w, "writeFiltering", xc_enum_name(XC_T_TRISTATE_BOOL, h->write_filtering));
        xw_lit(w, ">\n");
        w->depth++;
        write_pci_addr(w, &h->pci, false);
        w->depth--;
        xw_line(w, "</source>\n");
    } else {
        bool ids = usb_id_nonzero(&h->usb_vendor);
        bool addr = h->has_usb_addr && (h->usb_bus || h->usb_device);
        if (ids || addr) {
            xw_line(w, "<source>\n");
            w->depth++;
            if (ids) {
                write_usb_id(w, "vendor", &h->usb_vendor);
                write_usb_id(w, "product", &h->usb_product);
            }
            if (addr) {
                xw_indent(w);
                xw_fmt(w, "<address bus='%u' device='%u'/>\n", h->usb_bus, h->usb_device);
            }
            w->depth--;
            xw_line(w, "</source>\n");
        }
        if (h->driver_name.s)
            xw_lost(w, h->driver_name.pos, "a driver name on a USB hostdev");
    }

    w->depth--;
    xw_line(w, "</hostdev>\n");
}

/* ---- <devices> ------------------------------------------------------ */

void xw_devices(struct xw *w)
{
    const struct xc_domain *dom = w->dom;

    xw_line(w, "<devices>\n");
    w->depth++;

    xw_text_elem(w, "emulator", &dom->emulator);
    for (size_t i = 0; i < dom->disks.n; i++)
        write_disk(w, &dom->disks.v[i]);
    for (size_t i = 0; i < dom->controllers.n; i++)
        write_controller(w, &dom->controllers.v[i]);
    for (size_t i = 0; i < dom->nets.n; i++)
        write_net(w, &dom->nets.v[i]);
    for (size_t i = 0; i < dom->serials.n; i++)
        write_chr(w, &dom->serials.v[i], CHR_SERIAL, NULL);
    for (size_t i = 0; i < dom->parallels.n; i++)
        write_chr(w, &dom->parallels.v[i], CHR_PARALLEL, NULL);
    write_consoles(w, dom);
    for (size_t i = 0; i < dom->channels.n; i++)
        write_chr(w, &dom->channels.v[i], CHR_CHANNEL, NULL);
    for (size_t i = 0; i < dom->inputs.n; i++)
        write_input(w, &dom->inputs.v[i]);
    for (size_t i = 0; i < dom->graphics.n; i++)
        write_graphics(w, &dom->graphics.v[i]);
    for (size_t i = 0; i < dom->sounds.n; i++) {
        const struct xc_sound *s = &dom->sounds.v[i];
        xw_line(w, "<sound model='");
        xw_value_attr(w, s->model.s ? s->model.s : "sb16", s->model.pos, "sound model");
        xw_lit(w, "'/>\n");
    }
    for (size_t i = 0; i < dom->videos.n; i++)
        write_video(w, &dom->videos.v[i]);
    for (size_t i = 0; i < dom->hostdevs.n; i++)
        write_hostdev(w, &dom->hostdevs.v[i]);
    if (dom->memballoon_model.s) {
        xw_line(w, "<memballoon");
        xw_attr(w, "model", &dom->memballoon_model);
        xw_lit(w, "/>\n");
    }

    w->depth--;
    xw_line(w, "</devices>\n");
}
