/* One entity at a time, for the API: pages in key order, reading one row,
 * what refers to a row and its deletion, deactivation, and pages of one
 * person's evidence. The engines' parts are in sqlite_refs.c, pg_refs.c
 * and the page functions of sqlite_entities.c and pg_entities.c. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "util/date.h"

static const char *const entity_word[ENTITY_KEYED] = { "team", "person", "competency", "role" };

/* ---- pages ------------------------------------------------------------- */

/* What a page's rows pass through: the caller's callback for the first
 * limit rows; the row after them only says that more follow. */
struct pager {
	size_t limit, seen;
	char *next;                     /* the last key passed on */
	void *cb, *ctx;
};

/* Counts a row and keeps its key; 1 when it is the one past the page. */
static int pager_take(struct pager *p, const char *key)
{
	if (p->seen++ == p->limit)
		return 1;
	(void)snprintf(p->next, KEY_MAX + 1, "%s", key);
	return 0;
}

static int page_team(void *ctx, const struct team *t)
{
	struct pager *p = ctx;

	return pager_take(p, t->key) ? 0 : ((int (*)(void *, const struct team *))p->cb)(p->ctx, t);
}

static int page_person(void *ctx, const struct person *x)
{
	struct pager *p = ctx;

	return pager_take(p, x->key) ? 0 : ((int (*)(void *, const struct person *))p->cb)(p->ctx, x);
}

static int page_competency(void *ctx, const struct competency *c)
{
	struct pager *p = ctx;

	return pager_take(p, c->key) ? 0
				     : ((int (*)(void *, const struct competency *))p->cb)(p->ctx, c);
}

static int page_role(void *ctx, const char *role)
{
	struct pager *p = ctx;

	return pager_take(p, role) ? 0 : ((int (*)(void *, const char *))p->cb)(p->ctx, role);
}

/* Checks q and fills the backend's copy of it; 0 or -1. */
static int page_begin(struct store *st, const struct page_query *q, struct page_query *bq,
		      struct pager *p, void *cb, void *ctx, char *next, struct err *err)
{
	next[0] = '\0';
	if (q->limit < 1 || q->limit > STORE_PAGE_MAX)
		return err_set(err, EX_USAGE, "limit %zu is out of range; it must be from 1 to %d",
			       q->limit, STORE_PAGE_MAX);
	if (q->team != NULL && store_require_key(st, ENTITY_TEAM, q->team, err) < 0)
		return -1;
	*bq = *q;
	bq->after = q->after != NULL ? q->after : "";
	*p = (struct pager){ q->limit, 0, next, cb, ctx };
	return 0;
}

/* The page's verdict: the callback's stop value or the error, else 0 with
 * next emptied when no row followed the page. */
static int page_end(const struct pager *p, int rc)
{
	if (rc == 0 && p->seen <= p->limit)
		p->next[0] = '\0';
	return rc;
}

int store_page_teams(struct store *st, const struct page_query *q,
		     int (*cb)(void *ctx, const struct team *t), void *ctx,
		     char next[KEY_MAX + 1], struct err *err)
{
	struct page_query bq;
	struct pager p;

	if (page_begin(st, q, &bq, &p, (void *)cb, ctx, next, err) < 0)
		return -1;
	return page_end(&p, st->be->page_teams(st, &bq, q->limit + 1, page_team, &p, err));
}

int store_page_people(struct store *st, const struct page_query *q,
		      int (*cb)(void *ctx, const struct person *p), void *ctx,
		      char next[KEY_MAX + 1], struct err *err)
{
	struct page_query bq;
	struct pager p;

	if (page_begin(st, q, &bq, &p, (void *)cb, ctx, next, err) < 0)
		return -1;
	return page_end(&p, st->be->page_people(st, &bq, q->limit + 1, page_person, &p, err));
}

