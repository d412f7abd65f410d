/* The SQLite statements of the library's texts (store/texts_sql.h), run
 * through sq_texts_run for store/texts.c. Parameters are ?1..; columns
 * come back as text. Each statement is prepared on first use and kept
 * with the connection: an import of the texts runs some of them hundreds of
 * times. */
#include "store/sqlite_int.h"

#define P(n) "?" #n
#define BYTES ""
#include "store/texts_sql.h"

int sq_texts_run(struct store *st, enum tx_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	return sq_run_kept(st, &sq_conn_of(st)->tx_stmts[id], tx_sql[id],
			   "read or write the library's texts", p, np, row, ctx, changes, err);
}
