/* Development plans over HTTP (http/plan_write.h; docs/api.md,
 * "Development plans"; docs/security.md, "Development plans"). Reading a
 * plan is reading the person: http_visible's reach, 404 out of it. A
 * write is the role's right on top (http_plan_may): 403 for a person in
 * reach whom the role may not change. Each write and its audit entry are
 * one transaction (http_audit_in); a refusal is logged after it. */
#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "auth/auth.h"
#include "http/api.h"
#include "http/plan_write.h"
#include "http/request.h"
#include "io/plan_json.h"
#include "util/date.h"

static const char *const op_action[] = { "plan.add", "plan.accept", "plan.status" };

bool http_plan_may(const struct http_caller *c, enum plan_op op, const char *person)
{
	if (c == NULL)
		return true;
	if (c->role != ROLE_EMPLOYEE)
		return true;    /* admin, hr, manager, coach: their reach decides */
	/* An employee keeps their own plan's actions up to date; what the
	 * plan holds is agreed with the one who follows it up. */
	return op == PLAN_OP_STATUS && c->person[0] != '\0' && strcmp(c->person, person) == 0;
}

/* ---- the write ------------------------------------------------------------ */

struct plan_job {
	struct http_ctx *cx;
	struct plan_write *w;
	struct plan_refusal *r;
	bool refused;                /* r set, the transaction to be rolled back */
	char detail[600];
};

static int refuse(struct plan_job *j, int status, const char *code, const char *field,
		  const char *msg)
{
	j->refused = true;
	j->r->status = status;
	j->r->code = code;
	j->r->field = field;
	(void)snprintf(j->r->message, sizeof j->r->message, "%s", msg);
	return -1;
}

static int job_work(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct plan_job *j = ctx;
	struct plan_write *w = j->w;
	struct plan_fault f = { 0 };
	struct http_audit au;
	const char *field = NULL;
	char at[32], key[32];
	int rc;

	(void)attempt;
	j->refused = false;
	auth_time_iso((int64_t)time(NULL), at);
	if (w->op == PLAN_OP_ACCEPT) {
		/* The recommendations as the caller's pages show them: a
		 * mentor out of their reach is withheld, not stored. */
		struct http_reader_ctx rctx;
		struct view_reader reader;
		const struct view_reader *rd = http_view_reader(j->cx, st, &rctx, &reader);

		rc = plan_from_recommendation(st, &w->accept, rd, j->cx->arena, &w->action, &field,
					      err);
		if (rc < 0)
			return field != NULL ? refuse(j, 422, "invalid_value", field, err->msg) : -1;
	}
	if (w->op == PLAN_OP_STATUS) {
		struct plan_action cur;

		rc = store_plan_get(st, w->id, j->cx->arena, &cur, err);
		if (rc < 0)
			return -1;
		if (rc == 0 || strcmp(cur.person, w->person) != 0) {
			char msg[200];

			(void)snprintf(msg, sizeof msg, "there is no action %" PRId64 " in %.100s's plan",
				       w->id, w->person);
			return refuse(j, 404, "not_found", "id", msg);
		}
		if (store_plan_set_status(st, w->id, w->status, at, &cur.status, &f, err) < 0)
			return f.field ? refuse(j, 422, "invalid_value", f.field, err->msg) : -1;
		(void)snprintf(j->detail, sizeof j->detail, "%s -> %s", plan_status_name(cur.status),
			       plan_status_name(w->status));
	} else {
		if (store_plan_add(st, &w->action, at, &w->id, &f, err) < 0)
			return f.field ? refuse(j, 422, "invalid_value", f.field, err->msg) : -1;
		(void)snprintf(j->detail, sizeof j->detail, "%s on %s%s%s",
			       plan_kind_name(w->action.kind), w->action.competency,
			       w->action.source_ref ? " from " : "",
			       w->action.source_ref ? w->action.source_ref : "");
	}
	(void)snprintf(key, sizeof key, "%" PRId64, w->id);
	au = (struct http_audit){ op_action[w->op], "plan_action", arena_strdup(j->cx->arena, key),
				  w->person, "ok", j->detail };
	return http_audit_in(j->cx, st, &au, err);
}

