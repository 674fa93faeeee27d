/* Unit tests for the xl reader's spec parsers (formats/xl/xl_read*.c):
 * disk, vif, pci and character device specs, and diagnostic positions. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "common/source.h"
#include "formats/xl/xl.h"
#include "formats/xl/xl_read.h"

static const struct xc_pos P = {3, 7};

static bool has_check(const struct xc_diags *d, const char *check)
{
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].check && strcmp(d->list.v[i].check, check) == 0)
            return true;
    return false;
}

/* ---- disks ------------------------------------------------------------- */

struct disk_case {
    struct xc_diags d;
    struct xc_xl_disk_parser *p;
    struct xc_disk k;
};

static int parse_disk(struct disk_case *c, const char *spec, bool hvm)
{
    memset(c, 0, sizeof(*c));
    c->p = xc_xl_disk_parser_new();
    ck_assert_ptr_nonnull(c->p);
    return xc_xl_parse_disk(c->p, spec, P, hvm, &c->k, &c->d);
}

static void disk_done(struct disk_case *c)
{
    xc_disk_clear(&c->k);
    xc_xl_disk_parser_free(c->p);
    xc_diags_free(&c->d);
}

START_TEST(disk_positional_full)
{
    struct disk_case c;
    ck_assert_int_eq(parse_disk(&c, "/dev/vg/guest,raw,hda,rw,backendtype=phy", true), 0);
    ck_assert_int_eq(c.k.type, XC_DISK_BLOCK);
    ck_assert_int_eq(c.k.device, XC_DISK_DEV_DISK);
    ck_assert_str_eq(c.k.driver_name.s, "phy");
    ck_assert_str_eq(c.k.driver_type.s, "raw");
    ck_assert_str_eq(c.k.source.s, "/dev/vg/guest");
    ck_assert_str_eq(c.k.target.s, "hda");
    ck_assert_int_eq(c.k.bus, XC_BUS_IDE);
    ck_assert(!c.k.readonly);
    ck_assert_uint_eq(c.k.pos.line, 3);
    ck_assert_uint_eq(c.d.list.n, 0);
    disk_done(&c);
}
END_TEST

START_TEST(disk_keyvalue_and_bus)
{
    struct disk_case c;
    ck_assert_int_eq(parse_disk(&c, "format=qcow2,vdev=xvda,access=ro,backendtype=qdisk,target=/img/a.qcow2", true), 0);
    ck_assert_int_eq(c.k.type, XC_DISK_FILE);
    ck_assert_str_eq(c.k.driver_name.s, "qemu");
    ck_assert_str_eq(c.k.driver_type.s, "qcow2");
    ck_assert_str_eq(c.k.source.s, "/img/a.qcow2");
    ck_assert_int_eq(c.k.bus, XC_BUS_XEN);
    ck_assert(c.k.readonly);
    disk_done(&c);

    ck_assert_int_eq(parse_disk(&c, "/img/b,raw,sdb,w", true), 0);
    ck_assert_int_eq(c.k.bus, XC_BUS_SCSI);
    disk_done(&c);

    /* PV: every disk is on the xen bus */
    ck_assert_int_eq(parse_disk(&c, "/img/b,raw,hdb,w", false), 0);
    ck_assert_int_eq(c.k.bus, XC_BUS_XEN);
    disk_done(&c);
}
END_TEST

START_TEST(disk_backends_and_formats)
{
    static const struct {
        const char *spec, *driver, *type;
        enum xc_disk_type dtype;
    } cases[] = {
        {"/a,raw,xvda,w", "qemu", "raw", XC_DISK_FILE},
        {"/a,,xvda,w", "qemu", "raw", XC_DISK_FILE},
        {"/a,qcow,xvda,w,backendtype=tap", "tap", "qcow", XC_DISK_FILE},
        {"/a,vhd,xvda,w,backendtype=tap", "tap", "vhd", XC_DISK_FILE},
        {"/a,qed,xvda,w,backendtype=qdisk", "qemu", "qed", XC_DISK_FILE},
        {"/a,qcow2,xvda,w,backendtype=phy", "phy", "qcow2", XC_DISK_BLOCK},
        {"/a,empty,xvda,w", "qemu", NULL, XC_DISK_FILE},
    };
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct disk_case c;
        ck_assert_int_eq(parse_disk(&c, cases[i].spec, true), 0);
        ck_assert_str_eq(c.k.driver_name.s, cases[i].driver);
        if (cases[i].type)
            ck_assert_str_eq(c.k.driver_type.s, cases[i].type);
        else
            ck_assert_ptr_null(c.k.driver_type.s);
        ck_assert_int_eq(c.k.type, cases[i].dtype);
        disk_done(&c);
    }
}
END_TEST

