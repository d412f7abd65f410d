#include "util/array.h"
#include "io/csv.h"

#include <stdlib.h>
#include <string.h>

#include "util/buf.h"
#include "util/utf8.h"

enum {
	CSV_READ_CHUNK = 64 * 1024
};

struct csv_reader {
	FILE *in;                        /* not owned */
	unsigned char chunk[CSV_READ_CHUNK];
	size_t pos, len;                 /* unread bytes are chunk[pos..len) */
	bool at_eof;                     /* in has no more bytes */
	bool started;                    /* the byte-order mark was looked for */
	bool stopped;                    /* a fatal error ended the reading */
	char sep;                        /* the separator; 0 until detected */
	bool quoted;                     /* the record had a quoted field */
	bool nul;                        /* the record had a NUL byte */
	long line;                       /* current physical line, 1-based */
	size_t raw;                      /* bytes of input in the record */
	struct buf data;                 /* the record's fields, NUL-separated */
	size_t *starts;                  /* offset of each field in data */
	size_t *lens;                    /* length of each field */
	char **fields;                   /* pointers into data, set at the end */
	size_t nfields, cap_fields;
	struct csv_error *bad;           /* fields with invalid UTF-8 */
	size_t nbad, cap_bad;
	size_t max_field, max_fields, max_record;
	size_t max_raw;                  /* cap on raw: quotes may double a field */
};

struct csv_reader *csv_reader_new(FILE *in, size_t max_field, size_t max_fields)
{
	struct csv_reader *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	r->in = in;
	r->line = 1;
	r->sep = ',';
	r->max_field = max_field ? max_field : CSV_FIELD_MAX;
	r->max_fields = max_fields ? max_fields : CSV_FIELDS_MAX;
	/* Room for every field at its cap plus the separators, within the
	 * cap on a whole record. */
	r->max_record = (r->max_field + 1) * r->max_fields;
	if (r->max_record > CSV_RECORD_MAX)
		r->max_record = CSV_RECORD_MAX;
	/* Every field quoted, every byte a doubled quote, and CRLF. */
	r->max_raw = 2 * r->max_record + 2 * r->max_fields + 2;
	buf_init(&r->data, r->max_record);
	return r;
}

void csv_reader_free(struct csv_reader *r)
{
	if (r == NULL)
		return;
	buf_free(&r->data);
	free(r->starts);
	free(r->lens);
	free(r->fields);
	free(r->bad);
	free(r);
}

void csv_reader_set_separator(struct csv_reader *r, char sep)
{
	r->sep = sep == 0 || sep == ';' || sep == '\t' ? sep : ',';
}

char csv_reader_separator(const struct csv_reader *r)
{
	return r->sep != 0 ? r->sep : ',';
}

/* The next byte, or -1 at the end of input, or -2 on a read error. */
static int peek(struct csv_reader *r)
{
	if (r->pos == r->len) {
		/* A read error stays an error on every later call, so that it
		 * can never pass for the end of the input. */
		if (r->at_eof)
			return ferror(r->in) ? -2 : -1;
		r->len = fread(r->chunk, 1, sizeof r->chunk, r->in);
		r->pos = 0;
		if (r->len == 0) {
			r->at_eof = true;
			return ferror(r->in) ? -2 : -1;
		}
	}
	return r->chunk[r->pos];
}

static int next(struct csv_reader *r)
{
	int c = peek(r);

	if (c >= 0)
		r->pos++;
	return c;
}

static void set_error(struct csv_error *e, long line, size_t field, const char *msg)
{
	if (e->msg[0] != '\0')
		return;   /* the first error in a record is the one reported */
	e->line = line;
	e->field = field;
	(void)snprintf(e->msg, sizeof e->msg, "%s", msg);
}

/* Replaces any earlier error of the record with a fatal one. */
static void set_fatal(struct csv_error *e, long line, size_t field, const char *msg)
{
	e->msg[0] = '\0';
	set_error(e, line, field, msg);
}

static int begin_field(struct csv_reader *r)
{
	if (r->nfields == r->cap_fields) {
		size_t cap_lens = r->cap_fields;

		if (array_reserve(&r->lens, &cap_lens, r->nfields + 1, sizeof *r->lens) < 0 ||
		    array_reserve(&r->starts, &r->cap_fields, r->nfields + 1, sizeof *r->starts) < 0)
			return -1;
	}
	r->starts[r->nfields] = r->data.len;
	r->lens[r->nfields] = 0;
	r->nfields++;
	return 0;
}

/* Ends the reading at a record over its cap: the record cannot be read
 * whole, and an input without line ends would otherwise be read for ever. */
