/* The SQLite statements of the library's texts (store/texts_sql.h), run
 * through sq_texts_run for store/texts.c. Parameters are ?1..; columns
 * come back as text. Each statement is prepared when run: a library has
 * some hundreds of texts, read in a handful of statements. */
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define BYTES ""
#include "store/texts_sql.h"

int sq_texts_run(struct store *st, enum tx_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	return sq_run_params(st, tx_sql[id], "read or write the library's texts", p, np, row, ctx,
			     changes, err);
}
