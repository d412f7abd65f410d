/* Lists of teams and people within each role's reach (http/scope.c): the
 * pure parts on hand-made arrays, then every role's pages walked to the
 * end with small limits over a store whose visible rows are scattered
 * among others, against the lists worked out by hand: each page full but
 * the last, no row twice, none out of reach, no empty last page. On
 * SQLite, or on the PostgreSQL server that $COMPGAP_TEST_PG names. */
#include "testutil.h"
#include "store_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/scope.h"
#include "io/entities.h"
#include "store/store.h"
#include "util/arena.h"

/* ---- the pure parts ------------------------------------------------------- */

static void test_keys_after(void **state)
{
	const char *const keys[] = { "a", "b", "bb", "d" };

	(void)state;
	assert_int_equal(scope_keys_after(keys, 4, NULL), 0);
	assert_int_equal(scope_keys_after(keys, 4, ""), 0);
	assert_int_equal(scope_keys_after(keys, 4, "a"), 1);
	assert_int_equal(scope_keys_after(keys, 4, "b"), 2);
	assert_int_equal(scope_keys_after(keys, 4, "ba"), 2);    /* absent: where it would be */
	assert_int_equal(scope_keys_after(keys, 4, "c"), 3);
	assert_int_equal(scope_keys_after(keys, 4, "d"), 4);
	assert_int_equal(scope_keys_after(keys, 4, "z"), 4);
	assert_int_equal(scope_keys_after(keys, 0, "a"), 0);
}

static void test_page_cut(void **state)
{
	bool more;

	(void)state;
	assert_int_equal(scope_page_cut(5, 3, false, &more), 3);
	assert_true(more);                      /* rows left over */
	assert_int_equal(scope_page_cut(3, 3, false, &more), 3);
	assert_false(more);                     /* exactly full, nothing after */
	assert_int_equal(scope_page_cut(3, 3, true, &more), 3);
	assert_true(more);                      /* a stream had more */
	assert_int_equal(scope_page_cut(2, 3, false, &more), 2);
	assert_false(more);
	assert_int_equal(scope_page_cut(0, 3, false, &more), 0);
	assert_false(more);
}

