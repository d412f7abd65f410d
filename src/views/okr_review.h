/* The quarterly review of a team's objectives (docs/methodology.md,
 * "OKRs", the cadence): the objectives whose end falls in a quarter, each
 * as of its own end day, with what was reached, what was learned (the
 * review text and the check-in notes) and what carries over (key results
 * not done, with their gap). The command line (`compgap okr --review`)
 * and the review page (web/okr_review_page.c) both read it. */
#ifndef COMPGAP_VIEWS_OKR_REVIEW_H
#define COMPGAP_VIEWS_OKR_REVIEW_H

#include <stdint.h>

#include "util/jsonw.h"
#include "views/okr.h"

/* Parses "2026-Q3" into its first and last day: 0, or -1 when it is not
 * a quarter YYYY-Qn. */
int okr_quarter_parse(const char *s, int32_t *first, int32_t *last);

/* The last quarter that ended before today, as "YYYY-Qn" into out. */
void okr_quarter_last_finished(int32_t today, char out[8]);

/* One objective of the review, as of its end day: ov in v, the board of
 * the team on that day. */
struct okr_review_item {
	const struct okr_view *v;
	const struct okr_objective_view *ov;
};

struct okr_review {
	const char *team;            /* the caller's string; NULL: the organisation */
	char quarter[8];             /* "2026-Q3" */
	int32_t first, last;
	struct okr_view *views;      /* nviews: one per distinct end day */
	size_t nviews;
	struct okr_review_item *items;   /* n: by end day, then start, then key */
	size_t n;
};

/* Gathers the review of team (NULL: the organisation's objectives) for
 * quarter (YYYY-Qn, checked by the caller). 0, or -1 with err set; free
 * r with okr_review_free either way. */
int okr_review_gather(struct store *st, const char *team, const char *quarter,
		      struct okr_review *r, struct err *err);

void okr_review_free(struct okr_review *r);

/* The document of `compgap okr --review QUARTER --json` (docs/api.md):
 * {"team", "quarter", "first", "last", "objectives": [{"objective",
 * "title", "start", "end", "progress", "status", "review", "reached",
 * "notes", "carries_over"}]}. */
void okr_review_json(struct jw *w, const struct okr_review *r);

/* Gathers the review and writes its document to w: `compgap okr --review
 * QUARTER --json` and GET /api/v1/teams/{key}/okr/review give the same
 * bytes. 0, or -1 with err set. */
int view_okr_review(struct store *st, const char *team, const char *quarter, struct jw *w,
		    struct err *err);

/* The gap a key result not done leaves: |target - current| in its own
 * units (a share for a competency key result; a metric going down has
 * its target below), NAN without a value. */
double okr_review_remaining(const struct okr_kr_view *k);

#endif
