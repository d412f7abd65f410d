/* The quality documents (docs/methodology.md, "Quality evaluations"):
 * one evaluation with its percentages and score (`compgap show
 * evaluation`), and a team's month (`compgap quality`, GET
 * /api/v1/teams/{key}/quality), computed by core/quality.c from what
 * store/quality.h reads. */
#include "views/views.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/quality.h"
#include "store/quality.h"
#include "util/array.h"
#include "util/date.h"
#include "util/strmap.h"

/* ---- one evaluation ------------------------------------------------------ */

int evaluation_gather(struct store *st, const char *key, struct evaluation_view *v,
		      struct err *err)
{
	struct qa_area *areas;
	int rc;

	memset(v, 0, sizeof *v);
	arena_init(&v->arena, SIZE_MAX);
	rc = store_get_evaluation(st, key, &v->arena, &v->e, err);
	if (rc == 0)
		return err_set(err, EX_DATAERR, "no evaluation '%s'; 'compgap export evaluations' lists"
			       " them", key);
	if (rc < 0)
		return -1;
	v->percentage = arena_alloc(&v->arena, (v->e.nscores + 1) * sizeof *v->percentage);
	areas = arena_alloc(&v->arena, (v->e.nscores + 1) * sizeof *areas);
	if (v->percentage == NULL || areas == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < v->e.nscores; i++) {
		areas[i] = v->e.scores[i].a;
		v->percentage[i] = qa_area_percentage(&areas[i], v->e.scores[i].score);
	}
	v->result = qa_evaluate(areas, v->percentage, v->e.nscores);
	return 0;
}

void evaluation_json(struct jw *w, const struct evaluation_view *v)
{
	jw_object_begin(w);
	evaluation_json_fields(w, v);
	jw_object_end(w);
}

