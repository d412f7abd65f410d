/* OKRs over HTTP (http/okr_write.h; docs/api.md, "OKRs"; docs/security.md,
 * "OKRs"). Reading a board is reading the team (or, for the
 * organisation's, being signed in), with one widening: anyone linked to
 * a person sees the boards of their own team and the teams above it. A
 * write is the right on the objective on top (http_okr_writable): 403 for
 * an objective the caller may read but not change. Each write and its
 * audit entry are one transaction (http_audit_in); a refusal is logged
 * after it. */
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/okr_write.h"
#include "http/request.h"
#include "util/date.h"
#include "views/okr.h"
#include "views/okr_review.h"

/* Longest chain of parent teams followed (the import refuses cycles). */
enum { OKR_CHAIN_MAX = 1000 };

static bool sees_all(const struct http_ctx *cx)
{
	const struct http_caller *c = cx->req->caller;

	return c == NULL || cx->cfg->reach == NULL || c->role == ROLE_ADMIN || c->role == ROLE_HR;
}

int http_okr_readable(const struct http_ctx *cx, struct store *st, const char *team,
		      struct err *err)
{
	const struct http_caller *c = cx->req->caller;
	struct person p;
	int rc;

	if (team == NULL || sees_all(cx))
		return 1;
	rc = cx->cfg->reach(cx->cfg, st, c, ENTITY_TEAM, team);
	if (rc != 0)
		return rc < 0 ? err_set(err, EX_TEMPFAIL, "cannot check access now") : 1;
	if (c->person[0] == '\0')
		return 0;
	rc = store_get_person(st, c->person, &p, cx->arena, err);
	if (rc <= 0)
		return rc;
	/* Their own team, and each team above it. */
	for (const char *t = p.team; t != NULL && rc < OKR_CHAIN_MAX; rc++) {
		struct team row;
		int found;

		if (strcmp(t, team) == 0)
			return 1;
		found = store_get_team(st, t, &row, cx->arena, err);
		if (found <= 0)
			return found;
		t = row.parent;
	}
	return 0;
}

int http_okr_writable(const struct http_ctx *cx, struct store *st, const struct objective *o,
		      struct err *err)
{
	const struct http_caller *c = cx->req->caller;
	int rc;

	if (sees_all(cx))
		return 1;
	if (o->owner != NULL && c->person[0] != '\0' && strcmp(o->owner, c->person) == 0)
		return 1;
	if (o->team == NULL || (c->role != ROLE_MANAGER && c->role != ROLE_COACH))
		return 0;
	rc = cx->cfg->reach(cx->cfg, st, c, ENTITY_TEAM, o->team);
	return rc < 0 ? err_set(err, EX_TEMPFAIL, "cannot check access now") : rc;
}

/* ---- checking what was given ---------------------------------------------- */

static int refuse_field(struct okr_refusal *r, int status, const char *code, const char *field,
			const char *fmt, const char *arg)
{
	r->status = status;
	r->code = code;
	r->field = field;
	(void)snprintf(r->message, sizeof r->message, fmt, arg);
	return -1;
}

/* The ranges of a check-in's values, whichever way they came. */
static int checkin_check(const struct checkin *c, struct okr_refusal *r)
{
	char text[64];

	if (c->date > date_today()) {
		date_format(c->date, text);
		return refuse_field(r, 422, "invalid_value", "date", "date: %s is after today; a"
				    " check-in records a value measured", text);
	}
	if (!isfinite(c->value))
		return refuse_field(r, 422, "invalid_value", "value", "value: %s is not a finite"
				    " number", "the value given");
	if (c->has_confidence && !(c->confidence >= 0 && c->confidence <= 1)) {
		(void)snprintf(text, sizeof text, "%g", c->confidence);
		return refuse_field(r, 422, "invalid_value", "confidence", "confidence: %s is not"
				    " between 0 and 1 (the owner's belief that the target will be"
				    " met)", text);
	}
	if (c->note != NULL && strlen(c->note) > OKR_NOTE_MAX)
		return refuse_field(r, 422, "invalid_value", "note", "note: longer than %s bytes",
				    "2000");
	return 0;
}

