/* The library's texts in other languages (store/texts.h), each test in a
 * fresh database on the engine under test (store_fixture.h): translations
 * stored, replaced and removed; the library read in a language, each text
 * falling back to its base text (roles to their key); an indicator's
 * translation surviving a replacement of the indicators that keeps its
 * text and lapsing when its text is gone; what is refused, with the field
 * named; a competency or role deleted with its texts. */
#include "testutil.h"
#include "store_fixture.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/texts.h"

struct fixture {
	struct db_place place;
	struct store *st;
	struct arena a;
};

static void must(int rc, const struct err *err)
{
	if (rc < 0)
		fail_msg("%s", err->msg);
}

static const struct indicator cf_items[] = {
	{ NULL, 0, "Asks follow-up questions" },
	{ NULL, 0, "Checks the customer is helped" },
	{ NULL, 1, "Needs guidance" },
	{ NULL, 3, "Independent" },
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };
	struct store *st;

	if (f == NULL)
		return -1;
	*state = f;
	arena_init(&f->a, 1 << 20);
	if (db_place_new(&f->place, "lt") < 0 ||
	    store_open(f->place.path, STORE_CREATE, &f->st, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	st = f->st;
	must(store_begin(st, &err), &err);
	must(store_put_competency(st, &(struct competency){ "cf", "Customer focus", "interpersonal",
							     "Acting on needs", DEV_MEDIUM, 0 }, &err),
	     &err);
	must(store_put_competency(st, &(struct competency){ "plain", "Plain", NULL, NULL, DEV_UNSET,
							     0 }, &err), &err);
	must(store_replace_indicators(st, "cf", cf_items, 4, &err), &err);
	must(store_put_requirement(st, &(struct requirement){ "agent", "cf", 3, 2, 0 }, &err), &err);
	must(store_put_requirement(st, &(struct requirement){ "agent", "plain", 2, 1, 0 }, &err),
	     &err);
	must(store_create_role(st, "lead", &err), &err);
	must(store_commit(st, &err), &err);
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc;

	store_close(f->st);
	arena_free(&f->a);
	rc = db_place_remove(&f->place);
	free(f);
	return rc;
}

/* Stores one text in a transaction of its own; returns put's result, with
 * the column at fault in *column. */
static int put(struct store *st, enum library_kind kind, const char *key, int item,
	       const char *lang, enum library_field field, const char *text, const char **column,
	       struct err *err)
{
	struct library_text t = { kind, key, item, lang, field, text };
	int rc;

	must(store_begin(st, err), err);
	rc = store_put_library_text(st, &t, column, err);
	if (rc < 0)
		store_rollback(st);
	else
		must(store_commit(st, err), err);
	return rc;
}

static void put_ok(struct store *st, enum library_kind kind, const char *key, int item,
		   const char *lang, enum library_field field, const char *text)
{
	struct err err = { 0 };

	if (put(st, kind, key, item, lang, field, text, NULL, &err) < 0)
		fail_msg("%s", err.msg);
}

static const struct library_competency *load(struct fixture *f, const char *lang,
					     struct library *lib)
{
	struct err err = { 0 };

	must(store_load_library(f->st, lang, &f->a, lib, &err), &err);
	assert_int_equal(lib->ncompetencies, 2);
	assert_string_equal(lib->competencies[0].key, "cf");
	return &lib->competencies[0];
}

static void test_fallback(void **state)
{
	struct fixture *f = *state;
	const struct library_competency *c;
	struct library lib;

	put_ok(f->st, LIBRARY_COMPETENCY, "cf", 0, "nl", LIBRARY_NAME, "Klantgerichtheid");
	put_ok(f->st, LIBRARY_INDICATOR, "cf", 2, "nl", LIBRARY_TEXT, "Gaat na of de klant geholpen is");
	put_ok(f->st, LIBRARY_DESCRIPTOR, "cf", 3, "nl", LIBRARY_TEXT, "Zelfstandig");
	put_ok(f->st, LIBRARY_ROLE, "agent", 0, "nl", LIBRARY_NAME, "Klantcontactmedewerker");
	put_ok(f->st, LIBRARY_COMPETENCY, "cf", 0, "sv", LIBRARY_DESCRIPTION, "Agerar på behov");

	c = load(f, "nl", &lib);
	assert_string_equal(c->name, "Klantgerichtheid");
	assert_true(c->name_translated);
	/* No Dutch description: the base one. */
	assert_string_equal(c->description, "Acting on needs");
	assert_false(c->description_translated);
	assert_string_equal(c->category, "interpersonal");
	assert_int_equal(c->developability, DEV_MEDIUM);
	assert_int_equal(c->nindicators, 4);
	assert_int_equal(c->indicators[0].level, 0);
	assert_string_equal(c->indicators[0].text, "Asks follow-up questions");
	assert_false(c->indicators[0].translated);
	assert_string_equal(c->indicators[1].text, "Gaat na of de klant geholpen is");
	assert_true(c->indicators[1].translated);
	assert_int_equal(c->indicators[2].level, 1);
	assert_string_equal(c->indicators[2].text, "Needs guidance");
	assert_int_equal(c->indicators[3].level, 3);
	assert_string_equal(c->indicators[3].text, "Zelfstandig");
	/* The competency without indicators or description. */
	assert_int_equal(lib.competencies[1].nindicators, 0);
	assert_null(lib.competencies[1].indicators);
	assert_null(lib.competencies[1].description);
	assert_string_equal(lib.competencies[1].name, "Plain");
	/* Roles: the Dutch name, else the key; requirements in order. */
	assert_int_equal(lib.nroles, 2);
	assert_string_equal(lib.roles[0].key, "agent");
	assert_string_equal(lib.roles[0].name, "Klantcontactmedewerker");
	assert_true(lib.roles[0].translated);
	assert_int_equal(lib.roles[0].nrequirements, 2);
	assert_string_equal(lib.roles[0].requirements[0].competency, "cf");
	assert_int_equal(lib.roles[0].requirements[0].required_level, 3);
	assert_int_equal(lib.roles[0].requirements[0].weight, 2);
	assert_string_equal(lib.roles[0].requirements[1].competency, "plain");
	assert_string_equal(lib.roles[1].name, "lead");
	assert_false(lib.roles[1].translated);
	assert_int_equal(lib.roles[1].nrequirements, 0);

	/* Swedish: only the description. */
	c = load(f, "sv", &lib);
	assert_string_equal(c->name, "Customer focus");
	assert_string_equal(c->description, "Agerar på behov");
	assert_true(c->description_translated);
	assert_string_equal(c->indicators[1].text, "Checks the customer is helped");
	assert_string_equal(lib.roles[0].name, "agent");
}

static void test_replace_and_remove(void **state)
{
	struct fixture *f = *state;
	const struct library_competency *c;
	struct library lib;

	put_ok(f->st, LIBRARY_COMPETENCY, "cf", 0, "nl", LIBRARY_NAME, "Klantgericht");
	put_ok(f->st, LIBRARY_COMPETENCY, "cf", 0, "nl", LIBRARY_NAME, "Klantgerichtheid");
	put_ok(f->st, LIBRARY_COMPETENCY, "cf", 0, "nl", LIBRARY_DESCRIPTION, "Handelt naar behoeften");
	put_ok(f->st, LIBRARY_INDICATOR, "cf", 1, "nl", LIBRARY_TEXT, "Vraagt door");
	put_ok(f->st, LIBRARY_INDICATOR, "cf", 1, "nl", LIBRARY_TEXT, "Vraagt door naar de vraag");
	c = load(f, "nl", &lib);
	assert_string_equal(c->name, "Klantgerichtheid");
	assert_string_equal(c->description, "Handelt naar behoeften");
	assert_string_equal(c->indicators[0].text, "Vraagt door naar de vraag");

	/* An empty text removes the translation; the other field stays. */
	put_ok(f->st, LIBRARY_COMPETENCY, "cf", 0, "nl", LIBRARY_NAME, "");
	put_ok(f->st, LIBRARY_INDICATOR, "cf", 1, "nl", LIBRARY_TEXT, NULL);
	c = load(f, "nl", &lib);
	assert_string_equal(c->name, "Customer focus");
	assert_false(c->name_translated);
	assert_string_equal(c->description, "Handelt naar behoeften");
	assert_string_equal(c->indicators[0].text, "Asks follow-up questions");
	assert_false(c->indicators[0].translated);
}

struct listed {
	char lines[16][160];
	int n;
};

static int list_text(void *ctx, const struct library_text *t)
{
	struct listed *l = ctx;

	assert_true(l->n < 16);
	(void)snprintf(l->lines[l->n++], sizeof l->lines[0], "%s %s %d %s %s %s",
		       library_kind_name(t->kind), t->key, t->item, t->lang,
		       library_field_name(t->field), t->text);
	return 0;
}

/* The indicators are numbered by their place among the behavioural ones,
 * so that a translation's item is what an import gives. */
static void test_each(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct listed l = { .n = 0 };

	put_ok(f->st, LIBRARY_DESCRIPTOR, "cf", 3, "sv", LIBRARY_TEXT, "Självständig");
	put_ok(f->st, LIBRARY_INDICATOR, "cf", 2, "sv", LIBRARY_TEXT, "Kontrollerar");
	put_ok(f->st, LIBRARY_INDICATOR, "cf", 2, "nl", LIBRARY_TEXT, "Controleert");
	put_ok(f->st, LIBRARY_COMPETENCY, "cf", 0, "sv", LIBRARY_NAME, "Kundfokus");
	put_ok(f->st, LIBRARY_COMPETENCY, "plain", 0, "en", LIBRARY_NAME, "Plain in English");
	put_ok(f->st, LIBRARY_ROLE, "lead", 0, "sv", LIBRARY_NAME, "Teamledare");
	put_ok(f->st, LIBRARY_ROLE, "agent", 0, "en", LIBRARY_NAME, "Agent");

	must(store_each_library_text(f->st, ENTITY_COMPETENCY, NULL, list_text, &l, &err), &err);
	assert_int_equal(l.n, 5);
	assert_string_equal(l.lines[0], "competency cf 0 sv name Kundfokus");
	assert_string_equal(l.lines[1], "competency plain 0 en name Plain in English");
	assert_string_equal(l.lines[2], "indicator cf 2 nl text Controleert");
	assert_string_equal(l.lines[3], "indicator cf 2 sv text Kontrollerar");
	assert_string_equal(l.lines[4], "descriptor cf 3 sv text Självständig");

	l.n = 0;
	must(store_each_library_text(f->st, ENTITY_COMPETENCY, "plain", list_text, &l, &err), &err);
	assert_int_equal(l.n, 1);
	assert_string_equal(l.lines[0], "competency plain 0 en name Plain in English");

	l.n = 0;
	must(store_each_library_text(f->st, ENTITY_ROLE, NULL, list_text, &l, &err), &err);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.lines[0], "role agent 0 en name Agent");
	assert_string_equal(l.lines[1], "role lead 0 sv name Teamledare");
}

