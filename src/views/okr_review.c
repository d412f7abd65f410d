/* The quarterly review of a team's objectives (views/okr_review.h). */
#include "views/okr_review.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util/date.h"

int okr_quarter_parse(const char *s, int32_t *first, int32_t *last)
{
	/* Only a quarter's shape; its days are the periods' (core/okr.h). */
	if (strlen(s) != 7 || strspn(s, "0123456789") != 4 || s[4] != '-' || s[5] != 'Q' ||
	    s[6] < '1' || s[6] > '4')
		return -1;
	if (okr_period_parse(s, false, first) < 0 || okr_period_parse(s, true, last) < 0)
		return -1;
	return 0;
}

void okr_quarter_last_finished(int32_t today, char out[8])
{
	int y, m, d, q;

	date_to_ymd(today, &y, &m, &d);
	q = (m - 1) / 3;          /* the quarter before today's, 0 meaning last year's Q4 */
	if (q == 0) {
		y--;
		q = 4;
	}
	(void)snprintf(out, 8, "%04u-Q%u", (unsigned)y % 10000u, (unsigned)q % 5u);
}

static int by_end(const void *a, const void *b)
{
	const struct okr_review_item *x = a, *y = b;
	const struct objective *p = x->ov->o, *q = y->ov->o;

	if (p->end != q->end)
		return p->end < q->end ? -1 : 1;
	if (p->start != q->start)
		return p->start < q->start ? -1 : 1;
	return strcmp(p->key, q->key);
}

static int by_day(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

int okr_review_gather(struct store *st, const char *team, const char *quarter,
		      struct okr_review *r, struct err *err)
{
	const struct okr_query q = {
		.scope = team != NULL ? OKR_OF_TEAM : OKR_OF_ORGANISATION, .team = team
	};
	struct okr_board b;
	struct arena a;
	int32_t *ends = NULL;
	size_t nends = 0, nobj = 0;
	int rc = -1;

	memset(r, 0, sizeof *r);
	r->team = team;
	(void)snprintf(r->quarter, sizeof r->quarter, "%s", quarter);
	if (okr_quarter_parse(quarter, &r->first, &r->last) < 0)
		return err_set(err, EX_USAGE, "'%s' is not a quarter; give YYYY-Qn, such as 2026-Q3",
			       quarter);
	/* Which objectives end in the quarter, and on which days: each is
	 * reviewed as of its own end, with the board of that day. */
	arena_init(&a, SIZE_MAX);
	if (store_okr_board(st, &q, &a, &b, err) < 0)
		goto out;
	ends = malloc((b.nobjectives + 1) * sizeof *ends);
	if (ends == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < b.nobjectives; i++)
		if (b.objectives[i].end >= r->first && b.objectives[i].end <= r->last)
			ends[nends++] = b.objectives[i].end;
	qsort(ends, nends, sizeof *ends, by_day);
	nobj = nends;
	r->views = calloc(nends + 1, sizeof *r->views);
	r->items = calloc(nobj + 1, sizeof *r->items);
	if (r->views == NULL || r->items == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < nends; i++) {
		struct okr_view *v;

		if (r->nviews > 0 && r->views[r->nviews - 1].as_of == ends[i])
			continue;
		v = &r->views[r->nviews++];
		if (okr_gather(st, team, ends[i], v, err) < 0)
			goto out;
		for (size_t k = 0; k < v->board.nobjectives; k++)
			if (v->board.objectives[k].end == ends[i] && r->n < nobj)
				r->items[r->n++] = (struct okr_review_item){ v, &v->objectives[k] };
	}
	qsort(r->items, r->n, sizeof *r->items, by_end);
	rc = 0;
out:
	free(ends);
	arena_free(&a);
	return rc;
}

void okr_review_free(struct okr_review *r)
{
	for (size_t i = 0; r->views != NULL && i < r->nviews; i++)
		okr_free(&r->views[i]);
	free(r->views);
	free(r->items);
	memset(r, 0, sizeof *r);
}

double okr_review_remaining(const struct okr_kr_view *k)
{
	if (isnan(k->current))
		return NAN;
	return fabs(k->kr->target - k->current);
}

static void json_kr_head(struct jw *w, const struct okr_kr_view *k)
{
	jw_field_string(w, "key_result", k->kr->key);
	jw_field_string(w, "title", k->kr->title);
	jw_field_real_or_null(w, "current", !isnan(k->current), k->current);
	jw_field_real(w, "target", k->kr->target);
}

static void json_item(struct jw *w, const struct okr_review_item *it)
{
	const struct okr_objective_view *ov = it->ov;
	const struct objective *o = ov->o;
	const struct okr_board *b = &it->v->board;

	jw_object_begin(w);
	jw_field_string(w, "objective", o->key);
	jw_field_string(w, "title", o->title);
	jw_field_date(w, "start", o->start);
	jw_field_date(w, "end", o->end);
	jw_field_real_or_null(w, "progress", !isnan(ov->progress), ov->progress);
	jw_field_string(w, "status", ov->has_status ? okr_status_name(ov->status) : NULL);
	jw_field_string(w, "review", o->review);
	/* What was reached: the key results done on the end day. */
	jw_key_literal(w, "reached");
	jw_array_begin(w);
	for (size_t j = 0; j < o->nkrs; j++) {
		if (!ov->krs[j].has_status || ov->krs[j].status != OKR_DONE)
			continue;
		jw_object_begin(w);
		json_kr_head(w, &ov->krs[j]);
		jw_object_end(w);
	}
	jw_array_end(w);
	/* What was learned besides the review: the check-ins' notes. */
	jw_key_literal(w, "notes");
	jw_array_begin(w);
	for (size_t j = 0; j < o->nkrs; j++) {
		const struct key_result *kr = ov->krs[j].kr;

		for (size_t c = kr->first_checkin; c < kr->first_checkin + kr->ncheckins; c++) {
			if (b->checkins[c].note == NULL)
				continue;
			jw_object_begin(w);
			jw_field_date(w, "date", b->checkins[c].date);
			jw_field_string(w, "key_result", kr->key);
			jw_field_string(w, "note", b->checkins[c].note);
			jw_object_end(w);
		}
	}
	jw_array_end(w);
	jw_key_literal(w, "carries_over");
	jw_array_begin(w);
	for (size_t j = 0; j < o->nkrs; j++) {
		const struct okr_kr_view *k = &ov->krs[j];
		double left = okr_review_remaining(k);

		if (k->has_status && k->status == OKR_DONE)
			continue;
		jw_object_begin(w);
		json_kr_head(w, k);
		jw_field_real_or_null(w, "remaining", !isnan(left), left);
		jw_field_string(w, "status", k->has_status ? okr_status_name(k->status) : NULL);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

void okr_review_json(struct jw *w, const struct okr_review *r)
{
	jw_object_begin(w);
	jw_field_string(w, "team", r->team);
	jw_field_string(w, "quarter", r->quarter);
	jw_field_date(w, "first", r->first);
	jw_field_date(w, "last", r->last);
	jw_key_literal(w, "objectives");
	jw_array_begin(w);
	for (size_t i = 0; i < r->n; i++)
		json_item(w, &r->items[i]);
	jw_array_end(w);
	jw_object_end(w);
}

int view_okr_review(struct store *st, const char *team, const char *quarter, struct jw *w,
		    struct err *err)
{
	struct okr_review r;
	int rc = okr_review_gather(st, team, quarter, &r, err);

	if (rc == 0)
		okr_review_json(w, &r);
	okr_review_free(&r);
	return rc;
}
