/* The import of scorecards and evaluations (io/import_quality.c): each
 * check with its line, column and message, the boundaries (a score at
 * either end of its scale, weights and scales), the dialect of ';' files,
 * nothing stored from a bad file; the stored level of an area percentage
 * (core/quality.c) and the number parser (core/validate.c). "Today" is
 * pinned with $COMPGAP_TODAY (2026-04-15), on a fresh SQLite database per
 * test. */
#include "testutil.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "core/quality.h"
#include "core/validate.h"
#include "io/import.h"
#include "store/quality.h"
#include "store/store.h"

struct fixture {
	char dir[64];
	char path[128];
	struct store *st;
	char messages[4096];         /* the problems reported, one a line */
};

static void note_problem(void *ctx, const char *file, long line, const char *column,
			 const char *msg)
{
	struct fixture *f = ctx;
	size_t used = strlen(f->messages);

	(void)snprintf(f->messages + used, sizeof f->messages - used, "%s:%ld: %s: %s\n", file,
		       line, column != NULL ? column : "row", msg);
}

/* Imports text as kind ("e.csv"); import_csv's result, rows into *rows. */
static int import_text(struct fixture *f, enum import_kind kind, const char *text, long *rows)
{
	struct import_report rep = { note_problem, NULL, f, 0, 0 };
	struct err err = { 0 };
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	int rc;

	assert_non_null(in);
	f->messages[0] = '\0';
	rc = import_csv(f->st, kind, in, "e.csv", NULL, &rep, &err);
	fclose(in);
	if (rc < 0)
		assert_int_equal(err.code, EX_DATAERR);
	if (rows != NULL)
		*rows = rep.rows;
	return rc;
}

/* Whether the problems hold text. */
static void assert_problem(const struct fixture *f, const char *text)
{
	if (strstr(f->messages, text) == NULL)
		fail_msg("no problem '%s' among:\n%s", text, f->messages);
}

static const char cards[] =
	"scorecard,area,competency,weight,min,max,critical\n"
	"phone,greeting,c1,1,0,1,false\n"
	"phone,listening,c1,2,1,5,0\n"
	"phone,correct,c2,3,1,5,TRUE\n"
	"chat,greeting,c1,1,0,1,no\n"
	"chat,tone,c2,0.5,-2,2,\n";

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };

	assert_non_null(f);
	(void)snprintf(f->dir, sizeof f->dir, "/tmp/compgap-qi.XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	(void)snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	assert_int_equal(setenv("COMPGAP_TODAY", "2026-04-15", 1), 0);
	assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, &err), 0);
	assert_int_equal(import_text(f, IMPORT_TEAMS, "key,name\nt,T\n", NULL), 0);
	assert_int_equal(import_text(f, IMPORT_PEOPLE, "id,name,team\nP1,One,t\nP2,Two,t\n", NULL), 0);
	assert_int_equal(import_text(f, IMPORT_COMPETENCIES, "key,name\nc1,C1\nc2,C2\n", NULL), 0);
	assert_int_equal(import_text(f, IMPORT_SCORECARDS, cards, NULL), 0);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char wal[160];

	store_close(f->st);
	(void)unlink(f->path);
	(void)snprintf(wal, sizeof wal, "%s-wal", f->path);
	(void)unlink(wal);
	(void)snprintf(wal, sizeof wal, "%s-shm", f->path);
	(void)unlink(wal);
	(void)rmdir(f->dir);
	free(f);
	return 0;
}

/* The number of rows of a table, read through the store's own export
 * of the kind (lines after the header). */
static long count_stored(struct fixture *f, const char *table)
{
	char cmd[512];
	FILE *p;
	long n = -1;

	(void)snprintf(cmd, sizeof cmd, "sqlite3 '%s' 'SELECT count(*) FROM %s'", f->path, table);
	p = popen(cmd, "r");
	assert_non_null(p);
	assert_int_equal(fscanf(p, "%ld", &n), 1);
	pclose(p);
	return n;
}

