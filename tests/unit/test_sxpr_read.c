/* Unit tests for the xen-sxpr reader (formats/sxpr/sxpr_read*.c): the
 * (domain ...) and (vm ...) heads, every device kind libvirt's
 * xenParseSxpr read, errors at the position of their atom or list,
 * overflowing numbers, the unused-key report (losses with positions,
 * runtime-state notes, xend defaults, repeats), hostile shapes (a list
 * where a value belongs, 100,000 nested lists under an unknown key), and
 * the whole pipeline to domain XML and to xl. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/sxpr/sxpr.h"
#include "formats/xl/xl.h"
#include "formats/xml/xml.h"

/* ---- helpers ---------------------------------------------------------- */

static struct xc_diags d;
static struct xc_domain dom;
static const char *last;    /* the text last read, for at() */

static void setup(void)
{
    memset(&d, 0, sizeof(d));
    xc_domain_init(&dom);
}

static void teardown(void)
{
    xc_domain_free(&dom);
    xc_diags_free(&d);
}

static int rd(const char *text)
{
    struct xc_source src;
    last = text;
    struct xc_settings set;
    xc_settings_init(&set);
    xc_domain_free(&dom);
    xc_domain_init(&dom);
    xc_diags_clear(&d);
    xc_source_from_mem(&src, "t.sxpr", text, strlen(text));
    int rc = xc_sxpr_read(&src, &set, &dom, &d);
    xc_source_free(&src);
    xc_settings_free(&set);
    return rc;
}

static void rd_ok(const char *text)
{
    int rc = rd(text);
    if (rc != 0 || d.nerrors)
        xc_diags_print(&d, stderr);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(d.nerrors, 0);
}

/* The line and column of the first occurrence of needle in text (the
 * expected position of an atom or of a list's '('). */
static struct xc_pos at(const char *text, const char *needle)
{
    const char *hit = strstr(text, needle);
    struct xc_pos p = {1, 1};
    ck_assert_ptr_nonnull(hit);
    for (const char *c = text; c < hit; c++) {
        if (*c == '\n') {
            p.line++;
            p.col = 1;
        } else {
            p.col++;
        }
    }
    return p;
}

/* The diagnostic with this check at line:col whose message holds msg. */
static const struct xc_diag *find(const char *check, unsigned line,
                                  unsigned col, const char *msg)
{
    for (size_t i = 0; i < d.list.n; i++) {
        const struct xc_diag *g = &d.list.v[i];
        if (g->check && strcmp(g->check, check) == 0 && g->pos.line == line &&
            g->pos.col == col && (!msg || strstr(g->msg, msg)))
            return g;
    }
    return NULL;
}

static void expect_at(const char *check, unsigned line, unsigned col,
                      const char *msg)
{
    if (!find(check, line, col, msg)) {
        xc_diags_print(&d, stderr);
        ck_abort_msg("no [%s] at %u:%u holding '%s'", check, line, col,
                     msg ? msg : "");
    }
}

/* A diagnostic at the first occurrence of needle in the text last read. */
static void expect(const char *check, const char *needle, const char *msg)
{
    struct xc_pos p = at(last, needle);
    expect_at(check, p.line, p.col, msg);
}

static bool none_at(const char *check, const char *needle)
{
    struct xc_pos p = at(last, needle);
    return find(check, p.line, p.col, NULL) == NULL;
}

static size_t count(const char *check)
{
    size_t n = 0;
    for (size_t i = 0; i < d.list.n; i++)
        if (d.list.v[i].check && strcmp(d.list.v[i].check, check) == 0)
            n++;
    return n;
}

/* The whole conversion (reader, defaults, writer) of text to `to`. */
static int conv(const char *text, const struct xc_format *to,
                struct xc_buf *out)
{
    struct xc_source src;
    struct xc_settings set;
    xc_settings_init(&set);
    xc_diags_clear(&d);
    xc_source_from_mem(&src, "t.sxpr", text, strlen(text));
    int rc = xc_convert_source(&xc_format_sxpr, to, XC_ORIGIN_NATIVE, &src,
                               &set, out, &d);
    xc_source_free(&src);
    xc_settings_free(&set);
    return rc;
}

#define UUID "(uuid 596a5d2171f48fb2e068e2386a5c413e)"
#define PV_HEAD "(domain (domid 6)(name pv)" UUID "(memory 420)(maxmem 512)" \
                "(vcpus 2)(image (linux (kernel /k)))"
#define HVM_HEAD "(domain (domid 1)(name fv)" UUID "(memory 400)(maxmem 400)" \
                 "(vcpus 1)"

/* ---- heads and the domain --------------------------------------------- */

