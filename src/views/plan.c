/* Development plans (views/plan.h): accepting a recommendation of the gap
 * engine into a person's plan, and the plan's JSON document. */
#include "views/plan.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "views/gather.h"

const char *plan_rule_name(enum rec_rule r)
{
	switch (r) {
	case RULE_GROUP: return "group";
	case RULE_GROUP_ACROSS: return "group_across";
	case RULE_INDIVIDUAL: return "individual";
	case RULE_MENTOR: return "mentor";
	case RULE_CROSS_TRAIN:
	case RULE_CROSS_TRAIN_UNNAMED: return "cross_train";
	case RULE_HIRE: return "hire";
	case RULE_REASSIGN: return "reassign";
	default: return "assess";
	}
}

int plan_kind_of(const struct recommendation *r, const struct rec_member *me, enum plan_kind *k)
{
	switch (r->kind) {
	case REC_GROUP:
		*k = PLAN_GROUP_COACHING;
		return 0;
	case REC_INDIVIDUAL:
		/* The inform / assist / refer model (docs/methodology.md,
		 * "Recommendations"): advice and material to work through
		 * alone, a coach in person, formal training. */
		*k = me->approach == APPROACH_INFORM ? PLAN_SELF_STUDY
		   : me->approach == APPROACH_REFER ? PLAN_TRAINING : PLAN_INDIVIDUAL_COACHING;
		return 0;
	case REC_MENTOR:
		*k = PLAN_MENTORING;
		return 0;
	case REC_CROSS_TRAIN:
		*k = PLAN_CROSS_TRAINING;
		return 0;
	default:
		/* Hiring and reassignment are decisions about the team, and
		 * assessing comes before any plan: none is an action that
		 * develops the person. */
		return -1;
	}
}

void plan_rec_ref(const struct recommendation *r, const char *person, char *out, size_t size)
{
	(void)snprintf(out, size, "%s:%s:%s:%s", rec_kind_name(r->kind),
		       r->team != NULL ? r->team : "-", r->competency, person);
}

int plan_accept_parse_ref(const char *id, char *buf, size_t size, struct plan_accept *in)
{
	char *part[4], *s;
	size_t len = strlen(id);

	if (len == 0 || len >= size)
		return -1;
	memcpy(buf, id, len + 1);
	s = buf;
	for (int i = 0; i < 4; i++) {
		char *colon = strchr(s, ':');

		part[i] = s;
		if (i < 3) {
			if (colon == NULL)
				return -1;
			*colon = '\0';
			s = colon + 1;
		} else if (colon != NULL) {
			return -1;
		}
		if (*part[i] == '\0')
			return -1;
	}
	in->rec_kind = part[0];
	in->team = strcmp(part[1], "-") == 0 ? NULL : part[1];
	in->competency = part[2];
	in->person = part[3];
	return 0;
}

static const struct rec_member *member_of(const struct recommendation *r, const char *person)
{
	for (size_t m = 0; m < r->nmembers; m++)
		if (strcmp(r->members[m].person, person) == 0)
			return &r->members[m];
	return NULL;
}

int plan_each_acceptable(const struct recommendations *r, const char *person,
			 int (*cb)(void *ctx, const struct recommendation *r,
				   const struct rec_member *me, enum plan_kind k),
			 void *ctx)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct rec_member *me = member_of(&r->items[i], person);
		enum plan_kind k;
		int rc;

		if (me != NULL && plan_kind_of(&r->items[i], me, &k) == 0 &&
		    (rc = cb(ctx, &r->items[i], me, k)) != 0)
			return rc;
	}
	return 0;
}

static int fail_field(const char **field, const char *name)
{
	*field = name;
	return -1;
}

/* What recommendations name person on competency, for the message: "kind,
 * kind" into out. */
static void kinds_named(const struct recommendations *r, const char *person,
			const char *competency, char *out, size_t size)
{
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < r->n; i++) {
		int n;

		if (strcmp(r->items[i].competency, competency) != 0 ||
		    member_of(&r->items[i], person) == NULL)
			continue;
		n = snprintf(out + used, size - used, "%s%s", used ? ", " : "",
			     rec_kind_name(r->items[i].kind));
		if (n < 0 || (size_t)n >= size - used)
			return;
		used += (size_t)n;
	}
}

static int choose(struct store *st, const struct plan_accept *in, const struct recommendations *r,
		  struct arena *a, struct plan_action *out, const char **field, struct err *err)
{
	const struct recommendation *pick = NULL;
	const struct rec_member *me = NULL;
	size_t found = 0;
	char named[200], ref[PLAN_REF_MAX];
	enum plan_kind k;

