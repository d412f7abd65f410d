/* The packed evidence history (core/history.h, docs/time-travel.md): its
 * bytes, hand-computed estimates as of dates before, between and after the
 * rows, properties against estimate_from_rows on random histories,
 * settings, dates and retractions, and malformed blobs. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/history.h"
#include "core/validate.h"
#include "util/date.h"
#include "util/rng.h"

/* docs/methodology.md "Numbers": thresholds allow 1e-9. */
#define TOL 1e-9

static void near(double a, double b);

static int32_t day(const char *iso)
{
	int32_t d = 0;

	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static void add(struct buf *b, enum source s, double level, int decimals, const char *iso)
{
	assert_int_equal(history_append(b, s, level, decimals, day(iso)), 0);
}

static const unsigned char *bytes(const struct buf *b)
{
	return (const unsigned char *)b->data;
}

static void estimate_as_of(const struct buf *b, const struct settings *set, int32_t as_of,
			   struct estimate *e)
{
	struct evidence_sums s;

	assert_int_equal(history_sums_as_of(bytes(b), b->len, set, as_of, &s), 0);
	estimate_from_sums(&s, set, as_of, e);
}

/* manager 3.5 (1 decimal) on 2026-01-02: 46,022 days after 1900-01-01,
 * 0xb3c6, as a varint c6 e7 02; the mantissa 35 is 0x23; the head byte is
 * source 1 | decimals 1 << 3 = 0x09. */
static void test_bytes(void **state)
{
	static const unsigned char want[] = { 0x01, 0x09, 0xc6, 0xe7, 0x02, 0x23 };
	struct buf b;
	struct history_row r;
	size_t pos = 0;

	(void)state;
	buf_init(&b, 1024);
	assert_int_equal(history_begin(&b), 0);
	add(&b, SOURCE_MANAGER, 3.5, 1, "2026-01-02");
	assert_int_equal(b.len, sizeof want);
	assert_memory_equal(b.data, want, sizeof want);
	assert_int_equal(history_next(want, sizeof want, &pos, &r), 1);
	assert_int_equal(r.source, SOURCE_MANAGER);
	assert_true(r.level == 3.5);
	assert_int_equal(r.level_decimals, 1);
	assert_int_equal(r.date, day("2026-01-02"));
	assert_int_equal(history_next(want, sizeof want, &pos, &r), 0);
	/* The extremes: 5.000000 is 5,000,000 (a 4-byte varint), 2100-12-31
	 * is day 73,413 (3 bytes). */
	buf_reset(&b);
	assert_int_equal(history_append(&b, SOURCE_CUSTOMER, 5, 6, EVIDENCE_LAST_DAY), 0);
	assert_int_equal(b.len, 1 + 3 + 4);
	assert_int_equal((unsigned char)b.data[0], SOURCE_CUSTOMER | 6 << 3);
	buf_free(&b);
}

/* The rows of methodology.md's worked example, half-life 180 days and the
 * default weights (assessment 1.0, manager 0.8, self 0.4):
 *   self       4.5 on 2025-07-06
 *   assessment 2.0 on 2026-01-02 (180 days later)
 *   manager    3.0 on 2026-07-01 (180 days later again)
 * As of 2025-07-05, before them all: no evidence, unassessed.
 * As of 2025-07-06: self alone, w = 0.4, level 4.5, confidence 0.4 / 1.4,
 *   no others, no flag.
 * As of 2026-01-02: self w = 0.4 * 0.5 = 0.2, assessment w = 1.0; level
 *   (0.9 + 2.0) / 1.2 = 2.41666..., evidence weight 1.2, self 4.5, others
 *   2.0: 2.5 >= 1, a blind spot.
 * As of 2026-07-01: the worked example, level 2.75, weight 1.4, others
 *   3.4 / 1.3.
 * As of 2026-12-28, 180 days on: every weight halves, weight 0.7, level
 *   still 2.75.
 * With half-life 360 and weight.self 0.8 (no rebuild), as of 2026-01-02:
 *   self w = 0.8 * 0.5^0.5, assessment 1.0; level (4.5 * 0.8 sqrt(0.5) + 2)
 *   / (0.8 sqrt(0.5) + 1). */
static void test_by_hand(void **state)
{
	struct settings set;
	struct estimate e;
	struct buf b;
	double ws;

	(void)state;
	settings_default(&set);
	buf_init(&b, 1024);
	assert_int_equal(history_begin(&b), 0);
	/* Out of date order, as appends come. */
	add(&b, SOURCE_MANAGER, 3.0, 0, "2026-07-01");
	add(&b, SOURCE_SELF, 4.5, 1, "2025-07-06");
	add(&b, SOURCE_ASSESSMENT, 2.0, 1, "2026-01-02");
	assert_int_equal(history_count(bytes(&b), b.len), 3);

	estimate_as_of(&b, &set, day("2025-07-05"), &e);
	assert_false(e.assessed);
	assert_int_equal(e.evidence, 0);

	estimate_as_of(&b, &set, day("2025-07-06"), &e);
	assert_true(e.assessed);
	assert_int_equal(e.evidence, 1);
	assert_float_equal(e.level, 4.5, TOL);
	assert_float_equal(e.evidence_weight, 0.4, TOL);
	assert_float_equal(e.confidence, 0.4 / 1.4, TOL);
	assert_true(e.has_self);
	assert_false(e.has_others);
	assert_int_equal(e.flag, FLAG_NONE);

	estimate_as_of(&b, &set, day("2026-01-02"), &e);
	assert_int_equal(e.evidence, 2);
	assert_float_equal(e.level, 2.9 / 1.2, TOL);
	assert_float_equal(e.evidence_weight, 1.2, TOL);
	assert_float_equal(e.self_level, 4.5, TOL);
	assert_float_equal(e.others_level, 2.0, TOL);
	assert_int_equal(e.flag, FLAG_BLIND_SPOT);

	estimate_as_of(&b, &set, day("2026-07-01"), &e);
	assert_int_equal(e.evidence, 3);
	assert_float_equal(e.level, 2.75, TOL);
	assert_float_equal(e.evidence_weight, 1.4, TOL);
	assert_float_equal(e.others_level, 3.4 / 1.3, TOL);

	estimate_as_of(&b, &set, day("2026-12-28"), &e);
	assert_float_equal(e.level, 2.75, TOL);
	assert_float_equal(e.evidence_weight, 0.7, TOL);
	assert_float_equal(e.confidence, 0.7 / 1.7, TOL);

	set.half_life = 360;
	set.source_weight[SOURCE_SELF] = 0.8;
	ws = 0.8 * sqrt(0.5);
	estimate_as_of(&b, &set, day("2026-01-02"), &e);
	assert_int_equal(e.evidence, 2);
	assert_float_equal(e.level, (4.5 * ws + 2) / (ws + 1), TOL);
	assert_float_equal(e.evidence_weight, ws + 1, TOL);
	buf_free(&b);
}

/* The same dates in one pass: 2025-07-05, 2026-01-02 (twice), 2026-12-28
 * give 0, 2, 2 and 3 rows, with the newest row's date as max_date. */
static void test_sums_at_by_hand(void **state)
{
	struct settings set;
	struct evidence_sums s[4];
	int32_t dates[4];
	struct buf b;

	(void)state;
	settings_default(&set);
	buf_init(&b, 1024);
	assert_int_equal(history_begin(&b), 0);
	add(&b, SOURCE_MANAGER, 3.0, 0, "2026-07-01");
	add(&b, SOURCE_SELF, 4.5, 1, "2025-07-06");
	add(&b, SOURCE_ASSESSMENT, 2.0, 1, "2026-01-02");
	dates[0] = day("2025-07-05");
	dates[1] = dates[2] = day("2026-01-02");
	dates[3] = day("2026-12-28");
	assert_int_equal(history_sums_at(bytes(&b), b.len, &set, dates, 4, s), 0);
	assert_int_equal(s[0].n_self + s[0].n_other, 0);
	for (int i = 1; i <= 2; i++) {
		assert_int_equal(s[i].n_self, 1);
		assert_int_equal(s[i].n_other, 1);
		assert_int_equal(s[i].max_date, day("2026-01-02"));
	}
	assert_int_equal(s[3].n_other, 2);
	assert_int_equal(s[3].max_date, day("2026-07-01"));
	/* Dates out of order are refused. */
	dates[0] = dates[3] + 1;
	assert_int_equal(history_sums_at(bytes(&b), b.len, &set, dates, 4, s), -1);
	buf_free(&b);
}

static double best_level(const struct buf *b, const struct settings *set)
{
	struct buf scratch;
	double best = -1;

	buf_init(&scratch, 1 << 20);
	assert_int_equal(history_best_level(bytes(b), b->len, set, &scratch, &best), 0);
	buf_free(&scratch);
	return best;
}

/* The best level is the highest of the levels as of the rows' dates, not
 * the highest row: with a half-life of 180 days, manager 2 and, 180 days
 * later, manager 5 (twice the weight by then) give (2 + 2 * 5) / 3 = 4 at
 * most; rows of one date count together (5 and 1 the same day: 3); a
 * source of weight 0 gives no level; rows in any order. Without a mentor
 * minimum (confidence 0), every date counts. */
static void test_best_level_by_hand(void **state)
{
	struct settings set;
	struct buf b;

	(void)state;
	settings_default(&set);
	set.half_life = 180;
	set.mentor_min_confidence = 0;
	buf_init(&b, 1024);
	assert_int_equal(history_begin(&b), 0);
	assert_true(best_level(&b, &set) == 0);
	add(&b, SOURCE_MANAGER, 5.0, 0, "2026-06-30");
	add(&b, SOURCE_MANAGER, 2.0, 0, "2026-01-01");
	near(best_level(&b, &set), 4.0);

	buf_reset(&b);
	assert_int_equal(history_begin(&b), 0);
	add(&b, SOURCE_TEST, 5.0, 0, "2026-03-01");
	add(&b, SOURCE_TEST, 1.0, 0, "2026-03-01");
	add(&b, SOURCE_TEST, 2.5, 1, "2026-04-01");
	near(best_level(&b, &set), 3.0);

	/* self 4.5, then 180 days later an assessment of 2 (weights 0.4
	 * against 1.0 * 2): 4.5, then (0.4 * 4.5 + 2 * 2) / 2.4 = 2.42; the
	 * first date's 4.5 is the best. Without the self weight, only 2. */
	buf_reset(&b);
	assert_int_equal(history_begin(&b), 0);
	add(&b, SOURCE_ASSESSMENT, 2.0, 0, "2026-06-30");
	add(&b, SOURCE_SELF, 4.5, 1, "2026-01-01");
	near(best_level(&b, &set), 4.5);

	set.source_weight[SOURCE_SELF] = 0;
	near(best_level(&b, &set), 2.0);
	set.source_weight[SOURCE_ASSESSMENT] = 0;
	assert_true(best_level(&b, &set) == 0);

	/* The mentor minimum: confidence 0.5 is an evidence weight of 1 (as
	 * of each date). Manager 5 alone weighs 0.8: no date counts. */
	set = (struct settings){ 0 };
	settings_default(&set);
	set.half_life = 180;
	buf_reset(&b);
	assert_int_equal(history_begin(&b), 0);
	add(&b, SOURCE_MANAGER, 5.0, 0, "2026-01-01");
	assert_true(best_level(&b, &set) == 0);
	/* A day later manager 2: 0.8 * 2^(-1/180) + 0.8 >= 1, so that day's
	 * level counts, not the 5 before it. */
	add(&b, SOURCE_MANAGER, 2.0, 0, "2026-01-02");
	{
		double w1 = 0.8 * exp2(-1.0 / 180);

		near(best_level(&b, &set), (w1 * 5 + 0.8 * 2) / (w1 + 0.8));
	}
	/* An assessment weighs 1 on its day: exactly on the minimum, counted. */
	buf_reset(&b);
	assert_int_equal(history_begin(&b), 0);
	add(&b, SOURCE_ASSESSMENT, 4.5, 1, "2026-01-01");
	near(best_level(&b, &set), 4.5);
	/* Confidence 0.6 needs weight 1.5: the assessment alone is not enough. */
	set.mentor_min_confidence = 0.6;
	assert_true(best_level(&b, &set) == 0);
	/* Confidence 1 is never reached. */
	set.mentor_min_confidence = 1;
	assert_true(best_level(&b, &set) == 0);

	/* A malformed blob is refused. */
	b.data[0] = 2;
	{
		struct buf scratch;
		double best;

		buf_init(&scratch, 1024);
		assert_int_equal(history_best_level(bytes(&b), b.len, &set, &scratch, &best), -1);
		buf_free(&scratch);
	}
	buf_free(&b);
}

/* A level written with d decimals comes back as the double parse_level
 * gave for the text, to the last bit, and with its decimals. */
static void test_level_exact(void **state)
{
	struct rng rng;
	struct buf b;

	(void)state;
	rng_seed(&rng, 20261201);
	buf_init(&b, 64);
	for (int it = 0; it < 200000; it++) {
		char text[16], msg[128];
		int ip = rng_range(&rng, LEVEL_MIN, LEVEL_MAX), nd = rng_range(&rng, 0, LEVEL_DECIMALS_MAX);
		size_t k = 0;
		double level;
		int dec;
		struct history_row r;
		size_t pos = 0;

		text[k++] = (char)('0' + ip);
		if (nd > 0)
			text[k++] = '.';
		for (int i = 0; i < nd; i++)
			text[k++] = ip == LEVEL_MAX ? '0' : (char)('0' + rng_range(&rng, 0, 9));
		text[k] = '\0';
		assert_int_equal(parse_level(text, &level, &dec, msg, sizeof msg), 0);
		buf_reset(&b);
		assert_int_equal(history_begin(&b), 0);
		assert_int_equal(history_append(&b, SOURCE_QA, level, dec, 0), 0);
		assert_int_equal(history_next(bytes(&b), b.len, &pos, &r), 1);
		assert_memory_equal(&r.level, &level, sizeof level);
		assert_int_equal(r.level_decimals, dec);
	}
	buf_free(&b);
}

/* What history_append refuses, leaving the buffer as it was. */
static void test_append_refuses(void **state)
{
	struct buf b, small;

	(void)state;
	buf_init(&b, 1024);
	assert_int_equal(history_begin(&b), 0);
	assert_int_equal(history_append(&b, SOURCE_COUNT, 3, 0, 0), -1);
	assert_int_equal(history_append(&b, (enum source)-1, 3, 0, 0), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 3, -1, 0), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 3, LEVEL_DECIMALS_MAX + 1, 0), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 3, 0, EVIDENCE_FIRST_DAY - 1), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 3, 0, EVIDENCE_LAST_DAY + 1), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 0.5, 1, 0), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 5.5, 1, 0), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, NAN, 1, 0), -1);
	/* Not a number written with that many decimals. */
	assert_int_equal(history_append(&b, SOURCE_SELF, 3.3, 0, 0), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 3.55, 1, 0), -1);
	assert_int_equal(history_append(&b, SOURCE_SELF, 3.0 + 1e-12, 6, 0), -1);
	assert_int_equal(b.len, 1);
	/* The edges are accepted. */
	assert_int_equal(history_append(&b, SOURCE_SELF, 1, 0, EVIDENCE_FIRST_DAY), 0);
	assert_int_equal(history_append(&b, SOURCE_CUSTOMER, 5, 6, EVIDENCE_LAST_DAY), 0);
	assert_int_equal(history_count(bytes(&b), b.len), 2);
	/* A full buffer. */
	buf_init(&small, 4);
	assert_int_equal(history_begin(&small), 0);
	assert_int_equal(history_append(&small, SOURCE_SELF, 3, 0, 0), -1);
	assert_int_equal(small.len, 1);
	buf_free(&small);
	buf_free(&b);
}

