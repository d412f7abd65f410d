/* user add|change|list|disable|enable|passwd|remove: the accounts that sign in to
 * the server (docs/security.md). */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/accounts_cli.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "io/json_accounts.h"
#include "util/jsonw.h"

/* The teams of an account as "a,b" (keys separated by STORE_TEAM_SEP in
 * the store). */
static void teams_text(const char *teams, char *out, size_t outsz)
{
	size_t i = 0;

	for (; *teams != '\0' && i + 1 < outsz; teams++)
		out[i++] = *teams == STORE_TEAM_SEP ? ',' : *teams;
	out[i] = '\0';
}

struct listing {
	struct store *st;
	struct table table;
	size_t n;
	struct err err;
};

static int list_one(void *ctx, const struct store_account *u)
{
	struct listing *l = ctx;
	char teams[1024], sessions[24];
	int64_t n = 0;

	if (store_session_count(l->st, u->name, &n, &l->err) < 0)
		return -1;
	l->n++;
	teams_text(u->teams, teams, sizeof teams);
	(void)snprintf(sessions, sizeof sessions, "%lld", (long long)n);
	{
		const char *cells[] = { u->name, u->role, u->person, teams[0] ? teams : NULL,
					u->disabled ? "disabled" : "active", sessions, u->changed_at };

		(void)table_add(&l->table, cells);
	}
	return 0;
}

static int list_users(struct store *st, bool json)
{
	static const char *const headers[] = { "USER", "ROLE", "PERSON", "TEAMS", "STATE",
					       "SESSIONS", "CHANGED" };
	static struct jw w;
	struct listing l = { .st = st };
	int rc;

	if (json) {
		jw_init(&w, stdout, 0);
		rc = json_users(&w, st, &l.err);
		if (jw_finish(&w) < 0 && rc == 0) {
			fprintf(stderr, "compgap: cannot write the list\n");
			return EX_IOERR;
		}
		return rc < 0 ? cli_fail(&l.err) : 0;
	}
	table_init(&l.table, 7, headers, 0x20);
	rc = store_each_user(st, list_one, &l, &l.err);
	if (rc < 0) {
		table_free(&l.table);
		return cli_fail(&l.err);
	}
	if (l.n == 0)
		printf("no users yet; add one with 'compgap user add NAME --role admin'\n");
	else
		table_print(&l.table, stdout);
	table_free(&l.table);
	return 0;
}

int cmd_user(const struct command *cmd, int argc, char **argv)
{
	const char *db, *role = NULL, *person = NULL, *teams_arg = NULL;
	char actor[128], password[AUTH_PASSWORD_MAX_BYTES + 2];
	bool json = false;
	const struct option opts[] = {
		{ "--role", NULL, &role, NULL },
		{ "--person", NULL, &person, NULL },
		{ "--teams", NULL, &teams_arg, NULL },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	struct cli_account account;
	struct auth_actor by;
	struct store *st = NULL;
	struct err err = { 0 };
	char *pos[2];
	const char *verb, *name;
	int npos, rc;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 2, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	verb = npos > 0 ? pos[0] : "list";
	name = npos > 1 ? pos[1] : NULL;
	if (strcmp(verb, "list") == 0) {
		if (npos > 1)
			return cli_usage(cmd, "'user list' takes no name");
	} else if (strcmp(verb, "add") == 0 || strcmp(verb, "change") == 0 ||
		   strcmp(verb, "disable") == 0 ||
		   strcmp(verb, "enable") == 0 || strcmp(verb, "passwd") == 0 ||
		   strcmp(verb, "remove") == 0) {
		if (name == NULL)
			return cli_usage(cmd, "say 'user %s NAME'", verb);
	} else {
		return cli_usage(cmd, "no 'user %s'; say add, change, list, disable, enable, passwd"
				 " or remove", verb);
	}
	if (strcmp(verb, "add") != 0 && strcmp(verb, "change") != 0 &&
	    (role != NULL || person != NULL || teams_arg != NULL))
		return cli_usage(cmd, "--role, --person and --teams go with 'user add' and"
				 " 'user change'");
	if (json && strcmp(verb, "list") != 0)
		return cli_usage(cmd, "--json goes with 'user list'");
	if (strcmp(verb, "add") == 0 || strcmp(verb, "change") == 0) {
		rc = cli_account_spec(cmd, "user", name, role, person, teams_arg, &account);
		if (rc != 0)
			return rc;
	}
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	cli_actor(&by, actor, sizeof actor);
	if (strcmp(verb, "list") == 0) {
		rc = list_users(st, json);
	} else if (strcmp(verb, "add") == 0 || strcmp(verb, "passwd") == 0) {
		rc = cli_read_password(name, 1, password, sizeof password);
		if (rc == 0) {
			if ((verb[0] == 'a' ? auth_user_add(st, &by, &account.spec, password, &err)
					    : auth_user_passwd(st, &by, name, password, &err)) < 0)
				rc = cli_fail(&err);
			else
				printf("%s user '%s'\n", verb[0] == 'a' ? "added" : "changed the password of",
				       name);
		}
		auth_wipe(password, sizeof password);
	} else if (strcmp(verb, "change") == 0) {
		/* The whole account as given: a person or teams left out are
		 * taken away, as the admin page's form does. */
		if (auth_user_change(st, &by, &account.spec, &err) < 0)
			rc = cli_fail(&err);
		else
			printf("changed user '%s'\n", name);
	} else if (strcmp(verb, "remove") == 0) {
		if (auth_user_remove(st, &by, name, &err) < 0)
			rc = cli_fail(&err);
		else
			printf("removed user '%s'; the audit log keeps the name\n", name);
	} else {
		int off = strcmp(verb, "disable") == 0;

		if (auth_user_disable(st, &by, name, off, &err) < 0)
			rc = cli_fail(&err);
		else
			printf("%s user '%s'%s\n", off ? "disabled" : "enabled", name,
			       off ? "; their sessions ended" : "");
	}
	store_close(st);
	return rc;
}
