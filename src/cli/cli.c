#include "cli/cli.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "util/edit.h"

const char *cli_global_db;

const struct command *command_find(const char *name)
{
	for (size_t i = 0; i < command_count; i++)
		if (strcmp(commands[i].name, name) == 0)
			return &commands[i];
	return NULL;
}

const char *cli_closest(const char *word, const char *const *words, size_t n)
{
	struct edit_nearest near;

	edit_nearest_begin(&near, word);
	for (size_t i = 0; i < n; i++)
		edit_nearest_add(&near, words[i]);
	return near.n == 1 ? near.best[0] : NULL;
}

int cli_not_a_command(const char *word)
{
	const char *names[64];
	const char *near;
	size_t n = 0;

	for (size_t i = 0; i < command_count && n < sizeof names / sizeof names[0]; i++)
		names[n++] = commands[i].name;
	near = cli_closest(word, names, n);
	if (near != NULL)
		fprintf(stderr, "compgap: '%s' is not a command; did you mean '%s'?\n", word, near);
	else
		fprintf(stderr, "compgap: '%s' is not a command; 'compgap help' lists them\n", word);
	return EX_USAGE;
}

int cli_usage(const struct command *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "compgap %s: ", cmd->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\nusage: compgap %s\n(see 'compgap help %s')\n", cmd->usage, cmd->name);
	return EX_USAGE;
}

int cli_fail(const struct err *err)
{
	fprintf(stderr, "compgap: %s\n", err->msg[0] ? err->msg : "failed");
	return err->code ? err->code : EX_SOFTWARE;
}

void cli_print_help(const struct command *cmd)
{
	printf("usage: compgap %s\n\n%s\n\n%s", cmd->usage, cmd->summary, cmd->help);
}

static const struct option *find_option(const struct option *opts, const char *arg,
					size_t len)
{
	for (; opts != NULL && opts->name != NULL; opts++) {
		if ((strlen(opts->name) == len && strncmp(opts->name, arg, len) == 0) ||
		    (opts->alias != NULL && strlen(opts->alias) == len &&
		     strncmp(opts->alias, arg, len) == 0))
			return opts;
	}
	return NULL;
}

/* The usage error for an option that cmd does not take, with the nearest
 * one it does take. */
static int unknown_option(const struct command *cmd, const struct option *opts, bool db,
			  const char *arg, size_t len)
{
	const char *names[32];
	char given[64];
	const char *near;
	size_t n = 0;

	names[n++] = "--help";
	names[n++] = "--busy-timeout";
	if (db)
		names[n++] = "--db";
	for (; opts != NULL && opts->name != NULL && n < sizeof names / sizeof names[0]; opts++)
		names[n++] = opts->name;
	(void)snprintf(given, sizeof given, "%.*s", (int)len, arg);
	near = cli_closest(given, names, n);
	if (near != NULL)
		return cli_usage(cmd, "unknown option '%.*s'; did you mean '%s'?", (int)len, arg, near);
	return cli_usage(cmd, "unknown option '%.*s'", (int)len, arg);
}

int cli_parse(const struct command *cmd, int argc, char **argv, const struct option *opts,
	      const char **db, char **positional, int max_positional, int *npositional)
{
	const char *busy = NULL;
	const struct option db_option = { "--db", NULL, db, NULL };
	const struct option busy_option = { "--busy-timeout", NULL, &busy, NULL };
	bool only_positional = false;
	struct err err = { 0 };

	*npositional = 0;
	if (db != NULL)
		*db = NULL;
	for (int i = 1; i < argc; i++) {
		const char *arg = argv[i];
		const char *eq = strchr(arg, '=');
		size_t len = eq != NULL && arg[1] == '-' ? (size_t)(eq - arg) : strlen(arg);
		const struct option *o;

		if (only_positional || arg[0] != '-' || strcmp(arg, "-") == 0) {
			if (*npositional == max_positional)
				return cli_usage(cmd, "unexpected argument '%s'", arg);
			positional[(*npositional)++] = argv[i];
			continue;
		}
		if (strcmp(arg, "--") == 0) {
			only_positional = true;
			continue;
		}
		if (strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0) {
			cli_print_help(cmd);
			return -1;
		}
		o = find_option(opts, arg, len);
		if (o == NULL && db != NULL && len == 4 && strncmp(arg, "--db", 4) == 0)
			o = &db_option;
		if (o == NULL && len == 14 && strncmp(arg, "--busy-timeout", 14) == 0)
			o = &busy_option;
		if (o == NULL)
			return unknown_option(cmd, opts, db != NULL, arg, len);
		if (o->flag != NULL) {
			if (len != strlen(arg))
				return cli_usage(cmd, "option '%s' takes no value", o->name);
			*o->flag = true;
			continue;
		}
		if (len != strlen(arg)) {
			*o->value = arg + len + 1;
		} else if (i + 1 < argc) {
			*o->value = argv[++i];
		} else {
			return cli_usage(cmd, "option '%s' needs a value", o->name);
		}
	}
	if (busy != NULL && store_set_busy_timeout(busy, &err) < 0)
		return cli_usage(cmd, "%s", err.msg);
	return 0;
}

int cli_open_store(const char *db, unsigned flags, struct store **st)
{
	struct err err = { 0 };

	if (db == NULL)
		db = cli_global_db;
	if (store_open(store_default_target(db), flags, st, &err) < 0)
		return cli_fail(&err);
	return 0;
}
