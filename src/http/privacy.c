/* The privacy rights over HTTP (docs/api.md, docs/security.md "Privacy
 * rights"): a person's export, their erasure, and the purge of evidence
 * older than the retention period, through the same functions as
 * `compgap privacy`. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/request.h"
#include "io/privacy_json.h"
#include "store/privacy.h"
#include "util/date.h"

static const unsigned PEOPLE_ADMINS = ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR);

/* The audit entry of the caller, for a write's own transaction. */
static void caller_entry(const struct http_ctx *cx, struct audit_entry *e)
{
	*e = (struct audit_entry){ .actor = cx->req->caller->user,
				   .address = cx->req->address };
}

/* Whether the caller is the person key (a user or token linked to them). */
static bool is_self(const struct http_ctx *cx, const char *key)
{
	const struct http_caller *c = cx->req->caller;

	return c != NULL && c->person[0] != '\0' && strcmp(c->person, key) == 0;
}

/* Writes the export of key into a temporary file and makes it the
 * response; 0, or -1 with the response set. */
static int write_export(struct http_ctx *cx, struct store *st, const char *key)
{
	struct privacy_export_opts o = { !http_role_in(cx->req->caller, PEOPLE_ADMINS) };
	struct err err = { 0 };
	struct jw *w;
	FILE *f = response_tmpfile();
	int rc;

	if (f == NULL)
		return response_error(cx->resp, 500, "internal", NULL,
				      "cannot make a temporary file"), -1;
	w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	if (w == NULL) {
		(void)fclose(f);
		return response_error(cx->resp, 500, "internal", NULL, "out of memory"), -1;
	}
	jw_init(w, f, 0);
	rc = privacy_export_json(w, st, key, &o, &err);
	if (jw_finish(w) < 0 && rc == 0)
		rc = err_set(&err, EX_IOERR, "cannot write the document");
	buf_free(&w->out);
	free(w);
	if (rc < 0) {
		(void)fclose(f);
		return http_store_failed(cx, &err, "key"), -1;
	}
	if (response_from_file(cx->resp, f, 200, HTTP_JSON) < 0)
		return response_error(cx->resp, 500, "internal", NULL,
				      "cannot write the document"), -1;
	cx->resp->api = true;
	(void)snprintf(cx->resp->attachment, sizeof cx->resp->attachment,
		       "%.80s-privacy-export.json", key);
	return 0;
}

int handle_privacy_export(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct http_audit au = { 0 };
	struct store *st;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	if (http_visible(cx, st, ENTITY_PERSON, key, "key", &au) != 1)
		goto out;
	/* The right of access is the person's own; admin and hr answer it
	 * for anyone. A manager or coach who sees the person does not get
	 * all their data. */
	if (!http_role_in(cx->req->caller, PEOPLE_ADMINS) && !is_self(cx, key)) {
		http_forbidden(cx, "export another person's data");
		au = (struct http_audit){ "privacy.export", "person", key, key, "denied", NULL };
		goto out;
	}
	if (write_export(cx, st, key) == 0)
		au = (struct http_audit){ "privacy.export", "person", key, key, "ok", NULL };
out:
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}

/* The erasure's answer: what was removed. */
struct erased_doc {
	const char *key;
	const struct privacy_erased *x;
};

static void fill_erased(struct jw *w, const void *arg)
{
	const struct erased_doc *d = arg;

	jw_object_begin(w);
	jw_field_string(w, "erased", d->key);
	jw_field_int(w, "evidence", d->x->evidence);
	jw_field_int(w, "retracted", d->x->retractions);
	jw_field_int(w, "running_sums", d->x->sums);
	jw_field_int(w, "users", d->x->users);
	jw_field_int(w, "sessions", d->x->sessions);
	jw_field_int(w, "tokens", d->x->tokens);
	jw_field_int(w, "assessed_anonymised", d->x->assessed);
	jw_field_int(w, "reports_unlinked", d->x->reports);
	jw_field_int(w, "objectives_unlinked", d->x->objectives);
	jw_object_end(w);
}

/* Checks the erasure's body {"confirm": KEY}: 0, or -1 with a 400 (422
 * when the key repeated is another) naming the field. */
static int confirm_body(struct http_ctx *cx, const char *key)
{
	json_t *body = http_json_body(cx), *v;
	const char *name;
	int rc = -1;

	if (body == NULL)
		return -1;
	if (!json_is_object(body)) {
		response_error(cx->resp, 400, "wrong_type", NULL, "send {\"confirm\": \"%.100s\"}", key);
		goto out;
	}
	json_object_foreach(body, name, v) {
		if (strcmp(name, "confirm") != 0) {
			response_error(cx->resp, 400, "unknown_field", name,
				       "an erasure has only confirm, not %.60s", name);
			goto out;
		}
	}
	v = json_object_get(body, "confirm");
	if (v == NULL)
		response_error(cx->resp, 400, "missing_field", "confirm",
			       "give confirm: the person's id again, \"%.100s\"", key);
	else if (!json_is_string(v))
		response_error(cx->resp, 400, "wrong_type", "confirm", "confirm is a string");
	else if (strcmp(json_string_value(v), key) != 0)
		response_error(cx->resp, 422, "confirm_mismatch", "confirm",
			       "confirm must repeat the id in the path, \"%.100s\"", key);
	else
		rc = 0;
out:
	json_decref(body);
	return rc;
}

