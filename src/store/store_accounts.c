/* Accounts, API tokens, sessions and the audit log on either engine: the
 * checks and the reading of rows; the SQL is in sqlite_accounts.c and
 * pg_accounts.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"

static struct acct_param P_TEXT(const char *s)
{
	return (struct acct_param){ 0, 0, s };
}

static struct acct_param P_INT(int64_t i)
{
	return (struct acct_param){ 1, i, NULL };
}

static int run(struct store *st, enum acct_stmt id, const struct acct_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return st->be->acct_run(st, id, p, np, row, ctx, changes, err);
}

static int need_tx(struct store *st, const char *doing, struct err *err)
{
	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot %s outside a transaction", doing);
	return 0;
}

static int64_t to_int(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

/* ---- reading accounts ---- */

/* Reads the columns of a user or token from cols[first..first+10). */
static void read_account(const char *const *cols, int first, struct store_account *a)
{
	const char *const *c = cols + first;

	a->id = to_int(c[0]);
	a->name = c[1];
	a->role = c[2];
	a->person_id = to_int(c[3]);
	a->person = c[4];
	a->teams = c[5] != NULL ? c[5] : "";
	a->disabled = to_int(c[6]) != 0;
	a->password_hash = c[7];
	a->created_at = c[8];
	a->changed_at = c[9];
}

/* Copies a's strings into arena ar; -1 when it is full. */
static int keep_account(struct arena *ar, struct store_account *a)
{
	const char **s[] = { &a->name, &a->role, &a->person, &a->teams, &a->password_hash,
			     &a->created_at, &a->changed_at };

	for (size_t i = 0; i < sizeof s / sizeof s[0]; i++) {
		if (*s[i] == NULL)
			continue;
		if ((*s[i] = arena_strdup(ar, *s[i])) == NULL)
			return -1;
	}
	return 0;
}

struct one_account {
	struct arena *arena;
	struct store_account *out;
	int first;       /* the column the account's begin at */
	int found;
	int oom;
};

static int take_account(void *ctx, const char *const *cols, int ncols)
{
	struct one_account *o = ctx;

	if (ncols < o->first + 10)
		return 0;
	read_account(cols, o->first, o->out);
	o->found = 1;
	if (keep_account(o->arena, o->out) < 0)
		o->oom = 1;
	return 1;
}

static int get_account(struct store *st, enum acct_stmt id, const char *key, struct arena *a,
		       struct store_account *out, struct err *err)
{
	struct acct_param p[1] = { P_TEXT(key) };
	struct one_account o = { a, out, 0, 0, 0 };

	memset(out, 0, sizeof *out);
	if (run(st, id, p, 1, take_account, &o, NULL, err) < 0)
		return -1;
	if (o.oom)
		return err_set(err, EX_OSERR, "out of memory");
	return o.found;
}

struct each_account {
	int (*cb)(void *ctx, const struct store_account *a);
	void *ctx;
};

static int visit_account(void *ctx, const char *const *cols, int ncols)
{
	struct each_account *e = ctx;
	struct store_account a;

	if (ncols < 10)
		return 0;
	read_account(cols, 0, &a);
	return e->cb(e->ctx, &a);
}

/* ---- adding users and tokens ---- */

/* The id an INSERT ... RETURNING id gives. */
static int take_id(void *ctx, const char *const *cols, int ncols)
{
	if (ncols > 0)
		*(int64_t *)ctx = to_int(cols[0]);
	return 0;
}

