/* The gap analysis of a snapshot: each member's estimates, gaps and fit,
 * and the team view. One function serves the command line's tables, its
 * --json, and later the API. */
#ifndef COMPGAP_ANALYSIS_H
#define COMPGAP_ANALYSIS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/gaps.h"
#include "core/settings.h"
#include "core/snapshot.h"

struct member_view {
	const struct snapshot_member *member;   /* in the snapshot */
	struct member_line *lines;      /* nlines, into the analysis' lines */
	size_t nlines;                  /* one per competency their role requires */
	bool has_fit;                   /* false when no line is assessed */
	double fit;                     /* profile fit, 0 to 1, when has_fit */
};

/* The key results that a team's view of a competency serves (views/okr.h,
 * okr_link_gaps): those of objectives running on the analysis' day of
 * the team, of the teams above it, and of the organisation. */
struct okr_link {
	const char *team;               /* NULL: for members without a team (the
					 * organisation's key results alone) */
	const char *competency;
	const char *const *keys;        /* nkeys >= 1 */
	size_t nkeys;
};

struct analysis {
	int32_t as_of;                  /* days since the epoch, as the snapshot's */
	struct member_view *members;    /* one per snapshot member, same order */
	size_t nmembers;                /* the snapshot's */
	struct member_line *lines;      /* all members' lines */
	size_t nlines;                  /* the snapshot's */
	struct team_line *competencies; /* the team view, sorted by priority */
	size_t ncompetencies;           /* the competencies any member's role requires */
	const struct okr_link *links;   /* nlinks, of the view's team and of every
					 * member's team, in analysis_links_sort's
					 * order; none from analysis_run */
	size_t nlinks;
};

/* Sorts links into the order analysis_link searches (one link per team
 * and competency). */
void analysis_links_sort(struct okr_link *links, size_t n);

/* The link of team (NULL: no team) on competency in a, or NULL. */
const struct okr_link *analysis_link(const struct analysis *a, const char *team,
				     const char *competency);

/* A team view at several dates (for trends). */
struct trend {
	size_t n;
	struct team_snapshot *snaps;    /* n, as of each date */
	struct analysis *points;        /* n, analysing snaps */
};

/* Analyses snap with set. Returns 0, or -1 when memory is exhausted.
 * The result points into snap, which must outlive it. */
int analysis_run(const struct team_snapshot *snap, const struct settings *set,
		 struct analysis *out);

/* The team-view line of competency in a, or NULL when no member needs it. */
const struct team_line *analysis_competency(const struct analysis *a, const char *competency);

/* The line of member v on competency, or NULL when their role does not
 * require it. */
const struct member_line *analysis_member_line(const struct member_view *v,
					       const char *competency);

/* The first of members[0..n) who meets competency: for a key-person risk
 * (exactly one meets it), the key person. NULL when none of them meets it.
 * Points into the analysis of members. */
const struct member_view *analysis_key_person(const struct member_view *const *members,
					      size_t n, const char *competency);

/* Frees what analysis_run allocated. */
void analysis_free(struct analysis *a);

#endif
