/* Objectives, key results and check-ins (store/okr.h), the same on both
 * engines. The SQL is in store/okr_sql.h, run by the backend's okr_run. */
#include "store/okr.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store/backend.h"
#include "util/array.h"
#include "util/strmap.h"

enum {
	CYCLE_TEXT_MAX = 400          /* bytes of "A > B > A" in a message */
};

static struct pv_param p_int(int64_t i)
{
	return (struct pv_param){ .kind = PV_INT, .i = i };
}

static struct pv_param p_real(double r)
{
	return (struct pv_param){ .kind = PV_REAL, .r = r };
}

static struct pv_param p_text(const char *s)
{
	return s != NULL ? (struct pv_param){ .kind = PV_TEXT, .s = s }
			 : (struct pv_param){ .kind = PV_NULL };
}

/* An id, or NULL for 0 (none). */
static struct pv_param p_id(int64_t id)
{
	return id != 0 ? p_int(id) : p_text(NULL);
}

static int run(struct store *st, enum okr_stmt id, const struct pv_param *p, int np,
	       int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	       int64_t *changes, struct err *err)
{
	return st->be->okr_run(st, id, p, np, row, ctx, changes, err);
}

static int first_int(void *ctx, const char *const *cols, int ncols)
{
	int64_t *out = ctx;

	if (ncols >= 1 && cols[0] != NULL)
		*out = strtoll(cols[0], NULL, 10);
	return 1;
}

/* The id of a stored team, person or competency (0 for a NULL key);
 * EX_DATAERR (store_require_key's message) naming what and field when
 * there is none. */
static int need_key(struct store *st, enum entity kind, const char *key, const char *what,
		    const char *field, int64_t *id, struct err *err)
{
	int rc;

	*id = 0;
	if (key == NULL)
		return 0;
	rc = store_lookup(st, kind, key, id, err);
	if (rc < 0)
		return -1;
	if (rc == 0) {
		struct err e = { 0 };

		(void)store_unknown_key(st, kind, key, &e);
		return err_set(err, e.code ? e.code : EX_DATAERR, "%s: %s: %s", what, field, e.msg);
	}
	return 0;
}

/* The id of stored objective key: 1, or 0 when there is none. */
static int objective_id(struct store *st, const char *key, int64_t *id, struct err *err)
{
	struct pv_param p[1] = { p_text(key) };

	*id = 0;
	if (run(st, OK_OBJECTIVE_ID, p, 1, first_int, id, NULL, err) < 0)
		return -1;
	return *id != 0;
}

static bool too_long(const char *s, size_t max)
{
	return s != NULL && strlen(s) > max;
}

/* ---- objectives ----------------------------------------------------------- */

/* Every stored objective's parent: key -> index into parent. */
struct parents {
	struct strmap index;
	const char **parent;          /* in strings */
	size_t n, cap;
	struct arena strings;
	bool failed;
};

static int parent_row(void *ctx, const char *const *c, int ncols)
{
	struct parents *g = ctx;
	const char *parent;

	if (ncols < 2 || c[0] == NULL || c[1] == NULL)
		return 0;
	parent = arena_strdup(&g->strings, c[1]);
	if (parent == NULL || array_reserve(&g->parent, &g->cap, g->n + 1, sizeof *g->parent) < 0 ||
	    strmap_put(&g->index, c[0], (int64_t)g->n) < 0)
		return g->failed = true, 1;
	g->parent[g->n++] = parent;
	return 0;
}

/* The cycle through key, spelt "A > B > A" into out: 1; 0 when following
 * the parents from key ends at an objective without one (or in a loop
 * above key, which is reported for its own members). */
static int cycle_of(const struct parents *g, const char *key, char *out, size_t outsz)
{
	const char *at = key;
	int64_t i;
	size_t steps = 0;

	while (strmap_get(&g->index, at, &i)) {
		at = g->parent[i];
		if (strcmp(at, key) == 0)
			break;
		if (++steps > g->n)
			return 0;
	}
	if (strcmp(at, key) != 0)
		return 0;
	(void)snprintf(out, outsz, "%s", key);
	at = key;
	do {
		size_t len = strlen(out);

		(void)strmap_get(&g->index, at, &i);
		at = g->parent[i];
		(void)snprintf(out + len, outsz - len, " > %s", at);
	} while (strcmp(at, key) != 0 && strlen(out) + 8 < outsz);
	return 1;
}

