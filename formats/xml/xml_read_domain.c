/* Top-level <domain> children: identity, memory, vcpus, tuning,
 * lifecycle and the libxl namespace (virDomainDefParseIDs, ParseCaps,
 * ParseMemory, VcpuParse, LifecycleParse; libxlDomainDefNamespaceParse). */
#include <stdlib.h>
#include <string.h>

#include "xml_read_priv.h"
#include "xml_units.h"

static const char *const virt_types[] = {
    "none", "qemu", "kqemu", "kvm", "xen", "lxc", "uml", "openvz", "test",
    "vmware", "hyperv", "vbox", "phyp", "parallels", "bhyve", "vz", NULL};

int xr_domain_start(struct xr_ctx *c, struct xr_frame *f)
{
    c->saw_domain = true;
    c->domain_pos = f->pos;
    const char *type = xr_attr(c, "type");
    if (!type)
        return xr_error(c, f->pos, "missing domain type attribute");
    if (!xr_in_list(virt_types, type))
        return xr_error(c, xr_attr_pos(c, "type"), "invalid domain type %s", type);
    xc_str_set(&c->dom->virt_type, type, xr_attr_pos(c, "type"));
    int id;
    int r = xr_attr_int(c, "id", 10, &id);
    if (r < 0)
        return -1;
    if (r > 0) {
        if (id < 0)
            return xr_error(c, xr_attr_pos(c, "id"), "invalid domain id %d", id);
        c->dom->has_id = true;
        c->dom->id = id;
    }
    return 0;
}

int xr_domain_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)t;
    (void)n;
    if (!c->dom->name.s)
        return xr_error(c, f->pos, "missing domain name information");
    return 0;
}

int xr_text_name(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)c;
    if (n)
        xr_text_set(&c->dom->name, t, n, f->pos);
    return 0;
}

int xr_text_uuid(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (!n)
        return 0;
    if (xc_uuid_parse(t, c->dom->uuid) < 0)
        return xr_error(c, f->pos, "malformed uuid element '%s'", t);
    c->dom->has_uuid = true;
    c->have_uuid = true;
    return 0;
}

int xr_text_title(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (!n)
        return 0;
    if (memchr(t, '\n', n))
        return xr_error(c, f->pos, "Domain title can't contain newlines");
    xr_text_set(&c->dom->title, t, n, f->pos);
    return 0;
}

int xr_text_description(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (n)
        xr_text_set(&c->dom->description, t, n, f->pos);
    return 0;
}

/* ---- memory -------------------------------------------------------------- */

int xr_memory_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    free(c->unit);
    c->unit = NULL;
    const char *u = xr_attr(c, "unit");
    if (u) {
        c->unit = xc_strdup(u);
        c->unit_pos = xr_attr_pos(c, "unit");
    }
    return 0;
}

int xr_memory_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    const char *what = f->id == XR_MEMORY ? "memory" : "currentMemory";
    char *unit = c->unit;
    c->unit = NULL;
    if (!n) {
        free(unit);
        return 0;   /* string() of an empty element: as if absent */
    }
    uint64_t kib;
    int rc = xc_parse_memory_kib(t, unit, &kib);
    int ret = 0;
    if (rc == -1)
        ret = xr_error(c, f->pos, "Invalid value '%s' for element or attribute './%s[1]'", t, what);
    else if (rc == -2)
        ret = xr_error(c, c->unit_pos, "unknown unit '%s' (expected b, KB, KiB, MB, MiB, GB, GiB, TB, TiB, PB, PiB, EB or EiB)", unit);
    else if (rc == -3)
        ret = xr_error(c, f->pos, "size value too large: %s%s", t, unit ? unit : "");
    free(unit);
    if (ret < 0)
        return -1;
    if (f->id == XR_MEMORY) {
        c->dom->has_memory = true;
        c->dom->memory_kib = kib;
    } else {
        c->dom->has_current_memory = true;
        c->dom->current_memory_kib = kib;
    }
    return 0;
}

