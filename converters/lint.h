/* xenconv lint: check configs in any format for CI, without converting
 * them.  Findings are diagnostics FILE:LINE:COL: severity: message [check]
 * (or their JSON / SARIF form), from the existing readers and from the
 * checks in converters/lint_*.c.  See README.md ("Lint in CI") and
 * docs/xenconv.1.md. */
#ifndef XC_LINT_H
#define XC_LINT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "../common/diag_sarif.h"
#include "../common/settings.h"

/* The checks, by stable name (--disable / --enable, [check] of a finding,
 * SARIF ruleId). */
enum xc_lint_check {
    XC_LINT_SYNTAX,          /* a reader's syntax error */
    XC_LINT_UNKNOWN_KEY,     /* not in xl.cfg(5) of Xen 4.17 / not known to xm */
    XC_LINT_DEPRECATED_KEY,  /* deprecated or replaced; xm-only key in xl */
    XC_LINT_BAD_VALUE,       /* a value that does not parse or is refused */
    XC_LINT_CONFLICT,        /* settings that contradict each other */
    XC_LINT_NOT_CARRIED,     /* lost by converting to the other side */
    XC_LINT_SCHEMA,          /* domain XML against libvirt's RelaxNG schema */
    XC_LINT_NCHECKS
};

/* id and description of each check, in enum order. */
extern const struct xc_sarif_rule xc_lint_checks[XC_LINT_NCHECKS];
/* The check named name, or -1. */
int xc_lint_check_find(const char *name);

enum xc_lint_output { XC_LINT_OUT_TEXT, XC_LINT_OUT_JSON, XC_LINT_OUT_SARIF };

struct xc_lint_opts {
    const char *format;      /* format name or alias; NULL or "auto": detect */
    const char *to;          /* not-carried: the other side; NULL: domain XML
                              * for native formats, xen-xl for XML */
    const char *schema;      /* RelaxNG file; NULL: libvirt's domain.rng */
    enum xc_lint_output output;
    bool werror;             /* a warning fails the run */
    bool enabled[XC_LINT_NCHECKS];
};

enum xc_lint_status {
    XC_LINT_CLEAN = 0,       /* no error (warnings allowed unless werror) */
    XC_LINT_FAILED = 1,      /* an error, or a warning under werror */
    XC_LINT_IOERR = 2,       /* a path could not be read, or a bad format */
};

/* Lint every path (a file, or a directory searched recursively for
 * config-looking files: *.cfg *.xl *.xm *.xml *.sxpr).  Findings go to
 * out in the chosen form; I/O and usage problems to err. */
enum xc_lint_status xc_lint_run(const struct xc_lint_opts *o,
                                const char *const *paths, size_t n,
                                const struct xc_settings *set, FILE *out,
                                FILE *err);

/* The command line: xenconv lint [options] PATH...; an exit status. */
int xc_lint_main(int argc, char **argv, const struct xc_settings *set);
void xc_lint_usage(FILE *out);

#endif
