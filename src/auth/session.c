/* Signing in and out, sessions and bearer tokens: what the server calls
 * for each request (docs/security.md). */
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "auth/auth_int.h"

enum {
	ARENA_MAX = 1 << 20
};

int auth_audit(struct store *st, int64_t now, const struct audit_entry *e, struct err *err)
{
	struct audit_entry copy = *e;
	char at[32];

	if (copy.at == NULL) {
		auth_time_iso(now, at);
		copy.at = at;
	}
	if (store_begin_log(st, err) < 0)
		return -1;
	if (store_audit_append(st, &copy, err) < 0) {
		store_rollback(st);
		return -1;
	}
	return store_commit(st, err);
}

/* A hash of a password nobody knows, verified against when the user is
 * unknown, so that the answer takes as long as for a known user. */
static pthread_once_t dummy_once = PTHREAD_ONCE_INIT;
static char dummy_hash[AUTH_HASH_MAX];

static void make_dummy(void)
{
	char secret[AUTH_TOKEN_MAX];
	struct err err = { 0 };

	if (auth_token_new("", secret) < 0 || auth_password_hash(secret, dummy_hash, &err) < 0)
		dummy_hash[0] = '\0';
}

/* A user name as the audit log may hold it: at most AUTH_NAME_MAX bytes of
 * what was given. */
static void given_name(const char *user, char out[AUTH_NAME_MAX + 1])
{
	(void)snprintf(out, AUTH_NAME_MAX + 1, "%s", user != NULL ? user : "");
}

static int login_audit(struct store *st, int64_t now, const char *user, const char *address,
		       const char *outcome, const char *detail, struct err *err)
{
	char name[AUTH_NAME_MAX + 1];
	struct audit_entry e = { 0 };

	given_name(user, name);
	e.actor = name;
	e.action = "login";
	e.object_kind = "user";
	e.object_key = name;
	e.address = address;
	e.outcome = outcome;
	e.detail = detail;
	return auth_audit(st, now, &e, err);
}

/* What the transaction of a successful login writes. */
struct login_work {
	const struct store_account *user;
	const char *new_hash;          /* the password hashed again, or NULL */
	const char *session_hash, *csrf_hash, *address;
	int64_t now;
	char at[32];
};

static int store_login(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct login_work *w = ctx;
	const struct settings *s = store_settings(st);
	struct audit_entry e = { 0 };

	(void)attempt;
	if (w->new_hash != NULL &&
	    store_user_set_password(st, w->user->name, w->new_hash, w->at, err) < 0)
		return -1;
	if (store_session_purge(st, w->now - (int64_t)s->session_idle_minutes * 60,
				w->now - (int64_t)s->session_lifetime_hours * 3600, err) < 0 ||
	    store_session_add(st, w->session_hash, w->user->id, w->csrf_hash, w->now, w->address,
			      err) < 0)
		return -1;
	e.at = w->at;
	e.actor = w->user->name;
	e.action = "login";
	e.object_kind = "user";
	e.object_key = w->user->name;
	e.person = w->user->person;
	e.address = w->address;
	e.outcome = "ok";
	e.detail = w->new_hash != NULL ? "password hashed again with stronger parameters" : NULL;
	return store_audit_append(st, &e, err);
}

int auth_login(struct store *st, struct auth_throttle *throttle, const char *user,
	       const char *password, const char *address, int64_t now,
	       struct auth_login *out, int64_t *retry_after, struct err *err)
{
	struct store_account acct;
	struct login_work w = { 0 };
	struct arena a;
	char session_hash[AUTH_TOKEN_HASH_HEX], csrf_hash[AUTH_TOKEN_HASH_HEX];
	char new_hash[AUTH_HASH_MAX], detail[64];
	const char *why = NULL;
	int64_t wait;
	int found = 0, ok, rc = -1;

