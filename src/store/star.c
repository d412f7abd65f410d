/* The STAR notes of evidence rows (store/star.h), the same on both
 * engines: the SQL is in store/texts_sql.h, run by the backend's
 * texts_run. */
#include "store/star.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"

int store_put_evidence_star(struct store *st, const char *person, const struct evidence_star *s,
			    struct err *err)
{
	struct pv_param p[1 + STAR_PARTS];
	int64_t changes = 0;

	if (star_is_empty(s))
		return 0;
	p[0] = (struct pv_param){ .kind = PV_TEXT, .s = person };
	for (int i = 0; i < STAR_PARTS; i++) {
		if (s->part[i] != NULL && s->part[i][0] != '\0' && star_length(s->part[i]) > STAR_PART_MAX)
			return err_set(err, EX_DATAERR, "the STAR note's %s is longer than %d characters",
				       star_part_names[i], STAR_PART_MAX);
		p[1 + i] = s->part[i] != NULL && s->part[i][0] != '\0' ? (struct pv_param){ .kind = PV_TEXT, .s = s->part[i] }
					     : (struct pv_param){ .kind = PV_NULL };
	}
	if (st->be->texts_run(st, TX_STAR_PUT, p, 1 + STAR_PARTS, NULL, NULL, &changes, err) < 0)
		return -1;
	return changes == 1 ? 0 : err_set(err, EX_DATAERR, "no evidence row about '%s' to attach"
					  " the STAR note to", person);
}

struct gather {
	struct arena *a;
	struct evidence_star_row *rows;
	size_t n, cap;
	bool failed;
};

static const char *copy(struct gather *g, const char *s)
{
	const char *c;

	if (s == NULL)
		return NULL;
	c = arena_strdup(g->a, s);
	if (c == NULL)
		g->failed = true;
	return c;
}

static int keep_row(void *ctx, const char *const *cols, int ncols)
{
	struct gather *g = ctx;
	struct evidence_star_row *r;

	if (ncols < 1 + STAR_PARTS)
		return 0;
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 16;
		struct evidence_star_row *more = arena_alloc(g->a, cap * sizeof *more);

		if (more == NULL)
			return g->failed = true, 1;
		if (g->n > 0)
			memcpy(more, g->rows, g->n * sizeof *more);
		g->rows = more;
		g->cap = cap;
	}
	r = &g->rows[g->n++];
	r->evidence_id = strtoll(cols[0], NULL, 10);
	for (int i = 0; i < STAR_PARTS; i++)
		r->star.part[i] = copy(g, cols[1 + i]);
	return g->failed ? 1 : 0;
}

int store_person_stars(struct store *st, const char *person, struct arena *a,
		       struct evidence_star_row **out, size_t *n, struct err *err)
{
	struct gather g = { .a = a };
	struct pv_param p = { .kind = PV_TEXT, .s = person };

	*out = NULL;
	*n = 0;
	if (st->be->texts_run(st, TX_STAR_OF_PERSON, &p, 1, keep_row, &g, NULL, err) < 0)
		return -1;
	if (g.failed)
		return err_set(err, EX_OSERR, "out of memory");
	*out = g.rows;
	*n = g.n;
	return 0;
}

const struct evidence_star *star_find(const struct evidence_star_row *rows, size_t n, int64_t id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (rows[mid].evidence_id == id)
			return &rows[mid].star;
		if (rows[mid].evidence_id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}
