/* What each backend implements for alerts and webhooks (store/alerts.h):
 * one function that runs the statements of store/alerts_sql.h, which each
 * engine compiles with its own placeholders (sqlite_alerts.c,
 * pg_alerts.c). Nothing outside src/store/ includes this file. */
#ifndef COMPGAP_ALERTS_BE_H
#define COMPGAP_ALERTS_BE_H

#include <stdint.h>

#include "store/privacy_be.h"

struct store;
struct err;

/* The statements; store/alerts_sql.h gives the parameters and the
 * columns of each. */
enum al_stmt {
	AL_ROWS, AL_ROWS_TEAM, AL_ROWS_ONE, AL_ROWS_AGENT,
	AL_EP_ADD, AL_EP_URL, AL_EP_REMOVE, AL_EP_EACH, AL_EP_ANY, AL_ENQUEUE,
	AL_DELIVERIES, AL_DELIVERIES_OF, AL_DUE, AL_CLAIM, AL_UPDATE,
	AL_COUNT_OF_STATEMENTS
};

/* Runs statement id as qa_run_fn (store/quality_be.h) does. */
typedef int al_run_fn(struct store *st, enum al_stmt id, const struct pv_param *p, int np,
		      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		      int64_t *changes, struct err *err);

al_run_fn sq_al_run, pq_al_run;

#endif
