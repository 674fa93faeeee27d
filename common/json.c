#include "json.h"

#include <string.h>

/* Length of the well-formed UTF-8 sequence at s (n bytes left), 0 if the
 * byte at s does not start one (RFC 3629, Table 3-7 of Unicode). */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned char lo = 0x80, hi = 0xbf;   /* range of the second byte */
    if (c >= 0xc2 && c <= 0xdf)
        len = 2;
    else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        if (c == 0xe0)
            lo = 0xa0;           /* no overlong forms */
        else if (c == 0xed)
            hi = 0x9f;           /* no surrogates */
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        if (c == 0xf0)
            lo = 0x90;
        else if (c == 0xf4)
            hi = 0x8f;           /* nothing above U+10FFFF */
    } else
        return 0;
    if (n < len || s[1] < lo || s[1] > hi)
        return 0;
    for (size_t i = 2; i < len; i++)
        if (s[i] < 0x80 || s[i] > 0xbf)
            return 0;
    return len;
}

void xc_json_string_len(struct xc_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s;
    size_t i = 0, run = 0;   /* run: bytes at p+i-run.. copied verbatim */

    xc_buf_addc(b, '"');
    while (i < n) {
        unsigned char c = p[i];
        const char *esc = NULL;
        char u[7];
        size_t len = 1;
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            i++;
            run++;
            continue;
        }
        if (c >= 0x80) {
            len = utf8_seq(p + i, n - i);
            if (len) {
                i += len;
                run += len;
                continue;
            }
            esc = "\\ufffd";
            len = 1;
        } else {
            switch (c) {
            case '"': esc = "\\\""; break;
            case '\\': esc = "\\\\"; break;
            case '\b': esc = "\\b"; break;
            case '\f': esc = "\\f"; break;
            case '\n': esc = "\\n"; break;
            case '\r': esc = "\\r"; break;
            case '\t': esc = "\\t"; break;
            default:
                memcpy(u, "\\u00", 4);
                u[4] = hex[c >> 4];
                u[5] = hex[c & 15];
                u[6] = '\0';
                esc = u;
            }
        }
        xc_buf_add_len(b, (const char *)p + i - run, run);
        run = 0;
        xc_buf_add(b, esc);
        i += len;
    }
    xc_buf_add_len(b, (const char *)p + i - run, run);
    xc_buf_addc(b, '"');
}

void xc_json_string(struct xc_buf *b, const char *s)
{
    if (!s)
        xc_buf_add(b, "null");
    else
        xc_json_string_len(b, s, strlen(s));
}
