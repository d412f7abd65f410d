/* PostgreSQL: keys, counts, upserts and listings of teams, people,
 * competencies, indicators, roles and their requirements, and the import
 * log. */
#include <stdint.h>

#include "store/pg_int.h"

/* ---- keys, counts and upserts -------------------------------------------- */

struct key_cb {
	int (*cb)(void *ctx, const char *key, int64_t id);
	void *ctx;
};

static int key_row(const PGresult *r, int i, void *arg)
{
	struct key_cb *k = arg;

	return k->cb(k->ctx, pgb_col_text(r, i, 0), pgb_col_int(r, i, 1));
}

int pq_each_key(struct store *st, enum entity kind, const char *only,
		int (*cb)(void *ctx, const char *key, int64_t id), void *ctx,
		struct err *err)
{
	static const enum stmt_id all[ENTITY_KEYED] = {
		Q_KEYS_TEAM, Q_KEYS_PERSON, Q_KEYS_COMPETENCY, Q_KEYS_ROLE
	};
	static const enum stmt_id one[ENTITY_KEYED] = {
		Q_KEY_TEAM, Q_KEY_PERSON, Q_KEY_COMPETENCY, Q_KEY_ROLE
	};
	struct key_cb k = { cb, ctx };
	struct params p = { 0 };

	if (only == NULL)
		return pgb_run_rows(st, all[kind], NULL, key_row, &k, "read keys", err);
	pgb_param_text(&p, only);
	return pgb_run_rows(st, one[kind], &p, key_row, &k, "read keys", err);
}

int pq_count(struct store *st, enum entity kind, int64_t *n, struct err *err)
{
	static const enum stmt_id q[] = {
		Q_COUNT_TEAM, Q_COUNT_PERSON, Q_COUNT_COMPETENCY, Q_COUNT_ROLE, Q_COUNT_EVIDENCE
	};

	*n = 0;
	return pgb_run_done(st, q[kind], NULL, "count rows", n, err);
}

int pq_person_id_max(struct store *st, int64_t *n, struct err *err)
{
	*n = 0;
	return pgb_run_done(st, Q_PERSON_ID_MAX, NULL, "count rows", n, err);
}

/* Conflicts with itself and with every writer of the table, not with
 * readers; the statements after it see what those writers committed. */
int pq_lock_tree(struct store *st, enum entity kind, struct err *err)
{
	return pgb_exec(st, kind == ENTITY_TEAM ? "LOCK TABLE team IN SHARE ROW EXCLUSIVE MODE"
						: "LOCK TABLE person IN SHARE ROW EXCLUSIVE MODE",
			"lock the tree", err);
}

int pq_put_team(struct store *st, const struct team *t, int64_t *id, struct err *err)
{
	struct params p = { 0 };

	pgb_param_text(&p, t->key);
	pgb_param_text(&p, t->name);
	pgb_param_text(&p, t->parent);
	pgb_param_bool(&p, (t->keep & KEEP_PARENT) != 0);
	return pgb_run_done(st, Q_PUT_TEAM, &p, "store a team", id, err);
}

int pq_put_person(struct store *st, const struct person *r, int64_t *id, struct err *err)
{
	struct params p = { 0 };

	pgb_param_text(&p, r->key);
	pgb_param_text(&p, r->name);
	pgb_param_text(&p, r->email);
	pgb_param_text(&p, r->team);
	pgb_param_text(&p, r->role);
	pgb_param_text(&p, r->manager);
	pgb_param_int(&p, r->active ? 1 : 0);
	pgb_param_bool(&p, (r->keep & KEEP_EMAIL) != 0);
	pgb_param_bool(&p, (r->keep & KEEP_TEAM) != 0);
	pgb_param_bool(&p, (r->keep & KEEP_ROLE) != 0);
	pgb_param_bool(&p, (r->keep & KEEP_MANAGER) != 0);
	pgb_param_bool(&p, (r->keep & KEEP_ACTIVE) != 0);
	return pgb_run_done(st, Q_PUT_PERSON, &p, "store a person", id, err);
}

