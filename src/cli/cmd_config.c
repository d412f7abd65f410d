/* config: the method's settings. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/table.h"
#include "io/json_settings.h"


static int list_settings(struct store *st)
{
	static const char *const headers[] = { "SETTING", "VALUE", "DEFAULT", "MEANING" };
	struct settings defaults;
	struct set_keys set = { .n = 0 };
	struct err err = { 0 };
	struct table t;

	if (settings_read_set(st, &set, &err) < 0)
		return cli_fail(&err);
	settings_default(&defaults);
	table_init(&t, 4, headers, 0x6);
	for (size_t i = 0; i < settings_count; i++) {
		const struct setting_info *info = &settings_info[i];
		char value[32], def[32];
		const char *cells[] = { info->key, value, def, info->help };

		(void)snprintf(value, sizeof value, "%g%s", settings_get(store_settings(st), info),
			       settings_is_set(&set, info->key) ? "*" : "");
		(void)snprintf(def, sizeof def, "%g", settings_get(&defaults, info));
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
	printf("\n* set in this database; 'compgap config set KEY VALUE' changes one.\n");
	return 0;
}

/* The settings as the JSON document of GET /api/v1/settings. */
static int list_json(struct store *st)
{
	static struct jw w;    /* 64 KiB: not on the stack */
	struct err err = { 0 };

	jw_init(&w, stdout, 0);
	if (json_settings(&w, st, &err) < 0)
		return cli_fail(&err);
	if (jw_finish(&w) < 0) {
		fprintf(stderr, "compgap: cannot write the settings\n");
		return EX_IOERR;
	}
	return 0;
}

/* key_value[0] = key_value[1], in a transaction of store_transact. */
static int set_setting(struct store *st, void *ctx, int attempt, struct err *err)
{
	char **key_value = ctx;

	(void)attempt;
	return store_set_setting(st, key_value[0], key_value[1], err);
}

int cmd_config(const struct command *cmd, int argc, char **argv)
{
	const char *db;
	bool json = false;
	const struct option opts[] = {
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[3], msg[256];
	int npos, rc;
	struct store *st = NULL;
	struct err err = { 0 };

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 3, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (!(npos == 0 || (npos == 1 && strcmp(pos[0], "list") == 0) ||
	      (npos == 2 && strcmp(pos[0], "get") == 0) || (npos == 3 && strcmp(pos[0], "set") == 0)))
		return cli_usage(cmd, "say 'config', 'config get KEY' or 'config set KEY VALUE'");
	if (json && npos > 1)
		return cli_usage(cmd, "--json lists the settings: say 'config --json'");
	if (npos >= 2 && settings_find(pos[1]) == NULL) {
		settings_unknown_message(pos[1], "'compgap config' lists them", msg, sizeof msg);
		return cli_usage(cmd, "%s", msg);
	}
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	if (npos <= 1 && json) {
		rc = list_json(st);
	} else if (npos <= 1) {
		rc = list_settings(st);
	} else if (npos == 2) {
		printf("%g\n", settings_get(store_settings(st), settings_find(pos[1])));
	} else if (store_transact(st, set_setting, pos + 1, &err) < 0) {
		rc = cli_fail(&err);
	} else {
		settings_changed_message(st, pos[1], msg, sizeof msg);
		printf("%s\n", msg);
	}
	store_close(st);
	return rc;
}
