/* Unit tests for the xen-xm format (formats/xm/): old-style disk specs
 * read and written (every prefix and mode, refusals with positions), the
 * shared vif/pci/chardev parsers in their xm forms, and hostile values:
 * whatever would become another field is refused at its input position,
 * and what virConf can hold is written so that it reads back unchanged. */
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
#include "formats/xencommon/xen_read.h"
#include "formats/xencommon/xen_write.h"
#include "formats/xm/xm.h"
#include "formats/xml/xml.h"

static const struct xc_pos P = {3, 7};

static const struct xc_diag *find_check(const struct xc_diags *d,
                                        const char *check)
{
    for (size_t i = 0; i < d->list.n; i++)
        if (d->list.v[i].check && strcmp(d->list.v[i].check, check) == 0)
            return &d->list.v[i];
    return NULL;
}

/* ---- reading disk specs ------------------------------------------------ */

struct dk {
    struct xc_diags d;
    struct xc_disk k;
    int rc;
};

static void rd(struct dk *c, const char *spec, bool hvm)
{
    memset(c, 0, sizeof(*c));
    c->rc = xc_xm_parse_disk(spec, P, hvm, &c->k, &c->d);
}

static void rd_done(struct dk *c)
{
    xc_disk_clear(&c->k);
    xc_diags_free(&c->d);
}

START_TEST(disk_prefixes)
{
    struct dk c;

    rd(&c, "phy:/dev/vg/g,xvda,w", false);
    ck_assert_int_eq(c.rc, 0);
    ck_assert_int_eq(c.k.type, XC_DISK_BLOCK);
    ck_assert_str_eq(c.k.driver_name.s, "phy");
    ck_assert_ptr_null(c.k.driver_type.s);
    ck_assert_str_eq(c.k.source.s, "/dev/vg/g");
    ck_assert_str_eq(c.k.target.s, "xvda");
    ck_assert_int_eq(c.k.bus, XC_BUS_XEN);
    ck_assert(!c.k.readonly && !c.k.shareable);
    ck_assert_uint_eq(c.d.list.n, 0);
    /* the source starts after "phy:" */
    ck_assert_uint_eq(c.k.source.pos.col, 7 + 4);
    ck_assert_uint_eq(c.k.target.pos.col, 7 + 14);
    rd_done(&c);

    rd(&c, "file:/img/a.img,hda,w", true);
    ck_assert_int_eq(c.k.type, XC_DISK_FILE);
    ck_assert_str_eq(c.k.driver_name.s, "file");
    ck_assert_str_eq(c.k.source.s, "/img/a.img");
    ck_assert_int_eq(c.k.bus, XC_BUS_IDE);
    rd_done(&c);

    rd(&c, "tap:aio:/img/b.img,xvdb,w", true);
    ck_assert_int_eq(c.rc, 0);
    ck_assert_int_eq(c.k.type, XC_DISK_FILE);
    ck_assert_str_eq(c.k.driver_name.s, "tap");
    ck_assert_str_eq(c.k.driver_type.s, "raw");
    ck_assert_str_eq(c.k.source.s, "/img/b.img");
    rd_done(&c);

    rd(&c, "tap:qcow:/img/c.qcow,sdb,w", true);
    ck_assert_str_eq(c.k.driver_type.s, "qcow");
    ck_assert_int_eq(c.k.bus, XC_BUS_SCSI);
    rd_done(&c);

    rd(&c, "tap2:aio:/img/d.img,xvdc,w", false);
    ck_assert_str_eq(c.k.driver_name.s, "tap2");
    ck_assert_str_eq(c.k.driver_type.s, "raw");
    rd_done(&c);

    /* libvirt reads tap2:tapdisk:aio: as driver type "tapdisk", which is
     * no format: it skips the disk; so do we, with a loss warning */
    rd(&c, "tap2:tapdisk:aio:/img/e.img,xvdd,w", false);
    ck_assert_int_eq(c.rc, -1);
    const struct xc_diag *g = find_check(&c.d, "bad-disk");
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(g->sev, XC_SEV_WARNING);
    ck_assert_uint_eq(g->pos.col, 7 + 5);
    ck_assert_ptr_nonnull(strstr(g->msg, "is not carried to"));
    ck_assert_ptr_null(c.k.source.s);
    rd_done(&c);

    /* no prefix: phy, and the whole source is the path */
    rd(&c, "/dev/sdb,xvde,w", false);
    ck_assert_str_eq(c.k.driver_name.s, "phy");
    ck_assert_str_eq(c.k.source.s, "/dev/sdb");
    rd_done(&c);

    /* an unknown driver is a file disk with that driver name */
    rd(&c, "qemu:/img/f,xvdf,w", false);
    ck_assert_int_eq(c.k.type, XC_DISK_FILE);
    ck_assert_str_eq(c.k.driver_name.s, "qemu");
    rd_done(&c);
}
END_TEST

