/* A growable byte buffer with a size cap, always NUL-terminated, in the
 * manner of curl's dynbuf: every append checks the cap, and a failed append
 * leaves the buffer as it was. */
#ifndef COMPGAP_BUF_H
#define COMPGAP_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
	char *data;     /* owned; NULL until the first append */
	size_t len;     /* bytes in use, not counting the terminating NUL */
	size_t cap;     /* bytes allocated */
	size_t max;     /* the most len may ever become */
};

/* Initialises an empty buffer that may grow to max bytes. */
void buf_init(struct buf *b, size_t max);

/* Frees the buffer's memory and makes it empty again. */
void buf_free(struct buf *b);

/* Empties the buffer, keeping its memory for reuse. */
void buf_reset(struct buf *b);

/* Appends n bytes; returns 0, or -1 when the cap or memory is exhausted. */
int buf_add(struct buf *b, const void *p, size_t n);

/* Appends a NUL-terminated string; as buf_add. */
int buf_adds(struct buf *b, const char *s);

/* Appends one byte; as buf_add. Inline: the CSV reader appends every
 * byte it reads, and when the byte and the terminator fit (buf_reserve's
 * checks for one byte) there is nothing to call. */
static inline int buf_addc(struct buf *b, char c)
{
	if (b->len < b->max && b->len + 2 <= b->cap) {
		b->data[b->len++] = c;
		b->data[b->len] = '\0';
		return 0;
	}
	return buf_add(b, &c, 1);
}

/* Appends printf-style output; as buf_add. */
int buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The contents as a C string ("" when empty); owned by the buffer. */
const char *buf_str(const struct buf *b);

#endif
