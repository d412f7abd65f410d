/* The PostgreSQL backend, through libpq: statements prepared once per
 * connection, results in binary (no number is ever printed and parsed on
 * the way out), evidence loaded with COPY and running sums added with one
 * statement per few thousand pairs. docs/deployment.md says how to run
 * it; pg_conn.c opens connections and words their failures. This file
 * holds every prepared statement's SQL, the helpers that run statements,
 * schema and transactions, and the backend table; pg_copy.c the COPY,
 * pg_entities.c, pg_evidence.c and pg_views.c the rest. */
#include "store/pq_api.h"
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "store/sql_shared.h"
#include "store/pg_int.h"
#include "store/schema_pg.h"

static const char *const sql_text[Q_COUNT_OF_STATEMENTS] = {
	[Q_VERSION] = "SELECT coalesce(max(version), 0) FROM schema_version",
	[Q_KEYS_TEAM] = "SELECT key, id FROM team",
	[Q_KEYS_PERSON] = "SELECT key, id FROM person",
	[Q_KEYS_COMPETENCY] = "SELECT key, id FROM competency",
	[Q_KEYS_ROLE] = "SELECT key, id FROM role",
	[Q_KEY_TEAM] = "SELECT key, id FROM team WHERE key = $1",
	[Q_KEY_PERSON] = "SELECT key, id FROM person WHERE key = $1",
	[Q_KEY_COMPETENCY] = "SELECT key, id FROM competency WHERE key = $1",
	[Q_KEY_ROLE] = "SELECT key, id FROM role WHERE key = $1",
	[Q_COUNT_TEAM] = "SELECT count(*) FROM team",
	[Q_COUNT_PERSON] = "SELECT count(*) FROM person",
	[Q_PERSON_ID_MAX] = "SELECT coalesce(max(id), 0) FROM person",
	[Q_DATA_GENERATION] = "SELECT n FROM data_generation",
	[Q_ADVANCE_GENERATION] = "UPDATE data_generation SET n = n + 1",
	[Q_COUNT_COMPETENCY] = "SELECT count(*) FROM competency",
	[Q_COUNT_ROLE] = "SELECT count(*) FROM role",
	[Q_COUNT_EVIDENCE] =
		"SELECT (SELECT count(*) FROM evidence) - (SELECT count(*) FROM retraction)",
	/* $1 key, $2 name, $3 parent key, $4 keep parent */
	[Q_PUT_TEAM] =
		"INSERT INTO team AS o (key, name, parent_id) VALUES ($1, $2,"
		" CASE WHEN $4::boolean THEN NULL ELSE (SELECT id FROM team WHERE key = $3) END)"
		" ON CONFLICT (key) DO UPDATE SET name = excluded.name,"
		" parent_id = CASE WHEN $4::boolean THEN o.parent_id ELSE excluded.parent_id END"
		" RETURNING id",
	/* $1 key, $2 name, $3 email, $4 team, $5 role, $6 manager, $7 active,
	 * $8..$12 keep email, team, role, manager, active */
	[Q_PUT_PERSON] =
		"INSERT INTO person AS o (key, name, email, team_id, role_id, manager_id, active)"
		" VALUES ($1, $2, CASE WHEN $8::boolean THEN NULL ELSE $3 END,"
		" CASE WHEN $9::boolean THEN NULL ELSE (SELECT id FROM team WHERE key = $4) END,"
		" CASE WHEN $10::boolean THEN NULL ELSE (SELECT id FROM role WHERE key = $5) END,"
		" CASE WHEN $11::boolean THEN NULL ELSE (SELECT id FROM person WHERE key = $6) END,"
		" CASE WHEN $12::boolean THEN 1 ELSE $7::integer END)"
		" ON CONFLICT (key) DO UPDATE SET name = excluded.name,"
		" email = CASE WHEN $8::boolean THEN o.email ELSE excluded.email END,"
		" team_id = CASE WHEN $9::boolean THEN o.team_id ELSE excluded.team_id END,"
		" role_id = CASE WHEN $10::boolean THEN o.role_id ELSE excluded.role_id END,"
		" manager_id = CASE WHEN $11::boolean THEN o.manager_id ELSE excluded.manager_id END,"
		" active = CASE WHEN $12::boolean THEN o.active ELSE excluded.active END"
		" RETURNING id",
	/* $1 key, $2 name, $3 category, $4 description, $5 developability,
	 * $6..$8 keep category, description, developability */
	[Q_PUT_COMPETENCY] =
		"INSERT INTO competency AS o (key, name, category, description, developability)"
		" VALUES ($1, $2, CASE WHEN $6::boolean THEN NULL ELSE $3 END,"
		" CASE WHEN $7::boolean THEN NULL ELSE $4 END, CASE WHEN $8::boolean THEN NULL ELSE $5 END)"
		" ON CONFLICT (key) DO UPDATE SET name = excluded.name,"
		" category = CASE WHEN $6::boolean THEN o.category ELSE excluded.category END,"
		" description = CASE WHEN $7::boolean THEN o.description ELSE excluded.description END,"
		" developability = CASE WHEN $8::boolean THEN o.developability"
		" ELSE excluded.developability END"
		" RETURNING id",
	/* Another import may create the same role at the same time. */
	[Q_PUT_ROLE] =
		"INSERT INTO role(key) VALUES ($1) ON CONFLICT (key) DO UPDATE SET key = excluded.key"
		" RETURNING id",
	[Q_DELETE_INDICATORS] = "DELETE FROM indicator WHERE competency_id = $1",
	[Q_INSERT_INDICATOR] = "INSERT INTO indicator(competency_id, level, text) VALUES ($1, $2, $3)",
	/* $1 role id, $2 competency id, $3 required level, $4 weight, $5 keep weight */
	[Q_PUT_REQUIREMENT] =
		"INSERT INTO requirement AS o (role_id, competency_id, required_level, weight)"
		" VALUES ($1, $2, $3, CASE WHEN $5::boolean THEN 1 ELSE $4::integer END)"
		" ON CONFLICT (role_id, competency_id) DO UPDATE SET"
		" required_level = excluded.required_level,"
		" weight = CASE WHEN $5::boolean THEN o.weight ELSE excluded.weight END",
	[Q_LOG_IMPORT] =
		"INSERT INTO import_log(kind, source, rows, imported_at) VALUES ($1, $2, 0, $3)"
		" RETURNING id",
	[Q_LOG_IMPORT_ROWS] = "UPDATE import_log SET rows = $2 WHERE id = $1",
	[Q_EVIDENCE_STATE] =
		"SELECT (SELECT count(*) FROM retraction WHERE evidence_id = $1)"
		" FROM evidence WHERE id = $1",
	/* No row back: another compgap retracted it first. */
	[Q_RETRACT] =
		"INSERT INTO retraction(evidence_id, reason, retracted_at) VALUES ($1, $2, $3)"
		" ON CONFLICT DO NOTHING RETURNING evidence_id",
	[Q_TEAMS] = TEAM_COLUMNS " ORDER BY t.id",
	[Q_TEAM_BY_KEY] = TEAM_COLUMNS " WHERE t.key = $1",
	[Q_PEOPLE] = PERSON_COLUMNS " ORDER BY p.id",
	[Q_PERSON_BY_KEY] = PERSON_COLUMNS " WHERE p.key = $1",
	[Q_COMPETENCIES] = COMPETENCY_COLUMNS " ORDER BY id",
	[Q_COMPETENCY_BY_KEY] = COMPETENCY_COLUMNS " WHERE key = $1",
	[Q_INDICATORS] = INDICATOR_COLUMNS " ORDER BY c.id, i.level, i.id",
	[Q_INDICATORS_OF] = INDICATOR_COLUMNS " WHERE c.key = $1 ORDER BY i.level, i.id",
	[Q_REQUIREMENTS] = REQUIREMENT_COLUMNS " ORDER BY r.id, q.id",
	[Q_REQUIREMENTS_OF] = REQUIREMENT_COLUMNS " WHERE r.key = $1 ORDER BY q.id",
	[Q_SETTINGS] = "SELECT key, value FROM setting ORDER BY key",
	[Q_PUT_SETTING] =
		"INSERT INTO setting(key, value) VALUES ($1, $2)"
		" ON CONFLICT (key) DO UPDATE SET value = excluded.value",
	/* Arrays of the pairs' columns, in the order given (the lock order);
	 * $10 each pair's history in hex, whose entries (after the version
	 * byte) an existing row appends. */
	[Q_ADD_SUMS] =
		"INSERT INTO evidence_sum AS o (person_id, competency_id, " SUM_COLUMNS ", history)"
		" SELECT p, c, ns, ws, wls, nt, wo, wlo, md, bl, decode(h, 'hex')"
		" FROM unnest($1::bigint[], $2::bigint[], $3::bigint[],"
		" $4::float8[], $5::float8[], $6::bigint[], $7::float8[], $8::float8[], $9::integer[],"
		" $10::text[], $11::float8[]) AS u(p, c, ns, ws, wls, nt, wo, wlo, md, h, bl)"
		" ON CONFLICT (competency_id, person_id) DO UPDATE SET"
		" n_self = o.n_self + excluded.n_self, w_self = o.w_self + excluded.w_self,"
		" wl_self = o.wl_self + excluded.wl_self, n_other = o.n_other + excluded.n_other,"
		" w_other = o.w_other + excluded.w_other, wl_other = o.wl_other + excluded.wl_other,"
		" max_date = greatest(o.max_date, excluded.max_date),"
		" best_level = excluded.best_level,"
		" history = o.history || substring(excluded.history from 2)",
	/* $10 the history in hex, $11 the best level */
	[Q_PUT_SUMS] =
		"INSERT INTO evidence_sum(person_id, competency_id, " SUM_COLUMNS ", history)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, decode($10, 'hex'))"
		" ON CONFLICT (competency_id, person_id) DO UPDATE SET"
		" n_self = excluded.n_self, w_self = excluded.w_self, wl_self = excluded.wl_self,"
		" n_other = excluded.n_other, w_other = excluded.w_other,"
		" wl_other = excluded.wl_other, max_date = excluded.max_date,"
		" best_level = excluded.best_level, history = excluded.history",
	[Q_LOCK_SUMS] =
		"SELECT 1 FROM evidence_sum WHERE person_id = $1 AND competency_id = $2 FOR UPDATE",
	[Q_DELETE_SUMS] = "DELETE FROM evidence_sum WHERE person_id = $1 AND competency_id = $2",
	/* Held to the end of the transaction by every writer of added sums
	 * (stored_histories). */
	[Q_LOCK_SUMS_WRITERS] = "SELECT pg_advisory_xact_lock(" LOCK_SUMS ")",
	/* $1, $2 the pairs' people and competencies; each stored one's index
	 * (from 0) and history, in the order given (the lock order) */
	[Q_PAIR_HISTORIES] =
		"SELECT u.i - 1, s.history FROM unnest($1::bigint[], $2::bigint[]) WITH ORDINALITY"
		" AS u(p, c, i) JOIN evidence_sum s ON s.person_id = u.p AND s.competency_id = u.c"
		" ORDER BY u.i FOR UPDATE OF s",
	[Q_PAIR_ROWS] =
		"SELECT e.level, e.source, e.date, e.level_decimals FROM evidence e"
		" WHERE e.person_id = $1 AND e.competency_id = $2 AND " IN_FORCE,
	[Q_PAIR_OF_EVIDENCE] = "SELECT person_id, competency_id FROM evidence WHERE id = $1",
	[Q_TEAM_ID] = "SELECT id FROM team WHERE key = $1",
	[Q_SNAPSHOT_TEAM_MEMBERS] =
		SUBTREE_OF("SELECT $1::bigint") MEMBER_COLUMNS
		" WHERE p.active = 1 AND p.team_id IN (SELECT id FROM sub) ORDER BY p.key",
	[Q_SNAPSHOT_PERSON_MEMBER] = MEMBER_COLUMNS " WHERE p.key = $1",
	[Q_SNAPSHOT_ALL_MEMBERS] = MEMBER_COLUMNS " WHERE p.active = 1 ORDER BY p.key",
	[Q_ROLE_REQUIREMENTS] =
		"SELECT q.role_id, q.competency_id, c.key, q.required_level, q.weight"
		" FROM requirement q JOIN competency c ON c.id = q.competency_id"
		" ORDER BY q.role_id, q.id",
	/* The history only where the sums hold rows after the date, $3. */
	[Q_PAIR_SUMS] =
		"SELECT " SUM_COLUMNS ", CASE WHEN max_date > $3::integer THEN history END"
		" FROM evidence_sum WHERE competency_id = $1 AND person_id = $2",
/* The expression of the level index (schema_pg.c), so that it is used. */
#define LEVEL "(s.wl_self + s.wl_other) / nullif(s.w_self + s.w_other, 0)"
#define HOLDERS \
	" FROM competency c JOIN evidence_sum s ON s.competency_id = c.id" \
	" JOIN person p ON p.id = s.person_id LEFT JOIN team t ON t.id = p.team_id"
/* $2 minimum level, $3 the factor of as_of, $4 minimum evidence weight */
#define PASSES LEVEL " >= $2::float8 AND (s.w_self + s.w_other) * $3::float8 >= $4::float8"
/* the history of the sums newer than as_of, parameter n */
#define HISTORY_AFTER(n) ", CASE WHEN s.max_date > " n "::integer THEN s.history END"
	/* $1 competency key, $5 as_of; best first. The competency's id comes
	 * from a sub-select, a constant to the planner: the level index then
	 * gives the order, and a cursor (pq_each_candidate) reads only the
	 * best, where a join on the key would sort every holder. */
	[Q_CANDIDATES_BEST] =
		CANDIDATE_COLUMNS HISTORY_AFTER("$5") HOLDERS
		" WHERE s.competency_id = (SELECT id FROM competency WHERE key = $1) AND " PASSES
		" AND p.active = 1 AND s.max_date <= $5::integer ORDER BY " LEVEL " DESC",
	/* $1 competency key, $2 team key, $3 as_of. The competency and the
	 * subtree's teams come from sub-selects, constants to the planner:
	 * it reads the members' sums by key, where a join with the recursive
	 * subtree (whose size it guesses at a thousand teams) reads every
	 * sum of the competency. */
	[Q_CANDIDATES_TEAM] =
		CANDIDATE_COLUMNS HISTORY_AFTER("$3") HOLDERS
		" WHERE s.competency_id = (SELECT id FROM competency WHERE key = $1) AND p.active = 1"
		" AND p.team_id = ANY ((" SUBTREE_OF("SELECT id FROM team WHERE key = $2")
		" SELECT array_agg(id) FROM sub)::bigint[])",
	/* $1 competency key, $2 minimum level, $3 as_of; from the index on
	 * (competency, best level, newest date); no person is read, mentors.c
	 * looks up those it passes on (Q_MEMBER_BY_ID). */
	[Q_CANDIDATES_NEWER] =
		"SELECT s.person_id, s.competency_id, s.best_level, s.history FROM evidence_sum s"
		" WHERE s.competency_id = (SELECT id FROM competency WHERE key = $1)"
		" AND s.best_level >= $2::float8 AND s.max_date > $3::integer"
		" ORDER BY s.best_level DESC",
	[Q_MEMBER_BY_ID] =
		"SELECT p.key, t.key FROM person p LEFT JOIN team t ON t.id = p.team_id"
		" WHERE p.id = $1 AND p.active = 1",
	[Q_NEWEST] = "SELECT date FROM evidence_newest",
	[Q_NOTE_NEWEST] = "UPDATE evidence_newest SET date = $1 WHERE date < $1",
	/* Pages in key order: $1 the last key of the page before ('' for
	 * none), $2 how many rows, $3 a team (NULL: all), $4 active (-1: all) */
	[Q_PAGE_TEAMS] =
		SUBTREE_OF("SELECT id FROM team WHERE key = $3") TEAM_COLUMNS
		" WHERE t.key > $1 AND ($3::text IS NULL OR t.id IN (SELECT id FROM sub))"
		" ORDER BY t.key LIMIT $2",
	[Q_PAGE_PEOPLE] =
		SUBTREE_OF("SELECT id FROM team WHERE key = $3") PERSON_COLUMNS
		" WHERE p.key > $1 AND ($3::text IS NULL OR p.team_id IN (SELECT id FROM sub))"
		" AND ($4::integer < 0 OR p.active = $4::integer) ORDER BY p.key LIMIT $2",
	[Q_PAGE_COMPETENCIES] = COMPETENCY_COLUMNS " WHERE key > $1 ORDER BY key LIMIT $2",
	[Q_PAGE_ROLES] = "SELECT key FROM role WHERE key > $1 ORDER BY key LIMIT $2",
	[Q_REFS_TEAM] = REFS_OF_TEAM("$1"),
	[Q_REFS_PERSON] = REFS_OF_PERSON("$1"),
	[Q_REFS_COMPETENCY] = REFS_OF_COMPETENCY("$1"),
	[Q_REFS_ROLE] = REFS_OF_ROLE("$1"),
	[Q_DELETE_TEAM] = "DELETE FROM team WHERE id = $1",
	/* A revoked token's link to a team or person, which would otherwise
	 * keep the team or person from ever being deleted (its creation,
	 * with its teams, stays in the audit log). */
	[Q_UNLINK_REVOKED_TEAM] = "DELETE FROM api_token_team WHERE team_id = $1 AND token_id IN"
		" (SELECT id FROM api_token WHERE revoked_at IS NOT NULL)",
	[Q_UNLINK_REVOKED_PERSON] = "UPDATE api_token SET person_id = NULL WHERE person_id = $1"
		" AND revoked_at IS NOT NULL",
	[Q_DELETE_PERSON] = "DELETE FROM person WHERE id = $1",
	[Q_DELETE_COMPETENCY] = "DELETE FROM competency WHERE id = $1",
	[Q_DELETE_ROLE] = "DELETE FROM role WHERE id = $1",
	[Q_DELETE_REQUIREMENTS] = "DELETE FROM requirement WHERE role_id = $1",
	/* $1 person key; after ($2 date, $3 id) newest first; $4 rows */
	[Q_PAGE_EVIDENCE] =
		EVIDENCE_ENTRY_COLUMNS " WHERE e.person_id = (SELECT id FROM person WHERE key = $1)"
		" AND (e.date < $2::integer"
		" OR (e.date = $2::integer AND e.id < $3::bigint)) ORDER BY e.date DESC, e.id DESC"
		" LIMIT $4",
	[Q_EVIDENCE_BY_ID] = EVIDENCE_ONE_COLUMNS " WHERE e.id = $1",
};

