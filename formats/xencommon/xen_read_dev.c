/* Device keys of xenParseConfigCommon, read as libvirt 9.0.0 does:
 * pci (xenParsePCIList), serial/parallel/console (xenParseCharDev),
 * soundhw (xenParseEmulatedDevices) and vnc/sdl/vfb (xenParseVfb). */
#define _POSIX_C_SOURCE 200809L
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/buf.h"
#include "../../common/xalloc.h"
#include "xen_read.h"
#include "xen_write_sep.h"

/* ---- pci ----------------------------------------------------------------- */

static int pci_field(const char *s, size_t n, long long max, unsigned *out)
{
    char *t = xc_strndup(s, n);
    long long v;
    int rc = xcr_parse_ll(t, 16, &v);
    free(t);
    if (rc < 0 || v < 0 || v > max)
        return -1;
    *out = (unsigned)v;
    return 0;
}

int xc_xen_parse_pci(const char *spec, struct xc_pos pos,
                    struct xc_hostdev *hd, struct xc_diags *d)
{
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, pos, spec);
#define AT(ptr) xcr_pos_next(&pc, (size_t)((ptr) - spec))
    memset(hd, 0, sizeof(*hd));
    hd->pos = pos;

    /* g_strsplit(entry, ":", 3) */
    const char *c1 = strchr(spec, ':');
    const char *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    const char *bus_s, *rest;
    size_t bus_n;
    unsigned domain = 0, bus, slot, func;

    if (c2) {
        if (pci_field(spec, (size_t)(c1 - spec), 0xffff, &domain) < 0) {
            xc_error(d, pos, "bad-pci", "pci '%s': bad domain '%.*s' "
                     "(hexadecimal 0-ffff)", spec, (int)(c1 - spec), spec);
            return -1;
        }
        bus_s = c1 + 1;
        bus_n = (size_t)(c2 - bus_s);
        rest = c2 + 1;
    } else {
        bus_s = spec;
        bus_n = c1 ? (size_t)(c1 - spec) : strlen(spec);
        rest = c1 ? c1 + 1 : NULL;
    }
    if (!rest) {
        xc_error(d, pos, "bad-pci", "pci '%s': malformed PCI address "
                 "(expected [DDDD:]BB:SS.F[,option=value...])", spec);
        return -1;
    }
    if (pci_field(bus_s, bus_n, 0xff, &bus) < 0) {
        xc_error(d, AT(bus_s), "bad-pci", "pci '%s': bad bus '%.*s' "
                 "(hexadecimal 0-ff)", spec, (int)bus_n, bus_s);
        return -1;
    }
    const char *dot = strchr(rest, '.');
    if (!dot) {
        xc_error(d, pos, "bad-pci", "pci '%s': malformed PCI address "
                 "(no '.' before the function; expected [DDDD:]BB:SS.F)", spec);
        return -1;
    }
    if (pci_field(rest, (size_t)(dot - rest), 0x1f, &slot) < 0) {
        xc_error(d, AT(rest), "bad-pci", "pci '%s': bad slot '%.*s' (hexadecimal "
                 "0-1f)", spec, (int)(dot - rest), rest);
        return -1;
    }
    const char *fs = dot + 1;
    const char *comma = strchr(fs, ',');
    size_t fn = comma ? (size_t)(comma - fs) : strlen(fs);
    if (pci_field(fs, fn, 7, &func) < 0) {
        xc_error(d, AT(fs), "bad-pci", "pci '%s': bad function '%.*s' (0-7; "
                 "the @VSLOT and key=value forms are not supported)",
                 spec, (int)fn, fs);
        return -1;
    }

    enum xc_tristate filtered = XC_TRI_ABSENT;
    if (comma) {
        const char *o = comma + 1;
        for (;;) {
            const char *e = strchr(o, ',');
            size_t n = e ? (size_t)(e - o) : strlen(o);
            const char *eq = memchr(o, '=', n);
            if (!eq) {
                xc_error(d, AT(o), "bad-pci", "pci '%s': malformed option "
                         "'%.*s' (expected key=value)", spec, (int)n, o);
                return -1;
            }
            if ((size_t)(eq - o) == 10 && strncmp(o, "permissive", 10) == 0) {
                char *val = xc_strndup(eq + 1, n - 11);
                long long iv;
                int rc = xcr_parse_ll(val, 10, &iv);
                free(val);
                if (rc < 0 || iv < INT_MIN || iv > INT_MAX) {
                    xc_error(d, AT(eq + 1), "bad-number", "pci '%s': permissive must "
                             "be a decimal number", spec);
                    return -1;
                }
                filtered = iv ? XC_TRI_NO : XC_TRI_YES;
            } else {
                xc_lost(d, AT(o), "unused-option",
                        "pci option '%.*s'",
                        (int)(eq - o), o);
            }
            if (!e)
                break;
            o = e + 1;
        }
    }

    hd->type = XC_HOSTDEV_PCI;
    hd->managed = XC_TRI_NO;
    hd->write_filtering = filtered;
    hd->pci.present = true;
    hd->pci.domain = domain;
    hd->pci.bus = bus;
    hd->pci.slot = slot;
    hd->pci.function = func;
    return 0;
}

