/* libxenconv's public interface (include/xenconv.h): a thin layer over
 * the sources, formats, defaults and diagnostics the command uses.  Only
 * the xenconv_* functions are exported from the shared library
 * (libxenconv.map). */
#include "../include/xenconv.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../common/buf.h"
#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"
#include "../common/source.h"
#include "../common/xalloc.h"
#include "../formats/format.h"
#include "../formats/xml/xml.h"
#include "convert.h"
#include "defaults.h"
#include "detect.h"
#include "native.h"

/* A diagnostic as the interface hands it out: stable while the source
 * lives (the list it indexes may move as it grows). */
struct xenconv_diag {
    const struct xenconv_source *src;
    size_t idx;                 /* into src->d.list */
    char *text;                 /* xenconv_diag_text(), made on demand */
};

struct xenconv_source {
    struct xc_source in;
    bool loaded;                /* in holds the bytes (open succeeded) */
    struct xc_settings set;
    struct xc_diags d;
    const struct xc_format *from;   /* set by a successful read */
    struct xc_domain dom;
    bool read_tried;
    /* the interface's view of d.list, in display order */
    struct xenconv_diag **diags;    /* one per entry of d.list, by index */
    size_t ndiags, cap;
    size_t *order;                  /* xc_diags_order(), for norder entries */
    size_t norder;
};

const char *xenconv_version(void)
{
    return XENCONV_VERSION;
}

static struct xenconv_source *source_new(void)
{
    struct xenconv_source *s = xc_calloc(1, sizeof(*s));
    xc_settings_init(&s->set);
    xc_domain_init(&s->dom);
    return s;
}

xenconv_source *xenconv_open_file(const char *path)
{
    if (!path)
        return NULL;
    struct xenconv_source *s = source_new();
    s->loaded = xc_source_load(&s->in, path, &s->d) == 0;
    return s;
}

xenconv_source *xenconv_open_mem(const char *name, const void *data,
                                 size_t len)
{
    if (!data && len)
        return NULL;
    struct xenconv_source *s = source_new();
    s->in.name = xc_strdup(name ? name : "<input>");
    s->in.data = xc_strndup(data ? data : "", len);
    s->in.len = len;
    s->loaded = true;
    return s;
}

enum xenconv_status xenconv_load_settings(xenconv_source *s, const char *path)
{
    if (!s || !path)
        return XENCONV_EUSAGE;
    struct xc_settings set;
    xc_settings_init(&set);
    if (xc_settings_load(&set, path, &s->d) < 0) {
        xc_settings_free(&set);
        return XENCONV_EUSAGE;
    }
    xc_settings_free(&s->set);
    s->set = set;
    return XENCONV_OK;
}

void xenconv_close(xenconv_source *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->ndiags; i++)
        if (s->diags[i]) {
            free(s->diags[i]->text);
            free(s->diags[i]);
        }
    free(s->diags);
    free(s->order);
    xc_domain_free(&s->dom);
    xc_diags_free(&s->d);
    xc_settings_free(&s->set);
    xc_source_free(&s->in);
    free(s);
}

/* ---- converting --------------------------------------------------------- */

/* A format by name or alias; else an error diagnostic worded as convert
 * words it (what: "input" or "output"). */
static const struct xc_format *find_format(struct xenconv_source *s,
                                           const char *name, const char *what)
{
    const char *canon = NULL;
    const struct xc_format *f = xc_convert_format(name, &canon);
    if (!f) {
        const char *saved = s->d.file;
        s->d.file = "xenconv";
        if (canon)
            xc_error(&s->d, xc_nopos, "usage",
                     "%s format '%s' is not available in this build yet",
                     what, canon);
        else
            xc_error(&s->d, xc_nopos, "usage", "unknown %s format '%s'",
                     what, name);
        s->d.file = saved;
    }
    return f;
}

