/* Reading what the analyses need beyond one snapshot: the team view over
 * a range of months, and the organisation's possible mentors and the
 * developability of each competency for the recommendations. */
#ifndef COMPGAP_VIEWS_GATHER_H
#define COMPGAP_VIEWS_GATHER_H

#include "core/analysis.h"
#include "core/recommend.h"
#include "store/store.h"

enum {
	TREND_POINTS_MAX = 240          /* twenty years of months */
};

/* The end of each month from `from` to `to`, the last cut at `to`, into out
 * (room for TREND_POINTS_MAX); returns how many. */
size_t trend_dates(int32_t from, int32_t to, int32_t *out);

/* The team view of team at each of the n dates. 0, or -1 with err set. */
int gather_trend(struct store *st, const char *team, const int32_t *dates, size_t n,
		 struct trend *out, struct err *err);

/* Frees a trend. */
void trend_free(struct trend *t);

/* What recommend() reads besides the analysis, kept until freed. */
struct rec_context {
	struct rec_input *in;           /* one per competency of the analysis */
	struct candidate **candidates;  /* their arrays */
	size_t n;
	struct arena arena;
};

/* Recommends for analysis a of team, reading developability and mentors
 * from st: its teams' recommendations gathered when a holds members of
 * several teams (recommend_gathered), else recommend()'s. 0, or -1 with
 * err set. */
int gather_recommendations(struct store *st, const struct analysis *a, const char *team,
			   struct rec_context *ctx, struct recommendations *out, struct err *err);

/* Frees a context. */
void rec_context_free(struct rec_context *ctx);

#endif
