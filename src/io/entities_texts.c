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
