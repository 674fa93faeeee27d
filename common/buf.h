/* A growable byte buffer, always NUL-terminated after its data. */
#ifndef XC_BUF_H
#define XC_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct xc_buf {
    char *data;
    size_t len, cap;
    /* Optional sink (xc_buf_set_sink); NULL: a plain buffer, which holds
     * everything written to it. */
    void (*sink)(void *ctx, const char *data, size_t len);
    void *sink_ctx;
    size_t sink_at;    /* flush points hand over from this length on */
    size_t flushed;    /* bytes handed to the sink so far */
};

/* The usual sink threshold: big enough that handing over is rare. */
#define XC_BUF_SINK_AT ((size_t)64 * 1024)

void xc_buf_add_len(struct xc_buf *b, const char *s, size_t n);
void xc_buf_add(struct xc_buf *b, const char *s);
void xc_buf_addc(struct xc_buf *b, char c);
void xc_buf_addf(struct xc_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void xc_buf_vaddf(struct xc_buf *b, const char *fmt, va_list ap)
    __attribute__((format(printf, 2, 0)));
/* Append n spaces (indentation). */
void xc_buf_indent(struct xc_buf *b, int n);
/* Empty the buffer but keep its memory for reuse. */
void xc_buf_reset(struct xc_buf *b);
/* Hand over the data (never NULL); the buffer is left empty. */
char *xc_buf_steal(struct xc_buf *b);
void xc_buf_free(struct xc_buf *b);
/* The contents as a C string ("" when empty). */
const char *xc_buf_str(const struct xc_buf *b);

/* Streaming: with a sink, the buffer's content is handed to fn at the
 * writers' flush points once it holds at least `at` bytes, and the
 * buffer is emptied (its memory kept), so a large output is never held
 * whole.  The caller hands over the rest at the end (xc_buf_str, len).
 * A writer that fails after a flush point cannot take back what the sink
 * got: a caller with a sink discards the whole output when the writer
 * fails (common/atomic_stream.h does). */
void xc_buf_set_sink(struct xc_buf *b,
                     void (*fn)(void *ctx, const char *data, size_t len),
                     void *ctx, size_t at);
/* Hand everything buffered to the sink now (none: nothing happens). */
void xc_buf_flush(struct xc_buf *b);
/* A flush point: the writer will never change or take back what it has
 * written so far.  Only there may the content leave the buffer. */
static inline void xc_buf_flush_point(struct xc_buf *b)
{
    if (b->sink && b->len >= b->sink_at)
        xc_buf_flush(b);
}
/* The output's length so far, counting what the sink took: a mark that
 * xc_buf_truncate can go back to. */
static inline size_t xc_buf_mark(const struct xc_buf *b)
{
    return b->flushed + b->len;
}
/* Drop what was written after mark (a writer's failure).  Bytes the sink
 * already took stay with it (see above). */
void xc_buf_truncate(struct xc_buf *b, size_t mark);

#endif