START_TEST(disk_cdrom_and_modes)
{
    struct dk c;

    rd(&c, "file:/root/boot.iso,hdc:cdrom,r", true);
    ck_assert_int_eq(c.k.device, XC_DISK_DEV_CDROM);
    ck_assert_str_eq(c.k.target.s, "hdc");
    ck_assert(c.k.readonly);
    rd_done(&c);

    rd(&c, ",hdc:cdrom,r", true);
    ck_assert_int_eq(c.rc, 0);
    ck_assert_ptr_null(c.k.source.s);
    ck_assert_str_eq(c.k.driver_name.s, "phy");
    ck_assert_int_eq(c.k.type, XC_DISK_BLOCK);
    ck_assert_int_eq(c.k.device, XC_DISK_DEV_CDROM);
    rd_done(&c);

    rd(&c, "phy:/dev/a,ioemu:hda:disk,ro", true);
    ck_assert_str_eq(c.k.target.s, "hda");
    ck_assert_int_eq(c.k.device, XC_DISK_DEV_DISK);
    ck_assert(c.k.readonly);
    ck_assert_uint_eq(c.d.list.n, 0);
    rd_done(&c);

    rd(&c, "phy:/dev/a,xvda,w!", false);
    ck_assert(c.k.shareable && !c.k.readonly);
    rd_done(&c);
    rd(&c, "phy:/dev/a,xvda,!", false);
    ck_assert(c.k.shareable);
    rd_done(&c);
    rd(&c, "phy:/dev/a,xvda,rw", false);
    ck_assert(!c.k.shareable && !c.k.readonly);
    ck_assert_uint_eq(c.d.list.n, 0);
    rd_done(&c);
    /* an unknown mode is read-write, as in libvirt, with a warning */
    rd(&c, "phy:/dev/a,xvda,x", false);
    ck_assert(!c.k.shareable && !c.k.readonly);
    ck_assert_ptr_nonnull(find_check(&c.d, "suspicious-value"));
    rd_done(&c);
    /* a PV guest's disks are all on the xen bus */
    rd(&c, "phy:/dev/a,hda,w", false);
    ck_assert_int_eq(c.k.bus, XC_BUS_XEN);
    rd_done(&c);
}
END_TEST

START_TEST(disk_skipped_positions)
{
    struct dk c;

    rd(&c, "phy:/dev/a", false);
    ck_assert_int_eq(c.rc, -1);
    ck_assert_uint_eq(c.d.list.v[0].pos.col, 7);
    ck_assert_str_eq(c.d.list.v[0].check, "bad-disk");
    rd_done(&c);

    rd(&c, "phy:/dev/a,xvda", false);
    ck_assert_int_eq(c.rc, -1);
    ck_assert_uint_eq(c.d.list.v[0].pos.col, 7 + 11);
    rd_done(&c);

    rd(&c, "tap:/img,xvda,w", false);
    ck_assert_int_eq(c.rc, -1);
    ck_assert_uint_eq(c.d.list.v[0].pos.col, 7 + 4);
    rd_done(&c);

    rd(&c, "tap:none:/img,xvda,w", false);
    ck_assert_int_eq(c.rc, -1);
    rd_done(&c);
}
END_TEST