/* virConfGetValueStringList(conf, key, false, ..) as xen_common.c uses it:
 * 1 for a list of strings, 0 when absent or not a list (libvirt then
 * ignores that error), -1 for a list holding a non-string. */
int xcr_string_list(struct xcr *r, const char *key, struct xc_cfg_value **out)
{
    struct xc_cfg_value *v = xcr_value(r, key);
    *out = v;
    if (!v || v->kind != XC_CFG_LIST)
        return 0;
    for (size_t i = 0; i < v->items.n; i++) {
        if (v->items.v[i].kind != XC_CFG_STRING) {
            xcr_error(r, v->items.v[i].pos, "bad-type",
                      "%s must be a list of strings", key);
            return -1;
        }
    }
    return 1;
}

int xcr_read_pcis(struct xcr *r)
{
    struct xc_cfg_value *v;
    int rc = xcr_string_list(r, "pci", &v);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        if (v)
            xc_lost(r->d, xcr_inner(v), "ignored-value",
                    "pci (not a list of strings; libvirt ignores it)");
        return 0;
    }
    int ret = 0;
    for (size_t i = 0; i < v->items.n; i++) {
        struct xc_cfg_value *it = &v->items.v[i];
        struct xc_hostdev hd;
        if (xc_xen_parse_pci(xcr_text(it), xcr_inner(it), &hd, r->d) < 0) {
            r->failed = true;
            ret = -1;
            continue;
        }
        *xc_vec_push(&r->dom->hostdevs) = hd;
    }
    return ret;
}

/* ---- character devices -------------------------------------------------- */

static const char *const chr_names[] = {
    "null", "vc", "pty", "dev", "file", "pipe", "stdio", "udp", "tcp",
    "unix", "spicevmc", "spiceport", NULL};
static const enum xc_chr_type chr_types[] = {
    XC_CHR_NULL, XC_CHR_VC, XC_CHR_PTY, XC_CHR_DEV, XC_CHR_FILE, XC_CHR_PIPE,
    XC_CHR_STDIO, XC_CHR_UDP, XC_CHR_TCP, XC_CHR_UNIX, XC_CHR_SPICEVMC,
    XC_CHR_SPICEPORT};

int xc_xen_parse_chr(const char *spec, struct xc_pos pos, struct xc_chr *chr,
                    struct xc_diags *d)
{
    memset(chr, 0, sizeof(*chr));
    chr->pos = pos;

    if (spec[0] == '/') {
        chr->type = XC_CHR_DEV;
        xc_str_set(&chr->path, spec, pos);
        return 0;
    }

    const char *colon = strchr(spec, ':');
    size_t plen = colon ? (size_t)(colon - spec) : strlen(spec);
    const char *value = colon ? colon + 1 : spec;

