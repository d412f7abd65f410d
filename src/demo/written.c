#include "demo/written.h"

#include <stdlib.h>
#include <sysexits.h>

struct problem {
	const char *what;
	struct err err;
};

static void report_problem(void *ctx, const char *file, long line, const char *column,
			   const char *msg)
{
	struct problem *p = ctx;

	if (p->err.msg[0] == '\0')
		err_set(&p->err, EX_SOFTWARE, "internal error in the %s's %s, line %ld, %s: %s", p->what,
			file, line, column ? column : "row", msg);
}

int import_written(struct store *st, enum import_kind kind, void (*fill)(void *ctx, FILE *out),
		   void *ctx, const char *what, long *rows, struct err *err)
{
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len), *in;
	struct problem problem = { what, { 0 } };
	struct import_report rep = { report_problem, NULL, &problem, 0, 0 };
	/* The dates are the generator's fixed calendar, not typed by anyone,
	 * and must import whatever today (or $COMPGAP_TODAY) is. */
	const struct import_options opts = { .allow_future = true };
	int rc;

	if (out == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	fill(ctx, out);
	if (fclose(out) != 0 || (in = fmemopen(text, len, "r")) == NULL) {
		free(text);
		return err_set(err, EX_OSERR, "out of memory");
	}
	rc = import_csv_in(st, kind, in, import_kind_name(kind), &opts, &rep, err);
	fclose(in);
	free(text);
	if (rc < 0 && problem.err.msg[0] != '\0')
		*err = problem.err;
	if (rows != NULL)
		*rows = rep.rows;
	return rc;
}
