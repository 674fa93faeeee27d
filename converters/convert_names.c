/* Format names, aliases, file extensions and output paths of convert. */
#include <string.h>

#include "../common/buf.h"
#include "../common/xalloc.h"
#include "convert.h"

static const struct {
    const char *name, *alias, *ext;
} known[] = {
    {"xen-xl", "xl", ".cfg"},
    {"xen-xm", "xm", ".cfg"},
    {"xen-sxpr", "sxpr", ".sxpr"},
    {"xml", "domxml", ".xml"},
};

const struct xc_format *xc_convert_format(const char *name,
                                          const char **canonical)
{
    const char *canon = NULL;
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (strcmp(name, known[i].name) == 0 ||
            strcmp(name, known[i].alias) == 0)
            canon = known[i].name;
    const struct xc_format *f = xc_format_find(canon ? canon : name);
    if (f && !canon)
        canon = f->name;     /* registered under a name not listed above */
    if (canonical)
        *canonical = canon;
    return f;
}

const char *xc_convert_extension(const char *canonical)
{
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++)
        if (strcmp(canonical, known[i].name) == 0)
            return known[i].ext;
    return ".cfg";
}

char *xc_convert_output_path(const char *dir, const char *input,
                             const char *ext)
{
    const char *base = strrchr(input, '/');
    base = base ? base + 1 : input;
    if (!*base || strcmp(base, ".") == 0 || strcmp(base, "..") == 0)
        return NULL;
    /* the extension is from the last '.', unless that starts the name */
    const char *dot = strrchr(base, '.');
    size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    struct xc_buf b = {0};
    size_t dlen = strlen(dir);
    xc_buf_add(&b, dir);
    if (dlen && dir[dlen - 1] != '/')
        xc_buf_addc(&b, '/');
    xc_buf_add_len(&b, base, stem);
    xc_buf_add(&b, ext);
    return xc_buf_steal(&b);
}
