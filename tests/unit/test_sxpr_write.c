/* Unit tests for the xen-sxpr writer (formats/sxpr/sxpr_write*.c,
 * sxpr_escape.c): the atom function byte by byte, hostile values that try
 * to become syntax (every output is parsed back with xc_sx_parse and must
 * hold exactly the intended keys and values), each device kind against
 * libvirt's xenFormatSxpr output, loss warnings and refusals with their
 * input positions. */
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
#include "formats/sxpr/sxpr_tree.h"
#include "formats/sxpr/sxpr_write.h"
#include "formats/xml/xml.h"

/* ---- helpers ------------------------------------------------------------ */

/* domxml-to-native xen-sxpr, in memory (reader, defaults, writer). */
static int to_sxpr(const char *xml, struct xc_buf *out, struct xc_diags *d)
{
    struct xc_source src;
    struct xc_settings set;
    int rc;

    xc_settings_init(&set);
    xc_source_from_mem(&src, "t.xml", xml, strlen(xml));
    rc = xc_convert_source(&xc_format_xml, &xc_format_sxpr, XC_ORIGIN_XML,
                           &src, &set, out, d);
    xc_source_free(&src);
    xc_settings_free(&set);
    return rc;
}

/* Parse text; the test fails on a syntax error. */
static void parse(const char *text, struct xc_sx_tree *t)
{
    struct xc_source src;
    struct xc_diags d = {0};

    memset(t, 0, sizeof(*t));
    xc_source_from_mem(&src, "out.sxpr", text, strlen(text));
    ck_assert_msg(xc_sx_parse(&src, t, &d) == 0, "output does not parse: %s",
                  text);
    xc_source_free(&src);
    xc_diags_free(&d);
}

/* The heads of the lists directly inside list, space separated. */
static char *heads(const struct xc_sx_tree *t, xc_sx_id list)
{
    struct xc_buf b = {0};
    xc_sx_id it = xc_sx_first(t, list);

    for (it = xc_sx_next(t, it); it; it = xc_sx_next(t, it)) {
        const char *h = xc_sx_head(t, it);
        if (b.len)
            xc_buf_addc(&b, ' ');
        xc_buf_add(&b, h ? h : xc_sx_text(t, it) ? "<atom>" : "<list>");
    }
    return xc_buf_steal(&b);
}

static void assert_heads(const struct xc_sx_tree *t, xc_sx_id list,
                         const char *want)
{
    char *h = heads(t, list);
    ck_assert_str_eq(h, want);
    free(h);
}

static const struct xc_diag *find_check(const struct xc_diags *d,
                                        const char *check)
{
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].check && strcmp(d->list.v[i].check, check) == 0)
            return &d->list.v[i];
    return NULL;
}

/* The loss warning whose message contains s. */
static const struct xc_diag *find_lost(const struct xc_diags *d, const char *s)
{
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].lost && strstr(d->list.v[i].msg, s))
            return &d->list.v[i];
    return NULL;
}

static size_t count_lost(const struct xc_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->list.n; i++)
        n += d->list.v[i].lost;
    return n;
}

static void assert_pos(const struct xc_diag *g, unsigned line, unsigned col)
{
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, line);
    ck_assert_uint_eq(g->pos.col, col);
}

/* ---- the atom function --------------------------------------------------- */

static char *atom(const char *v, enum xc_sxw_style style)
{
    struct xc_buf b = {0};
    xc_sxw_atom(&b, v, style);
    return xc_buf_steal(&b);
}

START_TEST(atom_exact_forms)
{
    static const struct {
        const char *in;
        enum xc_sxw_style style;
        const char *want;
    } cases[] = {
        {"plain", XC_SXW_QUOTED, "'plain'"},
        {"", XC_SXW_QUOTED, "''"},
        {"a'b", XC_SXW_QUOTED, "'a\\'b'"},
        {"a\\b", XC_SXW_QUOTED, "'a\\\\b'"},
        {"a\"b", XC_SXW_QUOTED, "'a\"b'"},         /* as libvirt: raw */
        {"l1\nl2\tx\ry", XC_SXW_QUOTED, "'l1\\nl2\\tx\\ry'"},
        {"\x01\x1f\x7f", XC_SXW_QUOTED, "'\\x01\\x1f\\x7f'"},
        {"caf\xc3\xa9", XC_SXW_QUOTED, "'caf\xc3\xa9'"},  /* UTF-8 kept */
        {"pty", XC_SXW_BARE_IF_SAFE, "pty"},
        {"/dev/ttyS0", XC_SXW_BARE_IF_SAFE, "/dev/ttyS0"},
        {"udp:h:1@:2", XC_SXW_BARE_IF_SAFE, "udp:h:1@:2"},
        {"unix:/s,server,nowait", XC_SXW_BARE_IF_SAFE, "unix:/s,server,nowait"},
        {"", XC_SXW_BARE_IF_SAFE, "''"},
        {"a b", XC_SXW_BARE_IF_SAFE, "'a b'"},
        {"a)b", XC_SXW_BARE_IF_SAFE, "'a)b'"},
        {"a#b", XC_SXW_BARE_IF_SAFE, "'a#b'"},      /* sxp.py: comment */
        {"a;b", XC_SXW_BARE_IF_SAFE, "'a;b'"},      /* sxp.py: separator */
        {"a'b", XC_SXW_BARE_IF_SAFE, "'a\\'b'"},
        {"a\\b", XC_SXW_BARE_IF_SAFE, "'a\\\\b'"},
        {"caf\xc3\xa9", XC_SXW_BARE_IF_SAFE, "'caf\xc3\xa9'"},
    };

    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        char *got = atom(cases[i].in, cases[i].style);
        ck_assert_msg(strcmp(got, cases[i].want) == 0, "case %zu: %s", i, got);
        free(got);
    }
}
END_TEST

