/* The SQL of alerts and webhooks (store/alerts_be.h), written once for
 * both engines: the file that includes it defines P(n), the placeholder
 * of parameter n ("?1" in SQLite, "$1" in PostgreSQL), and BIG(n), that
 * placeholder read as a 64-bit whole number, and IN_ORDER, a join that
 * keeps its tables' order (SQLite's CROSS JOIN; PostgreSQL's planner
 * finds the order itself). Included by sqlite_alerts.c
 * and pg_alerts.c only. */
#ifndef COMPGAP_ALERTS_SQL_H
#define COMPGAP_ALERTS_SQL_H

#include "store/alerts_be.h"
#include "store/sql_shared.h"

/* -> evaluation id, key, contact, kind, agent key, agent's team key,
 * evaluator key, date, area name, weight, min, max, critical, score: the
 * area scores of the manager and peer evaluations in force. ALERT_FROM
 * goes from the people to their evaluations in the date range through
 * the index evaluation_agent_date (IN_ORDER is SQLite's CROSS JOIN, which
 * keeps that order: left to itself SQLite reads every area score
 * first); ALERT_FROM_ONE from one evaluation. ALERT_WHERE and more
 * conditions, then ALERT_ORDER, follow. */
#define ALERT_SELECT \
	"SELECT v.id, v.key, v.contact, v.kind, ag.key, t.key, ev.key, v.date, a.name, a.weight," \
	" a.min, a.max, a.critical, s.score"
#define ALERT_JOINS \
	" LEFT JOIN team t ON t.id = ag.team_id" \
	" LEFT JOIN person ev ON ev.id = v.evaluator_id" \
	" JOIN evaluation_score s ON s.evaluation_id = v.id" \
	" JOIN scorecard_area a ON a.id = s.area_id" \
	" WHERE v.retracted_at IS NULL AND v.kind IN ('manager', 'peer')"
#define ALERT_FROM ALERT_SELECT " FROM person ag " IN_ORDER " evaluation v ON v.agent_id = ag.id" \
	ALERT_JOINS
#define ALERT_FROM_ONE ALERT_SELECT " FROM evaluation v JOIN person ag ON ag.id = v.agent_id" \
	ALERT_JOINS
#define ALERT_ORDER " ORDER BY v.date DESC, v.id DESC, a.id"

/* -> id, endpoint id, evaluation id, url, evaluation key, kind, status,
 * attempts, next attempt at, last error, created at, delivered at */
#define DELIVERIES \
	"SELECT d.id, d.endpoint_id, d.evaluation_id, e.url, v.key, d.kind, d.status, d.attempts," \
	" d.next_attempt_at, d.last_error, d.created_at, d.delivered_at FROM webhook_delivery d" \
	" JOIN webhook_endpoint e ON e.id = d.endpoint_id" \
	" JOIN evaluation v ON v.id = d.evaluation_id"

#define COUNT_OF(status) \
	" (SELECT count(*) FROM webhook_delivery d WHERE d.endpoint_id = e.id AND d.status = '" \
	status "')"

static const char *const al_sql[AL_COUNT_OF_STATEMENTS] = {
	/* since, until */
	[AL_ROWS] = ALERT_FROM " AND v.date BETWEEN " BIG(1) " AND " BIG(2) ALERT_ORDER,
	/* team key, since, until: the agents of the team and its sub-teams */
	[AL_ROWS_TEAM] =
		SUBTREE_OF("SELECT id FROM team WHERE key = " P(1)) ALERT_FROM
		" AND ag.team_id IN (SELECT id FROM sub) AND v.date BETWEEN " BIG(2) " AND " BIG(3)
		ALERT_ORDER,
	/* evaluation id */
	[AL_ROWS_ONE] = ALERT_FROM_ONE " AND v.id = " BIG(1) ALERT_ORDER,
	/* agent key, since, until */
	[AL_ROWS_AGENT] =
		ALERT_FROM " AND ag.key = " P(1) " AND v.date BETWEEN " BIG(2) " AND " BIG(3) ALERT_ORDER,
	/* url, alerts, praise, created at, created by -> id */
	[AL_EP_ADD] =
		"INSERT INTO webhook_endpoint(url, alerts, praise, created_at, created_by)"
		" VALUES (" P(1) ", " BIG(2) ", " BIG(3) ", " P(4) ", " P(5) ") RETURNING id",
	/* id -> url */
	[AL_EP_URL] = "SELECT url FROM webhook_endpoint WHERE id = " BIG(1),
	/* id */
	[AL_EP_REMOVE] = "DELETE FROM webhook_endpoint WHERE id = " BIG(1),
	/* -> id, url, alerts, praise, created at, created by, pending,
	 * delivered, failed, cancelled */
	[AL_EP_EACH] =
		"SELECT e.id, e.url, e.alerts, e.praise, e.created_at, e.created_by,"
		COUNT_OF("pending") "," COUNT_OF("delivered") "," COUNT_OF("failed") ","
		COUNT_OF("cancelled") " FROM webhook_endpoint e ORDER BY e.id",
	/* -> 1 when an endpoint exists */
	[AL_EP_ANY] = "SELECT 1 FROM webhook_endpoint LIMIT 1",
	/* evaluation id, kind, now, created at */
	[AL_ENQUEUE] =
		"INSERT INTO webhook_delivery(endpoint_id, evaluation_id, kind, status, attempts,"
		" next_attempt_at, created_at)"
		" SELECT e.id, " BIG(1) ", " P(2) ", 'pending', 0, " BIG(3) ", " P(4)
		" FROM webhook_endpoint e"
		" WHERE (CASE WHEN " P(2) " = 'alert' THEN e.alerts ELSE e.praise END) = 1"
		" AND NOT EXISTS (SELECT 1 FROM webhook_delivery d WHERE d.endpoint_id = e.id"
		" AND d.evaluation_id = " BIG(1) " AND d.kind = " P(2)
		" AND d.status IN ('pending', 'delivered'))",
	/* limit -> DELIVERIES' columns, newest first */
	[AL_DELIVERIES] = DELIVERIES " ORDER BY d.id DESC LIMIT " BIG(1),
	/* status, limit -> the same */
	[AL_DELIVERIES_OF] = DELIVERIES " WHERE d.status = " P(1) " ORDER BY d.id DESC LIMIT " BIG(2),
	/* now, limit -> the same: the pending ones due, earliest first */
	[AL_DUE] =
		DELIVERIES " WHERE d.status = 'pending' AND d.next_attempt_at <= " BIG(1)
		" ORDER BY d.next_attempt_at, d.id LIMIT " BIG(2),
	/* id, was, until */
	[AL_CLAIM] =
		"UPDATE webhook_delivery SET next_attempt_at = " BIG(3) " WHERE id = " BIG(1)
		" AND next_attempt_at = " BIG(2) " AND status = 'pending'",
	/* id, status, attempts, next attempt at, last error, delivered at */
	[AL_UPDATE] =
		"UPDATE webhook_delivery SET status = " P(2) ", attempts = " BIG(3) ","
		" next_attempt_at = " BIG(4) ", last_error = " P(5) ", delivered_at = " P(6)
		" WHERE id = " BIG(1),
};

#undef ALERT_SELECT
#undef ALERT_JOINS
#undef ALERT_FROM
#undef ALERT_FROM_ONE
#undef ALERT_ORDER
#undef DELIVERIES
#undef COUNT_OF

#endif
