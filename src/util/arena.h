/* An arena: many small allocations freed all at once, one per command (as
 * h2o keeps one per request), so that parsing code need not free piecemeal. */
#ifndef COMPGAP_ARENA_H
#define COMPGAP_ARENA_H

#include <stddef.h>

struct arena_chunk;

struct arena {
	struct arena_chunk *head;   /* newest chunk first; owned */
	size_t used;                /* bytes handed out, for the cap */
	size_t max;                 /* the most bytes the arena may hand out */
};

/* Initialises an empty arena that may hand out up to max bytes. */
void arena_init(struct arena *a, size_t max);

/* Frees everything the arena handed out. */
void arena_free(struct arena *a);

/* Returns n bytes aligned for any type, or NULL when the cap or memory is
 * exhausted. The memory lives until arena_free. */
void *arena_alloc(struct arena *a, size_t n);

/* Copies n bytes of s and a NUL into the arena; NULL on exhaustion. */
char *arena_strndup(struct arena *a, const char *s, size_t n);

/* Copies the C string s into the arena; NULL for a NULL s or on exhaustion. */
char *arena_strdup(struct arena *a, const char *s);

#endif
