/* Development plans (issue 13, item 7; docs/data-model.md, "Development
 * plans"): per person, actions of a kind on one competency, with a mentor
 * where there is one, a due date and a status; an action entered by hand
 * or accepted from a recommendation of the gap engine (its rule and
 * identity kept). The same on both engines: the SQL is in
 * store/plans_sql.h, run by the backend's plan_run.
 *
 * Conventions as in store.h: 0 or -1 with err set; writes inside the
 * caller's write transaction (store_transact), reads inside a read or
 * write one. */
#ifndef COMPGAP_STORE_PLANS_H
#define COMPGAP_STORE_PLANS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"
#include "util/arena.h"

enum plan_kind {
	PLAN_TRAINING,
	PLAN_INDIVIDUAL_COACHING,
	PLAN_GROUP_COACHING,
	PLAN_MENTORING,
	PLAN_CROSS_TRAINING,
	PLAN_JOB_ROTATION,
	PLAN_STRETCH_ASSIGNMENT,
	PLAN_EXTERNAL_COURSE,
	PLAN_SELF_STUDY,
	PLAN_KIND_COUNT
};

enum plan_status {
	PLAN_PLANNED,
	PLAN_IN_PROGRESS,
	PLAN_DONE,
	PLAN_DROPPED,
	PLAN_STATUS_COUNT
};

enum {
	PLAN_DESCRIPTION_MAX = 2000,     /* bytes */
	PLAN_REF_MAX = 400               /* bytes of a recommendation's identity */
};

/* The stored names ("individual_coaching", "in_progress"); NULL out of
 * range. */
const char *plan_kind_name(enum plan_kind k);
const char *plan_status_name(enum plan_status s);

/* Parses a stored name: 0, or -1 when s is none of them. */
int plan_kind_parse(const char *s, enum plan_kind *k);
int plan_status_parse(const char *s, enum plan_status *out);

/* The names joined by ", " ("training, individual_coaching, ..."): for
 * the messages that say what is valid. Static storage. */
const char *plan_kind_list(void);
const char *plan_status_list(void);

/* Whether an action of status s due on due is overdue on today: open
 * (planned or in progress) and due before today. */
bool plan_overdue(enum plan_status s, bool has_due, int32_t due, int32_t today);

/* One action. Strings are keys, NUL-terminated, owned by whoever filled
 * the struct (the store's readers: their arena). */
struct plan_action {
	int64_t id;                      /* set by the store */
	const char *person, *person_name;
	enum plan_kind kind;
	const char *competency, *competency_name;
	const char *mentor;              /* a person's key, or NULL (none, or withheld:
					  * plan_withhold_mentors) */
	const char *mentor_team;         /* the mentor's team key, or NULL */
	bool mentor_withheld;            /* there is a mentor the reader may not see */
	const char *description;         /* NULL: none */
	bool has_due;
	int32_t due;                     /* days since 1970-01-01 */
	enum plan_status status;
	const char *created_at, *updated_at;   /* 2026-11-23T10:00:00Z */
	const char *source_rule;         /* the recommendation's rule ("mentor"), NULL: by hand */
	const char *source_ref;          /* its identity, NULL: by hand */
};

/* What a refused write names: the field at fault ("person", "competency",
 * "mentor", "description", "status", "id"), for the API's answer. */
struct plan_fault {
	const char *field;               /* static; NULL when the store failed */
};

/* Stores a (its id, person_name, competency_name, created_at and
 * updated_at ignored; now is the time of both) and sets *id. Fails with
 * EX_DATAERR naming the field when the person, competency or mentor is
 * not stored, the mentor is the person, or the description is longer than
 * PLAN_DESCRIPTION_MAX; and when a is accepted from a recommendation
 * (source_ref set) that an open action of the person already came from
 * (naming that action). */
int store_plan_add(struct store *st, const struct plan_action *a, const char *now, int64_t *id,
		   struct plan_fault *f, struct err *err);

/* Sets the status of action id to s at now; *old gets the status it had
 * (nothing changes when it is s already). EX_DATAERR when there is no
 * action id. */
int store_plan_set_status(struct store *st, int64_t id, enum plan_status s, const char *now,
			  enum plan_status *old, struct plan_fault *f, struct err *err);

/* Reads action id into *out (strings in a): 1 when there is one, 0 when
 * not. */
int store_plan_get(struct store *st, int64_t id, struct arena *a, struct plan_action *out,
		   struct err *err);

/* The actions of person (a stored key: else store_require_key's error),
 * open first (in progress, planned), then done, then dropped; within a
 * status by due date (none last), then id. Into *out (n in *n), all in
 * a. */
int store_plan_of_person(struct store *st, const char *person, struct arena *a,
			 struct plan_action **out, size_t *n, struct err *err);

/* The open actions of active people due before today, the earliest due
 * first (then id), all in a. */
int store_plan_overdue(struct store *st, int32_t today, struct arena *a,
		       struct plan_action **out, size_t *n, struct err *err);

/* The open actions (planned, in progress) of active people on
 * competency (a key), by person key, then id, all in a: what the
 * "what if" of an OKR counts (views/okr.h). */
int store_plan_open_on(struct store *st, const char *competency, struct arena *a,
		       struct plan_action **out, size_t *n, struct err *err);

/* How many actions refer to person or competency row id (kind
 * ENTITY_PERSON: theirs and those they mentor; ENTITY_COMPETENCY: those
 * on it), for store_delete's refusal; 0 for other kinds. */
int store_plan_refs(struct store *st, enum entity kind, int64_t id, int64_t *n, struct err *err);

/* The privacy erasure of person row id: their actions deleted (*deleted
 * gets how many), and they are nobody's mentor any more. */
int store_plan_erase_person(struct store *st, int64_t id, int64_t *deleted, struct err *err);

#endif
