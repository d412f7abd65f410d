/* What the gap analysis reads: the members of a team (or one person), the
 * competencies their roles require, and their evidence summed as of a
 * date. The store fills it (store_load_snapshot); core computes on it. */
#ifndef COMPGAP_SNAPSHOT_H
#define COMPGAP_SNAPSHOT_H

#include <stddef.h>
#include <stdint.h>

#include "core/estimate.h"
#include "util/arena.h"

/* A member of a snapshot, in the order of their ids. */
struct snapshot_member {
	const char *key, *name, *team, *role;   /* role NULL: no function profile */
	size_t first_line, nlines;             /* their lines in the snapshot */
};

/* One competency a member's role requires, with the member's evidence on
 * it summed as of the snapshot's date. */
struct snapshot_line {
	const char *competency;
	int required_level, weight;
	struct evidence_sums sums;             /* valid for the snapshot's as_of */
};

struct team_snapshot {
	int32_t as_of;
	struct snapshot_member *members;
	size_t nmembers;
	struct snapshot_line *lines;
	size_t nlines;
	size_t cap_members, cap_lines;
	struct arena arena;                    /* the strings */
};

#endif
