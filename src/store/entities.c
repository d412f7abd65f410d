/* One entity at a time, for the API: pages in key order, reading one row,
 * and pages of one person's evidence (entities_write.c has the writes).
 * The engines' parts are in sqlite_refs.c, pg_refs.c and the page
 * functions of sqlite_entities.c and pg_entities.c. */
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "util/date.h"

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

struct evidence_copy {
	struct evidence_entry *out;
	struct arena *a;
	int found;              /* 1 found, -1 out of memory */
};

/* A copy of *s in the arena; NULL stays NULL. 0, or -1 when out of memory. */
static int keep_text(struct arena *a, const char **s)
{
	if (*s == NULL)
		return 0;
	*s = arena_strdup(a, *s);
	return *s == NULL ? -1 : 0;
}

static int copy_entry(void *ctx, const struct evidence_entry *e)
{
	struct evidence_copy *c = ctx;

	*c->out = *e;
	c->found = 1;
	if (keep_text(c->a, &c->out->e.person) < 0 || keep_text(c->a, &c->out->e.competency) < 0 ||
	    keep_text(c->a, &c->out->e.assessor) < 0 || keep_text(c->a, &c->out->e.note) < 0 ||
	    keep_text(c->a, &c->out->reason) < 0 || keep_text(c->a, &c->out->retracted_at) < 0)
		c->found = -1;
	return 0;
}

int store_get_evidence(struct store *st, int64_t id, struct evidence_entry *out,
		       struct arena *a, struct err *err)
{
	struct evidence_copy c = { out, a, 0 };

	if (st->be->evidence_by_id(st, id, copy_entry, &c, err) < 0)
		return -1;
	if (c.found < 0)
		return err_set(err, EX_OSERR, "out of memory");
	return c.found;
}
