#include "core/analysis.h"

#include <stdlib.h>
#include <string.h>

int analysis_run(const struct team_snapshot *snap, const struct settings *set,
		 struct analysis *out)
{
	size_t n;

	memset(out, 0, sizeof *out);
	out->as_of = snap->as_of;
	out->nmembers = snap->nmembers;
	out->nlines = snap->nlines;
	out->members = calloc(snap->nmembers ? snap->nmembers : 1, sizeof *out->members);
	out->lines = calloc(snap->nlines ? snap->nlines : 1, sizeof *out->lines);
	out->competencies = calloc(snap->nlines ? snap->nlines : 1, sizeof *out->competencies);
	if (out->members == NULL || out->lines == NULL || out->competencies == NULL)
		goto fail;
	for (size_t i = 0; i < snap->nlines; i++) {
		const struct snapshot_line *sl = &snap->lines[i];
		struct member_line *l = &out->lines[i];

		l->competency = sl->competency;
		l->required_level = sl->required_level;
		l->weight = sl->weight;
		estimate_from_sums(&sl->sums, set, snap->as_of, &l->est);
		gap_line(l);
	}
	for (size_t m = 0; m < snap->nmembers; m++) {
		struct member_view *v = &out->members[m];

		v->member = &snap->members[m];
		v->lines = out->lines + snap->members[m].first_line;
		v->nlines = snap->members[m].nlines;
		v->has_fit = gap_fit(v->lines, v->nlines, &v->fit);
	}
	n = gap_team(out->lines, out->nlines, out->competencies);
	if (n == (size_t)-1)
		goto fail;
	out->ncompetencies = n;
	return 0;
fail:
	analysis_free(out);
	return -1;
}

const struct team_line *analysis_competency(const struct analysis *a, const char *competency)
{
	return gap_team_find(a->competencies, a->ncompetencies, competency);
}

const struct member_line *analysis_member_line(const struct member_view *v,
					       const char *competency)
{
	for (size_t i = 0; i < v->nlines; i++)
		if (strcmp(v->lines[i].competency, competency) == 0)
			return &v->lines[i];
	return NULL;
}

const struct member_view *analysis_key_person(const struct member_view *const *members,
					      size_t n, const char *competency)
{
	for (size_t m = 0; m < n; m++) {
		const struct member_line *l = analysis_member_line(members[m], competency);

		if (l != NULL && l->meets)
			return members[m];
	}
	return NULL;
}

void analysis_free(struct analysis *a)
{
	free(a->members);
	free(a->lines);
	free(a->competencies);
	memset(a, 0, sizeof *a);
}

/* The order of links: no team first, then by team, then by competency. */
static int link_order(const char *team_a, const char *comp_a, const struct okr_link *b)
{
	int rc;

	if (team_a == NULL || b->team == NULL)
		rc = (team_a != NULL) - (b->team != NULL);
	else
		rc = strcmp(team_a, b->team);
	return rc != 0 ? rc : strcmp(comp_a, b->competency);
}

static int by_link_order(const void *x, const void *y)
{
	const struct okr_link *a = x;

	return link_order(a->team, a->competency, y);
}

void analysis_links_sort(struct okr_link *links, size_t n)
{
	if (n > 1)
		qsort(links, n, sizeof *links, by_link_order);
}

const struct okr_link *analysis_link(const struct analysis *a, const char *team,
				     const char *competency)
{
	size_t lo = 0, hi = a->nlinks;

	/* A department's view asks once per sub-team and competency, and
	 * holds a link for each: a scan would be quadratic. */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int rc = link_order(team, competency, &a->links[mid]);

		if (rc == 0)
			return &a->links[mid];
		if (rc < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}
