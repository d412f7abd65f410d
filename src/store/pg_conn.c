#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "store/pg_conn.h"

enum {
	MIN_SERVER_VERSION = 120000   /* PostgreSQL 12: identity columns, shortest floats */
};

int backend_pg_claims(const char *target)
{
	PQconninfoOption *opts;
	size_t n = 0;
	int known = 0;

	if (strncmp(target, "postgresql://", 13) == 0 || strncmp(target, "postgres://", 11) == 0)
		return 1;
	/* key=value: the first word must be one of libpq's keywords, so that
	 * a file name with '=' in it stays a file name. */
	while (isspace((unsigned char)*target))
		target++;
	while (islower((unsigned char)target[n]) || target[n] == '_')
		n++;
	if (n == 0)
		return 0;
	for (const char *s = target + n; *s != '='; s++)
		if (!isspace((unsigned char)*s))
			return 0;
	/* Without libpq, key=value is a file name; a postgresql:// URI (above)
	 * still says at its opening that libpq is missing. */
	if (pq_api_load(&(struct err){ 0 }) < 0)
		return 0;
	opts = PQconndefaults();
	for (PQconninfoOption *o = opts; o != NULL && o->keyword != NULL; o++)
		if (strlen(o->keyword) == n && strncmp(o->keyword, target, n) == 0)
			known = 1;
	PQconninfoFree(opts);
	return known;
}

/* The reason libpq gives, on one line: what follows "failed: " on the
 * first line, without the server's "FATAL:  ". */
static void reason_of(const char *message, char *out, size_t outsz)
{
	const char *s = message != NULL ? message : "", *end, *failed;
	size_t n;

	end = strchr(s, '\n');
	if (end == NULL)
		end = s + strlen(s);
	for (const char *p = s; (p = strstr(p, "failed: ")) != NULL && p < end; p += 8)
		s = p + 8;
	failed = s;
	if (strncmp(failed, "FATAL:  ", 8) == 0 || strncmp(failed, "ERROR:  ", 8) == 0)
		failed += 8;
	n = (size_t)(end - failed);
	while (n > 0 && isspace((unsigned char)failed[n - 1]))
		n--;
	(void)snprintf(out, outsz, "%.*s", (int)n, failed);
}

/* A password in key=value form, or in a URI's user part (user:password@). */
static int has_password(const char *target)
{
	const char *at, *colon;

	if (strstr(target, "password") != NULL)
		return 1;
	if (strncmp(target, "postgres", 8) != 0 || (colon = strstr(target, "://")) == NULL)
		return 0;
	at = strchr(colon + 3, '@');
	colon = strchr(colon + 3, ':');
	return at != NULL && colon != NULL && colon < at;
}

static void describe(struct pg_conn *c)
{
	const char *host = PQhost(c->pg), *port = PQport(c->pg), *db = PQdb(c->pg);

	(void)snprintf(c->describe, sizeof c->describe, "postgresql:%s on %s:%s",
		       db != NULL ? db : "?", host != NULL && *host ? host : "localhost",
		       port != NULL && *port ? port : "5432");
}

/* Connects to target, or with dbname replaced by maintenance_db when it is
 * not NULL (only the first dbname of the array is expanded as a
 * connection string; a later one overrides the name). */
static PGconn *connect_to(const char *target, const char *maintenance_db)
{
	const char *keys[] = { "connect_timeout", "fallback_application_name", "client_encoding",
			       "dbname", "dbname", NULL };
	const char *values[] = { "10", "compgap", "UTF8", target, maintenance_db, NULL };

	if (maintenance_db == NULL)
		keys[4] = NULL;
	return PQconnectdbParams(keys, values, 1);
}

