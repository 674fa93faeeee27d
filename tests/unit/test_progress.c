/* Unit tests for common/progress.c: the terminal progress line of batch
 * commands (what a terminal shows is not otherwise tested). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common/progress.h"

/* Runs draw/clear steps on a progress line writing to memory; returns
 * what was written (caller frees). */
static char *drawn(struct xc_progress *p, void (*steps)(struct xc_progress *))
{
    char *text = NULL;
    size_t len = 0;
    p->err = open_memstream(&text, &len);
    ck_assert_ptr_nonnull(p->err);
    steps(p);
    fclose(p->err);
    return text;
}

static void convert_steps(struct xc_progress *p)
{
    p->done = 1;
    xc_progress_draw(p, false);
    p->done = 2;
    xc_progress_draw(p, false);          /* within 0.1 s: not redrawn */
    p->done = 3, p->failed = 1;
    xc_progress_draw(p, true);           /* the last file: always */
    xc_progress_clear(p);
    xc_progress_clear(p);                /* nothing shown: nothing erased */
}

START_TEST(draws_throttles_and_clears)
{
    struct xc_progress p = {.label = "xenconv", .on = true, .total = 3};
    char *t = drawn(&p, convert_steps);
    ck_assert_str_eq(t, "\r\033[Kxenconv: 1/3 files"
                        "\r\033[Kxenconv: 3/3 files, 1 failed"
                        "\r\033[K");
    ck_assert(!p.shown);
    free(t);
}
END_TEST

static void migrate_steps(struct xc_progress *p)
{
    p->done = 2, p->hands = 1, p->failed = 1;
    xc_progress_draw(p, true);
}

START_TEST(counts_hands_and_failures)
{
    struct xc_progress p = {.label = "xenconv migrate", .on = true, .total = 5};
    char *t = drawn(&p, migrate_steps);
    ck_assert_str_eq(t, "\r\033[Kxenconv migrate: 2/5 files, 1 need hands, 1 failed");
    free(t);
}
END_TEST

START_TEST(off_draws_nothing)
{
    struct xc_progress p = {.label = "xenconv", .on = false, .total = 3};
    char *t = drawn(&p, convert_steps);
    ck_assert_str_eq(t, "");
    free(t);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("progress");
    TCase *tc = tcase_create("line");
    tcase_add_test(tc, draws_throttles_and_clears);
    tcase_add_test(tc, counts_hands_and_failures);
    tcase_add_test(tc, off_draws_nothing);
    suite_add_tcase(s, tc);
    SRunner *sr = srunner_create(s);
    srunner_run_all(sr, CK_NORMAL);
    int failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
