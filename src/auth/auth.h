/* Accounts and signing in (docs/security.md): roles and the principal a
 * request acts as; passwords (the policy, Argon2id hashes through
 * libsodium, a bound on hashes computed at once); random tokens stored as
 * SHA-256 hashes; login, sessions, CSRF tokens, logout and bearer tokens
 * for the server; a login throttle; the changes to users and tokens that
 * the command line (and later the server) makes, each written to the
 * audit log.
 *
 * Conventions: functions return 0 (or a documented positive result) or
 * -1 with err set (a sysexits.h code and a message naming the problem).
 * Times are seconds since 1970 (UTC), passed in by the caller so that
 * tests inject a clock. Every function here may be called from several
 * threads at once, each with its own store. Those that take a store run
 * their own transactions (a session's use, an audit entry): call them
 * with no transaction open on it. */
#ifndef COMPGAP_AUTH_H
#define COMPGAP_AUTH_H

#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "store/store.h"
#include "util/err.h"

/* ---- roles and principals ------------------------------------------------ */

enum auth_role {
	AUTH_ADMIN,       /* everything, users, tokens and settings included */
	AUTH_HR,          /* all people data and the competency library */
	AUTH_MANAGER,     /* a person's reporting line: needs a person */
	AUTH_COACH,       /* the people of some teams: needs teams */
	AUTH_EMPLOYEE,    /* themselves only: needs a person */
	AUTH_ROLE_COUNT
};

/* "admin", "hr", "manager", "coach", "employee". */
const char *auth_role_name(enum auth_role r);

/* Parses a role's name; 0, or -1 with err set (EX_USAGE) naming the
 * roles there are. */
int auth_role_parse(const char *s, enum auth_role *out, struct err *err);

enum {
	AUTH_NAME_MAX = 64,      /* bytes in a user's or token's name */
	AUTH_TEAMS_MAX = 64      /* teams of one user or token */
};

enum principal_kind {
	PRINCIPAL_USER,          /* signed in with a password: a session */
	PRINCIPAL_TOKEN          /* an API token */
};

/* Whom a request acts as. Plain data, no pointers: copy it freely. */
struct principal {
	enum principal_kind kind;
	int64_t id;                              /* the user's or token's id */
	char name[AUTH_NAME_MAX + 1];            /* the user's or token's name */
	enum auth_role role;
	int64_t person_id;                       /* 0: not linked to a person */
	char person[KEY_MAX + 1];                /* its key, "" when none */
	size_t nteams;
	char teams[AUTH_TEAMS_MAX][KEY_MAX + 1]; /* team keys, sorted */
};

/* How the audit log names the principal: the user's name, or
 * "token:NAME". */
void auth_actor(const struct principal *p, char *out, size_t outsz);

/* "cli:NAME" for the operating-system user running the command line. */
void auth_cli_actor(char *out, size_t outsz);

/* Checks a user's or token's name (what: "user" or "token"): 1 to
 * AUTH_NAME_MAX bytes of letters, digits, '.', '_', '-' and '@', starting
 * with a letter or digit. 0, or -1 with err set (EX_USAGE). */
int auth_check_name(const char *name, const char *what, struct err *err);

/* Checks that an account of role has what the role needs: a person for a
 * manager or an employee, at least one team for a coach. 0, or -1 with
 * err set (EX_USAGE) saying which option to give. */
int auth_check_links(enum auth_role role, const char *person, size_t nteams,
		     struct err *err);

/* ---- passwords --------------------------------------------------------- */

enum {
	AUTH_PASSWORD_MIN = 12,           /* code points */
	AUTH_PASSWORD_MAX_BYTES = 1024,
	AUTH_HASH_MAX = 128,              /* bytes of a hash string, with its NUL */
	AUTH_HASH_WAIT_S = 10             /* longest wait for a free hashing slot */
};

/* Argon2id's cost: libsodium's "interactive" level, 2 passes over 64 MiB
 * (above the 19 MiB and 2 passes asked for; about 0.1 s on one core of
 * the 2-core test machine). Raising them makes logins rehash old hashes. */
struct auth_hash_params {
	unsigned long long opslimit;      /* passes */
	size_t memlimit;                  /* bytes */
};
extern const struct auth_hash_params auth_hash_default;

/* Checks a new password for user (whose name it may not contain): valid
 * UTF-8 without control characters, at least AUTH_PASSWORD_MIN code
 * points and at most AUTH_PASSWORD_MAX_BYTES bytes, not one of the most
 * common passwords, not a repeat, a sequence, or common words, names and
 * keyboard runs with only digits and symbols around them. No composition
 * rules. 0, or -1 with err set (EX_DATAERR) saying what is wrong. */
int auth_password_check(const char *password, const char *user, struct err *err);

