/* make bench, adversarial part: for every input shape that could make a
 * reader, the defaults or a writer super-linear (many attributes on one
 * tag, thousands of unknown keys, controllers in reverse order, a huge
 * string, deep nesting, a million warnings, ...) convert a generated input
 * of size n and one of size 10n in-process, diagnostics printed to
 * /dev/null included, and print the time ratio: linear is ~10x, quadratic
 * ~100x.  Exits 1 when a ratio exceeds the limit (argument 2, default 30).
 * The migrate cases run `xenconv migrate` on one xm config (rules, edits,
 * the check's conversions, both reports in a temporary directory).
 *
 * Usage: bench_adversarial [SCALE [LIMIT [CASE]]]; SCALE multiplies every
 * base size (default 1), CASE runs only the cases whose name contains it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "common/buf.h"
#include "common/source.h"
#include "converters/migrate_int.h"
#include "converters/native.h"
#include "formats/sxpr/sxpr.h"
#include "formats/xl/xl.h"
#include "formats/xml/xml.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- generators: XML ---------------------------------------------------- */

/* os_extra: more <os> children (the sxpr writer wants an HVM <loader>) */
static void xml_head_os(struct xc_buf *b, const char *domain_attrs,
                        const char *os_extra)
{
    xc_buf_addf(b, "<domain type='xen'%s>\n"
                   "  <name>g</name>\n"
                   "  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
                   "  <memory unit='KiB'>524288</memory>\n"
                   "  <os>\n    <type arch='x86_64' machine='xenfv'>hvm</type>\n"
                   "%s  </os>\n", domain_attrs, os_extra);
}

static void xml_head(struct xc_buf *b, const char *domain_attrs)
{
    xml_head_os(b, domain_attrs, "");
}

static const char loader[] = "    <loader>/usr/lib/xen/boot/hvmloader</loader>\n";

/* One start tag with n attributes nothing reads (n warnings). */
static void x_attrs(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "<domain type='xen'");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "\n  a%u='v%u'", i, i);
    xc_buf_add(b, ">\n  <name>g</name>\n  <memory unit='KiB'>524288</memory>\n"
                  "  <os>\n    <type>hvm</type>\n  </os>\n</domain>\n");
}

/* n unknown attributes on one line (the position scan cannot rely on
 * line breaks). */
static void x_attrs_oneline(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "<domain type='xen'>\n  <name>g</name>\n"
                  "  <memory unit='KiB'>524288</memory>\n"
                  "  <os>\n    <type>hvm</type>\n  </os>\n  <devices>\n    <disk");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, " a%u='v'", i);
    xc_buf_add(b, " type='file' device='disk'><source file='/x'/>"
                  "<target dev='xvda' bus='xen'/></disk>\n  </devices>\n</domain>\n");
}

/* n disks whose attributes come in the reverse of the order the reader
 * asks for their positions, all on one line. */
static void disks_reversed(struct xc_buf *b, unsigned n, const char *os_extra)
{
    xml_head_os(b, "", os_extra);
    xc_buf_add(b, "  <devices>");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "<disk device='disk' type='file'><driver type='raw' name='qemu'/>"
                       "<source file='/d/%u'/><target bus='xen' dev='xvd%c%c%c%c'/></disk>",
                    i, 'a' + i / 17576 % 26, 'a' + i / 676 % 26, 'a' + i / 26 % 26,
                    'a' + i % 26);
    xc_buf_add(b, "</devices>\n</domain>\n");
}

static void x_disks_reversed(struct xc_buf *b, unsigned n)
{
    disks_reversed(b, n, "");
}

static void xs_disks_reversed(struct xc_buf *b, unsigned n)
{
    disks_reversed(b, n, loader);
}

/* n unknown elements (n warnings and leftovers). */
static void x_unknown_elems(struct xc_buf *b, unsigned n)
{
    xml_head(b, "");
    xc_buf_add(b, "  <devices>\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "    <gadget%u kind='x'/>\n", i % 7);
    xc_buf_add(b, "  </devices>\n</domain>\n");
}

/* Unknown elements nested n deep. */
static void x_deep(struct xc_buf *b, unsigned n)
{
    xml_head(b, "");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "<x>");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "</x>");
    xc_buf_add(b, "\n</domain>\n");
}

