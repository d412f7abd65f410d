/* recommend: what to do about a team's gaps, with the rule behind each. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/gapopts.h"
#include "core/recommend.h"
#include "io/json.h"
#include "util/array.h"
#include "util/date.h"

/* The possible mentors on one competency, read from the store. */
struct candidates {
	struct candidate *items;
	size_t n, cap;
	struct arena *arena;
	const struct settings *set;
	int32_t as_of;
};

static int add_candidate(void *ctx, const char *person, const char *team,
			 const struct evidence_sums *s)
{
	struct candidates *c = ctx;
	struct estimate e;
	struct candidate *x;

	estimate_from_sums(s, c->set, c->as_of, &e);
	if (!e.assessed)
		return 0;
	if (array_reserve(&c->items, &c->cap, c->n + 1, sizeof *c->items) < 0)
		return -1;
	x = &c->items[c->n];
	x->person = arena_strdup(c->arena, person);
	x->team = arena_strdup(c->arena, team);
	x->level = e.level;
	x->confidence = e.confidence;
	if (x->person == NULL || (team != NULL && x->team == NULL))
		return -1;
	c->n++;
	return 0;
}

static int keep_developability(void *ctx, const struct competency *c)
{
	*(enum developability *)ctx = c->developability;
	return 0;
}

/* Whether any member falls short on competency k by the gap threshold:
 * only then are mentors looked for. */
static bool has_gaps(const struct analysis *a, const char *competency, const struct settings *set)
{
	for (size_t i = 0; i < a->nlines; i++)
		if (strcmp(a->lines[i].competency, competency) == 0 && a->lines[i].est.assessed &&
		    a->lines[i].gap >= set->gap_threshold)
			return true;
	return false;
}

static void print_text(const struct recommendations *r, const struct analysis *a, const char *team)
{
	char date[DATE_ISO_LEN + 1];
	const char *current = NULL;

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
		printf("  %-12s", rec_kind_name(it->kind));
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
		printf("\n  %-12s%s\n", "", it->rule);
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
	struct rec_input *in = NULL;
	struct candidates *cands = NULL;
	struct recommendations rec = { 0 };
	struct arena arena;

	rc = gap_options_parse(cmd, argc, argv, GAPOPT_TEAM, &o);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	rc = gap_options_open(&o, &st, &snap, &a, &err);
	if (rc != 0)
		return rc;
	arena_init(&arena, SIZE_MAX);
	in = calloc(a.ncompetencies + 1, sizeof *in);
	cands = calloc(a.ncompetencies + 1, sizeof *cands);
	if (in == NULL || cands == NULL) {
		err_set(&err, EX_OSERR, "out of memory");
		goto fail;
	}
	for (size_t k = 0; k < a.ncompetencies; k++) {
		const char *c = a.competencies[k].competency;

		if (store_each_competency(st, c, keep_developability, &in[k].developability, &err) != 0)
			goto fail;
		cands[k] = (struct candidates){ .arena = &arena, .set = store_settings(st), .as_of = o.as_of };
		if (has_gaps(&a, c, store_settings(st)) &&
		    store_each_competency_sums(st, c, o.as_of, add_candidate, &cands[k], &err) != 0) {
			if (err.msg[0] == '\0')
				err_set(&err, EX_OSERR, "out of memory");
			goto fail;
		}
		in[k].candidates = cands[k].items;
		in[k].ncandidates = cands[k].n;
	}
	if (recommend(&a, o.team, in, store_settings(st), &rec) < 0) {
		err_set(&err, EX_OSERR, "out of memory");
		goto fail;
	}
	if (o.json)
		rc = gap_print_json(json_recommendations(&rec, o.team, o.as_of));
	else
		print_text(&rec, &a, o.team);
	goto out;
fail:
	rc = cli_fail(&err);
out:
	recommendations_free(&rec);
	for (size_t k = 0; cands != NULL && k < a.ncompetencies; k++)
		free(cands[k].items);
	free(cands);
	free(in);
	arena_free(&arena);
	gap_options_close(st, &snap, &a);
	return rc;
}
