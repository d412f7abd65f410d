/* The members of a view grouped by their own team, and each group's team
 * view, on small cases worked out by hand. */
#include "testutil.h"

#include <string.h>

#include "core/subteams.h"

enum {
	AS_OF = 20000
};

/* One required competency of a member: competency, required level, level
 * (0: no evidence). Every line has weight 2. */
struct need_spec {
	const char *competency;
	int required;
	double level;
};

struct member_spec {
	const char *key, *team;
	struct need_spec needs[2];    /* competency NULL: none */
};

/* Builds a snapshot of the members, each with one test row per assessed
 * line on AS_OF (weight 1: the level is the level written). */
static void build(struct team_snapshot *s, struct snapshot_member *m, struct snapshot_line *l,
		  const struct member_spec *spec, size_t n)
{
	struct settings set;
	size_t nl = 0;

	settings_default(&set);
	memset(s, 0, sizeof *s);
	s->as_of = AS_OF;
	s->members = m;
	s->nmembers = n;
	s->lines = l;
	for (size_t i = 0; i < n; i++) {
		m[i] = (struct snapshot_member){ spec[i].key, spec[i].key, spec[i].team, "role", nl, 0 };
		for (size_t k = 0; k < 2 && spec[i].needs[k].competency != NULL; k++) {
			const struct need_spec *x = &spec[i].needs[k];

			l[nl] = (struct snapshot_line){ .competency = x->competency,
							.required_level = x->required, .weight = 2 };
			if (x->level > 0)
				sums_add(&l[nl].sums, &set, SOURCE_TEST, x->level, AS_OF);
			nl++;
			m[i].nlines++;
		}
	}
	s->nlines = nl;
}

static const struct team_line *line_of(const struct subteam *t, const char *competency)
{
	return gap_team_find(t->competencies, t->ncompetencies, competency);
}

/* Five members in the analysis' order (by id): A1 and A5 in t-b, A2 and A4
 * in t-a, A3 without a team. All need c at level 3: A1 3.5 (meets), A2 2.0
 * (gap 1), A3 unassessed, A4 2.5 (gap 0.5), A5 2.8 (gap 0.2). A2 and A4
 * also need d at 2, and meet it (2.0 and 3.0).
 *
 * The whole view on c: 5 need it, 4 assessed, 1 meets (A1): coverage 0.2,
 * a key-person risk, mean gap (0 + 1 + 0.5 + 0.2) / 4 = 0.425, priority
 * 0.85. Its teams say otherwise:
 *   t-a: nobody meets c (0 of 2), mean gap 0.75, priority 1.5; d 2 of 2;
 *   t-b: only A1 meets c (a key-person risk of its own), coverage 0.5,
 *        mean gap 0.1, priority 0.2; no d;
 *   no team: A3 alone, unassessed: 0 of 1, no mean gap, priority 0. */
