/* make bench: throughput over a generated corpus of varied xl configs,
 * converted xl -> XML and back in one process, and a scaling check with
 * one config of 10,000 and one of 100,000 disks (time should grow ~10x);
 * the same for a corpus of xm configs (xm -> XML -> xm, and xm -> xl) and
 * one of xend S-expressions (sxpr -> XML -> sxpr, and sxpr -> xl). */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "common/buf.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/sxpr/sxpr.h"
#include "formats/xl/xl.h"
#include "formats/xm/xm.h"
#include "formats/xml/xml.h"

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static unsigned long rng = 12345;
static unsigned pick(unsigned n)
{
    rng = rng * 6364136223846793005UL + 1442695040888963407UL;
    return (unsigned)((rng >> 33) % n);
}

/* Bijective base-26 disk suffix: 0 -> a, 25 -> z, 26 -> aa ... */
static void disk_name(struct xc_buf *b, const char *prefix, unsigned i)
{
    char tmp[16];
    int n = 0;
    i++;
    while (i && n < 15) {
        i--;
        tmp[n++] = (char)('a' + i % 26);
        i /= 26;
    }
    xc_buf_add(b, prefix);
    while (n)
        xc_buf_addc(b, tmp[--n]);
}

static void gen_config(struct xc_buf *b, unsigned i)
{
    static const char *const formats[] = {"raw", "qcow2", "vhd", "qed"};
    static const char *const models[] = {"e1000", "rtl8139", "netfront"};
    unsigned kind = pick(3);   /* 0 PV, 1 PVH, 2 HVM */
    xc_buf_addf(b, "name = \"guest%u\"\n", i);
    xc_buf_addf(b, "uuid = \"%08x-1234-4abc-8def-%012x\"\n", i, i * 7919u);
    xc_buf_addf(b, "maxmem = %u\nmemory = %u\n", 512 + pick(4) * 256, 512);
    xc_buf_addf(b, "vcpus = %u\n", 1 + pick(4));
    xc_buf_add(b, "on_poweroff = \"destroy\"\non_reboot = \"restart\"\non_crash = \"restart\"\n");
    if (kind == 2) {
        xc_buf_add(b, "builder = \"hvm\"\nacpi = 1\napic = 1\npae = 1\nboot = \"dc\"\n");
        xc_buf_add(b, "vnc = 1\nvncunused = 1\nvnclisten = \"127.0.0.1\"\nserial = \"pty\"\n");
        if (pick(2))
            xc_buf_add(b, "hpet = 1\ntsc_mode = \"native\"\n");
    } else {
        if (kind == 1)
            xc_buf_add(b, "type = \"pvh\"\n");
        if (pick(2))
            xc_buf_add(b, "bootloader = \"pygrub\"\n");
        else
            xc_buf_addf(b, "kernel = \"/boot/vmlinuz-%u\"\nramdisk = \"/boot/initrd-%u\"\n"
                           "cmdline = \"root=/dev/xvda1 console=hvc0\"\n", i, i);
    }
    unsigned nvif = 1 + pick(3);
    xc_buf_add(b, "vif = [ ");
    for (unsigned v = 0; v < nvif; v++)
        xc_buf_addf(b, "%s\"mac=00:16:3e:%02x:%02x:%02x,bridge=xenbr%u%s%s\"",
                    v ? ", " : "", i >> 8 & 0xff, i & 0xff, v, v,
                    kind == 2 ? ",model=" : "", kind == 2 ? models[pick(2)] : "");
    xc_buf_add(b, " ]\n");
    unsigned ndisk = 1 + pick(4);
    xc_buf_add(b, "disk = [ ");
    for (unsigned k = 0; k < ndisk; k++) {
        xc_buf_addf(b, "%s\"format=%s,vdev=", k ? ", " : "", formats[pick(4)]);
        disk_name(b, kind == 2 ? "hd" : "xvd", k);
        xc_buf_addf(b, ",access=rw,backendtype=qdisk,target=/var/lib/xen/images/g%u-%u.img\"", i, k);
    }
    xc_buf_add(b, " ]\n");
}

