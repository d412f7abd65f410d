/* Unit tests for src/util/buf.h, arena.h, strmap.h, utf8.h, rng.h and
 * src/core/org.h. */
#include "testutil.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "core/org.h"
#include "util/arena.h"
#include "util/array.h"
#include "util/buf.h"
#include "util/rng.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/edit.h"
#include "util/percent.h"
#include "util/rounding.h"

/* buf */

static void test_buf_empty(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 100);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(b.len, 0);
	buf_reset(&b);   /* on a buffer that never allocated */
	assert_string_equal(buf_str(&b), "");
	buf_free(&b);
	assert_null(b.data);
	assert_int_equal(b.max, 100);
}

static void test_buf_cap_enforced(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 10);
	assert_int_equal(buf_adds(&b, "hello"), 0);
	/* One byte over the cap: fails and changes nothing. */
	assert_int_equal(buf_adds(&b, "world!"), -1);
	assert_string_equal(buf_str(&b), "hello");
	assert_int_equal(b.len, 5);
	assert_int_equal(buf_printf(&b, "%s", "123456"), -1);
	assert_string_equal(buf_str(&b), "hello");
	assert_int_equal(b.len, 5);
	/* Exactly up to the cap is allowed. */
	assert_int_equal(buf_adds(&b, "world"), 0);
	assert_string_equal(buf_str(&b), "helloworld");
	assert_int_equal(b.len, 10);
	assert_int_equal(buf_addc(&b, 'x'), -1);
	assert_int_equal(buf_printf(&b, "%d", 1), -1);
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_string_equal(buf_str(&b), "helloworld");
	assert_int_equal(b.len, 10);
	/* A huge n must not wrap around the cap check. */
	assert_int_equal(buf_add(&b, "x", SIZE_MAX), -1);
	assert_string_equal(buf_str(&b), "helloworld");
	buf_free(&b);
}

static void test_buf_zero_max(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 0);
	assert_int_equal(buf_addc(&b, 'a'), -1);
	assert_int_equal(buf_add(&b, "", 0), 0);
	assert_string_equal(buf_str(&b), "");
	buf_free(&b);
}

static void test_buf_grows(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 1 << 20);
	for (int i = 0; i < 100000; i++)
		assert_int_equal(buf_addc(&b, (char)('a' + i % 26)), 0);
	assert_int_equal(b.len, 100000);
	assert_true(b.cap > b.len);
	assert_int_equal(strlen(buf_str(&b)), 100000);
	for (int i = 0; i < 100000; i++)
		if (buf_str(&b)[i] != (char)('a' + i % 26))
			fail_msg("byte %d is '%c'", i, buf_str(&b)[i]);
	buf_free(&b);
}

static void test_buf_binary(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 100);
	assert_int_equal(buf_add(&b, "a\0b", 3), 0);
	assert_int_equal(b.len, 3);
	assert_memory_equal(b.data, "a\0b", 4);
	buf_free(&b);
}

static void test_buf_printf(void **state)
{
	struct buf b;
	char big[1001];

	(void)state;
	buf_init(&b, 4096);
	assert_int_equal(buf_printf(&b, "%s-%d", "team", 42), 0);
	assert_string_equal(buf_str(&b), "team-42");
	assert_int_equal(buf_printf(&b, " %.2f%%", 3.14159), 0);
	assert_string_equal(buf_str(&b), "team-42 3.14%");
	assert_int_equal(b.len, strlen("team-42 3.14%"));
	assert_int_equal(buf_printf(&b, "%s", ""), 0);
	assert_int_equal(b.len, strlen("team-42 3.14%"));
	/* Output longer than the first allocation. */
	memset(big, 'z', 1000);
	big[1000] = '\0';
	assert_int_equal(buf_printf(&b, "[%s]", big), 0);
	assert_int_equal(b.len, strlen("team-42 3.14%") + 1002);
	assert_int_equal(strlen(buf_str(&b)), b.len);
	assert_int_equal(buf_str(&b)[b.len - 1], ']');
	buf_free(&b);

	/* printf into a fresh buffer that has no memory yet. */
	buf_init(&b, 10);
	assert_int_equal(buf_printf(&b, "%s", ""), 0);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(buf_printf(&b, "%d", 1234567890), 0);
	assert_string_equal(buf_str(&b), "1234567890");
	buf_free(&b);
}

