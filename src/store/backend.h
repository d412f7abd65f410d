/* What a storage backend implements. store.c holds the engine-independent
 * parts (choosing the backend, the key cache, argument checks) and calls
 * these; sqlite.c and pg.c fill in one struct backend each. Nothing
 * outside src/store/ includes this file. */
#ifndef COMPGAP_BACKEND_H
#define COMPGAP_BACKEND_H

#include "store/accounts_be.h"
#include "store/alerts_be.h"
#include "store/okr_be.h"
#include "store/plans_be.h"
#include "store/privacy_be.h"
#include "store/coaching_be.h"
#include "store/quality_be.h"
#include "store/store.h"
#include "store/tables.h"
#include "store/texts_be.h"
#include "util/buf.h"
#include "util/strmap.h"

struct backend;

/* A member of a snapshot as the backend reads it. */
struct member_row {
	int64_t id, role_id;             /* role_id 0: no role */
	const char *key, *name, *team, *role;
};

/* One competency that a role requires. */
struct requirement_row {
	int64_t role_id, competency_id;
	const char *competency;          /* its key */
	int required_level, weight;
};

/* Which possible mentors of one competency a backend reads. */
enum candidate_scope {
	/* active people whose stored sums are valid for as_of (no row after
	 * it) and give at least min_level and, as of as_of, at least
	 * min_weight; highest level first */
	CANDIDATES_BEST,
	/* the active members of team and its sub-teams with sums on it */
	CANDIDATES_TEAM,
	/* people with rows after as_of and a best level of at least
	 * min_level, highest best level first: only their ids and histories
	 * (mentors.c makes their sums those of as_of, and looks up the few
	 * it passes on with member_by_id) */
	CANDIDATES_NEWER
};

struct candidate_ask {
	const char *competency, *team;   /* keys */
	double min_level, min_weight;
	int32_t as_of;
};

/* The sums of one (person, competency) pair and a history blob
 * (docs/time-travel.md), the version byte and entries. Given to add_sums:
 * the entries of the rows the sums add, which a stored history gets
 * appended (without the version byte). Read by each_sums: the stored blob,
 * or NULL when the backend did not read it (the sums are valid for the
 * date asked). */
struct pair_sums {
	int64_t person_id, competency_id;
	struct evidence_sums sums;
	const unsigned char *history;
	size_t history_len;
};

/* Stored sums of a possible mentor, and its stored history when the sums
 * are newer than as_of (else NULL). */
struct candidate_row {
	int64_t person_id, competency_id;
	const char *competency, *person, *team;
	struct evidence_sums sums;
	const unsigned char *history;
	size_t history_len;
};

/* The schema version both engines migrate to; each backend has exactly this
 * many migrations. */
enum {
	SCHEMA_VERSION = 15,
	MENTOR_LEVEL_SCHEMA = 10,    /* the first whose best levels count the mentor minimum */
	GENERATION_SCHEMA = 7        /* the first with the data generation */
};

/* Running sums added in the open transaction, per (person id, competency
 * id), written to the store at commit (store.c). */
struct pending_sums {
	int64_t *keys;                   /* 2 per slot: person, competency; 0: free */
	struct evidence_sums *sums;
	struct buf *history;             /* per slot: the history blob of the rows summed */
	size_t cap, count;
};

struct store {
	const struct backend *be;        /* the engine's functions */
	struct settings settings;        /* in force: defaults and the database's */
	struct pending_sums pending;     /* sums to add at commit */
	void *conn;                      /* the engine's connection state */
	char describe[256];              /* "sqlite:PATH", "postgresql:DB on HOST:PORT" */
	int in_tx;                       /* a transaction is open */
	struct strmap keys[ENTITY_KEYED];/* key -> id, loaded on first lookup */
	int keys_loaded[ENTITY_KEYED];
	int keys_asked[ENTITY_KEYED];    /* lookups of one key each since */
	int64_t batch;                   /* current import batch, 0 for none */
	int busy_ms;                     /* how long to wait for another's lock; -1: no limit */
	struct buf scratch;              /* store_best_level's decoded rows */
	/* The data generation (store_data_generation): of the open
	 * transaction, and the one that settings and the key cache were
	 * loaded at; -1 unknown (a schema before it, or after a write was
	 * rolled back), which reloads them. */
	int64_t generation, loaded_generation;
	int has_generation;              /* the schema has the counter */
	int tx_write;                    /* the open transaction writes */
	int tx_log_only;                 /* ... only logs (store_begin_log) */
};

