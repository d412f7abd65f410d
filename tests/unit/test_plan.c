/* Development plans' pure parts (views/plan.h, store/plans.h): each kind
 * of recommendation made the kind of action docs/methodology.md
 * ("Development plans") says, a recommendation's identity written and read
 * back, the names of kinds and statuses, and overdue at its boundary. */
#include "testutil.h"

#include <string.h>

#include "views/plan.h"

static struct recommendation rec(enum rec_kind k, const char *team)
{
	struct recommendation r;

	memset(&r, 0, sizeof r);
	r.kind = k;
	r.competency = "active-listening";
	r.team = team;
	return r;
}

static void test_kind_of_each_recommendation(void **state)
{
	struct rec_member me = { .person = "P1", .has_gap = true, .gap = 1.2 };
	struct recommendation r;
	enum plan_kind k;

	(void)state;
	r = rec(REC_GROUP, "t");
	me.approach = APPROACH_REFER;
	assert_int_equal(plan_kind_of(&r, &me, &k), 0);
	assert_int_equal(k, PLAN_GROUP_COACHING);     /* a group whatever the approach */
	r = rec(REC_INDIVIDUAL, "t");
	me.approach = APPROACH_INFORM;
	assert_int_equal(plan_kind_of(&r, &me, &k), 0);
	assert_int_equal(k, PLAN_SELF_STUDY);
	me.approach = APPROACH_ASSIST;
	assert_int_equal(plan_kind_of(&r, &me, &k), 0);
	assert_int_equal(k, PLAN_INDIVIDUAL_COACHING);
	me.approach = APPROACH_REFER;
	assert_int_equal(plan_kind_of(&r, &me, &k), 0);
	assert_int_equal(k, PLAN_TRAINING);
	r = rec(REC_MENTOR, "t");
	assert_int_equal(plan_kind_of(&r, &me, &k), 0);
	assert_int_equal(k, PLAN_MENTORING);
	r = rec(REC_CROSS_TRAIN, "t");
	assert_int_equal(plan_kind_of(&r, &me, &k), 0);
	assert_int_equal(k, PLAN_CROSS_TRAINING);
	k = PLAN_KIND_COUNT;
	r = rec(REC_HIRE, "t");
	assert_int_equal(plan_kind_of(&r, &me, &k), -1);
	r = rec(REC_REASSIGN, "t");
	assert_int_equal(plan_kind_of(&r, &me, &k), -1);
	r = rec(REC_ASSESS, "t");
	assert_int_equal(plan_kind_of(&r, &me, &k), -1);
	assert_int_equal(k, PLAN_KIND_COUNT);         /* untouched when refused */
}

static void test_rule_names(void **state)
{
	(void)state;
	assert_string_equal(plan_rule_name(RULE_GROUP), "group");
	assert_string_equal(plan_rule_name(RULE_GROUP_ACROSS), "group_across");
	assert_string_equal(plan_rule_name(RULE_INDIVIDUAL), "individual");
	assert_string_equal(plan_rule_name(RULE_MENTOR), "mentor");
	assert_string_equal(plan_rule_name(RULE_CROSS_TRAIN), "cross_train");
	assert_string_equal(plan_rule_name(RULE_CROSS_TRAIN_UNNAMED), "cross_train");
	assert_string_equal(plan_rule_name(RULE_REASSIGN), "reassign");
}

static void test_identity_round_trip(void **state)
{
	struct recommendation r = rec(REC_MENTOR, "kcc-phone");
	struct plan_accept in = { 0 };
	char ref[PLAN_REF_MAX], buf[PLAN_REF_MAX];

	(void)state;
	plan_rec_ref(&r, "KCC-1011", ref, sizeof ref);
	assert_string_equal(ref, "mentor:kcc-phone:active-listening:KCC-1011");
	assert_int_equal(plan_accept_parse_ref(ref, buf, sizeof buf, &in), 0);
	assert_string_equal(in.rec_kind, "mentor");
	assert_string_equal(in.team, "kcc-phone");
	assert_string_equal(in.competency, "active-listening");
	assert_string_equal(in.person, "KCC-1011");
	/* Members without a team: "-", read back as none. */
	r = rec(REC_INDIVIDUAL, NULL);
	plan_rec_ref(&r, "P9", ref, sizeof ref);
	assert_string_equal(ref, "individual:-:active-listening:P9");
	assert_int_equal(plan_accept_parse_ref(ref, buf, sizeof buf, &in), 0);
	assert_null(in.team);
	/* Not an identity: too few or too many parts, an empty one. */
	assert_int_equal(plan_accept_parse_ref("mentor:kcc-phone:x", buf, sizeof buf, &in), -1);
	assert_int_equal(plan_accept_parse_ref("a:b:c:d:e", buf, sizeof buf, &in), -1);
	assert_int_equal(plan_accept_parse_ref("a::c:d", buf, sizeof buf, &in), -1);
	assert_int_equal(plan_accept_parse_ref("", buf, sizeof buf, &in), -1);
	assert_int_equal(plan_accept_parse_ref("a:b:c:d", buf, 7, &in), -1);   /* does not fit */
}

static void test_names(void **state)
{
	enum plan_kind k;
	enum plan_status s;

	(void)state;
	for (int i = 0; i < PLAN_KIND_COUNT; i++) {
		assert_int_equal(plan_kind_parse(plan_kind_name((enum plan_kind)i), &k), 0);
		assert_int_equal(k, i);
		assert_non_null(strstr(plan_kind_list(), plan_kind_name((enum plan_kind)i)));
	}
	for (int i = 0; i < PLAN_STATUS_COUNT; i++) {
		assert_int_equal(plan_status_parse(plan_status_name((enum plan_status)i), &s), 0);
		assert_int_equal(s, i);
	}
	assert_int_equal(plan_kind_parse("self-study", &k), -1);
	assert_int_equal(plan_status_parse("Done", &s), -1);
	assert_int_equal(plan_status_parse(NULL, &s), -1);
	assert_null(plan_kind_name(PLAN_KIND_COUNT));
}

static void test_overdue_boundary(void **state)
{
	(void)state;
	/* Due on day 100: overdue from day 101, while open. */
	assert_false(plan_overdue(PLAN_PLANNED, true, 100, 100));
	assert_true(plan_overdue(PLAN_PLANNED, true, 100, 101));
	assert_true(plan_overdue(PLAN_IN_PROGRESS, true, 100, 101));
	assert_false(plan_overdue(PLAN_DONE, true, 100, 101));
	assert_false(plan_overdue(PLAN_DROPPED, true, 100, 101));
	assert_false(plan_overdue(PLAN_PLANNED, false, 0, 101));   /* no due date */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kind_of_each_recommendation),
		cmocka_unit_test(test_rule_names),
		cmocka_unit_test(test_identity_round_trip),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_overdue_boundary),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
