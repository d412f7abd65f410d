/* The SQLite statements of the privacy rights (store/privacy.c uses them
 * through sq_privacy_run): a person's data read for an export, erased,
 * and evidence purged after the retention period. Parameters are ?1..;
 * columns come back as text. The statements run seldom (one export, one
 * erasure, one purge), so each is prepared when run. */
#include "store/sql_shared.h"
#include "store/sqlite_int.h"

/* The accounts of person ?1 (users, then tokens): kind, name, role,
 * teams (keys separated by char(31)), created, changed (a token: revoked
 * at), disabled (a token: revoked), last login, sessions. */
#define TEAMS_OF(link, owner, alias) \
	"(SELECT group_concat(k, char(31)) FROM (SELECT t.key AS k FROM " link " x" \
	" JOIN team t ON t.id = x.team_id WHERE x." owner " = " alias ".id ORDER BY t.key))"

static const char *const pv_sql[PV_COUNT_OF_STATEMENTS] = {
	/* person id */
	[PV_LOCK_PERSON] = "SELECT id FROM person WHERE id = ?1",
	/* person id: id, competency, level, source, date, reason, retracted at */
	[PV_ASSESSED] =
		"SELECT e.id, c.key, e.level, e.source, e.date, r.reason, r.retracted_at"
		" FROM evidence e JOIN competency c ON c.id = e.competency_id"
		" LEFT JOIN retraction r ON r.evidence_id = e.id"
		" WHERE e.assessor_id = ?1 ORDER BY e.date, e.id",
	[PV_LOGINS] =
		"SELECT 'user', u.name, u.role, " TEAMS_OF("account_team", "account_id", "u") ","
		" u.created_at, u.changed_at, u.disabled,"
		" (SELECT max(a.at) FROM audit_log a WHERE a.actor = u.name AND a.action = 'login'"
		"  AND a.outcome = 'ok'),"
		" (SELECT count(*) FROM session s WHERE s.account_id = u.id)"
		" FROM account u WHERE u.person_id = ?1"
		" UNION ALL SELECT 'token', k.name, k.role, " TEAMS_OF("api_token_team", "token_id", "k") ","
		" k.created_at, k.revoked_at, k.revoked_at IS NOT NULL, NULL, 0"
		" FROM api_token k WHERE k.person_id = ?1 ORDER BY 1 DESC, 2",
	/* user name: created, last seen, address */
	[PV_SESSIONS] =
		"SELECT s.created_at, s.last_seen, s.address FROM session s"
		" JOIN account u ON u.id = s.account_id WHERE u.name = ?1 ORDER BY s.created_at, s.id",
	/* person id, for each of the erasure's */
	[PV_DELETE_SESSIONS] =
		"DELETE FROM session WHERE account_id IN (SELECT id FROM account WHERE person_id = ?1)",
	[PV_DELETE_ACCOUNT_TEAMS] =
		"DELETE FROM account_team WHERE account_id IN"
		" (SELECT id FROM account WHERE person_id = ?1)",
	[PV_DELETE_ACCOUNTS] = "DELETE FROM account WHERE person_id = ?1",
	[PV_DELETE_TOKEN_TEAMS] =
		"DELETE FROM api_token_team WHERE token_id IN"
		" (SELECT id FROM api_token WHERE person_id = ?1)",
	[PV_DELETE_TOKENS] = "DELETE FROM api_token WHERE person_id = ?1",
	/* The evaluations of the person as agent (schema 10) go with
	 * their evidence; those they made of others lose the evaluator, as
	 * evidence loses its assessor. */
	[PV_DELETE_EVALUATION_SCORES] =
		"DELETE FROM evaluation_score WHERE evaluation_id IN"
		" (SELECT id FROM evaluation WHERE agent_id = ?1)",
	[PV_DELETE_EVALUATIONS] = "DELETE FROM evaluation WHERE agent_id = ?1",
	[PV_UNLINK_EVALUATOR] = "UPDATE evaluation SET evaluator_id = NULL WHERE evaluator_id = ?1",
	[PV_DELETE_RETRACTIONS] =
		"DELETE FROM retraction WHERE evidence_id IN"
		" (SELECT id FROM evidence WHERE person_id = ?1)",
	[PV_DELETE_EVIDENCE] = "DELETE FROM evidence WHERE person_id = ?1",
	[PV_DELETE_SUMS] = "DELETE FROM evidence_sum WHERE person_id = ?1",
	[PV_ANONYMISE] = "UPDATE evidence SET assessor_id = NULL WHERE assessor_id = ?1",
	[PV_UNLINK_REPORTS] = "UPDATE person SET manager_id = NULL WHERE manager_id = ?1",
	[PV_DELETE_PERSON] = "DELETE FROM person WHERE id = ?1",
	/* cut-off date: person id, competency id of each pair with rows
	 * before it, in the lock order of the sums (competency, person) */
	[PV_PAIRS_BEFORE] =
		"SELECT person_id, competency_id, count(*) FROM evidence WHERE date < ?1"
		" GROUP BY competency_id, person_id ORDER BY competency_id, person_id",
	/* cut-off date: how many of the rows before it are retracted */
	[PV_RETRACTED_BEFORE] =
		"SELECT count(*) FROM retraction r JOIN evidence e ON e.id = r.evidence_id"
		" WHERE e.date < ?1",
	[PV_PURGE_RETRACTIONS] =
		"DELETE FROM retraction WHERE evidence_id IN (SELECT id FROM evidence WHERE date < ?1)",
	/* the area scores keep their evaluation, not the row purged */
	[PV_PURGE_EVALUATION_LINKS] =
		"UPDATE evaluation_score SET evidence_id = NULL WHERE evidence_id IN"
		" (SELECT id FROM evidence WHERE date < ?1)",
	[PV_PURGE_EVIDENCE] = "DELETE FROM evidence WHERE date < ?1",
	/* person id, competency id */
	[PV_LOCK_SUMS] = "SELECT 1 FROM evidence_sum WHERE person_id = ?1 AND competency_id = ?2",
	/* person id, competency id: level, source, date, level's decimals */
	[PV_PAIR_ROWS] =
		"SELECT e.level, e.source, e.date, e.level_decimals FROM evidence e"
		" WHERE e.person_id = ?1 AND e.competency_id = ?2 AND " IN_FORCE,
	/* person id, competency id, the sums, history, best level */
	[PV_PUT_SUMS] =
		"INSERT OR REPLACE INTO evidence_sum(person_id, competency_id, n_self, w_self,"
		" wl_self, n_other, w_other, wl_other, max_date, history, best_level)"
		" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
	[PV_DELETE_PAIR_SUMS] =
		"DELETE FROM evidence_sum WHERE person_id = ?1 AND competency_id = ?2",
};

int sq_privacy_run(struct store *st, enum pv_stmt id, const struct pv_param *p, int np,
		   int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
		   int64_t *changes, struct err *err)
{
	return sq_run_params(st, pv_sql[id], "read or write a person's data", p, np, row, ctx,
			     changes, err);
}