/* After the writes: no objective of o[0..n) is its own ancestor. */
static int check_cycles(struct store *st, const struct objective *o, size_t n, struct err *err)
{
	struct parents g = { 0 };
	char loop[CYCLE_TEXT_MAX];
	int rc;

	strmap_init(&g.index);
	arena_init(&g.strings, (size_t)1 << 30);
	rc = run(st, OK_PARENTS, NULL, 0, parent_row, &g, NULL, err);
	if (rc > 0 || g.failed)
		rc = err_set(err, EX_OSERR, "out of memory reading the objectives' parents");
	for (size_t i = 0; rc == 0 && i < n; i++)
		if (o[i].parent != NULL && cycle_of(&g, o[i].key, loop, sizeof loop))
			rc = err_set(err, EX_DATAERR, "objective '%s' would be its own ancestor (%s);"
				     " parents cannot loop", o[i].key, loop);
	strmap_free(&g.index);
	free(g.parent);
	arena_free(&g.strings);
	return rc < 0 ? -1 : 0;
}

static int put_objective(struct store *st, const struct objective *o, struct err *err)
{
	int64_t team, owner, parent = 0, id = 0;
	struct pv_param p[9];

	if (o->key == NULL || o->key[0] == '\0' || too_long(o->key, KEY_MAX))
		return err_set(err, EX_DATAERR, "an objective's key must have 1 to %d bytes", KEY_MAX);
	if (o->title == NULL || o->title[0] == '\0' || too_long(o->title, OKR_TITLE_MAX))
		return err_set(err, EX_DATAERR, "objective '%s': title: 1 to %d bytes", o->key,
			       OKR_TITLE_MAX);
	if (o->end < o->start)
		return err_set(err, EX_DATAERR, "objective '%s': end: before its start", o->key);
	if (okr_interval_name(o->interval) == NULL)
		return err_set(err, EX_DATAERR, "objective '%s': checkin_interval: not one of %s",
			       o->key, okr_interval_list());
	if (too_long(o->review, OKR_NOTE_MAX))
		return err_set(err, EX_DATAERR, "objective '%s': review: more than %d bytes", o->key,
			       OKR_NOTE_MAX);
	if (need_key(st, ENTITY_TEAM, o->team, "objective", "team", &team, err) < 0 ||
	    need_key(st, ENTITY_PERSON, o->owner, "objective", "owner", &owner, err) < 0)
		return -1;
	if (o->parent != NULL) {
		int rc;

		if (strcmp(o->parent, o->key) == 0)
			return err_set(err, EX_DATAERR, "objective '%s': parent: an objective cannot be"
				       " its own parent", o->key);
		rc = objective_id(st, o->parent, &parent, err);
		if (rc < 0)
			return -1;
		if (rc == 0)
			return err_set(err, EX_DATAERR, "objective '%s': parent: no objective '%s' is"
				       " stored", o->key, o->parent);
	}
	p[0] = p_text(o->key);
	p[1] = p_id(team);
	p[2] = p_text(o->title);
	p[3] = p_int(o->start);
	p[4] = p_int(o->end);
	p[5] = p_id(owner);
	p[6] = p_id(parent);
	p[7] = p_text(okr_interval_name(o->interval));
	p[8] = p_text(o->review != NULL && o->review[0] != '\0' ? o->review : NULL);
	if (run(st, OK_PUT_OBJECTIVE, p, 9, first_int, &id, NULL, err) < 0)
		return -1;
	if (id == 0)
		return err_set(err, EX_SOFTWARE, "objective '%s' was not stored", o->key);
	return 0;
}