/* Replacing the indicators keeps the translations of the texts that stay
 * (at their new place) and drops those of the texts that went. */
static void test_indicators_replaced(void **state)
{
	struct fixture *f = *state;
	static const struct indicator again[] = {
		{ NULL, 0, "A new first indicator" },
		{ NULL, 0, "Checks the customer is helped" },
		{ NULL, 1, "Needs guidance" },
		{ NULL, 3, "Independent in regular situations" },
	};
	const struct library_competency *c;
	struct err err = { 0 };
	struct listed l = { .n = 0 };
	struct library lib;

	put_ok(f->st, LIBRARY_INDICATOR, "cf", 1, "nl", LIBRARY_TEXT, "Vraagt door");
	put_ok(f->st, LIBRARY_INDICATOR, "cf", 2, "nl", LIBRARY_TEXT, "Controleert");
	put_ok(f->st, LIBRARY_DESCRIPTOR, "cf", 1, "nl", LIBRARY_TEXT, "Heeft begeleiding nodig");
	put_ok(f->st, LIBRARY_DESCRIPTOR, "cf", 3, "nl", LIBRARY_TEXT, "Zelfstandig");
	must(store_begin(f->st, &err), &err);
	must(store_replace_indicators(f->st, "cf", again, 4, &err), &err);
	must(store_commit(f->st, &err), &err);

	c = load(f, "nl", &lib);
	assert_string_equal(c->indicators[0].text, "A new first indicator");
	assert_string_equal(c->indicators[1].text, "Controleert");
	assert_string_equal(c->indicators[2].text, "Heeft begeleiding nodig");
	assert_string_equal(c->indicators[3].text, "Independent in regular situations");
	must(store_each_library_text(f->st, ENTITY_COMPETENCY, "cf", list_text, &l, &err), &err);
	assert_int_equal(l.n, 2);
	assert_string_equal(l.lines[0], "indicator cf 2 nl text Controleert");
	assert_string_equal(l.lines[1], "descriptor cf 1 nl text Heeft begeleiding nodig");
}