int handle_privacy_erasure(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct http_audit au = { 0 };
	struct privacy_erased x;
	struct audit_entry by;
	struct err err = { 0 };
	struct store *st;
	int visible;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	visible = http_visible(cx, st, ENTITY_PERSON, key, "key", &au);
	store_rollback(st);
	if (visible != 1)
		return http_audit_write(cx, st, &au);
	if (!http_role_in(cx->req->caller, PEOPLE_ADMINS)) {
		http_forbidden(cx, "erase a person");
		au = (struct http_audit){ "privacy.erase", "person", key, key, "denied", NULL };
		return http_audit_write(cx, st, &au);
	}
	if (confirm_body(cx, key) < 0) {
		au = (struct http_audit){ "privacy.erase", "person", key, key, "failed",
					  "the confirmation was missing or wrong" };
		return http_audit_write(cx, st, &au);
	}
	caller_entry(cx, &by);
	if (store_privacy_erase_logged(st, key, &by, &x, &err) < 0) {
		if (err.code == EX_NOINPUT) {
			response_error(cx->resp, 404, "not_found", "key", "there is no person '%.100s'",
				       key);
			au = (struct http_audit){ "privacy.erase", "person", key, key, "failed",
						  err.msg };
			return http_audit_write(cx, st, &au);
		}
		return http_store_failed(cx, &err, NULL);
	}
	{
		struct erased_doc d = { key, &x };

		return http_json_answer(cx, 200, fill_erased, &d);
	}
}

/* The purge's answer. */
struct purged_doc {
	const struct privacy_purged *x;
	int years;
	bool dry;
};

static void fill_purged(struct jw *w, const void *arg)
{
	const struct purged_doc *d = arg;

	jw_object_begin(w);
	jw_field_bool(w, "dry_run", d->dry);
	jw_field_int(w, "retention_years", d->years);
	jw_field_date(w, "cutoff", d->x->cutoff);
	jw_field_int(w, "rows", d->x->rows);
	jw_field_int(w, "retracted", d->x->retractions);
	jw_field_int(w, "pairs", d->x->pairs);
	jw_object_end(w);
}

int handle_privacy_purge(struct http_ctx *cx)
{
	static const char *const names[] = { "dry_run" };
	const char *dry_text = http_query(cx->req, "dry_run");
	struct http_audit au = { 0 };
	struct privacy_purged x;
	struct audit_entry by;
	struct err err = { 0 };
	struct store *st;
	bool dry = false;
	int years, rc;

	if (http_only_query(cx, names, 1) < 0)
		return 0;
	if (dry_text != NULL) {
		if (strcmp(dry_text, "1") != 0 && strcmp(dry_text, "0") != 0)
			return response_error(cx->resp, 400, "bad_parameter", "dry_run",
					      "dry_run takes 1 or 0, not '%.40s'", dry_text);
		dry = dry_text[0] == '1';
	}
	st = http_store(cx, &err);
	if (st == NULL)
		return http_unavailable(cx);
	if (!http_role_in(cx->req->caller, ROLE_BIT(ROLE_ADMIN))) {
		http_forbidden(cx, "purge evidence");
		au = (struct http_audit){ "privacy.purge", "evidence", NULL, NULL, "denied", NULL };
		return http_audit_write(cx, st, &au);
	}
	/* The settings as stored now: another server may have changed them. */
	if (store_begin_read(st, &err) < 0)
		return http_store_failed(cx, &err, NULL);
	years = (int)store_settings(st)->evidence_retention_years;
	store_rollback(st);
	if (years == 0) {
		response_error(cx->resp, 409, "retention_not_set", "evidence_retention_years",
			       "evidence_retention_years is 0: evidence is kept forever; set a"
			       " retention first (PUT /api/v1/settings/evidence_retention_years)");
		if (!dry)
			au = (struct http_audit){ "privacy.purge", "evidence", NULL, NULL, "failed",
						  "evidence_retention_years is 0" };
		return http_audit_write(cx, st, &au);
	}
	if (dry) {
		if (store_begin_read(st, &err) < 0)
			return http_store_failed(cx, &err, NULL);
		rc = store_privacy_purge(st, privacy_cutoff(date_today(), years), 1, &x, &err);
		store_rollback(st);
	} else {
		caller_entry(cx, &by);
		rc = store_privacy_purge_logged(st, privacy_cutoff(date_today(), years), years, &by,
						&x, &err);
	}
	if (rc < 0)
		return http_store_failed(cx, &err, NULL);
	{
		struct purged_doc d = { &x, years, dry };

		return http_json_answer(cx, 200, fill_purged, &d);
	}
}
