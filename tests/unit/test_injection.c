/* Output safety, as xl itself sees it: domain XML whose name, paths,
 * cmdline or bridge hold quotes, newlines, brackets, commas or '=' is
 * converted to xl, and the result is read back with libxlutil's own parser
 * (xlu_cfg_readdata, xlu_cfg_get_string/list, xlu_disk_parse).  Each value
 * must come back unchanged and in its own key / list element / spec option,
 * or the conversion must be refused with an error naming an input position.
 * The reverse direction checks that xl values cannot become XML markup. */
#include <check.h>
#include <libxlutil.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/xl/xl.h"
#include "formats/xml/xml.h"

static const char *const nasty[] = {
    "plain",
    "with\"double",
    "with'single",
    "both\"and'quotes",
    "new\nline",
    "br[ack]ets",
    "com,ma",
    "eq=uals",
    "back\\slash",
    "hash#mark",
    "semi;colon",
    "\"], disk = [ \"x",
    "\n on_crash = \"preserve",
    "a,script=/tmp/evil",
    "tab\there",
};
#define NNASTY (sizeof(nasty) / sizeof(nasty[0]))

/* Which domain field the nasty value goes into. */
enum field { F_NAME, F_KERNEL, F_CMDLINE, F_DISK, F_BRIDGE, F_SCRIPT, F_COUNT };
static const char *const field_name[] = {"name", "kernel", "cmdline", "disk", "bridge", "script"};

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

static const char *val(enum field f, enum field which, const char *v, const char *dflt)
{
    return f == which ? v : dflt;
}

static void make_xml(struct xc_buf *b, enum field f, const char *v)
{
    xc_buf_add(b, "<domain type='xen'>\n  <name>");
    xml_escape(b, val(f, F_NAME, v, "guest"));
    xc_buf_add(b, "</name>\n  <uuid>c7a5fdb2-cdaf-9455-926a-d65c16db1809</uuid>\n"
                  "  <memory unit='KiB'>524288</memory>\n  <vcpu>1</vcpu>\n"
                  "  <os>\n    <type arch='x86_64' machine='xenpv'>linux</type>\n    <kernel>");
    xml_escape(b, val(f, F_KERNEL, v, "/boot/vmlinuz"));
    xc_buf_add(b, "</kernel>\n    <cmdline>");
    xml_escape(b, val(f, F_CMDLINE, v, "root=/dev/xvda1"));
    xc_buf_add(b, "</cmdline>\n  </os>\n  <devices>\n"
                  "    <disk type='file' device='disk'>\n"
                  "      <driver name='qemu' type='raw'/>\n      <source file='");
    xml_escape(b, val(f, F_DISK, v, "/var/lib/xen/disk.img"));
    xc_buf_add(b, "'/>\n      <target dev='xvda' bus='xen'/>\n    </disk>\n"
                  "    <interface type='bridge'>\n"
                  "      <mac address='00:16:3e:00:00:01'/>\n      <source bridge='");
    xml_escape(b, val(f, F_BRIDGE, v, "xenbr0"));
    xc_buf_add(b, "'/>\n      <script path='");
    xml_escape(b, val(f, F_SCRIPT, v, "vif-bridge"));
    xc_buf_add(b, "'/>\n    </interface>\n  </devices>\n</domain>\n");
}

/* xl's vif parser splits a spec on ',' and each option on the first '='. */
static char *vif_option(const char *spec, const char *key, int *noptions)
{
    char *copy = strdup(spec), *save = NULL, *found = NULL;
    *noptions = 0;
    for (char *tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        (*noptions)++;
        char *eq = strchr(tok, '=');
        if (eq && (size_t)(eq - tok) == strlen(key) && strncmp(tok, key, strlen(key)) == 0)
            found = strdup(eq + 1);
    }
    free(copy);
    return found;
}

static void check_readback(enum field f, const char *v, const char *cfgtext)
{
    XLU_Config *cfg = xlu_cfg_init(stderr, "injection");
    ck_assert_ptr_nonnull(cfg);
    int rc = xlu_cfg_readdata(cfg, cfgtext, (int)strlen(cfgtext));
    ck_assert_msg(rc == 0, "xl cannot read output for %s=%s:\n%s", field_name[f], v, cfgtext);

    const char *s = NULL;
    ck_assert_int_eq(xlu_cfg_get_string(cfg, "name", &s, 0), 0);
    ck_assert_str_eq(s, val(f, F_NAME, v, "guest"));
    ck_assert_int_eq(xlu_cfg_get_string(cfg, "kernel", &s, 0), 0);
    ck_assert_str_eq(s, val(f, F_KERNEL, v, "/boot/vmlinuz"));
    ck_assert_int_eq(xlu_cfg_get_string(cfg, "cmdline", &s, 0), 0);
    ck_assert_str_eq(s, val(f, F_CMDLINE, v, "root=/dev/xvda1"));
    /* No key appeared that we did not write. */
    if (xlu_cfg_get_string(cfg, "on_crash", &s, 1) == 0)
        ck_assert_str_eq(s, "destroy");

    XLU_ConfigList *list = NULL;
    int n = 0;
    ck_assert_int_eq(xlu_cfg_get_list(cfg, "disk", &list, &n, 0), 0);
    ck_assert_int_eq(n, 1);
    const char *spec = xlu_cfg_get_listitem(list, 0);
    libxl_device_disk disk;
    libxl_device_disk_init(&disk);
    ck_assert_int_eq(xlu_disk_parse(cfg, 1, &spec, &disk), 0);
    ck_assert_str_eq(disk.pdev_path, val(f, F_DISK, v, "/var/lib/xen/disk.img"));
    ck_assert_str_eq(disk.vdev, "xvda");
    libxl_device_disk_dispose(&disk);

    ck_assert_int_eq(xlu_cfg_get_list(cfg, "vif", &list, &n, 0), 0);
    ck_assert_int_eq(n, 1);
    spec = xlu_cfg_get_listitem(list, 0);
    int nopts = 0;
    char *bridge = vif_option(spec, "bridge", &nopts);
    char *script = vif_option(spec, "script", &nopts);
    ck_assert_int_eq(nopts, 3);   /* mac, bridge, script and nothing else */
    ck_assert_ptr_nonnull(bridge);
    ck_assert_ptr_nonnull(script);
    ck_assert_str_eq(bridge, val(f, F_BRIDGE, v, "xenbr0"));
    ck_assert_str_eq(script, val(f, F_SCRIPT, v, "vif-bridge"));
    free(bridge);
    free(script);
    xlu_cfg_destroy(cfg);
}

