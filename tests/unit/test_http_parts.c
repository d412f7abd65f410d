/* The server's parts that need no network: the limits' parsing, the
 * metrics' counts and text format, the error shape, and the client's
 * address behind a trusted proxy (http/limits.h, http/metrics.h,
 * http/response.h, http/proxy.h). */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "http/limits.h"
#include "http/metrics.h"
#include "http/proxy.h"
#include "http/request.h"
#include "http/response.h"

static const struct limit_info *limit(const char *option)
{
	for (size_t i = 0; i < limits_count; i++)
		if (strcmp(limits_info[i].option, option) == 0)
			return &limits_info[i];
	fail_msg("no limit %s", option);
	return NULL;
}

static void test_limits_defaults_and_ranges(void **state)
{
	struct server_limits l;
	char msg[256];

	(void)state;
	limits_default(&l);
	assert_int_equal(l.json_body_max, 1048576);
	assert_int_equal(l.csv_body_max, 67108864);
	assert_int_equal(l.timeout, 30);
	assert_int_equal(l.threads, 0);
	assert_int_equal(limits_set(&l, limit("--json-body-max"), "2048", msg, sizeof msg), 0);
	assert_int_equal(l.json_body_max, 2048);
	assert_int_equal(limits_set(&l, limit("--json-body-max"), "1023", msg, sizeof msg), -1);
	assert_non_null(strstr(msg, "--json-body-max takes a whole number from 1024 to"));
	assert_int_equal(l.json_body_max, 2048);
	assert_int_equal(limits_set(&l, limit("--timeout"), "-1", msg, sizeof msg), -1);
	assert_int_equal(limits_set(&l, limit("--timeout"), "10s", msg, sizeof msg), -1);
	assert_int_equal(limits_set(&l, limit("--timeout"), "", msg, sizeof msg), -1);
	assert_int_equal(limits_set(&l, limit("--timeout"), " 5", msg, sizeof msg), -1);
	assert_int_equal(limits_set(&l, limit("--timeout"), "99999999999999999999999", msg,
				    sizeof msg), -1);
	assert_int_equal(limits_set(&l, limit("--timeout"), "3600", msg, sizeof msg), 0);
	assert_int_equal(l.timeout, 3600);
}

static int dummy(struct http_ctx *cx)
{
	(void)cx;
	return 0;
}

/* The value of the sample line that begins with prefix and a space, or -1. */
static double sample(const char *text, const char *prefix)
{
	const char *p = text;
	double v;

	while ((p = strstr(p, prefix)) != NULL &&
	       ((p != text && p[-1] != '\n') || p[strlen(prefix)] != ' '))
		p++;
	if (p == NULL || sscanf(p + strlen(prefix), " %lf", &v) != 1)
		return -1;
	return v;
}

static void test_metrics_counts_and_format(void **state)
{
	static const struct http_route routes[] = {
		{ "GET", "/a", dummy, ACCESS_PUBLIC, BODY_NONE },
		{ "GET", "/b/{key}", dummy, ACCESS_SIGNED_IN, BODY_NONE },
	};
	struct buf out;

	(void)state;
	/* 0.5 ms, 3 ms, 0.2 s and 20 s: buckets 0.001, 0.005, 0.25, +Inf. */
	metrics_request(0, 200, 0.0005);
	metrics_request(1, 404, 0.003);
	metrics_request(1, 404, 0.2);
	metrics_request(-1, 418, 20);
	metrics_db_error();
	buf_init(&out, 1 << 20);
	assert_int_equal(metrics_write(&out, routes, 2), 0);
	assert_int_equal(sample(buf_str(&out),
				"compgap_http_requests_total{method=\"GET\",route=\"/a\",status=\"200\"}"), 1);
	assert_int_equal(sample(buf_str(&out),
				"compgap_http_requests_total{method=\"GET\",route=\"/b/{key}\",status=\"404\"}"),
			 2);
	assert_int_equal(sample(buf_str(&out),
				"compgap_http_requests_total{method=\"\",route=\"none\",status=\"other\"}"), 1);
	/* Cumulative buckets. */
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_bucket{le=\"0.001\"}"), 1);
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_bucket{le=\"0.0025\"}"), 1);
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_bucket{le=\"0.005\"}"), 2);
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_bucket{le=\"0.1\"}"), 2);
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_bucket{le=\"0.25\"}"), 3);
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_bucket{le=\"10\"}"), 3);
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_bucket{le=\"+Inf\"}"), 4);
	assert_int_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_count"), 4);
	/* 0.0005 + 0.003 + 0.2 + 20, to the microsecond. */
	assert_float_equal(sample(buf_str(&out), "compgap_http_request_duration_seconds_sum"),
			   20.2035, 1e-9);
	assert_int_equal(sample(buf_str(&out), "compgap_db_errors_total"), 1);
	assert_non_null(strstr(buf_str(&out), "# TYPE compgap_http_request_duration_seconds histogram\n"));
	buf_free(&out);
}

