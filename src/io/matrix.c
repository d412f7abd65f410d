#include "io/matrix.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/palette.h"
#include "io/xlsx.h"
#include "util/date.h"
#include "util/percent.h"

static const char *const lead_names[MATRIX_LEAD_COLUMNS] = { "id", "name", "team", "role", "fit" };

static const char no_profile[] = "no function profile";

/* The fit as the text a reader sees everywhere else: "87%", "?" when no
 * required competency is assessed. */
static const char *fit_text(const struct member_view *v, char buf[24])
{
	if (v->member->role == NULL)
		return no_profile;
	if (!v->has_fit)
		return "?";
	(void)snprintf(buf, 24, "%ld%%", percent_round(v->fit));
	return buf;
}

int matrix_rows(const struct analysis *a, const struct export_sink *sink, struct err *err)
{
	size_t n = MATRIX_LEAD_COLUMNS + a->ncompetencies;
	const char **names = calloc(n, sizeof *names);
	struct export_cell *cells = calloc(n, sizeof *cells);
	char fit[24];
	int rc = -1;

	if (names == NULL || cells == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	memcpy(names, lead_names, sizeof lead_names);
	for (size_t k = 0; k < a->ncompetencies; k++)
		names[MATRIX_LEAD_COLUMNS + k] = a->competencies[k].competency;
	if (sink->header(sink->ctx, names, n, err) < 0)
		goto out;
	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = &a->members[m];
		const char *lead[MATRIX_LEAD_COLUMNS] = {
			v->member->key, v->member->name, v->member->team, v->member->role,
			fit_text(v, fit)
		};

		for (size_t i = 0; i < MATRIX_LEAD_COLUMNS; i++)
			cells[i] = (struct export_cell){ .type = EXPORT_TEXT, .text = lead[i] };
		for (size_t k = 0; k < a->ncompetencies; k++) {
			const struct member_line *l = analysis_member_line(v, a->competencies[k].competency);
			struct export_cell *c = &cells[MATRIX_LEAD_COLUMNS + k];

			if (l == NULL)
				*c = (struct export_cell){ .type = EXPORT_TEXT, .text = NULL };
			else if (!l->est.assessed)
				*c = (struct export_cell){ .type = EXPORT_TEXT, .text = "?" };
			else
				*c = (struct export_cell){ .type = EXPORT_DECIMAL, .number = l->est.level,
							   .decimals = 2 };
		}
		if (sink->row(sink->ctx, cells, n, err) < 0)
			goto out;
	}
	rc = 0;
out:
	free(names);
	free(cells);
	return rc;
}

/* ---- the workbook ---- */

enum {
	TITLE_ROW = 0,
	HEADER_ROW = 1,
	FIRST_MEMBER_ROW = 2,
	FROZEN_COLUMNS = 2,          /* id and name stay in sight */
	LEVEL_COLUMN_WIDTH = 7,      /* "4.25" with room; the names stand upright */
	HEADER_PT_PER_CHAR = 7,      /* height of an upright name per character */
	HEADER_PT_MARGIN = 8,
	HEADER_PT_MIN = 15,          /* Excel's default row height */
	HEADER_PT_MAX = 300,
	GRID_COLOUR = 0xBFBFBF
};

struct book {
	const char *path;                     /* the file, for messages */
	const struct analysis *a;             /* the team view the matrix shows */
	lxw_workbook *wb;                     /* owned until closed */
	lxw_format *title, *header;           /* bold: the sheet's title, column names */
	lxw_format *upright, *note;           /* competency keys turned 90 degrees; italics */
	lxw_format *fit, *fit_text;           /* a fit as 0%; "?" when it is unknown */
	lxw_format *level[HEAT_CLASSES];      /* a level cell of each gap class */
	lxw_format *required, *blank;         /* Required's cells; not required */
};

/* A palette colour "#rrggbb" as libxlsxwriter takes it, where 0 means
 * "no colour", so black has its own value. */
static lxw_color_t colour(const char *hex)
{
	unsigned long rgb = strtoul(hex + 1, NULL, 16);

	return rgb == 0 ? LXW_COLOR_BLACK : (lxw_color_t)rgb;
}

static lxw_format *grid_cell(lxw_workbook *wb)
{
	lxw_format *f = workbook_add_format(wb);

	if (f != NULL) {
		format_set_border(f, LXW_BORDER_THIN);
		format_set_border_color(f, GRID_COLOUR);
		format_set_align(f, LXW_ALIGN_CENTER);
	}
	return f;
}

