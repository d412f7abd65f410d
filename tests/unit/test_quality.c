/* The quality loop's method (core/quality.h) on cases computed by hand:
 * area percentages on yes/no and 1-5 scales, the evaluation score, the
 * auto-fail and praise at their boundaries, the evidence level, the
 * alignment, and a team's month with cadence, alerts and group coaching. */
#include "testutil.h"

#include <math.h>

#include "core/quality.h"

#define EPS 1e-12

/* greeting: yes/no, weight 1; correct information: 1-5, weight 3,
 * critical; tone: 1-5, weight 2. */
static const struct qa_area card[3] = {
	{ .weight = 1, .min = 0, .max = 1 },
	{ .weight = 3, .min = 1, .max = 5, .critical = true },
	{ .weight = 2, .min = 1, .max = 5 },
};

static struct qa_result evaluate(double greeting, double information, double tone)
{
	double p[3] = {
		isnan(greeting) ? NAN : qa_area_percentage(&card[0], greeting),
		isnan(information) ? NAN : qa_area_percentage(&card[1], information),
		isnan(tone) ? NAN : qa_area_percentage(&card[2], tone),
	};

	return qa_evaluate(card, p, 3);
}

static void test_area_percentage(void **state)
{
	(void)state;
	assert_float_equal(qa_area_percentage(&card[0], 1), 100, EPS);
	assert_float_equal(qa_area_percentage(&card[0], 0), 0, EPS);
	/* (4 - 1) / (5 - 1) * 100 */
	assert_float_equal(qa_area_percentage(&card[1], 4), 75, EPS);
	assert_float_equal(qa_area_percentage(&card[1], 1), 0, EPS);
	assert_float_equal(qa_area_percentage(&card[2], 3), 50, EPS);
}

static void test_evidence_level(void **state)
{
	(void)state;
	/* 1 + 4 p / 100 */
	assert_float_equal(qa_evidence_level(0), 1, EPS);
	assert_float_equal(qa_evidence_level(75), 4, EPS);
	assert_float_equal(qa_evidence_level(62.5), 3.5, EPS);
	assert_float_equal(qa_evidence_level(100), 5, EPS);
}

static void test_evaluation_score(void **state)
{
	struct qa_result r;

	(void)state;
	/* (1 * 100 + 3 * 75 + 2 * 50) / 6 = 425 / 6 */
	r = evaluate(1, 4, 3);
	assert_float_equal(r.score, 425.0 / 6, EPS);
	assert_false(r.auto_failed);
	assert_false(r.praise);
	/* greeting not scored: (3 * 75 + 2 * 50) / 5 = 65 */
	r = evaluate(NAN, 4, 3);
	assert_float_equal(r.score, 65, EPS);
	/* nothing scored: no score */
	r = evaluate(NAN, NAN, NAN);
	assert_true(isnan(r.score));
	assert_false(r.auto_failed);
	assert_false(r.praise);
}

static void test_auto_fail_at_its_boundary(void **state)
{
	struct qa_result r;

	(void)state;
	/* information 2: 25 % < 50 % on a critical area: 0, whatever else */
	r = evaluate(1, 2, 5);
	assert_true(r.auto_failed);
	assert_float_equal(r.score, 0, EPS);
	assert_false(r.praise);
	/* information 3: exactly 50 %, not under: (100 + 150 + 100) / 6 */
	r = evaluate(1, 3, 3);
	assert_false(r.auto_failed);
	assert_float_equal(r.score, 350.0 / 6, EPS);
	/* a non-critical area at 0 % fails nothing: (0 + 225 + 200) / 6 */
	r = evaluate(0, 4, 5);
	assert_false(r.auto_failed);
	assert_float_equal(r.score, 425.0 / 6, EPS);
}

static void test_praise_at_its_boundary(void **state)
{
	/* One area of 0-20: 19 is 95 % (0.95 * 100 carries rounding noise). */
	static const struct qa_area twenty = { .weight = 1, .min = 0, .max = 20 };
	double p;

	(void)state;
	p = qa_area_percentage(&twenty, 19);
	assert_true(qa_evaluate(&twenty, &p, 1).praise);
	p = qa_area_percentage(&twenty, 18.99);
	assert_false(qa_evaluate(&twenty, &p, 1).praise);
	assert_true(evaluate(1, 5, 5).praise);
}

