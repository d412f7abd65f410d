/* Numbers and dates in the reader's conventions (i18n.h), from CLDR's
 * data for en (as written in Europe: day before month), nl and sv.
 * docs/i18n.md "Numbers and dates" says why each choice. */
#include "i18n/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "util/date.h"
#include "util/dtoa.h"

enum {
	DECIMALS_MAX = 15,
	DIGITS_MAX = 400     /* a double's integer digits (1.8e308) and the
			      * decimals, with room to spare */
};

/* One language's conventions. */
struct locale {
	const char *decimal;          /* the decimal separator */
	const char *group;            /* between groups of three digits */
	const char *minus;            /* before a negative number */
	const char *month[12];        /* January, as in "2 December 2026" */
	const char *month_short[12];  /* as in "2 Dec 2026" */
};

static const struct locale locales[LANG_COUNT] = {
	[LANG_EN] = {
		".", ",", "-",
		{ "January", "February", "March", "April", "May", "June", "July", "August",
		  "September", "October", "November", "December" },
		{ "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov",
		  "Dec" },
	},
	[LANG_NL] = {
		",", ".", "-",
		{ "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
		  "september", "oktober", "november", "december" },
		{ "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov",
		  "dec" },
	},
	[LANG_SV] = {
		",", "\u00a0", "\u2212",
		{ "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
		  "september", "oktober", "november", "december" },
		{ "jan.", "feb.", "mars", "apr.", "maj", "juni", "juli", "aug.", "sep.", "okt.",
		  "nov.", "dec." },
	},
};

static const struct locale *locale_of(enum lang l)
{
	return &locales[(unsigned)l < LANG_COUNT ? l : LANG_EN];
}

/* A decimal number as digits and the place of its point: the value is
 * 0.d[0]d[1]... times 10^point. */
struct decimal {
	char d[DIGITS_MAX];   /* digits, no leading zero */
	int len;              /* how many of d are used */
	int point;            /* digits before the decimal point (may be
			       * negative or beyond len) */
};

/* Reads the shortest form of the finite x >= 0 (util/dtoa.h: "123.5",
 * "0.0012", "1.5e-07", "2e+20"). */
static void decimal_read(double x, struct decimal *dec)
{
	char s[DTOA_MAX];
	int point = 0;
	int exp = 0;
	bool seen_point = false;
	const char *p;

	(void)dtoa_shortest(x, s);
	dec->len = 0;
	for (p = s; *p != '\0' && *p != 'e'; p++) {
		if (*p == '.') {
			seen_point = true;
			continue;
		}
		if (*p == '0' && dec->len == 0) {
			/* A leading zero after the point moves the point. */
			if (seen_point)
				point--;
			continue;
		}
		dec->d[dec->len++] = *p;
		if (!seen_point)
			point++;
	}
	if (*p == 'e')
		exp = (int)strtol(p + 1, NULL, 10);   /* dtoa's own "e-07", "e+20" */
	dec->point = point + exp;
	if (dec->len == 0)
		dec->point = 0;
}

/* Rounds dec to decimals places, a 5 away from zero. */
static void decimal_round(struct decimal *dec, int decimals)
{
	int keep = dec->point + decimals;
	bool up;

	if (keep >= dec->len)
		return;
	if (keep < 0) {
		dec->len = 0;
		return;
	}
	up = dec->d[keep] >= '5';
	dec->len = keep;
	for (int i = keep - 1; up && i >= 0; i--) {
		if (dec->d[i] == '9') {
			dec->d[i] = '0';
		} else {
			dec->d[i]++;
			up = false;
		}
	}
	if (up) {
		memmove(dec->d + 1, dec->d, (size_t)dec->len);
		dec->d[0] = '1';
		dec->len++;
		dec->point++;
	}
}

static char decimal_digit(const struct decimal *dec, int i)
{
	return i >= 0 && i < dec->len ? dec->d[i] : '0';
}

/* Appends the C string s at out[*n]. */
static void put(char *out, size_t *n, const char *s)
{
	size_t len = strlen(s);

	memcpy(out + *n, s, len);
	*n += len;
}

static bool decimal_is_zero(const struct decimal *dec)
{
	for (int i = 0; i < dec->len; i++)
		if (dec->d[i] != '0')
			return false;
	return true;
}

int fmt_number(struct buf *b, enum lang l, double v, int decimals)
{
	const struct locale *loc = locale_of(l);
	struct decimal dec;
	char out[DIGITS_MAX * 2 + 16];
	size_t n = 0;
	int whole;

	if (isnan(v) || isinf(v))
		return buf_adds(b, "\u2013");
	if (decimals < 0)
		decimals = 0;
	if (decimals > DECIMALS_MAX)
		decimals = DECIMALS_MAX;
	decimal_read(fabs(v), &dec);
	decimal_round(&dec, decimals);
	/* The output is built whole first, so that a full b is left as it was. */
	if (signbit(v) && !decimal_is_zero(&dec))
		put(out, &n, loc->minus);
	whole = dec.point > 0 ? dec.point : 1;
	for (int i = 0; i < whole; i++) {
		int place = whole - i;   /* 1 for the units digit */

		out[n++] = dec.point > 0 ? decimal_digit(&dec, i) : '0';
		if (place > 1 && place % 3 == 1)
			put(out, &n, loc->group);
	}
	if (decimals > 0) {
		put(out, &n, loc->decimal);
		for (int i = 0; i < decimals; i++)
			out[n++] = decimal_digit(&dec, dec.point + i);
	}
	return buf_add(b, out, n);
}

/* Appends "<day> <month> <year>" with the given month names. */
static int fmt_day_month_year(struct buf *b, const char *const month[12], int32_t days)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	return buf_printf(b, "%d %s %d", d, month[m - 1], y);
}

int fmt_date(struct buf *b, enum lang l, int32_t days)
{
	return fmt_day_month_year(b, locale_of(l)->month, days);
}

int fmt_date_short(struct buf *b, enum lang l, int32_t days)
{
	return fmt_day_month_year(b, locale_of(l)->month_short, days);
}

int fmt_month(struct buf *b, enum lang l, int32_t days)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	return buf_printf(b, "%s %d", locale_of(l)->month[m - 1], y);
}

int fmt_month_short(struct buf *b, enum lang l, int32_t days)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	return buf_printf(b, "%s %d", locale_of(l)->month_short[m - 1], y);
}
