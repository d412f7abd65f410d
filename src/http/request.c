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

json_t *http_body_object(struct http_ctx *cx, const char *const *names, size_t n,
			 const char *what)
{
	json_t *root = http_json_body(cx), *v;
	const char *name;

	if (root == NULL)
		return NULL;
	if (!json_is_object(root)) {
		response_error(cx->resp, 400, "wrong_type", NULL, "the body must be an object: %s",
			       what);
		json_decref(root);
		return NULL;
	}
	json_object_foreach(root, name, v) {
		size_t i = 0;

		while (i < n && strcmp(name, names[i]) != 0)
			i++;
		if (i == n) {
			response_error(cx->resp, 400, "unknown_field", name,
				       "unknown field '%.60s'; %s", name, what);
			json_decref(root);
			return NULL;
		}
	}
	return root;
}

const char *http_text_field(struct http_ctx *cx, json_t *root, const char *name, bool *bad)
{
	json_t *v = json_object_get(root, name);

	if (v == NULL || json_is_null(v) || *bad)
		return NULL;
	if (!json_is_string(v)) {
		response_error(cx->resp, 400, "wrong_type", name, "%s must be a string", name);
		*bad = true;
		return NULL;
	}
	return arena_strdup(cx->arena, json_string_value(v));
}
