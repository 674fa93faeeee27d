#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static void reserve(struct xc_buf *b, size_t extra)
{
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return;
    size_t ncap = b->cap ? b->cap : 64;
    while (ncap < need)
        ncap *= 2;
    b->data = xc_realloc(b->data, ncap);
    b->cap = ncap;
}

void xc_buf_add_len(struct xc_buf *b, const char *s, size_t n)
{
    reserve(b, n);
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void xc_buf_add(struct xc_buf *b, const char *s)
{
    xc_buf_add_len(b, s, strlen(s));
}

void xc_buf_addc(struct xc_buf *b, char c)
{
    reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
}

/* One vsnprintf into the spare capacity; a second only when it did not
 * fit (formatting twice was half of the XML writer's time). */
void xc_buf_vaddf(struct xc_buf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    reserve(b, 63);
    size_t room = b->cap - b->len;
    int n = vsnprintf(b->data + b->len, room, fmt, ap2);
    va_end(ap2);
    if (n < 0) {
        b->data[b->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        reserve(b, (size_t)n);
        vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    }
    b->len += (size_t)n;
}

void xc_buf_addf(struct xc_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    xc_buf_vaddf(b, fmt, ap);
    va_end(ap);
}

void xc_buf_indent(struct xc_buf *b, int n)
{
    if (n <= 0)
        return;
    reserve(b, (size_t)n);
    memset(b->data + b->len, ' ', (size_t)n);
    b->len += (size_t)n;
    b->data[b->len] = '\0';
}

void xc_buf_reset(struct xc_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

char *xc_buf_steal(struct xc_buf *b)
{
    char *d = b->data ? b->data : xc_strdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void xc_buf_free(struct xc_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

const char *xc_buf_str(const struct xc_buf *b)
{
    return b->data ? b->data : "";
}
