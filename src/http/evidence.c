/* The evidence endpoints: adding evidence (one object with the fields of
 * the evidence CSV, or an array of them), a person's evidence page by
 * page, and retracting a row as `compgap retract` does. Who may add and
 * retract what is docs/security.md, "Who may add and retract evidence";
 * the documents are docs/api.md, "Evidence over HTTP". Every write and
 * its audit entry are one transaction (http_audit_in); a refused request
 * is logged after it (http_audit_write). */
#include <errno.h>
#include <inttypes.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "store/star.h"
#include "util/strmap.h"

/* The columns of evidence_json_parse's rows. */
enum {
	COL_PERSON, COL_COMPETENCY, COL_LEVEL, COL_SOURCE, COL_DATE, COL_ASSESSOR, COL_NOTE,
	NCOLS
};

/* A person's evidence page holds this many rows unless ?limit= says. */
enum { EVIDENCE_PAGE_DEFAULT = 50 };

/* How many people one request's audit entries name at most apart: the
 * rest share one entry (an array of 10,000 rows about 10,000 people is
 * an import, and its log line need not be 10,000 lines). */
enum { AUDIT_PEOPLE_MAX = 100 };

/* Why a transaction's work stopped without a database error: the
 * answer is set, the transaction is to be rolled back. */
static const char refused_msg[] = "the request was refused";

static bool is_person(const struct http_caller *c, const char *key)
{
	return c->person[0] != '\0' && key != NULL && strcmp(c->person, key) == 0;
}

/* Whether the caller's role may see person key (which exists): 1, 0, or
 * -1 when the check failed. A server without a reach hook shows all. */
static int in_reach(const struct http_ctx *cx, struct store *st, const char *key)
{
	if (http_role_in(cx->req->caller, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)) ||
	    cx->cfg->reach == NULL)
		return 1;
	return cx->cfg->reach(cx->cfg, st, cx->req->caller, ENTITY_PERSON, key);
}

/* A field of row i: "[i].name" in an array, "name" alone otherwise. */
static void row_field(char *out, size_t outsz, bool array, size_t i, const char *name)
{
	if (array)
		(void)snprintf(out, outsz, "[%zu].%s", i, name);
	else
		(void)snprintf(out, outsz, "%s", name);
}

/* ---- adding -------------------------------------------------------------- */

/* What is known of one person that rows are about, found once per request. */
struct about {
	const char *key;
	int visible;          /* 1: in the caller's reach, or their teammate
			       * (an employee adding peer evidence) */
	long rows;            /* rows about them in the request */
};

struct add_job {
	struct http_ctx *cx;
	const char **values;          /* nrows * NCOLS, evidence_json_parse's */
	struct evidence_star *stars;  /* nrows: each row's STAR note */
	bool any_star;
	size_t nrows;
	bool array;
	struct strmap seen;           /* person key -> index into people */
	struct about *people;
	size_t npeople;
	const char *own_team;         /* an employee's team, "" when none */
	long stored;
	struct field_error fe;        /* the import's refusal */
	bool refused;                 /* the answer is set */
	struct http_audit au;         /* the refusal's entry */
	char detail[ERR_MSG_MAX + 160];
};

/* Whether person is an active member of the employee's own team, other
 * than themselves: the people they may give peer evidence about. */
static int is_teammate(struct add_job *j, struct store *st, const char *key, struct err *err)
{
	const struct http_caller *c = j->cx->req->caller;
	struct person p;
	int rc;

	if (j->own_team == NULL) {
		j->own_team = "";
		rc = store_get_person(st, c->person, &p, j->cx->arena, err);
		if (rc < 0)
			return -1;
		if (rc == 1 && p.team != NULL)
			j->own_team = p.team;
	}
	if (j->own_team[0] == '\0' || is_person(c, key))
		return 0;
	rc = store_get_person(st, key, &p, j->cx->arena, err);
	if (rc <= 0)
		return rc;
	return p.active && p.team != NULL && strcmp(p.team, j->own_team) == 0;
}

/* The person of row i, looked up once: NULL when the store failed (the
 * answer set), else with visible 1, 0, or -1 when there is no such
 * person. */
