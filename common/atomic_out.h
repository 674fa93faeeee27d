/* Output that is either complete or absent: written to a temporary file
 * in the target directory, flushed, then renamed over the target. */
#ifndef XC_ATOMIC_OUT_H
#define XC_ATOMIC_OUT_H

#include <stddef.h>
#include <stdio.h>

#include "diag.h"

/* PATH NULL or "-" writes to standard output.  0 on success, -1 with a
 * diagnostic (and no file left behind) on failure. */
int xc_write_atomic(const char *path, const char *data, size_t len,
                    struct xc_diags *d);

/* The same guarantee for output written piecewise (e.g. a report that
 * grows as a batch runs, without holding it in memory): open, write to
 * af->f, then commit (flush, fsync, rename into place) or abort (the
 * temporary is removed, PATH untouched).  PATH NULL or "-": standard
 * output, written directly. */
struct xc_atomic_file {
    FILE *f;
    char *path;      /* NULL: standard output */
    char *tmp;
};
int xc_atomic_open(struct xc_atomic_file *af, const char *path,
                   struct xc_diags *d);
/* 0 on success; -1 with a diagnostic (and no file left behind). */
int xc_atomic_commit(struct xc_atomic_file *af, struct xc_diags *d);
void xc_atomic_abort(struct xc_atomic_file *af);

#endif
