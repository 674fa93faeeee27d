/* The command line of xenconv validate. */
#include <stdio.h>
#include <string.h>

#include "validate.h"

void xc_validate_usage(FILE *out)
{
    fprintf(out,
            "Usage: xenconv validate [--quiet] [--from FORMAT] FILE\n"
            "\n"
            "Read FILE (domain XML, xen-xl, xen-xm or xen-sxpr; the format is\n"
            "guessed as convert does), apply libvirt 9.0.0's defaults, build\n"
            "the libxl_domain_config libvirt's libxl driver would hand to\n"
            "libxenlight, and print libxl's own JSON of it.  Offline: no Xen\n"
            "host, no libxl context (docs/libxl-bridge.md).\n"
            "\n"
            "Options:\n"
            "  -q, --quiet       no JSON, notes or warnings: the exit status,\n"
            "                    and errors as FILE:LINE:COL\n"
            "  --from FORMAT     xen-xl (xl), xen-xm (xm), xen-sxpr (sxpr),\n"
            "                    xml (domxml) or auto (the default)\n"
            "  -h, --help        this help\n"
            "\n"
            "FILE may be '-' for standard input.\n"
            "Exit status: 0 libxl takes the domain, 1 it does not (or the input\n"
            "is invalid), 2 usage error.\n");
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "xenconv validate: %s%s%s\nTry 'xenconv validate --help'.\n", msg,
            arg ? " " : "", arg ? arg : "");
    return 2;
}

int xc_validate_main(int argc, char **argv, const struct xc_settings *set)
{
    struct xc_validate_opts o = {0};
    bool opts_done = false;

    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!opts_done && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
            xc_validate_usage(stdout);
            return 0;
        } else if (!opts_done && (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)) {
            o.quiet = true;
        } else if (!opts_done && strcmp(a, "--from") == 0) {
            if (i + 1 >= argc || !argv[i + 1][0])
                return usage_error("a format must follow", a);
            o.from = argv[++i];
        } else if (!opts_done && strncmp(a, "--from=", 7) == 0) {
            o.from = a + 7;
        } else if (!opts_done && strcmp(a, "--") == 0) {
            opts_done = true;
        } else if (!opts_done && a[0] == '-' && a[1]) {
            return usage_error("unknown option", a);
        } else if (o.file) {
            return usage_error("one FILE only; unexpected argument", a);
        } else {
            o.file = a;
        }
    }
    if (!o.file)
        return usage_error("validate needs a FILE", NULL);
    return xc_validate_run(&o, set, stdout, stderr);
}
