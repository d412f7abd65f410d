/* Changes to users and API tokens, each with its audit entry in the same
 * transaction; a change refused for what the caller gave is written to
 * the audit log as failed, in a transaction of its own. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "auth/auth_int.h"

enum change_kind {
	USER_ADD, USER_PASSWD, USER_DISABLE, USER_ENABLE, USER_REMOVE, TOKEN_CREATE, TOKEN_REVOKE,
	USER_CHANGE
};

static const char *const actions[] = {
	[USER_ADD] = "user.add", [USER_PASSWD] = "user.passwd", [USER_DISABLE] = "user.disable",
	[USER_ENABLE] = "user.enable", [USER_REMOVE] = "user.remove",
	[TOKEN_CREATE] = "token.create", [TOKEN_REVOKE] = "token.revoke",
	[USER_CHANGE] = "user.change",
};

struct change {
	enum change_kind kind;
	const struct auth_actor *by;
	const char *name;                       /* the user's or token's */
	const struct auth_account_spec *spec;   /* USER_ADD, TOKEN_CREATE */
	const char *hash;                       /* the password's or token's hash */
	const char *keep;                       /* USER_PASSWD: the hash of the session
						 * that stays, or NULL */
	char at[32];
	char detail[160];
};

static int is_token(enum change_kind k)
{
	return k == TOKEN_CREATE || k == TOKEN_REVOKE;
}

static void entry_of(const struct change *c, const char *person, const char *outcome,
		     const char *detail, struct audit_entry *e)
{
	memset(e, 0, sizeof *e);
	e->at = c->at;
	e->actor = c->by->name;
	e->action = actions[c->kind];
	e->object_kind = is_token(c->kind) ? "token" : "user";
	e->object_key = c->name;
	e->person = person;
	e->address = c->by->address;
	e->outcome = outcome;
	e->detail = detail != NULL && *detail != '\0' ? detail : NULL;
}

/* The person a change concerns: the one a new account is linked to, or
 * the one the changed user is linked to. */
static const char *person_of(struct store *st, const struct change *c, struct arena *a)
{
	struct store_account u;
	struct err ignored = { 0 };

	if (c->spec != NULL && (c->kind != USER_CHANGE || c->spec->person != NULL))
		return c->spec->person;
	if (!is_token(c->kind) && store_user_get(st, c->name, a, &u, &ignored) > 0)
		return u.person;
	return NULL;
}

/* Whether the change takes the admin role from user u: disabling or
 * removing an admin, or giving them another role. */
static int takes_admin(const struct change *c, const struct store_account *u)
{
	if (strcmp(u->role, "admin") != 0 || u->disabled)
		return 0;
	switch (c->kind) {
	case USER_DISABLE: case USER_REMOVE: return 1;
	case USER_CHANGE: return c->spec->role != AUTH_ADMIN;
	default: return 0;
	}
}

struct other_admins {
	const char *name;        /* the user changed */
	size_t n;                /* enabled admins but them */
};

static int count_other(void *ctx, const char *name)
{
	struct other_admins *o = ctx;

	if (strcmp(name, o->name) != 0)
		o->n++;
	return 0;
}

/* Refuses (EX_DATAERR) a change that would leave no enabled admin: then
 * nobody could manage users, tokens or settings but by the command line
 * on the database's machine. Inside the change's transaction, with the
 * admins' rows locked on PostgreSQL (store_each_active_admin). */
static int keep_an_admin(struct store *st, const struct change *c, const struct store_account *u,
			 struct err *err)
{
	struct other_admins o = { c->name, 0 };

	if (!takes_admin(c, u))
		return 0;
	if (store_each_active_admin(st, count_other, &o, err) < 0)
		return -1;
	if (o.n == 0)
		return err_set(err, EX_DATAERR, "'%s' is the last enabled admin; make another user"
			       " admin first", c->name);
	return 0;
}