/* ---- writing disk specs ------------------------------------------------ */

static struct xc_disk mkdisk(enum xc_disk_type type, const char *drv,
                             const char *fmt, const char *src,
                             const char *dev)
{
    struct xc_disk k = {0};
    k.type = type;
    k.device = XC_DISK_DEV_DISK;
    if (drv)
        xc_str_set(&k.driver_name, drv, (struct xc_pos){10, 1});
    if (fmt)
        xc_str_set(&k.driver_type, fmt, (struct xc_pos){10, 2});
    if (src)
        xc_str_set(&k.source, src, (struct xc_pos){11, 5});
    if (dev)
        xc_str_set(&k.target, dev, (struct xc_pos){12, 9});
    return k;
}

static void wr_expect(struct xc_disk *k, const char *want)
{
    struct xc_buf b = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(xc_xmw_disk(k, &b, &d), 0);
    ck_assert_str_eq(xc_buf_str(&b), want);
    xc_buf_free(&b);
    xc_diags_free(&d);
    xc_disk_clear(k);
}

static void wr_refused(struct xc_disk *k, unsigned line, unsigned col)
{
    struct xc_buf b = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(xc_xmw_disk(k, &b, &d), -1);
    const struct xc_diag *g = find_check(&d, "unsafe-value");
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(g->sev, XC_SEV_ERROR);
    ck_assert_uint_eq(g->pos.line, line);
    ck_assert_uint_eq(g->pos.col, col);
    xc_buf_free(&b);
    xc_diags_free(&d);
    xc_disk_clear(k);
}

START_TEST(disk_write_forms)
{
    struct xc_disk k;

    k = mkdisk(XC_DISK_BLOCK, "phy", "raw", "/dev/vg/g", "xvda");
    wr_expect(&k, "phy:/dev/vg/g,xvda,w");
    k = mkdisk(XC_DISK_FILE, "file", "raw", "/img/a", "hda");
    wr_expect(&k, "file:/img/a,hda,w");
    k = mkdisk(XC_DISK_FILE, "tap", "raw", "/img/b", "xvdb");
    wr_expect(&k, "tap:aio:/img/b,xvdb,w");
    k = mkdisk(XC_DISK_FILE, "tap", "qcow2", "/img/c", "xvdc");
    k.readonly = true;
    wr_expect(&k, "tap:qcow2:/img/c,xvdc,r");
    k = mkdisk(XC_DISK_FILE, "tap2", "raw", "/img/d", "xvdd");
    k.shareable = true;
    wr_expect(&k, "tap2:aio:/img/d,xvdd,!");
    /* no format: the prefix says the type */
    k = mkdisk(XC_DISK_FILE, NULL, NULL, "/img/e", "xvde");
    wr_expect(&k, "file:/img/e,xvde,w");
    k = mkdisk(XC_DISK_BLOCK, NULL, NULL, "/dev/e", "xvde");
    wr_expect(&k, "phy:/dev/e,xvde,w");
    /* a cdrom without media */
    k = mkdisk(XC_DISK_BLOCK, "phy", "raw", NULL, "hdc");
    k.device = XC_DISK_DEV_CDROM;
    k.readonly = true;
    wr_expect(&k, ",hdc:cdrom,r");
    /* a ':' after a prefix stays in the path (only the first splits) */
    k = mkdisk(XC_DISK_FILE, "file", "raw", "/img/a:b", "xvdf");
    wr_expect(&k, "file:/img/a:b,xvdf,w");
}
END_TEST