/* "(k ATOM)" parsed back gives the value, and the output holds no raw
 * control byte (no value can change the line structure). */
static void roundtrip_atom(const char *v, enum xc_sxw_style style)
{
    struct xc_buf b = {0};
    struct xc_sx_tree t;

    xc_buf_add(&b, "(k ");
    xc_sxw_atom(&b, v, style);
    xc_buf_add(&b, ")");
    for (size_t i = 0; i < b.len; i++)
        ck_assert_msg((unsigned char)b.data[i] >= 0x20 &&
                      (unsigned char)b.data[i] != 0x7f,
                      "raw control byte 0x%02x in %s", b.data[i], b.data);
    parse(xc_buf_str(&b), &t);
    assert_heads(&t, t.root, "<atom>");
    ck_assert_str_eq(xc_sx_value(&t, t.root, "k"), v);
    xc_sx_free(&t);
    xc_buf_free(&b);
}

START_TEST(atom_every_byte)
{
    char all[256];

    for (int c = 1; c < 256; c++) {
        char v[4] = {'a', (char)c, 'z', 0};
        char lone[2] = {(char)c, 0};
        roundtrip_atom(v, XC_SXW_QUOTED);
        roundtrip_atom(v, XC_SXW_BARE_IF_SAFE);
        roundtrip_atom(lone, XC_SXW_QUOTED);
        roundtrip_atom(lone, XC_SXW_BARE_IF_SAFE);
        all[c - 1] = (char)c;
    }
    all[255] = 0;
    roundtrip_atom(all, XC_SXW_QUOTED);
    roundtrip_atom(all, XC_SXW_BARE_IF_SAFE);
    /* hex escape followed by a hex digit, backslash before a quote */
    roundtrip_atom("\x01" "ab\\'", XC_SXW_QUOTED);
}
END_TEST

/* ---- hostile values through the whole conversion -------------------------- */

/* A minimal domain model written directly: every byte 1..255 in the name,
 * description, kernel, initrd and command line. */
START_TEST(model_every_byte)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    struct xc_buf out = {0};
    struct xc_settings set;
    struct xc_sx_tree t;
    char all[256];

    for (int c = 1; c < 256; c++)
        all[c - 1] = (char)c;
    all[255] = 0;
    xc_settings_init(&set);
    xc_domain_init(&dom);
    dom.os.type = XC_OS_XEN;
    xc_str_set(&dom.name, all, xc_nopos);
    xc_str_set(&dom.description, all, xc_nopos);
    xc_str_set(&dom.os.kernel, all, xc_nopos);
    xc_str_set(&dom.os.initrd, all, xc_nopos);
    xc_str_set(&dom.os.cmdline, all, xc_nopos);
    dom.memory_kib = dom.current_memory_kib = 1024;
    dom.has_current_memory = true;
    dom.maxvcpus = 1;
    ck_assert_int_eq(xc_sxpr_write(&dom, &set, &out, &d), 0);
    /* one line */
    ck_assert_ptr_eq(strchr(out.data, '\n'), out.data + out.len - 1);
    parse(xc_buf_str(&out), &t);
    assert_heads(&t, t.root, "name memory maxmem vcpus uuid description "
                             "on_poweroff on_reboot on_crash image localtime");
    ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/name"), all);
    ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/description"), all);
    ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/linux/kernel"), all);
    ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/linux/ramdisk"), all);
    ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/linux/args"), all);
    assert_heads(&t, xc_sx_lookup(&t, t.root, "vm/image/linux"),
                 "kernel ramdisk args localtime");
    xc_sx_free(&t);
    xc_domain_free(&dom);
    xc_diags_free(&d);
    xc_buf_free(&out);
    xc_settings_free(&set);
}
END_TEST

/* The brief's injection attempt as a name, written from the model (the
 * XML path refuses a '/' in a name before the writer sees it). */
