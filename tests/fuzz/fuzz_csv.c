/* libFuzzer target for the CSV reader and writer: every record read obeys
 * the caps and survives a write and a second read unchanged, with every
 * separator and with the separator detected. */
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

/* True when every field of row holds only spaces and tabs: written
 * unquoted, such a record is a line of bare separators, which the reader
 * skips. */
static bool blank_row(const struct csv_row *row)
{
	for (size_t i = 0; i < row->nfields; i++)
		if (strspn(row->fields[i], " \t") != row->lens[i])
			return false;
	return true;
}

/* Checks what every record given obeys: the caps and the field lengths. */
static void check_fields(const struct csv_row *row)
{
	check(row->nfields >= 1, "a record with no fields");
	check(row->nfields <= FUZZ_MAX_FIELDS, "more fields than the cap");
	for (size_t i = 0; i < row->nfields; i++) {
		check(row->lens[i] <= FUZZ_MAX_FIELD, "a field longer than the cap");
		check(strlen(row->fields[i]) == row->lens[i], "a field's length is wrong");
	}
}

/* A record given with invalid UTF-8 lists each bad field once, in order,
 * the first being the error. */
static void check_bad_fields(const struct csv_row *row, const struct csv_error *e)
{
	check(row->nbad >= 1 && row->bad != NULL, "a record given with CSV_BAD lists no bad field");
	check(e->field == row->bad[0].field && e->line == row->bad[0].line,
	      "the error is not the first bad field");
	for (size_t i = 0; i < row->nbad; i++) {
		check(row->bad[i].msg[0] != '\0', "a bad field without a message");
		check(row->bad[i].field < row->nfields, "a bad field beyond the record");
		check(i == 0 || row->bad[i].field > row->bad[i - 1].field, "bad fields out of order");
		check(row->bad[i].line >= row->line, "a bad field before its record");
	}
}

/* Writes row with flags and reads it back; the fields must be the same. A
 * record of blank fields is written as a line of bare separators (or an
 * empty line), which the reader skips, so it is not checked. */
static void check_round_trip(const struct csv_row *row, unsigned flags)
{
	char *out = NULL;
	size_t outlen = 0;
	FILE *w, *in;
	struct csv_reader *r;
	struct csv_row back;
	struct csv_error e;
	enum csv_status st;

	if (blank_row(row))
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
	csv_reader_set_separator(r, flags & CSV_WRITE_SEMICOLON ? ';' :
				    flags & CSV_WRITE_TAB ? '\t' : ',');
	memset(&e, 0, sizeof e);
	st = csv_read_row(r, &back, &e);
	if (st != CSV_ROW)
		(void)fprintf(stderr, "fuzz_csv: reread status %d line %ld field %zu: %s\n",
			      (int)st, e.line, e.field, e.msg);
	check(st == CSV_ROW, "the written record does not read back as a record");
	check(back.nfields == row->nfields, "field count changed in the round trip");
	check(back.line == 1, "the written record does not start on line 1");
	for (size_t i = 0; i < row->nfields; i++) {
		char *got = back.fields[i];

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
	static const char seps[] = { 0, ',', ';', '\t' };
	static const unsigned write_seps[] = { 0, CSV_WRITE_SEMICOLON, CSV_WRITE_TAB, 0 };

	if (size == 0)
		return 0;
	/* The input chooses the writer's flags and separator and the
	 * reader's separator (0: detected), so that every combination is
	 * exercised. */
	flags = (data[size - 1] & (CSV_WRITE_CRLF | CSV_WRITE_NEUTRALISE)) |
		write_seps[(data[size - 1] >> 4) & 3];
	f = fmemopen((void *)data, size, "r");
	check(f != NULL, "fmemopen failed");
	r = csv_reader_new(f, FUZZ_MAX_FIELD, FUZZ_MAX_FIELDS);
	check(r != NULL, "csv_reader_new failed");
	csv_reader_set_separator(r, seps[(data[size - 1] >> 2) & 3]);
	for (;;) {
		memset(&e, 0, sizeof e);
		st = csv_read_row(r, &row, &e);
		if (st == CSV_END || st == CSV_FATAL)
			break;
		if (st == CSV_BAD) {
			check(e.msg[0] != '\0', "CSV_BAD without a message");
			check(e.line > last_line, "error line before the end of the last record");
			check(e.field < FUZZ_MAX_FIELDS, "error field index above the cap");
			if (row.nfields > 0) {
				check_fields(&row);
				check_bad_fields(&row, &e);
			}
			continue;
		}
		check(st == CSV_ROW, "unknown status");
		check_fields(&row);
		check(row.nbad == 0, "a good record lists bad fields");
		check(row.line > last_line, "record lines do not increase");
		check(!blank_row(&row) || memchr(data, '"', size) != NULL,
		      "a record of blank fields without a quote in the input");
		last_line = row.line;
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