static int add_account(struct store *st, int token, const struct store_account_new *u,
		       int64_t *id, struct err *err)
{
	const char *what = token ? "token" : "user";
	struct acct_param p[5];
	int64_t person_id = 0, team_id, new_id = 0;
	struct arena a;
	struct store_account old;
	int rc;

	if (need_tx(st, token ? "add a token" : "add a user", err) < 0)
		return -1;
	arena_init(&a, 1 << 20);
	rc = get_account(st, token ? A_TOKEN_GET : A_USER_GET, u->name, &a, &old, err);
	arena_free(&a);
	if (rc < 0)
		return -1;
	if (rc > 0)
		return err_set(err, EX_DATAERR, "a %s named '%s' exists already", what, u->name);
	if (u->person != NULL && (store_require_key(st, ENTITY_PERSON, u->person, err) < 0 ||
				  store_lookup(st, ENTITY_PERSON, u->person, &person_id, err) < 0))
		return -1;
	for (size_t i = 0; i < u->nteams; i++)
		if (store_require_key(st, ENTITY_TEAM, u->teams[i], err) < 0)
			return -1;
	p[0] = P_TEXT(u->name);
	p[1] = P_TEXT(u->role);
	p[2] = person_id != 0 ? P_INT(person_id) : P_TEXT(NULL);
	p[3] = P_TEXT(u->hash);
	p[4] = P_TEXT(u->now);
	if (run(st, token ? A_TOKEN_ADD : A_USER_ADD, p, 5, take_id, &new_id, NULL, err) < 0)
		return -1;
	for (size_t i = 0; i < u->nteams; i++) {
		struct acct_param q[2];

		if (store_lookup(st, ENTITY_TEAM, u->teams[i], &team_id, err) < 0)
			return -1;
		q[0] = P_INT(new_id);
		q[1] = P_INT(team_id);
		/* The same team twice is one link. */
		for (size_t j = 0; j < i; j++)
			if (strcmp(u->teams[j], u->teams[i]) == 0)
				goto next;
		if (run(st, token ? A_TOKEN_TEAM_ADD : A_USER_TEAM_ADD, q, 2, NULL, NULL, NULL,
			err) < 0)
			return -1;
next:;
	}
	if (id != NULL)
		*id = new_id;
	return 0;
}

int store_user_add(struct store *st, const struct store_account_new *u, int64_t *id,
		   struct err *err)
{
	return add_account(st, 0, u, id, err);
}

int store_token_add(struct store *st, const struct store_account_new *t, int64_t *id,
		    struct err *err)
{
	return add_account(st, 1, t, id, err);
}

int store_user_get(struct store *st, const char *name, struct arena *a,
		   struct store_account *out, struct err *err)
{
	return get_account(st, A_USER_GET, name, a, out, err);
}

int store_each_user(struct store *st, int (*cb)(void *ctx, const struct store_account *u),
		    void *ctx, struct err *err)
{
	struct each_account e = { cb, ctx };

	return run(st, A_USERS, NULL, 0, visit_account, &e, NULL, err);
}

int store_each_token(struct store *st, int (*cb)(void *ctx, const struct store_account *t),
		     void *ctx, struct err *err)
{
	struct each_account e = { cb, ctx };

	return run(st, A_TOKENS, NULL, 0, visit_account, &e, NULL, err);
}

int store_token_by_hash(struct store *st, const char *hash, struct arena *a,
			struct store_account *out, struct err *err)
{
	return get_account(st, A_TOKEN_BY_HASH, hash, a, out, err);
}

/* ---- changing users and tokens ---- */

static int no_such(const char *what, const char *name, struct err *err)
{
	return err_set(err, EX_DATAERR, "no %s named '%s'; 'compgap %s list' lists them", what,
		       name, what);
}

int store_user_set_password(struct store *st, const char *name, const char *hash,
			    const char *now, struct err *err)
{
	struct acct_param p[3] = { P_TEXT(name), P_TEXT(hash), P_TEXT(now) };
	int64_t n = 0;

	if (need_tx(st, "change a password", err) < 0 ||
	    run(st, A_USER_PASSWORD, p, 3, NULL, NULL, &n, err) < 0)
		return -1;
	return n > 0 ? 0 : no_such("user", name, err);
}

