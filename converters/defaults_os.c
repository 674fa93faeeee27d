/* Domain-wide post-parse steps: capabilities fallbacks, memory, loader,
 * boot order, timers, clock basis, cpu, name, and libxl's pae/acpi. */
#include "defaults_priv.h"

#include <string.h>

/* libvirt's XML parser fills os.arch from the host and xenParseXL fills
 * arch and machine from the driver capabilities (virCapabilitiesDomain-
 * DataLookup): x86_64, and xenfv / xenpv / xenpvh by os type.  Readers are
 * expected to do this; for one that did not, do it here. */
void dflt_os_caps(struct dflt *st)
{
    struct xc_os *os = &st->dom->os;

    if (!xc_str_isset(&os->arch) && st->set && st->set->arch)
        xc_str_set(&os->arch, st->set->arch, xc_nopos);

    if (st->origin != XC_ORIGIN_NATIVE || xc_str_isset(&os->machine))
        return;
    const char *machine = NULL;
    switch (os->type) {
    case XC_OS_HVM: machine = "xenfv"; break;
    case XC_OS_XEN: machine = "xenpv"; break;
    case XC_OS_XENPVH: machine = "xenpvh"; break;
    case XC_OS_NONE: break;
    }
    if (machine)
        xc_str_set(&os->machine, machine, xc_nopos);
}

int dflt_memory(struct dflt *st)
{
    struct xc_domain *dom = st->dom;
    uint64_t numa = 0;

    /* ABI_UPDATE (xenParseXL) or no <memory>: the NUMA cells decide. */
    if (dom->memory_kib == 0 || st->origin == XC_ORIGIN_NATIVE)
        for (size_t i = 0; i < dom->cpu.cells.n; i++)
            numa += dom->cpu.cells.v[i].memory_kib;
    if (numa) {
        dom->memory_kib = numa;
        dom->has_memory = true;
    }

    if (dom->memory_kib == 0) {
        xc_error(st->d, dom->name.pos, DFLT_CHECK,
                 "Memory size must be specified via <memory> or in the "
                 "<numa> configuration");
        return -1;
    }

    if (!dom->has_current_memory || dom->current_memory_kib == 0 ||
        dom->current_memory_kib > dom->memory_kib) {
        dom->current_memory_kib = dom->memory_kib;
        dom->has_current_memory = true;
    }
    return 0;
}

/* A loader with a path and no type is a rom. */
void dflt_os_loader(struct dflt *st)
{
    struct xc_os *os = &st->dom->os;

    if (xc_str_isset(&os->loader) && os->loader_type == XC_LOADER_NONE)
        os->loader_type = XC_LOADER_ROM;
}

/* HVM without any <boot> boots from the disk (the model has no per-device
 * boot order, so os/boot is all there is). */
void dflt_boot_order(struct dflt *st)
{
    struct xc_os *os = &st->dom->os;

    if (os->nboot == 0) {
        os->boot[0] = XC_BOOT_HD;
        os->nboot = 1;
    }
}

static bool name_in(const char *name, const char *const *list)
{
    for (; *list; list++)
        if (strcmp(name, *list) == 0)
            return true;
    return false;
}

int dflt_timers(struct dflt *st)
{
    static const char *const no_tickpolicy[] = {"kvmclock", "hypervclock", NULL};
    static const char *const track_ok[] = {"platform", "rtc", NULL};
    struct xc_clock *clock = &st->dom->clock;

    for (size_t i = 0; i < clock->timers.n; i++) {
        struct xc_timer *t = &clock->timers.v[i];
        const char *name = t->name.s ? t->name.s : "";
        const char *what = NULL;
        struct xc_pos pos = t->name.pos;

        if (name_in(name, no_tickpolicy) && xc_str_isset(&t->tickpolicy)) {
            what = "tickpolicy";
            pos = t->tickpolicy.pos;
        } else if (strcmp(name, "tsc") != 0 && t->has_frequency &&
                   t->frequency != 0) {
            what = "frequency";
        } else if (strcmp(name, "tsc") != 0 && xc_str_isset(&t->mode)) {
            what = "mode";
            pos = t->mode.pos;
        } else if (!name_in(name, track_ok) && xc_str_isset(&t->track)) {
            what = "track";
            pos = t->track.pos;
        }
        if (what) {
            xc_error(st->d, pos, DFLT_CHECK,
                     "timer %s doesn't support setting of timer %s", name, what);
            return -1;
        }
    }
    return 0;
}

/* offset='variable' without basis: libvirt's basis is utc (its zero). */
void dflt_clock_basis(struct dflt *st)
{
    struct xc_clock *clock = &st->dom->clock;

    if (clock->offset == XC_CLOCK_VARIABLE && clock->basis == XC_BASIS_NONE)
        clock->basis = XC_BASIS_UTC;
}

int dflt_cpu(struct dflt *st)
{
    struct xc_cpu *cpu = &st->dom->cpu;

    if (!cpu->present)
        return 0;
    bool custom = !xc_str_isset(&cpu->mode) || dflt_streq(&cpu->mode, "custom");
    if (custom && !xc_str_isset(&cpu->model) && xc_str_isset(&cpu->check) &&
        !dflt_streq(&cpu->check, "default")) {
        xc_error(st->d, cpu->check.pos, DFLT_CHECK,
                 "check attribute specified for CPU with no model");
        return -1;
    }
    return 0;
}

/* The libxl driver does not declare VIR_DOMAIN_DEF_FEATURE_NAME_SLASH. */
int dflt_name(struct dflt *st)
{
    struct xc_str *name = &st->dom->name;

    if (name->s && strchr(name->s, '/')) {
        xc_error(st->d, name->pos, DFLT_CHECK, "name %s cannot contain '/'",
                 name->s);
        return -1;
    }
    return 0;
}

/* libxlDomainDefPostParse: x86_64 HVM always has pae, and acpi when it
 * has vNUMA. */
void dflt_libxl_features(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    if (!dflt_hvm(st) || !dflt_streq(&dom->os.arch, "x86_64"))
        return;
    dom->features.f[XC_FEAT_PAE] = XC_TRI_YES;
    if (dom->cpu.cells.n > 0)
        dom->features.f[XC_FEAT_ACPI] = XC_TRI_YES;
}
