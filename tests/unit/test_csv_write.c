/* Unit tests of the CSV writer's dialects and its formula guard
 * (src/io/csv.c from is_trigger on): every cell that holds ',', ';', a tab,
 * a quote, CR or LF is quoted in every dialect, every cell is neutralised,
 * and what is written reads back, by a parser of this file's own, as what
 * was written. */
#include "testutil.h"

#include "csv_output.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const unsigned dialects[] = { 0, CSV_WRITE_SEMICOLON, CSV_WRITE_TAB };
static const char separators[] = { ',', ';', '\t' };
enum { NDIALECTS = 3 };

/* Splits one record the way a spreadsheet does with separator sep: a field
 * that begins with a quote runs to the closing quote ("" is a quote);
 * any other runs to the next separator, quotes in it kept as they are.
 * Fills fields (each malloc'd) and returns how many. */
static size_t split(const char *s, char sep, char **fields, size_t max)
{
	size_t n = 0;

	for (;;) {
		char *f = calloc(strlen(s) + 1, 1);
		size_t len = 0;

		assert_non_null(f);
		assert_true(n < max);
		if (*s == '"') {
			for (s++; *s != '\0'; s++) {
				if (*s == '"' && s[1] == '"')
					f[len++] = *s++;
				else if (*s == '"')
					break;
				else
					f[len++] = *s;
			}
			if (*s == '"')
				s++;
			/* Anything after the closing quote joins the field. */
		}
		while (*s != '\0' && *s != sep && !(s[0] == '\r' && s[1] == '\n') && *s != '\n')
			f[len++] = *s++;
		fields[n++] = f;
		if (*s != sep)
			return n;
		s++;
	}
}

static void free_fields(char **fields, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(fields[i]);
}

/* Each of the characters the rule names, alone and inside text, is quoted
 * in each dialect. */
static void test_quoted_in_every_dialect(void **state)
{
	static const char *const cells[] = { ",", ";", "\t", "\"", "\r", "\n", "a,b", "a;b",
					     "a\tb", "say \"hi\"", "cr\rx", "two\nlines" };

	(void)state;
	for (size_t d = 0; d < NDIALECTS; d++) {
		for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++) {
			char *got = write_to_string(&cells[i], 1, dialects[d]);

			if (got[0] != '"')
				print_error("cell %zu in dialect '%c' not quoted: [%s]\n", i,
					    separators[d], got);
			assert_true(got[0] == '"');
			assert_true(csv_quote_needed(cells[i], dialects[d]));
			free(got);
		}
	}
	/* Exactly: doubled quotes, the line break kept inside. */
	EXPECT_WRITTEN(CSV_WRITE_SEMICOLON, "\"a,b\";\"c;d\";\"e\tf\";\"g\"\"h\"\n",
		       "a,b", "c;d", "e\tf", "g\"h");
	EXPECT_WRITTEN(CSV_WRITE_TAB, "\"a,b\"\t\"c;d\"\t\"e\tf\"\t\"x\ny\"\n",
		       "a,b", "c;d", "e\tf", "x\ny");
	EXPECT_WRITTEN(0, "\"a,b\",\"c;d\",\"e\tf\",plain\n", "a,b", "c;d", "e\tf", "plain");
}

static void test_plain_cells_unquoted(void **state)
{
	(void)state;
	for (size_t d = 0; d < NDIALECTS; d++) {
		assert_false(csv_quote_needed("plain text", dialects[d]));
		assert_false(csv_quote_needed("it's", dialects[d]));
		assert_false(csv_quote_needed("caf\xC3\xA9", dialects[d]));
		assert_false(csv_quote_needed("", dialects[d]));
		assert_false(csv_quote_needed("3.5", dialects[d]));
	}
	EXPECT_WRITTEN(CSV_WRITE_SEMICOLON, "a;b;;c\n", "a", "b", NULL, "c");
	EXPECT_WRITTEN(CSV_WRITE_TAB | CSV_WRITE_CRLF, "a\tb\r\n", "a", "b");
}