	(void)st;
	for (size_t i = 0; i < r->n; i++) {
		const struct recommendation *it = &r->items[i];
		const struct rec_member *m;

		if (strcmp(it->competency, in->competency) != 0 ||
		    (m = member_of(it, in->person)) == NULL)
			continue;
		if (in->rec_kind != NULL && strcmp(rec_kind_name(it->kind), in->rec_kind) != 0)
			continue;
		if (in->rec_kind == NULL && plan_kind_of(it, m, &k) < 0)
			continue;
		if (pick == NULL) {
			pick = it;
			me = m;
		}
		found++;
	}
	kinds_named(r, in->person, in->competency, named, sizeof named);
	if (pick == NULL) {
		if (named[0] == '\0')
			err_set(err, EX_DATAERR, "recommendation: none names %s on %s%s%s as of today;"
				" 'compgap recommend --team KEY' lists them", in->person, in->competency,
				in->rec_kind ? " of kind " : "", in->rec_kind ? in->rec_kind : "");
		else
			err_set(err, EX_DATAERR, "recommendation: none of kind %s names %s on %s; there"
				" is: %s", in->rec_kind ? in->rec_kind : "group, individual, mentor or"
				" cross_train", in->person, in->competency, named);
		return fail_field(field, "recommendation");
	}
	if (found > 1)
		return err_set(err, EX_DATAERR, "recommendation: %zu name %s on %s (%s); choose one"
			       " by its kind", found, in->person, in->competency, named),
		       fail_field(field, "recommendation");
	if (plan_kind_of(pick, me, &k) < 0)
		return err_set(err, EX_DATAERR, "recommendation: a %s recommendation is not an action"
			       " in a person's plan (only group, individual, mentor and cross_train"
			       " are; hire and reassign are decisions about the team, assess comes"
			       " first)", rec_kind_name(pick->kind)),
		       fail_field(field, "recommendation");
	plan_rec_ref(pick, in->person, ref, sizeof ref);
	memset(out, 0, sizeof *out);
	out->person = in->person;
	out->competency = in->competency;
	out->kind = k;
	out->status = PLAN_PLANNED;
	if (pick->kind == REC_MENTOR && pick->mentor != NULL && !pick->mentor_withheld)
		out->mentor = arena_strdup(a, pick->mentor->person);
	if (pick->kind == REC_CROSS_TRAIN && pick->key_person != NULL)
		out->mentor = arena_strdup(a, pick->key_person);
	out->description = arena_strdup(a, in->description != NULL ? in->description
				       : pick->mentor_withheld ? pick->rule_withheld : pick->rule);
	out->has_due = true;
	out->due = in->has_due ? in->due : in->today + PLAN_ACCEPT_DUE_DAYS;
	out->source_rule = plan_rule_name(pick->facts.rule);
	out->source_ref = arena_strdup(a, ref);
	if (out->description == NULL || out->source_ref == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	return 0;
}

int plan_from_recommendation(struct store *st, const struct plan_accept *in,
			     const struct view_reader *rd, struct arena *a,
			     struct plan_action *out, const char **field, struct err *err)
{
	struct person who;
	struct team_snapshot snap;
	struct analysis an;
	struct rec_context ctx;
	struct recommendations r = { 0 };
	const char *team = in->team;
	int rc;

	*field = NULL;
	rc = store_get_person(st, in->person, &who, a, err);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		(void)store_unknown_key(st, ENTITY_PERSON, in->person, err);
		return fail_field(field, "person");
	}
	if (store_require_key(st, ENTITY_COMPETENCY, in->competency, err) < 0)
		return fail_field(field, "competency");
	if (in->rec_kind != NULL) {
		int k = 0;

		while (k < REC_KIND_COUNT && strcmp(rec_kind_name(k), in->rec_kind) != 0)
			k++;
		if (k == REC_KIND_COUNT)
			return err_set(err, EX_DATAERR, "recommendation: '%s' is not a kind of"
				       " recommendation; one of group, individual, mentor,"
				       " cross_train", in->rec_kind),
			       fail_field(field, "recommendation");
	}
	if (team == NULL)
		team = who.team;
	if (team == NULL)
		return err_set(err, EX_DATAERR, "person: %s is in no team, so no recommendation"
			       " names them", in->person), fail_field(field, "person");
	if (store_require_key(st, ENTITY_TEAM, team, err) < 0)
		return fail_field(field, "team");
	if (view_analyse(st, team, NULL, in->today, &snap, &an, err) < 0)
		return -1;
	rc = gather_recommendations(st, &an, team, &ctx, &r, err);
	if (rc == 0) {
		rc = view_withhold_people(&r, rd, err);
		if (rc == 0)
			rc = choose(st, in, &r, a, out, field, err);
		recommendations_free(&r);
		rec_context_free(&ctx);
	}
	view_analysis_free(&snap, &an);
	return rc;
}

int plan_withhold_mentors(struct plan_action *v, size_t n, const struct view_reader *rd,
			  struct err *err)
{
	for (size_t i = 0; rd != NULL && rd->may_see_person != NULL && i < n; i++) {
		int rc;

		if (v[i].mentor == NULL)
			continue;
		rc = rd->may_see_person(rd->ctx, v[i].mentor, err);
		if (rc < 0)
			return -1;
		if (rc == 0) {
			v[i].mentor = NULL;
			v[i].mentor_withheld = true;
		}
	}
	return 0;
}
