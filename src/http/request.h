/* Reading a request's JSON body (http_param and http_query, the
 * parameters, are declared in http/http.h). */
#ifndef COMPGAP_HTTP_REQUEST_H
#define COMPGAP_HTTP_REQUEST_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "http/handler.h"

/* The body parsed as JSON (the caller owns it: json_decref), or NULL
 * with a 400 {"error": {"code": "bad_json", ...}} set in cx->resp, the
 * message giving the line and column. The body's size was checked
 * against the route's limit (413) and its Content-Type (415) before the
 * handler was called. */
json_t *http_json_body(const struct http_ctx *cx);

/* The body parsed as a JSON object whose fields are all among
 * names[0..n) (the caller owns it), or NULL with the 400 answered: bad
 * JSON, not an object ("the body must be an object: WHAT"), or an
 * unknown field, named ("unknown field 'x'; WHAT"). */
json_t *http_body_object(struct http_ctx *cx, const char *const *names, size_t n,
			 const char *what);

/* A string field of root, copied into the request's arena; NULL when
 * absent or null, or when *bad is set already. A field of another type
 * answers 400 naming it and sets *bad. */
const char *http_text_field(struct http_ctx *cx, json_t *root, const char *name, bool *bad);

#endif
