/* The documents of the evaluation pages and endpoints (docs/api.md,
 * "Evaluations"): one evaluation with the other views of the same contact
 * and their alignment to it (the calibration: docs/methodology.md,
 * "Quality evaluations"), and a person's evaluations of a period. Read by
 * views/quality.c's evaluation_gather; pure comparisons by core/quality.c. */
#ifndef COMPGAP_VIEWS_EVALUATIONS_H
#define COMPGAP_VIEWS_EVALUATIONS_H

#include <stdbool.h>
#include <stddef.h>

#include "views/views.h"

/* One evaluation and the other views of its contact. */
struct evaluation_calibration {
	struct evaluation_view base;
	struct evaluation_view *views;     /* the other views in force, oldest first (malloc'd) */
	size_t nviews;
	double *difference;                /* [view * base.e.nscores + i]: the view's
					      percentage on base's area i minus
					      base's, NAN where either did not
					      score it (malloc'd) */
	double *alignment;                 /* per view: qa_alignment with base's
					      weights, NAN when no area is shared */
};

/* Reads evaluation key and the other views in force of the same contact
 * of the same agent, and compares each with it, by area name. 0, or -1
 * with err set (EX_DATAERR: no such evaluation). Free c with
 * evaluation_calibration_free either way. */
int evaluation_calibration_gather(struct store *st, const char *key,
				  struct evaluation_calibration *c, struct err *err);

/* The document of GET /api/v1/evaluations/{key}: the fields of `show
 * evaluation --json` and "views": [{"evaluation", "evaluator", "kind",
 * "date", "score", "auto_failed", "praise", "alignment", "areas": [{"area",
 * "percentage", "difference"}]}]. hide_peer_evaluators: the evaluator of
 * a peer evaluation is null (what an employee sees). */
void evaluation_calibration_json(struct jw *w, const struct evaluation_calibration *c,
				 bool hide_peer_evaluators);

void evaluation_calibration_free(struct evaluation_calibration *c);

/* A person's evaluations in force dated first..last, newest first. */
struct person_evaluations {
	const char *person;
	struct evaluation_view *items;     /* malloc'd, each freed with evaluation_free */
	size_t n;
};

int person_evaluations_gather(struct store *st, const char *person, int32_t first, int32_t last,
			      struct person_evaluations *pe, struct err *err);

/* {"person", "month" (or null), "evaluations": [{"evaluation", "contact",
 * "channel", "evaluator", "kind", "date", "scorecard", "score",
 * "auto_failed", "praise", "counts"}]}. */
void person_evaluations_json(struct jw *w, const struct person_evaluations *pe, const char *month,
			     bool hide_peer_evaluators);

void person_evaluations_free(struct person_evaluations *pe);

#endif
