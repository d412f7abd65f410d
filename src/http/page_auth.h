/* The server's side of the browser's pages (docs/web.md): the redirect of
 * a page without a session to the sign-in page, the checks of a form
 * (its csrf_token, the Origin of the sign-in form), and which "next"
 * address a sign-in may return to. The pages themselves are src/web/. */
#ifndef COMPGAP_HTTP_PAGE_AUTH_H
#define COMPGAP_HTTP_PAGE_AUTH_H

#include <stdbool.h>

#include "http/handler.h"
#include "util/arena.h"

/* Answers r with a 303 to /login?next=TARGET (the request's path and
 * query as sent), with &expired=1 when the request carried a session
 * cookie that is no longer valid. A request that changes something
 * returns to its path's page, and a sign-out to no page at all. */
void page_login_redirect(struct http_response *r, const struct http_request *req,
			 const char *target, struct arena *a);

/* Whether token (a form's csrf_token) is the CSRF token of c's session;
 * compared in constant time. NULL or malformed: false. */
bool page_csrf_ok(const struct http_caller *c, const char *token);

/* Whether a sign-in form came from this server's own page: refused when
 * its Origin names another host than the request's Host, is "null", or
 * Sec-Fetch-Site says cross-site. A request without Origin and
 * Sec-Fetch-Site (not a browser's form) is accepted. */
bool page_same_origin(const struct http_request *req);

/* Whether next is a local path this server may send a browser to after
 * signing in: it begins with one '/' (not "//", not "/\"), holds no
 * backslash and no control character, and is not too long. */
bool page_next_ok(const char *next);

/* For a BODY_FORM route: decodes the body into req->form, and refuses a
 * cookie caller's request that changes something without the session's
 * csrf_token (403), or a malformed form (400), with an error page. 0 to
 * go on, -1 with the response set. */
int page_form_read(struct http_ctx *cx, struct http_request *req);

#endif
