/* Unit tests for the migrate edit engine: the source spans formats/cfg
 * records (statement, value, list item, with comments and odd spacing)
 * and edits on them that keep every other byte. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/source.h"
#include "converters/migrate_edit.h"
#include "formats/cfg/cfg.h"

struct pc {
    struct xc_source src;
    struct xc_cfg cfg;
    struct xc_diags d;
};

static void parse(struct pc *p, const char *text)
{
    memset(p, 0, sizeof(*p));
    xc_source_from_mem(&p->src, "t.cfg", text, strlen(text));
    ck_assert_int_eq(xc_cfg_parse(&p->src, &p->cfg, &p->d), 0);
}

static void done(struct pc *p)
{
    xc_cfg_free(&p->cfg);
    xc_diags_free(&p->d);
    xc_source_free(&p->src);
}

/* the source bytes [off, end) */
static char *span(const struct pc *p, size_t off, size_t end)
{
    ck_assert(off <= end && end <= p->src.len);
    char *s = malloc(end - off + 1);
    memcpy(s, p->src.data + off, end - off);
    s[end - off] = '\0';
    return s;
}

#define ck_span(p, off, end, want) do {               \
        char *s_ = span(p, off, end);                 \
        ck_assert_str_eq(s_, want);                   \
        free(s_);                                     \
    } while (0)

START_TEST(spans)
{
    struct pc p;
    parse(&p, "# head\nname = 'web' # the name\n  memory=512;vcpus = 2\n"
              "disk = [ 'phy:/dev/a,xvda,w', # first\n"
              "         \"file:/b,xvdb,r\" ]\n"
              "extra = \"\"\"multi\nline\"\"\"\nx=[]");
    ck_assert_uint_eq(p.cfg.entries.n, 6);
    struct xc_cfg_entry *e = p.cfg.entries.v;
    ck_span(&p, e[0].key_off, e[0].value.end, "name = 'web'");
    ck_span(&p, e[0].value.off, e[0].value.end, "'web'");
    ck_span(&p, e[1].key_off, e[1].value.end, "memory=512");
    ck_span(&p, e[2].key_off, e[2].value.end, "vcpus = 2");
    ck_span(&p, e[3].value.off, e[3].value.end,
            "[ 'phy:/dev/a,xvda,w', # first\n         \"file:/b,xvdb,r\" ]");
    ck_span(&p, e[3].value.items.v[0].off, e[3].value.items.v[0].end,
            "'phy:/dev/a,xvda,w'");
    ck_span(&p, e[3].value.items.v[1].off, e[3].value.items.v[1].end,
            "\"file:/b,xvdb,r\"");
    ck_span(&p, e[4].value.off, e[4].value.end, "\"\"\"multi\nline\"\"\"");
    ck_span(&p, e[5].value.off, e[5].value.end, "[]");
    ck_assert_uint_eq(e[5].value.end, p.src.len);
    done(&p);
}
END_TEST

static void apply_eq(const struct xc_mig_edits *e, const struct pc *p,
                     const char *want)
{
    struct xc_buf out = {0};
    ck_assert_int_eq(xc_mig_apply(e, p->src.data, p->src.len, &out), 0);
    ck_assert_str_eq(xc_buf_str(&out), want);
    xc_buf_free(&out);
}

START_TEST(replace_keeps_the_rest)
{
    struct pc p;
    struct xc_mig_edits e = {0};
    parse(&p, "# xm\nbuilder = 'hvm'   # old\nmemory = 512\n");
    struct xc_cfg_entry *b = &p.cfg.entries.v[0];
    xc_mig_replace(&e, b->key_off, b->key_off + strlen(b->key), "type");
    apply_eq(&e, &p, "# xm\ntype = 'hvm'   # old\nmemory = 512\n");
    /* no edits: the text itself */
    struct xc_mig_edits none = {0};
    apply_eq(&none, &p, p.src.data);
    xc_mig_edits_free(&e);
    done(&p);
}
END_TEST

