/* The import of POST /api/v1/imports/{kind} for other callers than the
 * API's handler: the import page (web/import_page.c) checks and stores a
 * browser's uploaded file by the very same code, rules and audit entry. */
#ifndef COMPGAP_HTTP_IMPORTS_H
#define COMPGAP_HTTP_IMPORTS_H

#include <stdbool.h>
#include <stddef.h>

#include "http/handler.h"
#include "io/import.h"
#include "util/arena.h"

/* One problem of a file, as the API's "problems" array has it. */
struct http_import_problem {
	long line;                    /* 0: the whole file */
	size_t column;                /* from 1; 0 when no column is named */
	const char *field;            /* the column's name, or NULL */
	const char *message;          /* the import's words (English) */
};

/* What an import did. */
struct http_import_result {
	bool stored;                  /* the rows are stored (never on a dry run) */
	long rows;                    /* rows read when there was no problem */
	long problem_count;           /* every problem found, even past nproblems */
	struct http_import_problem *problems;
	size_t nproblems;             /* kept: up to IMPORT_PROBLEMS_MAX */
};

/* Imports data[0..len), a CSV file of kind, for cx's caller as POST
 * /api/v1/imports/{kind} does (dry_run: checked in a transaction that is
 * rolled back), writing the same audit entry. The result's strings are
 * in a. 0 with out filled (a refused file is 0 with problems); -1 with
 * cx's response set: 403 (a role that may not import kind), 500, 503. */
int http_import_file(struct http_ctx *cx, enum import_kind kind, const char *data, size_t len,
		     bool dry_run, struct arena *a, struct http_import_result *out);

#endif
