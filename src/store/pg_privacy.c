/* The PostgreSQL statements of the privacy rights (store/privacy.c uses
 * them through pq_privacy_run): a person's data read for an export,
 * erased, and evidence purged after the retention period. Parameters are
 * $1.., sent as text; columns come back as text. The statements run
 * seldom, so they are not prepared. */
#include "store/pg_int.h"
#include "store/sql_shared.h"

#define TEAMS_OF(link, owner, alias) \
	"(SELECT string_agg(t.key, chr(31) ORDER BY t.key) FROM " link " x" \
	" JOIN team t ON t.id = x.team_id WHERE x." owner " = " alias ".id)"

/* The parameters and columns of each are those of sqlite_privacy.c. The
 * locks: the person's row FOR UPDATE, so that an import adding evidence
 * about them (whose foreign key check takes a KEY SHARE lock on it) waits
 * for the erasure and then fails, rather than adding rows about a person
 * being removed; each purged pair's sums FOR UPDATE before its rows are
 * read, as a retraction does (pg_evidence.c, recompute_pair_of). */
static const char *const pv_sql[PV_COUNT_OF_STATEMENTS] = {
	[PV_LOCK_PERSON] = "SELECT id FROM person WHERE id = $1 FOR UPDATE",
	[PV_ASSESSED] =
		"SELECT e.id, c.key, e.level, e.source, e.date, r.reason, r.retracted_at"
		" FROM evidence e JOIN competency c ON c.id = e.competency_id"
		" LEFT JOIN retraction r ON r.evidence_id = e.id"
		" WHERE e.assessor_id = $1 ORDER BY e.date, e.id",
	[PV_LOGINS] =
		"SELECT 'user', u.name, u.role, " TEAMS_OF("account_team", "account_id", "u") ","
		" u.created_at, u.changed_at, u.disabled,"
		" (SELECT max(a.at) FROM audit_log a WHERE a.actor = u.name AND a.action = 'login'"
		"  AND a.outcome = 'ok'),"
		" (SELECT count(*) FROM session s WHERE s.account_id = u.id)"
		" FROM account u WHERE u.person_id = $1"
		" UNION ALL SELECT 'token', k.name, k.role, " TEAMS_OF("api_token_team", "token_id", "k") ","
		" k.created_at, k.revoked_at, (k.revoked_at IS NOT NULL)::int, NULL, 0"
		" FROM api_token k WHERE k.person_id = $1 ORDER BY 1 DESC, 2",
	[PV_SESSIONS] =
		"SELECT s.created_at, s.last_seen, s.address FROM session s"
		" JOIN account u ON u.id = s.account_id WHERE u.name = $1 ORDER BY s.created_at, s.id",
	[PV_DELETE_SESSIONS] =
		"DELETE FROM session WHERE account_id IN (SELECT id FROM account WHERE person_id = $1)",
	[PV_DELETE_ACCOUNT_TEAMS] =
		"DELETE FROM account_team WHERE account_id IN"
		" (SELECT id FROM account WHERE person_id = $1)",
	[PV_DELETE_ACCOUNTS] = "DELETE FROM account WHERE person_id = $1",
	[PV_DELETE_TOKEN_TEAMS] =
		"DELETE FROM api_token_team WHERE token_id IN"
		" (SELECT id FROM api_token WHERE person_id = $1)",
	[PV_DELETE_TOKENS] = "DELETE FROM api_token WHERE person_id = $1",
	/* The evaluations of the person as agent (schema 10) go with
	 * their evidence; those they made of others lose the evaluator, as
	 * evidence loses its assessor. */
	[PV_DELETE_EVALUATION_SCORES] =
		"DELETE FROM evaluation_score WHERE evaluation_id IN"
		" (SELECT id FROM evaluation WHERE agent_id = $1)",
	[PV_DELETE_EVALUATIONS] = "DELETE FROM evaluation WHERE agent_id = $1",
	[PV_UNLINK_EVALUATOR] = "UPDATE evaluation SET evaluator_id = NULL WHERE evaluator_id = $1",
	[PV_DELETE_RETRACTIONS] =
		"DELETE FROM retraction WHERE evidence_id IN"
		" (SELECT id FROM evidence WHERE person_id = $1)",
	[PV_DELETE_EVIDENCE] = "DELETE FROM evidence WHERE person_id = $1",
	[PV_DELETE_SUMS] = "DELETE FROM evidence_sum WHERE person_id = $1",
	[PV_ANONYMISE] = "UPDATE evidence SET assessor_id = NULL WHERE assessor_id = $1",
	[PV_UNLINK_REPORTS] = "UPDATE person SET manager_id = NULL WHERE manager_id = $1",
	[PV_DELETE_PERSON] = "DELETE FROM person WHERE id = $1",
	[PV_PAIRS_BEFORE] =
		"SELECT person_id, competency_id, count(*) FROM evidence WHERE date < $1"
		" GROUP BY competency_id, person_id ORDER BY competency_id, person_id",
	[PV_RETRACTED_BEFORE] =
		"SELECT count(*) FROM retraction r JOIN evidence e ON e.id = r.evidence_id"
		" WHERE e.date < $1",
	[PV_PURGE_RETRACTIONS] =
		"DELETE FROM retraction WHERE evidence_id IN (SELECT id FROM evidence WHERE date < $1)",
	/* the area scores keep their evaluation, not the row purged */
	[PV_PURGE_EVALUATION_LINKS] =
		"UPDATE evaluation_score SET evidence_id = NULL WHERE evidence_id IN"
		" (SELECT id FROM evidence WHERE date < $1)",
	[PV_PURGE_EVIDENCE] = "DELETE FROM evidence WHERE date < $1",
	[PV_LOCK_SUMS] =
		"SELECT 1 FROM evidence_sum WHERE person_id = $1 AND competency_id = $2 FOR UPDATE",
	[PV_PAIR_ROWS] =
		"SELECT e.level, e.source, e.date, e.level_decimals FROM evidence e"
		" WHERE e.person_id = $1 AND e.competency_id = $2 AND " IN_FORCE,
	/* $10 the history in hex */
	[PV_PUT_SUMS] =
		"INSERT INTO evidence_sum(person_id, competency_id, " SUM_COLUMNS ", history)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $11, decode($10, 'hex'))"
		" ON CONFLICT (competency_id, person_id) DO UPDATE SET"
		" n_self = excluded.n_self, w_self = excluded.w_self, wl_self = excluded.wl_self,"
		" n_other = excluded.n_other, w_other = excluded.w_other,"
		" wl_other = excluded.wl_other, max_date = excluded.max_date,"
		" best_level = excluded.best_level, history = excluded.history",
	[PV_DELETE_PAIR_SUMS] =
		"DELETE FROM evidence_sum WHERE person_id = $1 AND competency_id = $2",
};

int pq_privacy_run(struct store *st, enum pv_stmt id, const struct pv_param *p, int np,
		   int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		   int64_t *changes, struct err *err)
{
	return pq_run_params(st, pv_sql[id], "read or write a person's data", p, np, row, ctx,
			     changes, err);
}
