/* Signing in to the server (docs/security.md, docs/api.md "Sessions"):
 * the authenticator of a server with accounts, which finds the caller
 * from an API token (Authorization: Bearer) or a session cookie, and the
 * endpoints that sign in, sign out and say who is signed in. The work is
 * auth/auth.h's; this file speaks HTTP. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>

#include "auth/auth.h"
#include "http/api.h"
#include "http/request.h"
#include "http/signin.h"
#include "util/jsonw.h"

#define SESSION_COOKIE HTTP_SESSION_COOKIE

_Static_assert((int)AUTH_ADMIN == (int)ROLE_ADMIN && (int)AUTH_HR == (int)ROLE_HR &&
	       (int)AUTH_MANAGER == (int)ROLE_MANAGER && (int)AUTH_COACH == (int)ROLE_COACH &&
	       (int)AUTH_EMPLOYEE == (int)ROLE_EMPLOYEE, "the roles of auth.h and http.h agree");

static void caller_of(const struct principal *p, bool by_cookie, struct http_caller *out)
{
	memset(out, 0, sizeof *out);
	(void)snprintf(out->user, sizeof out->user, "%s%s",
		       p->kind == PRINCIPAL_TOKEN ? "token:" : "", p->name);
	out->role = (enum http_role)p->role;
	(void)snprintf(out->person, sizeof out->person, "%s", p->person);
	out->person_id = p->person_id;
	for (size_t i = 0; i < p->nteams && i < HTTP_TEAMS_MAX; i++) {
		(void)snprintf(out->teams[i], sizeof out->teams[i], "%s", p->teams[i]);
		out->nteams++;
	}
	out->by_cookie = by_cookie;
}

const char *http_cookie_value(const char *header, const char *name, char *out, size_t n)
{
	size_t len = strlen(name);

	for (const char *s = header; s != NULL && *s != '\0';) {
		while (*s == ' ' || *s == ';')
			s++;
		if (strncmp(s, name, len) == 0 && s[len] == '=') {
			const char *v = s + len + 1;
			size_t k = strcspn(v, ";");

			if (k >= n)
				return NULL;
			memcpy(out, v, k);
			out[k] = '\0';
			return out;
		}
		s = strchr(s, ';');
	}
	return NULL;
}

int http_authenticate_accounts(const struct server_config *cfg, const struct http_request *req,
			       struct http_caller *out)
{
	struct err err = { 0 };
	struct store *st = http_thread_store(cfg->db, &err);
	char token[AUTH_TOKEN_MAX];
	int rc;

	if (st == NULL)
		return -1;
	if (req->authorization != NULL) {
		struct principal p;

		/* A token is tried even when a cookie came too: the
		 * integration that sent it means it. */
		if (strncasecmp(req->authorization, "Bearer ", 7) != 0)
			return 0;
		rc = auth_bearer(st, req->authorization + 7, req->address, (int64_t)time(NULL), &p,
				 &err);
		if (rc == 1)
			caller_of(&p, false, out);
		return rc;
	}
	if (http_cookie_value(req->cookie, SESSION_COOKIE, token, sizeof token) != NULL) {
		struct auth_session s;

		rc = auth_session(st, token, (int64_t)time(NULL), &s, &err);
		auth_wipe(token, sizeof token);
		if (rc == 1) {
			caller_of(&s.who, true, out);
			out->csrf_ok = auth_csrf_ok(&s, req->csrf_token) == 1;
			(void)snprintf(out->csrf_hash, sizeof out->csrf_hash, "%s", s.csrf_hash);
		}
		return rc;
	}
	return 0;
}

/* The caller's user, role, person and teams. */
static void write_me(struct jw *w, const struct http_caller *c, const char *csrf)
{
	bool token = strncmp(c->user, "token:", 6) == 0;

	jw_object_begin(w);
	if (csrf != NULL)
		jw_field_string(w, "csrf_token", csrf);
	jw_field_string(w, "user", token ? c->user + 6 : c->user);
	jw_field_string(w, "kind", token ? "token" : "user");
	jw_field_string(w, "role", auth_role_name((enum auth_role)c->role));
	jw_field_string(w, "person", c->person[0] != '\0' ? c->person : NULL);
	jw_key(w, "teams");
	jw_array_begin(w);
	for (size_t i = 0; i < c->nteams; i++)
		jw_string(w, c->teams[i]);
	jw_array_end(w);
	jw_object_end(w);
}

struct signed_in {
	const struct http_caller *caller;
	const char *csrf;
};

static void fill_me(struct jw *w, const void *arg)
{
	const struct signed_in *s = arg;

	write_me(w, s->caller, s->csrf);
}

int handle_me(struct http_ctx *cx)
{
	struct signed_in s = { cx->req->caller, NULL };

	return http_json_answer(cx, 200, fill_me, &s);
}

/* The string field name of object o into *out: 0, or -1 with a 400
 * naming it. */
static int string_field(struct http_ctx *cx, json_t *o, const char *name, const char **out)
{
	json_t *v = json_object_get(o, name);

	if (v == NULL)
		return response_error(cx->resp, 400, "missing_field", name, "give %s", name), -1;
	if (!json_is_string(v))
		return response_error(cx->resp, 400, "wrong_type", name, "%s is a string", name), -1;
	*out = json_string_value(v);
	return 0;
}

