/* The SQLite backend: one database file in WAL mode with foreign keys on
 * and a busy timeout, statements prepared once per connection. */
#include <errno.h>
#include <stdint.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "store/backend.h"
#include "store/sql_shared.h"
#include "store/schema_sqlite.h"

enum {
	EVIDENCE_ROWS_PER_INSERT = 64,  /* rows in one multi-row INSERT */
	BULK_MIN_ROWS = 100000          /* see bulk_check */
};

/* Every statement the backend runs, prepared on first use. */
enum stmt_id {
	Q_VERSION,
	Q_KEYS_TEAM, Q_KEYS_PERSON, Q_KEYS_COMPETENCY, Q_KEYS_ROLE,
	Q_COUNT_TEAM, Q_COUNT_PERSON, Q_COUNT_COMPETENCY, Q_COUNT_ROLE, Q_COUNT_EVIDENCE,
	Q_PUT_TEAM, Q_PUT_PERSON, Q_PUT_COMPETENCY, Q_PUT_ROLE,
	Q_DELETE_INDICATORS, Q_INSERT_INDICATOR, Q_PUT_REQUIREMENT,
	Q_LOG_IMPORT, Q_LOG_IMPORT_ROWS, Q_APPEND_EVIDENCE, Q_APPEND_EVIDENCE_MANY,
	Q_EVIDENCE_STATE, Q_RETRACT,
	Q_TEAMS, Q_TEAM_BY_KEY, Q_PEOPLE, Q_PERSON_BY_KEY,
	Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, Q_INDICATORS, Q_INDICATORS_OF,
	Q_REQUIREMENTS, Q_REQUIREMENTS_OF,
	Q_EVIDENCE_ALL, Q_EVIDENCE_PERSON, Q_EVIDENCE_PERSON_COMPETENCY, Q_EVIDENCE_COMPETENCY,
	Q_SETTINGS, Q_PUT_SETTING, Q_ADD_SUMS, Q_PUT_SUMS, Q_PAIR_ROWS, Q_PAIR_OF_EVIDENCE,
	Q_ALL_ROWS_BY_PAIR, Q_DELETE_SUMS,
	Q_TEAM_ID, Q_SNAPSHOT_TEAM_MEMBERS, Q_SNAPSHOT_PERSON_MEMBER, Q_ROLE_REQUIREMENTS,
	Q_PAIR_SUMS, Q_ALL_SUMS, Q_PAIR_ROWS_AS_OF, Q_CANDIDATES_BEST, Q_CANDIDATES_TEAM,
	Q_CANDIDATES_ALL, Q_NEWEST, Q_NOTE_NEWEST,
	Q_COUNT_OF_STATEMENTS
};

