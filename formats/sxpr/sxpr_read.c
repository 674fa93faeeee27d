/* xen-sxpr reader: one xend S-expression into the model, literally as
 * libvirt's historical xenParseSxpr (src/xenconfig/xen_sxpr.c, libxl era)
 * filled its virDomainDef before virDomainDefPostParse, run as its
 * sexpr2xml test ran it: no xenstore (no console tty, VNC port -1).  The
 * os arch and machine come from post-parse's capabilities fallback, as
 * for xl and xm (libvirt's xenParseSxpr did no lookup; see
 * docs/sxpr-conformance.md, clauses 2 and 3).  This file: the frame,
 * the top-level keys and the os (xenParseSxprOS); devices live in
 * sxpr_read_disk.c, _net.c, _chr.c and _dev.c; what no section read is
 * reported by sxpr_read_unused.c.
 *
 * Accepted heads: (domain ...) as `xm list -l` prints a domain (what
 * libvirt read) and (vm ...) as xm create and xend's config store write
 * it; both hold the same keys.  Anything else is an error.
 *
 * Deliberate differences from libvirt's reader (for docs/compat.md):
 * - quoted atoms are unescaped ('a\'b' is a'b), "..." is a string too;
 *   libvirt kept backslashes and knew only '...' (sxpr_parse.c);
 * - a number must be a whole atom (base 0, as strtol(.., 0)) in range:
 *   libvirt's strtol read "12abc" as 12 and "abc" as 0; values that would
 *   overflow (memory << 10, vcpus beyond an int) are errors;
 * - a list where a value is expected is an error (libvirt: absent);
 * - without (maxmem) the maximum is (memory), as xend takes it (libvirt
 *   read 0 and then refused the zero size); without (vcpus) there is one
 *   vcpu, xend's default (libvirt: zero); (vcpus 0) is an error;
 * - a missing uuid is reported as such (libvirt said "missing name");
 * - graphics types other than vnc and sdl are refused (libvirt filled
 *   VNC fields of an rdp/spice/desktop device); a bad vncdisplay is
 *   reported lost (libvirt ignored it silently);
 * - a disk whose driver is neither file, phy, tap nor tap2 is a file disk
 *   (libvirt gave it type 'none', which drops its source from the XML),
 *   with a warning;
 * - an HVM CD-ROM with (uname '') (xend's ejected media) has no media, as
 *   one without uname (libvirt: "missing driver name");
 * - a failed read reports no unused keys (there is no output to lose
 *   them from);
 * - a Domain-0 dump (domid 0) with an HVM image is refused: libvirt read
 *   it as an HVM guest without a loader, which no sxpr can hold. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../common/xalloc.h"
#include "sxpr.h"
#include "sxpr_read.h"

/* ---- identity ------------------------------------------------------------ */

static void read_identity(struct sxr *r)
{
    struct xc_domain *dom = r->dom;
    struct xc_pos at = sxr_pos(r, r->root);
    long long id;
    xc_sx_id v;
    const char *s;

    xc_str_set(&dom->virt_type, "xen", xc_nopos);
    /* -1 is how xend says "not running" in a few dumps */
    if (sxr_int(r, r->root, "domid", -1, INT_MAX, &id) == 1 && id != -1) {
        dom->has_id = true;
        dom->id = (int)id;
    }

    size_t nerr = r->d->nerrors;
    sxr_copy(r, r->root, "name", &dom->name);
    if (!dom->name.s && r->d->nerrors == nerr)
        sxr_error(r, at, "missing-key", "domain information incomplete, "
                  "missing name: (name NAME) is required");

    nerr = r->d->nerrors;
    s = sxr_node(r, r->root, "uuid", &v);
    if (!s && r->d->nerrors > nerr) {
        /* reported: a list where the uuid should be */
    } else if (!s) {
        sxr_error(r, at, "missing-key", "domain information incomplete, "
                  "missing uuid: (uuid UUID) is required");
    } else if (xc_uuid_parse(s, dom->uuid) < 0) {
        sxr_error(r, sxr_pos(r, v), "bad-uuid", "uuid '%s' is not a valid "
                  "UUID (32 hexadecimal digits, optionally with dashes)", s);
    } else {
        dom->has_uuid = true;
    }

    sxr_copy(r, r->root, "description", &dom->description);
}

/* The PV bootloader: an empty (bootloader) still names one (pygrub's
 * default), as libvirt read it. */
