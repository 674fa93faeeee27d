/* Unit tests for formats/sxpr/sxpr_parse.c: the xend S-expression tree
 * (positions, bare and quoted atoms, escapes), libvirt-style lookups, every
 * syntax error with its exact position, and hostile sizes (100,000 nesting
 * levels, a 10 MB atom). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/buf.h"
#include "common/diag.h"
#include "common/source.h"
#include "formats/sxpr/sxpr_tree.h"

/* ---- helpers ---------------------------------------------------------- */

static struct xc_diags diags;
static struct xc_sx_tree tree;

static void setup(void)
{
    memset(&diags, 0, sizeof(diags));
    memset(&tree, 0, sizeof(tree));
}

static void teardown(void)
{
    xc_sx_free(&tree);
    xc_diags_free(&diags);
}

static int parse_len(const char *text, size_t len)
{
    struct xc_source src;
    xc_source_from_mem(&src, "t.sxpr", text, len);
    xc_sx_free(&tree);
    xc_diags_clear(&diags);
    diags.file = "t.sxpr";
    int rc = xc_sx_parse(&src, &tree, &diags);
    xc_source_free(&src);
    return rc;
}

static void parse_ok_len(const char *text, size_t len)
{
    int rc = parse_len(text, len);
    if (rc != 0)
        xc_diags_print(&diags, stderr);
    ck_assert_int_eq(rc, 0);
    ck_assert_uint_eq(diags.list.n, 0);
    ck_assert_uint_ne(tree.root, 0);
}

static void parse_ok(const char *text)
{
    parse_ok_len(text, strlen(text));
}

/* Parsing fails with exactly one error, at line:col, whose message holds
 * msg. */
