#include "http/accesslog.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* "2026-12-01T22:54:02.123Z" */
static void now_utc(char *out, size_t n)
{
	struct timespec ts;
	struct tm tm;
	char base[32];

	(void)clock_gettime(CLOCK_REALTIME, &ts);
	(void)gmtime_r(&ts.tv_sec, &tm);
	(void)strftime(base, sizeof base, "%Y-%m-%dT%H:%M:%S", &tm);
	(void)snprintf(out, n, "%.20s.%03dZ", base, (int)(ts.tv_nsec / 1000000 % 1000));
}

/* Dumps o as one compact line and writes it to standard error; frees o. */
static void emit(json_t *o)
{
	char *line;
	size_t len;

	if (o == NULL)
		return;
	line = json_dumps(o, JSON_COMPACT | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
	json_decref(o);
	if (line == NULL)
		return;
	len = strlen(line);
	line[len] = '\n';    /* over the NUL: json_dumps' buffer has room for it */
	(void)!write(STDERR_FILENO, line, len + 1);
	free(line);
}

/* A string value, or null; jansson refuses invalid UTF-8, which the
 * router refuses before a path gets here, but the raw path of a request
 * that failed to parse may hold any bytes. */
static json_t *string_or_null(const char *s)
{
	json_t *v = s != NULL ? json_string(s) : NULL;

	return v != NULL ? v : json_null();
}

void accesslog_request(const struct access_entry *e)
{
	char time[64];
	json_t *o = json_object(), *q = json_array();

	now_utc(time, sizeof time);
	for (size_t i = 0; i < e->nquery; i++)
		(void)json_array_append_new(q, string_or_null(e->query_names[i]));
	(void)json_object_set_new(o, "time", json_string(time));
	(void)json_object_set_new(o, "address", string_or_null(e->address));
	(void)json_object_set_new(o, "method", string_or_null(e->method));
	(void)json_object_set_new(o, "path", string_or_null(e->path));
	(void)json_object_set_new(o, "query", q);
	(void)json_object_set_new(o, "status", json_integer(e->status));
	(void)json_object_set_new(o, "bytes", json_integer((json_int_t)e->bytes));
	(void)json_object_set_new(o, "ms", json_real((double)(long long)(e->ms * 1000 + 0.5) / 1000));
	(void)json_object_set_new(o, "user", string_or_null(e->user));
	if (e->error != NULL)
		(void)json_object_set_new(o, "error", json_string(e->error));
	emit(o);
}

void accesslog_event(const char *event, const char *message)
{
	char time[64];
	json_t *o = json_object();

	now_utc(time, sizeof time);
	(void)json_object_set_new(o, "time", json_string(time));
	(void)json_object_set_new(o, "event", json_string(event));
	if (message != NULL)
		(void)json_object_set_new(o, "message", string_or_null(message));
	emit(o);
}
