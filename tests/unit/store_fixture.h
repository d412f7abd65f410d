/* A fresh database per test, on the engine the run tests: a file in a
 * temp directory, or, when $COMPGAP_TEST_PG names a PostgreSQL server (a
 * libpq connection string without dbname), a database of its own on that
 * server. For the store tests that need no more than that (test_store.c
 * has its own, with the server's other checks). */
#ifndef COMPGAP_STORE_FIXTURE_H
#define COMPGAP_STORE_FIXTURE_H

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Where a test's database is. */
struct db_place {
	char dir[64];          /* SQLite: the temp directory holding the file */
	char db[64];           /* PostgreSQL: the database's name */
	char path[512];        /* the target given to store_open */
};

/* The PostgreSQL server the tests run on, or NULL for SQLite. */
static inline const char *pg_server(void)
{
	const char *s = getenv("COMPGAP_TEST_PG");

	return s != NULL && *s != '\0' ? s : NULL;
}

static inline void pg_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Runs sql on the server's maintenance database; 0 when it succeeded. */
static inline int pg_admin(const char *sql)
{
	char target[512];
	PGconn *pg;
	PGresult *r;
	int rc;

	(void)snprintf(target, sizeof target, "%s dbname=postgres", pg_server());
	pg = PQconnectdb(target);
	if (PQstatus(pg) != CONNECTION_OK) {
		PQfinish(pg);
		return -1;
	}
	PQsetNoticeProcessor(pg, pg_quiet, NULL);
	r = PQexec(pg, sql);
	rc = PQresultStatus(r) == PGRES_COMMAND_OK ? 0 : -1;
	PQclear(r);
	PQfinish(pg);
	return rc;
}

/* Chooses a new place for a database, named after prefix (a letter or
 * two) so that tests running at once do not meet; nothing exists there
 * yet. 0, or -1. */
static inline int db_place_new(struct db_place *p, const char *prefix)
{
	static unsigned counter;
	char sql[160];

	if (pg_server() != NULL) {
		(void)snprintf(p->db, sizeof p->db, "%s_%ld_%u", prefix, (long)getpid(), ++counter);
		(void)snprintf(p->path, sizeof p->path, "%s dbname=%s", pg_server(), p->db);
		/* A leftover of an earlier process with the same pid. */
		(void)snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", p->db);
		return pg_admin(sql);
	}
	(void)snprintf(p->dir, sizeof p->dir, "/tmp/compgap-%s-XXXXXX", prefix);
	if (mkdtemp(p->dir) == NULL)
		return -1;
	(void)snprintf(p->path, sizeof p->path, "%s/t.db", p->dir);
	return 0;
}

/* Removes the database (close its stores first); 0, or -1. */
static inline int db_place_remove(const struct db_place *p)
{
	char cmd[160];

	if (pg_server() != NULL) {
		(void)snprintf(cmd, sizeof cmd, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", p->db);
		return pg_admin(cmd);
	}
	(void)snprintf(cmd, sizeof cmd, "rm -rf '%s'", p->dir);
	return system(cmd) == 0 ? 0 : -1;
}

#endif
