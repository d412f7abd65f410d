#include "core/validate.h"

#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "core/model.h"
#include "util/date.h"

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Checks length, control characters and surrounding white space. */
static int check_line(const char *s, size_t min, size_t max, const char *what,
		      char *msg, size_t msgsz)
{
	size_t n = strlen(s);

	if (n < min) {
		(void)snprintf(msg, msgsz, "%s is empty; it is required", what);
		return -1;
	}
	if (n > max) {
		(void)snprintf(msg, msgsz, "%s is %zu bytes long; at most %zu are allowed", what, n, max);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F) {
			(void)snprintf(msg, msgsz, "%s contains a control character (0x%02X) at byte %zu",
				       what, (unsigned char)s[i], i + 1);
			return -1;
		}
	}
	if (n > 0 && (is_space(s[0]) || is_space(s[n - 1]))) {
		(void)snprintf(msg, msgsz, "%s '%s' begins or ends with a space; remove it", what, s);
		return -1;
	}
	return 0;
}

int validate_key(const char *s, char *msg, size_t msgsz)
{
	return check_line(s, 1, KEY_MAX, "key", msg, msgsz);
}

int validate_name(const char *s, char *msg, size_t msgsz)
{
	return check_line(s, 1, NAME_MAX_BYTES, "value", msg, msgsz);
}

int validate_line(const char *s, char *msg, size_t msgsz)
{
	return check_line(s, 0, NAME_MAX_BYTES, "value", msg, msgsz);
}

int validate_text(const char *s, char *msg, size_t msgsz)
{
	size_t n = strlen(s);

	if (n > TEXT_MAX) {
		(void)snprintf(msg, msgsz, "text is %zu bytes long; at most %d are allowed", n, TEXT_MAX);
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\n' && c != '\r' && c != '\t') || c == 0x7F) {
			(void)snprintf(msg, msgsz, "text contains a control character (0x%02X) at byte %zu",
				       c, i + 1);
			return -1;
		}
	}
	return 0;
}

int validate_email(const char *s, char *msg, size_t msgsz)
{
	const char *at, *dot;

	if (*s == '\0')
		return 0;
	if (check_line(s, 0, NAME_MAX_BYTES, "email", msg, msgsz) < 0)
		return -1;
	at = strchr(s, '@');
	if (strchr(s, ' ') != NULL || at == NULL || at == s || strchr(at + 1, '@') != NULL)
		goto bad;
	dot = strrchr(at + 1, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		goto bad;
	return 0;
bad:
	(void)snprintf(msg, msgsz, "'%s' is not an email address (name@example.org), or leave it empty", s);
	return -1;
}

int parse_level_as(const char *s, unsigned forms, double *level, int *decimals,
		   char *msg, size_t msgsz)
{
	static const double scale[LEVEL_DECIMALS_MAX + 1] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	const bool comma = forms & PARSE_DECIMAL_COMMA;
	const char *p = s;
	long long digits = 0;
	int ndec = 0;

	/* Digits are read by hand: strtod would accept "3e0", "0x3", " 3". */
	if (*p < '0' || *p > '9')
		goto bad;
	while (*p >= '0' && *p <= '9' && digits < 1000)
		digits = digits * 10 + (*p++ - '0');
	if (*p >= '0' && *p <= '9')
		goto range;
	if (*p == '.' || (comma && *p == ',')) {
		p++;
		if (*p < '0' || *p > '9')
			goto bad;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (++ndec > LEVEL_DECIMALS_MAX) {
				(void)snprintf(msg, msgsz, "level '%s' has more than %d digits after the point",
					       s, LEVEL_DECIMALS_MAX);
				return -1;
			}
			digits = digits * 10 + (*p - '0');
		}
	}
	if (*p != '\0')
		goto bad;
	/* Both operands are exact and IEEE division rounds correctly, so this
	 * is the double nearest to the decimal text. */
	if (digits < LEVEL_MIN * (long long)scale[ndec] || digits > LEVEL_MAX * (long long)scale[ndec])
		goto range;
	*level = (double)digits / scale[ndec];
	*decimals = ndec;
	return 0;
range:
	(void)snprintf(msg, msgsz, "level %s is out of range; it must be from %d to %d",
		       s, LEVEL_MIN, LEVEL_MAX);
	return -1;
bad:
	(void)snprintf(msg, msgsz, "level '%s' is not a number; write a number from %d to %d such as 3 or %s%s",
		       s, LEVEL_MIN, LEVEL_MAX, comma ? "3,5" : "3.5",
		       !comma && strchr(s, ',') != NULL ?
		       " (a decimal comma is read only in a file separated by ';' or tabs)" : "");
	return -1;
}

int parse_level(const char *s, double *level, int *decimals, char *msg, size_t msgsz)
{
	return parse_level_as(s, 0, level, decimals, msg, msgsz);
}

