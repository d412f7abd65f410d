/* Scorecards and evaluations of customer contacts, stored (issue 13;
 * docs/data-model.md, "Scorecards and evaluations"; the method is
 * core/quality.h). The same on both engines: the SQL is in
 * store/quality_sql.h, run by the backend's qa_run; bulk rows go through
 * the backend's put_rows.
 *
 * Conventions as in store.h: 0 or -1 with err set; writes inside the
 * caller's write transaction. */
#ifndef COMPGAP_STORE_QUALITY_H
#define COMPGAP_STORE_QUALITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/quality.h"
#include "store/store.h"
#include "util/arena.h"

/* One area of a scorecard's version. */
struct scorecard_area_def {
	int64_t id;                  /* the stored area; 0 before it is stored */
	const char *name;
	const char *competency;      /* the key of the competency it feeds */
	struct qa_area a;            /* weight, scale, critical */
};

/* A scorecard's latest version. */
struct scorecard_def {
	const char *name;
	int version;                 /* 1, 2, ... */
	int64_t version_id;
	struct scorecard_area_def *areas;   /* in their order */
	size_t nareas;
};

/* Reads the latest version of every scorecard, in the order they were
 * first stored, into *out (n in *n), everything in the arena a. */
int store_load_scorecards(struct store *st, struct arena *a, struct scorecard_def **out,
			  size_t *n, struct err *err);

/* Stores scorecard name with areas[0..n) (n >= 1, names distinct, their
 * competencies stored, weights > 0, min < max; their ids ignored): nothing
 * changes when its latest version has exactly these areas, in this order
 * (names, competencies, weights, scales, critical flags); otherwise it
 * gets version N + 1 (1 when it is new). *version gets its latest
 * version after, *added whether this call added it. */
int store_put_scorecard(struct store *st, const char *name, const struct scorecard_area_def *areas,
			size_t n, int *version, bool *added, struct err *err);

/* Calls cb with the key, id and retraction of every stored evaluation. */
int store_each_evaluation_key(struct store *st,
			      int (*cb)(void *ctx, const char *key, int64_t id, bool retracted),
			      void *ctx, struct err *err);

/* One area score of an evaluation to store. */
struct qa_score_in {
	size_t area;                 /* index into the scorecard's areas */
	double score;                /* on the area's scale (checked by the caller) */
	const char *comment;         /* NULL: none */
};

/* One evaluation to store, whole: every area score it has. */
struct qa_eval_in {
	const char *key, *contact;
	const char *agent, *evaluator;      /* keys of stored people */
	enum channel channel;
	enum eval_kind kind;
	int32_t date;
	const struct scorecard_def *card;   /* the latest version, as loaded in
					       this transaction: the version the
					       evaluation is bound to */
	const struct qa_score_in *scores;
	size_t nscores;
	int64_t id;                  /* the stored evaluation of this key (not
					retracted), 0 when there is none */
};

/* What store_put_evaluations did. */
struct qa_put_stats {
	long added;                  /* new evaluations */
	long corrected;              /* stored ones replaced */
	long unchanged;              /* stored ones given again as they were */
	long evidence;               /* evidence rows appended */
	long retracted;              /* evidence rows retracted by corrections */
};

/* Stores ev[0..n) (keys distinct) in the open transaction. A new one is
 * inserted with its scores; one whose id is set replaces the stored one
 * unless it is identical to it (the same contact, channel, agent,
 * evaluator, kind, date, scorecard version and area scores with their
 * comments): its evidence rows are retracted (as compgap retract does,
 * rebuilding the pairs' sums) and its scores replaced. Each area score
 * of a manager or peer evaluation appends an evidence row (source qa, of
 * a self evaluation source self; a calibration none) on the area's
 * competency, dated on the evaluation's date, assessed by the evaluator,
 * at the level qa_evidence_level_stored gives its percentage, through
 * store_append_evidence (so the running sums and histories are kept);
 * the score keeps the row's id. */
int store_put_evaluations(struct store *st, const struct qa_eval_in *ev, size_t n,
			  struct qa_put_stats *stats, struct err *err);