static void test_buf_reset(void **state)
{
	struct buf b;
	size_t cap;

	(void)state;
	buf_init(&b, 20);
	assert_int_equal(buf_adds(&b, "0123456789abcdef"), 0);
	cap = b.cap;
	buf_reset(&b);
	assert_int_equal(b.len, 0);
	assert_string_equal(buf_str(&b), "");
	assert_int_equal(b.cap, cap);   /* memory kept */
	/* The cap counts from the reset, not from what was there before. */
	assert_int_equal(buf_adds(&b, "fedcba9876543210abcd"), 0);
	assert_string_equal(buf_str(&b), "fedcba9876543210abcd");
	buf_free(&b);
}

/* arena */

static void test_arena_alignment(void **state)
{
	struct arena a;
	const size_t align = _Alignof(max_align_t);
	unsigned char *prev = NULL;
	size_t prev_n = 0;

	(void)state;
	arena_init(&a, SIZE_MAX);
	for (size_t n = 0; n < 300; n++) {
		unsigned char *p = arena_alloc(&a, n);

		assert_non_null(p);
		if ((uintptr_t)p % align != 0)
			fail_msg("arena_alloc(%zu) = %p, not aligned to %zu", n, (void *)p, align);
		memset(p, (int)(n & 0xFF), n);
		/* The previous block was not overwritten by this one. */
		for (size_t k = 0; prev != NULL && k < prev_n; k++)
			if (prev[k] != (unsigned char)(prev_n & 0xFF))
				fail_msg("block of %zu bytes overwritten at %zu", prev_n, k);
		prev = p;
		prev_n = n;
	}
	arena_free(&a);
	assert_null(a.head);
	assert_int_equal(a.used, 0);
}

static void test_arena_large(void **state)
{
	struct arena a;
	const size_t big = 200 * 1024;
	unsigned char *small1, *large1, *small2, *large2;

	(void)state;
	arena_init(&a, SIZE_MAX);
	small1 = arena_alloc(&a, 10);
	large1 = arena_alloc(&a, big);
	small2 = arena_alloc(&a, 10);
	large2 = arena_alloc(&a, 64 * 1024 + 1);
	assert_non_null(small1);
	assert_non_null(large1);
	assert_non_null(small2);
	assert_non_null(large2);
	assert_int_equal((uintptr_t)large1 % _Alignof(max_align_t), 0);
	assert_int_equal((uintptr_t)large2 % _Alignof(max_align_t), 0);
	memset(small1, 1, 10);
	memset(large1, 2, big);
	memset(small2, 3, 10);
	memset(large2, 4, 64 * 1024 + 1);
	for (size_t i = 0; i < big; i++)
		if (large1[i] != 2)
			fail_msg("large block overwritten at %zu", i);
	for (size_t i = 0; i < 10; i++) {
		assert_int_equal(small1[i], 1);
		assert_int_equal(small2[i], 3);
	}
	arena_free(&a);
}

static void test_arena_cap(void **state)
{
	struct arena a;

	(void)state;
	arena_init(&a, 1024);
	assert_non_null(arena_alloc(&a, 1008));
	assert_non_null(arena_alloc(&a, 16));   /* exactly up to the cap */
	assert_int_equal(a.used, 1024);
	assert_null(arena_alloc(&a, 1));
	assert_null(arena_strdup(&a, ""));
	assert_int_equal(a.used, 1024);
	arena_free(&a);

	/* After arena_free the cap is available again. */
	assert_int_equal(a.max, 1024);
	assert_non_null(arena_alloc(&a, 512));
	assert_null(arena_alloc(&a, 1024));
	assert_non_null(arena_alloc(&a, 512));
	arena_free(&a);

	/* Sizes near SIZE_MAX must not wrap around the rounding. */
	arena_init(&a, SIZE_MAX);
	assert_null(arena_alloc(&a, SIZE_MAX));
	assert_null(arena_alloc(&a, SIZE_MAX - 1));
	assert_null(arena_strndup(&a, "x", SIZE_MAX));
	arena_free(&a);
}

