#include "io/palette.h"

/* CIELAB L* of the fills (sRGB, D65): 92, 79, 68, 46, 21 and the grey 82.
 * The unassessed grey sits at least 10 (CIE76) from every blue under each
 * simulated deficiency; the test asserts it. */
const struct heat_style palette_heat[HEAT_CLASSES] = {
	[HEAT_MEETS] = { "#deebf7", "#000000", "meets" },
	[HEAT_UNDER_HALF] = { "#9ecae1", "#000000", "short by under 0.5" },
	[HEAT_HALF_TO_ONE] = { "#6baed6", "#000000", "0.5 to 1 short" },
	[HEAT_ONE_TO_TWO] = { "#2171b5", "#ffffff", "1 to 2 short" },
	[HEAT_TWO_OR_MORE] = { "#08306b", "#ffffff", "2 or more short" },
	[HEAT_UNASSESSED] = { "#cccccc", "#000000", "unassessed (?)" },
};

/* Okabe-Ito without its yellow (too light for a line on white) and its
 * reddish purple (under deuteranopia it nears the bluish green). */
const char *const palette_trend[PALETTE_TREND_LINES] = {
	"#0072B2", "#D55E00", "#009E73", "#E69F00", "#56B4E9", "#000000"
};

enum heat_class palette_heat_class(bool assessed, bool meets, double gap)
{
	if (!assessed)
		return HEAT_UNASSESSED;
	if (meets)
		return HEAT_MEETS;
	if (gap < 0.5)
		return HEAT_UNDER_HALF;
	if (gap < 1)
		return HEAT_HALF_TO_ONE;
	if (gap < 2)
		return HEAT_ONE_TO_TWO;
	return HEAT_TWO_OR_MORE;
}
