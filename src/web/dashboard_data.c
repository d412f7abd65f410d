/* The dashboard's figures (web/dashboard.h says how they are found). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/analysis.h"
#include "core/subteams.h"
#include "http/scope.h"
#include "util/date.h"
#include "util/strmap.h"
#include "views/okr.h"
#include "views/views.h"
#include "web/dashboard.h"
#include "web/dashboard_int.h"

/* Longest chain of parent teams followed (the import refuses cycles). */
enum { CHAIN_MAX = 1000 };

int dash_oom(struct err *err)
{
	return err_set(err, EX_OSERR, "out of memory");
}

/* Grows *items (of size bytes each, *cap of them) to hold n + 1. */
static int reserve(void **items, size_t n, size_t *cap, size_t size)
{
	void *p;
	size_t want;

	if (n < *cap)
		return 0;
	want = *cap ? *cap * 2 : 64;
	p = realloc(*items, want * size);
	if (p == NULL)
		return -1;
	*items = p;
	*cap = want;
	return 0;
}

static int keep_team(void *ctx, const struct team *t)
{
	struct gather *g = ctx;
	struct node *n;

	if (reserve((void **)&g->nodes, g->nnodes, &g->cap, sizeof *g->nodes) < 0)
		return dash_oom(g->err);
	n = &g->nodes[g->nnodes];
	n->key = arena_strdup(&g->d->arena, t->key);
	n->name = arena_strdup(&g->d->arena, t->name != NULL ? t->name : t->key);
	n->parent = -1;     /* link_parent sets it once all are read */
	n->visible = false;
	n->card = -1;
	if (n->key == NULL || n->name == NULL ||
	    strmap_put(&g->index, n->key, (int64_t)g->nnodes) < 0)
		return dash_oom(g->err);
	g->nnodes++;
	return 0;
}

static long node_of(const struct gather *g, const char *key)
{
	int64_t v;

	return key != NULL && strmap_get(&g->index, key, &v) ? (long)v : -1;
}

/* The parents, by a second pass (the store gives parents before or after
 * their children, in the order they were stored). */
static int link_parent(void *ctx, const struct team *t)
{
	struct gather *g = ctx;
	long i = node_of(g, t->key);

	if (i >= 0)
		g->nodes[i].parent = node_of(g, t->parent);
	return 0;
}

/* Marks the teams within the caller's reach as the team lists of the API
 * give them (http/scope.h), and notes the people within it for a manager. */
static int mark_reach(struct gather *g, enum entity kind)
{
	struct page_query q = { .limit = STORE_PAGE_MAX, .state = PEOPLE_ALL };
	char after[KEY_MAX + 1] = "";
	struct scope_page page;
	struct arena a;
	int rc = 0;

	do {
		arena_init(&a, 1 << 24);
		q.after = after;
		if (scope_page_read(g->st, g->c, kind, &q, &a, &page, g->err) < 0) {
			arena_free(&a);
			return -1;
		}
		for (size_t i = 0; i < page.n && rc == 0; i++) {
			if (kind == ENTITY_TEAM) {
				long k = node_of(g, page.teams[i].key);

				if (k >= 0)
					g->nodes[k].visible = true;
			} else if (strmap_put(&g->people, page.people[i].key, 1) < 0) {
				rc = dash_oom(g->err);
			}
		}
		memcpy(after, page.next, sizeof after);
		arena_free(&a);
	} while (rc == 0 && after[0] != '\0');
	return rc;
}

static int read_teams(struct gather *g)
{
	bool everyone = g->c->role == ROLE_ADMIN || g->c->role == ROLE_HR;

	if (store_each_team(g->st, NULL, keep_team, g, g->err) < 0 ||
	    store_each_team(g->st, NULL, link_parent, g, g->err) < 0)
		return -1;
	g->all_people = g->c->role != ROLE_MANAGER;
	if (everyone) {
		for (size_t i = 0; i < g->nnodes; i++)
			g->nodes[i].visible = true;
		return 0;
	}
	if (g->c->role == ROLE_EMPLOYEE)
		return 0;
	if (mark_reach(g, ENTITY_TEAM) < 0)
		return -1;
	return g->all_people ? 0 : mark_reach(g, ENTITY_PERSON);
}

