/* xenconv lint: the run (paths, directories, per-file checks, filtering,
 * ordering and rendering of findings).  The checks are in lint_*.c. */
#include "lint.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/buf.h"
#include "../common/diag_json.h"
#include "../common/source.h"
#include "../common/xalloc.h"
#include "../formats/xml/xml.h"
#include "convert.h"
#include "detect.h"
#include "lint_int.h"
#include "native.h"

#ifndef XENCONV_VERSION
#define XENCONV_VERSION "0.1.0"
#endif

const struct xc_sarif_rule xc_lint_checks[XC_LINT_NCHECKS] = {
    {"syntax", "The file does not parse: a reader's syntax error, at its "
               "exact position"},
    {"unknown-key", "A key that xl.cfg(5) of Xen 4.17 does not document (xl "
                    "files), or that xm does not know (xm files)"},
    {"deprecated-key", "A key that xl or xm documents as deprecated or "
                       "replaced, or an xm-only key in an xl file"},
    {"bad-value", "A value that does not parse or that the reader refuses "
                  "(numbers, MAC, UUID, CPU list, disk spec, PCI address, "
                  "lifecycle action, XML units)"},
    {"conflict", "Settings that contradict each other"},
    {"not-carried", "Input that converting to the other side would drop (the "
                    "loss report of convert)"},
    {"schema", "Domain XML that libvirt's RelaxNG schema (domain.rng) "
               "rejects"},
};

int xc_lint_check_find(const char *name)
{
    for (int i = 0; i < XC_LINT_NCHECKS; i++)
        if (strcmp(xc_lint_checks[i].id, name) == 0)
            return i;
    return -1;
}

void xcl_add(struct xcl_file *c, enum xc_lint_check check,
             enum xc_severity sev, struct xc_pos pos, const char *fmt, ...)
{
    struct xc_buf msg = {0};
    va_list ap;
    va_start(ap, fmt);
    xc_buf_vaddf(&msg, fmt, ap);
    va_end(ap);
    xc_diag_add(c->findings, sev, pos, xc_lint_checks[check].id, "%s",
                xc_buf_str(&msg));
    xc_buf_free(&msg);
}

/* ---- the run --------------------------------------------------------- */

struct lint_run {
    const struct xc_lint_opts *o;
    const struct xc_settings *set;
    const struct xc_format *format;  /* --format, or NULL: detect */
    FILE *out, *err;
    struct xc_diag_json json;
    struct xc_diag_sarif sarif;
    size_t files, errors, warnings;
    bool ioerr;
    struct xc_diags findings;
};

static void emit(struct lint_run *r, const struct xc_diag *g)
{
    switch (r->o->output) {
    case XC_LINT_OUT_JSON: xc_diag_json_add(&r->json, g); break;
    case XC_LINT_OUT_SARIF: xc_diag_sarif_add(&r->sarif, g); break;
    case XC_LINT_OUT_TEXT: {
        struct xc_diags one = {0};
        *xc_vec_push(&one.list) = *g;
        xc_diags_print(&one, r->out);
        free(one.list.v);
        break;
    }
    }
    if (g->sev == XC_SEV_ERROR)
        r->errors++;
    else if (g->sev == XC_SEV_WARNING)
        r->warnings++;
}

/* SARIF counts columns in Unicode code points (our "columnKind"); every
 * reader counts bytes.  Findings come in position order, so one cursor
 * walking forward through the source converts them all in linear time. */
struct cp_cursor {
    const struct xc_source *src;
    size_t line_off;         /* offset of line `line`'s first byte */
    unsigned line, col, cp;  /* byte column col is code point column cp */
};

static unsigned cp_column(struct cp_cursor *k, struct xc_pos pos)
{
    const char *s = k->src->data;
    size_t len = k->src->len;
    if (pos.line < k->line || (pos.line == k->line && pos.col < k->col)) {
        k->line = 1, k->line_off = 0, k->col = k->cp = 1;   /* not expected */
    }
    while (k->line < pos.line) {
        const char *nl = memchr(s + k->line_off, '\n', len - k->line_off);
        if (!nl)
            return pos.col;  /* past the end: nothing to convert */
        k->line_off = (size_t)(nl - s) + 1;
        k->line++;
        k->col = k->cp = 1;
    }
    while (k->col < pos.col) {
        size_t at = k->line_off + k->col - 1;
        if (at >= len)
            return k->cp + (pos.col - k->col);
        if (((unsigned char)s[at] & 0xC0) != 0x80)
            k->cp++;
        k->col++;
    }
    /* a column inside a multi-byte character names that character */
    return k->cp;
}

