/* Scorecards and evaluations (store/quality.h), the same on both engines:
 * versions of scorecards, evaluations stored, corrected and retracted
 * with the evidence they produce (the reads behind the views are in
 * quality_read.c). The SQL is in store/quality_sql.h, run by the
 * backend's qa_run. */
#include "store/quality.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/alerts.h"
#include "store/backend.h"
#include "store/quality_int.h"
#include "util/array.h"

enum {
	ROWS_CHUNK = 4096            /* rows handed to put_rows or appended at once */
};

static int require_tx(struct store *st, struct err *err)
{
	return st->in_tx ? 0 : err_set(err, EX_SOFTWARE, "write outside a transaction");
}

static const struct table_def *table_named(const char *name)
{
	for (int i = 0; i < store_table_count; i++)
		if (strcmp(store_tables[i].name, name) == 0)
			return &store_tables[i];
	return NULL;
}

/* ---- scorecards --------------------------------------------------------- */

struct cards {
	struct arena *a;
	struct scorecard_def *items;
	size_t n, cap;
	size_t *area_cap;            /* per card */
	size_t area_caps;
	bool failed;
};

static const char *keep(struct cards *c, const char *s)
{
	const char *k = arena_strdup(c->a, s);

	if (s != NULL && k == NULL)
		c->failed = true;
	return k;
}

static int card_row(void *ctx, const char *const *cols, int ncols)
{
	struct cards *c = ctx;
	struct scorecard_def *d;
	struct scorecard_area_def *ar;

	if (ncols < 11)
		return 0;
	if (c->n == 0 || strcmp(c->items[c->n - 1].name, cols[0]) != 0) {
		if (array_reserve(&c->items, &c->cap, c->n + 1, sizeof *c->items) < 0 ||
		    array_reserve(&c->area_cap, &c->area_caps, c->n + 1, sizeof *c->area_cap) < 0)
			return c->failed = true, 1;
		d = &c->items[c->n];
		*d = (struct scorecard_def){ .name = keep(c, cols[0]),
					     .version_id = col_int(cols[1]),
					     .version = (int)col_int(cols[2]) };
		c->area_cap[c->n] = 0;
		c->n++;
	}
	d = &c->items[c->n - 1];
	if (array_reserve(&d->areas, &c->area_cap[c->n - 1], d->nareas + 1, sizeof *d->areas) < 0)
		return c->failed = true, 1;
	ar = &d->areas[d->nareas++];
	*ar = (struct scorecard_area_def){
		.id = col_int(cols[3]),
		.name = keep(c, cols[4]),
		.competency = keep(c, cols[5]),
		.a = { .weight = col_real(cols[6]), .min = col_real(cols[7]), .max = col_real(cols[8]),
		       .critical = col_int(cols[9]) != 0 },
	};
	return c->failed ? 1 : 0;
}

/* The areas are gathered with malloc (they grow) and moved into the arena
 * at the end, so that the caller frees only the arena. */
int store_load_scorecards(struct store *st, struct arena *a, struct scorecard_def **out,
			  size_t *n, struct err *err)
{
	struct cards c = { .a = a };
	int rc = run(st, QA_LATEST_AREAS, NULL, 0, card_row, &c, NULL, err);

	*out = NULL;
	*n = 0;
	if (rc < 0)
		goto fail;
	if (c.failed) {
		err_set(err, EX_OSERR, "out of memory");
		goto fail;
	}
	if (c.n > 0) {
		*out = arena_alloc(a, c.n * sizeof **out);
		if (*out == NULL)
			goto oom;
	}
	for (size_t i = 0; i < c.n; i++) {
		struct scorecard_area_def *areas = arena_alloc(a, c.items[i].nareas * sizeof *areas);

		if (areas == NULL)
			goto oom;
		memcpy(areas, c.items[i].areas, c.items[i].nareas * sizeof *areas);
		(*out)[i] = c.items[i];
		(*out)[i].areas = areas;
	}
	*n = c.n;
	rc = 0;
	goto out;
oom:
	err_set(err, EX_OSERR, "out of memory");
fail:
	rc = -1;
	*out = NULL;
out:
	for (size_t i = 0; i < c.n; i++)
		free(c.items[i].areas);
	free(c.items);
	free(c.area_cap);
	return rc;
}

