/* The import of objectives, key results and check-ins (docs/csv-formats.md,
 * "objectives.csv", "key_results.csv" and "checkins.csv"): the checks of
 * each row, the checks that need the whole file (the objectives' parents:
 * in the file or stored, no loops) and the writing through store/okr.h.
 * The stored objectives and key results are read once, before the first
 * row: a key result names a stored objective, a check-in a stored key
 * result, as a person names a stored team. */
#include "io/import_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/validate.h"
#include "util/date.h"

/* Columns of the three files, in the order of import.c. */
enum { OB_KEY, OB_TEAM, OB_TITLE, OB_START, OB_END, OB_OWNER, OB_PARENT, OB_INTERVAL };
enum {
	KR_OBJECTIVE, KR_KEY, KR_TITLE, KR_TYPE, KR_COMPETENCY, KR_LEVEL, KR_TARGET, KR_START,
	KR_UNIT, KR_WEIGHT
};
enum { CI_KEY_RESULT, CI_DATE, CI_VALUE, CI_CONFIDENCE, CI_NOTE };

enum {
	PERCENT_DECIMALS_MAX = 4     /* digits after the point in "12.5%": a share
					keeps at most LEVEL_DECIMALS_MAX */
};

/* What is stored, read before the first row. */
struct okr_import {
	struct arena arena;          /* the board's rows */
	struct okr_board stored;     /* every objective, key result and check-in */
	struct strmap objectives;    /* stored objective key -> index */
	struct strmap krs;           /* stored key result key -> index */
	struct strmap file_keys;     /* objectives.csv: every key of the file, of
					refused rows too (their parents are not
					"unknown") */
};

int import_okr_begin(struct importer *im)
{
	struct okr_import *q = calloc(1, sizeof *q);
	struct okr_query all = { .scope = OKR_ALL };

	if (q == NULL)
		return err_set(im->err, EX_OSERR, "out of memory");
	im->okr = q;
	arena_init(&q->arena, ARENA_MAX);
	strmap_init(&q->objectives);
	strmap_init(&q->krs);
	strmap_init(&q->file_keys);
	if (store_okr_board(im->st, &all, &q->arena, &q->stored, im->err) < 0)
		return -1;
	for (size_t i = 0; i < q->stored.nobjectives; i++)
		if (strmap_put(&q->objectives, q->stored.objectives[i].key, (int64_t)i) < 0)
			return err_set(im->err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < q->stored.nkrs; i++)
		if (strmap_put(&q->krs, q->stored.krs[i].key, (int64_t)i) < 0)
			return err_set(im->err, EX_OSERR, "out of memory");
	return 0;
}

void import_okr_free(struct importer *im)
{
	if (im->okr == NULL)
		return;
	arena_free(&im->okr->arena);
	strmap_free(&im->okr->objectives);
	strmap_free(&im->okr->krs);
	strmap_free(&im->okr->file_keys);
	free(im->okr);
	im->okr = NULL;
}

/* ---- values ---------------------------------------------------------------- */

/* A number in the file's dialect (a decimal comma in a ';' file). */
static bool number_cell(struct importer *im, const struct cells *c, int col, double *v)
{
	char msg[MSG_MAX];

	if (parse_number_as(c->v[col], im->forms, import_column_name(im, col), v, NULL, msg,
			    sizeof msg) == 0)
		return true;
	import_problem(im, c->line, import_column_name(im, col), "%s", msg);
	return false;
}

/* A share from 0 to 1, written as a number ("0.8") or a percentage ("80%",
 * "80 %", "12.5%"), which is the double nearest to the decimal it means:
 * "80%" is 0.8 exactly as "0.8" is. */
static bool share_cell(struct importer *im, const struct cells *c, int col, double *v)
{
	static const double scale[] = { 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9 };
	const char *s = c->v[col], *name = import_column_name(im, col);
	size_t len = strlen(s);
	char msg[MSG_MAX], number[64];
	int decimals;
	double pct;

	if (len == 0 || s[len - 1] != '%') {
		if (!number_cell(im, c, col, v))
			return false;
	} else {
		len--;
		if (len > 0 && s[len - 1] == ' ')
			len--;
		if (len == 0 || len >= sizeof number) {
			import_problem(im, c->line, name, "'%s' is not a percentage such as 80%%", s);
			return false;
		}
		memcpy(number, s, len);
		number[len] = '\0';
		if (parse_number_as(number, im->forms, name, &pct, &decimals, msg, sizeof msg) < 0) {
			import_problem(im, c->line, name, "%s", msg);
			return false;
		}
		if (decimals > PERCENT_DECIMALS_MAX) {
			import_problem(im, c->line, name, "%s has more than %d digits after the point in a"
				       " percentage", s, PERCENT_DECIMALS_MAX);
			return false;
		}
		/* The digits written, over 10^(decimals + 2): both exact, so the
		 * quotient is the double nearest to the share. */
		*v = (double)llround(pct * (scale[decimals] / 100)) / scale[decimals];
	}
	if (!(*v >= 0 && *v <= 1)) {
		import_problem(im, c->line, name, "%s is not a share from 0 to 1; write 0.8 or 80%% for"
			       " 80%%", s);
		return false;
	}
	return true;
}