/* Findings of one file: enabled checks only, positioned (a finding about
 * the whole file is at 1:1), in position order, one per (position,
 * check), and no bad-value where a conflict is reported. */
static void flush_file(struct lint_run *r, const struct xc_source *src)
{
    struct cp_cursor cur = {src, 0, 1, 1, 1};
    struct xc_diags *d = &r->findings;
    for (size_t i = 0; i < d->list.n; i++)
        if (!d->list.v[i].pos.line)
            d->list.v[i].pos = (struct xc_pos){1, 1};
    size_t *order = xc_diags_order(d);
    size_t first_here = 0;       /* index into order of the current position */
    for (size_t k = 0; k < d->list.n; k++) {
        const struct xc_diag *g = &d->list.v[order[k]];
        int check = g->check ? xc_lint_check_find(g->check) : -1;
        if (check < 0 || !r->o->enabled[check])
            continue;
        const struct xc_diag *f = &d->list.v[order[first_here]];
        if (f->pos.line != g->pos.line || f->pos.col != g->pos.col)
            first_here = k;
        bool dup = false;
        for (size_t j = first_here; j < k && !dup; j++) {
            const struct xc_diag *h = &d->list.v[order[j]];
            int hc = h->check ? xc_lint_check_find(h->check) : -1;
            /* one finding per check; a conflict explains the refusal the
             * reader or libvirt's validation reports at the same place */
            dup = h->pos.line == g->pos.line && h->pos.col == g->pos.col &&
                  hc >= 0 && r->o->enabled[hc] &&
                  (hc == check || (hc == XC_LINT_CONFLICT &&
                                   check == XC_LINT_BAD_VALUE));
        }
        if (dup)
            continue;
        if (r->o->output == XC_LINT_OUT_SARIF && g->pos.col > 1 && src->data) {
            struct xc_diag copy = *g;
            copy.pos.col = cp_column(&cur, g->pos);
            emit(r, &copy);
        } else {
            emit(r, g);
        }
    }
    free(order);
    xc_diags_clear(d);
}

static const struct xc_format *other_side(const struct lint_run *r,
                                          const struct xc_format *from)
{
    if (r->o->to)
        return xc_convert_format(r->o->to, NULL);
    if (from == &xc_format_xml)
        return xc_format_find("xen-xl");
    return &xc_format_xml;
}

static void lint_file(struct lint_run *r, const char *path)
{
    struct xc_source src;
    struct xc_diags io = {0};
    r->files++;
    if (xc_source_load(&src, path, &io) < 0) {
        xc_diags_print(&io, r->err);
        xc_diags_free(&io);
        xc_source_free(&src);
        r->ioerr = true;
        return;
    }
    xc_diags_free(&io);

    const struct xc_format *from = r->format;
    if (!from) {
        struct xc_buf why = {0};
        from = xc_format_find(xc_detect_format(&src, &why));
        xc_buf_free(&why);
    }
    struct xc_cfg cfg = {0};
    bool cfg_ok = false;
    struct xcl_file c = {
        .o = r->o, .set = r->set, .src = &src, .from = from,
        .to = other_side(r, from), .findings = &r->findings,
    };
    r->findings.file = src.name;
    if (!from) {
        xcl_add(&c, XC_LINT_SYNTAX, XC_SEV_ERROR, xc_nopos,
                "the format of this file is not one this build reads; name "
                "it with --format");
        goto done;
    }
    c.from_name = from->name;
    if (strcmp(from->name, "xen-xl") == 0 || strcmp(from->name, "xen-xm") == 0) {
        struct xc_diags scratch = {0};
        scratch.file = src.name;
        cfg_ok = xc_cfg_parse(&src, &cfg, &scratch) == 0;
        xc_diags_free(&scratch);   /* the reader reports the same errors */
        if (cfg_ok)
            c.cfg = &cfg;
    }
    xcl_reader(&c);
    if (c.cfg) {
        xcl_keys(&c);
        xcl_values(&c);
        xcl_conflict_cfg(&c);
    }
    if (from == &xc_format_xml)
        xcl_schema(&c);
done:
    flush_file(r, &src);
    xc_cfg_free(&cfg);
    xc_source_free(&src);
}

