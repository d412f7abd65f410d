/* Development plans (store/plans.h), the same on both engines. The SQL is
 * in store/plans_sql.h, run by the backend's plan_run. */
#include "store/plans.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "util/array.h"
#include "util/date.h"

static const char *const kind_names[PLAN_KIND_COUNT] = {
	"training", "individual_coaching", "group_coaching", "mentoring", "cross_training",
	"job_rotation", "stretch_assignment", "external_course", "self_study",
};

static const char *const status_names[PLAN_STATUS_COUNT] = {
	"planned", "in_progress", "done", "dropped",
};

const char *plan_kind_name(enum plan_kind k)
{
	return (unsigned)k < PLAN_KIND_COUNT ? kind_names[k] : NULL;
}

const char *plan_status_name(enum plan_status s)
{
	return (unsigned)s < PLAN_STATUS_COUNT ? status_names[s] : NULL;
}

int plan_kind_parse(const char *s, enum plan_kind *k)
{
	for (int i = 0; s != NULL && i < PLAN_KIND_COUNT; i++)
		if (strcmp(s, kind_names[i]) == 0)
			return *k = (enum plan_kind)i, 0;
	return -1;
}

int plan_status_parse(const char *s, enum plan_status *out)
{
	for (int i = 0; s != NULL && i < PLAN_STATUS_COUNT; i++)
		if (strcmp(s, status_names[i]) == 0)
			return *out = (enum plan_status)i, 0;
	return -1;
}

const char *plan_kind_list(void)
{
	return "training, individual_coaching, group_coaching, mentoring, cross_training,"
	       " job_rotation, stretch_assignment, external_course, self_study";
}

const char *plan_status_list(void)
{
	return "planned, in_progress, done, dropped";
}

bool plan_overdue(enum plan_status s, bool has_due, int32_t due, int32_t today)
{
	return (s == PLAN_PLANNED || s == PLAN_IN_PROGRESS) && has_due && due < today;
}

static struct pv_param p_int(int64_t i)
{
	return (struct pv_param){ .kind = PV_INT, .i = i };
}

static struct pv_param p_text(const char *s)
{
	return s != NULL ? (struct pv_param){ .kind = PV_TEXT, .s = s }
			 : (struct pv_param){ .kind = PV_NULL };
}

static int run(struct store *st, enum pl_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return st->be->plan_run(st, id, p, np, row, ctx, changes, err);
}

static int fault(struct plan_fault *f, const char *field)
{
	if (f != NULL)
		f->field = field;
	return -1;
}

static int first_int(void *ctx, const char *const *cols, int ncols)
{
	int64_t *out = ctx;

	if (ncols >= 1 && cols[0] != NULL)
		*out = strtoll(cols[0], NULL, 10);
	return 1;
}

/* The id of a stored person or competency; EX_DATAERR (store_require_key's
 * message, did-you-mean and all) naming field when there is none. */
static int need_key(struct store *st, enum entity kind, const char *key, const char *field,
		    int64_t *id, struct plan_fault *f, struct err *err)
{
	int rc = store_lookup(st, kind, key, id, err);

	if (rc < 0)
		return -1;
	if (rc == 0) {
		struct err e = { 0 };

		(void)store_unknown_key(st, kind, key, &e);
		err_set(err, e.code ? e.code : EX_DATAERR, "%s: %s", field, e.msg);
		return fault(f, field);
	}
	return 0;
}

