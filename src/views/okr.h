/* A team's OKR board as the command line, the API and the pages see it
 * (docs/methodology.md, "OKRs"): its objectives on a day, each key
 * result's baseline, current value, progress, status and forecast, the
 * objective's progress against the time elapsed, and the check-ins due.
 * The values of competency key results come from the evidence, through
 * the time travel of the store (store_each_member_sums): the shares at
 * the start, at each month end since, and on the day asked, in one pass.
 * The method is core/okr.h's; the stored objectives store/okr.h's. */
#ifndef COMPGAP_VIEWS_OKR_H
#define COMPGAP_VIEWS_OKR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/analysis.h"
#include "core/okr.h"
#include "store/okr.h"
#include "util/jsonw.h"

/* One key result on the day asked. */
struct okr_kr_view {
	const struct key_result *kr;
	/* Competency key results: the members counted, and of them those at
	 * the level on the day asked (else 0). */
	size_t members, meeting;
	/* What if: the members below the level today with an open
	 * development action on the competency due by the end (or undated),
	 * and the share if each action raised its person to the level. */
	size_t planned;
	double projected;                /* NAN: nobody to count, or not a competency key result */
	double baseline, current;        /* NAN: nobody to count */
	double progress;                 /* NAN: no value */
	bool has_status;
	enum okr_status status;          /* against the objective's expected */
	struct okr_point *history;       /* the forecast's points, oldest first */
	size_t nhistory;
	struct okr_forecast forecast;
	/* The check-in cadence of metric and milestone key results of an
	 * objective running on the day asked: the next check-in's day after
	 * the latest (or after the start, when none yet). */
	bool has_checkin_due;
	int32_t checkin_due;
};

/* One objective on the day asked. */
struct okr_objective_view {
	const struct objective *o;
	double progress;                 /* weighted mean of its key results'; NAN: none */
	double expected;
	bool has_status;
	enum okr_status status;
	struct okr_kr_view *krs;         /* o->nkrs */
};

/* The board. */
struct okr_view {
	const char *team;                /* the caller's string; NULL: the organisation */
	int32_t as_of;
	struct okr_board board;
	struct okr_objective_view *objectives;   /* board.nobjectives */
	struct arena arena;
};

/* Gathers the objectives of team (NULL: those of the whole organisation)
 * as of as_of into v: store_require_key's error for an unknown team.
 * Free v with okr_free either way. */
int okr_gather(struct store *st, const char *team, int32_t as_of, struct okr_view *v,
	       struct err *err);

/* Links the gaps of a, the view of team (a key) as of a->as_of, to the
 * key results they serve: each competency that a key result of an
 * objective running on that day names — of team, of a team above it, or
 * of the whole organisation — lists their keys (strings in arena) and
 * counts OKR_GAP_FACTOR times in the priority; a's lines are then sorted
 * again. a->links gets the same for the own team of every member (and
 * for members without one, the organisation's key results), so that the
 * sub-teams' lines and the recommendations serve what each team's own
 * view serves. 0, or -1 with err set. */
int okr_link_gaps(struct store *st, const char *team, struct analysis *a, struct arena *arena,
		  struct err *err);

/* Whether k's check-in is overdue on today: due before it. */
bool okr_checkin_overdue(const struct okr_kr_view *k, int32_t today);

/* The document of `compgap okr --json` (docs/api.md): {"team", "as_of",
 * "objectives": [{"objective", "title", ..., "key_results": [...]}]}. */
void okr_json(struct jw *w, const struct okr_view *v);

void okr_free(struct okr_view *v);

/* okr_gather and okr_json in one call. */
int view_okr(struct store *st, const char *team, int32_t as_of, struct jw *w, struct err *err);

#endif
