/* The xm writer: struct xc_domain -> xm config text, as libvirt 9.0.0's
 * xenFormatXM builds its virConf (xenFormatConfigCommon, shared with xl
 * in formats/xencommon/, then the os keys, old-style disk specs and
 * usbdevice) and virConfWriteMem prints it: the cfg module's
 * XC_CFG_STYLE_VIRCONF, libvirt's bytes verbatim, since xm files are read
 * by libvirt and by Python's xm, not by xl (docs/xl-strings.md).
 *
 * What xm cannot express is a loss warning [not-carried]; what would
 * read back as another field is refused [unsafe-value]. */
#include "xm.h"

#include <stdlib.h>
#include <string.h>

#include "../xencommon/xen_write.h"

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

/* extra = cmdline, as libvirt writes it.  libvirt's reader joins root=
 * and extra= into one cmdline ("root=R E"); virConf has no escapes, so
 * such a join can hold what no single string can (a ' from one key and a
 * """ from the other): then the two keys it came from, which read back
 * the same (the writer refuses anything else it cannot quote). */
static void set_cmdline(struct xcw *w)
{
    const struct xc_str *c = &w->dom->os.cmdline;
    if (!c->s)
        return;
    size_t cut;
    if (xc_cfg_virconf_holds(c->s) || strncmp(c->s, "root=", 5) != 0 ||
        !xc_cfg_virconf_split(c->s, 5, ' ', &cut)) {
        xcw_set_xstr(w, "extra", c);
        return;
    }
    char *root = xc_strndup(c->s + 5, cut - 5);
    xcw_set_str(w, "root", root, c->pos);
    xcw_set_str(w, "extra", c->s + cut + 1, c->pos);
    free(root);
}

/* xenFormatXMOS */
static void fmt_os(struct xcw *w)
{
    const struct xc_os *os = &w->dom->os;

    if (w->hvm) {
        xcw_set_str(w, "builder", "hvm", os->type_pos);
        if (os->loader.s)
            xcw_set_xstr(w, "kernel", &os->loader);
        xcw_set_boot(w);
        if (os->loader_type == XC_LOADER_PFLASH)
            xcw_lost(w, os->loader.pos, "<loader type='pflash'> (xm's "
                     "kernel is a rom loader)");
        if (os->kernel.s)
            xcw_lost(w, os->kernel.pos, "<kernel> of an HVM guest");
        if (os->initrd.s)
            xcw_lost(w, os->initrd.pos, "<initrd> of an HVM guest");
        if (os->cmdline.s)
            xcw_lost(w, os->cmdline.pos, "<cmdline> of an HVM guest");
        if (os->slic_table.s)
            xcw_lost(w, os->slic_table.pos, "<acpi><table>");
        if (os->bootloader.s)
            xcw_lost(w, os->bootloader.pos, "<bootloader> of an HVM guest");
        if (os->bootloader_args.s)
            xcw_lost(w, os->bootloader_args.pos,
                     "<bootloader_args> of an HVM guest");
        if (os->bootmenu != XC_TRI_ABSENT)
            xcw_lost(w, xc_nopos, "<bootmenu>");
    } else {
        if (os->type == XC_OS_XENPVH)
            xcw_lost(w, os->type_pos, "os type 'xenpvh' (xm knows no PVH: "
                     "written as a PV guest)");
        xcw_set_pv_boot(w, NULL);
        set_cmdline(w);   /* the next key, where libvirt writes extra */
    }
    xcw_lost_os_extras(w);
}

