/* plan list|add|accept|set-status|overdue: development plans
 * (docs/methodology.md, "Development plans"). Each write is one
 * transaction with its audit entry (actor cli:OSUSER). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cli/accounts_cli.h"
#include "cli/commands.h"
#include "cli/gapopts.h"
#include "io/plan_json.h"
#include "store/accounts.h"
#include "util/date.h"
#include "views/plan.h"

/* What the options gave. */
struct plan_args {
	const char *person, *competency, *kind, *mentor, *due, *description, *status, *team,
		*recommendation, *id;
	bool json;
};

static void print_action(const struct plan_action *a, int32_t today)
{
	char due[DATE_ISO_LEN + 1] = "-";

	if (a->has_due)
		date_format(a->due, due);
	printf("  %-5lld %-12s %-19s %-20s due %-10s", (long long)a->id, plan_status_name(a->status),
	       plan_kind_name(a->kind), a->competency, due);
	if (plan_overdue(a->status, a->has_due, a->due, today))
		printf("  OVERDUE");
	printf("\n");
	if (a->mentor != NULL)
		printf("        mentor %s\n", a->mentor);
	if (a->description != NULL)
		printf("        %s\n", a->description);
	if (a->source_ref != NULL)
		printf("        from recommendation %s\n", a->source_ref);
}