int store_page_competencies(struct store *st, const struct page_query *q,
			    int (*cb)(void *ctx, const struct competency *c), void *ctx,
			    char next[KEY_MAX + 1], struct err *err)
{
	struct page_query bq;
	struct pager p;

	if (page_begin(st, q, &bq, &p, (void *)cb, ctx, next, err) < 0)
		return -1;
	return page_end(&p, st->be->page_competencies(st, &bq, q->limit + 1, page_competency, &p,
						      err));
}

int store_page_roles(struct store *st, const struct page_query *q,
		     int (*cb)(void *ctx, const char *role), void *ctx,
		     char next[KEY_MAX + 1], struct err *err)
{
	struct page_query bq;
	struct pager p;

	if (page_begin(st, q, &bq, &p, (void *)cb, ctx, next, err) < 0)
		return -1;
	return page_end(&p, st->be->page_roles(st, &bq, q->limit + 1, page_role, &p, err));
}

/* ---- one row ----------------------------------------------------------- */

/* Where a row read by key goes: copied into the arena. */
struct one {
	void *out;
	struct arena *a;
	int found;                      /* 1 found, -1 the arena is full */
};

/* A copy of s in the arena (NULL stays NULL); sets o->found to -1 when
 * the arena is full. */
static const char *keep(struct one *o, const char *s)
{
	char *c;

	if (s == NULL)
		return NULL;
	c = arena_strdup(o->a, s);
	if (c == NULL)
		o->found = -1;
	return c;
}

static int one_team(void *ctx, const struct team *t)
{
	struct one *o = ctx;
	struct team *out = o->out;

	o->found = 1;
	*out = (struct team){ keep(o, t->key), keep(o, t->name), keep(o, t->parent), 0 };
	return 0;
}

static int one_person(void *ctx, const struct person *p)
{
	struct one *o = ctx;

	o->found = person_copy(o->out, p, o->a) < 0 ? -1 : 1;
	return 0;
}

static int one_competency(void *ctx, const struct competency *c)
{
	struct one *o = ctx;
	struct competency *out = o->out;

	o->found = 1;
	*out = *c;
	out->key = keep(o, c->key);
	out->name = keep(o, c->name);
	out->category = keep(o, c->category);
	out->description = keep(o, c->description);
	return 0;
}

/* The verdict of a read by key. */
static int one_done(const struct one *o, int rc, struct err *err)
{
	if (rc < 0)
		return -1;
	if (o->found < 0)
		return err_set(err, EX_OSERR, "out of memory");
	return o->found;
}

int store_get_team(struct store *st, const char *key, struct team *out, struct arena *a,
		   struct err *err)
{
	struct one o = { out, a, 0 };

	return one_done(&o, store_each_team(st, key, one_team, &o, err), err);
}

int store_get_person(struct store *st, const char *key, struct person *out,
		     struct arena *a, struct err *err)
{
	struct one o = { out, a, 0 };

	return one_done(&o, store_each_person(st, key, one_person, &o, err), err);
}

int store_get_competency(struct store *st, const char *key, struct competency *out,
			 struct arena *a, struct err *err)
{
	struct one o = { out, a, 0 };

	return one_done(&o, store_each_competency(st, key, one_competency, &o, err), err);
}

/* ---- references and deletion ------------------------------------------- */

/* The id of key of kind, or EX_NOINPUT naming it. */
static int existing(struct store *st, enum entity kind, const char *key, int64_t *id,
		    struct err *err)
{
	int rc = store_lookup(st, kind, key, id, err);

	if (rc == 0)
		return err_set(err, EX_NOINPUT, "no %s '%s'", entity_word[kind], key);
	return rc < 0 ? -1 : 0;
}

int store_refs(struct store *st, enum entity kind, const char *key, struct entity_refs *out,
	       struct err *err)
{
	int64_t id;

	memset(out, 0, sizeof *out);
	if (kind >= ENTITY_KEYED)
		return err_set(err, EX_SOFTWARE, "evidence is not deleted by key");
	if (existing(st, kind, key, &id, err) < 0)
		return -1;
	return st->be->refs(st, kind, id, out, err);
}

/* Appends "N what" (with a plural s) to a list of what refers, with
 * commas and a final "and" put in by refs_message. */
