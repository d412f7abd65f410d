/* The dashboard's list of overdue check-ins (docs/web.md, "The
 * dashboard"; docs/methodology.md, "OKRs", check-ins): of the objectives
 * running today that the caller may see (of a team within reach; hr and
 * admin also the organisation's; anyone the objectives they own), each
 * metric or milestone key result whose next check-in was due before
 * today, the longest overdue first. One read of the running objectives
 * (store_okr_board, OKR_ALL): no evidence is needed, since competency key
 * results are never checked in. */
#include <stdint.h>
#include <string.h>

#include "store/okr.h"
#include "views/okr.h"
#include "web/dashboard_int.h"

/* The next check-in of kr of o as views/okr.c reckons it on today: one
 * interval after its latest check-in from the start up to today, else
 * after the start. */
static struct okr_kr_view cadence(const struct okr_board *b, const struct objective *o,
				  const struct key_result *kr, int32_t today)
{
	int32_t last = o->start;

	for (size_t i = kr->first_checkin; i < kr->first_checkin + kr->ncheckins; i++)
		if (b->checkins[i].date <= today && b->checkins[i].date >= o->start)
			last = b->checkins[i].date;
	return (struct okr_kr_view){ .kr = kr, .has_checkin_due = true,
				     .checkin_due = okr_checkin_due(o->interval, last) };
}

static bool sees(const struct gather *g, const struct objective *o)
{
	const struct http_caller *c = g->c;

	if (c->role == ROLE_ADMIN || c->role == ROLE_HR)
		return true;
	if (o->owner != NULL && c->person[0] != '\0' && strcmp(o->owner, c->person) == 0)
		return true;
	return o->team != NULL && c->role != ROLE_EMPLOYEE && dash_team_visible(g, o->team);
}

int dash_okr_list(struct gather *g)
{
	struct dashboard *d = g->d;
	const struct okr_query q = { .scope = OKR_ALL, .active_only = true, .active_on = d->today };
	struct okr_board b;
	struct cands c = { 0 };
	struct arena a;
	int rc = -1;

	arena_init(&a, (size_t)1 << 26);
	if (store_okr_board(g->st, &q, &a, &b, g->err) < 0)
		goto out;
	for (size_t i = 0; i < b.nobjectives; i++) {
		const struct objective *o = &b.objectives[i];

		if (!sees(g, o))
			continue;
		for (size_t k = o->first_kr; k < o->first_kr + o->nkrs; k++) {
			struct okr_kr_view v;
			struct dash_item it;

			if (b.krs[k].type == OKR_COMPETENCY)
				continue;
			v = cadence(&b, o, &b.krs[k], d->today);
			if (!okr_checkin_overdue(&v, d->today))
				continue;
			it = (struct dash_item){
				.name = o->title, .objective = o->key, .key_result = b.krs[k].key,
				.title = b.krs[k].title, .team = o->team,
				.team_name = o->team != NULL ? dash_team_name(g, o->team) : NULL,
				.team_link = o->team != NULL && dash_team_visible(g, o->team),
				.due = v.checkin_due, .count = (long)(d->today - v.checkin_due)
			};
			if (dash_cand_add(&c, &it, (double)it.count) < 0)
				goto oom;
		}
	}
	if (dash_cands_finish(d, &c, &d->overdue_checkins) < 0)
		goto oom;
	rc = 0;
	goto out;
oom:
	rc = dash_oom(g->err);
out:
	dash_cands_free(&c);
	arena_free(&a);
	return rc;
}
