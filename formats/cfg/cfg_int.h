/* Internal to formats/cfg: the token stream the parser reads, and the
 * string-quoting rules the lexer and the serializer share. */
#ifndef XC_CFG_INT_H
#define XC_CFG_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "cfg.h"

/* ---- lexer (cfg_lex.c) ------------------------------------------------ */

enum xc_cfg_tok {
    XC_TOK_EOF,
    XC_TOK_NEWLINE,   /* '\n' or '\r'; a comment ends in one */
    XC_TOK_SEMI,      /* ';' */
    XC_TOK_IDENT,     /* [A-Za-z][A-Za-z0-9_.]* */
    XC_TOK_NUMBER,
    XC_TOK_STRING,
    XC_TOK_EQ,        /* '=' */
    XC_TOK_PLUSEQ,    /* '+=' */
    XC_TOK_LBRACK,
    XC_TOK_RBRACK,
    XC_TOK_COMMA,
    XC_TOK_ERROR      /* already reported */
};

struct xc_cfg_lexer {
    const char *p, *end;
    const char *line_start;   /* first byte of the current line */
    const char *begin;        /* first byte of the input (for offsets) */
    unsigned line;
    struct xc_diags *d;
    struct xc_cfg *cfg;       /* whose store holds the strings */
};

struct xc_cfg_token {
    enum xc_cfg_tok kind;
    struct xc_pos pos;        /* first byte */
    const char *text;         /* IDENT, NUMBER: the bytes as written */
    size_t len;
    /* STRING: in the tree's store, handed to the value. */
    char *str, *raw;
    struct xc_pos xl_bad;     /* always on the line of pos, or 0 */
    long long num;            /* NUMBER */
    size_t off;               /* byte offset of the first byte */
    bool triple;              /* STRING: written """...""" */
};

void xc_cfg_lex_init(struct xc_cfg_lexer *lx, const char *data, size_t len,
                     struct xc_cfg *cfg, struct xc_diags *d);
/* Next token into *t.
 * Errors are reported through lx->d and give XC_TOK_ERROR. */
void xc_cfg_lex(struct xc_cfg_lexer *lx, struct xc_cfg_token *t);
/* Position of the byte at p. */
struct xc_pos xc_cfg_lex_pos(const struct xc_cfg_lexer *lx, const char *p);

/* ---- quoting (cfg_quote.c) -------------------------------------------- */

/* The byte xl's dequote makes of backslash + c, or -1 when xl rejects
 * (or, for octal digits, mangles) that escape. */
int xc_cfg_xl_unescape(char c);
/* Append s quoted so that xl reads back exactly s, in the form closest to
 * what libvirt writes. */
void xc_cfg_quote_xl(struct xc_buf *out, const char *s);
/* Append s exactly as virConfWriteMem would; -1 (nothing appended) when
 * virConf would read that text back as something else. */
int xc_cfg_quote_virconf(struct xc_buf *out, const char *s);
/* Key spellings each reader accepts. */
bool xc_cfg_xl_key_ok(const char *key);
bool xc_cfg_virconf_key_ok(const char *key);

/* ---- values (cfg_build.c) --------------------------------------------- */

void xc_cfg_value_clear(struct xc_cfg_value *v);

/* ---- the string store of a tree (cfg_store.c) -------------------------- */

/* n bytes that live until xc_cfg_store_free (xc_cfg_free). */
char *xc_cfg_store_alloc(struct xc_cfg *cfg, size_t n);
/* Of the last n bytes allocated at p, keep the first keep (others: no-op). */
void xc_cfg_store_trim(struct xc_cfg *cfg, char *p, size_t n, size_t keep);
/* s[0..n) and a NUL. */
char *xc_cfg_store_strndup(struct xc_cfg *cfg, const char *s, size_t n);
void xc_cfg_store_free(struct xc_cfg *cfg);

#endif