static const char *const sql_text[Q_COUNT_OF_STATEMENTS] = {
	[Q_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_version",
	[Q_KEYS_TEAM] = "SELECT key, id FROM team",
	[Q_KEYS_PERSON] = "SELECT key, id FROM person",
	[Q_KEYS_COMPETENCY] = "SELECT key, id FROM competency",
	[Q_KEYS_ROLE] = "SELECT key, id FROM role",
	[Q_COUNT_TEAM] = "SELECT count(*) FROM team",
	[Q_COUNT_PERSON] = "SELECT count(*) FROM person",
	[Q_COUNT_COMPETENCY] = "SELECT count(*) FROM competency",
	[Q_COUNT_ROLE] = "SELECT count(*) FROM role",
	[Q_COUNT_EVIDENCE] =
		"SELECT (SELECT count(*) FROM evidence) - (SELECT count(*) FROM retraction)",
	/* ?1 key, ?2 name, ?3 parent key ('' for none), ?4 keep parent */
	[Q_PUT_TEAM] =
		"INSERT INTO team(key, name, parent_id) VALUES (?1, ?2,"
		" CASE WHEN ?4 THEN NULL ELSE (SELECT id FROM team WHERE key = ?3) END)"
		" ON CONFLICT(key) DO UPDATE SET name = excluded.name,"
		" parent_id = CASE WHEN ?4 THEN team.parent_id ELSE excluded.parent_id END"
		" RETURNING id",
	/* ?1 key, ?2 name, ?3 email, ?4 team, ?5 role, ?6 manager, ?7 active,
	 * ?8..?12 keep email, team, role, manager, active */
	[Q_PUT_PERSON] =
		"INSERT INTO person(key, name, email, team_id, role_id, manager_id, active)"
		" VALUES (?1, ?2, CASE WHEN ?8 THEN NULL ELSE ?3 END,"
		" CASE WHEN ?9 THEN NULL ELSE (SELECT id FROM team WHERE key = ?4) END,"
		" CASE WHEN ?10 THEN NULL ELSE (SELECT id FROM role WHERE key = ?5) END,"
		" CASE WHEN ?11 THEN NULL ELSE (SELECT id FROM person WHERE key = ?6) END,"
		" CASE WHEN ?12 THEN 1 ELSE ?7 END)"
		" ON CONFLICT(key) DO UPDATE SET name = excluded.name,"
		" email = CASE WHEN ?8 THEN person.email ELSE excluded.email END,"
		" team_id = CASE WHEN ?9 THEN person.team_id ELSE excluded.team_id END,"
		" role_id = CASE WHEN ?10 THEN person.role_id ELSE excluded.role_id END,"
		" manager_id = CASE WHEN ?11 THEN person.manager_id ELSE excluded.manager_id END,"
		" active = CASE WHEN ?12 THEN person.active ELSE excluded.active END"
		" RETURNING id",
	/* ?1 key, ?2 name, ?3 category, ?4 description, ?5 developability,
	 * ?6..?8 keep category, description, developability */
	[Q_PUT_COMPETENCY] =
		"INSERT INTO competency(key, name, category, description, developability)"
		" VALUES (?1, ?2, CASE WHEN ?6 THEN NULL ELSE ?3 END,"
		" CASE WHEN ?7 THEN NULL ELSE ?4 END, CASE WHEN ?8 THEN NULL ELSE ?5 END)"
		" ON CONFLICT(key) DO UPDATE SET name = excluded.name,"
		" category = CASE WHEN ?6 THEN competency.category ELSE excluded.category END,"
		" description = CASE WHEN ?7 THEN competency.description ELSE excluded.description END,"
		" developability = CASE WHEN ?8 THEN competency.developability"
		" ELSE excluded.developability END"
		" RETURNING id",
	[Q_PUT_ROLE] = "INSERT INTO role(key) VALUES (?1) RETURNING id",
	[Q_DELETE_INDICATORS] = "DELETE FROM indicator WHERE competency_id = ?1",
	[Q_INSERT_INDICATOR] = "INSERT INTO indicator(competency_id, level, text) VALUES (?1, ?2, ?3)",
	/* ?1 role id, ?2 competency id, ?3 required level, ?4 weight, ?5 keep weight */
	[Q_PUT_REQUIREMENT] =
		"INSERT INTO requirement(role_id, competency_id, required_level, weight)"
		" VALUES (?1, ?2, ?3, CASE WHEN ?5 THEN 1 ELSE ?4 END)"
		" ON CONFLICT(role_id, competency_id) DO UPDATE SET"
		" required_level = excluded.required_level,"
		" weight = CASE WHEN ?5 THEN requirement.weight ELSE excluded.weight END",
	[Q_LOG_IMPORT] =
		"INSERT INTO import_log(kind, source, rows, imported_at) VALUES (?1, ?2, 0, ?3)"
		" RETURNING id",
	[Q_LOG_IMPORT_ROWS] = "UPDATE import_log SET rows = ?2 WHERE id = ?1",
	[Q_APPEND_EVIDENCE] =
		"INSERT INTO evidence(person_id, competency_id, level, level_decimals, source,"
		" date, assessor_id, note, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
	/* Q_APPEND_EVIDENCE_MANY is built at run time: the same with
	 * EVIDENCE_ROWS_PER_INSERT rows of values. */
	[Q_EVIDENCE_STATE] =
		"SELECT (SELECT count(*) FROM retraction WHERE evidence_id = ?1)"
		" FROM evidence WHERE id = ?1",
	[Q_RETRACT] =
		"INSERT INTO retraction(evidence_id, reason, retracted_at) VALUES (?1, ?2, ?3)",
	[Q_TEAMS] = TEAM_COLUMNS " ORDER BY t.id",
	[Q_TEAM_BY_KEY] = TEAM_COLUMNS " WHERE t.key = ?1",
	[Q_PEOPLE] = PERSON_COLUMNS " ORDER BY p.id",
	[Q_PERSON_BY_KEY] = PERSON_COLUMNS " WHERE p.key = ?1",
	[Q_COMPETENCIES] = COMPETENCY_COLUMNS " ORDER BY id",
	[Q_COMPETENCY_BY_KEY] = COMPETENCY_COLUMNS " WHERE key = ?1",
	[Q_INDICATORS] = INDICATOR_COLUMNS " ORDER BY c.id, i.level, i.id",
	[Q_INDICATORS_OF] = INDICATOR_COLUMNS " WHERE c.key = ?1 ORDER BY i.level, i.id",
	[Q_REQUIREMENTS] = REQUIREMENT_COLUMNS " ORDER BY r.id, q.id",
	[Q_REQUIREMENTS_OF] = REQUIREMENT_COLUMNS " WHERE r.key = ?1 ORDER BY q.id",
	[Q_EVIDENCE_ALL] = EVIDENCE_COLUMNS " ORDER BY e.id",
	[Q_EVIDENCE_PERSON] = EVIDENCE_COLUMNS " AND p.key = ?1 ORDER BY e.id",
	[Q_EVIDENCE_PERSON_COMPETENCY] =
		EVIDENCE_COLUMNS " AND p.key = ?1 AND c.key = ?2 ORDER BY e.id",
	[Q_EVIDENCE_COMPETENCY] = EVIDENCE_COLUMNS " AND c.key = ?2 ORDER BY e.id",
	[Q_SETTINGS] = "SELECT key, value FROM setting ORDER BY key",
	[Q_PUT_SETTING] =
		"INSERT INTO setting(key, value) VALUES (?1, ?2)"
		" ON CONFLICT(key) DO UPDATE SET value = excluded.value",
#define SUM_VALUES "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	[Q_ADD_SUMS] =
		"INSERT INTO evidence_sum(person_id, competency_id, n_self, w_self, wl_self,"
		" n_other, w_other, wl_other, max_date) VALUES " SUM_VALUES
		" ON CONFLICT(person_id, competency_id) DO UPDATE SET"
		" n_self = n_self + excluded.n_self, w_self = w_self + excluded.w_self,"
		" wl_self = wl_self + excluded.wl_self, n_other = n_other + excluded.n_other,"
		" w_other = w_other + excluded.w_other, wl_other = wl_other + excluded.wl_other,"
		" max_date = max(max_date, excluded.max_date)",
	[Q_PUT_SUMS] =
		"INSERT OR REPLACE INTO evidence_sum(person_id, competency_id, n_self, w_self,"
		" wl_self, n_other, w_other, wl_other, max_date) VALUES " SUM_VALUES,
	[Q_DELETE_SUMS] = "DELETE FROM evidence_sum WHERE person_id = ?1 AND competency_id = ?2",
	[Q_PAIR_ROWS] =
		"SELECT e.level, e.source, e.date FROM evidence e"
		" WHERE e.person_id = ?1 AND e.competency_id = ?2 AND " IN_FORCE,
	[Q_PAIR_ROWS_AS_OF] =
		"SELECT e.level, e.source, e.date FROM evidence e"
		" WHERE e.person_id = ?1 AND e.competency_id = ?2 AND e.date <= ?3 AND " IN_FORCE,
	[Q_PAIR_OF_EVIDENCE] = "SELECT person_id, competency_id FROM evidence WHERE id = ?1",
	[Q_ALL_ROWS_BY_PAIR] =
		"SELECT e.person_id, e.competency_id, e.level, e.source, e.date FROM evidence e"
		" WHERE " IN_FORCE " ORDER BY e.person_id, e.competency_id",
	[Q_TEAM_ID] = "SELECT id FROM team WHERE key = ?1",
	[Q_SNAPSHOT_TEAM_MEMBERS] =
		SUBTREE_OF("SELECT ?1") MEMBER_COLUMNS " WHERE p.active = 1 AND p.team_id IN (SELECT id FROM sub)"
		" ORDER BY p.key",
	[Q_SNAPSHOT_PERSON_MEMBER] = MEMBER_COLUMNS " WHERE p.key = ?1",
	[Q_ROLE_REQUIREMENTS] =
		"SELECT q.role_id, q.competency_id, c.key, q.required_level, q.weight"
		" FROM requirement q JOIN competency c ON c.id = q.competency_id"
		" ORDER BY q.role_id, q.id",
	[Q_PAIR_SUMS] =
		"SELECT " SUM_COLUMNS " FROM evidence_sum WHERE competency_id = ?1 AND person_id = ?2",
	[Q_ALL_SUMS] = "SELECT person_id, competency_id, " SUM_COLUMNS " FROM evidence_sum",
#define LEVEL "(s.wl_self + s.wl_other) / (s.w_self + s.w_other)"
#define HOLDERS \
	" FROM competency c CROSS JOIN evidence_sum s ON s.competency_id = c.id" \
	" CROSS JOIN person p ON p.id = s.person_id LEFT JOIN team t ON t.id = p.team_id"
/* ?2 minimum level, ?3 the factor of as_of, ?4 minimum evidence weight */
#define PASSES LEVEL " >= ?2 AND (s.w_self + s.w_other) * ?3 >= ?4"
	/* ?1 competency key. The level index gives them best first. */
	[Q_CANDIDATES_BEST] =
		CANDIDATE_COLUMNS HOLDERS " WHERE c.key = ?1 AND " PASSES " AND p.active = 1"
		" ORDER BY " LEVEL " DESC",
	/* ?1 competency key, ?5 team key */
	[Q_CANDIDATES_TEAM] =
		SUBTREE_OF("SELECT id FROM team WHERE key = ?5")
		CANDIDATE_COLUMNS " FROM competency c CROSS JOIN person p"
		" CROSS JOIN evidence_sum s ON s.competency_id = c.id AND s.person_id = p.id"
		" LEFT JOIN team t ON t.id = p.team_id"
		" WHERE c.key = ?1 AND p.active = 1 AND p.team_id IN (SELECT id FROM sub)",
	/* as BEST, ?5 as_of, unordered, with the sums newer than as_of */
	[Q_CANDIDATES_ALL] =
		CANDIDATE_COLUMNS HOLDERS " WHERE c.key = ?1 AND p.active = 1"
		" AND (s.max_date > ?5 OR (" PASSES "))",
	[Q_NEWEST] = "SELECT date FROM evidence_newest",
	[Q_NOTE_NEWEST] = "UPDATE evidence_newest SET date = ?1 WHERE date < ?1",
};

struct conn {
	sqlite3 *db;
	char path[4096];
	int busy_ms;                 /* how long to wait for another's lock */
	struct timespec busy_since;  /* when the current wait began */
	double waited;               /* seconds the last wait lasted */
	int readonly;                /* opened for reading only: the user may not write it */
	sqlite3_stmt *stmts[Q_COUNT_OF_STATEMENTS];
	int64_t tx_evidence;         /* evidence rows appended in this transaction */
	char *dropped_index;         /* SQL of the evidence index dropped for a bulk load */
};

/* Bulk loads of evidence (defined with sq_append_evidence). */
static int bulk_finish(struct store *st, struct err *err);
static void bulk_forget(struct conn *c);

static struct conn *conn_of(struct store *st)
{
	return st->conn;
}

/* Turns an SQLite failure into an error with a sysexits code and a hint. */
static int db_error(struct store *st, int rc, const char *doing, struct err *err)
{
	struct conn *c = conn_of(st);
	const char *detail = c->db != NULL ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);

	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(err, EX_TEMPFAIL,
			       "cannot %s: another process holds a lock on database '%s' (compgap, or"
			       " any other program that opened it); gave up after waiting %.1f s."
			       " Try again, or wait longer with --busy-timeout SECONDS or"
			       " $COMPGAP_BUSY_TIMEOUT", doing, c->path, c->waited);
	case SQLITE_FULL:
		return err_set(err, EX_IOERR, "cannot %s: disk full while writing '%s'", doing, c->path);
	case SQLITE_READONLY:
	case SQLITE_PERM:
		if (c->readonly)
			return err_set(err, EX_NOPERM,
				       "cannot %s: database '%s' is read-only for this user (the file,"
				       " its directory or the file system is not writable); commands"
				       " that only read it work", doing, c->path);
		return err_set(err, EX_NOPERM, "cannot %s: database '%s' is read-only (%s)",
			       doing, c->path, detail);
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		return err_set(err, EX_DATAERR, "cannot %s: '%s' is not a usable SQLite database (%s)",
			       doing, c->path, detail);
	case SQLITE_IOERR:
	case SQLITE_CANTOPEN:
		return err_set(err, EX_IOERR, "cannot %s: i/o error on '%s' (%s)", doing, c->path, detail);
	default:
		return err_set(err, EX_SOFTWARE, "cannot %s in '%s': %s", doing, c->path, detail);
	}
}