START_TEST(disk_cdrom_empty)
{
    struct disk_case c;
    ck_assert_int_eq(parse_disk(&c, "format=raw,vdev=hdd,access=ro,devtype=cdrom", true), 0);
    ck_assert_int_eq(c.k.device, XC_DISK_DEV_CDROM);
    ck_assert_int_eq(c.k.type, XC_DISK_FILE);
    ck_assert_str_eq(c.k.driver_name.s, "qemu");
    ck_assert_ptr_null(c.k.driver_type.s);
    ck_assert_ptr_null(c.k.source.s);
    ck_assert(c.k.readonly);
    ck_assert_int_eq(c.k.removable, XC_TRI_YES);
    disk_done(&c);

    ck_assert_int_eq(parse_disk(&c, ",,hdc,r,devtype=cdrom", true), 0);
    ck_assert_str_eq(c.k.source.s, "");
    ck_assert_ptr_null(c.k.driver_type.s);
    disk_done(&c);

    ck_assert_int_eq(parse_disk(&c, "/root/boot.iso,,hdc,,devtype=cdrom", true), 0);
    ck_assert_str_eq(c.k.source.s, "/root/boot.iso");
    ck_assert_str_eq(c.k.driver_type.s, "raw");
    disk_done(&c);
}
END_TEST

START_TEST(disk_rbd)
{
    struct disk_case c;
    ck_assert_int_eq(parse_disk(&c, "format=raw,vdev=hdb,access=rw,backendtype=qdisk,"
                                "target=rbd:pool/image@snap:id=admin:conf=/etc/ceph.conf:"
                                "auth_supported=none:mon_host=mon1.example.org\\\\:6321\\\\;"
                                "mon2.example.org\\\\:6322\\\\;[\\\\:\\\\:1]\\\\:0", true), 0);
    ck_assert_int_eq(c.k.type, XC_DISK_NETWORK);
    ck_assert_str_eq(c.k.rare->protocol.s, "rbd");
    ck_assert_str_eq(c.k.rare->source_name.s, "pool/image");
    ck_assert_str_eq(c.k.rare->snapshot.s, "snap");
    ck_assert_str_eq(c.k.rare->config_file.s, "/etc/ceph.conf");
    ck_assert_str_eq(c.k.rare->auth_user.s, "admin");
    ck_assert_str_eq(c.k.rare->secret_type.s, "ceph");
    ck_assert_uint_eq(c.k.rare->hosts.n, 3);
    ck_assert_str_eq(c.k.rare->hosts.v[0].name.s, "mon1.example.org");
    ck_assert_str_eq(c.k.rare->hosts.v[0].port.s, "6321");
    ck_assert_str_eq(c.k.rare->hosts.v[1].name.s, "mon2.example.org");
    ck_assert_str_eq(c.k.rare->hosts.v[1].port.s, "6322");
    ck_assert_str_eq(c.k.rare->hosts.v[2].name.s, "::1");
    ck_assert_ptr_null(c.k.rare->hosts.v[2].port.s);   /* port 0: none */
    ck_assert(has_check(&c.d, "unused-option")); /* auth_supported */
    disk_done(&c);

    struct xc_diags d = {0};
    struct xc_disk k = {0};
    ck_assert_int_eq(xc_xl_parse_rbd("rbd:p/i:mon_host=h\\:99999", P, &k, &d), -1);
    ck_assert(has_check(&d, "bad-rbd"));
    xc_disk_clear(&k);
    xc_diags_clear(&d);
    ck_assert_int_eq(xc_xl_parse_rbd("rbd:p/i:id=a:id=b", P, &k, &d), -1);
    xc_disk_clear(&k);
    xc_diags_free(&d);
}
END_TEST

