/* Internal to the xm reader (formats/xm/xm_read*.c): what xen_xm.c adds
 * to the shared xen_common.c reading (formats/xencommon/xen_read.h). */
#ifndef XC_XM_READ_H
#define XC_XM_READ_H

#include "../xencommon/xen_read.h"
#include "xm.h"

/* xenParseXMDiskList: disk = [ "SOURCE,TARGET,MODE", ... ]. */
int xmr_read_disks(struct xcr *r);

#endif
