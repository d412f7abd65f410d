/* webhook add|list|remove|deliveries|deliver: the endpoints that alerts
 * are posted to, their queue, and one round of delivery for a cron job
 * (docs/api.md, "Webhooks"; docs/deployment.md, "Webhooks"). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "auth/auth.h"
#include "cli/commands.h"
#include "cli/table.h"
#include "core/webhook.h"
#include "http/webhooks.h"
#include "store/alerts.h"
#include "util/jsonw.h"

struct listing {
	struct table t;
	struct jw *w;                /* --json: the document, else NULL */
	size_t n;
};

static int endpoint_row(void *ctx, const struct webhook_endpoint *e)
{
	struct listing *l = ctx;
	char id[24], shown[300], counts[96];
	const char *kinds = e->alerts && e->praise ? "alert,praise" : e->alerts ? "alert" : "praise";

	l->n++;
	webhook_url_shown(e->url, shown, sizeof shown);
	if (l->w != NULL) {
		jw_object_begin(l->w);
		jw_field_int(l->w, "id", e->id);
		jw_field_string(l->w, "url", shown);
		jw_key_literal(l->w, "kinds");
		jw_array_begin(l->w);
		if (e->alerts)
			jw_string(l->w, "alert");
		if (e->praise)
			jw_string(l->w, "praise");
		jw_array_end(l->w);
		jw_field_string(l->w, "created_at", e->created_at);
		jw_field_string(l->w, "created_by", e->created_by);
		jw_field_int(l->w, "pending", e->pending);
		jw_field_int(l->w, "delivered", e->delivered);
		jw_field_int(l->w, "failed", e->failed);
		jw_field_int(l->w, "cancelled", e->cancelled);
		jw_object_end(l->w);
		return 0;
	}
	(void)snprintf(id, sizeof id, "%lld", (long long)e->id);
	(void)snprintf(counts, sizeof counts, "%ld / %ld / %ld", e->pending, e->delivered,
		       e->failed);
	{
		const char *cells[] = { id, shown, kinds, counts, e->created_at };

		(void)table_add(&l->t, cells);
	}
	return 0;
}

