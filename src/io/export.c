#include "io/export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/csv.h"
#include "store/okr.h"
#include "store/quality.h"
#include "store/texts.h"
#include "util/date.h"

/* The state of export_rows while the store calls back. */
struct exporter {
	const struct export_sink *sink;   /* where the rows go */
	struct err *err;     /* the sink's message when it fails */
	bool with_active;    /* people: write the active column */
	int64_t *derived;    /* evidence: the ids of rows that evaluations
				produced (ascending), left out */
	size_t nderived;
};

static struct export_cell text_cell(const char *s)
{
	return (struct export_cell){ .type = EXPORT_TEXT, .text = s };
}

static struct export_cell int_cell(int v)
{
	return (struct export_cell){ .type = EXPORT_INT, .number = v };
}

/* Store callbacks return 1 when the sink failed (its message is in err),
 * which store_each_* hands back unchanged and cannot be confused with the
 * store's own -1. */
static int emit(struct exporter *x, const struct export_cell *cells, size_t n)
{
	return x->sink->row(x->sink->ctx, cells, n, x->err) < 0 ? 1 : 0;
}

static int team_row(void *ctx, const struct team *t)
{
	const struct export_cell cells[] = { text_cell(t->key), text_cell(t->name),
					     text_cell(t->parent) };

	return emit(ctx, cells, 3);
}

static int person_row(void *ctx, const struct person *p)
{
	struct exporter *x = ctx;
	const struct export_cell cells[] = {
		text_cell(p->key), text_cell(p->name), text_cell(p->email), text_cell(p->team),
		text_cell(p->role), text_cell(p->manager), int_cell(p->active ? 1 : 0)
	};

	return emit(x, cells, x->with_active ? 7 : 6);
}

static int find_inactive(void *ctx, const struct person *p)
{
	if (!p->active)
		*(bool *)ctx = true;
	return p->active ? 0 : 1;
}

static int competency_row(void *ctx, const struct competency *c)
{
	const struct export_cell cells[] = {
		text_cell(c->key), text_cell(c->name), text_cell(c->category),
		text_cell(c->description), text_cell(developability_name(c->developability))
	};

	return emit(ctx, cells, 5);
}

static int indicator_row(void *ctx, const struct indicator *i)
{
	/* Level 0 marks a behavioural indicator, which has no level. */
	const struct export_cell cells[] = {
		text_cell(i->competency), i->level > 0 ? int_cell(i->level) : text_cell(NULL),
		text_cell(i->text)
	};

	return emit(ctx, cells, 3);
}

static int requirement_row(void *ctx, const struct requirement *r)
{
	const struct export_cell cells[] = {
		text_cell(r->role), text_cell(r->competency), int_cell(r->required_level),
		int_cell(r->weight)
	};

	return emit(ctx, cells, 4);
}