static int make_formats(struct book *b)
{
	lxw_workbook *wb = b->wb;

	b->title = workbook_add_format(wb);
	b->header = workbook_add_format(wb);
	b->upright = workbook_add_format(wb);
	b->note = workbook_add_format(wb);
	b->fit = workbook_add_format(wb);
	b->fit_text = workbook_add_format(wb);
	b->required = grid_cell(wb);
	b->blank = grid_cell(wb);
	if (b->title == NULL || b->header == NULL || b->upright == NULL || b->note == NULL ||
	    b->fit == NULL || b->fit_text == NULL || b->required == NULL || b->blank == NULL)
		return -1;
	format_set_bold(b->title);
	format_set_font_size(b->title, 13);
	format_set_bold(b->header);
	format_set_align(b->header, LXW_ALIGN_VERTICAL_BOTTOM);
	format_set_bold(b->upright);
	format_set_rotation(b->upright, 90);
	format_set_align(b->upright, LXW_ALIGN_CENTER);
	format_set_italic(b->note);
	format_set_num_format(b->fit, "0%");
	format_set_italic(b->fit_text);
	format_set_num_format(b->required, "0");
	for (int k = 0; k < HEAT_CLASSES; k++) {
		const struct heat_style *s = &palette_heat[k];

		b->level[k] = grid_cell(wb);
		if (b->level[k] == NULL)
			return -1;
		format_set_pattern(b->level[k], LXW_PATTERN_SOLID);
		format_set_bg_color(b->level[k], colour(s->fill));
		format_set_font_color(b->level[k], colour(s->text));
		format_set_num_format(b->level[k], "0.00");
	}
	return 0;
}

static int check(const struct book *b, lxw_error e, struct err *err)
{
	return e == LXW_NO_ERROR ? 0 : xlsx_fail(err, b->path, NULL, e);
}

/* The title, the header and each member's leading cells on ws. */
static int write_frame(struct book *b, lxw_worksheet *ws, const char *title, struct err *err)
{
	const struct analysis *a = b->a;
	double widths[MATRIX_LEAD_COLUMNS];
	size_t longest = 0;
	double height;
	char fit[24];

	if (xlsx_write_text(ws, b->path, TITLE_ROW, 0, title, b->title, err) < 0)
		return -1;
	for (size_t i = 0; i < MATRIX_LEAD_COLUMNS; i++) {
		widths[i] = xlsx_width_of(lead_names[i]);
		if (xlsx_write_text(ws, b->path, HEADER_ROW, (lxw_col_t)i, lead_names[i], b->header,
				    err) < 0)
			return -1;
	}
	for (size_t k = 0; k < a->ncompetencies; k++) {
		const char *key = a->competencies[k].competency;
		lxw_col_t col = (lxw_col_t)(MATRIX_LEAD_COLUMNS + k);

		if (strlen(key) > longest)
			longest = strlen(key);
		if (xlsx_write_text(ws, b->path, HEADER_ROW, col, key, b->upright, err) < 0)
			return -1;
	}
	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = &a->members[m];
		lxw_row_t row = (lxw_row_t)(FIRST_MEMBER_ROW + m);
		const char *lead[MATRIX_LEAD_COLUMNS - 1] = {
			v->member->key, v->member->name, v->member->team, v->member->role
		};

		for (size_t i = 0; i < MATRIX_LEAD_COLUMNS - 1; i++) {
			if (lead[i] == NULL)
				continue;
			if (xlsx_write_text(ws, b->path, row, (lxw_col_t)i, lead[i], NULL, err) < 0)
				return -1;
			if (xlsx_width_of(lead[i]) > widths[i])
				widths[i] = xlsx_width_of(lead[i]);
		}
		const char *fit_shown = fit_text(v, fit);

		if (v->member->role != NULL && v->has_fit) {
			if (check(b, worksheet_write_number(ws, row, MATRIX_LEAD_COLUMNS - 1, v->fit,
							    b->fit), err) < 0)
				return -1;
		} else if (xlsx_write_text(ws, b->path, row, MATRIX_LEAD_COLUMNS - 1, fit_shown,
					   b->fit_text, err) < 0) {
			return -1;
		}
		if (xlsx_width_of(fit_shown) > widths[MATRIX_LEAD_COLUMNS - 1])
			widths[MATRIX_LEAD_COLUMNS - 1] = xlsx_width_of(fit_shown);
	}
	for (size_t i = 0; i < MATRIX_LEAD_COLUMNS; i++)
		if (check(b, worksheet_set_column(ws, (lxw_col_t)i, (lxw_col_t)i, widths[i], NULL),
			  err) < 0)
			return -1;
	if (a->ncompetencies > 0 &&
	    check(b, worksheet_set_column(ws, MATRIX_LEAD_COLUMNS,
					  (lxw_col_t)(MATRIX_LEAD_COLUMNS + a->ncompetencies - 1),
					  LEVEL_COLUMN_WIDTH, NULL), err) < 0)
		return -1;
	/* Upright names need a row as tall as the longest. */
	height = (double)longest * HEADER_PT_PER_CHAR + HEADER_PT_MARGIN;
	height = height < HEADER_PT_MIN ? HEADER_PT_MIN : height > HEADER_PT_MAX ? HEADER_PT_MAX : height;
	if (check(b, worksheet_set_row(ws, HEADER_ROW, height, NULL), err) < 0)
		return -1;
	worksheet_freeze_panes(ws, FIRST_MEMBER_ROW, FROZEN_COLUMNS);
	/* Printed, a team's grid is one page wide (as many pages tall as
	 * it needs), in landscape, with the header and names on every page. */
	worksheet_set_landscape(ws);
	worksheet_set_paper(ws, 9);    /* A4 */
	worksheet_fit_to_pages(ws, 1, 0);
	if (check(b, worksheet_repeat_rows(ws, HEADER_ROW, HEADER_ROW), err) < 0 ||
	    check(b, worksheet_repeat_columns(ws, 0, FROZEN_COLUMNS - 1), err) < 0)
		return -1;
	return 0;
}

