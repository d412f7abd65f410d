/* trend: a team's coverage and mean gap per competency at the end of each
 * month of a range, so that progress shows and an objective's baseline can
 * be read off for its start date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "views/gather.h"
#include "cli/table.h"
#include "util/date.h"
#include "util/percent.h"

/* Competencies as rows, months as columns: coverage and mean gap. */
static void trend_table(const struct gap_options *o, const struct trend *tr)
{
	size_t n = tr->n;
	const struct analysis *last = &tr->points[n - 1];
	size_t first = n > TABLE_COLS_MAX - 1 ? n - (TABLE_COLS_MAX - 1) : 0;
	const char *headers[TABLE_COLS_MAX];
	char dates[TABLE_COLS_MAX][DATE_ISO_LEN + 1];
	struct table t;

	headers[0] = "COMPETENCY";
	for (size_t i = first; i < n; i++) {
		date_format(tr->points[i].as_of, dates[i - first]);
		headers[1 + i - first] = dates[i - first];
	}
	if (first > 0)
		printf("(the last %zu of %zu months; --json has them all)\n", n - first, n);
	printf("coverage, and mean gap in brackets\n\n");
	table_init(&t, 1 + n - first, headers, ~1u);
	for (size_t k = 0; k < last->ncompetencies; k++) {
		const char *c = last->competencies[k].competency;
		char cells[TABLE_COLS_MAX][32];
		const char *row[TABLE_COLS_MAX];

		if (o->competency != NULL && strcmp(o->competency, c) != 0)
			continue;
		row[0] = c;
		for (size_t i = first; i < n; i++) {
			const struct team_line *l = analysis_competency(&tr->points[i], c);

			if (l == NULL)
				(void)snprintf(cells[i - first], sizeof cells[0], "-");
			else if (l->has_mean_gap)
				(void)snprintf(cells[i - first], sizeof cells[0], "%ld%% (%.2f)",
					       percent_round(l->coverage), l->mean_gap);
			else
				(void)snprintf(cells[i - first], sizeof cells[0], "%ld%% (?)",
					       percent_round(l->coverage));
			row[1 + i - first] = cells[i - first];
		}
		(void)table_add(&t, row);
	}
	table_print(&t, stdout);
}

int cmd_trend(const struct command *cmd, int argc, char **argv)
{
	struct gap_options o;
	int32_t dates[TREND_POINTS_MAX];
	struct trend tr = { 0 };
	struct store *st = NULL;
	struct err err = { 0 };
	int rc;

	rc = gap_options_parse(cmd, argc, argv, GAPOPT_TEAM | GAPOPT_RANGE, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (o.json)
		return gap_json_view(&o, GAP_VIEW_TREND);
	rc = cli_open_store(o.db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (o.competency != NULL && store_require_key(st, ENTITY_COMPETENCY, o.competency, &err) < 0)
		rc = cli_fail(&err);
	else if (gather_trend(st, o.team, dates, trend_dates(o.from, o.to, dates), &tr, &err) < 0)
		rc = cli_fail(&err);
	else
		trend_table(&o, &tr);
	trend_free(&tr);
	store_close(st);
	return rc;
}
