#include "core/recommend.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/mentor_pick.h"
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
	const struct member_view *member;   /* in the analysis */
	const struct member_line *line;     /* theirs on the competency */
};

struct builder {
	struct recommendations *out; /* being filled */
	size_t cap_items, cap_members;   /* room in out's arrays */
	size_t *first;               /* per item: index of its first member */
	size_t cap_first;            /* room in first */
	const struct settings *set;  /* the thresholds of the rules */
	const char *team;            /* the team each item is for; NULL: no team */
	bool failed;                 /* memory ran out: out is freed at the end */
};

const char *rec_team_label(const char *team)
{
	return team != NULL ? team : "no team";
}

/* The thresholds of set that the rules state. */
static struct rec_thresholds thresholds(const struct settings *set)
{
	return (struct rec_thresholds){
		.gap_threshold = set->gap_threshold,
		.group_min_members = set->group_min_members,
		.group_min_share = set->group_min_share,
		.assist_from = set->assist_from,
		.refer_from = set->refer_from,
		.mentor_margin = set->mentor_margin,
		.mentor_min_confidence = set->mentor_min_confidence,
		.mentor_max_mentees = set->mentor_max_mentees,
		.reassign_min_gap = set->reassign_min_gap,
	};
}

/* Sets it's rule and its words (both forms for a mentor) from its facts. */
static void set_rule(struct recommendation *it, const struct settings *set, struct rec_facts f)
{
	f.set = thresholds(set);
	it->facts = f;
	rec_rule_text(it, false, it->rule, sizeof it->rule);
	if (f.rule == RULE_MENTOR)
		rec_rule_text(it, true, it->rule_withheld, sizeof it->rule_withheld);
}

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
	it->team = b->team;
	b->first[r->n] = r->nmembers;
	r->n++;
	return it;
}

/* Adds m to the last item. */
static void add_rec_member(struct builder *b, const struct rec_member *m)
{
	struct recommendations *r = b->out;

	if (array_reserve(&r->members, &b->cap_members, r->nmembers + 1, sizeof *r->members) < 0) {
		b->failed = true;
		return;
	}
	r->members[r->nmembers++] = *m;
	r->items[r->n - 1].nmembers++;
}