/* n controllers of one type in descending index order, some unindexed. */
static void x_controllers(struct xc_buf *b, unsigned n)
{
    xml_head(b, "");
    xc_buf_add(b, "  <devices>\n");
    for (unsigned i = 0; i < n; i++) {
        if (i % 10 == 5)
            xc_buf_add(b, "    <controller type='usb' model='qusb2'/>\n");
        else
            xc_buf_addf(b, "    <controller type='usb' index='%u' model='qusb2'/>\n",
                        n - i);
    }
    xc_buf_add(b, "  </devices>\n</domain>\n");
}

/* n/50 serials, n consoles and n channels. */
static void x_chrs(struct xc_buf *b, unsigned n)
{
    xml_head(b, "");
    xc_buf_add(b, "  <devices>\n");
    /* the xl writer refuses serial ports above 4096 */
    for (unsigned i = 0; i < n / 50 && i < 4000; i++)
        xc_buf_addf(b, "    <serial type='file'><source path='/var/log/s%u'/></serial>\n", i);
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "    <console type='pty'><target type='xen'/></console>\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "    <channel type='pty'><target type='xen' name='c%u'/></channel>\n", i);
    xc_buf_add(b, "  </devices>\n</domain>\n");
}

/* One huge string, full of characters that need escaping. */
static void x_huge_string(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "<domain type='xen'>\n  <name>g</name>\n"
                  "  <memory unit='KiB'>524288</memory>\n  <os>\n    <type>xen</type>\n"
                  "    <kernel>/boot/vmlinuz</kernel>\n    <cmdline>");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, i % 3 ? "a=b\\ " : "&quot;x&amp;");
    xc_buf_add(b, "</cmdline>\n  </os>\n  <description>");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "&lt;text&gt; ");
    xc_buf_add(b, "</description>\n</domain>\n");
}

/* n interfaces with 4 addresses each, and one with n addresses. */
static void x_ifaces(struct xc_buf *b, unsigned n)
{
    xml_head(b, "");
    xc_buf_add(b, "  <devices>\n");
    for (unsigned i = 0; i < n; i++) {
        xc_buf_addf(b, "    <interface type='bridge'><mac address='00:16:3e:%02x:%02x:%02x'/>"
                       "<source bridge='br0'/>", i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff);
        for (unsigned k = 0; k < 4; k++)
            xc_buf_addf(b, "<ip address='10.%u.%u.%u'/>", k, i >> 8 & 0xff, i & 0xff);
        xc_buf_add(b, "</interface>\n");
    }
    xc_buf_add(b, "    <interface type='bridge'><source bridge='br1'/>");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "<ip address='10.200.%u.%u'/>", i >> 8 & 0xff, i & 0xff);
    xc_buf_add(b, "</interface>\n  </devices>\n</domain>\n");
}

/* n interfaces with one address each (xend's vif takes one). */
static void xs_ifaces(struct xc_buf *b, unsigned n)
{
    xml_head_os(b, "", loader);
    xc_buf_add(b, "  <devices>\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "    <interface type='bridge'><mac address='00:16:3e:%02x:%02x:%02x'/>"
                       "<source bridge='br0'/><ip address='10.0.%u.%u'/>"
                       "<script path='vif-bridge'/></interface>\n",
                    i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff, i >> 8 & 0xff, i & 0xff);
    xc_buf_add(b, "  </devices>\n</domain>\n");
}

/* n PCI host devices. */
static void x_hostdevs(struct xc_buf *b, unsigned n)
{
    xml_head(b, "");
    xc_buf_add(b, "  <devices>\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "    <hostdev mode='subsystem' type='pci' managed='no'><source>"
                       "<address domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x%x'/>"
                       "</source></hostdev>\n", i >> 13 & 0xffff, i >> 5 & 0xff, i & 0x1f, 0);
    xc_buf_add(b, "  </devices>\n</domain>\n");
}

