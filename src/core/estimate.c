#include "core/estimate.h"

#include <math.h>

const char *estimate_flag_name(enum estimate_flag f)
{
	switch (f) {
	case FLAG_BLIND_SPOT: return "blind_spot";
	case FLAG_HIDDEN_STRENGTH: return "hidden_strength";
	case FLAG_NONE: break;
	}
	return NULL;
}

double estimate_snap(double v)
{
	double r = round(v * 1e6) / 1e6;

	return fabs(v - r) < 1e-10 ? r : v;
}

double estimate_term(int32_t date, double half_life)
{
	return exp2((double)(date - ESTIMATE_EPOCH) / half_life);
}

double estimate_scale(int32_t as_of, double half_life)
{
	return exp2((double)(ESTIMATE_EPOCH - as_of) / half_life);
}

double estimate_mentor_min_weight(const struct settings *set)
{
	double m = set->mentor_min_confidence;

	return m < 1 ? m / (1 - m) * (1 - ESTIMATE_EPS) : 1e300;
}

double estimate_decay(int32_t age, double half_life)
{
	return exp2(-(double)age / half_life);
}

void sums_add(struct evidence_sums *s, const struct settings *set, enum source source,
	      double level, int32_t date)
{
	double w = set->source_weight[source] * estimate_term(date, set->half_life);

	if (source == SOURCE_SELF) {
		s->n_self++;
		s->w_self += w;
		s->wl_self += w * level;
	} else {
		s->n_other++;
		s->w_other += w;
		s->wl_other += w * level;
	}
	if (s->n_self + s->n_other == 1 || date > s->max_date)
		s->max_date = date;
}

void sums_merge(struct evidence_sums *a, const struct evidence_sums *b)
{
	if (b->n_self + b->n_other == 0)
		return;
	if (a->n_self + a->n_other == 0 || b->max_date > a->max_date)
		a->max_date = b->max_date;
	a->n_self += b->n_self;
	a->n_other += b->n_other;
	a->w_self += b->w_self;
	a->wl_self += b->wl_self;
	a->w_other += b->w_other;
	a->wl_other += b->wl_other;
}

bool sums_valid_for(const struct evidence_sums *s, int32_t as_of)
{
	return s->n_self + s->n_other == 0 || s->max_date <= as_of;
}

/* Fills out from sums of weights (w, wl) that still lack the factor of
 * as_of, scale. Shared by both ways of estimating so that they agree to
 * the last bit wherever they can. */
static void finish(double w_self, double wl_self, long n_self, double w_other, double wl_other,
		   long n_other, double scale, const struct settings *set, struct estimate *out)
{
	double w = w_self + w_other;

	*out = (struct estimate){ .flag = FLAG_NONE };
	out->evidence = n_self + n_other;
	/* A row whose source weighs 0 is evidence of nothing. */
	if (out->evidence == 0 || w <= 0)
		return;
	out->assessed = true;
	out->level = estimate_snap((wl_self + wl_other) / w);
	out->evidence_weight = w * scale;
	out->confidence = out->evidence_weight / (out->evidence_weight + 1);
	out->has_self = n_self > 0 && w_self > 0;
	out->has_others = n_other > 0 && w_other > 0;
	if (out->has_self)
		out->self_level = estimate_snap(wl_self / w_self);
	if (out->has_others)
		out->others_level = estimate_snap(wl_other / w_other);
	if (out->has_self && out->has_others) {
		double d = out->self_level - out->others_level;

		if (d >= set->blind_spot - ESTIMATE_EPS)
			out->flag = FLAG_BLIND_SPOT;
		else if (d <= -set->blind_spot + ESTIMATE_EPS)
			out->flag = FLAG_HIDDEN_STRENGTH;
	}
}

void estimate_from_sums(const struct evidence_sums *s, const struct settings *set,
			int32_t as_of, struct estimate *out)
{
	double scale = estimate_scale(as_of, set->half_life);

	finish(s->w_self, s->wl_self, (long)s->n_self, s->w_other, s->wl_other, (long)s->n_other,
	       scale, set, out);
}

void estimate_from_rows(const struct evidence *rows, size_t n, const struct settings *set,
			int32_t as_of, struct estimate *out)
{
	double w_self = 0, wl_self = 0, w_other = 0, wl_other = 0;
	long n_self = 0, n_other = 0;

	for (size_t i = 0; i < n; i++) {
		struct row_weight rw;

		estimate_row_weight(&rows[i], set, as_of, &rw);
		if (!rw.counted)
			continue;
		if (rows[i].source == SOURCE_SELF) {
			n_self++;
			w_self += rw.weight;
			wl_self += rw.weight * rows[i].level;
		} else {
			n_other++;
			w_other += rw.weight;
			wl_other += rw.weight * rows[i].level;
		}
	}
	finish(w_self, wl_self, n_self, w_other, wl_other, n_other, 1.0, set, out);
}

void estimate_row_weight(const struct evidence *e, const struct settings *set, int32_t as_of,
			 struct row_weight *out)
{
	out->counted = e->date <= as_of;
	out->age = as_of - e->date;
	out->source_weight = set->source_weight[e->source];
	out->decay = estimate_decay(out->age, set->half_life);
	out->weight = out->counted ? out->source_weight * out->decay : 0;
}