static void record_too_long(struct csv_reader *r, struct csv_error *e, size_t field)
{
	char msg[CSV_MSG_MAX];

	(void)snprintf(msg, sizeof msg, "record is longer than %zu bytes; the file is read no further",
		       r->max_record);
	set_fatal(e, r->line, field, msg);
}

/* Appends a byte to the current field; -1 (fatal, e set) when the field or
 * the record is over its cap. */
static int add_byte(struct csv_reader *r, int c, struct csv_error *e)
{
	size_t f = r->nfields - 1;

	if (r->lens[f] >= r->max_field) {
		char msg[CSV_MSG_MAX];

		(void)snprintf(msg, sizeof msg, "field is longer than %zu bytes%s; the file is read no further",
			       r->max_field,
			       r->nul ? " and holds NUL bytes (is this a text file?)"
				      : " (a line end or closing quote missing?)");
		set_fatal(e, r->line, f, msg);
		return -1;
	}
	if (buf_addc(&r->data, (char)c) < 0) {
		record_too_long(r, e, f);
		return -1;
	}
	r->lens[f]++;
	return 0;
}

/* Ends the current field: -1 (fatal) when the record is over its cap.
 * Invalid UTF-8 is listed in r->bad, not in e, since the record may still
 * be used. */
static int end_field(struct csv_reader *r, struct csv_error *e)
{
	size_t f = r->nfields - 1;
	const char *s;
	size_t bad;
	struct csv_error *b;

	if (buf_addc(&r->data, '\0') < 0) {
		record_too_long(r, e, f);
		return -1;
	}
	s = r->data.data + r->starts[f];
	bad = utf8_invalid_at(s, r->lens[f]);
	if (bad == r->lens[f])
		return 0;
	if (array_reserve(&r->bad, &r->cap_bad, r->nbad + 1, sizeof *r->bad) < 0) {
		set_fatal(e, r->line, f, "out of memory");
		return -1;
	}
	b = &r->bad[r->nbad++];
	b->line = r->line;
	b->field = f;
	/* The field may span lines: name the line of the bad byte. */
	for (size_t i = bad; i < r->lens[f]; i++)
		b->line -= s[i] == '\n';
	(void)snprintf(b->msg, sizeof b->msg,
		       "invalid UTF-8 (byte 0x%02X at offset %zu of the field); save the file as UTF-8",
		       (unsigned char)s[bad], bad + 1);
	return 0;
}

static void skip_bom(struct csv_reader *r)
{
	r->started = true;
	if (peek(r) != 0xEF)
		return;
	/* The chunk holds at least three bytes unless the file is shorter. */
	if (r->len - r->pos >= 3 && r->chunk[r->pos + 1] == 0xBB && r->chunk[r->pos + 2] == 0xBF)
		r->pos += 3;
}

/* Takes the separator from the first line that is not blank, as far as
 * the chunk holds it (a header is far shorter than a chunk). See
 * csv_reader_set_separator. */
static void detect_separator(struct csv_reader *r)
{
	static const char candidates[] = { ',', ';', '\t' };
	size_t count[3] = { 0, 0, 0 }, best = 0;
	bool quoted = false, content = false;

	if (peek(r) < 0) {
		r->sep = ',';
		return;
	}
	for (size_t i = r->pos; i < r->len; i++) {
		unsigned char c = r->chunk[i];

		if (c == '"')
			quoted = !quoted;   /* a doubled quote toggles twice */
		if (quoted || c == '"') {
			content = true;
			continue;
		}
		if (c == '\n') {
			if (content)
				break;
			memset(count, 0, sizeof count);   /* a blank line: skipped */
			continue;
		}
		content |= c != ' ' && c != '\r' && c != ',' && c != ';' && c != '\t';
		for (size_t k = 0; k < 3; k++)
			count[k] += c == (unsigned char)candidates[k];
	}
	for (size_t k = 1; k < 3; k++)
		if (count[k] > count[best])
			best = k;
	r->sep = candidates[best];
}

/* A record without quotes whose fields hold only spaces and tabs: the
 * rows of bare separators that spreadsheets leave below the data. */
static bool blank_record(const struct csv_reader *r)
{
	if (r->quoted)
		return false;
	for (size_t i = 0; i < r->nfields; i++) {
		const char *s = r->data.data + r->starts[i];

		for (size_t j = 0; j < r->lens[i]; j++)
			if (s[j] != ' ' && s[j] != '\t')
				return false;
	}
	return true;
}

/* Reads one physical record. Returns CSV_ROW (possibly with an error in e
 * or fields in r->bad), CSV_END, or CSV_FATAL. */
