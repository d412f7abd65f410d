#include "util/jsonw.h"

#include <math.h>
#include <string.h>

#include "util/date.h"
#include "util/dtoa.h"

void jw_init(struct jw *w, FILE *file, size_t max)
{
	w->used = 0;
	buf_init(&w->out, max);
	w->file = file;
	w->depth = 0;
	w->after_key = 0;
	w->failed = 0;
}

/* Moves the chunk to the file or to out. */
static void flush(struct jw *w)
{
	if (w->used == 0 || w->failed) {
		w->used = 0;
		return;
	}
	if (w->file != NULL ? fwrite(w->chunk, 1, w->used, w->file) != w->used :
			      buf_add(&w->out, w->chunk, w->used) < 0)
		w->failed = 1;
	w->used = 0;
}

/* Written for every token of documents that run to hundreds of
 * megabytes (the whole organisation's gaps): kept small enough to inline. */
static inline void put(struct jw *w, const char *s, size_t n)
{
	if (w->used + n > sizeof w->chunk) {
		flush(w);
		if (n > sizeof w->chunk) {    /* a long string: straight through */
			if (!w->failed && (w->file != NULL ? fwrite(s, 1, n, w->file) != n :
							     buf_add(&w->out, s, n) < 0))
				w->failed = 1;
			return;
		}
	}
	memcpy(w->chunk + w->used, s, n);
	w->used += n;
}

/* A new line and the indent of the deepest level, of which a prefix is
 * copied. */
static const char line[] = "\n                                                                ";
_Static_assert(sizeof line >= 2 + 2 * JW_DEPTH_MAX, "room for the deepest indent");

static void newline_indent(struct jw *w, int depth)
{
	put(w, line, 1 + 2 * (size_t)depth);
}

/* What comes before a value or a key: nothing after a key, else the comma
 * after the previous item and the new line of this one. */
static void before_item(struct jw *w)
{
	if (w->after_key) {
		w->after_key = 0;
		return;
	}
	if (w->depth == 0)
		return;
	if (w->items[w->depth - 1])
		put(w, ",", 1);
	w->items[w->depth - 1] = 1;
	newline_indent(w, w->depth);
}

static void open_container(struct jw *w, char c)
{
	before_item(w);
	if (w->depth == JW_DEPTH_MAX) {
		w->failed = 1;
		return;
	}
	put(w, &c, 1);
	w->items[w->depth++] = 0;
}

static void close_container(struct jw *w, char c)
{
	if (w->depth == 0 || w->after_key) {
		w->failed = 1;
		return;
	}
	w->depth--;
	if (w->items[w->depth])
		newline_indent(w, w->depth);
	put(w, &c, 1);
}

void jw_object_begin(struct jw *w)
{
	open_container(w, '{');
}

void jw_object_end(struct jw *w)
{
	close_container(w, '}');
}

void jw_array_begin(struct jw *w)
{
	open_container(w, '[');
}

void jw_array_end(struct jw *w)
{
	close_container(w, ']');
}

/* The bytes put_quoted stops at: the end of the string, and what JSON
 * escapes (control characters, the quote, the backslash). */
