/* The HTML report's document: the team view, its recommendations, the
 * year's trend and the names it shows, gathered from the store, then
 * written by io/report.c (views/views.h). */
#include "views/views.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/report.h"
#include "views/gather.h"

enum {
	TREND_DAYS = 365     /* the report's trend covers the year before its date */
};

/* The names the report shows besides the analysis' own: its team's, its
 * members' teams', and those of mentors from outside the team. */
struct names {
	struct arena arena;            /* the lists and their names; freed whole */
	struct report_name *teams;     /* nteams; room for one per member and the view's */
	struct report_name *people;    /* npeople; room for one per recommendation and one */
	size_t nteams, npeople;        /* how many of each are filled */
	const char *found;             /* the name the last lookup found */
	bool out_of_memory;            /* the last lookup's name could not be kept */
};

/* Keeps name (the store's, valid only during its callback) as n->found. */
static void keep_found(struct names *n, const char *name)
{
	n->found = arena_strdup(&n->arena, name);
	n->out_of_memory = name != NULL && n->found == NULL;
}

static int found_team(void *ctx, const struct team *t)
{
	keep_found(ctx, t->name);
	return 0;
}

static int found_person(void *ctx, const struct person *p)
{
	keep_found(ctx, p->name);
	return 0;
}

static bool known(const struct report_name *list, size_t n, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(list[i].key, key) == 0)
			return true;
	return false;
}

/* Looks up key (a team, or a person when person is true) and appends its
 * name to the list unless it is there already. 0, or -1 with err set. */
static int add_name(struct store *st, struct names *n, const char *key, bool person,
		    struct err *err)
{
	struct report_name *list = person ? n->people : n->teams;
	size_t *count = person ? &n->npeople : &n->nteams;
	int rc;

	if (key == NULL || known(list, *count, key))
		return 0;
	n->found = NULL;
	n->out_of_memory = false;
	rc = person ? store_each_person(st, key, found_person, n, err)
		: store_each_team(st, key, found_team, n, err);
	if (rc < 0)
		return -1;
	if (n->out_of_memory)
		return err_set(err, EX_OSERR, "out of memory");
	if (n->found == NULL)
		return 0;    /* gone since the snapshot: the key is shown */
	list[(*count)++] = (struct report_name){ key, n->found };
	return 0;
}

/* Looks up the names of in's team, its members' teams and its mentors
 * who are not members, into n and in. 0, or -1 with err set. */
static int look_up_names(struct store *st, struct report_input *in, struct names *n,
			 struct err *err)
{
	const struct analysis *a = in->now;
	const struct recommendations *r = in->rec;

	/* Not capped: the lists are sized by the view, which may hold any
	 * number of members (each may bring a team, each recommendation a
	 * mentor). */
	arena_init(&n->arena, SIZE_MAX);
	n->teams = arena_alloc(&n->arena, (a->nmembers + 1) * sizeof *n->teams);
	n->people = arena_alloc(&n->arena, (r->n + 1) * sizeof *n->people);
	if (n->teams == NULL || n->people == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	if (add_name(st, n, in->team, false, err) < 0)
		return -1;
	for (size_t m = 0; m < a->nmembers; m++)
		if (add_name(st, n, a->members[m].member->team, false, err) < 0)
			return -1;
	for (size_t i = 0; i < r->n; i++) {
		const struct candidate *c = r->items[i].mentor_withheld ? NULL : r->items[i].mentor;
		bool member = false;

		for (size_t m = 0; c != NULL && m < a->nmembers && !member; m++)
			member = strcmp(a->members[m].member->key, c->person) == 0;
		if (c != NULL && !member && add_name(st, n, c->person, true, err) < 0)
			return -1;
	}
	in->team_name = n->nteams > 0 && strcmp(n->teams[0].key, in->team) == 0 ? n->teams[0].name
		: NULL;
	in->teams = n->teams;
	in->nteams = n->nteams;
	in->people = n->people;
	in->npeople = n->npeople;
	return 0;
}

struct view_report {
	struct team_snapshot snap;
	struct analysis a;
	bool analysed;                 /* snap and a hold something to free */
	struct rec_context ctx;
	struct recommendations rec;
	struct trend tr;
	struct names names;
	struct report_input in;
	bool *hidden;                  /* the members the reader may not see */
};

void view_report_free(struct view_report *r)
{
	if (r == NULL)
		return;
	arena_free(&r->names.arena);
	trend_free(&r->tr);
	recommendations_free(&r->rec);
	rec_context_free(&r->ctx);
	if (r->analysed)
		view_analysis_free(&r->snap, &r->a);
	free(r->hidden);
	free(r);
}

int view_report_gather(struct store *st, const char *team, int32_t as_of,
		       const struct view_reader *rd, struct view_report **out, struct err *err)
{
	struct view_report *r = calloc(1, sizeof *r);
	int32_t dates[TREND_POINTS_MAX];
	size_t n;

	*out = NULL;
	if (r == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	arena_init(&r->names.arena, SIZE_MAX);
	if (view_analyse(st, team, NULL, as_of, &r->snap, &r->a, err) < 0) {
		free(r);
		return -1;
	}
	r->analysed = true;
	n = trend_dates(as_of - TREND_DAYS, as_of, dates);
	r->in = (struct report_input){ .team = team, .now = &r->a, .rec = &r->rec, .trend = &r->tr };
	if (gather_recommendations(st, &r->a, team, &r->ctx, &r->rec, err) < 0 ||
	    view_withhold_people(&r->rec, rd, err) < 0 ||
	    view_hidden_members(&r->a, rd, &r->hidden, err) < 0 ||
	    gather_trend(st, team, dates, n, &r->tr, err) < 0 ||
	    look_up_names(st, &r->in, &r->names, err) < 0) {
		view_report_free(r);
		return -1;
	}
	r->in.hidden = r->hidden;
	*out = r;
	return 0;
}

int view_report_write(FILE *out, const struct view_report *r)
{
	return report_write(out, &r->in);
}
