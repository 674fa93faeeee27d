#include "sxpr.h"

const struct xc_format xc_format_sxpr = {
    .name = "xen-sxpr",
    .description = "xend S-expression (xm list -l, xend's domain store)",
    .read = xc_sxpr_read,
    .write = xc_sxpr_write,
};
