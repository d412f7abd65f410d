/* The API handlers' shared checks and answers (http/api.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "auth/auth.h"
#include "http/api.h"
#include "http/audit_queue.h"

static const char *kind_name(enum entity kind)
{
	switch (kind) {
	case ENTITY_TEAM: return "team";
	case ENTITY_PERSON: return "person";
	case ENTITY_COMPETENCY: return "competency";
	default: return "role";
	}
}

/* Whether the object exists: 1, 0, or -1 with err set. A team or a
 * person is read as one row by its key: store_lookup would read every key
 * of the kind into the connection's map (3,861 teams, 50,000 people in
 * bench/serve.sh's organisation), which the next transaction drops again,
 * and did so for every request. */
static int exists(const struct http_ctx *cx, struct store *st, enum entity kind, const char *key,
		  struct err *err)
{
	struct team t;
	struct person p;

	switch (kind) {
	case ENTITY_TEAM:
		return store_get_team(st, key, &t, cx->arena, err);
	case ENTITY_PERSON:
		return store_get_person(st, key, &p, cx->arena, err);
	default:
		return store_lookup(st, kind, key, NULL, err);
	}
}

int http_visible(const struct http_ctx *cx, struct store *st, enum entity kind, const char *key,
		 const char *field, struct http_audit *au)
{
	struct err err = { 0 };
	int rc = exists(cx, st, kind, key, &err);

	if (rc < 0)
		return http_store_failed(cx, &err, NULL), -1;
	if (rc == 1 && (kind == ENTITY_TEAM || kind == ENTITY_PERSON) && cx->cfg->reach != NULL) {
		rc = cx->cfg->reach(cx->cfg, st, cx->req->caller, kind, key);
		if (rc < 0)
			return response_error(cx->resp, 503, "unavailable", NULL,
					      "cannot check access now; try again later"), -1;
		if (rc == 0 && au != NULL)
			*au = (struct http_audit){ "read", kind_name(kind), key,
						   kind == ENTITY_PERSON ? key : NULL, "denied",
						   NULL };
	}
	if (rc == 0)
		response_error(cx->resp, 404, "not_found", field, "there is no %s '%.100s'",
			       kind_name(kind), key);
	return rc;
}

static void fill_entry(const struct http_ctx *cx, const struct http_audit *au,
		       struct audit_entry *e)
{
	*e = (struct audit_entry){ 0 };
	e->actor = cx->req->caller->user;
	e->action = au->action;
	e->object_kind = au->kind;
	e->object_key = au->key;
	e->person = au->person;
	e->address = cx->req->address;
	e->outcome = au->outcome != NULL ? au->outcome : "ok";
	e->detail = au->detail != NULL ? au->detail : cx->req->path;
}

int http_audit_write(struct http_ctx *cx, struct store *st, const struct http_audit *au)
{
	struct audit_entry e;
	struct err err = { 0 };
	char at[32];

	if (au->action == NULL || cx->req->caller == NULL)
		return 0;
	fill_entry(cx, au, &e);
	/* A read that was answered is logged by the queue's writer (its
	 * header says why); everything else before the answer. */
	auth_time_iso((int64_t)time(NULL), at);
	e.at = at;
	if (strcmp(e.action, "read") == 0 && strcmp(e.outcome, "ok") == 0 &&
	    audit_queue_add(&e) == 0)
		return 0;
	if (auth_audit(st, (int64_t)time(NULL), &e, &err) < 0) {
		response_free(cx->resp);
		response_init(cx->resp);
		return http_store_failed(cx, &err, NULL);
	}
	return 0;
}

int http_audit_in(const struct http_ctx *cx, struct store *st, const struct http_audit *au,
		  struct err *err)
{
	struct audit_entry e;
	char at[32];

	if (au->action == NULL || cx->req->caller == NULL)
		return 0;
	fill_entry(cx, au, &e);
	auth_time_iso((int64_t)time(NULL), at);
	e.at = at;
	return store_audit_append(st, &e, err);
}

