/* `compgap serve` with a fake authenticator, for the tests of the server
 * (tests/cli/test_serve*.sh) before accounts exist: the header
 * "Authorization: Bearer test-ROLE" (admin, hr, manager, coach,
 * employee) is a caller of that role named "test-ROLE"; anything else is
 * nobody. Built by `make check`, never installed.
 *   fake_serve [serve's options] */
#include <stdio.h>
#include <string.h>

#include "cli/serve.h"

static int fake_authenticate(void *ctx, const struct http_request *req, struct http_caller *out)
{
	static const char *const roles[] = { "admin", "hr", "manager", "coach", "employee" };
	const char *prefix = "Bearer test-";

	(void)ctx;
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

int main(int argc, char **argv)
{
	const struct command *cmd = command_find("serve");

	argv[0] = (char *)"serve";
	return cmd_serve_with(cmd, argc, argv, fake_authenticate, NULL);
}