static void read_bootloader(struct sxr *r)
{
    struct xc_os *os = &r->dom->os;
    xc_sx_id k;

    sxr_copy(r, r->root, "bootloader", &os->bootloader);
    if (!os->bootloader.s && (k = sxr_key(r, r->root, "bootloader")))
        xc_str_set(&os->bootloader, "", sxr_pos(r, k));
    if (os->bootloader.s)
        sxr_copy(r, r->root, "bootloader_args", &os->bootloader_args);
}

/* ---- os (xenParseSxprOS) --------------------------------------------------- */

static void read_boot_order(struct sxr *r, xc_sx_id image)
{
    struct xc_os *os = &r->dom->os;
    xc_sx_id v;
    const char *boot = sxr_node(r, image, "hvm/boot", &v);
    size_t i;

    if (!boot)
        return;
    for (i = 0; boot[i] && os->nboot < XC_MAX_BOOT_DEVS; i++) {
        enum xc_boot_dev dev = XC_BOOT_NONE;
        switch (boot[i]) {
        case 'a': dev = XC_BOOT_FD; break;
        case 'c': dev = XC_BOOT_HD; break;
        case 'd': dev = XC_BOOT_CDROM; break;
        case 'n': dev = XC_BOOT_NETWORK; break;
        default:
            xc_lost(r->d, sxr_pos(r, v), "ignored-value", "boot device '%c' "
                    "in '%s' (not a, c, d or n; libvirt skips it)", boot[i],
                    boot);
            continue;
        }
        os->boot[os->nboot++] = dev;
    }
    if (boot[i])
        xc_lost(r->d, sxr_pos(r, v), "ignored-value", "boot devices after "
                "the first %d ('%s')", XC_MAX_BOOT_DEVS, boot + i);
}

int sxr_read_os(struct sxr *r)
{
    struct xc_os *os = &r->dom->os;
    xc_sx_id image = sxr_key(r, r->root, "image");

    if (r->hvm) {
        sxr_copy(r, image, "hvm/loader", &os->loader);
        if (!os->loader.s) {
            sxr_copy(r, image, "hvm/kernel", &os->loader);
            if (!os->loader.s) {
                sxr_error(r, sxr_pos(r, sxr_key(r, image, "hvm")),
                          "missing-key", "domain information incomplete, "
                          "missing HVM loader: (loader PATH) or (kernel "
                          "PATH) in (image (hvm ...))");
                return -1;
            }
        } else {
            sxr_copy(r, image, "hvm/kernel", &os->kernel);
            sxr_copy(r, image, "hvm/ramdisk", &os->initrd);
            sxr_copy(r, image, "hvm/args", &os->cmdline);
            sxr_copy(r, image, "hvm/root", &os->root);
        }
        /* an old xend repeated the loader as kernel */
        if (os->kernel.s && strcmp(os->kernel.s, os->loader.s) == 0)
            xc_str_clear(&os->kernel);
        if (!os->kernel.s)
            read_boot_order(r, image);
        return 0;
    }

    sxr_copy(r, image, "linux/kernel", &os->kernel);
    sxr_copy(r, image, "linux/ramdisk", &os->initrd);
    sxr_copy(r, image, "linux/args", &os->cmdline);
    sxr_copy(r, image, "linux/root", &os->root);
    if (!os->kernel.s && !os->bootloader.s) {
        /* at the (linux ...) list that lacks the kernel, else the image */
        xc_sx_id linux = sxr_key(r, image, "linux");
        sxr_error(r, sxr_pos(r, linux ? linux : image), "missing-key",
                  "domain information incomplete, missing kernel & "
                  "bootloader: a PV domain needs (image (linux (kernel "
                  "PATH))) or (bootloader PATH)");
        return -1;
    }
    return 0;
}

/* ---- memory, vcpus, lifecycle -------------------------------------------- */

static void read_memory(struct sxr *r)
{
    struct xc_domain *dom = r->dom;
    /* libvirt's memory ceiling: LLONG_MAX bytes */
    const uint64_t max_mib = (uint64_t)LLONG_MAX >> 20;
    uint64_t maxmem = 0, memory = 0;
    int has_max = sxr_u64(r, r->root, "maxmem", max_mib, &maxmem);
    int has_cur = sxr_u64(r, r->root, "memory", max_mib, &memory);

    if (has_max < 0 || has_cur < 0)
        return;
    if (!has_max)
        maxmem = memory;
    dom->has_memory = true;
    dom->memory_kib = maxmem << 10;
    dom->has_current_memory = true;
    dom->current_memory_kib = memory << 10;
    if (dom->current_memory_kib > dom->memory_kib)
        dom->current_memory_kib = dom->memory_kib;
}

