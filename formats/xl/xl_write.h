/* Internal to the xl writer (formats/xl/xl_write*.c): the pieces that
 * build one xl.cfg value each, exposed so tests/unit/test_xl_format.c can
 * check them without the cfg serializer.
 *
 * Conventions: every function appends to an xc_buf and reports through
 * xc_diags.  0 on success, -1 after an error diagnostic (in which case
 * the buffer holds a partial spec that must not be used).  Parts of the
 * model a spec cannot express are warnings [not-carried]; values that
 * would change the meaning of a spec are errors [unsafe-value]. */
#ifndef XC_XL_WRITE_H
#define XC_XL_WRITE_H

#include <stdbool.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/model.h"

/* Check names used by the writer. */
#define XLW_UNSAFE "unsafe-value"
#define XLW_LOST "not-carried"
#define XLW_UNSUPPORTED "unsupported"

/* Characters a plain key=value spec field (vif, vfb, channel, cpuid ...)
 * may not hold: xl splits specs on ',' and options on '='.  Control
 * characters are refused everywhere. */
#define XLW_FORBID_SPEC ",="

/* ---- output safety (xl_write_safe.c) ---------------------------------- */

/* true when value v may be written where forbid lists the separator
 * characters of the surrounding syntax (control characters are always
 * refused).  Otherwise an error at pos naming what (e.g. "interface
 * bridge") and where (e.g. "a vif spec"), and false. */
bool xc_xlw_check(const char *v, struct xc_pos pos, const char *what,
                  const char *where, const char *forbid, struct xc_diags *d);

/* Append ",key=value" (no leading comma when first) after xc_xlw_check
 * with XLW_FORBID_SPEC.  -1 when refused. */
int xc_xlw_spec_field(struct xc_buf *spec, bool first, const char *key,
                      const struct xc_str *value, const char *what,
                      const char *where, struct xc_diags *d);

/* ---- cpu sets (xl_write_cpu.c) ---------------------------------------- */

/* Parse a libvirt cpuset ("0-3,^2, 5") and append libvirt's canonical
 * form ("0-1,3,5").  An empty set appends nothing.  -1 with an error at
 * the value's position when it is malformed or names a cpu >= 16384
 * (libvirt's VIR_DOMAIN_CPUMASK_LEN). */
int xc_xlw_cpuset(const struct xc_str *set, const char *what,
                  struct xc_buf *out, bool *empty, struct xc_diags *d);

/* libvirt cpu feature name -> libxl cpuid name. */
const char *xc_xlw_cpuid_name(const char *libvirt_name);

/* ---- device specs (xl_write_dev.c) ------------------------------------ */

/* One xl disk spec (xl-disk-configuration(5)), as xenFormatXLDisk. */
int xc_xlw_disk(const struct xc_disk *disk, struct xc_buf *out,
                struct xc_diags *d);

/* One vif spec, as xenFormatNet with vif type name "vif". */
int xc_xlw_vif(const struct xc_net *net, bool hvm, struct xc_buf *out,
               struct xc_diags *d);

/* One pci spec "DDDD:BB:SS.F[,permissive=N]". */
int xc_xlw_pci(const struct xc_hostdev *hd, struct xc_buf *out,
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

/* A serial or parallel device as a qemu character device string
 * ("pty", "file:/path", "tcp:host:port,server,nowait", ...), as
 * xenFormatSxprChr.  what names the device in diagnostics. */
int xc_xlw_chr(const struct xc_chr *chr, const char *what,
               struct xc_buf *out, struct xc_diags *d);

/* The vfb spec of a PV guest's graphics device. */
int xc_xlw_vfb(const struct xc_graphics *g, struct xc_buf *out,
               struct xc_diags *d);

/* The effective vnc autoport flag and port, as libvirt's parser sets
 * them for an inactive definition. */
bool xc_xlw_vnc_autoport(const struct xc_graphics *g);
int xc_xlw_vnc_port(const struct xc_graphics *g);

#endif
