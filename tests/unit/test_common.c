/* Unit tests for common/: buffer, vectors, diagnostics, uuid, atomic output,
 * settings file. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include "common/atomic_out.h"
#include "common/buf.h"
#include "common/diag.h"
#include "common/model.h"
#include "common/settings.h"
#include "common/source.h"
#include "common/vec.h"

START_TEST(buf_grows_and_formats)
{
    struct xc_buf b = {0};
    ck_assert_str_eq(xc_buf_str(&b), "");
    for (int i = 0; i < 10000; i++)
        xc_buf_addc(&b, 'x');
    ck_assert_uint_eq(b.len, 10000);
    xc_buf_reset(&b);
    xc_buf_addf(&b, "%s=%d", "key", 42);
    xc_buf_indent(&b, 2);
    xc_buf_add_len(&b, "ab\0cd", 5);
    ck_assert_uint_eq(b.len, 13);
    ck_assert_mem_eq(b.data, "key=42  ab\0cd", 13);
    char *s = xc_buf_steal(&b);
    ck_assert_ptr_null(b.data);
    free(s);
    xc_buf_free(&b);
}
END_TEST

/* xc_buf_addf appends simple formats itself: the same bytes as snprintf,
 * extreme values and fallbacks (width, hex) included. */
START_TEST(buf_formats_as_snprintf)
{
    struct xc_buf b = {0};
    char want[256];
    xc_buf_addf(&b, "%d|%i|%u|%ld|%lu|%lld|%llu|%zu|%zd|%c|%s|%%|%s", INT_MIN, -7,
                UINT_MAX, LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX, (size_t)0,
                (ssize_t)-3, 'q', "str", "");
    snprintf(want, sizeof(want), "%d|%i|%u|%ld|%lu|%lld|%llu|%zu|%zd|%c|%s|%%|%s", INT_MIN,
             -7, UINT_MAX, LONG_MIN, ULONG_MAX, LLONG_MIN, ULLONG_MAX, (size_t)0,
             (ssize_t)-3, 'q', "str", "");
    ck_assert_str_eq(b.data, want);
    ck_assert_uint_eq(b.len, strlen(want));
    xc_buf_reset(&b);
    xc_buf_addf(&b, "<a x='%04x' y='%5s' z='%.2s'>%u%%", 0xabu, "ab", "xyz", 0u);
    ck_assert_str_eq(b.data, "<a x='00ab' y='   ab' z='xy'>0%");
    xc_buf_reset(&b);
    for (int i = 0; i < 100; i++)
        xc_buf_addf(&b, "%s-%d;", "0123456789abcdef0123456789", i);
    ck_assert_uint_eq(b.len, 2990);   /* 100 x 26 chars + 190 digits + 200 */
    ck_assert(strncmp(b.data + b.len - 4, "-99;", 4) == 0);
    xc_buf_free(&b);
}
END_TEST

START_TEST(vec_push_zeroes)
{
    XC_VEC(struct { int a; char *p; }) v = {0};
    for (int i = 0; i < 1000; i++) {
        ck_assert_int_eq(xc_vec_push(&v)->a, 0);
        v.v[i].a = i;
    }
    ck_assert_uint_eq(v.n, 1000);
    ck_assert_int_eq(v.v[999].a, 999);
    ck_assert_ptr_null(v.v[500].p);
    free(v.v);
}
END_TEST

START_TEST(diag_format)
{
    struct xc_diags d = {0};
    d.file = "guest.cfg";
    struct xc_pos p = {3, 7};
    xc_error(&d, p, "bad-mac", "invalid MAC '%s'", "zz");
    d.file = "other.xml";
    xc_warn(&d, xc_nopos, NULL, "no position");
    ck_assert_uint_eq(d.nerrors, 1);
    ck_assert_uint_eq(d.nwarnings, 1);

    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    xc_diags_print(&d, f);
    fclose(f);
    ck_assert_str_eq(text, "guest.cfg:3:7: error: invalid MAC 'zz' [bad-mac]\n"
                           "other.xml: warning: no position\n");
    free(text);
    xc_diags_free(&d);
}
END_TEST

