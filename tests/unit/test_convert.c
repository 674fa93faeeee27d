/* Unit tests for convert's pieces: JSON escaping, the loss report,
 * format detection, format names and output paths. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/json.h"
#include "common/source.h"
#include "converters/convert.h"
#include "converters/detect.h"
#include "converters/native.h"
#include "formats/sxpr/sxpr.h"
#include "formats/xl/xl.h"
#include "formats/xml/xml.h"
#include "converters/report.h"

static char *json(const char *s, size_t n)
{
    struct xc_buf b = {0};
    xc_json_string_len(&b, s, n);
    return xc_buf_steal(&b);
}

#define JSON_EQ(lit, expect) do { \
        char *j_ = json(lit, sizeof(lit) - 1); \
        ck_assert_str_eq(j_, expect); \
        free(j_); \
    } while (0)

START_TEST(json_escapes_every_byte)
{
    JSON_EQ("plain", "\"plain\"");
    JSON_EQ("q\"b\\s/", "\"q\\\"b\\\\s/\"");
    JSON_EQ("\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\"");
    JSON_EQ("\x01\x1f\x7f", "\"\\u0001\\u001f\\u007f\"");
    JSON_EQ("a\0b", "\"a\\u0000b\"");
    /* well-formed UTF-8 passes through: é, €, U+10FFFF */
    JSON_EQ("\xc3\xa9\xe2\x82\xac\xf4\x8f\xbf\xbf", "\"\xc3\xa9\xe2\x82\xac\xf4\x8f\xbf\xbf\"");
    /* ill-formed: stray continuation, truncated, overlong, surrogate,
     * above U+10FFFF, 0xff: one U+FFFD per byte */
    JSON_EQ("\x80", "\"\\ufffd\"");
    JSON_EQ("\xc3", "\"\\ufffd\"");
    JSON_EQ("\xe2\x82x", "\"\\ufffd\\ufffdx\"");
    JSON_EQ("\xc0\xaf", "\"\\ufffd\\ufffd\"");
    JSON_EQ("\xe0\x80\xaf", "\"\\ufffd\\ufffd\\ufffd\"");
    JSON_EQ("\xed\xa0\x80", "\"\\ufffd\\ufffd\\ufffd\"");
    JSON_EQ("\xf4\x90\x80\x80", "\"\\ufffd\\ufffd\\ufffd\\ufffd\"");
    JSON_EQ("\xff", "\"\\ufffd\"");
    struct xc_buf b = {0};
    xc_json_string(&b, NULL);
    ck_assert_str_eq(xc_buf_str(&b), "null");
    xc_buf_free(&b);
}
END_TEST

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    ck_assert_ptr_nonnull(f);
    struct xc_buf b = {0};
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
        xc_buf_add_len(&b, chunk, n);
    fclose(f);
    return xc_buf_steal(&b);
}

START_TEST(report_layout)
{
    char dir[] = "/tmp/xc_report_XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof(path), "%s/r.json", dir);

    struct xc_report r;
    struct xc_diags run = {0}, d = {0};
    ck_assert_int_eq(xc_report_open(&r, path, "xen-xl", &run), 0);
    ck_assert_int_ne(access(path, F_OK), 0);     /* not there until closed */
    d.file = "a\"\x01.cfg";
    d.target = "xen-xl";
    xc_note(&d, xc_nopos, "detect", "input format guessed as xen-xm");
    xc_lost(&d, (struct xc_pos){3, 1}, "unused-key", "key '%s'", "sdl\xff");
    xc_error(&d, (struct xc_pos){4, 9}, NULL, "bad");
    xc_report_add(&r, &d);
    xc_diags_clear(&d);
    d.file = "b.cfg";
    xc_lost(&d, (struct xc_pos){1, 2}, "x", "y");
    xc_report_add(&r, &d);
    ck_assert_int_eq(xc_report_close(&r, 2, 1, &run), 0);
    ck_assert_uint_eq(run.list.n, 0);
    char *text = slurp(path);
    ck_assert_str_eq(text,
        "{\n"
        "  \"xenconv_report\": 1,\n"
        "  \"target\": \"xen-xl\",\n"
        "  \"losses\": [\n"
        "    {\"file\": \"a\\\"\\u0001.cfg\", \"line\": 3, \"column\": 1, \"severity\": \"warning\", \"check\": \"unused-key\", \"message\": \"key 'sdl\\ufffd' is not carried to xen-xl\"},\n"
        "    {\"file\": \"b.cfg\", \"line\": 1, \"column\": 2, \"severity\": \"warning\", \"check\": \"x\", \"message\": \"y is not carried to xen-xl\"}\n"
        "  ],\n"
        "  \"diagnostics\": [\n"
        "    {\"file\": \"a\\\"\\u0001.cfg\", \"line\": null, \"column\": null, \"severity\": \"note\", \"check\": \"detect\", \"message\": \"input format guessed as xen-xm\"},\n"
        "    {\"file\": \"a\\\"\\u0001.cfg\", \"line\": 4, \"column\": 9, \"severity\": \"error\", \"check\": null, \"message\": \"bad\"}\n"
        "  ],\n"
        "  \"files\": 2,\n"
        "  \"failed\": 1\n"
        "}\n");
    free(text);

    /* empty arrays */
    ck_assert_int_eq(xc_report_open(&r, path, "domain XML", &run), 0);
    ck_assert_int_eq(xc_report_close(&r, 0, 0, &run), 0);
    text = slurp(path);
    ck_assert_str_eq(text,
        "{\n  \"xenconv_report\": 1,\n  \"target\": \"domain XML\",\n"
        "  \"losses\": [],\n  \"diagnostics\": [],\n"
        "  \"files\": 0,\n  \"failed\": 0\n}\n");
    free(text);

    /* aborted: nothing left behind, the old report untouched */
    ck_assert_int_eq(xc_report_open(&r, path, "xen-xl", &run), 0);
    xc_report_abort(&r);
    text = slurp(path);
    ck_assert_ptr_nonnull(strstr(text, "domain XML"));
    free(text);
    unlink(path);
    ck_assert_int_eq(rmdir(dir), 0);    /* no temporary left */
    xc_diags_free(&d);
    xc_diags_free(&run);
}
END_TEST

