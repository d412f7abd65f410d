#include "demo/demo_users.h"

/* The people and teams of the demo organisation (demo.c): Sanne de Vries
 * leads the phone team, where Björn Eriksson works. */
const struct demo_user demo_users[] = {
	{ "admin", AUTH_ADMIN, NULL, NULL, "administrator: users, tokens, settings and all data" },
	{ "hr", AUTH_HR, NULL, NULL, "HR: all people data and the competency library" },
	{ "manager", AUTH_MANAGER, "KCC-1010", NULL,
	  "Sanne de Vries, team lead of Telefonie, and her reporting line" },
	{ "coach", AUTH_COACH, NULL, "kcc-online", "quality coach of Online en chat" },
	{ "employee", AUTH_EMPLOYEE, "KCC-1011", NULL, "Björn Eriksson, agent in Telefonie" },
};
const size_t demo_user_count = sizeof demo_users / sizeof demo_users[0];

int demo_add_users(struct store *st, const struct auth_actor *by, struct err *err)
{
	for (size_t i = 0; i < demo_user_count; i++) {
		const struct demo_user *u = &demo_users[i];
		const char *const teams[1] = { u->teams };
		const struct auth_account_spec spec = { u->name, u->role, u->person, teams,
							u->teams != NULL ? 1 : 0 };

		if (auth_user_add(st, by, &spec, DEMO_PASSWORD, err) < 0)
			return -1;
	}
	return 0;
}
