/* c_info and the common part of b_info: libvirt 9.0.0's
 * libxlMakeDomCreateInfo and libxlMakeDomBuildInfo up to the per-type
 * part (libxl_bridge_hvm.c), plus the lifecycle actions of
 * libxlBuildDomainConfig. */
#include <string.h>

#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

static libxl_action_on_shutdown action(enum xc_lifecycle lc)
{
    switch (lc) {
    case XC_LC_DESTROY: return LIBXL_ACTION_ON_SHUTDOWN_DESTROY;
    case XC_LC_RESTART: return LIBXL_ACTION_ON_SHUTDOWN_RESTART;
    case XC_LC_RENAME_RESTART: return LIBXL_ACTION_ON_SHUTDOWN_RESTART_RENAME;
    case XC_LC_PRESERVE: return LIBXL_ACTION_ON_SHUTDOWN_PRESERVE;
    case XC_LC_COREDUMP_DESTROY: return LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_DESTROY;
    case XC_LC_COREDUMP_RESTART: return LIBXL_ACTION_ON_SHUTDOWN_COREDUMP_RESTART;
    case XC_LC_NONE: break;
    }
    return 0;
}

int xlb_create_info(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_create_info *c = &b->cfg->c_info;
    char uuid[37];

    if (b->hvm || b->pvh) {
        c->type = b->hvm ? LIBXL_DOMAIN_TYPE_HVM : LIBXL_DOMAIN_TYPE_PVH;
        if (dom->features.f[XC_FEAT_HAP] == XC_TRI_YES)
            libxl_defbool_set(&c->hap, true);
        else if (dom->features.f[XC_FEAT_HAP] == XC_TRI_NO)
            libxl_defbool_set(&c->hap, false);
    } else {
        c->type = LIBXL_DOMAIN_TYPE_PV;
    }
    if (dom->features.xen_passthrough == XC_TRI_YES) {
        c->passthrough = dom->features.xen_passthrough_mode == XC_PT_SYNC_PT
            ? LIBXL_PASSTHROUGH_SYNC_PT
            : dom->features.xen_passthrough_mode == XC_PT_SHARE_PT
            ? LIBXL_PASSTHROUGH_SHARE_PT : LIBXL_PASSTHROUGH_ENABLED;
    } else if (dom->features.xen_passthrough == XC_TRI_NO) {
        c->passthrough = LIBXL_PASSTHROUGH_DISABLED;
    }
    if (!dom->name.s) {
        xc_error(b->d, xc_nopos, XLB_CHECK, "the domain has no name");
        return -1;
    }
    c->name = xc_strdup(dom->name.s);
    xc_uuid_format(dom->uuid, uuid);
    if (libxl_uuid_from_string(&c->uuid, uuid) != 0) {
        xc_error(b->d, dom->name.pos, XLB_CHECK, "libxl cannot parse the uuid '%s'", uuid);
        return -1;
    }
    b->cfg->on_reboot = action(dom->on_reboot);
    b->cfg->on_poweroff = action(dom->on_poweroff);
    b->cfg->on_crash = action(dom->on_crash);
    return 0;
}

static uint64_t round_mib(uint64_t kib)
{
    return (kib + 1023) / 1024 * 1024;
}

int xlb_build_info(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    unsigned maxv = dom->has_vcpus ? dom->maxvcpus : 1;
    unsigned curv = dom->has_current_vcpus ? dom->current_vcpus : maxv;

    libxl_domain_build_info_init_type(bi, b->hvm ? LIBXL_DOMAIN_TYPE_HVM
                                      : b->pvh ? LIBXL_DOMAIN_TYPE_PVH
                                      : LIBXL_DOMAIN_TYPE_PV);
    bi->max_vcpus = (int)maxv;
    xlb_bitmap_alloc(b, &bi->avail_vcpus, maxv);
    for (unsigned i = 0; i < curv && i < maxv; i++)
        libxl_bitmap_set(&bi->avail_vcpus, (int)i);
    if (dom->cpuset.s)
        xc_lost(b->d, dom->cpuset.pos, "libxl-lost",
                "vcpu cpuset '%s' (libvirt 9.0.0's libxl driver pins only <vcputune><vcpupin>)",
                dom->cpuset.s);

    if (xlb_clock(b) < 0)
        return -1;

    if (dom->has_shares)
        bi->sched_params.weight = (int)dom->shares;

    /* Xen wants whole MiB */
    bi->max_memkb = round_mib(dom->memory_kib);
    bi->target_memkb = round_mib(dom->has_current_memory ? dom->current_memory_kib
                                                         : dom->memory_kib);

    for (size_t i = 0; i < dom->controllers.n; i++) {
        const struct xc_controller *c = &dom->controllers.v[i];
        if (c->type != XC_CTRL_XENBUS)
            continue;
        if (c->has_max_event_channels && c->max_event_channels > 0)
            bi->event_channels = c->max_event_channels;
        if (c->has_max_grant_frames && c->max_grant_frames > 0)
            bi->max_grant_frames = c->max_grant_frames;
    }

    if ((b->hvm || b->pvh) && xlb_cpu(b) < 0)
        return -1;
    if (b->hvm ? xlb_build_hvm(b) < 0 : xlb_build_pv(b) < 0)
        return -1;

    /* only the xen balloon; libvirt's XML always has one for Xen */
    if (dom->memballoon_model.s && strcmp(dom->memballoon_model.s, "xen") != 0) {
        if (strcmp(dom->memballoon_model.s, "none") == 0)
            xc_error(b->d, dom->memballoon_model.pos, XLB_CHECK,
                     "balloon device cannot be disabled");
        else
            xc_error(b->d, dom->memballoon_model.pos, XLB_CHECK,
                     "unsupported balloon device model '%s'", dom->memballoon_model.s);
        return -1;
    }

    bi->shadow_memkb = b->host->fixed_shadow
        ? b->host->shadow_memkb
        : libxl_get_required_shadow_memory(bi->max_memkb, (unsigned)bi->max_vcpus);

    if (dom->dm_args.n > 0) {
        bi->extra = xc_calloc(dom->dm_args.n + 1, sizeof *bi->extra);
        for (size_t i = 0; i < dom->dm_args.n; i++)
            bi->extra[i] = xc_strdup(dom->dm_args.v[i].s);
    }
    return 0;
}
