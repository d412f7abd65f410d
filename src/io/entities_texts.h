/* The translations of a competency or a role in the API's documents
 * (docs/api.md, "Texts in other languages"): reading them into the
 * "texts" object, and writing the "texts" object of a PATCH. */
#ifndef COMPGAP_ENTITIES_TEXTS_H
#define COMPGAP_ENTITIES_TEXTS_H

#include <jansson.h>
#include <stddef.h>

#include "io/entities.h"
#include "store/texts.h"
#include "util/jsonw.h"

/* Writes the field "texts": an object with a member per language that has
 * any translation of competency or role key (kind ENTITY_COMPETENCY or
 * ENTITY_ROLE): {"nl": {"name", "description", "indicators": [...],
 * "levels": [{"level", "descriptor"}]}} for a competency, whose
 * "indicators" run parallel to its nindicators behavioural indicators
 * (null where one has no translation); {"nl": {"name"}} for a role.
 * 0, or -1 with err set (and nothing written). */
int entities_json_texts(struct jw *w, struct store *st, enum entity kind, const char *key,
			size_t nindicators, struct err *err);

/* One text of a request's "texts", and where it was in the request. */
struct patch_text {
	struct library_text t;      /* its key is the entity's, set when written */
	const char *field;          /* "texts.nl.indicators[2]" */
};

struct patch_texts {
	struct patch_text *items;   /* in the arena */
	size_t n, cap;
};

/* Reads the "texts" object v of a competency's (kind ENTITY_COMPETENCY) or
 * a role's document: {"nl": {"name": ..., "description": ...,
 * "indicators": [...], "levels": [{"level", "descriptor"}]}}, where a
 * string sets a translation, null removes it, and what is left out stays
 * as it is (an indicator's translation is at its place in the array).
 * Refuses a language that is not ours (EE_INVALID), a field the document
 * does not have (EE_UNKNOWN_FIELD) and a value of the wrong type
 * (EE_WRONG_TYPE), naming the field. 0, or -1 with fe set. */
int entities_texts_parse(const json_t *v, enum entity kind, struct arena *a,
			 struct patch_texts *out, struct field_error *fe);

/* Stores the texts of entity key (store_put_library_text), inside the
 * caller's transaction, after the entity and its indicators: EE_INVALID
 * naming the request's field when one is refused (an indicator that is
 * not there, a name too long). 0, or -1 with fe set. */
int entities_texts_write(struct store *st, const char *key, const struct patch_texts *t,
			 struct field_error *fe);

#endif
