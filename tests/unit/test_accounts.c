/* Accounts in the store, on the engine $COMPGAP_TEST_PG chooses (see
 * test_store.c): users and tokens, logins with the same refusal for a
 * wrong password and an unknown user, the rehash on login, sessions and
 * their idle and absolute expiry with an injected clock, CSRF, logout,
 * disabling that ends sessions, bearer tokens and revocation, the
 * throttle in a login, and the audit log and its filters. */
#include "testutil.h"

#include <libpq-fe.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "auth/auth.h"
#include "store/store.h"
#include "store_fixture.h"

#define PASSWORD "correct horse battery"
#define T0 INT64_C(1800000000)       /* 2027-01-15T08:00:00Z */

struct fixture {
	char dir[64];
	char db[64];
	char path[512];
	struct store *st;
	struct auth_actor by;
};

static int drop_pg(const char *db)
{
	char sql[160];

	(void)snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", db);
	return pg_admin(sql);
}

/* A fresh database with teams kcc > kcc-phone, people p1 (in kcc-phone,
 * managed by p2) and p2, and a user anna (hr) and jan (employee p1). */
static int setup(void **state)
{
	static unsigned counter;
	struct fixture *f = calloc(1, sizeof *f);
	const struct team teams[] = { { "kcc", "KCC", NULL, 0 }, { "kcc-phone", "Phone", "kcc", 0 } };
	const struct person people[] = {
		{ "p2", "Petra", NULL, "kcc", NULL, NULL, true, 0 },
		{ "p1", "Jan", NULL, "kcc-phone", NULL, "p2", true, 0 },
	};
	const char *phone[] = { "kcc-phone" };
	struct auth_account_spec anna = { "anna", AUTH_HR, NULL, NULL, 0 };
	struct auth_account_spec jan = { "jan", AUTH_EMPLOYEE, "p1", phone, 1 };
	struct err err = { 0 };

	if (f == NULL)
		return -1;
	*state = f;
	if (pg_server() != NULL) {
		(void)snprintf(f->db, sizeof f->db, "a_%ld_%u", (long)getpid(), ++counter);
		(void)snprintf(f->path, sizeof f->path, "%s dbname=%s", pg_server(), f->db);
		if (drop_pg(f->db) < 0)
			return -1;
	} else {
		(void)snprintf(f->dir, sizeof f->dir, "/tmp/compgap-accounts-XXXXXX");
		if (mkdtemp(f->dir) == NULL)
			return -1;
		(void)snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	}
	if (store_open(f->path, STORE_CREATE, &f->st, &err) < 0 || store_begin(f->st, &err) < 0)
		goto fail;
	for (size_t i = 0; i < 2; i++)
		if (store_put_team(f->st, &teams[i], &err) < 0)
			goto fail;
	for (size_t i = 0; i < 2; i++)
		if (store_put_person(f->st, &people[i], &err) < 0)
			goto fail;
	if (store_commit(f->st, &err) < 0)
		goto fail;
	f->by = (struct auth_actor){ "cli:test", NULL, T0 - 3600 };
	if (auth_user_add(f->st, &f->by, &anna, PASSWORD, &err) < 0 ||
	    auth_user_add(f->st, &f->by, &jan, "kaffekopp med grädde", &err) < 0)
		goto fail;
	return 0;
fail:
	fprintf(stderr, "setup: %s\n", err.msg);
	return -1;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[160];
	int rc = 0;

	store_close(f->st);
	if (pg_server() != NULL) {
		rc = drop_pg(f->db);
	} else {
		(void)snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
		rc = system(cmd) == 0 ? 0 : -1;
	}
	free(f);
	return rc;
}

/* ---- the audit log, as the tests read it ---- */

struct entries {
	char lines[64][256];   /* "actor action kind key person outcome detail" */
	int n;
};

static int keep_entry(void *ctx, const struct audit_entry *e)
{
	struct entries *x = ctx;

	if (x->n < 64)
		(void)snprintf(x->lines[x->n++], sizeof x->lines[0], "%s %s %s %s %s %s %s", e->actor,
			       e->action, e->object_kind ? e->object_kind : "-",
			       e->object_key ? e->object_key : "-", e->person ? e->person : "-",
			       e->outcome, e->detail ? e->detail : "-");
	return 0;
}

