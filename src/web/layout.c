/* The layout around every page (web/page.h): head, skip link, header with
 * the navigation for the caller's role, the language switch, the user and
 * the sign-out button; the footer. */
#include <string.h>

#include "auth/auth.h"
#include "http/form.h"
#include "io/html.h"
#include "web/page.h"

static const char *const lang_names[LANG_COUNT] = { "English", "Nederlands", "Svenska" };

/* The address of this page in language l: its path and query, with
 * lang=l in place of any lang given. */
static void lang_href(struct page *p, enum lang l, struct buf *b)
{
	const struct http_request *req = p->cx->req;

	buf_reset(b);
	(void)form_url_encode(b, req->path);
	(void)buf_addc(b, '?');
	for (size_t i = 0; i < req->nquery; i++) {
		if (strcmp(req->query[i].name, "lang") == 0)
			continue;
		(void)form_url_encode(b, req->query[i].name);
		(void)buf_addc(b, '=');
		(void)form_url_encode(b, req->query[i].value);
		(void)buf_addc(b, '&');
	}
	(void)buf_printf(b, "lang=%s", lang_code(l));
}

static void write_lang_switch(struct page *p)
{
	struct buf b;

	buf_init(&b, 8192);
	html_printf(p->out, "<nav class=\"langs\" aria-label=\"%s\"><ul>",
		    tr(p->lang, "Language"));
	for (int i = 0; i < LANG_COUNT; i++) {
		lang_href(p, (enum lang)i, &b);
		/* Markup never goes through %s, which escapes it. */
		html_printf(p->out, (enum lang)i == p->lang
				    ? "<li><a href=\"%s\" hreflang=\"%s\" lang=\"%s\" aria-current=\"true\">%s</a></li>"
				    : "<li><a href=\"%s\" hreflang=\"%s\" lang=\"%s\">%s</a></li>",
			    buf_str(&b), lang_code((enum lang)i), lang_code((enum lang)i), lang_names[i]);
	}
	fputs("</ul></nav>", p->out);
	buf_free(&b);
}

static void write_nav(struct page *p)
{
	const struct nav_entry *e[16];
	size_t n = nav_entries(p->caller, e, sizeof e / sizeof e[0]);

	html_printf(p->out, "<nav class=\"main-nav\" aria-label=\"%s\"><ul>",
		    tr(p->lang, "Main"));
	for (size_t i = 0; i < n; i++)
		html_printf(p->out, p->nav_current != NULL && strcmp(p->nav_current, e[i]->href) == 0
				    ? "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>"
				    : "<li><a href=\"%s\">%s</a></li>",
			    e[i]->href, tr(p->lang, e[i]->label));
	fputs("</ul></nav>", p->out);
}

static void write_user(struct page *p)
{
	const struct http_caller *c = p->caller;
	bool token = strncmp(c->user, "token:", 6) == 0;

	html_printf(p->out, "<div class=\"user\"><span class=\"who\">%s <span class=\"user-role\">(%s)</span></span>",
		    token ? c->user + 6 : c->user, tr(p->lang, nav_role_label(c->role)));
	if (c->by_cookie) {
		html_printf(p->out, "<a href=\"/account/password\">%s</a>",
			    tr(p->lang, "Change password"));
		html_printf(p->out, "<form class=\"signout\" method=\"post\" action=\"/logout\">"
			    "<input type=\"hidden\" name=\"csrf_token\" value=\"%s\">"
			    "<button type=\"submit\">%s</button></form>",
			    p->csrf, tr(p->lang, "Sign out"));
	}
	fputs("</div>", p->out);
}

void page_head(struct page *p, const char *title)
{
	html_printf(p->out,
		    "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\">\n"
		    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
		    "<title>%s \xc2\xb7 compgap</title>\n"
		    "<link rel=\"stylesheet\" href=\"/assets/app.css\">\n</head>\n<body>\n"
		    "<a class=\"skip\" href=\"#main\">%s</a>\n"
		    "<header class=\"top\">\n<div class=\"bar\">"
		    "<a class=\"brand\" href=\"/\">compgap</a>",
		    lang_code(p->lang), title, tr(p->lang, "Skip to the content"));
	if (p->caller != NULL)
		write_user(p);
	fputs("</div>\n<div class=\"bar\">", p->out);
	if (p->caller != NULL)
		write_nav(p);
	write_lang_switch(p);
	html_printf(p->out, "</div>\n</header>\n<main id=\"main\" tabindex=\"-1\">\n<h1>%s</h1>\n",
		    title);
}

void page_foot(struct page *p)
{
	html_printf(p->out,
		    "</main>\n<footer class=\"foot\"><p>%s</p></footer>\n</body>\n</html>\n",
		    tr(p->lang, "compgap: competencies, gaps and what to do about them."));
}
