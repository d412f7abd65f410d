/* Recommendations on small teams worked out by hand. */
#include "testutil.h"

#include <string.h>

#include "core/mentor_pick.h"
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
	assert_string_equal(r.items[2].rule, "t1: D (level 4.00, confidence 0.90) is in the same team "
			    "and at least 0.5 above the level 3 that A needs on c; a mentor takes at most "
			    "2 mentees per competency in a team, the highest level first");
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
	assert_non_null(strstr(r.items[2].rule, "t: nobody in the team meets c"));
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

/* The worked example of docs/methodology.md, "Departments": department
 * svc, teams svc-back (B1, B2, B3) and svc-front (F1, F2, F3), all needing
 * c at level 3. Levels: F1 2.0 (gap 1.0), F2 2.4 (0.6), F3 3.5 (meets),
 * B1 2.5 (0.5), B2 3.0 (meets), B3 2.8 (0.2, under the threshold); each
 * from one row on the day: confidence 0.5.
 *  - svc-back alone: 1 gap of 3: individual B1 (inform); mentor: nobody in
 *    svc-back reaches 3.5, F3 does; only B2 meets: cross-train B1, B3.
 *  - svc-front alone: 2 gaps of 3 (fewer than 3): individual F1 (assist),
 *    F2 (inform); F3 mentors both; only F3 meets: cross-train F1, F2.
 *  - no team has a group; F1, F2, B1 are 3 of the 6 who need c (3 and at
 *    least 30%), from 2 teams: one group for svc, F1, F2, B1 by gap, which
 *    replaces the three individual coachings.
 * So: group (svc), then svc-back's mentor and cross-training, then
 * svc-front's two mentors and cross-training. */
