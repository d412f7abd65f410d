#include "util/array.h"
#include "cli/load.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

struct grow {
	struct org *org;
	size_t cap;
};

static int add_team(void *ctx, const struct team *t)
{
	struct grow *g = ctx;
	struct org *o = g->org;

	if (array_reserve(&o->teams, &g->cap, o->nteams + 1, sizeof *o->teams) < 0)
		return -1;
	o->teams[o->nteams] = (struct team){
		arena_strdup(&o->arena, t->key), arena_strdup(&o->arena, t->name),
		arena_strdup(&o->arena, t->parent), 0
	};
	if (o->teams[o->nteams].key == NULL || o->teams[o->nteams].name == NULL)
		return -1;
	o->nteams++;
	return 0;
}

static int add_person(void *ctx, const struct person *p)
{
	struct grow *g = ctx;
	struct org *o = g->org;
	struct person *q;

	if (array_reserve(&o->people, &g->cap, o->npeople + 1, sizeof *o->people) < 0)
		return -1;
	q = &o->people[o->npeople++];
	return person_copy(q, p, &o->arena);
}

int org_team_index(const struct org *org, const char *key)
{
	int64_t i;

	return key != NULL && strmap_get(&org->team_index, key, &i) ? (int)i : -1;
}

int org_load(struct store *st, struct org *org, struct err *err)
{
	struct grow g = { org, 0 };
	int rc;

	memset(org, 0, sizeof *org);
	arena_init(&org->arena, SIZE_MAX);
	strmap_init(&org->team_index);
	rc = store_each_team(st, NULL, add_team, &g, err);
	if (rc == 0) {
		g.cap = 0;
		rc = store_each_person(st, NULL, add_person, &g, err);
	}
	if (rc == 0) {
		org->team_parent = calloc(org->nteams + 1, sizeof *org->team_parent);
		org->person_team = calloc(org->npeople + 1, sizeof *org->person_team);
		if (org->team_parent == NULL || org->person_team == NULL)
			rc = 1;
	}
	if (rc != 0) {
		if (rc > 0)
			err_set(err, EX_OSERR, "out of memory");
		org_free(org);
		return -1;
	}
	for (size_t i = 0; i < org->nteams; i++) {
		if (strmap_put(&org->team_index, org->teams[i].key, (int64_t)i) < 0) {
			err_set(err, EX_OSERR, "out of memory");
			org_free(org);
			return -1;
		}
	}
	for (size_t i = 0; i < org->nteams; i++)
		org->team_parent[i] = org_team_index(org, org->teams[i].parent);
	for (size_t i = 0; i < org->npeople; i++)
		org->person_team[i] = org_team_index(org, org->people[i].team);
	return 0;
}

void org_free(struct org *org)
{
	free(org->teams);
	free(org->team_parent);
	free(org->people);
	free(org->person_team);
	strmap_free(&org->team_index);
	arena_free(&org->arena);
	memset(org, 0, sizeof *org);
}
