/* PostgreSQL: the reads behind the views (the members of a snapshot, role
 * requirements, possible mentors, evidence rows for explain and export)
 * and whole tables for copy.c. */
#include <stdint.h>
#include <stdio.h>
#include <sysexits.h>

#include "store/sql_shared.h"
#include "store/pg_int.h"

/* Queries whose results can be large are read through a cursor instead
 * (they are not prepared, and take their parameters at DECLARE). */
static const char *const evidence_sql[4] = {
	EVIDENCE_COLUMNS " ORDER BY e.id",
	EVIDENCE_COLUMNS " AND p.key = $1 ORDER BY e.id",
	EVIDENCE_COLUMNS " AND c.key = $1 ORDER BY e.id",
	EVIDENCE_COLUMNS " AND p.key = $1 AND c.key = $2 ORDER BY e.id",
};

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
		.id = pgb_col_int(r, i, 0),
		.key = pgb_col_text(r, i, 1),
		.name = pgb_col_text(r, i, 2),
		.team = pgb_col_text(r, i, 3),
		.role = pgb_col_text(r, i, 4),
		.role_id = pgb_col_int(r, i, 5),
	};

	m->found = 1;
	return m->cb(m->ctx, &row);
}

int pq_each_member(struct store *st, const struct snapshot_filter *f,
		   int (*cb)(void *ctx, const struct member_row *m), void *ctx,
		   struct err *err)
{
	struct member_cb m = { cb, ctx, 0 };
	struct params p = { 0 };
	int rc;

	if (f->team != NULL) {
		int64_t team_id = 0;

		pgb_param_text(&p, f->team);
		if (pgb_run_done(st, Q_TEAM_ID, &p, "read teams", &team_id, err) < 0)
			return -1;
		if (team_id == 0)
			return store_unknown_key(st, ENTITY_TEAM, f->team, err);
		p.n = 0;
		pgb_param_int(&p, team_id);
		return pgb_run_rows(st, Q_SNAPSHOT_TEAM_MEMBERS, &p, member_row, &m, "read people", err);
	}
	if (f->everyone)
		return pgb_run_rows(st, Q_SNAPSHOT_ALL_MEMBERS, &p, member_row, &m, "read people", err);
	pgb_param_text(&p, f->person);
	rc = pgb_run_rows(st, Q_SNAPSHOT_PERSON_MEMBER, &p, member_row, &m, "read people", err);
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
		.role_id = pgb_col_int(r, i, 0),
		.competency_id = pgb_col_int(r, i, 1),
		.competency = pgb_col_text(r, i, 2),
		.required_level = (int)pgb_col_int(r, i, 3),
		.weight = (int)pgb_col_int(r, i, 4),
	};

	return q->cb(q->ctx, &row);
}

int pq_each_role_requirement(struct store *st,
			     int (*cb)(void *ctx, const struct requirement_row *r),
			     void *ctx, struct err *err)
{
	struct requirement_cb q = { cb, ctx };

	return pgb_run_rows(st, Q_ROLE_REQUIREMENTS, NULL, role_requirement_row, &q,
			    "read requirements", err);
}

struct candidate_cb {
	int (*cb)(void *ctx, const struct candidate_row *c);
	void *ctx;
	const char *competency;      /* CANDIDATES_NEWER reads only ids */
};

static int newer_row(const PGresult *r, int i, void *arg)
{
	struct candidate_cb *k = arg;
	struct candidate_row c = {
		.competency = k->competency,
		.person_id = pgb_col_int(r, i, 0),
		.competency_id = pgb_col_int(r, i, 1),
		.sums.best_level = pgb_col_real(r, i, 2),
		.history = pgb_col_bytes(r, i, 3),
		.history_len = (size_t)PQgetlength(r, i, 3),
	};

	return k->cb(k->ctx, &c);
}

