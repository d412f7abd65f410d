/* The store's part of accounts (docs/security.md): users, API tokens,
 * sessions and the audit log, the same on both engines. Included by
 * store.h; the conventions are store.h's: 0 or -1 with err set, strings
 * handed to callbacks live until the callback returns, writes only inside
 * a transaction (EX_SOFTWARE otherwise). The store never sees a password
 * or a token: only their hashes (src/auth/ makes them). */
#ifndef COMPGAP_STORE_ACCOUNTS_H
#define COMPGAP_STORE_ACCOUNTS_H

#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"
#include "util/err.h"

struct store;

/* Team keys in one string are separated by this character, which no key
 * may hold (keys have no control characters). */
#define STORE_TEAM_SEP '\x1f'

/* A user, or an API token (then password_hash is the token's hash,
 * disabled means revoked and changed_at is when it was revoked). */
struct store_account {
	int64_t id;
	const char *name;
	const char *role;             /* admin, hr, manager, coach, employee */
	int64_t person_id;            /* 0: not linked to a person */
	const char *person;           /* its key, or NULL */
	const char *teams;            /* keys separated by STORE_TEAM_SEP; "" for none */
	int disabled;                 /* a user disabled, a token revoked */
	const char *password_hash;    /* Argon2id string; a token's hex SHA-256 */
	const char *created_at;       /* ISO 8601 UTC */
	const char *changed_at;       /* users: last change; tokens: revoked at, or NULL */
};

/* What a new user or token gets. person and teams are keys that must
 * exist (EX_DATAERR naming the one that does not). */
struct store_account_new {
	const char *name;
	const char *role;
	const char *person;           /* NULL: none */
	const char *const *teams;
	size_t nteams;
	const char *hash;             /* password hash, or the token's hash */
	const char *now;              /* ISO 8601 UTC */
};

/* ---- users ---- */

/* Adds a user. Fails with EX_DATAERR when the name is taken. */
int store_user_add(struct store *st, const struct store_account_new *u, int64_t *id,
		   struct err *err);

/* Reads user name into *out, its strings in a (freed by the caller).
 * Returns 1 when found, 0 when there is no such user, -1 on error. */
int store_user_get(struct store *st, const char *name, struct arena *a,
		   struct store_account *out, struct err *err);

/* Every user, by name. */
int store_each_user(struct store *st, int (*cb)(void *ctx, const struct store_account *u),
		    void *ctx, struct err *err);

/* Replaces user name's password hash (and the time changed). Fails with
 * EX_DATAERR when there is no such user. */
int store_user_set_password(struct store *st, const char *name, const char *hash,
			    const char *now, struct err *err);

/* Ends the sessions of user name but the one whose token hash is
 * keep_hash (NULL: ends them all); *ended (when not NULL) says how many.
 * Inside a write transaction. */
int store_user_sessions_end(struct store *st, const char *name, const char *keep_hash,
			    int64_t *ended, struct err *err);

/* Disables (or enables) user name; disabling deletes all their sessions
 * in the same transaction. Fails with EX_DATAERR when there is no such
 * user. */
int store_user_set_disabled(struct store *st, const char *name, int disabled,
			    const char *now, struct err *err);

/* Removes user name, their teams and sessions. The audit log keeps their
 * name as text. Fails with EX_DATAERR when there is no such user. */
int store_user_remove(struct store *st, const char *name, struct err *err);

/* ---- API tokens ---- */

/* Adds a token (u->hash is the token's hash). Fails with EX_DATAERR when
 * the name is taken. */
int store_token_add(struct store *st, const struct store_account_new *t, int64_t *id,
		    struct err *err);

/* Every token, revoked ones too, by name. */
int store_each_token(struct store *st, int (*cb)(void *ctx, const struct store_account *t),
		     void *ctx, struct err *err);

/* Reads the token whose hash is hash (revoked or not) into *out, its
 * strings in a. Returns 1 when found, 0 when not, -1 on error. */
int store_token_by_hash(struct store *st, const char *hash, struct arena *a,
			struct store_account *out, struct err *err);

/* Revokes token name at now. Fails with EX_DATAERR when there is no such
 * token or it is revoked already. */
int store_token_revoke(struct store *st, const char *name, const char *now, struct err *err);

/* ---- sessions ---- */

/* A session and its user. Times are seconds since 1970 (UTC). */
struct store_session {
	int64_t id;
	int64_t created_at, last_seen;
	const char *csrf_hash;
	struct store_account user;
};

/* Adds a session of user user_id. */
int store_session_add(struct store *st, const char *token_hash, int64_t user_id,
		      const char *csrf_hash, int64_t now, const char *address, struct err *err);

/* Reads the session whose token hash is token_hash, with its user, into
 * *out (strings in a). Returns 1 when found, 0 when not, -1 on error. */
int store_session_get(struct store *st, const char *token_hash, struct arena *a,
		      struct store_session *out, struct err *err);

/* Sets a session's last_seen. */
int store_session_touch(struct store *st, int64_t id, int64_t now, struct err *err);

/* Deletes the session whose token hash is token_hash; *deleted (when not
 * NULL) gets how many were (0 or 1). */
int store_session_delete(struct store *st, const char *token_hash, int64_t *deleted,
			 struct err *err);

/* Deletes the sessions last seen before idle_before or created before
 * created_before: expired ones, which lookups refuse anyway. */
int store_session_purge(struct store *st, int64_t idle_before, int64_t created_before,
			struct err *err);

/* How many sessions user name has (for tests and `user list`). */
int store_session_count(struct store *st, const char *name, int64_t *n, struct err *err);

/* ---- the audit log ---- */

/* One entry. Every field but at, actor, action and outcome may be NULL. */
struct audit_entry {
	int64_t id;                   /* set by the store */
	const char *at;               /* ISO 8601 UTC: 2026-11-23T10:00:00Z */
	const char *actor;            /* a user's name, "token:NAME", "cli:OSUSER" */
	const char *action;           /* "login", "user.add", "read" ... */
	const char *object_kind;      /* "user", "token", "person", "session" ... */
	const char *object_key;       /* its name, key or id */
	const char *person;           /* the key of the person concerned */
	const char *address;          /* the client's address */
	const char *outcome;          /* "ok", "denied", "failed", "error" */
	const char *detail;           /* free text */
};

/* Appends e (its id is ignored). */
int store_audit_append(struct store *st, const struct audit_entry *e, struct err *err);

/* Which entries store_each_audit visits; a NULL or 0 field does not
 * filter. */
struct audit_filter {
	const char *person;           /* concerning this person's key */
	const char *user;             /* by this actor, or about this user */
	const char *since;            /* at on or after this (a date or time) */
	int64_t after_id;             /* after this id (paging) */
	int64_t limit;                /* at most this many; 0: all */
};

/* The entries f selects, oldest first (by id). */
int store_each_audit(struct store *st, const struct audit_filter *f,
		     int (*cb)(void *ctx, const struct audit_entry *e), void *ctx,
		     struct err *err);

#endif