static enum csv_status read_record(struct csv_reader *r, struct csv_error *e)
{
	enum { FIELD_START, UNQUOTED, QUOTED, AFTER_QUOTE } state = FIELD_START;
	long quote_line = 0;
	int c;

	r->nfields = 0;
	r->nbad = 0;
	r->raw = 0;
	r->quoted = false;
	r->nul = false;
	buf_reset(&r->data);
	c = peek(r);
	if (c == -1)
		return CSV_END;
	if (c == -2) {
		set_error(e, r->line, 0, "read error");
		return CSV_FATAL;
	}
	for (;;) {
		c = next(r);
		if (c == -2) {
			set_fatal(e, r->line, r->nfields ? r->nfields - 1 : 0, "read error");
			return CSV_FATAL;
		}
		/* Separators alone never grow a field: bound the record too. */
		if (c >= 0 && ++r->raw > r->max_raw) {
			record_too_long(r, e, r->nfields ? r->nfields - 1 : 0);
			return CSV_FATAL;
		}
		if (state == FIELD_START) {
			if (r->nfields == r->max_fields) {
				char msg[CSV_MSG_MAX];

				(void)snprintf(msg, sizeof msg, "more than %zu fields in one record",
					       r->max_fields);
				set_error(e, r->line, r->nfields - 1, msg);
				/* Keep reading into the last field to find the record's end. */
				r->nfields--;
				r->data.len = r->starts[r->nfields];
			}
			if (begin_field(r) < 0) {
				set_fatal(e, r->line, 0, "out of memory");
				return CSV_FATAL;
			}
			if (c == '"') {
				state = QUOTED;
				r->quoted = true;
				quote_line = r->line;
				continue;
			}
			state = UNQUOTED;
		}
		if (c == 0) {
			set_error(e, r->line, r->nfields - 1, "NUL byte in the data; is this a text file?");
			r->nul = true;
			/* Kept, so that a stream of NUL bytes meets the field cap. */
			if (add_byte(r, c, e) < 0)
				return CSV_FATAL;
			continue;
		}
		if (state == QUOTED) {
			if (c == -1) {
				char msg[CSV_MSG_MAX];

				(void)snprintf(msg, sizeof msg,
					       "quoted field opened on line %ld is never closed; add the closing quote",
					       quote_line);
				set_fatal(e, quote_line, r->nfields - 1, msg);
				return CSV_FATAL;
			}
			if (c == '"') {
				if (peek(r) != '"') {
					state = AFTER_QUOTE;
					continue;
				}
				(void)next(r);
			}
			if (c == '\n')
				r->line++;
			if (add_byte(r, c, e) < 0)
				return CSV_FATAL;
			continue;
		}
		/* UNQUOTED or AFTER_QUOTE: separators end the field. */
		if (c == r->sep || c == '\n' || c == -1 || c == '\r') {
			if (c == '\r') {
				if (peek(r) != '\n') {
					set_error(e, r->line, r->nfields - 1,
						  "carriage return not followed by a line feed; use CRLF or LF line ends");
					if (add_byte(r, c, e) < 0)
						return CSV_FATAL;
					continue;
				}
				(void)next(r);
				c = '\n';
			}
			if (end_field(r, e) < 0)
				return CSV_FATAL;
			if (c == r->sep) {
				state = FIELD_START;
				continue;
			}
			if (c == '\n')
				r->line++;
			return CSV_ROW;
		}
		if (state == AFTER_QUOTE) {
			set_error(e, r->line, r->nfields - 1,
				  "text after the closing quote; a quote inside a quoted field is written twice (\"\")");
		} else if (c == '"') {
			set_error(e, r->line, r->nfields - 1,
				  "quote inside an unquoted field; enclose the field in quotes and double the quote (\"\")");
		}
		if (add_byte(r, c, e) < 0)
			return CSV_FATAL;
	}
}

enum csv_status csv_read_row(struct csv_reader *r, struct csv_row *row,
			     struct csv_error *error)
{
	enum csv_status st;
	long start;