static const unsigned char stops_quoting[256] = {
	[0x00] = 1, [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
	[0x07] = 1, [0x08] = 1, [0x09] = 1, [0x0a] = 1, [0x0b] = 1, [0x0c] = 1, [0x0d] = 1,
	[0x0e] = 1, [0x0f] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
	[0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1a] = 1, [0x1b] = 1,
	[0x1c] = 1, [0x1d] = 1, [0x1e] = 1, [0x1f] = 1, ['"'] = 1, ['\\'] = 1,
};

/* s quoted and escaped, then the n bytes of after (a key's ": "). Most
 * strings need no escape and fit the chunk: one pass and one copy. */
static void put_quoted(struct jw *w, const char *s, const char *after, size_t n)
{
	const char *run = s, *end = s;

	while (!stops_quoting[(unsigned char)*end])
		end++;
	if (*end == '\0' && w->used + (size_t)(end - s) + 2 + n <= sizeof w->chunk) {
		char *p = w->chunk + w->used;

		*p++ = '"';
		memcpy(p, s, (size_t)(end - s));
		p += end - s;
		*p++ = '"';
		memcpy(p, after, n);
		w->used = (size_t)(p + n - w->chunk);
		return;
	}

	put(w, "\"", 1);
	for (;; s++) {
		unsigned char c;
		char esc[8];

		while (!stops_quoting[(unsigned char)*s])
			s++;
		c = (unsigned char)*s;
		if (c == '\0')
			break;
		put(w, run, (size_t)(s - run));
		run = s + 1;
		switch (c) {
		case '"': put(w, "\\\"", 2); break;
		case '\\': put(w, "\\\\", 2); break;
		case '\b': put(w, "\\b", 2); break;
		case '\f': put(w, "\\f", 2); break;
		case '\n': put(w, "\\n", 2); break;
		case '\r': put(w, "\\r", 2); break;
		case '\t': put(w, "\\t", 2); break;
		default:
			snprintf(esc, sizeof esc, "\\u%04X", c);
			put(w, esc, 6);
		}
	}
	put(w, run, (size_t)(s - run));
	put(w, "\"", 1);
	put(w, after, n);
}

void jw_key(struct jw *w, const char *key)
{
	before_item(w);
	put_quoted(w, key, ": ", 2);
	w->after_key = 1;
}

void jw_string(struct jw *w, const char *s)
{
	if (s == NULL) {
		jw_null(w);
		return;
	}
	before_item(w);
	put_quoted(w, s, "", 0);
}

void jw_int(struct jw *w, int64_t v)
{
	char text[24];
	char *p = text + sizeof text;
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u > 0);
	if (v < 0)
		*--p = '-';
	before_item(w);
	put(w, p, (size_t)(text + sizeof text - p));
}

void jw_real(struct jw *w, double v)
{
	char text[DTOA_MAX];
	int n = dtoa_shortest(v, text);

	if (n < 0) {
		jw_null(w);
		return;
	}
	before_item(w);
	put(w, text, (size_t)n);
}

void jw_bool(struct jw *w, int v)
{
	before_item(w);
	if (v)
		put(w, "true", 4);
	else
		put(w, "false", 5);
}

void jw_null(struct jw *w)
{
	before_item(w);
	put(w, "null", 4);
}

void jw_date(struct jw *w, int32_t days)
{
	char iso[DATE_ISO_LEN + 1];

	date_format(days, iso);
	jw_string(w, iso);
}

void jw_key_n(struct jw *w, const char *key, size_t n)
{
	size_t indent;
	char *p;

	/* The general way for the first key of a document, one after a key
	 * (a mistake jw_key reports), or when the chunk is nearly full. */
	if (w->after_key || w->depth == 0 ||
	    w->used + 1 + sizeof line + n + 4 > sizeof w->chunk) {
		jw_key(w, key);
		return;
	}
	p = w->chunk + w->used;
	if (w->items[w->depth - 1])
		*p++ = ',';
	w->items[w->depth - 1] = 1;
	indent = 1 + 2 * (size_t)w->depth;
	memcpy(p, line, indent);
	p += indent;
	*p++ = '"';
	memcpy(p, key, n);
	p += n;
	memcpy(p, "\": ", 3);
	w->used = (size_t)(p + 3 - w->chunk);
	w->after_key = 1;
}

void jw_field_string_n(struct jw *w, const char *key, size_t n, const char *s)
{
	jw_key_n(w, key, n);
	jw_string(w, s);
}

void jw_field_int_n(struct jw *w, const char *key, size_t n, int64_t v)
{
	jw_key_n(w, key, n);
	jw_int(w, v);
}

void jw_field_real_n(struct jw *w, const char *key, size_t n, double v)
{
	jw_key_n(w, key, n);
	jw_real(w, v);
}

void jw_field_real_or_null_n(struct jw *w, const char *key, size_t n, int has, double v)
{
	jw_key_n(w, key, n);
	if (has)
		jw_real(w, v);
	else
		jw_null(w);
}

void jw_field_bool_n(struct jw *w, const char *key, size_t n, int v)
{
	jw_key_n(w, key, n);
	jw_bool(w, v);
}

void jw_field_date_n(struct jw *w, const char *key, size_t n, int32_t days)
{
	jw_key_n(w, key, n);
	jw_date(w, days);
}

int jw_finish(struct jw *w)
{
	if (w->depth != 0 || w->after_key)
		w->failed = 1;
	put(w, "\n", 1);
	flush(w);
	if (w->file != NULL) {
		if (fflush(w->file) != 0)
			w->failed = 1;
		buf_free(&w->out);
	}
	return w->failed ? -1 : 0;
}
