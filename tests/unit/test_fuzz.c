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

/* fuzz_xl timeout: the IDE disk target "fdxvda" (index 436800) makes the
 * defaults add IDE controllers 0..109200, as libvirt does; reading that
 * XML back ordered the controllers with a backward scan per controller,
 * O(n^2): more than 60 s.  Fixed in 90d344e (a treap per type).  This
 * test checks the result; the scaling itself is guarded by `make bench`
 * (bench_adversarial's controller shapes), not by a timer here. */
START_TEST(many_implicit_ide_controllers)
{
    struct xc_buf xml = {0}, xl = {0};
    round_trip("name = \"g\"\nmemory = 512\nbuilder = \"hvm\"\n"
               "disk = [ \"/x,raw,fdxvda,rw\" ]\n", &xml, &xl);
    ck_assert_uint_eq(count(xc_buf_str(&xml), "<controller type='ide'"), 109201);
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&xml),
        "<address type='drive' controller='109200' bus='0' target='0' unit='0'/>"));
    ck_assert_ptr_nonnull(strstr(xc_buf_str(&xl), "fdxvda"));
    xc_buf_free(&xl);
    xc_buf_free(&xml);
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
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
