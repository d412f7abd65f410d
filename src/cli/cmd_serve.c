/* serve: the HTTP server (http/server.h). */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/serve.h"
#include "auth/auth.h"
#include "http/limits.h"
#include "http/proxy.h"
#include "http/reach.h"
#include "http/signin.h"

int cmd_serve_with(const struct command *cmd, int argc, char **argv,
		   http_authenticate_fn authenticate, http_reach_fn reach, void *auth_ctx)
{
	const char *listen = NULL, *metrics = NULL, *cert = NULL, *key = NULL, *proxy = NULL;
	const char *values[16] = { NULL };
	struct option opts[24];
	struct server_config cfg = { 0 };
	struct err err = { 0 };
	char *pos[1];
	int n = 0, npos, rc;

	opts[n++] = (struct option){ "--listen", NULL, &listen, NULL };
	opts[n++] = (struct option){ "--metrics-listen", NULL, &metrics, NULL };
	opts[n++] = (struct option){ "--tls-cert", NULL, &cert, NULL };
	opts[n++] = (struct option){ "--tls-key", NULL, &key, NULL };
	opts[n++] = (struct option){ "--trusted-proxy", NULL, &proxy, NULL };
	for (size_t i = 0; i < limits_count && i < sizeof values / sizeof values[0]; i++)
		opts[n++] = (struct option){ limits_info[i].option, NULL, &values[i], NULL };
	opts[n] = (struct option){ NULL, NULL, NULL, NULL };
	rc = cli_parse(cmd, argc, argv, opts, &cfg.db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	limits_default(&cfg.limits);
	for (size_t i = 0; i < limits_count && i < sizeof values / sizeof values[0]; i++) {
		char msg[256];

		if (values[i] != NULL && limits_set(&cfg.limits, &limits_info[i], values[i], msg,
						    sizeof msg) < 0)
			return cli_usage(cmd, "%s", msg);
	}
	if (proxy != NULL) {
		char msg[256];

		if (!proxy_list_valid(proxy, msg, sizeof msg))
			return cli_usage(cmd, "%s", msg);
	}
	cfg.trusted_proxy = proxy;
	cfg.listen = listen != NULL ? listen : "127.0.0.1:8080";
	cfg.metrics_listen = metrics;
	cfg.tls_cert = cert;
	cfg.tls_key = key;
	cfg.db = store_default_target(cfg.db != NULL ? cfg.db : cli_global_db);
	cfg.authenticate = authenticate;
	cfg.reach = reach;
	cfg.auth_ctx = auth_ctx;
	if (server_run(&cfg, &err) < 0)
		return cli_fail(&err);
	return 0;
}

/* A server with accounts: users sign in (compgap user), integrations
 * send API tokens (compgap token), each role sees what http/reach.c
 * lets it. */
int cmd_serve(const struct command *cmd, int argc, char **argv)
{
	struct auth_throttle *throttle = auth_throttle_new();
	int rc;

	if (throttle == NULL) {
		fprintf(stderr, "compgap: out of memory\n");
		return EX_OSERR;
	}
	rc = cmd_serve_with(cmd, argc, argv, http_authenticate_accounts, http_reach_by_role,
			    throttle);
	auth_throttle_free(throttle);
	return rc;
}
