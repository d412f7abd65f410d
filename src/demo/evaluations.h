/* The demo's quality evaluations (issue 13, item 8): two scorecards, and a
 * year of evaluated customer contacts of the contact teams, so that the
 * quality, calibration and coaching views have something real to show.
 *
 * demo.c draws, where it drew the quality rows of evidence before, each
 * manager evaluation's day, coach and observed levels (from the people's
 * true levels), and hands them to demo_qa_manager; demo_qa_finish adds,
 * from a generator of its own (so that the other sources' evidence stays
 * as it was), the area scores, peer and self evaluations and calibration
 * sessions; the writers give scorecards.csv and evaluations.csv, which go
 * through the ordinary import. */
#ifndef COMPGAP_DEMO_EVALUATIONS_H
#define COMPGAP_DEMO_EVALUATIONS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/quality.h"
#include "util/err.h"

/* The competencies a scorecard area shows, in this order. */
enum {
	DQ_CUSTOMER_FOCUS,
	DQ_COMMUNICATION,
	DQ_ACTIVE_LISTENING,
	DQ_MUNICIPAL_KNOWLEDGE,
	DQ_CONFLICT_HANDLING,
	DQ_COMPETENCIES
};

/* The keys of those competencies, in that order. */
extern const char *const demo_qa_competencies[DQ_COMPETENCIES];

/* A person as the evaluations need them. */
struct demo_qa_person {
	const char *key;
	const char *team;            /* its key: kcc-online is chat and email */
	const char *manager;         /* the team lead, NULL for none */
	int self_bias_competency;    /* DQ_*: where they rate themselves off, -1 none */
	double self_bias;            /* + above what others see, - below */
};

struct demo_qa;

/* A collector for npeople people (kept, not copied), the coaches the
 * calibration sessions have (keys, kept). NULL when out of memory. */
struct demo_qa *demo_qa_new(const struct demo_qa_person *people, int npeople,
			    const char *const *coaches, int ncoaches);
void demo_qa_free(struct demo_qa *q);

/* A manager evaluation of agent by coach (indexes into the people) on
 * day, with the levels the coach observed per competency (DQ_*; NAN
 * where the agent's role does not need it) and a note (or NULL) on the
 * first area of competency note_competency. An agent's evaluations of a
 * month come one after another, month by month. 0, or -1 when out of
 * memory. */
int demo_qa_manager(struct demo_qa *q, int agent, int coach, int32_t day,
		    const double observed[DQ_COMPETENCIES], const char *note, int note_competency);

/* Draws the area scores and adds the peer and self evaluations and the
 * calibration sessions, from seed. 0, or -1 when out of memory. */
int demo_qa_finish(struct demo_qa *q, uint64_t seed);

/* What the evaluations are. */
struct demo_qa_counts {
	long scorecards;
	long evaluations;
	long by_kind[EVAL_KIND_COUNT];
	long sessions;               /* calibration sessions */
	long rows_qa, rows_self;     /* the evidence rows they give */
};

void demo_qa_count(const struct demo_qa *q, struct demo_qa_counts *c);

enum {
	DQ_AREAS = 6,                /* areas of a scorecard */
	DQ_KEY_MAX = 24              /* bytes of an evaluation's key */
};

/* One evaluation as the coaching sessions read it (demo/coaching.h). */
struct demo_qa_eval {
	int agent;                   /* index into the people */
	enum eval_kind kind;
	int32_t day;
	const char *area[DQ_AREAS];  /* its scorecard's area names */
	double percentage[DQ_AREAS]; /* each area's, NAN where not scored */
	double score;                /* the evaluation score (critical rule applied) */
};

/* How many evaluations there are, after demo_qa_finish. */
size_t demo_qa_size(const struct demo_qa *q);

/* Evaluation i (< demo_qa_size) into *out; its key into key (DQ_KEY_MAX
 * bytes), as evaluations.csv names it. */
void demo_qa_get(const struct demo_qa *q, size_t i, struct demo_qa_eval *out, char *key);

/* scorecards.csv and evaluations.csv. */
void demo_qa_write_scorecards(FILE *out);
void demo_qa_write_evaluations(const struct demo_qa *q, FILE *out);

#endif
