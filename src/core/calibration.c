/* Calibration: see calibration.h and docs/methodology.md, "Calibration". */
#include <math.h>

#include "core/calibration.h"

/* 1 - sum w |a - b| / (sum w * 100) over the areas a and b both scored;
 * w is b's weight, or the mean of both weights when mean_weights. */
static double pair_alignment(const struct cal_view *a, const struct cal_view *b, size_t nareas,
			     bool mean_weights)
{
	double w = 0, wd = 0;

	for (size_t r = 0; r < nareas; r++) {
		double wr;

		if (isnan(a->percentage[r]) || isnan(b->percentage[r]))
			continue;
		wr = mean_weights ? (a->weight[r] + b->weight[r]) / 2 : b->weight[r];
		w += wr;
		wd += wr * fabs(a->percentage[r] - b->percentage[r]);
	}
	return w > 0 ? 1 - wd / (w * 100) : NAN;
}

static bool same_contact(const struct cal_view *a, const struct cal_view *b)
{
	return a->agent == b->agent && a->contact == b->contact;
}

/* Appends a pair (when it fits) and counts it. */
static void add(struct cal_pair *out, size_t cap, size_t *k, enum cal_pair_kind kind,
		size_t first, size_t second, double alignment)
{
	if (*k < cap)
		out[*k] = (struct cal_pair){ kind, first, second, alignment };
	(*k)++;
}

size_t cal_pairs(const struct cal_view *v, size_t n, size_t nareas, struct cal_pair *out,
		 size_t cap)
{
	size_t k = 0;

	for (size_t g = 0; g < n;) {
		size_t end = g + 1, agreed = CAL_NONE;

		while (end < n && same_contact(&v[g], &v[end]))
			end++;
		for (size_t i = g; i < end; i++)
			if (v[i].kind == EVAL_MANAGER)
				agreed = i;
		for (size_t i = g; i < end; i++) {
			if (v[i].kind != EVAL_SELF)
				continue;
			for (size_t j = g; j < end; j++)
				if (eval_kind_scores(v[j].kind))
					add(out, cap, &k, CAL_PAIR_SELF, i, j,
					    pair_alignment(&v[i], &v[j], nareas, false));
		}
		for (size_t i = g; i < end; i++) {
			if (!eval_kind_scores(v[i].kind) || v[i].evaluator == CAL_NONE)
				continue;
			for (size_t j = i + 1; j < end; j++)
				if (eval_kind_scores(v[j].kind) && v[j].evaluator != CAL_NONE &&
				    v[j].evaluator != v[i].evaluator)
					add(out, cap, &k, CAL_PAIR_EVALUATORS, i, j,
					    pair_alignment(&v[i], &v[j], nareas, true));
		}
		for (size_t i = g; i < end; i++)
			if (v[i].kind == EVAL_CALIBRATION)
				add(out, cap, &k, CAL_PAIR_SESSION, i, agreed,
				    agreed == CAL_NONE ? NAN :
				    pair_alignment(&v[i], &v[agreed], nareas, false));
		g = end;
	}
	return k;
}

/* Counts a pair's alignment in a mean (its sum, divided at the end). */
static void mean_add(struct cal_mean *m, double alignment)
{
	m->pairs++;
	m->alignment += alignment;
}

void cal_summary(const struct cal_view *v, const struct cal_pair *p, size_t np, size_t nagents,
		 size_t nevaluators, size_t nareas, struct cal_mean *agents,
		 struct cal_mean *evaluators, struct cal_area *areas)
{
	/* The sums go in the means' alignment fields, divided at the end. */
	for (size_t a = 0; a < nagents; a++)
		agents[a] = (struct cal_mean){ 0, 0 };
	for (size_t e = 0; e < nevaluators; e++)
		evaluators[e] = (struct cal_mean){ 0, 0 };
	for (size_t r = 0; r < nareas; r++)
		areas[r] = (struct cal_area){ 0, 0 };
	for (size_t i = 0; i < np; i++) {
		const struct cal_pair *x = &p[i];
		const struct cal_view *a = &v[x->first];
		const struct cal_view *b;

		if (x->second == CAL_NONE)
			continue;
		b = &v[x->second];
		for (size_t r = 0; r < nareas; r++)
			if (!isnan(a->percentage[r]) && !isnan(b->percentage[r])) {
				areas[r].pairs++;
				areas[r].mean_difference += fabs(a->percentage[r] - b->percentage[r]);
			}
		if (isnan(x->alignment))
			continue;
		if (x->kind == CAL_PAIR_SELF) {
			mean_add(&agents[a->agent], x->alignment);
			continue;
		}
		/* An evaluator pair counts for both evaluators, a session's for
		 * the calibration view's evaluator alone. */
		if (x->kind == CAL_PAIR_EVALUATORS)
			mean_add(&evaluators[b->evaluator], x->alignment);
		if (a->evaluator != CAL_NONE)
			mean_add(&evaluators[a->evaluator], x->alignment);
	}
	for (size_t a = 0; a < nagents; a++)
		agents[a].alignment = agents[a].pairs > 0 ? agents[a].alignment / (double)agents[a].pairs
							   : NAN;
	for (size_t e = 0; e < nevaluators; e++)
		evaluators[e].alignment = evaluators[e].pairs > 0 ?
			evaluators[e].alignment / (double)evaluators[e].pairs : NAN;
	for (size_t r = 0; r < nareas; r++)
		areas[r].mean_difference = areas[r].pairs > 0 ?
			areas[r].mean_difference / (double)areas[r].pairs : NAN;
}