static void test_department_by_hand(void **state)
{
	static const char *const keys[] = { "B1", "B2", "B3", "F1", "F2", "F3" };
	static const char *const teams[] = { "svc-back", "svc-back", "svc-back",
					     "svc-front", "svc-front", "svc-front" };
	static const int req[] = { 3, 3, 3, 3, 3, 3 };
	static const double level[] = { 2.5, 3.0, 2.8, 2.0, 2.4, 3.5 };
	const struct candidate cands[] = {
		{ "B1", "svc-back", 2.5, 0.5 }, { "B2", "svc-back", 3.0, 0.5 },
		{ "B3", "svc-back", 2.8, 0.5 }, { "F1", "svc-front", 2.0, 0.5 },
		{ "F2", "svc-front", 2.4, 0.5 }, { "F3", "svc-front", 3.5, 0.5 },
	};
	struct rec_input in = { DEV_HIGH, cands, 6 };
	struct snapshot_member m[6];
	struct snapshot_line l[6];
	struct team_snapshot s;
	struct analysis a;
	struct subteams st;
	struct recommendations r, front;
	struct settings set;

	(void)state;
	settings_default(&set);
	build(&s, m, l, keys, teams, req, level, 6);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	/* The department's own line hides both teams' key-person risks. */
	assert_int_equal(a.competencies[0].meeting, 2);
	assert_false(a.competencies[0].key_person_risk);
	assert_float_equal(a.competencies[0].mean_gap, 2.3 / 6, 1e-12);
	assert_int_equal(subteams_build(&a, &st), 0);
	assert_int_equal(st.n, 2);
	assert_true(st.items[0].competencies[0].key_person_risk);
	assert_true(st.items[1].competencies[0].key_person_risk);

	assert_int_equal(recommend_gathered(&a, &st, "svc", &in, &set, &r), 0);
	assert_int_equal(r.n, 6);
	expect(&r.items[0], REC_GROUP, "F1,F2,B1");
	assert_string_equal(r.items[0].team, "svc");
	assert_int_equal(r.items[0].members[0].approach, APPROACH_ASSIST);
	assert_int_equal(r.items[0].members[1].approach, APPROACH_INFORM);
	assert_int_equal(r.items[0].members[2].approach, APPROACH_INFORM);
	assert_non_null(strstr(r.items[0].rule, "svc: 3 of the 6 members who need c"));
	expect(&r.items[1], REC_MENTOR, "B1");
	assert_string_equal(r.items[1].team, "svc-back");
	assert_string_equal(r.items[1].mentor->person, "F3");
	expect(&r.items[2], REC_CROSS_TRAIN, "B1,B3");
	assert_string_equal(r.items[2].key_person, "B2");
	expect(&r.items[3], REC_MENTOR, "F1");
	assert_string_equal(r.items[3].team, "svc-front");
	assert_string_equal(r.items[3].mentor->person, "F3");
	expect(&r.items[4], REC_MENTOR, "F2");
	assert_string_equal(r.items[4].mentor->person, "F3");
	/* F3 mentors three in the department's view, two in svc-front and
	 * one in svc-back: the limit the rule states holds per team. */
	for (size_t i = 1; i < 5; i++)
		if (r.items[i].kind == REC_MENTOR)
			assert_non_null(strstr(r.items[i].rule, "at most 2 mentees per competency in a team"));
	expect(&r.items[5], REC_CROSS_TRAIN, "F1,F2");
	assert_string_equal(r.items[5].key_person, "F3");
	assert_string_equal(r.items[5].rule, "svc-front: only F3 meets c while 3 members need it: "
			    "cross-train others so that the team does not depend on one person");

	/* svc-front's own view: its two individual coachings, then the rest
	 * exactly as in the department's. */
	{
		struct team_snapshot fs = s;
		struct analysis fa;

		fs.members = m + 3;
		fs.nmembers = 3;
		fs.lines = l + 3;
		fs.nlines = 3;
		for (size_t i = 0; i < 3; i++)
			m[3 + i].first_line = i;
		assert_int_equal(analysis_run(&fs, &set, &fa), 0);
		assert_int_equal(recommend(&fa, "svc-front", &in, &set, &front), 0);
		assert_int_equal(front.n, 5);
		expect(&front.items[0], REC_INDIVIDUAL, "F1");
		assert_int_equal(front.items[0].members[0].approach, APPROACH_ASSIST);
		expect(&front.items[1], REC_INDIVIDUAL, "F2");
		for (size_t i = 2; i < 5; i++) {
			assert_int_equal(front.items[i].kind, r.items[i + 1].kind);
			assert_string_equal(front.items[i].rule, r.items[i + 1].rule);
			assert_string_equal(front.items[i].members[0].person, r.items[i + 1].members[0].person);
		}
		recommendations_free(&front);
		analysis_free(&fa);
	}
	recommendations_free(&r);
	subteams_free(&st);
	analysis_free(&a);
}

/* Two teams with gaps that no group covers, but too few together (2 of 4
 * is under 3 members): no department-wide group; each keeps its
 * individual coaching. Then A and B (2 of 3 in x, too few for x) and D (1
 * of 1 in y) are 3 of the 4 who need c: a department-wide group, although
 * neither team has one; x still cross-trains from C, and y, where nobody
 * meets c and no mentor exists, still hires. */
