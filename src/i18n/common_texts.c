/* The list of common_texts.h. Each text is marked as tools/po-update.sh
 * extracts it (N_ for a text, NC_ for a text in a context, NP_ for one
 * with a count). A text stays here while no page marks it yet; once
 * pages do, it may stay (the list is what pages share) or go. */
#include "i18n/common_texts.h"

#include "i18n/i18n.h"

/* For initialisers of struct common_text only: a context and a msgid,
 * or a msgid and its plural, as two members. */
#define NC_(context, text) context, text
#define NP_(singular, plural) singular, plural

const struct common_text i18n_common_texts[] = {
	/* Signing in and the account */
	{ NULL, N_("Sign in"), NULL },
	{ NULL, N_("Sign out"), NULL },
	{ NULL, N_("User name"), NULL },
	{ NULL, N_("Password"), NULL },
	{ NULL, N_("Change password"), NULL },
	{ NULL, N_("Current password"), NULL },
	{ NULL, N_("New password"), NULL },
	{ NULL, N_("Repeat the new password"), NULL },
	{ NULL, N_("The user name or password is not correct."), NULL },
	{ NULL, N_("Your session has expired. Sign in again to continue where you were."), NULL },
	{ NULL, N_("Signed in as %s"), NULL },
	{ NULL, N_("Skip to main content"), NULL },
	{ NULL, N_("Language"), NULL },
	{ NULL, N_("Page not found"), NULL },
	/* The navigation */
	{ NULL, N_("Dashboard"), NULL },
	{ NULL, N_("Team"), NULL },
	{ NULL, N_("Teams"), NULL },
	{ NULL, N_("Person"), NULL },
	{ NULL, N_("People"), NULL },
	{ NULL, N_("Members"), NULL },
	{ NULL, N_("Self-assessment"), NULL },
	{ NULL, N_("Library"), NULL },
	{ NULL, N_("Competency"), NULL },
	{ NULL, N_("Competencies"), NULL },
	{ NULL, N_("Role"), NULL },
	{ NULL, N_("Roles"), NULL },
	{ NULL, N_("Role profiles"), NULL },
	{ NULL, N_("Import"), NULL },
	{ NULL, N_("Export"), NULL },
	{ NULL, N_("Admin"), NULL },
	{ NULL, N_("Users"), NULL },
	{ NULL, N_("Tokens"), NULL },
	{ NULL, N_("Settings"), NULL },
	{ NULL, N_("Audit log"), NULL },
	/* The method's figures */
	{ NULL, N_("Level"), NULL },
	{ NULL, N_("Required level"), NULL },
	{ NULL, N_("Current level"), NULL },
	{ NULL, N_("Gap"), NULL },
	{ NULL, N_("Coverage"), NULL },
	{ NULL, N_("Confidence"), NULL },
	{ NULL, N_("High"), NULL },
	{ NULL, N_("Medium"), NULL },
	{ NULL, N_("Low"), NULL },
	{ NULL, N_("Blind spot"), NULL },
	{ NULL, N_("Key-person risk"), NULL },
	{ NULL, N_("Unassessed"), NULL },
	{ NULL, N_("Evidence"), NULL },
	{ NULL, N_("Add evidence"), NULL },
	{ NULL, N_("Weight"), NULL },
	{ NULL, N_("Source"), NULL },
	{ NULL, N_("Explanation"), NULL },
	{ NULL, N_("Trend"), NULL },
	{ NULL, N_("Recommendations"), NULL },
	{ NULL, N_("Development focus"), NULL },
	{ NULL, N_("Training"), NULL },
	{ NULL, N_("Coaching"), NULL },
	{ NULL, N_("Mentor"), NULL },
	{ NULL, N_("Hiring"), NULL },
	{ NULL, N_("As of"), NULL },
	{ NULL, N_("Date"), NULL },
	/* The library */
	{ NULL, N_("Name"), NULL },
	{ NULL, N_("Key"), NULL },
	{ NULL, N_("Description"), NULL },
	{ NULL, N_("Definition"), NULL },
	{ NULL, N_("Behavioural indicators"), NULL },
	{ NULL, N_("Level descriptors"), NULL },
	/* A STAR note with evidence */
	{ NULL, N_("Note"), NULL },
	{ NULL, N_("Situation"), NULL },
	{ NULL, N_("Task"), NULL },
	{ NULL, N_("Action"), NULL },
	{ NULL, N_("Result"), NULL },
	/* Import and export */
	{ NULL, N_("Upload"), NULL },
	{ NULL, N_("Check the file"), NULL },
	{ NULL, N_("Download"), NULL },
	{ NULL, N_("Line"), NULL },
	{ NULL, N_("Column"), NULL },
	{ NULL, N_("Message"), NULL },
	/* Buttons */
	{ NULL, N_("Save"), NULL },
	{ NULL, N_("Cancel"), NULL },
	{ NULL, N_("Close"), NULL },
	{ NULL, N_("Edit"), NULL },
	{ NULL, N_("Delete"), NULL },
	{ NULL, N_("Add"), NULL },
	{ NULL, N_("Back"), NULL },
	{ NULL, N_("Search"), NULL },
	{ NULL, N_("Print"), NULL },
	/* The same English word with another meaning: a msgctxt */
	{ NC_("evidence source", "Self"), NULL },
	{ NC_("evidence source", "Manager"), NULL },
	{ NC_("evidence source", "Peer"), NULL },
	{ NC_("evidence source", "Test"), NULL },
	{ NC_("evidence source", "Quality evaluation"), NULL },
	{ NC_("evidence source", "Customer feedback"), NULL },
	{ NC_("evidence source", "Development assessment"), NULL },
	{ NC_("role of a user", "Admin"), NULL },
	{ NC_("role of a user", "HR"), NULL },
	{ NC_("role of a user", "Manager"), NULL },
	{ NC_("role of a user", "Employee"), NULL },
	/* Texts with a count, for trn(l, singular, plural, n) and a format */
	{ NULL, NP_("%lu person", "%lu people") },
	{ NULL, NP_("%lu team", "%lu teams") },
	{ NULL, NP_("%lu competency", "%lu competencies") },
	{ NULL, NP_("%lu person not yet assessed", "%lu people not yet assessed") },
	{ NULL, NP_("%lu row with errors", "%lu rows with errors") },
};

const size_t i18n_common_texts_count = sizeof i18n_common_texts / sizeof i18n_common_texts[0];
