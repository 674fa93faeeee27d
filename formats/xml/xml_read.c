/* The domain XML reader: expat callbacks, the element stack and dispatch.
 * What each element means lives in the handlers (xml_read_*.c); the table
 * tying element names to handlers is xml_read_table.c. */
#include "xml.h"

#include <expat.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "xml_read_priv.h"

/* Expat reports namespaced names as "URI<sep>local". */
#define XR_NS_SEP ' '

/* ---- positions ---------------------------------------------------------- */

/* Line and byte column of a byte offset.  Offsets asked for mostly grow
 * while parsing, so the forward scan is linear over the whole document;
 * an offset behind the cursor (a handler asking for an earlier
 * attribute's position) is found on the cursor's line in O(1), or by
 * scanning at most XR_SCAN_CKPT bytes from a saved checkpoint. */
static void scan_bytes(const char *p, size_t from, size_t to, size_t *line,
                       size_t *line_start, bool *prev_cr)
{
    for (size_t i = from; i < to; i++) {
        if (p[i] == '\r') {
            (*line)++;
            *line_start = i + 1;
            *prev_cr = true;
        } else {
            if (p[i] == '\n') {
                if (!*prev_cr)
                    (*line)++;
                *line_start = i + 1;
            }
            *prev_cr = false;
        }
    }
}

static struct xc_pos make_pos(size_t line, size_t line_start, size_t off)
{
    struct xc_pos pos = {(unsigned)(line > UINT_MAX ? UINT_MAX : line),
                         (unsigned)(off - line_start + 1 > UINT_MAX
                                        ? UINT_MAX : off - line_start + 1)};
    return pos;
}

struct xc_pos xr_offset_pos(struct xr_ctx *c, size_t off)
{
    if (off > c->len)
        off = c->len;
    if (off < c->scan_off) {
        /* no line break between off and the cursor: the cursor's line */
        if (off >= c->scan_line_start)
            return make_pos(c->scan_line, c->scan_line_start, off);
        struct xr_scan_ckpt k = c->scan_ckpts.v[off / XR_SCAN_CKPT];
        scan_bytes(c->data, off / XR_SCAN_CKPT * XR_SCAN_CKPT, off, &k.line,
                   &k.line_start, &k.prev_cr);
        return make_pos(k.line, k.line_start, off);
    }
    while (c->scan_off < off) {
        if (c->scan_off % XR_SCAN_CKPT == 0 &&
            c->scan_off / XR_SCAN_CKPT == c->scan_ckpts.n) {
            struct xr_scan_ckpt *k = xc_vec_push(&c->scan_ckpts);
            k->line = c->scan_line;
            k->line_start = c->scan_line_start;
            k->prev_cr = c->scan_prev_cr;
        }
        size_t stop = (c->scan_off / XR_SCAN_CKPT + 1) * XR_SCAN_CKPT;
        if (stop > off)
            stop = off;
        scan_bytes(c->data, c->scan_off, stop, &c->scan_line,
                   &c->scan_line_start, &c->scan_prev_cr);
        c->scan_off = stop;
    }
    return make_pos(c->scan_line, c->scan_line_start, off);
}

static struct xc_pos parser_pos(struct xr_ctx *c)
{
    XML_Index idx = XML_GetCurrentByteIndex((XML_Parser)c->parser);
    if (idx >= 0)
        return xr_offset_pos(c, (size_t)idx);
    struct xc_pos pos = {(unsigned)XML_GetCurrentLineNumber((XML_Parser)c->parser),
                         (unsigned)XML_GetCurrentColumnNumber((XML_Parser)c->parser) + 1};
    return pos;
}

struct xc_pos xr_pos(struct xr_ctx *c)
{
    if (c->stack.n)
        return c->stack.v[c->stack.n - 1].pos;
    return parser_pos(c);
}

/* ---- diagnostics -------------------------------------------------------- */

int xr_error(struct xr_ctx *c, struct xc_pos pos, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n < sizeof(msg)) {
        xc_error(c->d, pos, "invalid", "%s", msg);
    } else {
        /* Values quoted into the message can be long: format again whole. */
        struct xc_buf b = {0};
        va_start(ap, fmt);
        xc_buf_vaddf(&b, fmt, ap);
        va_end(ap);
        xc_error(c->d, pos, "invalid", "%s", xc_buf_str(&b));
        xc_buf_free(&b);
    }
    c->failed = true;
    return -1;
}

const char *xr_path(struct xr_ctx *c)
{
    return xc_buf_str(&c->path);
}

void xr_unmodeled(struct xr_ctx *c, struct xc_pos pos, const char *what,
                  const char *value)
{
    xc_lost(c->d, pos, "unmodeled", "%s (not in xenconv's model)", what);
    xc_domain_add_leftover(c->dom, what, value, pos);
}

