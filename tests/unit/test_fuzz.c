/* Regressions for what the libFuzzer harnesses (tests/fuzz/) found, run
 * through the same in-memory path they use (xc_convert_source, both
 * directions).  Inputs that are rejected get a golden case in
 * testdata/xl/bad/ instead; these are inputs that convert. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/settings.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/xl/xl.h"
#include "formats/xml/xml.h"

/* Occurrences of needle in s; not strstr in a loop, which ASan's
 * interceptor makes quadratic (it checks the whole rest of s per call). */
static size_t count(const char *s, const char *needle)
{
    size_t n = 0, k = strlen(needle);
    for (; *s; s++)
        if (*s == *needle && strncmp(s, needle, k) == 0)
            n++;
    return n;
}

/* xl -> XML -> xl, as fuzz_xl does; both steps must succeed.  The XML of
 * the first step is returned in *xml, the xl of the second in *xl. */
static void round_trip(const char *cfg, struct xc_buf *xml, struct xc_buf *xl)
{
    struct xc_settings set;
    struct xc_source src = {0}, back = {0};
    struct xc_diags d = {0};

    xc_settings_init(&set);
    xc_source_from_mem(&src, "fuzz.cfg", cfg, strlen(cfg));
    int rc = xc_convert_source(&xc_format_xl, &xc_format_xml,
                               XC_ORIGIN_NATIVE, &src, &set, xml, &d);
    if (rc == 0) {
        xc_source_from_mem(&back, "fuzz.xml", xc_buf_str(xml), xml->len);
        rc = xc_convert_source(&xc_format_xml, &xc_format_xl, XC_ORIGIN_XML,
                               &back, &set, xl, &d);
    }
    if (rc != 0)
        xc_diags_print(&d, stderr);
    ck_assert_int_eq(rc, 0);
    xc_source_free(&back);
    xc_source_free(&src);
    xc_diags_free(&d);
    xc_settings_free(&set);
}

/* fuzz_xl timeout: the IDE disk target "fdxvda" (index 436800) made the
 * defaults add IDE controllers 0..109200, as libvirt does; reading that
 * XML back ordered the controllers with a backward scan per controller,
 * O(n^2): more than 60 s.  Fixed in 90d344e (a treap per type); the
 * scaling itself is guarded by `make bench` (bench_adversarial's
 * controller shapes), not by a timer here.  Since 6c7fc78 so many
 * implicit controllers are refused (4096 plus one per disk): "hdwqn"
 * (index 16003) still asks for IDE controllers 0..4000. */
START_TEST(many_implicit_ide_controllers)
{
    struct xc_buf xml = {0}, xl = {0};
    round_trip("name = \"g\"\nmemory = 512\nbuilder = \"hvm\"\n"
               "disk = [ \"/x,raw,hdwqn,rw\" ]\n", &xml, &xl);
    ck_assert_uint_eq(count(xc_buf_str(&xml), "<controller type='ide'"), 4001);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&xml),
        "<address type='drive' controller='4000' bus='1' target='0' unit='1'/>"));
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&xl), "hdwqn"));
    xc_buf_free(&xl);
    xc_buf_free(&xml);
}
END_TEST

/* The fdxvda case itself: refused with the disk's position. */
START_TEST(too_many_implicit_controllers_refused)
{
    struct xc_settings set;
    struct xc_source src = {0};
    struct xc_diags d = {0};
    struct xc_buf xml = {0};
    xc_settings_init(&set);
    const char *cfg = "name = \"g\"\nmemory = 512\nbuilder = \"hvm\"\n"
                      "disk = [ \"/x,raw,fdxvda,rw\" ]\n";
    xc_source_from_mem(&src, "fuzz.cfg", cfg, strlen(cfg));
    ck_assert_int_eq(xc_convert_source(&xc_format_xl, &xc_format_xml,
                                       XC_ORIGIN_NATIVE, &src, &set, &xml, &d), -1);
    ck_assert_uint_eq(d.list.n, 1);
    ck_assert_uint_eq(d.list.v[0].pos.line, 4);
    ck_assert_uint_eq(d.list.v[0].pos.col, 11);
    ck_assert_str_eq(d.list.v[0].msg, "disk 'fdxvda' needs ide controller 109200: "
                     "xenconv adds at most 4096 implicit controllers plus one "
                     "per disk (4097 here)");
    xc_buf_free(&xml);
    xc_diags_free(&d);
    xc_source_free(&src);
    xc_settings_free(&set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("fuzz");
    TCase *tc = tcase_create("regressions");
    /* a hang guard only, far above any normal run (under 1 s, also with
     * ASan or valgrind) */
    tcase_set_timeout(tc, 300);
    tcase_add_test(tc, many_implicit_ide_controllers);
    tcase_add_test(tc, too_many_implicit_controllers_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
