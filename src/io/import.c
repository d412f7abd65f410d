/* The import driver: the header and its dialect, the rows, one
 * transaction. The checks of one row are in import_rows.c, those of the
 * whole file and the writing in import_write.c, those of single values in
 * core/validate.c. */
#include "io/import.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "core/validate.h"
#include "io/csv.h"
#include "io/import_int.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/strmap.h"
#include "util/utf8.h"

enum {
	PROGRESS_EVERY = 50000
};

struct kind_spec {
	const char *name;
	const char *const *columns;    /* canonical order */
	size_t ncolumns;
	unsigned required;             /* bit i: column i must be in the header */
};

static const char *const team_columns[] = { "key", "name", "parent" };
static const char *const people_columns[] = {
	"id", "name", "email", "team", "role", "manager", "active"
};
static const char *const competency_columns[] = {
	"key", "name", "category", "description", "developability"
};
static const char *const indicator_columns[] = { "competency", "level", "indicator" };
static const char *const role_columns[] = { "role", "competency", "required_level", "weight" };
static const char *const evidence_columns[] = {
	"person", "competency", "level", "source", "date", "assessor", "note"
};
static const char *const library_text_columns[] = {
	"kind", "key", "item", "lang", "field", "text"
};
static const char *const scorecard_columns[] = {
	"scorecard", "area", "competency", "weight", "min", "max", "critical"
};
static const char *const evaluation_columns[] = {
	"evaluation", "contact", "channel", "agent", "evaluator", "kind", "date", "area", "score",
	"comment", "scorecard"
};

static const char *const objective_columns[] = {
	"key", "team", "title", "start", "end", "owner", "parent", "checkin_interval"
};
static const char *const key_result_columns[] = {
	"objective", "key", "title", "type", "competency", "level", "target", "start_value", "unit",
	"weight"
};
static const char *const checkin_columns[] = { "key_result", "date", "value", "confidence", "note" };

#define SPEC(name, cols, req) { name, cols, sizeof cols / sizeof cols[0], req }
static const struct kind_spec kinds[IMPORT_KIND_COUNT] = {
	[IMPORT_TEAMS] = SPEC("teams", team_columns, 0x3),
	[IMPORT_PEOPLE] = SPEC("people", people_columns, 0x3),
	[IMPORT_COMPETENCIES] = SPEC("competencies", competency_columns, 0x3),
	[IMPORT_INDICATORS] = SPEC("indicators", indicator_columns, 0x7),
	[IMPORT_ROLES] = SPEC("roles", role_columns, 0x7),
	[IMPORT_EVIDENCE] = SPEC("evidence", evidence_columns, 0x1F),
	[IMPORT_LIBRARY_TEXTS] = SPEC("library-texts", library_text_columns, 0x3B),
	[IMPORT_SCORECARDS] = SPEC("scorecards", scorecard_columns, 0x3F),
	[IMPORT_EVALUATIONS] = SPEC("evaluations", evaluation_columns, 0x1FF),
	[IMPORT_OBJECTIVES] = SPEC("objectives", objective_columns, 0x0D),
	[IMPORT_KEY_RESULTS] = SPEC("key-results", key_result_columns, 0x4F),
	[IMPORT_CHECKINS] = SPEC("checkins", checkin_columns, 0x07),
};
#undef SPEC

int import_kind_parse(const char *name, enum import_kind *kind)
{
	for (int k = 0; k < IMPORT_KIND_COUNT; k++) {
		if (strcmp(name, kinds[k].name) == 0) {
			*kind = (enum import_kind)k;
			return 0;
		}
	}
	return -1;
}

const char *import_kind_name(enum import_kind kind)
{
	return kinds[kind].name;
}

const char *import_kind_list(void)
{
	return "teams, people, competencies, indicators, roles, evidence, library-texts,"
	       " scorecards, evaluations, objectives, key-results, checkins";
}

size_t import_columns(enum import_kind kind, const char *const **names)
{
	*names = kinds[kind].columns;
	return kinds[kind].ncolumns;
}