/* "INSERT ... VALUES (?, ...)" with its values repeated for n rows. */
static char *many_rows_sql(const char *one_row, int n)
{
	const char *values = strstr(one_row, "(?");
	sqlite3_str *sql = sqlite3_str_new(NULL);

	sqlite3_str_appendall(sql, one_row);
	for (int i = 1; i < n; i++) {
		sqlite3_str_appendchar(sql, 1, ',');
		sqlite3_str_appendall(sql, values);
	}
	return sqlite3_str_finish(sql);
}

static sqlite3_stmt *prepare(struct store *st, enum stmt_id id, struct err *err)
{
	struct conn *c = conn_of(st);
	int rc;

	if (c->stmts[id] != NULL) {
		sqlite3_reset(c->stmts[id]);
		sqlite3_clear_bindings(c->stmts[id]);
		return c->stmts[id];
	}
	if (id == Q_APPEND_EVIDENCE_MANY) {
		char *sql = many_rows_sql(sql_text[Q_APPEND_EVIDENCE], EVIDENCE_ROWS_PER_INSERT);

		if (sql == NULL) {
			err_set(err, EX_OSERR, "out of memory");
			return NULL;
		}
		rc = sqlite3_prepare_v3(c->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &c->stmts[id], NULL);
		sqlite3_free(sql);
	} else {
		rc = sqlite3_prepare_v3(c->db, sql_text[id], -1, SQLITE_PREPARE_PERSISTENT,
					&c->stmts[id], NULL);
	}
	if (rc != SQLITE_OK) {
		db_error(st, rc, "prepare a statement", err);
		return NULL;
	}
	return c->stmts[id];
}

static void bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* Ends a loop over a statement's rows: the callback's stop value, else 0
 * when all rows were read, else the error. */
static int each_done(struct store *st, sqlite3_stmt *s, int rc, int stop, const char *doing,
		     struct err *err)
{
	sqlite3_reset(s);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : db_error(st, rc, doing, err);
}

static const char *column_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Runs a statement that returns no rows or one row holding an id. */
static int step_done(struct store *st, sqlite3_stmt *s, const char *doing, int64_t *id,
		     struct err *err)
{
	int rc = sqlite3_step(s);

	if (rc == SQLITE_ROW) {
		if (id != NULL)
			*id = sqlite3_column_int64(s, 0);
		rc = sqlite3_step(s);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, doing, err);
	return 0;
}

static int exec(struct store *st, const char *sql, const char *doing, struct err *err)
{
	int rc = sqlite3_exec(conn_of(st)->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : db_error(st, rc, doing, err);
}

/* True when the database has tables but none of ours: someone else's file. */
static int foreign_database(struct store *st, int *foreign, struct err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(conn_of(st)->db,
				    "SELECT count(*), count(*) FILTER (WHERE name = 'schema_version')"
				    " FROM sqlite_master WHERE type = 'table'", -1, &s, NULL);

	if (rc != SQLITE_OK)
		return db_error(st, rc, "read the database", err);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return db_error(st, rc, "read the database", err);
	}
	*foreign = sqlite3_column_int(s, 0) > 0 && sqlite3_column_int(s, 1) == 0;
	sqlite3_finalize(s);
	return 0;
}

/* Waits for another process's lock in growing steps up to c->busy_ms,
 * noting how long it waited for the message when it gives up. */
static int busy_wait(void *arg, int count)
{
	static const int steps_ms[] = { 1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100 };
	struct conn *c = arg;
	struct timespec now, ts;
	long elapsed_ms, step_ms;

	(void)clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		c->busy_since = now;
	elapsed_ms = (now.tv_sec - c->busy_since.tv_sec) * 1000L +
		     (now.tv_nsec - c->busy_since.tv_nsec) / 1000000L;
	c->waited = (double)elapsed_ms / 1000;
	if (elapsed_ms >= c->busy_ms)
		return 0;
	step_ms = steps_ms[count < 12 ? count : 11];
	if (step_ms > c->busy_ms - elapsed_ms)
		step_ms = c->busy_ms - elapsed_ms;
	ts = (struct timespec){ step_ms / 1000, (step_ms % 1000) * 1000000L };
	(void)nanosleep(&ts, NULL);
	return 1;
}

/* True when path is a file of no bytes: what an interrupted or mistaken
 * `touch` leaves, no database yet. */
static int empty_file(const char *path)
{
	struct stat sb;

	return stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size == 0;
}

/* The URI that opens path as immutable: read without the -shm file that a
 * database in WAL mode otherwise needs, and which cannot be made in a
 * directory the user may not write. */
static char *immutable_uri(const char *path)
{
	sqlite3_str *uri = sqlite3_str_new(NULL);

	sqlite3_str_appendall(uri, "file:");
	for (const unsigned char *p = (const unsigned char *)path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= ' ' || *p >= 0x7F)
			sqlite3_str_appendf(uri, "%%%02X", *p);
		else
			sqlite3_str_appendchar(uri, 1, (char)*p);
	}
	sqlite3_str_appendall(uri, "?immutable=1");
	return sqlite3_str_finish(uri);
}

