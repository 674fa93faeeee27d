/* Unit tests for common/strpool.c: where the model's strings live.  Under
 * ASan (make asan) the same tests also run with the pool's fences on. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/model.h"
#include "common/strpool.h"

/* Many strings of every length up to 300 through one pool (several blocks,
 * some strings too large for a block): each keeps its bytes. */
START_TEST(strings_keep_their_bytes)
{
    struct xc_strpool pool = {0};
    enum { N = 5000 };
    char *s[N];
    char want[301];
    struct xc_strpool *prev = xc_strpool_enter(&pool);
    ck_assert_ptr_null(prev);
    for (int i = 0; i < N; i++) {
        size_t n = (size_t)(i * 7) % 301;
        memset(want, 'a' + i % 26, n);
        s[i] = xc_strpool_dup(want, n);
    }
    xc_strpool_enter(prev);
    ck_assert_ptr_nonnull(pool.head);
    for (int i = 0; i < N; i++) {
        size_t n = (size_t)(i * 7) % 301;
        ck_assert_uint_eq(strlen(s[i]), n);
        for (size_t k = 0; k < n; k++)
            ck_assert_int_eq(s[i][k], 'a' + i % 26);
        xc_strpool_release(s[i]);   /* pool ones: nothing; large: freed */
    }
    xc_strpool_free(&pool);
    ck_assert_ptr_null(pool.head);
}
END_TEST

/* Without a current pool strings come from malloc (valgrind and LSan see
 * them freed by release); enter nests and restores. */
START_TEST(no_pool_is_malloc_and_enter_nests)
{
    struct xc_strpool a = {0}, b = {0};
    char *m = xc_strpool_dup("plain", 5);
    ck_assert_str_eq(m, "plain");
    xc_strpool_release(m);

    ck_assert_ptr_null(xc_strpool_enter(&a));
    char *in_a = xc_strpool_dup("in-a", 4);
    ck_assert_ptr_eq(xc_strpool_enter(&b), &a);
    char *in_b = xc_strpool_dup("in-b", 4);
    ck_assert_ptr_eq(xc_strpool_enter(&a), &b);
    ck_assert_ptr_eq(xc_strpool_enter(NULL), &a);
    ck_assert_ptr_nonnull(a.head);
    ck_assert_ptr_nonnull(b.head);
    ck_assert_str_eq(in_a, "in-a");
    ck_assert_str_eq(in_b, "in-b");
    xc_strpool_free(&b);
    ck_assert_str_eq(in_a, "in-a");   /* a's strings outlive b */
    xc_strpool_free(&a);
}
END_TEST

/* xc_str_set replaces a pool string and a malloc one alike; the domain
 * frees its pool last. */
START_TEST(xc_str_in_a_domain)
{
    struct xc_domain dom;
    struct xc_str outside = {0};
    xc_domain_init(&dom);
    xc_str_set(&outside, "malloc", xc_nopos);      /* no pool yet */
    struct xc_strpool *prev = xc_strpool_enter(&dom.strings);
    xc_str_set(&dom.name, "first", xc_nopos);
    xc_str_set(&dom.name, "second", xc_nopos);
    xc_str_set(&outside, "pooled now", xc_nopos);  /* malloc one released */
    xc_strpool_enter(prev);
    ck_assert_str_eq(dom.name.s, "second");
    ck_assert_str_eq(outside.s, "pooled now");
    xc_str_clear(&outside);                        /* a pool one: no free */
    ck_assert_ptr_null(outside.s);
    xc_str_set(&dom.title, "after", xc_nopos);     /* malloc, outside reads */
    xc_domain_free(&dom);
}
END_TEST

/* The shared constants: one copy for every disk, never freed. */
START_TEST(shared_constants)
{
    char *a = xc_strpool_dup("phy", 3), *b = xc_strpool_dup("phy", 3);
    ck_assert_ptr_eq(a, b);
    ck_assert_str_eq(a, "phy");
    char *c = xc_strpool_dup("ph", 2);      /* a prefix is not shared */
    ck_assert_ptr_ne(c, a);
    ck_assert_str_eq(c, "ph");
    xc_strpool_release(a);
    xc_strpool_release(b);
    xc_strpool_release(c);
    ck_assert_str_eq(xc_strpool_dup("qcow2", 5), "qcow2");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("strpool");
    TCase *tc = tcase_create("pool");
    tcase_add_test(tc, strings_keep_their_bytes);
    tcase_add_test(tc, no_pool_is_malloc_and_enter_nests);
    tcase_add_test(tc, xc_str_in_a_domain);
    tcase_add_test(tc, shared_constants);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
