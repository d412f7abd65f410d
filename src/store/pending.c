/* The running sums of the open transaction's new evidence rows, kept by
 * pair and written to the backend at commit (store_pending_flush): each
 * pair's sums and history added to the stored ones, its best level
 * computed from the stored history and the new rows together
 * (docs/time-travel.md). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/history.h"
#include "store/backend.h"

enum {
	SUMS_CHUNK = 8192       /* running sums handed to the backend at once */
};

/* ---- running sums of the open transaction ------------------------------ */

static size_t pair_slot(const struct pending_sums *p, int64_t person, int64_t competency)
{
	uint64_t h = (uint64_t)person * 0x9E3779B97F4A7C15ULL ^ (uint64_t)competency * 0xC2B2AE3D27D4EB4FULL;
	size_t i = (size_t)(h ^ (h >> 29)) & (p->cap - 1);

	while (p->keys[2 * i] != 0 &&
	       (p->keys[2 * i] != person || p->keys[2 * i + 1] != competency))
		i = (i + 1) & (p->cap - 1);
	return i;
}

static int pending_grow(struct pending_sums *p)
{
	struct pending_sums bigger = { 0 };

	bigger.cap = p->cap ? p->cap * 2 : 1024;
	bigger.keys = calloc(2 * bigger.cap, sizeof *bigger.keys);
	bigger.sums = calloc(bigger.cap, sizeof *bigger.sums);
	bigger.history = calloc(bigger.cap, sizeof *bigger.history);
	if (bigger.keys == NULL || bigger.sums == NULL || bigger.history == NULL) {
		free(bigger.keys);
		free(bigger.sums);
		free(bigger.history);
		return -1;
	}
	for (size_t i = 0; i < p->cap; i++) {
		if (p->keys[2 * i] != 0) {
			size_t j = pair_slot(&bigger, p->keys[2 * i], p->keys[2 * i + 1]);

			bigger.keys[2 * j] = p->keys[2 * i];
			bigger.keys[2 * j + 1] = p->keys[2 * i + 1];
			bigger.sums[j] = p->sums[i];
			bigger.history[j] = p->history[i];
		}
	}
	bigger.count = p->count;
	free(p->keys);
	free(p->sums);
	free(p->history);
	*p = bigger;
	return 0;
}

/* Adds one appended row to the sums and history entries that the commit
 * will store. */
int store_pending_add(struct store *st, int64_t person, int64_t competency,
		       const struct evidence *e, struct err *err)
{
	struct pending_sums *p = &st->pending;
	size_t i;

	if ((p->count + 1) * 2 > p->cap && pending_grow(p) < 0)
		return err_set(err, EX_OSERR, "out of memory");
	i = pair_slot(p, person, competency);
	if (p->keys[2 * i] == 0) {
		p->keys[2 * i] = person;
		p->keys[2 * i + 1] = competency;
		memset(&p->sums[i], 0, sizeof p->sums[i]);
		buf_init(&p->history[i], SIZE_MAX);
		p->count++;
		if (history_begin(&p->history[i]) < 0)
			return err_set(err, EX_OSERR, "out of memory");
	}
	if (history_append(&p->history[i], e->source, e->level, e->level_decimals, e->date) < 0)
		return store_history_refused(person, competency, err);
	sums_add(&p->sums[i], &st->settings, e->source, e->level, e->date);
	return 0;
}

int store_history_refused(int64_t person_id, int64_t competency_id, struct err *err)
{
	return err_set(err, EX_DATAERR,
		       "evidence of person id %lld on competency id %lld has a level that is not a"
		       " number written with its decimals, or memory ran out",
		       (long long)person_id, (long long)competency_id);
}

int store_best_level(struct store *st, int64_t person_id, int64_t competency_id,
		     const unsigned char *history, size_t len, struct evidence_sums *sums,
		     struct err *err)
{
	if (history_best_level(history, len, &st->settings, &st->scratch, &sums->best_level) < 0)
		return store_history_refused(person_id, competency_id, err);
	return 0;
}

void store_pending_clear(struct pending_sums *p)
{
	if (p->count > 0) {
		for (size_t i = 0; i < p->cap; i++)
			if (p->keys[2 * i] != 0)
				buf_free(&p->history[i]);
		memset(p->keys, 0, 2 * p->cap * sizeof *p->keys);
	}
	p->count = 0;
}

static int by_table_key(const void *x, const void *y)
{
	const struct pair_sums *a = x, *b = y;

	if (a->competency_id != b->competency_id)
		return a->competency_id < b->competency_id ? -1 : 1;
	return (a->person_id > b->person_id) - (a->person_id < b->person_id);
}

/* What merge_stored needs: the pairs, the whole history put together. */
struct merge {
	struct store *st;
	struct pair_sums *pairs;
	struct buf whole;
	struct err *err;
};

/* A pair already stored: its best level is that of its stored history
 * and the rows added together (history_best_level is not kept by merging
 * two parts' best levels). */
static int merge_stored(void *ctx, size_t i, const unsigned char *blob, size_t len)
{
	struct merge *m = ctx;
	struct pair_sums *p = &m->pairs[i];

	buf_reset(&m->whole);
	if (buf_add(&m->whole, blob, len) < 0 ||
	    (len == 0 && history_begin(&m->whole) < 0) ||
	    buf_add(&m->whole, p->history + 1, p->history_len - 1) < 0) {
		err_set(m->err, EX_OSERR, "out of memory");
		return -1;
	}
	return store_best_level(m->st, p->person_id, p->competency_id,
				(const unsigned char *)m->whole.data, m->whole.len, &p->sums, m->err);
}

/* Writes the pending sums in the order of the table's key (competency,
 * person): the B-tree is written front to back rather than all over (a
 * quarter less time for a million rows in SQLite), and concurrent writers
 * on PostgreSQL lock rows in one order, so they never deadlock. */
int store_pending_flush(struct store *st, struct err *err)
{
	struct pending_sums *p = &st->pending;
	struct pair_sums *pairs;
	size_t n = 0;
	int32_t newest = 0;
	int rc = 0;

	if (p->count == 0)
		return 0;
	pairs = malloc(p->count * sizeof *pairs);
	if (pairs == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < p->cap; i++) {
		if (p->keys[2 * i] == 0)
			continue;
		pairs[n] = (struct pair_sums){ p->keys[2 * i], p->keys[2 * i + 1], p->sums[i],
					       (const unsigned char *)p->history[i].data,
					       p->history[i].len };
		if (p->sums[i].max_date > newest)
			newest = p->sums[i].max_date;
		if (store_best_level(st, pairs[n].person_id, pairs[n].competency_id, pairs[n].history,
				     pairs[n].history_len, &pairs[n].sums, err) < 0) {
			free(pairs);
			return -1;
		}
		n++;
	}
	qsort(pairs, n, sizeof *pairs, by_table_key);
	for (size_t i = 0; rc == 0 && i < n; i += SUMS_CHUNK) {
		size_t k = n - i < SUMS_CHUNK ? n - i : SUMS_CHUNK;
		struct merge m = { st, pairs + i, { 0 }, err };

		buf_init(&m.whole, SIZE_MAX);
		rc = st->be->stored_histories(st, pairs + i, k, merge_stored, &m, err);
		buf_free(&m.whole);
		if (rc == 0)
			rc = st->be->add_sums(st, pairs + i, k, err);
	}
	if (rc == 0)
		rc = st->be->note_newest(st, newest, err);
	free(pairs);
	if (rc < 0)
		return -1;
	store_pending_clear(p);
	return 0;
}
