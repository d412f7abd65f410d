/* Calendar dates as whole days since 1970-01-01 (proleptic Gregorian), the
 * form in which the store keeps them and the formulas use them. */
#ifndef COMPGAP_DATE_H
#define COMPGAP_DATE_H

#include <stdbool.h>
#include <stdint.h>

enum {
	DATE_ISO_LEN = 10   /* "YYYY-MM-DD" without the NUL */
};

/* Parses exactly "YYYY-MM-DD" (years 1000..9999) into *days. Returns 0, or
 * -1 when the text has another shape or names a day that does not exist
 * (2025-02-29, 2025-04-31); nothing is written on failure. */
int date_parse(const char *s, int32_t *days);

/* Writes days as "YYYY-MM-DD" into out (at least 11 bytes). */
void date_format(int32_t days, char out[DATE_ISO_LEN + 1]);

/* Days since 1970-01-01 of a year, month (1..12) and day (1..31); the date
 * is not checked. */
int32_t date_from_ymd(int year, int month, int day);

/* The year, month and day of days. */
void date_to_ymd(int32_t days, int *year, int *month, int *day);

/* True when year is a Gregorian leap year. */
bool date_is_leap(int year);

/* The number of days in month (1..12) of year. */
int date_days_in_month(int year, int month);

/* Today in UTC, or the date in $COMPGAP_TODAY (YYYY-MM-DD) when that is set,
 * so that tests and demos can pin "today". */
int32_t date_today(void);

/* The last day of the month that days falls in. */
int32_t date_end_of_month(int32_t days);

#endif
