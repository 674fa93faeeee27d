/* xenFormatConfigCommon (libvirt 9.0.0 src/libxl/xen_common.c), shared by
 * the xl and xm writers: the keys both write, in libvirt's order and with
 * virConfSetValue's replace-in-place semantics, and the loss warnings for
 * what neither carries.  Where libvirt's formatter fails, we fail with a
 * positioned error. */
#include "xen_write.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"

void xcw_init(struct xcw *w, const struct xc_domain *dom,
              const struct xc_settings *set, struct xc_diags *d,
              enum xc_xen_flavor flavor)
{
    memset(w, 0, sizeof(*w));
    w->dom = dom;
    w->set = set;
    w->d = d;
    w->flavor = flavor;
    /* libvirt's zero os type is hvm */
    w->hvm = dom->os.type == XC_OS_HVM || dom->os.type == XC_OS_NONE;
}

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

void xcw_set_str(struct xcw *w, const char *key, const char *v,
                    struct xc_pos pos)
{
    xc_cfg_set_string(&w->cfg, key, v, pos);
}

void xcw_set_xstr(struct xcw *w, const char *key, const struct xc_str *v)
{
    xc_cfg_set_string(&w->cfg, key, v->s, v->pos);
}

void xcw_set_num(struct xcw *w, const char *key, long long v)
{
    xc_cfg_set_number(&w->cfg, key, v);
}

void xcw_lost(struct xcw *w, struct xc_pos pos, const char *what)
{
    xc_lost(w->d, pos, XCW_LOST, "%s", what);
}

void xcw_set_boot(struct xcw *w)
{
    const struct xc_os *os = &w->dom->os;
    struct xc_buf boot = {0};
    unsigned n = os->nboot < XC_MAX_BOOT_DEVS ? os->nboot : XC_MAX_BOOT_DEVS;

    for (unsigned i = 0; i < n; i++) {
        switch (os->boot[i]) {
        case XC_BOOT_NONE: /* libvirt's zero boot device is fd */
        case XC_BOOT_FD: xc_buf_addc(&boot, 'a'); break;
        case XC_BOOT_CDROM: xc_buf_addc(&boot, 'd'); break;
        case XC_BOOT_NETWORK: xc_buf_addc(&boot, 'n'); break;
        case XC_BOOT_HD: xc_buf_addc(&boot, 'c'); break;
        }
    }
    xcw_set_str(w, "boot", n ? xc_buf_str(&boot) : "c", xc_nopos);
    xc_buf_free(&boot);
}

void xcw_set_pv_boot(struct xcw *w, const char *cmdline_key)
{
    const struct xc_os *os = &w->dom->os;

    if (os->bootloader.s)
        xcw_set_xstr(w, "bootloader", &os->bootloader);
    if (os->bootloader_args.s)
        xcw_set_xstr(w, "bootargs", &os->bootloader_args);
    if (os->kernel.s)
        xcw_set_xstr(w, "kernel", &os->kernel);
    if (os->initrd.s)
        xcw_set_xstr(w, "ramdisk", &os->initrd);
    if (os->cmdline.s && cmdline_key)
        xcw_set_xstr(w, cmdline_key, &os->cmdline);
    if (os->nboot)
        xcw_lost(w, xc_nopos, "<boot dev=...> of a PV guest");
    if (os->slic_table.s)
        xcw_lost(w, os->slic_table.pos, "<acpi><table> of a PV guest");
    if (os->loader.s)
        xcw_lost(w, os->loader.pos, "<loader> of a PV guest");
}

void xcw_lost_os_extras(struct xcw *w)
{
    const struct xc_os *os = &w->dom->os;

    if (os->nvram.s)
        xcw_lost(w, os->nvram.pos, "<nvram>");
    if (os->root.s)
        xcw_lost(w, os->root.pos, "<root>");
    if (os->dtb.s)
        xcw_lost(w, os->dtb.pos, "<dtb>");
}

void xcw_speclist_reserve(struct xcw_speclist *l, size_t n)
{
    xc_cfg_list_reserve(&l->list, n);
}

void xcw_speclist_add(struct xcw *w, struct xcw_speclist *l,
                      const struct xc_buf *b, struct xc_pos pos)
{
    xc_cfg_list_add_stored(&w->cfg, &l->list, xc_buf_str(b), b->len, pos);
}

void xcw_speclist_set(struct xcw *w, const char *key, struct xcw_speclist *l)
{
    if (l->list.items.n && !w->failed)
        xc_cfg_set_list_value(&w->cfg, key, &l->list);
    else
        xc_cfg_value_free(&l->list);
}

