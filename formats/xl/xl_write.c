/* The xl writer: struct xc_domain -> xl.cfg(5) text, as libvirt 9.0.0's
 * xenFormatXL builds its virConf (same keys, same order, same
 * virConfSetValue replace-in-place semantics) and virConfWriteMem prints
 * it (formats/cfg/).
 *
 * Where libvirt's formatter fails, we fail with a positioned error.
 * Where it writes a value that changes the meaning of an xl spec, we
 * refuse [unsafe-value].  Whatever it drops (or xl cannot express) is a
 * warning [not-carried].  All problems are reported before giving up, and
 * nothing is written when there is an error. */
#include "xl.h"

#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "../cfg/cfg.h"
#include "xl_write.h"

struct xlw {
    const struct xc_domain *dom;
    const struct xc_settings *set;
    struct xc_cfg cfg;
    struct xc_diags *d;
    bool hvm;
    bool failed;
};

/* Serial ports are listed by port number, with "none" in the gaps; a
 * port number this large would make the output dwarf the input. */
enum { MAX_SERIAL_PORT = 4096 };

static bool streq(const char *a, const char *b)
{
    return a && b && strcmp(a, b) == 0;
}

static void set_str(struct xlw *w, const char *key, const char *v,
                    struct xc_pos pos)
{
    xc_cfg_set_string(&w->cfg, key, v, pos);
}

static void set_xstr(struct xlw *w, const char *key, const struct xc_str *v)
{
    xc_cfg_set_string(&w->cfg, key, v->s, v->pos);
}

static void set_num(struct xlw *w, const char *key, long long v)
{
    xc_cfg_set_number(&w->cfg, key, v);
}

static void lost(struct xlw *w, struct xc_pos pos, const char *what)
{
    xc_warn(w->d, pos, XLW_LOST, "%s is not carried to xl", what);
}

/* A list value built from specs; set under key only when non-empty, as
 * libvirt does ("if (list->list != NULL) virConfSetValue"). */
struct speclist {
    XC_VEC(char *) items;
    XC_VEC(struct xc_pos) pos;
};

static void speclist_add(struct speclist *l, struct xc_buf *b,
                         struct xc_pos pos)
{
    *xc_vec_push(&l->items) = xc_buf_steal(b);
    *xc_vec_push(&l->pos) = pos;
}

static void speclist_set(struct xlw *w, const char *key, struct speclist *l)
{
    if (l->items.n && !w->failed) {
        struct xc_cfg_value *list = xc_cfg_set_list(&w->cfg, key);
        for (size_t i = 0; i < l->items.n; i++)
            xc_cfg_list_add_string(list, l->items.v[i], l->pos.v[i]);
    }
    for (size_t i = 0; i < l->items.n; i++)
        free(l->items.v[i]);
    free(l->items.v);
    free(l->pos.v);
    memset(l, 0, sizeof(*l));
}

/* ==== xenFormatConfigCommon ============================================ */

static void fmt_meta(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;
    char uuid[37];

    if (!dom->name.s) {
        xc_error(w->d, xc_nopos, XLW_UNSUPPORTED, "domain has no name");
        w->failed = true;
    } else {
        set_xstr(w, "name", &dom->name);
    }
    xc_uuid_format(dom->uuid, uuid);
    set_str(w, "uuid", uuid, xc_nopos);
    if (dom->title.s)
        lost(w, dom->title.pos, "<title>");
    if (dom->description.s)
        lost(w, dom->description.pos, "<description>");
}

static long long mib_up(uint64_t kib)
{
    return (long long)(kib / 1024 + (kib % 1024 != 0));
}

static void fmt_mem(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;

    set_num(w, "maxmem", mib_up(dom->memory_kib));
    set_num(w, "memory",
            mib_up(dom->has_current_memory ? dom->current_memory_kib : 0));
}

static void fmt_cpu_alloc(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;
    unsigned max = dom->maxvcpus;
    unsigned cur = dom->has_current_vcpus ? dom->current_vcpus : max;

    if (cur < max)
        set_num(w, "maxvcpus", max);
    set_num(w, "vcpus", cur);

    if (dom->cpuset.s && streq(dom->placement.s, "auto")) {
        /* libvirt ignores cpuset with placement='auto' */
        xc_warn(w->d, dom->cpuset.pos, XLW_LOST,
                "vcpu cpuset '%s' is ignored with placement='auto', as "
                "libvirt does", dom->cpuset.s);
    } else if (dom->cpuset.s) {
        struct xc_buf b = {0};
        bool empty;

        if (xc_xlw_cpuset(&dom->cpuset, "vcpu cpuset", &b, &empty, w->d) < 0) {
            w->failed = true;
        } else if (empty) {
            xc_error(w->d, dom->cpuset.pos, XLW_UNSUPPORTED,
                     "Invalid value of 'cpuset': '%s' names no cpu",
                     dom->cpuset.s);
            w->failed = true;
        } else {
            set_str(w, "cpus", xc_buf_str(&b), dom->cpuset.pos);
        }
        xc_buf_free(&b);
    }
    if (dom->has_shares)
        lost(w, xc_nopos, "<cputune><shares>");
}

static const char *const timer_unsupported[] = {
    "platform", "kvmclock", "hypervclock", "rtc", "pit", "armvtimer", NULL};

