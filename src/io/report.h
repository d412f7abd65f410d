/* The team report: one self-contained HTML file (no scripts, no network)
 * that reads on a phone and prints on A4: the summary with each sub-team's
 * findings, a heatmap per team, the coverage, the trend, the
 * recommendations, the blind spots and a radar chart per person. Charts
 * are SVG with a viewBox, scaled to the page; colours come from
 * io/palette.h and every colour is doubled by text or a shape, so that the
 * report survives colour blindness and black-and-white print. It is
 * well-formed XML as well as HTML. */
#ifndef COMPGAP_REPORT_H
#define COMPGAP_REPORT_H

#include <stddef.h>
#include <stdio.h>

#include "core/analysis.h"
#include "core/recommend.h"

/* A key and the name it stands for. */
struct report_name {
	const char *key;
	const char *name;
};

struct report_input {
	const char *team;                    /* key */
	const char *team_name;               /* its name; NULL: the key is shown */
	const struct analysis *now;          /* the team view as of the report's date */
	const struct recommendations *rec;
	const struct trend *trend;           /* month ends up to the date; may be empty */
	const struct report_name *teams;     /* nteams: names of the members' teams */
	size_t nteams;
	const struct report_name *people;    /* npeople: names of people outside the
					      * analysis (mentors from elsewhere) */
	size_t npeople;
	const bool *hidden;                  /* per member of now: left out of the
					      * report's people (a reader's reach,
					      * views.h), or NULL: none */
};

/* Whether member v of in->now is left out. */
bool report_hides(const struct report_input *in, const struct member_view *v);

/* Writes the report to out. Returns 0, or -1 when writing failed or memory
 * ran out. */
int report_write(FILE *out, const struct report_input *in);

#endif
