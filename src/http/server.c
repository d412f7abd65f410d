#include "http/server.h"

#include <errno.h>
#include "http/mhd_api.h"
#include <netdb.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sysexits.h>
#include <unistd.h>

#include "http/accesslog.h"
#include "http/audit_queue.h"
#include "http/dispatch.h"
#include "http/routes.h"
#include "http/webhooks.h"
#include "store/store.h"
#include "util/buf.h"

enum {
	LISTEN_BACKLOG = 512,
	PEM_MAX = 1 << 20          /* bytes of a certificate or key file */
};

int http_authenticate_nobody(const struct server_config *cfg, const struct http_request *req,
			     struct http_caller *out)
{
	(void)cfg;
	(void)req;
	(void)out;
	return 0;
}

/* libmicrohttpd's own messages, as log lines. */
static void log_mhd(void *cls, const char *fmt, va_list ap)
{
	char msg[512];
	size_t n;

	(void)cls;
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	n = strlen(msg);
	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	accesslog_event("libmicrohttpd", msg);
}

/* Binds and listens on "ADDR:PORT" ("[V6ADDR]:PORT" for IPv6); *fd gets
 * the socket and bound the "ADDR:PORT" it got (the port chosen by the
 * system when 0 was asked for). 0, or -1 with err set. */
static int listen_on(const char *spec, int *fd, char *bound, size_t boundsz, struct err *err)
{
	char host[256];
	const char *colon = strrchr(spec, ':'), *port;
	struct addrinfo hints = { 0 }, *ai = NULL;
	struct sockaddr_storage ss;
	socklen_t len = sizeof ss;
	int s = -1, one = 1, rc;

	if (colon == NULL || colon == spec || colon[1] == '\0' || (size_t)(colon - spec) >= sizeof host)
		return err_set(err, EX_USAGE, "'%s' is no ADDR:PORT to listen on", spec);
	(void)snprintf(host, sizeof host, "%.*s", (int)(colon - spec), spec);
	if (host[0] == '[' && host[strlen(host) - 1] == ']') {
		memmove(host, host + 1, strlen(host));
		host[strlen(host) - 1] = '\0';
	}
	port = colon + 1;
	hints.ai_family = AF_UNSPEC;
	hints.ai_socktype = SOCK_STREAM;
	hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
	rc = getaddrinfo(host, port, &hints, &ai);
	if (rc != 0)
		return err_set(err, EX_USAGE, "cannot listen on '%s': %s", spec, gai_strerror(rc));
	s = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
	if (s < 0 || setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0 ||
	    bind(s, ai->ai_addr, ai->ai_addrlen) < 0 || listen(s, LISTEN_BACKLOG) < 0 ||
	    getsockname(s, (struct sockaddr *)&ss, &len) < 0) {
		err_set(err, EX_UNAVAILABLE, "cannot listen on '%s': %s", spec, strerror(errno));
		if (s >= 0)
			(void)close(s);
		freeaddrinfo(ai);
		return -1;
	}
	freeaddrinfo(ai);
	{
		char h[1025], p[32];

		if (getnameinfo((struct sockaddr *)&ss, len, h, sizeof h, p, sizeof p,
				NI_NUMERICHOST | NI_NUMERICSERV) != 0)
			(void)snprintf(bound, boundsz, "%s", spec);
		else
			(void)snprintf(bound, boundsz, strchr(h, ':') ? "[%s]:%s" : "%s:%s", h, p);
	}
	*fd = s;
	return 0;
}

/* Reads a PEM file into b (NUL-terminated). 0, or -1 with err set. */
static int read_pem(const char *path, struct buf *b, struct err *err)
{
	FILE *f = fopen(path, "r");
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return err_set(err, EX_NOINPUT, "cannot open '%s': %s", path, strerror(errno));
	buf_init(b, PEM_MAX);
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		if (buf_add(b, chunk, n) < 0) {
			(void)fclose(f);
			return err_set(err, EX_DATAERR, "'%s' is larger than %d bytes", path, PEM_MAX);
		}
	}
	if (ferror(f)) {
		(void)fclose(f);
		return err_set(err, EX_IOERR, "cannot read '%s'", path);
	}
	(void)fclose(f);
	return 0;
}

struct daemons {
	struct MHD_Daemon *main, *metrics;
	struct listener main_l, metrics_l;
	struct buf cert, key;
};

static struct MHD_Daemon *start_main(const struct server_config *cfg, struct daemons *d, int fd,
				     unsigned threads)
{
	const struct server_limits *l = &cfg->limits;
	unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG;
	struct MHD_OptionItem tls[] = {
		{ MHD_OPTION_HTTPS_MEM_CERT, 0, (void *)buf_str(&d->cert) },
		{ MHD_OPTION_HTTPS_MEM_KEY, 0, (void *)buf_str(&d->key) },
		{ MHD_OPTION_END, 0, NULL },
	};

	if (cfg->tls_cert != NULL)
		flags |= MHD_USE_TLS;
	else
		tls[0].option = MHD_OPTION_END;
	return MHD_start_daemon(flags, 0, NULL, NULL, dispatch_access, &d->main_l,
				MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
				MHD_OPTION_LISTEN_SOCKET, fd,
				MHD_OPTION_THREAD_POOL_SIZE, threads,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)l->header_max,
				MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)l->per_address,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)l->connections_max,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)l->timeout,
				MHD_OPTION_URI_LOG_CALLBACK, dispatch_uri_log, &d->main_l,
				MHD_OPTION_NOTIFY_COMPLETED, dispatch_completed, &d->main_l,
				MHD_OPTION_NOTIFY_CONNECTION, dispatch_connection, &d->main_l,
				MHD_OPTION_ARRAY, tls,
				MHD_OPTION_END);
}