int store_okr_put_objectives(struct store *st, const struct objective *o, size_t n,
			     struct err *err)
{
	bool parents = false;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot store objectives outside a transaction");
	for (size_t i = 0; i < n; i++)
		parents |= o[i].parent != NULL;
	if (parents && run(st, OK_LOCK_OBJECTIVES, NULL, 0, NULL, NULL, NULL, err) < 0)
		return -1;
	for (size_t i = 0; i < n; i++) {
		if (put_objective(st, &o[i], err) < 0)
			return -1;
	}
	return parents ? check_cycles(st, o, n, err) : 0;
}

int store_okr_set_review(struct store *st, const char *key, const char *review,
			 struct err *err)
{
	struct pv_param p[2] = { p_text(key), p_text(review != NULL && review[0] ? review : NULL) };
	int64_t changed = 0;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot write a review outside a transaction");
	if (too_long(review, OKR_NOTE_MAX))
		return err_set(err, EX_DATAERR, "review: %zu bytes, more than the %d a review may have",
			       strlen(review), OKR_NOTE_MAX);
	if (run(st, OK_SET_REVIEW, p, 2, NULL, NULL, &changed, err) < 0)
		return -1;
	if (changed == 0)
		return err_set(err, EX_DATAERR, "there is no objective '%s'", key);
	return 0;
}

/* ---- key results and check-ins ------------------------------------------- */

/* A stored key result's id, type and number of check-ins. */
struct kr_state {
	int64_t id;
	enum okr_type type;
	int64_t checkins;
	bool bad;
};

static int state_row(void *ctx, const char *const *c, int ncols)
{
	struct kr_state *s = ctx;

	if (ncols < 3 || c[0] == NULL || okr_type_parse(c[1], &s->type) < 0)
		return s->bad = true, 1;
	s->id = strtoll(c[0], NULL, 10);
	s->checkins = c[2] != NULL ? strtoll(c[2], NULL, 10) : 0;
	return 1;
}

/* The state of key result key: 1, or 0 when it is not stored. */
static int kr_state(struct store *st, const char *key, struct kr_state *s, struct err *err)
{
	struct pv_param p[1] = { p_text(key) };

	*s = (struct kr_state){ 0 };
	if (run(st, OK_KEY_RESULT_STATE, p, 1, state_row, s, NULL, err) < 0)
		return -1;
	if (s->bad)
		return err_set(err, EX_DATAERR, "key result '%s' is not as stored by compgap (a type"
			       " it does not know)", key);
	return s->id != 0;
}

/* What store_okr_put_key_results checks of one key result besides its
 * references. */
static int kr_values(const struct key_result *k, struct err *err)
{
	if (k->key == NULL || k->key[0] == '\0' || too_long(k->key, KEY_MAX))
		return err_set(err, EX_DATAERR, "a key result's key must have 1 to %d bytes", KEY_MAX);
	if (k->objective == NULL)
		return err_set(err, EX_DATAERR, "key result '%s': objective: none given", k->key);
	if (k->title == NULL || k->title[0] == '\0' || too_long(k->title, OKR_TITLE_MAX))
		return err_set(err, EX_DATAERR, "key result '%s': title: 1 to %d bytes", k->key,
			       OKR_TITLE_MAX);
	if (okr_type_name(k->type) == NULL)
		return err_set(err, EX_DATAERR, "key result '%s': type: not one of %s", k->key,
			       okr_type_list());
	if (too_long(k->unit, OKR_UNIT_MAX))
		return err_set(err, EX_DATAERR, "key result '%s': unit: more than %d bytes", k->key,
			       OKR_UNIT_MAX);
	if (!isfinite(k->target) || !isfinite(k->weight) || k->weight <= 0 ||
	    (k->has_start_value && !isfinite(k->start_value)))
		return err_set(err, EX_DATAERR, "key result '%s': target, start value and weight must"
			       " be numbers, the weight above 0", k->key);
	if (k->type == OKR_COMPETENCY) {
		if (k->competency == NULL || k->level < LEVEL_MIN || k->level > LEVEL_MAX)
			return err_set(err, EX_DATAERR, "key result '%s': a competency key result names"
				       " a competency and a level from %d to %d", k->key, LEVEL_MIN,
				       LEVEL_MAX);
		if (k->target < 0 || k->target > 1)
			return err_set(err, EX_DATAERR, "key result '%s': target: a share from 0 to 1",
				       k->key);
	} else {
		if (k->competency != NULL || k->level != 0)
			return err_set(err, EX_DATAERR, "key result '%s': only a competency key result"
				       " names a competency and a level", k->key);
		if (k->type == OKR_METRIC && !k->has_start_value)
			return err_set(err, EX_DATAERR, "key result '%s': start_value: a metric key"
				       " result starts from a value", k->key);
	}
	return 0;
}