void import_problem(struct importer *im, long line, const char *column, const char *fmt, ...)
{
	char msg[MSG_MAX];
	va_list ap;

	/* A cell with invalid UTF-8 has been reported once; what more its
	 * bytes would cause is noise. */
	for (int col = 0; column != NULL && col < COLUMNS_MAX; col++)
		if ((im->row_bad >> col & 1) && strcmp(column, kinds[im->kind].columns[col]) == 0)
			return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->rep->errors++;
	if (im->rep->problem != NULL)
		im->rep->problem(im->rep->ctx, im->file, line, column, msg);
}

/* Takes a database or memory failure: the import stops. */
void import_fail(struct importer *im)
{
	im->failed = true;
}

const char *import_column_name(const struct importer *im, int col)
{
	return kinds[im->kind].columns[col];
}

static const char *sep_name(char sep)
{
	return sep == ',' ? "','" : sep == ';' ? "';'" : "tab";
}

/* True when text splits on sep into two or more columns of the kind. */
static bool splits_into_columns(const struct kind_spec *k, const char *text, char sep)
{
	size_t parts = 0;

	for (const char *p = text;; p++) {
		const char *end = strchr(p, sep);
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		bool known = false;

		for (size_t c = 0; c < k->ncolumns; c++)
			known |= strlen(k->columns[c]) == n && strncasecmp(p, k->columns[c], n) == 0;
		if (!known)
			return false;
		parts++;
		if (end == NULL)
			return parts > 1;
		p = end;
	}
}

/* Reports a header field that names no column, and says what separator
 * would have split it into columns when there is one. */
static void unknown_column(struct importer *im, long line, const char *name, const char *expected)
{
	static const char seps[] = { ',', ';', '\t' };
	const struct kind_spec *k = &kinds[im->kind];
	char hint[128] = "";

	for (size_t i = 0; i < sizeof seps; i++)
		if (seps[i] != im->sep && splits_into_columns(k, name, seps[i]))
			(void)snprintf(hint, sizeof hint, "; it would split into columns on %s: use one"
				       " separator for the whole file", sep_name(seps[i]));
	import_problem(im, line, NULL, "header: unknown column '%s' in %s (the separator found is %s);"
		" the columns are %s%s", name, k->name, sep_name(im->sep), expected, hint);
}

/* Reads the header and maps its columns; 0, or -1 when it is unusable.
 * Empty names at the end of the header are columns to ignore: a
 * spreadsheet writes them when cells right of the data were ever used. */