/* Retracts evaluation key with reason (non-empty) in the open transaction:
 * every evidence row in force it produced is retracted (store_retract_
 * evidence, the reason naming the evaluation) and the evaluation marked
 * retracted. *rows (when not NULL) gets how many evidence rows. Fails
 * with EX_DATAERR when there is no such evaluation or it is retracted
 * already. */
int store_retract_evaluation(struct store *st, const char *key, const char *reason, long *rows,
			     struct err *err);

/* One area score of a stored evaluation. */
struct qa_stored_score {
	int64_t area_id;
	const char *area, *competency;
	struct qa_area a;
	double score;
	const char *comment;         /* NULL: none */
	int64_t evidence_id;         /* 0: none */
};

/* A stored evaluation. */
struct qa_stored_eval {
	int64_t id;
	const char *key, *contact, *channel, *agent, *kind;
	const char *evaluator;       /* NULL after the evaluator's erasure */
	int32_t date;
	const char *scorecard;
	int version;
	int64_t version_id;
	const char *retracted_at, *retract_reason;   /* NULL when in force */
	struct qa_stored_score *scores;              /* in the areas' order */
	size_t nscores;
};

/* Reads evaluation key into out, strings in the arena a: 1 when found,
 * 0 when there is none, -1 with err set. */
int store_get_evaluation(struct store *st, const char *key, struct arena *a,
			 struct qa_stored_eval *out, struct err *err);

/* One area score of a team's month. */
struct qa_month_row {
	int64_t evaluation;
	const char *agent, *contact, *area;
	enum eval_kind kind;
	struct qa_area a;
	double score;
	const char *key;             /* the evaluation's key */
	const char *evaluator;       /* NULL after the evaluator's erasure */
	int32_t date;
};

/* The keys of the active members of team and its sub-teams (as gaps
 * --team counts them) in key order, and every area score of their
 * evaluations in force dated first..last (an evaluation's rows together),
 * everything in the arena a. Fails with store_require_key's error when
 * there is no such team. */
int store_team_month(struct store *st, const char *team, int32_t first, int32_t last,
		     struct arena *a, const char ***members, size_t *nmembers,
		     struct qa_month_row **rows, size_t *nrows, struct err *err);

/* The evaluation keys of person's evidence rows on competency that came
 * from evaluations: ids[i] (ascending) came from keys[i]; in the arena a. */
int store_evaluation_links(struct store *st, const char *person, const char *competency,
			   struct arena *a, int64_t **ids, const char ***keys, size_t *n,
			   struct err *err);

/* The ids of every evidence row an evaluation produced, ascending, into
 * *ids (malloc'd, the caller frees; NULL when none). */
int store_derived_evidence(struct store *st, int64_t **ids, size_t *n, struct err *err);

/* Calls cb with each row of the evaluations in force, one per area score,
 * in the order they were stored: the columns of evaluations.csv
 * (evaluation, contact, channel, agent, evaluator, kind, date as days,
 * area, score, comment, scorecard) as text, NULL where empty. */
int store_each_evaluation_row(struct store *st,
			      int (*cb)(void *ctx, const char *const *cols, int ncols), void *ctx,
			      struct err *err);

/* Calls cb with each area of every scorecard's latest version, in the
 * order of store_load_scorecards. */
int store_each_scorecard_area(struct store *st,
			      int (*cb)(void *ctx, const struct scorecard_def *card,
					const struct scorecard_area_def *area),
			      void *ctx, struct err *err);

/* The keys of the evaluations in force of agent's contact (the views of
 * one contact: the coach's, the agent's own, a calibration's), oldest
 * first, in the arena a; none when agent is unknown. */
int store_contact_evaluations(struct store *st, const char *agent, const char *contact,
			      struct arena *a, const char ***keys, size_t *n, struct err *err);

/* The keys of agent's evaluations in force dated first..last, newest
 * first, in the arena a. */
int store_agent_evaluations(struct store *st, const char *agent, int32_t first, int32_t last,
			    struct arena *a, const char ***keys, size_t *n, struct err *err);

#endif
