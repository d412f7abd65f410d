/* The explain document: one person's rows on one competency, each with
 * the weight it carries in the level (docs/methodology.md). */
#include "views/views.h"

#include <stdlib.h>
#include <sysexits.h>

#include "io/json.h"
#include "store/quality.h"
#include "util/array.h"

static int keep_row(void *ctx, const struct evidence *e)
{
	struct explain *x = ctx;
	struct evidence *c;

	if (array_reserve(&x->rows, &x->cap, x->n + 1, sizeof *x->rows) < 0)
		return -1;
	c = &x->rows[x->n++];
	*c = *e;
	c->person = NULL;
	c->competency = NULL;
	c->assessor = arena_strdup(&x->arena, e->assessor);
	c->note = arena_strdup(&x->arena, e->note);
	return 0;
}

static int by_date(const void *a, const void *b)
{
	const struct evidence *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* Names, for each row that an evaluation produced, that evaluation. */
static int link_evaluations(struct store *st, struct explain *x, struct err *err)
{
	int64_t *ids;
	const char **keys;
	size_t n;

	if (store_evaluation_links(st, x->person, x->competency, &x->arena, &ids, &keys, &n, err) < 0)
		return -1;
	x->evaluation = arena_alloc(&x->arena, (x->n ? x->n : 1) * sizeof *x->evaluation);
	if (x->evaluation == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < x->n; i++) {
		size_t lo = 0, hi = n;

		x->evaluation[i] = NULL;
		while (lo < hi) {
			size_t mid = lo + (hi - lo) / 2;

			if (ids[mid] == x->rows[i].id) {
				x->evaluation[i] = keys[mid];
				break;
			}
			if (ids[mid] < x->rows[i].id)
				lo = mid + 1;
			else
				hi = mid;
		}
	}
	return 0;
}

int explain_gather(struct store *st, const char *person, const char *competency, int32_t as_of,
		   struct explain *x, struct err *err)
{
	const struct evidence_filter filter = { person, competency };
	const struct settings *set;

	*x = (struct explain){ .person = person, .competency = competency, .as_of = as_of };
	arena_init(&x->arena, SIZE_MAX);
	if (store_require_key(st, ENTITY_PERSON, person, err) < 0 ||
	    store_require_key(st, ENTITY_COMPETENCY, competency, err) < 0)
		return -1;
	if (store_each_evidence(st, &filter, keep_row, x, err) != 0)
		return -1;
	set = store_settings(st);
	if (x->n > 1)
		qsort(x->rows, x->n, sizeof *x->rows, by_date);
	if (link_evaluations(st, x, err) < 0)
		return -1;
	estimate_from_rows(x->rows, x->n, set, as_of, &x->est);
	for (size_t i = 0; i < x->n; i++) {
		struct row_weight rw;

		estimate_row_weight(&x->rows[i], set, as_of, &rw);
		x->sum_weight += rw.weight;
		x->sum_weighted_level += rw.weight * x->rows[i].level;
	}
	return 0;
}

void explain_json(struct jw *w, const struct explain *x, const struct settings *set)
{
	jw_object_begin(w);
	jw_field_string(w, "person", x->person);
	jw_field_string(w, "competency", x->competency);
	jw_field_date(w, "as_of", x->as_of);
	jw_field_real(w, "half_life", set->half_life);
	jw_key(w, "rows");
	jw_array_begin(w);
	for (size_t i = 0; i < x->n; i++) {
		const struct evidence *r = &x->rows[i];
		struct row_weight rw;

		estimate_row_weight(r, set, x->as_of, &rw);
		jw_object_begin(w);
		jw_field_int(w, "id", r->id);
		jw_field_date(w, "date", r->date);
		jw_field_string(w, "source", source_name(r->source));
		jw_field_real(w, "level", r->level);
		jw_field_string(w, "assessor", r->assessor);
		jw_field_string(w, "note", r->note);
		jw_field_string(w, "evaluation", x->evaluation != NULL ? x->evaluation[i] : NULL);
		jw_field_bool(w, "counted", rw.counted);
		jw_field_int(w, "age", rw.age);
		jw_field_real(w, "source_weight", rw.source_weight);
		jw_field_real(w, "decay", rw.decay);
		jw_field_real(w, "weight", rw.weight);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_field_real(w, "sum_weight", x->sum_weight);
	jw_field_real(w, "sum_weighted_level", x->sum_weighted_level);
	jw_field_real_or_null(w, "level", x->est.assessed, x->est.level);
	json_estimate_fields(w, &x->est);
	jw_object_end(w);
}

void explain_free(struct explain *x)
{
	free(x->rows);
	x->rows = NULL;
	x->n = x->cap = 0;
	arena_free(&x->arena);
}

void explain_hide_peer_assessors(struct explain *x)
{
	for (size_t i = 0; i < x->n; i++)
		if (x->rows[i].source == SOURCE_PEER)
			x->rows[i].assessor = NULL;
}

int view_explain(struct store *st, const char *person, const char *competency, int32_t as_of,
		 const struct view_reader *rd, struct jw *w, struct err *err)
{
	struct explain x;
	int rc = explain_gather(st, person, competency, as_of, &x, err);

	if (rc == 0 && rd != NULL && rd->hide_peer_assessors)
		explain_hide_peer_assessors(&x);
	if (rc == 0)
		explain_json(w, &x, store_settings(st));
	explain_free(&x);
	return rc;
}
