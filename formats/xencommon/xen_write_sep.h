/* Separator checks for a value inside a spec or a composite field: vif,
 * vfb and channel options, character device strings, xm disk specs, rbd
 * targets, the sxpr's colon-separated disk fields.
 *
 * Unlike xc_xenw_check (xen_write.h), control characters pass: the syntax
 * around the field (a cfg string, an sxpr atom) carries them and the
 * field's own parser gives them no meaning, so refusing them refused
 * values the same format's reader accepts (docs/HACKING.md, "Open
 * round-trip findings", class (a)).  Only what the field's parser splits
 * at, given by the caller, is refused. */
#ifndef XC_XEN_WRITE_SEP_H
#define XC_XEN_WRITE_SEP_H

#include <stdbool.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/model.h"

/* The highest serial port the writers list by port ("none" in the gaps),
 * so that XML cannot make the output dwarf the input; the readers refuse
 * a device past it, so that what they accept can be written (qemu
 * emulates four serial ports anyway). */
#define XC_XEN_SERIAL_PORT_MAX 4096

/* true when v holds no byte of forbid (a control byte may be listed, e.g.
 * "\n").  Otherwise an error [unsafe-value] at pos naming what (e.g.
 * "interface bridge name") and where (e.g. "a vif spec"), and false. */
bool xc_xenw_sep_ok(const char *v, struct xc_pos pos, const char *what,
                    const char *where, const char *forbid,
                    struct xc_diags *d);

/* Append ",key=value" (no leading comma when first) when value holds no
 * ',': every key=value spec parser (xl's, libvirt's, ours) splits the
 * spec at ',' and the key from its value at the first '=', so an '=' in
 * a value is the value's.  -1 after the error. */
int xc_xenw_spec_opt(struct xc_buf *spec, bool first, const char *key,
                     const struct xc_str *value, const char *what,
                     const char *where, struct xc_diags *d);

#endif
