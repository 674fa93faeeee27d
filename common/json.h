/* JSON text output: string escaping that is safe for any bytes. */
#ifndef XC_JSON_H
#define XC_JSON_H

#include <stddef.h>

#include "buf.h"

/* Append s (n bytes, may hold NUL) as a JSON string, quotes included.
 * '"' and '\\' are escaped, \b \f \n \r \t use their short forms, every
 * other byte below 0x20 and 0x7f is written \u00XX; well-formed UTF-8
 * passes through unchanged; each byte of an ill-formed UTF-8 sequence
 * (stray continuation byte, truncated or overlong sequence, surrogate,
 * code point above U+10FFFF) becomes \uFFFD.  The result is valid UTF-8
 * and valid JSON whatever the input. */
void xc_json_string_len(struct xc_buf *b, const char *s, size_t n);
/* The same for a C string; NULL is written as null. */
void xc_json_string(struct xc_buf *b, const char *s);

#endif
