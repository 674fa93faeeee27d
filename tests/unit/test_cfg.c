/* Unit tests for formats/cfg: lexer, parser, builder, serializer, and
 * that xl's own parser (libxlutil) reads our output back unchanged. */
#include <check.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxlutil.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/source.h"
#include "formats/cfg/cfg.h"

/* ---- helpers ---------------------------------------------------------- */

static struct xc_diags diags;
static struct xc_cfg cfg;

static void setup(void)
{
    memset(&diags, 0, sizeof(diags));
    memset(&cfg, 0, sizeof(cfg));
}

static void teardown(void)
{
    xc_cfg_free(&cfg);
    xc_diags_free(&diags);
}

static int parse_len(const char *text, size_t len)
{
    struct xc_source src;
    xc_source_from_mem(&src, "t.cfg", text, len);
    xc_cfg_free(&cfg);
    xc_diags_clear(&diags);
    int rc = xc_cfg_parse(&src, &cfg, &diags);
    xc_source_free(&src);
    return rc;
}

static int parse(const char *text)
{
    return parse_len(text, strlen(text));
}

static void parse_ok(const char *text)
{
    int rc = parse(text);
    if (rc != 0)
        xc_diags_print(&diags, stderr);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(diags.list.n, 0);
}

/* Parsing text fails with one error at line:col whose message holds msg. */
static void expect_error_len(const char *text, size_t len, unsigned line,
                             unsigned col, const char *msg)
{
    ck_assert_int_eq(parse_len(text, len), -1);
    ck_assert_uint_eq(cfg.entries.n, 0);
    ck_assert_uint_ge(diags.list.n, 1);
    const struct xc_diag *g = &diags.list.v[0];
    if (g->pos.line != line || g->pos.col != col || !strstr(g->msg, msg))
        xc_diags_print(&diags, stderr);
    ck_assert_int_eq(g->sev, XC_SEV_ERROR);
    ck_assert_str_eq(g->file, "t.cfg");
    ck_assert_str_eq(g->check, "syntax");
    ck_assert_uint_eq(g->pos.line, line);
    ck_assert_uint_eq(g->pos.col, col);
    ck_assert_ptr_nonnull(strstr(g->msg, msg));
}

static void expect_error(const char *text, unsigned line, unsigned col,
                         const char *msg)
{
    expect_error_len(text, strlen(text), line, col, msg);
}

static struct xc_cfg_value *val(const char *key)
{
    struct xc_cfg_entry *e = xc_cfg_get(&cfg, key);
    ck_assert_msg(e != NULL, "no key %s", key);
    return &e->value;
}

static void assert_pos(struct xc_pos p, unsigned line, unsigned col)
{
    ck_assert_uint_eq(p.line, line);
    ck_assert_uint_eq(p.col, col);
}

/* Serialize cfg (XL style) into a C string the caller frees. */
static char *serialize(void)
{
    struct xc_buf b = {0};
    int rc = xc_cfg_serialize(&cfg, &b, &diags);
    if (rc != 0)
        xc_diags_print(&diags, stderr);
    ck_assert_int_eq(rc, 0);
    return xc_buf_steal(&b);
}

/* What xl reads for key in text: a malloc'd string, or NULL if xl cannot
 * parse text or key is not a string. */
static char *xl_read_string(const char *text, const char *key)
{
    FILE *devnull = fopen("/dev/null", "w");
    ck_assert_ptr_nonnull(devnull);
    XLU_Config *c = xlu_cfg_init(devnull, "t.cfg");
    ck_assert_ptr_nonnull(c);
    char *res = NULL;
    if (xlu_cfg_readdata(c, text, (int)strlen(text)) == 0) {
        const char *s = NULL;
        if (xlu_cfg_get_string(c, key, &s, 1) == 0)
            res = strdup(s);
    }
    xlu_cfg_destroy(c);
    fclose(devnull);
    return res;
}

static char *xl_read_item(const char *text, const char *key, int i)
{
    FILE *devnull = fopen("/dev/null", "w");
    ck_assert_ptr_nonnull(devnull);
    XLU_Config *c = xlu_cfg_init(devnull, "t.cfg");
    char *res = NULL;
    if (xlu_cfg_readdata(c, text, (int)strlen(text)) == 0) {
        XLU_ConfigList *l = NULL;
        int n = 0;
        if (xlu_cfg_get_list(c, key, &l, &n, 1) == 0 && i < n) {
            const char *s = xlu_cfg_get_listitem(l, i);
            if (s)
                res = strdup(s);
        }
    }
    xlu_cfg_destroy(c);
    fclose(devnull);
    return res;
}

/* ---- tokens ----------------------------------------------------------- */

