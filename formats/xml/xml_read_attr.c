/* Attribute access for the domain XML reader's start handlers: each read
 * marks the attribute used, and whatever is left is reported. */
#include <expat.h>
#include <string.h>

#include "xml_read_priv.h"
#include "xml_units.h"

const char *xr_attr(struct xr_ctx *c, const char *name)
{
    for (size_t i = 0; i < c->attrs.n; i++) {
        if (strcmp(c->attrs.atts[2 * i], name) == 0) {
            c->attrs.used[i] = 1;
            return c->attrs.atts[2 * i + 1];
        }
    }
    return NULL;
}

bool xr_attr_present(struct xr_ctx *c, const char *name)
{
    for (size_t i = 0; i < c->attrs.n; i++)
        if (strcmp(c->attrs.atts[2 * i], name) == 0)
            return true;
    return false;
}

void xr_attrs_all_used(struct xr_ctx *c)
{
    if (c->attrs.n)
        memset(c->attrs.used, 1, c->attrs.n);
}

static bool is_blank(char ch)
{
    return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r';
}

/* Scan the current start tag once, recording the byte offsets of each
 * attribute's name and first value byte (namespace declarations, which
 * expat does not report, are skipped).  Stops at the first thing that is
 * not an attribute; c->attr_offs_n says how many were found.  Keyed by
 * the event's byte index and count, so a tag is scanned at most once however many
 * positions are asked for. */
static void scan_attr_offsets(struct xr_ctx *c)
{
    XML_Parser p = (XML_Parser)c->parser;
    XML_Index start = XML_GetCurrentByteIndex(p);
    int count = XML_GetCurrentByteCount(p);
    if (start >= 0 && (long long)start == c->attr_offs_tag && count == c->attr_offs_len)
        return;
    c->attr_offs_tag = start >= 0 ? (long long)start : -1;
    c->attr_offs_len = count;
    c->attr_offs_n = 0;
    if (start < 0 || count <= 0 || (size_t)start + (size_t)count > c->len)
        return;
    const char *s = c->data + start, *end = s + count;
    if (s >= end || *s != '<')
        return;
    s++;
    while (s < end && !is_blank(*s) && *s != '>' && *s != '/')
        s++;
    for (;;) {
        while (s < end && is_blank(*s))
            s++;
        if (s >= end || *s == '>' || *s == '/')
            return;
        const char *name = s;
        while (s < end && !is_blank(*s) && *s != '=')
            s++;
        size_t nlen = (size_t)(s - name);
        while (s < end && is_blank(*s))
            s++;
        if (s >= end || *s != '=')
            return;
        s++;
        while (s < end && is_blank(*s))
            s++;
        if (s >= end || (*s != '"' && *s != '\''))
            return;
        char q = *s++;
        const char *vstart = s;
        while (s < end && *s != q)
            s++;
        if (s >= end)
            return;
        s++;
        bool xmlns = (nlen == 5 && memcmp(name, "xmlns", 5) == 0) ||
                     (nlen > 6 && memcmp(name, "xmlns:", 6) == 0);
        if (xmlns)
            continue;
        if (c->attr_offs_n == c->attr_offs_cap) {
            c->attr_offs_cap = c->attr_offs_cap ? c->attr_offs_cap * 2 : 16;
            c->attr_offs = xc_realloc(c->attr_offs,
                                      c->attr_offs_cap * 2 * sizeof(*c->attr_offs));
        }
        c->attr_offs[2 * c->attr_offs_n] = (size_t)(name - c->data);
        c->attr_offs[2 * c->attr_offs_n + 1] = (size_t)(vstart - c->data);
        c->attr_offs_n++;
    }
}

/* Byte offset of the index-th attribute's name, or with value set of the
 * first byte of its value, in the current start tag. */
static bool attr_offset(struct xr_ctx *c, size_t index, bool value, size_t *out)
{
    scan_attr_offsets(c);
    if (index >= c->attr_offs_n)
        return false;
    *out = c->attr_offs[2 * index + (value ? 1 : 0)];
    return true;
}

static struct xc_pos attr_pos_index(struct xr_ctx *c, size_t i, bool value)
{
    size_t off;
    if (attr_offset(c, i, value, &off))
        return xr_offset_pos(c, off);
    return xr_pos(c);
}

