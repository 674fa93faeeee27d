/* xl device keys other than disks and vifs, read as libvirt 9.0.0 does:
 * pci (xenParsePCIList), serial/parallel/console (xenParseCharDev),
 * soundhw, vnc/sdl/vfb (xenParseVfb), spice (xenParseXLSpice), usbdevice
 * (xenParseXLInputDevs), usbdev, usbctrl and channel. */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/xalloc.h"
#include "xl_read.h"

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

int xlr_read_spice(struct xcr *r)
{
    if (r->dom->os.type != XC_OS_HVM)
        return 0;
    int val;
    if (xcr_bool(r, "spice", 0, &val) < 0)
        return -1;
    if (!val)
        return 0;

    struct xc_graphics g = {0};
    const char *s;
    struct xc_pos pos;
    unsigned long long port, tls;
    int ret = -1;
    g.type = XC_GFX_SPICE;
    g.pos = xcr_value(r, "spice")->pos;
    if (xcr_string(r, "spicehost", &s, &pos) < 0)
        goto out;
    g.has_listen = true;
    if (s)
        xc_str_set(&g.listen, s, pos);
    if (xcr_ulong(r, "spicetls_port", 0, INT_MAX, &tls, NULL) < 0)
        goto out;
    if (xcr_ulong(r, "spiceport", 0, INT_MAX, &port, NULL) < 0)
        goto out;
    if (tls) {
        g.has_tls_port = true;
        g.tls_port = (int)tls;
    }
    if (port) {
        g.has_port = true;
        g.port = (int)port;
    }
    g.autoport = (!tls && !port) ? XC_TRI_YES : XC_TRI_NO;
    if (xcr_bool(r, "spicedisable_ticketing", 0, &val) < 0)
        goto out;
    if (!val) {
        if (xcr_string(r, "spicepasswd", &s, &pos) < 0)
            goto out;
        if (!s) {
            xcr_error(r, g.pos, "missing-key", "spice without "
                      "spicedisable_ticketing = 1 needs spicepasswd");
            goto out;
        }
        xc_str_set(&g.passwd, s, pos);
    }
    if (xcr_bool(r, "spiceagent_mouse", 0, &val) < 0)
        goto out;
    xc_str_set(&g.mouse_mode, val ? "client" : "server", g.pos);
    if (xcr_bool(r, "spice_clipboard_sharing", 0, &val) < 0)
        goto out;
    g.copypaste = val ? XC_TRI_YES : XC_TRI_NO;
    ret = 0;
out:;
    /* spice replaces whatever vnc/sdl set up, as in libvirt */
    struct xc_domain tmp = {0};
    tmp.graphics = r->dom->graphics;
    memset(&r->dom->graphics, 0, sizeof(r->dom->graphics));
    if (ret == 0)
        *xc_vec_push(&r->dom->graphics) = g;
    else
        *xc_vec_push(&tmp.graphics) = g;
    for (size_t i = 0; ret == 0 && i < tmp.graphics.n; i++)
        xc_lost(r->d, tmp.graphics.v[i].pos, "ignored-value",
                "the %s display (spice replaces it; libvirt keeps only spice)",
                tmp.graphics.v[i].type == XC_GFX_SDL ? "sdl" : "vnc");
    xc_domain_free(&tmp);
    return ret;
}

/* ---- usbdevice: usb mouse/tablet/keyboard ---------------------------------- */

static void add_input(struct xcr *r, const struct xc_cfg_value *v)
{
    const char *s = xcr_text(v);
    enum xc_input_type t = XC_INPUT_NONE;
    if (strcmp(s, "mouse") == 0)
        t = XC_INPUT_MOUSE;
    else if (strcmp(s, "tablet") == 0)
        t = XC_INPUT_TABLET;
    else if (strcmp(s, "keyboard") == 0)
        t = XC_INPUT_KBD;
    if (t == XC_INPUT_NONE) {
        xc_lost(r->d, xcr_inner(v), "ignored-value",
                "usbdevice '%s' (only mouse, tablet and keyboard are read)",
                s);
        return;
    }
    struct xc_input *in = xc_vec_push(&r->dom->inputs);
    in->type = t;
    in->bus = XC_INPUT_BUS_USB;
    in->pos = xcr_inner(v);
}

int xlr_read_inputs(struct xcr *r)
{
    if (r->dom->os.type != XC_OS_HVM)
        return 0;
    struct xc_cfg_value *v = xcr_value(r, "usbdevice");
    if (!v)
        return 0;
    if (v->kind == XC_CFG_STRING) {
        add_input(r, v);
        return 0;
    }
    if (v->kind == XC_CFG_LIST) {
        for (size_t i = 0; i < v->items.n; i++) {
            if (v->items.v[i].kind != XC_CFG_STRING) {
                xcr_error(r, v->items.v[i].pos, "bad-type", "usbdevice must "
                          "be a string or a list of strings");
                return -1;
            }
            add_input(r, &v->items.v[i]);
        }
        return 0;
    }
    xcr_error(r, v->pos, "bad-type",
              "usbdevice must be a string or a list of strings");
    return -1;
}

