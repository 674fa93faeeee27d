/* The check every migrated file passes before it is written:
 *   1. xl's own parser (libxlutil's xlu_cfg_readdata) reads it, and
 *      xlu_disk_parse reads each of its disk specs;
 *   2. read as xen-xl it gives the domain (libvirt's domain XML, defaults
 *      applied) that the xm source gives, except for the parts the report
 *      lists as changed (masks).
 * This is the one file of migrate that includes <libxlutil.h> (and so
 * <libxl.h>); docs/HACKING.md says why. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxlutil.h>

#include "../common/xalloc.h"
#include "../formats/xl/xl.h"
#include "../formats/xm/xm.h"
#include "../formats/xml/xml.h"
#include "migrate_int.h"
#include "native.h"

void xc_mig_mask(struct xc_mig_masks *m, const char *what)
{
    char *s = xc_strdup(what);
    if (!xc_strset_add(&m->set, s)) {
        free(s);
        return;
    }
    *xc_vec_push(&m->v) = s;
}

void xc_mig_masks_free(struct xc_mig_masks *m)
{
    xc_strset_free(&m->set);
    for (size_t i = 0; i < m->v.n; i++)
        free(m->v.v[i]);
    free(m->v.v);
    memset(m, 0, sizeof(*m));
}

static void first_line(char *s)
{
    char *nl = strchr(s, '\n');
    if (nl)
        *nl = '\0';
}

static int xl_reads(const char *name, const char *xl, size_t len,
                    struct xc_diags *d)
{
    char *msg = NULL;
    size_t msglen = 0;
    FILE *rep = open_memstream(&msg, &msglen);
    if (!rep) {
        xc_error(d, xc_nopos, "migrate-check", "out of memory");
        return -1;
    }
    XLU_Config *cfg = xlu_cfg_init(rep, name);
    int rc = 0;
    if (!cfg) {
        xc_error(d, xc_nopos, "migrate-check", "libxlutil could not start");
        rc = -1;
    } else if (len > (size_t)0x7fffffff ||
               xlu_cfg_readdata(cfg, xl, (int)len) != 0) {
        fflush(rep);
        first_line(msg);
        xc_error(d, xc_nopos, "migrate-check",
                 "xl's parser (libxlutil) cannot read the migrated config: %s", msg);
        rc = -1;
    } else {
        XLU_ConfigList *list = NULL;
        int n = 0;
        if (xlu_cfg_get_list(cfg, "disk", &list, &n, 0) == 0) {
            for (int i = 0; i < n && rc == 0; i++) {
                const char *spec = xlu_cfg_get_listitem(list, i);
                libxl_device_disk disk;
                libxl_device_disk_init(&disk);
                if (!spec || xlu_disk_parse(cfg, 1, &spec, &disk) != 0) {
                    fflush(rep);
                    first_line(msg);
                    xc_error(d, xc_nopos, "migrate-check",
                             "xl cannot read disk[%d] of the migrated config: %s",
                             i, msg && *msg ? msg : "not a string");
                    rc = -1;
                }
                libxl_device_disk_dispose(&disk);
            }
        }
    }
    if (cfg)
        xlu_cfg_destroy(cfg);
    fclose(rep);
    free(msg);
    return rc;
}

/* ---- domain XML comparison ---------------------------------------------- */

/* A unit of domain XML: one line, or a whole <disk>...</disk> named
 * "disk:TARGET". */
struct unit {
    const char *s;
    size_t len;
    char key[128];
    bool whole;        /* what follows cannot change it (streaming) */
};

/* The first pat in [s, end), or NULL. */
static const char *find_before(const char *s, const char *end, const char *pat)
{
    size_t n = strlen(pat);
    while ((size_t)(end - s) >= n) {
        const char *c = memchr(s, pat[0], (size_t)(end - s) - n + 1);
        if (!c)
            return NULL;
        if (memcmp(c, pat, n) == 0)
            return c;
        s = c + 1;
    }
    return NULL;
}

/* The unit at s[at] of the text s[0, len) (NUL-terminated); whole when
 * it ends with a newline and, a disk, has its end tag. */
