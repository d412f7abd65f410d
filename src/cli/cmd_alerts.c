/* alerts: the auto-failed evaluations and the praise of the last days
 * (docs/methodology.md, "Alerts"): the same document as GET
 * /api/v1/alerts. The command line sees every agent, as admin does. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "cli/table.h"
#include "util/date.h"
#include "views/alerts.h"

static void print_alerts(const struct alert_list *l)
{
	static const char *const headers[] = { "DATE", "KIND", "AGENT", "TEAM", "EVALUATION",
					       "SCORE", "CRITICAL AREAS" };
	char since[DATE_ISO_LEN + 1];
	struct table t;

	date_format(l->since, since);
	if (l->n == 0) {
		printf("no alerts or praise since %s%s%s\n", since, l->team ? " in team " : "",
		       l->team ? l->team : "");
		return;
	}
	table_init(&t, 7, headers, 0x20);
	for (size_t i = 0; i < l->n; i++) {
		const struct alert *a = &l->items[i];
		char date[DATE_ISO_LEN + 1], score[32], areas[1024] = "";
		size_t n = 0;
		const char *cells[] = { date, a->kind, a->agent, a->team, a->evaluation, score, areas };

		date_format(a->date, date);
		(void)snprintf(score, sizeof score, "%.1f", a->score);
		for (size_t k = 0; k < a->ncritical && n + 1 < sizeof areas; k++)
			n += (size_t)snprintf(areas + n, sizeof areas - n, "%s%s", k ? ", " : "",
					      a->critical[k]);
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
}

int cmd_alerts(const struct command *cmd, int argc, char **argv)
{
	const char *db, *team = NULL, *since = NULL;
	bool json = false;
	const struct option opts[] = {
		{ "--team", NULL, &team, NULL },
		{ "--since", NULL, &since, NULL },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	struct alert_filter f = { .until = INT32_MAX };
	struct store *st = NULL;
	struct err err = { 0 };
	struct alert_list l;
	char *pos[1];
	int npos, rc;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	f.since = date_today() - ALERTS_DAYS_DEFAULT;
	if (since != NULL && date_parse(since, &f.since) < 0)
		return cli_usage(cmd, "--since takes a date YYYY-MM-DD that exists, not '%s'", since);
	f.team = team;
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (alerts_gather(st, &f, NULL, &l, &err) < 0) {
		rc = cli_fail(&err);
	} else if (json) {
		static struct jw w;

		jw_init(&w, stdout, 0);
		alerts_json(&w, &l);
		rc = gap_json_done(&w);
	} else {
		print_alerts(&l);
	}
	alerts_free(&l);
	store_close(st);
	return rc;
}
