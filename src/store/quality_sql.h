/* The SQL of scorecards and evaluations (store/quality_be.h), written once
 * for both engines: the file that includes it defines P(n), the
 * placeholder of parameter n ("?1" in SQLite, "$1" in PostgreSQL), INT(n)
 * that placeholder read as a whole number, and RESERVE(table), the id
 * ranges reserved for n (P(1)) new rows of table. Included by
 * sqlite_quality.c and pg_quality.c only. */
#ifndef COMPGAP_QUALITY_SQL_H
#define COMPGAP_QUALITY_SQL_H

#include "store/quality_be.h"
#include "store/sql_shared.h"

/* The active members of team P(1) and of its sub-teams, as gaps --team
 * counts them: TEAM_SUB before the SELECT, MEMBER_OF_SUB in its WHERE,
 * with p the person. */
#define TEAM_SUB SUBTREE_OF("SELECT id FROM team WHERE key = " P(1))
#define MEMBER_OF_SUB " p.active = 1 AND p.team_id IN (SELECT id FROM sub)"

static const char *const qa_sql[QA_COUNT_OF_STATEMENTS] = {
	/* name -> id */
	[QA_CARD_ID] = "SELECT id FROM scorecard WHERE name = " P(1),
	/* name -> id */
	[QA_PUT_CARD] = "INSERT INTO scorecard(name) VALUES (" P(1) ") RETURNING id",
	/* scorecard id, version, created at -> id */
	[QA_PUT_VERSION] =
		"INSERT INTO scorecard_version(scorecard_id, version, created_at)"
		" VALUES (" P(1) ", " P(2) ", " P(3) ") RETURNING id",
	/* version id, name, competency id, weight, min, max, critical */
	[QA_PUT_AREA] =
		"INSERT INTO scorecard_area(version_id, name, competency_id, weight, min, max, critical)"
		" VALUES (" P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ", " P(7) ")",
	/* -> scorecard name, version id, version, area id, area name,
	 * competency key, weight, min, max, critical, competency id: the
	 * latest version of every scorecard, areas in their order */
	[QA_LATEST_AREAS] =
		"SELECT s.name, v.id, v.version, a.id, a.name, c.key, a.weight, a.min, a.max,"
		" a.critical, a.competency_id FROM scorecard s"
		" JOIN scorecard_version v ON v.scorecard_id = s.id AND v.version ="
		" (SELECT max(x.version) FROM scorecard_version x WHERE x.scorecard_id = s.id)"
		" JOIN scorecard_area a ON a.version_id = v.id"
		" JOIN competency c ON c.id = a.competency_id ORDER BY s.id, a.id",
	/* how many -> first id, count: ranges of ids for new rows */
	[QA_RESERVE_EVALUATIONS] = RESERVE("evaluation"),
	[QA_RESERVE_EVIDENCE] = RESERVE("evidence"),
	/* -> key, id, retracted (0 or 1) */
	[QA_EVAL_KEYS] =
		"SELECT key, id, CASE WHEN retracted_at IS NULL THEN 0 ELSE 1 END FROM evaluation",
	/* evaluation key -> id, contact, channel, agent, evaluator, kind, date,
	 * scorecard, version, version id, retracted at, reason */
	[QA_EVAL_HEAD] =
		"SELECT v.id, v.contact, v.channel, ag.key, ev.key, v.kind, v.date, sc.name,"
		" sv.version, v.version_id, v.retracted_at, v.retract_reason FROM evaluation v"
		" JOIN person ag ON ag.id = v.agent_id LEFT JOIN person ev ON ev.id = v.evaluator_id"
		" JOIN scorecard_version sv ON sv.id = v.version_id"
		" JOIN scorecard sc ON sc.id = sv.scorecard_id WHERE v.key = " P(1),
	/* evaluation id -> area id, area name, competency key, weight, min,
	 * max, critical, score, comment, evidence id; in the areas' order */
	[QA_EVAL_SCORES] =
		"SELECT a.id, a.name, c.key, a.weight, a.min, a.max, a.critical, s.score, s.comment,"
		" s.evidence_id FROM evaluation_score s JOIN scorecard_area a ON a.id = s.area_id"
		" JOIN competency c ON c.id = a.competency_id WHERE s.evaluation_id = " P(1)
		" ORDER BY a.id",
	/* evaluation id -> evidence id: the rows in force it produced */
	[QA_EVAL_EVIDENCE] =
		"SELECT s.evidence_id FROM evaluation_score s WHERE s.evaluation_id = " P(1)
		" AND s.evidence_id IS NOT NULL AND NOT EXISTS"
		" (SELECT 1 FROM retraction r WHERE r.evidence_id = s.evidence_id)"
		" ORDER BY s.evidence_id",
	/* id, contact, channel, agent id, evaluator id, kind, date, version id,
	 * import id */
	[QA_EVAL_UPDATE] =
		"UPDATE evaluation SET contact = " P(2) ", channel = " P(3) ", agent_id = " P(4) ","
		" evaluator_id = " P(5) ", kind = " P(6) ", date = " P(7) ", version_id = " P(8) ","
		" import_id = " P(9) " WHERE id = " P(1),
	/* evaluation id */
	[QA_EVAL_DELETE_SCORES] = "DELETE FROM evaluation_score WHERE evaluation_id = " P(1),
	/* evaluation id, when, reason */
	[QA_EVAL_RETRACT] =
		"UPDATE evaluation SET retracted_at = " P(2) ", retract_reason = " P(3)
		" WHERE id = " P(1) " AND retracted_at IS NULL",
	/* team key -> person key */
	[QA_TEAM_MEMBERS] = TEAM_SUB "SELECT p.key FROM person p WHERE" MEMBER_OF_SUB " ORDER BY p.key",
	/* team key, first day, last day -> evaluation id, agent key, contact,
	 * kind, area name, weight, min, max, critical, score, evaluation key,
	 * evaluator key (NULL after an erasure), date: every area score of the
	 * evaluations in force of the team's members dated in the range, an
	 * evaluation's rows together */
	[QA_TEAM_MONTH] =
		TEAM_SUB "SELECT v.id, p.key, v.contact, v.kind, a.name, a.weight, a.min, a.max,"
		" a.critical, s.score, v.key, ev.key, v.date FROM person p"
		" JOIN evaluation v ON v.agent_id = p.id"
		" LEFT JOIN person ev ON ev.id = v.evaluator_id"
		" JOIN evaluation_score s ON s.evaluation_id = v.id"
		" JOIN scorecard_area a ON a.id = s.area_id WHERE" MEMBER_OF_SUB
		" AND v.date BETWEEN " INT(2) " AND " INT(3) " AND v.retracted_at IS NULL"
		" ORDER BY v.id, a.id",
	/* person key, competency key -> evidence id, evaluation key */
	[QA_EXPLAIN_LINKS] =
		"SELECT s.evidence_id, v.key FROM evidence e"
		" JOIN evaluation_score s ON s.evidence_id = e.id"
		" JOIN evaluation v ON v.id = s.evaluation_id"
		" WHERE e.person_id = (SELECT id FROM person WHERE key = " P(1) ")"
		" AND e.competency_id = (SELECT id FROM competency WHERE key = " P(2) ")",
	/* -> evidence id: every row an evaluation produced, ascending */
	[QA_DERIVED_EVIDENCE] =
		"SELECT evidence_id FROM evaluation_score WHERE evidence_id IS NOT NULL"
		" ORDER BY evidence_id",
	/* -> evaluation, contact, channel, agent, evaluator, kind, date, area,
	 * score, comment, scorecard: the evaluations in force, one row per
	 * area score, in the order they were stored */
	[QA_EXPORT_EVALUATIONS] =
		"SELECT v.key, v.contact, v.channel, ag.key, ev.key, v.kind, v.date, a.name, s.score,"
		" s.comment, sc.name FROM evaluation v"
		" JOIN person ag ON ag.id = v.agent_id LEFT JOIN person ev ON ev.id = v.evaluator_id"
		" JOIN scorecard_version sv ON sv.id = v.version_id"
		" JOIN scorecard sc ON sc.id = sv.scorecard_id"
		" JOIN evaluation_score s ON s.evaluation_id = v.id"
		" JOIN scorecard_area a ON a.id = s.area_id"
		" WHERE v.retracted_at IS NULL ORDER BY v.id, a.id",
	/* agent key, contact -> evaluation key: the views in force of one
	 * contact of the agent (the index on agent_id finds them), oldest
	 * first */
	[QA_CONTACT_VIEWS] =
		"SELECT v.key FROM evaluation v"
		" WHERE v.agent_id = (SELECT id FROM person WHERE key = " P(1) ")"
		" AND v.contact = " P(2) " AND v.retracted_at IS NULL ORDER BY v.date, v.id",
	/* agent key, first day, last day -> evaluation key: the agent's
	 * evaluations in force dated in the range, newest first */
	[QA_AGENT_EVALUATIONS] =
		"SELECT v.key FROM evaluation v"
		" WHERE v.agent_id = (SELECT id FROM person WHERE key = " P(1) ")"
		" AND v.date BETWEEN " INT(2) " AND " INT(3) " AND v.retracted_at IS NULL"
		" ORDER BY v.date DESC, v.id DESC",
};

#undef TEAM_SUB
#undef MEMBER_OF_SUB

#endif
