/* The migrate reports: Markdown (--report) for people, JSON
 * (--report-json) for scripts.  Both are streamed file by file into
 * atomic outputs, so memory does not grow with the fleet, and appear only
 * when the run ends; both end with the run's totals.  Schemas: README.md,
 * "Migrating from xm". */
#include <stdlib.h>
#include <string.h>

#include "../common/atomic_out.h"
#include "../common/json.h"
#include "../common/xalloc.h"
#include "migrate_int.h"
#include "report.h"

struct xc_mig_report {
    struct xc_atomic_file md, json;
    bool has_md, has_json;
    size_t nfiles;
    struct xc_buf b;
};

struct xc_mig_report *xc_mig_report_open(const char *md, const char *json,
                                         struct xc_diags *d)
{
    struct xc_mig_report *r = xc_calloc(1, sizeof(*r));
    if (md) {
        if (xc_atomic_open(&r->md, md, d) < 0)
            goto fail;
        r->has_md = true;
        fputs("# xenconv migrate: xm -> xl\n", r->md.f);
    }
    if (json) {
        if (xc_atomic_open(&r->json, json, d) < 0)
            goto fail;
        r->has_json = true;
        fputs("{\n  \"xenconv_migrate\": 1,\n  \"files\": [", r->json.f);
    }
    return r;
fail:
    if (r->has_md)
        xc_atomic_abort(&r->md);
    free(r);
    return NULL;
}

/* ---- Markdown ------------------------------------------------------------ */

/* Text inside a table cell: no newline, no '|'. */
static void md_cell(struct xc_buf *b, const char *s)
{
    for (; *s; s++) {
        if (*s == '|')
            xc_buf_add(b, "\\|");
        else if (*s == '\n' || *s == '\r')
            xc_buf_add(b, "<br>");
        else
            xc_buf_addc(b, *s);
    }
}

/* Source text as a code span in a cell. */
static void md_code(struct xc_buf *b, const char *s)
{
    bool tick = strchr(s, '`') != NULL;
    xc_buf_add(b, tick ? "`` " : "`");
    for (; *s; s++) {
        if (*s == '|')
            xc_buf_add(b, "\\|");
        else if (*s == '\n')
            xc_buf_add(b, tick ? " `` ⏎ `` " : "` ⏎ `");
        else if (*s != '\r')
            xc_buf_addc(b, *s);
    }
    xc_buf_add(b, tick ? " ``" : "`");
}