static int read_header(struct importer *im, struct csv_reader *r)
{
	const struct kind_spec *k = &kinds[im->kind];
	struct csv_error e;
	struct csv_row row;
	enum csv_status st = csv_read_row(r, &row, &e);
	char expected[256] = "";
	size_t known = 0, named;
	int bad = 0;

	for (size_t c = 0; c < k->ncolumns; c++) {
		(void)strncat(expected, k->columns[c], sizeof expected - strlen(expected) - 2);
		if (c + 1 < k->ncolumns)
			(void)strncat(expected, ",", sizeof expected - strlen(expected) - 1);
	}
	im->sep = csv_reader_separator(r);
	im->forms = im->sep == ',' ? 0 : PARSE_DECIMAL_COMMA | PARSE_DAY_FIRST;
	if (st == CSV_END) {
		import_problem(im, 0, NULL, "the file is empty; its first line must be the header %s", expected);
		return -1;
	}
	if (st != CSV_ROW) {
		import_problem(im, e.line, NULL, "header, field %zu: %s", e.field + 1, e.msg);
		return -1;
	}
	im->nheader = row.nfields;
	for (named = row.nfields; named > 0 && row.fields[named - 1][0] == '\0'; named--)
		im->map[named - 1] = -1;
	for (size_t i = 0; i < named; i++) {
		im->map[i] = -1;
		for (size_t c = 0; c < k->ncolumns; c++)
			if (strcasecmp(row.fields[i], k->columns[c]) == 0)
				im->map[i] = (int)c;
		known += im->map[i] >= 0;
	}
	if (known == 0) {
		/* Nothing matched: one message, not one per column. */
		const char *sep = im->sep == '\t' ? "\\t" : im->sep == ';' ? ";" : ",";
		char text[160] = "";

		if (named <= 1) {
			unknown_column(im, row.line, named ? row.fields[0] : "(empty)", expected);
			return -1;
		}
		for (size_t i = 0; i < named && strlen(text) + 4 < sizeof text; i++)
			(void)snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s",
				       i > 0 ? sep : "", row.fields[i]);
		import_problem(im, row.line, NULL, "header: no column of %s in '%s' (the separator found is %s);"
			" the columns are %s", k->name, text, sep_name(im->sep), expected);
		return -1;
	}
	for (size_t i = 0; i < named; i++) {
		int found = im->map[i];

		if (found < 0) {
			unknown_column(im, row.line, row.fields[i][0] ? row.fields[i] : "(empty)", expected);
			bad = 1;
		} else if (im->present[found]) {
			import_problem(im, row.line, k->columns[found], "column appears twice in the header");
			bad = 1;
		} else {
			im->present[found] = true;
		}
	}
	for (size_t c = 0; c < k->ncolumns; c++) {
		if ((k->required & (1u << c)) && !im->present[c]) {
			import_problem(im, row.line, k->columns[c],
				"required column is missing from the header (the separator found is %s);"
				" the columns are %s", sep_name(im->sep), expected);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

static int by_competency_then_line(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	int c = strcmp(x->u.indicator.competency, y->u.indicator.competency);

	if (c != 0)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

/* The column of field i of a row, or NULL. */
static const char *field_column(const struct importer *im, size_t i)
{
	return i < im->nheader && im->map[i] >= 0 ? import_column_name(im, im->map[i]) : NULL;
}

/* Reports the fields of row with invalid UTF-8 and marks their columns, so
 * that the row's other cells are still checked but these are not again. */
static void bad_fields(struct importer *im, const struct csv_row *row)
{
	unsigned bad = 0;

	for (size_t i = 0; i < row->nbad; i++) {
		size_t f = row->bad[i].field;

		import_problem(im, row->bad[i].line, field_column(im, f), "%s", row->bad[i].msg);
		if (field_column(im, f) != NULL)
			bad |= 1u << im->map[f];
	}
	im->row_bad = bad | (row->nbad > 0 ? ROW_BAD : 0);
}

/* Hands a row to the check of its kind. */
static void check_row(struct importer *im, const struct cells *c)
{
	switch (im->kind) {
	case IMPORT_TEAMS: import_team_row(im, c); break;
	case IMPORT_PEOPLE: import_person_row(im, c); break;
	case IMPORT_COMPETENCIES: import_competency_row(im, c); break;
	case IMPORT_INDICATORS: import_indicator_row(im, c); break;
	case IMPORT_ROLES: import_role_row(im, c); break;
	case IMPORT_EVIDENCE: import_evidence_row(im, c); break;
	case IMPORT_LIBRARY_TEXTS: import_library_text_row(im, c); break;
	case IMPORT_SCORECARDS: import_scorecard_row(im, c); break;
	case IMPORT_EVALUATIONS: import_evaluation_row(im, c); break;
	case IMPORT_OBJECTIVES: import_objective_row(im, c); break;
	case IMPORT_KEY_RESULTS: import_key_result_row(im, c); break;
	case IMPORT_CHECKINS: import_checkin_row(im, c); break;
	case IMPORT_KIND_COUNT: break;
	}
}

static void read_rows(struct importer *im, struct csv_reader *r)
{
	struct csv_error e;
	struct csv_row row;
	enum csv_status st;
	long seen = 0;

	while (!im->failed && (st = csv_read_row(r, &row, &e)) != CSV_END) {
		struct cells c = { .line = row.line };
		bool ok = true;

		im->row_bad = 0;
		if (im->rep->errors >= IMPORT_PROBLEMS_MAX) {
			im->stopped_at = st == CSV_FATAL ? e.line : row.line;
			break;
		}
		if (st == CSV_FATAL) {
			import_problem(im, e.line, field_column(im, e.field), "%s", e.msg);
			break;
		}
		if (im->rep->progress != NULL && ++seen % PROGRESS_EVERY == 0)
			im->rep->progress(im->rep->ctx, seen);
		if (st == CSV_BAD && row.nfields == 0) {
			import_problem(im, e.line, field_column(im, e.field), "%s", e.msg);
			continue;
		}
		bad_fields(im, &row);
		if (row.nfields != im->nheader) {
			import_problem(im, row.line, NULL, "%s: the row has %zu fields but the header has %zu",
				row.nfields > im->nheader ? "too many fields" : "too few fields",
				row.nfields, im->nheader);
			continue;
		}
		for (size_t i = 0; i < row.nfields; i++) {
			if (im->map[i] >= 0) {
				c.v[im->map[i]] = csv_unneutralise(row.fields[i]);
			} else if (row.fields[i][0] != '\0') {
				import_problem(im, row.line, NULL, "field %zu has a value but its column has no"
					" name in the header; name the column or empty the field", i + 1);
				ok = false;
			}
		}
		if (!ok)
			continue;
		check_row(im, &c);
	}
	if (im->rep->progress != NULL && seen >= PROGRESS_EVERY)
		im->rep->progress(im->rep->ctx, -1);
}

/* Sets up an import of kind named name (and logs it); 0, or -1 with err
 * set. import_end frees it whatever happened. */
static int import_begin(struct importer *im, struct store *st, enum import_kind kind,
			const char *name, const struct import_options *opts,
			struct import_report *report, struct err *err)
{
	report->errors = 0;
	report->rows = 0;
	im->st = st;
	im->kind = kind;
	im->file = name;
	if (opts != NULL)
		im->opt = *opts;
	im->today = date_today();
	im->future_days = (int32_t)store_settings(st)->future_days;
	im->rep = report;
	im->err = err;
	arena_init(&im->arena, ARENA_MAX);
	arena_init(&im->batch_arena, ARENA_MAX);
	strmap_init(&im->seen);
	if (store_log_import(st, kinds[kind].name, name, err) < 0)
		return -1;
	if (kind == IMPORT_OBJECTIVES || kind == IMPORT_KEY_RESULTS || kind == IMPORT_CHECKINS)
		return import_okr_begin(im);
	return kind == IMPORT_EVALUATIONS ? import_qa_begin(im) : 0;
}

/* Stores what was read when all of it was good, and gives the verdict. */
static int import_end(struct importer *im)
{
	struct import_report *report = im->rep;
	const char *name = im->file;
	struct err *err = im->err;
	int rc = -1;

	if (im->kind == IMPORT_EVIDENCE)
		import_flush_evidence(im);
	else if (im->kind == IMPORT_EVALUATIONS && !im->failed)
		import_write_evaluations(im);    /* the checks of the whole file too */
	else if (im->kind == IMPORT_SCORECARDS && !im->failed && report->errors == 0)
		import_write_scorecards(im);
	else if ((im->kind == IMPORT_OBJECTIVES || im->kind == IMPORT_KEY_RESULTS ||
		  im->kind == IMPORT_CHECKINS) && !im->failed)
		import_write_okr(im);    /* the objectives' parents checked too */
	else if (!im->failed && report->errors == 0) {
		if (im->kind == IMPORT_INDICATORS && im->nrows > 1)
			qsort(im->rows, im->nrows, sizeof *im->rows, by_competency_then_line);
		import_write_pending(im);
	}
	if (im->failed)
		goto out;
	if (report->errors > 0 && im->stopped_at > 0) {
		err_set(err, EX_DATAERR, "%s: %ld problems found, when reading stopped at line %ld; is"
			" this the right file, and a CSV file of %s? Nothing was imported", name,
			report->errors, im->stopped_at, kinds[im->kind].name);
		goto out;
	}
	if (report->errors > 0) {
		err_set(err, EX_DATAERR, "%s: %ld problem%s found; nothing was imported", name,
			report->errors, report->errors == 1 ? "" : "s");
		goto out;
	}
	if (store_log_import_rows(im->st, report->rows, err) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		report->rows = 0;
	return rc;
}

static void import_free(struct importer *im)
{
	if (im == NULL)
		return;
	arena_free(&im->arena);
	arena_free(&im->batch_arena);
	strmap_free(&im->seen);
	free(im->rows);
	import_qa_free(im);
	import_okr_free(im);
	free(im);
}

int import_csv_in(struct store *st, enum import_kind kind, FILE *in, const char *name,
		  const struct import_options *opts, struct import_report *report,
		  struct err *err)
{
	struct importer *im = calloc(1, sizeof *im);
	struct csv_reader *r = csv_reader_new(in, 0, 0);
	int rc = -1;

	report->errors = 0;
	report->rows = 0;
	if (im == NULL || r == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	csv_reader_set_separator(r, 0);
	if (import_begin(im, st, kind, name, opts, report, err) < 0)
		goto out;
	if (read_header(im, r) == 0)
		read_rows(im, r);
	rc = import_end(im);
out:
	import_free(im);
	csv_reader_free(r);
	return rc;
}

/* Checks one row given as values and hands it to the kind's row check:
 * a row of the file, without the file. */
static void value_row(struct importer *im, const char *const *values, long line)
{
	const struct kind_spec *k = &kinds[im->kind];
	struct cells c = { .line = line };

	im->row_bad = 0;
	for (size_t col = 0; col < k->ncolumns; col++) {
		const char *v = values[col];

		if (v != NULL && utf8_invalid_at(v, strlen(v)) != strlen(v)) {
			import_problem(im, line, k->columns[col], "the value is not valid UTF-8");
			im->row_bad |= 1u << col | ROW_BAD;
		} else if (v == NULL && (k->required & (1u << col))) {
			import_problem(im, line, k->columns[col], "%s is required", k->columns[col]);
			return;
		}
		c.v[col] = v;
	}
	if (im->row_bad != 0)
		return;
	check_row(im, &c);
}

int import_values_in(struct store *st, enum import_kind kind, const char *const *values,
		     size_t nrows, const char *name, const struct import_options *opts,
		     struct import_report *report, struct err *err)
{
	struct importer *im = calloc(1, sizeof *im);
	int rc = -1;

	report->errors = 0;
	report->rows = 0;
	if (im == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	if (import_begin(im, st, kind, name, opts, report, err) < 0)
		goto out;
	for (size_t i = 0; i < nrows && !im->failed; i++)
		value_row(im, values + i * kinds[kind].ncolumns, (long)i + 1);
	rc = import_end(im);
out:
	import_free(im);
	return rc;
}

struct import_job {
	enum import_kind kind;
	FILE *in;
	const char *name;
	const struct import_options *opts;
	struct import_report *report;
};

/* One attempt at the import; a retry reads the file again from the
 * start, which only a file (not a pipe) allows. */
static int import_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct import_job *j = ctx;

	if (attempt > 0) {
		if (fseek(j->in, 0, SEEK_SET) != 0) {
			char first[ERR_MSG_MAX];

			(void)snprintf(first, sizeof first, "%s", err->msg);
			return err_set(err, EX_TEMPFAIL, "%s; %s cannot be read again to retry: run the"
				       " import again", first, j->name);
		}
		j->report->errors = 0;
		j->report->rows = 0;
	}
	return import_csv_in(st, j->kind, j->in, j->name, j->opts, j->report, err);
}

int import_csv(struct store *st, enum import_kind kind, FILE *in, const char *name,
	       const struct import_options *opts, struct import_report *report,
	       struct err *err)
{
	struct import_job j = { kind, in, name, opts, report };

	return store_transact(st, import_attempt, &j, err);
}