/* Hand-made malformed blobs, each refused by every reader. */
static void test_malformed_by_hand(void **state)
{
	/* Dates: 0x80 0x80 0x01 is day 16,384; 73,414 (one past 2100-12-31) is
	 * c6 bd 04. */
	static const struct {
		unsigned char b[12];
		size_t n;
	} bad[] = {
		{ { 0x02 }, 1 },                                      /* version 2 */
		{ { 0x00, 0x00, 0x00, 0x01 }, 4 },                    /* version 0 */
		{ { 0x01, 0x07, 0x00, 0x03 }, 4 },                    /* source 7 */
		{ { 0x01, 0x38, 0x00, 0x03 }, 4 },                    /* 7 decimals */
		{ { 0x01, 0x40, 0x00, 0x03 }, 4 },                    /* bit 6 set */
		{ { 0x01, 0x80, 0x00, 0x03 }, 4 },                    /* bit 7 set */
		{ { 0x01, 0x00, 0xc6, 0xbd, 0x04, 0x03 }, 6 },        /* after 2100 */
		{ { 0x01, 0x00, 0x00, 0x00 }, 4 },                    /* level 0 */
		{ { 0x01, 0x00, 0x00, 0x06 }, 4 },                    /* level 6 */
		{ { 0x01, 0x08, 0x00, 0x09 }, 4 },                    /* level 0.9 */
		{ { 0x01, 0x08, 0x00, 0x33 }, 4 },                    /* level 5.1 */
		{ { 0x01, 0x00, 0x80, 0x80, 0x80, 0x80, 0x80, 0x00, 0x03 }, 9 }, /* 6-byte varint */
		{ { 0x01, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff, 0x7f }, 8 },       /* 35 bits */
		{ { 0x01, 0x00, 0x80 }, 3 },                          /* truncated varint */
		{ { 0x01, 0x00, 0x00, 0x03, 0x00 }, 5 },              /* a lone head byte */
	};
	struct settings set;
	struct evidence_sums s[2];
	int32_t dates[2] = { 0, 40000 };

	(void)state;
	settings_default(&set);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		unsigned char *p = malloc(bad[i].n);

		assert_non_null(p);
		memcpy(p, bad[i].b, bad[i].n);
		assert_int_equal(history_count(p, bad[i].n), -1);
		assert_int_equal(history_sums_as_of(p, bad[i].n, &set, 40000, &s[0]), -1);
		/* Even when the bad entry is dated after as_of. */
		assert_int_equal(history_sums_as_of(p, bad[i].n, &set, EVIDENCE_FIRST_DAY - 1, &s[0]), -1);
		assert_int_equal(history_sums_at(p, bad[i].n, &set, dates, 2, s), -1);
		free(p);
	}
	/* Empty histories: no bytes, or the version byte alone. */
	assert_int_equal(history_count(NULL, 0), 0);
	assert_int_equal(history_count((const unsigned char *)"\x01", 1), 0);
	assert_int_equal(history_sums_as_of(NULL, 0, &set, 40000, &s[0]), 0);
	assert_int_equal(s[0].n_self + s[0].n_other, 0);
	/* A non-shortest varint is still the same number. */
	assert_int_equal(history_count((const unsigned char *)"\x01\x00\x80\x00\x03", 5), 1);
}

