/* The xl.cfg / xm statement grammar over cfg_lex.c's tokens:
 *
 *   file  := { NEWLINE | ';' | stmt }
 *   stmt  := IDENT ('=' | '+=') value (NEWLINE | ';' | EOF)
 *   value := STRING | NUMBER
 *          | '[' nl* [ value nl* { ',' nl* value nl* } [ ',' nl* ] ] ']'
 *
 * (comments are NEWLINEs).  This accepts everything virConf accepts in an
 * xl/xm file and everything xl accepts; see docs/xl-strings.md. */
#include <stdint.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "cfg_int.h"

/* virConf nests lists without limit, xl reads nested lists but cannot use
 * them; a bound keeps the recursion off the end of the stack. */
enum { MAX_DEPTH = 64 };

struct parser {
    struct xc_cfg_lexer lx;
    struct xc_cfg_token tok;
    struct xc_diags *d;
};

static void advance(struct parser *ps)
{
    xc_cfg_lex(&ps->lx, &ps->tok);
}

static void skip_newlines(struct parser *ps)
{
    while (ps->tok.kind == XC_TOK_NEWLINE)
        advance(ps);
}

static const char *describe(enum xc_cfg_tok k)
{
    switch (k) {
    case XC_TOK_EOF: return "end of file";
    case XC_TOK_NEWLINE: return "end of line";
    case XC_TOK_SEMI: return "';'";
    case XC_TOK_IDENT: return "a name";
    case XC_TOK_NUMBER: return "a number";
    case XC_TOK_STRING: return "a string";
    case XC_TOK_EQ: return "'='";
    case XC_TOK_PLUSEQ: return "'+='";
    case XC_TOK_LBRACK: return "'['";
    case XC_TOK_RBRACK: return "']'";
    case XC_TOK_COMMA: return "','";
    case XC_TOK_ERROR: return "an error";
    }
    return "?";
}

static void unterminated_list(struct parser *ps, struct xc_pos open)
{
    xc_error(ps->d, open, "syntax", "unterminated list: end of file at %u:%u",
             ps->tok.pos.line, ps->tok.pos.col);
}

/* Parse the value starting at the current token into *v; on return the
 * current token is the one after it. */
static int parse_value(struct parser *ps, struct xc_cfg_value *v, int depth)
{
    struct xc_cfg_token *t = &ps->tok;
    v->pos = t->pos;
    v->off = (uint32_t)t->off;
    /* the lexer stops right after the current token */
    v->end = (uint32_t)(ps->lx.p - ps->lx.begin);
    v->stored = true;
    switch (t->kind) {
    case XC_TOK_ERROR:
        return -1;
    case XC_TOK_STRING:
        v->kind = XC_CFG_STRING;
        v->str = t->str;
        v->raw = t->raw;
        v->triple = t->triple;
        v->xl_bad_col = t->xl_bad.col;   /* on v->pos.line */
        advance(ps);
        return 0;
    case XC_TOK_NUMBER:
        v->kind = XC_CFG_NUMBER;
        v->str = xc_cfg_store_strndup(ps->lx.cfg, t->text, t->len);
        v->num = t->num;
        advance(ps);
        return 0;
    case XC_TOK_LBRACK:
        break;
    default:
        xc_error(ps->d, t->pos, "syntax", "expecting a value, found %s",
                 describe(t->kind));
        return -1;
    }

    struct xc_pos open = t->pos;
    v->kind = XC_CFG_LIST;
    if (depth >= MAX_DEPTH) {
        xc_error(ps->d, open, "syntax", "lists nested more than %d deep",
                 MAX_DEPTH);
        return -1;
    }
    advance(ps);
    skip_newlines(ps);
    for (;;) {
        if (t->kind == XC_TOK_RBRACK)
            break;
        if (t->kind == XC_TOK_EOF) {
            unterminated_list(ps, open);
            return -1;
        }
        struct xc_cfg_value item = {0};
        if (parse_value(ps, &item, depth + 1) < 0) {
            xc_cfg_value_clear(&item);
            return -1;
        }
        *xc_cfg_items_push(&v->items) = item;
        skip_newlines(ps);
        if (t->kind == XC_TOK_RBRACK)
            break;
        if (t->kind == XC_TOK_EOF) {
            unterminated_list(ps, open);
            return -1;
        }
        if (t->kind == XC_TOK_ERROR)
            return -1;
        if (t->kind != XC_TOK_COMMA) {
            xc_error(ps->d, t->pos, "syntax",
                     "expecting ',' or ']' in the list opened at %u:%u, found %s",
                     open.line, open.col, describe(t->kind));
            return -1;
        }
        advance(ps);
        skip_newlines(ps);
    }
    v->end = (uint32_t)(ps->lx.p - ps->lx.begin);
    advance(ps);    /* the ']' */
    return 0;
}

static int parse_statement(struct parser *ps, struct xc_cfg *out)
{
    struct xc_cfg_token *t = &ps->tok;
    if (t->kind != XC_TOK_IDENT) {
        if (t->kind != XC_TOK_ERROR)
            xc_error(ps->d, t->pos, "syntax", "expecting a name, found %s",
                     describe(t->kind));
        return -1;
    }
    struct xc_cfg_entry e = {0};
    e.key = xc_cfg_store_strndup(out, t->text, t->len);
    e.key_stored = true;
    e.key_pos = t->pos;
    e.key_off = (uint32_t)t->off;
    advance(ps);
    if (t->kind == XC_TOK_PLUSEQ) {
        e.append = true;
    } else if (t->kind != XC_TOK_EQ) {
        if (t->kind != XC_TOK_ERROR)
            xc_error(ps->d, t->pos, "syntax", "expecting '=' after '%s', found %s",
                     e.key, describe(t->kind));
        return -1;
    }
    advance(ps);
    if (parse_value(ps, &e.value, 0) < 0)
        goto fail;
    switch (t->kind) {
    case XC_TOK_NEWLINE:
    case XC_TOK_SEMI:
        advance(ps);
        break;
    case XC_TOK_EOF:
        break;
    case XC_TOK_ERROR:
        goto fail;
    default:
        xc_error(ps->d, t->pos, "syntax",
                 "expecting end of line or ';' after the value of '%s', found %s",
                 e.key, describe(t->kind));
        goto fail;
    }
    *xc_vec_push(&out->entries) = e;
    return 0;
fail:
    xc_cfg_value_clear(&e.value);
    return -1;
}

int xc_cfg_parse(const struct xc_source *src, struct xc_cfg *out,
                 struct xc_diags *d)
{
    struct parser ps;
    const char *saved = d->file;
    d->file = src->name;
    memset(out, 0, sizeof(*out));
    memset(&ps, 0, sizeof(ps));
    ps.d = d;
    size_t len = src->data ? src->len : 0;
    if (len >= XC_CFG_SIZE_MAX) {
        xc_error(d, xc_nopos, "io", "input of 1 GiB or more: refused");
        d->file = saved;
        return -1;
    }
    xc_cfg_lex_init(&ps.lx, src->data ? src->data : "", len, out, d);
    xc_cfg_lex(&ps.lx, &ps.tok);

    int rc = 0;
    for (;;) {
        if (ps.tok.kind == XC_TOK_EOF)
            break;
        if (ps.tok.kind == XC_TOK_NEWLINE || ps.tok.kind == XC_TOK_SEMI) {
            advance(&ps);
            continue;
        }
        if (parse_statement(&ps, out) < 0) {
            rc = -1;
            break;
        }
    }
    if (rc < 0)
        xc_cfg_free(out);
    d->file = saved;
    return rc;
}