START_TEST(heads_domain_and_vm)
{
    const char *body = "(name g)" UUID "(memory 256)(vcpus 2)(vcpu_avail 1)"
                       "(on_crash restart)(description 'a b')"
                       "(image (linux (kernel /boot/vmlinuz)(ramdisk /i)"
                       "(args 'console=hvc0')(root /dev/xvda1)))";
    char text[512];

    snprintf(text, sizeof(text), "(domain %s)", body);
    rd_ok(text);
    ck_assert_str_eq(dom.name.s, "g");
    ck_assert(!dom.has_id);
    ck_assert_int_eq(dom.os.type, XC_OS_XEN);
    ck_assert(!dom.os.arch.s);   /* literal: post-parse fills it */
    /* without maxmem the maximum is memory, as xend takes it */
    ck_assert_uint_eq(dom.memory_kib, 256 * 1024);
    ck_assert_uint_eq(dom.current_memory_kib, 256 * 1024);
    ck_assert_uint_eq(dom.maxvcpus, 2);
    ck_assert(dom.has_current_vcpus);
    ck_assert_uint_eq(dom.current_vcpus, 1);
    ck_assert_int_eq(dom.on_poweroff, XC_LC_DESTROY);
    ck_assert_int_eq(dom.on_reboot, XC_LC_RESTART);
    ck_assert_int_eq(dom.on_crash, XC_LC_RESTART);
    ck_assert_str_eq(dom.description.s, "a b");
    ck_assert_str_eq(dom.os.kernel.s, "/boot/vmlinuz");
    ck_assert_str_eq(dom.os.initrd.s, "/i");
    ck_assert_str_eq(dom.os.cmdline.s, "console=hvc0");
    ck_assert_str_eq(dom.os.root.s, "/dev/xvda1");
    ck_assert_int_eq(dom.clock.offset, XC_CLOCK_UTC);
    ck_assert(dom.clock.utc_reset);
    /* the PV console libvirt fakes */
    ck_assert_uint_eq(dom.consoles.n, 1);
    ck_assert_int_eq(dom.consoles.v[0].type, XC_CHR_PTY);
    ck_assert_str_eq(dom.consoles.v[0].target_type.s, "xen");
    /* name's atom at 1:9 */
    ck_assert_uint_eq(dom.name.pos.line, 1);
    ck_assert_uint_eq(dom.name.pos.col, 15);

    snprintf(text, sizeof(text), "(vm %s)", body);
    rd_ok(text);
    ck_assert_str_eq(dom.name.s, "g");
    ck_assert_uint_eq(dom.name.pos.col, 11);
    ck_assert_str_eq(dom.os.cmdline.s, "console=hvc0");

    ck_assert_int_eq(rd("\n  (xend (name g))"), -1);
    expect("syntax", "xend", "headed 'xend'");
    ck_assert_int_eq(rd("((vm) (name g))"), -1);
    expect("syntax", "((vm)", "no name");
}
END_TEST

START_TEST(domid_bootloader_and_dom0)
{
    rd_ok("(domain (domid 7)(name g)" UUID "(memory 64)"
          "(bootloader /usr/bin/pygrub)(bootloader_args '-q'))");
    ck_assert(dom.has_id);
    ck_assert_int_eq(dom.id, 7);
    ck_assert_str_eq(dom.os.bootloader.s, "/usr/bin/pygrub");
    ck_assert_str_eq(dom.os.bootloader_args.s, "-q");

    /* an empty (bootloader) still names one, with no arguments read */
    rd_ok("(domain (name g)" UUID "(memory 64)(bootloader)"
          "(image (linux (kernel ''))))");
    ck_assert_str_eq(dom.os.bootloader.s, "");
    ck_assert(!dom.os.kernel.s);

    /* Domain-0: no os, no console */
    rd_ok("(domain (domid 0)(name Domain-0)" UUID "(memory 1024))");
    ck_assert(dom.has_id);
    ck_assert_int_eq(dom.id, 0);
    ck_assert_uint_eq(dom.consoles.n, 0);

    /* -1: not running */
    rd_ok("(domain (domid -1)(name g)" UUID "(memory 64)(bootloader x))");
    ck_assert(!dom.has_id);
}
END_TEST

START_TEST(hvm_os_features_clock)
{
    rd_ok(HVM_HEAD "(localtime 0)(on_crash preserve)"
          "(image (hvm (kernel /usr/lib/xen/boot/hvmloader)(boot dcna)"
          "(acpi 1)(apic 0)(pae 1)(hap 1)(viridian 1)(localtime 1)"
          "(rtc_timeoffset -3600)(hpet 0)"
          "(device_model /usr/lib/xen/bin/qemu-system-i386))))");
    ck_assert_int_eq(dom.os.type, XC_OS_HVM);
    ck_assert_str_eq(dom.os.loader.s, "/usr/lib/xen/boot/hvmloader");
    ck_assert(!dom.os.kernel.s);
    ck_assert_uint_eq(dom.os.nboot, 4);
    ck_assert_int_eq(dom.os.boot[0], XC_BOOT_CDROM);
    ck_assert_int_eq(dom.os.boot[1], XC_BOOT_HD);
    ck_assert_int_eq(dom.os.boot[2], XC_BOOT_NETWORK);
    ck_assert_int_eq(dom.os.boot[3], XC_BOOT_FD);
    ck_assert_int_eq(dom.features.f[XC_FEAT_ACPI], XC_TRI_YES);
    ck_assert_int_eq(dom.features.f[XC_FEAT_APIC], XC_TRI_ABSENT);
    ck_assert_int_eq(dom.features.f[XC_FEAT_PAE], XC_TRI_YES);
    ck_assert_int_eq(dom.features.f[XC_FEAT_HAP], XC_TRI_YES);
    ck_assert_int_eq(dom.features.f[XC_FEAT_VIRIDIAN], XC_TRI_YES);
    ck_assert_int_eq(dom.clock.offset, XC_CLOCK_VARIABLE);
    ck_assert(dom.clock.has_adjustment);
    ck_assert_int_eq(dom.clock.adjustment, -3600);
    /* the image's localtime wins over the domain's */
    ck_assert_int_eq(dom.clock.basis, XC_BASIS_LOCALTIME);
    ck_assert_uint_eq(dom.clock.timers.n, 1);
    ck_assert_str_eq(dom.clock.timers.v[0].name.s, "hpet");
    ck_assert_int_eq(dom.clock.timers.v[0].present, XC_TRI_NO);
    ck_assert_str_eq(dom.emulator.s, "/usr/lib/xen/bin/qemu-system-i386");
    ck_assert_int_eq(dom.on_crash, XC_LC_PRESERVE);
    ck_assert_uint_eq(dom.consoles.n, 0);

    /* a loader key: kernel, ramdisk, args are a direct kernel boot and
     * boot is not read (libvirt) */
    rd_ok(HVM_HEAD "(image (hvm (loader /l)(kernel /k)(ramdisk /r)"
          "(args 'a b')(boot d))))");
    ck_assert_str_eq(dom.os.loader.s, "/l");
    ck_assert_str_eq(dom.os.kernel.s, "/k");
    ck_assert_str_eq(dom.os.cmdline.s, "a b");
    ck_assert_uint_eq(dom.os.nboot, 0);
    expect("unused-key", "boot d", "image/hvm/boot");

    /* a kernel equal to the loader is dropped (old xend) */
    rd_ok(HVM_HEAD "(image (hvm (loader /l)(kernel /l)(boot c))))");
    ck_assert(!dom.os.kernel.s);
    ck_assert_uint_eq(dom.os.nboot, 1);

    /* unknown boot letters are skipped, with a loss */
    rd_ok(HVM_HEAD "(image (hvm (kernel /l)(boot cxd))))");
    ck_assert_uint_eq(dom.os.nboot, 2);
    expect("ignored-value", "cxd", "boot device 'x'");
}
END_TEST

