/* Device specs of the xl writer: one function per xl list item, each
 * producing what libvirt 9.0.0's xen_xl.c / xen_common.c formatters
 * produce, except that a value which would change the spec's meaning is
 * refused (xl_write_safe.c) and every dropped attribute is a warning. */
#include "xl_write.h"

#include <inttypes.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static int append_checked(struct xc_buf *b, const struct xc_str *v,
                          const char *what, const char *where,
                          const char *forbid, struct xc_diags *d)
{
    if (!xc_xlw_check(v->s, v->pos, what, where, forbid, d))
        return -1;
    xc_buf_add(b, v->s);
    return 0;
}

/* ==== disks ============================================================ */

static const char *disk_format(const struct xc_disk *disk, struct xc_diags *d)
{
    const char *t = disk->driver_type.s;
    struct xc_pos pos = disk->driver_type.pos;

    if (!t || streq(t, "raw"))
        return "raw";
    if (streq(t, "qcow") || streq(t, "qcow2") || streq(t, "qed"))
        return t;
    if (streq(t, "vhd")) {
        /* libvirt 9.0.0 writes "xvhd", which xl (xlu_disk_parse) refuses
         * and libvirt cannot read back either; like the xl-safe string
         * quoting, we write the form xl reads (docs/compat.md). */
        return "vhd";
    }
    if (!streq(t, "iso"))
        xc_warn(d, pos, XLW_LOST,
                "disk format '%s' cannot be expressed in xl; written as "
                "format=raw, as libvirt does", t);
    return "raw";
}

/* rbd:POOL/IMAGE:auth_supported=none[:mon_host=H1\:P1\;H2...]
 *
 * The value carries single backslashes (what xl must read and hand to
 * qemu); the cfg serializer doubles them, which gives libvirt's bytes for
 * the port and host separators.  libvirt writes an IPv6 host's escaped
 * colons with one backslash in the file, which xl refuses ("\:" is no xl
 * escape); ours are doubled like the rest and read back as intended. */
static int disk_rbd(const struct xc_disk *disk, struct xc_buf *t,
                    struct xc_diags *d)
{
    const char *name = disk->source_name.s;
    const char *slash = name ? strchr(name, '/') : NULL;
    struct xc_pos pos = disk->source_name.pos;

    if (!name) {
        xc_error(d, disk->pos, XLW_UNSUPPORTED,
                 "rbd disk '%s' has no source name",
                 disk->target.s ? disk->target.s : "");
        return -1;
    }
    if (!slash || slash == name) {
        xc_error(d, pos, XLW_UNSUPPORTED,
                 "can't split rbd source name '%s' into pool name and "
                 "image name", name);
        return -1;
    }
    if (strchr(slash + 1, ':')) {
        xc_error(d, pos, XLW_UNSUPPORTED,
                 "':' not allowed in RBD source volume name '%s'", slash + 1);
        return -1;
    }
    /* qemu's rbd: syntax separates options with ':' and unescapes '\'. */
    if (!xc_xlw_check(name, pos, "rbd source name", "an rbd disk target",
                      ":\\", d))
        return -1;
    xc_buf_add(t, "rbd:");
    xc_buf_add(t, name);
    xc_buf_add(t, ":auth_supported=none");
    if (disk->auth_user.s || disk->secret_type.s || disk->secret_usage.s ||
        disk->secret_uuid.s)
        xc_warn(d, disk->pos, XLW_LOST,
                "rbd disk '%s': <auth> is not carried to xl (libvirt writes "
                "auth_supported=none)", disk->target.s ? disk->target.s : "");
    for (size_t i = 0; i < disk->hosts.n; i++) {
        const struct xc_net_host *h = &disk->hosts.v[i];

        xc_buf_add(t, i ? "\\;" : ":mon_host=");
        if (!h->name.s) {
            xc_error(d, disk->pos, XLW_UNSUPPORTED,
                     "rbd disk '%s': host %zu has no name",
                     disk->target.s ? disk->target.s : "", i + 1);
            return -1;
        }
        if (!xc_xlw_check(h->name.s, h->name.pos, "rbd host name",
                          "an rbd disk target", ";\\[]", d))
            return -1;
        if (strchr(h->name.s, ':')) {
            /* an IPv6 address: bracketed, each ':' escaped once */
            xc_buf_addc(t, '[');
            for (const char *p = h->name.s; *p; p++) {
                if (*p == ':')
                    xc_buf_addc(t, '\\');
                xc_buf_addc(t, *p);
            }
            xc_buf_addc(t, ']');
        } else {
            xc_buf_add(t, h->name.s);
        }
        if (h->port.s) {
            char *end;
            unsigned long port = strtoul(h->port.s, &end, 10);

            if (!*h->port.s || *end || h->port.s[0] < '0' ||
                h->port.s[0] > '9' || port > 65535) {
                xc_error(d, h->port.pos, XLW_UNSUPPORTED,
                         "rbd host port '%s' is not a port number",
                         h->port.s);
                return -1;
            }
            if (port)
                xc_buf_addf(t, "\\:%lu", port);
        }
        if (h->transport.s || h->socket.s)
            xc_warn(d, disk->pos, XLW_LOST,
                    "rbd disk '%s': host transport/socket is not carried "
                    "to xl", disk->target.s ? disk->target.s : "");
    }
    return 0;
}