static void expect_error_len(const char *text, size_t len, unsigned line,
                             unsigned col, const char *msg)
{
    ck_assert_int_eq(parse_len(text, len), -1);
    if (diags.list.n != 1 || diags.list.v[0].pos.line != line ||
        diags.list.v[0].pos.col != col || !strstr(diags.list.v[0].msg, msg))
        xc_diags_print(&diags, stderr);
    ck_assert_uint_eq(diags.list.n, 1);
    const struct xc_diag *g = &diags.list.v[0];
    ck_assert_int_eq(g->sev, XC_SEV_ERROR);
    ck_assert_str_eq(g->file, "t.sxpr");
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

/* An atom's text length (atoms hold no NUL). */
static size_t len_of(xc_sx_id id)
{
    ck_assert(xc_sx_is_atom(&tree, id));
    return strlen(xc_sx_text(&tree, id));
}

/* The k-th element (0-based) of a list. */
static xc_sx_id elem(xc_sx_id list, unsigned k)
{
    ck_assert(xc_sx_is_list(&tree, list));
    xc_sx_id it = xc_sx_first(&tree, list);
    while (k-- && it)
        it = xc_sx_next(&tree, it);
    return it;
}

static unsigned length(xc_sx_id list)
{
    unsigned n = 0;
    ck_assert(xc_sx_is_list(&tree, list));
    for (xc_sx_id it = xc_sx_first(&tree, list); it;
         it = xc_sx_next(&tree, it))
        n++;
    return n;
}

static void at(xc_sx_id id, unsigned line, unsigned col)
{
    struct xc_pos p = xc_sx_pos(&tree, id);
    ck_assert_uint_eq(p.line, line);
    ck_assert_uint_eq(p.col, col);
}

/* An atom with this text, quoted or not. */
static void atom(xc_sx_id id, const char *text, int quoted)
{
    ck_assert(xc_sx_is_atom(&tree, id));
    ck_assert_int_eq(xc_sx_quoted(&tree, id), quoted);
    ck_assert_uint_eq(len_of(id), strlen(text));
    ck_assert_str_eq(xc_sx_text(&tree, id), text);
}

/* The single atom of "(k QUOTED)" has exactly these len bytes. */
static void quoted_is(const char *input, const char *want, size_t len)
{
    parse_ok(input);
    xc_sx_id a = elem(tree.root, 1);
    ck_assert(xc_sx_is_atom(&tree, a));
    ck_assert(xc_sx_quoted(&tree, a));
    ck_assert_uint_eq(len_of(a), len);
    ck_assert_mem_eq(xc_sx_text(&tree, a), want, len);
    ck_assert_int_eq(xc_sx_text(&tree, a)[len], '\0');
    ck_assert_uint_eq(length(tree.root), 2);
}

/* ---- structure and positions -------------------------------------------- */

START_TEST(positions)
{
    parse_ok("(domain\n  (name guest)\n\t(memory 512) ( image (linux\n"
             "(kernel '/boot/vmlinuz')) ) )\n");
    xc_sx_id r = tree.root;
    at(r, 1, 1);
    ck_assert_uint_eq(length(r), 4);
    atom(elem(r, 0), "domain", 0);
    at(elem(r, 0), 1, 2);
    xc_sx_id name = elem(r, 1);
    at(name, 2, 3);
    atom(elem(name, 0), "name", 0);
    at(elem(name, 0), 2, 4);
    atom(elem(name, 1), "guest", 0);
    at(elem(name, 1), 2, 9);
    xc_sx_id mem = elem(r, 2);
    at(mem, 3, 2);          /* a tab is one column */
    at(elem(mem, 1), 3, 10);
    xc_sx_id image = elem(r, 3);
    at(image, 3, 15);
    at(elem(image, 0), 3, 17);
    xc_sx_id linux = elem(image, 1);
    at(linux, 3, 23);
    xc_sx_id kernel = elem(linux, 1);
    at(kernel, 4, 1);
    at(elem(kernel, 1), 4, 9);   /* a quoted atom: its opening quote */
    atom(elem(kernel, 1), "/boot/vmlinuz", 1);
    ck_assert_str_eq(xc_sx_head(&tree, r), "domain");
    ck_assert_str_eq(xc_sx_head(&tree, kernel), "kernel");
    ck_assert_ptr_null(xc_sx_head(&tree, elem(name, 1)));  /* an atom */
    ck_assert_ptr_null(xc_sx_text(&tree, name));           /* a list */
    ck_assert_ptr_null(xc_sx_text(&tree, 0));
    at(0, 0, 0);
}
END_TEST

START_TEST(positions_crlf_and_multiline_strings)
{
    /* CR is a blank that takes a column; LF starts the next line */
    parse_ok("(domain\r\n (name x)\r\n\r\n   (a 'one\ntwo' b))\r\n");
    xc_sx_id r = tree.root;
    at(elem(r, 1), 2, 2);
    at(elem(elem(r, 1), 1), 2, 8);
    xc_sx_id a = elem(r, 2);
    at(a, 4, 4);
    atom(elem(a, 1), "one\ntwo", 1);
    at(elem(a, 1), 4, 7);
    /* after a string that spans lines, columns count from its last line */
    atom(elem(a, 2), "b", 0);
    at(elem(a, 2), 5, 6);
    /* form feed and vertical tab separate too */
    parse_ok("(a\fb\vc)");
    ck_assert_uint_eq(length(tree.root), 3);
    at(elem(tree.root, 2), 1, 6);
}
END_TEST

/* Positions come from a line table searched per 1 KiB block: lines of
 * every length around the block size, blank lines, and nested lists whose
 * next sibling is found past their last descendant. */
START_TEST(positions_many_lines)
{
    struct xc_buf in = {0};
    enum { N = 3000 };
    xc_buf_add(&in, "(d\n");
    for (unsigned i = 0; i < N; i++) {
        /* line 2 + 2i: i % 700 spaces, then (k (x) () v); then a blank line */
        for (unsigned s = 0; s < i % 700; s++)
            xc_buf_addc(&in, ' ');
        xc_buf_addf(&in, "(k%u (x) () v%u)\n\n", i, i);
    }
    xc_buf_add(&in, ")");
    parse_ok_len(in.data, in.len);
    ck_assert_uint_eq(length(tree.root), N + 1);
    xc_sx_id it = elem(tree.root, 1);
    for (unsigned i = 0; i < N; i++, it = xc_sx_next(&tree, it)) {
        char want[32];
        at(it, 2 + 2 * i, 1 + i % 700);
        ck_assert_uint_eq(length(it), 4);
        snprintf(want, sizeof(want), "k%u", i);
        ck_assert_str_eq(xc_sx_head(&tree, it), want);
        ck_assert_uint_eq(length(elem(it, 1)), 1);
        ck_assert_uint_eq(xc_sx_first(&tree, elem(it, 2)), 0);  /* () */
        snprintf(want, sizeof(want), "v%u", i);
        atom(elem(it, 3), want, 0);
        at(elem(it, 3), 2 + 2 * i, 1 + i % 700 + (unsigned)strlen(want) + 9);
        ck_assert_uint_eq(xc_sx_next(&tree, elem(it, 3)), 0);
    }
    ck_assert_uint_eq(it, 0);
    xc_buf_free(&in);
}
END_TEST

/* Equal short list heads share one arena copy; values and long heads
 * have their own; texts stay exact either way. */
START_TEST(shared_heads)
{
    parse_ok("(d (k 1) (k 1) ('k' x) (\"\" a) ('' b) (k) "
             "(a-head-longer-than-thirty-two-bytes 1) "
             "(a-head-longer-than-thirty-two-bytes 2))");
    xc_sx_id r = tree.root;
    const char *k = xc_sx_head(&tree, elem(r, 1));
    ck_assert_str_eq(k, "k");
    ck_assert_ptr_eq(xc_sx_head(&tree, elem(r, 2)), k);
    ck_assert_ptr_eq(xc_sx_head(&tree, elem(r, 3)), k);  /* quoted too */
    ck_assert_ptr_eq(xc_sx_head(&tree, elem(r, 6)), k);
    atom(elem(elem(r, 3), 0), "k", 1);
    atom(elem(elem(r, 1), 0), "k", 0);
    /* values are not shared */
    ck_assert_ptr_ne(xc_sx_text(&tree, elem(elem(r, 1), 1)),
                     xc_sx_text(&tree, elem(elem(r, 2), 1)));
    atom(elem(elem(r, 2), 1), "1", 0);
    atom(elem(elem(r, 4), 0), "", 1);
    ck_assert_ptr_eq(xc_sx_head(&tree, elem(r, 5)),
                     xc_sx_head(&tree, elem(r, 4)));
    atom(elem(elem(r, 5), 1), "b", 0);
    ck_assert_str_eq(xc_sx_head(&tree, elem(r, 8)),
                     "a-head-longer-than-thirty-two-bytes");
    ck_assert_ptr_ne(xc_sx_head(&tree, elem(r, 8)),
                     xc_sx_head(&tree, elem(r, 7)));
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "d/k"), elem(r, 1));
}
END_TEST