/* Hashes password into out (a libsodium "$argon2id$..." string) with the
 * default parameters, or with p. Waits for a hashing slot (see
 * auth_set_max_hashes); fails with EX_TEMPFAIL when none frees within
 * AUTH_HASH_WAIT_S, EX_OSERR when memory runs out. */
int auth_password_hash(const char *password, char out[AUTH_HASH_MAX], struct err *err);
int auth_password_hash_with(const struct auth_hash_params *p, const char *password,
			    char out[AUTH_HASH_MAX], struct err *err);

/* Whether password matches hash: 1 when it does, 0 when not (or the hash
 * is malformed), -1 with err set when no hashing slot freed in time. */
int auth_password_verify(const char *hash, const char *password, struct err *err);

/* Whether hash was made with other parameters than the default: 1 when
 * it should be made again, 0 when not. */
int auth_password_needs_rehash(const char *hash);

/* Sets how many hashes (each auth_hash_default.memlimit bytes) may be
 * computed at once in this process; at least 1. Callers that wait for a
 * slot wait in turn. The login functions set it from the setting
 * login.max_hashes. */
void auth_set_max_hashes(int n);

/* How many hashes are being computed now (for tests). */
int auth_hashes_in_use(void);

/* Overwrites n bytes at p with zeros, in a way the compiler keeps: for
 * passwords and tokens once used. */
void auth_wipe(void *p, size_t n);

/* ---- random tokens ------------------------------------------------------ */

enum {
	AUTH_TOKEN_BYTES = 32,            /* 256 random bits */
	AUTH_TOKEN_MAX = 64,              /* a token with its prefix and NUL */
	AUTH_TOKEN_HASH_HEX = 65          /* hex SHA-256 and NUL */
};

/* Prefixes, so that a leaked token says what it is (and secret scanners
 * can find it). */
#define AUTH_API_TOKEN_PREFIX "cgt_"
#define AUTH_SESSION_PREFIX "cgs_"
#define AUTH_CSRF_PREFIX "cgc_"

/* A new token: prefix and 32 random bytes in unpadded base64url (43
 * characters). Returns 0, or -1 when libsodium cannot start. */
int auth_token_new(const char *prefix, char out[AUTH_TOKEN_MAX]);

/* Whether token has the form auth_token_new gives with prefix. */
int auth_token_well_formed(const char *token, const char *prefix);

/* The hex SHA-256 of token: what the store keeps. A token holds 256
 * random bits, so a fast hash suffices: no guessing can invert it. */
void auth_token_hash(const char *token, char out[AUTH_TOKEN_HASH_HEX]);

/* Whether two strings of equal length are equal, in time that does not
 * depend on where they differ (unequal lengths: 0 at once; lengths are
 * not secret here, hashes all have 64 characters). */
int auth_equal(const char *a, const char *b);

/* ---- the login throttle ------------------------------------------------- */

/* Failed logins counted in memory, per client address and per (account,
 * address) pair, never per account alone: see throttle.c and
 * docs/security.md for why that keeps a stranger from locking anyone
 * out. Thread-safe; bounded (the oldest entries are forgotten first). */
struct auth_throttle;

/* A new, empty throttle; NULL when memory ran out. */
struct auth_throttle *auth_throttle_new(void);
void auth_throttle_free(struct auth_throttle *t);

/* How many seconds a login attempt for user from address must wait
 * before it may be tried: 0 when now. */
int64_t auth_throttle_wait(struct auth_throttle *t, const char *address, const char *user,
			   int64_t now);

/* Counts a failed attempt, or (succeeded) forgets the pair's failures. */
void auth_throttle_failed(struct auth_throttle *t, const char *address, const char *user,
			  int64_t now);
void auth_throttle_succeeded(struct auth_throttle *t, const char *address, const char *user);

/* The delays (throttle.c): after this many failures a further attempt
 * waits 1 s, then twice as long after each further failure, up to the
 * most; failures are forgotten this long after the last. */
enum {
	THROTTLE_PAIR_FREE = 3,           /* failures of one account from one address */
	THROTTLE_ADDRESS_FREE = 10,       /* failures from one address, any accounts */
	THROTTLE_MAX_DELAY_S = 15 * 60,
	THROTTLE_FORGET_S = 24 * 3600
};

/* ---- signing in and sessions -------------------------------------------- */

/* What a successful login gives: the tokens for the cookie and for the
 * X-CSRF-Token header (shown to nobody else; only their hashes are
 * stored), and who signed in. */
struct auth_login {
	char session_token[AUTH_TOKEN_MAX];
	char csrf_token[AUTH_TOKEN_MAX];
	struct principal who;
};

/* The outcomes of auth_login other than success (0) and error (-1). */
enum {
	AUTH_REFUSED = 1,     /* wrong password, unknown or disabled user: one answer */
	AUTH_THROTTLED = 2    /* too many failures: wait *retry_after seconds */
};