START_TEST(disk_write_refusals)
{
    struct xc_disk k;

    /* a ',' anywhere would end the field */
    k = mkdisk(XC_DISK_FILE, "file", "raw", "/img/a,hdb,w", "xvda");
    wr_refused(&k, 11, 5);
    k = mkdisk(XC_DISK_FILE, "file", "raw", "/img/a", "xvda,r");
    wr_refused(&k, 12, 9);
    /* a ':' in the target would become a suffix */
    k = mkdisk(XC_DISK_FILE, "file", "raw", "/img/a", "hdc:cdrom");
    wr_refused(&k, 12, 9);
    /* without a driver prefix a ':' in the path would make one */
    k = mkdisk(XC_DISK_FILE, NULL, "raw", "tap:aio:/x", "xvda");
    wr_refused(&k, 11, 5);
    /* a driver name with ':' would split the source */
    k = mkdisk(XC_DISK_FILE, "tap:qcow", "raw", "/img", "xvda");
    wr_refused(&k, 10, 1);
    /* a control byte is the path's: the xm reader accepts it (a newline
     * from a """...""" string) and the spec gives it no meaning */
    k = mkdisk(XC_DISK_FILE, "file", "raw", "/img/a\nb", "xvda");
    wr_expect(&k, "file:/img/a\nb,xvda,w");
}
END_TEST

/* The writer's output, read back by the reader, is the same disk. */
START_TEST(disk_roundtrip)
{
    static const char *const specs[] = {
        "phy:/dev/vg/g,xvda,w", "file:/img/a,hda:cdrom,r",
        "tap:aio:/img/b,xvdb,!", "tap:qcow2:/img/c,sda,r",
        "tap2:vhd:/img/d,xvdd,w", ",hdc:cdrom,r", NULL};
    for (size_t i = 0; specs[i]; i++) {
        struct dk c;
        struct xc_buf b = {0};
        rd(&c, specs[i], true);
        ck_assert_int_eq(c.rc, 0);
        ck_assert_int_eq(xc_xmw_disk(&c.k, &b, &c.d), 0);
        ck_assert_str_eq(xc_buf_str(&b), specs[i]);
        xc_buf_free(&b);
        rd_done(&c);
    }
}
END_TEST

/* ---- vif, pci, chardev in their xm forms ------------------------------- */

START_TEST(vif_xm_forms)
{
    struct xc_diags d = {0};
    struct xc_net n;
    const char *spec = "mac=00:16:3e:66:92:9c,bridge=xenbr1,script=vif-bridge,"
                       "type=netfront,vifname=vif-g,ip=10.0.0.2";
    ck_assert_int_eq(xc_xen_parse_vif(spec, P, "netfront", &n, &d), 0);
    ck_assert_str_eq(n.model.s, "netfront");
    ck_assert_str_eq(n.ifname.s, "vif-g");
    ck_assert_str_eq(n.script.s, "vif-bridge");
    ck_assert_str_eq(n.ips.v[0].address.s, "10.0.0.2");
    ck_assert_uint_eq(d.list.n, 0);

    /* written back for an HVM guest: type=netfront, not type=vif */
    struct xc_buf b = {0};
    ck_assert_int_eq(xc_xenw_vif(&n, true, "netfront", &b, &d), 0);
    ck_assert_str_eq(xc_buf_str(&b), "mac=00:16:3e:66:92:9c,bridge=xenbr1,"
                     "ip=10.0.0.2,script=vif-bridge,type=netfront,vifname=vif-g");
    xc_buf_free(&b);
    xc_net_clear(&n);

    /* type=ioemu is no model (libvirt reads only the netfront type) */
    ck_assert_int_eq(xc_xen_parse_vif("mac=00:16:3e:00:00:01,type=ioemu,model=e1000",
                                      P, "netfront", &n, &d), 0);
    ck_assert_str_eq(n.model.s, "e1000");
    ck_assert_int_eq(n.type, XC_NET_ETHERNET);
    xc_net_clear(&n);
    ck_assert_int_eq(xc_xen_parse_vif("mac=00:16:3e:00:00:01,type=ioemu",
                                      P, "netfront", &n, &d), 0);
    ck_assert_ptr_null(n.model.s);
    xc_net_clear(&n);

    /* a bridge with ',' or '=' is refused at its position */
    xc_str_set(&n.mac, "00:16:3e:00:00:01", xc_nopos);
    n.type = XC_NET_BRIDGE;
    xc_str_set(&n.bridge, "br0,script=/tmp/x", (struct xc_pos){20, 4});
    ck_assert_int_eq(xc_xenw_vif(&n, false, "netfront", &b, &d), -1);
    const struct xc_diag *g = find_check(&d, "unsafe-value");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 20);
    xc_buf_free(&b);
    xc_net_clear(&n);
    xc_diags_free(&d);
}
END_TEST

