/* Teams, people, competencies (with their indicators and level
 * descriptors) and roles (with their requirements) one at a time, as the
 * API reads and writes them: JSON bodies parsed into patches, patches
 * checked and written by the CSV import's own code (so that a value the
 * CSV refuses is refused with the same words), and the JSON documents of
 * one entity, of a page of them, and of a page of a person's evidence.
 * docs/api.md ("Teams, people, competencies and roles") describes the
 * documents, the patch rules and evidence over HTTP. */
#ifndef COMPGAP_ENTITIES_H
#define COMPGAP_ENTITIES_H

#include <stdbool.h>
#include <stddef.h>

#include "io/import.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/err.h"
#include "util/jsonw.h"

struct patch_texts;

/* What went wrong, in the terms of the API's error document
 * {"error": {"code", "message", "field"}}. */
enum entity_error {
	EE_NONE,
	EE_MALFORMED,       /* not JSON, or not UTF-8 (400) */
	EE_WRONG_TYPE,      /* a field of the wrong JSON type (400) */
	EE_UNKNOWN_FIELD,   /* a field the document does not have (400) */
	EE_MISSING_FIELD,   /* a required field left out (400) */
	EE_INVALID,         /* a value the checks refuse, as the CSV import would (422) */
	EE_NOT_FOUND,       /* no such key (404) */
	EE_CONFLICT,        /* exists already, or others refer to it (409) */
	EE_STORE            /* the database failed (500; 503 when busy: see err) */
};

struct field_error {
	enum entity_error code;
	char message[ERR_MSG_MAX];   /* lower-case, as the command line words it */
	char field[128];             /* the field: "name", "requirements[2].weight",
				      * "[3].date" in an array; "" for the whole body */
	long problems;               /* how many problems were found (the message
				      * is the first's) */
	struct err err;              /* EE_STORE: the store's error, its sysexits
				      * code and retry flag */
};

/* Sets fe to code, field (NULL or "" for none) and a printf-style
 * message, as the only problem; returns -1. */
int entity_error_set(struct field_error *fe, enum entity_error code, const char *field,
		     const char *fmt, ...) __attribute__((format(printf, 4, 5)));

/* "malformed_json", "wrong_type", "unknown_field", "missing_field",
 * "invalid_value", "not_found", "conflict", "store_failed". */
const char *entity_error_name(enum entity_error e);

/* The HTTP status of an error: 400, 422, 404, 409, 500 (503 when the
 * store was busy or asked for a retry). */
int entity_error_status(const struct field_error *fe);

/* ---- patches ------------------------------------------------------------- */

/* Where a writer that names every bad field (a form) hears of each
 * problem the import's checks find, the first included: field named as
 * in struct field_error, message as the command line words it. */
struct field_sink {
	void (*problem)(void *ctx, const char *field, const char *message);
	void *ctx;
};

enum {
	ENTITY_FIELDS_MAX = 8
};

/* One requirement of a role, as text for the import's checks. */
struct requirement_fields {
	const char *competency;
	const char *required_level;
	const char *weight;             /* NULL: the default (1) */
};

/* The fields of one entity that a request gives. field[] follows the
 * canonical CSV columns of the entity's kind (import_columns: teams key,
 * name, parent; people id, name, email, team, role, manager, active;
 * competencies key, name, category, description, developability; roles
 * only the key): NULL when the field is not given, "" when it is cleared
 * (JSON null), else its text. Strings live in the parser's arena. */
struct entity_patch {
	enum entity kind;
	const char *field[ENTITY_FIELDS_MAX];
	/* competency: its behavioural indicators, replacing all of them */
	bool has_indicators;
	const char **indicators;
	size_t nindicators;
	/* competency: its level descriptors (levels[1..5], NULL: none),
	 * replacing all of them */
	bool has_levels;
	const char *levels[LEVEL_MAX + 1];
	/* role: its requirements, replacing all of them */
	bool has_requirements;
	struct requirement_fields *requirements;
	size_t nrequirements;
	/* competency, role: translations to set or remove, written after
	 * the rest (io/entities_texts.h) */
	bool has_texts;
	struct patch_texts *texts;
	/* NULL, or told of every problem (fe keeps the first) */
	const struct field_sink *sink;
};

enum patch_mode {
	PATCH_CREATE,     /* the key and the name are required */
	PATCH_UPDATE      /* every field optional; the key may only repeat the URL's */
};

/* Parses a JSON object (len bytes) into a patch of kind, with its strings
 * in a. Refuses malformed JSON and bad UTF-8 (EE_MALFORMED), a field that
 * the entity does not have (EE_UNKNOWN_FIELD), a value of the wrong type
 * (EE_WRONG_TYPE) and, when creating, a missing key or name
 * (EE_MISSING_FIELD), naming the field. Returns 0, or -1 with fe set. */