/* A number with a decimal comma is quoted like every cell that holds a
 * ',' (spreadsheets read a quoted number as a number). */
static void test_decimal_comma_numbers(void **state)
{
	(void)state;
	EXPECT_WRITTEN(CSV_WRITE_SEMICOLON, "P1;\"3,5\";\"2,25\";4\n", "P1", "3,5", "2,25", "4");
	EXPECT_WRITTEN(CSV_WRITE_TAB, "\"3,5\"\t\"10,125\"\n", "3,5", "10,125");
	/* In a comma file it is quoted: the comma is the separator. */
	EXPECT_WRITTEN(0, "\"3,5\"\n", "3,5");
	/* Anything else with a comma: quoted too. */
	EXPECT_WRITTEN(CSV_WRITE_SEMICOLON, "\"3,5x\";\",5\";\"3,\";\"1,2,3\";\"3,5;\"\n",
		       "3,5x", ",5", "3,", "1,2,3", "3,5;");
	assert_true(csv_quote_needed("1,2.3", CSV_WRITE_SEMICOLON));
	assert_true(csv_quote_needed("1\t2", CSV_WRITE_SEMICOLON));
}

/* The issue's example: "ok;=1+1" unquoted in a comma file is read by a
 * spreadsheet that splits on ';' as "ok" and the formula "=1+1". Quoted,
 * it still is where the cell is not the first of its record (a spreadsheet
 * honours a quote only at the start of a field), and so is a line break
 * inside a quoted cell: the guard's quote goes wherever a field could
 * begin. */
static void test_issue_example(void **state)
{
	(void)state;
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE, "\"ok;'=1+1\"\n", "ok;=1+1");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "\"ok;'=1+1\"\n", "ok;=1+1");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_TAB, "\"ok;'=1+1\"\n", "ok;=1+1");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE, "\"ok,'=1+1\"\n", "ok,=1+1");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "\"ok,'=1+1\"\n", "ok,=1+1");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_TAB, "\"ok\t'=1+1\"\n", "ok\t=1+1");
	/* The review's cases: a payload between two separators of another
	 * dialect, and after a line break. */
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE, "X1,\"ok;'=1+1;\"\n", "X1", "ok;=1+1;");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "X3;\"ok,'=1+1,\"\n", "X3", "ok,=1+1,");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE, "\"fine\n'=2+2;x\"\n", "fine\n=2+2;x");
	/* A quote a spreadsheet might open a field with is looked through. */
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE, "\"a;'\"\"=1\"\n", "a;\"=1");
	/* Without the flag nothing is guarded. */
	EXPECT_WRITTEN(0, "X1,\"ok;=1+1;\"\n", "X1", "ok;=1+1;");
	/* As the first cell of a record, split on any separator, it stays one
	 * cell, which does not begin with '='. */
	for (size_t d = 0; d < NDIALECTS; d++) {
		const char *cell = "ok;=1+1";
		char *line = write_to_string(&cell, 1, CSV_WRITE_NEUTRALISE | dialects[d]);

		for (size_t s = 0; s < NDIALECTS; s++) {
			char *fields[4];
			size_t n = split(line, separators[s], fields, 4);

			assert_int_equal(n, 1);
			assert_string_equal(fields[0], "ok;'=1+1");
			assert_string_equal(csv_unneutralise(fields[0]), "ok;=1+1");
			free_fields(fields, n);
		}
		free(line);
	}
}

/* A cell that needs quotes and begins with a formula character gets the
 * guard's quote inside the quotes, where a spreadsheet sees it. */
static void test_neutralised_inside_quotes(void **state)
{
	(void)state;
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE, "\"'=1,2\"\n", "=1,2");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "\"'=1;2\"\n", "=1;2");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "\"'=A1,B1\";x\n", "=A1,B1", "x");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_TAB, "\"'@SUM(A1;B1)\"\n", "@SUM(A1;B1)");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "\"'\tx\"\n", "\tx");
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "\"'-1\"\"\"\n", "-1\"");
	/* Every cell, not only the first. */
	EXPECT_WRITTEN(CSV_WRITE_NEUTRALISE | CSV_WRITE_SEMICOLON, "a;'=b;'+c;'-d;'@e\n",
		       "a", "=b", "+c", "-d", "@e");
}

