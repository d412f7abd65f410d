/* `compgap serve` with a chosen authenticator: the command installs
 * http_authenticate_nobody (no accounts yet: every non-public route
 * answers 401); the tests install one of their own. */
#ifndef COMPGAP_CLI_SERVE_H
#define COMPGAP_CLI_SERVE_H

#include "cli/cli.h"
#include "http/server.h"

/* Parses serve's options and runs the server with authenticate and reach
 * (server_config); returns an exit status. */
int cmd_serve_with(const struct command *cmd, int argc, char **argv,
		   http_authenticate_fn authenticate, http_reach_fn reach, void *auth_ctx);

#endif
