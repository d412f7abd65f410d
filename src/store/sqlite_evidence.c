/* SQLite: evidence in (multi-row inserts, bulk loads), retractions, the
 * running sums (added, recomputed, rebuilt) and the settings they depend
 * on. */
#include <stdint.h>
#include <sqlite3.h>
#include <string.h>
#include <sysexits.h>

#include "core/history.h"
#include "store/sqlite_int.h"

/* Binds evidence row e (with its ids) to the ten parameters from first:
 * its own id first, NULL (the next free one) unless the caller reserved
 * it (store_reserve_ids). */
static void bind_evidence(struct store *st, sqlite3_stmt *s, int first, const struct evidence *e,
			  const int64_t *ids)
{
	if (e->id != 0)
		sqlite3_bind_int64(s, first, e->id);
	else
		sqlite3_bind_null(s, first);
	first++;
	sqlite3_bind_int64(s, first, ids[0]);
	sqlite3_bind_int64(s, first + 1, ids[1]);
	sqlite3_bind_double(s, first + 2, e->level);
	sqlite3_bind_int(s, first + 3, e->level_decimals);
	sqlite3_bind_text(s, first + 4, source_name(e->source), -1, SQLITE_STATIC);
	sqlite3_bind_int(s, first + 5, e->date);
	if (ids[2] != 0)
		sqlite3_bind_int64(s, first + 6, ids[2]);
	else
		sqlite3_bind_null(s, first + 6);
	sq_bind_text(s, first + 7, e->note);
	if (st->batch != 0)
		sqlite3_bind_int64(s, first + 8, st->batch);
	else
		sqlite3_bind_null(s, first + 8);
}

/* A large load into a small table is faster without the evidence index,
 * rebuilt once at commit by sorting, than with a random insert into the
 * index per row. The index is dropped once the transaction has appended
 * BULK_MIN_ROWS rows and at least half as many as were there before. The
 * drop is part of the transaction: a rollback brings the index back. */
static int bulk_check(struct store *st, struct err *err)
{
	struct conn *c = sq_conn_of(st);
	sqlite3_stmt *s = NULL;
	int64_t total = 0;
	int rc;

	if (c->dropped_index != NULL || c->tx_evidence < BULK_MIN_ROWS)
		return 0;
	if (sq_count(st, ENTITY_EVIDENCE, &total, err) < 0)
		return -1;
	if (c->tx_evidence * 3 < total)
		return 0;
	rc = sqlite3_prepare_v2(c->db, "SELECT sql FROM sqlite_master WHERE type = 'index'"
				" AND name = 'evidence_person_competency'", -1, &s, NULL);
	if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW)
		c->dropped_index = sqlite3_mprintf("%s", sq_column_text(s, 0));
	sqlite3_finalize(s);
	if (rc != SQLITE_ROW)
		return rc == SQLITE_DONE ? 0 : sq_db_error(st, rc, "read the schema", err);
	if (c->dropped_index == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	return sq_exec(st, "DROP INDEX evidence_person_competency", "prepare a bulk load", err);
}

/* Rebuilds an index dropped by bulk_check; called before commit. */
int sq_bulk_finish(struct store *st, struct err *err)
{
	struct conn *c = sq_conn_of(st);
	int rc = 0;

	if (c->dropped_index != NULL)
		rc = sq_exec(st, c->dropped_index, "rebuild the evidence index", err);
	return rc;
}

void sq_bulk_forget(struct conn *c)
{
	sqlite3_free(c->dropped_index);
	c->dropped_index = NULL;
	c->tx_evidence = 0;
}

