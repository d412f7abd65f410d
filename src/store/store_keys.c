/* The keys of teams, people, competencies and roles: looking one up (one
 * at a time, or from the transaction's cache of all of them), the nearest
 * keys to one that does not exist, and the message that names them. */
#include "store/backend.h"
#include "util/edit.h"

#include <stdio.h>
#include <string.h>
#include <sysexits.h>

enum {
	KEYS_ASKED_ALONE = 16   /* keys of a kind read one at a time in a transaction,
				 * before all of them are read at once (store_lookup) */
};

static int cache_key(void *ctx, const char *key, int64_t id)
{
	return strmap_put(ctx, key, id) < 0 ? -1 : 0;
}

/* The id of one key, read alone. */
static int found_key(void *ctx, const char *key, int64_t id)
{
	(void)key;
	*(int64_t *)ctx = id;
	return 0;
}

int store_load_keys(struct store *st, enum entity kind, struct err *err)
{
	int rc;

	if (st->keys_loaded[kind])
		return 0;
	rc = st->be->each_key(st, kind, NULL, cache_key, &st->keys[kind], err);
	if (rc != 0) {
		if (rc > 0)
			err_set(err, EX_OSERR, "out of memory while reading keys");
		strmap_free(&st->keys[kind]);
		return -1;
	}
	st->keys_loaded[kind] = 1;
	return 0;
}

int store_lookup(struct store *st, enum entity kind, const char *key, int64_t *id,
		 struct err *err)
{
	/* A request of the server asks for a key or two: those are read one
	 * at a time, where reading every key (50,000 people) cost several
	 * milliseconds a request. An import asks for thousands: from the
	 * KEYS_ASKED_ALONE-th on, every key is read once and kept. */
	if (!st->keys_loaded[kind] && st->keys_asked[kind] < KEYS_ASKED_ALONE) {
		int64_t found = 0;

		st->keys_asked[kind]++;
		if (st->be->each_key(st, kind, key, found_key, &found, err) != 0)
			return -1;
		if (found != 0 && id != NULL)
			*id = found;
		return found != 0;
	}
	if (store_load_keys(st, kind, err) < 0)
		return -1;
	return strmap_get(&st->keys[kind], key, id) ? 1 : 0;
}

/* Fills near with the stored keys of kind nearest to key, from every key
 * (read once and cached): one pass with an edit distance bounded at
 * EDIT_NEAR, which rejects most keys by their length alone. */
static int find_nearest(struct store *st, enum entity kind, const char *key,
			struct edit_nearest *near, struct err *err)
{
	const struct strmap *m = &st->keys[kind];

	edit_nearest_begin(near, key);
	if (store_load_keys(st, kind, err) < 0)
		return -1;
	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key != NULL && strcmp(m->slots[i].key, key) != 0)
			edit_nearest_add(near, m->slots[i].key);
	return 0;
}

int store_closest_key(struct store *st, enum entity kind, const char *key, char *out,
		      size_t outsz, struct err *err)
{
	struct edit_nearest near;

	if (find_nearest(st, kind, key, &near, err) < 0)
		return -1;
	if (near.n != 1)
		return 0;
	(void)snprintf(out, outsz, "%s", near.best[0]);
	return 1;
}

int store_unknown_key(struct store *st, enum entity kind, const char *key, struct err *err)
{
	static const char *const what[ENTITY_KEYED] = { "team", "person", "competency", "role" };
	static const char *const list[ENTITY_KEYED] = { "teams", "people", "competencies", "roles" };
	struct edit_nearest near;

	if (find_nearest(st, kind, key, &near, err) < 0)
		return -1;
	switch (near.n) {
	case 0:
		return err_set(err, EX_DATAERR, "unknown %s '%s'; 'compgap list %s' lists them",
			       what[kind], key, list[kind]);
	case 1:
		return err_set(err, EX_DATAERR, "unknown %s '%s'; did you mean '%s'?", what[kind], key,
			       near.best[0]);
	case 2:
		return err_set(err, EX_DATAERR, "unknown %s '%s'; did you mean '%s' or '%s'?",
			       what[kind], key, near.best[0], near.best[1]);
	case 3:
		return err_set(err, EX_DATAERR, "unknown %s '%s'; did you mean '%s', '%s' or '%s'?",
			       what[kind], key, near.best[0], near.best[1], near.best[2]);
	default:
		return err_set(err, EX_DATAERR,
			       "unknown %s '%s'; did you mean '%s', '%s', '%s' (or %zu more as close)?"
			       " 'compgap list %s' lists them",
			       what[kind], key, near.best[0], near.best[1], near.best[2], near.n - 3,
			       list[kind]);
	}
}

int store_require_key(struct store *st, enum entity kind, const char *key, struct err *err)
{
	int rc = store_lookup(st, kind, key, NULL, err);

	if (rc < 0)
		return -1;
	return rc == 1 ? 0 : store_unknown_key(st, kind, key, err);
}
