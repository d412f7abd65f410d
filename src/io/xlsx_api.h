/* libxlsxwriter, loaded with dlopen when a workbook is first written, not
 * linked: it pulls in zlib, minizip and libcrypto, which cost every other
 * command about 2.5 ms of CPU at start (util/dynlib.h).
 *
 * The workbook files include this (through io/xlsx.h) instead of
 * <xlsxwriter.h>: it declares the types as the library's header does, and
 * makes each function used here a call through the table that
 * xlsx_api_load fills. A function that is used must be in both lists
 * below. */
#ifndef COMPGAP_XLSX_API_H
#define COMPGAP_XLSX_API_H

#include <xlsxwriter.h>

#include "util/err.h"

/* X(return type, name, parameters) for every libxlsxwriter function
 * compgap calls. */
#define XLSX_API_FUNCTIONS(X) \
	X(void, format_set_align, (lxw_format *format, uint8_t alignment)) \
	X(void, format_set_bg_color, (lxw_format *format, lxw_color_t color)) \
	X(void, format_set_bold, (lxw_format *format)) \
	X(void, format_set_border, (lxw_format *format, uint8_t style)) \
	X(void, format_set_border_color, (lxw_format *format, lxw_color_t color)) \
	X(void, format_set_font_color, (lxw_format *format, lxw_color_t color)) \
	X(void, format_set_font_size, (lxw_format *format, double size)) \
	X(void, format_set_italic, (lxw_format *format)) \
	X(void, format_set_num_format, (lxw_format *format, const char *num_format)) \
	X(void, format_set_pattern, (lxw_format *format, uint8_t index)) \
	X(void, format_set_rotation, (lxw_format *format, int16_t angle)) \
	X(void, lxw_rowcol_to_cell, (char *cell_name, lxw_row_t row, lxw_col_t col)) \
	X(char *, lxw_strerror, (lxw_error error_num)) \
	X(void, lxw_workbook_free, (lxw_workbook *workbook)) \
	X(lxw_format *, workbook_add_format, (lxw_workbook *workbook)) \
	X(lxw_worksheet *, workbook_add_worksheet, \
	  (lxw_workbook *workbook, const char *sheetname)) \
	X(lxw_error, workbook_close, (lxw_workbook *workbook)) \
	X(lxw_workbook *, workbook_new, (const char *filename)) \
	X(lxw_workbook *, workbook_new_opt, \
	  (const char *filename, lxw_workbook_options *options)) \
	X(lxw_error, worksheet_autofilter, \
	  (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_col_t first_col, \
	  lxw_row_t last_row, lxw_col_t last_col)) \
	X(void, worksheet_fit_to_pages, \
	  (lxw_worksheet *worksheet, uint16_t width, uint16_t height)) \
	X(void, worksheet_freeze_panes, \
	  (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col)) \
	X(lxw_error, worksheet_repeat_columns, \
	  (lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col)) \
	X(lxw_error, worksheet_repeat_rows, \
	  (lxw_worksheet *worksheet, lxw_row_t first_row, lxw_row_t last_row)) \
	X(lxw_error, worksheet_set_column, \
	  (lxw_worksheet *worksheet, lxw_col_t first_col, lxw_col_t last_col, double width, \
	  lxw_format *format)) \
	X(void, worksheet_set_landscape, (lxw_worksheet *worksheet)) \
	X(void, worksheet_set_paper, (lxw_worksheet *worksheet, uint8_t paper_type)) \
	X(lxw_error, worksheet_set_row, \
	  (lxw_worksheet *worksheet, lxw_row_t row, double height, lxw_format *format)) \
	X(lxw_error, worksheet_write_blank, \
	  (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, lxw_format *format)) \
	X(lxw_error, worksheet_write_number, \
	  (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, double number, \
	  lxw_format *format)) \
	X(lxw_error, worksheet_write_string, \
	  (lxw_worksheet *worksheet, lxw_row_t row, lxw_col_t col, const char *string, \
	  lxw_format *format))

#define XLSX_API_MEMBER(ret, name, params) ret (*name) params;
struct xlsx_api {
	XLSX_API_FUNCTIONS(XLSX_API_MEMBER)
};
#undef XLSX_API_MEMBER

extern struct xlsx_api xlsx_api;

/* Loads libxlsxwriter (libxlsxwriter.so.4, Debian's libxlsxwriter4) and
 * fills xlsx_api, once; later calls return at once. Returns 0, or -1 with
 * EX_UNAVAILABLE when the library or one of its functions is missing. */
int xlsx_api_load(struct err *err);

#ifndef XLSX_API_LOADER
#define format_set_align (xlsx_api.format_set_align)
#define format_set_bg_color (xlsx_api.format_set_bg_color)
#define format_set_bold (xlsx_api.format_set_bold)
#define format_set_border (xlsx_api.format_set_border)
#define format_set_border_color (xlsx_api.format_set_border_color)
#define format_set_font_color (xlsx_api.format_set_font_color)
#define format_set_font_size (xlsx_api.format_set_font_size)
#define format_set_italic (xlsx_api.format_set_italic)
#define format_set_num_format (xlsx_api.format_set_num_format)
#define format_set_pattern (xlsx_api.format_set_pattern)
#define format_set_rotation (xlsx_api.format_set_rotation)
#define lxw_rowcol_to_cell (xlsx_api.lxw_rowcol_to_cell)
#define lxw_strerror (xlsx_api.lxw_strerror)
#define lxw_workbook_free (xlsx_api.lxw_workbook_free)
#define workbook_add_format (xlsx_api.workbook_add_format)
#define workbook_add_worksheet (xlsx_api.workbook_add_worksheet)
#define workbook_close (xlsx_api.workbook_close)
#define workbook_new (xlsx_api.workbook_new)
#define workbook_new_opt (xlsx_api.workbook_new_opt)
#define worksheet_autofilter (xlsx_api.worksheet_autofilter)
#define worksheet_fit_to_pages (xlsx_api.worksheet_fit_to_pages)
#define worksheet_freeze_panes (xlsx_api.worksheet_freeze_panes)
#define worksheet_repeat_columns (xlsx_api.worksheet_repeat_columns)
#define worksheet_repeat_rows (xlsx_api.worksheet_repeat_rows)
#define worksheet_set_column (xlsx_api.worksheet_set_column)
#define worksheet_set_landscape (xlsx_api.worksheet_set_landscape)
#define worksheet_set_paper (xlsx_api.worksheet_set_paper)
#define worksheet_set_row (xlsx_api.worksheet_set_row)
#define worksheet_write_blank (xlsx_api.worksheet_write_blank)
#define worksheet_write_number (xlsx_api.worksheet_write_number)
#define worksheet_write_string (xlsx_api.worksheet_write_string)
#endif

#endif