START_TEST(model_name_injection)
{
    static const char evil[] = "x')(bootloader '/bin/sh";
    struct xc_domain dom;
    struct xc_diags d = {0};
    struct xc_buf out = {0};
    struct xc_settings set;
    struct xc_sx_tree t;

    xc_settings_init(&set);
    xc_domain_init(&dom);
    dom.os.type = XC_OS_XEN;
    xc_str_set(&dom.name, evil, xc_nopos);
    xc_str_set(&dom.os.kernel, "/k", xc_nopos);
    dom.memory_kib = dom.current_memory_kib = 2048;
    dom.has_current_memory = true;
    dom.maxvcpus = 1;
    ck_assert_int_eq(xc_sxpr_write(&dom, &set, &out, &d), 0);
    ck_assert_str_eq(xc_buf_str(&out),
        "(vm (name 'x\\')(bootloader \\'/bin/sh')(memory 2)(maxmem 2)(vcpus 1)"
        "(uuid '00000000-0000-0000-0000-000000000000')(on_poweroff 'destroy')"
        "(on_reboot 'destroy')(on_crash 'destroy')(image (linux (kernel '/k')"
        "(localtime 0)))(localtime 0))\n");
    parse(xc_buf_str(&out), &t);
    assert_heads(&t, t.root, "name memory maxmem vcpus uuid on_poweroff "
                             "on_reboot on_crash image localtime");
    ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/name"), evil);
    ck_assert_uint_eq(xc_sx_lookup(&t, t.root, "vm/bootloader"), 0);
    xc_sx_free(&t);

    /* an empty bootloader is libvirt's "(bootloader)" */
    xc_buf_reset(&out);
    xc_str_set(&dom.os.bootloader, "", xc_nopos);
    ck_assert_int_eq(xc_sxpr_write(&dom, &set, &out, &d), 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out), "(bootloader)(on_poweroff"));
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out), "(image (linux (localtime 0)))"));
    xc_domain_free(&dom);
    xc_diags_free(&d);
    xc_buf_free(&out);
    xc_settings_free(&set);
}
END_TEST

static void xml_escape(struct xc_buf *b, const char *s)
{
    for (; *s; s++) {
        switch (*s) {
        case '&': xc_buf_add(b, "&amp;"); break;
        case '<': xc_buf_add(b, "&lt;"); break;
        case '>': xc_buf_add(b, "&gt;"); break;
        case '\'': xc_buf_add(b, "&apos;"); break;
        case '"': xc_buf_add(b, "&quot;"); break;
        case '\n': xc_buf_add(b, "&#10;"); break;
        case '\t': xc_buf_add(b, "&#9;"); break;
        default: xc_buf_addc(b, *s);
        }
    }
}

/* v with each '/' as '_' (libvirt refuses a '/' in a libxl domain name). */
static char *slashless(const char *v)
{
    char *s = strdup(v);
    for (char *p = s; *p; p++)
        if (*p == '/')
            *p = '_';
    return s;
}

/* An HVM domain with hostile value v in many places. */
static char *hostile_hvm(const char *v)
{
    struct xc_buf b = {0};
    char *name = slashless(v);

    xc_buf_add(&b, "<domain type='xen'>\n  <name>");
    xml_escape(&b, name);
    free(name);
    xc_buf_add(&b, "</name>\n  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
                   "  <description>");
    xml_escape(&b, v);
    xc_buf_add(&b, "</description>\n  <memory>524288</memory>\n  <vcpu>1</vcpu>\n"
                   "  <os><type arch='x86_64' machine='xenfv'>hvm</type><loader>");
    xml_escape(&b, v);
    xc_buf_add(&b, "</loader></os>\n  <devices>\n    <emulator>");
    xml_escape(&b, v);
    xc_buf_add(&b, "</emulator>\n    <disk type='file' device='disk'><source file='");
    xml_escape(&b, v);
    xc_buf_add(&b, "'/><target dev='hda'/></disk>\n"
                   "    <interface type='bridge'><mac address='00:16:3e:00:00:01'/>"
                   "<source bridge='");
    xml_escape(&b, v);
    xc_buf_add(&b, "'/><script path='");
    xml_escape(&b, v);
    /* (the XML reader refuses a hostile model name) */
    xc_buf_add(&b, "'/><model type='e1000'/></interface>\n    <serial type='file'><source path='");
    xml_escape(&b, v);
    xc_buf_add(&b, "'/></serial>\n    <graphics type='vnc' port='5900' passwd='");
    xml_escape(&b, v);
    xc_buf_add(&b, "' keymap='");
    xml_escape(&b, v);
    xc_buf_add(&b, "' listen='");
    xml_escape(&b, v);
    xc_buf_add(&b, "'/>\n  </devices>\n</domain>\n");
    return xc_buf_steal(&b);
}

static const char *const hostile[] = {
    "x')(bootloader '/bin/sh",
    "x\")(bootloader \"/bin/sh",
    "x) (bootloader /bin/sh",
    "a\\')(on_crash 'preserve",
    "a\\",
    "tab\there",
    "new\nline')(image (linux (kernel '/evil",
    "#comment ;semi [br] {cu} <an> !bang",
    "'",
};

