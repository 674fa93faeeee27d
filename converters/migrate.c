/* xenconv migrate: the run over files and directories (migrate.h). */
#include "migrate.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "../common/atomic_out.h"
#include "../common/progress.h"
#include "../common/source.h"
#include "../common/strset.h"
#include "../common/xalloc.h"
#include "migrate_int.h"

/* ---- inputs --------------------------------------------------------------- */

struct inputs {
    XC_VEC(char *) v;
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool skipped_name(const char *name, const char *backup)
{
    size_t n = strlen(name), bl = backup ? strlen(backup) : 0;
    return name[0] == '.' || name[n - 1] == '~' ||
           (bl && n > bl && strcmp(name + n - bl, backup) == 0);
}

/* A directory's regular files, sorted by name. */
static int add_dir(struct inputs *in, const char *dir, const char *backup,
                   struct xc_diags *d)
{
    DIR *dp = opendir(dir);
    if (!dp) {
        d->file = dir;
        xc_error(d, xc_nopos, "io", "cannot read directory: %s", strerror(errno));
        return -1;
    }
    size_t first = in->v.n;
    struct dirent *de;
    size_t dl = strlen(dir);
    while ((de = readdir(dp)) != NULL) {
        if (skipped_name(de->d_name, backup))
            continue;
        struct xc_buf p = {0};
        xc_buf_add(&p, dir);
        if (dl && dir[dl - 1] != '/')
            xc_buf_addc(&p, '/');
        xc_buf_add(&p, de->d_name);
        struct stat st;
        if (stat(xc_buf_str(&p), &st) == 0 && S_ISREG(st.st_mode))
            *xc_vec_push(&in->v) = xc_buf_steal(&p);
        else
            xc_buf_free(&p);
    }
    closedir(dp);
    qsort(in->v.v + first, in->v.n - first, sizeof(char *), cmp_str);
    return 0;
}

struct fid {
    dev_t dev;
    ino_t ino;
};

static int cmp_fid(const void *a, const void *b)
{
    const struct fid *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* ---- one run -------------------------------------------------------------- */

struct run {
    const struct xc_migrate_opts *o;
    const struct xc_settings *set;
    struct fid *ids;
    size_t nids;
    struct xc_strset outputs;
    bool to_stdout;
    struct xc_progress prog;
    struct xc_diags shown;
};

static bool is_input(const struct run *r, const char *path)
{
    struct stat st;
    if (stat(path, &st) < 0)
        return false;
    struct fid k = {st.st_dev, st.st_ino};
    return bsearch(&k, r->ids, r->nids, sizeof(k), cmp_fid) != NULL;
}

static char *output_path(const char *dir, const char *input)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
        return NULL;
    struct xc_buf b = {0};
    size_t dl = strlen(dir);
    xc_buf_add(&b, dir);
    if (dl && dir[dl - 1] != '/')
        xc_buf_addc(&b, '/');
    xc_buf_add(&b, base);
    return xc_buf_steal(&b);
}

/* Write f's xl where the options say.  *out_name gets what was written
 * (owned).  0, or -1 with an error in f->d. */
static int write_one(struct run *r, struct xc_mig_file *f,
                     const struct xc_source *src, char **out_name)
{
    const struct xc_migrate_opts *o = r->o;
    const char *data = xc_buf_str(&f->xl);
    if (r->to_stdout)
        return xc_write_atomic(NULL, data, f->xl.len, &f->d);
    if (o->in_place) {
        if (o->backup) {
            struct xc_buf bp = {0};
            xc_buf_add(&bp, f->input);
            xc_buf_add(&bp, o->backup);
            struct stat st;
            if (lstat(xc_buf_str(&bp), &st) == 0) {
                xc_error(&f->d, xc_nopos, "output",
                         "backup '%s' exists: not replacing it (nor the input)",
                         xc_buf_str(&bp));
                xc_buf_free(&bp);
                return -1;
            }
            int rc = xc_write_atomic(xc_buf_str(&bp), src->data, src->len, &f->d);
            xc_buf_free(&bp);
            if (rc < 0)
                return -1;
        }
        if (xc_write_atomic(f->input, data, f->xl.len, &f->d) < 0)
            return -1;
        *out_name = xc_strdup(f->input);
        return 0;
    }
    if (!o->output_dir)
        return 0;                       /* dry run */
    char *path = output_path(o->output_dir, f->input);
    if (!path) {
        xc_error(&f->d, xc_nopos, "output", "no file name to write");
        return -1;
    }
    if (is_input(r, path)) {
        xc_error(&f->d, xc_nopos, "output",
                 "output '%s' is an input of this run: not overwritten", path);
        free(path);
        return -1;
    }
    if (!xc_strset_add(&r->outputs, path)) {
        xc_error(&f->d, xc_nopos, "output",
                 "output '%s' was already written by an earlier input", path);
        free(path);
        return -1;
    }
    int rc = xc_write_atomic(path, data, f->xl.len, &f->d);
    if (rc < 0) {
        /* the name stays in the set (it borrows the string): keep it */
        *out_name = path;
        return -1;
    }
    *out_name = path;
    return 0;
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
    r->shown.list.n = 0;
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].sev != XC_SEV_NOTE)
            *xc_vec_push(&r->shown.list) = d->list.v[i];
    xc_diags_print(&r->shown, r->prog.err);
}