/* An xm config: old-style disk specs, kernel = hvmloader for HVM. */
static void gen_config_xm(struct xc_buf *b, unsigned i)
{
    static const char *const prefixes[] = {"phy:/dev/vg/", "file:/var/lib/xen/",
                                           "tap:aio:/var/lib/xen/",
                                           "tap:qcow2:/var/lib/xen/"};
    static const char *const models[] = {"e1000", "rtl8139", "netfront"};
    bool hvm = pick(2);
    xc_buf_addf(b, "name = \"guest%u\"\n", i);
    xc_buf_addf(b, "uuid = \"%08x-1234-4abc-8def-%012x\"\n", i, i * 7919u);
    xc_buf_addf(b, "maxmem = %u\nmemory = %u\n", 512 + pick(4) * 256, 512);
    xc_buf_addf(b, "vcpus = %u\n", 1 + pick(4));
    if (hvm) {
        xc_buf_add(b, "builder = \"hvm\"\nkernel = \"/usr/lib/xen/boot/hvmloader\"\n"
                      "acpi = 1\napic = 1\npae = 1\nboot = \"dc\"\n"
                      "vnc = 1\nvncunused = 1\nserial = \"pty\"\n");
        if (pick(2))
            xc_buf_add(b, "usbdevice = \"tablet\"\nsoundhw = \"sb16\"\n");
    } else if (pick(2)) {
        xc_buf_add(b, "bootloader = \"/usr/bin/pygrub\"\n");
    } else {
        xc_buf_addf(b, "kernel = \"/boot/vmlinuz-%u\"\nroot = \"/dev/xvda1\"\n"
                       "extra = \"console=hvc0\"\n", i);
    }
    unsigned nvif = 1 + pick(3);
    xc_buf_add(b, "vif = [ ");
    for (unsigned v = 0; v < nvif; v++)
        xc_buf_addf(b, "%s\"mac=00:16:3e:%02x:%02x:%02x,bridge=xenbr%u%s%s\"",
                    v ? ", " : "", i >> 8 & 0xff, i & 0xff, v, v,
                    hvm ? ",model=" : "", hvm ? models[pick(3)] : "");
    xc_buf_add(b, " ]\n");
    unsigned ndisk = 1 + pick(4);
    xc_buf_add(b, "disk = [ ");
    for (unsigned k = 0; k < ndisk; k++) {
        xc_buf_addf(b, "%s\"%sg%u-%u,", k ? ", " : "", prefixes[pick(4)], i, k);
        disk_name(b, hvm ? "hd" : "xvd", k);
        xc_buf_add(b, pick(4) ? ",w\"" : ",r\"");
    }
    xc_buf_add(b, " ]\n");
}

static void gen_many_disks_xm(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "name = \"big\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\n"
                  "memory = 1024\nvcpus = 2\nkernel = \"/boot/vmlinuz\"\ndisk = [\n");
    for (unsigned k = 0; k < n; k++) {
        xc_buf_addf(b, "  \"phy:/dev/vg/disk%u,", k);
        disk_name(b, "xvd", k);
        xc_buf_add(b, ",w\",\n");
    }
    xc_buf_add(b, "]\n");
}

static void gen_many_disks(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "name = \"big\"\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\n"
                  "memory = 1024\nvcpus = 2\nkernel = \"/boot/vmlinuz\"\ndisk = [\n");
    for (unsigned k = 0; k < n; k++) {
        xc_buf_add(b, "  \"format=raw,vdev=");
        disk_name(b, "xvd", k);
        xc_buf_addf(b, ",access=rw,backendtype=phy,target=/dev/vg/disk%u\",\n", k);
    }
    xc_buf_add(b, "]\n");
}

/* A domain as xend reports it (`xm list -l`): PV with a kernel or
 * pygrub, or HVM; file/phy/tap disks, bridged interfaces. */
