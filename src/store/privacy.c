/* The privacy rights on either engine (store/privacy.h): the reading of
 * an export's rows, the erasure and the purge, and the recomputing of a
 * purged pair's sums; the SQL is in sqlite_privacy.c and pg_privacy.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/history.h"
#include "store/backend.h"
#include "store/privacy.h"
#include "util/date.h"

static struct pv_param P_INT(int64_t i)
{
	return (struct pv_param){ .kind = PV_INT, .i = i };
}

static struct pv_param P_REAL(double r)
{
	return (struct pv_param){ .kind = PV_REAL, .r = r };
}

static struct pv_param P_TEXT(const char *s)
{
	return (struct pv_param){ .kind = s != NULL ? PV_TEXT : PV_NULL, .s = s };
}

static struct pv_param P_BLOB(const void *p, size_t n)
{
	return (struct pv_param){ .kind = PV_BLOB, .s = p, .n = n };
}

static int run(struct store *st, enum pv_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return st->be->privacy_run(st, id, p, np, row, ctx, changes, err);
}

static int64_t to_int(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

/* The store id of person key; EX_NOINPUT when there is none. */
static int person_id(struct store *st, const char *key, int64_t *id, struct err *err)
{
	int rc = store_lookup(st, ENTITY_PERSON, key, id, err);

	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(err, EX_NOINPUT, "no person '%s'", key);
	return 0;
}

/* ---- reading ---------------------------------------------------------- */

struct assessed_cb {
	int (*cb)(void *ctx, const struct privacy_assessed *a);
	void *ctx;
};

static int assessed_row(void *ctx, const char *const *c, int n)
{
	struct assessed_cb *x = ctx;
	struct privacy_assessed a = { 0 };

	if (n < 7)
		return 0;
	a.id = to_int(c[0]);
	a.competency = c[1];
	a.level = c[2] != NULL ? strtod(c[2], NULL) : 0;
	(void)source_parse(c[3] != NULL ? c[3] : "", &a.source);
	a.date = (int32_t)to_int(c[4]);
	a.reason = c[5];
	a.retracted_at = c[6];
	return x->cb(x->ctx, &a);
}

int store_privacy_each_assessed(struct store *st, const char *person,
				int (*cb)(void *ctx, const struct privacy_assessed *a),
				void *ctx, struct err *err)
{
	struct assessed_cb x = { cb, ctx };
	struct pv_param p[1];
	int64_t id;

	if (person_id(st, person, &id, err) < 0)
		return -1;
	p[0] = P_INT(id);
	return run(st, PV_ASSESSED, p, 1, assessed_row, &x, NULL, err);
}

struct login_cb {
	int (*cb)(void *ctx, const struct privacy_login *l);
	void *ctx;
};

static int login_row(void *ctx, const char *const *c, int n)
{
	struct login_cb *x = ctx;
	struct privacy_login l = { 0 };

	if (n < 9)
		return 0;
	l.kind = c[0];
	l.name = c[1];
	l.role = c[2];
	/* Both engines join the keys with char 31, STORE_TEAM_SEP. */
	l.teams = c[3] != NULL ? c[3] : "";
	l.created_at = c[4];
	l.changed_at = c[5];
	l.disabled = to_int(c[6]) != 0;
	l.last_login = c[7];
	l.sessions = to_int(c[8]);
	return x->cb(x->ctx, &l);
}

int store_privacy_each_login(struct store *st, const char *person,
			     int (*cb)(void *ctx, const struct privacy_login *l), void *ctx,
			     struct err *err)
{
	struct login_cb x = { cb, ctx };
	struct pv_param p[1];
	int64_t id;

	if (person_id(st, person, &id, err) < 0)
		return -1;
	p[0] = P_INT(id);
	return run(st, PV_LOGINS, p, 1, login_row, &x, NULL, err);
}

struct session_cb {
	int (*cb)(void *ctx, const struct privacy_session *s);
	void *ctx;
};

static int session_row(void *ctx, const char *const *c, int n)
{
	struct session_cb *x = ctx;
	struct privacy_session s;

	if (n < 3)
		return 0;
	s.created_at = to_int(c[0]);
	s.last_seen = to_int(c[1]);
	s.address = c[2];
	return x->cb(x->ctx, &s);
}

int store_privacy_each_session(struct store *st, const char *user,
			       int (*cb)(void *ctx, const struct privacy_session *s),
			       void *ctx, struct err *err)
{
	struct session_cb x = { cb, ctx };
	struct pv_param p[1] = { P_TEXT(user) };

	return run(st, PV_SESSIONS, p, 1, session_row, &x, NULL, err);
}

/* ---- erasure ---------------------------------------------------------- */

int store_privacy_erase(struct store *st, const char *person, struct privacy_erased *out,
			struct err *err)
{
	/* In an order that leaves no row referring to one deleted: sessions
	 * and teams before their accounts, retractions before their rows,
	 * references to the person before the person. */
	struct step {
		enum pv_stmt id;
		int64_t *count;
	} steps[] = {
		{ PV_LOCK_PERSON, NULL },
		{ PV_DELETE_SESSIONS, &out->sessions },
		{ PV_DELETE_ACCOUNT_TEAMS, NULL },
		{ PV_DELETE_ACCOUNTS, &out->users },
		{ PV_DELETE_TOKEN_TEAMS, NULL },
		{ PV_DELETE_TOKENS, &out->tokens },
		{ PV_DELETE_RETRACTIONS, &out->retractions },
		{ PV_DELETE_EVIDENCE, &out->evidence },
		{ PV_DELETE_SUMS, &out->sums },
		{ PV_ANONYMISE, &out->assessed },
		{ PV_UNLINK_REPORTS, &out->reports },
		{ PV_DELETE_PERSON, NULL },
	};
	struct pv_param p[1];
	int64_t id;