int pq_put_competency(struct store *st, const struct competency *k, int64_t *id,
		      struct err *err)
{
	struct params p = { 0 };

	pgb_param_text(&p, k->key);
	pgb_param_text(&p, k->name);
	pgb_param_text(&p, k->category);
	pgb_param_text(&p, k->description);
	pgb_param_text(&p, k->developability == DEV_UNSET ? NULL : developability_name(k->developability));
	pgb_param_bool(&p, (k->keep & KEEP_CATEGORY) != 0);
	pgb_param_bool(&p, (k->keep & KEEP_DESCRIPTION) != 0);
	pgb_param_bool(&p, (k->keep & KEEP_DEVELOPABILITY) != 0);
	return pgb_run_done(st, Q_PUT_COMPETENCY, &p, "store a competency", id, err);
}

int pq_put_role(struct store *st, const char *key, int64_t *id, struct err *err)
{
	struct params p = { 0 };

	pgb_param_text(&p, key);
	return pgb_run_done(st, Q_PUT_ROLE, &p, "store a role", id, err);
}

int pq_replace_indicators(struct store *st, int64_t competency_id,
			  const struct indicator *items, size_t n, struct err *err)
{
	struct params p = { 0 };

	pgb_param_int(&p, competency_id);
	if (pgb_run_done(st, Q_DELETE_INDICATORS, &p, "replace indicators", NULL, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		p.n = 1;
		pgb_param_int(&p, items[i].level);
		pgb_param_text(&p, items[i].text);
		if (pgb_run_done(st, Q_INSERT_INDICATOR, &p, "store an indicator", NULL, err) < 0)
			return -1;
	}
	return 0;
}

int pq_put_requirement(struct store *st, int64_t role_id, int64_t competency_id,
		       const struct requirement *r, struct err *err)
{
	struct params p = { 0 };

	pgb_param_int(&p, role_id);
	pgb_param_int(&p, competency_id);
	pgb_param_int(&p, r->required_level);
	pgb_param_int(&p, r->weight);
	pgb_param_bool(&p, (r->keep & KEEP_WEIGHT) != 0);
	return pgb_run_done(st, Q_PUT_REQUIREMENT, &p, "store a role requirement", NULL, err);
}

int pq_log_import(struct store *st, const char *kind, const char *source_name,
		  int64_t *batch, struct err *err)
{
	struct params p = { 0 };
	char now[32];

	store_now_utc(now);
	pgb_param_text(&p, kind);
	pgb_param_text(&p, source_name);
	pgb_param_text(&p, now);
	return pgb_run_done(st, Q_LOG_IMPORT, &p, "log the import", batch, err);
}

int pq_log_import_rows(struct store *st, int64_t batch, int64_t rows, struct err *err)
{
	struct params p = { 0 };

	pgb_param_int(&p, batch);
	pgb_param_int(&p, rows);
	return pgb_run_done(st, Q_LOG_IMPORT_ROWS, &p, "log the import", NULL, err);
}

/* ---- iteration for export and listing --------------------------------------- */

/* Runs all, or by_key with key as its parameter when key is given. */
static int run_filtered(struct store *st, enum stmt_id all, enum stmt_id by_key, const char *key,
			int (*row)(const PGresult *r, int i, void *arg), void *arg, struct err *err)
{
	struct params p = { 0 };

	if (key != NULL)
		pgb_param_text(&p, key);
	return pgb_run_rows(st, key != NULL ? by_key : all, &p, row, arg, "read the database", err);
}

static int team_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct team t = { pgb_col_text(r, i, 0), pgb_col_text(r, i, 1), pgb_col_text(r, i, 2), 0 };

	return ((int (*)(void *, const struct team *))c->cb)(c->ctx, &t);
}

int pq_each_team(struct store *st, const char *key,
		 int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_TEAMS, Q_TEAM_BY_KEY, key, team_row, &c, err);
}

