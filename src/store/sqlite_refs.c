/* SQLite: what refers to a team, person, competency or role, their
 * deletion, and pages of one person's evidence. */
#include <stdint.h>
#include <sqlite3.h>

#include "store/sqlite_int.h"

int sq_refs(struct store *st, enum entity kind, int64_t id, struct entity_refs *out,
	    struct err *err)
{
	static const enum stmt_id q[ENTITY_KEYED] = {
		Q_REFS_TEAM, Q_REFS_PERSON, Q_REFS_COMPETENCY, Q_REFS_ROLE
	};
	sqlite3_stmt *s = sq_prepare(st, q[kind], err);
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		out->people = sqlite3_column_int64(s, 0);
		out->subteams = sqlite3_column_int64(s, 1);
		out->evidence = sqlite3_column_int64(s, 2);
		out->assessed = sqlite3_column_int64(s, 3);
		out->reports = sqlite3_column_int64(s, 4);
		out->requirements = sqlite3_column_int64(s, 5);
		out->accounts = sqlite3_column_int64(s, 6);
		out->tokens = sqlite3_column_int64(s, 7);
		out->quality = sqlite3_column_int64(s, 8);
		out->coaching = sqlite3_column_int64(s, 9);
	}
	sqlite3_reset(s);
	return rc == SQLITE_ROW ? 0 : sq_db_error(st, rc, "count references", err);
}

/* Runs statement id with ?1 bound to id. */
static int run_on_id(struct store *st, enum stmt_id q, int64_t id, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, q, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return sq_step_done(st, s, "delete", NULL, err);
}

int sq_delete_row(struct store *st, enum entity kind, int64_t id, struct err *err)
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

int sq_clear_requirements(struct store *st, int64_t role_id, struct err *err)
{
	return run_on_id(st, Q_DELETE_REQUIREMENTS, role_id, err);
}

/* The columns of EVIDENCE_ENTRY_COLUMNS into x, its strings the statement's. */
static void entry_of(sqlite3_stmt *s, struct evidence_entry *x)
{
	*x = (struct evidence_entry){
		.e = {
			.id = sqlite3_column_int64(s, 0),
			.competency = sq_column_text(s, 1),
			.level = sqlite3_column_double(s, 2),
			.level_decimals = sqlite3_column_int(s, 3),
			.source = SOURCE_SELF,
			.date = sqlite3_column_int(s, 5),
			.assessor = sq_column_text(s, 6),
			.note = sq_column_text(s, 7),
		},
		.reason = sq_column_text(s, 8),
		.retracted_at = sq_column_text(s, 9),
	};
	(void)source_parse(sq_column_text(s, 4), &x->e.source);
}

static int entry_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct evidence_entry x;

	entry_of(s, &x);
	return ((int (*)(void *, const struct evidence_entry *))c->cb)(c->ctx, &x);
}

/* The same with the person's key, the column after (EVIDENCE_ONE_COLUMNS). */
static int one_row(sqlite3_stmt *s, void *arg)
{
	struct callback *c = arg;
	struct evidence_entry x;

	entry_of(s, &x);
	x.e.person = sq_column_text(s, 10);
	return ((int (*)(void *, const struct evidence_entry *))c->cb)(c->ctx, &x);
}

int sq_page_evidence(struct store *st, const char *person, int32_t date, int64_t id,
		     size_t n, int (*cb)(void *ctx, const struct evidence_entry *e),
		     void *ctx, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PAGE_EVIDENCE, err);
	struct callback c = { (void *)cb, ctx };

	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, person);
	sqlite3_bind_int(s, 2, date);
	sqlite3_bind_int64(s, 3, id);
	sqlite3_bind_int64(s, 4, (sqlite3_int64)n);
	return sq_run_query(st, s, entry_row, &c, err);
}

int sq_evidence_by_id(struct store *st, int64_t id,
		      int (*cb)(void *ctx, const struct evidence_entry *e), void *ctx,
		      struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_EVIDENCE_BY_ID, err);
	struct callback c = { (void *)cb, ctx };

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	return sq_run_query(st, s, one_row, &c, err);
}