/* Random histories ---------------------------------------------------- */

enum { ROWS_MAX = 60 };

struct history_case {
	struct settings set;
	struct evidence rows[ROWS_MAX];
	size_t n;
	int32_t lo, hi;          /* the dates drawn lie within lo..hi */
};

static double random_level(struct rng *r, int *decimals)
{
	static const double scale[] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	int d = rng_range(r, 0, LEVEL_DECIMALS_MAX);
	long m = rng_range(r, LEVEL_MIN * (int)scale[d], LEVEL_MAX * (int)scale[d]);

	*decimals = d;
	return (double)m / scale[d];
}

/* Random settings and rows. A row older than about 1,000 half-lives
 * weighs less than the smallest double, and estimate_from_rows then sees
 * no weight at all where the sums still see a ratio; so the dates of one
 * case span at most 900 half-lives (148 years at the shortest half-life,
 * all of 1900..2100 from 82 days on). */
static void random_case(struct rng *r, struct history_case *c)
{
	int32_t span;

	settings_default(&c->set);
	c->set.half_life = rng_range(r, SETTINGS_HALF_LIFE_MIN, SETTINGS_HALF_LIFE_MAX);
	for (int s = 0; s < SOURCE_COUNT; s++)
		c->set.source_weight[s] = rng_range(r, 0, 4) == 0 ? 0 : 10 * rng_unit(r);
	c->set.blind_spot = 0.5 + 1.5 * rng_unit(r);
	c->set.mentor_min_confidence = rng_range(r, 0, 3) == 0 ? 0 : 0.9 * rng_unit(r);
	span = (int32_t)fmin(900 * c->set.half_life, EVIDENCE_LAST_DAY - EVIDENCE_FIRST_DAY);
	if (rng_range(r, 0, 2) == 0)
		span = rng_range(r, 0, 90);              /* clustered */
	c->lo = rng_range(r, EVIDENCE_FIRST_DAY, EVIDENCE_LAST_DAY - span);
	c->hi = c->lo + span;
	c->n = (size_t)rng_range(r, 0, ROWS_MAX);
	for (size_t i = 0; i < c->n; i++) {
		struct evidence *e = &c->rows[i];

		*e = (struct evidence){ .id = (int64_t)i + 1 };
		e->source = (enum source)rng_range(r, 0, SOURCE_COUNT - 1);
		e->level = random_level(r, &e->level_decimals);
		e->date = rng_range(r, c->lo, c->hi);
	}
}

