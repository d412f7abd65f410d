/* Delivering the webhooks' queue (docs/api.md, "Webhooks";
 * docs/security.md, "Webhooks"): each pending delivery that is due is
 * claimed, its body built from the evaluation as it is now, and POSTed
 * with libcurl (http/curl_api.h) outside any transaction; then its
 * outcome is recorded: delivered on a 2xx answer; otherwise tried again
 * after webhook_backoff (core/webhook.h), and failed after
 * WEBHOOK_ATTEMPTS_MAX attempts; cancelled when the evaluation no longer
 * gives that alert (retracted or corrected). Redirects are not followed,
 * only http and https are spoken, and neither the URL's path nor the
 * body reaches a log.
 *
 * `compgap serve` runs a thread of its own that delivers every few
 * seconds (webhook_sender_start); `compgap webhook deliver` runs one
 * round, for a cron job when no server runs. */
#ifndef COMPGAP_HTTP_WEBHOOKS_H
#define COMPGAP_HTTP_WEBHOOKS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "store/store.h"

enum {
	WEBHOOK_ROUND_MAX = 100,     /* deliveries one round takes at most */
	WEBHOOK_POLL_SECONDS = 5     /* how often the server's thread looks */
};

/* What one round did. */
struct webhook_round {
	long due;                    /* taken */
	long delivered;
	long retried;                /* failed, tried again later */
	long failed;                 /* failed, given up */
	long cancelled;              /* the evaluation no longer alerts */
};

/* Delivers the pending deliveries due at now (seconds since 1970, UTC),
 * at most limit, on st (no transaction open). 0, or -1 with err set when
 * the store or libcurl failed; a delivery that fails is not an error of
 * the round (its outcome is recorded). */
int webhook_deliver_due(struct store *st, int64_t now, size_t limit, struct webhook_round *r,
			struct err *err);

/* Adds an endpoint (its URL checked by webhook_url_refused: EX_USAGE with
 * the reason) taking alerts and/or praise, and its audit entry
 * "webhook.add" by actor (from address, may be NULL), in one transaction;
 * its id into *id. The entry names the URL as webhook_url_shown does. */
int webhook_admin_add(struct store *st, const char *actor, const char *address, const char *url,
		      bool alerts, bool praise, int64_t *id, struct err *err);

/* Removes endpoint id and its deliveries, with the audit entry
 * "webhook.remove", in one transaction. EX_DATAERR when there is none. */
int webhook_admin_remove(struct store *st, const char *actor, const char *address, int64_t id,
			 struct err *err);

/* Starts the server's sender on database db: a round every
 * WEBHOOK_POLL_SECONDS. 0, or -1 with err set when the thread cannot
 * start. */
int webhook_sender_start(const char *db, struct err *err);

/* Stops the sender after its round in progress. */
void webhook_sender_stop(void);

#endif
