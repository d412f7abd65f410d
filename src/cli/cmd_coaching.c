/* coaching add FILE | coaching list --person KEY | --team KEY: coaching
 * sessions (docs/methodology.md, "Coaching sessions"; the document is
 * docs/api.md's, "Coaching sessions"). `show coaching KEY` is in
 * cmd_show.c, through cli_show_coaching below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli/accounts_cli.h"
#include "cli/commands.h"
#include "cli/gapopts.h"
#include "io/coaching_json.h"
#include "store/accounts.h"
#include "util/date.h"

enum { DOC_MAX = 1 << 20 };   /* bytes of a session document */

/* Reads path ("-": standard input) into *out (malloc'd, NUL-ended). */
static int read_doc(const char *path, char **out, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	char *buf;
	size_t n;

	if (f == NULL) {
		fprintf(stderr, "compgap: cannot open '%s'\n", path);
		return EX_NOINPUT;
	}
	buf = malloc(DOC_MAX + 1);
	if (buf == NULL) {
		if (f != stdin)
			fclose(f);
		return EX_OSERR;
	}
	n = fread(buf, 1, DOC_MAX + 1, f);
	if (f != stdin)
		fclose(f);
	if (n > DOC_MAX) {
		free(buf);
		fprintf(stderr, "compgap: '%s' is larger than 1 MB: one session's document is not\n",
			path);
		return EX_DATAERR;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return 0;
}

struct add_job {
	const struct coach_session *s;
	char key[KEY_MAX + 1];
	char field[COACH_FIELD_MAX];
};

static int add_work(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct add_job *j = ctx;
	struct auth_actor by;
	char actor[128], at[32], detail[96];
	struct audit_entry e;

	(void)attempt;
	if (store_put_coaching(st, j->s, j->key, j->field, err) < 0)
		return -1;
	cli_actor(&by, actor, sizeof actor);
	auth_time_iso(by.now, at);
	(void)snprintf(detail, sizeof detail, "%zu agent%s, %zu item%s, %zu follow-up%s",
		       j->s->nagents, j->s->nagents == 1 ? "" : "s", j->s->nitems,
		       j->s->nitems == 1 ? "" : "s", j->s->nfollowups,
		       j->s->nfollowups == 1 ? "" : "s");
	e = (struct audit_entry){ .at = at, .actor = by.name, .action = "coaching.add",
				  .object_kind = "coaching", .object_key = j->key,
				  .person = j->s->agents[0], .outcome = "ok", .detail = detail };
	return store_audit_append(st, &e, err);
}

static int coaching_add(const struct command *cmd, const char *db, const char *path)
{
	struct arena a;
	struct coach_session s;
	struct field_error fe = { 0 };
	struct add_job j = { .s = &s };
	struct store *st = NULL;
	struct err err = { 0 };
	char *doc = NULL;
	size_t len = 0;
	int rc;

	(void)cmd;
	rc = read_doc(path, &doc, &len);
	if (rc != 0)
		return rc;
	arena_init(&a, 4 << 20);
	if (coaching_json_parse(doc, len, &a, &s, &fe) < 0) {
		fprintf(stderr, "compgap: %s: %s\n", path, fe.message);
		rc = EX_DATAERR;
		goto out;
	}
	if (s.coach == NULL) {
		fprintf(stderr, "compgap: %s: coach is required: the key of the person who coached\n",
			path);
		rc = EX_DATAERR;
		goto out;
	}
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		goto out;
	if (store_transact(st, add_work, &j, &err) < 0) {
		if (err.code == EX_DATAERR)
			fprintf(stderr, "compgap: %s: %s\n", path, err.msg);
		rc = err.code == EX_DATAERR ? EX_DATAERR : cli_fail(&err);
	} else {
		printf("stored coaching session %s\n", j.key);
	}
	store_close(st);
out:
	free(doc);
	arena_free(&a);
	return rc;
}

static const char *item_status(const struct coach_item *it, int32_t today)
{
	if (!coach_item_open(it))
		return "done";
	if (coach_item_overdue(it, today))
		return "overdue";
	return it->status != NULL && strcmp(it->status, "partly") == 0 ? "open, partly done" : "open";
}

static void print_item(const struct coach_item *it, int32_t today, bool agent)
{
	char d[DATE_ISO_LEN + 1];

	date_format(it->follow_up, d);
	printf("  %s#%d%s%s%s %s %s: %s; follow up %s (%s)\n", it->session, it->number,
	       agent ? " (" : "", agent ? it->agent : "", agent ? ")" : "",
	       it->competency != NULL ? "competency" : "area",
	       it->competency != NULL ? it->competency : it->area, it->action, d,
	       item_status(it, today));
}

static int list_person(struct store *st, const char *person, bool json, struct err *err)
{
	struct arena a;
	struct coach_brief *b;
	struct coach_item *items;
	size_t nb, ni;
	int32_t today = date_today();
	int rc = store_lookup(st, ENTITY_PERSON, person, NULL, err);

	if (rc <= 0)
		return rc < 0 ? cli_fail(err)
			: (fprintf(stderr, "compgap: there is no person '%s'\n", person), EX_DATAERR);
	arena_init(&a, 64 << 20);
	if (store_person_coaching(st, person, &a, &b, &nb, &items, &ni, err) < 0) {
		rc = cli_fail(err);
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		coaching_json_person(&w, person, b, nb, items, ni, today);
		rc = gap_json_done(&w);
	} else {
		size_t open = 0;

		printf("%s: %zu coaching session%s\n", person, nb, nb == 1 ? "" : "s");
		for (size_t i = 0; i < nb; i++) {
			char d[DATE_ISO_LEN + 1];

			date_format(b[i].date, d);
			printf("  %s  %s  coach %s%s%s%s\n", b[i].key, d, b[i].coach ? b[i].coach : "-",
			       b[i].nagents > 1 ? "  group" : "", b[i].topic ? "  topic: " : "",
			       b[i].topic ? b[i].topic : "");
		}
		for (size_t i = 0; i < ni; i++)
			open += coach_item_open(&items[i]);
		printf("\n%zu open development item%s\n", open, open == 1 ? "" : "s");
		for (size_t i = 0; i < ni; i++)
			if (coach_item_open(&items[i]))
				print_item(&items[i], today, false);
		rc = 0;
	}
	arena_free(&a);
	return rc;
}

static int list_team(struct store *st, const char *team, bool json, struct err *err)
{
	struct arena a;
	struct coach_brief *b;
	size_t n;
	int rc;

	arena_init(&a, 64 << 20);
	if (store_team_coaching(st, team, &a, &b, &n, err) < 0) {
		rc = cli_fail(err);
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		coaching_json_team(&w, team, b, n);
		rc = gap_json_done(&w);
	} else {
		printf("%s: %zu coaching session%s\n", team, n, n == 1 ? "" : "s");
		for (size_t i = 0; i < n; i++) {
			char d[DATE_ISO_LEN + 1];

			date_format(b[i].date, d);
			printf("  %s  %s  coach %s  ", b[i].key, d, b[i].coach ? b[i].coach : "-");
			for (size_t k = 0; k < b[i].nteam_agents; k++)
				printf("%s%s", k ? ", " : "", b[i].agents[k]);
			printf("%s%s\n", b[i].topic ? "  topic: " : "", b[i].topic ? b[i].topic : "");
		}
		rc = 0;
	}
	arena_free(&a);
	return rc;
}

int cli_show_coaching(struct store *st, const char *key, bool json, struct err *err)
{
	struct arena a;
	struct coach_session s;
	int32_t today = date_today();
	char d[DATE_ISO_LEN + 1];
	int rc;

	arena_init(&a, 64 << 20);
	rc = store_get_coaching(st, key, &a, &s, err);
	if (rc < 0) {
		rc = cli_fail(err);
	} else if (rc == 0) {
		fprintf(stderr, "compgap: there is no coaching session '%s'\n", key);
		rc = EX_DATAERR;
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		coaching_json_session(&w, &s, NULL, today);
		rc = gap_json_done(&w);
	} else {
		date_format(s.date, d);
		printf("coaching session %s on %s, coach %s%s%s\n", s.key, d, s.coach ? s.coach : "-",
		       s.topic ? ", topic: " : "", s.topic ? s.topic : "");
		printf("%s:", s.nagents > 1 ? "agents (group session)" : "agent");
		for (size_t i = 0; i < s.nagents; i++)
			printf("%s %s", i ? "," : "", s.agents[i]);
		printf("\n");
		if (s.nevaluations > 0)
			printf("\nevaluations discussed:\n");
		for (size_t i = 0; i < s.nevaluations; i++) {
			date_format(s.evaluations[i].date, d);
			printf("  %s  %s  %s, contact %s%s\n", s.evaluations[i].key, d,
			       s.evaluations[i].agent, s.evaluations[i].contact,
			       s.evaluations[i].retracted ? " (retracted since)" : "");
		}
		for (size_t i = 0; i < s.nstars; i++) {
			printf("\nnote%s%s%s:\n", s.stars[i].agent ? " about " : " of the group",
			       s.stars[i].agent ? s.stars[i].agent : "", "");
			for (int k = 0; k < STAR_PARTS; k++)
				if (s.stars[i].star.part[k] != NULL)
					printf("  %s: %s\n", star_part_names[k], s.stars[i].star.part[k]);
		}
		if (s.nitems > 0)
			printf("\ndevelopment items agreed:\n");
		for (size_t i = 0; i < s.nitems; i++)
			print_item(&s.items[i], today, true);
		if (s.nfollowups > 0)
			printf("\nfollow-ups of earlier items:\n");
		for (size_t i = 0; i < s.nfollowups; i++) {
			const struct coach_followup *f = &s.followups[i];

			printf("  %s (%s) %s: %s%s%s\n", f->item, f->about.agent, f->about.action,
			       coach_status_names[f->status], f->note ? " - " : "", f->note ? f->note : "");
		}
		rc = 0;
	}
	arena_free(&a);
	return rc;
}

int cmd_coaching(const struct command *cmd, int argc, char **argv)
{
	const char *db, *person = NULL, *team = NULL;
	bool json = false;
	const struct option opts[] = {
		{ "--person", NULL, &person, NULL },
		{ "--team", NULL, &team, NULL },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[2];
	int npos, rc;
	struct store *st = NULL;
	struct err err = { 0 };

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 2, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (npos >= 1 && strcmp(pos[0], "add") == 0) {
		if (npos != 2 || person != NULL || team != NULL || json)
			return cli_usage(cmd, "say 'coaching add FILE' (a JSON document; - reads it from"
					 " standard input)");
		return coaching_add(cmd, db, pos[1]);
	}
	if (npos != 1 || strcmp(pos[0], "list") != 0)
		return cli_usage(cmd, "say 'coaching add FILE' or 'coaching list --person KEY|--team"
				 " KEY'");
	if ((person == NULL) == (team == NULL))
		return cli_usage(cmd, "coaching list takes one of --person KEY and --team KEY");
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	rc = person != NULL ? list_person(st, person, json, &err) : list_team(st, team, json, &err);
	store_close(st);
	return rc;
}
