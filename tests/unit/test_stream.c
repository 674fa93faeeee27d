/* Streamed output: the buffer's sink and the writers' flush points
 * (common/buf.h), and the all-or-nothing stream behind them
 * (common/atomic_stream.h). */
#define _GNU_SOURCE /* setenv, dirent */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "common/atomic_stream.h"
#include "common/buf.h"
#include "common/diag.h"
#include "common/settings.h"
#include "common/source.h"
#include "converters/native.h"
#include "formats/format.h"
#include "formats/xml/xml.h"

/* A sink that appends to a buffer and counts its pieces. */
struct collect {
    struct xc_buf got;
    size_t pieces, biggest;
};

static void collect(void *ctx, const char *data, size_t len)
{
    struct collect *c = ctx;
    xc_buf_add_len(&c->got, data, len);
    c->pieces++;
    if (len > c->biggest)
        c->biggest = len;
}

START_TEST(sink_at_flush_points_only)
{
    struct xc_buf plain = {0};
    xc_buf_add(&plain, "abcd");
    xc_buf_flush_point(&plain);          /* no sink: nothing happens */
    ck_assert_str_eq(xc_buf_str(&plain), "abcd");
    xc_buf_free(&plain);

    struct collect c = {0};
    struct xc_buf b = {0};
    xc_buf_set_sink(&b, collect, &c, 4);
    xc_buf_add(&b, "ab");
    xc_buf_flush_point(&b);              /* below the threshold */
    ck_assert_uint_eq(c.pieces, 0);
    xc_buf_add(&b, "cdef");              /* no flush point: stays */
    ck_assert_uint_eq(c.pieces, 0);
    size_t cap = b.cap;
    xc_buf_flush_point(&b);
    ck_assert_uint_eq(c.pieces, 1);
    ck_assert_str_eq(xc_buf_str(&c.got), "abcdef");
    ck_assert_uint_eq(b.len, 0);
    ck_assert_uint_eq(b.cap, cap);       /* memory kept for reuse */
    ck_assert_uint_eq(xc_buf_mark(&b), 6);

    /* a mark after the flush is taken back; one before it cannot be */
    size_t mark = xc_buf_mark(&b);
    xc_buf_add(&b, "gh");
    xc_buf_truncate(&b, mark + 1);
    ck_assert_str_eq(xc_buf_str(&b), "g");
    xc_buf_truncate(&b, 2);
    ck_assert_str_eq(xc_buf_str(&b), "");
    xc_buf_flush(&b);                    /* empty: no piece */
    ck_assert_uint_eq(c.pieces, 1);
    xc_buf_free(&b);
    xc_buf_free(&c.got);
}
END_TEST

/* ---- every golden input, each target: flushing at every flush point
 * gives the bytes the plain buffer holds --------------------------------- */

static const struct xc_format *input_format(const char *dir, const char *name)
{
    const char *dot = strrchr(name, '.');
    if (!dot)
        return NULL;
    if (strcmp(dot, ".xml") == 0)
        return &xc_format_xml;
    if (strcmp(dot, ".sxpr") == 0)
        return xc_format_find("xen-sxpr");
    if (strcmp(dot, ".xl") == 0)
        return xc_format_find("xen-xl");
    if (strcmp(dot, ".xm") == 0)
        return xc_format_find("xen-xm");
    if (strcmp(dot, ".cfg") == 0)
        return xc_format_find(strstr(dir, "/xm") ? "xen-xm" : "xen-xl");
    return NULL;
}

static size_t compared, failed_alike;

/* A guest without a uuid gets a random one (as libvirt's): mask uuids. */
static void mask_uuids(struct xc_buf *b)
{
    static const char shape[] = "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
    for (size_t i = 0; i + 36 <= b->len; i++) {
        size_t k = 0;
        while (k < 36 && (shape[k] == '-' ? b->data[i + k] == '-'
                                          : strchr("0123456789abcdef", b->data[i + k]) &&
                                                b->data[i + k]))
            k++;
        if (k == 36)
            memset(b->data + i, 'U', 36);
    }
}

