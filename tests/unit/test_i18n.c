/* The languages (i18n/i18n.h): the built-in catalogues, the lookups and
 * their fallback to English, the choice of language from hand-written
 * headers, and numbers and dates worked out by hand from CLDR's rules. */
#include "testutil.h"

#include <math.h>
#include <pthread.h>
#include <string.h>

#include "i18n/common_texts.h"
#include "i18n/i18n.h"
#include "util/date.h"

static void test_catalogues_load(void **state)
{
	struct err err;

	(void)state;
	err_clear(&err);
	if (i18n_check(&err) < 0)
		fail_msg("%s", err.msg);
}

static void test_tr(void **state)
{
	const char *unknown = "A text no catalogue holds";

	(void)state;
	assert_string_equal(tr(LANG_NL, "Self-assessment"), "Zelfbeoordeling");
	assert_string_equal(tr(LANG_SV, "Self-assessment"), "Självskattning");
	assert_string_equal(tr(LANG_NL, "Required level"), "Vereist niveau");
	assert_string_equal(tr(LANG_SV, "Required level"), "Krävd nivå");
	assert_string_equal(tr(LANG_NL, "Coverage"), "Dekking");
	assert_string_equal(tr(LANG_SV, "Coverage"), "Täckning");
	/* English, and a text without a translation, are the msgid itself. */
	assert_ptr_equal(tr(LANG_EN, "Coverage"), "Coverage");
	assert_ptr_equal(tr(LANG_NL, unknown), unknown);
	assert_ptr_equal(tr(LANG_SV, unknown), unknown);
	assert_ptr_equal(tr((enum lang)99, unknown), unknown);
	assert_null(tr(LANG_NL, NULL));
	/* A text that exists only with a context is not found without one. */
	assert_ptr_equal(tr(LANG_NL, "Self"), "Self");
	/* Nor is a plural entry by tr. */
	assert_ptr_equal(tr(LANG_NL, "%lu person"), "%lu person");
}

static void test_trc(void **state)
{
	(void)state;
	assert_string_equal(trc(LANG_NL, "role of a user", "Admin"), "Beheerder");
	assert_string_equal(tr(LANG_NL, "Admin"), "Beheer");
	assert_string_equal(trc(LANG_SV, "role of a user", "Admin"), "Administratör");
	assert_string_equal(tr(LANG_SV, "Admin"), "Administration");
	assert_string_equal(trc(LANG_SV, "evidence source", "Manager"), "Chef");
	assert_string_equal(trc(LANG_EN, "evidence source", "Manager"), "Manager");
	assert_string_equal(trc(LANG_NL, "no such context", "Admin"), "Admin");
	assert_string_equal(trc(LANG_NL, NULL, "Admin"), "Beheer");
}

static void test_trn(void **state)
{
	(void)state;
	assert_string_equal(trn(LANG_NL, "%lu person", "%lu people", 1), "%lu medewerker");
	assert_string_equal(trn(LANG_NL, "%lu person", "%lu people", 0), "%lu medewerkers");
	assert_string_equal(trn(LANG_NL, "%lu person", "%lu people", 2), "%lu medewerkers");
	assert_string_equal(trn(LANG_SV, "%lu competency", "%lu competencies", 1), "%lu kompetens");
	assert_string_equal(trn(LANG_SV, "%lu competency", "%lu competencies", 21),
			    "%lu kompetenser");
	assert_string_equal(trn(LANG_EN, "%lu person", "%lu people", 1), "%lu person");
	assert_string_equal(trn(LANG_EN, "%lu person", "%lu people", 0), "%lu people");
	/* Unknown, or known with another plural: English. */
	assert_string_equal(trn(LANG_NL, "%lu cat", "%lu cats", 1), "%lu cat");
	assert_string_equal(trn(LANG_NL, "%lu cat", "%lu cats", 3), "%lu cats");
	assert_string_equal(trn(LANG_NL, "%lu person", "%lu persons", 3), "%lu persons");
	/* A text of tr asked for with a plural. */
	assert_string_equal(trn(LANG_NL, "Team", "Teams", 3), "Teams");
}

/* Every seed word has a translation in each catalogue: tr gives the
 * catalogue's copy, never the msgid itself, even where the words agree
 * ("Team"). */
