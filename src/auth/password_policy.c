/* Which new passwords are refused (docs/security.md, "Passwords"). As
 * NIST SP 800-63B (5.1.1.2) advises: a minimum length and no composition
 * rules, and a check against passwords known to be common. The list of
 * common_passwords.c covers those of 12 characters or more; the patterns
 * below cover what people make of the shorter ones to reach 12: a common
 * word (English, Dutch, Swedish, the seasons and greetings that lead the
 * Dutch and Swedish breach lists: welkom, wachtwoord, sommar, lösenord),
 * a name, or a keyboard or alphabet run, with only digits and symbols
 * around it ("Welkom2024!!", "Sommar-2023", "P@ssw0rd1234"); one unit
 * repeated ("abcabcabcabc"); a run of digits ("123456789012"); few
 * different characters at all; the user's own name. These are the first
 * rules a password cracker tries (word lists with appended digits,
 * leetspeak, keyboard walks). */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "auth/auth_int.h"
#include "util/utf8.h"

/* Words that most common passwords are made of, lower-cased, ASCII
 * folding of å ä ö included as written with and without them. */
static const char *const base_words[] = {
	/* English, from the head of the breach lists */
	"password", "passwd", "pass", "passw", "welcome", "letmein", "iloveyou", "love",
	"admin", "administrator", "root", "login", "qwerty", "azerty", "qwertz", "secret",
	"master", "monkey", "dragon", "shadow", "sunshine", "princess", "football",
	"baseball", "soccer", "superman", "batman", "trustno", "hello", "freedom",
	"whatever", "starwars", "computer", "internet", "summer", "winter", "spring",
	"autumn", "change", "changeme", "default", "test", "testing", "guest", "user",
	"temp", "temporary", "company", "office", "service", "support", "manager",
	"january", "february", "march", "april", "june", "july", "august", "september",
	"october", "november", "december", "monday", "friday",
	/* Dutch */
	"wachtwoord", "welkom", "geheim", "zomer", "lente", "herfst", "hallo", "liefde",
	"schatje", "prinses", "voetbal", "ajax", "feyenoord", "nederland", "holland",
	"amsterdam", "rotterdam", "utrecht", "gemeente", "klantcontact", "wijk",
	"januari", "februari", "maart", "mei", "juni", "juli", "augustus", "oktober",
	/* Swedish */
	"lösenord", "losenord", "sommar", "vinter", "våren", "varen", "hösten", "hosten",
	"höst", "host", "hemlig", "hemligt", "välkommen", "valkommen", "hejsan", "hej",
	"kärlek", "karlek", "prinsessa", "fotboll", "sverige", "stockholm", "göteborg",
	"goteborg", "malmö", "malmo", "hammarby", "djurgården", "djurgarden", "kommun",
	"januari", "februari", "mars", "augusti", "oktober",
	/* this program */
	"compgap", "competence", "competentie", "kompetens", "coach", "team",
};

/* Runs that a keyboard or the alphabet gives; a part of at least three of
 * any (forwards or backwards) counts as a common word. */
static const char *const runs[] = {
	"abcdefghijklmnopqrstuvwxyz", "qwertyuiopasdfghjklzxcvbnm", "qwertyuiopåasdfghjklöäzxcvbnm",
	"qwertyuiop",
	"asdfghjkl", "zxcvbnm", "azertyuiop", "qsdfghjklm", "wxcvbn", "qwertzuiop", "yxcvbnm",
	"qazwsxedcrfvtgbyhnujmikolp", "1234567890", "!@#$%^&*()",
};

enum {
	SEGMENT_MIN = 3,        /* shorter parts of a word are not "common words" */
	FEW_DISTINCT = 4        /* fewer different characters than this: refused */
};

/* ASCII lower case, and Å Ä Ö (UTF-8) as å ä ö. */
static void fold_case(char *s)
{
	for (unsigned char *p = (unsigned char *)s; *p != '\0'; p++) {
		if (*p >= 'A' && *p <= 'Z')
			*p = (unsigned char)(*p - 'A' + 'a');
		else if (p[0] == 0xC3 && (p[1] == 0x85 || p[1] == 0x84 || p[1] == 0x96))
			p[1] = (unsigned char)(p[1] + 0x20), p++;
	}
}

/* Whether s[0..n) is a part of one of the runs, forwards or backwards. */
static bool is_run(const char *s, size_t n)
{
	for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
		const char *run = runs[r];
		size_t len = strlen(run);

		for (size_t i = 0; i + n <= len; i++) {
			bool fwd = true, back = true;

			for (size_t k = 0; k < n && (fwd || back); k++) {
				fwd = fwd && run[i + k] == s[k];
				back = back && run[i + n - 1 - k] == s[k];
			}
			if (fwd || back)
				return true;
		}
	}
	return false;
}

/* Whether s[0..n) is one character repeated. */
static bool is_same(const char *s, size_t n)
{
	for (size_t i = 1; i < n; i++)
		if (s[i] != s[0])
			return false;
	return true;
}

static bool is_word(const char *s, size_t n, const char *user)
{
	for (size_t i = 0; i < sizeof base_words / sizeof base_words[0]; i++)
		if (strlen(base_words[i]) == n && memcmp(base_words[i], s, n) == 0)
			return true;
	if (user != NULL && strlen(user) == n && memcmp(user, s, n) == 0)
		return true;
	return n >= SEGMENT_MIN && (is_run(s, n) || is_same(s, n));
}

/* Whether the letters s[0..n) split into common words, names and runs
 * (each at least SEGMENT_MIN bytes): a segmentation by dynamic
 * programming. */
