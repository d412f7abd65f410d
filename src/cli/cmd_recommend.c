/* recommend: what to do about a team's gaps, with the rule behind each. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "views/gather.h"
#include "core/recommend.h"
#include "util/date.h"

/* The widest of the labels in a column, and two spaces: every label fits
 * (cross_train is the widest kind), and what follows lines up. */
static int kind_column(void)
{
	size_t w = 0;

	for (int k = 0; k < REC_KIND_COUNT; k++)
		if (strlen(rec_kind_name(k)) > w)
			w = strlen(rec_kind_name(k));
	return (int)w + 2;
}

/* The team column, when the items are for more than one team (a
 * department); 0 when they are all for one. */
static int team_column(const struct recommendations *r)
{
	size_t w = 0;
	bool several = false;

	for (size_t i = 0; i < r->n; i++) {
		const char *t = rec_team_label(r->items[i].team);

		if (strlen(t) > w)
			w = strlen(t);
		several |= strcmp(t, rec_team_label(r->items[0].team)) != 0;
	}
	return several ? (int)w + 2 : 0;
}

static void print_text(const struct recommendations *r, const struct analysis *a, const char *team)
{
	char date[DATE_ISO_LEN + 1];
	const char *current = NULL;
	int kw = kind_column(), tw = team_column(r);

	date_format(a->as_of, date);
	printf("Recommendations for %s, as of %s\n", team, date);
	if (r->n == 0)
		printf("\nNone: every member meets every required competency, or falls short by less than the gap threshold.\n");
	for (size_t i = 0; i < r->n; i++) {
		const struct recommendation *it = &r->items[i];

		if (current == NULL || strcmp(current, it->competency) != 0) {
			current = it->competency;
			printf("\n%s\n", current);
		}
		printf("  %-*s%-*s", kw, rec_kind_name(it->kind), tw,
		       tw == 0 ? "" : rec_team_label(it->team));
		if (it->kind == REC_MENTOR)
			printf("%s mentors ", it->mentor->person);
		if (it->kind == REC_CROSS_TRAIN)
			printf("from %s to ", it->key_person);
		for (size_t m = 0; m < it->nmembers; m++) {
			const struct rec_member *x = &it->members[m];
			const char *ap = approach_name(x->approach);

			printf("%s%s", m ? ", " : "", x->person);
			if (x->has_gap && it->kind != REC_CROSS_TRAIN)
				printf(" (gap %.2f%s%s)", x->gap, ap && it->kind <= REC_INDIVIDUAL ? ", " : "",
				       ap && it->kind <= REC_INDIVIDUAL ? ap : "");
		}
		printf("\n  %-*s%s\n", kw + tw, "", it->rule);
	}
}

int cmd_recommend(const struct command *cmd, int argc, char **argv)
{
	struct gap_options o;
	int rc;
	struct store *st = NULL;
	struct err err = { 0 };
	struct team_snapshot snap;
	struct analysis a;
	struct rec_context ctx;
	struct recommendations rec = { 0 };

	rc = gap_options_parse(cmd, argc, argv, GAPOPT_TEAM, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (o.json)
		return gap_json_view(&o, GAP_VIEW_RECOMMENDATIONS);
	rc = gap_options_open(&o, &st, &snap, &a, &err);
	if (rc != 0)
		return rc;
	if (gather_recommendations(st, &a, o.team, &ctx, &rec, &err) < 0)
		rc = cli_fail(&err);
	else
		print_text(&rec, &a, o.team);
	recommendations_free(&rec);
	rec_context_free(&ctx);
	gap_options_close(st, &snap, &a);
	return rc;
}
