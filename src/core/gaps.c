#include "core/gaps.h"

#include <math.h>

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util/strmap.h"

void gap_line(struct member_line *l)
{
	if (!l->est.assessed) {
		l->gap = 0;
		l->meets = false;
		return;
	}
	l->meets = l->est.level >= l->required_level - ESTIMATE_EPS;
	l->gap = l->meets ? 0 : l->required_level - l->est.level;
}

bool gap_fit(const struct member_line *lines, size_t n, double *fit)
{
	double num = 0, den = 0;

	for (size_t i = 0; i < n; i++) {
		double ratio;

		if (!lines[i].est.assessed)
			continue;
		ratio = lines[i].est.level / lines[i].required_level;
		num += lines[i].weight * (ratio < 1 ? ratio : 1);
		den += lines[i].weight;
	}
	if (den == 0)
		return false;
	*fit = num / den;
	return true;
}

static int by_priority(const void *a, const void *b)
{
	const struct team_line *x = a, *y = b;

	/* Priorities equal but for rounding noise (2.4 as 3 x 0.8 and as
	 * 2 x 1.2) are equal: the key decides, as methodology.md says. */
	if (fabs(x->priority - y->priority) > ESTIMATE_EPS)
		return x->priority > y->priority ? -1 : 1;
	if (x->coverage != y->coverage)
		return x->coverage < y->coverage ? -1 : 1;
	return strcmp(x->competency, y->competency);
}

void gap_team_sort(struct team_line *lines, size_t n)
{
	if (n > 1)
		qsort(lines, n, sizeof *lines, by_priority);
}

const struct team_line *gap_team_find(const struct team_line *lines, size_t n,
				      const char *competency)
{
	for (size_t k = 0; k < n; k++)
		if (strcmp(lines[k].competency, competency) == 0)
			return &lines[k];
	return NULL;
}

size_t gap_team(const struct member_line *lines, size_t n, struct team_line *out)
{
	struct strmap index;
	double *gap_sum = calloc(n ? n : 1, sizeof *gap_sum);
	double *weighted_sum = calloc(n ? n : 1, sizeof *weighted_sum);
	size_t count = 0;

	strmap_init(&index);
	if (gap_sum == NULL || weighted_sum == NULL)
		goto fail;
	for (size_t i = 0; i < n; i++) {
		const struct member_line *l = &lines[i];
		int64_t k;

		if (!strmap_get(&index, l->competency, &k)) {
			k = (int64_t)count++;
			if (strmap_put(&index, l->competency, k) < 0)
				goto fail;
			out[k] = (struct team_line){ .competency = l->competency };
		}
		out[k].required++;
		if (l->est.assessed) {
			out[k].assessed++;
			out[k].meeting += l->meets;
			gap_sum[k] += l->gap;
			weighted_sum[k] += l->weight * l->gap;
		}
	}
	for (size_t k = 0; k < count; k++) {
		struct team_line *t = &out[k];

		t->unassessed = t->required - t->assessed;
		t->coverage = (double)t->meeting / (double)t->required;
		t->has_mean_gap = t->assessed > 0;
		t->mean_gap = t->assessed > 0 ? gap_sum[k] / (double)t->assessed : 0;
		t->priority = t->assessed > 0 ? weighted_sum[k] / (double)t->assessed : 0;
		t->key_person_risk = t->meeting == 1 && t->required >= 2;
	}
	gap_team_sort(out, count);
	free(gap_sum);
	free(weighted_sum);
	strmap_free(&index);
	return count;
fail:
	free(gap_sum);
	free(weighted_sum);
	strmap_free(&index);
	return (size_t)-1;
}
