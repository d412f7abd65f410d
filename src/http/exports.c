/* GET /api/v1/exports/{kind}: the rows of a kind as CSV, from the
 * command line's own export (io/export.h): for admin and hr the same
 * bytes as `compgap export KIND`; for the other roles only the rows of
 * what they may see (http/reach.c, docs/security.md):
 *   the library (competencies, indicators, roles)  everyone signed in;
 *   teams       the teams within reach;
 *   people      the people within reach; a coach gets no email;
 *   evidence    the rows about people within reach; an employee gets no
 *               assessor of peer rows.
 *   scorecards  everyone signed in (as the library).
 *   evaluations the rows of evaluations of agents within reach; an evaluator
 *               out of reach is left empty, and an employee gets no
 *               evaluator of peer evaluations.
 *   objectives, key-results, checkins
 *               those of the whole organisation and of the teams within
 *               reach (an employee: their own team), with their key results
 *               and check-ins; an owner out of reach and a parent objective
 *               not exported are left empty.
 * A reference to a person or team out of reach (a manager, an assessor, a
 * parent team) is left empty, so that no key beyond the caller's reach
 * appears in what they can take away.
 *
 * Who is within reach is worked out once per export, from the people's
 * managers and teams and the teams' parents read in the export's own
 * snapshot, by the rules of http/reach.c; the rows stream to an unlinked
 * temporary file (http/response.h), never the whole table in memory. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "core/quality.h"
#include "io/export.h"
#include "store/okr.h"
#include "util/strmap.h"

#define HTTP_CSV "text/csv; charset=utf-8"

/* Longest chain of managers or parent teams followed (as http/reach.c). */
enum { CHAIN_MAX = 1000 };

/* A person or team as the reach needs it: its key and the key above it
 * (manager, parent), and its team (people). */
struct node {
	const char *key;
	const char *up;
	const char *team;
	int state;                    /* 0 not worked out, 1 within reach, 2 not */
};

struct nodes {
	struct node *items;
	size_t n, cap;
	struct strmap index;          /* key -> position in items */
};

/* What the caller may see, and how an export's rows are cut to it. */
struct reach_set {
	const struct http_caller *c;
	bool all;                     /* admin, hr: everything as it is */
	struct arena arena;           /* the keys of people and teams */
	struct nodes people, teams;
	struct strmap objectives;     /* OKR kinds: the objectives and key results */
	struct strmap key_results;    /* within reach (keys) */
	struct err *err;
};

/* The sink between export_rows and the CSV writer. */
struct cut {
	struct reach_set *r;
	enum import_kind kind;
	const struct export_sink *out;
	long others;                  /* rows about another person than the caller */
};

static int nodes_add(struct nodes *ns, struct arena *a, const char *key, const char *up,
		     const char *team)
{
	if (ns->n == ns->cap) {
		size_t cap = ns->cap ? ns->cap * 2 : 256;
		struct node *items = realloc(ns->items, cap * sizeof *items);

		if (items == NULL)
			return -1;
		ns->items = items;
		ns->cap = cap;
	}
	ns->items[ns->n] = (struct node){ arena_strdup(a, key), arena_strdup(a, up),
					  arena_strdup(a, team), 0 };
	if (ns->items[ns->n].key == NULL || (up != NULL && ns->items[ns->n].up == NULL) ||
	    (team != NULL && ns->items[ns->n].team == NULL) ||
	    strmap_put(&ns->index, key, (int64_t)ns->n) < 0)
		return -1;
	ns->n++;
	return 0;
}

static struct node *nodes_get(const struct nodes *ns, const char *key)
{
	int64_t i;

	return key != NULL && strmap_get(&ns->index, key, &i) ? &ns->items[i] : NULL;
}

static int add_team(void *ctx, const struct team *t)
{
	struct reach_set *r = ctx;

	return nodes_add(&r->teams, &r->arena, t->key, t->parent, NULL) < 0 ? 1 : 0;
}

static int add_person(void *ctx, const struct person *p)
{
	struct reach_set *r = ctx;

	return nodes_add(&r->people, &r->arena, p->key, p->manager, p->team) < 0 ? 1 : 0;
}

static bool is_coach_team(const struct http_caller *c, const char *team)
{
	for (size_t i = 0; i < c->nteams; i++)
		if (strcmp(c->teams[i], team) == 0)
			return true;
	return false;
}

/* Whether the chain up from n (managers, parent teams) meets what hit
 * says, each node's answer kept in its state. */
static bool chain_reaches(const struct nodes *ns, struct node *n, const struct http_caller *c,
			  bool (*hit)(const struct http_caller *c, const char *key))
{
	struct node *path[CHAIN_MAX];
	size_t len = 0;
	int state = 2;

	while (n != NULL && len < CHAIN_MAX) {
		if (n->state != 0) {
			state = n->state;
			break;
		}
		path[len++] = n;
		if (hit(c, n->key)) {
			state = 1;
			break;
		}
		n = nodes_get(ns, n->up);
	}
	for (size_t i = 0; i < len; i++)
		path[i]->state = state;
	return state == 1;
}

