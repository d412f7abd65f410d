/* What each backend implements for objectives, key results and check-ins
 * (store/okr.h): one function that runs the statements of
 * store/okr_sql.h, which each engine compiles with its own placeholders
 * (sqlite_okr.c, pg_okr.c). store/okr.c holds the rest, the same on both
 * engines. Nothing outside src/store/ includes this file. */
#ifndef COMPGAP_OKR_BE_H
#define COMPGAP_OKR_BE_H

#include <stdint.h>

#include "store/privacy_be.h"

struct store;
struct err;

/* The statements; store/okr_sql.h gives the parameters and the columns of
 * each. The board's come in fours, one per scope, in the order of enum
 * okr_scope (OK_OBJECTIVES + scope ...). */
enum okr_stmt {
	OK_OBJECTIVE_ID, OK_PUT_OBJECTIVE, OK_PARENTS, OK_SET_REVIEW,
	OK_KEY_RESULT_STATE, OK_PUT_KEY_RESULT, OK_PUT_CHECKIN, OK_KEY_RESULT,
	OK_OBJECTIVES, OK_OBJECTIVES_ORG, OK_OBJECTIVES_ALL, OK_OBJECTIVES_ONE,
	OK_KEY_RESULTS, OK_KEY_RESULTS_ORG, OK_KEY_RESULTS_ALL, OK_KEY_RESULTS_ONE,
	OK_CHECKINS, OK_CHECKINS_ORG, OK_CHECKINS_ALL, OK_CHECKINS_ONE,
	OK_REFS_TEAM, OK_REFS_PERSON, OK_REFS_COMPETENCY, OK_ERASE_PERSON,
	OK_COUNT_OF_STATEMENTS
};

/* Runs statement id with p[0..np) (struct pv_param of privacy_be.h) as
 * its parameters; calls row(ctx, cols, ncols) for each result row with
 * its columns as text (NULL for SQL NULL; a double in its shortest form
 * that reads back as the same double), until it returns nonzero, which is
 * returned; *changes (when not NULL) gets the rows an INSERT or UPDATE
 * changed. */
typedef int okr_run_fn(struct store *st, enum okr_stmt id, const struct pv_param *p, int np,
		       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		       int64_t *changes, struct err *err);

okr_run_fn sq_okr_run, pq_okr_run;

#endif
