/* The import's refusal of evidence dated more than the setting future_days
 * after today: its boundaries, the setting at 0, the options that allow it,
 * and the message. "Today" is pinned with $COMPGAP_TODAY (2026-12-01), on
 * a fresh SQLite database per test. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "io/import.h"
#include "store/store.h"

struct fixture {
	char dir[64];                /* the temp directory holding the file */
	char path[128];              /* the database file */
	struct store *st;
	char messages[2048];         /* the problems reported, one a line */
};

static void note_problem(void *ctx, const char *file, long line, const char *column,
			 const char *msg)
{
	struct fixture *f = ctx;
	size_t used = strlen(f->messages);

	(void)snprintf(f->messages + used, sizeof f->messages - used, "%s:%ld: %s: %s\n", file,
		       line, column != NULL ? column : "row", msg);
}

/* Imports text as a file of kind (named "e.csv") in one transaction;
 * returns import_csv's result and sets *rows to the rows stored. */
static int import_text(struct fixture *f, enum import_kind kind, const char *text,
		       const struct import_options *opts, long *rows)
{
	struct import_report rep = { note_problem, NULL, f, 0, 0 };
	struct err err = { 0 };
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(in);
	rc = import_csv(f->st, kind, in, "e.csv", opts, &rep, &err);
	fclose(in);
	if (rc < 0)
		assert_int_equal(err.code, EX_DATAERR);
	if (rows != NULL)
		*rows = rep.rows;
	return rc;
}

/* One evidence row of P1 on c1 dated date; 0 when it was stored. */
static int import_dated(struct fixture *f, const char *date, const struct import_options *opts)
{
	char text[128];
	long rows = -1;
	int rc;

	(void)snprintf(text, sizeof text, "person,competency,level,source,date\nP1,c1,3,self,%s\n",
		       date);
	f->messages[0] = '\0';
	rc = import_text(f, IMPORT_EVIDENCE, text, opts, &rows);
	assert_int_equal(rows, rc == 0 ? 1 : 0);
	return rc;
}

static int set_setting(struct store *st, void *ctx, int attempt, struct err *err)
{
	(void)attempt;
	return store_set_setting(st, "future_days", ctx, err);
}

static void set_future_days(struct fixture *f, const char *value)
{
	struct err err = { 0 };

	assert_int_equal(store_transact(f->st, set_setting, (void *)value, &err), 0);
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };

	assert_non_null(f);
	(void)snprintf(f->dir, sizeof f->dir, "/tmp/compgap-future.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	(void)snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	assert_int_equal(setenv("COMPGAP_TODAY", "2026-12-01", 1), 0);
	assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, &err), 0);
	assert_int_equal(import_text(f, IMPORT_TEAMS, "key,name\nt,T\n", NULL, NULL), 0);
	assert_int_equal(import_text(f, IMPORT_PEOPLE, "id,name,team\nP1,One,t\n", NULL, NULL), 0);
	assert_int_equal(import_text(f, IMPORT_COMPETENCIES, "key,name\nc1,C1\n", NULL, NULL), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	store_close(f->st);
	(void)unlink(f->path);
	(void)rmdir(f->dir);
	free(f);
	return 0;
}

static void test_default_boundary(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_dated(f, "2026-12-02", NULL), 0);     /* today + 1 */
	assert_int_equal(import_dated(f, "2026-12-03", NULL), -1);    /* today + 2 */
	assert_string_equal(f->messages,
			    "e.csv:2: date: 2026-12-03 is 2 days after today (2026-12-01); evidence"
			    " may be dated at most 1 day ahead (setting future_days)\n");
}

static void test_past_and_today(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_dated(f, "2026-12-01", NULL), 0);
	assert_int_equal(import_dated(f, "2020-02-29", NULL), 0);
	assert_int_equal(import_dated(f, "1900-01-01", NULL), 0);
}

static void test_zero_days(void **state)
{
	struct fixture *f = *state;

	set_future_days(f, "0");
	assert_int_equal(import_dated(f, "2026-12-01", NULL), 0);
	assert_int_equal(import_dated(f, "2026-12-02", NULL), -1);
	assert_string_equal(f->messages,
			    "e.csv:2: date: 2026-12-02 is 1 day after today (2026-12-01); evidence"
			    " may be dated at most 0 days ahead (setting future_days)\n");
}

static void test_larger_setting(void **state)
{
	struct fixture *f = *state;

	set_future_days(f, "30");
	assert_int_equal(import_dated(f, "2026-12-31", NULL), 0);     /* today + 30 */
	assert_int_equal(import_dated(f, "2027-01-01", NULL), -1);    /* today + 31 */
	set_future_days(f, "36500");
	assert_int_equal(import_dated(f, "2100-12-31", NULL), 0);     /* the last date stored */
}

static void test_allow_future(void **state)
{
	struct fixture *f = *state;
	const struct import_options allow = { .allow_future = true };

	assert_int_equal(import_dated(f, "2062-10-31", &allow), 0);
	assert_string_equal(f->messages, "");
	/* The option allows what is ahead, not what is out of range. */
	assert_int_equal(import_dated(f, "2101-01-01", &allow), -1);
}

static void test_message_names_option(void **state)
{
	struct fixture *f = *state;
	const struct import_options cli = { .allow_future_option = "--allow-future" };

	assert_int_equal(import_dated(f, "2062-10-31", &cli), -1);
	assert_string_equal(f->messages,
			    "e.csv:2: date: 2062-10-31 is 13,118 days after today (2026-12-01);"
			    " evidence may be dated at most 1 day ahead (setting future_days); if"
			    " the date is right, import with --allow-future\n");
}

/* Every row ahead is named, and none of the file is stored. */
static void test_every_row_named(void **state)
{
	struct fixture *f = *state;
	long rows = -1;
	int64_t n = -1;
	struct err err = { 0 };

	f->messages[0] = '\0';
	assert_int_equal(import_text(f, IMPORT_EVIDENCE,
				     "person,competency,level,source,date\n"
				     "P1,c1,3,self,2026-11-30\n"
				     "P1,c1,3,self,2126-11-30\n"
				     "P1,c1,3,self,2027-12-01\n"
				     "P1,c1,3,self,2036-12-01\n",
				     NULL, &rows),
			 -1);
	assert_int_equal(rows, 0);
	/* 2126 is out of the stored range, reported as such, not as ahead. */
	assert_non_null(strstr(f->messages, "e.csv:3: date: date 2126-11-30 is outside"));
	assert_non_null(strstr(f->messages, "e.csv:4: date: 2027-12-01 is 365 days after today"));
	assert_non_null(strstr(f->messages, "e.csv:5: date: 2036-12-01 is 3,653 days after today"));
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_default_boundary, setup, teardown),
		cmocka_unit_test_setup_teardown(test_past_and_today, setup, teardown),
		cmocka_unit_test_setup_teardown(test_zero_days, setup, teardown),
		cmocka_unit_test_setup_teardown(test_larger_setting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allow_future, setup, teardown),
		cmocka_unit_test_setup_teardown(test_message_names_option, setup, teardown),
		cmocka_unit_test_setup_teardown(test_every_row_named, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
