/* <cpu>: host-passthrough features as libxl cpuid policy and nested HVM
 * (libvirt 9.0.0's libxlMakeDomBuildInfo), and the NUMA cells as vnuma
 * nodes (libxlMakeVnumaList). */
#include <stdio.h>
#include <string.h>

#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

/* libvirt's feature names where libxl's cpuid names differ (the table of
 * xen_xl.c's xenTranslateCPUFeature: libvirt name, libxl name). */
static const char *const cpuid_names[][2] = {
    {"cx16", "cmpxchg16"}, {"cid", "cntxid"}, {"ds_cpl", "dscpl"},
    {"pclmuldq", "pclmulqdq"}, {"pni", "sse3"}, {"ht", "htt"},
    {"pn", "psn"}, {"clflush", "clfsh"}, {"sep", "sysenter"},
    {"cx8", "cmpxchg8"}, {"nodeid_msr", "nodeid"}, {"cr8legacy", "altmovcr8"},
    {"lahf_lm", "lahfsahf"}, {"cmp_legacy", "cmplegacy"}, {"fxsr_opt", "ffxsr"},
    {"pdpe1gb", "page1gb"}, {"spec-ctrl", "ibrsb"},
};

static const char *libxl_feature_name(const char *name)
{
    for (size_t i = 0; i < sizeof cpuid_names / sizeof cpuid_names[0]; i++)
        if (strcmp(cpuid_names[i][0], name) == 0)
            return cpuid_names[i][1];
    return name;
}

int xlb_cpu(struct xlb *b)
{
    const struct xc_cpu *cpu = &b->dom->cpu;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    const char *mode = cpu->mode.s ? cpu->mode.s : "";

    if (cpu->present && strcmp(mode, "host-passthrough") == 0) {
        const char *arch = b->dom->os.arch.s ? b->dom->os.arch.s : "x86_64";
        bool x86 = strcmp(arch, "x86_64") == 0 || strcmp(arch, "i686") == 0;
        bool vmx = x86 && b->host->vmx, svm = x86 && b->host->svm;
        bool hw = b->host->nested_hvm && (vmx || svm);

        for (size_t i = 0; i < cpu->features.n; i++) {
            const struct xc_cpu_feature *f = &cpu->features.v[i];
            const char *pol = f->policy.s ? f->policy.s : "require";
            const char *name = f->name.s ? f->name.s : "";
            bool off = strcmp(pol, "disable") == 0 || strcmp(pol, "forbid") == 0;
            bool on = strcmp(pol, "force") == 0 || strcmp(pol, "require") == 0;
            char spec[64];
            if (!off && !on)
                continue;
            if ((vmx && strcmp(name, "vmx") == 0) || (svm && strcmp(name, "svm") == 0)) {
                hw = on;
                continue;
            }
            snprintf(spec, sizeof spec, "%s=%d", libxl_feature_name(name), on);
            if (libxl_cpuid_parse_config(&bi->cpuid, spec) != 0) {
                xc_error(b->d, f->name.pos, XLB_CHECK, "unsupported cpu feature '%s'", name);
                return -1;
            }
        }
        if (b->host->legacy_nested_hvm) {
            if (!b->hvm) {
                xc_error(b->d, cpu->mode.pos, XLB_CHECK,
                         "unsupported nested HVM setting for a PVH machine on this Xen version");
                return -1;
            }
            libxl_defbool_set(&bi->u.hvm.nested_hvm, hw);
        } else {
            libxl_defbool_set(&bi->nested_hvm, hw);
        }
    }
    if (cpu->present && strcmp(mode, "custom") == 0 && cpu->model.s)
        xc_warn(b->d, cpu->model.pos, XLB_CHECK,
                "ignoring CPU with mode=custom: use mode=host-passthrough");
    return 0;
}

/* The configured distance, else the platform's local (10) or remote (20)
 * as libvirt's virDomainNumaGetNodeDistance. */
static unsigned distance(const struct xc_numa_cell *c, unsigned from, unsigned to)
{
    for (size_t i = 0; i < c->distances.n; i++)
        if (c->distances.v[i].id == to && c->distances.v[i].value)
            return c->distances.v[i].value;
    return from == to ? 10 : 20;
}

int xlb_vnuma(struct xlb *b)
{
    const struct xc_cpu *cpu = &b->dom->cpu;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    size_t n = cpu->cells.n;
    bool simulate;

    if (n == 0)
        return 0;
    simulate = n > b->host->nr_nodes;
    if (simulate)
        xc_warn(b->d, cpu->cells.v[0].pos, XLB_CHECK,
                "%zu NUMA cells exceed the host's %u nodes: all cells use physical node 0",
                n, b->host->nr_nodes);
    bi->vnuma_nodes = xc_calloc(n, sizeof *bi->vnuma_nodes);
    bi->num_vnuma_nodes = (int)n;
    for (size_t i = 0; i < n; i++) {
        const struct xc_numa_cell *c = &cpu->cells.v[i];
        libxl_vnode_info *p = &bi->vnuma_nodes[i];
        libxl_vnode_info_init(p);
        p->pnode = simulate ? 0 : (uint32_t)i;
        p->memkb = c->memory_kib;
        if (!c->cpus.s) {
            xc_error(b->d, c->pos, XLB_CHECK, "vnuma sibling %zu missing vcpus set", i);
            return -1;
        }
        xlb_bitmap_alloc(b, &p->vcpus, (unsigned)bi->max_vcpus);
        if (xlb_cpulist(b, c->cpus.s, c->cpus.pos, &p->vcpus, NULL) < 0)
            return -1;
        p->distances = xc_calloc(n, sizeof *p->distances);
        p->num_distances = (int)n;
        for (size_t j = 0; j < n; j++)
            p->distances[j] = distance(c, (unsigned)i, (unsigned)j);
    }
    return 0;
}
