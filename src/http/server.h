/* `compgap serve`: the HTTP server on libmicrohttpd. A pool of worker
 * threads (one per core by default), each with its own database
 * connection opened on its first request; the route table of
 * http/routes.c; graceful shutdown on SIGTERM and SIGINT; the access log
 * and metrics. docs/deployment.md describes it for operators. */
#ifndef COMPGAP_HTTP_SERVER_H
#define COMPGAP_HTTP_SERVER_H

#include "http/http.h"
#include "http/limits.h"
#include "store/store.h"
#include "util/err.h"

struct server_config;

/* Finds who is calling: fills out and returns 1, returns 0 when the
 * request carries no valid credentials (the answer is then 401), or -1
 * when it cannot tell (the database failed: 503). Runs on the worker
 * threads, several at once, with no transaction open. */
typedef int (*http_authenticate_fn)(const struct server_config *cfg,
				    const struct http_request *req, struct http_caller *out);

/* Whether caller may see the object of kind (ENTITY_TEAM, ENTITY_PERSON)
 * with key, which exists: 1 yes, 0 no (the answer is then 404, exactly as
 * for an object that does not exist), -1 when it cannot tell (503). st is
 * the worker's store, inside the request's read transaction. */
typedef int (*http_reach_fn)(const struct server_config *cfg, struct store *st,
			     const struct http_caller *caller, int kind, const char *key);

struct server_config {
	const char *listen;              /* "ADDR:PORT"; port 0 picks a free one */
	const char *metrics_listen;      /* a second address serving /metrics to
					  * anyone, or NULL */
	const char *db;                  /* the database target (store_open) */
	const char *tls_cert, *tls_key;  /* PEM files for HTTPS, or NULL */
	const char *trusted_proxy;       /* reverse proxies whose X-Forwarded-For
					  * names the client (http/proxy.h), or NULL */
	struct server_limits limits;
	http_authenticate_fn authenticate;
	void *auth_ctx;                  /* for authenticate and reach */
	http_reach_fn reach;             /* NULL: every caller sees every object */
};

/* The authenticator of a server without accounts: finds nobody, so that
 * every route but the public ones answers 401. */
int http_authenticate_nobody(const struct server_config *cfg, const struct http_request *req,
			     struct http_caller *out);

/* Runs the server until SIGTERM or SIGINT, then stops accepting, lets the
 * requests in flight finish (for at most limits.drain_timeout seconds)
 * and returns 0. Logs {"event": "listening", "message": "ADDR:PORT"} when
 * it accepts connections. -1 with err set when it cannot start (the
 * address, the certificate, the database). */
int server_run(const struct server_config *cfg, struct err *err);

#endif