START_TEST(bare_and_quoted_atoms)
{
    parse_ok("(k bare 'single' \"double\" '' \"\" 12.5 -x_y:z/w)");
    xc_sx_id r = tree.root;
    ck_assert_uint_eq(length(r), 8);
    atom(elem(r, 1), "bare", 0);
    atom(elem(r, 2), "single", 1);
    atom(elem(r, 3), "double", 1);
    atom(elem(r, 4), "", 1);        /* empty quoted atoms */
    atom(elem(r, 5), "", 1);
    at(elem(r, 5), 1, 30);
    atom(elem(r, 6), "12.5", 0);
    atom(elem(r, 7), "-x_y:z/w", 0);
    /* the other quote, blanks and parentheses are plain text in a string */
    parse_ok("(k 'a\"b (c) d' \"it's\")");
    atom(elem(tree.root, 1), "a\"b (c) d", 1);
    atom(elem(tree.root, 2), "it's", 1);
    /* quotes inside a bare atom are part of it; a bare atom ends only at
     * a blank or a parenthesis */
    parse_ok("(k a'b\"c\" x\\n)");
    atom(elem(tree.root, 1), "a'b\"c\"", 0);
    atom(elem(tree.root, 2), "x\\n", 0);     /* no escapes in bare atoms */
    /* a string ends at its quote: what follows is the next atom */
    parse_ok("(k 'a'b \"c\"'d')");
    ck_assert_uint_eq(length(tree.root), 5);
    atom(elem(tree.root, 1), "a", 1);
    atom(elem(tree.root, 2), "b", 0);
    at(elem(tree.root, 2), 1, 7);
    atom(elem(tree.root, 3), "c", 1);
    atom(elem(tree.root, 4), "d", 1);
    /* atoms end at parentheses with no blank */
    parse_ok("(a(b)c)");
    ck_assert_uint_eq(length(tree.root), 3);
    atom(elem(tree.root, 0), "a", 0);
    ck_assert_str_eq(xc_sx_head(&tree, elem(tree.root, 1)), "b");
    atom(elem(tree.root, 2), "c", 0);
    /* empty lists, lists headed by a list */
    parse_ok("(() ((x)) ())");
    ck_assert_uint_eq(length(tree.root), 3);
    ck_assert_uint_eq(length(elem(tree.root, 0)), 0);
    ck_assert_ptr_null(xc_sx_head(&tree, tree.root));
    ck_assert_ptr_null(xc_sx_head(&tree, elem(tree.root, 0)));
    /* blanks before and after the one list */
    parse_ok("\n\n  \t(x)  \n\n");
    at(tree.root, 3, 4);
    /* non-ASCII bytes are atom text */
    parse_ok("(name caf\xc3\xa9 '\xff\xfe')");
    atom(elem(tree.root, 1), "caf\xc3\xa9", 0);
    atom(elem(tree.root, 2), "\xff\xfe", 1);
}
END_TEST