static void md_file(struct xc_mig_report *r, const struct xc_mig_file *f)
{
    struct xc_buf *b = &r->b;
    xc_buf_reset(b);
    xc_buf_add(b, "\n## ");
    md_cell(b, f->input);
    if (f->output) {
        xc_buf_add(b, " -> ");
        md_cell(b, f->output);
    }
    xc_buf_addf(b, ": %s\n\n", xc_mig_status_name(f->status));
    if (f->status == XC_MIG_HANDS) {
        xc_buf_addf(b, "Line %u, column %u: ", f->hands_pos.line, f->hands_pos.col);
        md_cell(b, f->hands_why);
        xc_buf_add(b, ".  Migrate this file by hand: xenconv does not "
                      "evaluate Python.  Nothing was written.\n");
        fwrite(b->data, 1, b->len, r->md.f);
        return;
    }
    for (size_t i = 0; i < f->d.list.n; i++) {
        const struct xc_diag *g = &f->d.list.v[i];
        if (g->sev != XC_SEV_ERROR)
            continue;
        if (g->pos.line)
            xc_buf_addf(b, "Line %u, column %u: ", g->pos.line, g->pos.col);
        xc_buf_add(b, "**error**: ");
        md_cell(b, g->msg);
        xc_buf_add(b, "\n\n");
    }
    if (f->status == XC_MIG_FAILED)
        xc_buf_add(b, "Nothing was written.\n\n");
    if (f->recs.n) {
        xc_buf_addf(b, "%zu kept, %zu changed, %zu lost.\n\n"
                       "| line | key | result | detail |\n"
                       "|-----:|-----|--------|--------|\n",
                    f->nkept, f->nchanged, f->nlost);
    }
    for (size_t i = 0; i < f->recs.n; i++) {
        const struct xc_mig_rec *k = &f->recs.v[i];
        if (k->pos.line)
            xc_buf_addf(b, "| %u | ", k->pos.line);
        else
            xc_buf_add(b, "| | ");
        md_cell(b, k->key);
        xc_buf_addf(b, " | %s | ", xc_mig_kind_name(k->kind));
        if (k->old_text) {
            md_code(b, k->old_text);
            if (k->new_text)
                xc_buf_add(b, *k->new_text ? " -> " : " -> (removed)");
            if (k->new_text && *k->new_text)
                md_code(b, k->new_text);
            if (k->why)
                xc_buf_add(b, ": ");
        }
        if (k->why)
            md_cell(b, k->why);
        if (k->todo) {
            xc_buf_add(b, ".  To do: ");
            md_cell(b, k->todo);
        }
        xc_buf_add(b, " |\n");
    }
    fwrite(b->data, 1, b->len, r->md.f);
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_pos(struct xc_buf *b, struct xc_pos p)
{
    if (p.line)
        xc_buf_addf(b, "\"line\": %u, \"column\": %u", p.line, p.col);
    else
        xc_buf_add(b, "\"line\": null, \"column\": null");
}

static void json_field(struct xc_buf *b, const char *name, const char *v)
{
    xc_buf_addf(b, ", \"%s\": ", name);
    xc_json_string(b, v);
}

static void json_file(struct xc_mig_report *r, const struct xc_mig_file *f)
{
    struct xc_buf *b = &r->b;
    xc_buf_reset(b);
    xc_buf_add(b, r->nfiles ? ",\n    {\"file\": " : "\n    {\"file\": ");
    xc_json_string(b, f->input);
    json_field(b, "output", f->output);
    json_field(b, "status", xc_mig_status_name(f->status));
    xc_buf_add(b, ",\n     \"hands\": ");
    if (f->status == XC_MIG_HANDS) {
        xc_buf_add(b, "{");
        json_pos(b, f->hands_pos);
        json_field(b, "reason", f->hands_why);
        xc_buf_add(b, "}");
    } else {
        xc_buf_add(b, "null");
    }
    xc_buf_addf(b, ",\n     \"kept\": %zu, \"changed\": %zu, \"lost\": %zu,\n"
                   "     \"keys\": [", f->nkept, f->nchanged, f->nlost);
    for (size_t i = 0; i < f->recs.n; i++) {
        const struct xc_mig_rec *k = &f->recs.v[i];
        xc_buf_add(b, i ? ",\n       {" : "\n       {");
        json_pos(b, k->pos);
        json_field(b, "key", k->key);
        json_field(b, "result", xc_mig_kind_name(k->kind));
        json_field(b, "old", k->old_text);
        json_field(b, "new", k->new_text);
        json_field(b, "why", k->why);
        json_field(b, "todo", k->todo);
        xc_buf_add(b, "}");
    }
    xc_buf_add(b, f->recs.n ? "\n     ],\n     \"diagnostics\": [" : "],\n     \"diagnostics\": [");
    size_t n = 0;
    for (size_t i = 0; i < f->d.list.n; i++) {
        const struct xc_diag *g = &f->d.list.v[i];
        if (g->check && (strcmp(g->check, "migrate-changed") == 0 ||
                         strcmp(g->check, "migrate-lost") == 0 ||
                         strcmp(g->check, "migrate-note") == 0))
            continue;     /* already in keys */
        xc_buf_add(b, n++ ? ",\n       " : "\n       ");
        xc_report_diag_json(b, g);
    }
    xc_buf_add(b, n ? "\n     ]}" : "]}");
    fwrite(b->data, 1, b->len, r->json.f);
}

void xc_mig_report_file(struct xc_mig_report *r, const struct xc_mig_file *f)
{
    if (!r)
        return;
    if (r->has_md)
        md_file(r, f);
    if (r->has_json)
        json_file(r, f);
    r->nfiles++;
}

int xc_mig_report_close(struct xc_mig_report *r,
                        const struct xc_mig_totals *t, struct xc_diags *d)
{
    int rc = 0;
    if (r->has_md) {
        fprintf(r->md.f,
                "\n## Summary\n\n"
                "| files | migrated | needing hands | failed | keys kept | keys changed | keys lost |\n"
                "|------:|---------:|--------------:|-------:|----------:|-------------:|----------:|\n"
                "| %zu | %zu | %zu | %zu | %zu | %zu | %zu |\n",
                t->files, t->migrated, t->hands, t->failed, t->kept,
                t->changed, t->lost);
        if (xc_atomic_commit(&r->md, d) < 0)
            rc = -1;
    }
    if (r->has_json) {
        fprintf(r->json.f,
                "%s\n  \"summary\": {\"files\": %zu, \"migrated\": %zu, "
                "\"needing_hands\": %zu, \"failed\": %zu, \"kept\": %zu, "
                "\"changed\": %zu, \"lost\": %zu}\n}\n",
                r->nfiles ? "\n  ]," : "],", t->files, t->migrated, t->hands,
                t->failed, t->kept, t->changed, t->lost);
        if (xc_atomic_commit(&r->json, d) < 0)
            rc = -1;
    }
    xc_buf_free(&r->b);
    free(r);
    return rc;
}