static struct about *about_person(struct add_job *j, struct store *st, const char *key)
{
	const struct http_caller *c = j->cx->req->caller;
	struct about *a;
	struct err err = { 0 };
	int64_t at;
	int rc;

	if (strmap_get(&j->seen, key, &at))
		return &j->people[at];
	a = &j->people[j->npeople];
	*a = (struct about){ key, 0, 0 };
	rc = store_lookup(st, ENTITY_PERSON, key, NULL, &err);
	if (rc == 0)
		a->visible = -1;
	if (rc == 1)
		rc = a->visible = is_person(c, key) ? 1 : in_reach(j->cx, st, key);
	if (rc == 0 && a->visible == 0 && c->role == ROLE_EMPLOYEE)
		rc = a->visible = is_teammate(j, st, key, &err);
	if (rc < 0 || strmap_put(&j->seen, key, (int64_t)j->npeople) < 0) {
		response_error(j->cx->resp, 503, "unavailable", NULL,
			       "cannot check access now; try again later");
		return NULL;
	}
	j->npeople++;
	return a;
}

/* Refuses the request at row i: the answer, and the audit entry. */
static void refuse(struct add_job *j, size_t i, int status, const char *code, const char *name,
		   const char *outcome, const char *fmt, const char *arg)
{
	char field[64];

	row_field(field, sizeof field, j->array, i, name);
	response_error(j->cx->resp, status, code, field, fmt, arg);
	j->refused = true;
	(void)snprintf(j->detail, sizeof j->detail, "%s: %s", field, status == 404 ? "not found"
		       : "forbidden");
	j->au = (struct http_audit){ "evidence.add", "evidence", NULL, j->values[i * NCOLS],
				     outcome, j->detail };
}

/* Checks row i against the caller's role and reach (docs/security.md),
 * filling in the caller's own person as its assessor when they have one
 * and left it out. 1 allowed; 0 refused (answer and audit entry set); -1
 * the store failed (answer set). */
static int may_add(struct add_job *j, struct store *st, size_t i)
{
	const struct http_caller *c = j->cx->req->caller;
	const char **row = j->values + i * NCOLS;
	const char *assessor = row[COL_ASSESSOR];
	struct about *a = about_person(j, st, row[COL_PERSON]);
	enum source src;
	const char *why;
	int rc;

	if (a == NULL)
		return -1;
	if (a->visible != 1) {
		refuse(j, i, 404, "not_found", "person", a->visible < 0 ? "failed" : "denied",
		       "there is no person '%.100s'", row[COL_PERSON]);
		return 0;
	}
	a->rows++;
	if (http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)))
		return 1;
	/* An unknown source is the import's to refuse, with its words. */
	if (source_parse(row[COL_SOURCE], &src) == 0 &&
	    (why = http_evidence_source_refused(c, src, is_person(c, row[COL_PERSON]))) != NULL) {
		refuse(j, i, 403, "forbidden", "source", "denied", "%s", why);
		return 0;
	}
	rc = http_evidence_assessor(j->cx, st, assessor, &why);
	if (rc < 0) {
		response_error(j->cx->resp, 503, "unavailable", NULL,
			       "cannot check access now; try again later");
		return -1;
	}
	if (rc == 0) {
		refuse(j, i, 403, "forbidden", "assessor", "denied", "%s", why);
		return 0;
	}
	if (c->person[0] != '\0')
		row[COL_ASSESSOR] = c->person;
	return 1;
}

/* The audit entries of stored rows: one per person (the person concerned),
 * saying how many rows. */
static int audit_added(struct add_job *j, struct store *st, struct err *err)
{
	char detail[64];

	for (size_t k = 0; k < j->npeople; k++) {
		bool rest = k + 1 == AUDIT_PEOPLE_MAX && j->npeople > AUDIT_PEOPLE_MAX;
		long rows = j->people[k].rows;
		struct http_audit au;

		if (rest) {
			for (size_t m = k + 1; m < j->npeople; m++)
				rows += j->people[m].rows;
			(void)snprintf(detail, sizeof detail, "%ld rows about %zu people", rows,
				       j->npeople - k);
		} else {
			(void)snprintf(detail, sizeof detail, "%ld row%s", rows, rows == 1 ? "" : "s");
		}
		au = (struct http_audit){ "evidence.add", "evidence", NULL,
					  rest ? NULL : j->people[k].key, "ok", detail };
		if (http_audit_in(j->cx, st, &au, err) < 0)
			return -1;
		if (rest)
			break;
	}
	return 0;
}

