/* Objectives, key results and check-ins (issue 14; docs/data-model.md,
 * "OKRs"): what a team, or the whole organisation, sets out to reach in a
 * period, the key results that measure it, and the values their owners
 * check in. The same on both engines: the SQL is in store/okr_sql.h, run
 * by the backend's okr_run. The method (progress, status, forecast) is
 * core/okr.h's; the values of competency key results come from the
 * evidence (views/okr.c).
 *
 * Conventions as in store.h: 0 or -1 with err set; writes inside the
 * caller's write transaction (store_transact), reads inside a read or
 * write one. */
#ifndef COMPGAP_STORE_OKR_H
#define COMPGAP_STORE_OKR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/model.h"
#include "core/okr.h"
#include "store/store.h"
#include "util/arena.h"

enum {
	OKR_TITLE_MAX = NAME_MAX_BYTES,   /* bytes in a title */
	OKR_UNIT_MAX = 40,                /* bytes in a unit ("%", "points") */
	OKR_NOTE_MAX = 2000               /* bytes in a check-in's note or a review */
};

/* One objective. Strings are keys (or text), NUL-terminated, owned by
 * whoever filled the struct (the store's readers: their arena). */
struct objective {
	int64_t id;                      /* set by the store's readers */
	const char *key;
	const char *team;                /* a team's key; NULL: the whole organisation */
	const char *title;
	int32_t start, end;              /* days since 1970-01-01, start <= end */
	const char *owner;               /* a person's key, or NULL */
	const char *parent;              /* an objective's key, or NULL */
	enum okr_interval interval;      /* of check-ins */
	const char *review;              /* the quarterly review's "what we learned";
					  * NULL: none written */
	/* Read back only: where its key results are in the board. */
	size_t first_kr, nkrs;
};

/* One key result of an objective. */
struct key_result {
	int64_t id;                      /* set by the store's readers */
	const char *objective;           /* its objective's key */
	const char *key;                 /* unique among all key results */
	const char *title;
	enum okr_type type;
	const char *competency;          /* OKR_COMPETENCY: a competency's key; else NULL */
	int level;                       /* OKR_COMPETENCY: LEVEL_MIN..LEVEL_MAX; else 0 */
	double target;                   /* OKR_COMPETENCY: a share 0..1 */
	bool has_start_value;            /* metric: always; milestone: 0 when not */
	double start_value;
	const char *unit;                /* NULL: none */
	double weight;                   /* > 0; 1 when not given */
	/* Read back only: where its check-ins are in the board. */
	size_t first_checkin, ncheckins;
};

/* One check-in of a metric or milestone key result: the value on a day.
 * A key result has at most one per day; another replaces it. */
struct checkin {
	const char *key_result;          /* its key */
	int32_t date;
	double value;
	bool has_confidence;
	double confidence;               /* 0..1: the owner's belief in the target */
	const char *note;                /* NULL: none */
};

/* Which objectives a board holds. */
enum okr_scope {
	OKR_OF_TEAM,                     /* those of one team (not its sub-teams) */
	OKR_OF_ORGANISATION,             /* those of the whole organisation (no team) */
	OKR_ALL,                         /* every objective */
	OKR_ONE                          /* one objective, by key */
};

struct okr_query {
	enum okr_scope scope;
	const char *team;                /* OKR_OF_TEAM: its key (stored, else
					  * store_require_key's error) */
	const char *key;                 /* OKR_ONE: the objective's key */
	bool active_only;                /* only those whose period holds active_on */
	int32_t active_on;
};

/* Objectives with their key results and check-ins, all in one arena.
 * Objectives by start date, then key; each one's key results in the
 * order they were first stored (objective.first_kr, nkrs index krs);
 * each key result's check-ins by date (key_result.first_checkin,
 * ncheckins index checkins). */
struct okr_board {
	struct objective *objectives;
	size_t nobjectives;
	struct key_result *krs;
	size_t nkrs;
	struct checkin *checkins;
	size_t ncheckins;
};

/* Stores objectives o[0..n), each added or, when its key is stored,
 * replaced (keeping its key results and check-ins, and what its keep bits
 * say), in the order given: a parent must be stored or come earlier. The
 * team, owner and parent are keys of stored rows (the importer checked
 * them: a missing one fails with EX_DATAERR naming it), and no objective
 * may become its own ancestor (EX_DATAERR naming the cycle). */
int store_okr_put_objectives(struct store *st, const struct objective *o, size_t n,
			     struct err *err);

/* Stores key results k[0..n) of stored objectives, each added or, when
 * its key is stored, replaced (keeping its check-ins). EX_DATAERR when a
 * key result with check-ins would become a competency key result (naming
 * it and how many), or a key names no stored objective or competency. */
int store_okr_put_key_results(struct store *st, const struct key_result *k, size_t n,
			      struct err *err);

/* Stores check-ins c[0..n) of stored metric or milestone key results, a
 * check-in of a key result on a day that has one replacing it. EX_DATAERR
 * when a key result is not stored or is a competency key result. */
int store_okr_put_checkins(struct store *st, const struct checkin *c, size_t n,
			   struct err *err);

/* Sets the review of objective key (NULL or "" removes it). EX_DATAERR
 * when there is no such objective. */
int store_okr_set_review(struct store *st, const char *key, const char *review,
			 struct err *err);

/* Reads the objectives q selects, with their key results and check-ins,
 * into *out, all in a. */
int store_okr_board(struct store *st, const struct okr_query *q, struct arena *a,
		    struct okr_board *out, struct err *err);

/* The key result of key and its objective (strings in a): 1 found, 0
 * none. For the access checks of a check-in. */
int store_okr_key_result(struct store *st, const char *key, struct arena *a,
			 struct key_result *kr, struct objective *objective, struct err *err);

/* How many objectives and key results refer to row id of kind (teams:
 * their objectives; people: the objectives they own; competencies: the
 * key results on them), for store_delete's refusal; 0 for other kinds. */
int store_okr_refs(struct store *st, enum entity kind, int64_t id, int64_t *n, struct err *err);

/* The privacy erasure of person row id: they own no objective any more
 * (*unlinked gets how many they owned). */
int store_okr_erase_person(struct store *st, int64_t id, int64_t *unlinked, struct err *err);

#endif
