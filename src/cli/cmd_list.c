/* list teams|people|competencies|roles */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util/array.h"
#include "cli/commands.h"
#include "cli/load.h"
#include "cli/table.h"
#include "core/org.h"
#include "io/entities.h"
#include "util/strmap.h"

/* Adds team i and, below it, its sub-teams, indented by depth. */
static void add_team_rows(struct table *t, const struct org *o, const long *direct,
			  const long *total, int i, int depth)
{
	char key[256], d[24], all[24];
	const char *cells[4] = { key, o->teams[i].name, d, all };

	(void)snprintf(key, sizeof key, "%*s%s", 2 * depth, "", o->teams[i].key);
	(void)snprintf(d, sizeof d, "%ld", direct[i]);
	(void)snprintf(all, sizeof all, "%ld", total[i]);
	(void)table_add(t, cells);
	for (size_t c = 0; c < o->nteams; c++)
		if (o->team_parent[c] == i && depth < 64)
			add_team_rows(t, o, direct, total, (int)c, depth + 1);
}

static int list_teams(const struct org *o)
{
	static const char *const headers[] = { "TEAM", "NAME", "MEMBERS", "WITH SUB-TEAMS" };
	long *direct = calloc(o->nteams + 1, sizeof *direct);
	long *total = calloc(o->nteams + 1, sizeof *total);
	bool *in = calloc(o->nteams + 1, sizeof *in);
	struct table t;

	if (direct == NULL || total == NULL || in == NULL) {
		free(direct);
		free(total);
		free(in);
		fprintf(stderr, "compgap: out of memory\n");
		return EX_OSERR;
	}
	for (size_t p = 0; p < o->npeople; p++)
		if (o->person_team[p] >= 0 && o->people[p].active)
			direct[o->person_team[p]]++;
	for (size_t i = 0; i < o->nteams; i++) {
		org_subtree(o->team_parent, o->nteams, (int)i, in);
		for (size_t k = 0; k < o->nteams; k++)
			if (in[k])
				total[i] += direct[k];
	}
	table_init(&t, 4, headers, 0xC);
	for (size_t i = 0; i < o->nteams; i++)
		if (o->team_parent[i] < 0)
			add_team_rows(&t, o, direct, total, (int)i, 0);
	if (o->nteams == 0) {
		printf("no teams yet; import them with 'compgap import teams FILE'\n");
		table_free(&t);
	} else {
		table_print(&t, stdout);
	}
	free(direct);
	free(total);
	free(in);
	return 0;
}

static int list_people(struct store *st, const struct org *o, const char *team)
{
	static const char *const headers[] = { "ID", "NAME", "TEAM", "ROLE", "MANAGER", "ACTIVE" };
	int root = -1;
	bool *in = NULL;
	struct table t;
	size_t shown = 0;

	if (team != NULL) {
		root = org_team_index(o, team);
		if (root < 0) {
			struct err err = { 0 };

			(void)store_unknown_key(st, ENTITY_TEAM, team, &err);
			return cli_fail(&err);
		}
		in = calloc(o->nteams, sizeof *in);
		if (in == NULL)
			return EX_OSERR;
		org_subtree(o->team_parent, o->nteams, root, in);
	}
	table_init(&t, 6, headers, 0);
	for (size_t p = 0; p < o->npeople; p++) {
		const struct person *x = &o->people[p];
		const char *cells[] = { x->key, x->name, x->team, x->role, x->manager,
					x->active ? "yes" : "no" };

		if (in != NULL && (o->person_team[p] < 0 || !in[o->person_team[p]]))
			continue;
		(void)table_add(&t, cells);
		shown++;
	}
	if (shown == 0) {
		printf("no people%s%s yet\n", team ? " in " : "", team ? team : "");
		table_free(&t);
	} else {
		table_print(&t, stdout);
	}
	free(in);
	return 0;
}

/* Competencies with how many indicators and level descriptors each has. */
struct competency_list {
	struct table t;
	struct strmap row;     /* competency key -> table row */
	int (*counts)[2];      /* per row: indicators, level descriptors */
	size_t cap;
};

static int competency_line(void *ctx, const struct competency *c)
{
	struct competency_list *l = ctx;
	const char *cells[] = { c->key, c->name, c->category, developability_name(c->developability),
				"", "" };

	if (array_reserve(&l->counts, &l->cap, l->t.nrows + 1, sizeof *l->counts) < 0)
		return -1;
	l->counts[l->t.nrows][0] = l->counts[l->t.nrows][1] = 0;
	if (strmap_put(&l->row, c->key, (int64_t)l->t.nrows) < 0)
		return -1;
	return table_add(&l->t, cells);
}

static int count_indicator(void *ctx, const struct indicator *i)
{
	struct competency_list *l = ctx;
	int64_t r;

	if (strmap_get(&l->row, i->competency, &r))
		l->counts[r][i->level > 0]++;
	return 0;
}

static int list_competencies(struct store *st, struct err *err)
{
	static const char *const headers[] = {
		"COMPETENCY", "NAME", "CATEGORY", "DEVELOPABILITY", "INDICATORS", "LEVELS"
	};
	struct competency_list l = { 0 };
	int rc;

	strmap_init(&l.row);
	table_init(&l.t, 6, headers, 0x30);
	rc = store_each_competency(st, NULL, competency_line, &l, err);
	if (rc == 0)
		rc = store_each_indicator(st, NULL, count_indicator, &l, err);
	for (size_t r = 0; rc == 0 && r < l.t.nrows; r++) {
		char n[2][16];

		for (int k = 0; k < 2; k++) {
			(void)snprintf(n[k], sizeof n[k], "%d", l.counts[r][k]);
			l.t.cells[r * l.t.ncols + 4 + k] = arena_strdup(&l.t.arena, n[k]);
		}
	}
	if (rc == 0 && l.t.nrows == 0)
		printf("no competencies yet; import them with 'compgap import competencies FILE'\n");
	else if (rc == 0)
		table_print(&l.t, stdout);
	table_free(&l.t);
	free(l.counts);
	strmap_free(&l.row);
	if (rc != 0)
		return rc < 0 ? cli_fail(err) : EX_OSERR;
	return 0;
}

