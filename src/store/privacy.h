/* The privacy rights (docs/security.md, "Privacy rights"): what is stored
 * about one person, read for an export (access and portability); the
 * person erased with everything that is theirs; evidence older than the
 * retention period purged. The conventions are store.h's: 0 or -1 with
 * err set, strings handed to callbacks live until the callback returns,
 * writes only inside a transaction (EX_SOFTWARE otherwise). The rest of
 * an export (the person's record, their evidence, the audit log) comes
 * from store_get_person, store_page_evidence and store_each_audit. */
#ifndef COMPGAP_STORE_PRIVACY_H
#define COMPGAP_STORE_PRIVACY_H

#include <stdint.h>

#include "core/model.h"
#include "store/store.h"
#include "util/err.h"

/* ---- reading for an export ------------------------------------------ */

/* An evidence row that the person recorded as the assessor of someone
 * else, without that someone (who they are is not the person's data). */
struct privacy_assessed {
	int64_t id;
	const char *competency;       /* its key */
	double level;
	enum source source;
	int32_t date;
	const char *reason;           /* retracted: why; NULL when in force */
	const char *retracted_at;     /* retracted: when; NULL when in force */
};

/* Calls cb for each evidence row whose assessor is person (a key), oldest
 * first. Fails with EX_NOINPUT when there is no such person. */
int store_privacy_each_assessed(struct store *st, const char *person,
				int (*cb)(void *ctx, const struct privacy_assessed *a),
				void *ctx, struct err *err);

/* A user or API token linked to the person, without its hash. */
struct privacy_login {
	const char *kind;             /* "user" or "token" */
	const char *name;
	const char *role;
	const char *teams;            /* keys separated by STORE_TEAM_SEP; "" for none */
	const char *created_at;       /* ISO 8601 UTC */
	const char *changed_at;       /* a user: last change; a token: revoked at, or NULL */
	int disabled;                 /* a user disabled, a token revoked */
	const char *last_login;       /* a user: the last successful login in the audit
				       * log, or NULL; a token: NULL */
	int64_t sessions;             /* a user's open sessions */
};

/* Calls cb for each user, then each token, linked to person (a key), by
 * name. Fails with EX_NOINPUT when there is no such person. */
int store_privacy_each_login(struct store *st, const char *person,
			     int (*cb)(void *ctx, const struct privacy_login *l), void *ctx,
			     struct err *err);

/* One session of a user: times in seconds since 1970 (UTC). Never its
 * token or CSRF hashes. */
struct privacy_session {
	int64_t created_at, last_seen;
	const char *address;          /* the address it signed in from, or NULL */
};

/* Calls cb for each session of user name, oldest first. */
int store_privacy_each_session(struct store *st, const char *user,
			       int (*cb)(void *ctx, const struct privacy_session *s),
			       void *ctx, struct err *err);

/* ---- erasure ---------------------------------------------------------- */

/* What an erasure removed or changed: row counts. */
struct privacy_erased {
	int64_t evidence;             /* rows about the person (retracted ones too) */
	int64_t retractions;          /* of those rows */
	int64_t sums;                 /* the person's running sums (pairs) */
	int64_t assessed;             /* rows about others whose assessor they were,
				       * now without one */
	int64_t reports;              /* people whose manager they were, now without */
	int64_t objectives;           /* objectives they owned, now without an owner */
	int64_t users, sessions, tokens;
};

/* Erases person (a key) inside the open transaction: their sessions, users
 * and API tokens (with their teams), the evidence about them with its
 * retractions and their running sums; rows they assessed keep their level
 * and note but lose the assessor; their reports lose their manager, the
 * objectives they owned their owner; then the person's row. The audit log
 * is not touched (the caller appends the erasure's entry). Fails with EX_NOINPUT when there is no such person. */
int store_privacy_erase(struct store *st, const char *person, struct privacy_erased *out,
			struct err *err);

/* ---- retention ------------------------------------------------------- */

/* The first day that a retention of years keeps, as of today: the same
 * day of the month years earlier (28 February for a 29 February that the
 * earlier year lacks). Evidence dated before it is purged. */
int32_t privacy_cutoff(int32_t today, int years);

/* What a purge removed (or, dry, would remove). */
struct privacy_purged {
	int32_t cutoff;               /* rows dated before this day */
	int64_t rows;                 /* evidence rows, retracted ones too */
	int64_t retractions;          /* of those rows */
	int64_t pairs;                /* (person, competency) pairs whose sums were
				       * recomputed */
};

/* Removes every evidence row dated before cutoff (with its retraction)
 * inside the open transaction, and recomputes the running sums and
 * histories of the pairs that had such rows from the rows left (a pair
 * left without rows loses its sums). dry: counts only, changes nothing
 * (and needs no write transaction). */
int store_privacy_purge(struct store *st, int32_t cutoff, int dry, struct privacy_purged *out,
			struct err *err);

/* ---- with their audit entries ------------------------------------------ */

/* store_privacy_erase and store_privacy_purge (not dry) in a transaction
 * of their own (store_transact) with their audit entry, so that the
 * change and its entry are stored together or not at all. by gives the
 * entry's at (NULL: now), actor and address; the rest is filled here:
 * "privacy.erase" on the person (its key only; the counts in the detail),
 * "privacy.purge" on evidence (the counts and the cut-off in the
 * detail). */
int store_privacy_erase_logged(struct store *st, const char *person,
			       const struct audit_entry *by, struct privacy_erased *out,
			       struct err *err);
int store_privacy_purge_logged(struct store *st, int32_t cutoff, int years,
			       const struct audit_entry *by, struct privacy_purged *out,
			       struct err *err);

#endif
