/* The PostgreSQL statements of the library's texts (store/texts_sql.h),
 * run through pq_texts_run for store/texts.c. Parameters are $1.., sent
 * as text; columns come back as text. Not prepared: a library has some
 * hundreds of texts, read in a handful of statements. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "store/pg_int.h"

#define P(n) "$" #n
#define BYTES " COLLATE \"C\""
#include "store/texts_sql.h"

int pq_texts_run(struct store *st, enum tx_stmt id, const struct pv_param *p, int np,
		 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		 int64_t *changes, struct err *err)
{
	struct conn *c = pgb_conn_of(st);
	const char *values[TX_PARAMS_MAX];
	char text[TX_PARAMS_MAX][32];
	const char *cols[8];
	PGresult *r;
	ExecStatusType s;
	int stop = 0, n, rc = 0;

	if (np > TX_PARAMS_MAX)
		return err_set(err, EX_SOFTWARE, "too many parameters");
	if (pgb_copy_close(st, err) < 0)
		return -1;
	for (int i = 0; i < np; i++) {
		values[i] = text[i];
		switch (p[i].kind) {
		case PV_INT:
			(void)snprintf(text[i], sizeof text[i], "%" PRId64, p[i].i);
			break;
		case PV_TEXT:
			values[i] = p[i].s;
			break;
		case PV_REAL:
		case PV_BLOB:
			/* The texts have neither. */
			return err_set(err, EX_SOFTWARE, "a parameter of a kind the texts do not use");
		case PV_NULL:
			values[i] = NULL;
			break;
		}
	}
	r = PQexecParams(c->link.pg, tx_sql[id], np, NULL, values, NULL, NULL, 0);
	s = PQresultStatus(r);
	if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
		rc = pgb_error(st, r, "read or write the library's texts", err);
		PQclear(r);
		return rc < 0 ? rc : -1;
	}
	n = PQnfields(r);
	if (n > (int)(sizeof cols / sizeof cols[0]))
		n = (int)(sizeof cols / sizeof cols[0]);
	for (int i = 0; stop == 0 && row != NULL && i < PQntuples(r); i++) {
		for (int j = 0; j < n; j++)
			cols[j] = PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
		stop = row(ctx, cols, n);
	}
	if (changes != NULL) {
		const char *t = PQcmdTuples(r);

		*changes = *t != '\0' ? strtoll(t, NULL, 10) : 0;
	}
	PQclear(r);
	return stop;
}
