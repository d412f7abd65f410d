/* The SQLite statements of alerts and webhooks (store/alerts_sql.h), run
 * through sq_al_run for store/alerts.c. Parameters are ?1..; columns come
 * back as text. They run a few times per import or delivery round, so
 * they are prepared each time. */
#include "store/privacy_be.h"
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define BIG(n) "?" #n
#define IN_ORDER "CROSS JOIN"
#include "store/alerts_sql.h"

int sq_al_run(struct store *st, enum al_stmt id, const struct pv_param *p, int np,
	      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	      int64_t *changes, struct err *err)
{
	return sq_run_params(st, al_sql[id], "read or write alerts and webhooks", p, np, row, ctx,
			     changes, err);
}