static void test_no_department_group(void **state)
{
	static const char *const keys[] = { "A", "B", "C", "D" };
	static const char *const two[] = { "x", "x", "y", "y" };
	static const char *const one[] = { "x", "x", "x", "y" };
	static const int req[] = { 3, 3, 3, 3 };
	static const double pair[] = { 2.0, 3.0, 2.0, 3.0 };
	static const double trio[] = { 2.0, 2.0, 3.0, 2.0 };
	struct rec_input in = { DEV_HIGH, NULL, 0 };
	struct snapshot_member m[4];
	struct snapshot_line l[4];
	struct team_snapshot s;
	struct analysis a;
	struct subteams st;
	struct recommendations r;
	struct settings set;

	(void)state;
	settings_default(&set);
	build(&s, m, l, keys, two, req, pair, 4);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	assert_int_equal(subteams_build(&a, &st), 0);
	assert_int_equal(recommend_gathered(&a, &st, "d", &in, &set, &r), 0);
	assert_int_equal(r.n, 4);
	expect(&r.items[0], REC_INDIVIDUAL, "A");
	expect(&r.items[1], REC_CROSS_TRAIN, "A");
	expect(&r.items[2], REC_INDIVIDUAL, "C");
	expect(&r.items[3], REC_CROSS_TRAIN, "C");
	recommendations_free(&r);
	subteams_free(&st);
	analysis_free(&a);

	build(&s, m, l, keys, one, req, trio, 4);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	assert_int_equal(subteams_build(&a, &st), 0);
	assert_int_equal(recommend_gathered(&a, &st, "d", &in, &set, &r), 0);
	assert_int_equal(r.n, 3);
	expect(&r.items[0], REC_GROUP, "A,B,D");
	assert_string_equal(r.items[0].team, "d");
	expect(&r.items[1], REC_CROSS_TRAIN, "A,B");
	assert_string_equal(r.items[1].team, "x");
	expect(&r.items[2], REC_HIRE, "D");       /* nobody in y meets c, no mentor */
	assert_string_equal(r.items[2].team, "y");
	recommendations_free(&r);
	subteams_free(&st);
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

/* The mentor pick (core/mentor_pick.h) by hand. Margin 0.5, confidence
 * 0.5, at most 2 mentees. A mentee "m" in team t1 needs level 3: at least
 * 3.5.
 *   t1: A 4.0, B 4.5 (confidence 0.4: out), M the mentee 5.0 (not
 *       themselves), C 3.5 - 1e-10 (within the tolerance: in)
 *   t2: D 4.8, E 4.8, F 3.4 (too low)
 *   no team: G 5.0
 * In t1 first: A (4.0), the highest of those who qualify. With A full,
 * C; with C full too, anywhere: G (5.0). With G full, D and E tie at 4.8:
 * fewer mentees first, then the smaller key. */
static void test_mentor_pick(void **state)
{
	const struct candidate c[] = {
		{ "A", "t1", 4.0, 0.9 }, { "B", "t1", 4.5, 0.4 }, { "m", "t1", 5.0, 0.9 },
		{ "C", "t1", 3.5 - 1e-10, 0.9 }, { "E", "t2", 4.8, 0.9 }, { "D", "t2", 4.8, 0.9 },
		{ "F", "t2", 3.4, 0.9 }, { "G", NULL, 5.0, 0.9 },
	};
	struct mentor_index x;
	struct mentee_counts m = { 0 };
	struct settings set;

	(void)state;
	settings_default(&set);
	assert_int_equal(mentor_index_build(&x, c, 8), 0);
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 3, &set), 0);          /* A */
	assert_int_equal(mentee_counts_add(&m, 0), 0);
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 3, &set), 0);          /* A has room */
	assert_int_equal(mentee_counts_add(&m, 0), 0);
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 3, &set), 3);          /* A full: C */
	assert_int_equal(mentee_counts_add(&m, 3), 0);
	assert_int_equal(mentee_counts_add(&m, 3), 0);
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 3, &set), 7);          /* anywhere: G */
	assert_int_equal(mentor_pick(&x, &m, "x", NULL, 3, &set), 7);          /* no team: anywhere */
	assert_int_equal(mentor_pick(&x, &m, "x", "t9", 3, &set), 7);          /* a team without any */
	assert_int_equal(mentee_counts_add(&m, 7), 0);
	assert_int_equal(mentee_counts_add(&m, 7), 0);
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 3, &set), 5);          /* D before E: the key */
	assert_int_equal(mentee_counts_add(&m, 5), 0);
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 3, &set), 4);          /* E: fewer mentees */
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 4.3, &set), 4);        /* needs 4.8: E, D */
	assert_int_equal(mentor_pick(&x, &m, "m", "t1", 4.4, &set), -1);       /* needs 4.9: G full, m self */
	assert_int_equal(mentor_pick(&x, &m, "y", "t2", 3, &set), 4);          /* t2's own first */
	mentee_counts_free(&m);
	mentor_index_free(&x);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_team_by_hand),
		cmocka_unit_test(test_hire_when_nobody_can_mentor),
		cmocka_unit_test(test_small_gap_is_not_a_gap),
		cmocka_unit_test(test_department_by_hand),
		cmocka_unit_test(test_no_department_group),
		cmocka_unit_test(test_approach_bounds),
		cmocka_unit_test(test_mentor_pick),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
