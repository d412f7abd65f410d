/* The PostgreSQL statements of development plans (store/plans_sql.h), run
 * through pq_plan_run for store/plans.c. Parameters are $1.., sent as
 * text; columns come back as text. Each is prepared on first use and
 * kept with the connection (pq_run_kept), as the demo writes its plans in
 * one go. */
#include <stdio.h>

#include "store/pg_int.h"
#include "store/privacy_be.h"

#define P(n) "$" #n
#define INT(n) "$" #n "::integer"
#include "store/plans_sql.h"

int pq_plan_run(struct store *st, enum pl_stmt id, const struct pv_param *p, int np,
		int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		int64_t *changes, struct err *err)
{
	char name[16];

	(void)snprintf(name, sizeof name, "pl%d", (int)id);
	return pq_run_kept(st, &pgb_conn_of(st)->pl_prepared[id], name, pl_sql[id],
			   "read or write development plans", p, np, row, ctx, changes, err);
}
