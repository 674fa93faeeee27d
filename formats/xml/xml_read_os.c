/* <os>, <features> and <clock> (virDomainDefParseCaps, ParseBootOptions,
 * FeaturesDefParse, DefClockParse, TimerDefParseXML). */
#include <stdlib.h>
#include <string.h>

#include "xml_read_priv.h"
#include "xml_units.h"

static const char *const arches[] = {
    "aarch64", "alpha", "armv6l", "armv7l", "armv7b", "cris", "i686", "ia64",
    "lm32", "loongarch64", "m68k", "microblaze", "microblazeel", "mips",
    "mipsel", "mips64", "mips64el", "openrisc", "parisc", "parisc64", "ppc",
    "ppcle", "ppc64", "ppc64le", "ppcemb", "riscv32", "riscv64", "s390",
    "s390x", "sh4", "sh4eb", "sparc", "sparc64", "unicore32", "x86_64",
    "xtensa", "xtensaeb", NULL};

int xr_os_type_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    const char *arch = xr_attr(c, "arch");
    if (arch && *arch) {
        if (!xr_in_list(arches, arch))
            return xr_error(c, xr_attr_pos(c, "arch"), "Unknown architecture %s", arch);
        xc_str_set(&c->dom->os.arch, arch, xr_attr_pos(c, "arch"));
    }
    const char *machine = xr_attr(c, "machine");
    if (machine && *machine)
        xc_str_set(&c->dom->os.machine, machine, xr_attr_pos(c, "machine"));
    return 0;
}

int xr_os_type_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (!n)
        return 0;
    c->have_os_type = true;
    c->dom->os.type_pos = f->pos;
    bool xen = c->dom->virt_type.s && strcmp(c->dom->virt_type.s, "xen") == 0;
    if (strcmp(t, "linux") == 0 && xen) {
        c->dom->os.type = XC_OS_XEN;
        return 0;
    }
    int v = xc_enum_parse(XC_T_OS_TYPE, t);
    if (v >= 0) {
        c->dom->os.type = (enum xc_os_type)v;
        return 0;
    }
    static const char *const other[] = {"linux", "exe", "uml", NULL};
    if (xr_in_list(other, t)) {
        struct xc_buf key = {0};
        xc_buf_addf(&key, "%s='%s'", xr_path(c), t);
        xr_unmodeled(c, f->pos, xc_buf_str(&key), t);
        xc_buf_free(&key);
        return 0;
    }
    return xr_error(c, f->pos, "unknown OS type '%s'", t);
}

int xr_loader_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    int v;
    if (xr_attr_tristate(c, "readonly", &c->dom->os.loader_readonly) < 0)
        return -1;
    int r = xr_attr_enum(c, "type", XC_T_LOADER_TYPE, NULL, &v);
    if (r < 0)
        return -1;
    if (r == 1)
        c->dom->os.loader_type = (enum xc_loader_type)v;
    return 0;
}

int xr_loader_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (n)
        xr_text_set(&c->dom->os.loader, t, n, f->pos);
    return 0;
}

int xr_os_text_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    struct xc_os *os = &c->dom->os;
    struct xc_str *dst = NULL;
    switch (f->id) {
    case XR_OS_NVRAM: dst = &os->nvram; break;
    case XR_OS_KERNEL: dst = &os->kernel; break;
    case XR_OS_INITRD: dst = &os->initrd; break;
    case XR_OS_CMDLINE: dst = &os->cmdline; break;
    case XR_OS_ROOT: dst = &os->root; break;
    case XR_OS_DTB: dst = &os->dtb; break;
    default: return 0;
    }
    if (n)
        xr_text_set(dst, t, n, f->pos);
    return 0;
}

int xr_boot_start(struct xr_ctx *c, struct xr_frame *f)
{
    const char *dev = xr_attr(c, "dev");
    if (!dev)
        return xr_error(c, f->pos, "Missing required attribute 'dev' in element 'boot'");
    int v = xc_enum_parse(XC_T_BOOT_DEV, dev);
    if (v < 0)
        return xr_error(c, xr_attr_pos(c, "dev"),
                        "Invalid value for attribute 'dev' in element 'boot': '%s'", dev);
    if (c->dom->os.nboot >= XC_MAX_BOOT_DEVS) {
        xc_lost(c->d, f->pos, "unmodeled",
                "a <boot> beyond the first %d (libvirt ignores it)",
                XC_MAX_BOOT_DEVS);
        xc_domain_add_leftover(c->dom, xr_path(c), dev, f->pos);
        return 0;
    }
    c->dom->os.boot[c->dom->os.nboot++] = (enum xc_boot_dev)v;
    struct xc_pos *p = xc_vec_push(&c->boot_pos);
    *p = f->pos;
    return 0;
}