int http_plan_write(struct http_ctx *cx, struct plan_write *w, struct plan_refusal *r)
{
	struct plan_job j = { .cx = cx, .w = w, .r = r };
	struct http_audit au = { op_action[w->op], "person", w->person, w->person, "denied", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int rc;

	memset(r, 0, sizeof *r);
	if (st == NULL) {
		r->status = 503;
		r->code = "unavailable";
		return -1;
	}
	w->action.person = w->person;
	w->accept.person = w->person;
	if (w->accept.today == 0)
		w->accept.today = date_today();
	/* The reach first, in a read of its own: out of reach is absent. */
	if (store_begin_read(st, &err) < 0) {
		r->status = 503;
		r->code = "unavailable";
		return -1;
	}
	rc = http_visible(cx, st, ENTITY_PERSON, w->person, "key", NULL);
	store_rollback(st);
	if (rc != 1) {
		r->status = rc == 0 ? 404 : 503;
		r->code = rc == 0 ? "not_found" : "unavailable";
		r->field = "key";
		(void)snprintf(r->message, sizeof r->message, "there is no person '%.100s'", w->person);
		if (rc == 0)
			(void)http_audit_write(cx, st, &au);
		return -1;
	}
	if (!http_plan_may(cx->req->caller, w->op, w->person)) {
		r->status = 403;
		r->code = "forbidden";
		(void)snprintf(r->message, sizeof r->message, "%s",
			       w->op == PLAN_OP_STATUS
			       ? "an employee changes the status of their own plan's actions only"
			       : "an employee's plan is added to by their manager, coach or hr;"
				 " you may change the status of its actions");
		au.detail = "forbidden";
		(void)http_audit_write(cx, st, &au);
		return -1;
	}
	if (store_transact(st, job_work, &j, &err) == 0)
		return 0;
	if (!j.refused) {
		r->status = err.retry || err.code == EX_TEMPFAIL ? 503 : 500;
		r->code = "store_failed";
		(void)snprintf(r->message, sizeof r->message, "%s", err.msg);
		return -1;
	}
	au.outcome = "failed";
	au.detail = r->message;
	if (w->op == PLAN_OP_STATUS) {
		char id[32];

		(void)snprintf(id, sizeof id, "%" PRId64, w->id);
		au.kind = "plan_action";
		au.key = arena_strdup(cx->arena, id);
	}
	(void)http_audit_write(cx, st, &au);
	return -1;
}

/* ---- the API --------------------------------------------------------------- */

static int answer_refusal(struct http_ctx *cx, const struct plan_refusal *r)
{
	if (r->status == 503 && r->message[0] == '\0')
		return http_unavailable(cx);
	response_free(cx->resp);
	response_init(cx->resp);
	response_error(cx->resp, r->status, r->code, r->field, "%s", r->message);
	return 0;
}

struct one_answer {
	struct plan_action a;
	int32_t today;
};

static void fill_action(struct jw *w, const void *arg)
{
	const struct one_answer *x = arg;

	plan_action_json(w, &x->a, x->today);
}

/* Answers status with action id as it is now, as the caller may see it. */
static int answer_action(struct http_ctx *cx, int status, int64_t id)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct one_answer x = { .today = date_today() };
	struct http_reader_ctx rctx;
	struct view_reader reader;
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return http_unavailable(cx);
	rc = store_plan_get(st, id, cx->arena, &x.a, &err);
	if (rc == 1 && plan_withhold_mentors(&x.a, 1, http_view_reader(cx, st, &rctx, &reader),
					     &err) < 0)
		rc = -1;
	store_rollback(st);
	if (rc != 1)
		return rc < 0 ? http_store_failed(cx, &err, NULL) : http_unavailable(cx);
	return http_json_answer(cx, status, fill_action, &x);
}

