/* Lookups and value accessors of the xen-sxpr reader: libvirt's
 * sexpr_lookup / sexpr_has / sexpr_node / sexpr_int semantics on our tree,
 * marking every list and atom they read (for the unused-key report) and
 * reporting bad values at their atom.  Loops only, never recursion. */
#include <limits.h>
#include <string.h>

#include "../xencommon/xen_read.h"
#include "sxpr_read.h"

xc_sx_id sxr_value_id(const struct sxr *r, xc_sx_id list)
{
    return xc_sx_next(r->t, xc_sx_first(r->t, list));
}

/* The first element after the head of list that is a list headed by the
 * n bytes at name (libvirt skips atoms and lists without an atom head). */
static xc_sx_id child(const struct sxr *r, xc_sx_id list, const char *name,
                      size_t n)
{
    for (xc_sx_id it = sxr_value_id(r, list); it; it = xc_sx_next(r->t, it))
        if (xc_sx_head_is(r->t, it, name, n))
            return it;
    return 0;
}

static xc_sx_id find(struct sxr *r, xc_sx_id list, const char *path,
                     bool mark)
{
    const char *comp = path;
    for (;;) {
        const char *slash = strchr(comp, '/');
        size_t n = slash ? (size_t)(slash - comp) : strlen(comp);
        list = child(r, list, comp, n);
        if (!list)
            return 0;
        if (mark)
            sxr_mark(r, list);
        if (!slash)
            return list;
        comp = slash + 1;
    }
}

xc_sx_id sxr_key(struct sxr *r, xc_sx_id list, const char *path)
{
    return find(r, list, path, true);
}

xc_sx_id sxr_peek(struct sxr *r, xc_sx_id list, const char *path)
{
    return find(r, list, path, false);
}

xc_sx_id sxr_lookup(struct sxr *r, xc_sx_id list, const char *path)
{
    /* an empty (key) is not found, so not read either */
    xc_sx_id k = find(r, list, path, false);
    return k && sxr_value_id(r, k) ? find(r, list, path, true) : 0;
}

const char *sxr_node(struct sxr *r, xc_sx_id list, const char *path,
                     xc_sx_id *id)
{
    xc_sx_id v = sxr_value_id(r, sxr_key(r, list, path));
    if (id)
        *id = 0;
    if (!v)
        return NULL;
    if (!xc_sx_is_atom(r->t, v)) {
        sxr_mark(r, v);
        sxr_error(r, sxr_pos(r, v), "bad-value", "'%s' holds a list where "
                  "a value is expected", path);
        return NULL;
    }
    sxr_mark(r, v);
    if (id)
        *id = v;
    return xc_sx_text(r->t, v);
}

void sxr_copy(struct sxr *r, xc_sx_id list, const char *path,
              struct xc_str *dst)
{
    xc_sx_id id;
    const char *s = sxr_node(r, list, path, &id);
    if (s && *s)
        xc_str_set(dst, s, sxr_pos(r, id));
}

/* Written like a base-0 number (sign, then decimal, 0 octal or 0x hex
 * digits): when strtol/strtoull still refuse it, it is out of range
 * rather than not a number. */
static bool numeric(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X') && s[2])
        return s[2 + strspn(s + 2, "0123456789abcdefABCDEF")] == '\0';
    if (s[0] == '0')
        return s[strspn(s, "01234567")] == '\0';
    return *s && s[strspn(s, "0123456789")] == '\0';
}

int sxr_int(struct sxr *r, xc_sx_id list, const char *path, long long min,
            long long max, long long *out)
{
    xc_sx_id id;
    const char *s = sxr_node(r, list, path, &id);
    long long v;
    if (!s)
        return 0;
    if (xcr_parse_ll(s, 0, &v) < 0) {
        if (numeric(s))
            sxr_error(r, sxr_pos(r, id), "bad-value", "%s: %s is out of "
                      "range (%lld to %lld)", path, s, min, max);
        else
            sxr_error(r, sxr_pos(r, id), "bad-value", "%s: '%s' is not an "
                      "integer (decimal, 0x hexadecimal or 0 octal)", path, s);
        return -1;
    }
    if (v < min || v > max) {
        sxr_error(r, sxr_pos(r, id), "bad-value", "%s: %lld is out of range "
                  "(%lld to %lld)", path, v, min, max);
        return -1;
    }
    *out = v;
    return 1;
}

int sxr_u64(struct sxr *r, xc_sx_id list, const char *path, uint64_t max,
            uint64_t *out)
{
    xc_sx_id id;
    const char *s = sxr_node(r, list, path, &id);
    unsigned long long v;
    if (!s)
        return 0;
    if (xcr_parse_ull(s, 0, &v) < 0) {
        if (numeric(s) && *s != '-')
            sxr_error(r, sxr_pos(r, id), "bad-value", "%s: %s is out of "
                      "range (at most %llu)", path, s,
                      (unsigned long long)max);
        else
            sxr_error(r, sxr_pos(r, id), "bad-value", "%s: '%s' is not a "
                      "non-negative integer of at most 64 bits", path, s);
        return -1;
    }
    if (v > max) {
        sxr_error(r, sxr_pos(r, id), "bad-value", "%s: %llu is out of range "
                  "(at most %llu)", path, v, (unsigned long long)max);
        return -1;
    }
    *out = v;
    return 1;
}

static const struct {
    enum sxr_scope_kind kind;
    const char *prefix;
} scope_names[SXR_NSCOPE_NAMES] = {
    [SXR_TOP] = {SXR_SC_TOP, ""},
    [SXR_IMAGE] = {SXR_SC_IMAGE, "image/"},
    [SXR_IMAGE_HVM] = {SXR_SC_IMAGE_KIND, "image/hvm/"},
    [SXR_IMAGE_LINUX] = {SXR_SC_IMAGE_KIND, "image/linux/"},
    [SXR_DEVICE] = {SXR_SC_DEVICE, "device/"},
    [SXR_DEV_VBD] = {SXR_SC_DEVICE_KIND, "device/vbd/"},
    [SXR_DEV_TAP2] = {SXR_SC_DEVICE_KIND, "device/tap2/"},
    [SXR_DEV_TAP] = {SXR_SC_DEVICE_KIND, "device/tap/"},
    [SXR_DEV_VIF] = {SXR_SC_DEVICE_KIND, "device/vif/"},
    [SXR_DEV_PCI] = {SXR_SC_DEVICE_KIND, "device/pci/"},
    [SXR_DEV_PCI_DEV] = {SXR_SC_PCI_DEV, "device/pci/dev/"},
    [SXR_DEV_VFB] = {SXR_SC_DEVICE_KIND, "device/vfb/"},
    [SXR_DEV_VKBD] = {SXR_SC_DEVICE_KIND, "device/vkbd/"},
};

_Static_assert(SXR_NSCOPE_NAMES <= 1u << (32 - SXR_SCOPE_SHIFT),
               "a scope name must fit above the list id");

void sxr_scope(struct sxr *r, xc_sx_id list, enum sxr_scope_name name)
{
    *xc_vec_push(&r->scopes) = list | (uint32_t)name << SXR_SCOPE_SHIFT;
    sxr_set_used(r, list, 2);
}

struct sxr_scope sxr_scope_at(const struct sxr *r, size_t i)
{
    uint32_t v = r->scopes.v[i];
    unsigned name = v >> SXR_SCOPE_SHIFT;
    return (struct sxr_scope){v & ((1u << SXR_SCOPE_SHIFT) - 1),
                              scope_names[name].kind,
                              scope_names[name].prefix};
}