START_TEST(escapes)
{
    quoted_is("(k '\\\\')", "\\", 1);
    quoted_is("(k '\\'')", "'", 1);
    quoted_is("(k \"\\\"\")", "\"", 1);
    quoted_is("(k \"\\'\")", "'", 1);      /* either quote, in either string */
    quoted_is("(k '\\\"')", "\"", 1);
    quoted_is("(k 'a\\nb')", "a\nb", 3);
    quoted_is("(k 'a\\tb')", "a\tb", 3);
    quoted_is("(k 'a\\rb')", "a\rb", 3);
    quoted_is("(k '\\a\\b\\f\\v')", "\a\b\f\v", 4);
    quoted_is("(k '\\x41\\x7a\\xFf')", "Az\xff", 3);
    quoted_is("(k '\\101\\60\\0101')", "A0\b1", 4);  /* at most 3 octal digits */
    quoted_is("(k '\\7\\77x\\3777')", "\a?x\xff" "7", 5);
    /* \x needs two hex digits; else the backslash is kept */
    quoted_is("(k '\\x4g')", "\\x4g", 4);
    quoted_is("(k '\\x')", "\\x", 2);
    /* unknown escapes keep their backslash */
    quoted_is("(k '\\q\\8\\ \\(')", "\\q\\8\\ \\(", 8);
    /* an escaped quote does not end the string; a doubled backslash
     * before the quote does */
    quoted_is("(k 'it\\'s' )", "it's", 4);
    parse_ok("(k 'a\\\\' b)");
    atom(elem(tree.root, 1), "a\\", 1);
    atom(elem(tree.root, 2), "b", 0);
    /* escapes that yield a newline do not move the line count */
    parse_ok("(k 'a\\nb' c)");
    at(elem(tree.root, 2), 1, 11);
}
END_TEST

/* ---- lookups --------------------------------------------------------------- */

