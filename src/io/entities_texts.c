/* The "texts" object of a competency's or a role's JSON document: its
 * stored translations by language (store/texts.h, docs/api.md). */
#include "io/entities_texts.h"

#include <string.h>
#include <sysexits.h>

#include "i18n/i18n.h"

/* The translations of one language. */
struct lang_texts {
	bool any;
	const char *name, *description;
	const char **indicators;     /* [0, nindicators): NULL where none */
	const char *levels[LEVEL_MAX + 1];
};

struct collect {
	struct arena *a;
	size_t nindicators;          /* the competency's behavioural indicators */
	struct lang_texts l[LANG_COUNT];
	bool failed;                 /* memory ran out */
};

static int lang_index(const char *code)
{
	for (int i = 0; i < LANG_COUNT; i++)
		if (strcmp(code, lang_code((enum lang)i)) == 0)
			return i;
	return -1;
}

static int collect_text(void *ctx, const struct library_text *t)
{
	struct collect *c = ctx;
	int i = lang_index(t->lang);
	struct lang_texts *l;
	const char *text;

	if (i < 0)
		return 0;           /* stored by another program: not ours to show */
	l = &c->l[i];
	text = arena_strdup(c->a, t->text);
	if (text == NULL) {
		c->failed = true;
		return 1;
	}
	switch (t->kind) {
	case LIBRARY_COMPETENCY:
	case LIBRARY_ROLE:
		if (t->field == LIBRARY_NAME)
			l->name = text;
		else
			l->description = text;
		break;
	case LIBRARY_INDICATOR:
		if (t->item < 1 || (size_t)t->item > c->nindicators)
			return 0;
		if (l->indicators == NULL) {
			l->indicators = arena_alloc(c->a, c->nindicators * sizeof *l->indicators);
			if (l->indicators == NULL) {
				c->failed = true;
				return 1;
			}
			memset(l->indicators, 0, c->nindicators * sizeof *l->indicators);
		}
		l->indicators[t->item - 1] = text;
		break;
	case LIBRARY_DESCRIPTOR:
		if (t->item >= LEVEL_MIN && t->item <= LEVEL_MAX)
			l->levels[t->item] = text;
		break;
	case LIBRARY_KIND_COUNT:
		return 0;
	}
	l->any = true;
	return 0;
}

static void write_lang(struct jw *w, enum entity kind, const struct collect *c,
		       const struct lang_texts *l)
{
	jw_object_begin(w);
	jw_field_string(w, "name", l->name);
	if (kind == ENTITY_COMPETENCY) {
		jw_field_string(w, "description", l->description);
		jw_key(w, "indicators");
		jw_array_begin(w);
		for (size_t i = 0; i < c->nindicators; i++)
			jw_string(w, l->indicators != NULL ? l->indicators[i] : NULL);
		jw_array_end(w);
		jw_key(w, "levels");
		jw_array_begin(w);
		for (int level = LEVEL_MIN; level <= LEVEL_MAX; level++) {
			if (l->levels[level] == NULL)
				continue;
			jw_object_begin(w);
			jw_field_int(w, "level", level);
			jw_field_string(w, "descriptor", l->levels[level]);
			jw_object_end(w);
		}
		jw_array_end(w);
	}
	jw_object_end(w);
}

int entities_json_texts(struct jw *w, struct store *st, enum entity kind, const char *key,
			size_t nindicators, struct err *err)
{
	struct arena a;
	struct collect c = { .a = &a, .nindicators = nindicators };
	int rc;

	arena_init(&a, (size_t)16 << 20);
	rc = store_each_library_text(st, kind, key, collect_text, &c, err);
	if (c.failed)
		rc = err_set(err, EX_OSERR, "out of memory");
	if (rc == 0) {
		jw_key(w, "texts");
		jw_object_begin(w);
		for (int i = 0; i < LANG_COUNT; i++) {
			if (!c.l[i].any)
				continue;
			jw_key(w, lang_code((enum lang)i));
			write_lang(w, kind, &c, &c.l[i]);
		}
		jw_object_end(w);
	}
	arena_free(&a);
	return rc != 0 ? -1 : 0;
}

/* ---- the "texts" of a request ------------------------------------------ */

/* Room for one more text of the patch; NULL with fe set. */
static struct patch_text *add_text(struct patch_texts *out, struct arena *a,
				   struct field_error *fe)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct patch_text *items = arena_alloc(a, cap * sizeof *items);

		if (items == NULL) {
			(void)entity_error_set(fe, EE_STORE, "texts", "out of memory");
			return NULL;
		}
		if (out->n > 0)
			memcpy(items, out->items, out->n * sizeof *items);
		out->items = items;
		out->cap = cap;
	}
	return &out->items[out->n++];
}

/* Adds the text of v (a string, or null to remove it) at path. */
static int text_at(struct patch_texts *out, struct arena *a, const json_t *v,
		   const struct library_text *t, const char *path, struct field_error *fe)
{
	struct patch_text *p;

	if (!json_is_string(v) && !json_is_null(v))
		return entity_error_set(fe, EE_WRONG_TYPE, path, "%s must be a string, or null to"
					" remove the translation", path);
	p = add_text(out, a, fe);
	if (p == NULL)
		return -1;
	p->t = *t;
	p->t.text = json_is_string(v) ? arena_strdup(a, json_string_value(v)) : NULL;
	p->field = arena_strdup(a, path);
	if (p->field == NULL || (json_is_string(v) && p->t.text == NULL))
		return entity_error_set(fe, EE_STORE, path, "out of memory");
	return 0;
}

static int levels_at(struct patch_texts *out, struct arena *a, const json_t *v,
		     struct library_text t, const char *path, struct field_error *fe)
{
	char at[160], field[176];
	size_t i;
	json_t *x;

