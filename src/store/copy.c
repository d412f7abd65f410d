/* Copying a whole database between any two stores, SQLite or PostgreSQL,
 * for `compgap copy`: the rows of every table as they are, ids included,
 * and a checksum of each side read back, to show that nothing changed on
 * the way. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "util/arena.h"
#include "util/array.h"

enum {
	COPY_BATCH = 4096   /* rows handed to the target at once */
};

/* FNV-1a over 64 bits: a fingerprint of the rows against copying
 * mistakes (not against tampering). */
#define FNV_OFFSET UINT64_C(0xcbf29ce484222325)
#define FNV_PRIME UINT64_C(0x100000001b3)

static void hash_bytes(uint64_t *h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		*h = (*h ^ b[i]) * FNV_PRIME;
}

static void hash_u64(uint64_t *h, uint64_t v)
{
	unsigned char b[8];

	for (int i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (8 * i));
	hash_bytes(h, b, sizeof b);
}

/* A value's type and null-ness count too; a double by its bits, so that
 * the last bit of a running sum must survive the trip. */
static void hash_row(uint64_t *h, const struct table_def *t, const struct cell *row)
{
	for (int c = 0; c < t->ncolumns; c++) {
		const struct cell *v = &row[c];
		uint64_t bits;

		hash_u64(h, v->null ? 0 : 1 + (uint64_t)t->columns[c].type);
		if (v->null)
			continue;
		switch (t->columns[c].type) {
		case CELL_INT:
			hash_u64(h, (uint64_t)v->i);
			break;
		case CELL_REAL:
			memcpy(&bits, &v->r, sizeof bits);
			hash_u64(h, bits);
			break;
		case CELL_TEXT:
			hash_bytes(h, v->s, strlen(v->s) + 1);
			break;
		case CELL_BLOB:
			hash_u64(h, (uint64_t)v->n);
			hash_bytes(h, v->s, v->n);
			break;
		}
	}
}

/* What was read of one table. */
struct tally {
	uint64_t hash;
	int64_t rows;
};

/* The rows of one table on their way from one store to the other. */
struct batch {
	const struct table_def *t;
	struct store *to;
	struct err *err;
	struct cell *cells;          /* t->ncolumns per row */
	size_t n, cap;               /* rows */
	struct arena text;           /* the rows' strings */
	int whole_table;             /* keep every row until the end (self_ref) */
	struct tally read;
};

static int put_batch(struct batch *b, const struct cell *cells, size_t n)
{
	for (size_t i = 0; i < n; i += COPY_BATCH)
		if (b->to->be->put_rows(b->to, b->t, cells + i * (size_t)b->t->ncolumns,
					n - i < COPY_BATCH ? n - i : COPY_BATCH, b->err) < 0)
			return -1;
	return 0;
}

static void batch_clear(struct batch *b)
{
	arena_free(&b->text);
	arena_init(&b->text, SIZE_MAX);
	b->n = 0;
}

static int keep_row(void *ctx, const struct cell *row)
{
	struct batch *b = ctx;
	size_t w = (size_t)b->t->ncolumns;
	struct cell *to;

	hash_row(&b->read.hash, b->t, row);
	b->read.rows++;
	if (array_reserve(&b->cells, &b->cap, (b->n + 1) * w, sizeof *b->cells) < 0)
		goto oom;
	to = &b->cells[b->n * w];
	memcpy(to, row, w * sizeof *to);
	for (size_t c = 0; c < w; c++) {
		char *bytes;

		if (to[c].null)
			continue;
		if (b->t->columns[c].type == CELL_TEXT &&
		    (to[c].s = arena_strdup(&b->text, row[c].s)) == NULL)
			goto oom;
		if (b->t->columns[c].type == CELL_BLOB) {
			if ((bytes = arena_alloc(&b->text, row[c].n ? row[c].n : 1)) == NULL)
				goto oom;
			if (row[c].n > 0)
				memcpy(bytes, row[c].s, row[c].n);
			to[c].s = bytes;
		}
	}
	b->n++;
	if (!b->whole_table && b->n == COPY_BATCH) {
		if (put_batch(b, b->cells, b->n) < 0)
			return -1;
		batch_clear(b);
	}
	return 0;
oom:
	err_set(b->err, EX_OSERR, "out of memory");
	return -1;
}

static int column_of(const struct table_def *t, const char *name)
{
	for (int c = 0; c < t->ncolumns; c++)
		if (strcmp(t->columns[c].name, name) == 0)
			return c;
	return -1;
}

/* Writes a table that refers to itself (a team's parent, a person's
 * manager) so that every row comes after the row it refers to, as the
 * foreign keys want on both engines. The rows are in the order of their
 * ids (column 0). */
static int put_parents_first(struct batch *b)
{
	size_t w = (size_t)b->t->ncolumns, done = 0;
	int ref = column_of(b->t, b->t->self_ref);
	struct cell *ordered = malloc((b->n ? b->n : 1) * w * sizeof *ordered);
	char *placed = calloc(b->n ? b->n : 1, 1);
	int rc = -1;

	if (ordered == NULL || placed == NULL) {
		err_set(b->err, EX_OSERR, "out of memory");
		goto out;
	}
	while (done < b->n) {
		size_t before = done;

		for (size_t i = 0; i < b->n; i++) {
			const struct cell *row = &b->cells[i * w];
			size_t lo = 0, hi = b->n;

			if (placed[i])
				continue;
			if (!row[ref].null) {
				/* the referred row, by binary search on the ids */
				while (lo < hi) {
					size_t mid = lo + (hi - lo) / 2;

					if (b->cells[mid * w].i < row[ref].i)
						lo = mid + 1;
					else
						hi = mid;
				}
				if (lo < b->n && b->cells[lo * w].i == row[ref].i && !placed[lo] && lo != i)
					continue;
			}
			memcpy(&ordered[done++ * w], row, w * sizeof *ordered);
			placed[i] = 1;
		}
		if (done == before) {
			err_set(b->err, EX_DATAERR, "the %s of the source refer to each other in a circle;"
				" nothing was copied", b->t->label);
			goto out;
		}
	}
	rc = put_batch(b, ordered, b->n);
out:
	free(ordered);
	free(placed);
	return rc;
}