START_TEST(disk_errors)
{
    struct disk_case c;
    ck_assert_int_eq(parse_disk(&c, "/a,foo,hda", true), -1);
    ck_assert_uint_eq(c.d.nerrors, 1);
    ck_assert_str_eq(c.d.list.v[0].check, "bad-disk");
    /* at the token xlu names ("foo", 3 bytes into the spec) */
    ck_assert_uint_eq(c.d.list.v[0].pos.line, 3);
    ck_assert_uint_eq(c.d.list.v[0].pos.col, 10);
    ck_assert_ptr_nonnull(strstr(c.d.list.v[0].msg, "unknown value for format"));
    ck_assert_ptr_null(strstr(c.d.list.v[0].msg, "disk specification:"));
    disk_done(&c);

    ck_assert_int_eq(parse_disk(&c, "/a,raw,hda,w,backendtype=bogus", true), -1);
    ck_assert_ptr_nonnull(strstr(c.d.list.v[0].msg, "backendtype"));
    disk_done(&c);

    ck_assert_int_eq(parse_disk(&c, "/a,raw,xvda,w,backendtype=standalone", true), -1);
    ck_assert_ptr_nonnull(strstr(c.d.list.v[0].msg, "standalone"));
    disk_done(&c);

    ck_assert_int_eq(parse_disk(&c, "x", true), -1);
    ck_assert_ptr_nonnull(strstr(c.d.list.v[0].msg, "no vdev"));
    disk_done(&c);

    /* one parser, many specs: each error is reported once, with its own text */
    struct xc_diags d = {0};
    struct xc_xl_disk_parser *p = xc_xl_disk_parser_new();
    struct xc_disk k;
    ck_assert_int_eq(xc_xl_parse_disk(p, "/a,foo,hda", P, true, &k, &d), -1);
    ck_assert_int_eq(xc_xl_parse_disk(p, "/a,raw,hda", P, true, &k, &d), 0);
    xc_disk_clear(&k);
    ck_assert_int_eq(xc_xl_parse_disk(p, "y", P, true, &k, &d), -1);
    ck_assert_uint_eq(d.list.n, 2);
    ck_assert_ptr_null(strstr(d.list.v[1].msg, "format"));
    xc_xl_disk_parser_free(p);
    xc_diags_free(&d);
}
END_TEST

/* ---- vifs ---------------------------------------------------------------- */

START_TEST(vif_rates)
{
    static const struct {
        const char *rate;
        uint64_t kbps;
    } ok[] = {
        {"10240KB/s", 10240}, {"1MB/s", 1024}, {"8Mb/s", 1024},
        {"1GB/s", 1048576}, {"100B/s", 100}, {"80b/s", 10},
        {"5MB/s@20ms", 5120}, {"16Kb/s", 2},
    };
    for (size_t i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
        uint64_t v = 0;
        ck_assert_int_eq(xc_xen_parse_vif_rate(ok[i].rate, &v), 0);
        ck_assert_uint_eq(v, ok[i].kbps);
    }
    static const char *const bad[] = {
        "10MB", "MB/s", "10TB/s", "10 MB/s", "10MB/sx", "-1MB/s",
        "99999999999999999999KB/s", "18014398509481984GB/s", ""};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        uint64_t v;
        ck_assert_int_eq(xc_xen_parse_vif_rate(bad[i], &v), -1);
    }
}
END_TEST

