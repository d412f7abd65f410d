/* Signing in (http/signin.c): the authenticator of a server with
 * accounts. Its cfg->auth_ctx is the server's login throttle
 * (auth_throttle_new). */
#ifndef COMPGAP_HTTP_SIGNIN_H
#define COMPGAP_HTTP_SIGNIN_H

#include "http/server.h"

/* Finds the caller from "Authorization: Bearer TOKEN" (an API token) or
 * the session cookie, with whether X-CSRF-Token is the session's. */
int http_authenticate_accounts(const struct server_config *cfg, const struct http_request *req,
			       struct http_caller *out);

#endif
