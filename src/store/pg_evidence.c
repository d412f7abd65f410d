/* PostgreSQL: evidence in (COPY, bulk loads), retractions, the running
 * sums (added, recomputed, rebuilt) and the settings they depend on. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/history.h"
#include "store/sql_shared.h"
#include "store/pg_int.h"

/* Read through a cursor (pgb_cursor_rows), not prepared: the results are
 * large. */
static const char all_sums_sql[] =
	"SELECT person_id, competency_id, " SUM_COLUMNS ","
	" CASE WHEN max_date > $1::integer THEN history END FROM evidence_sum";
static const char competency_sums_sql[] =
	"SELECT person_id, competency_id, " SUM_COLUMNS ","
	" CASE WHEN max_date > $1::integer THEN history END FROM evidence_sum"
	" WHERE competency_id = $2::bigint";
/* In the order of the sums' key, in which the rebuild inserts them: the
 * heap then holds each competency's holders together, as the imports
 * leave it, and the mentor search reads a few pages for them, not one
 * page a holder (4,718 pages instead of 73 for one competency of the
 * 50,000-person benchmark, 19 ms instead of 7). */
static const char all_rows_by_pair_sql[] =
	"SELECT e.person_id, e.competency_id, e.level, e.source, e.date, e.level_decimals"
	" FROM evidence e"
	" WHERE " IN_FORCE " ORDER BY e.competency_id, e.person_id";

static int evidence_line(struct store *st, struct buf *b, const struct evidence *e,
			 const int64_t *ids)
{
	char level[DTOA_MAX];

	(void)dtoa_shortest(e->level, level);
	if (e->id != 0 && buf_printf(b, "%lld\t", (long long)e->id) < 0)
		return -1;
	if (buf_printf(b, "%lld\t%lld\t%s\t%d\t%s\t%d\t", (long long)ids[0], (long long)ids[1],
		       level, e->level_decimals, source_name(e->source), (int)e->date) < 0)
		return -1;
	if ((ids[2] != 0 ? buf_printf(b, "%lld\t", (long long)ids[2]) : buf_adds(b, "\\N\t")) < 0 ||
	    pgb_copy_text(b, e->note) < 0)
		return -1;
	if (st->batch != 0)
		return buf_printf(b, "\t%lld\n", (long long)st->batch);
	return buf_adds(b, "\t\\N\n");
}

/* A large load is several times faster without the evidence index and
 * its foreign keys, put back at commit (as pg_restore does): a B-tree
 * built by sorting, and each reference checked by one join, instead of an
 * index insert and three lookups that lock the person per row. As in
 * SQLite (sqlite_evidence.c), this starts once the transaction has
 * appended BULK_MIN_ROWS rows and at least a third as many as were there
 * before. The evidence table is then the transaction's alone until it
 * ends (docs/deployment.md); all of it is DDL inside the transaction, so
 * a rollback puts everything back. */
static int bulk_check(struct store *st, struct err *err)
{
	static const char plan[] =
		"SELECT coalesce(string_agg(format('ALTER TABLE evidence DROP CONSTRAINT %I;', conname), ' '), ''),"
		" coalesce(string_agg(format('ALTER TABLE evidence ADD CONSTRAINT %I %s;', conname,"
		"   pg_get_constraintdef(oid)), ' '), ''),"
		" (SELECT coalesce(pg_get_indexdef(to_regclass('evidence_person_competency')), ''))"
		" FROM pg_constraint WHERE conrelid = 'evidence'::regclass AND contype = 'f'";
	struct conn *c = pgb_conn_of(st);
	struct buf drop;
	PGresult *r;
	int64_t total = 0;
	int rc;

	if (c->bulk_restore.len > 0 || c->tx_evidence < BULK_MIN_ROWS)
		return 0;
	if (c->evidence_before < 0) {
		if (pq_count(st, ENTITY_EVIDENCE, &total, err) < 0)
			return -1;
		c->evidence_before = total - c->tx_evidence;
	}
	if (c->tx_evidence * 3 < c->evidence_before + c->tx_evidence)
		return 0;
	if (pgb_copy_close(st, err) < 0)
		return -1;
	r = PQexec(pgb_pg(st), plan);
	if (PQresultStatus(r) != PGRES_TUPLES_OK) {
		pgb_error(st, r, "prepare a bulk load", err);
		PQclear(r);
		return -1;
	}
	buf_init(&drop, BUF_MAX);
	rc = buf_adds(&drop, PQgetvalue(r, 0, 0));
	if (rc == 0 && *PQgetvalue(r, 0, 2) != '\0')
		rc = buf_adds(&drop, " DROP INDEX evidence_person_competency;");
	if (rc == 0 && *PQgetvalue(r, 0, 2) != '\0')
		rc = buf_printf(&c->bulk_restore, "%s;", PQgetvalue(r, 0, 2));
	if (rc == 0)
		rc = buf_adds(&c->bulk_restore, PQgetvalue(r, 0, 1));
	PQclear(r);
	if (rc < 0) {
		buf_free(&drop);
		return err_set(err, EX_OSERR, "out of memory");
	}
	rc = drop.len > 0 ? pgb_exec(st, buf_str(&drop), "prepare a bulk load", err) : 0;
	buf_free(&drop);
	return rc;
}