START_TEST(vif_full)
{
    struct xc_diags d = {0};
    struct xc_net n;
    ck_assert_int_eq(xc_xen_parse_vif("mac=00:16:3E:66:92:9C,bridge=xenbr1,"
                                     "ip=10.0.0.1 10.1.1.1 2000::0:1,script=vif-bridge,"
                                     "type=vif,vifname=v1,rate=10MB/s", P, "vif", &n, &d), 0);
    ck_assert_int_eq(n.type, XC_NET_BRIDGE);
    ck_assert_str_eq(n.mac.s, "00:16:3e:66:92:9c");
    ck_assert_str_eq(n.bridge.s, "xenbr1");
    ck_assert_str_eq(n.script.s, "vif-bridge");
    ck_assert_str_eq(n.model.s, "netfront");
    ck_assert_str_eq(n.ifname.s, "v1");
    ck_assert_uint_eq(n.ips.n, 3);
    ck_assert_str_eq(n.ips.v[0].address.s, "10.0.0.1");
    ck_assert_str_eq(n.ips.v[0].family.s, "ipv4");
    ck_assert_str_eq(n.ips.v[2].address.s, "2000::1");
    ck_assert_str_eq(n.ips.v[2].family.s, "ipv6");
    ck_assert(n.has_out_average);
    ck_assert_uint_eq(n.out_average, 10240);
    ck_assert_uint_eq(d.list.n, 0);
    xc_net_clear(&n);

    /* ethernet unless a bridge or bridge script; model names canonical */
    ck_assert_int_eq(xc_xen_parse_vif("script=vif-route,model=E1000,type=ioemu", P, "vif", &n, &d), 0);
    ck_assert_int_eq(n.type, XC_NET_ETHERNET);
    ck_assert_str_eq(n.model.s, "e1000");
    xc_net_clear(&n);
    ck_assert_int_eq(xc_xen_parse_vif("script=vif-vnic", P, "vif", &n, &d), 0);
    ck_assert_int_eq(n.type, XC_NET_BRIDGE);
    ck_assert_ptr_null(n.bridge.s);
    ck_assert_ptr_null(n.model.s);
    xc_net_clear(&n);
    ck_assert_int_eq(xc_xen_parse_vif("model=fakemodel,type=vif", P, "vif", &n, &d), 0);
    ck_assert_str_eq(n.model.s, "fakemodel");
    xc_net_clear(&n);
    ck_assert_int_eq(xc_xen_parse_vif("bridge=br0,backend=dom1", P, "vif", &n, &d), 0);
    ck_assert(has_check(&d, "unused-option"));
    ck_assert_ptr_null(n.backend_domain.s);
    xc_net_clear(&n);
    xc_diags_free(&d);
}
END_TEST

START_TEST(vif_ovs)
{
    struct xc_diags d = {0};
    struct xc_net n;
    ck_assert_int_eq(xc_xen_parse_vif("bridge=ovsbr0.42", P, "vif", &n, &d), 0);
    ck_assert_str_eq(n.bridge.s, "ovsbr0");
    ck_assert_uint_eq(n.vlan_tags.n, 1);
    ck_assert_uint_eq(n.vlan_tags.v[0].id, 42);
    ck_assert(!n.vlan_trunk);
    ck_assert_str_eq(n.virtualport_type.s, "openvswitch");
    xc_net_clear(&n);

    ck_assert_int_eq(xc_xen_parse_vif("bridge=ovsbr0:42:43:7", P, "vif", &n, &d), 0);
    ck_assert_str_eq(n.bridge.s, "ovsbr0");
    ck_assert_uint_eq(n.vlan_tags.n, 3);
    ck_assert_uint_eq(n.vlan_tags.v[2].id, 7);
    ck_assert(n.vlan_trunk);
    xc_net_clear(&n);

    ck_assert_int_eq(xc_xen_parse_vif("bridge=br.x", P, "vif", &n, &d), -1);
    ck_assert_int_eq(xc_xen_parse_vif("bridge=br0::42", P, "vif", &n, &d), -1);
    ck_assert_int_eq(xc_xen_parse_vif("bridge=br0.5000", P, "vif", &n, &d), -1);
    ck_assert_uint_eq(d.nerrors, 3);
    ck_assert(has_check(&d, "bad-vlan"));
    xc_diags_free(&d);
}
END_TEST

