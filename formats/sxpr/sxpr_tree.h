/* xend S-expressions as a tree with input positions.
 *
 * Syntax (what xend's sxp.py writes and libvirt's string2sexpr read):
 * lists in parentheses; atoms that are bare words (ended by blank, '(' or
 * ')') or strings in '...' or "..." with backslash escapes; blanks and
 * newlines anywhere between tokens.  Exactly one top-level list per file.
 *
 * The parser is iterative (an explicit stack of open lists), so nesting
 * depth costs heap, never C stack; time and memory are linear in the
 * input.  Nodes live in one array and atom text in one arena, referenced
 * by index, so the tree is a handful of allocations. */
#ifndef XC_SXPR_TREE_H
#define XC_SXPR_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/source.h"
#include "../../common/vec.h"

/* Node index; 0 is "none" (the node array's slot 0 is never used). */
typedef uint32_t xc_sx_id;

enum xc_sx_kind { XC_SX_LIST = 1, XC_SX_ATOM };

struct xc_sx_node {
    enum xc_sx_kind kind;
    bool quoted;         /* atom written as '...' or "..." */
    struct xc_pos pos;   /* list: its '('; atom: its first byte (the quote) */
    size_t off, len;     /* atom: unescaped text in the arena, NUL-ended */
    xc_sx_id first;      /* list: first element */
    xc_sx_id next;       /* next element of the enclosing list */
};

struct xc_sx_tree {
    XC_VEC(struct xc_sx_node) nodes;
    struct xc_buf text;  /* atom texts, each followed by a NUL */
    xc_sx_id root;       /* the top-level list */
};

/* Parse in->data.  0 on success; -1 after an error diagnostic naming the
 * line and column (unbalanced parenthesis, unterminated string, a NUL
 * byte, text after the top-level list, an empty file).  *t must be zeroed;
 * free it with xc_sx_free either way. */
int xc_sx_parse(const struct xc_source *in, struct xc_sx_tree *t,
                struct xc_diags *d);
void xc_sx_free(struct xc_sx_tree *t);

static inline const struct xc_sx_node *xc_sx_at(const struct xc_sx_tree *t,
                                                xc_sx_id id)
{
    return id ? &t->nodes.v[id] : NULL;
}

/* An atom's text (NUL-terminated; may hold no NUL); NULL for a list or 0. */
const char *xc_sx_text(const struct xc_sx_tree *t, xc_sx_id id);

/* The head of a list: its first element's text if that is an atom. */
const char *xc_sx_head(const struct xc_sx_tree *t, xc_sx_id list);

/* libvirt's sexpr_lookup: PATH is "a/b/c"; list must be headed "a"; then
 * each further component selects the first element that is a list headed
 * by it.  The list found, or 0. */
xc_sx_id xc_sx_lookup(const struct xc_sx_tree *t, xc_sx_id list,
                      const char *path);

/* libvirt's sexpr_node: the list found by PATH must have an atom as its
 * second element; that atom's id, or 0 (absent, "(key)" or "(key (...))"). */
xc_sx_id xc_sx_value_id(const struct xc_sx_tree *t, xc_sx_id list,
                        const char *path);
/* Its text, or NULL. */
const char *xc_sx_value(const struct xc_sx_tree *t, xc_sx_id list,
                        const char *path);

/* The position of a node; xc_nopos for 0. */
struct xc_pos xc_sx_pos(const struct xc_sx_tree *t, xc_sx_id id);

#endif
