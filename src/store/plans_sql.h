/* The SQL of development plans (store/plans_be.h), written once for both
 * engines: the file that includes it defines P(n), the placeholder of
 * parameter n ("?1" in SQLite, "$1" in PostgreSQL), and INT(n), that
 * placeholder read as a whole number. Included by sqlite_plans.c and
 * pg_plans.c only. */
#ifndef COMPGAP_PLANS_SQL_H
#define COMPGAP_PLANS_SQL_H

#include "store/plans_be.h"

/* The columns of an action read back (store/plans.c, action_row): id,
 * person key, person name, kind, competency key, competency name, mentor
 * key, description, due, status, created at, updated at, source rule,
 * source ref, the mentor's team key. */
#define PL_SELECT \
	"SELECT a.id, p.key, p.name, a.kind, c.key, c.name, m.key, a.description, a.due," \
	" a.status, a.created_at, a.updated_at, a.source_rule, a.source_ref, mt.key" \
	" FROM plan_action a" \
	" JOIN person p ON p.id = a.person_id JOIN competency c ON c.id = a.competency_id" \
	" LEFT JOIN person m ON m.id = a.mentor_id LEFT JOIN team mt ON mt.id = m.team_id"
#define PL_OPEN " a.status IN ('planned', 'in_progress')"

static const char *const pl_sql[PL_COUNT_OF_STATEMENTS] = {
	/* person id, kind, competency id, mentor id, description, due,
	 * status, created at, updated at, source rule, source ref -> id */
	[PL_INSERT] =
		"INSERT INTO plan_action(person_id, kind, competency_id, mentor_id, description, due,"
		" status, created_at, updated_at, source_rule, source_ref) VALUES (" P(1) ", " P(2) ", "
		P(3) ", " P(4) ", " P(5) ", " INT(6) ", " P(7) ", " P(8) ", " P(9) ", " P(10) ", "
		P(11) ") RETURNING id",
	/* id, status, updated at */
	[PL_SET_STATUS] =
		"UPDATE plan_action SET status = " P(2) ", updated_at = " P(3) " WHERE id = " P(1),
	/* id -> an action's columns */
	[PL_BY_ID] = PL_SELECT " WHERE a.id = " P(1),
	/* person id -> the person's actions: open first (in progress, then
	 * planned), then done, then dropped; by due date (none last), id */
	[PL_OF_PERSON] =
		PL_SELECT " WHERE a.person_id = " P(1) " ORDER BY CASE a.status"
		" WHEN 'in_progress' THEN 0 WHEN 'planned' THEN 1 WHEN 'done' THEN 2 ELSE 3 END,"
		" a.due IS NULL, a.due, a.id",
	/* today -> the open actions of active people due before it */
	[PL_OVERDUE] =
		PL_SELECT " WHERE" PL_OPEN " AND a.due < " INT(1) " AND p.active = 1"
		" ORDER BY a.due, a.id",
	/* competency key -> the open actions of active people on it */
	[PL_OPEN_ON] =
		PL_SELECT " WHERE c.key = " P(1) " AND" PL_OPEN " AND p.active = 1 ORDER BY p.key, a.id",
	/* person id, source ref -> id: an open action accepted from it */
	[PL_SAME_SOURCE] =
		"SELECT a.id FROM plan_action a WHERE a.person_id = " P(1) " AND a.source_ref = " P(2)
		" AND" PL_OPEN " ORDER BY a.id",
	/* person id -> the actions of them or with them as mentor */
	[PL_REFS_PERSON] =
		"SELECT count(*) FROM plan_action WHERE person_id = " P(1) " OR mentor_id = " P(1),
	/* competency id -> the actions on it */
	[PL_REFS_COMPETENCY] = "SELECT count(*) FROM plan_action WHERE competency_id = " P(1),
	/* person id: their actions (the privacy erasure) */
	[PL_ERASE_PERSON] = "DELETE FROM plan_action WHERE person_id = " P(1),
	/* person id: no longer the mentor of others' actions */
	[PL_UNLINK_MENTOR] = "UPDATE plan_action SET mentor_id = NULL WHERE mentor_id = " P(1),
};

#undef PL_SELECT
#undef PL_OPEN

#endif