/* xenFormatXMDisks: every disk but floppies */
static void fmt_disks(struct xcw *w)
{
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    xcw_speclist_reserve(&l, w->dom->disks.n);
    for (size_t i = 0; i < w->dom->disks.n; i++) {
        const struct xc_disk *disk = &w->dom->disks.v[i];

        if (disk->device == XC_DISK_DEV_FLOPPY) {
            xc_lost(w->d, disk->pos, XCW_LOST, "floppy disk '%s'",
                    disk->target.s ? disk->target.s : "");
            continue;
        }
        xc_buf_reset(&b);
        if (xc_xmw_disk(disk, &b, w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, disk->pos);
    }
    xc_buf_free(&b);
    xcw_speclist_set(w, "disk", &l);
}

/* xenFormatXMInputDevs: the first USB input of an HVM guest */
static void fmt_inputs(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    bool written = false;

    for (size_t i = 0; i < dom->inputs.n; i++) {
        const struct xc_input *in = &dom->inputs.v[i];
        /* libvirt's zero input bus is ps2 and zero type mouse */
        enum xc_input_bus bus = in->bus ? in->bus : XC_INPUT_BUS_PS2;
        const char *name = in->type == XC_INPUT_TABLET ? "tablet"
                           : in->type == XC_INPUT_KBD  ? "keyboard"
                                                       : "mouse";

        if (w->hvm && bus == XC_INPUT_BUS_USB && !written) {
            xcw_set_num(w, "usb", 1);
            xcw_set_str(w, "usbdevice", name, in->pos);
            written = true;
            continue;
        }
        /* the implicit devices the guest gets anyway */
        if (w->hvm ? bus == XC_INPUT_BUS_PS2 : bus == XC_INPUT_BUS_XEN)
            continue;
        xc_lost(w->d, in->pos, XCW_LOST, "<input type='%s' bus='%s'>%s",
                name, xc_enum_name(XC_T_INPUT_BUS, bus),
                bus == XC_INPUT_BUS_USB && w->hvm
                    ? " (xm takes one usbdevice)" : "");
    }
}

/* What xenFormatXL writes and xenFormatXM does not. */
static void xm_losses(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;

    if (dom->cpu.present && (dom->cpu.mode.s || dom->cpu.model.s ||
                             dom->cpu.features.n || dom->cpu.cells.n))
        xcw_lost(w, dom->cpu.mode.pos, "<cpu> (mode, model, features, NUMA "
                 "cells)");
    for (size_t i = 0; i < dom->controllers.n; i++) {
        const struct xc_controller *c = &dom->controllers.v[i];
        if (c->type == XC_CTRL_XENBUS &&
            ((c->has_max_event_channels && c->max_event_channels) ||
             (c->has_max_grant_frames && c->max_grant_frames)))
            xcw_lost(w, c->pos, "xenbus controller maxEventChannels/"
                     "maxGrantFrames");
        else if (c->type == XC_CTRL_USB && c->model.s &&
                 (streq(c->model.s, "qusb1") || streq(c->model.s, "qusb2")))
            xc_lost(w->d, c->pos, XCW_LOST, "USB controller model '%s'",
                    c->model.s);
    }
    for (size_t i = 0; i < dom->hostdevs.n; i++) {
        const struct xc_hostdev *hd = &dom->hostdevs.v[i];
        if (hd->type == XC_HOSTDEV_USB)
            xcw_lost(w, hd->pos, "USB <hostdev>");
        else if (hd->type == XC_HOSTDEV_NONE)
            xcw_lost(w, hd->pos, "<hostdev> without a type");
    }
    for (size_t i = 0; i < dom->channels.n; i++)
        xcw_lost(w, dom->channels.v[i].pos, "<channel>");
    for (size_t i = 0; i < dom->dm_args.n; i++)
        xc_lost(w->d, dom->dm_args.v[i].pos, XCW_LOST,
                "device model argument '%s'",
                dom->dm_args.v[i].s ? dom->dm_args.v[i].s : "");
}

int xc_xm_write(const struct xc_domain *dom, const struct xc_settings *set,
                struct xc_buf *out, struct xc_diags *d)
{
    struct xcw w;
    int rc = -1;

    xcw_init(&w, dom, set, d, XC_XEN_XM);
    /* xenFormatXM */
    xcw_format_common(&w);
    fmt_os(&w);
    fmt_disks(&w);
    fmt_inputs(&w);
    xm_losses(&w);
    xcw_other_losses(&w);

    if (!w.failed &&
        xc_cfg_serialize_style(&w.cfg, XC_CFG_STYLE_VIRCONF, out, d) == 0)
        rc = 0;
    xc_cfg_free(&w.cfg);
    return rc;
}
