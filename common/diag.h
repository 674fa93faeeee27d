/* Diagnostics: every problem as FILE:LINE:COL: severity: message [check]. */
#ifndef XC_DIAG_H
#define XC_DIAG_H

#include <stdbool.h>
#include <stdio.h>

#include "vec.h"

/* 1-based line and byte column; line 0 means "no position". */
struct xc_pos {
    unsigned line, col;
};

enum xc_severity { XC_SEV_ERROR, XC_SEV_WARNING, XC_SEV_NOTE };

struct xc_diag {
    enum xc_severity sev;
    char *file;        /* owned copy of the file name at report time */
    struct xc_pos pos;
    char *msg;
    char *check;       /* short check name, may be NULL */
    bool lost;         /* reported through xc_lost(): a loss warning */
};

struct xc_diags {
    XC_VEC(struct xc_diag) list;
    const char *file;  /* name used for new reports; not owned */
    /* What the running operation writes ("xen-xl", "domain XML", ...),
     * named in loss warnings; NULL: "the output".  Not owned. */
    const char *target;
    size_t nerrors, nwarnings;
};

void xc_diag_add(struct xc_diags *d, enum xc_severity sev, struct xc_pos pos,
                 const char *check, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

#define xc_error(d, pos, check, ...) xc_diag_add(d, XC_SEV_ERROR, pos, check, __VA_ARGS__)
#define xc_warn(d, pos, check, ...) xc_diag_add(d, XC_SEV_WARNING, pos, check, __VA_ARGS__)
#define xc_note(d, pos, check, ...) xc_diag_add(d, XC_SEV_NOTE, pos, check, __VA_ARGS__)

/* A loss: input that the output will not carry.  Reported as a warning
 * "<what> is not carried to <target>", e.g. xc_lost(d, pos, "unused-key",
 * "key '%s'", key) -> "key 'sdl' is not carried to xen-xl [unused-key]".
 * Every warning of this kind goes through here, so the loss report of a
 * conversion is exactly its list of loss warnings. */
void xc_lost(struct xc_diags *d, struct xc_pos pos, const char *check,
             const char *what_fmt, ...)
    __attribute__((format(printf, 4, 5)));

extern const struct xc_pos xc_nopos;

const char *xc_severity_name(enum xc_severity sev);
/* The order diagnostics are shown in: for each run of reports about one
 * file, positionless ones first, then by line and column (stable).  A
 * malloc'd array of d->list.n indexes; the caller frees it. */
size_t *xc_diags_order(const struct xc_diags *d);
/* One line per diagnostic, in xc_diags_order. */
void xc_diags_print(const struct xc_diags *d, FILE *out);
void xc_diags_clear(struct xc_diags *d);
void xc_diags_free(struct xc_diags *d);

#endif
