/* Unit tests for src/util/date.h. Expected day numbers were computed with
 * `date -u -d YYYY-MM-DD +%s` divided by 86400. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"

enum {
	SENTINEL = 123456   /* a value date_parse must leave alone on failure */
};

static void test_date_parse_accepts_valid_dates(void **state)
{
	static const struct {
		const char *text;
		int32_t days;
	} ok[] = {
		{ "1970-01-01", 0 },
		{ "1970-01-02", 1 },
		{ "1969-12-31", -1 },
		{ "2000-02-29", 11016 },   /* leap: divisible by 400 */
		{ "2024-02-29", 19782 },   /* leap: divisible by 4 */
		{ "2026-11-23", 20780 },
		{ "2026-01-01", 20454 },
		{ "1900-01-01", -25567 },
		{ "2100-12-31", 47846 },
		{ "1000-01-01", -354285 }, /* the first year allowed */
		{ "9999-12-31", 2932896 }, /* the last day allowed */
	};

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int32_t days = SENTINEL;
		int rc = date_parse(ok[i].text, &days);

		if (rc != 0 || days != ok[i].days)
			fail_msg("date_parse(\"%s\") = %d, days %d; want 0, days %d",
				 ok[i].text, rc, (int)days, (int)ok[i].days);
	}
}

static void test_date_parse_rejects_bad_dates(void **state)
{
	static const char *const bad[] = {
		"2025-02-29",   /* 2025 is not a leap year */
		"1900-02-29",   /* divisible by 100, not by 400: not leap */
		"2100-02-29",
		"2026-04-31",   /* April has 30 days */
		"2026-06-31",
		"2026-01-32",
		"2026-13-01",
		"2026-00-10",
		"2026-01-00",
		"2026-1-01",
		"2026-01-1",
		"2026-01-01 ",  /* trailing space */
		" 2026-01-01",  /* leading space */
		"2026-01-01T00:00",
		"20260101",
		"2026/01/01",
		"2026-01-0a",
		"",
		"0999-01-01",   /* before year 1000 */
		"abcd-ef-gh",
		"-026-01-01",
		"+026-01-01",
		"2026--1-01",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int32_t days = SENTINEL;
		int rc = date_parse(bad[i], &days);

		if (rc != -1 || days != SENTINEL)
			fail_msg("date_parse(\"%s\") = %d, days %d; want -1 and days untouched",
				 bad[i], rc, (int)days);
	}
}

static void test_date_parse_rejects_null(void **state)
{
	int32_t days = SENTINEL;

	(void)state;
	assert_int_equal(date_parse(NULL, &days), -1);
	assert_int_equal(days, SENTINEL);
}

static void test_date_format_known_days(void **state)
{
	char out[DATE_ISO_LEN + 1];

	(void)state;
	date_format(0, out);
	assert_string_equal(out, "1970-01-01");
	date_format(-1, out);
	assert_string_equal(out, "1969-12-31");
	date_format(11016, out);
	assert_string_equal(out, "2000-02-29");
	date_format(20780, out);
	assert_string_equal(out, "2026-11-23");
	date_format(-25567, out);
	assert_string_equal(out, "1900-01-01");
}

/* Walks the calendar by hand from 1900-01-01 to 2100-12-31: each date's
 * text must parse to the next day number, and that number must format back
 * to the same text. */
static void test_date_format_inverse_of_parse(void **state)
{
	int32_t want = -25567;   /* 1900-01-01 */
	int count = 0;

	(void)state;
	for (int y = 1900; y <= 2100; y++) {
		for (int m = 1; m <= 12; m++) {
			static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
			int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
			int nd = mdays[m - 1] + (m == 2 && leap);

			for (int d = 1; d <= nd; d++) {
				char text[32], out[DATE_ISO_LEN + 1];
				int32_t days = SENTINEL;

				(void)snprintf(text, sizeof text, "%04d-%02d-%02d", y, m, d);
				if (date_parse(text, &days) != 0 || days != want)
					fail_msg("date_parse(\"%s\") gave %d; want %d", text, (int)days, (int)want);
				date_format(days, out);
				if (strcmp(out, text) != 0)
					fail_msg("date_format(%d) = \"%s\"; want \"%s\"", (int)days, out, text);
				want++;
				count++;
			}
		}
	}
	assert_int_equal(want, 47846 + 1);   /* ends just after 2100-12-31 */
	assert_int_equal(count, 47846 + 25567 + 1);
}