static void add_member(struct builder *b, const struct need *n)
{
	struct rec_member m = {
		.person = n->member->member->key,
		.name = n->member->member->name,
		.team = n->member->member->team,
		.has_gap = n->line->est.assessed,
		.gap = n->line->gap,
	};

	m.approach = m.has_gap ? approach_for(m.gap, b->set) : APPROACH_NONE;
	add_rec_member(b, &m);
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

/* Whether l counts as a gap for the recommendations: assessed, and at
 * least gap_threshold short (docs/methodology.md, "Recommendations"). */
static bool is_gap(const struct settings *set, const struct member_line *l)
{
	return l->est.assessed && l->gap >= set->gap_threshold - ESTIMATE_EPS;
}

/* n members with a gap, of the required who need the competency, make a
 * group. */
static bool enough_for_group(const struct settings *set, size_t n, long required)
{
	return (double)n >= set->group_min_members &&
	       (double)n >= set->group_min_share * (double)required;
}

/* All recommendations on one competency of the team view; mentors from
 * x, the index of in's candidates. */
static void recommend_competency(struct builder *b, const struct analysis *a,
				 const struct team_line *t, const struct rec_input *in,
				 const struct mentor_index *x)
{
	const struct settings *set = b->set;
	struct need *needs = calloc((size_t)t->required, sizeof *needs);
	struct need *gaps = calloc((size_t)t->required, sizeof *gaps);
	struct mentee_counts mentees = { 0 };
	size_t nneeds = 0, ngaps = 0, unassessed = 0, mentored = 0;
	const struct need *key_person = NULL;
	struct recommendation *it;

	if (needs == NULL || gaps == NULL) {
		b->failed = true;
		goto out;
	}
	for (size_t m = 0; m < a->nmembers && nneeds < (size_t)t->required; m++) {
		const struct member_view *v = &a->members[m];
		const struct member_line *l = analysis_member_line(v, t->competency);

		if (l == NULL)
			continue;
		needs[nneeds] = (struct need){ v, l };
		unassessed += !l->est.assessed;
		if (is_gap(set, l))
			gaps[ngaps++] = needs[nneeds];
		if (l->meets)
			key_person = &needs[nneeds];
		nneeds++;
	}
	if (ngaps > 1)
		qsort(gaps, ngaps, sizeof *gaps, by_gap_then_key);

	/* Group or individual coaching. */
	if (enough_for_group(set, ngaps, t->required)) {
		it = add_item(b, REC_GROUP, t->competency);
		if (it == NULL)
			goto out;
		set_rule(it, set, (struct rec_facts){ .rule = RULE_GROUP, .count = ngaps,
						      .required = t->required });
		for (size_t i = 0; i < ngaps; i++)
			add_member(b, &gaps[i]);
	} else {
		for (size_t i = 0; i < ngaps; i++) {
			enum approach ap = approach_for(gaps[i].line->gap, set);

			it = add_item(b, REC_INDIVIDUAL, t->competency);
			if (it == NULL)
				goto out;
			set_rule(it, set, (struct rec_facts){
				.rule = RULE_INDIVIDUAL, .count = ngaps, .required = t->required,
				.person = gaps[i].member->member->key, .gap = gaps[i].line->gap,
				.required_level = gaps[i].line->required_level, .approach = ap });
			add_member(b, &gaps[i]);
		}
	}

	/* A mentor for each member with a gap, largest gap first. */
	for (size_t i = 0; i < ngaps; i++) {
		const struct snapshot_member *who = gaps[i].member->member;
		long m = mentor_pick(x, &mentees, who->key, who->team,
				     gaps[i].line->required_level, set);
		const struct candidate *c;

		if (m < 0)
			continue;
		c = &in->candidates[m];
		if (mentee_counts_add(&mentees, (size_t)m) < 0) {
			b->failed = true;
			goto out;
		}
		mentored++;
		it = add_item(b, REC_MENTOR, t->competency);
		if (it == NULL)
			goto out;
		it->mentor = c;
		set_rule(it, set, (struct rec_facts){
			.rule = RULE_MENTOR, .person = gaps[i].member->member->key,
			.required_level = gaps[i].line->required_level,
			.same_team = same_team(c->team, gaps[i].member->member->team) });
		add_member(b, &gaps[i]);
	}

	/* One person carries the competency. */
	if (t->key_person_risk && key_person != NULL) {
		it = add_item(b, REC_CROSS_TRAIN, t->competency);
		if (it == NULL)
			goto out;
		it->key_person = key_person->member->member->key;
		set_rule(it, set, (struct rec_facts){ .rule = RULE_CROSS_TRAIN,
						      .required = t->required });
		for (size_t i = 0; i < nneeds; i++)
			if (&needs[i] != key_person)
				add_member(b, &needs[i]);
	}

	/* Nobody meets it, and nobody can mentor it. */
	if (t->meeting == 0 && ngaps > 0 && mentored == 0) {
		it = add_item(b, REC_HIRE, t->competency);
		if (it == NULL)
			goto out;
		set_rule(it, set, (struct rec_facts){ .rule = RULE_HIRE, .required = t->required });
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
		set_rule(it, set, (struct rec_facts){
			.rule = RULE_REASSIGN, .person = gaps[i].member->member->key,
			.gap = gaps[i].line->gap, .required = t->required });
		add_member(b, &gaps[i]);
	}

	/* Unknown levels. */
	if (unassessed > 0) {
		it = add_item(b, REC_ASSESS, t->competency);
		if (it == NULL)
			goto out;
		set_rule(it, set, (struct rec_facts){ .rule = RULE_ASSESS, .count = unassessed,
						      .required = t->required });
		for (size_t i = 0; i < nneeds; i++)
			if (!needs[i].line->est.assessed)
				add_member(b, &needs[i]);
	}
out:
	free(needs);
	free(gaps);
	mentee_counts_free(&mentees);
}

/* Ends a build: points each item at its members. 0, or -1 with out freed
 * when memory ran out on the way. */
static int builder_finish(struct builder *b)
{
	struct recommendations *out = b->out;

	/* The member arrays moved while they grew: point into them now. */
	for (size_t i = 0; !b->failed && i < out->n; i++)
		out->items[i].members = out->nmembers ? out->members + b->first[i] : NULL;
	free(b->first);
	b->first = NULL;
	if (b->failed) {
		recommendations_free(out);
		return -1;
	}
	return 0;
}

/* The mentor indexes of in[0..n): an array to free with free_indexes, or
 * NULL when memory ran out. */
static struct mentor_index *build_indexes(const struct rec_input *in, size_t n)
{
	struct mentor_index *x = calloc(n ? n : 1, sizeof *x);
	bool failed = x == NULL;

	for (size_t k = 0; !failed && k < n; k++)
		failed = mentor_index_build(&x[k], in[k].candidates, in[k].ncandidates) < 0;
	if (failed && x != NULL) {
		for (size_t k = 0; k < n; k++)
			mentor_index_free(&x[k]);
		free(x);
		return NULL;
	}
	return x;
}

static void free_indexes(struct mentor_index *x, size_t n)
{
	for (size_t k = 0; x != NULL && k < n; k++)
		mentor_index_free(&x[k]);
	free(x);
}

/* recommend() with in's mentor indexes x. */
static int recommend_indexed(const struct analysis *a, const char *team,
			     const struct rec_input *in, const struct mentor_index *x,
			     const struct settings *set, struct recommendations *out)
{
	struct builder b = { .out = out, .set = set, .team = team };

	memset(out, 0, sizeof *out);
	for (size_t k = 0; k < a->ncompetencies && !b.failed; k++)
		recommend_competency(&b, a, &a->competencies[k], &in[k], &x[k]);
	return builder_finish(&b);
}

int recommend(const struct analysis *a, const char *team, const struct rec_input *in,
	      const struct settings *set, struct recommendations *out)
{
	struct mentor_index *x = build_indexes(in, a->ncompetencies);
	int rc;

	if (x == NULL) {
		memset(out, 0, sizeof *out);
		return -1;
	}
	rc = recommend_indexed(a, team, in, x, set, out);
	free_indexes(x, a->ncompetencies);
	return rc;
}

/* A department's recommendations (docs/methodology.md, "Departments"). */

/* recommend() on group g of a's members, as if g were a view of its own:
 * the same result as `recommend --team` of g's team when that team has no
 * sub-teams. */
static int recommend_group(const struct analysis *a, const struct subteam *g,
			   const struct rec_input *in, const struct mentor_index *x,
			   const struct settings *set, struct recommendations *out)
{
	struct member_view *members = calloc(g->nmembers ? g->nmembers : 1, sizeof *members);
	struct rec_input *gin = calloc(g->ncompetencies ? g->ncompetencies : 1, sizeof *gin);
	struct mentor_index *gx = calloc(g->ncompetencies ? g->ncompetencies : 1, sizeof *gx);
	struct analysis sub = {
		.as_of = a->as_of,
		.members = members,
		.nmembers = g->nmembers,
		.competencies = g->competencies,
		.ncompetencies = g->ncompetencies,
	};
	int rc = -1;

	memset(out, 0, sizeof *out);
	if (members == NULL || gin == NULL || gx == NULL)
		goto out;
	for (size_t m = 0; m < g->nmembers; m++)
		members[m] = *g->members[m];
	/* Every competency of a group is one of the view's; its candidates
	 * and their index are the view's (a struct copy: nothing is freed
	 * through gx). */
	for (size_t k = 0; k < g->ncompetencies; k++)
		for (size_t j = 0; j < a->ncompetencies; j++)
			if (strcmp(a->competencies[j].competency, g->competencies[k].competency) == 0) {
				gin[k] = in[j];
				gx[k] = x[j];
			}
	rc = recommend_indexed(&sub, g->team, gin, gx, set, out);
out:
	free(members);
	free(gin);
	free(gx);
	return rc;
}

static bool has_group(const struct recommendations *r, const char *competency)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].kind == REC_GROUP && strcmp(r->items[i].competency, competency) == 0)
			return true;
	return false;
}

