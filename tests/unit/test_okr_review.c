/* The quarterly review's pure parts (views/okr_review.h) on cases worked
 * by hand: which text is a quarter and its days, the last quarter that
 * ended before a day (at the turn of a quarter and of a year), and the
 * distance a key result not done leaves, for a target above the current
 * value, below it (a metric going down), and without a value. */
#include "testutil.h"

#include <math.h>

#include "util/date.h"
#include "views/okr_review.h"

static int32_t day(const char *s)
{
	int32_t d = 0;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void test_quarter_parse(void **state)
{
	int32_t first = 0, last = 0;

	(void)state;
	assert_int_equal(okr_quarter_parse("2026-Q3", &first, &last), 0);
	assert_int_equal(first, day("2026-07-01"));
	assert_int_equal(last, day("2026-09-30"));
	assert_int_equal(okr_quarter_parse("2024-Q1", &first, &last), 0);
	assert_int_equal(last, day("2024-03-31"));
	assert_int_equal(okr_quarter_parse("2026-Q4", &first, &last), 0);
	assert_int_equal(first, day("2026-10-01"));
	assert_int_equal(last, day("2026-12-31"));
	assert_int_equal(okr_quarter_parse("2026-Q0", &first, &last), -1);
	assert_int_equal(okr_quarter_parse("2026-Q5", &first, &last), -1);
	assert_int_equal(okr_quarter_parse("2026-q3", &first, &last), -1);
	assert_int_equal(okr_quarter_parse("2026-Q3 ", &first, &last), -1);
	assert_int_equal(okr_quarter_parse("2026-07", &first, &last), -1);
	assert_int_equal(okr_quarter_parse("2026", &first, &last), -1);
	assert_int_equal(okr_quarter_parse("+026-Q3", &first, &last), -1);
}

static void test_last_finished(void **state)
{
	char q[8];

	(void)state;
	okr_quarter_last_finished(day("2026-08-20"), q);
	assert_string_equal(q, "2026-Q2");
	okr_quarter_last_finished(day("2026-07-01"), q);    /* Q3's first day: Q2 ended */
	assert_string_equal(q, "2026-Q2");
	okr_quarter_last_finished(day("2026-06-30"), q);    /* Q2's last day: Q1 */
	assert_string_equal(q, "2026-Q1");
	okr_quarter_last_finished(day("2026-01-15"), q);    /* last year's Q4 */
	assert_string_equal(q, "2025-Q4");
	okr_quarter_last_finished(day("2026-12-31"), q);
	assert_string_equal(q, "2026-Q3");
}

static void test_remaining(void **state)
{
	struct key_result up = { .target = 75 }, down = { .target = 2 };
	struct okr_kr_view k = { .kr = &up, .current = 68 };

	(void)state;
	assert_true(fabs(okr_review_remaining(&k) - 7) < 1e-12);
	k = (struct okr_kr_view){ .kr = &down, .current = 6 };
	assert_true(fabs(okr_review_remaining(&k) - 4) < 1e-12);
	k.current = NAN;
	assert_true(isnan(okr_review_remaining(&k)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quarter_parse),
		cmocka_unit_test(test_last_finished),
		cmocka_unit_test(test_remaining),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
