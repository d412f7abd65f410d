#include "cli/gather.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util/array.h"
#include "util/date.h"

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
	const struct snapshot_filter f = { team, NULL };

	out->n = 0;
	out->snaps = calloc(n ? n : 1, sizeof *out->snaps);
	out->points = calloc(n ? n : 1, sizeof *out->points);
	if (out->snaps == NULL || out->points == NULL) {
		trend_free(out);
		return err_set(err, EX_OSERR, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		if (store_load_snapshot(st, &f, dates[i], &out->snaps[i], err) < 0)
			goto fail;
		if (analysis_run(&out->snaps[i], store_settings(st), &out->points[i]) < 0) {
			store_free_snapshot(&out->snaps[i]);
			err_set(err, EX_OSERR, "out of memory");
			goto fail;
		}
		out->n++;
	}
	return 0;
fail:
	trend_free(out);
	return -1;
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

/* Possible mentors on one competency. */
struct candidates {
	struct candidate *items;
	size_t n, cap;
	struct arena *arena;
	const struct settings *set;
	int32_t as_of;
};

static int add_candidate(void *ctx, const char *person, const char *team,
			 const struct evidence_sums *s)
{
	struct candidates *c = ctx;
	struct estimate e;
	struct candidate *x;

	estimate_from_sums(s, c->set, c->as_of, &e);
	if (!e.assessed)
		return 0;
	if (array_reserve(&c->items, &c->cap, c->n + 1, sizeof *c->items) < 0)
		return -1;
	x = &c->items[c->n];
	x->person = arena_strdup(c->arena, person);
	x->team = arena_strdup(c->arena, team);
	x->level = e.level;
	x->confidence = e.confidence;
	if (x->person == NULL || (team != NULL && x->team == NULL))
		return -1;
	c->n++;
	return 0;
}

static int keep_developability(void *ctx, const struct competency *c)
{
	*(enum developability *)ctx = c->developability;
	return 0;
}

/* Whether any member falls short on competency by the gap threshold:
 * only then are mentors looked for. */
static bool has_gaps(const struct analysis *a, const char *competency, const struct settings *set)
{
	for (size_t i = 0; i < a->nlines; i++)
		if (strcmp(a->lines[i].competency, competency) == 0 && a->lines[i].est.assessed &&
		    a->lines[i].gap >= set->gap_threshold - ESTIMATE_EPS)
			return true;
	return false;
}

int gather_recommendations(struct store *st, const struct analysis *a, const char *team,
			   struct rec_context *ctx, struct recommendations *out, struct err *err)
{
	const struct settings *set = store_settings(st);

	memset(ctx, 0, sizeof *ctx);
	arena_init(&ctx->arena, SIZE_MAX);
	ctx->in = calloc(a->ncompetencies + 1, sizeof *ctx->in);
	ctx->candidates = calloc(a->ncompetencies + 1, sizeof *ctx->candidates);
	if (ctx->in == NULL || ctx->candidates == NULL)
		goto oom;
	ctx->n = a->ncompetencies;
	for (size_t k = 0; k < a->ncompetencies; k++) {
		const char *c = a->competencies[k].competency;
		struct candidates cands = { .arena = &ctx->arena, .set = set, .as_of = a->as_of };
		int rc;

		if (store_each_competency(st, c, keep_developability, &ctx->in[k].developability, err) != 0)
			return -1;
		if (has_gaps(a, c, set)) {
			rc = store_each_competency_sums(st, c, a->as_of, add_candidate, &cands, err);
			ctx->candidates[k] = cands.items;
			if (rc > 0)
				goto oom;
			if (rc < 0)
				return -1;
		}
		ctx->in[k].candidates = cands.items;
		ctx->in[k].ncandidates = cands.n;
	}
	if (recommend(a, team, ctx->in, set, out) < 0)
		goto oom;
	return 0;
oom:
	return err_set(err, EX_OSERR, "out of memory");
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
