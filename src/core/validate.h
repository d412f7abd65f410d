/* Checks of single field values, shared by every input path (CSV import,
 * the demo, later the HTTP API). Each returns 0, or -1 and writes a short
 * lower-case message that says what is wrong and what would be valid into
 * msg (msgsz bytes). None of them allocates. */
#ifndef COMPGAP_VALIDATE_H
#define COMPGAP_VALIDATE_H

#include <stddef.h>
#include <stdint.h>

/* A key or id: 1..KEY_MAX bytes, no control characters, no leading or
 * trailing white space. */
int validate_key(const char *s, char *msg, size_t msgsz);

/* A name: 1..NAME_MAX_BYTES bytes, no control characters, no leading or
 * trailing white space. */
int validate_name(const char *s, char *msg, size_t msgsz);

/* Optional one-line text (category, email): as validate_name but may be
 * empty. */
int validate_line(const char *s, char *msg, size_t msgsz);

/* Free text (description, indicator, note): up to TEXT_MAX bytes; line
 * breaks and tabs allowed, other control characters not. */
int validate_text(const char *s, char *msg, size_t msgsz);

/* An email address: empty, or one '@' with text on both sides and a dot in
 * the domain, no spaces. */
int validate_email(const char *s, char *msg, size_t msgsz);

/* The forms of numbers and dates that spreadsheets write in a ';' or tab
 * file (Dutch and Swedish Excel), accepted besides the plain ones when
 * asked for. */
enum {
	PARSE_DECIMAL_COMMA = 1 << 0,   /* "3,5" as well as "3.5" */
	PARSE_DAY_FIRST = 1 << 1        /* "31-10-2026", "1/2/2026" as well as ISO */
};

/* An evidence level: a plain decimal number from 1 to 5 ("3", "3.5",
 * "4.25", at most LEVEL_DECIMALS_MAX digits after the point; with
 * PARSE_DECIMAL_COMMA in forms the point may be a comma). Sets *level and
 * *decimals (the number of digits written after the point). */
int parse_level_as(const char *s, unsigned forms, double *level, int *decimals,
		   char *msg, size_t msgsz);

/* parse_level_as without other forms. */
int parse_level(const char *s, double *level, int *decimals, char *msg, size_t msgsz);

enum {
	NUMBER_DIGITS_MAX = 7           /* digits before the point in parse_number_as */
};

/* A plain decimal number, possibly negative: an optional '-', at most
 * NUMBER_DIGITS_MAX digits, and optionally a point (a comma too with
 * PARSE_DECIMAL_COMMA) and at most LEVEL_DECIMALS_MAX digits ("3", "-2",
 * "0.5", "4,25"); no signs '+', exponents or spaces. Sets *v to the double
 * nearest to it and *decimals (when not NULL) to the digits after the
 * point. What names the quantity in messages ("weight"). */
int parse_number_as(const char *s, unsigned forms, const char *what, double *v, int *decimals,
		    char *msg, size_t msgsz);

/* A whole number from lo to hi written in plain digits; sets *v. What names
 * the quantity in messages ("required level"). */
int parse_int_range(const char *s, int lo, int hi, const char *what, int *v,
		    char *msg, size_t msgsz);

/* A date YYYY-MM-DD that exists; sets *days (days since 1970-01-01). With
 * PARSE_DAY_FIRST in forms also day-month-year: D-M-YYYY or D/M/YYYY with
 * one or two digits for day and month and four for the year ("31-10-2026",
 * "1/2/2026"); a two-digit year, a month above 12 (month first, as
 * "10-31-2026") and mixed separators are refused with a message that says
 * so. */
int parse_date_as(const char *s, unsigned forms, int32_t *days, char *msg, size_t msgsz);

/* parse_date_as without other forms. */
int parse_date(const char *s, int32_t *days, char *msg, size_t msgsz);

#endif
