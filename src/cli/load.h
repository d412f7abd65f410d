/* Loads what the listing commands show into plain arrays (copies in an
 * arena), so that the commands can sort, count and nest without SQL. */
#ifndef COMPGAP_LOAD_H
#define COMPGAP_LOAD_H

#include "core/model.h"
#include "store/store.h"
#include "util/arena.h"
#include "util/strmap.h"

struct org {
	struct team *teams;      /* in store order */
	int *team_parent;        /* index of each team's parent, -1 for a root */
	size_t nteams;
	struct person *people;   /* in store order */
	int *person_team;        /* index of each person's team, -1 for none */
	size_t npeople;
	struct strmap team_index;/* team key -> index */
	struct arena arena;      /* owns everything above */
};

/* Loads every team and person. Returns 0, or -1 with err set. */
int org_load(struct store *st, struct org *org, struct err *err);

/* The index of the team with key, or -1. */
int org_team_index(const struct org *org, const char *key);

/* Frees what org_load loaded. */
void org_free(struct org *org);

#endif
