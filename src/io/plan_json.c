/* The JSON of development plans (io/plan_json.h). */
#include "io/plan_json.h"

void plan_action_json(struct jw *w, const struct plan_action *a, int32_t today)
{
	jw_object_begin(w);
	jw_field_int(w, "id", a->id);
	jw_field_string(w, "person", a->person);
	jw_field_string(w, "kind", plan_kind_name(a->kind));
	jw_field_string(w, "competency", a->competency);
	jw_key_literal(w, "mentor");
	if (a->mentor != NULL)
		jw_string(w, a->mentor);
	else
		jw_null(w);
	jw_key_literal(w, "mentor_team");
	if (a->mentor_team != NULL)
		jw_string(w, a->mentor_team);
	else
		jw_null(w);
	jw_key_literal(w, "description");
	if (a->description != NULL)
		jw_string(w, a->description);
	else
		jw_null(w);
	jw_key_literal(w, "due");
	if (a->has_due)
		jw_date(w, a->due);
	else
		jw_null(w);
	jw_field_string(w, "status", plan_status_name(a->status));
	jw_field_bool(w, "overdue", plan_overdue(a->status, a->has_due, a->due, today));
	jw_field_string(w, "created_at", a->created_at);
	jw_field_string(w, "updated_at", a->updated_at);
	jw_key_literal(w, "source");
	if (a->source_rule != NULL) {
		jw_object_begin(w);
		jw_field_string(w, "rule", a->source_rule);
		jw_key_literal(w, "recommendation");
		if (a->source_ref != NULL)
			jw_string(w, a->source_ref);
		else
			jw_null(w);
		jw_object_end(w);
	} else {
		jw_null(w);
	}
	jw_object_end(w);
}

void plan_json(struct jw *w, const char *person, const struct plan_action *v, size_t n,
	       int32_t today)
{
	jw_object_begin(w);
	jw_field_string(w, "person", person);
	jw_field_date(w, "today", today);
	jw_key_literal(w, "actions");
	jw_array_begin(w);
	for (size_t i = 0; i < n; i++)
		plan_action_json(w, &v[i], today);
	jw_array_end(w);
	jw_object_end(w);
}
