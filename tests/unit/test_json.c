/* Unit tests for src/util/dtoa.h (shortest exact numbers) and
 * src/util/jsonw.h (the streaming JSON writer). */
#include "testutil.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/dtoa.h"
#include "util/jsonw.h"
#include "util/rng.h"

static void expect_dtoa(double x, const char *want)
{
	char out[DTOA_MAX];
	int n = dtoa_shortest(x, out);

	if (n < 0 || strcmp(out, want) != 0 || (size_t)n != strlen(want))
		fail_msg("%.17g gave '%s' (%d), expected '%s'", x, n < 0 ? "" : out, n, want);
}

static void test_dtoa_cases(void **state)
{
	(void)state;
	expect_dtoa(0.1, "0.1");
	expect_dtoa(0.3, "0.3");
	expect_dtoa(0.1 + 0.2, "0.30000000000000004");
	expect_dtoa(1.0 / 3, "0.3333333333333333");
	expect_dtoa(2.0 / 3, "0.6666666666666666");
	expect_dtoa(2.8333333333333335, "2.8333333333333335");
	expect_dtoa(3.0, "3.0");
	expect_dtoa(-3.0, "-3.0");
	expect_dtoa(0.0, "0.0");
	expect_dtoa(-0.0, "-0.0");
	expect_dtoa(4.35, "4.35");
	expect_dtoa(0.5, "0.5");
	expect_dtoa(1e-4, "0.0001");
	expect_dtoa(0.0001234, "0.0001234");
	expect_dtoa(123456789012345.6, "123456789012345.6");
	expect_dtoa(1e15, "1e+15");
	expect_dtoa(999999999999999.0, "999999999999999.0");
	expect_dtoa(1.5e-7, "1.5e-07");
	expect_dtoa(2e20, "2e+20");
	expect_dtoa(5e-324, "5e-324");
	expect_dtoa(1.7976931348623157e308, "1.7976931348623157e+308");
	/* powers of two, where the next double below is half as far */
	expect_dtoa(0.5, "0.5");
	expect_dtoa(0.125, "0.125");
	expect_dtoa(9007199254740992.0 / 8, "1125899906842624.0");
	expect_dtoa(0x1p-10, "0.0009765625");
}

static void test_dtoa_refuses_non_finite(void **state)
{
	char out[DTOA_MAX];

	(void)state;
	assert_int_equal(dtoa_shortest(NAN, out), -1);
	assert_int_equal(dtoa_shortest(INFINITY, out), -1);
	assert_int_equal(dtoa_shortest(-INFINITY, out), -1);
}

/* The fewest significant digits that printf can give and strtod read
 * back: the length the shortest form must have. */
static int shortest_digits(double x)
{
	char text[64];

	for (int p = 1; p <= 17; p++) {
		snprintf(text, sizeof text, "%.*g", p, x);
		if (strtod(text, NULL) == x)
			return p;
	}
	return 17;
}

static int significant_digits(const char *s)
{
	int first = -1, last = -1, n = 0;

	for (int i = 0; s[i] != '\0' && s[i] != 'e'; i++) {
		if (s[i] < '0' || s[i] > '9')
			continue;
		if (s[i] != '0') {
			if (first < 0)
				first = n;
			last = n;
		}
		n++;
	}
	return first < 0 ? 1 : last - first + 1;
}

/* Every result reads back as the same double and is as short as any. */
static void test_dtoa_round_trips(void **state)
{
	struct rng r;
	char out[DTOA_MAX];

	(void)state;
	rng_seed(&r, 20261123);
	for (int i = 0; i < 300000; i++) {
		double x;
		uint64_t bits = rng_next(&r);

		switch (i % 4) {
		case 0:            /* any finite double */
			memcpy(&x, &bits, sizeof x);
			if (!isfinite(x))
				continue;
			break;
		case 1:            /* levels and weights: fractions of small numbers */
			x = (double)(bits % 5000000) / (double)(1 + (bits >> 40) % 100000);
			break;
		case 2:            /* confidences and fits */
			x = (double)(bits >> 11) * 0x1p-53;
			break;
		default:           /* decimals as people write them */
			x = (double)(bits % 100000) / 1000;
		}
		if (dtoa_shortest(x, out) < 0)
			fail_msg("no result for %.17g", x);
		if (strtod(out, NULL) != x)
			fail_msg("%.17g gave '%s', which reads back as %.17g", x, out, strtod(out, NULL));
		if (significant_digits(out) > shortest_digits(x))
			fail_msg("%.17g gave '%s'; %d digits would do", x, out, shortest_digits(x));
	}
}

/* Writes a document into memory and compares it. */
static void expect_doc(void (*write)(struct jw *w), const char *want)
{
	static struct jw w;

	jw_init(&w, NULL, 1 << 20);
	write(&w);
	assert_int_equal(jw_finish(&w), 0);
	assert_string_equal(buf_str(&w.out), want);
	buf_free(&w.out);
}

