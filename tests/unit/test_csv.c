/* Unit tests of the RFC 4180 reader and writer in src/io/csv.c. */
#include "testutil.h"
#include "csv_input.h"
#include "csv_output.h"

#include "io/csv.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- reading well-formed input ---- */

static void test_read_simple_rows(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "a,b,c\n1,2,3\nx,y,z\n");
	EXPECT_ROW(in, 1, "a", "b", "c");
	EXPECT_ROW(in, 2, "1", "2", "3");
	EXPECT_ROW(in, 3, "x", "y", "z");
	EXPECT_END(in);
	EXPECT_END(in);   /* the end stays the end */
	input_close(&in);
}

static void test_read_single_field_rows(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "alpha\nbeta\n");
	EXPECT_ROW(in, 1, "alpha");
	EXPECT_ROW(in, 2, "beta");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_crlf(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "a,b\r\nc,d\r\n");
	EXPECT_ROW(in, 1, "a", "b");
	EXPECT_ROW(in, 2, "c", "d");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_mixed_line_ends(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "a,b\r\nc,d\ne,f\r\n");
	EXPECT_ROW(in, 1, "a", "b");
	EXPECT_ROW(in, 2, "c", "d");
	EXPECT_ROW(in, 3, "e", "f");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_missing_final_newline(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "a,b\nc,d");
	EXPECT_ROW(in, 1, "a", "b");
	EXPECT_ROW(in, 2, "c", "d");
	EXPECT_END(in);
	input_close(&in);

	OPEN(in, "a,b\r\n\"c\",\"d\"");
	EXPECT_ROW(in, 1, "a", "b");
	EXPECT_ROW(in, 2, "c", "d");
	EXPECT_END(in);
	input_close(&in);

	OPEN(in, "last,");
	EXPECT_ROW(in, 1, "last", "");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_empty_input(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_only_empty_lines(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "\n\r\n\n");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_quoted_comma(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "\"a,b\",c,\",\"\n");
	EXPECT_ROW(in, 1, "a,b", "c", ",");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_doubled_quotes(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "\"say \"\"hi\"\"\",\"\"\"\",\"\"\"\"\"\"\n");
	EXPECT_ROW(in, 1, "say \"hi\"", "\"", "\"\"");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_embedded_lf(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "\"x\ny\",z\nnext,1\n");
	EXPECT_ROW(in, 1, "x\ny", "z");
	EXPECT_ROW(in, 3, "next", "1");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_embedded_crlf(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "\"x\r\ny\",z\r\nnext\r\n");
	EXPECT_ROW(in, 1, "x\r\ny", "z");
	EXPECT_ROW(in, 3, "next");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_line_numbers_across_newlines(void **state)
{
	struct input in;

	(void)state;
	/* Record 2 spans lines 2-4 and has newlines in two fields; record 3
	 * follows an empty line. */
	OPEN(in, "a\n\"1\n2\",\"3\r\n\"\n\nb\n\"\n\"\n");
	EXPECT_ROW(in, 1, "a");
	EXPECT_ROW(in, 2, "1\n2", "3\r\n");
	EXPECT_ROW(in, 6, "b");
	EXPECT_ROW(in, 7, "\n");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_empty_fields(void **state)
{
	struct input in;

	(void)state;
	/* Line 1 holds only separators: no record (see test_csv_dialect.c). */
	OPEN(in, ",,\na,\n,b\n\"\",x\n\"\",\"\"\na,,c\n");
	EXPECT_ROW(in, 2, "a", "");
	EXPECT_ROW(in, 3, "", "b");
	EXPECT_ROW(in, 4, "", "x");
	EXPECT_ROW(in, 5, "", "");
	EXPECT_ROW(in, 6, "a", "", "c");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_quoted_empty_line_is_a_record(void **state)
{
	struct input in;

	(void)state;
	/* Line 2 is wholly empty and skipped; line 4 holds "" and is a record
	 * of one empty field; so is line 5 with CRLF. */
	OPEN(in, "a\n\nb\n\"\"\n\"\"\r\n\r\nc\n");
	EXPECT_ROW(in, 1, "a");
	EXPECT_ROW(in, 3, "b");
	EXPECT_ROW(in, 4, "");
	EXPECT_ROW(in, 5, "");
	EXPECT_ROW(in, 7, "c");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_spaces_kept(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, " a , b\t,\" c \"\n");
	EXPECT_ROW(in, 1, " a ", " b\t", " c ");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_bom_stripped(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "\xEF\xBB\xBFname,age\nAda,36\n");
	EXPECT_ROW(in, 1, "name", "age");
	EXPECT_ROW(in, 2, "Ada", "36");
	EXPECT_END(in);
	input_close(&in);

	OPEN(in, "\xEF\xBB\xBF\"a,b\",c\r\n");
	EXPECT_ROW(in, 1, "a,b", "c");
	EXPECT_END(in);
	input_close(&in);

	/* A file holding only the mark has no records. */
	OPEN(in, "\xEF\xBB\xBF");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_no_bom(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "name,age\n");
	EXPECT_ROW(in, 1, "name", "age");
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_multibyte_utf8(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "caf\xC3\xA9,\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E,\xF0\x9F\x98\x80\n"
		 "\"\xC3\xA9,\xC3\xA9\"\n");
	EXPECT_ROW(in, 1, "caf\xC3\xA9", "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E", "\xF0\x9F\x98\x80");
	EXPECT_ROW(in, 2, "\xC3\xA9,\xC3\xA9");
	EXPECT_END(in);
	input_close(&in);
}

/* ---- malformed input ---- */

static void test_bad_quote_in_unquoted_field(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	OPEN(in, "ab\"c,d\nx,y\"z\nnext,row\n");
	e = EXPECT_BAD(in, 1, 0);
	assert_non_null(strstr(e.msg, "quote inside an unquoted field"));
	EXPECT_BAD(in, 2, 1);
	EXPECT_ROW(in, 3, "next", "row");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_text_after_closing_quote(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	OPEN(in, "\"ab\"c,d\nok,\"x\" \nlast\n");
	e = EXPECT_BAD(in, 1, 0);
	assert_non_null(strstr(e.msg, "after the closing quote"));
	EXPECT_BAD(in, 2, 1);
	EXPECT_ROW(in, 3, "last");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_text_after_quote_spanning_lines(void **state)
{
	struct input in;

	(void)state;
	/* The stray text is on line 2 of a record starting on line 1. */
	OPEN(in, "\"a\nb\"x\nnext\n");
	EXPECT_BAD(in, 2, 0);
	EXPECT_ROW(in, 3, "next");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_bare_cr(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	OPEN(in, "a,b\rc\nok\nend\r");
	e = EXPECT_BAD(in, 1, 1);
	assert_non_null(strstr(e.msg, "carriage return"));
	EXPECT_ROW(in, 2, "ok");
	EXPECT_BAD(in, 3, 0);     /* a CR at the very end is bare too */
	EXPECT_END(in);
	input_close(&in);
}

static void test_read_cr_inside_quotes_kept(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "\"a\rb\",c\n");
	EXPECT_ROW(in, 1, "a\rb", "c");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_nul_byte(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	OPEN(in, "a,b\0c\nok\n\"x\0\"\nz\n");
	e = EXPECT_BAD(in, 1, 1);
	assert_non_null(strstr(e.msg, "NUL"));
	EXPECT_ROW(in, 2, "ok");
	EXPECT_BAD(in, 3, 0);
	EXPECT_ROW(in, 4, "z");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_utf8_latin1(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	OPEN(in, "ok\ncaf\xE9,x\nafter\n");
	EXPECT_ROW(in, 1, "ok");
	e = EXPECT_BAD(in, 2, 0);
	assert_non_null(strstr(e.msg, "0xE9"));
	EXPECT_ROW(in, 3, "after");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_utf8_overlong(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "a,\xC0\x80\nafter\n");
	EXPECT_BAD(in, 1, 1);
	EXPECT_ROW(in, 2, "after");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_utf8_surrogate(void **state)
{
	struct input in;

	(void)state;
	OPEN(in, "x\na,b,\"\xED\xA0\x80\"\nafter\n");
	EXPECT_ROW(in, 1, "x");
	EXPECT_BAD(in, 2, 2);
	EXPECT_ROW(in, 3, "after");
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_utf8_truncated(void **state)
{
	struct input in;

	(void)state;
	/* A two-byte sequence cut short by the comma, then one cut short by
	 * the end of input. */
	OPEN(in, "x\ny,caf\xC3,z\nlast,\xE2\x82");
	EXPECT_ROW(in, 1, "x");
	EXPECT_BAD(in, 2, 1);
	EXPECT_BAD(in, 3, 1);
	EXPECT_END(in);
	input_close(&in);
}

static void test_bad_utf8_in_multiline_field(void **state)
{
	struct input in;

	(void)state;
	/* The bad byte is on line 2; the quoted field goes on to line 3. The
	 * error should name the line the byte is on. */
	OPEN(in, "ok\n\"caf\xE9\nmore\",x\nafter\n");
	EXPECT_ROW(in, 1, "ok");
	EXPECT_BAD(in, 2, 0);
	EXPECT_ROW(in, 4, "after");
	EXPECT_END(in);
	input_close(&in);
}

static void test_first_error_reported(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	OPEN(in, "a\"b,\xE9,c\rd\n");
	e = EXPECT_BAD(in, 1, 0);
	assert_non_null(strstr(e.msg, "quote inside an unquoted field"));
	EXPECT_END(in);
	input_close(&in);
}

static void test_fatal_unterminated_quote(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	/* The quote opened on line 2 is never closed: the rest of the input is
	 * swallowed and the error names line 2, where the bad quote is. */
	OPEN(in, "a,b\n\"c,d\ne,f\n");
	EXPECT_ROW(in, 1, "a", "b");
	e = EXPECT_FATAL(in, 2, 0);
	assert_non_null(strstr(e.msg, "opened on line 2"));
	EXPECT_END(in);
	input_close(&in);
}

static void test_fatal_unterminated_quote_one_line(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	/* An earlier error in the record gives way to the fatal one. */
	OPEN(in, "ok\nx\"y,\"abc");
	EXPECT_ROW(in, 1, "ok");
	e = EXPECT_FATAL(in, 2, 1);
	assert_non_null(strstr(e.msg, "opened on line 2"));
	EXPECT_END(in);
	input_close(&in);
}

static void test_field_at_cap(void **state)
{
	struct input in;

	(void)state;
	/* Eight bytes fit a cap of 8, quoted or not; two-byte characters
	 * count as two. */
	OPEN_CAPS(in, "12345678,x\nz,\"abcdefgh\"\n\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\n", 8, 0);
	EXPECT_ROW(in, 1, "12345678", "x");
	EXPECT_ROW(in, 2, "z", "abcdefgh");
	EXPECT_ROW(in, 3, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9");
	EXPECT_END(in);
	input_close(&in);
}

/* A field over the cap ends the reading at once, with its line and field:
 * without a line end in sight the reader would wait for one for ever. */
static void test_fatal_field_over_cap(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	OPEN_CAPS(in, "ok\nx,123456789,y\nnever,read\n", 8, 0);
	EXPECT_ROW(in, 1, "ok");
	e = EXPECT_FATAL(in, 2, 1);
	assert_non_null(strstr(e.msg, "field is longer than 8 bytes"));
	assert_non_null(strstr(e.msg, "read no further"));
	EXPECT_END(in);
	input_close(&in);
}

static void test_fatal_field_over_cap_quoted(void **state)
{
	struct input in;

	(void)state;
	/* Also in quotes, and for characters of two bytes (five are ten). */
	OPEN_CAPS(in, "a,\"abc\ndefghi\"\n", 8, 0);
	EXPECT_FATAL(in, 2, 1);
	EXPECT_END(in);
	input_close(&in);
	OPEN_CAPS(in, "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\nend\n", 8, 0);
	EXPECT_FATAL(in, 1, 0);
	EXPECT_END(in);
	input_close(&in);
}

/* NUL bytes, bare carriage returns and a stream of separators all count
 * against a cap, so that none of them can keep the reader going. */
static void test_fatal_endless_bad_bytes(void **state)
{
	static const char nuls[64] = { 0 };
	static const char crs[] = "a,\r\r\r\r\r\r\r\r\r\r\r\r";
	char seps[200];
	struct input in;
	struct csv_error e;

	(void)state;
	input_open_at(&in, nuls, sizeof nuls, 8, 4, __FILE__, __LINE__);
	e = EXPECT_FATAL(in, 1, 0);
	assert_non_null(strstr(e.msg, "NUL"));
	EXPECT_END(in);
	input_close(&in);
	input_open_at(&in, crs, sizeof crs - 1, 8, 4, __FILE__, __LINE__);
	EXPECT_FATAL(in, 1, 1);
	input_close(&in);
	/* Four fields of at most 8 bytes: a record is at most 36 bytes (82
	 * as written, were every byte a doubled quote). */
	memset(seps, ',', sizeof seps);
	input_open_at(&in, seps, sizeof seps, 8, 4, __FILE__, __LINE__);
	e = EXPECT_FATAL(in, 1, 3);
	assert_non_null(strstr(e.msg, "record is longer than 36 bytes"));
	input_close(&in);
}

static void test_bad_too_many_fields(void **state)
{
	struct input in;
	struct csv_error e;

	(void)state;
	/* With a cap of 3 fields, four are refused, also when the fourth is
	 * empty (trailing comma) or quoted. The error names the last field the
	 * cap allows (index 2), into which the reader folds the excess. */
	OPEN_CAPS(in, "a,b,c\na,b,c,d\nx\na,b,c,\nq,r,s,\"t\nu\"\nlast\n", 0, 3);
	EXPECT_ROW(in, 1, "a", "b", "c");
	e = EXPECT_BAD(in, 2, 2);
	assert_non_null(strstr(e.msg, "more than 3 fields"));
	EXPECT_ROW(in, 3, "x");
	EXPECT_BAD(in, 4, 2);
	EXPECT_BAD(in, 5, 2);
	EXPECT_ROW(in, 7, "last");
	EXPECT_END(in);
	input_close(&in);
}

static void test_record_within_caps(void **state)
{
	struct input in;

	(void)state;
	/* Every field at the field cap and as many fields as the record cap
	 * allows: within both caps, so a record. csv_reader_new means to make
	 * "room for every field of a record plus their separators". */
	OPEN_CAPS(in, "12345678,12345678,12345678,12345678,12345678\nnext\n", 8, 5);
	EXPECT_ROW(in, 1, "12345678", "12345678", "12345678", "12345678", "12345678");
	EXPECT_ROW(in, 2, "next");
	EXPECT_END(in);
	input_close(&in);
}

static void test_fatal_read_error(void **state)
{
	FILE *f = fopen("/dev/null", "w");   /* write-only: reading fails */
	struct csv_reader *r;
	struct csv_row row;
	struct csv_error e;

	(void)state;
	assert_non_null(f);
	r = csv_reader_new(f, 0, 0);
	assert_non_null(r);
	memset(&e, 0, sizeof e);
	assert_int_equal(csv_read_row(r, &row, &e), CSV_FATAL);
	assert_string_equal(e.msg, "read error");
	assert_int_equal(e.line, 1);
	csv_reader_free(r);
	(void)fclose(f);
}

/* ---- writing ---- */

static void test_write_plain(void **state)
{
	(void)state;
	EXPECT_WRITTEN(0, "a,b,c\n", "a", "b", "c");
	EXPECT_WRITTEN(0, "one\n", "one");
	/* Spaces, single quotes and UTF-8 need no quotes (a tab does: it
	 * separates the tab dialect; test_csv_write.c). */
	EXPECT_WRITTEN(0, " a ,it's,caf\xC3\xA9\n", " a ", "it's", "caf\xC3\xA9");
}

static void test_write_quoting(void **state)
{
	(void)state;
	EXPECT_WRITTEN(0, "\"a,b\",c\n", "a,b", "c");
	EXPECT_WRITTEN(0, "\"say \"\"hi\"\"\"\n", "say \"hi\"");
	EXPECT_WRITTEN(0, "\"\"\"\"\n", "\"");
	EXPECT_WRITTEN(0, "\"line\nbreak\",x\n", "line\nbreak", "x");
	EXPECT_WRITTEN(0, "\"cr\rx\"\n", "cr\rx");
	EXPECT_WRITTEN(0, "\"crlf\r\nx\"\n", "crlf\r\nx");
}

static void test_write_null_and_empty_fields(void **state)
{
	(void)state;
	EXPECT_WRITTEN(0, "a,,c\n", "a", NULL, "c");
	EXPECT_WRITTEN(0, ",,\n", "", NULL, "");
	EXPECT_WRITTEN(0, ",\n", NULL, NULL);
}

static void test_write_no_fields(void **state)
{
	char *got;

	(void)state;
	got = write_to_string(NULL, 0, 0);
	assert_string_equal(got, "\n");
	free(got);
}

static void test_write_line_ends(void **state)
{
	(void)state;
	EXPECT_WRITTEN(0, "a,b\n", "a", "b");
	EXPECT_WRITTEN(CSV_WRITE_CRLF, "a,b\r\n", "a", "b");
	EXPECT_WRITTEN(CSV_WRITE_CRLF, "\"x\ny\"\r\n", "x\ny");
}

static void test_write_output_error(void **state)
{
	static char text[] = "read-only";
	FILE *f = fmemopen(text, sizeof text - 1, "r");
	const char *fields[] = { "a", "b,c" };

	(void)state;
	assert_non_null(f);
	assert_int_equal(csv_write_row(f, fields, 2, 0), -1);
	(void)fclose(f);
}

static void test_write_neutralise(void **state)
{
	const unsigned n = CSV_WRITE_NEUTRALISE;

	(void)state;
	EXPECT_WRITTEN(n, "'=1+2\n", "=1+2");
	EXPECT_WRITTEN(n, "'+1\n", "+1");
	EXPECT_WRITTEN(n, "'-1\n", "-1");
	EXPECT_WRITTEN(n, "'@SUM(A1)\n", "@SUM(A1)");
	EXPECT_WRITTEN(n, "\"'\tx\"\n", "\tx");
	EXPECT_WRITTEN(n, "\"'\rx\"\n", "\rx");
	EXPECT_WRITTEN(n, "''=x\n", "'=x");
	EXPECT_WRITTEN(n, "'''-x\n", "''-x");
	EXPECT_WRITTEN(n, "\"'=a,\"\"b\"\"\"\n", "=a,\"b\"");
	EXPECT_WRITTEN(n | CSV_WRITE_CRLF, "'=x,y\r\n", "=x", "y");
	/* Not formulas: left alone. */
	EXPECT_WRITTEN(n, "'x,a=b,x-1,,'\n", "'x", "a=b", "x-1", "", "'");
	/* Without the flag nothing is neutralised. */
	EXPECT_WRITTEN(0, "=1+2,-1,@x\n", "=1+2", "-1", "@x");
}

static void test_neutralise_needed(void **state)
{
	(void)state;
	assert_true(csv_neutralise_needed("=x"));
	assert_true(csv_neutralise_needed("+x"));
	assert_true(csv_neutralise_needed("-x"));
	assert_true(csv_neutralise_needed("@x"));
	assert_true(csv_neutralise_needed("\tx"));
	assert_true(csv_neutralise_needed("\rx"));
	assert_true(csv_neutralise_needed("'=x"));
	assert_true(csv_neutralise_needed("'''@"));
	assert_false(csv_neutralise_needed(""));
	assert_false(csv_neutralise_needed("'"));
	assert_false(csv_neutralise_needed("'x"));
	assert_false(csv_neutralise_needed("a=b"));
	assert_false(csv_neutralise_needed(" =x"));
	assert_false(csv_neutralise_needed("\n=x"));
}

/* csv_unneutralise of a copy of s, compared with want. */
static void expect_unneutralised(const char *s, const char *want)
{
	char copy[64];

	assert_true(strlen(s) < sizeof copy);
	memcpy(copy, s, strlen(s) + 1);
	assert_ptr_equal(csv_unneutralise(copy), copy);
	assert_string_equal(copy, want);
}

static void test_unneutralise_inverse(void **state)
{
	(void)state;
	/* Removes exactly the one quote the writer adds ... */
	expect_unneutralised("'=x", "=x");
	expect_unneutralised("''=x", "'=x");
	expect_unneutralised("'\tx", "\tx");
	/* ... also where a field could begin inside the cell ... */
	expect_unneutralised("ok;'=1+1;", "ok;=1+1;");
	expect_unneutralised("a,'=b,'@c", "a,=b,@c");
	expect_unneutralised("fine\n'=2+2;x", "fine\n=2+2;x");
	expect_unneutralised("a\t'\tb", "a\t\tb");
	expect_unneutralised("a;''-1", "a;'-1");
	/* ... and leaves alone what the writer would not have changed. */
	expect_unneutralised("'x", "'x");
	expect_unneutralised("'", "'");
	expect_unneutralised("a=b", "a=b");
	expect_unneutralised("=x", "=x");
	expect_unneutralised("a;'x", "a;'x");
	expect_unneutralised("a'=b", "a'=b");
	expect_unneutralised("", "");
}

/* A record of one empty field is written as an empty line, and the reader
 * skips empty lines and lines of bare separators (as spreadsheets leave
 * them), so records of only empty fields do not survive a round trip; a
 * file must hold one of them as "" to keep it. No kind of compgap data has
 * such records: every kind has a required key. */
static void test_single_empty_field_written_as_empty_line(void **state)
{
	char *out;
	struct input in;

	(void)state;
	EXPECT_WRITTEN(0, "\n", "");
	EXPECT_WRITTEN(CSV_WRITE_CRLF, "\r\n", NULL);
	out = write_to_string(FIELDS(""), 1, 0);
	input_open_at(&in, out, strlen(out), 0, 0, __FILE__, __LINE__);
	EXPECT_END(in);
	input_close(&in);
	free(out);
	out = write_to_string(FIELDS("", ""), 2, 0);
	assert_string_equal(out, ",\n");
	input_open_at(&in, out, strlen(out), 0, 0, __FILE__, __LINE__);
	EXPECT_END(in);
	input_close(&in);
	free(out);
	OPEN(in, "\"\",\n");
	EXPECT_ROW(in, 1, "", "");
	EXPECT_END(in);
	input_close(&in);
}

/* A first cell beginning with U+FEFF, written as the first record of a
 * file, must come back with it; the reader would take an unquoted mark for
 * the file's byte-order mark. */
static void test_round_trip_leading_feff(void **state)
{
	char *out;
	struct input in;

	(void)state;
	out = write_to_string(FIELDS("\xEF\xBB\xBFx", "y"), 2, 0);
	input_open_at(&in, out, strlen(out), 0, 0, __FILE__, __LINE__);
	EXPECT_ROW(in, 1, "\xEF\xBB\xBFx", "y");
	EXPECT_END(in);
	input_close(&in);
	free(out);
}

/* ---- round trip of random records ---- */

enum {
	RT_RECORDS = 500,
	RT_MAX_FIELDS = 6,
	RT_MAX_PIECES = 10,
	RT_FIELD_BYTES = RT_MAX_PIECES * 2 + 1
};

/* Random records for the round trip. */
struct rt_set {
	char fields[RT_RECORDS][RT_MAX_FIELDS][RT_FIELD_BYTES];
	size_t nfields[RT_RECORDS];
};

/* Knuth's MMIX LCG; the high bits are the good ones. */
static unsigned rt_next(unsigned long long *seed, unsigned bound)
{
	*seed = *seed * 6364136223846793005ULL + 1442695040888963407ULL;
	return (unsigned)((*seed >> 33) % bound);
}

static bool rt_blank(char (*fields)[RT_FIELD_BYTES], size_t n)
{
	for (size_t j = 0; j < n; j++)
		if (fields[j][strspn(fields[j], " \t")] != '\0')
			return false;
	return true;
}

static void rt_generate(struct rt_set *set, unsigned long long seed)
{
	static const char *const alphabet[] = {
		",", "\"", "\n", "\r", "'", "=", "-", " ", "+", "@", "\t",
		"\xC3\xA9", "a", "b", "x", "Z", "0"
	};
	const unsigned nalpha = sizeof alphabet / sizeof alphabet[0];

	for (size_t i = 0; i < RT_RECORDS; i++) {
		set->nfields[i] = 1 + rt_next(&seed, RT_MAX_FIELDS);
		for (size_t j = 0; j < set->nfields[i]; j++) {
			char *f = set->fields[i][j];
			unsigned pieces = rt_next(&seed, RT_MAX_PIECES + 1);

			size_t len = 0;

			for (unsigned k = 0; k < pieces; k++) {
				const char *piece = alphabet[rt_next(&seed, nalpha)];
				size_t n = strlen(piece);

				assert_true(len + n < RT_FIELD_BYTES);
				memcpy(f + len, piece, n);
				len += n;
			}
			f[len] = '\0';
		}
		/* A record of blank fields is written as a line of bare
		 * separators, which the reader skips; see
		 * test_single_empty_field_written_as_empty_line. */
		if (rt_blank(set->fields[i], set->nfields[i]))
			(void)snprintf(set->fields[i][0], RT_FIELD_BYTES, "x");
	}
}

static size_t count_lf(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		n += *s == '\n';
	return n;
}

static void rt_check(const struct rt_set *set, unsigned flags)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *w = open_memstream(&out, &outlen);
	struct input in;
	long line = 1;

	assert_non_null(w);
	for (size_t i = 0; i < RT_RECORDS; i++) {
		const char *fields[RT_MAX_FIELDS];

		for (size_t j = 0; j < set->nfields[i]; j++)
			fields[j] = set->fields[i][j];
		assert_int_equal(csv_write_row(w, fields, set->nfields[i], flags), 0);
	}
	assert_int_equal(fclose(w), 0);
	input_open_at(&in, out, outlen, 0, 0, __FILE__, __LINE__);
	for (size_t i = 0; i < RT_RECORDS; i++) {
		struct csv_row row;
		struct csv_error e;
		enum csv_status st;

		memset(&e, 0, sizeof e);
		st = csv_read_row(in.r, &row, &e);
		if (st != CSV_ROW)
			print_error("record %zu (flags %u): status %d at line %ld field %zu: %s\n",
				    i, flags, (int)st, e.line, e.field, e.msg);
		assert_int_equal(st, CSV_ROW);
		assert_int_equal(row.nfields, set->nfields[i]);
		assert_int_equal(row.line, line);
		for (size_t j = 0; j < row.nfields; j++) {
			char *got = row.fields[j];

			assert_int_equal(strlen(got), row.lens[j]);
			if (flags & CSV_WRITE_NEUTRALISE) {
				/* No cell read back can start a formula. */
				assert_true(got[0] == '\0' || strchr("=+-@\t\r", got[0]) == NULL);
				got = csv_unneutralise(got);
			}
			assert_string_equal(got, set->fields[i][j]);
		}
		for (size_t j = 0; j < set->nfields[i]; j++)
			line += (long)count_lf(set->fields[i][j]);
		line++;
	}
	EXPECT_END(in);
	input_close(&in);
	free(out);
}

static void test_round_trip_random(void **state)
{
	static struct rt_set set;   /* too large for the stack of a test */
	static const unsigned flags[] = {
		0, CSV_WRITE_CRLF, CSV_WRITE_NEUTRALISE, CSV_WRITE_CRLF | CSV_WRITE_NEUTRALISE
	};

	(void)state;
	rt_generate(&set, 20240611ULL);
	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		rt_check(&set, flags[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_simple_rows),
		cmocka_unit_test(test_read_single_field_rows),
		cmocka_unit_test(test_read_crlf),
		cmocka_unit_test(test_read_mixed_line_ends),
		cmocka_unit_test(test_read_missing_final_newline),
		cmocka_unit_test(test_read_empty_input),
		cmocka_unit_test(test_read_only_empty_lines),
		cmocka_unit_test(test_read_quoted_comma),
		cmocka_unit_test(test_read_doubled_quotes),
		cmocka_unit_test(test_read_embedded_lf),
		cmocka_unit_test(test_read_embedded_crlf),
		cmocka_unit_test(test_read_line_numbers_across_newlines),
		cmocka_unit_test(test_read_empty_fields),
		cmocka_unit_test(test_read_quoted_empty_line_is_a_record),
		cmocka_unit_test(test_read_spaces_kept),
		cmocka_unit_test(test_read_bom_stripped),
		cmocka_unit_test(test_read_no_bom),
		cmocka_unit_test(test_read_multibyte_utf8),
		cmocka_unit_test(test_bad_quote_in_unquoted_field),
		cmocka_unit_test(test_bad_text_after_closing_quote),
		cmocka_unit_test(test_bad_text_after_quote_spanning_lines),
		cmocka_unit_test(test_bad_bare_cr),
		cmocka_unit_test(test_read_cr_inside_quotes_kept),
		cmocka_unit_test(test_bad_nul_byte),
		cmocka_unit_test(test_bad_utf8_latin1),
		cmocka_unit_test(test_bad_utf8_overlong),
		cmocka_unit_test(test_bad_utf8_surrogate),
		cmocka_unit_test(test_bad_utf8_truncated),
		cmocka_unit_test(test_bad_utf8_in_multiline_field),
		cmocka_unit_test(test_first_error_reported),
		cmocka_unit_test(test_fatal_unterminated_quote),
		cmocka_unit_test(test_fatal_unterminated_quote_one_line),
		cmocka_unit_test(test_field_at_cap),
		cmocka_unit_test(test_fatal_field_over_cap),
		cmocka_unit_test(test_fatal_field_over_cap_quoted),
		cmocka_unit_test(test_fatal_endless_bad_bytes),
		cmocka_unit_test(test_bad_too_many_fields),
		cmocka_unit_test(test_record_within_caps),
		cmocka_unit_test(test_fatal_read_error),
		cmocka_unit_test(test_write_plain),
		cmocka_unit_test(test_write_quoting),
		cmocka_unit_test(test_write_null_and_empty_fields),
		cmocka_unit_test(test_write_no_fields),
		cmocka_unit_test(test_write_line_ends),
		cmocka_unit_test(test_write_output_error),
		cmocka_unit_test(test_write_neutralise),
		cmocka_unit_test(test_neutralise_needed),
		cmocka_unit_test(test_unneutralise_inverse),
		cmocka_unit_test(test_single_empty_field_written_as_empty_line),
		cmocka_unit_test(test_round_trip_leading_feff),
		cmocka_unit_test(test_round_trip_random),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