static void gen_config_sxpr(struct xc_buf *b, unsigned i)
{
    static const char *const unames[] = {"phy:/dev/vg/", "file:/var/lib/xen/",
                                         "tap:aio:/var/lib/xen/",
                                         "tap:qcow:/var/lib/xen/"};
    static const char *const models[] = {"e1000", "rtl8139", "netfront"};
    bool hvm = pick(2);
    /* never domid 0: xenParseSxpr reads no image for dom0 */
    xc_buf_addf(b, "(domain\n    (domid %u)\n    (name 'guest%u')\n", 1 + i % 100, i);
    xc_buf_addf(b, "    (uuid '%08x-1234-4abc-8def-%012x')\n", i, i * 7919u);
    xc_buf_addf(b, "    (memory 512)\n    (maxmem %u)\n    (vcpus %u)\n",
                512 + pick(4) * 256, 1 + pick(4));
    xc_buf_add(b, "    (on_poweroff destroy)\n    (on_reboot restart)\n"
                  "    (on_crash restart)\n");
    if (hvm) {
        xc_buf_add(b, "    (image\n        (hvm\n"
                      "            (kernel /usr/lib/xen/boot/hvmloader)\n"
                      "            (device_model /usr/lib/xen/bin/qemu-system-i386)\n"
                      "            (boot dc)\n            (acpi 1)\n            (apic 1)\n"
                      "            (pae 1)\n            (vnc 1)\n            (vncunused 1)\n"
                      "            (serial pty)\n");
        if (pick(2))
            xc_buf_add(b, "            (usbdevice tablet)\n            (localtime 1)\n");
        xc_buf_add(b, "        )\n    )\n");
    } else if (pick(2)) {
        xc_buf_add(b, "    (bootloader /usr/bin/pygrub)\n"
                      "    (image (linux (kernel '') (args '')))\n");
    } else {
        xc_buf_addf(b, "    (image\n        (linux\n"
                       "            (kernel '/boot/vmlinuz-%u')\n"
                       "            (ramdisk '/boot/initrd-%u')\n"
                       "            (args 'root=/dev/xvda1 console=hvc0')\n"
                       "        )\n    )\n", i, i);
    }
    unsigned nvif = 1 + pick(3);
    for (unsigned v = 0; v < nvif; v++) {
        xc_buf_addf(b, "    (device (vif (mac '00:16:3e:%02x:%02x:%02x') (bridge xenbr%u)"
                       " (script vif-bridge)", i >> 8 & 0xff, i & 0xff, v, v);
        if (hvm)
            xc_buf_addf(b, " (model %s) (type ioemu)", models[pick(3)]);
        xc_buf_add(b, "))\n");
    }
    unsigned ndisk = 1 + pick(3);
    for (unsigned k = 0; k < ndisk; k++) {
        xc_buf_addf(b, "    (device (%s (dev '", pick(2) ? "vbd" : "tap");
        disk_name(b, hvm ? "hd" : "xvd", k);
        xc_buf_addf(b, "%s') (uname '%sg%u-%u') (mode %s)))\n", hvm ? ":disk" : "",
                    unames[pick(4)], i, k, pick(4) ? "w" : "r");
    }
    xc_buf_add(b, ")\n");
}

static void gen_many_disks_sxpr(struct xc_buf *b, unsigned n)
{
    xc_buf_add(b, "(domain (name big) (uuid c7a5fdb2-cdaf-9455-926a-d65c16db1809)\n"
                  " (memory 1024) (vcpus 2) (image (linux (kernel /boot/vmlinuz)))\n");
    for (unsigned k = 0; k < n; k++) {
        xc_buf_add(b, " (device (vbd (dev ");
        disk_name(b, "xvd", k);
        xc_buf_addf(b, ") (uname phy:/dev/vg/disk%u) (mode w)))\n", k);
    }
    xc_buf_add(b, ")\n");
}

static long peak_rss_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

/* Convert one in-memory text; returns seconds, fails loudly on error. */
static double convert(const struct xc_format *from, const struct xc_format *to,
                      enum xc_origin origin, const char *name, const char *text,
                      size_t len, const struct xc_settings *set, struct xc_buf *out)
{
    struct xc_source src;
    struct xc_diags d = {0};
    xc_source_from_mem(&src, name, text, len);
    double t0 = now();
    int rc = xc_convert_source(from, to, origin, &src, set, out, &d);
    double t = now() - t0;
    if (rc < 0) {
        xc_diags_print(&d, stderr);
        fprintf(stderr, "bench: the input of %s was:\n%.*s\n", name,
                (int)(len < 4000 ? len : 4000), text);
        exit(1);
    }
    xc_diags_free(&d);
    xc_source_free(&src);
    return t;
}