static void fmt_timers(struct xlw *w)
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
                xc_error(w->d, t->mode.pos, XLW_UNSUPPORTED,
                         "unsupported tsc timer mode '%s'", m);
                w->failed = true;
                continue;
            }
            set_str(w, "tsc_mode", v, t->mode.pos);
            if (t->present == XC_TRI_NO)
                lost(w, t->name.pos, "tsc timer present='no'");
            known = true;
        } else if (streq(name, "hpet")) {
            if (!w->hvm) {
                xc_error(w->d, t->name.pos, XLW_UNSUPPORTED,
                         "unsupported timer type (name) 'hpet' for a PV "
                         "guest");
                w->failed = true;
                continue;
            }
            set_num(w, "hpet", t->present != XC_TRI_NO);
            if (t->mode.s)
                lost(w, t->mode.pos, "hpet timer mode=");
            known = true;
        }
        if (!known) {
            bool listed = false;
            for (size_t k = 0; timer_unsupported[k]; k++)
                listed |= streq(name, timer_unsupported[k]);
            xc_error(w->d, t->name.pos, XLW_UNSUPPORTED,
                     "%s timer type (name) '%s'",
                     listed ? "unsupported" : "unknown", name);
            w->failed = true;
            continue;
        }
        if (t->tickpolicy.s)
            lost(w, t->tickpolicy.pos, "timer tickpolicy=");
        if (t->track.s)
            lost(w, t->track.pos, "timer track=");
        if (t->has_frequency)
            lost(w, t->name.pos, "timer frequency=");
    }
}

static void fmt_features(struct xlw *w)
{
    const struct xc_features *f = &w->dom->features;
    static const char *const names[XC_FEAT_COUNT] = {
        [XC_FEAT_ACPI] = "<acpi/>", [XC_FEAT_APIC] = "<apic/>",
        [XC_FEAT_PAE] = "<pae/>", [XC_FEAT_HAP] = "<hap/>",
        [XC_FEAT_VIRIDIAN] = "<viridian/>",
        [XC_FEAT_PVSPINLOCK] = "<pvspinlock/>", [XC_FEAT_HPT] = "<hpt/>"};

    if (w->hvm) {
        set_num(w, "pae", f->f[XC_FEAT_PAE] == XC_TRI_YES);
        set_num(w, "acpi", f->f[XC_FEAT_ACPI] == XC_TRI_YES);
        set_num(w, "apic", f->f[XC_FEAT_APIC] == XC_TRI_YES);
        if (f->f[XC_FEAT_HAP] == XC_TRI_NO)
            set_num(w, "hap", 0);
        set_num(w, "viridian", f->f[XC_FEAT_VIRIDIAN] == XC_TRI_YES);
        if (f->xen_e820_host != XC_TRI_ABSENT)
            lost(w, xc_nopos, "<xen><e820_host> of an HVM guest");
    } else {
        if (f->xen_e820_host == XC_TRI_YES)
            set_num(w, "e820_host", 1);
        for (int i = 0; i <= XC_FEAT_VIRIDIAN; i++)
            if (f->f[i] != XC_TRI_ABSENT) {
                xc_warn(w->d, xc_nopos, XLW_LOST,
                        "feature %s of a PV guest is not carried to xl",
                        names[i]);
            }
    }
    if (f->xen_passthrough == XC_TRI_YES) {
        if (f->xen_passthrough_mode == XC_PT_SYNC_PT ||
            f->xen_passthrough_mode == XC_PT_SHARE_PT)
            set_str(w, "passthrough",
                    xc_enum_name(XC_T_PASSTHROUGH_MODE,
                                 f->xen_passthrough_mode), xc_nopos);
        else
            set_str(w, "passthrough", "enabled", xc_nopos);
    }
    for (int i = XC_FEAT_PVSPINLOCK; i < XC_FEAT_COUNT; i++)
        if (f->f[i] != XC_TRI_ABSENT)
            xc_warn(w->d, xc_nopos, XLW_LOST,
                    "feature %s is not carried to xl", names[i]);
    fmt_timers(w);
}

static void fmt_time_offset(struct xlw *w)
{
    const struct xc_clock *c = &w->dom->clock;
    const char *off = xc_enum_name(XC_T_CLOCK_OFFSET, c->offset);
    long long localtime = 0;

    if (w->hvm) {
        long long rtc = 0;

        switch (c->offset) {
        case XC_CLOCK_VARIABLE:
            localtime = c->basis == XC_BASIS_LOCALTIME;
            rtc = c->has_adjustment ? c->adjustment : 0;
            if (rtc < INT_MIN || rtc > INT_MAX) {
                xc_error(w->d, xc_nopos, XLW_UNSUPPORTED,
                         "clock adjustment %lld is out of range", rtc);
                w->failed = true;
                return;
            }
            break;
        case XC_CLOCK_NONE: /* libvirt's zero offset is utc */
        case XC_CLOCK_UTC:
        case XC_CLOCK_LOCALTIME:
            if (c->utc_reset) {
                xc_error(w->d, xc_nopos, XLW_UNSUPPORTED,
                         "unsupported clock adjustment='reset'");
                w->failed = true;
                return;
            }
            localtime = c->offset == XC_CLOCK_LOCALTIME;
            break;
        default:
            xc_error(w->d, xc_nopos, XLW_UNSUPPORTED,
                     "unsupported clock offset='%s'", off);
            w->failed = true;
            return;
        }
        set_num(w, "rtc_timeoffset", rtc);
    } else {
        switch (c->offset) {
        case XC_CLOCK_NONE:
        case XC_CLOCK_UTC:
        case XC_CLOCK_LOCALTIME:
            /* adjustment='reset' is how libvirt reads every PV clock */
            localtime = c->offset == XC_CLOCK_LOCALTIME;
            break;
        default:
            xc_error(w->d, xc_nopos, XLW_UNSUPPORTED,
                     "unsupported clock offset='%s' for a PV guest", off);
            w->failed = true;
            return;
        }
    }
    set_num(w, "localtime", localtime);
}

