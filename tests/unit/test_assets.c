/* The built-in static files (http/assets.h): the lookup by exact name and
 * the If-None-Match comparison, on hand-written header values. */
#include "testutil.h"

#include <string.h>

#include "http/assets.h"

static void test_find_is_exact(void **state)
{
	const struct asset *a = asset_find("app.css");

	(void)state;
	assert_non_null(a);
	assert_string_equal(a->name, "app.css");
	assert_string_equal(a->content_type, "text/css; charset=utf-8");
	/* The bytes end with a NUL that the size does not count. */
	assert_int_equal(a->data[a->size], 0);
	assert_true(a->size > 0);
	assert_null(asset_find("APP.CSS"));
	assert_null(asset_find("app.css/"));
	assert_null(asset_find("../app.css"));
	assert_null(asset_find("assets/app.css"));
	assert_null(asset_find(""));
	assert_null(asset_find(NULL));
}

static void test_etags_are_quoted_hashes(void **state)
{
	(void)state;
	for (size_t i = 0; i < assets_count; i++) {
		const char *t = assets[i].etag;

		assert_int_equal(strlen(t), 18);
		assert_int_equal(t[0], '"');
		assert_int_equal(t[17], '"');
		assert_int_equal(strspn(t + 1, "0123456789abcdef"), 16);
	}
}

static void test_if_none_match(void **state)
{
	const char *tag = "\"0123456789abcdef\"";

	(void)state;
	assert_true(asset_etag_matches("\"0123456789abcdef\"", tag));
	assert_true(asset_etag_matches("W/\"0123456789abcdef\"", tag));
	assert_true(asset_etag_matches("\"aaaa\", \"0123456789abcdef\"", tag));
	assert_true(asset_etag_matches("\"aaaa\",W/\"0123456789abcdef\" ", tag));
	assert_true(asset_etag_matches("*", tag));
	assert_false(asset_etag_matches(NULL, tag));
	assert_false(asset_etag_matches("", tag));
	assert_false(asset_etag_matches("\"0123456789abcde\"", tag));
	assert_false(asset_etag_matches("\"0123456789abcdef0\"", tag));
	assert_false(asset_etag_matches("0123456789abcdef", tag));       /* unquoted */
	assert_false(asset_etag_matches("\"0123456789abcdef", tag));     /* unclosed */
	assert_false(asset_etag_matches("\"aaaa\", junk, \"0123456789abcdef\"", tag));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_is_exact),
		cmocka_unit_test(test_etags_are_quoted_hashes),
		cmocka_unit_test(test_if_none_match),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