static void test_reporting_line(void **state)
{
	/* boss > (m1 > (x, y > z), m2 > w); other > (o1); c1 <> c2 a cycle */
	const char *const keys[] = { "x", "boss", "m1", "y", "z", "m2", "w", "other", "o1",
				     "c1", "c2" };
	const char *const managers[] = { "m1", NULL, "boss", "m1", "y", "boss", "m2", NULL,
					 "other", "c2", "c1" };
	struct arena a;
	size_t *line, n;

	(void)state;
	arena_init(&a, 1 << 16);
	assert_int_equal(scope_reporting_line(keys, managers, 11, "boss", &a, &line, &n), 0);
	/* in key order: boss m1 m2 w x y z */
	assert_int_equal(n, 7);
	assert_string_equal(keys[line[0]], "boss");
	assert_string_equal(keys[line[1]], "m1");
	assert_string_equal(keys[line[2]], "m2");
	assert_string_equal(keys[line[3]], "w");
	assert_string_equal(keys[line[4]], "x");
	assert_string_equal(keys[line[5]], "y");
	assert_string_equal(keys[line[6]], "z");
	assert_int_equal(scope_reporting_line(keys, managers, 11, "y", &a, &line, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(keys[line[0]], "y");
	assert_string_equal(keys[line[1]], "z");
	assert_int_equal(scope_reporting_line(keys, managers, 11, "w", &a, &line, &n), 0);
	assert_int_equal(n, 1);
	/* a cycle is followed once */
	assert_int_equal(scope_reporting_line(keys, managers, 11, "c1", &a, &line, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(keys[line[0]], "c1");
	assert_string_equal(keys[line[1]], "c2");
	/* nobody by that key */
	assert_int_equal(scope_reporting_line(keys, managers, 11, "ghost", &a, &line, &n), 0);
	assert_int_equal(n, 0);
	arena_free(&a);
}

/* ---- pages over a store --------------------------------------------------- */

struct fixture {
	struct db_place place;
	struct store *st;
	struct arena a;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };

	if (f == NULL)
		return -1;
	*state = f;
	arena_init(&f->a, 1 << 24);
	if (db_place_new(&f->place, "sc") < 0)
		return -1;
	if (store_open(f->place.path, STORE_CREATE, &f->st, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	return 0;
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

static void create(struct fixture *f, enum entity kind, const char *json)
{
	struct entity_patch p;
	struct field_error fe;

	if (entity_patch_parse(kind, PATCH_CREATE, json, strlen(json), &f->a, &p, &fe) < 0 ||
	    entity_create(f->st, &p, &fe) < 0)
		fail_msg("%s: %s (%s)", json, fe.message, fe.field);
}

/* Teams: r > (a > a1, b > b1), c. People p01..p16, their team and manager:
 * the visible ones of each role are scattered among the others. */
static void org(struct fixture *f)
{
	static const char *const teams[][2] = {
		{ "r", NULL }, { "a", "r" }, { "a1", "a" }, { "b", "r" }, { "b1", "b" }, { "c", NULL },
	};
	static const char *const people[][3] = {
		{ "p01", "r", NULL },  { "p02", "a", "p01" },   { "p03", "b", "p01" },
		{ "p04", "a1", "p02" }, { "p05", "c", NULL },   { "p06", "b1", "p03" },
		{ "p07", "a", "p02" },  { "p08", "c", "p05" },  { "p09", "a1", "p07" },
		{ "p10", "b", "p03" },  { "p11", "c", "p05" },  { "p12", "a1", "p04" },
		{ "p13", "b1", "p10" }, { "p14", "a", "p05" },  { "p15", "r", "p01" },
		{ "p16", "a1", "p09" },
	};
	char json[256];

	for (size_t i = 0; i < sizeof teams / sizeof teams[0]; i++) {
		(void)snprintf(json, sizeof json, "{\"key\": \"%s\", \"name\": \"T %s\"%s%s%s}",
			       teams[i][0], teams[i][0], teams[i][1] ? ", \"parent\": \"" : "",
			       teams[i][1] ? teams[i][1] : "", teams[i][1] ? "\"" : "");
		create(f, ENTITY_TEAM, json);
	}
	for (size_t i = 0; i < sizeof people / sizeof people[0]; i++) {
		(void)snprintf(json, sizeof json, "{\"id\": \"%s\", \"name\": \"N %s\", \"team\": \"%s\""
			       ", \"active\": %s%s%s%s}", people[i][0], people[i][0], people[i][1],
			       i % 3 == 2 ? "false" : "true",
			       people[i][2] ? ", \"manager\": \"" : "", people[i][2] ? people[i][2] : "",
			       people[i][2] ? "\"" : "");
		create(f, ENTITY_PERSON, json);
	}
}

/* Walks every page of kind for c with limit (and team, state), checks
 * their shape, and returns the keys met, space-separated. */
static const char *walk(struct fixture *f, const struct http_caller *c, enum entity kind,
			size_t limit, const char *team, enum person_state state)
{
	static char seen[1024];
	char cursor[KEY_MAX + 1] = "";
	int pages = 0;

	seen[0] = '\0';
	do {
		struct page_query q = { cursor, limit, team, state };
		struct scope_page page;
		struct arena a;
		struct err err = { 0 };

		arena_init(&a, 1 << 22);
		assert_int_equal(store_begin_read(f->st, &err), 0);
		if (scope_page_read(f->st, c, kind, &q, &a, &page, &err) < 0)
			fail_msg("%s", err.msg);
		store_rollback(f->st);
		for (size_t i = 0; i < page.n; i++) {
			const char *key = kind == ENTITY_PERSON ? page.people[i].key : page.teams[i].key;

			(void)snprintf(seen + strlen(seen), sizeof seen - strlen(seen), "%s%s",
				       seen[0] ? " " : "", key);
		}
		if (page.next[0] != '\0') {
			assert_int_equal(page.n, limit);    /* full, but for the last */
			assert_string_equal(page.next, kind == ENTITY_PERSON
					    ? page.people[page.n - 1].key : page.teams[page.n - 1].key);
		} else if (pages > 0) {
			assert_true(page.n > 0);            /* no empty last page after a full one */
		}
		memcpy(cursor, page.next, sizeof cursor);
		arena_free(&a);
		assert_true(++pages < 100);
	} while (cursor[0] != '\0');
	return seen;
}

static struct http_caller caller(enum http_role role, const char *person, const char *t1,
				 const char *t2)
{
	struct http_caller c = { .role = role };

	(void)snprintf(c.user, sizeof c.user, "u");
	(void)snprintf(c.person, sizeof c.person, "%s", person ? person : "");
	if (t1 != NULL)
		(void)snprintf(c.teams[c.nteams++], sizeof c.teams[0], "%s", t1);
	if (t2 != NULL)
		(void)snprintf(c.teams[c.nteams++], sizeof c.teams[0], "%s", t2);
	return c;
}

/* Every limit from 1 to 4 gives the same list. */
static void expect(struct fixture *f, const struct http_caller *c, enum entity kind,
		   const char *team, enum person_state state, const char *want)
{
	for (size_t limit = 1; limit <= 4; limit++)
		assert_string_equal(walk(f, c, kind, limit, team, state), want);
	assert_string_equal(walk(f, c, kind, 1000, team, state), want);
}

static void test_pages_by_role(void **state)
{
	struct fixture *f = *state;
	struct http_caller hr = caller(ROLE_HR, NULL, NULL, NULL);
	struct http_caller coach_a = caller(ROLE_COACH, NULL, "a", NULL);
	struct http_caller coach_a_a1 = caller(ROLE_COACH, NULL, "a1", "a");
	struct http_caller coach_a1_b = caller(ROLE_COACH, NULL, "a1", "b");
	struct http_caller coach_gone = caller(ROLE_COACH, NULL, "gone", NULL);
	struct http_caller mgr_p02 = caller(ROLE_MANAGER, "p02", NULL, NULL);
	struct http_caller mgr_p03 = caller(ROLE_MANAGER, "p03", NULL, NULL);
	struct http_caller emp = caller(ROLE_EMPLOYEE, "p09", NULL, NULL);
	struct http_caller unlinked = caller(ROLE_EMPLOYEE, NULL, NULL, NULL);

	org(f);
	expect(f, &hr, ENTITY_PERSON, NULL, PEOPLE_ALL,
	       "p01 p02 p03 p04 p05 p06 p07 p08 p09 p10 p11 p12 p13 p14 p15 p16");
	expect(f, &hr, ENTITY_TEAM, NULL, PEOPLE_ALL, "a a1 b b1 c r");
	/* a coach: their team and its sub-teams (a: p02 p07 p14; a1: p04 p09 p12 p16) */
	expect(f, &coach_a, ENTITY_PERSON, NULL, PEOPLE_ALL, "p02 p04 p07 p09 p12 p14 p16");
	expect(f, &coach_a, ENTITY_TEAM, NULL, PEOPLE_ALL, "a a1");
	expect(f, &coach_a, ENTITY_PERSON, "a1", PEOPLE_ALL, "p04 p09 p12 p16");
	/* inactive: every third created (p03 p06 p09 p12 p15) */
	expect(f, &coach_a, ENTITY_PERSON, NULL, PEOPLE_ACTIVE, "p02 p04 p07 p14 p16");
	expect(f, &coach_a, ENTITY_PERSON, NULL, PEOPLE_INACTIVE, "p09 p12");
	/* a team below another of theirs adds nothing, nor twice */
	expect(f, &coach_a_a1, ENTITY_PERSON, NULL, PEOPLE_ALL, "p02 p04 p07 p09 p12 p14 p16");
	expect(f, &coach_a_a1, ENTITY_TEAM, NULL, PEOPLE_ALL, "a a1");
	/* two subtrees merged in key order (b: p03 p10; b1: p06 p13) */
	expect(f, &coach_a1_b, ENTITY_PERSON, NULL, PEOPLE_ALL, "p03 p04 p06 p09 p10 p12 p13 p16");
	expect(f, &coach_a1_b, ENTITY_TEAM, NULL, PEOPLE_ALL, "a1 b b1");
	expect(f, &coach_gone, ENTITY_PERSON, NULL, PEOPLE_ALL, "");
	/* a manager: themselves and their reporting line (p02 > p04 > p12,
	 * p07 > p09 > p16), and the teams those people are in; p14 of team a
	 * reports to p05 and is not in it */
	expect(f, &mgr_p02, ENTITY_PERSON, NULL, PEOPLE_ALL, "p02 p04 p07 p09 p12 p16");
	expect(f, &mgr_p02, ENTITY_TEAM, NULL, PEOPLE_ALL, "a a1");
	expect(f, &mgr_p02, ENTITY_PERSON, "a1", PEOPLE_ALL, "p04 p09 p12 p16");
	expect(f, &mgr_p02, ENTITY_PERSON, "a", PEOPLE_ACTIVE, "p02 p04 p07 p16");
	expect(f, &mgr_p02, ENTITY_TEAM, "a1", PEOPLE_ALL, "a1");
	expect(f, &mgr_p03, ENTITY_PERSON, NULL, PEOPLE_ALL, "p03 p06 p10 p13");
	expect(f, &mgr_p03, ENTITY_TEAM, NULL, PEOPLE_ALL, "b b1");
	/* an employee: themselves, no team */
	expect(f, &emp, ENTITY_PERSON, NULL, PEOPLE_ALL, "p09");
	expect(f, &emp, ENTITY_PERSON, NULL, PEOPLE_ACTIVE, "");
	expect(f, &emp, ENTITY_TEAM, NULL, PEOPLE_ALL, "");
	expect(f, &unlinked, ENTITY_PERSON, NULL, PEOPLE_ALL, "");
	/* a cursor between visible rows, and one past them all */
	{
		struct page_query q = { "p05", 2, NULL, PEOPLE_ALL };
		struct scope_page page;
		struct arena a;
		struct err err = { 0 };

		arena_init(&a, 1 << 20);
		assert_int_equal(scope_page_read(f->st, &mgr_p02, ENTITY_PERSON, &q, &a, &page, &err), 0);
		assert_int_equal(page.n, 2);
		assert_string_equal(page.people[0].key, "p07");
		assert_string_equal(page.people[1].key, "p09");
		assert_string_equal(page.next, "p09");
		q.after = "p99";
		assert_int_equal(scope_page_read(f->st, &coach_a1_b, ENTITY_PERSON, &q, &a, &page, &err), 0);
		assert_int_equal(page.n, 0);
		assert_string_equal(page.next, "");
		arena_free(&a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_keys_after),
		cmocka_unit_test(test_page_cut),
		cmocka_unit_test(test_reporting_line),
		cmocka_unit_test_setup_teardown(test_pages_by_role, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
