/* `compgap serve` with a fake authenticator, for the tests of the server
 * (tests/cli/test_serve*.sh) before accounts exist: the header
 * "Authorization: Bearer test-ROLE" (admin, hr, manager, coach,
 * employee) is a caller of that role named "test-ROLE"; anything else is
 * nobody. An employee may see the person KCC-1002 and the team kcc-online
 * only, to test that what is out of reach answers as if it did not
 * exist. Built by `make check`, never installed.
 *   fake_serve [serve's options] */
#include <stdio.h>
#include <string.h>

#include "cli/serve.h"

static int fake_authenticate(const struct server_config *cfg, const struct http_request *req,
			     struct http_caller *out)
{
	static const char *const roles[] = { "admin", "hr", "manager", "coach", "employee" };
	const char *prefix = "Bearer test-";

	(void)cfg;
	if (req->authorization == NULL || strncmp(req->authorization, prefix, strlen(prefix)) != 0)
		return 0;
	for (size_t i = 0; i < sizeof roles / sizeof roles[0]; i++) {
		if (strcmp(req->authorization + strlen(prefix), roles[i]) == 0) {
			memset(out, 0, sizeof *out);
			(void)snprintf(out->user, sizeof out->user, "test-%s", roles[i]);
			out->role = (enum http_role)i;
			return 1;
		}
	}
	return 0;
}

static int fake_reach(const struct server_config *cfg, struct store *st,
		      const struct http_caller *caller, int kind,
		      const char *key)
{
	(void)cfg;
	(void)st;
	if (caller->role != ROLE_EMPLOYEE)
		return 1;
	return strcmp(key, kind == ENTITY_PERSON ? "KCC-1002" : "kcc-online") == 0;
}

int main(int argc, char **argv)
{
	const struct command *cmd = command_find("serve");

	argv[0] = (char *)"serve";
	return cmd_serve_with(cmd, argc, argv, fake_authenticate, fake_reach, NULL);
}
