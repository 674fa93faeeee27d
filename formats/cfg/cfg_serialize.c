/* Writing an xc_cfg in libvirt's virConfWriteMem layout: one
 *   key = value
 * per line, numbers in decimal, lists as [ a, b ] ("[  ]" when empty).
 * Strings go through cfg_quote.c. */
#include <stdio.h>

#include "../../common/buf.h"
#include "cfg_int.h"

struct writer {
    struct xc_buf *out;
    struct xc_diags *d;
    enum xc_cfg_style style;
    const char *key;
    int failed;
};

static void write_value(struct writer *w, const struct xc_cfg_value *v)
{
    switch (v->kind) {
    case XC_CFG_NUMBER:
        xc_buf_addf(w->out, "%lld", v->num);
        return;
    case XC_CFG_STRING:
        if (!v->str) {
            xc_error(w->d, v->pos, "unsafe-value",
                     "'%s' has no value to write", w->key);
            w->failed = 1;
            return;
        }
        if (w->style == XC_CFG_STYLE_XL) {
            xc_cfg_quote_xl(w->out, v->str);
        } else if (xc_cfg_quote_virconf(w->out, v->str) < 0) {
            xc_error(w->d, v->pos, "unsafe-value",
                     "the value of '%s' cannot be written so that it reads back unchanged",
                     w->key);
            w->failed = 1;
        }
        return;
    case XC_CFG_LIST:
        xc_buf_add(w->out, "[ ");
        for (size_t i = 0; i < v->items.n; i++) {
            if (i)
                xc_buf_add(w->out, ", ");
            write_value(w, &v->items.v[i]);
            xc_buf_flush_point(w->out);   /* nothing written is taken back */
        }
        xc_buf_add(w->out, " ]");
        return;
    }
}

int xc_cfg_serialize_style(const struct xc_cfg *cfg, enum xc_cfg_style style,
                           struct xc_buf *out, struct xc_diags *d)
{
    size_t start = xc_buf_mark(out);
    struct writer w = {out, d, style, NULL, 0};
    for (size_t i = 0; i < cfg->entries.n; i++) {
        const struct xc_cfg_entry *e = &cfg->entries.v[i];
        bool key_ok = style == XC_CFG_STYLE_XL ? xc_cfg_xl_key_ok(e->key)
                                               : xc_cfg_virconf_key_ok(e->key);
        if (!key_ok) {
            xc_error(d, e->key_pos.line ? e->key_pos : e->value.pos,
                     "unsafe-value", "'%s' cannot be written as a key",
                     e->key ? e->key : "");
            w.failed = 1;
            continue;
        }
        w.key = e->key;
        xc_buf_add(out, e->key);
        xc_buf_add(out, e->append ? " += " : " = ");
        write_value(&w, &e->value);
        xc_buf_addc(out, '\n');
        xc_buf_flush_point(out);
    }
    if (w.failed) {
        /* a caller with a sink discards the whole output (buf.h) */
        xc_buf_truncate(out, start);
        return -1;
    }
    return 0;
}

int xc_cfg_serialize(const struct xc_cfg *cfg, struct xc_buf *out,
                     struct xc_diags *d)
{
    return xc_cfg_serialize_style(cfg, XC_CFG_STYLE_XL, out, d);
}
