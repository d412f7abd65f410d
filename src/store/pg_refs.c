/* PostgreSQL: what refers to a team, person, competency or role, their
 * deletion, and pages of one person's evidence. */
#include <stdint.h>

#include "store/pg_int.h"

static int refs_row(const PGresult *r, int i, void *arg)
{
	struct entity_refs *out = arg;

	out->people = pgb_col_int(r, i, 0);
	out->subteams = pgb_col_int(r, i, 1);
	out->evidence = pgb_col_int(r, i, 2);
	out->assessed = pgb_col_int(r, i, 3);
	out->reports = pgb_col_int(r, i, 4);
	out->requirements = pgb_col_int(r, i, 5);
	out->accounts = pgb_col_int(r, i, 6);
	out->tokens = pgb_col_int(r, i, 7);
	out->quality = pgb_col_int(r, i, 8);
	out->coaching = pgb_col_int(r, i, 9);
	return 0;
}

int pq_refs(struct store *st, enum entity kind, int64_t id, struct entity_refs *out,
	    struct err *err)
{
	static const enum stmt_id q[ENTITY_KEYED] = {
		Q_REFS_TEAM, Q_REFS_PERSON, Q_REFS_COMPETENCY, Q_REFS_ROLE
	};
	struct params p = { 0 };

	pgb_param_int(&p, id);
	return pgb_run_rows(st, q[kind], &p, refs_row, out, "count references", err);
}

/* Runs statement q with $1 bound to id. */
static int run_on_id(struct store *st, enum stmt_id q, int64_t id, struct err *err)
{
	struct params p = { 0 };

	pgb_param_int(&p, id);
	return pgb_run_done(st, q, &p, "delete", NULL, err);
}

int pq_delete_row(struct store *st, enum entity kind, int64_t id, struct err *err)
{
	static const enum stmt_id q[ENTITY_KEYED] = {
		Q_DELETE_TEAM, Q_DELETE_PERSON, Q_DELETE_COMPETENCY, Q_DELETE_ROLE
	};

	if (kind == ENTITY_TEAM && run_on_id(st, Q_UNLINK_REVOKED_TEAM, id, err) < 0)
		return -1;
	if (kind == ENTITY_PERSON && run_on_id(st, Q_UNLINK_REVOKED_PERSON, id, err) < 0)
		return -1;
	return run_on_id(st, q[kind], id, err);
}

int pq_clear_requirements(struct store *st, int64_t role_id, struct err *err)
{
	return run_on_id(st, Q_DELETE_REQUIREMENTS, role_id, err);
}

/* The columns of EVIDENCE_ENTRY_COLUMNS of row i into x, its strings r's. */
static void entry_of(const PGresult *r, int i, struct evidence_entry *x)
{
	*x = (struct evidence_entry){
		.e = {
			.id = pgb_col_int(r, i, 0),
			.competency = pgb_col_text(r, i, 1),
			.level = pgb_col_real(r, i, 2),
			.level_decimals = (int)pgb_col_int(r, i, 3),
			.source = SOURCE_SELF,
			.date = (int32_t)pgb_col_int(r, i, 5),
			.assessor = pgb_col_text(r, i, 6),
			.note = pgb_col_text(r, i, 7),
		},
		.reason = pgb_col_text(r, i, 8),
		.retracted_at = pgb_col_text(r, i, 9),
	};
	(void)source_parse(pgb_col_text(r, i, 4), &x->e.source);
}

static int entry_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct evidence_entry x;

	entry_of(r, i, &x);
	return ((int (*)(void *, const struct evidence_entry *))c->cb)(c->ctx, &x);
}

/* The same with the person's key, the column after (EVIDENCE_ONE_COLUMNS). */
static int one_row(const PGresult *r, int i, void *arg)
{
	struct callback *c = arg;
	struct evidence_entry x;

	entry_of(r, i, &x);
	x.e.person = pgb_col_text(r, i, 10);
	return ((int (*)(void *, const struct evidence_entry *))c->cb)(c->ctx, &x);
}

int pq_page_evidence(struct store *st, const char *person, int32_t date, int64_t id,
		     size_t n, int (*cb)(void *ctx, const struct evidence_entry *e),
		     void *ctx, struct err *err)
{
	struct callback c = { (void *)cb, ctx };
	struct params p = { 0 };

	pgb_param_text(&p, person);
	pgb_param_int(&p, date);
	pgb_param_int(&p, id);
	pgb_param_int(&p, (int64_t)n);
	return pgb_run_rows(st, Q_PAGE_EVIDENCE, &p, entry_row, &c, "read evidence", err);
}

int pq_evidence_by_id(struct store *st, int64_t id,
		      int (*cb)(void *ctx, const struct evidence_entry *e), void *ctx,
		      struct err *err)
{
	struct callback c = { (void *)cb, ctx };
	struct params p = { 0 };

	pgb_param_int(&p, id);
	return pgb_run_rows(st, Q_EVIDENCE_BY_ID, &p, one_row, &c, "read evidence", err);
}