static void test_alignment(void **state)
{
	static const double w[3] = { 1, 3, 2 };
	double a[3] = { 100, 75, 50 }, b[3] = { 0, 75, 100 };
	double none[3] = { NAN, NAN, NAN };

	(void)state;
	/* 1 - (1 * 100 + 3 * 0 + 2 * 50) / (6 * 100) = 1 - 200 / 600 */
	assert_float_equal(qa_alignment(w, a, b, 3), 1 - 200.0 / 600, EPS);
	assert_float_equal(qa_alignment(w, a, a, 3), 1, EPS);
	/* only the areas both scored: 1 - (0 + 100) / 500 */
	b[0] = NAN;
	assert_float_equal(qa_alignment(w, a, b, 3), 0.8, EPS);
	assert_true(isnan(qa_alignment(w, a, none, 3)));
}

static void test_group_coaching_boundaries(void **state)
{
	(void)state;
	assert_true(qa_group_coaching(3, 10));     /* 30 % exactly, 3 agents */
	assert_false(qa_group_coaching(2, 6));     /* 33 % but 2 agents */
	assert_false(qa_group_coaching(3, 11));    /* 3 agents but 27 % */
	assert_true(qa_group_coaching(3, 4));
	assert_false(qa_group_coaching(0, 0));
}

static void test_due_boundaries(void **state)
{
	(void)state;
	assert_true(qa_due(3, 0, 4));       /* one short */
	assert_false(qa_due(4, 0, 4));      /* the target reached */
	assert_false(qa_due(5, 9, 4));
	assert_true(qa_due(0, 1, 4));       /* evaluated before, none this month */
	assert_false(qa_due(0, 0, 4));      /* never evaluated: not an agent */
	assert_false(qa_due(0, 3, 0));      /* a target of 0 asks nothing */
	assert_true(qa_due(0, 1, 1));
}

/* Two agents, two areas of weight 1 (area 0 critical in agent 1's
 * scorecard), target 2:
 *   agent 0: manager, contact 1: 80, 60 -> 70
 *            peer, contact 2: 100, -   -> 100, praise
 *            self, contact 1: 100, 80  -> alignment with the manager's
 *                  view 1 - (20 + 20) / 200 = 0.8
 *   agent 1: manager, contact 3: 30, 90 -> auto-fail, 0
 *            calibration, contact 3: 50, 50 -> counts for nothing
 * agent 0: 2 evaluations, quality (70 + 100) / 2 = 85, praise 1;
 * agent 1: 1 evaluation (under target), quality 0, 1 alert;
 * area 0: mean (80 + 100 + 30) / 3 = 70; agent means 90 and 30: 1 below;
 * area 1: mean (60 + 90) / 2 = 75; agent means 60 and 90: 1 below. */
static void test_month_by_hand(void **state)
{
	static const struct qa_area plain[2] = { { .weight = 1, .min = 0, .max = 100 },
						 { .weight = 1, .min = 0, .max = 100 } };
	static const struct qa_area critical[2] = {
		{ .weight = 1, .min = 0, .max = 100, .critical = true },
		{ .weight = 1, .min = 0, .max = 100 }
	};
	static const double w[2] = { 1, 1 };
	static const double p0[2] = { 80, 60 }, p1[2] = { 100, NAN }, p2[2] = { 100, 80 },
			    p3[2] = { 30, 90 }, p4[2] = { 50, 50 };
	struct qa_eval e[5] = {
		{ 0, 1, EVAL_MANAGER, qa_evaluate(plain, p0, 2), p0, w },
		{ 0, 2, EVAL_PEER, qa_evaluate(plain, p1, 2), p1, w },
		{ 0, 1, EVAL_SELF, qa_evaluate(plain, p2, 2), p2, w },
		{ 1, 3, EVAL_MANAGER, qa_evaluate(critical, p3, 2), p3, w },
		{ 1, 3, EVAL_CALIBRATION, qa_evaluate(critical, p4, 2), p4, w },
	};
	struct qa_agent_month ag[2];
	struct qa_area_month ar[2];
	double m[4];

	(void)state;
	qa_month(e, 5, 2, 2, 2, ag, ar, m);
	assert_int_equal(ag[0].evaluations, 2);
	assert_false(ag[0].under_target);
	assert_float_equal(ag[0].quality_score, 85, EPS);
	assert_float_equal(ag[0].alignment, 0.8, EPS);
	assert_int_equal(ag[0].praise, 1);
	assert_int_equal(ag[0].alerts, 0);
	assert_int_equal(ag[1].evaluations, 1);
	assert_true(ag[1].under_target);
	assert_float_equal(ag[1].quality_score, 0, EPS);
	assert_true(isnan(ag[1].alignment));
	assert_int_equal(ag[1].alerts, 1);
	assert_int_equal(ag[1].praise, 0);
	assert_float_equal(m[0], 90, EPS);
	assert_float_equal(m[1], 60, EPS);
	assert_float_equal(m[2], 30, EPS);
	assert_float_equal(m[3], 90, EPS);
	assert_float_equal(ar[0].mean_percentage, 70, EPS);
	assert_int_equal(ar[0].below, 1);
	assert_float_equal(ar[1].mean_percentage, 75, EPS);
	assert_int_equal(ar[1].below, 1);
	assert_false(ar[0].group_coaching);
}

