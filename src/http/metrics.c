#include "http/metrics.h"

#include <stdatomic.h>
#include <stdio.h>

#include "http/view_cache.h"

/* The statuses counted one by one; others are counted as "other". */
static const int statuses[] = { 200, 201, 204, 304, 400, 401, 403, 404, 405, 409, 413, 415,
				422, 429, 500, 503 };
#define NSTATUS (sizeof statuses / sizeof statuses[0])

/* Upper bounds of the latency buckets, in seconds. */
static const double buckets[] = { 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1,
				  2.5, 5, 10 };
#define NBUCKET (sizeof buckets / sizeof buckets[0])

/* [route + 1][status slot]: slot NSTATUS is "other"; route 0 is "none". */
static atomic_ulong requests[METRICS_ROUTES_MAX + 1][NSTATUS + 1];
static atomic_ulong latency[NBUCKET + 1];          /* not cumulative; +Inf last */
static atomic_ulong latency_micros;                /* the sum, in microseconds */
static atomic_ulong latency_count;
static atomic_ulong db_errors;

static size_t status_slot(int status)
{
	for (size_t i = 0; i < NSTATUS; i++)
		if (statuses[i] == status)
			return i;
	return NSTATUS;
}

void metrics_request(int route, int status, double seconds)
{
	size_t r = route < 0 ? 0 : route >= METRICS_ROUTES_MAX ? METRICS_ROUTES_MAX : (size_t)route + 1;
	size_t b = 0;

	atomic_fetch_add(&requests[r][status_slot(status)], 1);
	while (b < NBUCKET && seconds > buckets[b])
		b++;
	atomic_fetch_add(&latency[b], 1);
	atomic_fetch_add(&latency_micros, (unsigned long)(seconds * 1e6 + 0.5));
	atomic_fetch_add(&latency_count, 1);
}

void metrics_db_error(void)
{
	atomic_fetch_add(&db_errors, 1);
}

/* The label of route slot r: its method and pattern (which hold no
 * character that a label value must escape: no quote, backslash or line
 * break). */
static int write_route_lines(struct buf *out, size_t r, const char *method, const char *pattern)
{
	for (size_t s = 0; s <= NSTATUS; s++) {
		unsigned long v = atomic_load(&requests[r][s]);
		char status[8];

		if (v == 0)
			continue;
		if (s == NSTATUS)
			(void)snprintf(status, sizeof status, "other");
		else
			(void)snprintf(status, sizeof status, "%d", statuses[s]);
		if (buf_printf(out, "compgap_http_requests_total{method=\"%s\",route=\"%s\",status=\"%s\"} %lu\n",
			       method, pattern, status, v) < 0)
			return -1;
	}
	return 0;
}

int metrics_write(struct buf *out, const struct http_route *routes, size_t n)
{
	struct view_cache_stats vc;
	unsigned long cumulative = 0;

	if (buf_adds(out, "# HELP compgap_http_requests_total Requests answered, by route and status.\n"
		     "# TYPE compgap_http_requests_total counter\n") < 0 ||
	    write_route_lines(out, 0, "", "none") < 0)
		return -1;
	for (size_t i = 0; i < n && i < METRICS_ROUTES_MAX; i++)
		if (write_route_lines(out, i + 1, routes[i].method, routes[i].pattern) < 0)
			return -1;
	if (buf_adds(out, "# HELP compgap_http_request_duration_seconds Time from a request's first "
		     "byte to its response's last.\n"
		     "# TYPE compgap_http_request_duration_seconds histogram\n") < 0)
		return -1;
	for (size_t b = 0; b <= NBUCKET; b++) {
		cumulative += atomic_load(&latency[b]);
		if (b < NBUCKET
		    ? buf_printf(out, "compgap_http_request_duration_seconds_bucket{le=\"%g\"} %lu\n",
				 buckets[b], cumulative) < 0
		    : buf_printf(out, "compgap_http_request_duration_seconds_bucket{le=\"+Inf\"} %lu\n",
				 cumulative) < 0)
			return -1;
	}
	if (buf_printf(out, "compgap_http_request_duration_seconds_sum %.6f\n"
		       "compgap_http_request_duration_seconds_count %lu\n",
		       atomic_load(&latency_micros) / 1e6, atomic_load(&latency_count)) < 0 ||
	    buf_printf(out, "# HELP compgap_db_errors_total Database operations that failed.\n"
		       "# TYPE compgap_db_errors_total counter\n"
		       "compgap_db_errors_total %lu\n", atomic_load(&db_errors)) < 0)
		return -1;
	view_cache_stats(&vc);
	return buf_printf(out, "# HELP compgap_view_cache_hits_total View documents answered from the cache.\n"
			  "# TYPE compgap_view_cache_hits_total counter\n"
			  "compgap_view_cache_hits_total %llu\n"
			  "# HELP compgap_view_cache_misses_total View documents made anew.\n"
			  "# TYPE compgap_view_cache_misses_total counter\n"
			  "compgap_view_cache_misses_total %llu\n"
			  "# HELP compgap_view_cache_bytes Bytes of the documents in the cache.\n"
			  "# TYPE compgap_view_cache_bytes gauge\n"
			  "compgap_view_cache_bytes %zu\n",
			  (unsigned long long)vc.hits, (unsigned long long)vc.misses, vc.bytes) < 0
		       ? -1 : 0;
}
