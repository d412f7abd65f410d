/* The import of scorecards and evaluations (docs/csv-formats.md,
 * "scorecards.csv" and "evaluations.csv"): the checks of each row, the
 * checks that need the whole file (which scorecard an evaluation was
 * scored on, its scores on the area's scale), and the writing through
 * store/quality.h. */
#include "io/import_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "core/validate.h"
#include "util/array.h"
#include "util/date.h"

enum {
	WEIGHT_LIMIT = 1000,         /* an area's weight at most */
	SCALE_LIMIT = 1000000,       /* a scale's ends within +- this */
	NAMES_SHOWN = 8              /* areas or scorecards named in a message */
};

/* Columns of scorecards.csv and evaluations.csv, in the order of import.c. */
enum { SC_CARD, SC_AREA, SC_COMPETENCY, SC_WEIGHT, SC_MIN, SC_MAX, SC_CRITICAL };
enum {
	EV_KEY, EV_CONTACT, EV_CHANNEL, EV_AGENT, EV_EVALUATOR, EV_KIND, EV_DATE, EV_AREA, EV_SCORE,
	EV_COMMENT, EV_CARD
};

/* A 1/0 cell, read as people's active is: 1, 0, yes, no, true, false. */
static int parse_flag(const char *s)
{
	static const char *const flags[] = { "1", "0", "yes", "no", "true", "false" };

	for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
		if (strcasecmp(s, flags[i]) == 0)
			return i % 2 == 0;
	return -1;
}

/* ---- scorecards.csv ------------------------------------------------------ */

static bool number_cell(struct importer *im, const struct cells *c, int col, double *v)
{
	char msg[MSG_MAX];

	if (parse_number_as(c->v[col], im->forms, import_column_name(im, col), v, NULL, msg,
			    sizeof msg) == 0)
		return true;
	import_problem(im, c->line, import_column_name(im, col), "%s", msg);
	return false;
}

void import_scorecard_row(struct importer *im, const struct cells *c)
{
	char key[2 * KEY_MAX + 32];
	bool ok = import_check(im, c, SC_CARD, validate_key) & import_check(im, c, SC_AREA, validate_key) &
		  import_check(im, c, SC_COMPETENCY, validate_key);
	double weight = 1, min = 0, max = 1;
	int critical = 0;
	struct pending *p;

	if (!number_cell(im, c, SC_WEIGHT, &weight)) {
		ok = false;
	} else if (weight <= 0 || weight > WEIGHT_LIMIT) {
		import_problem(im, c->line, "weight", "weight %s is out of range; it must be above 0"
			       " and at most %d", c->v[SC_WEIGHT], WEIGHT_LIMIT);
		ok = false;
	}
	if (!(number_cell(im, c, SC_MIN, &min) & number_cell(im, c, SC_MAX, &max))) {
		ok = false;
	} else if (min < -SCALE_LIMIT || max > SCALE_LIMIT) {
		import_problem(im, c->line, min < -SCALE_LIMIT ? "min" : "max",
			       "the scale must lie within -%d and %d", SCALE_LIMIT, SCALE_LIMIT);
		ok = false;
	} else if (min >= max) {
		import_problem(im, c->line, "max", "max %s is not above min %s; a scale runs from its"
			       " min up to a larger max, such as 0 to 1 or 1 to 5", c->v[SC_MAX],
			       c->v[SC_MIN]);
		ok = false;
	}
	if (import_optional(c, SC_CRITICAL) != NULL &&
	    (critical = parse_flag(c->v[SC_CRITICAL])) < 0) {
		import_problem(im, c->line, "critical", "'%s' is not true or false (1 or 0, yes or no)",
			       c->v[SC_CRITICAL]);
		ok = false;
	}
	if (ok)
		ok = import_exists(im, c, SC_COMPETENCY, ENTITY_COMPETENCY, c->v[SC_COMPETENCY],
				   "import it with competencies.csv first");
	if (!ok)
		return;
	(void)snprintf(key, sizeof key, "scorecard %s, area %s", c->v[SC_CARD], c->v[SC_AREA]);
	if (!import_first_time(im, c, SC_AREA, key) || (p = import_add_pending(im, c->line)) == NULL)
		return;
	p->u.card.scorecard = import_keep(im, c->v[SC_CARD]);
	p->u.card.area = (struct scorecard_area_def){
		.name = import_keep(im, c->v[SC_AREA]),
		.competency = import_keep(im, c->v[SC_COMPETENCY]),
		.a = { .weight = weight, .min = min, .max = max, .critical = critical == 1 },
	};
}

