/* PostgreSQL connections for the pg backend: opening one from a
 * connection string (creating the database when asked to), and turning
 * libpq's failures into one-line messages that name the problem and the
 * fix. Only pg.c includes this. */
#ifndef COMPGAP_PG_CONN_H
#define COMPGAP_PG_CONN_H

#include "store/pq_api.h"

#include "util/err.h"

struct pg_conn {
	PGconn *pg;                /* owned */
	char describe[256];        /* "postgresql:DB on HOST:PORT", never the password */
	int lock_timeout_ms;       /* the lock_timeout set, for its message; -1: none */
};

/* Connects to the database that target names (a URI or key=value
 * string). When the database does not exist, creates it if create is
 * non-zero (with the connecting role's CREATEDB right) and otherwise
 * fails with EX_NOINPUT. Fails with EX_UNAVAILABLE when the server cannot
 * be reached, EX_NOPERM when it refuses the user, EX_USAGE for a malformed
 * string, EX_CONFIG for a database that is not UTF-8. */
int pg_conn_open(struct pg_conn *c, const char *target, int create, struct err *err);

/* Closes the connection; a closed or never opened one is allowed. */
void pg_conn_close(struct pg_conn *c);

/* Fills err for a failed statement (r may be NULL when libpq itself
 * failed) while trying to do what doing says; returns -1. Serialization
 * failures and deadlocks set err->retry. */
int pg_conn_error(struct pg_conn *c, const PGresult *r, const char *doing, struct err *err);

/* As pg_conn_error for a failed COMMIT, which says so when the outcome is
 * unknown (the connection was lost while committing). */
int pg_conn_commit_error(struct pg_conn *c, const PGresult *r, struct err *err);

#endif
