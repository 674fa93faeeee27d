/* A growable byte buffer, always NUL-terminated after its data. */
#ifndef XC_BUF_H
#define XC_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct xc_buf {
    char *data;
    size_t len, cap;
};

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

#endif
