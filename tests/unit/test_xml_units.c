/* Unit tests for the domain XML reader: scaled units, integer parsing,
 * MAC and uuid parsing, cpusets, disk name indexes, and the reader's
 * diagnostics (positions, syntax errors, unmodeled warnings), parse-time
 * defaults and orderings, and a large input. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "common/source.h"
#include "formats/xml/xml.h"
#include "formats/xml/xml_read_priv.h"
#include "formats/xml/xml_units.h"

/* ---- units ---------------------------------------------------------------- */

static uint64_t kib(const char *num, const char *unit, int *rc)
{
    uint64_t v = 0;
    *rc = xc_parse_memory_kib(num, unit, &v);
    return v;
}

START_TEST(memory_units)
{
    int rc;
    ck_assert_uint_eq(kib("1024", NULL, &rc), 1024); ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(kib("1024", "KiB", &rc), 1024);
    ck_assert_uint_eq(kib("1024", "k", &rc), 1024);
    ck_assert_uint_eq(kib("1024", "K", &rc), 1024);
    ck_assert_uint_eq(kib("1000", "KB", &rc), 977);        /* 1,000,000 B rounded up */
    ck_assert_uint_eq(kib("1", "b", &rc), 1);              /* bytes round up */
    ck_assert_uint_eq(kib("1", "bytes", &rc), 1);
    ck_assert_uint_eq(kib("0", "bytes", &rc), 0);
    ck_assert_uint_eq(kib("1025", "byte", &rc), 2);
    ck_assert_uint_eq(kib("2048", "b", &rc), 2);
    ck_assert_uint_eq(kib("1", "M", &rc), 1024);
    ck_assert_uint_eq(kib("1", "MiB", &rc), 1024);
    ck_assert_uint_eq(kib("1", "MB", &rc), 977);
    ck_assert_uint_eq(kib("1", "mb", &rc), 977);
    ck_assert_uint_eq(kib("1", "G", &rc), 1048576);
    ck_assert_uint_eq(kib("1", "GiB", &rc), 1048576);
    ck_assert_uint_eq(kib("1", "GB", &rc), 976563);
    ck_assert_uint_eq(kib("1", "T", &rc), 1073741824ULL);
    ck_assert_uint_eq(kib("1", "TB", &rc), 976562500ULL);
    ck_assert_uint_eq(kib("1", "P", &rc), 1099511627776ULL);
    ck_assert_uint_eq(kib("1", "PiB", &rc), 1099511627776ULL);
    ck_assert_uint_eq(kib("1", "PB", &rc), 976562500000ULL);
    ck_assert_uint_eq(kib("1", "E", &rc), 1125899906842624ULL);
    ck_assert_uint_eq(kib("1", "EB", &rc), 976562500000000ULL);
    ck_assert_uint_eq(kib("7", "EiB", &rc), 7 * 1125899906842624ULL);
    ck_assert_int_eq(rc, 0);
    /* overflow: above LLONG_MAX bytes */
    kib("8", "EiB", &rc); ck_assert_int_eq(rc, -3);
    kib("18446744073709551615", "KiB", &rc); ck_assert_int_eq(rc, -3);
    kib("99999999999999999999", NULL, &rc); ck_assert_int_eq(rc, -1);
    /* bad numbers and units */
    kib("-1", NULL, &rc); ck_assert_int_eq(rc, -1);
    kib("12x", NULL, &rc); ck_assert_int_eq(rc, -1);
    kib("", NULL, &rc); ck_assert_int_eq(rc, -1);
    kib("1", "Q", &rc); ck_assert_int_eq(rc, -2);
    kib("1", "KiBs", &rc); ck_assert_int_eq(rc, -2);
    kib("1", "kx", &rc); ck_assert_int_eq(rc, -2);

    unsigned long long v = 5;
    ck_assert_int_eq(xc_scale_integer(&v, "", 1024, ULLONG_MAX), 0);
    ck_assert_uint_eq(v, 5120);
    v = 5;
    ck_assert_int_eq(xc_scale_integer(&v, "", 0, ULLONG_MAX), -1);
}
END_TEST

