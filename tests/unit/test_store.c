/* The store: opening, migrations, round-trips of every entity, transactions
 * and the key cache, retraction. Each test works in a fresh database: a temp
 * file, or, when $COMPGAP_TEST_PG names a PostgreSQL server (a libpq
 * connection string without dbname), a database of its own on that server,
 * so that every test runs on both engines. */
#include "testutil.h"

#include <libpq-fe.h>
#include <math.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "store/backend.h"
#include "store/store.h"
#include "util/arena.h"

struct fixture {
	char dir[64];          /* SQLite: the temp directory holding the file */
	char db[64];           /* PostgreSQL: the database's name */
	char path[512];        /* the target given to store_open */
	struct store *st;
	struct store *other;   /* a second connection, for tests of isolation */
};

/* The PostgreSQL server the tests run on, or NULL for SQLite. */
static const char *pg_server(void)
{
	const char *s = getenv("COMPGAP_TEST_PG");

	return s != NULL && *s != '\0' ? s : NULL;
}

/* The connection string of database db on the test server, in out. */
static int pg_target(const char *db, char *out, size_t outsz)
{
	int n = snprintf(out, outsz, "%s dbname=%s", pg_server(), db);

	return n > 0 && (size_t)n < outsz ? 0 : -1;
}

/* DROP DATABASE IF EXISTS of a database never created says so; that is
 * the normal case here, not worth a line of output. */
static void pg_quiet(void *arg, const char *message)
{
	(void)arg;
	(void)message;
}

/* Runs sql (one or more statements) on the PostgreSQL database conninfo
 * names; 0 when every statement succeeded. Does not assert, so that
 * teardown can use it. */
static int pg_try(const char *conninfo, const char *sql)
{
	PGconn *pg = PQconnectdb(conninfo);
	PGresult *r;
	int rc = -1;

	if (PQstatus(pg) != CONNECTION_OK) {
		fprintf(stderr, "cannot connect to '%s': %s", conninfo, PQerrorMessage(pg));
		PQfinish(pg);
		return -1;
	}
	PQsetNoticeProcessor(pg, pg_quiet, NULL);
	r = PQexec(pg, sql);
	if (PQresultStatus(r) == PGRES_COMMAND_OK || PQresultStatus(r) == PGRES_TUPLES_OK)
		rc = 0;
	else
		fprintf(stderr, "%s: %s", sql, PQerrorMessage(pg));
	PQclear(r);
	PQfinish(pg);
	return rc;
}

/* Runs sql on the server's maintenance database, where databases are
 * created and dropped. */
static int pg_admin(const char *sql)
{
	char target[512];

	if (pg_target("postgres", target, sizeof target) < 0)
		return -1;
	return pg_try(target, sql);
}

static int pg_drop_database(const char *db)
{
	char sql[160];

	/* FORCE: a connection a failed test left open must not keep the
	 * database alive. */
	(void)snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", db);
	return pg_admin(sql);
}

/* Creates an empty database as an administrator would: UTF-8, as compgap
 * requires, so that opening it gets past the encoding check. */
static void pg_create_database(const char *db)
{
	char sql[200];

	(void)snprintf(sql, sizeof sql,
		       "CREATE DATABASE \"%s\" TEMPLATE template0 ENCODING 'UTF8'"
		       " LC_COLLATE 'C' LC_CTYPE 'C'", db);
	assert_int_equal(pg_admin(sql), 0);
}

/* Whether the server has database db. */
static bool pg_database_exists(const char *db)
{
	char target[512];
	const char *params[1] = { db };
	PGconn *pg;
	PGresult *r;
	bool exists;

	assert_int_equal(pg_target("postgres", target, sizeof target), 0);
	pg = PQconnectdb(target);
	assert_int_equal(PQstatus(pg), CONNECTION_OK);
	r = PQexecParams(pg, "SELECT count(*) FROM pg_database WHERE datname = $1", 1, NULL, params,
			 NULL, NULL, 0);
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	exists = strcmp(PQgetvalue(r, 0, 0), "0") != 0;
	PQclear(r);
	PQfinish(pg);
	return exists;
}

static int setup(void **state)
{
	static unsigned counter;
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	*state = f;
	if (pg_server() != NULL) {
		/* Unique per process and test, so that runs in parallel and
		 * what a crashed run left behind do not meet. */
		(void)snprintf(f->db, sizeof f->db, "u_%ld_%u", (long)getpid(), ++counter);
		if (pg_target(f->db, f->path, sizeof f->path) < 0)
			return -1;
		/* A leftover of an earlier process with the same pid. */
		return pg_drop_database(f->db);
	}
	(void)snprintf(f->dir, sizeof f->dir, "/tmp/compgap-store-XXXXXX");
	if (mkdtemp(f->dir) == NULL)
		return -1;
	(void)snprintf(f->path, sizeof f->path, "%s/t.db", f->dir);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	char cmd[160];
	int rc = 0;

	store_close(f->other);
	store_close(f->st);
	if (pg_server() != NULL) {
		rc = pg_drop_database(f->db);
	} else {
		(void)snprintf(cmd, sizeof cmd, "rm -rf '%s'", f->dir);
		if (system(cmd) != 0)
			rc = -1;
	}
	free(f);
	return rc;
}

static struct store *open_new(struct fixture *f)
{
	struct err err = { 0 };

	assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, &err), 0);
	return f->st;
}

