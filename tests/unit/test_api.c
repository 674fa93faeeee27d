/* libxenconv's public interface (include/xenconv.h), through that header
 * only: sources from memory and files, named and detected formats, several
 * writes of one read, diagnostics field by field (positions, checks, the
 * loss flag, the command's text), stable diagnostic handles, settings,
 * and every misuse the header documents as XENCONV_EUSAGE. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "include/xenconv.h"

static const char pv_cfg[] =
    "name = \"t\"\n"
    "memory = 512\n"
    "vcpus = 2\n"
    "kernel = \"/boot/vmlinuz\"\n"
    "nosuchkey = 1\n";

static const char hvm_cfg[] =
    "name = \"h\"\n"
    "type = \"hvm\"\n"
    "memory = 1024\n"
    "uuid = \"8f9619ac-c926-4b2f-93e1-b4c3642c0ff0\"\n";

static xenconv_source *mem(const char *name, const char *text)
{
    xenconv_source *s = xenconv_open_mem(name, text, strlen(text));
    ck_assert_ptr_nonnull(s);
    return s;
}

/* The diagnostic with check name `check`, or NULL. */
static const xenconv_diag *find_check(const xenconv_source *s,
                                      const char *check)
{
    for (size_t i = 0; i < xenconv_diag_count(s); i++) {
        const xenconv_diag *g = xenconv_diag_get(s, i);
        const char *c = xenconv_diag_check(g);
        if (c && strcmp(c, check) == 0)
            return g;
    }
    return NULL;
}

START_TEST(version)
{
    ck_assert_str_eq(xenconv_version(), XENCONV_VERSION);
}
END_TEST

START_TEST(detect_read_write)
{
    xenconv_source *s = mem("pv.cfg", pv_cfg);
    ck_assert_ptr_null(xenconv_format(s));
    ck_assert_int_eq(xenconv_read(s, NULL), XENCONV_OK);
    ck_assert_str_eq(xenconv_format(s), "xen-xl");

    /* the detect note first (no position), then the loss at 5:1 */
    ck_assert_uint_eq(xenconv_diag_count(s), 2);
    const xenconv_diag *note = xenconv_diag_get(s, 0);
    ck_assert_int_eq(xenconv_diag_severity(note), XENCONV_NOTE);
    ck_assert_str_eq(xenconv_diag_check(note), "detect");
    ck_assert_uint_eq(xenconv_diag_line(note), 0);
    ck_assert_uint_eq(xenconv_diag_column(note), 0);
    ck_assert_str_eq(xenconv_diag_text(note),
                     "pv.cfg: note: input format guessed as xen-xl (no xm-only "
                     "key or disk spec; xen-xl is the default) [detect]");
    const xenconv_diag *loss = xenconv_diag_get(s, 1);
    ck_assert_int_eq(xenconv_diag_severity(loss), XENCONV_WARNING);
    ck_assert_str_eq(xenconv_diag_file(loss), "pv.cfg");
    ck_assert_uint_eq(xenconv_diag_line(loss), 5);
    ck_assert_uint_eq(xenconv_diag_column(loss), 1);
    ck_assert_str_eq(xenconv_diag_check(loss), "unused-key");
    ck_assert_int_eq(xenconv_diag_lost(loss), 1);
    ck_assert_str_eq(xenconv_diag_message(loss),
                     "key 'nosuchkey' is not carried to the output");
    ck_assert_ptr_null(xenconv_diag_get(s, 2));
    ck_assert_uint_eq(xenconv_error_count(s), 0);

    /* one read, two writes; the generated uuid is the same in both */
    char *xml = NULL, *xl = NULL;
    size_t xml_len = 0, xl_len = 0;
    ck_assert_int_eq(xenconv_write(s, "xml", &xml, &xml_len), XENCONV_OK);
    ck_assert_uint_eq(strlen(xml), xml_len);
    ck_assert_ptr_nonnull(strstr(xml, "<domain type='xen'>\n  <name>t</name>\n"));
    ck_assert_ptr_nonnull(strstr(xml, "<kernel>/boot/vmlinuz</kernel>"));
    ck_assert_int_eq(xenconv_write(s, "xl", &xl, &xl_len), XENCONV_OK);
    ck_assert_ptr_nonnull(strstr(xl, "name = \"t\"\n"));
    const char *u = strstr(xml, "<uuid>");
    ck_assert_ptr_nonnull(u);
    char uuid[37];
    memcpy(uuid, u + 6, 36);
    uuid[36] = '\0';
    ck_assert_ptr_nonnull(strstr(xl, uuid));
    xenconv_free(xml);
    xenconv_free(xl);
    xenconv_close(s);
}
END_TEST