static int put_key_result(struct store *st, const struct key_result *k, struct err *err)
{
	int64_t objective, competency, id = 0;
	struct kr_state s;
	struct pv_param p[10];
	int rc;

	if (kr_values(k, err) < 0)
		return -1;
	rc = objective_id(st, k->objective, &objective, err);
	if (rc < 0)
		return -1;
	if (rc == 0)
		return err_set(err, EX_DATAERR, "key result '%s': objective: no objective '%s' is"
			       " stored", k->key, k->objective);
	if (need_key(st, ENTITY_COMPETENCY, k->type == OKR_COMPETENCY ? k->competency : NULL,
		     "key result", "competency", &competency, err) < 0)
		return -1;
	/* Its check-ins would contradict the value the evidence gives. */
	if (k->type == OKR_COMPETENCY) {
		rc = kr_state(st, k->key, &s, err);
		if (rc < 0)
			return -1;
		if (rc == 1 && s.type != OKR_COMPETENCY && s.checkins > 0)
			return err_set(err, EX_DATAERR, "key result '%s' has %lld check-in%s; it cannot"
				       " become a competency key result, whose value is computed from"
				       " the evidence", k->key, (long long)s.checkins,
				       s.checkins == 1 ? "" : "s");
	}
	p[0] = p_int(objective);
	p[1] = p_text(k->key);
	p[2] = p_text(k->title);
	p[3] = p_text(okr_type_name(k->type));
	p[4] = p_id(competency);
	p[5] = k->type == OKR_COMPETENCY ? p_int(k->level) : p_text(NULL);
	p[6] = p_real(k->target);
	/* A milestone counts from 0 unless told otherwise. */
	p[7] = k->type == OKR_COMPETENCY ? p_text(NULL)
					 : p_real(k->has_start_value ? k->start_value : 0);
	p[8] = p_text(k->unit != NULL && k->unit[0] != '\0' ? k->unit : NULL);
	p[9] = p_real(k->weight);
	if (run(st, OK_PUT_KEY_RESULT, p, 10, first_int, &id, NULL, err) < 0)
		return -1;
	if (id == 0)
		return err_set(err, EX_SOFTWARE, "key result '%s' was not stored", k->key);
	return 0;
}

int store_okr_put_key_results(struct store *st, const struct key_result *k, size_t n,
			      struct err *err)
{
	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot store key results outside a transaction");
	for (size_t i = 0; i < n; i++)
		if (put_key_result(st, &k[i], err) < 0)
			return -1;
	return 0;
}

int store_okr_put_checkins(struct store *st, const struct checkin *c, size_t n,
			   struct err *err)
{
	/* Key result key -> id * 4 + type: a file checks in a few key
	 * results many times. */
	struct strmap known;
	struct kr_state s;
	struct pv_param p[5];
	int rc = 0;

