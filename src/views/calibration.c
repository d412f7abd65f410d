/* A team's month of calibration (views/calibration.h): the month of the
 * quality view (store_team_month), its evaluations as views of contacts,
 * paired and summed by core/calibration.c. */
#include "views/calibration.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/quality.h"
#include "util/array.h"
#include "util/strmap.h"

/* The distinct names of rows' field (area or evaluator), sorted, into
 * *out (n in *n). An evaluator counts when the evaluation is not a self
 * evaluation. */
static int distinct_names(struct arena *ar, const struct qa_month_row *rows, size_t n,
			  bool evaluators, const char ***out, size_t *nout, struct err *err)
{
	struct strmap seen;
	const char **names = arena_alloc(ar, (n + 1) * sizeof *names);
	size_t k = 0;
	int rc = 0;

	strmap_init(&seen);
	if (names == NULL)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const char *s = evaluators ? rows[i].evaluator : rows[i].area;

		if (s == NULL || (evaluators && rows[i].kind == EVAL_SELF) || strmap_get(&seen, s, NULL))
			continue;
		if (strmap_put(&seen, s, 0) < 0)
			rc = err_set(err, EX_OSERR, "out of memory");
		else
			names[k++] = s;
	}
	strmap_free(&seen);
	if (rc < 0)
		return -1;
	qsort(names, k, sizeof *names, array_by_string);
	*out = names;
	*nout = k;
	return 0;
}

/* A view with the strings it is sorted by. */
struct item {
	struct cal_view v;
	struct calibration_eval e;
};

static int by_contact(const void *x, const void *y)
{
	const struct item *a = x, *b = y;
	int c;

	if (a->v.agent != b->v.agent)
		return a->v.agent < b->v.agent ? -1 : 1;
	if ((c = strcmp(a->e.contact, b->e.contact)) != 0)
		return c;
	if (a->e.date != b->e.date)
		return a->e.date < b->e.date ? -1 : 1;
	return strcmp(a->e.key, b->e.key);
}

/* The month's evaluations as views (rows of one evaluation together),
 * sorted as cal_pairs wants them, into m->views and m->evals. */
static int month_views(struct calibration_month *m, const struct qa_month_row *rows, size_t n,
		       struct err *err)
{
	struct strmap area_index, contacts;
	struct item *items = malloc((n + 1) * sizeof *items);
	size_t ne = 0;
	int rc = 0;

	strmap_init(&area_index);
	strmap_init(&contacts);
	if (items == NULL)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t r = 0; rc == 0 && r < m->nareas; r++)
		if (strmap_put(&area_index, m->areas[r], (int64_t)r) < 0)
			rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < n;) {
		size_t j = i;
		double *pct = arena_alloc(&m->arena, (m->nareas + 1) * sizeof *pct);
		double *weight = arena_alloc(&m->arena, (m->nareas + 1) * sizeof *weight);
		long agent = array_find_string(m->agents, m->nagents, rows[i].agent);
		long evaluator = rows[i].evaluator != NULL ?
			array_find_string(m->evaluators, m->nevaluators, rows[i].evaluator) : -1;
		int64_t contact;

		if (pct == NULL || weight == NULL) {
			rc = err_set(err, EX_OSERR, "out of memory");
			break;
		}
		for (size_t r = 0; r < m->nareas; r++) {
			pct[r] = NAN;
			weight[r] = 1;
		}
		for (; j < n && rows[j].evaluation == rows[i].evaluation; j++) {
			int64_t r = 0;

			(void)strmap_get(&area_index, rows[j].area, &r);
			weight[r] = rows[j].a.weight;
			pct[r] = qa_area_percentage(&rows[j].a, rows[j].score);
		}
		if (!strmap_get(&contacts, rows[i].contact, &contact)) {
			contact = (int64_t)contacts.count;
			if (strmap_put(&contacts, rows[i].contact, contact) < 0) {
				rc = err_set(err, EX_OSERR, "out of memory");
				break;
			}
		}
		/* The members were read in the same transaction: an agent of
		 * these rows is one of them. */
		if (agent >= 0)
			items[ne++] = (struct item){
				.v = { .agent = (size_t)agent, .contact = (size_t)contact,
				       .evaluator = evaluator >= 0 ? (size_t)evaluator : CAL_NONE,
				       .kind = rows[i].kind, .percentage = pct, .weight = weight },
				.e = { .key = rows[i].key, .contact = rows[i].contact,
				       .evaluator = rows[i].evaluator, .date = rows[i].date },
			};
		i = j;
	}
	strmap_free(&area_index);
	strmap_free(&contacts);
	if (rc == 0) {
		qsort(items, ne, sizeof *items, by_contact);
		m->views = arena_alloc(&m->arena, (ne + 1) * sizeof *m->views);
		m->evals = arena_alloc(&m->arena, (ne + 1) * sizeof *m->evals);
		if (m->views == NULL || m->evals == NULL)
			rc = err_set(err, EX_OSERR, "out of memory");
	}
	for (size_t i = 0; rc == 0 && i < ne; i++) {
		m->views[i] = items[i].v;
		m->evals[i] = items[i].e;
	}
	m->nviews = rc == 0 ? ne : 0;
	free(items);
	return rc;
}

