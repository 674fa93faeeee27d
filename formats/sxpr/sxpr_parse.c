/* The xend S-expression tokenizer and parser (see sxpr_tree.h). */
#include <stdlib.h>
#include <string.h>

#include "sxpr_tree.h"

/* Reading state: a cursor, and the tree whose line table it fills. */
struct cursor {
    const char *base, *p, *end;
    struct xc_sx_tree *t;
};

_Static_assert(XC_SOURCE_MAX - 1 <= XC_SX_OFF_MASK,
               "a source offset must fit a node's 28 offset bits");

static uint32_t offset(const struct cursor *c)
{
    return (uint32_t)(c->p - c->base);
}

static inline void advance(struct cursor *c)
{
    if (*c->p == '\n')
        *xc_vec_push(&c->t->lines) = offset(c) + 1;
    c->p++;
}

/* Byte classes: blanks, and what else ends a bare atom. */
enum { BLANK = 1, ENDS_BARE = 2 };
static const unsigned char byte_class[256] = {
    [' '] = BLANK | ENDS_BARE, ['\t'] = BLANK | ENDS_BARE,
    ['\n'] = BLANK | ENDS_BARE, ['\r'] = BLANK | ENDS_BARE,
    ['\f'] = BLANK | ENDS_BARE, ['\v'] = BLANK | ENDS_BARE,
    ['('] = ENDS_BARE, [')'] = ENDS_BARE, ['\0'] = ENDS_BARE,
};

static bool is_blank(char ch)
{
    return byte_class[(unsigned char)ch] & BLANK;
}

/* Line and column of a source offset: the last line starting at or before
 * it (the table holds every line start read so far).  Once the block
 * index is built, the search is among the lines of off's block. */
static struct xc_pos pos_at(const struct xc_sx_tree *t, uint32_t off)
{
    size_t lo = 0, hi = t->lines.n;   /* lines.v[0] == 0 <= off */
    size_t b = off >> XC_SX_BLOCK_BITS;
    if (b + 1 < t->blocks.n) {
        lo = t->blocks.v[b];
        hi = (size_t)t->blocks.v[b + 1] + 1;
    }
    while (hi - lo > 1) {
        size_t mid = lo + (hi - lo) / 2;
        if (t->lines.v[mid] <= off)
            lo = mid;
        else
            hi = mid;
    }
    return (struct xc_pos){(unsigned)lo + 1, off - t->lines.v[lo] + 1};
}

static struct xc_pos here(const struct cursor *c)
{
    return pos_at(c->t, offset(c));
}

static xc_sx_id new_node(struct xc_sx_tree *t, uint32_t flags, uint32_t at)
{
    struct xc_sx_node *n;
    if (t->nodes.n >= UINT32_MAX)
        return 0;
    n = xc_vec_push(&t->nodes);
    n->at = at | flags;
    return (xc_sx_id)(t->nodes.n - 1);
}

/* One open list: its id and its last element so far (flagged the last
 * when the list closes). */
struct frame {
    xc_sx_id list, last;
};

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9') return ch - '0';
    if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
    if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
    return -1;
}

/* After a backslash (c->p on the character after it), append the escaped
 * byte.  xend's sxp.py escapes: \a \b \f \n \r \t \v, \\ \' \", \xHH and
 * up to three octal digits; any other character stands for itself, with
 * its backslash kept (as libvirt copied it). */
static void read_escape(struct cursor *c, struct xc_buf *text)
{
    static const char from[] = "abfnrtv\\'\"", to[] = "\a\b\f\n\r\t\v\\'\"";
    const char *hit = strchr(from, *c->p);
    if (*c->p && hit) {
        xc_buf_addc(text, to[hit - from]);
        advance(c);
        return;
    }
    if (*c->p == 'x' && c->end - c->p > 2 && hexval(c->p[1]) >= 0 &&
        hexval(c->p[2]) >= 0) {
        xc_buf_addc(text, (char)(hexval(c->p[1]) * 16 + hexval(c->p[2])));
        advance(c); advance(c); advance(c);
        return;
    }
    if (*c->p >= '0' && *c->p <= '7') {
        unsigned v = 0;
        for (int i = 0; i < 3 && c->p < c->end && *c->p >= '0' && *c->p <= '7'; i++) {
            v = v * 8 + (unsigned)(*c->p - '0');
            advance(c);
        }
        xc_buf_addc(text, (char)(v & 0xff));
        return;
    }
    xc_buf_addc(text, '\\');
}

