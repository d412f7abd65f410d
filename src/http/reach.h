/* The reach of each role (http/reach.c, docs/security.md "Roles"). */
#ifndef COMPGAP_HTTP_REACH_H
#define COMPGAP_HTTP_REACH_H

#include "http/server.h"

/* The reach hook of a server with accounts (http_reach_fn): whether
 * caller may see the team or person with key, which exists. */
int http_reach_by_role(const struct server_config *cfg, struct store *st,
		       const struct http_caller *caller, int kind, const char *key);

#endif
