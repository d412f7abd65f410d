/* The short year-month form of the trend's axis and table (fmt_month_short,
 * CLDR's yMMM), worked out by hand for each language. */
#include "testutil.h"

#include "i18n/i18n.h"
#include "util/date.h"

static void expect(enum lang l, const char *iso, const char *want)
{
	struct buf b;
	int32_t days;

	assert_int_equal(date_parse(iso, &days), 0);
	buf_init(&b, 64);
	assert_int_equal(fmt_month_short(&b, l, days), 0);
	assert_string_equal(buf_str(&b), want);
	buf_free(&b);
}

static void test_month_short(void **state)
{
	(void)state;
	expect(LANG_EN, "2026-03-31", "Mar 2026");
	expect(LANG_NL, "2026-03-31", "mrt 2026");
	expect(LANG_SV, "2026-03-31", "mars 2026");
	expect(LANG_EN, "2025-12-31", "Dec 2025");
	expect(LANG_NL, "2026-05-01", "mei 2026");
	expect(LANG_SV, "2026-01-31", "jan. 2026");
	expect(LANG_SV, "2026-09-30", "sep. 2026");
}

/* A full buffer is refused and left as it was. */
static void test_full(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 4);
	assert_int_equal(buf_adds(&b, "ab"), 0);
	assert_true(fmt_month_short(&b, LANG_NL, 20000) < 0);
	assert_string_equal(buf_str(&b), "ab");
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_month_short),
		cmocka_unit_test(test_full),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
