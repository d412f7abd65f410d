/* What store/quality.c and quality_read.c share: parameters, the
 * backend's runner of store/quality_sql.h, and the columns, which come
 * back as text. */
#ifndef COMPGAP_STORE_QUALITY_INT_H
#define COMPGAP_STORE_QUALITY_INT_H

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#include "store/backend.h"
#include "util/array.h"

static inline struct pv_param p_int(int64_t i)
{
	return (struct pv_param){ .kind = PV_INT, .i = i };
}

static inline struct pv_param p_real(double r)
{
	return (struct pv_param){ .kind = PV_REAL, .r = r };
}

static inline struct pv_param p_text(const char *s)
{
	return s != NULL ? (struct pv_param){ .kind = PV_TEXT, .s = s }
			 : (struct pv_param){ .kind = PV_NULL };
}

static inline int run(struct store *st, enum qa_stmt id, const struct pv_param *p, int np,
		      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		      int64_t *changes, struct err *err)
{
	return st->be->qa_run(st, id, p, np, row, ctx, changes, err);
}

/* Whole numbers and numbers of the columns, which come back as text; a
 * column that is not one is a database that another program wrote. */
static inline int64_t col_int(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

static inline double col_real(const char *s)
{
	return s != NULL ? strtod(s, NULL) : NAN;
}

/* Ids read into a growing array (id_row). */
struct ids {
	int64_t *v;
	size_t n, cap;
	bool failed;
};

static inline int id_row(void *ctx, const char *const *cols, int ncols)
{
	struct ids *x = ctx;

	if (ncols < 1)
		return 0;
	if (array_reserve(&x->v, &x->cap, x->n + 1, sizeof *x->v) < 0)
		return x->failed = true, 1;
	x->v[x->n++] = col_int(cols[0]);
	return 0;
}

#endif