START_TEST(hostile_values)
{
    for (size_t i = 0; i < sizeof(hostile) / sizeof(hostile[0]); i++) {
        const char *v = hostile[i];
        char *xml = hostile_hvm(v);
        struct xc_buf out = {0}, serial = {0};
        struct xc_diags d = {0};
        struct xc_sx_tree t;
        xc_sx_id dev;
        char *name;

        /* a control byte is escaped everywhere, a chardev path included
         * (qemu's chardev syntax gives it no meaning) */
        int rc = to_sxpr(xml, &out, &d);
        ck_assert_msg(rc == 0, "case %zu refused", i);
        parse(xc_buf_str(&out), &t);
        assert_heads(&t, t.root, "name memory maxmem vcpus uuid description "
                                 "on_poweroff on_reboot on_crash image "
                                 "localtime device device");
        name = slashless(v);
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/name"), name);
        free(name);
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/description"), v);
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/hvm/kernel"), v);
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/hvm/device_model"), v);
        xc_buf_addf(&serial, "file:%s", v);
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/hvm/serial"),
                         xc_buf_str(&serial));
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/hvm/vncpasswd"), v);
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/hvm/keymap"), v);
        ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/hvm/vnclisten"), v);
        assert_heads(&t, xc_sx_lookup(&t, t.root, "vm/image/hvm"),
                     "kernel vcpus boot pae usb parallel serial device_model "
                     "vnc vncunused vncdisplay vnclisten vncpasswd keymap "
                     "rtc_timeoffset localtime");
        dev = xc_sx_lookup(&t, t.root, "vm/device");
        assert_heads(&t, dev, "vbd");
        assert_heads(&t, xc_sx_lookup(&t, dev, "device/vbd"), "dev uname mode");
        xc_buf_reset(&serial);
        xc_buf_addf(&serial, "file:%s", v);
        ck_assert_str_eq(xc_sx_value(&t, dev, "device/vbd/uname"),
                         xc_buf_str(&serial));
        /* the vif: the second (device ...) */
        dev = xc_sx_next(&t, dev);
        assert_heads(&t, xc_sx_lookup(&t, dev, "device/vif"),
                     "mac bridge script model");
        ck_assert_str_eq(xc_sx_value(&t, dev, "device/vif/bridge"), v);
        ck_assert_str_eq(xc_sx_value(&t, dev, "device/vif/script"), v);
        ck_assert_str_eq(xc_sx_value(&t, dev, "device/vif/model"), "e1000");
        xc_sx_free(&t);
        free(xml);
        xc_buf_free(&out);
        xc_buf_free(&serial);
        xc_diags_free(&d);
    }
}
END_TEST

/* ---- device kinds, byte for byte ------------------------------------------- */

static const char hvm_xml[] =
    "<domain type='xen'>\n"
    "  <name>hvm1</name>\n"
    "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
    "  <memory unit='KiB'>1048576</memory>\n"
    "  <currentMemory unit='KiB'>524289</currentMemory>\n"
    "  <vcpu placement='static' cpuset='0-3,^2' current='2'>4</vcpu>\n"
    "  <os>\n"
    "    <type arch='x86_64' machine='xenfv'>hvm</type>\n"
    "    <loader type='rom'>/usr/lib/xen/boot/hvmloader</loader>\n"
    "    <boot dev='cdrom'/><boot dev='hd'/><boot dev='network'/>\n"
    "  </os>\n"
    "  <features><acpi/><apic/><hap/><viridian/></features>\n"
    "  <clock offset='variable' adjustment='3600' basis='localtime'>\n"
    "    <timer name='hpet' present='no'/>\n"
    "  </clock>\n"
    "  <on_crash>coredump-restart</on_crash>\n"
    "  <devices>\n"
    "    <emulator>/usr/lib/xen/bin/qemu-dm</emulator>\n"
    "    <disk type='file' device='disk'>\n"
    "      <driver name='tap' type='qcow2'/>\n"
    "      <source file='/img/a.qcow2'/><target dev='hda' bus='ide'/>\n"
    "    </disk>\n"
    "    <disk type='block' device='disk'>\n"
    "      <source dev='sdb1'/><target dev='hdb'/><shareable/>\n"
    "    </disk>\n"
    "    <disk type='file' device='cdrom'>\n"
    "      <driver name='tap2' type='raw'/>\n"
    "      <source file='/img/b.iso'/><target dev='hdc'/>\n"
    "    </disk>\n"
    "    <disk type='file' device='cdrom'><target dev='hdd'/></disk>\n"
    "    <interface type='bridge'>\n"
    "      <mac address='00:16:3e:00:00:01'/><source bridge='br0'/>\n"
    "      <ip address='192.0.2.10'/><target dev='guest0'/>\n"
    "      <model type='netfront'/>\n"
    "      <bandwidth><outbound average='1000'/></bandwidth>\n"
    "    </interface>\n"
    "    <interface type='ethernet'>\n"
    "      <mac address='00:16:3e:00:00:02'/><script path='vif-route'/>\n"
    "      <model type='e1000'/>\n"
    "    </interface>\n"
    "    <hostdev mode='subsystem' type='pci'>\n"
    "      <source><address domain='0x0000' bus='0x03' slot='0x1f' "
    "function='0x7'/></source>\n"
    "    </hostdev>\n"
    "    <input type='tablet' bus='usb'/>\n"
    "    <input type='keyboard' bus='usb'/>\n"
    "    <serial type='pty'><target port='0'/></serial>\n"
    "    <serial type='tcp'><source mode='bind' host='0.0.0.0' "
    "service='4555'/><protocol type='telnet'/><target port='2'/></serial>\n"
    "    <parallel type='file'><source path='/var/log/par.log'/></parallel>\n"
    "    <sound model='es1370'/><sound model='ac97'/>\n"
    "    <graphics type='vnc' port='5901' listen='0.0.0.0' passwd=\"se'cret\" "
    "keymap='de'/>\n"
    "  </devices>\n"
    "</domain>\n";

