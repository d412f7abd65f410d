/* Commands that move data in: init, import, retract (of an evidence row or
 * a whole evaluation); export is in cmd_export.c. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "io/export.h"
#include "io/import.h"
#include "store/quality.h"

int cmd_init(const struct command *cmd, int argc, char **argv)
{
	const char *db;
	char *pos[1];
	int npos, rc, before = 0, version = 0;
	struct store *st = NULL;
	struct err err = { 0 };

	rc = cli_parse(cmd, argc, argv, NULL, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	/* Open without migrating first, to say what init did. */
	rc = cli_open_store(db, STORE_CREATE | STORE_NO_MIGRATE, &st);
	if (rc != 0)
		return rc;
	if (store_migrate(st, store_latest_version(), &before, &err) < 0 ||
	    store_schema_version(st, &version, &err) < 0) {
		store_close(st);
		return cli_fail(&err);
	}
	if (before == 0)
		printf("created %s (schema version %d)\n", store_describe(st), version);
	else if (before < version)
		printf("migrated %s from schema version %d to %d\n", store_describe(st), before, version);
	else
		printf("%s is up to date (schema version %d)\n", store_describe(st), version);
	store_close(st);
	return 0;
}

struct problem_printer {
	long max;        /* print at most this many problems; 0: all */
	long printed;
	bool progress_shown;
};

static void print_problem(void *ctx, const char *file, long line, const char *column,
			  const char *msg)
{
	struct problem_printer *p = ctx;

	if (p->progress_shown) {
		fputs("\r\033[K", stderr);
		p->progress_shown = false;
	}
	if (p->max > 0 && p->printed >= p->max)
		return;
	p->printed++;
	if (line > 0 && column != NULL)
		fprintf(stderr, "%s:%ld: %s: %s\n", file, line, column, msg);
	else if (line > 0)
		fprintf(stderr, "%s:%ld: %s\n", file, line, msg);
	else
		fprintf(stderr, "%s: %s\n", file, msg);
}

static void print_progress(void *ctx, long rows)
{
	struct problem_printer *p = ctx;

	if (rows < 0) {
		if (p->progress_shown)
			fputs("\r\033[K", stderr);
		p->progress_shown = false;
		return;
	}
	fprintf(stderr, "\rread %ld rows...", rows);
	p->progress_shown = true;
}

int cmd_import(const struct command *cmd, int argc, char **argv)
{
	const char *db, *max_errors = NULL;
	struct import_options options = { .allow_future_option = "--allow-future" };
	const struct option opts[] = {
		{ "--max-errors", NULL, &max_errors, NULL },
		{ "--allow-future", NULL, NULL, &options.allow_future },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[2], *end;
	int npos, rc;
	enum import_kind kind;
	struct problem_printer printer = { 0 };
	struct import_report report = { print_problem, NULL, &printer, 0, 0 };
	struct store *st = NULL;
	struct err err = { 0 };
	FILE *in;
	const char *name;
	struct stat sb;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 2, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (npos != 2)
		return cli_usage(cmd, "name a kind and a file");
	if (import_kind_parse(pos[0], &kind) < 0)
		return cli_usage(cmd, "'%s' is not a kind of data; use one of %s", pos[0],
				 import_kind_list());
	if (max_errors != NULL) {
		errno = 0;
		printer.max = strtol(max_errors, &end, 10);
		if (errno != 0 || *end != '\0' || end == max_errors || printer.max < 0)
			return cli_usage(cmd, "--max-errors takes a whole number (0: all)");
	}
	if (isatty(STDERR_FILENO))
		report.progress = print_progress;
	if (strcmp(pos[1], "-") == 0) {
		in = stdin;
		name = "stdin";
	} else {
		in = fopen(pos[1], "rb");
		name = pos[1];
		if (in == NULL) {
			fprintf(stderr, "compgap: cannot open '%s': %s\n", pos[1], strerror(errno));
			return EX_NOINPUT;
		}
		/* fopen opens a directory; only its first read would fail. */
		if (fstat(fileno(in), &sb) == 0 && S_ISDIR(sb.st_mode)) {
			fprintf(stderr, "compgap: cannot read '%s': it is a directory; give a CSV file\n",
				pos[1]);
			fclose(in);
			return EX_NOINPUT;
		}
	}
	rc = cli_open_store(db, 0, &st);
	if (rc == 0) {
		if (import_csv(st, kind, in, name, &options, &report, &err) < 0) {
			if (printer.max > 0 && report.errors > printer.max)
				fprintf(stderr, "%s: ... and %ld more problems not shown (--max-errors)\n",
					name, report.errors - printer.max);
			rc = cli_fail(&err);
		} else {
			printf("imported %ld %s row%s from %s into %s\n", report.rows,
			       import_kind_name(kind), report.rows == 1 ? "" : "s", name,
			       store_describe(st));
		}
	}
	store_close(st);
	if (in != stdin)
		fclose(in);
	return rc;
}

struct retraction {
	long long id;
	const char *evaluation;     /* instead of id: retract this evaluation */
	const char *reason;
	long rows;                  /* out: evidence rows the evaluation had */
};

static int retract(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct retraction *r = ctx;

	(void)attempt;
	if (r->evaluation != NULL)
		return store_retract_evaluation(st, r->evaluation, r->reason, &r->rows, err);
	return store_retract_evidence(st, r->id, r->reason, err);
}

int cmd_retract(const struct command *cmd, int argc, char **argv)
{
	const char *db, *reason = NULL, *evaluation = NULL;
	const struct option opts[] = {
		{ "--reason", NULL, &reason, NULL },
		{ "--evaluation", NULL, &evaluation, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1], *end;
	int npos, rc;
	long long id = 0;
	struct store *st = NULL;
	struct err err = { 0 };
	struct retraction r;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 1, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (evaluation != NULL && npos != 0)
		return cli_usage(cmd, "name either an evidence row or --evaluation KEY, not both");
	if (evaluation == NULL && npos != 1)
		return cli_usage(cmd, "name the evidence row to retract, or --evaluation KEY");
	if (evaluation != NULL && evaluation[0] == '\0')
		return cli_usage(cmd, "--evaluation takes the evaluation's key, as in evaluations.csv");
	if (evaluation == NULL) {
		errno = 0;
		id = strtoll(pos[0], &end, 10);
		if (errno != 0 || *end != '\0' || end == pos[0] || id <= 0)
			return cli_usage(cmd, "'%s' is not an evidence id (a whole number)", pos[0]);
	}
	if (reason == NULL || reason[0] == '\0')
		return cli_usage(cmd, "say why with --reason TEXT; the reason is kept with the row");
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	r = (struct retraction){ id, evaluation, reason, 0 };
	if (store_transact(st, retract, &r, &err) < 0) {
		store_close(st);
		return cli_fail(&err);
	}
	if (evaluation != NULL)
		printf("retracted evaluation %s and its %ld evidence row%s\n", evaluation, r.rows,
		       r.rows == 1 ? "" : "s");
	else
		printf("retracted evidence row %lld\n", id);
	store_close(st);
	return 0;
}
