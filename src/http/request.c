/* What handlers read from a request: its parameters, and its JSON body
 * parsed with jansson. */
#include "http/request.h"

#include <string.h>

static const char *find(const struct http_pair *pairs, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(pairs[i].name, name) == 0)
			return pairs[i].value;
	return NULL;
}

const char *http_param(const struct http_request *req, const char *name)
{
	return find(req->params, req->nparams, name);
}

const char *http_query(const struct http_request *req, const char *name)
{
	return find(req->query, req->nquery, name);
}

json_t *http_json_body(const struct http_ctx *cx)
{
	json_error_t e;
	json_t *v;

	if (cx->req->body == NULL || cx->req->body_len == 0) {
		response_error(cx->resp, 400, "bad_json", NULL, "the request has no JSON body");
		return NULL;
	}
	/* Duplicate keys are refused: which of two values counts would be
	 * a guess. The depth is jansson's (2048 levels at most). */
	v = json_loadb(cx->req->body, cx->req->body_len, JSON_REJECT_DUPLICATES, &e);
	if (v == NULL)
		response_error(cx->resp, 400, "bad_json", NULL, "malformed JSON at line %d, column %d: %s",
			       e.line, e.column, e.text);
	return v;
}
