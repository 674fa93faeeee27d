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

/* The arena: n more bytes at its end (xc_grow only when full). */
static void text_add(struct xc_sx_tree *t, const char *s, size_t n)
{
    if (n == 0)
        return;
    if (n > t->text.cap - t->text.n)
        xc_grow((void **)&t->text.v, &t->text.cap, t->text.n + n - 1, 1);
    memcpy(t->text.v + t->text.n, s, n);
    t->text.n += n;
}

static void text_addc(struct xc_sx_tree *t, char ch)
{
    text_add(t, &ch, 1);
}

/* One node a token: xc_grow is called only when the array is full. */
static xc_sx_id new_node(struct xc_sx_tree *t, uint32_t flags, uint32_t at)
{
    if (t->nodes.n >= UINT32_MAX)
        return 0;
    if (t->nodes.n == t->nodes.cap)
        xc_grow((void **)&t->nodes.v, &t->nodes.cap, t->nodes.n,
                sizeof(*t->nodes.v));
    t->nodes.v[t->nodes.n] = (struct xc_sx_node){at | flags, 0};
    return (xc_sx_id)t->nodes.n++;
}

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
static void read_escape(struct cursor *c, struct xc_sx_tree *t)
{
    static const char from[] = "abfnrtv\\'\"", to[] = "\a\b\f\n\r\t\v\\'\"";
    const char *hit = strchr(from, *c->p);
    if (*c->p && hit) {
        text_addc(t, to[hit - from]);
        advance(c);
        return;
    }
    if (*c->p == 'x' && c->end - c->p > 2 && hexval(c->p[1]) >= 0 &&
        hexval(c->p[2]) >= 0) {
        text_addc(t, (char)(hexval(c->p[1]) * 16 + hexval(c->p[2])));
        advance(c); advance(c); advance(c);
        return;
    }
    if (*c->p >= '0' && *c->p <= '7') {
        unsigned v = 0;
        for (int i = 0; i < 3 && c->p < c->end && *c->p >= '0' && *c->p <= '7'; i++) {
            v = v * 8 + (unsigned)(*c->p - '0');
            advance(c);
        }
        text_addc(t, (char)(v & 0xff));
        return;
    }
    text_addc(t, '\\');
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
            size_t before = t->text.n;
            advance(c);
            read_escape(c, t);
            if (memchr(t->text.v + before, '\0', t->text.n - before)) {
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
        text_add(t, run, (size_t)(c->p - run));
    }
    if (c->p >= c->end) {
        xc_error(d, pos_at(t, open), "syntax",
                 "unterminated string: no closing %c", quote);
        return -1;
    }
    advance(c);
    return 0;
}

/* Recent short list heads, to share one arena copy of a key a dump
 * repeats per device ("device", "vbd", "uname" ...): direct-mapped by a
 * cheap hash; a collision only means another copy.  len is the text's
 * length + 1, 0 for an empty slot. */
enum { HEAD_SLOTS = 256, HEAD_MAX = 32 };
struct head_cache {
    struct { uint32_t off, len; } slot[HEAD_SLOTS];
};

static unsigned head_slot(const char *s, size_t len)
{
    unsigned h = len ? (unsigned)(len ^ (unsigned char)s[0] * 31u ^
                                  (unsigned char)s[len - 1] * 7u) : 0;
    return h & (HEAD_SLOTS - 1);
}

/* The arena offset of a remembered head equal to the len bytes at s, or
 * -1.  Heads are short: a byte loop beats a call to memcmp. */
static long long cached_head(const struct xc_sx_tree *t,
                             const struct head_cache *hc, const char *s,
                             size_t len)
{
    unsigned h = head_slot(s, len);
    if (len > HEAD_MAX || hc->slot[h].len != len + 1)
        return -1;
    const char *have = t->text.v + hc->slot[h].off;
    for (size_t i = 0; i < len; i++)
        if (have[i] != s[i])
            return -1;
    return hc->slot[h].off;
}

/* End the atom copied to the arena from start: its NUL; a list head
 * (hc not NULL) that equals a remembered one drops its copy for that
 * one's, else is remembered. */
static void end_atom(struct xc_sx_tree *t, struct head_cache *hc,
                     xc_sx_id id, size_t start)
{
    size_t len = t->text.n - start;
    if (hc) {
        long long off = cached_head(t, hc, t->text.v + start, len);
        if (off >= 0) {
            t->nodes.v[id].val = (uint32_t)off;
            t->text.n = start;
            return;
        }
        if (len <= HEAD_MAX) {
            unsigned h = head_slot(t->text.v + start, len);
            hc->slot[h].off = (uint32_t)start;
            hc->slot[h].len = (uint32_t)len + 1;
        }
    }
    text_addc(t, '\0');
}

