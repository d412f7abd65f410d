/* The settings page's words for each setting (web/admin.h): a label, what
 * the setting does and its unit, for the people who change them; the
 * ranges and defaults come from core/settings.c, so they cannot drift.
 * docs/methodology.md is the full account of each. */
#include "i18n/i18n.h"
#include "web/admin.h"

/* A text in a context, as two members of the tables below (the marker
 * that tools/po-update.sh extracts, as in i18n/common_texts.c): the
 * short words here (days, levels, Privacy) get translations of their own. */
#define NC_(context, text) context, text

enum {
	G_AGE, G_WEIGHTS, G_FLAGS, G_RECOMMEND, G_QUALITY, G_SESSIONS, G_PRIVACY
};

/* TRANSLATORS: the note under the groups whose change recomputes every
 * level when saved. */
#define REBUILDS N_("Saving a new value here recomputes every person's levels from their " \
		    "evidence. On a large organisation this may take a moment.")

const struct admin_setting_group admin_setting_groups[] = {
	[G_AGE] = { NC_("group of settings", "Evidence and its age"),
		    N_("How evidence counts as it gets older, and which dates it may have."),
		    REBUILDS },
	[G_WEIGHTS] = { NC_("group of settings", "Weight of each source"),
			N_("How much a rating from each source counts compared with the others: "
			   "a source with weight 1.0 counts twice as much as one with 0.5, and 0 "
			   "leaves the source out."),
			REBUILDS },
	[G_FLAGS] = { NC_("group of settings", "Gaps and blind spots"),
		      N_("When a difference is large enough to be flagged."), NULL },
	[G_RECOMMEND] = { NC_("group of settings", "Recommendations"),
			  N_("The rules that turn gaps into recommendations: group or individual "
			     "coaching, the approach, mentors and reassignment."), NULL },
	[G_QUALITY] = { NC_("group of settings", "Quality evaluations"),
			N_("The monthly rhythm of evaluating customer contacts."), NULL },
	[G_SESSIONS] = { NC_("group of settings", "Sign-in and sessions"),
			 N_("They apply to every server on this database from its next request."),
			 NULL },
	[G_PRIVACY] = { NC_("group of settings", "Privacy"), NULL, NULL },
};

const size_t admin_setting_group_count = sizeof admin_setting_groups /
					 sizeof admin_setting_groups[0];

/* The sources' names are the common texts' (i18n/common_texts.c), looked
 * up in their context; so they are not marked here. */
#define SRC "evidence source"
#define WEIGHT_EXPL NULL    /* the group's introduction says it */

