/* The store: the one place that knows SQL. Everything else reads and writes
 * the organisation through these functions, which behave the same on every
 * backend (SQLite, PostgreSQL).
 *
 * Conventions: functions return 0 or -1 and fill err with a sysexits.h code
 * and a message. Strings handed to callbacks live until the callback
 * returns. A callback that returns non-zero stops the iteration, and the
 * iterating function returns that value. Writes happen inside
 * store_begin/store_commit; store_rollback undoes all of them. */
#ifndef COMPGAP_STORE_H
#define COMPGAP_STORE_H

#include <stddef.h>
#include <stdint.h>

#include "core/estimate.h"
#include "core/model.h"
#include "core/settings.h"
#include "core/snapshot.h"
#include "util/arena.h"
#include "util/err.h"

struct store;

/* The entities; all but evidence are looked up by key. */
enum entity {
	ENTITY_TEAM,
	ENTITY_PERSON,
	ENTITY_COMPETENCY,
	ENTITY_ROLE,
	ENTITY_EVIDENCE,
	ENTITY_KEYED = ENTITY_EVIDENCE   /* how many have keys */
};

/* Flags for store_open. */
enum {
	STORE_CREATE = 1 << 0,      /* create the database when it does not exist */
	STORE_NO_MIGRATE = 1 << 1,  /* leave the schema as it is (tests, `copy`) */
	STORE_SNAPSHOT = 1 << 2     /* begin a read transaction, so that every read
				     * sees the database at one moment */
};

/* The schema version this program creates and migrates to. */
int store_latest_version(void);

/* Chooses the database: the --db argument when given, else $COMPGAP_DB,
 * else "./compgap.db". The result is owned by the caller's arguments or
 * the environment; it is never NULL. */
const char *store_default_target(const char *db_arg);

/* How long a store waits for a lock that another process holds (SQLite's
 * write lock, a PostgreSQL row or table lock) before it gives up with
 * EX_TEMPFAIL, by default. */
enum {
	STORE_BUSY_DEFAULT_S = 10,
	STORE_BUSY_MAX_S = 86400
};

/* Sets that wait for the stores opened from now on, in this process:
 * seconds is the --busy-timeout argument, or NULL for $COMPGAP_BUSY_TIMEOUT,
 * else STORE_BUSY_DEFAULT_S (on PostgreSQL the default is to wait as long
 * as it takes). Returns 0, or -1 with err set (EX_USAGE, naming where the
 * value came from) when it is not a number of seconds from 0 to
 * STORE_BUSY_MAX_S. */
int store_set_busy_timeout(const char *seconds, struct err *err);

/* Opens the database named by target (a postgresql:// or postgres:// URI
 * or a libpq key=value string for PostgreSQL, else a file path for
 * SQLite) and brings its schema to the latest version. Fails with
 * EX_NOINPUT when the database does not exist (an empty file counts as
 * none) and STORE_CREATE is not given, with EX_CONFIG when its schema is
 * newer than this program, with EX_NOPERM when it must be migrated but may
 * only be read. A database the user may read but not write opens for
 * reading; its writes fail with EX_NOPERM. On success *out is owned by
 * the caller and freed with store_close. */
int store_open(const char *target, unsigned flags, struct store **out, struct err *err);

/* Closes the store (rolling back an open transaction); NULL is allowed. */
void store_close(struct store *st);

/* A short description of the database for messages ("sqlite:demo.db"). */
const char *store_describe(const struct store *st);

/* The schema version of the open database. */
int store_schema_version(struct store *st, int *version, struct err *err);

/* Applies the migrations after the current version up to target (at most
 * store_latest_version()), in one transaction. *from (when not NULL) gets
 * the version found under the migration lock: another process that
 * migrated first makes it the target already. */
int store_migrate(struct store *st, int target, int *from, struct err *err);

/* Transactions. Writes are only allowed between begin and commit; a read
 * transaction (store_begin_read) sees one consistent snapshot, for export. */
