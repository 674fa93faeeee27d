/* The (device ...) elements (disks, NICs, the first PCI group, the first
 * vfb, vkbd) and the image keys that make devices: old-style vnc/sdl,
 * HVM usbdevice and soundhw.  One function per libvirt parse function:
 * xenParseSxprPCI, xenParseSxprGraphicsNew/Old, xenParseSxprUSB,
 * xenParseSxprSound. */
#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "../xencommon/xen_read.h"
#include "sxpr_read.h"

/* ---- pci --------------------------------------------------------------- */

static int pci_field(struct sxr *r, xc_sx_id dev, const char *key,
                     long long max, unsigned *out)
{
    long long v;
    int rc = sxr_int(r, dev, key, 0, max, &v);

    if (rc == 0) {
        sxr_error(r, sxr_pos(r, dev), "missing-key", "missing PCI %s: "
                  "(dev (domain D) (bus B) (slot S) (func F)) needs all four",
                  key);
        return -1;
    }
    if (rc < 0)
        return -1;
    *out = (unsigned)v;
    return 0;
}

/* (pci (dev (domain 0x0000) (bus 0x00) (slot 0x1b) (func 0x0)) ...): one
 * (device ...) may hold several PCI devices. */
static void read_pci(struct sxr *r, xc_sx_id pci)
{
    sxr_scope(r, pci, SXR_DEV_PCI);
    for (xc_sx_id dev = sxr_value_id(r, pci); dev;
         dev = xc_sx_next(r->t, dev)) {
        const char *h = xc_sx_head(r->t, dev);
        struct xc_hostdev hd = {0};

        if (!h || strcmp(h, "dev") != 0 || !sxr_value_id(r, dev))
            continue;
        sxr_scope(r, dev, SXR_DEV_PCI_DEV);
        if (pci_field(r, dev, "domain", 0xffff, &hd.pci.domain) < 0 ||
            pci_field(r, dev, "bus", 0xff, &hd.pci.bus) < 0 ||
            pci_field(r, dev, "slot", 0x1f, &hd.pci.slot) < 0 ||
            pci_field(r, dev, "func", 7, &hd.pci.function) < 0)
            continue;
        hd.type = XC_HOSTDEV_PCI;
        hd.managed = XC_TRI_NO;
        hd.pci.present = true;
        hd.pos = sxr_pos(r, dev);
        *xc_vec_push(&r->dom->hostdevs) = hd;
    }
}

/* ---- the device loop ------------------------------------------------------ */

int sxr_read_devices(struct sxr *r)
{
    struct xc_domain *dom = r->dom;
    unsigned vifs = 0;
    bool have_pci = false, have_vfb = false;

    for (xc_sx_id it = sxr_value_id(r, r->root); it;
         it = xc_sx_next(r->t, it)) {
        const char *h = xc_sx_head(r->t, it);
        struct xc_disk disk;
        bool bootable = false;
        xc_sx_id k;

        if (!h || strcmp(h, "device") != 0)
            continue;
        sxr_scope(r, it, SXR_DEVICE);

        if (sxr_read_disk(r, it, &disk, &bootable) == 1) {
            /* a bootable disk goes first; the first moves to the end */
            struct xc_disk *slot = xc_vec_push(&dom->disks);
            if (bootable && dom->disks.n > 1) {
                *slot = dom->disks.v[0];
                dom->disks.v[0] = disk;
            } else {
                *slot = disk;
            }
        }
        if (sxr_lookup(r, it, "vif") && sxr_read_net(r, it, vifs) == 0)
            vifs++;
        if (!have_pci && (k = sxr_lookup(r, it, "pci"))) {
            have_pci = true;
            read_pci(r, k);
        }
        if (!have_vfb && sxr_lookup(r, it, "vfb")) {
            have_vfb = true;
            sxr_read_graphics_new(r, it);
        }
        /* the PV keyboard of a framebuffer: libvirt's implicit inputs */
        if ((k = sxr_key(r, it, "vkbd")))
            sxr_scope(r, k, SXR_DEV_VKBD);
    }
    return r->failed ? -1 : 0;
}

/* ---- graphics ----------------------------------------------------------- */

static void set_opt(struct sxr *r, xc_sx_id list, const char *path,
                    struct xc_str *dst)
{
    xc_sx_id id;
    const char *s = sxr_node(r, list, path, &id);
    if (s)
        xc_str_set(dst, s, sxr_pos(r, id));
}

