/* GET /admin: the admins' index, linking to the pages of users, API
 * tokens, the method's settings and the audit log. Only admins: every
 * page it links to is theirs alone (docs/security.md, the API's rules),
 * so hr, who may use none of them, gets 403 as the navigation shows
 * them no Admin entry. */
#include <stdio.h>

#include "http/api.h"
#include "http/settings.h"
#include "io/html.h"
#include "web/page.h"
#include "web/pages.h"

/* The admin pages, in the order of the index. */
static const struct {
	const char *href;
	const char *label;            /* English, translated when shown */
	const char *purpose;
} entries[] = {
	{ "/admin/users", N_("Users"),
	  N_("Add users, give them a role and teams, reset a password, disable an account.") },
	{ "/admin/tokens", N_("Tokens"),
	  N_("API tokens for other systems, such as the telephony platform's quality "
	     "evaluations: create and revoke them.") },
	{ "/admin/settings", N_("Settings"),
	  N_("How evidence becomes levels, gaps and recommendations: the half-life, the weight of "
	     "each source, the thresholds; and how long a session lasts.") },
	{ "/admin/webhooks", N_("Webhooks"),
	  N_("Post alerts and praise of quality evaluations at once to a chat or another "
	     "system; see what was delivered and what failed.") },
	{ "/admin/audit", N_("Audit log"),
	  N_("Who did what, and when: sign-ins, changes and reads of people's data.") },
};

int handle_admin_page(struct http_ctx *cx)
{
	struct page p;

	if (!http_settings_allowed(cx->req->caller) || !http_audit_readable(cx->req->caller))
		return page_error(cx, 403, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	p.nav_current = "/admin";
	page_head(&p, tr(p.lang, "Admin"));
	html_printf(p.out, "<p class=\"lead\">%s</p>\n",
		    tr(p.lang, "The accounts, the method's settings and the audit log of this "
			       "organisation."));
	fputs("<ul class=\"cards\">\n", p.out);
	for (size_t i = 0; i < sizeof entries / sizeof entries[0]; i++)
		html_printf(p.out, "<li><a href=\"%s\">%s</a><p>%s</p></li>\n", entries[i].href,
			    tr(p.lang, entries[i].label), tr(p.lang, entries[i].purpose));
	fputs("</ul>\n", p.out);
	page_foot(&p);
	return page_finish(&p, 200);
}
