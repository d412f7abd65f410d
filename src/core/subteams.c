#include "core/subteams.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/okr.h"

/* Team keys in order, with members that have no team last. */
static int team_cmp(const char *x, const char *y)
{
	if (x == NULL || y == NULL)
		return (x == NULL) - (y == NULL);
	return strcmp(x, y);
}

static int by_team_then_position(const void *a, const void *b)
{
	const struct member_view *x = *(const struct member_view *const *)a;
	const struct member_view *y = *(const struct member_view *const *)b;
	int c = team_cmp(x->member->team, y->member->team);

	if (c != 0)
		return c;
	/* The analysis' own order (by id) within a team. */
	return (x > y) - (x < y);
}

/* Each group's lines serve the key results of the group's own team (its
 * link in a), counted in their priority as in that team's own view
 * (OKR_GAP_FACTOR); the group's lines are then sorted again. */
static void link_key_results(const struct analysis *a, struct subteam *t)
{
	bool any = false;

	for (size_t k = 0; k < t->ncompetencies; k++) {
		struct team_line *l = &t->competencies[k];
		const struct okr_link *link = analysis_link(a, t->team, l->competency);

		if (link == NULL)
			continue;
		l->key_results = link->keys;
		l->nkey_results = link->nkeys;
		l->priority *= OKR_GAP_FACTOR;
		any = true;
	}
	if (any)
		gap_team_sort(t->competencies, t->ncompetencies);
}

int subteams_build(const struct analysis *a, struct subteams *out)
{
	size_t *first_line = NULL;   /* group -> its first line in out->lines */
	size_t nlines = 0, ncomp = 0;

	memset(out, 0, sizeof *out);
	first_line = calloc(a->nmembers + 1, sizeof *first_line);
	out->members = calloc(a->nmembers ? a->nmembers : 1, sizeof *out->members);
	out->items = calloc(a->nmembers ? a->nmembers : 1, sizeof *out->items);
	out->lines = calloc(a->nlines ? a->nlines : 1, sizeof *out->lines);
	out->competencies = calloc(a->nlines ? a->nlines : 1, sizeof *out->competencies);
	if (first_line == NULL || out->members == NULL || out->items == NULL ||
	    out->lines == NULL || out->competencies == NULL)
		goto fail;
	for (size_t m = 0; m < a->nmembers; m++)
		out->members[m] = &a->members[m];
	if (a->nmembers > 1)
		qsort(out->members, a->nmembers, sizeof *out->members, by_team_then_position);
	/* Regroup the lines so that each group's lines are consecutive. */
	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = out->members[m];

		if (out->n == 0 || team_cmp(out->items[out->n - 1].team, v->member->team) != 0) {
			first_line[out->n] = nlines;
			out->items[out->n] = (struct subteam){
				.team = v->member->team,
				.members = &out->members[m],
			};
			out->n++;
		}
		out->items[out->n - 1].nmembers++;
		if (v->nlines > 0)
			memcpy(&out->lines[nlines], v->lines, v->nlines * sizeof *v->lines);
		nlines += v->nlines;
	}
	first_line[out->n] = nlines;
	for (size_t i = 0; i < out->n; i++) {
		struct subteam *t = &out->items[i];
		size_t n = gap_team(out->lines + first_line[i], first_line[i + 1] - first_line[i],
				    out->competencies + ncomp);

		if (n == (size_t)-1)
			goto fail;
		t->competencies = out->competencies + ncomp;
		t->ncompetencies = n;
		ncomp += n;
		link_key_results(a, t);
	}
	free(first_line);
	return 0;
fail:
	free(first_line);
	subteams_free(out);
	return -1;
}

void subteams_free(struct subteams *s)
{
	free(s->items);
	free(s->members);
	free(s->lines);
	free(s->competencies);
	memset(s, 0, sizeof *s);
}