static bool is_self(const struct http_caller *c, const char *key)
{
	return c->person[0] != '\0' && strcmp(key, c->person) == 0;
}

/* Works out every person's and team's state for the caller's role. */
static void work_out(struct reach_set *r)
{
	const struct http_caller *c = r->c;

	for (size_t i = 0; i < r->teams.n; i++) {
		struct node *t = &r->teams.items[i];

		if (c->role == ROLE_COACH)
			(void)chain_reaches(&r->teams, t, c, is_coach_team);
		else if (t->state == 0)
			t->state = 2;    /* a manager's: set from their people below */
	}
	for (size_t i = 0; i < r->people.n; i++) {
		struct node *p = &r->people.items[i];
		struct node *t = nodes_get(&r->teams, p->team);

		switch (c->role) {
		case ROLE_MANAGER:
			if (chain_reaches(&r->people, p, c, is_self) && t != NULL)
				t->state = 1;
			break;
		case ROLE_COACH:
			p->state = t != NULL && t->state == 1 ? 1 : 2;
			break;
		default:
			p->state = is_self(c, p->key) ? 1 : 2;
			break;
		}
	}
}

static int reach_set_init(struct reach_set *r, const struct http_caller *c, struct store *st,
			  struct err *err)
{
	memset(r, 0, sizeof *r);
	r->c = c;
	r->err = err;
	r->all = c->role == ROLE_ADMIN || c->role == ROLE_HR;
	arena_init(&r->arena, (size_t)1 << 32);
	strmap_init(&r->people.index);
	strmap_init(&r->teams.index);
	strmap_init(&r->objectives);
	strmap_init(&r->key_results);
	if (r->all)
		return 0;
	if (store_each_team(st, NULL, add_team, r, err) != 0 ||
	    store_each_person(st, NULL, add_person, r, err) != 0) {
		if (err->code == 0)
			err_set(err, EX_OSERR, "out of memory");
		return -1;
	}
	work_out(r);
	return 0;
}

static void reach_set_free(struct reach_set *r)
{
	arena_free(&r->arena);
	strmap_free(&r->people.index);
	strmap_free(&r->teams.index);
	strmap_free(&r->objectives);
	strmap_free(&r->key_results);
	free(r->people.items);
	free(r->teams.items);
}

static bool sees(const struct reach_set *r, const struct nodes *ns, const char *key)
{
	const struct node *n;

	if (r->all)
		return true;
	n = nodes_get(ns, key);
	return n != NULL && n->state == 1;
}

/* Whether the caller sees the objectives of team (NULL: the whole
 * organisation's, which everyone sees): a team within reach, and an
 * employee's own. */
static bool sees_okr_team(const struct reach_set *r, const char *team)
{
	const struct node *self;

	if (team == NULL || sees(r, &r->teams, team))
		return true;
	self = r->c->role == ROLE_EMPLOYEE ? nodes_get(&r->people, r->c->person) : NULL;
	return self != NULL && self->team != NULL && strcmp(self->team, team) == 0;
}

/* For an export of objectives, key results or check-ins: which objectives
 * and key results the caller sees, from every stored one. */
static int okr_reach(struct reach_set *r, struct store *st, struct err *err)
{
	struct okr_query all = { .scope = OKR_ALL };
	struct okr_board b;
	struct arena a;
	int rc = 0;

	if (r->all)
		return 0;
	arena_init(&a, (size_t)1 << 32);
	if (store_okr_board(st, &all, &a, &b, err) < 0) {
		arena_free(&a);
		return -1;
	}
	for (size_t i = 0; rc == 0 && i < b.nobjectives; i++) {
		const struct objective *o = &b.objectives[i];

		if (!sees_okr_team(r, o->team))
			continue;
		rc = strmap_put(&r->objectives, o->key, 1);
		for (size_t k = o->first_kr; rc == 0 && k < o->first_kr + o->nkrs; k++)
			rc = strmap_put(&r->key_results, b.krs[k].key, 1);
	}
	arena_free(&a);
	return rc < 0 ? err_set(err, EX_OSERR, "out of memory") : 0;
}

static bool sees_key(const struct reach_set *r, const struct strmap *m, const char *key)
{
	return r->all || (key != NULL && strmap_get(m, key, NULL));
}

/* ---- the rows ---------------------------------------------------------- */

static int cut_header(void *ctx, const char *const *names, size_t n, struct err *err)
{
	struct cut *x = ctx;

	return x->out->header(x->out->ctx, names, n, err);
}

/* Empties cell i when it names a person or team the caller does not see. */
static void blank_unseen(const struct reach_set *r, const struct nodes *ns,
			 struct export_cell *cells, size_t i)
{
	if (cells[i].text != NULL && cells[i].text[0] != '\0' && !sees(r, ns, cells[i].text))
		cells[i].text = NULL;
}

