/* domxml-from-native and domxml-to-native, as virsh names them. */
#ifndef XC_NATIVE_H
#define XC_NATIVE_H

#include "../common/diag.h"
#include "../common/settings.h"

/* Convert the native config at input (or "-") in format to domain XML,
 * written atomically to output (NULL or "-" = stdout).
 * 0 on success, -1 after error diagnostics (and no output). */
int xc_domxml_from_native(const char *format, const char *input,
                          const char *output, const struct xc_settings *set,
                          struct xc_diags *d);
/* Domain XML at input to format. */
int xc_domxml_to_native(const char *format, const char *input,
                        const char *output, const struct xc_settings *set,
                        struct xc_diags *d);

#endif
