/* libFuzzer target for the CSV reader and writer: every record read obeys
 * the caps and survives a write and a second read unchanged. */
#define _POSIX_C_SOURCE 200809L   /* fmemopen, open_memstream; the fuzz rule
				     does not pass it */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/csv.h"

enum {
	FUZZ_MAX_FIELD = 64,      /* cap on one field's bytes */
	FUZZ_MAX_FIELDS = 16      /* cap on fields per record */
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	(void)fprintf(stderr, "fuzz_csv: %s\n", what);
	abort();
}

/* Writes row with flags and reads it back; the fields must be the same. A
 * record of one empty field is written as an empty line, which the reader
 * skips, so it is not checked. */
static void check_round_trip(const struct csv_row *row, unsigned flags)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *w, *in;
	struct csv_reader *r;
	struct csv_row back;
	struct csv_error e;
	enum csv_status st;

	if (row->nfields == 1 && row->lens[0] == 0)
		return;
	w = open_memstream(&out, &outlen);
	check(w != NULL, "open_memstream failed");
	check(csv_write_row(w, (const char *const *)row->fields, row->nfields, flags) == 0,
	      "csv_write_row failed");
	check(fclose(w) == 0, "closing the memory stream failed");
	in = fmemopen(out, outlen, "r");
	check(in != NULL, "fmemopen of the written record failed");
	/* Neutralising adds a byte to a cell, so read back under the default
	 * caps rather than the fuzzing ones. */
	r = csv_reader_new(in, 0, 0);
	check(r != NULL, "csv_reader_new failed");
	memset(&e, 0, sizeof e);
	st = csv_read_row(r, &back, &e);
	if (st != CSV_ROW)
		(void)fprintf(stderr, "fuzz_csv: reread status %d line %ld field %zu: %s\n",
			      (int)st, e.line, e.field, e.msg);
	check(st == CSV_ROW, "the written record does not read back as a record");
	check(back.nfields == row->nfields, "field count changed in the round trip");
	check(back.line == 1, "the written record does not start on line 1");
	for (size_t i = 0; i < row->nfields; i++) {
		const char *got = back.fields[i];

		if (flags & CSV_WRITE_NEUTRALISE)
			got = csv_unneutralise(got);
		check(strlen(got) == row->lens[i] && memcmp(got, row->fields[i], row->lens[i]) == 0,
		      "a field changed in the round trip");
	}
	check(csv_read_row(r, &back, &e) == CSV_END, "the written record reads as more than one");
	csv_reader_free(r);
	(void)fclose(in);
	free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	FILE *f;
	struct csv_reader *r;
	struct csv_row row;
	struct csv_error e;
	enum csv_status st;
	long last_line = 0;
	unsigned flags;

	if (size == 0)
		return 0;
	/* The input chooses the writer's flags, so that every combination is
	 * exercised. */
	flags = data[size - 1] & (CSV_WRITE_CRLF | CSV_WRITE_NEUTRALISE);
	f = fmemopen((void *)data, size, "r");
	check(f != NULL, "fmemopen failed");
	r = csv_reader_new(f, FUZZ_MAX_FIELD, FUZZ_MAX_FIELDS);
	check(r != NULL, "csv_reader_new failed");
	for (;;) {
		memset(&e, 0, sizeof e);
		st = csv_read_row(r, &row, &e);
		if (st == CSV_END || st == CSV_FATAL)
			break;
		if (st == CSV_BAD) {
			check(e.msg[0] != '\0', "CSV_BAD without a message");
			check(e.line > last_line, "error line before the end of the last record");
			check(e.field < FUZZ_MAX_FIELDS, "error field index above the cap");
			continue;
		}
		check(st == CSV_ROW, "unknown status");
		check(row.nfields >= 1, "a record with no fields");
		check(row.nfields <= FUZZ_MAX_FIELDS, "more fields than the cap");
		check(row.line > last_line, "record lines do not increase");
		last_line = row.line;
		for (size_t i = 0; i < row.nfields; i++) {
			check(row.lens[i] <= FUZZ_MAX_FIELD, "a field longer than the cap");
			check(strlen(row.fields[i]) == row.lens[i], "a field's length is wrong");
		}
		check_round_trip(&row, flags);
	}
	if (st == CSV_FATAL)
		check(e.msg[0] != '\0', "CSV_FATAL without a message");
	/* Once ended, the reader stays at the end. */
	check(csv_read_row(r, &row, &e) == CSV_END, "reading after the end gave a record");
	csv_reader_free(r);
	(void)fclose(f);
	return 0;
}
