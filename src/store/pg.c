/* The PostgreSQL backend, through libpq: statements prepared once per
 * connection, results in binary (no number is ever printed and parsed on
 * the way out), evidence loaded with COPY and running sums added with one
 * statement per few thousand pairs. docs/deployment.md says how to run
 * it; pg_conn.c opens connections and words their failures. */
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "store/backend.h"
#include "store/sql_shared.h"
#include "store/pg_conn.h"
#include "store/schema_pg.h"
#include "util/buf.h"
#include "util/dtoa.h"

enum {
	MAX_PARAMS = 12,
	BULK_MIN_ROWS = 100000,      /* see bulk_check */
	BUF_MAX = 1 << 30,           /* the most any statement or COPY piece may take */
	FETCH_ROWS = 20000,          /* rows per FETCH from a cursor */
	COPY_FLUSH_BYTES = 1 << 16   /* COPY data sent in pieces of about this */
};

/* Advisory lock keys (docs/deployment.md): migrations take the first
 * exclusively; write transactions take the second shared, and changing a
 * setting that the running sums depend on takes it exclusively, so that
 * no import adds sums made with the old setting after the rebuild. */
#define LOCK_MIGRATION "7306916122734379313"   /* "compgap1" as an int8 */
#define LOCK_SETTINGS "7306916122734379314"    /* "compgap2" */

enum stmt_id {
	Q_VERSION,
	Q_KEYS_TEAM, Q_KEYS_PERSON, Q_KEYS_COMPETENCY, Q_KEYS_ROLE,
	Q_COUNT_TEAM, Q_COUNT_PERSON, Q_COUNT_COMPETENCY, Q_COUNT_ROLE, Q_COUNT_EVIDENCE,
	Q_PUT_TEAM, Q_PUT_PERSON, Q_PUT_COMPETENCY, Q_PUT_ROLE,
	Q_DELETE_INDICATORS, Q_INSERT_INDICATOR, Q_PUT_REQUIREMENT,
	Q_LOG_IMPORT, Q_LOG_IMPORT_ROWS, Q_EVIDENCE_STATE, Q_RETRACT,
	Q_TEAMS, Q_TEAM_BY_KEY, Q_PEOPLE, Q_PERSON_BY_KEY,
	Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, Q_INDICATORS, Q_INDICATORS_OF,
	Q_REQUIREMENTS, Q_REQUIREMENTS_OF,
	Q_SETTINGS, Q_PUT_SETTING, Q_ADD_SUMS, Q_PUT_SUMS, Q_LOCK_SUMS, Q_PAIR_ROWS,
	Q_PAIR_OF_EVIDENCE, Q_DELETE_SUMS,
	Q_TEAM_ID, Q_SNAPSHOT_TEAM_MEMBERS, Q_SNAPSHOT_PERSON_MEMBER, Q_ROLE_REQUIREMENTS,
	Q_PAIR_SUMS, Q_PAIR_ROWS_AS_OF, Q_CANDIDATES_BEST, Q_CANDIDATES_TEAM,
	Q_CANDIDATES_ALL, Q_NEWEST, Q_NOTE_NEWEST,
	Q_COUNT_OF_STATEMENTS
};

/* Queries whose results can be large are read through a cursor instead
 * (they are not prepared, and take their parameters at DECLARE). */
static const char *const evidence_sql[4] = {
	EVIDENCE_COLUMNS " ORDER BY e.id",
	EVIDENCE_COLUMNS " AND p.key = $1 ORDER BY e.id",
	EVIDENCE_COLUMNS " AND c.key = $1 ORDER BY e.id",
	EVIDENCE_COLUMNS " AND p.key = $1 AND c.key = $2 ORDER BY e.id",
};
static const char all_sums_sql[] =
	"SELECT person_id, competency_id, " SUM_COLUMNS " FROM evidence_sum";
static const char all_rows_by_pair_sql[] =
	"SELECT e.person_id, e.competency_id, e.level, e.source, e.date FROM evidence e"
	" WHERE " IN_FORCE " ORDER BY e.person_id, e.competency_id";

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
	/* Arrays of the pairs' columns, in the order given (the lock order). */
	[Q_ADD_SUMS] =
		"INSERT INTO evidence_sum AS o (person_id, competency_id, " SUM_COLUMNS ")"
		" SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::bigint[],"
		" $4::float8[], $5::float8[], $6::bigint[], $7::float8[], $8::float8[], $9::integer[])"
		" ON CONFLICT (competency_id, person_id) DO UPDATE SET"
		" n_self = o.n_self + excluded.n_self, w_self = o.w_self + excluded.w_self,"
		" wl_self = o.wl_self + excluded.wl_self, n_other = o.n_other + excluded.n_other,"
		" w_other = o.w_other + excluded.w_other, wl_other = o.wl_other + excluded.wl_other,"
		" max_date = greatest(o.max_date, excluded.max_date)",
	[Q_PUT_SUMS] =
		"INSERT INTO evidence_sum(person_id, competency_id, " SUM_COLUMNS ")"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
		" ON CONFLICT (competency_id, person_id) DO UPDATE SET"
		" n_self = excluded.n_self, w_self = excluded.w_self, wl_self = excluded.wl_self,"
		" n_other = excluded.n_other, w_other = excluded.w_other,"
		" wl_other = excluded.wl_other, max_date = excluded.max_date",
	[Q_LOCK_SUMS] =
		"SELECT 1 FROM evidence_sum WHERE person_id = $1 AND competency_id = $2 FOR UPDATE",
	[Q_DELETE_SUMS] = "DELETE FROM evidence_sum WHERE person_id = $1 AND competency_id = $2",
	[Q_PAIR_ROWS] =
		"SELECT e.level, e.source, e.date FROM evidence e"
		" WHERE e.person_id = $1 AND e.competency_id = $2 AND " IN_FORCE,
	[Q_PAIR_ROWS_AS_OF] =
		"SELECT e.level, e.source, e.date FROM evidence e"
		" WHERE e.person_id = $1 AND e.competency_id = $2 AND e.date <= $3 AND " IN_FORCE,
	[Q_PAIR_OF_EVIDENCE] = "SELECT person_id, competency_id FROM evidence WHERE id = $1",
	[Q_TEAM_ID] = "SELECT id FROM team WHERE key = $1",
	[Q_SNAPSHOT_TEAM_MEMBERS] =
		SUBTREE_OF("SELECT $1::bigint") MEMBER_COLUMNS
		" WHERE p.active = 1 AND p.team_id IN (SELECT id FROM sub) ORDER BY p.key",
	[Q_SNAPSHOT_PERSON_MEMBER] = MEMBER_COLUMNS " WHERE p.key = $1",
	[Q_ROLE_REQUIREMENTS] =
		"SELECT q.role_id, q.competency_id, c.key, q.required_level, q.weight"
		" FROM requirement q JOIN competency c ON c.id = q.competency_id"
		" ORDER BY q.role_id, q.id",
	[Q_PAIR_SUMS] =
		"SELECT " SUM_COLUMNS " FROM evidence_sum WHERE competency_id = $1 AND person_id = $2",
/* The expression of the level index (schema_pg.c), so that it is used. */
#define LEVEL "(s.wl_self + s.wl_other) / nullif(s.w_self + s.w_other, 0)"
#define HOLDERS \
	" FROM competency c JOIN evidence_sum s ON s.competency_id = c.id" \
	" JOIN person p ON p.id = s.person_id LEFT JOIN team t ON t.id = p.team_id"
