/* Graphics: vfbs and vkbs (libvirt 9.0.0's libxlMakeVfb, libxlMakeVfbList),
 * the HVM display in b_info (libxlMakeBuildInfoVfb) and the emulated
 * video card (libxlMakeVideo). */
#include <string.h>

#include "../common/xalloc.h"
#include "libxl_bridge_int.h"

#define VNC_PORT_MIN 5900      /* LIBXL_VNC_PORT_MIN */

static bool autoport(const struct xc_graphics *g)
{
    if (g->autoport != XC_TRI_ABSENT)
        return g->autoport == XC_TRI_YES;
    return !g->has_port || g->port == -1;
}

/* A port from libvirt's graphics range (5900-65535): offline the first
 * free one counting from the host's vnc_port, as libvirt's allocator
 * hands them out on an idle host. */
static int take_port(struct xlb *b)
{
    return (int)(b->host->vnc_port + b->ports_taken++);
}

static int vfb(struct xlb *b, const struct xc_graphics *g, libxl_device_vfb *x)
{
    libxl_device_vfb_init(x);
    switch (g->type) {
    case XC_GFX_SDL:
        libxl_defbool_set(&x->sdl.enable, true);
        libxl_defbool_set(&x->vnc.enable, false);
        libxl_defbool_set(&x->sdl.opengl, false);
        x->sdl.display = xlb_strdup(g->display.s);
        x->sdl.xauthority = xlb_strdup(g->xauth.s);
        break;
    case XC_GFX_VNC: {
        int port = g->has_port ? g->port : 0;
        libxl_defbool_set(&x->vnc.enable, true);
        libxl_defbool_set(&x->sdl.enable, false);
        libxl_defbool_set(&x->vnc.findunused, false);
        if (autoport(g)) {
            if (b->host->vnc_findunused) {
                libxl_defbool_set(&x->vnc.findunused, true);
                port = VNC_PORT_MIN;
            } else {
                port = take_port(b);
            }
        }
        x->vnc.display = port - VNC_PORT_MIN;
        if (g->listen.s)
            x->vnc.listen = xc_strdup(g->listen.s);
        x->vnc.passwd = xlb_strdup(g->passwd.s);
        x->keymap = xlb_strdup(g->keymap.s);
        break;
    }
    case XC_GFX_SPICE:
    case XC_GFX_NONE:
        break;
    }
    return 0;
}

int xlb_vfbs(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_config *cfg = b->cfg;
    size_t n = dom->graphics.n;

    if (n == 0)
        return 0;
    cfg->vfbs = xc_calloc(n, sizeof *cfg->vfbs);
    cfg->vkbs = xc_calloc(n, sizeof *cfg->vkbs);
    for (size_t i = 0; i < n; i++) {
        cfg->num_vfbs = cfg->num_vkbs = (int)i + 1;
        libxl_device_vkb_init(&cfg->vkbs[i]);
        if (vfb(b, &dom->graphics.v[i], &cfg->vfbs[i]) < 0)
            return -1;
    }
    return 0;
}

static void spice(struct xlb *b, const struct xc_graphics *g)
{
    libxl_domain_build_info *bi = &b->cfg->b_info;
    const char *mouse = g->mouse_mode.s ? g->mouse_mode.s : "";
    bool copypaste = g->copypaste == XC_TRI_YES;

    libxl_defbool_set(&bi->u.hvm.spice.enable, true);
    bi->u.hvm.spice.port = autoport(g) ? take_port(b) : (g->has_port ? g->port : 0);
    if (g->listen.s || g->has_listen)
        bi->u.hvm.spice.host = xc_strdup(g->listen.s ? g->listen.s : "127.0.0.1");
    bi->u.hvm.keymap = xlb_strdup(g->keymap.s);
    if (g->passwd.s) {
        bi->u.hvm.spice.passwd = xc_strdup(g->passwd.s);
        libxl_defbool_set(&bi->u.hvm.spice.disable_ticketing, false);
    } else {
        libxl_defbool_set(&bi->u.hvm.spice.disable_ticketing, true);
    }
    /* client mouse mode is xl.cfg's default */
    libxl_defbool_set(&bi->u.hvm.spice.agent_mouse, strcmp(mouse, "server") != 0);
    libxl_defbool_set(&bi->u.hvm.spice.vdagent, copypaste);
    libxl_defbool_set(&bi->u.hvm.spice.clipboard_sharing, copypaste);
}