/* Derived by hand from xenFormatSxpr: (memory) rounds 524289 KiB up,
 * vcpu_avail is (1 << 2) - 1, the cpuset in virBitmapFormat's form, the
 * vcpus written again in the image, pae added by libxl's post-parse, one
 * usbdevice per USB input, serials by port with "none" in the gap. */
static const char hvm_sxpr[] =
    "(vm (name 'hvm1')(memory 513)(maxmem 1024)(vcpus 4)(vcpu_avail 3)"
    "(cpus '0-1,3')(uuid 'c7a5fdb2-cdaf-9455-926a-d65c16db1809')"
    "(on_poweroff 'destroy')(on_reboot 'restart')(on_crash 'coredump-restart')"
    "(image (hvm (kernel '/usr/lib/xen/boot/hvmloader')(vcpus 4)(vcpu_avail 3)"
    "(boot dcn)(acpi 1)(apic 1)(pae 1)(hap 1)(viridian 1)(usb 1)"
    "(usbdevice tablet)(usbdevice keyboard)(parallel file:/var/log/par.log)"
    "(serial (pty none telnet:0.0.0.0:4555,server,nowait))"
    "(soundhw 'es1370,ac97')(device_model '/usr/lib/xen/bin/qemu-dm')(hpet 0)"
    "(vnc 1)(vncunused 0)(vncdisplay 1)(vnclisten '0.0.0.0')"
    "(vncpasswd 'se\\'cret')(keymap 'de')(rtc_timeoffset 3600)(localtime 1)))"
    "(localtime 1)"
    "(device (tap (dev 'hda:disk')(uname 'tap:qcow2:/img/a.qcow2')(mode 'w')))"
    "(device (vbd (dev 'hdb:disk')(uname 'phy:/dev/sdb1')(mode 'w!')))"
    "(device (tap2 (dev 'hdc:cdrom')(uname 'tap2:aio:/img/b.iso')(mode 'r')))"
    "(device (vbd (dev 'hdd:cdrom')(mode 'r')))"
    "(device (vif (mac '00:16:3e:00:00:01')(rate '1000KB/s')(bridge 'br0')"
    "(script 'vif-bridge')(ip '192.0.2.10')(vifname 'guest0')"
    "(type netfront)))"
    "(device (vif (mac '00:16:3e:00:00:02')(script 'vif-route')"
    "(model 'e1000')))"
    "(device (pci (dev (domain 0x0000)(bus 0x03)(slot 0x1f)(func 0x7)))))\n";

