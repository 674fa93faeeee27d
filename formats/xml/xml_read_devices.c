/* Smaller devices: <emulator>, <input>, <graphics>, <video>, <sound>,
 * <hostdev>, <memballoon> (their virDomain*DefParseXML counterparts). */
#include <stdio.h>
#include <string.h>

#include "xml_read_priv.h"
#include "xml_units.h"

static int skip_unmodeled(struct xr_ctx *c, struct xr_frame *f)
{
    xr_attrs_all_used(c);
    f->id = XR_UNKNOWN;
    return 0;
}

int xr_emulator_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    if (n)
        xr_text_set(&c->dom->emulator, t, n, f->pos);
    return 0;
}

/* ---- input ------------------------------------------------------------- */

int xr_input_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const types_libvirt[] = {"passthrough", "evdev", NULL};
    static const char *const buses_libvirt[] = {"parallels", "virtio", "none", NULL};
    if (!xr_attr_present(c, "type"))
        return xr_error(c, f->pos, "missing input device type");
    int type = 0, bus = 0;
    int r = xr_attr_enum(c, "type", XC_T_INPUT_TYPE, types_libvirt, &type);
    if (r < 0)
        return -1;
    if (r == 2)
        return skip_unmodeled(c, f);
    r = xr_attr_enum(c, "bus", XC_T_INPUT_BUS, buses_libvirt, &bus);
    if (r < 0)
        return -1;
    if (r == 2)
        return skip_unmodeled(c, f);
    struct xc_input *in = xc_vec_push(&c->dom->inputs);
    in->type = (enum xc_input_type)type;
    in->bus = (enum xc_input_bus)bus;   /* absent: defaulted in xr_finish */
    in->pos = f->pos;
    return 0;
}

/* ---- graphics ------------------------------------------------------------ */

int xr_graphics_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const libvirt_only[] = {"rdp", "desktop", "egl-headless", "dbus", NULL};
    if (!xr_attr_present(c, "type"))
        return xr_error(c, f->pos, "Missing required attribute 'type' in element 'graphics'");
    int type = 0;
    int r = xr_attr_enum(c, "type", XC_T_GRAPHICS_TYPE, libvirt_only, &type);
    if (r < 0)
        return -1;
    if (r == 2)
        return skip_unmodeled(c, f);
    struct xc_graphics *g = xc_vec_push(&c->dom->graphics);
    g->type = (enum xc_graphics_type)type;
    g->pos = f->pos;
    c->gfx = g;
    c->gfx_listen_seen = false;

    if (g->type == XC_GFX_SDL) {
        if (xr_attr_tristate(c, "fullscreen", &g->fullscreen) < 0)
            return -1;
        xr_attr_str(c, "xauth", &g->xauth);
        xr_attr_str(c, "display", &g->display);
        return 0;
    }

    /* vnc and spice */
    const char *listen = xr_attr(c, "listen");
    if (listen && *listen)
        xc_str_set(&g->listen, listen, xr_attr_pos(c, "listen"));
    xr_attr_str(c, "passwd", &g->passwd);
    xr_attr_str(c, "keymap", &g->keymap);
    if (g->type == XC_GFX_VNC) {
        /* virDomainGraphicsDefParseXMLVNC, inactive parse: port 0 and
         * autoport when no port, port -1, or autoport='yes'. */
        bool autoport = false;
        int port = 0;
        const char *ps = xr_attr(c, "port");
        if (ps) {
            if (xc_parse_int(ps, 10, &port) < 0)
                return xr_error(c, xr_attr_pos(c, "port"), "cannot parse vnc port %s", ps);
            if (port == -1) {
                port = 0;
                autoport = true;
            }
        } else {
            autoport = true;
        }
        const char *ap = xr_attr(c, "autoport");
        if (ap) {
            if (strcmp(ap, "yes") == 0)
                autoport = true;
            else if (strcmp(ap, "no") == 0)
                autoport = false;
            /* anything else: ignored, as libvirt does */
            if (autoport)
                port = 0;
        }
        g->autoport = autoport ? XC_TRI_YES : XC_TRI_NO;
        g->has_port = port != 0;
        g->port = port;
        if (xr_attr_present(c, "socket")) {
            xr_unmodeled(c, xr_attr_pos(c, "socket"), "/domain/devices/graphics/@socket",
                         xr_attr(c, "socket"));
        }
        return 0;
    }
    /* spice */
    int port = 0, tls = 0;
    if (xr_attr_int(c, "port", 10, &port) < 0 || xr_attr_int(c, "tlsPort", 10, &tls) < 0)
        return -1;
    if (xr_attr_tristate(c, "autoport", &g->autoport) < 0)
        return -1;
    static const char *const modes[] = {"any", "secure", "insecure", NULL};
    if (xr_attr_oneof(c, "defaultMode", modes, &g->default_mode) < 0)
        return -1;
    if (port == -1 && tls == -1)
        g->autoport = XC_TRI_YES;
    if (g->autoport == XC_TRI_YES)
        port = tls = 0;
    g->has_port = port != 0;
    g->port = port;
    g->has_tls_port = tls != 0;
    g->tls_port = tls;
    return 0;
}

