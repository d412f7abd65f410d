/* One evaluation beside the other views of its contact, and a person's
 * evaluations (views/evaluations.h). */
#include "views/evaluations.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/quality.h"
#include "store/quality.h"

static bool peer_hidden(const struct evaluation_view *v, bool hide)
{
	return hide && v->e.kind != NULL && strcmp(v->e.kind, "peer") == 0;
}

/* Compares view o with b by area name: the differences in percentage
 * points on b's areas into diff[b.nscores], and the alignment (core's
 * qa_alignment with b's weights) into *alignment. */
static int compare(const struct evaluation_view *b, const struct evaluation_view *o, double *diff,
		   double *alignment, struct err *err)
{
	size_t n = b->e.nscores;
	double *w = malloc((n + 1) * sizeof *w), *mine = malloc((n + 1) * sizeof *mine),
	       *theirs = malloc((n + 1) * sizeof *theirs);

	if (w == NULL || mine == NULL || theirs == NULL) {
		free(w), free(mine), free(theirs);
		return err_set(err, EX_OSERR, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		w[i] = b->e.scores[i].a.weight;
		mine[i] = b->percentage[i];
		theirs[i] = NAN;
		for (size_t k = 0; k < o->e.nscores; k++)
			if (strcmp(o->e.scores[k].area, b->e.scores[i].area) == 0)
				theirs[i] = o->percentage[k];
		diff[i] = isnan(theirs[i]) || isnan(mine[i]) ? NAN : theirs[i] - mine[i];
	}
	*alignment = qa_alignment(w, mine, theirs, n);
	free(w), free(mine), free(theirs);
	return 0;
}

int evaluation_calibration_gather(struct store *st, const char *key,
				  struct evaluation_calibration *c, struct err *err)
{
	struct arena a;
	const char **keys = NULL;
	size_t nkeys = 0, nb;
	int rc = 0;

	memset(c, 0, sizeof *c);
	arena_init(&a, SIZE_MAX);
	if (evaluation_gather(st, key, &c->base, err) < 0) {
		arena_free(&a);
		return -1;
	}
	if (store_contact_evaluations(st, c->base.e.agent, c->base.e.contact, &a, &keys, &nkeys,
				      err) < 0) {
		arena_free(&a);
		return -1;
	}
	nb = c->base.e.nscores;
	c->views = calloc(nkeys + 1, sizeof *c->views);
	c->difference = malloc((nkeys * nb + 1) * sizeof *c->difference);
	c->alignment = malloc((nkeys + 1) * sizeof *c->alignment);
	if (c->views == NULL || c->difference == NULL || c->alignment == NULL)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < nkeys; i++) {
		struct evaluation_view *v = &c->views[c->nviews];

		if (strcmp(keys[i], c->base.e.key) == 0)
			continue;
		rc = evaluation_gather(st, keys[i], v, err);
		c->nviews++;    /* freed whether read or not */
		if (rc == 0)
			rc = compare(&c->base, v, &c->difference[(c->nviews - 1) * nb],
				     &c->alignment[c->nviews - 1], err);
	}
	arena_free(&a);
	return rc < 0 ? -1 : 0;
}

