/* The request target and the route table: the raw target ("/path?query")
 * split and percent-decoded, then matched against the static routes of
 * http/routes.c. Pure functions over strings, so the fuzzer
 * (tests/fuzz/fuzz_router.c) and the unit tests run them without a
 * server. */
#ifndef COMPGAP_HTTP_ROUTER_H
#define COMPGAP_HTTP_ROUTER_H

#include "http/http.h"
#include "util/arena.h"

struct http_ctx;

/* What body a route takes, and so which limit and Content-Type apply. */
enum http_body {
	BODY_NONE,                       /* none is read (at most json_body_max is
					  * accepted and ignored) */
	BODY_JSON,                       /* application/json, json_body_max */
	BODY_CSV,                        /* text/csv, csv_body_max */
	BODY_FORM,                       /* application/x-www-form-urlencoded, a
					  * browser's form, json_body_max; a cookie
					  * caller's CSRF token is its csrf_token
					  * field (http/page_auth.h) */
	BODY_UPLOAD                      /* multipart/form-data, a browser's form
					  * with a file (http/multipart.h),
					  * csv_body_max; its CSRF token as
					  * BODY_FORM's */
};

/* One route: who may call METHOD PATTERN, and the function that answers.
 * A pattern's segments are literal or "{name}", which matches any one
 * non-empty segment and becomes the request's parameter name. */
struct http_route {
	const char *method;              /* "GET" (HEAD is answered by GET routes) */
	const char *pattern;             /* "/api/v1/teams/{key}/gaps" */
	int (*handler)(struct http_ctx *cx);
	enum http_access access;
	enum http_body body;
};

/* A parsed target: the decoded path segments and query pairs. */
struct http_target {
	const char *segments[HTTP_SEGMENTS_MAX];   /* decoded, in the arena */
	size_t nsegments;
	struct http_pair query[HTTP_QUERY_MAX];    /* decoded, in order */
	size_t nquery;
	size_t path_len;                           /* bytes of the raw path */
};

/* Splits and decodes target into out, in arena a. Refuses (returns -1
 * with a message in msg for a 400 answer) a target that does not begin
 * with '/', a bad %-escape, an escaped NUL, bytes that are not UTF-8, a
 * "." or ".." segment, a path of more than HTTP_SEGMENTS_MAX segments,
 * more than HTTP_QUERY_MAX query parameters, and a query parameter given
 * twice. In the query '+' stands for a space. -1 also when the arena is
 * exhausted. */
int http_target_parse(const char *target, struct arena *a, struct http_target *out,
		      char *msg, size_t msgsz);

/* What router_match found. */
enum router_result {
	ROUTER_FOUND = 0,
	ROUTER_NOT_FOUND = 1,           /* no pattern matches the path: 404 */
	ROUTER_BAD_METHOD = 2,          /* patterns match, not with this method: 405 */
	ROUTER_NO_MEMORY = 3            /* the arena is exhausted */
};

/* Finds the route of routes[0..n) for method and t; fills req->params
 * (their names copied into a).
 * For ROUTER_BAD_METHOD, allow gets the methods that would match
 * ("GET, HEAD"). */
enum router_result router_match(const struct http_route *routes, size_t n, const char *method,
				const struct http_target *t, struct http_request *req,
				struct arena *a, const struct http_route **found,
				char *allow, size_t allowsz);

#endif