START_TEST(token_kinds)
{
    parse_ok("s1 = \"dq\"\n"
             "s2 = 'sq'\n"
             "s3 = \"\"\"tri\"ple\"\"\"\n"
             "s4 = \"\"\n"
             "n1 = 42\n"
             "n2 = -7\n"
             "n3 = +5\n"
             "n4 = 010\n"
             "n5 = 0x1f\n"
             "n6 = 9223372036854775807\n"
             "n7 = -9223372036854775808\n"
             "l1 = [ \"a\", 1, 'b' ]\n"
             "l2 = []\n"
             "l3 = [ [ \"x\" ], [] ]\n");
    ck_assert_uint_eq(cfg.entries.n, 14);
    ck_assert_int_eq(val("s1")->kind, XC_CFG_STRING);
    ck_assert_str_eq(val("s1")->str, "dq");
    ck_assert_str_eq(val("s2")->str, "sq");
    ck_assert_str_eq(val("s3")->str, "tri\"ple");
    ck_assert_str_eq(val("s4")->str, "");
    struct { const char *k, *lit; long long v; } nums[] = {
        {"n1", "42", 42}, {"n2", "-7", -7}, {"n3", "+5", 5},
        {"n4", "010", 10}, {"n5", "0x1f", 31},
        {"n6", "9223372036854775807", LLONG_MAX},
        {"n7", "-9223372036854775808", LLONG_MIN},
    };
    for (size_t i = 0; i < sizeof(nums) / sizeof(nums[0]); i++) {
        struct xc_cfg_value *v = val(nums[i].k);
        ck_assert_int_eq(v->kind, XC_CFG_NUMBER);
        ck_assert_str_eq(v->str, nums[i].lit);
        ck_assert(v->num == nums[i].v);
    }
    struct xc_cfg_value *l = val("l1");
    ck_assert_int_eq(l->kind, XC_CFG_LIST);
    ck_assert_uint_eq(l->items.n, 3);
    ck_assert_str_eq(l->items.v[0].str, "a");
    ck_assert_int_eq(l->items.v[1].kind, XC_CFG_NUMBER);
    ck_assert_int_eq(l->items.v[1].num, 1);
    ck_assert_str_eq(l->items.v[2].str, "b");
    ck_assert_uint_eq(val("l2")->items.n, 0);
    l = val("l3");
    ck_assert_uint_eq(l->items.n, 2);
    ck_assert_int_eq(l->items.v[0].kind, XC_CFG_LIST);
    ck_assert_str_eq(l->items.v[0].items.v[0].str, "x");
    ck_assert_uint_eq(l->items.v[1].items.n, 0);
}
END_TEST

START_TEST(separators_and_comments)
{
    parse_ok("# leading comment\n"
             "\n   \t\n"
             "a = 1; b = 2 ;c=3\n"
             ";;\n"
             "d = \"x#y\"   # trailing comment\n"
             "e = 'v' # no newline at end");
    ck_assert_uint_eq(cfg.entries.n, 5);
    ck_assert_int_eq(val("a")->num, 1);
    ck_assert_int_eq(val("b")->num, 2);
    ck_assert_int_eq(val("c")->num, 3);
    ck_assert_str_eq(val("d")->str, "x#y");
    ck_assert_str_eq(val("e")->str, "v");

    /* CR line ends (virConf reads them; columns restart only after LF) */
    parse_ok("a = 1\r\nb = \"x\"\r\n");
    ck_assert_uint_eq(cfg.entries.n, 2);
    assert_pos(cfg.entries.v[1].key_pos, 2, 1);

    /* keys: virConf's capitals and xl's dots */
    parse_ok("Name = 1\nvif.x_1 = 2\n");
    ck_assert_ptr_nonnull(xc_cfg_get(&cfg, "Name"));
    ck_assert_ptr_nonnull(xc_cfg_get(&cfg, "vif.x_1"));
}
END_TEST

START_TEST(escapes_xl_style)
{
    parse_ok("a = \"x\\\\y\"\n"            /* "x\\y" */
             "b = \"q\\\"r\"\n"            /* "q\"r" */
             "c = 's\\'t'\n"               /* 's\'t' */
             "d = \"\\n\\t\\r\\a\\b\\f\\v\"\n"
             "e = \"plain\"\n"
             "f = \"bad\\x41\"\n"
             "g = \"C:\\\"\n"              /* "C:\" : virConf only */
             "h = \"raw\rcr\"\n");
    struct xc_cfg_value *v = val("a");
    ck_assert_str_eq(v->str, "x\\y");
    ck_assert_str_eq(v->raw, "x\\\\y");
    ck_assert_uint_eq(xc_cfg_xl_bad(v).line, 0);
    v = val("b");
    ck_assert_str_eq(v->str, "q\"r");
    ck_assert_str_eq(v->raw, "q\\\"r");
    ck_assert_str_eq(val("c")->str, "s't");
    ck_assert_str_eq(val("d")->str, "\n\t\r\a\b\f\v");
    v = val("e");
    ck_assert_ptr_null(v->raw);
    ck_assert_uint_eq(xc_cfg_xl_bad(v).line, 0);
    v = val("f");
    ck_assert_str_eq(v->str, "bad\\x41");     /* kept verbatim */
    ck_assert_ptr_null(v->raw);
    assert_pos(xc_cfg_xl_bad(v), 6, 9);
    v = val("g");
    ck_assert_str_eq(v->str, "C:\\");
    assert_pos(xc_cfg_xl_bad(v), 7, 8);
    ck_assert_str_eq(val("h")->str, "raw\rcr");
    /* triple quotes: xl cannot read them */
    parse_ok("t = \"\"\"a\nb\\n\"\"\"\n");
    v = val("t");
    ck_assert_str_eq(v->str, "a\nb\\n");
    assert_pos(xc_cfg_xl_bad(v), 1, 5);
}
END_TEST

