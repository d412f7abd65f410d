/* Reading a request's JSON body (http_param and http_query, the
 * parameters, are declared in http/http.h). */
#ifndef COMPGAP_HTTP_REQUEST_H
#define COMPGAP_HTTP_REQUEST_H

#include <jansson.h>

#include "http/handler.h"

/* The body parsed as JSON (the caller owns it: json_decref), or NULL
 * with a 400 {"error": {"code": "bad_json", ...}} set in cx->resp, the
 * message giving the line and column. The body's size was checked
 * against the route's limit (413) and its Content-Type (415) before the
 * handler was called. */
json_t *http_json_body(const struct http_ctx *cx);

#endif
