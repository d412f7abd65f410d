/* The SQLite statements of accounts, tokens, sessions and the audit log
 * (store_accounts.c uses them through sq_acct_run). Parameters are ?1..;
 * columns come back as text. */
#include <sqlite3.h>
#include <stdio.h>
#include <sysexits.h>

#include "store/sqlite_int.h"

/* The columns of a user or token (store_accounts.c reads them in this
 * order): id, name, role, person id, person key, teams, disabled, hash,
 * created, changed. */
#define TEAMS_OF(link, owner, alias) \
	"(SELECT group_concat(k, char(31)) FROM (SELECT t.key AS k FROM " link " x" \
	" JOIN team t ON t.id = x.team_id WHERE x." owner " = " alias ".id ORDER BY t.key))"
#define USER_COLUMNS \
	"SELECT u.id, u.name, u.role, u.person_id, p.key, " \
	TEAMS_OF("account_team", "account_id", "u") ", u.disabled, u.password_hash," \
	" u.created_at, u.changed_at"
#define USER_FROM " FROM account u LEFT JOIN person p ON p.id = u.person_id"
#define TOKEN_COLUMNS \
	"SELECT k.id, k.name, k.role, k.person_id, p.key, " \
	TEAMS_OF("api_token_team", "token_id", "k") ", k.revoked_at IS NOT NULL, k.token_hash," \
	" k.created_at, k.revoked_at" \
	" FROM api_token k LEFT JOIN person p ON p.id = k.person_id"

static const char *const acct_sql[A_COUNT_OF_STATEMENTS] = {
	/* name, role, person id, hash, now */
	[A_USER_ADD] =
		"INSERT INTO account(name, role, person_id, password_hash, created_at, changed_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?5) RETURNING id",
	[A_USER_TEAM_ADD] = "INSERT INTO account_team(account_id, team_id) VALUES (?1, ?2)",
	[A_USER_GET] = USER_COLUMNS USER_FROM " WHERE u.name = ?1",
	[A_USERS] = USER_COLUMNS USER_FROM " ORDER BY u.name",
	/* name, hash, now */
	[A_USER_PASSWORD] =
		"UPDATE account SET password_hash = ?2, changed_at = ?3 WHERE name = ?1",
	/* name, disabled, now */
	[A_USER_DISABLE] = "UPDATE account SET disabled = ?2, changed_at = ?3 WHERE name = ?1",
	[A_USER_SESSIONS_DELETE] =
		"DELETE FROM session WHERE account_id = (SELECT id FROM account WHERE name = ?1)",
	[A_USER_REMOVE] = "DELETE FROM account WHERE name = ?1",
	/* ?1 name, ?2 the token hash of the session kept (NULL: none kept) */
	[A_USER_SESSIONS_DELETE_OTHERS] =
		"DELETE FROM session WHERE account_id = (SELECT id FROM account WHERE name = ?1) "
		"AND (?2 IS NULL OR token_hash <> ?2)",
	/* name, role, person id, hash, now */
	[A_TOKEN_ADD] =
		"INSERT INTO api_token(name, role, person_id, token_hash, created_at)"
		" VALUES (?1, ?2, ?3, ?4, ?5) RETURNING id",
	[A_TOKEN_TEAM_ADD] = "INSERT INTO api_token_team(token_id, team_id) VALUES (?1, ?2)",
	[A_TOKENS] = TOKEN_COLUMNS " ORDER BY k.name",
	[A_TOKEN_BY_HASH] = TOKEN_COLUMNS " WHERE k.token_hash = ?1",
	[A_TOKEN_GET] = TOKEN_COLUMNS " WHERE k.name = ?1",
	/* name, now */
	[A_TOKEN_REVOKE] =
		"UPDATE api_token SET revoked_at = ?2 WHERE name = ?1 AND revoked_at IS NULL",
	/* token hash, user id, csrf hash, now, address */
	[A_SESSION_ADD] =
		"INSERT INTO session(token_hash, account_id, csrf_hash, created_at, last_seen, address)"
		" VALUES (?1, ?2, ?3, ?4, ?4, ?5)",
	/* session id, created, last seen, csrf hash, then the user's columns */
	[A_SESSION_GET] =
		"SELECT s.id, s.created_at, s.last_seen, s.csrf_hash, x.* FROM session s"
		" JOIN (" USER_COLUMNS USER_FROM ") x ON x.id = s.account_id WHERE s.token_hash = ?1",
	[A_SESSION_TOUCH] = "UPDATE session SET last_seen = ?2 WHERE id = ?1",
	[A_SESSION_DELETE] = "DELETE FROM session WHERE token_hash = ?1",
	/* idle before, created before */
	[A_SESSION_PURGE] = "DELETE FROM session WHERE last_seen < ?1 OR created_at < ?2",
	[A_SESSION_COUNT] =
		"SELECT count(*) FROM session s JOIN account u ON u.id = s.account_id"
		" WHERE u.name = ?1",
	[A_AUDIT_APPEND] =
		"INSERT INTO audit_log(at, actor, action, object_kind, object_key, person_key,"
		" address, outcome, detail) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
		" RETURNING id",
	/* person, user, since, after id, limit (-1: all) */
	[A_AUDIT_LIST] =
		"SELECT id, at, actor, action, object_kind, object_key, person_key, address,"
		" outcome, detail FROM audit_log"
		" WHERE (?1 IS NULL OR person_key = ?1)"
		" AND (?2 IS NULL OR actor = ?2 OR (object_kind = 'user' AND object_key = ?2))"
		" AND (?3 IS NULL OR at >= ?3) AND id > ?4 ORDER BY id LIMIT ?5",
};

int sq_acct_run(struct store *st, enum acct_stmt id, const struct acct_param *p, int np,
		int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		int64_t *changes, struct err *err)
{
	struct conn *c = sq_conn_of(st);
	const char *cols[16];
	sqlite3_stmt *s;
	int rc, stop = 0;

	_Static_assert((int)A_COUNT_OF_STATEMENTS <= (int)ACCT_STMT_MAX, "room for the statements");
	if (c->acct_stmts[id] == NULL) {
		rc = sqlite3_prepare_v3(c->db, acct_sql[id], -1, SQLITE_PREPARE_PERSISTENT,
					&c->acct_stmts[id], NULL);
		if (rc != SQLITE_OK)
			return sq_db_error(st, rc, "prepare a statement of accounts", err);
	}
	s = c->acct_stmts[id];
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	for (int i = 0; i < np; i++) {
		if (p[i].is_int)
			sqlite3_bind_int64(s, i + 1, p[i].i);
		else
			sq_bind_text(s, i + 1, p[i].s);
	}
	while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		int n = sqlite3_column_count(s);

		if (n > (int)(sizeof cols / sizeof cols[0]))
			n = (int)(sizeof cols / sizeof cols[0]);
		for (int i = 0; i < n; i++)
			cols[i] = sq_column_text(s, i);
		if (row != NULL && (stop = row(ctx, cols, n)) != 0)
			break;
	}
	if (stop == 0 && rc != SQLITE_DONE) {
		int failed = rc;

		sqlite3_reset(s);
		return sq_db_error(st, failed, "read or write accounts", err);
	}
	if (changes != NULL)
		*changes = sqlite3_changes(c->db);
	sqlite3_reset(s);
	return stop;
}
