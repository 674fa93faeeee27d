#include "strpool.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

#if defined(__SANITIZE_ADDRESS__)
#define XC_POOL_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define XC_POOL_ASAN 1
#endif
#endif

#ifdef XC_POOL_ASAN
/* Under ASan each string is fenced: the block starts poisoned and every
 * string is unpoisoned alone, with a poisoned gap after it, so that an
 * overflow from one string into the next is reported as it would be
 * between two mallocs; freeing the block makes any later use of its
 * strings a reported use-after-free. */
#include <sanitizer/asan_interface.h>
#define POOL_ALIGN 8
#define POOL_GAP 8
#define POISON(p, n) ASAN_POISON_MEMORY_REGION(p, n)
#define UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION(p, n)
#else
#define POOL_ALIGN 1
#define POOL_GAP 0
#define POISON(p, n) ((void)(p), (void)(n))
#define UNPOISON(p, n) ((void)(p), (void)(n))
#endif

enum { TAG_MALLOC = 0, TAG_POOL = 1, TAG_SHARED = 2 };

/* Values that most disks carry (driver names and formats), kept once for
 * all: each NUL-ended and behind its tag ("\2" is TAG_SHARED), in
 * read-only memory, so a write through one would fault instead of
 * changing every disk's. */
static const char shared[] =
    "\2phy\0\2qemu\0\2tap\0\2tap2\0\2file\0\2raw\0\2qcow\0\2qcow2\0\2vhd\0"
    "\2qed\0\2xen\0";
enum { SHARED_MAX = 5 };   /* the longest of them */

static char *find_shared(const char *s, size_t n)
{
    for (const char *p = shared; p < shared + sizeof(shared) - 1;) {
        size_t len = strlen(p + 1);
        if (len == n && memcmp(p + 1, s, n) == 0)
            return (char *)p + 1;   /* never written: see above */
        p += len + 2;
    }
    return NULL;
}

enum { FIRST_BLOCK = 1024, MAX_BLOCK = 256 * 1024 };

struct xc_strpool_block {
    struct xc_strpool_block *next;
    char data[];
};

static _Thread_local struct xc_strpool *current;

struct xc_strpool *xc_strpool_enter(struct xc_strpool *pool)
{
    struct xc_strpool *prev = current;
    current = pool;
    return prev;
}

void xc_strpool_free(struct xc_strpool *pool)
{
    struct xc_strpool_block *b = pool->head;
    while (b) {
        struct xc_strpool_block *next = b->next;
        free(b);
        b = next;
    }
    pool->head = NULL;
    pool->used = pool->size = 0;
}

/* need bytes from pool p's head block, starting a new block when they do
 * not fit; NULL when the string is better off in its own malloc (large
 * relative to a block: the rest of the block would be wasted). */
static char *pool_take(struct xc_strpool *p, size_t need)
{
    size_t at = (p->used + POOL_ALIGN - 1) & ~(size_t)(POOL_ALIGN - 1);
    if (p->head && at <= p->size && need <= p->size - at) {
        p->used = at + need;
        return p->head->data + at;
    }
    size_t size = p->size ? p->size * 2 : FIRST_BLOCK;
    if (size > MAX_BLOCK)
        size = MAX_BLOCK;
    if (need > size / 8)
        return NULL;
    struct xc_strpool_block *b = xc_malloc(sizeof(*b) + size);
    POISON(b->data, size);
    b->next = p->head;
    p->head = b;
    p->size = size;
    p->used = need;
    return b->data;
}

char *xc_strpool_dup(const char *s, size_t n)
{
    char *t = NULL;
    if (n <= SHARED_MAX && (t = find_shared(s, n)) != NULL)
        return t;
    if (current) {
        t = pool_take(current, n + 2 + POOL_GAP);
        if (t) {
            UNPOISON(t, n + 2);
            t[0] = TAG_POOL;
        }
    }
    if (!t) {
        if (n > (size_t)-1 - 2)
            abort();
        t = xc_malloc(n + 2);
        t[0] = TAG_MALLOC;
    }
    memcpy(t + 1, s, n);
    t[n + 1] = '\0';
    return t + 1;
}

void xc_strpool_release(char *s)
{
    if (s && s[-1] == TAG_MALLOC)
        free(s - 1);
}