static void refused(struct fixture *f, enum library_kind kind, const char *key, int item,
		    const char *lang, enum library_field field, const char *text,
		    const char *column, const char *words)
{
	struct err err = { 0 };
	const char *at = NULL;

	assert_int_equal(put(f->st, kind, key, item, lang, field, text, &at, &err), -1);
	assert_int_equal(err.code, EX_DATAERR);
	assert_non_null(at);
	assert_string_equal(at, column);
	if (strstr(err.msg, words) == NULL)
		fail_msg("'%s' does not say '%s'", err.msg, words);
}

static void test_refused(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct library lib;

	refused(f, LIBRARY_COMPETENCY, "cf", 0, "de", LIBRARY_NAME, "Kundenorientierung", "lang",
		"'de' is not a language of compgap; use en, nl or sv");
	refused(f, LIBRARY_COMPETENCY, "cf", 0, "NL", LIBRARY_NAME, "x", "lang", "'NL'");
	refused(f, LIBRARY_COMPETENCY, "cf", 0, "nl-BE", LIBRARY_NAME, "x", "lang", "'nl-BE'");
	refused(f, LIBRARY_COMPETENCY, "nope", 0, "nl", LIBRARY_NAME, "x", "key",
		"unknown competency 'nope'");
	refused(f, LIBRARY_ROLE, "nope", 0, "nl", LIBRARY_NAME, "x", "key", "unknown role 'nope'");
	refused(f, LIBRARY_ROLE, "agent", 0, "nl", LIBRARY_DESCRIPTION, "x", "field",
		"role has no field 'description'; use name");
	refused(f, LIBRARY_INDICATOR, "cf", 3, "nl", LIBRARY_TEXT, "x", "item",
		"no behavioural indicator 3");
	refused(f, LIBRARY_INDICATOR, "cf", 0, "nl", LIBRARY_TEXT, "x", "item", "1, 2, ...");
	refused(f, LIBRARY_DESCRIPTOR, "cf", 2, "nl", LIBRARY_TEXT, "x", "item",
		"no descriptor of level 2");
	refused(f, LIBRARY_DESCRIPTOR, "cf", 6, "nl", LIBRARY_TEXT, "x", "item", "1 to 5");
	refused(f, LIBRARY_COMPETENCY, "cf", 0, "nl", LIBRARY_NAME, "two\nlines", "text",
		"control");
	/* Nothing of it was stored. */
	must(store_load_library(f->st, "nl", &f->a, &lib, &err), &err);
	assert_false(lib.competencies[0].name_translated);
	assert_int_equal(store_load_library(f->st, "de", &f->a, &lib, &err), -1);
	assert_int_equal(err.code, EX_USAGE);
}

