/* The recommendations' rules in the reader's language (rec_rules.h). Each
 * rule is one whole sentence of the catalogue with %s for what varies, so
 * that a translation can put the parts in its own order of words; the
 * numbers are formatted first, in the reader's conventions. */
#include "web/rec_rules.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "io/html.h"
#include "store/plans.h"
#include "util/buf.h"

enum {
	PARTS = 12,          /* the most a sentence takes */
	PART_LEN = 160
};

/* The formatted parts of one sentence. */
struct parts {
	char s[PARTS][PART_LEN];
	size_t n;
};

static const char *put(struct parts *p, const char *s)
{
	char *out;

	if (p->n >= PARTS)
		return "";
	out = p->s[p->n++];
	(void)snprintf(out, PART_LEN, "%s", s != NULL ? s : "");
	return out;
}

/* v with decimals in l's conventions. */
static const char *num(struct parts *p, enum lang l, double v, int decimals)
{
	struct buf b;
	const char *s;

	buf_init(&b, PART_LEN);
	s = put(p, fmt_number(&b, l, v, decimals) == 0 ? buf_str(&b) : "");
	buf_free(&b);
	return s;
}

/* A threshold of the settings with as many decimals as it has (at most
 * two), as the command line's %g writes 0.5 and 3. */
static const char *threshold(struct parts *p, enum lang l, double v)
{
	int d = 0;

	while (d < 2 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-9)
		d++;
	return num(p, l, v, d);
}

static const char *person(struct parts *p, const struct rec_names *nm, const char *key)
{
	const char *name = nm->person != NULL && key != NULL ? nm->person(nm->ctx, key) : NULL;

	return put(p, name != NULL ? name : key);
}

static const char *competency(struct parts *p, const struct rec_names *nm, const char *key)
{
	const char *name = nm->competency != NULL ? nm->competency(nm->ctx, key) : NULL;

	return put(p, name != NULL ? name : key);
}

static const char *approach_text(enum lang l, enum approach a)
{
	switch (a) {
	case APPROACH_INFORM: return tr(l, "inform: advice and material, self-directed");
	case APPROACH_ASSIST: return tr(l, "assist: coached personally");
	case APPROACH_REFER: return tr(l, "refer: formal training or an expert");
	case APPROACH_NONE: break;
	}
	return "";
}

/* The sentence of a mentor: four, by whether the reader may see the
 * mentor and whether the mentor is in the mentee's team. */
static void mentor_rule(char *out, size_t size, enum lang l, const struct recommendation *it,
			const struct rec_names *nm, struct parts *p)
{
	const struct rec_facts *f = &it->facts;
	const char *team = it->mentor->team != NULL ? it->mentor->team : tr(l, "no team");
	const char *margin = threshold(p, l, f->set.mentor_margin);
	const char *req = num(p, l, f->required_level, 0);
	const char *mentee = person(p, nm, f->person);
	const char *c = competency(p, nm, it->competency);

	if (it->mentor_withheld && f->same_team)
		(void)snprintf(out, size, tr(l, "A colleague in %s, whose name and level you may not "
					     "see, is in the same team and at least %s above the level "
					     "%s that %s needs on %s; ask someone who sees %s (HR) to "
					     "introduce them."),
			       team, margin, req, mentee, c, team);
	else if (it->mentor_withheld)
		(void)snprintf(out, size, tr(l, "A colleague in %s, whose name and level you may not "
					     "see, is the best placed in the organisation (no one in "
					     "the team qualifies or has room) and at least %s above "
					     "the level %s that %s needs on %s; ask someone who sees %s "
					     "(HR) to introduce them."),
			       team, margin, req, mentee, c, team);
	else if (f->same_team)
		(void)snprintf(out, size, tr(l, "%s (level %s, confidence %s) is in the same team and "
					     "at least %s above the level %s that %s needs on %s; a "
					     "mentor takes at most %s mentees per competency in a "
					     "team, the highest level first."),
			       person(p, nm, it->mentor->person), num(p, l, it->mentor->level, 2),
			       num(p, l, it->mentor->confidence, 2), margin, req, mentee, c,
			       threshold(p, l, f->set.mentor_max_mentees));
	else
		(void)snprintf(out, size, tr(l, "%s (level %s, confidence %s) is the best placed in "
					     "the organisation (no one in the team qualifies or has "
					     "room) and at least %s above the level %s that %s needs "
					     "on %s; a mentor takes at most %s mentees per competency "
					     "in a team, the highest level first."),
			       person(p, nm, it->mentor->person), num(p, l, it->mentor->level, 2),
			       num(p, l, it->mentor->confidence, 2), margin, req, mentee, c,
			       threshold(p, l, f->set.mentor_max_mentees));
}

