/* The SQL of the library's texts (store/texts_be.h), written once for
 * both engines: the file that includes it defines P(n), the placeholder of
 * parameter n ("?1" in SQLite, "$1" in PostgreSQL), and BYTES, what makes
 * a comparison of two texts one of bytes (PostgreSQL's COLLATE "C"; the
 * base text of an indicator is compared with the indicator's, whose column
 * has the database's collation). Included by sqlite_texts.c and
 * pg_texts.c only. */
#ifndef COMPGAP_TEXTS_SQL_H
#define COMPGAP_TEXTS_SQL_H

#include "store/texts_be.h"

/* An indicator's translation row x of indicator i in language L. */
#define TRANSLATION_OF(L) \
	"x.competency_id = i.competency_id AND x.level = i.level" \
	" AND x.base = i.text" BYTES " AND x.lang = " L
/* Only the row of key k when parameter 1 is not NULL. */
#define ONLY_KEY(k) "(CAST(" P(1) " AS TEXT) IS NULL OR " k " = " P(1) ")"

/* The id of the evidence row this connection inserted last: an evidence
 * row is appended by an INSERT in SQLite (sqlite_evidence.c), by COPY into
 * the identity column in PostgreSQL (pg_evidence.c), and each engine
 * keeps that id per connection. */
#ifdef SQLITE_VERSION
#define LAST_EVIDENCE_ID "last_insert_rowid()"
#else
#define LAST_EVIDENCE_ID "currval(pg_get_serial_sequence('evidence', 'id'))"
#endif

