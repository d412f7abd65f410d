/* The SQLite runner of the statements that the privacy rights and the
 * library's texts keep in tables of SQL (privacy_be.h): prepared when run,
 * parameters ?1.., columns back as text. */
#include <sqlite3.h>
#include <stdbool.h>

#include "store/privacy_be.h"
#include "store/sqlite_int.h"
#include "util/dtoa.h"

static void bind(sqlite3_stmt *s, int i, const struct pv_param *p)
{
	switch (p->kind) {
	case PV_INT:
		sqlite3_bind_int64(s, i, p->i);
		break;
	case PV_REAL:
		sqlite3_bind_double(s, i, p->r);
		break;
	case PV_TEXT:
		sq_bind_text(s, i, p->s);
		break;
	case PV_BLOB:
		sqlite3_bind_blob(s, i, p->s, (int)p->n, SQLITE_STATIC);
		break;
	case PV_NULL:
		sqlite3_bind_null(s, i);
		break;
	}
}

/* Steps s, its parameters bound, calling row for each result row; with
 * exact, a double column is written in its shortest form that reads back
 * as the same double, rather than SQLite's 15 significant digits. */
static int step(struct store *st, sqlite3_stmt *s, const char *doing, const struct pv_param *p,
		int np, int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		int64_t *changes, bool exact, struct err *err)
{
	const char *cols[16];
	char reals[16][DTOA_MAX];
	int rc, stop = 0;

	for (int i = 0; i < np; i++)
		bind(s, i + 1, &p[i]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int n = sqlite3_column_count(s);

		if (n > (int)(sizeof cols / sizeof cols[0]))
			n = (int)(sizeof cols / sizeof cols[0]);
		for (int i = 0; i < n; i++) {
			if (exact && sqlite3_column_type(s, i) == SQLITE_FLOAT &&
			    dtoa_shortest(sqlite3_column_double(s, i), reals[i]) > 0)
				cols[i] = reals[i];
			else
				cols[i] = sq_column_text(s, i);
		}
		if (row != NULL && (stop = row(ctx, cols, n)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE)
		return sq_db_error(st, rc, doing, err);
	if (changes != NULL)
		*changes = sqlite3_changes(sq_conn_of(st)->db);
	return stop;
}

int sq_step_params(struct store *st, sqlite3_stmt *s, const char *doing,
		   const struct pv_param *p, int np,
		   int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		   int64_t *changes, struct err *err)
{
	return step(st, s, doing, p, np, row, ctx, changes, false, err);
}

/* Prepares sql and steps it. */
static int run(struct store *st, const char *sql, const char *doing, const struct pv_param *p,
	       int np, int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, bool exact, struct err *err)
{
	sqlite3_stmt *s;
	int rc = sqlite3_prepare_v2(sq_conn_of(st)->db, sql, -1, &s, NULL);

	if (rc != SQLITE_OK)
		return sq_db_error(st, rc, doing, err);
	rc = step(st, s, doing, p, np, row, ctx, changes, exact, err);
	sqlite3_finalize(s);
	return rc;
}

int sq_run_params(struct store *st, const char *sql, const char *doing,
		  const struct pv_param *p, int np,
		  int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		  int64_t *changes, struct err *err)
{
	return run(st, sql, doing, p, np, row, ctx, changes, false, err);
}

int sq_run_params_exact(struct store *st, const char *sql, const char *doing,
			const struct pv_param *p, int np,
			int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
			int64_t *changes, struct err *err)
{
	return run(st, sql, doing, p, np, row, ctx, changes, true, err);
}