START_TEST(pci_both_syntaxes)
{
    struct xc_diags d = {0};
    struct xc_hostdev h;
    struct xc_buf b = {0};
    ck_assert_int_eq(xc_xen_parse_pci("0001:0c:1b.2", P, &h, &d), 0);
    ck_assert_uint_eq(h.pci.domain, 1);
    ck_assert_uint_eq(h.pci.bus, 0x0c);
    ck_assert_uint_eq(h.pci.slot, 0x1b);
    ck_assert_uint_eq(h.pci.function, 2);
    xc_hostdev_clear(&h);
    ck_assert_int_eq(xc_xen_parse_pci("01:13.0", P, &h, &d), 0);
    ck_assert_uint_eq(h.pci.domain, 0);
    ck_assert_uint_eq(h.pci.bus, 1);
    ck_assert_uint_eq(h.pci.slot, 0x13);
    ck_assert_int_eq(xc_xenw_pci(&h, &b, &d), 0);
    ck_assert_str_eq(xc_buf_str(&b), "0000:01:13.0");
    xc_hostdev_clear(&h);
    ck_assert_int_eq(xc_xen_parse_pci("01:13", P, &h, &d), -1);
    xc_buf_free(&b);
    xc_diags_free(&d);
}
END_TEST

START_TEST(chr_forms)
{
    static const struct { const char *spec; enum xc_chr_type t; } cases[] = {
        {"pty", XC_CHR_PTY}, {"null", XC_CHR_NULL}, {"stdio", XC_CHR_STDIO},
        {"vc", XC_CHR_VC}, {"/dev/ttyS0", XC_CHR_DEV},
        {"file:/tmp/serial.log", XC_CHR_FILE}, {"pipe:/tmp/p", XC_CHR_PIPE},
        {"tcp:127.0.0.1:7777", XC_CHR_TCP},
        {"tcp:127.0.0.1:7777,server,nowait", XC_CHR_TCP},
        {"telnet:127.0.0.1:9999,server,nowait", XC_CHR_TCP},
        {"udp:127.0.0.1:9999@0.0.0.0:99998", XC_CHR_UDP},
        {"unix:/tmp/s,server,nowait", XC_CHR_UNIX}, {NULL, 0}};
    for (size_t i = 0; cases[i].spec; i++) {
        struct xc_diags d = {0};
        struct xc_chr c;
        struct xc_buf b = {0};
        ck_assert_int_eq(xc_xen_parse_chr(cases[i].spec, P, &c, &d), 0);
        ck_assert_int_eq(c.type, cases[i].t);
        ck_assert_int_eq(xc_xenw_chr(&c, "serial", &b, &d), 0);
        ck_assert_str_eq(xc_buf_str(&b), cases[i].spec);
        xc_buf_free(&b);
        xc_chr_clear(&c);
        xc_diags_free(&d);
    }
}
END_TEST

/* ---- whole files -------------------------------------------------------- */

static int read_xm(const char *text, struct xc_domain *dom, struct xc_diags *d)
{
    struct xc_source src;
    struct xc_settings set;
    xc_settings_init(&set);
    xc_source_from_mem(&src, "t.cfg", text, strlen(text));
    xc_domain_init(dom);
    int rc = xc_xm_read(&src, &set, dom, d);
    xc_source_free(&src);
    xc_settings_free(&set);
    return rc;
}

