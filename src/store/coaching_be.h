/* What each backend implements for coaching sessions (store/coaching.h):
 * one function that runs the statements of store/coaching_sql.h, which
 * each engine compiles with its own placeholders (sqlite_coaching.c,
 * pg_coaching.c). store/coaching.c holds the rest, the same on both
 * engines. Nothing outside src/store/ includes this file. */
#ifndef COMPGAP_COACHING_BE_H
#define COMPGAP_COACHING_BE_H

#include <stdint.h>

#include "store/privacy_be.h"

struct store;
struct err;

/* The statements; store/coaching_sql.h gives the parameters and the
 * columns of each. */
enum co_stmt {
	CO_SESSION_ID, CO_PUT_SESSION, CO_NAME_SESSION, CO_PUT_AGENT, CO_EVALUATION,
	CO_PUT_EVALUATION, CO_PUT_STAR, CO_AREA, CO_PUT_ITEM, CO_ITEM, CO_PUT_FOLLOWUP,
	CO_HEAD, CO_AGENTS, CO_EVALUATIONS, CO_STARS, CO_ITEMS, CO_FOLLOWUPS,
	CO_PERSON_SESSIONS, CO_PERSON_ITEMS, CO_TEAM_SESSIONS, CO_RECENT_EVALUATIONS,
	CO_COUNT_OF_STATEMENTS
};

/* Runs statement id as privacy_run_fn (store/privacy_be.h) runs its own. */
typedef int coach_run_fn(struct store *st, enum co_stmt id, const struct pv_param *p, int np,
			 int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
			 int64_t *changes, struct err *err);

coach_run_fn sq_coach_run, pq_coach_run;

#endif