static int candidate_row(const PGresult *r, int i, void *arg)
{
	struct candidate_cb *k = arg;
	struct candidate_row c = {
		.competency = pgb_col_text(r, i, 0),
		.person = pgb_col_text(r, i, 1),
		.team = pgb_col_text(r, i, 2),
		.person_id = pgb_col_int(r, i, 11),
		.competency_id = pgb_col_int(r, i, 12),
	};

	pgb_col_sums(r, i, 3, &c.sums);
	c.history = pgb_col_bytes(r, i, 13);
	c.history_len = (size_t)PQgetlength(r, i, 13);
	return k->cb(k->ctx, &c);
}

int pq_each_candidate(struct store *st, enum candidate_scope scope,
		      const struct candidate_ask *a,
		      int (*cb)(void *ctx, const struct candidate_row *c), void *ctx,
		      struct err *err)
{
	struct candidate_cb k = { cb, ctx, a->competency };
	struct params p = { 0 };

	pgb_param_text(&p, a->competency);
	if (scope == CANDIDATES_TEAM) {
		pgb_param_text(&p, a->team);
	} else if (scope == CANDIDATES_NEWER) {
		pgb_param_real(&p, a->min_level);
	} else {
		pgb_param_real(&p, a->min_level);
		pgb_param_real(&p, estimate_scale(a->as_of, st->settings.half_life));
		pgb_param_real(&p, a->min_weight);
	}
	pgb_param_int(&p, a->as_of);
	/* The best holders are read until the search has enough (mentors.c):
	 * a cursor lets the server walk the level index and stop there, where
	 * one statement would sort and send every holder above the level. */
	if (scope == CANDIDATES_BEST)
		return pgb_cursor_stmt(st, Q_CANDIDATES_BEST, BEST_PER_FETCH, &p, candidate_row, &k,
				       "read running sums", err);
	if (scope == CANDIDATES_TEAM)
		return pgb_run_rows(st, Q_CANDIDATES_TEAM, &p, candidate_row, &k, "read running sums",
				    err);
	return pgb_run_rows(st, Q_CANDIDATES_NEWER, &p, newer_row, &k, "read running sums", err);
}

struct member_id_cb {
	int (*cb)(void *ctx, const char *person, const char *team);
	void *ctx;
};

static int member_by_id_row(const PGresult *r, int i, void *arg)
{
	struct member_id_cb *m = arg;

	return m->cb(m->ctx, pgb_col_text(r, i, 0), pgb_col_text(r, i, 1));
}

int pq_member_by_id(struct store *st, int64_t person_id,
		    int (*cb)(void *ctx, const char *person, const char *team), void *ctx,
		    struct err *err)
{
	struct member_id_cb m = { cb, ctx };
	struct params p = { 0 };

	pgb_param_int(&p, person_id);
	return pgb_run_rows(st, Q_MEMBER_BY_ID, &p, member_by_id_row, &m, "read people", err);
}

static int evidence_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct evidence e = {
		.id = pgb_col_int(r, i, 0),
		.person = pgb_col_text(r, i, 1),
		.competency = pgb_col_text(r, i, 2),
		.level = pgb_col_real(r, i, 3),
		.level_decimals = (int)pgb_col_int(r, i, 4),
		.source = SOURCE_SELF,
		.date = (int32_t)pgb_col_int(r, i, 6),
		.assessor = pgb_col_text(r, i, 7),
		.note = pgb_col_text(r, i, 8),
	};

	(void)source_parse(pgb_col_text(r, i, 5), &e.source);
	return ((int (*)(void *, const struct evidence *))c->cb)(c->ctx, &e);
}

int pq_each_evidence(struct store *st, const struct evidence_filter *f,
		     int (*cb)(void *ctx, const struct evidence *e), void *ctx,
		     struct err *err)
{
	struct callback c = { (void *)cb, ctx };
	struct params p = { 0 };
	int which = (f->person != NULL ? 1 : 0) + (f->competency != NULL ? 2 : 0);

