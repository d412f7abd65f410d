/* GET /api/v1/settings and PUT /api/v1/settings/{key}: the method's
 * settings for admins, read and changed by the command line's own code
 * (io/json_settings.h, store_set_setting): the same document as `compgap
 * config --json`, the same checks and messages as `compgap config set`,
 * the same rebuild of the running sums after a half-life or a source
 * weight. A change and its audit entry are one transaction. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/settings.h"
#include "http/api.h"
#include "http/request.h"
#include "http/settings.h"
#include "io/json_settings.h"

/* A change being made over the API. */
struct change {
	struct store *st;
	struct http_setting_change c;
};

bool http_settings_allowed(const struct http_caller *caller)
{
	return http_role_in(caller, ROLE_BIT(ROLE_ADMIN));
}

/* Whether the caller is an admin; else 403, and the refusal logged as
 * action. */
static bool admin_only(struct http_ctx *cx, struct store *st, const char *action,
		       const char *what)
{
	const char *key = http_param(cx->req, "key");
	struct http_audit au = { action, key != NULL ? "setting" : "settings", key, NULL, "denied",
				 NULL };

	if (http_settings_allowed(cx->req->caller))
		return true;
	http_forbidden(cx, what);
	http_audit_write(cx, st, &au);
	return false;
}

static struct store *store_or_503(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);

	if (st == NULL)
		http_unavailable(cx);
	return st;
}

int handle_settings(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st;
	struct jw *w;
	int rc;

	if (http_only_query(cx, NULL, 0) < 0 || (st = store_or_503(cx)) == NULL)
		return 0;
	if (!admin_only(cx, st, "read", "read the settings"))
		return 0;
	w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	if (w == NULL)
		return response_error(cx->resp, 500, "internal", NULL, "out of memory");
	jw_init(w, NULL, HTTP_SMALL_MAX);
	rc = store_begin_read(st, &err);
	if (rc == 0) {
		rc = json_settings(w, st, &err);
		store_rollback(st);
	}
	if (rc < 0 || jw_finish(w) < 0) {
		buf_free(&w->out);
		free(w);
		if (rc < 0)
			return http_store_failed(cx, &err, NULL);
		return response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	}
	buf_free(&cx->resp->body);
	cx->resp->body = w->out;
	cx->resp->status = 200;
	cx->resp->content_type = HTTP_JSON;
	cx->resp->api = true;
	free(w);
	return 0;    /* settings are no one's personal data: not logged as a read */
}

/* The value of the body {"value": NUMBER} as text into ch->value: 0, or
 * -1 with a 400 naming the field. */
static int parse_value(struct http_ctx *cx, struct change *ch)
{
	json_t *body = http_json_body(cx);
	const char *key;
	json_t *v;
	int rc = -1;

	if (body == NULL)
		return -1;
	if (!json_is_object(body)) {
		response_error(cx->resp, 400, "wrong_type", NULL, "send {\"value\": NUMBER}");
		goto out;
	}
	json_object_foreach(body, key, v) {
		if (strcmp(key, "value") != 0) {
			response_error(cx->resp, 400, "unknown_field", key,
				       "unknown field '%.60s'; a setting's body has only value", key);
			goto out;
		}
	}
	v = json_object_get(body, "value");
	if (v == NULL) {
		response_error(cx->resp, 400, "missing_field", "value", "give value: a number");
		goto out;
	}
	if (json_is_integer(v))
		(void)snprintf(ch->c.value, sizeof ch->c.value, "%" JSON_INTEGER_FORMAT,
			       json_integer_value(v));
	else if (json_is_real(v))
		(void)snprintf(ch->c.value, sizeof ch->c.value, "%.17g", json_real_value(v));
	else {
		response_error(cx->resp, 400, "wrong_type", "value", "value is a number");
		goto out;
	}
	rc = 0;
out:
	json_decref(body);
	return rc;
}

/* The work of http_settings_store's transaction. */
struct store_work {
	const struct http_ctx *cx;
	struct http_setting_change *ch;
	size_t n;
};

