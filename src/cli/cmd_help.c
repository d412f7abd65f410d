/* help and version. */
#include <stdio.h>
#include <sysexits.h>

#include "cli/commands.h"

#define COMPGAP_VERSION "0.1.0"

int cmd_help(const struct command *cmd, int argc, char **argv)
{
	const struct command *about;

	if (argc > 2)
		return cli_usage(cmd, "name one command at most");
	if (argc == 2) {
		about = command_find(argv[1]);
		if (about == NULL)
			return cli_not_a_command(argv[1]);
		cli_print_help(about);
		return 0;
	}
	printf("compgap: find and close competency gaps in teams\n\n"
	       "usage: compgap [--db PATH] COMMAND [ARGUMENTS]\n\ncommands:\n");
	for (size_t i = 0; i < command_count; i++)
		printf("  %-9s %s\n", commands[i].name, commands[i].summary);
	printf("\nThe database is --db PATH, else $COMPGAP_DB, else ./compgap.db. A lock that\n"
	       "another process holds on it is waited for --busy-timeout SECONDS, else\n"
	       "$COMPGAP_BUSY_TIMEOUT, else %d s on SQLite (on PostgreSQL, as long as it takes).\n"
	       "'compgap help COMMAND' explains a command; 'man compgap' has them all.\n",
	       STORE_BUSY_DEFAULT_S);
	return 0;
}

int cmd_version(const struct command *cmd, int argc, char **argv)
{
	(void)argv;
	if (argc > 1)
		return cli_usage(cmd, "takes no arguments");
	printf("compgap %s (schema version %d)\n", COMPGAP_VERSION, store_latest_version());
	return 0;
}