static bool same_areas(const struct scorecard_def *d, const struct scorecard_area_def *areas,
		       size_t n)
{
	if (d->nareas != n)
		return false;
	for (size_t i = 0; i < n; i++) {
		const struct scorecard_area_def *x = &d->areas[i], *y = &areas[i];

		if (strcmp(x->name, y->name) != 0 || strcmp(x->competency, y->competency) != 0 ||
		    x->a.weight != y->a.weight || x->a.min != y->a.min || x->a.max != y->a.max ||
		    x->a.critical != y->a.critical)
			return false;
	}
	return true;
}

static int take_id(void *ctx, const char *const *cols, int ncols)
{
	int64_t *id = ctx;

	if (ncols >= 1)
		*id = col_int(cols[0]);
	return 0;
}

int store_put_scorecard(struct store *st, const char *name, const struct scorecard_area_def *areas,
			size_t n, int *version, bool *added, struct err *err)
{
	struct arena a;
	struct scorecard_def *cards = NULL, *latest = NULL;
	size_t ncards = 0;
	int64_t card_id = 0, version_id = 0;
	char now[32];
	int rc = -1;

	*added = false;
	*version = 0;
	if (require_tx(st, err) < 0)
		return -1;
	if (n == 0)
		return err_set(err, EX_DATAERR, "scorecard '%s' has no areas", name);
	arena_init(&a, SIZE_MAX);
	if (store_load_scorecards(st, &a, &cards, &ncards, err) < 0)
		goto out;
	for (size_t i = 0; i < ncards; i++)
		if (strcmp(cards[i].name, name) == 0)
			latest = &cards[i];
	if (latest != NULL && same_areas(latest, areas, n)) {
		*version = latest->version;
		rc = 0;
		goto out;
	}
	if (run(st, QA_CARD_ID, (struct pv_param[]){ p_text(name) }, 1, take_id, &card_id, NULL,
		err) < 0)
		goto out;
	if (card_id == 0 &&
	    run(st, QA_PUT_CARD, (struct pv_param[]){ p_text(name) }, 1, take_id, &card_id, NULL,
		err) < 0)
		goto out;
	store_now_utc(now);
	*version = latest != NULL ? latest->version + 1 : 1;
	if (run(st, QA_PUT_VERSION, (struct pv_param[]){ p_int(card_id), p_int(*version), p_text(now) },
		3, take_id, &version_id, NULL, err) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		int64_t comp_id;
		int found = store_lookup(st, ENTITY_COMPETENCY, areas[i].competency, &comp_id, err);

		if (found <= 0) {
			if (found == 0)
				err_set(err, EX_DATAERR, "unknown competency '%s'", areas[i].competency);
			goto out;
		}
		if (run(st, QA_PUT_AREA, (struct pv_param[]){ p_int(version_id), p_text(areas[i].name),
			p_int(comp_id), p_real(areas[i].a.weight), p_real(areas[i].a.min),
			p_real(areas[i].a.max), p_int(areas[i].a.critical) }, 7, NULL, NULL, NULL, err) < 0)
			goto out;
	}
	*added = true;
	rc = 0;
out:
	arena_free(&a);
	return rc;
}

int store_each_scorecard_area(struct store *st,
			      int (*cb)(void *ctx, const struct scorecard_def *card,
					const struct scorecard_area_def *area),
			      void *ctx, struct err *err)
{
	struct arena a;
	struct scorecard_def *cards;
	size_t n;
	int rc;

	arena_init(&a, SIZE_MAX);
	rc = store_load_scorecards(st, &a, &cards, &n, err);
	for (size_t i = 0; rc == 0 && i < n; i++)
		for (size_t j = 0; rc == 0 && j < cards[i].nareas; j++)
			rc = cb(ctx, &cards[i], &cards[i].areas[j]);
	arena_free(&a);
	return rc;
}

/* ---- evaluations ------------------------------------------------------- */

struct key_walk {
	int (*cb)(void *ctx, const char *key, int64_t id, bool retracted);
	void *ctx;
};

static int key_row(void *ctx, const char *const *cols, int ncols)
{
	struct key_walk *k = ctx;

	if (ncols < 3)
		return 0;
	return k->cb(k->ctx, cols[0], col_int(cols[1]), col_int(cols[2]) != 0);
}

int store_each_evaluation_key(struct store *st,
			      int (*cb)(void *ctx, const char *key, int64_t id, bool retracted),
			      void *ctx, struct err *err)
{
	struct key_walk k = { cb, ctx };

	return run(st, QA_EVAL_KEYS, NULL, 0, key_row, &k, NULL, err);
}

struct stored {
	struct arena *a;
	struct qa_stored_eval *e;
	size_t cap;
	bool found, failed;
};

