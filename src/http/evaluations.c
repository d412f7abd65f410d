/* Evaluations over HTTP (http/evaluations.h): POST /api/v1/evaluations,
 * GET /api/v1/evaluations/{key} (the evaluation with the other views of
 * its contact) and GET /api/v1/people/{key}/evaluations. Every write is
 * stored by store_put_evaluations, the import's own function, so that
 * its evidence rows are the import's, in the transaction of the audit
 * entry; a refused request is logged after it. */
#include "http/evaluations.h"

#include <jansson.h>
#include <math.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/validate.h"
#include "util/date.h"
#include "views/evaluations.h"

/* Why a transaction's work stopped without a database error. */
static const char refused_msg[] = "the request was refused";

enum {
	AREAS_MAX = 200              /* areas one evaluation scores at most */
};

static bool is_person(const struct http_caller *c, const char *key)
{
	return c != NULL && c->person[0] != '\0' && key != NULL && strcmp(c->person, key) == 0;
}

static bool sees_all(const struct http_ctx *cx)
{
	return cx->cfg->reach == NULL ||
	       http_role_in(cx->req->caller, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR));
}

/* Whether the caller reaches person key (which exists): 1, 0, -1. */
static int reaches(const struct http_ctx *cx, struct store *st, const char *key)
{
	if (sees_all(cx))
		return 1;
	return cx->cfg->reach(cx->cfg, st, cx->req->caller, ENTITY_PERSON, key);
}

int http_evaluation_visible(const struct http_ctx *cx, struct store *st,
			    const struct qa_stored_eval *e)
{
	const struct http_caller *c = cx->req->caller;

	if (sees_all(cx) || is_person(c, e->agent) || is_person(c, e->evaluator))
		return 1;
	return reaches(cx, st, e->agent);
}

int http_may_evaluate(const struct http_ctx *cx, struct store *st, const char *agent)
{
	const struct http_caller *c = cx->req->caller;
	struct err err = { 0 };
	int rc;

	if (sees_all(cx))
		return 1;
	if (c->role != ROLE_COACH && c->role != ROLE_MANAGER)
		return 0;
	if (is_person(c, agent))
		return 0;
	rc = store_lookup(st, ENTITY_PERSON, agent, NULL, &err);
	if (rc != 1)
		return rc;
	return reaches(cx, st, agent);
}

/* ---- the fields alone -------------------------------------------------- */

/* A required text field's value checked as a key: 0, or -1 with fe set. */
static int key_field(const char *v, const char *name, bool required, struct field_error *fe)
{
	char msg[ERR_MSG_MAX];

	if (v == NULL)
		return required ? entity_error_set(fe, EE_MISSING_FIELD, name, "give %s", name) : 0;
	if (validate_key(v, msg, sizeof msg) < 0)
		return entity_error_set(fe, EE_INVALID, name, "%s: %s", name, msg);
	return 0;
}

/* What the checks of the fields make of a request. */
struct checked {
	enum channel channel;
	enum eval_kind kind;
	int32_t date;
};

/* The checks that need no store: each field's form. */
static int check_fields(const struct eval_request *r, double future_days, struct checked *k,
			struct field_error *fe)
{
	char msg[ERR_MSG_MAX], field[64];