int xr_bootmenu_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    return xr_attr_tristate(c, "enable", &c->dom->os.bootmenu) < 0 ? -1 : 0;
}

/* virFileSanitizePath: collapse repeated '/' and drop a trailing one. */
static char *sanitize_path(const char *path)
{
    char *clean = xc_strdup(path);
    const char *uri = strstr(path, "://");
    const char *slash = strchr(path, '/');
    if (uri && slash > uri)
        return clean;
    const char *cur = path;
    size_t idx = 0;
    if (cur[0] == '/' && cur[1] == '/' && cur[2] != '/') {
        idx = 2;
        cur += 2;
    }
    while (*cur) {
        if (*cur != '/') {
            clean[idx++] = *cur++;
            continue;
        }
        while (*++cur == '/')
            ;
        if (idx != 0 && *cur == '\0')
            break;
        clean[idx++] = '/';
    }
    clean[idx] = '\0';
    return clean;
}

int xr_acpi_table_start(struct xr_ctx *c, struct xr_frame *f)
{
    if (++c->nacpi_tables > 1)
        return xr_error(c, f->pos, "Only one acpi table is supported");
    const char *type = xr_attr(c, "type");
    if (!type)
        return xr_error(c, f->pos, "Missing acpi table type");
    if (strcmp(type, "slic") != 0)
        return xr_error(c, xr_attr_pos(c, "type"), "Unknown acpi table type: %s", type);
    return 0;
}

int xr_acpi_table_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)n;
    char *clean = sanitize_path(t);
    xc_str_set(&c->dom->os.slic_table, clean, f->pos);
    free(clean);
    return 0;
}

/* ---- features ------------------------------------------------------------ */

static const char *const libvirt_features[] = {
    "acpi", "apic", "pae", "hap", "viridian", "privnet", "hyperv", "kvm",
    "pvspinlock", "capabilities", "pmu", "vmport", "gic", "smm", "ioapic",
    "hpt", "vmcoreinfo", "htm", "nested-hv", "msrs", "ccf-assist", "xen",
    "cfpc", "sbbc", "ibs", "tcg", "async-teardown", NULL};

int xr_feature_start(struct xr_ctx *c, struct xr_frame *f)
{
    const char *name = f->name;
    struct xc_features *ft = &c->dom->features;
    int idx = -1;
    bool stateful = false;
    if (strcmp(name, "acpi") == 0) idx = XC_FEAT_ACPI;
    else if (strcmp(name, "apic") == 0) idx = XC_FEAT_APIC;
    else if (strcmp(name, "pae") == 0) idx = XC_FEAT_PAE;
    else if (strcmp(name, "viridian") == 0) idx = XC_FEAT_VIRIDIAN;
    else if (strcmp(name, "hpt") == 0) idx = XC_FEAT_HPT;
    else if (strcmp(name, "hap") == 0) { idx = XC_FEAT_HAP; stateful = true; }
    else if (strcmp(name, "pvspinlock") == 0) { idx = XC_FEAT_PVSPINLOCK; stateful = true; }
    else if (strcmp(name, "xen") == 0)
        return 0;   /* children handled by xr_feature_xen_child_start */

    if (idx >= 0) {
        enum xc_tristate st = XC_TRI_YES;
        if (stateful && xr_attr_switch(c, "state", &st) < 0)
            return -1;
        if (st == XC_TRI_ABSENT)
            st = XC_TRI_YES;
        ft->f[idx] = st;
        return 0;
    }
    if (!xr_in_list(libvirt_features, name))
        return xr_error(c, f->pos, "unexpected feature '%s'", name);
    /* A feature libvirt knows but the model does not hold. */
    xr_attrs_all_used(c);
    xr_unmodeled(c, f->pos, xr_path(c), NULL);
    f->id = XR_UNKNOWN;
    return 0;
}