START_TEST(delete_whole_line)
{
    struct pc p;
    struct xc_mig_edits e = {0};
    parse(&p, "a = 1\n  fda = '/f.img'  # floppy\nb = 2\n");
    struct xc_cfg_entry *f = &p.cfg.entries.v[1];
    xc_mig_delete_statement(&e, p.src.data, p.src.len, f->key_off, f->value.end);
    apply_eq(&e, &p, "a = 1\nb = 2\n");
    xc_mig_edits_free(&e);
    done(&p);
    /* last line without a newline */
    parse(&p, "a = 1\nfda = 2");
    f = &p.cfg.entries.v[1];
    xc_mig_delete_statement(&e, p.src.data, p.src.len, f->key_off, f->value.end);
    apply_eq(&e, &p, "a = 1\n");
    xc_mig_edits_free(&e);
    done(&p);
}
END_TEST

START_TEST(delete_shared_line)
{
    struct pc p;
    struct xc_mig_edits e = {0};
    parse(&p, "a = 1; fda = 2; b = 3 # c\n");
    struct xc_cfg_entry *f = &p.cfg.entries.v[1];
    xc_mig_delete_statement(&e, p.src.data, p.src.len, f->key_off, f->value.end);
    apply_eq(&e, &p, "a = 1; b = 3 # c\n");
    xc_mig_edits_free(&e);
    f = &p.cfg.entries.v[0];
    xc_mig_delete_statement(&e, p.src.data, p.src.len, f->key_off, f->value.end);
    apply_eq(&e, &p, "fda = 2; b = 3 # c\n");
    xc_mig_edits_free(&e);
    f = &p.cfg.entries.v[2];
    xc_mig_delete_statement(&e, p.src.data, p.src.len, f->key_off, f->value.end);
    apply_eq(&e, &p, "a = 1; fda = 2; # c\n");
    xc_mig_edits_free(&e);
    done(&p);
}
END_TEST

START_TEST(insert_and_items)
{
    struct pc p;
    struct xc_mig_edits e = {0};
    parse(&p, "device_model = '/usr/lib/xen/bin/qemu-dm'\n"
              "disk = [ 'phy:/d,xvda,w!', 'file:/e,xvdb,r' ]\nvcpus = 1");
    struct xc_cfg_entry *dm = &p.cfg.entries.v[0], *dk = &p.cfg.entries.v[1];
    xc_mig_replace(&e, dm->key_off, dm->key_off + strlen(dm->key),
                   "device_model_override");
    xc_mig_insert_line_after(&e, p.src.data, p.src.len, dm->value.end,
                             "device_model_version = 'qemu-xen-traditional'");
    struct xc_cfg_value *it = &dk->value.items.v[0];
    xc_mig_replace(&e, it->end - 2, it->end - 1, "");   /* the '!' */
    apply_eq(&e, &p, "device_model_override = '/usr/lib/xen/bin/qemu-dm'\n"
                     "device_model_version = 'qemu-xen-traditional'\n"
                     "disk = [ 'phy:/d,xvda,w', 'file:/e,xvdb,r' ]\nvcpus = 1");
    /* after a last line with no newline */
    struct xc_cfg_entry *v = &p.cfg.entries.v[2];
    xc_mig_insert_line_after(&e, p.src.data, p.src.len, v->value.end, "x = 2");
    struct xc_buf out = {0};
    ck_assert_int_eq(xc_mig_apply(&e, p.src.data, p.src.len, &out), 0);
    ck_assert(strstr(xc_buf_str(&out), "vcpus = 1\nx = 2") != NULL);
    xc_buf_free(&out);
    xc_mig_edits_free(&e);
    done(&p);
}
END_TEST

START_TEST(overlap_refused)
{
    struct pc p;
    struct xc_mig_edits e = {0};
    parse(&p, "name = 'abc'\n");
    xc_mig_replace(&e, 0, 6, "x");
    xc_mig_replace(&e, 4, 8, "y");
    struct xc_buf out = {0};
    ck_assert_int_eq(xc_mig_apply(&e, p.src.data, p.src.len, &out), -1);
    ck_assert_uint_eq(out.len, 0);
    xc_mig_edits_free(&e);
    done(&p);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("migrate_edit");
    TCase *tc = tcase_create("edit");
    tcase_add_test(tc, spans);
    tcase_add_test(tc, replace_keeps_the_rest);
    tcase_add_test(tc, delete_whole_line);
    tcase_add_test(tc, delete_shared_line);
    tcase_add_test(tc, insert_and_items);
    tcase_add_test(tc, overlap_refused);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? 1 : 0;
}
