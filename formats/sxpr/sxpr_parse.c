/* The xend S-expression tokenizer and parser (see sxpr_tree.h). */
#include <stdlib.h>
#include <string.h>

#include "sxpr_tree.h"

/* Reading state: a cursor with its line and column. */
struct cursor {
    const char *p, *end;
    struct xc_pos pos;
};

static void advance(struct cursor *c)
{
    if (*c->p == '\n') {
        c->pos.line++;
        c->pos.col = 1;
    } else {
        c->pos.col++;
    }
    c->p++;
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' ||
           ch == '\f' || ch == '\v';
}

static xc_sx_id new_node(struct xc_sx_tree *t, enum xc_sx_kind kind,
                         struct xc_pos pos)
{
    struct xc_sx_node *n;
    if (t->nodes.n >= UINT32_MAX)
        return 0;
    n = xc_vec_push(&t->nodes);
    n->kind = kind;
    n->pos = pos;
    return (xc_sx_id)(t->nodes.n - 1);
}

/* One open list: its id and its last element so far (to link the next). */
struct frame {
    xc_sx_id list, last;
};

static void link_child(struct xc_sx_tree *t, struct frame *f, xc_sx_id id)
{
    if (f->last)
        t->nodes.v[f->last].next = id;
    else
        t->nodes.v[f->list].first = id;
    f->last = id;
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
                       struct xc_sx_node *n, struct xc_diags *d)
{
    char quote = *c->p;
    struct xc_pos open = c->pos;
    advance(c);
    while (c->p < c->end && *c->p != quote) {
        if (*c->p == '\\' && c->p + 1 < c->end) {
            struct xc_pos at = c->pos;
            size_t before = t->text.len;
            advance(c);
            read_escape(c, &t->text);
            if (memchr(t->text.data + before, '\0', t->text.len - before)) {
                xc_error(d, at, "syntax", "escape sequence gives a NUL byte");
                return -1;
            }
            continue;
        }
        if (*c->p == '\0') {
            xc_error(d, c->pos, "syntax", "NUL byte in a string");
            return -1;
        }
        xc_buf_addc(&t->text, *c->p);
        advance(c);
    }
    if (c->p >= c->end) {
        xc_error(d, open, "syntax", "unterminated string: no closing %c",
                 quote);
        return -1;
    }
    advance(c);
    n->quoted = true;
    return 0;
}

static int read_atom(struct cursor *c, struct xc_sx_tree *t, xc_sx_id id,
                     struct xc_diags *d)
{
    struct xc_sx_node *n = &t->nodes.v[id];
    n->off = t->text.len;
    if (*c->p == '\'' || *c->p == '"') {
        if (read_quoted(c, t, n, d) < 0)
            return -1;
    } else {
        const char *start = c->p;
        while (c->p < c->end && !is_blank(*c->p) && *c->p != '(' &&
               *c->p != ')') {
            if (*c->p == '\0') {
                xc_error(d, c->pos, "syntax", "NUL byte in an atom");
                return -1;
            }
            advance(c);
        }
        xc_buf_add_len(&t->text, start, (size_t)(c->p - start));
    }
    n->len = t->text.len - n->off;
    xc_buf_addc(&t->text, '\0');
    return 0;
}

int xc_sx_parse(const struct xc_source *in, struct xc_sx_tree *t,
                struct xc_diags *d)
{
    struct cursor c = {in->data, in->data + in->len, {1, 1}};
    XC_VEC(struct frame) stack = {0};
    int rc = -1;

