/* The dashboard's lists of the quality and coaching loop (docs/web.md,
 * "The dashboard"): the agents due evaluations this month, the overdue
 * development plan actions, and the alerts and praise of the last 30
 * days, each of the people the caller may see. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "store/plans.h"
#include "util/date.h"
#include "views/views.h"
#include "web/dashboard_int.h"

/* The agents of the unit due quality evaluations this month (views.h
 * quality_due), named only when within the caller's reach. */
int dash_due_list(struct gather *g, struct unit *u, struct cands *due)
{
	char today[DATE_ISO_LEN + 1];
	struct quality_month m;
	struct strmap index;
	int rc;

	date_format(g->d->today, today);
	today[7] = '\0';
	strmap_init(&index);
	rc = quality_gather(g->st, u->root, today, NULL, &m, g->err);
	if (rc == 0)
		rc = quality_due(g->st, &m, g->err);
	for (size_t i = 0; rc == 0 && i < u->now.nmembers; i++)
		if (strmap_put(&index, u->now.members[i].member->key, (int64_t)i) < 0)
			rc = dash_oom(g->err);
	if (rc == 0)
		g->d->evaluated_agents += (long)m.nevaluated;
	for (size_t i = 0; rc == 0 && i < m.ndue; i++) {
		size_t a = m.due[i];
		int64_t k;
		struct dash_item it;

		/* The unit's members and the month's agents are the subtree's
		 * active people, read in one transaction. */
		if (!strmap_get(&index, m.agents[a], &k) || !dash_may_see_person(g, m.agents[a]))
			continue;
		it = dash_person_item(g, u->now.members[k].member, NULL);
		it.count = (long)m.target - (long)m.agent_month[a].evaluations;
		it.before = (double)m.agent_month[a].evaluations;
		if (dash_cand_add(due, &it, (double)it.count) < 0)
			rc = dash_oom(g->err);
	}
	strmap_free(&index);
	quality_free(&m);
	return rc;
}

/* The open plan actions due before today of the people the caller may
 * see: a member of an analysed subtree within reach (admin and hr: anyone
 * active), the longest overdue first. */
int dash_overdue_list(struct gather *g)
{
	struct dashboard *d = g->d;
	struct cands c = { 0 };
	struct plan_action *v;
	struct strmap members;
	struct arena a;
	size_t n;
	bool everyone = g->c->role == ROLE_ADMIN || g->c->role == ROLE_HR;
	int rc = -1;

	arena_init(&a, (size_t)1 << 26);
	strmap_init(&members);
	if (store_plan_overdue(g->st, d->today, &a, &v, &n, g->err) < 0)
		goto out;
	/* The members of the analysed subtrees, and their teams. */
	for (size_t u = 0; n > 0 && u < g->nunits; u++) {
		const struct unit *un = &g->units[u];

		for (size_t m = 0; un->has_now && m < un->now.nmembers; m++)
			if (strmap_put(&members, un->now.members[m].member->key,
				       (int64_t)(u * ((size_t)1 << 32) + m)) < 0)
				goto oom;
	}
	for (size_t i = 0; i < n; i++) {
		struct dash_item it = { .person = v[i].person, .name = v[i].person_name,
					.competency = v[i].competency, .due = v[i].due,
					.kind = plan_kind_name(v[i].kind),
					.count = (long)(d->today - v[i].due) };
		int64_t at;

		if (strmap_get(&members, v[i].person, &at)) {
			const struct unit *un = &g->units[(size_t)at >> 32];
			const struct snapshot_member *m =
				un->now.members[(size_t)at & 0xffffffffu].member;

			it.team = m->team;
			it.team_name = dash_team_name(g, m->team);
			it.team_link = m->team != NULL && dash_team_visible(g, m->team);
			it.person_link = dash_may_see_person(g, v[i].person);
		} else if (everyone) {
			it.person_link = true;
		}
		if (!it.person_link)
			continue;
		if (dash_cand_add(&c, &it, (double)it.count) < 0)
			goto oom;
	}
	if (dash_cands_finish(d, &c, &d->overdue_actions) < 0)
		goto oom;
	rc = 0;
	goto out;
oom:
	rc = dash_oom(g->err);
out:
	dash_cands_free(&c);
	strmap_free(&members);
	arena_free(&a);
	return rc;
}

/* The alerts and praise of the last 30 days (views/alerts.h) of the
 * agents within reach: in a visible team, and for a manager in their
 * reporting line. */
int dash_alerts(struct gather *g)
{
	struct alert_filter f = { .since = g->d->today - ALERTS_DAYS_DEFAULT, .until = INT32_MAX };
	struct alert_list *l = &g->d->alerts;
	size_t kept = 0;

	if (alerts_gather(g->st, &f, NULL, l, g->err) < 0)
		return -1;
	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].team != NULL && dash_team_visible(g, l->items[i].team) &&
		    dash_may_see_person(g, l->items[i].agent))
			l->items[kept++] = l->items[i];
	l->n = kept;
	/* The names of those the dashboard shows. */
	for (size_t i = 0; i < l->n && i < DASH_LIST_MAX; i++) {
		struct person p;
		int rc = store_get_person(g->st, l->items[i].agent, &p, &l->arena, g->err);

		if (rc < 0)
			return -1;
		l->items[i].agent_name = rc == 1 ? p.name : NULL;
	}
	return 0;
}