static void test_level_stored(void **state)
{
	double level;
	int d;

	(void)state;
	qa_evidence_level_stored(100.0 / 3, &level, &d);
	assert_true(level == strtod("2.333333", NULL));
	assert_int_equal(d, 6);
	qa_evidence_level_stored(200.0 / 3, &level, &d);    /* 3.6666666...: rounds up */
	assert_true(level == strtod("3.666667", NULL));
	assert_int_equal(d, 6);
	qa_evidence_level_stored(50, &level, &d);
	assert_true(level == 3.0);
	assert_int_equal(d, 0);
	qa_evidence_level_stored(12.5, &level, &d);
	assert_true(level == 1.5);
	assert_int_equal(d, 1);
	qa_evidence_level_stored(0, &level, &d);
	assert_true(level == 1.0);
	qa_evidence_level_stored(100, &level, &d);
	assert_true(level == 5.0);
	/* Within 5e-7 of the exact level for many percentages. */
	for (int i = 0; i <= 1000; i++) {
		double p = i * 100.0 / 997;

		qa_evidence_level_stored(p, &level, &d);
		assert_true(fabs(level - qa_evidence_level(p)) <= 5e-7 + 1e-12);
		assert_true(d >= 0 && d <= LEVEL_DECIMALS_MAX);
	}
}

static void test_parse_number(void **state)
{
	char msg[256];
	double v;
	int d;

	(void)state;
	assert_int_equal(parse_number_as("3", 0, "score", &v, &d, msg, sizeof msg), 0);
	assert_true(v == 3 && d == 0);
	assert_int_equal(parse_number_as("-2.25", 0, "score", &v, &d, msg, sizeof msg), 0);
	assert_true(v == -2.25 && d == 2);
	assert_int_equal(parse_number_as("0,5", PARSE_DECIMAL_COMMA, "score", &v, &d, msg,
					 sizeof msg), 0);
	assert_true(v == 0.5);
	assert_int_equal(parse_number_as("0,5", 0, "score", &v, NULL, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "a decimal comma is read only in a file separated by ';'"));
	assert_int_equal(parse_number_as("1.1234567", 0, "weight", &v, NULL, msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "weight 1.1234567 has more than 6 digits after the point"));
	assert_int_equal(parse_number_as("12345678", 0, "max", &v, NULL, msg, sizeof msg), -1);
	for (size_t i = 0; i < 7; i++) {
		static const char *const bad[] = { "", "-", "+3", "3e0", " 3", "3.", "inf" };

		assert_int_equal(parse_number_as(bad[i], 0, "score", &v, NULL, msg, sizeof msg), -1);
	}
}

static void test_scorecard_checks(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, IMPORT_SCORECARDS,
				     "scorecard,area,competency,weight,min,max,critical\n"
				     "x,a,c1,-1,0,1,\n"
				     "x,b,c1,1001,0,1,\n"
				     "x,c,c1,1,1,1,\n"
				     "x,d,c1,1,0,1,2\n"
				     "x,e,c9,1,0,1,\n"
				     "x,f,c1,1,a,1,\n", NULL), -1);
	assert_problem(f, "e.csv:2: weight: weight -1 is out of range; it must be above 0 and at most 1000");
	assert_problem(f, "e.csv:3: weight: weight 1001 is out of range; it must be above 0 and at most 1000");
	assert_problem(f, "e.csv:4: max: max 1 is not above min 1");
	assert_problem(f, "e.csv:5: critical: '2' is not true or false (1 or 0, yes or no)");
	assert_problem(f, "e.csv:6: competency: unknown competency 'c9'");
	assert_problem(f, "e.csv:7: min: min 'a' is not a number");
	assert_int_equal(count_stored(f, "scorecard"), 2);
	assert_int_equal(import_text(f, IMPORT_SCORECARDS,
				     "scorecard,area,competency,weight,min\nx,a,c1,1,0\n", NULL), -1);
	assert_problem(f, "max: required column is missing from the header");
}

static void test_versions(void **state)
{
	struct fixture *f = *state;

	/* The same file again: nothing new. */
	assert_int_equal(import_text(f, IMPORT_SCORECARDS, cards, NULL), 0);
	assert_int_equal(count_stored(f, "scorecard_version"), 2);
	assert_int_equal(count_stored(f, "scorecard_area"), 5);
	/* Another critical flag is another version; a card left out stays. */
	assert_int_equal(import_text(f, IMPORT_SCORECARDS,
				     "scorecard,area,competency,weight,min,max,critical\n"
				     "chat,greeting,c1,1,0,1,yes\nchat,tone,c2,0.5,-2,2,\n", NULL), 0);
	assert_int_equal(count_stored(f, "scorecard_version"), 3);
	assert_int_equal(count_stored(f, "scorecard_area"), 7);
	/* The areas in another order are another version too. */
	assert_int_equal(import_text(f, IMPORT_SCORECARDS,
				     "scorecard,area,competency,weight,min,max,critical\n"
				     "chat,tone,c2,0.5,-2,2,\nchat,greeting,c1,1,0,1,yes\n", NULL), 0);
	assert_int_equal(count_stored(f, "scorecard_version"), 4);
}