START_TEST(lookups)
{
    parse_ok("(domain (name first) (name second)\n"
             " (memory)\n"
             " (vcpus (list 1 2))\n"
             " ('quoted' q)\n"
             " name\n"
             " (image (hvm (kernel /usr/lib/xen/boot/hvmloader) (device_model dm))\n"
             "        (linux (kernel /boot/vmlinuz)))\n"
             " (image (hvm (kernel second-image))))");
    xc_sx_id r = tree.root;
    /* the first list with the head wins */
    ck_assert_str_eq(xc_sx_value(&tree, r, "domain/name"), "first");
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "domain/name"), elem(r, 1));
    at(xc_sx_value_id(&tree, r, "domain/name"), 1, 15);
    /* nested paths, first match at every level */
    ck_assert_str_eq(xc_sx_value(&tree, r, "domain/image/hvm/kernel"),
                     "/usr/lib/xen/boot/hvmloader");
    ck_assert_str_eq(xc_sx_value(&tree, r, "domain/image/linux/kernel"),
                     "/boot/vmlinuz");
    ck_assert_str_eq(xc_sx_value(&tree, r, "domain/image/hvm/device_model"), "dm");
    /* the root must carry the first component */
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "domain"), r);
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "image"), 0);
    ck_assert_ptr_null(xc_sx_value(&tree, r, "name"));
    ck_assert_uint_eq(xc_sx_lookup(&tree, 0, "domain"), 0);
    /* missing at any level */
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "domain/nothing"), 0);
    ck_assert_ptr_null(xc_sx_value(&tree, r, "domain/nothing"));
    ck_assert_ptr_null(xc_sx_value(&tree, r, "domain/image/hvm/nothing"));
    ck_assert_ptr_null(xc_sx_value(&tree, r, "domain/image/pv/kernel"));
    ck_assert_uint_eq(xc_sx_value_id(&tree, r, "domain/nothing"), 0);
    /* a prefix of a head is not the head */
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "domain/nam"), 0);
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "domain/names"), 0);
    ck_assert_uint_eq(xc_sx_lookup(&tree, r, "dom"), 0);
    /* (key): found, but no value */
    ck_assert_uint_ne(xc_sx_lookup(&tree, r, "domain/memory"), 0);
    ck_assert_ptr_null(xc_sx_value(&tree, r, "domain/memory"));
    ck_assert_uint_eq(xc_sx_value_id(&tree, r, "domain/memory"), 0);
    /* (key (list ...)): the value is a list, so no value */
    ck_assert_uint_ne(xc_sx_lookup(&tree, r, "domain/vcpus"), 0);
    ck_assert_ptr_null(xc_sx_value(&tree, r, "domain/vcpus"));
    ck_assert_str_eq(xc_sx_value(&tree, r, "domain/vcpus/list"), "1");
    /* a quoted head is a head; the bare atom "name" is no list */
    ck_assert_str_eq(xc_sx_value(&tree, r, "domain/quoted"), "q");
    /* the value of a lookup whose list is not the root */
    xc_sx_id image = xc_sx_lookup(&tree, r, "domain/image");
    ck_assert_uint_eq(image, elem(r, 7));
    ck_assert_str_eq(xc_sx_value(&tree, image, "image/linux/kernel"), "/boot/vmlinuz");
    ck_assert_ptr_null(xc_sx_value(&tree, image, "domain/image/linux/kernel"));
    /* a lookup in an empty list or a list headed by a list */
    parse_ok("(() ((a b)))");
    ck_assert_uint_eq(xc_sx_lookup(&tree, tree.root, "a"), 0);
    ck_assert_uint_eq(xc_sx_lookup(&tree, elem(tree.root, 0), "a"), 0);
    parse_ok("(domain)");
    ck_assert_uint_eq(xc_sx_lookup(&tree, tree.root, "domain/name"), 0);
    ck_assert_ptr_null(xc_sx_value(&tree, tree.root, "domain"));
}
END_TEST

/* ---- errors ------------------------------------------------------------------ */

START_TEST(errors_unbalanced)
{
    /* the innermost list still open */
    expect_error("(domain (name x)\n  (image (linux (kernel k)\n", 2, 10,
                 "unbalanced '(': list not closed before the end of the file"
                 " (3 lists open)");
    expect_error("(", 1, 1, "(1 list open)");
    expect_error("(a\n(b\n(c))", 1, 1, "(1 list open)");
    /* a stray ')' */
    expect_error("(a))", 1, 4, "unbalanced ')': no list is open");
    expect_error("\n  )", 2, 3, "unbalanced ')': no list is open");
    expect_error("(a (b))\n)\n", 2, 1, "unbalanced ')'");
}
END_TEST

START_TEST(errors_strings)
{
    /* an unterminated string: at its opening quote */
    expect_error("(k 'abc)", 1, 4, "unterminated string: no closing '");
    expect_error("(k\n  \"abc\n def)", 2, 3, "unterminated string: no closing \"");
    /* an escaped quote does not close it; a backslash at the very end
     * neither */
    expect_error("(k 'abc\\')", 1, 4, "unterminated string");
    expect_error("(k 'abc\\", 1, 4, "unterminated string");
    expect_error("(k '", 1, 4, "unterminated string");
    expect_error("(k '\\x4", 1, 4, "unterminated string");
}
END_TEST

