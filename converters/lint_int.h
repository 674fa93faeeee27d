/* Internal to the lint command (converters/lint*.c): one file's context
 * and the checks that run on it.  Each check appends findings to
 * c->findings with its own check name; lint.c filters, orders and renders
 * them. */
#ifndef XC_LINT_INT_H
#define XC_LINT_INT_H

#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"
#include "../common/source.h"
#include "../formats/cfg/cfg.h"
#include "../formats/format.h"
#include "lint.h"

struct xcl_file {
    const struct xc_lint_opts *o;
    const struct xc_settings *set;
    const struct xc_source *src;
    const struct xc_format *from, *to;
    const char *from_name;       /* canonical name of from */
    struct xc_cfg *cfg;          /* xl/xm: the parsed entries, else NULL */
    struct xc_diags *findings;   /* file = src->name */
};

/* A finding of check at pos. */
void xcl_add(struct xcl_file *c, enum xc_lint_check check,
             enum xc_severity sev, struct xc_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 5, 6)));

/* lint_reader.c: read (syntax, bad-value), the model checks of
 * lint_conflict.c, then defaults and the writer of the other side
 * (not-carried, bad-value). */
void xcl_reader(struct xcl_file *c);

/* lint_keys.c: unknown-key and deprecated-key on c->cfg. */
void xcl_keys(struct xcl_file *c);
/* The key tables (lint_keys_xl.c, lint_keys_xm.c): sorted, NULL-ended. */
extern const char *const xcl_xl_keys[];
extern const char *const xcl_xm_keys[];
/* A key xl or xm documents as deprecated, and what replaces it. */
struct xcl_deprecated {
    const char *key, *instead;
};
extern const struct xcl_deprecated xcl_xl_deprecated[];
extern const struct xcl_deprecated xcl_xm_deprecated[];
/* xm keys that xl does not take, and the xl key to use (NULL: none). */
extern const struct xcl_deprecated xcl_xm_only[];
/* Optimal string alignment distance of a and b (exposed for tests). */
size_t xcl_edit_distance(const char *a, const char *b);

/* lint_values.c: bad-value checks the readers do not make. */
void xcl_values(struct xcl_file *c);

/* lint_conflict.c: conflict on the cfg entries (xl/xm) and on the model
 * as read (any format). */
void xcl_conflict_cfg(struct xcl_file *c);
void xcl_conflict_model(struct xcl_file *c, const struct xc_domain *dom);

/* lint_rng.c: domain XML against the RelaxNG schema; xcl_schema_done
 * releases the schema and libxml2 at the end of a run. */
void xcl_schema(struct xcl_file *c);
void xcl_schema_done(void);

#endif
