/* Workbooks (.xlsx) through libxlsxwriter: an export of one kind as one
 * sheet with typed cells, and the helpers the matrix workbook shares.
 *
 * Text goes in with worksheet_write_string, which always stores a string
 * cell and never a formula, whatever the text begins with ("=1+1" stays
 * the text "=1+1"): unlike CSV, a workbook needs no quote prefix against
 * formula injection, and the text is stored exactly as it is. */
#ifndef COMPGAP_XLSX_H
#define COMPGAP_XLSX_H

#include <stdint.h>
#include "io/xlsx_api.h"

#include "io/export.h"
#include "io/import.h"
#include "store/store.h"
#include "util/err.h"

enum {
	XLSX_TEXT_MAX = 32767,      /* characters Excel holds in one cell */
	XLSX_WIDTH_MAX = 60         /* the widest column we set, in characters */
};

/* Writes every row of kind (export_rows) as a workbook at path: one sheet
 * named after the kind, the header row bold, frozen and with an
 * autofilter, numbers and dates typed, columns as wide as their contents.
 * The file at path is created or truncated; on failure it may hold part of
 * a workbook, so write to a temporary name and rename. Returns 0, or -1
 * with err set. */
int xlsx_export(struct store *st, enum import_kind kind, const char *path, struct err *err);

/* Excel's serial number of a day (1 = 1900-01-01, with Excel's phantom
 * 1900-02-29), or -1 when the day is before 1900-03-01, which a serial
 * cannot give right. */
double xlsx_date_serial(int32_t days);

/* Sets err for a libxlsxwriter error e on the workbook at path, naming
 * where (a sheet and cell, or NULL); returns -1. */
int xlsx_fail(struct err *err, const char *path, const char *where, lxw_error e);

/* Writes text into a cell, or nothing when it is NULL or empty. Text over
 * XLSX_TEXT_MAX characters is refused with a message naming the sheet,
 * the cell and the limit. Returns 0, or -1 with err set. */
int xlsx_write_text(lxw_worksheet *ws, const char *path, lxw_row_t row, lxw_col_t col,
		    const char *text, lxw_format *format, struct err *err);

/* The width in characters a column needs for text (its code points plus a
 * margin), at most XLSX_WIDTH_MAX. */
double xlsx_width_of(const char *text);

/* Closes the workbook, writing the file. Returns 0, or -1 with err set. */
int xlsx_close(lxw_workbook *wb, const char *path, struct err *err);

#endif