#define EV_HEADER "evaluation,contact,channel,agent,evaluator,kind,date,area,score,comment\n"

static void test_scale_boundaries(void **state)
{
	struct fixture *f = *state;
	long rows = 0;

	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E1,K1,phone,P1,P2,manager,2026-03-01,greeting,0,\n"
				     "E1,K1,phone,P1,P2,manager,2026-03-01,listening,5,\n"
				     "E1,K1,phone,P1,P2,manager,2026-03-01,correct,1,\n", &rows), 0);
	assert_int_equal(rows, 3);
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E2,K1,phone,P1,P2,manager,2026-03-01,greeting,1.5,\n"
				     "E2,K1,phone,P1,P2,manager,2026-03-01,listening,0.999999,\n"
				     "E2,K1,phone,P1,P2,manager,2026-03-01,correct,5.000001,\n", &rows), -1);
	assert_problem(f, "e.csv:2: score: score 1.5 is outside the scale of area 'greeting' on scorecard 'phone', 0 to 1");
	assert_problem(f, "e.csv:3: score: score 0.999999 is outside the scale of area 'listening'");
	assert_problem(f, "e.csv:4: score: score 5.000001 is outside the scale of area 'correct'");
	assert_int_equal(rows, 0);
	assert_int_equal(count_stored(f, "evaluation"), 1);
}

static void test_rows_agree(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E1,K1,phone,P1,P2,manager,2026-03-01,greeting,1,\n"
				     "E1,K1,chat,P1,P2,manager,2026-03-01,listening,3,\n"
				     "E1,K1,phone,P2,P2,manager,2026-03-01,correct,3,\n"
				     "E1,K1,phone,P1,P2,peer,2026-03-01,correct,3,\n"
				     "E1,K1,phone,P1,P2,manager,2026-03-02,correct,3,\n"
				     "E1,K1,phone,P1,P1,manager,2026-03-01,correct,3,\n", NULL), -1);
	assert_problem(f, "e.csv:3: channel: 'chat' differs from line 2 ('phone'): all rows of evaluation 'E1' give the same channel");
	assert_problem(f, "e.csv:4: agent: 'P2' differs from line 2 ('P1')");
	assert_problem(f, "e.csv:5: kind: 'peer' differs from line 2 ('manager')");
	assert_problem(f, "e.csv:6: date: 2026-03-02 differs from line 2 (2026-03-01)");
	assert_problem(f, "e.csv:7: evaluator: 'P1' differs from line 2 ('P2')");
	assert_int_equal(count_stored(f, "evaluation"), 0);
}

static void test_scorecard_column(void **state)
{
	struct fixture *f = *state;
	const char *header = "evaluation,contact,channel,agent,evaluator,kind,date,area,score,scorecard\n";
	char text[1024];

	/* Greeting alone fits both; the column decides. */
	(void)snprintf(text, sizeof text, "%s%s", header,
		       "E1,K1,chat,P1,P2,manager,2026-03-01,greeting,1,\n");
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, text, NULL), -1);
	assert_problem(f, "e.csv:2: area: the areas of evaluation 'E1' (greeting) are on scorecards 'phone' and 'chat'");
	(void)snprintf(text, sizeof text, "%s%s%s", header,
		       "E1,K1,chat,P1,P2,manager,2026-03-01,greeting,1,chat\n",
		       "E1,K1,chat,P1,P2,manager,2026-03-01,tone,-2,chat\n");
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, text, NULL), 0);
	(void)snprintf(text, sizeof text, "%s%s%s%s", header,
		       "E2,K1,chat,P1,P2,manager,2026-03-01,greeting,1,chat\n",
		       "E2,K1,chat,P1,P2,manager,2026-03-01,listening,1,chat\n",
		       "E3,K1,chat,P1,P2,manager,2026-03-01,greeting,1,mail\n");
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, text, NULL), -1);
	assert_problem(f, "e.csv:3: area: scorecard 'chat' (version 1) has no area 'listening'");
	assert_problem(f, "e.csv:4: scorecard: unknown scorecard 'mail'; import it with scorecards.csv first");
	/* Rows of one evaluation name one scorecard. */
	(void)snprintf(text, sizeof text, "%s%s%s", header,
		       "E4,K1,phone,P1,P2,manager,2026-03-01,greeting,1,phone\n",
		       "E4,K1,phone,P1,P2,manager,2026-03-01,correct,1,\n");
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, text, NULL), -1);
	assert_problem(f, "e.csv:3: scorecard: '' differs from line 2 ('phone')");
}

