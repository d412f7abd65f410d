/* The PostgreSQL statements of coaching sessions (store/coaching_sql.h),
 * run through pq_coach_run for store/coaching.c. Parameters are $1..,
 * sent as text; columns come back as text. */
#include "store/pg_int.h"

#define P(n) "$" #n
#define INT(n) "$" #n "::integer"
#include "store/coaching_sql.h"

int pq_coach_run(struct store *st, enum co_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	return pq_run_params(st, co_sql[id], "read or write coaching sessions", p, np, row, ctx,
			     changes, err);
}
