/* The team report: one self-contained HTML file (no scripts, no network,
 * A4 print styles) with SVG charts drawn here: the heatmap, coverage bars,
 * a radar chart per person, the trend lines, the recommendations and the
 * blind spots. It is well-formed XML as well as HTML. */
#ifndef COMPGAP_REPORT_H
#define COMPGAP_REPORT_H

#include <stdio.h>

#include "core/analysis.h"
#include "core/recommend.h"

struct report_input {
	const char *team;                    /* key */
	const struct analysis *now;          /* the team view as of the report's date */
	const struct recommendations *rec;
	const struct trend *trend;           /* month ends up to the date; may be empty */
};

/* Writes the report to out. Returns 0, or -1 when writing failed. */
int report_write(FILE *out, const struct report_input *in);

#endif
