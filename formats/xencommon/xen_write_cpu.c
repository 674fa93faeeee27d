/* CPU sets for the xl and xm writers, in libvirt's canonical form (what
 * virBitmapFormat prints after virBitmapParse). */
#include "xen_write.h"

#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"

/* libvirt's VIR_DOMAIN_CPUMASK_LEN: cpusets name cpus below this. */
enum { CPUSET_LIMIT = 16384 };

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
           c == '\f';
}

static const char *skip_spaces(const char *p)
{
    while (is_space(*p))
        p++;
    return p;
}

/* A decimal number below CPUSET_LIMIT; NULL when there is none or it is
 * too large. */
static const char *cpu_number(const char *p, unsigned *out)
{
    unsigned long v = 0;

    if (*p < '0' || *p > '9')
        return NULL;
    while (*p >= '0' && *p <= '9') {
        v = v * 10 + (unsigned long)(*p - '0');
        if (v >= CPUSET_LIMIT)
            return NULL;
        p++;
    }
    *out = (unsigned)v;
    return p;
}

struct cpu_range {
    unsigned start, last;
    bool neg;
};

struct cpu_ranges {
    struct cpu_range *v;
    size_t n, cap;
};

/* Parse a cpuset into its ranges, in order.  0 or -1 (malformed). */
static int cpuset_parse(const char *s, struct cpu_ranges *out,
                        unsigned *max)
{
    const char *p = skip_spaces(s);

    if (*p == '\0')
        return -1;
    while (*p) {
        struct cpu_range r = {0};

        if (*p == '^') {
            r.neg = true;
            p++;
        }
        if (!(p = cpu_number(p, &r.start)))
            return -1;
        p = skip_spaces(p);
        r.last = r.start;
        if (*p == '-') {
            if (r.neg)
                return -1;
            p = skip_spaces(p + 1);
            if (!(p = cpu_number(p, &r.last)) || r.last < r.start)
                return -1;
            p = skip_spaces(p);
        }
        if (r.last > *max)
            *max = r.last;
        *xc_vec_push(out) = r;
        if (*p == ',')
            p = skip_spaces(p + 1);
        else if (*p != '\0')
            return -1;
    }
    return 0;
}

/* The first index >= i not yet decided (path-halving union-find), so
 * that applying the ranges costs O(ranges + cpus), not their product. */
static unsigned undecided(unsigned *next, unsigned i)
{
    while (next[i] != i) {
        next[i] = next[next[i]];
        i = next[i];
    }
    return i;
}

int xc_xenw_cpuset(const struct xc_str *set, const char *what,
                  struct xc_buf *out, bool *empty, struct xc_diags *d)
{
    struct cpu_ranges ranges = {0};
    unsigned max = 0;
    unsigned char *bits;
    unsigned *next;
    bool first = true;

    if (!set->s || cpuset_parse(set->s, &ranges, &max) < 0) {
        free(ranges.v);
        xc_error(d, set->pos, XCW_UNSUPPORTED,
                 "%s: invalid cpuset '%s' (cpus are numbers below %d, "
                 "ranges N-M, exclusions ^N, separated by ',')",
                 what, set->s ? set->s : "", CPUSET_LIMIT);
        return -1;
    }
    /* Later ranges override earlier ones: apply them last to first and
     * let each cpu be decided once. */
    bits = xc_calloc((size_t)max + 1, 1);
    next = xc_calloc((size_t)max + 2, sizeof(*next));
    for (unsigned i = 0; i <= max + 1; i++)
        next[i] = i;
    for (size_t k = ranges.n; k-- > 0;) {
        const struct cpu_range *r = &ranges.v[k];
        for (unsigned i = undecided(next, r->start); i <= r->last;
             i = undecided(next, i)) {
            bits[i] = !r->neg;
            next[i] = i + 1;
        }
    }
    for (unsigned i = 0; i <= max; i++) {
        unsigned j = i;

        if (!bits[i])
            continue;
        while (j < max && bits[j + 1])
            j++;
        if (!first)
            xc_buf_addc(out, ',');
        if (j > i)
            xc_buf_addf(out, "%u-%u", i, j);
        else
            xc_buf_addf(out, "%u", i);
        first = false;
        i = j;
    }
    free(next);
    free(bits);
    free(ranges.v);
    if (empty)
        *empty = first;
    return 0;
}