/* ==== xenFormatConfigCommon ============================================ */

static void fmt_meta(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    char uuid[37];

    if (!dom->name.s) {
        xc_error(w->d, xc_nopos, XCW_UNSUPPORTED, "domain has no name");
        w->failed = true;
    } else {
        xcw_set_xstr(w, "name", &dom->name);
    }
    xc_uuid_format(dom->uuid, uuid);
    xcw_set_str(w, "uuid", uuid, xc_nopos);
    if (dom->title.s)
        xcw_lost(w, dom->title.pos, "<title>");
    if (dom->description.s)
        xcw_lost(w, dom->description.pos, "<description>");
}

static long long mib_up(uint64_t kib)
{
    return (long long)(kib / 1024 + (kib % 1024 != 0));
}

static void fmt_mem(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;

    xcw_set_num(w, "maxmem", mib_up(dom->memory_kib));
    xcw_set_num(w, "memory",
            mib_up(dom->has_current_memory ? dom->current_memory_kib : 0));
}

static void fmt_cpu_alloc(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    unsigned max = dom->maxvcpus;
    unsigned cur = dom->has_current_vcpus ? dom->current_vcpus : max;

    if (cur < max)
        xcw_set_num(w, "maxvcpus", max);
    xcw_set_num(w, "vcpus", cur);

    if (dom->cpuset.s && streq(dom->placement.s, "auto")) {
        /* libvirt ignores cpuset with placement='auto' */
        xc_lost(w->d, dom->cpuset.pos, XCW_LOST,
                "vcpu cpuset '%s' (ignored with placement='auto', as libvirt "
                "does)", dom->cpuset.s);
    } else if (dom->cpuset.s) {
        struct xc_buf b = {0};
        bool empty;

        if (xc_xenw_cpuset(&dom->cpuset, "vcpu cpuset", &b, &empty, w->d) < 0) {
            w->failed = true;
        } else if (empty) {
            xc_error(w->d, dom->cpuset.pos, XCW_UNSUPPORTED,
                     "Invalid value of 'cpuset': '%s' names no cpu",
                     dom->cpuset.s);
            w->failed = true;
        } else {
            xcw_set_str(w, "cpus", xc_buf_str(&b), dom->cpuset.pos);
        }
        xc_buf_free(&b);
    }
    if (dom->has_shares)
        xcw_lost(w, xc_nopos, "<cputune><shares>");
}

static const char *const timer_unsupported[] = {
    "platform", "kvmclock", "hypervclock", "rtc", "pit", "armvtimer", NULL};

static void fmt_timers(struct xcw *w)
{
    const struct xc_clock *clock = &w->dom->clock;

    for (size_t i = 0; i < clock->timers.n; i++) {
        const struct xc_timer *t = &clock->timers.v[i];
        const char *name = t->name.s ? t->name.s : "";
        bool known = false;

        if (streq(name, "tsc")) {
            const char *m = t->mode.s;
            const char *v = NULL;

            if (!m || streq(m, "auto") || streq(m, "smpsafe"))
                v = "default";
            else if (streq(m, "native"))
                v = "native";
            else if (streq(m, "paravirt"))
                v = "native_paravirt";
            else if (streq(m, "emulate"))
                v = "always_emulate";
            if (!v) {
                xc_error(w->d, t->mode.pos, XCW_UNSUPPORTED,
                         "unsupported tsc timer mode '%s'", m);
                w->failed = true;
                continue;
            }
            xcw_set_str(w, "tsc_mode", v, t->mode.pos);
            if (t->present == XC_TRI_NO)
                xcw_lost(w, t->name.pos, "tsc timer present='no'");
            known = true;
        } else if (streq(name, "hpet")) {
            if (!w->hvm) {
                xc_error(w->d, t->name.pos, XCW_UNSUPPORTED,
                         "unsupported timer type (name) 'hpet' for a PV "
                         "guest");
                w->failed = true;
                continue;
            }
            xcw_set_num(w, "hpet", t->present != XC_TRI_NO);
            if (t->mode.s)
                xcw_lost(w, t->mode.pos, "hpet timer mode=");
            known = true;
        }
        if (!known) {
            bool listed = false;
            for (size_t k = 0; timer_unsupported[k]; k++)
                listed |= streq(name, timer_unsupported[k]);
            xc_error(w->d, t->name.pos, XCW_UNSUPPORTED,
                     "%s timer type (name) '%s'",
                     listed ? "unsupported" : "unknown", name);
            w->failed = true;
            continue;
        }
        if (t->tickpolicy.s)
            xcw_lost(w, t->tickpolicy.pos, "timer tickpolicy=");
        if (t->track.s)
            xcw_lost(w, t->track.pos, "timer track=");
        if (t->has_frequency)
            xcw_lost(w, t->name.pos, "timer frequency=");
    }
}