	if (key_field(r->key, "evaluation", false, fe) < 0 ||
	    key_field(r->contact, "contact", true, fe) < 0 ||
	    key_field(r->agent, "agent", true, fe) < 0 ||
	    key_field(r->evaluator, "evaluator", false, fe) < 0 ||
	    key_field(r->scorecard, "scorecard", true, fe) < 0)
		return -1;
	if (r->channel == NULL)
		return entity_error_set(fe, EE_MISSING_FIELD, "channel", "give channel, one of %s",
					channel_list());
	if (channel_parse(r->channel, &k->channel) < 0)
		return entity_error_set(fe, EE_INVALID, "channel", "unknown channel '%.60s'; use one"
					" of %s", r->channel, channel_list());
	if (r->kind == NULL)
		return entity_error_set(fe, EE_MISSING_FIELD, "kind", "give kind, one of %s",
					eval_kind_list());
	if (eval_kind_parse(r->kind, &k->kind) < 0)
		return entity_error_set(fe, EE_INVALID, "kind", "unknown kind '%.60s'; use one of %s",
					r->kind, eval_kind_list());
	if (r->date == NULL)
		return entity_error_set(fe, EE_MISSING_FIELD, "date", "give date, YYYY-MM-DD");
	if (date_parse(r->date, &k->date) < 0)
		return entity_error_set(fe, EE_INVALID, "date", "date takes a date YYYY-MM-DD that"
					" exists, not '%.40s'", r->date);
	if (k->date < EVIDENCE_FIRST_DAY || k->date > EVIDENCE_LAST_DAY)
		return entity_error_set(fe, EE_INVALID, "date", "date %s is outside 1900-01-01 .."
					" 2100-12-31", r->date);
	if (k->date - date_today() > future_days)
		return entity_error_set(fe, EE_INVALID, "date", "date %s is in the future; an"
					" evaluation is of a contact that took place", r->date);
	if (r->nareas == 0)
		return entity_error_set(fe, EE_MISSING_FIELD, "areas", "give areas: the score of at"
					" least one area of the scorecard");
	if (r->nareas > AREAS_MAX)
		return entity_error_set(fe, EE_INVALID, "areas", "at most %d areas", AREAS_MAX);
	for (size_t i = 0; i < r->nareas; i++) {
		const struct eval_request_area *a = &r->areas[i];

		(void)snprintf(field, sizeof field, "areas[%zu].area", i);
		if (key_field(a->area, field, true, fe) < 0)
			return -1;
		(void)snprintf(field, sizeof field, "areas[%zu].score", i);
		if (!isfinite(a->score))
			return entity_error_set(fe, EE_INVALID, field, "the score is a number");
		(void)snprintf(field, sizeof field, "areas[%zu].comment", i);
		if (a->comment != NULL && validate_text(a->comment, msg, sizeof msg) < 0)
			return entity_error_set(fe, EE_INVALID, field, "comment: %s", msg);
		for (size_t k2 = 0; k2 < i; k2++)
			if (strcmp(r->areas[k2].area, a->area) == 0) {
				(void)snprintf(field, sizeof field, "areas[%zu].area", i);
				return entity_error_set(fe, EE_INVALID, field, "area '%.60s' is scored twice"
							" (first at areas[%zu]); score each area once",
							a->area, k2);
			}
	}
	return 0;
}

/* ---- storing ----------------------------------------------------------- */

struct add_job {
	struct http_ctx *cx;
	const struct eval_request *r;
	struct checked k;
	const char *evaluator;       /* the one stored */
	char key[KEY_MAX + 1];
	struct field_error fe;       /* the checks' refusal */
	bool refused;                /* the answer is set (403, 404) */
	struct http_audit au;        /* the refusal's entry */
	long evidence;
	char detail[ERR_MSG_MAX + 160];
};

/* Refuses by role or reach: the answer and the audit entry. */
static int refuse(struct add_job *j, int status, const char *field, const char *why,
		  struct err *err)
{
	if (status == 404)
		response_error(j->cx->resp, 404, "not_found", field, "there is no person '%.100s'",
			       j->r->agent);
	else
		response_error(j->cx->resp, 403, "forbidden", field, "%s", why);
	j->refused = true;
	(void)snprintf(j->detail, sizeof j->detail, "%s: %s", field,
		       status == 404 ? "not found" : "forbidden");
	j->au = (struct http_audit){ "evaluation.add", "evaluation", j->r->key, j->r->agent, "denied",
				     j->detail };
	return err_set(err, EX_NOPERM, "%s", refused_msg);
}

static int unavailable(struct add_job *j, struct err *err)
{
	response_error(j->cx->resp, 503, "unavailable", NULL,
		       "cannot check access now; try again later");
	j->refused = false;
	return err_set(err, EX_UNAVAILABLE, "cannot check access");
}

/* The rules of who may evaluate whom (docs/security.md, "Who may
 * evaluate"); sets j->evaluator. 0 allowed, -1 refused or failed. */