/* The rows one by one, each followed by its STAR note (store/star.h
 * attaches a note to the row appended last); a problem still names its
 * row, "[i].field". */
static int add_with_stars(struct add_job *j, struct store *st, const struct import_options *opts,
			  struct err *err)
{
	j->stored = 0;
	for (size_t i = 0; i < j->nrows; i++) {
		long one = 0;

		if (evidence_add_in(st, j->values + i * NCOLS, 1, j->array, opts, &one, &j->fe) < 0) {
			if (j->array && strncmp(j->fe.field, "[0]", 3) == 0) {
				char field[sizeof j->fe.field];

				(void)snprintf(field, sizeof field, "[%zu]%s", i, j->fe.field + 3);
				(void)snprintf(j->fe.field, sizeof j->fe.field, "%s", field);
			}
			return -1;
		}
		j->stored += one;
		if (store_put_evidence_star(st, j->values[i * NCOLS + COL_PERSON], &j->stars[i], err) < 0)
			return -1;
	}
	return 0;
}

static int add_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct add_job *j = ctx;
	static const struct import_options opts = { .allow_future = false };

	(void)attempt;
	/* A retried attempt starts over: the people and the assessors. */
	strmap_free(&j->seen);
	strmap_init(&j->seen);
	j->npeople = 0;
	j->own_team = NULL;
	for (size_t i = 0; i < j->nrows; i++) {
		int rc = may_add(j, st, i);

		if (rc <= 0)
			return err_set(err, EX_NOPERM, "%s", refused_msg);
	}
	if ((j->any_star ? add_with_stars(j, st, &opts, err)
	     : evidence_add_in(st, j->values, j->nrows, j->array, &opts, &j->stored, &j->fe)) < 0) {
		if (j->fe.code == EE_STORE) {
			*err = j->fe.err;
			return -1;
		}
		if (j->fe.code == EE_NONE)
			return -1;    /* a STAR note's store error, in err */
		return err_set(err, EX_DATAERR, "%s", j->fe.message);
	}
	return audit_added(j, st, err);
}

static void fill_stored(struct jw *w, const void *arg)
{
	jw_object_begin(w);
	jw_field_int(w, "stored", *(const long *)arg);
	jw_object_end(w);
}

/* The person of the row that a field "[i].name" names, or of the one row. */
static const char *person_of_field(const struct add_job *j, const char *field)
{
	size_t i = 0;

	if (j->array && field[0] == '[')
		i = strtoul(field + 1, NULL, 10);
	return i < j->nrows ? j->values[i * NCOLS + COL_PERSON] : NULL;
}

/* Stores j's rows (parsed) with their audit entries in one transaction.
 * 0 stored; 1 the rows were refused by the import's checks (j->fe set,
 * the refusal logged, no answer made); -1 answered (refused by role or
 * reach and logged, or the store failed). */
static int add_rows(struct add_job *j, struct store *st)
{
	struct http_audit au = { "evidence.add", "evidence", NULL, NULL, "failed", NULL };
	struct http_ctx *cx = j->cx;
	struct err err = { 0 };

	j->people = arena_alloc(cx->arena, j->nrows * sizeof *j->people + 1);
	if (j->people == NULL)
		return response_error(cx->resp, 500, "internal", NULL, "out of memory"), -1;
	strmap_init(&j->seen);
	if (store_transact(st, add_attempt, j, &err) == 0) {
		strmap_free(&j->seen);
		return 0;
	}
	strmap_free(&j->seen);
	if (j->refused) {
		au = j->au;
		return http_audit_write(cx, st, &au), -1;
	}
	if (j->fe.code == EE_STORE)
		return http_entity_failed(cx, &j->fe), -1;
	/* Not the import: the access check failed (answered), or beginning,
	 * the audit entry or committing did. */
	if (j->fe.code == EE_NONE) {
		if (cx->resp->status < 400)
			http_store_failed(cx, &err, NULL);
		return -1;
	}
	au.person = person_of_field(j, j->fe.field);
	(void)snprintf(j->detail, sizeof j->detail, "%s%s%s", j->fe.field,
		       j->fe.field[0] ? ": " : "", j->fe.message);
	au.detail = j->detail;
	if (http_audit_write(cx, st, &au) < 0 || cx->resp->status >= 400)
		return -1;
	return 1;
}