static void fill_error(struct jw *w, const void *fe)
{
	entities_json_error(w, fe);
}

int http_entity_failed(const struct http_ctx *cx, const struct field_error *fe)
{
	if (fe->code == EE_STORE && entity_error_status(fe) != 422)
		return http_store_failed(cx, &fe->err, NULL);
	response_free(cx->resp);
	response_init(cx->resp);
	if (http_json_answer(cx, entity_error_status(fe), fill_error, fe) == 0)
		cx->resp->error_code = entity_error_name(fe->code);
	return 0;
}

int http_page_params(const struct http_ctx *cx, size_t def, struct page_query *q)
{
	const char *limit = http_query(cx->req, "limit");

	q->after = http_query(cx->req, "cursor");
	q->limit = def;
	if (limit != NULL) {
		char *end;
		long n = strtol(limit, &end, 10);

		if (*limit == '\0' || *end != '\0' || n < 1 || n > STORE_PAGE_MAX)
			return response_error(cx->resp, 400, "bad_parameter", "limit",
					      "limit takes a whole number from 1 to %d, not '%.40s'",
					      STORE_PAGE_MAX, limit), -1;
		q->limit = (size_t)n;
	}
	return 0;
}

int http_json_answer(const struct http_ctx *cx, int status,
		     void (*fill)(struct jw *w, const void *arg), const void *arg)
{
	struct jw *w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */

	if (w == NULL)
		return response_error(cx->resp, 500, "internal", NULL, "out of memory");
	jw_init(w, NULL, HTTP_SMALL_MAX);
	fill(w, arg);
	if (jw_finish(w) < 0) {
		buf_free(&w->out);
		free(w);
		return response_error(cx->resp, 500, "internal", NULL, "out of memory");
	}
	buf_free(&cx->resp->body);    /* headers set before (a cookie) stay */
	cx->resp->body = w->out;
	cx->resp->status = status;
	cx->resp->content_type = HTTP_JSON;
	cx->resp->api = true;
	free(w);
	return 0;
}

bool http_role_in(const struct http_caller *c, unsigned mask)
{
	return c != NULL && (mask & ROLE_BIT(c->role)) != 0;
}

int http_forbidden(const struct http_ctx *cx, const char *what)
{
	const struct http_caller *c = cx->req->caller;

	return response_error(cx->resp, 403, "forbidden", NULL, "a%s %s may not %s",
			      c != NULL && (c->role == ROLE_ADMIN || c->role == ROLE_EMPLOYEE) ? "n" : "",
			      c != NULL ? auth_role_name((enum auth_role)c->role) : "caller", what);
}

static int may_see_person(void *arg, const char *person, struct err *err)
{
	const struct http_reader_ctx *ctx = arg;
	const struct server_config *cfg = ctx->cx->cfg;
	int rc = cfg->reach(cfg, ctx->st, ctx->cx->req->caller, ENTITY_PERSON, person);

	return rc < 0 ? err_set(err, EX_UNAVAILABLE, "cannot check access now; try again later")
		      : rc;
}

const struct view_reader *http_view_reader(const struct http_ctx *cx, struct store *st,
					   struct http_reader_ctx *ctx, struct view_reader *rd)
{
	const struct http_caller *c = cx->req->caller;

	if (cx->cfg->reach == NULL || c == NULL || http_role_in(c, ROLE_BIT(ROLE_ADMIN) |
							      ROLE_BIT(ROLE_HR)))
		return NULL;
	*ctx = (struct http_reader_ctx){ cx, st };
	*rd = (struct view_reader){ may_see_person, ctx, c->role == ROLE_EMPLOYEE };
	return rd;
}

struct store *http_begin_read(const struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);

	if (st == NULL) {
		http_unavailable(cx);
		return NULL;
	}
	if (store_begin_read(st, &err) < 0) {
		http_store_failed(cx, &err, NULL);
		return NULL;
	}
	return st;
}
