/* Roles, names and principals, and the actor names of the audit log. */
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "auth/auth_int.h"

static const char *const role_names[AUTH_ROLE_COUNT] = {
	[AUTH_ADMIN] = "admin",
	[AUTH_HR] = "hr",
	[AUTH_MANAGER] = "manager",
	[AUTH_COACH] = "coach",
	[AUTH_EMPLOYEE] = "employee",
};

const char *auth_role_name(enum auth_role r)
{
	return (unsigned)r < AUTH_ROLE_COUNT ? role_names[r] : "?";
}

int auth_role_parse(const char *s, enum auth_role *out, struct err *err)
{
	for (int r = 0; r < AUTH_ROLE_COUNT; r++) {
		if (s != NULL && strcmp(s, role_names[r]) == 0) {
			*out = (enum auth_role)r;
			return 0;
		}
	}
	return err_set(err, EX_USAGE,
		       "no role '%s'; the roles are admin, hr, manager, coach and employee",
		       s != NULL ? s : "");
}

void auth_actor(const struct principal *p, char *out, size_t outsz)
{
	(void)snprintf(out, outsz, "%s%s", p->kind == PRINCIPAL_TOKEN ? "token:" : "", p->name);
}

void auth_cli_actor(char *out, size_t outsz)
{
	struct passwd pw, *found = NULL;
	char buf[1024];

	if (getpwuid_r(geteuid(), &pw, buf, sizeof buf, &found) == 0 && found != NULL)
		(void)snprintf(out, outsz, "cli:%s", found->pw_name);
	else
		(void)snprintf(out, outsz, "cli:uid%ld", (long)geteuid());
}

int auth_check_name(const char *name, const char *what, struct err *err)
{
	size_t n = name != NULL ? strlen(name) : 0;

	if (n == 0 || n > AUTH_NAME_MAX)
		return err_set(err, EX_USAGE, "a %s's name has 1 to %d characters", what,
			       AUTH_NAME_MAX);
	for (size_t i = 0; i < n; i++) {
		char c = name[i];
		int alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');

		if (!alnum && (i == 0 || strchr("._-@", c) == NULL))
			return err_set(err, EX_USAGE,
				       "%s name '%s' has '%c' at %zu; use letters, digits and . _ - @"
				       " (starting with a letter or digit)",
				       what, name, c, i + 1);
	}
	return 0;
}

int auth_check_links(enum auth_role role, const char *person, size_t nteams,
		     struct err *err)
{
	if ((role == AUTH_MANAGER || role == AUTH_EMPLOYEE) && person == NULL)
		return err_set(err, EX_USAGE,
			       "a%s %s sees data through the person it is linked to: give --person KEY",
			       role == AUTH_EMPLOYEE ? "n" : "", auth_role_name(role));
	if (role == AUTH_COACH && nteams == 0)
		return err_set(err, EX_USAGE,
			       "a coach sees the people of their teams: give --teams KEY[,KEY...]");
	if (nteams > AUTH_TEAMS_MAX)
		return err_set(err, EX_USAGE, "at most %d teams", AUTH_TEAMS_MAX);
	return 0;
}

int auth_principal_from(const struct store_account *a, enum principal_kind kind,
			struct principal *p, struct err *err)
{
	const char *t = a->teams;

	memset(p, 0, sizeof *p);
	p->kind = kind;
	p->id = a->id;
	(void)snprintf(p->name, sizeof p->name, "%s", a->name);
	if (auth_role_parse(a->role, &p->role, err) < 0)
		return -1;
	p->person_id = a->person_id;
	(void)snprintf(p->person, sizeof p->person, "%s", a->person != NULL ? a->person : "");
	while (t != NULL && *t != '\0') {
		const char *end = strchr(t, STORE_TEAM_SEP);
		size_t len = end != NULL ? (size_t)(end - t) : strlen(t);

		if (p->nteams == AUTH_TEAMS_MAX)
			return err_set(err, EX_DATAERR, "%s '%s' has more than %d teams",
				       kind == PRINCIPAL_TOKEN ? "token" : "user", a->name,
				       AUTH_TEAMS_MAX);
		if (len > KEY_MAX)
			len = KEY_MAX;
		memcpy(p->teams[p->nteams], t, len);
		p->teams[p->nteams++][len] = '\0';
		t = end != NULL ? end + 1 : NULL;
	}
	return 0;
}

void auth_time_iso(int64_t now, char out[32])
{
	time_t t = (time_t)now;
	struct tm tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)snprintf(out, 32, "1970-01-01T00:00:00Z");
}
