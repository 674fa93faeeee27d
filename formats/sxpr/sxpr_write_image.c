/* The (image (hvm|linux ...)) block of xenFormatSxpr and the
 * (localtime N) after it: kernel, ramdisk, root, args; for an HVM guest
 * the loader, vcpus, boot order, features, USB, chardevs, sound; the
 * device model, the HPET and HVM graphics; the clock.
 *
 * libvirt's quirks kept: a guest with a <bootloader> gets an image with
 * only its args and clock (an HVM one then gets "(image (linux (args" when
 * it has a command line); (localtime N) is written inside the image and
 * again after it. */
#include "sxpr_write.h"

#include <limits.h>
#include <string.h>

/* xenFormatSxpr's boot order string: libvirt's zero device is the floppy,
 * no device at all means the disk. */
static void fmt_boot(struct sxw *w)
{
    const struct xc_os *os = &w->dom->os;
    unsigned n = os->nboot < XC_MAX_BOOT_DEVS ? os->nboot : XC_MAX_BOOT_DEVS;

    xc_buf_add(w->b, "(boot ");
    for (unsigned i = 0; i < n; i++) {
        switch (os->boot[i]) {
        case XC_BOOT_NONE:
        case XC_BOOT_FD: xc_buf_addc(w->b, 'a'); break;
        case XC_BOOT_CDROM: xc_buf_addc(w->b, 'd'); break;
        case XC_BOOT_NETWORK: xc_buf_addc(w->b, 'n'); break;
        case XC_BOOT_HD: xc_buf_addc(w->b, 'c'); break;
        }
    }
    if (!n)
        xc_buf_addc(w->b, 'c');
    xc_buf_addc(w->b, ')');
}

static const char *const feature_names[XC_FEAT_COUNT] = {
    [XC_FEAT_ACPI] = "acpi", [XC_FEAT_APIC] = "apic", [XC_FEAT_PAE] = "pae",
    [XC_FEAT_HAP] = "hap", [XC_FEAT_VIRIDIAN] = "viridian",
    [XC_FEAT_PVSPINLOCK] = "pvspinlock", [XC_FEAT_HPT] = "hpt"};

/* (acpi 1)(apic 1)(pae 1)(hap 1)(viridian 1) for the ones turned on. */
static void fmt_features(struct sxw *w)
{
    const struct xc_features *f = &w->dom->features;

    for (int i = XC_FEAT_ACPI; i <= XC_FEAT_VIRIDIAN; i++)
        if (f->f[i] == XC_TRI_YES)
            xc_buf_addf(w->b, "(%s 1)", feature_names[i]);
    /* off is the same as absent, except for hap, which xend turns on
     * unless told otherwise, and libvirt never told it */
    if (f->f[XC_FEAT_HAP] == XC_TRI_NO)
        xc_sxw_lost(w, xc_nopos, "<hap state='off'> (xend's default is on)");
}

/* The features an image without the HVM part cannot hold. */
static void features_lost(struct sxw *w, const char *why)
{
    const struct xc_features *f = &w->dom->features;

    for (int i = XC_FEAT_ACPI; i <= XC_FEAT_VIRIDIAN; i++)
        if (f->f[i] != XC_TRI_ABSENT)
            xc_sxw_lost(w, xc_nopos, "feature <%s/> %s", feature_names[i], why);
}

/* xenFormatSxprInput for every USB input; emit false: report the USB
 * inputs as lost instead.  The PS/2 (HVM) or Xen (PV) mouse and keyboard
 * are the guest's own, and libvirt adds them to every domain. */
static void fmt_inputs(struct sxw *w, bool emit, const char *why)
{
    const struct xc_domain *dom = w->dom;

    for (size_t i = 0; i < dom->inputs.n; i++) {
        const struct xc_input *in = &dom->inputs.v[i];
        /* libvirt's zero input bus is ps2 and zero type mouse */
        enum xc_input_bus bus = in->bus ? in->bus : XC_INPUT_BUS_PS2;
        const char *name = in->type == XC_INPUT_TABLET ? "tablet"
                           : in->type == XC_INPUT_KBD  ? "keyboard"
                                                       : "mouse";

        if (bus == XC_INPUT_BUS_USB && emit) {
            xc_buf_addf(w->b, "(usbdevice %s)", name);
            continue;
        }
        if (w->hvm ? bus == XC_INPUT_BUS_PS2 : bus == XC_INPUT_BUS_XEN)
            continue;
        xc_sxw_lost(w, in->pos, "<input type='%s' bus='%s'>%s%s", name,
                    xc_enum_name(XC_T_INPUT_BUS, bus),
                    bus == XC_INPUT_BUS_USB && *why ? " " : "",
                    bus == XC_INPUT_BUS_USB ? why : "");
    }
}

