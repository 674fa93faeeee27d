/* The accessors shared by the xl and xm readers (libvirt's xenConfigGet*
 * semantics, with positioned diagnostics) and the small value parsers. */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <netdb.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include "../../common/buf.h"
#include "../../common/xalloc.h"
#include "xen_read.h"

/* ---- positions ---------------------------------------------------------- */

struct xc_pos xcr_pos_at(struct xc_pos start, const char *text, size_t off)
{
    struct xc_pos p = start;
    if (!p.line)
        return p;
    for (size_t i = 0; i < off && text[i]; i++) {
        if (text[i] == '\n') {
            p.line++;
            p.col = 1;
        } else {
            p.col++;
        }
    }
    return p;
}

void xcr_poscur_init(struct xcr_poscur *pc, struct xc_pos start, const char *text)
{
    pc->start = pc->pos = start;
    pc->text = text;
    pc->off = 0;
}

struct xc_pos xcr_pos_next(struct xcr_poscur *pc, size_t off)
{
    if (!pc->start.line)
        return pc->start;
    if (off < pc->off) {
        pc->off = 0;
        pc->pos = pc->start;
    }
    size_t i = pc->off;
    struct xc_pos p = pc->pos;
    for (; i < off && pc->text[i]; i++) {
        if (pc->text[i] == '\n') {
            p.line++;
            p.col = 1;
        } else {
            p.col++;
        }
    }
    pc->off = i;
    pc->pos = p;
    return p;
}

struct xc_pos xcr_inner(const struct xc_cfg_value *v)
{
    struct xc_pos p = v->pos;
    if (v->kind != XC_CFG_STRING || !p.line)
        return p;
    p.col += v->triple ? 3 : 1;   /* past the opening """ or " */
    return p;
}

/* ---- accessors --------------------------------------------------------- */

const char *xcr_text(const struct xc_cfg_value *v)
{
    if (v->kind == XC_CFG_STRING && v->raw)
        return v->raw;
    return v->str ? v->str : "";
}

struct xc_cfg_value *xcr_value(struct xcr *r, const char *key)
{
    struct xc_cfg_entry *e = xc_cfg_get(r->cfg, key);
    return e ? &e->value : NULL;
}

static const char *kind_name(enum xc_cfg_kind k)
{
    switch (k) {
    case XC_CFG_STRING: return "a string";
    case XC_CFG_NUMBER: return "a number";
    case XC_CFG_LIST: return "a list";
    }
    return "a value";
}

int xcr_string(struct xcr *r, const char *key, const char **out,
               struct xc_pos *pos)
{
    struct xc_cfg_value *v = xcr_value(r, key);
    *out = NULL;
    if (!v)
        return 0;
    if (pos)
        *pos = xcr_inner(v);
    if (v->kind != XC_CFG_STRING) {
        xcr_error(r, v->pos, "bad-type", "%s must be a string, not %s",
                  key, kind_name(v->kind));
        return -1;
    }
    *out = xcr_text(v);
    return 0;
}

int xcr_bool(struct xcr *r, const char *key, int def, int *out)
{
    struct xc_cfg_value *v = xcr_value(r, key);
    *out = def;
    if (!v)
        return 0;
    switch (v->kind) {
    case XC_CFG_NUMBER:
        if (v->num < 0 || (v->str && v->str[0] == '-')) {
            xcr_error(r, v->pos, "bad-number",
                      "%s must be 0 or 1, not %s", key, xcr_text(v));
            return -1;
        }
        *out = v->num != 0;
        return 0;
    case XC_CFG_STRING: {
        const char *s = xcr_text(v);
        *out = strcmp(s, "1") == 0;
        if (!*out && strcmp(s, "0") != 0)
            xc_warn(r->d, xcr_inner(v), "suspicious-value",
                    "%s = \"%s\" is read as false (only 1 or \"1\" mean true)",
                    key, s);
        return 0;
    }
    case XC_CFG_LIST:
        break;
    }
    xcr_error(r, v->pos, "bad-type", "%s must be 0 or 1, not %s", key,
              kind_name(v->kind));
    return -1;
}

int xcr_ulong(struct xcr *r, const char *key, unsigned long long def,
              unsigned long long max, unsigned long long *out, bool *found)
{
    struct xc_cfg_value *v = xcr_value(r, key);
    unsigned long long val = 0;
    *out = def;
    if (found)
        *found = v != NULL;
    if (!v)
        return 0;
    switch (v->kind) {
    case XC_CFG_NUMBER:
        if (v->num < 0 || (v->str && v->str[0] == '-')) {
            xcr_error(r, v->pos, "bad-number",
                      "%s must not be negative (%s)", key, xcr_text(v));
            return -1;
        }
        val = (unsigned long long)v->num;
        break;
    case XC_CFG_STRING:
        if (xcr_parse_ull(xcr_text(v), 10, &val) < 0) {
            xcr_error(r, xcr_inner(v), "bad-number",
                      "%s: '%s' is not a non-negative decimal number", key,
                      xcr_text(v));
            return -1;
        }
        break;
    case XC_CFG_LIST:
        xcr_error(r, v->pos, "bad-type", "%s must be a number, not a list",
                  key);
        return -1;
    }
    if (val > max) {
        xcr_error(r, xcr_inner(v), "bad-number", "%s: %llu is out of range (at most %llu)",
                  key, val, max);
        return -1;
    }
    *out = val;
    return 0;
}