	memset(out, 0, sizeof *out);
	if (retry_after != NULL)
		*retry_after = 0;
	if (password == NULL)
		password = "";
	auth_set_max_hashes((int)store_settings(st)->login_max_hashes);
	if (throttle != NULL && (wait = auth_throttle_wait(throttle, address, user, now)) > 0) {
		if (retry_after != NULL)
			*retry_after = wait;
		(void)snprintf(detail, sizeof detail, "throttled: may try again in %lld s",
			       (long long)wait);
		if (login_audit(st, now, user, address, "denied", detail, err) < 0)
			return -1;
		return AUTH_THROTTLED;
	}
	(void)pthread_once(&dummy_once, make_dummy);
	arena_init(&a, ARENA_MAX);
	if (user != NULL && strlen(user) <= AUTH_NAME_MAX &&
	    (found = store_user_get(st, user, &a, &acct, err)) < 0)
		goto out;
	ok = auth_password_verify(found ? acct.password_hash : dummy_hash, password, err);
	if (ok < 0)
		goto out;
	if (!found)
		why = "unknown user";
	else if (!ok)
		why = "wrong password";
	else if (acct.disabled)
		why = "user disabled";
	if (why != NULL) {
		if (throttle != NULL)
			auth_throttle_failed(throttle, address, user, now);
		rc = login_audit(st, now, user, address, "failed", why, err) < 0 ? -1 : AUTH_REFUSED;
		goto out;
	}
	if (auth_principal_from(&acct, PRINCIPAL_USER, &out->who, err) < 0)
		goto out;
	/* Hashed outside the transaction: it takes a tenth of a second. */
	if (auth_password_needs_rehash(acct.password_hash)) {
		if (auth_password_hash(password, new_hash, err) < 0)
			goto out;
		w.new_hash = new_hash;
	}
	if (auth_token_new(AUTH_SESSION_PREFIX, out->session_token) < 0 ||
	    auth_token_new(AUTH_CSRF_PREFIX, out->csrf_token) < 0) {
		err_set(err, EX_SOFTWARE, "no random numbers for a session");
		goto out;
	}
	auth_token_hash(out->session_token, session_hash);
	auth_token_hash(out->csrf_token, csrf_hash);
	w.user = &acct;
	w.session_hash = session_hash;
	w.csrf_hash = csrf_hash;
	w.address = address;
	w.now = now;
	auth_time_iso(now, w.at);
	if (store_transact_log(st, store_login, &w, err) < 0)
		goto out;
	if (throttle != NULL)
		auth_throttle_succeeded(throttle, address, user);
	rc = 0;
out:
	if (rc != 0)
		memset(out, 0, sizeof *out);
	arena_free(&a);
	return rc;
}

/* Deletes an expired session, or notes a session's use. */
struct session_work {
	int64_t id, now;
	const char *token_hash;
	int expire;
};

static int store_session_change(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct session_work *w = ctx;

	(void)attempt;
	if (w->expire)
		return store_session_delete(st, w->token_hash, NULL, err);
	return store_session_touch(st, w->id, w->now, err);
}

int auth_session(struct store *st, const char *token, int64_t now, struct auth_session *out,
		 struct err *err)
{
	const struct settings *s = store_settings(st);
	struct store_session ss;
	struct session_work w = { 0 };
	char hash[AUTH_TOKEN_HASH_HEX];
	struct arena a;
	int found, rc = -1;

	memset(out, 0, sizeof *out);
	if (!auth_token_well_formed(token, AUTH_SESSION_PREFIX))
		return 0;
	auth_token_hash(token, hash);
	arena_init(&a, ARENA_MAX);
	found = store_session_get(st, hash, &a, &ss, err);
	if (found <= 0) {
		rc = found;
		goto out;
	}
	w.id = ss.id;
	w.now = now;
	w.token_hash = hash;
	w.expire = now - ss.last_seen > (int64_t)s->session_idle_minutes * 60 ||
		   now - ss.created_at > (int64_t)s->session_lifetime_hours * 3600 ||
		   ss.user.disabled;
	if ((w.expire || now - ss.last_seen >= AUTH_TOUCH_EVERY_S) &&
	    store_transact_log(st, store_session_change, &w, err) < 0)
		goto out;
	if (w.expire) {
		rc = 0;
		goto out;
	}
	if (auth_principal_from(&ss.user, PRINCIPAL_USER, &out->who, err) < 0)
		goto out;
	out->id = ss.id;
	(void)snprintf(out->csrf_hash, sizeof out->csrf_hash, "%s", ss.csrf_hash);
	rc = 1;
out:
	if (rc != 1)
		memset(out, 0, sizeof *out);
	arena_free(&a);
	return rc;
}