/* The sentence of it's rule into out. */
static void sentence(char *out, size_t size, enum lang l, const struct recommendation *it,
		     const struct rec_names *nm)
{
	const struct rec_facts *f = &it->facts;
	const struct rec_thresholds *s = &f->set;
	struct parts p = { .n = 0 };
	const char *c = competency(&p, nm, it->competency);

	out[0] = '\0';
	switch (f->rule) {
	case RULE_GROUP:
		(void)snprintf(out, size, tr(l, "%s of the %s members who need %s fall %s or more "
					     "short of their required level (a group from %s members "
					     "and %s%% of those who need it): train or coach them "
					     "together; each member's approach follows their gap "
					     "(inform below %s, assist below %s, refer from %s)."),
			       num(&p, l, (double)f->count, 0), num(&p, l, (double)f->required, 0), c,
			       threshold(&p, l, s->gap_threshold), threshold(&p, l, s->group_min_members),
			       threshold(&p, l, 100 * s->group_min_share), threshold(&p, l, s->assist_from),
			       threshold(&p, l, s->refer_from), threshold(&p, l, s->refer_from));
		break;
	case RULE_GROUP_ACROSS:
		(void)snprintf(out, size, tr(l, "%s of the %s members who need %s fall %s or more "
					     "short of their required level, in %s teams none of which "
					     "has a group on it (a group from %s members and %s%% of "
					     "those in %s who need it): train or coach them together "
					     "across the teams, instead of one by one; each member's "
					     "approach follows their gap (inform below %s, assist below "
					     "%s, refer from %s)."),
			       num(&p, l, (double)f->count, 0), num(&p, l, (double)f->required, 0), c,
			       threshold(&p, l, s->gap_threshold), num(&p, l, (double)f->teams, 0),
			       threshold(&p, l, s->group_min_members),
			       threshold(&p, l, 100 * s->group_min_share),
			       it->team != NULL ? it->team : tr(l, "no team"),
			       threshold(&p, l, s->assist_from), threshold(&p, l, s->refer_from),
			       threshold(&p, l, s->refer_from));
		break;
	case RULE_INDIVIDUAL:
		(void)snprintf(out, size, tr(l, "%s falls %s short of the required level %s on %s, and "
					     "too few members share the gap for a group (%s of %s; a "
					     "group needs %s and %s%%): coach individually (%s)."),
			       person(&p, nm, f->person), num(&p, l, f->gap, 2),
			       num(&p, l, f->required_level, 0), c, num(&p, l, (double)f->count, 0),
			       num(&p, l, (double)f->required, 0), threshold(&p, l, s->group_min_members),
			       threshold(&p, l, 100 * s->group_min_share), approach_text(l, f->approach));
		break;
	case RULE_MENTOR:
		if (it->mentor != NULL)
			mentor_rule(out, size, l, it, nm, &p);
		break;
	case RULE_CROSS_TRAIN:
		(void)snprintf(out, size, tr(l, "Only %s meets %s while %s members need it: "
					     "cross-train others so that the team does not depend on "
					     "one person."),
			       person(&p, nm, it->key_person), c, num(&p, l, (double)f->required, 0));
		break;
	case RULE_CROSS_TRAIN_UNNAMED:
		(void)snprintf(out, size, tr(l, "Only one member meets %s while several need it: "
					     "cross-train others so that the team does not depend on "
					     "one person."), c);
		break;
	case RULE_HIRE:
		(void)snprintf(out, size, tr(l, "Nobody in the team meets %s, and nobody in the "
					     "organisation qualifies as a mentor (a level at least %s "
					     "above the required one, with confidence %s or more): hire "
					     "or bring in expertise."),
			       c, threshold(&p, l, s->mentor_margin),
			       threshold(&p, l, s->mentor_min_confidence));
		break;
	case RULE_REASSIGN:
		(void)snprintf(out, size, tr(l, "%s falls %s short on %s, whose developability is low: "
					     "training rarely closes a gap of %s or more there; "
					     "consider a role that fits better."),
			       person(&p, nm, f->person), num(&p, l, f->gap, 2), c,
			       threshold(&p, l, s->reassign_min_gap));
		break;
	case RULE_ASSESS:
		(void)snprintf(out, size, trn(l, "The level of %s member on %s is unknown (no "
					      "evidence): assess first, before deciding on training.",
					      "The level of %s members on %s is unknown (no evidence): "
					      "assess first, before deciding on training.",
					      (unsigned long)f->count),
			       num(&p, l, (double)f->count, 0), c);
		break;
	}
}