static int may_add(struct add_job *j, struct store *st, struct err *err)
{
	const struct http_ctx *cx = j->cx;
	const struct http_caller *c = cx->req->caller;
	const char *why;
	int rc;

	j->evaluator = j->r->evaluator;
	if (j->evaluator == NULL && c->person[0] != '\0')
		j->evaluator = j->k.kind == EVAL_SELF && sees_all(cx) ? j->r->agent : c->person;
	if (j->evaluator == NULL && j->k.kind == EVAL_SELF)
		j->evaluator = j->r->agent;
	if (j->k.kind == EVAL_SELF && !sees_all(cx)) {
		if (!is_person(c, j->r->agent))
			return refuse(j, 403, "agent", "a self evaluation is of your own contacts only:"
				      " its agent is you", err);
		if (!is_person(c, j->evaluator))
			return refuse(j, 403, "evaluator", "a self evaluation is your own: its evaluator"
				      " is you; leave evaluator out", err);
		return 0;
	}
	if (j->k.kind != EVAL_SELF && !sees_all(cx)) {
		if (c->role != ROLE_COACH && c->role != ROLE_MANAGER)
			return refuse(j, 403, "kind", "you evaluate only your own contacts, as kind self",
				      err);
		if (is_person(c, j->r->agent))
			return refuse(j, 403, "agent", "an evaluation of your own contact is a self"
				      " evaluation: give kind self", err);
		rc = store_lookup(st, ENTITY_PERSON, j->r->agent, NULL, err);
		if (rc == 1)
			rc = reaches(cx, st, j->r->agent);
		if (rc < 0)
			return unavailable(j, err);
		if (rc == 0)
			return refuse(j, 404, "agent", NULL, err);
		if (j->evaluator == NULL) {
			entity_error_set(&j->fe, EE_MISSING_FIELD, "evaluator", "a token has no person of"
					 " its own: name the evaluator, someone within its reach");
			return err_set(err, EX_DATAERR, "%s", j->fe.message);
		}
		rc = http_evidence_assessor(cx, st, j->evaluator, &why);
		if (rc < 0)
			return unavailable(j, err);
		if (rc == 0)
			return refuse(j, 403, "evaluator", c->person[0] != '\0' ? "an evaluation you"
				      " enter has you as its evaluator; leave evaluator out" : why, err);
		return 0;
	}
	if (j->evaluator == NULL) {
		entity_error_set(&j->fe, EE_MISSING_FIELD, "evaluator", "name the evaluator: you have"
				 " no person of your own");
		return err_set(err, EX_DATAERR, "%s", j->fe.message);
	}
	return 0;
}

/* A refusal by the checks of the store's data: fe set, the work stops. */
static int invalid(struct add_job *j, enum entity_error code, const char *field, const char *msg,
		   struct err *err)
{
	entity_error_set(&j->fe, code, field, "%s", msg);
	return err_set(err, EX_DATAERR, "%s", msg);
}

/* The names of card's areas, "a, b, c", into out. */
static void area_names(const struct scorecard_def *card, char *out, size_t outsz)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < card->nareas && len + 1 < outsz; i++)
		len += (size_t)snprintf(out + len, outsz - len, "%s%s", i > 0 ? ", " : "",
					card->areas[i].name);
}

static void card_names(const struct scorecard_def *cards, size_t n, char *out, size_t outsz)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t i = 0; i < n && len + 1 < outsz; i++)
		len += (size_t)snprintf(out + len, outsz - len, "%s%s", i > 0 ? ", " : "",
					cards[i].name);
	if (n == 0)
		(void)snprintf(out, outsz, "none is stored; import scorecards.csv first");
}

/* A new key: EV- and 12 random hex digits, free in the store. */
static int new_key(struct add_job *j, struct store *st, struct err *err)
{
	for (int tries = 0; tries < 8; tries++) {
		unsigned char raw[6];
		struct qa_stored_eval e;
		int rc;

		randombytes_buf(raw, sizeof raw);
		(void)snprintf(j->key, sizeof j->key, "EV-%02x%02x%02x%02x%02x%02x", raw[0], raw[1],
			       raw[2], raw[3], raw[4], raw[5]);
		rc = store_get_evaluation(st, j->key, j->cx->arena, &e, err);
		if (rc <= 0)
			return rc;
	}
	return err_set(err, EX_SOFTWARE, "cannot make a new evaluation key");
}