static const char *lifecycle(enum xc_lifecycle a)
{
    /* libvirt's zero lifecycle action is destroy */
    return a == XC_LC_NONE ? "destroy" : xc_enum_name(XC_T_LIFECYCLE, a);
}

static void fmt_events(struct xlw *w)
{
    set_str(w, "on_poweroff", lifecycle(w->dom->on_poweroff), xc_nopos);
    set_str(w, "on_reboot", lifecycle(w->dom->on_reboot), xc_nopos);
    set_str(w, "on_crash", lifecycle(w->dom->on_crash), xc_nopos);
}

static void fmt_emulator(struct xlw *w)
{
    if (w->dom->emulator.s)
        set_xstr(w, "device_model_override", &w->dom->emulator);
}

static void graphics_warnings(struct xlw *w, const struct xc_graphics *g)
{
    if (g->fullscreen != XC_TRI_ABSENT)
        lost(w, g->pos, "graphics fullscreen=");
    if (g->gl != XC_TRI_ABSENT)
        lost(w, g->pos, "graphics <gl>");
    if (g->type == XC_GFX_SPICE) {
        if (g->keymap.s)
            lost(w, g->keymap.pos, "spice keymap=");
        if (g->default_mode.s && !streq(g->default_mode.s, "any"))
            lost(w, g->default_mode.pos, "spice defaultMode=");
    } else if (g->type == XC_GFX_VNC && g->has_tls_port) {
        lost(w, g->pos, "vnc tlsPort=");
    }
}

static void fmt_vfb(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_graphics *g = dom->graphics.n ? &dom->graphics.v[0] : NULL;

    /* what xenFormatXL carries: one non-spice device, or an HVM guest's
     * first device when it is spice (fmt_spice) */
    for (size_t i = 0; i < dom->graphics.n; i++) {
        const struct xc_graphics *o = &dom->graphics.v[i];
        bool carried = i == 0 && (dom->graphics.n == 1 || o->type == XC_GFX_SPICE) &&
                       (o->type != XC_GFX_SPICE || w->hvm);
        if (!carried)
            xc_warn(w->d, o->pos, XLW_LOST,
                    "<graphics type='%s'> is not carried to xl (%s)",
                    o->type ? xc_enum_name(XC_T_GRAPHICS_TYPE, o->type) : "sdl",
                    o->type == XC_GFX_SPICE && !w->hvm
                        ? "spice needs an HVM guest"
                        : "xl takes a single graphics device");
        else
            graphics_warnings(w, o);
    }

    if (dom->graphics.n != 1 || g->type == XC_GFX_SPICE)
        return;
    if (w->hvm) {
        if (g->type != XC_GFX_VNC) { /* sdl (libvirt's zero type) */
            set_num(w, "sdl", 1);
            set_num(w, "vnc", 0);
            if (g->display.s)
                set_xstr(w, "display", &g->display);
            if (g->xauth.s)
                set_xstr(w, "xauthority", &g->xauth);
        } else {
            bool autoport = xc_xlw_vnc_autoport(g);

            set_num(w, "sdl", 0);
            set_num(w, "vnc", 1);
            set_num(w, "vncunused", autoport);
            if (!autoport)
                set_num(w, "vncdisplay",
                        (long long)xc_xlw_vnc_port(g) - 5900);
            if (g->listen.s)
                set_xstr(w, "vnclisten", &g->listen);
            if (g->passwd.s)
                set_xstr(w, "vncpasswd", &g->passwd);
            if (g->keymap.s)
                set_xstr(w, "keymap", &g->keymap);
        }
    } else {
        struct xc_buf b = {0};
        struct speclist l = {0};

        if (xc_xlw_vfb(g, &b, w->d) < 0)
            w->failed = true;
        else
            speclist_add(&l, &b, g->pos);
        xc_buf_free(&b);
        speclist_set(w, "vfb", &l);
    }
}

static void fmt_vif(struct xlw *w)
{
    struct speclist l = {0};
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->nets.n; i++) {
        const struct xc_net *net = &w->dom->nets.v[i];

        xc_buf_reset(&b);
        if (xc_xlw_vif(net, w->hvm, &b, w->d) < 0)
            w->failed = true;
        else
            speclist_add(&l, &b, net->pos);
    }
    xc_buf_free(&b);
    speclist_set(w, "vif", &l);
}