START_TEST(loss_names_the_target)
{
    struct xc_diags d = {0};
    d.file = "legacy.cfg";
    struct xc_pos p = {4, 1};
    xc_lost(&d, p, "unused-key", "key '%s'", "sdl");
    d.target = "xen-xl";
    xc_lost(&d, p, "unused-key", "key '%s'", "sdl");
    ck_assert_uint_eq(d.nwarnings, 2);
    ck_assert_str_eq(d.list.v[0].msg, "key 'sdl' is not carried to the output");
    ck_assert_str_eq(d.list.v[1].msg, "key 'sdl' is not carried to xen-xl");
    ck_assert_int_eq(d.list.v[1].sev, XC_SEV_WARNING);
    xc_diags_free(&d);
}
END_TEST

START_TEST(diags_print_in_input_order)
{
    struct xc_diags d = {0};
    struct xc_pos p9 = {9, 1}, p2 = {2, 5}, p2a = {2, 3};
    d.file = "a.cfg";
    xc_warn(&d, p9, NULL, "nine");
    xc_warn(&d, p2, NULL, "two-five");
    xc_note(&d, xc_nopos, NULL, "whole file");
    xc_warn(&d, p2a, NULL, "two-three");
    xc_warn(&d, p2, NULL, "two-five again");
    d.file = "b.cfg";
    xc_warn(&d, p2, NULL, "b first");

    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    xc_diags_print(&d, f);
    fclose(f);
    ck_assert_str_eq(text, "a.cfg: note: whole file\n"
                           "a.cfg:2:3: warning: two-three\n"
                           "a.cfg:2:5: warning: two-five\n"
                           "a.cfg:2:5: warning: two-five again\n"
                           "a.cfg:9:1: warning: nine\n"
                           "b.cfg:2:5: warning: b first\n");
    free(text);
    xc_diags_free(&d);
}
END_TEST

START_TEST(uuid_roundtrip)
{
    unsigned char u[16];
    char s[37];
    ck_assert_int_eq(xc_uuid_parse("c7a5fdb2-cdaf-9455-926a-d65c16db1809", u), 0);
    xc_uuid_format(u, s);
    ck_assert_str_eq(s, "c7a5fdb2-cdaf-9455-926a-d65c16db1809");
    ck_assert_int_eq(xc_uuid_parse(" C7A5FDB2CDAF9455926AD65C16DB1809 ", u), 0);
    xc_uuid_format(u, s);
    ck_assert_str_eq(s, "c7a5fdb2-cdaf-9455-926a-d65c16db1809");
    ck_assert_int_eq(xc_uuid_parse("c7a5fdb2-cdaf-9455-926a-d65c16db180", u), -1);
    ck_assert_int_eq(xc_uuid_parse("c7a5fdb2-cdaf-9455-926a-d65c16db18090", u), -1);
    ck_assert_int_eq(xc_uuid_parse("g7a5fdb2-cdaf-9455-926a-d65c16db1809", u), -1);
    ck_assert_int_eq(xc_uuid_parse("", u), -1);

    unsigned char a[16], b[16];
    xc_uuid_generate(a);
    xc_uuid_generate(b);
    ck_assert(memcmp(a, b, 16) != 0);
    ck_assert_int_eq(a[6] >> 4, 4);
    ck_assert_int_eq(a[8] >> 6, 2);
}
END_TEST

START_TEST(enum_tables)
{
    ck_assert_str_eq(xc_enum_name(XC_T_CHR_TYPE, XC_CHR_TCP), "tcp");
    ck_assert_int_eq(xc_enum_parse(XC_T_CHR_TYPE, "unix"), XC_CHR_UNIX);
    ck_assert_int_eq(xc_enum_parse(XC_T_CHR_TYPE, ""), -1);
    ck_assert_int_eq(xc_enum_parse(XC_T_CHR_TYPE, "bogus"), -1);
    ck_assert_str_eq(xc_enum_name(XC_T_CHR_TYPE, 999), "");
    ck_assert_str_eq(xc_enum_name(XC_T_LIFECYCLE, XC_LC_COREDUMP_RESTART),
                     "coredump-restart");
    ck_assert_int_eq(xc_enum_parse(XC_T_CONTROLLER_TYPE, "xenbus"), XC_CTRL_XENBUS);
}
END_TEST

