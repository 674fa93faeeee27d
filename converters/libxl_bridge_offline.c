/* xc_libxl_offline_json: build without a ctx and print libxl's JSON. */
#include <stdlib.h>
#include <string.h>

#include "../common/xalloc.h"
#include "libxl_bridge.h"
#include "libxl_offline.h"

int xc_libxl_offline_json(const struct xc_domain *dom, const struct xc_settings *set,
                          char **json, struct xc_diags *d)
{
    libxl_domain_config cfg;
    int rc = -1;
    char *j;

    *json = NULL;
    libxl_domain_config_init(&cfg);
    if (xc_libxl_build(dom, set, NULL, &cfg, d) == 0) {
        if ((j = xc_libxl_json(&cfg))) {
            size_t n = strlen(j);
            if (n == 0 || j[n - 1] != '\n') {
                j = xc_realloc(j, n + 2);
                j[n] = '\n';
                j[n + 1] = '\0';
            }
            *json = j;
            rc = 0;
        } else {
            xc_error(d, xc_nopos, "libxl", "libxl could not generate the JSON of the config");
        }
    }
    libxl_domain_config_dispose(&cfg);
    return rc;
}
