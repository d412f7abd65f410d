/* A page's context, its file, its end (web/page.h). */
#include "web/page.h"

#include <string.h>

#include "http/form.h"
#include "http/page_auth.h"
#include "http/signin.h"

/* The language cookie lives a year (docs/web.md); Lax, so that a link
 * from another site still opens the page in the chosen language. */
#define LANG_COOKIE "lang=%s; Path=/; SameSite=Lax; Max-Age=31536000"

static enum lang choose_lang(struct http_ctx *cx)
{
	const char *asked = http_query(cx->req, "lang");
	char cookie[16];
	enum lang l;

	if (lang_parse(asked, &l) && strlen(asked) == 2) {
		(void)snprintf(cx->resp->set_cookie_more[1], sizeof cx->resp->set_cookie_more[1],
			       LANG_COOKIE, lang_code(l));
		return l;
	}
	return lang_negotiate(http_cookie_value(cx->req->cookie, "lang", cookie, sizeof cookie),
			      cx->req->accept_language);
}

enum lang page_lang(struct http_ctx *cx)
{
	return choose_lang(cx);
}

int page_begin(struct page *p, struct http_ctx *cx)
{
	char csrf[AUTH_TOKEN_MAX];

	memset(p, 0, sizeof *p);
	p->cx = cx;
	p->caller = cx->req->caller;
	p->form = cx->req->form;
	p->lang = choose_lang(cx);
	/* The token goes into the page's forms only when it is the
	 * session's: a stale cookie from an earlier session would make
	 * every form fail. */
	if (p->caller != NULL &&
	    http_cookie_value(cx->req->cookie, HTTP_CSRF_COOKIE, csrf, sizeof csrf) != NULL &&
	    page_csrf_ok(p->caller, csrf))
		memcpy(p->csrf, csrf, sizeof p->csrf);
	p->out = response_tmpfile();
	if (p->out == NULL) {
		response_error(cx->resp, 500, "internal", NULL, "no room for the page");
		return -1;
	}
	return 0;
}

/* Copies the cookies of from to to. */
static void keep_cookies(struct http_response *to, const struct http_response *from)
{
	memcpy(to->set_cookie, from->set_cookie, sizeof to->set_cookie);
	memcpy(to->set_cookie_more, from->set_cookie_more, sizeof to->set_cookie_more);
}

int page_finish(struct page *p, int status)
{
	struct http_response *r = p->cx->resp;
	struct http_response kept;
	long retry = r->retry_after;

	keep_cookies(&kept, r);
	if (response_from_file(r, p->out, status, HTTP_HTML) < 0) {
		p->out = NULL;
		response_error(r, 500, "internal", NULL, "the page could not be written");
		return -1;
	}
	p->out = NULL;
	keep_cookies(r, &kept);
	r->retry_after = retry;
	/* A page holds people's data: no cache keeps a copy. */
	r->cache_control = "no-store";
	return 0;
}

void page_discard(struct page *p)
{
	if (p->out != NULL)
		(void)fclose(p->out);
	p->out = NULL;
}

/* location with the bytes a header's URI may not hold raw (a space,
 * non-ASCII, quotes, angle brackets) percent-encoded; the rest, '%' and
 * the query's '?', '&', '=' included, as they are. NULL when out of
 * memory. */
static const char *location_header(struct arena *a, const char *location)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t n = strlen(location);
	char *out = arena_alloc(a, 3 * n + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (const unsigned char *s = (const unsigned char *)location; *s != '\0'; s++) {
		if (*s <= 0x20 || *s >= 0x7f || strchr("\"<>\\^`{|}", *s) != NULL) {
			*o++ = '%';
			*o++ = hex[*s >> 4];
			*o++ = hex[*s & 15];
		} else {
			*o++ = (char)*s;
		}
	}
	*o = '\0';
	return out;
}

int page_redirect(struct http_ctx *cx, const char *location)
{
	struct http_response kept;

	keep_cookies(&kept, cx->resp);
	response_text(cx->resp, 303, HTTP_HTML, "");
	keep_cookies(cx->resp, &kept);
	cx->resp->location = location_header(cx->arena, location);
	cx->resp->cache_control = "no-store";
	return 0;
}

const char *page_field(const struct page *p, const char *name)
{
	return p->form != NULL ? form_get(p->form, name) : NULL;
}