/* Text in n elements that take none (n warnings). */
static void x_stray_text(struct xc_buf *b, unsigned n)
{
    xml_head(b, "");
    xc_buf_add(b, "  <devices>\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "    <input type='tablet' bus='usb'>stray</input>\n");
    xc_buf_add(b, "  </devices>\n</domain>\n");
}

/* ---- generators: xl ------------------------------------------------------ */

static void xl_head(struct xc_buf *b, bool hvm)
{
    xc_buf_add(b, "name = \"g\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\n"
                  "memory = 512\n");
    xc_buf_add(b, hvm ? "builder = \"hvm\"\n" : "kernel = \"/boot/vmlinuz\"\n");
}

/* n distinct keys nothing reads (n warnings). */
static void l_keys(struct xc_buf *b, unsigned n)
{
    xl_head(b, false);
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "unknown_key_%u = %u\n", i, i);
}

/* One key repeated n times, and n '+=' entries. */
static void l_dup_keys(struct xc_buf *b, unsigned n)
{
    xl_head(b, false);
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "memory = %u\nextra += \"x\"\n", 256 + i);
}

/* One huge string with escapes, and one huge triple-quoted one. */
static void l_huge_string(struct xc_buf *b, unsigned n)
{
    xl_head(b, false);
    xc_buf_add(b, "cmdline = \"");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, i % 3 ? "a=b " : "\\\"x\\\\");
    xc_buf_add(b, "\"\ndescription = \"\"\"");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "line\n");
    xc_buf_add(b, "\"\"\"\n");
}

/* One vif with n addresses and n unused options; n small vifs. */
static void l_vifs(struct xc_buf *b, unsigned n)
{
    xl_head(b, false);
    xc_buf_add(b, "vif = [ \"bridge=br0,ip=");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "%s10.%u.%u.%u", i ? " " : "", i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff);
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, ",opt%u=1", i % 10);
    xc_buf_add(b, "\",\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "  \"mac=00:16:3e:%02x:%02x:%02x,bridge=xenbr0,ip=10.1.%u.%u\",\n",
                    i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff, i >> 8 & 0xff, i & 0xff);
    xc_buf_add(b, "]\n");
}

/* A pci list of n items. */
static void l_pci(struct xc_buf *b, unsigned n)
{
    xl_head(b, false);
    xc_buf_add(b, "pci = [\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "  \"%04x:%02x:%02x.%x,permissive=1\",\n", i >> 13 & 0xffff,
                    i >> 5 & 0xff, i & 0x1f, 0);
    xc_buf_add(b, "]\n");
}

/* a serial list of n/25 items and a channel list of n. */
static void l_chrs(struct xc_buf *b, unsigned n)
{
    xl_head(b, true);
    /* the readers refuse serial ports past 4096 (the writers list ports up
     * to there): n/25 serials keep both sizes below that and still scale */
    xc_buf_add(b, "serial = [\n");
    for (unsigned i = 0; i < n / 25; i++)
        xc_buf_addf(b, "  \"file:/var/log/s%u\",\n", i);
    xc_buf_add(b, "]\nchannel = [\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "  \"connection=pty,name=org.c%u\",\n", i);
    xc_buf_add(b, "]\n");
}

/* n device-model arguments and a soundhw list of n models. */
static void l_lists(struct xc_buf *b, unsigned n)
{
    xl_head(b, true);
    xc_buf_add(b, "device_model_args = [\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "  \"-arg%u\",\n", i);
    xc_buf_add(b, "]\nsoundhw = \"");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, i ? ",ac97" : "ac97");
    xc_buf_add(b, "\"\n");
}

