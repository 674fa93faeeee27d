#include "report.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "../common/diag_json.h"
#include "../common/json.h"

void xc_report_diag_json(struct xc_buf *b, const struct xc_diag *g)
{
    xc_diag_json_object(b, g);
}

int xc_report_open(struct xc_report *r, const char *path, const char *target,
                   struct xc_diags *d)
{
    memset(r, 0, sizeof(*r));
    if (xc_atomic_open(&r->out, path, d) < 0)
        return -1;
    r->other = tmpfile();
    if (!r->other) {
        const char *saved = d->file;
        d->file = path;
        xc_error(d, xc_nopos, "io", "cannot create a temporary file: %s",
                 strerror(errno));
        d->file = saved;
        xc_atomic_abort(&r->out);
        return -1;
    }
    xc_buf_add(&r->line, "{\n  \"xenconv_report\": 1,\n  \"target\": ");
    xc_json_string(&r->line, target);
    xc_buf_add(&r->line, ",\n  \"losses\": [");
    fwrite(r->line.data, 1, r->line.len, r->out.f);
    xc_buf_reset(&r->line);
    return 0;
}

void xc_report_add(struct xc_report *r, const struct xc_diags *diags)
{
    /* the order stderr shows them in (per file, by position) */
    size_t *order = xc_diags_order(diags);
    for (size_t i = 0; i < diags->list.n; i++) {
        const struct xc_diag *g = &diags->list.v[order[i]];
        size_t *n = g->lost ? &r->nlost : &r->nother;
        xc_buf_reset(&r->line);
        xc_buf_add(&r->line, *n ? ",\n    " : "\n    ");
        xc_report_diag_json(&r->line, g);
        fwrite(r->line.data, 1, r->line.len, g->lost ? r->out.f : r->other);
        ++*n;
    }
    free(order);
}

int xc_report_close(struct xc_report *r, size_t files, size_t failed,
                    struct xc_diags *d)
{
    FILE *f = r->out.f;
    int err = 0;
    fputs(r->nlost ? "\n  ],\n  \"diagnostics\": [" : "],\n  \"diagnostics\": [", f);
    if (fflush(r->other) != 0 || ferror(r->other))
        err = errno ? errno : EIO;
    rewind(r->other);
    char chunk[65536];
    size_t n;
    while (!err && (n = fread(chunk, 1, sizeof(chunk), r->other)) > 0)
        fwrite(chunk, 1, n, f);
    if (!err && ferror(r->other))
        err = errno ? errno : EIO;
    fclose(r->other);
    r->other = NULL;
    fprintf(f, "%s\n  \"files\": %zu,\n  \"failed\": %zu\n}\n",
            r->nother ? "\n  ]," : "],", files, failed);
    xc_buf_free(&r->line);
    if (err) {
        const char *saved = d->file;
        d->file = r->out.path ? r->out.path : "<stdout>";
        xc_error(d, xc_nopos, "io", "cannot write: %s", strerror(err));
        d->file = saved;
        xc_atomic_abort(&r->out);
        return -1;
    }
    return xc_atomic_commit(&r->out, d);
}

void xc_report_abort(struct xc_report *r)
{
    if (r->other)
        fclose(r->other);
    r->other = NULL;
    xc_buf_free(&r->line);
    xc_atomic_abort(&r->out);
}
