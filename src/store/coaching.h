/* Coaching sessions, stored (issue 13 item 6; docs/data-model.md,
 * "Coaching sessions"; docs/methodology.md, "Coaching sessions"): a
 * coach, a date, an optional topic, one agent or a group of them, the
 * evaluations discussed, STAR notes of the examples discussed, the
 * development items agreed, and the follow-ups of earlier items recorded
 * at this session. The same on both engines: the SQL is in
 * store/coaching_sql.h, run by the backend's coach_run.
 *
 * Conventions as in store.h: 0 or -1 with err set; writes inside the
 * caller's write transaction. A problem with the session's content fails
 * with EX_DATAERR and names its field ("items[0].competency") in field
 * (COACH_FIELD_MAX bytes) when that is not NULL. */
#ifndef COMPGAP_STORE_COACHING_H
#define COMPGAP_STORE_COACHING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/star.h"
#include "store/store.h"
#include "util/arena.h"

enum {
	COACH_TOPIC_MAX = 200,       /* characters of a topic */
	COACH_TEXT_MAX = 2000,       /* characters of an action or a note */
	COACH_LIST_MAX = 100,        /* agents, evaluations, notes, items or
					follow-ups of one session */
	COACH_FIELD_MAX = 64
};

/* A follow-up's status; coach_status_names[s] is its name in the
 * documents and the database: "done", "partly", "not_done". */
enum coach_status { COACH_DONE, COACH_PARTLY, COACH_NOT_DONE, COACH_STATUSES };
extern const char *const coach_status_names[COACH_STATUSES];

/* The status named s: 0 and *out, or -1. */
int coach_status_parse(const char *s, enum coach_status *out);

/* A STAR note of an example discussed. */
struct coach_star {
	const char *agent;           /* whom it is about; NULL: the group's
					(in a session of one agent, theirs) */
	struct evidence_star star;   /* at least one part */
};

/* A development item. */
struct coach_item {
	const char *session;         /* read: its session's key */
	int32_t session_date;        /* read: its session's date */
	int number;                  /* 1.. in its session (given in order) */
	const char *agent;           /* NULL on input: the session's one agent */
	const char *competency;      /* a competency key, or NULL */
	const char *area;            /* a scorecard area's name, or NULL; exactly
					one of competency and area is given */
	const char *action;          /* the agent's own action */
	int32_t follow_up;           /* the date to follow it up */
	const char *status;          /* read: its latest follow-up's status, or NULL */
	const char *note;            /* read: that follow-up's note, or NULL */
};

/* The follow-up of an earlier session's item, recorded at this one. */
struct coach_followup {
	const char *item;            /* "SESSION#N" */
	enum coach_status status;
	const char *note;            /* NULL: none */
	struct coach_item about;     /* read: the item (session, number, agent,
					competency or area, action, follow_up) */
};

/* An evaluation discussed. */
struct coach_evaluation {
	const char *key;
	const char *agent;           /* read: the evaluation's agent */
	int32_t date;                /* read */
	const char *contact;         /* read */
	bool retracted;              /* read: retracted since */
};

/* A session, whole. */
struct coach_session {
	const char *key;             /* NULL on input: CS and its id */
	const char *coach;           /* a person's key; NULL when read after the
					coach's erasure */
	int32_t date;
	const char *topic;           /* NULL: none */
	const char *created_at;      /* read */
	const char **agents;         /* at least one, distinct; read in key order */
	size_t nagents;
	struct coach_evaluation *evaluations;
	size_t nevaluations;
	struct coach_star *stars;
	size_t nstars;
	struct coach_item *items;
	size_t nitems;
	struct coach_followup *followups;
	size_t nfollowups;
};

/* Checks s against the store and stores it in the open transaction: the
 * key (when given) is new; the coach and the agents are stored people,
 * the coach not among the agents; each evaluation is one of an agent's,
 * in force, named once; a note's or an item's agent is one of the
 * session's (required of an item in a group session); an item's
 * competency is stored or its area is a scorecard's; its follow-up date
 * is on or after the session's; a follow-up names an item of an earlier
 * or the same day's session about one of the agents, not followed up as
 * done, once. key_out (KEY_MAX + 1 bytes) gets the session's key. The
 * lengths and dates of the parts were checked by the caller
 * (coach_check). */
int store_put_coaching(struct store *st, const struct coach_session *s, char *key_out,
		       char *field, struct err *err);

/* Checks what needs no store: the key's shape, a topic, note, action or
 * follow-up note within its length, at least one agent, at most
 * COACH_LIST_MAX of each list, each note with a part, each item with
 * exactly one of competency and area and an action. */
int coach_check(const struct coach_session *s, char *field, struct err *err);

/* Reads session key into out, everything in the arena a: 1 found, 0 none,
 * -1 with err set. */
int store_get_coaching(struct store *st, const char *key, struct arena *a,
		       struct coach_session *out, struct err *err);

/* A session as a list shows it. */
struct coach_brief {
	const char *key;
	int32_t date;
	const char *coach;           /* NULL after the coach's erasure */
	const char *topic;           /* NULL: none */
	long nagents;                /* of the person's list: the session's agents */
	const char **agents;         /* of the team's list: its agents in the team */
	size_t nteam_agents;
	const char *row_agent;       /* internal: one row's agent */
};

/* The sessions person (a key) was coached at, newest first, and every
 * development item agreed with them, by follow-up date, in a. */
int store_person_coaching(struct store *st, const char *person, struct arena *a,
			  struct coach_brief **sessions, size_t *nsessions,
			  struct coach_item **items, size_t *nitems, struct err *err);

/* The sessions of the members of team and its sub-teams, newest first,
 * each with its agents in the team, in a. */
int store_team_coaching(struct store *st, const char *team, struct arena *a,
			struct coach_brief **sessions, size_t *n, struct err *err);

/* Whether item is still open: no follow-up said it was done. */
bool coach_item_open(const struct coach_item *item);

/* An evaluation of an agent, for the session form. */
struct coach_recent {
	const char *key, *contact, *channel, *kind;
	int32_t date;
};

/* Person's evaluations in force dated from on, newest first, at most 50,
 * in a. */
int store_recent_evaluations(struct store *st, const char *person, int32_t from,
			     struct arena *a, struct coach_recent **out, size_t *n,
			     struct err *err);

#endif
