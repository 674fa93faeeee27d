/* Storage for the model's strings (struct xc_str): a domain owns a pool
 * that its reader fills, freed at once with the domain.
 *
 * Why: a model holds a few short strings per device ("phy", "raw",
 * "xvda", a path), and glibc's smallest chunk is 32 bytes, so malloc spent
 * 128 bytes of heap per disk on ~35 bytes of text; a pool packs them.
 *
 * Each string is stored behind a one-byte tag saying where it lives, so
 * that releasing one works without knowing which: tag 0, its own malloc
 * (freed by xc_strpool_release); tag 1, a pool (freed with the pool);
 * tag 2, a constant shared by all ("phy", "raw": never freed, and never
 * to be written through, like any xc_str).
 * Strings go to the pool that xc_strpool_enter made current for this
 * thread, or to malloc when none is (writers, defaults, tests).  Pool
 * strings must not outlive their domain: a string is moved only within
 * one model (every copy between models is a new xc_str_set). */
#ifndef XC_STRPOOL_H
#define XC_STRPOOL_H

#include <stddef.h>

struct xc_strpool_block;

struct xc_strpool {
    struct xc_strpool_block *head;   /* the block being filled, then older */
    size_t used, size;               /* bytes of head's data in use / in all */
};

/* Free every block (every string of the pool); the pool stays usable. */
void xc_strpool_free(struct xc_strpool *pool);

/* Make pool the thread's current one (NULL: none); returns the previous
 * one, for xc_strpool_enter(previous) when done. */
struct xc_strpool *xc_strpool_enter(struct xc_strpool *pool);

/* A NUL-terminated copy of the n bytes at s, from the current pool or
 * malloc.  Never NULL. */
char *xc_strpool_dup(const char *s, size_t n);

/* Give back a string from xc_strpool_dup (NULL: nothing). */
void xc_strpool_release(char *s);

#endif