static const char *skeep(struct stored *s, const char *text)
{
	const char *k = arena_strdup(s->a, text);

	if (text != NULL && k == NULL)
		s->failed = true;
	return k;
}

static int head_row(void *ctx, const char *const *cols, int ncols)
{
	struct stored *s = ctx;
	struct qa_stored_eval *e = s->e;

	if (ncols < 12)
		return 0;
	s->found = true;
	e->id = col_int(cols[0]);
	e->contact = skeep(s, cols[1]);
	e->channel = skeep(s, cols[2]);
	e->agent = skeep(s, cols[3]);
	e->evaluator = skeep(s, cols[4]);
	e->kind = skeep(s, cols[5]);
	e->date = (int32_t)col_int(cols[6]);
	e->scorecard = skeep(s, cols[7]);
	e->version = (int)col_int(cols[8]);
	e->version_id = col_int(cols[9]);
	e->retracted_at = skeep(s, cols[10]);
	e->retract_reason = skeep(s, cols[11]);
	return s->failed ? 1 : 0;
}

static int score_row(void *ctx, const char *const *cols, int ncols)
{
	struct stored *s = ctx;
	struct qa_stored_eval *e = s->e;
	struct qa_stored_score *q;

	if (ncols < 10)
		return 0;
	if (e->nscores == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 16;
		struct qa_stored_score *more = arena_alloc(s->a, cap * sizeof *more);

		if (more == NULL)
			return s->failed = true, 1;
		if (e->nscores > 0)
			memcpy(more, e->scores, e->nscores * sizeof *more);
		e->scores = more;
		s->cap = cap;
	}
	q = &e->scores[e->nscores++];
	*q = (struct qa_stored_score){
		.area_id = col_int(cols[0]),
		.area = skeep(s, cols[1]),
		.competency = skeep(s, cols[2]),
		.a = { .weight = col_real(cols[3]), .min = col_real(cols[4]), .max = col_real(cols[5]),
		       .critical = col_int(cols[6]) != 0 },
		.score = col_real(cols[7]),
		.comment = skeep(s, cols[8]),
		.evidence_id = col_int(cols[9]),
	};
	return s->failed ? 1 : 0;
}

int store_get_evaluation(struct store *st, const char *key, struct arena *a,
			 struct qa_stored_eval *out, struct err *err)
{
	struct stored s = { .a = a, .e = out };

	*out = (struct qa_stored_eval){ 0 };
	if (run(st, QA_EVAL_HEAD, (struct pv_param[]){ p_text(key) }, 1, head_row, &s, NULL, err) < 0)
		return -1;
	if (!s.failed && s.found) {
		out->key = skeep(&s, key);
		if (run(st, QA_EVAL_SCORES, (struct pv_param[]){ p_int(out->id) }, 1, score_row, &s,
			NULL, err) < 0)
			return -1;
	}
	if (s.failed)
		return err_set(err, EX_OSERR, "out of memory");
	return s.found ? 1 : 0;
}

/* Whether the stored evaluation is ev as given. */
static bool same_evaluation(const struct qa_stored_eval *old, const struct qa_eval_in *ev)
{
	if (strcmp(old->contact, ev->contact) != 0 ||
	    strcmp(old->channel, channel_name(ev->channel)) != 0 ||
	    strcmp(old->agent, ev->agent) != 0 || old->evaluator == NULL ||
	    strcmp(old->evaluator, ev->evaluator) != 0 ||
	    strcmp(old->kind, eval_kind_name(ev->kind)) != 0 || old->date != ev->date ||
	    old->version_id != ev->card->version_id || old->nscores != ev->nscores)
		return false;
	for (size_t i = 0; i < ev->nscores; i++) {
		const struct qa_score_in *q = &ev->scores[i];
		int64_t area = ev->card->areas[q->area].id;
		bool match = false;

		for (size_t j = 0; j < old->nscores && !match; j++) {
			const struct qa_stored_score *o = &old->scores[j];

			match = o->area_id == area && o->score == q->score &&
				(o->comment == NULL ? q->comment == NULL
						    : q->comment != NULL && strcmp(o->comment, q->comment) == 0);
		}
		if (!match)
			return false;
	}
	return true;
}

/* Retracts the evidence rows in force that evaluation id produced, with
 * reason; their number into *n. */
static int retract_evidence_of(struct store *st, int64_t id, const char *reason, long *n,
			       struct err *err)
{
	struct ids x = { 0 };
	int rc = run(st, QA_EVAL_EVIDENCE, (struct pv_param[]){ p_int(id) }, 1, id_row, &x, NULL, err);

