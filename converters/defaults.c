/* xc_defaults_apply: libvirt 9.0.0's virDomainDefPostParse for the libxl
 * driver (and, for domain XML, virDomainDefValidate), step by step in
 * libvirt's order.  The steps live in the other defaults_*.c files.
 *
 * Deliberate differences and omissions:
 * - No <emulator> default: libvirt 9.0.0's libxl driver has no basic
 *   post-parse callback, so a config without device_model_override stays
 *   without one.  Likewise no loader default: xenParseXLOS (the xl reader)
 *   sets hvmloader, the xm reader takes it from kernel=.
 * - os.arch falls back to settings.arch and, for native input, os.machine
 *   to xenfv/xenpv/xenpvh: what libvirt's parsers take from the
 *   capabilities; a no-op when the reader already did it.
 * - Video vram defaults assume upstream qemu as device model (libvirt runs
 *   the emulator with -help to tell qemu-traditional apart).
 * - Nothing the model cannot hold: per-device boot order, vCPU hotplug
 *   state, hugepages, SCSI hostdevs, smartcards, spice listen type none,
 *   firmware autoselection, disk snapshot modes, memory hotplug.
 * - The implicit disk controllers of one type are capped at 4096 plus one
 *   per disk on the bus (libvirt would try to add however many a huge
 *   drive address asks for).
 * - Every step is linear in the number of devices (hash of controller
 *   indexes, running maxima for target ports, first-member hash for
 *   duplicate checks). */
#include "defaults.h"

#include "defaults_priv.h"

/* virDomainDeviceInfoIterateFlags order, for the kinds the model has:
 * disks, nets, sounds, hostdevs, videos, controllers, serials, parallels,
 * channels, consoles, inputs, memballoon, graphics.  Only some kinds have
 * a post-parse step. */
static int device_iterator(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    for (size_t i = 0; i < dom->disks.n; i++)
        if (dflt_disk(st, &dom->disks.v[i]) < 0)
            return -1;
    for (size_t i = 0; i < dom->nets.n; i++)
        dflt_net(st, &dom->nets.v[i]);
    for (size_t i = 0; i < dom->hostdevs.n; i++)
        dflt_hostdev(st, &dom->hostdevs.v[i]);
    for (size_t i = 0; i < dom->videos.n; i++)
        dflt_video(st, &dom->videos.v[i]);
    return dflt_chr_lists(st);
}

/* virDomainDefPostParseCommon */
static int post_parse_common(struct dflt *st)
{
    if (dflt_memory(st) < 0)
        return -1;
    dflt_os_loader(st);
    if (dflt_ctrl_reject_duplicates(st) < 0)
        return -1;
    if (dflt_hvm(st))
        dflt_boot_order(st);
    if (dflt_timers(st) < 0)
        return -1;

    /* virDomainDefAddImplicitDevices */
    if (dflt_console_compat(st) < 0)
        return -1;
    if (dflt_ctrl_implicit(st) < 0)
        return -1;
    dflt_video_implicit(st);

    dflt_video_primary(st);
    if (dflt_serial0(st) < 0)
        return -1;
    return dflt_cpu(st);
}

int xc_defaults_apply(struct xc_domain *dom, const struct xc_settings *set,
                      enum xc_origin origin, struct xc_diags *d)
{
    struct dflt st = {.dom = dom, .set = set, .origin = origin, .d = d};
    int rc = -1;

    /* What libvirt's parsers fill from the capabilities before post-parse,
     * for a reader that left it unset. */
    dflt_os_caps(&st);
    dflt_clock_basis(&st);

    dflt_ctrl_init(&st);
    dflt_ctrl_assign_indexes(&st);

    /* libxlDomainDefPostParse */
    dflt_pv_console(&st);
    dflt_inputs(&st);
    dflt_libxl_features(&st);
    dflt_memballoon(&st);
    dflt_ctrl_xenbus(&st);

    if (dflt_isa_serials(&st) < 0)
        goto out;
    if (device_iterator(&st) < 0)
        goto out;
    if (post_parse_common(&st) < 0)
        goto out;
    /* virDomainDefPostParseCheckFeatures */
    if (dflt_name(&st) < 0)
        goto out;

    /* virDomainDefParseNode validates what it parsed; xenParseXL does not. */
    if (origin == XC_ORIGIN_XML && dflt_validate(&st) < 0)
        goto out;
    rc = 0;
out:
    dflt_ctrl_fini(&st);
    return rc;
}