/* ---- numbers ----------------------------------------------------------- */

int xcr_parse_ull(const char *s, int base, unsigned long long *out)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    if (*p == '-')
        return -1;
    if (*p == '+')
        p++;
    if (!isxdigit((unsigned char)*p))
        return -1;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(p, &end, base);
    if (errno || end == p || *end)
        return -1;
    *out = v;
    return 0;
}

int xcr_parse_ll(const char *s, int base, long long *out)
{
    const char *p = s;
    while (isspace((unsigned char)*p))
        p++;
    const char *q = p;
    if (*q == '-' || *q == '+')
        q++;
    if (!isxdigit((unsigned char)*q))
        return -1;
    char *end;
    errno = 0;
    long long v = strtoll(p, &end, base);
    if (errno || end == p || *end)
        return -1;
    *out = v;
    return 0;
}

/* ---- cpusets ----------------------------------------------------------- */

static void skip_spaces(const char **p)
{
    while (isspace((unsigned char)**p))
        (*p)++;
}

/* One decimal number as virStrToLong_i reads it, but bounded; advances. */
static int cpuset_num(const char **p, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(*p, &end, 10);
    if (errno || end == *p || v < INT_MIN || v > INT_MAX)
        return -1;
    *p = end;
    *out = v;
    return 0;
}

int xcr_parse_cpuset(const char *s, unsigned nbits, char **norm,
                     unsigned *count, bool *all)
{
    unsigned char *bits = xc_calloc(nbits ? nbits : 1, 1);
    const char *cur = s;
    int ret = -1;

    skip_spaces(&cur);
    if (!*cur)
        goto out;
    while (*cur) {
        bool neg = false;
        long start, last;
        if (*cur == '^') {
            cur++;
            neg = true;
        }
        if (!isdigit((unsigned char)*cur))
            goto out;
        if (cpuset_num(&cur, &start) < 0 || start < 0)
            goto out;
        skip_spaces(&cur);
        if (*cur == ',' || *cur == '\0') {
            if ((unsigned long)start >= nbits)
                goto out;
            bits[start] = !neg;
        } else if (*cur == '-') {
            if (neg)
                goto out;
            cur++;
            skip_spaces(&cur);
            if (cpuset_num(&cur, &last) < 0 || last < start)
                goto out;
            if ((unsigned long)last >= nbits)
                goto out;
            for (long i = start; i <= last; i++)
                bits[i] = 1;
            skip_spaces(&cur);
        }
        if (*cur == ',') {
            cur++;
            skip_spaces(&cur);
        } else if (*cur != '\0') {
            goto out;
        }
    }

    struct xc_buf b = {0};
    unsigned n = 0;
    bool first = true;
    for (unsigned i = 0; i < nbits; i++) {
        if (!bits[i])
            continue;
        unsigned j = i;
        while (j + 1 < nbits && bits[j + 1])
            j++;
        n += j - i + 1;
        xc_buf_addf(&b, first ? "%u" : ",%u", i);
        if (j != i)
            xc_buf_addf(&b, "-%u", j);
        first = false;
        i = j;
    }
    *norm = xc_buf_steal(&b);
    *count = n;
    *all = n == nbits;
    ret = 0;
out:
    free(bits);
    return ret;
}

/* ---- MAC and IP -------------------------------------------------------- */

int xcr_parse_mac(const char *s, char out[18])
{
    unsigned char mac[6];
    const char *p = s;
    for (int i = 0; i < 6; i++) {
        unsigned v = 0;
        int nd = 0;
        while (nd < 3 && isxdigit((unsigned char)p[nd])) {
            int c = tolower((unsigned char)p[nd]);
            v = v * 16 + (unsigned)(isdigit(c) ? c - '0' : c - 'a' + 10);
            nd++;
        }
        if (nd < 1 || nd > 2)
            return -1;
        mac[i] = (unsigned char)v;
        p += nd;
        if (i == 5) {
            /* libvirt stops at any byte <= ' ' after the last octet */
            if (*p != '\0' && (unsigned char)*p > ' ')
                return -1;
        } else if (*p++ != ':') {
            return -1;
        }
    }
    static const char hex[] = "0123456789abcdef";
    for (int i = 0; i < 6; i++) {
        out[i * 3] = hex[mac[i] >> 4];
        out[i * 3 + 1] = hex[mac[i] & 15];
        out[i * 3 + 2] = i == 5 ? '\0' : ':';
    }
    return 0;
}

int xcr_parse_ip(const char *s, char **canon, const char **family)
{
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof(hints));
    hints.ai_family = AF_UNSPEC;
    hints.ai_flags = AI_NUMERICHOST;
    if (getaddrinfo(s, NULL, &hints, &res) != 0 || !res)
        return -1;
    char host[1025];   /* NI_MAXHOST */
    int rc = getnameinfo(res->ai_addr, res->ai_addrlen, host, sizeof(host),
                         NULL, 0, NI_NUMERICHOST);
    int fam = res->ai_family;
    freeaddrinfo(res);
    if (rc != 0)
        return -1;
    *canon = xc_strdup(host);
    *family = fam == AF_INET6 ? "ipv6" : "ipv4";
    return 0;
}
