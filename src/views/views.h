/* The read-only views, one function per document: the command line's
 * --json and the server's /api/v1 answers both call these, so that the
 * two give the same bytes (DESIGN.md: one code path per capability).
 *
 * Each function reads what it needs from st (its caller opens the read
 * transaction), then writes one JSON value where the writer w stands; the
 * caller began the document with jw_init and ends it with jw_finish.
 * Everything is read before anything is written, so a failure leaves w
 * untouched: then they return -1 with err set (the store's messages:
 * EX_DATAERR naming the unknown team, person or competency). */
#ifndef COMPGAP_VIEWS_H
#define COMPGAP_VIEWS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "core/analysis.h"
#include "core/quality.h"
#include "core/estimate.h"
#include "core/recommend.h"
#include "store/quality.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/jsonw.h"

/* Who reads a view, when that is not everyone: the server's caller.
 * What the reader may not see is withheld (docs/security.md, "What each
 * role sees of the views"): a mentor outside their reach is named only
 * by team, and an employee sees peer evidence without its assessor. NULL
 * for a reader who sees everything (the command line, admin, hr). */
struct view_reader {
	/* 1 when the reader may see person (a key), 0 when not, -1 with err
	 * set when it cannot tell. */
	int (*may_see_person)(void *ctx, const char *person, struct err *err);
	void *ctx;
	bool hide_peer_assessors;
};

/* Loads the snapshot of team (or of person, when team is NULL) as of
 * as_of and analyses it, into snap and a; the caller frees both with
 * view_analysis_free. 0, or -1 with err set and nothing left to free. */
int view_analyse(struct store *st, const char *team, const char *person, int32_t as_of,
		 struct team_snapshot *snap, struct analysis *a, struct err *err);

/* Frees what view_analyse made. */
void view_analysis_free(struct team_snapshot *snap, struct analysis *a);

/* The team document of `compgap gaps --json` (io/json.h,
 * json_team_analysis): team with its sub-teams; of its members only those
 * rd may see (rd NULL: all), the team's figures of them all. */
int view_team_gaps(struct store *st, const char *team, int32_t as_of,
		   const struct view_reader *rd, struct jw *w, struct err *err);

/* The recommendations document of `compgap recommend --json`. */
int view_team_recommendations(struct store *st, const char *team, int32_t as_of,
			      const struct view_reader *rd, struct jw *w, struct err *err);

/* The trend document of `compgap trend --json`: the team view at each
 * month end from from to to (to itself the last), of competency only when
 * it is not NULL (then it must exist). */
int view_team_trend(struct store *st, const char *team, int32_t from, int32_t to,
		    const char *competency, struct jw *w, struct err *err);

/* The person document of `compgap person --json`. */
int view_person(struct store *st, const char *person, int32_t as_of, struct jw *w,
		struct err *err);

/* One person's rows on one competency with their weights: what `compgap
 * explain` shows, as a table or as JSON. */
struct explain {
	const char *person, *competency;   /* the caller's strings, not copied */
	int32_t as_of;
	struct evidence *rows;             /* n, oldest first; strings in arena */
	const char **evaluation;           /* per row: the key of the evaluation it
					      came from, NULL when none; in arena */
	size_t n, cap;
	struct estimate est;               /* the level the rows give */
	double sum_weight, sum_weighted_level;
	struct arena arena;
};

/* Reads and weighs the rows of person on competency (both must exist).
 * 0, or -1 with err set; x is to be freed with explain_free either way. */
int explain_gather(struct store *st, const char *person, const char *competency, int32_t as_of,
		   struct explain *x, struct err *err);

/* The explain document of `compgap explain --json`. */
void explain_json(struct jw *w, const struct explain *x, const struct settings *set);

/* Removes the assessor of every peer row of x (what an employee sees of
 * their own evidence). */
void explain_hide_peer_assessors(struct explain *x);

/* What rd may not see of r: a recommendation about one member it may not
 * see (individual coaching, a mentor for them, reassignment) is left out;
 * members it may not see are left out of the others' lists; a mentor it
 * may not see is withheld (struct recommendation, mentor_withheld); a
 * key person it may not see is not named. rd NULL: nothing. 0, or -1
 * with err set. */
int view_withhold_people(struct recommendations *r, const struct view_reader *rd,
			 struct err *err);

/* In *hidden (NULL when rd is NULL: nothing hidden), for each member of a,
 * whether rd may not see them; the caller frees it. 0, or -1 with err
 * set. */
int view_hidden_members(const struct analysis *a, const struct view_reader *rd, bool **hidden,
			struct err *err);

/* Frees what explain_gather kept. */
void explain_free(struct explain *x);