static unsigned popcount64(uint64_t v)
{
    unsigned n = 0;
    for (; v; v &= v - 1)
        n++;
    return n;
}

static void read_vcpus(struct sxr *r)
{
    struct xc_domain *dom = r->dom;
    long long max = 1;
    uint64_t avail = 0;
    int rc = sxr_int(r, r->root, "vcpus", 1, INT_MAX, &max);

    if (rc < 0)
        return;
    dom->has_vcpus = true;
    dom->maxvcpus = (unsigned)max;
    if (sxr_u64(r, r->root, "vcpu_avail", UINT64_MAX, &avail) < 0)
        return;
    unsigned cur = popcount64(avail);
    if (!cur || cur > dom->maxvcpus)
        cur = dom->maxvcpus;
    dom->current_vcpus = cur;
    dom->has_current_vcpus = cur != dom->maxvcpus;
}

static void read_action(struct sxr *r, const char *key, enum xc_lifecycle def,
                        enum xc_lifecycle *out)
{
    xc_sx_id v;
    const char *s = sxr_node(r, r->root, key, &v);
    int a;

    *out = def;
    if (!s)
        return;
    a = xc_enum_parse(XC_T_LIFECYCLE, s);
    if (a < 0) {
        sxr_error(r, sxr_pos(r, v), "bad-value", "unknown lifecycle type "
                  "'%s' for %s (expected destroy, restart, rename-restart, "
                  "preserve, coredump-destroy or coredump-restart)", s, key);
        return;
    }
    *out = (enum xc_lifecycle)a;
}

/* ---- features and clock --------------------------------------------------- */

static void read_features(struct sxr *r, xc_sx_id image)
{
    static const struct { const char *key; enum xc_feature f; } flags[] = {
        {"hvm/acpi", XC_FEAT_ACPI}, {"hvm/apic", XC_FEAT_APIC},
        {"hvm/pae", XC_FEAT_PAE}, {"hvm/hap", XC_FEAT_HAP},
        {"hvm/viridian", XC_FEAT_VIRIDIAN}};

    for (size_t i = 0; i < sizeof(flags) / sizeof(flags[0]); i++) {
        long long v = 0;
        if (sxr_int(r, image, flags[i].key, LLONG_MIN, LLONG_MAX, &v) == 1 && v)
            r->dom->features.f[flags[i].f] = XC_TRI_YES;
    }
}

static void read_clock(struct sxr *r, xc_sx_id image)
{
    struct xc_clock *c = &r->dom->clock;
    long long localtime = 0, off = 0, hpet = 0;
    char path[32];

    /* 12aaf4a2486b (xen 3.0.3) added image/<kind>/localtime, which wins */
    sxr_int(r, r->root, "localtime", INT_MIN, INT_MAX, &localtime);
    snprintf(path, sizeof(path), "%s/localtime", r->image_kind);
    sxr_int(r, image, path, INT_MIN, INT_MAX, &localtime);

    if (!r->hvm) {
        /* PV domains have no emulated RTC: the offset is fixed */
        c->offset = localtime ? XC_CLOCK_LOCALTIME : XC_CLOCK_UTC;
        c->utc_reset = true;
        return;
    }
    c->offset = XC_CLOCK_VARIABLE;
    sxr_int(r, image, "hvm/rtc_timeoffset", INT_MIN, INT_MAX, &off);
    c->has_adjustment = true;
    c->adjustment = off;
    c->basis = localtime ? XC_BASIS_LOCALTIME : XC_BASIS_UTC;

    xc_sx_id k = sxr_lookup(r, image, "hvm/hpet");
    if (k && sxr_int(r, image, "hvm/hpet", LLONG_MIN, LLONG_MAX, &hpet) >= 0) {
        struct xc_timer *t = xc_vec_push(&c->timers);
        xc_str_set(&t->name, "hpet", sxr_pos(r, k));
        t->present = hpet ? XC_TRI_YES : XC_TRI_NO;
    }
}

/* ---- the frame ------------------------------------------------------------- */

/* image and image/<kind>: registered for the unused-key report even where
 * libvirt skips the os (Domain-0). */