int store_begin(struct store *st, struct err *err);
int store_begin_read(struct store *st, struct err *err);
int store_commit(struct store *st, struct err *err);
void store_rollback(struct store *st);

/* A write transaction that changes no data, only the logs and sessions
 * (the audit log, sign-ins, a session's last use): unlike store_begin's, it
 * leaves the data generation as it is. Using it for anything else would
 * let a reader keep documents that the write has made wrong. */
int store_begin_log(struct store *st, struct err *err);

/* The data generation that the open transaction sees: a number that every
 * committed write transaction but store_begin_log's advances, so that two
 * transactions that see the same number see the same data and settings
 * (what a cache of documents derived from them may be keyed by). -1
 * outside a transaction, or when the schema predates it. */
int64_t store_data_generation(const struct store *st);

/* How often store_transact tries a transaction at most. */
enum {
	STORE_ATTEMPTS = 5
};

/* Runs work in a write transaction and commits it. When the database asks
 * for the transaction to be run again (err->retry: a serialization
 * failure or deadlock on PostgreSQL), rolls back, waits a little and
 * calls work again with the next attempt number, up to STORE_ATTEMPTS
 * times; work must then start over (rewind its input). Returns 0 when
 * committed; -1 with err set, everything rolled back, otherwise. */
int store_transact(struct store *st,
		   int (*work)(struct store *st, void *ctx, int attempt, struct err *err),
		   void *ctx, struct err *err);

/* The same in a store_begin_log transaction. */
int store_transact_log(struct store *st,
		       int (*work)(struct store *st, void *ctx, int attempt, struct err *err),
		       void *ctx, struct err *err);

/* Looks up the store id of a key; returns 1 when it exists (setting *id
 * when id is not NULL), 0 when it does not, -1 on error. Fast: the keys of
 * each entity are read once per transaction (or once before the first) and
 * cached. */
int store_lookup(struct store *st, enum entity kind, const char *key, int64_t *id,
		 struct err *err);

/* Reads every key of kind into the key cache of the transaction, which
 * store_lookup otherwise fills only after its first few lookups (those
 * read one key each): for a caller that must not query while it iterates
 * (verify.c) or that walks all keys. 0, or -1 with err set. */
int store_load_keys(struct store *st, enum entity kind, struct err *err);

/* Writes into out the stored key of kind nearest to key (at most two edits
 * away ignoring case, and closer than any other), for "did you mean"
 * hints; returns 1 when there is one, 0 when not, -1 on error. */
int store_closest_key(struct store *st, enum entity kind, const char *key, char *out,
		      size_t outsz, struct err *err);

/* Checks that key names a stored row of kind. Returns 0 when it does;
 * otherwise -1 with err set: EX_DATAERR and "unknown team 'KEY'" followed
 * by "; did you mean 'NEAR'?" when stored keys are at most two edits away
 * (ignoring case; up to three of the nearest are named), else by where to
 * find the keys ('compgap list teams' lists them); or another code when
 * the store failed. Reads every key of kind once (cached, as by
 * store_lookup) and compares each with a bounded edit distance. */
int store_require_key(struct store *st, enum entity kind, const char *key, struct err *err);

/* The failure of store_require_key, for a key the caller found missing
 * in another way: always -1, with err set. */
int store_unknown_key(struct store *st, enum entity kind, const char *key, struct err *err);

/* Inside a write transaction, keeps other writers of teams (or people,
 * by kind) out until it ends, so that a check of the tree of parents (or
 * managers) made after it sees every change that can commit before this
 * one: two imports could otherwise each pass the check and together close
 * a loop. */
int store_lock_tree(struct store *st, enum entity kind, struct err *err);

/* The number of rows of an entity (of evidence: those in force). */
int store_count(struct store *st, enum entity kind, int64_t *n, struct err *err);

