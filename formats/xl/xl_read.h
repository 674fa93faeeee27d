/* Internal to the xl reader (formats/xl/xl_read*.c): what xen_xl.c adds
 * to the shared xen_common.c reading (formats/xencommon/xen_read.h), and
 * the xl-only spec parsers (exposed for tests/unit/test_xl_specs.c). */
#ifndef XC_XL_READ_H
#define XC_XL_READ_H

#include <stdbool.h>
#include <stdint.h>

#include "../xencommon/xen_read.h"
#include "xl.h"

/* An rbd: disk source (virStorageSourceParseRBDColonString after the
 * "\\\\" -> "\\" replacement xen_xl.c applies). */
int xc_xl_parse_rbd(const char *src, struct xc_pos pos, struct xc_disk *disk,
                    struct xc_diags *d);

/* xl disk specs through libxlutil's xlu_disk_parse (xl_read_disk.c).
 * One parser serves any number of specs; its messages are captured and
 * turned into diagnostics. */
struct xc_xl_disk_parser;
struct xc_xl_disk_parser *xc_xl_disk_parser_new(void);
void xc_xl_disk_parser_free(struct xc_xl_disk_parser *p);
/* hvm: the domain is HVM (decides the bus of non-xvd disks). */
int xc_xl_parse_disk(struct xc_xl_disk_parser *p, const char *spec,
                     struct xc_pos pos, bool hvm, struct xc_disk *disk,
                     struct xc_diags *d);

/* ---- section readers of xenParseXL ------------------------------------- */
int xlr_read_spice(struct xcr *r);
int xlr_read_inputs(struct xcr *r);
int xlr_read_usb(struct xcr *r);
int xlr_read_usbctrl(struct xcr *r);
int xlr_read_channels(struct xcr *r);
int xlr_read_disks(struct xcr *r);

#endif