/* Whether area a comes before area b: the larger mean difference first,
 * those without one last, ties by name (the areas are sorted by name). */
static bool before(const struct cal_area *d, size_t a, size_t b)
{
	double da = d[a].mean_difference, db = d[b].mean_difference;

	if (isnan(da) != isnan(db))
		return !isnan(da);
	if (!isnan(da) && da != db)
		return da > db;
	return a < b;
}

/* The areas in that order into order[0..n): an insertion sort, as a
 * scorecard has a handful of areas (qsort has no context argument, and
 * the server's workers share everything static). */
static void order_areas(const struct cal_area *d, size_t n, size_t *order)
{
	for (size_t i = 0; i < n; i++) {
		size_t j = i;

		while (j > 0 && before(d, i, order[j - 1])) {
			order[j] = order[j - 1];
			j--;
		}
		order[j] = i;
	}
}

/* Whether the reader sees each of keys[0..n), into hidden. */
static int hide(const struct view_reader *rd, const char *const *keys, size_t n, bool *hidden,
		struct err *err)
{
	for (size_t i = 0; i < n; i++) {
		int sees = rd == NULL || rd->may_see_person == NULL ? 1 :
			   rd->may_see_person(rd->ctx, keys[i], err);

		if (sees < 0)
			return -1;
		hidden[i] = sees == 0;
	}
	return 0;
}

