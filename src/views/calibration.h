/* A team's month of calibration (`compgap calibration`, GET
 * /api/v1/teams/{key}/calibration; docs/methodology.md, "Calibration"):
 * the pairs of views of one contact that core/calibration.h defines, read
 * from the same month as the quality view. */
#ifndef COMPGAP_VIEWS_CALIBRATION_H
#define COMPGAP_VIEWS_CALIBRATION_H

#include "core/calibration.h"
#include "views/views.h"

/* One evaluation of the month, with the strings the documents name. */
struct calibration_eval {
	const char *key, *contact;
	const char *evaluator;             /* NULL after an erasure */
	int32_t date;
};

struct calibration_month {
	const char *team;                  /* the caller's string */
	char month[8];                     /* YYYY-MM */
	const char **agents;               /* nagents, by key: the team's active members */
	size_t nagents;
	bool *agent_hidden;                /* per agent: the reader may not see them */
	const char **evaluators;           /* nevaluators, by key: who made a manager,
	                                      peer or calibration view */
	size_t nevaluators;
	bool *evaluator_hidden;
	const char **areas;                /* nareas, by name */
	size_t nareas;
	struct cal_view *views;            /* nviews, sorted by agent, contact, date, key */
	struct calibration_eval *evals;    /* per view */
	size_t nviews;
	struct cal_pair *pairs;            /* npairs */
	size_t npairs;
	struct cal_mean *agent_mean;       /* per agent */
	struct cal_mean *evaluator_mean;   /* per evaluator */
	struct cal_area *area_diff;        /* per area */
	size_t *area_order;                /* the areas by mean difference, largest first */
	struct arena arena;
};

/* Gathers team's month (YYYY-MM) into m for reader rd (NULL: sees all):
 * EX_USAGE for a month that is not one, store_require_key's error for an
 * unknown team. Free m with calibration_free either way. */
int calibration_gather(struct store *st, const char *team, const char *month,
		       const struct view_reader *rd, struct calibration_month *m, struct err *err);

/* The document of `compgap calibration --json` (docs/api.md). */
void calibration_json(struct jw *w, const struct calibration_month *m);

void calibration_free(struct calibration_month *m);

/* calibration_gather and calibration_json in one call. */
int view_team_calibration(struct store *st, const char *team, const char *month,
			  const struct view_reader *rd, struct jw *w, struct err *err);

#endif
