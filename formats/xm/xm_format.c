#include "xm.h"

const struct xc_format xc_format_xm = {
    .name = "xen-xm",
    .description = "xm domain configuration (Xen's xend toolstack)",
    .read = xc_xm_read,
    .write = xc_xm_write,
};