int xc_migrate_run(const struct xc_migrate_opts *o, const char *const *inputs,
                   size_t n, const struct xc_settings *set, FILE *err)
{
    struct run r = {0};
    struct inputs in = {0};
    struct xc_diags rd = {0};
    struct xc_mig_totals t = {0};
    XC_VEC(char *) written = {0};
    int status = 0;

    r.o = o;
    r.set = set;
    r.prog.err = err;
    r.prog.label = "xenconv migrate";
    for (size_t i = 0; i < n; i++) {
        struct stat st;
        if (stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode)) {
            if (add_dir(&in, inputs[i], o->in_place ? o->backup : NULL, &rd) < 0)
                status = 1;
        } else {
            *xc_vec_push(&in.v) = xc_strdup(inputs[i]);
        }
    }
    r.to_stdout = !o->output_dir && !o->in_place && n == 1 && in.v.n == 1 &&
                  strcmp(in.v.v[0], inputs[0]) == 0;
    r.ids = xc_calloc(in.v.n + 1, sizeof(*r.ids));
    for (size_t i = 0; i < in.v.n; i++) {
        struct stat st;
        if (stat(in.v.v[i], &st) == 0)
            r.ids[r.nids++] = (struct fid){st.st_dev, st.st_ino};
    }
    qsort(r.ids, r.nids, sizeof(*r.ids), cmp_fid);

    struct xc_mig_report *rep = NULL;
    if (o->report_md || o->report_json) {
        rd.file = "xenconv";
        rep = xc_mig_report_open(o->report_md, o->report_json, &rd);
        if (!rep) {
            xc_diags_print(&rd, err);
            status = 1;
            goto out;
        }
    }
    xc_diags_print(&rd, err);
    xc_diags_clear(&rd);

    r.prog.on = o->progress && !o->quiet && in.v.n > 1;
    r.prog.total = in.v.n;
    for (size_t i = 0; i < in.v.n; i++) {
        struct xc_mig_file f = {0};
        struct xc_source src;
        char *out_name = NULL;
        f.input = in.v.v[i];
        if (xc_source_load(&src, f.input, &f.d) < 0) {
            f.status = XC_MIG_FAILED;
        } else {
            xc_mig_file_run(&f, &src, o->normalize, set);
            if (f.status == XC_MIG_MIGRATED && write_one(&r, &f, &src, &out_name) < 0)
                f.status = XC_MIG_FAILED;
            if (out_name && f.status == XC_MIG_MIGRATED)
                f.output = out_name;
        }
        xc_source_free(&src);
        t.files++;
        t.kept += f.nkept;
        t.changed += f.nchanged;
        t.lost += f.nlost;
        switch (f.status) {
        case XC_MIG_MIGRATED: t.migrated++; break;
        case XC_MIG_HANDS: t.hands++; r.prog.hands++; status = 1; break;
        case XC_MIG_FAILED: t.failed++; r.prog.failed++; status = 1; break;
        }
        print_diags(&r, &f.d);
        xc_mig_report_file(rep, &f);
        if (out_name)
            *xc_vec_push(&written) = out_name;   /* borrowed by r.outputs */
        xc_mig_file_free(&f);
        r.prog.done++;
        xc_progress_draw(&r.prog, r.prog.done == r.prog.total);
    }
    xc_progress_clear(&r.prog);
    if (rep) {
        rd.file = "xenconv";
        if (xc_mig_report_close(rep, &t, &rd) < 0)
            status = 1;
        xc_diags_print(&rd, err);
    }
    if (!o->quiet || status)
        fprintf(err, "xenconv migrate: %zu files: %zu migrated, %zu need hands, "
                     "%zu failed; keys: %zu kept, %zu changed, %zu lost\n",
                t.files, t.migrated, t.hands, t.failed, t.kept, t.changed, t.lost);
out:
    for (size_t i = 0; i < in.v.n; i++)
        free(in.v.v[i]);
    free(in.v.v);
    for (size_t i = 0; i < written.n; i++)
        free(written.v[i]);
    free(written.v);
    xc_strset_free(&r.outputs);
    free(r.ids);
    free(r.shown.list.v);
    xc_diags_free(&rd);
    return status;
}