static void test_semicolon_dialect(void **state)
{
	struct fixture *f = *state;
	struct arena a;
	struct qa_stored_eval e;
	struct err err = { 0 };

	assert_int_equal(import_text(f, IMPORT_EVALUATIONS,
				     "evaluation;contact;channel;agent;evaluator;kind;date;area;score;comment\n"
				     "E1;K1;desk;P1;P1;self;1-3-2026;listening;3,5;\"goed; echt\"\n"
				     "E1;K1;desk;P1;P1;self;1-3-2026;correct;4;\n", NULL), 0);
	arena_init(&a, SIZE_MAX);
	assert_int_equal(store_begin_read(f->st, &err), 0);
	assert_int_equal(store_get_evaluation(f->st, "E1", &a, &e, &err), 1);
	store_rollback(f->st);
	assert_string_equal(e.kind, "self");
	assert_string_equal(e.channel, "desk");
	assert_int_equal(e.nscores, 2);
	assert_true(e.scores[0].score == 3.5);
	assert_string_equal(e.scores[0].comment, "goed; echt");
	assert_null(e.scores[1].comment);
	assert_true(e.scores[0].evidence_id > 0);
	arena_free(&a);
}

static void test_people_and_dates(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E1,K1,phone,P9,P2,manager,2026-03-01,listening,3,\n"
				     "E2,K1,phone,P1,P8,manager,2026-03-01,listening,3,\n"
				     "E3,K1,phone,P1,P2,manager,2026-04-17,listening,3,\n"
				     "E4,K1,phone,P1,P2,self,2026-03-01,listening,3,\n"
				     "E5,,phone,P1,P2,manager,2026-03-01,listening,3,\n"
				     "E6,K1,phone,P1,P2,manager,1899-12-31,listening,3,\n", NULL), -1);
	assert_problem(f, "e.csv:2: agent: unknown agent 'P9'");
	assert_problem(f, "e.csv:3: evaluator: unknown evaluator 'P8'");
	assert_problem(f, "e.csv:4: date: 2026-04-17 is 2 days after today (2026-04-15)");
	assert_problem(f, "e.csv:5: evaluator: a self evaluation is the agent's own: the evaluator must be the agent 'P1', not 'P2'");
	assert_problem(f, "e.csv:6: contact:");
	assert_problem(f, "e.csv:7: date: date 1899-12-31 is outside 1900-01-01 .. 2100-12-31");
	/* Tomorrow is within the default future_days. */
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E3,K1,phone,P1,P2,manager,2026-04-16,listening,3,\n", NULL), 0);
}

static void test_correction_in_store(void **state)
{
	struct fixture *f = *state;

	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E1,K1,phone,P1,P2,peer,2026-03-01,greeting,1,\n"
				     "E1,K1,phone,P1,P2,peer,2026-03-01,listening,3,\n", NULL), 0);
	assert_int_equal(count_stored(f, "evidence"), 2);
	/* The same again, in another order: nothing changes. */
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E1,K1,phone,P1,P2,peer,2026-03-01,listening,3,\n"
				     "E1,K1,phone,P1,P2,peer,2026-03-01,greeting,1,\n", NULL), 0);
	assert_int_equal(count_stored(f, "evidence"), 2);
	assert_int_equal(count_stored(f, "retraction"), 0);
	/* Another comment is a correction; as a calibration it gives no rows. */
	assert_int_equal(import_text(f, IMPORT_EVALUATIONS, EV_HEADER
				     "E1,K1,phone,P1,P2,calibration,2026-03-01,listening,3,ok\n", NULL), 0);
	assert_int_equal(count_stored(f, "evidence"), 2);
	assert_int_equal(count_stored(f, "retraction"), 2);
	assert_int_equal(count_stored(f, "evaluation_score"), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_level_stored),
		cmocka_unit_test(test_parse_number),
		cmocka_unit_test_setup_teardown(test_scorecard_checks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_versions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scale_boundaries, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rows_agree, setup, teardown),
		cmocka_unit_test_setup_teardown(test_scorecard_column, setup, teardown),
		cmocka_unit_test_setup_teardown(test_semicolon_dialect, setup, teardown),
		cmocka_unit_test_setup_teardown(test_people_and_dates, setup, teardown),
		cmocka_unit_test_setup_teardown(test_correction_in_store, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