START_TEST(vif_errors)
{
    /* each error points at the sub-value: off bytes into the spec */
    static const struct {
        const char *spec, *check;
        unsigned off;
    } bad[] = {
        {"mac=00:16:3e:66:92", "bad-mac", 4},
        {"bridge=br0,mac=00:16:3e:66:92:9c:11", "bad-mac", 15},
        {"mac=0016:3e:66:92:9c:11", "bad-mac", 4},
        {"mac=zz:16:3e:66:92:9c", "bad-mac", 4},
        {"bridge=br0,", "bad-vif", 11},
        {"bridge", "bad-vif", 0},
        {"ip=10.0.0.1  10.0.0.2", "bad-ip", 12},
        {"ip=10.0.0.1 10.0.0.2/24", "bad-ip", 12},
        {"model=e1000!", "bad-model", 6},
        {"bridge=x,rate=fast", "bad-rate", 14},
        {"bridge=br0.x", "bad-vlan", 11},
        {"bridge=br0:1:x", "bad-vlan", 13},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct xc_diags d = {0};
        struct xc_net n;
        ck_assert_msg(xc_xen_parse_vif(bad[i].spec, P, "vif", &n, &d) == -1, "%s", bad[i].spec);
        ck_assert_uint_eq(d.nerrors, 1);
        ck_assert_str_eq(d.list.v[d.list.n - 1].check, bad[i].check);
        ck_assert_uint_eq(d.list.v[d.list.n - 1].pos.line, P.line);
        ck_assert_uint_eq(d.list.v[d.list.n - 1].pos.col, P.col + bad[i].off);
        xc_diags_free(&d);
    }
    char mac[18];
    ck_assert_int_eq(xcr_parse_mac("0:1:2:a:B:c", mac), 0);
    ck_assert_str_eq(mac, "00:01:02:0a:0b:0c");
    ck_assert_int_eq(xcr_parse_mac("00:01:02:0a:0b:0c trailing", mac), 0);
}
END_TEST

/* ---- pci ------------------------------------------------------------------ */

START_TEST(pci_specs)
{
    struct xc_diags d = {0};
    struct xc_hostdev h;
    ck_assert_int_eq(xc_xen_parse_pci("0000:00:1b.0", P, &h, &d), 0);
    ck_assert_int_eq(h.type, XC_HOSTDEV_PCI);
    ck_assert_uint_eq(h.pci.bus, 0);
    ck_assert_uint_eq(h.pci.slot, 0x1b);
    ck_assert_uint_eq(h.pci.function, 0);
    ck_assert_int_eq(h.managed, XC_TRI_NO);
    ck_assert_int_eq(h.write_filtering, XC_TRI_ABSENT);
    xc_hostdev_clear(&h);

    ck_assert_int_eq(xc_xen_parse_pci("0001:0a:1f.7,permissive=1", P, &h, &d), 0);
    ck_assert_uint_eq(h.pci.domain, 1);
    ck_assert_uint_eq(h.pci.bus, 10);
    ck_assert_uint_eq(h.pci.slot, 31);
    ck_assert_uint_eq(h.pci.function, 7);
    ck_assert_int_eq(h.write_filtering, XC_TRI_NO);
    xc_hostdev_clear(&h);

    ck_assert_int_eq(xc_xen_parse_pci("00:13.0,permissive=0,msitranslate=1", P, &h, &d), 0);
    ck_assert_int_eq(h.write_filtering, XC_TRI_YES);
    ck_assert(has_check(&d, "unused-option"));   /* reported once, by the reader */
    xc_hostdev_clear(&h);
    xc_diags_free(&d);

    static const struct {
        const char *spec;
        unsigned off;
    } bad[] = {
        {"1b.0", 0}, {"12", 0}, {"00:1b", 0}, {"00:1b.8", 6}, {"00:20.0", 3},
        {"100:1b.0", 0}, {"00:1b.0@4", 6}, {"00:1b.0,permissive", 8},
        {"00:1b.0,permissive=yes", 19}, {"00:1b.0,", 8}, {"zz:00:1b.0", 0},
        {"0000:00:1b.0:1", 11}, {"", 0}, {"0000:0g:1b.0", 5},
    };
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct xc_diags e = {0};
        ck_assert_msg(xc_xen_parse_pci(bad[i].spec, P, &h, &e) == -1, "%s", bad[i].spec);
        ck_assert_uint_eq(e.nerrors, 1);
        ck_assert_msg(e.list.v[e.list.n - 1].pos.col == P.col + bad[i].off,
                      "%s: col %u", bad[i].spec, e.list.v[e.list.n - 1].pos.col);
        xc_diags_free(&e);
    }
}
END_TEST

/* ---- character devices ------------------------------------------------------ */