int parse_number_as(const char *s, unsigned forms, const char *what, double *v, int *decimals,
		    char *msg, size_t msgsz)
{
	static const double scale[LEVEL_DECIMALS_MAX + 1] = { 1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6 };
	const bool comma = forms & PARSE_DECIMAL_COMMA;
	const char *p = s;
	bool negative = *p == '-';
	long long digits = 0;
	int nint = 0, ndec = 0;

	if (negative)
		p++;
	/* By hand, as parse_level_as: strtod would take "1e3", " 3", "inf". */
	for (; *p >= '0' && *p <= '9'; p++) {
		if (++nint > NUMBER_DIGITS_MAX) {
			(void)snprintf(msg, msgsz, "%s %s has more than %d digits before the point", what,
				       s, NUMBER_DIGITS_MAX);
			return -1;
		}
		digits = digits * 10 + (*p - '0');
	}
	if (nint == 0)
		goto bad;
	if (*p == '.' || (comma && *p == ',')) {
		p++;
		if (*p < '0' || *p > '9')
			goto bad;
		for (; *p >= '0' && *p <= '9'; p++) {
			if (++ndec > LEVEL_DECIMALS_MAX) {
				(void)snprintf(msg, msgsz, "%s %s has more than %d digits after the point",
					       what, s, LEVEL_DECIMALS_MAX);
				return -1;
			}
			digits = digits * 10 + (*p - '0');
		}
	}
	if (*p != '\0')
		goto bad;
	/* Both operands exact: the double nearest to the decimal text. */
	*v = (double)(negative ? -digits : digits) / scale[ndec];
	if (decimals != NULL)
		*decimals = ndec;
	return 0;
bad:
	(void)snprintf(msg, msgsz, "%s '%s' is not a number; write digits with at most one decimal"
		       " point, such as 3 or %s%s", what, s, comma ? "2,5" : "2.5",
		       !comma && strchr(s, ',') != NULL ?
		       " (a decimal comma is read only in a file separated by ';' or tabs)" : "");
	return -1;
}

int parse_int_range(const char *s, int lo, int hi, const char *what, int *v,
		    char *msg, size_t msgsz)
{
	long n = 0;
	const char *p = s;

	if (*p == '\0') {
		(void)snprintf(msg, msgsz, "%s is empty; write a whole number from %d to %d", what, lo, hi);
		return -1;
	}
	/* Saturate above any int, so that a long number is out of range and
	 * never wraps. */
	for (; *p >= '0' && *p <= '9'; p++)
		n = n > INT_MAX ? n : n * 10 + (*p - '0');
	if (*p != '\0') {
		(void)snprintf(msg, msgsz, "%s '%s' is not a whole number; write one from %d to %d",
			       what, s, lo, hi);
		return -1;
	}
	if (n < lo || n > hi) {
		(void)snprintf(msg, msgsz, "%s %s is out of range; it must be from %d to %d", what, s, lo, hi);
		return -1;
	}
	*v = (int)n;
	return 0;
}

/* Reads 1..max digits at *p into *v and advances *p; returns how many. */
static int read_digits(const char **p, int max, int *v)
{
	int n = 0;

	*v = 0;
	for (; **p >= '0' && **p <= '9'; (*p)++)
		if (++n <= max)
			*v = *v * 10 + (**p - '0');
	return n;
}

/* Reads D-M-YYYY or D/M/YYYY. Returns 0 with *days set, 1 when s does not
 * have that shape at all, or -1 with msg set when it has nearly that shape
 * but is not a date. */
static int parse_day_first(const char *s, int32_t *days, char *msg, size_t msgsz)
{
	const char *p = s;
	int day, month, year, nd, nm, ny;
	char sep;

	nd = read_digits(&p, 2, &day);
	sep = *p;
	if (nd < 1 || nd > 2 || (sep != '-' && sep != '/'))
		return 1;
	p++;
	nm = read_digits(&p, 2, &month);
	if (nm < 1 || nm > 2 || (*p != '-' && *p != '/'))
		return 1;
	if (*p != sep) {
		(void)snprintf(msg, msgsz, "'%s' mixes '-' and '/'; write day-month-year as 31-10-2026", s);
		return -1;
	}
	p++;
	ny = read_digits(&p, 4, &year);
	if (*p != '\0' || ny < 1 || ny > 4)
		return 1;
	if (ny != 4) {
		(void)snprintf(msg, msgsz, "'%s' has a %d-digit year; write the year in full, as in 31-10-2026",
			       s, ny);
		return -1;
	}
	if (month > 12 && day <= 12) {
		(void)snprintf(msg, msgsz, "date %s has no month %d; dates are written day-month-year"
			       " (31-10-2026) or YYYY-MM-DD", s, month);
		return -1;
	}
	if (year < 1000 || month < 1 || month > 12 || day < 1 ||
	    day > date_days_in_month(year, month)) {
		(void)snprintf(msg, msgsz, "date %s does not exist (day-month-year)", s);
		return -1;
	}
	*days = date_from_ymd(year, month, day);
	return 0;
}

int parse_date_as(const char *s, unsigned forms, int32_t *days, char *msg, size_t msgsz)
{
	bool shaped = strlen(s) == DATE_ISO_LEN;
	int32_t d;
	int rc;

	if (date_parse(s, days) == 0)
		return 0;
	for (int i = 0; shaped && i < DATE_ISO_LEN; i++)
		shaped = i == 4 || i == 7 ? s[i] == '-' : s[i] >= '0' && s[i] <= '9';
	if (shaped) {
		(void)snprintf(msg, msgsz, "date %s does not exist", s);
		return -1;
	}
	if (forms & PARSE_DAY_FIRST) {
		rc = parse_day_first(s, days, msg, msgsz);
		if (rc <= 0)
			return rc;
		(void)snprintf(msg, msgsz, "'%s' is not a date; write day-month-year (31-10-2026)"
			       " or YYYY-MM-DD (2026-10-31)", s);
		return -1;
	}
	/* Say why a day-month-year date is refused here (msg is scratch
	 * until then). */
	rc = parse_day_first(s, &d, msg, msgsz);
	(void)snprintf(msg, msgsz, "'%s' is not a date; write YYYY-MM-DD, such as 2026-03-31%s", s,
		       rc == 1 ? "" : " (day-month-year is read only in a file separated by ';' or tabs)");
	return -1;
}

int parse_date(const char *s, int32_t *days, char *msg, size_t msgsz)
{
	return parse_date_as(s, 0, days, msg, msgsz);
}
