/* A set of borrowed C strings (open addressing, FNV-1a): duplicate checks
 * in linear time.  The strings must outlive the set. */
#ifndef XC_STRSET_H
#define XC_STRSET_H

#include <stdbool.h>
#include <stddef.h>

struct xc_strset {
    const char **slot;
    size_t cap, n;
};

/* Insert s; false if an equal string was already there. */
bool xc_strset_add(struct xc_strset *set, const char *s);
void xc_strset_free(struct xc_strset *set);

#endif
