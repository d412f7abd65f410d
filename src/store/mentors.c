/* The mentor search's reading of the store, the same way on every engine
 * and for every date: for each competency, the best holders as of the
 * query's date, then the members of the team (store.h,
 * store_each_candidate).
 *
 * The stored sums give a holder's level only as of a date on or after the
 * holder's newest row. So the best holders as of a date D come from two
 * reads (docs/time-travel.md):
 *   - the settled holders, whose newest row is on or before D: their
 *     stored level is that of D, and the level index gives them best
 *     first;
 *   - the holders with rows after D, by their best level, the highest
 *     level they had at a date when their evidence weight reached the
 *     mentor minimum, which their level as of D cannot exceed when it
 *     counts: each one's sums as of D come from its history, until the
 *     best level falls below the level the search already has enough
 *     holders at. A query that asks less weight than the settings'
 *     minimum (the tests do) cannot trust that bound and reads them all.
 * When no evidence is newer than D (today's view, as a rule) there are no
 * such holders, and the second read is skipped: the index on the best
 * level cannot skip the settled holders, it would read them all. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "util/arena.h"
#include "util/array.h"

/* What a reading callback returns to stop the reading. */
#define ENOUGH 0x454e4f55

/* A holder found, with its sums as of the query's date. */
struct holder {
	const char *person, *team;       /* in the search's arena */
	int64_t person_id;
	double level;
	struct evidence_sums sums;
};

struct search {
	struct store *st;
	const struct candidate_query *q;
	const struct candidate_ask *ask;
	struct err *err;
	double scale;                    /* estimate_scale of the query's date */
	int settled;                     /* no evidence is newer than the date */
	int bounded;                     /* the best levels bound the query's holders */
	size_t want;                     /* the best this many, and all tied with the last */
	struct holder *found;            /* this competency's best, in no order */
	size_t nfound, cap_found;
	double *top;                     /* the want highest levels found, descending */
	size_t ntop;
	struct arena names;              /* found[].person, .team */
	struct holder next;              /* keep_newer's, while its person is read */
	int64_t *seen;                   /* the people passed on, by id */
	size_t nseen, cap_seen;
	int (*cb)(void *ctx, const char *competency, const char *person, const char *team,
		  const struct evidence_sums *s);
	void *ctx;
};

static double level_of(const struct evidence_sums *s)
{
	return (s->wl_self + s->wl_other) / (s->w_self + s->w_other);
}

/* Keeps the want highest levels in top, descending. */
static void note_top(struct search *x, double level)
{
	size_t i = x->ntop < x->want ? x->ntop++ : x->want;

	if (x->want == 0)
		return;
	if (i == x->want) {
		if (level <= x->top[x->want - 1])
			return;
		i--;
	}
	while (i > 0 && x->top[i - 1] < level) {
		x->top[i] = x->top[i - 1];
		i--;
	}
	x->top[i] = level;
}

/* Whether the search has want holders at least level (less a rounding
 * error: levels that close are one level to the estimate, estimate_snap,
 * and ties with the last are all passed on). */
static int enough_above(const struct search *x, double level)
{
	return x->want > 0 && x->ntop == x->want && level < x->top[x->want - 1] - ESTIMATE_EPS;
}

/* Keeps h, its names copied. */
static int keep(struct search *x, const struct holder *h)
{
	struct holder *k;

	if (array_reserve(&x->found, &x->cap_found, x->nfound + 1, sizeof *x->found) < 0)
		return 1;
	k = &x->found[x->nfound];
	*k = *h;
	k->person = arena_strdup(&x->names, h->person);
	k->team = arena_strdup(&x->names, h->team);
	if (k->person == NULL || (h->team != NULL && k->team == NULL))
		return 1;
	x->nfound++;
	note_top(x, h->level);
	return 0;
}

/* A settled holder, best first: its stored sums are valid for the date. */
static int keep_settled(void *ctx, const struct candidate_row *c)
{
	struct search *x = ctx;
	double level = level_of(&c->sums);

	if (enough_above(x, level))
		return ENOUGH;
	return keep(x, &(struct holder){ c->person, c->team, c->person_id, level, c->sums });
}

/* keep_newer's holder is an active person: keep it. */
static int keep_member(void *ctx, const char *person, const char *team)
{
	struct search *x = ctx;

	x->next.person = person;
	x->next.team = team;
	return keep(x, &x->next);
}

/* A holder with rows after the date, highest best level first: its id
 * and history only; who it is, is read only if it may be passed on. */
