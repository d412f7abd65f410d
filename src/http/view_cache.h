/* The view documents that the server has made, kept in memory so that the
 * next request for the same one is answered without making it again.
 *
 * A document is a function of its request (the view, its keys, its dates,
 * today's date) and of the data and settings; the data generation
 * (store_data_generation) names the latter, and every write that changes
 * data advances it, in this process or any other on the same database.
 * So an entry is used only by a transaction that sees the same generation
 * as the one the entry was made in, and entries of older generations are
 * dropped as soon as a newer one is seen. Only documents that are the same
 * for every caller are kept (the caller's reach is checked before the
 * cache is asked); documents larger than VIEW_CACHE_ITEM_MAX are not (they
 * are streamed from a temporary file, http/response.h). */
#ifndef COMPGAP_HTTP_VIEW_CACHE_H
#define COMPGAP_HTTP_VIEW_CACHE_H

#include <stddef.h>
#include <stdint.h>

#include "util/buf.h"

enum {
	VIEW_CACHE_ITEM_MAX = 1 << 20,   /* bytes of the largest document kept */
	VIEW_CACHE_KEY_MAX = 256         /* bytes of a key, its NUL included */
};

/* Sets the bytes that all documents together may take (0: keep none); the
 * default is 64 MiB. Call before the first request. */
void view_cache_set_budget(size_t bytes);

/* Appends to out the document kept under key for generation: 1 when there
 * is one, 0 when there is none (or out could not take it). */
int view_cache_get(const char *key, int64_t generation, struct buf *out);

/* Keeps a copy of the len bytes of data under key for generation (a
 * generation below zero, or a document too large for the budget, is not
 * kept). Entries of older generations are dropped; when the budget is
 * exceeded, the least recently used entries are. */
void view_cache_put(const char *key, int64_t generation, const void *data, size_t len);

/* What the cache holds and has done, for tests and the metrics. */
struct view_cache_stats {
	size_t entries, bytes;
	uint64_t hits, misses;
};
void view_cache_stats(struct view_cache_stats *out);

/* Drops every entry (tests). */
void view_cache_clear(void);

#endif
