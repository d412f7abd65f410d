/* What http/entities.c (reads) and http/entities_write.c (writes) share. */
#ifndef COMPGAP_HTTP_ENTITIES_INT_H
#define COMPGAP_HTTP_ENTITIES_INT_H

#include "http/handler.h"
#include "store/store.h"
#include "util/jsonw.h"

/* The rows of a list page when ?limit= is not given. */
enum { HTTP_ENTITY_PAGE = 100 };

/* "team", "person", "competency", "role" by enum entity. */
extern const char *const http_entity_word[ENTITY_KEYED];

/* Writes the JSON document that write() makes (0, or -1 with err set)
 * into the response with status, through an unlinked temporary file.
 * 0, or -1 with the response set to the error (a cursor that is none:
 * 400 naming "cursor"). */
int http_entity_document(struct http_ctx *cx, int status,
			 int (*write)(struct jw *w, void *arg, struct err *err), void *arg);

/* Answers status with the stored document of key of kind, read in a
 * transaction of its own (after a write committed). 0, or -1 with the
 * response set to the error. */
int http_entity_written(struct http_ctx *cx, struct store *st, enum entity kind,
			const char *key, int status);

#endif
