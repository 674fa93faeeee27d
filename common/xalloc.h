/* Allocation that never returns NULL: a converter cannot do anything
 * useful after running out of memory, so we report and exit (code 70). */
#ifndef XC_XALLOC_H
#define XC_XALLOC_H

#include <stddef.h>

void *xc_malloc(size_t n);
void *xc_calloc(size_t n, size_t size);
void *xc_realloc(void *p, size_t n);
char *xc_strdup(const char *s);
char *xc_strndup(const char *s, size_t n);

/* Grow *items (each elem bytes) so that index n is valid; doubling keeps
 * appends amortised O(1).  New slots are not cleared (xc_vec_push clears
 * the one it hands out). */
void xc_grow(void **items, size_t *cap, size_t n, size_t elem);

#endif