/* ---- devices ------------------------------------------------------------ */

START_TEST(disks)
{
    rd_ok(PV_HEAD
          "(device (vbd (uname file:/a.img)(dev xvda)(mode w)))"
          "(device (vbd (uname phy:/dev/vg/b)(dev 'sdb:disk')(mode 'w!')))"
          "(device (tap (uname tap:aio:/c.img)(dev xvdc)(mode r)))"
          "(device (tap (uname tap:qcow:/d.qcow)(dev hdd)(mode w)"
          "(bootable 1)))"
          "(device (tap2 (uname tap:vhd:/e.vhd)(dev xvde:cdrom)(mode r))))");
    ck_assert_uint_eq(dom.disks.n, 5);
    /* the bootable disk first, the first one moved to the end */
    const struct xc_disk *k = &dom.disks.v[0];
    ck_assert_str_eq(k->driver_name.s, "tap");
    ck_assert_str_eq(k->driver_type.s, "qcow");
    ck_assert_str_eq(k->source.s, "/d.qcow");
    ck_assert_str_eq(k->target.s, "hdd");
    ck_assert_int_eq(k->bus, XC_BUS_IDE);
    k = &dom.disks.v[3];
    ck_assert_str_eq(k->driver_name.s, "file");
    ck_assert_int_eq(k->type, XC_DISK_FILE);
    ck_assert_str_eq(k->target.s, "xvda");
    ck_assert_int_eq(k->bus, XC_BUS_XEN);
    k = &dom.disks.v[1];
    ck_assert_int_eq(k->type, XC_DISK_BLOCK);
    ck_assert_str_eq(k->source.s, "/dev/vg/b");
    ck_assert_str_eq(k->target.s, "sdb");
    ck_assert_int_eq(k->bus, XC_BUS_SCSI);
    ck_assert(k->shareable);
    ck_assert(!k->readonly);
    k = &dom.disks.v[2];
    ck_assert_str_eq(k->driver_type.s, "raw");   /* aio */
    ck_assert(k->readonly);
    k = &dom.disks.v[4];
    ck_assert_str_eq(k->driver_name.s, "tap2");
    ck_assert_str_eq(k->driver_type.s, "vhd");
    ck_assert_int_eq(k->device, XC_DISK_DEV_CDROM);
    ck_assert_str_eq(k->target.s, "xvde");

    /* an HVM CD-ROM drive without media; ioemu: prefix */
    rd_ok(HVM_HEAD "(image (hvm (kernel /l)))"
          "(device (vbd (dev ioemu:hda)(uname file:/x)(mode w)))"
          "(device (vbd (dev hdc:cdrom)(mode r)))"
          "(device (vbd (dev hdd:cdrom)(uname '')(mode r))))");
    ck_assert_uint_eq(dom.disks.n, 3);
    ck_assert(!dom.disks.v[2].source.s);
    ck_assert_int_eq(dom.disks.v[2].device, XC_DISK_DEV_CDROM);
    ck_assert_str_eq(dom.disks.v[0].target.s, "hda");
    ck_assert_int_eq(dom.disks.v[1].device, XC_DISK_DEV_CDROM);
    ck_assert_int_eq(dom.disks.v[1].type, XC_DISK_FILE);
    ck_assert(!dom.disks.v[1].source.s);
}
END_TEST