static void test_arena_strdup(void **state)
{
	struct arena a;
	const char *src = "hello world";
	char *p, *q;

	(void)state;
	arena_init(&a, 4096);
	p = arena_strndup(&a, src, 5);
	assert_non_null(p);
	assert_string_equal(p, "hello");
	q = arena_strdup(&a, src);
	assert_non_null(q);
	assert_string_equal(q, "hello world");
	assert_ptr_not_equal(q, src);
	assert_string_equal(p, "hello");   /* the first copy is intact */
	p = arena_strdup(&a, "");
	assert_non_null(p);
	assert_string_equal(p, "");
	assert_null(arena_strdup(&a, NULL));
	p = arena_strndup(&a, "a\0b", 3);   /* copies n bytes, NULs and all */
	assert_non_null(p);
	assert_memory_equal(p, "a\0b", 4);
	arena_free(&a);
}

/* strmap */

static void test_strmap_empty(void **state)
{
	struct strmap m;
	int64_t v = 7;

	(void)state;
	strmap_init(&m);
	assert_false(strmap_get(&m, "k1", &v));
	assert_false(strmap_get(&m, "", NULL));
	assert_int_equal(v, 7);
	strmap_free(&m);
}

static void test_strmap_many(void **state)
{
	enum { N = 100000 };
	struct strmap m;
	char key[32];
	int64_t v;

	(void)state;
	strmap_init(&m);
	for (int i = 0; i < N; i++) {
		(void)snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(strmap_put(&m, key, i), 0);
	}
	assert_int_equal(m.count, N);
	for (int i = 0; i < N; i++) {
		(void)snprintf(key, sizeof key, "k%d", i);
		v = -1;
		if (!strmap_get(&m, key, &v) || v != i)
			fail_msg("strmap_get(\"%s\") gave %lld; want %d", key, (long long)v, i);
	}
	/* Replace every even key: the count stays and the value changes. */
	for (int i = 0; i < N; i += 2) {
		(void)snprintf(key, sizeof key, "k%d", i);
		assert_int_equal(strmap_put(&m, key, (int64_t)i * 1000000000), 0);
	}
	assert_int_equal(m.count, N);
	for (int i = 0; i < N; i++) {
		int64_t want = i % 2 == 0 ? (int64_t)i * 1000000000 : i;

		(void)snprintf(key, sizeof key, "k%d", i);
		v = -1;
		if (!strmap_get(&m, key, &v) || v != want)
			fail_msg("strmap_get(\"%s\") gave %lld; want %lld", key, (long long)v,
				 (long long)want);
	}
	assert_true(strmap_get(&m, "k99999", NULL));
	/* Misses. */
	v = -5;
	assert_false(strmap_get(&m, "k100000", &v));
	assert_false(strmap_get(&m, "k-1", &v));
	assert_false(strmap_get(&m, "", &v));
	assert_false(strmap_get(&m, "K1", &v));
	assert_false(strmap_get(&m, "k", &v));
	assert_false(strmap_get(&m, "k01", &v));
	assert_int_equal(v, -5);
	strmap_free(&m);
	assert_int_equal(m.count, 0);
	assert_false(strmap_get(&m, "k1", &v));
}

static void test_strmap_copies_keys(void **state)
{
	struct strmap m;
	char key[8] = "team";
	int64_t v = 0;

	(void)state;
	strmap_init(&m);
	assert_int_equal(strmap_put(&m, key, 1), 0);
	assert_int_equal(strmap_put(&m, "", 2), 0);
	memcpy(key, "XXXX", 5);
	assert_true(strmap_get(&m, "team", &v));
	assert_int_equal(v, 1);
	assert_false(strmap_get(&m, "XXXX", &v));
	assert_true(strmap_get(&m, "", &v));
	assert_int_equal(v, 2);
	strmap_free(&m);
}

/* utf8 */

