/* Objectives and key results (issue 14; docs/methodology.md, "OKRs"): the
 * periods they run over, the progress of a key result and of an
 * objective, the progress expected by a date, the status that compares
 * the two, the forecast of a least-squares line, and the cadence of
 * check-ins.
 *
 * Pure functions on values and arrays the caller owns: no I/O, no
 * allocation. A number that does not exist (an objective without key
 * results, a forecast from fewer than two points) is NAN, which the JSON
 * writers print as null. */
#ifndef COMPGAP_OKR_H
#define COMPGAP_OKR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a key result measures. */
enum okr_type {
	OKR_COMPETENCY,      /* the share of a team at a level: computed */
	OKR_METRIC,          /* a number measured outside: check-ins */
	OKR_MILESTONE,       /* a count of things done, from 0: check-ins */
	OKR_TYPE_COUNT
};

/* Where a key result or an objective stands against the time elapsed. */
enum okr_status {
	OKR_DONE,
	OKR_ON_TRACK,
	OKR_AT_RISK,
	OKR_OFF_TRACK,
	OKR_STATUS_COUNT
};

/* How often an objective's owner checks in. */
enum okr_interval {
	OKR_WEEKLY,
	OKR_FORTNIGHTLY,
	OKR_MONTHLY,
	OKR_INTERVAL_COUNT
};

/* How many times a competency that an active key result of a team names
 * counts in the priority of the team's gaps. */
#define OKR_GAP_FACTOR 1.5

/* The statuses' margins below the expected progress. */
#define OKR_ON_TRACK_MARGIN 0.1
#define OKR_AT_RISK_MARGIN 0.25

/* Stored and written names ("competency", "on_track", "fortnightly");
 * NULL out of range. The parsers return 0, or -1 when s is none of them;
 * the lists join the names with ", " for the messages that say what is
 * valid. */
const char *okr_type_name(enum okr_type t);
const char *okr_status_name(enum okr_status s);
const char *okr_interval_name(enum okr_interval i);
int okr_type_parse(const char *s, enum okr_type *out);
int okr_interval_parse(const char *s, enum okr_interval *out);
const char *okr_type_list(void);
const char *okr_interval_list(void);

/* Parses one end of a period: a date "2026-07-01", a month "2026-07", a
 * quarter "2026-Q3" or a year "2026". As the start (end false) a month,
 * quarter or year is its first day; as the end, its last. Returns 0, or
 * -1 when s has none of these shapes or names no day. */
int okr_period_parse(const char *s, bool end, int32_t *day);

/* The progress from baseline towards target of current:
 * clamp((current - baseline) / (target - baseline), 0, 1), which serves a
 * target above the baseline and one below it alike; when target equals
 * baseline, 1 when current has reached it (current >= target) and 0
 * otherwise. */
double okr_progress(double baseline, double current, double target);

/* The progress expected on as_of of a period from start to end (days):
 * clamp((as_of - start) / (end - start), 0, 1); for a period of one day,
 * 1 from its day on and 0 before. */
double okr_expected(int32_t start, int32_t end, int32_t as_of);

/* The status of progress against expected: done at 1; on track from
 * expected - OKR_ON_TRACK_MARGIN; at risk from expected -
 * OKR_AT_RISK_MARGIN; off track below. */
enum okr_status okr_status_of(double progress, double expected);

/* The weighted mean of progress[i] by weight[i] (each > 0): the
 * objective's progress; NAN when n is 0. */
double okr_weighted_progress(const double *progress, const double *weight, size_t n);

/* The share of members of whom meeting meet a level; NAN when members is
 * 0 (nobody to count). */
double okr_share(size_t meeting, size_t members);

/* One value of a key result's history. */
struct okr_point {
	int32_t date;          /* days since 1970-01-01 */
	double value;
};

/* What the present pace promises. */
struct okr_forecast {
	double value_at_end;   /* the line's value on the end date; NAN: none */
	bool has_met_on;
	int32_t met_on;        /* the first day on which the line reaches the
				* target: when has_met_on */
};

/* Fits a least-squares line value = a + b * date through the n points
 * and projects it: value_at_end = a + b * end; met_on = the first whole
 * day x on which the line is at or past the target, x = ceil((target -
 * a) / b), when the line moves towards the target: b > 0 for a target at
 * or above the baseline (equal counts as upwards, as in okr_progress),
 * b < 0 for one below. No forecast (value_at_end NAN, no date) from fewer
 * than two points or points all on one date; no date when the line is
 * flat, moves away from the target, or reaches it only after 9999-12-31.
 * The date may lie before the last point (the pace reached the target
 * already) or after the end (too late). */
void okr_forecast(const struct okr_point *points, size_t n, double baseline, double target,
		  int32_t end, struct okr_forecast *out);

/* The day the next check-in is due after one on last: a week or two
 * later, or the same day of the next month (its last day when the month
 * is shorter). */
int32_t okr_checkin_due(enum okr_interval interval, int32_t last);

#endif