START_TEST(positions)
{
    parse_ok("name = \"g\"\n"
             "  memory\t= 512\n"
             "disk = [ \"a\",\n"
             "         'b' ,\n"
             "\t5 ]\n"
             "x = 1; yy = \"\"\"m\nl\"\"\"; z = 2\n");
    struct xc_cfg_entry *e = xc_cfg_get(&cfg, "name");
    assert_pos(e->key_pos, 1, 1);
    assert_pos(e->value.pos, 1, 8);
    e = xc_cfg_get(&cfg, "memory");
    assert_pos(e->key_pos, 2, 3);
    assert_pos(e->value.pos, 2, 12);
    e = xc_cfg_get(&cfg, "disk");
    assert_pos(e->value.pos, 3, 8);
    assert_pos(e->value.items.v[0].pos, 3, 10);
    assert_pos(e->value.items.v[1].pos, 4, 10);
    assert_pos(e->value.items.v[2].pos, 5, 2);
    e = xc_cfg_get(&cfg, "yy");
    assert_pos(e->key_pos, 6, 8);
    assert_pos(e->value.pos, 6, 13);
    e = xc_cfg_get(&cfg, "z");   /* after a multi-line string */
    assert_pos(e->key_pos, 7, 7);
    assert_pos(e->value.pos, 7, 11);
}
END_TEST

START_TEST(multiline_lists)
{
    parse_ok("disk = [\n"
             "    # first disk\n"
             "    \"phy:/dev/a,xvda,w\",   # comment after item\n"
             "\n"
             "    \"file:/b,xvdb,r\"\n"
             "    , \"c\",\n"
             "    # trailing comment\n"
             "    ]\n"
             "vif = [ 'bridge=br0', ]\n"
             "empty = [\n"
             "]\n");
    struct xc_cfg_value *v = val("disk");
    ck_assert_uint_eq(v->items.n, 3);
    ck_assert_str_eq(v->items.v[0].str, "phy:/dev/a,xvda,w");
    ck_assert_str_eq(v->items.v[1].str, "file:/b,xvdb,r");
    ck_assert_str_eq(v->items.v[2].str, "c");
    assert_pos(v->items.v[2].pos, 6, 7);
    ck_assert_uint_eq(val("vif")->items.n, 1);
    ck_assert_uint_eq(val("empty")->items.n, 0);
}
END_TEST

START_TEST(append_entries)
{
    parse_ok("extra = \"a\"\nextra += \" b\"\ndisk = []\ndisk+=[\"x\"]\n");
    ck_assert_uint_eq(cfg.entries.n, 4);
    ck_assert(!cfg.entries.v[0].append);
    ck_assert(cfg.entries.v[1].append);
    ck_assert(cfg.entries.v[3].append);
    ck_assert_uint_eq(xc_cfg_count(&cfg, "extra"), 2);
    ck_assert_uint_eq(xc_cfg_count(&cfg, "nope"), 0);
    /* virConf semantics: the first entry */
    struct xc_cfg_entry *e = xc_cfg_get(&cfg, "extra");
    ck_assert_ptr_eq(e, &cfg.entries.v[0]);
    ck_assert(e->used);
    ck_assert(!cfg.entries.v[1].used);
    /* written back as += */
    char *out = serialize();
    ck_assert_str_eq(out, "extra = \"a\"\nextra += \" b\"\ndisk = [  ]\ndisk += [ \"x\" ]\n");
    char *x = xl_read_string(out, "extra");
    ck_assert_str_eq(x, "a b");
    free(x);
    free(out);
}
END_TEST

/* ---- errors ----------------------------------------------------------- */

