/* Creating, changing and deleting teams, people, competencies and roles
 * over the API: admin and hr only (docs/security.md). Another role gets
 * 403 for an object it can see, 404 for one out of its reach (or absent),
 * and the refusal is logged. The body is parsed by entity_patch_parse and
 * written by entity_create_in, entity_update_in or entity_delete_in, the
 * same code as the command line's, in one transaction with the audit
 * entry: both are stored or neither. A refused write is logged after, as
 * "failed". */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/entities_int.h"
#include "http/entity_write.h"

/* Bytes a request body's patch may take once parsed. */
enum { PATCH_ARENA_MAX = 1 << 26 };

static const char *const op_word[] = { "create", "update", "delete" };

static const char *const action[ENTITY_KEYED][3] = {
	{ "team.create", "team.update", "team.delete" },
	{ "person.create", "person.update", "person.delete" },
	{ "competency.create", "competency.update", "competency.delete" },
	{ "role.create", "role.update", "role.delete" },
};

bool http_entity_writer(const struct http_caller *caller)
{
	return http_role_in(caller, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR));
}

const char *http_entity_action(enum entity kind, enum http_write_op op)
{
	return kind < ENTITY_KEYED ? action[kind][op] : "write";
}

/* One write as a transaction's work. */
struct write_job {
	const struct http_ctx *cx;
	enum entity kind;
	enum http_write_op op;
	const char *key;
	const struct entity_patch *patch;
	struct http_audit au;
	struct field_error *fe;
};

static int write_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct write_job *j = ctx;
	int rc;

	(void)attempt;
	memset(j->fe, 0, sizeof *j->fe);
	switch (j->op) {
	case HTTP_WRITE_CREATE:
		rc = entity_create_in(st, j->patch, j->fe);
		break;
	case HTTP_WRITE_UPDATE:
		rc = entity_update_in(st, j->key, j->patch, j->fe);
		break;
	default:
		rc = entity_delete_in(st, j->kind, j->key, j->fe);
		break;
	}
	if (rc < 0) {
		/* store_transact retries when the database asks for it; the
		 * reason travels in err. */
		if (j->fe->code == EE_STORE) {
			*err = j->fe->err;
			return -1;
		}
		return err_set(err, EX_DATAERR, "%s", j->fe->message);
	}
	return http_audit_in(j->cx, st, &j->au, err);
}

int http_entity_apply(struct http_ctx *cx, struct store *st, enum entity kind,
		      enum http_write_op op, const char *key, const struct entity_patch *p,
		      struct field_error *fe, struct err *err)
{
	struct write_job j = { .cx = cx, .kind = kind, .op = op, .patch = p, .fe = fe };

	j.key = op == HTTP_WRITE_CREATE ? p->field[0] : key;
	j.au = (struct http_audit){ action[kind][op], http_entity_word[kind], j.key,
				    kind == ENTITY_PERSON ? j.key : NULL, "ok", NULL };
	memset(fe, 0, sizeof *fe);
	if (store_transact(st, write_attempt, &j, err) == 0)
		return 0;
	j.au.outcome = "failed";
	j.au.detail = fe->code == EE_NONE ? err->msg : fe->message;
	(void)http_audit_write(cx, st, &j.au);
	return -1;
}

/* Whether the caller may write; when not, the answer (403 for an object
 * it sees, 404 for one out of reach or absent) is set and au notes the
 * refusal. 1 may, 0 may not, -1 the store failed (answer set). */
static int may_write(struct http_ctx *cx, struct store *st, enum entity kind,
		     enum http_write_op op, const char *key, struct http_audit *au)
{
	char what[64];
	struct http_audit seen = { 0 };
	struct err err = { 0 };
	int rc = 1;

	if (http_entity_writer(cx->req->caller))
		return 1;
	au->outcome = "denied";
	if (op != HTTP_WRITE_CREATE) {
		if (store_begin_read(st, &err) < 0)
			return http_store_failed(cx, &err, NULL), -1;
		rc = http_visible(cx, st, kind, key, "key", &seen);
		store_rollback(st);
		if (rc != 1)
			return rc < 0 ? -1 : 0;
	}
	(void)snprintf(what, sizeof what, "%s %s", op_word[op],
		       kind == ENTITY_PERSON ? "people"
		       : kind == ENTITY_COMPETENCY ? "competencies"
		       : kind == ENTITY_TEAM ? "teams" : "roles");
	http_forbidden(cx, what);
	return 0;
}