static const char *detect(const char *text, const char *why)
{
    struct xc_source src;
    struct xc_buf b = {0};
    xc_source_from_mem(&src, "t", text, strlen(text));
    const char *f = xc_detect_format(&src, &b);
    ck_assert_str_eq(xc_buf_str(&b), why);
    xc_buf_free(&b);
    xc_source_free(&src);
    return f;
}

START_TEST(detect_by_content)
{
    ck_assert_str_eq(detect("  \n <domain/>", "first non-blank byte '<' at 2:2"), "xml");
    ck_assert_str_eq(detect("\xef\xbb\xbf<domain/>", "first non-blank byte '<' at 1:4"), "xml");
    ck_assert_str_eq(detect("\n(domain (name x))", "first non-blank byte '(' at 2:1"), "xen-sxpr");
    ck_assert_str_eq(detect("", "no xm-only key or disk spec; xen-xl is the default"), "xen-xl");
    ck_assert_str_eq(detect("name = \"x\"\nmemory = 512\n",
                            "no xm-only key or disk spec; xen-xl is the default"), "xen-xl");
    ck_assert_str_eq(detect("name = \"x\n", "not a valid config file; xen-xl is the default"),
                     "xen-xl");
    ck_assert_str_eq(detect("name = \"x\"\ndisk = [ \"phy:/dev/vg/x,hda,w\" ]\n",
                            "old-style disk spec 'phy:...' at 2:10"), "xen-xm");
    ck_assert_str_eq(detect("kernel = \"/usr/lib/xen/boot/hvmloader\"\n",
                            "HVM loader as kernel '/usr/lib/xen/boot/hvmloader' at 1:10"),
                     "xen-xm");
    ck_assert_str_eq(detect("device_model = \"/usr/bin/qemu-dm\"\n",
                            "xm-only key 'device_model' at 1:1"), "xen-xm");
    ck_assert_str_eq(detect("builder = \"linux\"\n", "builder = \"linux\" at 1:11"), "xen-xm");
    ck_assert_str_eq(detect("memory = 1\nname = \"\"\"a\nb\"\"\"\n",
                            "triple-quoted string (xl cannot read it) at 2:8"), "xen-xm");
    ck_assert_str_eq(detect("name = \"a\\x41\"\n",
                            "no xm-only key or disk spec; xen-xl is the default"), "xen-xl");
    /* xl evidence wins over xm evidence, wherever it is */
    ck_assert_str_eq(detect("disk = [ \"phy:/dev/vg/x,hda,w\", \"/x.img,raw,xvdb,rw,backendtype=qdisk\" ]\n",
                            "key=value disk spec 'backendtype=...' at 1:53"), "xen-xl");
    ck_assert_str_eq(detect("device_model = \"q\"\ntype = \"pvh\"\n",
                            "type = \"pvh\" at 2:1"), "xen-xl");
    ck_assert_str_eq(detect("vnuma = [ ]\n", "xl-only key 'vnuma' at 1:1"), "xen-xl");
}
END_TEST