/* Each scorecard of the file, with its areas in the order of the file. */
void import_write_scorecards(struct importer *im)
{
	struct scorecard_area_def *areas = calloc(im->nrows ? im->nrows : 1, sizeof *areas);
	bool *done = calloc(im->nrows ? im->nrows : 1, sizeof *done);

	if (areas == NULL || done == NULL) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		goto out;
	}
	for (size_t i = 0; i < im->nrows; i++) {
		const char *name = im->rows[i].u.card.scorecard;
		size_t n = 0;
		int version;
		bool added;

		if (done[i])
			continue;
		for (size_t j = i; j < im->nrows; j++) {
			if (!done[j] && strcmp(im->rows[j].u.card.scorecard, name) == 0) {
				areas[n++] = im->rows[j].u.card.area;
				done[j] = true;
			}
		}
		if (store_put_scorecard(im->st, name, areas, n, &version, &added, im->err) < 0) {
			import_fail(im);
			goto out;
		}
	}
	im->rep->rows = (long)im->nrows;
out:
	free(areas);
	free(done);
}

/* ---- evaluations.csv ----------------------------------------------------- */

/* One evaluation of the file: the fields its rows share, and its rows. */
struct qa_head {
	const char *key, *contact, *agent, *evaluator;
	const char *card_name;       /* the scorecard column, NULL when not given */
	enum channel channel;
	enum eval_kind kind;
	int32_t date;
	long line;                   /* its first row's */
	uint32_t first, last;        /* its rows, linked by next */
	uint32_t nrows;
	int64_t id;                  /* the stored evaluation of its key, 0: none */
	int card;                    /* the scorecard resolved; -1 not yet */
	bool bad;                    /* a row of it was refused */
};

/* One row: an area score. */
struct qa_row {
	uint32_t next;               /* the evaluation's next row; UINT32_MAX: none */
	uint32_t name;               /* the area's name, interned */
	double score;
	const char *comment;         /* NULL: none */
	long line;
};

struct qa_import {
	struct arena arena;          /* the scorecards, the strings of the file */
	struct scorecard_def *cards;
	size_t ncards;
	struct strmap card_index;    /* scorecard name -> index */
	/* Area names, interned: those of the scorecards first (indexes below
	 * ncard_names), then any others the file gives. */
	struct strmap name_index;
	const char **names;
	size_t nnames, capnames, ncard_names;
	int *position;               /* [card * ncard_names + name]: the area's
					place on the card, -1 not on it */
	struct strmap stored;        /* evaluation key -> id * 2 + retracted */
	struct strmap head_index;    /* evaluation key -> index into heads */
	struct qa_head *heads;
	size_t nheads, capheads;
	struct qa_row *rows;
	size_t nrows, caprows;
	struct strmap resolved;      /* a set of area names -> card + 3 (0 none,
					1 several) */
};

static int keep_stored(void *ctx, const char *key, int64_t id, bool retracted)
{
	struct qa_import *q = ctx;

	return strmap_put(&q->stored, key, id * 2 + retracted) < 0 ? 1 : 0;
}

static int intern(struct qa_import *q, const char *name, uint32_t *index)
{
	int64_t i;

	if (strmap_get(&q->name_index, name, &i)) {
		*index = (uint32_t)i;
		return 0;
	}
	if (array_reserve(&q->names, &q->capnames, q->nnames + 1, sizeof *q->names) < 0 ||
	    (q->names[q->nnames] = arena_strdup(&q->arena, name)) == NULL ||
	    strmap_put(&q->name_index, name, (int64_t)q->nnames) < 0)
		return -1;
	*index = (uint32_t)q->nnames++;
	return 0;
}

