#include "core/recommend.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/array.h"

const char *rec_kind_name(enum rec_kind k)
{
	static const char *const names[REC_KIND_COUNT] = {
		"group", "individual", "mentor", "cross_train", "hire", "reassign", "assess"
	};

	return (unsigned)k < REC_KIND_COUNT ? names[k] : "?";
}

const char *approach_name(enum approach a)
{
	switch (a) {
	case APPROACH_INFORM: return "inform";
	case APPROACH_ASSIST: return "assist";
	case APPROACH_REFER: return "refer";
	case APPROACH_NONE: break;
	}
	return NULL;
}

enum approach approach_for(double gap, const struct settings *set)
{
	if (gap >= set->refer_from - ESTIMATE_EPS)
		return APPROACH_REFER;
	if (gap >= set->assist_from - ESTIMATE_EPS)
		return APPROACH_ASSIST;
	return APPROACH_INFORM;
}

/* One member who needs the competency being considered. */
struct need {
	const struct member_view *member;
	const struct member_line *line;
};

struct builder {
	struct recommendations *out;
	size_t cap_items, cap_members;
	size_t *first;               /* per item: index of its first member */
	size_t cap_first;
	const struct settings *set;
	const char *team;
	bool failed;
};

static struct recommendation *add_item(struct builder *b, enum rec_kind kind,
				       const char *competency)
{
	struct recommendations *r = b->out;
	struct recommendation *it;

	if (array_reserve(&r->items, &b->cap_items, r->n + 1, sizeof *r->items) < 0 ||
	    array_reserve(&b->first, &b->cap_first, r->n + 1, sizeof *b->first) < 0) {
		b->failed = true;
		return NULL;
	}
	it = &r->items[r->n];
	memset(it, 0, sizeof *it);
	it->kind = kind;
	it->competency = competency;
	b->first[r->n] = r->nmembers;
	r->n++;
	return it;
}

static void add_member(struct builder *b, const struct need *n)
{
	struct recommendations *r = b->out;
	struct rec_member *m;

	if (array_reserve(&r->members, &b->cap_members, r->nmembers + 1, sizeof *r->members) < 0) {
		b->failed = true;
		return;
	}
	m = &r->members[r->nmembers++];
	m->person = n->member->member->key;
	m->name = n->member->member->name;
	m->team = n->member->member->team;
	m->has_gap = n->line->est.assessed;
	m->gap = n->line->gap;
	m->approach = m->has_gap ? approach_for(m->gap, b->set) : APPROACH_NONE;
	r->items[r->n - 1].nmembers++;
}

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

static int by_gap_then_key(const void *a, const void *b)
{
	const struct need *x = a, *y = b;

	/* Gaps equal but for rounding noise (2 - 1.3 and 3 - 2.3) are
	 * equal: the id decides. */
	if (fabs(x->line->gap - y->line->gap) > ESTIMATE_EPS)
		return x->line->gap > y->line->gap ? -1 : 1;
	return strcmp(x->member->member->key, y->member->member->key);
}

