/* Benchmark of the packed history's decoder (core/history.h): the cost of
 * a past view's sums per evidence row, whether the per-row term
 * 2^((d - E)/h) matters, and a trend's 12 month ends in one pass.
 * Built and run by bench/history_decode.sh; see there for the figures.
 *   history_decode PAIRS ROWS_PER_PAIR YEARS RUNS
 * Each pair gets ROWS_PER_PAIR rows on average (uniform from half to one
 * and a half times it), dated uniformly over the YEARS years before
 * 2026-10-31, with the generator's sources and levels (one decimal). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "core/estimate.h"
#include "core/history.h"
#include "util/date.h"
#include "util/rng.h"

enum { MONTHS = 12 };

struct blobs {
	struct buf data;        /* every pair's blob, one after another */
	size_t *off;            /* pair i is data[off[i] .. off[i + 1]) */
	long pairs, rows;
};

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void make(struct blobs *b, long pairs, int per_pair, int years, int32_t last)
{
	static const enum source sources[] = {
		SOURCE_QA, SOURCE_QA, SOURCE_QA, SOURCE_MANAGER, SOURCE_MANAGER, SOURCE_SELF,
		SOURCE_PEER, SOURCE_ASSESSMENT, SOURCE_TEST, SOURCE_CUSTOMER
	};
	struct rng r;

	rng_seed(&r, 7);
	buf_init(&b->data, (size_t)1 << 34);
	b->off = malloc(((size_t)pairs + 1) * sizeof *b->off);
	if (b->off == NULL)
		exit(1);
	b->pairs = pairs;
	b->rows = 0;
	for (long p = 0; p < pairs; p++) {
		int n = rng_range(&r, per_pair / 2, per_pair + per_pair / 2);

		b->off[p] = b->data.len;
		if (history_begin(&b->data) < 0)
			exit(1);
		for (int i = 0; i < n; i++) {
			double level = rng_range(&r, 10, 50) / 10.0;

			if (history_append(&b->data, sources[rng_range(&r, 0, 9)], level, 1,
					   last - rng_range(&r, 0, 365 * years - 1)) < 0)
				exit(1);
		}
		b->rows += n;
	}
	b->off[pairs] = b->data.len;
}

static const unsigned char *blob(const struct blobs *b, long p, size_t *len)
{
	*len = b->off[p + 1] - b->off[p];
	return (const unsigned char *)b->data.data + b->off[p];
}

/* Keeps the compiler from dropping the work. */
static volatile double sink;

/* Decoding alone, no sums. */
static double run_decode(const struct blobs *b)
{
	double t = now(), acc = 0;

	for (long p = 0; p < b->pairs; p++) {
		struct history_row row;
		size_t len, pos = 0;
		const unsigned char *x = blob(b, p, &len);

		while (history_next(x, len, &pos, &row) == 1)
			acc += row.level;
	}
	sink = acc;
	return now() - t;
}

/* The sums and the estimate of every pair as of one date. */
static double run_as_of(const struct blobs *b, const struct settings *set, int32_t as_of)
{
	double t = now(), acc = 0;

	for (long p = 0; p < b->pairs; p++) {
		struct evidence_sums s;
		struct estimate e;
		size_t len;
		const unsigned char *x = blob(b, p, &len);

		if (history_sums_as_of(x, len, set, as_of, &s) < 0)
			exit(1);
		estimate_from_sums(&s, set, as_of, &e);
		acc += e.level;
	}
	sink = acc;
	return now() - t;
}

/* sums_add with the term given: both loops below call it, so that they
 * differ only in where the term comes from. */
static __attribute__((noinline)) void add_row(struct evidence_sums *s, const struct settings *set,
					      const struct history_row *row, double term)
{
	double w = set->source_weight[row->source] * term;

	if (row->source == SOURCE_SELF) {
		s->n_self++;
		s->w_self += w;
		s->wl_self += w * row->level;
	} else {
		s->n_other++;
		s->w_other += w;
		s->wl_other += w * row->level;
	}
	if (s->n_self + s->n_other == 1 || row->date > s->max_date)
		s->max_date = row->date;
}

/* Every pair as of one date through history_next, with the term from
 * exp2 per row (term == NULL) or looked up by day in a table, which is
 * what a per-view cache of terms would save. */