int import_qa_begin(struct importer *im)
{
	struct qa_import *q = calloc(1, sizeof *q);

	if (q == NULL)
		return err_set(im->err, EX_OSERR, "out of memory");
	im->qa = q;
	arena_init(&q->arena, ARENA_MAX);
	strmap_init(&q->card_index);
	strmap_init(&q->name_index);
	strmap_init(&q->stored);
	strmap_init(&q->head_index);
	strmap_init(&q->resolved);
	if (store_load_scorecards(im->st, &q->arena, &q->cards, &q->ncards, im->err) < 0)
		return -1;
	for (size_t c = 0; c < q->ncards; c++) {
		uint32_t ix;

		if (strmap_put(&q->card_index, q->cards[c].name, (int64_t)c) < 0)
			goto oom;
		for (size_t a = 0; a < q->cards[c].nareas; a++)
			if (intern(q, q->cards[c].areas[a].name, &ix) < 0)
				goto oom;
	}
	q->ncard_names = q->nnames;
	q->position = malloc((q->ncards * q->ncard_names + 1) * sizeof *q->position);
	if (q->position == NULL)
		goto oom;
	for (size_t i = 0; i < q->ncards * q->ncard_names; i++)
		q->position[i] = -1;
	for (size_t c = 0; c < q->ncards; c++) {
		for (size_t a = 0; a < q->cards[c].nareas; a++) {
			uint32_t ix;

			(void)intern(q, q->cards[c].areas[a].name, &ix);
			q->position[c * q->ncard_names + ix] = (int)a;
		}
	}
	if (store_each_evaluation_key(im->st, keep_stored, q, im->err) != 0) {
		if (im->err->code == 0)
			goto oom;
		return -1;
	}
	return 0;
oom:
	return err_set(im->err, EX_OSERR, "out of memory");
}

void import_qa_free(struct importer *im)
{
	struct qa_import *q = im->qa;

	if (q == NULL)
		return;
	arena_free(&q->arena);
	strmap_free(&q->card_index);
	strmap_free(&q->name_index);
	strmap_free(&q->stored);
	strmap_free(&q->head_index);
	strmap_free(&q->resolved);
	free(q->names);
	free(q->position);
	free(q->heads);
	free(q->rows);
	free(q);
	im->qa = NULL;
}

static const char *qkeep(struct importer *im, const char *s)
{
	const char *k = arena_strdup(&im->qa->arena, s);

	if (s != NULL && k == NULL) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
	}
	return k;
}

/* The fields of an evaluation's row, checked. */
struct qa_fields {
	enum channel channel;
	enum eval_kind kind;
	int32_t date;
	double score;
	bool ok;
};

static struct qa_fields row_fields(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX];
	struct qa_fields f = { .ok = true };

	f.ok &= import_check(im, c, EV_KEY, validate_key) & import_check(im, c, EV_CONTACT, validate_key) &
		import_check(im, c, EV_AGENT, validate_key) & import_check(im, c, EV_EVALUATOR, validate_key) &
		import_check(im, c, EV_AREA, validate_key) & import_check(im, c, EV_COMMENT, validate_text);
	if (import_optional(c, EV_CARD) != NULL)
		f.ok &= import_check(im, c, EV_CARD, validate_key);
	if (channel_parse(c->v[EV_CHANNEL], &f.channel) < 0) {
		import_problem(im, c->line, "channel", "unknown channel '%s'; use one of %s",
			       c->v[EV_CHANNEL], channel_list());
		f.ok = false;
	}
	if (eval_kind_parse(c->v[EV_KIND], &f.kind) < 0) {
		import_problem(im, c->line, "kind", "unknown kind '%s'; use one of %s", c->v[EV_KIND],
			       eval_kind_list());
		f.ok = false;
	}
	if (parse_date_as(c->v[EV_DATE], im->forms, &f.date, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "date", "%s", msg);
		f.ok = false;
	} else if (f.date < EVIDENCE_FIRST_DAY || f.date > EVIDENCE_LAST_DAY) {
		/* Its evidence is dated on it (core/estimate.h). */
		import_problem(im, c->line, "date", "date %s is outside 1900-01-01 .. 2100-12-31",
			       c->v[EV_DATE]);
		f.ok = false;
	} else if (!im->opt.allow_future && f.date - im->today > im->future_days) {
		import_future_date(im, c->line, "date", c->v[EV_DATE], f.date);
		f.ok = false;
	}
	if (parse_number_as(c->v[EV_SCORE], im->forms, "score", &f.score, NULL, msg, sizeof msg) < 0) {
		import_problem(im, c->line, "score", "%s", msg);
		f.ok = false;
	}
	return f;
}

/* Reports a field of a row that differs from the evaluation's first row. */
static bool agrees(struct importer *im, const struct cells *c, const struct qa_head *h, int col,
		   const char *first, const char *here)
{
	if ((first == NULL && here == NULL) ||
	    (first != NULL && here != NULL && strcmp(first, here) == 0))
		return true;
	import_problem(im, c->line, import_column_name(im, col),
		       "'%s' differs from line %ld ('%s'): all rows of evaluation '%s' give the same %s",
		       here != NULL ? here : "", h->line, first != NULL ? first : "", h->key,
		       import_column_name(im, col));
	return false;
}

