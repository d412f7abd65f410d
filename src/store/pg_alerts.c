/* The PostgreSQL statements of alerts and webhooks (store/alerts_sql.h),
 * run through pq_al_run for store/alerts.c. Parameters are $1.., sent as
 * text; columns come back as text. */
#include "store/pg_int.h"

#define P(n) "$" #n
#define BIG(n) "$" #n "::bigint"
#define IN_ORDER "JOIN"
#include "store/alerts_sql.h"

int pq_al_run(struct store *st, enum al_stmt id, const struct pv_param *p, int np,
	      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	      int64_t *changes, struct err *err)
{
	return pq_run_params(st, al_sql[id], "read or write alerts and webhooks", p, np, row, ctx,
			     changes, err);
}
