/* The libmicrohttpd callbacks of one listening address: each request's
 * state from its first byte (the URI log callback) to its end (request
 * completed, or the connection closed under it), routing, the access
 * checks, the body limits, the handler, the response's headers, the
 * access log and the metrics. server.c installs them. */
#ifndef COMPGAP_HTTP_DISPATCH_H
#define COMPGAP_HTTP_DISPATCH_H

#include "http/mhd_api.h"
#include <stdbool.h>

#include "http/router.h"
#include "http/server.h"

/* The closure of one listening address. */
struct listener {
	const struct server_config *cfg;
	const struct http_route *routes;  /* its route table */
	size_t nroutes;
	bool metrics;                     /* count its requests in the metrics */
};

void *dispatch_uri_log(void *cls, const char *uri, struct MHD_Connection *c);

enum MHD_Result dispatch_access(void *cls, struct MHD_Connection *c, const char *url,
				const char *method, const char *version,
				const char *upload_data, size_t *upload_data_size, void **req_cls);

void dispatch_completed(void *cls, struct MHD_Connection *c, void **req_cls,
			enum MHD_RequestTerminationCode toe);

void dispatch_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			 enum MHD_ConnectionNotificationCode toe);

/* Waits until no request is in flight, or seconds have passed; returns
 * how many are still in flight. */
unsigned dispatch_wait_idle(unsigned seconds);

#endif
