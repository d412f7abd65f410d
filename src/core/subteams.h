/* The findings of each team inside a team view with sub-teams (a
 * department): the members grouped by their own team, and the team view
 * (coverage, nobody meets it, key-person risk, priority) of each group,
 * computed exactly as the team view of that team alone would be
 * (docs/methodology.md, "Departments"). Pure: it reads an analysis. */
#ifndef COMPGAP_SUBTEAMS_H
#define COMPGAP_SUBTEAMS_H

#include <stddef.h>

#include "core/analysis.h"

/* The members of one team of the analysis and their team view. */
struct subteam {
	const char *team;                /* key of the members' own team; NULL: no team */
	const struct member_view **members;   /* nmembers, in the analysis' order */
	size_t nmembers;                 /* at least one */
	struct team_line *competencies;  /* ncompetencies, sorted as gap_team sorts */
	size_t ncompetencies;            /* those any member's role requires; may be 0 */
};

struct subteams {
	struct subteam *items;           /* n, ordered by team key (no team last) */
	size_t n;                        /* the teams of the view's members; 0 for no member */
	const struct member_view **members;   /* storage for every item's members */
	struct member_line *lines;       /* storage: the lines regrouped by team */
	struct team_line *competencies;  /* storage for every item's competencies */
};

/* Groups the members of a by their own team and builds each group's team
 * view into out. Every member appears in exactly one group. The result
 * points into a, which must outlive it. Returns 0, or -1 when memory is
 * exhausted (out is then empty). */
int subteams_build(const struct analysis *a, struct subteams *out);

/* Frees what subteams_build allocated. */
void subteams_free(struct subteams *s);

#endif
