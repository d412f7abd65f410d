/* The recommendations' rules in words: core's English (rec_rule_text, what
 * the command line and the API print) and the pages' sentences in each
 * language (web/rec_rules.c), from the same facts. */
#include "testutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/recommend.h"
#include "web/rec_rules.h"

static const struct candidate mentor_same = { "M1", "t1", 3.966, 0.95 };
static const struct candidate mentor_else = { "M2", "t2", 4.5, 0.8 };

/* An item of each rule, with the default settings' thresholds. */
static struct recommendation item(enum rec_rule rule)
{
	struct settings set;
	struct recommendation it = { .competency = "c", .team = "t1" };

	settings_default(&set);
	it.facts = (struct rec_facts){
		.rule = rule, .count = 3, .required = 5, .teams = 2, .person = "P1",
		.gap = 1.25, .required_level = 3, .approach = APPROACH_ASSIST,
		.same_team = rule == RULE_MENTOR,
		.set = {
			.gap_threshold = set.gap_threshold,
			.group_min_members = set.group_min_members,
			.group_min_share = set.group_min_share,
			.assist_from = set.assist_from,
			.refer_from = set.refer_from,
			.mentor_margin = set.mentor_margin,
			.mentor_min_confidence = set.mentor_min_confidence,
			.mentor_max_mentees = set.mentor_max_mentees,
			.reassign_min_gap = set.reassign_min_gap,
		},
	};
	if (rule == RULE_MENTOR)
		it.mentor = &mentor_same;
	if (rule == RULE_CROSS_TRAIN)
		it.key_person = "K1";
	return it;
}

static const char *person_name(void *ctx, const char *key)
{
	(void)ctx;
	if (strcmp(key, "P1") == 0)
		return "Piet <Jansen>";
	if (strcmp(key, "K1") == 0)
		return "Karin Berg";
	if (strcmp(key, "M1") == 0)
		return "Maria Lind";
	return NULL;
}

static const char *competency_name(void *ctx, const char *key)
{
	(void)ctx;
	return strcmp(key, "c") == 0 ? "Actief luisteren" : NULL;
}

/* The page's words of it in l, into a malloc'd string. */
static char *page_words(const struct recommendation *it, enum lang l, const char *page_team)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	struct rec_names nm = { person_name, competency_name, NULL, page_team };

	assert_non_null(f);
	web_rec_rule(f, l, it, &nm);
	fclose(f);
	return text;
}

/* The English of the command line, as before the rules had facts. */
static void test_english_words(void **state)
{
	struct recommendation it = item(RULE_INDIVIDUAL);

	(void)state;
	rec_rule_text(&it, false, it.rule, sizeof it.rule);
	assert_string_equal(it.rule, "t1: P1 falls 1.25 short of the required level 3 on c, and too "
			    "few members share the gap for a group (3 of 5; a group needs 3 and 30%): "
			    "coach individually (assist: coach personally)");
	it = item(RULE_MENTOR);
	rec_rule_text(&it, true, it.rule_withheld, sizeof it.rule_withheld);
	assert_string_equal(it.rule_withheld, "t1: a colleague in t1, whose name and level you may not "
			    "see, is in the same team and at least 0.5 above the level 3 that P1 needs "
			    "on c; ask someone who sees t1 (HR) to introduce them");
	it = item(RULE_CROSS_TRAIN_UNNAMED);
	rec_rule_text(&it, false, it.rule, sizeof it.rule);
	assert_string_equal(it.rule, "only one member meets c: cross-train others so that the team "
			    "does not depend on one person");
	it = item(RULE_ASSESS);
	it.facts.count = 1;
	rec_rule_text(&it, false, it.rule, sizeof it.rule);
	assert_string_equal(it.rule, "t1: the level of 1 member on c is unknown (no evidence): assess "
			    "first, before deciding on training");
}

/* Every rule has a sentence in each language: names instead of keys,
 * numbers in the reader's conventions, escaped; Dutch and Swedish differ
 * from English (a missing translation would show the English). */
