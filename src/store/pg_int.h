/* What the files of the PostgreSQL backend share (pg.c, pg_entities.c,
 * pg_evidence.c, pg_views.c): the connection, the statement ids and the
 * helpers that run statements. Nothing outside them includes it. */
#ifndef COMPGAP_PG_INT_H
#define COMPGAP_PG_INT_H

#include "store/pq_api.h"
#include <stdbool.h>
#include <stdint.h>

#include "store/backend.h"
#include "store/pg_conn.h"
#include "util/buf.h"
#include "util/dtoa.h"

enum {
	MAX_PARAMS = 12,
	BULK_MIN_ROWS = 100000,      /* see bulk_check, pg_evidence.c */
	BUF_MAX = 1 << 30,           /* the most any statement or COPY piece may take */
	FETCH_ROWS = 20000,          /* rows per FETCH from a cursor */
	BEST_PER_FETCH = 64,         /* ... reading the best holders, which stop early */
	COPY_FLUSH_BYTES = 1 << 16   /* COPY data sent in pieces of about this */
};

/* Advisory lock keys (docs/deployment.md): migrations take the first
 * exclusively; write transactions take the second shared, and changing a
 * setting that the running sums depend on takes it exclusively, so that
 * no import adds sums made with the old setting after the rebuild. */
#define LOCK_MIGRATION "7306916122734379313"   /* "compgap1" as an int8 */
#define LOCK_SETTINGS "7306916122734379314"    /* "compgap2" */
#define LOCK_SUMS "7306916122734379315"        /* "compgap3": writers of added sums */

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
	Q_LOG_IMPORT, Q_LOG_IMPORT_ROWS, Q_EVIDENCE_STATE, Q_RETRACT,
	Q_TEAMS, Q_TEAM_BY_KEY, Q_PEOPLE, Q_PERSON_BY_KEY,
	Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, Q_INDICATORS, Q_INDICATORS_OF,
	Q_REQUIREMENTS, Q_REQUIREMENTS_OF,
	Q_SETTINGS, Q_PUT_SETTING, Q_ADD_SUMS, Q_PUT_SUMS, Q_LOCK_SUMS, Q_PAIR_ROWS,
	Q_PAIR_OF_EVIDENCE, Q_DELETE_SUMS, Q_LOCK_SUMS_WRITERS, Q_PAIR_HISTORIES,
	Q_TEAM_ID, Q_SNAPSHOT_TEAM_MEMBERS, Q_SNAPSHOT_PERSON_MEMBER, Q_SNAPSHOT_ALL_MEMBERS, Q_ROLE_REQUIREMENTS,
	Q_PAIR_SUMS, Q_CANDIDATES_BEST, Q_CANDIDATES_TEAM,
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
	struct pg_conn link;              /* the connection and its description */
	bool prepared[Q_COUNT_OF_STATEMENTS];
	struct buf copy;                  /* COPY data being put together */
	bool copy_open;                   /* a COPY of evidence waits for more rows */
	bool copy_ids;                    /* ... and names the id column */
	int64_t tx_evidence;              /* evidence rows appended in this transaction */
	int64_t evidence_before;          /* rows in force when it began; -1: not counted */
	struct buf bulk_restore;          /* SQL that restores what a bulk load dropped;
					   * empty when none was dropped */
	bool acct_prepared[ACCT_STMT_MAX];/* pg_accounts.c's statements prepared */
	bool co_prepared[CO_COUNT_OF_STATEMENTS]; /* pg_coaching.c's (pq_run_kept) */
	bool pl_prepared[PL_COUNT_OF_STATEMENTS]; /* pg_plans.c's, likewise */
	bool tx_prepared[TX_COUNT_OF_STATEMENTS]; /* pg_texts.c's, likewise */
};

/* Statement parameters, all sent as text (NULL: SQL NULL). */
struct params {
	int n;
	const char *values[MAX_PARAMS];
	char text[MAX_PARAMS][DTOA_MAX];
};

/* A typed callback and its context, for the row functions of listings. */
struct callback {
	void *cb;    /* the caller's typed callback */
	void *ctx;
};

static inline struct conn *pgb_conn_of(struct store *st)
{
	return st->conn;
}

static inline PGconn *pgb_pg(struct store *st)
{
	return pgb_conn_of(st)->link.pg;
}

/* pg.c: parameters, columns and running statements. */

/* Add a parameter: text (NULL: SQL NULL), an integer, a double as its
 * shortest exact decimal form, a boolean. */
void pgb_param_text(struct params *p, const char *v);
void pgb_param_int(struct params *p, int64_t v);
void pgb_param_real(struct params *p, double v);
void pgb_param_bool(struct params *p, int v);
/* Column col of row of a binary result: whether it is NULL, an int2,
 * int4 or int8, a float8, text (NUL-terminated by libpq). */