int store_plan_add(struct store *st, const struct plan_action *a, const char *now, int64_t *id,
		   struct plan_fault *f, struct err *err)
{
	int64_t person, competency, mentor = 0, same = 0;
	struct pv_param p[11];
	if (f != NULL)
		f->field = NULL;
	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot add a plan action outside a transaction");
	if (plan_kind_name(a->kind) == NULL)
		return err_set(err, EX_DATAERR, "kind: not one of %s", plan_kind_list()),
		       fault(f, "kind");
	if (plan_status_name(a->status) == NULL)
		return err_set(err, EX_DATAERR, "status: not one of %s", plan_status_list()),
		       fault(f, "status");
	if (a->description != NULL && strlen(a->description) > PLAN_DESCRIPTION_MAX)
		return err_set(err, EX_DATAERR,
			       "description: %zu bytes, more than the %d a description may have",
			       strlen(a->description), PLAN_DESCRIPTION_MAX),
		       fault(f, "description");
	if (need_key(st, ENTITY_PERSON, a->person, "person", &person, f, err) < 0 ||
	    need_key(st, ENTITY_COMPETENCY, a->competency, "competency", &competency, f, err) < 0)
		return -1;
	if (a->mentor != NULL) {
		if (need_key(st, ENTITY_PERSON, a->mentor, "mentor", &mentor, f, err) < 0)
			return -1;
		if (mentor == person)
			return err_set(err, EX_DATAERR,
				       "mentor: '%s' is the person whose plan it is; a mentor is"
				       " someone else", a->mentor),
			       fault(f, "mentor");
	}
	if (a->source_ref != NULL) {
		p[0] = p_int(person);
		p[1] = p_text(a->source_ref);
		if (run(st, PL_SAME_SOURCE, p, 2, first_int, &same, NULL, err) < 0)
			return -1;
		if (same != 0)
			return err_set(err, EX_DATAERR,
				       "recommendation: '%s' is in %s's plan already, as open action"
				       " %lld", a->source_ref, a->person, (long long)same),
			       fault(f, "recommendation");
	}
	p[0] = p_int(person);
	p[1] = p_text(plan_kind_name(a->kind));
	p[2] = p_int(competency);
	p[3] = mentor != 0 ? p_int(mentor) : p_text(NULL);
	p[4] = p_text(a->description);
	p[5] = a->has_due ? p_int(a->due) : p_text(NULL);
	p[6] = p_text(plan_status_name(a->status));
	p[7] = p_text(now);
	p[8] = p_text(now);
	p[9] = p_text(a->source_rule);
	p[10] = p_text(a->source_ref);
	*id = 0;
	if (run(st, PL_INSERT, p, 11, first_int, id, NULL, err) < 0)
		return -1;
	if (*id == 0)
		return err_set(err, EX_SOFTWARE, "the new plan action got no id");
	return 0;
}

/* ---- reading ------------------------------------------------------------ */

struct actions {
	struct arena *a;
	struct plan_action *v;
	size_t n, cap;
	bool failed, bad;
};

static const char *keep(struct actions *x, const char *s)
{
	const char *k = arena_strdup(x->a, s);

	if (s != NULL && k == NULL)
		x->failed = true;
	return k;
}

static int action_row(void *ctx, const char *const *c, int ncols)
{
	struct actions *x = ctx;
	struct plan_action *r;
	char *end;

	if (ncols < 15)
		return x->bad = true, 1;
	if (array_reserve(&x->v, &x->cap, x->n + 1, sizeof *x->v) < 0)
		return x->failed = true, 1;
	r = &x->v[x->n];
	memset(r, 0, sizeof *r);
	r->id = c[0] != NULL ? strtoll(c[0], NULL, 10) : 0;
	r->person = keep(x, c[1]);
	r->person_name = keep(x, c[2]);
	if (plan_kind_parse(c[3], &r->kind) < 0 || plan_status_parse(c[9], &r->status) < 0)
		return x->bad = true, 1;
	r->competency = keep(x, c[4]);
	r->competency_name = keep(x, c[5]);
	r->mentor = keep(x, c[6]);
	r->description = keep(x, c[7]);
	if (c[8] != NULL) {
		errno = 0;
		r->due = (int32_t)strtol(c[8], &end, 10);
		if (errno != 0 || *end != '\0')
			return x->bad = true, 1;
		r->has_due = true;
	}
	r->created_at = keep(x, c[10]);
	r->updated_at = keep(x, c[11]);
	r->source_rule = keep(x, c[12]);
	r->source_ref = keep(x, c[13]);
	r->mentor_team = keep(x, c[14]);
	x->n++;
	return x->failed ? 1 : 0;
}

/* Runs a reading statement into *out: the rows copied into a (the array
 * too, so that the caller frees nothing but the arena). */
static int read_actions(struct store *st, enum pl_stmt id, const struct pv_param *p, int np,
			struct arena *a, struct plan_action **out, size_t *n, struct err *err)
{
	struct actions x = { .a = a };
	int rc = run(st, id, p, np, action_row, &x, NULL, err);