/* The members with a gap on t whose own team advises no group on it; when
 * they come from two teams or more and are enough for a group among all in
 * the view who need t, one department-wide group for them. Returns whether
 * it was added. */
static bool department_group(struct builder *b, const struct subteams *s,
			     const struct recommendations *per, const struct team_line *t)
{
	const struct settings *set = b->set;
	struct need *gaps = calloc((size_t)t->required ? (size_t)t->required : 1, sizeof *gaps);
	size_t ngaps = 0, nteams = 0;
	struct recommendation *it;
	bool added = false;

	if (gaps == NULL) {
		b->failed = true;
		return false;
	}
	for (size_t g = 0; g < s->n; g++) {
		size_t before = ngaps;

		if (has_group(&per[g], t->competency))
			continue;
		for (size_t m = 0; m < s->items[g].nmembers && ngaps < (size_t)t->required; m++) {
			const struct member_view *v = s->items[g].members[m];
			const struct member_line *l = analysis_member_line(v, t->competency);

			if (l != NULL && is_gap(set, l))
				gaps[ngaps++] = (struct need){ v, l };
		}
		nteams += ngaps > before;
	}
	if (nteams < 2 || !enough_for_group(set, ngaps, t->required))
		goto out;
	qsort(gaps, ngaps, sizeof *gaps, by_gap_then_key);
	it = add_item(b, REC_GROUP, t->competency);
	if (it == NULL)
		goto out;
	set_rule(it, set, (struct rec_facts){ .rule = RULE_GROUP_ACROSS, .count = ngaps,
					      .required = t->required, .teams = nteams });
	for (size_t i = 0; i < ngaps; i++)
		add_member(b, &gaps[i]);
	added = true;
out:
	free(gaps);
	return added;
}