/* ---- vcpus --------------------------------------------------------------- */

int xr_vcpu_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    unsigned cur;
    int r = xr_attr_uint(c, "current", 10, &cur);
    if (r < 0)
        return -1;
    if (r > 0) {
        c->dom->has_current_vcpus = true;
        c->dom->current_vcpus = cur;
    }
    static const char *const placements[] = {"static", "auto", NULL};
    if (xr_attr_oneof(c, "placement", placements, &c->dom->placement) < 0)
        return -1;
    const char *cpuset = xr_attr(c, "cpuset");
    if (cpuset) {
        struct xc_pos pos = xr_attr_pos(c, "cpuset");
        if (c->dom->placement.s && strcmp(c->dom->placement.s, "auto") == 0) {
            xc_lost(c->d, pos, "unmodeled",
                    "cpuset with placement='auto' (libvirt ignores it)");
            xc_domain_add_leftover(c->dom, "/domain/vcpu/@cpuset", cpuset, pos);
        } else {
            if (!xc_cpuset_valid(cpuset, 4096, false))
                return xr_error(c, pos, "Failed to parse bitmap '%s'", cpuset);
            if (!xc_cpuset_valid(cpuset, 4096, true))
                return xr_error(c, pos, "Invalid value of 'cpuset': %s", cpuset);
            xc_str_set(&c->dom->cpuset, cpuset, pos);
        }
    }
    return 0;
}

int xr_vcpu_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)n;
    unsigned max;
    if (xc_parse_uint(t, 10, &max) < 0)
        return xr_error(c, f->pos, "maximum vcpus count must be an integer");
    if (max == 0)
        return xr_error(c, f->pos, "domain config has no vcpus");
    c->dom->has_vcpus = true;
    c->dom->maxvcpus = max;
    c->have_vcpu = true;
    if (c->dom->has_current_vcpus && c->dom->current_vcpus > max)
        return xr_error(c, f->pos, "requested vcpus is greater than max allowable vcpus for the live domain: %u > %u",
                        c->dom->current_vcpus, max);
    return 0;
}

int xr_shares_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (!n)
        return 0;
    unsigned long long v;
    if (xc_parse_ull(t, 10, &v) < 0)
        return xr_error(c, f->pos, "can't parse cputune shares value");
    c->dom->has_shares = true;
    c->dom->shares = v;
    return 0;
}

int xr_text_bootloader(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (n)
        xr_text_set(&c->dom->os.bootloader, t, n, f->pos);
    return 0;
}

int xr_text_bootloader_args(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (n)
        xr_text_set(&c->dom->os.bootloader_args, t, n, f->pos);
    return 0;
}

int xr_lifecycle_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    const char *what = f->id == XR_ON_POWEROFF ? "on_poweroff"
                     : f->id == XR_ON_REBOOT ? "on_reboot" : "on_crash";
    if (!n)
        return 0;
    int v = xc_enum_parse(XC_T_LIFECYCLE, t);
    if (v < 0)
        return xr_error(c, f->pos, "invalid %s value: '%s'", what, t);
    if (f->id == XR_ON_POWEROFF) {
        c->dom->on_poweroff = (enum xc_lifecycle)v;
        c->have_on_poweroff = true;
    } else if (f->id == XR_ON_REBOOT) {
        c->dom->on_reboot = (enum xc_lifecycle)v;
        c->have_on_reboot = true;
    } else {
        c->dom->on_crash = (enum xc_lifecycle)v;
        c->have_on_crash = true;
    }
    return 0;
}

int xr_xen_arg_start(struct xr_ctx *c, struct xr_frame *f)
{
    const char *v = xr_attr(c, "value");
    if (!v)
        return xr_error(c, f->pos, "No device model command-line argument specified");
    struct xc_str *s = xc_vec_push(&c->dom->dm_args);
    xc_str_set(s, v, f->pos);
    return 0;
}