/* A new evaluation from its first row: the people exist, a self
 * evaluation is the agent's own, a stored one of its key is not
 * retracted. Returns its index, or -1 (reported, or a hard failure). */
static long new_head(struct importer *im, const struct cells *c, const struct qa_fields *f)
{
	struct qa_import *q = im->qa;
	struct qa_head *h;
	int64_t stored = 0;
	bool ok = true;

	ok &= import_exists(im, c, EV_AGENT, ENTITY_PERSON, c->v[EV_AGENT],
			    "import them with people.csv first");
	ok &= import_exists(im, c, EV_EVALUATOR, ENTITY_PERSON, c->v[EV_EVALUATOR],
			    "import them with people.csv first");
	if (f->kind == EVAL_SELF && strcmp(c->v[EV_AGENT], c->v[EV_EVALUATOR]) != 0) {
		import_problem(im, c->line, "evaluator", "a self evaluation is the agent's own: the"
			       " evaluator must be the agent '%s', not '%s'", c->v[EV_AGENT],
			       c->v[EV_EVALUATOR]);
		ok = false;
	}
	if (strmap_get(&q->stored, c->v[EV_KEY], &stored) && (stored & 1)) {
		import_problem(im, c->line, "evaluation", "evaluation '%s' was retracted; a retracted"
			       " evaluation stays retracted: give a new evaluation its own id",
			       c->v[EV_KEY]);
		ok = false;
	}
	if (import_optional(c, EV_CARD) != NULL &&
	    !strmap_get(&q->card_index, c->v[EV_CARD], NULL)) {
		import_problem(im, c->line, "scorecard", "unknown scorecard '%s'; import it with"
			       " scorecards.csv first", c->v[EV_CARD]);
		ok = false;
	}
	if (array_reserve(&q->heads, &q->capheads, q->nheads + 1, sizeof *q->heads) < 0 ||
	    strmap_put(&q->head_index, c->v[EV_KEY], (int64_t)q->nheads) < 0) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		return -1;
	}
	h = &q->heads[q->nheads];
	*h = (struct qa_head){
		.key = qkeep(im, c->v[EV_KEY]),
		.contact = qkeep(im, c->v[EV_CONTACT]),
		.agent = qkeep(im, c->v[EV_AGENT]),
		.evaluator = qkeep(im, c->v[EV_EVALUATOR]),
		.card_name = qkeep(im, import_optional(c, EV_CARD)),
		.channel = f->channel,
		.kind = f->kind,
		.date = f->date,
		.line = c->line,
		.first = UINT32_MAX,
		.last = UINT32_MAX,
		.id = stored >> 1,
		.card = -1,
		.bad = !ok,
	};
	return (long)q->nheads++;
}

