#include "http/dispatch.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

#include "http/accesslog.h"
#include "http/handler.h"
#include "http/metrics.h"
#include "http/page_auth.h"
#include "http/proxy.h"
#include "http/response.h"
#include "http/signin.h"
#include "web/page.h"

enum {
	REQUEST_ARENA_MAX = 1 << 20      /* a request's decoded target and params */
};

/* One connection: its address, and the request it has under way (so that
 * a request whose connection closes before it completes is still logged,
 * counted and freed: libmicrohttpd reports completion only for requests
 * whose headers it handed to the access handler). */
struct conn_state {
	char address[INET6_ADDRSTRLEN];
	struct request_state *pending;
};

/* One request, from its first byte to its end. */
struct request_state {
	struct listener *l;
	struct conn_state *conn;
	struct arena arena;              /* everything below that is not inline */
	const char *target;              /* the raw request target */
	struct timespec start;
	bool started;                    /* the headers were seen */
	bool answered;                   /* a response is queued */
	struct http_target t;
	struct http_request req;
	const struct http_route *route;  /* NULL until routed */
	struct http_caller caller;
	bool has_caller;
	struct buf body;                 /* capped at the route's limit */
	int status;                      /* queued, for the log; 0 for none */
	unsigned long long bytes;        /* of the queued body */
	const char *error_code;          /* of the queued error, or NULL */
};

/* ---- requests in flight, for the graceful shutdown -------------------- */

static pthread_mutex_t inflight_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t inflight_idle = PTHREAD_COND_INITIALIZER;
static unsigned inflight;

static void inflight_add(int delta)
{
	pthread_mutex_lock(&inflight_lock);
	inflight = delta > 0 ? inflight + 1 : inflight - 1;
	if (inflight == 0)
		pthread_cond_broadcast(&inflight_idle);
	pthread_mutex_unlock(&inflight_lock);
}

unsigned dispatch_wait_idle(unsigned seconds)
{
	struct timespec until;
	unsigned left;

	(void)clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += seconds;
	pthread_mutex_lock(&inflight_lock);
	while (inflight > 0 && pthread_cond_timedwait(&inflight_idle, &inflight_lock, &until) == 0)
		;
	left = inflight;
	pthread_mutex_unlock(&inflight_lock);
	return left;
}

/* ---- responses --------------------------------------------------------- */

/* Content-Disposition: attachment, the name reduced to characters that
 * need no quoting in a header. */
static bool add_attachment(struct MHD_Response *m, const char *name)
{
	char value[200];
	size_t n = (size_t)snprintf(value, sizeof value, "attachment; filename=\"");

	for (const char *p = name; *p != '\0' && n + 3 < sizeof value; p++) {
		char c = *p;

		value[n++] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
			     c == '.' || c == '-' ? c : '_';
	}
	value[n++] = '"';
	value[n] = '\0';
	return MHD_add_response_header(m, "Content-Disposition", value) == MHD_YES;
}

/* Whether a request with method may change what is stored: all but the
 * safe methods of RFC 9110. */
static bool changes_state(const char *method)
{
	return strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0 &&
	       strcmp(method, "OPTIONS") != 0;
}

static bool add_retry_after(struct MHD_Response *m, long seconds)
{
	char value[24];

	(void)snprintf(value, sizeof value, "%ld", seconds);
	return MHD_add_response_header(m, "Retry-After", value) == MHD_YES;
}