/* convert names the target in loss warnings, as the command does */
START_TEST(convert_names_target)
{
    xenconv_source *s = mem("pv.cfg", pv_cfg);
    char *out = NULL;
    ck_assert_int_eq(xenconv_convert(s, "xen-xl", "xml", &out, NULL), XENCONV_OK);
    ck_assert_ptr_nonnull(out);
    ck_assert_uint_eq(xenconv_diag_count(s), 1);     /* named: no detect note */
    ck_assert_str_eq(xenconv_diag_text(xenconv_diag_get(s, 0)),
                     "pv.cfg:5:1: warning: key 'nosuchkey' is not carried to "
                     "domain XML [unused-key]");
    xenconv_free(out);
    xenconv_close(s);
}
END_TEST

START_TEST(invalid_input)
{
    xenconv_source *s = mem("bad.cfg", "name = \"t\"\nmemory = 512\n"
                                       "vif = [ \"mac=00:16:3e:zz:00:01\" ]\n");
    char *out = (char *)1;
    size_t len = 7;
    ck_assert_int_eq(xenconv_convert(s, "xl", "xml", &out, &len), XENCONV_EINPUT);
    ck_assert_ptr_null(out);
    ck_assert_uint_eq(len, 0);
    ck_assert_uint_eq(xenconv_error_count(s), 1);
    const xenconv_diag *g = find_check(s, "bad-mac");
    ck_assert_ptr_nonnull(g);
    ck_assert_int_eq(xenconv_diag_severity(g), XENCONV_ERROR);
    ck_assert_uint_eq(xenconv_diag_line(g), 3);
    ck_assert_uint_eq(xenconv_diag_column(g), 14);
    ck_assert_int_eq(xenconv_diag_lost(g), 0);
    ck_assert_str_eq(xenconv_diag_text(g),
                     "bad.cfg:3:14: error: vif mac: malformed MAC address "
                     "'00:16:3e:zz:00:01' [bad-mac]");
    /* nothing read: writing is a usage error */
    ck_assert_int_eq(xenconv_write(s, "xml", &out, &len), XENCONV_EUSAGE);
    ck_assert_ptr_null(out);
    xenconv_close(s);
}
END_TEST

START_TEST(nul_bytes_and_empty)
{
    static const char data[] = "name = \"t\"\nmemory = 5\0\n";
    xenconv_source *s = xenconv_open_mem(NULL, data, sizeof(data) - 1);
    ck_assert_int_eq(xenconv_read(s, "xen-xl"), XENCONV_EINPUT);
    const xenconv_diag *g = find_check(s, "syntax");
    ck_assert_ptr_nonnull(g);
    ck_assert_str_eq(xenconv_diag_file(g), "<input>");
    ck_assert_uint_eq(xenconv_diag_line(g), 2);
    ck_assert_uint_eq(xenconv_diag_column(g), 11);
    xenconv_close(s);

    /* no bytes at all: a clean error in every format */
    static const char *const fmts[] = {"xl", "xm", "sxpr", "xml", NULL};
    for (size_t i = 0; fmts[i]; i++) {
        s = xenconv_open_mem("empty", NULL, 0);
        ck_assert_ptr_nonnull(s);
        ck_assert_int_eq(xenconv_read(s, fmts[i]), XENCONV_EINPUT);
        ck_assert_uint_ge(xenconv_error_count(s), 1);
        xenconv_close(s);
    }
    ck_assert_ptr_null(xenconv_open_mem("x", NULL, 3));
}
END_TEST

START_TEST(files)
{
    xenconv_source *s = xenconv_open_file("/nonexistent/dir/guest.cfg");
    ck_assert_ptr_nonnull(s);
    const xenconv_diag *g = find_check(s, "io");
    ck_assert_ptr_nonnull(g);
    ck_assert_str_eq(xenconv_diag_file(g), "/nonexistent/dir/guest.cfg");
    ck_assert_int_eq(xenconv_read(s, NULL), XENCONV_EINPUT);
    xenconv_close(s);

    s = xenconv_open_file("examples/guest.cfg");
    ck_assert_uint_eq(xenconv_diag_count(s), 0);
    char *xml = NULL;
    ck_assert_int_eq(xenconv_convert(s, NULL, "domxml", &xml, NULL), XENCONV_OK);
    ck_assert_ptr_nonnull(strstr(xml, "<domain type='xen'>"));
    xenconv_free(xml);
    xenconv_close(s);
    ck_assert_ptr_null(xenconv_open_file(NULL));
}
END_TEST

