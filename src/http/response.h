/* Building responses: the one error shape, small JSON documents, and
 * documents of any size written to an unlinked temporary file.
 *
 * Why a file for the view documents: the whole organisation's gaps run to
 * many megabytes, and the streaming writer (util/jsonw.h) writes to a
 * FILE; written to a temporary file that is unlinked at once, the document
 * costs the server a 64 KiB chunk of memory whatever its size, its length
 * is known before the status is sent (Content-Length, and a 500 rather
 * than half a document when the disk fails), the worker's database
 * transaction ends before the first byte goes out (a slow client holds
 * no snapshot), and libmicrohttpd sends the file with sendfile(). */
#ifndef COMPGAP_HTTP_RESPONSE_H
#define COMPGAP_HTTP_RESPONSE_H

#include <stdio.h>

#include "http/http.h"

/* The Content-Types the server sends. */
#define HTTP_JSON "application/json"
#define HTTP_HTML "text/html; charset=utf-8"
#define HTTP_TEXT "text/plain; charset=utf-8"
#define HTTP_PROMETHEUS "text/plain; version=0.0.4; charset=utf-8"

/* Bytes at most of a JSON document built in memory (errors, health). */
enum {
	HTTP_SMALL_MAX = 65536
};

/* An empty 200 response with no body. */
void response_init(struct http_response *r);

/* Frees what r holds (its body, its file); r may be reused after
 * response_init. */
void response_free(struct http_response *r);

/* Replaces r with the error {"error": {"code", "message", "field"}}
 * (field null when NULL) and status. Returns 0, so handlers can `return
 * response_error(...)`. */
int response_error(struct http_response *r, int status, const char *code, const char *field,
		   const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Replaces r's body with text and sets status and content type. */
void response_text(struct http_response *r, int status, const char *content_type,
		   const char *text);

/* A new temporary file in $TMPDIR (else /tmp), unlinked at once, to
 * write a document into; or NULL. */
FILE *response_tmpfile(void);

/* Makes the file f, written from its start, r's body with status and
 * content type, and closes f. 0, or -1 when writing the file failed (r is
 * then untouched and f closed). */
int response_from_file(struct http_response *r, FILE *f, int status, const char *content_type);

#endif
