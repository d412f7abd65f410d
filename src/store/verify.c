/* store_check: the running sums and histories against the evidence rows
 * (store.h, docs/time-travel.md "Checking"), engine-independent: it reads
 * through the backend's iterations only.
 *
 * Two streaming passes. The rows in force build, per pair, the sums
 * (sums_add) and a fingerprint of the history entries their encoding
 * gives (history_append, core/derived.h); then every stored pair is
 * compared with them as it is read. For the few pairs described whose
 * history differs, the pair's rows are read again and the entries
 * compared exactly, to say how many differ. */
#include <math.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/derived.h"
#include "core/history.h"
#include "store/backend.h"
#include "util/date.h"

/* One pair as its rows give it. */
struct pair_entry {
	int64_t person, competency;     /* store ids */
	struct evidence_sums sums;      /* of its rows, by sums_add */
	struct entry_print print;       /* of its rows' history entries */
	bool seen;                      /* a stored pair matched it */
};

/* Pairs by (person, competency): open addressing over indexes into
 * items, so that an empty slot costs 4 bytes. */
struct pair_table {
	uint32_t *slots;                /* index + 1 into items; 0: free */
	size_t cap;                     /* a power of two */
	struct pair_entry *items;
	size_t count, items_cap;
};

/* A problem found, kept for the first STORE_CHECK_SHOWN. */
struct problem {
	int64_t person, competency;     /* 0, 0: not about a pair */
	char what[240];
	unsigned char *history;         /* a copy of the stored blob when the
					 * history differs, for the exact count */
	size_t history_len;
};

struct checker {
	struct store *st;
	struct pair_table pairs;
	struct store_check *out;
	struct problem shown[STORE_CHECK_SHOWN];
	struct buf scratch;             /* one entry, encoded */
	struct buf rows;                /* a history decoded, for its best level */
	double best;                    /* the best level it gives */
	struct err *err;
};

static uint64_t mix(uint64_t x)
{
	x ^= x >> 33;
	x *= 0xff51afd7ed558ccdu;
	x ^= x >> 33;
	x *= 0xc4ceb9fe1a85ec53u;
	x ^= x >> 33;
	return x;
}

static size_t slot_of(const struct pair_table *t, int64_t person, int64_t competency)
{
	size_t i = (size_t)mix((uint64_t)person * 0x9e3779b97f4a7c15u ^ (uint64_t)competency) &
		   (t->cap - 1);

	while (t->slots[i] != 0) {
		const struct pair_entry *p = &t->items[t->slots[i] - 1];

		if (p->person == person && p->competency == competency)
			break;
		i = (i + 1) & (t->cap - 1);
	}
	return i;
}

static struct pair_entry *pair_find(const struct pair_table *t, int64_t person,
				    int64_t competency)
{
	size_t i;

	if (t->cap == 0)
		return NULL;
	i = slot_of(t, person, competency);
	return t->slots[i] != 0 ? &t->items[t->slots[i] - 1] : NULL;
}

static int table_grow(struct pair_table *t)
{
	size_t cap = t->cap > 0 ? 2 * t->cap : 1024;
	uint32_t *slots = calloc(cap, sizeof *slots);

	if (slots == NULL || cap > UINT32_MAX) {
		free(slots);
		return -1;
	}
	free(t->slots);
	t->slots = slots;
	t->cap = cap;
	for (size_t k = 0; k < t->count; k++)
		t->slots[slot_of(t, t->items[k].person, t->items[k].competency)] = (uint32_t)k + 1;
	return 0;
}

/* The pair's entry, added (zero) when it is new; NULL when memory ran out. */
static struct pair_entry *pair_get(struct pair_table *t, int64_t person, int64_t competency)
{
	struct pair_entry *p = pair_find(t, person, competency);
	size_t i;

	if (p != NULL)
		return p;
	if ((t->count + 1) * 2 > t->cap && table_grow(t) < 0)
		return NULL;
	if (t->count == t->items_cap) {
		size_t n = t->items_cap > 0 ? 2 * t->items_cap : 1024;
		struct pair_entry *items = realloc(t->items, n * sizeof *items);

		if (items == NULL)
			return NULL;
		t->items = items;
		t->items_cap = n;
	}
	i = slot_of(t, person, competency);
	p = &t->items[t->count];
	memset(p, 0, sizeof *p);
	p->person = person;
	p->competency = competency;
	t->slots[i] = (uint32_t)++t->count;
	return p;
}

/* Counts a problem and keeps its description while fewer than
 * STORE_CHECK_SHOWN are kept. */
static void problem(struct checker *c, int64_t person, int64_t competency,
		    const unsigned char *history, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));

static void problem(struct checker *c, int64_t person, int64_t competency,
		    const unsigned char *history, size_t len, const char *fmt, ...)
{
	struct problem *p;
	va_list ap;

	if (c->out->bad++ >= STORE_CHECK_SHOWN)
		return;
	p = &c->shown[c->out->bad - 1];
	p->person = person;
	p->competency = competency;
	va_start(ap, fmt);
	vsnprintf(p->what, sizeof p->what, fmt, ap);
	va_end(ap);
	if (history != NULL && len > 0 && (p->history = malloc(len)) != NULL) {
		memcpy(p->history, history, len);
		p->history_len = len;
	}
}

