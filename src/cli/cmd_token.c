/* token create|list|revoke: API tokens for integrations (docs/security.md). */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/accounts_cli.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "io/json_accounts.h"
#include "util/jsonw.h"

struct listing {
	struct table table;
	size_t n;
};

static int list_one(void *ctx, const struct store_account *t)
{
	struct listing *l = ctx;
	char teams[1024];
	size_t i = 0;

	l->n++;
	for (const char *p = t->teams; *p != '\0' && i + 1 < sizeof teams; p++)
		teams[i++] = *p == STORE_TEAM_SEP ? ',' : *p;
	teams[i] = '\0';
	{
		const char *cells[] = { t->name, t->role, t->person, teams[0] ? teams : NULL,
					t->disabled ? "revoked" : "active", t->created_at,
					t->changed_at };

		(void)table_add(&l->table, cells);
	}
	return 0;
}

static int list_tokens(struct store *st, bool json)
{
	static const char *const headers[] = { "TOKEN", "ROLE", "PERSON", "TEAMS", "STATE",
					       "CREATED", "REVOKED" };
	static struct jw w;
	struct listing l = { 0 };
	struct err err = { 0 };
	int rc;

	if (json) {
		jw_init(&w, stdout, 0);
		rc = json_tokens(&w, st, &err);
		if (jw_finish(&w) < 0 && rc == 0) {
			fprintf(stderr, "compgap: cannot write the list\n");
			return EX_IOERR;
		}
		return rc < 0 ? cli_fail(&err) : 0;
	}
	table_init(&l.table, 7, headers, 0);
	rc = store_each_token(st, list_one, &l, &err);
	if (rc < 0) {
		table_free(&l.table);
		return cli_fail(&err);
	}
	if (l.n == 0)
		printf("no tokens yet; create one with 'compgap token create NAME --role ROLE'\n");
	else
		table_print(&l.table, stdout);
	table_free(&l.table);
	return 0;
}

int cmd_token(const struct command *cmd, int argc, char **argv)
{
	const char *db, *role = NULL, *person = NULL, *teams_arg = NULL;
	char actor[128], token[AUTH_TOKEN_MAX];
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
			return cli_usage(cmd, "'token list' takes no name");
	} else if (strcmp(verb, "create") == 0 || strcmp(verb, "revoke") == 0) {
		if (name == NULL)
			return cli_usage(cmd, "say 'token %s NAME'", verb);
	} else {
		return cli_usage(cmd, "no 'token %s'; say create, list or revoke", verb);
	}
	if (strcmp(verb, "create") != 0 && (role != NULL || person != NULL || teams_arg != NULL))
		return cli_usage(cmd, "--role, --person and --teams go with 'token create'");
	if (json && strcmp(verb, "list") != 0)
		return cli_usage(cmd, "--json goes with 'token list'");
	if (strcmp(verb, "create") == 0) {
		rc = cli_account_spec(cmd, "token", name, role, person, teams_arg, &account);
		if (rc != 0)
			return rc;
	}
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	cli_actor(&by, actor, sizeof actor);
	if (strcmp(verb, "list") == 0) {
		rc = list_tokens(st, json);
	} else if (strcmp(verb, "create") == 0) {
		if (auth_token_create(st, &by, &account.spec, token, &err) < 0) {
			rc = cli_fail(&err);
		} else {
			/* The token alone on standard output, for scripts; the
			 * advice beside it on standard error. */
			printf("%s\n", token);
			fprintf(stderr, "created token '%s'; it is shown only now: keep it where the"
				" integration reads it, and send it as 'Authorization: Bearer TOKEN'\n",
				name);
		}
		auth_wipe(token, sizeof token);
	} else if (auth_token_revoke(st, &by, name, &err) < 0) {
		rc = cli_fail(&err);
	} else {
		printf("revoked token '%s'\n", name);
	}
	store_close(st);
	return rc;
}
