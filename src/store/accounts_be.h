/* What each backend implements for accounts (store/accounts.h): the SQL
 * of the statements below, in its dialect (sqlite_accounts.c,
 * pg_accounts.c), and one function that runs them. store_accounts.c holds
 * the rest, the same on both engines. Nothing outside src/store/ includes
 * this file. */
#ifndef COMPGAP_ACCOUNTS_BE_H
#define COMPGAP_ACCOUNTS_BE_H

#include <stdint.h>

struct store;
struct err;

/* The statements; the comment in each engine's file gives the parameters
 * and the columns of each. */
enum acct_stmt {
	A_USER_ADD, A_USER_TEAM_ADD, A_USER_GET, A_USERS,
	A_USER_PASSWORD, A_USER_DISABLE, A_USER_SESSIONS_DELETE, A_USER_REMOVE,
	A_TOKEN_ADD, A_TOKEN_TEAM_ADD, A_TOKENS, A_TOKEN_BY_HASH, A_TOKEN_GET, A_TOKEN_REVOKE,
	A_SESSION_ADD, A_SESSION_GET, A_SESSION_TOUCH, A_SESSION_DELETE, A_SESSION_PURGE,
	A_SESSION_COUNT,
	A_AUDIT_APPEND, A_AUDIT_LIST,
	A_USER_SESSIONS_DELETE_OTHERS,
	A_COUNT_OF_STATEMENTS
};

enum {
	ACCT_STMT_MAX = 32,    /* room for A_COUNT_OF_STATEMENTS in the connections */
	ACCT_PARAMS_MAX = 10
};

/* One parameter: an integer, text, or NULL (text NULL). */
struct acct_param {
	int is_int;
	int64_t i;
	const char *s;
};

/* Runs statement id with p[0..np) as ?1.. ($1..); calls row(ctx, cols,
 * ncols) for each result row with its columns as text (NULL for SQL
 * NULL), until it returns nonzero, which is returned; *changes (when not
 * NULL) gets the rows changed by an INSERT, UPDATE or DELETE. */
typedef int acct_run_fn(struct store *st, enum acct_stmt id, const struct acct_param *p,
			int np, int (*row)(void *ctx, const char *const *cols, int ncols),
			void *ctx, int64_t *changes, struct err *err);

acct_run_fn sq_acct_run, pq_acct_run;

#endif