static void test_utf8_valid(void **state)
{
	static const char *const ok[] = {
		"", "plain ascii", "é", "€", "𝄞", "Åsa Öberg € 𝄞 ok",
		"\xC2\x80",             /* U+0080, the smallest two-byte form */
		"\xE0\xA0\x80",         /* U+0800 */
		"\xED\x9F\xBF",         /* U+D7FF, just below the surrogates */
		"\xEE\x80\x80",         /* U+E000, just above them */
		"\xF0\x90\x80\x80",     /* U+10000 */
		"\xF4\x8F\xBF\xBF",     /* U+10FFFF, the largest */
	};

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		size_t n = strlen(ok[i]);
		size_t at = utf8_invalid_at(ok[i], n);

		if (at != n)
			fail_msg("utf8_invalid_at(ok[%zu]) = %zu; want %zu", i, at, n);
	}
	/* A NUL byte is valid UTF-8; the length comes from n. */
	assert_int_equal(utf8_invalid_at("a\0b", 3), 3);
}

static void test_utf8_invalid(void **state)
{
	static const struct {
		const char *s;
		size_t n;
		const char *why;
	} bad[] = {
		{ "\xC0\x80", 2, "overlong NUL" },
		{ "\xC1\xBF", 2, "overlong two-byte" },
		{ "\xE0\x80\x80", 3, "overlong three-byte" },
		{ "\xE0\x9F\xBF", 3, "overlong U+07FF" },
		{ "\xF0\x80\x80\x80", 4, "overlong four-byte" },
		{ "\xF0\x8F\xBF\xBF", 4, "overlong U+FFFF" },
		{ "\xED\xA0\x80", 3, "surrogate U+D800" },
		{ "\xED\xBF\xBF", 3, "surrogate U+DFFF" },
		{ "\xF4\x90\x80\x80", 4, "above U+10FFFF" },
		{ "\xF5\x80\x80\x80", 4, "lead byte 0xF5" },
		{ "\xE2\x82", 2, "truncated euro sign" },
		{ "\xE2\x82" "A", 3, "euro sign cut by ASCII" },
		{ "\xF0\x9D\x84", 3, "truncated four-byte" },
		{ "\xC3", 1, "lone lead byte" },
		{ "\x80", 1, "lone continuation" },
		{ "\xBF", 1, "lone continuation" },
		{ "\xFF", 1, "0xFF" },
		{ "\xFE", 1, "0xFE" },
	};
	static const char *const prefixes[] = { "", "ab", "é", "€x", "𝄞" };

	(void)state;
	for (size_t p = 0; p < sizeof prefixes / sizeof prefixes[0]; p++) {
		for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
			char s[64];
			size_t pre = strlen(prefixes[p]);
			size_t at;

			memcpy(s, prefixes[p], pre);
			memcpy(s + pre, bad[i].s, bad[i].n);
			/* Valid text after the bad bytes must not move the offset. */
			memcpy(s + pre + bad[i].n, "zz", 2);
			at = utf8_invalid_at(s, pre + bad[i].n + 2);
			if (at != pre)
				fail_msg("%s after \"%s\": utf8_invalid_at = %zu; want %zu", bad[i].why,
					 prefixes[p], at, pre);
			at = utf8_invalid_at(s, pre + bad[i].n);
			if (at != pre)
				fail_msg("%s after \"%s\" at the end: utf8_invalid_at = %zu; want %zu",
					 bad[i].why, prefixes[p], at, pre);
		}
	}
	/* A valid sequence cut short by n. */
	assert_int_equal(utf8_invalid_at("é", 1), 0);
	assert_int_equal(utf8_invalid_at("a€", 3), 1);
	/* Only the first bad byte counts. */
	assert_int_equal(utf8_invalid_at("ok\x80\xFF", 4), 2);
}

static void test_utf8_width(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("Åsa Öberg"), 9);
	assert_int_equal(strlen("Åsa Öberg"), 11);
	assert_int_equal(utf8_width(""), 0);
	assert_int_equal(utf8_width("abc"), 3);
	assert_int_equal(utf8_width("€𝄞x"), 3);
}

/* rng */

