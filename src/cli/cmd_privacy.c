/* privacy export|erase|purge: the privacy rights (docs/security.md,
 * "Privacy rights"): everything stored about a person as one JSON
 * document, a person erased, evidence older than the retention period
 * purged. Each is written to the audit log. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cli/accounts_cli.h"
#include "cli/commands.h"
#include "cli/outfile.h"
#include "io/privacy_json.h"
#include "store/privacy.h"
#include "util/date.h"
#include "util/jsonw.h"

/* The audit entry of the command line's actor, now. */
static void cli_entry(struct audit_entry *e, char *actor, size_t actorsz, char at[32])
{
	struct auth_actor by;

	cli_actor(&by, actor, actorsz);
	auth_time_iso(by.now, at);
	*e = (struct audit_entry){ .at = at, .actor = by.name };
}

/* Writes a refusal or failure to the audit log (its own transaction). */
static void log_failed(struct store *st, const char *action, const char *person,
		       const struct err *why)
{
	struct audit_entry e;
	struct err ignored = { 0 };
	char actor[128], at[32];

	cli_entry(&e, actor, sizeof actor, at);
	e.action = action;
	e.object_kind = person != NULL ? "person" : "evidence";
	e.object_key = person;
	e.person = person;
	e.outcome = "failed";
	e.detail = why->msg;
	(void)auth_audit(st, 0, &e, &ignored);
}

static int export_person(struct store *st, const char *person, const char *output)
{
	static struct jw w;
	struct privacy_export_opts o = { false };
	struct audit_entry e;
	struct outfile f;
	struct err err = { 0 };
	char actor[128], at[32];
	int rc;

	if (outfile_open(&f, output, &err) < 0)
		return cli_fail(&err);
	if (store_begin_read(st, &err) < 0) {
		outfile_abort(&f);
		return cli_fail(&err);
	}
	jw_init(&w, f.out, 0);
	rc = privacy_export_json(&w, st, person, &o, &err);
	store_rollback(st);
	if (jw_finish(&w) < 0 && rc == 0)
		rc = err_set(&err, EX_IOERR, "cannot write the export");
	if (rc == 0)
		rc = outfile_commit(&f, &err);
	else
		outfile_abort(&f);
	if (rc < 0) {
		if (err.code == EX_NOINPUT)
			log_failed(st, "privacy.export", person, &err);
		return cli_fail(&err);
	}
	cli_entry(&e, actor, sizeof actor, at);
	e.action = "privacy.export";
	e.object_kind = "person";
	e.object_key = person;
	e.person = person;
	e.outcome = "ok";
	e.detail = output != NULL ? output : "standard output";
	if (auth_audit(st, 0, &e, &err) < 0)
		return cli_fail(&err);
	return 0;
}

/* Asks on the terminal for the person's key to be typed again. 0 when
 * it was, else an exit status with the reason printed. */
static int confirm_erasure(const char *person)
{
	char line[256];
	size_t n;

	fprintf(stderr, "erase person '%s' and everything stored about them (evidence, users,"
		" sessions, tokens)?\nthis cannot be undone; type the id again to confirm: ", person);
	if (fgets(line, sizeof line, stdin) == NULL) {
		fprintf(stderr, "\ncompgap: nothing erased\n");
		return EX_TEMPFAIL;
	}
	n = strcspn(line, "\r\n");
	line[n] = '\0';
	if (strcmp(line, person) != 0) {
		fprintf(stderr, "compgap: '%s' is not '%s'; nothing erased\n", line, person);
		return EX_DATAERR;
	}
	return 0;
}