/* An atom's text into the arena (shared with an equal recent head when
 * hc is not NULL); the node was made with the QUOTED flag when c->p is on
 * a quote. */
static int read_atom(struct cursor *c, struct xc_sx_tree *t, xc_sx_id id,
                     struct head_cache *hc, struct xc_diags *d)
{
    size_t start = t->text.n;
    t->nodes.v[id].val = (uint32_t)start;
    if (*c->p == '\'' || *c->p == '"') {
        if (read_quoted(c, t, d) < 0)
            return -1;
    } else {
        /* no newline inside: the cursor moves without advance() */
        const char *from = c->p;
        while (c->p < c->end &&
               !(byte_class[(unsigned char)*c->p] & ENDS_BARE))
            c->p++;
        if (c->p < c->end && *c->p == '\0') {
            xc_error(d, here(c), "syntax", "NUL byte in an atom");
            return -1;
        }
        /* a head seen before: no copy at all */
        long long off = hc ? cached_head(t, hc, from, (size_t)(c->p - from))
                           : -1;
        if (off >= 0) {
            t->nodes.v[id].val = (uint32_t)off;
            return 0;
        }
        text_add(t, from, (size_t)(c->p - from));
    }
    end_atom(t, hc, id, start);
    return 0;
}

/* Room for what a dump of len bytes needs, so that the arrays do not
 * grow by copying (half the parse time of 100,000 disks): a node per 4
 * input bytes (a dump has one per 5) and the arena's bound, one byte per
 * input byte and a NUL.  Each is capped at 64 MiB: a huge input with few
 * nodes reserves no more (and untouched reserved pages cost no memory). */
static void reserve(struct xc_sx_tree *t, size_t len)
{
    const size_t cap = (size_t)64 << 20;
    size_t nodes = len / 4 + 16, text = len + 1;
    if (nodes > cap / sizeof(*t->nodes.v))
        nodes = cap / sizeof(*t->nodes.v);
    xc_grow((void **)&t->nodes.v, &t->nodes.cap, nodes, sizeof(*t->nodes.v));
    xc_grow((void **)&t->text.v, &t->text.cap, text < cap ? text : cap, 1);
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
    /* the open lists; while open, a list's val is its last element so
     * far (flagged the last when the list closes), 0 for none */
    XC_VEC(xc_sx_id) stack = {0};
    struct head_cache heads = {0};
    int rc = -1;

    if (in->len > XC_SOURCE_MAX) {
        /* offsets must fit a node: readers from memory are not bounded
         * by xc_source_load */
        xc_error(d, xc_nopos, "io", "input larger than %zu MiB: refused",
                 XC_SOURCE_MAX >> 20);
        goto out;
    }
    reserve(t, in->len);
    new_node(t, 0, 0);          /* slot 0: "none" */
    xc_vec_push(&t->lines);     /* line 1 starts at offset 0 */
    for (;;) {
        while (c.p < c.end && is_blank(*c.p))
            advance(&c);
        if (c.p >= c.end)
            break;
        if (*c.p == '(') {
            xc_sx_id id = new_node(t, 0, offset(&c));
            if (!id) {
                xc_error(d, here(&c), "syntax", "too many elements");
                goto out;
            }
            if (stack.n)
                t->nodes.v[stack.v[stack.n - 1]].val = id;
            else if (t->root) {
                xc_error(d, here(&c), "syntax",
                         "text after the top-level list: one domain per file");
                goto out;
            } else {
                t->root = id;
                t->nodes.v[id].at |= XC_SX_LAST;
            }
            *xc_vec_push(&stack) = id;
            advance(&c);
        } else if (*c.p == ')') {
            xc_sx_id list, last;
            if (!stack.n) {
                xc_error(d, here(&c), "syntax",
                         "unbalanced ')': no list is open");
                goto out;
            }
            list = stack.v[--stack.n];
            last = t->nodes.v[list].val;
            if (last)
                t->nodes.v[last].at |= XC_SX_LAST;
            t->nodes.v[list].val = (uint32_t)t->nodes.n;
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
            struct xc_sx_node *open = &t->nodes.v[stack.v[stack.n - 1]];
            bool head = open->val == 0;
            open->val = id;
            if (read_atom(&c, t, id, head ? &heads : NULL, d) < 0)
                goto out;
        }
    }
    if (stack.n) {
        xc_error(d, xc_sx_pos(t, stack.v[stack.n - 1]), "syntax",
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
    free(t->text.v);
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