START_TEST(xml_to_xl_never_injects)
{
    struct xc_settings set;
    xc_settings_init(&set);
    int refused = 0, carried = 0;
    for (int f = 0; f < F_COUNT; f++) {
        for (size_t i = 0; i < NNASTY; i++) {
            struct xc_buf xml = {0}, out = {0};
            make_xml(&xml, (enum field)f, nasty[i]);
            struct xc_source src;
            xc_source_from_mem(&src, "nasty.xml", xml.data, xml.len);
            struct xc_diags d = {0};
            int rc = xc_convert_source(&xc_format_xml, &xc_format_xl, XC_ORIGIN_XML,
                                       &src, &set, &out, &d);
            if (rc == 0) {
                carried++;
                check_readback((enum field)f, nasty[i], xc_buf_str(&out));
            } else {
                /* Refused: an error with a real input position. */
                refused++;
                ck_assert_uint_gt(d.nerrors, 0);
                int positioned = 0;
                for (size_t k = 0; k < d.list.n; k++)
                    if (d.list.v[k].sev == XC_SEV_ERROR && d.list.v[k].pos.line > 0)
                        positioned = 1;
                ck_assert_msg(positioned, "refusal of %s=%s has no position",
                              field_name[f], nasty[i]);
            }
            xc_diags_free(&d);
            xc_source_free(&src);
            xc_buf_free(&xml);
            xc_buf_free(&out);
        }
    }
    /* Both outcomes must actually occur: plain values are carried and
     * commas in vif options are refused. */
    ck_assert_int_gt(carried, (int)NNASTY);
    ck_assert_int_gt(refused, 0);
    xc_settings_free(&set);
}
END_TEST

/* xl -> XML: values become text or attribute content, never markup; the
 * XML reads back (with our reader) to the same values. */
START_TEST(xl_to_xml_never_injects)
{
    static const char *const xml_nasty[] = {
        "a<b", "a&b", "a'b", "x\"><evil>", "]]>", "&amp;", "tab\there",
    };
    struct xc_settings set;
    xc_settings_init(&set);
    for (size_t i = 0; i < sizeof(xml_nasty) / sizeof(xml_nasty[0]); i++) {
        const char *v = xml_nasty[i];
        struct xc_buf cfg = {0}, out = {0};
        /* Values hold no quote of the kind used around them. */
        char q = strchr(v, '"') ? '\'' : '"';
        xc_buf_addf(&cfg, "name = %c%s%c\nuuid = \"c7a5fdb2-cdaf-9455-926a-d65c16db1809\"\n"
                          "memory = 512\nkernel = %c/boot/%s%c\n"
                          "disk = [ %cvdev=xvda,target=/img/%s%c ]\n",
                    q, v, q, q, v, q, q, v, q);
        struct xc_source src;
        xc_source_from_mem(&src, "nasty.cfg", cfg.data, cfg.len);
        struct xc_diags d = {0};
        int rc = xc_convert_source(&xc_format_xl, &xc_format_xml, XC_ORIGIN_NATIVE,
                                   &src, &set, &out, &d);
        if (rc != 0)
            xc_diags_print(&d, stderr);
        ck_assert_msg(rc == 0, "xl -> xml failed for %s", v);

        struct xc_source back;
        xc_source_from_mem(&back, "out.xml", out.data, out.len);
        struct xc_domain dom;
        xc_domain_init(&dom);
        struct xc_diags d2 = {0};
        ck_assert_int_eq(xc_xml_read(&back, &set, &dom, &d2), 0);
        ck_assert_uint_eq(d2.nerrors, 0);
        ck_assert_str_eq(dom.name.s, v);
        ck_assert_str_eq(dom.os.kernel.s + strlen("/boot/"), v);
        ck_assert_uint_eq(dom.disks.n, 1);
        ck_assert_str_eq(dom.disks.v[0].source.s + strlen("/img/"), v);
        ck_assert_uint_eq(dom.leftovers.n, 0);   /* no element appeared */
        xc_domain_free(&dom);
        xc_diags_free(&d);
        xc_diags_free(&d2);
        xc_source_free(&src);
        xc_source_free(&back);
        xc_buf_free(&cfg);
        xc_buf_free(&out);
    }
    xc_settings_free(&set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("injection");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, xml_to_xl_never_injects);
    tcase_add_test(tc, xl_to_xml_never_injects);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