struct backend {
	const char *name;
	/* Connects; fails with EX_NOINPUT when the database is missing and
	 * create is 0. Sets st->conn. */
	int (*open)(struct store *st, const char *target, int create, struct err *err);
	void (*close)(struct store *st);
	int (*schema_version)(struct store *st, int *version, struct err *err);
	/* Begins the transaction of a migration (store.c runs it, then
	 * commits or rolls back), once no other process migrates. */
	int (*begin_migration)(struct store *st, struct err *err);
	/* Applies migration version and records it as applied at applied_at. */
	int (*apply_migration)(struct store *st, int version, const char *applied_at,
			       struct err *err);
	int (*begin)(struct store *st, int write, struct err *err);
	int (*commit)(struct store *st, struct err *err);
	/* The data generation as the open transaction sees it, and advancing
	 * it by one inside a write transaction. */
	int (*data_generation)(struct store *st, int64_t *n, struct err *err);
	int (*advance_generation)(struct store *st, struct err *err);
	void (*rollback)(struct store *st);
	/* Calls cb for every key of kind with its id; only for the key only
	 * when it is not NULL (at most one row). */
	int (*each_key)(struct store *st, enum entity kind, const char *only,
			int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
			struct err *err);
	int (*count)(struct store *st, enum entity kind, int64_t *n, struct err *err);
	/* The largest id of a person (0 for none): at least their number,
	 * read from the key's index rather than by counting. */
	int (*person_id_max)(struct store *st, int64_t *n, struct err *err);
	/* See store_lock_tree. */
	int (*lock_tree)(struct store *st, enum entity kind, struct err *err);
	/* Upserts return the row's id in *id. */
	int (*put_team)(struct store *st, const struct team *t, int64_t *id, struct err *err);
	int (*put_person)(struct store *st, const struct person *p, int64_t *id, struct err *err);
	int (*put_competency)(struct store *st, const struct competency *c, int64_t *id,
			      struct err *err);
	int (*put_role)(struct store *st, const char *key, int64_t *id, struct err *err);
	int (*replace_indicators)(struct store *st, int64_t competency_id,
				  const struct indicator *items, size_t n, struct err *err);
	int (*put_requirement)(struct store *st, int64_t role_id, int64_t competency_id,
			       const struct requirement *r, struct err *err);
	int (*log_import)(struct store *st, const char *kind, const char *source_name,
			  int64_t *batch, struct err *err);
	int (*log_import_rows)(struct store *st, int64_t batch, int64_t rows, struct err *err);
	/* ids[3*i .. 3*i+2] are person, competency and assessor (0: none) of
	 * rows[i]. */
	int (*append_evidence)(struct store *st, const struct evidence *rows,
			       const int64_t *ids, size_t n, struct err *err);
	int (*retract_evidence)(struct store *st, int64_t id, const char *reason,
				struct err *err);
	int (*each_team)(struct store *st, const char *key,
			 int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
	int (*each_person)(struct store *st, const char *key,
			   int (*cb)(void *ctx, const struct person *p), void *ctx,
			   struct err *err);
	int (*each_competency)(struct store *st, const char *key,
			       int (*cb)(void *ctx, const struct competency *c), void *ctx,
			       struct err *err);
	int (*each_indicator)(struct store *st, const char *competency,
			      int (*cb)(void *ctx, const struct indicator *i), void *ctx,
			      struct err *err);
	int (*each_requirement)(struct store *st, const char *role,
				int (*cb)(void *ctx, const struct requirement *r), void *ctx,
				struct err *err);
	int (*each_evidence)(struct store *st, const struct evidence_filter *f,
			     int (*cb)(void *ctx, const struct evidence *e), void *ctx,
			     struct err *err);
	int (*each_setting)(struct store *st,
			    int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
			    struct err *err);
	int (*put_setting)(struct store *st, const char *key, const char *value,
			   struct err *err);
	/* Adds pairs[i].sums to the stored sums of each pair, in the order
	 * given; the pairs are distinct. store.c gives them in the order of
	 * (competency id, person id), so that concurrent writers lock rows in
	 * one order. */
	int (*add_sums)(struct store *st, const struct pair_sums *pairs, size_t n,
			struct err *err);
	/* The stored history of each of pairs[0..n-1] that has a stored row
	 * (its whole blob, version byte first): cb(ctx, i, blob, len), i the
	 * pair's index, until cb returns nonzero. For add_sums' best levels,
	 * which need the whole history (history_best_level); so the rows
	 * stay as read until the transaction ends: on PostgreSQL they are
	 * locked, and a lock held to the end serializes the writers of sums
	 * (a pair that two of them insert at once would otherwise be read
	 * by neither). The pairs come in add_sums' order. */
	int (*stored_histories)(struct store *st, const struct pair_sums *pairs, size_t n,
				int (*cb)(void *ctx, size_t i, const unsigned char *blob,
					  size_t len),
				void *ctx, struct err *err);
	/* Recomputes every running sum from the evidence in force, with
	 * st->settings. */
	int (*rebuild_sums)(struct store *st, struct err *err);
	/* The snapshot's parts; store.c puts them together. The people f
	 * selects, in the order of their keys; fails with EX_DATAERR when the
	 * team or person does not exist. */
	int (*each_member)(struct store *st, const struct snapshot_filter *f,
			   int (*cb)(void *ctx, const struct member_row *m), void *ctx,
			   struct err *err);
	/* Every role's requirements, by role id, then in the order of the
	 * role's profile. */
	int (*each_role_requirement)(struct store *st,
				     int (*cb)(void *ctx, const struct requirement_row *r),
				     void *ctx, struct err *err);
	/* The sums of one pair as of as_of (store_pair_as_of); all zero
	 * when it has none. */
	int (*get_sums)(struct store *st, int64_t person_id, int64_t competency_id,
			int32_t as_of, struct evidence_sums *out, struct err *err);
	/* Every stored sum (of competency row competency_id only, when it
	 * is not 0), in no particular order, with its history when the sums
	 * are newer than as_of. */
	int (*each_sums)(struct store *st, int64_t competency_id, int32_t as_of,
			 int (*cb)(void *ctx, const struct pair_sums *p),
			 void *ctx, struct err *err);
	/* The latest date of any evidence stored (0: none yet); retractions
	 * never lower it. note_newest raises it to date. */
	int (*newest_evidence)(struct store *st, int32_t *date, struct err *err);
	int (*note_newest)(struct store *st, int32_t date, struct err *err);
	/* Stored sums of possible mentors on one competency (see enum
	 * candidate_scope). cb returns nonzero to stop. */
	int (*each_candidate)(struct store *st, enum candidate_scope scope,
			      const struct candidate_ask *a,
			      int (*cb)(void *ctx, const struct candidate_row *c), void *ctx,
			      struct err *err);

	/* Calls cb with the key and team key of person id when active;
	 * returns 0 without calling it otherwise. */
	int (*member_by_id)(struct store *st, int64_t person_id,
			    int (*cb)(void *ctx, const char *person, const char *team), void *ctx,
			    struct err *err);

	/* Whole tables, for copying a database (copy.c). Calls cb with every
	 * row of t, in the order of its key. */
	int (*each_row)(struct store *st, const struct table_def *t,
			int (*cb)(void *ctx, const struct cell *row), void *ctx, struct err *err);
	/* Inserts rows[0..n) of t (t->ncolumns cells each) as they are, ids
	 * and all. */
	int (*put_rows)(struct store *st, const struct table_def *t, const struct cell *rows,
			size_t n, struct err *err);
	int (*count_rows)(struct store *st, const struct table_def *t, int64_t *n,
			  struct err *err);
	/* Empties every table of store_tables. */
	int (*clear_tables)(struct store *st, struct err *err);
	/* After put_rows: rows stored later get ids after the largest copied. */
	int (*copy_finish)(struct store *st, struct err *err);

	/* One entity at a time, for the API (store/entities.c). At most n
	 * rows of the page q asks for, its after never NULL ("" for the
	 * first page) and its team, when given, an existing team. */
	int (*page_teams)(struct store *st, const struct page_query *q, size_t n,
			  int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
	int (*page_people)(struct store *st, const struct page_query *q, size_t n,
			   int (*cb)(void *ctx, const struct person *p), void *ctx,
			   struct err *err);
	int (*page_competencies)(struct store *st, const struct page_query *q, size_t n,
				 int (*cb)(void *ctx, const struct competency *c), void *ctx,
				 struct err *err);
	int (*page_roles)(struct store *st, const struct page_query *q, size_t n,
			  int (*cb)(void *ctx, const char *role), void *ctx, struct err *err);
	/* Counts what refers to row id of kind. */
	int (*refs)(struct store *st, enum entity kind, int64_t id, struct entity_refs *out,
		    struct err *err);
	/* Deletes row id of kind; what it owns (a competency's indicators, a
	 * role's requirements) is gone already. */
	int (*delete_row)(struct store *st, enum entity kind, int64_t id, struct err *err);
	int (*clear_requirements)(struct store *st, int64_t role_id, struct err *err);
	/* At most n evidence rows of person (a key) that come after (date, id) in
	 * the order newest first: by date, then id, descending. */
	int (*page_evidence)(struct store *st, const char *person, int32_t date, int64_t id,
			     size_t n, int (*cb)(void *ctx, const struct evidence_entry *e),
			     void *ctx, struct err *err);
	/* Calls cb with evidence row id (its person set), when there is one. */
	int (*evidence_by_id)(struct store *st, int64_t id,
			      int (*cb)(void *ctx, const struct evidence_entry *e), void *ctx,
			      struct err *err);
	/* Accounts, tokens, sessions, the audit log: store/accounts_be.h. */
	acct_run_fn *acct_run;
	/* The privacy rights' statements: store/privacy_be.h. */
	privacy_run_fn *privacy_run;
	/* The library's texts in other languages: store/texts_be.h. */
	texts_run_fn *texts_run;
	/* Scorecards and evaluations: store/quality_be.h. */
	qa_run_fn *qa_run;
	/* Coaching sessions: store/coaching_be.h. */
	coach_run_fn *coach_run;
	/* Alerts and webhooks: store/alerts_be.h. */
	al_run_fn *al_run;
	/* Development plans: store/plans_be.h. */
	plan_run_fn *plan_run;
	/* Objectives, key results and check-ins: store/okr_be.h. */
	okr_run_fn *okr_run;
};

/* The sums of a pair's history blob as of as_of, whatever sums are stored;
 * fails with EX_DATAERR naming the pair when the blob is NULL or
 * malformed. */
int store_history_as_of(const struct store *st, int64_t person_id, int64_t competency_id,
			const unsigned char *history, size_t len, int32_t as_of,
			struct evidence_sums *sums, struct err *err);

/* Makes the stored sums of a pair valid for as_of: they are when they hold
 * no row after it; else they are computed from the history (blob, len),
 * which the backend read beside them. Fails with EX_DATAERR naming the
 * pair when the history is malformed. */
int store_pair_as_of(const struct store *st, int64_t person_id, int64_t competency_id,
		     const unsigned char *history, size_t len, int32_t as_of,
		     struct evidence_sums *sums, struct err *err);

/* Fails with EX_DATAERR: history_append refused a row of the pair (a
 * level that is not exactly a number with its decimals), or memory ran
 * out. */
int store_history_refused(int64_t person_id, int64_t competency_id, struct err *err);

/* store/pending.c: the open transaction's new rows' running sums. add
 * counts evidence row e of the pair; flush writes them all to the backend
 * (at commit, and before what reads the stored sums); clear forgets them
 * (at rollback and close). */
int store_pending_add(struct store *st, int64_t person, int64_t competency,
		      const struct evidence *e, struct err *err);
int store_pending_flush(struct store *st, struct err *err);
void store_pending_clear(struct pending_sums *p);

/* Sets sums->best_level from the pair's whole history blob, version byte
 * first (history_best_level). Fails like store_history_refused. */
int store_best_level(struct store *st, int64_t person_id, int64_t competency_id,
		     const unsigned char *history, size_t len, struct evidence_sums *sums,
		     struct err *err);

/* The time now, in UTC, as 2026-11-23T10:00:00Z. */
void store_now_utc(char out[32]);

/* Forgets the cached keys and reads the settings again, after writes that
 * went around store.c (a copy). */
int store_reload(struct store *st, struct err *err);

extern const struct backend backend_sqlite;
extern const struct backend backend_pg;

/* True when target names a PostgreSQL database: a postgresql:// or
 * postgres:// URI, or a libpq key=value connection string. */
int backend_pg_claims(const char *target);

#endif
