/* What the tests of the CSV reader share: a reader over bytes in memory
 * and assertions on the records it reads. Included by one test file each. */
#ifndef COMPGAP_TEST_CSV_INPUT_H
#define COMPGAP_TEST_CSV_INPUT_H

#include "testutil.h"

#include "io/csv.h"

#include <stdio.h>
#include <string.h>

/* A reader over bytes held in memory, and the stream under it. */
struct input {
	FILE *f;                  /* fmemopen stream over the test's bytes */
	struct csv_reader *r;     /* reads f */
};

static void input_open_at(struct input *in, const char *s, size_t n,
			  size_t max_field, size_t max_fields,
			  const char *file, int at)
{
	in->f = fmemopen((void *)s, n, "r");
	_assert_true(cast_to_largest_integral_type(in->f != NULL), "fmemopen", file, at);
	in->r = csv_reader_new(in->f, max_field, max_fields);
	_assert_true(cast_to_largest_integral_type(in->r != NULL), "csv_reader_new", file, at);
}

/* OPEN takes a string literal, so that embedded NUL bytes are kept. */
#define OPEN(in, lit) input_open_at(&(in), (lit), sizeof(lit) - 1, 0, 0, __FILE__, __LINE__)
#define OPEN_CAPS(in, lit, mf, mfs) \
	input_open_at(&(in), (lit), sizeof(lit) - 1, (mf), (mfs), __FILE__, __LINE__)

static void input_close(struct input *in)
{
	csv_reader_free(in->r);
	(void)fclose(in->f);
}

/* Reads one record and asserts that it is a row starting on line with
 * exactly the n fields want. */
static void expect_row_at(struct csv_reader *r, long line, const char *const *want,
			  size_t n, const char *file, int at)
{
	struct csv_row row;
	struct csv_error e;
	enum csv_status st;

	memset(&e, 0, sizeof e);
	st = csv_read_row(r, &row, &e);
	if (st != CSV_ROW)
		print_error("status %d at line %ld field %zu: %s\n", (int)st, e.line, e.field, e.msg);
	_assert_int_equal(cast_to_largest_integral_type(st), CSV_ROW, file, at);
	_assert_int_equal(cast_to_largest_integral_type(row.nfields), n, file, at);
	_assert_int_equal(cast_to_largest_integral_type(row.line),
			  cast_to_largest_integral_type(line), file, at);
	for (size_t i = 0; i < n; i++) {
		_assert_string_equal(row.fields[i], want[i], file, at);
		_assert_int_equal(cast_to_largest_integral_type(row.lens[i]), strlen(want[i]),
				  file, at);
	}
}

#define FIELDS(...) ((const char *const[]){__VA_ARGS__})
#define NFIELDS(...) (sizeof(FIELDS(__VA_ARGS__)) / sizeof(const char *))
#define EXPECT_ROW(in, line, ...) \
	expect_row_at((in).r, (line), FIELDS(__VA_ARGS__), NFIELDS(__VA_ARGS__), __FILE__, __LINE__)

/* Reads one record and asserts that it failed with status want at line and
 * field, with a message; returns the error for further checks. */
static struct csv_error expect_fail_at(struct csv_reader *r, enum csv_status want,
				       long line, size_t field, const char *file, int at)
{
	struct csv_row row;
	struct csv_error e;
	enum csv_status st;

	memset(&e, 0, sizeof e);
	st = csv_read_row(r, &row, &e);
	if (st != want)
		print_error("status %d, wanted %d (line %ld field %zu: %s)\n", (int)st, (int)want,
			    e.line, e.field, e.msg);
	_assert_int_equal(cast_to_largest_integral_type(st),
			  cast_to_largest_integral_type(want), file, at);
	if (e.line != line || e.field != field)
		print_error("error at line %ld field %zu, wanted line %ld field %zu: %s\n",
			    e.line, e.field, line, field, e.msg);
	_assert_int_equal(cast_to_largest_integral_type(e.line),
			  cast_to_largest_integral_type(line), file, at);
	_assert_int_equal(cast_to_largest_integral_type(e.field), field, file, at);
	_assert_true(cast_to_largest_integral_type(e.msg[0] != '\0'), "an error message", file, at);
	return e;
}

#define EXPECT_BAD(in, line, field) expect_fail_at((in).r, CSV_BAD, (line), (field), __FILE__, __LINE__)
#define EXPECT_FATAL(in, line, field) \
	expect_fail_at((in).r, CSV_FATAL, (line), (field), __FILE__, __LINE__)

static void expect_end_at(struct csv_reader *r, const char *file, int at)
{
	struct csv_row row;
	struct csv_error e;

	memset(&e, 0, sizeof e);
	_assert_int_equal(cast_to_largest_integral_type(csv_read_row(r, &row, &e)), CSV_END,
			  file, at);
}

#define EXPECT_END(in) expect_end_at((in).r, __FILE__, __LINE__)

#endif