START_TEST(integers)
{
    unsigned u;
    int i;
    unsigned long long ull;
    ck_assert_int_eq(xc_parse_uint("0x1f", 0, &u), 0); ck_assert_uint_eq(u, 31);
    ck_assert_int_eq(xc_parse_uint("010", 0, &u), 0); ck_assert_uint_eq(u, 8);
    ck_assert_int_eq(xc_parse_uint("10", 10, &u), 0); ck_assert_uint_eq(u, 10);
    ck_assert_int_eq(xc_parse_uint("-1", 10, &u), -1);
    ck_assert_int_eq(xc_parse_uint("4294967296", 10, &u), -1);
    ck_assert_int_eq(xc_parse_uint("1 ", 10, &u), -1);
    ck_assert_int_eq(xc_parse_uint("", 10, &u), -1);
    ck_assert_int_eq(xc_parse_int("-1", 10, &i), 0); ck_assert_int_eq(i, -1);
    ck_assert_int_eq(xc_parse_int("2147483648", 10, &i), -1);
    ck_assert_int_eq(xc_parse_ull("18446744073709551615", 10, &ull), 0);
    ck_assert_int_eq(xc_parse_ull("18446744073709551616", 10, &ull), -1);
}
END_TEST

START_TEST(mac_addresses)
{
    unsigned char m[6];
    char s[18];
    ck_assert_int_eq(xc_mac_parse("AA:00:86:E2:35:72", m), 0);
    xc_mac_format(m, s);
    ck_assert_str_eq(s, "aa:00:86:e2:35:72");
    ck_assert_int_eq(xc_mac_parse("0:1:2:a:b:c", m), 0);
    xc_mac_format(m, s);
    ck_assert_str_eq(s, "00:01:02:0a:0b:0c");
    ck_assert_int_eq(xc_mac_parse("00:11:22:33:44:55 ", m), 0);
    ck_assert_int_eq(xc_mac_parse("00:11:22:33:44", m), -1);
    ck_assert_int_eq(xc_mac_parse("00:11:22:33:44:55:66", m), -1);
    ck_assert_int_eq(xc_mac_parse("00:11:22:33:44:555", m), -1);
    ck_assert_int_eq(xc_mac_parse("00-11-22-33-44-55", m), -1);
    ck_assert_int_eq(xc_mac_parse("g0:11:22:33:44:55", m), -1);
    ck_assert_int_eq(xc_mac_parse(" 0:11:22:33:44:55", m), -1);
    ck_assert_int_eq(xc_mac_parse("", m), -1);
}
END_TEST

START_TEST(uuids_and_cpusets)
{
    unsigned char u[16];
    ck_assert_int_eq(xc_uuid_parse("4f77abd2301958e83bab6fbf2118f880", u), 0);
    ck_assert_int_eq(xc_uuid_parse("4f77abd2-3019-58e8-3bab-6fbf2118f880", u), 0);
    ck_assert_int_eq(xc_uuid_parse("4f77abd2-3019-58e8-3bab-6fbf2118f88", u), -1);
    ck_assert(xc_cpuset_valid("0-3,^2,8", 4096, true));
    ck_assert(xc_cpuset_valid("1, 3", 4096, true));
    ck_assert(!xc_cpuset_valid("3-1", 4096, true));
    ck_assert(!xc_cpuset_valid("4096", 4096, true));
    ck_assert(!xc_cpuset_valid("^0", 4096, true));
    ck_assert(xc_cpuset_valid("^0", 4096, false));
    ck_assert(!xc_cpuset_valid("a", 4096, false));
    ck_assert(!xc_cpuset_valid("", 4096, false));
    ck_assert_int_eq(xr_disk_name_index("sda"), 0);
    ck_assert_int_eq(xr_disk_name_index("hdz"), 25);
    ck_assert_int_eq(xr_disk_name_index("vdaa"), 26);
    ck_assert_int_eq(xr_disk_name_index("xvdb3"), 1);
    ck_assert_int_eq(xr_disk_name_index("ioemu:hda"), -1);
    ck_assert_int_eq(xr_disk_name_index("hd1"), -1);
    ck_assert_int_eq(xr_disk_name_index("sdzzzzzzzzzzzzzz"), INT_MAX);
}
END_TEST

/* ---- the reader --------------------------------------------------------------- */

struct rd {
    struct xc_domain dom;
    struct xc_diags d;
    int rc;
};

static void rd_read(struct rd *r, const char *xml)
{
    struct xc_source src;
    struct xc_settings set;
    memset(r, 0, sizeof(*r));
    xc_settings_init(&set);
    xc_source_from_mem(&src, "t.xml", xml, strlen(xml));
    r->d.file = "t.xml";
    xc_domain_init(&r->dom);
    r->rc = xc_xml_read(&src, &set, &r->dom, &r->d);
    xc_source_free(&src);
    xc_settings_free(&set);
}

