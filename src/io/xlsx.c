#include "io/xlsx.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/model.h"
#include "io/csv.h"
#include "util/utf8.h"

enum {
	EXCEL_EPOCH_OFFSET = 25569,   /* Excel's serial of 1970-01-01 */
	EXCEL_FIRST_SAFE = 61,        /* 1900-03-01: before it Excel's serials are
				       * off by its phantom 1900-02-29 */
	DECIMALS_MAX = LEVEL_DECIMALS_MAX
};

double xlsx_date_serial(int32_t days)
{
	double serial = (double)days + EXCEL_EPOCH_OFFSET;

	return serial < EXCEL_FIRST_SAFE ? -1 : serial;
}

int xlsx_fail(struct err *err, const char *path, const char *where, lxw_error e)
{
	if (where != NULL)
		return err_set(err, EX_IOERR, "cannot write the workbook '%s' at %s: %s", path, where,
			       lxw_strerror(e));
	return err_set(err, EX_IOERR, "cannot write the workbook '%s': %s", path, lxw_strerror(e));
}

static void cell_name(lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, char *out, size_t n)
{
	char cell[LXW_MAX_CELL_NAME_LENGTH];

	lxw_rowcol_to_cell(cell, row, col);
	(void)snprintf(out, n, "sheet '%s', cell %s", ws->name, cell);
}

int xlsx_write_text(lxw_worksheet *ws, const char *path, lxw_row_t row, lxw_col_t col,
		    const char *text, lxw_format *format, struct err *err)
{
	char where[LXW_SHEETNAME_MAX * 4 + 40];
	size_t chars;
	lxw_error e;

	if (text == NULL || text[0] == '\0')
		return 0;
	chars = utf8_width(text);
	if (chars > XLSX_TEXT_MAX) {
		cell_name(ws, row, col, where, sizeof where);
		return err_set(err, EX_DATAERR,
			       "%s: text of %zu characters does not fit in a cell of a workbook "
			       "(Excel holds %d); export as CSV instead", where, chars, XLSX_TEXT_MAX);
	}
	e = worksheet_write_string(ws, row, col, text, format);
	if (e != LXW_NO_ERROR) {
		cell_name(ws, row, col, where, sizeof where);
		return xlsx_fail(err, path, where, e);
	}
	return 0;
}

double xlsx_width_of(const char *text)
{
	double w = (double)utf8_width(text) + 2;

	return w > XLSX_WIDTH_MAX ? XLSX_WIDTH_MAX : w;
}

int xlsx_close(lxw_workbook *wb, const char *path, struct err *err)
{
	lxw_error e = workbook_close(wb);

	return e == LXW_NO_ERROR ? 0 : xlsx_fail(err, path, NULL, e);
}

/* One sheet being written by export_rows. */
struct table {
	const char *path;                 /* the file, for messages */
	lxw_workbook *wb;                 /* owned until closed */
	lxw_worksheet *ws;                /* the one sheet, owned by wb */
	lxw_format *header;               /* bold */
	lxw_format *date;                 /* yyyy-mm-dd */
	lxw_format *decimals[DECIMALS_MAX + 1]; /* 0, 0.0, 0.00 ... */
	lxw_row_t row;                    /* the next row to write */
	size_t ncols;                     /* the header's columns; a row's extra cells are dropped */
	double widths[CSV_FIELDS_MAX];    /* what each column needs */
};

static void widen(struct table *t, size_t col, double width)
{
	if (width > t->widths[col])
		t->widths[col] = width;
}

static int table_header(void *ctx, const char *const *names, size_t n, struct err *err)
{
	struct table *t = ctx;

	if (n > CSV_FIELDS_MAX)
		return err_set(err, EX_SOFTWARE, "%zu columns are more than an export has", n);
	t->ncols = n;
	for (size_t i = 0; i < n; i++) {
		if (xlsx_write_text(t->ws, t->path, 0, (lxw_col_t)i, names[i], t->header, err) < 0)
			return -1;
		/* Room for the autofilter's button beside the name. */
		widen(t, i, xlsx_width_of(names[i]) + 2);
	}
	t->row = 1;
	return 0;
}

static int write_number(struct table *t, size_t col, double v, lxw_format *f, double width,
			struct err *err)
{
	lxw_error e = worksheet_write_number(t->ws, t->row, (lxw_col_t)col, v, f);
	char where[LXW_SHEETNAME_MAX * 4 + 40];

	if (e != LXW_NO_ERROR) {
		cell_name(t->ws, t->row, (lxw_col_t)col, where, sizeof where);
		return xlsx_fail(err, t->path, where, e);
	}
	widen(t, col, width);
	return 0;
}