static double run_term(const struct blobs *b, const struct settings *set, int32_t as_of,
		       const double *term)
{
	double t = now(), acc = 0;

	for (long p = 0; p < b->pairs; p++) {
		struct evidence_sums s = { 0 };
		struct history_row row;
		struct estimate e;
		size_t len, pos = 0;
		const unsigned char *x = blob(b, p, &len);

		while (history_next(x, len, &pos, &row) == 1)
			if (row.date <= as_of)
				add_row(&s, set, &row, term == NULL ? estimate_term(row.date, set->half_life)
								    : term[row.date - EVIDENCE_FIRST_DAY]);
		estimate_from_sums(&s, set, as_of, &e);
		acc += e.level;
	}
	sink = acc;
	return now() - t;
}

/* A trend: every pair's estimate at 12 month ends from one pass. */
static double run_trend(const struct blobs *b, const struct settings *set, const int32_t *ends)
{
	double t = now(), acc = 0;

	for (long p = 0; p < b->pairs; p++) {
		struct evidence_sums s[MONTHS];
		size_t len;
		const unsigned char *x = blob(b, p, &len);

		if (history_sums_at(x, len, set, ends, MONTHS, s) < 0)
			exit(1);
		for (int m = 0; m < MONTHS; m++) {
			struct estimate e;

			estimate_from_sums(&s[m], set, ends[m], &e);
			acc += e.level;
		}
	}
	sink = acc;
	return now() - t;
}

static void report(const char *what, double *t, int runs, const struct blobs *b)
{
	double med;

	qsort(t, (size_t)runs, sizeof *t, cmp_double);
	med = t[runs / 2];
	printf("  %-40s %8.1f ms  %6.1f ns/row  %7.2f us/pair\n", what, med * 1e3,
	       med * 1e9 / (double)b->rows, med * 1e6 / (double)b->pairs);
}

int main(int argc, char **argv)
{
	struct blobs b;
	struct settings set;
	int32_t last, past, ends[MONTHS];
	double *term, t[5][64];
	long pairs;
	int per_pair, years, runs;

	if (argc != 5) {
		fprintf(stderr, "usage: history_decode PAIRS ROWS_PER_PAIR YEARS RUNS\n");
		return 2;
	}
	pairs = strtol(argv[1], NULL, 10);
	per_pair = (int)strtol(argv[2], NULL, 10);
	years = (int)strtol(argv[3], NULL, 10);
	runs = (int)strtol(argv[4], NULL, 10);
	if (pairs < 1 || per_pair < 2 || years < 1 || runs < 1 || runs > 64) {
		fprintf(stderr, "history_decode: PAIRS >= 1, ROWS_PER_PAIR >= 2, YEARS >= 1, 1 <= RUNS <= 64\n");
		return 2;
	}
	settings_default(&set);
	(void)date_parse("2026-10-31", &last);
	past = last - 182;                     /* half a year back */
	for (int m = 0; m < MONTHS; m++) {
		/* The last day of each of the 12 months up to 2026-10-31. */
		char iso[DATE_ISO_LEN + 1];
		int y = 2025 + (10 + m) / 12, mo = (10 + m) % 12 + 1;
		int32_t first;

		(void)snprintf(iso, sizeof iso, "%04d-%02d-01", y + (mo == 12), mo == 12 ? 1 : mo + 1);
		(void)date_parse(iso, &first);
		ends[m] = first - 1;
	}
	make(&b, pairs, per_pair, years, last);
	term = malloc((EVIDENCE_LAST_DAY - EVIDENCE_FIRST_DAY + 1) * sizeof *term);
	if (term == NULL)
		return 1;
	/* A view would build its table once: 73,414 terms take well under a
	 * millisecond (about 0.35 ms here), left out of the timing. */
	for (int32_t d = EVIDENCE_FIRST_DAY; d <= EVIDENCE_LAST_DAY; d++)
		term[d - EVIDENCE_FIRST_DAY] = estimate_term(d, set.half_life);
	printf("%ld pairs, %ld rows (%.1f a pair) over %d years, %.2f bytes a row, medians of %d runs\n",
	       b.pairs, b.rows, (double)b.rows / b.pairs, years,
	       (double)(b.data.len - (size_t)b.pairs) / (double)b.rows, runs);
	for (int i = 0; i < runs; i++) {
		t[0][i] = run_decode(&b);
		t[1][i] = run_as_of(&b, &set, past);
		t[2][i] = run_term(&b, &set, past, NULL);
		t[3][i] = run_term(&b, &set, past, term);
		t[4][i] = run_trend(&b, &set, ends);
	}
	report("decode only", t[0], runs, &b);
	report("sums + estimate as of 2026-05-02", t[1], runs, &b);
	report("  the same through history_next, exp2", t[2], runs, &b);
	report("  ... the terms from a table", t[3], runs, &b);
	report("12 month ends in one pass", t[4], runs, &b);
	free(term);
	free(b.off);
	buf_free(&b.data);
	return 0;
}
