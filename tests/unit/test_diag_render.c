/* Unit tests for the JSON and SARIF renderers of diagnostics
 * (common/diag_json.c, common/diag_sarif.c). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/diag_json.h"
#include "common/diag_sarif.h"

/* Everything written to a memory stream by fn. */
static char *capture(void (*fn)(FILE *, const struct xc_diags *),
                     const struct xc_diags *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(f);
    fn(f, d);
    fclose(f);
    return text;
}

static void sample(struct xc_diags *d)
{
    d->file = "dir/a b.cfg";
    xc_error(d, ((struct xc_pos){3, 9}), "bad-value", "mac '%s' \"quoted\"", "zz");
    xc_warn(d, xc_nopos, NULL, "tab\there \x01 \xff");
}

static void json_doc(FILE *f, const struct xc_diags *d)
{
    struct xc_diag_json j;
    xc_diag_json_begin(&j, f, "xenconv_lint");
    for (size_t i = 0; i < d->list.n; i++)
        xc_diag_json_add(&j, &d->list.v[i]);
    xc_diag_json_end(&j, 2);
}

static const struct xc_sarif_rule rules[] = {
    {"syntax", "Syntax errors"},
    {"bad-value", "Values that do not parse"},
};

static void sarif_doc(FILE *f, const struct xc_diags *d)
{
    struct xc_diag_sarif s;
    xc_diag_sarif_begin(&s, f, "xenconv", "1.2", rules, 2);
    for (size_t i = 0; i < d->list.n; i++)
        xc_diag_sarif_add(&s, &d->list.v[i]);
    xc_diag_sarif_end(&s, true);
}

START_TEST(json_document)
{
    struct xc_diags d = {0};
    sample(&d);
    char *t = capture(json_doc, &d);
    ck_assert_str_eq(t,
        "{\n  \"xenconv_lint\": 1,\n  \"findings\": [\n"
        "    {\"file\": \"dir/a b.cfg\", \"line\": 3, \"column\": 9, "
        "\"severity\": \"error\", \"check\": \"bad-value\", "
        "\"message\": \"mac 'zz' \\\"quoted\\\"\"},\n"
        "    {\"file\": \"dir/a b.cfg\", \"line\": null, \"column\": null, "
        "\"severity\": \"warning\", \"check\": null, "
        "\"message\": \"tab\\there \\u0001 \\ufffd\"}\n"
        "  ],\n  \"files\": 2,\n  \"errors\": 1,\n  \"warnings\": 1,\n"
        "  \"notes\": 0\n}\n");
    free(t);
    xc_diags_free(&d);
}
END_TEST

START_TEST(json_empty)
{
    struct xc_diags d = {0};
    char *t = capture(json_doc, &d);
    ck_assert_str_eq(t, "{\n  \"xenconv_lint\": 1,\n  \"findings\": [],\n"
                        "  \"files\": 2,\n  \"errors\": 0,\n  \"warnings\": 0,\n"
                        "  \"notes\": 0\n}\n");
    free(t);
}
END_TEST

START_TEST(sarif_document)
{
    struct xc_diags d = {0};
    sample(&d);
    char *t = capture(sarif_doc, &d);
    ck_assert_ptr_nonnull(strstr(t, "\"version\": \"2.1.0\""));
    ck_assert_ptr_nonnull(strstr(t, "{\"id\": \"bad-value\", \"shortDescription\": "
                                    "{\"text\": \"Values that do not parse\"}}"));
    ck_assert_ptr_nonnull(strstr(t,
        "{\"ruleId\": \"bad-value\", \"ruleIndex\": 1, \"level\": \"error\", "
        "\"message\": {\"text\": \"mac 'zz' \\\"quoted\\\"\"}, \"locations\": "
        "[{\"physicalLocation\": {\"artifactLocation\": {\"uri\": "
        "\"dir/a%20b.cfg\"}, \"region\": {\"startLine\": 3, \"startColumn\": 9}}}]}"));
    /* no check: no ruleId; no position: no region */
    ck_assert_ptr_nonnull(strstr(t,
        "{\"level\": \"warning\", \"message\": {\"text\": \"tab\\there \\u0001 "
        "\\ufffd\"}, \"locations\": [{\"physicalLocation\": {\"artifactLocation\": "
        "{\"uri\": \"dir/a%20b.cfg\"}}}]}"));
    ck_assert_ptr_nonnull(strstr(t, "\"executionSuccessful\": true"));
    free(t);
    xc_diags_free(&d);
}
END_TEST

START_TEST(sarif_uri)
{
    struct xc_buf b = {0};
    xc_sarif_uri(&b, "/etc/xen/w%b#1.cfg");
    ck_assert_str_eq(xc_buf_str(&b), "file:///etc/xen/w%25b%231.cfg");
    xc_buf_reset(&b);
    xc_sarif_uri(&b, "r\xc3\xa9/x:y");
    ck_assert_str_eq(xc_buf_str(&b), "r%C3%A9/x%3Ay");
    xc_buf_free(&b);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("diag_render");
    TCase *tc = tcase_create("core");
    tcase_add_test(tc, json_document);
    tcase_add_test(tc, json_empty);
    tcase_add_test(tc, sarif_document);
    tcase_add_test(tc, sarif_uri);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