/* xend copies an HVM guest's image vnc/sdl keys into the vfb it makes of
 * them: an image key with the vfb's value for it is carried by the vfb. */
static void mark_image_copies(struct sxr *r, xc_sx_id vfb)
{
    static const char *const keys[] = {
        "vnc", "sdl", "vncunused", "vncdisplay", "vnclisten", "vncpasswd",
        "keymap", "display", "xauthority", NULL};
    xc_sx_id kind = sxr_peek(r, r->root, r->hvm ? "image/hvm" : "image/linux");

    for (size_t i = 0; keys[i]; i++) {
        xc_sx_id ik = sxr_peek(r, kind, keys[i]);
        xc_sx_id iv = sxr_value_id(r, ik);
        xc_sx_id fv = sxr_value_id(r, sxr_peek(r, vfb, keys[i]));
        const char *want = fv ? xc_sx_text(r->t, fv) : NULL;

        if (!strcmp(keys[i], "vnc") || !strcmp(keys[i], "sdl")) {
            /* (vnc 1) in the image, (type vnc) in the vfb */
            xc_sx_id tv = sxr_value_id(r, sxr_peek(r, vfb, "type"));
            const char *type = tv ? xc_sx_text(r->t, tv) : NULL;
            if (!want && type && !strcmp(type, keys[i]))
                want = "1";
        }
        const char *have = iv ? xc_sx_text(r->t, iv) : NULL;
        if (have && want && !strcmp(have, want) &&
            !xc_sx_next(r->t, iv)) {
            sxr_mark(r, ik);
            sxr_mark(r, iv);
        }
    }
}

/* (device (vfb (type vnc|sdl) ...)), or (vnc 1)/(sdl 1) without a type. */
int sxr_read_graphics_new(struct sxr *r, xc_sx_id device)
{
    xc_sx_id k = sxr_lookup(r, device, "vfb"), tid;
    struct xc_graphics g = {0};
    const char *type = sxr_node(r, k, "type", &tid);

    sxr_scope(r, k, SXR_DEV_VFB);
    mark_image_copies(r, k);
    g.pos = sxr_pos(r, device);
    if (!type) {
        tid = 0;
        type = sxr_node(r, k, "vnc", NULL) ? "vnc"
             : sxr_node(r, k, "sdl", NULL) ? "sdl" : NULL;
    } else if (strcmp(type, "vnc") == 0 || strcmp(type, "sdl") == 0) {
        /* a (vnc 1) beside (type vnc) says the same */
        sxr_node(r, k, type, NULL);
    }
    if (!type || (strcmp(type, "vnc") != 0 && strcmp(type, "sdl") != 0)) {
        sxr_error(r, tid ? sxr_pos(r, tid) : sxr_pos(r, k), "bad-value",
                  "unknown graphics type '%s' (expected (type vnc), (type "
                  "sdl), (vnc 1) or (sdl 1))", type ? type : "unknown");
        return -1;
    }

    if (strcmp(type, "sdl") == 0) {
        g.type = XC_GFX_SDL;
        set_opt(r, k, "display", &g.display);
        set_opt(r, k, "xauthority", &g.xauth);
        *xc_vec_push(&r->dom->graphics) = g;
        return 0;
    }

    g.type = XC_GFX_VNC;
    g.has_listen = true;
    set_opt(r, k, "vnclisten", &g.listen);
    set_opt(r, k, "vncpasswd", &g.passwd);
    set_opt(r, k, "keymap", &g.keymap);
    const char *unused = sxr_node(r, k, "vncunused", NULL);

    /* no xenstore to ask for the port: take the configured display */
    int port = -1;
    xc_sx_id did;
    const char *disp = sxr_node(r, k, "vncdisplay", &did);
    long long v;
    if (disp && xcr_parse_ll(disp, 0, &v) == 0 && v >= -1 &&
        v <= INT_MAX - 5900)
        port = (int)v;
    else if (disp)
        xc_lost(r->d, sxr_pos(r, did), "ignored-value", "vncdisplay '%s' "
                "(not a display number from 0 to %d; libvirt ignores it and "
                "picks a port automatically)", disp, INT_MAX - 5900);
    g.autoport = (unused && strcmp(unused, "1") == 0) || port == -1
                 ? XC_TRI_YES : XC_TRI_NO;
    if (port >= 0 && port < 5900)
        port += 5900;
    g.has_port = true;
    g.port = port;
    *xc_vec_push(&r->dom->graphics) = g;
    return 0;
}