int store_user_sessions_end(struct store *st, const char *name, const char *keep_hash,
			    int64_t *ended, struct err *err)
{
	struct acct_param p[2] = { P_TEXT(name), P_TEXT(keep_hash) };
	int64_t n = 0;

	if (need_tx(st, "end a user's sessions", err) < 0 ||
	    run(st, A_USER_SESSIONS_DELETE_OTHERS, p, 2, NULL, NULL, &n, err) < 0)
		return -1;
	if (ended != NULL)
		*ended = n;
	return 0;
}

int store_user_set_disabled(struct store *st, const char *name, int disabled,
			    const char *now, struct err *err)
{
	struct acct_param p[3] = { P_TEXT(name), P_INT(disabled != 0), P_TEXT(now) };
	int64_t n = 0;

	if (need_tx(st, "disable a user", err) < 0 ||
	    run(st, A_USER_DISABLE, p, 3, NULL, NULL, &n, err) < 0)
		return -1;
	if (n == 0)
		return no_such("user", name, err);
	/* A disabled user's sessions end now, not at their next request. */
	if (disabled && run(st, A_USER_SESSIONS_DELETE, p, 1, NULL, NULL, NULL, err) < 0)
		return -1;
	return 0;
}

int store_user_remove(struct store *st, const char *name, struct err *err)
{
	struct acct_param p[1] = { P_TEXT(name) };
	int64_t n = 0;

	/* Sessions and team links go with the row (ON DELETE CASCADE). */
	if (need_tx(st, "remove a user", err) < 0 ||
	    run(st, A_USER_SESSIONS_DELETE, p, 1, NULL, NULL, NULL, err) < 0 ||
	    run(st, A_USER_REMOVE, p, 1, NULL, NULL, &n, err) < 0)
		return -1;
	return n > 0 ? 0 : no_such("user", name, err);
}

int store_token_revoke(struct store *st, const char *name, const char *now, struct err *err)
{
	struct acct_param p[2] = { P_TEXT(name), P_TEXT(now) };
	struct store_account t;
	struct arena a;
	int64_t n = 0;
	int rc;

	if (need_tx(st, "revoke a token", err) < 0 ||
	    run(st, A_TOKEN_REVOKE, p, 2, NULL, NULL, &n, err) < 0)
		return -1;
	if (n > 0)
		return 0;
	arena_init(&a, 1 << 20);
	rc = get_account(st, A_TOKEN_GET, name, &a, &t, err);
	arena_free(&a);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return no_such("token", name, err);
	return err_set(err, EX_DATAERR, "token '%s' is revoked already", name);
}

/* ---- sessions ---- */

int store_session_add(struct store *st, const char *token_hash, int64_t user_id,
		      const char *csrf_hash, int64_t now, const char *address, struct err *err)
{
	struct acct_param p[5] = { P_TEXT(token_hash), P_INT(user_id), P_TEXT(csrf_hash),
				   P_INT(now), P_TEXT(address) };

	if (need_tx(st, "start a session", err) < 0)
		return -1;
	return run(st, A_SESSION_ADD, p, 5, NULL, NULL, NULL, err) < 0 ? -1 : 0;
}

struct one_session {
	struct one_account account;
	struct store_session *out;
};

static int take_session(void *ctx, const char *const *cols, int ncols)
{
	struct one_session *o = ctx;

	if (ncols < 14)
		return 0;
	o->out->id = to_int(cols[0]);
	o->out->created_at = to_int(cols[1]);
	o->out->last_seen = to_int(cols[2]);
	o->out->csrf_hash = arena_strdup(o->account.arena, cols[3]);
	if (o->out->csrf_hash == NULL)
		o->account.oom = 1;
	return take_account(&o->account, cols, ncols);
}

int store_session_get(struct store *st, const char *token_hash, struct arena *a,
		      struct store_session *out, struct err *err)
{
	struct acct_param p[1] = { P_TEXT(token_hash) };
	struct one_session o = { { a, &out->user, 4, 0, 0 }, out };

