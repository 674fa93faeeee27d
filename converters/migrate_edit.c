/* Byte-range edits on a config's source text (migrate_edit.h). */
#include "migrate_edit.h"

#include <stdlib.h>
#include <string.h>

#include "../common/xalloc.h"

void xc_mig_replace(struct xc_mig_edits *e, size_t off, size_t end,
                    const char *text)
{
    struct xc_mig_edit *ed = xc_vec_push(&e->list);
    ed->off = off;
    ed->end = end < off ? off : end;
    ed->text = xc_strdup(text);
    ed->seq = e->list.n - 1;
}

static bool blank(char c)
{
    return c == ' ' || c == '\t';
}

void xc_mig_delete_statement(struct xc_mig_edits *e, const char *src,
                             size_t len, size_t off, size_t end)
{
    size_t a = off, b = end;
    while (a > 0 && blank(src[a - 1]))
        a--;
    bool line_start = a == 0 || src[a - 1] == '\n';
    while (b < len && blank(src[b]))
        b++;
    if (b < len && src[b] == ';') {
        b++;
        while (b < len && blank(src[b]))
            b++;
    }
    if (b < len && src[b] == '#')
        while (b < len && src[b] != '\n')
            b++;
    if (b < len && src[b] == '\r')
        b++;
    bool line_end = b >= len || src[b] == '\n';
    if (line_start && line_end) {
        if (b < len)
            b++;                 /* the newline */
        xc_mig_replace(e, a, b, "");
        return;
    }
    /* shares its line: drop the statement, a ';' after it and the blanks
     * up to the next statement; keep a trailing comment */
    b = end;
    while (b < len && blank(src[b]))
        b++;
    if (b < len && src[b] == ';') {
        b++;
        while (b < len && blank(src[b]))
            b++;
    }
    if (line_start || (b < len && src[b] != '\n' && src[b] != '#'))
        a = off;                 /* keep indentation before, text after */
    else
        b = end;                 /* last on its line: keep " # comment" */
    xc_mig_replace(e, a, b, "");
}

void xc_mig_insert_line_after(struct xc_mig_edits *e, const char *src,
                              size_t len, size_t at, const char *line)
{
    size_t p = at;
    while (p < len && src[p] != '\n')
        p++;
    struct xc_buf b = {0};
    bool last = p >= len;        /* the file's last line has no newline */
    if (last)
        xc_buf_addc(&b, '\n');
    else
        p++;
    xc_buf_add(&b, line);
    if (!last)
        xc_buf_addc(&b, '\n');
    xc_mig_replace(e, p, p, xc_buf_str(&b));
    xc_buf_free(&b);
}

static int cmp_edit(const void *x, const void *y)
{
    const struct xc_mig_edit *a = x, *b = y;
    if (a->off != b->off)
        return a->off < b->off ? -1 : 1;
    /* at one offset: insertions first (in order), then the replacement */
    bool ia = a->end == a->off, ib = b->end == b->off;
    if (ia != ib)
        return ia ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

int xc_mig_apply(const struct xc_mig_edits *e, const char *src, size_t len,
                 struct xc_buf *out)
{
    size_t n = e->list.n;
    struct xc_mig_edit *v = NULL;
    if (n) {
        v = xc_malloc(n * sizeof(*v));
        memcpy(v, e->list.v, n * sizeof(*v));
        qsort(v, n, sizeof(*v), cmp_edit);
    }
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        if (v[i].off < pos || v[i].end > len) {
            free(v);
            return -1;
        }
        pos = v[i].end;
    }
    pos = 0;
    for (size_t i = 0; i < n; i++) {
        xc_buf_add_len(out, src + pos, v[i].off - pos);
        xc_buf_add(out, v[i].text);
        pos = v[i].end;
    }
    xc_buf_add_len(out, src + pos, len - pos);
    free(v);
    return 0;
}

void xc_mig_edits_free(struct xc_mig_edits *e)
{
    for (size_t i = 0; i < e->list.n; i++)
        free(e->list.v[i].text);
    free(e->list.v);
    memset(e, 0, sizeof(*e));
}