static char tmpdir[] = "/tmp/xc-unit-XXXXXX";

START_TEST(atomic_write_replaces_whole_file)
{
    ck_assert_ptr_nonnull(mkdtemp(tmpdir));
    char path[256];
    snprintf(path, sizeof(path), "%s/out.xml", tmpdir);
    struct xc_diags d = {0};
    ck_assert_int_eq(xc_write_atomic(path, "first\n", 6, &d), 0);
    ck_assert_int_eq(xc_write_atomic(path, "second\n", 7, &d), 0);
    struct xc_source src;
    ck_assert_int_eq(xc_source_load(&src, path, &d), 0);
    ck_assert_str_eq(src.data, "second\n");
    ck_assert_uint_eq(src.len, 7);
    xc_source_free(&src);
    unlink(path);

    /* A target in a missing directory fails with a diagnostic naming it
     * and leaves nothing behind. */
    snprintf(path, sizeof(path), "%s/missing/out.xml", tmpdir);
    ck_assert_int_eq(xc_write_atomic(path, "x", 1, &d), -1);
    ck_assert_uint_eq(d.nerrors, 1);
    ck_assert_str_eq(d.list.v[0].file, path);
    ck_assert_int_eq(rmdir(tmpdir), 0);   /* empty: no temporary left */
    xc_diags_free(&d);
}
END_TEST

START_TEST(source_missing_file)
{
    struct xc_diags d = {0};
    struct xc_source src;
    ck_assert_int_eq(xc_source_load(&src, "/nonexistent/guest.cfg", &d), -1);
    ck_assert_str_eq(d.list.v[0].file, "/nonexistent/guest.cfg");
    xc_source_free(&src);
    xc_diags_free(&d);
}
END_TEST

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
}

START_TEST(settings_file)
{
    char path[] = "/tmp/xc-settings-XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    struct xc_settings s;
    struct xc_diags d = {0};

    xc_settings_init(&s);
    ck_assert_str_eq(s.firmware_dir, "/usr/lib/xen/boot");
    ck_assert_str_eq(s.hvmloader, "/usr/lib/xen/boot/hvmloader");
    write_file(path, "# comment\nfirmware_dir = \"/opt/xen/fw\";\n");
    ck_assert_int_eq(xc_settings_load(&s, path, &d), 0);
    ck_assert_str_eq(s.firmware_dir, "/opt/xen/fw");
    ck_assert_str_eq(s.hvmloader, "/opt/xen/fw/hvmloader");
    ck_assert_str_eq(s.emulator, "/usr/lib/xen/bin/qemu-system-i386");
    xc_settings_free(&s);

    xc_settings_init(&s);
    write_file(path, "emulator = 42;\n");
    ck_assert_int_eq(xc_settings_load(&s, path, &d), -1);
    ck_assert_uint_eq(d.list.v[0].pos.line, 1);
    xc_settings_free(&s);

    xc_settings_init(&s);
    write_file(path, "firmware_dir = \"/x\"\n\nemulator = ;\n");
    ck_assert_int_eq(xc_settings_load(&s, path, &d), -1);
    ck_assert_uint_eq(d.list.v[1].pos.line, 3);
    xc_settings_free(&s);
    unlink(path);
    xc_diags_free(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("common");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, buf_grows_and_formats);
    tcase_add_test(tc, buf_formats_as_snprintf);
    tcase_add_test(tc, vec_push_zeroes);
    tcase_add_test(tc, diag_format);
    tcase_add_test(tc, loss_names_the_target);
    tcase_add_test(tc, diags_print_in_input_order);
    tcase_add_test(tc, uuid_roundtrip);
    tcase_add_test(tc, enum_tables);
    tcase_add_test(tc, atomic_write_replaces_whole_file);
    tcase_add_test(tc, source_missing_file);
    tcase_add_test(tc, settings_file);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