static void compare_one(const struct xc_format *from, const struct xc_format *to,
                        const struct xc_source *src, size_t at)
{
    struct xc_settings set;
    struct xc_diags d1 = {0}, d2 = {0};
    struct xc_buf plain = {0}, out = {0};
    struct collect c = {0};
    enum xc_origin origin = from == &xc_format_xml ? XC_ORIGIN_XML
                                                   : XC_ORIGIN_NATIVE;

    xc_settings_init(&set);
    int rc1 = xc_convert_source(from, to, origin, src, &set, &plain, &d1);
    xc_buf_set_sink(&out, collect, &c, at);
    int rc2 = xc_convert_source(from, to, origin, src, &set, &out, &d2);
    ck_assert_msg(rc1 == rc2, "%s -> %s: %d vs %d", src->name, to->name, rc1, rc2);
    ck_assert_uint_eq(d1.list.n, d2.list.n);
    if (rc1 == 0) {
        xc_buf_add_len(&c.got, out.data ? out.data : "", out.len);
        mask_uuids(&c.got);
        mask_uuids(&plain);
        ck_assert_msg(c.got.len == plain.len &&
                      memcmp(xc_buf_str(&c.got), xc_buf_str(&plain), plain.len) == 0,
                      "%s -> %s: streamed output differs", src->name, to->name);
        /* a flush point was reached: the writer does stream */
        ck_assert_msg(at > 0 || c.pieces > 0, "%s -> %s: no flush point",
                      src->name, to->name);
        compared++;
    } else {
        failed_alike++;
    }
    xc_buf_free(&plain);
    xc_buf_free(&out);
    xc_buf_free(&c.got);
    xc_diags_free(&d1);
    xc_diags_free(&d2);
    xc_settings_free(&set);
}

static void compare_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    ck_assert_msg(dp != NULL, "cannot open %s", dir);
    static const char *const targets[] = {"xml", "xen-xl", "xen-xm", "xen-sxpr"};
    struct dirent *e;
    while ((e = readdir(dp)) != NULL) {
        const struct xc_format *from = input_format(dir, e->d_name);
        if (!from)
            continue;
        char path[512];
        snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
        struct xc_diags d = {0};
        struct xc_source src;
        ck_assert_int_eq(xc_source_load(&src, path, &d), 0);
        for (size_t t = 0; t < sizeof(targets) / sizeof(*targets); t++)
            compare_one(from, xc_format_find(targets[t]), &src, 0);
        xc_source_free(&src);
        xc_diags_free(&d);
    }
    closedir(dp);
}

START_TEST(flush_points_keep_every_golden)
{
    static const char *const dirs[] = {
        "testdata/xl", "testdata/xl/bad", "testdata/xm", "testdata/xm/bad",
        "testdata/sxpr", "testdata/sxpr/bad", "testdata/xm2xl",
    };
    for (size_t i = 0; i < sizeof(dirs) / sizeof(*dirs); i++)
        compare_dir(dirs[i]);
    ck_assert_uint_gt(compared, 400);
    ck_assert_uint_gt(failed_alike, 10);
}
END_TEST

/* A large output leaves the buffer in pieces near the threshold. */
START_TEST(large_output_in_bounded_pieces)
{
    struct xc_buf in = {0};
    xc_buf_add(&in, "name = \"big\"\nmemory = 512\nkernel = \"/k\"\ndisk = [ ");
    for (int i = 0; i < 3000; i++)
        xc_buf_addf(&in, "%s\"/d/%d,raw,xvda%d,w\"", i ? ", " : "", i, i);
    xc_buf_add(&in, " ]\n");
    struct xc_source src;
    xc_source_from_mem(&src, "big.cfg", in.data, in.len);
    static const char *const targets[] = {"xml", "xen-xl", "xen-xm", "xen-sxpr"};
    for (size_t t = 0; t < 4; t++) {
        const struct xc_format *to = xc_format_find(targets[t]);
        struct xc_settings set;
        struct xc_diags d = {0};
        struct xc_buf out = {0};
        struct collect c = {0};
        xc_settings_init(&set);
        xc_buf_set_sink(&out, collect, &c, XC_BUF_SINK_AT);
        ck_assert_int_eq(xc_convert_source(xc_format_find("xen-xl"), to,
                                           XC_ORIGIN_NATIVE, &src, &set, &out, &d), 0);
        ck_assert_msg(c.pieces >= 1 && out.len < XC_BUF_SINK_AT + 4096,
                      "%s: %zu pieces, %zu bytes left", to->name, c.pieces, out.len);
        ck_assert_msg(c.biggest < XC_BUF_SINK_AT + 4096, "%s: a piece of %zu",
                      to->name, c.biggest);
        compare_one(xc_format_find("xen-xl"), to, &src, XC_BUF_SINK_AT);
        xc_buf_free(&out);
        xc_buf_free(&c.got);
        xc_diags_free(&d);
        xc_settings_free(&set);
    }
    xc_source_free(&src);
    xc_buf_free(&in);
}
END_TEST