static bool add_headers(struct MHD_Response *m, const struct http_response *r)
{
	for (size_t i = 0; i < sizeof r->set_cookie_more / sizeof r->set_cookie_more[0]; i++)
		if (r->set_cookie_more[i][0] != '\0' &&
		    MHD_add_response_header(m, "Set-Cookie", r->set_cookie_more[i]) != MHD_YES)
			return false;
	return (r->location == NULL || MHD_add_response_header(m, "Location", r->location) == MHD_YES) &&
	       MHD_add_response_header(m, "Content-Security-Policy",
				       "default-src 'self'; object-src 'none'; base-uri 'none'; "
				       "frame-ancestors 'none'") == MHD_YES &&
	       MHD_add_response_header(m, "X-Content-Type-Options", "nosniff") == MHD_YES &&
	       MHD_add_response_header(m, "Referrer-Policy", "no-referrer") == MHD_YES &&
	       (r->content_type == NULL ||
		MHD_add_response_header(m, "Content-Type", r->content_type) == MHD_YES) &&
	       (!r->api || MHD_add_response_header(m, "Cache-Control", "no-store") == MHD_YES) &&
	       (r->api || r->cache_control == NULL ||
		MHD_add_response_header(m, "Cache-Control", r->cache_control) == MHD_YES) &&
	       (r->etag == NULL || MHD_add_response_header(m, "ETag", r->etag) == MHD_YES) &&
	       (r->allow == NULL || MHD_add_response_header(m, "Allow", r->allow) == MHD_YES) &&
	       (r->attachment[0] == '\0' || add_attachment(m, r->attachment)) &&
	       (r->set_cookie[0] == '\0' ||
		MHD_add_response_header(m, "Set-Cookie", r->set_cookie) == MHD_YES) &&
	       (r->retry_after <= 0 || add_retry_after(m, r->retry_after)) &&
	       (r->status != 401 ||
		MHD_add_response_header(m, "WWW-Authenticate", "Bearer realm=\"compgap\"") == MHD_YES);
}

/* Queues r for rs and frees r. */
static enum MHD_Result answer(struct MHD_Connection *c, struct request_state *rs,
			      struct http_response *r)
{
	struct MHD_Response *m;
	enum MHD_Result ok = MHD_NO;
	unsigned long long bytes;

	if (r->fd >= 0) {
		m = MHD_create_response_from_fd64(r->size, r->fd);
		if (m != NULL)
			r->fd = -1;    /* libmicrohttpd closes it */
		bytes = r->size;
	} else if (r->static_body != NULL) {
		m = MHD_create_response_from_buffer(r->static_len, (void *)r->static_body,
						    MHD_RESPMEM_PERSISTENT);
		bytes = r->static_len;
	} else {
		m = MHD_create_response_from_buffer(r->body.len, r->body.data ? r->body.data : (char *)"",
						    MHD_RESPMEM_MUST_COPY);
		bytes = r->body.len;
	}
	if (m != NULL && add_headers(m, r)) {
		ok = MHD_queue_response(c, (unsigned)r->status, m);
		rs->answered = true;
		rs->status = r->status;
		rs->bytes = bytes;
		rs->error_code = r->error_code;
	}
	if (m != NULL)
		MHD_destroy_response(m);
	response_free(r);
	return ok;
}

/* ---- a request's life -------------------------------------------------- */

void dispatch_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			 enum MHD_ConnectionNotificationCode toe);

static void finish(struct request_state *rs, enum MHD_RequestTerminationCode toe);

void *dispatch_uri_log(void *cls, const char *uri, struct MHD_Connection *c)
{
	const union MHD_ConnectionInfo *info = MHD_get_connection_info(c,
								       MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct conn_state *conn = info != NULL ? info->socket_context : NULL;
	struct request_state *rs = calloc(1, sizeof *rs);

	if (rs == NULL)
		return NULL;
	rs->l = cls;
	rs->conn = conn;
	(void)clock_gettime(CLOCK_MONOTONIC, &rs->start);
	arena_init(&rs->arena, REQUEST_ARENA_MAX);
	buf_init(&rs->body, SIZE_MAX);
	rs->target = arena_strdup(&rs->arena, uri);
	rs->req.address = conn != NULL ? conn->address : NULL;
	if (conn != NULL) {
		if (conn->pending != NULL)    /* cannot happen: one request at a time */
			finish(conn->pending, MHD_REQUEST_TERMINATED_WITH_ERROR);
		conn->pending = rs;
	}
	inflight_add(1);
	return rs;
}

/* Logs and counts rs, and frees it. */
static void finish(struct request_state *rs, enum MHD_RequestTerminationCode toe)
{
	struct timespec end;
	double seconds;
	const char *names[HTTP_QUERY_MAX];
	struct access_entry e = { 0 };

	(void)clock_gettime(CLOCK_MONOTONIC, &end);
	seconds = (double)(end.tv_sec - rs->start.tv_sec) + (end.tv_nsec - rs->start.tv_nsec) / 1e9;
	for (size_t i = 0; i < rs->t.nquery; i++)
		names[i] = rs->t.query[i].name;
	e.address = rs->req.address;
	e.method = rs->req.method;
	e.path = rs->req.path != NULL ? rs->req.path : rs->target;
	e.query_names = names;
	e.nquery = rs->t.nquery;
	e.status = rs->status;
	e.bytes = rs->bytes;
	e.ms = seconds * 1000;
	e.user = rs->has_caller ? rs->caller.user : NULL;
	e.error = rs->error_code;
	if (e.error == NULL && toe != MHD_REQUEST_TERMINATED_COMPLETED_OK)
		e.error = toe == MHD_REQUEST_TERMINATED_TIMEOUT_REACHED ? "timeout"
			: toe == MHD_REQUEST_TERMINATED_CLIENT_ABORT ? "client_closed"
			: toe == MHD_REQUEST_TERMINATED_DAEMON_SHUTDOWN ? "shutdown" : "connection_error";
	if (e.path != NULL && strchr(e.path, '?') != NULL)
		e.path = NULL;    /* a target that never parsed: its query may hold secrets */
	accesslog_request(&e);
	if (rs->l->metrics)
		metrics_request(rs->route != NULL ? (int)(rs->route - rs->l->routes) : -1, rs->status,
				seconds);
	if (rs->conn != NULL && rs->conn->pending == rs)
		rs->conn->pending = NULL;
	buf_free(&rs->body);
	arena_free(&rs->arena);
	free(rs);
	inflight_add(-1);
}

void dispatch_completed(void *cls, struct MHD_Connection *c, void **req_cls,
			enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)c;
	if (*req_cls != NULL)
		finish(*req_cls, toe);
	*req_cls = NULL;
}

