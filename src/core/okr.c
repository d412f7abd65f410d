/* The OKR method (core/okr.h; docs/methodology.md, "OKRs"). */
#include <math.h>
#include <string.h>

#include "core/okr.h"
#include "util/date.h"

static const char *const type_names[OKR_TYPE_COUNT] = { "competency", "metric", "milestone" };
static const char *const status_names[OKR_STATUS_COUNT] = {
	"done", "on_track", "at_risk", "off_track"
};
static const char *const interval_names[OKR_INTERVAL_COUNT] = {
	"weekly", "fortnightly", "monthly"
};

/* The last day a date may have (9999-12-31), as date_parse allows. */
#define DAY_LAST 2932896

const char *okr_type_name(enum okr_type t)
{
	return (unsigned)t < OKR_TYPE_COUNT ? type_names[t] : NULL;
}

const char *okr_status_name(enum okr_status s)
{
	return (unsigned)s < OKR_STATUS_COUNT ? status_names[s] : NULL;
}

const char *okr_interval_name(enum okr_interval i)
{
	return (unsigned)i < OKR_INTERVAL_COUNT ? interval_names[i] : NULL;
}

static int parse_name(const char *s, const char *const *names, int n, int *out)
{
	for (int i = 0; s != NULL && i < n; i++) {
		if (strcmp(s, names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

int okr_type_parse(const char *s, enum okr_type *out)
{
	int i;

	if (parse_name(s, type_names, OKR_TYPE_COUNT, &i) < 0)
		return -1;
	*out = (enum okr_type)i;
	return 0;
}

int okr_interval_parse(const char *s, enum okr_interval *out)
{
	int i;

	if (parse_name(s, interval_names, OKR_INTERVAL_COUNT, &i) < 0)
		return -1;
	*out = (enum okr_interval)i;
	return 0;
}

const char *okr_type_list(void)
{
	return "competency, metric, milestone";
}

const char *okr_interval_list(void)
{
	return "weekly, fortnightly, monthly";
}

/* n decimal digits of s into *v; false when one is not a digit. */
static bool digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		*v = *v * 10 + (s[i] - '0');
	}
	return true;
}

int okr_period_parse(const char *s, bool end, int32_t *day)
{
	size_t len = s != NULL ? strlen(s) : 0;
	int year, first, last;          /* the months the shorthand spans */

	if (len == DATE_ISO_LEN)
		return date_parse(s, day);
	if (len < 4 || !digits(s, 4, &year) || year < 1000)
		return -1;
	if (len == 4) {
		first = 1;
		last = 12;
	} else if (len == 7 && s[4] == '-' && s[5] == 'Q' && s[6] >= '1' && s[6] <= '4') {
		first = 3 * (s[6] - '1') + 1;
		last = first + 2;
	} else if (len == 7 && s[4] == '-' && digits(s + 5, 2, &first) && first >= 1 && first <= 12) {
		last = first;
	} else {
		return -1;
	}
	*day = end ? date_from_ymd(year, last, date_days_in_month(year, last))
		   : date_from_ymd(year, first, 1);
	return 0;
}

/* x within 0..1; -0 (a current value equal to the baseline of a target
 * below it) is 0. */
static double clamp01(double x)
{
	return x <= 0 ? 0 : x > 1 ? 1 : x;
}

double okr_progress(double baseline, double current, double target)
{
	if (target == baseline)
		return current >= target ? 1 : 0;
	return clamp01((current - baseline) / (target - baseline));
}

double okr_expected(int32_t start, int32_t end, int32_t as_of)
{
	if (end <= start)
		return as_of >= end ? 1 : 0;
	return clamp01((double)(as_of - start) / (double)(end - start));
}

enum okr_status okr_status_of(double progress, double expected)
{
	if (progress >= 1)
		return OKR_DONE;
	if (progress >= expected - OKR_ON_TRACK_MARGIN)
		return OKR_ON_TRACK;
	if (progress >= expected - OKR_AT_RISK_MARGIN)
		return OKR_AT_RISK;
	return OKR_OFF_TRACK;
}

double okr_weighted_progress(const double *progress, const double *weight, size_t n)
{
	double sum = 0, weights = 0;

	for (size_t i = 0; i < n; i++) {
		sum += weight[i] * progress[i];
		weights += weight[i];
	}
	return weights > 0 ? sum / weights : NAN;
}

double okr_share(size_t meeting, size_t members)
{
	return members > 0 ? (double)meeting / (double)members : NAN;
}

void okr_forecast(const struct okr_point *points, size_t n, double baseline, double target,
		  int32_t end, struct okr_forecast *out)
{
	double mx = 0, my = 0, sxx = 0, sxy = 0, slope, at_first, x;
	int32_t origin;

	out->value_at_end = NAN;
	out->has_met_on = false;
	out->met_on = 0;
	if (n < 2)
		return;
	/* Days counted from the first point keep the sums small and exact. */
	origin = points[0].date;
	for (size_t i = 0; i < n; i++) {
		mx += (double)(points[i].date - origin);
		my += points[i].value;
	}
	mx /= (double)n;
	my /= (double)n;
	for (size_t i = 0; i < n; i++) {
		double dx = (double)(points[i].date - origin) - mx;

		sxx += dx * dx;
		sxy += dx * (points[i].value - my);
	}
	if (sxx == 0)
		return;
	slope = sxy / sxx;
	at_first = my - slope * mx;          /* the line's value at origin */
	out->value_at_end = at_first + slope * (double)(end - origin);
	if (slope == 0 || (target >= baseline ? slope < 0 : slope > 0))
		return;
	/* A line that meets the target on a whole day must not be put a day
	 * later by rounding, which grows with the distance from the first
	 * point (a slow line far ahead): a billionth of that distance, and at
	 * least of a day, is forgiven. */
	x = (target - at_first) / slope;
	x = ceil(x - 1e-9 * fmax(1, fabs(x))) + (double)origin;
	if (x > DAY_LAST || x < -(double)DAY_LAST)
		return;
	out->has_met_on = true;
	out->met_on = (int32_t)x;
}

int32_t okr_checkin_due(enum okr_interval interval, int32_t last)
{
	int y, m, d;

	switch (interval) {
	case OKR_WEEKLY: return last + 7;
	case OKR_FORTNIGHTLY: return last + 14;
	default: break;
	}
	date_to_ymd(last, &y, &m, &d);
	if (++m > 12) {
		m = 1;
		y++;
	}
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	return date_from_ymd(y, m, d);
}
