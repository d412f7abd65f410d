/* The PostgreSQL statements of accounts, tokens, sessions and the audit
 * log (store_accounts.c uses them through pq_acct_run): those of
 * sqlite_accounts.c in PostgreSQL's dialect, prepared once per
 * connection, with text results. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "store/pg_int.h"

#define TEAMS_OF(link, owner, alias) \
	"(SELECT string_agg(t.key, chr(31) ORDER BY t.key) FROM " link " x" \
	" JOIN team t ON t.id = x.team_id WHERE x." owner " = " alias ".id)"
#define USER_COLUMNS \
	"SELECT u.id, u.name, u.role, u.person_id, p.key, " \
	TEAMS_OF("account_team", "account_id", "u") ", u.disabled, u.password_hash," \
	" u.created_at, u.changed_at"
#define USER_FROM " FROM account u LEFT JOIN person p ON p.id = u.person_id"
#define TOKEN_COLUMNS \
	"SELECT k.id, k.name, k.role, k.person_id, p.key, " \
	TEAMS_OF("api_token_team", "token_id", "k") ", (k.revoked_at IS NOT NULL)::int," \
	" k.token_hash, k.created_at, k.revoked_at" \
	" FROM api_token k LEFT JOIN person p ON p.id = k.person_id"

/* The parameters and columns of each are those of sqlite_accounts.c. */
static const char *const acct_sql[A_COUNT_OF_STATEMENTS] = {
	[A_USER_ADD] =
		"INSERT INTO account(name, role, person_id, password_hash, created_at, changed_at)"
		" VALUES ($1, $2, $3, $4, $5, $5) RETURNING id",
	[A_USER_TEAM_ADD] = "INSERT INTO account_team(account_id, team_id) VALUES ($1, $2)",
	[A_USER_GET] = USER_COLUMNS USER_FROM " WHERE u.name = $1",
	[A_USERS] = USER_COLUMNS USER_FROM " ORDER BY u.name",
	[A_USER_PASSWORD] =
		"UPDATE account SET password_hash = $2, changed_at = $3 WHERE name = $1",
	[A_USER_DISABLE] = "UPDATE account SET disabled = $2, changed_at = $3 WHERE name = $1",
	[A_USER_SESSIONS_DELETE] =
		"DELETE FROM session WHERE account_id = (SELECT id FROM account WHERE name = $1)",
	[A_USER_REMOVE] = "DELETE FROM account WHERE name = $1",
	/* $1 name, $2 the token hash of the session kept (NULL: none kept) */
	[A_USER_SESSIONS_DELETE_OTHERS] =
		"DELETE FROM session WHERE account_id = (SELECT id FROM account WHERE name = $1) "
		"AND ($2::text IS NULL OR token_hash <> $2)",
	[A_TOKEN_ADD] =
		"INSERT INTO api_token(name, role, person_id, token_hash, created_at)"
		" VALUES ($1, $2, $3, $4, $5) RETURNING id",
	[A_TOKEN_TEAM_ADD] = "INSERT INTO api_token_team(token_id, team_id) VALUES ($1, $2)",
	[A_TOKENS] = TOKEN_COLUMNS " ORDER BY k.name",
	[A_TOKEN_BY_HASH] = TOKEN_COLUMNS " WHERE k.token_hash = $1",
	[A_TOKEN_GET] = TOKEN_COLUMNS " WHERE k.name = $1",
	[A_TOKEN_REVOKE] =
		"UPDATE api_token SET revoked_at = $2 WHERE name = $1 AND revoked_at IS NULL",
	[A_SESSION_ADD] =
		"INSERT INTO session(token_hash, account_id, csrf_hash, created_at, last_seen, address)"
		" VALUES ($1, $2, $3, $4, $4, $5)",
	[A_SESSION_GET] =
		"SELECT s.id, s.created_at, s.last_seen, s.csrf_hash, x.* FROM session s"
		" JOIN (" USER_COLUMNS USER_FROM ") x ON x.id = s.account_id WHERE s.token_hash = $1",
	[A_SESSION_TOUCH] = "UPDATE session SET last_seen = $2 WHERE id = $1",
	[A_SESSION_DELETE] = "DELETE FROM session WHERE token_hash = $1",
	[A_SESSION_PURGE] = "DELETE FROM session WHERE last_seen < $1 OR created_at < $2",
	[A_SESSION_COUNT] =
		"SELECT count(*) FROM session s JOIN account u ON u.id = s.account_id"
		" WHERE u.name = $1",
	[A_AUDIT_APPEND] =
		"INSERT INTO audit_log(at, actor, action, object_kind, object_key, person_key,"
		" address, outcome, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)"
		" RETURNING id",
	[A_AUDIT_LIST] =
		"SELECT id, at, actor, action, object_kind, object_key, person_key, address,"
		" outcome, detail FROM audit_log"
		" WHERE ($1::text IS NULL OR person_key = $1)"
		" AND ($2::text IS NULL OR actor = $2 OR (object_kind = 'user' AND object_key = $2))"
		" AND ($3::text IS NULL OR at >= $3) AND id > $4"
		" ORDER BY id LIMIT nullif($5::bigint, -1)",
};

int pq_acct_run(struct store *st, enum acct_stmt id, const struct acct_param *p, int np,
		int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		int64_t *changes, struct err *err)
{
	struct conn *c = pgb_conn_of(st);
	const char *values[ACCT_PARAMS_MAX];
	char ints[ACCT_PARAMS_MAX][24];
	const char *cols[16];
	char name[16];
	PGresult *r;
	ExecStatusType s;
	int stop = 0, n;

	_Static_assert((int)A_COUNT_OF_STATEMENTS <= (int)ACCT_STMT_MAX, "room for the statements");
	if (np > ACCT_PARAMS_MAX)
		return err_set(err, EX_SOFTWARE, "too many parameters");
	if (pgb_copy_close(st, err) < 0)
		return -1;
	(void)snprintf(name, sizeof name, "a%d", (int)id);
	if (!c->acct_prepared[id]) {
		r = PQprepare(c->link.pg, name, acct_sql[id], 0, NULL);
		if (PQresultStatus(r) != PGRES_COMMAND_OK) {
			pgb_error(st, r, "prepare a statement of accounts", err);
			PQclear(r);
			return -1;
		}
		PQclear(r);
		c->acct_prepared[id] = true;
	}
	for (int i = 0; i < np; i++) {
		if (p[i].is_int) {
			(void)snprintf(ints[i], sizeof ints[i], "%" PRId64, p[i].i);
			values[i] = ints[i];
		} else {
			values[i] = p[i].s;
		}
	}
	r = PQexecPrepared(c->link.pg, name, np, values, NULL, NULL, 0);
	s = PQresultStatus(r);
	if (s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK) {
		pgb_error(st, r, "read or write accounts", err);
		PQclear(r);
		return -1;
	}
	n = PQnfields(r);
	if (n > (int)(sizeof cols / sizeof cols[0]))
		n = (int)(sizeof cols / sizeof cols[0]);
	for (int i = 0; stop == 0 && row != NULL && i < PQntuples(r); i++) {
		for (int j = 0; j < n; j++)
			cols[j] = PQgetisnull(r, i, j) ? NULL : PQgetvalue(r, i, j);
		stop = row(ctx, cols, n);
	}
	if (changes != NULL) {
		const char *t = PQcmdTuples(r);

		*changes = *t != '\0' ? strtoll(t, NULL, 10) : 0;
	}
	PQclear(r);
	return stop;
}
