/* Export of the store in the formats of docs/csv-formats.md: the same
 * columns the import reads, so that an export imported again gives the
 * same data. The rows of a kind are produced once, as typed cells
 * (export_rows), and handed to a sink: the CSV writer here (plain RFC 4180
 * or what Dutch and Swedish Excel opens), or the workbook of io/xlsx.h. */
#ifndef COMPGAP_EXPORT_H
#define COMPGAP_EXPORT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "io/import.h"
#include "store/store.h"
#include "util/err.h"

/* Flags for the CSV sink. */
enum {
	EXPORT_LF = 1 << 0,    /* end lines with LF instead of RFC 4180's CRLF */
	EXPORT_EXCEL = 1 << 1  /* what Excel in a Dutch or Swedish locale opens by
				* double-click: a UTF-8 byte-order mark, ';', decimal
				* commas and CRLF (EXPORT_LF is then ignored) */
};

enum {
	EXPORT_CELL_MAX = 40   /* room for the text of a number or date cell (at
				* least export_format_level's 32) */
};

/* What a cell holds; a workbook writes each type as its own cell type. */
enum export_type {
	EXPORT_TEXT,           /* text; NULL or "" is an empty cell */
	EXPORT_INT,            /* a whole number */
	EXPORT_DECIMAL,        /* a number with a fixed count of decimals */
	EXPORT_DATE            /* a calendar day */
};

struct export_cell {
	enum export_type type;
	const char *text;      /* EXPORT_TEXT */
	double number;         /* EXPORT_INT, EXPORT_DECIMAL */
	int decimals;          /* EXPORT_DECIMAL: digits after the point, 0..6 */
	int32_t date;          /* EXPORT_DATE: days since 1970-01-01 */
};

/* Where rows go. Each function returns 0, or -1 with err set, which stops
 * the export. */
struct export_sink {
	/* The column names, once, before any row. */
	int (*header)(void *ctx, const char *const *names, size_t n, struct err *err);
	/* One row of n cells. */
	int (*row)(void *ctx, const struct export_cell *cells, size_t n, struct err *err);
	void *ctx;
};

/* Hands the header and every row of kind to sink, from one consistent
 * snapshot (retracted evidence left out). Returns 0, or -1 with err set by
 * the store or the sink. */
int export_rows(struct store *st, enum import_kind kind, const struct export_sink *sink,
		struct err *err);

/* As export_rows, inside the caller's open (read) transaction, which it
 * leaves open: for the server, which reads who may see what in the same
 * snapshot. */
int export_rows_in(struct store *st, enum import_kind kind, const struct export_sink *sink,
		   struct err *err);

/* The CSV sink: every cell neutralised against formula injection, quoted
 * where csv_quote_needed says; the byte-order mark of EXPORT_EXCEL is
 * written before the header. */
struct export_csv {
	FILE *out;             /* not owned */
	unsigned csv_flags;    /* for csv_write_row */
	bool decimal_comma;    /* 3,5 rather than 3.5 */
	bool bom;              /* begin with the UTF-8 byte-order mark */
};

/* Sets up c to write to out with flags (EXPORT_LF, EXPORT_EXCEL) and
 * points sink at it. */
void export_csv_sink(struct export_csv *c, FILE *out, unsigned flags, struct export_sink *sink);

/* Flushes c's output after the last row. Returns 0, or -1 with err set
 * (EX_IOERR) when any write to it failed. */
int export_csv_finish(struct export_csv *c, struct err *err);

/* The text of a cell as CSV holds it: numbers with a decimal point, or a
 * decimal comma when decimal_comma; dates as YYYY-MM-DD. Returns a string
 * that lives as long as buf and cell->text. */
const char *export_cell_text(const struct export_cell *cell, bool decimal_comma,
			     char buf[EXPORT_CELL_MAX]);

/* Formats an evidence level with the digits it was written with. */
void export_format_level(double level, int decimals, char out[32]);

#endif
