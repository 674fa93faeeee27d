/* xenconv validate: any format in, libxl's libxl_domain_config JSON out,
 * offline.  README.md ("Validating with libxl"), docs/libxl-bridge.md. */
#ifndef XC_VALIDATE_H
#define XC_VALIDATE_H

#include <stdbool.h>
#include <stdio.h>

#include "../common/settings.h"

struct xc_validate_opts {
    const char *file;        /* "-" is standard input */
    const char *from;        /* NULL or "auto": detect */
    bool quiet;              /* no JSON, no notes or warnings: errors only */
};

/* One file: 0 valid (JSON on out unless quiet), 1 invalid, 2 usage
 * (unknown --from).  Diagnostics on err. */
int xc_validate_run(const struct xc_validate_opts *o, const struct xc_settings *set,
                    FILE *out, FILE *err);

/* xenconv validate [--quiet] [--from FORMAT] FILE */
int xc_validate_main(int argc, char **argv, const struct xc_settings *set);
void xc_validate_usage(FILE *out);

#endif
