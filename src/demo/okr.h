/* The demo organisation's objectives, key results and check-ins. */
#ifndef COMPGAP_DEMO_OKR_H
#define COMPGAP_DEMO_OKR_H

#include "store/store.h"

/* Imports them into st, inside the caller's transaction, after the teams,
 * people and competencies; sets the rows stored of each. 0, or -1 with
 * err set. */
int demo_okr_import(struct store *st, long *objectives, long *key_results, long *checkins,
		    struct err *err);

#endif
