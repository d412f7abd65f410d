/* The caller's own check of evidence rows (import_options.evidence_allowed,
 * which the server's coach imports use): it sees only rows that passed
 * every other check, with their values parsed; a row it refuses is a
 * problem of the file named with its line and column, so that nothing is
 * stored; its failure stops the import. On a fresh SQLite database. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "io/import.h"
#include "store/store.h"

struct fixture {
	char dir[64];                /* the temp directory holding the database */
	char path[128];              /* the database file */
	struct store *st;
	char messages[2048];         /* the problems reported, one a line */
	char seen[512];              /* what the check was shown, one row a line */
	bool fail;                   /* the check fails (-1) */
};

static void note_problem(void *ctx, const char *file, long line, const char *column,
			 const char *msg)
{
	struct fixture *f = ctx;
	size_t used = strlen(f->messages);

	(void)snprintf(f->messages + used, sizeof f->messages - used, "%s:%ld: %s: %s\n", file,
		       line, column != NULL ? column : "row", msg);
}

/* Takes qa rows about P1 only, and notes every row it is shown. */
static int only_qa_of_p1(void *ctx, const struct evidence *e, const char **column, char *msg,
			 size_t msgsz, struct err *err)
{
	struct fixture *f = ctx;
	size_t used = strlen(f->seen);

	(void)snprintf(f->seen + used, sizeof f->seen - used, "%s %s %g %s %s\n", e->person,
		       e->competency, e->level, source_name(e->source),
		       e->assessor != NULL ? e->assessor : "-");
	if (f->fail)
		return err_set(err, EX_TEMPFAIL, "cannot check now");
	if (e->source != SOURCE_QA) {
		*column = "source";
		(void)snprintf(msg, msgsz, "qa only, not %s", source_name(e->source));
		return 0;
	}
	if (strcmp(e->person, "P1") != 0) {
		*column = "person";
		(void)snprintf(msg, msgsz, "not %s", e->person);
		return 0;
	}
	return 1;
}

static int import_text(struct fixture *f, enum import_kind kind, const char *text,
		       const struct import_options *opts, long *rows, struct err *err)
{
	struct import_report rep = { note_problem, NULL, f, 0, 0 };
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(in);
	rc = import_csv(f->st, kind, in, "e.csv", opts, &rep, err);
	fclose(in);
	if (rows != NULL)
		*rows = rep.rows;
	return rc;
}

static int64_t evidence_count(struct fixture *f)
{
	int64_t n = -1;
	struct err err = { 0 };

	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &n, &err), 0);
	return n;
}

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };

	assert_non_null(f);
	(void)snprintf(f->dir, sizeof f->dir, "/tmp/compgap-allowed.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	(void)snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, &err), 0);
	assert_int_equal(import_text(f, IMPORT_TEAMS, "key,name\nt,T\n", NULL, NULL, &err), 0);
	assert_int_equal(import_text(f, IMPORT_PEOPLE, "id,name,team\nP1,One,t\nP2,Two,t\n", NULL,
				     NULL, &err), 0);
	assert_int_equal(import_text(f, IMPORT_COMPETENCIES, "key,name\nc1,C1\n", NULL, NULL, &err),
			 0);
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

static void test_all_taken(void **state)
{
	struct fixture *f = *state;
	const struct import_options o = { .evidence_allowed = only_qa_of_p1, .evidence_ctx = f };
	struct err err = { 0 };
	long rows = -1;

	assert_int_equal(import_text(f, IMPORT_EVIDENCE,
				     "person,competency,level,source,date,assessor\n"
				     "P1,c1,3.5,qa,2026-01-02,P2\n"
				     "P1,c1,2,qa,2026-01-03,\n",
				     &o, &rows, &err), 0);
	assert_int_equal(rows, 2);
	assert_int_equal(evidence_count(f), 2);
	assert_string_equal(f->seen, "P1 c1 3.5 qa P2\nP1 c1 2 qa -\n");
}

static void test_one_refused_refuses_all(void **state)
{
	struct fixture *f = *state;
	const struct import_options o = { .evidence_allowed = only_qa_of_p1, .evidence_ctx = f };
	struct err err = { 0 };
	long rows = -1;

	assert_int_equal(import_text(f, IMPORT_EVIDENCE,
				     "person,competency,level,source,date\n"
				     "P1,c1,3,qa,2026-01-02\n"
				     "P1,c1,3,self,2026-01-02\n"
				     "P2,c1,3,qa,2026-01-02\n"
				     "P1,c1,9,qa,2026-01-02\n",
				     &o, &rows, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_int_equal(rows, 0);
	assert_int_equal(evidence_count(f), 0);
	/* Line 5 fails the import's own check: the hook never sees it. */
	assert_string_equal(f->messages, "e.csv:3: source: qa only, not self\n"
			    "e.csv:4: person: not P2\n"
			    "e.csv:5: level: level 9 is out of range; it must be from 1 to 5\n");
	assert_string_equal(f->seen, "P1 c1 3 qa -\nP1 c1 3 self -\nP2 c1 3 qa -\n");
}

static void test_failure_stops(void **state)
{
	struct fixture *f = *state;
	const struct import_options o = { .evidence_allowed = only_qa_of_p1, .evidence_ctx = f };
	struct err err = { 0 };

	f->fail = true;
	assert_int_equal(import_text(f, IMPORT_EVIDENCE,
				     "person,competency,level,source,date\n"
				     "P1,c1,3,qa,2026-01-02\n"
				     "P1,c1,3,qa,2026-01-03\n",
				     &o, NULL, &err), -1);
	assert_int_equal(err.code, EX_TEMPFAIL);
	assert_string_equal(f->seen, "P1 c1 3 qa -\n");    /* stopped at the first */
	assert_int_equal(evidence_count(f), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_all_taken, setup, teardown),
		cmocka_unit_test_setup_teardown(test_one_refused_refuses_all, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failure_stops, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