static void test_date_from_ymd_and_to_ymd(void **state)
{
	int y, m, d;

	(void)state;
	assert_int_equal(date_from_ymd(1970, 1, 1), 0);
	assert_int_equal(date_from_ymd(2000, 2, 29), 11016);
	assert_int_equal(date_from_ymd(2000, 3, 1), 11017);
	assert_int_equal(date_from_ymd(2024, 2, 29), 19782);
	assert_int_equal(date_from_ymd(2026, 11, 23), 20780);
	assert_int_equal(date_from_ymd(1900, 1, 1), -25567);

	date_to_ymd(0, &y, &m, &d);
	assert_int_equal(y, 1970);
	assert_int_equal(m, 1);
	assert_int_equal(d, 1);
	date_to_ymd(-1, &y, &m, &d);
	assert_int_equal(y, 1969);
	assert_int_equal(m, 12);
	assert_int_equal(d, 31);
	date_to_ymd(19782, &y, &m, &d);
	assert_int_equal(y, 2024);
	assert_int_equal(m, 2);
	assert_int_equal(d, 29);
	date_to_ymd(20780, &y, &m, &d);
	assert_int_equal(y, 2026);
	assert_int_equal(m, 11);
	assert_int_equal(d, 23);

	/* Round trip over a wide span, including days before 1970. */
	for (int32_t days = -800000; days <= 800000; days += 997) {
		date_to_ymd(days, &y, &m, &d);
		if (date_from_ymd(y, m, d) != days)
			fail_msg("date_from_ymd(date_to_ymd(%d)) = %d", (int)days,
				 (int)date_from_ymd(y, m, d));
	}
}

static void test_date_is_leap(void **state)
{
	(void)state;
	assert_true(date_is_leap(2000));
	assert_true(date_is_leap(2024));
	assert_true(date_is_leap(1600));
	assert_true(date_is_leap(2400));
	assert_false(date_is_leap(1900));
	assert_false(date_is_leap(2100));
	assert_false(date_is_leap(2025));
	assert_false(date_is_leap(2026));
	assert_false(date_is_leap(2023));
}

static void test_date_days_in_month(void **state)
{
	static const int y2026[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	(void)state;
	for (int m = 1; m <= 12; m++)
		assert_int_equal(date_days_in_month(2026, m), y2026[m - 1]);
	assert_int_equal(date_days_in_month(2024, 2), 29);
	assert_int_equal(date_days_in_month(2000, 2), 29);
	assert_int_equal(date_days_in_month(1900, 2), 28);
	assert_int_equal(date_days_in_month(2024, 1), 31);
	assert_int_equal(date_days_in_month(2024, 3), 31);
}

static void test_date_end_of_month(void **state)
{
	(void)state;
	/* 2024-02-10 -> 2024-02-29 */
	assert_int_equal(date_end_of_month(19763), 19782);
	assert_int_equal(date_end_of_month(date_from_ymd(2024, 2, 10)), date_from_ymd(2024, 2, 29));
	/* 2026-12-05 -> 2026-12-31 */
	assert_int_equal(date_end_of_month(20792), 20818);
	/* The last day maps to itself; February of a common year has 28. */
	assert_int_equal(date_end_of_month(20818), 20818);
	assert_int_equal(date_end_of_month(date_from_ymd(2026, 2, 1)), date_from_ymd(2026, 2, 28));
	assert_int_equal(date_end_of_month(date_from_ymd(1900, 2, 14)), date_from_ymd(1900, 2, 28));
}

static void test_date_today_honours_env(void **state)
{
	(void)state;
	assert_int_equal(setenv("COMPGAP_TODAY", "2026-03-15", 1), 0);
	assert_int_equal(date_today(), 20527);
	assert_int_equal(setenv("COMPGAP_TODAY", "2000-02-29", 1), 0);
	assert_int_equal(date_today(), 11016);
	assert_int_equal(unsetenv("COMPGAP_TODAY"), 0);
}

static void test_date_today_ignores_invalid_env(void **state)
{
	static const char *const bad[] = { "2026-02-30", "yesterday", "", "1990-01-01 " };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int32_t today;

		assert_int_equal(setenv("COMPGAP_TODAY", bad[i], 1), 0);
		today = date_today();
		/* The real date: this test was written in November 2026. */
		if (today <= 20454)
			fail_msg("date_today() with COMPGAP_TODAY=\"%s\" gave %d; want the real date",
				 bad[i], (int)today);
	}
	assert_int_equal(unsetenv("COMPGAP_TODAY"), 0);
	assert_true(date_today() > 20454);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_date_parse_accepts_valid_dates),
		cmocka_unit_test(test_date_parse_rejects_bad_dates),
		cmocka_unit_test(test_date_parse_rejects_null),
		cmocka_unit_test(test_date_format_known_days),
		cmocka_unit_test(test_date_format_inverse_of_parse),
		cmocka_unit_test(test_date_from_ymd_and_to_ymd),
		cmocka_unit_test(test_date_is_leap),
		cmocka_unit_test(test_date_days_in_month),
		cmocka_unit_test(test_date_end_of_month),
		cmocka_unit_test(test_date_today_honours_env),
		cmocka_unit_test(test_date_today_ignores_invalid_env),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