/* $2 minimum level, $3 the factor of as_of, $4 minimum evidence weight */
#define PASSES LEVEL " >= $2::float8 AND (s.w_self + s.w_other) * $3::float8 >= $4::float8"
	/* $1 competency key; best first */
	[Q_CANDIDATES_BEST] =
		CANDIDATE_COLUMNS HOLDERS " WHERE c.key = $1 AND " PASSES " AND p.active = 1"
		" ORDER BY " LEVEL " DESC",
	/* $1 competency key, $2 team key */
	[Q_CANDIDATES_TEAM] =
		SUBTREE_OF("SELECT id FROM team WHERE key = $2")
		CANDIDATE_COLUMNS HOLDERS
		" WHERE c.key = $1 AND p.active = 1 AND p.team_id IN (SELECT id FROM sub)",
	/* as BEST, $5 as_of, unordered, with the sums newer than as_of */
	[Q_CANDIDATES_ALL] =
		CANDIDATE_COLUMNS HOLDERS " WHERE c.key = $1 AND p.active = 1"
		" AND (s.max_date > $5::integer OR (" PASSES "))",
	[Q_NEWEST] = "SELECT date FROM evidence_newest",
	[Q_NOTE_NEWEST] = "UPDATE evidence_newest SET date = $1 WHERE date < $1",
};

struct conn {
	struct pg_conn link;              /* the connection and its description */
	bool prepared[Q_COUNT_OF_STATEMENTS];
	struct buf copy;                  /* COPY data being put together */
	bool copy_open;                   /* a COPY of evidence waits for more rows */
	int64_t tx_evidence;              /* evidence rows appended in this transaction */
	int64_t evidence_before;          /* rows in force when it began; -1: not counted */
	struct buf bulk_restore;          /* SQL that restores what a bulk load dropped;
					   * empty when none was dropped */
};

static struct conn *conn_of(struct store *st)
{
	return st->conn;
}

static PGconn *pg_of(struct store *st)
{
	return conn_of(st)->link.pg;
}

/* ---- parameters and columns --------------------------------------------- */

/* Statement parameters, all sent as text (NULL: SQL NULL). */
struct params {
	int n;
	const char *values[MAX_PARAMS];
	char text[MAX_PARAMS][DTOA_MAX];
};

static void param_text(struct params *p, const char *v)
{
	p->values[p->n++] = v;
}

static void param_int(struct params *p, int64_t v)
{
	(void)snprintf(p->text[p->n], sizeof p->text[p->n], "%lld", (long long)v);
	p->values[p->n] = p->text[p->n];
	p->n++;
}

/* Doubles go as their shortest exact decimal form, which PostgreSQL reads
 * back as the same double. */
static void param_real(struct params *p, double v)
{
	if (dtoa_shortest(v, p->text[p->n]) < 0)
		(void)snprintf(p->text[p->n], sizeof p->text[p->n], "NaN");
	p->values[p->n] = p->text[p->n];
	p->n++;
}

static void param_bool(struct params *p, int v)
{
	param_text(p, v ? "true" : "false");
}

static int col_null(const PGresult *r, int row, int col)
{
	return PQgetisnull(r, row, col);
}

/* An integer column in binary: int2, int4 or int8, big-endian. */
static int64_t col_int(const PGresult *r, int row, int col)
{
	const unsigned char *v = (const unsigned char *)PQgetvalue(r, row, col);
	int len = PQgetlength(r, row, col);
	uint64_t x = 0;

	if (col_null(r, row, col) || len <= 0 || len > 8)
		return 0;
	for (int i = 0; i < len; i++)
		x = x << 8 | v[i];
	if (len < 8 && (v[0] & 0x80))
		x |= ~UINT64_C(0) << (8 * len);
	return (int64_t)x;
}

/* A float8 column in binary: the IEEE bits, big-endian. */
static double col_real(const PGresult *r, int row, int col)
{
	uint64_t bits = (uint64_t)col_int(r, row, col);
	double d;

	if (PQgetlength(r, row, col) != 8)
		return 0.0;
	memcpy(&d, &bits, sizeof d);
	return d;
}

/* A text column: binary text is the bytes, and libpq ends every value
 * with a zero byte. */
