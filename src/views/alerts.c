/* Alerts at once, read from the evaluations (views/alerts.h). */
#include "views/alerts.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util/array.h"
#include "util/date.h"

enum {
	AREAS_MAX = 256              /* areas of one evaluation kept at most */
};

/* The evaluation whose rows are being read. */
struct current {
	int64_t id;                  /* 0: none */
	struct alert head;
	struct qa_area areas[AREAS_MAX];
	double pct[AREAS_MAX];
	const char *names[AREAS_MAX];
	size_t n;
};

/* Who may be seen, asked once per agent. */
struct seen {
	const char **agents;
	bool *visible;
	size_t n, cap, capv;
};

struct gather {
	struct alert_list *l;
	const struct view_reader *rd;
	struct current cur;
	struct seen seen;
	struct err *err;
	int rc;                      /* -1 when the reader failed */
};

static const char *keep(struct gather *g, const char *s)
{
	const char *k = arena_strdup(&g->l->arena, s);

	if (s != NULL && k == NULL)
		g->l->failed = true;
	return k;
}

/* 1 when the reader may see agent, 0 not, -1 failed. */
static int may_see(struct gather *g, const char *agent)
{
	struct seen *s = &g->seen;
	size_t capv = s->capv;
	int rc;

	if (g->rd == NULL)
		return 1;
	for (size_t i = 0; i < s->n; i++)
		if (strcmp(s->agents[i], agent) == 0)
			return s->visible[i];
	rc = g->rd->may_see_person(g->rd->ctx, agent, g->err);
	if (rc < 0)
		return -1;
	if (array_reserve(&s->agents, &s->cap, s->n + 1, sizeof *s->agents) == 0 &&
	    array_reserve(&s->visible, &capv, s->n + 1, sizeof *s->visible) == 0 &&
	    (s->agents[s->n] = keep(g, agent)) != NULL) {
		s->capv = capv;
		s->visible[s->n++] = rc == 1;
	}
	return rc == 1;
}

/* Ends the evaluation being read: an alert when it auto-failed or is
 * praise, and the reader may see its agent. */
static int finish(struct gather *g)
{
	struct current *c = &g->cur;
	struct qa_result r;
	struct alert *a;
	int vis;

	if (c->id == 0)
		return 0;
	c->id = 0;
	r = qa_evaluate(c->areas, c->pct, c->n);
	if (!r.auto_failed && !r.praise)
		return 0;
	vis = may_see(g, c->head.agent);
	if (vis < 0)
		return g->rc = -1, 1;
	if (vis == 0)
		return 0;
	if (array_reserve(&g->l->items, &g->l->cap, g->l->n + 1, sizeof *g->l->items) < 0)
		return g->l->failed = true, 1;
	a = &g->l->items[g->l->n++];
	*a = c->head;
	/* An employee is not told which colleague gave peer feedback
	 * (docs/security.md, "What each role sees of the views"). */
	if (g->rd != NULL && g->rd->hide_peer_assessors && a->evaluation_kind != NULL &&
	    strcmp(a->evaluation_kind, "peer") == 0)
		a->evaluator = NULL;
	a->kind = r.auto_failed ? "alert" : "praise";
	a->score = r.score;
	a->critical = NULL;
	a->ncritical = 0;
	if (r.auto_failed) {
		a->critical = arena_alloc(&g->l->arena, c->n * sizeof *a->critical);
		if (a->critical == NULL)
			return g->l->failed = true, 1;
		/* The rule of qa_evaluate (core/quality.c), area by area. */
		for (size_t i = 0; i < c->n; i++)
			if (c->areas[i].critical && !isnan(c->pct[i]) &&
			    c->pct[i] < QA_CRITICAL_PERCENT - 1e-9)
				a->critical[a->ncritical++] = c->names[i];
	}
	return 0;
}

static int gather_row(void *ctx, const struct alert_row *r)
{
	struct gather *g = ctx;
	struct current *c = &g->cur;

	if (r->evaluation != c->id) {
		if (finish(g) != 0)
			return 1;
		c->id = r->evaluation;
		c->n = 0;
		c->head = (struct alert){
			.id = r->evaluation,
			.evaluation = keep(g, r->key),
			.contact = keep(g, r->contact),
			.evaluation_kind = keep(g, r->kind),
			.agent = keep(g, r->agent),
			.team = keep(g, r->team),
			.evaluator = keep(g, r->evaluator),
			.date = r->date,
		};
		if (g->l->failed)
			return 1;
	}
	if (c->n == AREAS_MAX)
		return 0;    /* a scorecard has far fewer; the import bounds them */
	c->areas[c->n] = r->a;
	c->pct[c->n] = qa_area_percentage(&r->a, r->score);
	c->names[c->n] = keep(g, r->area);
	c->n++;
	return g->l->failed ? 1 : 0;
}

