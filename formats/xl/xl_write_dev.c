/* Device specs of the xl writer that xen_xl.c adds (disk, usbdev, usbctrl,
 * channel), each producing what libvirt 9.0.0 produces, except that a
 * value which would change the spec's meaning is refused
 * (formats/xencommon/xen_write_safe.c) and every dropped attribute is a
 * loss warning. */
#include "xl_write.h"
#include "../xencommon/xen_write_sep.h"

#include <inttypes.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
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
        xc_lost(d, pos, XCW_LOST,
                "disk format '%s' (written as format=raw, as libvirt does)",
                t);
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
    const struct xc_disk_rare *n = xc_disk_rare_ro(disk);
    const char *name = n->source_name.s;
    const char *slash = name ? strchr(name, '/') : NULL;
    struct xc_pos pos = n->source_name.pos;

    if (!name) {
        xc_error(d, disk->pos, XCW_UNSUPPORTED,
                 "rbd disk '%s' has no source name",
                 disk->target.s ? disk->target.s : "");
        return -1;
    }
    if (!slash || slash == name) {
        xc_error(d, pos, XCW_UNSUPPORTED,
                 "can't split rbd source name '%s' into pool name and "
                 "image name", name);
        return -1;
    }
    if (strchr(slash + 1, ':')) {
        xc_error(d, pos, XCW_UNSUPPORTED,
                 "':' not allowed in RBD source volume name '%s'", slash + 1);
        return -1;
    }
    /* qemu's rbd: syntax separates options with ':' and unescapes '\'. */
    if (!xc_xenw_sep_ok(name, pos, "rbd source name", "an rbd disk target",
                        ":\\", d))
        return -1;
    xc_buf_add(t, "rbd:");
    xc_buf_add(t, name);
    xc_buf_add(t, ":auth_supported=none");
    if (n->auth_user.s || n->secret_type.s || n->secret_usage.s ||
        n->secret_uuid.s)
        xc_lost(d, disk->pos, XCW_LOST,
                "rbd disk '%s': <auth> (libvirt writes auth_supported=none)",
                disk->target.s ? disk->target.s : "");
    /* libvirt's rbd target has no place for these either */
    if (n->config_file.s)
        xc_lost(d, n->config_file.pos, XCW_LOST,
                "rbd disk '%s': <config file='%s'>",
                disk->target.s ? disk->target.s : "", n->config_file.s);
    if (n->snapshot.s)
        xc_lost(d, n->snapshot.pos, XCW_LOST,
                "rbd disk '%s': <snapshot name='%s'>",
                disk->target.s ? disk->target.s : "", n->snapshot.s);
    for (size_t i = 0; i < n->hosts.n; i++) {
        const struct xc_net_host *h = &n->hosts.v[i];

        xc_buf_add(t, i ? "\\;" : ":mon_host=");
        if (!h->name.s) {
            xc_error(d, disk->pos, XCW_UNSUPPORTED,
                     "rbd disk '%s': host %zu has no name",
                     disk->target.s ? disk->target.s : "", i + 1);
            return -1;
        }
        if (!xc_xenw_sep_ok(h->name.s, h->name.pos, "rbd host name",
                            "an rbd disk target", ",; \\[]", d))
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
                xc_error(d, h->port.pos, XCW_UNSUPPORTED,
                         "rbd host port '%s' is not a port number",
                         h->port.s);
                return -1;
            }
            if (port)
                xc_buf_addf(t, "\\:%lu", port);
        }
        if (h->transport.s || h->socket.s)
            xc_lost(d, disk->pos, XCW_LOST,
                    "rbd disk '%s': host transport/socket",
                    disk->target.s ? disk->target.s : "");
    }
    return 0;
}

/* The target= value, or nothing when the source is empty. */
static int disk_target(const struct xc_disk *disk, struct xc_buf *t,
                       bool *have, struct xc_diags *d)
{
    const char *dev = disk->target.s ? disk->target.s : "";
    const struct xc_disk_rare *n = xc_disk_rare_ro(disk);

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
        if (!n->protocol.s)
            return 0;
        if (!streq(n->protocol.s, "rbd")) {
            xc_error(d, n->protocol.pos, XCW_UNSUPPORTED,
                     "disk '%s': unsupported network block protocol '%s' "
                     "(xl takes rbd only)", dev, n->protocol.s);
            return -1;
        }
        *have = true;
        return disk_rbd(disk, t, d);
    case XC_DISK_VOLUME:
        xc_lost(d, disk->pos, XCW_LOST,
                "disk '%s': a storage pool volume source (libvirt writes no "
                "target)", dev);
        return 0;
    case XC_DISK_TYPE_NONE:
        if (disk->source.s)
            xc_lost(d, disk->source.pos, XCW_LOST,
                    "disk '%s': source of a disk without type", dev);
        return 0;
    }
    return 0;
}

int xc_xlw_disk(const struct xc_disk *disk, struct xc_buf *b,
                struct xc_diags *d)
{
    const char *where = "an xl disk spec";
    const char *drv = disk->driver_name.s;
    size_t start = b->len;
    const struct xc_disk_rare *n = xc_disk_rare_ro(disk);
    struct xc_buf target = {0};
    bool have_target;
    int rc = -1;

