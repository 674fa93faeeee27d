#define _GNU_SOURCE /* O_TMPFILE */
#include "atomic_stream.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "xalloc.h"

static int write_all(int fd, const char *data, size_t len)
{
    while (len) {
        ssize_t n = write(fd, data, len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        data += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Keep the first failure: errno must still be the failed call's. */
static void fail(struct xc_atomic_stream *s, const char *what, bool spool)
{
    if (s->err)
        return;
    s->err = errno ? errno : EIO;
    s->what = what;
    s->spool_failed = spool;
}

static const char *spool_dir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

/* An unnamed file: nothing to clean up, whatever happens to the process. */
static int open_spool(void)
{
    const char *dir = spool_dir();
    int fd = -1;
#ifdef O_TMPFILE
    fd = open(dir, O_TMPFILE | O_RDWR | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0)
        return fd;
#endif
    /* a file system without O_TMPFILE: a named file, unlinked at once */
    struct xc_buf name = {0};
    xc_buf_addf(&name, "%s/xenconv-XXXXXX", dir);
    fd = mkstemp(name.data);
    if (fd >= 0)
        unlink(name.data);
    xc_buf_free(&name);
    return fd;
}

/* The temporary lives beside the target so rename() stays atomic. */
static int open_temp(struct xc_atomic_stream *s)
{
    struct xc_buf tmp = {0};
    xc_buf_addf(&tmp, "%s.XXXXXX", s->path);
    s->fd = mkstemp(tmp.data);
    if (s->fd < 0) {
        fail(s, "cannot create temporary file", false);
        xc_buf_free(&tmp);
        return -1;
    }
    s->tmp = xc_buf_steal(&tmp);
    /* mkstemp makes 0600; use the usual umask-governed mode. */
    mode_t um = umask(0);
    umask(um);
    if (fchmod(s->fd, 0666 & ~um) < 0) {
        fail(s, "cannot write", false);
        return -1;
    }
    return 0;
}

static bool is_dev_null(int fd)
{
    struct stat a, b;
    return fstat(fd, &a) == 0 && S_ISCHR(a.st_mode) &&
           stat("/dev/null", &b) == 0 && a.st_rdev == b.st_rdev;
}

void xc_atomic_stream_init(struct xc_atomic_stream *s, const char *path)
{
    memset(s, 0, sizeof(*s));
    s->fd = -1;
    s->path = path && strcmp(path, "-") != 0 ? path : NULL;
}

void xc_atomic_stream_attach(struct xc_atomic_stream *s, struct xc_buf *b)
{
    xc_buf_set_sink(b, xc_atomic_stream_write, s, XC_BUF_SINK_AT);
}

void xc_atomic_stream_write(void *ctx, const char *data, size_t len)
{
    struct xc_atomic_stream *s = ctx;
    if (s->err)
        return;
    if (s->fd < 0 && !s->direct) {
        if (s->path) {
            if (open_temp(s) < 0)
                return;
        } else if (is_dev_null(STDOUT_FILENO)) {
            s->direct = true;
        } else if ((s->fd = open_spool()) < 0) {
            fail(s, "cannot create", true);
            return;
        } else if (s->fd == STDOUT_FILENO) {
            errno = EBADF;          /* standard output was closed */
            fail(s, "cannot write", false);
            return;
        }
    }
    if (write_all(s->direct ? STDOUT_FILENO : s->fd, data, len) < 0)
        fail(s, "cannot write", !s->path && !s->direct);
}

static void commit_file(struct xc_atomic_stream *s, const char *rest,
                        size_t len)
{
    if (s->fd < 0 && open_temp(s) < 0)
        return;
    if (write_all(s->fd, rest, len) < 0 || fsync(s->fd) < 0) {
        fail(s, "cannot write", false);
        return;
    }
    int fd = s->fd;
    s->fd = -1;
    if (close(fd) < 0) {
        fail(s, "cannot write", false);
        return;
    }
    if (rename(s->tmp, s->path) < 0) {
        fail(s, "cannot rename into place", false);
        return;
    }
    free(s->tmp);
    s->tmp = NULL;
}

static void copy_spool(struct xc_atomic_stream *s)
{
    size_t size = XC_BUF_SINK_AT;
    char *buf = xc_malloc(size);
    if (lseek(s->fd, 0, SEEK_SET) < 0)
        fail(s, "cannot read", true);
    while (!s->err) {
        ssize_t n = read(s->fd, buf, size);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            fail(s, "cannot read", true);
        else if (n == 0)
            break;
        else if (write_all(STDOUT_FILENO, buf, (size_t)n) < 0)
            fail(s, "cannot write", false);
    }
    free(buf);
}

static void commit_stdout(struct xc_atomic_stream *s, const char *rest,
                          size_t len)
{
    if (s->fd >= 0)
        copy_spool(s);
    if (!s->err && write_all(STDOUT_FILENO, rest, len) < 0)
        fail(s, "cannot write", false);
}

int xc_atomic_stream_commit(struct xc_atomic_stream *s, const char *rest,
                            size_t len, struct xc_diags *d)
{
    if (!s->err) {
        if (s->path)
            commit_file(s, rest, len);
        else
            commit_stdout(s, rest, len);
    }
    int rc = 0;
    if (s->err) {
        const char *saved = d->file;
        d->file = s->path ? s->path : "<stdout>";
        if (s->spool_failed)
            xc_error(d, xc_nopos, "io", "%s a temporary file in %s: %s",
                     s->what, spool_dir(), strerror(s->err));
        else
            xc_error(d, xc_nopos, "io", "%s: %s", s->what, strerror(s->err));
        d->file = saved;
        rc = -1;
    }
    xc_atomic_stream_abort(s);
    return rc;
}

void xc_atomic_stream_abort(struct xc_atomic_stream *s)
{
    if (s->fd >= 0)
        close(s->fd);
    if (s->tmp)
        unlink(s->tmp);
    free(s->tmp);
    s->fd = -1;
    s->tmp = NULL;
}
