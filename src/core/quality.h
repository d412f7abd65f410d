/* The quality loop's method (issue 13; docs/methodology.md, "Quality
 * evaluations"): scorecards of weighted areas, evaluations of customer
 * contacts, the evidence an evaluation gives, the alignment of two views
 * of one contact, and a team's month (quality scores, cadence, alerts,
 * praise, the areas where agents fall short, group coaching).
 *
 * Pure functions on arrays the caller owns: no I/O, no allocation. A
 * score or percentage that does not exist (an area not scored, an agent
 * without evaluations) is NAN, which the JSON writers print as null. */
#ifndef COMPGAP_QUALITY_H
#define COMPGAP_QUALITY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/model.h"

/* Who evaluated a contact, and so what the evaluation feeds. */
enum eval_kind {
	EVAL_MANAGER,        /* a coach or team lead: quality score, evidence qa */
	EVAL_PEER,           /* a colleague: quality score, evidence qa */
	EVAL_SELF,           /* the agent: evidence self, alignment */
	EVAL_CALIBRATION,    /* a calibration session's score: feeds nothing */
	EVAL_KIND_COUNT
};

/* The channel of the contact evaluated. */
enum channel {
	CHANNEL_PHONE,
	CHANNEL_EMAIL,
	CHANNEL_CHAT,
	CHANNEL_SOCIAL,
	CHANNEL_DESK,
	CHANNEL_COUNT
};

const char *eval_kind_name(enum eval_kind k);
/* 0, or -1 when name is no kind (eval_kind_list names the valid ones). */
int eval_kind_parse(const char *name, enum eval_kind *k);
const char *eval_kind_list(void);
const char *channel_name(enum channel c);
int channel_parse(const char *name, enum channel *c);
const char *channel_list(void);

/* Whether evaluations of this kind count towards the agent's quality
 * score, cadence, alerts and praise (manager and peer). */
bool eval_kind_scores(enum eval_kind k);

/* The evidence source an area score of this kind becomes; false for a
 * calibration evaluation, which feeds no evidence. */
bool eval_kind_source(enum eval_kind k, enum source *out);

/* One area of a scorecard: how it weighs and how it is scored. */
struct qa_area {
	double weight;       /* > 0 */
	double min, max;     /* the scale, min < max (0-1 yes/no, 1-5 ...) */
	bool critical;       /* under QA_CRITICAL_PERCENT fails the evaluation */
};

enum {
	QA_CRITICAL_PERCENT = 50,    /* a critical area under this: auto-fail */
	QA_PRAISE_PERCENT = 95,      /* an evaluation at or above this: praise */
	QA_GROUP_PERCENT = 70,       /* an agent's area mean under this: short */
	QA_GROUP_AGENTS = 3,         /* group coaching: at least this many agents */
	QA_GROUP_SHARE = 30          /* ... and at least this % of the team */
};

/* (score - min) / (max - min) * 100; the caller has checked that score
 * lies on the scale. */
double qa_area_percentage(const struct qa_area *a, double score);

/* The level of the evidence an area percentage gives: 1 + 4 * p / 100. */
double qa_evidence_level(double percentage);

/* The level that is stored for the evidence of an area percentage:
 * qa_evidence_level rounded half away from zero to LEVEL_DECIMALS_MAX (6)
 * decimals, as the packed history holds levels (core/history.h), into
 * *level, exactly the double that the decimal text of it reads as, and
 * the digits after the point it needs (trailing zeros dropped) into
 * *decimals. The rounding moves the level by less than 5e-7
 * (docs/methodology.md, "Quality evaluations"). */
void qa_evidence_level_stored(double percentage, double *level, int *decimals);

/* One evaluation's result. */
struct qa_result {
	double score;        /* sum w p / sum w over the areas scored; 0 when
	                        auto-failed; NAN when no area was scored */
	bool auto_failed;    /* a critical area under 50 % */
	bool praise;         /* score >= 95 */
};

/* The evaluation of areas[0..n-1], percentage[i] the area's percentage or
 * NAN when the area was not scored (left out of both sums). */
struct qa_result qa_evaluate(const struct qa_area *areas, const double *percentage, size_t n);

/* The alignment of two views of one contact on the same n areas, of
 * weights weight[]: 1 - sum(w |a - b|) / (sum w * 100) over the areas both
 * scored; NAN when they share none. */
double qa_alignment(const double *weight, const double *a, const double *b, size_t n);

/* One evaluation of a team's month, as qa_month reads it. */
struct qa_eval {
	size_t agent;                /* index into the month's agents */
	size_t contact;              /* the contact's id: views of one contact pair up */
	enum eval_kind kind;
	struct qa_result result;
	const double *percentage;    /* per area of the month (qa_month's nareas), NAN not scored */
	const double *weight;        /* per area of the month: its scorecard weight (for alignment) */
};

/* One agent's month. */
struct qa_agent_month {
	size_t evaluations;          /* manager and peer evaluations */
	double quality_score;        /* their mean score; NAN without any */
	bool under_target;           /* evaluations < target */
	double alignment;            /* mean over the agent's self evaluations
	                                and the manager or peer views of the
	                                same contacts; NAN without a pair */
	size_t alerts, praise;       /* auto-failed, >= 95 */
};

/* One area's month over the team. */
struct qa_area_month {
	double mean_percentage;      /* over every manager and peer score of it; NAN none */
	size_t below;                /* agents whose own mean on it is under 70 % */
	bool group_coaching;         /* below >= 3 and >= 30 % of the agents */
};

/* A team's month from its evaluations e[0..ne-1] (of that month, any
 * kind), nagents agents and nareas areas. Fills agents[nagents],
 * areas[nareas] and agent_area[nagents * nareas] (agent a's mean
 * percentage on area r at [a * nareas + r], NAN none). */
void qa_month(const struct qa_eval *e, size_t ne, size_t nagents, size_t nareas, int target,
	      struct qa_agent_month *agents, struct qa_area_month *areas, double *agent_area);

/* The group-coaching rule alone: below of nagents agents short on an area. */
bool qa_group_coaching(size_t below, size_t nagents);

enum {
	QA_DUE_MONTHS_BEFORE = 2     /* an evaluated agent: evaluated in the month or these before */
};

/* The cadence's reminder rule (docs/methodology.md, "Quality
 * evaluations"): whether an agent with evaluations manager and peer
 * evaluations in a month, and before of them in the QA_DUE_MONTHS_BEFORE
 * months before it, is due more: under target, and an evaluated agent (one
 * of them at least), so that a team lead or a colleague outside the
 * contact work is never reminded of. */
bool qa_due(size_t evaluations, size_t before, int target);

#endif
