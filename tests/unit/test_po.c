/* The PO reader (i18n/po.h) on hand-written catalogues: what it reads,
 * and each way a catalogue is refused, with its line. */
#include "testutil.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "i18n/po.h"

#define HEADER                                                                 \
	"msgid \"\"\n"                                                         \
	"msgstr \"\"\n"                                                        \
	"\"Content-Type: text/plain; charset=UTF-8\\n\"\n"                     \
	"\"Language: nl\\n\"\n"                                                \
	"\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n"

static int parse(struct po_catalogue *c, const char *text, struct err *err)
{
	err_clear(err);
	return po_parse(c, "t.po", text, strlen(text), err);
}

/* The text is refused at line with a message containing what. */
static void refused(const char *text, int line, const char *what)
{
	struct po_catalogue c;
	struct err err;
	char where[32];

	if (parse(&c, text, &err) == 0) {
		po_free(&c);
		fail_msg("accepted, expected t.po:%d: %s", line, what);
	}
	assert_int_equal(err.code, EX_DATAERR);
	(void)snprintf(where, sizeof where, "t.po:%d: ", line);
	if (strncmp(err.msg, where, strlen(where)) != 0 || strstr(err.msg, what) == NULL)
		fail_msg("got '%s', expected %s...%s", err.msg, where, what);
	assert_int_equal(c.count, 0);
}

static void test_reads_entries(void **state)
{
	struct po_catalogue c;
	struct err err;
	const struct po_entry *e;
	const char *text = "# translator's comment\n"
			   HEADER
			   "\n"
			   "#. extracted comment\n"
			   "#: src/web/page.c:12\n"
			   "msgid \"Sign in\"\n"
			   "msgstr \"Inloggen\"\n"
			   "\n"
			   "msgctxt \"role of a user\"\n"
			   "msgid \"Admin\"\n"
			   "msgstr \"Beheerder\"\n"
			   "msgid \"Admin\"\n"
			   "msgstr \"Beheer\"\n";

	(void)state;
	assert_int_equal(parse(&c, text, &err), 0);
	assert_string_equal(c.language, "nl");
	assert_int_equal(c.nplurals, 2);
	assert_string_equal(c.plural, "(n != 1)");
	assert_int_equal(c.count, 3);
	e = &c.entries[0];
	assert_null(e->context);
	assert_string_equal(e->msgid, "Sign in");
	assert_string_equal(e->msgstr[0], "Inloggen");
	assert_int_equal(e->forms, 1);
	assert_true(e->translated);
	assert_int_equal(e->line, 10);
	e = po_find(&c, "role of a user", "Admin");
	assert_non_null(e);
	assert_string_equal(e->msgstr[0], "Beheerder");
	assert_int_equal(e->line, 13);
	e = po_find(&c, NULL, "Admin");
	assert_non_null(e);
	assert_string_equal(e->msgstr[0], "Beheer");
	assert_null(po_find(&c, "other", "Admin"));
	assert_null(po_find(&c, NULL, "Sign out"));
	po_free(&c);
}

static void test_multiline_and_escapes(void **state)
{
	struct po_catalogue c;
	struct err err;
	const char *text = HEADER
			   "msgid \"\"\n"
			   "\"Two \"\n"
			   "  \"lines\\n\\ta \\\"quote\\\" and \\\\\"\n"
			   "msgstr \"\"\n"
			   "\"Twee regels\\n\\teen \\\"citaat\\\" en \\\\\"\r\n";

	(void)state;
	assert_int_equal(parse(&c, text, &err), 0);
	assert_int_equal(c.count, 1);
	assert_string_equal(c.entries[0].msgid, "Two lines\n\ta \"quote\" and \\");
	assert_string_equal(c.entries[0].msgstr[0], "Twee regels\n\teen \"citaat\" en \\");
	assert_int_equal(c.entries[0].line, 6);
	po_free(&c);
}