/* ---- parameters and columns --------------------------------------------- */

void pgb_param_text(struct params *p, const char *v)
{
	p->values[p->n++] = v;
}

void pgb_param_int(struct params *p, int64_t v)
{
	(void)snprintf(p->text[p->n], sizeof p->text[p->n], "%lld", (long long)v);
	p->values[p->n] = p->text[p->n];
	p->n++;
}

/* Doubles go as their shortest exact decimal form, which PostgreSQL reads
 * back as the same double. */
void pgb_param_real(struct params *p, double v)
{
	if (dtoa_shortest(v, p->text[p->n]) < 0)
		(void)snprintf(p->text[p->n], sizeof p->text[p->n], "NaN");
	p->values[p->n] = p->text[p->n];
	p->n++;
}

void pgb_param_bool(struct params *p, int v)
{
	pgb_param_text(p, v ? "true" : "false");
}

int pgb_col_null(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col);
}

/* An integer column in binary: int2, int4 or int8, big-endian. */
int64_t pgb_col_int(const PGresult *r, int row, int col)
{
	const unsigned char *v = (const unsigned char *)PQgetvalue(r, row, col);
	int len = PQgetlength(r, row, col);
	uint64_t x = 0;

	if (pgb_col_null(r, row, col) || len <= 0 || len > 8)
		return 0;
	for (int i = 0; i < len; i++)
		x = x << 8 | v[i];
	if (len < 8 && (v[0] & 0x80))
		x |= ~UINT64_C(0) << (8 * len);
	return (int64_t)x;
}

