/* Teams, people, competencies and roles over the API: lists and single
 * records (the writes are in http/entities_write.c). The documents are
 * io/entities.h's, the same bytes as `compgap list|show --json`; what
 * each role sees is http/scope.h's (lists) and http_visible's (one
 * record). A coach sees no contact details: a person's "email" is null
 * for them; a manager sees it (issue 11: only coaches lose them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/entities_int.h"
#include "http/scope.h"

/* Bytes the gathering of one list may take: the manager's pass over the
 * whole organisation (50,000 people: a few MiB). */
enum { LIST_ARENA_MAX = 1 << 28 };

const char *const http_entity_word[ENTITY_KEYED] = { "team", "person", "competency", "role" };

/* A person's record as the caller may see it. */
static void write_person(struct jw *w, const struct http_caller *c, const struct person *p)
{
	struct person shown = *p;

	if (c != NULL && c->role == ROLE_COACH)
		shown.email = NULL;
	entities_json_person(w, &shown);
}

/* Writes the document that write() makes into the response (status),
 * through an unlinked temporary file as the views do. 0, or -1 with the
 * response set. */
int http_entity_document(struct http_ctx *cx, int status,
			 int (*write)(struct jw *w, void *arg, struct err *err), void *arg)
{
	struct err err = { 0 };
	FILE *f = response_tmpfile();
	struct jw *w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	int rc = -1;

	if (f == NULL || w == NULL) {
		free(w);
		if (f != NULL)
			(void)fclose(f);
		return response_error(cx->resp, 500, "internal", NULL, "cannot make a document"), -1;
	}
	jw_init(w, f, 0);
	rc = write(w, arg, &err);
	if (rc == 0 && jw_finish(w) < 0)
		rc = err_set(&err, EX_IOERR, "cannot write the document");
	buf_free(&w->out);
	free(w);
	if (rc < 0) {
		(void)fclose(f);
		if (err.code == EX_DATAERR)    /* a cursor that is none */
			return response_error(cx->resp, 400, "bad_parameter", "cursor", "%s",
					      err.msg), -1;
		return http_store_failed(cx, &err, NULL), -1;
	}
	if (response_from_file(cx->resp, f, status, HTTP_JSON) < 0)
		return response_error(cx->resp, 500, "internal", NULL, "cannot write the document"), -1;
	cx->resp->api = true;
	return 0;
}

/* ---- one record ------------------------------------------------------------ */

struct one {
	const struct http_caller *c;
	struct store *st;
	enum entity kind;
	const char *key;
};

static int write_one(struct jw *w, void *arg, struct err *err)
{
	struct one *o = arg;
	struct arena a;
	struct person p;
	int rc;

	if (o->kind != ENTITY_PERSON)
		return entities_json_one(w, o->st, o->kind, o->key, err);
	arena_init(&a, 1 << 20);
	rc = store_get_person(o->st, o->key, &p, &a, err);
	if (rc == 0)
		rc = err_set(err, EX_NOINPUT, "no person '%s'", o->key);
	if (rc > 0) {
		write_person(w, o->c, &p);
		rc = 0;
	}
	arena_free(&a);
	return rc;
}

int http_entity_written(struct http_ctx *cx, struct store *st, enum entity kind,
			const char *key, int status)
{
	struct one o = { cx->req->caller, st, kind, key };
	struct err err = { 0 };
	int rc;

	if (store_begin_read(st, &err) < 0)
		return http_store_failed(cx, &err, NULL);
	rc = http_entity_document(cx, status, write_one, &o);
	store_rollback(st);
	return rc < 0 ? -1 : 0;
}

