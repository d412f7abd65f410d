/* The demo's development plans (issue 13, items 7 and 8): a handful of
 * actions entered by hand for people of every team, of most kinds, some
 * with a mentor, spread over the statuses, with due dates so that some
 * are overdue at the end of the demo's year and more by December 2026
 * (the dashboard's "Overdue plan actions"). None comes from a
 * recommendation, so that accepting one of the demo's recommendations
 * finds no action of it in the plan. Each is added on a day of the year
 * and, when it moved on, set to its status on a later day. */
#ifndef COMPGAP_DEMO_PLANS_H
#define COMPGAP_DEMO_PLANS_H

#include "store/plans.h"
#include "store/store.h"
#include "util/err.h"

/* What the actions are. */
struct demo_plan_counts {
	long actions;
	long by_status[PLAN_STATUS_COUNT];
};

/* Stores the actions in the caller's transaction; the people, mentors
 * and competencies they name must be stored. 0, or -1 with err set. */
int demo_plans_store(struct store *st, struct demo_plan_counts *c, struct err *err);

#endif