/* One disk spec with many repeated options, and n disks on one line. */
static void l_disk_specs(struct xc_buf *b, unsigned n)
{
    xl_head(b, false);
    xc_buf_add(b, "disk = [ \"format=raw,vdev=xvda,access=rw");
    /* one spec stays under the 16384 bytes that the xl reader refuses
     * (libxlutil's scanner overflows its buffer from there) */
    for (unsigned i = 0; i < n && i < 1000; i++)
        xc_buf_add(b, ",backendtype=phy");
    xc_buf_add(b, ",target=/dev/vg/a\"");
    for (unsigned i = 1; i <= n; i++)
        xc_buf_addf(b, ", \"/dev/vg/d%u,raw,xvd%c%c%c%c,rw\"", i, 'a' + i / 17576 % 26,
                    'a' + i / 676 % 26, 'a' + i / 26 % 26, 'a' + i % 26);
    xc_buf_add(b, " ]\n");
}

/* n comment lines and blank lines around few keys. */
static void l_comments(struct xc_buf *b, unsigned n)
{
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "# a comment line\n\n");
    xl_head(b, false);
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "   ; \n");
}

/* ---- generators: sxpr ----------------------------------------------------- */

static void s_head(struct xc_buf *b)
{
    xc_buf_add(b, "(domain (name g) (uuid c7a5fdb2-cdaf-9455-926a-d65c16db1809)\n"
                  " (memory 512) (vcpus 1) (image (linux (kernel /boot/vmlinuz)))\n");
}

/* Lists nested n deep inside a key the reader does not know. */
static void s_deep(struct xc_buf *b, unsigned n)
{
    s_head(b);
    xc_buf_add(b, " (unknown_key ");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "(x ");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addc(b, ')');
    xc_buf_add(b, "))\n");
}

/* One huge quoted atom with escapes (kernel args), one huge bare atom. */
static void s_huge_atom(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "(domain (name g) (uuid c7a5fdb2-cdaf-9455-926a-d65c16db1809)\n"
                  " (memory 512) (vcpus 1) (image (linux (kernel /boot/vmlinuz) (args '");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, i % 3 ? "a=b " : "\\'x\\\\");
    xc_buf_add(b, "'))) (description ");
    for (unsigned i = 0; i < n; i++)
        xc_buf_add(b, "word");
    xc_buf_add(b, "))\n");
}

/* n distinct keys nothing reads (n warnings). */
static void s_keys(struct xc_buf *b, unsigned n)
{
    s_head(b);
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, " (unknown_key_%u %u)\n", i, i);
    xc_buf_add(b, ")\n");
}

/* n disks and n interfaces. */
static void s_devices(struct xc_buf *b, unsigned n)
{
    s_head(b);
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, " (device (vbd (dev xvd%c%c%c%c) (uname phy:/dev/vg/d%u) (mode w)))\n"
                       " (device (vif (mac 00:16:3e:%02x:%02x:%02x) (bridge xenbr0)))\n",
                    'a' + i / 17576 % 26, 'a' + i / 676 % 26, 'a' + i / 26 % 26,
                    'a' + i % 26, i, i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff);
    xc_buf_add(b, ")\n");
}

/* ---- generators: xm (migrate) ------------------------------------------ */

/* A disk name: PREFIXa .. PREFIXz, PREFIXaa, ... */
static void disk_name(struct xc_buf *b, const char *prefix, unsigned k)
{
    char s[16];
    int i = (int)sizeof(s) - 1;
    s[i] = '\0';
    for (unsigned n = k + 1; n > 0; n = (n - 1) / 26)
        s[--i] = (char)('a' + (n - 1) % 26);
    xc_buf_add(b, prefix);
    xc_buf_add(b, s + i);
}

/* An HVM xm config with n disks on one line, of every kind migrate
 * rewrites (most masked in the check), n vifs, n pci devices, n unknown
 * keys and n keys xl does not have. */