static struct entries *audit_of(struct store *st, const struct audit_filter *f)
{
	static struct entries x;
	struct err err = { 0 };

	memset(&x, 0, sizeof x);
	assert_int_equal(store_each_audit(st, f, keep_entry, &x, &err), 0);
	return &x;
}

static const char *last_entry(struct store *st)
{
	struct entries *x = audit_of(st, NULL);

	assert_true(x->n > 0);
	return x->lines[x->n - 1];
}

/* ---- users ---- */

static void test_user_stored(void **state)
{
	struct fixture *f = *state;
	struct store_account u;
	struct arena a;
	struct err err = { 0 };
	struct auth_account_spec dup = { "anna", AUTH_ADMIN, NULL, NULL, 0 };
	struct auth_account_spec nobody = { "kees", AUTH_EMPLOYEE, "p9", NULL, 0 };
	const char *teams[] = { "kcc-phone", "kcc-chat" };
	struct auth_account_spec coach = { "coby", AUTH_COACH, NULL, teams, 2 };

	arena_init(&a, 1 << 20);
	assert_int_equal(store_user_get(f->st, "jan", &a, &u, &err), 1);
	assert_string_equal(u.name, "jan");
	assert_string_equal(u.role, "employee");
	assert_string_equal(u.person, "p1");
	assert_string_equal(u.teams, "kcc-phone");
	assert_int_equal(u.disabled, 0);
	assert_memory_equal(u.password_hash, "$argon2id$", 10);
	assert_string_equal(u.created_at, "2027-01-15T07:00:00Z");
	assert_int_equal(store_user_get(f->st, "nobody", &a, &u, &err), 0);
	arena_free(&a);

	assert_int_equal(auth_user_add(f->st, &f->by, &dup, PASSWORD, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_string_equal(err.msg, "a user named 'anna' exists already");
	assert_int_equal(auth_user_add(f->st, &f->by, &nobody, PASSWORD, &err), -1);
	assert_non_null(strstr(err.msg, "unknown person 'p9'"));
	assert_int_equal(auth_user_add(f->st, &f->by, &coach, PASSWORD, &err), -1);
	assert_non_null(strstr(err.msg, "unknown team 'kcc-chat'"));
	teams[1] = "kcc";
	assert_int_equal(auth_user_add(f->st, &f->by, &coach, "welkom2024!!", &err), -1);
	assert_non_null(strstr(err.msg, "common words"));
	assert_string_equal(last_entry(f->st),
			    "cli:test user.add user coby - failed the password is made of common words,"
			    " names or keyboard runs with only digits or symbols around them");
	assert_int_equal(auth_user_add(f->st, &f->by, &coach, PASSWORD, &err), 0);
	arena_init(&a, 1 << 20);
	assert_int_equal(store_user_get(f->st, "coby", &a, &u, &err), 1);
	assert_string_equal(u.teams, "kcc\x1f" "kcc-phone");
	assert_null(u.person);
	arena_free(&a);
	assert_string_equal(last_entry(f->st),
			    "cli:test user.add user coby - ok role coach, teams kcc-phone,kcc");
}

/* ---- logins ---- */

static void test_login(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait;

	assert_int_equal(auth_login(f->st, NULL, "jan", "kaffekopp med grädde", "10.0.0.9", T0, &in,
				    &wait, &err), 0);
	assert_string_equal(in.who.name, "jan");
	assert_int_equal(in.who.role, AUTH_EMPLOYEE);
	assert_string_equal(in.who.person, "p1");
	assert_true(in.who.person_id > 0);
	assert_int_equal(in.who.nteams, 1);
	assert_string_equal(in.who.teams[0], "kcc-phone");
	assert_true(auth_token_well_formed(in.session_token, AUTH_SESSION_PREFIX));
	assert_true(auth_token_well_formed(in.csrf_token, AUTH_CSRF_PREFIX));
	assert_string_equal(last_entry(f->st), "jan login user jan p1 ok -");

	assert_int_equal(auth_session(f->st, in.session_token, T0 + 5, &s, &err), 1);
	assert_string_equal(s.who.name, "jan");
	assert_int_equal(s.who.kind, PRINCIPAL_USER);
	assert_true(auth_csrf_ok(&s, in.csrf_token));
	assert_false(auth_csrf_ok(&s, NULL));
	assert_false(auth_csrf_ok(&s, in.session_token));
	{
		char other[AUTH_TOKEN_MAX];

		assert_int_equal(auth_token_new(AUTH_CSRF_PREFIX, other), 0);
		assert_false(auth_csrf_ok(&s, other));
	}
	/* the store holds hashes, never the tokens */
	assert_int_equal(auth_session(f->st, "cgs_nonsense", T0, &s, &err), 0);

	/* a new token at every login */
	{
		struct auth_login again;

		assert_int_equal(auth_login(f->st, NULL, "jan", "kaffekopp med grädde", "10.0.0.9",
					    T0 + 10, &again, &wait, &err), 0);
		assert_string_not_equal(again.session_token, in.session_token);
		assert_string_not_equal(again.csrf_token, in.csrf_token);
	}
}

/* Wrong password, unknown user, disabled user: one answer, and each in
 * the audit log with what it really was. */
static void test_login_refused_alike(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct err err = { 0 };
	struct entries *x;
	int64_t wait;

	assert_int_equal(auth_login(f->st, NULL, "anna", "not her password", "10.0.0.9", T0, &in,
				    &wait, &err), AUTH_REFUSED);
	assert_string_equal(in.session_token, "");
	assert_int_equal(auth_login(f->st, NULL, "annb", PASSWORD, "10.0.0.9", T0, &in, &wait,
				    &err), AUTH_REFUSED);
	assert_int_equal(auth_user_disable(f->st, &f->by, "anna", 1, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, "10.0.0.9", T0, &in, &wait,
				    &err), AUTH_REFUSED);
	assert_int_equal(auth_login(f->st, NULL, NULL, NULL, NULL, T0, &in, &wait, &err),
			 AUTH_REFUSED);
	x = audit_of(f->st, &(struct audit_filter){ .since = "2027-01-15T08:00:00Z" });
	assert_int_equal(x->n, 4);
	assert_string_equal(x->lines[0], "anna login user anna - failed wrong password");
	assert_string_equal(x->lines[1], "annb login user annb - failed unknown user");
	assert_string_equal(x->lines[2], "anna login user anna - failed user disabled");
	assert_string_equal(x->lines[3], " login user  - failed unknown user");
	assert_int_equal(auth_user_disable(f->st, &f->by, "anna", 0, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, "10.0.0.9", T0, &in, &wait,
				    &err), 0);
}

/* A hash made with weaker parameters is made again at login. */
static void test_login_rehashes(void **state)
{
	struct fixture *f = *state;
	const struct auth_hash_params weak = { 1, 8u << 20 };
	char hash[AUTH_HASH_MAX];
	struct store_account u;
	struct auth_login in;
	struct arena a;
	struct err err = { 0 };
	int64_t wait;

	assert_int_equal(auth_password_hash_with(&weak, PASSWORD, hash, &err), 0);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_user_set_password(f->st, "anna", hash, "2027-01-15T07:30:00Z", &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &in, &wait, &err), 0);
	arena_init(&a, 1 << 20);
	assert_int_equal(store_user_get(f->st, "anna", &a, &u, &err), 1);
	assert_string_not_equal(u.password_hash, hash);
	assert_int_equal(auth_password_needs_rehash(u.password_hash), 0);
	assert_int_equal(auth_password_verify(u.password_hash, PASSWORD, &err), 1);
	assert_string_equal(u.changed_at, "2027-01-15T08:00:00Z");
	arena_free(&a);
	assert_string_equal(last_entry(f->st),
			    "anna login user anna - ok password hashed again with stronger parameters");
	/* and not again */
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0 + 1, &in, &wait, &err), 0);
	assert_string_equal(last_entry(f->st), "anna login user anna - ok -");
}

