/* Calibration (core/calibration.h) on cases computed by hand: which views
 * of a contact pair up, each pair's alignment with its weights, the
 * agreed score of a session, and the means per agent, per evaluator and
 * per area. */
#include "testutil.h"

#include <math.h>

#include "core/calibration.h"
#include "core/quality.h"

#define EPS 1e-12

/* Three areas; the manager's scorecard weighs them 1, 2, 3, the peer's
 * (another version) 3, 2, 1. */
static const double w123[3] = { 1, 2, 3 }, w321[3] = { 3, 2, 1 };

/* Agent 0, contact 0, sorted by date:
 *   v0 self     (agent 0)    100, 50, 100
 *   v1 manager  evaluator 0  100, 100, 50    weights 1 2 3
 *   v2 peer     evaluator 1   0, 100, 50     weights 3 2 1
 *   v3 manager  evaluator 0  100, 75, 75     weights 1 2 3 (the same coach again)
 * Agent 1, contact 1 (a calibration session):
 *   v4 calibration evaluator 1  100, 50, 0
 *   v5 calibration evaluator 2  100, 100, NAN
 *   v6 manager     evaluator 0  100, 75, 50   (the agreed score)
 * Agent 1, contact 2: v7 calibration evaluator 2 (no manager view: no
 * agreed score).
 *
 * Self pairs (the coach's weights):
 *   v0-v1: |0|, |50|, |50|, w 1 2 3: 1 - (0 + 100 + 150) / 600 = 7/12
 *   v0-v2: |100|, |50|, |50|, w 3 2 1: 1 - (300 + 100 + 50) / 600 = 0.25
 *   v0-v3: |0|, |25|, |25|, w 1 2 3: 1 - (0 + 50 + 75) / 600 = 475/600
 * Evaluator pairs (the mean weights):
 *   v1-v2 (evaluators 0, 1): |100|, 0, 0, w 2 2 2: 1 - 200 / 600 = 2/3
 *   v1-v3: the same evaluator: no pair
 *   v2-v3 (1, 0): |100|, |25|, |25|, w 2 2 2: 1 - 300 / 600 = 0.5
 * Sessions (the agreed score's weights; v6 has 1 2 3):
 *   v4-v6: 0, |25|, |50|: 1 - (0 + 50 + 150) / 600 = 2/3
 *   v5-v6: 0, |25|, -: 1 - 50 / 300 = 5/6
 *   v7: no agreed score, NAN
 * Agent 0: (7/12 + 0.25 + 475/600) / 3; agent 1: no self pair.
 * Evaluator 0: v1-v2, v2-v3: (2/3 + 0.5) / 2 = 7/12
 * Evaluator 1: v1-v2, v2-v3, v4-v6: (2/3 + 0.5 + 2/3) / 3 = 11/18
 * Evaluator 2: v5-v6: 5/6 (v7 has no alignment)
 * Area 0: pairs v0v1 0, v0v2 100, v0v3 0, v1v2 100, v2v3 100, v4v6 0,
 *         v5v6 0: 300 / 7
 * Area 1: 50, 50, 25, 0, 25, 25, 25: 200 / 7
 * Area 2: 50, 50, 25, 0, 25, 50 (v5 did not score it): 200 / 6 */
static const double p0[3] = { 100, 50, 100 }, p1[3] = { 100, 100, 50 },
		    p2[3] = { 0, 100, 50 }, p3[3] = { 100, 75, 75 }, p4[3] = { 100, 50, 0 },
		    p5[3] = { 100, 100, NAN }, p6[3] = { 100, 75, 50 }, p7[3] = { 0, 0, 0 };

static const struct cal_view views[8] = {
	{ 0, 0, CAL_NONE, EVAL_SELF, p0, w123 },
	{ 0, 0, 0, EVAL_MANAGER, p1, w123 },
	{ 0, 0, 1, EVAL_PEER, p2, w321 },
	{ 0, 0, 0, EVAL_MANAGER, p3, w123 },
	{ 1, 1, 1, EVAL_CALIBRATION, p4, w123 },
	{ 1, 1, 2, EVAL_CALIBRATION, p5, w123 },
	{ 1, 1, 0, EVAL_MANAGER, p6, w123 },
	{ 1, 2, 2, EVAL_CALIBRATION, p7, w123 },
};

