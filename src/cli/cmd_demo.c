/* demo: the demo organisation and a summary of it. */
#include <stdio.h>

#include "cli/commands.h"
#include "demo/demo.h"

int cmd_demo(const struct command *cmd, int argc, char **argv)
{
	const char *db;
	char *pos[1];
	int npos, rc;
	struct store *st = NULL;
	struct err err = { 0 };
	struct demo_summary sum;

	rc = cli_parse(cmd, argc, argv, NULL, &db, pos, 0, &npos);
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
	store_close(st);
	return 0;
}