int pq_append_evidence(struct store *st, const struct evidence *rows,
		       const int64_t *ids, size_t n, struct err *err)
{
	struct conn *c = pgb_conn_of(st);
	struct buf *b = &c->copy;
	/* Rows of one call all have their ids reserved (store_reserve_ids), or
	 * none has: the COPY names the id column or leaves it to the
	 * identity. */
	bool with_ids = n > 0 && rows[0].id != 0;

	if (c->copy_open && c->copy_ids != with_ids && pgb_copy_close(st, err) < 0)
		return -1;
	if (!c->copy_open) {
		if (pgb_copy_begin(st, with_ids ?
				   "COPY evidence(id, person_id, competency_id, level, level_decimals,"
				   " source, date, assessor_id, note, import_id) FROM STDIN" :
				   "COPY evidence(person_id, competency_id, level, level_decimals,"
				   " source, date, assessor_id, note, import_id) FROM STDIN",
				   "store evidence", err) < 0)
			return -1;
		c->copy_open = true;
		c->copy_ids = with_ids;
	}
	buf_reset(b);
	for (size_t i = 0; i < n; i++) {
		if ((rows[i].id != 0) != with_ids)
			return err_set(err, EX_SOFTWARE, "evidence rows with and without reserved ids");
		if (evidence_line(st, b, &rows[i], &ids[3 * i]) < 0)
			return err_set(err, EX_OSERR, "out of memory");
		if (b->len >= COPY_FLUSH_BYTES && pgb_copy_send(st, b, err) < 0)
			return -1;
	}
	if (pgb_copy_send(st, b, err) < 0)
		return -1;
	c->tx_evidence += (int64_t)n;
	return bulk_check(st, err);
}

/* One array literal per column of the pairs, for Q_ADD_SUMS; the tenth
 * holds each pair's history in hex, the eleventh its best level. */
enum { SUMS_ARRAYS = 11 };

static int sums_arrays(const struct pair_sums *pairs, size_t n, struct buf col[SUMS_ARRAYS])
{
	for (int k = 0; k < SUMS_ARRAYS; k++) {
		buf_reset(&col[k]);
		if (buf_addc(&col[k], '{') < 0)
			return -1;
	}
	for (size_t i = 0; i < n; i++) {
		const struct evidence_sums *v = &pairs[i].sums;
		const double reals[5] = { v->w_self, v->wl_self, v->w_other, v->wl_other,
					  v->best_level };
		static const int real_col[5] = { 3, 4, 6, 7, 10 };
		const char *sep = i + 1 < n ? "," : "}";

		if (buf_printf(&col[0], "%lld%s", (long long)pairs[i].person_id, sep) < 0 ||
		    buf_printf(&col[1], "%lld%s", (long long)pairs[i].competency_id, sep) < 0 ||
		    buf_printf(&col[2], "%lld%s", (long long)v->n_self, sep) < 0 ||
		    buf_printf(&col[5], "%lld%s", (long long)v->n_other, sep) < 0 ||
		    buf_printf(&col[8], "%d%s", (int)v->max_date, sep) < 0 ||
		    buf_addc(&col[9], '"') < 0 ||
		    pgb_hex_add(&col[9], pairs[i].history, pairs[i].history_len) < 0 ||
		    buf_printf(&col[9], "\"%s", sep) < 0)
			return -1;
		for (int k = 0; k < 5; k++) {
			char d[DTOA_MAX];

			(void)dtoa_shortest(reals[k], d);
			if (buf_printf(&col[real_col[k]], "%s%s", d, sep) < 0)
				return -1;
		}
	}
	return 0;
}

