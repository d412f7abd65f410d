/* calibration: a team's month of calibration (docs/methodology.md,
 * "Calibration"): each agent's and evaluator's mean alignment, the areas
 * where the views of one contact differ most, and the calibration
 * sessions with each evaluator's alignment to the agreed score. */
#include <math.h>
#include <stdio.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "cli/table.h"
#include "views/calibration.h"

static void format_alignment(char *out, size_t outsz, double v)
{
	if (isnan(v))
		(void)snprintf(out, outsz, "-");
	else
		(void)snprintf(out, outsz, "%.3f", v);
}

/* One table of means: agents or evaluators. */
static void print_means(const char *header, const char *const *keys, size_t n,
			const struct cal_mean *means)
{
	const char *headers[] = { header, "PAIRS", "ALIGNMENT" };
	struct table t;

	table_init(&t, 3, headers, 0x6);
	for (size_t i = 0; i < n; i++) {
		char pairs[24], al[32];
		const char *cells[] = { keys[i], pairs, al };

		(void)snprintf(pairs, sizeof pairs, "%zu", means[i].pairs);
		format_alignment(al, sizeof al, means[i].alignment);
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
}

static void print_sessions(const struct calibration_month *m)
{
	for (size_t i = 0; i < m->npairs; i++) {
		const struct cal_pair *p = &m->pairs[i];
		const struct calibration_eval *e = &m->evals[p->first];
		char al[32];

		if (p->kind != CAL_PAIR_SESSION)
			continue;
		if (i == 0 || m->pairs[i - 1].kind != CAL_PAIR_SESSION ||
		    m->views[m->pairs[i - 1].first].agent != m->views[p->first].agent ||
		    m->views[m->pairs[i - 1].first].contact != m->views[p->first].contact) {
			if (p->second == CAL_NONE)
				printf("\nsession on contact %s of %s: no manager evaluation of it to agree"
				       " with\n", e->contact, m->agents[m->views[p->first].agent]);
			else
				printf("\nsession on contact %s of %s: agreed score %s (%s)\n", e->contact,
				       m->agents[m->views[p->first].agent], m->evals[p->second].key,
				       m->evals[p->second].evaluator != NULL ?
				       m->evals[p->second].evaluator : "erased");
		}
		format_alignment(al, sizeof al, p->alignment);
		printf("  %-20s %-12s alignment %s\n", e->key,
		       e->evaluator != NULL ? e->evaluator : "(erased)", al);
	}
}

static void print_month(const struct calibration_month *m)
{
	static const char *const area_headers[] = { "AREA", "PAIRS", "MEAN DIFFERENCE" };
	struct table t;

	printf("%s, %s: calibration\n\n", m->team, m->month);
	if (m->nagents == 0)
		printf("The team has no active members.\n");
	else
		print_means("AGENT", m->agents, m->nagents, m->agent_mean);
	if (m->nviews == 0) {
		printf("\nNo evaluation in %s.\n", m->month);
		return;
	}
	if (m->nevaluators > 0) {
		printf("\n");
		print_means("EVALUATOR", m->evaluators, m->nevaluators, m->evaluator_mean);
	}
	printf("\nwhere the views differ most (percentage points):\n");
	table_init(&t, 3, area_headers, 0x6);
	for (size_t k = 0; k < m->nareas; k++) {
		size_t r = m->area_order[k];
		char pairs[24], diff[32];
		const char *cells[] = { m->areas[r], pairs, diff };

		(void)snprintf(pairs, sizeof pairs, "%zu", m->area_diff[r].pairs);
		if (isnan(m->area_diff[r].mean_difference))
			(void)snprintf(diff, sizeof diff, "-");
		else
			(void)snprintf(diff, sizeof diff, "%.1f", m->area_diff[r].mean_difference);
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
	print_sessions(m);
}

int cmd_calibration(const struct command *cmd, int argc, char **argv)
{
	const char *db, *team = NULL, *month = NULL;
	bool json = false;
	const struct option opts[] = {
		{ "--team", NULL, &team, NULL },
		{ "--month", NULL, &month, NULL },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	int npos, rc;
	int32_t first, last;
	struct store *st = NULL;
	struct err err = { 0 };
	struct calibration_month m;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (team == NULL || month == NULL)
		return cli_usage(cmd, "name both --team KEY and --month YYYY-MM");
	if (quality_month_parse(month, &first, &last) < 0)
		return cli_usage(cmd, "--month takes a month YYYY-MM, such as 2026-03, not '%s'", month);
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (calibration_gather(st, team, month, NULL, &m, &err) < 0) {
		rc = cli_fail(&err);
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		calibration_json(&w, &m);
		rc = gap_json_done(&w);
	} else {
		print_month(&m);
	}
	calibration_free(&m);
	store_close(st);
	return rc;
}