/* One end of a period as okr_period_parse reads it, or (in a ';' or tab
 * file) a day-first date as the other imports read dates; 0 or -1. */
static int parse_period(const struct importer *im, const char *s, bool end, int32_t *day)
{
	char msg[MSG_MAX];

	if (okr_period_parse(s, end, day) == 0)
		return 0;
	if ((im->forms & PARSE_DAY_FIRST) && strchr(s, '-') != s + 4 &&
	    parse_date_as(s, im->forms, day, msg, sizeof msg) == 0)
		return 0;
	return -1;
}

static bool period_cell(struct importer *im, const struct cells *c, int col, bool end,
			int32_t *day)
{
	const char *name = import_column_name(im, col);

	if (parse_period(im, c->v[col], end, day) == 0)
		return true;
	if (c->v[col][0] == '\0')
		import_problem(im, c->line, name, "%s is empty; write a date (2026-07-01), a month"
			       " (2026-07), a quarter (2026-Q3) or a year (2026)", name);
	else
		import_problem(im, c->line, name, "'%s' is not a date (YYYY-MM-DD), a month (YYYY-MM),"
			       " a quarter (YYYY-Q1 to YYYY-Q4) or a year (YYYY)", c->v[col]);
	return false;
}

/* An optional key cell that is given: its checks. */
static bool optional_key(struct importer *im, const struct cells *c, int col)
{
	return import_optional(c, col) == NULL || import_check(im, c, col, validate_key);
}

/* ---- objectives.csv ------------------------------------------------------------ */

/* The start and end of an objective: an empty end is the end of the
 * month, quarter or year the start names. */
static bool period_of(struct importer *im, const struct cells *c, struct objective *o)
{
	char day[DATE_ISO_LEN + 1], first[DATE_ISO_LEN + 1];
	int32_t last;

	if (!period_cell(im, c, OB_START, false, &o->start))
		return false;
	if (import_optional(c, OB_END) == NULL) {
		if (parse_period(im, c->v[OB_START], true, &last) == 0 && last != o->start) {
			o->end = last;
			return true;
		}
		import_problem(im, c->line, "end", "end is empty, and the start %s is a single day;"
			       " write the end date, or a start that is a month, quarter or year"
			       " (2026-Q3) to end with it", c->v[OB_START]);
		return false;
	}
	if (!period_cell(im, c, OB_END, true, &o->end))
		return false;
	if (o->end < o->start) {
		date_format(o->end, day);
		date_format(o->start, first);
		import_problem(im, c->line, "end", "end %s (%s) is before the start %s (%s); an"
			       " objective ends on or after the day it starts", c->v[OB_END], day,
			       c->v[OB_START], first);
		return false;
	}
	return true;
}

/* A stored objective keeps what a left-out column would have said, as a
 * stored team or person does (docs/csv-formats.md): re-importing a file
 * without a team column does not make a team's objectives the whole
 * organisation's. The stored values were read in this transaction, and
 * the store checks the parents' loops again after writing. */
static void keep_objective_columns(struct importer *im, const struct cells *c,
				   struct objective *o)
{
	const struct objective *was;
	int64_t i;

	if (!strmap_get(&im->okr->objectives, o->key, &i))
		return;
	was = &im->okr->stored.objectives[i];
	if (c->v[OB_TEAM] == NULL)
		o->team = was->team;
	if (c->v[OB_OWNER] == NULL)
		o->owner = was->owner;
	if (c->v[OB_PARENT] == NULL)
		o->parent = was->parent;
	if (c->v[OB_INTERVAL] == NULL)
		o->interval = was->interval;
}

