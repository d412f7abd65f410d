/* The server's log: JSON lines on standard error, one per request (the
 * access log) and one per event of the server's life (listening, stopping,
 * libmicrohttpd's own complaints). Each line is written with one write(),
 * so lines from different threads never interleave. */
#ifndef COMPGAP_HTTP_ACCESSLOG_H
#define COMPGAP_HTTP_ACCESSLOG_H

#include <stddef.h>

/* One request, as it ended. */
struct access_entry {
	const char *address;      /* the client's */
	const char *method;
	const char *path;         /* the raw path, without the query */
	const char *const *query_names;  /* the query's parameter names, nquery */
	size_t nquery;            /* (their values are left out: they may hold secrets) */
	int status;
	unsigned long long bytes; /* of the response body */
	double ms;                /* from the first byte to the last */
	const char *user;         /* the caller, or NULL */
	const char *error;        /* the error's code, or NULL */
};

/* Writes the entry's line. */
void accesslog_request(const struct access_entry *e);

/* Writes {"time", "event": event, "message": message} (message may be
 * NULL). */
void accesslog_event(const char *event, const char *message);

#endif
