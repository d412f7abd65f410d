/* The coaching endpoints (docs/api.md, "Coaching sessions"): recording a
 * session, one session, and a person's sessions with their development
 * items. Who records and who sees what is docs/security.md, "Coaching
 * notes": a coach for the agents of their teams, a manager for their
 * reporting line, hr and admin for everyone; an employee sees their own
 * sessions and, of a group session, only what is about them. */
#include "http/coaching.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "util/date.h"

static const char refused_msg[] = "the request was refused";

bool http_coaching_may_record(const struct http_caller *c)
{
	return c != NULL && c->role != ROLE_EMPLOYEE;
}

struct record_job {
	struct http_ctx *cx;
	struct coach_session *s;
	char key[KEY_MAX + 1];
	char field[COACH_FIELD_MAX];
	bool token_coach;            /* a caller without a person named the coach */
	bool refused;                /* answered (403, 404, 503) */
	bool invalid;                /* the session's checks refused it */
	struct http_audit au;        /* the refusal's entry */
	char detail[96];
};

static int record_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct record_job *j = ctx;
	struct http_audit au;

	(void)attempt;
	j->refused = j->invalid = false;
	if (j->token_coach) {
		/* As the evaluator a token names (http_token_may_name). */
		int rc = http_token_may_name(j->cx, st, j->s->coach);

		if (rc < 0)
			return err_set(err, EX_TEMPFAIL, "cannot check access now");
		if (rc == 0) {
			j->refused = true;
			response_error(j->cx->resp, 403, "forbidden", "coach", "the coach must be"
				       " someone within your reach");
			j->au = (struct http_audit){ "coaching.add", "coaching", NULL, j->s->coach,
						     "denied", "coach" };
			return err_set(err, EX_NOPERM, "%s", refused_msg);
		}
	}
	for (size_t i = 0; i < j->s->nagents; i++) {
		char field[COACH_FIELD_MAX];
		int rc;

		(void)snprintf(field, sizeof field, "agents[%zu]", i);
		rc = http_visible(j->cx, st, ENTITY_PERSON, j->s->agents[i], field, NULL);
		if (rc != 1) {
			j->refused = true;
			j->au = (struct http_audit){ "coaching.add", "coaching", NULL, j->s->agents[i],
						     rc < 0 ? "failed" : "denied", field };
			return err_set(err, EX_NOPERM, "%s", refused_msg);
		}
	}
	if (store_put_coaching(st, j->s, j->key, j->field, err) < 0) {
		j->invalid = err->code == EX_DATAERR;
		return -1;
	}
	(void)snprintf(j->detail, sizeof j->detail, "%zu agent%s, %zu item%s, %zu follow-up%s",
		       j->s->nagents, j->s->nagents == 1 ? "" : "s", j->s->nitems,
		       j->s->nitems == 1 ? "" : "s", j->s->nfollowups,
		       j->s->nfollowups == 1 ? "" : "s");
	au = (struct http_audit){ "coaching.add", "coaching", j->key, j->s->agents[0], "ok",
				  j->detail };
	return http_audit_in(j->cx, st, &au, err);
}

int http_coaching_record(struct http_ctx *cx, struct coach_session *s, char *key_out,
			 struct field_error *fe)
{
	const struct http_caller *c = cx->req->caller;
	struct record_job j = { .cx = cx, .s = s };
	struct http_audit au = { "coaching.add", "coaching", NULL, NULL, "denied", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	bool staff = http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR));
	char field[COACH_FIELD_MAX];

	memset(fe, 0, sizeof *fe);
	if (st == NULL)
		return http_unavailable(cx), -1;
	if (!http_coaching_may_record(c)) {
		http_forbidden(cx, "record coaching sessions");
		return http_audit_write(cx, st, &au), -1;
	}
	if (c->person[0] != '\0' && !staff) {
		if (s->coach != NULL && strcmp(s->coach, c->person) != 0) {
			response_error(cx->resp, 403, "forbidden", "coach",
				       "a session you record has you as its coach; leave coach out");
			return http_audit_write(cx, st, &au), -1;
		}
		s->coach = c->person;
	} else if (s->coach == NULL) {
		if (c->person[0] == '\0') {
			entity_error_set(fe, EE_MISSING_FIELD, "coach", "coach is required: the key of"
					 " the person who coached");
			goto invalid;
		}
		s->coach = c->person;
	}
	j.token_coach = c->person[0] == '\0' && !staff;
	if (coach_check(s, field, &err) < 0) {
		entity_error_set(fe, EE_INVALID, field, "%s", err.msg);
		goto invalid;
	}
	if (store_transact(st, record_attempt, &j, &err) == 0) {
		(void)snprintf(key_out, KEY_MAX + 1, "%s", j.key);
		return 0;
	}
	if (j.refused) {
		if (cx->resp->status < 400)
			http_store_failed(cx, &err, NULL);
		return http_audit_write(cx, st, &j.au), -1;
	}
	if (!j.invalid) {
		http_store_failed(cx, &err, NULL);
		return -1;
	}
	entity_error_set(fe, EE_INVALID, j.field, "%s", err.msg);
invalid:
	au = (struct http_audit){ "coaching.add", "coaching", NULL,
				  s->nagents > 0 ? s->agents[0] : NULL, "failed", fe->message };
	if (http_audit_write(cx, st, &au) < 0 || cx->resp->status >= 400)
		return -1;
	return 1;
}

static bool sees(void *ctx, const char *agent)
{
	struct coaching_view *v = ctx;
	int rc;

	if (v->all)
		return true;
	rc = v->cx->cfg->reach(v->cx->cfg, v->st, v->cx->req->caller, ENTITY_PERSON, agent);
	if (rc < 0)
		v->failed = true;
	return rc == 1;
}