int xr_feature_xen_child_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_features *ft = &c->dom->features;
    if (f->id == XR_UNKNOWN)
        return xr_error(c, f->pos, "unsupported Xen feature: %s", f->name);
    enum xc_tristate st = XC_TRI_ABSENT;
    int r = xr_attr_switch(c, "state", &st);
    if (r < 0)
        return -1;
    if (r == 0)
        return xr_error(c, f->pos, "Missing required attribute 'state' in element '%s'", f->name);
    if (f->id == XR_FEAT_XEN_E820) {
        ft->xen_e820_host = st;
        return 0;
    }
    ft->xen_passthrough = st;
    if (st != XC_TRI_YES)
        return 0;
    int v;
    r = xr_attr_enum(c, "mode", XC_T_PASSTHROUGH_MODE, NULL, &v);
    if (r < 0)
        return -1;
    if (r == 1)
        ft->xen_passthrough_mode = (enum xc_passthrough_mode)v;
    return 0;
}

/* ---- clock ---------------------------------------------------------------- */

int xr_clock_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    struct xc_clock *ck = &c->dom->clock;
    static const char *const libvirt_only[] = {"absolute", NULL};
    int v = 0;
    int r = xr_attr_enum(c, "offset", XC_T_CLOCK_OFFSET, libvirt_only, &v);
    if (r < 0)
        return -1;
    if (r == 2) {
        xr_attrs_all_used(c);
        return 0;
    }
    if (r == 1)
        ck->offset = (enum xc_clock_offset)v;
    switch (ck->offset) {
    case XC_CLOCK_NONE:
    case XC_CLOCK_UTC:
    case XC_CLOCK_LOCALTIME: {
        const char *adj = xr_attr(c, "adjustment");
        if (!adj)
            break;
        if (strcmp(adj, "reset") == 0) {
            ck->utc_reset = true;
            break;
        }
        long long a;
        if (xc_parse_ll(adj, 10, &a) < 0)
            return xr_error(c, xr_attr_pos(c, "adjustment"),
                            "unknown clock adjustment '%s'", adj);
        ck->basis = ck->offset == XC_CLOCK_LOCALTIME ? XC_BASIS_LOCALTIME : XC_BASIS_UTC;
        ck->offset = XC_CLOCK_VARIABLE;
        ck->has_adjustment = true;
        ck->adjustment = a;
        break;
    }
    case XC_CLOCK_VARIABLE: {
        const char *adj = xr_attr(c, "adjustment");
        long long a = 0;
        if (adj && xc_parse_ll(adj, 10, &a) < 0) {
            xc_warn(c->d, xr_attr_pos(c, "adjustment"), "invalid",
                    "clock adjustment '%s' is not a number; libvirt uses 0", adj);
            a = 0;
        }
        ck->has_adjustment = true;
        ck->adjustment = a;
        int b = 0;
        r = xr_attr_enum(c, "basis", XC_T_CLOCK_BASIS, NULL, &b);
        if (r < 0)
            return -1;
        ck->basis = r == 1 ? (enum xc_clock_basis)b : XC_BASIS_UTC;
        break;
    }
    case XC_CLOCK_TIMEZONE:
        if (xr_attr_str(c, "timezone", &ck->timezone) == 0)
            return xr_error(c, f->pos, "missing 'timezone' attribute for clock with offset='timezone'");
        break;
    }
    return 0;
}

static const char *const timer_names[] = {
    "platform", "pit", "rtc", "hpet", "tsc", "kvmclock", "hypervclock",
    "armvtimer", NULL};
static const char *const tickpolicies[] = {"delay", "catchup", "merge", "discard", NULL};
static const char *const tracks[] = {"boot", "guest", "wall", "realtime", NULL};
static const char *const timer_modes[] = {"auto", "native", "emulate", "paravirt", "smpsafe", NULL};

int xr_timer_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_timer *t = xc_vec_push(&c->dom->clock.timers);
    int r = xr_attr_oneof(c, "name", timer_names, &t->name);
    if (r < 0)
        return -1;
    if (r == 0)
        return xr_error(c, f->pos, "Missing required attribute 'name' in element 'timer'");
    if (xr_attr_tristate(c, "present", &t->present) < 0 ||
        xr_attr_oneof(c, "tickpolicy", tickpolicies, &t->tickpolicy) < 0 ||
        xr_attr_oneof(c, "track", tracks, &t->track) < 0 ||
        xr_attr_oneof(c, "mode", timer_modes, &t->mode) < 0)
        return -1;
    unsigned long long freq;
    r = xr_attr_ull(c, "frequency", 10, &freq);
    if (r < 0)
        return -1;
    if (r > 0) {
        t->has_frequency = true;
        t->frequency = freq;
    }
    return 0;
}