struct plan_answer {
	const char *person;
	struct plan_action *v;
	size_t n;
	int32_t today;
};

static void fill_plan(struct jw *w, const void *arg)
{
	const struct plan_answer *x = arg;

	plan_json(w, x->person, x->v, x->n, x->today);
}

int handle_plan_get(struct http_ctx *cx)
{
	const struct http_caller *c = cx->req->caller;
	const char *key = http_param(cx->req, "key");
	struct plan_answer x = { .person = key, .today = date_today() };
	struct http_reader_ctx rctx;
	struct view_reader reader;
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return http_unavailable(cx);
	rc = http_visible(cx, st, ENTITY_PERSON, key, "key", &au);
	if (rc == 1 && (store_plan_of_person(st, key, cx->arena, &x.v, &x.n, &err) < 0 ||
			plan_withhold_mentors(x.v, x.n, http_view_reader(cx, st, &rctx, &reader),
					      &err) < 0))
		rc = -2;
	store_rollback(st);
	if (rc == -2)
		return http_store_failed(cx, &err, NULL);
	if (rc != 1)
		return http_audit_write(cx, st, &au);
	http_json_answer(cx, 200, fill_plan, &x);
	if (c == NULL || strcmp(c->person, key) != 0)
		au = (struct http_audit){ "read", "plan", key, key, "ok", NULL };
	return http_audit_write(cx, st, &au);
}

static int invalid(struct http_ctx *cx, const char *field, const char *fmt, const char *arg,
		   const char *list)
{
	response_error(cx->resp, 422, "invalid_value", field, fmt, arg, list);
	return -1;
}

static int missing(struct http_ctx *cx, const char *field, const char *what)
{
	response_error(cx->resp, 400, "missing_field", field, "%s is required: %s", field, what);
	return -1;
}

static int parse_due(struct http_ctx *cx, const char *s, bool *has, int32_t *due)
{
	if (s == NULL)
		return 0;
	if (date_parse(s, due) < 0)
		return invalid(cx, "due", "due: '%.40s' is not a date%s", s, "; give YYYY-MM-DD");
	*has = true;
	return 0;
}

/* The write of a parsed body, answered: 201 (200 for a status) with the
 * action, or the refusal. */
static int finish(struct http_ctx *cx, struct plan_write *w)
{
	struct plan_refusal r;

	if (http_plan_write(cx, w, &r) < 0)
		return answer_refusal(cx, &r);
	return answer_action(cx, w->op == PLAN_OP_STATUS ? 200 : 201, w->id);
}

int handle_plan_add(struct http_ctx *cx)
{
	static const char *const names[] = { "kind", "competency", "mentor", "description", "due",
					     "status" };
	static const char what[] = "an action has kind, competency, mentor, description, due"
				   " and status";
	struct plan_write w = { .op = PLAN_OP_ADD, .person = http_param(cx->req, "key") };
	json_t *root = http_body_object(cx, names, 6, what);
	const char *kind, *status, *due;
	bool bad = false;
	int rc = -1;

	if (root == NULL)
		return 0;
	kind = http_text_field(cx, root, "kind", &bad);
	w.action.competency = http_text_field(cx, root, "competency", &bad);
	w.action.mentor = http_text_field(cx, root, "mentor", &bad);
	w.action.description = http_text_field(cx, root, "description", &bad);
	due = http_text_field(cx, root, "due", &bad);
	status = http_text_field(cx, root, "status", &bad);
	json_decref(root);
	if (bad)
		return 0;
	if (kind == NULL)
		rc = missing(cx, "kind", plan_kind_list());
	else if (w.action.competency == NULL)
		rc = missing(cx, "competency", "the key of a competency");
	else if (plan_kind_parse(kind, &w.action.kind) < 0)
		rc = invalid(cx, "kind", "kind: '%.60s' is not a kind of action; one of %s", kind,
			     plan_kind_list());
	else if (status != NULL && plan_status_parse(status, &w.action.status) < 0)
		rc = invalid(cx, "status", "status: '%.60s' is not a status; one of %s", status,
			     plan_status_list());
	else
		rc = parse_due(cx, due, &w.action.has_due, &w.action.due);
	if (w.action.description != NULL && w.action.description[0] == '\0')
		w.action.description = NULL;
	if (w.action.mentor != NULL && w.action.mentor[0] == '\0')
		w.action.mentor = NULL;
	return rc < 0 ? 0 : finish(cx, &w);
}

