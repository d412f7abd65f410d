/* Development plans as the command line and the API see them
 * (docs/methodology.md, "Development plans"): a recommendation of the gap
 * engine accepted into a plan in one step, and the plan's JSON document.
 * The store's part is store/plans.h. */
#ifndef COMPGAP_VIEWS_PLAN_H
#define COMPGAP_VIEWS_PLAN_H

#include <stdbool.h>
#include <stdint.h>

#include "core/recommend.h"
#include "store/plans.h"
#include "views/views.h"

/* Days after the day of acceptance that an accepted action is due when
 * no due date is given: a quarter. */
enum { PLAN_ACCEPT_DUE_DAYS = 90 };

/* The name of a recommendation's rule ("group", "group_across",
 * "individual", "mentor", "cross_train", "cross_train", "hire",
 * "reassign", "assess"), as source_rule stores it. */
const char *plan_rule_name(enum rec_rule r);

/* The action kind of recommendation r for its member me: group ->
 * group_coaching; individual -> by me's approach: inform -> self_study,
 * assist -> individual_coaching, refer -> training; mentor -> mentoring;
 * cross_train -> cross_training. 0, or -1 for what is not a person's
 * development action (hire, reassign, assess). */
int plan_kind_of(const struct recommendation *r, const struct rec_member *me, enum plan_kind *k);

/* A recommendation's identity: KIND:TEAM:COMPETENCY:PERSON (TEAM "-" for
 * members without a team), the person one of its members. */
void plan_rec_ref(const struct recommendation *r, const char *person, char *out, size_t size);

/* Which recommendation to accept into whose plan. */
struct plan_accept {
	const char *person, *competency;   /* keys */
	const char *rec_kind;              /* group, individual, mentor, cross_train; NULL:
					      the only one there is */
	const char *team;                  /* the view it was recommended in; NULL: the
					      person's own team */
	int32_t today;                     /* the recommendations' date */
	bool has_due;
	int32_t due;                       /* NULL: today + PLAN_ACCEPT_DUE_DAYS */
	const char *description;           /* NULL: the rule in English */
};

/* What rd may not see of v[0..n): a mentor out of its reach is withheld
 * (mentor NULL, mentor_withheld set, mentor_team kept), as the
 * recommendations withhold one (docs/security.md, "Development plans").
 * rd NULL: nothing. 0, or -1 with err set. */
int plan_withhold_mentors(struct plan_action *v, size_t n, const struct view_reader *rd,
			  struct err *err);

/* Parses an identity of plan_rec_ref into in's person, competency,
 * rec_kind and team (pointing into buf, a copy of id of size bytes).
 * 0, or -1 when id is not one. */
int plan_accept_parse_ref(const char *id, char *buf, size_t size, struct plan_accept *in);

/* The action that accepting in's recommendation makes, the reader rd
 * (NULL: sees all) seeing what the recommendations page would show: the
 * recommendations of in->team (or the person's team) as of in->today,
 * the one naming the person on the competency (of in->rec_kind). Strings
 * in arena a. Fails with EX_DATAERR naming the field (*field) when the
 * person, competency or team is not stored, no such recommendation names
 * them (saying which there are), several do and rec_kind is NULL, or it
 * is not a person's action (hire, reassign, assess). */
int plan_from_recommendation(struct store *st, const struct plan_accept *in,
			     const struct view_reader *rd, struct arena *a,
			     struct plan_action *out, const char **field, struct err *err);

/* The acceptable recommendations of the person's team that name person
 * (for the pages' buttons): cb(ctx, r, me, kind) for each. */
int plan_each_acceptable(const struct recommendations *r, const char *person,
			 int (*cb)(void *ctx, const struct recommendation *r,
				   const struct rec_member *me, enum plan_kind k),
			 void *ctx);

#endif