/* The target= value, or nothing when the source is empty. */
static int disk_target(const struct xc_disk *disk, struct xc_buf *t,
                       bool *have, struct xc_diags *d)
{
    const char *dev = disk->target.s ? disk->target.s : "";

    *have = false;
    switch (disk->type) {
    case XC_DISK_FILE:
    case XC_DISK_BLOCK:
    case XC_DISK_DIR:
        if (!disk->source.s)
            return 0;
        xc_buf_add(t, disk->source.s);
        *have = true;
        return 0;
    case XC_DISK_NETWORK:
        if (!disk->protocol.s)
            return 0;
        if (!streq(disk->protocol.s, "rbd")) {
            xc_error(d, disk->protocol.pos, XLW_UNSUPPORTED,
                     "disk '%s': unsupported network block protocol '%s' "
                     "(xl takes rbd only)", dev, disk->protocol.s);
            return -1;
        }
        *have = true;
        return disk_rbd(disk, t, d);
    case XC_DISK_VOLUME:
        xc_warn(d, disk->pos, XLW_LOST,
                "disk '%s': a storage pool volume source is not carried to "
                "xl (libvirt writes no target)", dev);
        return 0;
    case XC_DISK_TYPE_NONE:
        if (disk->source.s)
            xc_warn(d, disk->source.pos, XLW_LOST,
                    "disk '%s': source of a disk without type is not "
                    "carried to xl", dev);
        return 0;
    }
    return 0;
}

int xc_xlw_disk(const struct xc_disk *disk, struct xc_buf *b,
                struct xc_diags *d)
{
    const char *where = "an xl disk spec";
    const char *drv = disk->driver_name.s;
    struct xc_buf target = {0};
    bool have_target;
    int rc = -1;

    if (!disk->target.s) {
        xc_error(d, disk->pos, XLW_UNSUPPORTED, "disk has no target dev");
        return -1;
    }
    if (disk->transient) {
        xc_error(d, disk->pos, XLW_UNSUPPORTED,
                 "disk '%s': transient disks not supported yet",
                 disk->target.s);
        return -1;
    }
    xc_buf_add(b, "format=");
    xc_buf_add(b, disk_format(disk, d));
    xc_buf_add(b, ",vdev=");
    if (append_checked(b, &disk->target, "disk target dev", where,
                       XLW_FORBID_SPEC, d) < 0)
        return -1;
    xc_buf_add(b, ",access=");
    xc_buf_add(b, disk->readonly ? "ro" : disk->shareable ? "!" : "rw");
    if (drv) {
        const char *bt = NULL;

        if (streq(drv, "qemu") || streq(drv, "file"))
            bt = "qdisk";
        else if (streq(drv, "tap") || streq(drv, "phy"))
            bt = drv;
        if (!bt) {
            /* libvirt writes an empty backendtype=, which xl rejects */
            xc_error(d, disk->driver_name.pos, XLW_UNSUPPORTED,
                     "disk '%s': driver name '%s' has no xl backendtype "
                     "(xl knows phy, tap and qdisk: driver names phy, tap, "
                     "qemu, file)", disk->target.s, drv);
            return -1;
        }
        xc_buf_add(b, ",backendtype=");
        xc_buf_add(b, bt);
    }
    if (disk->device == XC_DISK_DEV_CDROM)
        xc_buf_add(b, ",devtype=cdrom");
    else if (disk->device == XC_DISK_DEV_LUN)
        xc_warn(d, disk->pos, XLW_LOST,
                "disk '%s': device='lun' is not carried to xl (written as a "
                "plain disk)", disk->target.s);

