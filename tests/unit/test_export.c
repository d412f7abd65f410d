/* Unit tests of the export's cells (io/export.c), the matrix (io/matrix.c),
 * and the workbook helpers (io/xlsx.c),
 * each against figures worked out by hand. */
#include "testutil.h"

#include "core/gaps.h"
#include "io/export.h"
#include "io/matrix.h"
#include "io/xlsx.h"
#include "util/date.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_cell_text(void **state)
{
	char buf[EXPORT_CELL_MAX];
	struct export_cell c;
	int32_t day;

	(void)state;
	c = (struct export_cell){ .type = EXPORT_DECIMAL, .number = 3.5, .decimals = 1 };
	assert_string_equal(export_cell_text(&c, false, buf), "3.5");
	assert_string_equal(export_cell_text(&c, true, buf), "3,5");
	c = (struct export_cell){ .type = EXPORT_DECIMAL, .number = 3.25, .decimals = 2 };
	assert_string_equal(export_cell_text(&c, true, buf), "3,25");
	c = (struct export_cell){ .type = EXPORT_DECIMAL, .number = 4, .decimals = 0 };
	assert_string_equal(export_cell_text(&c, true, buf), "4");
	c = (struct export_cell){ .type = EXPORT_INT, .number = 3 };
	assert_string_equal(export_cell_text(&c, true, buf), "3");
	assert_int_equal(date_parse("2026-10-31", &day), 0);
	c = (struct export_cell){ .type = EXPORT_DATE, .date = day };
	assert_string_equal(export_cell_text(&c, true, buf), "2026-10-31");
	c = (struct export_cell){ .type = EXPORT_TEXT, .text = "a.b" };
	assert_string_equal(export_cell_text(&c, true, buf), "a.b");
	c = (struct export_cell){ .type = EXPORT_TEXT, .text = NULL };
	assert_string_equal(export_cell_text(&c, true, buf), "");
}

/* A line as the analysis makes it: gap and meets from gap_line. */
static struct member_line line(const char *competency, int required, bool assessed, double level)
{
	struct member_line l = { .competency = competency, .required_level = required, .weight = 1 };

	l.est.assessed = assessed;
	l.est.level = level;
	gap_line(&l);
	return l;
}

/* Three members over the team view b, a, c:
 *   P1 (agent): b 2.5 against 3, a unassessed; fit 0.625 shows as 63%
 *   P2 (no role): a name a spreadsheet would split and run
 *   P3 (agent): b unassessed; fit unknown */
struct fixture {
	struct snapshot_member members[3];
	struct member_line lines[3];
	struct member_view views[3];
	struct team_line competencies[3];
	struct analysis a;
};

static void fixture_init(struct fixture *f)
{
	memset(f, 0, sizeof *f);
	f->members[0] = (struct snapshot_member){ "P1", "Ann", "t1", "agent", 0, 2 };
	f->members[1] = (struct snapshot_member){ "P2", "Bo;=x", "t1", NULL, 2, 0 };
	f->members[2] = (struct snapshot_member){ "P3", "Cy", "t1", "agent", 2, 1 };
	f->lines[0] = line("b", 3, true, 2.5);
	f->lines[1] = line("a", 2, false, 0);
	f->lines[2] = line("b", 3, false, 0);
	f->views[0] = (struct member_view){ &f->members[0], &f->lines[0], 2, true, 0.625 };
	f->views[1] = (struct member_view){ &f->members[1], NULL, 0, false, 0 };
	f->views[2] = (struct member_view){ &f->members[2], &f->lines[2], 1, false, 0 };
	f->competencies[0].competency = "b";
	f->competencies[1].competency = "a";
	f->competencies[2].competency = "c";
	f->a.members = f->views;
	f->a.nmembers = 3;
	f->a.competencies = f->competencies;
	f->a.ncompetencies = 3;
	(void)date_parse("2026-10-31", &f->a.as_of);
}

static char *matrix_csv(const struct analysis *a, unsigned flags)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	struct export_csv c;
	struct export_sink sink;
	struct err err = { 0 };

	assert_non_null(f);
	export_csv_sink(&c, f, flags, &sink);
	assert_int_equal(matrix_rows(a, &sink, &err), 0);
	assert_int_equal(export_csv_finish(&c, &err), 0);
	assert_int_equal(fclose(f), 0);
	return out;
}