static void add_part(char parts[][48], int *n, int64_t count, const char *one, const char *many)
{
	if (count > 0)
		(void)snprintf(parts[(*n)++], sizeof parts[0], "%" PRId64 " %s", count,
			       count == 1 ? one : many);
}

/* "team 'kcc' has 12 people and 3 sub-teams; move or remove them first" */
static int refs_refusal(enum entity kind, const char *key, const struct entity_refs *r,
			struct err *err)
{
	static const char *const advice[ENTITY_KEYED] = {
		"move or remove them first",
		"deactivate the person instead",
		"remove them first (evidence is kept for the record: a competency with"
		" evidence stays)",
		"give them another role first",
	};
	char parts[6][48], list[6 * 48 + 32] = "";
	int n = 0;

	add_part(parts, &n, r->people, kind == ENTITY_ROLE ? "person who holds it" : "person",
		 kind == ENTITY_ROLE ? "people who hold it" : "people");
	add_part(parts, &n, r->subteams, "sub-team", "sub-teams");
	add_part(parts, &n, r->evidence, "evidence row", "evidence rows");
	add_part(parts, &n, r->assessed, "evidence row as assessor", "evidence rows as assessor");
	add_part(parts, &n, r->reports, "report", "reports");
	add_part(parts, &n, r->requirements, "role that requires it", "roles that require it");
	if (n == 0)
		return 0;
	for (int i = 0; i < n; i++) {
		size_t len = strlen(list);

		(void)snprintf(list + len, sizeof list - len, "%s%s",
			       i == 0 ? "" : i == n - 1 ? " and " : ", ", parts[i]);
	}
	/* Evidence is never removed, so a competency with evidence cannot
	 * go; roles that require it can be changed. */
	if (kind == ENTITY_COMPETENCY && r->evidence > 0)
		return err_set(err, EX_CANTCREAT, "competency '%s' has %s; a competency with evidence"
			       " cannot be deleted", key, list);
	return err_set(err, EX_CANTCREAT, "%s '%s' has %s; %s", entity_word[kind], key, list,
		       kind == ENTITY_COMPETENCY ? "remove it from those roles first" : advice[kind]);
}

/* Forgets the cached keys of kind: a deleted key must not be found. */
static void forget_keys(struct store *st, enum entity kind)
{
	strmap_free(&st->keys[kind]);
	st->keys_loaded[kind] = 0;
}

int store_delete(struct store *st, enum entity kind, const char *key, struct err *err)
{
	struct entity_refs r;
	int64_t id;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "write outside a transaction");
	/* A member or a sub-team added by another writer after the count
	 * would be left pointing at nothing; the foreign keys refuse that
	 * too, but with a message that names no one. */
	if ((kind == ENTITY_TEAM || kind == ENTITY_PERSON) && store_lock_tree(st, kind, err) < 0)
		return -1;
	if (store_refs(st, kind, key, &r, err) < 0 || refs_refusal(kind, key, &r, err) < 0)
		return -1;
	if (existing(st, kind, key, &id, err) < 0)
		return -1;
	/* What the row owns goes with it. */
	if (kind == ENTITY_COMPETENCY && st->be->replace_indicators(st, id, NULL, 0, err) < 0)
		return -1;
	if (kind == ENTITY_ROLE && st->be->clear_requirements(st, id, err) < 0)
		return -1;
	if (st->be->delete_row(st, kind, id, err) < 0)
		return -1;
	forget_keys(st, kind);
	return 0;
}

int store_set_active(struct store *st, const char *key, bool active, struct err *err)
{
	struct arena a;
	struct person p;
	int rc;

	arena_init(&a, 1 << 16);
	rc = store_get_person(st, key, &p, &a, err);
	if (rc == 0)
		rc = err_set(err, EX_NOINPUT, "no person '%s'", key);
	if (rc > 0) {
		p.active = active;
		p.keep = KEEP_EMAIL | KEEP_TEAM | KEEP_ROLE | KEEP_MANAGER;
		rc = store_put_person(st, &p, err);
	}
	arena_free(&a);
	return rc < 0 ? -1 : 0;
}

