/* lint: bad-value checks on xl/xm entries that the readers do not make
 * (they stop reading a section at its first error, or ignore a key that
 * libvirt does not read).  Everything else that does not parse (MAC,
 * uuid, cpu list, disk spec through xlu_disk_parse, PCI BDF, lifecycle
 * actions, XML units) is the reader's own diagnostic (lint_reader.c). */
#include <string.h>

#include "lint_int.h"

/* Keys whose value is a count or a size: a whole number, not negative. */
static const char *const counts[] = {
    "memory", "maxmem", "vcpus", "maxvcpus", "shadow_memory", "videoram",
    "cpu_weight", "cap", "max_grant_frames", "max_maptrack_frames",
    "max_event_channels", "stubdomain_memory", NULL,
};

static bool all_digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

void xcl_values(struct xcl_file *c)
{
    for (size_t i = 0; i < c->cfg->entries.n; i++) {
        const struct xc_cfg_entry *e = &c->cfg->entries.v[i];
        const struct xc_cfg_value *v = &e->value;
        size_t k = 0;
        while (counts[k] && strcmp(counts[k], e->key) != 0)
            k++;
        if (!counts[k])
            continue;
        if (v->kind == XC_CFG_NUMBER && v->num < 0)
            xcl_add(c, XC_LINT_BAD_VALUE, XC_SEV_ERROR, v->pos,
                    "%s must not be negative (%s)", e->key, v->str);
        else if (v->kind == XC_CFG_STRING && !all_digits(v->str)) {
            struct xc_pos at = {v->pos.line, v->pos.col + 1};
            xcl_add(c, XC_LINT_BAD_VALUE, XC_SEV_ERROR, at,
                    "%s: '%s' is not a non-negative decimal number", e->key,
                    v->str);
        } else if (v->kind == XC_CFG_LIST)
            xcl_add(c, XC_LINT_BAD_VALUE, XC_SEV_ERROR, v->pos,
                    "%s: a list where a number is expected", e->key);
    }
}
