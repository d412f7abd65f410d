/* The SQLite statements of scorecards and evaluations
 * (store/quality_sql.h), run through sq_qa_run for store/quality.c.
 * Parameters are ?1..; columns come back as text. Each statement stays
 * prepared on the connection: an import runs some once per evaluation. */
#include <sqlite3.h>

#include "store/sqlite_int.h"

#define P(n) "?" #n
#define INT(n) "?" #n
/* The writer holds the write lock from BEGIN IMMEDIATE to COMMIT, so the
 * ids after the largest are free until it inserts them. */
#define RESERVE(table) "SELECT coalesce(max(id), 0) + 1, ?1 FROM " table
#include "store/quality_sql.h"

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

int sq_qa_run(struct store *st, enum qa_stmt id, const struct pv_param *p, int np,
	      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	      int64_t *changes, struct err *err)
{
	struct conn *c = sq_conn_of(st);
	const char *cols[16];
	sqlite3_stmt *s;
	int rc, stop = 0;

	if (c->qa_stmts[id] == NULL) {
		rc = sqlite3_prepare_v3(c->db, qa_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					&c->qa_stmts[id], NULL);
		if (rc != SQLITE_OK)
			return sq_db_error(st, rc, "read or write evaluations", err);
	}
	s = c->qa_stmts[id];
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	for (int i = 0; i < np; i++)
		bind(s, i + 1, &p[i]);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int n = sqlite3_column_count(s);

		if (n > (int)(sizeof cols / sizeof cols[0]))
			n = (int)(sizeof cols / sizeof cols[0]);
		for (int i = 0; i < n; i++)
			cols[i] = sq_column_text(s, i);
		if (row != NULL && (stop = row(ctx, cols, n)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE) {
		sqlite3_reset(s);
		return sq_db_error(st, rc, "read or write evaluations", err);
	}
	if (changes != NULL)
		*changes = sqlite3_changes(c->db);
	sqlite3_reset(s);
	return stop;
}
