/* The SQLite statements of objectives, key results and check-ins
 * (store/okr_sql.h), run through sq_okr_run for store/okr.c. Parameters
 * are ?1..; columns come back as text, doubles exactly
 * (sq_run_params_exact). An import writes a few hundred rows at most, so
 * the statements are prepared for each call. */
#include "store/privacy_be.h"
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define INT(n) "?" #n
#include "store/okr_sql.h"

int sq_okr_run(struct store *st, enum okr_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return sq_run_params_exact(st, ok_sql[id], "read or write objectives and key results", p,
				   np, row, ctx, changes, err);
}