int xr_graphics_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)f;
    (void)t;
    (void)n;
    c->gfx = NULL;
    return 0;
}

int xr_gfx_child_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_graphics *g = c->gfx;
    switch (f->id) {
    case XR_GFX_LISTEN: {
        if (g->type == XC_GFX_SDL) {
            xr_unmodeled(c, f->pos, xr_path(c), NULL);
            return skip_unmodeled(c, f);
        }
        static const char *const types[] = {"address", "network", "socket", "none", NULL};
        const char *type = xr_attr(c, "type");
        if (!type)
            return xr_error(c, f->pos, "Missing required attribute 'type' in element 'listen'");
        if (!xr_in_list(types, type))
            return xr_error(c, xr_attr_pos(c, "type"),
                            "Invalid value for attribute 'type' in element 'listen': '%s'", type);
        bool first = !c->gfx_listen_seen;
        c->gfx_listen_seen = true;
        if (!first || strcmp(type, "address") != 0) {
            xr_unmodeled(c, f->pos, xr_path(c), type);
            return skip_unmodeled(c, f);
        }
        g->has_listen = true;
        const char *addr = xr_attr(c, "address");
        if (addr && g->listen.s && strcmp(addr, g->listen.s) != 0)
            return xr_error(c, xr_attr_pos(c, "address"),
                            "graphics 'listen' attribute '%s' must match 'address' attribute of first listen element (found '%s')",
                            g->listen.s, addr);
        if (addr && *addr)
            xc_str_set(&g->listen, addr, xr_attr_pos(c, "address"));
        return 0;
    }
    case XR_GFX_MOUSE: {
        if (g->type != XC_GFX_SPICE) {
            xr_unmodeled(c, f->pos, xr_path(c), NULL);
            return skip_unmodeled(c, f);
        }
        static const char *const modes[] = {"server", "client", NULL};
        if (xr_attr_oneof(c, "mode", modes, &g->mouse_mode) == 0)
            return xr_error(c, f->pos, "Missing required attribute 'mode' in element 'mouse'");
        return c->failed ? -1 : 0;
    }
    case XR_GFX_CLIPBOARD: {
        if (g->type != XC_GFX_SPICE) {
            xr_unmodeled(c, f->pos, xr_path(c), NULL);
            return skip_unmodeled(c, f);
        }
        int r = xr_attr_tristate(c, "copypaste", &g->copypaste);
        if (r == 0)
            return xr_error(c, f->pos, "Missing required attribute 'copypaste' in element 'clipboard'");
        return r < 0 ? -1 : 0;
    }
    case XR_GFX_GL: {
        if (g->type == XC_GFX_VNC) {
            xr_unmodeled(c, f->pos, xr_path(c), NULL);
            return skip_unmodeled(c, f);
        }
        int r = xr_attr_tristate(c, "enable", &g->gl);
        if (r == 0)
            return xr_error(c, f->pos, "Missing required attribute 'enable' in element 'gl'");
        return r < 0 ? -1 : 0;
    }
    default:
        return 0;
    }
}

/* ---- video ------------------------------------------------------------------ */

int xr_video_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_video *v = xc_vec_push(&c->dom->videos);
    v->pos = f->pos;
    c->video = v;
    return 0;
}

int xr_video_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)f;
    (void)t;
    (void)n;
    c->video = NULL;
    return 0;
}

