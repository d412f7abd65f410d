/* Coaching sessions as JSON (io/coaching_json.h). */
#include "io/coaching_json.h"

#include <jansson.h>
#include <stdio.h>
#include <string.h>

#include "util/date.h"

/* ---- parsing ------------------------------------------------------------- */

struct parse {
	struct arena *a;
	struct field_error *fe;
};

static int oom(struct parse *p)
{
	return entity_error_set(p->fe, EE_STORE, NULL, "out of memory");
}

static int wrong(struct parse *p, const char *field, const char *want)
{
	return entity_error_set(p->fe, EE_WRONG_TYPE, field, "%s is %s", field, want);
}

/* A string field (NULL when absent or null, unless required). */
static int text(struct parse *p, const json_t *obj, const char *name, const char *path,
		bool required, const char **out)
{
	json_t *v = json_object_get(obj, name);
	char field[COACH_FIELD_MAX];

	(void)snprintf(field, sizeof field, "%s%s%s", path, path[0] ? "." : "", name);
	*out = NULL;
	if (v == NULL || json_is_null(v)) {
		if (required)
			return entity_error_set(p->fe, EE_MISSING_FIELD, field, "%s is required", field);
		return 0;
	}
	if (!json_is_string(v))
		return wrong(p, field, "a string");
	*out = arena_strdup(p->a, json_string_value(v));
	return *out == NULL ? oom(p) : 0;
}

static int date_field(struct parse *p, const json_t *obj, const char *name, const char *path,
		      int32_t *out)
{
	const char *s;
	char field[COACH_FIELD_MAX];

	(void)snprintf(field, sizeof field, "%s%s%s", path, path[0] ? "." : "", name);
	if (text(p, obj, name, path, true, &s) < 0)
		return -1;
	if (date_parse(s, out) < 0)
		return entity_error_set(p->fe, EE_INVALID, field, "%s is a date YYYY-MM-DD, not '%.40s'",
					field, s);
	return 0;
}

/* Refuses a field of obj not in names (NULL-terminated). */
static int known(struct parse *p, const json_t *obj, const char *path,
		 const char *const *names)
{
	const char *name;
	json_t *v;

	json_object_foreach((json_t *)obj, name, v) {
		bool ok = false;

		for (size_t i = 0; names[i] != NULL && !ok; i++)
			ok = strcmp(name, names[i]) == 0;
		if (!ok) {
			char field[COACH_FIELD_MAX];

			(void)snprintf(field, sizeof field, "%s%s%.40s", path, path[0] ? "." : "", name);
			return entity_error_set(p->fe, EE_UNKNOWN_FIELD, field,
						"there is no field '%s' here", field);
		}
	}
	return 0;
}

/* An array field: its items (0 when absent). */
static int array(struct parse *p, const json_t *obj, const char *name, json_t **out, size_t *n)
{
	json_t *v = json_object_get(obj, name);

	*out = NULL;
	*n = 0;
	if (v == NULL || json_is_null(v))
		return 0;
	if (!json_is_array(v))
		return wrong(p, name, "an array");
	if (json_array_size(v) > COACH_LIST_MAX)
		return entity_error_set(p->fe, EE_INVALID, name, "%s has at most %d entries", name,
					COACH_LIST_MAX);
	*out = v;
	*n = json_array_size(v);
	return 0;
}

static void *alloc(struct parse *p, size_t n, size_t size)
{
	void *v = arena_alloc(p->a, n * size + 1);

	if (v != NULL)
		memset(v, 0, n * size + 1);
	return v;
}

static int strings(struct parse *p, json_t *arr, size_t n, const char *name, const char ***out)
{
	*out = alloc(p, n, sizeof **out);
	if (*out == NULL)
		return oom(p);
	for (size_t i = 0; i < n; i++) {
		json_t *v = json_array_get(arr, i);
		char field[COACH_FIELD_MAX];

		(void)snprintf(field, sizeof field, "%s[%zu]", name, i);
		if (!json_is_string(v))
			return wrong(p, field, "a string");
		if (((*out)[i] = arena_strdup(p->a, json_string_value(v))) == NULL)
			return oom(p);
	}
	return 0;
}

