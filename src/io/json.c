#include "io/json.h"

#include "util/date.h"

json_t *json_date(int32_t days)
{
	char iso[DATE_ISO_LEN + 1];

	date_format(days, iso);
	return json_string(iso);
}

json_t *json_number_or_null(int has, double v)
{
	return has ? json_real(v) : json_null();
}

static json_t *string_or_null(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

int json_add_estimate(json_t *obj, const struct estimate *e)
{
	const char *flag = estimate_flag_name(e->flag);

	return json_object_set_new(obj, "level", json_number_or_null(e->assessed, e->level)) |
	       json_object_set_new(obj, "evidence", json_integer(e->evidence)) |
	       json_object_set_new(obj, "evidence_weight", json_real(e->evidence_weight)) |
	       json_object_set_new(obj, "confidence", json_real(e->confidence)) |
	       json_object_set_new(obj, "self_level", json_number_or_null(e->has_self, e->self_level)) |
	       json_object_set_new(obj, "others_level",
				   json_number_or_null(e->has_others, e->others_level)) |
	       json_object_set_new(obj, "flag", string_or_null(flag));
}

static json_t *json_line(const struct member_line *l)
{
	json_t *o = json_object();
	const struct estimate *e = &l->est;

	if (o == NULL)
		return NULL;
	/* The contract's order: competency, required_level, weight, level,
	 * gap, meets, then the estimate's details. */
	if (json_object_set_new(o, "competency", json_string(l->competency)) |
	    json_object_set_new(o, "required_level", json_integer(l->required_level)) |
	    json_object_set_new(o, "weight", json_integer(l->weight)) |
	    json_object_set_new(o, "level", json_number_or_null(e->assessed, e->level)) |
	    json_object_set_new(o, "gap", json_number_or_null(e->assessed, l->gap)) |
	    json_object_set_new(o, "meets", json_boolean(l->meets)) |
	    json_add_estimate(o, e)) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *json_member(const struct member_view *v, int32_t as_of, int with_team)
{
	json_t *o = json_object(), *lines = json_array();
	const struct snapshot_member *m = v->member;
	int bad = o == NULL || lines == NULL;

	for (size_t i = 0; !bad && i < v->nlines; i++)
		bad = json_array_append_new(lines, json_line(&v->lines[i])) != 0;
	if (!bad)
		bad = json_object_set_new(o, "person", json_string(m->key)) |
		      json_object_set_new(o, "name", json_string(m->name));
	if (!bad && with_team)
		bad = json_object_set_new(o, "team", string_or_null(m->team)) |
		      json_object_set_new(o, "as_of", json_date(as_of));
	if (!bad)
		bad = json_object_set_new(o, "role", string_or_null(m->role)) |
		      json_object_set_new(o, "fit", json_number_or_null(v->has_fit, v->fit)) |
		      json_object_set(o, "competencies", lines);
	json_decref(lines);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *json_team_line(const struct team_line *t)
{
	json_t *o = json_object();

	if (o == NULL)
		return NULL;
	if (json_object_set_new(o, "competency", json_string(t->competency)) |
	    json_object_set_new(o, "required", json_integer(t->required)) |
	    json_object_set_new(o, "assessed", json_integer(t->assessed)) |
	    json_object_set_new(o, "meeting", json_integer(t->meeting)) |
	    json_object_set_new(o, "unassessed", json_integer(t->unassessed)) |
	    json_object_set_new(o, "coverage", json_real(t->coverage)) |
	    json_object_set_new(o, "mean_gap", json_number_or_null(t->has_mean_gap, t->mean_gap)) |
	    json_object_set_new(o, "priority", json_real(t->priority)) |
	    json_object_set_new(o, "key_person_risk", json_boolean(t->key_person_risk))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *json_team_analysis(const struct analysis *a, const char *team)
{
	json_t *o = json_object(), *comps = json_array(), *members = json_array();
	int bad = o == NULL || comps == NULL || members == NULL;

	for (size_t i = 0; !bad && i < a->ncompetencies; i++)
		bad = json_array_append_new(comps, json_team_line(&a->competencies[i])) != 0;
	for (size_t m = 0; !bad && m < a->nmembers; m++)
		bad = json_array_append_new(members, json_member(&a->members[m], a->as_of, 0)) != 0;
	if (!bad)
		bad = json_object_set_new(o, "team", json_string(team)) |
		      json_object_set_new(o, "as_of", json_date(a->as_of)) |
		      json_object_set(o, "competencies", comps) |
		      json_object_set(o, "members", members);
	json_decref(comps);
	json_decref(members);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}

int json_write(json_t *doc, FILE *out)
{
	if (json_dumpf(doc, out, JSON_INDENT(2) | JSON_REAL_PRECISION(17)) < 0 ||
	    fputc('\n', out) == EOF)
		return -1;
	return 0;
}

static json_t *json_rec_member(const struct rec_member *m)
{
	json_t *o = json_object();
	const char *ap = approach_name(m->approach);

	if (o == NULL)
		return NULL;
	if (json_object_set_new(o, "person", json_string(m->person)) |
	    json_object_set_new(o, "name", json_string(m->name)) |
	    json_object_set_new(o, "team", string_or_null(m->team)) |
	    json_object_set_new(o, "gap", json_number_or_null(m->has_gap, m->gap)) |
	    json_object_set_new(o, "approach", string_or_null(ap))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

static json_t *json_mentor(const struct candidate *c)
{
	json_t *o;

	if (c == NULL)
		return json_null();
	o = json_object();
	if (o == NULL)
		return NULL;
	if (json_object_set_new(o, "person", json_string(c->person)) |
	    json_object_set_new(o, "team", string_or_null(c->team)) |
	    json_object_set_new(o, "level", json_real(c->level)) |
	    json_object_set_new(o, "confidence", json_real(c->confidence))) {
		json_decref(o);
		return NULL;
	}
	return o;
}

json_t *json_recommendations(const struct recommendations *r, const char *team, int32_t as_of)
{
	json_t *o = json_object(), *items = json_array();
	int bad = o == NULL || items == NULL;

	for (size_t i = 0; !bad && i < r->n; i++) {
		const struct recommendation *it = &r->items[i];
		json_t *x = json_object(), *members = json_array();

		bad = x == NULL || members == NULL;
		for (size_t m = 0; !bad && m < it->nmembers; m++)
			bad = json_array_append_new(members, json_rec_member(&it->members[m])) != 0;
		if (!bad)
			bad = json_object_set_new(x, "kind", json_string(rec_kind_name(it->kind))) |
			      json_object_set_new(x, "competency", json_string(it->competency)) |
			      json_object_set(x, "members", members) |
			      json_object_set_new(x, "mentor", json_mentor(it->mentor)) |
			      json_object_set_new(x, "key_person", string_or_null(it->key_person)) |
			      json_object_set_new(x, "rule", json_string(it->rule)) |
			      json_array_append(items, x);
		json_decref(members);
		json_decref(x);
	}
	if (!bad)
		bad = json_object_set_new(o, "team", json_string(team)) |
		      json_object_set_new(o, "as_of", json_date(as_of)) |
		      json_object_set(o, "recommendations", items);
	json_decref(items);
	if (bad) {
		json_decref(o);
		return NULL;
	}
	return o;
}