static void write_nested(struct jw *w)
{
	jw_object_begin(w);
	jw_field_string(w, "team", "kcc");
	jw_field_date(w, "as_of", 20757);
	jw_field_int(w, "required", -12);
	jw_field_real_or_null(w, "level", 1, 2.5);
	jw_field_real_or_null(w, "gap", 0, 1);
	jw_field_bool(w, "meets", 0);
	jw_field_string(w, "flag", NULL);
	jw_key(w, "empty");
	jw_array_begin(w);
	jw_array_end(w);
	jw_key(w, "nothing");
	jw_object_begin(w);
	jw_object_end(w);
	jw_key(w, "list");
	jw_array_begin(w);
	jw_int(w, 1);
	jw_object_begin(w);
	jw_field_real(w, "x", 0.1);
	jw_object_end(w);
	jw_real(w, NAN);
	jw_array_end(w);
	jw_object_end(w);
}

static void test_jsonw_layout(void **state)
{
	(void)state;
	expect_doc(write_nested,
		   "{\n"
		   "  \"team\": \"kcc\",\n"
		   "  \"as_of\": \"2026-10-31\",\n"
		   "  \"required\": -12,\n"
		   "  \"level\": 2.5,\n"
		   "  \"gap\": null,\n"
		   "  \"meets\": false,\n"
		   "  \"flag\": null,\n"
		   "  \"empty\": [],\n"
		   "  \"nothing\": {},\n"
		   "  \"list\": [\n"
		   "    1,\n"
		   "    {\n"
		   "      \"x\": 0.1\n"
		   "    },\n"
		   "    null\n"
		   "  ]\n"
		   "}\n");
}

static void write_escapes(struct jw *w)
{
	jw_array_begin(w);
	jw_string(w, "quote \" backslash \\ slash / tab \t newline \n cr \r bell \a del \x7f");
	jw_string(w, "Åsa Ørsted – Zoë");
	jw_array_end(w);
}

static void test_jsonw_escapes(void **state)
{
	(void)state;
	expect_doc(write_escapes,
		   "[\n"
		   "  \"quote \\\" backslash \\\\ slash / tab \\t newline \\n cr \\r bell \\u0007 del \x7f\",\n"
		   "  \"Åsa Ørsted – Zoë\"\n"
		   "]\n");
}

/* A string longer than the writer's chunk goes through whole. */
static void test_jsonw_long_string(void **state)
{
	static struct jw w;
	size_t n = 3 * JW_CHUNK + 17;
	char *s = malloc(n + 1);
	const char *doc;

	(void)state;
	assert_non_null(s);
	memset(s, 'a', n);
	s[n] = '\0';
	jw_init(&w, NULL, SIZE_MAX);
	jw_array_begin(&w);
	jw_string(&w, "x");
	jw_string(&w, s);
	jw_array_end(&w);
	assert_int_equal(jw_finish(&w), 0);
	doc = buf_str(&w.out);
	assert_int_equal(strlen(doc), strlen("[\n  \"x\",\n  \"\"\n]\n") + n);
	assert_memory_equal(doc + strlen("[\n  \"x\",\n  \""), s, n);
	assert_string_equal(doc + strlen(doc) - 4, "\"\n]\n");
	buf_free(&w.out);
	free(s);
}

static void test_jsonw_errors(void **state)
{
	static struct jw w;

	(void)state;
	/* a container left open */
	jw_init(&w, NULL, SIZE_MAX);
	jw_object_begin(&w);
	assert_int_equal(jw_finish(&w), -1);
	buf_free(&w.out);
	/* a close without an open */
	jw_init(&w, NULL, SIZE_MAX);
	jw_array_end(&w);
	assert_int_equal(jw_finish(&w), -1);
	buf_free(&w.out);
	/* deeper than JW_DEPTH_MAX */
	jw_init(&w, NULL, SIZE_MAX);
	for (int i = 0; i <= JW_DEPTH_MAX; i++)
		jw_array_begin(&w);
	for (int i = 0; i <= JW_DEPTH_MAX; i++)
		jw_array_end(&w);
	assert_int_equal(jw_finish(&w), -1);
	buf_free(&w.out);
	/* the size cap */
	jw_init(&w, NULL, 8);
	jw_array_begin(&w);
	jw_string(&w, "longer than eight bytes");
	jw_array_end(&w);
	assert_int_equal(jw_finish(&w), -1);
	buf_free(&w.out);
}

/* Written to a file in chunks, a large document arrives whole. */
static void test_jsonw_file(void **state)
{
	static struct jw w;
	FILE *f = tmpfile();
	char line[64];
	long items = 0;

	(void)state;
	assert_non_null(f);
	jw_init(&w, f, 0);
	jw_array_begin(&w);
	for (int i = 0; i < 50000; i++)
		jw_int(&w, i);
	jw_array_end(&w);
	assert_int_equal(jw_finish(&w), 0);
	rewind(f);
	while (fgets(line, sizeof line, f) != NULL)
		if (line[0] == ' ') {
			char want[32];

			snprintf(want, sizeof want, "  %ld%s\n", items, items < 49999 ? "," : "");
			assert_string_equal(line, want);
			items++;
		}
	assert_int_equal(items, 50000);
	fclose(f);
}