    if (disk->driver_cache.s)
        xc_warn(d, disk->driver_cache.pos, XLW_LOST,
                "disk '%s': driver cache='%s' is not carried to xl",
                disk->target.s, disk->driver_cache.s);
    if (disk->script.s)
        xc_warn(d, disk->script.pos, XLW_LOST,
                "disk '%s': script '%s' is not carried to xl (libvirt drops "
                "it)", disk->target.s, disk->script.s);
    if (disk->removable != XC_TRI_ABSENT)
        xc_warn(d, disk->pos, XLW_LOST,
                "disk '%s': removable= is not carried to xl", disk->target.s);

    /* target= comes last: xlu_disk_parse takes the rest of the spec as
     * the target, commas and '=' included, but strips one trailing ','
     * and stops at a newline. */
    if (disk_target(disk, &target, &have_target, d) < 0)
        goto out;
    if (have_target) {
        const struct xc_pos pos = disk->type == XC_DISK_NETWORK
                                      ? disk->source_name.pos
                                      : disk->source.pos;
        const char *t = xc_buf_str(&target);

        if (!xc_xlw_check(t, pos, "disk source", where, "", d))
            goto out;
        if (target.len && t[target.len - 1] == ',') {
            xc_error(d, pos, XLW_UNSAFE,
                     "disk source '%s' ends in ',', which xl strips from a "
                     "disk target; refusing to write it", t);
            goto out;
        }
        xc_buf_add(b, ",target=");
        xc_buf_add_len(b, t, target.len);
    }
    rc = 0;
out:
    xc_buf_free(&target);
    return rc;
}

/* ==== network interfaces =============================================== */

static void vif_warnings(const struct xc_net *net, bool ovs,
                         struct xc_diags *d)
{
    const char *mac = net->mac.s ? net->mac.s : "";

    if (net->portgroup.s)
        xc_warn(d, net->portgroup.pos, XLW_LOST,
                "interface %s: portgroup '%s' is not carried to xl", mac,
                net->portgroup.s);
    if (net->driver_name.s)
        xc_warn(d, net->driver_name.pos, XLW_LOST,
                "interface %s: driver name '%s' is not carried to xl", mac,
                net->driver_name.s);
    if (net->virtualport_type.s && !ovs)
        xc_warn(d, net->virtualport_type.pos, XLW_LOST,
                "interface %s: virtualport type '%s' is not carried to xl",
                mac, net->virtualport_type.s);
    if (net->vlan_tags.n && !ovs)
        xc_warn(d, net->pos, XLW_LOST,
                "interface %s: <vlan> is carried to xl only with an "
                "openvswitch virtualport on a bridge", mac);
    if (net->has_out_average && (net->out_peak || net->out_burst))
        xc_warn(d, net->pos, XLW_LOST,
                "interface %s: outbound bandwidth peak/burst are not carried "
                "to xl (only the average rate)", mac);
    if (net->backend_domain.s)
        xc_warn(d, net->backend_domain.pos, XLW_LOST,
                "interface %s: backend domain '%s' is not carried to xl "
                "(libvirt drops it)", mac, net->backend_domain.s);
    for (size_t i = 0; i < net->ips.n; i++)
        if (net->ips.v[i].has_prefix)
            xc_warn(d, net->ips.v[i].address.pos, XLW_LOST,
                    "interface %s: prefix of ip %s is not carried to xl", mac,
                    net->ips.v[i].address.s ? net->ips.v[i].address.s : "");
}