/* ---- element stack ------------------------------------------------------- */

static void path_push(struct xr_ctx *c, const char *name)
{
    xc_buf_addc(&c->path, '/');
    const char *sep = strchr(name, XR_NS_SEP);
    if (sep) {
        xc_buf_addc(&c->path, '{');
        xc_buf_add_len(&c->path, name, (size_t)(sep - name));
        xc_buf_addc(&c->path, '}');
        xc_buf_add(&c->path, sep + 1);
    } else {
        xc_buf_add(&c->path, name);
    }
}

static void path_pop(struct xr_ctx *c)
{
    while (c->path.len && c->path.data[c->path.len - 1] != '/')
        c->path.len--;
    if (c->path.len)
        c->path.len--;
    if (c->path.data)
        c->path.data[c->path.len] = '\0';
}

static void stop(struct xr_ctx *c)
{
    c->failed = true;
    if (!c->stopped) {
        c->stopped = true;
        XML_StopParser((XML_Parser)c->parser, XML_FALSE);
    }
}

static void set_attrs(struct xr_ctx *c, const char **atts)
{
    size_t n = 0;
    while (atts[2 * n])
        n++;
    if (n > c->attrs_cap) {
        free(c->attrs.used);
        c->attrs.used = xc_calloc(n, 1);
        c->attrs_cap = n;
    } else if (n) {
        memset(c->attrs.used, 0, n);
    }
    c->attrs.atts = atts;
    c->attrs.n = n;
}

/* Stack slots are reused as elements close: start every frame zeroed so
 * no flag (text_warned, has_text_pos, ...) leaks from an earlier element. */
static struct xr_frame *push_frame(struct xr_ctx *c)
{
    struct xr_frame *f = xc_vec_push(&c->stack);
    memset(f, 0, sizeof(*f));
    return f;
}

static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    struct xr_ctx *c = ud;
    if (c->stopped)
        return;
    struct xc_pos pos = parser_pos(c);
    struct xr_frame *parent = c->stack.n ? &c->stack.v[c->stack.n - 1] : NULL;
    enum xr_elem_id pid = parent ? parent->id : XR_ROOT;

    path_push(c, name);
    if (pid == XR_UNKNOWN) {
        struct xr_frame *f = push_frame(c);
        f->id = XR_UNKNOWN;
        f->pos = pos;
        f->name = NULL;
        return;
    }

    const struct xr_elem *e = xr_lookup(pid, name);
    if (!e && pid == XR_ROOT) {
        xc_error(c->d, pos, "invalid",
                 "unexpected root element <%s>, expecting <domain>", name);
        stop(c);
        return;
    }
    if (e && (e->flags & XR_F_ONCE) && parent) {
        if (c->seen[e->id] == parent->serial) {
            xc_lost(c->d, pos, "unmodeled",
                    "duplicate <%s> (libvirt reads only the first)", name);
            xc_domain_add_leftover(c->dom, xr_path(c), NULL, pos);
            struct xr_frame *f = push_frame(c);
            f->id = XR_UNKNOWN;
            f->pos = pos;
            return;
        }
        c->seen[e->id] = parent->serial;
    }
    if (!e) {
        xr_unmodeled(c, pos, xr_path(c), NULL);
        struct xr_frame *f = push_frame(c);
        f->id = XR_UNKNOWN;
        f->pos = pos;
        return;
    }

    struct xr_frame *f = push_frame(c);
    f->e = e;
    f->id = e->id;
    f->pos = pos;
    f->text_start = c->text.len;
    f->name = name;
    f->aux = 0;
    f->serial = ++c->serial_next;
    set_attrs(c, atts);
    if (e->start && e->start(c, f) < 0) {
        stop(c);
        return;
    }
    xr_attrs_leftover(c, pos);
}

static bool all_blank(const char *s, int len)
{
    for (int i = 0; i < len; i++)
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    return true;
}

static void XMLCALL on_text(void *ud, const XML_Char *s, int len)
{
    struct xr_ctx *c = ud;
    if (c->stopped || !c->stack.n || len <= 0)
        return;
    struct xr_frame *f = &c->stack.v[c->stack.n - 1];
    if (f->id == XR_UNKNOWN)
        return;
    if (f->e->flags & XR_F_TEXT) {
        xc_buf_add_len(&c->text, s, (size_t)len);
        /* A bad value is reported where its text starts, not at the tag. */
        if (!f->has_text_pos) {
            int k = 0;
            while (k < len && (s[k] == ' ' || s[k] == '\t' || s[k] == '\n' || s[k] == '\r'))
                k++;
            XML_Index idx = XML_GetCurrentByteIndex((XML_Parser)c->parser);
            if (k < len && idx >= 0) {
                f->pos = xr_offset_pos(c, (size_t)idx + (size_t)k);
                f->has_text_pos = true;
            }
        }
    } else if (!f->text_warned && !all_blank(s, len)) {
        f->text_warned = true;
        xc_lost(c->d, parser_pos(c), "unmodeled",
                "text inside %s (not in xenconv's model)", xr_path(c));
        xc_domain_add_leftover(c->dom, xr_path(c), NULL, parser_pos(c));
    }
}