START_TEST(errors_top_level)
{
    expect_error("(a) b", 1, 5,
                 "text after the top-level list: one domain per file");
    expect_error("(a)(b)", 1, 4, "text after the top-level list");
    expect_error("(a)\n\n  (b)\n", 3, 3, "text after the top-level list");
    expect_error("(a) 'x'", 1, 5, "text after the top-level list");
    expect_error("domain (name x)", 1, 1, "expected '(' to open the domain");
    expect_error("\n 'x' (a)", 2, 2, "expected '(' to open the domain");
    /* empty input: at the end of what there is */
    expect_error("", 1, 1, "empty input: expected '(' to open the domain");
    expect_error("  \n\t\r\n  ", 3, 3, "empty input");
    /* beyond what a node's offset holds: refused before a byte is read
     * (a source from memory is not bounded by xc_source_load) */
    struct xc_source big = {.name = "t.sxpr", .data = "(a)",
                            .len = XC_SOURCE_MAX + 1};
    xc_sx_free(&tree);
    xc_diags_clear(&diags);
    ck_assert_int_eq(xc_sx_parse(&big, &tree, &diags), -1);
    ck_assert_uint_eq(diags.list.n, 1);
    ck_assert_str_eq(diags.list.v[0].check, "io");
    ck_assert_ptr_nonnull(strstr(diags.list.v[0].msg, "input larger than"));
}
END_TEST

START_TEST(errors_nul)
{
    /* a NUL byte in a bare atom, between atoms, in a string, from an
     * escape, after the list */
    expect_error_len("(k ab\0c)", 8, 1, 6, "NUL byte in an atom");
    expect_error_len("(k \0)", 5, 1, 4, "NUL byte in an atom");
    expect_error_len("(\0)", 3, 1, 2, "NUL byte in an atom");
    expect_error_len("(k\n 'a\0b')", 10, 2, 4, "NUL byte in a string");
    expect_error_len("(k \"\0\")", 7, 1, 5, "NUL byte in a string");
    expect_error("(k 'a\\0')", 1, 6, "escape sequence gives a NUL byte");
    expect_error("(k 'ab\\x00')", 1, 7, "escape sequence gives a NUL byte");
    expect_error("(k\n\"\\000\")", 2, 2, "escape sequence gives a NUL byte");
    expect_error_len("(k)\0", 4, 1, 4, "text after the top-level list");
    expect_error_len("\0", 1, 1, 1, "expected '(' to open the domain");
}
END_TEST

START_TEST(error_leaves_a_freeable_tree)
{
    /* whatever was built before the error is freed by xc_sx_free (the
     * fixture); a second parse into the same tree after xc_sx_free works */
    expect_error("(a (b c) (d 'e", 1, 13, "unterminated string");
    parse_ok("(a)");
    ck_assert_uint_eq(length(tree.root), 1);
}
END_TEST

/* ---- hostile sizes ------------------------------------------------------------- */

enum { DEPTH = 100000 };

START_TEST(deep_nesting_balanced)
{
    /* (domain (x (x (x ... )))) with DEPTH lists: heap, not C stack */
    size_t len = 8 + 3 * (size_t)DEPTH + DEPTH + 1;
    char *s = malloc(len + 1), *p = s;
    ck_assert_ptr_nonnull(s);
    p += sprintf(p, "(domain ");
    for (unsigned i = 1; i < DEPTH; i++)
        p += sprintf(p, "(x ");
    for (unsigned i = 0; i < DEPTH; i++)
        *p++ = ')';
    *p = '\0';
    parse_ok_len(s, (size_t)(p - s));
    unsigned depth = 0;
    xc_sx_id id = tree.root, last = 0;
    while (id) {
        last = id;
        depth++;
        ck_assert_uint_eq(length(id), depth == DEPTH ? 1 : 2);
        id = elem(id, 1);
    }
    ck_assert_uint_eq(depth, DEPTH);
    at(last, 1, 1 + 8 + 3 * (DEPTH - 2));
    ck_assert_uint_ne(xc_sx_lookup(&tree, tree.root, "domain/x/x/x/x/x"), 0);
    free(s);
}
END_TEST