int sq_append_evidence(struct store *st, const struct evidence *rows,
		       const int64_t *ids, size_t n, struct err *err)
{
	struct conn *c = sq_conn_of(st);
	size_t i = 0;
	int rc;

	while (i < n) {
		size_t k = n - i >= EVIDENCE_ROWS_PER_INSERT ? EVIDENCE_ROWS_PER_INSERT : 1;
		sqlite3_stmt *s = sq_prepare(st, k > 1 ? Q_APPEND_EVIDENCE_MANY : Q_APPEND_EVIDENCE, err);

		if (s == NULL)
			return -1;
		for (size_t r = 0; r < k; r++)
			bind_evidence(st, s, 1 + 10 * (int)r, &rows[i + r], &ids[3 * (i + r)]);
		rc = sqlite3_step(s);
		sqlite3_reset(s);
		if (rc != SQLITE_DONE)
			return sq_db_error(st, rc, "store evidence", err);
		i += k;
	}
	c->tx_evidence += (int64_t)n;
	return bulk_check(st, err);
}

/* Reads sums columns from first on (NULL columns: no sums). */
void sq_column_sums(sqlite3_stmt *s, int first, struct evidence_sums *out)
{
	memset(out, 0, sizeof *out);
	if (sqlite3_column_type(s, first) == SQLITE_NULL)
		return;
	out->n_self = sqlite3_column_int64(s, first);
	out->w_self = sqlite3_column_double(s, first + 1);
	out->wl_self = sqlite3_column_double(s, first + 2);
	out->n_other = sqlite3_column_int64(s, first + 3);
	out->w_other = sqlite3_column_double(s, first + 4);
	out->wl_other = sqlite3_column_double(s, first + 5);
	out->max_date = sqlite3_column_int(s, first + 6);
	out->best_level = sqlite3_column_double(s, first + 7);
}

/* Binds a pair's sums and its history blob. */
static void bind_sums(sqlite3_stmt *s, int64_t person, int64_t competency,
		      const struct evidence_sums *v, const unsigned char *history, size_t len)
{
	sqlite3_bind_blob(s, 10, history, (int)len, SQLITE_STATIC);
	sqlite3_bind_int64(s, 1, person);
	sqlite3_bind_int64(s, 2, competency);
	sqlite3_bind_int64(s, 3, v->n_self);
	sqlite3_bind_double(s, 4, v->w_self);
	sqlite3_bind_double(s, 5, v->wl_self);
	sqlite3_bind_int64(s, 6, v->n_other);
	sqlite3_bind_double(s, 7, v->w_other);
	sqlite3_bind_double(s, 8, v->wl_other);
	sqlite3_bind_int(s, 9, v->max_date);
	sqlite3_bind_double(s, 11, v->best_level);
}

/* Adds the current row's level, source, date and level's decimals
 * (columns first..+3) to sums and its entry to history. */
static int add_row(sqlite3_stmt *s, int first, const struct settings *set,
		   struct evidence_sums *sums, struct buf *history)
{
	enum source src = SOURCE_SELF;
	double level = sqlite3_column_double(s, first);
	int32_t date = sqlite3_column_int(s, first + 2);

	(void)source_parse(sq_column_text(s, first + 1), &src);
	sums_add(sums, set, src, level, date);
	return history_append(history, src, level, sqlite3_column_int(s, first + 3), date);
}

/* Sums and history of one pair's rows in force. */
static int pair_sums(struct store *st, int64_t person, int64_t competency,
		     struct evidence_sums *out, struct buf *history, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PAIR_ROWS, err);
	int rc, bad = 0;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, person);
	sqlite3_bind_int64(s, 2, competency);
	bad = history_begin(history);
	while ((rc = sqlite3_step(s)) == SQLITE_ROW)
		bad |= add_row(s, 0, &st->settings, out, history);
	sqlite3_reset(s);
	if (rc != SQLITE_DONE)
		return sq_db_error(st, rc, "read evidence", err);
	return bad ? store_history_refused(person, competency, err) : 0;
}

/* Stores the sums and history of one pair, or removes them when there are
 * none. */