static void build(struct buf *b, const struct evidence *rows, size_t n)
{
	buf_reset(b);
	assert_int_equal(history_begin(b), 0);
	for (size_t i = 0; i < n; i++)
		assert_int_equal(history_append(b, rows[i].source, rows[i].level, rows[i].level_decimals,
						rows[i].date), 0);
}

static void near(double a, double b)
{
	double m = fmax(fabs(a), fabs(b));

	if (fabs(a - b) > TOL * (m > 1 ? m : 1))
		fail_msg("%.17g differs from %.17g", a, b);
}

static void same_estimate(const struct estimate *a, const struct estimate *b)
{
	assert_int_equal(a->assessed, b->assessed);
	assert_int_equal(a->evidence, b->evidence);
	assert_int_equal(a->has_self, b->has_self);
	assert_int_equal(a->has_others, b->has_others);
	assert_int_equal(a->flag, b->flag);
	if (!a->assessed)
		return;
	near(a->level, b->level);
	near(a->evidence_weight, b->evidence_weight);
	near(a->confidence, b->confidence);
	if (a->has_self)
		near(a->self_level, b->self_level);
	if (a->has_others)
		near(a->others_level, b->others_level);
}

static void same_sums(const struct evidence_sums *a, const struct evidence_sums *b)
{
	assert_int_equal(a->n_self, b->n_self);
	assert_int_equal(a->n_other, b->n_other);
	if (a->n_self + a->n_other > 0)
		assert_int_equal(a->max_date, b->max_date);
	near(a->w_self, b->w_self);
	near(a->wl_self, b->wl_self);
	near(a->w_other, b->w_other);
	near(a->wl_other, b->wl_other);
}