void evaluation_json_fields(struct jw *w, const struct evaluation_view *v)
{
	const struct qa_stored_eval *e = &v->e;
	enum eval_kind kind = EVAL_CALIBRATION;
	enum source src;

	(void)eval_kind_parse(e->kind, &kind);
	jw_field_string(w, "evaluation", e->key);
	jw_field_string(w, "contact", e->contact);
	jw_field_string(w, "channel", e->channel);
	jw_field_string(w, "agent", e->agent);
	jw_field_string(w, "evaluator", e->evaluator);
	jw_field_string(w, "kind", e->kind);
	jw_field_date(w, "date", e->date);
	jw_field_string(w, "scorecard", e->scorecard);
	jw_field_int(w, "version", e->version);
	jw_key_literal(w, "areas");
	jw_array_begin(w);
	for (size_t i = 0; i < e->nscores; i++) {
		const struct qa_stored_score *s = &e->scores[i];

		jw_object_begin(w);
		jw_field_string(w, "area", s->area);
		jw_field_string(w, "competency", s->competency);
		jw_field_real(w, "weight", s->a.weight);
		jw_field_real(w, "min", s->a.min);
		jw_field_real(w, "max", s->a.max);
		jw_field_bool(w, "critical", s->a.critical);
		jw_field_real(w, "score", s->score);
		jw_field_real(w, "percentage", v->percentage[i]);
		jw_field_string(w, "comment", s->comment);
		jw_key_literal(w, "evidence");
		if (s->evidence_id > 0)
			jw_int(w, s->evidence_id);
		else
			jw_null(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_field_real_or_null(w, "score", !isnan(v->result.score), v->result.score);
	jw_field_bool(w, "auto_failed", v->result.auto_failed);
	jw_field_bool(w, "praise", v->result.praise);
	jw_field_bool(w, "counts", eval_kind_scores(kind));
	jw_field_string(w, "feeds", eval_kind_source(kind, &src) ? source_name(src) : NULL);
	jw_field_string(w, "retracted_at", e->retracted_at);
	jw_field_string(w, "retract_reason", e->retract_reason);
}

void evaluation_free(struct evaluation_view *v)
{
	arena_free(&v->arena);
}

/* ---- a team's month ------------------------------------------------------ */

int quality_month_parse(const char *text, int32_t *first, int32_t *last)
{
	char iso[DATE_ISO_LEN + 1];

	if (text == NULL || strlen(text) != 7 || text[4] != '-')
		return -1;
	(void)snprintf(iso, sizeof iso, "%s-01", text);
	if (date_parse(iso, first) < 0)
		return -1;
	*last = date_end_of_month(*first);
	return 0;
}

/* The month's areas: their names, sorted, in m->areas. */
static int month_areas(struct quality_month *m, const struct qa_month_row *rows, size_t n,
		       struct strmap *index, struct err *err)
{
	const char **names = arena_alloc(&m->arena, (n + 1) * sizeof *names);
	size_t k = 0;

	if (names == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < n; i++) {
		if (strmap_get(index, rows[i].area, NULL))
			continue;
		if (strmap_put(index, rows[i].area, 0) < 0)
			return err_set(err, EX_OSERR, "out of memory");
		names[k++] = rows[i].area;
	}
	qsort(names, k, sizeof *names, array_by_string);
	for (size_t i = 0; i < k; i++)
		if (strmap_put(index, names[i], (int64_t)i) < 0)
			return err_set(err, EX_OSERR, "out of memory");
	m->areas = names;
	m->nareas = k;
	return 0;
}

/* The month's evaluations for qa_month from rows (an evaluation's
 * together), into *out (n in *n), in the arena. */
static int month_evaluations(struct quality_month *m, const struct qa_month_row *rows, size_t n,
			     const struct strmap *area_index, struct qa_eval **out, size_t *nout,
			     struct err *err)
{
	struct strmap contacts;
	struct qa_eval *ev = arena_alloc(&m->arena, (n + 1) * sizeof *ev);
	struct qa_area *areas = malloc((m->nareas + 1) * sizeof *areas);
	size_t ne = 0;
	int rc = 0;

	strmap_init(&contacts);
	if (ev == NULL || areas == NULL)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < n;) {
		size_t j = i;
		double *pct = arena_alloc(&m->arena, (m->nareas + 1) * sizeof *pct);
		double *weight = arena_alloc(&m->arena, (m->nareas + 1) * sizeof *weight);
		long agent = array_find_string(m->agents, m->nagents, rows[i].agent);
		int64_t contact;

		if (pct == NULL || weight == NULL) {
			rc = err_set(err, EX_OSERR, "out of memory");
			break;
		}
		for (size_t r = 0; r < m->nareas; r++) {
			pct[r] = NAN;
			weight[r] = 1;
			areas[r] = (struct qa_area){ .weight = 1, .min = 0, .max = 1 };
		}
		for (; j < n && rows[j].evaluation == rows[i].evaluation; j++) {
			int64_t r = 0;

			(void)strmap_get(area_index, rows[j].area, &r);
			areas[r] = rows[j].a;
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
			ev[ne++] = (struct qa_eval){
				.agent = (size_t)agent, .contact = (size_t)contact, .kind = rows[i].kind,
				.result = qa_evaluate(areas, pct, m->nareas), .percentage = pct,
				.weight = weight,
			};
		i = j;
	}
	strmap_free(&contacts);
	free(areas);
	*out = ev;
	*nout = ne;
	return rc;
}

int quality_gather(struct store *st, const char *team, const char *month,
		   const struct view_reader *rd, struct quality_month *m, struct err *err)
{
	struct qa_month_row *rows;
	size_t nrows, ne = 0;
	struct qa_eval *ev = NULL;
	struct strmap area_index;
	int rc;

	memset(m, 0, sizeof *m);
	arena_init(&m->arena, SIZE_MAX);
	m->team = team;
	if (quality_month_parse(month, &m->first, &m->last) < 0)
		return err_set(err, EX_USAGE, "the month is YYYY-MM, such as 2026-03, not '%s'",
			       month != NULL ? month : "");
	(void)snprintf(m->month, sizeof m->month, "%s", month);
	m->target = (int)store_settings(st)->qa_target_per_month;
	if (store_team_month(st, team, m->first, m->last, &m->arena, &m->agents, &m->nagents, &rows,
			     &nrows, err) < 0)
		return -1;
	strmap_init(&area_index);
	rc = month_areas(m, rows, nrows, &area_index, err);
	if (rc == 0)
		rc = month_evaluations(m, rows, nrows, &area_index, &ev, &ne, err);
	strmap_free(&area_index);
	if (rc < 0)
		return -1;
	m->agent_month = arena_alloc(&m->arena, (m->nagents + 1) * sizeof *m->agent_month);
	m->area_month = arena_alloc(&m->arena, (m->nareas + 1) * sizeof *m->area_month);
	m->agent_area = arena_alloc(&m->arena, (m->nagents * m->nareas + 1) * sizeof *m->agent_area);
	m->hidden = arena_alloc(&m->arena, (m->nagents + 1) * sizeof *m->hidden);
	if (m->agent_month == NULL || m->area_month == NULL || m->agent_area == NULL ||
	    m->hidden == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	qa_month(ev, ne, m->nagents, m->nareas, m->target, m->agent_month, m->area_month,
		 m->agent_area);
	/* The team's figures are of all its members; a reader sees by name
	 * only the people within reach (as gaps --team). */
	for (size_t a = 0; a < m->nagents; a++) {
		int sees = rd == NULL || rd->may_see_person == NULL ? 1 :
			   rd->may_see_person(rd->ctx, m->agents[a], err);

		if (sees < 0)
			return -1;
		m->hidden[a] = sees == 0;
	}
	return 0;
}

/* The agents short on area r, as a JSON array of keys. */
static void below_list(struct jw *w, const struct quality_month *m, size_t r)
{
	jw_array_begin(w);
	for (size_t a = 0; a < m->nagents; a++)
		if (!m->hidden[a] && m->agent_area[a * m->nareas + r] < QA_GROUP_PERCENT - 1e-9)
			jw_string(w, m->agents[a]);
	jw_array_end(w);
}

void quality_json(struct jw *w, const struct quality_month *m)
{
	jw_object_begin(w);
	jw_field_string(w, "team", m->team);
	jw_field_string(w, "month", m->month);
	jw_field_int(w, "target", m->target);
	jw_key_literal(w, "agents");
	jw_array_begin(w);
	for (size_t a = 0; a < m->nagents; a++) {
		const struct qa_agent_month *x = &m->agent_month[a];

		if (m->hidden[a])
			continue;
		jw_object_begin(w);
		jw_field_string(w, "agent", m->agents[a]);
		jw_field_int(w, "evaluations", (int64_t)x->evaluations);
		jw_field_real_or_null(w, "quality_score", !isnan(x->quality_score), x->quality_score);
		jw_field_bool(w, "under_target", x->under_target);
		jw_field_real_or_null(w, "alignment", !isnan(x->alignment), x->alignment);
		jw_field_int(w, "alerts", (int64_t)x->alerts);
		jw_field_int(w, "praise", (int64_t)x->praise);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key_literal(w, "areas");
	jw_array_begin(w);
	for (size_t r = 0; r < m->nareas; r++) {
		jw_object_begin(w);
		jw_field_string(w, "area", m->areas[r]);
		jw_field_real_or_null(w, "mean_percentage", !isnan(m->area_month[r].mean_percentage),
				      m->area_month[r].mean_percentage);
		jw_key_literal(w, "below_70");
		below_list(w, m, r);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key_literal(w, "group_coaching");
	jw_array_begin(w);
	for (size_t r = 0; r < m->nareas; r++) {
		if (!m->area_month[r].group_coaching)
			continue;
		jw_object_begin(w);
		jw_field_string(w, "area", m->areas[r]);
		jw_key_literal(w, "agents");
		below_list(w, m, r);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

/* The first day of the month QA_DUE_MONTHS_BEFORE before first's. */
static int32_t months_before(int32_t first)
{
	int y, mo, d;

	date_to_ymd(first, &y, &mo, &d);
	mo -= QA_DUE_MONTHS_BEFORE;
	while (mo < 1) {
		mo += 12;
		y--;
	}
	return date_from_ymd(y, mo, 1);
}

static _Thread_local const struct quality_month *sort_month;

/* The fewest evaluations (the most missing) first, then by key. */
static int by_missing(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	size_t ea = sort_month->agent_month[a].evaluations, eb = sort_month->agent_month[b].evaluations;

	if (ea != eb)
		return ea < eb ? -1 : 1;
	return strcmp(sort_month->agents[a], sort_month->agents[b]);
}

int quality_due(struct store *st, struct quality_month *m, struct err *err)
{
	const char **members;
	struct qa_month_row *rows;
	size_t nmembers, nrows;
	size_t *before = arena_alloc(&m->arena, (m->nagents + 1) * sizeof *before);

	m->due = arena_alloc(&m->arena, (m->nagents + 1) * sizeof *m->due);
	m->ndue = 0;
	if (before == NULL || m->due == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	memset(before, 0, (m->nagents + 1) * sizeof *before);
	if (store_team_month(st, m->team, months_before(m->first), m->first - 1, &m->arena,
			     &members, &nmembers, &rows, &nrows, err) < 0)
		return -1;
	/* An evaluation's rows come together: count each once. */
	for (size_t i = 0; i < nrows; i++) {
		long a;

		if (i > 0 && rows[i].evaluation == rows[i - 1].evaluation)
			continue;
		if (!eval_kind_scores(rows[i].kind))
			continue;
		a = array_find_string(m->agents, m->nagents, rows[i].agent);
		if (a >= 0)
			before[a]++;
	}
	m->nevaluated = 0;
	for (size_t a = 0; a < m->nagents; a++) {
		if (m->agent_month[a].evaluations + before[a] > 0)
			m->nevaluated++;
		if (!m->hidden[a] && qa_due(m->agent_month[a].evaluations, before[a], m->target))
			m->due[m->ndue++] = a;
	}
	sort_month = m;
	if (m->ndue > 1)
		qsort(m->due, m->ndue, sizeof *m->due, by_missing);
	return 0;
}

void quality_due_json(struct jw *w, const struct quality_month *m)
{
	jw_object_begin(w);
	jw_field_string(w, "team", m->team);
	jw_field_string(w, "month", m->month);
	jw_field_int(w, "target", m->target);
	jw_key_literal(w, "due");
	jw_array_begin(w);
	for (size_t i = 0; i < m->ndue; i++) {
		const struct qa_agent_month *x = &m->agent_month[m->due[i]];

		jw_object_begin(w);
		jw_field_string(w, "agent", m->agents[m->due[i]]);
		jw_field_int(w, "evaluations", (int64_t)x->evaluations);
		jw_field_int(w, "missing", (int64_t)m->target - (int64_t)x->evaluations);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

void quality_free(struct quality_month *m)
{
	arena_free(&m->arena);
}

int view_team_quality(struct store *st, const char *team, const char *month,
		      const struct view_reader *rd, struct jw *w, struct err *err)
{
	struct quality_month m;
	int rc = quality_gather(st, team, month, rd, &m, err);

	if (rc == 0)
		quality_json(w, &m);
	quality_free(&m);
	return rc;
}

int view_team_quality_due(struct store *st, const char *team, const char *month,
			  const struct view_reader *rd, struct jw *w, struct err *err)
{
	struct quality_month m;
	int rc = quality_gather(st, team, month, rd, &m, err);

	if (rc == 0)
		rc = quality_due(st, &m, err);
	if (rc == 0)
		quality_due_json(w, &m);
	quality_free(&m);
	return rc;
}
