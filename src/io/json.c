#include "io/json.h"

void json_estimate_fields(struct jw *w, const struct estimate *e)
{
	jw_field_int(w, "evidence", e->evidence);
	jw_field_real(w, "evidence_weight", e->evidence_weight);
	jw_field_real(w, "confidence", e->confidence);
	jw_field_real_or_null(w, "self_level", e->has_self, e->self_level);
	jw_field_real_or_null(w, "others_level", e->has_others, e->others_level);
	jw_field_string(w, "flag", estimate_flag_name(e->flag));
}

static void json_line(struct jw *w, const struct member_line *l)
{
	const struct estimate *e = &l->est;

	/* The contract's order: competency, required_level, weight, level,
	 * gap, meets, then the estimate's details. */
	jw_object_begin(w);
	jw_field_string(w, "competency", l->competency);
	jw_field_int(w, "required_level", l->required_level);
	jw_field_int(w, "weight", l->weight);
	jw_field_real_or_null(w, "level", e->assessed, e->level);
	jw_field_real_or_null(w, "gap", e->assessed, l->gap);
	jw_field_bool(w, "meets", l->meets);
	json_estimate_fields(w, e);
	jw_object_end(w);
}

void json_member(struct jw *w, const struct member_view *v, int32_t as_of, int with_team)
{
	const struct snapshot_member *m = v->member;

	jw_object_begin(w);
	jw_field_string(w, "person", m->key);
	jw_field_string(w, "name", m->name);
	if (with_team) {
		jw_field_string(w, "team", m->team);
		jw_field_date(w, "as_of", as_of);
	}
	jw_field_string(w, "role", m->role);
	jw_field_real_or_null(w, "fit", v->has_fit, v->fit);
	jw_key(w, "competencies");
	jw_array_begin(w);
	for (size_t i = 0; i < v->nlines; i++)
		json_line(w, &v->lines[i]);
	jw_array_end(w);
	jw_object_end(w);
}

/* "key_results": the keys of the active key results that name a
 * competency (views/okr.h, okr_link_gaps). */
static void json_key_results(struct jw *w, const char *const *keys, size_t n)
{
	jw_key(w, "key_results");
	jw_array_begin(w);
	for (size_t i = 0; i < n; i++)
		jw_string(w, keys[i]);
	jw_array_end(w);
}

void json_team_line(struct jw *w, const struct team_line *t)
{
	jw_object_begin(w);
	jw_field_string(w, "competency", t->competency);
	jw_field_int(w, "required", t->required);
	jw_field_int(w, "assessed", t->assessed);
	jw_field_int(w, "meeting", t->meeting);
	jw_field_int(w, "unassessed", t->unassessed);
	jw_field_real(w, "coverage", t->coverage);
	jw_field_real_or_null(w, "mean_gap", t->has_mean_gap, t->mean_gap);
	jw_field_real(w, "priority", t->priority);
	jw_field_bool(w, "key_person_risk", t->key_person_risk);
	json_key_results(w, t->key_results, t->nkey_results);
	jw_object_end(w);
}

/* Each team's own view: {"team", "members": [ids], "competencies"}. */
/* Each sub-team of s, of whose members those of a that are hidden are
 * left out (hidden NULL: none). */
static void json_subteams(struct jw *w, const struct analysis *a, const struct subteams *s,
			  const bool *hidden)
{
	jw_array_begin(w);
	for (size_t i = 0; i < s->n; i++) {
		const struct subteam *t = &s->items[i];

		jw_object_begin(w);
		jw_field_string(w, "team", t->team);
		jw_key(w, "members");
		jw_array_begin(w);
		for (size_t m = 0; m < t->nmembers; m++)
			if (hidden == NULL || !hidden[t->members[m] - a->members])
				jw_string(w, t->members[m]->member->key);
		jw_array_end(w);
		jw_key(w, "competencies");
		jw_array_begin(w);
		for (size_t k = 0; k < t->ncompetencies; k++)
			json_team_line(w, &t->competencies[k]);
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
}

void json_team_analysis(struct jw *w, const struct analysis *a, const struct subteams *s,
			const char *team, const bool *hidden)
{
	jw_object_begin(w);
	jw_field_string(w, "team", team);
	jw_field_date(w, "as_of", a->as_of);
	jw_key(w, "competencies");
	jw_array_begin(w);
	for (size_t i = 0; i < a->ncompetencies; i++)
		json_team_line(w, &a->competencies[i]);
	jw_array_end(w);
	jw_key(w, "members");
	jw_array_begin(w);
	for (size_t m = 0; m < a->nmembers; m++)
		if (hidden == NULL || !hidden[m])
			json_member(w, &a->members[m], a->as_of, 0);
	jw_array_end(w);
	jw_key(w, "teams");
	json_subteams(w, a, s, hidden);
	jw_object_end(w);
}

static void json_rec_member(struct jw *w, const struct rec_member *m)
{
	jw_object_begin(w);
	jw_field_string(w, "person", m->person);
	jw_field_string(w, "name", m->name);
	jw_field_string(w, "team", m->team);
	jw_field_real_or_null(w, "gap", m->has_gap, m->gap);
	jw_field_string(w, "approach", approach_name(m->approach));
	jw_object_end(w);
}

/* A withheld mentor is named by team only (views.h, struct view_reader). */
static void json_mentor(struct jw *w, const struct candidate *c, bool withheld)
{
	if (c == NULL) {
		jw_null(w);
		return;
	}
	jw_object_begin(w);
	jw_field_string(w, "person", withheld ? NULL : c->person);
	jw_field_string(w, "team", c->team);
	jw_field_real_or_null(w, "level", !withheld, c->level);
	jw_field_real_or_null(w, "confidence", !withheld, c->confidence);
	jw_object_end(w);
}

void json_recommendations(struct jw *w, const struct recommendations *r, const char *team,
			  int32_t as_of)
{
	jw_object_begin(w);
	jw_field_string(w, "team", team);
	jw_field_date(w, "as_of", as_of);
	jw_key(w, "recommendations");
	jw_array_begin(w);
	for (size_t i = 0; i < r->n; i++) {
		const struct recommendation *it = &r->items[i];

		jw_object_begin(w);
		jw_field_string(w, "kind", rec_kind_name(it->kind));
		jw_field_string(w, "competency", it->competency);
		jw_field_string(w, "team", it->team);
		jw_key(w, "members");
		jw_array_begin(w);
		for (size_t m = 0; m < it->nmembers; m++)
			json_rec_member(w, &it->members[m]);
		jw_array_end(w);
		jw_key(w, "mentor");
		json_mentor(w, it->mentor, it->mentor_withheld);
		jw_field_string(w, "key_person", it->key_person);
		jw_field_string(w, "rule", it->mentor_withheld ? it->rule_withheld : it->rule);
		json_key_results(w, it->key_results, it->nkey_results);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}