/* explain_gather and explain_json in one call. */
int view_explain(struct store *st, const char *person, const char *competency, int32_t as_of,
		 const struct view_reader *rd, struct jw *w, struct err *err);

/* One stored evaluation with what the method makes of it (`compgap show
 * evaluation`): each area's percentage and the evaluation's result. */
struct evaluation_view {
	struct qa_stored_eval e;           /* strings in arena */
	double *percentage;                /* per score of e, not rounded */
	struct qa_result result;           /* score, auto_failed, praise */
	struct arena arena;
};

/* Reads evaluation key (retracted or not) into v; EX_DATAERR when there
 * is none. Free v with evaluation_free either way. */
int evaluation_gather(struct store *st, const char *key, struct evaluation_view *v,
		      struct err *err);

/* The document of `compgap show evaluation KEY --json` (docs/api.md). */
void evaluation_json(struct jw *w, const struct evaluation_view *v);

/* Its fields alone, for a document that adds more to the object. */
void evaluation_json_fields(struct jw *w, const struct evaluation_view *v);

void evaluation_free(struct evaluation_view *v);

/* A team's month of quality evaluations (docs/methodology.md, "Quality
 * evaluations"): the active members of the team and its sub-teams, the
 * evaluations in force dated in the month, qa_month's figures. */
struct quality_month {
	const char *team;                  /* the caller's string */
	char month[8];                     /* YYYY-MM */
	int32_t first, last;               /* its first and last day */
	int target;                        /* setting qa_target_per_month */
	const char **agents;               /* nagents, by key */
	size_t nagents;
	bool *hidden;                      /* per agent: the reader may not see them */
	struct qa_agent_month *agent_month;/* per agent */
	const char **areas;                /* nareas, by name: those scored in the month */
	size_t nareas;
	struct qa_area_month *area_month;  /* per area */
	double *agent_area;                /* [agent * nareas + area]: the agent's mean */
	size_t *due, ndue;                 /* after quality_due: the agents qa_due names,
	                                      the reader may see, most missing first */
	size_t nevaluated;                 /* after quality_due: the agents evaluated in the
	                                      month or the months before, due or not */
	struct arena arena;
};

/* Parses YYYY-MM into its first and last day: 0, or -1 when it is not
 * one. */
int quality_month_parse(const char *text, int32_t *first, int32_t *last);

/* Gathers team's month (YYYY-MM) into m for reader rd (NULL: sees all):
 * EX_USAGE for a month that is not one, store_require_key's error for an
 * unknown team. Free m with quality_free either way. */
int quality_gather(struct store *st, const char *team, const char *month,
		   const struct view_reader *rd, struct quality_month *m, struct err *err);

/* The document of `compgap quality --json`: {"team", "month", "target",
 * "agents": [...], "areas": [...], "group_coaching": [...]}, the agents rd
 * may not see left out (the figures are still of all). */
void quality_json(struct jw *w, const struct quality_month *m);

void quality_free(struct quality_month *m);

/* Fills m->due (m from quality_gather) with the agents due evaluations by
 * the cadence's reminder rule, qa_due, reading the evaluations of the
 * QA_DUE_MONTHS_BEFORE months before m's: those the reader may see, with
 * the fewest evaluations (the most missing) first, then by key. 0, or -1
 * with err set. */
int quality_due(struct store *st, struct quality_month *m, struct err *err);

/* The document of `compgap quality --due --json` (GET
 * /api/v1/teams/{key}/quality/due): {"team", "month", "target", "due":
 * [{"agent", "evaluations", "missing"}]}, most missing first, then by key;
 * the agents the reader may not see left out. */
void quality_due_json(struct jw *w, const struct quality_month *m);

/* quality_gather and quality_json in one call. */
int view_team_quality(struct store *st, const char *team, const char *month,
		      const struct view_reader *rd, struct jw *w, struct err *err);

/* quality_gather, quality_due and quality_due_json in one call. */
int view_team_quality_due(struct store *st, const char *team, const char *month,
			  const struct view_reader *rd, struct jw *w, struct err *err);

/* The HTML report of `compgap report`: gathered first (so that a bad team
 * fails before any file is made), then written. */
struct view_report;

/* Gathers the report of team as of as_of into *out (freed with
 * view_report_free). 0, or -1 with err set and *out NULL. */
int view_report_gather(struct store *st, const char *team, int32_t as_of,
		       const struct view_reader *rd, struct view_report **out, struct err *err);

/* Writes the gathered report to out: 0, or -1 when writing failed. */
int view_report_write(FILE *out, const struct view_report *r);

/* Frees a gathered report; NULL is allowed. */
void view_report_free(struct view_report *r);

#endif
