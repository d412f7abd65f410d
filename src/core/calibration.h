/* Calibration (issue 13, item 3; docs/methodology.md, "Calibration"): how
 * far the views of one contact lie apart. Which views pair up:
 *
 *   self pair       the agent's self evaluation and a manager or peer
 *                   evaluation of the same contact of the same agent;
 *                   the weights of the manager's or peer's scorecard
 *   evaluator pair  two manager or peer evaluations of the same contact
 *                   of the same agent by two different, known evaluators;
 *                   per area the mean of their two weights
 *   session         each calibration evaluation of a contact against the
 *                   agreed score: the contact's manager evaluation (the
 *                   latest, by date and then key, when there are
 *                   several); its weights. Without one the session has
 *                   no agreed score and its alignments are NAN.
 *
 * Pure functions on arrays the caller owns: no I/O, no allocation. */
#ifndef COMPGAP_CALIBRATION_H
#define COMPGAP_CALIBRATION_H

#include <stddef.h>
#include <stdint.h>

#include "core/quality.h"

/* No evaluator (erased), or no agreed score. */
#define CAL_NONE SIZE_MAX

/* One evaluation of the month, as the calibration reads it. */
struct cal_view {
	size_t agent;                /* index of the agent */
	size_t contact;              /* the contact's id: views of one (agent, contact) pair up */
	size_t evaluator;            /* index of the evaluator; CAL_NONE when unknown */
	enum eval_kind kind;
	const double *percentage;    /* per area, NAN when not scored */
	const double *weight;        /* per area: its scorecard weight (any when not scored) */
};

enum cal_pair_kind {
	CAL_PAIR_SELF,               /* first: the self view; second: the manager's or peer's */
	CAL_PAIR_EVALUATORS,         /* first, second: two coaches, in the input's order */
	CAL_PAIR_SESSION             /* first: the calibration view; second: the agreed
	                                score's, CAL_NONE when there is none */
};

/* Two views of one contact and how well they agree. */
struct cal_pair {
	enum cal_pair_kind kind;
	size_t first, second;        /* indexes into the views */
	double alignment;            /* 1 - sum w |a - b| / (sum w * 100) over the
	                                areas both scored; NAN when none or no
	                                agreed score */
};

/* The pairs of v[0..n), which the caller has sorted by agent, then
 * contact, then date and key (so that the agreed score of a session is
 * its group's last manager view), on nareas areas: writes the first cap
 * of them to out (in the views' order: per contact its self pairs, its
 * evaluator pairs, its session pairs) and returns how many there are, so
 * that a call with cap 0 counts them. */
size_t cal_pairs(const struct cal_view *v, size_t n, size_t nareas, struct cal_pair *out,
		 size_t cap);

/* A mean alignment over pairs. */
struct cal_mean {
	size_t pairs;                /* the pairs with an alignment */
	double alignment;            /* their mean; NAN when none */
};

/* One area's disagreement. */
struct cal_area {
	size_t pairs;                /* the pairs (with both views) that both scored it */
	double mean_difference;      /* mean |p_a - p_b| in percentage points; NAN none */
};

/* The figures of the pairs p[0..np) of views v: agents[nagents] the mean
 * alignment of each agent's self pairs; evaluators[nevaluators] of each
 * evaluator's evaluator pairs (either side) and session pairs (the
 * calibration side); areas[nareas] the mean absolute difference over
 * every pair that has both views. */
void cal_summary(const struct cal_view *v, const struct cal_pair *p, size_t np, size_t nagents,
		 size_t nevaluators, size_t nareas, struct cal_mean *agents,
		 struct cal_mean *evaluators, struct cal_area *areas);

#endif
