/* Objectives, key results and check-ins in the store (store/okr.h): the
 * board's order and links in each scope, doubles back exactly, what a
 * replacement keeps, the refusals (loops of parents, a key result with
 * check-ins made a competency one, check-ins of a competency key result),
 * what refers to teams, people and competencies, and the erasure of an
 * owner. On SQLite, and on PostgreSQL when $COMPGAP_TEST_PG names a
 * server (as test_store.c). */
#include "testutil.h"
#include "store_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/okr.h"
#include "store/privacy.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/date.h"

struct fixture {
	struct db_place place;
	struct store *st;
	struct arena a;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	*state = f;
	arena_init(&f->a, 1 << 24);
	return db_place_new(&f->place, "ok");
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc;

	store_close(f->st);
	arena_free(&f->a);
	rc = db_place_remove(&f->place);
	free(f);
	return rc;
}

static int32_t day(const char *iso)
{
	int32_t d = 0;

	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

/* Teams t1 and t2, people P1 and P2, competencies c1 and c2; a
 * transaction open. */
static struct store *open_base(struct fixture *f)
{
	struct err err = { 0 };
	const struct team teams[] = { { "t1", "Team one", NULL, 0 }, { "t2", "Team two", NULL, 0 } };
	const struct competency comps[] = {
		{ "c1", "One", NULL, NULL, DEV_UNSET, 0 }, { "c2", "Two", NULL, NULL, DEV_UNSET, 0 },
	};
	const struct person people[] = {
		{ "P1", "Lead", NULL, "t1", NULL, NULL, true, 0 },
		{ "P2", "Agent", NULL, "t2", NULL, NULL, true, 0 },
	};

	assert_int_equal(store_open(f->place.path, STORE_CREATE, &f->st, &err), 0);
	assert_int_equal(store_begin(f->st, &err), 0);
	for (size_t i = 0; i < 2; i++) {
		assert_int_equal(store_put_team(f->st, &teams[i], &err), 0);
		assert_int_equal(store_put_competency(f->st, &comps[i], &err), 0);
		assert_int_equal(store_put_person(f->st, &people[i], &err), 0);
	}
	return f->st;
}

/* Three objectives: org (the organisation's, the whole year), a (t1's,
 * Q3, under org, owned by P1) and b (t2's, from 1 July to 31 December,
 * under org); their key results stored out of the board's order, and
 * check-ins out of date order. */
static struct store *open_filled(struct fixture *f)
{
	struct store *st = open_base(f);
	struct err err = { 0 };
	const struct objective o[] = {
		{ .key = "org", .title = "Organisation", .start = day("2026-01-01"),
		  .end = day("2026-12-31"), .interval = OKR_MONTHLY },
		{ .key = "b", .team = "t2", .title = "Bee", .start = day("2026-07-01"),
		  .end = day("2026-12-31"), .parent = "org", .interval = OKR_FORTNIGHTLY },
		{ .key = "a", .team = "t1", .title = "Ay", .start = day("2026-07-01"),
		  .end = day("2026-09-30"), .owner = "P1", .parent = "org",
		  .interval = OKR_WEEKLY },
	};
	const struct key_result k[] = {
		{ .objective = "b", .key = "b-m", .title = "Metric of b", .type = OKR_METRIC,
		  .target = 75, .has_start_value = true, .start_value = 60, .unit = "%",
		  .weight = 1 },
		{ .objective = "a", .key = "a-c", .title = "Competency of a", .type = OKR_COMPETENCY,
		  .competency = "c1", .level = 3, .target = 0.8, .weight = 2 },
		{ .objective = "org", .key = "org-s", .title = "Stones", .type = OKR_MILESTONE,
		  .target = 3, .weight = 0.5 },
		{ .objective = "a", .key = "a-m", .title = "Metric of a", .type = OKR_METRIC,
		  .target = 10, .has_start_value = true, .start_value = 20, .weight = 1 },
	};
	const struct checkin c[] = {
		{ .key_result = "a-m", .date = day("2026-08-01"), .value = 15 },
		{ .key_result = "b-m", .date = day("2026-07-15"), .value = 62,
		  .has_confidence = true, .confidence = 0.7, .note = "first" },
		{ .key_result = "a-m", .date = day("2026-07-10"), .value = 18 },
	};

	assert_int_equal(store_okr_put_objectives(st, o, 3, &err), 0);
	assert_int_equal(store_okr_put_key_results(st, k, 4, &err), 0);
	assert_int_equal(store_okr_put_checkins(st, c, 3, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	return st;
}

static struct okr_board board(struct fixture *f, enum okr_scope scope, const char *what,
			      bool active_only, const char *on)
{
	struct okr_query q = { .scope = scope, .active_only = active_only };
	struct okr_board b;
	struct err err = { 0 };

	if (scope == OKR_OF_TEAM)
		q.team = what;
	else
		q.key = what;
	if (on != NULL)
		q.active_on = day(on);
	assert_int_equal(store_begin_read(f->st, &err), 0);
	assert_int_equal(store_okr_board(f->st, &q, &f->a, &b, &err), 0);
	store_rollback(f->st);
	return b;
}

static void test_board_of_everything(void **state)
{
	struct fixture *f = *state;
	struct okr_board b;

	(void)open_filled(f);
	b = board(f, OKR_ALL, NULL, false, NULL);
	/* By start date, then key: org (1 January), a and b (1 July). */
	assert_int_equal(b.nobjectives, 3);
	assert_string_equal(b.objectives[0].key, "org");
	assert_string_equal(b.objectives[1].key, "a");
	assert_string_equal(b.objectives[2].key, "b");
	assert_null(b.objectives[0].team);
	assert_null(b.objectives[0].parent);
	assert_string_equal(b.objectives[1].team, "t1");
	assert_string_equal(b.objectives[1].owner, "P1");
	assert_string_equal(b.objectives[1].parent, "org");
	assert_int_equal(b.objectives[1].start, day("2026-07-01"));
	assert_int_equal(b.objectives[1].end, day("2026-09-30"));
	assert_int_equal(b.objectives[1].interval, OKR_WEEKLY);
	assert_int_equal(b.objectives[2].interval, OKR_FORTNIGHTLY);
	assert_null(b.objectives[2].owner);
	assert_null(b.objectives[1].review);
	/* Each one's key results, in the order they were first stored. */
	assert_int_equal(b.nkrs, 4);
	assert_int_equal(b.objectives[0].first_kr, 0);
	assert_int_equal(b.objectives[0].nkrs, 1);
	assert_int_equal(b.objectives[1].first_kr, 1);
	assert_int_equal(b.objectives[1].nkrs, 2);
	assert_int_equal(b.objectives[2].first_kr, 3);
	assert_int_equal(b.objectives[2].nkrs, 1);
	assert_string_equal(b.krs[0].key, "org-s");
	assert_string_equal(b.krs[1].key, "a-c");
	assert_string_equal(b.krs[2].key, "a-m");
	assert_string_equal(b.krs[3].key, "b-m");
	/* A milestone without a start value counts from 0. */
	assert_int_equal(b.krs[0].type, OKR_MILESTONE);
	assert_true(b.krs[0].has_start_value);
	assert_true(b.krs[0].start_value == 0);
	assert_true(b.krs[0].weight == 0.5);
	assert_int_equal(b.krs[1].type, OKR_COMPETENCY);
	assert_string_equal(b.krs[1].competency, "c1");
	assert_int_equal(b.krs[1].level, 3);
	assert_false(b.krs[1].has_start_value);
	assert_true(b.krs[1].target == 0.8);
	assert_null(b.krs[1].unit);
	assert_null(b.krs[2].competency);
	assert_int_equal(b.krs[2].level, 0);
	assert_string_equal(b.krs[3].unit, "%");
	/* Check-ins by date under their key result. */
	assert_int_equal(b.ncheckins, 3);
	assert_int_equal(b.krs[0].ncheckins, 0);
	assert_int_equal(b.krs[1].ncheckins, 0);
	assert_int_equal(b.krs[2].first_checkin, 0);
	assert_int_equal(b.krs[2].ncheckins, 2);
	assert_int_equal(b.checkins[0].date, day("2026-07-10"));
	assert_true(b.checkins[0].value == 18);
	assert_false(b.checkins[0].has_confidence);
	assert_null(b.checkins[0].note);
	assert_int_equal(b.checkins[1].date, day("2026-08-01"));
	assert_int_equal(b.krs[3].first_checkin, 2);
	assert_int_equal(b.krs[3].ncheckins, 1);
	assert_true(b.checkins[2].confidence == 0.7);
	assert_string_equal(b.checkins[2].note, "first");
}

static void test_board_scopes(void **state)
{
	struct fixture *f = *state;
	struct okr_board b;
	struct okr_query q = { .scope = OKR_OF_TEAM, .team = "t9" };
	struct err err = { 0 };

	(void)open_filled(f);
	b = board(f, OKR_OF_TEAM, "t1", false, NULL);
	assert_int_equal(b.nobjectives, 1);
	assert_string_equal(b.objectives[0].key, "a");
	assert_int_equal(b.nkrs, 2);
	assert_int_equal(b.objectives[0].first_kr, 0);
	assert_int_equal(b.ncheckins, 2);
	assert_int_equal(b.krs[1].first_checkin, 0);
	b = board(f, OKR_OF_ORGANISATION, NULL, false, NULL);
	assert_int_equal(b.nobjectives, 1);
	assert_string_equal(b.objectives[0].key, "org");
	assert_int_equal(b.nkrs, 1);
	assert_int_equal(b.ncheckins, 0);
	b = board(f, OKR_ONE, "b", false, NULL);
	assert_int_equal(b.nobjectives, 1);
	assert_string_equal(b.krs[0].key, "b-m");
	assert_int_equal(b.ncheckins, 1);
	b = board(f, OKR_ONE, "nothing", false, NULL);
	assert_int_equal(b.nobjectives, 0);
	/* Active on a day: its period holds it, both ends included. */
	b = board(f, OKR_ALL, NULL, true, "2026-09-30");
	assert_int_equal(b.nobjectives, 3);
	b = board(f, OKR_ALL, NULL, true, "2026-10-01");
	assert_int_equal(b.nobjectives, 2);
	assert_string_equal(b.objectives[1].key, "b");
	assert_int_equal(b.nkrs, 2);
	assert_int_equal(b.ncheckins, 1);
	b = board(f, OKR_ALL, NULL, true, "2026-06-30");
	assert_int_equal(b.nobjectives, 1);
	b = board(f, OKR_OF_TEAM, "t1", true, "2026-10-01");
	assert_int_equal(b.nobjectives, 0);
	/* A team that is not stored: store_require_key's refusal. */
	assert_int_equal(store_begin_read(f->st, &err), 0);
	assert_int_equal(store_okr_board(f->st, &q, &f->a, &b, &err), -1);
	store_rollback(f->st);
	assert_int_equal(err.code, EX_DATAERR);
	assert_non_null(strstr(err.msg, "unknown team 't9'"));
}

/* Doubles that SQLite's 15 digits would change come back as they went in. */
static void test_doubles_exact(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_filled(f);
	struct err err = { 0 };
	const double share = 0.1 + 0.2, third = 1.0 / 3, value = 2.0 / 3, w = 1e-7 * 3;
	const struct key_result k = {
		.objective = "org", .key = "x", .title = "X", .type = OKR_METRIC, .target = third,
		.has_start_value = true, .start_value = -third, .weight = w,
	};
	const struct key_result kc = {
		.objective = "org", .key = "y", .title = "Y", .type = OKR_COMPETENCY,
		.competency = "c2", .level = 5, .target = share, .weight = 1,
	};
	const struct checkin c = { .key_result = "x", .date = day("2026-03-01"), .value = value,
				   .has_confidence = true, .confidence = share };
	struct key_result got;
	struct objective of;
	struct okr_board b;

	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_okr_put_key_results(st, &k, 1, &err), 0);
	assert_int_equal(store_okr_put_key_results(st, &kc, 1, &err), 0);
	assert_int_equal(store_okr_put_checkins(st, &c, 1, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	b = board(f, OKR_ONE, "org", false, NULL);
	assert_int_equal(b.nkrs, 3);
	assert_string_equal(b.krs[1].key, "x");
	assert_true(b.krs[1].target == third);
	assert_true(b.krs[1].start_value == -third);
	assert_true(b.krs[1].weight == w);
	assert_true(b.krs[2].target == share);
	assert_int_equal(b.ncheckins, 1);
	assert_true(b.checkins[0].value == value);
	assert_true(b.checkins[0].confidence == share);
	/* One key result and its objective, by key. */
	assert_int_equal(store_begin_read(st, &err), 0);
	assert_int_equal(store_okr_key_result(st, "x", &f->a, &got, &of, &err), 1);
	assert_int_equal(store_okr_key_result(st, "nope", &f->a, &got, &of, &err), 0);
	store_rollback(st);
	assert_string_equal(of.key, "org");
	assert_true(got.target == third);
	assert_string_equal(got.objective, "org");
}

/* A replacement keeps the key result's place and check-ins and the
 * review when none is given, and takes the interval given (what a file
 * leaves out, the importer fills in from the stored objective); a
 * check-in of the same day replaces the earlier. */
static void test_replacing(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_filled(f);
	struct err err = { 0 };
	struct objective a = { .key = "a", .team = "t2", .title = "Ay again",
			       .start = day("2026-07-01"), .end = day("2026-09-30"),
			       .interval = OKR_MONTHLY };
	const struct key_result k = {
		.objective = "b", .key = "a-c", .title = "Moved", .type = OKR_METRIC, .target = 1,
		.has_start_value = true, .start_value = 0, .weight = 1,
	};
	const struct checkin c = { .key_result = "a-m", .date = day("2026-08-01"), .value = 12,
				   .note = "again" };
	struct okr_board b;

	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_okr_set_review(st, "a", "we learned", &err), 0);
	assert_int_equal(store_okr_put_objectives(st, &a, 1, &err), 0);
	assert_int_equal(store_okr_put_key_results(st, &k, 1, &err), 0);
	assert_int_equal(store_okr_put_checkins(st, &c, 1, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	b = board(f, OKR_ONE, "a", false, NULL);
	assert_string_equal(b.objectives[0].title, "Ay again");
	assert_string_equal(b.objectives[0].team, "t2");
	assert_null(b.objectives[0].owner);
	assert_null(b.objectives[0].parent);
	assert_int_equal(b.objectives[0].interval, OKR_MONTHLY);     /* the one given */
	assert_string_equal(b.objectives[0].review, "we learned");   /* kept */
	assert_int_equal(b.nkrs, 1);                                 /* a-c moved to b */
	assert_int_equal(b.ncheckins, 2);
	assert_true(b.checkins[1].value == 12);
	assert_string_equal(b.checkins[1].note, "again");
	b = board(f, OKR_ONE, "b", false, NULL);
	assert_int_equal(b.nkrs, 2);
	/* Stored after b-m, so listed after it in its new objective. */
	assert_string_equal(b.krs[0].key, "b-m");
	assert_string_equal(b.krs[1].key, "a-c");
	assert_int_equal(b.krs[1].type, OKR_METRIC);
	/* An empty review removes it. */
	a.interval = OKR_FORTNIGHTLY;
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_okr_put_objectives(st, &a, 1, &err), 0);
	assert_int_equal(store_okr_set_review(st, "a", "", &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
	b = board(f, OKR_ONE, "a", false, NULL);
	assert_int_equal(b.objectives[0].interval, OKR_FORTNIGHTLY);
	assert_null(b.objectives[0].review);
}

/* Runs one refused write in its own transaction; the message. */
static const char *refused(struct store *st, int rc, struct err *err)
{
	assert_int_equal(rc, -1);
	assert_int_equal(err->code, EX_DATAERR);
	store_rollback(st);
	return err->msg;
}

static void test_refusals(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_filled(f);
	struct err err = { 0 };
	/* org under a, which is under org already. */
	const struct objective loop = { .key = "org", .title = "O", .start = day("2026-01-01"),
					.end = day("2026-12-31"), .parent = "a",
					.interval = OKR_MONTHLY };
	const struct objective self = { .key = "s", .title = "S", .start = 1, .end = 2,
					.parent = "s", .interval = OKR_MONTHLY };
	const struct objective no_team = { .key = "n", .team = "t9", .title = "N", .start = 1,
					   .end = 2, .interval = OKR_MONTHLY };
	const struct objective backwards = { .key = "w", .title = "W", .start = 2, .end = 1,
					     .interval = OKR_MONTHLY };
	const struct key_result to_comp = {
		.objective = "a", .key = "a-m", .title = "Now computed", .type = OKR_COMPETENCY,
		.competency = "c1", .level = 2, .target = 0.5, .weight = 1,
	};
	const struct checkin of_comp = { .key_result = "a-c", .date = 1, .value = 1 };
	const struct checkin of_none = { .key_result = "zz", .date = 1, .value = 1 };

	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_put_objectives(st, &loop, 1, &err), &err),
			       "objective 'org' would be its own ancestor (org > a > org)"));
	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_put_objectives(st, &self, 1, &err), &err),
			       "cannot be its own parent"));
	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_put_objectives(st, &no_team, 1, &err), &err),
			       "unknown team 't9'"));
	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_put_objectives(st, &backwards, 1, &err),
				       &err), "before its start"));
	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_put_key_results(st, &to_comp, 1, &err), &err),
			       "key result 'a-m' has 2 check-ins; it cannot become a competency"));
	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_put_checkins(st, &of_comp, 1, &err), &err),
			       "'a-c' is a competency key result"));
	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_put_checkins(st, &of_none, 1, &err), &err),
			       "no key result 'zz'"));
	assert_int_equal(store_begin(st, &err), 0);
	assert_non_null(strstr(refused(st, store_okr_set_review(st, "zz", "x", &err), &err),
			       "there is no objective 'zz'"));
	/* Nothing of it was stored. */
	assert_int_equal(board(f, OKR_ALL, NULL, false, NULL).nobjectives, 3);
}

