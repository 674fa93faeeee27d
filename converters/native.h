/* domxml-from-native and domxml-to-native, as virsh names them. */
#ifndef XC_NATIVE_H
#define XC_NATIVE_H

#include "../common/buf.h"
#include "../common/diag.h"
#include "../common/settings.h"
#include "../common/source.h"
#include "../formats/format.h"
#include "defaults.h"

/* What a conversion to `to` writes, as loss warnings name it: the format
 * name ("xen-xl", "xen-xm"), "domain XML" for xml. */
const char *xc_target_name(const struct xc_format *to);

/* A running domain's dump written to a native config: drop what belongs
 * to the run (its id, the interface names Xen generated), as libvirt's
 * inactive parse would.  xc_convert_source calls it for every target but
 * domain XML. */
void xc_drop_runtime_identity(struct xc_domain *dom);

/* The in-memory core of every conversion: read src with `from`, apply
 * libvirt's post-parse defaults, append the `to` text to *out.
 * 0 on success; -1 after error diagnostics (d->file is src->name; during
 * the conversion d->target is xc_target_name(to), so the reader's and the
 * writer's loss warnings name the output format). */
int xc_convert_source(const struct xc_format *from, const struct xc_format *to,
                      enum xc_origin origin, const struct xc_source *src,
                      const struct xc_settings *set, struct xc_buf *out,
                      struct xc_diags *d);

/* xc_convert_source with the output streamed to output (NULL or "-":
 * stdout) at the writer's flush points, all or nothing
 * (common/atomic_stream.h): a failed conversion leaves no file and
 * prints nothing.  0, or -1 after error diagnostics. */
int xc_convert_to_output(const struct xc_format *from,
                         const struct xc_format *to, enum xc_origin origin,
                         const struct xc_source *src,
                         const struct xc_settings *set, const char *output,
                         struct xc_diags *d);

/* Convert the native config at input (or "-") in format to domain XML,
 * written atomically to output (NULL or "-" = stdout).
 * 0 on success, -1 after error diagnostics (and no output). */
int xc_domxml_from_native(const char *format, const char *input,
                          const char *output, const struct xc_settings *set,
                          struct xc_diags *d);
/* Domain XML at input to format. */
int xc_domxml_to_native(const char *format, const char *input,
                        const char *output, const struct xc_settings *set,
                        struct xc_diags *d);

/* --report for domxml-*: write the diagnostics d of one run (rc its
 * result) as the JSON loss report (README.md, "Loss report") to path,
 * atomically.  to_native: the run was domxml-to-native FORMAT.  0, or -1
 * with a diagnostic in err. */
int xc_domxml_report(const char *path, int to_native, const char *format,
                     const struct xc_diags *d, int rc, struct xc_diags *err);

#endif
