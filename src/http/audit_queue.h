/* The audit log's entries for reads, written in batches.
 *
 * Every read of another person's data is logged (docs/security.md, "The
 * audit log"). Written one transaction per request, those entries were
 * the largest cost of a cached view after the view itself: a write
 * transaction each, which on SQLite also makes every other connection
 * drop its page cache. So a successful read's entry is queued here,
 * stamped with the time of the read, and a thread of its own writes the
 * queue in one transaction every --audit-flush-ms milliseconds (and at
 * once when it grows long). Writes, sign-ins and denied requests are not
 * queued: they are logged before they are answered, as before.
 *
 * What this trades: a read is answered before its entry is stored. A
 * server that is stopped (SIGTERM, SIGINT) writes the queue before it
 * exits; one that is killed or loses its machine loses the entries of at
 * most the last interval. When the database cannot take the entries, they
 * are kept and tried again; past AUDIT_QUEUE_MAX waiting entries, reads
 * are logged one by one again (audit_queue_add refuses). */
#ifndef COMPGAP_HTTP_AUDIT_QUEUE_H
#define COMPGAP_HTTP_AUDIT_QUEUE_H

#include "store/accounts.h"

enum {
	AUDIT_QUEUE_MAX = 100000         /* entries waiting at most */
};

/* Starts the writer on the database db, writing every flush_ms
 * milliseconds. 0, or -1 with err set when the thread cannot start. */
int audit_queue_start(const char *db, unsigned flush_ms, struct err *err);

/* Queues a copy of e (its at must be set). 0, or -1 when the queue is not
 * running or full: the caller then writes e itself. */
int audit_queue_add(const struct audit_entry *e);

/* Writes what is queued and stops the writer; entries that still cannot
 * be written are reported on standard error (the access log) with their
 * number. Call after the last request has been answered. */
void audit_queue_stop(void);

#endif