START_TEST(syntax_errors)
{
    expect_error("a = \"abc\nb = 1\n", 1, 5, "unterminated string: end of line at 1:9");
    expect_error("x = 1\na = 'abc", 2, 5, "unterminated string: end of file at 2:9");
    expect_error("a = \"\"\"abc\n\ndef", 1, 5, "unterminated \"\"\" string: end of file at 3:4");
    expect_error("a 1\n", 1, 3, "expecting '=' after 'a'");
    expect_error("a\n= 1\n", 1, 2, "expecting '=' after 'a', found end of line");
    expect_error("a = \n1\n", 1, 5, "expecting a value, found end of line");
    expect_error("a =", 1, 4, "expecting a value, found end of file");
    expect_error("a = [ \"x\"\nb = 2\n", 2, 1, "expecting ',' or ']' in the list opened at 1:5");
    expect_error("a = [ \"x\" \"y\" ]", 1, 11, "expecting ',' or ']'");
    expect_error("a = [ \"x\",\n  \"y\"\n", 1, 5, "unterminated list: end of file at 3:1");
    expect_error("a = [", 1, 5, "unterminated list: end of file at 1:6");
    expect_error("a = [,]", 1, 6, "expecting a value, found ','");
    expect_error("a = [1,,2]", 1, 8, "expecting a value, found ','");
    expect_error("a = 1 b = 2\n", 1, 7, "expecting end of line or ';' after the value of 'a'");
    expect_error("a = abc\n", 1, 5, "expecting a value, found a name");
    expect_error("a = @\n", 1, 5, "unexpected character '@'");
    expect_error("x=1\n  $a = 1\n", 2, 3, "unexpected character '$'");
    expect_error("= 1\n", 1, 1, "expecting a name, found '='");
    expect_error("1a = 1\n", 1, 1, "bad number '1a'");
    expect_error("a = 99999999999999999999\n", 1, 5, "bad number '99999999999999999999': out of range");
    expect_error("a = 9223372036854775808\n", 1, 5, "out of range");
    expect_error("a = -9223372036854775809\n", 1, 5, "out of range");
    expect_error("a = 0xffffffffffffffffff\n", 1, 5, "out of range");
    expect_error("a = 0x1F\n", 1, 5, "bad number '0x1F'");
    expect_error("a = 0x\n", 1, 5, "bad number '0x'");
    expect_error("a = 12ab\n", 1, 5, "bad number '12ab'");
    expect_error("a = 1.5\n", 1, 6, "unexpected character '.'");
    expect_error("a = -\n", 1, 5, "unexpected character '-'");
    expect_error("a + = 1\n", 1, 3, "unexpected character '+'");
    expect_error("a = \"x\"\"y\"\n", 1, 8, "expecting end of line or ';'");
    expect_error("a = \xff\n", 1, 5, "unexpected byte 0xff");
    expect_error("a = 1\n\x01\x02", 2, 1, "unexpected byte 0x01");
    expect_error("a = 1\n\f", 2, 1, "unexpected byte 0x0c");
}
END_TEST

START_TEST(nul_bytes)
{
    expect_error_len("a = \"x\0y\"\n", 10, 1, 7, "NUL byte");
    expect_error_len("a = 1\n\0", 7, 2, 1, "NUL byte");
    expect_error_len("a = 1 # c\0mment\n", 16, 1, 10, "NUL byte");
    expect_error_len("a = '\\\0'\n", 9, 1, 7, "NUL byte");
    expect_error_len("a = \"\"\"x\n\0\"\"\"\n", 14, 2, 1, "NUL byte");
    /* binary garbage */
    char junk[256];
    for (int i = 0; i < 256; i++)
        junk[i] = (char)(255 - i);
    ck_assert_int_eq(parse_len(junk, sizeof(junk)), -1);
    ck_assert_uint_ge(diags.nerrors, 1);
}
END_TEST

START_TEST(empty_inputs)
{
    parse_ok("");
    ck_assert_uint_eq(cfg.entries.n, 0);
    parse_ok("\n\n  \n# only a comment\n;\n");
    ck_assert_uint_eq(cfg.entries.n, 0);
    ck_assert_ptr_null(xc_cfg_get(&cfg, "name"));
    /* NULL data (an empty source) */
    struct xc_source src = {.name = (char *)"t.cfg", .data = NULL, .len = 0};
    xc_cfg_free(&cfg);
    ck_assert_int_eq(xc_cfg_parse(&src, &cfg, &diags), 0);
}
END_TEST

START_TEST(deep_nesting)
{
    size_t n = 100000;
    char *s = malloc(n + 8);
    memcpy(s, "a = ", 4);
    memset(s + 4, '[', n);
    s[n + 4] = '\0';
    ck_assert_int_eq(parse(s), -1);
    ck_assert_ptr_nonnull(strstr(diags.list.v[0].msg, "nested"));
    free(s);
    parse_ok("a = [[[[[[[[[[ 1 ]]]]]]]]]]\n");
}
END_TEST

/* ---- big inputs: correctness only (timing belongs to the benchmark) --- */