/* image/<kind>/vnc or sdl: HVM before xen 3.0.5, PV before 3.0.4. */
int sxr_read_graphics_old(struct sxr *r)
{
    xc_sx_id image = sxr_key(r, r->root, "image");
    struct xc_graphics g = {0};
    char path[48];
    xc_sx_id id;
    const char *s;

#define KEY(name) (snprintf(path, sizeof(path), "%s/%s", r->image_kind, name), path)
    s = sxr_node(r, image, KEY("vnc"), &id);
    if (s && s[0] == '1') {
        g.type = XC_GFX_VNC;
        g.pos = sxr_pos(r, id);
        g.has_listen = true;
        set_opt(r, image, KEY("vnclisten"), &g.listen);
        set_opt(r, image, KEY("vncpasswd"), &g.passwd);
        set_opt(r, image, KEY("keymap"), &g.keymap);
        /* the port comes from xenstore alone: automatic here */
        sxr_node(r, image, KEY("vncunused"), NULL);
        g.autoport = XC_TRI_YES;
        g.has_port = true;
        g.port = -1;
        *xc_vec_push(&r->dom->graphics) = g;
        return 0;
    }
    s = sxr_node(r, image, KEY("sdl"), &id);
    if (s && s[0] == '1') {
        g.type = XC_GFX_SDL;
        g.pos = sxr_pos(r, id);
        set_opt(r, image, KEY("display"), &g.display);
        set_opt(r, image, KEY("xauthority"), &g.xauth);
        *xc_vec_push(&r->dom->graphics) = g;
    }
#undef KEY
    return 0;
}

/* ---- usb and sound --------------------------------------------------------- */

int sxr_read_usb(struct sxr *r)
{
    xc_sx_id hvm = sxr_key(r, r->root, "image/hvm");

    for (xc_sx_id it = sxr_value_id(r, hvm); it; it = xc_sx_next(r->t, it)) {
        const char *h = xc_sx_head(r->t, it);
        xc_sx_id v = sxr_value_id(r, it);
        enum xc_input_type type = XC_INPUT_NONE;

        if (!h || strcmp(h, "usbdevice") != 0 || !v)
            continue;
        sxr_mark(r, it);
        if (!xc_sx_is_atom(r->t, v)) {
            sxr_error(r, sxr_pos(r, v), "bad-value", "image/hvm/usbdevice "
                      "holds a list where a value is expected");
            continue;
        }
        sxr_mark(r, v);
        const char *s = xc_sx_text(r->t, v);
        if (!*s)
            continue;
        if (strcmp(s, "tablet") == 0)
            type = XC_INPUT_TABLET;
        else if (strcmp(s, "mouse") == 0)
            type = XC_INPUT_MOUSE;
        else if (strcmp(s, "keyboard") == 0)
            type = XC_INPUT_KBD;
        if (type == XC_INPUT_NONE) {
            xc_lost(r->d, sxr_pos(r, v), "ignored-value", "usbdevice '%s' "
                    "(only tablet, mouse and keyboard are read)", s);
            continue;
        }
        struct xc_input *in = xc_vec_push(&r->dom->inputs);
        in->type = type;
        in->bus = XC_INPUT_BUS_USB;
        in->pos = sxr_pos(r, v);
    }
    return 0;
}

static void add_sound(struct sxr *r, const char *model, struct xc_pos pos)
{
    struct xc_sound *snd = xc_vec_push(&r->dom->sounds);
    snd->pos = pos;
    xc_str_set(&snd->model, model, pos);
}

int sxr_read_sound(struct sxr *r)
{
    xc_sx_id image = sxr_key(r, r->root, "image"), id;
    const char *s = sxr_node(r, image, "hvm/soundhw", &id);
    struct xc_pos pos = sxr_pos(r, id);

    if (!s || !*s)
        return 0;
    if (strcmp(s, "all") == 0) {
        /* libvirt's compatibility meaning: the two historic Xen models */
        add_sound(r, "sb16", pos);
        add_sound(r, "es1370", pos);
        return 0;
    }
    for (const char *p = s;;) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *model = xc_xen_sound_model(p, n);
        if (!model) {
            sxr_error(r, pos, "bad-value", "soundhw '%s': unknown sound "
                      "model '%.*s' (expected all or a comma-separated list "
                      "of %s)", s, (int)n, p, xc_xen_sound_model_list);
            return -1;
        }
        add_sound(r, model, pos);
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}