static void m_devices(struct xc_buf *b, unsigned n)
{
    static const char *const pre[] = {
        "'tap:aio:/srv/d", "'file:/srv/d", "'phy:/dev/vg/d", "'tap:qcow2:/srv/d",
        "'phy:/dev/vg/d",
    };
    static const char *const post[] = {".img,", ".img,", ",", ".qcow2,", ","};
    static const char *const modes[] = {",w'", ",w'", ",w!'", ",r'", ",w'"};
    xc_buf_add(b, "name = \"g\"\nmemory = 512\n"
                  "kernel = \"/usr/lib/xen/boot/hvmloader\"\nbuilder = \"hvm\"\n"
                  "device_model = \"/usr/lib/xen/bin/qemu-dm\"\ndisk = [");
    for (unsigned i = 0; i < n; i++) {
        xc_buf_addf(b, "%s%s%u%s", i ? ", " : " ", pre[i % 5], i, post[i % 5]);
        disk_name(b, "hd", i);
        xc_buf_add(b, modes[i % 5]);
    }
    xc_buf_add(b, " ]\nvif = [\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "  'mac=00:16:3e:%02x:%02x:%02x,bridge=xenbr0',\n",
                    i >> 16 & 0xff, i >> 8 & 0xff, i & 0xff);
    xc_buf_add(b, "]\npci = [\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "  '%04x:%02x:%02x.0',\n", i >> 13 & 0xffff, i >> 5 & 0xff, i & 0x1f);
    xc_buf_add(b, "]\n");
    for (unsigned i = 0; i < n; i++)
        xc_buf_addf(b, "unknown_%u = 1\nvncconsole = 1\n", i);
}

/* n plain disks on one line: kept as they are by the check, so the time
 * is the rules' (each list item finds its disk in the model). */
static void m_disks(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "name = \"g\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\n"
                  "memory = 512\nkernel = \"/boot/vmlinuz\"\ndisk = [");
    for (unsigned i = 0; i < n; i++) {
        xc_buf_addf(b, "%s'phy:/dev/vg/d%u,", i ? ", " : " ", i);
        disk_name(b, "xvd", i);
        xc_buf_add(b, ",w'");
    }
    xc_buf_add(b, " ]\n");
}

/* ---- the cases ------------------------------------------------------------- */

/* Which conversion a case runs. */
enum dir { XML_TO_XL, XL_TO_XML, SXPR_TO_XML, XML_TO_SXPR, MIGRATE };

struct bcase {
    const char *name;
    enum dir dir;
    void (*gen)(struct xc_buf *, unsigned);
    unsigned n;          /* base size; 10n is the second run */
};

static const struct bcase cases[] = {
    {"xml: unknown attributes on one tag", XML_TO_XL, x_attrs, 20000},
    {"xml: unknown attributes on one line", XML_TO_XL, x_attrs_oneline, 20000},
    {"xml: disks, attributes reversed", XML_TO_XL, x_disks_reversed, 5000},
    {"xml: unknown elements (warnings)", XML_TO_XL, x_unknown_elems, 20000},
    {"xml: unknown elements nested deep", XML_TO_XL, x_deep, 100000},
    {"xml: controllers, descending index", XML_TO_XL, x_controllers, 10000},
    {"xml: serials, consoles, channels", XML_TO_XL, x_chrs, 5000},
    {"xml: one huge string", XML_TO_XL, x_huge_string, 100000},
    {"xml: interfaces with many ips", XML_TO_XL, x_ifaces, 2000},
    {"xml: pci hostdevs", XML_TO_XL, x_hostdevs, 5000},
    {"xml: stray text (warnings)", XML_TO_XL, x_stray_text, 20000},
    {"xl: distinct unknown keys", XL_TO_XML, l_keys, 20000},
    {"xl: repeated keys", XL_TO_XML, l_dup_keys, 10000},
    {"xl: one huge string", XL_TO_XML, l_huge_string, 200000},
    {"xl: vifs, one with many ips/options", XL_TO_XML, l_vifs, 5000},
    {"xl: pci list", XL_TO_XML, l_pci, 10000},
    {"xl: serial and channel lists", XL_TO_XML, l_chrs, 10000},
    {"xl: dm args and soundhw lists", XL_TO_XML, l_lists, 20000},
    {"xl: disk specs", XL_TO_XML, l_disk_specs, 5000},
    {"xl: comments and blank lines", XL_TO_XML, l_comments, 200000},
    /* 300,000 levels at 1x: at 100,000 the tree still fits in the caches
     * and the 10x run pays the misses, a 20-60x ratio that is no
     * super-linear path (300,000 vs 3,000,000 levels: ~9x) */
    {"sxpr: lists nested deep (unknown key)", SXPR_TO_XML, s_deep, 300000},
    {"sxpr: one huge atom, quoted and bare", SXPR_TO_XML, s_huge_atom, 200000},
    {"sxpr: distinct unknown keys", SXPR_TO_XML, s_keys, 20000},
    {"sxpr: disks and interfaces", SXPR_TO_XML, s_devices, 5000},
    {"xml -> sxpr: one huge string", XML_TO_SXPR, x_huge_string, 100000},
    {"xml -> sxpr: disks, attributes reversed", XML_TO_SXPR, xs_disks_reversed, 5000},
    {"xml -> sxpr: interfaces", XML_TO_SXPR, xs_ifaces, 5000},
    {"migrate: disks, vifs, pci, keys", MIGRATE, m_devices, 1000},
    {"migrate: disks on one line", MIGRATE, m_disks, 5000},
};