static void test_rng_deterministic(void **state)
{
	struct rng a, b, c;

	(void)state;
	/* splitmix64 from seed 0: pins the algorithm, so that the demo is the
	 * same on every machine. */
	rng_seed(&a, 0);
	assert_true(rng_next(&a) == 0xE220A8397B1DCDAFULL);
	assert_true(rng_next(&a) == 0x6E789E6AA1B965F4ULL);

	rng_seed(&a, 42);
	rng_seed(&b, 42);
	rng_seed(&c, 43);
	for (int i = 0; i < 1000; i++) {
		uint64_t x = rng_next(&a);

		assert_true(x == rng_next(&b));
		assert_true(x != rng_next(&c));
	}
	rng_seed(&a, 7);
	rng_seed(&b, 7);
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(rng_range(&a, -50, 50), rng_range(&b, -50, 50));
		assert_true(rng_unit(&a) == rng_unit(&b));
		assert_true(rng_normal(&a) == rng_normal(&b));
	}
}

static void test_rng_range(void **state)
{
	static const struct {
		int lo, hi;
	} ranges[] = { { 1, 6 }, { 0, 1 }, { -3, 3 }, { 1, 28 }, { 5, 5 }, { -100, -90 } };
	struct rng r;

	(void)state;
	rng_seed(&r, 12345);
	for (size_t k = 0; k < sizeof ranges / sizeof ranges[0]; k++) {
		int lo = ranges[k].lo, hi = ranges[k].hi;
		bool seen_lo = false, seen_hi = false;

		for (int i = 0; i < 100000; i++) {
			int v = rng_range(&r, lo, hi);

			if (v < lo || v > hi)
				fail_msg("rng_range(%d, %d) = %d", lo, hi, v);
			seen_lo |= v == lo;
			seen_hi |= v == hi;
		}
		if (!seen_lo || !seen_hi)
			fail_msg("rng_range(%d, %d) never gave %s", lo, hi, seen_lo ? "hi" : "lo");
	}
}

/* Draws from ranges wider than INT_MAX in a child process, which exits 0
 * when every draw was in range. A child is used so that a sanitizer trap
 * (signed overflow) fails this test alone rather than the whole binary. */
static void test_rng_range_wide(void **state)
{
	pid_t pid;
	int status;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		struct rng r;

		rng_seed(&r, 99);
		for (int i = 0; i < 10000; i++) {
			int v = rng_range(&r, -10, INT_MAX);

			if (v < -10)
				_exit(2);
			(void)rng_range(&r, INT_MIN, INT_MAX);
			v = rng_range(&r, INT_MIN, 10);
			if (v > 10)
				_exit(3);
		}
		_exit(0);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail_msg("rng_range over a range wider than INT_MAX failed in the child "
			 "(%s %d)", WIFEXITED(status) ? "exit" : "signal",
			 WIFEXITED(status) ? WEXITSTATUS(status) : WTERMSIG(status));
}

static void test_rng_unit(void **state)
{
	struct rng r;
	double sum = 0, lo = 1, hi = 0;

	(void)state;
	rng_seed(&r, 2026);
	for (int i = 0; i < 100000; i++) {
		double u = rng_unit(&r);

		if (!(u >= 0.0 && u < 1.0))
			fail_msg("rng_unit() = %.17g", u);
		sum += u;
		lo = u < lo ? u : lo;
		hi = u > hi ? u : hi;
	}
	assert_true(sum / 100000 > 0.49 && sum / 100000 < 0.51);
	assert_true(lo < 0.001);
	assert_true(hi > 0.999);
}

static void test_rng_normal(void **state)
{
	enum { N = 100000 };
	struct rng r;
	double sum = 0, sumsq = 0, mean, var;

	(void)state;
	rng_seed(&r, 1);
	for (int i = 0; i < N; i++) {
		double x = rng_normal(&r);

		if (x != x)
			fail_msg("rng_normal() gave NaN at draw %d", i);
		sum += x;
		sumsq += x * x;
	}
	mean = sum / N;
	var = sumsq / N - mean * mean;
	if (mean < -0.02 || mean > 0.02)
		fail_msg("mean of %d normal draws is %g", N, mean);
	if (var < 0.97 || var > 1.03)
		fail_msg("variance of %d normal draws is %g", N, var);
}

/* org */

