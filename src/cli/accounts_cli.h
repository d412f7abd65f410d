/* What the account commands (cmd_user.c, cmd_token.c, cmd_audit.c)
 * share: reading a password, splitting --teams, the actor. */
#ifndef COMPGAP_ACCOUNTS_CLI_H
#define COMPGAP_ACCOUNTS_CLI_H

#include <stddef.h>

#include "auth/auth.h"
#include "cli/cli.h"

/* Reads a new password for user: from the terminal without echo, asked
 * twice, when standard input is one; else the first line of standard
 * input. Returns 0, or prints the problem and returns an exit status.
 * out holds AUTH_PASSWORD_MAX_BYTES + 2 bytes; wipe it after use. */
int cli_read_password(const char *user, int twice, char *out, size_t outsz);

/* Splits --teams KEY,KEY into teams[0..*n) (pointers into list, which it
 * changes). Returns 0, or prints the problem and returns EX_USAGE. */
int cli_split_teams(const struct command *cmd, char *list, const char **teams, size_t max,
		    size_t *n);

/* A user or token described on the command line, with room for its
 * teams. */
struct cli_account {
	struct auth_account_spec spec;
	const char *teams[AUTH_TEAMS_MAX];
	char teams_buf[4096];
};

/* Fills a for `user add` or `token create` (what: "user" or "token")
 * from the name and the options: the role (required), --teams split,
 * and what the role needs (a person, teams). Returns 0, or prints the
 * problem and returns EX_USAGE. */
int cli_account_spec(const struct command *cmd, const char *what, const char *name,
		     const char *role, const char *person, const char *teams_arg,
		     struct cli_account *a);

/* The actor of the command line, now. */
void cli_actor(struct auth_actor *by, char *name, size_t namesz);

#endif
