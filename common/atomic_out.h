/* Output that is either complete or absent: written to a temporary file
 * in the target directory, flushed, then renamed over the target. */
#ifndef XC_ATOMIC_OUT_H
#define XC_ATOMIC_OUT_H

#include <stddef.h>

#include "diag.h"

/* PATH NULL or "-" writes to standard output.  0 on success, -1 with a
 * diagnostic (and no file left behind) on failure. */
int xc_write_atomic(const char *path, const char *data, size_t len,
                    struct xc_diags *d);

#endif
