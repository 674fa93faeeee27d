#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

const struct xc_pos xc_nopos = {0, 0};

void xc_diag_add(struct xc_diags *d, enum xc_severity sev, struct xc_pos pos,
                 const char *check, const char *fmt, ...)
{
    struct xc_buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    xc_buf_vaddf(&msg, fmt, ap);
    va_end(ap);

    struct xc_diag *g = xc_vec_push(&d->list);
    g->sev = sev;
    g->file = xc_strdup(d->file ? d->file : "<input>");
    g->pos = pos;
    g->msg = xc_buf_steal(&msg);
    g->check = check ? xc_strdup(check) : NULL;
    g->lost = false;
    if (sev == XC_SEV_ERROR)
        d->nerrors++;
    else if (sev == XC_SEV_WARNING)
        d->nwarnings++;
}

void xc_lost(struct xc_diags *d, struct xc_pos pos, const char *check,
             const char *what_fmt, ...)
{
    struct xc_buf what = {0};
    va_list ap;
    va_start(ap, what_fmt);
    xc_buf_vaddf(&what, what_fmt, ap);
    va_end(ap);
    xc_diag_add(d, XC_SEV_WARNING, pos, check, "%s is not carried to %s",
                xc_buf_str(&what), d->target ? d->target : "the output");
    d->list.v[d->list.n - 1].lost = true;
    xc_buf_free(&what);
}

const char *xc_severity_name(enum xc_severity sev)
{
    switch (sev) {
    case XC_SEV_ERROR: return "error";
    case XC_SEV_WARNING: return "warning";
    case XC_SEV_NOTE: return "note";
    }
    return "error";
}

/* Order of two diagnostics of the same file: positionless ones first (they
 * concern the whole file), then by line and column. */
static int pos_cmp(const struct xc_diag *a, const struct xc_diag *b)
{
    if (!a->pos.line != !b->pos.line)
        return a->pos.line ? 1 : -1;
    if (a->pos.line != b->pos.line)
        return a->pos.line < b->pos.line ? -1 : 1;
    if (a->pos.col != b->pos.col)
        return a->pos.col < b->pos.col ? -1 : 1;
    return 0;
}

/* Stable merge sort of idx[lo, hi) by position, using tmp. */
static void sort_run(const struct xc_diag *v, size_t *idx, size_t *tmp,
                     size_t lo, size_t hi)
{
    if (hi - lo < 2)
        return;
    size_t mid = lo + (hi - lo) / 2;
    sort_run(v, idx, tmp, lo, mid);
    sort_run(v, idx, tmp, mid, hi);
    size_t i = lo, j = mid, k = lo;
    while (i < mid && j < hi)
        tmp[k++] = pos_cmp(&v[idx[j]], &v[idx[i]]) < 0 ? idx[j++] : idx[i++];
    while (i < mid)
        tmp[k++] = idx[i++];
    while (j < hi)
        tmp[k++] = idx[j++];
    for (k = lo; k < hi; k++)
        idx[k] = tmp[k];
}

size_t *xc_diags_order(const struct xc_diags *d)
{
    size_t n = d->list.n;
    size_t *idx = xc_calloc(n, sizeof(*idx));
    size_t *tmp = xc_calloc(n, sizeof(*tmp));
    for (size_t i = 0; i < n; i++)
        idx[i] = i;
    /* Each run of diagnostics about one file is put in input order; runs
     * stay in report order (a batch reports file after file). */
    for (size_t lo = 0; lo < n;) {
        size_t hi = lo + 1;
        while (hi < n && strcmp(d->list.v[hi].file, d->list.v[lo].file) == 0)
            hi++;
        sort_run(d->list.v, idx, tmp, lo, hi);
        lo = hi;
    }
    free(tmp);
    return idx;
}

/* Lines are gathered and written in blocks: stderr is unbuffered, and a
 * million warnings written piecewise are four million write calls. */
void xc_diags_print(const struct xc_diags *d, FILE *out)
{
    struct xc_buf b = {0};
    size_t *order = xc_diags_order(d);
    for (size_t i = 0; i < d->list.n; i++) {
        const struct xc_diag *g = &d->list.v[order[i]];
        if (g->pos.line)
            xc_buf_addf(&b, "%s:%u:%u: ", g->file, g->pos.line, g->pos.col);
        else
            xc_buf_addf(&b, "%s: ", g->file);
        xc_buf_add(&b, xc_severity_name(g->sev));
        xc_buf_add(&b, ": ");
        xc_buf_add(&b, g->msg);
        if (g->check) {
            xc_buf_add(&b, " [");
            xc_buf_add(&b, g->check);
            xc_buf_addc(&b, ']');
        }
        xc_buf_addc(&b, '\n');
        if (b.len >= 65536 || i + 1 == d->list.n) {
            fwrite(b.data, 1, b.len, out);
            xc_buf_reset(&b);
        }
    }
    free(order);
    xc_buf_free(&b);
}

void xc_diags_clear(struct xc_diags *d)
{
    for (size_t i = 0; i < d->list.n; i++) {
        free(d->list.v[i].file);
        free(d->list.v[i].msg);
        free(d->list.v[i].check);
    }
    d->list.n = 0;
    d->nerrors = d->nwarnings = 0;
}

void xc_diags_free(struct xc_diags *d)
{
    xc_diags_clear(d);
    free(d->list.v);
    d->list.v = NULL;
    d->list.cap = 0;
}
