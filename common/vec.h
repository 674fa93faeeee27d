/* Typed growable arrays: XC_VEC(struct x) declares { v, n, cap }.
 * xc_vec_push returns a pointer to a new zeroed element at the end. */
#ifndef XC_VEC_H
#define XC_VEC_H

#include <string.h>

#include "xalloc.h"

#define XC_VEC(type) struct { type *v; size_t n, cap; }

/* Only the pushed element is cleared, never the spare capacity: a large
 * array grown by realloc (mremap) keeps its untouched tail out of the
 * resident set. */
#define xc_vec_push(vec) \
    (xc_grow((void **)&(vec)->v, &(vec)->cap, (vec)->n, sizeof(*(vec)->v)), \
     memset(&(vec)->v[(vec)->n], 0, sizeof(*(vec)->v)), &(vec)->v[(vec)->n++])

#endif
