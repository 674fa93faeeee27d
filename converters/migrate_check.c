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
    for (size_t i = 0; i < m->v.n; i++)
        if (strcmp(m->v.v[i], what) == 0)
            return;
    *xc_vec_push(&m->v) = xc_strdup(what);
}

void xc_mig_masks_free(struct xc_mig_masks *m)
{
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
};

static size_t next_unit(const char *s, size_t len, size_t at, struct unit *u)
{
    size_t e = at;
    while (e < len && s[e] != '\n')
        e++;
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
        if (end) {
            e = (size_t)(end - s) + 7;
            while (e < len && s[e] != '\n')
                e++;
            if (e < len)
                e++;
            const char *tg = strstr(t, "<target dev='");
            if (tg && tg < end) {
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

static bool masked(const struct xc_mig_masks *m, const char *key)
{
    for (size_t i = 0; i < m->v.n; i++)
        if (strcmp(m->v.v[i], key) == 0)
            return true;
    return false;
}

static void unmasked(const struct xc_buf *x, const struct xc_mig_masks *m,
                     struct xc_buf *out)
{
    struct unit u;
    for (size_t at = 0; at < x->len;) {
        at = next_unit(x->data, x->len, at, &u);
        if (!masked(m, u.key))
            xc_buf_add_len(out, u.s, u.len);
    }
}

static int same_domain(const struct xc_source *xm, const char *xl, size_t len,
                       const struct xc_mig_masks *m,
                       const struct xc_settings *set, struct xc_diags *d)
{
    struct xc_diags scratch = {0};
    struct xc_buf a = {0}, b = {0}, ma = {0}, mb = {0};
    struct xc_source xs;
    int rc = -1;
    xc_source_from_mem(&xs, xm->name, xl, len);
    if (xc_convert_source(&xc_format_xm, &xc_format_xml, XC_ORIGIN_NATIVE,
                          xm, set, &a, &scratch) < 0) {
        xc_error(d, xc_nopos, "migrate-check",
                 "the xm config does not convert to a domain, so the result cannot be checked");
        goto done;
    }
    if (xc_convert_source(&xc_format_xl, &xc_format_xml, XC_ORIGIN_NATIVE,
                          &xs, set, &b, &scratch) < 0) {
        xc_error(d, xc_nopos, "migrate-check",
                 "xenconv's xl reader refuses the migrated config");
        goto done;
    }
    unmasked(&a, m, &ma);
    unmasked(&b, m, &mb);
    if (ma.len == mb.len && memcmp(xc_buf_str(&ma), xc_buf_str(&mb), ma.len) == 0) {
        rc = 0;
        goto done;
    }
    /* the first differing line of each */
    const char *p = xc_buf_str(&ma), *q = xc_buf_str(&mb);
    while (*p && *p == *q) {
        p++;
        q++;
    }
    while (p > xc_buf_str(&ma) && p[-1] != '\n')
        p--, q--;
    int lp = (int)strcspn(p, "\n"), lq = (int)strcspn(q, "\n");
    xc_error(d, xc_nopos, "migrate-check",
             "xl would read a different domain: the xm config gives '%.*s', "
             "the migrated one '%.*s'", lp, p, lq, q);
done:
    xc_buf_free(&a);
    xc_buf_free(&b);
    xc_buf_free(&ma);
    xc_buf_free(&mb);
    xc_source_free(&xs);
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