	if (f->person != NULL)
		pgb_param_text(&p, f->person);
	if (f->competency != NULL)
		pgb_param_text(&p, f->competency);
	return pgb_cursor_rows(st, evidence_sql[which], &p, evidence_row, &c, "read evidence", err);
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
		row[c] = (struct cell){ .null = pgb_col_null(r, i, c) };
		if (row[c].null)
			continue;
		if (k->t->columns[c].type == CELL_INT)
			row[c].i = pgb_col_int(r, i, c);
		else if (k->t->columns[c].type == CELL_REAL)
			row[c].r = pgb_col_real(r, i, c);
		else if (k->t->columns[c].type == CELL_BLOB) {
			row[c].s = (const char *)pgb_col_bytes(r, i, c);
			row[c].n = (size_t)PQgetlength(r, i, c);
		} else
			row[c].s = pgb_col_text(r, i, c);
	}
	return k->cb(k->ctx, row);
}

int pq_each_row(struct store *st, const struct table_def *t,
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
	rc = pgb_cursor_rows(st, buf_str(&sql), NULL, table_row, &k, "read the database", err);
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
		} else if (t->columns[c].type == CELL_BLOB) {
			/* bytea's hex form, its backslash doubled for COPY */
			rc = buf_adds(b, "\\\\x");
			if (rc == 0)
				rc = pgb_hex_add(b, (const unsigned char *)row[c].s, row[c].n);
		} else {
			rc = pgb_copy_text(b, row[c].s);
		}
		if (rc < 0)
			return -1;
	}
	return buf_addc(b, '\n');
}

int pq_put_rows(struct store *st, const struct table_def *t, const struct cell *rows,
		size_t n, struct err *err)
{
	struct buf *b = &pgb_conn_of(st)->copy;
	struct buf sql;
	int rc;

	buf_init(&sql, BUF_MAX);
	if (buf_printf(&sql, "COPY %s(", t->name) < 0 || column_list(&sql, t) < 0 ||
	    buf_adds(&sql, ") FROM STDIN") < 0) {
		buf_free(&sql);
		return err_set(err, EX_OSERR, "out of memory");
	}
	rc = pgb_copy_begin(st, buf_str(&sql), "copy rows", err);
	buf_free(&sql);
	if (rc < 0)
		return -1;
	buf_reset(b);
	for (size_t i = 0; i < n; i++) {
		if (table_line(b, t, &rows[i * (size_t)t->ncolumns]) < 0) {
			(void)pgb_copy_end(st, "out of memory", "copy rows", NULL);
			return err_set(err, EX_OSERR, "out of memory");
		}
		if (b->len >= COPY_FLUSH_BYTES && pgb_copy_send(st, b, err) < 0)
			return -1;
	}
	if (pgb_copy_send(st, b, err) < 0)
		return -1;
	return pgb_copy_end(st, NULL, "copy rows", err);
}

int pq_count_rows(struct store *st, const struct table_def *t, int64_t *n,
		  struct err *err)
{
	char sql[128];
	PGresult *r;

	(void)snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", t->name);
	r = PQexecParams(pgb_pg(st), sql, 0, NULL, NULL, NULL, NULL, 1);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pgb_error(st, r, "count rows", err);
		PQclear(r);
		return -1;
	}
	*n = pgb_col_int(r, 0, 0);
	PQclear(r);
	return 0;
}

int pq_clear_tables(struct store *st, struct err *err)
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
	rc = pgb_exec(st, buf_str(&sql), "empty the database", err);
	buf_free(&sql);
	return rc;
}

/* Identity columns number from a sequence, which copied ids bypass. */
int pq_copy_finish(struct store *st, struct err *err)
{
	char sql[256];

	for (int i = 0; i < store_table_count; i++) {
		const char *t = store_tables[i].name;

		if (!store_tables[i].has_identity)
			continue;
		(void)snprintf(sql, sizeof sql,
			       "SELECT setval(pg_get_serial_sequence('%s', 'id'),"
			       " coalesce((SELECT max(id) FROM %s), 0) + 1, false)", t, t);
		if (pgb_exec(st, sql, "number new rows after the copied ones", err) < 0)
			return -1;
	}
	return 0;
}
