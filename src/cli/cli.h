/* The command line: one static table of commands (commands.c), one file per
 * command family, and the helpers they share (cli.c). */
#ifndef COMPGAP_CLI_H
#define COMPGAP_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "store/store.h"
#include "util/err.h"

struct command {
	const char *name;
	int (*run)(const struct command *cmd, int argc, char **argv); /* exit status */
	const char *summary;   /* one line for `compgap help` */
	const char *usage;     /* the synopsis, without "compgap " */
	const char *help;      /* what it does, its options, an example */
};

/* The command table, in the order `compgap help` lists it. */
extern const struct command commands[];
extern const size_t command_count;

/* The command named name, or NULL. */
const struct command *command_find(const char *name);

/* Prints "compgap: 'WORD' is not a command" with a did-you-mean hint to
 * stderr; returns EX_USAGE. */
int cli_not_a_command(const char *word);

/* Of words[0..n), the one nearest to word (at most two edits away,
 * ignoring case, and nearer than any other), or NULL: for did-you-mean
 * hints on commands and kinds. */
const char *cli_closest(const char *word, const char *const *words, size_t n);

/* The --db given before the command (`compgap --db X list teams`), or
 * NULL; set by main. */
extern const char *cli_global_db;

/* One option a command accepts. Exactly one of value and flag is set. */
struct option {
	const char *name;      /* "--db" */
	const char *alias;     /* "-o", or NULL */
	const char **value;    /* takes an argument: where it goes */
	bool *flag;            /* takes none: set to true when given */
};

/* Parses argv (argv[0] is the command's name) against opts (ended by an
 * entry with a NULL name); the remaining arguments go to positional. Every
 * command accepts --help and --busy-timeout SECONDS (store_set_busy_timeout),
 * and --db PATH when db is not NULL. Returns -1 after --help (the help
 * was printed: exit 0), a positive sysexits status after a usage error (the
 * message was printed), or 0. */
int cli_parse(const struct command *cmd, int argc, char **argv, const struct option *opts,
	      const char **db, char **positional, int max_positional, int *npositional);

/* Prints "compgap CMD: MESSAGE" and a pointer to the command's help to
 * stderr; returns EX_USAGE. */
int cli_usage(const struct command *cmd, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Prints "compgap: MESSAGE" to stderr; returns err->code (EX_SOFTWARE when
 * unset). */
int cli_fail(const struct err *err);

/* Opens the store named by db (or the global --db, $COMPGAP_DB, the
 * default). Returns 0, or prints the problem and returns its exit status. */
int cli_open_store(const char *db, unsigned flags, struct store **st);

/* Prints the help of one command. */
void cli_print_help(const struct command *cmd);

#endif
