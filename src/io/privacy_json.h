/* The privacy export (docs/security.md, "Privacy rights"; docs/api.md):
 * everything stored about one person as one JSON document, for the right
 * of access and the right to data portability. `compgap privacy export`
 * and GET /api/v1/people/{key}/privacy-export write it with this
 * function. Never a password or token hash, never a session's token. */
#ifndef COMPGAP_PRIVACY_JSON_H
#define COMPGAP_PRIVACY_JSON_H

#include <stdbool.h>

#include "store/store.h"
#include "util/jsonw.h"

/* How much of the assessors an export names. */
struct privacy_export_opts {
	/* The assessors of peer evidence as null, as an employee's own
	 * evidence page shows them (docs/security.md): for an export that
	 * the person asks for themselves. */
	bool hide_peer_assessors;
};

/* Writes the export of person (a key) to w:
 * {"format", "person": the record, "evidence": every row about them
 * (retracted ones too, with the retraction; newest first), "assessed":
 * the rows they recorded as assessor of someone else (without whom),
 * "users": their accounts with their sessions, "tokens": API tokens
 * linked to them, "audit": {"concerning": entries whose person is them,
 * "by": entries by (or about) their users and tokens}}. Keys of other
 * people in the entries "by" them are null. Call it inside a read
 * transaction. Fails with EX_NOINPUT, writing nothing, when there is no
 * such person; on other failures the document is unfinished. */
int privacy_export_json(struct jw *w, struct store *st, const char *person,
			const struct privacy_export_opts *o, struct err *err);

#endif
