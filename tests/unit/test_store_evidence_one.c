/* store_get_evidence: one evidence row by id, with its person, its
 * assessor and its retraction, as the retraction endpoint checks them
 * (http/evidence.c). On SQLite, and on PostgreSQL when $COMPGAP_TEST_PG
 * names a server (as test_store.c). */
#include "testutil.h"
#include "store_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store.h"
#include "util/arena.h"

struct fixture {
	struct db_place place;
	struct store *st;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	*state = f;
	return db_place_new(&f->place, "e1");
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc;

	store_close(f->st);
	rc = db_place_remove(&f->place);
	free(f);
	return rc;
}

/* Two people, one competency, and two rows about P2: a self row without
 * assessor (id 1) and a manager row by P1 with a note (id 2). */
static struct store *open_filled(struct fixture *f)
{
	struct err err = { 0 };
	const struct team team = { "t", "Team", NULL, 0 };
	const struct competency comp = { "listen", "Listening", NULL, NULL, DEV_UNSET, 0 };
	const struct requirement req = { "agent", "listen", 3, 1, 0 };
	const struct person people[] = {
		{ "P1", "Lead", NULL, "t", "agent", NULL, true, 0 },
		{ "P2", "Åsa", NULL, "t", "agent", "P1", true, 0 },
	};
	const struct evidence ev[] = {
		{ 0, "P2", "listen", 3.5, 1, SOURCE_SELF, 20000, NULL, NULL },
		{ 0, "P2", "listen", 2.25, 2, SOURCE_MANAGER, 20010, "P1", "said \"ok\"" },
	};

	assert_int_equal(store_open(f->place.path, STORE_CREATE, &f->st, &err), 0);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_put_team(f->st, &team, &err), 0);
	assert_int_equal(store_put_competency(f->st, &comp, &err), 0);
	assert_int_equal(store_put_requirement(f->st, &req, &err), 0);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(store_put_person(f->st, &people[i], &err), 0);
	assert_int_equal(store_log_import(f->st, "evidence", "test", &err), 0);
	assert_int_equal(store_append_evidence(f->st, ev, 2, &err), 0);
	assert_int_equal(store_log_import_rows(f->st, 2, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	return f->st;
}

static void test_a_row_with_its_person_and_assessor(void **state)
{
	struct store *st = open_filled(*state);
	struct evidence_entry x;
	struct err err = { 0 };
	struct arena a;

	arena_init(&a, 1 << 16);
	assert_int_equal(store_get_evidence(st, 2, &x, &a, &err), 1);
	assert_int_equal(x.e.id, 2);
	assert_string_equal(x.e.person, "P2");
	assert_string_equal(x.e.competency, "listen");
	assert_true(x.e.level == 2.25);
	assert_int_equal(x.e.level_decimals, 2);
	assert_int_equal(x.e.source, SOURCE_MANAGER);
	assert_int_equal(x.e.date, 20010);
	assert_string_equal(x.e.assessor, "P1");
	assert_string_equal(x.e.note, "said \"ok\"");
	assert_null(x.reason);
	assert_null(x.retracted_at);

	assert_int_equal(store_get_evidence(st, 1, &x, &a, &err), 1);
	assert_string_equal(x.e.person, "P2");
	assert_int_equal(x.e.source, SOURCE_SELF);
	assert_null(x.e.assessor);
	assert_null(x.e.note);
	arena_free(&a);
}

static void test_no_such_row(void **state)
{
	struct store *st = open_filled(*state);
	struct evidence_entry x;
	struct err err = { 0 };
	struct arena a;

	arena_init(&a, 1 << 16);
	assert_int_equal(store_get_evidence(st, 3, &x, &a, &err), 0);
	assert_int_equal(store_get_evidence(st, 0, &x, &a, &err), 0);
	arena_free(&a);
}

/* The strings are the arena's: they outlive the statement that read them
 * (a second read, a retraction). */
static void test_a_retracted_row_and_its_reason(void **state)
{
	struct store *st = open_filled(*state);
	struct evidence_entry x, before;
	struct err err = { 0 };
	struct arena a;

	arena_init(&a, 1 << 16);
	assert_int_equal(store_get_evidence(st, 2, &before, &a, &err), 1);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_retract_evidence(st, 2, "wrong person", &err), 0);
	assert_int_equal(store_get_evidence(st, 2, &x, &a, &err), 1);
	assert_int_equal(store_commit(st, &err), 0);
	assert_string_equal(x.reason, "wrong person");
	assert_non_null(x.retracted_at);
	assert_int_equal(strlen(x.retracted_at), 20);    /* 2026-11-23T10:00:00Z */
	assert_int_equal(x.retracted_at[19], 'Z');
	assert_string_equal(before.e.person, "P2");
	assert_string_equal(before.e.assessor, "P1");
	assert_null(before.reason);
	/* The other row stays in force. */
	assert_int_equal(store_get_evidence(st, 1, &x, &a, &err), 1);
	assert_null(x.reason);
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_a_row_with_its_person_and_assessor, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_no_such_row, setup, teardown),
		cmocka_unit_test_setup_teardown(test_a_retracted_row_and_its_reason, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