START_TEST(huge_list)
{
    size_t n = 100000;
    struct xc_buf b = {0};
    xc_buf_add(&b, "disk = [\n");
    for (size_t i = 0; i < n; i++)
        xc_buf_addf(&b, "  \"file:/img/%zu,xvd,w\",  # %zu\n", i, i);
    xc_buf_add(&b, "]\nname = \"big\"\n");
    ck_assert_int_eq(parse_len(b.data, b.len), 0);
    struct xc_cfg_value *v = val("disk");
    ck_assert_uint_eq(v->items.n, n);
    ck_assert_str_eq(v->items.v[n - 1].str, "file:/img/99999,xvd,w");
    assert_pos(v->items.v[n - 1].pos, (unsigned)n + 1, 3);
    ck_assert_str_eq(val("name")->str, "big");
    assert_pos(xc_cfg_get(&cfg, "name")->key_pos, (unsigned)n + 3, 1);
    /* and back out */
    char *out = serialize();
    ck_assert_ptr_nonnull(strstr(out, "\"file:/img/99999,xvd,w\" ]\nname = \"big\"\n"));
    free(out);
    xc_buf_free(&b);
}
END_TEST

START_TEST(huge_entries_and_strings)
{
    size_t n = 100000;
    struct xc_buf b = {0};
    for (size_t i = 0; i < n; i++)
        xc_buf_addf(&b, "k%zu = %zu\n", i, i);
    xc_buf_add(&b, "long = \"");
    for (size_t i = 0; i < 1000000; i++)
        xc_buf_add(&b, i % 1000 ? "x" : "\\\\");
    xc_buf_add(&b, "\"\n");
    ck_assert_int_eq(parse_len(b.data, b.len), 0);
    ck_assert_uint_eq(cfg.entries.n, n + 1);
    ck_assert_int_eq(cfg.entries.v[n - 1].value.num, (long long)n - 1);
    const struct xc_cfg_value *v = &cfg.entries.v[n].value;
    ck_assert_uint_eq(strlen(v->str), 1000000);
    ck_assert_uint_eq(strlen(v->raw), 1001000);
    xc_buf_free(&b);
}
END_TEST

/* ---- builder ---------------------------------------------------------- */

START_TEST(builder_semantics)
{
    struct xc_pos p = {4, 2};
    xc_cfg_set_string(&cfg, "name", "a", p);
    xc_cfg_set_number(&cfg, "memory", 512);
    struct xc_cfg_value *l = xc_cfg_set_list(&cfg, "disk");
    xc_cfg_list_add_string(l, "x", xc_nopos);
    xc_cfg_list_add_number(l, -3);
    /* replace in place, keep order */
    xc_cfg_set_string(&cfg, "memory", "1024", xc_nopos);
    xc_cfg_set_number(&cfg, "name", 7);
    ck_assert_uint_eq(cfg.entries.n, 3);
    ck_assert_str_eq(cfg.entries.v[0].key, "name");
    ck_assert_int_eq(cfg.entries.v[0].value.kind, XC_CFG_NUMBER);
    ck_assert_str_eq(cfg.entries.v[0].value.str, "7");
    ck_assert_str_eq(cfg.entries.v[1].value.str, "1024");
    char *out = serialize();
    ck_assert_str_eq(out, "name = 7\nmemory = \"1024\"\ndisk = [ \"x\", -3 ]\n");
    free(out);
    /* a list replaced by a string and back */
    xc_cfg_set_string(&cfg, "disk", "s", p);
    l = xc_cfg_set_list(&cfg, "disk");
    ck_assert_uint_eq(l->items.n, 0);
    out = serialize();
    ck_assert_str_eq(out, "name = 7\nmemory = \"1024\"\ndisk = [  ]\n");
    free(out);
}
END_TEST

/* A parsed tree's strings live in its store, a builder's are allocated
 * one by one: replacing one by the other frees each the right way (ASan
 * and valgrind check), and other kinds read as documented. */
START_TEST(builder_on_parsed_tree)
{
    parse_ok("name = \"a\\\\b\"\nmemory = 0x10\ndisk = [ \"x\", 'q\\x', 2 ]\n");
    const struct xc_cfg_value *d = &cfg.entries.v[2].value;
    ck_assert_uint_eq(d->items.n, 3);
    ck_assert_uint_eq(d->items.v[0].items.n, 0);
    ck_assert_uint_eq(d->items.v[2].items.n, 0);
    ck_assert_uint_eq(cfg.entries.v[0].value.items.n, 0);
    ck_assert_uint_eq(cfg.entries.v[1].value.items.n, 0);
    ck_assert_uint_eq(xc_cfg_xl_bad(d).line, 0);
    ck_assert_uint_eq(xc_cfg_xl_bad(&d->items.v[0]).line, 0);
    assert_pos(xc_cfg_xl_bad(&d->items.v[1]), 3, 17);
    ck_assert_uint_eq(xc_cfg_xl_bad(&d->items.v[2]).line, 0);
    ck_assert_uint_eq(d->off, 35);
    ck_assert_uint_eq(d->end, 52);
    xc_cfg_set_number(&cfg, "name", 7);
    xc_cfg_set_string(&cfg, "memory", "m", xc_nopos);
    struct xc_cfg_value *l = xc_cfg_set_list(&cfg, "disk");
    xc_cfg_list_add_string(l, "y", xc_nopos);
    xc_cfg_set_string(&cfg, "extra", "e", xc_nopos);
    char *out = serialize();
    ck_assert_str_eq(out, "name = 7\nmemory = \"m\"\ndisk = [ \"y\" ]\nextra = \"e\"\n");
    free(out);
}
END_TEST

