#include "http/router.h"

#include <stdio.h>
#include <string.h>

#include "util/utf8.h"

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) into the arena: %XX escapes, and '+' as a space when
 * plus is set (the query's form encoding). NULL with msg set when the
 * text is not acceptable (see router.h). */
static char *decode(struct arena *a, const char *s, size_t n, int plus, const char *what,
		    char *msg, size_t msgsz)
{
	char *out = arena_alloc(a, n + 1);
	size_t len = 0;

	if (out == NULL) {
		(void)snprintf(msg, msgsz, "the request target is too long");
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		char c = s[i];

		if (c == '%') {
			int hi = i + 2 < n ? hex_value(s[i + 1]) : -1;
			int lo = i + 2 < n ? hex_value(s[i + 2]) : -1;

			if (hi < 0 || lo < 0) {
				(void)snprintf(msg, msgsz, "a bad %%-escape in the %s", what);
				return NULL;
			}
			c = (char)(hi * 16 + lo);
			i += 2;
			if (c == '\0') {
				(void)snprintf(msg, msgsz, "an escaped NUL in the %s", what);
				return NULL;
			}
		} else if (c == '+' && plus) {
			c = ' ';
		}
		out[len++] = c;
	}
	out[len] = '\0';
	if (utf8_invalid_at(out, len) != len) {
		(void)snprintf(msg, msgsz, "the %s is not UTF-8", what);
		return NULL;
	}
	return out;
}

static int parse_path(const char *p, size_t n, struct arena *a, struct http_target *out,
		      char *msg, size_t msgsz)
{
	size_t i = 1;    /* after the leading '/' */

	out->nsegments = 0;
	if (n == 1)
		return 0;    /* "/": no segments */
	for (;;) {
		size_t end = i;
		char *seg;

		while (end < n && p[end] != '/')
			end++;
		if (out->nsegments == HTTP_SEGMENTS_MAX) {
			(void)snprintf(msg, msgsz, "the path has more than %d segments", HTTP_SEGMENTS_MAX);
			return -1;
		}
		seg = decode(a, p + i, end - i, 0, "path", msg, msgsz);
		if (seg == NULL)
			return -1;
		if (strcmp(seg, ".") == 0 || strcmp(seg, "..") == 0) {
			(void)snprintf(msg, msgsz, "the path has a '%s' segment", seg);
			return -1;
		}
		out->segments[out->nsegments++] = seg;
		if (end >= n)
			return 0;
		i = end + 1;
	}
}

static int parse_query(const char *q, struct arena *a, struct http_target *out, char *msg,
		       size_t msgsz)
{
	out->nquery = 0;
	while (*q != '\0') {
		size_t len = strcspn(q, "&"), name_len = strcspn(q, "=&");
		const char *name, *value;

		if (len == 0) {
			q++;
			continue;
		}
		if (out->nquery == HTTP_QUERY_MAX) {
			(void)snprintf(msg, msgsz, "more than %d query parameters", HTTP_QUERY_MAX);
			return -1;
		}
		name = decode(a, q, name_len, 1, "query", msg, msgsz);
		value = name_len < len ? decode(a, q + name_len + 1, len - name_len - 1, 1, "query", msg,
						msgsz)
			: decode(a, "", 0, 1, "query", msg, msgsz);
		if (name == NULL || value == NULL)
			return -1;
		for (size_t k = 0; k < out->nquery; k++) {
			if (strcmp(out->query[k].name, name) == 0) {
				(void)snprintf(msg, msgsz, "the query parameter '%.64s' is given twice", name);
				return -1;
			}
		}
		out->query[out->nquery++] = (struct http_pair){ name, value };
		q += len;
		if (*q == '&')
			q++;
	}
	return 0;
}

int http_target_parse(const char *target, struct arena *a, struct http_target *out,
		      char *msg, size_t msgsz)
{
	const char *mark = strchr(target, '?');
	size_t n = mark != NULL ? (size_t)(mark - target) : strlen(target);

	memset(out, 0, sizeof *out);
	if (target[0] != '/') {
		(void)snprintf(msg, msgsz, "the request target must begin with '/'");
		return -1;
	}
	out->path_len = n;
	if (parse_path(target, n, a, out, msg, msgsz) < 0)
		return -1;
	return mark != NULL ? parse_query(mark + 1, a, out, msg, msgsz) : 0;
}

/* Whether pattern matches the segments of t. With a, fills req's
 * params (names copied into a); -1 when a is exhausted. */
static int pattern_matches(const char *pattern, const struct http_target *t,
			   struct http_request *req, struct arena *a)
{
	const char *p = pattern + 1;
	size_t k = 0, np = 0;

	if (strcmp(pattern, "/") == 0)
		return t->nsegments == 0;
	for (;;) {
		size_t len = strcspn(p, "/");

		if (k >= t->nsegments)
			return 0;
		if (len >= 2 && p[0] == '{' && p[len - 1] == '}') {
			if (t->segments[k][0] == '\0')
				return 0;
			if (a != NULL && np < HTTP_PARAMS_MAX) {
				const char *name = arena_strndup(a, p + 1, len - 2);

				if (name == NULL)
					return -1;
				req->params[np++] = (struct http_pair){ name, t->segments[k] };
			}
		} else if (strlen(t->segments[k]) != len || strncmp(p, t->segments[k], len) != 0) {
			return 0;
		}
		k++;
		p += len;
		if (*p == '\0')
			break;
		p++;
	}
	if (k != t->nsegments)
		return 0;
	if (a != NULL)
		req->nparams = np;
	return 1;
}

static int method_is(const struct http_route *r, const char *method)
{
	return strcmp(r->method, method) == 0 ||
	       (strcmp(method, "HEAD") == 0 && strcmp(r->method, "GET") == 0);
}

enum router_result router_match(const struct http_route *routes, size_t n, const char *method,
				const struct http_target *t, struct http_request *req,
				struct arena *a, const struct http_route **found,
				char *allow, size_t allowsz)
{
	size_t used = 0;
	int any = 0;

	*found = NULL;
	if (allowsz > 0)
		allow[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (pattern_matches(routes[i].pattern, t, NULL, NULL) != 1)
			continue;
		if (method_is(&routes[i], method)) {
			if (pattern_matches(routes[i].pattern, t, req, a) < 0)
				return ROUTER_NO_MEMORY;
			*found = &routes[i];
			return ROUTER_FOUND;
		}
		any = 1;
		if (used < allowsz) {
			int w = snprintf(allow + used, allowsz - used, "%s%s%s", used ? ", " : "",
					 routes[i].method, strcmp(routes[i].method, "GET") == 0 ? ", HEAD" : "");

			used = w < 0 ? allowsz : used + (size_t)w;
		}
	}
	return any ? ROUTER_BAD_METHOD : ROUTER_NOT_FOUND;
}
