/* The SQLite backend: one database file in WAL mode with foreign keys on
 * and a busy timeout, statements prepared once per connection. This file
 * holds every statement's SQL, the connection (open, read-only databases,
 * the busy handler), migrations and transactions, and the backend table;
 * sqlite_entities.c, sqlite_evidence.c and sqlite_views.c the rest. */
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

#include "store/sql_shared.h"
#include "store/schema_sqlite.h"
#include "store/sqlite_int.h"

static const char *const sql_text[Q_COUNT_OF_STATEMENTS] = {
	[Q_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_version",
	[Q_KEYS_TEAM] = "SELECT key, id FROM team",
	[Q_KEYS_PERSON] = "SELECT key, id FROM person",
	[Q_KEYS_COMPETENCY] = "SELECT key, id FROM competency",
	[Q_KEYS_ROLE] = "SELECT key, id FROM role",
	[Q_KEY_TEAM] = "SELECT key, id FROM team WHERE key = ?1",
	[Q_KEY_PERSON] = "SELECT key, id FROM person WHERE key = ?1",
	[Q_KEY_COMPETENCY] = "SELECT key, id FROM competency WHERE key = ?1",
	[Q_KEY_ROLE] = "SELECT key, id FROM role WHERE key = ?1",
	[Q_COUNT_TEAM] = "SELECT count(*) FROM team",
	[Q_COUNT_PERSON] = "SELECT count(*) FROM person",
	[Q_PERSON_ID_MAX] = "SELECT coalesce(max(id), 0) FROM person",
	[Q_DATA_GENERATION] = "SELECT n FROM data_generation",
	[Q_ADVANCE_GENERATION] = "UPDATE data_generation SET n = n + 1",
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
		"INSERT INTO evidence(id, person_id, competency_id, level, level_decimals, source,"
		" date, assessor_id, note, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
#define SUM_VALUES "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	/* ?10 the history of the rows added: on conflict its entries alone
	 * (after the version byte) are appended. || makes text of blobs,
	 * hence the cast back, which keeps every byte. */
	[Q_ADD_SUMS] =
		"INSERT INTO evidence_sum(person_id, competency_id, n_self, w_self, wl_self,"
		" n_other, w_other, wl_other, max_date, history, best_level) VALUES " SUM_VALUES
		" ON CONFLICT(person_id, competency_id) DO UPDATE SET"
		" n_self = n_self + excluded.n_self, w_self = w_self + excluded.w_self,"
		" wl_self = wl_self + excluded.wl_self, n_other = n_other + excluded.n_other,"
		" w_other = w_other + excluded.w_other, wl_other = wl_other + excluded.wl_other,"
		" max_date = max(max_date, excluded.max_date),"
		" best_level = excluded.best_level,"
		" history = CAST(history || substr(excluded.history, 2) AS BLOB)",
	[Q_PUT_SUMS] =
		"INSERT OR REPLACE INTO evidence_sum(person_id, competency_id, n_self, w_self,"
		" wl_self, n_other, w_other, wl_other, max_date, history, best_level) VALUES " SUM_VALUES,
	[Q_DELETE_SUMS] = "DELETE FROM evidence_sum WHERE person_id = ?1 AND competency_id = ?2",
	[Q_PAIR_HISTORY] =
		"SELECT history FROM evidence_sum WHERE competency_id = ?2 AND person_id = ?1",
	/* ?1 competency, ?2 and ?3 the least and greatest person: whether any
	 * pair between them is stored */
	[Q_PAIRS_STORED] =
		"SELECT 1 FROM evidence_sum WHERE competency_id = ?1 AND person_id BETWEEN ?2 AND ?3"
		" LIMIT 1",
	[Q_PAIR_ROWS] =
		"SELECT e.level, e.source, e.date, e.level_decimals FROM evidence e"
		" WHERE e.person_id = ?1 AND e.competency_id = ?2 AND " IN_FORCE,
	[Q_PAIR_OF_EVIDENCE] = "SELECT person_id, competency_id FROM evidence WHERE id = ?1",
	[Q_ALL_ROWS_BY_PAIR] =
		"SELECT e.person_id, e.competency_id, e.level, e.source, e.date, e.level_decimals"
		" FROM evidence e"
		" WHERE " IN_FORCE " ORDER BY e.person_id, e.competency_id",
	[Q_TEAM_ID] = "SELECT id FROM team WHERE key = ?1",
	[Q_SNAPSHOT_TEAM_MEMBERS] =
		SUBTREE_OF("SELECT ?1") MEMBER_COLUMNS " WHERE p.active = 1 AND p.team_id IN (SELECT id FROM sub)"
		" ORDER BY p.key",
	[Q_SNAPSHOT_PERSON_MEMBER] = MEMBER_COLUMNS " WHERE p.key = ?1",
	[Q_SNAPSHOT_ALL_MEMBERS] = MEMBER_COLUMNS " WHERE p.active = 1 ORDER BY p.key",
	[Q_ROLE_REQUIREMENTS] =
		"SELECT q.role_id, q.competency_id, c.key, q.required_level, q.weight"
		" FROM requirement q JOIN competency c ON c.id = q.competency_id"
		" ORDER BY q.role_id, q.id",
	/* The history only where the sums hold rows after the date (?3, ?1). */
	[Q_PAIR_SUMS] =
		"SELECT " SUM_COLUMNS ", CASE WHEN max_date > ?3 THEN history END"
		" FROM evidence_sum WHERE competency_id = ?1 AND person_id = ?2",
	[Q_ALL_SUMS] =
		"SELECT person_id, competency_id, " SUM_COLUMNS ", CASE WHEN max_date > ?1 THEN history END"
		" FROM evidence_sum",
	[Q_COMPETENCY_SUMS] =
		"SELECT person_id, competency_id, " SUM_COLUMNS ", CASE WHEN max_date > ?1 THEN history END"
		" FROM evidence_sum WHERE competency_id = ?2",
#define LEVEL "(s.wl_self + s.wl_other) / (s.w_self + s.w_other)"
#define HOLDERS \
	" FROM competency c CROSS JOIN evidence_sum s ON s.competency_id = c.id" \
	" CROSS JOIN person p ON p.id = s.person_id LEFT JOIN team t ON t.id = p.team_id"
/* ?2 minimum level, ?3 the factor of as_of, ?4 minimum evidence weight */
#define PASSES LEVEL " >= ?2 AND (s.w_self + s.w_other) * ?3 >= ?4"
	/* ?1 competency key, ?5 as_of. The level index gives them best
	 * first. The history is read only where the sums are newer than
	 * as_of (a column SQLite does not decode unless asked). */
	[Q_CANDIDATES_BEST] =
		CANDIDATE_COLUMNS ", s.history" HOLDERS " WHERE c.key = ?1 AND " PASSES " AND p.active = 1"
		" AND s.max_date <= ?5 ORDER BY " LEVEL " DESC",
	/* ?1 competency key, ?5 team key */
	[Q_CANDIDATES_TEAM] =
		SUBTREE_OF("SELECT id FROM team WHERE key = ?5")
		CANDIDATE_COLUMNS ", s.history FROM competency c CROSS JOIN person p"
		" CROSS JOIN evidence_sum s ON s.competency_id = c.id AND s.person_id = p.id"
		" LEFT JOIN team t ON t.id = p.team_id"
		" WHERE c.key = ?1 AND p.active = 1 AND p.team_id IN (SELECT id FROM sub)",
	/* ?1 competency key, ?2 minimum level, ?5 as_of; from the index on
	 * (competency, best level, newest date, history) alone: no person is
	 * read, mentors.c looks up those it passes on (Q_MEMBER_BY_ID). */
	[Q_CANDIDATES_NEWER] =
		"SELECT s.person_id, s.competency_id, s.best_level, s.history FROM evidence_sum s"
		" WHERE s.competency_id = (SELECT id FROM competency WHERE key = ?1)"
		" AND s.best_level >= ?2 AND s.max_date > ?5 ORDER BY s.best_level DESC",
	[Q_MEMBER_BY_ID] =
		"SELECT p.key, t.key FROM person p LEFT JOIN team t ON t.id = p.team_id"
		" WHERE p.id = ?1 AND p.active = 1",
	[Q_NEWEST] = "SELECT date FROM evidence_newest",
	[Q_NOTE_NEWEST] = "UPDATE evidence_newest SET date = ?1 WHERE date < ?1",
	/* Pages in key order: ?1 the last key of the page before ('' for
	 * none), ?2 how many rows, ?3 a team (NULL: all), ?4 active (-1: all) */
	[Q_PAGE_TEAMS] =
		SUBTREE_OF("SELECT id FROM team WHERE key = ?3") TEAM_COLUMNS
		" WHERE t.key > ?1 AND (?3 IS NULL OR t.id IN (SELECT id FROM sub))"
		" ORDER BY t.key LIMIT ?2",
	[Q_PAGE_PEOPLE] =
		SUBTREE_OF("SELECT id FROM team WHERE key = ?3") PERSON_COLUMNS
		" WHERE p.key > ?1 AND (?3 IS NULL OR p.team_id IN (SELECT id FROM sub))"
		" AND (?4 < 0 OR p.active = ?4) ORDER BY p.key LIMIT ?2",
	[Q_PAGE_COMPETENCIES] = COMPETENCY_COLUMNS " WHERE key > ?1 ORDER BY key LIMIT ?2",
	[Q_PAGE_ROLES] = "SELECT key FROM role WHERE key > ?1 ORDER BY key LIMIT ?2",
	[Q_REFS_TEAM] = REFS_OF_TEAM("?1"),
	[Q_REFS_PERSON] = REFS_OF_PERSON("?1"),
	[Q_REFS_COMPETENCY] = REFS_OF_COMPETENCY("?1"),
	[Q_REFS_ROLE] = REFS_OF_ROLE("?1"),
	[Q_DELETE_TEAM] = "DELETE FROM team WHERE id = ?1",
	/* A revoked token's link to a team or person, which would otherwise
	 * keep the team or person from ever being deleted (its creation,
	 * with its teams, stays in the audit log). */
	[Q_UNLINK_REVOKED_TEAM] = "DELETE FROM api_token_team WHERE team_id = ?1 AND token_id IN"
		" (SELECT id FROM api_token WHERE revoked_at IS NOT NULL)",
	[Q_UNLINK_REVOKED_PERSON] = "UPDATE api_token SET person_id = NULL WHERE person_id = ?1"
		" AND revoked_at IS NOT NULL",
	[Q_DELETE_PERSON] = "DELETE FROM person WHERE id = ?1",
	[Q_DELETE_COMPETENCY] = "DELETE FROM competency WHERE id = ?1",
	[Q_DELETE_ROLE] = "DELETE FROM role WHERE id = ?1",
	[Q_DELETE_REQUIREMENTS] = "DELETE FROM requirement WHERE role_id = ?1",
	/* ?1 person key; after (?2 date, ?3 id) newest first; ?4 rows */
	[Q_PAGE_EVIDENCE] =
		EVIDENCE_ENTRY_COLUMNS " WHERE e.person_id = (SELECT id FROM person WHERE key = ?1)"
		" AND (e.date < ?2 OR (e.date = ?2"
		" AND e.id < ?3)) ORDER BY e.date DESC, e.id DESC LIMIT ?4",
	[Q_EVIDENCE_BY_ID] = EVIDENCE_ONE_COLUMNS " WHERE e.id = ?1",
};

/* Turns an SQLite failure into an error with a sysexits code and a hint. */
int sq_db_error(struct store *st, int rc, const char *doing, struct err *err)
{
	struct conn *c = sq_conn_of(st);
	const char *detail = c->db != NULL ? sqlite3_errmsg(c->db) : sqlite3_errstr(rc);
	double waited = c->waited;

	c->waited = 0;    /* a later failure that waits not at all says so */
	switch (rc & 0xFF) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		if (rc == SQLITE_BUSY_SNAPSHOT)
			return err_set(err, EX_TEMPFAIL,
				       "cannot %s: another process changed database '%s' while this"
				       " command was reading it; try again", doing, c->path);
		return err_set(err, EX_TEMPFAIL,
			       "cannot %s: another process holds a lock on database '%s' (compgap, or"
			       " any other program that opened it); gave up after waiting %.1f s."
			       " Try again, or wait longer with --busy-timeout SECONDS or"
			       " $COMPGAP_BUSY_TIMEOUT", doing, c->path, waited);
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

sqlite3_stmt *sq_prepare(struct store *st, enum stmt_id id, struct err *err)
{
	struct conn *c = sq_conn_of(st);
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
		sq_db_error(st, rc, "prepare a statement", err);
		return NULL;
	}
	return c->stmts[id];
}

void sq_bind_text(sqlite3_stmt *s, int i, const char *v)
{
	if (v == NULL)
		sqlite3_bind_null(s, i);
	else
		sqlite3_bind_text(s, i, v, -1, SQLITE_STATIC);
}

/* Ends a loop over a statement's rows: the callback's stop value, else 0
 * when all rows were read, else the error. */
int sq_each_done(struct store *st, sqlite3_stmt *s, int rc, int stop, const char *doing,
		 struct err *err)
{
	sqlite3_reset(s);
	if (stop != 0)
		return stop;
	return rc == SQLITE_DONE ? 0 : sq_db_error(st, rc, doing, err);
}

const char *sq_column_text(sqlite3_stmt *s, int i)
{
	return (const char *)sqlite3_column_text(s, i);
}

/* Runs a statement that returns no rows or one row holding an id. */
int sq_step_done(struct store *st, sqlite3_stmt *s, const char *doing, int64_t *id,
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
		return sq_db_error(st, rc, doing, err);
	return 0;
}

int sq_exec(struct store *st, const char *sql, const char *doing, struct err *err)
{
	int rc = sqlite3_exec(sq_conn_of(st)->db, sql, NULL, NULL, NULL);

	return rc == SQLITE_OK ? 0 : sq_db_error(st, rc, doing, err);
}

/* True when the database has tables but none of ours: someone else's file. */
static int foreign_database(struct store *st, int *foreign, struct err *err)
{
	sqlite3_stmt *s = NULL;
	int rc = sqlite3_prepare_v2(sq_conn_of(st)->db,
				    "SELECT count(*), count(*) FILTER (WHERE name = 'schema_version')"
				    " FROM sqlite_master WHERE type = 'table'", -1, &s, NULL);

	if (rc != SQLITE_OK)
		return sq_db_error(st, rc, "read the database", err);
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(s);
		return sq_db_error(st, rc, "read the database", err);
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

/* True when path's -wal file exists and holds changes not yet folded into
 * the database file. */
static bool wal_has_changes(const char *path)
{
	char wal[sizeof ((struct conn *)0)->path + 8];
	struct stat sb;

	if (snprintf(wal, sizeof wal, "%s-wal", path) >= (int)sizeof wal)
		return true;    /* cannot tell: assume the worst */
	return stat(wal, &sb) == 0 && sb.st_size > 0;
}

/* True when code says that the -shm file of a WAL database could not be
 * made, opened or locked: what a reader without the right to write in
 * the database's directory meets. */
static bool shm_failure(int code)
{
	return (code & 0xFF) == SQLITE_CANTOPEN || code == SQLITE_READONLY_DIRECTORY ||
	       code == SQLITE_READONLY_CANTINIT || code == SQLITE_READONLY_CANTLOCK;
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
	struct conn *c = sq_conn_of(st);
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
		int code = sqlite3_extended_errcode(c->db);
		char *uri;
		int rc;

		/* Only the -shm file's failure is worked around; a busy,
		 * corrupt or unreadable database says so. */
		if (!c->readonly || !shm_failure(code))
			goto fail;
		/* Read as it is, the file would miss what the -wal holds: the
		 * figures would be old and nothing would say so. */
		if (wal_has_changes(target)) {
			err_set(err, EX_NOPERM,
				"cannot read '%s' as it is now: its -wal file holds changes not yet in the database, and reading them needs the right to write in its directory; let a user who may write there run any compgap command on it once (which folds them in), or read a copy",
				target);
			goto fail;
		}
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
	if (!c->readonly && sq_exec(st, "PRAGMA journal_mode = WAL", "configure the database", err) < 0)
		goto fail;
	/* Reads through a memory map of up to 1 GiB: a view that reads pages
	 * all over the file (a past date's mentor search, the whole
	 * organisation) then copies none of them into the page cache; a
	 * fresh process read 4 times fewer CPU seconds in the kernel for one
	 * team's past recommend (docs/time-travel.md). Writes still go
	 * through the WAL. */
	if (sq_exec(st, "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"
		    " PRAGMA cache_size = -65536; PRAGMA mmap_size = 1073741824;",
		    "configure the database", err) < 0)
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
	struct conn *c = sq_conn_of(st);

	if (c == NULL)
		return;
	for (int i = 0; i < Q_COUNT_OF_STATEMENTS; i++)
		sqlite3_finalize(c->stmts[i]);
	for (int i = 0; i < ACCT_STMT_MAX; i++)
		sqlite3_finalize(c->acct_stmts[i]);
	for (int i = 0; i < QA_COUNT_OF_STATEMENTS; i++)
		sqlite3_finalize(c->qa_stmts[i]);
	for (int i = 0; i < CO_COUNT_OF_STATEMENTS; i++)
		sqlite3_finalize(c->co_stmts[i]);
	for (int i = 0; i < PL_COUNT_OF_STATEMENTS; i++)
		sqlite3_finalize(c->pl_stmts[i]);
	for (int i = 0; i < TX_COUNT_OF_STATEMENTS; i++)
		sqlite3_finalize(c->tx_stmts[i]);
	sq_bulk_forget(c);
	sqlite3_close(c->db);
	free(c);
	st->conn = NULL;
}

static int sq_schema_version(struct store *st, int *version, struct err *err)
{
	sqlite3_stmt *s = NULL;
	int rc, has_table;

	rc = sqlite3_prepare_v2(sq_conn_of(st)->db,
				"SELECT count(*) FROM sqlite_master WHERE type = 'table'"
				" AND name = 'schema_version'", -1, &s, NULL);
	if (rc != SQLITE_OK)
		return sq_db_error(st, rc, "read the schema version", err);
	rc = sqlite3_step(s);
	has_table = rc == SQLITE_ROW && sqlite3_column_int(s, 0) > 0;
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return sq_db_error(st, rc, "read the schema version", err);
	if (!has_table) {
		*version = 0;
		return 0;
	}
	s = sq_prepare(st, Q_VERSION, err);
	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(s);
		return sq_db_error(st, rc, "read the schema version", err);
	}
	*version = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return 0;
}

/* IMMEDIATE takes the write lock first, so two processes that open a new
 * database at once migrate one after the other, not twice. */
static int sq_begin_migration(struct store *st, struct err *err)
{
	sq_bulk_forget(sq_conn_of(st));
	return sq_exec(st, "BEGIN IMMEDIATE", "begin the migration", err);
}

static int sq_apply_migration(struct store *st, int version, const char *applied_at,
			      struct err *err)
{
	char sql[128];

	_Static_assert((int)SQLITE_MIGRATION_COUNT == (int)SCHEMA_VERSION,
		       "one SQLite migration per schema version");
	if (sq_exec(st, sqlite_migrations[version - 1], "apply a schema migration", err) < 0)
		return -1;
	(void)snprintf(sql, sizeof sql,
		       "INSERT INTO schema_version(version, applied_at) VALUES (%d, '%s')", version,
		       applied_at);
	return sq_exec(st, sql, "record the schema version", err);
}

static int sq_begin(struct store *st, int write, struct err *err)
{
	sq_bulk_forget(sq_conn_of(st));
	return sq_exec(st, write ? "BEGIN IMMEDIATE" : "BEGIN", "begin a transaction", err);
}

static int sq_data_generation(struct store *st, int64_t *n, struct err *err)
{
	return sq_one_number(st, Q_DATA_GENERATION, "read the data generation", n, err);
}

static int sq_advance_generation(struct store *st, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_ADVANCE_GENERATION, err);
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	return rc == SQLITE_DONE ? 0 : sq_db_error(st, rc, "advance the data generation", err);
}