static void rd_free(struct rd *r)
{
    xc_domain_free(&r->dom);
    xc_diags_free(&r->d);
}

/* Index of the first diagnostic with check, or -1. */
static int find_diag(const struct rd *r, const char *check)
{
    for (size_t i = 0; i < r->d.list.n; i++)
        if (r->d.list.v[i].check && strcmp(r->d.list.v[i].check, check) == 0)
            return (int)i;
    return -1;
}

#define HEAD "<domain type='xen'>\n  <name>t</name>\n  <os><type>hvm</type></os>\n"

START_TEST(reader_basic)
{
    struct rd r;
    rd_read(&r,
        "<domain type='xen'>\n"
        "  <name>g</name>\n"
        "  <uuid>4f77abd2-3019-58e8-3bab-6fbf2118f880</uuid>\n"
        "  <memory unit='MiB'>512</memory>\n"
        "  <currentMemory unit='b'>1</currentMemory>\n"
        "  <vcpu placement='static' current='2'>4</vcpu>\n"
        "  <os><type arch='x86_64' machine='xenfv'>hvm</type>\n"
        "    <loader readonly='yes' type='rom'>/l</loader><boot dev='cdrom'/><boot dev='hd'/></os>\n"
        "  <features><acpi/><hap state='off'/><xen><passthrough state='on' mode='share_pt'/></xen></features>\n"
        "  <clock offset='utc' adjustment='3600'/>\n"
        "  <devices>\n"
        "    <interface type='bridge'><mac address='00:16:3E:AA:BB:CC'/><source bridge='br0'/>"
        "<ip address='10.0.0.1'/><vlan><tag id='42'/><tag id='43'/></vlan></interface>\n"
        "    <console type='pty'/><console type='pty'/>\n"
        "    <parallel type='null'><target port='3'/></parallel><parallel type='null'/>\n"
        "  </devices>\n"
        "</domain>\n");
    ck_assert_int_eq(r.rc, 0);
    ck_assert_str_eq(r.dom.name.s, "g");
    ck_assert_uint_eq(r.dom.name.pos.line, 2);
    ck_assert_uint_eq(r.dom.name.pos.col, 9);   /* the text, not the tag */
    ck_assert_uint_eq(r.dom.memory_kib, 524288);
    ck_assert_uint_eq(r.dom.current_memory_kib, 1);
    ck_assert_uint_eq(r.dom.maxvcpus, 4);
    ck_assert_uint_eq(r.dom.current_vcpus, 2);
    ck_assert_int_eq(r.dom.os.type, XC_OS_HVM);
    ck_assert_uint_eq(r.dom.os.nboot, 2);
    ck_assert_int_eq(r.dom.os.loader_type, XC_LOADER_ROM);
    ck_assert_int_eq(r.dom.features.f[XC_FEAT_ACPI], XC_TRI_YES);
    ck_assert_int_eq(r.dom.features.f[XC_FEAT_HAP], XC_TRI_NO);
    ck_assert_int_eq(r.dom.features.xen_passthrough_mode, XC_PT_SHARE_PT);
    ck_assert_int_eq(r.dom.clock.offset, XC_CLOCK_VARIABLE);
    ck_assert_int_eq(r.dom.clock.basis, XC_BASIS_UTC);
    ck_assert_int_eq(r.dom.clock.adjustment, 3600);
    ck_assert_int_eq(r.dom.on_reboot, XC_LC_RESTART);
    ck_assert_int_eq(r.dom.on_crash, XC_LC_DESTROY);
    ck_assert_str_eq(r.dom.nets.v[0].mac.s, "00:16:3e:aa:bb:cc");
    ck_assert_str_eq(r.dom.nets.v[0].ips.v[0].family.s, "ipv4");
    ck_assert(r.dom.nets.v[0].vlan_trunk);
    ck_assert_uint_eq(r.dom.consoles.v[1].target_port, 1);
    ck_assert_uint_eq(r.dom.parallels.v[1].target_port, 4);
    ck_assert_int_eq(find_diag(&r, "unmodeled"), -1);
    rd_free(&r);
}
END_TEST

START_TEST(reader_syntax_error_position)
{
    struct rd r;
    rd_read(&r, "<domain type='xen'>\n  <name>x</nam>\n</domain>\n");
    ck_assert_int_eq(r.rc, -1);
    int i = find_diag(&r, "syntax");
    ck_assert_int_ge(i, 0);
    ck_assert_uint_eq(r.d.list.v[i].pos.line, 2);
    ck_assert_uint_eq(r.d.list.v[i].pos.col, 12);
    rd_free(&r);

    rd_read(&r, "");
    ck_assert_int_eq(r.rc, -1);
    ck_assert_int_ge(find_diag(&r, "syntax"), 0);
    rd_free(&r);
}
END_TEST

