/* The demo organisation: a municipal customer-contact centre with real gaps
 * to find, built from a fixed seed so that it is the same on every machine.
 * It is written as CSV and read back through the import, so that the demo
 * obeys every rule an organisation's own files do. */
#ifndef COMPGAP_DEMO_H
#define COMPGAP_DEMO_H

#include <stdint.h>

#include "core/quality.h"
#include "store/plans.h"
#include "store/store.h"
#include "util/err.h"

/* The demo's evidence covers these twelve months, whatever the date today,
 * so that its figures are reproducible. */
#define DEMO_FIRST_DAY "2025-11-01"
#define DEMO_LAST_DAY "2026-10-31"

/* What demo_create made. */
struct demo_summary {
	long teams, people, competencies, roles, indicators, requirements;
	long evidence;                     /* rows */
	long by_source[SOURCE_COUNT];      /* rows per source */
	long unassessed;                   /* people without any evidence */
	long scorecards;
	long evaluations;                  /* of customer contacts */
	long by_kind[EVAL_KIND_COUNT];     /* evaluations per kind */
	long sessions;                     /* calibration sessions */
	long coaching;                     /* coaching sessions */
	long coaching_group;               /* of which group sessions */
	long coaching_items;               /* development items agreed */
	long coaching_followups;           /* follow-ups of earlier items */
	long plan_actions;                 /* development plan actions */
	long plan_by_status[PLAN_STATUS_COUNT];
	long objectives, key_results, checkins;   /* OKRs */
};

/* Fills st, which must hold no teams, people or competencies yet, with the
 * demo organisation. Returns 0, or -1 with err set (EX_DATAERR when st is
 * not empty). */
int demo_create(struct store *st, struct demo_summary *summary, struct err *err);

#endif
