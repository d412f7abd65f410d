/* libFuzzer target for the request target's parser and the router
 * (http/router.h): any bytes either are refused with a message, or give
 * segments and query pairs that are UTF-8, hold no dot segment and no
 * repeated name, and that encode back to a target parsing to the same;
 * matching them against a route table never fails otherwise than by its
 * results. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/router.h"
#include "util/utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(bool ok, const char *what)
{
	if (ok)
		return;
	(void)fprintf(stderr, "fuzz_router: %s\n", what);
	abort();
}

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
	{ "DELETE", "/{a}/{b}/{c}", dummy, ACCESS_ADMIN, BODY_NONE },
};

/* Appends s percent-encoded (all but unreserved characters) to out. */
static size_t encode(char *out, size_t used, size_t cap, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";

	for (; *s != '\0' && used + 4 < cap; s++) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		    c == '-' || c == '_' || c == '~') {
			out[used++] = (char)c;
		} else {
			out[used++] = '%';
			out[used++] = hex[c >> 4];
			out[used++] = hex[c & 15];
		}
	}
	out[used] = '\0';
	return used;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *target = malloc(size + 1), *again = malloc(size * 3 + 64);
	struct arena a;
	struct http_target t, u;
	struct http_request req;
	const struct http_route *r;
	char msg[256], allow[128];
	size_t n = 0;

	check(target != NULL && again != NULL, "out of memory");
	memcpy(target, data, size);
	target[size] = '\0';
	arena_init(&a, 1 << 20);
	msg[0] = '\0';
	if (http_target_parse(target, &a, &t, msg, sizeof msg) < 0) {
		check(msg[0] != '\0', "a refusal without a message");
		goto out;
	}
	check(t.nsegments <= HTTP_SEGMENTS_MAX && t.nquery <= HTTP_QUERY_MAX, "over a cap");
	for (size_t i = 0; i < t.nsegments; i++) {
		const char *s = t.segments[i];

		check(utf8_invalid_at(s, strlen(s)) == strlen(s), "a segment is not UTF-8");
		check(strcmp(s, ".") != 0 && strcmp(s, "..") != 0, "a dot segment");
		again[n++] = '/';
		n = encode(again, n, size * 3 + 64, s);
	}
	if (t.nsegments == 0)
		again[n++] = '/';
	for (size_t i = 0; i < t.nquery; i++) {
		check(utf8_invalid_at(t.query[i].value, strlen(t.query[i].value)) ==
		      strlen(t.query[i].value), "a value is not UTF-8");
		for (size_t k = 0; k < i; k++)
			check(strcmp(t.query[i].name, t.query[k].name) != 0, "a repeated name");
		again[n++] = i == 0 ? '?' : '&';
		n = encode(again, n, size * 3 + 64, t.query[i].name);
		again[n++] = '=';
		n = encode(again, n, size * 3 + 64, t.query[i].value);
	}
	again[n] = '\0';
	/* An empty query name ("?=x") encodes to nothing and parses back as
	 * one; the round trip holds for everything else. */
	if (http_target_parse(again, &a, &u, msg, sizeof msg) == 0) {
		check(u.nsegments == t.nsegments || (t.nsegments == 1 && t.segments[0][0] == '\0'),
		      "the segments differ after a round trip");
		for (size_t i = 0; i < u.nsegments && i < t.nsegments; i++)
			check(strcmp(u.segments[i], t.segments[i]) == 0, "a segment differs");
		check(u.nquery == t.nquery, "the query differs after a round trip");
		for (size_t i = 0; i < u.nquery; i++)
			check(strcmp(u.query[i].name, t.query[i].name) == 0 &&
			      strcmp(u.query[i].value, t.query[i].value) == 0, "a pair differs");
	} else {
		check(t.nsegments == 1 && t.segments[0][0] == '\0', "a round trip was refused");
	}
	for (int m = 0; m < 3; m++) {
		static const char *const methods[] = { "GET", "POST", "PATCH" };
		enum router_result res;

		memset(&req, 0, sizeof req);
		res = router_match(routes, sizeof routes / sizeof routes[0], methods[m], &t, &req, &a,
				   &r, allow, sizeof allow);
		check(res == ROUTER_FOUND ? r != NULL : r == NULL, "found without a route");
		if (res == ROUTER_FOUND)
			for (size_t i = 0; i < req.nparams; i++)
				check(req.params[i].value[0] != '\0', "an empty parameter");
		if (res == ROUTER_BAD_METHOD)
			check(allow[0] != '\0', "405 without Allow");
	}
out:
	arena_free(&a);
	free(target);
	free(again);
	return 0;
}