/* ---- the all-or-nothing stream ------------------------------------------ */

static char *slurp_fd(int fd)
{
    struct xc_buf b = {0};
    char chunk[4096];
    ssize_t n;
    lseek(fd, 0, SEEK_SET);
    while ((n = read(fd, chunk, sizeof(chunk))) > 0)
        xc_buf_add_len(&b, chunk, (size_t)n);
    return xc_buf_steal(&b);
}

static char *slurp(const char *path)
{
    int fd = open(path, O_RDONLY);
    ck_assert_int_ge(fd, 0);
    char *s = slurp_fd(fd);
    close(fd);
    return s;
}

static size_t entries(const char *dir)
{
    DIR *dp = opendir(dir);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        n += e->d_name[0] != '.';
    closedir(dp);
    return n;
}

START_TEST(stream_to_path)
{
    char dir[] = "/tmp/xc-stream-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/out.xml", dir);
    struct xc_diags d = {0};
    struct xc_atomic_stream s;

    xc_atomic_stream_init(&s, path);
    xc_atomic_stream_write(&s, "one ", 4);
    ck_assert_uint_eq(entries(dir), 1);          /* the temporary */
    xc_atomic_stream_write(&s, "two ", 4);
    ck_assert_int_eq(xc_atomic_stream_commit(&s, "rest\n", 5, &d), 0);
    char *got = slurp(path);
    ck_assert_str_eq(got, "one two rest\n");
    free(got);

    /* abort: the temporary goes, the older output stays */
    xc_atomic_stream_init(&s, path);
    xc_atomic_stream_write(&s, "new", 3);
    xc_atomic_stream_abort(&s);
    ck_assert_uint_eq(entries(dir), 1);
    got = slurp(path);
    ck_assert_str_eq(got, "one two rest\n");
    free(got);
    unlink(path);

    /* no temporary can be made: said at commit, with the path */
    snprintf(path, sizeof(path), "%s/missing/out.xml", dir);
    xc_atomic_stream_init(&s, path);
    xc_atomic_stream_write(&s, "x", 1);
    xc_atomic_stream_write(&s, "y", 1);
    ck_assert_uint_eq(d.nerrors, 0);
    ck_assert_int_eq(xc_atomic_stream_commit(&s, "z", 1, &d), -1);
    ck_assert_uint_eq(d.nerrors, 1);
    ck_assert_str_eq(d.list.v[0].file, path);
    ck_assert_str_eq(d.list.v[0].msg,
                     "cannot create temporary file: No such file or directory");
    ck_assert_int_eq(rmdir(dir), 0);
    xc_diags_free(&d);
}
END_TEST

/* Standard output as a file: what a redirection or a pipe sees.  The
 * real one is kept in *saved (check may run the tests without fork). */
static int stdout_to_file(char *name, int *saved)
{
    int fd = mkstemp(name);
    ck_assert_int_ge(fd, 0);
    unlink(name);
    fflush(stdout);
    *saved = dup(STDOUT_FILENO);
    ck_assert_int_ge(*saved, 0);
    ck_assert_int_eq(dup2(fd, STDOUT_FILENO), STDOUT_FILENO);
    return fd;
}