/* Runs SQL on the database directly, behind the store's back. */
static void raw_sql(const char *path, const char *sql)
{
	sqlite3 *db;

	if (pg_server() != NULL) {
		assert_int_equal(pg_try(path, sql), 0);
		return;
	}
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Removes the fixture's database, so that STORE_CREATE makes a new one. */
static void forget_database(struct fixture *f)
{
	if (pg_server() != NULL)
		assert_int_equal(pg_drop_database(f->db), 0);
	else
		(void)remove(f->path);
}

static void test_missing_database_is_not_created(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	assert_int_equal(store_open(f->path, 0, &f->st, &err), -1);
	assert_int_equal(err.code, EX_NOINPUT);
	assert_non_null(strstr(err.msg, "compgap init"));
	if (pg_server() != NULL)
		assert_false(pg_database_exists(f->db));
	else
		assert_int_not_equal(access(f->path, F_OK), 0);
}

static void test_create_migrates_to_latest(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	int version = -1;

	open_new(f);
	/* STORE_CREATE made the database on the server. */
	if (pg_server() != NULL)
		assert_true(pg_database_exists(f->db));
	assert_int_equal(store_schema_version(f->st, &version, &err), 0);
	assert_int_equal(version, store_latest_version());
	store_close(f->st);
	f->st = NULL;
	/* Opening again is a no-op migration. */
	assert_int_equal(store_open(f->path, 0, &f->st, &err), 0);
	assert_int_equal(store_schema_version(f->st, &version, &err), 0);
	assert_int_equal(version, store_latest_version());
}

static int keep_sums(void *ctx, const char *competency, const char *person, const char *team,
		     const struct evidence_sums *s)
{
	(void)competency;
	(void)person;
	(void)team;
	*(struct evidence_sums *)ctx = *s;
	return 0;
}

/* Evidence stored before version 2 has running sums after it. */
static void check_migrated_sums(struct store *st)
{
	struct err err = { 0 };
	struct evidence_sums s = { 0 };
	struct estimate e;

	const char *const wanted[] = { "c" };
	const double min_levels[] = { 1 };
	const size_t best[] = { 10 };
	const struct candidate_query q = { .competencies = wanted, .min_levels = min_levels,
					   .best = best, .n = 1, .as_of = 20010 };

	assert_int_equal(store_each_candidate(st, &q, keep_sums, &s, &err), 0);
	assert_int_equal(s.n_other, 1);
	assert_int_equal(s.n_self, 1);
	assert_int_equal(s.max_date, 20010);
	estimate_from_sums(&s, store_settings(st), 20010, &e);
	/* manager 3 aged 10 days, self 4 aged 0, half-life 180:
	 * (0.8 * 2^(-10/180) * 3 + 0.4 * 4) / (0.8 * 2^(-10/180) + 0.4). */
	assert_float_equal(e.level, (0.8 * exp2(-10.0 / 180) * 3 + 1.6) / (0.8 * exp2(-10.0 / 180) + 0.4),
			   1e-12);
}

/* Every earlier schema version migrates forward to the latest, keeping the
 * data stored at that version. */
static void test_migrations_from_every_version(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	for (int from = 0; from < store_latest_version(); from++) {
		int version = -1;
		int64_t n = -1;

		forget_database(f);
		assert_int_equal(store_open(f->path, STORE_CREATE | STORE_NO_MIGRATE, &f->st, &err), 0);
		assert_int_equal(store_schema_version(f->st, &version, &err), 0);
		assert_int_equal(version, 0);
		assert_int_equal(store_migrate(f->st, from, NULL, &err), 0);
		assert_int_equal(store_schema_version(f->st, &version, &err), 0);
		assert_int_equal(version, from);
		if (from >= 1)
			raw_sql(f->path,
				"INSERT INTO team(key, name) VALUES ('kept', 'Kept team');"
				"INSERT INTO competency(key, name) VALUES ('c', 'C');"
				"INSERT INTO person(key, name, team_id) VALUES ('p', 'P', 1);"
				"INSERT INTO evidence(person_id, competency_id, level, level_decimals, source, date)"
				" VALUES (1, 1, 3, 0, 'manager', 20000), (1, 1, 4, 0, 'self', 20010);");
		if (from >= 2) {
			/* From version 2 on, compgap keeps running sums beside
			 * the rows: store what it would have. */
			double w_other = 0.8 * exp2((20000.0 - ESTIMATE_EPOCH) / 180);
			double w_self = 0.4 * exp2((20010.0 - ESTIMATE_EPOCH) / 180);
			char sql[512];

			snprintf(sql, sizeof sql,
				 "INSERT INTO evidence_sum(person_id, competency_id, n_self, w_self,"
				 " wl_self, n_other, w_other, wl_other, max_date)"
				 " VALUES (1, 1, 1, %.17g, %.17g, 1, %.17g, %.17g, 20010)",
				 w_self, 4 * w_self, w_other, 3 * w_other);
			raw_sql(f->path, sql);
		}
		store_close(f->st);
		f->st = NULL;
		if (store_open(f->path, 0, &f->st, &err) != 0)
			fail_msg("from %d: %s", from, err.msg);
		assert_int_equal(store_schema_version(f->st, &version, &err), 0);
		assert_int_equal(version, store_latest_version());
		assert_int_equal(store_count(f->st, ENTITY_TEAM, &n, &err), 0);
		assert_int_equal(n, from >= 1 ? 1 : 0);
		if (from >= 1)
			check_migrated_sums(f->st);
		store_close(f->st);
		f->st = NULL;
	}
}

static void test_newer_schema_is_refused(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	open_new(f);
	store_close(f->st);
	f->st = NULL;
	raw_sql(f->path, "INSERT INTO schema_version VALUES (999, 'future')");
	assert_int_equal(store_open(f->path, 0, &f->st, &err), -1);
	assert_int_equal(err.code, EX_CONFIG);
	assert_non_null(strstr(err.msg, "schema version 999, newer than this compgap knows"));
}

static void test_foreign_database_is_refused(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	/* On PostgreSQL the database must exist to hold a table; compgap
	 * creates only missing ones. */
	if (pg_server() != NULL)
		pg_create_database(f->db);
	raw_sql(f->path, "CREATE TABLE invoices(id integer)");
	assert_int_equal(store_open(f->path, 0, &f->st, &err), -1);
	assert_null(f->st);
	assert_int_equal(err.code, EX_DATAERR);
	if (pg_server() != NULL)
		assert_non_null(strstr(err.msg, "holds tables of another application"));
	else
		assert_non_null(strstr(err.msg, "not a compgap one"));
}

static void test_not_a_database_is_refused(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	FILE *out;

	/* A PostgreSQL target is no file that could hold the wrong bytes. */
	if (pg_server() != NULL)
		skip();
	out = fopen(f->path, "w");
	assert_non_null(out);
	for (int i = 0; i < 200; i++)
		fputs("this is a text file, not a database\n", out);
	fclose(out);
	assert_int_equal(store_open(f->path, 0, &f->st, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_non_null(strstr(err.msg, "not a usable SQLite database"));
}

/* Collects rows of every kind as text lines, for comparing. */
struct lines {
	char text[8192];
};

static void add_line(struct lines *l, const char *line)
{
	size_t len = strlen(l->text);

	(void)snprintf(l->text + len, sizeof l->text - len, "%s\n", line);
}

static const char *s(const char *v)
{
	return v != NULL ? v : "(null)";
}

static int team_line(void *ctx, const struct team *t)
{
	char line[256];

	(void)snprintf(line, sizeof line, "%s|%s|%s", t->key, t->name, s(t->parent));
	add_line(ctx, line);
	return 0;
}

static int person_line(void *ctx, const struct person *p)
{
	char line[512];

	(void)snprintf(line, sizeof line, "%s|%s|%s|%s|%s|%s|%d", p->key, p->name, s(p->email),
		       s(p->team), s(p->role), s(p->manager), p->active);
	add_line(ctx, line);
	return 0;
}

static int competency_line(void *ctx, const struct competency *c)
{
	char line[512];

	(void)snprintf(line, sizeof line, "%s|%s|%s|%s|%s", c->key, c->name, s(c->category),
		       s(c->description), developability_name(c->developability));
	add_line(ctx, line);
	return 0;
}

static int indicator_line(void *ctx, const struct indicator *i)
{
	char line[512];

	(void)snprintf(line, sizeof line, "%s|%d|%s", i->competency, i->level, i->text);
	add_line(ctx, line);
	return 0;
}

static int requirement_line(void *ctx, const struct requirement *r)
{
	char line[256];

	(void)snprintf(line, sizeof line, "%s|%s|%d|%d", r->role, r->competency, r->required_level,
		       r->weight);
	add_line(ctx, line);
	return 0;
}

static int evidence_line(void *ctx, const struct evidence *e)
{
	char line[512];

	(void)snprintf(line, sizeof line, "%lld|%s|%s|%.*f|%s|%d|%s|%s", (long long)e->id, e->person,
		       e->competency, e->level_decimals, e->level, source_name(e->source), e->date,
		       s(e->assessor), s(e->note));
	add_line(ctx, line);
	return 0;
}

/* A small organisation, stored in one transaction. */
static void fill(struct store *st)
{
	struct err err = { 0 };
	const struct team teams[] = {
		{ "dept", "Department", NULL, 0 },
		{ "phone", "Phone", "dept", 0 },
	};
	const struct competency comps[] = {
		{ "listen", "Listening", "interpersonal", "Hears what is meant.", DEV_HIGH, 0 },
		{ "decide", "Decisiveness", NULL, NULL, DEV_UNSET, 0 },
	};
	const struct indicator ind[] = {
		{ NULL, 0, "Asks follow-up questions" },
		{ NULL, 3, "Hears the need behind the question" },
	};
	const struct requirement reqs[] = {
		{ "agent", "listen", 3, 2, 0 },
		{ "agent", "decide", 2, 1, 0 },
	};
	const struct person people[] = {
		{ "P1", "Lead", "lead@example.org", "dept", "agent", NULL, true, 0 },
		{ "P2", "Åsa", NULL, "phone", "agent", "P1", true, 0 },
	};
	const struct evidence ev[] = {
		{ 0, "P2", "listen", 3.5, 1, SOURCE_SELF, 20000, NULL, NULL },
		{ 0, "P2", "listen", 2.25, 2, SOURCE_MANAGER, 20010, "P1", "said \"ok\", twice" },
	};

	assert_int_equal(store_begin(st, &err), 0);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(store_put_team(st, &teams[i], &err), 0);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(store_put_competency(st, &comps[i], &err), 0);
	assert_int_equal(store_replace_indicators(st, "listen", ind, 2, &err), 0);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(store_put_requirement(st, &reqs[i], &err), 0);
	for (size_t i = 0; i < 2; i++)
		assert_int_equal(store_put_person(st, &people[i], &err), 0);
	assert_int_equal(store_log_import(st, "evidence", "test", &err), 0);
	assert_int_equal(store_append_evidence(st, ev, 2, &err), 0);
	assert_int_equal(store_log_import_rows(st, 2, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
}

static void dump(struct store *st, struct lines *l)
{
	struct err err = { 0 };

	memset(l, 0, sizeof *l);
	assert_int_equal(store_each_team(st, NULL, team_line, l, &err), 0);
	assert_int_equal(store_each_person(st, NULL, person_line, l, &err), 0);
	assert_int_equal(store_each_competency(st, NULL, competency_line, l, &err), 0);
	assert_int_equal(store_each_indicator(st, NULL, indicator_line, l, &err), 0);
	assert_int_equal(store_each_requirement(st, NULL, requirement_line, l, &err), 0);
	assert_int_equal(store_each_evidence(st, NULL, evidence_line, l, &err), 0);
}

static void test_round_trip_of_every_entity(void **state)
{
	struct fixture *f = *state;
	struct lines l;

	fill(open_new(f));
	dump(f->st, &l);
	assert_string_equal(l.text,
			    "dept|Department|(null)\n"
			    "phone|Phone|dept\n"
			    "P1|Lead|lead@example.org|dept|agent|(null)|1\n"
			    "P2|Åsa|(null)|phone|agent|P1|1\n"
			    "listen|Listening|interpersonal|Hears what is meant.|high\n"
			    "decide|Decisiveness|(null)|(null)|\n"
			    "listen|0|Asks follow-up questions\n"
			    "listen|3|Hears the need behind the question\n"
			    "agent|listen|3|2\n"
			    "agent|decide|2|1\n"
			    "1|P2|listen|3.5|self|20000|(null)|(null)\n"
			    "2|P2|listen|2.25|manager|20010|P1|said \"ok\", twice\n");
}

static void test_upsert_and_keep_masks(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct lines l;
	const struct person renamed = { "P2", "Åsa Öberg", NULL, NULL, NULL, NULL, false,
					KEEP_EMAIL | KEEP_TEAM | KEEP_ROLE | KEEP_MANAGER };
	const struct person cleared = { "P1", "Lead", NULL, NULL, NULL, NULL, true, 0 };
	const struct team moved = { "phone", "Phone team", NULL, KEEP_PARENT };
	const struct requirement reweighted = { "agent", "listen", 4, 0, KEEP_WEIGHT };

	fill(open_new(f));
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_put_person(f->st, &renamed, &err), 0);
	assert_int_equal(store_put_person(f->st, &cleared, &err), 0);
	assert_int_equal(store_put_team(f->st, &moved, &err), 0);
	assert_int_equal(store_put_requirement(f->st, &reweighted, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	dump(f->st, &l);
	/* Renamed and made inactive, the rest kept; P1's optional fields
	 * cleared; the team renamed with its parent kept; the level changed
	 * with its weight kept. */
	assert_non_null(strstr(l.text, "P2|Åsa Öberg|(null)|phone|agent|P1|0\n"));
	assert_non_null(strstr(l.text, "P1|Lead|(null)|(null)|(null)|(null)|1\n"));
	assert_non_null(strstr(l.text, "phone|Phone team|dept\n"));
	assert_non_null(strstr(l.text, "agent|listen|4|2\n"));
}

static void test_replace_indicators(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct lines l = { { 0 } };
	const struct indicator ind[] = { { NULL, 0, "Only this one" } };

	fill(open_new(f));
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_replace_indicators(f->st, "listen", ind, 1, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(store_each_indicator(f->st, "listen", indicator_line, &l, &err), 0);
	assert_string_equal(l.text, "listen|0|Only this one\n");
}

static void test_rollback_undoes_everything(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct lines before, after;
	const struct team t = { "new", "New", "dept", 0 };
	const struct person p = { "P9", "Nine", NULL, "new", NULL, NULL, true, 0 };
	int64_t id;

	fill(open_new(f));
	dump(f->st, &before);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_put_team(f->st, &t, &err), 0);
	assert_int_equal(store_put_person(f->st, &p, &err), 0);
	assert_int_equal(store_lookup(f->st, ENTITY_PERSON, "P9", &id, &err), 1);
	store_rollback(f->st);
	dump(f->st, &after);
	assert_string_equal(before.text, after.text);
	/* The key cache forgets what the rollback undid. */
	assert_int_equal(store_lookup(f->st, ENTITY_PERSON, "P9", &id, &err), 0);
	assert_int_equal(store_lookup(f->st, ENTITY_TEAM, "new", &id, &err), 0);
}

static void test_writes_need_a_transaction(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	const struct team t = { "x", "X", NULL, 0 };

	open_new(f);
	assert_int_equal(store_put_team(f->st, &t, &err), -1);
	assert_int_equal(err.code, EX_SOFTWARE);
}

static void test_evidence_with_unknown_keys_is_refused(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	const struct evidence e = { 0, "nobody", "listen", 3, 0, SOURCE_SELF, 20000, NULL, NULL };

	fill(open_new(f));
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_append_evidence(f->st, &e, 1, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_string_equal(err.msg, "unknown person 'nobody'");
	store_rollback(f->st);
}

/* An empty file is no database: SQLite would make it one without a word
 * where a missing file is refused (issue 9). */
static void test_empty_file_is_no_database(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	FILE *fp;

	if (pg_server() != NULL)
		skip();
	fp = fopen(f->path, "w");
	assert_non_null(fp);
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(store_open(f->path, 0, &f->st, &err), -1);
	assert_int_equal(err.code, EX_NOINPUT);
	assert_non_null(strstr(err.msg, "(the file is empty)"));
	assert_non_null(strstr(err.msg, "compgap init"));
	assert_non_null(fp = fopen(f->path, "r"));
	assert_int_equal(fgetc(fp), EOF);
	(void)fclose(fp);
	/* init (STORE_CREATE) makes it a database, as it makes a missing one */
	assert_int_equal(store_open(f->path, STORE_CREATE, &f->st, &err), 0);
}

/* The did-you-mean hints: the nearest stored keys within two edits,
 * ignoring case; those that begin with what was typed first; ties named,
 * up to three. */
static void test_unknown_keys_get_hints(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct team_snapshot snap;
	const struct snapshot_filter typo = { .team = "phnoe" }, person = { .person = "KCC-105" };
	static const char *const ids[] = {
		"KCC-1015", "KCC-1054", "KCC-1053", "KCC-1052", "KCC-1051", "KCC-1050"
	};
	char near[32];

	fill(open_new(f));
	assert_int_equal(store_begin(f->st, &err), 0);
	for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++) {
		const struct person p = { ids[i], "Someone", NULL, "phone", "agent", NULL, true, 0 };

		assert_int_equal(store_put_person(f->st, &p, &err), 0);
	}
	assert_int_equal(store_commit(f->st, &err), 0);

	assert_int_equal(store_require_key(f->st, ENTITY_TEAM, "phone", &err), 0);
	assert_int_equal(store_require_key(f->st, ENTITY_TEAM, "phnoe", &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_string_equal(err.msg, "unknown team 'phnoe'; did you mean 'phone'?");
	assert_int_equal(store_require_key(f->st, ENTITY_TEAM, "PHONE", &err), -1);
	assert_string_equal(err.msg, "unknown team 'PHONE'; did you mean 'phone'?");
	assert_int_equal(store_require_key(f->st, ENTITY_TEAM, "warehouse", &err), -1);
	assert_string_equal(err.msg, "unknown team 'warehouse'; 'compgap list teams' lists them");
	assert_int_equal(store_require_key(f->st, ENTITY_COMPETENCY, "lisen", &err), -1);
	assert_string_equal(err.msg, "unknown competency 'lisen'; did you mean 'listen'?");
	/* P1 and P2 are one edit from P3, and named in order */
	assert_int_equal(store_require_key(f->st, ENTITY_PERSON, "P3", &err), -1);
	assert_string_equal(err.msg, "unknown person 'P3'; did you mean 'P1' or 'P2'?");
	/* six are one edit from KCC-105: the five it begins come first */
	assert_int_equal(store_require_key(f->st, ENTITY_PERSON, "KCC-105", &err), -1);
	assert_string_equal(err.msg, "unknown person 'KCC-105'; did you mean 'KCC-1050', 'KCC-1051',"
			    " 'KCC-1052' (or 3 more as close)? 'compgap list people' lists them");
	assert_int_equal(store_require_key(f->st, ENTITY_PERSON, "KCC-1O15", &err), -1);
	assert_string_equal(err.msg, "unknown person 'KCC-1O15'; did you mean 'KCC-1015'?");

	/* import's hint wants one nearest key, not a tie */
	assert_int_equal(store_closest_key(f->st, ENTITY_TEAM, "phnoe", near, sizeof near, &err), 1);
	assert_string_equal(near, "phone");
	assert_int_equal(store_closest_key(f->st, ENTITY_PERSON, "P3", near, sizeof near, &err), 0);

	/* the analyses get the same hints from the snapshot */
	assert_int_equal(store_begin_read(f->st, &err), 0);
	assert_int_equal(store_load_snapshot(f->st, &typo, 20010, &snap, &err), -1);
	assert_string_equal(err.msg, "unknown team 'phnoe'; did you mean 'phone'?");
	assert_int_equal(store_load_snapshot(f->st, &person, 20010, &snap, &err), -1);
	assert_non_null(strstr(err.msg, "did you mean 'KCC-1050', 'KCC-1051', 'KCC-1052'"));
	store_rollback(f->st);
}

/* The wait for another's lock: seconds from --busy-timeout or
 * $COMPGAP_BUSY_TIMEOUT, checked. */
static void test_busy_timeout_is_checked(void **state)
{
	struct err err = { 0 };

	(void)state;
	assert_int_equal(store_set_busy_timeout("2.5", &err), 0);
	assert_int_equal(store_set_busy_timeout("0", &err), 0);
	assert_int_equal(store_set_busy_timeout("86400", &err), 0);
	assert_int_equal(store_set_busy_timeout("86401", &err), -1);
	assert_int_equal(err.code, EX_USAGE);
	assert_int_equal(store_set_busy_timeout("-1", &err), -1);
	assert_int_equal(store_set_busy_timeout("soon", &err), -1);
	assert_string_equal(err.msg, "--busy-timeout: 'soon' is not a number of seconds;"
			    " give one from 0 to 86400, such as 30");
	assert_int_equal(store_set_busy_timeout("", &err), -1);
	assert_int_equal(setenv("COMPGAP_BUSY_TIMEOUT", "1e9", 1), 0);
	assert_int_equal(store_set_busy_timeout(NULL, &err), -1);
	assert_non_null(strstr(err.msg, "$COMPGAP_BUSY_TIMEOUT: '1e9'"));
	assert_int_equal(unsetenv("COMPGAP_BUSY_TIMEOUT"), 0);
	assert_int_equal(store_set_busy_timeout(NULL, &err), 0);
}

static void test_retraction(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct lines l = { { 0 } };
	int64_t n = 0;

	fill(open_new(f));
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_retract_evidence(f->st, 1, "wrong person", &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(store_each_evidence(f->st, NULL, evidence_line, &l, &err), 0);
	assert_null(strstr(l.text, "1|P2|listen|3.5"));
	assert_non_null(strstr(l.text, "2|P2|listen|2.25"));
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 1);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_retract_evidence(f->st, 1, "again", &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_int_equal(store_retract_evidence(f->st, 99, "none", &err), -1);
	assert_non_null(strstr(err.msg, "no evidence row 99"));
	store_rollback(f->st);
}

static void test_evidence_filters(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct lines l = { { 0 } };
	const struct evidence_filter by_person = { "P1", NULL };
	const struct evidence_filter by_both = { "P2", "listen" };
	const struct evidence_filter by_competency = { NULL, "decide" };

	fill(open_new(f));
	assert_int_equal(store_each_evidence(f->st, &by_person, evidence_line, &l, &err), 0);
	assert_string_equal(l.text, "");
	assert_int_equal(store_each_evidence(f->st, &by_competency, evidence_line, &l, &err), 0);
	assert_string_equal(l.text, "");
	assert_int_equal(store_each_evidence(f->st, &by_both, evidence_line, &l, &err), 0);
	assert_non_null(strstr(l.text, "1|P2|listen"));
	assert_non_null(strstr(l.text, "2|P2|listen"));
}

/* Whether the evidence index exists in the file. */
/* The first column of the first row of sql, run on a PostgreSQL
 * database, as a number. */
static long pg_number(const char *conninfo, const char *sql)
{
	PGconn *pg = PQconnectdb(conninfo);
	PGresult *r;
	long n;

	assert_int_equal(PQstatus(pg), CONNECTION_OK);
	r = PQexec(pg, sql);
	assert_int_equal(PQresultStatus(r), PGRES_TUPLES_OK);
	n = strtol(PQgetvalue(r, 0, 0), NULL, 10);
	PQclear(r);
	PQfinish(pg);
	return n;
}

/* 1 when the evidence index is there (and on PostgreSQL, its three
 * foreign keys as well), which a bulk load drops for a while. */
static int evidence_index_exists(const char *path)
{
	sqlite3 *db;
	sqlite3_stmt *s;
	int n = -1;

	if (pg_server() != NULL)
		return pg_number(path, "SELECT count(*) FROM pg_indexes WHERE indexname = 'evidence_person_competency'") == 1 &&
		       pg_number(path, "SELECT count(*) FROM pg_constraint WHERE conrelid = 'evidence'::regclass"
					 " AND contype = 'f'") == 3;
	assert_int_equal(sqlite3_open(path, &db), SQLITE_OK);
	assert_int_equal(sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_master WHERE type = 'index'"
					    " AND name = 'evidence_person_competency'", -1, &s, NULL),
			 SQLITE_OK);
	if (sqlite3_step(s) == SQLITE_ROW)
		n = sqlite3_column_int(s, 0);
	sqlite3_finalize(s);
	sqlite3_close(db);
	return n;
}

/* Appends n copies of a row in one transaction; commits or rolls back. */
static void append_many(struct store *st, size_t n, bool commit)
{
	struct err err = { 0 };
	struct evidence *rows = calloc(n, sizeof *rows);

	assert_non_null(rows);
	for (size_t i = 0; i < n; i++)
		rows[i] = (struct evidence){ 0, "P2", "listen", 3, 0, SOURCE_QA, (int32_t)(20000 + i % 500),
					     "P1", NULL };
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_append_evidence(st, rows, n, &err), 0);
	if (commit)
		assert_int_equal(store_commit(st, &err), 0);
	else
		store_rollback(st);
	free(rows);
}

/* A bulk load drops the evidence index (and on PostgreSQL its foreign
 * keys) for speed and must leave them in place after a commit and after a
 * rollback alike. */
static void test_bulk_load_keeps_the_index(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	int64_t n = 0;

	fill(open_new(f));
	append_many(f->st, 150000, false);
	assert_int_equal(evidence_index_exists(f->path), 1);
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 2);
	append_many(f->st, 150000, true);
	assert_int_equal(evidence_index_exists(f->path), 1);
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 150002);
	/* A small append to a large table keeps the index all along. */
	append_many(f->st, 1000, true);
	assert_int_equal(evidence_index_exists(f->path), 1);
}

/* The estimate of person on competency in a snapshot, or an unassessed
 * one when the line is missing. */
static struct estimate snapshot_estimate(struct store *st, const char *team, const char *person,
					 const char *competency, int32_t as_of)
{
	struct err err = { 0 };
	struct team_snapshot snap;
	const struct snapshot_filter f = { .team = team, .person = team ? NULL : person };
	struct estimate e = { 0 };
	bool found = false;

	assert_int_equal(store_load_snapshot(st, &f, as_of, &snap, &err), 0);
	for (size_t m = 0; m < snap.nmembers; m++) {
		const struct snapshot_member *mb = &snap.members[m];

		for (size_t i = mb->first_line; i < mb->first_line + mb->nlines; i++) {
			if (strcmp(mb->key, person) == 0 && strcmp(snap.lines[i].competency, competency) == 0) {
				estimate_from_sums(&snap.lines[i].sums, store_settings(st), as_of, &e);
				found = true;
			}
		}
	}
	assert_true(found);
	store_free_snapshot(&snap);
	return e;
}

static void test_snapshot_of_a_team(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct team_snapshot snap;
	const struct snapshot_filter dept = { .team = "dept" }, phone = { .team = "phone" };
	const struct snapshot_filter nowhere = { .team = "nowhere" }, nobody = { .person = "P77" };

	fill(open_new(f));
	/* The department includes its sub-team: P1 in dept, P2 in phone. */
	assert_int_equal(store_load_snapshot(f->st, &dept, 20010, &snap, &err), 0);
	assert_int_equal(snap.nmembers, 2);
	assert_string_equal(snap.members[0].key, "P1");
	assert_string_equal(snap.members[1].key, "P2");
	assert_string_equal(snap.members[1].team, "phone");
	assert_string_equal(snap.members[1].role, "agent");
	assert_int_equal(snap.members[1].nlines, 2);
	assert_int_equal(snap.nlines, 4);
	assert_string_equal(snap.lines[snap.members[1].first_line].competency, "listen");
	assert_int_equal(snap.lines[snap.members[1].first_line].required_level, 3);
	assert_int_equal(snap.lines[snap.members[1].first_line].weight, 2);
	store_free_snapshot(&snap);
	assert_int_equal(store_load_snapshot(f->st, &phone, 20010, &snap, &err), 0);
	assert_int_equal(snap.nmembers, 1);
	store_free_snapshot(&snap);
	assert_int_equal(store_load_snapshot(f->st, &nowhere, 20010, &snap, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_int_equal(store_load_snapshot(f->st, &nobody, 20010, &snap, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
}

/* Running sums give what the rows give, today and as of a past date
 * (where the store falls back to the rows). */
static void test_snapshot_estimates_match_rows(void **state)
{
	struct fixture *f = *state;
	const struct evidence rows[2] = {
		{ 0, "P2", "listen", 3.5, 1, SOURCE_SELF, 20000, NULL, NULL },
		{ 0, "P2", "listen", 2.25, 2, SOURCE_MANAGER, 20010, "P1", NULL },
	};
	struct estimate want, got;
	struct settings set;

	fill(open_new(f));
	settings_default(&set);
	estimate_from_rows(rows, 2, &set, 20100, &want);
	got = snapshot_estimate(f->st, "dept", "P2", "listen", 20100);
	assert_float_equal(got.level, want.level, 1e-12);
	assert_float_equal(got.evidence_weight, want.evidence_weight, 1e-12);
	/* Between the two rows: only the first counts. */
	estimate_from_rows(rows, 2, &set, 20005, &want);
	got = snapshot_estimate(f->st, NULL, "P2", "listen", 20005);
	assert_int_equal(got.evidence, 1);
	assert_float_equal(got.level, 3.5, 1e-12);
	assert_float_equal(got.evidence_weight, want.evidence_weight, 1e-12);
	/* Before any: unassessed. */
	got = snapshot_estimate(f->st, "dept", "P2", "listen", 19999);
	assert_false(got.assessed);
}

/* A retraction restores the earlier figures. */
static void test_retraction_restores_figures(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct estimate before, during, after;
	const struct evidence extra = { 0, "P2", "listen", 5, 0, SOURCE_ASSESSMENT, 20020, NULL, NULL };

	fill(open_new(f));
	before = snapshot_estimate(f->st, "dept", "P2", "listen", 20100);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_append_evidence(f->st, &extra, 1, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	during = snapshot_estimate(f->st, "dept", "P2", "listen", 20100);
	assert_true(during.level > before.level);
	assert_int_equal(during.evidence, 3);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_retract_evidence(f->st, 3, "entered twice", &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	after = snapshot_estimate(f->st, "dept", "P2", "listen", 20100);
	assert_int_equal(after.evidence, 2);
	assert_float_equal(after.level, before.level, 1e-12);
	assert_float_equal(after.evidence_weight, before.evidence_weight, 1e-12);
}

/* A rolled-back append leaves the sums as they were. */
static void test_rollback_leaves_sums(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct estimate before, after;
	const struct evidence extra = { 0, "P2", "listen", 5, 0, SOURCE_TEST, 20020, NULL, NULL };

	fill(open_new(f));
	before = snapshot_estimate(f->st, "dept", "P2", "listen", 20100);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_append_evidence(f->st, &extra, 1, &err), 0);
	store_rollback(f->st);
	after = snapshot_estimate(f->st, "dept", "P2", "listen", 20100);
	assert_int_equal(after.evidence, before.evidence);
	assert_float_equal(after.level, before.level, 0);
}

/* Settings are stored, and those the sums depend on rebuild them. */
static void test_settings_rebuild_sums(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	const struct evidence rows[2] = {
		{ 0, "P2", "listen", 3.5, 1, SOURCE_SELF, 20000, NULL, NULL },
		{ 0, "P2", "listen", 2.25, 2, SOURCE_MANAGER, 20010, "P1", NULL },
	};
	struct settings set;
	struct estimate want, got;

	fill(open_new(f));
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_set_setting(f->st, "half_life", "90", &err), 0);
	assert_int_equal(store_set_setting(f->st, "weight.self", "1", &err), 0);
	assert_int_equal(store_set_setting(f->st, "half_life", "10", &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_int_equal(store_set_setting(f->st, "colour", "red", &err), -1);
	assert_int_equal(err.code, EX_USAGE);
	assert_int_equal(store_commit(f->st, &err), 0);
	store_close(f->st);
	f->st = NULL;
	assert_int_equal(store_open(f->path, 0, &f->st, &err), 0);
	assert_float_equal(store_settings(f->st)->half_life, 90, 0);
	assert_float_equal(store_settings(f->st)->source_weight[SOURCE_SELF], 1, 0);
	settings_default(&set);
	set.half_life = 90;
	set.source_weight[SOURCE_SELF] = 1;
	estimate_from_rows(rows, 2, &set, 20100, &want);
	got = snapshot_estimate(f->st, "dept", "P2", "listen", 20100);
	assert_float_equal(got.level, want.level, 1e-12);
	assert_float_equal(got.evidence_weight, want.evidence_weight, 1e-12);
}

static int stop_at_first(void *ctx, const struct team *t)
{
	(void)t;
	(*(int *)ctx)++;
	return 7;
}

static void test_callback_stops_iteration(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	int calls = 0;

	fill(open_new(f));
	assert_int_equal(store_each_team(f->st, NULL, stop_at_first, &calls, &err), 7);
	assert_int_equal(calls, 1);
}

static void test_default_target(void **state)
{
	(void)state;
	unsetenv("COMPGAP_DB");
	assert_string_equal(store_default_target(NULL), "./compgap.db");
	setenv("COMPGAP_DB", "/tmp/env.db", 1);
	assert_string_equal(store_default_target(NULL), "/tmp/env.db");
	assert_string_equal(store_default_target("arg.db"), "arg.db");
	unsetenv("COMPGAP_DB");
}

/* ---- PostgreSQL: choosing it, connecting, isolation --------------------- */

/* A URI or a string that starts with a libpq keyword is PostgreSQL; any
 * other target is a file path, even with '=' in it. */
static void test_pg_claims(void **state)
{
	static const char *const pg[] = {
		"postgresql://u@h:5432/db", "postgres://h/db", "host=/tmp port=5432 dbname=x",
		"  dbname=x", "service=foo",
	};
	static const char *const files[] = {
		"compgap.db", "./host=x.db", "/tmp/a=b.db", "", "hostx=1", "Host=x",
	};

	(void)state;
	for (size_t i = 0; i < sizeof pg / sizeof *pg; i++)
		if (!backend_pg_claims(pg[i]))
			fail_msg("'%s' should be PostgreSQL", pg[i]);
	for (size_t i = 0; i < sizeof files / sizeof *files; i++)
		if (backend_pg_claims(files[i]))
			fail_msg("'%s' should be a file", files[i]);
}

/* Nothing listens on port 1: no server is needed to see the failure, so
 * this runs on both engines. */
static void test_pg_unreachable_server(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	assert_int_equal(store_open("host=127.0.0.1 port=1 dbname=x user=compgap connect_timeout=2",
				    0, &f->st, &err), -1);
	assert_null(f->st);
	assert_int_equal(err.code, EX_UNAVAILABLE);
	assert_non_null(strstr(err.msg, "cannot reach"));
	assert_null(strchr(err.msg, '\n'));
}

/* Claimed by its first keyword, refused by libpq for a later one. */
static void test_pg_malformed_connection_string(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	assert_int_equal(store_open("host=/tmp port=5432 dbnam=x", 0, &f->st, &err), -1);
	assert_null(f->st);
	assert_int_equal(err.code, EX_USAGE);
	assert_non_null(strstr(err.msg, "not a valid PostgreSQL connection string"));
	assert_null(strchr(err.msg, '\n'));
}

/* libpq's complaint about a malformed string quotes pieces of it; with a
 * password in it, those pieces may be the password's (a bug: "se cret"
 * gave 'missing "=" after "cret"'). */
static void test_pg_malformed_string_hides_password(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };

	assert_int_equal(store_open("host=127.0.0.1 port=1 password=se cret dbname=x", 0, &f->st, &err), -1);
	assert_int_equal(err.code, EX_USAGE);
	assert_non_null(strstr(err.msg, "not a valid PostgreSQL connection string"));
	assert_null(strstr(err.msg, "cret"));
	assert_int_equal(store_open("postgresql://u:se cret@127.0.0.1:1/x", 0, &f->st, &err), -1);
	assert_null(strstr(err.msg, "cret"));
}

/* Keys committed by another connection are seen by the next transaction
 * of a store that looked keys up before (a bug: the cache outlived
 * transactions, and the evidence below was refused as 'unknown person'). */
static void test_keys_are_read_again_in_a_new_transaction(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	const struct person p3 = { "P3", "Three", NULL, "phone", "agent", NULL, true, 0 };
	const struct evidence e = { 0, "P3", "listen", 4, 0, SOURCE_PEER, 20020, NULL, NULL };
	int64_t id, before = 0, after = 0;

	fill(open_new(f));
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &before, &err), 0);
	assert_int_equal(store_open(f->path, 0, &f->other, &err), 0);
	assert_int_equal(store_lookup(f->other, ENTITY_PERSON, "P3", &id, &err), 0);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_put_person(f->st, &p3, &err), 0);
	assert_int_equal(store_commit(f->st, &err), 0);
	assert_int_equal(store_begin(f->other, &err), 0);
	assert_int_equal(store_append_evidence(f->other, &e, 1, &err), 0);
	assert_int_equal(store_commit(f->other, &err), 0);
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &after, &err), 0);
	assert_int_equal(after, before + 1);
}

/* The TCP listener of the test server wants a password; a wrong one is
 * named as such, with the user, and never echoed. */
static void test_pg_wrong_password(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	const char *tcp = getenv("COMPGAP_TEST_PG_TCP");
	char target[512];

	if (pg_server() == NULL || tcp == NULL || *tcp == '\0')
		skip();
	(void)snprintf(target, sizeof target, "%s password=wrong dbname=postgres", tcp);
	assert_int_equal(store_open(target, 0, &f->st, &err), -1);
	assert_null(f->st);
	assert_int_equal(err.code, EX_NOPERM);
	assert_non_null(strstr(err.msg, "refused the password"));
	assert_non_null(strstr(err.msg, "'compgap'"));
	assert_null(strstr(err.msg, "wrong"));
	assert_null(strchr(err.msg, '\n'));
}

/* The describe of a store opened on target (which holds the password
 * "compgap-test") names database db and not the password. */
static void check_describe_hides_password(struct store **st, const char *target, const char *db)
{
	struct err err = { 0 };
	const char *d;

	if (store_open(target, 0, st, &err) < 0)
		fail_msg("cannot open '%s': %s", target, err.msg);
	d = store_describe(*st);
	assert_int_equal(strncmp(d, "postgresql:", 11), 0);
	assert_non_null(strstr(d, db));
	assert_null(strstr(d, "compgap-test"));
	assert_null(strstr(d, "password"));
	store_close(*st);
	*st = NULL;
}

/* Messages name the database by store_describe: engine, database, never
 * the password, which the target may hold as a keyword or in a URI. */
static void test_pg_describe(void **state)
{
	struct fixture *f = *state;
	const char *tcp = getenv("COMPGAP_TEST_PG_TCP");
	const char *d, *host = NULL, *port = NULL, *user = NULL;
	PQconninfoOption *opts;
	char target[512];

	if (pg_server() == NULL)
		skip();
	d = store_describe(open_new(f));
	assert_int_equal(strncmp(d, "postgresql:", 11), 0);
	assert_non_null(strstr(d, f->db));
	if (tcp == NULL || *tcp == '\0')
		return;
	(void)snprintf(target, sizeof target, "%s password=compgap-test dbname=%s", tcp, f->db);
	check_describe_hides_password(&f->other, target, f->db);
	opts = PQconninfoParse(tcp, NULL);
	assert_non_null(opts);
	for (PQconninfoOption *o = opts; o->keyword != NULL; o++) {
		if (strcmp(o->keyword, "host") == 0)
			host = o->val;
		else if (strcmp(o->keyword, "port") == 0)
			port = o->val;
		else if (strcmp(o->keyword, "user") == 0)
			user = o->val;
	}
	assert_true(host != NULL && port != NULL && user != NULL);
	(void)snprintf(target, sizeof target, "postgresql://%s:compgap-test@%s:%s/%s", user, host,
		       port, f->db);
	PQconninfoFree(opts);
	check_describe_hides_password(&f->other, target, f->db);
}

/* Another connection sees evidence only once it is committed, and a read
 * transaction keeps seeing the moment it began. Both engines promise it
 * (store_begin_read); SQLite keeps it through WAL. */
static void test_uncommitted_evidence_is_invisible(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	const struct evidence e = { 0, "P2", "decide", 4, 0, SOURCE_PEER, 20020, "P1", NULL };
	int64_t n = -1;

	fill(open_new(f));
	assert_int_equal(store_open(f->path, 0, &f->other, &err), 0);
	assert_int_equal(store_begin(f->st, &err), 0);
	assert_int_equal(store_log_import(f->st, "evidence", "pending.csv", &err), 0);
	assert_int_equal(store_append_evidence(f->st, &e, 1, &err), 0);
	assert_int_equal(store_log_import_rows(f->st, 1, &err), 0);
	/* The writer sees its own row. */
	assert_int_equal(store_count(f->st, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(store_begin_read(f->other, &err), 0);
	assert_int_equal(store_count(f->other, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_commit(f->st, &err), 0);
	/* Committed now, but after this read transaction began. */
	assert_int_equal(store_count(f->other, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 2);
	assert_int_equal(store_commit(f->other, &err), 0);
	assert_int_equal(store_begin_read(f->other, &err), 0);
	assert_int_equal(store_count(f->other, ENTITY_EVIDENCE, &n, &err), 0);
	assert_int_equal(n, 3);
	assert_int_equal(store_commit(f->other, &err), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_missing_database_is_not_created, setup, teardown),
		cmocka_unit_test_setup_teardown(test_create_migrates_to_latest, setup, teardown),
		cmocka_unit_test_setup_teardown(test_migrations_from_every_version, setup, teardown),
		cmocka_unit_test_setup_teardown(test_newer_schema_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_foreign_database_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_not_a_database_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_round_trip_of_every_entity, setup, teardown),
		cmocka_unit_test_setup_teardown(test_upsert_and_keep_masks, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_indicators, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_undoes_everything, setup, teardown),
		cmocka_unit_test_setup_teardown(test_writes_need_a_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_evidence_with_unknown_keys_is_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retraction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_empty_file_is_no_database, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unknown_keys_get_hints, setup, teardown),
		cmocka_unit_test(test_busy_timeout_is_checked),
		cmocka_unit_test_setup_teardown(test_evidence_filters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_callback_stops_iteration, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bulk_load_keeps_the_index, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snapshot_of_a_team, setup, teardown),
		cmocka_unit_test_setup_teardown(test_snapshot_estimates_match_rows, setup, teardown),
		cmocka_unit_test_setup_teardown(test_retraction_restores_figures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_rollback_leaves_sums, setup, teardown),
		cmocka_unit_test_setup_teardown(test_settings_rebuild_sums, setup, teardown),
		cmocka_unit_test(test_default_target),
		cmocka_unit_test(test_pg_claims),
		cmocka_unit_test_setup_teardown(test_pg_unreachable_server, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pg_malformed_connection_string, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pg_malformed_string_hides_password, setup, teardown),
		cmocka_unit_test_setup_teardown(test_keys_are_read_again_in_a_new_transaction, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pg_wrong_password, setup, teardown),
		cmocka_unit_test_setup_teardown(test_pg_describe, setup, teardown),
		cmocka_unit_test_setup_teardown(test_uncommitted_evidence_is_invisible, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
