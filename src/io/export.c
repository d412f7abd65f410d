#include "io/export.h"

#include <string.h>
#include <sysexits.h>

#include "io/csv.h"
#include "util/date.h"

struct writer {
	FILE *out;
	unsigned csv_flags;
	bool with_active;    /* people: write the active column */
};

static int row(struct writer *w, const char *const *cells, size_t n)
{
	return csv_write_row(w->out, cells, n, w->csv_flags) < 0 ? -1 : 0;
}

static int team_row(void *ctx, const struct team *t)
{
	const char *cells[] = { t->key, t->name, t->parent };

	return row(ctx, cells, 3);
}

static int person_row(void *ctx, const struct person *p)
{
	struct writer *w = ctx;
	const char *cells[] = {
		p->key, p->name, p->email, p->team, p->role, p->manager, p->active ? "1" : "0"
	};

	return row(w, cells, w->with_active ? 7 : 6);
}

static int find_inactive(void *ctx, const struct person *p)
{
	if (!p->active)
		*(bool *)ctx = true;
	return p->active ? 0 : 1;
}

static int competency_row(void *ctx, const struct competency *c)
{
	const char *cells[] = {
		c->key, c->name, c->category, c->description, developability_name(c->developability)
	};

	return row(ctx, cells, 5);
}

static int indicator_row(void *ctx, const struct indicator *i)
{
	char level[16] = "";
	const char *cells[] = { i->competency, level, i->text };

	if (i->level > 0)
		(void)snprintf(level, sizeof level, "%d", i->level);
	return row(ctx, cells, 3);
}

static int requirement_row(void *ctx, const struct requirement *r)
{
	char level[16], weight[16];
	const char *cells[] = { r->role, r->competency, level, weight };

	(void)snprintf(level, sizeof level, "%d", r->required_level);
	(void)snprintf(weight, sizeof weight, "%d", r->weight);
	return row(ctx, cells, 4);
}

void export_format_level(double level, int decimals, char out[32])
{
	(void)snprintf(out, 32, "%.*f", decimals, level);
}

static int evidence_row(void *ctx, const struct evidence *e)
{
	char level[32], date[DATE_ISO_LEN + 1];
	const char *cells[] = {
		e->person, e->competency, level, source_name(e->source), date, e->assessor, e->note
	};

	export_format_level(e->level, e->level_decimals, level);
	date_format(e->date, date);
	return row(ctx, cells, 7);
}

int export_csv(struct store *st, enum import_kind kind, FILE *out, unsigned flags,
	       struct err *err)
{
	struct writer w = {
		.out = out,
		.csv_flags = CSV_WRITE_NEUTRALISE | (flags & EXPORT_LF ? 0 : CSV_WRITE_CRLF),
	};
	const char *const *columns;
	size_t ncolumns = import_columns(kind, &columns);
	int rc;

	if (store_begin_read(st, err) < 0)
		return -1;
	if (kind == IMPORT_PEOPLE) {
		/* The optional active column appears only when someone is
		 * inactive, so that a file without it round-trips as it was. */
		rc = store_each_person(st, NULL, find_inactive, &w.with_active, err);
		if (rc < 0)
			goto out;
		if (!w.with_active)
			ncolumns--;
	}
	rc = row(&w, columns, ncolumns);
	if (rc < 0)
		goto out;
	switch (kind) {
	case IMPORT_TEAMS: rc = store_each_team(st, NULL, team_row, &w, err); break;
	case IMPORT_PEOPLE: rc = store_each_person(st, NULL, person_row, &w, err); break;
	case IMPORT_COMPETENCIES: rc = store_each_competency(st, NULL, competency_row, &w, err); break;
	case IMPORT_INDICATORS: rc = store_each_indicator(st, NULL, indicator_row, &w, err); break;
	case IMPORT_ROLES: rc = store_each_requirement(st, NULL, requirement_row, &w, err); break;
	case IMPORT_EVIDENCE: rc = store_each_evidence(st, NULL, evidence_row, &w, err); break;
	case IMPORT_KIND_COUNT: break;
	}
out:
	store_rollback(st);
	if (rc > 0 || (rc == 0 && fflush(out) == EOF) || ferror(out))
		return err_set(err, EX_IOERR, "cannot write the export: output failed");
	return rc;
}