	memset(out, 0, sizeof *out);
	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot erase a person outside a transaction");
	if (person_id(st, person, &id, err) < 0)
		return -1;
	p[0] = P_INT(id);
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (run(st, steps[i].id, p, 1, NULL, NULL, steps[i].count, err) < 0)
			return -1;
	/* The cached key must not be found again in this transaction. */
	strmap_free(&st->keys[ENTITY_PERSON]);
	st->keys_loaded[ENTITY_PERSON] = 0;
	return 0;
}

/* ---- retention -------------------------------------------------------- */

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
	p->ids[2 * p->n] = to_int(c[0]);
	p->ids[2 * p->n + 1] = to_int(c[1]);
	p->n++;
	p->rows += to_int(c[2]);
	return 0;
}

static int take_count(void *ctx, const char *const *c, int n)
{
	if (n > 0)
		*(int64_t *)ctx = to_int(c[0]);
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
	date = (int32_t)to_int(c[2]);
	sums_add(&a->v, a->set, src, level, date);
	a->bad |= history_append(&a->history, src, level, (int)to_int(c[3]), date) < 0;
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
	if (run(st, PV_LOCK_SUMS, p, 2, NULL, NULL, NULL, err) < 0)
		return -1;
	buf_init(&a.history, SIZE_MAX);
	a.bad = history_begin(&a.history) < 0;
	rc = run(st, PV_PAIR_ROWS, p, 2, pair_rows, &a, NULL, err);
	if (rc == 0 && a.bad)
		rc = store_history_refused(person, competency, err);
	if (rc == 0 && a.v.n_self + a.v.n_other == 0) {
		rc = run(st, PV_DELETE_PAIR_SUMS, p, 2, NULL, NULL, NULL, err);
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
		rc = run(st, PV_PUT_SUMS, p, 11, NULL, NULL, NULL, err);
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
	if (run(st, PV_PAIRS_BEFORE, p, 1, pair_row, &pairs, NULL, err) < 0)
		goto out;
	if (pairs.oom) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	out->rows = pairs.rows;
	out->pairs = (int64_t)pairs.n;
	if (run(st, PV_RETRACTED_BEFORE, p, 1, take_count, &out->retractions, NULL, err) < 0)
		goto out;
	if (dry || pairs.n == 0) {
		rc = 0;
		goto out;
	}
	if (run(st, PV_PURGE_RETRACTIONS, p, 1, NULL, NULL, NULL, err) < 0 ||
	    run(st, PV_PURGE_EVIDENCE, p, 1, NULL, NULL, &deleted, err) < 0)
		goto out;
	if (deleted != out->rows) {
		/* Only another writer could make them differ, and the
		 * transaction keeps it out; refuse rather than half-recompute. */
		err_set(err, EX_TEMPFAIL, "the evidence changed during the purge; try again");
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

/* ---- with their audit entries ------------------------------------------ */

struct logged {
	const char *person;              /* erase: the person; purge: NULL */
	int32_t cutoff;
	int years;
	const struct audit_entry *by;
	struct privacy_erased *erased;
	struct privacy_purged *purged;
};

static int logged_work(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct logged *l = ctx;
	struct audit_entry e = *l->by;
	char at[32], detail[400], day[DATE_ISO_LEN + 1];

	(void)attempt;
	if (e.at == NULL) {
		store_now_utc(at);
		e.at = at;
	}
	e.outcome = "ok";
	if (l->person != NULL) {
		const struct privacy_erased *x = l->erased;

		if (store_privacy_erase(st, l->person, l->erased, err) < 0)
			return -1;
		(void)snprintf(detail, sizeof detail,
			       "erased: %lld evidence rows (%lld retracted), %lld running sums,"
			       " %lld users, %lld sessions, %lld tokens; %lld rows assessed by"
			       " them anonymised, %lld reports without a manager",
			       (long long)x->evidence, (long long)x->retractions, (long long)x->sums,
			       (long long)x->users, (long long)x->sessions, (long long)x->tokens,
			       (long long)x->assessed, (long long)x->reports);
		e.action = "privacy.erase";
		e.object_kind = "person";
		e.object_key = l->person;
		e.person = l->person;
	} else {
		const struct privacy_purged *x = l->purged;

		if (store_privacy_purge(st, l->cutoff, 0, l->purged, err) < 0)
			return -1;
		date_format(l->cutoff, day);
		(void)snprintf(detail, sizeof detail,
			       "purged %lld evidence rows dated before %s (%lld retracted);"
			       " %lld pairs recomputed; retention %d years",
			       (long long)x->rows, day, (long long)x->retractions,
			       (long long)x->pairs, l->years);
		e.action = "privacy.purge";
		e.object_kind = "evidence";
		e.object_key = NULL;
		e.person = NULL;
	}
	e.detail = detail;
	return store_audit_append(st, &e, err);
}

int store_privacy_erase_logged(struct store *st, const char *person,
			       const struct audit_entry *by, struct privacy_erased *out,
			       struct err *err)
{
	struct logged l = { .person = person, .by = by, .erased = out };

	return store_transact(st, logged_work, &l, err);
}

int store_privacy_purge_logged(struct store *st, int32_t cutoff, int years,
			       const struct audit_entry *by, struct privacy_purged *out,
			       struct err *err)
{
	struct logged l = { .cutoff = cutoff, .years = years, .by = by, .purged = out };

	return store_transact(st, logged_work, &l, err);
}