static void test_groups_by_own_team(void **state)
{
	static const struct member_spec spec[] = {
		{ "A1", "t-b", { { "c", 3, 3.5 } } },
		{ "A2", "t-a", { { "c", 3, 2.0 }, { "d", 2, 2.0 } } },
		{ "A3", NULL, { { "c", 3, 0 } } },
		{ "A4", "t-a", { { "c", 3, 2.5 }, { "d", 2, 3.0 } } },
		{ "A5", "t-b", { { "c", 3, 2.8 } } },
	};
	struct snapshot_member m[5];
	struct snapshot_line l[10];
	struct team_snapshot s;
	struct analysis a;
	struct subteams st;
	struct settings set;
	const struct team_line *t;

	(void)state;
	settings_default(&set);
	build(&s, m, l, spec, 5);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	t = analysis_competency(&a, "c");
	assert_int_equal(t->meeting, 1);
	assert_true(t->key_person_risk);
	assert_float_equal(t->mean_gap, 0.425, 1e-12);
	assert_float_equal(t->priority, 0.85, 1e-12);

	assert_int_equal(subteams_build(&a, &st), 0);
	assert_int_equal(st.n, 3);
	/* t-a */
	assert_string_equal(st.items[0].team, "t-a");
	assert_int_equal(st.items[0].nmembers, 2);
	assert_string_equal(st.items[0].members[0]->member->key, "A2");
	assert_string_equal(st.items[0].members[1]->member->key, "A4");
	assert_int_equal(st.items[0].ncompetencies, 2);
	assert_string_equal(st.items[0].competencies[0].competency, "c");   /* priority 1.5 > 0 */
	t = line_of(&st.items[0], "c");
	assert_int_equal(t->required, 2);
	assert_int_equal(t->meeting, 0);
	assert_false(t->key_person_risk);
	assert_float_equal(t->mean_gap, 0.75, 1e-12);
	assert_float_equal(t->priority, 1.5, 1e-12);
	t = line_of(&st.items[0], "d");
	assert_int_equal(t->meeting, 2);
	assert_float_equal(t->coverage, 1.0, 0);
	/* t-b */
	assert_string_equal(st.items[1].team, "t-b");
	assert_int_equal(st.items[1].nmembers, 2);
	assert_string_equal(st.items[1].members[0]->member->key, "A1");
	assert_string_equal(st.items[1].members[1]->member->key, "A5");
	assert_int_equal(st.items[1].ncompetencies, 1);
	t = line_of(&st.items[1], "c");
	assert_int_equal(t->meeting, 1);
	assert_true(t->key_person_risk);
	assert_float_equal(t->coverage, 0.5, 0);
	assert_float_equal(t->mean_gap, 0.1, 1e-12);
	assert_float_equal(t->priority, 0.2, 1e-12);
	assert_null(line_of(&st.items[1], "d"));
	/* Who alone meets c in t-b; nobody in t-a; both meet d there. */
	assert_string_equal(analysis_key_person(st.items[1].members, 2, "c")->member->key, "A1");
	assert_null(analysis_key_person(st.items[0].members, 2, "c"));
	assert_string_equal(analysis_key_person(st.items[0].members, 2, "d")->member->key, "A2");
	assert_null(analysis_key_person(st.items[1].members, 2, "d"));
	/* no team, last */
	assert_null(st.items[2].team);
	assert_int_equal(st.items[2].nmembers, 1);
	assert_string_equal(st.items[2].members[0]->member->key, "A3");
	t = line_of(&st.items[2], "c");
	assert_int_equal(t->required, 1);
	assert_int_equal(t->assessed, 0);
	assert_int_equal(t->unassessed, 1);
	assert_false(t->has_mean_gap);
	assert_float_equal(t->priority, 0, 0);
	subteams_free(&st);
	assert_int_equal(st.n, 0);
	analysis_free(&a);
}

/* Members of one team make one group whose view is the whole view. */
static void test_one_team_is_the_view(void **state)
{
	static const struct member_spec spec[] = {
		{ "B1", "t", { { "c", 3, 3.0 }, { "d", 2, 1.0 } } },
		{ "B2", "t", { { "c", 3, 2.0 } } },
		{ "B3", "t", { { "d", 2, 0 } } },
	};
	struct snapshot_member m[3];
	struct snapshot_line l[6];
	struct team_snapshot s;
	struct analysis a;
	struct subteams st;
	struct settings set;

	(void)state;
	settings_default(&set);
	build(&s, m, l, spec, 3);
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	assert_int_equal(subteams_build(&a, &st), 0);
	assert_int_equal(st.n, 1);
	assert_string_equal(st.items[0].team, "t");
	assert_int_equal(st.items[0].nmembers, 3);
	assert_int_equal(st.items[0].ncompetencies, a.ncompetencies);
	for (size_t k = 0; k < a.ncompetencies; k++) {
		const struct team_line *x = &st.items[0].competencies[k], *y = &a.competencies[k];

		assert_string_equal(x->competency, y->competency);
		assert_int_equal(x->required, y->required);
		assert_int_equal(x->assessed, y->assessed);
		assert_int_equal(x->meeting, y->meeting);
		assert_true(x->coverage == y->coverage && x->mean_gap == y->mean_gap &&
			    x->priority == y->priority && x->key_person_risk == y->key_person_risk);
	}
	subteams_free(&st);
	analysis_free(&a);
}

/* No members: no groups. */
static void test_empty_view(void **state)
{
	struct team_snapshot s;
	struct analysis a;
	struct subteams st;
	struct settings set;

	(void)state;
	settings_default(&set);
	memset(&s, 0, sizeof s);
	s.as_of = AS_OF;
	assert_int_equal(analysis_run(&s, &set, &a), 0);
	assert_int_equal(subteams_build(&a, &st), 0);
	assert_int_equal(st.n, 0);
	subteams_free(&st);
	analysis_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_groups_by_own_team),
		cmocka_unit_test(test_one_team_is_the_view),
		cmocka_unit_test(test_empty_view),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
