/* Escaping of values for libvirt domain XML (see xml_escape.h). */
#include "xml_escape.h"

#include <stdbool.h>

/* Length of the well-formed UTF-8 sequence at s (2..4), or 0. */
static size_t utf8_seq(const unsigned char *s, unsigned *cp)
{
    unsigned c = s[0];
    size_t n;
    unsigned v, min;

    if (c >= 0xC2 && c <= 0xDF) {
        n = 2; v = c & 0x1F; min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3; v = c & 0x0F; min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4; v = c & 0x07; min = 0x10000;
    } else {
        return 0;
    }
    for (size_t i = 1; i < n; i++) {
        /* A NUL terminator is not a continuation byte, so this never
         * reads past the end of the string. */
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
        return 0;
    *cp = v;
    return n;
}

enum xc_xml_bad xc_xml_check(const char *str, size_t *off)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t i = 0;

    while (s[i]) {
        unsigned char c = s[i];
        if (c < 0x20) {
            if (c != '\t' && c != '\n' && c != '\r') {
                if (off)
                    *off = i;
                return XC_XML_BAD_CONTROL;
            }
            i++;
        } else if (c < 0x80) {
            i++;
        } else {
            unsigned cp = 0;
            size_t n = utf8_seq(s + i, &cp);
            if (n == 0) {
                if (off)
                    *off = i;
                return XC_XML_BAD_UTF8;
            }
            if (cp == 0xFFFE || cp == 0xFFFF) {
                if (off)
                    *off = i;
                return XC_XML_BAD_NONCHAR;
            }
            i += n;
        }
    }
    return XC_XML_OK;
}

/* The replacement for byte c in the given context, or NULL to copy it. */
static const char *entity(unsigned char c, bool attr)
{
    switch (c) {
    case '&': return "&amp;";
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '\'': return "&apos;";
    case '"': return "&quot;";
    case '\r': return "&#13;";
    case '\t': return attr ? "&#9;" : NULL;
    case '\n': return attr ? "&#10;" : NULL;
    default: return NULL;
    }
}

static enum xc_xml_bad escape(struct xc_buf *b, const char *s, size_t *off, bool attr)
{
    enum xc_xml_bad why = xc_xml_check(s, off);
    if (why != XC_XML_OK)
        return why;

    /* Copy runs of plain bytes in one call: linear in the value length. */
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *e = entity((unsigned char)*p, attr);
        if (!e)
            continue;
        if (p > run)
            xc_buf_add_len(b, run, (size_t)(p - run));
        xc_buf_add(b, e);
        run = p + 1;
    }
    const char *end = run;
    while (*end)
        end++;
    if (end > run)
        xc_buf_add_len(b, run, (size_t)(end - run));
    return XC_XML_OK;
}

enum xc_xml_bad xc_xml_escape_text(struct xc_buf *b, const char *s, size_t *off)
{
    return escape(b, s, off, false);
}

enum xc_xml_bad xc_xml_escape_attr(struct xc_buf *b, const char *s, size_t *off)
{
    return escape(b, s, off, true);
}

const char *xc_xml_bad_reason(enum xc_xml_bad why)
{
    switch (why) {
    case XC_XML_OK: return "no problem";
    case XC_XML_BAD_CONTROL: return "a control character that XML 1.0 cannot represent";
    case XC_XML_BAD_UTF8: return "a byte sequence that is not valid UTF-8";
    case XC_XML_BAD_NONCHAR: return "U+FFFE or U+FFFF, which XML does not allow";
    }
    return "an unrepresentable value";
}
