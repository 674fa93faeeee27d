/* String and key spelling rules of the two readers of xl.cfg files:
 * xl (libxlutil, Xen 4.17) and libvirt's virConf.  Established by
 * experiment, see docs/xl-strings.md. */
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/xalloc.h"
#include "cfg_int.h"

int xc_cfg_xl_unescape(char c)
{
    switch (c) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'v': return '\v';
    case '\\': return '\\';
    case '"': return '"';
    case '\'': return '\'';
    default: return -1;   /* \x.. is always refused, \NNN is mangled */
    }
}

/* Append s between quote characters q, backslash-escaping what xl would
 * otherwise read differently: the backslash itself, q, and a newline. */
static void add_escaped(struct xc_buf *out, const char *s, char q)
{
    xc_buf_addc(out, q);
    const char *run = s;
    for (const char *p = s; *p; p++) {
        const char *esc = NULL;
        if (*p == '\\')
            esc = "\\\\";
        else if (*p == '\n')
            esc = "\\n";
        else if (*p == q)
            esc = q == '"' ? "\\\"" : "\\'";
        if (!esc)
            continue;
        xc_buf_add_len(out, run, (size_t)(p - run));
        xc_buf_add_len(out, esc, 2);
        run = p + 1;
    }
    xc_buf_add(out, run);
    xc_buf_addc(out, q);
}

void xc_cfg_quote_xl(struct xc_buf *out, const char *s)
{
    /* libvirt: "s" unless s has a newline or '"'; then 's' unless it also
     * has '\''; else """s""" (which xl cannot read at all). */
    bool nl = strchr(s, '\n') != NULL;
    bool dq = strchr(s, '"') != NULL;
    bool sq = strchr(s, '\'') != NULL;
    if (!nl && !dq)
        add_escaped(out, s, '"');
    else if (!nl && !sq)
        add_escaped(out, s, '\'');
    else
        add_escaped(out, s, '"');
}

/* What virConf's quoting depends on, for a run of bytes. */
enum {
    VC_NL = 1, VC_CR = 2, VC_DQ = 4, VC_SQ = 8,
    VC_TDQ = 16,   /* holds """ */
};

static unsigned vc_byte(char c)
{
    return c == '\n' ? VC_NL : c == '\r' ? VC_CR : c == '"' ? VC_DQ :
           c == '\'' ? VC_SQ : 0;
}

/* Whether virConf can hold a string with these flags: "..." or '...'
 * (which end at a CR or newline, and at their own quote), else """...""",
 * which ends at the first """ (so the string must not end in '"'). */
static bool vc_holds(unsigned f, bool ends_dq)
{
    if (!(f & (VC_NL | VC_CR)) && (!(f & VC_DQ) || !(f & VC_SQ)))
        return true;
    return !(f & VC_TDQ) && !ends_dq;
}

/* Whether s[i-2..i] is """, all of it at or after start. */
static bool tdq_ends_at(const char *s, size_t start, size_t i)
{
    return i >= start + 2 && s[i] == '"' && s[i - 1] == '"' && s[i - 2] == '"';
}

static unsigned vc_flags(const char *s, size_t *len)
{
    unsigned f = 0;
    size_t n = 0;
    for (; s[n]; n++)
        f |= vc_byte(s[n]) | (tdq_ends_at(s, 0, n) ? VC_TDQ : 0);
    *len = n;
    return f;
}

bool xc_cfg_virconf_holds(const char *s)
{
    size_t n;
    unsigned f = vc_flags(s, &n);
    return vc_holds(f, n && s[n - 1] == '"');
}

int xc_cfg_quote_virconf(struct xc_buf *out, const char *s)
{
    size_t n;
    unsigned f = vc_flags(s, &n);
    const char *q = "\"\"\"";
    if (!vc_holds(f, n && s[n - 1] == '"'))
        return -1;
    if (!(f & (VC_NL | VC_CR | VC_DQ)))
        q = "\"";
    else if (!(f & (VC_NL | VC_CR | VC_SQ)))
        q = "'";
    xc_buf_add(out, q);
    xc_buf_add(out, s);
    xc_buf_add(out, q);
    return 0;
}

bool xc_cfg_virconf_split(const char *s, size_t from, char sep, size_t *cut)
{
    size_t n = strlen(s);
    if (from > n)
        return false;
    /* tail[i]: the flags of s[i..n); one backward pass keeps this linear */
    unsigned char *tail = xc_malloc(n - from + 1);
    unsigned acc = 0;
    tail[n - from] = 0;
    for (size_t i = n; i-- > from;) {
        acc |= vc_byte(s[i]) | (i + 2 < n && tdq_ends_at(s, i, i + 2) ? VC_TDQ : 0);
        tail[i - from] = (unsigned char)acc;
    }
    bool tail_ends_dq = n && s[n - 1] == '"';
    bool found = false;
    unsigned head = 0;
    for (size_t i = from; i < n && !found; i++) {
        if (s[i] == sep && vc_holds(head, i > from && s[i - 1] == '"') &&
            vc_holds(tail[i + 1 - from], i + 1 < n && tail_ends_dq)) {
            *cut = i;
            found = true;
        }
        head |= vc_byte(s[i]) | (tdq_ends_at(s, from, i) ? VC_TDQ : 0);
    }
    free(tail);
    return found;
}

static bool lower(char c) { return c >= 'a' && c <= 'z'; }
static bool upper(char c) { return c >= 'A' && c <= 'Z'; }
static bool digit(char c) { return c >= '0' && c <= '9'; }

bool xc_cfg_xl_key_ok(const char *key)
{
    if (!key || !lower(key[0]))
        return false;
    for (const char *p = key + 1; *p; p++)
        if (!lower(*p) && !digit(*p) && *p != '_' && *p != '.')
            return false;
    return true;
}

bool xc_cfg_virconf_key_ok(const char *key)
{
    if (!key || !(lower(key[0]) || upper(key[0])))
        return false;
    for (const char *p = key + 1; *p; p++)
        if (!lower(*p) && !upper(*p) && !digit(*p) && *p != '_')
            return false;
    return true;
}