static const char *col_text(const PGresult *r, int row, int col)
{
	return col_null(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

/* ---- running statements -------------------------------------------------- */

static int pg_error(struct store *st, const PGresult *r, const char *doing, struct err *err)
{
	return pg_conn_error(&conn_of(st)->link, r, doing, err);
}

static int copy_close(struct store *st, struct err *err);

/* Runs plain SQL (no parameters, text results, several statements). */
static int exec(struct store *st, const char *sql, const char *doing, struct err *err)
{
	PGresult *r;
	ExecStatusType s;
	int rc = 0;

	if (copy_close(st, err) < 0)
		return -1;
	r = PQexec(pg_of(st), sql);
	s = PQresultStatus(r);

	if (s != PGRES_COMMAND_OK && s != PGRES_TUPLES_OK)
		rc = pg_error(st, r, doing, err);
	PQclear(r);
	return rc;
}

/* Runs a prepared statement with binary results; NULL on failure (err
 * set). The caller clears the result. */
static PGresult *run(struct store *st, enum stmt_id id, const struct params *p,
		     const char *doing, struct err *err)
{
	struct conn *c = conn_of(st);
	char name[16];
	PGresult *r;
	ExecStatusType s;

	if (copy_close(st, err) < 0)
		return NULL;
	(void)snprintf(name, sizeof name, "q%d", (int)id);
	if (!c->prepared[id]) {
		r = PQprepare(c->link.pg, name, sql_text[id], 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			pg_error(st, r, doing, err);
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
	pg_error(st, r, doing, err);
	PQclear(r);
	return NULL;
}

/* Runs a statement for its effect; *id gets the first column of the
 * first row when id is not NULL and there is one. */
static int run_done(struct store *st, enum stmt_id id, const struct params *p,
		    const char *doing, int64_t *out, struct err *err)
{
	PGresult *r = run(st, id, p, doing, err);

	if (r == NULL)
		return -1;
	if (out != NULL && PQntuples(r) > 0)
		*out = col_int(r, 0, 0);
	PQclear(r);
	return 0;
}

/* Calls row(r, i, arg) for each row of a prepared statement's result. */
static int run_rows(struct store *st, enum stmt_id id, const struct params *p,
		    int (*row)(const PGresult *r, int i, void *arg), void *arg,
		    const char *doing, struct err *err)
{
	PGresult *r = run(st, id, p, doing, err);
	int stop = 0;

	if (r == NULL)
		return -1;
	for (int i = 0; stop == 0 && i < PQntuples(r); i++)
		stop = row(r, i, arg);
	PQclear(r);
	return stop;
}

/* Reads a large result through a cursor, FETCH_ROWS at a time, so that
 * memory stays bounded; inside a transaction of its own when none is
 * open. */
static int cursor_rows(struct store *st, const char *sql, const struct params *p,
		       int (*row)(const PGresult *r, int i, void *arg), void *arg,
		       const char *doing, struct err *err)
{
	struct conn *c = conn_of(st);
	bool own = PQtransactionStatus(c->link.pg) == PQTRANS_IDLE;
	struct buf declare;
	PGresult *r;
	int stop = 0, rc = -1, n;
	char fetch[48];

	(void)snprintf(fetch, sizeof fetch, "FETCH %d FROM compgap_rows", FETCH_ROWS);
	if (copy_close(st, err) < 0)
		return -1;
	buf_init(&declare, BUF_MAX);
	if (buf_printf(&declare, "DECLARE compgap_rows NO SCROLL CURSOR FOR %s", sql) < 0)
		return err_set(err, EX_OSERR, "out of memory");
	if (own) {
		if (exec(st, "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY", doing, err) < 0) {
			buf_free(&declare);
			return -1;
		}
	}
	r = PQexecParams(c->link.pg, buf_str(&declare), p != NULL ? p->n : 0, NULL,
			 p != NULL ? p->values : NULL, NULL, NULL, 0);
	if (PQresultStatus(r) != PGRES_COMMAND_OK) {
		pg_error(st, r, doing, err);
		PQclear(r);
		goto out;
	}
	PQclear(r);
	do {
		r = PQexecParams(c->link.pg, fetch, 0, NULL, NULL, NULL, NULL, 1);
		if (PQresultStatus(r) != PGRES_TUPLES_OK) {
			pg_error(st, r, doing, err);
			PQclear(r);
			goto out;
		}
		n = PQntuples(r);
		for (int i = 0; stop == 0 && i < n; i++)
			stop = row(r, i, arg);
		PQclear(r);
	} while (stop == 0 && n == FETCH_ROWS);
	if (exec(st, "CLOSE compgap_rows", doing, err) < 0)
		goto out;
	rc = stop;
out:
	if (own) {
		if (rc < 0)
			(void)exec(st, "ROLLBACK", doing, NULL);
		else if (exec(st, "COMMIT", doing, err) < 0)
			rc = -1;
	}
	buf_free(&declare);
	return rc;
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
		if (exec(st, sql, "set the lock timeout", err) < 0) {
			pq_close(st);
			return -1;
		}
		c->link.lock_timeout_ms = st->busy_ms;
	}
	return 0;
}

static void pq_close(struct store *st)
{
	struct conn *c = conn_of(st);

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

	if (copy_close(st, err) < 0)
		return -1;
	r = PQexecParams(pg_of(st),
				   "SELECT count(*), count(*) FILTER (WHERE tablename = 'schema_version')"
				   " FROM pg_tables WHERE schemaname = current_schema()",
				   0, NULL, NULL, NULL, NULL, 1);

	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_error(st, r, "read the schema", err);
		PQclear(r);
		return -1;
	}
	*tables = col_int(r, 0, 0);
	*ours = col_int(r, 0, 1);
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
	if (ours > 0 && run_done(st, Q_VERSION, NULL, "read the schema version", &v, err) < 0)
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
	bulk_forget(conn_of(st));
	return exec(st, "BEGIN; SELECT pg_advisory_xact_lock(" LOCK_MIGRATION ")",
		    "begin the migration", err);
}

static int pq_apply_migration(struct store *st, int version, const char *applied_at,
			      struct err *err)
{
	char sql[128];

	_Static_assert((int)PG_MIGRATION_COUNT == (int)SCHEMA_VERSION,
		       "one PostgreSQL migration per schema version");
	if (exec(st, pg_migrations[version - 1], "apply a schema migration", err) < 0)
		return -1;
	(void)snprintf(sql, sizeof sql,
		       "INSERT INTO schema_version(version, applied_at) VALUES (%d, '%s')", version,
		       applied_at);
	return exec(st, sql, "record the schema version", err);
}

/* Writes run at READ COMMITTED: every write is an insert or an atomic
 * upsert, so concurrent imports need not see each other's rows to be
 * right, and do not fail on each other as they would at a stricter level
 * (docs/deployment.md, "Concurrency"). Reads see one snapshot. */
static int pq_begin(struct store *st, int write, struct err *err)
{
	bulk_forget(conn_of(st));
	return exec(st, write ? "BEGIN ISOLATION LEVEL READ COMMITTED;"
			       " SELECT pg_advisory_xact_lock_shared(" LOCK_SETTINGS ")"
			     : "BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY",
		    "begin a transaction", err);
}

static int pq_commit(struct store *st, struct err *err)
{
	struct conn *c = conn_of(st);
	PGresult *r;
	int rc = 0;

	/* A bulk load dropped the index and the foreign keys: built again
	 * by sorting, checked by one join each. */
	if (c->bulk_restore.len > 0 &&
	    exec(st, buf_str(&c->bulk_restore), "rebuild the evidence index and check its references",
		 err) < 0)
		return -1;
	if (copy_close(st, err) < 0)
		return -1;
	bulk_forget(c);
	r = PQexec(pg_of(st), "COMMIT");
	if (PQresultStatus(r) != PGRES_COMMAND_OK)
		rc = pg_conn_commit_error(&conn_of(st)->link, r, err);
	else if (strcmp(PQcmdStatus(r), "ROLLBACK") == 0)
		rc = err_set(err, EX_SOFTWARE, "%s rolled the transaction back", st->describe);
	PQclear(r);
	return rc;
}

static int copy_end(struct store *st, const char *abort_reason, const char *doing,
		    struct err *err);

static void pq_rollback(struct store *st)
{
	struct conn *c = conn_of(st);

	if (c->copy_open) {
		c->copy_open = false;
		(void)copy_end(st, "rolled back", "roll back", NULL);
	}
	bulk_forget(c);
	(void)exec(st, "ROLLBACK", "roll back", NULL);
}

/* ---- keys, counts and upserts -------------------------------------------- */

struct key_cb {
	int (*cb)(void *ctx, const char *key, int64_t id);
	void *ctx;
};

static int key_row(const PGresult *r, int i, void *arg)
{
	struct key_cb *k = arg;

	return k->cb(k->ctx, col_text(r, i, 0), col_int(r, i, 1));
}

static int pq_each_key(struct store *st, enum entity kind,
		       int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
		       struct err *err)
{
	static const enum stmt_id q[ENTITY_KEYED] = {
		Q_KEYS_TEAM, Q_KEYS_PERSON, Q_KEYS_COMPETENCY, Q_KEYS_ROLE
	};
	struct key_cb k = { cb, ctx };

	return run_rows(st, q[kind], NULL, key_row, &k, "read keys", err);
}

static int pq_count(struct store *st, enum entity kind, int64_t *n, struct err *err)
{
	static const enum stmt_id q[] = {
		Q_COUNT_TEAM, Q_COUNT_PERSON, Q_COUNT_COMPETENCY, Q_COUNT_ROLE, Q_COUNT_EVIDENCE
	};

	*n = 0;
	return run_done(st, q[kind], NULL, "count rows", n, err);
}

/* Conflicts with itself and with every writer of the table, not with
 * readers; the statements after it see what those writers committed. */
static int pq_lock_tree(struct store *st, enum entity kind, struct err *err)
{
	return exec(st, kind == ENTITY_TEAM ? "LOCK TABLE team IN SHARE ROW EXCLUSIVE MODE"
					    : "LOCK TABLE person IN SHARE ROW EXCLUSIVE MODE",
		    "lock the tree", err);
}

static int pq_put_team(struct store *st, const struct team *t, int64_t *id, struct err *err)
{
	struct params p = { 0 };

	param_text(&p, t->key);
	param_text(&p, t->name);
	param_text(&p, t->parent);
	param_bool(&p, (t->keep & KEEP_PARENT) != 0);
	return run_done(st, Q_PUT_TEAM, &p, "store a team", id, err);
}

static int pq_put_person(struct store *st, const struct person *r, int64_t *id, struct err *err)
{
	struct params p = { 0 };

	param_text(&p, r->key);
	param_text(&p, r->name);
	param_text(&p, r->email);
	param_text(&p, r->team);
	param_text(&p, r->role);
	param_text(&p, r->manager);
	param_int(&p, r->active ? 1 : 0);
	param_bool(&p, (r->keep & KEEP_EMAIL) != 0);
	param_bool(&p, (r->keep & KEEP_TEAM) != 0);
	param_bool(&p, (r->keep & KEEP_ROLE) != 0);
	param_bool(&p, (r->keep & KEEP_MANAGER) != 0);
	param_bool(&p, (r->keep & KEEP_ACTIVE) != 0);
	return run_done(st, Q_PUT_PERSON, &p, "store a person", id, err);
}

static int pq_put_competency(struct store *st, const struct competency *k, int64_t *id,
			     struct err *err)
{
	struct params p = { 0 };

	param_text(&p, k->key);
	param_text(&p, k->name);
	param_text(&p, k->category);
	param_text(&p, k->description);
	param_text(&p, k->developability == DEV_UNSET ? NULL : developability_name(k->developability));
	param_bool(&p, (k->keep & KEEP_CATEGORY) != 0);
	param_bool(&p, (k->keep & KEEP_DESCRIPTION) != 0);
	param_bool(&p, (k->keep & KEEP_DEVELOPABILITY) != 0);
	return run_done(st, Q_PUT_COMPETENCY, &p, "store a competency", id, err);
}

static int pq_put_role(struct store *st, const char *key, int64_t *id, struct err *err)
{
	struct params p = { 0 };

	param_text(&p, key);
	return run_done(st, Q_PUT_ROLE, &p, "store a role", id, err);
}

static int pq_replace_indicators(struct store *st, int64_t competency_id,
				 const struct indicator *items, size_t n, struct err *err)
{
	struct params p = { 0 };

	param_int(&p, competency_id);
	if (run_done(st, Q_DELETE_INDICATORS, &p, "replace indicators", NULL, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		p.n = 1;
		param_int(&p, items[i].level);
		param_text(&p, items[i].text);
		if (run_done(st, Q_INSERT_INDICATOR, &p, "store an indicator", NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int pq_put_requirement(struct store *st, int64_t role_id, int64_t competency_id,
			      const struct requirement *r, struct err *err)
{
	struct params p = { 0 };

	param_int(&p, role_id);
	param_int(&p, competency_id);
	param_int(&p, r->required_level);
	param_int(&p, r->weight);
	param_bool(&p, (r->keep & KEEP_WEIGHT) != 0);
	return run_done(st, Q_PUT_REQUIREMENT, &p, "store a role requirement", NULL, err);
}

static int pq_log_import(struct store *st, const char *kind, const char *source_name,
			 int64_t *batch, struct err *err)
{
	struct params p = { 0 };
	char now[32];

	store_now_utc(now);
	param_text(&p, kind);
	param_text(&p, source_name);
	param_text(&p, now);
	return run_done(st, Q_LOG_IMPORT, &p, "log the import", batch, err);
}

static int pq_log_import_rows(struct store *st, int64_t batch, int64_t rows, struct err *err)
{
	struct params p = { 0 };

	param_int(&p, batch);
	param_int(&p, rows);
	return run_done(st, Q_LOG_IMPORT_ROWS, &p, "log the import", NULL, err);
}

/* ---- evidence: COPY in, running sums ------------------------------------- */

/* Appends s to COPY's text format, escaping what the format reserves. */
static int copy_text(struct buf *b, const char *s)
{
	if (s == NULL)
		return buf_adds(b, "\\N");
	while (*s != '\0') {
		size_t plain = strcspn(s, "\\\t\n\r");
		const char *esc = NULL;

		if (buf_add(b, s, plain) < 0)
			return -1;
		s += plain;
		switch (*s) {
		case '\\': esc = "\\\\"; break;
		case '\t': esc = "\\t"; break;
		case '\n': esc = "\\n"; break;
		case '\r': esc = "\\r"; break;
		default: return 0;
		}
		if (buf_adds(b, esc) < 0)
			return -1;
		s++;
	}
	return 0;
}

static int copy_send(struct store *st, struct buf *b, struct err *err)
{
	if (b->len > 0 && PQputCopyData(pg_of(st), b->data, (int)b->len) != 1)
		return pg_error(st, NULL, "send evidence", err);
	buf_reset(b);
	return 0;
}

/* Ends a COPY: the server's verdict on all the rows sent. */
static int copy_end(struct store *st, const char *abort_reason, const char *doing,
		    struct err *err)
{
	PGresult *r;
	int rc = 0;

	if (PQputCopyEnd(pg_of(st), abort_reason) != 1)
		return pg_error(st, NULL, doing, err);
	while ((r = PQgetResult(pg_of(st))) != NULL) {
		if (PQresultStatus(r) != PGRES_COMMAND_OK && rc == 0 && abort_reason == NULL)
			rc = pg_error(st, r, doing, err);
		PQclear(r);
	}
	return rc;
}

static int copy_begin(struct store *st, const char *sql, const char *doing, struct err *err)
{
	PGresult *r;
	int rc = 0;

	if (copy_close(st, err) < 0)
		return -1;
	r = PQexec(pg_of(st), sql);

	if (PQresultStatus(r) != PGRES_COPY_IN)
		rc = pg_error(st, r, doing, err);
	PQclear(r);
	return rc;
}

static int evidence_line(struct store *st, struct buf *b, const struct evidence *e,
			 const int64_t *ids)
{
	char level[DTOA_MAX];

	(void)dtoa_shortest(e->level, level);
	if (buf_printf(b, "%lld\t%lld\t%s\t%d\t%s\t%d\t", (long long)ids[0], (long long)ids[1],
		       level, e->level_decimals, source_name(e->source), (int)e->date) < 0)
		return -1;
	if ((ids[2] != 0 ? buf_printf(b, "%lld\t", (long long)ids[2]) : buf_adds(b, "\\N\t")) < 0 ||
	    copy_text(b, e->note) < 0)
		return -1;
	if (st->batch != 0)
		return buf_printf(b, "\t%lld\n", (long long)st->batch);
	return buf_adds(b, "\t\\N\n");
}

static int pq_count(struct store *st, enum entity kind, int64_t *n, struct err *err);

/* A large load is several times faster without the evidence index and
 * its foreign keys, put back at commit (as pg_restore does): a B-tree
 * built by sorting, and each reference checked by one join, instead of an
 * index insert and three lookups that lock the person per row. As in
 * SQLite (sqlite.c, bulk_check), this starts once the transaction has
 * appended BULK_MIN_ROWS rows and at least a third as many as were there
 * before. The evidence table is then the transaction's alone until it
 * ends (docs/deployment.md); all of it is DDL inside the transaction, so
 * a rollback puts everything back. */
static int bulk_check(struct store *st, struct err *err)
{
	static const char plan[] =
		"SELECT coalesce(string_agg(format('ALTER TABLE evidence DROP CONSTRAINT %I;', conname), ' '), ''),"
		" coalesce(string_agg(format('ALTER TABLE evidence ADD CONSTRAINT %I %s;', conname,"
		"   pg_get_constraintdef(oid)), ' '), ''),"
		" (SELECT coalesce(pg_get_indexdef(to_regclass('evidence_person_competency')), ''))"
		" FROM pg_constraint WHERE conrelid = 'evidence'::regclass AND contype = 'f'";
	struct conn *c = conn_of(st);
	struct buf drop;
	PGresult *r;
	int64_t total = 0;
	int rc;

	if (c->bulk_restore.len > 0 || c->tx_evidence < BULK_MIN_ROWS)
		return 0;
	if (c->evidence_before < 0) {
		if (pq_count(st, ENTITY_EVIDENCE, &total, err) < 0)
			return -1;
		c->evidence_before = total - c->tx_evidence;
	}
	if (c->tx_evidence * 3 < c->evidence_before + c->tx_evidence)
		return 0;
	if (copy_close(st, err) < 0)
		return -1;
	r = PQexec(pg_of(st), plan);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_error(st, r, "prepare a bulk load", err);
		PQclear(r);
		return -1;
	}
	buf_init(&drop, BUF_MAX);
	rc = buf_adds(&drop, PQgetvalue(r, 0, 0));
	if (rc == 0 && *PQgetvalue(r, 0, 2) != '\0')
		rc = buf_adds(&drop, " DROP INDEX evidence_person_competency;");
	if (rc == 0 && *PQgetvalue(r, 0, 2) != '\0')
		rc = buf_printf(&c->bulk_restore, "%s;", PQgetvalue(r, 0, 2));
	if (rc == 0)
		rc = buf_adds(&c->bulk_restore, PQgetvalue(r, 0, 1));
	PQclear(r);
	if (rc < 0) {
		buf_free(&drop);
		return err_set(err, EX_OSERR, "out of memory");
	}
	rc = drop.len > 0 ? exec(st, buf_str(&drop), "prepare a bulk load", err) : 0;
	buf_free(&drop);
	return rc;
}

static int pq_append_evidence(struct store *st, const struct evidence *rows,
			      const int64_t *ids, size_t n, struct err *err)
{
	struct conn *c = conn_of(st);
	struct buf *b = &c->copy;

	if (!c->copy_open) {
		if (copy_begin(st, "COPY evidence(person_id, competency_id, level, level_decimals,"
			       " source, date, assessor_id, note, import_id) FROM STDIN",
			       "store evidence", err) < 0)
			return -1;
		c->copy_open = true;
	}
	buf_reset(b);
	for (size_t i = 0; i < n; i++) {
		if (evidence_line(st, b, &rows[i], &ids[3 * i]) < 0)
			return err_set(err, EX_OSERR, "out of memory");
		if (b->len >= COPY_FLUSH_BYTES && copy_send(st, b, err) < 0)
			return -1;
	}
	if (copy_send(st, b, err) < 0)
		return -1;
	c->tx_evidence += (int64_t)n;
	return bulk_check(st, err);
}

/* The COPY of evidence stays open from one append to the next, so that
 * the server stores rows while the next ones are read; any other
 * statement ends it first, and hears the server's verdict on the rows. */
static int copy_close(struct store *st, struct err *err)
{
	struct conn *c = conn_of(st);

	if (!c->copy_open)
		return 0;
	c->copy_open = false;
	return copy_end(st, NULL, "store evidence", err);
}

/* One array literal per column of the pairs, for Q_ADD_SUMS. */
static int sums_arrays(const struct pair_sums *pairs, size_t n, struct buf col[9])
{
	for (int k = 0; k < 9; k++) {
		buf_reset(&col[k]);
		if (buf_addc(&col[k], '{') < 0)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct evidence_sums *v = &pairs[i].sums;
		const double reals[4] = { v->w_self, v->wl_self, v->w_other, v->wl_other };
		static const int real_col[4] = { 3, 4, 6, 7 };
		const char *sep = i + 1 < n ? "," : "}";

		if (buf_printf(&col[0], "%lld%s", (long long)pairs[i].person_id, sep) < 0 ||
		    buf_printf(&col[1], "%lld%s", (long long)pairs[i].competency_id, sep) < 0 ||
		    buf_printf(&col[2], "%lld%s", (long long)v->n_self, sep) < 0 ||
		    buf_printf(&col[5], "%lld%s", (long long)v->n_other, sep) < 0 ||
		    buf_printf(&col[8], "%d%s", (int)v->max_date, sep) < 0)
			return -1;
		for (int k = 0; k < 4; k++) {
			char d[DTOA_MAX];

			(void)dtoa_shortest(reals[k], d);
			if (buf_printf(&col[real_col[k]], "%s%s", d, sep) < 0)
				return -1;
		}
	}
	return 0;
}

static int pq_add_sums(struct store *st, const struct pair_sums *pairs, size_t n,
		       struct err *err)
{
	struct buf col[9];
	struct params p = { 0 };
	int rc = -1;

	if (n == 0)
		return 0;
	for (int k = 0; k < 9; k++)
		buf_init(&col[k], BUF_MAX);
	if (sums_arrays(pairs, n, col) < 0) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	for (int k = 0; k < 9; k++)
		param_text(&p, buf_str(&col[k]));
	rc = run_done(st, Q_ADD_SUMS, &p, "store running sums", NULL, err);
out:
	for (int k = 0; k < 9; k++)
		buf_free(&col[k]);
	return rc;
}

static void add_row(const PGresult *r, int i, int first, const struct settings *set,
		    struct evidence_sums *sums)
{
	enum source src = SOURCE_SELF;

	(void)source_parse(col_text(r, i, first + 1), &src);
	sums_add(sums, set, src, col_real(r, i, first), (int32_t)col_int(r, i, first + 2));
}

struct pair_acc {
	const struct settings *set;
	struct evidence_sums v;
};

static int pair_row(const PGresult *r, int i, void *arg)
{
	struct pair_acc *a = arg;

	add_row(r, i, 0, a->set, &a->v);
	return 0;
}

/* Sums of one pair's rows in force dated on or before as_of (all rows
 * when as_of is INT32_MAX). */
static int pair_sums(struct store *st, int64_t person, int64_t competency, int32_t as_of,
		     struct evidence_sums *out, struct err *err)
{
	struct pair_acc a = { &st->settings, { 0 } };
	struct params p = { 0 };
	int rc;

	param_int(&p, person);
	param_int(&p, competency);
	if (as_of != INT32_MAX)
		param_int(&p, as_of);
	rc = run_rows(st, as_of == INT32_MAX ? Q_PAIR_ROWS : Q_PAIR_ROWS_AS_OF, &p, pair_row, &a,
		      "read evidence", err);
	*out = a.v;
	return rc;
}

static void sums_params(struct params *p, int64_t person, int64_t competency,
			const struct evidence_sums *v)
{
	param_int(p, person);
	param_int(p, competency);
	param_int(p, v->n_self);
	param_real(p, v->w_self);
	param_real(p, v->wl_self);
	param_int(p, v->n_other);
	param_real(p, v->w_other);
	param_real(p, v->wl_other);
	param_int(p, v->max_date);
}

/* Recomputes the sums of the pair that evidence row id belongs to. The
 * sums row is locked first: an import that adds to it waits until this
 * transaction ends and then adds on top, and one that committed before
 * the lock has its rows counted here, since each statement at READ
 * COMMITTED sees what was committed before it began. */
static int recompute_pair_of(struct store *st, int64_t id, struct err *err)
{
	struct params p = { 0 };
	struct evidence_sums v;
	PGresult *r;
	int64_t person, competency;

	param_int(&p, id);
	r = run(st, Q_PAIR_OF_EVIDENCE, &p, "read evidence", err);
	if (r == NULL)
		return -1;
	person = col_int(r, 0, 0);
	competency = col_int(r, 0, 1);
	PQclear(r);
	p.n = 0;
	param_int(&p, person);
	param_int(&p, competency);
	if (run_done(st, Q_LOCK_SUMS, &p, "lock running sums", NULL, err) < 0 ||
	    pair_sums(st, person, competency, INT32_MAX, &v, err) < 0)
		return -1;
	p.n = 0;
	if (v.n_self + v.n_other == 0) {
		param_int(&p, person);
		param_int(&p, competency);
		return run_done(st, Q_DELETE_SUMS, &p, "store running sums", NULL, err);
	}
	sums_params(&p, person, competency, &v);
	return run_done(st, Q_PUT_SUMS, &p, "store running sums", NULL, err);
}

static int pq_retract_evidence(struct store *st, int64_t id, const char *reason,
			       struct err *err)
{
	struct params p = { 0 };
	PGresult *r;
	int64_t retracted;
	char now[32];
	int rows;

	param_int(&p, id);
	r = run(st, Q_EVIDENCE_STATE, &p, "read evidence", err);
	if (r == NULL)
		return -1;
	rows = PQntuples(r);
	retracted = rows > 0 ? col_int(r, 0, 0) : 0;
	PQclear(r);
	if (rows == 0)
		return err_set(err, EX_DATAERR, "no evidence row %lld; 'compgap show person ID' lists the ids",
			       (long long)id);
	if (retracted)
		return err_set(err, EX_DATAERR, "evidence row %lld is retracted already", (long long)id);
	store_now_utc(now);
	param_text(&p, reason);
	param_text(&p, now);
	r = run(st, Q_RETRACT, &p, "retract evidence", err);
	if (r == NULL)
		return -1;
	rows = PQntuples(r);
	PQclear(r);
	if (rows == 0)
		return err_set(err, EX_DATAERR, "evidence row %lld is retracted already", (long long)id);
	return recompute_pair_of(st, id, err);
}

/* Every pair's rows in order, summed and written in batches. */
struct rebuild {
	struct store *st;
	struct err *err;
	struct pair_sums *pairs;     /* the batch; the last one is being summed */
	size_t n;
};

static int rebuild_flush(struct rebuild *b)
{
	int rc = pq_add_sums(b->st, b->pairs, b->n, b->err);

	b->n = 0;
	return rc < 0 ? -1 : 0;
}

static int rebuild_row(const PGresult *r, int i, void *arg)
{
	enum { BATCH = 8192 };
	struct rebuild *b = arg;
	int64_t person = col_int(r, i, 0), competency = col_int(r, i, 1);
	struct pair_sums *last = b->n > 0 ? &b->pairs[b->n - 1] : NULL;

	if (last == NULL || last->person_id != person || last->competency_id != competency) {
		/* The rows come by pair, so every pair in the batch is whole. */
		if (b->n == BATCH && rebuild_flush(b) < 0)
			return -1;
		if (b->pairs == NULL && (b->pairs = malloc(BATCH * sizeof *b->pairs)) == NULL) {
			err_set(b->err, EX_OSERR, "out of memory");
			return -1;
		}
		last = &b->pairs[b->n++];
		*last = (struct pair_sums){ person, competency, { 0 } };
	}
	add_row(r, i, 2, &b->st->settings, &last->sums);
	return 0;
}

static int pq_rebuild_sums(struct store *st, struct err *err)
{
	struct rebuild b = { st, err, NULL, 0 };
	int rc;

	if (exec(st, "DELETE FROM evidence_sum", "rebuild running sums", err) < 0)
		return -1;
	rc = cursor_rows(st, all_rows_by_pair_sql, NULL, rebuild_row, &b, "rebuild running sums", err);
	if (rc == 0 && b.n > 0)
		rc = rebuild_flush(&b);
	free(b.pairs);
	return rc != 0 ? -1 : 0;
}

/* ---- settings ------------------------------------------------------------- */

struct setting_cb {
	int (*cb)(void *ctx, const char *key, const char *value);
	void *ctx;
};

static int setting_row(const PGresult *r, int i, void *arg)
{
	struct setting_cb *s = arg;

	return s->cb(s->ctx, col_text(r, i, 0), col_text(r, i, 1));
}

static int pq_each_setting(struct store *st,
			   int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
			   struct err *err)
{
	struct setting_cb s = { cb, ctx };

	return run_rows(st, Q_SETTINGS, NULL, setting_row, &s, "read settings", err);
}

static int pq_put_setting(struct store *st, const char *key, const char *value, struct err *err)
{
	struct params p = { 0 };

	/* Waits for the imports under way, which hold this lock shared. */
	if (exec(st, "SELECT pg_advisory_xact_lock(" LOCK_SETTINGS ")", "change a setting", err) < 0)
		return -1;
	param_text(&p, key);
	param_text(&p, value);
	return run_done(st, Q_PUT_SETTING, &p, "store a setting", NULL, err);
}

/* ---- snapshots and mentors ------------------------------------------------ */

struct member_cb {
	int (*cb)(void *ctx, const struct member_row *m);
	void *ctx;
	int found;
};

static int member_row(const PGresult *r, int i, void *arg)
{
	struct member_cb *m = arg;
	struct member_row row = {
		.id = col_int(r, i, 0),
		.key = col_text(r, i, 1),
		.name = col_text(r, i, 2),
		.team = col_text(r, i, 3),
		.role = col_text(r, i, 4),
		.role_id = col_int(r, i, 5),
	};

	m->found = 1;
	return m->cb(m->ctx, &row);
}

static int pq_each_member(struct store *st, const struct snapshot_filter *f,
			  int (*cb)(void *ctx, const struct member_row *m), void *ctx,
			  struct err *err)
{
	struct member_cb m = { cb, ctx, 0 };
	struct params p = { 0 };
	int rc;

	if (f->team != NULL) {
		int64_t team_id = 0;

		param_text(&p, f->team);
		if (run_done(st, Q_TEAM_ID, &p, "read teams", &team_id, err) < 0)
			return -1;
		if (team_id == 0)
			return store_unknown_key(st, ENTITY_TEAM, f->team, err);
		p.n = 0;
		param_int(&p, team_id);
		return run_rows(st, Q_SNAPSHOT_TEAM_MEMBERS, &p, member_row, &m, "read people", err);
	}
	param_text(&p, f->person);
	rc = run_rows(st, Q_SNAPSHOT_PERSON_MEMBER, &p, member_row, &m, "read people", err);
	if (rc == 0 && !m.found)
		return store_unknown_key(st, ENTITY_PERSON, f->person, err);
	return rc;
}

struct requirement_cb {
	int (*cb)(void *ctx, const struct requirement_row *r);
	void *ctx;
};

static int role_requirement_row(const PGresult *r, int i, void *arg)
{
	struct requirement_cb *q = arg;
	struct requirement_row row = {
		.role_id = col_int(r, i, 0),
		.competency_id = col_int(r, i, 1),
		.competency = col_text(r, i, 2),
		.required_level = (int)col_int(r, i, 3),
		.weight = (int)col_int(r, i, 4),
	};

	return q->cb(q->ctx, &row);
}

static int pq_each_role_requirement(struct store *st,
				    int (*cb)(void *ctx, const struct requirement_row *r),
				    void *ctx, struct err *err)
{
	struct requirement_cb q = { cb, ctx };

	return run_rows(st, Q_ROLE_REQUIREMENTS, NULL, role_requirement_row, &q,
			"read requirements", err);
}

/* Reads sums columns from first on (NULL: no sums). */
static void col_sums(const PGresult *r, int i, int first, struct evidence_sums *out)
{
	memset(out, 0, sizeof *out);
	if (col_null(r, i, first))
		return;
	out->n_self = col_int(r, i, first);
	out->w_self = col_real(r, i, first + 1);
	out->wl_self = col_real(r, i, first + 2);
	out->n_other = col_int(r, i, first + 3);
	out->w_other = col_real(r, i, first + 4);
	out->wl_other = col_real(r, i, first + 5);
	out->max_date = (int32_t)col_int(r, i, first + 6);
}

static int pq_get_sums(struct store *st, int64_t person_id, int64_t competency_id,
		       struct evidence_sums *out, struct err *err)
{
	struct params p = { 0 };
	PGresult *r;

	memset(out, 0, sizeof *out);
	param_int(&p, competency_id);
	param_int(&p, person_id);
	r = run(st, Q_PAIR_SUMS, &p, "read running sums", err);
	if (r == NULL)
		return -1;
	if (PQntuples(r) > 0)
		col_sums(r, 0, 0, out);
	PQclear(r);
	return 0;
}

struct sums_cb {
	int (*cb)(void *ctx, int64_t person_id, int64_t competency_id,
		  const struct evidence_sums *s);
	void *ctx;
};

static int sums_row(const PGresult *r, int i, void *arg)
{
	struct sums_cb *s = arg;
	struct evidence_sums v;

	col_sums(r, i, 2, &v);
	return s->cb(s->ctx, col_int(r, i, 0), col_int(r, i, 1), &v);
}

static int pq_each_sums(struct store *st,
			int (*cb)(void *ctx, int64_t person_id, int64_t competency_id,
				  const struct evidence_sums *s),
			void *ctx, struct err *err)
{
	struct sums_cb s = { cb, ctx };

	return cursor_rows(st, all_sums_sql, NULL, sums_row, &s, "read running sums", err);
}

static int pq_sums_as_of(struct store *st, int64_t person_id, int64_t competency_id,
			 int32_t as_of, struct evidence_sums *out, struct err *err)
{
	return pair_sums(st, person_id, competency_id, as_of, out, err);
}

struct candidate_cb {
	int (*cb)(void *ctx, const struct candidate_row *c);
	void *ctx;
};

static int candidate_row(const PGresult *r, int i, void *arg)
{
	struct candidate_cb *k = arg;
	struct candidate_row c = {
		.competency = col_text(r, i, 0),
		.person = col_text(r, i, 1),
		.team = col_text(r, i, 2),
		.person_id = col_int(r, i, 10),
		.competency_id = col_int(r, i, 11),
	};

	col_sums(r, i, 3, &c.sums);
	return k->cb(k->ctx, &c);
}

static int pq_each_candidate(struct store *st, enum candidate_scope scope,
			     const struct candidate_ask *a,
			     int (*cb)(void *ctx, const struct candidate_row *c), void *ctx,
			     struct err *err)
{
	static const enum stmt_id stmt_of[] = {
		[CANDIDATES_BEST] = Q_CANDIDATES_BEST,
		[CANDIDATES_TEAM] = Q_CANDIDATES_TEAM,
		[CANDIDATES_ALL] = Q_CANDIDATES_ALL,
	};
	struct candidate_cb k = { cb, ctx };
	struct params p = { 0 };

	param_text(&p, a->competency);
	if (scope == CANDIDATES_TEAM) {
		param_text(&p, a->team);
	} else {
		param_real(&p, a->min_level);
		param_real(&p, estimate_scale(a->as_of, st->settings.half_life));
		param_real(&p, a->min_weight);
		if (scope == CANDIDATES_ALL)
			param_int(&p, a->as_of);
	}
	return run_rows(st, stmt_of[scope], &p, candidate_row, &k, "read running sums", err);
}

static int pq_newest_evidence(struct store *st, int32_t *date, struct err *err)
{
	int64_t d = 0;
	int rc = run_done(st, Q_NEWEST, NULL, "read evidence dates", &d, err);

	*date = (int32_t)d;
	return rc;
}

static int pq_note_newest(struct store *st, int32_t date, struct err *err)
{
	struct params p = { 0 };

	param_int(&p, date);
	return run_done(st, Q_NOTE_NEWEST, &p, "store the newest evidence date", NULL, err);
}

/* ---- iteration for export and listing --------------------------------------- */

struct callback {
	void *cb;    /* the caller's typed callback */
	void *ctx;
};

/* Runs all, or by_key with key as its parameter when key is given. */
static int run_filtered(struct store *st, enum stmt_id all, enum stmt_id by_key, const char *key,
			int (*row)(const PGresult *r, int i, void *arg), void *arg, struct err *err)
{
	struct params p = { 0 };

	if (key != NULL)
		param_text(&p, key);
	return run_rows(st, key != NULL ? by_key : all, &p, row, arg, "read the database", err);
}

static int team_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct team t = { col_text(r, i, 0), col_text(r, i, 1), col_text(r, i, 2), 0 };

	return ((int (*)(void *, const struct team *))c->cb)(c->ctx, &t);
}

static int pq_each_team(struct store *st, const char *key,
			int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_TEAMS, Q_TEAM_BY_KEY, key, team_row, &c, err);
}

static int person_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct person p = {
		.key = col_text(r, i, 0), .name = col_text(r, i, 1), .email = col_text(r, i, 2),
		.team = col_text(r, i, 3), .role = col_text(r, i, 4), .manager = col_text(r, i, 5),
		.active = col_int(r, i, 6) != 0,
	};

	return ((int (*)(void *, const struct person *))c->cb)(c->ctx, &p);
}

static int pq_each_person(struct store *st, const char *key,
			  int (*cb)(void *ctx, const struct person *p), void *ctx,
			  struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_PEOPLE, Q_PERSON_BY_KEY, key, person_row, &c, err);
}

static int competency_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct competency k = {
		.key = col_text(r, i, 0), .name = col_text(r, i, 1), .category = col_text(r, i, 2),
		.description = col_text(r, i, 3), .developability = DEV_UNSET,
	};

	if (col_text(r, i, 4) != NULL)
		(void)developability_parse(col_text(r, i, 4), &k.developability);
	return ((int (*)(void *, const struct competency *))c->cb)(c->ctx, &k);
}

static int pq_each_competency(struct store *st, const char *key,
			      int (*cb)(void *ctx, const struct competency *c), void *ctx,
			      struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, key, competency_row, &c, err);
}