/* Keys and strings of every length from 0 to 199, some with bytes to
 * escape, across many chunk boundaries (the quoting has a fast path for
 * what fits the chunk): jansson reads back exactly what was written. */
static void test_jsonw_strings_across_chunks(void **state)
{
	static struct jw w;
	char text[256], key[16];
	FILE *f = tmpfile();
	json_error_t e;
	json_t *doc;
	size_t i;

	(void)state;
	assert_non_null(f);
	jw_init(&w, f, 0);
	jw_object_begin(&w);
	for (i = 0; i < 6000; i++) {
		size_t n = i % 200;

		for (size_t k = 0; k < n; k++)
			text[k] = (char)(i % 7 == 0 && k % 13 == 5 ? (k % 2 ? '"' : '\n') : 'a' + k % 26);
		text[n] = '\0';
		snprintf(key, sizeof key, "k%zu", i);
		jw_key(&w, key);
		jw_string(&w, text);
	}
	jw_object_end(&w);
	assert_int_equal(jw_finish(&w), 0);
	rewind(f);
	doc = json_loadf(f, 0, &e);
	assert_non_null(doc);
	assert_int_equal(json_object_size(doc), 6000);
	for (i = 0; i < 6000; i++) {
		size_t n = i % 200;

		for (size_t k = 0; k < n; k++)
			text[k] = (char)(i % 7 == 0 && k % 13 == 5 ? (k % 2 ? '"' : '\n') : 'a' + k % 26);
		text[n] = '\0';
		snprintf(key, sizeof key, "k%zu", i);
		assert_string_equal(json_string_value(json_object_get(doc, key)), text);
	}
	json_decref(doc);
	fclose(f);
}

/* The fields' literal keys are written with their comma and indent in
 * one copy (jw_key_n), and by the general way near the end of a chunk:
 * objects at several depths, across many chunk boundaries, read back
 * exactly. */
static void test_jsonw_literal_keys_across_chunks(void **state)
{
	static struct jw w;
	FILE *f = tmpfile();
	json_error_t e;
	json_t *doc, *items;
	size_t i;

	(void)state;
	assert_non_null(f);
	jw_init(&w, f, 0);
	jw_object_begin(&w);
	jw_field_int(&w, "count", 5000);
	jw_key_literal(&w, "items");
	jw_array_begin(&w);
	for (i = 0; i < 5000; i++) {
		jw_object_begin(&w);
		jw_field_int(&w, "n", (int64_t)i);
		jw_field_real_or_null(&w, "half", i % 3 != 0, (double)i / 2);
		jw_field_bool(&w, "odd", i % 2);
		jw_key_literal(&w, "inner");
		jw_object_begin(&w);
		jw_field_string(&w, "s", i % 5 == 0 ? "with \"quote\"" : "plain");
		jw_field_date(&w, "date", (int32_t)i);
		jw_object_end(&w);
		jw_object_end(&w);
	}
	jw_array_end(&w);
	jw_object_end(&w);
	assert_int_equal(jw_finish(&w), 0);
	rewind(f);
	doc = json_loadf(f, 0, &e);
	assert_non_null(doc);
	assert_int_equal(json_integer_value(json_object_get(doc, "count")), 5000);
	items = json_object_get(doc, "items");
	assert_int_equal(json_array_size(items), 5000);
	for (i = 0; i < 5000; i++) {
		json_t *it = json_array_get(items, i), *inner = json_object_get(it, "inner");
		json_t *half = json_object_get(it, "half");

		assert_int_equal(json_object_size(it), 4);
		assert_int_equal(json_integer_value(json_object_get(it, "n")), (json_int_t)i);
		if (i % 3 != 0)
			assert_true(json_number_value(half) == (double)i / 2);
		else
			assert_true(json_is_null(half));
		assert_int_equal(json_is_true(json_object_get(it, "odd")), (int)(i % 2));
		assert_string_equal(json_string_value(json_object_get(inner, "s")),
				    i % 5 == 0 ? "with \"quote\"" : "plain");
		assert_non_null(json_string_value(json_object_get(inner, "date")));
	}
	json_decref(doc);
	fclose(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dtoa_cases),
		cmocka_unit_test(test_dtoa_refuses_non_finite),
		cmocka_unit_test(test_dtoa_round_trips),
		cmocka_unit_test(test_jsonw_layout),
		cmocka_unit_test(test_jsonw_escapes),
		cmocka_unit_test(test_jsonw_long_string),
		cmocka_unit_test(test_jsonw_errors),
		cmocka_unit_test(test_jsonw_file),
		cmocka_unit_test(test_jsonw_strings_across_chunks),
		cmocka_unit_test(test_jsonw_literal_keys_across_chunks),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
