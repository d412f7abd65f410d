/* The server's cache of view documents (http/view_cache.h): an entry is
 * given back only for its own generation, a newer generation drops the
 * older entries and an older one is not kept, the budget evicts the least
 * recently used, and what cannot be kept is not. */
#include "testutil.h"

#include <string.h>

#include "http/view_cache.h"
#include "util/buf.h"

static int reset(void **state)
{
	(void)state;
	view_cache_clear();
	view_cache_set_budget((size_t)64 << 20);
	return 0;
}

/* The document under key for generation, or "" when there is none. */
static const char *got(const char *key, int64_t generation)
{
	static struct buf b;

	buf_free(&b);
	buf_init(&b, SIZE_MAX);
	if (view_cache_get(key, generation, &b) != 1)
		return "";
	return buf_str(&b);
}

static void test_a_document_comes_back_for_its_generation_only(void **state)
{
	struct view_cache_stats s;

	(void)state;
	view_cache_put("gaps t1", 5, "{\"a\": 1}", 8);
	assert_string_equal(got("gaps t1", 5), "{\"a\": 1}");
	assert_string_equal(got("gaps t1", 6), "");
	assert_string_equal(got("gaps t2", 5), "");
	view_cache_stats(&s);
	assert_int_equal(s.hits, 1);
	assert_int_equal(s.misses, 2);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.bytes, 8);
}

static void test_a_newer_generation_drops_the_older_entries(void **state)
{
	struct view_cache_stats s;

	(void)state;
	view_cache_put("a", 5, "A5", 2);
	view_cache_put("b", 5, "B5", 2);
	view_cache_put("a", 6, "A6", 2);
	assert_string_equal(got("a", 6), "A6");
	assert_string_equal(got("b", 5), "");
	view_cache_stats(&s);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.bytes, 2);
}

/* A transaction that began before a write and finished after it must not
 * put its older document back. */
static void test_an_older_generation_is_not_kept(void **state)
{
	(void)state;
	view_cache_put("a", 6, "A6", 2);
	view_cache_put("b", 5, "B5", 2);
	view_cache_put("a", 5, "A5", 2);
	assert_string_equal(got("b", 5), "");
	assert_string_equal(got("a", 5), "");
	assert_string_equal(got("a", 6), "A6");
}

static void test_the_budget_evicts_the_least_recently_used(void **state)
{
	(void)state;
	view_cache_set_budget(10);
	view_cache_put("a", 1, "aaaa", 4);
	view_cache_put("b", 1, "bbbb", 4);
	assert_string_equal(got("a", 1), "aaaa");      /* a is now the newer */
	view_cache_put("c", 1, "cccc", 4);              /* 12 > 10: b goes */
	assert_string_equal(got("b", 1), "");
	assert_string_equal(got("a", 1), "aaaa");
	assert_string_equal(got("c", 1), "cccc");
	view_cache_put("d", 1, "01234567890", 11);      /* larger than the budget */
	assert_string_equal(got("d", 1), "");
	assert_string_equal(got("a", 1), "aaaa");
}

static void test_what_cannot_be_kept_is_not(void **state)
{
	static char big[VIEW_CACHE_ITEM_MAX + 1];
	char key[VIEW_CACHE_KEY_MAX + 1];

	(void)state;
	view_cache_put("big", 1, big, sizeof big);
	assert_string_equal(got("big", 1), "");
	memset(key, 'k', VIEW_CACHE_KEY_MAX);
	key[VIEW_CACHE_KEY_MAX] = '\0';
	view_cache_put(key, 1, "x", 1);
	assert_string_equal(got(key, 1), "");
	view_cache_put("unknown", -1, "x", 1);
	assert_string_equal(got("unknown", -1), "");
	view_cache_set_budget(0);
	view_cache_put("none", 1, "x", 1);
	assert_string_equal(got("none", 1), "");
}

static void test_a_document_replaces_its_key(void **state)
{
	struct view_cache_stats s;

	(void)state;
	view_cache_put("a", 3, "first", 5);
	view_cache_put("a", 3, "again", 5);
	assert_string_equal(got("a", 3), "again");
	view_cache_stats(&s);
	assert_int_equal(s.entries, 1);
	assert_int_equal(s.bytes, 5);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup(test_a_document_comes_back_for_its_generation_only, reset),
		cmocka_unit_test_setup(test_a_newer_generation_drops_the_older_entries, reset),
		cmocka_unit_test_setup(test_an_older_generation_is_not_kept, reset),
		cmocka_unit_test_setup(test_the_budget_evicts_the_least_recently_used, reset),
		cmocka_unit_test_setup(test_what_cannot_be_kept_is_not, reset),
		cmocka_unit_test_setup(test_a_document_replaces_its_key, reset),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
