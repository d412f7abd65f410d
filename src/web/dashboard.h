/* The dashboard's figures (GET /, docs/web.md "The dashboard"): the teams
 * the caller may see as cards, each with its members, top priorities and
 * counts of what needs attention, and the lists of what needs attention
 * now across all of them.
 *
 * How, fast for a caller who sees the whole organisation: the teams the
 * caller may see are covered by the fewest subtrees (the visible teams
 * whose parent is not visible); each subtree is analysed twice, as of
 * today and as of the end of last month (views/views.h view_analyse), and
 * every card's team view is computed from those analyses by gap_team over
 * its members' lines: exactly what the team's own analysis gives, since
 * each member's estimates do not depend on the team. With more than
 * DASH_CARDS_ALL visible teams the cards are the top-level teams below
 * the subtrees' roots (departments), each with its whole subtree's figures. */
#ifndef COMPGAP_WEB_DASHBOARD_H
#define COMPGAP_WEB_DASHBOARD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/gaps.h"
#include "http/http.h"
#include "store/store.h"
#include "util/arena.h"
#include "views/alerts.h"

enum {
	DASH_CARDS_ALL = 12,   /* up to this many visible teams: each its own card */
	DASH_TOP = 3,          /* priorities on a card */
	DASH_LIST_MAX = 10     /* items of each list of what needs attention */
};

/* One team's card: the team view of the team with its sub-teams, as
 * GET /api/v1/teams/{key}/gaps gives it. */
struct dash_card {
	const char *key, *name;
	int depth;                      /* below the first card of its subtree: 0, 1 ... */
	long members;
	struct team_line top[DASH_TOP]; /* the first ntop by priority */
	size_t ntop;
	long key_person_risks;          /* competencies with key_person_risk */
	long blind_spots;               /* member lines flagged blind_spot */
	long unassessed_people;         /* members with a required competency unassessed */
	long grown_gaps;                /* member lines whose gap grew since last month */
};

/* One line of a list of what needs attention. */
struct dash_item {
	const char *person, *name;      /* NULL for a team's item */
	const char *team, *team_name;   /* the person's own team, or the team's */
	const char *competency;         /* NULL for unassessed people */
	double before, after;           /* blind spot: self, others; grown gap: then, now */
	long count;                     /* unassessed: competencies; key-person: who need it;
	                                   due: evaluations missing */
	int32_t due;                    /* overdue plan action: its due date */
	const char *kind;               /* overdue plan action: its kind */
	const char *objective, *key_result;   /* overdue check-in: their keys ... */
	const char *title;              /* ... and the key result's title */
	bool person_link;               /* the caller may open /people/{person} */
	bool team_link;                 /* the caller may open /teams/{team} */
};

struct dash_list {
	struct dash_item items[DASH_LIST_MAX];   /* the first n, largest first */
	size_t n;
	long total;                     /* all there are */
};

struct dashboard {
	int32_t today, last_month;      /* the two dates compared */
	size_t nteams;                  /* the teams the caller may see */
	long people;                    /* the members of those teams (and sub-teams) */
	bool grouped;                   /* the cards are departments (DASH_CARDS_ALL) */
	struct dash_card *cards;        /* ncards, in the order of the tree */
	size_t ncards;
	struct dash_list blind_spots, key_person_risks, unassessed, grown_gaps;
	struct dash_list evaluations_due;   /* this month's (views.h quality_due) */
	int qa_target;                  /* setting qa_target_per_month */
	long evaluated_agents;          /* of the teams, with evaluations lately: 0 hides
	                                   the list (no quality evaluations here) */
	struct alert_list alerts;       /* the alerts and praise of the last 30
					   days of the agents within reach
					   (views/alerts.h), newest first */
	struct dash_list overdue_actions;   /* open plan actions due before today */
	struct dash_list overdue_checkins;  /* check-ins of running objectives' key
					       results due before today (team: the
					       objective's, NULL for the organisation's) */
	char scope[256];                /* the analysed subtrees' roots, for the audit log */
	struct arena arena;             /* everything above */
};

/* Gathers the dashboard of caller c as of today (date_today) from st,
 * inside the caller's read transaction. 0, or -1 with err set; d is to be
 * freed with dashboard_free either way. */
int dashboard_gather(struct store *st, const struct http_caller *c, struct dashboard *d,
		     struct err *err);

void dashboard_free(struct dashboard *d);

#endif
