/* The privacy rights on either engine (store/privacy.h): the reading of
 * an export's rows, the erasure, and both with their audit entries; the
 * purge is in privacy_purge.c, the SQL in sqlite_privacy.c and
 * pg_privacy.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/okr.h"
#include "store/plans.h"
#include "store/privacy_int.h"
#include "util/date.h"

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
	a.id = pv_int(c[0]);
	a.competency = c[1];
	a.level = c[2] != NULL ? strtod(c[2], NULL) : 0;
	(void)source_parse(c[3] != NULL ? c[3] : "", &a.source);
	a.date = (int32_t)pv_int(c[4]);
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

	if (pv_person_id(st, person, &id, err) < 0)
		return -1;
	p[0] = P_INT(id);
	return pv_run(st, PV_ASSESSED, p, 1, assessed_row, &x, NULL, err);
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
	l.disabled = pv_int(c[6]) != 0;
	l.last_login = c[7];
	l.sessions = pv_int(c[8]);
	return x->cb(x->ctx, &l);
}

int store_privacy_each_login(struct store *st, const char *person,
			     int (*cb)(void *ctx, const struct privacy_login *l), void *ctx,
			     struct err *err)
{
	struct login_cb x = { cb, ctx };
	struct pv_param p[1];
	int64_t id;

	if (pv_person_id(st, person, &id, err) < 0)
		return -1;
	p[0] = P_INT(id);
	return pv_run(st, PV_LOGINS, p, 1, login_row, &x, NULL, err);
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
	s.created_at = pv_int(c[0]);
	s.last_seen = pv_int(c[1]);
	s.address = c[2];
	return x->cb(x->ctx, &s);
}

int store_privacy_each_session(struct store *st, const char *user,
			       int (*cb)(void *ctx, const struct privacy_session *s),
			       void *ctx, struct err *err)
{
	struct session_cb x = { cb, ctx };
	struct pv_param p[1] = { P_TEXT(user) };

	return pv_run(st, PV_SESSIONS, p, 1, session_row, &x, NULL, err);
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
		{ PV_DELETE_EVALUATION_SCORES, NULL },
		{ PV_DELETE_EVALUATIONS, NULL },
		{ PV_UNLINK_EVALUATOR, NULL },
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
	if (pv_person_id(st, person, &id, err) < 0)
		return -1;
	p[0] = P_INT(id);
	/* Their development plan, and their name as others' mentor. */
	if (store_plan_erase_person(st, id, NULL, err) < 0)
		return -1;
	/* The objectives they owned stay, without an owner. */
	if (store_okr_erase_person(st, id, &out->objectives, err) < 0)
		return -1;
	for (size_t i = 0; i < sizeof steps / sizeof steps[0]; i++)
		if (pv_run(st, steps[i].id, p, 1, NULL, NULL, steps[i].count, err) < 0)
			return -1;
	/* The cached key must not be found again in this transaction. */
	strmap_free(&st->keys[ENTITY_PERSON]);
	st->keys_loaded[ENTITY_PERSON] = 0;
	return 0;
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
			       " them anonymised, %lld reports without a manager, %lld objectives"
			       " without an owner",
			       (long long)x->evidence, (long long)x->retractions, (long long)x->sums,
			       (long long)x->users, (long long)x->sessions, (long long)x->tokens,
			       (long long)x->assessed, (long long)x->reports,
			       (long long)x->objectives);
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