/* Sums relative to their own size: 1e-9 of a weight of 2^600 is not 1e-9. */
static void same_sums_scaled(const struct evidence_sums *a, const struct evidence_sums *b,
			     const struct settings *set, int32_t as_of)
{
	double k = estimate_scale(as_of, set->half_life);
	struct evidence_sums x = *a, y = *b;

	x.w_self *= k, x.wl_self *= k, x.w_other *= k, x.wl_other *= k;
	y.w_self *= k, y.wl_self *= k, y.w_other *= k, y.wl_other *= k;
	same_sums(&x, &y);
}

static int32_t random_as_of(struct rng *r, const struct history_case *c)
{
	return rng_range(r, c->lo - 30 < EVIDENCE_FIRST_DAY ? EVIDENCE_FIRST_DAY : c->lo - 30, c->hi + 30);
}

/* The figure from the packed history equals the figure from the rows. */
static void check_against_rows(struct rng *r, const struct history_case *c, const struct buf *b)
{
	for (int k = 0; k < 6; k++) {
		int32_t as_of = random_as_of(r, c);
		struct estimate from_blob, from_rows;

		estimate_as_of(b, &c->set, as_of, &from_blob);
		estimate_from_rows(c->rows, c->n, &c->set, as_of, &from_rows);
		same_estimate(&from_blob, &from_rows);
	}
}