START_TEST(devices_hvm)
{
    struct xc_buf out = {0};
    struct xc_diags d = {0};

    ck_assert_int_eq(to_sxpr(hvm_xml, &out, &d), 0);
    ck_assert_str_eq(xc_buf_str(&out), hvm_sxpr);
    /* the implicit PS/2 inputs, video, xenbus, balloon, console: no loss */
    ck_assert_uint_eq(count_lost(&d), 0);
    ck_assert_uint_eq(d.nwarnings, 0);
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

static const char pv_xml[] =
    "<domain type='xen'>\n"
    "  <name>pv1</name>\n"
    "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
    "  <memory unit='MiB'>512</memory>\n"
    "  <vcpu>2</vcpu>\n"
    "  <os>\n"
    "    <type arch='x86_64' machine='xenpv'>linux</type>\n"
    "    <kernel>/boot/vmlinuz</kernel><initrd>/boot/initrd</initrd>\n"
    "    <cmdline>root=/dev/xvda1</cmdline>\n"
    "  </os>\n"
    "  <clock offset='localtime'>\n"
    "    <timer name='hpet' present='yes'/>\n"
    "  </clock>\n"
    "  <devices>\n"
    "    <disk type='file' device='disk'>\n"
    "      <driver name='file'/><source file='/img/pv.img'/>\n"
    "      <target dev='xvda'/>\n"
    "    </disk>\n"
    "    <disk type='block' device='cdrom'>\n"
    "      <source dev='/dev/sr0'/><target dev='xvdb'/>\n"
    "    </disk>\n"
    "    <interface type='bridge'>\n"
    "      <mac address='00:16:3e:00:00:03'/><source bridge='xenbr0'/>\n"
    "      <script path='/etc/xen/scripts/vif-bridge'/><model type='netfront'/>\n"
    "    </interface>\n"
    "    <graphics type='vnc' autoport='yes' listen='127.0.0.1'/>\n"
    "  </devices>\n"
    "</domain>\n";

static const char pv_sxpr[] =
    "(vm (name 'pv1')(memory 512)(maxmem 512)(vcpus 2)"
    "(uuid 'c7a5fdb2-cdaf-9455-926a-d65c16db1809')(on_poweroff 'destroy')"
    "(on_reboot 'restart')(on_crash 'destroy')"
    "(image (linux (kernel '/boot/vmlinuz')(ramdisk '/boot/initrd')"
    "(args 'root=/dev/xvda1')(hpet 1)(localtime 1)))(localtime 1)"
    "(device (vbd (dev 'xvda')(uname 'file:/img/pv.img')(mode 'w')))"
    "(device (vbd (dev 'xvdb:cdrom')(uname 'phy:/dev/sr0')(mode 'r')))"
    "(device (vif (mac '00:16:3e:00:00:03')(bridge 'xenbr0')"
    "(script '/etc/xen/scripts/vif-bridge')(model 'netfront')))"
    "(device (vkbd))(device (vfb (type vnc)(vncunused 1)"
    "(vnclisten '127.0.0.1'))))\n";

START_TEST(devices_pv)
{
    struct xc_buf out = {0};
    struct xc_diags d = {0};

    ck_assert_int_eq(to_sxpr(pv_xml, &out, &d), 0);
    ck_assert_str_eq(xc_buf_str(&out), pv_sxpr);
    ck_assert_uint_eq(d.nwarnings, 0);
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

/* A guest with a bootloader: the image holds only the args (and an HVM
 * one gets libvirt's "(image (linux (args" quirk); an sdl framebuffer.
 * (An empty <bootloader/> reads as none: virXPathString.) */
START_TEST(bootloader_forms)
{
    static const char xml[] =
        "<domain type='xen'>\n"
        "  <name>b</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory>524288</memory>\n"
        "  <bootloader>/usr/bin/pygrub</bootloader>\n"
        "  <bootloader_args>-q</bootloader_args>\n"
        "  <os><type arch='x86_64'>hvm</type>\n"
        "    <loader>/usr/lib/xen/boot/hvmloader</loader>\n"
        "    <cmdline>quiet</cmdline></os>\n"
        "  <devices/>\n"
        "</domain>\n";
    static const char pv[] =
        "<domain type='xen'>\n"
        "  <name>b</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory>524288</memory>\n"
        "  <bootloader>/usr/bin/pygrub</bootloader>\n"
        "  <os><type arch='x86_64'>linux</type></os>\n"
        "  <devices><graphics type='sdl' display=':0' "
        "xauth='/x\\y'/></devices>\n"
        "</domain>\n";
    struct xc_buf out = {0};
    struct xc_diags d = {0};

    ck_assert_int_eq(to_sxpr(xml, &out, &d), 0);
    ck_assert_str_eq(xc_buf_str(&out),
        "(vm (name 'b')(memory 512)(maxmem 512)(vcpus 1)"
        "(uuid 'c7a5fdb2-cdaf-9455-926a-d65c16db1809')"
        "(bootloader '/usr/bin/pygrub')(bootloader_args '-q')(on_poweroff 'destroy')(on_reboot 'restart')"
        "(on_crash 'destroy')(image (linux (args 'quiet')(rtc_timeoffset 0)"
        "(localtime 0)))(localtime 0))\n");
    /* the loader (and libxl's pae) have no place */
    assert_pos(find_lost(&d, "<loader>"), 8, 13);
    ck_assert_ptr_nonnull(find_lost(&d, "feature <pae/>"));
    xc_buf_free(&out);
    xc_diags_free(&d);

    ck_assert_int_eq(to_sxpr(pv, &out, &d), 0);
    ck_assert_str_eq(xc_buf_str(&out),
        "(vm (name 'b')(memory 512)(maxmem 512)(vcpus 1)"
        "(uuid 'c7a5fdb2-cdaf-9455-926a-d65c16db1809')"
        "(bootloader '/usr/bin/pygrub')(on_poweroff 'destroy')"
        "(on_reboot 'restart')(on_crash 'destroy')(image (linux "
        "(localtime 0)))(localtime 0)(device (vkbd))(device (vfb (type sdl)"
        "(display ':0')(xauthority '/x\\\\y'))))\n");
    ck_assert_uint_eq(d.nwarnings, 0);
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

/* A lone serial device on a port other than 0 is a list; chardev specs
 * that cannot be bare are quoted. */
START_TEST(serial_forms)
{
    static const char xml[] =
        "<domain type='xen'>\n"
        "  <name>s</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory>524288</memory>\n"
        "  <os><type arch='x86_64'>hvm</type>\n"
        "    <loader>/usr/lib/xen/boot/hvmloader</loader></os>\n"
        "  <devices>\n"
        "    <serial type='udp'><source mode='connect' host='h' service='1'/>"
        "<source mode='bind' service='2'/><target port='1'/></serial>\n"
        "    <parallel type='unix'><source mode='bind' path='/tmp/my sock'/>"
        "</parallel>\n"
        "  </devices>\n"
        "</domain>\n";
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    struct xc_sx_tree t;

    ck_assert_int_eq(to_sxpr(xml, &out, &d), 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out),
        "(parallel 'unix:/tmp/my sock,server,nowait')"
        "(serial (none udp:h:1@:2))"));
    parse(xc_buf_str(&out), &t);
    ck_assert_str_eq(xc_sx_value(&t, t.root, "vm/image/hvm/parallel"),
                     "unix:/tmp/my sock,server,nowait");
    xc_sx_free(&t);
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

/* ---- loss warnings --------------------------------------------------------- */

START_TEST(losses_with_positions)
{
    static const char xml[] =
        "<domain type='xen'>\n"                                      /* 1 */
        "  <name>l</name>\n"
        "  <title>T</title>\n"                                        /* 3 */
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory>524288</memory>\n"
        "  <os><type arch='x86_64'>hvm</type>\n"
        "    <loader>/usr/lib/xen/boot/hvmloader</loader></os>\n"
        "  <devices>\n"
        "    <disk type='file' device='floppy'><source file='/f.img'/>"
        "<target dev='fda'/></disk>\n"                                /* 9 */
        "    <disk type='file'><driver name='phy' cache='none'/>"
        "<source file='/a'/><target dev='hda'/></disk>\n"             /* 10 */
        "    <hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/>"
        "<product id='0xbeef'/></source></hostdev>\n"                 /* 11 */
        "    <channel type='pty'><target type='xen' name='c'/></channel>\n"
        "    <input type='mouse' bus='xen'/>\n"                      /* 13 */
        "    <graphics type='vnc'/>\n"                               /* 14 */
        "    <graphics type='sdl'/>\n"                               /* 15 */
        "    <video><model type='vga'/></video>\n"                   /* 16 */
        "  </devices>\n"
        "</domain>\n";
    struct xc_buf out = {0};
    struct xc_diags d = {0};

    ck_assert_int_eq(to_sxpr(xml, &out, &d), 0);
    assert_pos(find_lost(&d, "<title>"), 3, 10);
    assert_pos(find_lost(&d, "floppy disk 'fda'"), 9, 5);
    assert_pos(find_lost(&d, "driver cache 'none'"), 10, 49);
    assert_pos(find_lost(&d, "USB <hostdev>"), 11, 5);
    assert_pos(find_lost(&d, "<channel>"), 12, 5);
    assert_pos(find_lost(&d, "<input type='mouse' bus='xen'>"), 13, 5);
    assert_pos(find_lost(&d, "<graphics type='vnc'>"), 14, 5);
    assert_pos(find_lost(&d, "<graphics type='sdl'>"), 15, 5);
    assert_pos(find_lost(&d, "<video> model 'vga'"), 16, 5);
    ck_assert_uint_eq(count_lost(&d), 9);
    /* neither graphics device is written */
    ck_assert_ptr_null(strstr(xc_buf_str(&out), "(vnc"));
    ck_assert_ptr_null(strstr(xc_buf_str(&out), "(sdl"));
    ck_assert_ptr_null(strstr(xc_buf_str(&out), "fda"));
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

/* What libvirt's own XML shows for every libxl domain (the devices its
 * post-parse adds) is the guest's own under xend too: no loss, whether
 * added by the defaults or written in the input. */
START_TEST(implicit_devices_no_loss)
{
    static const char hvm[] =
        "<domain type='xen'>\n"
        "  <name>i</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory>524288</memory>\n"
        "  <os><type arch='x86_64' machine='xenfv'>hvm</type>\n"
        "    <loader type='rom'>/usr/lib/xen/boot/hvmloader</loader>"
        "<boot dev='hd'/></os>\n"
        "  <features><pae/></features>\n"
        "  <clock offset='utc'/>\n"
        "  <devices>\n"
        "    <disk type='file'><source file='/a'/><target dev='hda' bus='ide'/>"
        "<address type='drive' controller='0' bus='0' target='0' unit='0'/>"
        "</disk>\n"
        "    <controller type='xenbus' index='0'/>\n"
        "    <controller type='ide' index='0'/>\n"
        "    <serial type='pty'><target port='0'/></serial>\n"
        "    <console type='pty'><target type='serial' port='0'/></console>\n"
        "    <input type='mouse' bus='ps2'/><input type='keyboard' bus='ps2'/>\n"
        "    <graphics type='vnc' port='-1' autoport='yes'/>\n"
        "    <video><model type='cirrus' vram='16384' heads='1' primary='yes'/>"
        "</video>\n"
        "    <memballoon model='xen'/>\n"
        "  </devices>\n"
        "</domain>\n";
    static const char pv[] =
        "<domain type='xen'>\n"
        "  <name>i</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory>524288</memory>\n"
        "  <os><type arch='x86_64' machine='xenpv'>linux</type>"
        "<kernel>/k</kernel></os>\n"
        "  <devices>\n"
        "    <controller type='xenbus' index='0'/>\n"
        "    <console type='pty'><target type='xen' port='0'/></console>\n"
        "    <input type='mouse' bus='xen'/><input type='keyboard' bus='xen'/>\n"
        "    <graphics type='vnc' port='5902' autoport='no'/>\n"
        "    <video><model type='xen' vram='8192' heads='1' primary='yes'/>"
        "</video>\n"
        "    <memballoon model='xen'/>\n"
        "  </devices>\n"
        "</domain>\n";
    struct xc_buf out = {0};
    struct xc_diags d = {0};

    ck_assert_int_eq(to_sxpr(hvm, &out, &d), 0);
    ck_assert_uint_eq(d.list.n, 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out),
        "(usb 1)(parallel none)(serial pty)(vnc 1)(vncunused 1)"
        "(rtc_timeoffset 0)(localtime 0)))"));
    xc_buf_free(&out);
    ck_assert_int_eq(to_sxpr(pv, &out, &d), 0);
    ck_assert_uint_eq(d.list.n, 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out),
        "(device (vkbd))(device (vfb (type vnc)(vncunused 0)(vncdisplay 2))))\n"));
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