/* Convert TEXT (format FROM) to TO; the output text (caller frees). */
static char *conv(const char *text, const struct xc_format *from,
                  const struct xc_format *to)
{
    struct xc_source src;
    struct xc_buf out = {0};
    struct xc_diags d = {0};
    xc_source_from_mem(&src, "t", text, strlen(text));
    ck_assert_int_eq(xc_convert_source(from, to, from == &xc_format_xml
                                       ? XC_ORIGIN_XML : XC_ORIGIN_NATIVE,
                                       &src, NULL, &out, &d), 0);
    xc_source_free(&src);
    xc_diags_free(&d);
    return xc_buf_steal(&out);
}

/* libvirt parses domain XML inactive: interface names libxl ("vif") or
 * libvirt generated are dropped, chosen ones kept; a running domain's
 * dump written to a native config does the same, while its XML shows
 * them (active formatting). */
START_TEST(generated_ifnames_are_runtime)
{
    const char *xml =
        "<domain type='xen' id='5'><name>g</name><memory>262144</memory>"
        "<os><type>linux</type><kernel>/k</kernel></os><devices>"
        "<interface type='bridge'><mac address='00:16:3e:00:00:01'/>"
        "<source bridge='br0'/><target dev='vif5.0'/></interface>"
        "<interface type='bridge'><mac address='00:16:3e:00:00:02'/>"
        "<source bridge='br0'/><target dev='web0'/></interface>"
        "</devices></domain>";
    char *xl = conv(xml, &xc_format_xml, &xc_format_xl);
    ck_assert_ptr_null(strstr(xl, "vifname=vif5.0"));
    ck_assert_ptr_nonnull(strstr(xl, "vifname=web0"));
    free(xl);

    const char *dump =
        "(domain (domid 5)(name 'g')(memory 256)(vcpus 1)"
        "(uuid '596a5d21-71f4-8fb2-e068-e2386a5c413e')"
        "(image (linux (kernel '/k')))"
        "(device (vif (mac '00:16:3e:00:00:01')(bridge 'br0'))))";
    char *x = conv(dump, &xc_format_sxpr, &xc_format_xml);
    ck_assert_ptr_nonnull(strstr(x, "<domain type='xen' id='5'>"));
    ck_assert_ptr_nonnull(strstr(x, "<target dev='vif5.0'/>"));
    free(x);
    xl = conv(dump, &xc_format_sxpr, &xc_format_xl);
    ck_assert_ptr_null(strstr(xl, "vifname"));
    free(xl);
}
END_TEST

START_TEST(names_and_paths)
{
    const char *c;
    ck_assert_ptr_eq(xc_convert_format("xl", &c), xc_format_find("xen-xl"));
    ck_assert_str_eq(c, "xen-xl");
    ck_assert_ptr_eq(xc_convert_format("domxml", &c), xc_format_find("xml"));
    ck_assert_str_eq(c, "xml");
    xc_convert_format("sxpr", &c);
    ck_assert_str_eq(c, "xen-sxpr");
    ck_assert_ptr_null(xc_convert_format("bogus", &c));
    ck_assert_ptr_null(c);
    ck_assert_str_eq(xc_convert_extension("xen-xm"), ".cfg");
    ck_assert_str_eq(xc_convert_extension("xml"), ".xml");
    ck_assert_str_eq(xc_convert_extension("xen-sxpr"), ".sxpr");

    static const struct { const char *dir, *in, *ext, *out; } t[] = {
        {"out", "a/b/guest.cfg", ".xml", "out/guest.xml"},
        {"out/", "guest.cfg", ".cfg", "out/guest.cfg"},
        {"o", "x.tar.cfg", ".xml", "o/x.tar.xml"},
        {"o", "noext", ".cfg", "o/noext.cfg"},
        {"o", "d.x/.hidden", ".xml", "o/.hidden.xml"},
        {"/", "g.sxpr", ".cfg", "/g.cfg"},
        {"o", "dir/", ".cfg", NULL},
        {"o", "..", ".cfg", NULL},
    };
    for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
        char *p = xc_convert_output_path(t[i].dir, t[i].in, t[i].ext);
        if (t[i].out)
            ck_assert_str_eq(p, t[i].out);
        else
            ck_assert_ptr_null(p);
        free(p);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("convert");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, json_escapes_every_byte);
    tcase_add_test(tc, report_layout);
    tcase_add_test(tc, detect_by_content);
    tcase_add_test(tc, names_and_paths);
    tcase_add_test(tc, generated_ifnames_are_runtime);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