static int connect(struct store *st, const char *name, int flags, struct err *err)
{
	struct conn *c = conn_of(st);
	int rc;

	if (c->db != NULL)
		sqlite3_close(c->db);
	c->db = NULL;
	rc = sqlite3_open_v2(name, &c->db, flags, NULL);
	if (rc != SQLITE_OK)
		return err_set(err, rc == SQLITE_CANTOPEN ? EX_CANTCREAT : EX_IOERR,
			       "cannot open database '%s': %s", c->path,
			       c->db != NULL ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc));
	sqlite3_extended_result_codes(c->db, 1);
	sqlite3_busy_handler(c->db, busy_wait, c);
	c->readonly = sqlite3_db_readonly(c->db, "main") == 1;
	return 0;
}

static int sq_open(struct store *st, const char *target, int create, struct err *err)
{
	struct conn *c = calloc(1, sizeof *c);
	int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
	int foreign = 0;

	if (c == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	st->conn = c;
	c->busy_ms = st->busy_ms >= 0 ? st->busy_ms : STORE_BUSY_DEFAULT_S * 1000;
	if (snprintf(c->path, sizeof c->path, "%s", target) >= (int)sizeof c->path) {
		err_set(err, EX_USAGE, "database path is too long");
		goto fail;
	}
	/* SQLite would make an empty file into a database silently; it is as
	 * much "no database" as a missing one. */
	if (!create && (access(target, F_OK) != 0 || empty_file(target))) {
		err_set(err, EX_NOINPUT,
			"no database at '%s'%s; create one with 'compgap init' (or 'compgap demo'), or choose another with --db PATH",
			target, access(target, F_OK) == 0 ? " (the file is empty)" : "");
		goto fail;
	}
	if (create)
		flags |= SQLITE_OPEN_CREATE;
	/* Memory statistics take a global mutex on every allocation; compgap
	 * does not read them. Only possible before SQLite initialises. */
	(void)sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	/* A file the user may not write opens read-only by itself. */
	if (connect(st, target, flags, err) < 0)
		goto fail;
	if (foreign_database(st, &foreign, err) < 0) {
		char *uri;
		int rc;

		if (!c->readonly)
			goto fail;
		/* In WAL mode a reader needs the -shm file, which cannot be
		 * made where the user may not write: read the file as it is.
		 * That there is none means that nobody has the database open;
		 * a writer who starts while this command reads goes unseen
		 * (docs/deployment.md, "Read-only databases"). */
		uri = immutable_uri(target);
		if (uri == NULL) {
			err_set(err, EX_OSERR, "out of memory");
			goto fail;
		}
		rc = connect(st, uri, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, err);
		sqlite3_free(uri);
		c->readonly = 1;
		if (rc < 0 || foreign_database(st, &foreign, err) < 0)
			goto fail;
	}
	if (foreign) {
		err_set(err, EX_DATAERR,
			"'%s' is an SQLite database but not a compgap one; choose another --db PATH",
			target);
		goto fail;
	}
	/* WAL lets readers go on while an import writes; NORMAL sync is durable
	 * against a crash of the program (docs/deployment.md). Setting the
	 * journal mode writes, so a read-only database keeps the one it has. */
	if (!c->readonly && exec(st, "PRAGMA journal_mode = WAL", "configure the database", err) < 0)
		goto fail;
	if (exec(st, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
		 " PRAGMA cache_size = -65536;", "configure the database", err) < 0)
		goto fail;
	return 0;
fail:
	if (c->db != NULL)
		sqlite3_close(c->db);
	free(c);
	st->conn = NULL;
	return -1;
}

static void sq_close(struct store *st)
{
	struct conn *c = conn_of(st);

	if (c == NULL)
		return;
	for (int i = 0; i < Q_COUNT_OF_STATEMENTS; i++)
		sqlite3_finalize(c->stmts[i]);
	bulk_forget(c);
	sqlite3_close(c->db);
	free(c);
	st->conn = NULL;
}

static int sq_schema_version(struct store *st, int *version, struct err *err)
{
	sqlite3_stmt *s = NULL;
	int rc, has_table;

	rc = sqlite3_prepare_v2(conn_of(st)->db,
				"SELECT count(*) FROM sqlite_master WHERE type = 'table'"
				" AND name = 'schema_version'", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return db_error(st, rc, "read the schema version", err);
	rc = sqlite3_step(s);
	has_table = rc == SQLITE_ROW && sqlite3_column_int(s, 0) > 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return db_error(st, rc, "read the schema version", err);
	if (!has_table) {
		*version = 0;
		return 0;
	}
	s = prepare(st, Q_VERSION, err);
	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return db_error(st, rc, "read the schema version", err);
	}
	*version = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return 0;
}

/* IMMEDIATE takes the write lock first, so two processes that open a new
 * database at once migrate one after the other, not twice. */
static int sq_begin_migration(struct store *st, struct err *err)
{
	bulk_forget(conn_of(st));
	return exec(st, "BEGIN IMMEDIATE", "begin the migration", err);
}

static int sq_apply_migration(struct store *st, int version, const char *applied_at,
			      struct err *err)
{
	char sql[128];

	_Static_assert((int)SQLITE_MIGRATION_COUNT == (int)SCHEMA_VERSION,
		       "one SQLite migration per schema version");
	if (exec(st, sqlite_migrations[version - 1], "apply a schema migration", err) < 0)
		return -1;
	(void)snprintf(sql, sizeof sql,
		       "INSERT INTO schema_version(version, applied_at) VALUES (%d, '%s')", version,
		       applied_at);
	return exec(st, sql, "record the schema version", err);
}

static int sq_begin(struct store *st, int write, struct err *err)
{
	bulk_forget(conn_of(st));
	return exec(st, write ? "BEGIN IMMEDIATE" : "BEGIN", "begin a transaction", err);
}

static int sq_commit(struct store *st, struct err *err)
{
	int rc = bulk_finish(st, err);

	bulk_forget(conn_of(st));
	return rc < 0 ? -1 : exec(st, "COMMIT", "commit", err);
}

static void sq_rollback(struct store *st)
{
	bulk_forget(conn_of(st));
	(void)sqlite3_exec(conn_of(st)->db, "ROLLBACK", NULL, NULL, NULL);
}

static int sq_each_key(struct store *st, enum entity kind,
		       int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
		       struct err *err)
{
	static const enum stmt_id q[ENTITY_KEYED] = {
		Q_KEYS_TEAM, Q_KEYS_PERSON, Q_KEYS_COMPETENCY, Q_KEYS_ROLE
	};
	sqlite3_stmt *s = prepare(st, q[kind], err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		stop = cb(ctx, column_text(s, 0), sqlite3_column_int64(s, 1));
		if (stop != 0)
			break;
	}
	return each_done(st, s, rc, stop, "read keys", err);
}

static int sq_count(struct store *st, enum entity kind, int64_t *n, struct err *err)
{
	static const enum stmt_id q[] = {
		Q_COUNT_TEAM, Q_COUNT_PERSON, Q_COUNT_COMPETENCY, Q_COUNT_ROLE, Q_COUNT_EVIDENCE
	};
	sqlite3_stmt *s = prepare(st, q[kind], err);
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : db_error(st, rc, "count rows", err);
}

static int sq_lock_tree(struct store *st, enum entity kind, struct err *err)
{
	/* A write transaction holds the whole file's write lock already. */
	(void)st;
	(void)kind;
	(void)err;
	return 0;
}

static int sq_put_team(struct store *st, const struct team *t, int64_t *id, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PUT_TEAM, err);

	if (s == NULL)
		return -1;
	bind_text(s, 1, t->key);
	bind_text(s, 2, t->name);
	bind_text(s, 3, t->parent);
	sqlite3_bind_int(s, 4, (t->keep & KEEP_PARENT) != 0);
	return step_done(st, s, "store a team", id, err);
}

