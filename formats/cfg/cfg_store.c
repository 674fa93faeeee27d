/* The string store of a tree: every key, str and raw of a parsed tree,
 * and the list items a writer adds with xc_cfg_list_add_stored, in a
 * chain of large blocks.  A 100,000-disk file or list then costs its
 * bytes, not 100,000 allocations with their headers and rounding. */
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "cfg_int.h"

struct xc_cfg_block {
    struct xc_cfg_block *next;
    size_t used, cap;
    char data[];
};

/* Blocks double from the first to the last size; a string of more than a
 * quarter of the next block gets a block of its own, so at most a quarter
 * of a block is left unused when a string does not fit. */
enum { BLOCK_FIRST = 4096 - 64, BLOCK_LAST = (1 << 20) - 64 };

static struct xc_cfg_block *new_block(size_t cap)
{
    struct xc_cfg_block *b = xc_malloc(sizeof(*b) + cap);
    b->next = NULL;
    b->used = 0;
    b->cap = cap;
    return b;
}

char *xc_cfg_store_alloc(struct xc_cfg *cfg, size_t n)
{
    struct xc_cfg_block *b = cfg->store;
    if (b && b->cap - b->used >= n) {
        char *p = b->data + b->used;
        b->used += n;
        return p;
    }
    size_t next = b ? b->cap * 2 : BLOCK_FIRST;
    if (next > BLOCK_LAST)
        next = BLOCK_LAST;
    if (n > next / 4) {
        /* its own block, behind the current one (which stays current) */
        struct xc_cfg_block *own = new_block(n);
        own->used = n;
        if (b) {
            own->next = b->next;
            b->next = own;
        } else {
            cfg->store = own;
        }
        return own->data;
    }
    struct xc_cfg_block *nb = new_block(next);
    nb->next = b;
    cfg->store = nb;
    nb->used = n;
    return nb->data;
}

void xc_cfg_store_trim(struct xc_cfg *cfg, char *p, size_t n, size_t keep)
{
    struct xc_cfg_block *b = cfg->store;
    if (b && p + n == b->data + b->used)
        b->used -= n - keep;
}

char *xc_cfg_store_strndup(struct xc_cfg *cfg, const char *s, size_t n)
{
    char *p = xc_cfg_store_alloc(cfg, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void xc_cfg_store_free(struct xc_cfg *cfg)
{
    struct xc_cfg_block *b = cfg->store;
    while (b) {
        struct xc_cfg_block *next = b->next;
        free(b);
        b = next;
    }
    cfg->store = NULL;
}