static void test_fuzzy_and_empty_are_untranslated(void **state)
{
	struct po_catalogue c;
	struct err err;
	const char *text = HEADER
			   "#, fuzzy, c-format\n"
			   "msgid \"Team %s\"\n"
			   "msgstr \"Ploeg %d\"\n"
			   "\n"
			   "msgid \"Library\"\n"
			   "msgstr \"\"\n"
			   "#, c-format\n"
			   "msgid \"Teams\"\n"
			   "msgstr \"Teams\"\n"
			   "#~ msgid \"Old\"\n"
			   "#~ msgstr \"Oud\"\n";

	(void)state;
	/* A fuzzy entry's wrong conversion is not refused: it is not used. */
	assert_int_equal(parse(&c, text, &err), 0);
	assert_int_equal(c.count, 3);
	assert_true(c.entries[0].fuzzy);
	assert_false(c.entries[0].translated);
	assert_false(c.entries[1].fuzzy);
	assert_false(c.entries[1].translated);
	/* The flag belongs to the entry after it, not to the next one. */
	assert_false(c.entries[2].fuzzy);
	assert_true(c.entries[2].translated);
	assert_null(po_find(&c, NULL, "Old"));
	po_free(&c);
}

static void test_plurals(void **state)
{
	struct po_catalogue c;
	struct err err;
	const char *text = HEADER
			   "msgid \"%lu person\"\n"
			   "msgid_plural \"%lu people\"\n"
			   "msgstr[0] \"%lu medewerker\"\n"
			   "msgstr[1] \"%lu medewerkers\"\n"
			   "msgid \"one row\"\n"
			   "msgid_plural \"%lu rows\"\n"
			   "msgstr[0] \"één regel\"\n"
			   "msgstr[1] \"%lu regels\"\n";

	(void)state;
	assert_int_equal(parse(&c, text, &err), 0);
	assert_int_equal(c.count, 2);
	assert_string_equal(c.entries[0].msgid_plural, "%lu people");
	assert_int_equal(c.entries[0].forms, 2);
	assert_string_equal(c.entries[0].msgstr[1], "%lu medewerkers");
	/* A form may leave the count out. */
	assert_string_equal(c.entries[1].msgstr[0], "één regel");
	assert_true(c.entries[1].translated);
	po_free(&c);
}

static void test_plural_expressions(void **state)
{
	const char *polish = "(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2)";

	(void)state;
	assert_int_equal(po_plural("(n != 1)", 0), 1);
	assert_int_equal(po_plural("(n != 1)", 1), 0);
	assert_int_equal(po_plural("(n != 1)", 2), 1);
	assert_int_equal(po_plural("n>1", 1), 0);
	assert_int_equal(po_plural("n>1", 0), 0);
	assert_int_equal(po_plural("n>1", 2), 1);
	assert_int_equal(po_plural("0", 7), 0);
	assert_int_equal(po_plural(polish, 1), 0);
	assert_int_equal(po_plural(polish, 3), 1);
	assert_int_equal(po_plural(polish, 5), 2);
	assert_int_equal(po_plural(polish, 12), 2);
	assert_int_equal(po_plural(polish, 22), 1);
	assert_int_equal(po_plural(polish, 112), 2);
	assert_int_equal(po_plural("!(n <= 1) + 2 * (n >= 5) - n / 0", 5), 3);
	assert_int_equal(po_plural("n % 0", 5), 0);
	assert_int_equal(po_plural("(n != 1", 1), -1);
	assert_int_equal(po_plural("n !", 1), -1);
	assert_int_equal(po_plural("n ? 1", 1), -1);
	assert_int_equal(po_plural("x", 1), -1);
	assert_int_equal(po_plural("", 1), -1);
	assert_int_equal(po_plural(NULL, 1), -1);
	assert_int_equal(po_plural("((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((("
				   "(((((n))))))))))))))))))))))))))))))))))))))))))))))))))))))))))"
				   "))))))",
				   1),
			 -1);
}

/* ---- each way a catalogue is refused ---- */

static void test_refuses_a_missing_header(void **state)
{
	(void)state;
	refused("", 1, "no header entry");
	refused("# only a comment\n", 1, "no header entry");
	refused("msgid \"Team\"\nmsgstr \"Ploeg\"\n", 1, "the first entry must be the header");
}

