/* String and key spelling rules of the two readers of xl.cfg files:
 * xl (libxlutil, Xen 4.17) and libvirt's virConf.  Established by
 * experiment, see docs/xl-strings.md. */
#include <string.h>

#include "../../common/buf.h"
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

int xc_cfg_quote_virconf(struct xc_buf *out, const char *s)
{
    bool nl = strchr(s, '\n') != NULL;
    bool dq = strchr(s, '"') != NULL;
    bool sq = strchr(s, '\'') != NULL;
    bool cr = strchr(s, '\r') != NULL;
    /* virConf ends a "..." or '...' string at a CR; """...""" holds one */
    if (!nl && !dq && !cr) {
        xc_buf_addc(out, '"');
        xc_buf_add(out, s);
        xc_buf_addc(out, '"');
        return 0;
    }
    if (!nl && !sq && !cr) {
        xc_buf_addc(out, '\'');
        xc_buf_add(out, s);
        xc_buf_addc(out, '\'');
        return 0;
    }
    /* """s""" ends at the first """: s must not hold one, nor end in '"' */
    size_t n = strlen(s);
    if (strstr(s, "\"\"\"") || (n && s[n - 1] == '"'))
        return -1;
    xc_buf_add(out, "\"\"\"");
    xc_buf_add(out, s);
    xc_buf_add(out, "\"\"\"");
    return 0;
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
