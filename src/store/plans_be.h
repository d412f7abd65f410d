/* What each backend implements for development plans (store/plans.h):
 * one function that runs the statements of store/plans_sql.h, which each
 * engine compiles with its own placeholders (sqlite_plans.c,
 * pg_plans.c). store/plans.c holds the rest, the same on both engines.
 * Nothing outside src/store/ includes this file. */
#ifndef COMPGAP_PLANS_BE_H
#define COMPGAP_PLANS_BE_H

#include <stdint.h>

#include "store/privacy_be.h"

struct store;
struct err;

/* The statements; store/plans_sql.h gives the parameters and the columns
 * of each. */
enum pl_stmt {
	PL_INSERT, PL_SET_STATUS, PL_BY_ID, PL_OF_PERSON, PL_OVERDUE, PL_SAME_SOURCE,
	PL_REFS_PERSON, PL_REFS_COMPETENCY, PL_ERASE_PERSON, PL_UNLINK_MENTOR, PL_OPEN_ON,
	PL_COUNT_OF_STATEMENTS
};

/* Runs statement id with p[0..np) (struct pv_param of privacy_be.h) as
 * its parameters; calls row(ctx, cols, ncols) for each result row with
 * its columns as text (NULL for SQL NULL), until it returns nonzero,
 * which is returned; *changes (when not NULL) gets the rows an INSERT or
 * UPDATE changed. */
typedef int plan_run_fn(struct store *st, enum pl_stmt id, const struct pv_param *p, int np,
			int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
			int64_t *changes, struct err *err);

plan_run_fn sq_plan_run, pq_plan_run;

#endif