/* Signs user in with password from address at now: 0 and *out filled, a
 * new session stored (a new token at every login; the password's hash
 * made again when auth_hash_default rose); AUTH_REFUSED, the same for a
 * wrong password, an unknown user and a disabled one, after the same
 * hashing work; AUTH_THROTTLED with *retry_after; or -1 with err set.
 * Every outcome is written to the audit log; throttle may be NULL (no
 * throttling, for the command line and tests). Expired sessions are
 * removed on the way. */
int auth_login(struct store *st, struct auth_throttle *throttle, const char *user,
	       const char *password, const char *address, int64_t now,
	       struct auth_login *out, int64_t *retry_after, struct err *err);

/* A valid session, from auth_session. */
struct auth_session {
	int64_t id;
	char csrf_hash[AUTH_TOKEN_HASH_HEX];
	struct principal who;
};

/* How often a session's last use is written: at most once a minute, so
 * that reading pages costs no write per request (the idle timeout is
 * therefore exact to within this). */
enum {
	AUTH_TOUCH_EVERY_S = 60
};

/* Looks up the session of token (the cookie's value) at now: 1 and *out
 * filled when it is valid; 0 when there is none, or it was idle longer
 * than session.idle_minutes or began longer than session.lifetime_hours
 * ago (then it is deleted), or its user is disabled; -1 on error. Notes
 * the use (see AUTH_TOUCH_EVERY_S). */
int auth_session(struct store *st, const char *token, int64_t now, struct auth_session *out,
		 struct err *err);

/* Whether csrf_token (the X-CSRF-Token header) belongs to session s;
 * compares hashes in constant time. NULL or malformed: 0. */
int auth_csrf_ok(const struct auth_session *s, const char *csrf_token);

/* Ends the session of token (logs out) and writes it to the audit log.
 * Returns 1 when there was one, 0 when not, -1 on error. */
int auth_logout(struct store *st, const char *token, const char *address, int64_t now,
		struct err *err);

/* Looks up an API token (the value after "Bearer "): 1 and *out filled
 * when it is known and not revoked; 0 when not (written to the audit
 * log as denied); -1 on error. */
int auth_bearer(struct store *st, const char *token, const char *address, int64_t now,
		struct principal *out, struct err *err);

/* ---- changes to users and tokens ---------------------------------------- */

/* Who changes something, for the audit log. */
struct auth_actor {
	const char *name;        /* auth_actor() or auth_cli_actor() */
	const char *address;     /* the client's address, or NULL */
	int64_t now;
};

/* A user or token to create. */
struct auth_account_spec {
	const char *name;
	enum auth_role role;
	const char *person;              /* key, or NULL */
	const char *const *teams;        /* keys */
	size_t nteams;
};

/* Each of these checks its input (names, the role's links, the password
 * policy, the keys), makes the change and its audit entry in one
 * transaction, and, when it fails for a reason the caller gave
 * (EX_USAGE, EX_DATAERR), writes the failure to the audit log. */
int auth_user_add(struct store *st, const struct auth_actor *by,
		  const struct auth_account_spec *u, const char *password, struct err *err);
/* A new password ends all of the user's sessions, in the same transaction
 * (docs/security.md, "Changing a password"): an administrator's reset
 * (`compgap user passwd`) signs the user out everywhere. */
int auth_user_passwd(struct store *st, const struct auth_actor *by, const char *name,
		     const char *password, struct err *err);
/* The same for a user changing their own password in session keep_session
 * (the session cookie's token): every other session of theirs ends, that
 * one stays. keep_session NULL or "": as auth_user_passwd. */
int auth_user_passwd_keep(struct store *st, const struct auth_actor *by, const char *name,
			  const char *password, const char *keep_session, struct err *err);
/* Disabling ends the user's sessions at once. */
int auth_user_disable(struct store *st, const struct auth_actor *by, const char *name,
		      int disabled, struct err *err);
int auth_user_remove(struct store *st, const struct auth_actor *by, const char *name,
		     struct err *err);
/* Creates a token; its only copy is written to token_out. */
int auth_token_create(struct store *st, const struct auth_actor *by,
		      const struct auth_account_spec *t, char token_out[AUTH_TOKEN_MAX],
		      struct err *err);
int auth_token_revoke(struct store *st, const struct auth_actor *by, const char *name,
		      struct err *err);

/* ---- the audit log ------------------------------------------------------- */

/* now as 2026-11-23T10:00:00Z. */
void auth_time_iso(int64_t now, char out[32]);

/* Appends e in a transaction of its own (inside one, call
 * store_audit_append); e->at NULL means now. */
int auth_audit(struct store *st, int64_t now, const struct audit_entry *e, struct err *err);

#endif
