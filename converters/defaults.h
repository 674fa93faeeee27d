/* libvirt 9.0.0's post-parse defaults for the libxl driver, in one place:
 * virDomainDefPostParse with libxl's callbacks (implicit controllers,
 * inputs, video, console for PV, drive addresses, clock basis, memballoon,
 * os type/arch/machine, ...).  Readers and writers stay literal; both
 * directions call this between reading and writing, as libvirt does. */
#ifndef XC_DEFAULTS_H
#define XC_DEFAULTS_H

#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"

/* Where the model came from: libvirt parses domain XML and native configs
 * with slightly different flags (xenParseXL passes ABI_UPDATE). */
enum xc_origin { XC_ORIGIN_XML, XC_ORIGIN_NATIVE };

/* 0 on success; -1 with an error diagnostic where libvirt would refuse
 * the definition. */
int xc_defaults_apply(struct xc_domain *dom, const struct xc_settings *set,
                      enum xc_origin origin, struct xc_diags *d);

#endif