void evaluation_calibration_json(struct jw *w, const struct evaluation_calibration *c,
				 bool hide_peer_evaluators)
{
	size_t nb = c->base.e.nscores;

	jw_object_begin(w);
	evaluation_json_fields(w, &c->base);
	jw_key_literal(w, "views");
	jw_array_begin(w);
	for (size_t v = 0; v < c->nviews; v++) {
		const struct evaluation_view *o = &c->views[v];

		jw_object_begin(w);
		jw_field_string(w, "evaluation", o->e.key);
		jw_field_string(w, "evaluator", peer_hidden(o, hide_peer_evaluators) ? NULL
			       : o->e.evaluator);
		jw_field_string(w, "kind", o->e.kind);
		jw_field_date(w, "date", o->e.date);
		jw_field_real_or_null(w, "score", !isnan(o->result.score), o->result.score);
		jw_field_bool(w, "auto_failed", o->result.auto_failed);
		jw_field_bool(w, "praise", o->result.praise);
		jw_field_real_or_null(w, "alignment", !isnan(c->alignment[v]), c->alignment[v]);
		jw_key_literal(w, "areas");
		jw_array_begin(w);
		for (size_t i = 0; i < nb; i++) {
			double d = c->difference[v * nb + i];
			double p = isnan(d) ? NAN : c->base.percentage[i] + d;

			/* The view's own percentage, as it scored the area. */
			for (size_t k = 0; k < o->e.nscores; k++)
				if (strcmp(o->e.scores[k].area, c->base.e.scores[i].area) == 0)
					p = o->percentage[k];
			jw_object_begin(w);
			jw_field_string(w, "area", c->base.e.scores[i].area);
			jw_field_real_or_null(w, "percentage", !isnan(p), p);
			jw_field_real_or_null(w, "difference", !isnan(d), d);
			jw_object_end(w);
		}
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

void evaluation_calibration_free(struct evaluation_calibration *c)
{
	evaluation_free(&c->base);
	for (size_t i = 0; i < c->nviews; i++)
		evaluation_free(&c->views[i]);
	free(c->views);
	free(c->difference);
	free(c->alignment);
	memset(c, 0, sizeof *c);
}

int person_evaluations_gather(struct store *st, const char *person, int32_t first, int32_t last,
			      struct person_evaluations *pe, struct err *err)
{
	struct arena a;
	const char **keys = NULL;
	size_t nkeys = 0;
	int rc;

	memset(pe, 0, sizeof *pe);
	pe->person = person;
	arena_init(&a, SIZE_MAX);
	rc = store_require_key(st, ENTITY_PERSON, person, err);
	if (rc == 0)
		rc = store_agent_evaluations(st, person, first, last, &a, &keys, &nkeys, err);
	if (rc == 0 && (pe->items = calloc(nkeys + 1, sizeof *pe->items)) == NULL)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc == 0 && i < nkeys; i++) {
		rc = evaluation_gather(st, keys[i], &pe->items[i], err);
		pe->n++;
	}
	arena_free(&a);
	return rc < 0 ? -1 : 0;
}

void person_evaluations_json(struct jw *w, const struct person_evaluations *pe, const char *month,
			     bool hide_peer_evaluators)
{
	jw_object_begin(w);
	jw_field_string(w, "person", pe->person);
	jw_field_string(w, "month", month);
	jw_key_literal(w, "evaluations");
	jw_array_begin(w);
	for (size_t i = 0; i < pe->n; i++) {
		const struct evaluation_view *v = &pe->items[i];
		enum eval_kind kind = EVAL_CALIBRATION;

		(void)eval_kind_parse(v->e.kind, &kind);
		jw_object_begin(w);
		jw_field_string(w, "evaluation", v->e.key);
		jw_field_string(w, "contact", v->e.contact);
		jw_field_string(w, "channel", v->e.channel);
		jw_field_string(w, "evaluator", peer_hidden(v, hide_peer_evaluators) ? NULL
			       : v->e.evaluator);
		jw_field_string(w, "kind", v->e.kind);
		jw_field_date(w, "date", v->e.date);
		jw_field_string(w, "scorecard", v->e.scorecard);
		jw_field_real_or_null(w, "score", !isnan(v->result.score), v->result.score);
		jw_field_bool(w, "auto_failed", v->result.auto_failed);
		jw_field_bool(w, "praise", v->result.praise);
		jw_field_bool(w, "counts", eval_kind_scores(kind));
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

void person_evaluations_free(struct person_evaluations *pe)
{
	for (size_t i = 0; i < pe->n; i++)
		evaluation_free(&pe->items[i]);
	free(pe->items);
	memset(pe, 0, sizeof *pe);
}
