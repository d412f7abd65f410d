/* The SQL of coaching sessions (store/coaching_be.h), written once for
 * both engines: the file that includes it defines P(n), the placeholder
 * of parameter n ("?1" in SQLite, "$1" in PostgreSQL), and INT(n), that
 * placeholder read as a whole number. Included by sqlite_coaching.c and
 * pg_coaching.c only. */
#ifndef COMPGAP_COACHING_SQL_H
#define COMPGAP_COACHING_SQL_H

#include "store/coaching_be.h"
#include "store/sql_shared.h"

#define PERSON_ID(n) "(SELECT id FROM person WHERE key = " P(n) ")"
/* The status of an item's latest follow-up (by its session's date), or
 * NULL; i is the item. */
#define LATEST_FOLLOWUP(col) \
	"(SELECT f." col " FROM coaching_followup f JOIN coaching_session fs ON fs.id = f.session_id" \
	" WHERE f.item_id = i.id ORDER BY fs.date DESC, fs.id DESC LIMIT 1)"

static const char *const co_sql[CO_COUNT_OF_STATEMENTS] = {
	/* key -> id */
	[CO_SESSION_ID] = "SELECT id FROM coaching_session WHERE key = " P(1),
	/* key, coach key, date, topic, created at -> id */
	[CO_PUT_SESSION] =
		"INSERT INTO coaching_session(key, coach_id, date, topic, created_at) VALUES (" P(1)
		", " PERSON_ID(2) ", " INT(3) ", " P(4) ", " P(5) ") RETURNING id",
	/* id: a session stored without a key of its own gets CS and its id */
	[CO_NAME_SESSION] =
		"UPDATE coaching_session SET key = 'CS' || id WHERE id = " P(1) " RETURNING key",
	/* session id, agent key */
	[CO_PUT_AGENT] =
		"INSERT INTO coaching_agent(session_id, agent_id) VALUES (" P(1) ", " PERSON_ID(2) ")",
	/* evaluation key -> id, agent key, retracted (0 or 1) */
	[CO_EVALUATION] =
		"SELECT v.id, p.key, CASE WHEN v.retracted_at IS NULL THEN 0 ELSE 1 END"
		" FROM evaluation v JOIN person p ON p.id = v.agent_id WHERE v.key = " P(1),
	/* session id, evaluation id */
	[CO_PUT_EVALUATION] =
		"INSERT INTO coaching_evaluation(session_id, evaluation_id) VALUES (" P(1) ", " P(2) ")",
	/* session id, agent key (NULL: the group's), situation, task, action,
	 * result */
	[CO_PUT_STAR] =
		"INSERT INTO coaching_star(session_id, agent_id, situation, task, action, result)"
		" VALUES (" P(1) ", " PERSON_ID(2) ", " P(3) ", " P(4) ", " P(5) ", " P(6) ")",
	/* area name -> 1 when a scorecard has an area of that name */
	[CO_AREA] = "SELECT 1 FROM scorecard_area WHERE name = " P(1) " LIMIT 1",
	/* session id, number, agent key, competency key (or NULL), area (or
	 * NULL), action, follow-up date */
	[CO_PUT_ITEM] =
		"INSERT INTO coaching_item(session_id, number, agent_id, competency_id, area, action,"
		" follow_up) VALUES (" P(1) ", " INT(2) ", " PERSON_ID(3) ","
		" (SELECT id FROM competency WHERE key = " P(4) "), " P(5) ", " P(6) ", " INT(7) ")",
	/* session key, number -> item id, agent key, session date, followed up
	 * as done (0 or 1) */
	[CO_ITEM] =
		"SELECT i.id, p.key, s.date, CASE WHEN EXISTS (SELECT 1 FROM coaching_followup f"
		" WHERE f.item_id = i.id AND f.status = 'done') THEN 1 ELSE 0 END"
		" FROM coaching_item i JOIN coaching_session s ON s.id = i.session_id"
		" JOIN person p ON p.id = i.agent_id WHERE s.key = " P(1) " AND i.number = " INT(2),
	/* item id, session id, status, note */
	[CO_PUT_FOLLOWUP] =
		"INSERT INTO coaching_followup(item_id, session_id, status, note) VALUES (" P(1) ", "
		P(2) ", " P(3) ", " P(4) ")",
	/* key -> id, key, coach key, date, topic, created at */
	[CO_HEAD] =
		"SELECT s.id, s.key, c.key, s.date, s.topic, s.created_at FROM coaching_session s"
		" LEFT JOIN person c ON c.id = s.coach_id WHERE s.key = " P(1),
	/* session id -> agent key, in key order */
	[CO_AGENTS] =
		"SELECT p.key FROM coaching_agent a JOIN person p ON p.id = a.agent_id"
		" WHERE a.session_id = " P(1) " ORDER BY p.key",
	/* session id -> evaluation key, agent key, date, contact, retracted */
	[CO_EVALUATIONS] =
		"SELECT v.key, p.key, v.date, v.contact, CASE WHEN v.retracted_at IS NULL THEN 0"
		" ELSE 1 END FROM coaching_evaluation e JOIN evaluation v ON v.id = e.evaluation_id"
		" JOIN person p ON p.id = v.agent_id WHERE e.session_id = " P(1)
		" ORDER BY v.date, v.key",
	/* session id -> agent key (NULL: the group's), situation, task,
	 * action, result; in the order given */
	[CO_STARS] =
		"SELECT p.key, s.situation, s.task, s.action, s.result FROM coaching_star s"
		" LEFT JOIN person p ON p.id = s.agent_id WHERE s.session_id = " P(1) " ORDER BY s.id",
	/* session id -> number, agent key, competency key, area, action,
	 * follow-up date, latest status, latest note */
	[CO_ITEMS] =
		"SELECT i.number, p.key, c.key, i.area, i.action, i.follow_up,"
		" " LATEST_FOLLOWUP("status") ", " LATEST_FOLLOWUP("note")
		" FROM coaching_item i JOIN person p ON p.id = i.agent_id"
		" LEFT JOIN competency c ON c.id = i.competency_id WHERE i.session_id = " P(1)
		" ORDER BY i.number",
	/* session id -> the item's session key, number, agent key, competency
	 * key, area, action, follow-up date, status, note: the follow-ups
	 * recorded at this session */
	[CO_FOLLOWUPS] =
		"SELECT s.key, i.number, p.key, c.key, i.area, i.action, i.follow_up, f.status, f.note"
		" FROM coaching_followup f JOIN coaching_item i ON i.id = f.item_id"
		" JOIN coaching_session s ON s.id = i.session_id JOIN person p ON p.id = i.agent_id"
		" LEFT JOIN competency c ON c.id = i.competency_id WHERE f.session_id = " P(1)
		" ORDER BY s.date, s.key, i.number",
	/* person key -> session key, date, coach key, topic, agents: the
	 * sessions the person was coached at, the newest first */
	[CO_PERSON_SESSIONS] =
		"SELECT s.key, s.date, c.key, s.topic,"
		" (SELECT count(*) FROM coaching_agent x WHERE x.session_id = s.id)"
		" FROM coaching_agent a JOIN coaching_session s ON s.id = a.session_id"
		" LEFT JOIN person c ON c.id = s.coach_id WHERE a.agent_id = " PERSON_ID(1)
		" ORDER BY s.date DESC, s.key DESC",
	/* person key -> session key, session date, number, competency key,
	 * area, action, follow-up date, latest status, latest note: every
	 * development item agreed with the person, by follow-up date */
	[CO_PERSON_ITEMS] =
		"SELECT s.key, s.date, i.number, c.key, i.area, i.action, i.follow_up,"
		" " LATEST_FOLLOWUP("status") ", " LATEST_FOLLOWUP("note")
		" FROM coaching_item i JOIN coaching_session s ON s.id = i.session_id"
		" LEFT JOIN competency c ON c.id = i.competency_id WHERE i.agent_id = " PERSON_ID(1)
		" ORDER BY i.follow_up, s.key, i.number",
	/* team key -> session key, date, coach key, topic, agent key: the
	 * sessions of the team's and its sub-teams' members, the newest
	 * first, one row per agent of the team */
	[CO_TEAM_SESSIONS] =
		SUBTREE_OF("SELECT id FROM team WHERE key = " P(1))
		"SELECT s.key, s.date, c.key, s.topic, p.key FROM coaching_session s"
		" JOIN coaching_agent a ON a.session_id = s.id JOIN person p ON p.id = a.agent_id"
		" LEFT JOIN person c ON c.id = s.coach_id WHERE p.team_id IN (SELECT id FROM sub)"
		" ORDER BY s.date DESC, s.key DESC, p.key",
	/* person key, from date -> evaluation key, date, contact, channel,
	 * kind: the person's evaluations in force from that date, the newest
	 * first, at most 50 */
	[CO_RECENT_EVALUATIONS] =
		"SELECT v.key, v.date, v.contact, v.channel, v.kind FROM evaluation v"
		" WHERE v.agent_id = " PERSON_ID(1) " AND v.date >= " INT(2)
		" AND v.retracted_at IS NULL ORDER BY v.date DESC, v.key DESC LIMIT 50",
};

#undef PERSON_ID
#undef LATEST_FOLLOWUP

#endif