static void test_pairs_by_hand(void **state)
{
	struct cal_pair p[16];
	size_t n;

	(void)state;
	n = cal_pairs(views, 8, 3, p, 16);
	assert_int_equal(n, 8);
	assert_int_equal(cal_pairs(views, 8, 3, NULL, 0), 8);
	/* contact 0: self pairs, then evaluator pairs */
	assert_int_equal(p[0].kind, CAL_PAIR_SELF);
	assert_int_equal(p[0].first, 0);
	assert_int_equal(p[0].second, 1);
	assert_float_equal(p[0].alignment, 7.0 / 12, EPS);
	assert_int_equal(p[1].second, 2);
	assert_float_equal(p[1].alignment, 0.25, EPS);
	assert_int_equal(p[2].second, 3);
	assert_float_equal(p[2].alignment, 1 - 125.0 / 600, EPS);
	assert_int_equal(p[3].kind, CAL_PAIR_EVALUATORS);
	assert_int_equal(p[3].first, 1);
	assert_int_equal(p[3].second, 2);
	assert_float_equal(p[3].alignment, 2.0 / 3, EPS);
	assert_int_equal(p[4].kind, CAL_PAIR_EVALUATORS);
	assert_int_equal(p[4].first, 2);
	assert_int_equal(p[4].second, 3);
	assert_float_equal(p[4].alignment, 0.5, EPS);
	/* contact 1: the session against v6 */
	assert_int_equal(p[5].kind, CAL_PAIR_SESSION);
	assert_int_equal(p[5].first, 4);
	assert_int_equal(p[5].second, 6);
	assert_float_equal(p[5].alignment, 2.0 / 3, EPS);
	assert_int_equal(p[6].first, 5);
	assert_float_equal(p[6].alignment, 5.0 / 6, EPS);
	/* contact 2: no agreed score */
	assert_int_equal(p[7].kind, CAL_PAIR_SESSION);
	assert_int_equal(p[7].first, 7);
	assert_true(p[7].second == CAL_NONE);
	assert_true(isnan(p[7].alignment));
	/* a smaller cap writes fewer and still counts all */
	assert_int_equal(cal_pairs(views, 8, 3, p, 2), 8);
}

static void test_summary_by_hand(void **state)
{
	struct cal_pair p[8];
	struct cal_mean ag[2], ev[3];
	struct cal_area ar[3];

	(void)state;
	assert_int_equal(cal_pairs(views, 8, 3, p, 8), 8);
	cal_summary(views, p, 8, 2, 3, 3, ag, ev, ar);
	assert_int_equal(ag[0].pairs, 3);
	assert_float_equal(ag[0].alignment, (7.0 / 12 + 0.25 + 475.0 / 600) / 3, EPS);
	assert_int_equal(ag[1].pairs, 0);
	assert_true(isnan(ag[1].alignment));
	assert_int_equal(ev[0].pairs, 2);
	assert_float_equal(ev[0].alignment, 7.0 / 12, EPS);
	assert_int_equal(ev[1].pairs, 3);
	assert_float_equal(ev[1].alignment, 11.0 / 18, EPS);
	assert_int_equal(ev[2].pairs, 1);
	assert_float_equal(ev[2].alignment, 5.0 / 6, EPS);
	assert_int_equal(ar[0].pairs, 7);
	assert_float_equal(ar[0].mean_difference, 300.0 / 7, EPS);
	assert_int_equal(ar[1].pairs, 7);
	assert_float_equal(ar[1].mean_difference, 200.0 / 7, EPS);
	assert_int_equal(ar[2].pairs, 6);
	assert_float_equal(ar[2].mean_difference, 200.0 / 6, EPS);
}

/* The agreed score is the group's last manager view: a later peer view
 * is not it; with two managers the later one is. Views that share no area
 * have no alignment, and count in no mean and no area. */