static void fmt_features(struct xcw *w)
{
    const struct xc_features *f = &w->dom->features;
    static const char *const names[XC_FEAT_COUNT] = {
        [XC_FEAT_ACPI] = "<acpi/>", [XC_FEAT_APIC] = "<apic/>",
        [XC_FEAT_PAE] = "<pae/>", [XC_FEAT_HAP] = "<hap/>",
        [XC_FEAT_VIRIDIAN] = "<viridian/>",
        [XC_FEAT_PVSPINLOCK] = "<pvspinlock/>", [XC_FEAT_HPT] = "<hpt/>"};

    if (w->hvm) {
        xcw_set_num(w, "pae", f->f[XC_FEAT_PAE] == XC_TRI_YES);
        xcw_set_num(w, "acpi", f->f[XC_FEAT_ACPI] == XC_TRI_YES);
        xcw_set_num(w, "apic", f->f[XC_FEAT_APIC] == XC_TRI_YES);
        if (f->f[XC_FEAT_HAP] == XC_TRI_NO)
            xcw_set_num(w, "hap", 0);
        xcw_set_num(w, "viridian", f->f[XC_FEAT_VIRIDIAN] == XC_TRI_YES);
        if (f->xen_e820_host != XC_TRI_ABSENT)
            xcw_lost(w, xc_nopos, "<xen><e820_host> of an HVM guest");
    } else {
        if (f->xen_e820_host == XC_TRI_YES)
            xcw_set_num(w, "e820_host", 1);
        for (int i = 0; i <= XC_FEAT_VIRIDIAN; i++)
            if (f->f[i] != XC_TRI_ABSENT) {
                xc_lost(w->d, xc_nopos, XCW_LOST,
                        "feature %s of a PV guest", names[i]);
            }
    }
    if (f->xen_passthrough == XC_TRI_YES) {
        if (f->xen_passthrough_mode == XC_PT_SYNC_PT ||
            f->xen_passthrough_mode == XC_PT_SHARE_PT)
            xcw_set_str(w, "passthrough",
                    xc_enum_name(XC_T_PASSTHROUGH_MODE,
                                 f->xen_passthrough_mode), xc_nopos);
        else
            xcw_set_str(w, "passthrough", "enabled", xc_nopos);
    }
    for (int i = XC_FEAT_PVSPINLOCK; i < XC_FEAT_COUNT; i++)
        if (f->f[i] != XC_TRI_ABSENT)
            xc_lost(w->d, xc_nopos, XCW_LOST, "feature %s", names[i]);
    fmt_timers(w);
}

static void fmt_time_offset(struct xcw *w)
{
    int localtime;
    long long rtc;

    if (xc_xenw_clock(&w->dom->clock, w->hvm, &localtime, &rtc, w->d) < 0) {
        w->failed = true;
        return;
    }
    if (w->hvm)
        xcw_set_num(w, "rtc_timeoffset", rtc);
    xcw_set_num(w, "localtime", localtime);
}

static const char *lifecycle(enum xc_lifecycle a)
{
    /* libvirt's zero lifecycle action is destroy */
    return a == XC_LC_NONE ? "destroy" : xc_enum_name(XC_T_LIFECYCLE, a);
}

static void fmt_events(struct xcw *w)
{
    xcw_set_str(w, "on_poweroff", lifecycle(w->dom->on_poweroff), xc_nopos);
    xcw_set_str(w, "on_reboot", lifecycle(w->dom->on_reboot), xc_nopos);
    xcw_set_str(w, "on_crash", lifecycle(w->dom->on_crash), xc_nopos);
}

static void fmt_emulator(struct xcw *w)
{
    if (w->dom->emulator.s)
        xcw_set_xstr(w, "device_model_override", &w->dom->emulator);
}

static void graphics_warnings(struct xcw *w, const struct xc_graphics *g)
{
    if (g->fullscreen != XC_TRI_ABSENT)
        xcw_lost(w, g->pos, "graphics fullscreen=");
    if (g->gl != XC_TRI_ABSENT)
        xcw_lost(w, g->pos, "graphics <gl>");
    if (g->type == XC_GFX_SPICE) {
        if (g->keymap.s)
            xcw_lost(w, g->keymap.pos, "spice keymap=");
        if (g->default_mode.s && !streq(g->default_mode.s, "any"))
            xcw_lost(w, g->default_mode.pos, "spice defaultMode=");
    } else if (g->type == XC_GFX_VNC && g->has_tls_port) {
        xcw_lost(w, g->pos, "vnc tlsPort=");
    }
}