    if (strncmp(spec, "telnet", 6) == 0 && plen >= 6) {
        chr->type = XC_CHR_TCP;
        chr->protocol = XC_TCP_PROTO_TELNET;
    } else {
        for (size_t i = 0; chr_names[i]; i++)
            if (strlen(chr_names[i]) == plen &&
                strncmp(chr_names[i], spec, plen) == 0)
                chr->type = chr_types[i];
        if (chr->type == XC_CHR_NONE) {
            xc_error(d, pos, "bad-chardev", "unknown character device type "
                     "'%.*s' in '%s' (expected a /dev path, pty, vc, null, "
                     "stdio, file:, pipe:, tcp:, telnet:, udp:, unix:)",
                     (int)plen, spec, spec);
            return -1;
        }
        if (chr->type == XC_CHR_TCP)
            chr->protocol = XC_TCP_PROTO_RAW;
    }

    switch (chr->type) {
    case XC_CHR_DEV:
    case XC_CHR_SPICEVMC:
    case XC_CHR_SPICEPORT:
        /* libvirt reads these (a "dev:" one without its path) but cannot
         * write them back; qemu knows them as no -serial string either */
        xc_error(d, pos, "bad-chardev", "character device '%s': %s", spec,
                 chr->type == XC_CHR_DEV
                     ? "a device is named by its /dev path, not by 'dev:' "
                       "(libvirt reads no path from it)"
                     : "spice channels are no serial or parallel device "
                       "string (libvirt reads the type and cannot write it "
                       "back)");
        return -1;
    case XC_CHR_FILE:
    case XC_CHR_PIPE:
        xc_str_set(&chr->path, value, pos);
        break;
    case XC_CHR_TCP: {
        const char *off = strchr(value, ':');
        if (!off) {
            xc_error(d, pos, "bad-chardev", "malformed character device "
                     "'%s' (expected tcp:[HOST]:PORT[,server])", spec);
            return -1;
        }
        if (off != value)
            xc_str_setn(&chr->host, value, (size_t)(off - value), pos);
        const char *off2 = strchr(off, ',');
        off++;
        if (off2)
            xc_str_setn(&chr->service, off, (size_t)(off2 - off), pos);
        else
            xc_str_set(&chr->service, off, pos);
        if (off2 && strstr(off2, ",server"))
            chr->listen = true;
        break;
    }
    case XC_CHR_UDP: {
        const char *off = strchr(value, ':');
        if (!off) {
            xc_error(d, pos, "bad-chardev", "malformed character device "
                     "'%s' (expected udp:[HOST]:PORT[@[BINDHOST]:BINDPORT])",
                     spec);
            return -1;
        }
        if (off != value)
            xc_str_setn(&chr->host, value, (size_t)(off - value), pos);
        const char *off2 = strchr(off, '@');
        if (off2) {
            xc_str_setn(&chr->service, off + 1, (size_t)(off2 - off - 1), pos);
            const char *off3 = strchr(off2, ':');
            if (!off3) {
                xc_error(d, pos, "bad-chardev", "malformed character device "
                         "'%s' (no ':' in the bind address after '@')", spec);
                xc_chr_clear(chr);
                return -1;
            }
            if (off3 > off2 + 1)
                xc_str_setn(&chr->bind_host, off2 + 1,
                            (size_t)(off3 - off2 - 1), pos);
            xc_str_set(&chr->bind_service, off3 + 1, pos);
        } else {
            xc_str_set(&chr->service, off + 1, pos);
        }
        break;
    }
    case XC_CHR_UNIX: {
        const char *off = strchr(value, ',');
        if (off)
            xc_str_setn(&chr->path, value, (size_t)(off - value), pos);
        else
            xc_str_set(&chr->path, value, pos);
        if (off && strstr(off, ",server"))
            chr->listen = true;
        break;
    }
    default:
        /* pty (no path without a running domain), null, vc, stdio:
         * nothing more */
        break;
    }
    return 0;
}