static bool is_cover_root(const struct gather *g, size_t i)
{
	long p = g->nodes[i].parent;

	return g->nodes[i].visible && (p < 0 || !g->nodes[p].visible);
}

/* The visible children of node i into out (room for all nodes), in the
 * store's order; their number. */
static size_t visible_children(const struct gather *g, long i, long *out)
{
	size_t n = 0;

	for (size_t k = 0; k < g->nnodes; k++)
		if (g->nodes[k].parent == i && g->nodes[k].visible)
			out[n++] = (long)k;
	return n;
}

/* qsort has no context argument: the one being sorted, per thread. */
static _Thread_local const struct gather *sort_gather;

static int by_key(const void *x, const void *y)
{
	const long *a = x, *b = y;

	return strcmp(sort_gather->nodes[*a].key, sort_gather->nodes[*b].key);
}

static void sort_nodes(const struct gather *g, long *idx, size_t n)
{
	sort_gather = g;
	qsort(idx, n, sizeof *idx, by_key);
}

static int add_card(struct gather *g, long i, int depth, size_t *cap)
{
	struct dashboard *d = g->d;
	struct dash_card *c;

	if (reserve((void **)&d->cards, d->ncards, cap, sizeof *d->cards) < 0)
		return dash_oom(g->err);
	c = &d->cards[d->ncards];
	memset(c, 0, sizeof *c);
	c->key = g->nodes[i].key;
	c->name = g->nodes[i].name;
	c->depth = depth;
	g->nodes[i].card = (long)d->ncards++;
	return 0;
}

/* Every visible team below node i, depth first in key order. */
static int add_subtree_cards(struct gather *g, long i, int depth, size_t *cap, long *scratch)
{
	size_t n;
	long *kids;

	if (add_card(g, i, depth, cap) < 0)
		return -1;
	n = visible_children(g, i, scratch);
	if (n == 0)
		return 0;
	kids = malloc(n * sizeof *kids);
	if (kids == NULL)
		return dash_oom(g->err);
	memcpy(kids, scratch, n * sizeof *kids);
	sort_nodes(g, kids, n);
	for (size_t k = 0; k < n; k++)
		if (add_subtree_cards(g, kids[k], depth + 1, cap, scratch) < 0) {
			free(kids);
			return -1;
		}
	free(kids);
	return 0;
}

/* Adds key to the audit log's list of subtrees (cut short when long). */
static void note_scope(struct dashboard *d, const char *key)
{
	size_t used = strlen(d->scope);

	if (used + strlen(key) + 2 < sizeof d->scope)
		(void)snprintf(d->scope + used, sizeof d->scope - used, "%s%s", used ? "," : "", key);
}

/* The subtrees to analyse and the cards. */
static int choose_cards(struct gather *g)
{
	struct dashboard *d = g->d;
	long *roots, *scratch;
	size_t nroots = 0, cap = 0;
	int rc = 0;

	for (size_t i = 0; i < g->nnodes; i++)
		d->nteams += g->nodes[i].visible;
	if (d->nteams == 0)
		return 0;
	roots = malloc(g->nnodes * sizeof *roots);
	scratch = malloc(g->nnodes * sizeof *scratch);
	g->units = calloc(g->nnodes, sizeof *g->units);
	if (roots == NULL || scratch == NULL || g->units == NULL) {
		free(roots);
		free(scratch);
		return dash_oom(g->err);
	}
	for (size_t i = 0; i < g->nnodes; i++)
		if (is_cover_root(g, i))
			roots[nroots++] = (long)i;
	sort_nodes(g, roots, nroots);
	d->grouped = d->nteams > DASH_CARDS_ALL;
	for (size_t r = 0; r < nroots && rc == 0; r++) {
		g->units[g->nunits++].root = g->nodes[roots[r]].key;
		note_scope(d, g->nodes[roots[r]].key);
		if (!d->grouped) {
			rc = add_subtree_cards(g, roots[r], 0, &cap, scratch);
			continue;
		}
		size_t n = visible_children(g, roots[r], scratch);

		if (n == 0) {
			rc = add_card(g, roots[r], 0, &cap);
			continue;
		}
		sort_nodes(g, scratch, n);
		for (size_t k = 0; k < n && rc == 0; k++)
			rc = add_card(g, scratch[k], 0, &cap);
	}
	free(roots);
	free(scratch);
	return rc;
}