static int object_at(struct parse *p, json_t *arr, size_t i, const char *name, char *path,
		     json_t **out)
{
	(void)snprintf(path, COACH_FIELD_MAX, "%s[%zu]", name, i);
	*out = json_array_get(arr, i);
	return json_is_object(*out) ? 0 : wrong(p, path, "an object");
}

static int parse_doc(struct parse *p, const json_t *root, struct coach_session *s)
{
	static const char *const top[] = { "key", "coach", "date", "topic", "agent", "agents",
					   "evaluations", "notes", "items", "follow_ups", NULL };
	static const char *const note_fields[] = { "agent", "situation", "task", "action",
						   "result", NULL };
	static const char *const item_fields[] = { "agent", "competency", "area", "action",
						   "follow_up", NULL };
	static const char *const follow_fields[] = { "item", "status", "note", NULL };
	char path[COACH_FIELD_MAX];
	const char *one = NULL;
	json_t *arr;
	size_t n;

	if (!json_is_object(root))
		return entity_error_set(p->fe, EE_WRONG_TYPE, NULL, "the body is a JSON object");
	if (known(p, root, "", top) < 0 || text(p, root, "key", "", false, &s->key) < 0 ||
	    text(p, root, "coach", "", false, &s->coach) < 0 ||
	    date_field(p, root, "date", "", &s->date) < 0 ||
	    text(p, root, "topic", "", false, &s->topic) < 0 ||
	    text(p, root, "agent", "", false, &one) < 0 || array(p, root, "agents", &arr, &n) < 0)
		return -1;
	if (one != NULL && arr != NULL)
		return entity_error_set(p->fe, EE_INVALID, "agent", "give agent or agents, not both");
	if (one != NULL) {
		s->agents = alloc(p, 1, sizeof *s->agents);
		if (s->agents == NULL)
			return oom(p);
		s->agents[0] = one;
		s->nagents = 1;
	} else if (arr != NULL) {
		if (strings(p, arr, n, "agents", &s->agents) < 0)
			return -1;
		s->nagents = n;
	} else {
		return entity_error_set(p->fe, EE_MISSING_FIELD, "agents",
					"agents is required: the agent or agents coached");
	}
	if (array(p, root, "evaluations", &arr, &n) < 0)
		return -1;
	if (n > 0) {
		const char **keys;

		if (strings(p, arr, n, "evaluations", &keys) < 0)
			return -1;
		if ((s->evaluations = alloc(p, n, sizeof *s->evaluations)) == NULL)
			return oom(p);
		for (size_t i = 0; i < n; i++)
			s->evaluations[i].key = keys[i];
		s->nevaluations = n;
	}
	if (array(p, root, "notes", &arr, &n) < 0)
		return -1;
	if (n > 0 && (s->stars = alloc(p, n, sizeof *s->stars)) == NULL)
		return oom(p);
	s->nstars = n;
	for (size_t i = 0; i < n; i++) {
		json_t *o;

		if (object_at(p, arr, i, "notes", path, &o) < 0 || known(p, o, path, note_fields) < 0 ||
		    text(p, o, "agent", path, false, &s->stars[i].agent) < 0)
			return -1;
		for (int k = 0; k < STAR_PARTS; k++)
			if (text(p, o, star_part_names[k], path, false, &s->stars[i].star.part[k]) < 0)
				return -1;
	}
	if (array(p, root, "items", &arr, &n) < 0)
		return -1;
	if (n > 0 && (s->items = alloc(p, n, sizeof *s->items)) == NULL)
		return oom(p);
	s->nitems = n;
	for (size_t i = 0; i < n; i++) {
		struct coach_item *it = &s->items[i];
		json_t *o;

		it->number = (int)i + 1;
		if (object_at(p, arr, i, "items", path, &o) < 0 || known(p, o, path, item_fields) < 0 ||
		    text(p, o, "agent", path, false, &it->agent) < 0 ||
		    text(p, o, "competency", path, false, &it->competency) < 0 ||
		    text(p, o, "area", path, false, &it->area) < 0 ||
		    text(p, o, "action", path, true, &it->action) < 0 ||
		    date_field(p, o, "follow_up", path, &it->follow_up) < 0)
			return -1;
	}
	if (array(p, root, "follow_ups", &arr, &n) < 0)
		return -1;
	if (n > 0 && (s->followups = alloc(p, n, sizeof *s->followups)) == NULL)
		return oom(p);
	s->nfollowups = n;
	for (size_t i = 0; i < n; i++) {
		struct coach_followup *f = &s->followups[i];
		const char *status;
		json_t *o;

		if (object_at(p, arr, i, "follow_ups", path, &o) < 0 ||
		    known(p, o, path, follow_fields) < 0 || text(p, o, "item", path, true, &f->item) < 0 ||
		    text(p, o, "status", path, true, &status) < 0 ||
		    text(p, o, "note", path, false, &f->note) < 0)
			return -1;
		if (coach_status_parse(status, &f->status) < 0) {
			char field[COACH_FIELD_MAX + 8];

			(void)snprintf(field, sizeof field, "%s.status", path);
			return entity_error_set(p->fe, EE_INVALID, field, "%s is done, partly or not_done,"
						" not '%.40s'", field, status);
		}
	}
	return 0;
}