static size_t next_unit(const char *s, size_t len, size_t at, struct unit *u)
{
    size_t e = at;
    while (e < len && s[e] != '\n')
        e++;
    u->whole = e < len;
    if (e < len)
        e++;
    const char *t = s + at;
    while (t < s + e && *t == ' ')
        t++;
    u->s = s + at;
    u->key[0] = '\0';
    if (*t == '<' && t + 1 < s + e) {
        size_t n = strcspn(t + 1, " />\n");
        if (n >= sizeof(u->key))
            n = sizeof(u->key) - 1;
        memcpy(u->key, t + 1, n);
        u->key[n] = '\0';
    }
    if (strcmp(u->key, "disk") == 0) {
        const char *end = strstr(t, "</disk>");
        u->whole = false;
        if (end) {
            e = (size_t)(end - s) + 7;
            while (e < len && s[e] != '\n')
                e++;
            u->whole = e < len;
            if (e < len)
                e++;
            const char *tg = find_before(t, end, "<target dev='");
            if (tg) {
                tg += 13;
                size_t n = strcspn(tg, "'");
                if (n > sizeof(u->key) - 6)
                    n = sizeof(u->key) - 6;
                memcpy(u->key + 4, ":", 1);
                memcpy(u->key + 5, tg, n);
                u->key[5 + n] = '\0';
            }
        }
    }
    u->len = e - at;
    return e;
}