bool dash_may_see_person(const struct gather *g, const char *key)
{
	return g->all_people || strmap_get(&g->people, key, NULL);
}

int dash_cand_add(struct cands *c, const struct dash_item *it, double score)
{
	size_t cap = c->cap;

	if (reserve((void **)&c->items, c->n, &c->cap, sizeof *c->items) < 0)
		return -1;
	if (reserve((void **)&c->score, c->n, &cap, sizeof *c->score) < 0)
		return -1;
	c->items[c->n] = *it;
	c->score[c->n++] = score;
	return 0;
}

static _Thread_local const struct cands *sort_cands;

/* Largest score first, then person (or team), then competency: the same
 * order whatever order the members came in. */
static int by_score(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const struct dash_item *p = &sort_cands->items[a], *q = &sort_cands->items[b];
	double sa = sort_cands->score[a], sb = sort_cands->score[b];
	int c;

	if (sa > sb + ESTIMATE_EPS)
		return -1;
	if (sb > sa + ESTIMATE_EPS)
		return 1;
	c = strcmp(p->person != NULL ? p->person : p->team, q->person != NULL ? q->person : q->team);
	if (c != 0)
		return c;
	return strcmp(p->competency != NULL ? p->competency : "",
		      q->competency != NULL ? q->competency : "");
}

static const char *copy(struct dashboard *d, const char *s)
{
	return s != NULL ? arena_strdup(&d->arena, s) : NULL;
}

/* The first DASH_LIST_MAX candidates into list, their strings copied. */
int dash_cands_finish(struct dashboard *d, struct cands *c, struct dash_list *list)
{
	size_t *order = malloc((c->n ? c->n : 1) * sizeof *order);

	if (order == NULL)
		return -1;
	for (size_t i = 0; i < c->n; i++)
		order[i] = i;
	sort_cands = c;
	qsort(order, c->n, sizeof *order, by_score);
	list->total = (long)c->n;
	for (size_t i = 0; i < c->n && list->n < DASH_LIST_MAX; i++) {
		struct dash_item it = c->items[order[i]];

		it.person = copy(d, it.person);
		it.name = copy(d, it.name);
		it.team = copy(d, it.team);
		it.team_name = copy(d, it.team_name);
		it.competency = copy(d, it.competency);
		list->items[list->n++] = it;
	}
	free(order);
	return 0;
}

void dash_cands_free(struct cands *c)
{
	free(c->items);
	free(c->score);
}

const char *dash_team_name(const struct gather *g, const char *team)
{
	long i = node_of(g, team);

	return i >= 0 ? g->nodes[i].name : team;
}

bool dash_team_visible(const struct gather *g, const char *team)
{
	long i = node_of(g, team);

	return i >= 0 && g->nodes[i].visible;
}

struct dash_item dash_person_item(const struct gather *g, const struct snapshot_member *m,
				  const char *competency)
{
	return (struct dash_item){ .person = m->key, .name = m->name, .team = m->team,
				   .team_name = dash_team_name(g, m->team), .competency = competency,
				   .person_link = dash_may_see_person(g, m->key),
				   .team_link = dash_team_visible(g, m->team) };
}