int coaching_json_parse(const char *body, size_t len, struct arena *a,
			struct coach_session *out, struct field_error *fe)
{
	struct parse p = { a, fe };
	json_error_t je;
	json_t *root = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	int rc;

	memset(out, 0, sizeof *out);
	if (root == NULL)
		return entity_error_set(fe, EE_MALFORMED, NULL, "the body is not valid JSON: %s"
					" (line %d, column %d)", je.text, je.line, je.column);
	rc = parse_doc(&p, root, out);
	json_decref(root);
	if (rc < 0)
		return -1;
	if (out->coach == NULL)
		return 0;    /* the caller names the coach, then checks */
	{
		char field[COACH_FIELD_MAX];
		struct err err = { 0 };

		if (coach_check(out, field, &err) < 0)
			return entity_error_set(fe, EE_INVALID, field, "%s", err.msg);
	}
	return 0;
}

/* ---- writing ------------------------------------------------------------- */

static bool shows(const struct coach_filter *f, const char *agent)
{
	return f == NULL || f->shows == NULL || (agent != NULL && f->shows(f->ctx, agent));
}

bool coach_item_overdue(const struct coach_item *item, int32_t today)
{
	return coach_item_open(item) && item->follow_up < today;
}

static void item_ref(char *out, size_t outsz, const struct coach_item *it)
{
	(void)snprintf(out, outsz, "%s#%d", it->session != NULL ? it->session : "", it->number);
}

/* The fields of an item, without its braces. */
static void item_fields(struct jw *w, const struct coach_item *it, bool with_agent)
{
	char ref[KEY_MAX + 16];

	item_ref(ref, sizeof ref, it);
	jw_field_string(w, "item", ref);
	if (with_agent)
		jw_field_string(w, "agent", it->agent);
	jw_field_string(w, "competency", it->competency);
	jw_field_string(w, "area", it->area);
	jw_field_string(w, "action", it->action);
	jw_field_date(w, "follow_up", it->follow_up);
}

static void item_object(struct jw *w, const struct coach_item *it, int32_t today, bool agent)
{
	jw_object_begin(w);
	item_fields(w, it, agent);
	jw_field_string(w, "status", it->status);
	jw_field_string(w, "note", it->note);
	jw_field_bool(w, "open", coach_item_open(it));
	jw_field_bool(w, "overdue", coach_item_overdue(it, today));
	jw_object_end(w);
}

