/* copy: a whole organisation from one database to another, on either
 * engine (SQLite to PostgreSQL for the move, back for a snapshot). */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"

int cmd_copy(const struct command *cmd, int argc, char **argv)
{
	const char *from_db = NULL, *to_db = NULL;
	bool force = false;
	const struct option opts[] = {
		{ "--from", NULL, &from_db, NULL },
		{ "--to", NULL, &to_db, NULL },
		{ "--force", NULL, NULL, &force },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	int npos, rc;
	struct store *from = NULL, *to = NULL;
	struct copy_report report;
	struct err err = { 0 };

	rc = cli_parse(cmd, argc, argv, opts, NULL, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (from_db == NULL || to_db == NULL || *from_db == '\0' || *to_db == '\0')
		return cli_usage(cmd, "name both databases: --from SOURCE --to TARGET");
	/* The source must exist; the target is created when it does not. */
	rc = cli_open_store(from_db, 0, &from);
	if (rc == 0)
		rc = cli_open_store(to_db, STORE_CREATE, &to);
	if (rc == 0 && store_copy(from, to, force, &report, &err) < 0)
		rc = cli_fail(&err);
	if (rc == 0) {
		printf("copied %s\n    to %s\n\n", store_describe(from), store_describe(to));
		for (int i = 0; i < report.ntables; i++)
			printf("  %-16s %12" PRId64 "\n", report.tables[i].label, report.tables[i].rows);
		printf("\nchecksum %016" PRIx64 ", the same on both sides\n", report.checksum);
	}
	store_close(to);
	store_close(from);
	return rc;
}