void dispatch_connection(void *cls, struct MHD_Connection *c, void **socket_context,
			 enum MHD_ConnectionNotificationCode toe)
{
	struct conn_state *conn = *socket_context;

	(void)cls;
	if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
		const union MHD_ConnectionInfo *info =
			MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
		const struct sockaddr *sa = info != NULL ? info->client_addr : NULL;

		conn = calloc(1, sizeof *conn);
		if (conn != NULL && sa != NULL && sa->sa_family == AF_INET)
			(void)inet_ntop(AF_INET, &((const struct sockaddr_in *)sa)->sin_addr, conn->address,
					sizeof conn->address);
		else if (conn != NULL && sa != NULL && sa->sa_family == AF_INET6)
			(void)inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)sa)->sin6_addr,
					conn->address, sizeof conn->address);
		*socket_context = conn;
		return;
	}
	if (conn == NULL)
		return;
	/* A request that never reached completion: its headers were too
	 * large, or the client went away while sending them. */
	if (conn->pending != NULL)
		finish(conn->pending, MHD_REQUEST_TERMINATED_WITH_ERROR);
	free(conn);
	*socket_context = NULL;
}

static const char *header(struct MHD_Connection *c, const char *name)
{
	return MHD_lookup_connection_value(c, MHD_HEADER_KIND, name);
}

/* Whether the Content-Type header names the media type want (ignoring
 * its parameters and case). */
static bool media_type_is(const char *value, const char *want)
{
	size_t n = strlen(want);

	return value != NULL && strncasecmp(value, want, n) == 0 &&
	       (value[n] == '\0' || value[n] == ';' || value[n] == ' ');
}

/* Refuses a browser's upload before its body is read, with a page in
 * plain words: 413 larger than max bytes, 415 not multipart/form-data
 * (a 400 page: the form could not be read). */
static void upload_refused(const struct server_config *cfg, struct request_state *rs,
			   struct http_response *r, int status, unsigned long long max)
{
	struct http_ctx cx = { cfg, &rs->req, r, &rs->arena };
	char cookie[16], msg[200], size[32];
	enum lang l = lang_negotiate(http_cookie_value(rs->req.cookie, "lang", cookie, sizeof cookie),
				     rs->req.accept_language);

	if (status == 413) {
		page_size_text(size, sizeof size, max);
		(void)snprintf(msg, sizeof msg,
			       tr(l, "The file is larger than the %s this server accepts. "
				     "Split it into smaller files."), size);
		page_error(&cx, 413, msg);
	} else {
		page_error(&cx, 400, tr(l, "Send the file with the import page's form."));
	}
}

/* Whether the request is for a page: not the API, not what machines ask
 * (the probes and the metrics), whose errors are the API's JSON. */