/* An agent without evaluations: no score, no means, under target; an
 * area nobody scored has no mean and nobody below it. */
static void test_month_without_evaluations(void **state)
{
	struct qa_agent_month ag[1];
	struct qa_area_month ar[1];
	double m[1];

	(void)state;
	qa_month(NULL, 0, 1, 1, 4, ag, ar, m);
	assert_int_equal(ag[0].evaluations, 0);
	assert_true(ag[0].under_target);
	assert_true(isnan(ag[0].quality_score));
	assert_true(isnan(ag[0].alignment));
	assert_true(isnan(m[0]));
	assert_true(isnan(ar[0].mean_percentage));
	assert_int_equal(ar[0].below, 0);
}

/* Group coaching on the month: 3 of 10 agents under 70 % on area 0
 * (69.99, 50, 0), the others at 70 exactly or above. */
static void test_month_group_coaching(void **state)
{
	static const double w[1] = { 1 };
	static const double pct[10] = { 69.99, 50, 0, 70, 70, 80, 90, 100, 75, 71 };
	struct qa_eval e[10];
	struct qa_agent_month ag[11];
	struct qa_area_month ar[1];
	double m[11];

	(void)state;
	for (size_t i = 0; i < 10; i++)
		e[i] = (struct qa_eval){ i, i, EVAL_MANAGER, { pct[i], false, false }, &pct[i], w };
	qa_month(e, 10, 10, 1, 4, ag, ar, m);
	assert_int_equal(ar[0].below, 3);
	assert_true(ar[0].group_coaching);
	/* the same three in a team of 11: 27 %, no group session */
	qa_month(e, 10, 11, 1, 4, ag, ar, m);
	assert_int_equal(ar[0].below, 3);
	assert_false(ar[0].group_coaching);
}

static void test_kinds_and_channels(void **state)
{
	enum eval_kind k;
	enum channel c;
	enum source s;

	(void)state;
	assert_int_equal(eval_kind_parse("calibration", &k), 0);
	assert_int_equal(k, EVAL_CALIBRATION);
	assert_int_equal(eval_kind_parse("coach", &k), -1);
	assert_int_equal(channel_parse("desk", &c), 0);
	assert_int_equal(c, CHANNEL_DESK);
	assert_int_equal(channel_parse("fax", &c), -1);
	assert_true(eval_kind_source(EVAL_MANAGER, &s) && s == SOURCE_QA);
	assert_true(eval_kind_source(EVAL_PEER, &s) && s == SOURCE_QA);
	assert_true(eval_kind_source(EVAL_SELF, &s) && s == SOURCE_SELF);
	assert_false(eval_kind_source(EVAL_CALIBRATION, &s));
	assert_true(eval_kind_scores(EVAL_PEER));
	assert_false(eval_kind_scores(EVAL_SELF));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_area_percentage),
		cmocka_unit_test(test_evidence_level),
		cmocka_unit_test(test_evaluation_score),
		cmocka_unit_test(test_auto_fail_at_its_boundary),
		cmocka_unit_test(test_praise_at_its_boundary),
		cmocka_unit_test(test_alignment),
		cmocka_unit_test(test_group_coaching_boundaries),
		cmocka_unit_test(test_due_boundaries),
		cmocka_unit_test(test_month_by_hand),
		cmocka_unit_test(test_month_without_evaluations),
		cmocka_unit_test(test_month_group_coaching),
		cmocka_unit_test(test_kinds_and_channels),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