void import_evaluation_row(struct importer *im, const struct cells *c)
{
	struct qa_import *q = im->qa;
	struct qa_fields f;
	struct qa_head *h;
	struct qa_row *r;
	int64_t found;
	long at;
	uint32_t name;
	bool ok;

	if (q == NULL)
		return;
	f = row_fields(im, c);
	/* Invalid UTF-8 (reported) would make the keys garbled. */
	if (im->row_bad != 0)
		return;
	if (!f.ok) {
		/* The people of a new evaluation are still checked, so that one
		 * run names every problem of the row. */
		if (!strmap_get(&q->head_index, c->v[EV_KEY], NULL)) {
			(void)import_exists(im, c, EV_AGENT, ENTITY_PERSON, c->v[EV_AGENT],
					    "import them with people.csv first");
			(void)import_exists(im, c, EV_EVALUATOR, ENTITY_PERSON, c->v[EV_EVALUATOR],
					    "import them with people.csv first");
		}
		return;
	}
	if (strmap_get(&q->head_index, c->v[EV_KEY], &found)) {
		h = &q->heads[found];
		ok = agrees(im, c, h, EV_CONTACT, h->contact, c->v[EV_CONTACT]) &
		     agrees(im, c, h, EV_CHANNEL, channel_name(h->channel), channel_name(f.channel)) &
		     agrees(im, c, h, EV_AGENT, h->agent, c->v[EV_AGENT]) &
		     agrees(im, c, h, EV_EVALUATOR, h->evaluator, c->v[EV_EVALUATOR]) &
		     agrees(im, c, h, EV_KIND, eval_kind_name(h->kind), eval_kind_name(f.kind)) &
		     agrees(im, c, h, EV_CARD, h->card_name, import_optional(c, EV_CARD));
		if (ok && h->date != f.date) {
			char first[DATE_ISO_LEN + 1];

			date_format(h->date, first);
			import_problem(im, c->line, "date", "%s differs from line %ld (%s): all rows of"
				       " evaluation '%s' give the same date", c->v[EV_DATE], h->line,
				       first, h->key);
			ok = false;
		}
		if (!ok)
			return;
	} else {
		at = new_head(im, c, &f);
		if (at < 0)
			return;
		h = &q->heads[at];
		found = at;
	}
	if (intern(q, c->v[EV_AREA], &name) < 0) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		return;
	}
	for (uint32_t i = h->first; i != UINT32_MAX; i = q->rows[i].next) {
		if (q->rows[i].name == name) {
			import_problem(im, c->line, "area", "area '%s' is scored twice in evaluation '%s'"
				       " (first on line %ld); score each area once", c->v[EV_AREA], h->key,
				       q->rows[i].line);
			return;
		}
	}
	if (q->nrows >= UINT32_MAX - 1 ||
	    array_reserve(&q->rows, &q->caprows, q->nrows + 1, sizeof *q->rows) < 0) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		return;
	}
	r = &q->rows[q->nrows];
	*r = (struct qa_row){ .next = UINT32_MAX, .name = name, .score = f.score,
			      .comment = qkeep(im, import_optional(c, EV_COMMENT)), .line = c->line };
	if (h->first == UINT32_MAX)
		h->first = (uint32_t)q->nrows;
	else
		q->rows[h->last].next = (uint32_t)q->nrows;
	h->last = (uint32_t)q->nrows++;
	h->nrows++;
	(void)found;
}

/* The areas of h, as "a, b, c" (at most NAMES_SHOWN), into out. */
static void area_list(const struct qa_import *q, const struct qa_head *h, char *out, size_t outsz)
{
	size_t len = 0, shown = 0;

	out[0] = '\0';
	for (uint32_t i = h->first; i != UINT32_MAX && len + 1 < outsz; i = q->rows[i].next) {
		const char *more = shown == NAMES_SHOWN ? ", ..." : "";

		if (shown > NAMES_SHOWN)
			break;
		len += (size_t)snprintf(out + len, outsz - len, "%s%s", shown > 0 ? ", " : "",
					shown == NAMES_SHOWN ? more + 2 : q->names[q->rows[i].name]);
		shown++;
	}
}

/* Whether every area of h is on card c. */
static bool card_has_all(const struct qa_import *q, const struct qa_head *h, size_t c)
{
	for (uint32_t i = h->first; i != UINT32_MAX; i = q->rows[i].next) {
		uint32_t n = q->rows[i].name;

		if (n >= q->ncard_names || q->position[c * q->ncard_names + n] < 0)
			return false;
	}
	return true;
}

/* The scorecard whose latest version holds all of h's areas, found once
 * for each set of areas: its index, or -1 none, -2 several. */
static int resolve_card(struct importer *im, struct qa_head *h)
{
	struct qa_import *q = im->qa;
	char sig[4096];
	size_t len = 0;
	int64_t cached;
	int found = -1;

	/* The set's signature: its name indexes in the order of the rows,
	 * which files keep alike from one evaluation to the next. */
	for (uint32_t i = h->first; i != UINT32_MAX && len + 12 < sizeof sig; i = q->rows[i].next)
		len += (size_t)snprintf(sig + len, sizeof sig - len, "%u,", q->rows[i].name);
	if (len + 12 < sizeof sig && strmap_get(&q->resolved, sig, &cached))
		return (int)cached - 3;
	for (size_t c = 0; c < q->ncards; c++) {
		if (!card_has_all(q, h, c))
			continue;
		found = found == -1 ? (int)c : -2;
	}
	if (len + 12 < sizeof sig && strmap_put(&q->resolved, sig, found + 3) < 0) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
	}
	return found;
}

