/* SQL that both backends run as it is: column lists and clauses without
 * parameters or dialect, so that the two engines read the same columns in
 * the same order. Each backend's statements are in sqlite.c and pg.c
 * (PostgreSQL's cursor queries in pg_evidence.c and pg_views.c). */
#ifndef COMPGAP_SQL_SHARED_H
#define COMPGAP_SQL_SHARED_H

#define TEAM_COLUMNS "SELECT t.key, t.name, p.key FROM team t LEFT JOIN team p ON p.id = t.parent_id"
#define PERSON_COLUMNS \
	"SELECT p.key, p.name, p.email, t.key, r.key, m.key, p.active FROM person p" \
	" LEFT JOIN team t ON t.id = p.team_id LEFT JOIN role r ON r.id = p.role_id" \
	" LEFT JOIN person m ON m.id = p.manager_id"
#define COMPETENCY_COLUMNS "SELECT key, name, category, description, developability FROM competency"
#define INDICATOR_COLUMNS \
	"SELECT c.key, i.level, i.text FROM indicator i JOIN competency c ON c.id = i.competency_id"
#define REQUIREMENT_COLUMNS \
	"SELECT r.key, c.key, q.required_level, q.weight FROM requirement q" \
	" JOIN role r ON r.id = q.role_id JOIN competency c ON c.id = q.competency_id"
#define EVIDENCE_COLUMNS \
	"SELECT e.id, p.key, c.key, e.level, e.level_decimals, e.source, e.date, a.key, e.note" \
	" FROM evidence e JOIN person p ON p.id = e.person_id" \
	" JOIN competency c ON c.id = e.competency_id LEFT JOIN person a ON a.id = e.assessor_id" \
	" WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.evidence_id = e.id)"
/* evidence row e is not retracted */
#define IN_FORCE "NOT EXISTS (SELECT 1 FROM retraction r WHERE r.evidence_id = e.id)"
/* sub: the ids of the team that anchor selects and of all its sub-teams */
#define SUBTREE_OF(anchor) \
	"WITH RECURSIVE sub(id) AS (" anchor " UNION SELECT t.id FROM team t JOIN sub" \
	" ON t.parent_id = sub.id) "
#define MEMBER_COLUMNS \
	"SELECT p.id, p.key, p.name, t.key, r.key, p.role_id FROM person p" \
	" LEFT JOIN team t ON t.id = p.team_id LEFT JOIN role r ON r.id = p.role_id"
#define SUM_COLUMNS "n_self, w_self, wl_self, n_other, w_other, wl_other, max_date, best_level"
#define CANDIDATE_COLUMNS \
	"SELECT c.key, p.key, t.key, s.n_self, s.w_self, s.wl_self, s.n_other, s.w_other," \
	" s.wl_other, s.max_date, s.best_level, p.id, s.competency_id"

/* What refers to row P (a placeholder) of each kind: the columns of
 * struct entity_refs in its order, 0 where a kind has none. Accounts and
 * tokens refer to people and teams; a revoked token does not keep one
 * from being deleted (the deletion unlinks it: Q_UNLINK_REVOKED_*). */
#define REFS_OF_TEAM(P) \
	"SELECT (SELECT count(*) FROM person WHERE team_id = " P ")," \
	" (SELECT count(*) FROM team WHERE parent_id = " P "), 0, 0, 0, 0," \
	" (SELECT count(*) FROM account_team WHERE team_id = " P ")," \
	" (SELECT count(*) FROM api_token_team x JOIN api_token k ON k.id = x.token_id" \
	"  WHERE x.team_id = " P " AND k.revoked_at IS NULL), 0, 0"
#define REFS_OF_PERSON(P) \
	"SELECT 0, 0, (SELECT count(*) FROM evidence WHERE person_id = " P ")," \
	" (SELECT count(*) FROM evidence WHERE assessor_id = " P ")," \
	" (SELECT count(*) FROM person WHERE manager_id = " P "), 0," \
	" (SELECT count(*) FROM account WHERE person_id = " P ")," \
	" (SELECT count(*) FROM api_token WHERE person_id = " P " AND revoked_at IS NULL)," \
	" (SELECT count(*) FROM evaluation WHERE agent_id = " P " OR evaluator_id = " P ")," \
	" (SELECT count(*) FROM coaching_agent WHERE agent_id = " P ")" \
	" + (SELECT count(*) FROM coaching_session WHERE coach_id = " P ")"
#define REFS_OF_COMPETENCY(P) \
	"SELECT 0, 0, (SELECT count(*) FROM evidence WHERE competency_id = " P "), 0, 0," \
	" (SELECT count(*) FROM requirement WHERE competency_id = " P "), 0, 0," \
	" (SELECT count(*) FROM scorecard_area WHERE competency_id = " P ")," \
	" (SELECT count(*) FROM coaching_item WHERE competency_id = " P ")"
#define REFS_OF_ROLE(P) \
	"SELECT (SELECT count(*) FROM person WHERE role_id = " P "), 0, 0, 0, 0, 0, 0, 0, 0, 0"
/* One person's evidence rows with their retraction, for pages of it. */
#define EVIDENCE_ENTRY_COLUMNS \
	"SELECT e.id, c.key, e.level, e.level_decimals, e.source, e.date, a.key, e.note," \
	" r.reason, r.retracted_at FROM evidence e JOIN competency c ON c.id = e.competency_id" \
	" LEFT JOIN person a ON a.id = e.assessor_id LEFT JOIN retraction r ON r.evidence_id = e.id"
/* One evidence row by id: EVIDENCE_ENTRY_COLUMNS and its person's key. */
#define EVIDENCE_ONE_COLUMNS \
	"SELECT e.id, c.key, e.level, e.level_decimals, e.source, e.date, a.key, e.note," \
	" r.reason, r.retracted_at, p.key FROM evidence e JOIN person p ON p.id = e.person_id" \
	" JOIN competency c ON c.id = e.competency_id LEFT JOIN person a ON a.id = e.assessor_id" \
	" LEFT JOIN retraction r ON r.evidence_id = e.id"

#endif
