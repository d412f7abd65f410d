/* The SQLite statements of development plans (store/plans_sql.h), run
 * through sq_plan_run for store/plans.c. Parameters are ?1..; columns
 * come back as text. Each statement is prepared on first use and kept
 * with the connection (sq_run_kept), as the demo writes its plans in one
 * go. */
#include "store/privacy_be.h"
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define INT(n) "?" #n
#include "store/plans_sql.h"

int sq_plan_run(struct store *st, enum pl_stmt id, const struct pv_param *p, int np,
		int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		int64_t *changes, struct err *err)
{
	return sq_run_kept(st, &sq_conn_of(st)->pl_stmts[id], pl_sql[id],
			   "read or write development plans", p, np, row, ctx, changes, err);
}
