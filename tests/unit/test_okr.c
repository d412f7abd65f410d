/* The OKR method (core/okr.h) on cases computed by hand: periods and
 * their shorthands, progress up and down and with the target equal to
 * the baseline, the progress expected, the status at its boundaries, the
 * weighted mean, the forecast on known lines, the check-in cadence, and
 * the lookup of the gap link. */
#include "testutil.h"

#include <math.h>

#include "core/analysis.h"
#include "core/okr.h"
#include "util/date.h"

#define EPS 1e-12

static int32_t day(const char *s)
{
	int32_t d = 0;

	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

static void test_periods(void **state)
{
	int32_t d = -1;

	(void)state;
	assert_int_equal(okr_period_parse("2026-Q3", false, &d), 0);
	assert_int_equal(d, day("2026-07-01"));
	assert_int_equal(okr_period_parse("2026-Q3", true, &d), 0);
	assert_int_equal(d, day("2026-09-30"));
	assert_int_equal(okr_period_parse("2026-Q1", true, &d), 0);
	assert_int_equal(d, day("2026-03-31"));
	assert_int_equal(okr_period_parse("2026-Q4", false, &d), 0);
	assert_int_equal(d, day("2026-10-01"));
	assert_int_equal(okr_period_parse("2026", false, &d), 0);
	assert_int_equal(d, day("2026-01-01"));
	assert_int_equal(okr_period_parse("2026", true, &d), 0);
	assert_int_equal(d, day("2026-12-31"));
	assert_int_equal(okr_period_parse("2024-02", true, &d), 0);   /* a leap year */
	assert_int_equal(d, day("2024-02-29"));
	assert_int_equal(okr_period_parse("2025-02", true, &d), 0);
	assert_int_equal(d, day("2025-02-28"));
	assert_int_equal(okr_period_parse("2026-03-15", true, &d), 0);
	assert_int_equal(d, day("2026-03-15"));
	assert_int_equal(okr_period_parse("2026-03-15", false, &d), 0);
	assert_int_equal(d, day("2026-03-15"));
	d = 77;
	assert_int_equal(okr_period_parse("2026-Q5", false, &d), -1);
	assert_int_equal(okr_period_parse("2026-Q0", false, &d), -1);
	assert_int_equal(okr_period_parse("2026-13", false, &d), -1);
	assert_int_equal(okr_period_parse("2026-00", false, &d), -1);
	assert_int_equal(okr_period_parse("2026-q3", false, &d), -1);
	assert_int_equal(okr_period_parse("0999", false, &d), -1);
	assert_int_equal(okr_period_parse("26", false, &d), -1);
	assert_int_equal(okr_period_parse("2026-02-30", false, &d), -1);
	assert_int_equal(okr_period_parse("", false, &d), -1);
	assert_int_equal(okr_period_parse(NULL, false, &d), -1);
	assert_int_equal(d, 77);   /* untouched on failure */
}

static void test_progress(void **state)
{
	(void)state;
	/* first-contact resolution from 60 to 75, now 66: 6 / 15 */
	assert_float_equal(okr_progress(60, 66, 75), 0.4, EPS);
	/* an error rate from 10 down to 4, now 7: -3 / -6 */
	assert_float_equal(okr_progress(10, 7, 4), 0.5, EPS);
	/* past the target either way: 1; behind the baseline: 0 */
	assert_float_equal(okr_progress(60, 80, 75), 1, EPS);
	assert_float_equal(okr_progress(10, 3, 4), 1, EPS);
	assert_float_equal(okr_progress(60, 55, 75), 0, EPS);
	assert_float_equal(okr_progress(10, 12, 4), 0, EPS);
	/* no change towards a target below the baseline: 0, not -0 */
	assert_false(signbit(okr_progress(0.75, 0.75, 0.7)));
	/* no check-in: current is the baseline */
	assert_float_equal(okr_progress(0.3, 0.3, 0.8), 0, EPS);
	/* the target equal to the baseline: reached or not */
	assert_float_equal(okr_progress(5, 5, 5), 1, EPS);
	assert_float_equal(okr_progress(5, 6, 5), 1, EPS);
	assert_float_equal(okr_progress(5, 4.9, 5), 0, EPS);
}

static void test_expected(void **state)
{
	int32_t s = day("2026-07-01"), e = day("2026-09-30");   /* 91 days apart */

	(void)state;
	assert_float_equal(okr_expected(s, e, s), 0, EPS);
	assert_float_equal(okr_expected(s, e, s - 10), 0, EPS);
	assert_float_equal(okr_expected(s, e, e), 1, EPS);
	assert_float_equal(okr_expected(s, e, e + 10), 1, EPS);
	/* 2026-08-15 is 45 days in */
	assert_float_equal(okr_expected(s, e, day("2026-08-15")), 45.0 / 91.0, EPS);
	/* a period of one day */
	assert_float_equal(okr_expected(s, s, s - 1), 0, EPS);
	assert_float_equal(okr_expected(s, s, s), 1, EPS);
}

static void test_status_boundaries(void **state)
{
	const double expected[] = { 0, 0.35, 0.5, 0.75, 1 };

	(void)state;
	for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
		double e = expected[i], on = e - OKR_ON_TRACK_MARGIN, risk = e - OKR_AT_RISK_MARGIN;

		assert_int_equal(okr_status_of(1, e), OKR_DONE);
		if (on < 1) {
			assert_int_equal(okr_status_of(on > 0 ? on : 0, e), OKR_ON_TRACK);
		}
		if (on > 0) {
			assert_int_equal(okr_status_of(nextafter(on, -1), e), OKR_AT_RISK);
		}
		if (risk >= 0) {
			assert_int_equal(okr_status_of(risk, e), OKR_AT_RISK);
		}
		if (risk > 0) {
			assert_int_equal(okr_status_of(nextafter(risk, -1), e), OKR_OFF_TRACK);
		}
	}
	/* worked cases: expected 0.6; 0.55 on track, 0.4 at risk, 0.3 off track */
	assert_int_equal(okr_status_of(0.55, 0.6), OKR_ON_TRACK);
	assert_int_equal(okr_status_of(0.4, 0.6), OKR_AT_RISK);
	assert_int_equal(okr_status_of(0.3, 0.6), OKR_OFF_TRACK);
	assert_int_equal(okr_status_of(0.99, 1), OKR_ON_TRACK);
	assert_string_equal(okr_status_name(OKR_AT_RISK), "at_risk");
	assert_string_equal(okr_status_name(OKR_OFF_TRACK), "off_track");
}

