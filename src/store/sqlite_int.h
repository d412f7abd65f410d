/* What the files of the SQLite backend share (sqlite.c, sqlite_entities.c,
 * sqlite_evidence.c, sqlite_views.c): the connection, the statement ids
 * and the helpers that run statements. Nothing outside them includes it. */
#ifndef COMPGAP_SQLITE_INT_H
#define COMPGAP_SQLITE_INT_H

#include <sqlite3.h>
#include <stdint.h>
#include <time.h>

#include "store/backend.h"

enum {
	EVIDENCE_ROWS_PER_INSERT = 64,  /* rows in one multi-row INSERT */
	BULK_MIN_ROWS = 100000          /* see bulk_check, sqlite_evidence.c */
};

/* Every statement the backend runs, prepared on first use. */
enum stmt_id {
	Q_VERSION,
	Q_KEYS_TEAM, Q_KEYS_PERSON, Q_KEYS_COMPETENCY, Q_KEYS_ROLE,
	Q_KEY_TEAM, Q_KEY_PERSON, Q_KEY_COMPETENCY, Q_KEY_ROLE,
	Q_COUNT_TEAM, Q_COUNT_PERSON, Q_COUNT_COMPETENCY, Q_COUNT_ROLE, Q_COUNT_EVIDENCE,
	Q_PERSON_ID_MAX,
	Q_DATA_GENERATION,
	Q_ADVANCE_GENERATION,
	Q_PUT_TEAM, Q_PUT_PERSON, Q_PUT_COMPETENCY, Q_PUT_ROLE,
	Q_DELETE_INDICATORS, Q_INSERT_INDICATOR, Q_PUT_REQUIREMENT,
	Q_LOG_IMPORT, Q_LOG_IMPORT_ROWS, Q_APPEND_EVIDENCE, Q_APPEND_EVIDENCE_MANY,
	Q_EVIDENCE_STATE, Q_RETRACT,
	Q_TEAMS, Q_TEAM_BY_KEY, Q_PEOPLE, Q_PERSON_BY_KEY,
	Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, Q_INDICATORS, Q_INDICATORS_OF,
	Q_REQUIREMENTS, Q_REQUIREMENTS_OF,
	Q_EVIDENCE_ALL, Q_EVIDENCE_PERSON, Q_EVIDENCE_PERSON_COMPETENCY, Q_EVIDENCE_COMPETENCY,
	Q_SETTINGS, Q_PUT_SETTING, Q_ADD_SUMS, Q_PUT_SUMS, Q_PAIR_ROWS, Q_PAIR_OF_EVIDENCE,
	Q_ALL_ROWS_BY_PAIR, Q_DELETE_SUMS, Q_PAIR_HISTORY, Q_PAIRS_STORED,
	Q_TEAM_ID, Q_SNAPSHOT_TEAM_MEMBERS, Q_SNAPSHOT_PERSON_MEMBER, Q_SNAPSHOT_ALL_MEMBERS, Q_ROLE_REQUIREMENTS,
	Q_PAIR_SUMS, Q_ALL_SUMS, Q_COMPETENCY_SUMS, Q_CANDIDATES_BEST, Q_CANDIDATES_TEAM,
	Q_CANDIDATES_NEWER, Q_MEMBER_BY_ID, Q_NEWEST, Q_NOTE_NEWEST,
	Q_PAGE_TEAMS, Q_PAGE_PEOPLE, Q_PAGE_COMPETENCIES, Q_PAGE_ROLES,
	Q_REFS_TEAM, Q_REFS_PERSON, Q_REFS_COMPETENCY, Q_REFS_ROLE,
	Q_DELETE_TEAM, Q_DELETE_PERSON, Q_DELETE_COMPETENCY, Q_DELETE_ROLE,
	Q_UNLINK_REVOKED_TEAM, Q_UNLINK_REVOKED_PERSON,
	Q_DELETE_REQUIREMENTS, Q_PAGE_EVIDENCE,
	Q_EVIDENCE_BY_ID,
	Q_COUNT_OF_STATEMENTS
};