int handle_evidence_add(struct http_ctx *cx)
{
	struct add_job j = { .cx = cx };
	struct http_audit au = { "evidence.add", "evidence", NULL, NULL, "failed", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int rc;

	if (st == NULL)
		return http_unavailable(cx);
	if (evidence_json_parse_star(cx->req->body != NULL ? cx->req->body : "",
				     cx->req->body_len, cx->arena, &j.values, &j.stars, &j.nrows,
				     &j.array, &j.fe) < 0) {
		http_entity_failed(cx, &j.fe);
		(void)snprintf(j.detail, sizeof j.detail, "%s%s%s", j.fe.field,
			       j.fe.field[0] ? ": " : "", j.fe.message);
		au.detail = j.detail;
		return http_audit_write(cx, st, &au);
	}
	for (size_t i = 0; i < j.nrows; i++)
		j.any_star = j.any_star || !star_is_empty(&j.stars[i]);
	rc = add_rows(&j, st);
	if (rc == 0)
		return http_json_answer(cx, 201, fill_stored, &j.stored);
	if (rc == 1)
		return http_entity_failed(cx, &j.fe);
	return 0;
}

int http_evidence_add_rows(struct http_ctx *cx, const char **values, size_t nrows, long *stored,
			   struct field_error *fe)
{
	return http_evidence_add_noted(cx, values, NULL, nrows, stored, fe);
}

int http_evidence_add_noted(struct http_ctx *cx, const char **values, struct evidence_star *stars,
			    size_t nrows, long *stored, struct field_error *fe)
{
	struct add_job j = { .cx = cx, .values = values, .stars = stars, .nrows = nrows,
			     .array = true };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int rc;

	if (st == NULL)
		return http_unavailable(cx), -1;
	for (size_t i = 0; stars != NULL && i < nrows; i++)
		j.any_star = j.any_star || !star_is_empty(&stars[i]);
	rc = add_rows(&j, st);
	*stored = j.stored;
	*fe = j.fe;
	return rc;
}

int http_evidence_may_add(struct http_ctx *cx, struct store *st, const char *key,
			  enum source src)
{
	const struct http_caller *c = cx->req->caller;
	struct add_job j = { .cx = cx };
	struct about *a;
	int rc;

	j.people = arena_alloc(cx->arena, sizeof *j.people);
	if (j.people == NULL)
		return -1;
	strmap_init(&j.seen);
	a = about_person(&j, st, key);
	rc = a == NULL ? -1 : a->visible == 1 ? 1 : 0;
	strmap_free(&j.seen);
	if (rc == 1 && !http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)) &&
	    http_evidence_source_refused(c, src, is_person(c, key)) != NULL)
		rc = -2;
	return rc;
}

/* ---- a person's evidence ---------------------------------------------------- */

int handle_person_evidence(struct http_ctx *cx)
{
	static const char *const names[] = { "limit", "cursor" };
	const struct http_caller *c = cx->req->caller;
	const char *key = http_param(cx->req, "key");
	struct page_query q;
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st;
	struct jw *w = NULL;
	FILE *f = NULL;
	int rc;

	if (http_only_query(cx, names, 2) < 0 || http_page_params(cx, EVIDENCE_PAGE_DEFAULT, &q) < 0)
		return 0;
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	if (http_visible(cx, st, ENTITY_PERSON, key, "key", &au) != 1)
		goto out;
	w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	f = response_tmpfile();
	if (w == NULL || f == NULL) {
		response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file");
		goto out;
	}
	jw_init(w, f, 0);
	/* What an employee sees of their own evidence hides who gave the peer
	 * rows (docs/security.md). */
	rc = entities_json_evidence_page(w, st, key, q.after, q.limit,
					 c->role == ROLE_EMPLOYEE && is_person(c, key), &err);
	if (rc == 0 && jw_finish(w) < 0)
		rc = err_set(&err, EX_IOERR, "cannot write the document");
	buf_free(&w->out);
	if (rc < 0) {
		if (err.code == EX_DATAERR)
			response_error(cx->resp, 400, "bad_parameter", "cursor", "%s", err.msg);
		else
			http_store_failed(cx, &err, NULL);
		goto out;
	}
	if (response_from_file(cx->resp, f, 200, HTTP_JSON) < 0)
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	f = NULL;
	cx->resp->api = true;
	if (cx->resp->status == 200 && !is_person(c, key))
		au = (struct http_audit){ "read", "evidence", key, key, "ok", NULL };
out:
	if (f != NULL)
		(void)fclose(f);
	free(w);
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}