/* The reports of the migrate case go here (a temporary directory). */
static char report_dir[] = "/tmp/bench_adversarial.XXXXXX";

/* `xenconv migrate --report --report-json` of one config, in-process:
 * rules, edits, the check's two conversions, the reports. */
static int migrate(const struct xc_source *src, const struct xc_settings *set,
                   struct xc_buf *out, struct xc_diags *d)
{
    struct xc_mig_file f = {0};
    struct xc_mig_totals t = {0};
    struct xc_buf md = {0}, json = {0};
    xc_buf_addf(&md, "%s/r.md", report_dir);
    xc_buf_addf(&json, "%s/r.json", report_dir);
    struct xc_mig_report *rep = xc_mig_report_open(xc_buf_str(&md),
                                                   xc_buf_str(&json), d);
    f.input = src->name;
    xc_mig_file_run(&f, src, false, set);
    t.files = 1;
    t.migrated = f.status == XC_MIG_MIGRATED;
    t.kept = f.nkept;
    t.changed = f.nchanged;
    t.lost = f.nlost;
    xc_mig_report_file(rep, &f);
    if (rep)
        xc_mig_report_close(rep, &t, d);
    int rc = f.status == XC_MIG_MIGRATED && rep ? 0 : -1;
    /* the file's diagnostics are the run's (printed by the caller) */
    for (size_t i = 0; i < f.d.list.n; i++)
        *xc_vec_push(&d->list) = f.d.list.v[i];
    d->nerrors += f.d.nerrors;
    f.d.list.n = 0;
    xc_buf_add_len(out, xc_buf_str(&f.xl), f.xl.len);
    xc_mig_file_free(&f);
    unlink(xc_buf_str(&md));
    unlink(xc_buf_str(&json));
    xc_buf_free(&md);
    xc_buf_free(&json);
    return rc;
}

