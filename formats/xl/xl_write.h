/* Internal to the xl writer (formats/xl/xl_write*.c): what xen_xl.c adds
 * to the shared xen_common.c writing (formats/xencommon/xen_write.h),
 * exposed so tests/unit/test_xl_format.c can check the specs without the
 * cfg serializer.  Conventions as in xen_write.h. */
#ifndef XC_XL_WRITE_H
#define XC_XL_WRITE_H

#include <stdbool.h>

#include "../xencommon/xen_write.h"

/* libvirt cpu feature name -> libxl cpuid name. */
const char *xc_xlw_cpuid_name(const char *libvirt_name);

/* The shortest disk spec xl cannot read: libxlutil's flex disk scanner
 * saves one state per character of a match attempt in a buffer of 16386
 * states and writes past it on a spec of this many bytes or more (heap
 * corruption in xl and libvirt, found by fuzz_xl).  The xl reader refuses
 * a spec this long, and one that would be written back this long; the
 * writer refuses to write one. */
#define XC_XL_DISK_SPEC_MAX 16384

/* One xl disk spec (xl-disk-configuration(5)), as xenFormatXLDisk,
 * appended to out. */
int xc_xlw_disk(const struct xc_disk *disk, struct xc_buf *out,
                struct xc_diags *d);

/* One usbdev spec "hostbus=X,hostaddr=Y". */
int xc_xlw_usbdev(const struct xc_hostdev *hd, struct xc_buf *out,
                  struct xc_diags *d);

/* One usbctrl spec. */
int xc_xlw_usbctrl(const struct xc_controller *c, struct xc_buf *out,
                   struct xc_diags *d);

/* One channel spec "connection=...,name=...". */
int xc_xlw_channel(const struct xc_chr *ch, struct xc_buf *out,
                   struct xc_diags *d);

#endif