/* ---- sessions ---- */

static void test_session_idle(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait;

	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &in, &wait, &err), 0);
	/* used after 29 minutes: last seen then */
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 29 * 60, &s, &err), 1);
	/* 30 minutes after that use, still there; a second later, gone */
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 59 * 60, &s, &err), 1);
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 89 * 60 + 1, &s, &err), 0);
	/* and deleted: no later time brings it back */
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 60, &s, &err), 0);
}

static void test_session_idle_setting(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait;

	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_set_setting(f->st, "session.idle_minutes", "5", &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &in, &wait, &err), 0);
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 300, &s, &err), 1);
	/* touched at T0 + 300 */
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 601, &s, &err), 0);
}

/* Within the minute the last use is not written: the idle time counts
 * from the last write, and expires at most a minute early. */
static void test_session_touch_granularity(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait;

	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &in, &wait, &err), 0);
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 59, &s, &err), 1);
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 30 * 60 + 1, &s, &err), 0);
}

static void test_session_lifetime(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait, t;

	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &in, &wait, &err), 0);
	/* used every 20 minutes, it lives 8 hours and no longer */
	for (t = T0 + 20 * 60; t <= T0 + 8 * 3600; t += 20 * 60)
		assert_int_equal(auth_session(f->st, in.session_token, t, &s, &err), 1);
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 8 * 3600 + 1, &s, &err), 0);
}

