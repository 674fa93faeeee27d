/* xenconv convert: one file, or a batch in one process (README.md). */
#include "convert.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/buf.h"
#include "../common/progress.h"
#include "../common/source.h"
#include "../common/xalloc.h"
#include "../formats/xml/xml.h"
#include "detect.h"
#include "native.h"
#include "report.h"

/* ---- the files a run must not overwrite --------------------------------- */

struct file_id {
    dev_t dev;
    ino_t ino;
    size_t input;            /* index into the inputs */
};

static int id_cmp(const void *a, const void *b)
{
    const struct file_id *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    if (x->ino != y->ino)
        return x->ino < y->ino ? -1 : 1;
    return x->input < y->input ? -1 : x->input > y->input;
}

/* ---- one run ------------------------------------------------------------ */

struct run {
    const struct xc_convert_opts *o;
    const struct xc_settings *set;
    const struct xc_format *from;    /* NULL: detect per file */
    const struct xc_format *to;
    struct file_id *ids;             /* inputs that exist, sorted */
    size_t nids;
    struct xc_report report;
    bool reporting;
    struct xc_progress prog;
    struct xc_diags shown;           /* scratch: what --quiet still prints */
};

/* If path is one of the inputs, its index; else SIZE_MAX. */
static size_t input_at(const struct run *r, const char *path)
{
    struct stat st;
    if (!r->nids || stat(path, &st) < 0)
        return SIZE_MAX;
    struct file_id key = {st.st_dev, st.st_ino, 0};
    size_t lo = 0, hi = r->nids;
    while (lo < hi) {             /* first id >= key */
        size_t mid = lo + (hi - lo) / 2;
        if (id_cmp(&r->ids[mid], &key) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < r->nids && r->ids[lo].dev == st.st_dev && r->ids[lo].ino == st.st_ino)
        return r->ids[lo].input;
    return SIZE_MAX;
}

static void print_diags(struct run *r, const struct xc_diags *d)
{
    if (!d->list.n)
        return;
    xc_progress_clear(&r->prog);
    if (!r->o->quiet) {
        xc_diags_print(d, r->prog.err);
        return;
    }
    r->shown.list.n = 0;       /* borrowed entries: never freed from here */
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].sev != XC_SEV_NOTE)
            *xc_vec_push(&r->shown.list) = d->list.v[i];
    xc_diags_print(&r->shown, r->prog.err);
}

/* Read, detect if asked, convert; the output is streamed, all or nothing
 * (xc_convert_to_output).  0 or -1. */
static int convert_one(struct run *r, const char *input, const char *output,
                       struct xc_diags *d)
{
    struct xc_source src;
    int rc = -1;

    if (xc_source_load(&src, input, d) < 0)
        goto done;
    const struct xc_format *from = r->from;
    if (!from) {
        struct xc_buf why = {0};
        const char *name = xc_detect_format(&src, &why);
        const char *saved = d->file;
        d->file = src.name;
        from = xc_format_find(name);
        if (from)
            xc_note(d, xc_nopos, "detect", "input format guessed as %s (%s)",
                    name, xc_buf_str(&why));
        else
            xc_error(d, xc_nopos, "detect",
                     "input format guessed as %s (%s), which this build "
                     "cannot read; name the format with --from", name,
                     xc_buf_str(&why));
        d->file = saved;
        xc_buf_free(&why);
        if (!from)
            goto done;
    }
    enum xc_origin origin = from == &xc_format_xml ? XC_ORIGIN_XML
                                                   : XC_ORIGIN_NATIVE;
    src.consumable = true;
    rc = xc_convert_to_output(from, r->to, origin, &src, r->set, output, d);
done:
    xc_source_free(&src);
    return rc;
}

/* A file is done: print and report its diagnostics, then drop them. */
static void finish_file(struct run *r, struct xc_diags *d, bool failed)
{
    print_diags(r, d);
    if (r->reporting)
        xc_report_add(&r->report, d);
    xc_diags_clear(d);
    r->prog.done++;
    if (failed)
        r->prog.failed++;
    xc_progress_draw(&r->prog, r->prog.done == r->prog.total);
}

/* Output paths of a batch, and for each the earlier input with the same
 * output (SIZE_MAX: none). */
struct outname {
    char *path;              /* NULL: no base name */
    size_t input;
};

static int outname_cmp(const void *a, const void *b)
{
    const struct outname *x = a, *y = b;
    if (!x->path || !y->path)
        return !x->path - !y->path;
    int c = strcmp(x->path, y->path);
    if (c)
        return c;
    return x->input < y->input ? -1 : x->input > y->input;
}