/* A float8 column in binary: the IEEE bits, big-endian. */
double pgb_col_real(const PGresult *r, int row, int col)
{
	uint64_t bits = (uint64_t)pgb_col_int(r, row, col);
	double d;

	if (PQgetlength(r, row, col) != 8)
		return 0.0;
	memcpy(&d, &bits, sizeof d);
	return d;
}

/* A text column: binary text is the bytes, and libpq ends every value
 * with a zero byte. */
const char *pgb_col_text(const PGresult *r, int row, int col)
{
	return pgb_col_null(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

int pgb_hex_add(struct buf *b, const unsigned char *p, size_t n)
{
	static const char digit[] = "0123456789abcdef";

	for (size_t i = 0; i < n; i++)
		if (buf_addc(b, digit[p[i] >> 4]) < 0 || buf_addc(b, digit[p[i] & 15]) < 0)
			return -1;
	return 0;
}

const unsigned char *pgb_col_bytes(const PGresult *r, int row, int col)
{
	return pgb_col_null(r, row, col) ? NULL : (const unsigned char *)PQgetvalue(r, row, col);
}

/* ---- running statements -------------------------------------------------- */

int pgb_error(struct store *st, const PGresult *r, const char *doing, struct err *err)
{
	return pg_conn_error(&pgb_conn_of(st)->link, r, doing, err);
}

/* Runs plain SQL (no parameters, text results, several statements). */
int pgb_exec(struct store *st, const char *sql, const char *doing, struct err *err)
{
	PGresult *r;
	ExecStatusType s;
	int rc = 0;

	if (pgb_copy_close(st, err) < 0)
		return -1;
	r = PQexec(pgb_pg(st), sql);
	s = PQresultStatus(r);

	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = pgb_error(st, r, doing, err);
	PQclear(r);
	return rc;
}

/* Runs a prepared statement with binary results; NULL on failure (err
 * set). The caller clears the result. */
PGresult *pgb_run(struct store *st, enum stmt_id id, const struct params *p,
		  const char *doing, struct err *err)
{
	struct conn *c = pgb_conn_of(st);
	char name[16];
	PGresult *r;
	ExecStatusType s;

	if (pgb_copy_close(st, err) < 0)
		return NULL;
	(void)snprintf(name, sizeof name, "q%d", (int)id);
	if (!c->prepared[id]) {
		r = PQprepare(c->link.pg, name, sql_text[id], 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			pgb_error(st, r, doing, err);
			PQclear(r);
			return NULL;
		}
		PQclear(r);
		c->prepared[id] = true;
	}
	r = PQexecPrepared(c->link.pg, name, p != NULL ? p->n : 0, p != NULL ? p->values : NULL,
			   NULL, NULL, 1);
	s = PQresultStatus(r);
	if (s == PGRES_TUPLES_OK || s == PGRES_COMMAND_OK)
		return r;
	pgb_error(st, r, doing, err);
	PQclear(r);
	return NULL;
}

/* Runs a statement for its effect; *id gets the first column of the
 * first row when id is not NULL and there is one. */
int pgb_run_done(struct store *st, enum stmt_id id, const struct params *p,
		 const char *doing, int64_t *out, struct err *err)
{
	PGresult *r = pgb_run(st, id, p, doing, err);

	if (r == NULL)
		return -1;
	if (out != NULL && PQntuples(r) > 0)
		*out = pgb_col_int(r, 0, 0);
	PQclear(r);
	return 0;
}

/* Calls row(r, i, arg) for each row of a prepared statement's result. */
int pgb_run_rows(struct store *st, enum stmt_id id, const struct params *p,
		 int (*row)(const PGresult *r, int i, void *arg), void *arg,
		 const char *doing, struct err *err)
{
	PGresult *r = pgb_run(st, id, p, doing, err);
	int stop = 0;

	if (r == NULL)
		return -1;
	for (int i = 0; stop == 0 && i < PQntuples(r); i++)
		stop = row(r, i, arg);
	PQclear(r);
	return stop;
}

/* Reads a result through a cursor, per_fetch rows at a time, so that
 * memory stays bounded; inside a transaction of its own when none is
 * open. */
static int cursor_rows(struct store *st, const char *sql, int per_fetch,
		       const struct params *p,
		       int (*row)(const PGresult *r, int i, void *arg), void *arg,
		       const char *doing, struct err *err)
{
	struct conn *c = pgb_conn_of(st);
	bool own = PQtransactionStatus(c->link.pg) == PQTRANS_IDLE;
	struct buf declare;
	PGresult *r;
	int stop = 0, rc = -1, n;
	char fetch[48];

	(void)snprintf(fetch, sizeof fetch, "FETCH %d FROM compgap_rows", per_fetch);
	if (pgb_copy_close(st, err) < 0)
		return -1;
	buf_init(&declare, BUF_MAX);
	if (buf_printf(&declare, "DECLARE compgap_rows NO SCROLL CURSOR FOR %s", sql) < 0)
		return err_set(err, EX_OSERR, "out of memory");
	if (own) {
		if (pgb_exec(st, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", doing, err) < 0) {
			buf_free(&declare);
			return -1;
		}
	}
	r = PQexecParams(c->link.pg, buf_str(&declare), p != NULL ? p->n : 0, NULL,
			 p != NULL ? p->values : NULL, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		pgb_error(st, r, doing, err);
		PQclear(r);
		goto out;
	}
	PQclear(r);
	do {
		r = PQexecParams(c->link.pg, fetch, 0, NULL, NULL, NULL, NULL, 1);
		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			pgb_error(st, r, doing, err);
			PQclear(r);
			goto out;
		}
		n = PQntuples(r);
		for (int i = 0; stop == 0 && i < n; i++)
			stop = row(r, i, arg);
		PQclear(r);
	} while (stop == 0 && n == per_fetch);
	if (pgb_exec(st, "CLOSE compgap_rows", doing, err) < 0)
		goto out;
	rc = stop;
out:
	if (own) {
		if (rc < 0)
			(void)pgb_exec(st, "ROLLBACK", doing, NULL);
		else if (pgb_exec(st, "COMMIT", doing, err) < 0)
			rc = -1;
	}
	buf_free(&declare);
	return rc;
}

int pgb_cursor_rows(struct store *st, const char *sql, const struct params *p,
		    int (*row)(const PGresult *r, int i, void *arg), void *arg,
		    const char *doing, struct err *err)
{
	return cursor_rows(st, sql, FETCH_ROWS, p, row, arg, doing, err);
}

int pgb_cursor_stmt(struct store *st, enum stmt_id id, int per_fetch, const struct params *p,
		    int (*row)(const PGresult *r, int i, void *arg), void *arg,
		    const char *doing, struct err *err)
{
	return cursor_rows(st, sql_text[id], per_fetch, p, row, arg, doing, err);
}

/* ---- connection, schema and transactions --------------------------------- */

static void pq_close(struct store *st);

static int pq_open(struct store *st, const char *target, int create, struct err *err)
{
	struct conn *c = calloc(1, sizeof *c);

	if (c == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	if (pg_conn_open(&c->link, target, create, err) < 0) {
		free(c);
		return -1;
	}
	buf_init(&c->copy, BUF_MAX);
	buf_init(&c->bulk_restore, BUF_MAX);
	st->conn = c;
	(void)snprintf(st->describe, sizeof st->describe, "%s", c->link.describe);
	c->link.lock_timeout_ms = -1;
	/* Only a wait that was asked for: by default a PostgreSQL writer waits
	 * for the rows another holds, as long as that takes (0 would mean no
	 * limit to PostgreSQL, so the shortest it knows stands for it). */
	if (st->busy_ms >= 0) {
		char sql[64];

		(void)snprintf(sql, sizeof sql, "SET lock_timeout = %d",
			       st->busy_ms > 0 ? st->busy_ms : 1);
		if (pgb_exec(st, sql, "set the lock timeout", err) < 0) {
			pq_close(st);
			return -1;
		}
		c->link.lock_timeout_ms = st->busy_ms;
	}
	return 0;
}

static void pq_close(struct store *st)
{
	struct conn *c = pgb_conn_of(st);

	if (c == NULL)
		return;
	pg_conn_close(&c->link);
	buf_free(&c->copy);
	buf_free(&c->bulk_restore);
	free(c);
	st->conn = NULL;
}

/* Counts the tables of the schema that compgap creates its tables in
 * (the first of the search path), and says whether schema_version is one
 * of them. */
static int count_tables(struct store *st, int64_t *tables, int64_t *ours, struct err *err)
{
	PGresult *r;

	if (pgb_copy_close(st, err) < 0)
		return -1;
	r = PQexecParams(pgb_pg(st),
				   "SELECT count(*), count(*) FILTER (WHERE tablename = 'schema_version')"
				   " FROM pg_tables WHERE schemaname = current_schema()",
				   0, NULL, NULL, NULL, NULL, 1);

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pgb_error(st, r, "read the schema", err);
		PQclear(r);
		return -1;
	}
	*tables = pgb_col_int(r, 0, 0);
	*ours = pgb_col_int(r, 0, 1);
	PQclear(r);
	return 0;
}

static int pq_schema_version(struct store *st, int *version, struct err *err)
{
	int64_t tables, ours, v = 0;

	if (count_tables(st, &tables, &ours, err) < 0)
		return -1;
	if (tables > 0 && ours == 0)
		return err_set(err, EX_DATAERR,
			       "%s holds tables of another application; give compgap an empty database,"
			       " or a schema of its own with options=-csearch_path=SCHEMA in the connection string",
			       st->describe);
	if (ours > 0 && pgb_run_done(st, Q_VERSION, NULL, "read the schema version", &v, err) < 0)
		return -1;
	*version = (int)v;
	return 0;
}

static void bulk_forget(struct conn *c)
{
	c->tx_evidence = 0;
	c->evidence_before = -1;
	buf_reset(&c->bulk_restore);
}

/* The lock makes a second process that starts at once wait, and then
 * find the schema migrated already. */
static int pq_begin_migration(struct store *st, struct err *err)
{
	bulk_forget(pgb_conn_of(st));
	return pgb_exec(st, "BEGIN; SELECT pg_advisory_xact_lock(" LOCK_MIGRATION ")",
			"begin the migration", err);
}

static int pq_apply_migration(struct store *st, int version, const char *applied_at,
			      struct err *err)
{
	char sql[128];

	_Static_assert((int)PG_MIGRATION_COUNT == (int)SCHEMA_VERSION,
		       "one PostgreSQL migration per schema version");
	if (pgb_exec(st, pg_migrations[version - 1], "apply a schema migration", err) < 0)
		return -1;
	(void)snprintf(sql, sizeof sql,
		       "INSERT INTO schema_version(version, applied_at) VALUES (%d, '%s')", version,
		       applied_at);
	return pgb_exec(st, sql, "record the schema version", err);
}

/* Writes run at READ COMMITTED: every write is an insert or an atomic
 * upsert, so concurrent imports need not see each other's rows to be
 * right, and do not fail on each other as they would at a stricter level
 * (docs/deployment.md, "Concurrency"). Reads see one snapshot. */
static int pq_begin(struct store *st, int write, struct err *err)
{
	bulk_forget(pgb_conn_of(st));
	return pgb_exec(st, write ? "BEGIN ISOLATION LEVEL READ COMMITTED;"
				   " SELECT pg_advisory_xact_lock_shared(" LOCK_SETTINGS ")"
				 : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
			"begin a transaction", err);
}

static int pq_data_generation(struct store *st, int64_t *n, struct err *err)
{
	*n = -1;
	if (pgb_run_done(st, Q_DATA_GENERATION, NULL, "read the data generation", n, err) < 0)
		return -1;
	return *n >= 0 ? 0 : err_set(err, EX_DATAERR, "the data generation is missing");
}

static int pq_advance_generation(struct store *st, struct err *err)
{
	return pgb_run_done(st, Q_ADVANCE_GENERATION, NULL, "advance the data generation", NULL, err);
}

static int pq_commit(struct store *st, struct err *err)
{
	struct conn *c = pgb_conn_of(st);
	PGresult *r;
	int rc = 0;

	/* A bulk load dropped the index and the foreign keys: built again
	 * by sorting, checked by one join each. */
	if (c->bulk_restore.len > 0 &&
	    pgb_exec(st, buf_str(&c->bulk_restore), "rebuild the evidence index and check its references",
		     err) < 0)
		return -1;
	if (pgb_copy_close(st, err) < 0)
		return -1;
	bulk_forget(c);
	r = PQexec(pgb_pg(st), "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = pg_conn_commit_error(&pgb_conn_of(st)->link, r, err);
	else if (strcmp(PQcmdStatus(r), "ROLLBACK") == 0)
		rc = err_set(err, EX_SOFTWARE, "%s rolled the transaction back", st->describe);
	PQclear(r);
	return rc;
}

static void pq_rollback(struct store *st)
{
	struct conn *c = pgb_conn_of(st);

	if (c->copy_open) {
		c->copy_open = false;
		(void)pgb_copy_end(st, "rolled back", "roll back", NULL);
	}
	bulk_forget(c);
	(void)pgb_exec(st, "ROLLBACK", "roll back", NULL);
}

const struct backend backend_pg = {
	.name = "postgresql",
	.open = pq_open,
	.close = pq_close,
	.schema_version = pq_schema_version,
	.begin_migration = pq_begin_migration,
	.apply_migration = pq_apply_migration,
	.begin = pq_begin,
	.commit = pq_commit,
	.data_generation = pq_data_generation,
	.advance_generation = pq_advance_generation,
	.rollback = pq_rollback,
	.each_key = pq_each_key,
	.count = pq_count,
	.person_id_max = pq_person_id_max,
	.lock_tree = pq_lock_tree,
	.put_team = pq_put_team,
	.put_person = pq_put_person,
	.put_competency = pq_put_competency,
	.put_role = pq_put_role,
	.replace_indicators = pq_replace_indicators,
	.put_requirement = pq_put_requirement,
	.log_import = pq_log_import,
	.log_import_rows = pq_log_import_rows,
	.append_evidence = pq_append_evidence,
	.retract_evidence = pq_retract_evidence,
	.each_team = pq_each_team,
	.each_person = pq_each_person,
	.each_competency = pq_each_competency,
	.each_indicator = pq_each_indicator,
	.each_requirement = pq_each_requirement,
	.each_evidence = pq_each_evidence,
	.each_setting = pq_each_setting,
	.put_setting = pq_put_setting,
	.add_sums = pq_add_sums,
	.stored_histories = pq_stored_histories,
	.rebuild_sums = pq_rebuild_sums,
	.each_member = pq_each_member,
	.each_role_requirement = pq_each_role_requirement,
	.get_sums = pq_get_sums,
	.each_sums = pq_each_sums,
	.newest_evidence = pq_newest_evidence,
	.note_newest = pq_note_newest,
	.each_candidate = pq_each_candidate,
	.member_by_id = pq_member_by_id,
	.each_row = pq_each_row,
	.put_rows = pq_put_rows,
	.count_rows = pq_count_rows,
	.clear_tables = pq_clear_tables,
	.copy_finish = pq_copy_finish,
	.page_teams = pq_page_teams,
	.page_people = pq_page_people,
	.page_competencies = pq_page_competencies,
	.page_roles = pq_page_roles,
	.refs = pq_refs,
	.delete_row = pq_delete_row,
	.clear_requirements = pq_clear_requirements,
	.page_evidence = pq_page_evidence,
	.evidence_by_id = pq_evidence_by_id,
	.acct_run = pq_acct_run,
	.privacy_run = pq_privacy_run,
	.texts_run = pq_texts_run,
	.qa_run = pq_qa_run,
	.coach_run = pq_coach_run,
	.al_run = pq_al_run,
	.plan_run = pq_plan_run,
	.okr_run = pq_okr_run,
};
