/* xen-xl: xl.cfg(5) files, as libvirt 9.0.0's xen_xl.c reads and writes them. */
#ifndef XC_XL_H
#define XC_XL_H

#include "../format.h"

extern const struct xc_format xc_format_xl;

int xc_xl_read(const struct xc_source *in, const struct xc_settings *set,
               struct xc_domain *out, struct xc_diags *d);
int xc_xl_write(const struct xc_domain *dom, const struct xc_settings *set,
                struct xc_buf *out, struct xc_diags *d);

#endif