static void ignore_notice(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Turns a failed connection into an error that says what to do. */
static int connect_error(struct pg_conn *c, const char *target, struct err *err)
{
	const char *msg = PQerrorMessage(c->pg), *user = PQuser(c->pg);
	char reason[300];
	PQconninfoOption *parsed;
	char *parse_error = NULL;

	parsed = PQconninfoParse(target, &parse_error);
	if (parsed == NULL) {
		/* libpq quotes pieces of the string, which may be pieces of a
		 * password: say what is wrong only when there is none. */
		reason_of(parse_error, reason, sizeof reason);
		PQfreemem(parse_error);
		if (has_password(target))
			(void)snprintf(reason, sizeof reason, "it holds a password; check its quoting");
		return err_set(err, EX_USAGE, "--db: not a valid PostgreSQL connection string (%s);"
			       " write postgresql://USER@HOST:PORT/DATABASE", reason);
	}
	PQconninfoFree(parsed);
	reason_of(msg, reason, sizeof reason);
	describe(c);
	if (user == NULL)
		user = "?";
	if (strstr(msg, "password authentication failed") != NULL)
		return err_set(err, EX_NOPERM,
			       "%s refused the password of user '%s'; correct it in ~/.pgpass"
			       " or $PGPASSWORD (docs/deployment.md)", c->describe, user);
	if (strstr(msg, "no password supplied") != NULL)
		return err_set(err, EX_NOPERM,
			       "%s wants a password for user '%s'; put it in ~/.pgpass or $PGPASSWORD"
			       " (docs/deployment.md)", c->describe, user);
	if (strstr(msg, "role \"") != NULL && strstr(msg, "does not exist") != NULL)
		return err_set(err, EX_NOPERM,
			       "%s has no role '%s'; create it (createuser %s) or connect as another user",
			       c->describe, user, user);
	if (strstr(msg, "database \"") != NULL && strstr(msg, "does not exist") != NULL)
		return err_set(err, EX_NOINPUT,
			       "no database at %s; create one with 'compgap init' (or 'compgap demo'),"
			       " or choose another with --db", c->describe);
	if (strstr(msg, "pg_hba.conf") != NULL)
		return err_set(err, EX_NOPERM,
			       "%s does not let user '%s' in from here (%s); an administrator must allow it"
			       " in pg_hba.conf", c->describe, user, reason);
	if (strstr(msg, "too many clients") != NULL || strstr(msg, "too many connections") != NULL)
		return err_set(err, EX_TEMPFAIL,
			       "%s has no connections left; try again, and put a pool in front of it"
			       " when several compgap servers share it (docs/deployment.md)", c->describe);
	return err_set(err, EX_UNAVAILABLE,
		       "cannot reach %s (%s); is the server running, and are host and port right?",
		       c->describe, reason);
}

/* Creates the database that target names, connected to a maintenance
 * database of the same server. Another compgap creating it at the same
 * moment is no failure. */
static int create_database(const char *target, struct pg_conn *failed, struct err *err)
{
	static const char *const maintenance[] = { "postgres", "template1" };
	const char *db = PQdb(failed->pg), *user = PQuser(failed->pg);
	PGconn *pg = NULL;
	PGresult *r;
	char *ident, sql[512];
	int rc = 0;

	for (size_t i = 0; i < sizeof maintenance / sizeof *maintenance; i++) {
		pg = connect_to(target, maintenance[i]);
		if (PQstatus(pg) == CONNECTION_OK)
			break;
		PQfinish(pg);
		pg = NULL;
	}
	if (pg == NULL)
		return err_set(err, EX_NOINPUT,
			       "no database at %s, and no way in to create it; create it with:"
			       " createdb -E UTF8 -T template0 -O %s %s", failed->describe, user, db);
	ident = PQescapeIdentifier(pg, db, strlen(db));
	if (ident == NULL) {
		PQfinish(pg);
		return err_set(err, EX_OSERR, "out of memory");
	}
	/* UTF-8, and the "C" rules for comparing text, whatever the server's
	 * locale: compgap compares keys byte by byte on every engine. */
	(void)snprintf(sql, sizeof sql,
		       "CREATE DATABASE %s TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'",
		       ident);
	PQfreemem(ident);
	r = PQexec(pg, sql);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		const char *state = PQresultErrorField(r, PG_DIAG_SQLSTATE);
		struct pg_conn maintenance = { pg, "", -1 };

		/* 42P04: it exists now; 23505: another CREATE DATABASE of the
		 * same name committed while this one ran. */
		if (state != NULL && (strcmp(state, "42P04") == 0 || strcmp(state, "23505") == 0)) {
			rc = 0;
		} else if (state != NULL && strcmp(state, "42501") == 0) {
			rc = err_set(err, EX_NOPERM,
				     "no database at %s, and user '%s' may not create databases; have an"
				     " administrator run: createdb -E UTF8 -T template0 -O %s %s",
				     failed->describe, user, user, db);
		} else {
			(void)snprintf(maintenance.describe, sizeof maintenance.describe, "%s",
				       failed->describe);
			rc = pg_conn_error(&maintenance, r, "create the database", err);
		}
	}
	PQclear(r);
	PQfinish(pg);
	return rc;
}

