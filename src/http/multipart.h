/* multipart/form-data as a browser sends a form with a file input
 * (RFC 7578 over RFC 2046's multipart syntax): parts separated by
 * "--BOUNDARY" lines, each with its headers (Content-Disposition:
 * form-data; name="..."; filename="...") and its content. Only what the
 * import page needs: text fields and at most one file. Pure functions
 * over bytes, so the unit tests (tests/unit/test_multipart.c) and the
 * fuzzer (tests/fuzz/fuzz_multipart.c) run them without a server. */
#ifndef COMPGAP_HTTP_MULTIPART_H
#define COMPGAP_HTTP_MULTIPART_H

#include <stddef.h>

#include "http/form.h"
#include "util/arena.h"

enum {
	MULTIPART_BOUNDARY_MAX = 70,   /* RFC 2046: 1 to 70 characters */
	MULTIPART_HEADERS_MAX = 8192   /* bytes of one part's headers */
};

/* The file of a form: its content points INTO the body given to
 * multipart_parse (not copied), the strings are in the arena. */
struct multipart_file {
	const char *field;             /* the input's name, or NULL: no file part */
	const char *filename;          /* as sent ("" when none was chosen) */
	const char *content_type;      /* the part's Content-Type, or "" */
	const char *data;              /* the content, len bytes, or NULL */
	size_t len;
};

/* The boundary parameter of a Content-Type "multipart/form-data;
 * boundary=..." (quoted or not) into out (MULTIPART_BOUNDARY_MAX + 1
 * bytes). 0, or -1 when content_type is not multipart/form-data or has
 * no valid boundary. */
int multipart_boundary(const char *content_type, char out[MULTIPART_BOUNDARY_MAX + 1]);

/* Parses len bytes of body delimited by boundary: the text parts into
 * fields (UTF-8 without NUL, at most FORM_FIELDS_MAX, names at most
 * FORM_NAME_MAX bytes, copied into a), the one part with a filename
 * parameter into file (file->field NULL when there is none). A preamble
 * before the first delimiter and an epilogue after the last are ignored,
 * as RFC 2046 says. Refuses (-1, a message for the user in msg) a body
 * without its closing delimiter, a part without a form-data name, a
 * second file, headers over MULTIPART_HEADERS_MAX, a text field that is
 * not UTF-8 or holds a NUL, and too many fields; -1 also when a is
 * exhausted. */
int multipart_parse(const char *body, size_t len, const char *boundary, struct arena *a,
		    struct form *fields, struct multipart_file *file, char *msg, size_t msgsz);

#endif
