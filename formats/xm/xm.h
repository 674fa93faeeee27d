/* xen-xm: the xm(1) domain configuration files of Xen's old xend
 * toolstack, as libvirt 9.0.0's xen_xm.c reads and writes them. */
#ifndef XC_XM_H
#define XC_XM_H

#include "../format.h"

extern const struct xc_format xc_format_xm;

int xc_xm_read(const struct xc_source *in, const struct xc_settings *set,
               struct xc_domain *out, struct xc_diags *d);
int xc_xm_write(const struct xc_domain *dom, const struct xc_settings *set,
                struct xc_buf *out, struct xc_diags *d);

/* ---- spec level, exposed for tests/unit/test_xm_specs.c --------------- */

/* One old-style disk spec "SOURCE,TARGET[:cdrom],MODE" (xenParseXMDisk):
 * SOURCE is [DRIVER:[TYPE:]]PATH (TYPE only after tap: and tap2:) or
 * empty for a cdrom without media; MODE is r/ro (read-only), w!/! (shared)
 * or anything else (read-write).  hvm decides the bus of non-xvd targets.
 * 0 on success.  A spec libvirt skips is reported as a loss warning
 * [bad-disk] at the offending byte and -1 returned (*disk left zeroed). */
int xc_xm_parse_disk(const char *spec, struct xc_pos pos, bool hvm,
                     struct xc_disk *disk, struct xc_diags *d);

/* One old-style disk spec for disk, as xenFormatXMDisk writes it.  A
 * value that would read back as another field (a ',' anywhere, a ':' in
 * the target or in a source written without a driver prefix) is an error
 * [unsafe-value] at its input position; -1 then. */
int xc_xmw_disk(const struct xc_disk *disk, struct xc_buf *out,
                struct xc_diags *d);

#endif