START_TEST(reader_invalid_values)
{
    static const struct { const char *xml; unsigned line, col; } cases[] = {
        {HEAD "  <memory unit='QiB'>1</memory>\n</domain>", 4, 17},
        {HEAD "  <memory>abc</memory>\n</domain>", 4, 11},
        {HEAD "  <memory unit='EiB'>9</memory>\n</domain>", 4, 22},
        {HEAD "  <uuid>zz</uuid>\n</domain>", 4, 9},
        {HEAD "  <devices>\n    <interface type='bridge'><mac address='01:00:00:00:00:00'/><source bridge='b'/></interface>\n  </devices>\n</domain>", 5, 44},
        {HEAD "  <devices>\n    <interface type='bridge'><mac address='zz'/><source bridge='b'/></interface>\n  </devices>\n</domain>", 5, 44},
        {HEAD "  <devices>\n    <interface type='bridge'/>\n  </devices>\n</domain>", 5, 5},
        {HEAD "  <devices>\n    <disk type='file'><source file='/x'/></disk>\n  </devices>\n</domain>", 5, 5},
        {HEAD "  <devices>\n    <disk type='floppy-ish'/>\n  </devices>\n</domain>", 5, 17},
        {HEAD "  <vcpu>x</vcpu>\n</domain>", 4, 9},
        {HEAD "  <on_crash>explode</on_crash>\n</domain>", 4, 13},
        {HEAD "  <features><bogus/></features>\n</domain>", 4, 13},
        {HEAD "  <devices><channel type='pty'/></devices>\n</domain>", 4, 12},
        {"<domain type='xen'><name>t</name></domain>", 1, 1},
        {"<domain><name>t</name><os><type>hvm</type></os></domain>", 1, 1},
        {"<domain type='xen'><os><type>hvm</type></os></domain>", 1, 1},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        struct rd r;
        rd_read(&r, cases[k].xml);
        ck_assert_msg(r.rc == -1, "case %zu accepted", k);
        int i = find_diag(&r, "invalid");
        ck_assert_msg(i >= 0, "case %zu: no error", k);
        ck_assert_msg(r.d.list.v[i].pos.line == cases[k].line &&
                      r.d.list.v[i].pos.col == cases[k].col,
                      "case %zu: at %u:%u, expected %u:%u (%s)", k,
                      r.d.list.v[i].pos.line, r.d.list.v[i].pos.col,
                      cases[k].line, cases[k].col, r.d.list.v[i].msg);
        rd_free(&r);
    }
}
END_TEST

START_TEST(reader_unmodeled_warns)
{
    struct rd r;
    rd_read(&r, HEAD "  <devices>\n    <watchdog model='i6300esb'/>\n"
                "    <disk type='file' snapshot='no'><source file='/a'/><target dev='xvda'/></disk>\n"
                "  </devices>\n  <metadata><x:y xmlns:x='urn:x'/></metadata>\n</domain>");
    ck_assert_int_eq(r.rc, 0);
    size_t warns = 0;
    for (size_t i = 0; i < r.d.list.n; i++)
        if (r.d.list.v[i].sev == XC_SEV_WARNING)
            warns++;
    ck_assert_uint_eq(warns, 3);
    ck_assert_uint_eq(r.dom.leftovers.n, 3);
    ck_assert_str_eq(r.dom.leftovers.v[0].key.s, "/domain/devices/watchdog");
    ck_assert_uint_eq(r.dom.leftovers.v[0].key.pos.line, 5);
    ck_assert_uint_eq(r.dom.leftovers.v[0].key.pos.col, 5);
    ck_assert_str_eq(r.dom.leftovers.v[1].key.s, "/domain/devices/disk/@snapshot");
    ck_assert_uint_eq(r.dom.leftovers.v[1].key.pos.line, 6);
    ck_assert_uint_eq(r.dom.leftovers.v[1].key.pos.col, 23);
    ck_assert_str_eq(r.dom.leftovers.v[2].key.s, "/domain/metadata");
    rd_free(&r);
}
END_TEST