	*out = NULL;
	*n = 0;
	if (rc < 0)
		goto out;
	rc = 0;
	if (x.bad) {
		rc = err_set(err, EX_DATAERR, "a plan action is not as stored by compgap"
			     " (a kind, status or due date it does not know)");
		goto out;
	}
	if (x.failed) {
		rc = err_set(err, EX_OSERR, "out of memory reading plan actions");
		goto out;
	}
	if (x.n > 0) {
		*out = arena_alloc(a, x.n * sizeof **out);
		if (*out == NULL) {
			rc = err_set(err, EX_OSERR, "out of memory reading plan actions");
			goto out;
		}
		memcpy(*out, x.v, x.n * sizeof **out);
		*n = x.n;
	}
out:
	free(x.v);
	return rc;
}

int store_plan_get(struct store *st, int64_t id, struct arena *a, struct plan_action *out,
		   struct err *err)
{
	struct pv_param p[1] = { p_int(id) };
	struct plan_action *v;
	size_t n;

	if (read_actions(st, PL_BY_ID, p, 1, a, &v, &n, err) < 0)
		return -1;
	if (n == 0)
		return 0;
	*out = v[0];
	return 1;
}

int store_plan_of_person(struct store *st, const char *person, struct arena *a,
			 struct plan_action **out, size_t *n, struct err *err)
{
	int64_t id;
	struct pv_param p[1];

	*out = NULL;
	*n = 0;
	if (store_require_key(st, ENTITY_PERSON, person, err) < 0 ||
	    store_lookup(st, ENTITY_PERSON, person, &id, err) < 0)
		return -1;
	p[0] = p_int(id);
	return read_actions(st, PL_OF_PERSON, p, 1, a, out, n, err);
}

int store_plan_overdue(struct store *st, int32_t today, struct arena *a,
		       struct plan_action **out, size_t *n, struct err *err)
{
	struct pv_param p[1] = { p_int(today) };

	return read_actions(st, PL_OVERDUE, p, 1, a, out, n, err);
}

int store_plan_open_on(struct store *st, const char *competency, struct arena *a,
		       struct plan_action **out, size_t *n, struct err *err)
{
	struct pv_param p[1] = { p_text(competency) };

	return read_actions(st, PL_OPEN_ON, p, 1, a, out, n, err);
}

int store_plan_set_status(struct store *st, int64_t id, enum plan_status s, const char *now,
			  enum plan_status *old, struct plan_fault *f, struct err *err)
{
	struct arena a;
	struct plan_action cur;
	struct pv_param p[3];
	int rc;

	if (f != NULL)
		f->field = NULL;
	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot change a plan action outside a transaction");
	if (plan_status_name(s) == NULL)
		return err_set(err, EX_DATAERR, "status: not one of %s", plan_status_list()),
		       fault(f, "status");
	arena_init(&a, 1 << 20);
	rc = store_plan_get(st, id, &a, &cur, err);
	if (rc == 0) {
		rc = err_set(err, EX_DATAERR, "id: there is no plan action %lld", (long long)id);
		(void)fault(f, "id");
	}
	if (rc < 0)
		goto out;
	*old = cur.status;
	rc = 0;
	if (cur.status == s)
		goto out;
	p[0] = p_int(id);
	p[1] = p_text(plan_status_name(s));
	p[2] = p_text(now);
	rc = run(st, PL_SET_STATUS, p, 3, NULL, NULL, NULL, err);
out:
	arena_free(&a);
	return rc;
}

int store_plan_refs(struct store *st, enum entity kind, int64_t id, int64_t *n, struct err *err)
{
	struct pv_param p[1] = { p_int(id) };

	*n = 0;
	if (kind != ENTITY_PERSON && kind != ENTITY_COMPETENCY)
		return 0;
	return run(st, kind == ENTITY_PERSON ? PL_REFS_PERSON : PL_REFS_COMPETENCY, p, 1,
		   first_int, n, NULL, err) < 0 ? -1 : 0;
}

int store_plan_erase_person(struct store *st, int64_t id, int64_t *deleted, struct err *err)
{
	struct pv_param p[1] = { p_int(id) };

	if (run(st, PL_ERASE_PERSON, p, 1, NULL, NULL, deleted, err) < 0)
		return -1;
	return run(st, PL_UNLINK_MENTOR, p, 1, NULL, NULL, NULL, err);
}