static int indicator_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct indicator k = { col_text(r, i, 0), (int)col_int(r, i, 1), col_text(r, i, 2) };

	return ((int (*)(void *, const struct indicator *))c->cb)(c->ctx, &k);
}

static int pq_each_indicator(struct store *st, const char *competency,
			     int (*cb)(void *ctx, const struct indicator *i), void *ctx,
			     struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_INDICATORS, Q_INDICATORS_OF, competency, indicator_row, &c, err);
}

static int requirement_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct requirement q = {
		col_text(r, i, 0), col_text(r, i, 1), (int)col_int(r, i, 2), (int)col_int(r, i, 3), 0
	};

	return ((int (*)(void *, const struct requirement *))c->cb)(c->ctx, &q);
}

static int pq_each_requirement(struct store *st, const char *role,
			       int (*cb)(void *ctx, const struct requirement *r), void *ctx,
			       struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_REQUIREMENTS, Q_REQUIREMENTS_OF, role, requirement_row, &c, err);
}

static int evidence_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct evidence e = {
		.id = col_int(r, i, 0),
		.person = col_text(r, i, 1),
		.competency = col_text(r, i, 2),
		.level = col_real(r, i, 3),
		.level_decimals = (int)col_int(r, i, 4),
		.source = SOURCE_SELF,
		.date = (int32_t)col_int(r, i, 6),
		.assessor = col_text(r, i, 7),
		.note = col_text(r, i, 8),
	};

	(void)source_parse(col_text(r, i, 5), &e.source);
	return ((int (*)(void *, const struct evidence *))c->cb)(c->ctx, &e);
}