static void test_matrix_csv(void **state)
{
	struct fixture f;
	char *got;

	(void)state;
	fixture_init(&f);
	got = matrix_csv(&f.a, EXPORT_LF);
	assert_string_equal(got,
			    "id,name,team,role,fit,b,a,c\n"
			    "P1,Ann,t1,agent,63%,2.50,?,\n"
			    "P2,\"Bo;'=x\",t1,,no function profile,,,\n"
			    "P3,Cy,t1,agent,?,?,,\n");
	free(got);
	got = matrix_csv(&f.a, EXPORT_EXCEL);
	assert_string_equal(got,
			    "\xEF\xBB\xBFid;name;team;role;fit;b;a;c\r\n"
			    "P1;Ann;t1;agent;63%;\"2,50\";?;\r\n"
			    "P2;\"Bo;'=x\";t1;;no function profile;;;\r\n"
			    "P3;Cy;t1;agent;?;?;;\r\n");
	free(got);
}

static void test_date_serial(void **state)
{
	int32_t day;

	(void)state;
	/* Days since 1899-12-30, counted apart from the code. */
	assert_int_equal(date_parse("1970-01-01", &day), 0);
	assert_true(xlsx_date_serial(day) == 25569);
	assert_int_equal(date_parse("2026-10-31", &day), 0);
	assert_true(xlsx_date_serial(day) == 46326);
	assert_int_equal(date_parse("2024-02-29", &day), 0);
	assert_true(xlsx_date_serial(day) == 45351);
	assert_int_equal(date_parse("1900-03-01", &day), 0);
	assert_true(xlsx_date_serial(day) == 61);
	/* Excel's phantom 1900-02-29 makes earlier serials wrong. */
	assert_int_equal(date_parse("1900-02-28", &day), 0);
	assert_true(xlsx_date_serial(day) < 0);
}

/* Excel holds 32767 characters in a cell, counted as characters. */
static void test_text_limit(void **state)
{
	char path[] = "/tmp/compgap-test-xlsx-XXXXXX";
	int fd = mkstemp(path);
	lxw_workbook *wb;
	lxw_worksheet *ws;
	struct err err = { 0 };
	char *text = malloc(2 * XLSX_TEXT_MAX + 2);

	(void)state;
	assert_true(fd >= 0);
	assert_non_null(text);
	assert_int_equal(xlsx_api_load(&err), 0);
	wb = workbook_new(path);
	assert_non_null(wb);
	ws = workbook_add_worksheet(wb, "S");
	assert_non_null(ws);
	memset(text, 'x', XLSX_TEXT_MAX);
	text[XLSX_TEXT_MAX] = '\0';
	assert_int_equal(xlsx_write_text(ws, path, 0, 0, text, NULL, &err), 0);
	text[XLSX_TEXT_MAX] = 'x';
	text[XLSX_TEXT_MAX + 1] = '\0';
	assert_int_equal(xlsx_write_text(ws, path, 2, 1, text, NULL, &err), -1);
	assert_string_equal(err.msg, "sheet 'S', cell B3: text of 32768 characters does not fit in a "
			    "cell of a workbook (Excel holds 32767); export as CSV instead");
	/* 32767 two-byte characters are 32767 characters. */
	for (size_t i = 0; i < XLSX_TEXT_MAX; i++)
		memcpy(text + 2 * i, "\xC3\xA9", 2);
	text[2 * XLSX_TEXT_MAX] = '\0';
	assert_int_equal(xlsx_write_text(ws, path, 1, 0, text, NULL, &err), 0);
	/* Empty text writes nothing and is no error. */
	assert_int_equal(xlsx_write_text(ws, path, 3, 0, "", NULL, &err), 0);
	assert_int_equal(xlsx_write_text(ws, path, 3, 0, NULL, NULL, &err), 0);
	lxw_workbook_free(wb);
	free(text);
	(void)close(fd);
	(void)unlink(path);
}

static void test_width(void **state)
{
	char wide[200];

	(void)state;
	assert_true(xlsx_width_of("abc") == 5);
	assert_true(xlsx_width_of("\xC3\xA9t\xC3\xA9") == 5);   /* 3 characters */
	memset(wide, 'w', sizeof wide - 1);
	wide[sizeof wide - 1] = '\0';
	assert_true(xlsx_width_of(wide) == XLSX_WIDTH_MAX);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cell_text),
		cmocka_unit_test(test_matrix_csv),
		cmocka_unit_test(test_date_serial),
		cmocka_unit_test(test_text_limit),
		cmocka_unit_test(test_width),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