static void test_refuses_header_faults(void **state)
{
	(void)state;
	refused("msgid \"\"\nmsgstr \"\"\n\"Language: nl\\n\"\n"
		"\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n",
		1, "lacks Content-Type");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=ISO-8859-1\\n\"\n"
		"\"Language: nl\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n",
		1, "charset=UTF-8");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n",
		1, "lacks Language");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Language: nl\\n\"\n",
		1, "lacks Plural-Forms");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Language: nl\\n\"\n\"Plural-Forms: nplurals=7; plural=(n != 1);\\n\"\n",
		1, "nplurals must be a number from 1 to 6");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Language: nl\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1;\\n\"\n",
		1, "does not parse");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Language: nl\\n\"\n\"Plural-Forms: nplurals=2; plural=n;\\n\"\n",
		1, "beyond nplurals");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Language: nl\\n\"\n\"Plural-Forms: plural=(n != 1);\\n\"\n",
		1, "lacks nplurals=");
	refused("msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Language: nl\\n\"\n\"Plural-Forms: nplurals=2;\\n\"\n",
		1, "lacks plural=");
	refused("msgctxt \"x\"\nmsgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n"
		"\"Language: nl\\n\"\n\"Plural-Forms: nplurals=2; plural=(n != 1);\\n\"\n",
		1, "has a msgctxt or msgid_plural");
}

static void test_refuses_bad_strings(void **state)
{
	(void)state;
	refused(HEADER "msgid \"Team\nmsgstr \"Ploeg\"\n", 6, "without its closing double quote");
	refused(HEADER "msgid \"Team\" x\nmsgstr \"Ploeg\"\n", 6, "text after the closing");
	refused(HEADER "msgid \"Team\\q\"\nmsgstr \"Ploeg\"\n", 6, "an unknown escape");
	refused(HEADER "msgid Team\nmsgstr \"Ploeg\"\n", 6, "expected a string in double quotes");
	refused(HEADER "msgid \"Team\"\nmsgstr \"Ploeg\\\"\n", 7, "without its closing double quote");
}

static void test_refuses_bad_keywords(void **state)
{
	(void)state;
	refused(HEADER "msgid \"Team\"\nmsgstring \"Ploeg\"\n", 7, "expected msgctxt, msgid");
	refused("\"stray\"\n" HEADER, 1, "continues no msgid or msgstr");
	refused(HEADER "#: here\nmsgstr \"Ploeg\"\n", 7, "msgstr without msgid");
	refused(HEADER "msgid_plural \"Teams\"\nmsgstr \"Ploeg\"\n", 6, "msgid_plural without msgid");
	refused(HEADER "msgid \"Team\"\nmsgid \"Teams\"\nmsgstr \"Ploeg\"\n", 7,
		"msgid without msgstr before the next msgid");
	refused(HEADER "msgid \"Team\"\n", 6, "msgid without msgstr");
	refused(HEADER "msgctxt \"a\"\nmsgctxt \"b\"\nmsgid \"Team\"\nmsgstr \"Ploeg\"\n", 7,
		"msgctxt in the middle of an entry");
	refused(HEADER "msgctxt \"a\"\n", 6, "msgctxt without msgid");
	refused(HEADER "msgid \"Team\"\nmsgstr \"Ploeg\"\nmsgstr \"Team\"\n", 8,
		"a second msgstr");
	refused(HEADER "msgid \"\"\nmsgstr \"Leeg\"\n", 6, "an empty msgid outside the header");
}