static int sq_put_person(struct store *st, const struct person *p, int64_t *id, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PUT_PERSON, err);

	if (s == NULL)
		return -1;
	bind_text(s, 1, p->key);
	bind_text(s, 2, p->name);
	bind_text(s, 3, p->email);
	bind_text(s, 4, p->team);
	bind_text(s, 5, p->role);
	bind_text(s, 6, p->manager);
	sqlite3_bind_int(s, 7, p->active ? 1 : 0);
	sqlite3_bind_int(s, 8, (p->keep & KEEP_EMAIL) != 0);
	sqlite3_bind_int(s, 9, (p->keep & KEEP_TEAM) != 0);
	sqlite3_bind_int(s, 10, (p->keep & KEEP_ROLE) != 0);
	sqlite3_bind_int(s, 11, (p->keep & KEEP_MANAGER) != 0);
	sqlite3_bind_int(s, 12, (p->keep & KEEP_ACTIVE) != 0);
	return step_done(st, s, "store a person", id, err);
}

static int sq_put_competency(struct store *st, const struct competency *c, int64_t *id,
			     struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PUT_COMPETENCY, err);

	if (s == NULL)
		return -1;
	bind_text(s, 1, c->key);
	bind_text(s, 2, c->name);
	bind_text(s, 3, c->category);
	bind_text(s, 4, c->description);
	bind_text(s, 5, c->developability == DEV_UNSET ? NULL : developability_name(c->developability));
	sqlite3_bind_int(s, 6, (c->keep & KEEP_CATEGORY) != 0);
	sqlite3_bind_int(s, 7, (c->keep & KEEP_DESCRIPTION) != 0);
	sqlite3_bind_int(s, 8, (c->keep & KEEP_DEVELOPABILITY) != 0);
	return step_done(st, s, "store a competency", id, err);
}

static int sq_put_role(struct store *st, const char *key, int64_t *id, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PUT_ROLE, err);

	if (s == NULL)
		return -1;
	bind_text(s, 1, key);
	return step_done(st, s, "store a role", id, err);
}

static int sq_replace_indicators(struct store *st, int64_t competency_id,
				 const struct indicator *items, size_t n, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_DELETE_INDICATORS, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, competency_id);
	if (step_done(st, s, "replace indicators", NULL, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		s = prepare(st, Q_INSERT_INDICATOR, err);
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, competency_id);
		sqlite3_bind_int(s, 2, items[i].level);
		bind_text(s, 3, items[i].text);
		if (step_done(st, s, "store an indicator", NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int sq_put_requirement(struct store *st, int64_t role_id, int64_t competency_id,
			      const struct requirement *r, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PUT_REQUIREMENT, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, role_id);
	sqlite3_bind_int64(s, 2, competency_id);
	sqlite3_bind_int(s, 3, r->required_level);
	sqlite3_bind_int(s, 4, r->weight);
	sqlite3_bind_int(s, 5, (r->keep & KEEP_WEIGHT) != 0);
	return step_done(st, s, "store a role requirement", NULL, err);
}

static int sq_log_import(struct store *st, const char *kind, const char *source_name,
			 int64_t *batch, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_LOG_IMPORT, err);
	char now[32];

	if (s == NULL)
		return -1;
	store_now_utc(now);
	bind_text(s, 1, kind);
	bind_text(s, 2, source_name);
	bind_text(s, 3, now);
	return step_done(st, s, "log the import", batch, err);
}

static int sq_log_import_rows(struct store *st, int64_t batch, int64_t rows, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_LOG_IMPORT_ROWS, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, batch);
	sqlite3_bind_int64(s, 2, rows);
	return step_done(st, s, "log the import", NULL, err);
}

static int sq_count(struct store *st, enum entity kind, int64_t *n, struct err *err);

/* Binds evidence row e (with its ids) to the nine parameters from first. */
static void bind_evidence(struct store *st, sqlite3_stmt *s, int first, const struct evidence *e,
			  const int64_t *ids)
{
	sqlite3_bind_int64(s, first, ids[0]);
	sqlite3_bind_int64(s, first + 1, ids[1]);
	sqlite3_bind_double(s, first + 2, e->level);
	sqlite3_bind_int(s, first + 3, e->level_decimals);
	sqlite3_bind_text(s, first + 4, source_name(e->source), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, first + 5, e->date);
	if (ids[2] != 0)
		sqlite3_bind_int64(s, first + 6, ids[2]);
	else
		sqlite3_bind_null(s, first + 6);
	bind_text(s, first + 7, e->note);
	if (st->batch != 0)
		sqlite3_bind_int64(s, first + 8, st->batch);
	else
		sqlite3_bind_null(s, first + 8);
}

/* A large load into a small table is faster without the evidence index,
 * rebuilt once at commit by sorting, than with a random insert into the
 * index per row. The index is dropped once the transaction has appended
 * BULK_MIN_ROWS rows and at least half as many as were there before. The
 * drop is part of the transaction: a rollback brings the index back. */