int pq_add_sums(struct store *st, const struct pair_sums *pairs, size_t n,
		struct err *err)
{
	struct buf col[SUMS_ARRAYS];
	struct params p = { 0 };
	int rc = -1;

	if (n == 0)
		return 0;
	for (int k = 0; k < SUMS_ARRAYS; k++)
		buf_init(&col[k], BUF_MAX);
	if (sums_arrays(pairs, n, col) < 0) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	for (int k = 0; k < SUMS_ARRAYS; k++)
		pgb_param_text(&p, buf_str(&col[k]));
	rc = pgb_run_done(st, Q_ADD_SUMS, &p, "store running sums", NULL, err);
out:
	for (int k = 0; k < SUMS_ARRAYS; k++)
		buf_free(&col[k]);
	return rc;
}

struct stored_cb {
	int (*cb)(void *ctx, size_t i, const unsigned char *blob, size_t len);
	void *ctx;
};

static int stored_row(const PGresult *r, int i, void *arg)
{
	struct stored_cb *k = arg;

	return k->cb(k->ctx, (size_t)pgb_col_int(r, i, 0), pgb_col_bytes(r, i, 1),
		     (size_t)PQgetlength(r, i, 1));
}

int pq_stored_histories(struct store *st, const struct pair_sums *pairs, size_t n,
			int (*cb)(void *ctx, size_t i, const unsigned char *blob, size_t len),
			void *ctx, struct err *err)
{
	struct stored_cb k = { cb, ctx };
	struct buf people, competencies;
	struct params p = { 0 };
	int rc = -1;

	if (n == 0)
		return 0;
	if (pgb_run_done(st, Q_LOCK_SUMS_WRITERS, NULL, "lock running sums", NULL, err) < 0)
		return -1;
	buf_init(&people, BUF_MAX);
	buf_init(&competencies, BUF_MAX);
	for (size_t i = 0; i < n; i++) {
		const char *sep = i == 0 ? "{" : ",";

		if (buf_printf(&people, "%s%lld", sep, (long long)pairs[i].person_id) < 0 ||
		    buf_printf(&competencies, "%s%lld", sep, (long long)pairs[i].competency_id) < 0) {
			err_set(err, EX_OSERR, "out of memory");
			goto out;
		}
	}
	if (buf_addc(&people, '}') < 0 || buf_addc(&competencies, '}') < 0) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	pgb_param_text(&p, buf_str(&people));
	pgb_param_text(&p, buf_str(&competencies));
	rc = pgb_run_rows(st, Q_PAIR_HISTORIES, &p, stored_row, &k, "read running sums", err);
out:
	buf_free(&people);
	buf_free(&competencies);
	return rc;
}

/* Adds a row's level, source, date and level's decimals (columns
 * first..+3) to sums and its entry to history. */
static int add_row(const PGresult *r, int i, int first, const struct settings *set,
		   struct evidence_sums *sums, struct buf *history)
{
	enum source src = SOURCE_SELF;
	double level = pgb_col_real(r, i, first);
	int32_t date = (int32_t)pgb_col_int(r, i, first + 2);

	(void)source_parse(pgb_col_text(r, i, first + 1), &src);
	sums_add(sums, set, src, level, date);
	return history_append(history, src, level, (int)pgb_col_int(r, i, first + 3), date);
}

struct pair_acc {
	const struct settings *set;
	struct evidence_sums v;
	struct buf history;
	int bad;
};