struct role_list {
	struct table t;
	const struct org *org;
	char *current_copy;     /* the role whose rows are being added */
};

static int requirement_line(void *ctx, const struct requirement *r)
{
	struct role_list *l = ctx;
	char level[16], weight[16], people[24] = "";
	const char *cells[] = { "", r->competency, level, weight, people };

	if (l->current_copy == NULL || strcmp(l->current_copy, r->role) != 0) {
		long n = 0;

		for (size_t p = 0; p < l->org->npeople; p++)
			if (l->org->people[p].active && l->org->people[p].role != NULL &&
			    strcmp(l->org->people[p].role, r->role) == 0)
				n++;
		free(l->current_copy);
		l->current_copy = strdup(r->role);
		if (l->current_copy == NULL)
			return -1;
		cells[0] = r->role;
		(void)snprintf(people, sizeof people, "%ld", n);
	}
	(void)snprintf(level, sizeof level, "%d", r->required_level);
	(void)snprintf(weight, sizeof weight, "%d", r->weight);
	return table_add(&l->t, cells);
}

static int list_roles(struct store *st, const struct org *o, struct err *err)
{
	static const char *const headers[] = { "ROLE", "COMPETENCY", "REQUIRED", "WEIGHT", "PEOPLE" };
	struct role_list l = { .org = o };
	int rc;

	table_init(&l.t, 5, headers, 0x1C);
	rc = store_each_requirement(st, NULL, requirement_line, &l, err);
	free(l.current_copy);
	if (rc != 0) {
		table_free(&l.t);
		return rc < 0 ? cli_fail(err) : EX_OSERR;
	}
	if (l.t.nrows == 0)
		printf("no roles yet; import them with 'compgap import roles FILE'\n");
	else
		table_print(&l.t, stdout);
	table_free(&l.t);
	return 0;
}

/* The page as the API's JSON document (io/entities.h), on standard
 * output: one code path for both. */
static int list_json(const struct command *cmd, struct store *st, const char *what,
		     const char *team, const char *limit, const char *cursor)
{
	static const char *const kinds[] = { "teams", "people", "competencies", "roles" };
	struct page_query q = { cursor, STORE_PAGE_MAX, team, PEOPLE_ALL };
	struct err err = { 0 };
	struct jw w;
	enum entity kind = ENTITY_TEAM;
	char *end;
	long n;

	for (int k = 0; k < 4; k++)
		if (strcmp(what, kinds[k]) == 0)
			kind = (enum entity)k;
	if (limit != NULL) {
		n = strtol(limit, &end, 10);
		if (end == limit || *end != '\0' || n < 1 || n > STORE_PAGE_MAX)
			return cli_usage(cmd, "--limit '%s' is not a number from 1 to %d", limit,
					 STORE_PAGE_MAX);
		q.limit = (size_t)n;
	}
	jw_init(&w, stdout, 0);
	if (entities_json_page(&w, st, kind, &q, &err) < 0)
		return cli_fail(&err);    /* nothing was flushed yet */
	if (jw_finish(&w) < 0) {
		fprintf(stderr, "compgap: cannot write the JSON document to standard output\n");
		return EX_IOERR;
	}
	return 0;
}

int cmd_list(const struct command *cmd, int argc, char **argv)
{
	const char *db, *team = NULL, *limit = NULL, *cursor = NULL;
	bool json = false;
	const struct option opts[] = {
		{ "--team", NULL, &team, NULL },
		{ "--json", NULL, NULL, &json },
		{ "--limit", NULL, &limit, NULL },
		{ "--cursor", NULL, &cursor, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	int npos, rc;
	struct store *st = NULL;
	struct err err = { 0 };
	struct org org;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 1, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (npos != 1)
		return cli_usage(cmd, "say what to list: teams, people, competencies or roles");
	if (strcmp(pos[0], "teams") != 0 && strcmp(pos[0], "people") != 0 &&
	    strcmp(pos[0], "competencies") != 0 && strcmp(pos[0], "roles") != 0) {
		static const char *const kinds[] = { "teams", "people", "competencies", "roles" };
		const char *near = cli_closest(pos[0], kinds, 4);

		if (near != NULL)
			return cli_usage(cmd, "cannot list '%s'; did you mean '%s'?", pos[0], near);
		return cli_usage(cmd, "cannot list '%s'; list teams, people, competencies or roles",
				 pos[0]);
	}
	if (!json && (limit != NULL || cursor != NULL))
		return cli_usage(cmd, "--limit and --cursor go with --json");
	if (team != NULL && strcmp(pos[0], "people") != 0 &&
	    !(json && strcmp(pos[0], "teams") == 0))
		return cli_usage(cmd, "--team goes with 'list people' (and 'list teams --json')");
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (json) {
		rc = list_json(cmd, st, pos[0], team, limit, cursor);
	} else if (strcmp(pos[0], "competencies") == 0) {
		rc = list_competencies(st, &err);
	} else if (org_load(st, &org, &err) < 0) {
		rc = cli_fail(&err);
	} else {
		if (strcmp(pos[0], "teams") == 0)
			rc = list_teams(&org);
		else if (strcmp(pos[0], "people") == 0)
			rc = list_people(st, &org, team);
		else
			rc = list_roles(st, &org, &err);
		org_free(&org);
	}
	store_close(st);
	return rc;
}