static int add_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct add_job *j = ctx;
	const struct eval_request *r = j->r;
	struct scorecard_def *cards = NULL, *card = NULL;
	struct qa_score_in *scores;
	struct qa_put_stats stats;
	struct qa_stored_eval old;
	struct http_audit au;
	size_t ncards = 0;
	char msg[ERR_MSG_MAX], names[400], field[64];
	int rc;

	(void)attempt;
	j->refused = false;
	j->fe = (struct field_error){ 0 };
	if (may_add(j, st, err) < 0)
		return -1;
	/* The people: the agent (out of reach answered above), the evaluator. */
	rc = store_lookup(st, ENTITY_PERSON, r->agent, NULL, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return invalid(j, EE_NOT_FOUND, "agent", "there is no such person; import them with"
			       " people.csv first", err);
	rc = store_lookup(st, ENTITY_PERSON, j->evaluator, NULL, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return invalid(j, EE_NOT_FOUND, "evaluator", "there is no such person; import them"
			       " with people.csv first", err);
	if (j->k.kind == EVAL_SELF && strcmp(r->agent, j->evaluator) != 0)
		return invalid(j, EE_INVALID, "evaluator", "a self evaluation is the agent's own: the"
			       " evaluator must be the agent", err);
	if (store_load_scorecards(st, j->cx->arena, &cards, &ncards, err) < 0)
		return -1;
	for (size_t i = 0; i < ncards && card == NULL; i++)
		if (strcmp(cards[i].name, r->scorecard) == 0)
			card = &cards[i];
	if (card == NULL) {
		card_names(cards, ncards, names, sizeof names);
		(void)snprintf(msg, sizeof msg, "unknown scorecard '%.60s'; the scorecards: %s",
			       r->scorecard, names);
		return invalid(j, EE_INVALID, "scorecard", msg, err);
	}
	scores = arena_alloc(j->cx->arena, r->nareas * sizeof *scores);
	if (scores == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < r->nareas; i++) {
		const struct eval_request_area *a = &r->areas[i];
		long at = -1;

		for (size_t k = 0; k < card->nareas && at < 0; k++)
			if (strcmp(card->areas[k].name, a->area) == 0)
				at = (long)k;
		if (at < 0) {
			area_names(card, names, sizeof names);
			(void)snprintf(field, sizeof field, "areas[%zu].area", i);
			(void)snprintf(msg, sizeof msg, "scorecard '%s' (version %d) has no area '%.60s';"
				       " its areas: %s", card->name, card->version, a->area, names);
			return invalid(j, EE_INVALID, field, msg, err);
		}
		if (a->score < card->areas[at].a.min || a->score > card->areas[at].a.max) {
			(void)snprintf(field, sizeof field, "areas[%zu].score", i);
			(void)snprintf(msg, sizeof msg, "score %.15g is outside the scale of area '%s',"
				       " %g to %g", a->score, a->area, card->areas[at].a.min,
				       card->areas[at].a.max);
			return invalid(j, EE_INVALID, field, msg, err);
		}
		scores[i] = (struct qa_score_in){
			.area = (size_t)at, .score = a->score,
			.comment = a->comment != NULL && a->comment[0] != '\0' ? a->comment : NULL,
		};
	}
	if (r->key != NULL) {
		(void)snprintf(j->key, sizeof j->key, "%s", r->key);
		rc = store_get_evaluation(st, j->key, j->cx->arena, &old, err);
		if (rc < 0)
			return -1;
		if (rc == 1)
			return invalid(j, EE_CONFLICT, "evaluation", "an evaluation of this key exists;"
				       " leave evaluation out and a new key is made", err);
	} else if (new_key(j, st, err) < 0) {
		return -1;
	}
	if (store_put_evaluations(st, &(struct qa_eval_in){
		    .key = j->key, .contact = r->contact, .agent = r->agent, .evaluator = j->evaluator,
		    .channel = j->k.channel, .kind = j->k.kind, .date = j->k.date, .card = card,
		    .scores = scores, .nscores = r->nareas, .id = 0 }, 1, &stats, err) < 0)
		return -1;
	j->evidence = stats.evidence;
	(void)snprintf(j->detail, sizeof j->detail, "%s, %ld evidence row%s", eval_kind_name(j->k.kind),
		       stats.evidence, stats.evidence == 1 ? "" : "s");
	au = (struct http_audit){ "evaluation.add", "evaluation", j->key, r->agent, "ok", j->detail };
	return http_audit_in(j->cx, st, &au, err);
}

int http_evaluation_add(struct http_ctx *cx, const struct eval_request *r, char *key,
			struct field_error *fe)
{
	struct add_job j = { .cx = cx, .r = r };
	struct http_audit au = { "evaluation.add", "evaluation", r->key, r->agent, "failed", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);

	if (st == NULL)
		return http_unavailable(cx), -1;
	*fe = (struct field_error){ 0 };
	if (check_fields(r, store_settings(st)->future_days, &j.k, fe) < 0)
		goto refused;
	if (store_transact(st, add_attempt, &j, &err) == 0) {
		(void)snprintf(key, KEY_MAX + 1, "%s", j.key);
		return 0;
	}
	if (j.refused) {
		au = j.au;
		return http_audit_write(cx, st, &au), -1;
	}
	if (j.fe.code == EE_NONE) {
		if (cx->resp->status < 400)
			http_store_failed(cx, &err, NULL);
		return -1;
	}
	*fe = j.fe;
refused:
	(void)snprintf(j.detail, sizeof j.detail, "%s%s%s", fe->field, fe->field[0] ? ": " : "",
		       fe->message);
	au.detail = j.detail;
	if (http_audit_write(cx, st, &au) < 0 || cx->resp->status >= 400)
		return -1;
	return 1;
}

/* ---- POST /api/v1/evaluations -------------------------------------------- */

/* A string field of o into *out (NULL when absent or null). */
static int string_field(json_t *o, const char *name, const char *prefix, struct arena *a,
			const char **out, struct field_error *fe)
{
	json_t *v = json_object_get(o, name);

	*out = NULL;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_string(v))
		return entity_error_set(fe, EE_WRONG_TYPE, name, "%s%s must be a string", prefix, name);
	*out = arena_strdup(a, json_string_value(v));
	return *out == NULL ? entity_error_set(fe, EE_STORE, NULL, "out of memory") : 0;
}

