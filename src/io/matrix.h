/* A team's matrix: one row per member, one column per competency of the
 * team view, each cell the member's level — the picture HR people keep by
 * hand in a spreadsheet. As rows for any export sink (CSV), or as a
 * workbook with the levels coloured by gap class (io/palette.h) and the
 * required levels on a second sheet. docs/csv-formats.md describes both. */
#ifndef COMPGAP_MATRIX_H
#define COMPGAP_MATRIX_H

#include "core/analysis.h"
#include "io/export.h"
#include "util/err.h"

/* The leading columns of the matrix, before the competencies. */
enum {
	MATRIX_LEAD_COLUMNS = 5   /* id, name, team, role, fit */
};

/* Hands the matrix of a to sink: the header (id, name, team, role, fit and
 * the competency keys in the team view's order), then a row per member in
 * a's order: the level with two decimals, "?" when unassessed, empty when
 * the member's role does not require it; fit as a whole percentage ("?"
 * when unknown, "no function profile" when the member has no role).
 * Returns 0, or -1 with err set by the sink. */
int matrix_rows(const struct analysis *a, const struct export_sink *sink, struct err *err);

/* Writes the matrix of a (team is its key) as a workbook at path: sheet
 * "Matrix" with the levels coloured by gap class and a legend below,
 * sheet "Required" with the required level of each member's role in the
 * same cells; each with a title row that names the team and the date,
 * the header row and the id and name columns frozen. The file at path is
 * created or truncated; write to a temporary name and rename. Returns 0,
 * or -1 with err set. */
int matrix_xlsx(const struct analysis *a, const char *team, const char *path, struct err *err);

#endif