void import_objective_row(struct importer *im, const struct cells *c)
{
	struct objective o = { .interval = OKR_MONTHLY };
	bool ok = import_check(im, c, OB_KEY, validate_key) &
		  import_check(im, c, OB_TITLE, validate_name) & optional_key(im, c, OB_TEAM) &
		  optional_key(im, c, OB_OWNER) & optional_key(im, c, OB_PARENT);
	const char *parent = import_optional(c, OB_PARENT);
	struct pending *p;

	if (c->v[OB_KEY][0] != '\0' && im->row_bad == 0 &&
	    strmap_put(&im->okr->file_keys, c->v[OB_KEY], c->line) < 0)
		import_fail(im);
	ok &= period_of(im, c, &o);
	if (import_optional(c, OB_INTERVAL) != NULL &&
	    okr_interval_parse(c->v[OB_INTERVAL], &o.interval) < 0) {
		import_problem(im, c->line, "checkin_interval", "'%s' is not an interval of check-ins;"
			       " use one of %s (empty: monthly)", c->v[OB_INTERVAL],
			       okr_interval_list());
		ok = false;
	}
	if (ok && parent != NULL && strcmp(parent, c->v[OB_KEY]) == 0) {
		import_problem(im, c->line, "parent", "'%s' cannot be its own parent", parent);
		ok = false;
	}
	if (ok && import_optional(c, OB_TEAM) != NULL)
		ok &= import_exists(im, c, OB_TEAM, ENTITY_TEAM, c->v[OB_TEAM],
				    "import it with teams.csv first");
	if (ok && import_optional(c, OB_OWNER) != NULL)
		ok &= import_exists(im, c, OB_OWNER, ENTITY_PERSON, c->v[OB_OWNER],
				    "import them with people.csv first");
	if (!ok || !import_first_time(im, c, OB_KEY, c->v[OB_KEY]) ||
	    (p = import_add_pending(im, c->line)) == NULL)
		return;
	o.key = import_keep(im, c->v[OB_KEY]);
	o.team = import_keep(im, import_optional(c, OB_TEAM));
	o.title = import_keep(im, c->v[OB_TITLE]);
	o.owner = import_keep(im, import_optional(c, OB_OWNER));
	o.parent = import_keep(im, parent);
	keep_objective_columns(im, c, &o);
	p->u.objective = o;
}

/* The parents of the file's objectives: each in the file or stored, and
 * no loop through the stored ones either. Fills order with the rows,
 * parents before children, otherwise in the file's order. */
static void check_parents(struct importer *im, size_t *order)
{
	const struct okr_board *b = &im->okr->stored;
	struct import_graph g;
	char loop[MSG_MAX];
	bool *placed = NULL;
	size_t n = 0;

	import_graph_init(&g);
	for (size_t i = 0; i < b->nobjectives; i++)
		if (import_graph_set(&g, b->objectives[i].key, b->objectives[i].parent) < 0)
			goto oom;
	for (size_t i = 0; i < im->nrows; i++) {
		const struct objective *o = &im->rows[i].u.objective;
		const char *parent = o->parent;

		if (parent != NULL && !strmap_get(&im->okr->file_keys, parent, NULL) &&
		    !strmap_get(&im->okr->objectives, parent, NULL)) {
			import_problem(im, im->rows[i].line, "parent", "unknown objective '%s'; it is"
				       " neither in this file nor stored", parent);
			parent = NULL;
		}
		if (import_graph_set(&g, o->key, parent) < 0)
			goto oom;
	}
	for (size_t i = 0; i < im->nrows; i++)
		if (import_graph_cycle(&g, im->rows[i].u.objective.key, loop, sizeof loop))
			import_problem(im, im->rows[i].line, "parent", "objective '%s' would be its own"
				       " ancestor (%s); parents cannot loop",
				       im->rows[i].u.objective.key, loop);
	if (im->rep->errors > 0)
		goto out;
	placed = calloc(im->nrows ? im->nrows : 1, sizeof *placed);
	if (placed == NULL)
		goto oom;
	/* Repeatedly place the rows whose parent is stored or placed; without
	 * loops this ends. */
	while (n < im->nrows) {
		size_t before = n;

		for (size_t i = 0; i < im->nrows; i++) {
			const char *parent = im->rows[i].u.objective.parent;
			int64_t in_file;

			if (placed[i] || (parent != NULL && strmap_get(&im->seen, parent, &in_file) &&
					  !placed[in_file]))
				continue;
			placed[i] = true;
			order[n++] = i;
		}
		if (n == before) {
			err_set(im->err, EX_SOFTWARE, "internal error: unresolved objective order");
			import_fail(im);
			goto out;
		}
	}
	goto out;
oom:
	err_set(im->err, EX_OSERR, "out of memory");
	import_fail(im);
out:
	free(placed);
	import_graph_free(&g);
}

