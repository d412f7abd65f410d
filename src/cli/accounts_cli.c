/* Shared by the account commands: passwords from the terminal or standard
 * input (never from the command line, where other users of the machine
 * could read them), --teams lists, the actor. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"
#include "cli/accounts_cli.h"

/* Reads one line of at most outsz - 2 bytes from f into out, without its
 * line end; -1 at end of file or error, -2 when longer. */
static int read_line(FILE *f, char *out, size_t outsz)
{
	size_t n;

	if (fgets(out, (int)outsz, f) == NULL)
		return -1;
	n = strlen(out);
	if (n > 0 && out[n - 1] == '\n')
		out[--n] = '\0';
	else if (!feof(f))
		return -2;
	if (n > 0 && out[n - 1] == '\r')
		out[--n] = '\0';
	return 0;
}

/* Asks prompt on the terminal with echo off and reads the answer. Echo
 * goes off before the prompt shows and the input is not flushed, so that
 * an answer typed (or pasted) at once is neither shown nor lost. */
static int ask(const char *prompt, char *out, size_t outsz)
{
	struct termios old, quiet;
	int rc, restore;

	restore = tcgetattr(STDIN_FILENO, &old) == 0;
	if (restore) {
		quiet = old;
		quiet.c_lflag &= ~(tcflag_t)ECHO;
		quiet.c_lflag |= ECHONL;
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	}
	fprintf(stderr, "%s", prompt);
	fflush(stderr);
	rc = read_line(stdin, out, outsz);
	if (restore)
		(void)tcsetattr(STDIN_FILENO, TCSANOW, &old);
	return rc;
}

int cli_read_password(const char *user, int twice, char *out, size_t outsz)
{
	char again[AUTH_PASSWORD_MAX_BYTES + 2], prompt[128];
	int rc;

	if (!isatty(STDIN_FILENO)) {
		rc = read_line(stdin, out, outsz);
		if (rc == -1) {
			fprintf(stderr, "compgap: no password on standard input: give it as one line\n");
			return EX_DATAERR;
		}
		if (rc == -2) {
			fprintf(stderr, "compgap: the password is longer than %d bytes\n",
				AUTH_PASSWORD_MAX_BYTES);
			return EX_DATAERR;
		}
		return 0;
	}
	(void)snprintf(prompt, sizeof prompt, "password for %s: ", user);
	rc = ask(prompt, out, outsz);
	if (rc == 0 && twice) {
		rc = ask("the same again: ", again, sizeof again);
		if (rc == 0 && strcmp(out, again) != 0) {
			auth_wipe(again, sizeof again);
			fprintf(stderr, "compgap: the two passwords differ; nothing changed\n");
			return EX_DATAERR;
		}
		auth_wipe(again, sizeof again);
	}
	if (rc == -2) {
		fprintf(stderr, "compgap: the password is longer than %d bytes\n",
			AUTH_PASSWORD_MAX_BYTES);
		return EX_DATAERR;
	}
	if (rc < 0) {
		fprintf(stderr, "compgap: no password given\n");
		return EX_DATAERR;
	}
	return 0;
}

int cli_split_teams(const struct command *cmd, char *list, const char **teams, size_t max,
		    size_t *n)
{
	*n = 0;
	if (list == NULL)
		return 0;
	for (char *p = list;;) {
		char *comma = strchr(p, ',');

		if (comma != NULL)
			*comma = '\0';
		if (*p == '\0')
			return cli_usage(cmd, "--teams: an empty team key; give KEY[,KEY...]");
		if (*n == max)
			return cli_usage(cmd, "--teams: at most %zu teams", max);
		teams[(*n)++] = p;
		if (comma == NULL)
			return 0;
		p = comma + 1;
	}
}

void cli_actor(struct auth_actor *by, char *name, size_t namesz)
{
	auth_cli_actor(name, namesz);
	by->name = name;
	by->address = NULL;
	by->now = (int64_t)time(NULL);
}

int cli_account_spec(const struct command *cmd, const char *what, const char *name,
		     const char *role, const char *person, const char *teams_arg,
		     struct cli_account *a)
{
	struct err err = { 0 };
	int rc;

	memset(a, 0, sizeof *a);
	if (role == NULL)
		return cli_usage(cmd, "give the %s's role: --role admin|hr|manager|coach|employee", what);
	if (auth_role_parse(role, &a->spec.role, &err) < 0 || auth_check_name(name, what, &err) < 0)
		return cli_usage(cmd, "%s", err.msg);
	if (teams_arg != NULL) {
		(void)snprintf(a->teams_buf, sizeof a->teams_buf, "%s", teams_arg);
		rc = cli_split_teams(cmd, a->teams_buf, a->teams, AUTH_TEAMS_MAX, &a->spec.nteams);
		if (rc != 0)
			return rc;
	}
	a->spec.name = name;
	a->spec.person = person;
	a->spec.teams = a->teams;
	if (auth_check_links(a->spec.role, person, a->spec.nteams, &err) < 0)
		return cli_usage(cmd, "%s", err.msg);
	return 0;
}