static int apply(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct change *c = ctx;
	struct store_account_new n = { 0 };
	struct audit_entry e;
	struct arena a;
	const char *person;
	int64_t ended = 0;
	int rc = -1;

	(void)attempt;
	arena_init(&a, 1 << 20);
	person = person_of(st, c, &a);
	if (c->kind == USER_DISABLE || c->kind == USER_REMOVE || c->kind == USER_CHANGE) {
		struct store_account u;

		rc = store_user_get(st, c->name, &a, &u, err);
		if (rc == 0)
			rc = err_set(err, EX_DATAERR, "no user named '%s'; 'compgap user list' lists"
				     " them", c->name);
		if (rc < 0 || keep_an_admin(st, c, &u, err) < 0) {
			arena_free(&a);
			return -1;
		}
		rc = -1;
	}
	if (c->spec != NULL) {
		n.name = c->name;
		n.role = auth_role_name(c->spec->role);
		n.person = c->spec->person;
		n.teams = c->spec->teams;
		n.nteams = c->spec->nteams;
		n.hash = c->hash;
		n.now = c->at;
	}
	switch (c->kind) {
	case USER_ADD: rc = store_user_add(st, &n, NULL, err); break;
	case TOKEN_CREATE: rc = store_token_add(st, &n, NULL, err); break;
	case USER_PASSWD:
		/* A new password ends the sessions the old one opened (but
		 * the one of a user changing their own, when kept). */
		rc = store_user_set_password(st, c->name, c->hash, c->at, err);
		if (rc == 0)
			rc = store_user_sessions_end(st, c->name, c->keep, &ended, err);
		if (rc == 0)
			(void)snprintf(c->detail, sizeof c->detail, "%s sessions ended (%lld)",
				       c->keep != NULL ? "the other" : "all", (long long)ended);
		break;
	case USER_CHANGE: rc = store_user_change(st, &n, err); break;
	case USER_DISABLE: rc = store_user_set_disabled(st, c->name, 1, c->at, err); break;
	case USER_ENABLE: rc = store_user_set_disabled(st, c->name, 0, c->at, err); break;
	case USER_REMOVE: rc = store_user_remove(st, c->name, err); break;
	case TOKEN_REVOKE: rc = store_token_revoke(st, c->name, c->at, err); break;
	}
	if (rc == 0) {
		entry_of(c, person, "ok", c->detail, &e);
		rc = store_audit_append(st, &e, err);
	}
	arena_free(&a);
	return rc;
}

/* Writes a refused change to the audit log; returns -1 (err as it was). */
static int refused(struct store *st, struct change *c, struct err *err)
{
	struct audit_entry e;
	struct err ignored = { 0 };

	if (err->code != EX_USAGE && err->code != EX_DATAERR)
		return -1;
	entry_of(c, c->spec != NULL ? c->spec->person : NULL, "failed", err->msg, &e);
	(void)auth_audit(st, c->by->now, &e, &ignored);
	return -1;
}

static void change_init(struct change *c, enum change_kind kind, const struct auth_actor *by,
			const char *name)
{
	memset(c, 0, sizeof *c);
	c->kind = kind;
	c->by = by;
	c->name = name != NULL ? name : "";
	auth_time_iso(by->now, c->at);
}

/* The role's name and links in the audit entry's detail. */
static void describe(struct change *c)
{
	const struct auth_account_spec *s = c->spec;
	size_t used;

	(void)snprintf(c->detail, sizeof c->detail, "role %s", auth_role_name(s->role));
	for (size_t i = 0; i < s->nteams; i++) {
		used = strlen(c->detail);
		(void)snprintf(c->detail + used, sizeof c->detail - used, "%s%s",
			       i == 0 ? ", teams " : ",", s->teams[i]);
	}
}

static int check_spec(const struct change *c, const char *what, struct err *err)
{
	if (auth_check_name(c->name, what, err) < 0 ||
	    auth_check_links(c->spec->role, c->spec->person, c->spec->nteams, err) < 0)
		return -1;
	return 0;
}

int auth_user_add(struct store *st, const struct auth_actor *by,
		  const struct auth_account_spec *u, const char *password, struct err *err)
{
	struct change c;
	char hash[AUTH_HASH_MAX];

	change_init(&c, USER_ADD, by, u->name);
	c.spec = u;
	describe(&c);
	if (check_spec(&c, "user", err) < 0 || auth_password_check(password, u->name, err) < 0)
		return refused(st, &c, err);
	if (auth_password_hash(password, hash, err) < 0)
		return -1;
	c.hash = hash;
	return store_transact(st, apply, &c, err) < 0 ? refused(st, &c, err) : 0;
}

int auth_user_passwd(struct store *st, const struct auth_actor *by, const char *name,
		     const char *password, struct err *err)
{
	return auth_user_passwd_keeping(st, by, name, password, NULL, err);
}

