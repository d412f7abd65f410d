/* The domain's entities, as plain structs that every layer shares. Strings
 * are UTF-8 and owned by whoever filled the struct (usually an arena).
 * docs/data-model.md describes each field for users. */
#ifndef COMPGAP_MODEL_H
#define COMPGAP_MODEL_H

#include <stdbool.h>
#include <stdint.h>

enum {
	LEVEL_MIN = 1,          /* levels run from 1 (basic) ... */
	LEVEL_MAX = 5,          /* ... to 5 (expert) */
	WEIGHT_MIN = 1,         /* criticality of a required competency */
	WEIGHT_MAX = 3,
	LEVEL_DECIMALS_MAX = 6, /* digits after the point in an evidence level */
	KEY_MAX = 100,          /* bytes in a key or a person's id */
	NAME_MAX_BYTES = 200,   /* bytes in a name, category or email */
	TEXT_MAX = 10000        /* bytes in a description, indicator or note */
};

/* Where a piece of evidence comes from; the order is the order of
 * source_names and never changes (it is not stored as a number). */
enum source {
	SOURCE_SELF,
	SOURCE_MANAGER,
	SOURCE_PEER,
	SOURCE_ASSESSMENT,      /* a development assessment */
	SOURCE_TEST,
	SOURCE_QA,              /* quality evaluation of a recorded contact */
	SOURCE_CUSTOMER,        /* customer feedback */
	SOURCE_COUNT
};

/* How far a competency can be developed by training and coaching. */
enum developability {
	DEV_UNSET,              /* not stated */
	DEV_LOW,
	DEV_MEDIUM,
	DEV_HIGH
};

/* Bits of the keep masks below: on input, an optional field that was not
 * given (its column left out) keeps its stored value. */
enum {
	KEEP_PARENT = 1 << 0,
	KEEP_EMAIL = 1 << 0,
	KEEP_TEAM = 1 << 1,
	KEEP_ROLE = 1 << 2,
	KEEP_MANAGER = 1 << 3,
	KEEP_ACTIVE = 1 << 4,
	KEEP_CATEGORY = 1 << 0,
	KEEP_DESCRIPTION = 1 << 1,
	KEEP_DEVELOPABILITY = 1 << 2,
	KEEP_WEIGHT = 1 << 0
};

struct team {
	const char *key;        /* unique, stable identifier */
	const char *name;
	const char *parent;     /* key of the parent team, NULL for a root */
	unsigned keep;          /* KEEP_PARENT */
};

struct person {
	const char *key;        /* the HR number, "id" in CSV */
	const char *name;
	const char *email;      /* NULL when unknown */
	const char *team;       /* team key, NULL when in no team */
	const char *role;       /* role key, NULL when no function profile */
	const char *manager;    /* person key, NULL when none */
	bool active;            /* false for people who left; kept for history */
	unsigned keep;          /* KEEP_EMAIL, KEEP_TEAM, KEEP_ROLE, KEEP_MANAGER, KEEP_ACTIVE */
};

struct competency {
	const char *key;
	const char *name;
	const char *category;   /* NULL when none */
	const char *description;/* the definition; NULL when none */
	enum developability developability;
	unsigned keep;          /* KEEP_CATEGORY, KEEP_DESCRIPTION, KEEP_DEVELOPABILITY */
};

/* A behavioural indicator (level 0) or the descriptor of a level (1..5). */
struct indicator {
	const char *competency; /* competency key */
	int level;              /* 0 for a behavioural indicator, else 1..5 */
	const char *text;
};

/* One competency that a role (function profile) requires. */
struct requirement {
	const char *role;       /* role key */
	const char *competency; /* competency key */
	int required_level;     /* LEVEL_MIN..LEVEL_MAX */
	int weight;             /* WEIGHT_MIN..WEIGHT_MAX */
	unsigned keep;          /* KEEP_WEIGHT (a new requirement then gets WEIGHT_MIN) */
};

/* One observation of one person's level on one competency. */
struct evidence {
	int64_t id;             /* store id, 0 before it is stored */
	const char *person;     /* person key */
	const char *competency; /* competency key */
	double level;           /* 1.0 .. 5.0 */
	int level_decimals;     /* digits after the point as written, for export */
	enum source source;
	int32_t date;           /* days since 1970-01-01 */
	const char *assessor;   /* person key, NULL when not recorded */
	const char *note;       /* NULL when none */
};

/* The lower-case name of a source ("self", "qa" ...). */
const char *source_name(enum source s);

/* Parses a source name; returns 0, or -1 when name is none of them. */
int source_parse(const char *name, enum source *s);

/* The valid source names joined with ", ", for error messages. */
const char *source_list(void);

struct arena;

/* Copies src into dst with its strings in the arena, so that it outlives
 * a store callback. Returns 0, or -1 when the arena is exhausted. */
int person_copy(struct person *dst, const struct person *src, struct arena *a);

/* "high", "medium", "low", or "" for DEV_UNSET. */
const char *developability_name(enum developability d);

/* Parses "high", "medium", "low" or "" (DEV_UNSET); 0 or -1. */
int developability_parse(const char *name, enum developability *d);

#endif
