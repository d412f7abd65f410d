/* okr: a team's objectives and key results on a day (docs/methodology.md,
 * "OKRs"): each key result's baseline, current value, target, progress,
 * status and forecast, and each objective's progress against the time
 * elapsed. The objectives, key results and check-ins come in by `compgap
 * import objectives|key-results|checkins`. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "util/date.h"
#include "views/okr.h"
#include "views/okr_review.h"

/* A value as its key result reads: a share as a percentage, a number as
 * written with its unit; "-" for none. */
static void format_value(const struct key_result *kr, double v, char *out, size_t outsz)
{
	if (isnan(v))
		(void)snprintf(out, outsz, "-");
	else if (kr->type == OKR_COMPETENCY)
		(void)snprintf(out, outsz, "%.0f%%", v * 100);
	else
		(void)snprintf(out, outsz, "%g%s%s", v, kr->unit != NULL ? " " : "",
			       kr->unit != NULL ? kr->unit : "");
}

static void format_percent(double v, char *out, size_t outsz)
{
	if (isnan(v))
		(void)snprintf(out, outsz, "-");
	else
		(void)snprintf(out, outsz, "%.0f%%", v * 100);
}

static void print_key_result(const struct okr_kr_view *k)
{
	const struct key_result *kr = k->kr;
	char base[64], now[64], target[64], progress[16], at_end[64], met[DATE_ISO_LEN + 1] = "";

	format_value(kr, k->baseline, base, sizeof base);
	format_value(kr, k->current, now, sizeof now);
	format_value(kr, kr->target, target, sizeof target);
	format_percent(k->progress, progress, sizeof progress);
	printf("    %s  %s\n", kr->key, kr->title);
	if (kr->type == OKR_COMPETENCY)
		printf("      %s at level %d or above: %zu of %zu members\n", kr->competency, kr->level,
		       k->meeting, k->members);
	printf("      %s -> %s (target %s), progress %s, %s\n", base, now, target, progress,
	       k->has_status ? okr_status_name(k->status) : "no value");
	if (kr->type == OKR_COMPETENCY && k->planned > 0) {
		char projected[64];

		format_value(kr, k->projected, projected, sizeof projected);
		printf("      what if: %zu below the level with a development action due by the end;"
		       " if each reaches it, %s\n", k->planned, projected);
	}
	if (isnan(k->forecast.value_at_end)) {
		printf("      forecast: too few values yet\n");
		return;
	}
	format_value(kr, k->forecast.value_at_end, at_end, sizeof at_end);
	if (k->forecast.has_met_on)
		date_format(k->forecast.met_on, met);
	printf("      forecast at the end: %s; %s%s\n", at_end,
	       k->forecast.has_met_on ? "target reached on " : "the present pace never reaches"
	       " the target", met);
}

static void print_board(const struct okr_view *v)
{
	char day[DATE_ISO_LEN + 1];

	date_format(v->as_of, day);
	printf("Objectives of %s as of %s\n", v->team != NULL ? v->team : "the organisation", day);
	if (v->board.nobjectives == 0)
		printf("  none yet ('compgap import objectives FILE')\n");
	for (size_t i = 0; i < v->board.nobjectives; i++) {
		const struct okr_objective_view *ov = &v->objectives[i];
		char start[DATE_ISO_LEN + 1], end[DATE_ISO_LEN + 1], progress[16], expected[16];

		date_format(ov->o->start, start);
		date_format(ov->o->end, end);
		format_percent(ov->progress, progress, sizeof progress);
		format_percent(ov->expected, expected, sizeof expected);
		printf("\n  %s  %s\n  %s to %s: progress %s, expected %s, %s\n", ov->o->key,
		       ov->o->title, start, end, progress, expected,
		       ov->has_status ? okr_status_name(ov->status) : "no value");
		for (size_t j = 0; j < ov->o->nkrs; j++)
			print_key_result(&ov->krs[j]);
	}
}

/* ---- the quarterly review (--review) -------------------------------------- */