static void test_refuses_bad_plurals(void **state)
{
	(void)state;
	refused(HEADER "msgid \"Team\"\nmsgstr[0] \"Ploeg\"\n", 7,
		"msgstr[n] in an entry without msgid_plural");
	refused(HEADER "msgid \"Team\"\nmsgid_plural \"Teams\"\nmsgstr \"Ploeg\"\n", 8,
		"msgstr in an entry with msgid_plural");
	refused(HEADER "msgid \"Team\"\nmsgid_plural \"Teams\"\nmsgstr[1] \"Ploegen\"\n", 8,
		"out of order");
	refused(HEADER "msgid \"Team\"\nmsgid_plural \"Teams\"\nmsgstr[0] \"Ploeg\"\n"
		"msgstr[1] \"Ploegen\"\nmsgstr[2] \"Ploegen\"\n", 10, "beyond the header's nplurals");
	refused(HEADER "msgid \"Team\"\nmsgid_plural \"Teams\"\nmsgstr[0] \"Ploeg\"\n", 6,
		"a plural entry has 1 msgstr[n] for the header's nplurals=2");
	refused(HEADER "msgid \"Team\"\nmsgid_plural \"Teams\"\nmsgid_plural \"Teams\"\n", 8,
		"a second msgid_plural");
	refused(HEADER "msgid \"Team\"\nmsgstr[x] \"Ploeg\"\n", 7, "msgstr[ without a number");
}

static void test_refuses_repeats_and_conversions(void **state)
{
	(void)state;
	refused(HEADER "msgid \"Team\"\nmsgstr \"Ploeg\"\n\nmsgid \"Team\"\nmsgstr \"Team\"\n", 9,
		"msgid repeated");
	refused(HEADER "msgctxt \"a\"\nmsgid \"Team\"\nmsgstr \"Ploeg\"\n"
		"msgctxt \"a\"\nmsgid \"Team\"\nmsgstr \"Team\"\n", 9, "msgid repeated");
	refused(HEADER "msgid \"Signed in as %s\"\nmsgstr \"Ingelogd als %d\"\n", 6,
		"printf conversions");
	refused(HEADER "msgid \"%s of %s\"\nmsgstr \"%s\"\n", 6, "printf conversions");
	refused(HEADER "msgid \"%lu person\"\nmsgid_plural \"%lu people\"\nmsgstr[0] \"%s\"\n"
		"msgstr[1] \"%lu medewerkers\"\n", 6, "printf conversions");
}

static void test_conversions_that_are_text(void **state)
{
	struct po_catalogue c;
	struct err err;
	const char *text = HEADER
			   "msgid \"100% covered, 50% of the team\"\n"
			   "msgstr \"100 % gedekt, 50 % van het team\"\n"
			   "#, no-c-format\n"
			   "msgid \"%d is text here\"\n"
			   "msgstr \"hier is het tekst\"\n"
			   "msgid \"%s: %.1f%%\"\n"
			   "msgstr \"%s: %.1f %%\"\n";

	(void)state;
	assert_int_equal(parse(&c, text, &err), 0);
	assert_int_equal(c.count, 3);
	po_free(&c);
}

static void test_refuses_bad_bytes(void **state)
{
	struct po_catalogue c;
	struct err err;
	const char nul[] = HEADER "msgid \"Te\0am\"\nmsgstr \"Ploeg\"\n";

	(void)state;
	refused(HEADER "msgid \"Team\"\nmsgstr \"Pl\xe9og\"\n", 7, "not UTF-8");
	assert_int_equal(po_parse(&c, "t.po", nul, sizeof nul - 1, &err), -1);
	assert_string_equal(err.msg, "t.po:6: a NUL byte");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_entries),
		cmocka_unit_test(test_multiline_and_escapes),
		cmocka_unit_test(test_fuzzy_and_empty_are_untranslated),
		cmocka_unit_test(test_plurals),
		cmocka_unit_test(test_plural_expressions),
		cmocka_unit_test(test_refuses_a_missing_header),
		cmocka_unit_test(test_refuses_header_faults),
		cmocka_unit_test(test_refuses_bad_strings),
		cmocka_unit_test(test_refuses_bad_keywords),
		cmocka_unit_test(test_refuses_bad_plurals),
		cmocka_unit_test(test_refuses_repeats_and_conversions),
		cmocka_unit_test(test_conversions_that_are_text),
		cmocka_unit_test(test_refuses_bad_bytes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