static int pq_each_evidence(struct store *st, const struct evidence_filter *f,
			    int (*cb)(void *ctx, const struct evidence *e), void *ctx,
			    struct err *err)
{
	struct callback c = { (void *)cb, ctx };
	struct params p = { 0 };
	int which = (f->person != NULL ? 1 : 0) + (f->competency != NULL ? 2 : 0);

	if (f->person != NULL)
		param_text(&p, f->person);
	if (f->competency != NULL)
		param_text(&p, f->competency);
	return cursor_rows(st, evidence_sql[which], &p, evidence_row, &c, "read evidence", err);
}

/* ---- whole tables, for copy.c ------------------------------------------- */

static int column_list(struct buf *b, const struct table_def *t)
{
	for (int c = 0; c < t->ncolumns; c++)
		if (buf_printf(b, "%s%s", c > 0 ? ", " : "", t->columns[c].name) < 0)
			return -1;
	return 0;
}

struct table_cb {
	const struct table_def *t;
	int (*cb)(void *ctx, const struct cell *row);
	void *ctx;
};

static int table_row(const PGresult *r, int i, void *arg)
{
	struct table_cb *k = arg;
	struct cell row[TABLE_MAX_COLUMNS];

	for (int c = 0; c < k->t->ncolumns; c++) {
		row[c] = (struct cell){ .null = col_null(r, i, c) };
		if (row[c].null)
			continue;
		if (k->t->columns[c].type == CELL_INT)
			row[c].i = col_int(r, i, c);
		else if (k->t->columns[c].type == CELL_REAL)
			row[c].r = col_real(r, i, c);
		else
			row[c].s = col_text(r, i, c);
	}
	return k->cb(k->ctx, row);
}

