/* The loss report (--report FILE.json): every loss warning (xc_lost) and,
 * in a separate array, every other diagnostic of every file of a run, as
 * JSON.  Streamed as files finish, so memory does not grow with the run;
 * the file appears atomically when the run ends.  Schema: README.md,
 * "Loss report". */
#ifndef XC_REPORT_H
#define XC_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "../common/atomic_out.h"
#include "../common/buf.h"
#include "../common/diag.h"

struct xc_report {
    struct xc_atomic_file out;   /* the report; losses written directly */
    FILE *other;                 /* other diagnostics, copied in at the end */
    size_t nlost, nother;
    struct xc_buf line;          /* scratch */
};

/* Open PATH ("-": standard output).  target names what the run writes
 * ("xen-xl", "domain XML").  0, or -1 with a diagnostic in d. */
int xc_report_open(struct xc_report *r, const char *path, const char *target,
                   struct xc_diags *d);
/* Add every diagnostic of one file (or of the run itself). */
void xc_report_add(struct xc_report *r, const struct xc_diags *diags);
/* Finish with the run's totals and rename into place.  0, or -1 with a
 * diagnostic in d (nothing left behind).  r is released either way. */
int xc_report_close(struct xc_report *r, size_t files, size_t failed,
                    struct xc_diags *d);
/* Release without writing anything. */
void xc_report_abort(struct xc_report *r);

/* One diagnostic as a JSON object on one line (no indentation, no
 * newline): {"file": ..., "line": N|null, "column": N|null,
 * "severity": ..., "check": ...|null, "message": ...}. */
void xc_report_diag_json(struct xc_buf *b, const struct xc_diag *g);

#endif