static int keep_newer(void *ctx, const struct candidate_row *c)
{
	struct search *x = ctx;
	struct evidence_sums v;
	double level;

	if (x->bounded && enough_above(x, c->sums.best_level))
		return ENOUGH;
	if (store_history_as_of(x->st, c->person_id, c->competency_id, c->history,
				c->history_len, x->q->as_of, &v, x->err) < 0)
		return -1;
	if (v.n_self + v.n_other == 0 || v.w_self + v.w_other <= 0)
		return 0;
	level = level_of(&v);
	/* What the settled read asks of the stored sums in SQL. */
	if (level < x->ask->min_level || (v.w_self + v.w_other) * x->scale < x->ask->min_weight)
		return 0;
	/* Below the best ones found, it will never be passed on (they only
	 * rise); else read who it is, and whether still active. */
	if (enough_above(x, level))
		return 0;
	x->next = (struct holder){ NULL, NULL, c->person_id, level, v };
	return x->st->be->member_by_id(x->st, c->person_id, keep_member, x, x->err);
}

static int by_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

static int best_first(const void *x, const void *y)
{
	const struct holder *a = x, *b = y;

	if (a->level != b->level)
		return a->level < b->level ? 1 : -1;
	return by_id(&a->person_id, &b->person_id);
}

/* Passes on the want best found and all tied with the last, best first,
 * and remembers them so that the team's read skips them. */
static int pass_best(struct search *x, const char *competency)
{
	double last = 0;

	if (x->nfound > 1)    /* found is NULL until a holder is kept */
		qsort(x->found, x->nfound, sizeof *x->found, best_first);
	x->nseen = 0;
	for (size_t i = 0; i < x->nfound; i++) {
		const struct holder *h = &x->found[i];
		int rc;

		if (i >= x->want && h->level < last - ESTIMATE_EPS)
			break;
		last = h->level;
		if (array_reserve(&x->seen, &x->cap_seen, x->nseen + 1, sizeof *x->seen) < 0)
			return 1;
		x->seen[x->nseen++] = h->person_id;
		rc = x->cb(x->ctx, competency, h->person, h->team, &h->sums);
		if (rc != 0)
			return rc;
	}
	if (x->nseen > 1)
		qsort(x->seen, x->nseen, sizeof *x->seen, by_id);
	return 0;
}

/* A member of the team not passed on yet, with its sums as of the date. */
static int pass_member(void *ctx, const struct candidate_row *c)
{
	struct search *x = ctx;
	struct evidence_sums v = c->sums;

	if (x->nseen > 0 && bsearch(&c->person_id, x->seen, x->nseen, sizeof *x->seen, by_id) != NULL)
		return 0;
	if (store_pair_as_of(x->st, c->person_id, c->competency_id, c->history, c->history_len,
			     x->q->as_of, &v, x->err) < 0)
		return -1;
	if (v.n_self + v.n_other == 0)
		return 0;
	return x->cb(x->ctx, c->competency, c->person, c->team, &v);
}

/* One competency: the best holders, then the team's other members. */
static int search_one(struct search *x, const struct candidate_ask *a)
{
	int rc;

	x->ask = a;
	x->nfound = 0;
	x->ntop = 0;
	rc = x->st->be->each_candidate(x->st, CANDIDATES_BEST, a, keep_settled, x, x->err);
	if ((rc == 0 || rc == ENOUGH) && !x->settled) {
		struct candidate_ask newer = *a;

		if (!x->bounded)
			newer.min_level = -1;    /* every best level */
		rc = x->st->be->each_candidate(x->st, CANDIDATES_NEWER, &newer, keep_newer, x,
					       x->err);
	}
	if (rc == 0 || rc == ENOUGH)
		rc = pass_best(x, a->competency);
	if (rc == 0 && a->team != NULL)
		rc = x->st->be->each_candidate(x->st, CANDIDATES_TEAM, a, pass_member, x, x->err);
	return rc;
}

int store_each_candidate(struct store *st, const struct candidate_query *q,
			 int (*cb)(void *ctx, const char *competency, const char *person,
				   const char *team, const struct evidence_sums *s),
			 void *ctx, struct err *err)
{
	struct search x = {
		.st = st, .q = q, .err = err, .cb = cb, .ctx = ctx,
		.scale = estimate_scale(q->as_of, st->settings.half_life),
	};
	size_t most = 0;
	int32_t newest = 0;
	int rc = 0;

	if (q->n > 0 && st->be->newest_evidence(st, &newest, err) < 0)
		return -1;
	x.settled = newest <= q->as_of;
	x.bounded = q->min_weight >= estimate_mentor_min_weight(&st->settings);
	for (size_t i = 0; i < q->n; i++)
		if (q->best[i] > most)
			most = q->best[i];
	x.top = malloc((most + 1) * sizeof *x.top);
	if (x.top == NULL)
		return 1;
	arena_init(&x.names, SIZE_MAX);
	for (size_t i = 0; rc == 0 && i < q->n; i++) {
		struct candidate_ask a = { q->competencies[i], q->team, q->min_levels[i],
					   q->min_weight, q->as_of };

		x.want = q->best[i];
		rc = search_one(&x, &a);
	}
	free(x.top);
	free(x.found);
	free(x.seen);
	arena_free(&x.names);
	return rc;
}