int xr_video_model_start(struct xr_ctx *c, struct xr_frame *f)
{
    (void)f;
    static const char *const types[] = {
        "default", "vga", "cirrus", "vmvga", "xen", "vbox", "qxl", "parallels",
        "virtio", "gop", "none", "bochs", "ramfb", NULL};
    struct xc_video *v = c->video;
    const char *primary = xr_attr(c, "primary");
    if (primary) {
        if (strcmp(primary, "yes") == 0)
            v->primary = XC_TRI_YES;
        else if (strcmp(primary, "no") == 0)
            v->primary = XC_TRI_NO;
        /* else ignored, as libvirt does */
    }
    const char *type = xr_attr(c, "type");
    if (type) {
        if (!xr_in_list(types, type))
            return xr_error(c, xr_attr_pos(c, "type"), "unknown video model '%s'", type);
        if (strcmp(type, "default") != 0)
            xc_str_set(&v->model, type, xr_attr_pos(c, "type"));
    }
    const char *vram = xr_attr(c, "vram");
    if (vram) {
        if (xc_parse_uint(vram, 10, &v->vram) < 0)
            return xr_error(c, xr_attr_pos(c, "vram"), "cannot parse video vram '%s'", vram);
        v->has_vram = true;
    }
    const char *ram = xr_attr(c, "ram");
    if (ram) {
        if (xc_parse_uint(ram, 10, &v->ram) < 0)
            return xr_error(c, xr_attr_pos(c, "ram"), "cannot parse video ram '%s'", ram);
        v->has_ram = true;
    }
    const char *heads = xr_attr(c, "heads");
    if (heads) {
        if (xc_parse_uint(heads, 10, &v->heads) < 0)
            return xr_error(c, xr_attr_pos(c, "heads"), "cannot parse video heads '%s'", heads);
        v->has_heads = true;
        /* libvirt formats no heads for 0, and its parse starts from 1
         * (virDomainVideoDefNew): heads='0' is gone after one round. */
        if (v->heads == 0)
            xc_lost(c->d, xr_attr_pos(c, "heads"), "unmodeled",
                    "video heads='0' (written as no heads, which reads as 1)");
    }
    return 0;
}

/* ---- sound / memballoon -------------------------------------------------------- */

int xr_sound_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const models[] = {
        "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7",
        "virtio", NULL};
    struct xc_str model = {0};
    int r = xr_attr_oneof(c, "model", models, &model);
    if (r < 0)
        return -1;
    if (r == 0)
        return xr_error(c, f->pos, "Missing required attribute 'model' in element 'sound'");
    struct xc_sound *s = xc_vec_push(&c->dom->sounds);
    s->model = model;
    s->pos = f->pos;
    return 0;
}

int xr_memballoon_start(struct xr_ctx *c, struct xr_frame *f)
{
    static const char *const models[] = {
        "virtio", "xen", "none", "virtio-transitional", "virtio-non-transitional", NULL};
    if (c->dom->memballoon_model.s)
        return xr_error(c, f->pos, "only a single memory balloon device is supported");
    int r = xr_attr_oneof(c, "model", models, &c->dom->memballoon_model);
    if (r < 0)
        return -1;
    if (r == 0)
        return xr_error(c, f->pos, "Missing required attribute 'model' in element 'memballoon'");
    return 0;
}

/* ---- hostdev ------------------------------------------------------------------ */

int xr_pci_address(struct xr_ctx *c, struct xc_pos pos, struct xc_pci_addr *a)
{
    memset(a, 0, sizeof(*a));
    if (xr_attr_uint(c, "domain", 0, &a->domain) < 0 ||
        xr_attr_uint(c, "bus", 0, &a->bus) < 0 ||
        xr_attr_uint(c, "slot", 0, &a->slot) < 0 ||
        xr_attr_uint(c, "function", 0, &a->function) < 0)
        return -1;
    a->present = true;
    if (!a->domain && !a->bus && !a->slot && !a->function)
        return 0;
    if (a->domain > 0xFFFF)
        return xr_error(c, pos, "Invalid PCI address domain='0x%x', must be <= 0xFFFF", a->domain);
    if (a->bus > 0xFF)
        return xr_error(c, pos, "Invalid PCI address bus='0x%x', must be <= 0xFF", a->bus);
    if (a->slot > 0x1F)
        return xr_error(c, pos, "Invalid PCI address slot='0x%x', must be <= 0x1F", a->slot);
    if (a->function > 7)
        return xr_error(c, pos, "Invalid PCI address function=0x%x, must be <= 7", a->function);
    return 0;
}