    xc_vec_push(&t->nodes);     /* slot 0: "none" */
    for (;;) {
        while (c.p < c.end && is_blank(*c.p))
            advance(&c);
        if (c.p >= c.end)
            break;
        if (*c.p == '(') {
            xc_sx_id id = new_node(t, XC_SX_LIST, c.pos);
            struct frame *f;
            if (!id) {
                xc_error(d, c.pos, "syntax", "too many elements");
                goto out;
            }
            if (stack.n)
                link_child(t, &stack.v[stack.n - 1], id);
            else if (t->root) {
                xc_error(d, c.pos, "syntax",
                         "text after the top-level list: one domain per file");
                goto out;
            } else
                t->root = id;
            /* a popped frame's slot is reused: xc_vec_push zeroes only
             * fresh capacity, so set both fields */
            f = xc_vec_push(&stack);
            f->list = id;
            f->last = 0;
            advance(&c);
        } else if (*c.p == ')') {
            if (!stack.n) {
                xc_error(d, c.pos, "syntax", "unbalanced ')': no list is open");
                goto out;
            }
            stack.n--;
            advance(&c);
        } else {
            xc_sx_id id;
            if (!stack.n) {
                xc_error(d, c.pos, "syntax", t->root
                         ? "text after the top-level list: one domain per file"
                         : "expected '(' to open the domain");
                goto out;
            }
            id = new_node(t, XC_SX_ATOM, c.pos);
            if (!id) {
                xc_error(d, c.pos, "syntax", "too many elements");
                goto out;
            }
            link_child(t, &stack.v[stack.n - 1], id);
            if (read_atom(&c, t, id, d) < 0)
                goto out;
        }
    }
    if (stack.n) {
        struct xc_pos open = t->nodes.v[stack.v[stack.n - 1].list].pos;
        xc_error(d, open, "syntax",
                 "unbalanced '(': list not closed before the end of the file"
                 " (%zu list%s open)", stack.n, stack.n == 1 ? "" : "s");
        goto out;
    }
    if (!t->root) {
        xc_error(d, c.pos, "syntax", "empty input: expected '(' to open the domain");
        goto out;
    }
    rc = 0;
out:
    free(stack.v);
    return rc;
}

void xc_sx_free(struct xc_sx_tree *t)
{
    free(t->nodes.v);
    xc_buf_free(&t->text);
    memset(t, 0, sizeof(*t));
}

const char *xc_sx_text(const struct xc_sx_tree *t, xc_sx_id id)
{
    const struct xc_sx_node *n = xc_sx_at(t, id);
    if (!n || n->kind != XC_SX_ATOM)
        return NULL;
    return t->text.data + n->off;
}

const char *xc_sx_head(const struct xc_sx_tree *t, xc_sx_id list)
{
    const struct xc_sx_node *n = xc_sx_at(t, list);
    if (!n || n->kind != XC_SX_LIST)
        return NULL;
    return xc_sx_text(t, n->first);
}

/* Does the path component [s, s+n) equal the NUL-terminated head? */
static bool head_is(const struct xc_sx_tree *t, xc_sx_id list, const char *s,
                    size_t n)
{
    const char *h = xc_sx_head(t, list);
    return h && strlen(h) == n && memcmp(h, s, n) == 0;
}

xc_sx_id xc_sx_lookup(const struct xc_sx_tree *t, xc_sx_id list,
                      const char *path)
{
    const char *comp = path, *slash = strchr(comp, '/');
    size_t n = slash ? (size_t)(slash - comp) : strlen(comp);

    if (!head_is(t, list, comp, n))
        return 0;
    while (slash) {
        xc_sx_id it;
        comp = slash + 1;
        slash = strchr(comp, '/');
        n = slash ? (size_t)(slash - comp) : strlen(comp);
        for (it = t->nodes.v[t->nodes.v[list].first].next; it;
             it = t->nodes.v[it].next)
            if (t->nodes.v[it].kind == XC_SX_LIST && head_is(t, it, comp, n))
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
    v = t->nodes.v[t->nodes.v[found].first].next;
    return v && t->nodes.v[v].kind == XC_SX_ATOM ? v : 0;
}

const char *xc_sx_value(const struct xc_sx_tree *t, xc_sx_id list,
                        const char *path)
{
    return xc_sx_text(t, xc_sx_value_id(t, list, path));
}

struct xc_pos xc_sx_pos(const struct xc_sx_tree *t, xc_sx_id id)
{
    return id ? t->nodes.v[id].pos : xc_nopos;
}
