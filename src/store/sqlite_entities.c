/* SQLite: keys, counts, upserts and listings of teams, people,
 * competencies, indicators, roles and their requirements, and the import
 * log. */
#include <stdint.h>
#include <sqlite3.h>

#include "store/sqlite_int.h"

int sq_each_key(struct store *st, enum entity kind, const char *only,
		int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
		struct err *err)
{
	static const enum stmt_id all[ENTITY_KEYED] = {
		Q_KEYS_TEAM, Q_KEYS_PERSON, Q_KEYS_COMPETENCY, Q_KEYS_ROLE
	};
	static const enum stmt_id one[ENTITY_KEYED] = {
		Q_KEY_TEAM, Q_KEY_PERSON, Q_KEY_COMPETENCY, Q_KEY_ROLE
	};
	sqlite3_stmt *s = sq_prepare(st, only != NULL ? one[kind] : all[kind], err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	if (only != NULL)
		sq_bind_text(s, 1, only);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		stop = cb(ctx, sq_column_text(s, 0), sqlite3_column_int64(s, 1));
		if (stop != 0)
			break;
	}
	return sq_each_done(st, s, rc, stop, "read keys", err);
}

int sq_one_number(struct store *st, enum stmt_id q, const char *doing, int64_t *n,
		  struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, q, err);
	int rc;

	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*n = sqlite3_column_int64(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : sq_db_error(st, rc, doing, err);
}

int sq_count(struct store *st, enum entity kind, int64_t *n, struct err *err)
{
	static const enum stmt_id q[] = {
		Q_COUNT_TEAM, Q_COUNT_PERSON, Q_COUNT_COMPETENCY, Q_COUNT_ROLE, Q_COUNT_EVIDENCE
	};

	return sq_one_number(st, q[kind], "count rows", n, err);
}

int sq_person_id_max(struct store *st, int64_t *n, struct err *err)
{
	return sq_one_number(st, Q_PERSON_ID_MAX, "count rows", n, err);
}

int sq_lock_tree(struct store *st, enum entity kind, struct err *err)
{
	/* A write transaction holds the whole file's write lock already. */
	(void)st;
	(void)kind;
	(void)err;
	return 0;
}

int sq_put_team(struct store *st, const struct team *t, int64_t *id, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PUT_TEAM, err);

	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, t->key);
	sq_bind_text(s, 2, t->name);
	sq_bind_text(s, 3, t->parent);
	sqlite3_bind_int(s, 4, (t->keep & KEEP_PARENT) != 0);
	return sq_step_done(st, s, "store a team", id, err);
}

int sq_put_person(struct store *st, const struct person *p, int64_t *id, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PUT_PERSON, err);

	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, p->key);
	sq_bind_text(s, 2, p->name);
	sq_bind_text(s, 3, p->email);
	sq_bind_text(s, 4, p->team);
	sq_bind_text(s, 5, p->role);
	sq_bind_text(s, 6, p->manager);
	sqlite3_bind_int(s, 7, p->active ? 1 : 0);
	sqlite3_bind_int(s, 8, (p->keep & KEEP_EMAIL) != 0);
	sqlite3_bind_int(s, 9, (p->keep & KEEP_TEAM) != 0);
	sqlite3_bind_int(s, 10, (p->keep & KEEP_ROLE) != 0);
	sqlite3_bind_int(s, 11, (p->keep & KEEP_MANAGER) != 0);
	sqlite3_bind_int(s, 12, (p->keep & KEEP_ACTIVE) != 0);
	return sq_step_done(st, s, "store a person", id, err);
}

int sq_put_competency(struct store *st, const struct competency *c, int64_t *id,
		      struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PUT_COMPETENCY, err);

	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, c->key);
	sq_bind_text(s, 2, c->name);
	sq_bind_text(s, 3, c->category);
	sq_bind_text(s, 4, c->description);
	sq_bind_text(s, 5, c->developability == DEV_UNSET ? NULL : developability_name(c->developability));
	sqlite3_bind_int(s, 6, (c->keep & KEEP_CATEGORY) != 0);
	sqlite3_bind_int(s, 7, (c->keep & KEEP_DESCRIPTION) != 0);
	sqlite3_bind_int(s, 8, (c->keep & KEEP_DEVELOPABILITY) != 0);
	return sq_step_done(st, s, "store a competency", id, err);
}