/* A number typed as text: 0, or -1 when it is not one. */
static int number_parse(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return errno != 0 || end == s || *end != '\0' || !isfinite(*out) ? -1 : 0;
}

int http_okr_checkin_parse(const char *date, const char *value, const char *confidence,
			   const char *note, struct checkin *c, struct okr_refusal *r)
{
	memset(r, 0, sizeof *r);
	*c = (struct checkin){ .date = date_today(), .note = note };
	if (date != NULL && date_parse(date, &c->date) < 0)
		return refuse_field(r, 422, "invalid_value", "date", "date: '%.40s' is not a date;"
				    " give YYYY-MM-DD", date);
	if (value == NULL)
		return refuse_field(r, 400, "missing_field", "value", "value is required: %s",
				    "the key result's value on the day");
	if (number_parse(value, &c->value) < 0)
		return refuse_field(r, 422, "invalid_value", "value", "value: '%.40s' is not a"
				    " number", value);
	if (confidence != NULL) {
		c->has_confidence = true;
		if (number_parse(confidence, &c->confidence) < 0)
			return refuse_field(r, 422, "invalid_value", "confidence", "confidence:"
					    " '%.40s' is not a number between 0 and 1", confidence);
	}
	if (c->note != NULL && c->note[0] == '\0')
		c->note = NULL;
	return checkin_check(c, r);
}

/* ---- the write ------------------------------------------------------------ */

struct okr_job {
	struct http_ctx *cx;
	struct okr_write *w;
	struct okr_refusal *r;
	bool refused;                /* r set, the transaction to be rolled back */
	char detail[200];
};

static const char *op_action(enum okr_op op)
{
	return op == OKR_OP_CHECKIN ? "okr.checkin" : "okr.review";
}

static const char *op_kind(enum okr_op op)
{
	return op == OKR_OP_CHECKIN ? "key_result" : "objective";
}

static int job_work(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct okr_job *j = ctx;
	struct okr_write *w = j->w;
	struct http_audit au;
	int rc;

	(void)attempt;
	j->refused = false;
	if (w->op == OKR_OP_CHECKIN) {
		char day[DATE_ISO_LEN + 1];

		rc = store_okr_put_checkins(st, &w->checkin, 1, err);
		date_format(w->checkin.date, day);
		(void)snprintf(j->detail, sizeof j->detail, "%s: %.17g", day, w->checkin.value);
	} else {
		rc = store_okr_set_review(st, w->key, w->review, err);
		(void)snprintf(j->detail, sizeof j->detail, "%s", w->review != NULL &&
			       w->review[0] != '\0' ? "review written" : "review removed");
	}
	if (rc < 0) {
		if (err->code != EX_DATAERR)
			return -1;
		j->refused = true;
		return refuse_field(j->r, 422, "invalid_value", NULL, "%s", err->msg);
	}
	au = (struct http_audit){ op_action(w->op), op_kind(w->op), w->key, NULL, "ok", j->detail };
	return http_audit_in(j->cx, st, &au, err);
}

/* The objective w is about (and for a check-in its key result), and
 * whether the caller may read and change it: 0 yes, -1 with *r set. */
static int may_write(struct http_ctx *cx, struct store *st, struct okr_write *w,
		     struct okr_refusal *r, struct err *err)
{
	struct objective o = { 0 };
	struct key_result kr = { 0 };
	int rc;