static int bulk_check(struct store *st, struct err *err)
{
	struct conn *c = conn_of(st);
	sqlite3_stmt *s = NULL;
	int64_t total = 0;
	int rc;

	if (c->dropped_index != NULL || c->tx_evidence < BULK_MIN_ROWS)
		return 0;
	if (sq_count(st, ENTITY_EVIDENCE, &total, err) < 0)
		return -1;
	if (c->tx_evidence * 3 < total)
		return 0;
	rc = sqlite3_prepare_v2(c->db, "SELECT sql FROM sqlite_master WHERE type = 'index'"
				" AND name = 'evidence_person_competency'", -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
		c->dropped_index = sqlite3_mprintf("%s", column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : db_error(st, rc, "read the schema", err);
	if (c->dropped_index == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	return exec(st, "DROP INDEX evidence_person_competency", "prepare a bulk load", err);
}

/* Rebuilds an index dropped by bulk_check; called before commit. */
static int bulk_finish(struct store *st, struct err *err)
{
	struct conn *c = conn_of(st);
	int rc = 0;

	if (c->dropped_index != NULL)
		rc = exec(st, c->dropped_index, "rebuild the evidence index", err);
	return rc;
}

static void bulk_forget(struct conn *c)
{
	sqlite3_free(c->dropped_index);
	c->dropped_index = NULL;
	c->tx_evidence = 0;
}

static int sq_append_evidence(struct store *st, const struct evidence *rows,
			      const int64_t *ids, size_t n, struct err *err)
{
	struct conn *c = conn_of(st);
	size_t i = 0;
	int rc;

	while (i < n) {
		size_t k = n - i >= EVIDENCE_ROWS_PER_INSERT ? EVIDENCE_ROWS_PER_INSERT : 1;
		sqlite3_stmt *s = prepare(st, k > 1 ? Q_APPEND_EVIDENCE_MANY : Q_APPEND_EVIDENCE, err);

		if (s == NULL)
			return -1;
		for (size_t r = 0; r < k; r++)
			bind_evidence(st, s, 1 + 9 * (int)r, &rows[i + r], &ids[3 * (i + r)]);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return db_error(st, rc, "store evidence", err);
		i += k;
	}
	c->tx_evidence += (int64_t)n;
	return bulk_check(st, err);
}

/* Reads sums columns from first on (NULL columns: no sums). */
static void column_sums(sqlite3_stmt *s, int first, struct evidence_sums *out)
{
	memset(out, 0, sizeof *out);
	if (sqlite3_column_type(s, first) == SQLITE_NULL)
		return;
	out->n_self = sqlite3_column_int64(s, first);
	out->w_self = sqlite3_column_double(s, first + 1);
	out->wl_self = sqlite3_column_double(s, first + 2);
	out->n_other = sqlite3_column_int64(s, first + 3);
	out->w_other = sqlite3_column_double(s, first + 4);
	out->wl_other = sqlite3_column_double(s, first + 5);
	out->max_date = sqlite3_column_int(s, first + 6);
}

static void bind_sums(sqlite3_stmt *s, int64_t person, int64_t competency,
		      const struct evidence_sums *v)
{
	sqlite3_bind_int64(s, 1, person);
	sqlite3_bind_int64(s, 2, competency);
	sqlite3_bind_int64(s, 3, v->n_self);
	sqlite3_bind_double(s, 4, v->w_self);
	sqlite3_bind_double(s, 5, v->wl_self);
	sqlite3_bind_int64(s, 6, v->n_other);
	sqlite3_bind_double(s, 7, v->w_other);
	sqlite3_bind_double(s, 8, v->wl_other);
	sqlite3_bind_int(s, 9, v->max_date);
}

/* Adds the current row's level, source and date (columns first..+2) to
 * sums. */
static void add_row(sqlite3_stmt *s, int first, const struct settings *set,
		    struct evidence_sums *sums)
{
	enum source src = SOURCE_SELF;

	(void)source_parse(column_text(s, first + 1), &src);
	sums_add(sums, set, src, sqlite3_column_double(s, first), sqlite3_column_int(s, first + 2));
}

/* Sums of one pair's rows in force, dated on or before as_of (all rows
 * when as_of is INT32_MAX). */
static int pair_sums(struct store *st, int64_t person, int64_t competency, int32_t as_of,
		     struct evidence_sums *out, struct err *err)
{
	sqlite3_stmt *s = prepare(st, as_of == INT32_MAX ? Q_PAIR_ROWS : Q_PAIR_ROWS_AS_OF, err);
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, person);
	sqlite3_bind_int64(s, 2, competency);
	if (as_of != INT32_MAX)
		sqlite3_bind_int(s, 3, as_of);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		add_row(s, 0, &st->settings, out);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : db_error(st, rc, "read evidence", err);
}

/* Stores the sums of one pair, or removes them when there are none. */
static int put_pair_sums(struct store *st, int64_t person, int64_t competency,
			 const struct evidence_sums *v, struct err *err)
{
	sqlite3_stmt *s = prepare(st, v->n_self + v->n_other > 0 ? Q_PUT_SUMS : Q_DELETE_SUMS, err);

	if (s == NULL)
		return -1;
	if (v->n_self + v->n_other > 0) {
		bind_sums(s, person, competency, v);
	} else {
		sqlite3_bind_int64(s, 1, person);
		sqlite3_bind_int64(s, 2, competency);
	}
	return step_done(st, s, "store running sums", NULL, err);
}

/* Recomputes the sums of the pair that evidence row id belongs to. */
static int recompute_pair_of(struct store *st, int64_t id, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PAIR_OF_EVIDENCE, err);
	int64_t person, competency;
	struct evidence_sums v;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	person = sqlite3_column_int64(s, 0);
	competency = sqlite3_column_int64(s, 1);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return db_error(st, rc, "read evidence", err);
	if (pair_sums(st, person, competency, INT32_MAX, &v, err) < 0)
		return -1;
	return put_pair_sums(st, person, competency, &v, err);
}

static int sq_add_sums(struct store *st, const struct pair_sums *pairs, size_t n,
		       struct err *err)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = prepare(st, Q_ADD_SUMS, err);

		if (s == NULL)
			return -1;
		bind_sums(s, pairs[i].person_id, pairs[i].competency_id, &pairs[i].sums);
		if (step_done(st, s, "store running sums", NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int sq_rebuild_sums(struct store *st, struct err *err)
{
	sqlite3_stmt *s;
	struct evidence_sums v = { 0 };
	int64_t person = 0, competency = 0;
	int rc;

	if (exec(st, "DELETE FROM evidence_sum", "rebuild running sums", err) < 0)
		return -1;
	s = prepare(st, Q_ALL_ROWS_BY_PAIR, err);
	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t p = sqlite3_column_int64(s, 0), c = sqlite3_column_int64(s, 1);

		if ((p != person || c != competency) && person != 0 &&
		    put_pair_sums(st, person, competency, &v, err) < 0) {
			sqlite3_reset(s);
			return -1;
		}
		if (p != person || c != competency)
			memset(&v, 0, sizeof v);
		person = p;
		competency = c;
		add_row(s, 2, &st->settings, &v);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "rebuild running sums", err);
	return person != 0 ? put_pair_sums(st, person, competency, &v, err) : 0;
}

static int sq_each_setting(struct store *st,
			   int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
			   struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_SETTINGS, err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && stop == 0)
		stop = cb(ctx, column_text(s, 0), column_text(s, 1));
	return each_done(st, s, rc, stop, "read settings", err);
}

static int sq_put_setting(struct store *st, const char *key, const char *value, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PUT_SETTING, err);

	if (s == NULL)
		return -1;
	bind_text(s, 1, key);
	bind_text(s, 2, value);
	return step_done(st, s, "store a setting", NULL, err);
}

static int sq_each_member(struct store *st, const struct snapshot_filter *f,
			  int (*cb)(void *ctx, const struct member_row *m), void *ctx,
			  struct err *err)
{
	sqlite3_stmt *s;
	int rc, stop = 0, found = 0;

	if (f->team != NULL) {
		int64_t team_id = 0;

		s = prepare(st, Q_TEAM_ID, err);
		if (s == NULL)
			return -1;
		bind_text(s, 1, f->team);
		rc = sqlite3_step(s);
		team_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return store_unknown_key(st, ENTITY_TEAM, f->team, err);
		if (rc != SQLITE_ROW)
			return db_error(st, rc, "read teams", err);
		s = prepare(st, Q_SNAPSHOT_TEAM_MEMBERS, err);
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, team_id);
	} else {
		s = prepare(st, Q_SNAPSHOT_PERSON_MEMBER, err);
		if (s == NULL)
			return -1;
		bind_text(s, 1, f->person);
	}
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct member_row m = {
			.id = sqlite3_column_int64(s, 0),
			.key = column_text(s, 1),
			.name = column_text(s, 2),
			.team = column_text(s, 3),
			.role = column_text(s, 4),
			.role_id = sqlite3_column_int64(s, 5),
		};

		found = 1;
		stop = cb(ctx, &m);
	}
	sqlite3_reset(s);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return db_error(st, rc, "read people", err);
	if (f->person != NULL && !found)
		return store_unknown_key(st, ENTITY_PERSON, f->person, err);
	return 0;
}

static int sq_each_role_requirement(struct store *st,
				    int (*cb)(void *ctx, const struct requirement_row *r),
				    void *ctx, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_ROLE_REQUIREMENTS, err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct requirement_row r = {
			.role_id = sqlite3_column_int64(s, 0),
			.competency_id = sqlite3_column_int64(s, 1),
			.competency = column_text(s, 2),
			.required_level = sqlite3_column_int(s, 3),
			.weight = sqlite3_column_int(s, 4),
		};

		stop = cb(ctx, &r);
	}
	return each_done(st, s, rc, stop, "read requirements", err);
}