static bool derived(const struct exporter *x, int64_t id)
{
	size_t lo = 0, hi = x->nderived;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (x->derived[mid] == id)
			return true;
		if (x->derived[mid] < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

static int evidence_row(void *ctx, const struct evidence *e)
{
	const struct export_cell cells[] = {
		text_cell(e->person), text_cell(e->competency),
		{ .type = EXPORT_DECIMAL, .number = e->level, .decimals = e->level_decimals },
		text_cell(source_name(e->source)),
		{ .type = EXPORT_DATE, .date = e->date },
		text_cell(e->assessor), text_cell(e->note)
	};

	/* An evaluation's rows go with it (evaluations.csv): importing both
	 * files must not count them twice. */
	if (derived(ctx, e->id))
		return 0;
	return emit(ctx, cells, 7);
}

/* A number with the fewest decimals (0..6) that give it back, as a cell:
 * scores and scales are read with at most 6 (parse_number_as). */
static struct export_cell number_cell(double v)
{
	char text[64];
	int d = 0;

	for (; d < LEVEL_DECIMALS_MAX; d++) {
		(void)snprintf(text, sizeof text, "%.*f", d, v);
		if (strtod(text, NULL) == v)
			break;
	}
	return (struct export_cell){ .type = EXPORT_DECIMAL, .number = v, .decimals = d };
}

static int scorecard_row(void *ctx, const struct scorecard_def *card,
			 const struct scorecard_area_def *a)
{
	const struct export_cell cells[] = {
		text_cell(card->name), text_cell(a->name), text_cell(a->competency),
		number_cell(a->a.weight), number_cell(a->a.min), number_cell(a->a.max),
		int_cell(a->a.critical ? 1 : 0)
	};

	return emit(ctx, cells, 7);
}

/* A row of store_each_evaluation_row: the columns of evaluations.csv as
 * text, the date as days and the score as a number. */
static int evaluation_row(void *ctx, const char *const *c, int n)
{
	struct export_cell cells[11];

	if (n < 11)
		return 0;
	for (int i = 0; i < 11; i++)
		cells[i] = text_cell(c[i]);
	cells[6] = (struct export_cell){ .type = EXPORT_DATE,
					 .date = (int32_t)strtol(c[6] != NULL ? c[6] : "0", NULL, 10) };
	cells[8] = number_cell(strtod(c[8] != NULL ? c[8] : "0", NULL));
	return emit(ctx, cells, 11);
}

static int library_text_row(void *ctx, const struct library_text *t)
{
	/* Item 0 (a competency's or a role's text) is an empty cell. */
	const struct export_cell cells[] = {
		text_cell(library_kind_name(t->kind)), text_cell(t->key),
		t->item > 0 ? int_cell(t->item) : text_cell(NULL), text_cell(t->lang),
		text_cell(library_field_name(t->field)), text_cell(t->text)
	};

	return emit(ctx, cells, 6);
}

/* The competencies' texts (their own, then their indicators'), then the
 * roles'. */
static int each_library_text(struct store *st, struct exporter *x, struct err *err)
{
	int rc = store_each_library_text(st, ENTITY_COMPETENCY, NULL, library_text_row, x, err);

	return rc != 0 ? rc : store_each_library_text(st, ENTITY_ROLE, NULL, library_text_row, x,
						      err);
}

static struct export_cell date_cell(int32_t day)
{
	return (struct export_cell){ .type = EXPORT_DATE, .date = day };
}

/* objectives.csv, key_results.csv or checkins.csv from the board of every
 * objective: objectives by start date and key, each one's key results in
 * the order they were stored, check-ins by key result and date. Periods
 * are written as dates, which the import reads as they are. */
static int each_okr(struct store *st, enum import_kind kind, struct exporter *x,
		    struct err *err)
{
	struct okr_query all = { .scope = OKR_ALL };
	struct okr_board b;
	struct arena a;
	int rc;

	arena_init(&a, (size_t)1 << 32);
	rc = store_okr_board(st, &all, &a, &b, err);
	for (size_t i = 0; rc == 0 && kind == IMPORT_OBJECTIVES && i < b.nobjectives; i++) {
		const struct objective *o = &b.objectives[i];
		const struct export_cell cells[] = {
			text_cell(o->key), text_cell(o->team), text_cell(o->title), date_cell(o->start),
			date_cell(o->end), text_cell(o->owner), text_cell(o->parent),
			text_cell(okr_interval_name(o->interval))
		};

		rc = emit(x, cells, 8);
	}
	for (size_t i = 0; rc == 0 && kind == IMPORT_KEY_RESULTS && i < b.nkrs; i++) {
		const struct key_result *k = &b.krs[i];
		const struct export_cell cells[] = {
			text_cell(k->objective), text_cell(k->key), text_cell(k->title),
			text_cell(okr_type_name(k->type)), text_cell(k->competency),
			k->type == OKR_COMPETENCY ? int_cell(k->level) : text_cell(NULL),
			number_cell(k->target),
			k->has_start_value ? number_cell(k->start_value) : text_cell(NULL),
			text_cell(k->unit), number_cell(k->weight)
		};

		rc = emit(x, cells, 10);
	}
	for (size_t i = 0; rc == 0 && kind == IMPORT_CHECKINS && i < b.ncheckins; i++) {
		const struct checkin *c = &b.checkins[i];
		const struct export_cell cells[] = {
			text_cell(c->key_result), date_cell(c->date), number_cell(c->value),
			c->has_confidence ? number_cell(c->confidence) : text_cell(NULL),
			text_cell(c->note)
		};

		rc = emit(x, cells, 5);
	}
	arena_free(&a);
	return rc;
}

int export_rows(struct store *st, enum import_kind kind, const struct export_sink *sink,
		struct err *err)
{
	int rc;

	if (store_begin_read(st, err) < 0)
		return -1;
	rc = export_rows_in(st, kind, sink, err);
	store_rollback(st);
	return rc;
}

int export_rows_in(struct store *st, enum import_kind kind, const struct export_sink *sink,
		   struct err *err)
{
	struct exporter x = { .sink = sink, .err = err };
	const char *const *columns;
	size_t ncolumns = import_columns(kind, &columns);
	int rc;

	if (kind == IMPORT_PEOPLE) {
		/* The optional active column appears only when someone is
		 * inactive, so that a file without it round-trips as it was. */
		rc = store_each_person(st, NULL, find_inactive, &x.with_active, err);
		if (rc < 0)
			goto out;
		if (!x.with_active)
			ncolumns--;
	}
	rc = sink->header(sink->ctx, columns, ncolumns, err);
	if (rc < 0)
		goto out;
	switch (kind) {
	case IMPORT_TEAMS: rc = store_each_team(st, NULL, team_row, &x, err); break;
	case IMPORT_PEOPLE: rc = store_each_person(st, NULL, person_row, &x, err); break;
	case IMPORT_COMPETENCIES: rc = store_each_competency(st, NULL, competency_row, &x, err); break;
	case IMPORT_INDICATORS: rc = store_each_indicator(st, NULL, indicator_row, &x, err); break;
	case IMPORT_ROLES: rc = store_each_requirement(st, NULL, requirement_row, &x, err); break;
	case IMPORT_EVIDENCE:
		rc = store_derived_evidence(st, &x.derived, &x.nderived, err);
		if (rc == 0)
			rc = store_each_evidence(st, NULL, evidence_row, &x, err);
		break;
	case IMPORT_SCORECARDS: rc = store_each_scorecard_area(st, scorecard_row, &x, err); break;
	case IMPORT_EVALUATIONS: rc = store_each_evaluation_row(st, evaluation_row, &x, err); break;
	case IMPORT_LIBRARY_TEXTS: rc = each_library_text(st, &x, err); break;
	case IMPORT_OBJECTIVES:
	case IMPORT_KEY_RESULTS:
	case IMPORT_CHECKINS: rc = each_okr(st, kind, &x, err); break;
	case IMPORT_KIND_COUNT: break;
	}
out:
	free(x.derived);
	return rc != 0 ? -1 : 0;
}

void export_format_level(double level, int decimals, char out[32])
{
	(void)snprintf(out, 32, "%.*f", decimals, level);
}

const char *export_cell_text(const struct export_cell *cell, bool decimal_comma,
			     char buf[EXPORT_CELL_MAX])
{
	char *point;

	switch (cell->type) {
	case EXPORT_TEXT:
		return cell->text != NULL ? cell->text : "";
	case EXPORT_INT:
		(void)snprintf(buf, EXPORT_CELL_MAX, "%.0f", cell->number);
		return buf;
	case EXPORT_DECIMAL:
		export_format_level(cell->number, cell->decimals, buf);
		point = strchr(buf, '.');
		if (decimal_comma && point != NULL)
			*point = ',';
		return buf;
	case EXPORT_DATE:
		/* ISO dates in every dialect: Excel reads them as dates in
		 * every locale, and they cannot be mistaken for a day-month
		 * or month-day order. */
		date_format(cell->date, buf);
		return buf;
	}
	return "";
}

static int csv_header(void *ctx, const char *const *names, size_t n, struct err *err)
{
	struct export_csv *c = ctx;

	if ((c->bom && csv_write_bom(c->out) < 0) ||
	    csv_write_row(c->out, names, n, c->csv_flags) < 0)
		return err_set(err, EX_IOERR, "cannot write the export: output failed");
	return 0;
}

static int csv_row(void *ctx, const struct export_cell *cells, size_t n, struct err *err)
{
	struct export_csv *c = ctx;
	char bufs[CSV_FIELDS_MAX][EXPORT_CELL_MAX];
	const char *fields[CSV_FIELDS_MAX];

	if (n > CSV_FIELDS_MAX)
		return err_set(err, EX_DATAERR, "%zu columns are more than the CSV export writes "
			       "(%d); export a workbook with --xlsx", n, CSV_FIELDS_MAX);
	for (size_t i = 0; i < n; i++)
		fields[i] = export_cell_text(&cells[i], c->decimal_comma, bufs[i]);
	if (csv_write_row(c->out, fields, n, c->csv_flags) < 0)
		return err_set(err, EX_IOERR, "cannot write the export: output failed");
	return 0;
}

void export_csv_sink(struct export_csv *c, FILE *out, unsigned flags, struct export_sink *sink)
{
	c->out = out;
	c->decimal_comma = (flags & EXPORT_EXCEL) != 0;
	c->bom = (flags & EXPORT_EXCEL) != 0;
	c->csv_flags = CSV_WRITE_NEUTRALISE;
	if (flags & EXPORT_EXCEL)
		c->csv_flags |= CSV_WRITE_SEMICOLON | CSV_WRITE_CRLF;
	else if (!(flags & EXPORT_LF))
		c->csv_flags |= CSV_WRITE_CRLF;
	*sink = (struct export_sink){ csv_header, csv_row, c };
}

int export_csv_finish(struct export_csv *c, struct err *err)
{
	if (fflush(c->out) == EOF || ferror(c->out))
		return err_set(err, EX_IOERR, "cannot write the export: output failed");
	return 0;
}