START_TEST(disk_errors)
{
    /* positions: the vbd list, or the uname atom */
    ck_assert_int_eq(rd(PV_HEAD "(device (vbd (uname file:/x))))"), -1);
    expect("missing-key", "(vbd", "vbd has no dev");
    ck_assert_int_eq(rd(PV_HEAD "(device (vbd (dev hdc:cdrom))))"), -1);
    expect("missing-key", "(vbd", "vbd has no src");
    ck_assert_int_eq(rd(PV_HEAD "(device (vbd (dev xvda)(uname /x))))"), -1);
    expect("bad-disk", "/x)", "missing driver name");
    ck_assert_int_eq(rd(PV_HEAD "(device (tap (dev xvda)(uname tap:/x))))"),
                     -1);
    expect("bad-disk", "tap:/x", "missing driver type");
    ck_assert_int_eq(rd(PV_HEAD "(device (tap (dev xvda)(uname tap:zz:/x))))"),
                     -1);
    expect("bad-disk", "tap:zz:/x", "Unknown driver type zz:/x");
    /* an unknown driver reads as a file, with a warning */
    rd_ok(PV_HEAD "(device (vbd (dev xvda)(uname drbd:r0))))");
    ck_assert_int_eq(dom.disks.v[0].type, XC_DISK_FILE);
    expect("suspicious-value", "drbd:r0", "drbd");
}
END_TEST

START_TEST(nets)
{
    rd_ok(PV_HEAD
          "(device (vif (mac 00:16:3E:1B:B1:47)(bridge xenbr0)"
          "(script vif-bridge)(ip 192.0.2.1)(model e1000)(rate 10MB/s@20ms)))"
          "(device (vif (mac 00:16:3e:00:00:02)(script vif-routed)"
          "(vifname mynic)(type netfront)))"
          "(device (vif (script vif-bridge)(model VirtIO))))");
    ck_assert_uint_eq(dom.nets.n, 3);
    const struct xc_net *n = &dom.nets.v[0];
    ck_assert_int_eq(n->type, XC_NET_BRIDGE);
    ck_assert_str_eq(n->mac.s, "00:16:3e:1b:b1:47");
    ck_assert_str_eq(n->bridge.s, "xenbr0");
    ck_assert_str_eq(n->script.s, "vif-bridge");
    ck_assert_uint_eq(n->ips.n, 1);
    ck_assert_str_eq(n->ips.v[0].address.s, "192.0.2.1");
    ck_assert_str_eq(n->ips.v[0].family.s, "ipv4");
    ck_assert_str_eq(n->model.s, "e1000");
    ck_assert(n->has_out_average);
    ck_assert_uint_eq(n->out_average, 10240);
    ck_assert_str_eq(n->ifname.s, "vif6.0");
    expect("unused-option", "10MB/s@20ms", "@20ms");
    n = &dom.nets.v[1];
    ck_assert_int_eq(n->type, XC_NET_ETHERNET);
    ck_assert_str_eq(n->ifname.s, "mynic");
    ck_assert_str_eq(n->model.s, "netfront");
    n = &dom.nets.v[2];
    /* vif-bridge without a bridge is a bridge NIC; a known model takes
     * libvirt's spelling */
    ck_assert_int_eq(n->type, XC_NET_BRIDGE);
    ck_assert(!n->bridge.s);
    ck_assert_str_eq(n->model.s, "virtio");
    ck_assert_str_eq(n->ifname.s, "vif6.2");

    /* not running: no generated interface name */
    rd_ok("(domain (name g)" UUID "(memory 64)(bootloader b)"
          "(device (vif (bridge br0))))");
    ck_assert(!dom.nets.v[0].ifname.s);

    ck_assert_int_eq(rd(PV_HEAD "(device (vif (mac 00:16:3e:zz:00:00))))"),
                     -1);
    expect("bad-mac", "00:16:3e:zz:00:00", "malformed mac address '00:16:3e:zz:00:00'");
    ck_assert_int_eq(rd(PV_HEAD "(device (vif (ip 300.1.1.1))))"), -1);
    expect("bad-ip", "300.1.1.1", "300.1.1.1");
    ck_assert_int_eq(rd(PV_HEAD "(device (vif (rate fast))))"), -1);
    expect("bad-rate", "fast", "Invalid rate 'fast'");
    ck_assert_int_eq(rd(PV_HEAD "(device (vif (model 'a b'))))"), -1);
    expect("bad-model", "'a b'", "'a b'");
    /* (device (vif)) holds nothing libvirt reads: reported, not read */
    rd_ok(PV_HEAD "(device (vif)))");
    ck_assert_uint_eq(dom.nets.n, 0);
    expect("unused-key", "vif)", "device 'vif'");
}
END_TEST

START_TEST(pci)
{
    rd_ok(PV_HEAD "(device (pci (backend 0)"
          "(dev (domain 0x0001)(bus 0x0c)(slot 0x1b)(func 0x2)(uuid u))"
          "(dev (domain 0)(bus 1)(slot 19)(func 0)(vdevfn 0x100)(opts x)))))");
    ck_assert_uint_eq(dom.hostdevs.n, 2);
    const struct xc_hostdev *h = &dom.hostdevs.v[0];
    ck_assert_int_eq(h->type, XC_HOSTDEV_PCI);
    ck_assert_int_eq(h->managed, XC_TRI_NO);
    ck_assert_uint_eq(h->pci.domain, 1);
    ck_assert_uint_eq(h->pci.bus, 0x0c);
    ck_assert_uint_eq(h->pci.slot, 0x1b);
    ck_assert_uint_eq(h->pci.function, 2);
    ck_assert_uint_eq(dom.hostdevs.v[1].pci.slot, 19);
    /* uuid is runtime state, vdevfn 0x100 xend's default, opts lost */
    ck_assert_uint_eq(count("runtime-state"), 1);
    ck_assert_uint_eq(count("unused-key"), 1);
    expect("unused-key", "opts x", "device/pci/dev/opts");

    ck_assert_int_eq(rd(PV_HEAD "(device (pci (dev (domain 0)(bus 0)"
                        "(slot 0)))))"), -1);
    expect("missing-key", "(dev (", "missing PCI func");
    ck_assert_int_eq(rd(PV_HEAD "(device (pci (dev (domain 0)(bus 0x100)"
                        "(slot 0)(func 0)))))"), -1);
    expect("bad-value", "0x100", "out of range");
    /* only the first (device (pci ...)) is read, as libvirt */
    rd_ok(PV_HEAD "(device (pci (dev (domain 0)(bus 0)(slot 1)(func 0))))"
          "(device (pci (dev (domain 0)(bus 0)(slot 2)(func 0)))))");
    ck_assert_uint_eq(dom.hostdevs.n, 1);
    expect("unused-key", "pci (dev (domain 0)(bus 0)(slot 2)", "device 'pci'");
}
END_TEST