static int add_row(void *ctx, const struct evidence *e)
{
	struct checker *c = ctx;
	struct store *st = c->st;
	struct pair_entry *p;
	int64_t person, competency;
	struct history_row r = { e->source, e->level, e->level_decimals, e->date };

	if (!strmap_get(&st->keys[ENTITY_PERSON], e->person, &person) ||
	    !strmap_get(&st->keys[ENTITY_COMPETENCY], e->competency, &competency)) {
		err_set(c->err, EX_SOFTWARE, "evidence row %lld names a person or competency"
			" that the store's keys lack", (long long)e->id);
		return -1;
	}
	p = pair_get(&c->pairs, person, competency);
	if (p == NULL) {
		err_set(c->err, EX_OSERR, "out of memory after %lld evidence rows",
			(long long)c->out->rows);
		return -1;
	}
	c->out->rows++;
	if (e->date > c->out->newest_row || c->out->rows == 1)
		c->out->newest_row = e->date;
	sums_add(&p->sums, &st->settings, e->source, e->level, e->date);
	/* The entry as an import writes it: the encoder refuses a level that
	 * is not exactly a number with its decimals, and then so would the
	 * import; an accepted one decodes to this very row (core/history.h). */
	buf_reset(&c->scratch);
	if (history_append(&c->scratch, e->source, e->level, e->level_decimals, e->date) < 0)
		problem(c, person, competency, NULL, 0,
			"evidence row %lld has no history entry: the encoder refuses it",
			(long long)e->id);
	derived_print_add(&p->print, &r);
	return 0;
}

/* Whether the stored best level differs from the one the history gives
 * (below it, the mentor search for a past date would miss holders). */
static bool wrong_best_level(struct checker *c, const struct pair_sums *s)
{
	if (history_best_level(s->history, s->history_len, store_settings(c->st), &c->rows,
			       &c->best) < 0)
		return false;    /* malformed: reported as such */
	return fabs(s->sums.best_level - c->best) > 1e-9 * (c->best > 1 ? c->best : 1);
}

static int check_stored(void *ctx, const struct pair_sums *s)
{
	struct checker *c = ctx;
	struct pair_entry *p = pair_find(&c->pairs, s->person_id, s->competency_id);
	struct entry_print print;
	const char *differ;
	char sums[120] = "", history[120] = "";
	bool print_differs = false;

	c->out->stored++;
	if (p == NULL) {
		problem(c, s->person_id, s->competency_id, NULL, 0,
			"stored sums (%lld rows) and history, but no evidence rows in force",
			(long long)(s->sums.n_self + s->sums.n_other));
		return 0;
	}
	p->seen = true;
	differ = derived_sums_differ(&s->sums, &p->sums);
	if (differ != NULL)
		snprintf(sums, sizeof sums, "the running sums differ from the rows' in %s"
			 " (stored %lld+%lld rows, the rows %lld+%lld)", differ,
			 (long long)s->sums.n_self, (long long)s->sums.n_other,
			 (long long)p->sums.n_self, (long long)p->sums.n_other);
	if (s->history == NULL)
		snprintf(history, sizeof history, "its history was not read (max_date %d)",
			 (int)s->sums.max_date);
	else if (s->history_len == 0)
		snprintf(history, sizeof history, "its history lacks the version byte");
	else if (derived_print_blob(s->history, s->history_len, &print) < 0)
		snprintf(history, sizeof history, "its history is malformed (%zu bytes)",
			 s->history_len);
	else if ((print_differs = !derived_print_equal(&print, &p->print)))
		snprintf(history, sizeof history, "its history holds other entries than the rows"
			 " (%llu entries, %llu rows)", (unsigned long long)print.count,
			 (unsigned long long)p->print.count);
	else if (wrong_best_level(c, s))
		snprintf(history, sizeof history, "its best level %.17g is not the %.17g its"
			 " rows give", s->sums.best_level, c->best);
	if (sums[0] != '\0' || history[0] != '\0')
		problem(c, s->person_id, s->competency_id,
			print_differs ? s->history : NULL, s->history_len, "%s%s%s", sums,
			sums[0] != '\0' && history[0] != '\0' ? "; " : "", history);
	return 0;
}

/* The key of id among the cached keys of kind, for the few problems
 * described; "?" when there is none. */
static const char *key_of(const struct store *st, enum entity kind, int64_t id)
{
	const struct strmap *m = &st->keys[kind];

	for (size_t i = 0; i < m->cap; i++)
		if (m->slots[i].key != NULL && m->slots[i].value == id)
			return m->slots[i].key;
	return "?";
}

/* The decoded rows of one pair, for the exact comparison. */
struct row_list {
	struct history_row *rows;
	size_t n, cap;
};

