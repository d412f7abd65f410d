/* Unit tests of the CSV reader on files as spreadsheets write them: the
 * separator (',' ';' or tab, set or detected), rows of bare separators,
 * invalid UTF-8 confined to its fields. */
#include "testutil.h"
#include "csv_input.h"

#include "io/csv.h"

#include <stdio.h>
#include <string.h>

/* Opens lit with the separator detected from its first line. */
#define OPEN_DETECT(in, lit) \
	do { \
		OPEN(in, lit); \
		csv_reader_set_separator((in).r, 0); \
	} while (0)

/* ---- the separator ---- */

static void test_detect_semicolon(void **state)
{
	struct input in;

	(void)state;
	/* Commas in the data are then text, decimal commas too. */
	OPEN_DETECT(in, "person;level;note\r\nP1;3,5;a, b\r\n");
	EXPECT_ROW(in, 1, "person", "level", "note");
	assert_int_equal(csv_reader_separator(in.r), ';');
	EXPECT_ROW(in, 2, "P1", "3,5", "a, b");
	EXPECT_END(in);
	input_close(&in);
}

static void test_detect_tab(void **state)
{
	struct input in;

	(void)state;
	OPEN_DETECT(in, "key\tname\tparent\nk;1\tA, B\t\n");
	EXPECT_ROW(in, 1, "key", "name", "parent");
	assert_int_equal(csv_reader_separator(in.r), '\t');
	EXPECT_ROW(in, 2, "k;1", "A, B", "");
	EXPECT_END(in);
	input_close(&in);
}

static void test_detect_comma(void **state)
{
	struct input in;

	(void)state;
	OPEN_DETECT(in, "key,name,parent\nk,\"A; B\",\n");
	EXPECT_ROW(in, 1, "key", "name", "parent");
	assert_int_equal(csv_reader_separator(in.r), ',');
	EXPECT_ROW(in, 2, "k", "A; B", "");
	EXPECT_END(in);
	input_close(&in);
}

/* Separators inside quotes are not counted, and a byte-order mark is
 * skipped before the line is looked at. */
static void test_detect_ignores_quoted(void **state)
{
	struct input in;

	(void)state;
	OPEN_DETECT(in, "\xEF\xBB\xBF\"a,b,c,d\";\"e,f\";g\n1;2;3\n");
	EXPECT_ROW(in, 1, "a,b,c,d", "e,f", "g");
	assert_int_equal(csv_reader_separator(in.r), ';');
	EXPECT_ROW(in, 2, "1", "2", "3");
	EXPECT_END(in);
	input_close(&in);
}

/* The most frequent wins; on a tie ',' before ';' before tab; none at all
 * gives ','. Only the first line counts. */
static void test_detect_ties_and_counts(void **state)
{
	static const struct {
		const char *text;
		char want;
	} cases[] = {
		{ "a;b,c;d\n", ';' },
		{ "a;b,c\n", ',' },
		{ "a;b\tc\n", ';' },
		{ "a\tb\tc,d\n", '\t' },
		{ "single\nx;y;z\n", ',' },
		{ "", ',' },
		{ "\"a;b\"\n", ',' },
		/* Blank lines before the header do not count. */
		{ "\n\r\n;;;\r\n \t \na\tb\n", '\t' },
		{ ";;;;\n\"\"\n", ',' },
	};

	(void)state;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		struct input in;
		struct csv_row row;
		struct csv_error e;

		input_open_at(&in, cases[i].text, strlen(cases[i].text), 0, 0, __FILE__, __LINE__);
		csv_reader_set_separator(in.r, 0);
		memset(&e, 0, sizeof e);
		(void)csv_read_row(in.r, &row, &e);
		if (csv_reader_separator(in.r) != cases[i].want)
			fail_msg("'%s': separator 0x%02X, want 0x%02X", cases[i].text,
				 csv_reader_separator(in.r), cases[i].want);
		input_close(&in);
	}
}

static void test_set_separator(void **state)
{
	struct input in;

	(void)state;
	/* Set, not detected: the first line's commas do not matter. */
	OPEN(in, "a,b;c\n");
	csv_reader_set_separator(in.r, ';');
	EXPECT_ROW(in, 1, "a,b", "c");
	EXPECT_END(in);
	input_close(&in);
	/* Any other byte is taken as ','. */
	OPEN(in, "a|b,c\n");
	csv_reader_set_separator(in.r, '|');
	assert_int_equal(csv_reader_separator(in.r), ',');
	EXPECT_ROW(in, 1, "a|b", "c");
	EXPECT_END(in);
	input_close(&in);
}

/* ---- rows of bare separators ---- */

static void test_skip_separator_rows(void **state)
{
	struct input in;

	(void)state;
	/* Anywhere, with CRLF or LF, with spaces, and at the very end without
	 * a line end. */
	OPEN_DETECT(in, "a;b;c\r\n;;\r\n1;2;3\r\n ; ;\t\r\n;;\n4;5;6\r\n;;;;;;\r\n;;;;;;\r\n;;");
	EXPECT_ROW(in, 1, "a", "b", "c");
	EXPECT_ROW(in, 3, "1", "2", "3");
	EXPECT_ROW(in, 6, "4", "5", "6");
	EXPECT_END(in);
	input_close(&in);
	OPEN(in, "a,b\n,,,\n  ,\n1,2\n");
	EXPECT_ROW(in, 1, "a", "b");
	EXPECT_ROW(in, 4, "1", "2");
	EXPECT_END(in);
	input_close(&in);
	OPEN_DETECT(in, "a\tb\n\t\t\n1\t2\n\t\n");
	EXPECT_ROW(in, 1, "a", "b");
	EXPECT_ROW(in, 3, "1", "2");
	EXPECT_END(in);
	input_close(&in);
}