START_TEST(graphics)
{
    /* new style: vfb; the display number gives the port */
    rd_ok(PV_HEAD "(device (vkbd (backend 0)))(device (vfb (type vnc)"
          "(vncunused 0)(vncdisplay 25)(vnclisten 0.0.0.0)(vncpasswd s)"
          "(keymap ja)(location localhost:5925))))");
    ck_assert_uint_eq(dom.graphics.n, 1);
    const struct xc_graphics *g = &dom.graphics.v[0];
    ck_assert_int_eq(g->type, XC_GFX_VNC);
    ck_assert(g->has_port);
    ck_assert_int_eq(g->port, 5925);
    ck_assert_int_eq(g->autoport, XC_TRI_NO);
    ck_assert(g->has_listen);
    ck_assert_str_eq(g->listen.s, "0.0.0.0");
    ck_assert_str_eq(g->passwd.s, "s");
    ck_assert_str_eq(g->keymap.s, "ja");
    ck_assert_uint_eq(count("unused-key"), 0);

    /* (vnc 1) without a type; no display: automatic port */
    rd_ok(PV_HEAD "(device (vfb (vnc 1)(vncunused 1))))");
    ck_assert_int_eq(dom.graphics.v[0].port, -1);
    ck_assert_int_eq(dom.graphics.v[0].autoport, XC_TRI_YES);

    rd_ok(PV_HEAD "(device (vfb (type sdl)(display :0)(xauthority /x))))");
    ck_assert_int_eq(dom.graphics.v[0].type, XC_GFX_SDL);
    ck_assert_str_eq(dom.graphics.v[0].display.s, ":0");
    ck_assert_str_eq(dom.graphics.v[0].xauth.s, "/x");

    ck_assert_int_eq(rd(PV_HEAD "(device (vfb (type rdp))))"), -1);
    expect("bad-value", "rdp", "unknown graphics type 'rdp'");
    ck_assert_int_eq(rd(PV_HEAD "(device (vfb (uuid u))))"), -1);
    expect("bad-value", "(vfb", "unknown graphics type 'unknown'");

    /* old style in the image: the port is automatic */
    rd_ok(HVM_HEAD "(image (hvm (kernel /l)(vnc 1)(vncunused 0)"
          "(vnclisten 127.0.0.1)(keymap de))))");
    g = &dom.graphics.v[0];
    ck_assert_int_eq(g->type, XC_GFX_VNC);
    ck_assert_int_eq(g->port, -1);
    ck_assert_int_eq(g->autoport, XC_TRI_YES);
    ck_assert_str_eq(g->listen.s, "127.0.0.1");
    ck_assert_str_eq(g->keymap.s, "de");
    rd_ok(HVM_HEAD "(image (hvm (kernel /l)(sdl 1)(display :1))))");
    ck_assert_int_eq(dom.graphics.v[0].type, XC_GFX_SDL);
    ck_assert_str_eq(dom.graphics.v[0].display.s, ":1");

    /* an HVM vfb beside the image keys xend copied into it */
    rd_ok(HVM_HEAD "(image (hvm (kernel /l)(vnc 1)(keymap en-us)"
          "(vncdisplay 3)))(device (vfb (type vnc)(keymap en-us))))");
    ck_assert_uint_eq(dom.graphics.n, 1);
    ck_assert_uint_eq(count("unused-key"), 1);
    expect("unused-key", "vncdisplay 3", "image/hvm/vncdisplay");
}
END_TEST

