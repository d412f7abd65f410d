/* The classes into which a member's level on a required competency falls
 * (meets, short by under 1, 1 to 2, 2 or more, unassessed) and the colour
 * of each: one palette for every picture of gaps (the workbook's heatmap,
 * and the report's), so that a colour means the same everywhere.
 *
 * The palette is a single-hue blue ramp (ColorBrewer "Blues") whose
 * lightness falls with the gap: CIE L* 98, 87, 68, 35 (grey 91). Colour-vision
 * deficiencies change hue, not lightness, so the order stays visible under
 * deuteranopia, protanopia and tritanopia, and in grey print. Unassessed is
 * a neutral grey and carries a "?" as well, so it is never told apart by
 * colour alone. */
#ifndef COMPGAP_GAPCLASS_H
#define COMPGAP_GAPCLASS_H

#include "core/analysis.h"

enum gap_class {
	GAP_MEETS,             /* level at or above the required level */
	GAP_UNDER_1,           /* short by less than 1 */
	GAP_1_TO_2,            /* short by 1 to less than 2 */
	GAP_2_OR_MORE,         /* short by 2 or more */
	GAP_UNASSESSED,        /* no evidence: level unknown */
	GAP_CLASS_COUNT
};

/* Fill colours as 0xRRGGBB. */
enum {
	GAP_FILL_MEETS = 0xF7FBFF,
	GAP_FILL_UNDER_1 = 0xC6DBEF,
	GAP_FILL_1_TO_2 = 0x6BAED6,
	GAP_FILL_2_OR_MORE = 0x08519C,
	GAP_FILL_UNASSESSED = 0xE6E6E6,
	GAP_TEXT_DARK = 0x000000,     /* text on every fill but the darkest */
	GAP_TEXT_LIGHT = 0xFFFFFF     /* text on GAP_FILL_2_OR_MORE */
};

/* How each class looks and what the legend says of it. */
struct gap_class_style {
	unsigned fill;         /* 0xRRGGBB */
	unsigned text;         /* 0xRRGGBB of the text on it */
	const char *label;     /* for a legend */
};

/* The styles, indexed by enum gap_class. */
extern const struct gap_class_style gap_class_styles[GAP_CLASS_COUNT];

/* The class of a member's line. */
enum gap_class gap_class_of(const struct member_line *l);

/* The member's line on competency, or NULL when their role does not
 * require it. */
const struct member_line *gap_member_line(const struct member_view *v, const char *competency);

#endif
