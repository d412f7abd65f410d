/* The purge of evidence older than the retention period (store/privacy.h):
 * the rows before the cut-off removed and each pair that had some
 * recomputed from the rows left, as a retraction recomputes its pair. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/history.h"
#include "store/privacy_int.h"
#include "util/date.h"

int32_t privacy_cutoff(int32_t today, int years)
{
	int y, m, d;

	date_to_ymd(today, &y, &m, &d);
	y -= years;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	return date_from_ymd(y, m, d);
}

/* The pairs with rows before the cut-off, two ids each, and how many rows. */
struct pairs {
	int64_t *ids;
	size_t n, cap;
	int64_t rows;
	int oom;
};

static int pair_row(void *ctx, const char *const *c, int n)
{
	struct pairs *p = ctx;

	if (n < 3)
		return 0;
	if (p->n == p->cap) {
		size_t cap = p->cap == 0 ? 64 : 2 * p->cap;
		int64_t *ids = realloc(p->ids, cap * 2 * sizeof *ids);

		if (ids == NULL) {
			p->oom = 1;
			return 1;
		}
		p->ids = ids;
		p->cap = cap;
	}
	p->ids[2 * p->n] = pv_int(c[0]);
	p->ids[2 * p->n + 1] = pv_int(c[1]);
	p->n++;
	p->rows += pv_int(c[2]);
	return 0;
}

static int take_count(void *ctx, const char *const *c, int n)
{
	if (n > 0)
		*(int64_t *)ctx = pv_int(c[0]);
	return 0;
}

/* A pair's rows in force, summed. */
struct pair_acc {
	const struct settings *set;
	struct evidence_sums v;
	struct buf history;
	int bad;
};

static int pair_rows(void *ctx, const char *const *c, int n)
{
	struct pair_acc *a = ctx;
	enum source src = SOURCE_SELF;
	double level;
	int32_t date;

	if (n < 4 || c[0] == NULL || c[1] == NULL || source_parse(c[1], &src) < 0) {
		a->bad = 1;
		return 0;
	}
	level = strtod(c[0], NULL);
	date = (int32_t)pv_int(c[2]);
	sums_add(&a->v, a->set, src, level, date);
	a->bad |= history_append(&a->history, src, level, (int)pv_int(c[3]), date) < 0;
	return 0;
}

/* Recomputes the sums and history of one pair from its rows in force, as
 * a retraction does (the sums locked first on PostgreSQL), and stores
 * them, or removes them when no row is left. */
static int recompute_pair(struct store *st, int64_t person, int64_t competency,
			  struct err *err)
{
	struct pair_acc a = { &st->settings, { 0 }, { 0 }, 0 };
	struct pv_param p[11];
	int rc;

	p[0] = P_INT(person);
	p[1] = P_INT(competency);
	if (pv_run(st, PV_LOCK_SUMS, p, 2, NULL, NULL, NULL, err) < 0)
		return -1;
	buf_init(&a.history, SIZE_MAX);
	a.bad = history_begin(&a.history) < 0;
	rc = pv_run(st, PV_PAIR_ROWS, p, 2, pair_rows, &a, NULL, err);
	if (rc == 0 && a.bad)
		rc = store_history_refused(person, competency, err);
	if (rc == 0 && a.v.n_self + a.v.n_other == 0) {
		rc = pv_run(st, PV_DELETE_PAIR_SUMS, p, 2, NULL, NULL, NULL, err);
	} else if (rc == 0 &&
		   (rc = store_best_level(st, person, competency,
					  (const unsigned char *)a.history.data, a.history.len,
					  &a.v, err)) == 0) {
		p[2] = P_INT(a.v.n_self);
		p[3] = P_REAL(a.v.w_self);
		p[4] = P_REAL(a.v.wl_self);
		p[5] = P_INT(a.v.n_other);
		p[6] = P_REAL(a.v.w_other);
		p[7] = P_REAL(a.v.wl_other);
		p[8] = P_INT(a.v.max_date);
		p[9] = P_BLOB(a.history.data, a.history.len);
		p[10] = P_REAL(a.v.best_level);
		rc = pv_run(st, PV_PUT_SUMS, p, 11, NULL, NULL, NULL, err);
	}
	buf_free(&a.history);
	return rc < 0 ? -1 : 0;
}

int store_privacy_purge(struct store *st, int32_t cutoff, int dry, struct privacy_purged *out,
			struct err *err)
{
	struct pairs pairs = { 0 };
	struct pv_param p[1] = { P_INT(cutoff) };
	int64_t deleted = 0;
	int rc = -1;

	memset(out, 0, sizeof *out);
	out->cutoff = cutoff;
	if (!dry && !st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot purge evidence outside a transaction");
	if (pv_run(st, PV_PAIRS_BEFORE, p, 1, pair_row, &pairs, NULL, err) < 0)
		goto out;
	if (pairs.oom) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	out->rows = pairs.rows;
	out->pairs = (int64_t)pairs.n;
	if (pv_run(st, PV_RETRACTED_BEFORE, p, 1, take_count, &out->retractions, NULL, err) < 0)
		goto out;
	if (dry || pairs.n == 0) {
		rc = 0;
		goto out;
	}
	if (pv_run(st, PV_PURGE_RETRACTIONS, p, 1, NULL, NULL, NULL, err) < 0 ||
	    pv_run(st, PV_PURGE_EVALUATION_LINKS, p, 1, NULL, NULL, NULL, err) < 0 ||
	    pv_run(st, PV_PURGE_EVIDENCE, p, 1, NULL, NULL, &deleted, err) < 0)
		goto out;
	if (deleted != out->rows) {
		/* Another writer added old rows between the two statements
		 * (PostgreSQL, READ COMMITTED): their pairs were not listed.
		 * Run the whole transaction again rather than recompute half. */
		err_set(err, EX_TEMPFAIL, "the evidence changed during the purge; try again");
		err->retry = 1;
		goto out;
	}
	/* In the order of (competency, person), the lock order of the sums. */
	for (size_t i = 0; i < pairs.n; i++)
		if (recompute_pair(st, pairs.ids[2 * i], pairs.ids[2 * i + 1], err) < 0)
			goto out;
	rc = 0;
out:
	free(pairs.ids);
	return rc;
}