START_TEST(chardevs_usb_sound)
{
    rd_ok(HVM_HEAD "(image (hvm (kernel /l)(serial (none /dev/ttyS1 pty))"
          "(parallel tcp:localhost:9999)(usbdevice tablet)(usbdevice mouse)"
          "(usbdevice disk:/x)(soundhw 'sb16,ac97'))))");
    ck_assert_uint_eq(dom.serials.n, 2);
    ck_assert_int_eq(dom.serials.v[0].type, XC_CHR_DEV);
    ck_assert_str_eq(dom.serials.v[0].path.s, "/dev/ttyS1");
    ck_assert_uint_eq(dom.serials.v[0].target_port, 1);
    ck_assert_int_eq(dom.serials.v[1].type, XC_CHR_PTY);
    ck_assert_uint_eq(dom.serials.v[1].target_port, 2);
    ck_assert_uint_eq(dom.parallels.n, 1);
    ck_assert_int_eq(dom.parallels.v[0].type, XC_CHR_TCP);
    ck_assert_str_eq(dom.parallels.v[0].host.s, "localhost");
    ck_assert_str_eq(dom.parallels.v[0].service.s, "9999");
    ck_assert_uint_eq(dom.inputs.n, 2);
    ck_assert_int_eq(dom.inputs.v[0].type, XC_INPUT_TABLET);
    ck_assert_int_eq(dom.inputs.v[0].bus, XC_INPUT_BUS_USB);
    ck_assert_int_eq(dom.inputs.v[1].type, XC_INPUT_MOUSE);
    expect("ignored-value", "disk:/x", "usbdevice 'disk:/x'");
    ck_assert_uint_eq(dom.sounds.n, 2);
    ck_assert_str_eq(dom.sounds.v[0].model.s, "sb16");
    ck_assert_str_eq(dom.sounds.v[1].model.s, "ac97");

    rd_ok(HVM_HEAD "(image (hvm (kernel /l)(serial unix:/s,server)"
          "(soundhw all))))");
    ck_assert_uint_eq(dom.serials.n, 1);
    ck_assert_int_eq(dom.serials.v[0].type, XC_CHR_UNIX);
    ck_assert(dom.serials.v[0].listen);
    ck_assert_uint_eq(dom.sounds.n, 2);
    ck_assert_str_eq(dom.sounds.v[1].model.s, "es1370");

    ck_assert_int_eq(rd(HVM_HEAD "(image (hvm (kernel /l)(serial bogus:x))))"),
                     -1);
    expect("bad-chardev", "bogus:x", "'bogus'");
    ck_assert_int_eq(rd(HVM_HEAD "(image (hvm (kernel /l)(soundhw sb16,x))))"),
                     -1);
    expect("bad-value", "sb16,x", "unknown sound model 'x'");
    ck_assert_int_eq(rd(HVM_HEAD "(image (hvm (kernel /l)(serial ((a))))))"),
                     -1);
    expect("bad-value", "(a)", "a list inside");
}
END_TEST

/* ---- errors, numbers, shapes ---------------------------------------------- */

START_TEST(error_positions)
{
    ck_assert_int_eq(rd("(domain\n  (name g)\n  " UUID "\n  (memory 64)\n"
                        "  (image (linux (ramdisk /i))))"), -1);
    expect("missing-key", "(linux", "missing kernel & bootloader");
    ck_assert_int_eq(rd("(domain (name g)" UUID "(memory 64)(image (hvm "
                        "(boot c))))"), -1);
    expect("missing-key", "(hvm", "missing HVM loader");
    /* a failed read reports no losses (there is no output to lose from) */
    ck_assert_uint_eq(count("unused-key"), 0);
    ck_assert_int_eq(rd("(vm (uuid 596a5d2171f48fb2e068e2386a5c413e))"), -1);
    expect("missing-key", "(vm", "missing name");
    ck_assert_int_eq(rd("(vm (name g))"), -1);
    expect("missing-key", "(vm", "missing uuid");
    ck_assert_int_eq(rd("(vm (name g)(uuid 12-34)(bootloader x))"), -1);
    expect("bad-uuid", "12-34", "'12-34'");
    ck_assert_int_eq(rd("(vm (name g)" UUID "(vcpus two)(on_reboot boom)"
                        "(bootloader x))"), -1);
    expect("bad-value", "two", "vcpus: 'two' is not an integer");
    expect("bad-value", "boom", "unknown lifecycle type 'boom'");
    ck_assert_int_eq(rd("(vm (name g)" UUID "(vcpus 0)(bootloader x))"), -1);
    expect("bad-value", "0)(boot", "out of range");
    /* a list where a value belongs: reported once, at the list */
    ck_assert_int_eq(rd("(vm (name (g))" UUID "(bootloader x))"), -1);
    expect("bad-value", "(g)", "'name' holds a list");
    ck_assert_uint_eq(d.nerrors, 1);
    ck_assert_uint_eq(count("unused-value"), 0);
    /* a syntax error comes from the parser, with its position */
    ck_assert_int_eq(rd("(vm (name g)"), -1);
    expect("syntax", "(vm", "not closed");
}
END_TEST

START_TEST(overflow)
{
    /* memory << 10 must fit libvirt's ceiling (LLONG_MAX bytes) */
    ck_assert_int_eq(rd("(vm (name g)" UUID "(memory 8796093022208)"
                        "(bootloader x))"), -1);
    expect("bad-value", "8796093022208", "out of range");
    rd_ok("(vm (name g)" UUID "(memory 8796093022207)(bootloader x))");
    ck_assert_uint_eq(dom.memory_kib, 8796093022207ULL << 10);
    ck_assert_int_eq(rd("(vm (name g)" UUID "(maxmem 99999999999999999999999)"
                        "(bootloader x))"), -1);
    expect("bad-value", "99999999999999999999999", "out of range");
    ck_assert_int_eq(rd("(vm (name g)" UUID "(memory -1)(bootloader x))"), -1);
    expect("bad-value", "-1", "'-1' is not a non-negative integer");
    ck_assert_int_eq(rd("(vm (name g)" UUID "(memory 12abc)(bootloader x))"),
                     -1);
    expect("bad-value", "12abc", "'12abc' is not a non-negative integer");
    /* base 0, as strtol(.., 0): 010 is 8, 08 is no number */
    rd_ok("(vm (name g)" UUID "(memory 010)(bootloader x))");
    ck_assert_uint_eq(dom.memory_kib, 8 * 1024);
    ck_assert_int_eq(rd("(vm (name g)" UUID "(memory 08)(bootloader x))"), -1);
    expect("bad-value", "08", "'08' is not a non-negative integer");
    ck_assert_int_eq(rd("(vm (name g)" UUID "(vcpus 2147483648)"
                        "(bootloader x))"), -1);
    expect("bad-value", "2147483648", "out of range");
    ck_assert_int_eq(rd("(vm (name g)" UUID "(domid 2147483648)"
                        "(bootloader x))"), -1);
    expect("bad-value", "2147483648", "out of range");
    ck_assert_int_eq(rd("(vm (name g)" UUID "(vcpu_avail 18446744073709551616)"
                        "(bootloader x))"), -1);
    expect("bad-value", "18446744073709551616", "out of range");
    /* a full 64-bit vcpu_avail: more bits than vcpus means all online */
    rd_ok("(vm (name g)" UUID "(vcpus 3)(vcpu_avail 0xffffffffffffffff)"
          "(bootloader x))");
    ck_assert(!dom.has_current_vcpus);
    ck_assert_uint_eq(dom.current_vcpus, 3);
    /* memory above maxmem is clipped */
    rd_ok("(vm (name g)" UUID "(memory 0x200)(maxmem 256)(bootloader x))");
    ck_assert_uint_eq(dom.current_memory_kib, 256 * 1024);
    ck_assert_int_eq(rd("(vm (name g)" UUID "(memory 64)(image (hvm (kernel "
                        "/l)(rtc_timeoffset 99999999999))))"), -1);
    expect("bad-value", "99999999999", "out of range");
    ck_assert_int_eq(rd(PV_HEAD "(device (vfb (type vnc)"
                        "(vncdisplay 99999999999))))"), 0);
    expect("ignored-value", "99999999999", "vncdisplay '99999999999'");
}
END_TEST

