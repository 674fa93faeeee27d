/* The xl.cfg(5) / xm config grammar shared by formats/xl and formats/xm:
 * a parsed file is an ordered list of `key = value` entries, each with the
 * line and column of its key and value.  The same structure is built by
 * the writers and serialized in the layout libvirt's virConf writes. */
#ifndef XC_CFG_H
#define XC_CFG_H

#include <stdbool.h>
#include <stdint.h>

#include "../../common/buf.h"
#include "../../common/diag.h"
#include "../../common/source.h"
#include "../../common/vec.h"

enum xc_cfg_kind { XC_CFG_STRING, XC_CFG_NUMBER, XC_CFG_LIST };

/* Inputs from this size on are refused by xc_cfg_parse (offsets below). */
#define XC_CFG_SIZE_MAX ((size_t)1 << 30)

/* One value of a tree.  Its size is most of a parsed tree's memory (a
 * 100,000-disk list holds 100,000 of them), so what only one kind uses
 * shares storage: read items only of a LIST, raw and xl_bad_col only of a
 * STRING, num only of a NUMBER (for other kinds items.n is 0, the others
 * undefined), and push items only onto a LIST. */
struct xc_cfg_value;

/* A list's items: 32-bit counts keep a value at 40 bytes (an input has
 * fewer than 2^32 items: it is under XC_CFG_SIZE_MAX bytes, each item at
 * least one).  Push with xc_cfg_items_push. */
struct xc_cfg_items {
    struct xc_cfg_value *v;
    uint32_t n, cap;
};

struct xc_cfg_value {
    enum xc_cfg_kind kind : 2;
    /* Read from a file: the value's bytes in the source are [off, end)
     * (a string with its quotes, a list from '[' to ']'); 0, 0 when built
     * by a writer.  For edits that keep the rest of the file as written
     * (converters/migrate*).  Bit-fields: xc_cfg_parse refuses a source
     * of XC_CFG_SIZE_MAX bytes (a loaded one has at most XC_SOURCE_MAX). */
    uint32_t end : 30;
    uint32_t off : 30;
    bool stored : 1;        /* private: str, raw are in the tree's store */
    bool triple : 1;        /* STRING read from a file: written """...""" */
    struct xc_pos pos;      /* first byte of the value (opening quote) */
    /* STRING: decoded contents (quotes removed, escapes applied).
     * NUMBER: the literal as written (e.g. "0x1f", "-3"). */
    char *str;
    union {
        struct xc_cfg_items items;           /* LIST: strings and numbers */
        /* STRING read from a file: the bytes between the quotes exactly
         * as written, which is what libvirt's virConf returns (it knows no
         * escapes); NULL when identical to str.  str is what xl reads:
         * e.g. "a\\:b" gives str "a\:b", raw "a\\:b" (libvirt's xen_xl.c
         * undoes the doubling itself for rbd, so use str, not raw). */
        struct {
            char *raw;
            uint32_t zero_; /* items.n: stays 0 */
            /* STRING: xl_bad's column (see xc_cfg_xl_bad), 0 if none */
            unsigned xl_bad_col;
        };
        long long num;      /* NUMBER: its value */
    };
};

/* STRING: where xl would reject or misread this string (a """ string, an
 * escape xl refuses or mangles: \x.., \NNN, \q), always on the line the
 * value starts; line 0: xl reads exactly str (and for other kinds).  See
 * docs/xl-strings.md. */
static inline struct xc_pos xc_cfg_xl_bad(const struct xc_cfg_value *v)
{
    struct xc_pos p = {0, 0};
    if (v->kind == XC_CFG_STRING && v->xl_bad_col) {
        p.line = v->pos.line;
        p.col = v->xl_bad_col;
    }
    return p;
}

struct xc_cfg_entry {
    char *key;
    struct xc_pos key_pos;
    struct xc_cfg_value value;
    bool append;            /* written as `key += value` */
    bool used;              /* set by xc_cfg_get: consumed by a reader */
    bool key_stored;        /* private: key is in the tree's store */
    uint32_t key_off;       /* read from a file: byte offset of the key;
                             * the statement is [key_off, value.end) */
};

struct xc_cfg {
    XC_VEC(struct xc_cfg_entry) entries;
    /* Lookup index, private to cfg_build.c (built lazily once there are
     * many entries, so a file with 100,000 keys is not scanned per
     * lookup): open addressing, slot = 1 + index of the first entry with
     * its key, 0 = empty; covers entries [0, indexed). */
    size_t *index, index_cap, indexed;
    /* Private to formats/cfg: the strings of a parsed tree (keys, str,
     * raw) and of list items a writer adds with xc_cfg_list_add_stored,
     * NUL-terminated, in a few large blocks instead of one allocation
     * each. */
    struct xc_cfg_block *store;
};