static void test_common_texts_translated(void **state)
{
	(void)state;
	assert_true(i18n_common_texts_count > 50);
	for (size_t i = 0; i < i18n_common_texts_count; i++) {
		const struct common_text *t = &i18n_common_texts[i];

		for (int l = LANG_NL; l < LANG_COUNT; l++) {
			const char *s = t->plural ? trn((enum lang)l, t->msgid, t->plural, 2)
				      : t->context ? trc((enum lang)l, t->context, t->msgid)
						   : tr((enum lang)l, t->msgid);

			if (s == t->msgid || s == t->plural || s[0] == '\0')
				fail_msg("'%s' has no %s translation", t->msgid,
					 lang_code((enum lang)l));
		}
	}
}

static void *look_up_many(void *arg)
{
	const char **out = arg;

	for (int i = 0; i < 1000; i++)
		*out = tr(LANG_SV, "Coverage");
	return NULL;
}

/* The first calls may come from several workers at once. */
static void test_threads(void **state)
{
	pthread_t t[4];
	const char *got[4] = { NULL, NULL, NULL, NULL };

	(void)state;
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_create(&t[i], NULL, look_up_many, &got[i]), 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(pthread_join(t[i], NULL), 0);
		assert_string_equal(got[i], "Täckning");
	}
}

/* ---- the choice of language ---- */

static void test_lang_codes(void **state)
{
	enum lang l = LANG_EN;

	(void)state;
	assert_string_equal(lang_code(LANG_EN), "en");
	assert_string_equal(lang_code(LANG_NL), "nl");
	assert_string_equal(lang_code(LANG_SV), "sv");
	assert_true(lang_parse("NL", &l));
	assert_int_equal(l, LANG_NL);
	assert_true(lang_parse("sv-FI", &l));
	assert_int_equal(l, LANG_SV);
	assert_false(lang_parse("nld", &l));
	assert_false(lang_parse("n", &l));
	assert_false(lang_parse("", &l));
	assert_false(lang_parse("de", &l));
	assert_false(lang_parse(NULL, &l));
}

static void test_negotiate(void **state)
{
	(void)state;
	assert_int_equal(lang_negotiate(NULL, NULL), LANG_EN);
	assert_int_equal(lang_negotiate(NULL, ""), LANG_EN);
	assert_int_equal(lang_negotiate(NULL, "nl"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "nl-BE"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "sv-SE,sv;q=0.9,en-US;q=0.8,en;q=0.7"), LANG_SV);
	/* q-values, not order, decide. */
	assert_int_equal(lang_negotiate(NULL, "en;q=0.5, nl;q=0.8"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "de-DE, de;q=0.9, sv;q=0.3, nl;q=0.2"), LANG_SV);
	/* Ties go to the earlier range. */
	assert_int_equal(lang_negotiate(NULL, "sv;q=0.5, nl;q=0.5"), LANG_SV);
	assert_int_equal(lang_negotiate(NULL, "nl, sv"), LANG_NL);
	/* q=0 refuses; the exact code refuses even what a region offers. */
	assert_int_equal(lang_negotiate(NULL, "en;q=0, nl;q=0.1"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "nl-BE, nl;q=0, sv;q=0.1"), LANG_SV);
	assert_int_equal(lang_negotiate(NULL, "nl;q=0"), LANG_EN);
	/* "*" stands for every language no range names. */
	assert_int_equal(lang_negotiate(NULL, "de, *;q=0.5"), LANG_EN);
	assert_int_equal(lang_negotiate(NULL, "en;q=0, *;q=0.5"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "en;q=0, nl;q=0, *"), LANG_SV);
	assert_int_equal(lang_negotiate(NULL, "*;q=0, sv"), LANG_SV);
	/* Nothing of ours acceptable: English all the same. */
	assert_int_equal(lang_negotiate(NULL, "de, fr;q=0.9"), LANG_EN);
	/* Blanks, case, other parameters, malformed weights (ignored). */
	assert_int_equal(lang_negotiate(NULL, " NL-be ; Q = 0.9 , en ; q=0.8"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "sv;level=1;q=1.000"), LANG_SV);
	assert_int_equal(lang_negotiate(NULL, "sv;q=2, nl;q=0.1"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "sv;q=abc, nl;q=0.1"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, "sv;q=0.5x, nl;q=0.1"), LANG_NL);
	assert_int_equal(lang_negotiate(NULL, ",,;, svx, s, nl"), LANG_NL);
	/* The cookie wins when it names one of ours. */
	assert_int_equal(lang_negotiate("sv", "nl"), LANG_SV);
	assert_int_equal(lang_negotiate("de", "nl"), LANG_NL);
	assert_int_equal(lang_negotiate("", "nl"), LANG_NL);
}

