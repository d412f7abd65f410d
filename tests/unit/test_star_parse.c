/* The STAR note of an evidence object (io/entities.h,
 * evidence_json_parse_star; store/star.h): what is kept, and every
 * refusal with the field it names. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "io/entities.h"
#include "store/star.h"

#define ROW "\"person\": \"p2\", \"competency\": \"listen\", \"level\": 3, \"source\": \"manager\"," \
	" \"date\": \"2026-01-05\""

struct parsed {
	struct arena a;
	const char **values;
	struct evidence_star *stars;
	size_t n;
	bool array;
	struct field_error fe;
	int rc;
};

static void parse(struct parsed *p, const char *json)
{
	arena_init(&p->a, 1 << 20);
	p->rc = evidence_json_parse_star(json, strlen(json), &p->a, &p->values, &p->stars, &p->n,
					 &p->array, &p->fe);
}

/* Parses json, expects a refusal of code naming field. */
static void refused(const char *json, enum entity_error code, const char *field)
{
	struct parsed p;

	parse(&p, json);
	assert_int_equal(p.rc, -1);
	assert_int_equal(p.fe.code, code);
	assert_string_equal(p.fe.field, field);
	arena_free(&p.a);
}

static void test_kept(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "{" ROW ", \"star\": {\"situation\": \"A caller <angry>\", \"task\": null,"
	      " \"result\": \"Calm\"}}");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 1);
	assert_string_equal(p.stars[0].part[0], "A caller <angry>");
	assert_null(p.stars[0].part[1]);
	assert_null(p.stars[0].part[2]);
	assert_string_equal(p.stars[0].part[3], "Calm");
	assert_false(star_is_empty(&p.stars[0]));
	assert_string_equal(p.values[0], "p2");
	arena_free(&p.a);

	/* null, an empty object, or none at all: no note. */
	parse(&p, "[{" ROW ", \"star\": null}, {" ROW ", \"star\": {}}, {" ROW "}]");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.n, 3);
	for (size_t i = 0; i < 3; i++)
		assert_true(star_is_empty(&p.stars[i]));
	arena_free(&p.a);
}

static void test_refused(void **state)
{
	(void)state;
	refused("{" ROW ", \"star\": \"did well\"}", EE_WRONG_TYPE, "star");
	refused("{" ROW ", \"star\": [\"did well\"]}", EE_WRONG_TYPE, "star");
	refused("{" ROW ", \"star\": {\"mood\": \"good\"}}", EE_UNKNOWN_FIELD, "star.mood");
	refused("{" ROW ", \"star\": {\"task\": 3}}", EE_WRONG_TYPE, "star.task");
	refused("[{" ROW "}, {" ROW ", \"star\": {\"result\": true}}]", EE_WRONG_TYPE,
		"[1].star.result");
	refused("{" ROW ", \"stars\": {}}", EE_UNKNOWN_FIELD, "stars");
}

/* At most STAR_PART_MAX characters, counted as characters, not bytes. */
static void test_length(void **state)
{
	size_t n = STAR_PART_MAX + 1;
	char *json = malloc(2 * n + 200), *s;
	struct parsed p;

	(void)state;
	assert_non_null(json);
	s = json + snprintf(json, 200, "{" ROW ", \"star\": {\"action\": \"");
	for (size_t i = 0; i < STAR_PART_MAX; i++, s += 2)
		memcpy(s, "\xC3\xA9", 2);                  /* é: two bytes, one character */
	memcpy(s, "\"}}", 4);
	parse(&p, json);
	assert_int_equal(p.rc, 0);
	assert_int_equal(star_length(p.stars[0].part[2]), STAR_PART_MAX);
	assert_int_equal(strlen(p.stars[0].part[2]), 2 * STAR_PART_MAX);
	arena_free(&p.a);
	memcpy(s, "x\"}}", 5);
	refused(json, EE_INVALID, "star.action");
	free(json);
}

/* evidence_json_parse checks the note too and drops it. */
static void test_without_stars(void **state)
{
	struct arena a;
	const char **values;
	size_t n;
	bool array;
	struct field_error fe;
	const char *ok = "{" ROW ", \"star\": {\"task\": \"t\"}}";
	const char *bad = "{" ROW ", \"star\": {\"task\": 1}}";

	(void)state;
	arena_init(&a, 1 << 20);
	assert_int_equal(evidence_json_parse(ok, strlen(ok), &a, &values, &n, &array, &fe), 0);
	assert_int_equal(evidence_json_parse(bad, strlen(bad), &a, &values, &n, &array, &fe), -1);
	assert_string_equal(fe.field, "star.task");
	arena_free(&a);
}

static void test_find(void **state)
{
	struct evidence_star_row rows[3] = { { 4, { { "a" } } }, { 9, { { "b" } } },
					     { 12, { { "c" } } } };

	(void)state;
	assert_string_equal(star_find(rows, 3, 9)->part[0], "b");
	assert_string_equal(star_find(rows, 3, 12)->part[0], "c");
	assert_string_equal(star_find(rows, 3, 4)->part[0], "a");
	assert_null(star_find(rows, 3, 5));
	assert_null(star_find(rows, 0, 4));
	assert_int_equal(star_length(""), 0);
	assert_int_equal(star_length("h\xC3\xA9j \xE2\x80\x93"), 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kept),
		cmocka_unit_test(test_refused),
		cmocka_unit_test(test_length),
		cmocka_unit_test(test_without_stars),
		cmocka_unit_test(test_find),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