/* The subtree as of the end of last month and today, its members, their
 * lines and evidence sums read once (store_load_snapshots), then analysed
 * as view_analyse does. */
static int analyse_unit(struct gather *g, struct unit *u)
{
	const struct snapshot_filter f = { .team = u->root };
	const int32_t dates[2] = { g->d->last_month, g->d->today };
	struct team_snapshot snaps[2];
	const struct settings *set = store_settings(g->st);

	if (store_load_snapshots(g->st, &f, dates, 2, snaps, g->err) < 0)
		return -1;
	u->snap_then = snaps[0];
	u->snap_now = snaps[1];
	if (analysis_run(&u->snap_then, set, &u->then) < 0) {
		store_free_snapshot(&u->snap_then);
		store_free_snapshot(&u->snap_now);
		return dash_oom(g->err);
	}
	u->has_then = true;
	strmap_init(&u->then_index);
	if (analysis_run(&u->snap_now, set, &u->now) < 0) {
		store_free_snapshot(&u->snap_now);
		return dash_oom(g->err);
	}
	u->has_now = true;
	if (okr_link_gaps(g->st, u->root, &u->then, &u->snap_then.arena, g->err) < 0 ||
	    okr_link_gaps(g->st, u->root, &u->now, &u->snap_now.arena, g->err) < 0)
		return -1;
	for (size_t m = 0; m < u->then.nmembers; m++)
		if (strmap_put(&u->then_index, u->then.members[m].member->key, (int64_t)m) < 0)
			return dash_oom(g->err);
	u->grown = calloc(u->now.nmembers ? u->now.nmembers : 1, sizeof *u->grown);
	return u->grown != NULL ? 0 : dash_oom(g->err);
}

/* The person lists (blind spots, unassessed people, grown gaps) of one
 * unit, and each member's count of grown gaps. A member out of the
 * caller's reach (a colleague of a manager's report who reports to someone
 * else) counts in the cards' figures but is named in no list. */
static int person_lists(struct gather *g, struct unit *u, struct cands *blind,
			struct cands *unassessed, struct cands *grown)
{
	for (size_t m = 0; m < u->now.nmembers; m++) {
		const struct member_view *v = &u->now.members[m];
		const struct member_view *then = NULL;
		long missing = 0;
		int64_t t;

		if (strmap_get(&u->then_index, v->member->key, &t))
			then = &u->then.members[t];
		for (size_t l = 0; l < v->nlines; l++) {
			const struct member_line *ln = &v->lines[l];
			const struct member_line *old;
			struct dash_item it = dash_person_item(g, v->member, ln->competency);

			if (!ln->est.assessed) {
				missing++;
				continue;
			}
			if (ln->est.flag == FLAG_BLIND_SPOT && it.person_link) {
				it.before = ln->est.self_level;
				it.after = ln->est.others_level;
				if (dash_cand_add(blind, &it, it.before - it.after) < 0)
					return dash_oom(g->err);
			}
			old = then != NULL ? analysis_member_line(then, ln->competency) : NULL;
			if (old != NULL && old->est.assessed && ln->gap - old->gap > ESTIMATE_EPS) {
				it.before = old->gap;
				it.after = ln->gap;
				u->grown[m]++;
				if (it.person_link && dash_cand_add(grown, &it, ln->gap - old->gap) < 0)
					return dash_oom(g->err);
			}
		}
		if (missing > 0 && dash_may_see_person(g, v->member->key)) {
			struct dash_item it = dash_person_item(g, v->member, NULL);

			it.count = missing;
			if (dash_cand_add(unassessed, &it, (double)missing) < 0)
				return dash_oom(g->err);
		}
	}
	return 0;
}

