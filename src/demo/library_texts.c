/* The writer of the demo's library-texts CSV (see library_texts.h). */
#include "demo/library_texts.h"

#include "io/csv.h"

const struct demo_translation *const demo_translations[] = {
	&demo_translation_nl, &demo_translation_sv, NULL
};

static void row(FILE *out, const char *kind, const char *key, int item, const char *lang,
		const char *field, const char *text)
{
	char number[16] = "";
	const char *cells[] = { kind, key, number, lang, field, text };

	if (item > 0)
		(void)snprintf(number, sizeof number, "%d", item);
	(void)csv_write_row(out, cells, 6, CSV_WRITE_NEUTRALISE);
}

static void write_translation(FILE *out, const struct demo_translation *t)
{
	for (int c = 0; c < t->ncompetencies; c++) {
		const struct demo_competency_text *k = &t->competencies[c];

		row(out, "competency", k->key, 0, t->lang, "name", k->name);
		row(out, "competency", k->key, 0, t->lang, "description", k->description);
		for (int i = 0; i < DEMO_INDICATORS_MAX && k->indicators[i] != NULL; i++)
			row(out, "indicator", k->key, i + 1, t->lang, "text", k->indicators[i]);
		for (int l = 0; l < LEVEL_MAX; l++)
			row(out, "descriptor", k->key, l + 1, t->lang, "text", k->levels[l]);
	}
	for (int r = 0; r < t->nroles; r++)
		row(out, "role", t->roles[r].key, 0, t->lang, "name", t->roles[r].name);
}

void demo_write_library_texts(FILE *out)
{
	const char *header[] = { "kind", "key", "item", "lang", "field", "text" };

	(void)csv_write_row(out, header, 6, CSV_WRITE_NEUTRALISE);
	/* The roles' English names: they have no base name to fall back to. */
	for (int r = 0; r < demo_role_count; r++)
		row(out, "role", demo_roles[r].key, 0, "en", "name", demo_roles[r].name);
	for (int i = 0; demo_translations[i] != NULL; i++)
		write_translation(out, demo_translations[i]);
}