static const char *const tx_sql[TX_COUNT_OF_STATEMENTS] = {
	/* competency id, language, text */
	[TX_PUT_COMPETENCY_NAME] =
		"INSERT INTO competency_text(competency_id, lang, name)"
		" VALUES (" P(1) ", " P(2) ", " P(3) ") ON CONFLICT (competency_id, lang)"
		" DO UPDATE SET name = excluded.name",
	[TX_PUT_COMPETENCY_DESCRIPTION] =
		"INSERT INTO competency_text(competency_id, lang, description)"
		" VALUES (" P(1) ", " P(2) ", " P(3) ") ON CONFLICT (competency_id, lang)"
		" DO UPDATE SET description = excluded.description",
	/* competency id, language */
	[TX_DROP_COMPETENCY_NAME] =
		"UPDATE competency_text SET name = NULL WHERE competency_id = " P(1)
		" AND lang = " P(2),
	[TX_DROP_COMPETENCY_DESCRIPTION] =
		"UPDATE competency_text SET description = NULL WHERE competency_id = " P(1)
		" AND lang = " P(2),
	[TX_DROP_EMPTY_COMPETENCY] =
		"DELETE FROM competency_text WHERE competency_id = " P(1) " AND lang = " P(2)
		" AND name IS NULL AND description IS NULL",
	/* competency id, level, base text, language, text */
	[TX_PUT_INDICATOR] =
		"INSERT INTO indicator_text(competency_id, level, base, lang, text)"
		" VALUES (" P(1) ", " P(2) ", " P(3) ", " P(4) ", " P(5) ")",
	/* competency id, level, base text, language */
	[TX_DROP_INDICATOR] =
		"DELETE FROM indicator_text WHERE competency_id = " P(1) " AND level = " P(2)
		" AND base = " P(3) " AND lang = " P(4),
	/* competency id, level, how many to skip (the place - 1 of a
	 * behavioural indicator, 0 for a descriptor): the base text */
	[TX_INDICATOR_BASE] =
		"SELECT text FROM indicator WHERE competency_id = " P(1) " AND level = " P(2)
		" ORDER BY id LIMIT 1 OFFSET " P(3),
	/* competency id: removes the translations of texts it no longer has */
	[TX_LAPSED_INDICATORS] =
		"DELETE FROM indicator_text WHERE competency_id = " P(1) " AND NOT EXISTS"
		" (SELECT 1 FROM indicator i WHERE i.competency_id = indicator_text.competency_id"
		" AND i.level = indicator_text.level AND i.text" BYTES " = indicator_text.base)",
	/* role id, language, name */
	[TX_PUT_ROLE] =
		"INSERT INTO role_text(role_id, lang, name) VALUES (" P(1) ", " P(2) ", " P(3) ")"
		" ON CONFLICT (role_id, lang) DO UPDATE SET name = excluded.name",
	/* role id, language */
	[TX_DROP_ROLE] = "DELETE FROM role_text WHERE role_id = " P(1) " AND lang = " P(2),
	/* competency id, or role id */
	[TX_FORGET_COMPETENCY] = "DELETE FROM competency_text WHERE competency_id = " P(1),
	[TX_FORGET_COMPETENCY_INDICATORS] = "DELETE FROM indicator_text WHERE competency_id = " P(1),
	[TX_FORGET_ROLE] = "DELETE FROM role_text WHERE role_id = " P(1),
	/* competency key or NULL: key, language, name, description */
	[TX_EACH_COMPETENCY_TEXT] =
		"SELECT c.key, t.lang, t.name, t.description FROM competency_text t"
		" JOIN competency c ON c.id = t.competency_id WHERE " ONLY_KEY("c.key")
		" ORDER BY c.id, t.lang",
	/* competency key or NULL: key, indicator id, level, language, text
	 * (language and text NULL for an indicator without translations);
	 * every indicator, in the order of store_each_indicator, so that the
	 * caller numbers the behavioural ones */
	[TX_EACH_INDICATOR_TEXT] =
		"SELECT c.key, i.id, i.level, x.lang, x.text FROM indicator i"
		" JOIN competency c ON c.id = i.competency_id"
		" LEFT JOIN indicator_text x ON x.competency_id = i.competency_id"
		" AND x.level = i.level AND x.base = i.text" BYTES
		" WHERE " ONLY_KEY("c.key") " ORDER BY c.id, i.level, i.id, x.lang",
	/* role key or NULL: key, language, name */
	[TX_EACH_ROLE_TEXT] =
		"SELECT r.key, t.lang, t.name FROM role_text t JOIN role r ON r.id = t.role_id"
		" WHERE " ONLY_KEY("r.key") " ORDER BY r.id, t.lang",
	/* language: key, name, category, description, developability, name
	 * translated (1 or 0), description translated */
	[TX_LIB_COMPETENCIES] =
		"SELECT c.key, coalesce(t.name, c.name), c.category,"
		" coalesce(t.description, c.description), c.developability,"
		" CASE WHEN t.name IS NULL THEN 0 ELSE 1 END,"
		" CASE WHEN t.description IS NULL THEN 0 ELSE 1 END"
		" FROM competency c LEFT JOIN competency_text t ON t.competency_id = c.id"
		" AND t.lang = " P(1) " ORDER BY c.id",
	/* language: competency key, level, text, translated */
	[TX_LIB_INDICATORS] =
		"SELECT c.key, i.level, coalesce(x.text, i.text),"
		" CASE WHEN x.text IS NULL THEN 0 ELSE 1 END FROM indicator i"
		" JOIN competency c ON c.id = i.competency_id"
		" LEFT JOIN indicator_text x ON " TRANSLATION_OF(P(1))
		" ORDER BY c.id, i.level, i.id",
	/* language: key, name (NULL when none in it) */
	[TX_LIB_ROLES] =
		"SELECT r.key, t.name FROM role r LEFT JOIN role_text t ON t.role_id = r.id"
		" AND t.lang = " P(1) " ORDER BY r.id",
	/* role key, competency key, required level, weight */
	[TX_LIB_REQUIREMENTS] =
		"SELECT r.key, c.key, q.required_level, q.weight FROM requirement q"
		" JOIN role r ON r.id = q.role_id JOIN competency c ON c.id = q.competency_id"
		" ORDER BY r.id, q.id",
	/* person key, situation, task, action, result: the note of the
	 * evidence row this connection appended last (store/star.h), which
	 * must be about that person. */
	[TX_STAR_PUT] =
		"INSERT INTO evidence_star(evidence_id, situation, task, action, result)"
		" SELECT e.id, " P(2) ", " P(3) ", " P(4) ", " P(5) " FROM evidence e"
		" JOIN person p ON p.id = e.person_id WHERE e.id = " LAST_EVIDENCE_ID
		" AND p.key = " P(1),
	/* person key -> evidence id, situation, task, action, result */
	[TX_STAR_OF_PERSON] =
		"SELECT s.evidence_id, s.situation, s.task, s.action, s.result"
		" FROM evidence_star s JOIN evidence e ON e.id = s.evidence_id"
		" JOIN person p ON p.id = e.person_id WHERE p.key = " P(1) " ORDER BY s.evidence_id",
};

#undef LAST_EVIDENCE_ID
#undef TRANSLATION_OF
#undef ONLY_KEY

#endif