/* The key-person risks of each own team of the unit (core/subteams.h). */
static int key_person_list(struct gather *g, struct unit *u, struct cands *kpr)
{
	struct subteams s;

	if (subteams_build(&u->now, &s) < 0)
		return dash_oom(g->err);
	for (size_t i = 0; i < s.n; i++) {
		const struct subteam *t = &s.items[i];

		for (size_t k = 0; k < t->ncompetencies; k++) {
			const struct team_line *ln = &t->competencies[k];
			const struct member_view *who;
			struct dash_item it;

			if (!ln->key_person_risk)
				continue;
			who = analysis_key_person(t->members, t->nmembers, ln->competency);
			it = (struct dash_item){ .team = t->team, .team_name = dash_team_name(g, t->team),
						 .competency = ln->competency, .count = ln->required,
						 .team_link = dash_team_visible(g, t->team) };
			if (who != NULL && dash_may_see_person(g, who->member->key)) {
				it.person = who->member->key;
				it.name = who->member->name;
				it.person_link = true;
			}
			if (dash_cand_add(kpr, &it, (double)ln->required) < 0) {
				subteams_free(&s);
				return dash_oom(g->err);
			}
		}
	}
	subteams_free(&s);
	return 0;
}

/* The cards of the chain of teams from the member's own team up. */
static size_t member_cards(const struct gather *g, const char *team, long *out, size_t max)
{
	size_t n = 0;
	long i = node_of(g, team);

	for (int step = 0; i >= 0 && step < CHAIN_MAX && n < max; step++) {
		if (g->nodes[i].card >= 0)
			out[n++] = g->nodes[i].card;
		i = g->nodes[i].parent;
	}
	return n;
}

/* One card's figures from its members' lines. */
static int card_figures(struct gather *g, struct dash_card *c, const struct mref *refs,
			size_t n)
{
	size_t nlines = 0, k = 0;
	struct member_line *lines;
	struct team_line *view;
	size_t nview;

	for (size_t i = 0; i < n; i++)
		nlines += g->units[refs[i].unit].now.members[refs[i].member].nlines;
	lines = malloc((nlines ? nlines : 1) * sizeof *lines);
	view = malloc((nlines ? nlines : 1) * sizeof *view);
	if (lines == NULL || view == NULL) {
		free(lines);
		free(view);
		return dash_oom(g->err);
	}
	c->members = (long)n;
	for (size_t i = 0; i < n; i++) {
		const struct unit *u = &g->units[refs[i].unit];
		const struct member_view *v = &u->now.members[refs[i].member];
		bool missing = false;

		for (size_t l = 0; l < v->nlines; l++) {
			lines[k++] = v->lines[l];
			missing |= !v->lines[l].est.assessed;
			c->blind_spots += v->lines[l].est.assessed &&
					  v->lines[l].est.flag == FLAG_BLIND_SPOT;
		}
		c->unassessed_people += missing;
		c->grown_gaps += u->grown[refs[i].member];
	}
	nview = gap_team(lines, nlines, view);
	if (nview == (size_t)-1) {
		free(lines);
		free(view);
		return dash_oom(g->err);
	}
	for (size_t i = 0; i < nview; i++) {
		c->key_person_risks += view[i].key_person_risk;
		if (c->ntop < DASH_TOP) {
			c->top[c->ntop] = view[i];
			c->top[c->ntop++].competency = copy(g->d, view[i].competency);
		}
	}
	free(lines);
	free(view);
	return 0;
}