/* Upserts by key. The referenced keys (parent team, team, role, manager)
 * must exist already. An optional field whose bit is set in the struct's
 * keep mask keeps its stored value (a new row gets NULL, or active 1);
 * otherwise NULL (or DEV_UNSET) clears it. */
int store_put_team(struct store *st, const struct team *t, struct err *err);
int store_put_person(struct store *st, const struct person *p, struct err *err);
int store_put_competency(struct store *st, const struct competency *c, struct err *err);

/* Replaces all indicators and level descriptors of one competency by
 * items[0..n) (whose competency field is ignored). */
int store_replace_indicators(struct store *st, const char *competency,
			     const struct indicator *items, size_t n, struct err *err);

/* Upserts one requirement of a role, creating the role when it is new. */
int store_put_requirement(struct store *st, const struct requirement *r, struct err *err);

/* Notes an import in the import log (kind, file name) and makes it the
 * batch that store_append_evidence files rows under, for provenance;
 * store_log_import_rows records how many rows it stored when done. */
int store_log_import(struct store *st, const char *kind, const char *source_name,
		     struct err *err);
int store_log_import_rows(struct store *st, int64_t rows, struct err *err);

/* Appends n evidence rows (their id fields are ignored). The keys must
 * exist. */
int store_append_evidence(struct store *st, const struct evidence *rows, size_t n,
			  struct err *err);

/* Retracts evidence row id with a reason. Fails with EX_DATAERR when there
 * is no such row or it is retracted already. */
int store_retract_evidence(struct store *st, int64_t id, const char *reason,
			   struct err *err);

/* Iteration in a stable order: teams, people, competencies and roles in
 * the order they were first stored; indicators by competency, behavioural
 * indicators in their order before descriptors by level. A non-NULL key,
 * competency or role visits only that one. */