/* ---- key_results.csv -------------------------------------------------------------- */

/* The cells only a competency key result has, or none of them. */
static bool competency_cells(struct importer *im, const struct cells *c, struct key_result *k)
{
	const char *what = okr_type_name(k->type);
	char msg[MSG_MAX];
	bool ok = true;

	if (k->type != OKR_COMPETENCY) {
		for (int col = KR_COMPETENCY; col <= KR_LEVEL; col++) {
			if (import_optional(c, col) != NULL) {
				import_problem(im, c->line, import_column_name(im, col), "only a competency"
					       " key result has a %s; leave it empty for a %s key result",
					       import_column_name(im, col), what);
				ok = false;
			}
		}
		return ok;
	}
	if (import_optional(c, KR_COMPETENCY) == NULL) {
		import_problem(im, c->line, "competency", "a competency key result names the"
			       " competency whose levels it counts");
		ok = false;
	} else {
		ok &= import_check(im, c, KR_COMPETENCY, validate_key);
	}
	if (import_optional(c, KR_LEVEL) == NULL) {
		import_problem(im, c->line, "level", "a competency key result names the level (%d to"
			       " %d) that counts", LEVEL_MIN, LEVEL_MAX);
		ok = false;
	} else if (parse_int_range(c->v[KR_LEVEL], LEVEL_MIN, LEVEL_MAX, "level", &k->level, msg,
				   sizeof msg) < 0) {
		import_problem(im, c->line, "level", "%s", msg);
		ok = false;
	}
	if (import_optional(c, KR_START) != NULL) {
		import_problem(im, c->line, "start_value", "leave start_value empty for a competency"
			       " key result: its baseline is computed from the evidence, as the share"
			       " on its objective's start date");
		ok = false;
	}
	return ok;
}

/* The stored key result of key, or NULL. */
static const struct key_result *stored_key_result(const struct okr_import *q, const char *key)
{
	int64_t i;

	return strmap_get(&q->krs, key, &i) ? &q->stored.krs[i] : NULL;
}

/* The target, start value and weight; was the stored key result of the
 * row's key, or NULL. */
static bool value_cells(struct importer *im, const struct cells *c, const struct key_result *was,
			struct key_result *k)
{
	bool ok = true;

	if (k->type == OKR_COMPETENCY) {
		ok &= share_cell(im, c, KR_TARGET, &k->target);
	} else if (!number_cell(im, c, KR_TARGET, &k->target)) {
		ok = false;
	} else if (k->type == OKR_MILESTONE && k->target < 0) {
		import_problem(im, c->line, "target", "target %s is below 0; a milestone key result"
			       " counts things done, up to a target from 0", c->v[KR_TARGET]);
		ok = false;
	}
	if (k->type != OKR_COMPETENCY) {
		if (import_optional(c, KR_START) != NULL) {
			k->has_start_value = true;
			ok &= number_cell(im, c, KR_START, &k->start_value);
		} else if (k->type == OKR_METRIC &&
			   !(c->v[KR_START] == NULL && was != NULL && was->type == OKR_METRIC)) {
			/* (A stored metric keeps its start value when the column
			 * is left out: keep_key_result_columns.) */
			import_problem(im, c->line, "start_value", "a metric key result needs the value"
				       " it starts from (its baseline)");
			ok = false;
		} else {
			/* A milestone counts from 0. */
			k->has_start_value = true;
			k->start_value = 0;
		}
	}
	if (import_optional(c, KR_WEIGHT) != NULL) {
		if (!number_cell(im, c, KR_WEIGHT, &k->weight)) {
			ok = false;
		} else if (k->weight <= 0) {
			import_problem(im, c->line, "weight", "weight %s is not above 0; a weight is a"
				       " number above 0 (empty: 1)", c->v[KR_WEIGHT]);
			ok = false;
		}
	}
	return ok;
}

/* A stored key result keeps its unit and weight when their columns are
 * left out, and its start value when that column is left out and it
 * stays a metric or milestone, as keep_objective_columns. */
static void keep_key_result_columns(const struct cells *c, const struct key_result *was,
				    struct key_result *k)
{
	if (was == NULL)
		return;
	if (c->v[KR_UNIT] == NULL)
		k->unit = was->unit;
	if (c->v[KR_WEIGHT] == NULL)
		k->weight = was->weight;
	if (c->v[KR_START] == NULL && k->type == was->type && k->type != OKR_COMPETENCY) {
		k->has_start_value = was->has_start_value;
		k->start_value = was->start_value;
	}
}