static void test_every_rule_in_each_language(void **state)
{
	static const enum rec_rule rules[] = {
		RULE_GROUP, RULE_GROUP_ACROSS, RULE_INDIVIDUAL, RULE_MENTOR, RULE_CROSS_TRAIN,
		RULE_CROSS_TRAIN_UNNAMED, RULE_HIRE, RULE_REASSIGN, RULE_ASSESS
	};

	(void)state;
	for (size_t i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		struct recommendation it = item(rules[i]);
		char *en = page_words(&it, LANG_EN, "t1");
		char *nl = page_words(&it, LANG_NL, "t1");
		char *sv = page_words(&it, LANG_SV, "t1");

		assert_true(strlen(en) > 40);
		assert_string_not_equal(en, nl);
		assert_string_not_equal(en, sv);
		assert_string_not_equal(nl, sv);
		assert_non_null(strstr(nl, "Actief luisteren"));
		assert_null(strstr(nl, " c "));
		assert_null(strstr(nl, "%s"));
		if (rules[i] == RULE_INDIVIDUAL || rules[i] == RULE_REASSIGN) {
			assert_non_null(strstr(en, "Piet &lt;Jansen&gt; falls 1.25"));
			assert_non_null(strstr(nl, "Piet &lt;Jansen&gt; blijft 1,25"));
			assert_non_null(strstr(sv, "Piet &lt;Jansen&gt; ligger 1,25"));
		}
		free(en);
		free(nl);
		free(sv);
	}
}

static void test_mentor_sentences(void **state)
{
	struct recommendation it = item(RULE_MENTOR);
	char *s;

	(void)state;
	s = page_words(&it, LANG_NL, "t1");
	assert_string_equal(s, "Maria Lind (niveau 3,97, betrouwbaarheid 0,95) zit in hetzelfde team "
			    "en minstens 0,5 boven het niveau 3 dat Piet &lt;Jansen&gt; nodig heeft voor "
			    "Actief luisteren; een mentor begeleidt per competentie in een team hoogstens "
			    "2 mentees, het hoogste niveau eerst.");
	free(s);
	/* Withheld: neither the mentor's name nor level, their team. */
	it.mentor = &mentor_else;
	it.facts.same_team = false;
	it.mentor_withheld = true;
	s = page_words(&it, LANG_SV, "t1");
	assert_non_null(strstr(s, "En kollega i t2, vars namn"));
	assert_null(strstr(s, "M2"));
	assert_null(strstr(s, "4,5"));
	free(s);
	/* A mentor the reader may see but whose name is unknown: the key. */
	it.mentor_withheld = false;
	s = page_words(&it, LANG_EN, "t1");
	assert_non_null(strstr(s, "M2 (level 4.50, confidence 0.80) is the best placed"));
	free(s);
}

/* A rule for another team than the page's says which; the page's own
 * does not. */
static void test_team_prefix(void **state)
{
	struct recommendation it = item(RULE_HIRE);
	char *s;

	(void)state;
	s = page_words(&it, LANG_NL, "dept");
	assert_non_null(strstr(s, "Voor team t1: Niemand in het team"));
	free(s);
	s = page_words(&it, LANG_NL, "t1");
	assert_non_null(strstr(s, "Niemand in het team") == s ? s : NULL);
	free(s);
	it.team = NULL;
	s = page_words(&it, LANG_SV, "t1");
	assert_non_null(strstr(s, "För medarbetarna utan team:"));
	free(s);
}

/* Swedish writes a percentage with a no-break space (CLDR), Dutch
 * without a space. */
static void test_percent(void **state)
{
	struct recommendation it = item(RULE_GROUP);
	char *nl = page_words(&it, LANG_NL, "t1"), *sv = page_words(&it, LANG_SV, "t1");

	(void)state;
	assert_non_null(strstr(nl, "en 30% van"));
	assert_non_null(strstr(sv, "och 30\xc2\xa0% av"));
	free(nl);
	free(sv);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_english_words),
		cmocka_unit_test(test_every_rule_in_each_language),
		cmocka_unit_test(test_mentor_sentences),
		cmocka_unit_test(test_team_prefix),
		cmocka_unit_test(test_percent),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
