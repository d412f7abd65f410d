/* The server's types, free of libmicrohttpd so that the router, the
 * handlers and their tests need none of it: a request as the handlers see
 * it, who is calling, and the response they build. server.c adapts them
 * to libmicrohttpd. */
#ifndef COMPGAP_HTTP_H
#define COMPGAP_HTTP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

enum {
	HTTP_PARAMS_MAX = 8,        /* {params} in a route's path */
	HTTP_QUERY_MAX = 32,        /* query parameters in a request */
	HTTP_SEGMENTS_MAX = 16,     /* segments of a path */
	HTTP_TEAMS_MAX = 64         /* teams a coach is given */
};

/* Who may call a route. */
enum http_access {
	ACCESS_PUBLIC,              /* anyone: health, readiness */
	ACCESS_SIGNED_IN,           /* any authenticated caller; the handler checks
				     * the caller's reach over each object */
	ACCESS_ADMIN,               /* admins only */
	ACCESS_PAGE                 /* as ACCESS_SIGNED_IN, for a browser's page:
				     * without a valid session the answer is a 303
				     * to /login?next=..., not a 401 (src/web/) */
};

/* The roles of issue 11 (docs/security.md). */
enum http_role {
	ROLE_ADMIN,
	ROLE_HR,
	ROLE_MANAGER,
	ROLE_COACH,
	ROLE_EMPLOYEE
};

/* The authenticated caller, filled by the server's authenticate hook. */
struct http_caller {
	char user[128];             /* the account's name, for the access log */
	enum http_role role;
	char person[128];           /* the person the account is linked to, or "" */
	int64_t person_id;          /* their store id, or 0 */
	char teams[HTTP_TEAMS_MAX][64]; /* a coach's teams (keys) */
	size_t nteams;
	bool by_cookie;             /* a session cookie (CSRF applies), else a token */
	bool csrf_ok;               /* by_cookie: X-CSRF-Token is the session's */
	char csrf_hash[65];         /* by_cookie: the hash of the session's CSRF
				     * token, to check a form's csrf_token */
};

struct form;
struct multipart_file;

/* One name=value pair, percent-decoded. */
struct http_pair {
	const char *name;
	const char *value;
};

/* A request after routing. Strings live in the request's arena until the
 * request ends. */
struct http_request {
	const char *method;               /* "GET" */
	const char *path;                 /* as received, without the query */
	struct http_pair params[HTTP_PARAMS_MAX];  /* the route's {params} */
	size_t nparams;
	struct http_pair query[HTTP_QUERY_MAX];    /* ?a=b&c=d, in order */
	size_t nquery;
	const char *content_type;         /* the header, or NULL */
	const char *authorization;        /* the header, or NULL */
	const char *cookie;               /* the header, or NULL */
	const char *csrf_token;           /* X-CSRF-Token, or NULL */
	const char *if_none_match;        /* If-None-Match, or NULL */
	const char *accept_language;      /* Accept-Language, or NULL (pages) */
	const char *origin;               /* Origin, or NULL (the sign-in form) */
	const char *host;                 /* Host, or NULL */
	const char *sec_fetch_site;       /* Sec-Fetch-Site, or NULL */
	const char *address;              /* the client's, as text */
	const char *body;                 /* the body (NUL-terminated), or NULL */
	size_t body_len;
	const struct http_caller *caller; /* NULL on public routes and until known */
	const struct form *form;          /* a BODY_FORM route's fields (http/form.h) */
	const struct multipart_file *upload; /* a BODY_UPLOAD route's file, or NULL
					   * (http/multipart.h) */
};

/* The value of the route parameter or query parameter name, or NULL. */
const char *http_param(const struct http_request *req, const char *name);
const char *http_query(const struct http_request *req, const char *name);

/* A response as a handler builds it. The body is either bytes in body or
 * an open file (fd, size bytes from offset 0), which the server sends
 * and closes: large documents are written to an unlinked temporary file
 * rather than held in memory (http/response.h). */
struct http_response {
	int status;                 /* 200, 404 ... */
	const char *content_type;   /* a static string */
	bool api;                   /* adds Cache-Control: no-store */
	struct buf body;            /* the body, when fd < 0 */
	int fd;                     /* a file holding the body, or -1 */
	uint64_t size;              /* its length, when fd >= 0 */
	const char *allow;          /* the Allow header of a 405, or NULL */
	char attachment[128];       /* a file name: sent as an attachment (the
				     * report, whose inline styles the CSP would
				     * block in the browser), or "" */
	const char *error_code;     /* the error's code, for the access log, or NULL */
	char set_cookie[256];       /* a Set-Cookie header, or "" */
	long retry_after;           /* a Retry-After header (seconds), or 0 */
	const char *etag;           /* an ETag header (a static string), or NULL */
	const char *cache_control;  /* a Cache-Control header (a static
				     * string), or NULL for none (api: no-store) */
	const unsigned char *static_body; /* a body that lives as long as the
					   * program (a built-in asset), sent
					   * without a copy; NULL: body or fd */
	size_t static_len;          /* its length */
	const char *location;       /* a Location header (a redirect), or NULL */
	char set_cookie_more[2][256]; /* further Set-Cookie headers (the pages'
				       * CSRF and language cookies), or "" */
};

#endif