START_TEST(file_xm_specifics)
{
    struct xc_domain dom;
    struct xc_diags d = {0};

    /* xm refuses a list of serial devices, as libvirt does */
    ck_assert_int_eq(read_xm("name = \"g\"\nbuilder = \"hvm\"\nkernel = \"/l\"\n"
                             "serial = [ \"pty\", \"null\" ]\n", &dom, &d), -1);
    const struct xc_diag *g = find_check(&d, "unsupported");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 4);
    xc_domain_free(&dom);
    xc_diags_free(&d);

    /* an HVM guest needs kernel (its loader) */
    ck_assert_int_eq(read_xm("name = \"g\"\nbuilder = \"hvm\"\n", &dom, &d), -1);
    ck_assert_ptr_nonnull(find_check(&d, "missing-key"));
    xc_domain_free(&dom);
    xc_diags_free(&d);

    /* PV: root + extra make the command line; cmdline is xl's, not read */
    ck_assert_int_eq(read_xm("name = \"g\"\nroot = \"/dev/xvda1\"\n"
                             "extra = \"ro\"\ncmdline = \"x\"\n"
                             "disk = [ \"phy:/dev/a,xvda,w\" ]\n", &dom, &d), 0);
    ck_assert_str_eq(dom.os.cmdline.s, "root=/dev/xvda1 ro");
    ck_assert_uint_eq(dom.disks.n, 1);
    g = find_check(&d, "unused-key");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 4);
    xc_domain_free(&dom);
    xc_diags_free(&d);

    /* disk must be a list */
    ck_assert_int_eq(read_xm("name = \"g\"\ndisk = \"phy:/dev/a,xvda,w\"\n",
                             &dom, &d), -1);
    xc_domain_free(&dom);
    xc_diags_free(&d);
}
END_TEST

/* XML with hostile values converted to xm: refused at the value's input
 * position, or written so that both our xm reader and virConf's rules
 * (values without escapes; our reader takes them so) read back the same
 * value.  Never a new field. */
static int to_xm(const char *xml, struct xc_buf *out, struct xc_diags *d)
{
    struct xc_source src;
    struct xc_settings set;
    xc_settings_init(&set);
    xc_source_from_mem(&src, "h.xml", xml, strlen(xml));
    int rc = xc_convert_source(&xc_format_xml, &xc_format_xm, XC_ORIGIN_XML,
                               &src, &set, out, d);
    xc_source_free(&src);
    xc_settings_free(&set);
    return rc;
}

#define XML_HEAD \
    "<domain type='xen'>\n" \
    "  <name>%s</name>\n" \
    "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n" \
    "  <memory>524288</memory>\n" \
    "  <os><type arch='x86_64' machine='xenpv'>linux</type>" \
    "<kernel>/boot/vmlinuz</kernel></os>\n" \
    "  <devices>\n%s" \
    "  </devices>\n" \
    "</domain>\n"

static char *mkxml(const char *name, const char *devices)
{
    struct xc_buf b = {0};
    xc_buf_addf(&b, XML_HEAD, name, devices);
    return xc_buf_steal(&b);
}

START_TEST(hostile_disk_comma)
{
    char *xml = mkxml("g", "    <disk type='file' device='disk'>\n"
                           "      <driver name='file'/>\n"
                           "      <source file='/img/a,hdb,w'/>\n"
                           "      <target dev='xvda'/>\n"
                           "    </disk>\n");
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(to_xm(xml, &out, &d), -1);
    const struct xc_diag *g = find_check(&d, "unsafe-value");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 9);
    ck_assert_uint_gt(g->pos.col, 1);
    ck_assert_uint_eq(out.len, 0);
    free(xml);
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

