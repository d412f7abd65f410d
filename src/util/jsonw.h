/* A streaming JSON writer: documents of any size are written as they are
 * produced, never built as a tree, so the whole organisation's analysis
 * costs no more memory than one member's. The layout is fixed: two spaces
 * of indentation, "key": value, empty containers as [] and {}, and a final
 * newline, so the same data always gives the same bytes. Strings are
 * escaped as RFC 8259 requires (quote, backslash, control characters) and
 * otherwise written as the UTF-8 they are; numbers in their shortest exact
 * form (util/dtoa.h); NaN and infinities, which JSON cannot hold, as null.
 *
 * Errors are sticky: after a failed write (memory, the size cap, the file)
 * the other calls do nothing, and jw_finish reports it. Nesting deeper
 * than JW_DEPTH_MAX is a programming error and is reported the same way. */
#ifndef COMPGAP_JSONW_H
#define COMPGAP_JSONW_H

#include <stdint.h>
#include <stdio.h>

#include "util/buf.h"

#define JW_DEPTH_MAX 32
#define JW_CHUNK 65536

struct jw {
	char chunk[JW_CHUNK];               /* written, not yet flushed */
	size_t used;                        /* bytes in chunk */
	struct buf out;                     /* the document, when file is NULL */
	FILE *file;                         /* NULL: the document goes to out */
	int depth;                          /* containers open */
	unsigned char items[JW_DEPTH_MAX];  /* per open container: has an item */
	int after_key;                      /* a key was written, its value is next */
	int failed;                         /* a write failed; see above */
};

/* Starts a document, written to file as it grows, or kept in w->out (at
 * most max bytes) when file is NULL. The struct is large: keep it static
 * or on a thread's stack, not in an array. */
void jw_init(struct jw *w, FILE *file, size_t max);

/* Ends the document with a newline, flushes it to the file, and returns 0,
 * or -1 when any write failed or a container is still open. With a file
 * the buffer is freed; without one the caller takes w->out and frees it. */
int jw_finish(struct jw *w);

void jw_object_begin(struct jw *w);
void jw_object_end(struct jw *w);
void jw_array_begin(struct jw *w);
void jw_array_end(struct jw *w);

/* The key of the next value, inside an object. */
void jw_key(struct jw *w, const char *key);

/* Values. A NULL string is null. */
void jw_string(struct jw *w, const char *s);
void jw_int(struct jw *w, int64_t v);
void jw_real(struct jw *w, double v);
void jw_bool(struct jw *w, int v);
void jw_null(struct jw *w);
/* A date (days since 1970-01-01) as "YYYY-MM-DD". */
void jw_date(struct jw *w, int32_t days);

/* A key and its value in one call, for the documents' long field lists.
 * The key must be a string literal (the macros refuse anything else at
 * compile time): it is then known to need no escape and its length is
 * known, so that it is written with the comma and indent before it in
 * one copy — the keys are a third of a large document's bytes. */
#define jw_field_string(w, key, s) jw_field_string_n((w), JW_LITERAL(key), (s))
#define jw_field_int(w, key, v) jw_field_int_n((w), JW_LITERAL(key), (v))
#define jw_field_real(w, key, v) jw_field_real_n((w), JW_LITERAL(key), (v))
/* The number, or null when has is false (an unknown level, gap or fit). */
#define jw_field_real_or_null(w, key, has, v) \
	jw_field_real_or_null_n((w), JW_LITERAL(key), (has), (v))
#define jw_field_bool(w, key, v) jw_field_bool_n((w), JW_LITERAL(key), (v))
#define jw_field_date(w, key, days) jw_field_date_n((w), JW_LITERAL(key), (days))
/* A literal key for the same: jw_key's, written as the fields' are. */
#define jw_key_literal(w, key) jw_key_n((w), JW_LITERAL(key))

/* A string literal and its length; "" key "" does not compile for
 * anything but a literal. */
#define JW_LITERAL(key) "" key "", sizeof("" key "") - 1

void jw_key_n(struct jw *w, const char *key, size_t n);
void jw_field_string_n(struct jw *w, const char *key, size_t n, const char *s);
void jw_field_int_n(struct jw *w, const char *key, size_t n, int64_t v);
void jw_field_real_n(struct jw *w, const char *key, size_t n, double v);
void jw_field_real_or_null_n(struct jw *w, const char *key, size_t n, int has, double v);
void jw_field_bool_n(struct jw *w, const char *key, size_t n, int v);
void jw_field_date_n(struct jw *w, const char *key, size_t n, int32_t days);

#endif
