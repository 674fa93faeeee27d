/* xend S-expressions as a tree with input positions.
 *
 * Syntax (what xend's sxp.py writes and libvirt's string2sexpr read):
 * lists in parentheses; atoms that are bare words (ended by blank, '(' or
 * ')') or strings in '...' or "..." with backslash escapes; blanks and
 * newlines anywhere between tokens.  Exactly one top-level list per file.
 *
 * The parser is iterative (an explicit stack of open lists), so nesting
 * depth costs heap, never C stack; time and memory are linear in the
 * input.  Nodes live in one array in document order (a list before its
 * elements) and atom text in one arena, referenced by index, so the tree
 * is a handful of allocations.  A node is 8 bytes (a 100,000-disk dump
 * has 1.3 million of them): a list's first element is the next node, its
 * next sibling the node after its last descendant, and a position is
 * computed from the node's source offset and a table of line starts. */
#ifndef XC_SXPR_TREE_H
#define XC_SXPR_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../../common/diag.h"
#include "../../common/source.h"
#include "../../common/vec.h"

/* Node index; 0 is "none" (the node array's slot 0 is never used). */
typedef uint32_t xc_sx_id;

/* Inputs are at most XC_SOURCE_MAX (2^28) bytes, so a source offset takes
 * 28 bits; the arena holds at most one byte per input byte plus one NUL,
 * and there are fewer nodes than input bytes, so 32 bits hold the rest. */
#define XC_SX_OFF_MASK 0x0fffffffu
#define XC_SX_ATOM_BIT 0x10000000u   /* an atom, else a list */
#define XC_SX_QUOTED   0x20000000u   /* atom written as '...' or "..." */
#define XC_SX_LAST     0x40000000u   /* no next element in its list */

#define XC_SX_BLOCK_BITS 10

struct xc_sx_node {
    uint32_t at;    /* source offset of the '(' or the atom's first byte
                     * (its quote), with the flags above */
    uint32_t val;   /* atom: offset of its unescaped, NUL-ended text in the
                     * arena; list: the id after its last descendant */
};

struct xc_sx_tree {
    XC_VEC(struct xc_sx_node) nodes;
    XC_VEC(char) text;   /* atom texts, each followed by a NUL */
    XC_VEC(uint32_t) lines;  /* source offset of each line's first byte */
    /* per 2^XC_SX_BLOCK_BITS bytes of source: the index in lines of the
     * line holding the block's first byte, so a position is looked up
     * among a block's lines, not all of them (cache misses) */
    XC_VEC(uint32_t) blocks;
    xc_sx_id root;       /* the top-level list */
};

/* Parse in->data.  0 on success; -1 after an error diagnostic naming the
 * line and column (unbalanced parenthesis, unterminated string, a NUL
 * byte, text after the top-level list, an empty file).  *t must be zeroed;
 * free it with xc_sx_free either way. */
int xc_sx_parse(const struct xc_source *in, struct xc_sx_tree *t,
                struct xc_diags *d);
void xc_sx_free(struct xc_sx_tree *t);

static inline bool xc_sx_is_atom(const struct xc_sx_tree *t, xc_sx_id id)
{
    return id && (t->nodes.v[id].at & XC_SX_ATOM_BIT);
}

static inline bool xc_sx_is_list(const struct xc_sx_tree *t, xc_sx_id id)
{
    return id && !(t->nodes.v[id].at & XC_SX_ATOM_BIT);
}

static inline bool xc_sx_quoted(const struct xc_sx_tree *t, xc_sx_id id)
{
    return id && (t->nodes.v[id].at & XC_SX_QUOTED);
}

/* A list's first element, or 0 (an empty list, an atom, 0). */
static inline xc_sx_id xc_sx_first(const struct xc_sx_tree *t, xc_sx_id id)
{
    return xc_sx_is_list(t, id) && t->nodes.v[id].val > id + 1 ? id + 1 : 0;
}

/* The element after id in its list, or 0. */
static inline xc_sx_id xc_sx_next(const struct xc_sx_tree *t, xc_sx_id id)
{
    if (!id || (t->nodes.v[id].at & XC_SX_LAST))
        return 0;
    return t->nodes.v[id].at & XC_SX_ATOM_BIT ? id + 1 : t->nodes.v[id].val;
}

/* An atom's text (NUL-terminated; may hold no NUL); NULL for a list or 0. */
static inline const char *xc_sx_text(const struct xc_sx_tree *t, xc_sx_id id)
{
    return xc_sx_is_atom(t, id) ? t->text.v + t->nodes.v[id].val : NULL;
}

/* The head of a list: its first element's text if that is an atom. */
static inline const char *xc_sx_head(const struct xc_sx_tree *t,
                                     xc_sx_id list)
{
    return xc_sx_text(t, xc_sx_first(t, list));
}

/* Is list headed by the n bytes at s (which hold no NUL)?  The first byte
 * is compared inline (most heads differ there) and strncmp stops at the
 * head's end, so a long head costs n bytes at most. */
static inline bool xc_sx_head_is(const struct xc_sx_tree *t, xc_sx_id list,
                                 const char *s, size_t n)
{
    const char *h = xc_sx_head(t, list);
    if (!h)
        return false;
    if (n == 0)
        return h[0] == '\0';
    return h[0] == s[0] && strncmp(h, s, n) == 0 && h[n] == '\0';
}

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

/* The position of a node (line and byte column, as the parser's
 * diagnostics count them); xc_nopos for 0.  O(log lines). */
struct xc_pos xc_sx_pos(const struct xc_sx_tree *t, xc_sx_id id);

#endif
