/* One xm disk entry as xl's key=value disk spec (xl-disk-configuration(5)),
 * built from what the xm reader made of it, in the field order libvirt's
 * xl writer uses.  xm's prefix forms are deprecated in xl and xl reads
 * only a format from them, so every entry is rewritten.  A raw 'file:'
 * image keeps the phy backend: libxl tries phy first and, on Linux,
 * takes it for a regular file (the block script sets up a loop device,
 * as xend's 'file:' did); only blktap ('tap:') images go to qdisk. */
#include <stdbool.h>
#include <string.h>

#include "../common/buf.h"
#include "migrate_int.h"

enum backend { BE_PHY, BE_FILE, BE_TAP, BE_EMPTY };

static const char *const whys[4][2] = {
    [BE_PHY] = {
        "xl ignores xm's 'phy:' prefix (deprecated syntax): backendtype=phy "
        "keeps the block backend",
        "xl ignores xm's 'phy:' prefix (deprecated syntax): backendtype=phy "
        "keeps the block backend; 'w!' (shared write) is not "
        "supported by xl: access=rw, and xl does not check whether another "
        "guest uses the disk",
    },
    [BE_FILE] = {
        "xl ignores xm's 'file:' prefix (deprecated syntax); a raw image "
        "file still gets the phy backend on a loop device, as under xend: "
        "backendtype=phy says so",
        "xl ignores xm's 'file:' prefix (deprecated syntax); a raw image "
        "file still gets the phy backend on a loop device, as under xend: "
        "backendtype=phy says so; 'w!' (shared write) is not supported by "
        "xl: access=rw, and xl does not check whether another guest uses "
        "the disk",
    },
    [BE_TAP] = {
        "xend's blktap ('tap:' prefixes) is gone; backendtype=qdisk serves "
        "the image from user space (QEMU) as blktap did, with the format the "
        "prefix named",
        "xend's blktap ('tap:' prefixes) is gone; backendtype=qdisk serves "
        "the image from user space (QEMU) as blktap did, with the format the "
        "prefix named; "
        "'w!' (shared write) is not supported by xl: access=rw, and xl does "
        "not check whether another guest uses the disk",
    },
    [BE_EMPTY] = {
        "an empty drive: xl attaches it through QEMU (qdisk), the only "
        "backend for a drive with no medium",
        "an empty drive: xl attaches it through QEMU (qdisk), the only "
        "backend for a drive with no medium",
    },
};

char *xc_mig_disk_spec(const struct xc_disk *disk, bool *domain_differs,
                       const char **why)
{
    const char *drv = disk->driver_name.s ? disk->driver_name.s : "phy";
    enum backend be = strcmp(drv, "phy") == 0 ? BE_PHY
                    : strcmp(drv, "file") == 0 ? BE_FILE : BE_TAP;
    if (!disk->target.s || strpbrk(disk->target.s, ",="))
        return NULL;
    bool empty = !disk->source.s || !*disk->source.s;
    if (empty)
        be = BE_EMPTY;
    struct xc_buf b = {0};
    xc_buf_add(&b, "format=");
    xc_buf_add(&b, disk->driver_type.s ? disk->driver_type.s : "raw");
    xc_buf_add(&b, ",vdev=");
    xc_buf_add(&b, disk->target.s);
    xc_buf_add(&b, disk->readonly ? ",access=ro" : ",access=rw");
    if (be != BE_EMPTY)
        xc_buf_add(&b, be == BE_TAP ? ",backendtype=qdisk" : ",backendtype=phy");
    if (disk->device == XC_DISK_DEV_CDROM)
        xc_buf_add(&b, ",devtype=cdrom");
    if (!empty) {
        xc_buf_add(&b, ",target=");
        xc_buf_add(&b, disk->source.s);
    }
    bool shared = disk->shareable && !disk->readonly;
    *domain_differs = be != BE_PHY || shared;
    *why = whys[be][shared];
    return xc_buf_steal(&b);
}