static bool same_team(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* The best mentor for a mentee among the candidates with room: in the
 * mentee's team when there is one there, else anywhere. Highest level
 * first, then fewest mentees, then smallest id. Returns an index or -1. */
static long pick_mentor(const struct rec_input *in, const size_t *mentees, const struct need *n,
			const struct settings *set)
{
	double needed = n->line->required_level + set->mentor_margin;
	long best[2] = { -1, -1 };    /* [0] in the team, [1] anywhere */

	for (size_t i = 0; i < in->ncandidates; i++) {
		const struct candidate *c = &in->candidates[i];

		if (c->level < needed - ESTIMATE_EPS ||
		    c->confidence < set->mentor_min_confidence - ESTIMATE_EPS ||
		    (double)mentees[i] >= set->mentor_max_mentees ||
		    strcmp(c->person, n->member->member->key) == 0)
			continue;
		for (int scope = 0; scope < 2; scope++) {
			const struct candidate *o;

			if (scope == 0 && !same_team(c->team, n->member->member->team))
				continue;
			if (best[scope] < 0) {
				best[scope] = (long)i;
				continue;
			}
			o = &in->candidates[best[scope]];
			if (c->level > o->level ||
			    (c->level == o->level && (mentees[i] < mentees[best[scope]] ||
			     (mentees[i] == mentees[best[scope]] && strcmp(c->person, o->person) < 0))))
				best[scope] = (long)i;
		}
	}
	return best[0] >= 0 ? best[0] : best[1];
}

/* All recommendations on one competency of the team view. */
static void recommend_competency(struct builder *b, const struct analysis *a,
				 const struct team_line *t, const struct rec_input *in)
{
	const struct settings *set = b->set;
	struct need *needs = calloc((size_t)t->required, sizeof *needs);
	struct need *gaps = calloc((size_t)t->required, sizeof *gaps);
	size_t *mentees = calloc(in->ncandidates ? in->ncandidates : 1, sizeof *mentees);
	size_t nneeds = 0, ngaps = 0, unassessed = 0, mentored = 0;
	const struct need *key_person = NULL;
	struct recommendation *it;

	if (needs == NULL || gaps == NULL || mentees == NULL) {
		b->failed = true;
		goto out;
	}
	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = &a->members[m];

		for (size_t i = 0; i < v->nlines && nneeds < (size_t)t->required; i++) {
			if (strcmp(v->lines[i].competency, t->competency) != 0)
				continue;
			needs[nneeds] = (struct need){ v, &v->lines[i] };
			if (!v->lines[i].est.assessed)
				unassessed++;
			else if (v->lines[i].gap >= set->gap_threshold - ESTIMATE_EPS)
				gaps[ngaps++] = needs[nneeds];
			if (v->lines[i].meets)
				key_person = &needs[nneeds];
			nneeds++;
		}
	}
	if (ngaps > 1)
		qsort(gaps, ngaps, sizeof *gaps, by_gap_then_key);

	/* Group or individual coaching. */
	if ((double)ngaps >= set->group_min_members &&
	    (double)ngaps >= set->group_min_share * (double)t->required) {
		it = add_item(b, REC_GROUP, t->competency);
		if (it == NULL)
			goto out;
		(void)snprintf(it->rule, sizeof it->rule,
			       "%zu of the %ld members who need %s fall %g or more short of their required level "
			       "(a group from %g members and %g%% of those who need it): train or coach them "
			       "together; each member's approach follows their gap (inform below %g, assist "
			       "below %g, refer from %g)",
			       ngaps, t->required, t->competency, set->gap_threshold, set->group_min_members,
			       100 * set->group_min_share, set->assist_from, set->refer_from, set->refer_from);
		for (size_t i = 0; i < ngaps; i++)
			add_member(b, &gaps[i]);
	} else {
		for (size_t i = 0; i < ngaps; i++) {
			enum approach ap = approach_for(gaps[i].line->gap, set);

			it = add_item(b, REC_INDIVIDUAL, t->competency);
			if (it == NULL)
				goto out;
			(void)snprintf(it->rule, sizeof it->rule,
				       "%s falls %.2f short of the required level %d on %s, and too few members "
				       "share the gap for a group (%zu of %ld; a group needs %g and %g%%): coach "
				       "individually (%s)",
				       gaps[i].member->member->key, gaps[i].line->gap, gaps[i].line->required_level,
				       t->competency, ngaps, t->required, set->group_min_members,
				       100 * set->group_min_share, approach_words(ap));
			add_member(b, &gaps[i]);
		}
	}

	/* A mentor for each member with a gap, largest gap first. */
	for (size_t i = 0; i < ngaps; i++) {
		long m = pick_mentor(in, mentees, &gaps[i], set);
		const struct candidate *c;

		if (m < 0)
			continue;
		c = &in->candidates[m];
		mentees[m]++;
		mentored++;
		it = add_item(b, REC_MENTOR, t->competency);
		if (it == NULL)
			goto out;
		it->mentor = c;
		(void)snprintf(it->rule, sizeof it->rule,
			       "%s (level %.2f, confidence %.2f) is %s and at least %g above the level %d that "
			       "%s needs on %s; a mentor takes at most %g mentees per competency, the highest "
			       "level first",
			       c->person, c->level, c->confidence,
			       same_team(c->team, gaps[i].member->member->team) ? "in the same team" :
			       "the best placed in the organisation (no one in the team qualifies or has room)",
			       set->mentor_margin, gaps[i].line->required_level, gaps[i].member->member->key,
			       t->competency, set->mentor_max_mentees);
		add_member(b, &gaps[i]);
	}

	/* One person carries the competency. */
	if (t->key_person_risk && key_person != NULL) {
		it = add_item(b, REC_CROSS_TRAIN, t->competency);
		if (it == NULL)
			goto out;
		it->key_person = key_person->member->member->key;
		(void)snprintf(it->rule, sizeof it->rule,
			       "only %s meets %s while %ld members need it: cross-train others so that the team "
			       "does not depend on one person",
			       it->key_person, t->competency, t->required);
		for (size_t i = 0; i < nneeds; i++)
			if (&needs[i] != key_person)
				add_member(b, &needs[i]);
	}

	/* Nobody meets it, and nobody can mentor it. */
	if (t->meeting == 0 && ngaps > 0 && mentored == 0) {
		it = add_item(b, REC_HIRE, t->competency);
		if (it == NULL)
			goto out;
		(void)snprintf(it->rule, sizeof it->rule,
			       "nobody in %s meets %s, and nobody in the organisation qualifies as a mentor "
			       "(a level at least %g above the required one, with confidence %g or more): hire "
			       "or bring in expertise",
			       b->team, t->competency, set->mentor_margin, set->mentor_min_confidence);
		for (size_t i = 0; i < ngaps; i++)
			add_member(b, &gaps[i]);
	}

	/* Large gaps on what hardly develops. */
	for (size_t i = 0; in->developability == DEV_LOW && i < ngaps; i++) {
		if (gaps[i].line->gap < set->reassign_min_gap - ESTIMATE_EPS)
			continue;
		it = add_item(b, REC_REASSIGN, t->competency);
		if (it == NULL)
			goto out;
		(void)snprintf(it->rule, sizeof it->rule,
			       "%s falls %.2f short on %s, whose developability is low: training rarely closes "
			       "a gap of %g or more there; consider a role that fits better",
			       gaps[i].member->member->key, gaps[i].line->gap, t->competency,
			       set->reassign_min_gap);
		add_member(b, &gaps[i]);
	}

	/* Unknown levels. */
	if (unassessed > 0) {
		it = add_item(b, REC_ASSESS, t->competency);
		if (it == NULL)
			goto out;
		(void)snprintf(it->rule, sizeof it->rule,
			       "the level of %zu member%s on %s is unknown (no evidence): assess first, before "
			       "deciding on training",
			       unassessed, unassessed == 1 ? "" : "s", t->competency);
		for (size_t i = 0; i < nneeds; i++)
			if (!needs[i].line->est.assessed)
				add_member(b, &needs[i]);
	}
out:
	free(needs);
	free(gaps);
	free(mentees);
}

int recommend(const struct analysis *a, const char *team, const struct rec_input *in,
	      const struct settings *set, struct recommendations *out)
{
	struct builder b = { .out = out, .set = set, .team = team };

	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < a->ncompetencies && !b.failed; k++)
		recommend_competency(&b, a, &a->competencies[k], &in[k]);
	/* The member arrays moved while they grew: point into them now. */
	for (size_t i = 0; !b.failed && i < out->n; i++)
		out->items[i].members = out->nmembers ? out->members + b.first[i] : NULL;
	free(b.first);
	if (b.failed) {
		recommendations_free(out);
		return -1;
	}
	return 0;
}

void recommendations_free(struct recommendations *r)
{
	free(r->items);
	free(r->members);
	memset(r, 0, sizeof *r);
}