/* xm corpus: xm -> XML -> xm, and xm -> xl; then xm scaling. */
static void bench_xm(unsigned count, unsigned big, const struct xc_settings *set)
{
    struct xc_buf corpus = {0}, xml = {0}, out = {0};
    size_t *offs = calloc(count + 1, sizeof(*offs));
    for (unsigned i = 0; i < count; i++) {
        offs[i] = corpus.len;
        gen_config_xm(&corpus, i);
        xc_buf_addc(&corpus, '\0');
    }
    offs[count] = corpus.len;
    double t_xml = 0, t_back = 0, t_xl = 0;
    for (unsigned i = 0; i < count; i++) {
        const char *text = corpus.data + offs[i];
        size_t len = offs[i + 1] - offs[i] - 1;
        xc_buf_reset(&xml);
        t_xml += convert(&xc_format_xm, &xc_format_xml, XC_ORIGIN_NATIVE, "gen.cfg",
                         text, len, set, &xml);
        xc_buf_reset(&out);
        t_back += convert(&xc_format_xml, &xc_format_xm, XC_ORIGIN_XML, "gen.xml",
                          xml.data, xml.len, set, &out);
        xc_buf_reset(&out);
        t_xl += convert(&xc_format_xm, &xc_format_xl, XC_ORIGIN_NATIVE, "gen.cfg",
                        text, len, set, &out);
    }
    printf("corpus: %u xm configs (%zu bytes)\n", count, corpus.len);
    printf("xm -> xml: %.0f configs/s (%.3f s)\n", count / t_xml, t_xml);
    printf("xml -> xm: %.0f configs/s (%.3f s)\n", count / t_back, t_back);
    printf("xm -> xl: %.0f configs/s (%.3f s)\n", count / t_xl, t_xl);
    free(offs);
    xc_buf_free(&corpus);

    double t[2][3];
    for (int k = 0; k < 2; k++) {
        unsigned n = k ? big : big / 10;
        struct xc_buf cfg = {0};
        gen_many_disks_xm(&cfg, n);
        xc_buf_reset(&xml);
        t[k][0] = convert(&xc_format_xm, &xc_format_xml, XC_ORIGIN_NATIVE, "big.cfg",
                          cfg.data, cfg.len, set, &xml);
        xc_buf_reset(&out);
        t[k][1] = convert(&xc_format_xml, &xc_format_xm, XC_ORIGIN_XML, "big.xml",
                          xml.data, xml.len, set, &out);
        xc_buf_reset(&out);
        t[k][2] = convert(&xc_format_xm, &xc_format_xl, XC_ORIGIN_NATIVE, "big.cfg",
                          cfg.data, cfg.len, set, &out);
        printf("%u xm disks: xm -> xml %.3f s, xml -> xm %.3f s, xm -> xl %.3f s\n",
               n, t[k][0], t[k][1], t[k][2]);
        xc_buf_free(&cfg);
    }
    printf("10x input: xm -> xml took %.1fx, xml -> xm %.1fx, xm -> xl %.1fx "
           "(linear is ~10x)\n", t[1][0] / t[0][0], t[1][1] / t[0][1],
           t[1][2] / t[0][2]);
    xc_buf_free(&xml);
    xc_buf_free(&out);
}

/* sxpr corpus: sxpr -> XML -> sxpr, and sxpr -> xl; then sxpr scaling. */
static void bench_sxpr(unsigned count, unsigned big, const struct xc_settings *set)
{
    struct xc_buf corpus = {0}, xml = {0}, out = {0};
    size_t *offs = calloc(count + 1, sizeof(*offs));
    for (unsigned i = 0; i < count; i++) {
        offs[i] = corpus.len;
        gen_config_sxpr(&corpus, i);
        xc_buf_addc(&corpus, '\0');
    }
    offs[count] = corpus.len;
    double t_xml = 0, t_back = 0, t_xl = 0;
    for (unsigned i = 0; i < count; i++) {
        const char *text = corpus.data + offs[i];
        size_t len = offs[i + 1] - offs[i] - 1;
        xc_buf_reset(&xml);
        t_xml += convert(&xc_format_sxpr, &xc_format_xml, XC_ORIGIN_NATIVE, "gen.sxpr",
                         text, len, set, &xml);
        xc_buf_reset(&out);
        t_back += convert(&xc_format_xml, &xc_format_sxpr, XC_ORIGIN_XML, "gen.xml",
                          xml.data, xml.len, set, &out);
        xc_buf_reset(&out);
        t_xl += convert(&xc_format_sxpr, &xc_format_xl, XC_ORIGIN_NATIVE, "gen.sxpr",
                        text, len, set, &out);
    }
    printf("corpus: %u sxpr configs (%zu bytes)\n", count, corpus.len);
    printf("sxpr -> xml: %.0f configs/s (%.3f s)\n", count / t_xml, t_xml);
    printf("xml -> sxpr: %.0f configs/s (%.3f s)\n", count / t_back, t_back);
    printf("sxpr -> xl: %.0f configs/s (%.3f s)\n", count / t_xl, t_xl);
    free(offs);
    xc_buf_free(&corpus);

    double t[2][3];
    for (int k = 0; k < 2; k++) {
        unsigned n = k ? big : big / 10;
        struct xc_buf cfg = {0};
        gen_many_disks_sxpr(&cfg, n);
        xc_buf_reset(&xml);
        t[k][0] = convert(&xc_format_sxpr, &xc_format_xml, XC_ORIGIN_NATIVE, "big.sxpr",
                          cfg.data, cfg.len, set, &xml);
        xc_buf_reset(&out);
        t[k][1] = convert(&xc_format_xml, &xc_format_sxpr, XC_ORIGIN_XML, "big.xml",
                          xml.data, xml.len, set, &out);
        xc_buf_reset(&out);
        t[k][2] = convert(&xc_format_sxpr, &xc_format_xl, XC_ORIGIN_NATIVE, "big.sxpr",
                          cfg.data, cfg.len, set, &out);
        printf("%u sxpr disks: sxpr -> xml %.3f s, xml -> sxpr %.3f s, sxpr -> xl %.3f s\n",
               n, t[k][0], t[k][1], t[k][2]);
        xc_buf_free(&cfg);
    }
    printf("10x input: sxpr -> xml took %.1fx, xml -> sxpr %.1fx, sxpr -> xl %.1fx "
           "(linear is ~10x)\n", t[1][0] / t[0][0], t[1][1] / t[0][1],
           t[1][2] / t[0][2]);
    xc_buf_free(&xml);
    xc_buf_free(&out);
}

