/* Alerts at once (issue 13, item 5; docs/methodology.md, "Alerts"): the
 * manager and peer evaluations in force that auto-failed (a critical
 * area under 50 %, named) or scored 95 or more (praise), read from the
 * evaluations when asked, never stored: a retracted evaluation stops
 * alerting at once. One document for `compgap alerts --json`, GET
 * /api/v1/alerts and the dashboard, and one object per alert that a
 * webhook's body carries. */
#ifndef COMPGAP_VIEWS_ALERTS_H
#define COMPGAP_VIEWS_ALERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/alerts.h"
#include "util/arena.h"
#include "util/jsonw.h"
#include "views/views.h"

enum {
	ALERTS_DAYS_DEFAULT = 30     /* without since: the last 30 days */
};

/* One alert. Strings live in the list's arena. */
struct alert {
	const char *kind;            /* "alert" (auto-failed) or "praise" */
	int64_t id;                  /* the evaluation's store id */
	const char *evaluation;      /* its key */
	const char *contact, *evaluation_kind;
	const char *agent, *team;    /* team NULL: none */
	const char *agent_name;      /* NULL unless the dashboard looked it up */
	const char *evaluator;       /* NULL after an erasure */
	int32_t date;
	double score;                /* the evaluation score: 0 when auto-failed */
	const char **critical;       /* the critical areas under 50 %, in the
					areas' order; none for praise */
	size_t ncritical;
};

/* The alerts of a filter, newest first (by date, then evaluation). */
struct alert_list {
	struct arena arena;
	struct alert *items;
	size_t n, cap;
	int32_t since;               /* the filter's, for the document */
	const char *team;
	bool failed;                 /* memory ran out while gathering */
};

/* Gathers the alerts f selects (store/alerts.h), only those of agents rd
 * may see (rd NULL: all), without the evaluator of a peer evaluation when
 * rd hides peer assessors (an employee), into l; free it with alerts_free either way.
 * 0, or -1 with err set (the store's; an unknown team as
 * store_require_key says). */
int alerts_gather(struct store *st, const struct alert_filter *f, const struct view_reader *rd,
		  struct alert_list *l, struct err *err);

void alerts_free(struct alert_list *l);

/* {"since", "team", "alerts": [alert_json ...]} */
void alerts_json(struct jw *w, const struct alert_list *l);

/* One alert: {"kind", "evaluation", "contact", "evaluation_kind", "agent",
 * "team", "evaluator", "date", "score", "critical_areas", "link"}; link is
 * the path of the evaluation's page, /evaluations/KEY. */
void alert_json(struct jw *w, const struct alert *a);

/* One sentence saying what happened, in English, for a chat that shows a
 * webhook's "text": "Alert: evaluation E1 of agent a1 on 2026-03-02
 * auto-failed (critical area under 50 %: greeting)". Always NUL-terminated
 * in out[outsz]. */
void alert_sentence(const struct alert *a, char *out, size_t outsz);

#endif
