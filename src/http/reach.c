/* What each role may see (docs/security.md, "Roles"): the reach hook of
 * a server with accounts. Every object of every request is checked here
 * on the server; one out of reach answers 404, exactly as one that does
 * not exist.
 *   admin, hr   everyone and every team;
 *   manager     themselves and their reporting line (direct and indirect
 *               reports through `manager`), and the teams those people are
 *               in;
 *   coach       the people of their teams and those teams' sub-teams, and
 *               those teams;
 *   employee    themselves only, no team. */
#include <string.h>
#include <sysexits.h>

#include "http/reach.h"
#include "util/arena.h"

/* Longest chain of managers or parent teams followed: the import refuses
 * cycles, this only bounds a damaged database. */
enum { CHAIN_MAX = 1000 };

static bool is_coach_team(const struct http_caller *c, const char *team)
{
	for (size_t i = 0; i < c->nteams; i++)
		if (strcmp(c->teams[i], team) == 0)
			return true;
	return false;
}

/* Whether team is one of the coach's teams or below one. */
static int within_coach_teams(struct store *st, const struct http_caller *c, const char *team,
			      struct arena *a, struct err *err)
{
	for (int step = 0; team != NULL && step < CHAIN_MAX; step++) {
		struct team t;
		int rc;

		if (is_coach_team(c, team))
			return 1;
		rc = store_get_team(st, team, &t, a, err);
		if (rc <= 0)
			return rc;
		team = t.parent;
	}
	return 0;
}

/* Whether person is the manager themselves or reports to them, directly
 * or not. */
static int in_reporting_line(struct store *st, const struct http_caller *c, const char *person,
			     struct arena *a, struct err *err)
{
	for (int step = 0; person != NULL && step < CHAIN_MAX; step++) {
		struct person p;
		int rc;

		if (c->person[0] != '\0' && strcmp(person, c->person) == 0)
			return 1;
		rc = store_get_person(st, person, &p, a, err);
		if (rc <= 0)
			return rc;
		person = p.manager;
	}
	return 0;
}

struct line_member {
	struct store *st;
	const struct http_caller *c;
	struct arena *a;
	struct err *err;
	const char *team;
	int found;                /* 1 found, -1 failed */
};

static int in_line_and_team(void *ctx, const struct person *p)
{
	struct line_member *m = ctx;
	int rc;

	if (p->team == NULL || strcmp(p->team, m->team) != 0)
		return 0;    /* a sub-team's member: not this team's */
	rc = in_reporting_line(m->st, m->c, p->key, m->a, m->err);
	if (rc != 0)
		m->found = rc;
	return rc != 0;
}

/* Whether someone of the manager's reporting line is in team itself. */
static int team_of_reporting_line(struct store *st, const struct http_caller *c, const char *team,
				  struct arena *a, struct err *err)
{
	struct line_member m = { st, c, a, err, team, 0 };
	struct page_query q = { .limit = STORE_PAGE_MAX, .team = team, .state = PEOPLE_ALL };
	char next[KEY_MAX + 1] = "";
	char after[KEY_MAX + 1] = "";

	do {
		q.after = after;
		if (store_page_people(st, &q, in_line_and_team, &m, next, err) < 0 && m.found == 0)
			return -1;
		if (m.found != 0)
			return m.found;
		memcpy(after, next, sizeof after);
	} while (next[0] != '\0');
	return 0;
}

int http_reach_by_role(const struct server_config *cfg, struct store *st,
		       const struct http_caller *c, int kind, const char *key)
{
	struct arena a;
	struct err err = { 0 };
	int rc = 0;

	(void)cfg;
	if (c == NULL)
		return 0;
	if (c->role == ROLE_ADMIN || c->role == ROLE_HR)
		return 1;
	arena_init(&a, 1 << 20);
	if (kind == ENTITY_PERSON) {
		struct person p;

		switch (c->role) {
		case ROLE_EMPLOYEE:
			rc = c->person[0] != '\0' && strcmp(key, c->person) == 0;
			break;
		case ROLE_MANAGER:
			rc = in_reporting_line(st, c, key, &a, &err);
			break;
		case ROLE_COACH:
			rc = store_get_person(st, key, &p, &a, &err);
			if (rc == 1)
				rc = within_coach_teams(st, c, p.team, &a, &err);
			break;
		default:
			break;
		}
	} else if (kind == ENTITY_TEAM) {
		if (c->role == ROLE_COACH)
			rc = within_coach_teams(st, c, key, &a, &err);
		else if (c->role == ROLE_MANAGER)
			rc = team_of_reporting_line(st, c, key, &a, &err);
	}
	arena_free(&a);
	return rc < 0 ? -1 : rc;
}
