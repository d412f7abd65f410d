/* A hash map from strings to 64-bit values (open addressing, FNV-1a), used
 * to resolve keys (team, person, competency) to store ids without a query
 * per row. The map keeps its own copies of the keys. */
#ifndef COMPGAP_STRMAP_H
#define COMPGAP_STRMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util/arena.h"

struct strmap_slot {
	const char *key;   /* NULL when the slot is free; points into the arena */
	int64_t value;
};

struct strmap {
	struct strmap_slot *slots;   /* owned; a power of two of them */
	size_t cap;                  /* number of slots */
	size_t count;                /* slots in use */
	struct arena keys;           /* copies of the keys */
};

/* Initialises an empty map. */
void strmap_init(struct strmap *m);

/* Frees the map and its key copies. */
void strmap_free(struct strmap *m);

/* Sets key to value, replacing an earlier value. Returns 0, or -1 when
 * memory is exhausted (the map is unchanged then). */
int strmap_put(struct strmap *m, const char *key, int64_t value);

/* Looks key up; returns true and sets *value (when not NULL) if present. */
bool strmap_get(const struct strmap *m, const char *key, int64_t *value);

#endif