static int append_ip(struct xc_buf *b, const struct xc_str *a,
                     struct xc_diags *d)
{
    struct addrinfo hints = {0}, *res = NULL;
    char host[1025]; /* NI_MAXHOST; getnameinfo fails rather than truncate */
    int rc = -1;

    /* xl's ip= is a space separated list */
    if (!xc_xlw_check(a->s, a->pos, "interface ip address", "a vif spec",
                      XLW_FORBID_SPEC " ", d))
        return -1;
    hints.ai_family = AF_UNSPEC;
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo(a->s, NULL, &hints, &res) != 0 || !res ||
        getnameinfo(res->ai_addr, res->ai_addrlen, host, sizeof(host), NULL,
                    0, NI_NUMERICHOST) != 0) {
        xc_error(d, a->pos, XLW_UNSUPPORTED,
                 "interface ip '%s' is not a numeric IPv4 or IPv6 address",
                 a->s);
        goto out;
    }
    /* a scope id ("fe80::1%eth0") is the only text getnameinfo adds */
    {
        struct xc_str canon = {host, a->pos};
        if (append_checked(b, &canon, "interface ip address", "a vif spec",
                           XLW_FORBID_SPEC " ", d) < 0)
            goto out;
    }
    rc = 0;
out:
    if (res)
        freeaddrinfo(res);
    return rc;
}

static int vif_ips(const struct xc_net *net, struct xc_buf *b,
                   struct xc_diags *d)
{
    if (!net->ips.n)
        return 0;
    xc_buf_add(b, ",ip=");
    for (size_t i = 0; i < net->ips.n; i++) {
        const struct xc_str *a = &net->ips.v[i].address;

        if (i)
            xc_buf_addc(b, ' ');
        if (!a->s) {
            xc_error(d, net->pos, XLW_UNSUPPORTED,
                     "interface ip %zu has no address", i + 1);
            return -1;
        }
        /* libvirt prints the address it parsed (virSocketAddrFormat):
         * numeric getaddrinfo, then numeric getnameinfo */
        if (append_ip(b, a, d) < 0)
            return -1;
    }
    return 0;
}

int xc_xlw_vif(const struct xc_net *net, bool hvm, struct xc_buf *b,
               struct xc_diags *d)
{
    const char *where = "a vif spec";
    bool ovs = streq(net->virtualport_type.s, "openvswitch") &&
               net->type == XC_NET_BRIDGE;
    struct xc_str zero_mac = {(char *)"00:00:00:00:00:00", xc_nopos};

    if (xc_xlw_spec_field(b, true, "mac", net->mac.s ? &net->mac : &zero_mac,
                          "interface MAC address", where, d) < 0)
        return -1;