	if (rc == 0 && x.failed)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < x.n; i++)
		rc = store_retract_evidence(st, x.v[i], reason, err);
	if (rc == 0 && n != NULL)
		*n += (long)x.n;
	free(x.v);
	return rc < 0 ? -1 : 0;
}

/* A person's id, which the caller has checked exists. */
static int person_id(struct store *st, const char *key, int64_t *id, struct err *err)
{
	int rc = store_lookup(st, ENTITY_PERSON, key, id, err);

	if (rc == 0)
		return err_set(err, EX_DATAERR, "unknown person '%s'", key);
	return rc < 0 ? -1 : 0;
}

/* Replaces stored evaluation ev->id by ev, unless it is the same: then
 * *same is set and nothing changes. */
static int correct(struct store *st, const struct qa_eval_in *ev, bool *same,
		   struct qa_put_stats *stats, struct err *err)
{
	struct arena a;
	struct qa_stored_eval old;
	int64_t agent, evaluator;
	char reason[KEY_MAX + 64];
	int rc;

	arena_init(&a, SIZE_MAX);
	rc = store_get_evaluation(st, ev->key, &a, &old, err);
	*same = rc == 1 && same_evaluation(&old, ev);
	arena_free(&a);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(err, EX_DATAERR, "evaluation '%s' is not stored", ev->key);
	if (*same)
		return 0;
	(void)snprintf(reason, sizeof reason, "evaluation '%s' corrected", ev->key);
	if (retract_evidence_of(st, ev->id, reason, &stats->retracted, err) < 0 ||
	    run(st, QA_EVAL_DELETE_SCORES, (struct pv_param[]){ p_int(ev->id) }, 1, NULL, NULL, NULL,
		err) < 0 ||
	    person_id(st, ev->agent, &agent, err) < 0 || person_id(st, ev->evaluator, &evaluator, err) < 0)
		return -1;
	return run(st, QA_EVAL_UPDATE, (struct pv_param[]){ p_int(ev->id), p_text(ev->contact),
		   p_text(channel_name(ev->channel)), p_int(agent), p_int(evaluator),
		   p_text(eval_kind_name(ev->kind)), p_int(ev->date), p_int(ev->card->version_id),
		   st->batch != 0 ? p_int(st->batch) : p_text(NULL) }, 9, NULL, NULL, NULL, err) < 0
		       ? -1 : 0;
}

/* Ranges of reserved ids, handed out one at a time. */
struct reserved {
	int64_t *first, *count;      /* per range */
	size_t n, cap, at;           /* ranges, and the one handing out */
	int64_t used;                /* of range at */
	bool failed;
};

static int range_row(void *ctx, const char *const *cols, int ncols)
{
	struct reserved *r = ctx;
	size_t cap = r->cap;

	if (ncols < 2)
		return 0;
	if (array_reserve(&r->first, &cap, r->n + 1, sizeof *r->first) < 0 ||
	    array_reserve(&r->count, &r->cap, r->n + 1, sizeof *r->count) < 0)
		return r->failed = true, 1;
	r->first[r->n] = col_int(cols[0]);
	r->count[r->n] = col_int(cols[1]);
	r->n++;
	return 0;
}

static int reserve(struct store *st, enum qa_stmt which, size_t n, struct reserved *r,
		   struct err *err)
{
	int64_t total = 0;

	*r = (struct reserved){ 0 };
	if (n == 0)
		return 0;
	if (run(st, which, (struct pv_param[]){ p_int((int64_t)n) }, 1, range_row, r, NULL, err) < 0)
		return -1;
	if (r->failed)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < r->n; i++)
		total += r->count[i];
	return total == (int64_t)n ? 0 : err_set(err, EX_SOFTWARE, "reserved %lld ids, not %zu",
						   (long long)total, n);
}

static int64_t next_id(struct reserved *r)
{
	while (r->at < r->n && r->used == r->count[r->at]) {
		r->at++;
		r->used = 0;
	}
	return r->at < r->n ? r->first[r->at] + r->used++ : 0;
}

static void reserved_free(struct reserved *r)
{
	free(r->first);
	free(r->count);
}

static struct cell c_int(int64_t i)
{
	return (struct cell){ .i = i };
}

static struct cell c_text(const char *s)
{
	return s != NULL ? (struct cell){ .s = s } : (struct cell){ .null = 1 };
}

