/* Migrate one xm config: parse it (or find the Python it holds), apply the
 * rules, build the xl text (edits on the source, or --normalize's xm ->
 * model -> xl), and check the result. */
#include <stdlib.h>
#include <string.h>

#include "../common/xalloc.h"
#include "../formats/xl/xl.h"
#include "../formats/xm/xm.h"
#include "migrate_int.h"
#include "native.h"

struct xc_mig_rec *xc_mig_record(struct xc_mig_file *f, struct xc_pos pos,
                                 const char *key, enum xc_mig_kind kind,
                                 const char *why, const char *todo)
{
    struct xc_mig_rec *r = xc_vec_push(&f->recs);
    r->pos = pos;
    r->key = xc_strdup(key);
    r->kind = kind;
    r->why = why;
    r->todo = todo;
    switch (kind) {
    case XC_MIG_KEPT: f->nkept++; break;
    case XC_MIG_CHANGED: f->nchanged++; break;
    case XC_MIG_LOST: f->nlost++; break;
    case XC_MIG_NOTE: break;
    }
    return r;
}

char *xc_mig_text(const struct xc_source *src, size_t off, size_t end)
{
    if (end > src->len)
        end = src->len;
    if (off > end)
        off = end;
    return xc_strndup(src->data + off, end - off);
}

const char *xc_mig_kind_name(enum xc_mig_kind k)
{
    switch (k) {
    case XC_MIG_KEPT: return "kept";
    case XC_MIG_CHANGED: return "changed";
    case XC_MIG_LOST: return "lost";
    case XC_MIG_NOTE: return "note";
    }
    return "?";
}

const char *xc_mig_status_name(enum xc_mig_status s)
{
    switch (s) {
    case XC_MIG_MIGRATED: return "migrated";
    case XC_MIG_HANDS: return "needs-hands";
    case XC_MIG_FAILED: return "failed";
    }
    return "?";
}

/* ---- embedded Python ---------------------------------------------------- */

static const char *const py_words[] = {
    "import", "from", "if", "elif", "else", "for", "while", "def", "try",
    "except", "with", "print", "return", "global", "assert", "class", NULL
};

/* The parser stopped at pos: say what Python is there. */
static char *python_why(const struct xc_source *src, struct xc_pos *pos,
                        const char *parser_msg)
{
    const char *s = src->data, *end = s + src->len;
    for (unsigned l = 1; l < pos->line && s < end; s++)
        if (*s == '\n')
            l++;
    const char *e = s;
    while (e < end && *e != '\n' && *e != '\r')
        e++;
    const char *w = s;
    while (w < e && (*w == ' ' || *w == '\t'))
        w++;
    size_t wl = 0;
    while (w + wl < e && ((w[wl] >= 'a' && w[wl] <= 'z') || w[wl] == '_'))
        wl++;
    int shown = e - w > 60 ? 60 : (int)(e - w);
    struct xc_buf b = {0};
    for (size_t i = 0; py_words[i]; i++)
        if (strlen(py_words[i]) == wl && strncmp(w, py_words[i], wl) == 0 &&
            (w + wl == e || w[wl] == ' ' || w[wl] == ':' || w[wl] == '(')) {
            xc_buf_addf(&b, "embedded Python: statement '%.*s'", shown, w);
            pos->col = (unsigned)(w - s) + 1;     /* the statement */
            return xc_buf_steal(&b);
        }
    if (pos->col > 1 && memchr(w, '=', (size_t)(e - w)))
        xc_buf_addf(&b, "embedded Python: an expression, not a literal, in '%.*s'",
                    shown, w);
    else
        xc_buf_addf(&b, "not a plain xm config (%s)", parser_msg);
    return xc_buf_steal(&b);
}

/* ---- one file ----------------------------------------------------------- */

static void copy_errors(struct xc_diags *to, const struct xc_diags *from)
{
    for (size_t i = 0; i < from->list.n; i++) {
        const struct xc_diag *g = &from->list.v[i];
        if (g->sev != XC_SEV_ERROR)
            continue;
        const char *saved = to->file;
        to->file = g->file;
        xc_diag_add(to, g->sev, g->pos, g->check, "%s", g->msg);
        to->file = saved;
    }
}

/* The records as diagnostics, ahead of those f->d got since the rules ran
 * (the check's): made after the check, so that its two conversions do
 * not run beside a diagnostic per disk. */
