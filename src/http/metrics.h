/* The server's counters, in the Prometheus text format (version 0.0.4):
 * requests by route pattern and status, a latency histogram, and database
 * errors. Counters are atomics shared by the worker threads; one server
 * per process. */
#ifndef COMPGAP_HTTP_METRICS_H
#define COMPGAP_HTTP_METRICS_H

#include "http/router.h"
#include "util/buf.h"

enum {
	METRICS_ROUTES_MAX = 128     /* routes counted; more share the last slot */
};

/* Counts one request: route is the index in the route table, or -1 for a
 * request that matched none; seconds from its start to its end. */
void metrics_request(int route, int status, double seconds);

/* Counts a failed database operation. */
void metrics_db_error(void);

/* Appends the metrics in the text format to out, the route labels from
 * routes[0..n). 0, or -1 when out is full. */
int metrics_write(struct buf *out, const struct http_route *routes, size_t n);

#endif
