/* Placeholder until the real implementation lands. */
#include "xl.h"

int xc_xl_read(const struct xc_source *in, const struct xc_settings *set, struct xc_domain *out, struct xc_diags *d)
{
    (void)set;
    (void)out;
    (void)in;
    xc_error(d, xc_nopos, "unimplemented", "xc_xl_read is not implemented yet");
    return -1;
}
