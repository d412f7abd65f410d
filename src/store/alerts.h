/* Alerts at once and their webhooks, stored (issue 13, item 5;
 * docs/data-model.md, "Alerts and webhooks"; docs/methodology.md,
 * "Alerts").
 *
 * Alerts are not stored: they are read from the evaluations in force at
 * the time of asking (store_alert_rows), so that a retracted or corrected
 * evaluation stops alerting at once. What is stored is the webhooks:
 * the endpoints an admin configured, and a queue of deliveries that the
 * transaction storing an evaluation fills (store_webhook_enqueue, called
 * by store_put_evaluations) and the sender empties.
 *
 * Conventions as in store.h: 0 or -1 with err set; writes inside the
 * caller's write transaction. The same on both engines: the SQL is in
 * store/alerts_sql.h, run by the backend's al_run. */
#ifndef COMPGAP_STORE_ALERTS_H
#define COMPGAP_STORE_ALERTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/quality.h"
#include "store/quality.h"
#include "store/store.h"

/* Which evaluations store_alert_rows reads: those in force, of kind
 * manager or peer, dated since..until (both included), and of these only
 * the agents of team and its sub-teams (team not NULL) or agent alone
 * (agent not NULL), or evaluation id alone (evaluation not 0: the other
 * fields are then ignored). */
struct alert_filter {
	int32_t since, until;        /* days since 1970-01-01 */
	const char *team;            /* NULL: every team */
	const char *agent;           /* NULL: every agent (team must then be NULL) */
	int64_t evaluation;          /* 0: any */
};

/* One area score of such an evaluation. Strings live until the callback
 * returns. */
struct alert_row {
	int64_t evaluation;          /* its id */
	const char *key, *contact, *kind;
	const char *agent;           /* the agent's key */
	const char *team;            /* the agent's team, NULL none */
	const char *evaluator;       /* NULL after the evaluator's erasure */
	int32_t date;
	const char *area;            /* the area's name */
	struct qa_area a;            /* weight, scale, critical */
	double score;
};

/* Calls cb with every area score of the evaluations f selects, newest
 * first (by date, then id), the rows of one evaluation together in the
 * areas' order, until cb returns nonzero (then returned). Fails with
 * store_require_key's error when f->team does not exist. */
int store_alert_rows(struct store *st, const struct alert_filter *f,
		     int (*cb)(void *ctx, const struct alert_row *r), void *ctx, struct err *err);

/* ---- webhook endpoints -------------------------------------------------- */

/* One endpoint, with how its deliveries stand. Strings live until the
 * callback returns. */
struct webhook_endpoint {
	int64_t id;
	const char *url;             /* whole: show it with webhook_url_shown */
	bool alerts, praise;         /* the kinds it takes */
	const char *created_at;      /* ISO 8601 UTC */
	const char *created_by;      /* the actor, or NULL */
	long pending, delivered, failed, cancelled;
};

/* Adds an endpoint for url (checked by the caller: webhook_url_refused)
 * taking alerts and/or praise (at least one), made by by (may be NULL);
 * its id into *id. Fails with EX_DATAERR when url is configured already. */
int store_webhook_add(struct store *st, const char *url, bool alerts, bool praise,
		      const char *by, int64_t *id, struct err *err);

/* Removes endpoint id and its deliveries; its URL into url[urlsz] (for
 * the audit log; "" when none). Fails with EX_DATAERR when there is no
 * such endpoint. */
int store_webhook_remove(struct store *st, int64_t id, char *url, size_t urlsz,
			 struct err *err);

/* Calls cb with every endpoint, by id. */
int store_webhook_each(struct store *st,
		       int (*cb)(void *ctx, const struct webhook_endpoint *e), void *ctx,
		       struct err *err);

/* ---- the queue of deliveries -------------------------------------------- */

/* One delivery. Strings live until the callback returns. */
struct webhook_delivery {
	int64_t id, endpoint, evaluation;
	const char *url;             /* the endpoint's */
	const char *evaluation_key;
	const char *kind;            /* "alert" or "praise" */
	const char *status;          /* "pending", "delivered", "failed", "cancelled" */
	int attempts;
	int64_t next_attempt_at;     /* seconds since 1970 (UTC) */
	const char *last_error;      /* NULL: none */
	const char *created_at, *delivered_at;
};

/* Queues a delivery of alert kind "alert" or "praise" of evaluation id
 * for every endpoint that takes that kind, due at now (seconds since
 * 1970), unless one of the same endpoint, evaluation and kind is pending
 * or delivered already. *queued (when not NULL) gets how many. Cheap when
 * no endpoint exists: one read. */
int store_webhook_enqueue(struct store *st, int64_t evaluation, const char *kind, int64_t now,
			  long *queued, struct err *err);

/* What store_put_evaluations calls in its transaction, after storing
 * ev[0..n) (new or corrected; ids[i] the id of ev[i]): each manager or
 * peer evaluation that auto-fails queues an "alert", each of 95 or more a
 * "praise" (store_webhook_enqueue, due now). Nothing but one read when no
 * endpoint exists. */
int store_webhook_enqueue_evaluations(struct store *st, const struct qa_eval_in *const *ev,
				      const int64_t *ids, size_t n, struct err *err);

/* Whether any endpoint is configured: 1, 0, or -1 with err set. */
int store_webhook_any(struct store *st, struct err *err);

/* Calls cb with the deliveries of status (NULL: any), newest first, at
 * most limit (0: all). */
int store_webhook_deliveries(struct store *st, const char *status, size_t limit,
			     int (*cb)(void *ctx, const struct webhook_delivery *d), void *ctx,
			     struct err *err);

/* Calls cb with the pending deliveries due at now (next_attempt_at <=
 * now), the earliest first, at most limit. */
int store_webhook_due(struct store *st, int64_t now, size_t limit,
		      int (*cb)(void *ctx, const struct webhook_delivery *d), void *ctx,
		      struct err *err);

/* Claims pending delivery id for one attempt: moves its next attempt from
 * was to until, so that another sender does not take it meanwhile. 1 when
 * claimed, 0 when another sender did first (or it is no longer pending). */
int store_webhook_claim(struct store *st, int64_t id, int64_t was, int64_t until,
			struct err *err);

/* Records an attempt's outcome: status, attempts, the next attempt's time,
 * the last error (NULL: none) and when it was delivered (NULL: not). */
int store_webhook_update(struct store *st, int64_t id, const char *status, int attempts,
			 int64_t next_attempt_at, const char *last_error, const char *delivered_at,
			 struct err *err);

#endif
