/* STUB: replaced by the reader. */
#include "sxpr.h"
#include "sxpr_tree.h"

int xc_sxpr_read(const struct xc_source *in, const struct xc_settings *set,
                 struct xc_domain *out, struct xc_diags *d)
{
    struct xc_sx_tree t = {0};
    int rc = xc_sx_parse(in, &t, d);
    (void)set; (void)out;
    if (rc == 0) {
        xc_error(d, xc_nopos, "unsupported", "xen-sxpr reader not written yet");
        rc = -1;
    }
    xc_sx_free(&t);
    return rc;
}