    switch (net->type) {
    case XC_NET_BRIDGE: {
        const struct xc_str *script = &net->script;
        struct xc_str dflt = {(char *)(ovs ? "vif-openvswitch" : "vif-bridge"),
                              xc_nopos};

        if (!net->bridge.s) {
            xc_error(d, net->pos, XLW_UNSUPPORTED,
                     "interface of type 'bridge' has no source bridge");
            return -1;
        }
        if (xc_xlw_spec_field(b, false, "bridge", &net->bridge,
                              "interface bridge name", where, d) < 0)
            return -1;
        /* openvswitch: BRIDGE[.VLAN][:TRUNK:TRUNK...] */
        if (ovs && net->vlan_tags.n) {
            if (net->vlan_trunk || net->vlan_tags.n > 1) {
                for (size_t i = 0; i < net->vlan_tags.n; i++)
                    xc_buf_addf(b, ":%u", net->vlan_tags.v[i].id);
            } else {
                xc_buf_addf(b, ".%u", net->vlan_tags.v[0].id);
            }
        }
        if (vif_ips(net, b, d) < 0)
            return -1;
        if (xc_xlw_spec_field(b, false, "script", script->s ? script : &dflt,
                              "interface script", where, d) < 0)
            return -1;
        break;
    }
    case XC_NET_ETHERNET:
        if (net->script.s &&
            xc_xlw_spec_field(b, false, "script", &net->script,
                              "interface script", where, d) < 0)
            return -1;
        if (vif_ips(net, b, d) < 0)
            return -1;
        break;
    case XC_NET_NETWORK:
        xc_error(d, net->pos, XLW_UNSUPPORTED,
                 "interface of type 'network' (network '%s'): libvirt asks "
                 "its network driver for the bridge, which xenconv cannot "
                 "do; use an interface of type 'bridge'",
                 net->network.s ? net->network.s : "");
        return -1;
    default: {
        /* libvirt's zero net type is 'user' */
        const char *t = net->type == XC_NET_NONE
                            ? "user" : xc_enum_name(XC_T_NET_TYPE, net->type);
        xc_error(d, net->pos, XLW_UNSUPPORTED,
                 "Unsupported net type '%s'", t ? t : "?");
        return -1;
    }
    }

    if (net->model.s) {
        if (hvm && streq(net->model.s, "netfront")) {
            xc_buf_add(b, ",type=vif");
        } else if (xc_xlw_spec_field(b, false, "model", &net->model,
                                     "interface model", where, d) < 0) {
            return -1;
        }
    }
    if (net->ifname.s &&
        xc_xlw_spec_field(b, false, "vifname", &net->ifname,
                          "interface target dev", where, d) < 0)
        return -1;
    if (net->has_out_average && net->out_average)
        xc_buf_addf(b, ",rate=%" PRIu64 "KB/s", net->out_average);
    vif_warnings(net, ovs, d);
    return 0;
}

/* ==== host devices and controllers ===================================== */

static void hostdev_warnings(const struct xc_hostdev *hd, struct xc_diags *d)
{
    if (hd->managed == XC_TRI_YES)
        xc_warn(d, hd->pos, XLW_LOST,
                "hostdev managed='yes' is not carried to xl (make the device "
                "assignable with xl pci-assignable-add / usb tools)");
    if (hd->driver_name.s && !streq(hd->driver_name.s, "xen"))
        xc_warn(d, hd->driver_name.pos, XLW_LOST,
                "hostdev driver name '%s' is not carried to xl",
                hd->driver_name.s);
    if (hd->extra_opts.s)
        xc_warn(d, hd->extra_opts.pos, XLW_LOST,
                "pci options '%s' are not carried (libvirt does not model "
                "them)", hd->extra_opts.s);
}

int xc_xlw_pci(const struct xc_hostdev *hd, struct xc_buf *b,
               struct xc_diags *d)
{
    xc_buf_addf(b, "%04x:%02x:%02x.%x", hd->pci.domain, hd->pci.bus,
                hd->pci.slot, hd->pci.function);
    if (hd->write_filtering == XC_TRI_YES)
        xc_buf_add(b, ",permissive=0");
    else if (hd->write_filtering == XC_TRI_NO)
        xc_buf_add(b, ",permissive=1");
    hostdev_warnings(hd, d);
    return 0;
}

int xc_xlw_usbdev(const struct xc_hostdev *hd, struct xc_buf *b,
                  struct xc_diags *d)
{
    if (!hd->has_usb_addr && (hd->usb_vendor.s || hd->usb_product.s)) {
        /* libvirt writes hostbus=0,hostaddr=0: a device that is not there */
        xc_error(d, hd->pos, XLW_UNSUPPORTED,
                 "USB hostdev chosen by vendor/product cannot be expressed "
                 "in xl; give its bus and device address");
        return -1;
    }
    xc_buf_addf(b, "hostbus=%x,hostaddr=%x", hd->usb_bus, hd->usb_device);
    if (hd->has_usb_addr && (hd->usb_vendor.s || hd->usb_product.s))
        xc_warn(d, hd->pos, XLW_LOST,
                "USB hostdev vendor/product are not carried to xl (only the "
                "bus/device address)");
    hostdev_warnings(hd, d);
    return 0;
}

