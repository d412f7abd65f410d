/* report: the team's gaps as one self-contained HTML file. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "cli/gather.h"
#include "io/report.h"
#include "util/date.h"

enum {
	TREND_DAYS = 365     /* the report's trend covers the year before its date */
};

/* Writes the report to a file beside path and renames it, so that a
 * failure never leaves half a report under the real name. */
static int write_file(const char *path, const struct report_input *in, struct err *err)
{
	char tmp[4096];
	FILE *out;
	int rc;

	if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof tmp)
		return err_set(err, EX_USAGE, "output path is too long");
	out = fopen(tmp, "w");
	if (out == NULL)
		return err_set(err, EX_CANTCREAT, "cannot create '%s': %s", tmp, strerror(errno));
	rc = report_write(out, in);
	if (fclose(out) != 0 || rc < 0) {
		(void)remove(tmp);
		return err_set(err, EX_IOERR, "cannot write '%s'", path);
	}
	if (rename(tmp, path) != 0) {
		(void)remove(tmp);
		return err_set(err, EX_CANTCREAT, "cannot rename '%s' to '%s': %s", tmp, path,
			       strerror(errno));
	}
	return 0;
}

int cmd_report(const struct command *cmd, int argc, char **argv)
{
	struct gap_options o;
	struct store *st = NULL;
	struct err err = { 0 };
	struct team_snapshot snap;
	struct analysis a;
	struct rec_context ctx;
	struct recommendations rec = { 0 };
	struct trend tr = { 0 };
	int32_t dates[TREND_POINTS_MAX];
	size_t n;
	int rc;

	rc = gap_options_parse(cmd, argc, argv, GAPOPT_TEAM | GAPOPT_OUTPUT, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	rc = gap_options_open(&o, &st, &snap, &a, &err);
	if (rc != 0)
		return rc;
	n = trend_dates(o.as_of - TREND_DAYS, o.as_of, dates);
	if (gather_recommendations(st, &a, o.team, &ctx, &rec, &err) < 0 ||
	    gather_trend(st, o.team, dates, n, &tr, &err) < 0) {
		rc = cli_fail(&err);
	} else {
		const struct report_input in = { o.team, &a, &rec, &tr };

		if (write_file(o.output, &in, &err) < 0)
			rc = cli_fail(&err);
		else
			printf("wrote %s\n", o.output);
	}
	trend_free(&tr);
	recommendations_free(&rec);
	rec_context_free(&ctx);
	gap_options_close(st, &snap, &a);
	return rc;
}