static void test_refs_and_erasure(void **state)
{
	struct fixture *f = *state;
	struct store *st = open_filled(f);
	struct err err = { 0 };
	struct privacy_erased x;
	int64_t id, n;

	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_lookup(st, ENTITY_TEAM, "t2", &id, &err), 1);
	assert_int_equal(store_okr_refs(st, ENTITY_TEAM, id, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_lookup(st, ENTITY_COMPETENCY, "c1", &id, &err), 1);
	assert_int_equal(store_okr_refs(st, ENTITY_COMPETENCY, id, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_lookup(st, ENTITY_COMPETENCY, "c2", &id, &err), 1);
	assert_int_equal(store_okr_refs(st, ENTITY_COMPETENCY, id, &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(store_lookup(st, ENTITY_PERSON, "P1", &id, &err), 1);
	assert_int_equal(store_okr_refs(st, ENTITY_PERSON, id, &n, &err), 0);
	assert_int_equal(n, 1);
	/* store_delete refuses them, naming what refers. */
	assert_int_equal(store_delete(st, ENTITY_PERSON, "P1", &err), -1);
	assert_non_null(strstr(err.msg, "person 'P1' owns 1 objective; they cannot be deleted"));
	store_rollback(st);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_delete(st, ENTITY_COMPETENCY, "c1", &err), -1);
	assert_non_null(strstr(err.msg, "competency 'c1' is measured by 1 key result"));
	store_rollback(st);
	/* The erasure leaves the objective without an owner. */
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_privacy_erase(st, "P1", &x, &err), 0);
	assert_int_equal(x.objectives, 1);
	assert_int_equal(store_commit(st, &err), 0);
	assert_null(board(f, OKR_ONE, "a", false, NULL).objectives[0].owner);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_board_of_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_board_scopes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_doubles_exact, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replacing, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refusals, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refs_and_erasure, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
