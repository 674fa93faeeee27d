/* xen-sxpr: the S-expressions of Xen's xend (`xm list -l`, xend's domain
 * store), as libvirt's historical xen_sxpr.c read and wrote them. */
#ifndef XC_SXPR_H
#define XC_SXPR_H

#include "../format.h"

extern const struct xc_format xc_format_sxpr;

int xc_sxpr_read(const struct xc_source *in, const struct xc_settings *set,
                 struct xc_domain *out, struct xc_diags *d);
int xc_sxpr_write(const struct xc_domain *dom, const struct xc_settings *set,
                  struct xc_buf *out, struct xc_diags *d);

#endif
