/* Escaping of values for libvirt domain XML: one function per context.
 *
 * Both contexts escape the five characters libvirt's virBufferEscapeString
 * escapes (& < > ' ") with the same entities, so ordinary values come out
 * byte for byte as libvirt prints them.  Where libvirt's output would not
 * read back as the same value we differ, and say so here:
 *
 * - libvirt silently drops bytes 0x01-0x08, 0x0B, 0x0C, 0x0E-0x19 and
 *   passes 0x1A-0x1F through (which makes the document ill-formed).  XML
 *   1.0 cannot hold any C0 control except TAB, LF and CR, so we refuse
 *   every such value instead of altering it.
 * - A value must be well-formed UTF-8 (RFC 3629: no overlong forms, no
 *   surrogates, nothing above U+10FFFF) and must not contain U+FFFE or
 *   U+FFFF, which are not XML characters.  libvirt copies such bytes
 *   through and produces a document no XML parser accepts; we refuse.
 * - CR in text, and TAB, LF and CR in attributes, would be changed by an
 *   XML parser's end-of-line and attribute-value normalisation, so they are
 *   written as character references (&#13; &#9; &#10;).  libvirt writes
 *   them raw.
 *
 * The escape functions check the whole value first and append nothing
 * when it is refused. */
#ifndef XC_XML_ESCAPE_H
#define XC_XML_ESCAPE_H

#include <stddef.h>

#include "../../common/buf.h"

enum xc_xml_bad {
    XC_XML_OK = 0,
    XC_XML_BAD_CONTROL,   /* a C0 control character XML 1.0 cannot hold */
    XC_XML_BAD_UTF8,      /* not well-formed UTF-8 */
    XC_XML_BAD_NONCHAR    /* U+FFFE or U+FFFF */
};

/* Check s; on failure *off (if not NULL) is the byte offset of the first
 * offending byte. */
enum xc_xml_bad xc_xml_check(const char *s, size_t *off);

/* Append s escaped for XML character data / for an attribute value
 * delimited by apostrophes (libvirt's style).  Nothing is appended when s
 * is refused. */
enum xc_xml_bad xc_xml_escape_text(struct xc_buf *b, const char *s, size_t *off);
enum xc_xml_bad xc_xml_escape_attr(struct xc_buf *b, const char *s, size_t *off);

/* A short English description of a refusal reason. */
const char *xc_xml_bad_reason(enum xc_xml_bad why);

#endif