static void print_review_objective(const struct okr_review_item *it)
{
	const struct okr_objective_view *ov = it->ov;
	const struct okr_board *b = &it->v->board;
	char start[DATE_ISO_LEN + 1], end[DATE_ISO_LEN + 1], progress[16];
	size_t reached = 0, notes = 0, carried = 0;

	date_format(ov->o->start, start);
	date_format(ov->o->end, end);
	format_percent(ov->progress, progress, sizeof progress);
	printf("\n  %s  %s\n  %s to %s: progress %s, %s\n", ov->o->key, ov->o->title, start, end,
	       progress, ov->has_status ? okr_status_name(ov->status) : "no value");
	printf("  reached:\n");
	for (size_t j = 0; j < ov->o->nkrs; j++) {
		const struct okr_kr_view *k = &ov->krs[j];
		char now[64];

		if (!k->has_status || k->status != OKR_DONE)
			continue;
		format_value(k->kr, k->current, now, sizeof now);
		printf("    %s  %s: %s\n", k->kr->key, k->kr->title, now);
		reached++;
	}
	if (reached == 0)
		printf("    none\n");
	printf("  learned:\n    %s\n", ov->o->review != NULL ? ov->o->review
	       : "(no review written yet)");
	for (size_t j = 0; j < ov->o->nkrs; j++) {
		const struct key_result *kr = ov->krs[j].kr;

		for (size_t i = kr->first_checkin; i < kr->first_checkin + kr->ncheckins; i++) {
			char day[DATE_ISO_LEN + 1];

			if (b->checkins[i].note == NULL)
				continue;
			date_format(b->checkins[i].date, day);
			printf("    %s %s: %s\n", day, kr->key, b->checkins[i].note);
			notes++;
		}
	}
	if (notes == 0)
		printf("    (no check-in notes)\n");
	printf("  carries over:\n");
	for (size_t j = 0; j < ov->o->nkrs; j++) {
		const struct okr_kr_view *k = &ov->krs[j];
		char now[64], target[64], left[64];

		if (k->has_status && k->status == OKR_DONE)
			continue;
		format_value(k->kr, k->current, now, sizeof now);
		format_value(k->kr, k->kr->target, target, sizeof target);
		format_value(k->kr, okr_review_remaining(k), left, sizeof left);
		printf("    %s  %s: %s of target %s, %s to go, %s\n", k->kr->key, k->kr->title, now,
		       target, left, k->has_status ? okr_status_name(k->status) : "no value");
		carried++;
	}
	if (carried == 0)
		printf("    none\n");
}

static int review(struct store *st, const char *team, const char *quarter, bool json)
{
	struct okr_review r;
	struct err err = { 0 };
	char first[DATE_ISO_LEN + 1], last[DATE_ISO_LEN + 1];
	int rc = 0;

	if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		if (view_okr_review(st, team, quarter, &w, &err) < 0)
			return cli_fail(&err);
		return gap_json_done(&w);
	}
	if (okr_review_gather(st, team, quarter, &r, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	date_format(r.first, first);
	date_format(r.last, last);
	printf("Quarterly review of %s, %s (%s to %s)\n", team != NULL ? team : "the organisation",
	       r.quarter, first, last);
	if (r.n == 0)
		printf("  no objective ends in this quarter\n");
	for (size_t i = 0; i < r.n; i++)
		print_review_objective(&r.items[i]);
out:
	okr_review_free(&r);
	return rc;
}

int cmd_okr(const struct command *cmd, int argc, char **argv)
{
	const char *db, *team = NULL, *as_of_text = NULL, *quarter = NULL;
	bool json = false;
	const struct option opts[] = {
		{ "--team", NULL, &team, NULL },
		{ "--as-of", NULL, &as_of_text, NULL },
		{ "--json", NULL, NULL, &json },
		{ "--review", NULL, &quarter, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	int npos, rc;
	int32_t as_of = date_today();
	struct store *st = NULL;
	struct err err = { 0 };
	struct okr_view v;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (as_of_text != NULL && date_parse(as_of_text, &as_of) < 0)
		return cli_usage(cmd, "--as-of takes a date YYYY-MM-DD, not '%s'", as_of_text);
	if (quarter != NULL && as_of_text != NULL)
		return cli_usage(cmd, "--review shows a quarter's objectives as of their ends:"
				 " without --as-of");
	if (quarter != NULL && okr_quarter_parse(quarter, &(int32_t){ 0 }, &(int32_t){ 0 }) < 0)
		return cli_usage(cmd, "--review takes a quarter YYYY-Qn, such as 2026-Q3, not '%s'",
				 quarter);
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (quarter != NULL) {
		rc = review(st, team, quarter, json);
		store_close(st);
		return rc;
	}
	if (okr_gather(st, team, as_of, &v, &err) < 0) {
		rc = cli_fail(&err);
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		okr_json(&w, &v);
		rc = gap_json_done(&w);
	} else {
		print_board(&v);
	}
	okr_free(&v);
	store_close(st);
	return rc;
}