int store_each_team(struct store *st, const char *key,
		    int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
int store_each_person(struct store *st, const char *key,
		      int (*cb)(void *ctx, const struct person *p), void *ctx, struct err *err);
int store_each_competency(struct store *st, const char *key,
			  int (*cb)(void *ctx, const struct competency *c),
			  void *ctx, struct err *err);
int store_each_indicator(struct store *st, const char *competency,
			 int (*cb)(void *ctx, const struct indicator *i),
			 void *ctx, struct err *err);
int store_each_requirement(struct store *st, const char *role,
			   int (*cb)(void *ctx, const struct requirement *r),
			   void *ctx, struct err *err);

/* Which evidence store_each_evidence visits. */
struct evidence_filter {
	const char *person;        /* only this person's, or NULL for all */
	const char *competency;    /* only on this competency, or NULL */
};

/* Evidence in force (not retracted), in the order it was recorded. */
int store_each_evidence(struct store *st, const struct evidence_filter *f,
			int (*cb)(void *ctx, const struct evidence *e),
			void *ctx, struct err *err);

/* ---- the method's settings -------------------------------------------- */

/* The settings in force: the defaults, overridden by those set in the
 * database. Owned by the store; valid until the next store_set_setting. */
const struct settings *store_settings(struct store *st);

/* Sets one setting (inside a transaction) from its text. A setting that
 * the running sums depend on (the half-life, the source weights) rebuilds
 * them. Fails with EX_USAGE for an unknown key, EX_DATAERR for a value out
 * of range. */
int store_set_setting(struct store *st, const char *key, const char *value,
		      struct err *err);

/* Sets n settings (inside a transaction), keys[i] to values[i], as
 * store_set_setting sets each, and rebuilds the running sums once when
 * any of them needs it. Fails as store_set_setting at the first key or
 * value refused; the caller then rolls the transaction back, so that
 * none is stored. */
int store_set_settings(struct store *st, const char *const *keys, const char *const *values,
		       size_t n, struct err *err);

/* Which keys have been set in the database (the rest are defaults): calls
 * cb for each. */
int store_each_setting(struct store *st, int (*cb)(void *ctx, const char *key, const char *value),
		       void *ctx, struct err *err);

/* ---- snapshots for the gap analysis ----------------------------------- */

/* Which people a snapshot holds: the active members of a team and all its
 * sub-teams, one person (active or not), or every active person of the
 * organisation (everyone); exactly one of the three. And which lines:
 * the requirements of each member's role, or, when ncompetencies > 0,
 * each of competencies[0..ncompetencies) (keys of stored competencies)
 * for every member whatever their role, with required_level and weight 0
 * (what a key result counts: docs/methodology.md, "OKRs"). */
struct snapshot_filter {
	const char *team;
	const char *person;
	bool everyone;
	const char *const *competencies;
	size_t ncompetencies;
};

/* Loads the members and required competencies selected by f, with their
 * evidence as of as_of: from the running sums where they are valid for it,
 * otherwise from the rows on or before it. Fails with EX_DATAERR when the
 * team or person does not exist. Free with store_free_snapshot. */
int store_load_snapshot(struct store *st, const struct snapshot_filter *f, int32_t as_of,
			struct team_snapshot *out, struct err *err);

/* The snapshots selected by f as of each of the n dates (ascending, equal
 * ones allowed) into out[0..n-1], as n calls of store_load_snapshot would
 * give them, reading the members, their lines and each pair's sums once.
 * On failure none is left to free. */
int store_load_snapshots(struct store *st, const struct snapshot_filter *f,
			 const int32_t *dates, size_t n, struct team_snapshot *out,
			 struct err *err);

/* Frees a snapshot. */
void store_free_snapshot(struct team_snapshot *s);

/* The members f selects into members (as a snapshot's, without lines:
 * free it with store_free_snapshot), and then, for each of them and
 * each of f's named competencies (f->ncompetencies > 0) on which they
 * have evidence, cb(ctx, member, competency, at) with at[0..n) their
 * sums as of each of the n dates (ascending): the counts of a key result
 * over a period, in one pass and without a snapshot per date. Pairs come
 * in no particular order; cb returns nonzero to stop (with err set when
 * it failed): then -1 is returned. */
int store_each_member_sums(struct store *st, const struct snapshot_filter *f,
			   const int32_t *dates, size_t n, struct team_snapshot *members,
			   int (*cb)(void *ctx, size_t member, size_t competency,
				     const struct evidence_sums *at),
			   void *ctx, struct err *err);

/* Who could mentor, for the recommendations. */
struct candidate_query {
	const char *team;                  /* its members are all candidates; may be NULL */
	const char *const *competencies;   /* keys */
	const double *min_levels;          /* per competency: level at least this ... */
	const size_t *best;                /* ... the best this many, and all tied with the last */
	size_t n;
	int32_t as_of;
	double min_weight;                 /* ... and evidence weight at least this */
};

/* Calls cb, for each of q's competencies, with the sums (valid for
 * q->as_of) of each active member of q->team's subtree who has evidence on
 * it, and of the organisation's active people whose level and evidence
 * weight on it are at least q's minimums: the best[i] highest levels and
 * all tied with the last of them, or everyone who passes when some
 * evidence is newer than as_of. Nobody is passed twice for a competency;
 * the order is not defined. Reads the running sums by the level index. */
int store_each_candidate(struct store *st, const struct candidate_query *q,
			 int (*cb)(void *ctx, const char *competency, const char *person,
				   const char *team, const struct evidence_sums *s),
			 void *ctx, struct err *err);

/* ---- checking the derived data ----------------------------------------- */

enum {
	STORE_CHECK_SHOWN = 10        /* problems described, at most */
};

/* What store_check found. */
struct store_check {
	int64_t rows;                  /* evidence rows in force */
	int64_t pairs;                 /* (person, competency) pairs they make */
	int64_t stored;                /* pairs with stored sums and history */
	int64_t bad;                   /* problems: pairs that disagree, and the newest date */
	int32_t newest_row;            /* the newest row's date (0: no rows) */
	int32_t newest_stored;         /* evidence_newest */
	int nshown;
	char shown[STORE_CHECK_SHOWN][400];  /* the first problems, each naming the
					      * person and competency keys */
};

/* Checks that the derived data agrees with the evidence rows in force:
 * reads every row (store_each_evidence), computes each pair's sums with
 * sums_add and its history entries with history_append, and compares
 * them with every stored pair (sums to the relative tolerance of
 * core/derived.h, histories as multisets of entries); a stored pair
 * without rows, rows without a stored pair, and a newest evidence date
 * below the newest row's are problems too. Streams the rows; keeps about
 * 110 bytes per pair. Open the store with STORE_SNAPSHOT so that both
 * reads see one moment. Returns 0 with out filled (out->bad == 0: all
 * agree), or -1 with err set when the store could not be read. */
int store_check(struct store *st, struct store_check *out, struct err *err);

/* ---- copying a whole database ------------------------------------------ */

/* What store_copy copied: per table of the schema, its label ("people")
 * and rows; and the checksum of all of them, read back from both sides. */
struct copy_report {
	struct copy_count {
		const char *label;
		int64_t rows;
	} tables[64];            /* room for every table of the schema */
	int ntables;
	uint64_t checksum;
};

/* Copies everything stored in from into to, ids included, in one
 * transaction of to; then reads to back and compares every table's row
 * count and checksum with what was read from from, rolling back when they
 * differ. Refuses (EX_CANTCREAT) when to holds any data, unless force,
 * which replaces it. Both must be at the latest schema version. */
int store_copy(struct store *from, struct store *to, int force, struct copy_report *report,
	       struct err *err);


/* ---- one entity at a time, for the API (store/entities.c) --------------
 *
 * Besides a failing database, these fail with EX_NOINPUT when the key
 * names no stored row ("no team 'x'"), EX_CANTCREAT when the write would
 * conflict with what is stored (a key that exists already, a row that
 * others refer to; the message names them and how many), and EX_DATAERR
 * for a cursor that is not one. */

enum {
	STORE_PAGE_MAX = 1000       /* rows in one page at most */
};

/* Which people a page lists. */
enum person_state {
	PEOPLE_ALL,
	PEOPLE_ACTIVE,
	PEOPLE_INACTIVE
};

/* One page of a listing in the order of the keys (byte order on both
 * engines). */
struct page_query {
	const char *after;          /* the cursor: the last key of the previous
				     * page; NULL or "" for the first page */
	size_t limit;               /* 1..STORE_PAGE_MAX rows */
	const char *team;           /* teams and people: only this team and its
				     * sub-teams; NULL for all */
	enum person_state state;    /* people: which of them */
};

/* Calls cb for each row of the page q asks for, and writes into next the
 * key of its last row when more rows follow ("" when the page is the
 * last): the cursor of the next page. Fails with EX_USAGE when limit is
 * out of range, with store_require_key's error when q->team names no
 * team. Roles are listed by key; store_each_requirement gives each one's
 * requirements. */
int store_page_teams(struct store *st, const struct page_query *q,
		     int (*cb)(void *ctx, const struct team *t), void *ctx,
		     char next[KEY_MAX + 1], struct err *err);
int store_page_people(struct store *st, const struct page_query *q,
		      int (*cb)(void *ctx, const struct person *p), void *ctx,
		      char next[KEY_MAX + 1], struct err *err);
int store_page_competencies(struct store *st, const struct page_query *q,
			    int (*cb)(void *ctx, const struct competency *c), void *ctx,
			    char next[KEY_MAX + 1], struct err *err);
int store_page_roles(struct store *st, const struct page_query *q,
		     int (*cb)(void *ctx, const char *role), void *ctx,
		     char next[KEY_MAX + 1], struct err *err);

/* Reads one row by key into out, its strings in the arena a. Returns 1
 * when found, 0 when there is no such row, -1 on error. */
int store_get_team(struct store *st, const char *key, struct team *out, struct arena *a,
		   struct err *err);
int store_get_person(struct store *st, const char *key, struct person *out,
		     struct arena *a, struct err *err);
int store_get_competency(struct store *st, const char *key, struct competency *out,
			 struct arena *a, struct err *err);

/* What refers to one stored row, and so keeps it from being deleted.
 * Evidence counts every row, retracted or not: a retracted row is kept
 * for the record. */
struct entity_refs {
	int64_t people;             /* team: members (active or not); role: holders */
	int64_t subteams;           /* team: teams whose parent it is */
	int64_t evidence;           /* person: rows about them; competency: rows on it */
	int64_t assessed;           /* person: rows they recorded as assessor */
	int64_t reports;            /* person: people whose manager they are */
	int64_t requirements;       /* competency: roles that require it */
	int64_t accounts;           /* person: users linked to them; team: users
				     * (coaches) given it */
	int64_t tokens;             /* the same of API tokens not revoked */
	int64_t quality;            /* person: quality evaluations of them or by
				     * them; competency: scorecard areas on it (of
				     * any version) */
	int64_t coaching;           /* person: coaching sessions they were coached
				     * at or coached; competency: development
				     * items on it */
};

/* Counts what refers to the row of kind (team, person, competency, role)
 * with key. Fails with EX_NOINPUT when there is none. */
int store_refs(struct store *st, enum entity kind, const char *key, struct entity_refs *out,
	       struct err *err);

/* Deletes the row of kind with key, inside a transaction: with it a
 * competency's indicators and level descriptors, a role's requirements.
 * Refused with EX_CANTCREAT when anything refers to it, with a message
 * that says what and how many ("team 'kcc' has 12 people and 3
 * sub-teams; move or remove them first"); with EX_NOINPUT when there is
 * no such row. */
int store_delete(struct store *st, enum entity kind, const char *key, struct err *err);

/* Marks person key as active or not (people who leave stay, for their
 * history), inside a transaction. Fails with EX_NOINPUT when there is no
 * such person. */
int store_set_active(struct store *st, const char *key, bool active, struct err *err);

/* Creates role key without requirements, inside a transaction; fails with
 * EX_CANTCREAT when it exists already. */
int store_create_role(struct store *st, const char *key, struct err *err);

/* Removes every requirement of role key (which must exist), inside a
 * transaction: the first step of replacing them. */
int store_clear_requirements(struct store *st, const char *role, struct err *err);

/* One evidence row of a person as their evidence page lists it. */
struct evidence_entry {
	struct evidence e;          /* the row (its person is the page's) */
	const char *reason;         /* why it was retracted; NULL when in force */
	const char *retracted_at;   /* when, as 2026-11-23T10:00:00Z; NULL when in force */
};

/* Cursors of evidence pages: "DATE/ID" of the last row of a page. */
enum {
	EVIDENCE_CURSOR_MAX = 48
};

/* Calls cb for each of person's evidence rows of one page, newest first
 * (by date, then by id: the last recorded first), retracted rows included
 * with their reason. after is the cursor of the previous page (NULL or ""
 * for the first); next gets the cursor of the next page, or "" when this
 * page is the last. Fails with EX_NOINPUT when there is no such person,
 * EX_DATAERR when after is not a cursor. */
int store_page_evidence(struct store *st, const char *person, const char *after,
			size_t limit, int (*cb)(void *ctx, const struct evidence_entry *e),
			void *ctx, char next[EVIDENCE_CURSOR_MAX], struct err *err);

/* Reads evidence row id (retracted or not, its person set) into out, its
 * strings in the arena a. Returns 1 when found, 0 when there is no such
 * row, -1 on error. */
int store_get_evidence(struct store *st, int64_t id, struct evidence_entry *out,
		       struct arena *a, struct err *err);
/* Accounts, API tokens, sessions and the audit log. */
#include "store/accounts.h"

#endif
