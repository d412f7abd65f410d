#include "core/mentor_pick.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/estimate.h"
#include "util/array.h"

struct ranked {
	const char *team;
	double level;
	size_t i;
};

static int by_level(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;

	if (a->level != b->level)
		return a->level > b->level ? -1 : 1;
	return (a->i > b->i) - (a->i < b->i);
}

static int by_team_then_level(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;
	int rc = strcmp(a->team, b->team);

	return rc != 0 ? rc : by_level(x, y);
}

int mentor_index_build(struct mentor_index *x, const struct candidate *c, size_t n)
{
	struct ranked *r = calloc(n ? n : 1, sizeof *r);
	size_t k = 0;
	int rc = -1;

	*x = (struct mentor_index){ .c = c, .n = n };
	strmap_init(&x->team_start);
	x->by_level = calloc(n ? n : 1, sizeof *x->by_level);
	x->by_team = calloc(n ? n : 1, sizeof *x->by_team);
	if (r == NULL || x->by_level == NULL || x->by_team == NULL)
		goto out;
	for (size_t i = 0; i < n; i++)
		r[i] = (struct ranked){ c[i].team, c[i].level, i };
	qsort(r, n, sizeof *r, by_level);
	for (size_t i = 0; i < n; i++)
		x->by_level[i] = r[i].i;
	for (size_t i = 0; i < n; i++)
		if (c[i].team != NULL)
			r[k++] = (struct ranked){ c[i].team, c[i].level, i };
	qsort(r, k, sizeof *r, by_team_then_level);
	for (size_t i = 0; i < k; i++) {
		x->by_team[i] = r[i].i;
		if ((i == 0 || strcmp(r[i].team, r[i - 1].team) != 0) &&
		    strmap_put(&x->team_start, r[i].team, (int64_t)i) < 0)
			goto out;
	}
	x->nby_team = k;
	rc = 0;
out:
	free(r);
	return rc;
}

void mentor_index_free(struct mentor_index *x)
{
	free(x->by_level);
	free(x->by_team);
	strmap_free(&x->team_start);
	memset(x, 0, sizeof *x);
}

static size_t mentees_of(const struct mentee_counts *m, size_t i)
{
	for (size_t j = 0; j < m->n; j++)
		if (m->v[j].candidate == i)
			return m->v[j].count;
	return 0;
}

int mentee_counts_add(struct mentee_counts *m, size_t i)
{
	for (size_t j = 0; j < m->n; j++)
		if (m->v[j].candidate == i)
			return m->v[j].count++, 0;
	if (array_reserve(&m->v, &m->cap, m->n + 1, sizeof *m->v) < 0)
		return -1;
	m->v[m->n++] = (struct mentee_count){ i, 1 };
	return 0;
}

void mentee_counts_free(struct mentee_counts *m)
{
	free(m->v);
	memset(m, 0, sizeof *m);
}

/* A search among candidates in level order: the best so far. */
struct pick {
	const struct mentor_index *x;
	const struct mentee_counts *m;
	const char *mentee;
	double needed;
	const struct settings *set;
	long best;
	size_t best_mentees;
};

/* Considers candidate i, the next in level order: false when neither it
 * nor any after it can be the best (their level is lower). */
static bool consider(struct pick *p, size_t i)
{
	const struct candidate *c = &p->x->c[i];
	const struct candidate *o = p->best >= 0 ? &p->x->c[p->best] : NULL;
	size_t mentees;

	if (c->level < p->needed - ESTIMATE_EPS || (o != NULL && c->level < o->level))
		return false;
	mentees = mentees_of(p->m, i);
	if (c->confidence < p->set->mentor_min_confidence - ESTIMATE_EPS ||
	    (double)mentees >= p->set->mentor_max_mentees || strcmp(c->person, p->mentee) == 0)
		return true;
	if (o == NULL || mentees < p->best_mentees ||
	    (mentees == p->best_mentees && strcmp(c->person, o->person) < 0)) {
		p->best = (long)i;
		p->best_mentees = mentees;
	}
	return true;
}

long mentor_pick(const struct mentor_index *x, const struct mentee_counts *m,
		 const char *mentee, const char *mentee_team, double required_level,
		 const struct settings *set)
{
	struct pick p = { x, m, mentee, required_level + set->mentor_margin, set, -1, 0 };
	int64_t start;

	if (mentee_team != NULL && strmap_get(&x->team_start, mentee_team, &start))
		for (size_t j = (size_t)start; j < x->nby_team; j++) {
			size_t i = x->by_team[j];

			if (strcmp(x->c[i].team, mentee_team) != 0 || !consider(&p, i))
				break;
		}
	if (p.best >= 0)
		return p.best;
	for (size_t j = 0; j < x->n && consider(&p, x->by_level[j]); j++)
		;
	return p.best;
}