static double level_as_of(const struct buf *b, const struct settings *set, int32_t as_of,
			  int *has)
{
	struct evidence_sums s;
	double w;

	assert_int_equal(history_sums_as_of(bytes(b), b->len, set, as_of, &s), 0);
	w = s.w_self + s.w_other;
	*has = s.n_self + s.n_other > 0 && w > 0;
	return *has ? (s.wl_self + s.wl_other) / w : 0;
}

/* The evidence weight as of a date. */
static double weight_as_of(const struct buf *b, const struct settings *set, int32_t as_of)
{
	struct evidence_sums s;

	assert_int_equal(history_sums_as_of(bytes(b), b->len, set, as_of, &s), 0);
	return (s.w_self + s.w_other) * estimate_scale(as_of, set->half_life);
}

/* The best level is the highest level as of the rows' dates at which the
 * evidence weight reaches the mentor minimum; no date at which it does
 * gives more; and the rows in two parts appended (what an import stores)
 * give the same best level as one blob. */
static void check_best_level(struct rng *r, const struct history_case *c, const struct buf *b)
{
	double best = best_level(b, &c->set), highest = 0, loose = 0;
	double min_weight = estimate_mentor_min_weight(&c->set);
	struct buf one, two;
	int has;

	/* highest: the dates clearly above the minimum; loose: also those
	 * within rounding of it, where either answer is right. */
	for (size_t i = 0; i < c->n; i++) {
		double l = level_as_of(b, &c->set, c->rows[i].date, &has);
		double w = weight_as_of(b, &c->set, c->rows[i].date);

		if (has && w >= min_weight * (1 + 1e-6) && l > highest)
			highest = l;
		if (has && w >= min_weight * (1 - 1e-6) && l > loose)
			loose = l;
	}
	if (best < highest - TOL * highest || best > loose + TOL * loose)
		fail_msg("best level %.17g not within %.17g..%.17g, the levels at dates with"
			 " enough weight", best, highest, loose);
	for (int k = 0; k < 4; k++) {
		int32_t d = random_as_of(r, c);
		double l = level_as_of(b, &c->set, d, &has);

		if (has && weight_as_of(b, &c->set, d) >= min_weight && l > best + TOL * best)
			fail_msg("level %.17g above the best level %.17g", l, best);
	}
	buf_init(&one, 1 << 16);
	buf_init(&two, 1 << 16);
	assert_int_equal(history_begin(&one), 0);
	assert_int_equal(history_begin(&two), 0);
	for (size_t i = 0; i < c->n; i++)
		assert_int_equal(history_append(rng_range(r, 0, 1) ? &one : &two, c->rows[i].source,
						c->rows[i].level, c->rows[i].level_decimals,
						c->rows[i].date), 0);
	assert_int_equal(buf_add(&one, two.data + 1, two.len - 1), 0);
	near(best_level(&one, &c->set), best);
	buf_free(&one);
	buf_free(&two);
}

