/* quality: a team's month of quality evaluations (docs/methodology.md,
 * "Quality evaluations"): each agent's evaluations against the target,
 * quality score, alignment, alerts and praise; each area's mean and the
 * agents short on it; the group coaching the rule suggests. With --due,
 * the coaches' reminder list: the agents due evaluations. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "cli/table.h"
#include "util/date.h"
#include "views/views.h"

static void format_or_dash(char *out, size_t outsz, double v)
{
	if (isnan(v))
		(void)snprintf(out, outsz, "-");
	else
		(void)snprintf(out, outsz, "%.1f", v);
}

/* The agents short on area r, joined with ", ". */
static void below_names(const struct quality_month *m, size_t r, char *out, size_t outsz)
{
	size_t len = 0;

	out[0] = '\0';
	for (size_t a = 0; a < m->nagents && len + 1 < outsz; a++)
		if (m->agent_area[a * m->nareas + r] < QA_GROUP_PERCENT - 1e-9)
			len += (size_t)snprintf(out + len, outsz - len, "%s%s", len > 0 ? ", " : "",
						m->agents[a]);
}

static void print_month(const struct quality_month *m)
{
	static const char *const agent_headers[] = {
		"AGENT", "EVALUATIONS", "QUALITY", "ALIGNMENT", "ALERTS", "PRAISE", ""
	};
	static const char *const area_headers[] = { "AREA", "MEAN %", "UNDER 70 %" };
	struct table t;
	bool any_group = false;

	printf("%s, %s: target %d evaluation%s per agent\n\n", m->team, m->month, m->target,
	       m->target == 1 ? "" : "s");
	table_init(&t, 7, agent_headers, 0x3E);
	for (size_t a = 0; a < m->nagents; a++) {
		const struct qa_agent_month *x = &m->agent_month[a];
		char n[24], q[32], al[32], alerts[24], praise[24];
		const char *cells[] = { m->agents[a], n, q, al, alerts, praise,
					x->under_target ? "under target" : "" };

		(void)snprintf(n, sizeof n, "%zu", x->evaluations);
		format_or_dash(q, sizeof q, x->quality_score);
		if (isnan(x->alignment))
			(void)snprintf(al, sizeof al, "-");
		else
			(void)snprintf(al, sizeof al, "%.2f", x->alignment);
		(void)snprintf(alerts, sizeof alerts, "%zu", x->alerts);
		(void)snprintf(praise, sizeof praise, "%zu", x->praise);
		(void)table_add(&t, cells);
	}
	if (m->nagents == 0) {
		printf("The team has no active members.\n");
		table_free(&t);
	} else {
		table_print(&t, stdout);
	}
	if (m->nareas == 0) {
		printf("\nNo evaluation in %s.\n", m->month);
		return;
	}
	printf("\n");
	table_init(&t, 3, area_headers, 0x2);
	for (size_t r = 0; r < m->nareas; r++) {
		char mean[32], below[1024];
		const char *cells[] = { m->areas[r], mean, below };

		format_or_dash(mean, sizeof mean, m->area_month[r].mean_percentage);
		below_names(m, r, below, sizeof below);
		(void)table_add(&t, cells);
		any_group |= m->area_month[r].group_coaching;
	}
	table_print(&t, stdout);
	for (size_t r = 0; any_group && r < m->nareas; r++) {
		char below[1024];

		if (!m->area_month[r].group_coaching)
			continue;
		below_names(m, r, below, sizeof below);
		printf("\ngroup coaching on %s: %s (at least %d agents and %d%% of the team under"
		       " %d%%)", m->areas[r], below, QA_GROUP_AGENTS, QA_GROUP_SHARE, QA_GROUP_PERCENT);
	}
	if (any_group)
		printf("\n");
}

static void print_due(const struct quality_month *m)
{
	static const char *const headers[] = { "AGENT", "EVALUATIONS", "MISSING" };
	struct table t;

	if (m->ndue == 0) {
		printf("%s, %s: every agent has the %d evaluation%s of the target.\n", m->team,
		       m->month, m->target, m->target == 1 ? "" : "s");
		return;
	}
	printf("%s, %s: %zu agent%s due evaluations (target %d)\n\n", m->team, m->month, m->ndue,
	       m->ndue == 1 ? "" : "s", m->target);
	table_init(&t, 3, headers, 0x6);
	for (size_t i = 0; i < m->ndue; i++) {
		size_t done = m->agent_month[m->due[i]].evaluations;
		char n[24], missing[24];
		const char *cells[] = { m->agents[m->due[i]], n, missing };

		(void)snprintf(n, sizeof n, "%zu", done);
		(void)snprintf(missing, sizeof missing, "%ld", (long)m->target - (long)done);
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
}

int cmd_quality(const struct command *cmd, int argc, char **argv)
{
	const char *db, *team = NULL, *month = NULL;
	bool json = false, due = false;
	char this_month[16];
	const struct option opts[] = {
		{ "--team", NULL, &team, NULL },
		{ "--month", NULL, &month, NULL },
		{ "--due", NULL, NULL, &due },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	int npos, rc;
	int32_t first, last;
	struct store *st = NULL;
	struct err err = { 0 };
	struct quality_month m;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (team == NULL)
		return cli_usage(cmd, "name the team: --team KEY");
	if (month == NULL) {
		char today[DATE_ISO_LEN + 1];

		date_format(date_today(), today);
		(void)snprintf(this_month, sizeof this_month, "%.7s", today);
		month = this_month;
	}
	if (quality_month_parse(month, &first, &last) < 0)
		return cli_usage(cmd, "--month takes a month YYYY-MM, such as 2026-03, not '%s'", month);
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (quality_gather(st, team, month, NULL, &m, &err) < 0 ||
	    (due && quality_due(st, &m, &err) < 0)) {
		rc = cli_fail(&err);
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		if (due)
			quality_due_json(&w, &m);
		else
			quality_json(&w, &m);
		rc = gap_json_done(&w);
	} else if (due) {
		print_due(&m);
	} else {
		print_month(&m);
	}
	quality_free(&m);
	store_close(st);
	return rc;
}
