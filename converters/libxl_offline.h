/* The libxl bridge without libxl.h: the model -> libxl_domain_config ->
 * libxl's JSON, offline (no ctx, no hypervisor), for callers that must not
 * include libxl.h (converters/validate.c).  docs/libxl-bridge.md. */
#ifndef XC_LIBXL_OFFLINE_H
#define XC_LIBXL_OFFLINE_H

#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"

/* Build the libxl_domain_config of DOM (defaults applied) with the offline
 * host (xc_libxl_host_offline) and no ctx, and set *json to libxl's JSON of
 * it (malloc'd, newline-terminated).  0, or -1 after an error diagnostic
 * (*json NULL). */
int xc_libxl_offline_json(const struct xc_domain *dom, const struct xc_settings *set,
                          char **json, struct xc_diags *d);

#endif
