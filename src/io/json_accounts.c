/* The JSON documents of users, tokens and the audit log. */
#include <stdio.h>
#include <string.h>

#include "core/model.h"
#include "io/json_accounts.h"
#include "util/date.h"

static void string_or_null(struct jw *w, const char *key, const char *value)
{
	jw_key(w, key);
	if (value != NULL)
		jw_string(w, value);
	else
		jw_null(w);
}

void json_team_keys(struct jw *w, const char *teams)
{
	jw_array_begin(w);
	while (teams != NULL && *teams != '\0') {
		const char *end = strchr(teams, STORE_TEAM_SEP);
		size_t n = end != NULL ? (size_t)(end - teams) : strlen(teams);
		char key[KEY_MAX + 1];

		(void)snprintf(key, sizeof key, "%.*s", (int)n, teams);
		jw_string(w, key);
		teams += n + (end != NULL);
	}
	jw_array_end(w);
}

struct accounts {
	struct jw *w;
	struct store *st;
	struct err *err;
};

static int user_entry(void *ctx, const struct store_account *u)
{
	struct accounts *a = ctx;
	int64_t sessions = 0;

	if (store_session_count(a->st, u->name, &sessions, a->err) < 0)
		return -1;
	jw_object_begin(a->w);
	jw_field_string(a->w, "name", u->name);
	jw_field_string(a->w, "role", u->role);
	string_or_null(a->w, "person", u->person);
	jw_key(a->w, "teams");
	json_team_keys(a->w, u->teams);
	jw_field_bool(a->w, "disabled", u->disabled);
	jw_field_int(a->w, "sessions", sessions);
	jw_field_string(a->w, "created_at", u->created_at);
	jw_field_string(a->w, "changed_at", u->changed_at);
	jw_object_end(a->w);
	return 0;
}

static int token_entry(void *ctx, const struct store_account *t)
{
	struct accounts *a = ctx;

	jw_object_begin(a->w);
	jw_field_string(a->w, "name", t->name);
	jw_field_string(a->w, "role", t->role);
	string_or_null(a->w, "person", t->person);
	jw_key(a->w, "teams");
	json_team_keys(a->w, t->teams);
	jw_field_bool(a->w, "revoked", t->disabled);
	jw_field_string(a->w, "created_at", t->created_at);
	string_or_null(a->w, "revoked_at", t->changed_at);
	jw_object_end(a->w);
	return 0;
}

static int document(struct jw *w, struct store *st, const char *key, int tokens,
		    struct err *err)
{
	struct accounts a = { w, st, err };

	jw_object_begin(w);
	jw_key(w, key);
	jw_array_begin(w);
	if ((tokens ? store_each_token(st, token_entry, &a, err)
		    : store_each_user(st, user_entry, &a, err)) != 0)
		return -1;
	jw_array_end(w);
	jw_object_end(w);
	return 0;
}

int json_users(struct jw *w, struct store *st, struct err *err)
{
	return document(w, st, "users", 0, err);
}

int json_tokens(struct jw *w, struct store *st, struct err *err)
{
	return document(w, st, "tokens", 1, err);
}

void json_audit_entry(struct jw *w, const struct audit_entry *e)
{
	jw_object_begin(w);
	jw_field_int(w, "id", e->id);
	string_or_null(w, "at", e->at);
	string_or_null(w, "actor", e->actor);
	string_or_null(w, "action", e->action);
	string_or_null(w, "object_kind", e->object_kind);
	string_or_null(w, "object_key", e->object_key);
	string_or_null(w, "person", e->person);
	string_or_null(w, "address", e->address);
	string_or_null(w, "outcome", e->outcome);
	string_or_null(w, "detail", e->detail);
	jw_object_end(w);
}

static int audit_entry(void *ctx, const struct audit_entry *e)
{
	json_audit_entry(ctx, e);
	return 0;
}

int json_audit(struct jw *w, struct store *st, const struct audit_filter *f, struct err *err)
{
	jw_object_begin(w);
	jw_key(w, "audit");
	jw_array_begin(w);
	if (store_each_audit(st, f, audit_entry, w, err) != 0)
		return -1;
	jw_array_end(w);
	jw_object_end(w);
	return 0;
}

/* Whether since is a date (YYYY-MM-DD) or a time as the log writes them
 * (YYYY-MM-DDTHH:MM:SSZ). */
bool audit_since_valid(const char *since)
{
	char day[11];
	int32_t days;

	if (strlen(since) == 10)
		return date_parse(since, &days) == 0;
	if (strlen(since) != 20 || since[10] != 'T' || since[19] != 'Z')
		return false;
	(void)snprintf(day, sizeof day, "%.10s", since);
	for (int i = 11; i < 19; i++)
		if ((i == 13 || i == 16) ? since[i] != ':' : (since[i] < '0' || since[i] > '9'))
			return false;
	return date_parse(day, &days) == 0;
}
