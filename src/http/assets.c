/* GET /assets/{name}: the built-in static files (http/assets.h).
 *
 * Why Cache-Control: no-cache and not a year: the names are not
 * content-hashed (app.css, not app.3f2a.css), so a browser that kept a
 * file for a year would run an old application against a new server.
 * With no-cache it asks each time and gets a 304 with no body while the
 * ETag (a hash of the bytes, computed when the binary was built) is the
 * same: one round trip, no transfer. */
#include "http/assets.h"

#include <string.h>

#include "http/handler.h"

const struct asset *asset_find(const char *name)
{
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < assets_count; i++)
		if (strcmp(assets[i].name, name) == 0)
			return &assets[i];
	return NULL;
}

bool asset_etag_matches(const char *if_none_match, const char *etag)
{
	size_t n = strlen(etag);
	const char *p = if_none_match;

	if (p == NULL)
		return false;
	for (;;) {
		size_t len;

		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		if (*p == '\0')
			return false;
		if (*p == '*')
			return true;
		if (strncmp(p, "W/", 2) == 0)
			p += 2;
		if (*p != '"')
			return false;    /* not an entity-tag: the list is malformed */
		len = strcspn(p + 1, "\"");
		if (p[1 + len] != '"')
			return false;
		len += 2;    /* the quotes */
		if (len == n && strncmp(p, etag, n) == 0)
			return true;
		p += len;
	}
}

int handle_asset(struct http_ctx *cx)
{
	const struct asset *a = asset_find(http_param(cx->req, "name"));
	struct http_response *r = cx->resp;

	if (http_only_query(cx, NULL, 0) < 0)
		return 0;
	if (a == NULL)
		return response_error(r, 404, "not_found", NULL, "there is no asset '%.100s'",
				      http_param(cx->req, "name"));
	r->content_type = a->content_type;
	r->etag = a->etag;
	r->cache_control = "no-cache";
	if (asset_etag_matches(cx->req->if_none_match, a->etag)) {
		r->status = 304;
		return 0;
	}
	r->status = 200;
	r->static_body = a->data;
	r->static_len = a->size;
	return 0;
}