	if (!st->in_tx)
		return err_set(err, EX_SOFTWARE, "cannot store check-ins outside a transaction");
	strmap_init(&known);
	for (size_t i = 0; rc == 0 && i < n; i++) {
		int64_t v;

		if (c[i].key_result == NULL) {
			rc = err_set(err, EX_DATAERR, "a check-in names no key result");
			break;
		}
		if (!strmap_get(&known, c[i].key_result, &v)) {
			rc = kr_state(st, c[i].key_result, &s, err);
			if (rc < 0)
				break;
			if (rc == 0) {
				rc = err_set(err, EX_DATAERR, "key_result: no key result '%s' is stored",
					     c[i].key_result);
				break;
			}
			v = s.id * 4 + (int64_t)s.type;
			if (strmap_put(&known, c[i].key_result, v) < 0) {
				rc = err_set(err, EX_OSERR, "out of memory");
				break;
			}
		}
		if ((enum okr_type)(v % 4) == OKR_COMPETENCY) {
			rc = err_set(err, EX_DATAERR, "key_result: '%s' is a competency key result: its"
				     " value is computed from the evidence; check-ins are for metric"
				     " and milestone key results", c[i].key_result);
			break;
		}
		if (!isfinite(c[i].value) ||
		    (c[i].has_confidence && !(c[i].confidence >= 0 && c[i].confidence <= 1)) ||
		    too_long(c[i].note, OKR_NOTE_MAX)) {
			rc = err_set(err, EX_DATAERR, "check-in of '%s': a value, a confidence from 0 to"
				     " 1 and a note of at most %d bytes", c[i].key_result,
				     OKR_NOTE_MAX);
			break;
		}
		p[0] = p_int(v / 4);
		p[1] = p_int(c[i].date);
		p[2] = p_real(c[i].value);
		p[3] = c[i].has_confidence ? p_real(c[i].confidence) : p_text(NULL);
		p[4] = p_text(c[i].note != NULL && c[i].note[0] != '\0' ? c[i].note : NULL);
		rc = run(st, OK_PUT_CHECKIN, p, 5, NULL, NULL, NULL, err) < 0 ? -1 : 0;
	}
	strmap_free(&known);
	return rc < 0 ? -1 : 0;
}

/* ---- reading ---------------------------------------------------------------- */

/* Rows read into growable arrays, their strings in the caller's arena. */
struct reader {
	struct arena *a;
	struct objective *o;
	size_t no, capo;
	struct key_result *k;
	size_t nk, capk;
	struct checkin *c;
	size_t nc, capc;
	bool failed, bad;
};

static const char *keep(struct reader *x, const char *s)
{
	const char *k = arena_strdup(x->a, s);

	if (s != NULL && k == NULL)
		x->failed = true;
	return k;
}

static int64_t col_int(struct reader *x, const char *s)
{
	char *end;
	long long v;

	if (s == NULL)
		return x->bad = true, 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno != 0 || *end != '\0' || end == s)
		x->bad = true;
	return v;
}

static double col_real(struct reader *x, const char *s)
{
	char *end;
	double v;

	if (s == NULL)
		return x->bad = true, 0;
	v = strtod(s, &end);
	if (*end != '\0' || end == s)
		x->bad = true;
	return v;
}

static int objective_row(void *ctx, const char *const *c, int ncols)
{
	struct reader *x = ctx;
	struct objective *o;

	if (ncols < 10)
		return x->bad = true, 1;
	if (array_reserve(&x->o, &x->capo, x->no + 1, sizeof *x->o) < 0)
		return x->failed = true, 1;
	o = &x->o[x->no];
	memset(o, 0, sizeof *o);
	o->id = col_int(x, c[0]);
	o->key = keep(x, c[1]);
	o->team = keep(x, c[2]);
	o->title = keep(x, c[3]);
	o->start = (int32_t)col_int(x, c[4]);
	o->end = (int32_t)col_int(x, c[5]);
	o->owner = keep(x, c[6]);
	o->parent = keep(x, c[7]);
	if (okr_interval_parse(c[8], &o->interval) < 0)
		x->bad = true;
	o->review = keep(x, c[9]);
	x->no++;
	return x->failed || x->bad;
}

