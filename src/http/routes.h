/* The route table: every endpoint of the server, in one place. */
#ifndef COMPGAP_HTTP_ROUTES_H
#define COMPGAP_HTTP_ROUTES_H

#include "http/router.h"

extern const struct http_route http_routes[];
extern const size_t http_route_count;

/* The routes of the --metrics-listen address: /metrics, to anyone. */
extern const struct http_route http_metrics_routes[];
extern const size_t http_metrics_route_count;

#endif
