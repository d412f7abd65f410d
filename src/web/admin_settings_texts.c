/* The settings page's words for each setting (web/admin.h): a label, what
 * the setting does and its unit, for the people who change them; the
 * ranges and defaults come from core/settings.c, so they cannot drift.
 * docs/methodology.md is the full account of each. */
#include "i18n/i18n.h"
#include "web/admin.h"

enum {
	G_AGE, G_WEIGHTS, G_FLAGS, G_RECOMMEND, G_SESSIONS, G_PRIVACY
};

/* TRANSLATORS: the note under the groups whose change recomputes every
 * level when saved. */
#define REBUILDS N_("Saving a new value here recomputes every person's levels from their " \
		    "evidence. On a large organisation this may take a moment.")

const struct admin_setting_group admin_setting_groups[] = {
	[G_AGE] = { N_("Evidence and its age"),
		    N_("How evidence counts as it gets older, and which dates it may have."),
		    REBUILDS },
	[G_WEIGHTS] = { N_("Weight of each source"),
			N_("How much a rating from each source counts compared with the others: "
			   "a source with weight 1.0 counts twice as much as one with 0.5, and 0 "
			   "leaves the source out."),
			REBUILDS },
	[G_FLAGS] = { N_("Gaps and blind spots"),
		      N_("When a difference is large enough to be flagged."), NULL },
	[G_RECOMMEND] = { N_("Recommendations"),
			  N_("The rules that turn gaps into recommendations: group or individual "
			     "coaching, the approach, mentors and reassignment."), NULL },
	[G_SESSIONS] = { N_("Sign-in and sessions"),
			 N_("They apply to every server on this database from its next request."),
			 NULL },
	[G_PRIVACY] = { N_("Privacy"), NULL, NULL },
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
	     "closely."), N_("days") },
	{ "future_days", G_AGE, NULL, N_("Evidence dated ahead"),
	  N_("How many days after today evidence may be dated. 1 lets a colleague in a time zone "
	     "ahead add today's ratings; 0 refuses every date after today."), N_("days") },
	{ "weight.assessment", G_WEIGHTS, SRC, "Development assessment", WEIGHT_EXPL,
	  N_("weight") },
	{ "weight.test", G_WEIGHTS, SRC, "Test", WEIGHT_EXPL, N_("weight") },
	{ "weight.manager", G_WEIGHTS, SRC, "Manager", WEIGHT_EXPL, N_("weight") },
	{ "weight.qa", G_WEIGHTS, SRC, "Quality evaluation", WEIGHT_EXPL, N_("weight") },
	{ "weight.peer", G_WEIGHTS, SRC, "Peer", WEIGHT_EXPL, N_("weight") },
	{ "weight.customer", G_WEIGHTS, SRC, "Customer feedback", WEIGHT_EXPL, N_("weight") },
	{ "weight.self", G_WEIGHTS, NULL, N_("Self-assessment"), WEIGHT_EXPL, N_("weight") },
	{ "gap_threshold", G_FLAGS, NULL, N_("Smallest gap"),
	  N_("A gap at least this large counts as a gap when recommendations are made; smaller "
	     "ones are left out."), N_("levels") },
	{ "blind_spot", G_FLAGS, NULL, N_("Blind-spot difference"),
	  N_("How far someone's own rating must be above what others see to be flagged as a "
	     "blind spot, or below it to be flagged as a hidden strength."), N_("levels") },
	{ "group_min_members", G_RECOMMEND, NULL, N_("Group coaching: members"),
	  N_("Group training or coaching is recommended when at least this many members of a "
	     "team have the same gap ..."), N_("people") },
	{ "group_min_share", G_RECOMMEND, NULL, N_("Group coaching: share"),
	  N_("... and they are at least this share of the members who need the competency "
	     "(0.3 is 30 per cent). Otherwise each gets individual coaching."), N_("share (0 to 1)") },
	{ "assist_from", G_RECOMMEND, NULL, N_("Personal coaching from"),
	  N_("A gap below this gets advice and material to work on alone (inform); from this "
	     "gap on, a coach helps personally (assist)."), N_("levels") },
	{ "refer_from", G_RECOMMEND, NULL, N_("Formal training from"),
	  N_("From this gap on, the recommendation is formal training, an expert or an external "
	     "partner (refer)."), N_("levels") },
	{ "mentor_margin", G_RECOMMEND, NULL, N_("Mentor's lead"),
	  N_("A mentor's level is at least the required level plus this much."), N_("levels") },
	{ "mentor_min_confidence", G_RECOMMEND, NULL, N_("Mentor's confidence"),
	  N_("A mentor's level has at least this confidence. More evidence, and more recent "
	     "evidence, gives more confidence."), N_("confidence (0 to 1)") },
	{ "mentor_max_mentees", G_RECOMMEND, NULL, N_("Mentees per mentor"),
	  N_("How many colleagues one mentor takes on for one competency in a team."),
	  N_("people") },
	{ "reassign_min_gap", G_RECOMMEND, NULL, N_("Gap that suggests another role"),
	  N_("For a competency that is hard to develop, a gap this large suggests considering "
	     "another role."), N_("levels") },
	{ "session.idle_minutes", G_SESSIONS, NULL, N_("Sign-out after inactivity"),
	  N_("A session that is not used for this long ends, and the user signs in again."),
	  N_("minutes") },
	{ "session.lifetime_hours", G_SESSIONS, NULL, N_("Longest session"),
	  N_("A session ends this long after signing in, however much it is used."),
	  N_("hours") },
	{ "session.secure_cookie", G_SESSIONS, NULL, N_("Secure cookie behind a proxy"),
	  N_("1 marks the session cookie Secure even when this server speaks plain HTTP: set it "
	     "when a TLS proxy is in front. 0 leaves it to the server."),
	  N_("0 (off) or 1 (on)") },
	{ "login.max_hashes", G_SESSIONS, NULL, N_("Password checks at once"),
	  N_("How many passwords each server checks at the same moment. Each check takes 64 MB "
	     "of memory; more lets more people sign in at once."), N_("checks") },
	{ "evidence_retention_years", G_PRIVACY, NULL, N_("Keep evidence for"),
	  N_("Purging (compgap privacy purge) removes evidence older than this. 0 keeps "
	     "evidence forever."), N_("years") },
};

const size_t admin_setting_text_count = sizeof admin_setting_texts /
					sizeof admin_setting_texts[0];
