/* The PostgreSQL statements of objectives, key results and check-ins
 * (store/okr_sql.h), run through pq_okr_run for store/okr.c. Parameters
 * are $1.., sent as text (a double with 17 significant digits, which
 * reads back as the same double); columns come back as text, float8 in
 * its shortest exact form (PostgreSQL's extra_float_digits 1, the default
 * since version 12). */
#include "store/pg_int.h"

#define P(n) "$" #n
#define INT(n) "$" #n "::integer"
#include "store/okr_sql.h"

int pq_okr_run(struct store *st, enum okr_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return pq_run_params(st, ok_sql[id], "read or write objectives and key results", p, np,
			     row, ctx, changes, err);
}
