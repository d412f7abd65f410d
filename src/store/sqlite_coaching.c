/* The SQLite statements of coaching sessions (store/coaching_sql.h), run
 * through sq_coach_run for store/coaching.c. A session is a handful of
 * rows, so each statement is prepared when it runs. */
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define INT(n) "?" #n
#include "store/coaching_sql.h"

int sq_coach_run(struct store *st, enum co_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	return sq_run_params(st, co_sql[id], "read or write coaching sessions", p, np, row, ctx,
			     changes, err);
}
