/* The one place where a value becomes an sxpr atom.
 *
 * libvirt quoted most values as '...' with virBufferEscapeSexpr (a
 * backslash before ' and \), left a few unescaped (vnc and sdl settings:
 * a quote there ended the string), and wrote chardev specs bare, where
 * its escapes were not escapes at all (a bare atom has none).  Here every
 * value is one atom whatever it holds:
 * - quoted atoms escape ' and \ as libvirt did, and also control bytes
 *   (\n \t \r, else \xHH with exactly two digits), which both readers
 *   decode: sxpr_parse.c and xend's sxp.py (whose hex escape takes two
 *   digits; a raw newline would survive too, but a value should not
 *   change the line structure of the output);
 * - bare atoms are used only for values both readers take as one atom:
 *   sxp.py ends a bare atom at blanks and at any of {}()<>[]!;# and
 *   refuses a non-printable first byte; ours ends it at blanks and
 *   parentheses and keeps quotes and backslashes.  Anything else is
 *   quoted, which xend reads the same (a deliberate difference from
 *   libvirt, for values it would have broken on). */
#include "sxpr_write.h"

#include <string.h>

static bool bare_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9') || strchr(".-_:/~,@=+", c) != NULL;
}

bool xc_sxw_bare_safe(const char *v)
{
    if (!*v)
        return false;
    for (const unsigned char *p = (const unsigned char *)v; *p; p++)
        if (!bare_byte(*p))
            return false;
    return true;
}

void xc_sxw_atom(struct xc_buf *b, const char *v, enum xc_sxw_style style)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)v;
    const unsigned char *run = p;

    if (style == XC_SXW_BARE_IF_SAFE && xc_sxw_bare_safe(v)) {
        xc_buf_add(b, v);
        return;
    }
    xc_buf_addc(b, '\'');
    /* copy runs of plain bytes at once; escape the rest */
    for (; *p; p++) {
        char esc[4];
        size_t n = 2;

        if (*p == '\'' || *p == '\\') {
            esc[1] = (char)*p;
        } else if (*p == '\n') {
            esc[1] = 'n';
        } else if (*p == '\t') {
            esc[1] = 't';
        } else if (*p == '\r') {
            esc[1] = 'r';
        } else if (*p < 0x20 || *p == 0x7f) {
            esc[1] = 'x';
            esc[2] = hex[*p >> 4];
            esc[3] = hex[*p & 0xf];
            n = 4;
        } else {
            continue;
        }
        esc[0] = '\\';
        xc_buf_add_len(b, (const char *)run, (size_t)(p - run));
        xc_buf_add_len(b, esc, n);
        run = p + 1;
    }
    xc_buf_add_len(b, (const char *)run, (size_t)(p - run));
    xc_buf_addc(b, '\'');
}
