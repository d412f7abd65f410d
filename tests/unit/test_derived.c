/* The comparisons of `compgap check` (core/derived.h): the tolerance of
 * summed weights, stored sums against the rows' sums, and history entries
 * as multisets, by fingerprint and exactly, on cases worked out by hand
 * and on random multisets in random orders. */
#include "testutil.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/derived.h"
#include "util/date.h"
#include "util/rng.h"

static int32_t day(const char *iso)
{
	int32_t d = 0;

	assert_int_equal(date_parse(iso, &d), 0);
	return d;
}

static struct history_row row(enum source s, double level, int decimals, const char *iso)
{
	return (struct history_row){ s, level, decimals, day(iso) };
}

/* Relative 1e-9 of the larger magnitude (methodology.md "Numbers"). */
static void test_close(void **state)
{
	double big = ldexp(1.0, 50);     /* a recent row's weight, short half-life */

	(void)state;
	assert_true(derived_close(0.0, 0.0));
	assert_true(derived_close(3.0, 3.0));
	assert_true(derived_close(1.0, 1.0 + 5e-10));
	assert_false(derived_close(1.0, 1.0 + 2e-9));
	assert_true(derived_close(big, big * (1 + 5e-10)));
	assert_false(derived_close(big, big * (1 + 2e-9)));
	/* an absolute 1e-9 would pass this: 1e-300 and 0 differ wholly */
	assert_false(derived_close(0.0, 1e-300));
	assert_false(derived_close(-1.0, 1.0));
	assert_false(derived_close(NAN, NAN));
	assert_false(derived_close(1.0, NAN));
}

static void test_sums(void **state)
{
	struct settings set;
	struct evidence_sums a = { 0 }, b = { 0 }, c;

	(void)state;
	settings_default(&set);
	/* the same rows in two orders: equal within the tolerance */
	sums_add(&a, &set, SOURCE_SELF, 4.5, day("2025-07-06"));
	sums_add(&a, &set, SOURCE_MANAGER, 3.0, day("2026-07-01"));
	sums_add(&a, &set, SOURCE_ASSESSMENT, 2.0, day("2026-01-02"));
	sums_add(&b, &set, SOURCE_ASSESSMENT, 2.0, day("2026-01-02"));
	sums_add(&b, &set, SOURCE_MANAGER, 3.0, day("2026-07-01"));
	sums_add(&b, &set, SOURCE_SELF, 4.5, day("2025-07-06"));
	assert_null(derived_sums_differ(&a, &b));

	c = a;
	c.n_self = 2;
	assert_string_equal(derived_sums_differ(&c, &b), "self rows");
	c = a;
	c.n_other = 1;
	assert_string_equal(derived_sums_differ(&c, &b), "other rows");
	c = a;
	c.max_date--;
	assert_string_equal(derived_sums_differ(&c, &b), "max_date");
	c = a;
	c.w_other *= 1 + 1e-12;          /* rounding: agrees */
	assert_null(derived_sums_differ(&c, &b));
	c.w_other *= 1 + 1e-6;
	assert_string_equal(derived_sums_differ(&c, &b), "w_other");
	c = a;
	c.wl_self *= 1 + 1e-6;
	assert_string_equal(derived_sums_differ(&c, &b), "wl_self");
	c = a;
	c.wl_other = -c.wl_other;
	assert_string_equal(derived_sums_differ(&c, &b), "wl_other");
	/* a row summed with another half-life */
	set.half_life = 181;
	memset(&c, 0, sizeof c);
	sums_add(&c, &set, SOURCE_ASSESSMENT, 2.0, day("2026-01-02"));
	sums_add(&c, &set, SOURCE_MANAGER, 3.0, day("2026-07-01"));
	sums_add(&c, &set, SOURCE_SELF, 4.5, day("2025-07-06"));
	assert_string_equal(derived_sums_differ(&c, &b), "w_self");
}

static void print_of(const struct history_row *rows, size_t n, struct entry_print *p)
{
	memset(p, 0, sizeof *p);
	for (size_t i = 0; i < n; i++)
		derived_print_add(p, &rows[i]);
}

static void test_print_by_hand(void **state)
{
	struct history_row x[3] = {
		row(SOURCE_SELF, 3, 0, "2026-01-02"),
		row(SOURCE_MANAGER, 4, 0, "2026-02-03"),
		row(SOURCE_QA, 3.5, 1, "2026-03-04"),
	};
	struct history_row y[3] = { x[2], x[0], x[1] };
	/* the same levels, dates and sources, paired otherwise: a sum of each
	 * field would not see it */
	struct history_row swapped[3] = {
		row(SOURCE_SELF, 4, 0, "2026-01-02"),
		row(SOURCE_MANAGER, 3, 0, "2026-02-03"),
		x[2],
	};
	struct history_row twice[3] = { x[0], x[0], x[2] };
	struct history_row decimals[3] = { x[0], x[1], row(SOURCE_QA, 3.5, 2, "2026-03-04") };
	struct entry_print px, py, pz, empty = { 0 };

	(void)state;
	print_of(x, 3, &px);
	print_of(y, 3, &py);
	assert_true(derived_print_equal(&px, &py));
	assert_int_equal(px.count, 3);
	print_of(swapped, 3, &pz);
	assert_false(derived_print_equal(&px, &pz));
	print_of(twice, 3, &pz);
	assert_false(derived_print_equal(&px, &pz));
	print_of(decimals, 3, &pz);
	assert_false(derived_print_equal(&px, &pz));
	print_of(x, 2, &pz);
	assert_false(derived_print_equal(&px, &pz));
	print_of(x, 0, &pz);
	assert_true(derived_print_equal(&pz, &empty));
}