static int put_pair_sums(struct store *st, int64_t person, int64_t competency,
			 const struct evidence_sums *v, const struct buf *history,
			 struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, v->n_self + v->n_other > 0 ? Q_PUT_SUMS : Q_DELETE_SUMS, err);
	struct evidence_sums with_best = *v;

	if (s == NULL)
		return -1;
	if (v->n_self + v->n_other > 0) {
		if (store_best_level(st, person, competency, (const unsigned char *)history->data,
				     history->len, &with_best, err) < 0)
			return -1;
		bind_sums(s, person, competency, &with_best, (const unsigned char *)history->data,
			  history->len);
	} else {
		sqlite3_bind_int64(s, 1, person);
		sqlite3_bind_int64(s, 2, competency);
	}
	return sq_step_done(st, s, "store running sums", NULL, err);
}

/* Recomputes the sums of the pair that evidence row id belongs to. */
static int recompute_pair_of(struct store *st, int64_t id, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PAIR_OF_EVIDENCE, err);
	int64_t person, competency;
	struct evidence_sums v;
	struct buf history;
	int rc;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	person = sqlite3_column_int64(s, 0);
	competency = sqlite3_column_int64(s, 1);
	sqlite3_reset(s);
	if (rc != SQLITE_ROW)
		return sq_db_error(st, rc, "read evidence", err);
	buf_init(&history, SIZE_MAX);
	rc = pair_sums(st, person, competency, &v, &history, err);
	if (rc == 0)
		rc = put_pair_sums(st, person, competency, &v, &history, err);
	buf_free(&history);
	return rc;
}

int sq_add_sums(struct store *st, const struct pair_sums *pairs, size_t n,
		struct err *err)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s = sq_prepare(st, Q_ADD_SUMS, err);

		if (s == NULL)
			return -1;
		bind_sums(s, pairs[i].person_id, pairs[i].competency_id, &pairs[i].sums,
			  pairs[i].history, pairs[i].history_len);
		if (sq_step_done(st, s, "store running sums", NULL, err) < 0)
			return -1;
	}
	return 0;
}

/* One lookup by the table's key a pair: a writer of SQLite is alone, so
 * what it reads stays until it commits. */
/* Whether any pair of competency between the people lo and hi is stored:
 * 1, 0, or -1 with err set. */
static int pairs_stored(struct store *st, int64_t competency, int64_t lo, int64_t hi,
			struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PAIRS_STORED, err);
	int rc, found = 0;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, competency);
	sqlite3_bind_int64(s, 2, lo);
	sqlite3_bind_int64(s, 3, hi);
	if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
		found = 1;
		rc = SQLITE_DONE;
	}
	if (sq_each_done(st, s, rc, 0, "read running sums", err) != 0)
		return -1;
	return found;
}

/* The pairs come in the table's key order (store_pending_flush): a run
 * of one competency whose range of people holds no stored pair (a first
 * import, new people) is skipped with one probe instead of a lookup per
 * pair, which cost a fifth of a million-row import into a new database. */
int sq_stored_histories(struct store *st, const struct pair_sums *pairs, size_t n,
			int (*cb)(void *ctx, size_t i, const unsigned char *blob, size_t len),
			void *ctx, struct err *err)
{
	for (size_t i = 0; i < n; i++) {
		sqlite3_stmt *s;
		int rc, stop = 0;

		if (i == 0 || pairs[i].competency_id != pairs[i - 1].competency_id) {
			size_t end = i;
			int any;

			while (end + 1 < n && pairs[end + 1].competency_id == pairs[i].competency_id)
				end++;
			any = pairs_stored(st, pairs[i].competency_id, pairs[i].person_id,
					   pairs[end].person_id, err);
			if (any < 0)
				return -1;
			if (any == 0) {
				i = end;
				continue;
			}
		}
		s = sq_prepare(st, Q_PAIR_HISTORY, err);
		if (s == NULL)
			return -1;
		sqlite3_bind_int64(s, 1, pairs[i].person_id);
		sqlite3_bind_int64(s, 2, pairs[i].competency_id);
		if ((rc = sqlite3_step(s)) == SQLITE_ROW) {
			stop = cb(ctx, i, sqlite3_column_blob(s, 0),
				  (size_t)sqlite3_column_bytes(s, 0));
			rc = SQLITE_DONE;    /* one row at most: the pair is the key */
		}
		if ((rc = sq_each_done(st, s, rc, stop, "read running sums", err)) != 0)
			return rc;
	}
	return 0;
}