static bool is_page_path(const struct request_state *rs)
{
	static const char *const machine[] = { "/healthz", "/readyz", "/metrics" };
	const char *path = rs->req.path;

	if (path == NULL || strncmp(path, "/api/", 5) == 0)
		return false;
	for (size_t i = 0; i < sizeof machine / sizeof machine[0]; i++)
		if (strcmp(path, machine[i]) == 0)
			return false;
	return true;
}

/* The caller of an address the router answers itself (404, 405), when
 * signed in: its error page then has the header of every page. Nothing
 * is refused here: without a caller the page is an anonymous one. */
static void page_caller(const struct server_config *cfg, struct request_state *rs)
{
	if (cfg->authenticate != NULL && cfg->authenticate(cfg, &rs->req, &rs->caller) == 1) {
		rs->has_caller = true;
		rs->req.caller = &rs->caller;
	}
}

/* The checks made once the headers are in: the target, the route, the
 * caller, the body's announced size and type. 0 to go on reading the
 * body, or the response to answer at once in r (returns 1). */
static int check_headers(struct MHD_Connection *c, struct request_state *rs, const char *method,
			 struct http_response *r)
{
	const struct server_config *cfg = rs->l->cfg;
	const char *length;
	char msg[256], allow[128];
	unsigned long long max;
	int rc;

	rs->req.method = arena_strdup(&rs->arena, method);
	rs->req.address = proxy_client_address(rs->req.address, header(c, "X-Forwarded-For"),
						cfg->trusted_proxy, &rs->arena);
	if (rs->target == NULL || rs->req.method == NULL)
		return response_error(r, 500, "internal", NULL, "out of memory"), 1;
	if (http_target_parse(rs->target, &rs->arena, &rs->t, msg, sizeof msg) < 0)
		return response_error(r, 400, "bad_target", NULL, "%s", msg), 1;
	rs->req.path = arena_strndup(&rs->arena, rs->target, rs->t.path_len);
	memcpy(rs->req.query, rs->t.query, sizeof rs->t.query);
	rs->req.nquery = rs->t.nquery;
	/* Before routing: the 404 page of an unknown address speaks the
	 * language of the Cookie and Accept-Language headers. */
	rs->req.content_type = header(c, "Content-Type");
	rs->req.authorization = header(c, "Authorization");
	rs->req.cookie = header(c, "Cookie");
	rs->req.csrf_token = header(c, "X-CSRF-Token");
	rs->req.if_none_match = header(c, "If-None-Match");
	rs->req.accept_language = header(c, "Accept-Language");
	rs->req.origin = header(c, "Origin");
	rs->req.host = header(c, "Host");
	rs->req.sec_fetch_site = header(c, "Sec-Fetch-Site");
	switch (router_match(rs->l->routes, rs->l->nroutes, method, &rs->t, &rs->req, &rs->arena,
			     &rs->route, allow, sizeof allow)) {
	case ROUTER_FOUND:
		break;
	case ROUTER_NOT_FOUND:
		/* A browser's address that names no page: a page saying so,
		 * with the header of a signed-in reader's pages. */
		if (is_page_path(rs) && !changes_state(method)) {
			struct http_ctx cx = { cfg, &rs->req, r, &rs->arena };

			page_caller(cfg, rs);
			return page_error(&cx, 404, NULL), 1;
		}
		return response_error(r, 404, "not_found", NULL, "there is no endpoint %s",
				      rs->req.path ? rs->req.path : "?"), 1;
	case ROUTER_BAD_METHOD:
		if (is_page_path(rs)) {
			struct http_ctx cx = { cfg, &rs->req, r, &rs->arena };

			page_caller(cfg, rs);
			page_error(&cx, 405, NULL);
		} else {
			response_error(r, 405, "method_not_allowed", NULL,
				       "%s is not allowed here; %s are", method, allow);
		}
		r->allow = arena_strdup(&rs->arena, allow);
		return 1;
	default:
		return response_error(r, 500, "internal", NULL, "out of memory"), 1;
	}
	if (rs->route->access != ACCESS_PUBLIC) {
		rc = cfg->authenticate(cfg, &rs->req, &rs->caller);
		if (rc < 0)
			return response_error(r, 503, "unavailable", NULL,
					      "cannot check the credentials now; try again later"), 1;
		if (rc == 0 && rs->route->access == ACCESS_PAGE)
			return page_login_redirect(r, &rs->req, rs->target, &rs->arena), 1;
		if (rc == 0)
			return response_error(r, 401, "unauthenticated", NULL,
					      "sign in, or give an API token"), 1;
		rs->has_caller = true;
		rs->req.caller = &rs->caller;
		if (rs->route->access == ACCESS_ADMIN && rs->caller.role != ROLE_ADMIN)
			return response_error(r, 403, "forbidden", NULL, "only an admin may do this"), 1;
		/* A cookie goes with every request the browser makes, a
		 * forged one from another site's page too; the CSRF token
		 * only with the application's own. A form's token is in
		 * its body, checked when the body is in (page_form_read). */
		if (rs->caller.by_cookie && !rs->caller.csrf_ok && changes_state(method) &&
		    rs->route->body != BODY_FORM && rs->route->body != BODY_UPLOAD)
			return response_error(r, 403, "csrf", "X-CSRF-Token",
					      "a request that changes something needs the"
					      " X-CSRF-Token that signing in gave"), 1;
	}
	max = rs->route->body == BODY_CSV || rs->route->body == BODY_UPLOAD
		      ? cfg->limits.csv_body_max : cfg->limits.json_body_max;
	rs->body.max = (size_t)max;
	length = header(c, "Content-Length");
	if (length != NULL) {
		char *end;
		unsigned long long n;

		errno = 0;
		n = strtoull(length, &end, 10);
		if (errno != 0 || *end != '\0' || n > max) {
			if (rs->route->body == BODY_UPLOAD)
				return upload_refused(cfg, rs, r, 413, max), 1;
			return response_error(r, 413, "too_large", NULL,
					      "the body is larger than %llu bytes", max), 1;
		}
	}
	if (rs->route->body == BODY_JSON && !media_type_is(rs->req.content_type, "application/json"))
		return response_error(r, 415, "unsupported_media_type", NULL,
				      "send the body as application/json"), 1;
	if (rs->route->body == BODY_CSV && !media_type_is(rs->req.content_type, "text/csv"))
		return response_error(r, 415, "unsupported_media_type", NULL,
				      "send the body as text/csv"), 1;
	if (rs->route->body == BODY_UPLOAD && changes_state(method) &&
	    !media_type_is(rs->req.content_type, "multipart/form-data"))
		return upload_refused(cfg, rs, r, 415, max), 1;
	if (rs->route->body == BODY_FORM && changes_state(method) &&
	    !media_type_is(rs->req.content_type, "application/x-www-form-urlencoded"))
		return response_error(r, 415, "unsupported_media_type", NULL,
				      "send the form as application/x-www-form-urlencoded"), 1;
	return 0;
}