static int copy_table(struct store *from, struct store *to, const struct table_def *t,
		      struct tally *read, struct err *err)
{
	struct batch b = { .t = t, .to = to, .err = err, .whole_table = t->self_ref != NULL,
			   .read = { FNV_OFFSET, 0 } };
	int rc;

	arena_init(&b.text, SIZE_MAX);
	rc = from->be->each_row(from, t, keep_row, &b, err);
	if (rc == 0 && b.n > 0)
		rc = b.whole_table ? put_parents_first(&b) : put_batch(&b, b.cells, b.n);
	*read = b.read;
	free(b.cells);
	arena_free(&b.text);
	return rc != 0 ? -1 : 0;
}

static int tally_row(void *ctx, const struct cell *row)
{
	struct batch *b = ctx;

	hash_row(&b->read.hash, b->t, row);
	b->read.rows++;
	return 0;
}

/* Reads table t of st back and compares it with what was read first. */
static int verify_table(struct store *st, const struct table_def *t, const struct tally *first,
			struct err *err)
{
	struct batch b = { .t = t, .read = { FNV_OFFSET, 0 } };

	if (st->be->each_row(st, t, tally_row, &b, err) != 0)
		return -1;
	if (b.read.rows != first->rows)
		return err_set(err, EX_SOFTWARE, "copy check failed: %s has %lld %s, the source %lld;"
			       " nothing was copied", st->describe, (long long)b.read.rows, t->label,
			       (long long)first->rows);
	if (b.read.hash != first->hash)
		return err_set(err, EX_SOFTWARE, "copy check failed: the %s in %s differ from the"
			       " source's; nothing was copied", t->label, st->describe);
	return 0;
}

/* Refuses a target that holds anything but the empty schema. */
static int check_empty(struct store *to, struct err *err)
{
	int64_t people = 0, evidence = 0, total = 0, n;

	for (int i = 0; i < store_table_count; i++) {
		const struct table_def *t = &store_tables[i];

		if (strcmp(t->name, "evidence_newest") == 0)
			continue;
		if (to->be->count_rows(to, t, &n, err) < 0)
			return -1;
		total += n;
		if (strcmp(t->name, "person") == 0)
			people = n;
		if (strcmp(t->name, "evidence") == 0)
			evidence = n;
	}
	if (total > 0)
		return err_set(err, EX_CANTCREAT,
			       "%s holds data already (%lld people, %lld evidence rows, %lld rows in all);"
			       " copy into an empty database, or add --force to replace everything in it",
			       to->describe, (long long)people, (long long)evidence, (long long)total);
	return 0;
}

static int check_version(struct store *st, struct err *err)
{
	int version;

	if (store_schema_version(st, &version, err) < 0)
		return -1;
	if (version != store_latest_version())
		return err_set(err, EX_CONFIG, "%s has schema version %d, not %d; run 'compgap init' on it first",
			       st->describe, version, store_latest_version());
	return 0;
}

int store_copy(struct store *from, struct store *to, int force, struct copy_report *report,
	       struct err *err)
{
	struct tally read[64];
	uint64_t total = FNV_OFFSET;

	_Static_assert(sizeof read / sizeof read[0] == sizeof report->tables / sizeof report->tables[0],
		       "a tally per table of the report");
	memset(report, 0, sizeof *report);
	if (store_table_count > (int)(sizeof read / sizeof read[0]))
		return err_set(err, EX_SOFTWARE, "too many tables to copy");
	if (strcmp(from->describe, to->describe) == 0)
		return err_set(err, EX_USAGE, "--from and --to name the same database, %s", to->describe);
	if (check_version(from, err) < 0 || check_version(to, err) < 0)
		return -1;
	if (store_begin_read(from, err) < 0)
		return -1;
	if (store_begin(to, err) < 0)
		goto fail;
	if ((!force && check_empty(to, err) < 0) || to->be->clear_tables(to, err) < 0)
		goto fail;
	for (int i = 0; i < store_table_count; i++)
		if (copy_table(from, to, &store_tables[i], &read[i], err) < 0)
			goto fail;
	if (to->be->copy_finish(to, err) < 0)
		goto fail;
	for (int i = 0; i < store_table_count; i++) {
		if (verify_table(to, &store_tables[i], &read[i], err) < 0)
			goto fail;
		report->tables[i] = (struct copy_count){ store_tables[i].label, read[i].rows };
		hash_u64(&total, read[i].hash);
		hash_u64(&total, (uint64_t)read[i].rows);
	}
	report->ntables = store_table_count;
	report->checksum = total;
	if (store_commit(to, err) < 0)
		goto fail;
	store_rollback(from);
	return store_reload(to, err);
fail:
	store_rollback(to);
	store_rollback(from);
	memset(report, 0, sizeof *report);
	return -1;
}