int sq_put_role(struct store *st, const char *key, int64_t *id, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PUT_ROLE, err);

	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, key);
	return sq_step_done(st, s, "store a role", id, err);
}

int sq_replace_indicators(struct store *st, int64_t competency_id,
			  const struct indicator *items, size_t n, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_DELETE_INDICATORS, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, competency_id);
	if (sq_step_done(st, s, "replace indicators", NULL, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		s = sq_prepare(st, Q_INSERT_INDICATOR, err);
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, competency_id);
		sqlite3_bind_int(s, 2, items[i].level);
		sq_bind_text(s, 3, items[i].text);
		if (sq_step_done(st, s, "store an indicator", NULL, err) < 0)
			return -1;
	}
	return 0;
}

int sq_put_requirement(struct store *st, int64_t role_id, int64_t competency_id,
		       const struct requirement *r, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PUT_REQUIREMENT, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, role_id);
	sqlite3_bind_int64(s, 2, competency_id);
	sqlite3_bind_int(s, 3, r->required_level);
	sqlite3_bind_int(s, 4, r->weight);
	sqlite3_bind_int(s, 5, (r->keep & KEEP_WEIGHT) != 0);
	return sq_step_done(st, s, "store a role requirement", NULL, err);
}

int sq_log_import(struct store *st, const char *kind, const char *source_name,
		  int64_t *batch, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_LOG_IMPORT, err);
	char now[32];

	if (s == NULL)
		return -1;
	store_now_utc(now);
	sq_bind_text(s, 1, kind);
	sq_bind_text(s, 2, source_name);
	sq_bind_text(s, 3, now);
	return sq_step_done(st, s, "log the import", batch, err);
}

int sq_log_import_rows(struct store *st, int64_t batch, int64_t rows, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_LOG_IMPORT_ROWS, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, batch);
	sqlite3_bind_int64(s, 2, rows);
	return sq_step_done(st, s, "log the import", NULL, err);
}

/* Steps through a prepared query, calling row(s) for each result. */
int sq_run_query(struct store *st, sqlite3_stmt *s, int (*row)(sqlite3_stmt *s, void *arg),
		 void *arg, struct err *err)
{
	int rc, stop = 0;

	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		stop = row(s, arg);
		if (stop != 0)
			break;
	}
	return sq_each_done(st, s, rc, stop, "read the database", err);
}

/* A query with an optional key filter: by_key when key is given. */
static sqlite3_stmt *prepare_filtered(struct store *st, enum stmt_id all, enum stmt_id by_key,
				      const char *key, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, key != NULL ? by_key : all, err);

	if (s != NULL && key != NULL)
		sq_bind_text(s, 1, key);
	return s;
}

static int team_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct team t = { sq_column_text(s, 0), sq_column_text(s, 1), sq_column_text(s, 2), 0 };

	return ((int (*)(void *, const struct team *))c->cb)(c->ctx, &t);
}

int sq_each_team(struct store *st, const char *key,
		 int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_TEAMS, Q_TEAM_BY_KEY, key, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, team_row, &c, err);
}

static int person_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct person p = {
		.key = sq_column_text(s, 0), .name = sq_column_text(s, 1), .email = sq_column_text(s, 2),
		.team = sq_column_text(s, 3), .role = sq_column_text(s, 4), .manager = sq_column_text(s, 5),
		.active = sqlite3_column_int(s, 6) != 0,
	};

	return ((int (*)(void *, const struct person *))c->cb)(c->ctx, &p);
}