enum MHD_Result dispatch_access(void *cls, struct MHD_Connection *c, const char *url,
				const char *method, const char *version,
				const char *upload_data, size_t *upload_data_size, void **req_cls)
{
	struct request_state *rs = *req_cls;
	struct http_response r;

	(void)cls;
	(void)url;
	(void)version;
	if (rs == NULL)
		return MHD_NO;    /* out of memory in dispatch_uri_log */
	if (!rs->started) {
		rs->started = true;
		response_init(&r);
		if (check_headers(c, rs, method, &r) != 0)
			return answer(c, rs, &r);
		response_free(&r);
		return MHD_YES;
	}
	if (*upload_data_size > 0) {
		size_t n = *upload_data_size;

		*upload_data_size = 0;
		if (rs->answered)
			return MHD_YES;
		if (buf_add(&rs->body, upload_data, n) < 0) {
			/* A chunked body beyond the limit: nothing can be answered
			 * in the middle of a body, so the connection is closed. */
			rs->status = 413;
			rs->error_code = "too_large";
			return MHD_NO;
		}
		return MHD_YES;
	}
	if (rs->answered)
		return MHD_YES;
	response_init(&r);
	rs->req.body = rs->body.data;
	rs->req.body_len = rs->body.len;
	{
		struct http_ctx cx = { rs->l->cfg, &rs->req, &r, &rs->arena };

		if ((rs->route->body == BODY_FORM || rs->route->body == BODY_UPLOAD) &&
		    changes_state(method) && page_form_read(&cx, &rs->req) < 0)
			return answer(c, rs, &r);
		if (rs->route->handler(&cx) < 0 && r.status < 400)
			response_error(&r, 500, "internal", NULL, "the request failed");
	}
	return answer(c, rs, &r);
}