/* Inserts the headers of the new evaluations (ids[i] for todo[i]). */
static int insert_heads(struct store *st, const struct qa_eval_in *const *todo, const int64_t *ids,
			size_t n, struct err *err)
{
	const struct table_def *t = table_named("evaluation");
	struct cell *cells = malloc((size_t)ROWS_CHUNK * 12 * sizeof *cells);
	int rc = 0;

	if (t == NULL || t->ncolumns != 12)
		rc = err_set(err, EX_SOFTWARE, "no table evaluation of 12 columns");
	else if (cells == NULL)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < n; i += ROWS_CHUNK) {
		size_t k = n - i < ROWS_CHUNK ? n - i : ROWS_CHUNK;

		for (size_t j = 0; rc == 0 && j < k; j++) {
			const struct qa_eval_in *ev = todo[i + j];
			struct cell *c = &cells[j * 12];
			int64_t agent, evaluator;

			if (person_id(st, ev->agent, &agent, err) < 0 ||
			    person_id(st, ev->evaluator, &evaluator, err) < 0) {
				rc = -1;
				break;
			}
			c[0] = c_int(ids[i + j]);
			c[1] = c_text(ev->key);
			c[2] = c_text(ev->contact);
			c[3] = c_text(channel_name(ev->channel));
			c[4] = c_int(agent);
			c[5] = c_int(evaluator);
			c[6] = c_text(eval_kind_name(ev->kind));
			c[7] = c_int(ev->date);
			c[8] = c_int(ev->card->version_id);
			c[9] = st->batch != 0 ? c_int(st->batch) : c_text(NULL);
			c[10] = c_text(NULL);
			c[11] = c_text(NULL);
		}
		if (rc == 0)
			rc = st->be->put_rows(st, t, cells, k, err);
	}
	free(cells);
	return rc < 0 ? -1 : 0;
}

/* The evidence rows and area scores of one chunk, written together: the
 * rows first, since each score refers to its row. */
struct score_chunk {
	const struct table_def *t;
	struct evidence *rows;
	size_t nrows;
	struct cell *cells;          /* 5 per score */
	size_t nscores;
};

static int flush_scores(struct store *st, struct score_chunk *c, struct err *err)
{
	if (c->nrows > 0 && store_append_evidence(st, c->rows, c->nrows, err) < 0)
		return -1;
	if (c->nscores > 0 && st->be->put_rows(st, c->t, c->cells, c->nscores, err) < 0)
		return -1;
	c->nrows = c->nscores = 0;
	return 0;
}

/* Appends the evidence and inserts the area scores of todo[0..n) (their
 * evaluation ids in ids[]). */
static int insert_scores(struct store *st, const struct qa_eval_in *const *todo, const int64_t *ids,
			 size_t n, struct qa_put_stats *stats, struct err *err)
{
	struct score_chunk c = { .t = table_named("evaluation_score") };
	struct reserved evidence_ids;
	size_t feeding = 0;
	int rc = 0;

	for (size_t i = 0; i < n; i++) {
		enum source src;

		if (eval_kind_source(todo[i]->kind, &src))
			feeding += todo[i]->nscores;
	}
	if (c.t == NULL || c.t->ncolumns != 5)
		return err_set(err, EX_SOFTWARE, "no table evaluation_score of 5 columns");
	if (reserve(st, QA_RESERVE_EVIDENCE, feeding, &evidence_ids, err) < 0)
		return -1;
	c.rows = malloc(ROWS_CHUNK * sizeof *c.rows);
	c.cells = malloc((size_t)ROWS_CHUNK * 5 * sizeof *c.cells);
	if (c.rows == NULL || c.cells == NULL)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const struct qa_eval_in *ev = todo[i];
		enum source src = SOURCE_QA;
		bool feeds = eval_kind_source(ev->kind, &src);

		for (size_t j = 0; rc == 0 && j < ev->nscores; j++) {
			const struct qa_score_in *q = &ev->scores[j];
			const struct scorecard_area_def *area = &ev->card->areas[q->area];
			struct cell *cell = &c.cells[c.nscores++ * 5];

			cell[0] = c_int(ids[i]);
			cell[1] = c_int(area->id);
			cell[2] = (struct cell){ .r = q->score };
			cell[3] = c_text(q->comment);
			cell[4] = c_text(NULL);
			if (feeds) {
				struct evidence *e = &c.rows[c.nrows++];

				*e = (struct evidence){
					.id = next_id(&evidence_ids),
					.person = ev->agent,
					.competency = area->competency,
					.source = src,
					.date = ev->date,
					.assessor = ev->evaluator,
				};
				qa_evidence_level_stored(qa_area_percentage(&area->a, q->score), &e->level,
							 &e->level_decimals);
				if (e->id == 0)
					rc = err_set(err, EX_SOFTWARE, "too few evidence ids reserved");
				cell[4] = c_int(e->id);
				stats->evidence++;
			}
			if (rc == 0 && (c.nscores == ROWS_CHUNK || c.nrows == ROWS_CHUNK))
				rc = flush_scores(st, &c, err);
		}
	}
	if (rc == 0)
		rc = flush_scores(st, &c, err);
	free(c.rows);
	free(c.cells);
	reserved_free(&evidence_ids);
	return rc < 0 ? -1 : 0;
}

