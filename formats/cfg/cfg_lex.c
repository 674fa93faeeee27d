/* The xl.cfg / xm token stream: the union of what libvirt's virConf and
 * xl's libxlutil accept (see docs/xl-strings.md for where they differ). */
#include <limits.h>
#include <string.h>

#include "cfg_int.h"

void xc_cfg_lex_init(struct xc_cfg_lexer *lx, const char *data, size_t len,
                     struct xc_cfg *cfg, struct xc_diags *d)
{
    lx->p = data;
    lx->end = data + len;
    lx->line_start = data;
    lx->begin = data;
    lx->line = 1;
    lx->d = d;
    lx->cfg = cfg;
}

struct xc_pos xc_cfg_lex_pos(const struct xc_cfg_lexer *lx, const char *p)
{
    struct xc_pos pos = {lx->line, (unsigned)(p - lx->line_start) + 1};
    return pos;
}

static bool is_alpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* Consume a '\n' at lx->p (the caller checked it). */
static void newline(struct xc_cfg_lexer *lx)
{
    lx->p++;
    lx->line++;
    lx->line_start = lx->p;
}

static void report_nul(struct xc_cfg_lexer *lx, const char *at)
{
    xc_error(lx->d, xc_cfg_lex_pos(lx, at), "syntax", "NUL byte in input");
}

static void report_unterminated(struct xc_cfg_lexer *lx, struct xc_pos open,
                                const char *what, const char *stop)
{
    struct xc_pos at = xc_cfg_lex_pos(lx, stop);
    if (stop >= lx->end)
        xc_error(lx->d, open, "syntax",
                 "unterminated %s: end of file at %u:%u", what, at.line, at.col);
    else
        xc_error(lx->d, open, "syntax",
                 "unterminated %s: end of line at %u:%u", what, at.line, at.col);
}

/* """...""": virConf's multi-line form, no escapes.  xl cannot read it. */
static void lex_triple(struct xc_cfg_lexer *lx, struct xc_cfg_token *t)
{
    const char *s = lx->p + 3;
    const char *q = s;
    for (;;) {
        if (q >= lx->end) {
            report_unterminated(lx, t->pos, "\"\"\" string", lx->end);
            t->kind = XC_TOK_ERROR;
            return;
        }
        if (lx->end - q >= 3 && q[0] == '"' && q[1] == '"' && q[2] == '"')
            break;
        if (*q == '\0') {
            report_nul(lx, q);
            t->kind = XC_TOK_ERROR;
            return;
        }
        if (*q == '\n') {
            /* keep line bookkeeping in step for positions */
            lx->p = q;
            newline(lx);
            q = lx->p;
            continue;
        }
        q++;
    }
    t->kind = XC_TOK_STRING;
    t->str = xc_cfg_store_strndup(lx->cfg, s, (size_t)(q - s));
    t->xl_bad = t->pos;
    t->triple = true;
    lx->p = q + 3;
}

/* The string between s and the closing quote at e, as xl decodes it (the
 * caller checked that every backslash before e has its escaped byte). */
static char *decode(struct xc_cfg *cfg, const char *s, const char *e)
{
    size_t n = (size_t)(e - s) + 1;
    char *out = xc_cfg_store_alloc(cfg, n), *w = out;
    for (const char *p = s; p < e;) {
        if (*p != '\\') {
            *w++ = *p++;
            continue;
        }
        int c = xc_cfg_xl_unescape(p[1]);
        if (c >= 0) {
            *w++ = (char)c;
        } else {                        /* kept as written */
            *w++ = p[0];
            *w++ = p[1];
        }
        p += 2;
    }
    *w++ = '\0';
    xc_cfg_store_trim(cfg, out, n, (size_t)(w - out));
    return out;
}

/* "..." or '...'.  First as xl reads it (backslash escapes, may hold a raw
 * CR, ends at the first unescaped quote); when xl finds no end, as virConf
 * reads it (no escapes, ends at the first quote before CR/LF).  The bytes
 * are scanned first and copied once, into the tree's store. */
