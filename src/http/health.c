/* GET /healthz, /readyz and /metrics: for load balancers, orchestrators
 * and Prometheus. */
#include <sysexits.h>

#include "http/handler.h"
#include "http/metrics.h"
#include "http/routes.h"

int handle_healthz(struct http_ctx *cx)
{
	response_text(cx->resp, 200, HTTP_JSON, "{\n  \"status\": \"alive\"\n}\n");
	cx->resp->api = true;
	return 0;
}

/* Ready when this worker's database connection answers a query: a
 * load balancer then sends requests only to servers that can serve them. */
int handle_readyz(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int version;

	if (st == NULL || store_schema_version(st, &version, &err) < 0) {
		if (st != NULL)
			(void)http_store_failed(cx, &err, NULL);
		return response_error(cx->resp, 503, "unavailable", NULL,
				      "the database is not reachable");
	}
	response_text(cx->resp, 200, HTTP_JSON, "{\n  \"status\": \"ready\"\n}\n");
	cx->resp->api = true;
	return 0;
}

int handle_metrics(struct http_ctx *cx)
{
	response_text(cx->resp, 200, HTTP_PROMETHEUS, "");
	cx->resp->api = true;
	if (metrics_write(&cx->resp->body, http_routes, http_route_count) < 0)
		return response_error(cx->resp, 500, "internal", NULL, "out of memory");
	return 0;
}