/* --from auto, with the note convert prints. */
static const struct xc_format *detect(struct xenconv_source *s)
{
    struct xc_buf why = {0};
    const char *name = xc_detect_format(&s->in, &why);
    const struct xc_format *f = xc_format_find(name);
    const char *saved = s->d.file;
    s->d.file = s->in.name;
    if (f)
        xc_note(&s->d, xc_nopos, "detect", "input format guessed as %s (%s)",
                name, xc_buf_str(&why));
    else
        xc_error(&s->d, xc_nopos, "detect",
                 "input format guessed as %s (%s), which this library "
                 "cannot read; name the format", name, xc_buf_str(&why));
    s->d.file = saved;
    xc_buf_free(&why);
    return f;
}

/* Reader, then libvirt's post-parse defaults for the input's origin, as
 * xc_convert_source does; target names the output in loss warnings. */
static enum xenconv_status read_as(struct xenconv_source *s,
                                   const char *format, const char *target)
{
    if (!s)
        return XENCONV_EUSAGE;
    if (s->read_tried) {
        const char *saved = s->d.file;
        s->d.file = "xenconv";
        xc_error(&s->d, xc_nopos, "usage", "the source was already read");
        s->d.file = saved;
        return XENCONV_EUSAGE;
    }
    s->read_tried = true;
    if (!s->loaded)
        return XENCONV_EINPUT;
    const struct xc_format *from;
    if (!format || strcmp(format, "auto") == 0) {
        if (!(from = detect(s)))
            return XENCONV_EINPUT;
    } else if (!(from = find_format(s, format, "input"))) {
        return XENCONV_EUSAGE;
    }
    enum xc_origin origin = from == &xc_format_xml ? XC_ORIGIN_XML
                                                   : XC_ORIGIN_NATIVE;
    size_t errors = s->d.nerrors;
    const char *saved = s->d.file, *saved_target = s->d.target;
    s->d.file = s->in.name;
    s->d.target = target;
    int ok = from->read(&s->in, &s->set, &s->dom, &s->d) == 0 &&
             s->d.nerrors == errors &&
             xc_defaults_apply(&s->dom, &s->set, origin, &s->d) == 0 &&
             s->d.nerrors == errors;
    s->d.file = saved;
    s->d.target = saved_target;
    if (!ok)
        return XENCONV_EINPUT;
    s->from = from;
    return XENCONV_OK;
}

enum xenconv_status xenconv_read(xenconv_source *s, const char *format)
{
    return read_as(s, format, NULL);
}

const char *xenconv_format(const xenconv_source *s)
{
    return s && s->from ? s->from->name : NULL;
}

static enum xenconv_status write_with(struct xenconv_source *s,
                                      const struct xc_format *to,
                                      char **out, size_t *len)
{
    struct xc_buf b = {0};
    size_t errors = s->d.nerrors;
    const char *saved = s->d.file, *saved_target = s->d.target;
    s->d.file = s->in.name;
    s->d.target = xc_target_name(to);
    if (to != &xc_format_xml)
        xc_drop_runtime_identity(&s->dom);
    int ok = to->write(&s->dom, &s->set, &b, &s->d) == 0 &&
             s->d.nerrors == errors;
    s->d.file = saved;
    s->d.target = saved_target;
    if (!ok) {
        xc_buf_free(&b);
        return XENCONV_EINPUT;
    }
    if (len)
        *len = b.len;
    *out = xc_buf_steal(&b);
    return XENCONV_OK;
}

enum xenconv_status xenconv_write(xenconv_source *s, const char *format,
                                  char **out, size_t *len)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!s || !format || !out)
        return XENCONV_EUSAGE;
    const struct xc_format *to = find_format(s, format, "output");
    if (!to)
        return XENCONV_EUSAGE;
    if (!s->from) {
        const char *saved = s->d.file;
        s->d.file = "xenconv";
        xc_error(&s->d, xc_nopos, "usage",
                 "the source has not been read successfully");
        s->d.file = saved;
        return XENCONV_EUSAGE;
    }
    return write_with(s, to, out, len);
}