/* ---- retraction ------------------------------------------------------------- */

struct retract_job {
	struct http_ctx *cx;
	int64_t id;
	const char *reason;
	char id_text[24];
	struct evidence_entry row;    /* after the retraction */
	bool refused;                 /* the answer is set */
	struct http_audit au;         /* the refusal's entry */
};

/* Whether the caller gave row x: its assessor, or (a self row recorded
 * without one) the person it is about. */
static bool gave(const struct http_caller *c, const struct evidence_entry *x)
{
	if (x->e.assessor != NULL)
		return is_person(c, x->e.assessor);
	return x->e.source == SOURCE_SELF && is_person(c, x->e.person);
}

/* Whether the caller may retract row x (docs/security.md): 1 yes; 0
 * refused (answer and audit entry set); -1 the check failed (answer set). */
static int may_retract(struct retract_job *j, struct store *st, const struct evidence_entry *x)
{
	const struct http_caller *c = j->cx->req->caller;
	bool mine = gave(c, x);
	int rc;

	if (http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)))
		return 1;
	/* An employee's peer rows are about teammates they cannot see. */
	if (c->role == ROLE_EMPLOYEE && mine && x->e.source == SOURCE_PEER)
		return 1;
	rc = in_reach(j->cx, st, x->e.person);
	if (rc < 0)
		return response_error(j->cx->resp, 503, "unavailable", NULL,
				      "cannot check access now; try again later"), -1;
	j->refused = rc == 0 || !mine;
	j->au = (struct http_audit){ "evidence.retract", "evidence", j->id_text, x->e.person,
				     "denied", NULL };
	if (rc == 0)
		response_error(j->cx->resp, 404, "not_found", "id", "there is no evidence row %s",
			       j->id_text);
	else if (!mine)
		response_error(j->cx->resp, 403, "forbidden", "id",
			       "you may retract only the evidence you gave");
	return j->refused ? 0 : 1;
}

static int retract_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct retract_job *j = ctx;
	struct http_audit au;
	int rc;

	(void)attempt;
	rc = store_get_evidence(st, j->id, &j->row, j->cx->arena, err);
	if (rc < 0)
		return -1;
	j->au = (struct http_audit){ "evidence.retract", "evidence", j->id_text,
				     rc == 1 ? j->row.e.person : NULL, "failed", NULL };
	if (rc == 0) {
		j->refused = true;
		response_error(j->cx->resp, 404, "not_found", "id", "there is no evidence row %s",
			       j->id_text);
		return err_set(err, EX_NOPERM, "%s", refused_msg);
	}
	rc = may_retract(j, st, &j->row);
	if (rc < 0)
		return err_set(err, EX_UNAVAILABLE, "cannot check access");
	if (rc == 0)
		return err_set(err, EX_NOPERM, "%s", refused_msg);
	if (j->row.reason != NULL) {
		j->refused = true;
		j->au.outcome = "failed";
		response_error(j->cx->resp, 409, "conflict", "id", "evidence row %s is retracted already",
			       j->id_text);
		return err_set(err, EX_NOPERM, "%s", refused_msg);
	}
	/* The same as `compgap retract`: the pair's sums are rebuilt in
	 * this transaction. */
	if (store_retract_evidence(st, j->id, j->reason, err) < 0)
		return -1;
	au = (struct http_audit){ "evidence.retract", "evidence", j->id_text, j->row.e.person, "ok",
				  NULL };
	if (http_audit_in(j->cx, st, &au, err) < 0)
		return -1;
	rc = store_get_evidence(st, j->id, &j->row, j->cx->arena, err);
	return rc == 1 ? 0 : rc < 0 ? -1 : err_set(err, EX_SOFTWARE, "the retracted row is gone");
}