static void fmt_vfb(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_graphics *g = dom->graphics.n ? &dom->graphics.v[0] : NULL;

    /* what xenFormatConfigCommon carries: one non-spice device; and what
     * xenFormatXL adds: an HVM guest's first device when it is spice
     * (xl's fmt_spice).  xm has no spice. */
    bool spice_ok = w->hvm && w->flavor == XC_XEN_XL;
    for (size_t i = 0; i < dom->graphics.n; i++) {
        const struct xc_graphics *o = &dom->graphics.v[i];
        bool spice = o->type == XC_GFX_SPICE;
        bool carried = i == 0 && (spice ? spice_ok : dom->graphics.n == 1);
        if (!carried)
            xc_lost(w->d, o->pos, XCW_LOST,
                    "<graphics type='%s'> (%s)",
                    o->type ? xc_enum_name(XC_T_GRAPHICS_TYPE, o->type) : "sdl",
                    spice && w->flavor == XC_XEN_XM ? "xm has no spice" : spice && !w->hvm ? "spice needs an HVM guest" : "one graphics device is written");
        else
            graphics_warnings(w, o);
    }

    if (dom->graphics.n != 1 || g->type == XC_GFX_SPICE)
        return;
    if (w->hvm) {
        if (g->type != XC_GFX_VNC) { /* sdl (libvirt's zero type) */
            xcw_set_num(w, "sdl", 1);
            xcw_set_num(w, "vnc", 0);
            if (g->display.s)
                xcw_set_xstr(w, "display", &g->display);
            if (g->xauth.s)
                xcw_set_xstr(w, "xauthority", &g->xauth);
        } else {
            bool autoport = xc_xenw_vnc_autoport(g);

            xcw_set_num(w, "sdl", 0);
            xcw_set_num(w, "vnc", 1);
            xcw_set_num(w, "vncunused", autoport);
            if (!autoport && xc_xenw_vnc_port(g) != 0)   /* no -5900 */
                xcw_set_num(w, "vncdisplay",
                        (long long)xc_xenw_vnc_port(g) - 5900);
            if (g->listen.s)
                xcw_set_xstr(w, "vnclisten", &g->listen);
            if (g->passwd.s)
                xcw_set_xstr(w, "vncpasswd", &g->passwd);
            if (g->keymap.s)
                xcw_set_xstr(w, "keymap", &g->keymap);
        }
    } else {
        struct xc_buf b = {0};
        struct xcw_speclist l = XCW_SPECLIST_INIT;

        if (xc_xenw_vfb(g, &b, w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, g->pos);
        xc_buf_free(&b);
        xcw_speclist_set(w, "vfb", &l);
    }
}

static void fmt_vif(struct xcw *w)
{
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    xcw_speclist_reserve(&l, w->dom->nets.n);
    for (size_t i = 0; i < w->dom->nets.n; i++) {
        const struct xc_net *net = &w->dom->nets.v[i];

        xc_buf_reset(&b);
        if (xc_xenw_vif(net, w->hvm, xc_xen_vif_typename(w->flavor), &b,
                        w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, net->pos);
    }
    xc_buf_free(&b);
    xcw_speclist_set(w, "vif", &l);
}

static void fmt_pci(struct xcw *w)
{
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->hostdevs.n; i++) {
        const struct xc_hostdev *hd = &w->dom->hostdevs.v[i];

        if (hd->type == XC_HOSTDEV_NONE)
            xcw_lost(w, hd->pos, "<hostdev> without a type");
        if (hd->type != XC_HOSTDEV_PCI)
            continue;
        xc_buf_reset(&b);
        if (xc_xenw_pci(hd, &b, w->d) < 0)
            w->failed = true;
        else
            xcw_speclist_add(w, &l, &b, hd->pos);
    }
    xc_buf_free(&b);
    xcw_speclist_set(w, "pci", &l);
}

/* A single chardev string under key. */
static void set_chr(struct xcw *w, const char *key, const struct xc_chr *c,
                    const char *what)
{
    struct xc_buf b = {0};

    if (xc_xenw_chr(c, what, &b, w->d) < 0)
        w->failed = true;
    else
        xcw_set_str(w, key, xc_buf_str(&b), c->pos);
    xc_buf_free(&b);
}

static void fmt_serials(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    size_t nports, *by_port;
    struct xcw_speclist l = XCW_SPECLIST_INIT;
    struct xc_buf b = {0};

    if (!dom->serials.n) {
        xcw_set_str(w, "serial", "none", xc_nopos);
        return;
    }
    if (dom->serials.n == 1 && xc_xenw_chr_port(&dom->serials.v[0]) == 0) {
        set_chr(w, "serial", &dom->serials.v[0], "serial device");
        return;
    }
    if (w->flavor == XC_XEN_XM) {
        /* xm takes one serial string, for port 0 */
        const struct xc_chr *c = &dom->serials.v[dom->serials.n > 1];
        xc_error(w->d, c->pos, XCW_UNSUPPORTED, "multiple serial devices (or "
                 "one on a port other than 0) are not supported by xen-xm");
        w->failed = true;
        return;
    }
    by_port = xc_xenw_serials_by_port(dom, "xl", &nports, w->d);
    if (!by_port) {
        w->failed = true;
        return;
    }
    for (size_t p = 0; p < nports; p++) {
        struct xc_pos pos = xc_nopos;

        xc_buf_reset(&b);
        if (by_port[p] == SIZE_MAX) {
            xc_buf_add(&b, "none");
        } else {
            pos = dom->serials.v[by_port[p]].pos;
            if (xc_xenw_chr(&dom->serials.v[by_port[p]], "serial device", &b,
                           w->d) < 0) {
                w->failed = true;
                continue;
            }
        }
        xcw_speclist_add(w, &l, &b, pos);
    }
    free(by_port);
    xc_buf_free(&b);
    xcw_speclist_set(w, "serial", &l);
}

static void fmt_chardev(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;

    if (!w->hvm) {
        for (size_t i = 0; i < dom->serials.n; i++)
            xcw_lost(w, dom->serials.v[i].pos, "<serial> of a PV guest");
        for (size_t i = 0; i < dom->parallels.n; i++)
            xcw_lost(w, dom->parallels.v[i].pos, "<parallel> of a PV guest");
        return;
    }
    if (dom->parallels.n)
        set_chr(w, "parallel", &dom->parallels.v[0], "parallel device");
    else
        xcw_set_str(w, "parallel", "none", xc_nopos);
    for (size_t i = 1; i < dom->parallels.n; i++)
        xc_lost(w->d, dom->parallels.v[i].pos, XCW_LOST,
                "parallel device %zu (only the first)", i + 1);
    fmt_serials(w);
}

static void fmt_sound(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;
    struct xc_buf b = {0};

    if (!w->hvm) {
        for (size_t i = 0; i < dom->sounds.n; i++)
            xcw_lost(w, dom->sounds.v[i].pos, "<sound> of a PV guest");
        return;
    }
    if (!dom->sounds.n)
        return;
    if (xc_xenw_soundhw(dom, &b, w->d) < 0)
        w->failed = true;
    xcw_set_str(w, "soundhw", xc_buf_str(&b), dom->sounds.v[0].pos);
    xc_buf_free(&b);
}

void xcw_format_common(struct xcw *w)
{
    fmt_meta(w);
    fmt_mem(w);
    fmt_cpu_alloc(w);
    fmt_features(w);
    fmt_time_offset(w);
    fmt_events(w);
    fmt_emulator(w);
    fmt_vfb(w);
    fmt_vif(w);
    fmt_pci(w);
    fmt_chardev(w);
    fmt_sound(w);
}

/* Devices xenFormatXL never writes, beyond the ones xl provides anyway. */
void xcw_other_losses(struct xcw *w)
{
    const struct xc_domain *dom = w->dom;

    for (size_t i = 0; i < dom->consoles.n; i++) {
        const struct xc_chr *c = &dom->consoles.v[i];
        /* an HVM console mirrors serial 0; a pty console is xl's own */
        if (c->type == XC_CHR_PTY ||
            (w->hvm && streq(c->target_type.s, "serial")))
            continue;
        xcw_lost(w, c->pos, "<console> (xl gives the guest a pty console)");
    }
    for (size_t i = 0; i < dom->videos.n; i++) {
        const struct xc_video *v = &dom->videos.v[i];
        const char *dflt = w->hvm ? "cirrus" : "xen";

        if (!streq(v->model.s, dflt) || (v->has_heads && v->heads > 1))
            xc_lost(w->d, v->pos, XCW_LOST,
                    "<video> model '%s' (libvirt writes no vga/videoram "
                    "settings)", v->model.s ? v->model.s : "");
    }
    if (dom->memballoon_model.s && !streq(dom->memballoon_model.s, "xen"))
        xcw_lost(w, dom->memballoon_model.pos, "<memballoon>");
}

