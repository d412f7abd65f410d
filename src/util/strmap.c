#include "util/strmap.h"

#include <stdlib.h>
#include <string.h>

enum {
	STRMAP_INITIAL = 64
};

static uint64_t hash(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	for (; *s != '\0'; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

void strmap_init(struct strmap *m)
{
	m->slots = NULL;
	m->cap = 0;
	m->count = 0;
	arena_init(&m->keys, SIZE_MAX);
}

void strmap_free(struct strmap *m)
{
	free(m->slots);
	arena_free(&m->keys);
	strmap_init(m);
}

static struct strmap_slot *find(struct strmap_slot *slots, size_t cap, const char *key)
{
	size_t i = (size_t)hash(key) & (cap - 1);

	while (slots[i].key != NULL && strcmp(slots[i].key, key) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

static int grow(struct strmap *m)
{
	size_t cap = m->cap ? m->cap * 2 : STRMAP_INITIAL;
	struct strmap_slot *slots = calloc(cap, sizeof *slots);

	if (slots == NULL)
		return -1;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key != NULL)
			*find(slots, cap, m->slots[i].key) = m->slots[i];
	free(m->slots);
	m->slots = slots;
	m->cap = cap;
	return 0;
}

int strmap_put(struct strmap *m, const char *key, int64_t value)
{
	struct strmap_slot *s;

	/* Keep the load under 1/2 so that probes stay short. */
	if ((m->count + 1) * 2 > m->cap && grow(m) < 0)
		return -1;
	s = find(m->slots, m->cap, key);
	if (s->key == NULL) {
		s->key = arena_strdup(&m->keys, key);
		if (s->key == NULL)
			return -1;
		m->count++;
	}
	s->value = value;
	return 0;
}

bool strmap_get(const struct strmap *m, const char *key, int64_t *value)
{
	const struct strmap_slot *s;

	if (m->cap == 0)
		return false;
	s = find(m->slots, m->cap, key);
	if (s->key == NULL)
		return false;
	if (value != NULL)
		*value = s->value;
	return true;
}