static int cut_row(void *ctx, const struct export_cell *in, size_t n, struct err *err)
{
	struct cut *x = ctx;
	const struct reach_set *r = x->r;
	struct export_cell cells[16];
	const char *person = NULL;

	if (n > sizeof cells / sizeof cells[0])
		return err_set(err, EX_SOFTWARE, "an export row of %zu cells", n);
	memcpy(cells, in, n * sizeof *cells);
	switch (x->kind) {
	case IMPORT_TEAMS:
		if (!sees(r, &r->teams, cells[0].text))
			return 0;
		blank_unseen(r, &r->teams, cells, 2);
		break;
	case IMPORT_PEOPLE:
		person = cells[0].text;
		if (!sees(r, &r->people, person))
			return 0;
		if (r->c->role == ROLE_COACH)
			cells[2].text = NULL;
		blank_unseen(r, &r->people, cells, 5);
		break;
	case IMPORT_EVIDENCE:
		person = cells[0].text;
		if (!sees(r, &r->people, person))
			return 0;
		if (r->c->role == ROLE_EMPLOYEE && cells[3].text != NULL &&
		    strcmp(cells[3].text, source_name(SOURCE_PEER)) == 0)
			cells[5].text = NULL;
		blank_unseen(r, &r->people, cells, 5);
		break;
	case IMPORT_EVALUATIONS:
		person = cells[3].text;
		if (!sees(r, &r->people, person))
			return 0;
		if (r->c->role == ROLE_EMPLOYEE && cells[5].text != NULL &&
		    strcmp(cells[5].text, eval_kind_name(EVAL_PEER)) == 0)
			cells[4].text = NULL;
		blank_unseen(r, &r->people, cells, 4);
		break;
	case IMPORT_OBJECTIVES:
		if (!sees_key(r, &r->objectives, cells[0].text))
			return 0;
		blank_unseen(r, &r->people, cells, 5);
		if (cells[6].text != NULL && !sees_key(r, &r->objectives, cells[6].text))
			cells[6].text = NULL;
		break;
	case IMPORT_KEY_RESULTS:
		if (!sees_key(r, &r->objectives, cells[0].text))
			return 0;
		break;
	case IMPORT_CHECKINS:
		if (!sees_key(r, &r->key_results, cells[0].text))
			return 0;
		break;
	default:
		break;
	}
	if (person != NULL && !is_self(r->c, person))
		x->others++;
	return x->out->row(x->out->ctx, cells, n, err);
}

/* Writes the export of kind into f in one read transaction. */
static int write_export(struct store *st, const struct http_caller *c, struct cut *x, FILE *f,
			struct err *err)
{
	struct export_csv csv;
	struct export_sink out, sink = { cut_header, cut_row, x };
	struct reach_set r;
	int rc = -1;

	if (store_begin_read(st, err) < 0)
		return -1;
	export_csv_sink(&csv, f, 0, &out);
	x->out = &out;
	x->r = &r;
	if (reach_set_init(&r, c, st, err) == 0 &&
	    ((x->kind != IMPORT_OBJECTIVES && x->kind != IMPORT_KEY_RESULTS &&
	      x->kind != IMPORT_CHECKINS) || okr_reach(&r, st, err) == 0) &&
	    export_rows_in(st, x->kind, &sink, err) == 0 && export_csv_finish(&csv, err) == 0)
		rc = 0;
	reach_set_free(&r);
	store_rollback(st);
	return rc;
}

int handle_export(struct http_ctx *cx)
{
	const char *kind = http_param(cx->req, "kind");
	const struct http_caller *c = cx->req->caller;
	struct cut x = { 0 };
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st;
	char detail[200];
	FILE *f;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	if (import_kind_parse(kind, &x.kind) < 0)
		return response_error(cx->resp, 404, "not_found", "kind",
				      "there is no kind of data '%.60s' to export; the kinds are %s",
				      kind, import_kind_list());
	if (c == NULL)
		return response_error(cx->resp, 401, "unauthenticated", NULL, "sign in");
	st = http_store(cx, &err);
	if (st == NULL)
		return http_unavailable(cx);
	f = response_tmpfile();
	if (f == NULL)
		return response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file");
	if (write_export(st, c, &x, f, &err) < 0) {
		(void)fclose(f);
		if (err.code == EX_IOERR)    /* the temporary file, not the database */
			return response_error(cx->resp, 500, "internal", NULL, "%s", err.msg);
		return http_store_failed(cx, &err, NULL);
	}
	if (response_from_file(cx->resp, f, 200, HTTP_CSV) < 0)
		return response_error(cx->resp, 500, "internal", NULL, "cannot write the export");
	cx->resp->api = true;
	(void)snprintf(cx->resp->attachment, sizeof cx->resp->attachment, "%s.csv",
		       import_kind_name(x.kind));
	if (x.others > 0) {
		(void)snprintf(detail, sizeof detail, "%s: %ld rows about other people than the caller",
			       cx->req->path, x.others);
		au = (struct http_audit){ "read", "export", import_kind_name(x.kind), NULL, "ok",
					  detail };
	}
	return http_audit_write(cx, st, &au);
}