int pgb_col_null(const PGresult *r, int row, int col);
int64_t pgb_col_int(const PGresult *r, int row, int col);
double pgb_col_real(const PGresult *r, int row, int col);
/* Appends n bytes in hex, as decode(x, 'hex') and bytea's hex form
 * (after its \x) read them. Returns 0, or -1 when memory ran out. */
int pgb_hex_add(struct buf *b, const unsigned char *p, size_t n);
/* A bytea column of a binary result, PQgetlength bytes; NULL for NULL. */
const unsigned char *pgb_col_bytes(const PGresult *r, int row, int col);
const char *pgb_col_text(const PGresult *r, int row, int col);
/* Words a failure of r (NULL: of the connection) while doing. */
int pgb_error(struct store *st, const PGresult *r, const char *doing, struct err *err);
/* Runs plain SQL (no parameters, text results, several statements). */
int pgb_exec(struct store *st, const char *sql, const char *doing, struct err *err);
/* Runs statement id, prepared on first use, with binary results; NULL on
 * failure (err set). The caller clears the result. */
PGresult *pgb_run(struct store *st, enum stmt_id id, const struct params *p,
		  const char *doing, struct err *err);
/* Runs a statement for its effect; *out gets the first column of the
 * first row when out is not NULL and there is one. */
int pgb_run_done(struct store *st, enum stmt_id id, const struct params *p,
		 const char *doing, int64_t *out, struct err *err);
/* Calls row(r, i, arg) for each row of a prepared statement's result
 * until it returns nonzero, which it returns. */
int pgb_run_rows(struct store *st, enum stmt_id id, const struct params *p,
		 int (*row)(const PGresult *r, int i, void *arg), void *arg,
		 const char *doing, struct err *err);
/* As pgb_run_rows for sql that is not prepared, read through a cursor
 * so that memory stays bounded. */
int pgb_cursor_rows(struct store *st, const char *sql, const struct params *p,
		    int (*row)(const PGresult *r, int i, void *arg), void *arg,
		    const char *doing, struct err *err);
/* As pgb_run_rows for statement id, read through a cursor per_fetch rows
 * at a time: for a reader that stops early (the best holders of a
 * competency), so that the server plans for the first rows and sends no
 * more than are read. */
int pgb_cursor_stmt(struct store *st, enum stmt_id id, int per_fetch, const struct params *p,
		    int (*row)(const PGresult *r, int i, void *arg), void *arg,
		    const char *doing, struct err *err);
/* pg_copy.c: COPY FROM STDIN: pgb_copy_begin starts one, pgb_copy_text appends a
 * value in COPY's text format to b, pgb_copy_send sends b and empties it,
 * pgb_copy_end ends the COPY with the server's verdict. pgb_copy_close
 * ends the COPY of evidence that pq_append_evidence leaves open; every
 * other statement calls it first. */
int pgb_copy_begin(struct store *st, const char *sql, const char *doing, struct err *err);
int pgb_copy_text(struct buf *b, const char *s);
int pgb_copy_send(struct store *st, struct buf *b, struct err *err);
int pgb_copy_end(struct store *st, const char *abort_reason, const char *doing,
		 struct err *err);
int pgb_copy_close(struct store *st, struct err *err);

/* pg_evidence.c: reads sums columns from first on (NULL: no sums). */
void pgb_col_sums(const PGresult *r, int i, int first, struct evidence_sums *out);

/* The members of backend_pg (pg.c) that the other files define; backend.h
 * says what each does. */

/* pg_entities.c: keys, counts, upserts and listings of teams, people,
 * competencies, indicators, roles and their requirements. */
int pq_each_key(struct store *st, enum entity kind, const char *only,
		int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
		struct err *err);
int pq_count(struct store *st, enum entity kind, int64_t *n, struct err *err);
int pq_person_id_max(struct store *st, int64_t *n, struct err *err);
int pq_lock_tree(struct store *st, enum entity kind, struct err *err);
int pq_put_team(struct store *st, const struct team *t, int64_t *id, struct err *err);
int pq_put_person(struct store *st, const struct person *r, int64_t *id, struct err *err);
int pq_put_competency(struct store *st, const struct competency *k, int64_t *id,
		      struct err *err);
int pq_put_role(struct store *st, const char *key, int64_t *id, struct err *err);
int pq_replace_indicators(struct store *st, int64_t competency_id,
			  const struct indicator *items, size_t n, struct err *err);
int pq_put_requirement(struct store *st, int64_t role_id, int64_t competency_id,
		       const struct requirement *r, struct err *err);
int pq_log_import(struct store *st, const char *kind, const char *source_name,
		  int64_t *batch, struct err *err);
