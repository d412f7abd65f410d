/* The server's settings: its limits, each with a documented default
 * (docs/deployment.md), given as options of `compgap serve`.
 *
 * They are not method settings (core/settings.h, `compgap config`): those
 * live in the database, change the figures and are shared by every
 * process on it; these belong to one server process, are needed before
 * the database is opened (the listener is set up with them), change no
 * figure, and must not be changeable through the API that they guard
 * (PUT /api/v1/settings would let a caller raise the limits that protect
 * the server from them). */
#ifndef COMPGAP_HTTP_LIMITS_H
#define COMPGAP_HTTP_LIMITS_H

#include <stddef.h>

struct server_limits {
	unsigned long long json_body_max;   /* bytes of a JSON request body */
	unsigned long long csv_body_max;    /* bytes of a CSV upload */
	unsigned long long header_max;      /* bytes of the request line and headers
					     * (libmicrohttpd's memory per connection) */
	unsigned long long per_address;     /* connections at once from one address */
	unsigned long long connections_max; /* connections at once in all */
	unsigned long long timeout;         /* seconds a connection may stay idle
					     * (a slow client is cut off after it) */
	unsigned long long threads;         /* worker threads; 0: one per core */
	unsigned long long drain_timeout;   /* seconds a shutdown waits for the
					     * requests in flight */
	unsigned long long audit_flush_ms;  /* milliseconds between writes of the
					     * queued audit entries of reads
					     * (http/audit_queue.h); 0: each
					     * written before its answer */
};

/* One limit: its option, where it lives, its range, what it means. */
struct limit_info {
	const char *option;                 /* "--json-body-max" */
	size_t offset;                      /* into struct server_limits */
	unsigned long long def, min, max;
	const char *help;
};

extern const struct limit_info limits_info[];
extern const size_t limits_count;

/* Fills l with the defaults. */
void limits_default(struct server_limits *l);

/* Sets the limit of info in l from text (a whole number). 0, or -1 with a
 * message naming the option and the range in msg. */
int limits_set(struct server_limits *l, const struct limit_info *info, const char *text,
	       char *msg, size_t msgsz);

#endif
