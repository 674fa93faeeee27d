/* Old-style xm disk specs, written as libvirt 9.0.0's xenFormatXMDisk
 * writes them ("phy:/dev/vg/lv,xvda,w", "tap:aio:/img,xvdb,r",
 * "file:/iso,hdc:cdrom,r", ",hdc:cdrom,r"), except that what would read
 * back as another field is refused.  The spec has no escaping: xm and
 * libvirt split it at the first two ',', the source at its first ':'
 * (and a tap source at its second), the target at its first ':'. */
#include "xm.h"

#include <string.h>

#include "../xencommon/xen_write.h"
#include "../xencommon/xen_write_sep.h"

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static const char *where = "an xm disk spec";

/* Only the separators are refused: a control byte is the value's (virConf
 * and xm write it inside the quoted spec, a newline in """...""") */
static int add_checked(struct xc_buf *b, const struct xc_str *v,
                       const char *what, const char *forbid,
                       struct xc_diags *d)
{
    if (!xc_xenw_sep_ok(v->s, v->pos, what, where, forbid, d))
        return -1;
    xc_buf_add(b, v->s);
    return 0;
}

/* [DRIVER:[TYPE:]]PATH; *prefixed tells whether a DRIVER: was written. */
static int disk_source(const struct xc_disk *disk, struct xc_buf *b,
                       struct xc_diags *d)
{
    const char *dev = disk->target.s;
    const char *drv = disk->driver_name.s;
    const char *fmt = disk->driver_type.s;
    bool prefixed = false;

    if (fmt) {
        bool raw = streq(fmt, "raw");
        if (drv) {
            if (add_checked(b, &disk->driver_name, "disk driver name", ",:",
                            d) < 0)
                return -1;
            xc_buf_addc(b, ':');
            prefixed = true;
            if (streq(drv, "tap") || streq(drv, "tap2")) {
                if (raw) {
                    xc_buf_add(b, "aio");
                } else if (add_checked(b, &disk->driver_type,
                                       "disk driver type", ",:", d) < 0) {
                    return -1;
                }
                xc_buf_addc(b, ':');
            } else if (!raw) {
                xc_lost(d, disk->driver_type.pos, "not-carried",
                        "disk '%s': format '%s' (xm names a format only "
                        "after tap: or tap2:)", dev, fmt);
            }
        } else {
            if (!raw)
                xc_lost(d, disk->driver_type.pos, "not-carried",
                        "disk '%s': format '%s' of a disk without a driver "
                        "name", dev, fmt);
            if (disk->type == XC_DISK_FILE)
                xc_lost(d, disk->pos, "not-carried", "disk '%s': type "
                        "'file' of a disk without a driver name (xm reads "
                        "it back as phy)", dev);
        }
    } else {
        switch (disk->type) {
        case XC_DISK_FILE:
            xc_buf_add(b, "file:");
            break;
        case XC_DISK_BLOCK:
            xc_buf_add(b, "phy:");
            break;
        default:
            xc_error(d, disk->pos, XCW_UNSUPPORTED, "disk '%s': unsupported "
                     "disk type '%s'", dev,
                     xc_enum_name(XC_T_DISK_TYPE, disk->type));
            return -1;
        }
        prefixed = true;
        if (drv && !streq(drv, disk->type == XC_DISK_FILE ? "file" : "phy"))
            xc_lost(d, disk->driver_name.pos, "not-carried",
                    "disk '%s': driver name '%s' of a disk without a "
                    "format", dev, drv);
    }
    /* without a DRIVER: prefix, a ':' in the path would make one */
    return add_checked(b, &disk->source, "disk source path",
                       prefixed ? "," : ",:", d);
}

int xc_xmw_disk(const struct xc_disk *disk, struct xc_buf *b,
                struct xc_diags *d)
{
    const char *dev = disk->target.s;

    if (!dev) {
        xc_error(d, disk->pos, XCW_UNSUPPORTED, "disk has no target dev");
        return -1;
    }
    if (disk->transient) {
        xc_error(d, disk->pos, XCW_UNSUPPORTED,
                 "disk '%s': transient disks not supported yet", dev);
        return -1;
    }
    switch (disk->type) {
    case XC_DISK_NETWORK:
    case XC_DISK_VOLUME:
        xc_error(d, disk->pos, XCW_UNSUPPORTED, "disk '%s': a %s source "
                 "cannot be expressed in an xm disk spec", dev,
                 xc_enum_name(XC_T_DISK_TYPE, disk->type));
        return -1;
    default:
        break;
    }
    if (disk->source.s) {
        if (disk_source(disk, b, d) < 0)
            return -1;
    } else if (disk->driver_name.s && !streq(disk->driver_name.s, "phy")) {
        xc_lost(d, disk->driver_name.pos, "not-carried", "disk '%s': driver "
                "name '%s' of a disk without a source (xm reads it back as "
                "phy)", dev, disk->driver_name.s);
    }
    xc_buf_addc(b, ',');
    if (add_checked(b, &disk->target, "disk target dev", ",:", d) < 0)
        return -1;
    if (disk->device == XC_DISK_DEV_CDROM)
        xc_buf_add(b, ":cdrom");
    else if (disk->device == XC_DISK_DEV_LUN)
        xc_lost(d, disk->pos, "not-carried", "disk '%s': device='lun' "
                "(written as a plain disk)", dev);
    xc_buf_add(b, disk->readonly ? ",r" : disk->shareable ? ",!" : ",w");
    if (disk->readonly && disk->shareable)
        xc_lost(d, disk->pos, "not-carried", "disk '%s': <shareable/> of a "
                "read-only disk (written as read-only)", dev);

    const struct xc_str *cache = &xc_disk_rare_ro(disk)->driver_cache;
    if (cache->s)
        xc_lost(d, cache->pos, "not-carried",
                "disk '%s': driver cache='%s'", dev, cache->s);
    const struct xc_str *script = &xc_disk_rare_ro(disk)->script;
    if (script->s)
        xc_lost(d, script->pos, "not-carried", "disk '%s': script '%s'",
                dev, script->s);
    if (disk->removable != XC_TRI_ABSENT)
        xc_lost(d, disk->pos, "not-carried", "disk '%s': removable=", dev);
    return 0;
}