static int delivery_row(void *ctx, const struct webhook_delivery *d)
{
	struct listing *l = ctx;
	char id[24], ep[24], attempts[16], next[32], shown[300];
	time_t t = (time_t)d->next_attempt_at;
	struct tm tm;

	l->n++;
	if (l->w != NULL) {
		jw_object_begin(l->w);
		jw_field_int(l->w, "id", d->id);
		jw_field_int(l->w, "endpoint", d->endpoint);
		webhook_url_shown(d->url, shown, sizeof shown);
		jw_field_string(l->w, "url", shown);
		jw_field_string(l->w, "evaluation", d->evaluation_key);
		jw_field_string(l->w, "kind", d->kind);
		jw_field_string(l->w, "status", d->status);
		jw_field_int(l->w, "attempts", d->attempts);
		jw_field_int(l->w, "next_attempt_at", d->next_attempt_at);
		jw_field_string(l->w, "last_error", d->last_error);
		jw_field_string(l->w, "created_at", d->created_at);
		jw_field_string(l->w, "delivered_at", d->delivered_at);
		jw_object_end(l->w);
		return 0;
	}
	(void)snprintf(id, sizeof id, "%lld", (long long)d->id);
	(void)snprintf(ep, sizeof ep, "%lld", (long long)d->endpoint);
	(void)snprintf(attempts, sizeof attempts, "%d", d->attempts);
	if (strcmp(d->status, "pending") != 0 || gmtime_r(&t, &tm) == NULL ||
	    strftime(next, sizeof next, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		next[0] = '\0';
	{
		const char *cells[] = { id, ep, d->evaluation_key, d->kind, d->status, attempts, next,
					d->last_error };

		(void)table_add(&l->t, cells);
	}
	return 0;
}

static int list(struct store *st, bool deliveries, const char *status, bool json)
{
	static const char *const ep_headers[] = { "ID", "URL", "KINDS",
						  "PENDING / DELIVERED / FAILED", "CREATED" };
	static const char *const del_headers[] = { "ID", "ENDPOINT", "EVALUATION", "KIND",
						   "STATUS", "ATTEMPTS", "NEXT ATTEMPT",
						   "LAST ERROR" };
	static struct jw w;
	struct listing l = { .w = json ? &w : NULL };
	struct err err = { 0 };
	int rc;

	if (json) {
		jw_init(&w, stdout, 0);
		jw_object_begin(&w);
		jw_key(&w, deliveries ? "deliveries" : "endpoints");
		jw_array_begin(&w);
	} else if (deliveries) {
		table_init(&l.t, 8, del_headers, 0x20);
	} else {
		table_init(&l.t, 5, ep_headers, 0);
	}
	rc = deliveries ? store_webhook_deliveries(st, status, 0, delivery_row, &l, &err)
			: store_webhook_each(st, endpoint_row, &l, &err);
	if (json) {
		jw_array_end(&w);
		jw_object_end(&w);
		if (jw_finish(&w) < 0 && rc == 0) {
			fprintf(stderr, "compgap: cannot write the list\n");
			return EX_IOERR;
		}
		return rc < 0 ? cli_fail(&err) : 0;
	}
	if (rc == 0 && l.n == 0)
		printf(deliveries ? "no deliveries\n"
				  : "no webhook endpoints; add one with 'compgap webhook add URL'\n");
	else if (rc == 0)
		table_print(&l.t, stdout);
	table_free(&l.t);
	return rc < 0 ? cli_fail(&err) : 0;
}

/* A whole number of seconds since 1970 into *out: 0, or -1. */
static int parse_seconds(const char *s, int64_t *out)
{
	char *end;
	long long v;

	errno = 0;
	v = strtoll(s, &end, 10);
	if (*s == '\0' || *end != '\0' || errno != 0 || v < 0)
		return -1;
	*out = v;
	return 0;
}

static int parse_kinds(const char *s, bool *alerts, bool *praise)
{
	*alerts = *praise = false;
	if (s == NULL)
		return *alerts = *praise = true, 0;
	if (strcmp(s, "alert") == 0)
		*alerts = true;
	else if (strcmp(s, "praise") == 0)
		*praise = true;
	else if (strcmp(s, "alert,praise") == 0 || strcmp(s, "praise,alert") == 0)
		*alerts = *praise = true;
	else
		return -1;
	return 0;
}

int cmd_webhook(const struct command *cmd, int argc, char **argv)
{
	const char *db, *kinds = NULL, *status = NULL, *now_arg = NULL;
	bool json = false, alerts = false, praise = false;
	const struct option opts[] = {
		{ "--kinds", NULL, &kinds, NULL },
		{ "--status", NULL, &status, NULL },
		{ "--now", NULL, &now_arg, NULL },
		{ "--json", NULL, NULL, &json },
		{ NULL, NULL, NULL, NULL },
	};
	struct store *st = NULL;
	struct err err = { 0 };
	char *pos[2], actor[128];
	const char *verb;
	int64_t id = 0, now = (int64_t)time(NULL);
	int npos, rc;

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 2, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	verb = npos > 0 ? pos[0] : "list";
	if (strcmp(verb, "add") == 0) {
		const char *why;

		if (npos < 2)
			return cli_usage(cmd, "say 'webhook add URL'");
		why = webhook_url_refused(pos[1]);
		if (why != NULL)
			return cli_usage(cmd, "%s", why);
		if (parse_kinds(kinds, &alerts, &praise) < 0)
			return cli_usage(cmd, "--kinds takes alert, praise or alert,praise, not '%s'",
					 kinds);
	} else if (strcmp(verb, "remove") == 0) {
		if (npos < 2 || parse_seconds(pos[1], &id) < 0 || id == 0)
			return cli_usage(cmd, "say 'webhook remove ID' with the endpoint's id"
					 " ('webhook list' shows it)");
	} else if (strcmp(verb, "list") == 0 || strcmp(verb, "deliveries") == 0 ||
		   strcmp(verb, "deliver") == 0) {
		if (npos > 1)
			return cli_usage(cmd, "'webhook %s' takes no argument", verb);
	} else {
		return cli_usage(cmd, "no 'webhook %s'; say add, list, remove, deliveries or deliver",
				 verb);
	}
	if (kinds != NULL && strcmp(verb, "add") != 0)
		return cli_usage(cmd, "--kinds goes with 'webhook add'");
	if (status != NULL && strcmp(verb, "deliveries") != 0)
		return cli_usage(cmd, "--status goes with 'webhook deliveries'");
	if (status != NULL && strcmp(status, "pending") != 0 && strcmp(status, "delivered") != 0 &&
	    strcmp(status, "failed") != 0 && strcmp(status, "cancelled") != 0)
		return cli_usage(cmd, "--status takes pending, delivered, failed or cancelled, not '%s'",
				 status);
	if (now_arg != NULL && strcmp(verb, "deliver") != 0)
		return cli_usage(cmd, "--now goes with 'webhook deliver'");
	if (now_arg != NULL && parse_seconds(now_arg, &now) < 0)
		return cli_usage(cmd, "--now takes seconds since 1970-01-01 UTC, not '%s'", now_arg);
	if (json && strcmp(verb, "add") == 0)
		return cli_usage(cmd, "--json does not go with 'webhook add'");
	rc = cli_open_store(db, 0, &st);
	if (rc != 0)
		return rc;
	auth_cli_actor(actor, sizeof actor);
	if (strcmp(verb, "add") == 0) {
		if (webhook_admin_add(st, actor, NULL, pos[1], alerts, praise, &id, &err) < 0)
			rc = cli_fail(&err);
		else
			printf("added webhook endpoint %lld\n", (long long)id);
	} else if (strcmp(verb, "remove") == 0) {
		if (webhook_admin_remove(st, actor, NULL, id, &err) < 0)
			rc = cli_fail(&err);
		else
			printf("removed webhook endpoint %lld and its deliveries\n", (long long)id);
	} else if (strcmp(verb, "deliver") == 0) {
		struct webhook_round r;

		if (webhook_deliver_due(st, now, 0, &r, &err) < 0) {
			rc = cli_fail(&err);
		} else if (json) {
			static struct jw w;

			jw_init(&w, stdout, 0);
			jw_object_begin(&w);
			jw_field_int(&w, "now", now);
			jw_field_int(&w, "due", r.due);
			jw_field_int(&w, "delivered", r.delivered);
			jw_field_int(&w, "retried", r.retried);
			jw_field_int(&w, "failed", r.failed);
			jw_field_int(&w, "cancelled", r.cancelled);
			jw_object_end(&w);
			if (jw_finish(&w) < 0)
				rc = EX_IOERR;
		} else {
			printf("%ld due: %ld delivered, %ld to retry, %ld failed, %ld cancelled\n",
			       r.due, r.delivered, r.retried, r.failed, r.cancelled);
		}
	} else {
		rc = list(st, strcmp(verb, "deliveries") == 0, status, json);
	}
	store_close(st);
	return rc;
}