/* A blob written by the encoder in one order prints as the rows in
 * another; the version byte alone and an empty blob are empty; a
 * malformed blob is refused. */
static void test_print_blob(void **state)
{
	struct history_row x[3] = {
		row(SOURCE_SELF, 3, 0, "2026-01-02"),
		row(SOURCE_MANAGER, 4, 0, "2026-02-03"),
		row(SOURCE_QA, 3.5, 1, "2026-03-04"),
	};
	struct entry_print rows, blob, empty = { 0 };
	struct buf b;

	(void)state;
	buf_init(&b, 1024);
	assert_int_equal(history_begin(&b), 0);
	for (int i = 2; i >= 0; i--)
		assert_int_equal(history_append(&b, x[i].source, x[i].level, x[i].level_decimals,
						x[i].date), 0);
	print_of(x, 3, &rows);
	assert_int_equal(derived_print_blob((const unsigned char *)b.data, b.len, &blob), 0);
	assert_true(derived_print_equal(&rows, &blob));
	assert_int_equal(derived_print_blob((const unsigned char *)b.data, b.len - 1, &blob), -1);
	assert_int_equal(derived_print_blob((const unsigned char *)b.data, 1, &blob), 0);
	assert_true(derived_print_equal(&blob, &empty));
	assert_int_equal(derived_print_blob((const unsigned char *)"", 0, &blob), 0);
	assert_true(derived_print_equal(&blob, &empty));
	b.data[0] = 2;                   /* another version */
	assert_int_equal(derived_print_blob((const unsigned char *)b.data, b.len, &blob), -1);
	buf_free(&b);
}

static void test_same_entries_by_hand(void **state)
{
	struct history_row x = row(SOURCE_SELF, 3, 0, "2026-01-02");
	struct history_row y = row(SOURCE_PEER, 2.5, 1, "2026-01-02");
	struct history_row z = row(SOURCE_PEER, 2.5, 1, "2026-01-03");
	struct history_row a[4] = { x, y, x, x }, b[2] = { z, x };
	struct history_row c[3] = { y, x, z }, d[3] = { z, y, x };
	size_t only_a, only_b;

	(void)state;
	/* x three times against once: two left over, and y; z unmatched */
	assert_false(derived_same_entries(a, 4, b, 2, &only_a, &only_b));
	assert_int_equal(only_a, 3);
	assert_int_equal(only_b, 1);
	assert_true(derived_same_entries(c, 3, d, 3, &only_a, &only_b));
	assert_int_equal(only_a + only_b, 0);
	assert_true(derived_same_entries(NULL, 0, NULL, 0, &only_a, &only_b));
	assert_false(derived_same_entries(c, 3, NULL, 0, &only_a, &only_b));
	assert_int_equal(only_a, 3);
	assert_int_equal(only_b, 0);
}

static struct history_row random_row(struct rng *r)
{
	static const double levels[] = { 1, 2, 2.5, 3, 3.5, 4, 4.25, 5 };
	static const int decimals[] = { 0, 0, 1, 0, 1, 0, 2, 0 };
	int k = (int)rng_range(r, 0, 7);

	/* few distinct values, so that duplicates are common */
	return (struct history_row){ (enum source)rng_range(r, 0, SOURCE_COUNT - 1), levels[k],
				     decimals[k], day("2026-01-01") + (int32_t)rng_range(r, 0, 20) };
}

/* Random multisets: a permutation agrees both ways; one entry changed
 * (to one not equal to it) disagrees both ways, by one entry each side. */
static void test_random_multisets(void **state)
{
	struct rng r;

	(void)state;
	rng_seed(&r, 20261201);
	for (int round = 0; round < 2000; round++) {
		size_t n = (size_t)rng_range(&r, 1, 40);
		struct history_row a[40], b[40], c[40];
		struct entry_print pa, pb, pc;
		size_t only_a, only_b, k;

		for (size_t i = 0; i < n; i++)
			a[i] = random_row(&r);
		memcpy(b, a, n * sizeof *a);
		for (size_t i = n - 1; i > 0; i--) {
			size_t j = (size_t)rng_range(&r, 0, (int)i);
			struct history_row t = b[i];

			b[i] = b[j];
			b[j] = t;
		}
		memcpy(c, b, n * sizeof *b);
		k = (size_t)rng_range(&r, 0, (int)n - 1);
		do
			c[k] = random_row(&r);
		while (c[k].source == b[k].source && c[k].date == b[k].date &&
		       c[k].level == b[k].level && c[k].level_decimals == b[k].level_decimals);
		print_of(a, n, &pa);
		print_of(b, n, &pb);
		print_of(c, n, &pc);
		assert_true(derived_print_equal(&pa, &pb));
		assert_false(derived_print_equal(&pa, &pc));
		assert_true(derived_same_entries(a, n, b, n, &only_a, &only_b));
		assert_false(derived_same_entries(a, n, c, n, &only_a, &only_b));
		assert_int_equal(only_a, 1);
		assert_int_equal(only_b, 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_close),
		cmocka_unit_test(test_sums),
		cmocka_unit_test(test_print_by_hand),
		cmocka_unit_test(test_print_blob),
		cmocka_unit_test(test_same_entries_by_hand),
		cmocka_unit_test(test_random_multisets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
