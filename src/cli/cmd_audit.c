/* audit: the audit log (docs/security.md, "The audit log"). */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/table.h"
#include "util/date.h"
#include "io/json_accounts.h"
#include "util/jsonw.h"

struct listing {
	struct table table;
	size_t n;
};

static int list_one(void *ctx, const struct audit_entry *e)
{
	struct listing *l = ctx;
	char object[256];

	l->n++;
	(void)snprintf(object, sizeof object, "%s%s%s", e->object_kind ? e->object_kind : "",
		       e->object_key ? " " : "", e->object_key ? e->object_key : "");
	{
		const char *cells[] = { e->at, e->actor, e->action, object[0] ? object : NULL,
					e->person, e->address, e->outcome, e->detail };

		(void)table_add(&l->table, cells);
	}
	return 0;
}

int cmd_audit(const struct command *cmd, int argc, char **argv)
{
	static const char *const headers[] = { "AT", "ACTOR", "ACTION", "OBJECT", "PERSON",
					       "ADDRESS", "OUTCOME", "DETAIL" };
	static struct jw w;
	const char *db, *person = NULL, *user = NULL, *since = NULL;
	bool json = false;
	const struct option opts[] = {
		{ "--person", NULL, &person, NULL },
		{ "--user", NULL, &user, NULL },
		{ "--since", NULL, &since, NULL },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	struct audit_filter f = { 0 };
	struct listing l = { 0 };
	struct store *st = NULL;
	struct err err = { 0 };
	char *pos[1];
	int npos, rc;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 0, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (since != NULL && !audit_since_valid(since))
		return cli_usage(cmd, "--since: '%s' is not a date; give YYYY-MM-DD or"
				 " YYYY-MM-DDTHH:MM:SSZ (UTC)", since);
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	f.person = person;
	f.user = user;
	f.since = since;
	if (json) {
		jw_init(&w, stdout, 0);
		rc = json_audit(&w, st, &f, &err) < 0 ? cli_fail(&err) : 0;
		if (jw_finish(&w) < 0 && rc == 0) {
			fprintf(stderr, "compgap: cannot write the audit log\n");
			rc = EX_IOERR;
		}
	} else {
		table_init(&l.table, 8, headers, 0);
		rc = store_each_audit(st, &f, list_one, &l, &err) < 0 ? cli_fail(&err) : 0;
		if (rc == 0 && l.n == 0)
			printf("no audit entries%s\n", person || user || since ? " match" : " yet");
		else if (rc == 0)
			table_print(&l.table, stdout);
		table_free(&l.table);
	}
	store_close(st);
	return rc;
}