int auth_user_passwd_keeping(struct store *st, const struct auth_actor *by, const char *name,
			     const char *password, const char *keep_session, struct err *err)
{
	struct change c;
	char hash[AUTH_HASH_MAX], keep[AUTH_TOKEN_HASH_HEX];

	change_init(&c, USER_PASSWD, by, name);
	if (keep_session != NULL) {
		auth_token_hash(keep_session, keep);
		c.keep = keep;
	}
	if (auth_password_check(password, name, err) < 0)
		return refused(st, &c, err);
	if (auth_password_hash(password, hash, err) < 0)
		return -1;
	c.hash = hash;
	return store_transact(st, apply, &c, err) < 0 ? refused(st, &c, err) : 0;
}

/* Whether by is the user name (a user's actor is their name; a token's
 * and the command line's hold a ':', which no name does). */
static int is_self(const struct auth_actor *by, const char *name)
{
	return name != NULL && strcmp(by->name, name) == 0;
}

int auth_user_disable(struct store *st, const struct auth_actor *by, const char *name,
		      int disabled, struct err *err)
{
	struct change c;

	change_init(&c, disabled ? USER_DISABLE : USER_ENABLE, by, name);
	if (disabled && is_self(by, name)) {
		err_set(err, EX_DATAERR, "you cannot disable your own account; another admin can");
		return refused(st, &c, err);
	}
	if (disabled)
		(void)snprintf(c.detail, sizeof c.detail, "all sessions ended");
	return store_transact(st, apply, &c, err) < 0 ? refused(st, &c, err) : 0;
}

int auth_user_remove(struct store *st, const struct auth_actor *by, const char *name,
		     struct err *err)
{
	struct change c;

	change_init(&c, USER_REMOVE, by, name);
	if (is_self(by, name)) {
		err_set(err, EX_DATAERR, "you cannot remove your own account; another admin can");
		return refused(st, &c, err);
	}
	return store_transact(st, apply, &c, err) < 0 ? refused(st, &c, err) : 0;
}

int auth_user_change(struct store *st, const struct auth_actor *by,
		     const struct auth_account_spec *u, struct err *err)
{
	struct change c;
	struct store_account now;
	struct arena a;
	int rc;

	change_init(&c, USER_CHANGE, by, u->name);
	c.spec = u;
	describe(&c);
	if (check_spec(&c, "user", err) < 0)
		return refused(st, &c, err);
	if (is_self(by, u->name) && u->role != AUTH_ADMIN) {
		/* Read outside the transaction only to word the refusal:
		 * the caller is signed in, so they exist. */
		arena_init(&a, 1 << 16);
		rc = store_user_get(st, u->name, &a, &now, err);
		if (rc > 0 && strcmp(now.role, auth_role_name(u->role)) != 0)
			rc = err_set(err, EX_DATAERR, "you cannot change your own role; another"
				     " admin can");
		arena_free(&a);
		if (rc < 0)
			return refused(st, &c, err);
	}
	return store_transact(st, apply, &c, err) < 0 ? refused(st, &c, err) : 0;
}

int auth_token_create(struct store *st, const struct auth_actor *by,
		      const struct auth_account_spec *t, char token_out[AUTH_TOKEN_MAX],
		      struct err *err)
{
	struct change c;
	char hash[AUTH_TOKEN_HASH_HEX];

	token_out[0] = '\0';
	change_init(&c, TOKEN_CREATE, by, t->name);
	c.spec = t;
	describe(&c);
	if (check_spec(&c, "token", err) < 0)
		return refused(st, &c, err);
	if (auth_token_new(AUTH_API_TOKEN_PREFIX, token_out) < 0)
		return err_set(err, EX_SOFTWARE, "no random numbers for a token");
	auth_token_hash(token_out, hash);
	c.hash = hash;
	if (store_transact(st, apply, &c, err) < 0) {
		memset(token_out, 0, AUTH_TOKEN_MAX);
		return refused(st, &c, err);
	}
	return 0;
}

int auth_token_revoke(struct store *st, const struct auth_actor *by, const char *name,
		      struct err *err)
{
	struct change c;

	change_init(&c, TOKEN_REVOKE, by, name);
	return store_transact(st, apply, &c, err) < 0 ? refused(st, &c, err) : 0;
}