/* ---- numbers ---- */

static void number_is(enum lang l, double v, int decimals, const char *want)
{
	struct buf b;

	buf_init(&b, 256);
	assert_int_equal(fmt_number(&b, l, v, decimals), 0);
	if (strcmp(buf_str(&b), want) != 0)
		fail_msg("fmt_number(%s, %.17g, %d) = '%s', want '%s'", lang_code(l), v, decimals,
			 buf_str(&b), want);
	buf_free(&b);
}

static void test_numbers_grouped(void **state)
{
	(void)state;
	number_is(LANG_EN, 1234.5, 1, "1,234.5");
	number_is(LANG_NL, 1234.5, 1, "1.234,5");
	number_is(LANG_SV, 1234.5, 1, "1\u00a0234,5");
	number_is(LANG_EN, 3.5, 1, "3.5");
	number_is(LANG_NL, 3.5, 1, "3,5");
	number_is(LANG_SV, 3.5, 1, "3,5");
	number_is(LANG_EN, 0, 0, "0");
	number_is(LANG_EN, 0, 2, "0.00");
	number_is(LANG_EN, 999, 0, "999");
	number_is(LANG_EN, 1000, 0, "1,000");
	number_is(LANG_EN, 123456, 0, "123,456");
	number_is(LANG_EN, 1234567.891, 2, "1,234,567.89");
	number_is(LANG_NL, 1234567, 0, "1.234.567");
	number_is(LANG_SV, 1234567, 0, "1\u00a0234\u00a0567");
	number_is(LANG_EN, 50000, 0, "50,000");
	number_is(LANG_EN, 2e20, 0, "200,000,000,000,000,000,000");
	number_is(LANG_EN, 0.0012, 4, "0.0012");
	number_is(LANG_EN, 1.5e-7, 1, "0.0");
	number_is(LANG_EN, 7, 3, "7.000");
	/* decimals beyond the range are brought into it. */
	number_is(LANG_EN, 2.5, -1, "3");
	number_is(LANG_EN, 0.25, 40, "0.250000000000000");
}

static void test_numbers_rounded(void **state)
{
	(void)state;
	/* Half away from zero, on the number as written (0.05 and 0.15 are
	 * a shade below in binary, and round up all the same). */
	number_is(LANG_EN, 0.05, 1, "0.1");
	number_is(LANG_EN, 0.15, 1, "0.2");
	number_is(LANG_EN, 0.04, 1, "0.0");
	number_is(LANG_EN, 2.675, 2, "2.68");
	number_is(LANG_EN, 0.5, 0, "1");
	number_is(LANG_EN, 1.5, 0, "2");
	number_is(LANG_EN, 2.5, 0, "3");
	number_is(LANG_EN, -0.5, 0, "-1");
	number_is(LANG_EN, -1.25, 1, "-1.3");
	number_is(LANG_EN, 999.95, 1, "1,000.0");
	number_is(LANG_NL, 999.95, 1, "1.000,0");
	number_is(LANG_EN, 999.949, 1, "999.9");
	number_is(LANG_EN, 99999.5, 0, "100,000");
	number_is(LANG_EN, 0.45, 0, "0");
	number_is(LANG_EN, 0.0049, 2, "0.00");
	number_is(LANG_EN, 0.005, 2, "0.01");
	number_is(LANG_EN, 9.995, 2, "10.00");
}