static int pq_each_row(struct store *st, const struct table_def *t,
		       int (*cb)(void *ctx, const struct cell *row), void *ctx, struct err *err)
{
	struct table_cb k = { t, cb, ctx };
	struct buf sql;
	int rc;

	buf_init(&sql, BUF_MAX);
	if (buf_adds(&sql, "SELECT ") < 0 || column_list(&sql, t) < 0 ||
	    buf_printf(&sql, " FROM %s ORDER BY %s", t->name, t->order_by) < 0) {
		buf_free(&sql);
		return err_set(err, EX_OSERR, "out of memory");
	}
	rc = cursor_rows(st, buf_str(&sql), NULL, table_row, &k, "read the database", err);
	buf_free(&sql);
	return rc;
}

static int table_line(struct buf *b, const struct table_def *t, const struct cell *row)
{
	for (int c = 0; c < t->ncolumns; c++) {
		char d[DTOA_MAX];
		int rc;

		if (c > 0 && buf_addc(b, '\t') < 0)
			return -1;
		if (row[c].null) {
			rc = buf_adds(b, "\\N");
		} else if (t->columns[c].type == CELL_INT) {
			rc = buf_printf(b, "%lld", (long long)row[c].i);
		} else if (t->columns[c].type == CELL_REAL) {
			(void)dtoa_shortest(row[c].r, d);
			rc = buf_adds(b, d);
		} else {
			rc = copy_text(b, row[c].s);
		}
		if (rc < 0)
			return -1;
	}
	return buf_addc(b, '\n');
}

