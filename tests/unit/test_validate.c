/* Unit tests for src/core/validate.h and the name tables of src/core/model.h. */
#include "testutil.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/model.h"
#include "core/validate.h"
#include "util/date.h"

/* Fails, naming both strings, when msg does not contain want. */
#define assert_msg_has(msg, want) do { \
	if (strstr((msg), (want)) == NULL) \
		fail_msg("message \"%s\" does not contain \"%s\"", (msg), (want)); \
} while (0)

/* Fills s (size n + 1) with n copies of c. */
static char *repeat(char *s, char c, size_t n)
{
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

/* validate_key */

static void test_validate_key_accepts(void **state)
{
	char key[KEY_MAX + 1];
	char msg[256];

	(void)state;
	assert_int_equal(validate_key("KCC-1001", msg, sizeof msg), 0);
	assert_int_equal(validate_key("a", msg, sizeof msg), 0);
	assert_int_equal(validate_key(repeat(key, 'k', KEY_MAX), msg, sizeof msg), 0);
	assert_int_equal(validate_key("with inner space", msg, sizeof msg), 0);
	assert_int_equal(validate_key("Åsa-Öberg", msg, sizeof msg), 0);
}

static void test_validate_key_rejects_empty(void **state)
{
	char msg[256] = "";

	(void)state;
	assert_int_equal(validate_key("", msg, sizeof msg), -1);
	assert_msg_has(msg, "key");
	assert_msg_has(msg, "empty");
}

static void test_validate_key_rejects_too_long(void **state)
{
	char key[KEY_MAX + 2];
	char msg[256] = "";

	(void)state;
	assert_int_equal(validate_key(repeat(key, 'k', KEY_MAX + 1), msg, sizeof msg), -1);
	assert_msg_has(msg, "101 bytes");
	assert_msg_has(msg, "at most 100");
}

static void test_validate_key_rejects_surrounding_space(void **state)
{
	char msg[256] = "";

	(void)state;
	assert_int_equal(validate_key(" KCC-1001", msg, sizeof msg), -1);
	assert_msg_has(msg, "begins or ends with a space");
	msg[0] = '\0';
	assert_int_equal(validate_key("KCC-1001 ", msg, sizeof msg), -1);
	assert_msg_has(msg, "begins or ends with a space");
	msg[0] = '\0';
	assert_int_equal(validate_key(" ", msg, sizeof msg), -1);
	assert_msg_has(msg, "space");
}

static void test_validate_key_rejects_control_characters(void **state)
{
	char msg[256] = "";

	(void)state;
	/* A tab is a control character before it is white space. */
	assert_int_equal(validate_key("KCC\t1001", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x09) at byte 4");
	msg[0] = '\0';
	assert_int_equal(validate_key("KCC-1001\t", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x09)");
	msg[0] = '\0';
	assert_int_equal(validate_key("a\x01z", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x01) at byte 2");
	msg[0] = '\0';
	assert_int_equal(validate_key("a\x7Fz", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x7F) at byte 2");
	msg[0] = '\0';
	assert_int_equal(validate_key("a\nb", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x0A)");
}

static void test_validate_message_is_truncated_safely(void **state)
{
	char buf[16];

	(void)state;
	memset(buf, 'X', sizeof buf);
	assert_int_equal(validate_key("", buf, 8), -1);
	assert_int_equal(strlen(buf), 7);
	assert_int_equal(buf[8], 'X');   /* nothing written past msgsz */
}

/* validate_name, validate_line, validate_text */

static void test_validate_name(void **state)
{
	char name[NAME_MAX_BYTES + 2];
	char msg[256] = "";

	(void)state;
	assert_int_equal(validate_name("Åsa Öberg", msg, sizeof msg), 0);
	assert_int_equal(validate_name(repeat(name, 'n', NAME_MAX_BYTES), msg, sizeof msg), 0);
	assert_int_equal(validate_name(repeat(name, 'n', NAME_MAX_BYTES + 1), msg, sizeof msg), -1);
	assert_msg_has(msg, "201 bytes");
	msg[0] = '\0';
	assert_int_equal(validate_name("", msg, sizeof msg), -1);
	assert_msg_has(msg, "empty");
	msg[0] = '\0';
	assert_int_equal(validate_name("Åsa ", msg, sizeof msg), -1);
	assert_msg_has(msg, "space");
	msg[0] = '\0';
	assert_int_equal(validate_name("Å\x01sa", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character");
}

static void test_validate_line(void **state)
{
	char line[NAME_MAX_BYTES + 2];
	char msg[256] = "";

	(void)state;
	assert_int_equal(validate_line("", msg, sizeof msg), 0);
	assert_int_equal(validate_line("Customer contact", msg, sizeof msg), 0);
	assert_int_equal(validate_line(repeat(line, 'c', NAME_MAX_BYTES), msg, sizeof msg), 0);
	assert_int_equal(validate_line(repeat(line, 'c', NAME_MAX_BYTES + 1), msg, sizeof msg), -1);
	assert_msg_has(msg, "bytes long");
	msg[0] = '\0';
	assert_int_equal(validate_line(" lead", msg, sizeof msg), -1);
	assert_msg_has(msg, "space");
	msg[0] = '\0';
	assert_int_equal(validate_line("two\nlines", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x0A)");
}

static void test_validate_text(void **state)
{
	static char text[TEXT_MAX + 2];
	char msg[256] = "";

	(void)state;
	assert_int_equal(validate_text("", msg, sizeof msg), 0);
	assert_int_equal(validate_text("line one\nline two\r\n\ttabbed", msg, sizeof msg), 0);
	assert_int_equal(validate_text(" leading and trailing space is fine ", msg, sizeof msg), 0);
	assert_int_equal(validate_text(repeat(text, 't', TEXT_MAX), msg, sizeof msg), 0);
	assert_int_equal(validate_text(repeat(text, 't', TEXT_MAX + 1), msg, sizeof msg), -1);
	assert_msg_has(msg, "10001 bytes");
	assert_msg_has(msg, "at most 10000");
	msg[0] = '\0';
	assert_int_equal(validate_text("bad\x01here", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x01) at byte 4");
	msg[0] = '\0';
	assert_int_equal(validate_text("del\x7F", msg, sizeof msg), -1);
	assert_msg_has(msg, "control character (0x7F)");
}

/* validate_email */

static void test_validate_email(void **state)
{
	static const char *const ok[] = { "", "a@b.nl", "anna.berg@example.org", "x@sub.example.co.uk" };
	static const char *const bad[] = {
		"a@b", "@b.nl", "a@@b.nl", "a@b@c.nl", "a b@c.nl", "a@b.", "a@.nl", "ab.nl", "a@b.nl ",
		" a@b.nl", "a@b\t.nl",
	};
	char msg[256];

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		msg[0] = '\0';
		if (validate_email(ok[i], msg, sizeof msg) != 0)
			fail_msg("validate_email(\"%s\") failed: %s", ok[i], msg);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		msg[0] = '\0';
		if (validate_email(bad[i], msg, sizeof msg) != -1)
			fail_msg("validate_email(\"%s\") accepted it", bad[i]);
		if (msg[0] == '\0')
			fail_msg("validate_email(\"%s\") left no message", bad[i]);
	}
	assert_int_equal(validate_email("a@b", msg, sizeof msg), -1);
	assert_msg_has(msg, "'a@b' is not an email address");
}

/* parse_level */

static void test_parse_level_accepts(void **state)
{
	static const struct {
		const char *text;
		double level;
		int decimals;
	} ok[] = {
		{ "1", 1.0, 0 },
		{ "5", 5.0, 0 },
		{ "3.5", 3.5, 1 },
		{ "3.0", 3.0, 1 },
		{ "3.1", 3.1, 1 },
		{ "4.25", 4.25, 2 },
		{ "2.123456", 2.123456, 6 },
		{ "5.000", 5.0, 3 },
		{ "1.000001", 1.000001, 6 },
		{ "4.999999", 4.999999, 6 },
		{ "2.7", 2.7, 1 },
		{ "3.33", 3.33, 2 },
		{ "03.5", 3.5, 1 },      /* leading zeros are plain digits */
		{ "0000000002", 2.0, 0 },
	};
	char msg[256];

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		double level = -1;
		int decimals = -1;

		msg[0] = '\0';
		if (parse_level(ok[i].text, &level, &decimals, msg, sizeof msg) != 0)
			fail_msg("parse_level(\"%s\") failed: %s", ok[i].text, msg);
		/* Exact equality: the result must be the double nearest the text,
		 * the same one the compiler makes of the literal. */
		if (level != ok[i].level || decimals != ok[i].decimals)
			fail_msg("parse_level(\"%s\") = %.17g with %d decimals; want %.17g with %d",
				 ok[i].text, level, decimals, ok[i].level, ok[i].decimals);
	}
}

/* Every level written with 1 to 6 decimals (6 decimals sampled) must give
 * the same double as strtod, which rounds correctly. */
static void test_parse_level_matches_strtod(void **state)
{
	static const struct {
		int decimals;
		long step;
	} plan[] = { { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 3 }, { 6, 7 } };
	char msg[256];

	(void)state;
	for (size_t k = 0; k < sizeof plan / sizeof plan[0]; k++) {
		long scale = 1;

		for (int i = 0; i < plan[k].decimals; i++)
			scale *= 10;
		for (long n = scale; n <= 5 * scale; n += plan[k].step) {
			char text[32];
			double level = -1, want;
			int decimals = -1;

			(void)snprintf(text, sizeof text, "%ld.%0*ld", n / scale, plan[k].decimals, n % scale);
			want = strtod(text, NULL);
			if (parse_level(text, &level, &decimals, msg, sizeof msg) != 0)
				fail_msg("parse_level(\"%s\") failed: %s", text, msg);
			if (level != want || decimals != plan[k].decimals)
				fail_msg("parse_level(\"%s\") = %.17g with %d decimals; want %.17g with %d",
					 text, level, decimals, want, plan[k].decimals);
		}
	}
}

static void test_parse_level_rejects_out_of_range(void **state)
{
	static const char *const bad[] = {
		"0.99", "5.01", "0", "6", "5.000001", "0.999999", "0.000000", "100", "1000.5", "9999.999999",
	};
	char msg[256];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double level;
		int decimals;

		msg[0] = '\0';
		if (parse_level(bad[i], &level, &decimals, msg, sizeof msg) != -1)
			fail_msg("parse_level(\"%s\") accepted it", bad[i]);
		assert_msg_has(msg, "out of range");
	}
}

static void test_parse_level_rejects_not_a_number(void **state)
{
	static const char *const bad[] = {
		"", "3.", ".5", "3e0", "1e1", " 3", "3 ", "+3", "-1", "0x3", "3,5", "three", "3.5.1", "nan",
		"inf",
	};
	char msg[256];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double level;
		int decimals;

		msg[0] = '\0';
		if (parse_level(bad[i], &level, &decimals, msg, sizeof msg) != -1)
			fail_msg("parse_level(\"%s\") accepted it", bad[i]);
		assert_msg_has(msg, "not a number");
	}
}

static void test_parse_level_rejects_too_many_decimals(void **state)
{
	char msg[256] = "";
	double level;
	int decimals;

	(void)state;
	assert_int_equal(parse_level("2.1234567", &level, &decimals, msg, sizeof msg), -1);
	assert_msg_has(msg, "more than 6 digits after the point");
}

static void test_parse_level_rejects_huge(void **state)
{
	char msg[256] = "";
	double level;
	int decimals;

	(void)state;
	assert_int_equal(parse_level("999999999999999999999", &level, &decimals, msg, sizeof msg), -1);
	assert_int_equal(parse_level("1000", &level, &decimals, msg, sizeof msg), -1);
}

/* A plain run of digits is a number; when it is too large the message must
 * say "out of range", as it does for "6" and "100". */
static void test_parse_level_huge_message_says_out_of_range(void **state)
{
	static const char *const bad[] = { "1000", "999999999999999999999" };
	char msg[256];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		double level;
		int decimals;

		msg[0] = '\0';
		assert_int_equal(parse_level(bad[i], &level, &decimals, msg, sizeof msg), -1);
		assert_msg_has(msg, "out of range");
	}
}

/* parse_int_range */

static void test_parse_int_range_accepts(void **state)
{
	char msg[256];
	int v;

	(void)state;
	for (int want = 1; want <= 5; want++) {
		char text[16];

		(void)snprintf(text, sizeof text, "%d", want);
		v = -1;
		assert_int_equal(parse_int_range(text, 1, 5, "required level", &v, msg, sizeof msg), 0);
		assert_int_equal(v, want);
	}
	/* Leading zeros are accepted as ordinary digits: "03" is 3. */
	v = -1;
	assert_int_equal(parse_int_range("03", 1, 5, "required level", &v, msg, sizeof msg), 0);
	assert_int_equal(v, 3);
	v = -1;
	assert_int_equal(parse_int_range("0000000005", 1, 5, "required level", &v, msg, sizeof msg), 0);
	assert_int_equal(v, 5);
}

static void test_parse_int_range_rejects(void **state)
{
	char msg[256] = "";
	int v = 42;

	(void)state;
	assert_int_equal(parse_int_range("0", 1, 5, "required level", &v, msg, sizeof msg), -1);
	assert_msg_has(msg, "required level 0 is out of range");
	assert_msg_has(msg, "from 1 to 5");
	msg[0] = '\0';
	assert_int_equal(parse_int_range("6", 1, 5, "required level", &v, msg, sizeof msg), -1);
	assert_msg_has(msg, "out of range");
	msg[0] = '\0';
	assert_int_equal(parse_int_range("", 1, 5, "weight", &v, msg, sizeof msg), -1);
	assert_msg_has(msg, "weight is empty");
	msg[0] = '\0';
	assert_int_equal(parse_int_range("3.0", 1, 5, "weight", &v, msg, sizeof msg), -1);
	assert_msg_has(msg, "not a whole number");
	msg[0] = '\0';
	assert_int_equal(parse_int_range("-1", 1, 5, "weight", &v, msg, sizeof msg), -1);
	assert_msg_has(msg, "not a whole number");
	msg[0] = '\0';
	assert_int_equal(parse_int_range(" 3", 1, 5, "weight", &v, msg, sizeof msg), -1);
	assert_int_equal(parse_int_range("3 ", 1, 5, "weight", &v, msg, sizeof msg), -1);
	assert_int_equal(parse_int_range("+3", 1, 5, "weight", &v, msg, sizeof msg), -1);
	/* Far past INT_MAX and LONG_MAX: rejected without overflowing (the
	 * sanitizer build would trap on signed overflow). */
	assert_int_equal(parse_int_range("99999999999", 1, 5, "weight", &v, msg, sizeof msg), -1);
	assert_int_equal(parse_int_range("99999999999999999999999999999", 1, 5, "weight", &v,
					 msg, sizeof msg), -1);
	assert_int_equal(v, 42);   /* never written on failure */
}

/* As for levels: a too-large whole number is out of range, not "not a
 * whole number". */
static void test_parse_int_range_huge_message_says_out_of_range(void **state)
{
	char msg[256] = "";
	int v;

	(void)state;
	assert_int_equal(parse_int_range("99999999999", 1, 5, "weight", &v, msg, sizeof msg), -1);
	assert_msg_has(msg, "out of range");
}

/* The header promises any lo..hi; a value with more than 7 digits must not
 * be cut short when hi allows it. */
static void test_parse_int_range_wide_range(void **state)
{
	char msg[256] = "";
	int v = -1;

	(void)state;
	assert_int_equal(parse_int_range("1000000", 0, INT_MAX, "count", &v, msg, sizeof msg), 0);
	assert_int_equal(v, 1000000);
	v = -1;
	if (parse_int_range("12345678", 0, INT_MAX, "count", &v, msg, sizeof msg) != 0 || v != 12345678)
		fail_msg("parse_int_range(\"12345678\", 0, INT_MAX) gave v = %d (%s); want 12345678", v, msg);
	v = -1;
	if (parse_int_range("1000001", 0, INT_MAX, "count", &v, msg, sizeof msg) != 0 || v != 1000001)
		fail_msg("parse_int_range(\"1000001\", 0, INT_MAX) gave v = %d (%s); want 1000001", v, msg);
	v = 42;
	msg[0] = '\0';
	assert_int_equal(parse_int_range("99999999999", 0, INT_MAX, "count", &v, msg, sizeof msg), -1);
	assert_msg_has(msg, "out of range");
	assert_int_equal(v, 42);
}

/* parse_date */

static void test_parse_date(void **state)
{
	char msg[256] = "";
	int32_t days = -7;

	(void)state;
	assert_int_equal(parse_date("2026-11-23", &days, msg, sizeof msg), 0);
	assert_int_equal(days, 20780);
	assert_int_equal(parse_date("2026-02-30", &days, msg, sizeof msg), -1);
	assert_msg_has(msg, "date 2026-02-30 does not exist");
	msg[0] = '\0';
	assert_int_equal(parse_date("2026/02/01", &days, msg, sizeof msg), -1);
	assert_msg_has(msg, "'2026/02/01' is not a date");
	assert_msg_has(msg, "YYYY-MM-DD");
	msg[0] = '\0';
	assert_int_equal(parse_date("", &days, msg, sizeof msg), -1);
	assert_msg_has(msg, "is not a date");
	assert_int_equal(days, 20780);
}

/* Text with the right length and dashes but letters for digits is not a
 * date at all; "does not exist" is for dates like 2026-02-30. */
static void test_parse_date_letters_message_says_not_a_date(void **state)
{
	char msg[256] = "";
	int32_t days;

	(void)state;
	assert_int_equal(parse_date("abcd-ef-gh", &days, msg, sizeof msg), -1);
	assert_msg_has(msg, "is not a date");
}

/* Day-first dates, as Dutch spreadsheets write them; ISO too. Days are
 * counted from 2026-11-23 = 20780 above: 2026-10-31 is 23 days before,
 * 2026-02-01 is 295 before (28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 31 + 22),
 * 2024-02-29 is 998 before (366 + 365 + 267). */
static void test_parse_date_day_first(void **state)
{
	static const struct {
		const char *text;
		int32_t days;
	} ok[] = {
		{ "31-10-2026", 20757 }, { "31/10/2026", 20757 }, { "2026-10-31", 20757 },
		{ "1-2-2026", 20485 }, { "01-02-2026", 20485 }, { "1/02/2026", 20485 },
		{ "29-2-2024", 19782 },
	};
	char msg[256];

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		int32_t days = 0;

		msg[0] = '\0';
		if (parse_date_as(ok[i].text, PARSE_DAY_FIRST, &days, msg, sizeof msg) != 0)
			fail_msg("parse_date_as(\"%s\") failed: %s", ok[i].text, msg);
		if (days != ok[i].days)
			fail_msg("parse_date_as(\"%s\") = %d; want %d", ok[i].text, days, ok[i].days);
	}
}

static void test_parse_date_day_first_refused(void **state)
{
	static const struct {
		const char *text;
		const char *msg;
	} bad[] = {
		{ "31-02-2026", "date 31-02-2026 does not exist" },
		{ "29-2-2026", "does not exist" },
		{ "0-1-2026", "does not exist" },
		{ "32-1-2026", "does not exist" },
		{ "31-13-2026", "does not exist" },
		{ "10-31-2026", "has no month 31; dates are written day-month-year" },
		{ "31-10-26", "has a 2-digit year; write the year in full" },
		{ "1/2/26", "has a 2-digit year" },
		{ "31-10/2026", "mixes '-' and '/'" },
		{ "31-10-20266", "is not a date; write day-month-year (31-10-2026) or YYYY-MM-DD" },
		{ "31 okt 2026", "is not a date" },
		{ "31.10.2026", "is not a date" },
		{ "2026/10/31", "is not a date" },
		{ "031-10-2026", "is not a date" },
		{ "31-10-2026 ", "is not a date" },
		{ "", "is not a date" },
		{ "2026-02-30", "date 2026-02-30 does not exist" },
	};
	char msg[256];

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int32_t days = 7;

		msg[0] = '\0';
		if (parse_date_as(bad[i].text, PARSE_DAY_FIRST, &days, msg, sizeof msg) != -1)
			fail_msg("parse_date_as(\"%s\") accepted it", bad[i].text);
		if (strstr(msg, bad[i].msg) == NULL)
			fail_msg("parse_date_as(\"%s\"): '%s' lacks '%s'", bad[i].text, msg, bad[i].msg);
		assert_int_equal(days, 7);
	}
}

/* Without the form, a day-first date is refused with the reason. */
static void test_parse_date_day_first_only_when_asked(void **state)
{
	char msg[256] = "";
	int32_t days;

	(void)state;
	assert_int_equal(parse_date("31-10-2026", &days, msg, sizeof msg), -1);
	assert_msg_has(msg, "'31-10-2026' is not a date; write YYYY-MM-DD");
	assert_msg_has(msg, "day-month-year is read only in a file separated by ';' or tabs");
	assert_int_equal(parse_date("31 okt", &days, msg, sizeof msg), -1);
	assert_null(strstr(msg, "day-month-year"));
}

/* Decimal commas: the same values and digit counts as with a point. */
static void test_parse_level_decimal_comma(void **state)
{
	static const struct {
		const char *text;
		double level;
		int decimals;
	} ok[] = {
		{ "3,5", 3.5, 1 }, { "3.5", 3.5, 1 }, { "4,25", 4.25, 2 }, { "3,0", 3.0, 1 },
		{ "2,123456", 2.123456, 6 }, { "4", 4.0, 0 },
	};
	static const char *const bad[] = { "3,", ",5", "3,5,0", "3,5.0", "3;5", "3 ,5", "5,1" };
	char msg[256];
	double level;
	int decimals;

	(void)state;
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		msg[0] = '\0';
		if (parse_level_as(ok[i].text, PARSE_DECIMAL_COMMA, &level, &decimals, msg, sizeof msg) != 0)
			fail_msg("parse_level_as(\"%s\") failed: %s", ok[i].text, msg);
		if (level != ok[i].level || decimals != ok[i].decimals)
			fail_msg("parse_level_as(\"%s\") = %.17g with %d decimals; want %.17g with %d",
				 ok[i].text, level, decimals, ok[i].level, ok[i].decimals);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		if (parse_level_as(bad[i], PARSE_DECIMAL_COMMA, &level, &decimals, msg, sizeof msg) != -1)
			fail_msg("parse_level_as(\"%s\") accepted it", bad[i]);
	assert_int_equal(parse_level_as("x", PARSE_DECIMAL_COMMA, &level, &decimals, msg, sizeof msg), -1);
	assert_msg_has(msg, "such as 3 or 3,5");
	/* Without the form a comma is refused, and the message says where it
	 * would be read. */
	assert_int_equal(parse_level("3,5", &level, &decimals, msg, sizeof msg), -1);
	assert_msg_has(msg, "level '3,5' is not a number");
	assert_msg_has(msg, "a decimal comma is read only in a file separated by ';' or tabs");
}

/* model.h: sources and developability */

static void test_source_names(void **state)
{
	static const struct {
		const char *name;
		enum source s;
	} all[] = {
		{ "self", SOURCE_SELF },
		{ "manager", SOURCE_MANAGER },
		{ "peer", SOURCE_PEER },
		{ "assessment", SOURCE_ASSESSMENT },
		{ "test", SOURCE_TEST },
		{ "qa", SOURCE_QA },
		{ "customer", SOURCE_CUSTOMER },
	};

	(void)state;
	assert_int_equal(sizeof all / sizeof all[0], SOURCE_COUNT);
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		enum source s = SOURCE_COUNT;

		assert_string_equal(source_name(all[i].s), all[i].name);
		assert_int_equal(source_parse(all[i].name, &s), 0);
		assert_int_equal(s, all[i].s);
		assert_non_null(strstr(source_list(), all[i].name));
	}
	assert_string_equal(source_name(SOURCE_COUNT), "?");
}

static void test_source_parse_rejects(void **state)
{
	static const char *const bad[] = { "Self", "", "boss", "self ", "SELF", "q" };

	(void)state;
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum source s = SOURCE_CUSTOMER;

		if (source_parse(bad[i], &s) != -1)
			fail_msg("source_parse(\"%s\") accepted it", bad[i]);
		assert_int_equal(s, SOURCE_CUSTOMER);
	}
}

static void test_developability(void **state)
{
	static const struct {
		const char *name;
		enum developability d;
	} all[] = {
		{ "", DEV_UNSET },
		{ "low", DEV_LOW },
		{ "medium", DEV_MEDIUM },
		{ "high", DEV_HIGH },
	};
	static const char *const bad[] = { "High", "LOW", "none", " high", "unset" };

	(void)state;
	for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
		enum developability d = DEV_HIGH + 1;

		assert_string_equal(developability_name(all[i].d), all[i].name);
		assert_int_equal(developability_parse(all[i].name, &d), 0);
		assert_int_equal(d, all[i].d);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		enum developability d = DEV_MEDIUM;

		if (developability_parse(bad[i], &d) != -1)
			fail_msg("developability_parse(\"%s\") accepted it", bad[i]);
		assert_int_equal(d, DEV_MEDIUM);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_validate_key_accepts),
		cmocka_unit_test(test_validate_key_rejects_empty),
		cmocka_unit_test(test_validate_key_rejects_too_long),
		cmocka_unit_test(test_validate_key_rejects_surrounding_space),
		cmocka_unit_test(test_validate_key_rejects_control_characters),
		cmocka_unit_test(test_validate_message_is_truncated_safely),
		cmocka_unit_test(test_validate_name),
		cmocka_unit_test(test_validate_line),
		cmocka_unit_test(test_validate_text),
		cmocka_unit_test(test_validate_email),
		cmocka_unit_test(test_parse_level_accepts),
		cmocka_unit_test(test_parse_level_matches_strtod),
		cmocka_unit_test(test_parse_level_rejects_out_of_range),
		cmocka_unit_test(test_parse_level_rejects_not_a_number),
		cmocka_unit_test(test_parse_level_rejects_too_many_decimals),
		cmocka_unit_test(test_parse_level_rejects_huge),
		cmocka_unit_test(test_parse_level_huge_message_says_out_of_range),
		cmocka_unit_test(test_parse_int_range_accepts),
		cmocka_unit_test(test_parse_int_range_rejects),
		cmocka_unit_test(test_parse_int_range_huge_message_says_out_of_range),
		cmocka_unit_test(test_parse_int_range_wide_range),
		cmocka_unit_test(test_parse_date),
		cmocka_unit_test(test_parse_date_letters_message_says_not_a_date),
		cmocka_unit_test(test_parse_date_day_first),
		cmocka_unit_test(test_parse_date_day_first_refused),
		cmocka_unit_test(test_parse_date_day_first_only_when_asked),
		cmocka_unit_test(test_parse_level_decimal_comma),
		cmocka_unit_test(test_source_names),
		cmocka_unit_test(test_source_parse_rejects),
		cmocka_unit_test(test_developability),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