static void test_agreed_and_empty(void **state)
{
	static const double w[2] = { 1, 1 };
	static const double a[2] = { 100, NAN }, b[2] = { NAN, 0 }, c[2] = { 50, NAN },
			    d[2] = { 0, 100 };
	const struct cal_view v[4] = {
		{ 0, 5, 0, EVAL_CALIBRATION, a, w },
		{ 0, 5, 1, EVAL_MANAGER, c, w },
		{ 0, 5, 2, EVAL_MANAGER, b, w },
		{ 0, 5, 3, EVAL_PEER, d, w },
	};
	struct cal_pair p[8];
	struct cal_mean ag[1], ev[4];
	struct cal_area ar[2];
	size_t n;

	(void)state;
	n = cal_pairs(v, 4, 2, p, 8);
	/* evaluator pairs: 1-2 (none shared: NAN), 1-3, 2-3; session 0-2 */
	assert_int_equal(n, 4);
	assert_int_equal(p[0].kind, CAL_PAIR_EVALUATORS);
	assert_true(isnan(p[0].alignment));
	/* 1-3: only area 0: 1 - |50 - 0| / 100 = 0.5 */
	assert_float_equal(p[1].alignment, 0.5, EPS);
	/* 2-3: only area 1: |0 - 100|: 0 */
	assert_float_equal(p[2].alignment, 0, EPS);
	assert_int_equal(p[3].kind, CAL_PAIR_SESSION);
	assert_int_equal(p[3].second, 2);
	assert_true(isnan(p[3].alignment));
	cal_summary(v, p, n, 1, 4, 2, ag, ev, ar);
	assert_true(isnan(ag[0].alignment));
	assert_true(isnan(ev[0].alignment));
	assert_int_equal(ev[1].pairs, 1);
	assert_float_equal(ev[1].alignment, 0.5, EPS);
	assert_int_equal(ev[2].pairs, 1);
	assert_float_equal(ev[2].alignment, 0, EPS);
	assert_float_equal(ev[3].alignment, 0.25, EPS);
	/* area 0: 1-3 only (|50 - 0|); area 1: 2-3 only (|0 - 100|) */
	assert_int_equal(ar[0].pairs, 1);
	assert_float_equal(ar[0].mean_difference, 50, EPS);
	assert_int_equal(ar[1].pairs, 1);
	assert_float_equal(ar[1].mean_difference, 100, EPS);
	cal_summary(v, p, 0, 1, 4, 2, ag, ev, ar);
	assert_true(isnan(ar[0].mean_difference));
	assert_int_equal(ar[0].pairs, 0);
}

/* An evaluator not known (erased) pairs with nobody as a coach, and a
 * self view of another agent's contact of the same reference does not
 * pair: views pair within (agent, contact). */
static void test_unknown_evaluator_and_agents(void **state)
{
	static const double w[1] = { 1 };
	static const double a[1] = { 100 }, b[1] = { 60 }, c[1] = { 20 };
	const struct cal_view v[4] = {
		{ 0, 7, CAL_NONE, EVAL_MANAGER, a, w },
		{ 0, 7, 0, EVAL_MANAGER, b, w },
		{ 0, 7, CAL_NONE, EVAL_SELF, c, w },
		{ 1, 7, CAL_NONE, EVAL_SELF, a, w },
	};
	struct cal_pair p[8];

	(void)state;
	/* self pairs of agent 0 with both managers; no evaluator pair; agent
	 * 1's self view has no coach view of its contact */
	assert_int_equal(cal_pairs(v, 4, 1, p, 8), 2);
	assert_int_equal(p[0].kind, CAL_PAIR_SELF);
	assert_float_equal(p[0].alignment, 0.2, EPS);
	assert_float_equal(p[1].alignment, 0.6, EPS);
}

/* qa_month's alignment agrees: a self view pairs only with views of the
 * same agent's contact. */
static void test_quality_alignment_same_agent(void **state)
{
	static const struct qa_area plain[1] = { { .weight = 1, .min = 0, .max = 100 } };
	static const double w[1] = { 1 };
	static const double a[1] = { 100 }, b[1] = { 40 };
	struct qa_eval e[3] = {
		{ 0, 9, EVAL_SELF, qa_evaluate(plain, a, 1), a, w },
		{ 1, 9, EVAL_MANAGER, qa_evaluate(plain, b, 1), b, w },
		{ 0, 9, EVAL_PEER, qa_evaluate(plain, b, 1), b, w },
	};
	struct qa_agent_month ag[2];
	struct qa_area_month ar[1];
	double m[2];

	(void)state;
	qa_month(e, 3, 2, 1, 4, ag, ar, m);
	/* only the peer view of agent 0: 1 - 60 / 100 */
	assert_float_equal(ag[0].alignment, 0.4, EPS);
	assert_true(isnan(ag[1].alignment));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_pairs_by_hand),
		cmocka_unit_test(test_summary_by_hand),
		cmocka_unit_test(test_agreed_and_empty),
		cmocka_unit_test(test_unknown_evaluator_and_agents),
		cmocka_unit_test(test_quality_alignment_same_agent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
