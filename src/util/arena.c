#include "util/arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum {
	ARENA_CHUNK_MIN = 64 * 1024
};

struct arena_chunk {
	struct arena_chunk *next;   /* older chunk */
	size_t size;                /* usable bytes after the header */
	size_t off;                 /* bytes used so far */
	alignas(max_align_t) unsigned char mem[];
};

void arena_init(struct arena *a, size_t max)
{
	a->head = NULL;
	a->used = 0;
	a->max = max;
}

void arena_free(struct arena *a)
{
	struct arena_chunk *c = a->head, *next;

	while (c != NULL) {
		next = c->next;
		free(c);
		c = next;
	}
	arena_init(a, a->max);
}

void *arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	struct arena_chunk *c = a->head;
	size_t size;
	void *p;

	if (n == 0)
		n = 1;
	if (n > SIZE_MAX - align)
		return NULL;
	n = (n + align - 1) & ~(align - 1);
	if (n > a->max - a->used)
		return NULL;
	if (c == NULL || c->size - c->off < n) {
		size = n > ARENA_CHUNK_MIN ? n : ARENA_CHUNK_MIN;
		c = malloc(sizeof *c + size);
		if (c == NULL)
			return NULL;
		c->next = a->head;
		c->size = size;
		c->off = 0;
		a->head = c;
	}
	p = c->mem + c->off;
	c->off += n;
	a->used += n;
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p;

	if (n == SIZE_MAX)
		return NULL;
	p = arena_alloc(a, n + 1);
	if (p == NULL)
		return NULL;
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return s != NULL ? arena_strndup(a, s, strlen(s)) : NULL;
}