static int person_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct person p = {
		.key = pgb_col_text(r, i, 0), .name = pgb_col_text(r, i, 1), .email = pgb_col_text(r, i, 2),
		.team = pgb_col_text(r, i, 3), .role = pgb_col_text(r, i, 4), .manager = pgb_col_text(r, i, 5),
		.active = pgb_col_int(r, i, 6) != 0,
	};

	return ((int (*)(void *, const struct person *))c->cb)(c->ctx, &p);
}

int pq_each_person(struct store *st, const char *key,
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
		.key = pgb_col_text(r, i, 0), .name = pgb_col_text(r, i, 1), .category = pgb_col_text(r, i, 2),
		.description = pgb_col_text(r, i, 3), .developability = DEV_UNSET,
	};

	if (pgb_col_text(r, i, 4) != NULL)
		(void)developability_parse(pgb_col_text(r, i, 4), &k.developability);
	return ((int (*)(void *, const struct competency *))c->cb)(c->ctx, &k);
}

int pq_each_competency(struct store *st, const char *key,
		       int (*cb)(void *ctx, const struct competency *c), void *ctx,
		       struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_COMPETENCIES, Q_COMPETENCY_BY_KEY, key, competency_row, &c, err);
}

static int indicator_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct indicator k = { pgb_col_text(r, i, 0), (int)pgb_col_int(r, i, 1), pgb_col_text(r, i, 2) };

	return ((int (*)(void *, const struct indicator *))c->cb)(c->ctx, &k);
}

int pq_each_indicator(struct store *st, const char *competency,
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
		pgb_col_text(r, i, 0), pgb_col_text(r, i, 1), (int)pgb_col_int(r, i, 2), (int)pgb_col_int(r, i, 3), 0
	};

	return ((int (*)(void *, const struct requirement *))c->cb)(c->ctx, &q);
}

int pq_each_requirement(struct store *st, const char *role,
			int (*cb)(void *ctx, const struct requirement *r), void *ctx,
			struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_filtered(st, Q_REQUIREMENTS, Q_REQUIREMENTS_OF, role, requirement_row, &c, err);
}

/* ---- pages in key order, for the API --------------------------------------- */

/* Runs statement id for a page of q: $1 after, $2 n, $3 team, $4 active. */
static int run_page(struct store *st, enum stmt_id id, const struct page_query *q, size_t n,
		    int (*row)(const PGresult *r, int i, void *arg), void *arg, struct err *err)
{
	struct params p = { 0 };

	pgb_param_text(&p, q->after);
	pgb_param_int(&p, (int64_t)n);
	if (id == Q_PAGE_TEAMS || id == Q_PAGE_PEOPLE)
		pgb_param_text(&p, q->team);
	if (id == Q_PAGE_PEOPLE)
		pgb_param_int(&p, q->state == PEOPLE_ALL ? -1 : q->state == PEOPLE_ACTIVE);
	return pgb_run_rows(st, id, &p, row, arg, "read a page", err);
}

int pq_page_teams(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const struct team *t), void *ctx, struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_page(st, Q_PAGE_TEAMS, q, n, team_row, &c, err);
}

int pq_page_people(struct store *st, const struct page_query *q, size_t n,
		   int (*cb)(void *ctx, const struct person *p), void *ctx, struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_page(st, Q_PAGE_PEOPLE, q, n, person_row, &c, err);
}

int pq_page_competencies(struct store *st, const struct page_query *q, size_t n,
			 int (*cb)(void *ctx, const struct competency *c), void *ctx,
			 struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_page(st, Q_PAGE_COMPETENCIES, q, n, competency_row, &c, err);
}

static int role_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;

	return ((int (*)(void *, const char *))c->cb)(c->ctx, pgb_col_text(r, i, 0));
}

int pq_page_roles(struct store *st, const struct page_query *q, size_t n,
		  int (*cb)(void *ctx, const char *role), void *ctx, struct err *err)
{
	struct callback c = { (void *)cb, ctx };

	return run_page(st, Q_PAGE_ROLES, q, n, role_row, &c, err);
}
