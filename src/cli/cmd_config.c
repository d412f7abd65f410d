/* config: the method's settings. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cli/commands.h"
#include "cli/table.h"

struct set_keys {
	char keys[64][64];      /* keys set in the database */
	size_t n;
};

static int note_key(void *ctx, const char *key, const char *value)
{
	struct set_keys *k = ctx;

	(void)value;
	if (k->n < sizeof k->keys / sizeof k->keys[0])
		(void)snprintf(k->keys[k->n++], sizeof k->keys[0], "%s", key);
	return 0;
}

static bool is_set(const struct set_keys *k, const char *key)
{
	for (size_t i = 0; i < k->n; i++)
		if (strcmp(k->keys[i], key) == 0)
			return true;
	return false;
}

static int list_settings(struct store *st)
{
	static const char *const headers[] = { "SETTING", "VALUE", "DEFAULT", "MEANING" };
	struct settings defaults;
	struct set_keys set = { .n = 0 };
	struct err err = { 0 };
	struct table t;

	if (store_each_setting(st, note_key, &set, &err) != 0)
		return cli_fail(&err);
	settings_default(&defaults);
	table_init(&t, 4, headers, 0x6);
	for (size_t i = 0; i < settings_count; i++) {
		const struct setting_info *info = &settings_info[i];
		char value[32], def[32];
		const char *cells[] = { info->key, value, def, info->help };

		(void)snprintf(value, sizeof value, "%g%s", settings_get(store_settings(st), info),
			       is_set(&set, info->key) ? "*" : "");
		(void)snprintf(def, sizeof def, "%g", settings_get(&defaults, info));
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
	printf("\n* set in this database; 'compgap config set KEY VALUE' changes one.\n");
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
	char *pos[3];
	int npos, rc;
	struct store *st = NULL;
	struct err err = { 0 };

	rc = cli_parse(cmd, argc, argv, NULL, &db, pos, 3, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (!(npos == 0 || (npos == 1 && strcmp(pos[0], "list") == 0) ||
	      (npos == 2 && strcmp(pos[0], "get") == 0) || (npos == 3 && strcmp(pos[0], "set") == 0)))
		return cli_usage(cmd, "say 'config', 'config get KEY' or 'config set KEY VALUE'");
	if (npos >= 2 && settings_find(pos[1]) == NULL) {
		const char *keys[64];
		const char *near;
		size_t n = 0;

		for (size_t i = 0; i < settings_count && n < sizeof keys / sizeof keys[0]; i++)
			keys[n++] = settings_info[i].key;
		near = cli_closest(pos[1], keys, n);
		if (near != NULL)
			return cli_usage(cmd, "no setting '%s'; did you mean '%s'?", pos[1], near);
		return cli_usage(cmd, "no setting '%s'; 'compgap config' lists them", pos[1]);
	}
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	if (npos <= 1) {
		rc = list_settings(st);
	} else if (npos == 2) {
		printf("%g\n", settings_get(store_settings(st), settings_find(pos[1])));
	} else if (store_transact(st, set_setting, pos + 1, &err) < 0) {
		rc = cli_fail(&err);
	} else {
		printf("%s = %g%s\n", pos[1], settings_get(store_settings(st), settings_find(pos[1])),
		       settings_find(pos[1])->affects_sums ? " (running sums rebuilt)" : "");
	}
	store_close(st);
	return rc;
}
