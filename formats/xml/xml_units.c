/* Value parsers for the domain XML reader; see xml_units.h. */
#include "../../common/hex.h"
#include "xml_units.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int xc_scale_integer(unsigned long long *value, const char *suffix,
                     unsigned long long scale, unsigned long long limit)
{
    if (!suffix || !*suffix) {
        if (!scale)
            return -1;
    } else if (strcasecmp(suffix, "b") == 0 || strcasecmp(suffix, "byte") == 0 ||
               strcasecmp(suffix, "bytes") == 0) {
        scale = 1;
    } else {
        unsigned long long base;
        if (!suffix[1] || strcasecmp(suffix + 1, "iB") == 0)
            base = 1024;
        else if ((suffix[1] == 'b' || suffix[1] == 'B') && !suffix[2])
            base = 1000;
        else
            return -1;
        int steps;
        switch (tolower((unsigned char)suffix[0])) {
        case 'k': steps = 1; break;
        case 'm': steps = 2; break;
        case 'g': steps = 3; break;
        case 't': steps = 4; break;
        case 'p': steps = 5; break;
        case 'e': steps = 6; break;
        default: return -1;
        }
        scale = 1;
        for (int i = 0; i < steps; i++)
            scale *= base;   /* 1024^6 = 2^60 fits */
    }
    if (*value && *value > limit / scale)
        return -2;
    *value *= scale;
    return 0;
}

/* strtoull-based parsing with libvirt's strictness. */
int xc_parse_ull(const char *s, int base, unsigned long long *out)
{
    char *end;
    if (!s)
        return -1;
    errno = 0;
    unsigned long long v = strtoull(s, &end, base);
    if (errno || end == s || *end || memchr(s, '-', (size_t)(end - s)))
        return -1;
    *out = v;
    return 0;
}

int xc_parse_uint(const char *s, int base, unsigned *out)
{
    unsigned long long v;
    if (xc_parse_ull(s, base, &v) < 0 || v > UINT_MAX)
        return -1;
    *out = (unsigned)v;
    return 0;
}

int xc_parse_ll(const char *s, int base, long long *out)
{
    char *end;
    if (!s)
        return -1;
    errno = 0;
    long long v = strtoll(s, &end, base);
    if (errno || end == s || *end)
        return -1;
    *out = v;
    return 0;
}

int xc_parse_int(const char *s, int base, int *out)
{
    long long v;
    if (xc_parse_ll(s, base, &v) < 0 || v < INT_MIN || v > INT_MAX)
        return -1;
    *out = (int)v;
    return 0;
}

int xc_parse_memory_kib(const char *num, const char *unit, uint64_t *kib)
{
    /* virMemoryMaxValue(capped) on LP64: LLONG_MAX bytes. */
    const unsigned long long max = LLONG_MAX;
    unsigned long long bytes;
    if (xc_parse_ull(num, 10, &bytes) < 0)
        return -1;
    int rc = xc_scale_integer(&bytes, unit, 1024, max);
    if (rc == -1)
        return -2;
    if (rc == -2)
        return -3;
    unsigned long long k = bytes / 1024 + (bytes % 1024 != 0);
    if (k >= max / 1024 + (max % 1024 != 0))
        return -3;
    *kib = k;
    return 0;
}

/* As virMacAddrParse: 1-2 hex digits per byte, ':' between bytes, and
 * after the sixth byte anything at or below ' ' ends the address. */
int xc_mac_parse(const char *s, unsigned char out[6])
{
    for (int i = 0; i < 6; i++) {
        int hi = xc_hex_digit((unsigned char)s[0]);
        if (hi < 0)
            return -1;
        int v = hi, n = 1;
        int lo = xc_hex_digit((unsigned char)s[1]);
        if (lo >= 0) {
            v = hi * 16 + lo;
            n = 2;
            if (xc_hex_digit((unsigned char)s[2]) >= 0)
                return -1;
        }
        out[i] = (unsigned char)v;
        s += n;
        if (i == 5)
            return (signed char)*s <= ' ' ? 0 : -1;
        if (*s != ':')
            return -1;
        s++;
    }
    return -1;
}

void xc_mac_format(const unsigned char m[6], char out[18])
{
    snprintf(out, 18, "%02x:%02x:%02x:%02x:%02x:%02x",
             m[0], m[1], m[2], m[3], m[4], m[5]);
}

static void skip_spaces(const char **p)
{
    while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
        (*p)++;
}

static int read_int(const char **p, long long *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(*p, &end, 10);
    if (end == *p || errno || v > INT_MAX || v < INT_MIN)
        return -1;
    *p = end;
    *out = v;
    return 0;
}

bool xc_cpuset_valid(const char *s, unsigned limit, bool nonempty_required)
{
    /* Tracks membership only roughly (enough to tell "all clear"):
     * a set bit count after '^' removals needs the bitmap, so keep one. */
    if (!s)
        return false;
    unsigned char *bits = calloc((limit + 7) / 8 + 1, 1);
    if (!bits)
        return false;
    bool ok = false;
    const char *cur = s;
    skip_spaces(&cur);
    if (!*cur)
        goto out;
    while (*cur) {
        bool neg = false;
        long long start, last;
        if (*cur == '^') {
            cur++;
            neg = true;
        }
        if (!isdigit((unsigned char)*cur))
            goto out;
        if (read_int(&cur, &start) < 0 || start < 0)
            goto out;
        skip_spaces(&cur);
        if (*cur == ',' || *cur == 0) {
            if ((unsigned long long)start >= limit)
                goto out;
            if (neg)
                bits[start / 8] &= (unsigned char)~(1u << (start % 8));
            else
                bits[start / 8] |= (unsigned char)(1u << (start % 8));
        } else if (*cur == '-') {
            if (neg)
                goto out;
            cur++;
            skip_spaces(&cur);
            if (read_int(&cur, &last) < 0 || last < start)
                goto out;
            if ((unsigned long long)last >= limit)
                goto out;
            for (long long i = start; i <= last; i++)
                bits[i / 8] |= (unsigned char)(1u << (i % 8));
            skip_spaces(&cur);
        }
        if (*cur == ',') {
            cur++;
            skip_spaces(&cur);
        } else if (*cur == 0) {
            break;
        } else {
            goto out;
        }
    }
    ok = true;
    if (nonempty_required) {
        bool any = false;
        for (unsigned i = 0; i < (limit + 7) / 8 && !any; i++)
            any = bits[i] != 0;
        ok = any;
    }
out:
    free(bits);
    return ok;
}