static int sq_commit(struct store *st, struct err *err)
{
	int rc = sq_bulk_finish(st, err);

	sq_bulk_forget(sq_conn_of(st));
	return rc < 0 ? -1 : sq_exec(st, "COMMIT", "commit", err);
}

static void sq_rollback(struct store *st)
{
	sq_bulk_forget(sq_conn_of(st));
	(void)sqlite3_exec(sq_conn_of(st)->db, "ROLLBACK", NULL, NULL, NULL);
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
	.data_generation = sq_data_generation,
	.advance_generation = sq_advance_generation,
	.rollback = sq_rollback,
	.each_key = sq_each_key,
	.count = sq_count,
	.person_id_max = sq_person_id_max,
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
	.stored_histories = sq_stored_histories,
	.rebuild_sums = sq_rebuild_sums,
	.each_member = sq_each_member,
	.each_role_requirement = sq_each_role_requirement,
	.get_sums = sq_get_sums,
	.each_sums = sq_each_sums,
	.newest_evidence = sq_newest_evidence,
	.note_newest = sq_note_newest,
	.each_candidate = sq_each_candidate,
	.member_by_id = sq_member_by_id,
	.each_row = sq_each_row,
	.put_rows = sq_put_rows,
	.count_rows = sq_count_rows,
	.clear_tables = sq_clear_tables,
	.copy_finish = sq_copy_finish,
	.page_teams = sq_page_teams,
	.page_people = sq_page_people,
	.page_competencies = sq_page_competencies,
	.page_roles = sq_page_roles,
	.refs = sq_refs,
	.delete_row = sq_delete_row,
	.clear_requirements = sq_clear_requirements,
	.page_evidence = sq_page_evidence,
	.evidence_by_id = sq_evidence_by_id,
	.acct_run = sq_acct_run,
	.privacy_run = sq_privacy_run,
	.texts_run = sq_texts_run,
	.qa_run = sq_qa_run,
	.coach_run = sq_coach_run,
	.al_run = sq_al_run,
	.plan_run = sq_plan_run,
	.okr_run = sq_okr_run,
};