void coaching_json_session(struct jw *w, const struct coach_session *s,
			   const struct coach_filter *f, int32_t today)
{
	jw_object_begin(w);
	jw_field_string(w, "key", s->key);
	jw_field_string(w, "coach", s->coach);
	jw_field_date(w, "date", s->date);
	jw_field_string(w, "topic", s->topic);
	jw_field_bool(w, "group", s->nagents > 1);
	jw_key_literal(w, "agents");
	jw_array_begin(w);
	for (size_t i = 0; i < s->nagents; i++)
		if (shows(f, s->agents[i]))
			jw_string(w, s->agents[i]);
	jw_array_end(w);
	jw_key_literal(w, "evaluations");
	jw_array_begin(w);
	for (size_t i = 0; i < s->nevaluations; i++) {
		const struct coach_evaluation *e = &s->evaluations[i];

		if (!shows(f, e->agent))
			continue;
		jw_object_begin(w);
		jw_field_string(w, "evaluation", e->key);
		jw_field_string(w, "agent", e->agent);
		jw_field_date(w, "date", e->date);
		jw_field_string(w, "contact", e->contact);
		jw_field_bool(w, "retracted", e->retracted);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key_literal(w, "notes");
	jw_array_begin(w);
	for (size_t i = 0; i < s->nstars; i++) {
		const struct coach_star *n = &s->stars[i];

		if (n->agent != NULL && !shows(f, n->agent))
			continue;
		jw_object_begin(w);
		jw_field_string(w, "agent", n->agent);
		jw_field_string(w, "situation", n->star.part[0]);
		jw_field_string(w, "task", n->star.part[1]);
		jw_field_string(w, "action", n->star.part[2]);
		jw_field_string(w, "result", n->star.part[3]);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key_literal(w, "items");
	jw_array_begin(w);
	for (size_t i = 0; i < s->nitems; i++)
		if (shows(f, s->items[i].agent))
			item_object(w, &s->items[i], today, true);
	jw_array_end(w);
	jw_key_literal(w, "follow_ups");
	jw_array_begin(w);
	for (size_t i = 0; i < s->nfollowups; i++) {
		const struct coach_followup *fu = &s->followups[i];

		if (!shows(f, fu->about.agent))
			continue;
		jw_object_begin(w);
		item_fields(w, &fu->about, true);
		jw_field_string(w, "status", coach_status_names[fu->status]);
		jw_field_string(w, "note", fu->note);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}

void coaching_json_person(struct jw *w, const char *person, const struct coach_brief *sessions,
			  size_t nsessions, const struct coach_item *items, size_t nitems,
			  int32_t today)
{
	jw_object_begin(w);
	jw_field_string(w, "person", person);
	jw_key_literal(w, "sessions");
	jw_array_begin(w);
	for (size_t i = 0; i < nsessions; i++) {
		jw_object_begin(w);
		jw_field_string(w, "key", sessions[i].key);
		jw_field_date(w, "date", sessions[i].date);
		jw_field_string(w, "coach", sessions[i].coach);
		jw_field_string(w, "topic", sessions[i].topic);
		jw_field_bool(w, "group", sessions[i].nagents > 1);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_key_literal(w, "open_items");
	jw_array_begin(w);
	for (size_t i = 0; i < nitems; i++)
		if (coach_item_open(&items[i]))
			item_object(w, &items[i], today, false);
	jw_array_end(w);
	jw_key_literal(w, "items");
	jw_array_begin(w);
	for (size_t i = 0; i < nitems; i++)
		item_object(w, &items[i], today, false);
	jw_array_end(w);
	jw_object_end(w);
}

void coaching_json_team(struct jw *w, const char *team, const struct coach_brief *sessions,
			size_t n)
{
	jw_object_begin(w);
	jw_field_string(w, "team", team);
	jw_key_literal(w, "sessions");
	jw_array_begin(w);
	for (size_t i = 0; i < n; i++) {
		jw_object_begin(w);
		jw_field_string(w, "key", sessions[i].key);
		jw_field_date(w, "date", sessions[i].date);
		jw_field_string(w, "coach", sessions[i].coach);
		jw_field_string(w, "topic", sessions[i].topic);
		jw_key_literal(w, "agents");
		jw_array_begin(w);
		for (size_t k = 0; k < sessions[i].nteam_agents; k++)
			jw_string(w, sessions[i].agents[k]);
		jw_array_end(w);
		jw_object_end(w);
	}
	jw_array_end(w);
	jw_object_end(w);
}