	row->nfields = 0;
	row->nbad = 0;
	row->bad = NULL;
	if (r->stopped)
		return CSV_END;
	if (!r->started)
		skip_bom(r);
	if (r->sep == 0)
		detect_separator(r);
	for (;;) {
		error->msg[0] = '\0';
		start = r->line;
		st = read_record(r, error);
		r->stopped = st == CSV_FATAL;
		if (st != CSV_ROW)
			return st;
		/* A blank line is no record; a line holding "" is one. */
		if (error->msg[0] == '\0' && r->nbad == 0 && blank_record(r))
			continue;
		break;
	}
	row->line = start;
	if (error->msg[0] != '\0') {
		/* The record cannot be split; report what comes first in it. */
		if (r->nbad > 0 && (r->bad[0].line < error->line ||
				    (r->bad[0].line == error->line && r->bad[0].field < error->field)))
			*error = r->bad[0];
		return CSV_BAD;
	}
	{
		char **f = realloc(r->fields, r->nfields * sizeof *f);

		if (f == NULL) {
			set_error(error, start, 0, "out of memory");
			r->stopped = true;
			return CSV_FATAL;
		}
		r->fields = f;
	}
	for (size_t i = 0; i < r->nfields; i++)
		r->fields[i] = r->data.data + r->starts[i];
	row->fields = r->fields;
	row->lens = r->lens;
	row->nfields = r->nfields;
	if (r->nbad > 0) {
		row->bad = r->bad;
		row->nbad = r->nbad;
		*error = r->bad[0];
		return CSV_BAD;
	}
	return CSV_ROW;
}

static bool is_trigger(char c)
{
	return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

bool csv_neutralise_needed(const char *s)
{
	/* Double quotes too: a spreadsheet that splits on another separator
	 * may open a quoted field at one, and read on from after it. */
	while (*s == '\'' || *s == '"')
		s++;
	return is_trigger(*s);
}

/* A spreadsheet that splits a file on another separator than the file's
 * own, or at a line break inside a quoted cell, begins a field after any
 * of these. */
static bool is_field_break(char c)
{
	return c == ',' || c == ';' || c == '\t' || c == '\r' || c == '\n';
}

char *csv_unneutralise(char *s)
{
	char *w = s;
	bool field_start = true;

	for (const char *r = s; *r != '\0'; r++) {
		if (field_start && *r == '\'' && csv_neutralise_needed(r + 1)) {
			field_start = false;    /* the one quote the writer added */
			continue;
		}
		field_start = is_field_break(*r);
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

static char separator(unsigned flags)
{
	return flags & CSV_WRITE_SEMICOLON ? ';' : flags & CSV_WRITE_TAB ? '\t' : ',';
}

bool csv_quote_needed(const char *s, unsigned flags)
{
	/* A cell beginning with U+FEFF is quoted, or the first cell of a file
	 * would read back as a byte-order mark. */
	if (strpbrk(s, "\"\r\n") != NULL || strchr(s, separator(flags)) != NULL ||
	    strncmp(s, "\xEF\xBB\xBF", 3) == 0)
		return true;
	/* The separators of the other dialects too, so that a spreadsheet
	 * that splits on another separator than this file's keeps the cell
	 * whole where a field begins with it, rather than making a formula of
	 * "=1+1" in "ok;=1+1" (docs/csv-formats.md). A number with a decimal
	 * comma ("3,5") is quoted as well: spreadsheets read a quoted number
	 * as a number. */
	return strpbrk(s, ",;\t") != NULL;
}

static int put(FILE *out, char c)
{
	return fputc(c, out) == EOF ? -1 : 0;
}

static int write_field(FILE *out, const char *s, unsigned flags)
{
	bool quote = csv_quote_needed(s, flags);
	bool guard = (flags & CSV_WRITE_NEUTRALISE) != 0;
	bool field_start = true;

	/* A cell left unquoted holds no field break: only its beginning
	 * needs the guard. */
	if (!quote) {
		if (guard && csv_neutralise_needed(s) && put(out, '\'') < 0)
			return -1;
		return fputs(s, out) == EOF ? -1 : 0;
	}
	if (put(out, '"') < 0)
		return -1;
	/* Guarded wherever a spreadsheet could begin a field, not only at
	 * the cell's start: split on another separator, "ok;=1+1;" would
	 * otherwise yield a cell "=1+1" (docs/csv-formats.md). */
	for (;; s++) {
		if (field_start && guard && csv_neutralise_needed(s) && put(out, '\'') < 0)
			return -1;
		if (*s == '\0')
			break;
		field_start = is_field_break(*s);
		if ((*s == '"' && put(out, '"') < 0) || put(out, *s) < 0)
			return -1;
	}
	return put(out, '"');
}

int csv_write_row(FILE *out, const char *const *fields, size_t n, unsigned flags)
{
	char sep = separator(flags);

	for (size_t i = 0; i < n; i++) {
		if (i > 0 && fputc(sep, out) == EOF)
			return -1;
		if (write_field(out, fields[i] != NULL ? fields[i] : "", flags) < 0)
			return -1;
	}
	if (fputs(flags & CSV_WRITE_CRLF ? "\r\n" : "\n", out) == EOF)
		return -1;
	return 0;
}

int csv_write_bom(FILE *out)
{
	return fputs("\xEF\xBB\xBF", out) == EOF ? -1 : 0;
}