START_TEST(chr_specs)
{
    struct xc_diags d = {0};
    struct xc_chr c;

    ck_assert_int_eq(xc_xen_parse_chr("/dev/ttyS0", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_DEV);
    ck_assert_str_eq(c.path.s, "/dev/ttyS0");
    xc_chr_clear(&c);

    ck_assert_int_eq(xc_xen_parse_chr("pty", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_PTY);
    ck_assert_ptr_null(c.path.s);
    xc_chr_clear(&c);

    static const struct {
        const char *spec;
        enum xc_chr_type type;
    } simple[] = {
        {"null", XC_CHR_NULL}, {"vc", XC_CHR_VC}, {"stdio", XC_CHR_STDIO},
    };
    for (size_t i = 0; i < sizeof(simple) / sizeof(simple[0]); i++) {
        ck_assert_int_eq(xc_xen_parse_chr(simple[i].spec, P, &c, &d), 0);
        ck_assert_int_eq(c.type, simple[i].type);
        xc_chr_clear(&c);
    }

    ck_assert_int_eq(xc_xen_parse_chr("file:/var/log/x.log", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_FILE);
    ck_assert_str_eq(c.path.s, "/var/log/x.log");
    xc_chr_clear(&c);

    ck_assert_int_eq(xc_xen_parse_chr("pipe:/tmp/p", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_PIPE);
    ck_assert_str_eq(c.path.s, "/tmp/p");
    xc_chr_clear(&c);

    ck_assert_int_eq(xc_xen_parse_chr("tcp:127.0.0.1:7777,server,nowait", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_TCP);
    ck_assert_int_eq(c.protocol, XC_TCP_PROTO_RAW);
    ck_assert_str_eq(c.host.s, "127.0.0.1");
    ck_assert_str_eq(c.service.s, "7777");
    ck_assert(c.listen);
    xc_chr_clear(&c);

    ck_assert_int_eq(xc_xen_parse_chr("telnet::23", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_TCP);
    ck_assert_int_eq(c.protocol, XC_TCP_PROTO_TELNET);
    ck_assert_ptr_null(c.host.s);
    ck_assert_str_eq(c.service.s, "23");
    ck_assert(!c.listen);
    xc_chr_clear(&c);

    ck_assert_int_eq(xc_xen_parse_chr("udp:1.2.3.4:99@5.6.7.8:100", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_UDP);
    ck_assert_str_eq(c.host.s, "1.2.3.4");
    ck_assert_str_eq(c.service.s, "99");
    ck_assert_str_eq(c.bind_host.s, "5.6.7.8");
    ck_assert_str_eq(c.bind_service.s, "100");
    xc_chr_clear(&c);

    ck_assert_int_eq(xc_xen_parse_chr("udp::99@:100", P, &c, &d), 0);
    ck_assert_ptr_null(c.host.s);
    ck_assert_ptr_null(c.bind_host.s);
    ck_assert_str_eq(c.bind_service.s, "100");
    xc_chr_clear(&c);

    ck_assert_int_eq(xc_xen_parse_chr("unix:/tmp/sock,server,nowait", P, &c, &d), 0);
    ck_assert_int_eq(c.type, XC_CHR_UNIX);
    ck_assert_str_eq(c.path.s, "/tmp/sock");
    ck_assert(c.listen);
    xc_chr_clear(&c);
    ck_assert_uint_eq(d.list.n, 0);

    /* spicevmc, spiceport and "dev:" are libvirt types no serial string
     * can say back */
    static const char *const bad[] = {"bogus", "tcp:7777", "udp:99", "udp:h:1@2",
                                      "nmdm:x", "", "spicevmc", "spiceport:x",
                                      "dev:/dev/ttyS0"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        struct xc_diags e = {0};
        ck_assert_msg(xc_xen_parse_chr(bad[i], P, &c, &e) == -1, "%s", bad[i]);
        ck_assert_uint_eq(e.nerrors, 1);
        ck_assert_str_eq(e.list.v[0].check, "bad-chardev");
        ck_assert_uint_eq(e.list.v[0].pos.line, P.line);
        xc_diags_free(&e);
    }
    xc_diags_free(&d);
}
END_TEST

START_TEST(cpusets)
{
    char *s;
    unsigned n;
    bool all;
    ck_assert_int_eq(xcr_parse_cpuset("0-3,^2, 8", 4096, &s, &n, &all), 0);
    ck_assert_str_eq(s, "0-1,3,8");
    ck_assert_uint_eq(n, 4);
    ck_assert(!all);
    free(s);
    ck_assert_int_eq(xcr_parse_cpuset("3,1,2", 4, &s, &n, &all), 0);
    ck_assert_str_eq(s, "1-3");
    free(s);
    ck_assert_int_eq(xcr_parse_cpuset("0-3", 4, &s, &n, &all), 0);
    ck_assert(all);
    free(s);
    ck_assert_int_eq(xcr_parse_cpuset("", 4096, &s, &n, &all), -1);
    ck_assert_int_eq(xcr_parse_cpuset("4096", 4096, &s, &n, &all), -1);
    ck_assert_int_eq(xcr_parse_cpuset("0-2000000000", 4096, &s, &n, &all), -1);
    ck_assert_int_eq(xcr_parse_cpuset("3-1", 4096, &s, &n, &all), -1);
    ck_assert_int_eq(xcr_parse_cpuset("^1-2", 4096, &s, &n, &all), -1);
    ck_assert_int_eq(xcr_parse_cpuset("1,,2", 4096, &s, &n, &all), -1);
}
END_TEST

/* ---- whole files: positions, leftovers ------------------------------------------ */

static int read_text(const char *text, struct xc_domain *dom, struct xc_diags *d)
{
    struct xc_source src;
    struct xc_settings set;
    xc_source_from_mem(&src, "t.cfg", text, strlen(text));
    xc_settings_init(&set);
    xc_domain_init(dom);
    int rc = xc_xl_read(&src, &set, dom, d);
    xc_settings_free(&set);
    xc_source_free(&src);
    return rc;
}

static const struct xc_diag *find_check(const struct xc_diags *d, const char *check)
{
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].check && strcmp(d->list.v[i].check, check) == 0)
            return &d->list.v[i];
    return NULL;
}

START_TEST(file_error_positions)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    ck_assert_int_eq(read_text("name = \"g\"\n"
                               "vif = [ \"bridge=br0\",\n"
                               "        \"mac=00:11\" ]\n"
                               "disk = [ \"/a,raw,xvda,w\", \"/b,nope,xvdb\" ]\n"
                               "memory = \"lots\"\n", &dom, &d), -1);
    const struct xc_diag *g = find_check(&d, "bad-mac");
    ck_assert_ptr_nonnull(g);
    /* the MAC after "mac=", inside the quotes */
    ck_assert_uint_eq(g->pos.line, 3);
    ck_assert_uint_eq(g->pos.col, 14);
    g = find_check(&d, "bad-disk");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 4);
    ck_assert_uint_eq(g->pos.col, 31);
    g = find_check(&d, "bad-number");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 5);
    ck_assert_uint_eq(g->pos.col, 11);
    ck_assert_str_eq(g->file, "t.cfg");
    xc_domain_free(&dom);
    xc_diags_free(&d);

    ck_assert_int_eq(read_text("uuid = \"nope\"\n", &dom, &d), -1);
    ck_assert_ptr_nonnull(find_check(&d, "missing-key"));
    g = find_check(&d, "bad-uuid");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 1);
    xc_domain_free(&dom);
    xc_diags_free(&d);

    ck_assert_int_eq(read_text("name = \"g\"\nbuilder = \"hvm\"\npci = [ \"00:1b\" ]\n"
                               "serial = [ \"pty\", \"bogus:x\" ]\n"
                               "cpuid = [ \"0x1:ecx=xxxx\" ]\n", &dom, &d), -1);
    g = find_check(&d, "bad-pci");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 3);
    ck_assert_uint_eq(g->pos.col, 10);
    g = find_check(&d, "bad-chardev");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 4);
    ck_assert_uint_eq(g->pos.col, 20);
    ck_assert_ptr_nonnull(find_check(&d, "bad-cpuid"));
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(file_triple_quoted_positions)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    ck_assert_int_eq(read_text("name = \"g\"\n"
                               "vif = [ \"\"\"bridge=br0,\nmac=zz\"\"\" ]\n", &dom, &d), -1);
    const struct xc_diag *g = find_check(&d, "bad-mac");
    if (g) {
        /* the cfg module accepts a newline in a triple-quoted string */
        ck_assert_uint_eq(g->pos.line, 3);
        ck_assert_uint_eq(g->pos.col, 5);
    } else {
        ck_assert_uint_ge(d.nerrors, 1);
    }
    xc_domain_free(&dom);
    xc_diags_free(&d);

    ck_assert_int_eq(read_text("name = \"g\"\nuuid = \"\"\"nope\"\"\"\n", &dom, &d), -1);
    g = find_check(&d, "bad-uuid");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 2);
    ck_assert_uint_eq(g->pos.col, 11);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(file_leftovers)
{
    struct xc_domain dom;
    struct xc_diags d = {0};
    ck_assert_int_eq(read_text("name = \"g\"\nfoo = [ \"a\", 1 ]\nname = \"h\"\n"
                               "pae = 1\n", &dom, &d), 0);
    ck_assert_str_eq(dom.name.s, "g");
    /* pae is only read for HVM guests */
    ck_assert_uint_eq(dom.leftovers.n, 3);
    ck_assert_str_eq(dom.leftovers.v[0].key.s, "foo");
    ck_assert_str_eq(dom.leftovers.v[0].value.s, "[ \"a\", 1 ]");
    ck_assert_uint_eq(dom.leftovers.v[0].key.pos.line, 2);
    ck_assert_str_eq(dom.leftovers.v[1].key.s, "name");
    ck_assert_str_eq(dom.leftovers.v[2].key.s, "pae");
    ck_assert_uint_eq(d.nwarnings, 3);
    ck_assert_uint_eq(d.nerrors, 0);
    ck_assert_str_eq(d.list.v[0].check, "unused-key");
    ck_assert_uint_eq(d.list.v[0].pos.line, 2);
    ck_assert_uint_eq(d.list.v[0].pos.col, 1);
    /* PV defaults */
    ck_assert_int_eq(dom.os.type, XC_OS_XEN);
    ck_assert_str_eq(dom.os.machine.s, "xenpv");
    ck_assert_uint_eq(dom.memory_kib, 128 * 1024);
    ck_assert_uint_eq(dom.maxvcpus, 1);
    ck_assert_uint_eq(dom.consoles.n, 1);
    ck_assert_uint_eq(dom.controllers.n, 1);
    ck_assert_int_eq(dom.controllers.v[0].type, XC_CTRL_XENBUS);
    ck_assert(dom.has_uuid);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

START_TEST(file_many_disks)
{
    /* 20,000 disks in one list: linear, all converted */
    struct xc_buf b = {0};
    xc_buf_add(&b, "name = \"g\"\ndisk = [ ");
    for (int i = 0; i < 20000; i++)
        xc_buf_addf(&b, "%s\"/img/%d,raw,xvd%d,w\"", i ? ", " : "", i, i);
    xc_buf_add(&b, " ]\n");
    struct xc_domain dom;
    struct xc_diags d = {0};
    ck_assert_int_eq(read_text(xc_buf_str(&b), &dom, &d), 0);
    ck_assert_uint_eq(dom.disks.n, 20000);
    ck_assert_str_eq(dom.disks.v[19999].source.s, "/img/19999");
    xc_domain_free(&dom);
    xc_diags_free(&d);
    xc_buf_free(&b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xl_specs");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, disk_positional_full);
    tcase_add_test(tc, disk_keyvalue_and_bus);
    tcase_add_test(tc, disk_backends_and_formats);
    tcase_add_test(tc, disk_cdrom_empty);
    tcase_add_test(tc, disk_rbd);
    tcase_add_test(tc, disk_errors);
    tcase_add_test(tc, vif_rates);
    tcase_add_test(tc, vif_full);
    tcase_add_test(tc, vif_ovs);
    tcase_add_test(tc, vif_errors);
    tcase_add_test(tc, pci_specs);
    tcase_add_test(tc, chr_specs);
    tcase_add_test(tc, cpusets);
    tcase_add_test(tc, file_error_positions);
    tcase_add_test(tc, file_triple_quoted_positions);
    tcase_add_test(tc, file_leftovers);
    tcase_add_test(tc, file_many_disks);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