enum xenconv_status xenconv_convert(xenconv_source *s, const char *from,
                                    const char *to, char **out, size_t *len)
{
    if (out)
        *out = NULL;
    if (len)
        *len = 0;
    if (!s || !to || !out)
        return XENCONV_EUSAGE;
    /* both names before reading anything, --to first, as convert does */
    const struct xc_format *f = find_format(s, to, "output");
    bool from_ok = !from || strcmp(from, "auto") == 0 ||
                   find_format(s, from, "input");
    if (!f || !from_ok)
        return XENCONV_EUSAGE;
    enum xenconv_status rc = read_as(s, from, xc_target_name(f));
    if (rc != XENCONV_OK)
        return rc;
    return write_with(s, f, out, len);
}

void xenconv_free(void *p)
{
    free(p);
}

/* ---- diagnostics -------------------------------------------------------- */

/* Bring the interface's view up to date with d.list. */
static void sync_diags(const struct xenconv_source *cs)
{
    struct xenconv_source *s = (struct xenconv_source *)cs;
    size_t n = s->d.list.n;
    if (s->norder == n && s->order)
        return;
    if (n > s->cap) {
        size_t cap = s->cap ? s->cap : 16;
        while (cap < n)
            cap *= 2;
        s->diags = xc_realloc(s->diags, cap * sizeof(*s->diags));
        s->cap = cap;
    }
    for (size_t i = s->ndiags; i < n; i++) {
        s->diags[i] = xc_calloc(1, sizeof(**s->diags));
        s->diags[i]->src = s;
        s->diags[i]->idx = i;
    }
    s->ndiags = n;
    free(s->order);
    s->order = xc_diags_order(&s->d);
    s->norder = n;
}

size_t xenconv_diag_count(const xenconv_source *s)
{
    return s ? s->d.list.n : 0;
}

size_t xenconv_error_count(const xenconv_source *s)
{
    return s ? s->d.nerrors : 0;
}

const xenconv_diag *xenconv_diag_get(const xenconv_source *s, size_t i)
{
    if (!s || i >= s->d.list.n)
        return NULL;
    sync_diags(s);
    return s->diags[s->order[i]];
}

static const struct xc_diag *entry(const xenconv_diag *g)
{
    return &g->src->d.list.v[g->idx];
}

enum xenconv_severity xenconv_diag_severity(const xenconv_diag *g)
{
    switch (entry(g)->sev) {
    case XC_SEV_ERROR: return XENCONV_ERROR;
    case XC_SEV_WARNING: return XENCONV_WARNING;
    case XC_SEV_NOTE: return XENCONV_NOTE;
    }
    return XENCONV_ERROR;
}

const char *xenconv_severity_name(enum xenconv_severity sev)
{
    switch (sev) {
    case XENCONV_ERROR: return "error";
    case XENCONV_WARNING: return "warning";
    case XENCONV_NOTE: return "note";
    }
    return "error";
}

const char *xenconv_diag_file(const xenconv_diag *g)
{
    return entry(g)->file;
}

unsigned xenconv_diag_line(const xenconv_diag *g)
{
    return entry(g)->pos.line;
}

unsigned xenconv_diag_column(const xenconv_diag *g)
{
    return entry(g)->pos.line ? entry(g)->pos.col : 0;
}

const char *xenconv_diag_message(const xenconv_diag *g)
{
    return entry(g)->msg;
}

const char *xenconv_diag_check(const xenconv_diag *g)
{
    return entry(g)->check;
}

int xenconv_diag_lost(const xenconv_diag *g)
{
    return entry(g)->lost ? 1 : 0;
}

const char *xenconv_diag_text(const xenconv_diag *cg)
{
    struct xenconv_diag *g = (struct xenconv_diag *)cg;
    if (g->text)
        return g->text;
    const struct xc_diag *e = entry(g);
    struct xc_buf b = {0};
    if (e->pos.line)
        xc_buf_addf(&b, "%s:%u:%u: ", e->file, e->pos.line, e->pos.col);
    else
        xc_buf_addf(&b, "%s: ", e->file);
    xc_buf_addf(&b, "%s: %s", xc_severity_name(e->sev), e->msg);
    if (e->check)
        xc_buf_addf(&b, " [%s]", e->check);
    g->text = xc_buf_steal(&b);
    return g->text;
}