static int pq_put_rows(struct store *st, const struct table_def *t, const struct cell *rows,
		       size_t n, struct err *err)
{
	struct buf *b = &conn_of(st)->copy;
	struct buf sql;
	int rc;

	buf_init(&sql, BUF_MAX);
	if (buf_printf(&sql, "COPY %s(", t->name) < 0 || column_list(&sql, t) < 0 ||
	    buf_adds(&sql, ") FROM STDIN") < 0) {
		buf_free(&sql);
		return err_set(err, EX_OSERR, "out of memory");
	}
	rc = copy_begin(st, buf_str(&sql), "copy rows", err);
	buf_free(&sql);
	if (rc < 0)
		return -1;
	buf_reset(b);
	for (size_t i = 0; i < n; i++) {
		if (table_line(b, t, &rows[i * (size_t)t->ncolumns]) < 0) {
			(void)copy_end(st, "out of memory", "copy rows", NULL);
			return err_set(err, EX_OSERR, "out of memory");
		}
		if (b->len >= COPY_FLUSH_BYTES && copy_send(st, b, err) < 0)
			return -1;
	}
	if (copy_send(st, b, err) < 0)
		return -1;
	return copy_end(st, NULL, "copy rows", err);
}

static int pq_count_rows(struct store *st, const struct table_def *t, int64_t *n,
			 struct err *err)
{
	char sql[128];
	PGresult *r;

