/* Placeholder until the real implementation lands. */
#include "defaults.h"

int xc_defaults_apply(struct xc_domain *dom, const struct xc_settings *set,
                      enum xc_origin origin, struct xc_diags *d)
{
    (void)dom;
    (void)set;
    (void)origin;
    (void)d;
    return 0;
}