/* ---- serializer ------------------------------------------------------- */

struct layout_case {
    const char *value;
    const char *xl;        /* XC_CFG_STYLE_XL */
    const char *virconf;   /* XC_CFG_STYLE_VIRCONF; NULL: refused */
};

static const struct layout_case layouts[] = {
    {"plain", "k = \"plain\"\n", "k = \"plain\"\n"},
    {"", "k = \"\"\n", "k = \"\"\n"},
    {"it's", "k = \"it's\"\n", "k = \"it's\"\n"},
    {"say \"hi\"", "k = 'say \"hi\"'\n", "k = 'say \"hi\"'\n"},
    {"both \" and '", "k = \"both \\\" and '\"\n", "k = \"\"\"both \" and '\"\"\"\n"},
    {"two\nlines", "k = \"two\\nlines\"\n", "k = \"\"\"two\nlines\"\"\"\n"},
    {"a\\b", "k = \"a\\\\b\"\n", "k = \"a\\b\"\n"},
    {"a\\\"b", "k = 'a\\\\\"b'\n", "k = 'a\\\"b'\n"},
    {"rbd:p/i:mon_host=h\\:6789\\;g", "k = \"rbd:p/i:mon_host=h\\\\:6789\\\\;g\"\n",
     "k = \"rbd:p/i:mon_host=h\\:6789\\;g\"\n"},
    {"[a, b] #c", "k = \"[a, b] #c\"\n", "k = \"[a, b] #c\"\n"},
    {"tab\tcr\r", "k = \"tab\tcr\r\"\n", "k = \"\"\"tab\tcr\r\"\"\"\n"},
    {"ends in \"\n", "k = \"ends in \\\"\\n\"\n", "k = \"\"\"ends in \"\n\"\"\"\n"},
    {"nl\nends in \"", "k = \"nl\\nends in \\\"\"\n", NULL},
    {"has \"\"\" and '", "k = \"has \\\"\\\"\\\" and '\"\n", NULL},
};

START_TEST(serializer_layout)
{
    for (size_t i = 0; i < sizeof(layouts) / sizeof(layouts[0]); i++) {
        const struct layout_case *c = &layouts[i];
        xc_cfg_free(&cfg);
        xc_diags_clear(&diags);
        xc_cfg_set_string(&cfg, "k", c->value, xc_nopos);
        struct xc_buf b = {0};
        ck_assert_int_eq(xc_cfg_serialize(&cfg, &b, &diags), 0);
        ck_assert_str_eq(xc_buf_str(&b), c->xl);
        xc_buf_reset(&b);
        int rc = xc_cfg_serialize_style(&cfg, XC_CFG_STYLE_VIRCONF, &b, &diags);
        if (c->virconf) {
            ck_assert_int_eq(rc, 0);
            ck_assert_str_eq(xc_buf_str(&b), c->virconf);
        } else {
            ck_assert_int_eq(rc, -1);
            ck_assert_uint_eq(b.len, 0);
            ck_assert_str_eq(diags.list.v[0].check, "unsafe-value");
        }
        xc_buf_free(&b);
    }
}
END_TEST

START_TEST(serializer_numbers_and_lists)
{
    parse_ok("a = 010\nb = +5\nc = -0\nd = 0x10\ne = [ 1, \"x\", [ 'y' ] ]\nf = []\n");
    char *out = serialize();
    ck_assert_str_eq(out, "a = 10\nb = 5\nc = 0\nd = 16\ne = [ 1, \"x\", [ \"y\" ] ]\nf = [  ]\n");
    free(out);
}
END_TEST