	(void)snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", t->name);
	r = PQexecParams(pg_of(st), sql, 0, NULL, NULL, NULL, NULL, 1);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pg_error(st, r, "count rows", err);
		PQclear(r);
		return -1;
	}
	*n = col_int(r, 0, 0);
	PQclear(r);
	return 0;
}

static int pq_clear_tables(struct store *st, struct err *err)
{
	struct buf sql;
	int rc;

	buf_init(&sql, BUF_MAX);
	rc = buf_adds(&sql, "TRUNCATE");
	for (int i = 0; rc == 0 && i < store_table_count; i++)
		rc = buf_printf(&sql, "%s %s", i > 0 ? "," : "", store_tables[i].name);
	if (rc < 0) {
		buf_free(&sql);
		return err_set(err, EX_OSERR, "out of memory");
	}
	rc = exec(st, buf_str(&sql), "empty the database", err);
	buf_free(&sql);
	return rc;
}

/* Identity columns number from a sequence, which copied ids bypass. */
static int pq_copy_finish(struct store *st, struct err *err)
{
	char sql[256];

	for (int i = 0; i < store_table_count; i++) {
		const char *t = store_tables[i].name;

		if (!store_tables[i].has_identity)
			continue;
		(void)snprintf(sql, sizeof sql,
			       "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
			       " coalesce((SELECT max(id) FROM %s), 0) + 1, false)", t, t);
		if (exec(st, sql, "number new rows after the copied ones", err) < 0)
			return -1;
	}
	return 0;
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
	.rollback = pq_rollback,
	.each_key = pq_each_key,
	.count = pq_count,
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
	.rebuild_sums = pq_rebuild_sums,
	.each_member = pq_each_member,
	.each_role_requirement = pq_each_role_requirement,
	.get_sums = pq_get_sums,
	.each_sums = pq_each_sums,
	.sums_as_of = pq_sums_as_of,
	.newest_evidence = pq_newest_evidence,
	.note_newest = pq_note_newest,
	.each_candidate = pq_each_candidate,
	.each_row = pq_each_row,
	.put_rows = pq_put_rows,
	.count_rows = pq_count_rows,
	.clear_tables = pq_clear_tables,
	.copy_finish = pq_copy_finish,
};
