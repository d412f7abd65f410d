/* The data generation (store_data_generation) and what it lets a
 * connection keep between transactions: a write advances it, a write of
 * the logs only and a rollback do not, and a connection that kept its
 * settings sees another connection's change of them at its next
 * transaction. On SQLite, and on PostgreSQL when $COMPGAP_TEST_PG names a
 * server (as test_store.c). */
#include "testutil.h"
#include "store_fixture.h"

#include <stdlib.h>
#include <string.h>

#include "store/accounts.h"
#include "store/store.h"

struct fixture {
	struct db_place place;
	struct store *a, *b;             /* two connections to one database */
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };

	if (f == NULL)
		return -1;
	*state = f;
	if (db_place_new(&f->place, "gn") < 0 ||
	    store_open(f->place.path, STORE_CREATE, &f->a, &err) < 0 ||
	    store_open(f->place.path, 0, &f->b, &err) < 0)
		return -1;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc;

	store_close(f->a);
	store_close(f->b);
	rc = db_place_remove(&f->place);
	free(f);
	return rc;
}

/* The generation that a new read transaction of st sees. */
static int64_t seen(struct store *st)
{
	struct err err = { 0 };
	int64_t g;

	assert_int_equal(store_begin_read(st, &err), 0);
	g = store_data_generation(st);
	store_rollback(st);
	return g;
}

static void put_team(struct store *st, const char *key)
{
	const struct team t = { key, "A team", NULL, 0 };
	struct err err = { 0 };

	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_put_team(st, &t, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
}

static void test_outside_a_transaction_it_is_unknown(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(store_data_generation(f->a), -1);
}

static void test_a_write_advances_it_by_one_for_everyone(void **state)
{
	struct fixture *f = *state;
	int64_t g = seen(f->a);

	assert_true(g >= 0);
	assert_int_equal(seen(f->b), g);
	put_team(f->a, "t1");
	assert_int_equal(seen(f->a), g + 1);
	assert_int_equal(seen(f->b), g + 1);
	put_team(f->b, "t2");
	assert_int_equal(seen(f->a), g + 2);
}

static void test_a_read_a_rollback_and_a_log_write_leave_it(void **state)
{
	struct fixture *f = *state;
	const struct team t = { "t9", "Gone", NULL, 0 };
	struct audit_entry e = { 0, "2026-12-02T10:00:00Z", "cli:test", "read", "team", "t1",
				 NULL, NULL, "ok", NULL };
	struct err err = { 0 };
	int64_t g = seen(f->a);

	assert_int_equal(store_begin(f->a, &err), 0);
	assert_int_equal(store_put_team(f->a, &t, &err), 0);
	store_rollback(f->a);
	assert_int_equal(seen(f->b), g);
	assert_int_equal(store_begin_log(f->a, &err), 0);
	assert_int_equal(store_audit_append(f->a, &e, &err), 0);
	assert_int_equal(store_commit(f->a, &err), 0);
	assert_int_equal(seen(f->b), g);
	assert_int_equal(seen(f->a), g);
}

/* The settings a connection loaded are kept while the generation stays,
 * and reloaded once another connection's change has advanced it. */
static void test_another_connections_setting_is_seen(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	(void)seen(f->a);
	assert_true(store_settings(f->a)->half_life != 200.0);
	assert_int_equal(store_begin(f->b, &err), 0);
	assert_int_equal(store_set_setting(f->b, "half_life", "200", &err), 0);
	assert_int_equal(store_commit(f->b, &err), 0);
	assert_int_equal(store_begin_read(f->a, &err), 0);
	assert_true(store_settings(f->a)->half_life == 200.0);
	store_rollback(f->a);
}

/* A setting changed in a transaction that is rolled back is gone at
 * once, and stays gone in the next transaction. */
static void test_a_rolled_back_setting_is_forgotten(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	double before;

	(void)seen(f->a);
	before = store_settings(f->a)->half_life;
	assert_int_equal(store_begin(f->a, &err), 0);
	assert_int_equal(store_set_setting(f->a, "half_life", "150", &err), 0);
	assert_true(store_settings(f->a)->half_life == 150.0);
	store_rollback(f->a);
	assert_true(store_settings(f->a)->half_life == before);
	assert_int_equal(store_begin_read(f->a, &err), 0);
	assert_true(store_settings(f->a)->half_life == before);
	store_rollback(f->a);
}

/* A key added by another connection is found although this one had
 * looked the kind's keys up before. */
static void test_another_connections_key_is_found(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	assert_int_equal(store_begin_read(f->a, &err), 0);
	assert_int_equal(store_load_keys(f->a, ENTITY_TEAM, &err), 0);
	assert_int_equal(store_lookup(f->a, ENTITY_TEAM, "late", NULL, &err), 0);
	store_rollback(f->a);
	put_team(f->b, "late");
	assert_int_equal(store_begin_read(f->a, &err), 0);
	assert_int_equal(store_lookup(f->a, ENTITY_TEAM, "late", NULL, &err), 1);
	store_rollback(f->a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_outside_a_transaction_it_is_unknown, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_write_advances_it_by_one_for_everyone, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_read_a_rollback_and_a_log_write_leave_it,
						setup, teardown),
		cmocka_unit_test_setup_teardown(test_another_connections_setting_is_seen, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_a_rolled_back_setting_is_forgotten, setup,
						teardown),
		cmocka_unit_test_setup_teardown(test_another_connections_key_is_found, setup,
						teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