static struct MHD_Daemon *start_metrics(const struct server_config *cfg, struct daemons *d, int fd)
{
	return MHD_start_daemon(MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG, 0,
				NULL, NULL, dispatch_access, &d->metrics_l,
				MHD_OPTION_EXTERNAL_LOGGER, log_mhd, NULL,
				MHD_OPTION_LISTEN_SOCKET, fd,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)cfg->limits.header_max,
				MHD_OPTION_CONNECTION_LIMIT, 64u,
				MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)cfg->limits.timeout,
				MHD_OPTION_URI_LOG_CALLBACK, dispatch_uri_log, &d->metrics_l,
				MHD_OPTION_NOTIFY_COMPLETED, dispatch_completed, &d->metrics_l,
				MHD_OPTION_NOTIFY_CONNECTION, dispatch_connection, &d->metrics_l,
				MHD_OPTION_END);
}

/* Stops accepting, waits for the requests in flight, stops the daemons. */
static void shut_down(const struct server_config *cfg, struct daemons *d)
{
	char msg[96];
	unsigned left;

	MHD_socket fd = MHD_quiesce_daemon(d->main);

	if (fd != MHD_INVALID_SOCKET)
		(void)close(fd);
	left = dispatch_wait_idle((unsigned)cfg->limits.drain_timeout);
	if (left > 0) {
		(void)snprintf(msg, sizeof msg, "%u requests still in flight after %llu seconds", left,
			       cfg->limits.drain_timeout);
		accesslog_event("drain_timeout", msg);
	}
	MHD_stop_daemon(d->main);
	if (d->metrics != NULL)
		MHD_stop_daemon(d->metrics);
	webhook_sender_stop();
	audit_queue_stop();
}

int server_run(const struct server_config *cfg, struct err *err)
{
	struct daemons d = { 0 };
	struct store *st = NULL;
	char bound[300], mbound[300];
	int fd = -1, mfd = -1, sig = 0, rc = -1;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	unsigned threads = cfg->limits.threads ? (unsigned)cfg->limits.threads
		: cores > 0 ? (unsigned)cores : 1;
	sigset_t stop;

	if (mhd_api_load(err) < 0)
		return -1;
	buf_init(&d.cert, PEM_MAX);
	buf_init(&d.key, PEM_MAX);
	d.main_l = (struct listener){ cfg, http_routes, http_route_count, true };
	d.metrics_l = (struct listener){ cfg, http_metrics_routes, http_metrics_route_count, false };
	/* The schema is brought up to date once, here, before any worker
	 * opens its own connection. */
	if (store_open(cfg->db, 0, &st, err) < 0)
		return -1;
	store_close(st);
	if ((cfg->tls_cert != NULL) != (cfg->tls_key != NULL)) {
		err_set(err, EX_USAGE, "give both --tls-cert and --tls-key, or neither");
		goto out;
	}
	if (cfg->tls_cert != NULL && !MHD_is_feature_supported(MHD_FEATURE_TLS)) {
		err_set(err, EX_UNAVAILABLE, "this libmicrohttpd was built without TLS");
		goto out;
	}
	if (cfg->tls_cert != NULL &&
	    (read_pem(cfg->tls_cert, &d.cert, err) < 0 || read_pem(cfg->tls_key, &d.key, err) < 0))
		goto out;
	if (listen_on(cfg->listen, &fd, bound, sizeof bound, err) < 0 ||
	    (cfg->metrics_listen != NULL &&
	     listen_on(cfg->metrics_listen, &mfd, mbound, sizeof mbound, err) < 0))
		goto out;
	/* The worker threads inherit this mask, so that the signals reach
	 * sigwait below and nothing else. */
	sigemptyset(&stop);
	sigaddset(&stop, SIGTERM);
	sigaddset(&stop, SIGINT);
	pthread_sigmask(SIG_BLOCK, &stop, NULL);
	(void)signal(SIGPIPE, SIG_IGN);
	d.main = start_main(cfg, &d, fd, threads);
	if (d.main == NULL) {
		err_set(err, EX_UNAVAILABLE, "cannot start the server on '%s'", cfg->listen);
		goto out;
	}
	fd = -1;    /* the daemon's now */
	if (mfd >= 0) {
		d.metrics = start_metrics(cfg, &d, mfd);
		if (d.metrics == NULL) {
			err_set(err, EX_UNAVAILABLE, "cannot serve metrics on '%s'", cfg->metrics_listen);
			MHD_stop_daemon(d.main);
			goto out;
		}
		mfd = -1;
		accesslog_event("metrics_listening", mbound);
	}
	if (cfg->limits.audit_flush_ms > 0 &&
	    audit_queue_start(cfg->db, (unsigned)cfg->limits.audit_flush_ms, err) < 0) {
		shut_down(cfg, &d);
		goto out;
	}
	/* The webhooks' queue (http/webhooks.h): a failure to start the
	 * thread stops nothing else, the queue waits for 'webhook deliver'. */
	if (webhook_sender_start(cfg->db, err) < 0)
		accesslog_event("webhooks_not_started", err->msg);
	accesslog_event("listening", bound);
	while (sigwait(&stop, &sig) != 0)
		;
	accesslog_event("stopping", sig == SIGTERM ? "SIGTERM" : "SIGINT");
	shut_down(cfg, &d);
	accesslog_event("stopped", NULL);
	rc = 0;
out:
	if (fd >= 0)
		(void)close(fd);
	if (mfd >= 0)
		(void)close(mfd);
	buf_free(&d.cert);
	buf_free(&d.key);
	return rc;
}
