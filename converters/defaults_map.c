/* The small open-addressing hash map the post-parse checks use to stay
 * linear in the number of devices. */
#include "defaults_priv.h"

#include <stdlib.h>

#include "../common/xalloc.h"

static uint64_t mix(uint64_t x)
{
    /* splitmix64 finaliser */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

uint64_t dflt_hash_str(const char *s)
{
    uint64_t h = 0xcbf29ce484222325ULL;   /* FNV-1a */
    for (; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 0x100000001b3ULL;
    }
    return h;
}

size_t *dflt_map_find(const struct dflt_map *m, uint64_t key, dflt_map_eq eq,
                      const void *ctx)
{
    if (m->cap == 0)
        return NULL;
    size_t mask = m->cap - 1;
    for (size_t i = mix(key) & mask;; i = (i + 1) & mask) {
        struct dflt_map_ent *e = &m->e[i];
        if (!e->used)
            return NULL;
        if (e->key == key && (!eq || eq(e->val, ctx)))
            return &e->val;
    }
}

static void insert(struct dflt_map_ent *tab, size_t cap, uint64_t key,
                   size_t val)
{
    size_t mask = cap - 1;
    size_t i = mix(key) & mask;
    while (tab[i].used)
        i = (i + 1) & mask;
    tab[i].key = key;
    tab[i].val = val;
    tab[i].used = true;
}

void dflt_map_put(struct dflt_map *m, uint64_t key, size_t val)
{
    if ((m->n + 1) * 4 > m->cap * 3) {     /* keep load under 3/4 */
        size_t ncap = m->cap ? m->cap * 2 : 16;
        struct dflt_map_ent *tab = xc_calloc(ncap, sizeof(*tab));
        for (size_t i = 0; i < m->cap; i++)
            if (m->e[i].used)
                insert(tab, ncap, m->e[i].key, m->e[i].val);
        free(m->e);
        m->e = tab;
        m->cap = ncap;
    }
    insert(m->e, m->cap, key, val);
    m->n++;
}

void dflt_map_free(struct dflt_map *m)
{
    free(m->e);
    m->e = NULL;
    m->cap = m->n = 0;
}