int xlb_buildinfo_vfb(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    const libxl_device_vfb *x;

    if (!b->hvm || dom->graphics.n == 0)
        return 0;
    /* SPICE first, else the first vfb */
    for (size_t i = 0; i < dom->graphics.n; i++)
        if (dom->graphics.v[i].type == XC_GFX_SPICE) {
            spice(b, &dom->graphics.v[i]);
            return 0;
        }
    x = &b->cfg->vfbs[0];
    if (libxl_defbool_val(x->vnc.enable)) {
        libxl_defbool_set(&bi->u.hvm.vnc.enable, true);
        bi->u.hvm.vnc.listen = xlb_strdup(x->vnc.listen);
        bi->u.hvm.vnc.passwd = xlb_strdup(x->vnc.passwd);
        bi->u.hvm.vnc.display = x->vnc.display;
        libxl_defbool_set(&bi->u.hvm.vnc.findunused, libxl_defbool_val(x->vnc.findunused));
    } else if (libxl_defbool_val(x->sdl.enable)) {
        libxl_defbool_set(&bi->u.hvm.sdl.enable, true);
        libxl_defbool_set(&bi->u.hvm.sdl.opengl, libxl_defbool_val(x->sdl.opengl));
        bi->u.hvm.sdl.display = xlb_strdup(x->sdl.display);
        bi->u.hvm.sdl.xauthority = xlb_strdup(x->sdl.xauthority);
    }
    bi->u.hvm.keymap = xlb_strdup(x->keymap);
    return 0;
}

int xlb_video(struct xlb *b)
{
    const struct xc_domain *dom = b->dom;
    libxl_domain_build_info *bi = &b->cfg->b_info;
    bool upstream = b->dm_version == LIBXL_DEVICE_MODEL_VERSION_QEMU_XEN;
    const struct xc_video *v;
    const char *model;
    unsigned min;

    if (b->cfg->c_info.type != LIBXL_DOMAIN_TYPE_HVM)
        return 0;
    if (dom->videos.n == 0) {
        libxl_defbool_set(&bi->u.hvm.nographic, true);
        bi->u.hvm.vga.kind = LIBXL_VGA_INTERFACE_TYPE_NONE;
        return 0;
    }
    v = &dom->videos.v[0];
    model = v->model.s ? v->model.s : "";
    if (strcmp(model, "vga") == 0 || strcmp(model, "xen") == 0) {
        bi->u.hvm.vga.kind = LIBXL_VGA_INTERFACE_TYPE_STD;
        min = upstream ? 16 : 8;
        model = "VGA";
    } else if (strcmp(model, "cirrus") == 0) {
        bi->u.hvm.vga.kind = LIBXL_VGA_INTERFACE_TYPE_CIRRUS;
        min = upstream ? 8 : 4;
        model = "CIRRUS";
    } else if (strcmp(model, "qxl") == 0) {
        bi->u.hvm.vga.kind = LIBXL_VGA_INTERFACE_TYPE_QXL;
        min = 128;
        model = "QXL";
    } else {
        xc_error(b->d, v->pos, XLB_CHECK, "video type %s is not supported by libxl", model);
        return -1;
    }
    if (!v->has_vram || v->vram < min * 1024) {
        xc_error(b->d, v->pos, XLB_CHECK, "videoram must be at least %uMB for %s", min, model);
        return -1;
    }
    bi->video_memkb = v->vram;
    for (size_t i = 1; i < dom->videos.n; i++)
        xc_lost(b->d, dom->videos.v[i].pos, "libxl-lost", "video device %zu (libxl takes one)",
                i + 1);
    return 0;
}