static void copy_item(struct builder *b, const struct recommendation *src)
{
	struct recommendation *it = add_item(b, src->kind, src->competency);

	if (it == NULL)
		return;
	it->team = src->team;
	it->mentor = src->mentor;
	it->key_person = src->key_person;
	it->facts = src->facts;
	memcpy(it->rule, src->rule, sizeof it->rule);
	memcpy(it->rule_withheld, src->rule_withheld, sizeof it->rule_withheld);
	for (size_t m = 0; m < src->nmembers; m++)
		add_rec_member(b, &src->members[m]);
}

int recommend_gathered(const struct analysis *a, const struct subteams *s, const char *team,
		       const struct rec_input *in, const struct settings *set,
		       struct recommendations *out)
{
	struct recommendations *per = calloc(s->n ? s->n : 1, sizeof *per);
	struct mentor_index *x = build_indexes(in, a->ncompetencies);
	struct builder b = { .out = out, .set = set, .team = team };

	memset(out, 0, sizeof *out);
	if (per == NULL || x == NULL) {
		free(per);
		free_indexes(x, a->ncompetencies);
		return -1;
	}
	/* The view's candidates are indexed once for all its teams. */
	for (size_t g = 0; g < s->n && !b.failed; g++)
		if (recommend_group(a, &s->items[g], in, x, set, &per[g]) < 0)
			b.failed = true;
	free_indexes(x, a->ncompetencies);
	for (size_t k = 0; k < a->ncompetencies && !b.failed; k++) {
		const char *c = a->competencies[k].competency;
		bool across = department_group(&b, s, per, &a->competencies[k]);

		/* The department-wide group replaces its members' individual
		 * coaching; all else stays as their team advises. */
		for (size_t g = 0; g < s->n; g++)
			for (size_t i = 0; i < per[g].n; i++)
				if (strcmp(per[g].items[i].competency, c) == 0 &&
				    !(across && per[g].items[i].kind == REC_INDIVIDUAL))
					copy_item(&b, &per[g].items[i]);
	}
	for (size_t g = 0; g < s->n; g++)
		recommendations_free(&per[g]);
	free(per);
	return builder_finish(&b);
}

void recommendations_free(struct recommendations *r)
{
	free(r->items);
	free(r->members);
	memset(r, 0, sizeof *r);
}

void recommend_link_key_results(struct recommendations *r, const struct analysis *a)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct okr_link *l = analysis_link(a, r->items[i].team, r->items[i].competency);

		r->items[i].key_results = l != NULL ? l->keys : NULL;
		r->items[i].nkey_results = l != NULL ? l->nkeys : 0;
	}
}
