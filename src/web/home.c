/* GET /: the start page. For now the pages the signed-in role may use,
 * each with a line on what it is for (the navigation's list, web/nav.c);
 * the dashboard of issue 12 takes its place. */
#include <stdio.h>
#include <string.h>

#include "io/html.h"
#include "web/page.h"
#include "web/pages.h"

int handle_home_page(struct http_ctx *cx)
{
	struct page p;
	const struct nav_entry *e[16];
	size_t n;
	char title[200];
	const char *user = cx->req->caller->user;

	if (page_begin(&p, cx) < 0)
		return 0;
	p.nav_current = "/";
	if (strncmp(user, "token:", 6) == 0)
		user += 6;
	(void)snprintf(title, sizeof title, tr(p.lang, "Welcome, %s"), user);
	page_head(&p, title);
	html_printf(p.out, "<p class=\"lead\">%s</p>\n",
		    tr(p.lang, "What you can do here, as your role allows:"));
	n = nav_entries(p.caller, e, sizeof e / sizeof e[0]);
	fputs("<ul class=\"cards\">\n", p.out);
	for (size_t i = 0; i < n; i++)
		html_printf(p.out, "<li><a href=\"%s\">%s</a><p>%s</p></li>\n", e[i]->href,
			    tr(p.lang, e[i]->label), tr(p.lang, e[i]->purpose));
	fputs("</ul>\n", p.out);
	page_foot(&p);
	return page_finish(&p, 200);
}