/* xenFormatSxprSound: (soundhw 'm1,m2'). */
static void fmt_sound(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    struct xc_buf list = {0};

    if (!dom->sounds.n)
        return;
    if (xc_xenw_soundhw(dom, &list, w->d) < 0)
        w->failed = true;
    xc_sxw_kv(w, "soundhw", xc_buf_str(&list));
    xc_buf_free(&list);
}

static void sound_lost(struct sxw *w, const char *why)
{
    for (size_t i = 0; i < w->dom->sounds.n; i++)
        xc_sxw_lost(w, w->dom->sounds.v[i].pos, "<sound> %s", why);
}

/* The HVM part of the image: loader, vcpus, boot, features, USB,
 * parallel and serial ports, sound. */
static void fmt_hvm(struct sxw *w)
{
    const struct xc_os *os = &w->dom->os;

    if (os->kernel.s)
        xc_sxw_kv(w, "loader", os->loader.s);
    else
        xc_sxw_kv(w, "kernel", os->loader.s);
    if (os->loader_type == XC_LOADER_PFLASH)
        xc_sxw_lost(w, os->loader.pos, "<loader type='pflash'> (written as "
                    "xend's hvmloader, a rom)");
    xc_sxw_vcpus(w);
    fmt_boot(w);
    fmt_features(w);
    xc_buf_add(w->b, "(usb 1)");
    fmt_inputs(w, true, "");
    xc_sxw_parallel_serial(w);
    fmt_sound(w);
}

/* The first timer named hpet that says present or not: (hpet 0|1). */
static void fmt_timers(struct sxw *w, bool emit)
{
    const struct xc_clock *c = &w->dom->clock;
    bool done = false;

    for (size_t i = 0; i < c->timers.n; i++) {
        const struct xc_timer *t = &c->timers.v[i];
        const char *name = xc_sxw_s(&t->name);

        if (xc_sxw_streq(name, "hpet") && t->present != XC_TRI_ABSENT &&
            !done && emit) {
            xc_sxw_num(w, "hpet", t->present == XC_TRI_YES);
            done = true;
            if (t->tickpolicy.s)
                xc_sxw_lost(w, t->tickpolicy.pos, "hpet timer tickpolicy=");
            if (t->track.s)
                xc_sxw_lost(w, t->track.pos, "hpet timer track=");
            if (t->mode.s)
                xc_sxw_lost(w, t->mode.pos, "hpet timer mode=");
            if (t->has_frequency)
                xc_sxw_lost(w, t->name.pos, "hpet timer frequency=");
            continue;
        }
        xc_sxw_lost(w, t->name.pos, "<timer name='%s'>%s", name,
                    !emit && xc_sxw_streq(name, "hpet")
                        ? " (a guest with a <bootloader> has no hpet setting)"
                        : "");
    }
}

/* (rtc_timeoffset N) for HVM, then (localtime N) in the image, the image
 * closed, and (localtime N) again. */
static void fmt_clock(struct sxw *w)
{
    int localtime;
    long long rtc;

    if (xc_xenw_clock(&w->dom->clock, w->hvm, &localtime, &rtc, w->d) < 0) {
        w->failed = true;
        return;
    }
    if (w->hvm)
        xc_sxw_num(w, "rtc_timeoffset", rtc);
    xc_buf_addf(w->b, "(localtime %d)))(localtime %d)", localtime, localtime);
}

/* What a guest with a <bootloader> has no place for. */
static void bootloader_losses(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_os *os = &dom->os;
    static const char why[] = "(a guest with a <bootloader> gets no image "
                              "settings from libvirt)";

    if (os->kernel.s)
        xc_sxw_lost(w, os->kernel.pos, "<kernel> %s", why);
    if (os->initrd.s)
        xc_sxw_lost(w, os->initrd.pos, "<initrd> %s", why);
    if (os->root.s)
        xc_sxw_lost(w, os->root.pos, "<root> %s", why);
    fmt_timers(w, false);
    if (!w->hvm)
        return;
    if (os->loader.s)
        xc_sxw_lost(w, os->loader.pos, "<loader> %s", why);
    if (dom->emulator.s)
        xc_sxw_lost(w, dom->emulator.pos, "<emulator> %s", why);
    if (os->nboot)
        xc_sxw_lost(w, xc_nopos, "<boot dev=...> %s", why);
    features_lost(w, why);
    fmt_inputs(w, false, why);
    xc_sxw_chr_lost(w, why);
    sound_lost(w, why);
    xc_sxw_graphics_lost(w, why);
}