int xr_hostdev_start(struct xr_ctx *c, struct xr_frame *f)
{
    const char *mode = xr_attr(c, "mode");
    if (mode && strcmp(mode, "subsystem") != 0) {
        if (strcmp(mode, "capabilities") != 0)
            return xr_error(c, xr_attr_pos(c, "mode"), "unknown hostdev mode '%s'", mode);
        xr_unmodeled(c, f->pos, "/domain/devices/hostdev[@mode='capabilities']", NULL);
        return skip_unmodeled(c, f);
    }
    static const char *const libvirt_only[] = {"scsi", "scsi_host", "mdev", NULL};
    if (!xr_attr_present(c, "type"))
        return xr_error(c, f->pos, "missing type in hostdev");
    int type = 0;
    int r = xr_attr_enum(c, "type", XC_T_HOSTDEV_TYPE, libvirt_only, &type);
    if (r < 0)
        return -1;
    if (r == 2)
        return skip_unmodeled(c, f);
    struct xc_hostdev *h = xc_vec_push(&c->dom->hostdevs);
    h->type = (enum xc_hostdev_type)type;
    h->pos = f->pos;
    c->hostdev = h;
    const char *managed = xr_attr(c, "managed");
    if (managed) {
        if (strcmp(managed, "yes") == 0)
            h->managed = XC_TRI_YES;
        else if (strcmp(managed, "no") == 0)
            h->managed = XC_TRI_NO;
    }
    return 0;
}

int xr_hostdev_end(struct xr_ctx *c, struct xr_frame *f, const char *t, size_t n)
{
    (void)f;
    (void)t;
    (void)n;
    c->hostdev = NULL;
    return 0;
}

static int usb_id(struct xr_ctx *c, struct xr_frame *f, struct xc_str *out)
{
    unsigned v;
    const char *id = xr_attr(c, "id");
    if (!id)
        return xr_error(c, f->pos, "usb %s needs id", strrchr(xr_path(c), '/') + 1);
    if (xc_parse_uint(id, 0, &v) < 0)
        return xr_error(c, xr_attr_pos(c, "id"), "cannot parse %s id %s",
                        strrchr(xr_path(c), '/') + 1, id);
    char buf[16];
    snprintf(buf, sizeof(buf), "0x%.4x", v);
    xc_str_set(out, buf, xr_attr_pos(c, "id"));
    return 0;
}

int xr_hostdev_child_start(struct xr_ctx *c, struct xr_frame *f)
{
    struct xc_hostdev *h = c->hostdev;
    switch (f->id) {
    case XR_HOSTDEV_DRIVER: {
        static const char *const names[] = {"default", "kvm", "vfio", "xen", NULL};
        return xr_attr_oneof(c, "name", names, &h->driver_name) < 0 ? -1 : 0;
    }
    case XR_HOSTDEV_SOURCE:
        if (h->type == XC_HOSTDEV_PCI &&
            xr_attr_tristate(c, "writeFiltering", &h->write_filtering) < 0)
            return -1;
        return 0;
    case XR_HOSTDEV_ADDRESS:
        (void)xr_attr(c, "type");   /* not read by libvirt here */
        if (h->type == XC_HOSTDEV_PCI)
            return xr_pci_address(c, f->pos, &h->pci);
        {
            const char *bus = xr_attr(c, "bus"), *dev = xr_attr(c, "device");
            if (!bus)
                return xr_error(c, f->pos, "usb address needs bus id");
            if (!dev)
                return xr_error(c, f->pos, "usb address needs device id");
            if (xc_parse_uint(bus, 0, &h->usb_bus) < 0)
                return xr_error(c, xr_attr_pos(c, "bus"), "cannot parse bus %s", bus);
            if (xc_parse_uint(dev, 0, &h->usb_device) < 0)
                return xr_error(c, xr_attr_pos(c, "device"), "cannot parse device %s", dev);
            h->has_usb_addr = true;
        }
        return 0;
    case XR_HOSTDEV_VENDOR:
    case XR_HOSTDEV_PRODUCT:
        if (h->type != XC_HOSTDEV_USB) {
            xr_unmodeled(c, f->pos, xr_path(c), NULL);
            return skip_unmodeled(c, f);
        }
        return usb_id(c, f, f->id == XR_HOSTDEV_VENDOR ? &h->usb_vendor : &h->usb_product);
    default:
        return 0;
    }
}
