/* Unit tests for lint's building blocks: the check names, the key tables
 * (sorted, as the binary search needs), the edit distance behind "did you
 * mean", and one file through xc_lint_run. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "converters/lint.h"
#include "converters/lint_int.h"

START_TEST(check_names)
{
    ck_assert_int_eq(xc_lint_check_find("syntax"), XC_LINT_SYNTAX);
    ck_assert_int_eq(xc_lint_check_find("not-carried"), XC_LINT_NOT_CARRIED);
    ck_assert_int_eq(xc_lint_check_find("schema"), XC_LINT_SCHEMA);
    ck_assert_int_eq(xc_lint_check_find("nope"), -1);
}
END_TEST

static void sorted(const char *const *t)
{
    for (size_t i = 1; t[i]; i++)
        ck_assert_msg(strcmp(t[i - 1], t[i]) < 0, "%s before %s", t[i - 1], t[i]);
}

START_TEST(tables_sorted)
{
    sorted(xcl_xl_keys);
    sorted(xcl_xm_keys);
    /* every xm-only key is an xm key xl does not document */
    for (const struct xcl_deprecated *d = xcl_xm_only; d->key; d++) {
        bool in_xm = false, in_xl = false;
        for (size_t i = 0; xcl_xm_keys[i]; i++)
            in_xm |= strcmp(xcl_xm_keys[i], d->key) == 0;
        for (size_t i = 0; xcl_xl_keys[i]; i++)
            in_xl |= strcmp(xcl_xl_keys[i], d->key) == 0;
        ck_assert_msg(in_xm && !in_xl, "%s", d->key);
    }
}
END_TEST

START_TEST(edit_distance)
{
    ck_assert_uint_eq(xcl_edit_distance("vcpus", "vcpus"), 0);
    ck_assert_uint_eq(xcl_edit_distance("vpcus", "vcpus"), 1);  /* transposition */
    ck_assert_uint_eq(xcl_edit_distance("memroy", "memory"), 1);
    ck_assert_uint_eq(xcl_edit_distance("maxmem", "memory"), 5);
    ck_assert_uint_eq(xcl_edit_distance("", "abc"), 3);
    ck_assert_uint_eq(xcl_edit_distance("abc", ""), 3);
    ck_assert_uint_eq(xcl_edit_distance("kitten", "sitting"), 3);
}
END_TEST

START_TEST(run_one_file)
{
    char path[] = "/tmp/xc-lint-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    const char text[] = "name = \"a\"\nmemroy = 512\nbootloader = \"pygrub\"\n";
    ck_assert_int_eq(write(fd, text, sizeof(text) - 1), (ssize_t)sizeof(text) - 1);
    close(fd);
    struct xc_settings set;
    xc_settings_init(&set);
    struct xc_lint_opts o = {.format = "xl", .output = XC_LINT_OUT_TEXT};
    o.enabled[XC_LINT_UNKNOWN_KEY] = true;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    const char *paths[] = {path};
    ck_assert_int_eq(xc_lint_run(&o, paths, 1, &set, f, stderr), XC_LINT_CLEAN);
    o.werror = true;
    ck_assert_int_eq(xc_lint_run(&o, paths, 1, &set, f, stderr), XC_LINT_FAILED);
    fclose(f);
    ck_assert_ptr_nonnull(strstr(out, ":2:1: warning: key 'memroy' is not known to "
                                      "xl.cfg(5) of Xen 4.17; did you mean "
                                      "'memory'? [unknown-key]\n"));
    free(out);
    unlink(path);
    xc_settings_free(&set);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("lint");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, check_names);
    tcase_add_test(tc, tables_sorted);
    tcase_add_test(tc, edit_distance);
    tcase_add_test(tc, run_one_file);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