static int only_fields(json_t *o, const char *const *names, size_t n, const char *prefix,
		       const char *what, struct field_error *fe)
{
	const char *name;
	json_t *v;

	json_object_foreach(o, name, v) {
		bool known = false;

		for (size_t i = 0; i < n && !known; i++)
			known = strcmp(name, names[i]) == 0;
		if (!known) {
			char field[96];

			(void)snprintf(field, sizeof field, "%s%.60s", prefix, name);
			return entity_error_set(fe, EE_UNKNOWN_FIELD, field, "unknown field '%.60s'; %s",
						name, what);
		}
	}
	return 0;
}

static int parse_areas(json_t *list, struct arena *a, struct eval_request *r,
		       struct field_error *fe)
{
	static const char *const names[] = { "area", "score", "comment" };
	struct eval_request_area *areas;
	size_t i;
	json_t *it;

	if (list == NULL || json_is_null(list))
		return 0;
	if (!json_is_array(list))
		return entity_error_set(fe, EE_WRONG_TYPE, "areas", "areas must be an array of"
					" {\"area\", \"score\", \"comment\"}");
	if (json_array_size(list) > AREAS_MAX)
		return entity_error_set(fe, EE_INVALID, "areas", "at most %d areas", AREAS_MAX);
	areas = arena_alloc(a, (json_array_size(list) + 1) * sizeof *areas);
	if (areas == NULL)
		return entity_error_set(fe, EE_STORE, NULL, "out of memory");
	json_array_foreach(list, i, it) {
		char prefix[32], field[64];
		json_t *score;

		(void)snprintf(prefix, sizeof prefix, "areas[%zu].", i);
		if (!json_is_object(it))
			return entity_error_set(fe, EE_WRONG_TYPE, prefix, "areas[%zu] must be an object"
						" {\"area\", \"score\", \"comment\"}", i);
		if (only_fields(it, names, 3, prefix, "an area has area, score and comment", fe) < 0)
			return -1;
		areas[i] = (struct eval_request_area){ 0 };
		(void)snprintf(field, sizeof field, "%sarea", prefix);
		if (string_field(it, "area", prefix, a, &areas[i].area, fe) < 0 ||
		    string_field(it, "comment", prefix, a, &areas[i].comment, fe) < 0) {
			char name[32];

			(void)snprintf(name, sizeof name, "%.30s", fe->field);
			(void)snprintf(fe->field, sizeof fe->field, "%s%s", prefix, name);
			return -1;
		}
		score = json_object_get(it, "score");
		(void)snprintf(field, sizeof field, "%sscore", prefix);
		if (score == NULL || json_is_null(score))
			return entity_error_set(fe, EE_MISSING_FIELD, field, "give %s, a number on the"
						" area's scale", field);
		if (!json_is_number(score))
			return entity_error_set(fe, EE_WRONG_TYPE, field, "%s must be a number", field);
		areas[i].score = json_number_value(score);
	}
	r->areas = areas;
	r->nareas = json_array_size(list);
	return 0;
}