static void test_org_subtree(void **state)
{
	/* 0 is the root; 1 and 2 are its children; 3 is a child of 1. */
	static const int parent[4] = { -1, 0, 0, 1 };
	bool in[4];

	(void)state;
	org_subtree(parent, 4, 1, in);
	assert_true(in[1] && in[3]);
	assert_false(in[0] || in[2]);

	org_subtree(parent, 4, 0, in);
	assert_true(in[0] && in[1] && in[2] && in[3]);

	org_subtree(parent, 4, 2, in);
	assert_true(in[2]);
	assert_false(in[0] || in[1] || in[3]);

	org_subtree(parent, 4, 3, in);
	assert_true(in[3]);
	assert_false(in[0] || in[1] || in[2]);
}

static void test_org_subtree_loop(void **state)
{
	/* As above, with 4 and 5 each other's parent and 6 its own. */
	static const int parent[7] = { -1, 0, 0, 1, 5, 4, 6 };
	bool in[7];

	(void)state;
	memset(in, 1, sizeof in);
	org_subtree(parent, 7, 0, in);
	assert_true(in[0] && in[1] && in[2] && in[3]);
	assert_false(in[4] || in[5] || in[6]);

	org_subtree(parent, 7, 1, in);
	assert_true(in[1] && in[3]);
	assert_false(in[0] || in[2] || in[4] || in[5] || in[6]);

	/* Inside the loop, each reaches the other. */
	org_subtree(parent, 7, 4, in);
	assert_true(in[4] && in[5]);
	assert_false(in[0] || in[1] || in[2] || in[3] || in[6]);
}

static void test_org_depth(void **state)
{
	static const int parent[7] = { -1, 0, 0, 1, 5, 4, -1 };
	static const int self_loop[2] = { -1, 1 };

	(void)state;
	assert_int_equal(org_depth(parent, 7, 0), 0);
	assert_int_equal(org_depth(parent, 7, 1), 1);
	assert_int_equal(org_depth(parent, 7, 2), 1);
	assert_int_equal(org_depth(parent, 7, 3), 2);
	assert_int_equal(org_depth(parent, 7, 6), 0);
	/* A loop cannot hang it: the walk stops after n steps. */
	assert_true(org_depth(parent, 7, 4) <= 7);
	assert_true(org_depth(self_loop, 2, 1) <= 2);
}

/* array_by_string sorts strings as strcmp does; array_find_string finds
 * each of them, and not what lies between, before or after. */
static void test_array_find_string(void **state)
{
	const char *keys[] = { "kcc-phone", "A02", "b", "A10", "A01" };
	const size_t n = sizeof keys / sizeof *keys;

	(void)state;
	qsort(keys, n, sizeof *keys, array_by_string);
	assert_string_equal(keys[0], "A01");
	assert_string_equal(keys[1], "A02");
	assert_string_equal(keys[2], "A10");
	assert_string_equal(keys[4], "kcc-phone");
	for (size_t i = 0; i < n; i++)
		assert_int_equal(array_find_string(keys, n, keys[i]), (long)i);
	assert_int_equal(array_find_string(keys, n, "A"), -1);
	assert_int_equal(array_find_string(keys, n, "A03"), -1);
	assert_int_equal(array_find_string(keys, n, "z"), -1);
	assert_int_equal(array_find_string(keys, 0, "A01"), -1);
}

/* array_reserve grows by doubling and keeps what was stored. */
static void test_array_reserve(void **state)
{
	long *items = NULL;
	size_t cap = 0;

	(void)state;
	assert_int_equal(array_reserve(&items, &cap, 1, sizeof *items), 0);
	assert_int_equal(cap, 16);
	for (long i = 0; i < 1000; i++) {
		assert_int_equal(array_reserve(&items, &cap, (size_t)i + 1, sizeof *items), 0);
		items[i] = i * 3;
	}
	assert_int_equal(cap, 1024);
	for (long i = 0; i < 1000; i++)
		assert_int_equal(items[i], i * 3);
	assert_int_equal(array_reserve(&items, &cap, 10, sizeof *items), 0);
	assert_int_equal(cap, 1024);       /* never shrinks */
	assert_int_equal(array_reserve(&items, &cap, SIZE_MAX / 2, sizeof *items), -1);
	assert_int_equal(cap, 1024);       /* a failure changes nothing */
	free(items);
}