/* A competency or role deleted goes with its texts (else the foreign keys
 * would refuse the delete). */
static void test_delete(void **state)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct listed l = { .n = 0 };

	put_ok(f->st, LIBRARY_COMPETENCY, "plain", 0, "nl", LIBRARY_NAME, "Eenvoudig");
	put_ok(f->st, LIBRARY_ROLE, "lead", 0, "nl", LIBRARY_NAME, "Teamleider");
	put_ok(f->st, LIBRARY_ROLE, "agent", 0, "nl", LIBRARY_NAME, "Medewerker");
	must(store_begin(f->st, &err), &err);
	must(store_delete(f->st, ENTITY_ROLE, "agent", &err), &err);
	must(store_delete(f->st, ENTITY_ROLE, "lead", &err), &err);
	must(store_delete(f->st, ENTITY_COMPETENCY, "plain", &err), &err);
	must(store_commit(f->st, &err), &err);
	must(store_each_library_text(f->st, ENTITY_COMPETENCY, NULL, list_text, &l, &err), &err);
	must(store_each_library_text(f->st, ENTITY_ROLE, NULL, list_text, &l, &err), &err);
	assert_int_equal(l.n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_fallback, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_and_remove, setup, teardown),
		cmocka_unit_test_setup_teardown(test_each, setup, teardown),
		cmocka_unit_test_setup_teardown(test_indicators_replaced, setup, teardown),
		cmocka_unit_test_setup_teardown(test_refused, setup, teardown),
		cmocka_unit_test_setup_teardown(test_delete, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
