/* export: the rows of one kind, or a team's matrix, as CSV, as CSV for
 * Excel in a Dutch or Swedish locale, or as a workbook (.xlsx). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/gapopts.h"
#include "cli/outfile.h"
#include "io/export.h"
#include "io/matrix.h"
#include "io/xlsx.h"
#include "util/date.h"

/* What the command line asked for. */
struct request {
	const char *db;          /* --db, or NULL for the default database */
	const char *output;      /* -o FILE, or NULL for standard output */
	const char *xlsx;        /* --xlsx FILE, or NULL */
	const char *team;        /* matrix: --team KEY */
	bool matrix;             /* the kind is "matrix"; else kind */
	enum import_kind kind;   /* the rows to export, unless matrix */
	unsigned flags;          /* EXPORT_LF, EXPORT_EXCEL */
	int32_t as_of;           /* matrix: --as-of, default today */
};

static int parse(const struct command *cmd, int argc, char **argv, struct request *r)
{
	const char *as_of = NULL;
	bool lf = false, excel = false;
	const struct option opts[] = {
		{ "--output", "-o", &r->output, NULL },
		{ "--xlsx", NULL, &r->xlsx, NULL },
		{ "--excel", NULL, NULL, &excel },
		{ "--lf", NULL, NULL, &lf },
		{ "--team", NULL, &r->team, NULL },
		{ "--as-of", NULL, &as_of, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	int npos, rc;

	memset(r, 0, sizeof *r);
	rc = cli_parse(cmd, argc, argv, opts, &r->db, pos, 1, &npos);
	if (rc != 0)
		return rc;
	if (npos != 1)
		return cli_usage(cmd, "name the kind of data to export");
	r->matrix = strcmp(pos[0], "matrix") == 0;
	if (!r->matrix && import_kind_parse(pos[0], &r->kind) < 0)
		return cli_usage(cmd, "'%s' is not a kind of data; use one of %s, or matrix", pos[0],
				 import_kind_list());
	if (r->xlsx != NULL && r->output != NULL)
		return cli_usage(cmd, "--xlsx FILE names the file to write; leave out -o");
	if (r->xlsx != NULL && excel)
		return cli_usage(cmd, "--excel writes CSV for Excel and --xlsx a workbook; give one of them");
	if (r->xlsx != NULL && lf)
		return cli_usage(cmd, "--lf is for CSV; a workbook has no line ends");
	if (r->xlsx != NULL && (r->xlsx[0] == '\0' || strcmp(r->xlsx, "-") == 0))
		return cli_usage(cmd, "--xlsx needs a file name; a workbook cannot go to standard output");
	if (excel && lf)
		return cli_usage(cmd, "--excel ends lines with CRLF, as Excel does; leave out --lf");
	if (!r->matrix && (r->team != NULL || as_of != NULL))
		return cli_usage(cmd, "--team and --as-of are for 'export matrix' only");
	if (r->matrix && r->team == NULL)
		return cli_usage(cmd, "name the team with --team KEY ('compgap list teams' lists them)");
	r->as_of = date_today();
	if (as_of != NULL && date_parse(as_of, &r->as_of) < 0)
		return cli_usage(cmd, "--as-of takes a date YYYY-MM-DD that exists, not '%s'", as_of);
	r->flags = (lf ? EXPORT_LF : 0) | (excel ? EXPORT_EXCEL : 0);
	return 0;
}

/* Writes the request's rows as CSV to out. */
static int write_csv(const struct request *r, struct store *st, const struct analysis *a,
		     FILE *out, struct err *err)
{
	struct export_csv c;
	struct export_sink sink;

	export_csv_sink(&c, out, r->flags, &sink);
	if ((r->matrix ? matrix_rows(a, &sink, err) : export_rows(st, r->kind, &sink, err)) < 0)
		return -1;
	return export_csv_finish(&c, err);
}

/* Writes the export to standard output, or through a file beside its
 * target (cli/outfile.h). 0, or -1 with err set. */
static int write_export(const struct request *r, struct store *st, const struct analysis *a,
			struct err *err)
{
	struct outfile f;
	int rc;

	if (outfile_open(&f, r->xlsx != NULL ? r->xlsx : r->output, err) < 0)
		return -1;
	if (r->xlsx != NULL) {
		/* libxlsxwriter writes the file itself, by name, when the
		 * workbook is closed; the open above has made sure it can. */
		const char *tmp = outfile_by_name(&f);

		rc = r->matrix ? matrix_xlsx(a, r->team, tmp, err) : xlsx_export(st, r->kind, tmp, err);
	} else {
		rc = write_csv(r, st, a, f.out, err);
	}
	if (rc < 0) {
		outfile_abort(&f);
		return -1;
	}
	return outfile_commit(&f, err);
}

int cmd_export(const struct command *cmd, int argc, char **argv)
{
	struct request r;
	struct store *st = NULL;
	struct err err = { 0 };
	int rc = parse(cmd, argc, argv, &r);

	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (r.matrix) {
		/* The same snapshot and analysis as 'compgap gaps'. */
		const struct gap_options o = { .db = r.db, .team = r.team, .as_of = r.as_of };
		struct team_snapshot snap;
		struct analysis a;

		rc = gap_options_open(&o, &st, &snap, &a, &err);
		if (rc != 0)
			return rc;
		rc = write_export(&r, st, &a, &err);
		gap_options_close(st, &snap, &a);
	} else {
		rc = cli_open_store(r.db, 0, &st);
		if (rc != 0)
			return rc;
		rc = write_export(&r, st, NULL, &err);
		store_close(st);
	}
	return rc < 0 ? cli_fail(&err) : 0;
}