struct conn {
	sqlite3 *db;
	char path[4096];
	int busy_ms;                 /* how long to wait for another's lock */
	struct timespec busy_since;  /* when the current wait began */
	double waited;               /* seconds the last wait lasted */
	int readonly;                /* opened for reading only: the user may not write it */
	sqlite3_stmt *stmts[Q_COUNT_OF_STATEMENTS];
	int64_t tx_evidence;         /* evidence rows appended in this transaction */
	char *dropped_index;         /* SQL of the evidence index dropped for a bulk load */
	sqlite3_stmt *acct_stmts[ACCT_STMT_MAX]; /* sqlite_accounts.c's, prepared on first use */
	sqlite3_stmt *qa_stmts[QA_COUNT_OF_STATEMENTS]; /* sqlite_quality.c's, likewise */
	sqlite3_stmt *co_stmts[CO_COUNT_OF_STATEMENTS]; /* sqlite_coaching.c's (sq_run_kept) */
	sqlite3_stmt *pl_stmts[PL_COUNT_OF_STATEMENTS]; /* sqlite_plans.c's, likewise */
	sqlite3_stmt *tx_stmts[TX_COUNT_OF_STATEMENTS]; /* sqlite_texts.c's, likewise */
};

/* A typed callback and its context, for the row functions of listings. */
struct callback {
	void *cb;    /* the caller's typed callback */
	void *ctx;
};

static inline struct conn *sq_conn_of(struct store *st)
{
	return st->conn;
}

/* sqlite.c: running statements. */

/* Turns an SQLite failure into an error with a sysexits code and a hint. */
int sq_db_error(struct store *st, int rc, const char *doing, struct err *err);
/* Statement id, reset and unbound, prepared on first use; NULL on failure. */
sqlite3_stmt *sq_prepare(struct store *st, enum stmt_id id, struct err *err);
/* Binds v as text, or NULL when v is NULL; v must outlive the step. */
void sq_bind_text(sqlite3_stmt *s, int i, const char *v);
/* Ends a loop over a statement's rows: the callback's stop value, else 0
 * when all rows were read, else the error. */
int sq_each_done(struct store *st, sqlite3_stmt *s, int rc, int stop, const char *doing,
		 struct err *err);
/* Column i of the current row as text (NULL for SQL NULL). */
const char *sq_column_text(sqlite3_stmt *s, int i);
/* Runs a statement that returns no rows or one row holding an id. */
int sq_step_done(struct store *st, sqlite3_stmt *s, const char *doing, int64_t *id,
		 struct err *err);
/* Runs plain SQL, several statements allowed. */
int sq_exec(struct store *st, const char *sql, const char *doing, struct err *err);

/* sqlite_entities.c: steps through a prepared query, calling row(s, arg)
 * for each result (and stopping when it returns nonzero). */
int sq_run_query(struct store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *s, void *arg),
		 void *arg, struct err *err);

/* sqlite_evidence.c: a bulk load of evidence (see bulk_check there).
 * sq_bulk_finish rebuilds the dropped index before commit; sq_bulk_forget
 * forgets the load when a transaction begins or ends. */
int sq_bulk_finish(struct store *st, struct err *err);
void sq_bulk_forget(struct conn *c);
/* Reads sums columns from first on (NULL columns: no sums). */
void sq_column_sums(sqlite3_stmt *s, int first, struct evidence_sums *out);

/* The members of backend_sqlite (sqlite.c) that the other files define;
 * backend.h says what each does. */

/* sqlite_entities.c: keys, counts, upserts and listings of teams, people,
 * competencies, indicators, roles and their requirements. */
int sq_each_key(struct store *st, enum entity kind, const char *only,
		int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
		struct err *err);
int sq_count(struct store *st, enum entity kind, int64_t *n, struct err *err);
int sq_person_id_max(struct store *st, int64_t *n, struct err *err);
/* The one number that statement q gives (its first row's first column);
 * doing names the work in an error. */
int sq_one_number(struct store *st, enum stmt_id q, const char *doing, int64_t *n,
		  struct err *err);
int sq_lock_tree(struct store *st, enum entity kind, struct err *err);
int sq_put_team(struct store *st, const struct team *t, int64_t *id, struct err *err);
int sq_put_person(struct store *st, const struct person *p, int64_t *id, struct err *err);
int sq_put_competency(struct store *st, const struct competency *c, int64_t *id,
		      struct err *err);
int sq_put_role(struct store *st, const char *key, int64_t *id, struct err *err);
int sq_replace_indicators(struct store *st, int64_t competency_id,
			  const struct indicator *items, size_t n, struct err *err);
int sq_put_requirement(struct store *st, int64_t role_id, int64_t competency_id,
		       const struct requirement *r, struct err *err);
int sq_log_import(struct store *st, const char *kind, const char *source_name,
		  int64_t *batch, struct err *err);