START_TEST(usage_errors)
{
    xenconv_source *s = mem("pv.cfg", pv_cfg);
    char *out = NULL;
    ck_assert_int_eq(xenconv_write(s, "xml", &out, NULL), XENCONV_EUSAGE);
    const xenconv_diag *g = xenconv_diag_get(s, 0);
    ck_assert_str_eq(xenconv_diag_text(g),
                     "xenconv: error: the source has not been read successfully [usage]");
    ck_assert_int_eq(xenconv_read(s, "yaml"), XENCONV_EUSAGE);
    ck_assert_ptr_nonnull(find_check(s, "usage"));
    ck_assert_int_eq(xenconv_read(s, "xl"), XENCONV_EUSAGE);   /* read once */
    xenconv_close(s);

    s = mem("pv.cfg", pv_cfg);
    ck_assert_int_eq(xenconv_convert(s, "bogus", "bogus2", &out, NULL), XENCONV_EUSAGE);
    ck_assert_uint_eq(xenconv_diag_count(s), 2);
    ck_assert_str_eq(xenconv_diag_message(xenconv_diag_get(s, 0)),
                     "unknown output format 'bogus2'");
    ck_assert_str_eq(xenconv_diag_message(xenconv_diag_get(s, 1)),
                     "unknown input format 'bogus'");
    ck_assert_int_eq(xenconv_read(s, "xl"), XENCONV_OK);      /* not read yet */
    ck_assert_int_eq(xenconv_write(s, "nope", &out, NULL), XENCONV_EUSAGE);
    ck_assert_int_eq(xenconv_write(s, "xml", NULL, NULL), XENCONV_EUSAGE);
    ck_assert_int_eq(xenconv_write(NULL, "xml", &out, NULL), XENCONV_EUSAGE);
    ck_assert_int_eq(xenconv_read(NULL, "xml"), XENCONV_EUSAGE);
    ck_assert_int_eq(xenconv_load_settings(s, NULL), XENCONV_EUSAGE);
    ck_assert_uint_eq(xenconv_diag_count(NULL), 0);
    ck_assert_ptr_null(xenconv_diag_get(NULL, 0));
    ck_assert_ptr_null(xenconv_format(NULL));
    xenconv_close(s);
    xenconv_close(NULL);
    xenconv_free(NULL);
    ck_assert_str_eq(xenconv_severity_name(XENCONV_WARNING), "warning");
}
END_TEST

/* A handle stays valid while later calls add diagnostics. */
START_TEST(stable_handles)
{
    xenconv_source *s = mem("pv.cfg", pv_cfg);
    ck_assert_int_eq(xenconv_read(s, NULL), XENCONV_OK);
    const xenconv_diag *first = xenconv_diag_get(s, 1);
    const char *text = xenconv_diag_text(first);
    char *out = NULL;
    for (int i = 0; i < 100; i++)
        ck_assert_int_eq(xenconv_write(s, "none", &out, NULL), XENCONV_EUSAGE);
    ck_assert_uint_eq(xenconv_diag_count(s), 102);
    ck_assert_ptr_eq(xenconv_diag_text(first), text);
    ck_assert_uint_eq(xenconv_diag_line(first), 5);
    /* positionless usage errors come before the loss in the order */
    ck_assert_uint_eq(xenconv_diag_line(xenconv_diag_get(s, 101)), 0);
    xenconv_close(s);
}
END_TEST

START_TEST(settings)
{
    const char *path = "api-settings.conf";
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs("firmware_dir = \"/opt/fw\";\n", f);
    fclose(f);
    xenconv_source *s = mem("hvm.cfg", hvm_cfg);
    ck_assert_int_eq(xenconv_load_settings(s, path), XENCONV_OK);
    char *xml = NULL;
    ck_assert_int_eq(xenconv_convert(s, "xl", "xml", &xml, NULL), XENCONV_OK);
    ck_assert_ptr_nonnull(strstr(xml, "<loader type='rom'>/opt/fw/hvmloader</loader>"));
    xenconv_free(xml);
    xenconv_close(s);
    remove(path);

    s = mem("hvm.cfg", hvm_cfg);
    ck_assert_int_eq(xenconv_load_settings(s, "/nonexistent.conf"), XENCONV_EUSAGE);
    ck_assert_ptr_nonnull(find_check(s, "settings"));
    /* the built-in defaults remain */
    ck_assert_int_eq(xenconv_convert(s, "xl", "xml", &xml, NULL), XENCONV_OK);
    ck_assert_ptr_nonnull(strstr(xml, "<loader type='rom'>/usr/lib/xen/boot/hvmloader</loader>"));
    xenconv_free(xml);
    xenconv_close(s);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *tc = tcase_create("api");
    tcase_add_test(tc, version);
    tcase_add_test(tc, detect_read_write);
    tcase_add_test(tc, convert_names_target);
    tcase_add_test(tc, invalid_input);
    tcase_add_test(tc, nul_bytes_and_empty);
    tcase_add_test(tc, files);
    tcase_add_test(tc, usage_errors);
    tcase_add_test(tc, stable_handles);
    tcase_add_test(tc, settings);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
