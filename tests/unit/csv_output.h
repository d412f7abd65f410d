/* Helpers of the CSV writer's tests (test_csv.c, test_csv_write.c): what
 * csv_write_row writes, as a string, and EXPECT_WRITTEN to compare it. */
#ifndef COMPGAP_TEST_CSV_OUTPUT_H
#define COMPGAP_TEST_CSV_OUTPUT_H

#include "testutil.h"

#include "io/csv.h"

#include <stdio.h>
#include <stdlib.h>

#ifndef FIELDS
#define FIELDS(...) ((const char *const[]){__VA_ARGS__})
#define NFIELDS(...) (sizeof(FIELDS(__VA_ARGS__)) / sizeof(const char *))
#endif

/* The bytes csv_write_row writes for n fields with flags, as a string the
 * caller frees. */
static char *write_to_string(const char *const *fields, size_t n, unsigned flags)
{
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	assert_int_equal(csv_write_row(f, fields, n, flags), 0);
	assert_int_equal(fclose(f), 0);
	assert_non_null(out);
	return out;
}

static void expect_written_at(unsigned flags, const char *want, const char *const *fields,
			      size_t n, const char *file, int at)
{
	char *got = write_to_string(fields, n, flags);

	_assert_string_equal(got, want, file, at);
	free(got);
}

#define EXPECT_WRITTEN(flags, want, ...) \
	expect_written_at((flags), (want), FIELDS(__VA_ARGS__), NFIELDS(__VA_ARGS__), __FILE__, __LINE__)

#endif
