/* The PostgreSQL runner of the statements that the privacy rights and
 * the library's texts keep in tables of SQL (privacy_be.h): parameters
 * $1.. sent as text (a blob as hex, for decode($n, 'hex')), columns back
 * as text; not prepared (pq_run_params), or prepared on first use and
 * kept with the connection (pq_run_kept). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "store/pg_int.h"
#include "store/privacy_be.h"

/* Runs sql, or the statement prepared as name when sql is NULL. */
static int run(struct store *st, const char *sql, const char *name, const char *doing,
	       const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	struct conn *c = pgb_conn_of(st);
	const char *values[PV_PARAMS_MAX];
	char text[PV_PARAMS_MAX][32];
	const char *cols[16];
	struct buf hex;
	PGresult *r;
	ExecStatusType s;
	int stop = 0, n, rc = 0;

	if (np > PV_PARAMS_MAX)
		return err_set(err, EX_SOFTWARE, "too many parameters");
	if (pgb_copy_close(st, err) < 0)
		return -1;
	buf_init(&hex, BUF_MAX);
	for (int i = 0; i < np; i++) {
		values[i] = text[i];
		switch (p[i].kind) {
		case PV_INT:
			(void)snprintf(text[i], sizeof text[i], "%" PRId64, p[i].i);
			break;
		case PV_REAL:
			/* 17 significant digits give the same double back. */
			(void)snprintf(text[i], sizeof text[i], "%.17g", p[i].r);
			break;
		case PV_TEXT:
			values[i] = p[i].s;
			break;
		case PV_BLOB:
			if (hex.len > 0 || pgb_hex_add(&hex, (const unsigned char *)p[i].s, p[i].n) < 0) {
				buf_free(&hex);
				return err_set(err, EX_OSERR, "out of memory");
			}
			values[i] = buf_str(&hex);
			break;
		case PV_NULL:
			values[i] = NULL;
			break;
		}
	}
	r = sql != NULL ? PQexecParams(c->link.pg, sql, np, NULL, values, NULL, NULL, 0) :
	    PQexecPrepared(c->link.pg, name, np, values, NULL, NULL, 0);
	buf_free(&hex);
	s = PQresultStatus(r);
	if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
		rc = pgb_error(st, r, doing, err);
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

int pq_run_params(struct store *st, const char *sql, const char *doing,
		  const struct pv_param *p, int np,
		  int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		  int64_t *changes, struct err *err)
{
	return run(st, sql, NULL, doing, p, np, row, ctx, changes, err);
}

int pq_run_kept(struct store *st, bool *prepared, const char *name, const char *sql,
		const char *doing, const struct pv_param *p, int np,
		int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		int64_t *changes, struct err *err)
{
	if (!*prepared) {
		PGresult *r;

		if (pgb_copy_close(st, err) < 0)
			return -1;
		r = PQprepare(pgb_conn_of(st)->link.pg, name, sql, 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			int rc = pgb_error(st, r, doing, err);

			PQclear(r);
			return rc < 0 ? rc : -1;
		}
		PQclear(r);
		*prepared = true;
	}
	return run(st, NULL, name, doing, p, np, row, ctx, changes, err);
}
