/* The report's colours, in one place, chosen to stay apart under the
 * common colour-vision deficiencies (tests/unit/test_palette.c simulates
 * deuteranopia, protanopia and tritanopia and measures them):
 * - the heatmap's classes are a sequential ramp of blues (ColorBrewer
 *   "Blues"), lighter for smaller gaps, so that their order survives as
 *   lightness alone (a red-green deficiency, a black-and-white print); an
 *   unassessed cell is a neutral grey and also shows "?";
 * - the trend lines take Okabe & Ito's colours for colour-blind readers
 *   (Okabe and Ito 2008, "Color Universal Design"), and the report also
 *   marks each line with its own shape and labels it at its end. */
#ifndef COMPGAP_PALETTE_H
#define COMPGAP_PALETTE_H

#include <stdbool.h>

/* A heatmap cell's class, from meeting the level to the largest gap. */
enum heat_class {
	HEAT_MEETS,
	HEAT_UNDER_HALF,       /* short by less than 0.5 */
	HEAT_HALF_TO_ONE,      /* 0.5 up to 1 */
	HEAT_ONE_TO_TWO,       /* 1 up to 2 */
	HEAT_TWO_OR_MORE,
	HEAT_UNASSESSED,       /* no evidence: no level */
	HEAT_CLASSES
};

struct heat_style {
	const char *fill;      /* "#rrggbb" */
	const char *text;      /* the text colour that reads on fill */
	const char *label;     /* for the legend */
};

/* The style of each class, indexed by enum heat_class. */
extern const struct heat_style palette_heat[HEAT_CLASSES];

/* The class of a line: unassessed, meeting, or by the size of its gap. */
enum heat_class palette_heat_class(bool assessed, bool meets, double gap);

enum {
	PALETTE_TREND_LINES = 6      /* the most lines the trend chart draws */
};

/* The trend lines' colours, in the order the lines are drawn. */
extern const char *const palette_trend[PALETTE_TREND_LINES];

/* The colour of a cell whose competency the member's role does not need. */
#define PALETTE_NOT_REQUIRED "#ffffff"

/* Bars and the current-level shape of the radar charts (Okabe-Ito blue). */
#define PALETTE_ACCENT "#0072B2"

#endif