/* What the image of a PV guest has no place for. */
static void pv_losses(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_os *os = &dom->os;
    static const char why[] = "of a PV guest";

    if (os->type == XC_OS_XENPVH)
        xc_sxw_lost(w, os->type_pos, "os type 'xenpvh' (xend knows no PVH: "
                    "written as a PV guest)");
    if (os->loader.s)
        xc_sxw_lost(w, os->loader.pos, "<loader> %s", why);
    if (dom->emulator.s)
        xc_sxw_lost(w, dom->emulator.pos, "<emulator> %s", why);
    if (os->nboot)
        xc_sxw_lost(w, xc_nopos, "<boot dev=...> %s", why);
    features_lost(w, why);
    fmt_inputs(w, false, why);
    xc_sxw_chr_lost(w, why);
    sound_lost(w, why);
}

/* A PV guest with neither kernel nor bootloader: libvirt wrote an image
 * without a kernel, which its reader (and xend's, and ours) refuse.
 * Without an image they read back this same guest (xenParseSxpr reads the
 * os only from an image), so none is written, only the clock; what just an
 * image could hold makes it an error, as before. */
static void pv_without_image(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_os *os = &dom->os;
    int localtime;
    long long rtc;

    if (os->initrd.s || os->root.s || os->cmdline.s || dom->clock.timers.n) {
        xc_sxw_error(w, os->type_pos, XCW_UNSUPPORTED,
                     "a PV guest needs a <kernel> or a <bootloader>");
        return;
    }
    pv_losses(w);
    if (xc_xenw_clock(&dom->clock, false, &localtime, &rtc, w->d) < 0) {
        w->failed = true;
        return;
    }
    xc_buf_addf(w->b, "(localtime %d)", localtime);
}

/* An HVM guest without a direct kernel has its loader written as
 * (kernel ...), as libvirt did; a reader then takes (ramdisk), (root) and
 * (args) only beside a (loader) (xenParseSxprOS), so they are written as
 * libvirt wrote them but do not come back. */
static void hvm_boot_args_lost(struct sxw *w)
{
    const struct xc_os *os = &w->dom->os;
    static const char why[] = "of an HVM guest without <kernel> (read back "
                              "only beside a direct kernel)";

    if (os->initrd.s)
        xc_sxw_lost(w, os->initrd.pos, "<initrd> %s", why);
    if (os->root.s)
        xc_sxw_lost(w, os->root.pos, "<root> %s", why);
    if (os->cmdline.s)
        xc_sxw_lost(w, os->cmdline.pos, "<cmdline> %s", why);
}

void xc_sxw_image(struct sxw *w)
{
    const struct xc_domain *dom = w->dom;
    const struct xc_os *os = &dom->os;

    if (!os->bootloader.s && !w->hvm && !os->kernel.s) {
        pv_without_image(w);
        return;
    }
    if (!os->bootloader.s) {
        xc_buf_add(w->b, w->hvm ? "(image (hvm " : "(image (linux ");
        if (w->hvm && !os->loader.s) {
            xc_sxw_error(w, os->type_pos, XCW_UNSUPPORTED,
                         "no HVM domain loader");
            return;
        }
        if (os->kernel.s)
            xc_sxw_kv(w, "kernel", os->kernel.s);
        if (os->initrd.s)
            xc_sxw_kv(w, "ramdisk", os->initrd.s);
        if (os->root.s)
            xc_sxw_kv(w, "root", os->root.s);
        if (os->cmdline.s)
            xc_sxw_kv(w, "args", os->cmdline.s);
        if (w->hvm && !os->kernel.s)
            hvm_boot_args_lost(w);
        if (w->hvm)
            fmt_hvm(w);
        else
            pv_losses(w);
        if (dom->emulator.s && w->hvm)
            xc_sxw_kv(w, "device_model", dom->emulator.s);
        fmt_timers(w, true);
        if (w->hvm)
            xc_sxw_graphics(w, true);
    } else {
        /* only a PV-style command line */
        if (os->cmdline.s) {
            xc_buf_add(w->b, "(image (linux ");
            xc_sxw_kv(w, "args", os->cmdline.s);
        } else {
            xc_buf_add(w->b, w->hvm ? "(image (hvm " : "(image (linux ");
        }
        bootloader_losses(w);
        if (!w->hvm)
            pv_losses(w);
    }
    fmt_clock(w);
}