int pq_log_import_rows(struct store *st, int64_t batch, int64_t rows, struct err *err);
int pq_each_team(struct store *st, const char *key,
		 int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
int pq_each_person(struct store *st, const char *key,
		   int (*cb)(void *ctx, const struct person *p), void *ctx,
		   struct err *err);
int pq_each_competency(struct store *st, const char *key,
		       int (*cb)(void *ctx, const struct competency *c), void *ctx,
		       struct err *err);
int pq_each_indicator(struct store *st, const char *competency,
		      int (*cb)(void *ctx, const struct indicator *i), void *ctx,
		      struct err *err);
int pq_each_requirement(struct store *st, const char *role,
			int (*cb)(void *ctx, const struct requirement *r), void *ctx,
			struct err *err);

/* pg_evidence.c: evidence in, retractions, running sums, and the
 * settings they depend on. */
int pq_append_evidence(struct store *st, const struct evidence *rows,
		       const int64_t *ids, size_t n, struct err *err);
int pq_retract_evidence(struct store *st, int64_t id, const char *reason,
			struct err *err);
int pq_add_sums(struct store *st, const struct pair_sums *pairs, size_t n,
		struct err *err);
int pq_stored_histories(struct store *st, const struct pair_sums *pairs, size_t n,
			int (*cb)(void *ctx, size_t i, const unsigned char *blob, size_t len),
			void *ctx, struct err *err);
int pq_rebuild_sums(struct store *st, struct err *err);
int pq_get_sums(struct store *st, int64_t person_id, int64_t competency_id,
		int32_t as_of, struct evidence_sums *out, struct err *err);
int pq_each_sums(struct store *st, int64_t competency_id, int32_t as_of,
		 int (*cb)(void *ctx, const struct pair_sums *p),
		 void *ctx, struct err *err);
int pq_newest_evidence(struct store *st, int32_t *date, struct err *err);
int pq_note_newest(struct store *st, int32_t date, struct err *err);
int pq_each_setting(struct store *st,
		    int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
		    struct err *err);
int pq_put_setting(struct store *st, const char *key, const char *value, struct err *err);

/* pg_views.c: the reads behind the views (members, role requirements,
 * possible mentors, evidence rows) and whole tables for copy.c. */
int pq_each_member(struct store *st, const struct snapshot_filter *f,
		   int (*cb)(void *ctx, const struct member_row *m), void *ctx,
		   struct err *err);
int pq_each_role_requirement(struct store *st,
			     int (*cb)(void *ctx, const struct requirement_row *r),
			     void *ctx, struct err *err);
int pq_member_by_id(struct store *st, int64_t person_id,
		    int (*cb)(void *ctx, const char *person, const char *team), void *ctx,
		    struct err *err);
int pq_each_candidate(struct store *st, enum candidate_scope scope,
		      const struct candidate_ask *a,
		      int (*cb)(void *ctx, const struct candidate_row *c), void *ctx,
		      struct err *err);
int pq_each_evidence(struct store *st, const struct evidence_filter *f,
		     int (*cb)(void *ctx, const struct evidence *e), void *ctx,
		     struct err *err);
int pq_each_row(struct store *st, const struct table_def *t,
		int (*cb)(void *ctx, const struct cell *row), void *ctx, struct err *err);
int pq_put_rows(struct store *st, const struct table_def *t, const struct cell *rows,
		size_t n, struct err *err);
int pq_count_rows(struct store *st, const struct table_def *t, int64_t *n,
		  struct err *err);
int pq_clear_tables(struct store *st, struct err *err);
int pq_copy_finish(struct store *st, struct err *err);


/* pq_entities.c: pages of teams, people, competencies and roles;
 * pg_refs.c: references, deletes and pages of a person's evidence
 * (backend.h says what each does). */
int pq_page_teams(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err);
int pq_page_people(struct store *st, const struct page_query *q, size_t n,
		   int (*cb)(void *ctx, const struct person *p), void *ctx, struct err *err);
int pq_page_competencies(struct store *st, const struct page_query *q, size_t n,
			 int (*cb)(void *ctx, const struct competency *c), void *ctx,
			 struct err *err);
int pq_page_roles(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const char *role), void *ctx, struct err *err);
int pq_refs(struct store *st, enum entity kind, int64_t id, struct entity_refs *out,
	    struct err *err);
int pq_delete_row(struct store *st, enum entity kind, int64_t id, struct err *err);
int pq_clear_requirements(struct store *st, int64_t role_id, struct err *err);
int pq_page_evidence(struct store *st, const char *person, int32_t date, int64_t id,
		     size_t n, int (*cb)(void *ctx, const struct evidence_entry *e),
		     void *ctx, struct err *err);
int pq_evidence_by_id(struct store *st, int64_t id,
		      int (*cb)(void *ctx, const struct evidence_entry *e), void *ctx,
		      struct err *err);

#endif