START_TEST(stream_to_stdout_spooled)
{
    char name[] = "/tmp/xc-stdout-XXXXXX";
    int saved;
    int fd = stdout_to_file(name, &saved);
    struct xc_diags d = {0};
    struct xc_atomic_stream s;

    xc_atomic_stream_init(&s, "-");
    xc_atomic_stream_write(&s, "one ", 4);
    xc_atomic_stream_write(&s, "two ", 4);
    char *got = slurp_fd(fd);
    ck_assert_str_eq(got, "");                   /* spooled, not printed */
    free(got);
    ck_assert_int_eq(xc_atomic_stream_commit(&s, "rest\n", 5, &d), 0);
    got = slurp_fd(fd);
    ck_assert_str_eq(got, "one two rest\n");
    free(got);

    /* a failed conversion prints nothing */
    ck_assert_int_eq(ftruncate(fd, 0), 0);
    xc_atomic_stream_init(&s, NULL);
    xc_atomic_stream_write(&s, "partial", 7);
    xc_atomic_stream_abort(&s);
    got = slurp_fd(fd);
    ck_assert_str_eq(got, "");
    free(got);

    /* no spool can be made: said at commit, nothing printed */
    setenv("TMPDIR", "/nonexistent-xc-dir", 1);
    xc_atomic_stream_init(&s, NULL);
    xc_atomic_stream_write(&s, "x", 1);
    ck_assert_int_eq(xc_atomic_stream_commit(&s, "y", 1, &d), -1);
    ck_assert_str_eq(d.list.v[0].file, "<stdout>");
    ck_assert_str_eq(d.list.v[0].msg, "cannot create a temporary file in "
                     "/nonexistent-xc-dir: No such file or directory");
    got = slurp_fd(fd);
    ck_assert_str_eq(got, "");
    free(got);
    unsetenv("TMPDIR");

    /* a small output never touches the spool */
    setenv("TMPDIR", "/nonexistent-xc-dir", 1);
    xc_atomic_stream_init(&s, NULL);
    ck_assert_int_eq(xc_atomic_stream_commit(&s, "small\n", 6, &d), 0);
    got = slurp_fd(fd);
    ck_assert_str_eq(got, "small\n");
    free(got);
    unsetenv("TMPDIR");
    ck_assert_int_eq(dup2(saved, STDOUT_FILENO), STDOUT_FILENO);
    close(saved);
    close(fd);
    xc_diags_free(&d);
}
END_TEST

START_TEST(convert_to_output_all_or_nothing)
{
    char dir[] = "/tmp/xc-conv-XXXXXX";
    ck_assert_ptr_nonnull(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof(path), "%s/out.xml", dir);
    /* 3,000 disks, the last with a name domain XML cannot hold */
    struct xc_buf in = {0};
    xc_buf_add(&in, "name = \"big\"\nmemory = 512\nkernel = \"/k\"\ndisk = [ ");
    for (int i = 0; i < 3000; i++)
        xc_buf_addf(&in, "%s\"/d/%d%s,raw,xvda%d,w\"", i ? ", " : "", i,
                    i == 2999 ? "\x01" : "", i);
    xc_buf_add(&in, " ]\n");
    struct xc_source src;
    xc_source_from_mem(&src, "big.cfg", in.data, in.len);
    struct xc_settings set;
    struct xc_diags d = {0};
    xc_settings_init(&set);
    ck_assert_int_eq(xc_convert_to_output(xc_format_find("xen-xl"), &xc_format_xml,
                                          XC_ORIGIN_NATIVE, &src, &set, path, &d),
                     -1);
    /* the XML writer's refusal, long after the first flush point */
    ck_assert_uint_eq(d.nerrors, 1);
    ck_assert_ptr_nonnull(strstr(d.list.v[d.list.n - 1].msg, "domain XML cannot hold it"));
    ck_assert_uint_eq(entries(dir), 0);
    ck_assert_int_eq(rmdir(dir), 0);
    xc_settings_free(&set);
    xc_source_free(&src);
    xc_buf_free(&in);
    xc_diags_free(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("stream");
    TCase *tc = tcase_create("core");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, sink_at_flush_points_only);
    tcase_add_test(tc, flush_points_keep_every_golden);
    tcase_add_test(tc, large_output_in_bounded_pieces);
    tcase_add_test(tc, stream_to_path);
    tcase_add_test(tc, stream_to_stdout_spooled);
    tcase_add_test(tc, convert_to_output_all_or_nothing);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
