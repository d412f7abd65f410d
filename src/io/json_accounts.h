/* The JSON documents of accounts (docs/api.md): the users, the API tokens
 * and the audit log, as `compgap user list --json`, `token list --json`
 * and `audit --json` write them and the server serves them (GET
 * /api/v1/audit), from these functions. Never a hash or a token. */
#ifndef COMPGAP_JSON_ACCOUNTS_H
#define COMPGAP_JSON_ACCOUNTS_H

#include <stdbool.h>

#include "store/store.h"
#include "util/jsonw.h"

/* {"users": [{"name", "role", "person", "teams", "disabled", "sessions",
 * "created_at", "changed_at"}]}, by name. 0, or -1 with err set (the
 * document is then unfinished). */
int json_users(struct jw *w, struct store *st, struct err *err);

/* {"tokens": [{"name", "role", "person", "teams", "revoked", "created_at",
 * "revoked_at"}]}, by name. */
int json_tokens(struct jw *w, struct store *st, struct err *err);

/* One audit entry: {"id", "at", "actor", "action", "object_kind",
 * "object_key", "person", "address", "outcome", "detail"}. */
void json_audit_entry(struct jw *w, const struct audit_entry *e);

/* {"audit": [entries f selects, oldest first]}. */
int json_audit(struct jw *w, struct store *st, const struct audit_filter *f, struct err *err);

/* Whether since is a date (YYYY-MM-DD) or a time as the log writes them
 * (YYYY-MM-DDTHH:MM:SSZ): what `audit --since` and ?since= take. */
bool audit_since_valid(const char *since);

/* A list of team keys separated by STORE_TEAM_SEP, as an array. */
void json_team_keys(struct jw *w, const char *teams);

#endif