/* ---- key=value,... device specs (usbdev, usbctrl, channel) ------------------ */

/* Walk SPEC the way xen_xl.c does: each step looks at the rest of the
 * string; it needs an '=' somewhere in that rest, else the whole device
 * is skipped.  Calls fn(key-rest, value, value-length) per item. */
struct kv_item {
    const char *rest;     /* the item and everything after it */
    const char *val;      /* after the first '=' of rest */
    size_t vlen;          /* up to the next ',' */
};

static bool kv_next(const char **cursor, struct kv_item *it)
{
    const char *key = *cursor;
    if (!key)
        return false;
    const char *next = strchr(key, ',');
    const char *eq = strchr(key, '=');
    if (!eq)
        return false;
    it->rest = key;
    it->val = eq + 1;
    if (next && next < it->val)
        it->vlen = 0;      /* '=' belongs to a later item */
    else
        it->vlen = next ? (size_t)(next - it->val) : strlen(it->val);
    while (next && (*next == ',' || *next == ' ' || *next == '\t'))
        next++;
    *cursor = next;
    return true;
}

static int kv_hex(struct xcr *r, struct xc_pos pos, const char *text,
                  const char *what, const struct kv_item *it, long long min,
                  long long max, long long *out)
{
    char *t = xc_strndup(it->val, it->vlen);
    int rc = xcr_parse_ll(t, 16, out);
    if (rc < 0 || *out < min || *out > max) {
        xcr_error(r, xcr_pos_at(pos, text, (size_t)(it->val - text)), "bad-number", "%s: '%s' is not a hexadecimal "
                  "number in range", what, t);
        free(t);
        return -1;
    }
    free(t);
    return 0;
}

static struct xc_cfg_value *device_list(struct xcr *r, const char *key)
{
    struct xc_cfg_value *v = xcr_value(r, key);
    if (v && v->kind != XC_CFG_LIST) {
        xc_lost(r->d, xcr_inner(v), "ignored-value",
                "%s (not a list of strings; libvirt ignores it)", key);
        return NULL;
    }
    return v;
}

static bool list_string(struct xcr *r, const struct xc_cfg_value *it,
                        const char *key)
{
    if (it->kind == XC_CFG_STRING)
        return true;
    xc_lost(r->d, it->pos, "ignored-value",
            "%s list item that is not a string (libvirt ignores it)", key);
    return false;
}

static void skipped_device(struct xcr *r, const struct xc_cfg_value *it,
                           const char *key)
{
    xc_lost(r->d, xcr_inner(it), "ignored-value",
            "%s '%s' (an item without '=' ends it; libvirt drops the whole "
            "device)", key, xcr_text(it));
}

int xlr_read_usb(struct xcr *r)
{
    struct xc_cfg_value *v = device_list(r, "usbdev");
    int ret = 0;
    for (size_t i = 0; v && i < v->items.n; i++) {
        const struct xc_cfg_value *it = &v->items.v[i];
        if (!list_string(r, it, "usbdev"))
            continue;
        const char *cur = xcr_text(it);
        const char *text = cur;
        struct xc_pos ip = xcr_inner(it);
        struct kv_item kv;
        long long bus = -1, dev = -1;
        bool ok = true, skipped = false;
        while (cur) {
            if (!kv_next(&cur, &kv)) {
                skipped = true;
                break;
            }
            if (starts(kv.rest, "hostbus=")) {
                if (kv_hex(r, ip, text, "usbdev hostbus", &kv, 0, INT_MAX, &bus) < 0)
                    ok = false;
            } else if (starts(kv.rest, "hostaddr=")) {
                if (kv_hex(r, ip, text, "usbdev hostaddr", &kv, 0, INT_MAX, &dev) < 0)
                    ok = false;
            }
        }
        if (skipped) {
            skipped_device(r, it, "usbdev");
            continue;
        }
        if (!ok) {
            ret = -1;
            continue;
        }
        if (bus < 0 || dev < 0) {
            xcr_error(r, ip, "bad-usbdev", "usbdev '%s' needs both "
                      "hostbus= and hostaddr=", xcr_text(it));
            ret = -1;
            continue;
        }
        struct xc_hostdev *h = xc_vec_push(&r->dom->hostdevs);
        h->type = XC_HOSTDEV_USB;
        h->managed = XC_TRI_NO;
        h->has_usb_addr = true;
        h->usb_bus = (unsigned)bus;
        h->usb_device = (unsigned)dev;
        h->pos = ip;
    }
    return ret;
}