static int add_chr(struct xcr *r, const char *spec, struct xc_pos pos,
                   unsigned port, bool parallel)
{
    struct xc_chr c;
    if (xc_xen_parse_chr(spec, pos, &c, r->d) < 0) {
        r->failed = true;
        return -1;
    }
    c.has_target_port = true;
    c.target_port = port;
    if (parallel)
        *xc_vec_push(&r->dom->parallels) = c;
    else
        *xc_vec_push(&r->dom->serials) = c;
    return 0;
}

int xcr_read_chardevs(struct xcr *r)
{
    struct xc_domain *dom = r->dom;
    if (dom->os.type != XC_OS_HVM) {
        struct xc_chr *c = xc_vec_push(&dom->consoles);
        c->type = XC_CHR_PTY;
        c->has_target_port = true;
        c->target_port = 0;
        xc_str_set(&c->target_type, "xen", xc_nopos);
        return 0;
    }

    int ret = 0;
    const char *s;
    struct xc_pos pos;
    if (xcr_string(r, "parallel", &s, &pos) < 0)
        ret = -1;
    else if (s && strcmp(s, "none") != 0 && add_chr(r, s, pos, 0, true) < 0)
        ret = -1;

    struct xc_cfg_value *v;
    int rc = xcr_string_list(r, "serial", &v);
    if (rc < 0)
        return -1;
    if (rc == 1 && r->flavor == XC_XEN_XM) {
        xcr_error(r, v->pos, "unsupported", "a list of serial devices is not "
                  "supported by xen-xm (libvirt refuses it; write one "
                  "serial string)");
        return -1;
    }
    if (rc == 1) {
        for (size_t i = 0; i < v->items.n; i++) {
            const char *it = xcr_text(&v->items.v[i]);
            if (strcmp(it, "none") == 0)
                continue;
            if (i > XC_XEN_SERIAL_PORT_MAX) {
                xcr_error(r, xcr_inner(&v->items.v[i]), "unsupported",
                          "serial port %zu: past port %d (qemu emulates four "
                          "serial ports; the writers list ports up to %d)",
                          i, XC_XEN_SERIAL_PORT_MAX, XC_XEN_SERIAL_PORT_MAX);
                return -1;
            }
            if (add_chr(r, it, xcr_inner(&v->items.v[i]), (unsigned)i, false) < 0)
                ret = -1;
        }
    } else if (v) {
        if (v->kind != XC_CFG_STRING) {
            xcr_error(r, v->pos, "bad-type",
                      "serial must be a string or a list of strings");
            return -1;
        }
        s = xcr_text(v);
        if (strcmp(s, "none") != 0 && add_chr(r, s, xcr_inner(v), 0, false) < 0)
            ret = -1;
    }
    return ret;
}

/* ---- sound ----------------------------------------------------------------- */

static const char *const sound_models[] = {
    "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7", NULL};
const char xc_xen_sound_model_list[] =
    "sb16, es1370, pcspk, ac97, ich6, ich9, usb, ich7";

const char *xc_xen_sound_model(const char *p, size_t n)
{
    for (size_t i = 0; sound_models[i]; i++)
        if (strlen(sound_models[i]) == n && strncmp(sound_models[i], p, n) == 0)
            return sound_models[i];
    return NULL;
}

int xcr_read_sound(struct xcr *r)
{
    if (r->dom->os.type != XC_OS_HVM)
        return 0;
    const char *s;
    struct xc_pos pos;
    if (xcr_string(r, "soundhw", &s, &pos) < 0)
        return -1;
    if (!s)
        return 0;
    if (strcmp(s, "all") == 0) {
        /* libvirt's compatibility meaning: the two historic Xen models */
        xc_str_set(&xc_vec_push(&r->dom->sounds)->model, "sb16", pos);
        r->dom->sounds.v[r->dom->sounds.n - 1].pos = pos;
        xc_str_set(&xc_vec_push(&r->dom->sounds)->model, "es1370", pos);
        r->dom->sounds.v[r->dom->sounds.n - 1].pos = pos;
        return 0;
    }
    const char *p = s;
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, pos, s);
    while (*p) {
        const char *e = strchr(p, ',');
        size_t n = e ? (size_t)(e - p) : strlen(p);
        const char *model = xc_xen_sound_model(p, n);
        if (!model) {
            xcr_error(r, xcr_pos_next(&pc, (size_t)(p - s)), "bad-sound", "soundhw: unknown sound model "
                      "'%.*s' (expected all or a comma-separated list of %s)",
                      (int)n, p, xc_xen_sound_model_list);
            return -1;
        }
        struct xc_sound *snd = xc_vec_push(&r->dom->sounds);
        snd->pos = xcr_pos_next(&pc, (size_t)(p - s));
        xc_str_set(&snd->model, model, snd->pos);
        if (!e)
            break;
        p = e + 1;
    }
    return 0;
}