static void test_weighted(void **state)
{
	const double p[] = { 0.5, 1, 0 }, w[] = { 1, 3, 4 };

	(void)state;
	/* (0.5 + 3) / 4 */
	assert_float_equal(okr_weighted_progress(p, w, 2), 0.875, EPS);
	/* (0.5 + 3 + 0) / 8 */
	assert_float_equal(okr_weighted_progress(p, w, 3), 0.4375, EPS);
	assert_true(isnan(okr_weighted_progress(p, w, 0)));
	assert_float_equal(okr_share(3, 4), 0.75, EPS);
	assert_true(isnan(okr_share(0, 0)));
}

static void test_forecast_lines(void **state)
{
	struct okr_forecast f;
	/* an exact line from day 100: 0, 1, 2 every ten days (b = 0.1) */
	const struct okr_point up[] = { { 100, 0 }, { 110, 1 }, { 120, 2 } };
	/* down from 10 by 0.2 a day */
	const struct okr_point down[] = { { 0, 10 }, { 10, 8 }, { 20, 6 } };
	/* not on a line: mean x 10, mean y 2/3, Sxx 200, Sxy 10: b = 0.05,
	 * a = 2/3 - 0.5 = 1/6 */
	const struct okr_point bent[] = { { 0, 0 }, { 10, 1 }, { 20, 1 } };
	const struct okr_point flat[] = { { 0, 1 }, { 30, 1 } };
	const struct okr_point same_day[] = { { 5, 1 }, { 5, 2 } };

	(void)state;
	okr_forecast(up, 3, 0, 3, 150, &f);
	assert_float_equal(f.value_at_end, 5, 1e-9);
	assert_true(f.has_met_on);
	assert_int_equal(f.met_on, 130);
	/* the target reached already by the line: a day in the past */
	okr_forecast(up, 3, 0, 1.5, 150, &f);
	assert_int_equal(f.met_on, 115);
	/* a target between whole days: the first day at or past it */
	okr_forecast(up, 3, 0, 2.05, 150, &f);
	assert_int_equal(f.met_on, 121);

	okr_forecast(down, 3, 10, 4, 40, &f);
	assert_float_equal(f.value_at_end, 2, 1e-9);
	assert_true(f.has_met_on);
	assert_int_equal(f.met_on, 30);
	/* moving away from a target above the baseline: no date */
	okr_forecast(down, 3, 0, 20, 40, &f);
	assert_float_equal(f.value_at_end, 2, 1e-9);
	assert_false(f.has_met_on);

	okr_forecast(bent, 3, 0, 2, 40, &f);
	assert_float_equal(f.value_at_end, 1.0 / 6.0 + 2, 1e-9);
	/* (2 - 1/6) / 0.05 = 36.67 */
	assert_int_equal(f.met_on, 37);

	okr_forecast(flat, 2, 1, 2, 60, &f);
	assert_float_equal(f.value_at_end, 1, 1e-12);
	assert_false(f.has_met_on);

	/* the target equal to the baseline counts as upwards */
	okr_forecast((const struct okr_point[]){ { 0, 0 }, { 10, 2 } }, 2, 1, 1, 20, &f);
	assert_int_equal(f.met_on, 5);
	okr_forecast((const struct okr_point[]){ { 0, 2 }, { 10, 0 } }, 2, 1, 1, 20, &f);
	assert_false(f.has_met_on);

	/* too little to fit */
	okr_forecast(up, 1, 0, 3, 150, &f);
	assert_true(isnan(f.value_at_end));
	assert_false(f.has_met_on);
	okr_forecast(same_day, 2, 0, 3, 150, &f);
	assert_true(isnan(f.value_at_end));
	assert_false(f.has_met_on);
	/* a slow line that meets the target exactly on a whole day far
	 * ahead: 79.74 falling 0.01 in 27 days reaches 74.72 on day 13554
	 * exactly (502 hundredths x 27), which doubles miss by more than a
	 * billionth of a day */
	okr_forecast((const struct okr_point[]){ { 0, 79.74 }, { 27, 79.73 } }, 2, 79.74, 74.72,
		     100, &f);
	assert_true(f.has_met_on);
	assert_int_equal(f.met_on, 13554);
	/* a pace so slow that the target lies past 9999 */
	okr_forecast((const struct okr_point[]){ { 0, 0 }, { 10, 1e-9 } }, 2, 0, 1, 20, &f);
	assert_false(f.has_met_on);
}