int handle_plan_accept(struct http_ctx *cx)
{
	static const char *const names[] = { "recommendation", "competency", "kind", "team", "due",
					     "description" };
	static const char what[] = "an acceptance has competency, kind, team, due and description,"
				   " or recommendation, due and description";
	struct plan_write w = { .op = PLAN_OP_ACCEPT, .person = http_param(cx->req, "key") };
	json_t *root = http_body_object(cx, names, 6, what);
	const char *ref, *due;
	bool bad = false;
	int rc = 0;

	if (root == NULL)
		return 0;
	ref = http_text_field(cx, root, "recommendation", &bad);
	w.accept.competency = http_text_field(cx, root, "competency", &bad);
	w.accept.rec_kind = http_text_field(cx, root, "kind", &bad);
	w.accept.team = http_text_field(cx, root, "team", &bad);
	due = http_text_field(cx, root, "due", &bad);
	w.accept.description = http_text_field(cx, root, "description", &bad);
	json_decref(root);
	if (bad)
		return 0;
	if (ref != NULL) {
		char *buf = arena_alloc(cx->arena, PLAN_REF_MAX);
		struct plan_accept in = { 0 };

		if (w.accept.competency || w.accept.rec_kind || w.accept.team)
			rc = invalid(cx, "recommendation", "recommendation: '%.200s' names the"
				     " competency, kind and team itself%s", ref, "");
		else if (buf == NULL || plan_accept_parse_ref(ref, buf, PLAN_REF_MAX, &in) < 0)
			rc = invalid(cx, "recommendation", "recommendation: '%.200s' is not a"
				     " recommendation's identity%s", ref, " KIND:TEAM:COMPETENCY:PERSON");
		else if (strcmp(in.person, w.person) != 0)
			rc = invalid(cx, "recommendation", "recommendation: '%.200s' is about"
				     " someone else%s", ref, "");
		w.accept.competency = in.competency;
		w.accept.rec_kind = in.rec_kind;
		w.accept.team = in.team;
	} else if (w.accept.competency == NULL) {
		rc = missing(cx, "competency", "the competency of the recommendation, or give"
			     " recommendation");
	}
	if (rc == 0)
		rc = parse_due(cx, due, &w.accept.has_due, &w.accept.due);
	return rc < 0 ? 0 : finish(cx, &w);
}

int handle_plan_status(struct http_ctx *cx)
{
	static const char *const names[] = { "status" };
	const char *id = http_param(cx->req, "id");
	struct plan_write w = { .op = PLAN_OP_STATUS, .person = http_param(cx->req, "key") };
	json_t *root;
	const char *status;
	bool bad = false;
	char *end;

	errno = 0;
	w.id = strtoll(id, &end, 10);
	if (errno != 0 || *end != '\0' || strspn(id, "0123456789") != strlen(id) || w.id <= 0) {
		response_error(cx->resp, 404, "not_found", "id", "there is no plan action '%.40s'", id);
		return 0;
	}
	root = http_body_object(cx, names, 1, "a change has status only");
	if (root == NULL)
		return 0;
	status = http_text_field(cx, root, "status", &bad);
	json_decref(root);
	if (bad)
		return 0;
	if (status == NULL)
		return missing(cx, "status", plan_status_list()), 0;
	if (plan_status_parse(status, &w.status) < 0)
		return invalid(cx, "status", "status: '%.60s' is not a status; one of %s", status,
			       plan_status_list()), 0;
	return finish(cx, &w);
}
