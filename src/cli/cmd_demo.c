/* demo: the demo organisation and a summary of it. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/accounts_cli.h"
#include "cli/commands.h"
#include "demo/demo.h"
#include "demo/demo_users.h"
#include "demo/generate.h"

/* The demo users, and how to sign in as each. */
static int add_users(struct store *st)
{
	struct auth_actor by;
	struct err err = { 0 };
	char actor[128];

	cli_actor(&by, actor, sizeof actor);
	if (demo_add_users(st, &by, &err) < 0)
		return cli_fail(&err);
	printf("\nUsers of every role, all with the password '%s' (a demo's, never\n"
	       "for real data):\n", DEMO_PASSWORD);
	for (size_t i = 0; i < demo_user_count; i++)
		printf("  %-9s %s\n", demo_users[i].name, demo_users[i].what);
	return 0;
}

int cmd_demo(const struct command *cmd, int argc, char **argv)
{
	const char *db;
	char *pos[1];
	int npos, rc;
	struct store *st = NULL;
	struct err err = { 0 };
	struct demo_summary sum;
	bool users = false;
	const struct option opts[] = {
		{ "--users", NULL, NULL, &users },
		{ NULL, NULL, NULL, NULL },
	};

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	rc = cli_open_store(db, STORE_CREATE, &st);
	if (rc != 0)
		return rc;
	if (demo_create(st, &sum, &err) < 0) {
		store_close(st);
		return cli_fail(&err);
	}
	printf("Created the demo organisation in %s: the customer-contact centre of the\n"
	       "municipality of Lindeborg, evidence from %s to %s.\n\n", store_describe(st),
	       DEMO_FIRST_DAY, DEMO_LAST_DAY);
	printf("  teams          %ld (a department with four teams)\n", sum.teams);
	printf("  people         %ld (%ld without any evidence yet)\n", sum.people, sum.unassessed);
	printf("  competencies   %ld, with %ld indicators and level descriptors\n", sum.competencies,
	       sum.indicators);
	printf("  roles          %ld function profiles, %ld required competencies\n", sum.roles,
	       sum.requirements);
	printf("  evidence       %ld rows:", sum.evidence);
	for (int s = 0; s < SOURCE_COUNT; s++)
		printf(" %s %ld%s", source_name((enum source)s), sum.by_source[s],
		       s + 1 < SOURCE_COUNT ? "," : "\n");
	printf("  evaluations    %ld of customer contacts on %ld scorecards: manager %ld, peer %ld,\n"
	       "                 self %ld, calibration %ld in %ld sessions\n", sum.evaluations,
	       sum.scorecards, sum.by_kind[EVAL_MANAGER], sum.by_kind[EVAL_PEER],
	       sum.by_kind[EVAL_SELF], sum.by_kind[EVAL_CALIBRATION], sum.sessions);
	printf("  coaching       %ld sessions (%ld group sessions), %ld development items,\n"
	       "                 %ld follow-ups\n", sum.coaching, sum.coaching_group,
	       sum.coaching_items, sum.coaching_followups);
	printf("  plans          %ld actions:", sum.plan_actions);
	for (int s = 0; s < PLAN_STATUS_COUNT; s++)
		printf(" %s %ld%s", plan_status_name((enum plan_status)s), sum.plan_by_status[s],
		       s + 1 < PLAN_STATUS_COUNT ? "," : "\n");
	printf("  OKRs           %ld objectives with %ld key results, %ld check-ins\n",
	       sum.objectives, sum.key_results, sum.checkins);
	if (users && (rc = add_users(st)) != 0) {
		store_close(st);
		return rc;
	}
	store_close(st);
	return 0;
}

int cmd_generate(const struct command *cmd, int argc, char **argv)
{
	const char *db, *people_text = NULL, *seed_text = "1";
	const struct option opts[] = {
		{ "--people", NULL, &people_text, NULL },
		{ "--seed", NULL, &seed_text, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1], *end;
	int npos, rc;
	long people;
	unsigned long long seed;
	struct store *st = NULL;
	struct err err = { 0 };
	struct generate_summary sum;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (people_text == NULL)
		return cli_usage(cmd, "say how many people with --people N");
	errno = 0;
	people = strtol(people_text, &end, 10);
	if (errno != 0 || *end != '\0' || people < 1 || people > 10000000)
		return cli_usage(cmd, "--people takes a whole number from 1 to 10000000");
	errno = 0;
	seed = strtoull(seed_text, &end, 10);
	if (errno != 0 || *end != '\0' || end == seed_text)
		return cli_usage(cmd, "--seed takes a whole number");
	rc = cli_open_store(db, STORE_CREATE, &st);
	if (rc != 0)
		return rc;
	if (generate_create(st, people, seed, &sum, &err) < 0) {
		store_close(st);
		return cli_fail(&err);
	}
	printf("generated %ld people in %ld teams, %ld competencies and %ld evidence rows into %s "
	       "(the root team is 'org')\n", sum.people, sum.teams, sum.competencies, sum.evidence,
	       store_describe(st));
	store_close(st);
	return 0;
}
