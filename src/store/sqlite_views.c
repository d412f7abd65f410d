/* SQLite: the reads behind the views (the members of a snapshot, role
 * requirements, possible mentors, evidence rows for explain and export)
 * and whole tables for copy.c. */
#include <stdint.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sysexits.h>

#include "store/sqlite_int.h"

int sq_each_member(struct store *st, const struct snapshot_filter *f,
		   int (*cb)(void *ctx, const struct member_row *m), void *ctx,
		   struct err *err)
{
	sqlite3_stmt *s;
	int rc, stop = 0, found = 0;

	if (f->team != NULL) {
		int64_t team_id = 0;

		s = sq_prepare(st, Q_TEAM_ID, err);
		if (s == NULL)
			return -1;
		sq_bind_text(s, 1, f->team);
		rc = sqlite3_step(s);
		team_id = rc == SQLITE_ROW ? sqlite3_column_int64(s, 0) : 0;
		sqlite3_reset(s);
		if (rc == SQLITE_DONE)
			return store_unknown_key(st, ENTITY_TEAM, f->team, err);
		if (rc != SQLITE_ROW)
			return sq_db_error(st, rc, "read teams", err);
		s = sq_prepare(st, Q_SNAPSHOT_TEAM_MEMBERS, err);
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, team_id);
	} else if (f->everyone) {
		s = sq_prepare(st, Q_SNAPSHOT_ALL_MEMBERS, err);
		if (s == NULL)
			return -1;
	} else {
		s = sq_prepare(st, Q_SNAPSHOT_PERSON_MEMBER, err);
		if (s == NULL)
			return -1;
		sq_bind_text(s, 1, f->person);
	}
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct member_row m = {
			.id = sqlite3_column_int64(s, 0),
			.key = sq_column_text(s, 1),
			.name = sq_column_text(s, 2),
			.team = sq_column_text(s, 3),
			.role = sq_column_text(s, 4),
			.role_id = sqlite3_column_int64(s, 5),
		};

		found = 1;
		stop = cb(ctx, &m);
	}
	sqlite3_reset(s);
	if (stop != 0)
		return stop;
	if (rc != SQLITE_DONE)
		return sq_db_error(st, rc, "read people", err);
	if (f->person != NULL && !found)
		return store_unknown_key(st, ENTITY_PERSON, f->person, err);
	return 0;
}

int sq_each_role_requirement(struct store *st,
			     int (*cb)(void *ctx, const struct requirement_row *r),
			     void *ctx, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_ROLE_REQUIREMENTS, err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct requirement_row r = {
			.role_id = sqlite3_column_int64(s, 0),
			.competency_id = sqlite3_column_int64(s, 1),
			.competency = sq_column_text(s, 2),
			.required_level = sqlite3_column_int(s, 3),
			.weight = sqlite3_column_int(s, 4),
		};

		stop = cb(ctx, &r);
	}
	return sq_each_done(st, s, rc, stop, "read requirements", err);
}

/* The current row of a candidates query (the columns of sqlite.c's
 * Q_CANDIDATES_*). */
static void candidate_row(sqlite3_stmt *s, enum candidate_scope scope,
			  const struct candidate_ask *a, struct candidate_row *c)
{
	if (scope == CANDIDATES_NEWER) {
		*c = (struct candidate_row){
			.competency = a->competency,
			.person_id = sqlite3_column_int64(s, 0),
			.competency_id = sqlite3_column_int64(s, 1),
			.sums.best_level = sqlite3_column_double(s, 2),
			.history = sqlite3_column_blob(s, 3),
			.history_len = (size_t)sqlite3_column_bytes(s, 3),
		};
		return;
	}
	*c = (struct candidate_row){
		.competency = sq_column_text(s, 0),
		.person = sq_column_text(s, 1),
		.team = sq_column_text(s, 2),
		.person_id = sqlite3_column_int64(s, 11),
		.competency_id = sqlite3_column_int64(s, 12),
	};
	sq_column_sums(s, 3, &c->sums);
	if (!sums_valid_for(&c->sums, a->as_of)) {
		c->history = sqlite3_column_blob(s, 13);
		c->history_len = (size_t)sqlite3_column_bytes(s, 13);
	}
}

int sq_member_by_id(struct store *st, int64_t person_id,
		    int (*cb)(void *ctx, const char *person, const char *team), void *ctx,
		    struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_MEMBER_BY_ID, err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, person_id);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		stop = cb(ctx, sq_column_text(s, 0), sq_column_text(s, 1));
		rc = SQLITE_DONE;    /* one row at most: the id is the key */
	}
	return sq_each_done(st, s, rc, stop, "read people", err);
}

int sq_each_candidate(struct store *st, enum candidate_scope scope,
		      const struct candidate_ask *a,
		      int (*cb)(void *ctx, const struct candidate_row *c), void *ctx,
		      struct err *err)
{
	static const enum stmt_id stmt_of[] = {
		[CANDIDATES_BEST] = Q_CANDIDATES_BEST,
		[CANDIDATES_TEAM] = Q_CANDIDATES_TEAM,
		[CANDIDATES_NEWER] = Q_CANDIDATES_NEWER,
	};
	sqlite3_stmt *s = sq_prepare(st, stmt_of[scope], err);
	int rc = SQLITE_DONE, stop = 0;

	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, a->competency);
	if (scope == CANDIDATES_TEAM) {
		sq_bind_text(s, 5, a->team);
	} else {
		sqlite3_bind_double(s, 2, a->min_level);
		sqlite3_bind_double(s, 3, estimate_scale(a->as_of, st->settings.half_life));
		sqlite3_bind_double(s, 4, a->min_weight);
		sqlite3_bind_int(s, 5, a->as_of);
	}
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct candidate_row c;

		candidate_row(s, scope, a, &c);
		stop = cb(ctx, &c);
	}
	return sq_each_done(st, s, rc, stop, "read running sums", err);
}