static void lex_quoted(struct xc_cfg_lexer *lx, struct xc_cfg_token *t)
{
    const char q = *lx->p;
    const char *s = lx->p + 1;
    const char *p = s;
    const char *first_bs = NULL;
    bool escaped = false;         /* an escape xl decodes: str != raw */
    struct xc_pos bad = xc_nopos;

    for (;;) {
        if (p >= lx->end || *p == '\n')
            goto virconf;
        char c = *p;
        if (c == '\0') {
            report_nul(lx, p);
            goto fail;
        }
        if (c == q)
            break;
        if (c != '\\') {
            p++;
            continue;
        }
        if (!first_bs)
            first_bs = p;
        if (p + 1 >= lx->end || p[1] == '\n')
            goto virconf;
        if (p[1] == '\0') {
            report_nul(lx, p + 1);
            goto fail;
        }
        if (xc_cfg_xl_unescape(p[1]) >= 0)
            escaped = true;
        else if (!bad.line)
            bad = xc_cfg_lex_pos(lx, p);
        p += 2;
    }
    t->kind = XC_TOK_STRING;
    if (escaped) {
        t->str = decode(lx->cfg, s, p);
        t->raw = xc_cfg_store_strndup(lx->cfg, s, (size_t)(p - s));
    } else {
        t->str = xc_cfg_store_strndup(lx->cfg, s, (size_t)(p - s));
    }
    t->xl_bad = bad;
    lx->p = p + 1;
    return;

virconf:
    /* xl would call this unterminated; virConf ends it at the first quote. */
    for (p = s; p < lx->end && *p != q && *p != '\n' && *p != '\r'; p++)
        ;
    if (p < lx->end && *p == q) {
        t->kind = XC_TOK_STRING;
        t->str = xc_cfg_store_strndup(lx->cfg, s, (size_t)(p - s));
        t->xl_bad = first_bs ? xc_cfg_lex_pos(lx, first_bs) : t->pos;
        lx->p = p + 1;
        return;
    }
    {
        /* report the end xl sees: the newline or end of file */
        const char *stop = s;
        while (stop < lx->end && *stop != '\n')
            stop++;
        report_unterminated(lx, t->pos, "string", stop);
    }
fail:
    t->kind = XC_TOK_ERROR;
}

/* [+-]?[0-9]+ (virConf: decimal even with leading zeros) or 0x[0-9a-f]+
 * (xl).  The token runs over every following letter and digit so that
 * "12ab" is one bad number, not a number and a name. */
static void lex_number(struct xc_cfg_lexer *lx, struct xc_cfg_token *t)
{
    const char *s = lx->p, *p = s;
    if (*p == '+' || *p == '-')
        p++;
    while (p < lx->end && (is_alpha(*p) || is_digit(*p) || *p == '_'))
        p++;
    t->text = s;
    t->len = (size_t)(p - s);
    lx->p = p;

    const char *q = s;
    bool neg = false;
    unsigned long long v = 0;
    unsigned long long limit = (unsigned long long)LLONG_MAX;
    if (*q == '+' || *q == '-') {
        neg = *q == '-';
        q++;
        if (neg)
            limit++;
    }
    if (q == p)
        goto bad;
    if (q == s && p - q > 2 && q[0] == '0' && q[1] == 'x') {
        for (q += 2; q < p; q++) {
            unsigned dg;
            if (is_digit(*q))
                dg = (unsigned)(*q - '0');
            else if (*q >= 'a' && *q <= 'f')
                dg = (unsigned)(*q - 'a') + 10;
            else
                goto bad;
            if (v > (limit - dg) / 16)
                goto range;
            v = v * 16 + dg;
        }
    } else {
        for (; q < p; q++) {
            if (!is_digit(*q))
                goto bad;
            unsigned dg = (unsigned)(*q - '0');
            if (v > (limit - dg) / 10)
                goto range;
            v = v * 10 + dg;
        }
    }
    t->kind = XC_TOK_NUMBER;
    if (neg)
        t->num = v == (unsigned long long)LLONG_MAX + 1 ? LLONG_MIN : -(long long)v;
    else
        t->num = (long long)v;
    return;
bad:
    xc_error(lx->d, t->pos, "syntax", "bad number '%.*s'",
             t->len > 64 ? 64 : (int)t->len, s);
    t->kind = XC_TOK_ERROR;
    return;
range:
    xc_error(lx->d, t->pos, "syntax", "bad number '%.*s': out of range",
             t->len > 64 ? 64 : (int)t->len, s);
    t->kind = XC_TOK_ERROR;
}

