#include "source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "xalloc.h"

static void too_large(struct xc_diags *d, FILE *f, int is_stdin,
                      const char *saved)
{
    xc_error(d, xc_nopos, "io", "input larger than %zu MiB: refused",
             XC_SOURCE_MAX >> 20);
    if (!is_stdin)
        fclose(f);
    d->file = saved;
}

int xc_source_load(struct xc_source *src, const char *path, struct xc_diags *d)
{
    int is_stdin = strcmp(path, "-") == 0;
    memset(src, 0, sizeof(*src));
    src->name = xc_strdup(is_stdin ? "<stdin>" : path);

    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    const char *saved = d->file;
    d->file = src->name;
    if (!f) {
        xc_error(d, xc_nopos, "io", "cannot open: %s", strerror(errno));
        d->file = saved;
        return -1;
    }
    struct xc_buf b = {0};
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size > XC_SOURCE_MAX) {
        too_large(d, f, is_stdin, saved);
        return -1;
    }
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
        if (n > XC_SOURCE_MAX - b.len) {
            xc_buf_free(&b);
            too_large(d, f, is_stdin, saved);
            return -1;
        }
        xc_buf_add_len(&b, chunk, n);
    }
    int failed = ferror(f);
    int err = errno;
    if (!is_stdin)
        fclose(f);
    if (failed) {
        xc_error(d, xc_nopos, "io", "cannot read: %s", strerror(err));
        xc_buf_free(&b);
        d->file = saved;
        return -1;
    }
    d->file = saved;
    src->len = b.len;
    src->data = xc_buf_steal(&b);
    return 0;
}

void xc_source_from_mem(struct xc_source *src, const char *name,
                        const char *data, size_t len)
{
    src->name = xc_strdup(name);
    src->data = xc_strndup(data, len);
    src->len = len;
    src->consumable = false;
}

void xc_source_consume(const struct xc_source *src)
{
    if (!src->consumable)
        return;
    struct xc_source *own = (struct xc_source *)src;   /* see source.h */
    free(own->data);
    own->data = NULL;
}

void xc_source_free(struct xc_source *src)
{
    free(src->name);
    free(src->data);
    memset(src, 0, sizeof(*src));
}