static int get_one(struct http_ctx *cx, enum entity kind)
{
	const char *key = http_param(cx->req, "key");
	const struct http_caller *c = cx->req->caller;
	struct one o = { c, NULL, kind, key };
	struct http_audit au = { 0 };
	struct store *st;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	o.st = st;
	if (http_visible(cx, st, kind, key, "key", &au) == 1 &&
	    http_entity_document(cx, 200, write_one, &o) == 0 && kind == ENTITY_PERSON &&
	    (c == NULL || strcmp(c->person, key) != 0))
		au = (struct http_audit){ "read", "person", key, key, "ok", NULL };
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}

int handle_team_get(struct http_ctx *cx)
{
	return get_one(cx, ENTITY_TEAM);
}

int handle_person_record(struct http_ctx *cx)
{
	return get_one(cx, ENTITY_PERSON);
}

int handle_competency_get(struct http_ctx *cx)
{
	return get_one(cx, ENTITY_COMPETENCY);
}

int handle_role_get(struct http_ctx *cx)
{
	return get_one(cx, ENTITY_ROLE);
}

/* ---- lists --------------------------------------------------------------- */

struct list {
	const struct http_caller *c;
	struct store *st;
	enum entity kind;
	struct page_query q;
	bool others;                /* people other than the caller were listed */
};

static int write_list(struct jw *w, void *arg, struct err *err)
{
	struct list *l = arg;
	struct scope_page page;
	struct arena a;
	int rc;

	if (l->kind == ENTITY_COMPETENCY || l->kind == ENTITY_ROLE)
		return entities_json_page(w, l->st, l->kind, &l->q, err);
	arena_init(&a, LIST_ARENA_MAX);
	rc = scope_page_read(l->st, l->c, l->kind, &l->q, &a, &page, err);
	if (rc == 0) {
		jw_object_begin(w);
		jw_key(w, "items");
		jw_array_begin(w);
		for (size_t i = 0; i < page.n; i++) {
			if (l->kind == ENTITY_TEAM) {
				entities_json_team(w, &page.teams[i]);
				continue;
			}
			write_person(w, l->c, &page.people[i]);
			if (strcmp(page.people[i].key, l->c->person) != 0)
				l->others = true;
		}
		jw_array_end(w);
		jw_field_string(w, "next_cursor", page.next[0] != '\0' ? page.next : NULL);
		jw_object_end(w);
	}
	arena_free(&a);
	return rc;
}

static int list(struct http_ctx *cx, enum entity kind)
{
	static const char *const names[] = { "limit", "cursor", "team", "active" };
	static const size_t nnames[ENTITY_KEYED] = { 3, 4, 2, 2 };
	struct list l = { cx->req->caller, NULL, kind, { 0 }, false };
	const char *active = http_query(cx->req, "active");
	struct http_audit au = { 0 };
	struct store *st;

	if (http_only_query(cx, names, nnames[kind]) < 0 ||
	    http_page_params(cx, HTTP_ENTITY_PAGE, &l.q) < 0)
		return 0;
	l.q.team = http_query(cx->req, "team");
	if (active != NULL) {
		if (strcmp(active, "true") != 0 && strcmp(active, "false") != 0)
			return response_error(cx->resp, 400, "bad_parameter", "active",
					      "active takes true or false, not '%.40s'", active);
		l.q.state = active[0] == 't' ? PEOPLE_ACTIVE : PEOPLE_INACTIVE;
	}
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	l.st = st;
	if ((l.q.team == NULL || http_visible(cx, st, ENTITY_TEAM, l.q.team, "team", &au) == 1) &&
	    http_entity_document(cx, 200, write_list, &l) == 0 && l.others)
		au = (struct http_audit){ "read", "person", NULL, NULL, "ok", NULL };
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}

int handle_teams_list(struct http_ctx *cx)
{
	return list(cx, ENTITY_TEAM);
}

int handle_people_list(struct http_ctx *cx)
{
	return list(cx, ENTITY_PERSON);
}

int handle_competencies_list(struct http_ctx *cx)
{
	return list(cx, ENTITY_COMPETENCY);
}

int handle_roles_list(struct http_ctx *cx)
{
	return list(cx, ENTITY_ROLE);
}
