#define _POSIX_C_SOURCE 200809L
#include "atomic_out.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"

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

int xc_write_atomic(const char *path, const char *data, size_t len,
                    struct xc_diags *d)
{
    const char *saved = d->file;
    if (!path || strcmp(path, "-") == 0) {
        if (write_all(STDOUT_FILENO, data, len) < 0) {
            d->file = "<stdout>";
            xc_error(d, xc_nopos, "io", "cannot write: %s", strerror(errno));
            d->file = saved;
            return -1;
        }
        return 0;
    }

    /* The temporary lives beside the target so rename() stays atomic. */
    struct xc_buf tmp = {0};
    xc_buf_addf(&tmp, "%s.XXXXXX", path);
    int fd = mkstemp(tmp.data);
    d->file = path;
    if (fd < 0) {
        xc_error(d, xc_nopos, "io", "cannot create temporary file: %s",
                 strerror(errno));
        goto fail;
    }
    /* mkstemp makes 0600; use the usual umask-governed mode. */
    mode_t um = umask(0);
    umask(um);
    if (fchmod(fd, 0666 & ~um) < 0 || write_all(fd, data, len) < 0 ||
        fsync(fd) < 0) {
        xc_error(d, xc_nopos, "io", "cannot write: %s", strerror(errno));
        close(fd);
        unlink(tmp.data);
        goto fail;
    }
    if (close(fd) < 0) {
        xc_error(d, xc_nopos, "io", "cannot write: %s", strerror(errno));
        unlink(tmp.data);
        goto fail;
    }
    if (rename(tmp.data, path) < 0) {
        xc_error(d, xc_nopos, "io", "cannot rename into place: %s",
                 strerror(errno));
        unlink(tmp.data);
        goto fail;
    }
    xc_buf_free(&tmp);
    d->file = saved;
    return 0;
fail:
    xc_buf_free(&tmp);
    d->file = saved;
    return -1;
}
