/* Internal to the domain XML writer (xml_write*.c): the writer state and
 * the small printing helpers every part uses.  Every value goes through
 * the xw_attr and xw_value helpers, which escape it (xml_escape.h) or
 * refuse it with an "unsafe-value" error at the value's input position. */
#ifndef XC_XML_WRITE_H
#define XC_XML_WRITE_H

#include <stdbool.h>
#include <stdint.h>

#include "xml.h"

struct xw {
    struct xc_buf *out;
    struct xc_diags *d;
    const struct xc_domain *dom;
    int depth;        /* indentation level; two spaces each */
    bool active;      /* libvirt formats without VIR_DOMAIN_DEF_FORMAT_INACTIVE
                       * only for a domain with an id (sexpr2xml) */
    bool failed;      /* an error was reported; output is discarded */
};

/* Indentation and literal syntax (never values). */
void xw_indent(struct xw *w);
void xw_lit(struct xw *w, const char *s);
void xw_fmt(struct xw *w, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Indent, then the literal.  At depth 0-2 (<domain>'s children, the
 * devices) it is a flush point (common/buf.h): the output before it may
 * leave the buffer, so the writer never changes or takes back output
 * across such a line; a failure fails the whole document. */
void xw_line(struct xw *w, const char *s);

/* Escaped values.  what names the value in a diagnostic ("disk source"). */
void xw_value_text(struct xw *w, const char *s, struct xc_pos pos, const char *what);
void xw_value_attr(struct xw *w, const char *s, struct xc_pos pos, const char *what);

/* " name='value'" when v is set; nothing otherwise. */
void xw_attr(struct xw *w, const char *name, const struct xc_str *v);
/* " name='s'" for a plain string (s != NULL). */
void xw_attr_s(struct xw *w, const char *name, const char *s);
void xw_attr_u(struct xw *w, const char *name, unsigned long long v);
/* "<name>value</name>\n" (indented) when v is set. */
void xw_text_elem(struct xw *w, const char *name, const struct xc_str *v);

/* libvirt's cpuset canonical form (virBitmapFormat of virBitmapParse): the
 * value is printed as "0-3,5"; a value libvirt could not parse is printed
 * as given (escaped). */
void xw_cpuset_attr(struct xw *w, const char *name, const struct xc_str *v);

/* A string compare that treats NULL as "". */
bool xw_streq(const char *a, const char *b);

/* Warn that a part of the model cannot be expressed in domain XML. */
void xw_lost(struct xw *w, struct xc_pos pos, const char *what);

/* The <devices> element (xml_write_devices.c). */
void xw_devices(struct xw *w);

#endif