static void test_disable_ends_sessions(void **state)
{
	struct fixture *f = *state;
	struct auth_login one, two;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait, n;

	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &one, &wait, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &two, &wait, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "jan", "kaffekopp med grädde", NULL, T0, &two,
				    &wait, &err), 0);
	assert_int_equal(store_session_count(f->st, "anna", &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(auth_user_disable(f->st, &f->by, "anna", 1, &err), 0);
	assert_int_equal(store_session_count(f->st, "anna", &n, &err), 0);
	assert_int_equal(n, 0);
	assert_int_equal(auth_session(f->st, one.session_token, T0 + 1, &s, &err), 0);
	/* jan's is untouched */
	assert_int_equal(auth_session(f->st, two.session_token, T0 + 1, &s, &err), 1);
	assert_string_equal(last_entry(f->st), "cli:test user.disable user anna - ok all sessions ended");
	assert_int_equal(auth_user_disable(f->st, &f->by, "nobody", 1, &err), -1);
	assert_string_equal(err.msg, "no user named 'nobody'; 'compgap user list' lists them");
}

static void test_logout(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait;

	assert_int_equal(auth_login(f->st, NULL, "jan", "kaffekopp med grädde", "10.1.1.1", T0, &in,
				    &wait, &err), 0);
	assert_int_equal(auth_logout(f->st, in.session_token, "10.1.1.1", T0 + 9, &err), 1);
	assert_int_equal(auth_session(f->st, in.session_token, T0 + 10, &s, &err), 0);
	assert_int_equal(auth_logout(f->st, in.session_token, "10.1.1.1", T0 + 11, &err), 0);
	assert_string_equal(last_entry(f->st), "jan logout user jan p1 ok -");
}

static void test_remove_keeps_audit(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct store_account u;
	struct arena a;
	struct err err = { 0 };
	struct entries *x;
	int64_t wait;

	assert_int_equal(auth_login(f->st, NULL, "jan", "kaffekopp med grädde", NULL, T0, &in, &wait,
				    &err), 0);
	assert_int_equal(auth_user_remove(f->st, &f->by, "jan", &err), 0);
	arena_init(&a, 1 << 20);
	assert_int_equal(store_user_get(f->st, "jan", &a, &u, &err), 0);
	arena_free(&a);
	x = audit_of(f->st, &(struct audit_filter){ .user = "jan" });
	assert_int_equal(x->n, 3);
	assert_string_equal(x->lines[0], "cli:test user.add user jan p1 ok role employee, teams kcc-phone");
	assert_string_equal(x->lines[1], "jan login user jan p1 ok -");
	assert_string_equal(x->lines[2], "cli:test user.remove user jan p1 ok -");
	assert_int_equal(auth_user_remove(f->st, &f->by, "jan", &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
}

static void test_passwd(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct err err = { 0 };
	int64_t wait;

	assert_int_equal(auth_user_passwd(f->st, &f->by, "anna", "anna-has-a-new-one", &err), -1);
	assert_non_null(strstr(err.msg, "the user's name"));
	assert_int_equal(auth_user_passwd(f->st, &f->by, "anna", "fiets over de dijk", &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &in, &wait, &err),
			 AUTH_REFUSED);
	assert_int_equal(auth_login(f->st, NULL, "anna", "fiets over de dijk", NULL, T0, &in, &wait,
				    &err), 0);
}

/* ---- the throttle in a login ---- */

static void test_login_throttled(void **state)
{
	struct fixture *f = *state;
	struct auth_throttle *t = auth_throttle_new();
	struct auth_login in;
	struct err err = { 0 };
	int64_t wait;

	for (int i = 0; i < THROTTLE_PAIR_FREE + 1; i++)
		assert_int_equal(auth_login(f->st, t, "anna", "guess number one", "192.0.2.66", T0, &in,
					    &wait, &err), AUTH_REFUSED);
	/* even the right password waits now, from that address ... */
	assert_int_equal(auth_login(f->st, t, "anna", PASSWORD, "192.0.2.66", T0, &in, &wait, &err),
			 AUTH_THROTTLED);
	assert_int_equal(wait, 1);
	assert_string_equal(last_entry(f->st),
			    "anna login user anna - denied throttled: may try again in 1 s");
	/* ... but not from hers */
	assert_int_equal(auth_login(f->st, t, "anna", PASSWORD, "10.0.0.9", T0, &in, &wait, &err), 0);
	assert_int_equal(auth_login(f->st, t, "anna", PASSWORD, "192.0.2.66", T0 + 1, &in, &wait,
				    &err), 0);
	auth_throttle_free(t);
}

/* ---- tokens ---- */

static void test_tokens(void **state)
{
	struct fixture *f = *state;
	const char *teams[] = { "kcc" };
	struct auth_account_spec spec = { "telephony", AUTH_COACH, NULL, teams, 1 };
	char token[AUTH_TOKEN_MAX], other[AUTH_TOKEN_MAX];
	struct principal p;
	struct err err = { 0 };

	assert_int_equal(auth_token_create(f->st, &f->by, &spec, token, &err), 0);
	assert_true(auth_token_well_formed(token, AUTH_API_TOKEN_PREFIX));
	assert_int_equal(auth_bearer(f->st, token, "10.2.2.2", T0, &p, &err), 1);
	assert_int_equal(p.kind, PRINCIPAL_TOKEN);
	assert_string_equal(p.name, "telephony");
	assert_int_equal(p.role, AUTH_COACH);
	assert_int_equal(p.nteams, 1);
	assert_string_equal(p.teams[0], "kcc");
	{
		char actor[80];

		auth_actor(&p, actor, sizeof actor);
		assert_string_equal(actor, "token:telephony");
	}
	assert_int_equal(auth_token_create(f->st, &f->by, &spec, other, &err), -1);
	assert_string_equal(err.msg, "a token named 'telephony' exists already");
	assert_string_equal(other, "");
	/* unknown and malformed tokens are refused and logged */
	assert_int_equal(auth_token_new(AUTH_API_TOKEN_PREFIX, other), 0);
	assert_int_equal(auth_bearer(f->st, other, "10.2.2.2", T0, &p, &err), 0);
	assert_string_equal(last_entry(f->st), "token:? token token - - denied unknown token");
	assert_int_equal(auth_bearer(f->st, "Basic abc", "10.2.2.2", T0, &p, &err), 0);
	assert_string_equal(last_entry(f->st), "token:? token token - - denied not a compgap API token");
	/* revoked */
	assert_int_equal(auth_token_revoke(f->st, &f->by, "telephony", &err), 0);
	assert_int_equal(auth_bearer(f->st, token, "10.2.2.2", T0, &p, &err), 0);
	assert_string_equal(last_entry(f->st),
			    "token:telephony token token telephony - denied revoked token");
	assert_int_equal(auth_token_revoke(f->st, &f->by, "telephony", &err), -1);
	assert_string_equal(err.msg, "token 'telephony' is revoked already");
	assert_int_equal(auth_token_revoke(f->st, &f->by, "nope", &err), -1);
	assert_string_equal(err.msg, "no token named 'nope'; 'compgap token list' lists them");
}

/* ---- the audit log ---- */

static void test_audit_filters(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct entries *x;
	struct audit_entry e = { 0 };
	int64_t first_id = 0;

	e.actor = "anna";
	e.action = "read";
	e.object_kind = "person";
	e.object_key = "p1";
	e.person = "p1";
	e.address = "10.0.0.9";
	e.outcome = "ok";
	e.at = "2027-02-01T09:00:00Z";
	assert_int_equal(auth_audit(f->st, T0, &e, &err), 0);
	e.at = NULL;   /* now: T0 */
	e.person = "p2";
	e.object_key = "p2";
	e.actor = "token:telephony";
	assert_int_equal(auth_audit(f->st, T0, &e, &err), 0);

	x = audit_of(f->st, &(struct audit_filter){ .person = "p1" });
	assert_int_equal(x->n, 2);
	assert_string_equal(x->lines[0], "cli:test user.add user jan p1 ok role employee, teams kcc-phone");
	assert_string_equal(x->lines[1], "anna read person p1 p1 ok -");
	x = audit_of(f->st, &(struct audit_filter){ .user = "token:telephony" });
	assert_int_equal(x->n, 1);
	assert_string_equal(x->lines[0], "token:telephony read person p2 p2 ok -");
	/* anna's own actions and those on user anna */
	x = audit_of(f->st, &(struct audit_filter){ .user = "anna" });
	assert_int_equal(x->n, 2);
	assert_string_equal(x->lines[0], "cli:test user.add user anna - ok role hr");
	x = audit_of(f->st, &(struct audit_filter){ .since = "2027-01-16" });
	assert_int_equal(x->n, 1);
	x = audit_of(f->st, &(struct audit_filter){ .since = "2027-01-15", .person = "p2" });
	assert_int_equal(x->n, 1);
	/* paging */
	x = audit_of(f->st, &(struct audit_filter){ .limit = 1 });
	assert_int_equal(x->n, 1);
	{
		struct entries all = *audit_of(f->st, NULL);

		assert_int_equal(all.n, 4);
		first_id = 1;
		x = audit_of(f->st, &(struct audit_filter){ .after_id = first_id, .limit = 2 });
		assert_int_equal(x->n, 2);
		assert_string_equal(x->lines[0], all.lines[1]);
		assert_string_equal(x->lines[1], all.lines[2]);
	}
	/* a time is needed */
	e.actor = NULL;
	assert_int_equal(auth_audit(f->st, T0, &e, &err), -1);
	assert_int_equal(err.code, EX_SOFTWARE);
}

/* The database refuses to change an entry. */
static void test_audit_append_only(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct entries *x;

	if (pg_server() != NULL) {
		char sql[600];

		(void)snprintf(sql, sizeof sql, "UPDATE audit_log SET outcome = 'ok'");
		PGconn *pg = PQconnectdb(f->path);
		PGresult *r = PQexec(pg, sql);

		assert_int_equal(PQresultStatus(r), PGRES_FATAL_ERROR);
		assert_non_null(strstr(PQresultErrorMessage(r), "append-only"));
		PQclear(r);
		PQfinish(pg);
	} else {
		sqlite3 *db;
		char *msg = NULL;

		assert_int_equal(sqlite3_open(f->path, &db), SQLITE_OK);
		assert_int_not_equal(sqlite3_exec(db, "UPDATE audit_log SET outcome = 'x'", NULL, NULL,
						  &msg), SQLITE_OK);
		assert_non_null(msg);
		assert_non_null(strstr(msg, "append-only"));
		sqlite3_free(msg);
		sqlite3_close(db);
	}
	x = audit_of(f->st, NULL);
	assert_int_equal(x->n, 2);
	(void)err;
}

/* A new password ends the user's sessions; the one kept (a user changing
 * their own) stays. Found missing by the admin page's password reset. */
static void test_passwd_ends_sessions(void **state)
{
	struct fixture *f = *state;
	struct auth_login one, two, jan;
	struct auth_session s;
	struct err err = { 0 };
	int64_t wait, n;

	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &one, &wait, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &two, &wait, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "jan", "kaffekopp med grädde", NULL, T0, &jan,
				    &wait, &err), 0);
	assert_int_equal(auth_user_passwd_keeping(f->st, &f->by, "anna", "fiets over de dijk",
						  two.session_token, &err), 0);
	assert_int_equal(auth_session(f->st, one.session_token, T0 + 1, &s, &err), 0);
	assert_int_equal(auth_session(f->st, two.session_token, T0 + 1, &s, &err), 1);
	assert_string_equal(last_entry(f->st),
			    "cli:test user.passwd user anna - ok the other sessions ended (1)");
	assert_int_equal(auth_user_passwd(f->st, &f->by, "anna", "zeilboot op het meer", &err), 0);
	assert_int_equal(store_session_count(f->st, "anna", &n, &err), 0);
	assert_int_equal(n, 0);
	assert_string_equal(last_entry(f->st), "cli:test user.passwd user anna - ok all sessions ended (1)");
	/* jan's is untouched */
	assert_int_equal(auth_session(f->st, jan.session_token, T0 + 1, &s, &err), 1);
}

/* The last enabled admin can be neither disabled, removed nor given
 * another role; nobody disables or removes themselves. */
static void test_last_admin_kept(void **state)
{
	struct fixture *f = *state;
	struct auth_account_spec root = { "root", AUTH_ADMIN, NULL, NULL, 0 };
	struct auth_account_spec root2 = { "root2", AUTH_ADMIN, NULL, NULL, 0 };
	struct auth_account_spec demote = { "root", AUTH_HR, NULL, NULL, 0 };
	struct auth_actor self = { "root", "10.0.0.1", T0 };
	struct err err = { 0 };

	assert_int_equal(auth_user_add(f->st, &f->by, &root, PASSWORD, &err), 0);
	assert_int_equal(auth_user_disable(f->st, &f->by, "root", 1, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_string_equal(err.msg, "'root' is the last enabled admin; make another user admin first");
	assert_string_equal(last_entry(f->st), "cli:test user.disable user root - failed "
			    "'root' is the last enabled admin; make another user admin first");
	assert_int_equal(auth_user_remove(f->st, &f->by, "root", &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_int_equal(auth_user_change(f->st, &f->by, &demote, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_non_null(strstr(err.msg, "last enabled admin"));
	/* A disabled second admin does not count. */
	assert_int_equal(auth_user_add(f->st, &f->by, &root2, PASSWORD, &err), 0);
	assert_int_equal(auth_user_disable(f->st, &f->by, "root2", 1, &err), 0);
	assert_int_equal(auth_user_disable(f->st, &f->by, "root", 1, &err), -1);
	assert_int_equal(auth_user_disable(f->st, &f->by, "root2", 0, &err), 0);
	/* Oneself: never, whoever else is admin. */
	assert_int_equal(auth_user_disable(f->st, &self, "root", 1, &err), -1);
	assert_string_equal(err.msg, "you cannot disable your own account; another admin can");
	assert_int_equal(auth_user_remove(f->st, &self, "root", &err), -1);
	assert_int_equal(auth_user_change(f->st, &self, &demote, &err), -1);
	assert_string_equal(err.msg, "you cannot change your own role; another admin can");
	/* With another enabled admin, the first may go. */
	assert_int_equal(auth_user_change(f->st, &f->by, &demote, &err), 0);
	assert_int_equal(auth_user_disable(f->st, &f->by, "root2", 1, &err), -1);
	/* Disabling an hr user needs no admin left over. */
	assert_int_equal(auth_user_disable(f->st, &f->by, "anna", 1, &err), 0);
}

/* user change: role, person and teams replaced, checked as a new user's. */
static void test_user_change(void **state)
{
	struct fixture *f = *state;
	const char *teams[] = { "kcc", "kcc-phone", "kcc" };
	struct auth_account_spec coach = { "jan", AUTH_COACH, NULL, teams, 3 };
	struct auth_account_spec no_teams = { "jan", AUTH_COACH, NULL, NULL, 0 };
	struct auth_account_spec manager = { "jan", AUTH_MANAGER, "p2", NULL, 0 };
	struct auth_account_spec unknown = { "jan", AUTH_MANAGER, "p9", NULL, 0 };
	struct auth_account_spec nobody = { "kees", AUTH_HR, NULL, NULL, 0 };
	struct store_account u;
	struct arena a;
	struct err err = { 0 };

	assert_int_equal(auth_user_change(f->st, &f->by, &no_teams, &err), -1);
	assert_int_equal(err.code, EX_USAGE);
	assert_int_equal(auth_user_change(f->st, &f->by, &unknown, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_non_null(strstr(err.msg, "p9"));
	assert_int_equal(auth_user_change(f->st, &f->by, &nobody, &err), -1);
	assert_string_equal(err.msg, "no user named 'kees'; 'compgap user list' lists them");
	assert_int_equal(auth_user_change(f->st, &f->by, &coach, &err), 0);
	assert_string_equal(last_entry(f->st),
			    "cli:test user.change user jan p1 ok role coach, teams kcc,kcc-phone,kcc");
	arena_init(&a, 1 << 20);
	assert_int_equal(store_user_get(f->st, "jan", &a, &u, &err), 1);
	assert_string_equal(u.role, "coach");
	assert_null(u.person);
	assert_string_equal(u.teams, "kcc\x1f" "kcc-phone");
	arena_free(&a);
	assert_int_equal(auth_user_change(f->st, &f->by, &manager, &err), 0);
	assert_string_equal(last_entry(f->st), "cli:test user.change user jan p2 ok role manager");
	arena_init(&a, 1 << 20);
	assert_int_equal(store_user_get(f->st, "jan", &a, &u, &err), 1);
	assert_string_equal(u.role, "manager");
	assert_string_equal(u.person, "p2");
	assert_string_equal(u.teams, "");
	arena_free(&a);
}

/* The last login, from the audit log. */
static void test_last_login(void **state)
{
	struct fixture *f = *state;
	struct auth_login in;
	struct arena a;
	struct err err = { 0 };
	const char *at = "x";
	int64_t wait;

	arena_init(&a, 1 << 16);
	assert_int_equal(store_user_last_login(f->st, "anna", &a, &at, &err), 0);
	assert_null(at);
	assert_int_equal(auth_login(f->st, NULL, "anna", PASSWORD, NULL, T0, &in, &wait, &err), 0);
	assert_int_equal(auth_login(f->st, NULL, "anna", "wrong wrong wrong", NULL, T0 + 60, &in,
				    &wait, &err), AUTH_REFUSED);
	assert_int_equal(store_user_last_login(f->st, "anna", &a, &at, &err), 0);
	assert_string_equal(at, "2027-01-15T08:00:00Z");
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_user_stored, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_refused_alike, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_rehashes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_idle, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_idle_setting, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_touch_granularity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_session_lifetime, setup, teardown),
		cmocka_unit_test_setup_teardown(test_disable_ends_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_logout, setup, teardown),
		cmocka_unit_test_setup_teardown(test_remove_keeps_audit, setup, teardown),
		cmocka_unit_test_setup_teardown(test_passwd, setup, teardown),
		cmocka_unit_test_setup_teardown(test_login_throttled, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tokens, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_audit_append_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_passwd_ends_sessions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_admin_kept, setup, teardown),
		cmocka_unit_test_setup_teardown(test_user_change, setup, teardown),
		cmocka_unit_test_setup_teardown(test_last_login, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
