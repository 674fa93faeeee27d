/* Old-style xm disk specs, read as libvirt 9.0.0's xenParseXMDisk and
 * xenParseXMDiskList do:
 *
 *     [DRIVER:[TYPE:]]PATH,[ioemu:]TARGET[:cdrom],MODE
 *
 * DRIVER is phy (block device; also the default), file, tap or tap2
 * (anything else is kept as the driver name of a file disk); TYPE follows
 * tap: and tap2: only ("aio" is raw, else a libvirt format name); an
 * empty PATH is a cdrom without media.  MODE r/ro is read-only, w!/!
 * shared, anything else read-write.  A spec libvirt skips (a missing
 * comma, a tap disk without a known type) is skipped here too, with a
 * loss warning at the offending byte. */
#define _POSIX_C_SOURCE 200809L
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "xm_read.h"

/* libvirt's virStorageFileFormat names, "none" (its zero) excluded. */
static const char *const formats[] = {
    "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat",
    "vhd", "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", NULL};

static bool has_prefix(const char *s, size_t n, const char *p)
{
    size_t pn = strlen(p);
    return n >= pn && strncmp(s, p, pn) == 0;
}

static bool equals(const char *s, size_t n, const char *p)
{
    return strlen(p) == n && strncmp(s, p, n) == 0;
}

static int skip(const char *spec, struct xc_pos at, const char *why,
                struct xc_diags *d)
{
    xc_lost(d, at, "bad-disk", "disk '%s' (%s; libvirt skips it)", spec, why);
    return -1;
}

int xc_xm_parse_disk(const char *spec, struct xc_pos pos, bool hvm,
                     struct xc_disk *disk, struct xc_diags *d)
{
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, pos, spec);
#define AT(ptr) xcr_pos_next(&pc, (size_t)((ptr) - spec))
    memset(disk, 0, sizeof(*disk));

    const char *c1 = strchr(spec, ',');
    if (!c1)
        return skip(spec, pos, "no ',' after the source", d);
    const char *head = c1 + 1;
    if (strncmp(head, "ioemu:", 6) == 0)
        head += 6;
    const char *c2 = strchr(head, ',');
    if (!c2)
        return skip(spec, AT(head), "no ',' after the target", d);
    const char *mode = c2 + 1;

    /* the source: [DRIVER:[TYPE:]]PATH */
    const char *src = spec;
    size_t srclen = (size_t)(c1 - spec);
    const char *drv = NULL, *fmt = NULL;
    size_t drvlen = 0, fmtlen = 0;
    struct xc_pos fmt_at = pos;
    if (srclen) {
        const char *colon = memchr(src, ':', srclen);
        if (colon) {
            drv = src;
            drvlen = (size_t)(colon - src);
            srclen -= drvlen + 1;
            src = colon + 1;
        }
        if (drv && (equals(drv, drvlen, "tap") || equals(drv, drvlen, "tap2"))) {
            const char *c = memchr(src, ':', srclen);
            if (!c)
                return skip(spec, AT(src), "no TYPE: after the tap driver", d);
            fmtlen = (size_t)(c - src);
            fmt = src;
            fmt_at = AT(fmt);
            if (equals(fmt, fmtlen, "aio")) {
                fmt = "raw";
                fmtlen = 3;
            } else {
                bool known = false;
                for (size_t i = 0; formats[i] && !known; i++)
                    known = equals(fmt, fmtlen, formats[i]);
                if (!known)
                    return skip(spec, fmt_at, "unknown driver type", d);
            }
            srclen -= fmtlen + 1;
            src = c + 1;
        }
    }

    disk->pos = pos;
    if (c1 != spec)
        xc_str_setn(&disk->source, src, srclen, AT(src));
    if (drv)
        xc_str_setn(&disk->driver_name, drv, drvlen, pos);
    else
        xc_str_set(&disk->driver_name, "phy", pos);
    if (fmt)
        xc_str_setn(&disk->driver_type, fmt, fmtlen, fmt_at);
    disk->type = strcmp(disk->driver_name.s, "phy") == 0 ? XC_DISK_BLOCK
                                                         : XC_DISK_FILE;

    /* the target: NAME[:cdrom] (any other suffix is dropped) */
    const char *tcolon = memchr(head, ':', (size_t)(c2 - head));
    size_t tlen = tcolon ? (size_t)(tcolon - head) : (size_t)(c2 - head);
    struct xc_pos hpos = AT(head);
    disk->device = XC_DISK_DEV_DISK;
    if (tcolon) {
        if (equals(tcolon, (size_t)(c2 - tcolon), ":cdrom"))
            disk->device = XC_DISK_DEV_CDROM;
        else if (!equals(tcolon, (size_t)(c2 - tcolon), ":disk"))
            xc_lost(d, AT(tcolon), "unused-option", "disk target suffix "
                    "'%.*s'", (int)(c2 - tcolon), tcolon);
    }
    xc_str_setn(&disk->target, head, tlen, hpos);
    if (has_prefix(head, tlen, "xvd") || !hvm)
        disk->bus = XC_BUS_XEN;
    else if (has_prefix(head, tlen, "sd"))
        disk->bus = XC_BUS_SCSI;
    else
        disk->bus = XC_BUS_IDE;

    if (strcmp(mode, "r") == 0 || strcmp(mode, "ro") == 0)
        disk->readonly = true;
    else if (strcmp(mode, "w!") == 0 || strcmp(mode, "!") == 0)
        disk->shareable = true;
    else if (strcmp(mode, "w") != 0 && strcmp(mode, "rw") != 0)
        xc_warn(d, AT(mode), "suspicious-value", "disk '%s': mode '%s' is "
                "read as w (read-write), as libvirt does", spec, mode);
    return 0;
#undef AT
}

int xmr_read_disks(struct xcr *r)
{
    struct xc_cfg_value *v = xcr_value(r, "disk");
    if (!v)
        return 0;
    if (v->kind != XC_CFG_LIST) {
        xcr_error(r, v->pos, "bad-type", "disk must be a list of strings "
                  "(libvirt refuses the whole config)");
        return -1;
    }
    struct xc_cfg_value *list;
    if (xcr_string_list(r, "disk", &list) < 0)
        return -1;
    bool hvm = r->dom->os.type == XC_OS_HVM;
    for (size_t i = 0; i < list->items.n; i++) {
        const struct xc_cfg_value *it = &list->items.v[i];
        struct xc_disk dk;
        if (xc_xm_parse_disk(xcr_text(it), xcr_inner(it), hvm, &dk, r->d) < 0)
            continue;
        *xc_vec_push(&r->dom->disks) = dk;
    }
    return 0;
}