/* A quoted empty field makes a record, as does any other text; so does a
 * blank line with an error in it. */
static void test_separator_rows_that_are_records(void **state)
{
	struct input in;

	(void)state;
	OPEN_DETECT(in, "a;b\n\"\";\n;\"\"\n;x\n;\r;\n");
	EXPECT_ROW(in, 1, "a", "b");
	EXPECT_ROW(in, 2, "", "");
	EXPECT_ROW(in, 3, "", "");
	EXPECT_ROW(in, 4, "", "x");
	EXPECT_BAD(in, 5, 1);
	EXPECT_END(in);
	input_close(&in);
}

/* ---- invalid UTF-8 stays in its field ---- */

static void test_bad_utf8_row_is_given(void **state)
{
	struct input in;
	struct csv_row row;
	struct csv_error e;

	(void)state;
	/* Fields 1 and 3 are Latin-1; the record still comes with all four
	 * fields, each bad one listed once, the first as the error. */
	OPEN(in, "P1,caf\xE9,3,na\xEFve\nnext\n");
	memset(&e, 0, sizeof e);
	assert_int_equal(csv_read_row(in.r, &row, &e), CSV_BAD);
	assert_int_equal(e.line, 1);
	assert_int_equal(e.field, 1);
	assert_non_null(strstr(e.msg, "byte 0xE9 at offset 4"));
	assert_int_equal(row.nfields, 4);
	assert_int_equal(row.line, 1);
	assert_string_equal(row.fields[0], "P1");
	assert_string_equal(row.fields[2], "3");
	assert_int_equal(row.lens[1], 4);
	assert_int_equal(row.nbad, 2);
	assert_int_equal(row.bad[0].field, 1);
	assert_int_equal(row.bad[1].field, 3);
	assert_int_equal(row.bad[1].line, 1);
	assert_non_null(strstr(row.bad[1].msg, "byte 0xEF at offset 3"));
	EXPECT_ROW(in, 2, "next");
	EXPECT_END(in);
	input_close(&in);
}

/* A record that also has a structural problem is not given; the error is
 * the problem that comes first in it. */
static void test_bad_utf8_with_structural_error(void **state)
{
	struct input in;
	struct csv_row row;
	struct csv_error e;

	(void)state;
	OPEN(in, "\xE9,a\"b\nx,\"y\"z,\xE9\n");
	memset(&e, 0, sizeof e);
	assert_int_equal(csv_read_row(in.r, &row, &e), CSV_BAD);
	assert_int_equal(row.nfields, 0);
	assert_int_equal(e.field, 0);
	assert_non_null(strstr(e.msg, "invalid UTF-8"));
	memset(&e, 0, sizeof e);
	assert_int_equal(csv_read_row(in.r, &row, &e), CSV_BAD);
	assert_int_equal(row.nfields, 0);
	assert_int_equal(e.field, 1);
	assert_non_null(strstr(e.msg, "after the closing quote"));
	EXPECT_END(in);
	input_close(&in);
}

/* A good record after a bad one lists no bad fields. */
static void test_bad_fields_cleared(void **state)
{
	struct input in;
	struct csv_row row;
	struct csv_error e;

	(void)state;
	OPEN(in, "\xFF\nok\n");
	memset(&e, 0, sizeof e);
	assert_int_equal(csv_read_row(in.r, &row, &e), CSV_BAD);
	assert_int_equal(row.nbad, 1);
	assert_int_equal(csv_read_row(in.r, &row, &e), CSV_ROW);
	assert_int_equal(row.nbad, 0);
	assert_null(row.bad);
	input_close(&in);
}

/* ---- the endless line ---- */

/* An input that never ends a line stops at the field cap, long before the
 * end of the input, and the reader then reads nothing more. */
static void test_endless_line_stops_at_the_cap(void **state)
{
	static char big[3 * 1024 * 1024];
	struct input in;
	struct csv_error e;
	long pos;

	(void)state;
	memset(big, 'x', sizeof big);
	input_open_at(&in, big, sizeof big, 0, 0, __FILE__, __LINE__);
	e = EXPECT_FATAL(in, 1, 0);
	assert_non_null(strstr(e.msg, "field is longer than 1048576 bytes"));
	pos = ftell(in.f);
	assert_true(pos > 0 && pos < 2 * 1024 * 1024);
	EXPECT_END(in);
	input_close(&in);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detect_semicolon),
		cmocka_unit_test(test_detect_tab),
		cmocka_unit_test(test_detect_comma),
		cmocka_unit_test(test_detect_ignores_quoted),
		cmocka_unit_test(test_detect_ties_and_counts),
		cmocka_unit_test(test_set_separator),
		cmocka_unit_test(test_skip_separator_rows),
		cmocka_unit_test(test_separator_rows_that_are_records),
		cmocka_unit_test(test_bad_utf8_row_is_given),
		cmocka_unit_test(test_bad_utf8_with_structural_error),
		cmocka_unit_test(test_bad_fields_cleared),
		cmocka_unit_test(test_endless_line_stops_at_the_cap),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
