/* The cache of view documents (view_cache.h): a hash table of entries on
 * a list from the most to the least recently used, under one mutex. The
 * documents are copied in and out: a team's document is tens of kilobytes,
 * which takes microseconds to copy, and no entry can then be freed while a
 * response still points into it. */
#include "http/view_cache.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

enum {
	BUCKETS = 1024
};

struct entry {
	struct entry *next_in_bucket;
	struct entry *newer, *older;     /* the recency list */
	int64_t generation;
	size_t len;
	char key[VIEW_CACHE_KEY_MAX];
	unsigned char data[];
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct entry *buckets[BUCKETS];
static struct entry *newest, *oldest;
static size_t budget = (size_t)64 << 20;
static int64_t newest_generation = -1; /* the generation of every entry kept */
static struct view_cache_stats stats;

static size_t bucket_of(const char *key)
{
	uint32_t h = 2166136261u;        /* FNV-1a */

	for (const unsigned char *p = (const unsigned char *)key; *p != '\0'; p++)
		h = (h ^ *p) * 16777619u;
	return h % BUCKETS;
}

static void unlink_recency(struct entry *e)
{
	if (e->newer != NULL)
		e->newer->older = e->older;
	else
		newest = e->older;
	if (e->older != NULL)
		e->older->newer = e->newer;
	else
		oldest = e->newer;
	e->newer = e->older = NULL;
}

static void push_newest(struct entry *e)
{
	e->older = newest;
	e->newer = NULL;
	if (newest != NULL)
		newest->newer = e;
	newest = e;
	if (oldest == NULL)
		oldest = e;
}

static void drop(struct entry *e)
{
	struct entry **p = &buckets[bucket_of(e->key)];

	while (*p != e)
		p = &(*p)->next_in_bucket;
	*p = e->next_in_bucket;
	unlink_recency(e);
	stats.entries--;
	stats.bytes -= e->len;
	free(e);
}

static struct entry *find(const char *key)
{
	for (struct entry *e = buckets[bucket_of(key)]; e != NULL; e = e->next_in_bucket)
		if (strcmp(e->key, key) == 0)
			return e;
	return NULL;
}

void view_cache_set_budget(size_t bytes)
{
	pthread_mutex_lock(&lock);
	budget = bytes;
	while (oldest != NULL && stats.bytes > budget)
		drop(oldest);
	pthread_mutex_unlock(&lock);
}

int view_cache_get(const char *key, int64_t generation, struct buf *out)
{
	struct entry *e;
	int found = 0;

	if (generation < 0)
		return 0;
	pthread_mutex_lock(&lock);
	e = find(key);
	if (e != NULL && e->generation == generation && buf_add(out, e->data, e->len) == 0) {
		unlink_recency(e);
		push_newest(e);
		found = 1;
	}
	if (found)
		stats.hits++;
	else
		stats.misses++;
	pthread_mutex_unlock(&lock);
	return found;
}

void view_cache_put(const char *key, int64_t generation, const void *data, size_t len)
{
	struct entry *e, *old;
	size_t klen = strlen(key);

	if (generation < 0 || len > VIEW_CACHE_ITEM_MAX || klen >= VIEW_CACHE_KEY_MAX)
		return;
	pthread_mutex_lock(&lock);
	if (len > budget) {
		pthread_mutex_unlock(&lock);
		return;
	}
	/* A transaction that began before a write may finish after one that
	 * began after it: its document is of no use to the transactions to
	 * come. One of a newer generation makes all kept ones useless. */
	if (generation < newest_generation) {
		pthread_mutex_unlock(&lock);
		return;
	}
	if (generation > newest_generation) {
		while (oldest != NULL)
			drop(oldest);
		newest_generation = generation;
	}
	e = malloc(sizeof *e + len);
	if (e == NULL) {
		pthread_mutex_unlock(&lock);
		return;
	}
	memcpy(e->key, key, klen + 1);
	memcpy(e->data, data, len);
	e->len = len;
	e->generation = generation;
	old = find(key);
	if (old != NULL)
		drop(old);
	while (oldest != NULL && stats.bytes + len > budget)
		drop(oldest);
	e->next_in_bucket = buckets[bucket_of(key)];
	buckets[bucket_of(key)] = e;
	push_newest(e);
	stats.entries++;
	stats.bytes += len;
	pthread_mutex_unlock(&lock);
}

void view_cache_stats(struct view_cache_stats *out)
{
	pthread_mutex_lock(&lock);
	*out = stats;
	pthread_mutex_unlock(&lock);
}

void view_cache_clear(void)
{
	pthread_mutex_lock(&lock);
	while (oldest != NULL)
		drop(oldest);
	newest_generation = -1;
	stats.hits = stats.misses = 0;
	pthread_mutex_unlock(&lock);
}
