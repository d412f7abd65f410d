/* Level estimates by triangulation (docs/methodology.md, "Level
 * estimate"): evidence weighted by its source and its age, with a
 * confidence, and self against others.
 *
 * A row i gets w_i = source_weight(source_i) * 0.5^(age_i / half_life),
 * age_i being whole days from its date to as_of. Then
 *   level = sum w_i level_i / sum w_i, evidence_weight = sum w_i,
 *   confidence = evidence_weight / (evidence_weight + 1).
 *
 * The same figures come from running sums kept per person and competency:
 * 0.5^((as_of - d)/h) = 2^((d - E)/h) * 2^((E - as_of)/h) for a fixed epoch
 * E, so sums of w'_i = source_weight * 2^((d_i - E)/h) can be kept up to
 * date on insert, whatever as_of is later; the factor of as_of cancels in
 * the level and multiplies the evidence weight. The sums hold only while
 * as_of is on or after the newest row they contain. */
#ifndef COMPGAP_ESTIMATE_H
#define COMPGAP_ESTIMATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/settings.h"

/* The epoch E of the running sums: 2000-01-01 in days since 1970-01-01.
 * Evidence dates lie within 1900..2100 and the half-life is at least
 * SETTINGS_HALF_LIFE_MIN days, so 2^((d - E)/h) stays within a double's
 * range. */
enum {
	ESTIMATE_EPOCH = 10957,
	EVIDENCE_FIRST_DAY = -25567,     /* 1900-01-01 */
	EVIDENCE_LAST_DAY = 47846        /* 2100-12-31 */
};

/* Running sums of one person's evidence on one competency, self apart from
 * the other sources. w sums source_weight * 2^((d - E)/h); wl the same
 * times the level. */
struct evidence_sums {
	int64_t n_self, n_other;       /* rows */
	double w_self, wl_self;
	double w_other, wl_other;
	int32_t max_date;              /* the newest row's date */
	/* Stored beside the sums, not kept by sums_add: a level that the
	 * rows give as of no date exceeds (history_best_level), by which the
	 * mentor search for a past date reads holders (docs/time-travel.md). */
	double best_level;
};

/* Where self and others disagree (docs/methodology.md). */
enum estimate_flag {
	FLAG_NONE,
	FLAG_BLIND_SPOT,               /* self - others >= blind_spot */
	FLAG_HIDDEN_STRENGTH           /* self - others <= -blind_spot */
};

/* One person's estimate on one competency as of a date. */
struct estimate {
	bool assessed;                 /* false: no evidence, level unknown */
	double level;                  /* valid when assessed */
	double evidence_weight;        /* sum of the weights, 0 when unassessed */
	double confidence;             /* evidence_weight / (evidence_weight + 1) */
	long evidence;                 /* rows counted */
	bool has_self, has_others;
	double self_level, others_level;   /* valid when has_self / has_others */
	enum estimate_flag flag;
};

/* Tolerance of threshold comparisons (meets, flags, gap thresholds), so
 * that floating-point rounding never decides a case that is exact on
 * paper (docs/methodology.md, "Numbers"). */
#define ESTIMATE_EPS 1e-9

/* A weighted mean as computed carries rounding noise of about 1e-15: a
 * value within 1e-10 of a multiple of 1e-6 (the finest a level can be
 * written) is taken to be that multiple. */
double estimate_snap(double v);

/* The name of a flag: "blind_spot", "hidden_strength", or NULL for none. */
const char *estimate_flag_name(enum estimate_flag f);

/* 2^((date - ESTIMATE_EPOCH) / half_life): a row's weight before its
 * source weight, up to the factor of as_of. */
double estimate_term(int32_t date, double half_life);

/* 0.5^(age / half_life) for a whole number of days. */
double estimate_decay(int32_t age, double half_life);

/* 2^((ESTIMATE_EPOCH - as_of) / half_life): the factor of as_of that turns
 * summed weights into the evidence weight as of that day. */
double estimate_scale(int32_t as_of, double half_life);

/* The evidence weight a mentor's level needs: confidence >= m is evidence
 * weight >= m / (1 - m), less ESTIMATE_EPS relatively so that a weight
 * exactly on it passes; 1e300 (none passes) for m = 1. */
double estimate_mentor_min_weight(const struct settings *set);

/* Adds one row to the running sums. */
void sums_add(struct evidence_sums *s, const struct settings *set, enum source source,
	      double level, int32_t date);

/* Adds the sums b into a. */
void sums_merge(struct evidence_sums *a, const struct evidence_sums *b);

/* True when sums hold every row dated on or before as_of and none after
 * it, so that estimate_from_sums is exact for as_of. */
bool sums_valid_for(const struct evidence_sums *s, int32_t as_of);

/* The estimate as of as_of from running sums valid for it. */
void estimate_from_sums(const struct evidence_sums *s, const struct settings *set,
			int32_t as_of, struct estimate *out);

/* The estimate as of as_of from the rows themselves; rows dated after
 * as_of are left out. Retracted rows must not be passed. */
void estimate_from_rows(const struct evidence *rows, size_t n, const struct settings *set,
			int32_t as_of, struct estimate *out);

/* One row's part in an estimate, for `compgap explain`. */
struct row_weight {
	bool counted;                  /* false: dated after as_of */
	int32_t age;                   /* days from the row's date to as_of */
	double source_weight;
	double decay;                  /* 0.5^(age / half_life) */
	double weight;                 /* source_weight * decay */
};

/* How row e counts in the estimate as of as_of. */
void estimate_row_weight(const struct evidence *e, const struct settings *set, int32_t as_of,
			 struct row_weight *out);

#endif