/* A quoted atom; c->p on the opening quote.  -1 (diagnosed) when the
 * string runs to the end of the input or the escape yields a NUL. */
static int read_quoted(struct cursor *c, struct xc_sx_tree *t,
                       struct xc_diags *d)
{
    char quote = *c->p;
    uint32_t open = offset(c);
    advance(c);
    while (c->p < c->end && *c->p != quote) {
        if (*c->p == '\\' && c->p + 1 < c->end) {
            uint32_t at = offset(c);
            size_t before = t->text.len;
            advance(c);
            read_escape(c, &t->text);
            if (memchr(t->text.data + before, '\0', t->text.len - before)) {
                xc_error(d, pos_at(t, at), "syntax",
                         "escape sequence gives a NUL byte");
                return -1;
            }
            continue;
        }
        if (*c->p == '\0') {
            xc_error(d, here(c), "syntax", "NUL byte in a string");
            return -1;
        }
        /* a run of plain bytes (its first may be a backslash that ends
         * the input), copied at once */
        const char *run = c->p;
        advance(c);
        while (c->p < c->end && *c->p != quote && *c->p != '\\' &&
               *c->p != '\0')
            advance(c);
        xc_buf_add_len(&t->text, run, (size_t)(c->p - run));
    }
    if (c->p >= c->end) {
        xc_error(d, pos_at(t, open), "syntax",
                 "unterminated string: no closing %c", quote);
        return -1;
    }
    advance(c);
    return 0;
}

/* An atom's text into the arena; the node was made with the QUOTED flag
 * when c->p is on a quote. */
static int read_atom(struct cursor *c, struct xc_sx_tree *t, xc_sx_id id,
                     struct xc_diags *d)
{
    t->nodes.v[id].val = (uint32_t)t->text.len;
    if (*c->p == '\'' || *c->p == '"') {
        if (read_quoted(c, t, d) < 0)
            return -1;
    } else {
        /* no newline inside: the cursor moves without advance() */
        const char *start = c->p;
        while (c->p < c->end &&
               !(byte_class[(unsigned char)*c->p] & ENDS_BARE))
            c->p++;
        if (c->p < c->end && *c->p == '\0') {
            xc_error(d, here(c), "syntax", "NUL byte in an atom");
            return -1;
        }
        xc_buf_add_len(&t->text, start, (size_t)(c->p - start));
    }
    xc_buf_addc(&t->text, '\0');
    return 0;
}

/* blocks.v[b]: the line holding offset b << XC_SX_BLOCK_BITS, for every
 * block up to the one past the end (so block b's lines end at b + 1's). */
static void index_blocks(struct xc_sx_tree *t, size_t len)
{
    size_t nblocks = (len >> XC_SX_BLOCK_BITS) + 2, line = 0;
    for (size_t b = 0; b < nblocks; b++) {
        size_t start = b << XC_SX_BLOCK_BITS;
        while (line + 1 < t->lines.n && t->lines.v[line + 1] <= start)
            line++;
        *xc_vec_push(&t->blocks) = (uint32_t)line;
    }
}

int xc_sx_parse(const struct xc_source *in, struct xc_sx_tree *t,
                struct xc_diags *d)
{
    struct cursor c = {in->data, in->data, in->data + in->len, t};
    XC_VEC(struct frame) stack = {0};
    int rc = -1;

