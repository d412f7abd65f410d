/* The handlers' helpers (http/handler.h): the worker thread's database
 * connection, the answer to a failed store operation, and the check of a
 * request's query parameters. */
#include <pthread.h>
#include <string.h>
#include <sysexits.h>

#include "http/accesslog.h"
#include "http/handler.h"
#include "http/metrics.h"

static pthread_key_t store_key;
static pthread_once_t store_once = PTHREAD_ONCE_INIT;

static void close_store(void *st)
{
	store_close(st);
}

static void make_store_key(void)
{
	(void)pthread_key_create(&store_key, close_store);
}

struct store *http_store(const struct http_ctx *cx, struct err *err)
{
	return http_thread_store(cx->cfg->db, err);
}

struct store *http_thread_store(const char *db, struct err *err)
{
	struct store *st;

	(void)pthread_once(&store_once, make_store_key);
	st = pthread_getspecific(store_key);
	if (st != NULL)
		return st;
	/* The server migrated the schema when it started. */
	if (store_open(db, STORE_NO_MIGRATE, &st, err) < 0) {
		metrics_db_error();
		return NULL;
	}
	if (pthread_setspecific(store_key, st) != 0) {
		store_close(st);
		err_set(err, EX_OSERR, "out of memory");
		return NULL;
	}
	return st;
}

int http_store_failed(const struct http_ctx *cx, const struct err *err, const char *field)
{
	struct store *st;

	switch (err->code) {
	case EX_DATAERR:
	case EX_NOINPUT:
		return response_error(cx->resp, 404, "not_found", field, "%s", err->msg);
	case EX_USAGE:
		return response_error(cx->resp, 400, "bad_parameter", field, "%s", err->msg);
	case EX_OSERR:
		return response_error(cx->resp, 500, "internal", NULL, "%s", err->msg);
	default:
		break;
	}
	metrics_db_error();
	(void)pthread_once(&store_once, make_store_key);
	st = pthread_getspecific(store_key);
	if (st != NULL) {
		(void)pthread_setspecific(store_key, NULL);
		store_close(st);
	}
	accesslog_event("database_error", err->msg);
	return http_unavailable(cx);
}

int http_unavailable(const struct http_ctx *cx)
{
	return response_error(cx->resp, 503, "unavailable", NULL,
			      "the database is not available; try again later");
}

int http_only_query(const struct http_ctx *cx, const char *const *names, size_t n)
{
	for (size_t i = 0; i < cx->req->nquery; i++) {
		size_t k = 0;

		while (k < n && strcmp(names[k], cx->req->query[i].name) != 0)
			k++;
		if (k == n) {
			response_error(cx->resp, 400, "unknown_parameter", cx->req->query[i].name,
				       "this endpoint takes no query parameter '%.64s'",
				       cx->req->query[i].name);
			return -1;
		}
	}
	return 0;
}