	memset(out, 0, sizeof *out);
	if (run(st, A_SESSION_GET, p, 1, take_session, &o, NULL, err) < 0)
		return -1;
	if (o.account.oom)
		return err_set(err, EX_OSERR, "out of memory");
	return o.account.found;
}

int store_session_touch(struct store *st, int64_t id, int64_t now, struct err *err)
{
	struct acct_param p[2] = { P_INT(id), P_INT(now) };

	if (need_tx(st, "note a session's use", err) < 0)
		return -1;
	return run(st, A_SESSION_TOUCH, p, 2, NULL, NULL, NULL, err) < 0 ? -1 : 0;
}

int store_session_delete(struct store *st, const char *token_hash, int64_t *deleted,
			 struct err *err)
{
	struct acct_param p[1] = { P_TEXT(token_hash) };
	int64_t n = 0;

	if (need_tx(st, "end a session", err) < 0 ||
	    run(st, A_SESSION_DELETE, p, 1, NULL, NULL, &n, err) < 0)
		return -1;
	if (deleted != NULL)
		*deleted = n;
	return 0;
}

int store_session_purge(struct store *st, int64_t idle_before, int64_t created_before,
			struct err *err)
{
	struct acct_param p[2] = { P_INT(idle_before), P_INT(created_before) };

	if (need_tx(st, "remove expired sessions", err) < 0)
		return -1;
	return run(st, A_SESSION_PURGE, p, 2, NULL, NULL, NULL, err) < 0 ? -1 : 0;
}

int store_session_count(struct store *st, const char *name, int64_t *n, struct err *err)
{
	struct acct_param p[1] = { P_TEXT(name) };

	*n = 0;
	return run(st, A_SESSION_COUNT, p, 1, take_id, n, NULL, err) < 0 ? -1 : 0;
}

/* ---- the audit log ---- */

int store_audit_append(struct store *st, const struct audit_entry *e, struct err *err)
{
	struct acct_param p[9] = {
		P_TEXT(e->at), P_TEXT(e->actor), P_TEXT(e->action), P_TEXT(e->object_kind),
		P_TEXT(e->object_key), P_TEXT(e->person), P_TEXT(e->address),
		P_TEXT(e->outcome), P_TEXT(e->detail)
	};
	int64_t id = 0;

	if (e->at == NULL || e->actor == NULL || e->action == NULL || e->outcome == NULL)
		return err_set(err, EX_SOFTWARE, "an audit entry needs a time, an actor, an action"
			       " and an outcome");
	if (need_tx(st, "write the audit log", err) < 0)
		return -1;
	return run(st, A_AUDIT_APPEND, p, 9, take_id, &id, NULL, err) < 0 ? -1 : 0;
}

struct each_audit {
	int (*cb)(void *ctx, const struct audit_entry *e);
	void *ctx;
};

static int visit_audit(void *ctx, const char *const *c, int ncols)
{
	struct each_audit *v = ctx;
	struct audit_entry e;

	if (ncols < 10)
		return 0;
	e = (struct audit_entry){ to_int(c[0]), c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8],
				  c[9] };
	return v->cb(v->ctx, &e);
}

int store_each_audit(struct store *st, const struct audit_filter *f,
		     int (*cb)(void *ctx, const struct audit_entry *e), void *ctx,
		     struct err *err)
{
	struct audit_filter none = { 0 };
	struct acct_param p[5];
	struct each_audit v = { cb, ctx };

	if (f == NULL)
		f = &none;
	p[0] = P_TEXT(f->person);
	p[1] = P_TEXT(f->user);
	p[2] = P_TEXT(f->since);
	p[3] = P_INT(f->after_id);
	p[4] = P_INT(f->limit > 0 ? f->limit : -1);
	return run(st, A_AUDIT_LIST, p, 5, visit_audit, &v, NULL, err);
}