/* ---- graphics -------------------------------------------------------------- */

static int vnc_port(struct xcr *r, struct xc_pos pos, long long display,
                    struct xc_graphics *g)
{
    if (display < 0 || display > INT_MAX - 5900) {
        xcr_error(r, pos, "bad-number", "vncdisplay %lld is out of range",
                  display);
        return -1;
    }
    g->has_port = true;
    g->port = (int)display + 5900;
    return 0;
}

static int read_hvm_vfb(struct xcr *r)
{
    int val;
    struct xc_pos pos;
    const char *s;

    if (xcr_bool(r, "vnc", 0, &val) < 0)
        return -1;
    if (val) {
        struct xc_graphics g = {0};
        int ret = -1;
        g.type = XC_GFX_VNC;
        g.pos = xcr_value(r, "vnc")->pos;
        if (xcr_bool(r, "vncunused", 1, &val) < 0)
            goto fail;
        g.autoport = val ? XC_TRI_YES : XC_TRI_NO;
        if (!val) {
            unsigned long long disp;
            struct xc_cfg_value *dv = xcr_value(r, "vncdisplay");
            if (xcr_ulong(r, "vncdisplay", 0, INT_MAX, &disp, NULL) < 0)
                goto fail;
            if (vnc_port(r, dv ? xcr_inner(dv) : xc_nopos, (long long)disp, &g) < 0)
                goto fail;
        }
        if (xcr_string(r, "vnclisten", &s, &pos) < 0)
            goto fail;
        g.has_listen = true;
        if (s)
            xc_str_set(&g.listen, s, pos);
        if (xcr_string(r, "vncpasswd", &s, &pos) < 0)
            goto fail;
        if (s)
            xc_str_set(&g.passwd, s, pos);
        if (xcr_string(r, "keymap", &s, &pos) < 0)
            goto fail;
        if (s)
            xc_str_set(&g.keymap, s, pos);
        ret = 0;
    fail:
        *xc_vec_push(&r->dom->graphics) = g;
        if (ret < 0) {
            struct xc_domain tmp = {0};
            tmp.graphics = r->dom->graphics;
            memset(&r->dom->graphics, 0, sizeof(r->dom->graphics));
            xc_domain_free(&tmp);
        }
        return ret;
    }

    if (xcr_bool(r, "sdl", 0, &val) < 0)
        return -1;
    if (val) {
        struct xc_graphics *g = xc_vec_push(&r->dom->graphics);
        g->type = XC_GFX_SDL;
        g->pos = xcr_value(r, "sdl")->pos;
        if (xcr_string(r, "display", &s, &pos) < 0)
            return -1;
        if (s)
            xc_str_set(&g->display, s, pos);
        if (xcr_string(r, "xauthority", &s, &pos) < 0)
            return -1;
        if (s)
            xc_str_set(&g->xauth, s, pos);
    }
    return 0;
}