int store_create_role(struct store *st, const char *key, struct err *err)
{
	int64_t id;
	int rc;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "write outside a transaction");
	rc = store_lookup(st, ENTITY_ROLE, key, NULL, err);
	if (rc != 0)
		return rc < 0 ? -1 : err_set(err, EX_CANTCREAT, "role '%s' exists already", key);
	if (st->be->put_role(st, key, &id, err) < 0)
		return -1;
	forget_keys(st, ENTITY_ROLE);
	return 0;
}

int store_clear_requirements(struct store *st, const char *role, struct err *err)
{
	int64_t id;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "write outside a transaction");
	if (existing(st, ENTITY_ROLE, role, &id, err) < 0)
		return -1;
	return st->be->clear_requirements(st, id, err);
}

/* ---- one person's evidence ---------------------------------------------- */

struct evidence_pager {
	size_t limit, seen;
	const char *person;
	char *next;
	int (*cb)(void *ctx, const struct evidence_entry *e);
	void *ctx;
};

static int page_entry(void *ctx, const struct evidence_entry *e)
{
	struct evidence_pager *p = ctx;
	struct evidence_entry x = *e;
	char date[DATE_ISO_LEN + 1];

	if (p->seen++ == p->limit)
		return 0;
	date_format(e->e.date, date);
	(void)snprintf(p->next, EVIDENCE_CURSOR_MAX, "%s/%" PRId64, date, e->e.id);
	x.e.person = p->person;
	return p->cb(p->ctx, &x);
}

/* Reads a cursor "YYYY-MM-DD/ID"; 0, or -1 with err set. */
static int parse_evidence_cursor(const char *s, int32_t *date, int64_t *id, struct err *err)
{
	char day[DATE_ISO_LEN + 1], *end;
	const char *slash = strchr(s, '/');
	long long v;

	if (slash == NULL || slash - s != DATE_ISO_LEN)
		goto bad;
	memcpy(day, s, DATE_ISO_LEN);
	day[DATE_ISO_LEN] = '\0';
	if (date_parse(day, date) < 0 || slash[1] < '0' || slash[1] > '9')
		goto bad;
	v = strtoll(slash + 1, &end, 10);
	if (*end != '\0' || v <= 0 || v == LLONG_MAX)
		goto bad;
	*id = v;
	return 0;
bad:
	return err_set(err, EX_DATAERR, "cursor '%s' is not one this listing gave; start from the"
		       " first page", s);
}

int store_page_evidence(struct store *st, const char *person, const char *after,
			size_t limit, int (*cb)(void *ctx, const struct evidence_entry *e),
			void *ctx, char next[EVIDENCE_CURSOR_MAX], struct err *err)
{
	struct evidence_pager p = { limit, 0, person, next, cb, ctx };
	int32_t date = INT32_MAX;
	int64_t id = INT64_MAX;
	struct person x;
	struct arena a;
	int rc;

	next[0] = '\0';
	if (limit < 1 || limit > STORE_PAGE_MAX)
		return err_set(err, EX_USAGE, "limit %zu is out of range; it must be from 1 to %d",
			       limit, STORE_PAGE_MAX);
	if (after != NULL && *after != '\0' && parse_evidence_cursor(after, &date, &id, err) < 0)
		return -1;
	/* The person's key, not the cached keys of everyone: one request
	 * must not read 50,000 keys. */
	rc = st->be->page_evidence(st, person, date, id, limit + 1, page_entry, &p, err);
	if (rc == 0 && p.seen <= limit)
		next[0] = '\0';
	if (rc == 0 && p.seen == 0) {
		arena_init(&a, 1 << 16);
		rc = store_get_person(st, person, &x, &a, err);
		arena_free(&a);
		if (rc == 0)
			return err_set(err, EX_NOINPUT, "no person '%s'", person);
		rc = rc < 0 ? -1 : 0;
	}
	return rc;
}
