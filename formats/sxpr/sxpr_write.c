/* STUB: replaced by the writer. */
#include "sxpr.h"

int xc_sxpr_write(const struct xc_domain *dom, const struct xc_settings *set,
                  struct xc_buf *out, struct xc_diags *d)
{
    (void)dom; (void)set; (void)out;
    xc_error(d, xc_nopos, "unsupported", "xen-sxpr writer not written yet");
    return -1;
}