long http_coaching_view(const struct http_ctx *cx, struct store *st,
			const struct coach_session *s, struct coaching_view *v,
			struct coach_filter *f)
{
	const struct http_caller *c = cx->req->caller;
	long n = 0;

	*v = (struct coaching_view){ cx, st, false, false };
	v->all = cx->cfg->reach == NULL || http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)) ||
		 (c->role != ROLE_EMPLOYEE && c->person[0] != '\0' && s->coach != NULL &&
		  strcmp(s->coach, c->person) == 0);
	*f = (struct coach_filter){ sees, v };
	if (v->all)
		return (long)s->nagents;
	for (size_t i = 0; i < s->nagents; i++)
		n += sees(v, s->agents[i]);
	return v->failed ? -1 : n;
}

/* ---- the handlers --------------------------------------------------------- */

/* Answers 200 with the document fill writes, through a temporary file: a
 * person's years of sessions outgrow a small answer. */
static void answer_doc(const struct http_ctx *cx, void (*fill)(struct jw *w, const void *arg),
		       const void *arg)
{
	struct jw *w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	FILE *f = response_tmpfile();

	if (w == NULL || f == NULL) {
		response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file");
		goto out;
	}
	jw_init(w, f, 0);
	fill(w, arg);
	if (jw_finish(w) < 0) {
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
		buf_free(&w->out);
		goto out;
	}
	buf_free(&w->out);
	if (response_from_file(cx->resp, f, 200, HTTP_JSON) < 0)
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	f = NULL;
	cx->resp->api = true;
out:
	if (f != NULL)
		(void)fclose(f);
	free(w);
}

static void fill_key(struct jw *w, const void *arg)
{
	jw_object_begin(w);
	jw_field_string(w, "key", (const char *)arg);
	jw_object_end(w);
}

int handle_coaching_create(struct http_ctx *cx)
{
	struct coach_session s;
	struct field_error fe = { 0 };
	struct http_audit au = { "coaching.add", "coaching", NULL, NULL, "failed", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	char key[KEY_MAX + 1];
	int rc;

	if (st == NULL)
		return http_unavailable(cx);
	if (!http_coaching_may_record(cx->req->caller)) {
		au.outcome = "denied";
		http_forbidden(cx, "record coaching sessions");
		return http_audit_write(cx, st, &au);
	}
	if (coaching_json_parse(cx->req->body != NULL ? cx->req->body : "", cx->req->body_len,
				cx->arena, &s, &fe) < 0) {
		http_entity_failed(cx, &fe);
		au.detail = fe.message;
		return http_audit_write(cx, st, &au);
	}
	rc = http_coaching_record(cx, &s, key, &fe);
	if (rc == 0)
		return http_json_answer(cx, 201, fill_key, key);
	if (rc == 1)
		return http_entity_failed(cx, &fe);
	return 0;
}

struct session_doc {
	const struct coach_session *s;
	const struct coach_filter *f;
};

static void fill_session(struct jw *w, const void *arg)
{
	const struct session_doc *d = arg;

	coaching_json_session(w, d->s, d->f, date_today());
}

int handle_coaching_get(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct http_audit au = { 0 };
	struct coach_session s;
	struct coaching_view v;
	struct coach_filter f;
	struct err err = { 0 };
	struct store *st;
	long seen;
	int rc;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	rc = store_get_coaching(st, key, cx->arena, &s, &err);
	if (rc < 0) {
		http_store_failed(cx, &err, NULL);
		goto out;
	}
	seen = rc == 1 ? http_coaching_view(cx, st, &s, &v, &f) : 0;
	if (seen < 0) {
		response_error(cx->resp, 503, "unavailable", NULL,
			       "cannot check access now; try again later");
		goto out;
	}
	if (seen == 0) {
		if (rc == 1)
			au = (struct http_audit){ "read", "coaching", key, NULL, "denied", NULL };
		response_error(cx->resp, 404, "not_found", "key", "there is no coaching session"
			       " '%.100s'", key);
		goto out;
	}
	{
		struct session_doc d = { &s, &f };

		answer_doc(cx, fill_session, &d);
	}
	if (v.failed) {
		response_error(cx->resp, 503, "unavailable", NULL,
			       "cannot check access now; try again later");
		goto out;
	}
	au = (struct http_audit){ "read", "coaching", key, s.agents[0], "ok", NULL };
out:
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}

struct person_doc {
	const char *person;
	struct coach_brief *b;
	size_t nb;
	struct coach_item *items;
	size_t ni;
};

static void fill_person(struct jw *w, const void *arg)
{
	const struct person_doc *d = arg;

	coaching_json_person(w, d->person, d->b, d->nb, d->items, d->ni, date_today());
}

int handle_person_coaching(struct http_ctx *cx)
{
	const struct http_caller *c = cx->req->caller;
	struct person_doc d = { .person = http_param(cx->req, "key") };
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	if (http_visible(cx, st, ENTITY_PERSON, d.person, "key", &au) != 1)
		goto out;
	if (store_person_coaching(st, d.person, cx->arena, &d.b, &d.nb, &d.items, &d.ni, &err) < 0) {
		http_store_failed(cx, &err, NULL);
		goto out;
	}
	answer_doc(cx, fill_person, &d);
	if (c->person[0] == '\0' || strcmp(c->person, d.person) != 0)
		au = (struct http_audit){ "read", "coaching", d.person, d.person, "ok", NULL };
out:
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}