/* The body {"reason": "..."} into j->reason: 0, or -1 with fe set. */
static int parse_reason(struct retract_job *j, struct field_error *fe)
{
	const struct http_request *req = j->cx->req;
	json_error_t e;
	json_t *root, *v;
	const char *name;
	int rc = 0;

	root = json_loadb(req->body != NULL ? req->body : "", req->body_len,
			  JSON_REJECT_DUPLICATES, &e);
	if (root == NULL)
		return entity_error_set(fe, EE_MALFORMED, NULL, "malformed JSON at line %d, column"
					" %d: %s", e.line, e.column, e.text);
	if (!json_is_object(root)) {
		json_decref(root);
		return entity_error_set(fe, EE_WRONG_TYPE, NULL,
					"the body must be an object {\"reason\": \"...\"}");
	}
	json_object_foreach(root, name, v) {
		if (strcmp(name, "reason") != 0) {
			rc = entity_error_set(fe, EE_UNKNOWN_FIELD, name, "unknown field '%.60s'; a"
					      " retraction has only reason", name);
			break;
		}
	}
	v = json_object_get(root, "reason");
	if (rc == 0 && v == NULL)
		rc = entity_error_set(fe, EE_MISSING_FIELD, "reason",
				      "say why in reason; the reason is kept with the row");
	else if (rc == 0 && !json_is_string(v))
		rc = entity_error_set(fe, EE_WRONG_TYPE, "reason", "reason must be a string");
	else if (rc == 0 && strspn(json_string_value(v), " \t\r\n") == json_string_length(v))
		rc = entity_error_set(fe, EE_INVALID, "reason",
				      "reason is empty; say why, the reason is kept with the row");
	if (rc == 0) {
		j->reason = arena_strdup(j->cx->arena, json_string_value(v));
		if (j->reason == NULL)
			rc = entity_error_set(fe, EE_STORE, NULL, "out of memory");
	}
	json_decref(root);
	return rc;
}

static void fill_retracted(struct jw *w, const void *arg)
{
	const struct evidence_entry *x = arg;

	jw_object_begin(w);
	jw_field_int(w, "id", x->e.id);
	jw_key(w, "retracted");
	jw_object_begin(w);
	jw_field_string(w, "reason", x->reason);
	jw_field_string(w, "at", x->retracted_at);
	jw_object_end(w);
	jw_object_end(w);
}

int handle_evidence_retract(struct http_ctx *cx)
{
	const char *id = http_param(cx->req, "id");
	struct retract_job j = { .cx = cx };
	struct http_audit au = { "evidence.retract", "evidence", id, NULL, "failed", NULL };
	struct field_error fe = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	char *end;

	if (st == NULL)
		return http_unavailable(cx);
	errno = 0;
	j.id = strtoll(id, &end, 10);
	if (errno != 0 || *end != '\0' || strspn(id, "0123456789") != strlen(id) || j.id <= 0) {
		response_error(cx->resp, 404, "not_found", "id", "there is no evidence row '%.40s'",
			       id);
		return http_audit_write(cx, st, &au);
	}
	(void)snprintf(j.id_text, sizeof j.id_text, "%" PRId64, j.id);
	if (parse_reason(&j, &fe) < 0) {
		http_entity_failed(cx, &fe);
		au.detail = fe.field[0] != '\0' ? fe.field : fe.message;
		return http_audit_write(cx, st, &au);
	}
	if (store_transact(st, retract_attempt, &j, &err) == 0)
		return http_json_answer(cx, 200, fill_retracted, &j.row);
	if (j.refused) {
		au = j.au;
		return http_audit_write(cx, st, &au);
	}
	if (cx->resp->status >= 400)
		return 0;    /* the access check failed: answered */
	return http_store_failed(cx, &err, NULL);
}