int main(int argc, char **argv)
{
    unsigned count = argc > 1 ? (unsigned)strtoul(argv[1], NULL, 10) : 10000;
    unsigned big = argc > 2 ? (unsigned)strtoul(argv[2], NULL, 10) : 100000;
    struct xc_settings set;
    xc_settings_init(&set);

    /* Corpus: count configs, kept as one buffer of NUL-separated texts. */
    struct xc_buf corpus = {0};
    size_t *offs = calloc(count + 1, sizeof(*offs));
    for (unsigned i = 0; i < count; i++) {
        offs[i] = corpus.len;
        gen_config(&corpus, i);
        xc_buf_addc(&corpus, '\0');
    }
    offs[count] = corpus.len;

    struct xc_buf xmls = {0};
    size_t *xoffs = calloc(count + 1, sizeof(*xoffs));
    double t_to_xml = 0;
    for (unsigned i = 0; i < count; i++) {
        xoffs[i] = xmls.len;
        t_to_xml += convert(&xc_format_xl, &xc_format_xml, XC_ORIGIN_NATIVE, "gen.cfg",
                            corpus.data + offs[i], offs[i + 1] - offs[i] - 1, &set, &xmls);
        xc_buf_addc(&xmls, '\0');
    }
    xoffs[count] = xmls.len;

    struct xc_buf back = {0};
    double t_to_xl = 0;
    for (unsigned i = 0; i < count; i++) {
        xc_buf_reset(&back);
        t_to_xl += convert(&xc_format_xml, &xc_format_xl, XC_ORIGIN_XML, "gen.xml",
                           xmls.data + xoffs[i], xoffs[i + 1] - xoffs[i] - 1, &set, &back);
    }
    printf("corpus: %u xl configs (%zu bytes), %zu bytes of XML\n", count,
           corpus.len, xmls.len);
    printf("xl -> xml: %.0f configs/s (%.3f s)\n", count / t_to_xml, t_to_xml);
    printf("xml -> xl: %.0f configs/s (%.3f s)\n", count / t_to_xl, t_to_xl);
    printf("peak memory after corpus: %ld KiB\n", peak_rss_kib());
    free(offs);
    free(xoffs);
    xc_buf_free(&corpus);
    xc_buf_free(&back);
    xc_buf_free(&xmls);

    /* Scaling: n and 10n disks. */
    double t[2][2];
    size_t sizes[2];
    for (int k = 0; k < 2; k++) {
        unsigned n = k ? big : big / 10;
        struct xc_buf cfg = {0}, xml = {0}, xl = {0};
        gen_many_disks(&cfg, n);
        t[k][0] = convert(&xc_format_xl, &xc_format_xml, XC_ORIGIN_NATIVE, "big.cfg",
                          cfg.data, cfg.len, &set, &xml);
        t[k][1] = convert(&xc_format_xml, &xc_format_xl, XC_ORIGIN_XML, "big.xml",
                          xml.data, xml.len, &set, &xl);
        sizes[k] = xml.len;
        printf("%u disks: xl -> xml %.3f s, xml (%zu bytes) -> xl %.3f s\n", n,
               t[k][0], xml.len, t[k][1]);
        xc_buf_free(&cfg);
        xc_buf_free(&xml);
        xc_buf_free(&xl);
    }
    printf("10x input: xl -> xml took %.1fx, xml -> xl took %.1fx (linear is ~10x)\n",
           t[1][0] / t[0][0], t[1][1] / t[0][1]);
    printf("peak memory: %ld KiB (largest XML %zu bytes)\n", peak_rss_kib(), sizes[1]);
    bench_xm(count, big, &set);
    bench_sxpr(count, big, &set);
    xc_settings_free(&set);
    return 0;
}
