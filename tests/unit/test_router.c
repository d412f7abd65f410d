/* The request target's parsing and the route table's matching
 * (http/router.h), on hand-written targets. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>

#include "http/router.h"

static int dummy(struct http_ctx *cx)
{
	(void)cx;
	return 0;
}

static const struct http_route routes[] = {
	{ "GET", "/", dummy, ACCESS_PUBLIC, BODY_NONE },
	{ "GET", "/healthz", dummy, ACCESS_PUBLIC, BODY_NONE },
	{ "GET", "/api/v1/teams/{key}/gaps", dummy, ACCESS_SIGNED_IN, BODY_NONE },
	{ "POST", "/api/v1/teams/{key}/gaps", dummy, ACCESS_SIGNED_IN, BODY_JSON },
	{ "GET", "/api/v1/people/{key}/evidence/{id}", dummy, ACCESS_SIGNED_IN, BODY_NONE },
	{ "DELETE", "/api/v1/people/{key}", dummy, ACCESS_ADMIN, BODY_NONE },
};
#define NROUTES (sizeof routes / sizeof routes[0])

struct parsed {
	struct arena arena;
	struct http_target t;
	char msg[256];
	int rc;
};

static void parse(struct parsed *p, const char *target)
{
	arena_init(&p->arena, 1 << 16);
	p->msg[0] = '\0';
	p->rc = http_target_parse(target, &p->arena, &p->t, p->msg, sizeof p->msg);
}

static void test_target_splits_and_decodes(void **state)
{
	struct parsed p;

	(void)state;
	parse(&p, "/api/v1/teams/kcc%2Donline/gaps?as_of=2026-10-31&name=a+b%2Bc&flag");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.t.nsegments, 5);
	assert_string_equal(p.t.segments[0], "api");
	assert_string_equal(p.t.segments[3], "kcc-online");
	assert_string_equal(p.t.segments[4], "gaps");
	assert_int_equal(p.t.path_len, strlen("/api/v1/teams/kcc%2Donline/gaps"));
	assert_int_equal(p.t.nquery, 3);
	assert_string_equal(p.t.query[0].name, "as_of");
	assert_string_equal(p.t.query[0].value, "2026-10-31");
	assert_string_equal(p.t.query[1].value, "a b+c");    /* '+' a space, %2B a plus */
	assert_string_equal(p.t.query[2].name, "flag");
	assert_string_equal(p.t.query[2].value, "");
	arena_free(&p.arena);

	parse(&p, "/");
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.t.nsegments, 0);
	arena_free(&p.arena);

	/* A '+' in the path is a plus; UTF-8 passes. */
	parse(&p, "/people/a+b/%C3%A9?&&x=1&");
	assert_int_equal(p.rc, 0);
	assert_string_equal(p.t.segments[1], "a+b");
	assert_string_equal(p.t.segments[2], "\xc3\xa9");
	assert_int_equal(p.t.nquery, 1);
	arena_free(&p.arena);
}

static void test_target_refuses_what_it_must(void **state)
{
	static const char *const bad[] = {
		"api/v1",                 /* no leading slash */
		"*",
		"/a/%2e%2e/b",            /* an escaped dot segment */
		"/a/../b",
		"/a/./b",
		"/..",
		"/a%00b",                 /* an escaped NUL */
		"/a%zzb",                 /* a bad escape */
		"/a%2",                   /* a cut escape */
		"/a%",
		"/a%ffb",                 /* not UTF-8 */
		"/a%C0%AF",               /* an overlong '/' */
		"/a?x=%00",
		"/a?x=%e9",
		"/a?x=1&x=2",             /* given twice */
		"/a?x=1&%78=2",           /* twice once decoded */
		"/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16/17",
	};

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct parsed p;

		parse(&p, bad[i]);
		if (p.rc != -1)
			fail_msg("'%s' was accepted", bad[i]);
		assert_true(p.msg[0] != '\0');
		arena_free(&p.arena);
	}
}

static void test_target_caps_the_query(void **state)
{
	char target[1024] = "/a?";
	struct parsed p;

	(void)state;
	for (int i = 0; i < HTTP_QUERY_MAX; i++)
		(void)snprintf(target + strlen(target), sizeof target - strlen(target), "k%d=v&", i);
	parse(&p, target);
	assert_int_equal(p.rc, 0);
	assert_int_equal(p.t.nquery, HTTP_QUERY_MAX);
	arena_free(&p.arena);
	(void)snprintf(target + strlen(target), sizeof target - strlen(target), "one=more");
	parse(&p, target);
	assert_int_equal(p.rc, -1);
	arena_free(&p.arena);
}