static void test_checkin_due(void **state)
{
	(void)state;
	assert_int_equal(okr_checkin_due(OKR_WEEKLY, day("2026-12-29")), day("2027-01-05"));
	assert_int_equal(okr_checkin_due(OKR_FORTNIGHTLY, day("2026-02-20")), day("2026-03-06"));
	assert_int_equal(okr_checkin_due(OKR_MONTHLY, day("2026-01-31")), day("2026-02-28"));
	assert_int_equal(okr_checkin_due(OKR_MONTHLY, day("2024-01-31")), day("2024-02-29"));
	assert_int_equal(okr_checkin_due(OKR_MONTHLY, day("2026-12-15")), day("2027-01-15"));
}

static void test_names(void **state)
{
	enum okr_type t;
	enum okr_interval i;

	(void)state;
	assert_int_equal(okr_type_parse("milestone", &t), 0);
	assert_int_equal(t, OKR_MILESTONE);
	assert_int_equal(okr_type_parse("Metric", &t), -1);
	assert_int_equal(okr_interval_parse("fortnightly", &i), 0);
	assert_int_equal(i, OKR_FORTNIGHTLY);
	assert_int_equal(okr_interval_parse("daily", &i), -1);
	assert_null(okr_type_name(OKR_TYPE_COUNT));
	assert_string_equal(okr_interval_name(OKR_MONTHLY), "monthly");
}

/* The gap link's lookup (core/analysis.h): links sorted, each found by
 * its team (NULL apart from every key) and competency, nothing else. */
static void test_link_lookup(void **state)
{
	static const char *const k1[] = { "KR1" }, *const k2[] = { "KR2", "KR3" };
	struct okr_link links[] = {
		{ "t2", "cf", k1, 1 }, { NULL, "kn", k2, 2 }, { "t1", "kn", k1, 1 },
		{ "t10", "cf", k2, 2 }, { "t1", "cf", k2, 2 }, { NULL, "cf", k1, 1 },
	};
	struct analysis a = { .links = links, .nlinks = 6 };
	const struct okr_link *l;

	(void)state;
	analysis_links_sort(links, 6);
	assert_null(links[0].team);
	assert_string_equal(links[0].competency, "cf");
	assert_null(links[1].team);
	assert_string_equal(links[2].team, "t1");
	assert_string_equal(links[5].team, "t2");
	l = analysis_link(&a, "t1", "cf");
	assert_non_null(l);
	assert_string_equal(l->team, "t1");
	assert_int_equal(l->nkeys, 2);
	l = analysis_link(&a, NULL, "kn");
	assert_non_null(l);
	assert_null(l->team);
	assert_string_equal(l->keys[1], "KR3");
	l = analysis_link(&a, "t10", "cf");
	assert_non_null(l);
	assert_string_equal(l->team, "t10");
	assert_string_equal(analysis_link(&a, "t2", "cf")->team, "t2");
	assert_null(analysis_link(&a, "t1", "xx"));
	assert_null(analysis_link(&a, "t2", "kn"));
	assert_null(analysis_link(&a, "t3", "cf"));
	assert_null(analysis_link(&a, "", "cf"));
	a.nlinks = 0;
	assert_null(analysis_link(&a, NULL, "cf"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_periods),
		cmocka_unit_test(test_progress),
		cmocka_unit_test(test_expected),
		cmocka_unit_test(test_status_boundaries),
		cmocka_unit_test(test_weighted),
		cmocka_unit_test(test_forecast_lines),
		cmocka_unit_test(test_checkin_due),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_link_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
