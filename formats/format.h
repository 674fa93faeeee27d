/* The format module contract: one reader and one writer per format,
 * registered in formats/registry.c.  A new format is a folder plus one
 * registry line.
 *
 * read:  parse in->data into a zeroed *out, literally (no defaults).
 *        0 on success; -1 after at least one error diagnostic.
 *        Keys/elements it does not map become dom->leftovers and a warning.
 * write: append the text of *dom to *out.  0 on success; -1 after an
 *        error diagnostic (e.g. a value the format cannot hold safely).
 *        Every part of the model the format cannot express is a warning. */
#ifndef XC_FORMAT_H
#define XC_FORMAT_H

#include "../common/buf.h"
#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"
#include "../common/source.h"

struct xc_format {
    const char *name;         /* "xen-xl", "xml", ... */
    const char *description;
    int (*read)(const struct xc_source *in, const struct xc_settings *set,
                struct xc_domain *out, struct xc_diags *d);
    int (*write)(const struct xc_domain *dom, const struct xc_settings *set,
                 struct xc_buf *out, struct xc_diags *d);
};

/* NULL-terminated list of every registered format. */
extern const struct xc_format *const xc_formats[];
/* Look a format up by name; NULL if unknown. */
const struct xc_format *xc_format_find(const char *name);

#endif