static int sq_get_sums(struct store *st, int64_t person_id, int64_t competency_id,
		       struct evidence_sums *out, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_PAIR_SUMS, err);
	int rc;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, competency_id);
	sqlite3_bind_int64(s, 2, person_id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		column_sums(s, 0, out);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_error(st, rc, "read running sums", err);
}

static int sq_each_sums(struct store *st,
			int (*cb)(void *ctx, int64_t person_id, int64_t competency_id,
				  const struct evidence_sums *s),
			void *ctx, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_ALL_SUMS, err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct evidence_sums v;

		column_sums(s, 2, &v);
		stop = cb(ctx, sqlite3_column_int64(s, 0), sqlite3_column_int64(s, 1), &v);
	}
	return each_done(st, s, rc, stop, "read running sums", err);
}

static int sq_sums_as_of(struct store *st, int64_t person_id, int64_t competency_id,
			 int32_t as_of, struct evidence_sums *out, struct err *err)
{
	return pair_sums(st, person_id, competency_id, as_of, out, err);
}

static int sq_each_candidate(struct store *st, enum candidate_scope scope,
			     const struct candidate_ask *a,
			     int (*cb)(void *ctx, const struct candidate_row *c), void *ctx,
			     struct err *err)
{
	static const enum stmt_id stmt_of[] = {
		[CANDIDATES_BEST] = Q_CANDIDATES_BEST,
		[CANDIDATES_TEAM] = Q_CANDIDATES_TEAM,
		[CANDIDATES_ALL] = Q_CANDIDATES_ALL,
	};
	sqlite3_stmt *s = prepare(st, stmt_of[scope], err);
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	bind_text(s, 1, a->competency);
	if (scope == CANDIDATES_TEAM) {
		bind_text(s, 5, a->team);
	} else {
		sqlite3_bind_double(s, 2, a->min_level);
		sqlite3_bind_double(s, 3, estimate_scale(a->as_of, st->settings.half_life));
		sqlite3_bind_double(s, 4, a->min_weight);
		if (scope == CANDIDATES_ALL)
			sqlite3_bind_int(s, 5, a->as_of);
	}
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct candidate_row c = {
			.competency = column_text(s, 0),
			.person = column_text(s, 1),
			.team = column_text(s, 2),
			.person_id = sqlite3_column_int64(s, 10),
			.competency_id = sqlite3_column_int64(s, 11),
		};

		column_sums(s, 3, &c.sums);
		stop = cb(ctx, &c);
	}
	return each_done(st, s, rc, stop, "read running sums", err);
}

static int sq_newest_evidence(struct store *st, int32_t *date, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_NEWEST, err);
	int rc;

	*date = 0;
	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*date = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_error(st, rc, "read evidence dates", err);
}

static int sq_note_newest(struct store *st, int32_t date, struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_NOTE_NEWEST, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int(s, 1, date);
	return step_done(st, s, "store the newest evidence date", NULL, err);
}

static int sq_retract_evidence(struct store *st, int64_t id, const char *reason,
			       struct err *err)
{
	sqlite3_stmt *s = prepare(st, Q_EVIDENCE_STATE, err);
	char now[32];
	int rc, retracted;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	retracted = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return err_set(err, EX_DATAERR, "no evidence row %lld; 'compgap show person ID' lists the ids",
			       (long long)id);
	if (rc != SQLITE_ROW)
		return db_error(st, rc, "read evidence", err);
	if (retracted)
		return err_set(err, EX_DATAERR, "evidence row %lld is retracted already", (long long)id);
	s = prepare(st, Q_RETRACT, err);
	if (s == NULL)
		return -1;
	store_now_utc(now);
	sqlite3_bind_int64(s, 1, id);
	bind_text(s, 2, reason);
	bind_text(s, 3, now);
	if (step_done(st, s, "retract evidence", NULL, err) < 0)
		return -1;
	return recompute_pair_of(st, id, err);
}

/* Steps through a prepared query, calling row(s) for each result. */
static int run_query(struct store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *s, void *arg),
		     void *arg, struct err *err)
{
	int rc, stop = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		stop = row(s, arg);
		if (stop != 0)
			break;
	}
	return each_done(st, s, rc, stop, "read the database", err);
}

/* A query with an optional key filter: by_key when key is given. */
static sqlite3_stmt *prepare_filtered(struct store *st, enum stmt_id all, enum stmt_id by_key,
				      const char *key, struct err *err)
{
	sqlite3_stmt *s = prepare(st, key != NULL ? by_key : all, err);

	if (s != NULL && key != NULL)
		bind_text(s, 1, key);
	return s;
}

struct callback {
	void *cb;    /* the caller's typed callback */
	void *ctx;
};

static int team_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct team t = { column_text(s, 0), column_text(s, 1), column_text(s, 2), 0 };

	return ((int (*)(void *, const struct team *))c->cb)(c->ctx, &t);
}

static int sq_each_team(struct store *st, const char *key,
			int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_TEAMS, Q_TEAM_BY_KEY, key, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : run_query(st, s, team_row, &c, err);
}

static int person_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct person p = {
		.key = column_text(s, 0), .name = column_text(s, 1), .email = column_text(s, 2),
		.team = column_text(s, 3), .role = column_text(s, 4), .manager = column_text(s, 5),
		.active = sqlite3_column_int(s, 6) != 0,
	};

	return ((int (*)(void *, const struct person *))c->cb)(c->ctx, &p);
}

static int sq_each_person(struct store *st, const char *key,
			  int (*cb)(void *ctx, const struct person *p), void *ctx,
			  struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_PEOPLE, Q_PERSON_BY_KEY, key, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : run_query(st, s, person_row, &c, err);
}

static int competency_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct competency k = {
		.key = column_text(s, 0), .name = column_text(s, 1), .category = column_text(s, 2),
		.description = column_text(s, 3), .developability = DEV_UNSET,
	};

	if (column_text(s, 4) != NULL)
		(void)developability_parse(column_text(s, 4), &k.developability);
	return ((int (*)(void *, const struct competency *))c->cb)(c->ctx, &k);
}

static int sq_each_competency(struct store *st, const char *key,
			      int (*cb)(void *ctx, const struct competency *c), void *ctx,
			      struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, key, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : run_query(st, s, competency_row, &c, err);
}

static int indicator_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct indicator i = { column_text(s, 0), sqlite3_column_int(s, 1), column_text(s, 2) };

	return ((int (*)(void *, const struct indicator *))c->cb)(c->ctx, &i);
}

static int sq_each_indicator(struct store *st, const char *competency,
			     int (*cb)(void *ctx, const struct indicator *i), void *ctx,
			     struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_INDICATORS, Q_INDICATORS_OF, competency, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : run_query(st, s, indicator_row, &c, err);
}

static int requirement_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct requirement r = {
		column_text(s, 0), column_text(s, 1), sqlite3_column_int(s, 2),
		sqlite3_column_int(s, 3), 0
	};

	return ((int (*)(void *, const struct requirement *))c->cb)(c->ctx, &r);
}

static int sq_each_requirement(struct store *st, const char *role,
			       int (*cb)(void *ctx, const struct requirement *r), void *ctx,
			       struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_REQUIREMENTS, Q_REQUIREMENTS_OF, role, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : run_query(st, s, requirement_row, &c, err);
}

static int evidence_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct evidence e = {
		.id = sqlite3_column_int64(s, 0),
		.person = column_text(s, 1),
		.competency = column_text(s, 2),
		.level = sqlite3_column_double(s, 3),
		.level_decimals = sqlite3_column_int(s, 4),
		.source = SOURCE_SELF,
		.date = sqlite3_column_int(s, 6),
		.assessor = column_text(s, 7),
		.note = column_text(s, 8),
	};

	(void)source_parse(column_text(s, 5), &e.source);
	return ((int (*)(void *, const struct evidence *))c->cb)(c->ctx, &e);
}