/* Matches target with method; returns the result and the route. */
static enum router_result match(const char *method, const char *target, struct http_request *req,
				const struct http_route **r, char *allow, struct arena *a)
{
	struct http_target t;
	char msg[128];

	memset(req, 0, sizeof *req);
	assert_int_equal(http_target_parse(target, a, &t, msg, sizeof msg), 0);
	return router_match(routes, NROUTES, method, &t, req, a, r, allow, 64);
}

static void test_router_matches_patterns(void **state)
{
	struct arena a;
	struct http_request req;
	const struct http_route *r;
	char allow[64];

	(void)state;
	arena_init(&a, 1 << 16);
	assert_int_equal(match("GET", "/", &req, &r, allow, &a), ROUTER_FOUND);
	assert_ptr_equal(r, &routes[0]);
	assert_int_equal(match("GET", "/healthz?x=1", &req, &r, allow, &a), ROUTER_FOUND);
	assert_ptr_equal(r, &routes[1]);
	assert_int_equal(match("HEAD", "/healthz", &req, &r, allow, &a), ROUTER_FOUND);
	assert_ptr_equal(r, &routes[1]);

	assert_int_equal(match("GET", "/api/v1/teams/kcc%20x/gaps", &req, &r, allow, &a), ROUTER_FOUND);
	assert_ptr_equal(r, &routes[2]);
	assert_int_equal(req.nparams, 1);
	assert_string_equal(req.params[0].name, "key");
	assert_string_equal(req.params[0].value, "kcc x");
	assert_string_equal(http_param(&req, "key"), "kcc x");
	assert_null(http_param(&req, "id"));

	assert_int_equal(match("POST", "/api/v1/teams/t/gaps", &req, &r, allow, &a), ROUTER_FOUND);
	assert_ptr_equal(r, &routes[3]);

	assert_int_equal(match("GET", "/api/v1/people/p1/evidence/42", &req, &r, allow, &a),
			 ROUTER_FOUND);
	assert_int_equal(req.nparams, 2);
	assert_string_equal(http_param(&req, "key"), "p1");
	assert_string_equal(http_param(&req, "id"), "42");
	arena_free(&a);
}

static void test_router_404_and_405(void **state)
{
	struct arena a;
	struct http_request req;
	const struct http_route *r;
	char allow[64];

	(void)state;
	arena_init(&a, 1 << 16);
	assert_int_equal(match("GET", "/nothing", &req, &r, allow, &a), ROUTER_NOT_FOUND);
	assert_null(r);
	/* An empty {param} does not match, nor a longer or shorter path. */
	assert_int_equal(match("GET", "/api/v1/teams//gaps", &req, &r, allow, &a), ROUTER_NOT_FOUND);
	assert_int_equal(match("GET", "/api/v1/teams/kcc/gaps/x", &req, &r, allow, &a),
			 ROUTER_NOT_FOUND);
	assert_int_equal(match("GET", "/api/v1/teams/kcc", &req, &r, allow, &a), ROUTER_NOT_FOUND);
	assert_int_equal(match("GET", "/healthz/", &req, &r, allow, &a), ROUTER_NOT_FOUND);
	/* A literal segment must match whole. */
	assert_int_equal(match("GET", "/healthzz", &req, &r, allow, &a), ROUTER_NOT_FOUND);
	/* An escaped slash stays inside its segment. */
	assert_int_equal(match("GET", "/api%2Fv1/teams/kcc/gaps", &req, &r, allow, &a),
			 ROUTER_NOT_FOUND);

	assert_int_equal(match("PUT", "/api/v1/teams/kcc/gaps", &req, &r, allow, &a),
			 ROUTER_BAD_METHOD);
	assert_string_equal(allow, "GET, HEAD, POST");
	assert_int_equal(match("GET", "/api/v1/people/p1", &req, &r, allow, &a), ROUTER_BAD_METHOD);
	assert_string_equal(allow, "DELETE");
	arena_free(&a);
}

static void test_query_lookup(void **state)
{
	struct arena a;
	struct http_request req;
	const struct http_route *r;
	char allow[64];

	(void)state;
	arena_init(&a, 1 << 16);
	assert_int_equal(match("GET", "/healthz", &req, &r, allow, &a), ROUTER_FOUND);
	req.query[0] = (struct http_pair){ "as_of", "2026-01-31" };
	req.nquery = 1;
	assert_string_equal(http_query(&req, "as_of"), "2026-01-31");
	assert_null(http_query(&req, "as"));
	arena_free(&a);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_target_splits_and_decodes),
		cmocka_unit_test(test_target_refuses_what_it_must),
		cmocka_unit_test(test_target_caps_the_query),
		cmocka_unit_test(test_router_matches_patterns),
		cmocka_unit_test(test_router_404_and_405),
		cmocka_unit_test(test_query_lookup),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