static int store_changes(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct store_work *w = ctx;
	const char *keys[64], *values[64];

	(void)attempt;    /* everything below starts over on a retry */
	for (size_t i = 0; i < w->n; i++) {
		keys[i] = w->ch[i].info->key;
		values[i] = w->ch[i].value;
		w->ch[i].before = settings_get(store_settings(st), w->ch[i].info);
	}
	if (store_set_settings(st, keys, values, w->n, err) < 0)
		return -1;
	for (size_t i = 0; i < w->n; i++) {
		struct http_setting_change *c = &w->ch[i];
		struct http_audit au = { "setting.set", "setting", c->info->key, NULL, "ok",
					 c->detail };

		c->after = settings_get(store_settings(st), c->info);
		(void)snprintf(c->detail, sizeof c->detail, "%g -> %g", c->before, c->after);
		if (http_audit_in(w->cx, st, &au, err) < 0)
			return -1;
	}
	return 0;
}

int http_settings_store(const struct http_ctx *cx, struct store *st,
			struct http_setting_change *ch, size_t n, struct err *err)
{
	struct store_work w = { cx, ch, n };
	struct settings scratch;
	size_t refused = 0;

	if (n > 64)
		return err_set(err, EX_SOFTWARE, "at most 64 settings at once");
	/* Every value checked before anything is written, so that each
	 * refusal is named and none costs a rebuild of the running sums. */
	settings_default(&scratch);
	for (size_t i = 0; i < n; i++) {
		ch[i].refused[0] = '\0';
		if (settings_set(&scratch, ch[i].info, ch[i].value, ch[i].refused,
				 sizeof ch[i].refused) < 0)
			refused++;
	}
	if (refused > 0)
		return err_set(err, EX_DATAERR, "%zu of %zu values refused", refused, n);
	if (store_transact(st, store_changes, &w, err) == 0)
		return 0;
	if (err->code == EX_DATAERR && n > 0)    /* the store's own check, the same as above */
		(void)snprintf(ch[0].refused, sizeof ch[0].refused, "%.250s", err->msg);
	return -1;
}

int http_settings_log_refused(struct http_ctx *cx, struct store *st,
			      struct http_setting_change *ch, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct http_audit au = { "setting.set", "setting", ch[i].info->key, NULL, "failed",
					 ch[i].detail };

		if (ch[i].refused[0] == '\0')
			continue;
		(void)snprintf(ch[i].detail, sizeof ch[i].detail, "refused %.60s: %.150s",
			       ch[i].value, ch[i].refused);
		http_audit_write(cx, st, &au);
		if (cx->resp->status == 503)
			break;
	}
	return 0;
}

static void fill_changed(struct jw *w, const void *arg)
{
	const struct change *ch = arg;
	char msg[256];
	struct store *st = ch->st;

	settings_changed_message(st, ch->c.info->key, msg, sizeof msg);
	jw_object_begin(w);
	jw_field_string(w, "key", ch->c.info->key);
	jw_field_real(w, "value", settings_get(store_settings(st), ch->c.info));
	jw_field_bool(w, "rebuilt_sums", ch->c.info->affects_sums);
	jw_field_string(w, "message", msg);
	jw_object_end(w);
}

int handle_setting_put(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct change ch = { 0 };
	struct err err = { 0 };
	struct store *st;
	char msg[256];

	if (http_only_query(cx, NULL, 0) < 0 || (st = store_or_503(cx)) == NULL)
		return 0;
	if (!admin_only(cx, st, "setting.set", "change the settings"))
		return 0;
	ch.c.info = settings_find(key);
	if (ch.c.info == NULL) {
		settings_unknown_message(key, "GET /api/v1/settings lists them", msg, sizeof msg);
		return response_error(cx->resp, 404, "not_found", "key", "%s", msg);
	}
	if (parse_value(cx, &ch) < 0)
		return 0;
	ch.st = st;
	if (http_settings_store(cx, st, &ch.c, 1, &err) == 0)
		return http_json_answer(cx, 200, fill_changed, &ch);
	if (err.code != EX_DATAERR)
		return http_store_failed(cx, &err, NULL);
	response_error(cx->resp, 422, "invalid_value", "value", "%s", ch.c.refused);
	return http_settings_log_refused(cx, st, &ch.c, 1);
}