int calibration_gather(struct store *st, const char *team, const char *month,
		       const struct view_reader *rd, struct calibration_month *m, struct err *err)
{
	struct qa_month_row *rows;
	size_t nrows;
	int32_t first, last;
	struct arena *ar = &m->arena;

	memset(m, 0, sizeof *m);
	arena_init(ar, SIZE_MAX);
	m->team = team;
	if (quality_month_parse(month, &first, &last) < 0)
		return err_set(err, EX_USAGE, "the month is YYYY-MM, such as 2026-03, not '%s'",
			       month != NULL ? month : "");
	(void)snprintf(m->month, sizeof m->month, "%s", month);
	if (store_team_month(st, team, first, last, ar, &m->agents, &m->nagents, &rows, &nrows,
			     err) < 0 ||
	    distinct_names(ar, rows, nrows, false, &m->areas, &m->nareas, err) < 0 ||
	    distinct_names(ar, rows, nrows, true, &m->evaluators, &m->nevaluators, err) < 0 ||
	    month_views(m, rows, nrows, err) < 0)
		return -1;
	m->npairs = cal_pairs(m->views, m->nviews, m->nareas, NULL, 0);
	m->pairs = arena_alloc(ar, (m->npairs + 1) * sizeof *m->pairs);
	m->agent_mean = arena_alloc(ar, (m->nagents + 1) * sizeof *m->agent_mean);
	m->evaluator_mean = arena_alloc(ar, (m->nevaluators + 1) * sizeof *m->evaluator_mean);
	m->area_diff = arena_alloc(ar, (m->nareas + 1) * sizeof *m->area_diff);
	m->area_order = arena_alloc(ar, (m->nareas + 1) * sizeof *m->area_order);
	m->agent_hidden = arena_alloc(ar, (m->nagents + 1) * sizeof *m->agent_hidden);
	m->evaluator_hidden = arena_alloc(ar, (m->nevaluators + 1) * sizeof *m->evaluator_hidden);
	if (m->pairs == NULL || m->agent_mean == NULL || m->evaluator_mean == NULL ||
	    m->area_diff == NULL || m->area_order == NULL || m->agent_hidden == NULL ||
	    m->evaluator_hidden == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	(void)cal_pairs(m->views, m->nviews, m->nareas, m->pairs, m->npairs);
	cal_summary(m->views, m->pairs, m->npairs, m->nagents, m->nevaluators, m->nareas,
		    m->agent_mean, m->evaluator_mean, m->area_diff);
	order_areas(m->area_diff, m->nareas, m->area_order);
	/* The figures are of everyone; a reader sees by name only the
	 * people within reach (as the quality view). */
	if (hide(rd, m->agents, m->nagents, m->agent_hidden, err) < 0 ||
	    hide(rd, m->evaluators, m->nevaluators, m->evaluator_hidden, err) < 0)
		return -1;
	return 0;
}

/* The evaluator of view i as the reader may see them: NULL when unknown
 * or beyond reach. */
static const char *evaluator_of(const struct calibration_month *m, size_t i)
{
	size_t e = m->views[i].evaluator;

	if (m->views[i].kind == EVAL_SELF)
		return m->evals[i].evaluator;
	return e != CAL_NONE && !m->evaluator_hidden[e] ? m->evaluators[e] : NULL;
}

static void mean_json(struct jw *w, const char *name, size_t name_len, const char *key,
		      const struct cal_mean *x)
{
	jw_object_begin(w);
	jw_field_string_n(w, name, name_len, key);
	jw_field_int(w, "pairs", (int64_t)x->pairs);
	jw_field_real_or_null(w, "alignment", !isnan(x->alignment), x->alignment);
	jw_object_end(w);
}

static void pairs_json(struct jw *w, const struct calibration_month *m)
{
	jw_key_literal(w, "pairs");
	jw_array_begin(w);
	for (size_t i = 0; i < m->npairs; i++) {
		const struct cal_pair *p = &m->pairs[i];
		size_t a = p->first, b = p->second;

		if (p->kind == CAL_PAIR_SESSION || m->agent_hidden[m->views[a].agent])
			continue;
		jw_object_begin(w);
		jw_field_string(w, "kind", p->kind == CAL_PAIR_SELF ? "self" : "evaluators");
		jw_field_string(w, "agent", m->agents[m->views[a].agent]);
		jw_field_string(w, "contact", m->evals[a].contact);
		jw_field_string(w, "first", m->evals[a].key);
		jw_field_string(w, "first_evaluator", evaluator_of(m, a));
		jw_field_string(w, "second", m->evals[b].key);
		jw_field_string(w, "second_evaluator", evaluator_of(m, b));
		jw_field_real_or_null(w, "alignment", !isnan(p->alignment), p->alignment);
		jw_object_end(w);
	}
	jw_array_end(w);
}

static void sessions_json(struct jw *w, const struct calibration_month *m)
{
	jw_key_literal(w, "sessions");
	jw_array_begin(w);
	for (size_t i = 0; i < m->npairs;) {
		const struct cal_pair *p = &m->pairs[i];
		const struct cal_view *v = &m->views[p->first];
		size_t j = i;
		bool shown = !m->agent_hidden[v->agent];

		if (p->kind != CAL_PAIR_SESSION) {
			i++;
			continue;
		}
		if (shown) {
			jw_object_begin(w);
			jw_field_string(w, "agent", m->agents[v->agent]);
			jw_field_string(w, "contact", m->evals[p->first].contact);
			jw_field_string(w, "agreed",
					p->second != CAL_NONE ? m->evals[p->second].key : NULL);
			jw_field_string(w, "agreed_evaluator",
					p->second != CAL_NONE ? evaluator_of(m, p->second) : NULL);
			jw_key_literal(w, "evaluations");
			jw_array_begin(w);
		}
		/* A session's pairs follow each other, one per calibration view. */
		for (; j < m->npairs && m->pairs[j].kind == CAL_PAIR_SESSION &&
		       m->views[m->pairs[j].first].agent == v->agent &&
		       m->views[m->pairs[j].first].contact == v->contact; j++) {
			const struct cal_pair *q = &m->pairs[j];

			if (!shown)
				continue;
			jw_object_begin(w);
			jw_field_string(w, "evaluation", m->evals[q->first].key);
			jw_field_string(w, "evaluator", evaluator_of(m, q->first));
			jw_field_real_or_null(w, "alignment", !isnan(q->alignment), q->alignment);
			jw_object_end(w);
		}
		if (shown) {
			jw_array_end(w);
			jw_object_end(w);
		}
		i = j;
	}
	jw_array_end(w);
}

void calibration_json(struct jw *w, const struct calibration_month *m)
{
	jw_object_begin(w);
	jw_field_string(w, "team", m->team);
	jw_field_string(w, "month", m->month);
	jw_key_literal(w, "agents");
	jw_array_begin(w);
	for (size_t a = 0; a < m->nagents; a++)
		if (!m->agent_hidden[a])
			mean_json(w, "agent", 5, m->agents[a], &m->agent_mean[a]);
	jw_array_end(w);
	jw_key_literal(w, "evaluators");
	jw_array_begin(w);
	for (size_t e = 0; e < m->nevaluators; e++)
		if (!m->evaluator_hidden[e])
			mean_json(w, "evaluator", 9, m->evaluators[e], &m->evaluator_mean[e]);
	jw_array_end(w);
	jw_key_literal(w, "areas");
	jw_array_begin(w);
	for (size_t k = 0; k < m->nareas; k++) {
		size_t r = m->area_order[k];

		jw_object_begin(w);
		jw_field_string(w, "area", m->areas[r]);
		jw_field_int(w, "pairs", (int64_t)m->area_diff[r].pairs);
		jw_field_real_or_null(w, "mean_difference", !isnan(m->area_diff[r].mean_difference),
				      m->area_diff[r].mean_difference);
		jw_object_end(w);
	}
	jw_array_end(w);
	pairs_json(w, m);
	sessions_json(w, m);
	jw_object_end(w);
}

void calibration_free(struct calibration_month *m)
{
	arena_free(&m->arena);
}

int view_team_calibration(struct store *st, const char *team, const char *month,
			  const struct view_reader *rd, struct jw *w, struct err *err)
{
	struct calibration_month m;
	int rc = calibration_gather(st, team, month, rd, &m, err);

	if (rc == 0)
		calibration_json(w, &m);
	calibration_free(&m);
	return rc;
}