static bool all_common(const char *s, size_t n, const char *user)
{
	bool *ok = calloc(n + 1, sizeof *ok);
	bool result;

	if (ok == NULL)
		return false;
	ok[0] = true;
	for (size_t end = 1; end <= n; end++)
		for (size_t start = 0; start < end && !ok[end]; start++)
			ok[end] = ok[start] && end - start >= SEGMENT_MIN &&
				  is_word(s + start, end - start, user);
	result = ok[n];
	free(ok);
	return result;
}

/* Letters: ASCII ones (lower-cased already) and every byte of a UTF-8
 * sequence (å, ö, é ...). */
static bool is_letter(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || c >= 0x80;
}

/* Whether every run of letters in s is made of common words (and there is
 * at least one): then the rest is digits and symbols around them. */
static bool words_and_digits(const char *s, const char *user)
{
	size_t i = 0, n = strlen(s);
	bool any = false;

	while (i < n) {
		size_t start;

		if (!is_letter((unsigned char)s[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < n && is_letter((unsigned char)s[i]))
			i++;
		any = true;
		if (!all_common(s + start, i - start, user))
			return false;
	}
	return any;
}

/* s with the digits and symbols that stand for letters (p@ssw0rd) turned
 * into them, where letters stand on both sides (so that the digits
 * after a word stay digits). */
static void unleet(char *s)
{
	static const char from[] = "@4310!$57", to[] = "aaeioisst";
	size_t n = strlen(s);

	for (size_t i = 0; i < n; i++) {
		const char *f = strchr(from, s[i]);
		bool beside = i > 0 && isalpha((unsigned char)s[i - 1]) &&
			      i + 1 < n && isalpha((unsigned char)s[i + 1]);

		if (f != NULL && beside)
			s[i] = to[f - from];
	}
}

static int by_string(const void *key, const void *elem)
{
	return strcmp(key, *(const char *const *)elem);
}

/* Whether s is a unit repeated (at least twice); the unit's length in
 * *unit. */
static bool is_repeat(const char *s, size_t *unit)
{
	size_t n = strlen(s);

	for (size_t u = 1; u <= n / 2; u++) {
		bool same = n % u == 0;

		for (size_t i = u; same && i < n; i++)
			same = s[i] == s[i - u];
		if (same) {
			*unit = u;
			return true;
		}
	}
	return false;
}

/* Whether s is all digits, each one up (or each one down) from the last,
 * round from 9 to 0. */
static bool is_digit_walk(const char *s)
{
	size_t n = strlen(s);
	int step;

	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	step = (s[1] - s[0] + 10) % 10;
	if (step != 1 && step != 9)
		return false;
	for (size_t i = 2; i < n; i++)
		if ((s[i] - s[i - 1] + 10) % 10 != step)
			return false;
	return true;
}

static size_t distinct_bytes(const char *s)
{
	bool seen[256] = { false };
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p != '\0'; p++)
		if (!seen[*p])
			seen[*p] = true, n++;
	return n;
}

int auth_password_check(const char *password, const char *user, struct err *err)
{
	size_t bytes = strlen(password), points = 0, unit;
	char lower[AUTH_PASSWORD_MAX_BYTES + 1], name[AUTH_NAME_MAX + 1] = "";
	int rc = -1;

	if (bytes > AUTH_PASSWORD_MAX_BYTES)
		return err_set(err, EX_DATAERR, "the password is longer than %d bytes",
			       AUTH_PASSWORD_MAX_BYTES);
	if (utf8_invalid_at(password, bytes) != bytes)
		return err_set(err, EX_DATAERR, "the password is not valid UTF-8");
	for (const unsigned char *p = (const unsigned char *)password; *p != '\0'; p++) {
		if (*p < 0x20 || *p == 0x7F)
			return err_set(err, EX_DATAERR,
				       "the password holds a control character (a tab or the like)");
		points += (*p & 0xC0) != 0x80;
	}
	if (points < AUTH_PASSWORD_MIN)
		return err_set(err, EX_DATAERR,
			       "the password has %zu characters; it needs at least %d (a few"
			       " unrelated words make a good one)", points, AUTH_PASSWORD_MIN);
	memcpy(lower, password, bytes + 1);
	fold_case(lower);
	if (user != NULL) {
		(void)snprintf(name, sizeof name, "%s", user);
		fold_case(name);
	}
	if (bsearch(lower, auth_common_passwords, auth_common_password_count,
		    sizeof auth_common_passwords[0], by_string) != NULL)
		return err_set(err, EX_DATAERR, "the password is one of the most common passwords");
	if (strlen(name) >= SEGMENT_MIN && strstr(lower, name) != NULL)
		return err_set(err, EX_DATAERR, "the password contains the user's name");
	if (distinct_bytes(lower) < FEW_DISTINCT)
		return err_set(err, EX_DATAERR, "the password uses fewer than %d different characters",
			       FEW_DISTINCT);
	if (is_repeat(lower, &unit))
		return err_set(err, EX_DATAERR, "the password repeats its first %zu characters", unit);
	if (is_digit_walk(lower))
		return err_set(err, EX_DATAERR, "the password is a run of digits");
	if (words_and_digits(lower, name))
		goto common;
	unleet(lower);
	if (words_and_digits(lower, name))
		goto common;
	return 0;
common:
	rc = err_set(err, EX_DATAERR,
		     "the password is made of common words, names or keyboard runs with only digits"
		     " or symbols around them");
	return rc;
}
