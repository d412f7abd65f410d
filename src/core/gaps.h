/* Individual gaps, profile fit and the team view (docs/methodology.md,
 * "Individual gap" and "Team view"). Pure functions over arrays. */
#ifndef COMPGAP_GAPS_H
#define COMPGAP_GAPS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/estimate.h"

/* One competency that a member's role requires, with the member's
 * estimate and gap. */
struct member_line {
	const char *competency;        /* key */
	int required_level;
	int weight;
	struct estimate est;
	double gap;                    /* max(0, required - level); valid when assessed */
	bool meets;                    /* level >= required; false when unassessed */
};

/* Sets gap and meets of l from its estimate and required level. */
void gap_line(struct member_line *l);

/* A member's profile fit: sum weight * min(1, level / required) / sum
 * weight over the assessed lines. Returns false (fit unknown) when none is
 * assessed. */
bool gap_fit(const struct member_line *lines, size_t n, double *fit);

/* One competency in the team view. */
struct team_line {
	const char *competency;        /* key */
	long required;                 /* members whose role requires it */
	long assessed;                 /* of those, with a level */
	long meeting;                  /* of those, meeting their role's level */
	long unassessed;               /* required - assessed */
	double coverage;               /* meeting / required */
	bool has_mean_gap;             /* false when none is assessed */
	double mean_gap;               /* mean gap over the assessed */
	double priority;               /* mean weight * gap over the assessed; 0 when none */
	bool key_person_risk;          /* exactly one meets while two or more need it */
	/* The active key results of the team that name it, which make its
	 * priority count OKR_GAP_FACTOR times (views/okr.h, okr_link_gaps);
	 * none from gap_team. */
	const char *const *key_results;
	size_t nkey_results;
};

/* Builds the team view from the lines of all members (in any order) into
 * out, which has room for n entries; returns how many competencies there
 * are. They are sorted by priority (highest first), then coverage (lowest
 * first), then key. Returns (size_t)-1 when memory is exhausted. */
size_t gap_team(const struct member_line *lines, size_t n, struct team_line *out);

/* Sorts team lines as gap_team does. */
void gap_team_sort(struct team_line *lines, size_t n);

/* The line of competency among lines[0..n), or NULL when none is for it
 * (no member of that team view needs it). Points into lines. */
const struct team_line *gap_team_find(const struct team_line *lines, size_t n,
				      const char *competency);

#endif