/* Whether the session cookie must be Secure: under HTTPS, or behind a
 * proxy that terminates it (the setting session.secure_cookie). */
static bool secure_cookie(const struct http_ctx *cx, struct store *st)
{
	return cx->cfg->tls_cert != NULL || store_settings(st)->session_secure_cookie >= 1;
}

int handle_session_create(struct http_ctx *cx)
{
	json_t *body = http_json_body(cx);
	const char *user = NULL, *password = NULL, *key;
	struct auth_login login;
	struct http_caller c;
	struct err err = { 0 };
	struct store *st;
	int64_t retry = 0;
	json_t *v;
	int rc;

	if (body == NULL)
		return 0;
	if (!json_is_object(body)) {
		json_decref(body);
		return response_error(cx->resp, 400, "wrong_type", NULL,
				      "send {\"user\": ..., \"password\": ...}");
	}
	json_object_foreach(body, key, v) {
		if (strcmp(key, "user") != 0 && strcmp(key, "password") != 0) {
			response_error(cx->resp, 400, "unknown_field", key,
				       "a sign-in has only user and password, not %.60s", key);
			json_decref(body);
			return 0;
		}
	}
	if (string_field(cx, body, "user", &user) < 0 ||
	    string_field(cx, body, "password", &password) < 0) {
		json_decref(body);
		return 0;
	}
	st = http_store(cx, &err);
	rc = st == NULL ? -1 :
	     auth_login(st, cx->cfg->auth_ctx, user, password, cx->req->address, (int64_t)time(NULL),
			&login, &retry, &err);
	json_decref(body);
	if (rc < 0)
		return http_store_failed(cx, &err, NULL);
	if (rc == AUTH_THROTTLED) {
		response_error(cx->resp, 429, "too_many_attempts", NULL,
			       "too many failed sign-ins; try again in %lld s", (long long)retry);
		cx->resp->retry_after = (long)retry;    /* after: the error resets it */
		return 0;
	}
	if (rc == AUTH_REFUSED)
		return response_error(cx->resp, 401, "bad_credentials", NULL,
				      "the user name or the password is wrong");
	caller_of(&login.who, true, &c);
	rc = http_json_answer(cx, 200, fill_me, &(struct signed_in){ &c, login.csrf_token });
	http_signin_cookies(cx, st, &login);
	auth_wipe(&login, sizeof login);
	return rc;
}

void http_signin_cookies(const struct http_ctx *cx, struct store *st, const struct auth_login *l)
{
	const char *secure = secure_cookie(cx, st) ? "; Secure" : "";

	/* HttpOnly: no script reads it; SameSite=Strict: no other site's
	 * page sends it; no Max-Age: it ends with the browser, the server
	 * ends it sooner (session.idle_minutes, session.lifetime_hours). */
	(void)snprintf(cx->resp->set_cookie, sizeof cx->resp->set_cookie,
		       SESSION_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s",
		       l->session_token, secure);
	/* The CSRF token for the pages' forms: the store keeps only its
	 * hash, so the browser keeps the token, as the session's. A form's
	 * csrf_token is checked against the session's hash, never against
	 * this cookie: another site can neither read nor guess it. */
	(void)snprintf(cx->resp->set_cookie_more[0], sizeof cx->resp->set_cookie_more[0],
		       HTTP_CSRF_COOKIE "=%s; Path=/; HttpOnly; SameSite=Strict%s",
		       l->csrf_token, secure);
}

void http_signout_cookies(const struct http_ctx *cx, struct store *st)
{
	const char *secure = secure_cookie(cx, st) ? "; Secure" : "";

	(void)snprintf(cx->resp->set_cookie, sizeof cx->resp->set_cookie,
		       SESSION_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s", secure);
	(void)snprintf(cx->resp->set_cookie_more[0], sizeof cx->resp->set_cookie_more[0],
		       HTTP_CSRF_COOKIE "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0%s", secure);
}

static void fill_signed_out(struct jw *w, const void *arg)
{
	(void)arg;
	jw_object_begin(w);
	jw_field_bool(w, "signed_out", 1);
	jw_object_end(w);
}

int handle_session_delete(struct http_ctx *cx)
{
	char token[AUTH_TOKEN_MAX];
	struct err err = { 0 };
	struct store *st;
	int rc;

	if (!cx->req->caller->by_cookie ||
	    http_cookie_value(cx->req->cookie, SESSION_COOKIE, token, sizeof token) == NULL)
		return response_error(cx->resp, 400, "no_session", NULL,
				      "an API token has no session to end; 'compgap token revoke'"
				      " ends the token");
	st = http_store(cx, &err);
	rc = st == NULL ? -1 :
	     auth_logout(st, token, cx->req->address, (int64_t)time(NULL), &err);
	auth_wipe(token, sizeof token);
	if (rc < 0)
		return http_store_failed(cx, &err, NULL);
	rc = http_json_answer(cx, 200, fill_signed_out, NULL);
	http_signout_cookies(cx, st);
	return rc;
}