/* A level cell: the level in its gap class's colours, "?" on grey when
 * unassessed, a blank grid cell when not required. */
static int write_level(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
		       const struct member_line *l, struct err *err)
{
	enum heat_class k;

	if (l == NULL)
		return check(b, worksheet_write_blank(ws, row, col, b->blank), err);
	k = palette_heat_class(l->est.assessed, l->meets, l->gap);
	if (k == HEAT_UNASSESSED)
		return xlsx_write_text(ws, b->path, row, col, "?", b->level[k], err);
	return check(b, worksheet_write_number(ws, row, col, l->est.level, b->level[k]), err);
}

static int write_required(struct book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col,
			  const struct member_line *l, struct err *err)
{
	if (l == NULL)
		return check(b, worksheet_write_blank(ws, row, col, b->blank), err);
	return check(b, worksheet_write_number(ws, row, col, l->required_level, b->required), err);
}

/* The colours and what they mean, below the members. */
static int write_legend(struct book *b, lxw_worksheet *ws, const char *date, struct err *err)
{
	lxw_row_t row = (lxw_row_t)(FIRST_MEMBER_ROW + b->a->nmembers + 1);
	char note[160];

	if (xlsx_write_text(ws, b->path, row++, 0, "Legend", b->header, err) < 0)
		return -1;
	for (int k = 0; k < HEAT_CLASSES; k++) {
		lxw_format *f = b->level[k];

		if ((k == HEAT_UNASSESSED ? xlsx_write_text(ws, b->path, row, 0, "?", f, err)
					 : check(b, worksheet_write_blank(ws, row, 0, f), err)) < 0 ||
		    xlsx_write_text(ws, b->path, row, 1, palette_heat[k].label, NULL, err) < 0)
			return -1;
		row++;
	}
	if (check(b, worksheet_write_blank(ws, row, 0, b->blank), err) < 0 ||
	    xlsx_write_text(ws, b->path, row++, 1, "not required by the member's role", NULL,
			    err) < 0)
		return -1;
	(void)snprintf(note, sizeof note, "Levels (1 to 5) estimated from the evidence up to %s; "
		       "the required levels are on the sheet Required.", date);
	return xlsx_write_text(ws, b->path, row + 1, 0, note, b->note, err);
}

static int write_book(struct book *b, const char *team, struct err *err)
{
	const struct analysis *a = b->a;
	lxw_worksheet *levels = workbook_add_worksheet(b->wb, "Matrix");
	lxw_worksheet *required = workbook_add_worksheet(b->wb, "Required");
	char date[DATE_ISO_LEN + 1], title[256];

	if (levels == NULL || required == NULL || make_formats(b) < 0)
		return err_set(err, EX_OSERR, "cannot begin the workbook '%s': out of memory", b->path);
	date_format(a->as_of, date);
	(void)snprintf(title, sizeof title, "Competency levels in team %s as of %s", team, date);
	if (write_frame(b, levels, title, err) < 0)
		return -1;
	(void)snprintf(title, sizeof title, "Required levels of each member's role, team %s, as of %s",
		       team, date);
	if (write_frame(b, required, title, err) < 0)
		return -1;
	for (size_t m = 0; m < a->nmembers; m++) {
		lxw_row_t row = (lxw_row_t)(FIRST_MEMBER_ROW + m);

		for (size_t k = 0; k < a->ncompetencies; k++) {
			const struct member_line *l = analysis_member_line(&a->members[m],
								      a->competencies[k].competency);
			lxw_col_t col = (lxw_col_t)(MATRIX_LEAD_COLUMNS + k);

			if (write_level(b, levels, row, col, l, err) < 0 ||
			    write_required(b, required, row, col, l, err) < 0)
				return -1;
		}
	}
	return write_legend(b, levels, date, err);
}

int matrix_xlsx(const struct analysis *a, const char *team, const char *path, struct err *err)
{
	struct book b = { .path = path, .a = a };

	if (a->nmembers + FIRST_MEMBER_ROW + HEAT_CLASSES + 5 >= LXW_ROW_MAX ||
	    a->ncompetencies + MATRIX_LEAD_COLUMNS > LXW_COL_MAX)
		return err_set(err, EX_DATAERR, "team %s is too large for one sheet", team);
	if (xlsx_api_load(err) < 0)
		return -1;
	b.wb = workbook_new(path);
	if (b.wb == NULL)
		return err_set(err, EX_OSERR, "cannot begin the workbook '%s': out of memory", path);
	if (write_book(&b, team, err) < 0) {
		lxw_workbook_free(b.wb);
		return -1;
	}
	return xlsx_close(b.wb, path, err);
}