static void fmt_pci(struct xlw *w)
{
    struct speclist l = {0};
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->hostdevs.n; i++) {
        const struct xc_hostdev *hd = &w->dom->hostdevs.v[i];

        if (hd->type == XC_HOSTDEV_NONE)
            lost(w, hd->pos, "<hostdev> without a type");
        if (hd->type != XC_HOSTDEV_PCI)
            continue;
        xc_buf_reset(&b);
        if (xc_xlw_pci(hd, &b, w->d) < 0)
            w->failed = true;
        else
            speclist_add(&l, &b, hd->pos);
    }
    xc_buf_free(&b);
    speclist_set(w, "pci", &l);
}

static unsigned chr_port(const struct xc_chr *c)
{
    return c->has_target_port ? c->target_port : 0;
}

/* A single chardev string under key. */
static void set_chr(struct xlw *w, const char *key, const struct xc_chr *c,
                    const char *what)
{
    struct xc_buf b = {0};

    if (xc_xlw_chr(c, what, &b, w->d) < 0)
        w->failed = true;
    else
        set_str(w, key, xc_buf_str(&b), c->pos);
    xc_buf_free(&b);
}

static void fmt_serials(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;
    unsigned maxport = 0;
    size_t *by_port;
    struct speclist l = {0};
    struct xc_buf b = {0};

    if (!dom->serials.n) {
        set_str(w, "serial", "none", xc_nopos);
        return;
    }
    if (dom->serials.n == 1 && chr_port(&dom->serials.v[0]) == 0) {
        set_chr(w, "serial", &dom->serials.v[0], "serial device");
        return;
    }
    for (size_t i = 0; i < dom->serials.n; i++) {
        unsigned p = chr_port(&dom->serials.v[i]);
        if (p > MAX_SERIAL_PORT) {
            xc_error(w->d, dom->serials.v[i].pos, XLW_UNSUPPORTED,
                     "serial port %u: xl lists serial devices by port, and "
                     "xenconv refuses to write more than %d placeholders",
                     p, MAX_SERIAL_PORT);
            w->failed = true;
            return;
        }
        if (p > maxport)
            maxport = p;
    }
    /* the first serial device on each port, as libvirt's lookup finds */
    by_port = xc_malloc(((size_t)maxport + 1) * sizeof(*by_port));
    for (size_t p = 0; p <= maxport; p++)
        by_port[p] = SIZE_MAX;
    for (size_t i = 0; i < dom->serials.n; i++) {
        unsigned p = chr_port(&dom->serials.v[i]);
        if (by_port[p] == SIZE_MAX)
            by_port[p] = i;
        else
            xc_warn(w->d, dom->serials.v[i].pos, XLW_LOST,
                    "serial device on port %u is not carried to xl (another "
                    "one uses that port)", p);
    }
    for (size_t p = 0; p <= maxport; p++) {
        struct xc_pos pos = xc_nopos;

        xc_buf_reset(&b);
        if (by_port[p] == SIZE_MAX) {
            xc_buf_add(&b, "none");
        } else {
            pos = dom->serials.v[by_port[p]].pos;
            if (xc_xlw_chr(&dom->serials.v[by_port[p]], "serial device", &b,
                           w->d) < 0) {
                w->failed = true;
                continue;
            }
        }
        speclist_add(&l, &b, pos);
    }
    free(by_port);
    xc_buf_free(&b);
    speclist_set(w, "serial", &l);
}

static void fmt_chardev(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;

    if (!w->hvm) {
        for (size_t i = 0; i < dom->serials.n; i++)
            lost(w, dom->serials.v[i].pos, "<serial> of a PV guest");
        for (size_t i = 0; i < dom->parallels.n; i++)
            lost(w, dom->parallels.v[i].pos, "<parallel> of a PV guest");
        return;
    }
    if (dom->parallels.n)
        set_chr(w, "parallel", &dom->parallels.v[0], "parallel device");
    else
        set_str(w, "parallel", "none", xc_nopos);
    for (size_t i = 1; i < dom->parallels.n; i++)
        xc_warn(w->d, dom->parallels.v[i].pos, XLW_LOST,
                "parallel device %zu is not carried to xl (only the first)",
                i + 1);
    fmt_serials(w);
}

static const char *const sound_models[] = {
    "sb16", "es1370", "pcspk", "ac97", "ich6", "ich9", "usb", "ich7", NULL};

static void fmt_sound(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;
    struct xc_buf b = {0};

    if (!w->hvm) {
        for (size_t i = 0; i < dom->sounds.n; i++)
            lost(w, dom->sounds.v[i].pos, "<sound> of a PV guest");
        return;
    }
    if (!dom->sounds.n)
        return;
    for (size_t i = 0; i < dom->sounds.n; i++) {
        const struct xc_sound *s = &dom->sounds.v[i];
        /* libvirt's zero sound model is sb16 */
        const char *m = s->model.s ? s->model.s : "sb16";
        bool known = false;

        for (size_t k = 0; sound_models[k]; k++)
            known |= streq(m, sound_models[k]);
        if (!known) {
            xc_error(w->d, s->model.pos, XLW_UNSUPPORTED,
                     "unexpected sound model '%s'", m);
            w->failed = true;
            continue;
        }
        if (i)
            xc_buf_addc(&b, ',');
        xc_buf_add(&b, m);
    }
    set_str(w, "soundhw", xc_buf_str(&b), dom->sounds.v[0].pos);
    xc_buf_free(&b);
}