static int read_pv_vfb(struct xcr *r)
{
    struct xc_cfg_value *v;
    int rc = xcr_string_list(r, "vfb", &v);
    if (rc < 0)
        return -1;
    if (rc == 0) {
        if (v)
            xc_lost(r->d, xcr_inner(v), "ignored-value",
                    "vfb (not a list of strings; libvirt ignores it)");
        return 0;
    }
    if (v->items.n == 0)
        return 0;
    for (size_t i = 1; i < v->items.n; i++)
        xc_lost(r->d, xcr_inner(&v->items.v[i]), "ignored-value",
                "vfb item (libvirt reads only the first)");

    const struct xc_cfg_value *it = &v->items.v[0];
    const char *spec = xcr_text(it);
    struct xc_pos pos = xcr_inner(it);
    struct xcr_poscur pc;
    xcr_poscur_init(&pc, pos, spec);
#define AT(ptr) xcr_pos_next(&pc, (size_t)((ptr) - spec))
    struct xc_graphics g = {0};
    g.pos = pos;
    g.type = strstr(spec, "type=sdl") ? XC_GFX_SDL : XC_GFX_VNC;
    g.autoport = g.type == XC_GFX_VNC ? XC_TRI_NO : XC_TRI_ABSENT;

    const char *key = spec;
    while (key) {
        const char *next = strchr(key, ',');
        size_t n = next ? (size_t)(next - key) : strlen(key);
        const char *eq = memchr(key, '=', n);
        if (!eq) {
            xc_lost(r->d, AT(key), "ignored-value",
                    "vfb '%s': the rest from '%.*s' on (libvirt stops at an "
                    "item without '=')", spec, (int)n, key);
            break;
        }
        size_t kn = (size_t)(eq - key);
        const char *val = eq + 1;
        size_t vn = n - kn - 1;
        bool used = (kn == 4 && strncmp(key, "type", 4) == 0) ||
                    (kn == 3 && (strncmp(key, "vnc", 3) == 0 ||
                                 strncmp(key, "sdl", 3) == 0));
#define KEY(name) (kn == sizeof(name) - 1 && strncmp(key, name, kn) == 0)
        if (g.type == XC_GFX_VNC) {
            if (KEY("vncunused")) {
                if (vn == 1 && val[0] == '1')
                    g.autoport = XC_TRI_YES;
                used = true;
            } else if (KEY("vnclisten")) {
                xc_str_setn(&g.listen, val, vn, AT(val));
                used = true;
            } else if (KEY("vncpasswd")) {
                xc_str_setn(&g.passwd, val, vn, AT(val));
                used = true;
            } else if (KEY("keymap")) {
                xc_str_setn(&g.keymap, val, vn, AT(val));
                used = true;
            } else if (KEY("vncdisplay")) {
                char *t = xc_strndup(val, vn);
                long long disp;
                int prc = xcr_parse_ll(t, 10, &disp);
                free(t);
                if (prc < 0 || vnc_port(r, AT(val), disp, &g) < 0) {
                    if (prc < 0)
                        xcr_error(r, AT(val), "bad-number", "vfb: invalid "
                                  "vncdisplay value '%.*s'", (int)vn, val);
                    struct xc_domain tmp = {0};
                    *xc_vec_push(&tmp.graphics) = g;
                    xc_domain_free(&tmp);
                    return -1;
                }
                used = true;
            }
        } else {
            if (KEY("display")) {
                xc_str_setn(&g.display, val, vn, AT(val));
                used = true;
            } else if (KEY("xauthority")) {
                xc_str_setn(&g.xauth, val, vn, AT(val));
                used = true;
            }
        }
#undef KEY
        if (!used)
            xc_lost(r->d, AT(key), "unused-option",
                    "vfb option '%.*s'", (int)kn,
                    key);
        while (next && (*next == ',' || *next == ' ' || *next == '\t'))
            next++;
        key = next;
    }
    if (g.type == XC_GFX_VNC)
        g.has_listen = true;
    *xc_vec_push(&r->dom->graphics) = g;
    return 0;
#undef AT
}

int xcr_read_vfb(struct xcr *r)
{
    bool hvm = r->dom->os.type == XC_OS_HVM;
    if (hvm && read_hvm_vfb(r) < 0)
        return -1;
    if (!hvm && r->dom->graphics.n == 0)
        return read_pv_vfb(r);
    return 0;
}
