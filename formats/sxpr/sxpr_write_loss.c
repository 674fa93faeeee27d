/* Parts of the model xenFormatSxpr has no place for at all.  The devices
 * libvirt adds to every libxl domain (the xenbus controller, PS/2 or Xen
 * inputs, a video of the default model for graphics, the Xen balloon, a
 * PV guest's pty console, an HVM console that mirrors serial 0) are the
 * guest's own under xend too, so they are no loss; the same devices with
 * settings of their own are. */
#include "sxpr_write.h"

static void os_losses(struct sxw *w)
{
    const struct xc_os *os = &w->dom->os;

    if (os->nvram.s)
        xc_sxw_lost(w, os->nvram.pos, "<nvram>");
    if (os->dtb.s)
        xc_sxw_lost(w, os->dtb.pos, "<dtb>");
    if (os->slic_table.s)
        xc_sxw_lost(w, os->slic_table.pos, "<acpi><table>");
    if (os->bootmenu != XC_TRI_ABSENT)
        xc_sxw_lost(w, xc_nopos, "<bootmenu>");
}

static void feature_losses(struct sxw *w)
{
    const struct xc_features *f = &w->dom->features;

    if (f->f[XC_FEAT_PVSPINLOCK] != XC_TRI_ABSENT)
        xc_sxw_lost(w, xc_nopos, "feature <pvspinlock/>");
    if (f->f[XC_FEAT_HPT] != XC_TRI_ABSENT)
        xc_sxw_lost(w, xc_nopos, "feature <hpt/>");
    if (f->xen_e820_host != XC_TRI_ABSENT)
        xc_sxw_lost(w, xc_nopos, "<xen><e820_host>");
    if (f->xen_passthrough != XC_TRI_ABSENT)
        xc_sxw_lost(w, xc_nopos, "<xen><passthrough>");
}

static void controller_losses(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;

    for (size_t i = 0; i < dom->controllers.n; i++) {
        const struct xc_controller *c = &dom->controllers.v[i];
        const char *type = xc_enum_name(XC_T_CONTROLLER_TYPE, c->type);

        if ((c->has_max_event_channels && c->max_event_channels) ||
            (c->has_max_grant_frames && c->max_grant_frames))
            xc_sxw_lost(w, c->pos, "%s controller maxEventChannels/"
                        "maxGrantFrames", type);
        if (c->model.s)
            xc_sxw_lost(w, c->pos, "%s controller model '%s'", type,
                        c->model.s);
        if (c->has_ports)
            xc_sxw_lost(w, c->pos, "%s controller ports=", type);
    }
}

static void chardev_losses(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;

    for (size_t i = 0; i < dom->consoles.n; i++) {
        const struct xc_chr *c = &dom->consoles.v[i];
        /* xend gives a PV guest a pty console; an HVM console mirrors
         * serial 0, which the image carries */
        if (w->hvm ? xc_sxw_streq(c->target_type.s, "serial")
                   : c->type == XC_CHR_PTY)
            continue;
        xc_sxw_lost(w, c->pos, "<console>");
    }
    for (size_t i = 0; i < dom->channels.n; i++)
        xc_sxw_lost(w, dom->channels.v[i].pos, "<channel>");
}

static void video_losses(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    const char *dflt = w->hvm ? "cirrus" : "xen";

    for (size_t i = 0; i < dom->videos.n; i++) {
        const struct xc_video *v = &dom->videos.v[i];

        if (!xc_sxw_streq(v->model.s, dflt) || (v->has_heads && v->heads > 1))
            xc_sxw_lost(w, v->pos, "<video> model '%s' (libvirt wrote no "
                        "video settings for xend)", xc_sxw_s(&v->model));
    }
    if (dom->memballoon_model.s && !xc_sxw_streq(dom->memballoon_model.s, "xen"))
        xc_sxw_lost(w, dom->memballoon_model.pos, "<memballoon model='%s'>",
                    dom->memballoon_model.s);
}

void xc_sxw_other_losses(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;

    if (dom->title.s)
        xc_sxw_lost(w, dom->title.pos, "<title>");
    if (dom->has_shares)
        xc_sxw_lost(w, xc_nopos, "<cputune><shares>");
    if (dom->cpu.present && (dom->cpu.mode.s || dom->cpu.model.s ||
                             dom->cpu.features.n || dom->cpu.cells.n))
        xc_sxw_lost(w, dom->cpu.mode.pos, "<cpu> (mode, model, features, "
                    "NUMA cells)");
    os_losses(w);
    feature_losses(w);
    controller_losses(w);
    chardev_losses(w);
    video_losses(w);
    for (size_t i = 0; i < dom->dm_args.n; i++)
        xc_sxw_lost(w, dom->dm_args.v[i].pos, "device model argument '%s'",
                    xc_sxw_s(&dom->dm_args.v[i]));
}
