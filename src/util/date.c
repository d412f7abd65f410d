#include "util/date.h"

#include <stdlib.h>
#include <time.h>

bool date_is_leap(int year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int date_days_in_month(int year, int month)
{
	static const int days[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	if (month == 2 && date_is_leap(year))
		return 29;
	return days[month - 1];
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian
 * calendar, with no loops and no tables. */
int32_t date_from_ymd(int year, int month, int day)
{
	int y = year - (month <= 2);
	int era = (y >= 0 ? y : y - 399) / 400;
	int yoe = y - era * 400;
	int doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return (int32_t)(era * 146097 + doe - 719468);
}

void date_to_ymd(int32_t days, int *year, int *month, int *day)
{
	int z = (int)days + 719468;
	int era = (z >= 0 ? z : z - 146096) / 146097;
	int doe = z - era * 146097;
	int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	int mp = (5 * doy + 2) / 153;
	int d = doy - (153 * mp + 2) / 5 + 1;
	int m = mp + (mp < 10 ? 3 : -9);

	*year = yoe + era * 400 + (m <= 2);
	*month = m;
	*day = d;
}

static int digits(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int date_parse(const char *s, int32_t *days)
{
	int y, m, d;

	if (s == NULL)
		return -1;
	for (int i = 0; i < DATE_ISO_LEN; i++)
		if (s[i] == '\0')
			return -1;
	if (s[DATE_ISO_LEN] != '\0' || s[4] != '-' || s[7] != '-')
		return -1;
	y = digits(s, 4);
	m = digits(s + 5, 2);
	d = digits(s + 8, 2);
	if (y < 1000 || m < 1 || m > 12 || d < 1 || d > date_days_in_month(y, m))
		return -1;
	*days = date_from_ymd(y, m, d);
	return 0;
}

void date_format(int32_t days, char out[DATE_ISO_LEN + 1])
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	/* Years outside 0..9999 cannot be written in four digits; they never
	 * come from date_parse, so wrapping them is only a guard. */
	y = y < 0 ? 0 : y % 10000;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

int32_t date_today(void)
{
	const char *pinned = getenv("COMPGAP_TODAY");
	int32_t days;
	time_t now;

	if (pinned != NULL && date_parse(pinned, &days) == 0)
		return days;
	now = time(NULL);
	return (int32_t)(now / 86400);
}

int32_t date_end_of_month(int32_t days)
{
	int y, m, d;

	date_to_ymd(days, &y, &m, &d);
	return date_from_ymd(y, m, date_days_in_month(y, m));
}
