/* The whole input of one conversion, in memory, with its display name. */
#ifndef XC_SOURCE_H
#define XC_SOURCE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

struct xc_source {
    char *name;   /* file name as given, or "<stdin>" */
    char *data;   /* NUL-terminated copy of the bytes */
    size_t len;
    /* Set by a caller that needs only the model read from it: the reader
     * frees the bytes once parsed (xc_source_consume), so that a large
     * input is not held beside its model.  Loaded and wrapped sources
     * start without it. */
    bool consumable;
};

/* The largest input xenconv reads: 256 MiB (docs/hardening.md).  A
 * regular file beyond it is refused from its size, before any byte is
 * read; a stream (standard input, a pipe) once that many bytes have come
 * without its end. */
#define XC_SOURCE_MAX ((size_t)256 << 20)

/* Read PATH ("-" is standard input).  0 on success; on failure a
 * diagnostic names the file and -1 is returned. */
int xc_source_load(struct xc_source *src, const char *path, struct xc_diags *d);
/* Wrap bytes already in memory (copied). */
void xc_source_from_mem(struct xc_source *src, const char *name,
                        const char *data, size_t len);
void xc_source_free(struct xc_source *src);

/* A reader's "parsed, the bytes are no longer needed": frees data (NULL
 * after, len kept) when src is consumable, else does nothing.  src is
 * never a const object: consumable is set by whoever owns it. */
void xc_source_consume(const struct xc_source *src);

#endif
