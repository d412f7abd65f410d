/* A team's OKR board (views/okr.h; docs/methodology.md, "OKRs"). */
#include "views/okr.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/estimate.h"
#include "store/plans.h"
#include "util/array.h"
#include "util/date.h"
#include "util/strmap.h"
#include "views/gather.h"

enum {
	/* The days a board may ask the evidence about: its objectives'
	 * starts, month ends and the day asked, merged (twenty years of
	 * months, many times over). */
	OKR_DAYS_MAX = 4 * TREND_POINTS_MAX
};

/* What the pass over the members' sums counts. */
struct counting {
	const struct okr_view *v;
	const struct settings *set;
	struct err *err;
	const char *const *competencies;   /* ncompetencies, distinct */
	size_t ncompetencies;
	const int32_t *days;               /* ndays, ascending, distinct */
	size_t ndays;
	size_t *kr_competency;             /* per key result: its competency's index, or SIZE_MAX */
	size_t *meeting;                   /* [kr * ndays + day]: members at the level */
	double *level;                     /* ndays: one pair's levels, NAN when unassessed */
	const struct team_snapshot *people;/* the members counted */
	bool *meets_now;                   /* [kr * nmembers + member]: at the level on the
					    * day asked; allocated at the first pair */
};

static int by_day(const void *a, const void *b)
{
	int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

/* The days whose shares the forecast of k (of objective o) needs as of
 * as_of: the start, and when as_of is not before it, the month ends
 * since (trend_dates) up to the earlier of as_of and the end, the last
 * cut there. Into out (room for TREND_POINTS_MAX + 1); returns how many. */
static size_t history_days(const struct objective *o, int32_t as_of, int32_t *out)
{
	int32_t cut = as_of < o->end ? as_of : o->end;

	out[0] = o->start;
	if (as_of < o->start)
		return 1;
	return 1 + trend_dates(o->start, cut, out + 1);
}

static size_t day_index(const struct counting *c, int32_t day)
{
	const int32_t *p = bsearch(&day, c->days, c->ndays, sizeof *c->days, by_day);

	return (size_t)(p - c->days);
}

/* One member's sums on one competency at every day: counts them, for
 * each key result on it, at the days they reach its level. */
static int count_member(void *ctx, size_t member, size_t competency,
			const struct evidence_sums *at)
{
	struct counting *c = ctx;
	const struct okr_board *b = &c->v->board;
	size_t now = day_index(c, c->v->as_of), nmembers = c->people->nmembers;

	if (c->meets_now == NULL) {
		c->meets_now = calloc(b->nkrs * nmembers + 1, sizeof *c->meets_now);
		if (c->meets_now == NULL)
			return err_set(c->err, EX_OSERR, "out of memory");
	}
	for (size_t d = 0; d < c->ndays; d++) {
		struct estimate e;

		estimate_from_sums(&at[d], c->set, c->days[d], &e);
		c->level[d] = e.assessed ? e.level : NAN;
	}
	for (size_t k = 0; k < b->nkrs; k++) {
		if (c->kr_competency[k] != competency)
			continue;
		for (size_t d = 0; d < c->ndays; d++) {
			if (isnan(c->level[d]) || c->level[d] < b->krs[k].level - ESTIMATE_EPS)
				continue;
			c->meeting[k * c->ndays + d]++;
			if (d == now)
				c->meets_now[k * nmembers + member] = true;
		}
	}
	return 0;
}

/* Sorts days[0..n) and drops repeats; returns how many are left. */
static size_t distinct_days(int32_t *days, size_t n)
{
	size_t kept = 0;

	qsort(days, n, sizeof *days, by_day);
	for (size_t i = 0; i < n; i++)
		if (kept == 0 || days[i] != days[kept - 1])
			days[kept++] = days[i];
	return kept;
}

/* The distinct competencies of the board's competency key results and
 * the days their values are asked for: each objective's that has one,
 * and the day asked. */
static int plan_counting(struct okr_view *v, struct counting *c, struct err *err)
{
	const struct okr_board *b = &v->board;
	const char **names;
	int32_t *days, one[TREND_POINTS_MAX + 1];
	size_t ndays = 0;

	names = arena_alloc(&v->arena, (b->nkrs + 1) * sizeof *names);
	days = arena_alloc(&v->arena, OKR_DAYS_MAX * sizeof *days);
	c->kr_competency = arena_alloc(&v->arena, (b->nkrs + 1) * sizeof *c->kr_competency);
	if (names == NULL || days == NULL || c->kr_competency == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	days[ndays++] = v->as_of;
	for (size_t i = 0; i < b->nobjectives; i++) {
		const struct objective *o = &b->objectives[i];
		bool counted = false;
		size_t n;

		for (size_t k = o->first_kr; k < o->first_kr + o->nkrs; k++) {
			const struct key_result *kr = &b->krs[k];
			size_t j;

			c->kr_competency[k] = SIZE_MAX;
			if (kr->type != OKR_COMPETENCY)
				continue;
			for (j = 0; j < c->ncompetencies; j++)
				if (strcmp(names[j], kr->competency) == 0)
					break;
			if (j == c->ncompetencies)
				names[c->ncompetencies++] = kr->competency;
			c->kr_competency[k] = j;
			counted = true;
		}
		if (!counted)
			continue;
		n = history_days(o, v->as_of, one);
		if (ndays + n > OKR_DAYS_MAX)
			ndays = distinct_days(days, ndays);
		if (ndays + n > OKR_DAYS_MAX)
			return err_set(err, EX_DATAERR, "the board's objectives span more than %d"
				       " months; ask for an earlier day or fewer objectives",
				       OKR_DAYS_MAX - TREND_POINTS_MAX);
		memcpy(days + ndays, one, n * sizeof *one);
		ndays += n;
	}
	c->ndays = distinct_days(days, ndays);
	c->days = days;
	c->competencies = names;
	return 0;
}

/* The objective of key result k. */
static const struct objective *objective_of(const struct okr_board *b, size_t k)
{
	for (size_t i = 0; i < b->nobjectives; i++)
		if (k >= b->objectives[i].first_kr && k < b->objectives[i].first_kr + b->objectives[i].nkrs)
			return &b->objectives[i];
	return NULL;
}

/* What if every open development action on key result k's competency,
 * of a member below its level on the day asked and due by the end (or
 * undated), raised that member to the level: into *planned, the members
 * it would add (once each). index maps the members' keys to their
 * places, made at the first action found (*indexed). */
static int what_if(struct store *st, struct okr_view *v, const struct counting *c, size_t k,
		   struct strmap *index, bool *indexed, size_t *planned, struct err *err)
{
	const struct key_result *kr = &v->board.krs[k];
	const struct objective *o = objective_of(&v->board, k);
	size_t nmembers = c->people->nmembers, n = 0;
	struct plan_action *actions;
	bool *counted;

	if (store_plan_open_on(st, kr->competency, &v->arena, &actions, &n, err) < 0)
		return -1;
	if (n == 0)
		return 0;
	for (size_t m = 0; !*indexed && m < nmembers; m++)
		if (strmap_put(index, c->people->members[m].key, (int64_t)m) < 0)
			return err_set(err, EX_OSERR, "out of memory");
	*indexed = true;
	counted = arena_alloc(&v->arena, nmembers + 1);
	if (counted == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	memset(counted, 0, nmembers + 1);
	for (size_t i = 0; i < n; i++) {
		int64_t m;

		if (!strmap_get(index, actions[i].person, &m) || counted[m] ||
		    (c->meets_now != NULL && c->meets_now[k * nmembers + (size_t)m]) ||
		    (actions[i].has_due && actions[i].due > o->end))
			continue;
		counted[m] = true;
		planned[k]++;
	}
	return 0;
}

/* The shares of every competency key result at its days, from one pass
 * over the members' sums; and what the planned actions would add
 * (planned[k] per key result k). */
static int count_shares(struct store *st, struct okr_view *v, struct counting *c,
			size_t *members, size_t *planned, struct err *err)
{
	struct snapshot_filter f = {
		.team = v->team, .everyone = v->team == NULL,
		.competencies = c->competencies, .ncompetencies = c->ncompetencies
	};
	struct team_snapshot people;
	struct strmap index;
	bool indexed = false, loaded = false;
	int rc = -1;

	c->meeting = arena_alloc(&v->arena, (v->board.nkrs * c->ndays + 1) * sizeof *c->meeting);
	c->level = arena_alloc(&v->arena, (c->ndays + 1) * sizeof *c->level);
	if (c->meeting == NULL || c->level == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	memset(c->meeting, 0, (v->board.nkrs * c->ndays + 1) * sizeof *c->meeting);
	c->people = &people;
	c->err = err;
	strmap_init(&index);
	if (store_each_member_sums(st, &f, c->days, c->ndays, &people, count_member, c, err) != 0)
		goto out;
	loaded = true;
	*members = people.nmembers;
	for (size_t k = 0; k < v->board.nkrs; k++)
		if (c->kr_competency[k] != SIZE_MAX &&
		    what_if(st, v, c, k, &index, &indexed, planned, err) < 0)
			goto out;
	rc = 0;
out:
	strmap_free(&index);
	free(c->meets_now);
	c->meets_now = NULL;
	c->people = NULL;
	if (loaded)      /* else store_each_member_sums freed it */
		store_free_snapshot(&people);
	return rc;
}

/* The value of a competency key result at day: its share then. */
static double share_on(const struct counting *c, size_t kr, size_t members, int32_t day)
{
	return okr_share(c->meeting[kr * c->ndays + day_index(c, day)], members);
}

/* The latest check-in of k on or before day, or NULL. */
static const struct checkin *checkin_by(const struct okr_board *b, const struct key_result *k,
					int32_t day)
{
	const struct checkin *last = NULL;

	for (size_t i = k->first_checkin; i < k->first_checkin + k->ncheckins; i++)
		if (b->checkins[i].date <= day)
			last = &b->checkins[i];
	return last;
}

/* Baseline, current value and history of a competency key result. */
static int competency_values(struct okr_view *v, const struct counting *c, size_t k,
			     size_t members, size_t planned, const struct objective *o,
			     struct okr_kr_view *out)
{
	int32_t days[TREND_POINTS_MAX + 1];
	size_t n = history_days(o, v->as_of, days);

	out->members = members;
	out->meeting = members > 0 ? c->meeting[k * c->ndays + day_index(c, v->as_of)] : 0;
	out->baseline = share_on(c, k, members, o->start);
	out->current = share_on(c, k, members, v->as_of);
	out->planned = planned;
	out->projected = okr_share(out->meeting + planned, members);
	if (members == 0 || v->as_of < o->start)
		return 0;
	out->history = arena_alloc(&v->arena, n * sizeof *out->history);
	if (out->history == NULL)
		return -1;
	for (size_t i = 0; i < n; i++)
		out->history[i] = (struct okr_point){ days[i], share_on(c, k, members, days[i]) };
	out->nhistory = n;
	return 0;
}

/* Baseline, current value, history and check-in cadence of a metric or
 * milestone key result. */
static int measured_values(struct okr_view *v, const struct key_result *kr,
			   const struct objective *o, struct okr_kr_view *out)
{
	const struct okr_board *b = &v->board;
	const struct checkin *now = checkin_by(b, kr, v->as_of);
	int32_t cut = v->as_of < o->end ? v->as_of : o->end;
	size_t n = 0;

	out->baseline = kr->has_start_value ? kr->start_value : 0;
	out->current = now != NULL ? now->value : out->baseline;
	if (v->as_of >= o->start && v->as_of <= o->end) {
		out->has_checkin_due = true;
		out->checkin_due = okr_checkin_due(o->interval, now != NULL && now->date >= o->start
						   ? now->date : o->start);
	}
	if (v->as_of < o->start)
		return 0;
	out->history = arena_alloc(&v->arena, (kr->ncheckins + 1) * sizeof *out->history);
	if (out->history == NULL)
		return -1;
	out->history[n++] = (struct okr_point){ o->start, out->baseline };
	for (size_t i = kr->first_checkin; i < kr->first_checkin + kr->ncheckins; i++) {
		const struct checkin *ci = &b->checkins[i];

		if (ci->date >= o->start && ci->date <= cut)
			out->history[n++] = (struct okr_point){ ci->date, ci->value };
	}
	out->nhistory = n;
	return 0;
}

/* Everything of one objective from its key results' values. */
static int evaluate_objective(struct okr_view *v, const struct counting *c, size_t members,
			      const size_t *planned, size_t i)
{
	const struct okr_board *b = &v->board;
	const struct objective *o = &b->objectives[i];
	struct okr_objective_view *ov = &v->objectives[i];
	double *progress = arena_alloc(&v->arena, (o->nkrs + 1) * sizeof *progress);
	double *weight = arena_alloc(&v->arena, (o->nkrs + 1) * sizeof *weight);
	size_t counted = 0;

	ov->krs = arena_alloc(&v->arena, (o->nkrs + 1) * sizeof *ov->krs);
	if (progress == NULL || weight == NULL || ov->krs == NULL)
		return -1;
	ov->o = o;
	ov->expected = okr_expected(o->start, o->end, v->as_of);
	for (size_t j = 0; j < o->nkrs; j++) {
		size_t k = o->first_kr + j;
		const struct key_result *kr = &b->krs[k];
		struct okr_kr_view *kv = &ov->krs[j];
		int rc;

		memset(kv, 0, sizeof *kv);
		kv->kr = kr;
		rc = kr->type == OKR_COMPETENCY
			     ? competency_values(v, c, k, members, planned[k], o, kv)
			     : measured_values(v, kr, o, kv);
		if (rc < 0)
			return -1;
		kv->progress = isnan(kv->current) ? NAN
						  : okr_progress(kv->baseline, kv->current, kr->target);
		okr_forecast(kv->history, kv->nhistory, kv->baseline, kr->target, o->end,
			     &kv->forecast);
		if (isnan(kv->progress))
			continue;
		kv->has_status = true;
		kv->status = okr_status_of(kv->progress, ov->expected);
		progress[counted] = kv->progress;
		weight[counted++] = kr->weight;
	}
	ov->progress = okr_weighted_progress(progress, weight, counted);
	ov->has_status = !isnan(ov->progress);
	if (ov->has_status)
		ov->status = okr_status_of(ov->progress, ov->expected);
	return 0;
}

int okr_gather(struct store *st, const char *team, int32_t as_of, struct okr_view *v,
	       struct err *err)
{
	const struct okr_query q = {
		.scope = team != NULL ? OKR_OF_TEAM : OKR_OF_ORGANISATION, .team = team
	};
	struct counting c = { .v = v, .set = store_settings(st) };
	size_t members = 0, *planned;

	memset(v, 0, sizeof *v);
	arena_init(&v->arena, SIZE_MAX);
	v->team = team;
	v->as_of = as_of;
	if (store_okr_board(st, &q, &v->arena, &v->board, err) < 0)
		return -1;
	v->objectives = arena_alloc(&v->arena,
				    (v->board.nobjectives + 1) * sizeof *v->objectives);
	planned = arena_alloc(&v->arena, (v->board.nkrs + 1) * sizeof *planned);
	if (v->objectives == NULL || planned == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	memset(planned, 0, (v->board.nkrs + 1) * sizeof *planned);
	if (plan_counting(v, &c, err) < 0)
		return -1;
	if (c.ncompetencies > 0 && count_shares(st, v, &c, &members, planned, err) < 0)
		return -1;
	for (size_t i = 0; i < v->board.nobjectives; i++)
		if (evaluate_objective(v, &c, members, planned, i) < 0)
			return err_set(err, EX_OSERR, "out of memory");
	return 0;
}

/* What okr_link_gaps works with: every objective running on the day,
 * and the teams' parents as they are asked for. */
struct linking {
	struct store *st;
	struct arena *arena;
	struct err *err;
	struct okr_board running;
	struct strmap parent;            /* team key -> index into parents + 1; 0: a root */
	const char **parents;
	size_t nparents, cap;
	struct okr_link *links;
	size_t nlinks, caplinks;
};

/* The parent of team t into *parent (NULL for a root), read once. */
static int parent_of(struct linking *k, const char *t, const char **parent)
{
	struct team row;
	int64_t i;
	int found;

	if (strmap_get(&k->parent, t, &i)) {
		*parent = i > 0 ? k->parents[i - 1] : NULL;
		return 0;
	}
	found = store_get_team(k->st, t, &row, k->arena, k->err);
	if (found < 0)
		return -1;
	*parent = found > 0 ? row.parent : NULL;
	if (*parent != NULL) {
		if (array_reserve(&k->parents, &k->cap, k->nparents + 1, sizeof *k->parents) < 0)
			return err_set(k->err, EX_OSERR, "out of memory");
		k->parents[k->nparents++] = *parent;
	}
	if (strmap_put(&k->parent, t, *parent != NULL ? (int64_t)k->nparents : 0) < 0)
		return err_set(k->err, EX_OSERR, "out of memory");
	return 0;
}

/* The keys of the running competency key results on competency of
 * objectives of scope (NULL: the organisation's), appended to keys. */
static int scope_keys(struct linking *k, const char *scope, const char *competency,
		      const char ***keys, size_t *n, size_t *cap)
{
	const struct okr_board *b = &k->running;

	for (size_t i = 0; i < b->nobjectives; i++) {
		const struct objective *o = &b->objectives[i];

		if (scope == NULL ? o->team != NULL : o->team == NULL || strcmp(o->team, scope) != 0)
			continue;
		for (size_t j = o->first_kr; j < o->first_kr + o->nkrs; j++) {
			if (b->krs[j].type != OKR_COMPETENCY || strcmp(b->krs[j].competency, competency) != 0)
				continue;
			if (array_reserve(keys, cap, *n + 1, sizeof **keys) < 0)
				return err_set(k->err, EX_OSERR, "out of memory");
			(*keys)[(*n)++] = b->krs[j].key;
		}
	}
	return 0;
}

/* The link of team (NULL: members without a team) on competency, when
 * any running key result serves it: of the team, each team above it,
 * then the organisation. */
static int link_team(struct linking *k, const char *team, const char *competency)
{
	const char **keys = NULL, *t = team;
	size_t n = 0, cap = 0;
	int rc = 0;

	while (t != NULL && rc == 0) {
		rc = scope_keys(k, t, competency, &keys, &n, &cap);
		if (rc == 0)
			rc = parent_of(k, t, &t);
	}
	if (rc == 0)
		rc = scope_keys(k, NULL, competency, &keys, &n, &cap);
	if (rc == 0 && n > 0) {
		const char **kept = arena_alloc(k->arena, n * sizeof *kept);

		if (kept == NULL ||
		    array_reserve(&k->links, &k->caplinks, k->nlinks + 1, sizeof *k->links) < 0) {
			rc = err_set(k->err, EX_OSERR, "out of memory");
		} else {
			memcpy(kept, keys, n * sizeof *kept);
			k->links[k->nlinks++] = (struct okr_link){ team, competency, kept, n };
		}
	}
	free(keys);
	return rc;
}

/* The links of every team of a's view (the view's team first, then each
 * member's own, each once; members without a team as the team NULL) on
 * each of a's competencies, into k. */
static int link_teams(struct linking *k, const char *team, const struct analysis *a)
{
	const char **teams = arena_alloc(k->arena, (a->nmembers + 2) * sizeof *teams);
	struct strmap seen;
	bool no_team = false;
	size_t n = 0;
	int rc = 0;

	if (teams == NULL)
		return err_set(k->err, EX_OSERR, "out of memory");
	strmap_init(&seen);
	for (size_t m = 0; m <= a->nmembers && rc == 0; m++) {
		const char *t = m == 0 ? team : a->members[m - 1].member->team;

		if (t == NULL ? no_team : strmap_get(&seen, t, NULL))
			continue;
		if (t == NULL)
			no_team = true;
		else if (strmap_put(&seen, t, 0) < 0)
			rc = err_set(k->err, EX_OSERR, "out of memory");
		teams[n++] = t;
	}
	strmap_free(&seen);
	for (size_t i = 0; i < n && rc == 0; i++)
		for (size_t c = 0; c < a->ncompetencies && rc == 0; c++)
			rc = link_team(k, teams[i], a->competencies[c].competency);
	return rc;
}

int okr_link_gaps(struct store *st, const char *team, struct analysis *a, struct arena *arena,
		  struct err *err)
{
	const struct okr_query q = { .scope = OKR_ALL, .active_only = true, .active_on = a->as_of };
	struct linking k = { .st = st, .arena = arena, .err = err };
	struct okr_link *kept;
	bool any = false;
	int rc;

	if (store_okr_board(st, &q, arena, &k.running, err) < 0)
		return -1;
	for (size_t i = 0; i < k.running.nkrs && !any; i++)
		any = k.running.krs[i].type == OKR_COMPETENCY;
	if (!any)
		return 0;             /* nothing to link: the common case, one read */
	strmap_init(&k.parent);
	rc = link_teams(&k, team, a);
	strmap_free(&k.parent);
	free(k.parents);
	if (rc < 0) {
		free(k.links);
		return -1;
	}
	kept = arena_alloc(arena, (k.nlinks + 1) * sizeof *kept);
	if (kept == NULL) {
		free(k.links);
		return err_set(err, EX_OSERR, "out of memory");
	}
	if (k.nlinks > 0)
		memcpy(kept, k.links, k.nlinks * sizeof *kept);
	analysis_links_sort(kept, k.nlinks);
	a->links = kept;
	a->nlinks = k.nlinks;
	free(k.links);
	any = false;
	for (size_t c = 0; c < a->ncompetencies; c++) {
		struct team_line *l = &a->competencies[c];
		const struct okr_link *link = analysis_link(a, team, l->competency);

		if (link == NULL)
			continue;
		l->key_results = link->keys;
		l->nkey_results = link->nkeys;
		l->priority *= OKR_GAP_FACTOR;
		any = true;
	}
	if (any)
		gap_team_sort(a->competencies, a->ncompetencies);
	return 0;
}

bool okr_checkin_overdue(const struct okr_kr_view *k, int32_t today)
{
	return k->has_checkin_due && k->checkin_due < today;
}

static void json_number(struct jw *w, const char *key, size_t n, double v)
{
	jw_field_real_or_null_n(w, key, n, !isnan(v), v);
}
#define NUMBER(w, key, v) json_number((w), JW_LITERAL(key), (v))

static void json_status(struct jw *w, bool has, enum okr_status s)
{
	jw_field_string(w, "status", has ? okr_status_name(s) : NULL);
}

static void json_key_result(struct jw *w, const struct okr_view *v, const struct okr_kr_view *k)
{
	const struct key_result *kr = k->kr;
	const struct okr_board *b = &v->board;

	jw_object_begin(w);
	jw_field_string(w, "key_result", kr->key);
	jw_field_string(w, "title", kr->title);
	jw_field_string(w, "type", okr_type_name(kr->type));
	jw_field_string(w, "competency", kr->competency);
	if (kr->type == OKR_COMPETENCY)
		jw_field_int(w, "level", kr->level);
	else
		jw_field_string(w, "level", NULL);
	jw_field_string(w, "unit", kr->unit);
	NUMBER(w, "baseline", k->baseline);
	NUMBER(w, "current", k->current);
	NUMBER(w, "target", kr->target);
	NUMBER(w, "progress", k->progress);
	NUMBER(w, "weight", kr->weight);
	json_status(w, k->has_status, k->status);
	if (kr->type == OKR_COMPETENCY) {
		jw_field_int(w, "members", (int64_t)k->members);
		jw_field_int(w, "meeting", (int64_t)k->meeting);
		jw_key_literal(w, "what_if");
		jw_object_begin(w);
		jw_field_int(w, "planned", (int64_t)k->planned);
		NUMBER(w, "projected", k->projected);
		jw_object_end(w);
	}
	jw_key_literal(w, "forecast");
	jw_object_begin(w);
	NUMBER(w, "value_at_end", k->forecast.value_at_end);
	if (k->forecast.has_met_on)
		jw_field_date(w, "target_met_on", k->forecast.met_on);
	else
		jw_field_string(w, "target_met_on", NULL);
	jw_object_end(w);
	jw_key_literal(w, "history");
	jw_array_begin(w);
	for (size_t i = 0; i < k->nhistory; i++) {
		jw_object_begin(w);
		jw_field_date(w, "date", k->history[i].date);
		NUMBER(w, "value", k->history[i].value);
		jw_object_end(w);
	}
	jw_array_end(w);
	if (k->has_checkin_due)
		jw_field_date(w, "next_checkin", k->checkin_due);
	else
		jw_field_string(w, "next_checkin", NULL);
	jw_key_literal(w, "checkins");
	jw_array_begin(w);
	for (size_t i = kr->first_checkin; i < kr->first_checkin + kr->ncheckins; i++) {
		const struct checkin *ci = &b->checkins[i];

		jw_object_begin(w);
		jw_field_date(w, "date", ci->date);
		NUMBER(w, "value", ci->value);
		jw_field_real_or_null(w, "confidence", ci->has_confidence, ci->confidence);
		jw_field_string(w, "note", ci->note);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

void okr_json(struct jw *w, const struct okr_view *v)
{
	jw_object_begin(w);
	jw_field_string(w, "team", v->team);
	jw_field_date(w, "as_of", v->as_of);
	jw_key_literal(w, "objectives");
	jw_array_begin(w);
	for (size_t i = 0; i < v->board.nobjectives; i++) {
		const struct okr_objective_view *ov = &v->objectives[i];
		const struct objective *o = ov->o;

		jw_object_begin(w);
		jw_field_string(w, "objective", o->key);
		jw_field_string(w, "title", o->title);
		jw_field_string(w, "team", o->team);
		jw_field_string(w, "owner", o->owner);
		jw_field_string(w, "parent", o->parent);
		jw_field_date(w, "start", o->start);
		jw_field_date(w, "end", o->end);
		jw_field_string(w, "checkin_interval", okr_interval_name(o->interval));
		NUMBER(w, "progress", ov->progress);
		NUMBER(w, "expected", ov->expected);
		json_status(w, ov->has_status, ov->status);
		jw_field_string(w, "review", o->review);
		jw_key_literal(w, "key_results");
		jw_array_begin(w);
		for (size_t j = 0; j < o->nkrs; j++)
			json_key_result(w, v, &ov->krs[j]);
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

void okr_free(struct okr_view *v)
{
	arena_free(&v->arena);
	memset(v, 0, sizeof *v);
}

int view_okr(struct store *st, const char *team, int32_t as_of, struct jw *w, struct err *err)
{
	struct okr_view v;
	int rc = okr_gather(st, team, as_of, &v, err);

	if (rc == 0)
		okr_json(w, &v);
	okr_free(&v);
	return rc;
}