const struct admin_setting_text admin_setting_texts[] = {
	{ "half_life", G_AGE, NULL, N_("Half-life of evidence"),
	  N_("After this many days a rating counts half as much as on its own day, after twice "
	     "as many a quarter. A shorter half-life makes levels follow recent evidence more "
	     "closely."), NC_("unit of a setting", "days") },
	{ "future_days", G_AGE, NULL, N_("Evidence dated ahead"),
	  N_("How many days after today evidence may be dated. 1 lets a colleague in a time zone "
	     "ahead add today's ratings; 0 refuses every date after today."),
	  NC_("unit of a setting", "days") },
	{ "weight.assessment", G_WEIGHTS, SRC, "Development assessment", WEIGHT_EXPL,
	  NC_("unit of a setting", "weight") },
	{ "weight.test", G_WEIGHTS, SRC, "Test", WEIGHT_EXPL, NC_("unit of a setting", "weight") },
	{ "weight.manager", G_WEIGHTS, SRC, "Manager", WEIGHT_EXPL,
	  NC_("unit of a setting", "weight") },
	{ "weight.qa", G_WEIGHTS, SRC, "Quality evaluation", WEIGHT_EXPL,
	  NC_("unit of a setting", "weight") },
	{ "weight.peer", G_WEIGHTS, SRC, "Peer", WEIGHT_EXPL, NC_("unit of a setting", "weight") },
	{ "weight.customer", G_WEIGHTS, SRC, "Customer feedback", WEIGHT_EXPL,
	  NC_("unit of a setting", "weight") },
	{ "weight.self", G_WEIGHTS, NULL, N_("Self-assessment"), WEIGHT_EXPL,
	  NC_("unit of a setting", "weight") },
	{ "gap_threshold", G_FLAGS, NULL, N_("Smallest gap"),
	  N_("A gap at least this large counts as a gap when recommendations are made; smaller "
	     "ones are left out."), NC_("unit of a setting", "levels") },
	{ "blind_spot", G_FLAGS, NULL, N_("Blind-spot difference"),
	  N_("How far someone's own rating must be above what others see to be flagged as a "
	     "blind spot, or below it to be flagged as a hidden strength."),
	  NC_("unit of a setting", "levels") },
	{ "group_min_members", G_RECOMMEND, NULL, N_("Group coaching: members"),
	  N_("Group training or coaching is recommended when at least this many members of a "
	     "team have the same gap ..."), NC_("unit of a setting", "people") },
	{ "group_min_share", G_RECOMMEND, NULL, N_("Group coaching: share"),
	  N_("... and they are at least this share of the members who need the competency "
	     "(0.3 is 30 per cent). Otherwise each gets individual coaching."),
	  NC_("unit of a setting", "share (0 to 1)") },
	{ "assist_from", G_RECOMMEND, NULL, N_("Personal coaching from"),
	  N_("A gap below this gets advice and material to work on alone (inform); from this "
	     "gap on, a coach helps personally (assist)."), NC_("unit of a setting", "levels") },
	{ "refer_from", G_RECOMMEND, NULL, N_("Formal training from"),
	  N_("From this gap on, the recommendation is formal training, an expert or an external "
	     "partner (refer)."), NC_("unit of a setting", "levels") },
	{ "mentor_margin", G_RECOMMEND, NULL, N_("Mentor's lead"),
	  N_("A mentor's level is at least the required level plus this much."),
	  NC_("unit of a setting", "levels") },
	{ "mentor_min_confidence", G_RECOMMEND, NULL, N_("Mentor's confidence"),
	  N_("A mentor's level has at least this confidence. More evidence, and more recent "
	     "evidence, gives more confidence. Saving a new value recomputes the stored figures "
	     "by which mentors are found; on a large organisation this may take a moment."),
	  NC_("unit of a setting", "confidence (0 to 1)") },
	{ "qa_target_per_month", G_QUALITY, NULL, N_("Evaluations per agent a month"),
	  N_("How many evaluated customer contacts each agent should have a month, by a coach or "
	     "a colleague. The team's quality view lists the agents below it."),
	  NC_("unit of a setting", "evaluations") },
	{ "mentor_max_mentees", G_RECOMMEND, NULL, N_("Mentees per mentor"),
	  N_("How many colleagues one mentor takes on for one competency in a team."),
	  NC_("unit of a setting", "people") },
	{ "reassign_min_gap", G_RECOMMEND, NULL, N_("Gap that suggests another role"),
	  N_("For a competency that is hard to develop, a gap this large suggests considering "
	     "another role."), NC_("unit of a setting", "levels") },
	{ "session.idle_minutes", G_SESSIONS, NULL, N_("Sign-out after inactivity"),
	  N_("A session that is not used for this long ends, and the user signs in again."),
	  NC_("unit of a setting", "minutes") },
	{ "session.lifetime_hours", G_SESSIONS, NULL, N_("Longest session"),
	  N_("A session ends this long after signing in, however much it is used."),
	  NC_("unit of a setting", "hours") },
	{ "session.secure_cookie", G_SESSIONS, NULL, N_("Secure cookie behind a proxy"),
	  N_("1 marks the session cookie Secure even when this server speaks plain HTTP: set it "
	     "when a TLS proxy is in front. 0 leaves it to the server."),
	  NC_("unit of a setting", "0 (off) or 1 (on)") },
	{ "login.max_hashes", G_SESSIONS, NULL, N_("Password checks at once"),
	  N_("How many passwords each server checks at the same moment. Each check takes 64 MB "
	     "of memory; more lets more people sign in at once."),
	  NC_("unit of a setting", "checks") },
	{ "evidence_retention_years", G_PRIVACY, NULL, N_("Keep evidence for"),
	  N_("Purging (compgap privacy purge) removes evidence older than this. 0 keeps "
	     "evidence forever."), NC_("unit of a setting", "years") },
};

const size_t admin_setting_text_count = sizeof admin_setting_texts /
					sizeof admin_setting_texts[0];