int sq_log_import_rows(struct store *st, int64_t batch, int64_t rows, struct err *err);
int sq_each_team(struct store *st, const char *key,
		 int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
int sq_each_person(struct store *st, const char *key,
		   int (*cb)(void *ctx, const struct person *p), void *ctx,
		   struct err *err);
int sq_each_competency(struct store *st, const char *key,
		       int (*cb)(void *ctx, const struct competency *c), void *ctx,
		       struct err *err);
int sq_each_indicator(struct store *st, const char *competency,
		      int (*cb)(void *ctx, const struct indicator *i), void *ctx,
		      struct err *err);
int sq_each_requirement(struct store *st, const char *role,
			int (*cb)(void *ctx, const struct requirement *r), void *ctx,
			struct err *err);

/* sqlite_evidence.c: evidence in, retractions, running sums, and the
 * settings they depend on. */
int sq_append_evidence(struct store *st, const struct evidence *rows,
		       const int64_t *ids, size_t n, struct err *err);
int sq_retract_evidence(struct store *st, int64_t id, const char *reason,
			struct err *err);
int sq_add_sums(struct store *st, const struct pair_sums *pairs, size_t n,
		struct err *err);
int sq_stored_histories(struct store *st, const struct pair_sums *pairs, size_t n,
			int (*cb)(void *ctx, size_t i, const unsigned char *blob, size_t len),
			void *ctx, struct err *err);
int sq_rebuild_sums(struct store *st, struct err *err);
int sq_get_sums(struct store *st, int64_t person_id, int64_t competency_id,
		int32_t as_of, struct evidence_sums *out, struct err *err);
int sq_each_sums(struct store *st, int64_t competency_id, int32_t as_of,
		 int (*cb)(void *ctx, const struct pair_sums *p),
		 void *ctx, struct err *err);
int sq_newest_evidence(struct store *st, int32_t *date, struct err *err);
int sq_note_newest(struct store *st, int32_t date, struct err *err);
int sq_each_setting(struct store *st,
		    int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
		    struct err *err);
int sq_put_setting(struct store *st, const char *key, const char *value, struct err *err);

/* sqlite_views.c: the reads behind the views (members, role requirements,
 * possible mentors, evidence rows) and whole tables for copy.c. */
int sq_each_member(struct store *st, const struct snapshot_filter *f,
		   int (*cb)(void *ctx, const struct member_row *m), void *ctx,
		   struct err *err);
int sq_each_role_requirement(struct store *st,
			     int (*cb)(void *ctx, const struct requirement_row *r),
			     void *ctx, struct err *err);
int sq_member_by_id(struct store *st, int64_t person_id,
		    int (*cb)(void *ctx, const char *person, const char *team), void *ctx,
		    struct err *err);
int sq_each_candidate(struct store *st, enum candidate_scope scope,
		      const struct candidate_ask *a,
		      int (*cb)(void *ctx, const struct candidate_row *c), void *ctx,
		      struct err *err);
int sq_each_evidence(struct store *st, const struct evidence_filter *f,
		     int (*cb)(void *ctx, const struct evidence *e), void *ctx,
		     struct err *err);
int sq_each_row(struct store *st, const struct table_def *t,
		int (*cb)(void *ctx, const struct cell *row), void *ctx, struct err *err);
int sq_put_rows(struct store *st, const struct table_def *t, const struct cell *rows,
		size_t n, struct err *err);
int sq_count_rows(struct store *st, const struct table_def *t, int64_t *n,
		  struct err *err);
int sq_clear_tables(struct store *st, struct err *err);
int sq_copy_finish(struct store *st, struct err *err);


/* sq_entities.c: pages of teams, people, competencies and roles;
 * sqlite_refs.c: references, deletes and pages of a person's evidence
 * (backend.h says what each does). */
int sq_page_teams(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
int sq_page_people(struct store *st, const struct page_query *q, size_t n,
		   int (*cb)(void *ctx, const struct person *p), void *ctx, struct err *err);
int sq_page_competencies(struct store *st, const struct page_query *q, size_t n,
			 int (*cb)(void *ctx, const struct competency *c), void *ctx,
			 struct err *err);
int sq_page_roles(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const char *role), void *ctx, struct err *err);
int sq_refs(struct store *st, enum entity kind, int64_t id, struct entity_refs *out,
	    struct err *err);
int sq_delete_row(struct store *st, enum entity kind, int64_t id, struct err *err);
int sq_clear_requirements(struct store *st, int64_t role_id, struct err *err);
int sq_page_evidence(struct store *st, const char *person, int32_t date, int64_t id,
		     size_t n, int (*cb)(void *ctx, const struct evidence_entry *e),
		     void *ctx, struct err *err);
int sq_evidence_by_id(struct store *st, int64_t id,
		      int (*cb)(void *ctx, const struct evidence_entry *e), void *ctx,
		      struct err *err);

#endif