static int evidence_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct evidence e = {
		.id = sqlite3_column_int64(s, 0),
		.person = sq_column_text(s, 1),
		.competency = sq_column_text(s, 2),
		.level = sqlite3_column_double(s, 3),
		.level_decimals = sqlite3_column_int(s, 4),
		.source = SOURCE_SELF,
		.date = sqlite3_column_int(s, 6),
		.assessor = sq_column_text(s, 7),
		.note = sq_column_text(s, 8),
	};

	(void)source_parse(sq_column_text(s, 5), &e.source);
	return ((int (*)(void *, const struct evidence *))c->cb)(c->ctx, &e);
}

int sq_each_evidence(struct store *st, const struct evidence_filter *f,
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
	s = sq_prepare(st, q, err);
	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, f->person);
	sq_bind_text(s, 2, f->competency);
	return sq_run_query(st, s, evidence_row, &c, err);
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
	rc = sqlite3_prepare_v2(sq_conn_of(st)->db, text, -1, &s, NULL);
	sqlite3_free(text);
	if (rc != SQLITE_OK) {
		sq_db_error(st, rc, "read the schema", err);
		return NULL;
	}
	return s;
}

int sq_each_row(struct store *st, const struct table_def *t,
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
			else if (t->columns[c].type == CELL_BLOB) {
				row[c].s = sqlite3_column_blob(s, c);
				row[c].n = (size_t)sqlite3_column_bytes(s, c);
			} else
				row[c].s = sq_column_text(s, c);
		}
		stop = cb(ctx, row);
	}
	rc = sq_each_done(st, s, rc, stop, "read the database", err);
	sqlite3_finalize(s);
	return rc;
}

/* Binds row (t->ncolumns cells) from parameter first on. */
static void bind_row(sqlite3_stmt *s, const struct table_def *t, const struct cell *row, int first)
{
	for (int c = 0; c < t->ncolumns; c++) {
		int i = first + c;

		if (row[c].null)
			sqlite3_bind_null(s, i);
		else if (t->columns[c].type == CELL_INT)
			sqlite3_bind_int64(s, i, row[c].i);
		else if (t->columns[c].type == CELL_REAL)
			sqlite3_bind_double(s, i, row[c].r);
		else if (t->columns[c].type == CELL_BLOB)
			sqlite3_bind_blob(s, i, row[c].s, (int)row[c].n, SQLITE_STATIC);
		else
			sqlite3_bind_text(s, i, row[c].s, -1, SQLITE_STATIC);
	}
}

/* INSERT INTO t(...) VALUES of n rows. */
static sqlite3_stmt *insert_rows(struct store *st, const struct table_def *t, int n,
				 struct err *err)
{
	sqlite3_str *sql = sqlite3_str_new(NULL);

	sqlite3_str_appendf(sql, "INSERT INTO %s(", t->name);
	column_list(sql, t);
	sqlite3_str_appendall(sql, ") VALUES ");
	for (int r = 0; r < n; r++) {
		sqlite3_str_appendall(sql, r > 0 ? ", (" : "(");
		for (int c = 0; c < t->ncolumns; c++)
			sqlite3_str_appendall(sql, c > 0 ? ", ?" : "?");
		sqlite3_str_appendall(sql, ")");
	}
	return prepare_built(st, sql, err);
}

enum {
	PUT_ROWS_MANY = 64       /* rows in one INSERT of a large put_rows */
};

int sq_put_rows(struct store *st, const struct table_def *t, const struct cell *rows,
		size_t n, struct err *err)
{
	sqlite3_stmt *one, *many = NULL;
	size_t w = (size_t)t->ncolumns, i = 0;
	int rc = 0;

	one = insert_rows(st, t, 1, err);
	if (one == NULL)
		return -1;
	/* Many rows a statement: a third of the time of one a row for the
	 * area scores of an import of evaluations (bench/quality_import.sh). */
	if (n >= PUT_ROWS_MANY && (many = insert_rows(st, t, PUT_ROWS_MANY, err)) == NULL) {
		sqlite3_finalize(one);
		return -1;
	}
	while (rc == 0 && i < n) {
		size_t k = many != NULL && n - i >= PUT_ROWS_MANY ? PUT_ROWS_MANY : 1;
		sqlite3_stmt *s = k > 1 ? many : one;

		sqlite3_reset(s);
		for (size_t r = 0; r < k; r++)
			bind_row(s, t, &rows[(i + r) * w], 1 + (int)(r * w));
		if ((rc = sqlite3_step(s)) == SQLITE_DONE)
			rc = 0;
		else
			sq_db_error(st, rc, "copy rows", err);
		i += k;
	}
	sqlite3_finalize(one);
	sqlite3_finalize(many);
	return rc == 0 ? 0 : -1;
}

int sq_count_rows(struct store *st, const struct table_def *t, int64_t *n,
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
	return rc == SQLITE_ROW ? 0 : sq_db_error(st, rc, "count rows", err);
}

int sq_clear_tables(struct store *st, struct err *err)
{
	char sql[128];

	/* Those that refer to others first. */
	for (int i = store_table_count - 1; i >= 0; i--) {
		(void)snprintf(sql, sizeof sql, "DELETE FROM %s", store_tables[i].name);
		if (sq_exec(st, sql, "empty the database", err) < 0)
			return -1;
	}
	return 0;
}

int sq_copy_finish(struct store *st, struct err *err)
{
	/* SQLite numbers new rows after the largest id there is. */
	(void)st;
	(void)err;
	return 0;
}