static void record_diags(struct xc_mig_file *f)
{
    struct xc_diags rd = {0};
    rd.file = f->d.file;
    rd.target = f->d.target;
    for (size_t i = 0; i < f->recs.n; i++) {
        const struct xc_mig_rec *r = &f->recs.v[i];
        if (r->kind == XC_MIG_CHANGED)
            xc_note(&rd, r->pos, "migrate-changed", "'%s' changed: %s",
                    r->key, r->why);
        else if (r->kind == XC_MIG_NOTE)
            xc_note(&rd, r->pos, "migrate-note", "%s%s%s", r->why,
                    r->todo ? "; " : "", r->todo ? r->todo : "");
        else if (r->kind == XC_MIG_LOST)
            xc_warn(&rd, r->pos, "migrate-lost", "'%s' lost: %s%s%s",
                    r->key, r->why, r->todo ? "; " : "", r->todo ? r->todo : "");
    }
    for (size_t i = 0; i < f->d.list.n; i++)
        *xc_vec_push(&rd.list) = f->d.list.v[i];
    rd.nerrors += f->d.nerrors;
    rd.nwarnings += f->d.nwarnings;
    free(f->d.list.v);
    f->d = rd;
}

void xc_mig_file_run(struct xc_mig_file *f, const struct xc_source *src,
                     bool normalize, const struct xc_settings *set)
{
    struct xc_diags pd = {0};
    struct xc_cfg cfg;
    struct xc_domain dom;
    struct xc_mig_ctx c = {0};
    bool ruled = false;

    f->d.file = src->name;
    f->status = XC_MIG_FAILED;
    xc_domain_init(&dom);
    if (xc_cfg_parse(src, &cfg, &pd) < 0) {
        const struct xc_diag *g = pd.list.n ? &pd.list.v[0] : NULL;
        f->status = XC_MIG_HANDS;
        f->hands_pos = g ? g->pos : xc_nopos;
        f->hands_why = python_why(src, &f->hands_pos, g ? g->msg : "unreadable");
        xc_error(&f->d, f->hands_pos, "migrate-python",
                 "needs a hand migration: %s; nothing written", f->hands_why);
        xc_diags_free(&pd);
        xc_domain_free(&dom);
        return;
    }
    pd.file = src->name;
    if (xc_format_xm.read(src, set, &dom, &pd) < 0 || pd.nerrors) {
        copy_errors(&f->d, &pd);
        goto done;
    }
    c.src = src;
    c.cfg = &cfg;
    c.dom = &dom;
    c.hvm = dom.os.type == XC_OS_HVM;
    c.f = f;
    xc_mig_apply_rules(&c);
    ruled = true;
    if (normalize) {
        xc_diags_clear(&pd);
        if (xc_convert_source(&xc_format_xm, &xc_format_xl, XC_ORIGIN_NATIVE,
                              src, set, &f->xl, &pd) < 0) {
            copy_errors(&f->d, &pd);
            goto done;
        }
    } else if (xc_mig_apply(&c.edits, src->data, src->len, &f->xl) < 0) {
        xc_error(&f->d, xc_nopos, "migrate-check", "overlapping edits (a bug)");
        goto done;
    }
    /* the check reads the text again: the parse, the model and the edits
     * need not be held through its two conversions */
    xc_mig_edits_free(&c.edits);
    xc_cfg_free(&cfg);
    xc_domain_free(&dom);
    xc_domain_init(&dom);
    free(c.disks_by_pos);
    c.disks_by_pos = NULL;
    if (xc_mig_check(src, xc_buf_str(&f->xl), f->xl.len, &c.masks, !normalize,
                     set, &f->d) < 0)
        goto done;
    f->status = XC_MIG_MIGRATED;
done:
    if (ruled)
        record_diags(f);
    xc_mig_edits_free(&c.edits);
    xc_mig_masks_free(&c.masks);
    free(c.disks_by_pos);
    xc_cfg_free(&cfg);
    xc_domain_free(&dom);
    xc_diags_free(&pd);
}

void xc_mig_file_free(struct xc_mig_file *f)
{
    for (size_t i = 0; i < f->recs.n; i++) {
        free(f->recs.v[i].key);
        free(f->recs.v[i].old_text);
        free(f->recs.v[i].new_text);
    }
    free(f->recs.v);
    free(f->hands_why);
    xc_diags_free(&f->d);
    xc_buf_free(&f->xl);
    memset(f, 0, sizeof(*f));
}