/* Each card's members (from every unit), then its figures. */
static int cards_figures(struct gather *g)
{
	struct dashboard *d = g->d;
	struct mref **refs = calloc(d->ncards ? d->ncards : 1, sizeof *refs);
	size_t *n = calloc(d->ncards ? d->ncards : 1, sizeof *n);
	size_t *cap = calloc(d->ncards ? d->ncards : 1, sizeof *cap);
	int rc = 0;

	if (refs == NULL || n == NULL || cap == NULL) {
		rc = dash_oom(g->err);
		goto out;
	}
	for (size_t u = 0; u < g->nunits && rc == 0; u++) {
		const struct analysis *a = &g->units[u].now;

		d->people += (long)a->nmembers;
		for (size_t m = 0; m < a->nmembers && rc == 0; m++) {
			long cards[64];
			size_t nc = member_cards(g, a->members[m].member->team, cards, 64);

			for (size_t k = 0; k < nc; k++) {
				size_t ci = (size_t)cards[k];

				if (reserve((void **)&refs[ci], n[ci], &cap[ci], sizeof **refs) < 0) {
					rc = dash_oom(g->err);
					break;
				}
				refs[ci][n[ci]++] = (struct mref){ u, m };
			}
		}
	}
	for (size_t i = 0; i < d->ncards && rc == 0; i++)
		rc = card_figures(g, &d->cards[i], refs[i], n[i]);
out:
	for (size_t i = 0; refs != NULL && i < d->ncards; i++)
		free(refs[i]);
	free(refs);
	free(n);
	free(cap);
	return rc;
}

static int lists(struct gather *g)
{
	struct cands blind = { 0 }, unassessed = { 0 }, grown = { 0 }, kpr = { 0 }, due = { 0 };
	struct dashboard *d = g->d;
	int rc = 0;

	d->qa_target = (int)store_settings(g->st)->qa_target_per_month;
	for (size_t u = 0; u < g->nunits && rc == 0; u++)
		if (person_lists(g, &g->units[u], &blind, &unassessed, &grown) < 0 ||
		    key_person_list(g, &g->units[u], &kpr) < 0 || dash_due_list(g, &g->units[u], &due) < 0)
			rc = -1;
	if (rc == 0 && (dash_cands_finish(d, &blind, &d->blind_spots) < 0 ||
			dash_cands_finish(d, &kpr, &d->key_person_risks) < 0 ||
			dash_cands_finish(d, &unassessed, &d->unassessed) < 0 ||
			dash_cands_finish(d, &grown, &d->grown_gaps) < 0 ||
			dash_cands_finish(d, &due, &d->evaluations_due) < 0))
		rc = dash_oom(g->err);
	dash_cands_free(&blind);
	dash_cands_free(&unassessed);
	dash_cands_free(&grown);
	dash_cands_free(&kpr);
	dash_cands_free(&due);
	return rc;
}

static void units_free(struct gather *g)
{
	for (size_t i = 0; i < g->nunits; i++) {
		struct unit *u = &g->units[i];

		if (u->has_now)
			view_analysis_free(&u->snap_now, &u->now);
		if (u->has_then) {
			view_analysis_free(&u->snap_then, &u->then);
			strmap_free(&u->then_index);
		}
		free(u->grown);
	}
	free(g->units);
}

int dashboard_gather(struct store *st, const struct http_caller *c, struct dashboard *d,
		     struct err *err)
{
	struct gather g = { .st = st, .c = c, .d = d, .err = err };
	int y, m, day;
	int rc = -1;

	memset(d, 0, sizeof *d);
	arena_init(&d->arena, (size_t)1 << 26);
	d->today = date_today();
	date_to_ymd(d->today, &y, &m, &day);
	d->last_month = date_from_ymd(y, m, 1) - 1;
	strmap_init(&g.index);
	strmap_init(&g.people);
	if (read_teams(&g) < 0 || choose_cards(&g) < 0)
		goto out;
	for (size_t u = 0; u < g.nunits; u++)
		if (analyse_unit(&g, &g.units[u]) < 0)
			goto out;
	if (lists(&g) < 0 || dash_overdue_list(&g) < 0 || cards_figures(&g) < 0 || dash_alerts(&g) < 0)
		goto out;
	rc = 0;
out:
	units_free(&g);
	free(g.nodes);
	strmap_free(&g.index);
	strmap_free(&g.people);
	return rc;
}

void dashboard_free(struct dashboard *d)
{
	free(d->cards);
	alerts_free(&d->alerts);
	arena_free(&d->arena);
	memset(d, 0, sizeof *d);
}
