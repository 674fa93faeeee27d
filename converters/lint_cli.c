/* xenconv lint: the command line (bin/xenconv.c dispatches here). */
#include <stdlib.h>
#include <string.h>

#include "lint.h"

enum { EXIT_LINT_USAGE = 2 };

void xc_lint_usage(FILE *out)
{
    fprintf(out,
            "Usage: xenconv lint [OPTIONS] PATH...\n"
            "\n"
            "Check configs without converting them.  Each PATH is a file or a\n"
            "directory, searched recursively for *.cfg *.xl *.xm *.xml *.sxpr.\n"
            "Every finding is FILE:LINE:COL: error|warning|note: message [check].\n"
            "\n"
            "  --format FORMAT   xen-xl (xl), xen-xm (xm), xen-sxpr (sxpr), xml, or\n"
            "                    auto (default): guessed from each file's content\n"
            "  --to FORMAT       the other side for not-carried (default: domain\n"
            "                    XML for native files, xen-xl for XML)\n"
            "  --output FORM     text (default), json, or sarif (SARIF 2.1.0)\n"
            "  --werror          a warning fails the run too\n"
            "  --disable CHECK   do not run CHECK (all: every check)\n"
            "  --enable CHECK    run CHECK (all checks run by default)\n"
            "  --schema FILE     RelaxNG schema for XML (default: libvirt's\n"
            "                    /usr/share/libvirt/schemas/domain.rng)\n"
            "  -h, --help        this help\n"
            "\n"
            "Checks:\n");
    for (int i = 0; i < XC_LINT_NCHECKS; i++)
        fprintf(out, "  %-15s %s\n", xc_lint_checks[i].id,
                xc_lint_checks[i].description);
    fprintf(out,
            "\n"
            "Exit status: 0 no error (warnings allowed), 1 at least one error\n"
            "(or a warning under --werror), 2 usage or I/O error.\n");
}

static int usage(const char *msg, const char *arg)
{
    fprintf(stderr, "xenconv: %s '%s'\nTry 'xenconv lint --help'.\n", msg, arg);
    return EXIT_LINT_USAGE;
}

static int set_check(struct xc_lint_opts *o, const char *name, bool on)
{
    if (strcmp(name, "all") == 0) {
        for (int i = 0; i < XC_LINT_NCHECKS; i++)
            o->enabled[i] = on;
        return 0;
    }
    int k = xc_lint_check_find(name);
    if (k < 0)
        return -1;
    o->enabled[k] = on;
    return 0;
}

int xc_lint_main(int argc, char **argv, const struct xc_settings *set)
{
    struct xc_lint_opts o = {0};
    static const char *const valued[] = {"--format", "--to", "--output",
                                         "--disable", "--enable", "--schema",
                                         NULL};
    const char **paths = calloc((size_t)argc + 1, sizeof(*paths));
    size_t n = 0;
    bool opts_done = false;
    int rc = EXIT_LINT_USAGE;

    if (!paths) {
        fputs("xenconv: out of memory\n", stderr);
        return 70;
    }
    for (int i = 0; i < XC_LINT_NCHECKS; i++)
        o.enabled[i] = true;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i], *v = NULL;
        int k = 0;
        if (opts_done || a[0] != '-' || a[1] == '\0') {
            paths[n++] = a;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            xc_lint_usage(stdout);
            rc = 0;
            goto done;
        }
        if (strcmp(a, "--") == 0) {
            opts_done = true;
            continue;
        }
        if (strcmp(a, "--werror") == 0) {
            o.werror = true;
            continue;
        }
        for (; valued[k]; k++) {
            size_t l = strlen(valued[k]);
            if (strcmp(a, valued[k]) == 0) {
                if (i + 1 >= argc) {
                    rc = usage("option needs a value:", a);
                    goto done;
                }
                v = argv[++i];
                break;
            }
            if (strncmp(a, valued[k], l) == 0 && a[l] == '=') {
                v = a + l + 1;
                break;
            }
        }
        if (!valued[k]) {
            rc = usage("unknown option", a);
            goto done;
        }
        switch (k) {
        case 0: o.format = v; break;
        case 1: o.to = v; break;
        case 2:
            if (strcmp(v, "text") == 0)
                o.output = XC_LINT_OUT_TEXT;
            else if (strcmp(v, "json") == 0)
                o.output = XC_LINT_OUT_JSON;
            else if (strcmp(v, "sarif") == 0)
                o.output = XC_LINT_OUT_SARIF;
            else {
                rc = usage("unknown output form (text, json, sarif):", v);
                goto done;
            }
            break;
        case 3: case 4:
            if (set_check(&o, v, k == 4) < 0) {
                rc = usage("unknown check", v);
                goto done;
            }
            break;
        case 5: o.schema = v; break;
        }
    }
    if (n == 0) {
        fputs("xenconv: lint needs a PATH\nTry 'xenconv lint --help'.\n", stderr);
        goto done;
    }
    rc = (int)xc_lint_run(&o, paths, n, set, stdout, stderr);
done:
    free(paths);
    return rc;
}