void web_rec_text(char *out, size_t size, enum lang l, const struct recommendation *it,
		  const struct rec_names *nm)
{
	char team[300];
	int n = 0;

	/* A rule for another team than the page's (a department's group of a
	 * sub-team) says which. */
	if (it->team == NULL) {
		n = snprintf(out, size, "%s ", tr(l, "For the members without a team:"));
	} else if (nm->page_team == NULL || strcmp(it->team, nm->page_team) != 0) {
		(void)snprintf(team, sizeof team, tr(l, "For team %s:"), it->team);
		n = snprintf(out, size, "%s ", team);
	}
	if (n < 0 || (size_t)n >= size)
		n = 0;
	sentence(out + n, size - (size_t)n, l, it, nm);
}

void web_rec_rule(FILE *out, enum lang l, const struct recommendation *it,
		  const struct rec_names *nm)
{
	char text[1800];

	web_rec_text(text, sizeof text, l, it, nm);
	html_escape(out, text);
}

void web_rec_accept_form(struct page *p, const char *person, const char *ref,
			 const struct recommendation *it, const struct rec_names *names)
{
	char action[300], text[PLAN_DESCRIPTION_MAX];

	(void)snprintf(action, sizeof action, "/people/%s/plan/accept", person);
	html_printf(p->out, "\n<form method=\"post\" action=\"%s\" class=\"accept-form\">\n", action);
	page_hidden(p, "csrf_token", p->csrf);
	page_hidden(p, "recommendation", ref);
	web_rec_text(text, sizeof text, p->lang, it, names);
	page_hidden(p, "description", text);
	html_printf(p->out, "<button type=\"submit\">%s</button>\n</form>\n",
		    tr(p->lang, "Add to the plan"));
}

int web_rec_mentor_names(struct store *st, const struct recommendations *r,
			 const char *(*known)(void *ctx, const char *key), void *ctx,
			 struct strmap *names, struct arena *a, struct err *err)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct recommendation *it = &r->items[i];
		struct person who;
		int64_t v;
		char *name;
		int rc;

		if (it->mentor == NULL || it->mentor_withheld ||
		    (known != NULL && known(ctx, it->mentor->person) != NULL) ||
		    strmap_get(names, it->mentor->person, &v))
			continue;
		rc = store_get_person(st, it->mentor->person, &who, a, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			continue;
		name = arena_strdup(a, who.name);
		if (name == NULL || strmap_put(names, it->mentor->person, (int64_t)(intptr_t)name) < 0)
			return err_set(err, EX_OSERR, "out of memory");
	}
	return 0;
}
