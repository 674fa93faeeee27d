/* Disk post-parse: libxlDomainDeviceDefPostParse's driver defaults, then
 * virDomainDiskDefPostParse (target compat, cdrom read-only, bus from the
 * target name, iSCSI lun, drive address from the target name). */
#include "defaults_priv.h"

#include <limits.h>
#include <stdlib.h>

#include "../common/xalloc.h"

/* virDiskNameToIndex: /^(fd|hd|vd|sd|xvd|ubd)[a-z]+[0-9]*$/ -> index of
 * the letters in bijective base 26 (sda 0, sdz 25, sdaa 26). */
long dflt_disk_name_index(const char *name)
{
    static const char *const prefixes[] = {"fd", "hd", "vd", "sd", "xvd", "ubd"};
    const char *p = NULL;

    for (size_t i = 0; i < sizeof(prefixes) / sizeof(prefixes[0]); i++) {
        size_t n = strlen(prefixes[i]);
        if (strncmp(name, prefixes[i], n) == 0) {
            p = name + n;
            break;
        }
    }
    if (!p || *p < 'a' || *p > 'z')
        return -1;

    long idx = 0;
    for (size_t i = 0; *p >= 'a' && *p <= 'z'; i++, p++) {
        /* libvirt computes this in an int; refuse what would overflow it */
        if (idx > (INT_MAX - 25) / 26 - 1)
            return -1;
        idx = (idx + (i < 1 ? 0 : 1)) * 26 + (*p - 'a');
    }
    while (*p >= '0' && *p <= '9')
        p++;
    return *p == '\0' ? idx : -1;
}

/* virDomainDiskDefAssignAddress (no SCSI hostdevs in the model, so there
 * is no conflict with them to check). */
static int assign_address(struct dflt *st, struct xc_disk *disk)
{
    long idx = dflt_disk_name_index(disk->target.s);
    if (idx < 0) {
        xc_error(st->d, disk->target.pos, DFLT_CHECK,
                 "Unknown disk name '%s' and no address specified",
                 disk->target.s);
        return -1;
    }
    struct xc_drive_addr addr;
    unsigned long u = (unsigned long)idx;

    switch (disk->bus) {
    case XC_BUS_SCSI:
        /* narrow bus: 7 units per controller */
        addr = (struct xc_drive_addr){.controller = u / 7, .unit = u % 7};
        break;
    case XC_BUS_IDE:
        /* 2 units per bus, 2 buses per controller */
        addr = (struct xc_drive_addr){.controller = u / 4, .bus = (u % 4) / 2,
                                      .unit = u % 2};
        break;
    case XC_BUS_SATA:
        addr = (struct xc_drive_addr){.controller = u / 6, .unit = u % 6};
        break;
    case XC_BUS_FDC:
        addr = (struct xc_drive_addr){.controller = u / 2, .unit = u % 2};
        break;
    case XC_BUS_NONE:
    case XC_BUS_VIRTIO:
    case XC_BUS_XEN:
    case XC_BUS_USB:
    case XC_BUS_UML:
    case XC_BUS_SD:
        return 0;   /* not controller based: no rare fields allocated */
    }
    xc_disk_rare(disk)->addr = addr;
    disk->addr_present = true;
    return 0;
}

static bool has_prefix(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int dflt_disk(struct dflt *st, struct xc_disk *disk)
{
    /* libxl: network disks default to the qemu driver; xl's default
     * format is raw (xl-disk-configuration(5)). */
    if (disk->type == XC_DISK_NETWORK && !xc_str_isset(&disk->driver_name))
        xc_str_set(&disk->driver_name, "qemu", disk->pos);
    if (!xc_str_isset(&disk->driver_type))
        xc_str_set(&disk->driver_type, "raw", disk->pos);

    /* compat with the old Xen driver's "ioemu:hda" */
    if (disk->target.s && has_prefix(disk->target.s, "ioemu:")) {
        struct xc_pos pos = disk->target.pos;
        char *rest = xc_strdup(disk->target.s + 6);
        xc_str_set(&disk->target, rest, pos);
        free(rest);
    }

    if (disk->device == XC_DISK_DEV_CDROM)
        disk->readonly = true;

    if (disk->bus == XC_BUS_NONE) {
        const char *t = disk->target.s;
        if (disk->device == XC_DISK_DEV_FLOPPY)
            disk->bus = XC_BUS_FDC;
        else if (t && has_prefix(t, "sd"))
            disk->bus = XC_BUS_SCSI;
        else if (t && has_prefix(t, "vd"))
            disk->bus = XC_BUS_VIRTIO;
        else if (t && has_prefix(t, "xvd"))
            disk->bus = XC_BUS_XEN;
        else if (t && has_prefix(t, "ubd"))
            disk->bus = XC_BUS_UML;
        else
            disk->bus = XC_BUS_IDE;
    }

    /* an iSCSI target without a lun means lun 0 */
    struct xc_disk_rare *dn = disk->rare;  /* NULL: no protocol */
    if (disk->type == XC_DISK_NETWORK && dn && dflt_streq(&dn->protocol, "iscsi") &&
        dn->source_name.s && !strchr(dn->source_name.s, '/')) {
        size_t n = strlen(dn->source_name.s);
        char *path = xc_malloc(n + 3);
        memcpy(path, dn->source_name.s, n);
        memcpy(path + n, "/0", 3);
        xc_str_set(&dn->source_name, path, dn->source_name.pos);
        free(path);
    }

    if (!disk->addr_present && disk->target.s)
        return assign_address(st, disk);
    return 0;
}