/* Rebuilds the sums and the histories: the histories need it only when
 * they are new (migration 4), but the pass reads the same rows. */
/* The indexes on the sums (the level's, the best level's), dropped
 * before a rebuild and made again from the SQL they were made with: one
 * sort each at the end costs a fifth of keeping them row by row (the best
 * level's holds the histories). */
static int drop_sums_indexes(struct store *st, struct buf *made, struct err *err)
{
	struct buf drop;
	sqlite3_stmt *s;
	int rc = 0;

	if (sqlite3_prepare_v2(sq_conn_of(st)->db,
			       "SELECT group_concat(sql, ';') || ';',"
			       " group_concat('DROP INDEX ' || name, ';') || ';' FROM sqlite_master"
			       " WHERE type = 'index' AND tbl_name = 'evidence_sum' AND sql IS NOT NULL",
			       -1, &s, NULL) != SQLITE_OK)
		return sq_db_error(st, sqlite3_errcode(sq_conn_of(st)->db), "rebuild running sums", err);
	buf_init(&drop, SIZE_MAX);
	if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_type(s, 0) != SQLITE_NULL &&
	    (buf_adds(made, sq_column_text(s, 0)) < 0 || buf_adds(&drop, sq_column_text(s, 1)) < 0))
		rc = err_set(err, EX_OSERR, "out of memory");
	/* Done with the statement before the schema changes. */
	sqlite3_finalize(s);
	if (rc == 0 && drop.len > 0)
		rc = sq_exec(st, buf_str(&drop), "rebuild running sums", err);
	buf_free(&drop);
	return rc < 0 ? -1 : 0;
}

int sq_rebuild_sums(struct store *st, struct err *err)
{
	sqlite3_stmt *s;
	struct evidence_sums v = { 0 };
	struct buf history, indexes;
	int64_t person = 0, competency = 0;
	int rc, fail = 0;

	buf_init(&indexes, SIZE_MAX);
	if (drop_sums_indexes(st, &indexes, err) < 0 ||
	    sq_exec(st, "DELETE FROM evidence_sum", "rebuild running sums", err) < 0) {
		buf_free(&indexes);
		return -1;
	}
	s = sq_prepare(st, Q_ALL_ROWS_BY_PAIR, err);
	if (s == NULL)
		return -1;
	buf_init(&history, SIZE_MAX);
	while (fail == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		int64_t p = sqlite3_column_int64(s, 0), c = sqlite3_column_int64(s, 1);

		if (p != person || c != competency) {
			if (person != 0 && put_pair_sums(st, person, competency, &v, &history, err) < 0) {
				fail = -1;
				break;
			}
			memset(&v, 0, sizeof v);
			buf_reset(&history);
			if (history_begin(&history) < 0)
				fail = store_history_refused(p, c, err);
		}
		person = p;
		competency = c;
		if (fail == 0 && add_row(s, 2, &st->settings, &v, &history) < 0)
			fail = store_history_refused(person, competency, err);
	}
	sqlite3_reset(s);
	if (fail == 0 && rc != SQLITE_DONE)
		fail = sq_db_error(st, rc, "rebuild running sums", err);
	if (fail == 0 && person != 0)
		fail = put_pair_sums(st, person, competency, &v, &history, err);
	if (fail == 0 && indexes.len > 0)
		fail = sq_exec(st, buf_str(&indexes), "rebuild running sums", err);
	buf_free(&history);
	buf_free(&indexes);
	return fail < 0 ? -1 : 0;
}

int sq_each_setting(struct store *st,
		    int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
		    struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_SETTINGS, err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	while ((rc = sqlite3_step(s)) == SQLITE_ROW && stop == 0)
		stop = cb(ctx, sq_column_text(s, 0), sq_column_text(s, 1));
	return sq_each_done(st, s, rc, stop, "read settings", err);
}

