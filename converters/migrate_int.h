/* Internal to converters/migrate*.c: what the migration of one xm config
 * found (a record per key), the rules that produce it, the check of the
 * result, and the reports. */
#ifndef XC_MIGRATE_INT_H
#define XC_MIGRATE_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "../common/buf.h"
#include "../common/diag.h"
#include "../common/model.h"
#include "../common/settings.h"
#include "../common/source.h"
#include "../common/strset.h"
#include "../common/vec.h"
#include "../formats/cfg/cfg.h"
#include "migrate_edit.h"

enum xc_mig_kind {
    XC_MIG_KEPT,      /* kept as written */
    XC_MIG_CHANGED,   /* rewritten (old -> new, why) */
    XC_MIG_LOST,      /* xl cannot do it (why, what to do) */
    XC_MIG_NOTE       /* a remark that is not about one key */
};

struct xc_mig_rec {
    struct xc_pos pos;
    char *key;               /* "disk", "disk[1]", "builder", ... */
    enum xc_mig_kind kind;
    char *old_text, *new_text;   /* CHANGED: the source text, its
                                  * replacement ("" when removed) */
    const char *why;         /* CHANGED, LOST, NOTE (static); KEPT: NULL
                              * or a remark */
    const char *todo;        /* what the operator should do, or NULL */
};

enum xc_mig_status {
    XC_MIG_MIGRATED,         /* checked, written (or would be) */
    XC_MIG_HANDS,            /* embedded Python: nothing written */
    XC_MIG_FAILED            /* unreadable, or the check failed */
};

struct xc_mig_file {
    const char *input;       /* as named on the command line */
    const char *output;      /* what was written, or NULL */
    enum xc_mig_status status;
    struct xc_pos hands_pos; /* XC_MIG_HANDS: where, and why */
    char *hands_why;
    XC_VEC(struct xc_mig_rec) recs;
    size_t nkept, nchanged, nlost;
    struct xc_diags d;       /* errors and notes of this file */
    struct xc_buf xl;        /* the migrated text */
};

/* XML parts the check may find different, because a record says so:
 * element names ("loader", "emulator") and disks ("disk:hda").  One mask
 * per disk is possible: the set keeps adding linear. */
struct xc_mig_masks {
    XC_VEC(char *) v;         /* owned, each once */
    struct xc_strset set;     /* the same strings */
};
void xc_mig_mask(struct xc_mig_masks *m, const char *what);
void xc_mig_masks_free(struct xc_mig_masks *m);

/* The rules (migrate_rules.c): every entry of cfg gets a record in f;
 * edits on the source text and masks for the check are added. */
struct xc_mig_ctx {
    const struct xc_source *src;
    struct xc_cfg *cfg;
    const struct xc_domain *dom;   /* the xm reader's model, no defaults */
    bool hvm;
    struct xc_mig_edits edits;
    struct xc_mig_masks masks;
    struct xc_mig_file *f;
    /* dom's disks ordered by position, built on the first disk list, so
     * finding an item's disk is a binary search (owned) */
    const struct xc_disk **disks_by_pos;
};
int xc_mig_apply_rules(struct xc_mig_ctx *c);

/* Records (migrate_file.c). */
struct xc_mig_rec *xc_mig_record(struct xc_mig_file *f, struct xc_pos pos,
                                 const char *key, enum xc_mig_kind kind,
                                 const char *why, const char *todo);
/* The source text [off, end). */
char *xc_mig_text(const struct xc_source *src, size_t off, size_t end);

/* One disk list item in xl's key=value form (migrate_disk.c).  NULL when
 * the model has no disk for it. */
char *xc_mig_disk_spec(const struct xc_disk *disk, bool *domain_differs,
                       const char **why);

/* The check (migrate_check.c): libxlutil reads text (every disk spec
 * through xlu_disk_parse too), and the xl text read as xen-xl gives the
 * domain XML the xm source gives, masks aside (when compare_domains:
 * --normalize writes libvirt's own conversion, defaults materialized, so
 * only libxlutil checks it).  0, or -1 with an error in
 * d at pos-less "migrate-check". */
int xc_mig_check(const struct xc_source *xm, const char *xl, size_t xl_len,
                 const struct xc_mig_masks *masks, bool compare_domains,
                 const struct xc_settings *set, struct xc_diags *d);

/* Migrate one loaded source into f (migrate_file.c). */
void xc_mig_file_run(struct xc_mig_file *f, const struct xc_source *src,
                     bool normalize, const struct xc_settings *set);
void xc_mig_file_free(struct xc_mig_file *f);

/* Reports (migrate_report.c): streamed per file, the summary at the end. */
struct xc_mig_totals {
    size_t files, migrated, hands, failed, kept, changed, lost;
};
struct xc_mig_report;
struct xc_mig_report *xc_mig_report_open(const char *md, const char *json,
                                         struct xc_diags *d);
void xc_mig_report_file(struct xc_mig_report *r, const struct xc_mig_file *f);
int xc_mig_report_close(struct xc_mig_report *r,
                        const struct xc_mig_totals *t, struct xc_diags *d);

const char *xc_mig_kind_name(enum xc_mig_kind k);
const char *xc_mig_status_name(enum xc_mig_status s);

#endif