static int kr_row(void *ctx, const char *const *c, int ncols)
{
	struct reader *x = ctx;
	struct key_result *k;

	if (ncols < 11)
		return x->bad = true, 1;
	if (array_reserve(&x->k, &x->capk, x->nk + 1, sizeof *x->k) < 0)
		return x->failed = true, 1;
	k = &x->k[x->nk];
	memset(k, 0, sizeof *k);
	k->id = col_int(x, c[0]);
	k->objective = keep(x, c[1]);
	k->key = keep(x, c[2]);
	k->title = keep(x, c[3]);
	if (okr_type_parse(c[4], &k->type) < 0)
		x->bad = true;
	k->competency = keep(x, c[5]);
	k->level = c[6] != NULL ? (int)col_int(x, c[6]) : 0;
	k->target = col_real(x, c[7]);
	k->has_start_value = c[8] != NULL;
	k->start_value = c[8] != NULL ? col_real(x, c[8]) : 0;
	k->unit = keep(x, c[9]);
	k->weight = col_real(x, c[10]);
	x->nk++;
	return x->failed || x->bad;
}

static int checkin_row(void *ctx, const char *const *c, int ncols)
{
	struct reader *x = ctx;
	struct checkin *ci;

	if (ncols < 5)
		return x->bad = true, 1;
	if (array_reserve(&x->c, &x->capc, x->nc + 1, sizeof *x->c) < 0)
		return x->failed = true, 1;
	ci = &x->c[x->nc];
	memset(ci, 0, sizeof *ci);
	ci->key_result = keep(x, c[0]);
	ci->date = (int32_t)col_int(x, c[1]);
	ci->value = col_real(x, c[2]);
	ci->has_confidence = c[3] != NULL;
	ci->confidence = c[3] != NULL ? col_real(x, c[3]) : 0;
	ci->note = keep(x, c[4]);
	x->nc++;
	return x->failed || x->bad;
}

/* Runs a reading statement into x; 0, or -1 with err set. */
static int read_rows(struct store *st, enum okr_stmt id, const struct pv_param *p, int np,
		     int (*row)(void *ctx, const char *const *cols, int ncols), struct reader *x,
		     struct err *err)
{
	if (run(st, id, p, np, row, x, NULL, err) < 0)
		return -1;
	if (x->failed)
		return err_set(err, EX_OSERR, "out of memory reading objectives");
	if (x->bad)
		return err_set(err, EX_DATAERR, "an objective, key result or check-in is not as"
			       " stored by compgap (a type, interval or number it does not know)");
	return 0;
}

/* Copies n items of size from v into a (NULL for none). */
static void *to_arena(struct arena *a, const void *v, size_t n, size_t size, bool *failed)
{
	void *out;

	if (n == 0)
		return NULL;
	out = arena_alloc(a, n * size);
	if (out == NULL) {
		*failed = true;
		return NULL;
	}
	memcpy(out, v, n * size);
	return out;
}

/* Ties the key results to their objectives and the check-ins to their key
 * results: the three queries read them in the same order. */
static int link_board(struct reader *x, struct err *err)
{
	size_t j = 0;

	for (size_t i = 0; i < x->no; i++) {
		x->o[i].first_kr = j;
		while (j < x->nk && strcmp(x->k[j].objective, x->o[i].key) == 0)
			j++;
		x->o[i].nkrs = j - x->o[i].first_kr;
	}
	if (j != x->nk)
		return err_set(err, EX_SOFTWARE, "the board's key results are not in its objectives'"
			       " order");
	j = 0;
	for (size_t i = 0; i < x->nk; i++) {
		x->k[i].first_checkin = j;
		while (j < x->nc && strcmp(x->c[j].key_result, x->k[i].key) == 0)
			j++;
		x->k[i].ncheckins = j - x->k[i].first_checkin;
	}
	if (j != x->nc)
		return err_set(err, EX_SOFTWARE, "the board's check-ins are not in its key results'"
			       " order");
	return 0;
}

int store_okr_board(struct store *st, const struct okr_query *q, struct arena *a,
		    struct okr_board *out, struct err *err)
{
	struct reader x = { .a = a };
	struct pv_param p[3];
	int np = 0, rc = -1;
	int32_t on_or_before = q->active_only ? q->active_on : INT32_MAX;
	int32_t on_or_after = q->active_only ? q->active_on : INT32_MIN;