static int by_date(const void *a, const void *b)
{
	const struct evidence *x = a, *y = b;

	return (x->date > y->date) - (x->date < y->date);
}

static void test_random_histories(void **state)
{
	struct rng r;
	struct buf b, sorted;
	struct history_case *c = malloc(sizeof *c);

	(void)state;
	assert_non_null(c);
	rng_seed(&r, 10);
	buf_init(&b, 1 << 16);
	buf_init(&sorted, 1 << 16);
	for (int it = 0; it < 20000; it++) {
		struct evidence copy[ROWS_MAX];
		struct evidence_sums at[13], one;
		int32_t dates[13];
		size_t nd = (size_t)rng_range(&r, 1, 13);

		random_case(&r, c);
		build(&b, c->rows, c->n);
		assert_int_equal(history_count(bytes(&b), b.len), (long)c->n);
		check_against_rows(&r, c, &b);

		/* One pass at ascending dates (some equal) equals one date at a time. */
		for (size_t i = 0; i < nd; i++)
			dates[i] = random_as_of(&r, c);
		for (size_t i = 1; i < nd; i++)
			for (size_t j = i; j > 0 && dates[j] < dates[j - 1]; j--) {
				int32_t t = dates[j];

				dates[j] = dates[j - 1];
				dates[j - 1] = t;
			}
		assert_int_equal(history_sums_at(bytes(&b), b.len, &c->set, dates, nd, at), 0);
		/* Exactly, not within a tolerance: a trend's months must print
		 * what the months' own views print, to the last digit. */
		for (size_t i = 0; i < nd; i++) {
			assert_int_equal(history_sums_as_of(bytes(&b), b.len, &c->set, dates[i], &one), 0);
			assert_int_equal(at[i].n_self, one.n_self);
			assert_int_equal(at[i].n_other, one.n_other);
			assert_true(at[i].w_self == one.w_self && at[i].wl_self == one.wl_self);
			assert_true(at[i].w_other == one.w_other && at[i].wl_other == one.wl_other);
			assert_int_equal(at[i].max_date, one.max_date);
		}

		/* Appended in date order instead: the same figures. */
		memcpy(copy, c->rows, c->n * sizeof copy[0]);
		qsort(copy, c->n, sizeof copy[0], by_date);
		build(&sorted, copy, c->n);
		for (int k = 0; k < 3; k++) {
			int32_t as_of = random_as_of(&r, c);
			struct evidence_sums s1, s2;

			assert_int_equal(history_sums_as_of(bytes(&b), b.len, &c->set, as_of, &s1), 0);
			assert_int_equal(history_sums_as_of(bytes(&sorted), sorted.len, &c->set, as_of, &s2), 0);
			same_sums_scaled(&s1, &s2, &c->set, as_of);
		}

		check_best_level(&r, c, &b);

		/* Retract random rows and rebuild the blob from those left. */
		for (size_t i = 0; i < c->n;)
			if (rng_range(&r, 0, 2) == 0)
				c->rows[i] = c->rows[--c->n];
			else
				i++;
		build(&b, c->rows, c->n);
		check_against_rows(&r, c, &b);
	}
	buf_free(&sorted);
	buf_free(&b);
	free(c);
}