/* The masks sorted, for a binary search per unit. */
struct mask_index {
    const char **v;
    size_t n;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool masked(const struct mask_index *m, const char *key)
{
    return m->n && bsearch(&key, m->v, m->n, sizeof(*m->v), cmp_str) != NULL;
}

/* The unmasked units of the xm domain's XML, read in order as if they
 * were one text (what the comparison sees), without copying them.  After
 * its last byte the cursor stays at the end of its unit. */
struct cursor {
    const char *s;
    size_t len, next;              /* the text; where the next unit starts */
    const struct mask_index *m;
    const char *u;                 /* the current unit ... */
    size_t ulen, at;               /* ... its length, the position in it */
};

/* Bytes left in the current unit, moving to the next unmasked unit when
 * none are; 0 at the end. */
static size_t cursor_fill(struct cursor *c)
{
    while (c->at == c->ulen && c->next < c->len) {
        struct unit u;
        c->next = next_unit(c->s, c->len, c->next, &u);
        if (!masked(c->m, u.key)) {
            c->u = u.s;
            c->ulen = u.len;
            c->at = 0;
        }
    }
    return c->ulen - c->at;
}

/* The migrated config's domain XML, compared with the xm one's as its
 * writer hands it over: only the unit being cut is held, never the whole
 * second domain. */
struct stream_cmp {
    struct cursor p;
    struct xc_buf pend;      /* handed over, not yet a whole unit */
    bool differs;
    char *q_rest;            /* then: the migrated line from the first
                              * differing byte on (owned) */
};

/* One unmasked unit of the migrated side against the xm side.  The
 * writers put no NUL in XML. */
static void cmp_unit(struct stream_cmp *c, const char *s, size_t len)
{
    size_t off = 0;
    while (off < len) {
        size_t n = cursor_fill(&c->p), i;
        if (!n)
            break;
        if (n > len - off)
            n = len - off;
        const char *x = c->p.u + c->p.at, *y = s + off;
        if (memcmp(x, y, n) == 0)
            i = n;
        else
            for (i = 0; x[i] == y[i]; i++)
                ;
        c->p.at += i;
        off += i;
        if (i < n)
            break;
    }
    if (off == len)
        return;
    c->differs = true;
    size_t r = 0;           /* a unit is whole lines: the line ends in it */
    while (off + r < len && s[off + r] != '\n' && s[off + r])
        r++;
    c->q_rest = xc_strndup(s + off, r);
}

/* Cut the whole units of what was handed over (at the end: all of it). */
static void cmp_units(struct stream_cmp *c, bool final)
{
    const char *s = xc_buf_str(&c->pend);
    size_t len = c->pend.len, at = 0;
    while (at < len && !c->differs) {
        struct unit u;
        size_t e = next_unit(s, len, at, &u);
        if (!final && !u.whole)
            break;
        at = e;
        if (!masked(c->p.m, u.key))
            cmp_unit(c, u.s, u.len);
    }
    if (at && !c->differs) {
        memmove(c->pend.data, c->pend.data + at, len - at);
        c->pend.len = len - at;
        c->pend.data[c->pend.len] = '\0';
    }
}

static void cmp_sink(void *ctx, const char *data, size_t len)
{
    struct stream_cmp *c = ctx;
    if (c->differs)
        return;
    xc_buf_add_len(&c->pend, data, len);
    cmp_units(c, false);
}

/* The line at the cursor, from the cursor on. */
static int line_rest(const struct cursor *c)
{
    size_t n = 0;
    while (c->at + n < c->ulen && c->u[c->at + n] != '\n' && c->u[c->at + n])
        n++;
    return (int)n;
}

static int same_domain(const struct xc_source *xm, const char *xl, size_t len,
                       const struct xc_mig_masks *m,
                       const struct xc_settings *set, struct xc_diags *d)
{
    struct xc_diags scratch = {0};
    struct xc_buf a = {0}, b = {0};
    /* the migrated text as a source, borrowed: it is NUL-terminated */
    struct xc_source xs = {.name = xm->name, .data = (char *)xl, .len = len};
    struct mask_index mi = {NULL, m->v.n};
    struct stream_cmp c = {0};
    int rc = -1;
    if (mi.n) {
        mi.v = xc_calloc(mi.n, sizeof(*mi.v));
        memcpy(mi.v, m->v.v, mi.n * sizeof(*mi.v));
        qsort(mi.v, mi.n, sizeof(*mi.v), cmp_str);
    }
    if (xc_convert_source(&xc_format_xm, &xc_format_xml, XC_ORIGIN_NATIVE,
                          xm, set, &a, &scratch) < 0) {
        xc_error(d, xc_nopos, "migrate-check",
                 "the xm config does not convert to a domain, so the result cannot be checked");
        goto done;
    }
    c.p.s = c.p.u = xc_buf_str(&a);
    c.p.len = a.len;
    c.p.m = &mi;
    xc_buf_set_sink(&b, cmp_sink, &c, XC_BUF_SINK_AT);
    if (xc_convert_source(&xc_format_xl, &xc_format_xml, XC_ORIGIN_NATIVE,
                          &xs, set, &b, &scratch) < 0) {
        xc_error(d, xc_nopos, "migrate-check",
                 "xenconv's xl reader refuses the migrated config");
        goto done;
    }
    cmp_sink(&c, xc_buf_str(&b), b.len);
    if (!c.differs)
        cmp_units(&c, true);
    if (!c.differs && !cursor_fill(&c.p)) {
        rc = 0;
        goto done;
    }
    /* the first differing line of each: back to its start, which is in
     * the same unit (units end with a newline, but the text's last); the
     * bytes before the difference are the same on both sides */
    size_t k = 0;
    while (c.p.at > 0 && c.p.u[c.p.at - 1] != '\n') {
        c.p.at--;
        k++;
    }
    xc_error(d, xc_nopos, "migrate-check",
             "xl would read a different domain: the xm config gives '%.*s', "
             "the migrated one '%.*s%s'", line_rest(&c.p), c.p.u + c.p.at,
             (int)k, c.p.u + c.p.at, c.q_rest ? c.q_rest : "");
done:
    free(mi.v);
    free(c.q_rest);
    xc_buf_free(&c.pend);
    xc_buf_free(&a);
    xc_buf_free(&b);
    xc_diags_free(&scratch);
    return rc;
}

int xc_mig_check(const struct xc_source *xm, const char *xl, size_t xl_len,
                 const struct xc_mig_masks *masks, bool compare_domains,
                 const struct xc_settings *set, struct xc_diags *d)
{
    if (xl_reads(xm->name, xl, xl_len, d) < 0)
        return -1;
    if (!compare_domains)
        return 0;
    return same_domain(xm, xl, xl_len, masks, set, d);
}