static int write_entity(struct http_ctx *cx, enum entity kind, enum http_write_op op)
{
	const struct http_request *req = cx->req;
	struct entity_patch patch = { 0 };
	struct field_error fe = { 0 };
	struct http_audit au;
	struct err err = { 0 };
	const char *key;
	struct arena a;
	struct store *st;
	int rc;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	key = op == HTTP_WRITE_CREATE ? NULL : http_param(req, "key");
	au = (struct http_audit){ action[kind][op], http_entity_word[kind], key,
				  kind == ENTITY_PERSON ? key : NULL, "ok", NULL };
	st = http_store(cx, &err);
	if (st == NULL)
		return http_unavailable(cx);
	rc = may_write(cx, st, kind, op, key, &au);
	if (rc < 0)
		return 0;
	if (rc == 0)
		return http_audit_write(cx, st, &au);
	/* The patch's strings: a body of json_body_max bytes, more than the
	 * request's own arena holds. */
	arena_init(&a, PATCH_ARENA_MAX);
	if (op != HTTP_WRITE_DELETE &&
	    entity_patch_parse(kind, op == HTTP_WRITE_CREATE ? PATCH_CREATE : PATCH_UPDATE,
			       req->body != NULL ? req->body : "", req->body_len, &a, &patch,
			       &fe) < 0) {
		http_entity_failed(cx, &fe);
		au.outcome = "failed";
		au.detail = fe.message;
		rc = http_audit_write(cx, st, &au);
		arena_free(&a);
		return rc;
	}
	if (op == HTTP_WRITE_CREATE)
		key = patch.field[0];
	if (http_entity_apply(cx, st, kind, op, key, &patch, &fe, &err) < 0) {
		if (fe.code == EE_NONE)    /* begin, commit or the audit entry failed */
			http_store_failed(cx, &err, NULL);
		else
			http_entity_failed(cx, &fe);
		arena_free(&a);
		return 0;
	}
	if (op == HTTP_WRITE_DELETE) {
		response_text(cx->resp, 204, NULL, "");    /* no content: no type */
		cx->resp->api = true;
	} else {
		(void)http_entity_written(cx, st, kind, key, op == HTTP_WRITE_CREATE ? 201 : 200);
	}
	arena_free(&a);
	return 0;
}

int handle_team_create(struct http_ctx *cx) { return write_entity(cx, ENTITY_TEAM, HTTP_WRITE_CREATE); }
int handle_team_update(struct http_ctx *cx) { return write_entity(cx, ENTITY_TEAM, HTTP_WRITE_UPDATE); }
int handle_team_delete(struct http_ctx *cx) { return write_entity(cx, ENTITY_TEAM, HTTP_WRITE_DELETE); }
int handle_person_create(struct http_ctx *cx) { return write_entity(cx, ENTITY_PERSON, HTTP_WRITE_CREATE); }
int handle_person_update(struct http_ctx *cx) { return write_entity(cx, ENTITY_PERSON, HTTP_WRITE_UPDATE); }
int handle_person_delete(struct http_ctx *cx) { return write_entity(cx, ENTITY_PERSON, HTTP_WRITE_DELETE); }
int handle_competency_create(struct http_ctx *cx)
{
	return write_entity(cx, ENTITY_COMPETENCY, HTTP_WRITE_CREATE);
}
int handle_competency_update(struct http_ctx *cx)
{
	return write_entity(cx, ENTITY_COMPETENCY, HTTP_WRITE_UPDATE);
}
int handle_competency_delete(struct http_ctx *cx)
{
	return write_entity(cx, ENTITY_COMPETENCY, HTTP_WRITE_DELETE);
}
int handle_role_create(struct http_ctx *cx) { return write_entity(cx, ENTITY_ROLE, HTTP_WRITE_CREATE); }
int handle_role_update(struct http_ctx *cx) { return write_entity(cx, ENTITY_ROLE, HTTP_WRITE_UPDATE); }
int handle_role_delete(struct http_ctx *cx) { return write_entity(cx, ENTITY_ROLE, HTTP_WRITE_DELETE); }
