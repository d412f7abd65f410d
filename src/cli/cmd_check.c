/* check: that the derived data (running sums, histories) agrees with the
 * evidence rows (store_check, docs/time-travel.md "Checking"). */
#include <inttypes.h>
#include <stdio.h>
#include <sysexits.h>

#include "cli/cli.h"
#include "cli/commands.h"

int cmd_check(const struct command *cmd, int argc, char **argv)
{
	const char *db;
	char *pos[1];
	int npos, rc;
	struct store *st = NULL;
	struct store_check report;
	struct err err = { 0 };

	rc = cli_parse(cmd, argc, argv, NULL, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	/* One read transaction: the rows and the sums of one moment. */
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (store_check(st, &report, &err) < 0) {
		rc = cli_fail(&err);
	} else if (report.bad > 0) {
		for (int i = 0; i < report.nshown; i++)
			printf("%s\n", report.shown[i]);
		if (report.bad > report.nshown)
			printf("... and %" PRId64 " more\n", report.bad - report.nshown);
		fprintf(stderr, "compgap: %s: the running sums or histories disagree with the"
			" evidence rows (%" PRId64 " problem%s)\n", store_describe(st), report.bad,
			report.bad == 1 ? "" : "s");
		rc = EX_DATAERR;
	} else {
		printf("%s: consistent: %" PRId64 " evidence rows in force, %" PRId64
		       " pairs, each pair's running sums and history agree with its rows\n",
		       store_describe(st), report.rows, report.stored);
	}
	store_close(st);
	return rc;
}