/* ==== xenFormatXL* ===================================================== */

static bool cpu_passthrough(const struct xc_cpu *cpu)
{
    return cpu->present && streq(cpu->mode.s, "host-passthrough");
}

static bool policy_off(const struct xc_cpu_feature *f)
{
    return streq(f->policy.s, "disable") || streq(f->policy.s, "forbid");
}

static void fmt_os(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_os *os = &dom->os;

    if (w->hvm) {
        struct xc_buf boot = {0};
        unsigned n = os->nboot < XC_MAX_BOOT_DEVS ? os->nboot
                                                  : XC_MAX_BOOT_DEVS;

        set_str(w, "builder", "hvm", os->type_pos);
        if (os->loader_type == XC_LOADER_PFLASH)
            set_str(w, "bios", "ovmf", os->loader.pos);
        if (os->slic_table.s)
            set_xstr(w, "acpi_firmware", &os->slic_table);
        if (os->kernel.s)
            set_xstr(w, "kernel", &os->kernel);
        if (os->initrd.s)
            set_xstr(w, "ramdisk", &os->initrd);
        if (os->cmdline.s)
            set_xstr(w, "cmdline", &os->cmdline);
        for (unsigned i = 0; i < n; i++) {
            switch (os->boot[i]) {
            case XC_BOOT_NONE: /* libvirt's zero boot device is fd */
            case XC_BOOT_FD: xc_buf_addc(&boot, 'a'); break;
            case XC_BOOT_CDROM: xc_buf_addc(&boot, 'd'); break;
            case XC_BOOT_NETWORK: xc_buf_addc(&boot, 'n'); break;
            case XC_BOOT_HD: xc_buf_addc(&boot, 'c'); break;
            }
        }
        set_str(w, "boot", n ? xc_buf_str(&boot) : "c", xc_nopos);
        xc_buf_free(&boot);
        if (cpu_passthrough(&dom->cpu)) {
            bool hw_virt = true;

            for (size_t i = 0; i < dom->cpu.features.n; i++) {
                const struct xc_cpu_feature *f = &dom->cpu.features.v[i];
                if (policy_off(f) &&
                    (streq(f->name.s, "vmx") || streq(f->name.s, "svm")))
                    hw_virt = false;
            }
            set_num(w, "nestedhvm", hw_virt);
        }
        if (os->loader.s && os->loader_type != XC_LOADER_PFLASH &&
            !streq(os->loader.s, w->set ? w->set->hvmloader : NULL))
            xc_warn(w->d, os->loader.pos, XLW_LOST,
                    "<loader> '%s' is not carried to xl (xl uses its own "
                    "hvmloader)", os->loader.s);
        if (os->bootloader.s)
            lost(w, os->bootloader.pos, "<bootloader> of an HVM guest");
        if (os->bootloader_args.s)
            lost(w, os->bootloader_args.pos,
                 "<bootloader_args> of an HVM guest");
        if (os->bootmenu != XC_TRI_ABSENT)
            lost(w, xc_nopos, "<bootmenu>");
    } else {
        if (os->type == XC_OS_XENPVH)
            set_str(w, "type", "pvh", os->type_pos);
        if (os->bootloader.s)
            set_xstr(w, "bootloader", &os->bootloader);
        if (os->bootloader_args.s)
            set_xstr(w, "bootargs", &os->bootloader_args);
        if (os->kernel.s)
            set_xstr(w, "kernel", &os->kernel);
        if (os->initrd.s)
            set_xstr(w, "ramdisk", &os->initrd);
        if (os->cmdline.s)
            set_xstr(w, "cmdline", &os->cmdline);
        if (os->nboot)
            lost(w, xc_nopos, "<boot dev=...> of a PV guest");
        if (os->slic_table.s)
            lost(w, os->slic_table.pos, "<acpi><table> of a PV guest");
        if (os->loader.s)
            lost(w, os->loader.pos, "<loader> of a PV guest");
    }
    if (os->nvram.s)
        lost(w, os->nvram.pos, "<nvram>");
    if (os->root.s)
        lost(w, os->root.pos, "<root>");
    if (os->dtb.s)
        lost(w, os->dtb.pos, "<dtb>");
}