static int pair_row(const PGresult *r, int i, void *arg)
{
	struct pair_acc *a = arg;

	a->bad |= add_row(r, i, 0, a->set, &a->v, &a->history);
	return 0;
}

static void sums_params(struct params *p, int64_t person, int64_t competency,
			const struct evidence_sums *v)
{
	pgb_param_int(p, person);
	pgb_param_int(p, competency);
	pgb_param_int(p, v->n_self);
	pgb_param_real(p, v->w_self);
	pgb_param_real(p, v->wl_self);
	pgb_param_int(p, v->n_other);
	pgb_param_real(p, v->w_other);
	pgb_param_real(p, v->wl_other);
	pgb_param_int(p, v->max_date);
}

/* Recomputes the sums of the pair that evidence row id belongs to. The
 * sums row is locked first: an import that adds to it waits until this
 * transaction ends and then adds on top, and one that committed before
 * the lock has its rows counted here, since each statement at READ
 * COMMITTED sees what was committed before it began. */
static int recompute_pair_of(struct store *st, int64_t id, struct err *err)
{
	struct params p = { 0 };
	struct pair_acc a = { &st->settings, { 0 }, { 0 }, 0 };
	struct buf hex;
	PGresult *r;
	int64_t person, competency;
	int rc;

	pgb_param_int(&p, id);
	r = pgb_run(st, Q_PAIR_OF_EVIDENCE, &p, "read evidence", err);
	if (r == NULL)
		return -1;
	person = pgb_col_int(r, 0, 0);
	competency = pgb_col_int(r, 0, 1);
	PQclear(r);
	p.n = 0;
	pgb_param_int(&p, person);
	pgb_param_int(&p, competency);
	if (pgb_run_done(st, Q_LOCK_SUMS, &p, "lock running sums", NULL, err) < 0)
		return -1;
	buf_init(&a.history, BUF_MAX);
	buf_init(&hex, BUF_MAX);
	a.bad = history_begin(&a.history);
	rc = pgb_run_rows(st, Q_PAIR_ROWS, &p, pair_row, &a, "read evidence", err);
	if (rc == 0 && a.bad)
		rc = store_history_refused(person, competency, err);
	p.n = 0;
	if (rc == 0 && a.v.n_self + a.v.n_other == 0) {
		pgb_param_int(&p, person);
		pgb_param_int(&p, competency);
		rc = pgb_run_done(st, Q_DELETE_SUMS, &p, "store running sums", NULL, err);
	} else if (rc == 0) {
		if (store_best_level(st, person, competency, (const unsigned char *)a.history.data,
				     a.history.len, &a.v, err) < 0) {
			rc = -1;
		} else if (pgb_hex_add(&hex, (const unsigned char *)a.history.data, a.history.len) < 0) {
			rc = err_set(err, EX_OSERR, "out of memory");
		} else {
			sums_params(&p, person, competency, &a.v);
			pgb_param_text(&p, buf_str(&hex));
			pgb_param_real(&p, a.v.best_level);
			rc = pgb_run_done(st, Q_PUT_SUMS, &p, "store running sums", NULL, err);
		}
	}
	buf_free(&a.history);
	buf_free(&hex);
	return rc < 0 ? -1 : 0;
}

int pq_retract_evidence(struct store *st, int64_t id, const char *reason,
			struct err *err)
{
	struct params p = { 0 };
	PGresult *r;
	int64_t retracted;
	char now[32];
	int rows;

	pgb_param_int(&p, id);
	r = pgb_run(st, Q_EVIDENCE_STATE, &p, "read evidence", err);
	if (r == NULL)
		return -1;
	rows = PQntuples(r);
	retracted = rows > 0 ? pgb_col_int(r, 0, 0) : 0;
	PQclear(r);
	if (rows == 0)
		return err_set(err, EX_DATAERR, "no evidence row %lld; 'compgap show person ID' lists the ids",
			       (long long)id);
	if (retracted)
		return err_set(err, EX_DATAERR, "evidence row %lld is retracted already", (long long)id);
	store_now_utc(now);
	pgb_param_text(&p, reason);
	pgb_param_text(&p, now);
	r = pgb_run(st, Q_RETRACT, &p, "retract evidence", err);
	if (r == NULL)
		return -1;
	rows = PQntuples(r);
	PQclear(r);
	if (rows == 0)
		return err_set(err, EX_DATAERR, "evidence row %lld is retracted already", (long long)id);
	return recompute_pair_of(st, id, err);
}

