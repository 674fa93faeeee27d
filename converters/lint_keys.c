/* lint: unknown-key and deprecated-key on the entries of an xl or xm
 * config (the cfg grammar's parse, positions of the keys).
 *   xl file: a key of xcl_xl_deprecated          -> deprecated-key
 *            an xm-only key (xcl_xm_only)         -> deprecated-key
 *            any other key not in xcl_xl_keys     -> unknown-key
 *   xm file: a key of xcl_xm_deprecated          -> deprecated-key
 *            any other key not in xcl_xm_keys     -> unknown-key
 * An unknown key close to a known one (edit distance at most 2, and less
 * than a third of its length) gets "did you mean '...'?". */
#include <stdlib.h>
#include <string.h>

#include "lint_int.h"

size_t xcl_edit_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    /* three rows of the optimal string alignment table */
    size_t *row = calloc(3 * (m + 1), sizeof(*row));
    if (!row)
        abort();
    size_t *pp = row, *p = row + m + 1, *c = row + 2 * (m + 1);
    for (size_t j = 0; j <= m; j++)
        p[j] = j;
    for (size_t i = 1; i <= n; i++) {
        c[0] = i;
        for (size_t j = 1; j <= m; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t v = p[j] + 1;
            if (c[j - 1] + 1 < v)
                v = c[j - 1] + 1;
            if (p[j - 1] + cost < v)
                v = p[j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                pp[j - 2] + 1 < v)
                v = pp[j - 2] + 1;
            c[j] = v;
        }
        size_t *t = pp;
        pp = p;
        p = c;
        c = t;
    }
    size_t d = p[m];
    free(row);
    return d;
}

static bool in_table(const char *const *keys, const char *key)
{
    size_t lo = 0, hi = 0;
    while (keys[hi])
        hi++;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(keys[mid], key);
        if (c == 0)
            return true;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return false;
}

static const struct xcl_deprecated *find_dep(const struct xcl_deprecated *t,
                                             const char *key)
{
    for (; t->key; t++)
        if (strcmp(t->key, key) == 0)
            return t;
    return NULL;
}

/* The closest key of keys, if close enough; NULL otherwise. */
static const char *suggest(const char *const *keys, const char *key)
{
    const char *best = NULL;
    size_t bestd = (size_t)-1, len = strlen(key);
    if (len > 64)
        return NULL;         /* keeps the search linear in the file size */
    for (size_t i = 0; keys[i]; i++) {
        size_t kl = strlen(keys[i]);
        if ((kl > len ? kl - len : len - kl) > 2)
            continue;
        size_t d = xcl_edit_distance(key, keys[i]);
        if (d < bestd) {
            bestd = d;
            best = keys[i];
        }
    }
    return bestd <= 2 && bestd * 3 < len ? best : NULL;
}

void xcl_keys(struct xcl_file *c)
{
    bool xl = strcmp(c->from_name, "xen-xl") == 0;
    const char *const *keys = xl ? xcl_xl_keys : xcl_xm_keys;
    const char *fmt = xl ? "xl.cfg(5) of Xen 4.17" : "xm";
    for (size_t i = 0; i < c->cfg->entries.n; i++) {
        const struct xc_cfg_entry *e = &c->cfg->entries.v[i];
        const struct xcl_deprecated *dep =
            find_dep(xl ? xcl_xl_deprecated : xcl_xm_deprecated, e->key);
        if (dep) {
            xcl_add(c, XC_LINT_DEPRECATED_KEY, XC_SEV_WARNING, e->key_pos,
                    "key '%s' is deprecated by %s; use %s", e->key,
                    xl ? "xl.cfg(5)" : "xm", dep->instead);
            continue;
        }
        if (in_table(keys, e->key))
            continue;
        if (xl && (dep = find_dep(xcl_xm_only, e->key)) != NULL) {
            if (dep->instead)
                xcl_add(c, XC_LINT_DEPRECATED_KEY, XC_SEV_WARNING, e->key_pos,
                        "key '%s' is an xm key that xl does not take; use %s",
                        e->key, dep->instead);
            else
                xcl_add(c, XC_LINT_DEPRECATED_KEY, XC_SEV_WARNING, e->key_pos,
                        "key '%s' is an xm key that xl does not take", e->key);
            continue;
        }
        const char *near = suggest(keys, e->key);
        if (near)
            xcl_add(c, XC_LINT_UNKNOWN_KEY, XC_SEV_WARNING, e->key_pos,
                    "key '%s' is not known to %s; did you mean '%s'?", e->key,
                    fmt, near);
        else
            xcl_add(c, XC_LINT_UNKNOWN_KEY, XC_SEV_WARNING, e->key_pos,
                    "key '%s' is not known to %s", e->key, fmt);
    }
}