	if (w->op == OKR_OP_CHECKIN) {
		rc = store_okr_key_result(st, w->key, cx->arena, &kr, &o, err);
	} else {
		struct okr_query q = { .scope = OKR_ONE, .key = w->key };
		struct okr_board b;

		rc = store_okr_board(st, &q, cx->arena, &b, err);
		if (rc == 0 && b.nobjectives == 1)
			o = b.objectives[0];
		rc = rc < 0 ? -1 : b.nobjectives == 1;
	}
	if (rc == 1)
		rc = http_okr_readable(cx, st, o.team, err);
	if (rc < 0)
		return refuse_field(r, err->code == EX_TEMPFAIL ? 503 : 500, "store_failed", NULL,
				    "%s", err->msg);
	if (rc == 0)
		return refuse_field(r, 404, "not_found", "key", w->op == OKR_OP_CHECKIN
				    ? "there is no key result '%.100s'" : "there is no objective"
				    " '%.100s'", w->key);
	w->team = o.team;
	rc = http_okr_writable(cx, st, &o, err);
	if (rc < 0)
		return refuse_field(r, 503, "store_failed", NULL, "%s", err->msg);
	if (rc == 0)
		return refuse_field(r, 403, "forbidden", NULL, "%s", o.team != NULL
				    ? "this objective is changed by its owner, a lead or coach of"
				      " its team, hr or an admin"
				    : "the organisation's objectives are changed by their owner, hr"
				      " or an admin");
	if (w->op == OKR_OP_CHECKIN && kr.type == OKR_COMPETENCY)
		return refuse_field(r, 409, "computed", "key", "'%.100s' is a competency key"
				    " result: its value is computed from the evidence, not checked"
				    " in", w->key);
	return 0;
}

