/* The navigation by role (web/page.h): the one list of the application's
 * pages, which the header shows and the home page explains. A role sees
 * only the pages it may use (docs/security.md, "Roles and their reach");
 * the pages check again on the server. */
#include "http/api.h"
#include "web/page.h"

#define ALL (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR) | ROLE_BIT(ROLE_MANAGER) | \
	     ROLE_BIT(ROLE_COACH) | ROLE_BIT(ROLE_EMPLOYEE))

static const struct nav_entry entries[] = {
	{ "/", N_("Dashboard"),
	  N_("The teams you may see: their priorities, coverage, and what needs attention now."), ALL },
	{ "/okr", N_("Objectives"),
	  N_("The organisation's objectives and key results; a team's are on its page."), ALL },
	{ "/self-assessment", N_("Self-assessment"),
	  N_("Rate yourself on the competencies of your role and compare your view with others'."),
	  ROLE_BIT(ROLE_EMPLOYEE) | ROLE_BIT(ROLE_MANAGER) },
	{ "/feedback", N_("Feedback"),
	  N_("Give feedback to a colleague of your team on a competency of their role."),
	  ROLE_BIT(ROLE_EMPLOYEE) },
	{ "/library", N_("Library"),
	  N_("The competencies with their indicators and level descriptors, and the role profiles."),
	  ALL },
	{ "/import", N_("Import"),
	  N_("Upload a CSV file, see every bad row before anything is stored, then store it."),
	  ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR) },
	{ "/export", N_("Export"), N_("Download the data as CSV files."),
	  ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR) },
	{ "/admin", N_("Admin"), N_("Users and API tokens, the method's settings, and the audit log."),
	  ROLE_BIT(ROLE_ADMIN) },
};

size_t nav_entries(const struct http_caller *caller, const struct nav_entry **out, size_t max)
{
	size_t n = 0;

	for (size_t i = 0; i < sizeof entries / sizeof entries[0] && n < max; i++)
		if (http_role_in(caller, entries[i].roles))
			out[n++] = &entries[i];
	return n;
}

const char *nav_role_label(enum http_role r)
{
	switch (r) {
	case ROLE_ADMIN: return N_("Administrator");
	case ROLE_HR: return N_("HR");
	case ROLE_MANAGER: return N_("Manager");
	case ROLE_COACH: return N_("Coach");
	case ROLE_EMPLOYEE: return N_("Employee");
	}
	return "";
}
