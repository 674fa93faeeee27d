#include "xl.h"

const struct xc_format xc_format_xl = {
    .name = "xen-xl",
    .description = "xl.cfg(5) domain configuration (Xen 4.17 xl)",
    .read = xc_xl_read,
    .write = xc_xl_write,
};