/* Every truncation of a valid blob is refused, except at an entry's end,
 * where it is the history of the entries before; each is read from a
 * buffer of exactly its length, so that a read past it trips ASan. */
static void test_truncations(void **state)
{
	struct rng r;
	struct buf b;
	struct history_case *c = malloc(sizeof *c);

	(void)state;
	assert_non_null(c);
	rng_seed(&r, 11);
	buf_init(&b, 1 << 16);
	for (int it = 0; it < 300; it++) {
		size_t ends[ROWS_MAX + 1], ne = 0;
		struct history_row row;
		size_t pos = 0;

		random_case(&r, c);
		build(&b, c->rows, c->n);
		ends[ne++] = 1;
		while (history_next(bytes(&b), b.len, &pos, &row) == 1)
			ends[ne++] = pos;
		assert_int_equal(ne, c->n + 1);
		for (size_t len = 0; len < b.len; len++) {
			unsigned char *p = malloc(len ? len : 1);
			long want = len == 0 ? 0 : -1;
			struct evidence_sums s;

			assert_non_null(p);
			memcpy(p, b.data, len);
			for (size_t k = 0; k < ne; k++)
				if (ends[k] == len)
					want = (long)k;
			assert_int_equal(history_count(p, len), want);
			assert_int_equal(history_sums_as_of(p, len, &c->set, c->hi, &s), want < 0 ? -1 : 0);
			if (want >= 0)
				assert_int_equal(s.n_self + s.n_other, want);
			free(p);
		}
	}
	buf_free(&b);
	free(c);
}

/* Random bytes: refused or read consistently, never out of bounds. */
static void test_random_bytes(void **state)
{
	struct rng r;
	struct settings set;

	(void)state;
	settings_default(&set);
	rng_seed(&r, 12);
	for (int it = 0; it < 100000; it++) {
		size_t len = (size_t)rng_range(&r, 0, 48);
		unsigned char *p = malloc(len ? len : 1);
		struct evidence_sums s, at[3];
		int32_t dates[3] = { EVIDENCE_FIRST_DAY, 0, EVIDENCE_LAST_DAY };
		long n;
		int rc;

		assert_non_null(p);
		for (size_t i = 0; i < len; i++)
			/* Mostly plausible bytes, so that some blobs are valid. */
			p[i] = (unsigned char)(i == 0 ? (rng_range(&r, 0, 9) ? 1 : rng_range(&r, 0, 255))
					      : rng_range(&r, 0, rng_range(&r, 0, 1) ? 0x35 : 255));
		n = history_count(p, len);
		rc = history_sums_as_of(p, len, &set, EVIDENCE_LAST_DAY, &s);
		assert_int_equal(rc, n < 0 ? -1 : 0);
		if (n >= 0)
			assert_int_equal(s.n_self + s.n_other, n);
		assert_int_equal(history_sums_at(p, len, &set, dates, 3, at), rc);
		if (n >= 0)
			assert_int_equal(at[2].n_self + at[2].n_other, n);
		free(p);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bytes),
		cmocka_unit_test(test_by_hand),
		cmocka_unit_test(test_sums_at_by_hand),
		cmocka_unit_test(test_best_level_by_hand),
		cmocka_unit_test(test_level_exact),
		cmocka_unit_test(test_append_refuses),
		cmocka_unit_test(test_malformed_by_hand),
		cmocka_unit_test(test_random_histories),
		cmocka_unit_test(test_truncations),
		cmocka_unit_test(test_random_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