static bool config_looking(const char *name)
{
    static const char *const exts[] = {".cfg", ".xl", ".xm", ".xml", ".sxpr", NULL};
    size_t n = strlen(name);
    if (name[0] == '.')
        return false;
    for (size_t i = 0; exts[i]; i++) {
        size_t e = strlen(exts[i]);
        if (n > e && strcmp(name + n - e, exts[i]) == 0)
            return true;
    }
    return false;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void lint_path(struct lint_run *r, const char *path, bool named);

/* The entries of dir in byte order: config-looking files and
 * subdirectories (hidden ones skipped, symbolic links to directories not
 * followed). */
static void lint_dir(struct lint_run *r, const char *dir)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        fprintf(r->err, "%s: error: cannot read directory: %s [io]\n", dir,
                strerror(errno));
        r->ioerr = true;
        return;
    }
    XC_VEC(char *) names = {0};
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        if (e->d_name[0] != '.')
            *xc_vec_push(&names) = xc_strdup(e->d_name);
    closedir(dp);
    if (names.n)
        qsort(names.v, names.n, sizeof(*names.v), name_cmp);
    size_t dl = strlen(dir);
    bool slash = dl && dir[dl - 1] == '/';
    for (size_t i = 0; i < names.n; i++) {
        struct xc_buf p = {0};
        xc_buf_add(&p, dir);
        if (!slash)
            xc_buf_addc(&p, '/');
        xc_buf_add(&p, names.v[i]);
        struct stat st;
        if (lstat(xc_buf_str(&p), &st) == 0 && S_ISDIR(st.st_mode))
            lint_dir(r, xc_buf_str(&p));
        else if (config_looking(names.v[i]))
            lint_path(r, xc_buf_str(&p), false);
        xc_buf_free(&p);
        free(names.v[i]);
    }
    free(names.v);
}

static void lint_path(struct lint_run *r, const char *path, bool named)
{
    struct stat st;
    if (named && strcmp(path, "-") != 0 && stat(path, &st) == 0 &&
        S_ISDIR(st.st_mode)) {
        lint_dir(r, path);
        return;
    }
    if (!named && (stat(path, &st) < 0 || !S_ISREG(st.st_mode)))
        return;              /* a dangling link or a device in a directory */
    lint_file(r, path);
}

enum xc_lint_status xc_lint_run(const struct xc_lint_opts *o,
                                const char *const *paths, size_t n,
                                const struct xc_settings *set, FILE *out,
                                FILE *err)
{
    struct lint_run r = {.o = o, .set = set, .out = out, .err = err};
    const char *canon = NULL;
    if (o->format && strcmp(o->format, "auto") != 0 &&
        !(r.format = xc_convert_format(o->format, &canon))) {
        fprintf(err, "xenconv: error: %s format '%s'%s [usage]\n",
                canon ? "input" : "unknown input", o->format,
                canon ? " is not available in this build" : "");
        return XC_LINT_IOERR;
    }
    if (o->to && !xc_convert_format(o->to, &canon)) {
        fprintf(err, "xenconv: error: unknown format '%s' for --to [usage]\n",
                o->to);
        return XC_LINT_IOERR;
    }
    if (o->output == XC_LINT_OUT_JSON)
        xc_diag_json_begin(&r.json, out, "xenconv_lint");
    else if (o->output == XC_LINT_OUT_SARIF)
        xc_diag_sarif_begin(&r.sarif, out, "xenconv", XENCONV_VERSION,
                            xc_lint_checks, XC_LINT_NCHECKS);
    for (size_t i = 0; i < n; i++)
        lint_path(&r, paths[i], true);
    if (o->output == XC_LINT_OUT_JSON)
        xc_diag_json_end(&r.json, r.files);
    else if (o->output == XC_LINT_OUT_SARIF)
        xc_diag_sarif_end(&r.sarif, !r.ioerr);
    xc_diags_free(&r.findings);
    xcl_schema_done();
    fflush(out);
    if (r.ioerr)
        return XC_LINT_IOERR;
    if (r.errors || (o->werror && r.warnings))
        return XC_LINT_FAILED;
    return XC_LINT_CLEAN;
}
