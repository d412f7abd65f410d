/* The error page (web/page.h): the same layout as every page, the status
 * and a sentence in plain words. A 404 says the same whether the thing
 * does not exist or is out of the caller's reach (docs/security.md). */
#include "io/html.h"
#include "web/page.h"

int page_error(struct http_ctx *cx, int status, const char *message)
{
	struct page p;
	const char *title, *text, *code;

	if (page_begin(&p, cx) < 0)
		return 0;
	switch (status) {
	case 400:
		title = tr(p.lang, "The form could not be read");
		text = tr(p.lang, "Go back and try again.");
		code = "bad_form";
		break;
	case 403:
		title = tr(p.lang, "Not allowed");
		text = tr(p.lang, "You may not do this. If the page was open for a long time, "
				  "reload it and try again.");
		code = "forbidden";
		break;
	case 413:
		title = tr(p.lang, "Too large");
		text = tr(p.lang, "Go back and choose a smaller file.");
		code = "too_large";
		break;
	case 404:
		title = tr(p.lang, "Page not found");
		text = tr(p.lang, "There is no such page, or it is not yours to see.");
		code = "not_found";
		break;
	case 405:
		title = tr(p.lang, "Not possible here");
		text = tr(p.lang, "This page cannot be used this way.");
		code = "method_not_allowed";
		break;
	case 503:
		title = tr(p.lang, "Not available now");
		text = tr(p.lang, "The service is busy or the database cannot be reached. "
				  "Try again in a minute.");
		code = "unavailable";
		break;
	default:
		status = 500;
		title = tr(p.lang, "Something went wrong");
		text = tr(p.lang, "The page could not be made. Try again; if it keeps failing, "
				  "tell your administrator.");
		code = "internal";
		break;
	}
	page_head(&p, title);
	if (message != NULL)
		html_printf(p.out, "<p class=\"lead\">%s</p>\n", message);
	html_printf(p.out, "<p>%s</p>\n<p><a href=\"/\">%s</a></p>\n", text,
		    tr(p.lang, "Go to the start page"));
	page_foot(&p);
	if (page_finish(&p, status) == 0)
		cx->resp->error_code = code;
	return 0;
}