int sq_put_setting(struct store *st, const char *key, const char *value, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PUT_SETTING, err);

	if (s == NULL)
		return -1;
	sq_bind_text(s, 1, key);
	sq_bind_text(s, 2, value);
	return sq_step_done(st, s, "store a setting", NULL, err);
}

int sq_get_sums(struct store *st, int64_t person_id, int64_t competency_id,
		int32_t as_of, struct evidence_sums *out, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_PAIR_SUMS, err);
	int rc, fail = 0;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, competency_id);
	sqlite3_bind_int64(s, 2, person_id);
	sqlite3_bind_int(s, 3, as_of);
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW) {
		sq_column_sums(s, 0, out);
		fail = store_pair_as_of(st, person_id, competency_id, sqlite3_column_blob(s, 8),
					(size_t)sqlite3_column_bytes(s, 8), as_of, out, err);
	}
	sqlite3_reset(s);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return sq_db_error(st, rc, "read running sums", err);
	return fail;
}

int sq_each_sums(struct store *st, int64_t competency_id, int32_t as_of,
		 int (*cb)(void *ctx, const struct pair_sums *p),
		 void *ctx, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, competency_id != 0 ? Q_COMPETENCY_SUMS : Q_ALL_SUMS, err);
	int rc, stop = 0;

	if (s == NULL)
		return -1;
	sqlite3_bind_int(s, 1, as_of);
	if (competency_id != 0)
		sqlite3_bind_int64(s, 2, competency_id);
	while (stop == 0 && (rc = sqlite3_step(s)) == SQLITE_ROW) {
		struct pair_sums p = {
			.person_id = sqlite3_column_int64(s, 0),
			.competency_id = sqlite3_column_int64(s, 1),
			.history = sqlite3_column_blob(s, 10),
			.history_len = (size_t)sqlite3_column_bytes(s, 10),
		};

		sq_column_sums(s, 2, &p.sums);
		stop = cb(ctx, &p);
	}
	return sq_each_done(st, s, rc, stop, "read running sums", err);
}

int sq_newest_evidence(struct store *st, int32_t *date, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_NEWEST, err);
	int rc;

	*date = 0;
	if (s == NULL)
		return -1;
	rc = sqlite3_step(s);
	if (rc == SQLITE_ROW)
		*date = sqlite3_column_int(s, 0);
	sqlite3_reset(s);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : sq_db_error(st, rc, "read evidence dates", err);
}

int sq_note_newest(struct store *st, int32_t date, struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_NOTE_NEWEST, err);

	if (s == NULL)
		return -1;
	sqlite3_bind_int(s, 1, date);
	return sq_step_done(st, s, "store the newest evidence date", NULL, err);
}

int sq_retract_evidence(struct store *st, int64_t id, const char *reason,
			struct err *err)
{
	sqlite3_stmt *s = sq_prepare(st, Q_EVIDENCE_STATE, err);
	char now[32];
	int rc, retracted;

	if (s == NULL)
		return -1;
	sqlite3_bind_int64(s, 1, id);
	rc = sqlite3_step(s);
	retracted = rc == SQLITE_ROW ? sqlite3_column_int(s, 0) : 0;
	sqlite3_reset(s);
	if (rc == SQLITE_DONE)
		return err_set(err, EX_DATAERR, "no evidence row %lld; 'compgap show person ID' lists the ids",
			       (long long)id);
	if (rc != SQLITE_ROW)
		return sq_db_error(st, rc, "read evidence", err);
	if (retracted)
		return err_set(err, EX_DATAERR, "evidence row %lld is retracted already", (long long)id);
	s = sq_prepare(st, Q_RETRACT, err);
	if (s == NULL)
		return -1;
	store_now_utc(now);
	sqlite3_bind_int64(s, 1, id);
	sq_bind_text(s, 2, reason);
	sq_bind_text(s, 3, now);
	if (sq_step_done(st, s, "retract evidence", NULL, err) < 0)
		return -1;
	return recompute_pair_of(st, id, err);
}
