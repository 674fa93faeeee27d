#include "buf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

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

/* Whether fmt uses only %s %c %%, and %d %i %u bare or with l, ll or z
 * (no flags, width or precision): what the writers print most. */
static bool simple_format(const char *fmt)
{
    for (const char *p = fmt; (p = strchr(p, '%')) != NULL;) {
        p++;
        if (*p == '%') {
            p++;
            continue;
        }
        bool mod = false;
        if (*p == 'l') {
            mod = true;
            p += p[1] == 'l' ? 2 : 1;
        } else if (*p == 'z') {
            mod = true;
            p++;
        }
        if (*p == 'd' || *p == 'i' || *p == 'u' || (!mod && (*p == 's' || *p == 'c')))
            p++;
        else
            return false;
    }
    return true;
}

static void add_unsigned(struct xc_buf *b, bool neg, unsigned long long v)
{
    char tmp[24];
    size_t n = sizeof(tmp);
    do
        tmp[--n] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    if (neg)
        tmp[--n] = '-';
    xc_buf_add_len(b, tmp + n, sizeof(tmp) - n);
}

/* What vsnprintf would append for a simple_format() fmt, without its
 * per-call setup (a third of a typical conversion's time went there). */
static void add_simple(struct xc_buf *b, const char *fmt, va_list ap)
{
    const char *p = fmt, *pc;
    while ((pc = strchr(p, '%')) != NULL) {
        xc_buf_add_len(b, p, (size_t)(pc - p));
        p = pc + 1;
        int len = 0;                      /* none, l, ll, z */
        if (*p == 'l') {
            len = p[1] == 'l' ? 2 : 1;
            p += len;
        } else if (*p == 'z') {
            len = 3;
            p++;
        }
        char c = *p++;
        if (c == '%') {
            xc_buf_addc(b, '%');
        } else if (c == 's') {
            const char *s = va_arg(ap, const char *);
            xc_buf_add(b, s ? s : "(null)");
        } else if (c == 'c') {
            xc_buf_addc(b, (char)(unsigned char)va_arg(ap, int));
        } else if (c == 'u') {
            unsigned long long v = len == 0   ? va_arg(ap, unsigned)
                                   : len == 1 ? va_arg(ap, unsigned long)
                                   : len == 2 ? va_arg(ap, unsigned long long)
                                              : va_arg(ap, size_t);
            add_unsigned(b, false, v);
        } else {
            long long v = len == 0   ? va_arg(ap, int)
                          : len == 1 ? va_arg(ap, long)
                          : len == 2 ? va_arg(ap, long long)
                                     : va_arg(ap, ssize_t);
            add_unsigned(b, v < 0, v < 0 ? 0ULL - (unsigned long long)v
                                         : (unsigned long long)v);
        }
    }
    xc_buf_add(b, p);
}

/* Simple formats are appended directly; others get one vsnprintf into
 * the spare capacity, a second only when it did not fit (formatting
 * twice was half of the XML writer's time). */
void xc_buf_vaddf(struct xc_buf *b, const char *fmt, va_list ap)
{
    if (simple_format(fmt)) {
        add_simple(b, fmt, ap);
        return;
    }
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

void xc_buf_set_sink(struct xc_buf *b,
                     void (*fn)(void *ctx, const char *data, size_t len),
                     void *ctx, size_t at)
{
    b->sink = fn;
    b->sink_ctx = ctx;
    b->sink_at = at;
}

void xc_buf_flush(struct xc_buf *b)
{
    if (!b->sink || !b->len)
        return;
    b->sink(b->sink_ctx, b->data, b->len);
    b->flushed += b->len;
    xc_buf_reset(b);
}

void xc_buf_truncate(struct xc_buf *b, size_t mark)
{
    size_t keep = mark > b->flushed ? mark - b->flushed : 0;
    if (keep >= b->len)
        return;
    b->len = keep;
    b->data[keep] = '\0';
}