START_TEST(hostile_vif_option)
{
    char *xml = mkxml("g", "    <interface type='bridge'>\n"
                           "      <mac address='00:16:3e:00:00:01'/>\n"
                           "      <source bridge='br0'/>\n"
                           "      <script path='vif-bridge,ip=10.0.0.9'/>\n"
                           "    </interface>\n");
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(to_xm(xml, &out, &d), -1);
    const struct xc_diag *g = find_check(&d, "unsafe-value");
    ck_assert_ptr_nonnull(g);
    ck_assert_uint_eq(g->pos.line, 10);
    free(xml);
    xc_buf_free(&out);

    xml = mkxml("g", "    <interface type='bridge'>\n"
                     "      <mac address='00:16:3e:00:00:01'/>\n"
                     "      <source bridge='br0'/>\n"
                     "      <target dev='web=1'/>\n"
                     "    </interface>\n");
    /* an '=' is the value's: xm and libvirt split an option at its first
     * '=', so it reads back */
    xc_diags_free(&d);
    ck_assert_int_eq(to_xm(xml, &out, &d), 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out), ",vifname=web=1\""));
    struct xc_domain dom;
    ck_assert_int_eq(read_xm(xc_buf_str(&out), &dom, &d), 0);
    ck_assert_str_eq(dom.nets.v[0].ifname.s, "web=1");
    xc_domain_free(&dom);
    free(xml);
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

/* A name that virConf holds is written so that it reads back unchanged. */
static void name_roundtrip(const char *xml_name, const char *want_name,
                           const char *want_line)
{
    char *xml = mkxml(xml_name, "");
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    ck_assert_int_eq(to_xm(xml, &out, &d), 0);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&out), want_line));
    struct xc_domain dom;
    ck_assert_int_eq(read_xm(xc_buf_str(&out), &dom, &d), 0);
    ck_assert_str_eq(dom.name.s, want_name);
    ck_assert_uint_eq(dom.disks.n, 0);
    xc_domain_free(&dom);
    free(xml);
    xc_buf_free(&out);
    xc_diags_free(&d);
}

START_TEST(hostile_names)
{
    name_roundtrip("a\"b", "a\"b", "name = 'a\"b'\n");
    name_roundtrip("a'b", "a'b", "name = \"a'b\"\n");
    name_roundtrip("a'\"b", "a'\"b", "name = \"\"\"a'\"b\"\"\"\n");
    name_roundtrip("x\\\"y", "x\\\"y", "name = 'x\\\"y'\n");
    /* a disk spec inside a name is just a name */
    name_roundtrip("g\", disk = [ \"phy:sda,xvda,w\" ] #",
                   "g\", disk = [ \"phy:sda,xvda,w\" ] #",
                   "name = 'g\", disk = [ \"phy:sda,xvda,w\" ] #'\n");
}
END_TEST

START_TEST(hostile_name_newline)
{
    /* a newline: refused by the XML reader or written so it reads back */
    char *xml = mkxml("a&#10;b", "");
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    int rc = to_xm(xml, &out, &d);
    if (rc == 0) {
        struct xc_domain dom;
        ck_assert_ptr_nonnull(strstr(xc_buf_str(&out), "name = \"\"\"a\nb\"\"\"\n"));
        ck_assert_int_eq(read_xm(xc_buf_str(&out), &dom, &d), 0);
        ck_assert_str_eq(dom.name.s, "a\nb");
        xc_domain_free(&dom);
    } else {
        ck_assert_uint_gt(d.nerrors, 0);
        ck_assert_uint_gt(d.list.v[0].pos.line, 0);
        ck_assert_uint_eq(out.len, 0);
    }
    free(xml);
    xc_buf_free(&out);
    xc_diags_free(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("xm_specs");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, disk_prefixes);
    tcase_add_test(tc, disk_cdrom_and_modes);
    tcase_add_test(tc, disk_skipped_positions);
    tcase_add_test(tc, disk_write_forms);
    tcase_add_test(tc, disk_write_refusals);
    tcase_add_test(tc, disk_roundtrip);
    tcase_add_test(tc, vif_xm_forms);
    tcase_add_test(tc, pci_both_syntaxes);
    tcase_add_test(tc, chr_forms);
    tcase_add_test(tc, file_xm_specifics);
    tcase_add_test(tc, hostile_disk_comma);
    tcase_add_test(tc, hostile_vif_option);
    tcase_add_test(tc, hostile_names);
    tcase_add_test(tc, hostile_name_newline);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
