#include "http/response.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "util/jsonw.h"

void response_init(struct http_response *r)
{
	*r = (struct http_response){ .status = 200, .content_type = HTTP_JSON, .fd = -1 };
	buf_init(&r->body, SIZE_MAX);
}

void response_free(struct http_response *r)
{
	buf_free(&r->body);
	if (r->fd >= 0)
		(void)close(r->fd);
	r->fd = -1;
}

int response_error(struct http_response *r, int status, const char *code, const char *field,
		   const char *fmt, ...)
{
	char msg[512];
	struct jw *w = malloc(sizeof *w);
	va_list ap;

	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	response_free(r);
	response_init(r);
	r->status = status;
	r->api = 1;
	r->error_code = code;
	if (w == NULL)
		return 0;    /* the status alone, when memory is out */
	jw_init(w, NULL, HTTP_SMALL_MAX);
	jw_object_begin(w);
	jw_key(w, "error");
	jw_object_begin(w);
	jw_field_string(w, "code", code);
	jw_field_string(w, "message", msg);
	jw_field_string(w, "field", field);
	jw_object_end(w);
	jw_object_end(w);
	if (jw_finish(w) == 0) {
		buf_free(&r->body);
		r->body = w->out;
	} else {
		buf_free(&w->out);
	}
	free(w);
	return 0;
}

void response_text(struct http_response *r, int status, const char *content_type,
		   const char *text)
{
	response_free(r);
	response_init(r);
	r->status = status;
	r->content_type = content_type;
	(void)buf_adds(&r->body, text);
}

FILE *response_tmpfile(void)
{
	const char *dir = getenv("TMPDIR");
	char path[4096];
	int fd, n;
	FILE *f;

	/* tmpfile() would ignore $TMPDIR, where an operator puts the room
	 * that the largest documents need. */
	if (dir == NULL || dir[0] == '\0')
		dir = "/tmp";
	n = snprintf(path, sizeof path, "%s/compgap-response-XXXXXX", dir);
	if (n < 0 || (size_t)n >= sizeof path || (fd = mkstemp(path)) < 0)
		return NULL;
	(void)unlink(path);
	f = fdopen(fd, "w+");
	if (f == NULL)
		(void)close(fd);
	return f;
}

int response_from_file(struct http_response *r, FILE *f, int status, const char *content_type)
{
	long size;
	int fd;

	if (fflush(f) != 0 || ferror(f) || (size = ftell(f)) < 0 || (fd = dup(fileno(f))) < 0) {
		(void)fclose(f);
		return -1;
	}
	(void)fclose(f);
	response_free(r);
	response_init(r);
	r->status = status;
	r->content_type = content_type;
	r->fd = fd;
	r->size = (uint64_t)size;
	return 0;
}