/* Edit distances computed by hand. */
static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("listening", "listening", 2), 0);
	assert_int_equal(edit_distance("listning", "listening", 2), 1);    /* one deleted */
	assert_int_equal(edit_distance("phnoe", "phone", 2), 2);           /* two swapped */
	assert_int_equal(edit_distance("kitten", "sitting", 3), 3);        /* the textbook case */
	assert_int_equal(edit_distance("kitten", "sitting", 2), 3);        /* over max: max + 1 */
	assert_int_equal(edit_distance("", "abc", 5), 3);
	assert_int_equal(edit_distance("abc", "", 5), 3);
	assert_int_equal(edit_distance("a", "abcdef", 2), 3);              /* lengths alone exceed max */
}

/* Halves round away from zero, as a reader expects: 5 of 8 is 63%. */
static void test_percent_round(void **state)
{
	(void)state;
	assert_int_equal(percent_round(5.0 / 8), 63);
	assert_int_equal(percent_round(0.625 - 1e-12), 63);
	assert_int_equal(percent_round(1.0 / 8), 13);
	assert_int_equal(percent_round(0.124), 12);
	assert_int_equal(percent_round(2.0 / 3), 67);
	assert_int_equal(percent_round(0), 0);
	assert_int_equal(percent_round(1), 100);
	assert_int_equal(percent_round(0.0049), 0);
	assert_int_equal(percent_round(0.005), 1);
}

/* A shortfall keeps the decimals that show it: 2.96 of 3 is "2.96", not
 * "3.0"; none is enough for 2.9996 at two (its writer says "<3.00"). */
static void test_decimals_apart(void **state)
{
	(void)state;
	assert_int_equal(decimals_apart(2.96, 3, 1, 2), 2);     /* "3.0" -> "2.96" */
	assert_int_equal(decimals_apart(2.94, 3, 1, 2), 1);     /* "2.9" already */
	assert_int_equal(decimals_apart(2.95, 3, 1, 2), 2);     /* 2.95 is 2.9500000000000002: "3.0" */
	assert_int_equal(decimals_apart(2.996, 3, 1, 2), -1);   /* "3.00" at two */
	assert_int_equal(decimals_apart(2.996, 3, 1, 3), 3);
	assert_int_equal(decimals_apart(3, 3, 1, 2), 1);        /* the boundary itself */
	assert_int_equal(decimals_apart(0.004, 0, 2, 2), -1);   /* "0.00": "<0.01" */
	assert_int_equal(decimals_apart(0.006, 0, 2, 2), 2);    /* "0.01" */
	assert_int_equal(decimals_apart(0.25, 0, 2, 2), 2);
	assert_int_equal(decimals_apart(3.04, 3, 1, 2), 2);     /* above: "3.0" -> "3.04" */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_buf_empty),
		cmocka_unit_test(test_buf_cap_enforced),
		cmocka_unit_test(test_buf_zero_max),
		cmocka_unit_test(test_buf_grows),
		cmocka_unit_test(test_buf_binary),
		cmocka_unit_test(test_buf_printf),
		cmocka_unit_test(test_buf_reset),
		cmocka_unit_test(test_arena_alignment),
		cmocka_unit_test(test_arena_large),
		cmocka_unit_test(test_arena_cap),
		cmocka_unit_test(test_arena_strdup),
		cmocka_unit_test(test_strmap_empty),
		cmocka_unit_test(test_strmap_many),
		cmocka_unit_test(test_strmap_copies_keys),
		cmocka_unit_test(test_utf8_valid),
		cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_utf8_width),
		cmocka_unit_test(test_rng_deterministic),
		cmocka_unit_test(test_rng_range),
		cmocka_unit_test(test_rng_range_wide),
		cmocka_unit_test(test_rng_unit),
		cmocka_unit_test(test_rng_normal),
		cmocka_unit_test(test_org_subtree),
		cmocka_unit_test(test_org_subtree_loop),
		cmocka_unit_test(test_org_depth),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_array_reserve),
		cmocka_unit_test(test_array_find_string),
		cmocka_unit_test(test_percent_round),
		cmocka_unit_test(test_decimals_apart),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