static int erase_person(const struct command *cmd, struct store *st, const char *person,
			bool yes)
{
	struct privacy_erased x;
	struct audit_entry e;
	struct err err = { 0 };
	char actor[128], at[32];
	int rc;

	if (!yes) {
		if (!isatty(STDIN_FILENO))
			return cli_usage(cmd, "erasing cannot be undone: give --yes when standard input"
					 " is not a terminal");
		rc = confirm_erasure(person);
		if (rc != 0)
			return rc;
	}
	cli_entry(&e, actor, sizeof actor, at);
	e.at = NULL;
	if (store_privacy_erase_logged(st, person, &e, &x, &err) < 0) {
		if (err.code == EX_NOINPUT)
			log_failed(st, "privacy.erase", person, &err);
		return cli_fail(&err);
	}
	printf("erased person '%s': %lld evidence rows (%lld retracted), %lld running sums,"
	       " %lld users, %lld sessions, %lld API tokens;\n%lld rows they assessed now have no"
	       " assessor, %lld people now have no manager, %lld objectives no owner; the audit"
	       " log keeps the key\n",
	       person, (long long)x.evidence, (long long)x.retractions, (long long)x.sums,
	       (long long)x.users, (long long)x.sessions, (long long)x.tokens,
	       (long long)x.assessed, (long long)x.reports, (long long)x.objectives);
	return 0;
}

static int purge(struct store *st, bool dry)
{
	int years = (int)store_settings(st)->evidence_retention_years;
	struct privacy_purged x;
	struct audit_entry e;
	struct err err = { 0 };
	char actor[128], at[32], day[DATE_ISO_LEN + 1];
	int32_t cutoff;

	if (years == 0) {
		err_set(&err, EX_CONFIG, "evidence_retention_years is 0: evidence is kept forever;"
			" set a retention first with 'compgap config set evidence_retention_years N'");
		if (!dry)
			log_failed(st, "privacy.purge", NULL, &err);
		return cli_fail(&err);
	}
	cutoff = privacy_cutoff(date_today(), years);
	date_format(cutoff, day);
	if (dry) {
		if (store_privacy_purge(st, cutoff, 1, &x, &err) < 0)
			return cli_fail(&err);
		printf("would purge %lld evidence rows dated before %s (%lld retracted) and recompute"
		       " %lld pairs; retention %d year%s\n", (long long)x.rows, day,
		       (long long)x.retractions, (long long)x.pairs, years, years == 1 ? "" : "s");
		return 0;
	}
	cli_entry(&e, actor, sizeof actor, at);
	e.at = NULL;
	if (store_privacy_purge_logged(st, cutoff, years, &e, &x, &err) < 0)
		return cli_fail(&err);
	printf("purged %lld evidence rows dated before %s (%lld retracted) and recomputed %lld"
	       " pairs; retention %d year%s\n", (long long)x.rows, day, (long long)x.retractions,
	       (long long)x.pairs, years, years == 1 ? "" : "s");
	return 0;
}

int cmd_privacy(const struct command *cmd, int argc, char **argv)
{
	const char *db, *person = NULL, *output = NULL;
	bool yes = false, dry = false;
	const struct option opts[] = {
		{ "--person", NULL, &person, NULL },
		{ "--output", "-o", &output, NULL },
		{ "--yes", NULL, NULL, &yes },
		{ "--dry-run", NULL, NULL, &dry },
		{ NULL, NULL, NULL, NULL },
	};
	struct store *st = NULL;
	char *pos[1];
	const char *verb;
	int npos, rc;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 1, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (npos == 0)
		return cli_usage(cmd, "say 'privacy export', 'privacy erase' or 'privacy purge'");
	verb = pos[0];
	if (strcmp(verb, "export") == 0 || strcmp(verb, "erase") == 0) {
		if (person == NULL)
			return cli_usage(cmd, "say 'privacy %s --person ID'", verb);
		if (dry)
			return cli_usage(cmd, "--dry-run goes with 'privacy purge'");
		if (output != NULL && verb[1] != 'x')
			return cli_usage(cmd, "--output goes with 'privacy export'");
		if (yes && verb[1] == 'x')
			return cli_usage(cmd, "--yes goes with 'privacy erase'");
	} else if (strcmp(verb, "purge") == 0) {
		if (person != NULL || output != NULL || yes)
			return cli_usage(cmd, "'privacy purge' takes only --dry-run");
	} else {
		return cli_usage(cmd, "no 'privacy %s'; say export, erase or purge", verb);
	}
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	if (verb[1] == 'x')
		rc = export_person(st, person, output);
	else if (verb[1] == 'r')
		rc = erase_person(cmd, st, person, yes);
	else
		rc = purge(st, dry);
	store_close(st);
	return rc;
}
