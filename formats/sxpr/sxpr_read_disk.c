/* One disk of xenParseSxprDisks: (device (vbd ...)), or (device (tap ...))
 * and (device (tap2 ...)) for blktap disks, with uname DRIVER:[TYPE:]PATH,
 * dev [ioemu:]NAME[:cdrom|:disk], mode and bootable. */
#include <string.h>

#include "../../common/xalloc.h"
#include "sxpr_read.h"

/* virStorageFileFormat names (libxl era); "aio" means raw. */
static const char *const formats[] = {
    "raw", "dir", "bochs", "cloop", "dmg", "iso", "vpc", "vdi", "fat", "vhd",
    "ploop", "cow", "qcow", "qcow2", "qed", "vmdk", "luks", NULL};

static const char *format_name(const char *s, size_t n)
{
    if (n == 3 && strncmp(s, "aio", 3) == 0)
        return "raw";
    for (size_t i = 0; formats[i]; i++)
        if (strlen(formats[i]) == n && strncmp(formats[i], s, n) == 0)
            return formats[i];
    return NULL;
}

/* uname DRIVER:[TYPE:]PATH into driver, format, type and source. */
static int read_uname(struct sxr *r, const char *kind, const char *src,
                      xc_sx_id at, struct xc_disk *disk)
{
    struct xc_pos pos = sxr_pos(r, at);
    const char *colon = strchr(src, ':');

    if (!colon) {
        sxr_error(r, pos, "bad-disk", "cannot parse vbd filename '%s', "
                  "missing driver name (expected DRIVER:PATH, e.g. "
                  "file:/img or phy:/dev/vg/lv)", src);
        return -1;
    }
    if (strcmp(kind, "tap2") == 0 && strncmp(src, "tap:", 4) == 0)
        xc_str_set(&disk->driver_name, "tap2", pos);
    else
        xc_str_setn(&disk->driver_name, src, (size_t)(colon - src), pos);
    src = colon + 1;

    const char *drv = disk->driver_name.s;
    if (strcmp(drv, "tap") == 0 || strcmp(drv, "tap2") == 0) {
        const char *fmt;
        colon = strchr(src, ':');
        if (!colon) {
            sxr_error(r, pos, "bad-disk", "cannot parse vbd filename, "
                      "missing driver type after '%s:' (expected "
                      "%s:TYPE:PATH, e.g. tap:aio:/img)", drv, drv);
            return -1;
        }
        fmt = format_name(src, (size_t)(colon - src));
        if (!fmt) {
            sxr_error(r, pos, "bad-disk", "Unknown driver type %s (expected "
                      "aio or a disk format such as raw, qcow, qcow2, vhd, "
                      "vmdk before the path)", src);
            return -1;
        }
        xc_str_set(&disk->driver_type, fmt, pos);
        src = colon + 1;
        /* blktap can serve block devices too, but libvirt assumed files */
        disk->type = XC_DISK_FILE;
    } else if (strcmp(drv, "phy") == 0) {
        disk->type = XC_DISK_BLOCK;
    } else {
        if (strcmp(drv, "file") != 0)
            xc_warn(r->d, pos, "suspicious-value", "disk driver '%s' is not "
                    "file, phy, tap or tap2; the disk is read as a file "
                    "(libvirt gave it no type and dropped its path)", drv);
        disk->type = XC_DISK_FILE;
    }
    xc_str_set(&disk->source, src, pos);
    return 0;
}

/* dev [ioemu:]NAME[:cdrom|:disk] into target, device and bus. */
static void read_dev(struct sxr *r, const char *dst, xc_sx_id at,
                     struct xc_disk *disk)
{
    const char *colon;

    if (strncmp(dst, "ioemu:", 6) == 0)
        dst += 6;
    disk->device = XC_DISK_DEV_DISK;
    colon = strrchr(dst, ':');
    if (colon && strcmp(colon, ":cdrom") == 0)
        disk->device = XC_DISK_DEV_CDROM;
    /* any other suffix reads as a disk too */
    xc_str_setn(&disk->target, dst, colon ? (size_t)(colon - dst) : strlen(dst),
                sxr_pos(r, at));

    const char *t = disk->target.s;
    if (strncmp(t, "xvd", 3) == 0)
        disk->bus = XC_BUS_XEN;
    else if (strncmp(t, "sd", 2) == 0)
        disk->bus = XC_BUS_SCSI;
    else
        disk->bus = XC_BUS_IDE;
}

int sxr_read_disk(struct sxr *r, xc_sx_id device, struct xc_disk *disk,
                  bool *bootable)
{
    static const struct { const char *kind; enum sxr_scope_name scope; }
    kinds[] = {{"vbd", SXR_DEV_VBD}, {"tap2", SXR_DEV_TAP2},
               {"tap", SXR_DEV_TAP}};
    xc_sx_id k = 0, src_id, dst_id, mode_id;
    size_t i;

    for (i = 0; i < 3 && !k; i++)
        k = sxr_lookup(r, device, kinds[i].kind);
    if (!k)
        return 0;
    const char *kind = kinds[i - 1].kind;
    sxr_scope(r, k, kinds[i - 1].scope);

    const char *src = sxr_node(r, k, "uname", &src_id);
    const char *dst = sxr_node(r, k, "dev", &dst_id);
    const char *mode = sxr_node(r, k, "mode", &mode_id);
    const char *boot = sxr_node(r, k, "bootable", NULL);

    /* xend writes (uname '') for an ejected CD-ROM: no media, as without
     * a uname (libvirt refused it: no driver name) */
    if (src && !*src && dst && r->hvm) {
        const char *colon = strchr(dst, ':');
        if (colon && strcmp(colon, ":cdrom") == 0)
            src = NULL;
    }

    memset(disk, 0, sizeof(*disk));
    disk->pos = sxr_pos(r, device);
    if (!dst) {
        sxr_error(r, sxr_pos(r, k), "missing-key", "domain information "
                  "incomplete, %s has no dev: (dev NAME) is required", kind);
        return -1;
    }
    if (!src) {
        /* an HVM CD-ROM drive without media has no uname */
        const char *colon = strchr(dst, ':');
        if (!colon || !r->hvm || strcmp(colon, ":cdrom") != 0) {
            sxr_error(r, sxr_pos(r, k), "missing-key", "domain information "
                      "incomplete, %s has no src: (uname DRIVER:PATH) is "
                      "required except for an empty HVM CD-ROM "
                      "(dev NAME:cdrom)", kind);
            return -1;
        }
        /* no media, so no telling: a file until media is inserted */
        disk->type = XC_DISK_FILE;
    } else if (read_uname(r, kind, src, src_id, disk) < 0) {
        xc_disk_clear(disk);
        return -1;
    }
    read_dev(r, dst, dst_id, disk);
    if (mode && strchr(mode, 'r'))
        disk->readonly = true;
    if (mode && strchr(mode, '!'))
        disk->shareable = true;
    *bootable = boot && strcmp(boot, "1") == 0;
    return 1;
}
