/* The libxl bridge: the model as libxl's own libxl_domain_config.
 *
 * The only header of xenconv that includes <libxl.h>; only
 * converters/libxl_bridge*.c and converters/libxl_launch*.c include it.
 * Follows libvirt 9.0.0's libxlBuildDomainConfig (src/libxl/libxl_conf.c)
 * part by part, with libxl's types and helpers.  docs/libxl-bridge.md. */
#ifndef XC_LIBXL_BRIDGE_H
#define XC_LIBXL_BRIDGE_H

#include <libxl.h>

#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"

/* Fill CFG (already libxl_domain_config_init'ed by the caller, who also
 * disposes of it, on success or failure) from DOM, defaults applied
 * (xc_convert_source's model after converters/defaults).  CTX may be NULL:
 * nothing in the build then asks the hypervisor (the offline validate);
 * with a ctx, what libvirt takes from the host (e.g. the emulator's
 * capabilities) may be asked of it.  Returns 0, or -1 after at least one
 * error diagnostic in D, with the input position where the model has one.
 * Whatever libxl cannot take but can be dropped is a warning. */
int xc_libxl_build(const struct xc_domain *dom, const struct xc_settings *set,
                   libxl_ctx *ctx, libxl_domain_config *cfg, struct xc_diags *d);

#endif
