/* Post-parse of nets, hostdevs and videos, and the devices the libxl
 * driver adds to every domain: inputs and the memory balloon. */
#include "defaults_priv.h"

/* libxl: a PCI device passed through (as <hostdev> or as an <interface
 * type='hostdev'>) uses the xen backend by default. */
void dflt_net(struct dflt *st, struct xc_net *net)
{
    (void)st;
    if (net->type == XC_NET_HOSTDEV && !xc_str_isset(&net->driver_name))
        xc_str_set(&net->driver_name, "xen", net->pos);
}

void dflt_hostdev(struct dflt *st, struct xc_hostdev *hd)
{
    (void)st;
    if (hd->type == XC_HOSTDEV_PCI && !xc_str_isset(&hd->driver_name))
        xc_str_set(&hd->driver_name, "xen", hd->pos);
}

/* virDomainVideoDefaultRAM for a Xen domain */
static unsigned video_default_ram(const char *model)
{
    if (strcmp(model, "vga") == 0 || strcmp(model, "cirrus") == 0 ||
        strcmp(model, "vmvga") == 0 || strcmp(model, "bochs") == 0)
        return 16 * 1024;
    if (strcmp(model, "xen") == 0)
        return 4 * 1024;        /* the original PV framebuffer */
    if (strcmp(model, "qxl") == 0)
        return 64 * 1024;
    return 0;
}

/* VIR_ROUND_UP_POWER_OF_TWO: 0 for 0 and for anything above 2^31. */
static unsigned round_pow2(unsigned v)
{
    if (v == 0 || v > (1u << 31))
        return 0;
    unsigned p = 1;
    while (p < v)
        p <<= 1;
    return p;
}

void dflt_video(struct dflt *st, struct xc_video *video)
{
    struct xc_domain *dom = st->dom;

    /* libxlDomainDeviceDefPostParse */
    if (!xc_str_isset(&video->model)) {
        const char *model = "cirrus";
        if (dom->os.type == XC_OS_XEN)
            model = "xen";
        else if (dom->os.arch.s && strncmp(dom->os.arch.s, "ppc64", 5) == 0)
            model = "vga";
        xc_str_set(&video->model, model, video->pos);
    }
    const char *model = video->model.s;
    if (!video->has_vram)
        video->vram = 0;
    if (!video->has_ram)
        video->ram = 0;
    if (dflt_hvm(st) && video->vram == 0) {
        /* The device model is taken to be upstream qemu (libvirt asks the
         * emulator binary; qemu-traditional halves these). */
        if (strcmp(model, "vga") == 0 || strcmp(model, "xen") == 0)
            video->vram = 16 * 1024;
        else if (strcmp(model, "cirrus") == 0)
            video->vram = 8 * 1024;
        else if (strcmp(model, "qxl") == 0)
            video->vram = 128 * 1024;
    }

    /* virDomainVideoDefPostParse */
    if (video->ram == 0 && strcmp(model, "qxl") == 0)
        video->ram = video_default_ram(model);
    if (video->vram == 0)
        video->vram = video_default_ram(model);
    video->ram = round_pow2(video->ram);
    video->vram = round_pow2(video->vram);
    video->has_ram = video->ram != 0;
    video->has_vram = video->vram != 0;

    /* virDomainVideoDefNew: one head unless told otherwise */
    if (!video->has_heads) {
        video->has_heads = true;
        video->heads = 1;
    }
}

/* virDomainDefAddImplicitVideo: graphics without video get one video of
 * the default model. */
void dflt_video_implicit(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    if (dom->graphics.n == 0 || dom->videos.n > 0)
        return;
    struct xc_video *v = xc_vec_push(&dom->videos);
    v->pos = dom->graphics.v[0].pos;
}

/* virDomainDefPostParseVideo: the first video is primary, unless it is
 * model 'none', which carries nothing else. */
void dflt_video_primary(struct dflt *st)
{
    struct xc_domain *dom = st->dom;

    if (dom->videos.n == 0)
        return;
    struct xc_video *v = &dom->videos.v[0];
    if (dflt_streq(&v->model, "none")) {
        struct xc_pos pos = v->pos;
        struct xc_str model = v->model;
        *v = (struct xc_video){.model = model, .pos = pos};
        return;
    }
    v->primary = XC_TRI_YES;
    /* it may have just been added: post-parse it (again) */
    dflt_video(st, v);
}

/* xenDomainDefAddImplicitInputDevice: a mouse and a keyboard, on the PS/2
 * bus for HVM and the Xen bus otherwise, unless already there. */
void dflt_inputs(struct dflt *st)
{
    struct xc_domain *dom = st->dom;
    enum xc_input_bus bus = dflt_hvm(st) ? XC_INPUT_BUS_PS2 : XC_INPUT_BUS_XEN;
    bool mouse = false, kbd = false;

    for (size_t i = 0; i < dom->inputs.n; i++) {
        const struct xc_input *in = &dom->inputs.v[i];
        if (in->bus != bus)
            continue;
        mouse |= in->type == XC_INPUT_MOUSE;
        kbd |= in->type == XC_INPUT_KBD;
    }
    if (!mouse) {
        struct xc_input *in = xc_vec_push(&dom->inputs);
        in->type = XC_INPUT_MOUSE;
        in->bus = bus;
    }
    if (!kbd) {
        struct xc_input *in = xc_vec_push(&dom->inputs);
        in->type = XC_INPUT_KBD;
        in->bus = bus;
    }
}

/* libxl: every domain has a Xen balloon unless it says otherwise
 * (<memballoon model='none'/> is a balloon of model none). */
void dflt_memballoon(struct dflt *st)
{
    if (!xc_str_isset(&st->dom->memballoon_model))
        xc_str_set(&st->dom->memballoon_model, "xen", xc_nopos);
}