	if (!json_is_array(v))
		return entity_error_set(fe, EE_WRONG_TYPE, path, "%s must be an array of objects",
					path);
	json_array_foreach(v, i, x) {
		json_t *level = json_object_get(x, "level");
		const char *name;
		json_t *f;

		(void)snprintf(at, sizeof at, "%.120s[%zu]", path, i);
		if (!json_is_object(x))
			return entity_error_set(fe, EE_WRONG_TYPE, at, "%s must be an object", at);
		json_object_foreach(x, name, f) {
			if (strcmp(name, "level") != 0 && strcmp(name, "descriptor") != 0)
				return entity_error_set(fe, EE_UNKNOWN_FIELD, at, "unknown field"
							" '%s.%s'; the fields are level, descriptor",
							at, name);
		}
		if (!json_is_integer(level))
			return entity_error_set(fe, level == NULL ? EE_MISSING_FIELD : EE_WRONG_TYPE,
						at, "%s.level must be a whole number", at);
		if (json_object_get(x, "descriptor") == NULL)
			return entity_error_set(fe, EE_MISSING_FIELD, at, "%s.descriptor is required",
						at);
		t.kind = LIBRARY_DESCRIPTOR;
		t.item = json_integer_value(level) >= LEVEL_MIN &&
			 json_integer_value(level) <= LEVEL_MAX ? (int)json_integer_value(level) : -1;
		(void)snprintf(field, sizeof field, "%s.descriptor", at);
		if (text_at(out, a, json_object_get(x, "descriptor"), &t, field, fe) < 0)
			return -1;
	}
	return 0;
}

/* The texts of one language of competency or role. */
static int lang_at(struct patch_texts *out, struct arena *a, enum entity kind, const char *lang,
		   const json_t *v, const char *path, struct field_error *fe)
{
	struct library_text t = { .lang = lang, .field = LIBRARY_TEXT };
	const char *name;
	char at[160];
	json_t *f;

	if (!json_is_object(v))
		return entity_error_set(fe, EE_WRONG_TYPE, path, "%s must be an object", path);
	json_object_foreach((json_t *)v, name, f) {
		int rc;

		(void)snprintf(at, sizeof at, "%.60s.%.60s", path, name);
		t.kind = kind == ENTITY_ROLE ? LIBRARY_ROLE : LIBRARY_COMPETENCY;
		t.item = 0;
		if (strcmp(name, "name") == 0) {
			t.field = LIBRARY_NAME;
			rc = text_at(out, a, f, &t, at, fe);
		} else if (kind == ENTITY_COMPETENCY && strcmp(name, "description") == 0) {
			t.field = LIBRARY_DESCRIPTION;
			rc = text_at(out, a, f, &t, at, fe);
		} else if (kind == ENTITY_COMPETENCY && strcmp(name, "indicators") == 0) {
			size_t i;
			json_t *x;
			char item[176];

			if (!json_is_array(f))
				return entity_error_set(fe, EE_WRONG_TYPE, at, "%s must be an array of"
							" strings (null: no translation)", at);
			t.kind = LIBRARY_INDICATOR;
			t.field = LIBRARY_TEXT;
			rc = 0;
			json_array_foreach(f, i, x) {
				t.item = (int)i + 1;
				(void)snprintf(item, sizeof item, "%.140s[%zu]", at, i);
				if ((rc = text_at(out, a, x, &t, item, fe)) < 0)
					break;
			}
		} else if (kind == ENTITY_COMPETENCY && strcmp(name, "levels") == 0) {
			t.field = LIBRARY_TEXT;
			rc = levels_at(out, a, f, t, at, fe);
		} else {
			return entity_error_set(fe, EE_UNKNOWN_FIELD, at, "unknown field '%s'; the"
						" fields are %s", at, kind == ENTITY_ROLE ? "name"
						: "name, description, indicators, levels");
		}
		if (rc < 0)
			return -1;
	}
	return 0;
}

int entities_texts_parse(const json_t *v, enum entity kind, struct arena *a,
			 struct patch_texts *out, struct field_error *fe)
{
	const char *lang;
	char path[96];
	json_t *x;

	memset(out, 0, sizeof *out);
	if (!json_is_object(v))
		return entity_error_set(fe, EE_WRONG_TYPE, "texts", "texts must be an object with a"
					" member per language (%s)", library_lang_list());
	json_object_foreach((json_t *)v, lang, x) {
		const char *code;

		(void)snprintf(path, sizeof path, "texts.%.60s", lang);
		if (!library_lang_valid(lang))
			return entity_error_set(fe, EE_INVALID, path, "'%.60s' is not a language of"
						" compgap; use %s", lang, library_lang_list());
		code = arena_strdup(a, lang);
		if (code == NULL)
			return entity_error_set(fe, EE_STORE, path, "out of memory");
		if (lang_at(out, a, kind, code, x, path, fe) < 0)
			return -1;
	}
	return 0;
}

int entities_texts_write(struct store *st, const char *key, const struct patch_texts *t,
			 struct field_error *fe)
{
	for (size_t i = 0; i < t->n; i++) {
		struct library_text x = t->items[i].t;
		struct err err = { 0 };

		x.key = key;
		if (store_put_library_text(st, &x, NULL, &err) == 0)
			continue;
		if (err.code == EX_DATAERR)
			return entity_error_set(fe, EE_INVALID, t->items[i].field, "%s: %s",
						t->items[i].field, err.msg);
		fe->code = EE_STORE;
		fe->err = err;
		fe->problems = 1;
		(void)snprintf(fe->message, sizeof fe->message, "%s", err.msg);
		(void)snprintf(fe->field, sizeof fe->field, "%s", t->items[i].field);
		return -1;
	}
	return 0;
}
