/* The server's side of the browser's pages (http/page_auth.h). */
#include "http/page_auth.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "auth/auth.h"
#include "http/form.h"
#include "http/multipart.h"
#include "http/signin.h"
#include "web/page.h"

enum {
	NEXT_MAX = 2048     /* bytes of a next address */
};

void page_login_redirect(struct http_response *r, const struct http_request *req,
			 const char *target, struct arena *a)
{
	char token[AUTH_TOKEN_MAX];
	bool had_session = http_cookie_value(req->cookie, HTTP_SESSION_COOKIE, token,
					     sizeof token) != NULL && token[0] != '\0';
	bool get = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
	struct buf b;

	auth_wipe(token, sizeof token);
	buf_init(&b, 3 * NEXT_MAX + 64);
	(void)buf_adds(&b, "/login");
	/* A form sent after the session ended returns to its page (the
	 * path, whose GET shows the form again); a sign-out needs none. */
	if (strcmp(req->path, "/logout") != 0 && strcmp(req->path, "/") != 0) {
		(void)buf_adds(&b, "?next=");
		if (strlen(target) > NEXT_MAX || form_url_encode(&b, get ? target : req->path) < 0)
			(void)buf_adds(&b, "/");
		if (had_session)
			(void)buf_adds(&b, "&expired=1");
	} else if (had_session && strcmp(req->path, "/") == 0) {
		(void)buf_adds(&b, "?expired=1");
	}
	response_text(r, 303, HTTP_HTML, "");
	r->location = arena_strdup(a, buf_str(&b));
	r->cache_control = "no-store";
	buf_free(&b);
}

bool page_csrf_ok(const struct http_caller *c, const char *token)
{
	struct auth_session s = { 0 };

	if (c == NULL || !c->by_cookie || token == NULL)
		return false;
	(void)snprintf(s.csrf_hash, sizeof s.csrf_hash, "%s", c->csrf_hash);
	return auth_csrf_ok(&s, token) == 1;
}

bool page_same_origin(const struct http_request *req)
{
	const char *o = req->origin, *host;

	bool fetch_same = req->sec_fetch_site != NULL &&
			  strcasecmp(req->sec_fetch_site, "same-origin") == 0;

	/* A browser says where a request comes from in Sec-Fetch-Site, which
	 * no page can set: anything but same-origin is another site's. */
	if (req->sec_fetch_site != NULL && !fetch_same)
		return false;
	if (o == NULL)
		return true;
	/* Under the server's Referrer-Policy: no-referrer, a browser sends
	 * "Origin: null" with its own forms (Fetch, "serializing a request
	 * origin"); Sec-Fetch-Site then tells. */
	if (strcmp(o, "null") == 0)
		return fetch_same;
	/* "https://host:port" against Host "host:port": the scheme is left
	 * out, as a proxy that ends TLS gives this server plain HTTP. */
	if (strncasecmp(o, "http://", 7) == 0)
		host = o + 7;
	else if (strncasecmp(o, "https://", 8) == 0)
		host = o + 8;
	else
		return false;
	return req->host != NULL && strcasecmp(host, req->host) == 0;
}

bool page_next_ok(const char *next)
{
	size_t n;

	if (next == NULL || next[0] != '/' || next[1] == '/' || next[1] == '\\')
		return false;
	n = strlen(next);
	if (n > NEXT_MAX)
		return false;
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)next[i] < 0x20 || next[i] == 0x7f || next[i] == '\\')
			return false;
	return true;
}

int page_form_read(struct http_ctx *cx, struct http_request *req)
{
	struct form *f = arena_alloc(cx->arena, sizeof *f);
	char msg[160];
	const struct http_caller *c = req->caller;

	if (f == NULL)
		return page_error(cx, 500, NULL), -1;
	if (req->content_type != NULL && strncasecmp(req->content_type, "multipart/", 10) == 0) {
		/* An upload (BODY_UPLOAD, the only route the dispatcher lets
		 * multipart through to): the file stays in the body. */
		struct multipart_file *file = arena_alloc(cx->arena, sizeof *file);
		char boundary[MULTIPART_BOUNDARY_MAX + 1];

		if (file == NULL)
			return page_error(cx, 500, NULL), -1;
		if (multipart_boundary(req->content_type, boundary) < 0)
			return page_error(cx, 400, "the form has no valid boundary"), -1;
		if (multipart_parse(req->body, req->body_len, boundary, cx->arena, f, file, msg,
				    sizeof msg) < 0)
			return page_error(cx, 400, msg), -1;
		req->upload = file;
	} else if (form_parse(req->body, req->body_len, cx->arena, f, msg, sizeof msg) < 0) {
		return page_error(cx, 400, msg), -1;
	}
	req->form = f;
	/* The form's csrf_token stands for the API's X-CSRF-Token header:
	 * a page of another site can make the browser send the cookie, but
	 * cannot know the token. */
	if (c != NULL && c->by_cookie && !c->csrf_ok && !page_csrf_ok(c, form_get(f, "csrf_token"))) {
		page_error(cx, 403, NULL);
		cx->resp->error_code = "csrf";
		return -1;
	}
	return 0;
}