int entity_patch_parse(enum entity kind, enum patch_mode mode, const char *body, size_t len,
		       struct arena *a, struct entity_patch *out, struct field_error *fe);

/* Creates the entity p describes, in one transaction: EE_CONFLICT when its
 * key exists, EE_INVALID with the CSV import's message and the field when
 * a value is refused (a cycle of parents or managers among them). */
int entity_create(struct store *st, const struct entity_patch *p, struct field_error *fe);

/* Changes the fields p gives of the entity key of p->kind, in one
 * transaction; the others keep their values. The key cannot be changed
 * (EE_INVALID when p gives another): it is how every CSV file names the
 * row. EE_NOT_FOUND when there is none. */
int entity_update(struct store *st, const char *key, const struct entity_patch *p,
		  struct field_error *fe);

/* Deletes the entity, in one transaction: EE_CONFLICT when something refers
 * to it (store_delete's message), EE_NOT_FOUND when there is none. */
int entity_delete(struct store *st, enum entity kind, const char *key, struct field_error *fe);

/* The same, inside the caller's open transaction, which the caller
 * commits, or rolls back on failure. */
int entity_create_in(struct store *st, const struct entity_patch *p, struct field_error *fe);
int entity_update_in(struct store *st, const char *key, const struct entity_patch *p,
		     struct field_error *fe);
int entity_delete_in(struct store *st, enum entity kind, const char *key, struct field_error *fe);

/* ---- evidence ------------------------------------------------------------ */

/* Parses one JSON object with the fields of the evidence CSV, or an array
 * of them, into rows of values for import_values_in: *values gets
 * *nrows * 7 strings (person, competency, level, source, date, assessor,
 * note; NULL when not given) in a. level is a JSON number; the rest are
 * strings, assessor and note may be null. *array tells which it was. */
int evidence_json_parse(const char *body, size_t len, struct arena *a, const char ***values,
			size_t *nrows, bool *array, struct field_error *fe);

/* The same, with each object's optional "star" (its STAR note:
 * {"situation", "task", "action", "result"}, each a string of at most
 * STAR_PART_MAX characters or null; or null) into (*stars)[i], in a;
 * evidence_json_parse reads and checks it and drops it. */
struct evidence_star;

/* Writes "star": the note's four parts (null where not given), or null
 * when s is NULL: what the evidence documents carry. */
void entities_json_star(struct jw *w, const struct evidence_star *s);

int evidence_json_parse_star(const char *body, size_t len, struct arena *a, const char ***values,
			     struct evidence_star **stars, size_t *nrows, bool *array,
			     struct field_error *fe);

/* Appends the rows, checked as the CSV import checks them (the same
 * messages), in one transaction: all or none. A problem names the field,
 * "[i].field" when array. Sets *stored to the rows stored. */
int evidence_add(struct store *st, const char *const *values, size_t nrows, bool array,
		 const struct import_options *opts, long *stored, struct field_error *fe);

/* The same inside the caller's open transaction (with its audit entry,
 * say), which the caller commits, or rolls back on failure. */
int evidence_add_in(struct store *st, const char *const *values, size_t nrows, bool array,
		    const struct import_options *opts, long *stored, struct field_error *fe);

/* ---- JSON documents --------------------------------------------------------- */

/* One entity as an object (docs/api.md). A competency's
 * indicators and a role's requirements are read from the store. */
void entities_json_team(struct jw *w, const struct team *t);
void entities_json_person(struct jw *w, const struct person *p);
int entities_json_competency(struct jw *w, struct store *st, const struct competency *c,
			     struct err *err);
int entities_json_role(struct jw *w, struct store *st, const char *role, struct err *err);

/* The document of entity key of kind. Fails with EX_NOINPUT when there is
 * none (and writes nothing). A role is found through the store's key
 * cache, which a transaction reads afresh: call it inside one
 * (store_begin_read) in a long-lived process. */
int entities_json_one(struct jw *w, struct store *st, enum entity kind, const char *key,
		      struct err *err);

/* A page of kind as {"items": [...], "next_cursor": KEY or null}. Fails
 * as store_page_teams and the others do; the document begun is then to be
 * thrown away (a writer to memory, or one whose first chunk was not yet
 * flushed: the team is checked before any item is read). */
int entities_json_page(struct jw *w, struct store *st, enum entity kind,
		       const struct page_query *q, struct err *err);

/* A page of a person's evidence, newest first, as {"items": [...],
 * "next_cursor": ...}; each item has "retracted": null, or {"reason",
 * "at"}. With hide_peer_assessor, peer evidence has "assessor": null (what
 * an employee sees of their own). */
int entities_json_evidence_page(struct jw *w, struct store *st, const char *person,
				const char *after, size_t limit, bool hide_peer_assessor,
				struct err *err);

/* {"error": {"code": ..., "message": ..., "field": ... or null}} */
void entities_json_error(struct jw *w, const struct field_error *fe);

#endif