/* Every pair's rows in order, summed and written in batches, with their
 * histories (new with migration 4; the pass reads the same rows). */
struct rebuild {
	struct store *st;
	struct err *err;
	struct pair_sums *pairs;     /* the batch; the last one is being summed */
	size_t n;
	struct buf entries;          /* the batch's histories, pair after pair */
	size_t *start;               /* per pair of the batch: where its history starts */
};

static int rebuild_flush(struct rebuild *b)
{
	int rc;

	/* The buffer may have moved while it grew: point into it now. */
	for (size_t k = 0; k < b->n; k++) {
		size_t end = k + 1 < b->n ? b->start[k + 1] : b->entries.len;

		b->pairs[k].history = (const unsigned char *)b->entries.data + b->start[k];
		b->pairs[k].history_len = end - b->start[k];
		if (store_best_level(b->st, b->pairs[k].person_id, b->pairs[k].competency_id,
				     b->pairs[k].history, b->pairs[k].history_len, &b->pairs[k].sums,
				     b->err) < 0)
			return -1;
	}
	rc = pq_add_sums(b->st, b->pairs, b->n, b->err);
	b->n = 0;
	buf_reset(&b->entries);
	return rc < 0 ? -1 : 0;
}

static int rebuild_row(const PGresult *r, int i, void *arg)
{
	enum { BATCH = 8192 };
	struct rebuild *b = arg;
	int64_t person = pgb_col_int(r, i, 0), competency = pgb_col_int(r, i, 1);
	struct pair_sums *last = b->n > 0 ? &b->pairs[b->n - 1] : NULL;

	if (last == NULL || last->person_id != person || last->competency_id != competency) {
		/* The rows come by pair, so every pair in the batch is whole. */
		if (b->n == BATCH && rebuild_flush(b) < 0)
			return -1;
		if (b->pairs == NULL && ((b->pairs = malloc(BATCH * sizeof *b->pairs)) == NULL ||
					 (b->start = malloc(BATCH * sizeof *b->start)) == NULL)) {
			err_set(b->err, EX_OSERR, "out of memory");
			return -1;
		}
		b->start[b->n] = b->entries.len;
		last = &b->pairs[b->n++];
		*last = (struct pair_sums){ person, competency, { 0 }, NULL, 0 };
		if (history_begin(&b->entries) < 0)
			return store_history_refused(person, competency, b->err);
	}
	if (add_row(r, i, 2, &b->st->settings, &last->sums, &b->entries) < 0)
		return store_history_refused(person, competency, b->err);
	return 0;
}

int pq_rebuild_sums(struct store *st, struct err *err)
{
	struct rebuild b = { st, err, NULL, 0, { 0 }, NULL };
	int rc;

	buf_init(&b.entries, SIZE_MAX);

	if (pgb_exec(st, "DELETE FROM evidence_sum", "rebuild running sums", err) < 0)
		return -1;
	rc = pgb_cursor_rows(st, all_rows_by_pair_sql, NULL, rebuild_row, &b, "rebuild running sums", err);
	if (rc == 0 && b.n > 0)
		rc = rebuild_flush(&b);
	free(b.pairs);
	free(b.start);
	buf_free(&b.entries);
	return rc != 0 ? -1 : 0;
}

/* ---- settings ------------------------------------------------------------- */

struct setting_cb {
	int (*cb)(void *ctx, const char *key, const char *value);
	void *ctx;
};

static int setting_row(const PGresult *r, int i, void *arg)
{
	struct setting_cb *s = arg;

	return s->cb(s->ctx, pgb_col_text(r, i, 0), pgb_col_text(r, i, 1));
}