void import_key_result_row(struct importer *im, const struct cells *c)
{
	struct okr_import *q = im->okr;
	struct key_result k = { .weight = 1 };
	bool ok = import_check(im, c, KR_OBJECTIVE, validate_key) &
		  import_check(im, c, KR_KEY, validate_key) &
		  import_check(im, c, KR_TITLE, validate_name) &
		  import_check(im, c, KR_UNIT, validate_line);
	const char *unit = import_optional(c, KR_UNIT);
	const struct key_result *was = stored_key_result(q, c->v[KR_KEY]);
	struct pending *p;

	if (okr_type_parse(c->v[KR_TYPE], &k.type) < 0) {
		import_problem(im, c->line, "type", "'%s' is not a type of key result; use one of %s",
			       c->v[KR_TYPE], okr_type_list());
		ok = false;
	} else {
		ok &= competency_cells(im, c, &k);
		ok &= value_cells(im, c, was, &k);
	}
	if (unit != NULL && strlen(unit) > OKR_UNIT_MAX) {
		import_problem(im, c->line, "unit", "the unit has %zu bytes, more than the %d a unit"
			       " may have", strlen(unit), OKR_UNIT_MAX);
		ok = false;
	}
	if (ok && im->row_bad == 0 && !strmap_get(&q->objectives, c->v[KR_OBJECTIVE], NULL)) {
		import_problem(im, c->line, "objective", "unknown objective '%s'; import it with"
			       " objectives.csv first", c->v[KR_OBJECTIVE]);
		ok = false;
	}
	if (ok && k.type == OKR_COMPETENCY)
		ok &= import_exists(im, c, KR_COMPETENCY, ENTITY_COMPETENCY, c->v[KR_COMPETENCY],
				    "import it with competencies.csv first");
	/* Check-ins would contradict the value the evidence gives. */
	if (ok && k.type == OKR_COMPETENCY && was != NULL && was->ncheckins > 0) {
		size_t n = was->ncheckins;

		import_problem(im, c->line, "type", "key result '%s' has %zu check-in%s; it cannot"
			       " become a competency key result, whose value is computed from the"
			       " evidence", c->v[KR_KEY], n, n == 1 ? "" : "s");
		ok = false;
	}
	if (!ok || !import_first_time(im, c, KR_KEY, c->v[KR_KEY]) ||
	    (p = import_add_pending(im, c->line)) == NULL)
		return;
	k.objective = import_keep(im, c->v[KR_OBJECTIVE]);
	k.key = import_keep(im, c->v[KR_KEY]);
	k.title = import_keep(im, c->v[KR_TITLE]);
	k.competency = k.type == OKR_COMPETENCY ? import_keep(im, c->v[KR_COMPETENCY]) : NULL;
	k.unit = import_keep(im, unit);
	keep_key_result_columns(c, was, &k);
	p->u.key_result = k;
}

/* ---- checkins.csv ------------------------------------------------------------------ */

/* A check-in that replaces the stored one of its day keeps its confidence
 * and note when their columns are left out, as keep_objective_columns. */
static void keep_checkin_columns(struct importer *im, const struct cells *c,
				 const struct key_result *kr, struct checkin *ci)
{
	const struct checkin *was = im->okr->stored.checkins + kr->first_checkin;

	for (size_t i = 0; i < kr->ncheckins; i++, was++) {
		if (was->date != ci->date)
			continue;
		if (c->v[CI_CONFIDENCE] == NULL) {
			ci->has_confidence = was->has_confidence;
			ci->confidence = was->confidence;
		}
		if (c->v[CI_NOTE] == NULL)
			ci->note = was->note;
		return;
	}
}