static int table_row(void *ctx, const struct export_cell *cells, size_t n, struct err *err)
{
	struct table *t = ctx;
	char buf[EXPORT_CELL_MAX];

	if (t->row >= LXW_ROW_MAX)
		return err_set(err, EX_DATAERR,
			       "'%s': more rows than a sheet holds (Excel holds %d under the header); "
			       "export as CSV instead", t->path, LXW_ROW_MAX - 1);
	for (size_t i = 0; i < n && i < t->ncols; i++) {
		const struct export_cell *c = &cells[i];
		const char *text = export_cell_text(c, false, buf);
		double width = xlsx_width_of(text);
		int rc = 0;

		switch (c->type) {
		case EXPORT_TEXT:
			rc = xlsx_write_text(t->ws, t->path, t->row, (lxw_col_t)i, text, NULL, err);
			widen(t, i, width);
			break;
		case EXPORT_INT:
			rc = write_number(t, i, c->number, NULL, width, err);
			break;
		case EXPORT_DECIMAL:
			rc = write_number(t, i, c->number,
					  t->decimals[c->decimals < 0 ? 0 :
						      c->decimals > DECIMALS_MAX ? DECIMALS_MAX :
						      c->decimals], width, err);
			break;
		case EXPORT_DATE:
			/* A day Excel cannot count stays ISO text. */
			if (xlsx_date_serial(c->date) < 0)
				rc = xlsx_write_text(t->ws, t->path, t->row, (lxw_col_t)i, text, NULL, err);
			else
				rc = write_number(t, i, xlsx_date_serial(c->date), t->date, width, err);
			break;
		}
		if (rc < 0)
			return -1;
	}
	t->row++;
	return 0;
}

static int table_open(struct table *t, const char *path, const char *sheet, struct err *err)
{
	/* Rows go to a temporary file as they come rather than into memory,
	 * so a million evidence rows cost no more memory than ten; the rows
	 * are written in order, which is all this mode asks. */
	lxw_workbook_options options = { .constant_memory = LXW_TRUE };
	char num_format[DECIMALS_MAX + 3] = "0.";

	if (xlsx_api_load(err) < 0)
		return -1;
	t->path = path;
	t->wb = workbook_new_opt(path, &options);
	if (t->wb == NULL)
		return err_set(err, EX_OSERR, "cannot begin the workbook '%s': out of memory", path);
	t->ws = workbook_add_worksheet(t->wb, sheet);
	t->header = workbook_add_format(t->wb);
	t->date = workbook_add_format(t->wb);
	if (t->ws == NULL || t->header == NULL || t->date == NULL)
		goto oom;
	format_set_bold(t->header);
	format_set_num_format(t->date, "yyyy-mm-dd");
	for (int d = 0; d <= DECIMALS_MAX; d++) {
		t->decimals[d] = workbook_add_format(t->wb);
		if (t->decimals[d] == NULL)
			goto oom;
		/* "0", then "0.0", "0.00" ...: the digits the level was written with. */
		if (d > 0) {
			num_format[1 + d] = '0';
			num_format[2 + d] = '\0';
		}
		format_set_num_format(t->decimals[d], d == 0 ? "0" : num_format);
	}
	worksheet_freeze_panes(t->ws, 1, 0);
	return 0;
oom:
	lxw_workbook_free(t->wb);
	return err_set(err, EX_OSERR, "cannot begin the workbook '%s': out of memory", path);
}

static int table_close(struct table *t, struct err *err)
{
	lxw_error e;

	for (size_t i = 0; i < t->ncols; i++) {
		e = worksheet_set_column(t->ws, (lxw_col_t)i, (lxw_col_t)i, t->widths[i], NULL);
		if (e != LXW_NO_ERROR)
			goto fail;
	}
	if (t->ncols > 0) {
		e = worksheet_autofilter(t->ws, 0, 0, t->row - 1, (lxw_col_t)(t->ncols - 1));
		if (e != LXW_NO_ERROR)
			goto fail;
	}
	return xlsx_close(t->wb, t->path, err);
fail:
	lxw_workbook_free(t->wb);
	return xlsx_fail(err, t->path, NULL, e);
}

int xlsx_export(struct store *st, enum import_kind kind, const char *path, struct err *err)
{
	struct table *t = calloc(1, sizeof *t);   /* too large for the stack */
	struct export_sink sink = { table_header, table_row, t };
	int rc = -1;

	if (t == NULL)
		return err_set(err, EX_OSERR, "cannot begin the workbook '%s': out of memory", path);
	if (table_open(t, path, import_kind_name(kind), err) < 0)
		goto out;
	if (export_rows(st, kind, &sink, err) < 0) {
		lxw_workbook_free(t->wb);
		goto out;
	}
	rc = table_close(t, err);
out:
	free(t);
	return rc;
}
