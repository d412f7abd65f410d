/* report: the team's gaps as one self-contained HTML file. */
#include <stdio.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "cli/outfile.h"
#include "views/views.h"

/* Writes the report through a file beside path (cli/outfile.h). 0, or -1
 * with err set. */
static int write_file(const char *path, const struct view_report *r, struct err *err)
{
	struct outfile f;

	if (outfile_open(&f, path, err) < 0)
		return -1;
	if (view_report_write(f.out, r) < 0) {
		outfile_abort(&f);
		return err_set(err, EX_IOERR, "cannot write '%s'", path);
	}
	return outfile_commit(&f, err);
}

int cmd_report(const struct command *cmd, int argc, char **argv)
{
	struct gap_options o;
	struct store *st = NULL;
	struct err err = { 0 };
	struct view_report *r = NULL;
	int rc;

	rc = gap_options_parse(cmd, argc, argv, GAPOPT_TEAM | GAPOPT_OUTPUT, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	rc = cli_open_store(o.db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (view_report_gather(st, o.team, o.as_of, NULL, &r, &err) < 0 ||
	    write_file(o.output, r, &err) < 0)
		rc = cli_fail(&err);
	else
		printf("wrote %s\n", o.output);
	view_report_free(r);
	store_close(st);
	return rc;
}