START_TEST(deep_nesting_unbalanced)
{
    char *s = malloc(DEPTH + 2);
    ck_assert_ptr_nonnull(s);
    memset(s, '(', DEPTH);
    expect_error_len(s, DEPTH, 1, DEPTH, "(100000 lists open)");
    /* one too many ')' after DEPTH balanced lists */
    char *t = malloc(2 * (size_t)DEPTH + 2);
    ck_assert_ptr_nonnull(t);
    memset(t, '(', DEPTH);
    memset(t + DEPTH, ')', DEPTH + 1);
    expect_error_len(t, 2 * (size_t)DEPTH + 1, 1, 2 * DEPTH + 1, "unbalanced ')'");
    /* one missing: the outermost list is the one left open */
    expect_error_len(t, 2 * (size_t)DEPTH - 1, 1, 1, "(1 list open)");
    free(t);
    free(s);
}
END_TEST

enum { HUGE = 10 * 1024 * 1024 };

START_TEST(huge_atom)
{
    /* a 10 MB bare atom, then the same quoted with an escape at each end */
    char *s = malloc(HUGE + 32);
    ck_assert_ptr_nonnull(s);
    memcpy(s, "(name ", 6);
    memset(s + 6, 'a', HUGE);
    memcpy(s + 6 + HUGE, " x)", 3);
    parse_ok_len(s, 6 + (size_t)HUGE + 3);
    xc_sx_id a = elem(tree.root, 1);
    ck_assert_uint_eq(len_of(a), HUGE);
    ck_assert_uint_eq(strlen(xc_sx_text(&tree, a)), HUGE);
    at(elem(tree.root, 2), 1, 6 + HUGE + 2);

    memcpy(s, "(name '\\t", 9);
    memcpy(s + 6 + HUGE, "\\n')", 4);
    parse_ok_len(s, 6 + (size_t)HUGE + 4);
    a = elem(tree.root, 1);
    ck_assert_uint_eq(len_of(a), HUGE - 3 + 2);
    const char *text = xc_sx_text(&tree, a);
    ck_assert_int_eq(text[0], '\t');
    ck_assert_int_eq(text[1], 'a');
    ck_assert_int_eq(text[HUGE - 3], 'a');
    ck_assert_int_eq(text[HUGE - 2], '\n');
    ck_assert_int_eq(text[HUGE - 1], '\0');

    /* unterminated: the error is at the opening quote, 1:7 */
    expect_error_len(s, 6 + (size_t)HUGE + 2, 1, 7, "unterminated string");
    free(s);
}
END_TEST

static Suite *sxpr_suite(void)
{
    Suite *s = suite_create("sxpr-parse");
    TCase *t = tcase_create("parser");
    tcase_add_checked_fixture(t, setup, teardown);
    tcase_add_test(t, positions);
    tcase_add_test(t, positions_crlf_and_multiline_strings);
    tcase_add_test(t, positions_many_lines);
    tcase_add_test(t, shared_heads);
    tcase_add_test(t, bare_and_quoted_atoms);
    tcase_add_test(t, escapes);
    tcase_add_test(t, lookups);
    tcase_add_test(t, errors_unbalanced);
    tcase_add_test(t, errors_strings);
    tcase_add_test(t, errors_top_level);
    tcase_add_test(t, errors_nul);
    tcase_add_test(t, error_leaves_a_freeable_tree);
    suite_add_tcase(s, t);

    t = tcase_create("hostile");
    tcase_add_checked_fixture(t, setup, teardown);
    /* seconds normally; minutes under valgrind */
    tcase_set_timeout(t, 600);
    tcase_add_test(t, deep_nesting_balanced);
    tcase_add_test(t, deep_nesting_unbalanced);
    tcase_add_test(t, huge_atom);
    suite_add_tcase(s, t);
    return s;
}

int main(void)
{
    SRunner *sr = srunner_create(sxpr_suite());
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