int xc_xlw_usbctrl(const struct xc_controller *c, struct xc_buf *b,
                   struct xc_diags *d)
{
    if (c->model.s) {
        if (streq(c->model.s, "qusb1")) {
            xc_buf_add(b, "type=qusb,version=1,");
        } else if (streq(c->model.s, "qusb2")) {
            xc_buf_add(b, "type=qusb,version=2,");
        } else {
            xc_error(d, c->model.pos, XLW_UNSUPPORTED,
                     "USB controller model '%s' is not supported by xl "
                     "(qusb1 or qusb2)", c->model.s);
            return -1;
        }
    }
    if (c->has_ports)
        xc_buf_addf(b, "ports=%x", c->ports);
    return 0;
}

/* ==== character devices ================================================ */

/* libvirt escapes '\' and ')' in chardev paths (virBufferEscapeSexpr),
 * which changes the path for xl; qemu splits its options on ','. */
#define CHR_FORBID_PATH ",\\)"

static int chr_path(const struct xc_chr *c, const char *what,
                    struct xc_buf *b, struct xc_diags *d)
{
    if (!c->path.s) {
        xc_error(d, c->pos, XLW_UNSUPPORTED, "%s has no source path", what);
        return -1;
    }
    return append_checked(b, &c->path, what,
                          "a qemu character device string", CHR_FORBID_PATH,
                          d);
}

static int chr_part(const struct xc_str *v, const char *what,
                    const char *forbid, struct xc_buf *b, struct xc_diags *d)
{
    if (!v->s)
        return 0;
    return append_checked(b, v, what, "a qemu character device string",
                          forbid, d);
}

int xc_xlw_chr(const struct xc_chr *c, const char *what, struct xc_buf *b,
               struct xc_diags *d)
{
    switch (c->type) {
    case XC_CHR_NONE: /* libvirt's zero chardev type is 'null' */
    case XC_CHR_NULL:
        xc_buf_add(b, "null");
        return 0;
    case XC_CHR_STDIO:
    case XC_CHR_VC:
    case XC_CHR_PTY:
        xc_buf_add(b, xc_enum_name(XC_T_CHR_TYPE, c->type));
        return 0;
    case XC_CHR_FILE:
    case XC_CHR_PIPE:
        xc_buf_add(b, xc_enum_name(XC_T_CHR_TYPE, c->type));
        xc_buf_addc(b, ':');
        return chr_path(c, what, b, d);
    case XC_CHR_DEV:
        return chr_path(c, what, b, d);
    case XC_CHR_TCP:
        if (c->protocol == XC_TCP_PROTO_TELNETS ||
            c->protocol == XC_TCP_PROTO_TLS)
            xc_warn(d, c->pos, XLW_LOST,
                    "%s: tcp protocol '%s' is not carried to xl (written as "
                    "telnet, as libvirt does)", what,
                    xc_enum_name(XC_T_CHR_TCP_PROTOCOL, c->protocol));
        xc_buf_add(b, c->protocol == XC_TCP_PROTO_NONE ||
                              c->protocol == XC_TCP_PROTO_RAW
                          ? "tcp:" : "telnet:");
        if (chr_part(&c->host, what, ",", b, d) < 0)
            return -1;
        xc_buf_addc(b, ':');
        if (chr_part(&c->service, what, ",", b, d) < 0)
            return -1;
        if (c->listen)
            xc_buf_add(b, ",server,nowait");
        return 0;
    case XC_CHR_UDP:
        xc_buf_add(b, "udp:");
        if (chr_part(&c->host, what, ",@", b, d) < 0)
            return -1;
        xc_buf_addc(b, ':');
        if (chr_part(&c->service, what, ",@", b, d) < 0)
            return -1;
        xc_buf_addc(b, '@');
        if (chr_part(&c->bind_host, what, ",@", b, d) < 0)
            return -1;
        xc_buf_addc(b, ':');
        return chr_part(&c->bind_service, what, ",@", b, d);
    case XC_CHR_UNIX:
        xc_buf_add(b, "unix:");
        if (chr_path(c, what, b, d) < 0)
            return -1;
        if (c->listen)
            xc_buf_add(b, ",server,nowait");
        return 0;
    case XC_CHR_SPICEVMC:
    case XC_CHR_SPICEPORT:
        break;
    }
    xc_error(d, c->pos, XLW_UNSUPPORTED, "%s: unsupported chr device type '%s'",
             what, xc_enum_name(XC_T_CHR_TYPE, c->type));
    return -1;
}

