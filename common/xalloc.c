#include "xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void oom(void)
{
    fputs("xenconv: out of memory\n", stderr);
    exit(70);
}

void *xc_malloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        oom();
    return p;
}

void *xc_calloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        oom();
    return p;
}

void *xc_realloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        oom();
    return q;
}

char *xc_strndup(const char *s, size_t n)
{
    char *d = xc_malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *xc_strdup(const char *s)
{
    return xc_strndup(s, strlen(s));
}

void xc_grow(void **items, size_t *cap, size_t n, size_t elem)
{
    if (n < *cap)
        return;
    size_t ncap = *cap ? *cap : 4;
    while (ncap <= n) {
        if (ncap > SIZE_MAX / 2)
            oom();
        ncap *= 2;
    }
    if (ncap > SIZE_MAX / elem)
        oom();
    *items = xc_realloc(*items, ncap * elem);
    *cap = ncap;
}