void xc_cfg_lex(struct xc_cfg_lexer *lx, struct xc_cfg_token *t)
{
    memset(t, 0, sizeof(*t));
    /* blanks and comments */
    while (lx->p < lx->end && (*lx->p == ' ' || *lx->p == '\t'))
        lx->p++;
    if (lx->p < lx->end && *lx->p == '#') {
        const char *c = lx->p;
        /* to the LF as xl reads it: a CR inside a comment is comment text
         * (virConf would end the comment there; a bare-CR file is not one
         * xl reads at all) */
        while (c < lx->end && *c != '\n') {
            if (*c == '\0') {
                report_nul(lx, c);
                t->pos = xc_cfg_lex_pos(lx, c);
                t->kind = XC_TOK_ERROR;
                return;
            }
            c++;
        }
        lx->p = c;
    }
    t->pos = xc_cfg_lex_pos(lx, lx->p);
    t->off = (size_t)(lx->p - lx->begin);
    if (lx->p >= lx->end) {
        t->kind = XC_TOK_EOF;
        return;
    }
    char c = *lx->p;
    switch (c) {
    case '\n':
        newline(lx);
        t->kind = XC_TOK_NEWLINE;
        return;
    case '\r':
        lx->p++;
        t->kind = XC_TOK_NEWLINE;
        return;
    case ';': lx->p++; t->kind = XC_TOK_SEMI; return;
    case '=': lx->p++; t->kind = XC_TOK_EQ; return;
    case '[': lx->p++; t->kind = XC_TOK_LBRACK; return;
    case ']': lx->p++; t->kind = XC_TOK_RBRACK; return;
    case ',': lx->p++; t->kind = XC_TOK_COMMA; return;
    case '"':
        if (lx->end - lx->p >= 3 && lx->p[1] == '"' && lx->p[2] == '"')
            lex_triple(lx, t);
        else
            lex_quoted(lx, t);
        return;
    case '\'':
        lex_quoted(lx, t);
        return;
    case '\0':
        report_nul(lx, lx->p);
        t->kind = XC_TOK_ERROR;
        return;
    default:
        break;
    }
    if (c == '+' && lx->end - lx->p >= 2 && lx->p[1] == '=') {
        lx->p += 2;
        t->kind = XC_TOK_PLUSEQ;
        return;
    }
    if (is_digit(c) || ((c == '+' || c == '-') && lx->end - lx->p >= 2 && is_digit(lx->p[1]))) {
        lex_number(lx, t);
        return;
    }
    if (is_alpha(c)) {
        const char *s = lx->p;
        while (lx->p < lx->end && (is_alpha(*lx->p) || is_digit(*lx->p) ||
                                   *lx->p == '_' || *lx->p == '.'))
            lx->p++;
        t->kind = XC_TOK_IDENT;
        t->text = s;
        t->len = (size_t)(lx->p - s);
        return;
    }
    unsigned char u = (unsigned char)c;
    if (u >= 0x21 && u < 0x7f)
        xc_error(lx->d, t->pos, "syntax", "unexpected character '%c'", c);
    else
        xc_error(lx->d, t->pos, "syntax", "unexpected byte 0x%02x", u);
    t->kind = XC_TOK_ERROR;
}
