/* The SQL of objectives, key results and check-ins (store/okr_be.h),
 * written once for both engines: the file that includes it defines P(n),
 * the placeholder of parameter n ("?1" in SQLite, "$1" in PostgreSQL),
 * INT(n), that placeholder read as a whole number, and OK_LOCK_SQL, what
 * keeps other writers of objectives out until the transaction ends.
 * Included by sqlite_okr.c and pg_okr.c only. */
#ifndef COMPGAP_OKR_SQL_H
#define COMPGAP_OKR_SQL_H

#include "store/okr_be.h"

/* The columns of an objective read back (store/okr.c, objective_row):
 * id, key, team key, title, start, end, owner key, parent key, check-in
 * interval, review. */
#define OK_OBJECTIVE_COLUMNS \
	"SELECT o.id, o.key, t.key, o.title, o.start_date, o.end_date, w.key, u.key," \
	" o.checkin_interval, o.review FROM objective o" \
	" LEFT JOIN team t ON t.id = o.team_id LEFT JOIN person w ON w.id = o.owner_id" \
	" LEFT JOIN objective u ON u.id = o.parent_id"
/* Of a key result (kr_row): id, objective key, key, title, type,
 * competency key, level, target, start value, unit, weight. */
#define OK_KEY_RESULT_COLUMNS \
	"SELECT k.id, o.key, k.key, k.title, k.type, c.key, k.level, k.target, k.start_value," \
	" k.unit, k.weight FROM key_result k JOIN objective o ON o.id = k.objective_id" \
	" LEFT JOIN competency c ON c.id = k.competency_id"
/* Of a check-in (checkin_row): key result key, date, value, confidence,
 * note. */
#define OK_CHECKIN_COLUMNS \
	"SELECT k.key, ci.date, ci.value, ci.confidence, ci.note FROM checkin ci" \
	" JOIN key_result k ON k.id = ci.key_result_id JOIN objective o ON o.id = k.objective_id"

/* The board's scopes (enum okr_scope): the team's id, none, none, the
 * objective's key; then the active range: objectives that start on or
 * before the first day and end on or after the second (the whole range
 * of days when not active_only). */
#define OK_OF_TEAM " WHERE o.team_id = " P(1) " AND o.start_date <= " INT(2) \
	" AND o.end_date >= " INT(3)
#define OK_OF_ORG " WHERE o.team_id IS NULL AND o.start_date <= " INT(1) \
	" AND o.end_date >= " INT(2)
#define OK_OF_ALL " WHERE o.start_date <= " INT(1) " AND o.end_date >= " INT(2)
#define OK_OF_ONE " WHERE o.key = " P(1) " AND o.start_date <= " INT(2) \
	" AND o.end_date >= " INT(3)
/* The board's order: objectives by start date, then key; key results in
 * the order they were first stored; check-ins by date. */
#define OK_BY_OBJECTIVE " ORDER BY o.start_date, o.key"
#define OK_BY_KEY_RESULT OK_BY_OBJECTIVE ", k.id"
#define OK_BY_CHECKIN OK_BY_KEY_RESULT ", ci.date"