static int list_row(void *ctx, const struct evidence *e)
{
	struct row_list *l = ctx;

	if (l->n == l->cap) {
		size_t cap = l->cap > 0 ? 2 * l->cap : 64;
		struct history_row *rows = realloc(l->rows, cap * sizeof *rows);

		if (rows == NULL)
			return -1;
		l->rows = rows;
		l->cap = cap;
	}
	l->rows[l->n++] = (struct history_row){ e->source, e->level, e->level_decimals, e->date };
	return 0;
}

/* Appends to what how many entries of the stored history match no row and
 * how many rows match no entry: the exact multiset comparison. */
static int count_differences(struct checker *c, struct problem *p, char *what, size_t size,
			     const char *person, const char *competency)
{
	struct evidence_filter f = { person, competency };
	struct row_list rows = { 0 }, entries = { 0 };
	struct history_row r;
	size_t pos = 0, only_rows, only_entries;
	size_t used = strlen(what);
	int rc;

	rc = c->st->be->each_evidence(c->st, &f, list_row, &rows, c->err);
	if (rc > 0)
		rc = err_set(c->err, EX_OSERR, "out of memory");
	while (rc == 0 && history_next(p->history, p->history_len, &pos, &r) == 1) {
		struct evidence e = { .source = r.source, .level = r.level,
				      .level_decimals = r.level_decimals, .date = r.date };

		if (list_row(&entries, &e) < 0)
			rc = err_set(c->err, EX_OSERR, "out of memory");
	}
	if (rc == 0) {
		derived_same_entries(entries.rows, entries.n, rows.rows, rows.n, &only_entries,
				     &only_rows);
		snprintf(what + used, size - used, "; entries matching no row: %zu, rows"
			 " matching no entry: %zu", only_entries, only_rows);
	}
	free(rows.rows);
	free(entries.rows);
	return rc;
}

/* Writes the kept problems into out->shown, naming their pairs by key. */
static int describe(struct checker *c)
{
	for (int i = 0; i < STORE_CHECK_SHOWN && i < c->out->bad; i++) {
		struct problem *p = &c->shown[i];
		char *line = c->out->shown[i];
		size_t size = sizeof c->out->shown[i];

		if (p->person == 0 && p->competency == 0) {
			snprintf(line, size, "%s", p->what);
		} else {
			const char *person = key_of(c->st, ENTITY_PERSON, p->person);
			const char *competency = key_of(c->st, ENTITY_COMPETENCY, p->competency);

			snprintf(line, size, "person '%s' on competency '%s': %s", person, competency,
				 p->what);
			if (p->history != NULL &&
			    count_differences(c, p, line, size, person, competency) < 0)
				return -1;
		}
		c->out->nshown = i + 1;
	}
	return 0;
}

int store_check(struct store *st, struct store_check *out, struct err *err)
{
	struct checker c = { .st = st, .out = out, .err = err };
	int rc;

	memset(out, 0, sizeof *out);
	buf_init(&c.scratch, 64);
	buf_init(&c.rows, SIZE_MAX);
	/* The keys are cached before the rows are read: a lookup inside the
	 * iteration must not query. */
	rc = store_load_keys(st, ENTITY_PERSON, err) < 0 ||
	     store_load_keys(st, ENTITY_COMPETENCY, err) < 0 ? -1 : 0;
	if (rc == 0 && st->be->each_evidence(st, &(struct evidence_filter){ NULL, NULL }, add_row,
					     &c, err) != 0)
		rc = -1;
	out->pairs = (int64_t)c.pairs.count;
	/* A date before every row, so that each stored history is read. */
	if (rc == 0 && st->be->each_sums(st, 0, INT32_MIN, check_stored, &c, err) != 0)
		rc = -1;
	for (size_t i = 0; rc == 0 && i < c.pairs.count; i++) {
		const struct pair_entry *p = &c.pairs.items[i];

		if (!p->seen)
			problem(&c, p->person, p->competency, NULL, 0,
				"%lld evidence rows in force, but no stored sums or history",
				(long long)(p->sums.n_self + p->sums.n_other));
	}
	if (rc == 0 && st->be->newest_evidence(st, &out->newest_stored, err) < 0)
		rc = -1;
	if (rc == 0 && out->rows > 0 && out->newest_stored < out->newest_row) {
		char stored[DATE_ISO_LEN + 1], row[DATE_ISO_LEN + 1];

		date_format(out->newest_stored, stored);
		date_format(out->newest_row, row);
		problem(&c, 0, 0, NULL, 0, "the newest evidence date stored (evidence_newest, %s)"
			" is before the newest row's, %s", stored, row);
	}
	if (rc == 0)
		rc = describe(&c);
	for (int i = 0; i < STORE_CHECK_SHOWN; i++)
		free(c.shown[i].history);
	free(c.pairs.slots);
	free(c.pairs.items);
	buf_free(&c.scratch);
	buf_free(&c.rows);
	return rc;
}