	memset(out, 0, sizeof *out);
	switch (q->scope) {
	case OKR_OF_TEAM: {
		int64_t team;

		if (store_require_key(st, ENTITY_TEAM, q->team, err) < 0 ||
		    store_lookup(st, ENTITY_TEAM, q->team, &team, err) < 0)
			return -1;
		p[np++] = p_int(team);
		break;
	}
	case OKR_ONE:
		if (q->key == NULL)
			return err_set(err, EX_SOFTWARE, "a board of one objective names it");
		p[np++] = p_text(q->key);
		break;
	case OKR_OF_ORGANISATION:
	case OKR_ALL:
		break;
	default:
		return err_set(err, EX_SOFTWARE, "no such board");
	}
	p[np++] = p_int(on_or_before);
	p[np++] = p_int(on_or_after);
	if (read_rows(st, OK_OBJECTIVES + q->scope, p, np, objective_row, &x, err) < 0 ||
	    read_rows(st, OK_KEY_RESULTS + q->scope, p, np, kr_row, &x, err) < 0 ||
	    read_rows(st, OK_CHECKINS + q->scope, p, np, checkin_row, &x, err) < 0 ||
	    link_board(&x, err) < 0)
		goto out;
	out->objectives = to_arena(a, x.o, x.no, sizeof *x.o, &x.failed);
	out->krs = to_arena(a, x.k, x.nk, sizeof *x.k, &x.failed);
	out->checkins = to_arena(a, x.c, x.nc, sizeof *x.c, &x.failed);
	if (x.failed) {
		memset(out, 0, sizeof *out);
		err_set(err, EX_OSERR, "out of memory reading objectives");
		goto out;
	}
	out->nobjectives = x.no;
	out->nkrs = x.nk;
	out->ncheckins = x.nc;
	rc = 0;
out:
	free(x.o);
	free(x.k);
	free(x.c);
	return rc;
}

int store_okr_key_result(struct store *st, const char *key, struct arena *a,
			 struct key_result *kr, struct objective *objective, struct err *err)
{
	struct reader x = { .a = a };
	struct pv_param p[3] = { p_text(key), p_int(INT32_MAX), p_int(INT32_MIN) };
	int rc = -1;

	if (read_rows(st, OK_KEY_RESULT, p, 1, kr_row, &x, err) < 0)
		goto out;
	rc = 0;
	if (x.nk == 0)
		goto out;
	p[0] = p_text(x.k[0].objective);
	if (read_rows(st, OK_OBJECTIVES_ONE, p, 3, objective_row, &x, err) < 0) {
		rc = -1;
		goto out;
	}
	if (x.no == 0) {
		rc = err_set(err, EX_SOFTWARE, "key result '%s' has no objective", key);
		goto out;
	}
	*kr = x.k[0];
	*objective = x.o[0];
	rc = 1;
out:
	free(x.o);
	free(x.k);
	free(x.c);
	return rc;
}

/* ---- what refers to others -------------------------------------------------- */

int store_okr_refs(struct store *st, enum entity kind, int64_t id, int64_t *n, struct err *err)
{
	struct pv_param p[1] = { p_int(id) };
	enum okr_stmt s;

	*n = 0;
	switch (kind) {
	case ENTITY_TEAM: s = OK_REFS_TEAM; break;
	case ENTITY_PERSON: s = OK_REFS_PERSON; break;
	case ENTITY_COMPETENCY: s = OK_REFS_COMPETENCY; break;
	default: return 0;
	}
	return run(st, s, p, 1, first_int, n, NULL, err) < 0 ? -1 : 0;
}

int store_okr_erase_person(struct store *st, int64_t id, int64_t *unlinked, struct err *err)
{
	struct pv_param p[1] = { p_int(id) };
	int64_t n = 0;

	if (run(st, OK_ERASE_PERSON, p, 1, NULL, NULL, &n, err) < 0)
		return -1;
	if (unlinked != NULL)
		*unlinked = n;
	return 0;
}