START_TEST(serializer_refusals)
{
    struct xc_pos p = {9, 3};
    xc_cfg_set_string(&cfg, "ok", "v", xc_nopos);
    xc_cfg_set_string(&cfg, "Bad Key", "v", p);
    xc_cfg_set_string(&cfg, "nullval", NULL, p);
    struct xc_buf b = {0};
    xc_buf_add(&b, "keep");
    ck_assert_int_eq(xc_cfg_serialize(&cfg, &b, &diags), -1);
    ck_assert_str_eq(xc_buf_str(&b), "keep");     /* out left as it was */
    ck_assert_uint_eq(diags.nerrors, 2);
    ck_assert_str_eq(diags.list.v[0].check, "unsafe-value");
    assert_pos(diags.list.v[0].pos, 9, 3);
    assert_pos(diags.list.v[1].pos, 9, 3);
    /* capitals: virConf reads them, xl does not */
    xc_cfg_free(&cfg);
    xc_diags_clear(&diags);
    xc_cfg_set_number(&cfg, "Upper", 1);
    ck_assert_int_eq(xc_cfg_serialize(&cfg, &b, &diags), -1);
    ck_assert_int_eq(xc_cfg_serialize_style(&cfg, XC_CFG_STYLE_VIRCONF, &b, &diags), 0);
    ck_assert_str_eq(xc_buf_str(&b), "keepUpper = 1\n");
    xc_buf_free(&b);
}
END_TEST

/* Strings worth trying in both directions. */
static const char *const nasty[] = {
    "", "plain", "with space", "it's", "say \"hi\"", "both \" and '",
    "back\\slash", "\\", "\\\\", "trailing\\", "\\\"", "\\'", "'\\\"",
    "two\nlines", "\n", "\n\n\"'\\", "tab\there", "cr\rhere", "\r\n",
    "[", "]", ",", "[a, b]", "#", "a # b", "=", ";", "\"\"\"", "'''",
    "\\n", "\\x41", "\\101", "caf\xc3\xa9", "\x7f\x01\x1f", "\"", "'",
    "rbd:pool/img:mon_host=a\\:6789\\;b\\:6789",
};
enum { NNASTY = sizeof(nasty) / sizeof(nasty[0]) };

/* xc_cfg_virconf_split against the obvious quadratic search, on
 * "root=" A " " B for every pair of nasty strings. */
START_TEST(virconf_split_matches_search)
{
    for (int i = 0; i < NNASTY; i++) {
        for (int j = 0; j < NNASTY; j++) {
            struct xc_buf b = {0};
            xc_buf_addf(&b, "root=%s %s", nasty[i], nasty[j]);
            const char *s = xc_buf_str(&b);
            size_t n = strlen(s), want = n;
            for (size_t k = 5; k < n && want == n; k++) {
                if (s[k] != ' ')
                    continue;
                char *head = xc_strndup(s + 5, k - 5);
                if (xc_cfg_virconf_holds(head) && xc_cfg_virconf_holds(s + k + 1))
                    want = k;
                free(head);
            }
            size_t cut = 0;
            bool found = xc_cfg_virconf_split(s, 5, ' ', &cut);
            ck_assert_int_eq(found, want != n);
            if (found)
                ck_assert_uint_eq(cut, want);
            xc_buf_free(&b);
        }
    }
    /* one from each side: only the two keys can hold it */
    const char *both = "root=/dev/x '1' a\"\"\"b";
    ck_assert(!xc_cfg_virconf_holds(both));
    size_t cut = 0;
    ck_assert(xc_cfg_virconf_split(both, 5, ' ', &cut));
    ck_assert_uint_eq(cut, 15);
    /* no space to cut at */
    ck_assert(!xc_cfg_virconf_split("root=a'\"\"\"b", 5, ' ', &cut));
}
END_TEST

START_TEST(round_trip)
{
    xc_cfg_set_number(&cfg, "memory", -42);
    for (int i = 0; i < NNASTY; i++) {
        char key[16];
        snprintf(key, sizeof(key), "k%d", i);
        xc_cfg_set_string(&cfg, key, nasty[i], xc_nopos);
    }
    struct xc_cfg_value *l = xc_cfg_set_list(&cfg, "lst");
    for (int i = 0; i < NNASTY; i++)
        xc_cfg_list_add_string(l, nasty[i], xc_nopos);
    char *out = serialize();
    struct xc_cfg built = cfg;
    memset(&cfg, 0, sizeof(cfg));
    ck_assert_int_eq(parse(out), 0);
    ck_assert_uint_eq(cfg.entries.n, built.entries.n);
    for (size_t i = 0; i < built.entries.n; i++) {
        const struct xc_cfg_entry *a = &built.entries.v[i], *b = &cfg.entries.v[i];
        ck_assert_str_eq(a->key, b->key);
        ck_assert_int_eq(a->value.kind, b->value.kind);
        ck_assert_uint_eq(xc_cfg_xl_bad(&b->value).line, 0);
        if (a->value.kind == XC_CFG_STRING)
            ck_assert_str_eq(a->value.str, b->value.str);
        else if (a->value.kind == XC_CFG_NUMBER)
            ck_assert(a->value.num == b->value.num);
    }
    const struct xc_cfg_value *bl = &cfg.entries.v[built.entries.n - 1].value;
    ck_assert_uint_eq(bl->items.n, NNASTY);
    for (int i = 0; i < NNASTY; i++)
        ck_assert_str_eq(bl->items.v[i].str, nasty[i]);
    /* serialize again: a fixpoint */
    char *again = serialize();
    ck_assert_str_eq(out, again);
    free(again);
    free(out);
    xc_cfg_free(&built);
}
END_TEST

