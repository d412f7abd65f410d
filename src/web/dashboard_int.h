/* What the dashboard's gathering shares between its files
 * (web/dashboard_data.c: the teams, cards and the lists of the analyses;
 * web/dashboard_quality.c: the lists of the quality and coaching loop).
 * Private to src/web/dashboard_*.c. */
#ifndef COMPGAP_WEB_DASHBOARD_INT_H
#define COMPGAP_WEB_DASHBOARD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/analysis.h"
#include "http/http.h"
#include "store/store.h"
#include "util/err.h"
#include "util/strmap.h"
#include "web/dashboard.h"

/* One team of the organisation. */
struct node {
	const char *key, *name;
	long parent;          /* index, or -1 for a root */
	bool visible;         /* within the caller's reach */
	long card;            /* index into the cards, or -1 */
};

/* One subtree analysed today and at the end of last month. */
struct unit {
	const char *root;
	struct team_snapshot snap_now, snap_then;
	struct analysis now, then;
	bool has_now, has_then;
	struct strmap then_index;   /* person key -> member index in then */
	long *grown;                /* per member of now: lines whose gap grew */
};

/* A member of a unit. */
struct mref {
	size_t unit, member;
};

struct gather {
	struct store *st;
	const struct http_caller *c;
	struct dashboard *d;
	struct node *nodes;
	size_t nnodes, cap;
	struct strmap index;        /* team key -> node */
	bool all_people;            /* every analysed member is within reach */
	struct strmap people;       /* else: the people within reach */
	struct unit *units;
	size_t nunits;
	struct err *err;
};

/* A growing array of the candidates of one list. */
struct cands {
	struct dash_item *items;
	size_t n, cap;
	double *score;              /* the order: largest first */
};

/* err set to "out of memory"; -1. */
int dash_oom(struct err *err);

/* Adds it, ordered by score (largest first), to c: 0, or -1 when memory
 * is exhausted. */
int dash_cand_add(struct cands *c, const struct dash_item *it, double score);

/* The first DASH_LIST_MAX of c into list, their strings copied into d's
 * arena, and the count of all: 0, or -1 when memory is exhausted. */
int dash_cands_finish(struct dashboard *d, struct cands *c, struct dash_list *list);

void dash_cands_free(struct cands *c);

/* Whether the caller may open person key's page. */
bool dash_may_see_person(const struct gather *g, const char *key);

/* Team key's name (the key when unknown), and whether the caller sees it. */
const char *dash_team_name(const struct gather *g, const char *team);
bool dash_team_visible(const struct gather *g, const char *team);

/* A list's item of member m (on competency, or NULL), with its links. */
struct dash_item dash_person_item(const struct gather *g, const struct snapshot_member *m,
				  const char *competency);

/* web/dashboard_quality.c: this month's agents due evaluations of unit u
 * into due; the overdue plan actions into g->d->overdue_actions; the
 * alerts and praise of the last 30 days into g->d->alerts. 0, or -1 with
 * g->err set. */
int dash_due_list(struct gather *g, struct unit *u, struct cands *due);
int dash_overdue_list(struct gather *g);
int dash_alerts(struct gather *g);

/* web/dashboard_okr.c: the overdue check-ins of the objectives running
 * today that the caller may see into g->d->overdue_checkins. 0, or -1
 * with g->err set. */
int dash_okr_list(struct gather *g);

#endif
