/* Recommendations to close a team's gaps, each with the rule that produced
 * it in words (docs/methodology.md, "Recommendations"). Pure: the caller
 * supplies the analysis, each competency's developability and the
 * organisation's possible mentors. */
#ifndef COMPGAP_RECOMMEND_H
#define COMPGAP_RECOMMEND_H

#include <stdbool.h>
#include <stddef.h>

#include "core/analysis.h"
#include "core/settings.h"
#include "core/subteams.h"

enum rec_kind {
	REC_GROUP,          /* group training or coaching */
	REC_INDIVIDUAL,     /* individual coaching */
	REC_MENTOR,         /* a mentor for one member */
	REC_CROSS_TRAIN,    /* only one member meets it */
	REC_HIRE,           /* nobody meets it and no mentor exists */
	REC_REASSIGN,       /* a large gap that hardly develops */
	REC_ASSESS,         /* levels unknown: assess first */
	REC_KIND_COUNT
};

/* Coaching approach after the inform / assist / refer model. */
enum approach {
	APPROACH_NONE,
	APPROACH_INFORM,    /* advice and material, self-directed */
	APPROACH_ASSIST,    /* coach personally */
	APPROACH_REFER      /* formal training, an expert, an external partner */
};

/* Someone in the organisation with a level on a competency: a possible
 * mentor. */
struct candidate {
	const char *person;
	const char *team;         /* their team's key, or NULL */
	double level;
	double confidence;
};

/* What the caller knows of one competency of the team view. */
struct rec_input {
	enum developability developability;
	const struct candidate *candidates;   /* everyone with a level on it */
	size_t ncandidates;
};

/* A member named by a recommendation. */
struct rec_member {
	const char *person, *name, *team;
	bool has_gap;             /* false for REC_ASSESS (level unknown) */
	double gap;
	enum approach approach;
};

/* Which rule produced a recommendation. With the facts of struct
 * rec_facts its words can be written in any language: rec_rule_text()
 * writes the English of the command line and the API, src/web/rec_rules.c
 * the reader's language on the pages. */
enum rec_rule {
	RULE_GROUP,             /* enough members with a gap for a group */
	RULE_GROUP_ACROSS,      /* a department-wide group across its teams */
	RULE_INDIVIDUAL,        /* too few for a group: one member coached */
	RULE_MENTOR,            /* a mentor for one member */
	RULE_CROSS_TRAIN,       /* only the key person meets it */
	RULE_CROSS_TRAIN_UNNAMED,   /* the same, the key person withheld from the reader */
	RULE_HIRE,              /* nobody meets it, nobody can mentor it */
	RULE_REASSIGN,          /* a large gap on what hardly develops */
	RULE_ASSESS             /* levels unknown */
};

/* The thresholds a rule states (struct settings' values when it was
 * made). */
struct rec_thresholds {
	double gap_threshold, group_min_members, group_min_share, assist_from, refer_from;
	double mentor_margin, mentor_min_confidence, mentor_max_mentees, reassign_min_gap;
};

/* Everything a rule's words say beside the item's competency, team,
 * mentor and key person. */
struct rec_facts {
	enum rec_rule rule;
	size_t count;             /* GROUP(_ACROSS), INDIVIDUAL: members with a gap;
				   * ASSESS: members without evidence */
	long required;            /* members who need the competency */
	size_t teams;             /* GROUP_ACROSS: the teams they are in */
	const char *person;       /* INDIVIDUAL, MENTOR (the mentee), REASSIGN */
	double gap;               /* INDIVIDUAL, REASSIGN: the person's gap */
	int required_level;       /* INDIVIDUAL, MENTOR: the person's required level */
	enum approach approach;   /* INDIVIDUAL: the person's approach */
	bool same_team;           /* MENTOR: the mentor is in the mentee's team */
	struct rec_thresholds set;
};

struct recommendation {
	enum rec_kind kind;
	const char *competency;
	const char *team;             /* the team it is for (a group's, or the view's for a
				       * department-wide group); NULL: members without a team */
	struct rec_member *members;   /* nmembers, into the result's members */
	size_t nmembers;
	const struct candidate *mentor;   /* REC_MENTOR: the mentor; else NULL */
	const char *key_person;       /* REC_CROSS_TRAIN: the one who meets it */
	struct rec_facts facts;       /* the rule and what it says */
	char rule[512];               /* why, in English: rec_rule_text() of facts */
	/* REC_MENTOR, for a reader who may not see the mentor (views.h,
	 * struct view_reader): the rule without their key and level, and
	 * whether it is to be shown instead, with the mentor's team only. */
	char rule_withheld[512];
	bool mentor_withheld;
	/* The key results it serves: those of its competency's team line
	 * (recommend_link_key_results); none from recommend(). */
	const char *const *key_results;
	size_t nkey_results;
};

struct recommendations {
	struct recommendation *items;
	size_t n;
	struct rec_member *members;   /* storage for every item's members */
	size_t nmembers;
};

/* The name of a kind ("group", "individual", "mentor", "cross_train",
 * "hire", "reassign", "assess"). */
const char *rec_kind_name(enum rec_kind k);

/* How a rule or a table names the team an item is for: its key, or "no
 * team" for members without one (NULL). */
const char *rec_team_label(const char *team);

/* The name of an approach ("inform", "assist", "refer"), or NULL. */
const char *approach_name(enum approach a);

/* Writes the rule of it in English into out (size bytes, cut short when
 * it does not fit): the words of the command line and the API. withheld:
 * for a reader who may not see it's mentor (without their key and level,
 * naming their team). */
void rec_rule_text(const struct recommendation *it, bool withheld, char *out, size_t size);

/* The approach for a gap. */
enum approach approach_for(double gap, const struct settings *set);

/* Recommends for analysis a of team (its key, for each item's team and
 * rule text), with in[i] describing a->competencies[i]. Returns 0, or -1
 * when memory is exhausted. */
int recommend(const struct analysis *a, const char *team, const struct rec_input *in,
	      const struct settings *set, struct recommendations *out);

/* Sets the key results each item of r serves: those its team's own view
 * serves on its competency (analysis_link), pointing into a's links. */
void recommend_link_key_results(struct recommendations *r, const struct analysis *a);

/* Recommends for a view with sub-teams (docs/methodology.md,
 * "Departments"): recommend() on each group of s (a's members by their own
 * team, from subteams_build(a)) with the same in and set, gathered by the
 * competencies of a in order and then by group; plus, per competency, one
 * department-wide group (team: team) of the members with a gap whose own
 * team has no group on it, when they come from two teams or more and are
 * as many as a group needs among all of a who need it; their individual
 * recommendations on it are then left out. With one group the result is
 * recommend()'s for that group. Returns 0, or -1 when memory is
 * exhausted (out is then empty). Items point into a, s's teams, in and
 * team, which must outlive out. */
int recommend_gathered(const struct analysis *a, const struct subteams *s, const char *team,
		       const struct rec_input *in, const struct settings *set,
		       struct recommendations *out);

/* Frees what recommend and recommend_gathered allocated. */
void recommendations_free(struct recommendations *r);

#endif
