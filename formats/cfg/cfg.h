/* The xl.cfg(5) / xm config grammar shared by formats/xl and formats/xm:
 * a parsed file is an ordered list of `key = value` entries, each with the
 * line and column of its key and value.  The same structure is built by
 * the writers and serialized in the layout libvirt's virConf writes. */
#ifndef XC_CFG_H
#define XC_CFG_H

#include <stdbool.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/source.h"
#include "../../common/vec.h"

enum xc_cfg_kind { XC_CFG_STRING, XC_CFG_NUMBER, XC_CFG_LIST };

struct xc_cfg_value {
    enum xc_cfg_kind kind;
    struct xc_pos pos;      /* first byte of the value (opening quote) */
    /* STRING: decoded contents (quotes removed, escapes applied).
     * NUMBER: the literal as written (e.g. "0x1f", "-3"). */
    char *str;
    long long num;          /* NUMBER: its value */
    XC_VEC(struct xc_cfg_value) items;   /* LIST: strings and numbers */
};

struct xc_cfg_entry {
    char *key;
    struct xc_pos key_pos;
    struct xc_cfg_value value;
    bool append;            /* written as `key += value` */
    bool used;              /* set by xc_cfg_get: consumed by a reader */
};

struct xc_cfg {
    XC_VEC(struct xc_cfg_entry) entries;
};

/* ---- reading -------------------------------------------------------- */

/* Parse a whole file.  On a syntax error: an error diagnostic naming
 * d->file (set it to src->name), line and column, and -1. */
int xc_cfg_parse(const struct xc_source *src, struct xc_cfg *out,
                 struct xc_diags *d);

/* The entry libvirt's virConfGetValue would return for key (the first one),
 * marked used; NULL if absent. */
struct xc_cfg_entry *xc_cfg_get(struct xc_cfg *cfg, const char *key);

/* ---- building (writers) ---------------------------------------------- */

/* virConfSetValue semantics: replace the value of an existing key in place,
 * else append a new entry.  pos is the input position the value came from
 * (for refusal diagnostics); xc_nopos if none. */
void xc_cfg_set_string(struct xc_cfg *cfg, const char *key, const char *value,
                       struct xc_pos pos);
void xc_cfg_set_number(struct xc_cfg *cfg, const char *key, long long value);
/* Append an empty list under key (replacing any value) and return it for
 * xc_cfg_list_add_string. */
struct xc_cfg_value *xc_cfg_set_list(struct xc_cfg *cfg, const char *key);
void xc_cfg_list_add_string(struct xc_cfg_value *list, const char *value,
                            struct xc_pos pos);

/* Serialize in libvirt's virConfWriteMem layout:
 *   key = "value"      key = 123      key = [ "a", "b" ]
 * A string libvirt would write in a form xl cannot read back (triple
 * quotes, raw newline) is written in the escaped "..." form xl accepts.
 * A value that cannot be written safely is an error at its pos, and -1. */
int xc_cfg_serialize(const struct xc_cfg *cfg, struct xc_buf *out,
                     struct xc_diags *d);

void xc_cfg_free(struct xc_cfg *cfg);

#endif
