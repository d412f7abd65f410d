/* Pages of teams and people within the caller's reach (http/scope.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/scope.h"

/* Longest chain of parent teams followed: the import refuses cycles, this
 * only bounds a damaged database (as http/reach.c). */
enum { CHAIN_MAX = 1000 };

/* ---- the pure parts ------------------------------------------------------- */

size_t scope_keys_after(const char *const *keys, size_t n, const char *cursor)
{
	size_t lo = 0, hi = n;

	if (cursor == NULL || cursor[0] == '\0')
		return 0;
	while (lo < hi) {    /* the first key > cursor */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(keys[mid], cursor) <= 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t scope_page_cut(size_t total, size_t limit, bool any_more, bool *more)
{
	*more = total > limit || any_more;
	return total < limit ? total : limit;
}

/* qsort has no context argument in C11: the names that sort_by orders
 * by are the calling thread's (handlers sort on several threads). */
static _Thread_local const char *const *thread_names;

static int by_thread_name(const void *x, const void *y)
{
	const char *a = thread_names[*(const size_t *)x], *b = thread_names[*(const size_t *)y];

	if (a == NULL || b == NULL)    /* NULLs first */
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Sorts idx[0..n) by names[idx[i]]. */
static void sort_by(size_t *idx, size_t n, const char *const *names)
{
	thread_names = names;
	qsort(idx, n, sizeof *idx, by_thread_name);
}

int scope_reporting_line(const char *const *keys, const char *const *managers, size_t n,
			 const char *head, struct arena *a, size_t **line, size_t *nline)
{
	size_t *by_manager = arena_alloc(a, (n + 1) * sizeof *by_manager);
	size_t *queue = arena_alloc(a, (n + 1) * sizeof *queue);
	bool *seen = arena_alloc(a, n + 1);
	size_t qlen = 0;

	*line = NULL;
	*nline = 0;
	if (by_manager == NULL || queue == NULL || seen == NULL)
		return -1;
	memset(seen, 0, n + 1);
	for (size_t i = 0; i < n; i++) {
		by_manager[i] = i;
		if (strcmp(keys[i], head) == 0 && !seen[i]) {
			seen[i] = true;
			queue[qlen++] = i;
		}
	}
	sort_by(by_manager, n, managers);
	/* Breadth first down the managers: the reports of each one found. */
	for (size_t q = 0; q < qlen; q++) {
		const char *boss = keys[queue[q]];
		size_t lo = 0, hi = n;

		while (lo < hi) {    /* the first with manager >= boss (NULLs first) */
			size_t mid = lo + (hi - lo) / 2;
			const char *m = managers[by_manager[mid]];

			if (m == NULL || strcmp(m, boss) < 0)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (; lo < n; lo++) {
			size_t j = by_manager[lo];

			if (managers[j] == NULL || strcmp(managers[j], boss) != 0)
				break;
			if (!seen[j]) {
				seen[j] = true;
				queue[qlen++] = j;
			}
		}
	}
	sort_by(queue, qlen, keys);
	*line = queue;
	*nline = qlen;
	return 0;
}

/* ---- copies of rows ------------------------------------------------------- */

/* A growable array of rows in an arena (the old block stays until the
 * arena is freed: pages are small, the one full pass is the manager's). */
static void *grow(struct arena *a, void *items, size_t n, size_t *cap, size_t size)
{
	size_t cap2 = *cap ? 2 * *cap : 64;
	void *bigger;

	if (n < *cap)
		return items;
	bigger = arena_alloc(a, cap2 * size);
	if (bigger == NULL)
		return NULL;
	if (n > 0)
		memcpy(bigger, items, n * size);
	*cap = cap2;
	return bigger;
}

static bool copy_text(struct arena *a, const char **dst, const char *src)
{
	*dst = src != NULL ? arena_strdup(a, src) : NULL;
	return src == NULL || *dst != NULL;
}

/* The rows gathered for one page, and what went wrong. */
struct gather {
	struct arena *a;
	struct scope_page *page;
	size_t cap;
	bool full;                  /* the arena is exhausted */
};

static int keep_person(void *ctx, const struct person *p)
{
	struct gather *g = ctx;
	struct person *rows = grow(g->a, g->page->people, g->page->n, &g->cap, sizeof *rows);
	struct person *d;

	if (rows == NULL)
		return g->full = true, 1;
	g->page->people = rows;
	d = &rows[g->page->n];
	*d = *p;
	if (!copy_text(g->a, &d->key, p->key) || !copy_text(g->a, &d->name, p->name) ||
	    !copy_text(g->a, &d->email, p->email) || !copy_text(g->a, &d->team, p->team) ||
	    !copy_text(g->a, &d->role, p->role) || !copy_text(g->a, &d->manager, p->manager))
		return g->full = true, 1;
	g->page->n++;
	return 0;
}

static int keep_team(void *ctx, const struct team *t)
{
	struct gather *g = ctx;
	struct team *rows = grow(g->a, g->page->teams, g->page->n, &g->cap, sizeof *rows);
	struct team *d;

	if (rows == NULL)
		return g->full = true, 1;
	g->page->teams = rows;
	d = &rows[g->page->n];
	*d = *t;
	if (!copy_text(g->a, &d->key, t->key) || !copy_text(g->a, &d->name, t->name) ||
	    !copy_text(g->a, &d->parent, t->parent))
		return g->full = true, 1;
	g->page->n++;
	return 0;
}

static int full(struct err *err)
{
	return err_set(err, EX_OSERR, "out of memory gathering the list");
}

static int person_order(const void *x, const void *y)
{
	return strcmp(((const struct person *)x)->key, ((const struct person *)y)->key);
}

static int team_order(const void *x, const void *y)
{
	return strcmp(((const struct team *)x)->key, ((const struct team *)y)->key);
}

/* ---- a list of keys ------------------------------------------------------- */

/* A sorted list of keys in an arena. */
struct keys {
	const char **k;
	size_t n, cap;
	bool full;
};

static void keys_add(struct arena *a, struct keys *ks, const char *key)
{
	const char **k = grow(a, ks->k, ks->n, &ks->cap, sizeof *k);

	if (k == NULL || (key = arena_strdup(a, key)) == NULL) {
		ks->full = true;
		return;
	}
	ks->k = k;
	ks->k[ks->n++] = key;
}

static bool keys_has(const struct keys *ks, const char *key)
{
	size_t lo = 0, hi = ks->n;

	while (lo < hi) {    /* the first key >= key */
		size_t mid = lo + (hi - lo) / 2;

		if (strcmp(ks->k[mid], key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < ks->n && strcmp(ks->k[lo], key) == 0;
}

struct key_gather {
	struct arena *a;
	struct keys *ks;
};

static int add_team_key(void *ctx, const struct team *t)
{
	struct key_gather *g = ctx;

	keys_add(g->a, g->ks, t->key);
	return g->ks->full ? 1 : 0;
}

/* The keys of team and its sub-teams, in key order. */
static int subtree(struct store *st, const char *team, struct arena *a, struct keys *out,
		   struct err *err)
{
	struct page_query q = { .limit = STORE_PAGE_MAX, .team = team };
	struct key_gather g = { a, out };
	char next[KEY_MAX + 1] = "", after[KEY_MAX + 1] = "";

	memset(out, 0, sizeof *out);
	do {
		q.after = after;
		if (store_page_teams(st, &q, add_team_key, &g, next, err) < 0 && !out->full)
			return -1;
		if (out->full)
			return full(err);
		memcpy(after, next, sizeof after);
	} while (next[0] != '\0');
	return 0;
}

/* ---- the manager: the reporting line -------------------------------------- */

/* Everyone's key, manager and team, from one pass over the people. */
struct everyone {
	struct arena *a;
	const char **key, **manager, **team;
	size_t n, kcap, mcap, tcap;
	bool full;
};

static int note_person(void *ctx, const struct person *p)
{
	struct everyone *e = ctx;
	const char **k = grow(e->a, e->key, e->n, &e->kcap, sizeof *k);
	const char **m = grow(e->a, e->manager, e->n, &e->mcap, sizeof *m);
	const char **t = grow(e->a, e->team, e->n, &e->tcap, sizeof *t);

	if (k == NULL || m == NULL || t == NULL)
		return e->full = true, 1;
	e->key = k, e->manager = m, e->team = t;
	if (!copy_text(e->a, &e->key[e->n], p->key) ||
	    !copy_text(e->a, &e->manager[e->n], p->manager) ||
	    !copy_text(e->a, &e->team[e->n], p->team))
		return e->full = true, 1;
	e->n++;
	return 0;
}

static int read_everyone(struct store *st, struct everyone *e, struct err *err)
{
	struct page_query q = { .limit = STORE_PAGE_MAX, .state = PEOPLE_ALL };
	char next[KEY_MAX + 1] = "", after[KEY_MAX + 1] = "";

	do {
		q.after = after;
		if (store_page_people(st, &q, note_person, e, next, err) < 0 && !e->full)
			return -1;
		if (e->full)
			return full(err);
		memcpy(after, next, sizeof after);
	} while (next[0] != '\0');
	return 0;
}

/* The keys of the manager's reporting line (people) or of the teams
 * those people are in (teams), sorted. */
static int line_keys(struct store *st, const struct http_caller *c, enum entity kind,
		     struct arena *a, struct keys *out, struct err *err)
{
	struct everyone e = { .a = a };
	size_t *line, nline;

	memset(out, 0, sizeof *out);
	if (c->person[0] == '\0')
		return 0;
	if (read_everyone(st, &e, err) < 0)
		return -1;
	if (scope_reporting_line(e.key, e.manager, e.n, c->person, a, &line, &nline) < 0)
		return full(err);
	if (kind == ENTITY_TEAM) {
		const char **teams = arena_alloc(a, (nline + 1) * sizeof *teams);
		size_t *idx = arena_alloc(a, (nline + 1) * sizeof *idx);

		if (teams == NULL || idx == NULL)
			return full(err);
		for (size_t i = 0; i < nline; i++) {
			teams[i] = e.team[line[i]];
			idx[i] = i;
		}
		sort_by(idx, nline, teams);
		for (size_t i = 0; i < nline; i++) {
			const char *t = teams[idx[i]];

			if (t != NULL && (out->n == 0 || strcmp(out->k[out->n - 1], t) != 0))
				keys_add(a, out, t);
		}
	} else {
		for (size_t i = 0; i < nline; i++)
			keys_add(a, out, e.key[line[i]]);
	}
	return out->full ? full(err) : 0;
}

/* The page's cursor: the key of its last row. */
static void set_next(struct scope_page *out, enum entity kind)
{
	(void)snprintf(out->next, sizeof out->next, "%s",
		       kind == ENTITY_PERSON ? out->people[out->n - 1].key
					     : out->teams[out->n - 1].key);
}

/* A page from a sorted list of visible keys: each row after the cursor
 * read by key, kept when it passes q's filters, up to limit + 1 rows. */
static int page_of_keys(struct store *st, enum entity kind, const struct keys *ks,
			const struct page_query *q, struct arena *a, struct scope_page *out,
			struct err *err)
{
	struct gather g = { a, out, 0, false };
	struct keys sub = { 0 };
	bool more;

	if (q->team != NULL && subtree(st, q->team, a, &sub, err) < 0)
		return -1;
	for (size_t i = scope_keys_after(ks->k, ks->n, q->after); i < ks->n && out->n <= q->limit;
	     i++) {
		struct person p;
		struct team t;
		int rc;

		if (kind == ENTITY_PERSON) {
			rc = store_get_person(st, ks->k[i], &p, a, err);
			if (rc > 0 && ((q->state == PEOPLE_ACTIVE && !p.active) ||
				       (q->state == PEOPLE_INACTIVE && p.active) ||
				       (q->team != NULL && (p.team == NULL || !keys_has(&sub, p.team)))))
				rc = 0;
			if (rc > 0)
				rc = keep_person(&g, &p) == 0 ? 1 : -2;
		} else {
			rc = store_get_team(st, ks->k[i], &t, a, err);
			if (rc > 0 && q->team != NULL && !keys_has(&sub, t.key))
				rc = 0;
			if (rc > 0)
				rc = keep_team(&g, &t) == 0 ? 1 : -2;
		}
		if (rc == -2)
			return full(err);
		if (rc < 0)
			return -1;
	}
	out->n = scope_page_cut(out->n, q->limit, false, &more);
	if (more)
		set_next(out, kind);
	return 0;
}

/* ---- the coach: the subtrees of their teams ------------------------------- */

static bool is_coach_team(const struct http_caller *c, const char *team, size_t before)
{
	for (size_t i = 0; i < before; i++)
		if (strcmp(c->teams[i], team) == 0)
			return true;
	return false;
}

/* Whether the coach's team i exists and lies below none of their other
 * teams (nor repeats one): the roots of what they see. */
static int is_root(struct store *st, const struct http_caller *c, size_t i, struct arena *a,
		   struct err *err)
{
	const char *team = c->teams[i];
	struct team t;
	int rc;

	if (is_coach_team(c, team, i))
		return 0;
	rc = store_get_team(st, team, &t, a, err);
	for (int step = 0; rc > 0 && step < CHAIN_MAX; step++) {
		if (t.parent == NULL)
			return 1;
		for (size_t j = 0; j < c->nteams; j++)
			if (strcmp(c->teams[j], t.parent) == 0)
				return 0;
		rc = store_get_team(st, t.parent, &t, a, err);
	}
	return rc < 0 ? -1 : 0;
}

/* The store's page of each root's subtree, merged: the subtrees are
 * disjoint, so the first limit rows of the merge are the page. */
static int page_of_roots(struct store *st, enum entity kind, const char *const *roots,
			 size_t nroots, const struct page_query *q, struct arena *a,
			 struct scope_page *out, struct err *err)
{
	struct gather g = { a, out, 0, false };
	bool any_more = false, more;

	for (size_t i = 0; i < nroots; i++) {
		struct page_query one = *q;
		char next[KEY_MAX + 1] = "";
		int rc;

		one.team = roots[i];
		rc = kind == ENTITY_PERSON ? store_page_people(st, &one, keep_person, &g, next, err)
					   : store_page_teams(st, &one, keep_team, &g, next, err);
		if (g.full)
			return full(err);
		if (rc < 0)
			return -1;
		any_more = any_more || next[0] != '\0';
	}
	if (out->n > 1 && kind == ENTITY_PERSON)    /* none gathered: no array at all */
		qsort(out->people, out->n, sizeof *out->people, person_order);
	else if (out->n > 1)
		qsort(out->teams, out->n, sizeof *out->teams, team_order);
	out->n = scope_page_cut(out->n, q->limit, any_more, &more);
	if (more && out->n > 0)
		set_next(out, kind);
	return 0;
}

static int coach_page(struct store *st, const struct http_caller *c, enum entity kind,
		      const struct page_query *q, struct arena *a, struct scope_page *out,
		      struct err *err)
{
	const char *roots[HTTP_TEAMS_MAX];
	size_t nroots = 0;

	if (q->team != NULL) {
		/* Within reach, so below one of the coach's teams: all of it. */
		roots[nroots++] = q->team;
	} else {
		for (size_t i = 0; i < c->nteams && i < HTTP_TEAMS_MAX; i++) {
			int rc = is_root(st, c, i, a, err);

			if (rc < 0)
				return -1;
			if (rc > 0)
				roots[nroots++] = c->teams[i];
		}
	}
	return page_of_roots(st, kind, roots, nroots, q, a, out, err);
}

/* ---- the page ------------------------------------------------------------- */

int scope_page_read(struct store *st, const struct http_caller *c, enum entity kind,
		    const struct page_query *q, struct arena *a, struct scope_page *out,
		    struct err *err)
{
	struct keys ks = { 0 };
	struct gather g = { a, out, 0, false };
	int rc;

	memset(out, 0, sizeof *out);
	out->kind = kind;
	if (kind != ENTITY_TEAM && kind != ENTITY_PERSON)
		return err_set(err, EX_SOFTWARE, "only teams and people are listed by reach");
	if (q->limit < 1 || q->limit > STORE_PAGE_MAX)
		return err_set(err, EX_USAGE, "a page holds 1 to %d rows", STORE_PAGE_MAX);
	if (c == NULL)
		return 0;
	switch (c->role) {
	case ROLE_ADMIN:
	case ROLE_HR:
		rc = kind == ENTITY_PERSON ? store_page_people(st, q, keep_person, &g, out->next, err)
					   : store_page_teams(st, q, keep_team, &g, out->next, err);
		return g.full ? full(err) : rc;
	case ROLE_COACH:
		return coach_page(st, c, kind, q, a, out, err);
	case ROLE_MANAGER:
		if (line_keys(st, c, kind, a, &ks, err) < 0)
			return -1;
		return page_of_keys(st, kind, &ks, q, a, out, err);
	case ROLE_EMPLOYEE:
		if (kind == ENTITY_PERSON && c->person[0] != '\0')
			keys_add(a, &ks, c->person);
		if (ks.full)
			return full(err);
		return page_of_keys(st, kind, &ks, q, a, out, err);
	}
	return 0;
}