int store_put_evaluations(struct store *st, const struct qa_eval_in *ev, size_t n,
			  struct qa_put_stats *stats, struct err *err)
{
	const struct qa_eval_in **todo = NULL;
	int64_t *ids = NULL;
	size_t ntodo = 0, nnew = 0;
	struct reserved new_ids = { 0 };
	int rc = -1;

	*stats = (struct qa_put_stats){ 0 };
	if (require_tx(st, err) < 0)
		return -1;
	todo = malloc((n ? n : 1) * sizeof *todo);
	ids = malloc((n ? n : 1) * sizeof *ids);
	if (todo == NULL || ids == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	/* Corrections first: their retractions rebuild pairs from the rows
	 * stored, which is quickest before a bulk load drops an index. */
	for (size_t i = 0; i < n; i++) {
		bool same;

		if (ev[i].id == 0) {
			nnew++;
			continue;
		}
		if (correct(st, &ev[i], &same, stats, err) < 0)
			goto out;
		if (same) {
			stats->unchanged++;
			continue;
		}
		stats->corrected++;
		todo[ntodo] = &ev[i];
		ids[ntodo++] = ev[i].id;
	}
	if (reserve(st, QA_RESERVE_EVALUATIONS, nnew, &new_ids, err) < 0)
		goto out;
	for (size_t i = 0; i < n; i++) {
		if (ev[i].id != 0)
			continue;
		todo[ntodo] = &ev[i];
		ids[ntodo] = next_id(&new_ids);
		if (ids[ntodo++] == 0) {
			err_set(err, EX_SOFTWARE, "too few evaluation ids reserved");
			goto out;
		}
	}
	stats->added = (long)nnew;
	if (insert_heads(st, todo + (ntodo - nnew), ids + (ntodo - nnew), nnew, err) < 0 ||
	    insert_scores(st, todo, ids, ntodo, stats, err) < 0 ||
	    store_webhook_enqueue_evaluations(st, todo, ids, ntodo, err) < 0)
		goto out;
	rc = 0;
out:
	reserved_free(&new_ids);
	free(todo);
	free(ids);
	return rc;
}

int store_retract_evaluation(struct store *st, const char *key, const char *reason, long *rows,
			     struct err *err)
{
	struct arena a;
	struct qa_stored_eval old;
	char why[KEY_MAX + 64 + 1024], now[32];
	long n = 0;
	int rc;

	if (rows != NULL)
		*rows = 0;
	if (require_tx(st, err) < 0)
		return -1;
	if (reason == NULL || reason[0] == '\0')
		return err_set(err, EX_USAGE, "say why the evaluation is retracted");
	arena_init(&a, SIZE_MAX);
	rc = store_get_evaluation(st, key, &a, &old, err);
	if (rc == 0)
		rc = err_set(err, EX_DATAERR, "no evaluation '%s'; 'compgap export evaluations' lists"
			     " them", key);
	else if (rc == 1 && old.retracted_at != NULL)
		rc = err_set(err, EX_DATAERR, "evaluation '%s' was retracted already (%s: %s)", key,
			     old.retracted_at, old.retract_reason != NULL ? old.retract_reason : "");
	if (rc < 0)
		goto out;
	(void)snprintf(why, sizeof why, "evaluation '%s' retracted: %.1000s", key, reason);
	store_now_utc(now);
	rc = retract_evidence_of(st, old.id, why, &n, err);
	if (rc == 0)
		rc = run(st, QA_EVAL_RETRACT, (struct pv_param[]){ p_int(old.id), p_text(now),
			 p_text(reason) }, 3, NULL, NULL, NULL, err) < 0 ? -1 : 0;
	if (rc == 0 && rows != NULL)
		*rows = n;
out:
	arena_free(&a);
	return rc < 0 ? -1 : 0;
}