int auth_csrf_ok(const struct auth_session *s, const char *csrf_token)
{
	char hash[AUTH_TOKEN_HASH_HEX];

	if (!auth_token_well_formed(csrf_token, AUTH_CSRF_PREFIX) || s->csrf_hash[0] == '\0')
		return 0;
	auth_token_hash(csrf_token, hash);
	return auth_equal(hash, s->csrf_hash);
}

struct logout_work {
	const char *hash, *address, *at;
	int64_t deleted;
	struct arena *arena;
};

static int store_logout(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct logout_work *w = ctx;
	struct store_session ss;
	struct audit_entry e = { 0 };
	int found;

	(void)attempt;
	w->deleted = 0;
	found = store_session_get(st, w->hash, w->arena, &ss, err);
	if (found <= 0)
		return found;
	if (store_session_delete(st, w->hash, &w->deleted, err) < 0)
		return -1;
	e.at = w->at;
	e.actor = ss.user.name;
	e.action = "logout";
	e.object_kind = "user";
	e.object_key = ss.user.name;
	e.person = ss.user.person;
	e.address = w->address;
	e.outcome = "ok";
	return store_audit_append(st, &e, err);
}

int auth_logout(struct store *st, const char *token, const char *address, int64_t now,
		struct err *err)
{
	char hash[AUTH_TOKEN_HASH_HEX], at[32];
	struct arena a;
	struct logout_work w = { hash, address, at, 0, &a };
	int rc;

	if (!auth_token_well_formed(token, AUTH_SESSION_PREFIX))
		return 0;
	auth_token_hash(token, hash);
	auth_time_iso(now, at);
	arena_init(&a, ARENA_MAX);
	rc = store_transact_log(st, store_logout, &w, err);
	arena_free(&a);
	return rc < 0 ? -1 : w.deleted > 0;
}

int auth_bearer(struct store *st, const char *token, const char *address, int64_t now,
		struct principal *out, struct err *err)
{
	char hash[AUTH_TOKEN_HASH_HEX], actor[AUTH_NAME_MAX + 8];
	struct store_account t;
	struct audit_entry e = { 0 };
	struct arena a;
	int found, rc = -1;

	memset(out, 0, sizeof *out);
	e.action = "token";
	e.object_kind = "token";
	e.address = address;
	e.outcome = "denied";
	if (!auth_token_well_formed(token, AUTH_API_TOKEN_PREFIX)) {
		e.actor = "token:?";
		e.detail = "not a compgap API token";
		return auth_audit(st, now, &e, err) < 0 ? -1 : 0;
	}
	auth_token_hash(token, hash);
	arena_init(&a, ARENA_MAX);
	found = store_token_by_hash(st, hash, &a, &t, err);
	if (found < 0)
		goto out;
	if (found == 0 || !auth_equal(t.password_hash, hash)) {
		e.actor = "token:?";
		e.detail = "unknown token";
	} else if (t.disabled) {
		(void)snprintf(actor, sizeof actor, "token:%s", t.name);
		e.actor = actor;
		e.object_key = t.name;
		e.detail = "revoked token";
	} else {
		rc = auth_principal_from(&t, PRINCIPAL_TOKEN, out, err) < 0 ? -1 : 1;
		goto out;
	}
	rc = auth_audit(st, now, &e, err) < 0 ? -1 : 0;
out:
	if (rc != 1)
		memset(out, 0, sizeof *out);
	arena_free(&a);
	return rc;
}
