/* The edit engine of `xenconv migrate`: byte-range replacements on the
 * source text of a config, so that everything not edited (comments, blank
 * lines, key order, quoting) is kept byte for byte and the diff between
 * the xm file and the xl file shows only what had to change.  Offsets come
 * from formats/cfg (xc_cfg_entry.key_off, xc_cfg_value.off/end). */
#ifndef XC_MIGRATE_EDIT_H
#define XC_MIGRATE_EDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/buf.h"
#include "../common/vec.h"

struct xc_mig_edit {
    size_t off, end;     /* replace source bytes [off, end) ... */
    char *text;          /* ... with this (owned) */
    size_t seq;          /* order of insertion, for equal offsets */
};

struct xc_mig_edits {
    XC_VEC(struct xc_mig_edit) list;
};

/* Replace [off, end) by text (off == end: insert). */
void xc_mig_replace(struct xc_mig_edits *e, size_t off, size_t end,
                    const char *text);
/* Remove the statement [off, end) of src: the whole line (with its
 * trailing comment and newline) when nothing else is on it, else just the
 * statement and a ';' that ends it. */
void xc_mig_delete_statement(struct xc_mig_edits *e, const char *src,
                             size_t len, size_t off, size_t end);
/* Insert line (without its newline) as a new line after the line that
 * holds byte at. */
void xc_mig_insert_line_after(struct xc_mig_edits *e, const char *src,
                              size_t len, size_t at, const char *line);
/* The edited text appended to out.  -1 (out untouched) if two edits
 * overlap: a bug in the caller, never silently resolved. */
int xc_mig_apply(const struct xc_mig_edits *e, const char *src, size_t len,
                 struct xc_buf *out);
void xc_mig_edits_free(struct xc_mig_edits *e);

#endif
