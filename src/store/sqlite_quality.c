/* The SQLite statements of scorecards and evaluations
 * (store/quality_sql.h), run through sq_qa_run for store/quality.c.
 * Parameters are ?1..; columns come back as text. Each statement stays
 * prepared on the connection: an import runs some once per evaluation. */
#include <sqlite3.h>

#include "store/privacy_be.h"
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define INT(n) "?" #n
/* The writer holds the write lock from BEGIN IMMEDIATE to COMMIT, so the
 * ids after the largest are free until it inserts them. */
#define RESERVE(table) "SELECT coalesce(max(id), 0) + 1, ?1 FROM " table
#include "store/quality_sql.h"

int sq_qa_run(struct store *st, enum qa_stmt id, const struct pv_param *p, int np,
	      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	      int64_t *changes, struct err *err)
{
	struct conn *c = sq_conn_of(st);
	int rc;

	if (c->qa_stmts[id] == NULL) {
		rc = sqlite3_prepare_v3(c->db, qa_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					&c->qa_stmts[id], NULL);
		if (rc != SQLITE_OK)
			return sq_db_error(st, rc, "read or write evaluations", err);
	}
	sqlite3_reset(c->qa_stmts[id]);
	sqlite3_clear_bindings(c->qa_stmts[id]);
	rc = sq_step_params(st, c->qa_stmts[id], "read or write evaluations", p, np, row, ctx,
			    changes, err);
	sqlite3_reset(c->qa_stmts[id]);
	return rc;
}