START_TEST(reader_entities_refused)
{
    struct rd r;
    rd_read(&r, "<!DOCTYPE domain [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;'>]>\n"
                "<domain type='xen'><name>&b;</name><os><type>hvm</type></os></domain>");
    ck_assert_int_eq(r.rc, -1);
    ck_assert_int_ge(find_diag(&r, "syntax"), 0);
    rd_free(&r);
    rd_read(&r, "<!DOCTYPE domain SYSTEM 'file:///etc/passwd'>\n"
                "<domain type='xen'><name>x</name><os><type>hvm</type></os></domain>");
    ck_assert_int_eq(r.rc, 0);
    rd_free(&r);
}
END_TEST

START_TEST(reader_orders_like_libvirt)
{
    struct rd r;
    rd_read(&r, HEAD "  <devices>\n"
        "    <disk type='file'><source file='/c'/><target dev='hdc' bus='ide'/></disk>\n"
        "    <disk type='file'><source file='/x'/><target dev='xvda' bus='xen'/></disk>\n"
        "    <disk type='file'><source file='/a'/><target dev='hda' bus='ide'/></disk>\n"
        "    <disk type='file'><source file='/d'/><target dev='hdd' bus='ide'/></disk>\n"
        "    <disk type='file'><source file='/b'/><target dev='hdb' bus='ide'/></disk>\n"
        "    <video><model type='cirrus'/></video><video><model type='xen' primary='yes'/></video>\n"
        "    <controller type='usb' index='1'/><controller type='usb' index='0'/>\n"
        "    <input type='mouse'/><input type='tablet'/>\n"
        "  </devices>\n</domain>");
    ck_assert_int_eq(r.rc, 0);
    const char *want[] = {"hda", "hdb", "hdc", "hdd", "xvda"};
    for (size_t i = 0; i < 5; i++)
        ck_assert_str_eq(r.dom.disks.v[i].target.s, want[i]);
    ck_assert_str_eq(r.dom.videos.v[0].model.s, "xen");
    ck_assert_uint_eq(r.dom.controllers.v[0].index, 0);
    ck_assert_int_eq(r.dom.inputs.v[0].bus, XC_INPUT_BUS_PS2);
    ck_assert_int_eq(r.dom.inputs.v[1].bus, XC_INPUT_BUS_USB);
    rd_free(&r);
}
END_TEST

START_TEST(reader_large_input)
{
    struct xc_buf b = {0};
    xc_buf_add(&b, HEAD "  <devices>\n");
    const size_t n = 100000;
    for (size_t i = n; i-- > 0;) {
        /* reverse order: the worst case for libvirt's insertion */
        char name[32];
        size_t k = i;
        int len = 0;
        char tmp[16];
        do { tmp[len++] = (char)('a' + k % 26); k /= 26; } while (k);
        int p = 0;
        name[p++] = 'x'; name[p++] = 'v'; name[p++] = 'd';
        while (len)
            name[p++] = tmp[--len];
        name[p] = 0;
        xc_buf_addf(&b, "    <disk type='file' device='disk'><driver name='qemu' type='raw'/>"
                        "<source file='/img/%zu'/><target dev='%s' bus='xen'/></disk>\n", i, name);
    }
    xc_buf_add(&b, "  </devices>\n</domain>\n");
    struct rd r;
    rd_read(&r, xc_buf_str(&b));
    ck_assert_int_eq(r.rc, 0);
    ck_assert_uint_eq(r.dom.disks.n, n);
    for (size_t i = 1; i < n; i++)
        ck_assert(xr_disk_name_index(r.dom.disks.v[i - 1].target.s) <=
                  xr_disk_name_index(r.dom.disks.v[i].target.s));
    rd_free(&r);
    xc_buf_free(&b);
}
END_TEST

static Suite *xml_units_suite(void)
{
    Suite *s = suite_create("xml_units");
    TCase *t = tcase_create("values");
    tcase_add_test(t, memory_units);
    tcase_add_test(t, integers);
    tcase_add_test(t, mac_addresses);
    tcase_add_test(t, uuids_and_cpusets);
    suite_add_tcase(s, t);
    t = tcase_create("reader");
    tcase_set_timeout(t, 60);
    tcase_add_test(t, reader_basic);
    tcase_add_test(t, reader_syntax_error_position);
    tcase_add_test(t, reader_invalid_values);
    tcase_add_test(t, reader_unmodeled_warns);
    tcase_add_test(t, reader_entities_refused);
    tcase_add_test(t, reader_orders_like_libvirt);
    tcase_add_test(t, reader_large_input);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(xml_units_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
