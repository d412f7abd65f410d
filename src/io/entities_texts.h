/* The translations of a competency or a role in the API's documents
 * (docs/api.md, "Texts in other languages"): reading them into the
 * "texts" object, and writing the "texts" object of a PATCH. */
#ifndef COMPGAP_ENTITIES_TEXTS_H
#define COMPGAP_ENTITIES_TEXTS_H

#include <stddef.h>

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

#endif
