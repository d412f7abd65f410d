/* The PostgreSQL statements of scorecards and evaluations
 * (store/quality_sql.h), run through pq_qa_run for store/quality.c.
 * Parameters are $1.., sent as text; columns come back as text. */
#include "store/pg_int.h"

#define P(n) "$" #n
#define INT(n) "$" #n "::integer"
/* Ids from the identity's sequence, gathered into ranges of consecutive
 * ones (another writer may take numbers between). */
#define RESERVE(table) \
	"SELECT min(v), count(*) FROM (SELECT v, v - row_number() OVER (ORDER BY v) AS g" \
	" FROM (SELECT nextval(pg_get_serial_sequence('" table "', 'id')) AS v" \
	" FROM generate_series(1, $1::integer)) x) y GROUP BY g ORDER BY 1"
#include "store/quality_sql.h"

int pq_qa_run(struct store *st, enum qa_stmt id, const struct pv_param *p, int np,
	      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	      int64_t *changes, struct err *err)
{
	return pq_run_params(st, qa_sql[id], "read or write evaluations", p, np, row, ctx,
			     changes, err);
}
