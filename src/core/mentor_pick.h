/* The mentor a recommendation names (docs/methodology.md,
 * "Recommendations"): for a member with a gap, the candidate with room
 * (fewer than mentor_max_mentees mentees in the team's recommendations),
 * enough confidence and a level at least mentor_margin above the level
 * required, in the member's own team when there is one there, else
 * anywhere; the highest level first, then the fewest mentees, then the
 * smallest id.
 *
 * A department's candidates are everyone in it with a level on the
 * competency (tens of thousands in a large organisation), asked once per
 * member with a gap in each of its thousands of teams. So they are
 * indexed once, by level and by team, and each pick reads from the top
 * down and stops at the first level below the one it has. */
#ifndef COMPGAP_MENTOR_PICK_H
#define COMPGAP_MENTOR_PICK_H

#include <stddef.h>

#include "core/recommend.h"
#include "core/settings.h"
#include "util/strmap.h"

struct mentor_index {
	const struct candidate *c;   /* the rec_input's, n of them */
	size_t n;
	size_t *by_level;            /* n indices into c, level descending */
	size_t *by_team;             /* indices of those with a team, grouped by
					team, each group level descending */
	size_t nby_team;
	struct strmap team_start;    /* team key -> its group's start in by_team */
};

/* Indexes the n candidates c (kept, not copied). 0, or -1 when memory ran
 * out; free x with mentor_index_free either way. */
int mentor_index_build(struct mentor_index *x, const struct candidate *c, size_t n);

void mentor_index_free(struct mentor_index *x);

/* How many mentees each candidate has in the recommendations being built
 * (one team's, one competency's): the few that have any. */
struct mentee_count {
	size_t candidate;            /* an index into the index's candidates */
	size_t count;
};

struct mentee_counts {
	struct mentee_count *v;      /* n of them */
	size_t n, cap;
};

/* Adds a mentee to candidate i: 0, or -1 when memory ran out. */
int mentee_counts_add(struct mentee_counts *m, size_t i);

void mentee_counts_free(struct mentee_counts *m);

/* The mentor of mentee (their key and team, NULL: none), who needs
 * required_level: an index into x's candidates, or -1 when none
 * qualifies. */
long mentor_pick(const struct mentor_index *x, const struct mentee_counts *m,
		 const char *mentee, const char *mentee_team, double required_level,
		 const struct settings *set);

#endif