static void run_batch(struct run *r, const char *const *inputs, size_t n,
                      const char *ext)
{
    struct outname *names = xc_calloc(n ? n : 1, sizeof(*names));
    size_t *first = xc_calloc(n ? n : 1, sizeof(*first));
    for (size_t i = 0; i < n; i++) {
        names[i].path = xc_convert_output_path(r->o->output_dir, inputs[i], ext);
        names[i].input = i;
        first[i] = SIZE_MAX;
    }
    /* sorted by (path, input): an equal path after the first is taken */
    qsort(names, n, sizeof(*names), outname_cmp);
    for (size_t i = 1; i < n; i++)
        if (names[i].path && names[i - 1].path &&
            strcmp(names[i].path, names[i - 1].path) == 0)
            first[names[i].input] = first[names[i - 1].input] != SIZE_MAX
                                        ? first[names[i - 1].input]
                                        : names[i - 1].input;
    /* back to input order: names[i] is input i's */
    for (size_t i = 0; i < n; i++) {
        struct outname t = names[i];
        while (t.input != i) {
            struct outname u = names[t.input];
            names[t.input] = t;
            t = u;
        }
        names[i] = t;
    }

    struct xc_diags d = {0};
    for (size_t i = 0; i < n; i++) {
        const char *out = names[i].path;
        size_t clash = out ? input_at(r, out) : SIZE_MAX;
        int rc = -1;
        d.file = inputs[i];
        if (!out)
            xc_error(&d, xc_nopos, "output",
                     "no file name to derive an output name from");
        else if (first[i] != SIZE_MAX)
            xc_error(&d, xc_nopos, "output",
                     "output '%s' is already the output of '%s'; not converted",
                     out, inputs[first[i]]);
        else if (clash == i)
            xc_error(&d, xc_nopos, "output",
                     "output '%s' is the input file itself; not converted", out);
        else if (clash != SIZE_MAX)
            xc_error(&d, xc_nopos, "output",
                     "output '%s' is the input file '%s'; not converted", out,
                     inputs[clash]);
        else
            rc = convert_one(r, inputs[i], out, &d);
        finish_file(r, &d, rc < 0);
    }
    xc_diags_free(&d);
    for (size_t i = 0; i < n; i++)
        free(names[i].path);
    free(names);
    free(first);
}

static const struct xc_format *usage_format(const char *name, const char *what,
                                            struct xc_diags *d)
{
    const char *canon;
    const struct xc_format *f = xc_convert_format(name, &canon);
    if (f)
        return f;
    if (canon)
        xc_error(d, xc_nopos, "usage",
                 "%s format '%s' is not available in this build yet", what,
                 canon);
    else
        xc_error(d, xc_nopos, "usage", "unknown %s format '%s'", what, name);
    return NULL;
}

enum xc_convert_status xc_convert_run(const struct xc_convert_opts *o,
                                      const char *const *inputs, size_t n,
                                      const struct xc_settings *set, FILE *err)
{
    struct run r;
    struct xc_diags d = {0};
    enum xc_convert_status status = XC_CONVERT_OK;
    const char *to_canon = NULL;

    memset(&r, 0, sizeof(r));
    r.o = o;
    r.set = set;
    r.prog.err = err;
    r.prog.label = "xenconv";
    r.prog.total = n;
    r.prog.on = o->output_dir && o->progress && !o->quiet;
    d.file = "xenconv";
    r.to = usage_format(o->to, "output", &d);
    if (r.to)
        xc_convert_format(o->to, &to_canon);
    if (o->from && strcmp(o->from, "auto") != 0 &&
        !(r.from = usage_format(o->from, "input", &d)))
        status = XC_CONVERT_USAGE;
    if (!r.to)
        status = XC_CONVERT_USAGE;
    if (status == XC_CONVERT_OK && o->output_dir) {
        struct stat st;
        d.file = o->output_dir;
        if (stat(o->output_dir, &st) < 0) {
            xc_error(&d, xc_nopos, "output",
                     "cannot use as output directory: %s", strerror(errno));
            status = XC_CONVERT_FAILED;
        } else if (!S_ISDIR(st.st_mode)) {
            xc_error(&d, xc_nopos, "output", "not a directory");
            status = XC_CONVERT_FAILED;
        }
    }
    if (status == XC_CONVERT_OK && o->report) {
        if (xc_report_open(&r.report, o->report, xc_target_name(r.to), &d) < 0)
            status = XC_CONVERT_FAILED;
        else
            r.reporting = true;
    }
    if (status != XC_CONVERT_OK) {
        xc_diags_print(&d, err);
        xc_diags_free(&d);
        return status;
    }

    /* identities of the inputs, so no output replaces one */
    r.ids = xc_calloc(n ? n : 1, sizeof(*r.ids));
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (strcmp(inputs[i], "-") != 0 && stat(inputs[i], &st) == 0) {
            r.ids[r.nids].dev = st.st_dev;
            r.ids[r.nids].ino = st.st_ino;
            r.ids[r.nids].input = i;
            r.nids++;
        }
    }
    qsort(r.ids, r.nids, sizeof(*r.ids), id_cmp);

    if (o->output_dir) {
        run_batch(&r, inputs, n, xc_convert_extension(to_canon));
    } else {
        /* one input; an output naming the input itself is refused */
        const char *out = o->output && strcmp(o->output, "-") != 0 ? o->output
                                                                    : NULL;
        int rc = -1;
        d.file = inputs[0];
        if (out && input_at(&r, out) != SIZE_MAX)
            xc_error(&d, xc_nopos, "output",
                     "output '%s' is the input file itself; not converted", out);
        else
            rc = convert_one(&r, inputs[0], out, &d);
        finish_file(&r, &d, rc < 0);
    }
    xc_progress_clear(&r.prog);
    if (r.prog.failed)
        status = XC_CONVERT_FAILED;
    if (r.reporting &&
        xc_report_close(&r.report, r.prog.total, r.prog.failed, &d) < 0)
        status = XC_CONVERT_FAILED;
    if (o->output_dir && r.prog.failed) {
        d.file = "xenconv";
        xc_error(&d, xc_nopos, "batch", "%zu of %zu files not converted",
                 r.prog.failed, r.prog.total);
    }
    xc_diags_print(&d, err);
    xc_diags_free(&d);
    free(r.shown.list.v);
    free(r.ids);
    return status;
}