    xc_vec_push(&t->nodes);     /* slot 0: "none" */
    xc_vec_push(&t->lines);     /* line 1 starts at offset 0 */
    if (in->len > XC_SOURCE_MAX) {
        /* offsets must fit a node: readers from memory are not bounded
         * by xc_source_load */
        xc_error(d, xc_nopos, "io", "input larger than %zu MiB: refused",
                 XC_SOURCE_MAX >> 20);
        goto out;
    }
    for (;;) {
        while (c.p < c.end && is_blank(*c.p))
            advance(&c);
        if (c.p >= c.end)
            break;
        if (*c.p == '(') {
            xc_sx_id id = new_node(t, 0, offset(&c));
            struct frame *f;
            if (!id) {
                xc_error(d, here(&c), "syntax", "too many elements");
                goto out;
            }
            if (stack.n)
                stack.v[stack.n - 1].last = id;
            else if (t->root) {
                xc_error(d, here(&c), "syntax",
                         "text after the top-level list: one domain per file");
                goto out;
            } else {
                t->root = id;
                t->nodes.v[id].at |= XC_SX_LAST;
            }
            /* a popped frame's slot is reused: xc_vec_push zeroes only
             * fresh capacity, so set both fields */
            f = xc_vec_push(&stack);
            f->list = id;
            f->last = 0;
            advance(&c);
        } else if (*c.p == ')') {
            struct frame *f;
            if (!stack.n) {
                xc_error(d, here(&c), "syntax",
                         "unbalanced ')': no list is open");
                goto out;
            }
            f = &stack.v[--stack.n];
            if (f->last)
                t->nodes.v[f->last].at |= XC_SX_LAST;
            t->nodes.v[f->list].val = (uint32_t)t->nodes.n;
            advance(&c);
        } else {
            xc_sx_id id;
            if (!stack.n) {
                xc_error(d, here(&c), "syntax", t->root
                         ? "text after the top-level list: one domain per file"
                         : "expected '(' to open the domain");
                goto out;
            }
            id = new_node(t, XC_SX_ATOM_BIT | (*c.p == '\'' || *c.p == '"'
                                               ? XC_SX_QUOTED : 0),
                          offset(&c));
            if (!id) {
                xc_error(d, here(&c), "syntax", "too many elements");
                goto out;
            }
            stack.v[stack.n - 1].last = id;
            if (read_atom(&c, t, id, d) < 0)
                goto out;
        }
    }
    if (stack.n) {
        xc_error(d, xc_sx_pos(t, stack.v[stack.n - 1].list), "syntax",
                 "unbalanced '(': list not closed before the end of the file"
                 " (%zu list%s open)", stack.n, stack.n == 1 ? "" : "s");
        goto out;
    }
    if (!t->root) {
        xc_error(d, here(&c), "syntax",
                 "empty input: expected '(' to open the domain");
        goto out;
    }
    index_blocks(t, in->len);
    rc = 0;
out:
    free(stack.v);
    return rc;
}

void xc_sx_free(struct xc_sx_tree *t)
{
    free(t->nodes.v);
    free(t->lines.v);
    free(t->blocks.v);
    xc_buf_free(&t->text);
    memset(t, 0, sizeof(*t));
}

xc_sx_id xc_sx_lookup(const struct xc_sx_tree *t, xc_sx_id list,
                      const char *path)
{
    const char *comp = path, *slash = strchr(comp, '/');
    size_t n = slash ? (size_t)(slash - comp) : strlen(comp);

    if (!xc_sx_head_is(t, list, comp, n))
        return 0;
    while (slash) {
        xc_sx_id it;
        comp = slash + 1;
        slash = strchr(comp, '/');
        n = slash ? (size_t)(slash - comp) : strlen(comp);
        for (it = xc_sx_next(t, xc_sx_first(t, list)); it;
             it = xc_sx_next(t, it))
            if (xc_sx_head_is(t, it, comp, n))
                break;
        if (!it)
            return 0;
        list = it;
    }
    return list;
}

xc_sx_id xc_sx_value_id(const struct xc_sx_tree *t, xc_sx_id list,
                        const char *path)
{
    xc_sx_id found = xc_sx_lookup(t, list, path), v;
    if (!found)
        return 0;
    v = xc_sx_next(t, xc_sx_first(t, found));
    return xc_sx_is_atom(t, v) ? v : 0;
}

const char *xc_sx_value(const struct xc_sx_tree *t, xc_sx_id list,
                        const char *path)
{
    return xc_sx_text(t, xc_sx_value_id(t, list, path));
}

struct xc_pos xc_sx_pos(const struct xc_sx_tree *t, xc_sx_id id)
{
    return id ? pos_at(t, t->nodes.v[id].at & XC_SX_OFF_MASK) : xc_nopos;
}
