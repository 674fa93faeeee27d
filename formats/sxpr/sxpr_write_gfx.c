/* Graphics: xenFormatSxprGraphicsOld (settings inside an HVM image:
 * (vnc 1)(vncunused 0)(vncdisplay N)...) and xenFormatSxprGraphicsNew (a
 * PV guest's (device (vkbd))(device (vfb (type vnc)...))).  libvirt wrote
 * one device, and only when the domain had exactly one.
 *
 * libvirt quoted vnclisten, vncpasswd, keymap, display and xauthority
 * without escaping them; here they are escaped like every other value. */
#include "sxpr_write.h"

static const char *gfx_name(const struct xc_graphics *g)
{
    /* libvirt's zero graphics type is sdl */
    return g->type ? xc_enum_name(XC_T_GRAPHICS_TYPE, g->type) : "sdl";
}

/* What neither form carries of the device written. */
static void gfx_losses(struct sxw *w, const struct xc_graphics *g)
{
    if (g->fullscreen != XC_TRI_ABSENT)
        xc_sxw_lost(w, g->pos, "graphics fullscreen=");
    if (g->gl != XC_TRI_ABSENT)
        xc_sxw_lost(w, g->pos, "graphics <gl>");
    if (g->type == XC_GFX_VNC && g->has_tls_port)
        xc_sxw_lost(w, g->pos, "vnc tlsPort=");
}

static void fmt_body(struct sxw *w, const struct xc_graphics *g)
{
    if (g->type != XC_GFX_VNC) {
        if (g->display.s)
            xc_sxw_kv(w, "display", g->display.s);
        if (g->xauth.s)
            xc_sxw_kv(w, "xauthority", g->xauth.s);
        return;
    }
    if (xc_xenw_vnc_autoport(g)) {
        xc_buf_add(w->b, "(vncunused 1)");
    } else {
        xc_buf_add(w->b, "(vncunused 0)");
        xc_sxw_num(w, "vncdisplay", (long long)xc_xenw_vnc_port(g) - 5900);
    }
    if (g->listen.s)
        xc_sxw_kv(w, "vnclisten", g->listen.s);
    if (g->passwd.s)
        xc_sxw_kv(w, "vncpasswd", g->passwd.s);
    if (g->keymap.s)
        xc_sxw_kv(w, "keymap", g->keymap.s);
}

void xc_sxw_graphics(struct sxw *w, bool old_style)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_graphics *g;

    if (dom->graphics.n != 1) {
        xc_sxw_graphics_lost(w, "(libvirt wrote a graphics device only when "
                             "there was one)");
        return;
    }
    g = &dom->graphics.v[0];
    if (g->type != XC_GFX_NONE && g->type != XC_GFX_SDL &&
        g->type != XC_GFX_VNC) {
        xc_sxw_error(w, g->pos, XCW_UNSUPPORTED,
                     "unexpected graphics type '%s'", gfx_name(g));
        return;
    }
    if (old_style) {
        xc_buf_add(w->b, g->type == XC_GFX_VNC ? "(vnc 1)" : "(sdl 1)");
    } else {
        xc_buf_add(w->b, "(device (vkbd))(device (vfb ");
        xc_buf_add(w->b, g->type == XC_GFX_VNC ? "(type vnc)" : "(type sdl)");
    }
    fmt_body(w, g);
    if (!old_style)
        xc_buf_add(w->b, "))");
    gfx_losses(w, g);
}

void xc_sxw_graphics_lost(struct sxw *w, const char *why)
{
    for (size_t i = 0; i < w->dom->graphics.n; i++) {
        const struct xc_graphics *g = &w->dom->graphics.v[i];
        xc_sxw_lost(w, g->pos, "<graphics type='%s'> %s", gfx_name(g), why);
    }
}