static int list_plan(struct store *st, const struct plan_args *o, int32_t today)
{
	struct arena a;
	struct plan_action *v;
	size_t n;
	struct err err = { 0 };
	int rc = 0;

	arena_init(&a, 1 << 26);
	if (store_begin_read(st, &err) < 0 ||
	    store_plan_of_person(st, o->person, &a, &v, &n, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (o->json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		plan_json(&w, o->person, v, n, today);
		rc = gap_json_done(&w);
		goto out;
	}
	printf("Development plan of %s\n", o->person);
	if (n == 0)
		printf("  no actions yet ('compgap plan add' or 'compgap plan accept')\n");
	for (size_t i = 0; i < n; i++)
		print_action(&v[i], today);
out:
	store_rollback(st);
	arena_free(&a);
	return rc;
}

static int list_overdue(struct store *st, const struct plan_args *o, int32_t today)
{
	struct arena a;
	struct plan_action *v;
	size_t n;
	struct err err = { 0 };
	int rc = 0;

	arena_init(&a, 1 << 26);
	if (store_begin_read(st, &err) < 0 || store_plan_overdue(st, today, &a, &v, &n, &err) < 0) {
		rc = cli_fail(&err);
		goto out;
	}
	if (o->json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		jw_object_begin(&w);
		jw_field_date(&w, "today", today);
		jw_key_literal(&w, "actions");
		jw_array_begin(&w);
		for (size_t i = 0; i < n; i++)
			plan_action_json(&w, &v[i], today);
		jw_array_end(&w);
		jw_object_end(&w);
		rc = gap_json_done(&w);
		goto out;
	}
	if (n == 0)
		printf("no overdue plan actions\n");
	for (size_t i = 0; i < n; i++) {
		printf("%s %s\n", v[i].person, v[i].person_name);
		print_action(&v[i], today);
	}
out:
	store_rollback(st);
	arena_free(&a);
	return rc;
}

/* One write with its audit entry, as a transaction's work. */
struct plan_job {
	enum { JOB_ADD, JOB_ACCEPT, JOB_STATUS } op;
	const struct plan_args *o;
	struct plan_action action;       /* JOB_ADD: as given */
	struct plan_accept accept;       /* JOB_ACCEPT */
	int64_t id;                      /* JOB_STATUS: in; else out */
	enum plan_status status, old;
	struct arena *a;
	const char *field;
};

static int job_work(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct plan_job *j = ctx;
	struct plan_fault f = { 0 };
	struct auth_actor by;
	struct audit_entry e;
	char actor[128], at[32], key[32], detail[600];
	const char *person;

	(void)attempt;
	cli_actor(&by, actor, sizeof actor);
	auth_time_iso(by.now, at);
	j->field = NULL;
	if (j->op == JOB_ACCEPT &&
	    plan_from_recommendation(st, &j->accept, NULL, j->a, &j->action, &j->field, err) < 0)
		return -1;
	if (j->op != JOB_STATUS) {
		if (store_plan_add(st, &j->action, at, &j->id, &f, err) < 0)
			return j->field = f.field, -1;
		person = j->action.person;
		(void)snprintf(detail, sizeof detail, "%s on %s%s%s", plan_kind_name(j->action.kind),
			       j->action.competency, j->action.source_ref ? " from " : "",
			       j->action.source_ref ? j->action.source_ref : "");
	} else {
		struct plan_action cur;
		int rc = store_plan_get(st, j->id, j->a, &cur, err);

		if (rc <= 0)
			return rc < 0 ? -1 : (j->field = "id", err_set(err, EX_DATAERR,
						"id: there is no plan action %lld", (long long)j->id));
		if (store_plan_set_status(st, j->id, j->status, at, &j->old, &f, err) < 0)
			return j->field = f.field, -1;
		person = cur.person;
		(void)snprintf(detail, sizeof detail, "%s -> %s", plan_status_name(j->old),
			       plan_status_name(j->status));
	}
	(void)snprintf(key, sizeof key, "%lld", (long long)j->id);
	e = (struct audit_entry){ .at = at, .actor = by.name,
		.action = j->op == JOB_ADD ? "plan.add" : j->op == JOB_ACCEPT ? "plan.accept"
			: "plan.status",
		.object_kind = "plan_action", .object_key = key, .person = person,
		.outcome = "ok", .detail = detail };
	return store_audit_append(st, &e, err);
}

static int show_one(struct store *st, int64_t id, int32_t today, bool json, const char *verb)
{
	struct arena a;
	struct plan_action x;
	struct err err = { 0 };
	int rc = 0;

	arena_init(&a, 1 << 20);
	if (store_begin_read(st, &err) < 0 || store_plan_get(st, id, &a, &x, &err) <= 0) {
		rc = err.code ? cli_fail(&err) : EX_SOFTWARE;
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		plan_action_json(&w, &x, today);
		rc = gap_json_done(&w);
	} else {
		printf("%s plan action %lld of %s\n", verb, (long long)id, x.person);
		print_action(&x, today);
	}
	store_rollback(st);
	arena_free(&a);
	return rc;
}

static int parse_due(const struct command *cmd, const char *s, bool *has, int32_t *due)
{
	if (s == NULL)
		return 0;
	if (date_parse(s, due) < 0)
		return cli_usage(cmd, "--due: '%s' is not a date; give YYYY-MM-DD", s);
	*has = true;
	return 0;
}

static int write_plan(const struct command *cmd, struct store *st, const char *verb,
		      const struct plan_args *o, int32_t today)
{
	struct arena a;
	struct plan_job j = { .o = o };
	struct err err = { 0 };
	char refbuf[PLAN_REF_MAX];
	int rc;

	arena_init(&a, 1 << 26);
	j.a = &a;
	if (strcmp(verb, "add") == 0) {
		j.op = JOB_ADD;
		if (o->person == NULL || o->competency == NULL || o->kind == NULL)
			rc = cli_usage(cmd, "'plan add' needs --person KEY, --competency KEY and"
				       " --kind KIND");
		else if (plan_kind_parse(o->kind, &j.action.kind) < 0)
			rc = cli_usage(cmd, "--kind: '%s' is not a kind of action; one of %s", o->kind,
				       plan_kind_list());
		else if (o->status != NULL && plan_status_parse(o->status, &j.action.status) < 0)
			rc = cli_usage(cmd, "--status: '%s' is not a status; one of %s", o->status,
				       plan_status_list());
		else
			rc = parse_due(cmd, o->due, &j.action.has_due, &j.action.due);
		j.action.person = o->person;
		j.action.competency = o->competency;
		j.action.mentor = o->mentor;
		j.action.description = o->description;
		if (o->team != NULL || o->recommendation != NULL)
			rc = rc ? rc : cli_usage(cmd, "--team and --recommendation go with 'plan accept'");
	} else if (strcmp(verb, "accept") == 0) {
		j.op = JOB_ACCEPT;
		rc = 0;
		j.accept.today = today;
		if (o->recommendation != NULL) {
			if (o->person || o->competency || o->kind || o->team)
				rc = cli_usage(cmd, "--recommendation ID names the person, competency,"
					       " kind and team itself");
			else if (plan_accept_parse_ref(o->recommendation, refbuf, sizeof refbuf,
						       &j.accept) < 0)
				rc = cli_usage(cmd, "--recommendation: '%s' is not a recommendation's"
					       " identity KIND:TEAM:COMPETENCY:PERSON", o->recommendation);
		} else if (o->person == NULL || o->competency == NULL) {
			rc = cli_usage(cmd, "'plan accept' needs --person KEY and --competency KEY, or"
				       " --recommendation ID");
		} else {
			j.accept.person = o->person;
			j.accept.competency = o->competency;
			j.accept.rec_kind = o->kind;
			j.accept.team = o->team;
		}
		if (rc == 0 && (o->mentor != NULL || o->status != NULL))
			rc = cli_usage(cmd, "'plan accept' takes its mentor from the recommendation and"
				       " starts as planned; change them after");
		if (rc == 0)
			rc = parse_due(cmd, o->due, &j.accept.has_due, &j.accept.due);
		j.accept.description = o->description;
	} else {
		char *end;

		j.op = JOB_STATUS;
		rc = 0;
		if (o->id == NULL || o->status == NULL)
			rc = cli_usage(cmd, "'plan set-status' needs --id N and --status STATUS");
		else if (plan_status_parse(o->status, &j.status) < 0)
			rc = cli_usage(cmd, "--status: '%s' is not a status; one of %s", o->status,
				       plan_status_list());
		else {
			errno = 0;
			j.id = strtoll(o->id, &end, 10);
			if (errno != 0 || *end != '\0' || end == o->id || j.id <= 0)
				rc = cli_usage(cmd, "--id: '%s' is not an action's id (a whole number"
					       " above 0; 'compgap plan list' shows them)", o->id);
		}
	}
	if (rc == 0) {
		if (store_transact(st, job_work, &j, &err) < 0)
			rc = cli_fail(&err);
		else
			rc = show_one(st, j.id, today, o->json,
				      j.op == JOB_ADD ? "added" : j.op == JOB_ACCEPT ? "accepted into"
				      : "set the status of");
	}
	arena_free(&a);
	return rc;
}

int cmd_plan(const struct command *cmd, int argc, char **argv)
{
	const char *db;
	struct plan_args o = { 0 };
	const struct option opts[] = {
		{ "--person", NULL, &o.person, NULL },
		{ "--competency", NULL, &o.competency, NULL },
		{ "--kind", NULL, &o.kind, NULL },
		{ "--mentor", NULL, &o.mentor, NULL },
		{ "--due", NULL, &o.due, NULL },
		{ "--description", NULL, &o.description, NULL },
		{ "--status", NULL, &o.status, NULL },
		{ "--team", NULL, &o.team, NULL },
		{ "--recommendation", NULL, &o.recommendation, NULL },
		{ "--id", NULL, &o.id, NULL },
		{ "--json", NULL, NULL, &o.json },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[1];
	const char *verb;
	int npos, rc;
	int32_t today = date_today();
	struct store *st = NULL;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 1, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (npos == 0)
		return cli_usage(cmd, "say 'plan list', 'plan add', 'plan accept', 'plan set-status'"
				 " or 'plan overdue'");
	verb = pos[0];
	if (strcmp(verb, "list") == 0) {
		if (o.person == NULL)
			return cli_usage(cmd, "'plan list' needs --person KEY");
	} else if (strcmp(verb, "overdue") != 0 && strcmp(verb, "add") != 0 &&
		   strcmp(verb, "accept") != 0 && strcmp(verb, "set-status") != 0) {
		return cli_usage(cmd, "no 'plan %s'; say list, add, accept, set-status or overdue",
				 verb);
	}
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	if (strcmp(verb, "list") == 0)
		rc = list_plan(st, &o, today);
	else if (strcmp(verb, "overdue") == 0)
		rc = list_overdue(st, &o, today);
	else
		rc = write_plan(cmd, st, verb, &o, today);
	store_close(st);
	return rc;
}
