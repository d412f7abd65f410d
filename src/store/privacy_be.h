/* What each backend implements for the privacy rights (store/privacy.h):
 * the SQL of the statements below in its dialect (sqlite_privacy.c,
 * pg_privacy.c) and one function that runs them. store/privacy.c holds
 * the rest, the same on both engines. Nothing outside src/store/ includes
 * this file. */
#ifndef COMPGAP_PRIVACY_BE_H
#define COMPGAP_PRIVACY_BE_H

#include <stddef.h>
#include <stdint.h>

struct store;
struct err;

/* The statements; the comment in each engine's file gives the parameters
 * and the columns of each. */
enum pv_stmt {
	PV_LOCK_PERSON,
	PV_ASSESSED, PV_LOGINS, PV_SESSIONS,
	PV_DELETE_SESSIONS, PV_DELETE_ACCOUNT_TEAMS, PV_DELETE_ACCOUNTS,
	PV_DELETE_TOKEN_TEAMS, PV_DELETE_TOKENS,
	PV_DELETE_EVALUATION_SCORES, PV_DELETE_EVALUATIONS, PV_UNLINK_EVALUATOR,
	PV_DELETE_RETRACTIONS, PV_DELETE_EVIDENCE, PV_DELETE_SUMS,
	PV_ANONYMISE, PV_UNLINK_REPORTS, PV_DELETE_PERSON,
	PV_PAIRS_BEFORE, PV_RETRACTED_BEFORE, PV_PURGE_RETRACTIONS, PV_PURGE_EVALUATION_LINKS,
	PV_PURGE_EVIDENCE,
	PV_LOCK_SUMS, PV_PAIR_ROWS, PV_PUT_SUMS, PV_DELETE_PAIR_SUMS,
	PV_COUNT_OF_STATEMENTS
};

enum {
	PV_PARAMS_MAX = 11
};

enum pv_kind {
	PV_NULL,
	PV_INT,
	PV_REAL,
	PV_TEXT,
	PV_BLOB
};

/* One parameter. */
struct pv_param {
	enum pv_kind kind;
	int64_t i;
	double r;
	const char *s;          /* PV_TEXT (NUL-terminated), PV_BLOB (n bytes) */
	size_t n;
};

/* Runs statement id with p[0..np) as ?1.. ($1..); calls row(ctx, cols,
 * ncols) for each result row with its columns as text (NULL for SQL
 * NULL), until it returns nonzero, which is returned; *changes (when not
 * NULL) gets the rows an INSERT, UPDATE or DELETE changed. */
typedef int privacy_run_fn(struct store *st, enum pv_stmt id, const struct pv_param *p,
			   int np, int (*row)(void *ctx, const char *const *cols, int ncols),
			   void *ctx, int64_t *changes, struct err *err);

privacy_run_fn sq_privacy_run, pq_privacy_run;

/* What those runners and the library texts' (texts_be.h) share: runs the
 * SQL text sql of the engine's dialect, at most PV_PARAMS_MAX parameters,
 * as privacy_run_fn says; doing names the work in an error
 * (sqlite_params.c, pg_params.c). */
typedef int params_run_fn(struct store *st, const char *sql, const char *doing,
			  const struct pv_param *p, int np,
			  int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
			  int64_t *changes, struct err *err);

params_run_fn sq_run_params, pq_run_params;

/* sq_run_params with each double column written in its shortest form
 * that reads back as the same double (as PostgreSQL writes float8), not
 * in SQLite's 15 significant digits: for callers whose numbers must come
 * back exactly (store/okr.c). */
params_run_fn sq_run_params_exact;

/* sq_run_params' binding and stepping of a statement prepared by the
 * caller (kept prepared, as sqlite_quality.c's), which the caller resets
 * or finalizes. */
struct sqlite3_stmt;
int sq_step_params(struct store *st, struct sqlite3_stmt *s, const char *doing,
		   const struct pv_param *p, int np,
		   int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		   int64_t *changes, struct err *err);

#endif