int pq_each_setting(struct store *st,
		    int (*cb)(void *ctx, const char *key, const char *value), void *ctx,
		    struct err *err)
{
	struct setting_cb s = { cb, ctx };

	return pgb_run_rows(st, Q_SETTINGS, NULL, setting_row, &s, "read settings", err);
}

int pq_put_setting(struct store *st, const char *key, const char *value, struct err *err)
{
	struct params p = { 0 };

	/* Waits for the imports under way, which hold this lock shared. */
	if (pgb_exec(st, "SELECT pg_advisory_xact_lock(" LOCK_SETTINGS ")", "change a setting", err) < 0)
		return -1;
	pgb_param_text(&p, key);
	pgb_param_text(&p, value);
	return pgb_run_done(st, Q_PUT_SETTING, &p, "store a setting", NULL, err);
}

/* Reads sums columns from first on (NULL: no sums). */
void pgb_col_sums(const PGresult *r, int i, int first, struct evidence_sums *out)
{
	memset(out, 0, sizeof *out);
	if (pgb_col_null(r, i, first))
		return;
	out->n_self = pgb_col_int(r, i, first);
	out->w_self = pgb_col_real(r, i, first + 1);
	out->wl_self = pgb_col_real(r, i, first + 2);
	out->n_other = pgb_col_int(r, i, first + 3);
	out->w_other = pgb_col_real(r, i, first + 4);
	out->wl_other = pgb_col_real(r, i, first + 5);
	out->max_date = (int32_t)pgb_col_int(r, i, first + 6);
	out->best_level = pgb_col_real(r, i, first + 7);
}

int pq_get_sums(struct store *st, int64_t person_id, int64_t competency_id,
		int32_t as_of, struct evidence_sums *out, struct err *err)
{
	struct params p = { 0 };
	PGresult *r;
	int rc = 0;

	memset(out, 0, sizeof *out);
	pgb_param_int(&p, competency_id);
	pgb_param_int(&p, person_id);
	pgb_param_int(&p, as_of);
	r = pgb_run(st, Q_PAIR_SUMS, &p, "read running sums", err);
	if (r == NULL)
		return -1;
	if (PQntuples(r) > 0) {
		pgb_col_sums(r, 0, 0, out);
		rc = store_pair_as_of(st, person_id, competency_id, pgb_col_bytes(r, 0, 8),
				      (size_t)PQgetlength(r, 0, 8), as_of, out, err);
	}
	PQclear(r);
	return rc;
}

struct sums_cb {
	int (*cb)(void *ctx, const struct pair_sums *p);
	void *ctx;
};

static int sums_row(const PGresult *r, int i, void *arg)
{
	struct sums_cb *s = arg;
	struct pair_sums p = {
		.person_id = pgb_col_int(r, i, 0),
		.competency_id = pgb_col_int(r, i, 1),
		.history = pgb_col_bytes(r, i, 10),
		.history_len = (size_t)PQgetlength(r, i, 10),
	};

	pgb_col_sums(r, i, 2, &p.sums);
	return s->cb(s->ctx, &p);
}

int pq_each_sums(struct store *st, int64_t competency_id, int32_t as_of,
		 int (*cb)(void *ctx, const struct pair_sums *p),
		 void *ctx, struct err *err)
{
	struct sums_cb s = { cb, ctx };
	struct params p = { 0 };

	pgb_param_int(&p, as_of);
	if (competency_id != 0)
		pgb_param_int(&p, competency_id);
	return pgb_cursor_rows(st, competency_id != 0 ? competency_sums_sql : all_sums_sql, &p,
			       sums_row, &s, "read running sums", err);
}

int pq_newest_evidence(struct store *st, int32_t *date, struct err *err)
{
	int64_t d = 0;
	int rc = pgb_run_done(st, Q_NEWEST, NULL, "read evidence dates", &d, err);

	*date = (int32_t)d;
	return rc;
}

int pq_note_newest(struct store *st, int32_t date, struct err *err)
{
	struct params p = { 0 };

	pgb_param_int(&p, date);
	return pgb_run_done(st, Q_NOTE_NEWEST, &p, "store the newest evidence date", NULL, err);
}