static int parse_request(const struct http_ctx *cx, struct eval_request *r, struct field_error *fe)
{
	static const char *const names[] = {
		"evaluation", "contact", "channel", "agent", "evaluator", "kind", "date", "scorecard",
		"areas"
	};
	const char *const *text = names;
	const char **slots[] = { &r->key, &r->contact, &r->channel, &r->agent, &r->evaluator,
				 &r->kind, &r->date, &r->scorecard };
	json_error_t e;
	json_t *root;
	int rc = 0;

	*r = (struct eval_request){ 0 };
	root = json_loadb(cx->req->body != NULL ? cx->req->body : "", cx->req->body_len,
			  JSON_REJECT_DUPLICATES, &e);
	if (root == NULL)
		return entity_error_set(fe, EE_MALFORMED, NULL, "malformed JSON at line %d, column %d:"
					" %s", e.line, e.column, e.text);
	if (!json_is_object(root))
		rc = entity_error_set(fe, EE_WRONG_TYPE, NULL, "the body must be one evaluation, an"
				      " object");
	if (rc == 0)
		rc = only_fields(root, names, sizeof names / sizeof names[0], "",
				 "an evaluation has evaluation, contact, channel, agent, evaluator,"
				 " kind, date, scorecard and areas", fe);
	for (size_t i = 0; rc == 0 && i < sizeof slots / sizeof slots[0]; i++)
		rc = string_field(root, text[i], "", cx->arena, slots[i], fe);
	if (rc == 0)
		rc = parse_areas(json_object_get(root, "areas"), cx->arena, r, fe);
	json_decref(root);
	return rc;
}

struct added {
	const char *key;
};

static void fill_added(struct jw *w, const void *arg)
{
	const struct added *a = arg;
	char location[KEY_MAX + 32];

	(void)snprintf(location, sizeof location, "/api/v1/evaluations/%s", a->key);
	jw_object_begin(w);
	jw_field_string(w, "evaluation", a->key);
	jw_field_string(w, "location", location);
	jw_object_end(w);
}

int handle_evaluation_add(struct http_ctx *cx)
{
	struct http_audit au = { "evaluation.add", "evaluation", NULL, NULL, "failed", NULL };
	struct eval_request r;
	struct field_error fe = { 0 };
	struct err err = { 0 };
	char key[KEY_MAX + 1], detail[ERR_MSG_MAX + 160];
	struct store *st = http_store(cx, &err);
	int rc;

	if (st == NULL)
		return http_unavailable(cx);
	if (parse_request(cx, &r, &fe) < 0) {
		http_entity_failed(cx, &fe);
		(void)snprintf(detail, sizeof detail, "%s%s%s", fe.field, fe.field[0] ? ": " : "",
			       fe.message);
		au.detail = detail;
		return http_audit_write(cx, st, &au);
	}
	rc = http_evaluation_add(cx, &r, key, &fe);
	if (rc == 0)
		return http_json_answer(cx, 201, fill_added, &(struct added){ key });
	if (rc == 1)
		return http_entity_failed(cx, &fe);
	return 0;
}