/* Names the scorecards that hold all of h's areas into out. */
static void cards_with_all(const struct qa_import *q, const struct qa_head *h, char *out,
			   size_t outsz)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t c = 0; c < q->ncards && len + 1 < outsz; c++)
		if (card_has_all(q, h, c))
			len += (size_t)snprintf(out + len, outsz - len, "%s'%s'", len > 0 ? " and " : "",
						q->cards[c].name);
}

/* The checks of the whole file: each evaluation's scorecard, and each
 * score on its area's scale. */
static void check_evaluations(struct importer *im)
{
	struct qa_import *q = im->qa;
	char areas[512], cards[512];

	for (size_t e = 0; e < q->nheads && !im->failed; e++) {
		struct qa_head *h = &q->heads[e];
		int64_t named;

		if (h->bad || h->first == UINT32_MAX)
			continue;
		if (h->card_name != NULL) {
			if (!strmap_get(&q->card_index, h->card_name, &named))
				continue;    /* reported on its first line */
			h->card = (int)named;
			for (uint32_t i = h->first; i != UINT32_MAX; i = q->rows[i].next) {
				uint32_t n = q->rows[i].name;

				if (n >= q->ncard_names || q->position[(size_t)named * q->ncard_names + n] < 0)
					import_problem(im, q->rows[i].line, "area", "scorecard '%s' (version %d)"
						       " has no area '%s'", h->card_name,
						       q->cards[named].version, q->names[n]);
			}
		} else {
			h->card = resolve_card(im, h);
			if (h->card < 0) {
				area_list(q, h, areas, sizeof areas);
				if (h->card == -1)
					import_problem(im, h->line, "area", "no scorecard has all the areas of"
						       " evaluation '%s' (%s); import the scorecard first, or"
						       " name it in a column scorecard", h->key, areas);
				else {
					cards_with_all(q, h, cards, sizeof cards);
					import_problem(im, h->line, "area", "the areas of evaluation '%s' (%s)"
						       " are on scorecards %s; name the one it was scored on"
						       " in a column scorecard", h->key, areas, cards);
				}
				continue;
			}
		}
		for (uint32_t i = h->first; i != UINT32_MAX; i = q->rows[i].next) {
			const struct qa_row *r = &q->rows[i];
			int at = r->name < q->ncard_names ?
				 q->position[(size_t)h->card * q->ncard_names + r->name] : -1;
			const struct qa_area *a;

			if (at < 0)
				continue;
			a = &q->cards[h->card].areas[at].a;
			if (r->score < a->min || r->score > a->max)
				import_problem(im, r->line, "score", "score %.15g is outside the scale of area"
					       " '%s' on scorecard '%s', %g to %g", r->score,
					       q->names[r->name], q->cards[h->card].name, a->min, a->max);
		}
	}
}

void import_write_evaluations(struct importer *im)
{
	struct qa_import *q = im->qa;
	struct qa_eval_in *ev = NULL;
	struct qa_score_in *scores = NULL;
	struct qa_put_stats stats;
	size_t k = 0;

	if (q == NULL)
		return;
	check_evaluations(im);
	if (im->failed || im->rep->errors > 0)
		return;
	ev = malloc((q->nheads ? q->nheads : 1) * sizeof *ev);
	scores = malloc((q->nrows ? q->nrows : 1) * sizeof *scores);
	if (ev == NULL || scores == NULL) {
		err_set(im->err, EX_OSERR, "out of memory");
		import_fail(im);
		goto out;
	}
	for (size_t e = 0; e < q->nheads; e++) {
		const struct qa_head *h = &q->heads[e];
		const struct scorecard_def *card = &q->cards[h->card];

		ev[e] = (struct qa_eval_in){
			.key = h->key, .contact = h->contact, .agent = h->agent,
			.evaluator = h->evaluator, .channel = h->channel, .kind = h->kind,
			.date = h->date, .card = card, .scores = &scores[k], .nscores = h->nrows,
			.id = h->id,
		};
		for (uint32_t i = h->first; i != UINT32_MAX; i = q->rows[i].next) {
			const struct qa_row *r = &q->rows[i];

			scores[k++] = (struct qa_score_in){
				.area = (size_t)q->position[(size_t)h->card * q->ncard_names + r->name],
				.score = r->score,
				.comment = r->comment,
			};
		}
	}
	if (store_put_evaluations(im->st, ev, q->nheads, &stats, im->err) < 0) {
		import_fail(im);
		goto out;
	}
	im->rep->rows = (long)q->nrows;
out:
	free(ev);
	free(scores);
}