int http_okr_write(struct http_ctx *cx, struct okr_write *w, struct okr_refusal *r)
{
	struct okr_job j = { .cx = cx, .w = w, .r = r };
	struct http_audit au = { op_action(w->op), op_kind(w->op), w->key, NULL, "denied", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int rc;

	memset(r, 0, sizeof *r);
	w->checkin.key_result = w->key;
	if (st == NULL || store_begin_read(st, &err) < 0) {
		r->status = 503;
		r->code = "unavailable";
		return -1;
	}
	rc = may_write(cx, st, w, r, &err);
	store_rollback(st);
	if (rc < 0) {
		au.outcome = r->status == 403 || r->status == 404 ? "denied" : "failed";
		au.detail = r->message;
		if (r->status < 500)
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
	(void)http_audit_write(cx, st, &au);
	return -1;
}

/* ---- the API: reading ------------------------------------------------------ */

/* What a GET of OKRs answers: the board of team (NULL: the organisation)
 * as of a day, or its quarterly review. */
struct okr_read {
	const char *team;
	bool review;
	int32_t as_of;               /* the board */
	char quarter[8];             /* the review: "YYYY-Qn" */
};

static int write_read(struct store *st, const struct okr_read *q, struct jw *w, struct err *err)
{
	if (q->review)
		return view_okr_review(st, q->team, q->quarter, w, err);
	return view_okr(st, q->team, q->as_of, w, err);
}

/* The document of q, the bytes of `compgap okr --json` (or `--review
 * QUARTER --json`). A team's read is logged as a read of the team, the
 * organisation's as a read of the organisation (detail "okr" or
 * "okr.review"). */
static int serve_read(struct http_ctx *cx, const struct okr_read *q)
{
	const char *detail = q->review ? "okr.review" : "okr";
	const char *kind = q->team != NULL ? "team" : "organisation";
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st;
	struct team row;
	struct jw *w = NULL;
	FILE *f = NULL;
	int rc = 1;

	st = http_store(cx, &err);
	if (st == NULL)
		return http_unavailable(cx);
	if (store_begin_read(st, &err) < 0)
		return http_store_failed(cx, &err, NULL);
	if (q->team != NULL)
		rc = store_get_team(st, q->team, &row, cx->arena, &err);
	if (rc == 1)
		rc = http_okr_readable(cx, st, q->team, &err);
	if (rc < 0) {
		http_store_failed(cx, &err, NULL);
		goto out;
	}
	if (rc == 0) {
		response_error(cx->resp, 404, "not_found", "key", "there is no team '%.100s'",
			       q->team);
		au = (struct http_audit){ "read", kind, q->team, NULL, "denied", detail };
		goto out;
	}
	f = response_tmpfile();
	w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	if (f == NULL || w == NULL) {
		if (f != NULL)
			(void)fclose(f);
		response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file");
		goto out;
	}
	jw_init(w, f, 0);
	rc = write_read(st, q, w, &err);
	if (rc == 0 && jw_finish(w) < 0)
		rc = err_set(&err, EX_IOERR, "cannot write the document");
	buf_free(&w->out);
	if (rc < 0) {
		(void)fclose(f);
		http_store_failed(cx, &err, NULL);
		goto out;
	}
	if (response_from_file(cx->resp, f, 200, HTTP_JSON) < 0)
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	cx->resp->api = true;
	if (cx->resp->status == 200)
		au = (struct http_audit){ "read", kind, q->team, NULL, "ok", detail };
out:
	free(w);
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}

/* The board as of ?as_of= (default today). */
static int serve_board(struct http_ctx *cx, const char *team)
{
	static const char *const as_of_only[] = { "as_of" };
	const char *as_of_text = http_query(cx->req, "as_of");
	struct okr_read q = { .team = team, .as_of = date_today() };

	if (http_only_query(cx, as_of_only, 1) < 0)
		return 0;
	if (as_of_text != NULL && date_parse(as_of_text, &q.as_of) < 0)
		return response_error(cx->resp, 400, "bad_date", "as_of", "as_of takes a date"
				      " YYYY-MM-DD that exists, not '%.40s'", as_of_text);
	return serve_read(cx, &q);
}

/* The review of ?quarter= (default the last quarter finished, as the
 * review page). */
static int serve_review(struct http_ctx *cx, const char *team)
{
	static const char *const quarter_only[] = { "quarter" };
	const char *quarter = http_query(cx->req, "quarter");
	struct okr_read q = { .team = team, .review = true };
	int32_t first, last;

	if (http_only_query(cx, quarter_only, 1) < 0)
		return 0;
	if (quarter == NULL)
		okr_quarter_last_finished(date_today(), q.quarter);
	else if (okr_quarter_parse(quarter, &first, &last) < 0)
		return response_error(cx->resp, 400, "bad_quarter", "quarter", "quarter takes a"
				      " quarter YYYY-Qn, such as 2026-Q3, not '%.40s'", quarter);
	else
		(void)snprintf(q.quarter, sizeof q.quarter, "%s", quarter);
	return serve_read(cx, &q);
}

int handle_okr_team(struct http_ctx *cx)
{
	return serve_board(cx, http_param(cx->req, "key"));
}

int handle_okr_org(struct http_ctx *cx)
{
	return serve_board(cx, NULL);
}

int handle_okr_team_review(struct http_ctx *cx)
{
	return serve_review(cx, http_param(cx->req, "key"));
}

int handle_okr_org_review(struct http_ctx *cx)
{
	return serve_review(cx, NULL);
}

/* ---- the API: writing ------------------------------------------------------ */

static int answer_refusal(struct http_ctx *cx, const struct okr_refusal *r)
{
	if (r->status == 503 && r->message[0] == '\0')
		return http_unavailable(cx);
	response_free(cx->resp);
	response_init(cx->resp);
	response_error(cx->resp, r->status, r->code, r->field, "%s", r->message);
	return 0;
}

/* A number field: 1 given (into *out), 0 absent or null; *bad set with
 * the 400 answered when of another type. */
static int number_field(struct http_ctx *cx, json_t *root, const char *name, double *out,
			bool *bad)
{
	json_t *v = json_object_get(root, name);

	if (v == NULL || json_is_null(v) || *bad)
		return 0;
	if (!json_is_number(v)) {
		response_error(cx->resp, 400, "wrong_type", name, "%s must be a number", name);
		*bad = true;
		return 0;
	}
	*out = json_number_value(v);
	return 1;
}

struct checkin_answer {
	const struct checkin *c;
};

static void fill_checkin(struct jw *w, const void *arg)
{
	const struct checkin *c = ((const struct checkin_answer *)arg)->c;

	jw_object_begin(w);
	jw_field_string(w, "key_result", c->key_result);
	jw_field_date(w, "date", c->date);
	jw_field_real(w, "value", c->value);
	jw_field_real_or_null(w, "confidence", c->has_confidence, c->confidence);
	jw_field_string(w, "note", c->note);
	jw_object_end(w);
}

int handle_okr_checkin(struct http_ctx *cx)
{
	static const char *const names[] = { "date", "value", "confidence", "note" };
	static const char what[] = "a check-in has date, value, confidence and note";
	struct okr_write w = { .op = OKR_OP_CHECKIN, .key = http_param(cx->req, "key") };
	struct checkin_answer x = { &w.checkin };
	struct okr_refusal r = { 0 };
	json_t *root = http_body_object(cx, names, 4, what);
	const char *date;
	bool bad = false;
	int has_value;

	if (root == NULL)
		return 0;
	date = http_text_field(cx, root, "date", &bad);
	has_value = number_field(cx, root, "value", &w.checkin.value, &bad);
	w.checkin.has_confidence = number_field(cx, root, "confidence", &w.checkin.confidence,
						&bad) == 1;
	w.checkin.note = http_text_field(cx, root, "note", &bad);
	json_decref(root);
	if (bad)
		return 0;
	w.checkin.date = date_today();
	if (w.checkin.note != NULL && w.checkin.note[0] == '\0')
		w.checkin.note = NULL;
	if (date != NULL && date_parse(date, &w.checkin.date) < 0)
		refuse_field(&r, 422, "invalid_value", "date", "date: '%.40s' is not a date; give"
			     " YYYY-MM-DD", date);
	else if (!has_value)
		refuse_field(&r, 400, "missing_field", "value", "value is required: %s",
			     "the key result's value on the day, a number");
	else
		(void)checkin_check(&w.checkin, &r);
	if (r.status != 0 || http_okr_write(cx, &w, &r) < 0)
		return answer_refusal(cx, &r);
	return http_json_answer(cx, 201, fill_checkin, &x);
}

struct review_answer {
	const char *objective, *review;
};

static void fill_review(struct jw *w, const void *arg)
{
	const struct review_answer *x = arg;

	jw_object_begin(w);
	jw_field_string(w, "objective", x->objective);
	jw_field_string(w, "review", x->review);
	jw_object_end(w);
}

int handle_okr_review(struct http_ctx *cx)
{
	static const char *const names[] = { "review" };
	struct okr_write w = { .op = OKR_OP_REVIEW, .key = http_param(cx->req, "key") };
	struct okr_refusal r = { 0 };
	struct review_answer x;
	json_t *root = http_body_object(cx, names, 1, "a review has review, a text (null removes it)");
	bool bad = false;

	if (root == NULL)
		return 0;
	if (json_object_get(root, "review") == NULL) {
		json_decref(root);
		return response_error(cx->resp, 400, "missing_field", "review", "review is required:"
				      " the text of what was learned, or null to remove it");
	}
	w.review = http_text_field(cx, root, "review", &bad);
	json_decref(root);
	if (bad)
		return 0;
	if (w.review != NULL && strlen(w.review) > OKR_NOTE_MAX)
		return response_error(cx->resp, 422, "invalid_value", "review", "review: longer"
				      " than %d bytes", OKR_NOTE_MAX);
	if (w.review != NULL && w.review[0] == '\0')
		w.review = NULL;
	if (http_okr_write(cx, &w, &r) < 0)
		return answer_refusal(cx, &r);
	x = (struct review_answer){ w.key, w.review };
	return http_json_answer(cx, 200, fill_review, &x);
}
