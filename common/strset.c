#include "strset.h"

#include <stdlib.h>
#include <string.h>

#include "xalloc.h"

static size_t hash(const char *s)
{
    size_t h = (size_t)1469598103934665603ULL;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * (size_t)1099511628211ULL;
    return h;
}

bool xc_strset_add(struct xc_strset *set, const char *s)
{
    /* Keep the load factor at most one half. */
    if ((set->n + 1) * 2 > set->cap) {
        size_t ncap = set->cap ? set->cap * 2 : 16;
        const char **ns = xc_calloc(ncap, sizeof(*ns));
        for (size_t i = 0; i < set->cap; i++) {
            if (!set->slot[i])
                continue;
            size_t j = hash(set->slot[i]) & (ncap - 1);
            while (ns[j])
                j = (j + 1) & (ncap - 1);
            ns[j] = set->slot[i];
        }
        free(set->slot);
        set->slot = ns;
        set->cap = ncap;
    }
    size_t j = hash(s) & (set->cap - 1);
    while (set->slot[j]) {
        if (strcmp(set->slot[j], s) == 0)
            return false;
        j = (j + 1) & (set->cap - 1);
    }
    set->slot[j] = s;
    set->n++;
    return true;
}

void xc_strset_free(struct xc_strset *set)
{
    free(set->slot);
    set->slot = NULL;
    set->cap = set->n = 0;
}
