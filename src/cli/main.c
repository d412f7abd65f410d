/* compgap: find and close competency gaps in teams. main() picks the
 * command from the table in commands.c and hands it the arguments. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/cli.h"

int main(int argc, char **argv)
{
	const struct command *cmd;
	struct err err = { 0 };
	int i = 1;

	/* Global options before the command: --db PATH (or --db=PATH),
	 * --busy-timeout SECONDS (or --busy-timeout=SECONDS). */
	while (i < argc && argv[i][0] == '-') {
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
			cli_global_db = argv[i + 1];
			i += 2;
		} else if (strncmp(argv[i], "--db=", 5) == 0) {
			cli_global_db = argv[i] + 5;
			i++;
		} else if ((strcmp(argv[i], "--busy-timeout") == 0 && i + 1 < argc) ||
			   strncmp(argv[i], "--busy-timeout=", 15) == 0) {
			const char *value = argv[i][14] == '=' ? argv[i] + 15 : argv[i + 1];

			if (store_set_busy_timeout(value, &err) < 0) {
				fprintf(stderr, "compgap: %s\n", err.msg);
				return EX_USAGE;
			}
			i += argv[i][14] == '=' ? 1 : 2;
		} else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			argv[i] = (char *)"help";
			break;
		} else if (strcmp(argv[i], "--version") == 0) {
			argv[i] = (char *)"version";
			break;
		} else {
			fprintf(stderr, "compgap: unknown option '%s'; see 'compgap help'\n", argv[i]);
			return EX_USAGE;
		}
	}
	if (i == argc) {
		cmd = command_find("help");
		return cmd->run(cmd, 1, (char *[]){ (char *)"help", NULL });
	}
	cmd = command_find(argv[i]);
	if (cmd == NULL) {
		return cli_not_a_command(argv[i]);
	}
	return cmd->run(cmd, argc - i, argv + i);
}