static xc_sx_id find_image(struct sxr *r)
{
    xc_sx_id image = sxr_key(r, r->root, "image"), kind;

    r->hvm = sxr_lookup(r, image, "hvm") != 0;
    r->image_kind = r->hvm ? "hvm" : "linux";
    if (!image)
        return 0;
    sxr_scope(r, image, SXR_IMAGE);
    kind = sxr_key(r, image, r->image_kind);
    if (kind)
        sxr_scope(r, kind, r->hvm ? SXR_IMAGE_HVM : SXR_IMAGE_LINUX);
    return image;
}

static void read_domain(struct sxr *r)
{
    struct xc_domain *dom = r->dom;
    xc_sx_id image;
    char path[32];

    read_identity(r);
    image = find_image(r);
    if (!r->hvm)
        read_bootloader(r);

    dom->os.type = r->hvm ? XC_OS_HVM : XC_OS_XEN;
    dom->os.type_pos = sxr_pos(r, image);

    /* Domain-0 has no image to boot: libvirt skips its os.  xend's
     * Domain-0 is PV; an HVM one would be a guest without a loader, which
     * no sxpr can hold (xenFormatSxpr: "no HVM domain loader"). */
    if (dom->has_id && dom->id == 0 && r->hvm) {
        sxr_error(r, sxr_pos(r, sxr_key(r, image, "hvm")), "unsupported",
                  "Domain-0 (domid 0) with an HVM image: xend's Domain-0 "
                  "is PV, and libvirt reads no loader for it");
        return;
    }
    if (!(dom->has_id && dom->id == 0) && sxr_lookup(r, r->root, "image"))
        sxr_read_os(r);

    read_memory(r);
    read_vcpus(r);
    read_action(r, "on_poweroff", XC_LC_DESTROY, &dom->on_poweroff);
    read_action(r, "on_reboot", XC_LC_RESTART, &dom->on_reboot);
    read_action(r, "on_crash", XC_LC_DESTROY, &dom->on_crash);
    if (r->hvm)
        read_features(r, image);
    read_clock(r, image);
    snprintf(path, sizeof(path), "%s/device_model", r->image_kind);
    sxr_copy(r, image, path, &dom->emulator);

    sxr_read_devices(r);
    if (dom->graphics.n == 0)
        sxr_read_graphics_old(r);
    if (r->hvm)
        sxr_read_usb(r);
    sxr_read_chardevs(r);
    if (r->hvm)
        sxr_read_sound(r);
}

static int read_sxpr(const struct xc_source *in, const struct xc_settings *set,
                     struct xc_domain *out, struct xc_diags *d)
{
    struct xc_sx_tree t = {0};
    size_t nerr = d->nerrors;
    int rc = -1;

    (void)set;
    d->file = in->name;
    if (xc_sx_parse(in, &t, d) < 0)
        goto out;
    xc_source_consume(in);   /* the tree holds what is read from here on */

    struct sxr r = {.t = &t, .dom = out, .d = d, .root = t.root};
    const char *head = xc_sx_head(&t, t.root);
    if (!head || (strcmp(head, "domain") != 0 && strcmp(head, "vm") != 0)) {
        /* at the head atom, or at the list when it has none */
        xc_error(d, xc_sx_pos(&t, head ? xc_sx_first(&t, t.root) : t.root),
                 "syntax", "expected (domain ...) "
                 "as `xm list -l` prints it or (vm ...) as xend stores a "
                 "config; the top-level list is headed %s%s%s",
                 head ? "'" : "by", head ? head : " no name",
                 head ? "'" : "");
        goto out;
    }
    r.used = xc_calloc(t.nodes.n / 4 + 1, 1);
    sxr_scope(&r, t.root, SXR_TOP);
    sxr_mark(&r, xc_sx_first(&t, t.root));

    read_domain(&r);
    /* a failed read has no output to lose anything from */
    if (!r.failed && d->nerrors == nerr)
        sxr_report_unused(&r);

    free(r.used);
    free(r.scopes.v);
    if (!r.failed && d->nerrors == nerr)
        rc = 0;
    else if (d->nerrors == nerr)
        xc_error(d, xc_nopos, "internal", "xen-sxpr reading failed");
out:
    xc_sx_free(&t);
    return rc;
}

int xc_sxpr_read(const struct xc_source *in, const struct xc_settings *set,
                 struct xc_domain *out, struct xc_diags *d)
{
    struct xc_strpool *prev = xc_strpool_enter(&out->strings);
    int rc = read_sxpr(in, set, out, d);
    xc_strpool_enter(prev);
    return rc;
}