/* ---- refusals -------------------------------------------------------------- */

/* devices: XML for <devices>; the first error's check, line and column. */
static void refused(const char *os, const char *devices, const char *check,
                    unsigned line, unsigned col)
{
    struct xc_buf xml = {0}, out = {0};
    struct xc_diags d = {0};
    const struct xc_diag *g;

    xc_buf_addf(&xml,
        "<domain type='xen'>\n"
        "  <name>r</name>\n"
        "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
        "  <memory>524288</memory>\n"
        "  <os>%s</os>\n"
        "  <devices>\n"
        "%s"
        "  </devices>\n"
        "</domain>\n", os, devices);
    ck_assert_int_eq(to_sxpr(xc_buf_str(&xml), &out, &d), -1);
    ck_assert_uint_eq(out.len, 0);
    g = find_check(&d, check);
    ck_assert_msg(g != NULL, "no [%s] for %s", check, devices);
    ck_assert_msg(g->sev == XC_SEV_ERROR, "not an error: %s", g->msg);
    assert_pos(g, line, col);
    xc_buf_free(&xml);
    xc_buf_free(&out);
    xc_diags_free(&d);
}

#define HVM_OS "<type arch='x86_64'>hvm</type><loader>/l</loader>"
#define PV_OS "<type arch='x86_64'>linux</type><kernel>/k</kernel>"