/* ---- the reads ----------------------------------------------------------- */

/* Writes doc (one of the two below) into a temporary file, the answer. */
static int answer_file(struct http_ctx *cx, void (*write)(struct jw *w, const void *arg),
		       const void *arg)
{
	struct jw *w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	FILE *f = response_tmpfile();
	int rc = 0;

	if (w == NULL || f == NULL) {
		free(w);
		if (f != NULL)
			(void)fclose(f);
		return response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file"), -1;
	}
	jw_init(w, f, 0);
	write(w, arg);
	if (jw_finish(w) < 0 || response_from_file(cx->resp, f, 200, HTTP_JSON) < 0) {
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
		rc = -1;
	}
	buf_free(&w->out);
	free(w);
	cx->resp->api = true;
	return rc;
}

struct calib_doc {
	const struct evaluation_calibration *c;
	bool hide;
};

static void write_calibration(struct jw *w, const void *arg)
{
	const struct calib_doc *d = arg;

	evaluation_calibration_json(w, d->c, d->hide);
}

int handle_evaluation_get(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	const struct http_caller *c = cx->req->caller;
	struct http_audit au = { 0 };
	struct evaluation_calibration cal;
	struct err err = { 0 };
	struct store *st;
	int rc;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	rc = evaluation_calibration_gather(st, key, &cal, &err);
	if (rc == 0) {
		rc = http_evaluation_visible(cx, st, &cal.base.e);
		if (rc < 0)
			response_error(cx->resp, 503, "unavailable", NULL,
				       "cannot check access now; try again later");
		else if (rc == 0)
			au = (struct http_audit){ "read", "evaluation", key, NULL, "denied", NULL };
	} else if (err.code == EX_DATAERR) {
		rc = 0;
	} else {
		http_store_failed(cx, &err, NULL);
	}
	if (rc == 0)
		response_error(cx->resp, 404, "not_found", "key", "there is no evaluation '%.100s'",
			       key);
	if (rc == 1 && answer_file(cx, write_calibration, &(struct calib_doc){
		    &cal, c != NULL && c->role == ROLE_EMPLOYEE }) == 0 &&
	    !is_person(c, cal.base.e.agent))
		au = (struct http_audit){ "read", "evaluation", key, cal.base.e.agent, "ok", NULL };
	store_rollback(st);
	rc = http_audit_write(cx, st, &au);
	evaluation_calibration_free(&cal);
	return rc;
}

struct person_doc {
	const struct person_evaluations *pe;
	const char *month;
	bool hide;
};

static void write_person(struct jw *w, const void *arg)
{
	const struct person_doc *d = arg;

	person_evaluations_json(w, d->pe, d->month, d->hide);
}

int handle_person_evaluations(struct http_ctx *cx)
{
	static const char *const month_only[] = { "month" };
	const char *key = http_param(cx->req, "key");
	const char *month = http_query(cx->req, "month");
	const struct http_caller *c = cx->req->caller;
	struct http_audit au = { 0 };
	struct person_evaluations pe = { 0 };
	struct err err = { 0 };
	int32_t first = EVIDENCE_FIRST_DAY, last = EVIDENCE_LAST_DAY;
	struct store *st;

	if (http_only_query(cx, month_only, 1) < 0)
		return 0;
	if (month != NULL && quality_month_parse(month, &first, &last) < 0)
		return response_error(cx->resp, 400, "bad_month", "month",
				      "month takes a month YYYY-MM, such as 2026-03, not '%.40s'", month);
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	if (http_visible(cx, st, ENTITY_PERSON, key, "key", &au) != 1)
		goto out;
	if (person_evaluations_gather(st, key, first, last, &pe, &err) < 0) {
		http_store_failed(cx, &err, "key");
		goto out;
	}
	if (answer_file(cx, write_person, &(struct person_doc){
		    &pe, month, c != NULL && c->role == ROLE_EMPLOYEE }) == 0 && !is_person(c, key))
		au = (struct http_audit){ "read", "evaluation", NULL, key, "ok", NULL };
out:
	store_rollback(st);
	person_evaluations_free(&pe);
	return http_audit_write(cx, st, &au);
}