static int sq_each_evidence(struct store *st, const struct evidence_filter *f,
			    int (*cb)(void *ctx, const struct evidence *e), void *ctx,
			    struct err *err)
{
	struct callback c = { (void *)cb, ctx };
	enum stmt_id q;
	sqlite3_stmt *s;

	if (f->person != NULL)
		q = f->competency != NULL ? Q_EVIDENCE_PERSON_COMPETENCY : Q_EVIDENCE_PERSON;
	else
		q = f->competency != NULL ? Q_EVIDENCE_COMPETENCY : Q_EVIDENCE_ALL;
	s = prepare(st, q, err);
	if (s == NULL)
		return -1;
	bind_text(s, 1, f->person);
	bind_text(s, 2, f->competency);
	return run_query(st, s, evidence_row, &c, err);
}

/* ---- whole tables, for copy.c ------------------------------------------- */

/* "a, b, c": the columns of t. */
static void column_list(sqlite3_str *sql, const struct table_def *t)
{
	for (int c = 0; c < t->ncolumns; c++)
		sqlite3_str_appendf(sql, "%s%s", c > 0 ? ", " : "", t->columns[c].name);
}

/* Prepares SQL built in sql (which it frees); NULL on failure. */
static sqlite3_stmt *prepare_built(struct store *st, sqlite3_str *sql, struct err *err)
{
	char *text = sqlite3_str_finish(sql);
	sqlite3_stmt *s = NULL;
	int rc;

	if (text == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	rc = sqlite3_prepare_v2(conn_of(st)->db, text, -1, &s, NULL);
	sqlite3_free(text);
	if (rc != SQLITE_OK) {
		db_error(st, rc, "read the schema", err);
		return NULL;
	}
	return s;
}

static int sq_each_row(struct store *st, const struct table_def *t,
		       int (*cb)(void *ctx, const struct cell *row), void *ctx, struct err *err)
{
	sqlite3_str *sql = sqlite3_str_new(NULL);
	struct cell row[TABLE_MAX_COLUMNS];
	sqlite3_stmt *s;
	int rc, stop = 0;

	sqlite3_str_appendall(sql, "SELECT ");
	column_list(sql, t);
	sqlite3_str_appendf(sql, " FROM %s ORDER BY %s", t->name, t->order_by);
	s = prepare_built(st, sql, err);
	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		for (int c = 0; c < t->ncolumns; c++) {
			row[c] = (struct cell){ .null = sqlite3_column_type(s, c) == SQLITE_NULL };
			if (row[c].null)
				continue;
			if (t->columns[c].type == CELL_INT)
				row[c].i = sqlite3_column_int64(s, c);
			else if (t->columns[c].type == CELL_REAL)
				row[c].r = sqlite3_column_double(s, c);
			else
				row[c].s = column_text(s, c);
		}
		stop = cb(ctx, row);
	}
	rc = each_done(st, s, rc, stop, "read the database", err);
	sqlite3_finalize(s);
	return rc;
}

static int sq_put_rows(struct store *st, const struct table_def *t, const struct cell *rows,
		       size_t n, struct err *err)
{
	sqlite3_str *sql = sqlite3_str_new(NULL);
	sqlite3_stmt *s;
	int rc = 0;

	sqlite3_str_appendf(sql, "INSERT INTO %s(", t->name);
	column_list(sql, t);
	sqlite3_str_appendall(sql, ") VALUES (");
	for (int c = 0; c < t->ncolumns; c++)
		sqlite3_str_appendall(sql, c > 0 ? ", ?" : "?");
	sqlite3_str_appendall(sql, ")");
	s = prepare_built(st, sql, err);
	if (s == NULL)
		return -1;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const struct cell *row = &rows[i * (size_t)t->ncolumns];

		sqlite3_reset(s);
		for (int c = 0; c < t->ncolumns; c++) {
			if (row[c].null)
				sqlite3_bind_null(s, c + 1);
			else if (t->columns[c].type == CELL_INT)
				sqlite3_bind_int64(s, c + 1, row[c].i);
			else if (t->columns[c].type == CELL_REAL)
				sqlite3_bind_double(s, c + 1, row[c].r);
			else
				sqlite3_bind_text(s, c + 1, row[c].s, -1, SQLITE_STATIC);
		}
		if ((rc = sqlite3_step(s)) == SQLITE_DONE)
			rc = 0;
		else
			db_error(st, rc, "copy rows", err);
	}
	sqlite3_finalize(s);
	return rc == 0 ? 0 : -1;
}

static int sq_count_rows(struct store *st, const struct table_def *t, int64_t *n,
			 struct err *err)
{
	sqlite3_str *sql = sqlite3_str_new(NULL);
	sqlite3_stmt *s;
	int rc;

	sqlite3_str_appendf(sql, "SELECT count(*) FROM %s", t->name);
	s = prepare_built(st, sql, err);
	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	*n = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
	sqlite3_finalize(s);
	return rc == SQLITE_ROW ? 0 : db_error(st, rc, "count rows", err);
}

static int sq_clear_tables(struct store *st, struct err *err)
{
	char sql[128];

	/* Those that refer to others first. */
	for (int i = store_table_count - 1; i >= 0; i--) {
		(void)snprintf(sql, sizeof sql, "DELETE FROM %s", store_tables[i].name);
		if (exec(st, sql, "empty the database", err) < 0)
			return -1;
	}
	return 0;
}

static int sq_copy_finish(struct store *st, struct err *err)
{
	/* SQLite numbers new rows after the largest id there is. */
	(void)st;
	(void)err;
	return 0;
}

const struct backend backend_sqlite = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.schema_version = sq_schema_version,
	.begin_migration = sq_begin_migration,
	.apply_migration = sq_apply_migration,
	.begin = sq_begin,
	.commit = sq_commit,
	.rollback = sq_rollback,
	.each_key = sq_each_key,
	.count = sq_count,
	.lock_tree = sq_lock_tree,
	.put_team = sq_put_team,
	.put_person = sq_put_person,
	.put_competency = sq_put_competency,
	.put_role = sq_put_role,
	.replace_indicators = sq_replace_indicators,
	.put_requirement = sq_put_requirement,
	.log_import = sq_log_import,
	.log_import_rows = sq_log_import_rows,
	.append_evidence = sq_append_evidence,
	.retract_evidence = sq_retract_evidence,
	.each_team = sq_each_team,
	.each_person = sq_each_person,
	.each_competency = sq_each_competency,
	.each_indicator = sq_each_indicator,
	.each_requirement = sq_each_requirement,
	.each_evidence = sq_each_evidence,
	.each_setting = sq_each_setting,
	.put_setting = sq_put_setting,
	.add_sums = sq_add_sums,
	.rebuild_sums = sq_rebuild_sums,
	.each_member = sq_each_member,
	.each_role_requirement = sq_each_role_requirement,
	.get_sums = sq_get_sums,
	.each_sums = sq_each_sums,
	.sums_as_of = sq_sums_as_of,
	.newest_evidence = sq_newest_evidence,
	.note_newest = sq_note_newest,
	.each_candidate = sq_each_candidate,
	.each_row = sq_each_row,
	.put_rows = sq_put_rows,
	.count_rows = sq_count_rows,
	.clear_tables = sq_clear_tables,
	.copy_finish = sq_copy_finish,
};