/* Seconds for one conversion of text (diagnostics printed to sink). */
static double run(const struct bcase *bc, const struct xc_buf *text,
                  const struct xc_settings *set, FILE *sink, size_t *out_len,
                  size_t *ndiags, int *rc)
{
    struct xc_source src;
    struct xc_diags d = {0};
    struct xc_buf out = {0};
    static const struct {
        const struct xc_format *from, *to;
        const char *name;
    } dirs[] = {
        [XML_TO_XL] = {&xc_format_xml, &xc_format_xl, "adv.xml"},
        [XL_TO_XML] = {&xc_format_xl, &xc_format_xml, "adv.cfg"},
        [SXPR_TO_XML] = {&xc_format_sxpr, &xc_format_xml, "adv.sxpr"},
        [XML_TO_SXPR] = {&xc_format_xml, &xc_format_sxpr, "adv.xml"},
        [MIGRATE] = {NULL, NULL, "adv.xm"},
    };
    xc_source_from_mem(&src, dirs[bc->dir].name, text->data, text->len);
    double t0 = now();
    if (bc->dir == MIGRATE)
        *rc = migrate(&src, set, &out, &d);
    else
        *rc = xc_convert_source(dirs[bc->dir].from, dirs[bc->dir].to,
                                dirs[bc->dir].from == &xc_format_xml ? XC_ORIGIN_XML
                                                                     : XC_ORIGIN_NATIVE,
                                &src, set, &out, &d);
    xc_diags_print(&d, sink);
    fflush(sink);
    double t = now() - t0;
    for (size_t i = 0; *rc < 0 && i < d.list.n; i++)
        if (d.list.v[i].sev == XC_SEV_ERROR) {
            fprintf(stderr, "  (%s: %u:%u: %s)\n", bc->name, d.list.v[i].pos.line,
                    d.list.v[i].pos.col, d.list.v[i].msg);
            break;
        }
    *out_len = out.len;
    *ndiags = d.list.n;
    xc_diags_free(&d);
    xc_buf_free(&out);
    xc_source_free(&src);
    return t;
}

int main(int argc, char **argv)
{
    double scale = argc > 1 ? strtod(argv[1], NULL) : 1.0;
    double limit = argc > 2 ? strtod(argv[2], NULL) : 30.0;
    const char *only = argc > 3 ? argv[3] : NULL;
    FILE *sink = fopen("/dev/null", "w");
    if (!sink || scale <= 0 || !mkdtemp(report_dir)) {
        fprintf(stderr, "bench_adversarial: bad arguments, no /dev/null or no "
                        "temporary directory\n");
        return 2;
    }
    struct xc_settings set;
    xc_settings_init(&set);
    int failed = 0;

    printf("adversarial scaling (time for 10x input / time for 1x; linear ~10x, "
           "limit %.0fx):\n", limit);
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        const struct bcase *bc = &cases[k];
        if (only && !strstr(bc->name, only))
            continue;
        double t[2], ratio = 0;
        size_t in_len[2], out_len[2], ndiags[2];
        int rc[2];
        /* a ratio over the limit with short runs is measured once more
         * before it counts, so a noisy machine does not fail the bench: a
         * quadratic path fails both times */
        for (int attempt = 0; attempt < 2; attempt++) {
            for (int big = 0; big < 2; big++) {
                unsigned n = (unsigned)(bc->n * scale) * (big ? 10 : 1);
                struct xc_buf text = {0};
                bc->gen(&text, n ? n : 1);
                in_len[big] = text.len;
                /* best of three, unless a run is slow (as a quadratic one is) */
                t[big] = 1e9;
                for (int rep = 0; rep < 3; rep++) {
                    double sec = run(bc, &text, &set, sink, &out_len[big], &ndiags[big],
                                     &rc[big]);
                    if (sec < t[big])
                        t[big] = sec;
                    if (sec > 1.0)
                        break;
                }
                xc_buf_free(&text);
            }
            ratio = t[1] / (t[0] > 1e-6 ? t[0] : 1e-6);
            if (ratio <= limit || t[1] > 1.0)
                break;
        }
        bool bad = ratio > limit;
        /* a refused input would time only the way to the refusal */
        bool refused = rc[0] != 0 || rc[1] != 0;
        printf("  %-40s %9zu -> %10zu bytes in, %7zu diags, rc %d: %.4f s -> %.4f s = %5.1fx%s\n",
               bc->name, in_len[0], in_len[1], ndiags[1], rc[1], t[0], t[1], ratio,
               bad ? "  SUPER-LINEAR" : refused ? "  REFUSED (the shape no longer converts)" : "");
        if (refused)
            failed = 1;
        (void)out_len;
        if (bad)
            failed = 1;
    }
    xc_settings_free(&set);
    fclose(sink);
    rmdir(report_dir);
    if (failed)
        printf("bench_adversarial: a shape was refused, or a ratio exceeds %.0fx "
               "(some path is super-linear)\n", limit);
    return failed;
}