static const char *const ok_sql[OK_COUNT_OF_STATEMENTS] = {
	/* Before parents are written: two writers could otherwise each pass
	 * the check of loops and together close one. */
	[OK_LOCK_OBJECTIVES] = OK_LOCK_SQL,
	/* key -> id */
	[OK_OBJECTIVE_ID] = "SELECT id FROM objective WHERE key = " P(1),
	/* key, team id, title, start, end, owner id, parent id, interval,
	 * review -> id. A replaced objective keeps its id (so its key
	 * results), and its review when none is given. */
	[OK_PUT_OBJECTIVE] =
		"INSERT INTO objective(key, team_id, title, start_date, end_date, owner_id, parent_id,"
		" checkin_interval, review) VALUES (" P(1) ", " P(2) ", " P(3) ", " INT(4) ", " INT(5)
		", " P(6) ", " P(7) ", " P(8) ", " P(9) ") ON CONFLICT (key) DO UPDATE SET"
		" team_id = excluded.team_id, title = excluded.title,"
		" start_date = excluded.start_date, end_date = excluded.end_date,"
		" owner_id = excluded.owner_id, parent_id = excluded.parent_id,"
		" checkin_interval = excluded.checkin_interval,"
		" review = COALESCE(excluded.review, objective.review) RETURNING id",
	/* -> key, parent key: every objective that has a parent */
	[OK_PARENTS] =
		"SELECT o.key, u.key FROM objective o JOIN objective u ON u.id = o.parent_id",
	/* key, review (NULL: none) */
	[OK_SET_REVIEW] = "UPDATE objective SET review = " P(2) " WHERE key = " P(1),
	/* key -> id, type, its check-ins */
	[OK_KEY_RESULT_STATE] =
		"SELECT k.id, k.type, (SELECT count(*) FROM checkin ci WHERE ci.key_result_id = k.id)"
		" FROM key_result k WHERE k.key = " P(1),
	/* objective id, key, title, type, competency id, level, target, start
	 * value, unit, weight -> id. A replaced key result keeps its id (its
	 * place among its objective's and its check-ins). */
	[OK_PUT_KEY_RESULT] =
		"INSERT INTO key_result(objective_id, key, title, type, competency_id, level, target,"
		" start_value, unit, weight) VALUES (" P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5)
		", " P(6) ", " P(7) ", " P(8) ", " P(9) ", " P(10) ") ON CONFLICT (key) DO UPDATE SET"
		" objective_id = excluded.objective_id, title = excluded.title, type = excluded.type,"
		" competency_id = excluded.competency_id, level = excluded.level,"
		" target = excluded.target, start_value = excluded.start_value,"
		" unit = excluded.unit, weight = excluded.weight RETURNING id",
	/* key result id, date, value, confidence, note: one a day, the last
	 * given replacing */
	[OK_PUT_CHECKIN] =
		"INSERT INTO checkin(key_result_id, date, value, confidence, note) VALUES (" P(1) ", "
		INT(2) ", " P(3) ", " P(4) ", " P(5) ") ON CONFLICT (key_result_id, date) DO UPDATE SET"
		" value = excluded.value, confidence = excluded.confidence, note = excluded.note",
	/* key -> a key result's columns */
	[OK_KEY_RESULT] = OK_KEY_RESULT_COLUMNS " WHERE k.key = " P(1),
	[OK_OBJECTIVES] = OK_OBJECTIVE_COLUMNS OK_OF_TEAM OK_BY_OBJECTIVE,
	[OK_OBJECTIVES_ORG] = OK_OBJECTIVE_COLUMNS OK_OF_ORG OK_BY_OBJECTIVE,
	[OK_OBJECTIVES_ALL] = OK_OBJECTIVE_COLUMNS OK_OF_ALL OK_BY_OBJECTIVE,
	[OK_OBJECTIVES_ONE] = OK_OBJECTIVE_COLUMNS OK_OF_ONE OK_BY_OBJECTIVE,
	[OK_KEY_RESULTS] = OK_KEY_RESULT_COLUMNS OK_OF_TEAM OK_BY_KEY_RESULT,
	[OK_KEY_RESULTS_ORG] = OK_KEY_RESULT_COLUMNS OK_OF_ORG OK_BY_KEY_RESULT,
	[OK_KEY_RESULTS_ALL] = OK_KEY_RESULT_COLUMNS OK_OF_ALL OK_BY_KEY_RESULT,
	[OK_KEY_RESULTS_ONE] = OK_KEY_RESULT_COLUMNS OK_OF_ONE OK_BY_KEY_RESULT,
	[OK_CHECKINS] = OK_CHECKIN_COLUMNS OK_OF_TEAM OK_BY_CHECKIN,
	[OK_CHECKINS_ORG] = OK_CHECKIN_COLUMNS OK_OF_ORG OK_BY_CHECKIN,
	[OK_CHECKINS_ALL] = OK_CHECKIN_COLUMNS OK_OF_ALL OK_BY_CHECKIN,
	[OK_CHECKINS_ONE] = OK_CHECKIN_COLUMNS OK_OF_ONE OK_BY_CHECKIN,
	/* team id -> its objectives */
	[OK_REFS_TEAM] = "SELECT count(*) FROM objective WHERE team_id = " P(1),
	/* person id -> the objectives they own */
	[OK_REFS_PERSON] = "SELECT count(*) FROM objective WHERE owner_id = " P(1),
	/* competency id -> the key results on it */
	[OK_REFS_COMPETENCY] = "SELECT count(*) FROM key_result WHERE competency_id = " P(1),
	/* person id: they own no objective any more (the privacy erasure) */
	[OK_ERASE_PERSON] = "UPDATE objective SET owner_id = NULL WHERE owner_id = " P(1),
};

#undef OK_OBJECTIVE_COLUMNS
#undef OK_KEY_RESULT_COLUMNS
#undef OK_CHECKIN_COLUMNS
#undef OK_OF_TEAM
#undef OK_OF_ORG
#undef OK_OF_ALL
#undef OK_OF_ONE
#undef OK_BY_OBJECTIVE
#undef OK_BY_KEY_RESULT
#undef OK_BY_CHECKIN

#endif
