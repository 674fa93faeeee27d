/* Output produced piecewise and still all-or-nothing: a conversion's
 * output handed over at the writers' flush points (buf.h) instead of held
 * whole in memory.
 *
 * To a path: the pieces go to a temporary file beside it, created with
 * the first piece; commit writes the rest, fsyncs and renames it into
 * place.  To standard output: the pieces go to an unnamed temporary file
 * (in $TMPDIR, else /tmp) and commit copies it out, so that a failed
 * conversion prints nothing (/dev/null, where nothing can be seen, gets
 * them directly).  An output that never reaches a piece touches neither.
 * A failure is kept and reported by commit, after the conversion's own
 * diagnostics, with xc_write_atomic's messages. */
#ifndef XC_ATOMIC_STREAM_H
#define XC_ATOMIC_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"

struct xc_atomic_stream {
    const char *path;    /* NULL: standard output; not owned */
    int fd;              /* temporary or spool; -1 before the first piece */
    char *tmp;           /* the temporary's name (path only) */
    bool direct;         /* standard output is /dev/null: no spool */
    int err;             /* errno of the first failure; 0 none */
    const char *what;    /* its message: "cannot write", ... */
    bool spool_failed;   /* ... on the spool, not standard output */
};

/* PATH NULL or "-": standard output. */
void xc_atomic_stream_init(struct xc_atomic_stream *s, const char *path);
/* Make s the sink of b (threshold XC_BUF_SINK_AT). */
void xc_atomic_stream_attach(struct xc_atomic_stream *s, struct xc_buf *b);
/* The sink: append a piece (ctx is the stream). */
void xc_atomic_stream_write(void *ctx, const char *data, size_t len);
/* Append rest, then make the whole output visible.  0, or -1 with a
 * diagnostic and no file left behind (nothing on standard output unless
 * standard output itself failed). */
int xc_atomic_stream_commit(struct xc_atomic_stream *s, const char *rest,
                            size_t len, struct xc_diags *d);
/* Drop everything: the temporary is removed, PATH untouched. */
void xc_atomic_stream_abort(struct xc_atomic_stream *s);

#endif