START_TEST(refusals_with_positions)
{
    /* a colon in a target would make "hda:cdrom" a cdrom */
    refused(PV_OS, "    <disk type='file'><source file='/a'/>"
                   "<target dev='hda:cdrom'/><address type='drive' "
                   "controller='0' bus='0' target='0' unit='0'/></disk>\n",
            "unsafe-value", 7, 55);
    /* ... and in a driver name, another uname */
    refused(PV_OS, "    <disk type='file'><driver name='file:x'/>"
                   "<source file='/a'/><target dev='xvda'/></disk>\n",
            "unsafe-value", 7, 37);
    /* a part that would end early when read back: a unix path at the
     * options' ',', a host at its ':' */
    refused(HVM_OS, "    <serial type='unix'><source mode='bind' "
                    "path='/a,server'/></serial>\n", "unsafe-value", 7, 51);
    refused(HVM_OS, "    <serial type='udp'><source mode='connect' host='h:x' "
                    "service='1'/></serial>\n", "unsafe-value", 7, 53);
    /* what libvirt's formatter refused */
    refused(PV_OS, "    <hostdev mode='subsystem' type='pci' managed='yes'>"
                   "<source><address domain='0' bus='1' slot='2' "
                   "function='3'/></source></hostdev>\n",
            "unsupported", 7, 5);
    refused(PV_OS, "    <interface type='network'><source network='default'/>"
                   "</interface>\n", "unsupported", 7, 5);
    refused(PV_OS, "    <interface type='bridge'><source bridge='br0'/>"
                   "<ip address='192.0.2.1'/><ip address='192.0.2.2'/>"
                   "</interface>\n", "unsupported", 7, 90);
    refused(PV_OS, "    <graphics type='spice'/>\n", "unsupported", 7, 5);
    refused("<type arch='x86_64'>hvm</type>", "", "unsupported", 5, 27);
    refused(PV_OS, "    <disk type='file' device='disk'><source file='/a'/>"
                   "<target dev='xvda'/><transient/></disk>\n",
            "unsupported", 7, 5);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("sxpr_write");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, atom_exact_forms);
    tcase_add_test(tc, atom_every_byte);
    tcase_add_test(tc, model_every_byte);
    tcase_add_test(tc, model_name_injection);
    tcase_add_test(tc, hostile_values);
    tcase_add_test(tc, devices_hvm);
    tcase_add_test(tc, devices_pv);
    tcase_add_test(tc, bootloader_forms);
    tcase_add_test(tc, serial_forms);
    tcase_add_test(tc, losses_with_positions);
    tcase_add_test(tc, implicit_devices_no_loss);
    tcase_add_test(tc, refusals_with_positions);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