void import_checkin_row(struct importer *im, const struct cells *c)
{
	struct okr_import *q = im->okr;
	struct checkin ci = { 0 };
	bool ok = import_check(im, c, CI_KEY_RESULT, validate_key) &
		  import_check(im, c, CI_NOTE, validate_text);
	const char *note = import_optional(c, CI_NOTE);
	char msg[MSG_MAX], key[KEY_MAX + 16], day[DATE_ISO_LEN + 1];
	int64_t stored, earlier;
	struct pending *p;

	if (parse_date_as(c->v[CI_DATE], im->forms, &ci.date, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "date", "%s", msg);
		ok = false;
	} else if (!im->opt.allow_future && ci.date - im->today > im->future_days) {
		import_future_date(im, c->line, "date", c->v[CI_DATE], ci.date);
		ok = false;
	}
	ok &= number_cell(im, c, CI_VALUE, &ci.value);
	if (import_optional(c, CI_CONFIDENCE) != NULL) {
		ci.has_confidence = true;
		ok &= share_cell(im, c, CI_CONFIDENCE, &ci.confidence);
	}
	if (note != NULL && strlen(note) > OKR_NOTE_MAX) {
		import_problem(im, c->line, "note", "the note has %zu bytes, more than the %d a"
			       " check-in's note may have", strlen(note), OKR_NOTE_MAX);
		ok = false;
	}
	if (ok && im->row_bad == 0) {
		if (!strmap_get(&q->krs, c->v[CI_KEY_RESULT], &stored)) {
			import_problem(im, c->line, "key_result", "unknown key result '%s'; import it"
				       " with key_results.csv first", c->v[CI_KEY_RESULT]);
			ok = false;
		} else if (q->stored.krs[stored].type == OKR_COMPETENCY) {
			import_problem(im, c->line, "key_result", "'%s' is a competency key result: its"
				       " value is computed from the evidence; check-ins are for metric"
				       " and milestone key results", c->v[CI_KEY_RESULT]);
			ok = false;
		}
	}
	if (!ok || im->row_bad != 0)
		return;
	/* One a day: a second would replace the first without a word. */
	date_format(ci.date, day);
	(void)snprintf(key, sizeof key, "%s\n%s", c->v[CI_KEY_RESULT], day);
	if (strmap_get(&im->seen, key, &earlier)) {
		import_problem(im, c->line, "date", "key result '%s' has a check-in on %s on line %ld"
			       " already; give one a day", c->v[CI_KEY_RESULT], day,
			       im->rows[earlier].line);
		return;
	}
	if (strmap_put(&im->seen, key, (int64_t)im->nrows) < 0) {
		import_fail(im);
		return;
	}
	if ((p = import_add_pending(im, c->line)) == NULL)
		return;
	ci.key_result = import_keep(im, c->v[CI_KEY_RESULT]);
	ci.note = import_keep(im, note);
	keep_checkin_columns(im, c, &q->stored.krs[stored], &ci);
	p->u.checkin = ci;
}

/* ---- writing ------------------------------------------------------------------------- */

/* A refusal of the store, after the checks of the file, is a problem of
 * the file; another failure stops the import. */
static void store_failed(struct importer *im, long line)
{
	if (im->err->code == EX_DATAERR)
		import_problem(im, line, NULL, "%s", im->err->msg);
	else
		import_fail(im);
}

void import_write_okr(struct importer *im)
{
	size_t *order = calloc(im->nrows ? im->nrows : 1, sizeof *order);
	size_t n = im->nrows;

	if (order == NULL) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		return;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	if (im->kind == IMPORT_OBJECTIVES)
		check_parents(im, order);
	if (im->failed || im->rep->errors > 0)
		goto out;
	switch (im->kind) {
	case IMPORT_OBJECTIVES: {
		struct objective *v = calloc(n ? n : 1, sizeof *v);

		if (v == NULL) {
			err_set(im->err, EX_OSERR, "out of memory");
			import_fail(im);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			v[i] = im->rows[order[i]].u.objective;
		if (store_okr_put_objectives(im->st, v, n, im->err) < 0)
			store_failed(im, 0);
		free(v);
		break;
	}
	case IMPORT_KEY_RESULTS:
		/* One at a time, so that a refusal names its line. */
		for (size_t i = 0; i < n; i++) {
			if (store_okr_put_key_results(im->st, &im->rows[i].u.key_result, 1,
						      im->err) < 0) {
				store_failed(im, im->rows[i].line);
				break;
			}
		}
		break;
	case IMPORT_CHECKINS: {
		struct checkin *v = calloc(n ? n : 1, sizeof *v);

		if (v == NULL) {
			err_set(im->err, EX_OSERR, "out of memory");
			import_fail(im);
			goto out;
		}
		for (size_t i = 0; i < n; i++)
			v[i] = im->rows[i].u.checkin;
		if (store_okr_put_checkins(im->st, v, n, im->err) < 0)
			store_failed(im, 0);
		free(v);
		break;
	}
	default:
		break;
	}
	if (!im->failed && im->rep->errors == 0)
		im->rep->rows = (long)n;
out:
	free(order);
}
