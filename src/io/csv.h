/* CSV after RFC 4180: a streaming reader and a writer of our own.
 *
 * The reader accepts quoted fields with embedded separators, doubled quotes
 * and line breaks; CRLF or LF line ends; UTF-8 with an optional byte-order
 * mark; ',' ';' or tab as the separator, set or taken from the first line
 * that is not blank. Lines that hold only separators and white space are
 * skipped (spreadsheets leave them below the data). It refuses a quote
 * inside an unquoted field, text after a closing quote, a bare carriage
 * return, a NUL byte and more fields than the cap. After such an error it
 * skips to the end of the record, so that the caller can go on and report
 * every bad row. Invalid UTF-8 is a problem of its field only: the record
 * is still given, with the bad fields listed, so that its other fields can
 * be checked too. A field or record longer than its cap and an
 * unterminated quoted field are fatal: an input without line ends
 * (/dev/zero, an endless upload) must not be read for ever.
 *
 * The writer quotes only where needed and can neutralise cells that a
 * spreadsheet would run as a formula (see csv_neutralise_needed). */
#ifndef COMPGAP_CSV_H
#define COMPGAP_CSV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum {
	CSV_FIELD_MAX = 1 << 20,   /* default cap on one field's bytes */
	CSV_FIELDS_MAX = 256,      /* default cap on fields per record */
	CSV_RECORD_MAX = 8 << 20,  /* cap on one record's bytes */
	CSV_MSG_MAX = 256
};

/* What went wrong in a record. */
struct csv_error {
	long line;            /* physical line (1-based) where it was found */
	size_t field;         /* 0-based index of the field it was found in */
	char msg[CSV_MSG_MAX];
};

/* One record; everything points into the reader and lives until the next
 * call of csv_read_row. */
struct csv_row {
	char **fields;        /* nfields NUL-terminated UTF-8 strings */
	size_t *lens;         /* their lengths in bytes */
	size_t nfields;       /* 0 when a CSV_BAD record could not be split */
	long line;            /* physical line the record starts on */
	const struct csv_error *bad;   /* fields with invalid UTF-8, in order */
	size_t nbad;          /* how many; their fields hold the bytes as read */
};

struct csv_reader;

/* Results of csv_read_row. */
enum csv_status {
	CSV_ROW = 1,          /* a record was read */
	CSV_END = 0,          /* no more input */
	CSV_BAD = -1,         /* this record is malformed; the next may be read */
	CSV_FATAL = -2        /* input cannot be read further */
};

/* Creates a reader of in (not closed by the reader) that splits on ','.
 * max_field and max_fields are caps (0 for the defaults above). Returns
 * NULL when memory is exhausted. */
struct csv_reader *csv_reader_new(FILE *in, size_t max_field, size_t max_fields);

/* Frees the reader. */
void csv_reader_free(struct csv_reader *r);

/* Sets the separator: ',', ';' or '\t', or 0 to take it from the first
 * line that holds more than separators and white space: the one of the
 * three that occurs most often outside quotes in it (',' when none does;
 * on a tie ',' before ';' before tab). Call it before the first
 * csv_read_row; another byte is taken as ','. */
void csv_reader_set_separator(struct csv_reader *r, char sep);

/* The separator in use (after the first csv_read_row when detected). */
char csv_reader_separator(const struct csv_reader *r);

/* Reads the next record into row. On CSV_BAD and CSV_FATAL, error says
 * where and what (on CSV_BAD the problem that comes first in the record).
 * On CSV_BAD, row->nfields is 0 unless the only problems are invalid UTF-8
 * in fields: then row holds the record and row->bad lists each bad field
 * once, the first of them being error. After CSV_FATAL the reader reads
 * no more: every later call returns CSV_END. */
enum csv_status csv_read_row(struct csv_reader *r, struct csv_row *row,
			     struct csv_error *error);

/* Flags for csv_write_row. The separator is ',' unless one of the two
 * separator flags is given (CSV_WRITE_SEMICOLON wins when both are). */
enum {
	CSV_WRITE_CRLF = 1 << 0,        /* end records with CRLF (RFC 4180) */
	CSV_WRITE_NEUTRALISE = 1 << 1,  /* guard cells against formula injection */
	CSV_WRITE_SEMICOLON = 1 << 2,   /* separate with ';', as Dutch and Swedish
					 * spreadsheets do */
	CSV_WRITE_TAB = 1 << 3          /* separate with a tab */
};

/* Writes one record of n fields (a NULL field is written empty), each
 * quoted when csv_quote_needed. Returns 0, or -1 on an output error. */
int csv_write_row(FILE *out, const char *const *fields, size_t n, unsigned flags);

/* Writes the UTF-8 byte-order mark, by which Excel knows a CSV file for
 * UTF-8 when it opens it by double-click. Returns 0, or -1 on an output
 * error. */
int csv_write_bom(FILE *out);

/* True when csv_write_row with flags encloses s in quotes: s holds a
 * quote, CR, LF or the separator of flags, or begins with U+FEFF; or it
 * holds a separator of another dialect (',', ';', tab) and is not a number
 * (digits with at most one decimal point or comma: 3,5 in a ';' file). */
bool csv_quote_needed(const char *s, unsigned flags);

/* True when a spreadsheet could take s as a formula: after any leading
 * single or double quotes it begins with '=', '+', '-', '@', a tab or a
 * carriage return. The writer then puts one single quote before s, and also
 * wherever a spreadsheet could begin a field inside the cell: after each
 * ',', ';', tab, CR or LF in it, when what follows needs it by the same
 * rule. csv_unneutralise removes exactly those quotes again, so that
 * export and import are inverse for every string. */
bool csv_neutralise_needed(const char *s);

/* The cell as it was before neutralising, made in place in s (which it
 * returns): at the start of s and after each ',', ';', tab, CR or LF, one
 * single quote is removed when what follows it satisfies
 * csv_neutralise_needed. */
char *csv_unneutralise(char *s);

#endif
