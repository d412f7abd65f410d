/* The PostgreSQL statements of coaching sessions (store/coaching_sql.h),
 * run through pq_coach_run for store/coaching.c. Parameters are $1..,
 * sent as text; columns come back as text. Each is prepared on first use
 * and kept with the connection (pq_run_kept): the demo stores a year of
 * sessions, some 3,000 statements, in one go. */
#include <stdio.h>

#include "store/pg_int.h"
#include "store/privacy_be.h"

#define P(n) "$" #n
#define INT(n) "$" #n "::integer"
#include "store/coaching_sql.h"

int pq_coach_run(struct store *st, enum co_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	char name[16];

	(void)snprintf(name, sizeof name, "co%d", (int)id);
	return pq_run_kept(st, &pgb_conn_of(st)->co_prepared[id], name, co_sql[id],
			   "read or write coaching sessions", p, np, row, ctx, changes, err);
}