/* xl's own parser reads our output as the same value. */
START_TEST(xl_reads_back)
{
    for (int i = 0; i < NNASTY; i++) {
        xc_cfg_free(&cfg);
        xc_cfg_set_string(&cfg, "v", nasty[i], xc_nopos);
        struct xc_cfg_value *l = xc_cfg_set_list(&cfg, "l");
        xc_cfg_list_add_string(l, "first", xc_nopos);
        xc_cfg_list_add_string(l, nasty[i], xc_nopos);
        struct xc_buf b = {0};
        int rc = xc_cfg_serialize(&cfg, &b, &diags);
        if (rc != 0) {              /* refused: allowed, must say so */
            ck_assert_uint_ge(diags.nerrors, 1);
            xc_buf_free(&b);
            continue;
        }
        char *s = xl_read_string(xc_buf_str(&b), "v");
        ck_assert_msg(s != NULL, "xl cannot read case %d: %s", i, xc_buf_str(&b));
        ck_assert_str_eq(s, nasty[i]);
        free(s);
        s = xl_read_item(xc_buf_str(&b), "l", 1);
        ck_assert_msg(s != NULL, "xl cannot read list case %d", i);
        ck_assert_str_eq(s, nasty[i]);
        free(s);
        xc_buf_free(&b);
    }
}
END_TEST

/* The parser's reading of escapes agrees with xl's where xl accepts them. */
START_TEST(parser_agrees_with_xl)
{
    static const char *const inputs[] = {
        "v = \"a\\\\b\"\n", "v = 'a\\\\b'\n", "v = \"q\\\"r\"\n",
        "v = 'q\\'r'\n", "v = \"\\n\\t\\r\\a\\b\\f\\v\"\n", "v = '\\\"'\n",
        "v = \"x\\'y\"\n", "v = \"raw\rcr\"\n", "v = 'x\"y'\n",
        "v = \"#[],;=\"\n", "v = 010\n", "v = \"\xc3\xa9\x7f\"\n",
    };
    for (size_t i = 0; i < sizeof(inputs) / sizeof(inputs[0]); i++) {
        parse_ok(inputs[i]);
        struct xc_cfg_value *v = val("v");
        ck_assert_uint_eq(xc_cfg_xl_bad(v).line, 0);
        char *s = xl_read_string(inputs[i], "v");
        ck_assert_msg(s != NULL, "xl cannot read %s", inputs[i]);
        ck_assert_str_eq(s, v->str);
        free(s);
    }
    /* and where xl refuses, we mark it */
    static const char *const refused[] = {
        "v = \"\\x41\"\n", "v = \"\\q\"\n", "v = \"C:\\\"\n",
        "v = \"\"\"x\"\"\"\n", "v = \"\\1\"\n",
    };
    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        parse_ok(refused[i]);
        ck_assert_uint_ne(xc_cfg_xl_bad(val("v")).line, 0);
        char *s = xl_read_string(refused[i], "v");
        ck_assert_msg(s == NULL, "xl now reads %s", refused[i]);
    }
}
END_TEST

/* ---- suite ------------------------------------------------------------ */

static Suite *cfg_suite(void)
{
    Suite *s = suite_create("cfg");
    TCase *t = tcase_create("lexer-parser");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_set_timeout(t, 60);
    tcase_add_test(t, token_kinds);
    tcase_add_test(t, separators_and_comments);
    tcase_add_test(t, escapes_xl_style);
    tcase_add_test(t, positions);
    tcase_add_test(t, multiline_lists);
    tcase_add_test(t, append_entries);
    tcase_add_test(t, syntax_errors);
    tcase_add_test(t, nul_bytes);
    tcase_add_test(t, empty_inputs);
    tcase_add_test(t, deep_nesting);
    tcase_add_test(t, huge_list);
    tcase_add_test(t, huge_entries_and_strings);
    suite_add_tcase(s, t);

    t = tcase_create("builder-serializer");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, builder_semantics);
    tcase_add_test(t, builder_on_parsed_tree);
    tcase_add_test(t, serializer_layout);
    tcase_add_test(t, serializer_numbers_and_lists);
    tcase_add_test(t, serializer_refusals);
    tcase_add_test(t, virconf_split_matches_search);
    tcase_add_test(t, round_trip);
    tcase_add_test(t, xl_reads_back);
    tcase_add_test(t, parser_agrees_with_xl);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(cfg_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
