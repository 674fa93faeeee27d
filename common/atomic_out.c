#define _POSIX_C_SOURCE 200809L
#include "atomic_out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic_stream.h"
#include "buf.h"
#include "xalloc.h"

/* A stream that gets no piece before its commit. */
int xc_write_atomic(const char *path, const char *data, size_t len,
                    struct xc_diags *d)
{
    struct xc_atomic_stream s;
    xc_atomic_stream_init(&s, path);
    return xc_atomic_stream_commit(&s, data, len, d);
}

int xc_atomic_open(struct xc_atomic_file *af, const char *path,
                   struct xc_diags *d)
{
    memset(af, 0, sizeof(*af));
    if (!path || strcmp(path, "-") == 0) {
        af->f = stdout;
        return 0;
    }
    struct xc_buf tmp = {0};
    xc_buf_addf(&tmp, "%s.XXXXXX", path);
    const char *saved = d->file;
    d->file = path;
    int fd = mkstemp(tmp.data);
    if (fd < 0) {
        xc_error(d, xc_nopos, "io", "cannot create temporary file: %s",
                 strerror(errno));
        goto fail;
    }
    mode_t um = umask(0);
    umask(um);
    if (fchmod(fd, 0666 & ~um) < 0 || !(af->f = fdopen(fd, "w"))) {
        xc_error(d, xc_nopos, "io", "cannot write: %s", strerror(errno));
        close(fd);
        unlink(tmp.data);
        goto fail;
    }
    d->file = saved;
    af->path = xc_strdup(path);
    af->tmp = xc_buf_steal(&tmp);
    return 0;
fail:
    d->file = saved;
    xc_buf_free(&tmp);
    af->f = NULL;
    return -1;
}

void xc_atomic_abort(struct xc_atomic_file *af)
{
    if (af->path) {
        if (af->f)
            fclose(af->f);
        unlink(af->tmp);
    }
    free(af->path);
    free(af->tmp);
    memset(af, 0, sizeof(*af));
}

int xc_atomic_commit(struct xc_atomic_file *af, struct xc_diags *d)
{
    const char *saved = d->file;
    int failed;
    if (!af->path) {
        failed = fflush(af->f) != 0 || ferror(af->f);
        if (failed) {
            d->file = "<stdout>";
            xc_error(d, xc_nopos, "io", "cannot write: %s", strerror(errno));
            d->file = saved;
        }
        memset(af, 0, sizeof(*af));
        return failed ? -1 : 0;
    }
    d->file = af->path;
    failed = fflush(af->f) != 0 || ferror(af->f) || fsync(fileno(af->f)) < 0;
    int err = errno;
    if (fclose(af->f) != 0 && !failed) {
        failed = 1;
        err = errno;
    }
    af->f = NULL;
    if (failed)
        xc_error(d, xc_nopos, "io", "cannot write: %s", strerror(err));
    else if (rename(af->tmp, af->path) < 0) {
        xc_error(d, xc_nopos, "io", "cannot rename into place: %s",
                 strerror(errno));
        failed = 1;
    }
    d->file = saved;
    if (failed)
        unlink(af->tmp);
    free(af->path);
    free(af->tmp);
    memset(af, 0, sizeof(*af));
    return failed ? -1 : 0;
}