int xc_xlw_channel(const struct xc_chr *ch, struct xc_buf *b,
                   struct xc_diags *d)
{
    const char *where = "a channel spec";

    xc_buf_add(b, "connection=");
    if (ch->type == XC_CHR_PTY) {
        xc_buf_add(b, "pty,");
    } else if (ch->type == XC_CHR_UNIX) {
        xc_buf_add(b, "socket,");
        if (ch->path.s) {
            if (xc_xlw_spec_field(b, true, "path", &ch->path,
                                  "channel source path", where, d) < 0)
                return -1;
            xc_buf_addc(b, ',');
        }
    } else {
        const char *t = xc_enum_name(XC_T_CHR_TYPE, ch->type);
        xc_error(d, ch->pos, XLW_UNSUPPORTED,
                 "channel of type '%s' cannot be expressed in xl (pty or "
                 "unix only)", t && *t ? t : "null");
        return -1;
    }
    if (!ch->target_name.s) {
        xc_error(d, ch->pos, XLW_UNSUPPORTED,
                 "xen channel has no target name");
        return -1;
    }
    return xc_xlw_spec_field(b, true, "name", &ch->target_name,
                             "channel target name", where, d);
}

/* ==== graphics ========================================================= */

bool xc_xlw_vnc_autoport(const struct xc_graphics *g)
{
    if (g->autoport == XC_TRI_YES)
        return true;
    if (g->autoport == XC_TRI_NO)
        return false;
    return !g->has_port || g->port == -1;
}

int xc_xlw_vnc_port(const struct xc_graphics *g)
{
    if (xc_xlw_vnc_autoport(g) || !g->has_port || g->port == -1)
        return 0;
    return g->port;
}

int xc_xlw_vfb(const struct xc_graphics *g, struct xc_buf *b,
               struct xc_diags *d)
{
    const char *where = "a vfb spec";

    if (g->type == XC_GFX_SDL) {
        xc_buf_add(b, "type=sdl");
        if (g->display.s &&
            xc_xlw_spec_field(b, false, "display", &g->display,
                              "sdl display", where, d) < 0)
            return -1;
        if (g->xauth.s &&
            xc_xlw_spec_field(b, false, "xauthority", &g->xauth,
                              "sdl xauth", where, d) < 0)
            return -1;
        return 0;
    }
    xc_buf_add(b, "type=vnc");
    xc_buf_addf(b, ",vncunused=%d", xc_xlw_vnc_autoport(g) ? 1 : 0);
    if (!xc_xlw_vnc_autoport(g))
        xc_buf_addf(b, ",vncdisplay=%lld", (long long)xc_xlw_vnc_port(g) - 5900);
    if (g->listen.s &&
        xc_xlw_spec_field(b, false, "vnclisten", &g->listen,
                          "vnc listen address", where, d) < 0)
        return -1;
    if (g->passwd.s &&
        xc_xlw_spec_field(b, false, "vncpasswd", &g->passwd, "vnc password",
                          where, d) < 0)
        return -1;
    if (g->keymap.s &&
        xc_xlw_spec_field(b, false, "keymap", &g->keymap, "vnc keymap", where,
                          d) < 0)
        return -1;
    return 0;
}