START_TEST(unused_keys)
{
    rd_ok("(domain (domid 3)(name g)(name h)(name g)" UUID "(memory 64)\n"
          "(cpu_weight 256)(cpu_cap 0)(cpu_weight 512)(shadow_memory 8)\n"
          "(features )(cpus (()))(on_xend_start ignore)(on_xend_stop shutdown)\n"
          "(state -b----)(cpu_time 1.5)(store_mfn 1)(security_label x)\n"
          "(image (linux (kernel /k)(vcpus 1)(videoram 8)(videoram 4)(notes (A 1))))\n"
          "(device (vbd (uname file:/x)(dev xvda)(mode w)(uuid u)(backend 0)"
          "(bootable 1)(bootable 1)(protocol x86_64-abi)))\n"
          "(device (vtpm (instance 1)))(device (console (location 2)))\n"
          "stray ((a) b) (name g extra))");
    /* a repeat with another value is lost, with the same value not */
    expect("unused-key", "name h", "repeats an earlier 'name'");
    ck_assert(none_at("unused-key", "name g)(uuid"));
    /* xend defaults say nothing; other values are lost */
    expect("unused-key", "cpu_weight 512", "'cpu_weight'");
    ck_assert(none_at("unused-key", "cpu_weight 256"));
    ck_assert(none_at("unused-key", "cpu_cap 0"));
    expect("unused-key", "shadow_memory 8", "'shadow_memory'");
    expect("unused-key", "on_xend_stop", "'on_xend_stop'");
    /* runtime state: notes, not losses */
    expect("runtime-state", "state -b", "'state' is xend runtime state");
    expect("runtime-state", "cpu_time", "'cpu_time'");
    expect("runtime-state", "store_mfn", "'store_mfn'");
    expect("unused-key", "security_label", "'security_label'");
    /* image: vcpus repeats the domain's (absent there: one vcpu) */
    expect("unused-key", "vcpus 1)", "'image/linux/vcpus'");
    expect("unused-key", "videoram", "'image/linux/videoram'");
    ck_assert(none_at("unused-key", "videoram 4"));

    expect("runtime-state", "notes", "'image/linux/notes'");
    expect("runtime-state", "uuid u)", "'device/vbd/uuid'");
    expect("runtime-state", "protocol", "'device/vbd/protocol'");
    expect("unused-key", "vtpm", "device 'vtpm'");
    expect("runtime-state", "console (", "device 'console'");
    expect("unused-value", "stray", "value 'stray'");
    expect("unused-value", "((a) b)", "a list without a key name");
    expect("unused-key", "name g extra", "repeats an earlier 'name'");
    /* every loss is a leftover too */
    ck_assert_uint_eq(dom.leftovers.n, count("unused-key"));
    /* and the loss report names the target */
    struct xc_pos vt = at(last, "vtpm");
    const struct xc_diag *g = find("unused-key", vt.line, vt.col, NULL);
    ck_assert(g->lost);

    /* an HVM image repeating the domain's vcpus and vcpu_avail */
    rd_ok(HVM_HEAD "(vcpu_avail 1)(image (hvm (kernel /l)(vcpus 1)"
          "(vcpu_avail 1)(usb 1))))");
    ck_assert_uint_eq(count("unused-key"), 1);
    expect("unused-key", "usb 1", "'image/hvm/usb'");
    rd_ok(HVM_HEAD "(vcpu_avail 1)(image (hvm (kernel /l)(vcpus 2)"
          "(vcpu_avail 3))))");
    expect("unused-key", "vcpus 2", "'image/hvm/vcpus'");
    expect("unused-key", "vcpu_avail 3", "'image/hvm/vcpu_avail'");
}
END_TEST

/* What xm create sends xend for a typical PV guest: everything is read or
 * is xend's default, so nothing is reported. */