static void test_bom(void **state)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	(void)state;
	assert_non_null(f);
	assert_int_equal(csv_write_bom(f), 0);
	assert_int_equal(fclose(f), 0);
	assert_int_equal(len, 3);
	assert_memory_equal(out, "\xEF\xBB\xBF", 3);
	free(out);
}

/* Wherever any spreadsheet could begin a field in a written line, whatever
 * separator it splits on and whether or not it honours the quotes (after a
 * ',', ';', tab, CR or LF, and after any quotes it may take as opening a
 * quoted field), no formula begins. */
static void no_formula_under_any_split(const char *line)
{
	for (size_t p = 0; line[p] != '\0'; p++) {
		size_t q = p;

		if (p > 0 && strchr(",;\t\r\n", line[p - 1]) == NULL)
			continue;
		while (line[q] == '"')
			q++;
		if (line[q] != '\0' && strchr("=+-@", line[q]) != NULL)
			print_error("a field may begin a formula at %zu of [%s]\n", q, line);
		assert_true(line[q] == '\0' || strchr("=+-@", line[q]) == NULL);
	}
}

/* Random cells over an alphabet of separators, quotes, line breaks and
 * formula characters: written in each dialect, split again by a
 * spreadsheet's rules with that dialect's separator, and unneutralised,
 * they are what was written; no cell read back begins a formula. */
static void test_round_trip_every_dialect(void **state)
{
	static const char *const alphabet[] = {
		",", ";", "\t", "\"", "'", "=", "+", "-", "@", " ", "a", "Z", "3", "\xC3\xA9", "\r"
	};
	const unsigned nalpha = sizeof alphabet / sizeof alphabet[0];
	unsigned long long seed = 20261201ULL;

	(void)state;
	for (int round = 0; round < 2000; round++) {
		char cells[4][64];
		const char *row[4];
		size_t ncells = 1 + (size_t)(round % 4);
		unsigned flags = CSV_WRITE_NEUTRALISE | dialects[round % NDIALECTS] |
				 (round % 2 ? CSV_WRITE_CRLF : 0);
		char sep = separators[round % NDIALECTS];
		char *fields[8];
		char *line;
		size_t n;

		for (size_t c = 0; c < ncells; c++) {
			size_t len = 0;
			unsigned pieces;

			seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
			pieces = (unsigned)((seed >> 33) % 12);
			for (unsigned k = 0; k < pieces; k++) {
				const char *p;

				seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
				p = alphabet[(seed >> 33) % nalpha];
				memcpy(cells[c] + len, p, strlen(p));
				len += strlen(p);
			}
			cells[c][len] = '\0';
			row[c] = cells[c];
		}
		line = write_to_string(row, ncells, flags);
		no_formula_under_any_split(line);
		n = split(line, sep, fields, 8);
		if (n != ncells)
			print_error("round %d: [%s] split into %zu, not %zu\n", round, line, n, ncells);
		assert_int_equal(n, ncells);
		for (size_t c = 0; c < n; c++) {
			assert_true(fields[c][0] == '\0' || strchr("=+-@\t\r", fields[c][0]) == NULL);
			assert_string_equal(csv_unneutralise(fields[c]), cells[c]);
		}
		free_fields(fields, n);
		free(line);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quoted_in_every_dialect),
		cmocka_unit_test(test_plain_cells_unquoted),
		cmocka_unit_test(test_decimal_comma_numbers),
		cmocka_unit_test(test_issue_example),
		cmocka_unit_test(test_neutralised_inside_quotes),
		cmocka_unit_test(test_bom),
		cmocka_unit_test(test_round_trip_every_dialect),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