/* ---- reading -------------------------------------------------------- */

/* Parse a whole file.  On a syntax error: an error diagnostic naming
 * d->file (set it to src->name), line and column, and -1. */
int xc_cfg_parse(const struct xc_source *src, struct xc_cfg *out,
                 struct xc_diags *d);

/* The entry libvirt's virConfGetValue would return for key (the first one),
 * marked used; NULL if absent. */
struct xc_cfg_entry *xc_cfg_get(struct xc_cfg *cfg, const char *key);

/* How many entries name key (xl uses the last one, libvirt the first). */
size_t xc_cfg_count(const struct xc_cfg *cfg, const char *key);

/* ---- building (writers) ---------------------------------------------- */

/* virConfSetValue semantics: replace the value of an existing key in place,
 * else append a new entry.  pos is the input position the value came from
 * (for refusal diagnostics); xc_nopos if none. */
void xc_cfg_set_string(struct xc_cfg *cfg, const char *key, const char *value,
                       struct xc_pos pos);
void xc_cfg_set_number(struct xc_cfg *cfg, const char *key, long long value);
/* For XC_CFG_STYLE_VIRCONF, which has no escapes, so not every string
 * fits in one quoted value: whether s does; and whether there is an
 * i >= from with s[i] == sep such that both s[from..i) and s[i+1..] do,
 * the first such i in *cut (linear in strlen(s)). */
bool xc_cfg_virconf_holds(const char *s);
bool xc_cfg_virconf_split(const char *s, size_t from, char sep, size_t *cut);
/* Append an empty list under key (replacing any value) and return it for
 * xc_cfg_list_add_string. */
struct xc_cfg_value *xc_cfg_set_list(struct xc_cfg *cfg, const char *key);
void xc_cfg_list_add_string(struct xc_cfg_value *list, const char *value,
                            struct xc_pos pos);
void xc_cfg_list_add_number(struct xc_cfg_value *list, long long value);
/* The list pointer from xc_cfg_set_list is invalidated by the next
 * xc_cfg_set_* call on the same cfg: fill the list first. */

/* Append s[0..n) (and a NUL) as a string item of list (from
 * xc_cfg_set_list or XC_CFG_LIST_INIT), copied once into cfg's store
 * instead of an allocation of its own: a list of 100,000 disk specs is
 * then their bytes in a few blocks.  It lives until xc_cfg_free(cfg). */
void xc_cfg_list_add_stored(struct xc_cfg *cfg, struct xc_cfg_value *list,
                            const char *s, size_t n, struct xc_pos pos);
/* Room for n items in all, so a list of known length is not regrown. */
void xc_cfg_list_reserve(struct xc_cfg_value *list, size_t n);

/* A new zeroed item at the end of items (grown by doubling). */
struct xc_cfg_value *xc_cfg_items_push(struct xc_cfg_items *items);

/* A list built apart from the tree, for a writer that sets it only at the
 * end (libvirt sets a device list only when it is not empty): start from
 * XC_CFG_LIST_INIT, fill it, then hand it to xc_cfg_set_list_value or
 * drop it with xc_cfg_value_free.  Items from xc_cfg_list_add_stored must
 * be in the store of the cfg it is set in. */
#define XC_CFG_LIST_INIT { .kind = XC_CFG_LIST }
/* Set *list under key as xc_cfg_set_list would, taking it over (no copy):
 * *list is left empty (XC_CFG_LIST_INIT). */
void xc_cfg_set_list_value(struct xc_cfg *cfg, const char *key,
                           struct xc_cfg_value *list);
void xc_cfg_value_free(struct xc_cfg_value *v);

/* Serialize in libvirt's virConfWriteMem layout:
 *   key = "value"      key = 123      key = [ "a", "b" ]
 * A string libvirt would write in a form xl cannot read back (triple
 * quotes, raw newline) is written in the escaped "..." form xl accepts.
 * A value that cannot be written safely is an error at its pos, and -1. */
int xc_cfg_serialize(const struct xc_cfg *cfg, struct xc_buf *out,
                     struct xc_diags *d);

/* XC_CFG_STYLE_XL is xc_cfg_serialize.  XC_CFG_STYLE_VIRCONF writes
 * exactly what virConfWriteMem writes (""" strings included, backslashes
 * verbatim), for the xm format whose reader is libvirt/Python; it refuses
 * only values virConf itself would read back differently.  On -1 out is
 * left as it was. */
enum xc_cfg_style { XC_CFG_STYLE_XL = 0, XC_CFG_STYLE_VIRCONF };
int xc_cfg_serialize_style(const struct xc_cfg *cfg, enum xc_cfg_style style,
                           struct xc_buf *out, struct xc_diags *d);

void xc_cfg_free(struct xc_cfg *cfg);

#endif
