/* The English words of the recommendations' rules (docs/methodology.md,
 * "Recommendations"), written from each item's facts: what the command
 * line prints and the API returns as "rule". The pages write the same
 * facts in the reader's language (src/web/rec_rules.c). */
#include <stdarg.h>
#include <stdio.h>

#include "core/recommend.h"

static const char *approach_words(enum approach a)
{
	switch (a) {
	case APPROACH_INFORM: return "inform: advice and material, self-directed";
	case APPROACH_ASSIST: return "assist: coach personally";
	case APPROACH_REFER: return "refer: formal training, an expert or an external partner";
	case APPROACH_NONE: break;
	}
	return "";
}

static const char *const where_mentor[2] = {
	"the best placed in the organisation (no one in the team qualifies or has room)",
	"in the same team"
};

/* Appends the printf-style text at *n of out (size bytes). */
static void add(char *out, size_t size, int *n, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void add(char *out, size_t size, int *n, const char *fmt, ...)
{
	va_list ap;
	int k;

	if (*n < 0 || (size_t)*n >= size)
		return;
	va_start(ap, fmt);
	k = vsnprintf(out + *n, size - (size_t)*n, fmt, ap);
	va_end(ap);
	*n = k < 0 ? -1 : *n + k;
}

void rec_rule_text(const struct recommendation *it, bool withheld, char *out, size_t size)
{
	const struct rec_facts *f = &it->facts;
	const struct rec_thresholds *s = &f->set;
	const char *c = it->competency;
	int n = 0;

	if (size == 0)
		return;
	out[0] = '\0';
	/* Said without the team: the reader sees the team's figures, not who
	 * carries the competency. */
	if (f->rule == RULE_CROSS_TRAIN_UNNAMED) {
		add(out, size, &n, "only one member meets %s: cross-train others so that the team "
		    "does not depend on one person", c);
		return;
	}
	/* The team it is for first, so that the same advice reads the same in
	 * a team's view and in its department's. */
	add(out, size, &n, "%s: ", rec_team_label(it->team));
	switch (f->rule) {
	case RULE_GROUP:
		add(out, size, &n,
		    "%zu of the %ld members who need %s fall %g or more short of their required level "
		    "(a group from %g members and %g%% of those who need it): train or coach them "
		    "together; each member's approach follows their gap (inform below %g, assist "
		    "below %g, refer from %g)",
		    f->count, f->required, c, s->gap_threshold, s->group_min_members,
		    100 * s->group_min_share, s->assist_from, s->refer_from, s->refer_from);
		break;
	case RULE_GROUP_ACROSS:
		add(out, size, &n,
		    "%zu of the %ld members who need %s fall %g or more short of their required level, "
		    "in %zu teams none of which has a group on it (a group from %g members and %g%% of "
		    "those in %s who need it): train or coach them together across the teams, instead "
		    "of one by one; each member's approach follows their gap (inform below %g, assist "
		    "below %g, refer from %g)",
		    f->count, f->required, c, s->gap_threshold, f->teams, s->group_min_members,
		    100 * s->group_min_share, rec_team_label(it->team), s->assist_from,
		    s->refer_from, s->refer_from);
		break;
	case RULE_INDIVIDUAL:
		add(out, size, &n,
		    "%s falls %.2f short of the required level %d on %s, and too few members share "
		    "the gap for a group (%zu of %ld; a group needs %g and %g%%): coach individually "
		    "(%s)",
		    f->person, f->gap, f->required_level, c, f->count, f->required,
		    s->group_min_members, 100 * s->group_min_share, approach_words(f->approach));
		break;
	case RULE_MENTOR:
		if (withheld)
			add(out, size, &n,
			    "a colleague in %s, whose name and level you may not see, is %s and at "
			    "least %g above the level %d that %s needs on %s; ask someone who sees %s "
			    "(HR) to introduce them",
			    rec_team_label(it->mentor->team), where_mentor[f->same_team],
			    s->mentor_margin, f->required_level, f->person, c,
			    rec_team_label(it->mentor->team));
		else
			add(out, size, &n,
			    "%s (level %.2f, confidence %.2f) is %s and at least %g above the level %d "
			    "that %s needs on %s; a mentor takes at most %g mentees per competency in a "
			    "team, the highest level first",
			    it->mentor->person, it->mentor->level, it->mentor->confidence,
			    where_mentor[f->same_team], s->mentor_margin, f->required_level, f->person,
			    c, s->mentor_max_mentees);
		break;
	case RULE_CROSS_TRAIN:
		add(out, size, &n,
		    "only %s meets %s while %ld members need it: cross-train others so that the team "
		    "does not depend on one person",
		    it->key_person, c, f->required);
		break;
	case RULE_HIRE:
		add(out, size, &n,
		    "nobody in the team meets %s, and nobody in the organisation qualifies as a mentor "
		    "(a level at least %g above the required one, with confidence %g or more): hire "
		    "or bring in expertise",
		    c, s->mentor_margin, s->mentor_min_confidence);
		break;
	case RULE_REASSIGN:
		add(out, size, &n,
		    "%s falls %.2f short on %s, whose developability is low: training rarely closes "
		    "a gap of %g or more there; consider a role that fits better",
		    f->person, f->gap, c, s->reassign_min_gap);
		break;
	case RULE_ASSESS:
		add(out, size, &n,
		    "the level of %zu member%s on %s is unknown (no evidence): assess first, before "
		    "deciding on training",
		    f->count, f->count == 1 ? "" : "s", c);
		break;
	case RULE_CROSS_TRAIN_UNNAMED:
		break;
	}
}