static void test_error_shape(void **state)
{
	struct http_response r;

	(void)state;
	response_init(&r);
	assert_int_equal(response_error(&r, 404, "not_found", "key", "there is no team '%s'", "a\"b"), 0);
	assert_int_equal(r.status, 404);
	assert_true(r.api);
	assert_string_equal(r.content_type, "application/json");
	assert_string_equal(buf_str(&r.body),
			    "{\n  \"error\": {\n    \"code\": \"not_found\",\n"
			    "    \"message\": \"there is no team 'a\\\"b'\",\n    \"field\": \"key\"\n  }\n}\n");
	response_error(&r, 401, "unauthenticated", NULL, "sign in");
	assert_string_equal(buf_str(&r.body),
			    "{\n  \"error\": {\n    \"code\": \"unauthenticated\",\n"
			    "    \"message\": \"sign in\",\n    \"field\": null\n  }\n}\n");
	response_free(&r);
}

/* Parses body as a handler would; the response is left in r. */
static json_t *parse_body(const char *body, struct http_response *r)
{
	struct http_request req = { .body = body, .body_len = body ? strlen(body) : 0 };
	struct http_ctx cx = { .req = &req, .resp = r };

	response_init(r);
	return http_json_body(&cx);
}

static void test_json_body(void **state)
{
	struct http_response r;
	json_t *v;

	(void)state;
	v = parse_body("{\"user\": \"maria\", \"n\": [1, 2]}", &r);
	assert_non_null(v);
	assert_string_equal(json_string_value(json_object_get(v, "user")), "maria");
	assert_int_equal(r.status, 200);
	json_decref(v);
	response_free(&r);

	v = parse_body("{\"a\": 1,\n \"b\": }", &r);
	assert_null(v);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "\"code\": \"bad_json\""));
	assert_non_null(strstr(buf_str(&r.body), "line 2, column"));
	response_free(&r);

	v = parse_body("{\"a\": 1, \"a\": 2}", &r);
	assert_null(v);
	assert_int_equal(r.status, 400);
	response_free(&r);

	v = parse_body(NULL, &r);
	assert_null(v);
	assert_int_equal(r.status, 400);
	assert_non_null(strstr(buf_str(&r.body), "no JSON body"));
	response_free(&r);

	v = parse_body("[1] [2]", &r);
	assert_null(v);
	assert_int_equal(r.status, 400);
	response_free(&r);
}

static void test_client_behind_proxy(void **state)
{
	struct arena a;
	char msg[256];

	(void)state;
	arena_init(&a, 1 << 16);
	/* No proxy trusted, or a peer that is not one: the peer, whatever
	 * the header claims. */
	assert_string_equal(proxy_client_address("10.0.0.5", "1.2.3.4", NULL, &a), "10.0.0.5");
	assert_string_equal(proxy_client_address("10.0.0.5", "1.2.3.4", "10.0.0.9", &a),
			    "10.0.0.5");
	/* A trusted proxy: the last entry, the one it appended; the earlier
	 * ones came from the client. */
	assert_string_equal(proxy_client_address("10.0.0.9", "6.6.6.6, 1.2.3.4", "10.0.0.9", &a),
			    "1.2.3.4");
	assert_string_equal(proxy_client_address("10.0.0.9", " 2001:db8::7 ", "::1, 10.0.0.9", &a),
			    "2001:db8::7");
	/* IPv6 peers compare as addresses, not as text. */
	assert_string_equal(proxy_client_address("::1", "1.2.3.4", "0:0::1", &a), "1.2.3.4");
	/* No header, or a last entry that is no address: the peer. */
	assert_string_equal(proxy_client_address("10.0.0.9", NULL, "10.0.0.9", &a), "10.0.0.9");
	assert_string_equal(proxy_client_address("10.0.0.9", "1.2.3.4, unknown", "10.0.0.9", &a),
			    "10.0.0.9");
	assert_string_equal(proxy_client_address("10.0.0.9", "1.2.3.4,", "10.0.0.9", &a),
			    "10.0.0.9");
	assert_true(proxy_list_valid("127.0.0.1", msg, sizeof msg));
	assert_true(proxy_list_valid("127.0.0.1, ::1", msg, sizeof msg));
	assert_false(proxy_list_valid("127.0.0.1,proxy.local", msg, sizeof msg));
	assert_string_equal(msg, "--trusted-proxy takes IP addresses separated by commas "
				 "(127.0.0.1,::1), not 'proxy.local'");
	assert_false(proxy_list_valid("", msg, sizeof msg));
	assert_false(proxy_list_valid("1.2.3.4,", msg, sizeof msg));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limits_defaults_and_ranges),
		cmocka_unit_test(test_metrics_counts_and_format),
		cmocka_unit_test(test_error_shape),
		cmocka_unit_test(test_json_body),
		cmocka_unit_test(test_client_behind_proxy),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
