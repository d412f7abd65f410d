/* Recommendations on small teams worked out by hand. */
#include "testutil.h"

#include <string.h>

#include "core/recommend.h"

enum {
	AS_OF = 20000
};

/* A snapshot of members who each need competency "c" at required level
 * req[i] (weight 2), with one test row at level[i] (0: no evidence). */
static void build(struct team_snapshot *s, struct snapshot_member *m, struct snapshot_line *l,
		  const char *const *keys, const char *const *teams, const int *req,
		  const double *level, size_t n)
{
	struct settings set;

	settings_default(&set);
	memset(s, 0, sizeof *s);
	s->as_of = AS_OF;
	s->members = m;
	s->nmembers = n;
	s->lines = l;
	s->nlines = n;
	for (size_t i = 0; i < n; i++) {
		m[i] = (struct snapshot_member){ keys[i], keys[i], teams[i], "role", i, 1 };
		l[i] = (struct snapshot_line){ .competency = "c", .required_level = req[i], .weight = 2 };
		if (level[i] > 0)
			sums_add(&l[i].sums, &set, SOURCE_TEST, level[i], AS_OF);
	}
}

static void expect(const struct recommendation *r, enum rec_kind kind, const char *members)
{
	char got[256] = "";

	for (size_t i = 0; i < r->nmembers; i++) {
		if (i)
			strcat(got, ",");
		strcat(got, r->members[i].person);
	}
	assert_int_equal(r->kind, kind);
	assert_string_equal(r->competency, "c");
	assert_string_equal(got, members);
	assert_true(strlen(r->rule) > 20);
}

/* Five members need c at level 3: A level 1.8 (gap 1.2), B 2.4 (0.6),
 * C 0.9 below, at 1.0 (gap 2.0), D 4.0 (meets), E unassessed.
 *  - 3 gaps >= 0.5, at least 3 and 30% of 5: one group C, A, B (largest
 *    gap first) with approaches refer, assist, inform;
 *  - mentors, largest gap first, same team t1 first: D (4.0 >= 3.5) takes
 *    C and A, then is full; B gets X from t2 (4.6; Y has 4.6 but
 *    confidence 0.4; Z's 3.4 is below 3.5);
 *  - only D meets while five need it: cross-train A, B, C, E;
 *  - developability low and C's gap 2.0 >= 1.5: reassign C;
 *  - E is unassessed: assess first. */
static void test_team_by_hand(void **state)
{
	static const char *const keys[] = { "A", "B", "C", "D", "E" };
	static const char *const teams[] = { "t1", "t1", "t1", "t1", "t1" };
	static const int req[] = { 3, 3, 3, 3, 3 };
	static const double level[] = { 1.8, 2.4, 1.0, 4.0, 0 };
	const struct candidate cands[] = {
		{ "D", "t1", 4.0, 0.9 },
		{ "X", "t2", 4.6, 0.8 },
		{ "Y", "t2", 4.6, 0.4 },
		{ "Z", "t2", 3.4, 0.9 },
	};
	struct rec_input in = { DEV_LOW, cands, 4 };
	struct snapshot_member m[5];
	struct snapshot_line l[5];
	struct team_snapshot s;
	struct analysis a;
	struct recommendations r;
	struct settings set;

	(void)state;
	settings_default(&set);
	build(&s, m, l, keys, teams, req, level, 5);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	assert_int_equal(a.ncompetencies, 1);
	assert_int_equal(recommend(&a, "t1", &in, &set, &r), 0);
	assert_int_equal(r.n, 7);
	expect(&r.items[0], REC_GROUP, "C,A,B");
	assert_int_equal(r.items[0].members[0].approach, APPROACH_REFER);
	assert_int_equal(r.items[0].members[1].approach, APPROACH_ASSIST);
	assert_int_equal(r.items[0].members[2].approach, APPROACH_INFORM);
	assert_float_equal(r.items[0].members[0].gap, 2.0, 1e-12);
	expect(&r.items[1], REC_MENTOR, "C");
	assert_string_equal(r.items[1].mentor->person, "D");
	expect(&r.items[2], REC_MENTOR, "A");
	assert_string_equal(r.items[2].mentor->person, "D");
	expect(&r.items[3], REC_MENTOR, "B");
	assert_string_equal(r.items[3].mentor->person, "X");
	expect(&r.items[4], REC_CROSS_TRAIN, "A,B,C,E");
	assert_string_equal(r.items[4].key_person, "D");
	expect(&r.items[5], REC_REASSIGN, "C");
	expect(&r.items[6], REC_ASSESS, "E");
	assert_false(r.items[6].members[0].has_gap);
	recommendations_free(&r);
	analysis_free(&a);
}

