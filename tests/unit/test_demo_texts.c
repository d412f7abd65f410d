/* The demo's translations (demo/library_texts.h) cover the whole library:
 * every competency of demo_competencies in each language, with a name, a
 * description, exactly as many indicators as the English and all five
 * level descriptors, none of them the English text; every role named. */
#include "testutil.h"

#include <string.h>

#include "demo/library_texts.h"

static const struct demo_competency_text *find(const struct demo_translation *t, const char *key)
{
	for (int c = 0; c < t->ncompetencies; c++)
		if (strcmp(t->competencies[c].key, key) == 0)
			return &t->competencies[c];
	return NULL;
}

static int count(const char *const *items)
{
	int n = 0;

	while (n < DEMO_INDICATORS_MAX && items[n] != NULL)
		n++;
	return n;
}

static void test_complete(void **state)
{
	int languages = 0;

	(void)state;
	for (int i = 0; demo_translations[i] != NULL; i++) {
		const struct demo_translation *t = demo_translations[i];

		languages++;
		assert_int_equal(t->ncompetencies, demo_competency_count);
		for (int c = 0; c < demo_competency_count; c++) {
			const struct demo_competency *en = &demo_competencies[c];
			const struct demo_competency_text *k = find(t, en->key);

			if (k == NULL)
				fail_msg("%s: no translation of %s", t->lang, en->key);
			assert_non_null(k->name);
			assert_non_null(k->description);
			assert_string_not_equal(k->name, en->name);
			assert_string_not_equal(k->description, en->description);
			if (count(k->indicators) != count(en->indicators))
				fail_msg("%s: %s has %d indicators, the English %d", t->lang, en->key,
					 count(k->indicators), count(en->indicators));
			for (int n = 0; n < count(en->indicators); n++)
				assert_string_not_equal(k->indicators[n], en->indicators[n]);
			for (int l = 0; l < LEVEL_MAX; l++) {
				assert_non_null(k->levels[l]);
				assert_string_not_equal(k->levels[l], en->levels[l]);
			}
		}
		assert_int_equal(t->nroles, demo_role_count);
		for (int r = 0; r < demo_role_count; r++) {
			assert_string_equal(t->roles[r].key, demo_roles[r].key);
			assert_string_not_equal(t->roles[r].name, demo_roles[r].name);
		}
	}
	assert_int_equal(languages, 2);
	assert_string_equal(demo_translations[0]->lang, "nl");
	assert_string_equal(demo_translations[1]->lang, "sv");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_complete),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