static void fmt_cpuid(struct xlw *w)
{
    const struct xc_cpu *cpu = &w->dom->cpu;
    struct xc_buf b = {0};
    bool any = false;

    if (!cpu->present)
        return;
    if (!cpu_passthrough(cpu)) {
        if (cpu->model.s || cpu->features.n)
            xc_warn(w->d, cpu->mode.pos, XLW_LOST,
                    "<cpu> model and features are not carried to xl: only "
                    "mode='host-passthrough' is (mode here: '%s')",
                    cpu->mode.s ? cpu->mode.s : "custom");
        return;
    }
    xc_buf_add(&b, "host");
    for (size_t i = 0; i < cpu->features.n; i++) {
        const struct xc_cpu_feature *f = &cpu->features.v[i];
        const char *name = f->name.s ? xc_xlw_cpuid_name(f->name.s) : "";
        const char *p = f->policy.s;
        const char *v;

        if (streq(name, "vmx") || streq(name, "svm"))
            continue; /* nestedhvm, in fmt_os */
        if (!p || streq(p, "force") || streq(p, "require"))
            v = "1";
        else if (streq(p, "optional"))
            v = "x";
        else if (policy_off(f))
            v = "0";
        else {
            xc_error(w->d, f->policy.pos, XLW_UNSUPPORTED,
                     "unknown cpu feature policy '%s'", p);
            w->failed = true;
            continue;
        }
        if (!xc_xlw_check(name, f->name.pos, "cpu feature name",
                          "the cpuid string", XLW_FORBID_SPEC ":", w->d)) {
            w->failed = true;
            continue;
        }
        xc_buf_addf(&b, ",%s=%s", name, v);
        any = true;
    }
    if (any)
        set_str(w, "cpuid", xc_buf_str(&b), cpu->mode.pos);
    xc_buf_free(&b);
}

struct rev_dist {
    size_t from;        /* index (cell id) of the cell that names us */
    unsigned value;
};

/* vnuma = [ [ "pnode=I", "size=MiB", "vcpus=SET", "vdistances=..." ], ...]
 * Node I is the cell with id I.  Distances follow libvirt's parser: a
 * cell's own sibling entries (the last one for a sibling wins), else the
 * sibling's first entry naming this cell, else 10 to itself and 20. */
static void fmt_vnuma(struct xlw *w)
{
    const struct xc_cpu *cpu = &w->dom->cpu;
    size_t n = cpu->cells.n;
    const struct xc_numa_cell **by_id;
    size_t *rev_start, *rev_fill;
    struct rev_dist *rev;
    size_t nrev = 0;
    unsigned *row;
    struct xc_cfg_value *list = NULL;
    struct xc_buf b = {0};
    bool ok = true;

    if (!n)
        return;
    by_id = xc_calloc(n, sizeof(*by_id));
    for (size_t i = 0; i < n; i++) {
        const struct xc_numa_cell *c = &cpu->cells.v[i];
        if (c->id >= n || by_id[c->id]) {
            xc_error(w->d, c->pos, XLW_UNSUPPORTED,
                     "NUMA cell id %u: cells must be numbered 0..%zu, each "
                     "once", c->id, n - 1);
            w->failed = true;
            free(by_id);
            return;
        }
        by_id[c->id] = c;
        for (size_t k = 0; k < c->distances.n; k++) {
            if (c->distances.v[k].id >= n) {
                xc_error(w->d, c->pos, XLW_UNSUPPORTED,
                         "NUMA cell %u: sibling id %u does not refer to a "
                         "cell", c->id, c->distances.v[k].id);
                w->failed = true;
                free(by_id);
                return;
            }
            nrev++;
        }
    }
    /* reverse index: for each cell, the entries of other cells naming it,
     * in their order (counting sort, linear) */
    rev_start = xc_calloc(n + 1, sizeof(*rev_start));
    rev_fill = xc_calloc(n, sizeof(*rev_fill));
    rev = xc_calloc(nrev ? nrev : 1, sizeof(*rev));
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < by_id[i]->distances.n; k++)
            rev_start[by_id[i]->distances.v[k].id + 1]++;
    for (size_t i = 0; i < n; i++)
        rev_start[i + 1] += rev_start[i];
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < by_id[i]->distances.n; k++) {
            unsigned to = by_id[i]->distances.v[k].id;
            rev[rev_start[to] + rev_fill[to]++] =
                (struct rev_dist){i, by_id[i]->distances.v[k].value};
        }
    row = xc_calloc(n, sizeof(*row));

    if (!w->failed)
        list = xc_cfg_set_list(&w->cfg, "vnuma");
    for (size_t i = 0; i < n && ok; i++) {
        const struct xc_numa_cell *c = by_id[i];
        struct xc_cfg_value *node = NULL;
        bool empty;

        xc_buf_reset(&b);
        xc_buf_add(&b, "vcpus=");
        if (xc_xlw_cpuset(&c->cpus, "NUMA cell cpus", &b, &empty, w->d) < 0) {
            ok = false;
            break;
        }
        if (empty) {
            xc_error(w->d, c->pos, XLW_UNSUPPORTED,
                     "NUMA cell %zu has no vCPUs", i);
            ok = false;
            break;
        }
        memset(row, 0, n * sizeof(*row));
        for (size_t k = 0; k < c->distances.n; k++)
            row[c->distances.v[k].id] = c->distances.v[k].value;
        for (size_t k = rev_start[i]; k < rev_start[i + 1]; k++)
            if (!row[rev[k].from])
                row[rev[k].from] = rev[k].value;
        if (list) {
            char *vcpus = xc_buf_steal(&b);

            node = xc_vec_push(&list->items);
            node->kind = XC_CFG_LIST;
            node->pos = c->pos;
            xc_buf_addf(&b, "pnode=%zu", i);
            xc_cfg_list_add_string(node, xc_buf_str(&b), c->pos);
            xc_buf_reset(&b);
            xc_buf_addf(&b, "size=%" PRIu64, c->memory_kib / 1024);
            xc_cfg_list_add_string(node, xc_buf_str(&b), c->pos);
            xc_cfg_list_add_string(node, vcpus, c->cpus.pos);
            free(vcpus);
            xc_buf_reset(&b);
            xc_buf_add(&b, "vdistances=");
            for (size_t j = 0; j < n; j++)
                xc_buf_addf(&b, "%s%u", j ? "," : "",
                            row[j] ? row[j] : i == j ? 10u : 20u);
            xc_cfg_list_add_string(node, xc_buf_str(&b), c->pos);
        }
    }
    if (!ok)
        w->failed = true;
    xc_buf_free(&b);
    free(row);
    free(rev);
    free(rev_fill);
    free(rev_start);
    free(by_id);
}