START_TEST(xm_create_vm_no_losses)
{
    rd_ok("(vm (name web)(memory 512)(maxmem 512)(shadow_memory 0)(vcpus 2)"
          "(on_poweroff destroy)(on_reboot restart)(on_crash restart)"
          "(on_xend_start ignore)(on_xend_stop ignore)(s3_integrity 1)"
          UUID "(image (linux (kernel /boot/vmlinuz)(ramdisk /boot/initrd)"
          "(root '/dev/xvda1 ro')(args 'console=hvc0')(videoram 4)"
          "(tsc_mode 0)(nomigrate 0)(superpages 0)))"
          "(device (vbd (uname phy:/dev/vg/web)(dev xvda)(mode w)))"
          "(device (vif (bridge xenbr0)(mac 00:16:3e:00:00:01)))"
          "(device (vkbd))(device (vfb (vnc 1)(vncunused 1))))");
    ck_assert_uint_eq(d.list.n, 0);
    ck_assert_str_eq(dom.os.root.s, "/dev/xvda1 ro");
    ck_assert_uint_eq(dom.graphics.n, 1);
    ck_assert_uint_eq(dom.leftovers.n, 0);
}
END_TEST

START_TEST(deep_unknown_key)
{
    enum { DEPTH = 100000 };
    const char *head = "(domain (name g)" UUID "(memory 64)(bootloader x)(junk ";
    size_t hl = strlen(head);
    char *text = malloc(hl + 2 * DEPTH + 4);
    memcpy(text, head, hl);
    memset(text + hl, '(', DEPTH);
    text[hl + DEPTH] = 'a';
    memset(text + hl + DEPTH + 1, ')', DEPTH);
    strcpy(text + hl + 2 * DEPTH + 1, "))");
    rd_ok(text);
    ck_assert_uint_eq(count("unused-key"), 1);
    expect("unused-key", "junk", "'junk'");

    /* the same depth where a value is read: an error, no crash */
    memcpy(text, "(domain (name ", 14);
    memset(text + 14, '(', DEPTH);
    text[14 + DEPTH] = 'a';
    memset(text + 15 + DEPTH, ')', DEPTH);
    strcpy(text + 15 + 2 * DEPTH, ")" UUID ")");
    ck_assert_int_eq(rd(text), -1);
    expect_at("bad-value", 1, 15, "'name' holds a list");
    free(text);
}
END_TEST

/* ---- the whole pipeline ------------------------------------------------------ */

START_TEST(pipeline_xml_and_xl)
{
    const char *text =
        "(domain (domid 6)(name 'pvtest')(memory 420)(maxmem 420)(vcpus 2)"
        "(uuid '596a5d2171f48fb2e068e2386a5c413e')(on_poweroff 'destroy')"
        "(on_reboot 'destroy')(on_crash 'destroy')"
        "(image (linux (kernel '/var/lib/xen/vmlinuz')))"
        "(device (vbd (dev 'xvda')(uname 'file:/root/some.img')(mode 'w')))"
        "(device (vif (mac '00:11:22:33:44:55')(bridge 'xenbr2')"
        "(script 'vif-bridge')(ip '192.0.2.1'))))";
    struct xc_buf out = {0};

    ck_assert_int_eq(conv(text, &xc_format_xml, &out), 0);
    const char *x = xc_buf_str(&out);
    ck_assert_ptr_nonnull(strstr(x, "<domain type='xen' id='6'>\n"));
    /* arch and machine from the capabilities, as for xl and xm */
    ck_assert_ptr_nonnull(strstr(x, "    <type arch='x86_64' machine='xenpv'>linux</type>\n"));
    ck_assert_ptr_nonnull(strstr(x, "<memory unit='KiB'>430080</memory>"));
    ck_assert_ptr_nonnull(strstr(x, "<driver name='file' type='raw'/>"));
    ck_assert_ptr_nonnull(strstr(x, "<ip address='192.0.2.1' family='ipv4'/>"));
    ck_assert_ptr_nonnull(strstr(x, "<target dev='vif6.0'/>"));
    ck_assert_ptr_nonnull(strstr(x, "<console type='pty'>\n"
                                    "      <target type='xen' port='0'/>"));
    xc_buf_free(&out);

    ck_assert_int_eq(conv(text, &xc_format_xl, &out), 0);
    x = xc_buf_str(&out);
    ck_assert_ptr_nonnull(strstr(x, "name = \"pvtest\"\n"));
    ck_assert_ptr_nonnull(strstr(x, "kernel = \"/var/lib/xen/vmlinuz\"\n"));
    ck_assert_ptr_nonnull(strstr(x, "memory = 420\n"));
    ck_assert_ptr_nonnull(strstr(x, "mac=00:11:22:33:44:55,bridge=xenbr2"));
    xc_buf_free(&out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sxpr_read");
    TCase *tc = tcase_create("core");
    tcase_add_checked_fixture(tc, setup, teardown);
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, heads_domain_and_vm);
    tcase_add_test(tc, domid_bootloader_and_dom0);
    tcase_add_test(tc, hvm_os_features_clock);
    tcase_add_test(tc, disks);
    tcase_add_test(tc, disk_errors);
    tcase_add_test(tc, nets);
    tcase_add_test(tc, pci);
    tcase_add_test(tc, graphics);
    tcase_add_test(tc, chardevs_usb_sound);
    tcase_add_test(tc, error_positions);
    tcase_add_test(tc, overflow);
    tcase_add_test(tc, unused_keys);
    tcase_add_test(tc, xm_create_vm_no_losses);
    tcase_add_test(tc, deep_unknown_key);
    tcase_add_test(tc, pipeline_xml_and_xl);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
