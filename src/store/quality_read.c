/* The reads behind the quality views (store/quality.h): a team's month,
 * the evaluations behind evidence rows, and the rows evaluations produced.
 * The writes are in quality.c. */
#include "store/quality.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/quality_int.h"
#include "util/array.h"

/* ---- reads for the views ----------------------------------------------- */

struct month {
	struct arena *a;
	const char **members;
	size_t nmembers, capm;
	struct qa_month_row *rows;
	size_t nrows, capr;
	bool failed;
};

static int member_row(void *ctx, const char *const *cols, int ncols)
{
	struct month *m = ctx;

	if (ncols < 1)
		return 0;
	if (array_reserve(&m->members, &m->capm, m->nmembers + 1, sizeof *m->members) < 0 ||
	    (m->members[m->nmembers] = arena_strdup(m->a, cols[0])) == NULL)
		return m->failed = true, 1;
	m->nmembers++;
	return 0;
}

static int month_row(void *ctx, const char *const *cols, int ncols)
{
	struct month *m = ctx;
	struct qa_month_row *r;
	enum eval_kind kind = EVAL_CALIBRATION;

	if (ncols < 10)
		return 0;
	if (array_reserve(&m->rows, &m->capr, m->nrows + 1, sizeof *m->rows) < 0)
		return m->failed = true, 1;
	(void)eval_kind_parse(cols[3], &kind);
	r = &m->rows[m->nrows++];
	*r = (struct qa_month_row){
		.evaluation = col_int(cols[0]),
		.agent = arena_strdup(m->a, cols[1]),
		.contact = arena_strdup(m->a, cols[2]),
		.area = arena_strdup(m->a, cols[4]),
		.kind = kind,
		.a = { .weight = col_real(cols[5]), .min = col_real(cols[6]), .max = col_real(cols[7]),
		       .critical = col_int(cols[8]) != 0 },
		.score = col_real(cols[9]),
	};
	if (ncols >= 13) {
		r->key = arena_strdup(m->a, cols[10]);
		r->evaluator = cols[11] != NULL ? arena_strdup(m->a, cols[11]) : NULL;
		r->date = (int32_t)col_int(cols[12]);
		if (r->key == NULL || (cols[11] != NULL && r->evaluator == NULL))
			return m->failed = true, 1;
	}
	if (r->agent == NULL || r->contact == NULL || r->area == NULL)
		return m->failed = true, 1;
	return 0;
}

/* Moves a malloc'd array of n items of size into the arena a. */
static void *into_arena(struct arena *a, void *items, size_t n, size_t size)
{
	void *p = n > 0 ? arena_alloc(a, n * size) : NULL;

	if (p != NULL)
		memcpy(p, items, n * size);
	free(items);
	return p;
}

int store_team_month(struct store *st, const char *team, int32_t first, int32_t last,
		     struct arena *a, const char ***members, size_t *nmembers,
		     struct qa_month_row **rows, size_t *nrows, struct err *err)
{
	struct month m = { .a = a };
	int rc;

	*members = NULL;
	*rows = NULL;
	*nmembers = *nrows = 0;
	if (store_require_key(st, ENTITY_TEAM, team, err) < 0)
		return -1;
	rc = run(st, QA_TEAM_MEMBERS, (struct pv_param[]){ p_text(team) }, 1, member_row, &m, NULL,
		 err);
	if (rc == 0)
		rc = run(st, QA_TEAM_MONTH, (struct pv_param[]){ p_text(team), p_int(first), p_int(last) },
			 3, month_row, &m, NULL, err);
	if (rc == 0 && m.failed)
		rc = err_set(err, EX_OSERR, "out of memory");
	if (rc == 0) {
		*members = into_arena(a, m.members, m.nmembers, sizeof *m.members);
		*rows = into_arena(a, m.rows, m.nrows, sizeof *m.rows);
		if ((m.nmembers > 0 && *members == NULL) || (m.nrows > 0 && *rows == NULL))
			return err_set(err, EX_OSERR, "out of memory");
		*nmembers = m.nmembers;
		*nrows = m.nrows;
		return 0;
	}
	free(m.members);
	free(m.rows);
	return -1;
}

struct links {
	struct arena *a;
	int64_t *ids;
	const char **keys;
	size_t n, cap;
	bool failed;
};

static int link_row(void *ctx, const char *const *cols, int ncols)
{
	struct links *l = ctx;
	size_t cap = l->cap;

	if (ncols < 2)
		return 0;
	if (array_reserve(&l->ids, &cap, l->n + 1, sizeof *l->ids) < 0 ||
	    array_reserve(&l->keys, &l->cap, l->n + 1, sizeof *l->keys) < 0 ||
	    (l->keys[l->n] = arena_strdup(l->a, cols[1])) == NULL)
		return l->failed = true, 1;
	l->ids[l->n++] = col_int(cols[0]);
	return 0;
}

static int by_id(const void *x, const void *y)
{
	int64_t a = *(const int64_t *)x, b = *(const int64_t *)y;

	return (a > b) - (a < b);
}

int store_evaluation_links(struct store *st, const char *person, const char *competency,
			   struct arena *a, int64_t **ids, const char ***keys, size_t *n,
			   struct err *err)
{
	struct links l = { .a = a };
	int rc = run(st, QA_EXPLAIN_LINKS, (struct pv_param[]){ p_text(person), p_text(competency) },
		     2, link_row, &l, NULL, err);

	*ids = NULL;
	*keys = NULL;
	*n = 0;
	if (rc == 0 && l.failed)
		rc = err_set(err, EX_OSERR, "out of memory");
	if (rc == 0 && l.n > 0) {
		/* (id, position) pairs sorted by id give both arrays in order. */
		int64_t *pairs = malloc(l.n * 2 * sizeof *pairs);
		int64_t *sid = arena_alloc(a, l.n * sizeof *sid);
		const char **skey = arena_alloc(a, l.n * sizeof *skey);

		if (pairs == NULL || sid == NULL || skey == NULL) {
			rc = err_set(err, EX_OSERR, "out of memory");
		} else {
			for (size_t i = 0; i < l.n; i++) {
				pairs[2 * i] = l.ids[i];
				pairs[2 * i + 1] = (int64_t)i;
			}
			qsort(pairs, l.n, 2 * sizeof *pairs, by_id);
			for (size_t i = 0; i < l.n; i++) {
				sid[i] = pairs[2 * i];
				skey[i] = l.keys[pairs[2 * i + 1]];
			}
			*ids = sid;
			*keys = skey;
			*n = l.n;
		}
		free(pairs);
	}
	free(l.ids);
	free(l.keys);
	return rc < 0 ? -1 : 0;
}

int store_derived_evidence(struct store *st, int64_t **ids, size_t *n, struct err *err)
{
	struct ids x = { 0 };
	int rc = run(st, QA_DERIVED_EVIDENCE, NULL, 0, id_row, &x, NULL, err);

	*ids = NULL;
	*n = 0;
	if (rc == 0 && x.failed)
		rc = err_set(err, EX_OSERR, "out of memory");
	if (rc < 0) {
		free(x.v);
		return -1;
	}
	*ids = x.v;
	*n = x.n;
	return 0;
}

int store_each_evaluation_row(struct store *st,
			      int (*cb)(void *ctx, const char *const *cols, int ncols), void *ctx,
			      struct err *err)
{
	return run(st, QA_EXPORT_EVALUATIONS, NULL, 0, cb, ctx, NULL, err);
}
