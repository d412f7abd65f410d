/* The SQLite statements of coaching sessions (store/coaching_sql.h), run
 * through sq_coach_run for store/coaching.c. Each is prepared on first
 * use and kept with the connection: a session is a handful of rows, but
 * the demo stores a year of them (some 3,000 statements) in one go. */
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define INT(n) "?" #n
#include "store/coaching_sql.h"

int sq_coach_run(struct store *st, enum co_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	return sq_run_kept(st, &sq_conn_of(st)->co_stmts[id], co_sql[id],
			   "read or write coaching sessions", p, np, row, ctx, changes, err);
}
