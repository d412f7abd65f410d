/* Signing in (http/signin.c): the authenticator of a server with
 * accounts. Its cfg->auth_ctx is the server's login throttle
 * (auth_throttle_new). */
#ifndef COMPGAP_HTTP_SIGNIN_H
#define COMPGAP_HTTP_SIGNIN_H

#include "auth/auth.h"
#include "http/handler.h"
#include "http/server.h"

/* The cookies of a signed-in browser: the session's token, and the CSRF
 * token that the pages put into their forms. */
#define HTTP_SESSION_COOKIE "compgap_session"
#define HTTP_CSRF_COOKIE "compgap_csrf"

/* Finds the caller from "Authorization: Bearer TOKEN" (an API token) or
 * the session cookie, with whether X-CSRF-Token is the session's. */
int http_authenticate_accounts(const struct server_config *cfg, const struct http_request *req,
			       struct http_caller *out);

/* The value of cookie name in a Cookie header ("a=1; b=2"), copied into
 * out; NULL when absent or too long. */
const char *http_cookie_value(const char *header, const char *name, char *out, size_t n);

/* Sets the cookies of a new session l in cx's response (the session and
 * its CSRF token; Secure under HTTPS or session.secure_cookie): the API's
 * sign-in and the sign-in page set the same. Call after the body is
 * made (a body made afterwards would reset them). */
void http_signin_cookies(const struct http_ctx *cx, struct store *st, const struct auth_login *l);

/* Sets cookies that remove those of http_signin_cookies. */
void http_signout_cookies(const struct http_ctx *cx, struct store *st);

#endif