    if (!disk->target.s) {
        xc_error(d, disk->pos, XCW_UNSUPPORTED, "disk has no target dev");
        return -1;
    }
    if (disk->transient) {
        xc_error(d, disk->pos, XCW_UNSUPPORTED,
                 "disk '%s': transient disks not supported yet",
                 disk->target.s);
        return -1;
    }
    xc_buf_add(b, "format=");
    xc_buf_add(b, disk_format(disk, d));
    xc_buf_add(b, ",vdev=");
    if (xc_xenw_append_checked(b, &disk->target, "disk target dev", where,
                       XCW_FORBID_SPEC, d) < 0)
        return -1;
    xc_buf_add(b, ",access=");
    xc_buf_add(b, disk->readonly ? "ro" : disk->shareable ? "!" : "rw");
    if (disk->readonly && disk->shareable)
        xc_lost(d, disk->pos, "not-carried", "disk '%s': <shareable/> of a "
                "read-only disk (written as read-only)", disk->target.s);
    if (drv) {
        const char *bt = NULL;

        if (streq(drv, "qemu") || streq(drv, "file"))
            bt = "qdisk";
        else if (streq(drv, "tap") || streq(drv, "phy"))
            bt = drv;
        if (!bt) {
            /* libvirt writes an empty backendtype=, which xl rejects */
            xc_error(d, disk->driver_name.pos, XCW_UNSUPPORTED,
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
        xc_lost(d, disk->pos, XCW_LOST,
                "disk '%s': device='lun' (written as a plain disk)",
                disk->target.s);

    if (n->driver_cache.s)
        xc_lost(d, n->driver_cache.pos, XCW_LOST,
                "disk '%s': driver cache='%s'", disk->target.s,
                n->driver_cache.s);
    if (n->script.s)
        xc_lost(d, n->script.pos, XCW_LOST,
                "disk '%s': script '%s' (libvirt drops it)", disk->target.s,
                n->script.s);
    if (disk->removable != XC_TRI_ABSENT)
        xc_lost(d, disk->pos, XCW_LOST,
                "disk '%s': removable=", disk->target.s);

    /* target= comes last: xlu_disk_parse takes the rest of the spec as
     * the target, commas, '=' and control bytes included, but
     * strips one trailing ',' and stops at a newline. */
    if (disk_target(disk, &target, &have_target, d) < 0)
        goto out;
    if (have_target) {
        const struct xc_pos pos = disk->type == XC_DISK_NETWORK
                                      ? n->source_name.pos
                                      : disk->source.pos;
        const char *t = xc_buf_str(&target);

        if (!xc_xenw_sep_ok(t, pos, "disk source", where, "\n", d))
            goto out;
        if (target.len && t[target.len - 1] == ',') {
            xc_error(d, pos, XCW_UNSAFE,
                     "disk source '%s' ends in ',', which xl strips from a "
                     "disk target; refusing to write it", t);
            goto out;
        }
        xc_buf_add(b, ",target=");
        xc_buf_add_len(b, t, target.len);
    }
    if (b->len - start >= XC_XL_DISK_SPEC_MAX) {
        xc_error(d, disk->pos, XCW_UNSUPPORTED,
                 "disk '%s': its xl disk spec would be %zu bytes, and xl's "
                 "disk parser (libxlutil) overflows its scanner's buffer on "
                 "a spec of %d bytes or more", disk->target.s, b->len - start,
                 XC_XL_DISK_SPEC_MAX);
        goto out;
    }
    rc = 0;
out:
    xc_buf_free(&target);
    return rc;
}

/* ==== USB devices and channels ======================================= */

int xc_xlw_usbdev(const struct xc_hostdev *hd, struct xc_buf *b,
                  struct xc_diags *d)
{
    if (!hd->has_usb_addr && (hd->usb_vendor.s || hd->usb_product.s)) {
        /* libvirt writes hostbus=0,hostaddr=0: a device that is not there */
        xc_error(d, hd->pos, XCW_UNSUPPORTED,
                 "USB hostdev chosen by vendor/product cannot be expressed "
                 "in xl; give its bus and device address");
        return -1;
    }
    xc_buf_addf(b, "hostbus=%x,hostaddr=%x", hd->usb_bus, hd->usb_device);
    if (hd->has_usb_addr && (hd->usb_vendor.s || hd->usb_product.s))
        xc_lost(d, hd->pos, XCW_LOST,
                "USB hostdev vendor/product (only the bus/device address)");
    xc_xenw_hostdev_warnings(hd, d);
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
            xc_error(d, c->model.pos, XCW_UNSUPPORTED,
                     "USB controller model '%s' is not supported by xl "
                     "(qusb1 or qusb2)", c->model.s);
            return -1;
        }
    }
    if (c->has_ports)
        xc_buf_addf(b, "ports=%x", c->ports);
    return 0;
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
            if (xc_xenw_spec_opt(b, true, "path", &ch->path,
                                 "channel source path", where, d) < 0)
                return -1;
            xc_buf_addc(b, ',');
        }
    } else {
        const char *t = xc_enum_name(XC_T_CHR_TYPE, ch->type);
        xc_error(d, ch->pos, XCW_UNSUPPORTED,
                 "channel of type '%s' cannot be expressed in xl (pty or "
                 "unix only)", t && *t ? t : "null");
        return -1;
    }
    if (!ch->target_name.s) {
        xc_error(d, ch->pos, XCW_UNSUPPORTED,
                 "xen channel has no target name");
        return -1;
    }
    return xc_xenw_spec_opt(b, true, "name", &ch->target_name,
                            "channel target name", where, d);
}