static void fmt_xenbus(struct xlw *w)
{
    for (size_t i = 0; i < w->dom->controllers.n; i++) {
        const struct xc_controller *c = &w->dom->controllers.v[i];

        if (c->type != XC_CTRL_XENBUS)
            continue;
        if (c->has_max_event_channels && c->max_event_channels > 0)
            set_num(w, "max_event_channels", c->max_event_channels);
        if (c->has_max_grant_frames && c->max_grant_frames > 0)
            set_num(w, "max_grant_frames", c->max_grant_frames);
    }
}

static void fmt_disks(struct xlw *w)
{
    struct speclist l = {0};
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->disks.n; i++) {
        const struct xc_disk *disk = &w->dom->disks.v[i];

        if (disk->device == XC_DISK_DEV_FLOPPY) {
            xc_warn(w->d, disk->pos, XLW_LOST,
                    "floppy disk '%s' is not carried to xl",
                    disk->target.s ? disk->target.s : "");
            continue;
        }
        xc_buf_reset(&b);
        if (xc_xlw_disk(disk, &b, w->d) < 0)
            w->failed = true;
        else
            speclist_add(&l, &b, disk->pos);
    }
    xc_buf_free(&b);
    speclist_set(w, "disk", &l);
}

static void fmt_spice(struct xlw *w)
{
    const struct xc_graphics *g;
    int port, tls_port;

    if (!w->hvm || !w->dom->graphics.n)
        return;
    g = &w->dom->graphics.v[0];
    if (g->type != XC_GFX_SPICE)
        return;
    port = g->has_port ? g->port : 0;
    tls_port = g->has_tls_port ? g->tls_port : 0;
    if (g->autoport == XC_TRI_YES || (port == -1 && tls_port == -1))
        port = tls_port = 0;

    set_num(w, "sdl", 0);
    set_num(w, "vnc", 0);
    set_num(w, "spice", 1);
    if (g->listen.s)
        set_xstr(w, "spicehost", &g->listen);
    set_num(w, "spiceport", port);
    set_num(w, "spicetls_port", tls_port);
    if (g->passwd.s) {
        set_num(w, "spicedisable_ticketing", 0);
        set_xstr(w, "spicepasswd", &g->passwd);
    } else {
        set_num(w, "spicedisable_ticketing", 1);
    }
    if (streq(g->mouse_mode.s, "server")) {
        set_num(w, "spiceagent_mouse", 0);
    } else if (streq(g->mouse_mode.s, "client")) {
        set_num(w, "spiceagent_mouse", 1);
        set_num(w, "spicevdagent", 1);
    } else if (g->mouse_mode.s && !streq(g->mouse_mode.s, "default")) {
        xc_error(w->d, g->mouse_mode.pos, XLW_UNSUPPORTED,
                 "unknown spice mouse mode '%s'", g->mouse_mode.s);
        w->failed = true;
    }
    if (g->copypaste == XC_TRI_YES) {
        set_num(w, "spice_clipboard_sharing", 1);
        set_num(w, "spicevdagent", 1);
    }
}

static void fmt_inputs(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;
    struct xc_cfg_value *list = NULL;
    const struct xc_input *first = NULL;
    const char *first_name = NULL;
    size_t count = 0;

    for (size_t i = 0; i < dom->inputs.n; i++) {
        const struct xc_input *in = &dom->inputs.v[i];
        /* libvirt's zero input bus is ps2 and zero type mouse */
        enum xc_input_bus bus = in->bus ? in->bus : XC_INPUT_BUS_PS2;
        const char *name = in->type == XC_INPUT_TABLET ? "tablet"
                           : in->type == XC_INPUT_KBD  ? "keyboard"
                                                       : "mouse";

        if (!w->hvm || bus != XC_INPUT_BUS_USB) {
            /* the implicit devices xl provides anyway */
            bool implicit = w->hvm ? bus == XC_INPUT_BUS_PS2
                                   : bus == XC_INPUT_BUS_XEN;
            if (!implicit)
                xc_warn(w->d, in->pos, XLW_LOST,
                        "<input type='%s' bus='%s'> is not carried to xl",
                        name, xc_enum_name(XC_T_INPUT_BUS, bus));
            continue;
        }
        set_num(w, "usb", 1);
        if (count == 1) {
            list = xc_cfg_set_list(&w->cfg, "usbdevice");
            xc_cfg_list_add_string(list, first_name, first->pos);
        }
        if (count >= 1)
            xc_cfg_list_add_string(list, name, in->pos);
        else {
            first = in;
            first_name = name;
        }
        count++;
    }
    /* one device: the Xen <= 4.2 string form */
    if (count == 1)
        set_str(w, "usbdevice", first_name, first->pos);
}