struct xc_pos xr_attr_pos(struct xr_ctx *c, const char *name)
{
    for (size_t i = 0; i < c->attrs.n; i++)
        if (strcmp(c->attrs.atts[2 * i], name) == 0)
            return attr_pos_index(c, i, true);
    return xr_pos(c);
}

void xr_attrs_leftover(struct xr_ctx *c, struct xc_pos elem_pos)
{
    (void)elem_pos;
    for (size_t i = 0; i < c->attrs.n; i++) {
        if (c->attrs.used[i])
            continue;
        c->attrs.used[i] = 1;
        const char *name = c->attrs.atts[2 * i];
        struct xc_buf key = {0};
        xc_buf_add(&key, xr_path(c));
        xc_buf_add(&key, "/@");
        const char *sep = strchr(name, ' ');
        if (sep) {
            xc_buf_addc(&key, '{');
            xc_buf_add_len(&key, name, (size_t)(sep - name));
            xc_buf_addc(&key, '}');
            xc_buf_add(&key, sep + 1);
        } else {
            xc_buf_add(&key, name);
        }
        xr_unmodeled(c, attr_pos_index(c, i, false), xc_buf_str(&key), c->attrs.atts[2 * i + 1]);
        xc_buf_free(&key);
    }
}

/* ---- typed readers ---------------------------------------------------- */

static int bad_value(struct xr_ctx *c, const char *name, const char *v,
                     const char *expect)
{
    return xr_error(c, xr_attr_pos(c, name),
                    "invalid value for attribute '%s' in element '%s': '%s'%s%s",
                    name, strrchr(xr_path(c), '/') + 1, v,
                    expect ? ". Expected " : "", expect ? expect : "");
}

int xr_attr_str(struct xr_ctx *c, const char *name, struct xc_str *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    xc_str_set(out, v, xr_attr_pos(c, name));
    return 1;
}

int xr_attr_uint(struct xr_ctx *c, const char *name, int base, unsigned *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    if (xc_parse_uint(v, base, out) < 0)
        return bad_value(c, name, v, "non-negative integer value");
    return 1;
}

int xr_attr_int(struct xr_ctx *c, const char *name, int base, int *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    if (xc_parse_int(v, base, out) < 0)
        return bad_value(c, name, v, "integer value");
    return 1;
}

int xr_attr_ull(struct xr_ctx *c, const char *name, int base, unsigned long long *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    if (xc_parse_ull(v, base, out) < 0)
        return bad_value(c, name, v, "non-negative integer value");
    return 1;
}

int xr_attr_tristate(struct xr_ctx *c, const char *name, enum xc_tristate *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    int r = xc_enum_parse(XC_T_TRISTATE_BOOL, v);
    if (r < 0)
        return bad_value(c, name, v, "'yes' or 'no'");
    *out = (enum xc_tristate)r;
    return 1;
}

int xr_attr_switch(struct xr_ctx *c, const char *name, enum xc_tristate *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    int r = xc_enum_parse(XC_T_TRISTATE_SWITCH, v);
    if (r < 0)
        return bad_value(c, name, v, "'on' or 'off'");
    *out = (enum xc_tristate)r;
    return 1;
}

bool xr_in_list(const char *const *list, const char *s)
{
    for (size_t i = 0; list && list[i]; i++)
        if (strcmp(list[i], s) == 0)
            return true;
    return false;
}

int xr_attr_enum(struct xr_ctx *c, const char *name, enum xc_enum_table t,
                 const char *const *libvirt_only, int *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    int r = xc_enum_parse(t, v);
    if (r >= 0) {
        *out = r;
        return 1;
    }
    if (xr_in_list(libvirt_only, v)) {
        struct xc_buf key = {0};
        xc_buf_addf(&key, "%s/@%s='%s'", xr_path(c), name, v);
        xr_unmodeled(c, xr_attr_pos(c, name), xc_buf_str(&key), v);
        xc_buf_free(&key);
        return 2;
    }
    return bad_value(c, name, v, NULL);
}

int xr_attr_oneof(struct xr_ctx *c, const char *name, const char *const *list,
                  struct xc_str *out)
{
    const char *v = xr_attr(c, name);
    if (!v)
        return 0;
    if (!xr_in_list(list, v))
        return bad_value(c, name, v, NULL);
    xc_str_set(out, v, xr_attr_pos(c, name));
    return 1;
}

void xr_text_set(struct xc_str *dst, const char *text, size_t len, struct xc_pos pos)
{
    xc_str_setn(dst, text, len, pos);
}