int alerts_gather(struct store *st, const struct alert_filter *f, const struct view_reader *rd,
		  struct alert_list *l, struct err *err)
{
	struct gather *g = calloc(1, sizeof *g);    /* the areas: not on a worker's stack */
	int rc;

	*l = (struct alert_list){ .since = f->since };
	arena_init(&l->arena, 64u << 20);
	if (g == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	g->l = l;
	g->rd = rd;
	g->err = err;
	l->team = arena_strdup(&l->arena, f->team);
	rc = store_alert_rows(st, f, gather_row, g, err);
	if (rc == 0)
		(void)finish(g);
	if (rc >= 0 && g->rc < 0)
		rc = -1;    /* err set by the reader */
	else if (rc >= 0 && l->failed)
		rc = err_set(err, EX_OSERR, "out of memory");
	else if (rc > 0)
		rc = 0;
	free(g->seen.agents);
	free(g->seen.visible);
	free(g);
	return rc < 0 ? -1 : 0;
}

void alerts_free(struct alert_list *l)
{
	free(l->items);
	arena_free(&l->arena);
	*l = (struct alert_list){ 0 };
}

/* The path of the evaluation's page, its key percent-encoded. */
static void link_path(const char *key, char *out, size_t outsz)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = (size_t)snprintf(out, outsz, "/evaluations/");

	for (const unsigned char *p = (const unsigned char *)key; *p != '\0' && n + 4 < outsz; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '-' || *p == '_' || *p == '.' || *p == '~') {
			out[n++] = (char)*p;
		} else {
			out[n++] = '%';
			out[n++] = hex[*p >> 4];
			out[n++] = hex[*p & 15];
		}
	}
	out[n] = '\0';
}

void alert_json(struct jw *w, const struct alert *a)
{
	char link[3 * 256 + 32];

	link_path(a->evaluation, link, sizeof link);
	jw_object_begin(w);
	jw_field_string(w, "kind", a->kind);
	jw_field_string(w, "evaluation", a->evaluation);
	jw_field_string(w, "contact", a->contact);
	jw_field_string(w, "evaluation_kind", a->evaluation_kind);
	jw_field_string(w, "agent", a->agent);
	jw_field_string(w, "team", a->team);
	jw_field_string(w, "evaluator", a->evaluator);
	jw_field_date(w, "date", a->date);
	jw_field_real(w, "score", a->score);
	jw_key_literal(w, "critical_areas");
	jw_array_begin(w);
	for (size_t i = 0; i < a->ncritical; i++)
		jw_string(w, a->critical[i]);
	jw_array_end(w);
	jw_field_string(w, "link", link);
	jw_object_end(w);
}

void alerts_json(struct jw *w, const struct alert_list *l)
{
	jw_object_begin(w);
	jw_field_date(w, "since", l->since);
	jw_field_string(w, "team", l->team);
	jw_key_literal(w, "alerts");
	jw_array_begin(w);
	for (size_t i = 0; i < l->n; i++)
		alert_json(w, &l->items[i]);
	jw_array_end(w);
	jw_object_end(w);
}

void alert_sentence(const struct alert *a, char *out, size_t outsz)
{
	char date[DATE_ISO_LEN + 1], areas[512] = "";
	size_t n = 0;

	date_format(a->date, date);
	for (size_t i = 0; i < a->ncritical && n + 1 < sizeof areas; i++)
		n += (size_t)snprintf(areas + n, sizeof areas - n, "%s%s", i > 0 ? ", " : "",
				      a->critical[i]);
	if (n >= sizeof areas)
		n = sizeof areas - 1;
	if (strcmp(a->kind, "alert") == 0)
		(void)snprintf(out, outsz, "Alert: evaluation %s of agent %s on %s auto-failed"
			       " (critical area under 50%%: %s)", a->evaluation, a->agent, date, areas);
	else
		(void)snprintf(out, outsz, "Praise: evaluation %s of agent %s on %s scored %.1f",
			       a->evaluation, a->agent, date, a->score);
}