int xlr_read_usbctrl(struct xcr *r)
{
    struct xc_cfg_value *v = device_list(r, "usbctrl");
    int ret = 0;
    for (size_t i = 0; v && i < v->items.n; i++) {
        const struct xc_cfg_value *it = &v->items.v[i];
        if (!list_string(r, it, "usbctrl"))
            continue;
        const char *cur = xcr_text(it);
        const char *text = cur;
        struct xc_pos ip = xcr_inner(it);
        struct kv_item kv;
        long long version = 2, ports = 8;
        bool ok = true, skipped = false, badtype = false;
        while (cur) {
            if (!kv_next(&cur, &kv)) {
                skipped = true;
                break;
            }
            if (starts(kv.rest, "type=")) {
                if (!starts(kv.val, "qusb")) {
                    badtype = true;
                    break;
                }
            } else if (starts(kv.rest, "version=")) {
                if (kv_hex(r, ip, text, "usbctrl version", &kv, INT_MIN, INT_MAX, &version) < 0)
                    ok = false;
            } else if (starts(kv.rest, "ports=")) {
                if (kv_hex(r, ip, text, "usbctrl ports", &kv, 0, INT_MAX, &ports) < 0)
                    ok = false;
            }
        }
        if (badtype) {
            xc_lost(r->d, ip, "ignored-value",
                    "usbctrl '%s' (libvirt reads only type=qusb controllers)",
                    xcr_text(it));
            continue;
        }
        if (skipped) {
            skipped_device(r, it, "usbctrl");
            continue;
        }
        if (!ok) {
            ret = -1;
            continue;
        }
        struct xc_controller *c = xc_vec_push(&r->dom->controllers);
        c->type = XC_CTRL_USB;
        c->auto_index = true;
        xc_str_set(&c->model, version == 1 ? "qusb1" : "qusb2", ip);
        c->has_ports = true;
        c->ports = (unsigned)ports;
        c->pos = ip;
    }
    return ret;
}

int xlr_read_channels(struct xcr *r)
{
    struct xc_cfg_value *v = device_list(r, "channel");
    int ret = 0;
    for (size_t i = 0; v && i < v->items.n; i++) {
        const struct xc_cfg_value *it = &v->items.v[i];
        if (!list_string(r, it, "channel"))
            continue;
        const char *cur = xcr_text(it);
        const char *text = cur;
        struct xc_pos ip = xcr_inner(it);
        struct kv_item kv;
        const char *type = NULL, *name = NULL, *path = NULL;
        size_t tn = 0, nn = 0, pn = 0;
        bool skipped = false;
        while (cur) {
            if (!kv_next(&cur, &kv)) {
                skipped = true;
                break;
            }
            if (starts(kv.rest, "connection=")) {
                type = kv.val;
                tn = kv.vlen;
            } else if (!name && starts(kv.rest, "name=")) {
                name = kv.val;
                nn = kv.vlen;
            } else if (!path && starts(kv.rest, "path=")) {
                path = kv.val;
                pn = kv.vlen;
            }
        }
        if (skipped) {
            skipped_device(r, it, "channel");
            continue;
        }
        if (!name) {
            /* libvirt reads it (and writes "name=(null)" back) */
            xcr_error(r, ip, "bad-channel", "channel '%s' has no name= "
                      "(libxl refuses a channel without one: \"channel N has "
                      "no name\")", xcr_text(it));
            ret = -1;
            continue;
        }
        struct xc_chr c = {0};
        c.pos = ip;
        if (type && tn >= 6 && strncmp(type, "socket", 6) == 0) {
            c.type = XC_CHR_UNIX;
            c.listen = true;
            if (path)
                xc_str_setn(&c.path, path, pn,
                            xcr_pos_at(ip, text, (size_t)(path - text)));
        } else if (type && tn >= 3 && strncmp(type, "pty", 3) == 0) {
            c.type = XC_CHR_PTY;
            if (path)
                xc_lost(r->d, ip, "ignored-value",
                        "channel path= with connection=pty");
        } else {
            xcr_error(r, ip, "bad-channel", "channel '%s' needs "
                      "connection=socket or connection=pty", xcr_text(it));
            ret = -1;
            continue;
        }
        xc_str_set(&c.target_type, "xen", ip);
        if (name)
            xc_str_setn(&c.target_name, name, nn,
                        xcr_pos_at(ip, text, (size_t)(name - text)));
        *xc_vec_push(&r->dom->channels) = c;
    }
    return ret;
}