static void fmt_usbdev(struct xlw *w)
{
    struct speclist l = {0};
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->hostdevs.n; i++) {
        const struct xc_hostdev *hd = &w->dom->hostdevs.v[i];

        if (hd->type != XC_HOSTDEV_USB)
            continue;
        xc_buf_reset(&b);
        if (xc_xlw_usbdev(hd, &b, w->d) < 0)
            w->failed = true;
        else
            speclist_add(&l, &b, hd->pos);
    }
    xc_buf_free(&b);
    speclist_set(w, "usbdev", &l);
}

static void fmt_usbctrl(struct xlw *w)
{
    struct speclist l = {0};
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->controllers.n; i++) {
        const struct xc_controller *c = &w->dom->controllers.v[i];

        if (c->type != XC_CTRL_USB)
            continue;
        xc_buf_reset(&b);
        if (xc_xlw_usbctrl(c, &b, w->d) < 0)
            w->failed = true;
        else
            speclist_add(&l, &b, c->pos);
    }
    xc_buf_free(&b);
    speclist_set(w, "usbctrl", &l);
}

static void fmt_channels(struct xlw *w)
{
    struct speclist l = {0};
    struct xc_buf b = {0};

    for (size_t i = 0; i < w->dom->channels.n; i++) {
        const struct xc_chr *ch = &w->dom->channels.v[i];

        if (!streq(ch->target_type.s, "xen")) {
            xc_warn(w->d, ch->pos, XLW_LOST,
                    "<channel> with target type '%s' is not carried to xl "
                    "(only type='xen')",
                    ch->target_type.s ? ch->target_type.s : "");
            continue;
        }
        xc_buf_reset(&b);
        if (xc_xlw_channel(ch, &b, w->d) < 0)
            w->failed = true;
        else
            speclist_add(&l, &b, ch->pos);
    }
    xc_buf_free(&b);
    speclist_set(w, "channel", &l);
}

static void fmt_namespace(struct xlw *w)
{
    struct xc_cfg_value *list;

    if (!w->dom->dm_args.n)
        return;
    list = xc_cfg_set_list(&w->cfg, "device_model_args");
    for (size_t i = 0; i < w->dom->dm_args.n; i++) {
        const struct xc_str *a = &w->dom->dm_args.v[i];
        xc_cfg_list_add_string(list, a->s ? a->s : "", a->pos);
    }
}

/* Devices xenFormatXL never writes, beyond the ones xl provides anyway. */
static void other_losses(struct xlw *w)
{
    const struct xc_domain *dom = w->dom;

    for (size_t i = 0; i < dom->consoles.n; i++) {
        const struct xc_chr *c = &dom->consoles.v[i];
        /* an HVM console mirrors serial 0; a pty console is xl's own */
        if (c->type == XC_CHR_PTY ||
            (w->hvm && streq(c->target_type.s, "serial")))
            continue;
        lost(w, c->pos, "<console> (xl gives the guest a pty console)");
    }
    for (size_t i = 0; i < dom->videos.n; i++) {
        const struct xc_video *v = &dom->videos.v[i];
        const char *dflt = w->hvm ? "cirrus" : "xen";

        if (!streq(v->model.s, dflt) || (v->has_heads && v->heads > 1))
            xc_warn(w->d, v->pos, XLW_LOST,
                    "<video> model '%s' is not carried to xl (libvirt writes "
                    "no vga/videoram settings)", v->model.s ? v->model.s : "");
    }
    if (dom->memballoon_model.s && !streq(dom->memballoon_model.s, "xen"))
        lost(w, dom->memballoon_model.pos, "<memballoon>");
}

int xc_xl_write(const struct xc_domain *dom, const struct xc_settings *set,
                struct xc_buf *out, struct xc_diags *d)
{
    struct xlw w = {0};
    int rc = -1;

    w.dom = dom;
    w.set = set;
    w.d = d;
    /* libvirt's zero os type is hvm */
    w.hvm = dom->os.type == XC_OS_HVM || dom->os.type == XC_OS_NONE;

    /* xenFormatConfigCommon */
    fmt_meta(&w);
    fmt_mem(&w);
    fmt_cpu_alloc(&w);
    fmt_features(&w);
    fmt_time_offset(&w);
    fmt_events(&w);
    fmt_emulator(&w);
    fmt_vfb(&w);
    fmt_vif(&w);
    fmt_pci(&w);
    fmt_chardev(&w);
    fmt_sound(&w);
    /* xenFormatXL */
    fmt_os(&w);
    fmt_cpuid(&w);
    fmt_vnuma(&w);
    fmt_xenbus(&w);
    fmt_disks(&w);
    fmt_spice(&w);
    fmt_inputs(&w);
    fmt_usbdev(&w);
    fmt_usbctrl(&w);
    fmt_channels(&w);
    fmt_namespace(&w);
    other_losses(&w);

    if (!w.failed && xc_cfg_serialize(&w.cfg, out, d) == 0)
        rc = 0;
    xc_cfg_free(&w.cfg);
    return rc;
}