static void XMLCALL on_end(void *ud, const XML_Char *name)
{
    struct xr_ctx *c = ud;
    (void)name;
    if (c->stopped || !c->stack.n)
        return;
    struct xr_frame *f = &c->stack.v[c->stack.n - 1];
    if (f->id != XR_UNKNOWN && f->e->end) {
        size_t start = f->text_start;
        const char *t = c->text.data ? c->text.data + start : "";
        size_t n = c->text.len - start;
        if (f->e->end(c, f, t, n) < 0) {
            stop(c);
            return;
        }
    }
    if (f->id != XR_UNKNOWN && (f->e->flags & XR_F_TEXT)) {
        c->text.len = f->text_start;
        if (c->text.data)
            c->text.data[c->text.len] = '\0';
    }
    c->stack.n--;
    path_pop(c);
}

/* Entity declarations open the door to expansion attacks and to
 * external fetches; libvirt's domain XML never needs them. */
static void XMLCALL on_entity_decl(void *ud, const XML_Char *name, int is_param,
                                   const XML_Char *value, int value_length,
                                   const XML_Char *base, const XML_Char *system_id,
                                   const XML_Char *public_id, const XML_Char *notation)
{
    struct xr_ctx *c = ud;
    (void)is_param; (void)value; (void)value_length; (void)base;
    (void)system_id; (void)public_id; (void)notation;
    if (c->stopped)
        return;
    xc_error(c->d, parser_pos(c), "syntax",
             "entity declarations are not allowed (entity '%s')", name);
    stop(c);
}

/* ---- entry point ----------------------------------------------------------- */

static int read_xml(const struct xc_source *in, const struct xc_settings *set,
                    struct xc_domain *out, struct xc_diags *d)
{
    struct xr_ctx ctx;
    memset(&ctx, 0, sizeof(ctx));
    struct xr_ctx *c = &ctx;
    c->dom = out;
    c->d = d;
    c->set = set;
    c->data = in->data ? in->data : "";
    c->len = in->data ? in->len : 0;
    c->scan_line = 1;
    c->attr_offs_tag = -1;
    c->parallel_maxport = -1;

    XML_Parser p = XML_ParserCreateNS(NULL, XR_NS_SEP);
    if (!p) {
        xc_error(d, xc_nopos, "internal", "cannot create the XML parser");
        return -1;
    }
    c->parser = p;
    XML_SetUserData(p, c);
    XML_SetElementHandler(p, on_start, on_end);
    XML_SetCharacterDataHandler(p, on_text);
    XML_SetEntityDeclHandler(p, on_entity_decl);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);

    size_t off = 0;
    /* fed in pieces: XML_Parse copies what it is given into its own
     * buffer, so one call with the whole input would hold it twice */
    const size_t chunk = (size_t)1 << 18;
    enum XML_Status st = XML_STATUS_OK;
    do {
        size_t n = c->len - off < chunk ? c->len - off : chunk;
        bool last = off + n >= c->len;
        st = XML_Parse(p, c->data + off, (int)n, last);
        off += n;
        if (st != XML_STATUS_OK || last)
            break;
    } while (1);

    if (st == XML_STATUS_ERROR && !c->stopped) {
        enum XML_Error code = XML_GetErrorCode(p);
        struct xc_pos pos = parser_pos(c);
        xc_error(d, pos, "syntax", "malformed XML: %s", XML_ErrorString(code));
        c->failed = true;
    }
    if (!c->failed && !c->saw_domain) {
        xc_error(d, xc_nopos, "invalid", "no <domain> element");
        c->failed = true;
    }
    if (!c->failed)
        xr_finish(c);

    XML_ParserFree(p);
    free(c->stack.v);
    xc_buf_free(&c->text);
    xc_buf_free(&c->path);
    free(c->attrs.used);
    free(c->attr_offs);
    free(c->scan_ckpts.v);
    free(c->siblings.v);
    free(c->cell_ids.v);
    free(c->boot_pos.v);
    xr_cpu_free(c);
    return c->failed ? -1 : 0;
}

int xc_xml_read(const struct xc_source *in, const struct xc_settings *set,
                struct xc_domain *out, struct xc_diags *d)
{
    struct xc_strpool *prev = xc_strpool_enter(&out->strings);
    int rc = read_xml(in, set, out, d);
    xc_strpool_enter(prev);
    return rc;
}