static void test_numbers_negative(void **state)
{
	(void)state;
	number_is(LANG_EN, -1234.5, 1, "-1,234.5");
	number_is(LANG_NL, -1234.5, 1, "-1.234,5");
	number_is(LANG_SV, -1234.5, 1, "\u22121\u00a0234,5");
	number_is(LANG_SV, -0.5, 1, "\u22120,5");
	/* What rounds to zero has no sign. */
	number_is(LANG_EN, -0.04, 1, "0.0");
	number_is(LANG_SV, -0.0, 0, "0");
	number_is(LANG_NL, -0.4, 0, "0");
}

static void test_numbers_not_finite(void **state)
{
	(void)state;
	number_is(LANG_EN, NAN, 1, "\u2013");
	number_is(LANG_NL, INFINITY, 1, "\u2013");
	number_is(LANG_SV, -INFINITY, 0, "\u2013");
}

static void test_number_full_buffer(void **state)
{
	struct buf b;

	(void)state;
	buf_init(&b, 8);
	assert_int_equal(buf_adds(&b, "ab"), 0);
	assert_int_equal(fmt_number(&b, LANG_SV, 1234567.5, 1), -1);
	assert_string_equal(buf_str(&b), "ab");
	buf_free(&b);
}

/* ---- dates ---- */

static void date_is(int (*fmt)(struct buf *, enum lang, int32_t), enum lang l, int y, int m,
		    int d, const char *want)
{
	struct buf b;

	buf_init(&b, 256);
	assert_int_equal(fmt(&b, l, date_from_ymd(y, m, d)), 0);
	if (strcmp(buf_str(&b), want) != 0)
		fail_msg("%s: got '%s', want '%s'", lang_code(l), buf_str(&b), want);
	buf_free(&b);
}

static void test_dates(void **state)
{
	(void)state;
	date_is(fmt_date, LANG_EN, 2026, 12, 2, "2 December 2026");
	date_is(fmt_date, LANG_NL, 2026, 12, 2, "2 december 2026");
	date_is(fmt_date, LANG_SV, 2026, 12, 2, "2 december 2026");
	date_is(fmt_date, LANG_NL, 2026, 3, 31, "31 maart 2026");
	date_is(fmt_date, LANG_SV, 2026, 3, 31, "31 mars 2026");
	date_is(fmt_date, LANG_SV, 2026, 8, 1, "1 augusti 2026");
	date_is(fmt_date, LANG_NL, 2024, 2, 29, "29 februari 2024");
	date_is(fmt_date, LANG_EN, 1970, 1, 1, "1 January 1970");
	date_is(fmt_date_short, LANG_EN, 2026, 12, 2, "2 Dec 2026");
	date_is(fmt_date_short, LANG_NL, 2026, 12, 2, "2 dec 2026");
	date_is(fmt_date_short, LANG_SV, 2026, 12, 2, "2 dec. 2026");
	date_is(fmt_date_short, LANG_NL, 2026, 3, 9, "9 mrt 2026");
	date_is(fmt_date_short, LANG_SV, 2026, 3, 9, "9 mars 2026");
	date_is(fmt_date_short, LANG_SV, 2026, 5, 9, "9 maj 2026");
	date_is(fmt_date_short, LANG_NL, 2026, 10, 31, "31 okt 2026");
	date_is(fmt_month, LANG_EN, 2026, 12, 2, "December 2026");
	date_is(fmt_month, LANG_NL, 2026, 12, 2, "december 2026");
	date_is(fmt_month, LANG_SV, 2026, 12, 2, "december 2026");
	date_is(fmt_month, LANG_NL, 2027, 5, 31, "mei 2027");
	date_is(fmt_month, LANG_SV, 2027, 6, 1, "juni 2027");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threads),
		cmocka_unit_test(test_catalogues_load),
		cmocka_unit_test(test_tr),
		cmocka_unit_test(test_trc),
		cmocka_unit_test(test_trn),
		cmocka_unit_test(test_common_texts_translated),
		cmocka_unit_test(test_lang_codes),
		cmocka_unit_test(test_negotiate),
		cmocka_unit_test(test_numbers_grouped),
		cmocka_unit_test(test_numbers_rounded),
		cmocka_unit_test(test_numbers_negative),
		cmocka_unit_test(test_numbers_not_finite),
		cmocka_unit_test(test_number_full_buffer),
		cmocka_unit_test(test_dates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