int pg_conn_open(struct pg_conn *c, const char *target, int create, struct err *err)
{
	const char *encoding;

	if (pq_api_load(err) < 0)
		return -1;
	c->pg = connect_to(target, NULL);
	if (c->pg == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	if (PQstatus(c->pg) != CONNECTION_OK && create &&
	    strstr(PQerrorMessage(c->pg), "does not exist") != NULL &&
	    strstr(PQerrorMessage(c->pg), "database \"") != NULL) {
		describe(c);
		if (create_database(target, c, err) < 0)
			goto fail;
		PQfinish(c->pg);
		c->pg = connect_to(target, NULL);
		if (c->pg == NULL)
			return err_set(err, EX_OSERR, "out of memory");
	}
	if (PQstatus(c->pg) != CONNECTION_OK) {
		connect_error(c, target, err);
		goto fail;
	}
	describe(c);
	PQsetNoticeProcessor(c->pg, ignore_notice, NULL);
	if (PQserverVersion(c->pg) < MIN_SERVER_VERSION) {
		err_set(err, EX_CONFIG, "%s runs PostgreSQL %d.%d; compgap needs 12 or later",
			c->describe, PQserverVersion(c->pg) / 10000, PQserverVersion(c->pg) / 100 % 100);
		goto fail;
	}
	encoding = PQparameterStatus(c->pg, "server_encoding");
	if (encoding == NULL || strcmp(encoding, "UTF8") != 0) {
		err_set(err, EX_CONFIG,
			"%s stores text as %s; compgap needs UTF8: create the database with"
			" createdb -E UTF8 -T template0", c->describe, encoding != NULL ? encoding : "?");
		goto fail;
	}
	return 0;
fail:
	PQfinish(c->pg);
	c->pg = NULL;
	return -1;
}

void pg_conn_close(struct pg_conn *c)
{
	if (c->pg != NULL)
		PQfinish(c->pg);
	c->pg = NULL;
}

static int lost(struct pg_conn *c, const PGresult *r)
{
	const char *state = r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;

	if (PQstatus(c->pg) == CONNECTION_BAD)
		return 1;
	/* 08: connection exceptions; 57P0x: the server shuts down or crashed */
	return state != NULL && (strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0);
}

int pg_conn_error(struct pg_conn *c, const PGresult *r, const char *doing, struct err *err)
{
	const char *state = r != NULL ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
	const char *primary = r != NULL ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	char reason[300];

	if (err == NULL)
		return -1;
	reason_of(primary != NULL ? primary : PQerrorMessage(c->pg), reason, sizeof reason);
	if (lost(c, r))
		return err_set(err, EX_UNAVAILABLE,
			       "lost the connection to %s while trying to %s (%s); what this command"
			       " had not committed was rolled back; run it again when the server is back",
			       c->describe, doing, reason);
	if (state == NULL)
		return err_set(err, EX_SOFTWARE, "cannot %s in %s: %s", doing, c->describe, reason);
	if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0) {
		err_set(err, EX_TEMPFAIL, "cannot %s: %s (another compgap wrote the same rows);"
			" try again", doing, reason);
		err->retry = 1;
		return -1;
	}
	if (strcmp(state, "53100") == 0)
		return err_set(err, EX_IOERR, "cannot %s: the disk of %s is full", doing, c->describe);
	if (strcmp(state, "42501") == 0)
		return err_set(err, EX_NOPERM,
			       "cannot %s: %s (%s); give the user the rights in docs/deployment.md",
			       doing, reason, c->describe);
	if (strcmp(state, "25006") == 0)
		return err_set(err, EX_NOPERM,
			       "cannot %s: %s is read-only (a standby, or default_transaction_read_only"
			       " is on); commands that only read it work", doing, c->describe);
	if (strcmp(state, "55P03") == 0 && c->lock_timeout_ms < 0)
		return err_set(err, EX_TEMPFAIL,
			       "cannot %s: another process holds a lock in %s (compgap, or any other"
			       " client of the database), and the server's own lock_timeout ran out."
			       " Try again, or set a longer wait with --busy-timeout SECONDS or"
			       " $COMPGAP_BUSY_TIMEOUT", doing, c->describe);
	if (strcmp(state, "55P03") == 0)
		return err_set(err, EX_TEMPFAIL,
			       "cannot %s: another process holds a lock in %s (compgap, or any other"
			       " client of the database); gave up after waiting %.1f s. Try again, or"
			       " wait longer with --busy-timeout SECONDS or $COMPGAP_BUSY_TIMEOUT",
			       doing, c->describe, c->lock_timeout_ms / 1000.0);
	if (strcmp(state, "57014") == 0)
		return err_set(err, EX_TEMPFAIL, "cannot %s: %s cancelled it (%s)", doing,
			       c->describe, reason);
	return err_set(err, EX_SOFTWARE, "cannot %s in %s: %s", doing, c->describe, reason);
}

int pg_conn_commit_error(struct pg_conn *c, const PGresult *r, struct err *err)
{
	char reason[300];

	if (!lost(c, r))
		return pg_conn_error(c, r, "commit", err);
	reason_of(PQerrorMessage(c->pg), reason, sizeof reason);
	return err_set(err, EX_UNAVAILABLE,
		       "lost the connection to %s while committing (%s); the change may or may not"
		       " be stored: look before running the command again", c->describe, reason);
}
