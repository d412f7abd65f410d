/* The webhooks' backoff schedule and URL rules (core/webhook.h), by hand:
 * 30 s after the first failed attempt, doubling, at most an hour, given
 * up after 10 attempts; only http and https URLs, shown without their
 * path. */
#include "testutil.h"

#include <string.h>

#include "core/webhook.h"

static void test_backoff_schedule(void **state)
{
	/* 30 * 2^(k-1): 30, 60, 120, 240, 480, 960, 1920, then 3840 > 3600. */
	static const int64_t want[] = { 30, 60, 120, 240, 480, 960, 1920, 3600, 3600, 3600 };
	int64_t total = 0;

	(void)state;
	for (int k = 1; k <= 10; k++) {
		assert_int_equal(webhook_backoff(k), want[k - 1]);
		total += webhook_backoff(k);
	}
	assert_int_equal(webhook_backoff(1000), 3600);
	/* The first nine waits between ten attempts: 3810 + 3 * 3600 - 3600. */
	assert_int_equal(total - webhook_backoff(10), 3810 + 2 * 3600);
}

static void test_gives_up_after_ten(void **state)
{
	(void)state;
	assert_false(webhook_gives_up(0));
	assert_false(webhook_gives_up(9));
	assert_true(webhook_gives_up(10));
	assert_true(webhook_gives_up(11));
}

static void test_urls(void **state)
{
	char big[WEBHOOK_URL_MAX + 20];

	(void)state;
	assert_null(webhook_url_refused("http://127.0.0.1:8080/hook"));
	assert_null(webhook_url_refused("https://chat.example.com/hooks/T1/B2/secret"));
	assert_null(webhook_url_refused("HTTPS://example.com"));
	assert_non_null(webhook_url_refused(NULL));
	assert_non_null(webhook_url_refused(""));
	assert_non_null(webhook_url_refused("ftp://example.com/x"));
	assert_non_null(webhook_url_refused("file:///etc/passwd"));
	assert_non_null(webhook_url_refused("gopher://example.com"));
	assert_non_null(webhook_url_refused("example.com/hook"));
	assert_non_null(webhook_url_refused("http:///path"));
	assert_non_null(webhook_url_refused("http://:80/path"));
	assert_non_null(webhook_url_refused("http://user:pw@example.com/"));
	assert_non_null(webhook_url_refused("http://example.com/a b"));
	assert_non_null(webhook_url_refused("http://example.com/a\nb"));
	memset(big, 'a', sizeof big - 1);
	memcpy(big, "http://", 7);
	big[sizeof big - 1] = '\0';
	assert_non_null(webhook_url_refused(big));
}

static void test_url_shown_without_path(void **state)
{
	char out[64];

	(void)state;
	webhook_url_shown("https://chat.example.com/hooks/T1/B2/secret", out, sizeof out);
	assert_string_equal(out, "https://chat.example.com/\u2026");
	webhook_url_shown("http://127.0.0.1:8080?token=x", out, sizeof out);
	assert_string_equal(out, "http://127.0.0.1:8080/\u2026");
	webhook_url_shown("http://127.0.0.1:8080/", out, sizeof out);
	assert_string_equal(out, "http://127.0.0.1:8080");
	webhook_url_shown("http://example.com", out, 8);
	assert_string_equal(out, "http://");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_backoff_schedule),
		cmocka_unit_test(test_gives_up_after_ten),
		cmocka_unit_test(test_urls),
		cmocka_unit_test(test_url_shown_without_path),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