int sq_each_person(struct store *st, const char *key,
		   int (*cb)(void *ctx, const struct person *p), void *ctx,
		   struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_PEOPLE, Q_PERSON_BY_KEY, key, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, person_row, &c, err);
}

static int competency_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct competency k = {
		.key = sq_column_text(s, 0), .name = sq_column_text(s, 1), .category = sq_column_text(s, 2),
		.description = sq_column_text(s, 3), .developability = DEV_UNSET,
	};

	if (sq_column_text(s, 4) != NULL)
		(void)developability_parse(sq_column_text(s, 4), &k.developability);
	return ((int (*)(void *, const struct competency *))c->cb)(c->ctx, &k);
}

int sq_each_competency(struct store *st, const char *key,
		       int (*cb)(void *ctx, const struct competency *c), void *ctx,
		       struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, key, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, competency_row, &c, err);
}

static int indicator_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct indicator i = { sq_column_text(s, 0), sqlite3_column_int(s, 1), sq_column_text(s, 2) };

	return ((int (*)(void *, const struct indicator *))c->cb)(c->ctx, &i);
}

int sq_each_indicator(struct store *st, const char *competency,
		      int (*cb)(void *ctx, const struct indicator *i), void *ctx,
		      struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_INDICATORS, Q_INDICATORS_OF, competency, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, indicator_row, &c, err);
}

static int requirement_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct requirement r = {
		sq_column_text(s, 0), sq_column_text(s, 1), sqlite3_column_int(s, 2),
		sqlite3_column_int(s, 3), 0
	};

	return ((int (*)(void *, const struct requirement *))c->cb)(c->ctx, &r);
}

int sq_each_requirement(struct store *st, const char *role,
			int (*cb)(void *ctx, const struct requirement *r), void *ctx,
			struct err *err)
{
	sqlite3_stmt *s = prepare_filtered(st, Q_REQUIREMENTS, Q_REQUIREMENTS_OF, role, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, requirement_row, &c, err);
}

/* ---- pages in key order, for the API --------------------------------------- */

/* Statement id bound for a page of q: ?1 after, ?2 n, ?3 team, ?4 active. */
static sqlite3_stmt *prepare_page(struct store *st, enum stmt_id id, const struct page_query *q,
				  size_t n, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, id, err);

	if (s == NULL)
		return NULL;
	sq_bind_text(s, 1, q->after);
	sqlite3_bind_int64(s, 2, (sqlite3_int64)n);
	if (id == Q_PAGE_TEAMS || id == Q_PAGE_PEOPLE)
		sq_bind_text(s, 3, q->team);
	if (id == Q_PAGE_PEOPLE)
		sqlite3_bind_int(s, 4, q->state == PEOPLE_ALL ? -1 : q->state == PEOPLE_ACTIVE);
	return s;
}

int sq_page_teams(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err)
{
	sqlite3_stmt *s = prepare_page(st, Q_PAGE_TEAMS, q, n, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, team_row, &c, err);
}

int sq_page_people(struct store *st, const struct page_query *q, size_t n,
		   int (*cb)(void *ctx, const struct person *p), void *ctx, struct err *err)
{
	sqlite3_stmt *s = prepare_page(st, Q_PAGE_PEOPLE, q, n, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, person_row, &c, err);
}

int sq_page_competencies(struct store *st, const struct page_query *q, size_t n,
			 int (*cb)(void *ctx, const struct competency *c), void *ctx,
			 struct err *err)
{
	sqlite3_stmt *s = prepare_page(st, Q_PAGE_COMPETENCIES, q, n, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, competency_row, &c, err);
}

static int role_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;

	return ((int (*)(void *, const char *))c->cb)(c->ctx, sq_column_text(s, 0));
}

int sq_page_roles(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const char *role), void *ctx, struct err *err)
{
	sqlite3_stmt *s = prepare_page(st, Q_PAGE_ROLES, q, n, err);
	struct callback c = { (void *)cb, ctx };

	return s == NULL ? -1 : sq_run_query(st, s, role_row, &c, err);
}
