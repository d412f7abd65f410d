/* The PostgreSQL statements of the library's texts (store/texts_sql.h),
 * run through pq_texts_run for store/texts.c. Parameters are $1.., sent
 * as text; columns come back as text. Each is prepared on first use and
 * kept with the connection (pq_run_kept): an import of the texts runs
 * some of them hundreds of times. */
#include <stdio.h>

#include "store/pg_int.h"
#include "store/privacy_be.h"

#define P(n) "$" #n
#define BYTES " COLLATE \"C\""
#include "store/texts_sql.h"

int pq_texts_run(struct store *st, enum tx_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	char name[16];

	(void)snprintf(name, sizeof name, "tx%d", (int)id);
	return pq_run_kept(st, &pgb_conn_of(st)->tx_prepared[id], name, tx_sql[id],
			   "read or write the library's texts", p, np, row, ctx, changes, err);
}
