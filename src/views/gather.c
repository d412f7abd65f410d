#include "views/gather.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util/array.h"
#include "util/date.h"
#include "views/okr.h"

size_t trend_dates(int32_t from, int32_t to, int32_t *out)
{
	size_t n = 0;

	for (int32_t d = date_end_of_month(from); n < TREND_POINTS_MAX; d = date_end_of_month(d + 1)) {
		out[n++] = d < to ? d : to;
		if (d >= to)
			break;
	}
	return n;
}

int gather_trend(struct store *st, const char *team, const int32_t *dates, size_t n,
		 struct trend *out, struct err *err)
{
	const struct snapshot_filter f = { .team = team };

	out->n = 0;
	out->snaps = calloc(n ? n : 1, sizeof *out->snaps);
	out->points = calloc(n ? n : 1, sizeof *out->points);
	if (out->snaps == NULL || out->points == NULL) {
		trend_free(out);
		return err_set(err, EX_OSERR, "out of memory");
	}
	/* One read of the team's pairs for all the dates. */
	if (store_load_snapshots(st, &f, dates, n, out->snaps, err) < 0) {
		trend_free(out);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (analysis_run(&out->snaps[i], store_settings(st), &out->points[i]) < 0) {
			/* trend_free frees the first out->n only. */
			for (size_t k = i; k < n; k++)
				store_free_snapshot(&out->snaps[k]);
			trend_free(out);
			return err_set(err, EX_OSERR, "out of memory");
		}
		out->n++;
		if (okr_link_gaps(st, team, &out->points[i], &out->snaps[i].arena, err) < 0) {
			for (size_t k = i + 1; k < n; k++)
				store_free_snapshot(&out->snaps[k]);
			trend_free(out);
			return -1;
		}
	}
	return 0;
}

void trend_free(struct trend *t)
{
	for (size_t i = 0; i < t->n; i++) {
		analysis_free(&t->points[i]);
		store_free_snapshot(&t->snaps[i]);
	}
	free(t->snaps);
	free(t->points);
	memset(t, 0, sizeof *t);
}

/* Sorts the candidates that the store reports into their competencies. */
struct candidates {
	struct rec_context *ctx;
	const struct analysis *a;
	size_t *cap;                 /* per competency of the analysis */
	const struct settings *set;
	int32_t as_of;
};

static long competency_index(const struct analysis *a, const char *competency)
{
	for (size_t k = 0; k < a->ncompetencies; k++)
		if (strcmp(a->competencies[k].competency, competency) == 0)
			return (long)k;
	return -1;
}

static int add_candidate(void *ctx, const char *competency, const char *person, const char *team,
			 const struct evidence_sums *s)
{
	struct candidates *c = ctx;
	long k = competency_index(c->a, competency);
	struct rec_input *in;
	struct candidate *x;
	struct estimate e;

	if (k < 0)
		return 0;
	estimate_from_sums(s, c->set, c->as_of, &e);
	if (!e.assessed)
		return 0;
	in = &c->ctx->in[k];
	if (array_reserve(&c->ctx->candidates[k], &c->cap[k], in->ncandidates + 1,
			  sizeof *c->ctx->candidates[k]) < 0)
		return 1;
	x = &c->ctx->candidates[k][in->ncandidates];
	x->person = arena_strdup(&c->ctx->arena, person);
	x->team = arena_strdup(&c->ctx->arena, team);
	x->level = e.level;
	x->confidence = e.confidence;
	if (x->person == NULL || (team != NULL && x->team == NULL))
		return 1;
	in->candidates = c->ctx->candidates[k];
	in->ncandidates++;
	return 0;
}

static int keep_developability(void *ctx, const struct competency *c)
{
	*(enum developability *)ctx = c->developability;
	return 0;
}

int gather_recommendations(struct store *st, const struct analysis *a, const char *team,
			   struct rec_context *ctx, struct recommendations *out, struct err *err)
{
	const struct settings *set = store_settings(st);
	const char **wanted = NULL;
	double *min_levels = NULL;
	size_t *best = NULL;
	struct candidate_query q = { .as_of = a->as_of };
	int found;
	struct candidates c = { .ctx = ctx, .a = a, .set = set, .as_of = a->as_of };
	struct subteams groups;
	int rc = -1;

	memset(ctx, 0, sizeof *ctx);
	arena_init(&ctx->arena, SIZE_MAX);
	ctx->n = a->ncompetencies;
	ctx->in = calloc(a->ncompetencies + 1, sizeof *ctx->in);
	ctx->candidates = calloc(a->ncompetencies + 1, sizeof *ctx->candidates);
	c.cap = calloc(a->ncompetencies + 1, sizeof *c.cap);
	wanted = calloc(a->ncompetencies + 1, sizeof *wanted);
	min_levels = calloc(a->ncompetencies + 1, sizeof *min_levels);
	best = calloc(a->ncompetencies + 1, sizeof *best);
	if (ctx->in == NULL || ctx->candidates == NULL || c.cap == NULL || wanted == NULL ||
	    min_levels == NULL || best == NULL)
		goto oom;
	for (size_t k = 0; k < a->ncompetencies; k++)
		if (store_each_competency(st, a->competencies[k].competency, keep_developability,
					  &ctx->in[k].developability, err) != 0)
			goto out;
	/* Mentors are sought for the competencies with gaps, at the lowest
	 * level any mentee there needs; recommend() checks each mentee's.
	 * With k mentees, fewer than k mentors can be full and one is the
	 * mentee: beyond the team, the k + 2 best (and all tied with the
	 * last) always hold the one recommend() would choose. */
	for (size_t i = 0; i < a->nlines; i++) {
		const struct member_line *l = &a->lines[i];
		double needed = l->required_level + set->mentor_margin - ESTIMATE_EPS;
		size_t j = 0;

		if (!l->est.assessed || l->gap < set->gap_threshold - ESTIMATE_EPS)
			continue;
		while (j < q.n && strcmp(wanted[j], l->competency) != 0)
			j++;
		if (j == q.n) {
			wanted[q.n++] = l->competency;
			min_levels[j] = needed;
			best[j] = 2;
		} else if (needed < min_levels[j]) {
			min_levels[j] = needed;
		}
		best[j]++;
	}
	q.competencies = wanted;
	q.min_levels = min_levels;
	q.best = best;
	q.team = team;
	q.min_weight = estimate_mentor_min_weight(set);
	found = store_each_candidate(st, &q, add_candidate, &c, err);
	if (found > 0)
		goto oom;
	if (found < 0)
		goto out;
	/* Each team's advice as its own view gives it, gathered; a view of
	 * one team is the same as recommend() on it. */
	if (subteams_build(a, &groups) < 0)
		goto oom;
	if (recommend_gathered(a, &groups, team, ctx->in, set, out) < 0) {
		subteams_free(&groups);
		goto oom;
	}
	subteams_free(&groups);
	recommend_link_key_results(out, a);
	rc = 0;
	goto out;
oom:
	err_set(err, EX_OSERR, "out of memory");
out:
	free(c.cap);
	free(wanted);
	free(min_levels);
	free(best);
	return rc;
}

void rec_context_free(struct rec_context *ctx)
{
	for (size_t k = 0; ctx->candidates != NULL && k < ctx->n; k++)
		free(ctx->candidates[k]);
	free(ctx->candidates);
	free(ctx->in);
	arena_free(&ctx->arena);
	memset(ctx, 0, sizeof *ctx);
}
