/* Writing one team, person, competency or role with its audit entry: the
 * code behind the API's POST, PATCH and DELETE (http/entities_write.c)
 * and the library's edit pages (web/library_*.c), so that both refuse
 * and log alike (docs/security.md, "The audit log"). */
#ifndef COMPGAP_HTTP_ENTITY_WRITE_H
#define COMPGAP_HTTP_ENTITY_WRITE_H

#include <stdbool.h>

#include "http/handler.h"
#include "io/entities.h"

enum http_write_op {
	HTTP_WRITE_CREATE,
	HTTP_WRITE_UPDATE,
	HTTP_WRITE_DELETE
};

/* Whether caller may create, change and delete entities: admin and hr
 * (docs/security.md). */
bool http_entity_writer(const struct http_caller *caller);

/* The audit action of a write: "competency.update", "role.delete" ... */
const char *http_entity_action(enum entity kind, enum http_write_op op);

/* Writes what op means for key of kind (p: the patch of a create or an
 * update; NULL for a delete; a create's key is p's) in one transaction
 * with its audit entry (outcome "ok"), by entity_create_in,
 * entity_update_in or entity_delete_in. The caller has checked that
 * cx's caller may write (http_entity_writer). On a refusal the entry is
 * written after, with outcome "failed" and the message as its detail.
 * 0 written; -1 not written, with fe set (fe->code EE_NONE when begin,
 * commit or the audit entry failed: then err says why). Nothing is
 * answered. */
int http_entity_apply(struct http_ctx *cx, struct store *st, enum entity kind,
		      enum http_write_op op, const char *key, const struct entity_patch *p,
		      struct field_error *fe, struct err *err);

#endif