/* Two members need c at level 2 and fall short (1.2 and 1.4: gaps 0.8
 * and 0.6); nobody meets it and no candidate qualifies (2.4 < 2.5):
 * individual coaching for each (two are fewer than three), then hiring. */
static void test_hire_when_nobody_can_mentor(void **state)
{
	static const char *const keys[] = { "P1", "P2" };
	static const char *const teams[] = { "t", "t" };
	static const int req[] = { 2, 2 };
	static const double level[] = { 1.2, 1.4 };
	const struct candidate cands[] = { { "Q", "u", 2.4, 0.9 } };
	struct rec_input in = { DEV_HIGH, cands, 1 };
	struct snapshot_member m[2];
	struct snapshot_line l[2];
	struct team_snapshot s;
	struct analysis a;
	struct recommendations r;
	struct settings set;

	(void)state;
	settings_default(&set);
	build(&s, m, l, keys, teams, req, level, 2);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	assert_int_equal(recommend(&a, "t", &in, &set, &r), 0);
	assert_int_equal(r.n, 3);
	expect(&r.items[0], REC_INDIVIDUAL, "P1");
	expect(&r.items[1], REC_INDIVIDUAL, "P2");
	expect(&r.items[2], REC_HIRE, "P1,P2");
	assert_non_null(strstr(r.items[2].rule, "nobody in t meets c"));
	recommendations_free(&r);
	analysis_free(&a);
}

/* A shortfall under the gap threshold (0.4 < 0.5) is no gap, and the level
 * is known: nothing to recommend. */
static void test_small_gap_is_not_a_gap(void **state)
{
	static const char *const keys[] = { "P1" };
	static const char *const teams[] = { "t" };
	static const int req[] = { 3 };
	static const double level[] = { 2.6 };
	struct rec_input in = { DEV_LOW, NULL, 0 };
	struct snapshot_member m[1];
	struct snapshot_line l[1];
	struct team_snapshot s;
	struct analysis a;
	struct recommendations r;
	struct settings set;

	(void)state;
	settings_default(&set);
	build(&s, m, l, keys, teams, req, level, 1);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	assert_int_equal(recommend(&a, "t", &in, &set, &r), 0);
	assert_int_equal(r.n, 0);
	recommendations_free(&r);
	analysis_free(&a);
}

static void test_approach_bounds(void **state)
{
	struct settings set;

	(void)state;
	settings_default(&set);
	assert_int_equal(approach_for(0.5, &set), APPROACH_INFORM);
	assert_int_equal(approach_for(0.999, &set), APPROACH_INFORM);
	assert_int_equal(approach_for(1.0, &set), APPROACH_ASSIST);
	assert_int_equal(approach_for(1.999, &set), APPROACH_ASSIST);
	assert_int_equal(approach_for(2.0, &set), APPROACH_REFER);
	assert_string_equal(approach_name(APPROACH_ASSIST), "assist");
	assert_string_equal(rec_kind_name(REC_CROSS_TRAIN), "cross_train");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_team_by_hand),
		cmocka_unit_test(test_hire_when_nobody_can_mentor),
		cmocka_unit_test(test_small_gap_is_not_a_gap),
		cmocka_unit_test(test_approach_bounds),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
