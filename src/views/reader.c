/* What a reader may not see of a team's views (views.h, struct
 * view_reader): a manager or coach sees the team's figures, which are of
 * all its members, but only the people within their reach. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "views/views.h"

/* 1 when rd may see person, 0 when not, -1 with err set. */
static int sees(const struct view_reader *rd, const char *person, struct err *err)
{
	return person == NULL ? 1 : rd->may_see_person(rd->ctx, person, err);
}

/* Keeps the members of it that rd may see; returns how many it had, or
 * -1 with err set. */
static long keep_visible_members(struct recommendation *it, const struct view_reader *rd,
				 struct err *err)
{
	size_t kept = 0, had = it->nmembers;

	for (size_t m = 0; m < it->nmembers; m++) {
		int rc = sees(rd, it->members[m].person, err);

		if (rc < 0)
			return -1;
		if (rc == 1)
			it->members[kept++] = it->members[m];
	}
	it->nmembers = kept;
	return (long)had;
}

/* Whether the recommendation is about its one member, whom its rule
 * names. */
static bool about_one_member(enum rec_kind k)
{
	return k == REC_INDIVIDUAL || k == REC_MENTOR || k == REC_REASSIGN;
}

int view_withhold_people(struct recommendations *r, const struct view_reader *rd,
			 struct err *err)
{
	size_t kept = 0;

	if (rd == NULL || rd->may_see_person == NULL)
		return 0;
	for (size_t i = 0; i < r->n; i++) {
		struct recommendation *it = &r->items[i];
		long had = keep_visible_members(it, rd, err);
		int rc;

		if (had < 0)
			return -1;
		if (about_one_member(it->kind) && had > 0 && it->nmembers == 0)
			continue;
		if (it->mentor != NULL) {
			if ((rc = sees(rd, it->mentor->person, err)) < 0)
				return -1;
			it->mentor_withheld = rc == 0;
		}
		if (it->key_person != NULL) {
			if ((rc = sees(rd, it->key_person, err)) < 0)
				return -1;
			if (rc == 0) {
				/* The rule names them: said again without the name. */
				it->key_person = NULL;
				it->facts.rule = RULE_CROSS_TRAIN_UNNAMED;
				rec_rule_text(it, false, it->rule, sizeof it->rule);
			}
		}
		if (kept != i)
			r->items[kept] = *it;
		kept++;
	}
	r->n = kept;
	return 0;
}

int view_hidden_members(const struct analysis *a, const struct view_reader *rd, bool **hidden,
			struct err *err)
{
	*hidden = NULL;
	if (rd == NULL || rd->may_see_person == NULL)
		return 0;
	*hidden = calloc(a->nmembers > 0 ? a->nmembers : 1, sizeof **hidden);
	if (*hidden == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t m = 0; m < a->nmembers; m++) {
		int rc = sees(rd, a->members[m].member->key, err);

		if (rc < 0) {
			free(*hidden);
			*hidden = NULL;
			return -1;
		}
		(*hidden)[m] = rc == 0;
	}
	return 0;
}
