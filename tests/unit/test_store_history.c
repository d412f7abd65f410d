/* The packed history the store keeps beside each pair's running sums
 * (docs/time-travel.md), as a property: small organisations with random
 * evidence (dates over three years, every source, levels with 0-3
 * decimals) imported in several transactions in random order, random
 * retractions and a change of half-life; at random dates every figure of
 * a team's snapshot, of each person's snapshot and of the mentor search
 * equals the estimate from the rows in force (estimate_from_rows), to the
 * tolerance of docs/methodology.md "Numbers"; and each pair's stored
 * history holds exactly the pair's rows in force. On SQLite, and on
 * PostgreSQL when $COMPGAP_TEST_PG names a server (as test_store.c). */
#include "testutil.h"
#include "store_fixture.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/history.h"
#include "store/backend.h"
#include "store/store.h"
#include "util/rng.h"

enum {
	PEOPLE = 6,
	COMPETENCIES = 3,
	MAX_ROWS = PEOPLE * COMPETENCIES * 14,
	FIRST_DAY = 19000,        /* 2022-01-08 */
	SPAN = 3 * 365
};

static const char *const person_key[PEOPLE] = { "A", "B", "C", "D", "E", "F" };
static const char *const competency_key[COMPETENCIES] = { "c0", "c1", "c2" };

struct org {
	struct evidence rows[MAX_ROWS];
	bool retracted[MAX_ROWS];    /* by index; row i has id i + 1 */
	size_t n;
};

/* A fresh database: a temp file, or a database of the test server. */
struct fixture {
	struct db_place place;
	struct store *st;
};

static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);

	if (f == NULL)
		return -1;
	*state = f;
	return db_place_new(&f->place, "h");
}

static int teardown(void **state)
{
	struct fixture *f = *state;
	int rc;

	store_close(f->st);
	rc = db_place_remove(&f->place);
	free(f);
	return rc;
}

/* One team, one role requiring every competency, everyone in the team. */
static void put_model(struct store *st)
{
	struct err err = { 0 };
	const struct team team = { "t", "Team", NULL, 0 };

	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_put_team(st, &team, &err), 0);
	for (int c = 0; c < COMPETENCIES; c++) {
		const struct competency comp = { competency_key[c], competency_key[c], NULL, NULL,
						 DEV_UNSET, 0 };
		const struct requirement req = { "agent", competency_key[c], 3, 1, 0 };

		assert_int_equal(store_put_competency(st, &comp, &err), 0);
		assert_int_equal(store_put_requirement(st, &req, &err), 0);
	}
	for (int p = 0; p < PEOPLE; p++) {
		const struct person person = { person_key[p], person_key[p], NULL, "t", "agent", NULL,
					       true, 0 };

		assert_int_equal(store_put_person(st, &person, &err), 0);
	}
	assert_int_equal(store_commit(st, &err), 0);
}

/* Random rows, some pairs without any. Levels are exact written numbers:
 * a mantissa over a power of ten, as the import parses them. */
static void make_rows(struct rng *r, struct org *o)
{
	static const double pow10[] = { 1, 10, 100, 1000 };

	o->n = 0;
	for (int p = 0; p < PEOPLE; p++)
		for (int c = 0; c < COMPETENCIES; c++) {
			int k = rng_range(r, 0, 3) == 0 ? 0 : rng_range(r, 1, 14);

			for (int i = 0; i < k; i++) {
				int d = rng_range(r, 0, 3);
				int m = rng_range(r, (int)pow10[d], 5 * (int)pow10[d]);

				o->rows[o->n++] = (struct evidence){
					0, person_key[p], competency_key[c], m / pow10[d], d,
					(enum source)rng_range(r, 0, SOURCE_COUNT - 1),
					FIRST_DAY + rng_range(r, 0, SPAN), NULL, NULL };
			}
		}
	/* Shuffled, so that a pair's rows arrive out of date order and in
	 * several transactions. */
	for (size_t i = o->n; i > 1; i--) {
		size_t j = (size_t)rng_range(r, 0, (int)i - 1);
		struct evidence t = o->rows[i - 1];

		o->rows[i - 1] = o->rows[j];
		o->rows[j] = t;
	}
	memset(o->retracted, 0, sizeof o->retracted);
}

static void import_rows(struct store *st, struct rng *r, const struct org *o)
{
	struct err err = { 0 };
	size_t i = 0;

	while (i < o->n) {
		size_t k = (size_t)rng_range(r, 1, (int)(o->n - i));

		assert_int_equal(store_begin(st, &err), 0);
		assert_int_equal(store_append_evidence(st, &o->rows[i], k, &err), 0);
		assert_int_equal(store_commit(st, &err), 0);
		i += k;
	}
}

/* The estimate of one pair from its rows in force. */
static struct estimate from_rows(const struct org *o, const char *person, const char *competency,
				 const struct settings *set, int32_t as_of)
{
	struct evidence rows[MAX_ROWS];
	struct estimate e;
	size_t n = 0;

	for (size_t i = 0; i < o->n; i++)
		if (!o->retracted[i] && strcmp(o->rows[i].person, person) == 0 &&
		    strcmp(o->rows[i].competency, competency) == 0)
			rows[n++] = o->rows[i];
	estimate_from_rows(rows, n, set, as_of, &e);
	return e;
}

static void same_estimate(const struct estimate *got, const struct estimate *want)
{
	const double tol = 1e-9;

	assert_int_equal(got->assessed, want->assessed);
	assert_int_equal(got->evidence, want->evidence);
	assert_int_equal(got->has_self, want->has_self);
	assert_int_equal(got->has_others, want->has_others);
	assert_int_equal(got->flag, want->flag);
	assert_float_equal(got->evidence_weight, want->evidence_weight,
			   tol * fmax(1, want->evidence_weight));
	assert_float_equal(got->confidence, want->confidence, tol);
	if (want->assessed)
		assert_float_equal(got->level, want->level, tol);
	if (want->has_self)
		assert_float_equal(got->self_level, want->self_level, tol);
	if (want->has_others)
		assert_float_equal(got->others_level, want->others_level, tol);
}

/* Every line of the snapshot of the team, or of each person alone. */
static void check_snapshot(struct store *st, const struct org *o, const struct snapshot_filter *f,
			   int32_t as_of)
{
	struct err err = { 0 };
	struct team_snapshot snap;

	if (store_load_snapshot(st, f, as_of, &snap, &err) != 0)
		fail_msg("snapshot as of %d: %s", (int)as_of, err.msg);
	for (size_t m = 0; m < snap.nmembers; m++) {
		const struct snapshot_member *mb = &snap.members[m];

		assert_int_equal(mb->nlines, COMPETENCIES);
		for (size_t i = mb->first_line; i < mb->first_line + mb->nlines; i++) {
			struct estimate got, want;

			estimate_from_sums(&snap.lines[i].sums, store_settings(st), as_of, &got);
			want = from_rows(o, mb->key, snap.lines[i].competency, store_settings(st), as_of);
			same_estimate(&got, &want);
		}
	}
	store_free_snapshot(&snap);
}

struct candidates {
	struct store *st;
	const struct org *o;
	int32_t as_of;
	int seen;
};

static int check_candidate(void *ctx, const char *competency, const char *person, const char *team,
			   const struct evidence_sums *s)
{
	struct candidates *c = ctx;
	struct estimate got, want;

	(void)team;
	estimate_from_sums(s, store_settings(c->st), c->as_of, &got);
	want = from_rows(c->o, person, competency, store_settings(c->st), c->as_of);
	same_estimate(&got, &want);
	c->seen++;
	return 0;
}

/* The mentor search as of as_of passes everyone with rows on or before it,
 * each with the figures of those rows. */
static void check_candidates(struct store *st, const struct org *o, int32_t as_of)
{
	struct err err = { 0 };
	const double min_levels[COMPETENCIES] = { 1, 1, 1 };
	const size_t best[COMPETENCIES] = { PEOPLE, PEOPLE, PEOPLE };
	const struct candidate_query q = { .competencies = (const char *const *)competency_key,
					   .min_levels = min_levels, .best = best,
					   .n = COMPETENCIES, .as_of = as_of };
	struct candidates c = { st, o, as_of, 0 };
	int want = 0;

	assert_int_equal(store_each_candidate(st, &q, check_candidate, &c, &err), 0);
	for (int p = 0; p < PEOPLE; p++)
		for (int k = 0; k < COMPETENCIES; k++) {
			struct estimate e = from_rows(o, person_key[p], competency_key[k],
						      store_settings(st), as_of);

			want += e.evidence > 0;
		}
	assert_int_equal(c.seen, want);
}

/* Equal to the last bit: a trend prints what its months' views print. */
static void same_sums(const struct evidence_sums *got, const struct evidence_sums *want)
{
	assert_int_equal(got->n_self, want->n_self);
	assert_int_equal(got->n_other, want->n_other);
	assert_int_equal(got->max_date, want->max_date);
	assert_true(got->w_self == want->w_self);
	assert_true(got->wl_self == want->wl_self);
	assert_true(got->w_other == want->w_other);
	assert_true(got->wl_other == want->wl_other);
}

static void same_text(const char *got, const char *want)
{
	if (want == NULL)
		assert_null(got);
	else
		assert_string_equal(got, want);
}

/* The snapshots of one read at n random ascending dates (equal ones
 * among them, before, inside and after the rows' dates) are those of n
 * separate reads, figure for figure. Each is compared after the one
 * before it is freed: none may point into another. */
static void check_trend(struct store *st, struct rng *r, const struct snapshot_filter *f)
{
	enum { DATES_MAX = 12 };
	struct err err = { 0 };
	struct team_snapshot snaps[DATES_MAX];
	int32_t dates[DATES_MAX];
	size_t n = (size_t)rng_range(r, 1, DATES_MAX);

	dates[0] = FIRST_DAY - 60 + rng_range(r, 0, 120);
	for (size_t k = 1; k < n; k++)
		dates[k] = dates[k - 1] + rng_range(r, 0, 2 * SPAN / DATES_MAX);
	if (store_load_snapshots(st, f, dates, n, snaps, &err) != 0)
		fail_msg("snapshots: %s", err.msg);
	for (size_t k = 0; k < n; k++) {
		struct team_snapshot one;

		if (k > 0)
			store_free_snapshot(&snaps[k - 1]);
		if (store_load_snapshot(st, f, dates[k], &one, &err) != 0)
			fail_msg("snapshot as of %d: %s", (int)dates[k], err.msg);
		assert_int_equal(snaps[k].as_of, dates[k]);
		assert_int_equal(snaps[k].nmembers, one.nmembers);
		assert_int_equal(snaps[k].nlines, one.nlines);
		for (size_t m = 0; m < one.nmembers; m++) {
			const struct snapshot_member *got = &snaps[k].members[m], *want = &one.members[m];

			same_text(got->key, want->key);
			same_text(got->name, want->name);
			same_text(got->team, want->team);
			same_text(got->role, want->role);
			assert_int_equal(got->first_line, want->first_line);
			assert_int_equal(got->nlines, want->nlines);
		}
		for (size_t i = 0; i < one.nlines; i++) {
			const struct snapshot_line *got = &snaps[k].lines[i], *want = &one.lines[i];

			assert_string_equal(got->competency, want->competency);
			assert_int_equal(got->required_level, want->required_level);
			assert_int_equal(got->weight, want->weight);
			same_sums(&got->sums, &want->sums);
		}
		store_free_snapshot(&one);
	}
	store_free_snapshot(&snaps[n - 1]);
}

static void check_best_candidates(struct store *st, struct rng *r, const struct org *o,
				  int32_t as_of);

static void check_dates(struct store *st, struct rng *r, const struct org *o)
{
	const struct snapshot_filter team = { .team = "t" };

	/* The team reads all the sums in one scan, a person looks each up. */
	check_trend(st, r, &team);
	for (int p = 0; p < PEOPLE; p++) {
		const struct snapshot_filter one = { .person = person_key[p] };

		check_trend(st, r, &one);
	}

	for (int k = 0; k < 6; k++) {
		/* Before, inside and after the rows' dates. */
		int32_t as_of = FIRST_DAY - 30 + rng_range(r, 0, SPAN + 60);

		check_snapshot(st, o, &team, as_of);
		for (int p = 0; p < PEOPLE; p++) {
			const struct snapshot_filter one = { .person = person_key[p] };

			check_snapshot(st, o, &one, as_of);
		}
		check_candidates(st, o, as_of);
		check_best_candidates(st, r, o, as_of);
	}
}

/* The sums of one pair's rows in force dated on or before as_of. */
static struct evidence_sums sums_from_rows(const struct org *o, const char *person,
					   const char *competency, const struct settings *set,
					   int32_t as_of)
{
	struct evidence_sums s = { 0 };

	for (size_t i = 0; i < o->n; i++)
		if (!o->retracted[i] && o->rows[i].date <= as_of &&
		    strcmp(o->rows[i].person, person) == 0 &&
		    strcmp(o->rows[i].competency, competency) == 0)
			sums_add(&s, set, o->rows[i].source, o->rows[i].level, o->rows[i].date);
	return s;
}

struct ranked {
	const char *person;
	double level;
};

static int best_first(const void *x, const void *y)
{
	const struct ranked *a = x, *b = y;

	if (a->level != b->level)
		return a->level < b->level ? 1 : -1;
	return strcmp(a->person, b->person);
}

struct passed {
	const char *people[COMPETENCIES][PEOPLE];
	int n[COMPETENCIES];
};

static int keep_passed(void *ctx, const char *competency, const char *person, const char *team,
		       const struct evidence_sums *s)
{
	struct passed *p = ctx;
	int k = competency[1] - '0';

	(void)team;
	(void)s;
	assert_true(p->n[k] < PEOPLE);
	p->people[k][p->n[k]++] = person_key[person[0] - 'A'];
	return 0;
}

/* The mentor search for the best few holders as of as_of (no team) passes
 * exactly those that ranking every holder's rows gives: level and weight
 * as of as_of at least the minimums, the best `want` and all tied with the
 * last. */
static void check_best_candidates(struct store *st, struct rng *r, const struct org *o,
				  int32_t as_of)
{
	const struct settings *set = store_settings(st);
	struct err err = { 0 };
	double min_levels[COMPETENCIES];
	size_t best[COMPETENCIES];
	struct candidate_query q = { .competencies = (const char *const *)competency_key,
				     .min_levels = min_levels, .best = best,
				     .n = COMPETENCIES, .as_of = as_of };
	static struct passed got;

	/* Below the settings' mentor minimum the best levels bound nothing
	 * and every holder is read; from it on (what gather.c asks), they
	 * prune the read. */
	switch (rng_range(r, 0, 3)) {
	case 0: q.min_weight = 0; break;
	case 1: q.min_weight = estimate_mentor_min_weight(set) * rng_unit(r); break;
	case 2: q.min_weight = estimate_mentor_min_weight(set); break;
	default: q.min_weight = estimate_mentor_min_weight(set) * (1 + 2 * rng_unit(r)); break;
	}
	for (int k = 0; k < COMPETENCIES; k++) {
		min_levels[k] = 1 + 3 * rng_unit(r);
		best[k] = (size_t)rng_range(r, 1, 3);
	}
	memset(&got, 0, sizeof got);
	assert_int_equal(store_each_candidate(st, &q, keep_passed, &got, &err), 0);
	for (int k = 0; k < COMPETENCIES; k++) {
		struct ranked all[PEOPLE];
		const char *want[PEOPLE];
		int n = 0, nwant = 0;
		double last = 0;

		for (int p = 0; p < PEOPLE; p++) {
			struct evidence_sums s = sums_from_rows(o, person_key[p], competency_key[k],
								set, as_of);
			double w = s.w_self + s.w_other;

			if (s.n_self + s.n_other == 0 || w <= 0 ||
			    (s.wl_self + s.wl_other) / w < min_levels[k] ||
			    w * estimate_scale(as_of, set->half_life) < q.min_weight)
				continue;
			all[n++] = (struct ranked){ person_key[p], (s.wl_self + s.wl_other) / w };
		}
		qsort(all, (size_t)n, sizeof *all, best_first);
		for (int i = 0; i < n; i++) {
			if ((size_t)i >= best[k] && all[i].level < last - ESTIMATE_EPS)
				break;
			last = all[i].level;
			want[nwant++] = all[i].person;
		}
		assert_int_equal(got.n[k], nwant);
		for (int i = 0; i < nwant; i++) {
			int found = 0;

			for (int j = 0; j < got.n[k]; j++)
				found |= got.people[k][j] == want[i];
			if (!found)
				fail_msg("as of %d, %s is not passed on for %s", as_of, want[i],
					 competency_key[k]);
		}
	}
}

static int by_entry(const void *x, const void *y)
{
	const struct history_row *a = x, *b = y;

	if (a->date != b->date)
		return a->date < b->date ? -1 : 1;
	if (a->source != b->source)
		return a->source < b->source ? -1 : 1;
	return (a->level > b->level) - (a->level < b->level);
}

struct stored {
	const struct org *o;
	const struct settings set;
	bool exact;                  /* every pair's sums were rebuilt */
	int pairs;
};

/* A pair's stored history holds exactly its rows in force. */
static int check_history(void *ctx, const struct pair_sums *p)
{
	struct stored *s = ctx;
	struct history_row got[MAX_ROWS], want[MAX_ROWS];
	size_t ngot = 0, nwant = 0, pos = 0;
	const char *person = person_key[p->person_id - 1];
	const char *competency = competency_key[p->competency_id - 1];
	int rc;

	assert_non_null(p->history);
	while ((rc = history_next(p->history, p->history_len, &pos, &got[ngot])) == 1)
		ngot++;
	assert_int_equal(rc, 0);
	for (size_t i = 0; i < s->o->n; i++) {
		const struct evidence *e = &s->o->rows[i];

		if (!s->o->retracted[i] && strcmp(e->person, person) == 0 &&
		    strcmp(e->competency, competency) == 0)
			want[nwant++] = (struct history_row){ e->source, e->level, e->level_decimals,
							      e->date };
	}
	assert_int_equal(ngot, nwant);
	/* The stored best level is the history's own, after imports in any
	 * transactions as after a rebuild: an import computes it from the
	 * stored history and its rows together. */
	{
		struct buf scratch;
		double exact;

		buf_init(&scratch, 1 << 20);
		assert_int_equal(history_best_level(p->history, p->history_len, &s->set, &scratch,
						    &exact), 0);
		buf_free(&scratch);
		if (fabs(p->sums.best_level - exact) > 1e-9 * exact)
			fail_msg("%s %s: stored best level %.17g is not its history's %.17g (%s)",
				 person, competency, p->sums.best_level, exact,
				 s->exact ? "rebuilt" : "imported");
	}
	qsort(got, ngot, sizeof *got, by_entry);
	qsort(want, nwant, sizeof *want, by_entry);
	for (size_t i = 0; i < ngot; i++) {
		assert_int_equal(got[i].date, want[i].date);
		assert_int_equal(got[i].source, want[i].source);
		assert_int_equal(got[i].level_decimals, want[i].level_decimals);
		assert_true(got[i].level == want[i].level);
	}
	s->pairs++;
	return 0;
}

static void check_histories(struct store *st, const struct org *o, bool exact)
{
	struct err err = { 0 };
	struct stored s = { o, *store_settings(st), exact, 0 };
	int want = 0;

	/* As of a day before every row, every stored sum comes with its
	 * history. */
	assert_int_equal(st->be->each_sums(st, 0, FIRST_DAY - 1, check_history, &s, &err), 0);
	for (int p = 0; p < PEOPLE; p++)
		for (int c = 0; c < COMPETENCIES; c++)
			want += from_rows(o, person_key[p], competency_key[c], store_settings(st),
					  FIRST_DAY + SPAN).evidence > 0;
	assert_int_equal(s.pairs, want);
	/* One competency's sums (row ids follow the keys' order): its pairs
	 * alone, each with its history. */
	for (int c = 0; c < COMPETENCIES; c++) {
		int want_c = 0;

		s.pairs = 0;
		assert_int_equal(st->be->each_sums(st, c + 1, FIRST_DAY - 1, check_history, &s, &err),
				 0);
		for (int p = 0; p < PEOPLE; p++)
			want_c += from_rows(o, person_key[p], competency_key[c], store_settings(st),
					    FIRST_DAY + SPAN).evidence > 0;
		assert_int_equal(s.pairs, want_c);
	}
}

static void retract_some(struct store *st, struct rng *r, struct org *o)
{
	struct err err = { 0 };

	assert_int_equal(store_begin(st, &err), 0);
	for (int k = rng_range(r, 1, 4); k > 0 && o->n > 0; k--) {
		size_t i = (size_t)rng_range(r, 0, (int)o->n - 1);

		if (o->retracted[i])
			continue;
		assert_int_equal(store_retract_evidence(st, (int64_t)i + 1, "test", &err), 0);
		o->retracted[i] = true;
	}
	assert_int_equal(store_commit(st, &err), 0);
}

static void set_half_life(struct store *st, int days)
{
	struct err err = { 0 };
	char text[16];

	(void)snprintf(text, sizeof text, "%d", days);
	assert_int_equal(store_begin(st, &err), 0);
	assert_int_equal(store_set_setting(st, "half_life", text, &err), 0);
	assert_int_equal(store_commit(st, &err), 0);
}

static void run_property(void **state, uint64_t seed)
{
	struct fixture *f = *state;
	struct err err = { 0 };
	struct rng r;
	static struct org o;

	rng_seed(&r, seed);
	assert_int_equal(store_open(f->place.path, STORE_CREATE, &f->st, &err), 0);
	put_model(f->st);
	make_rows(&r, &o);
	import_rows(f->st, &r, &o);
	check_histories(f->st, &o, false);
	check_dates(f->st, &r, &o);
	for (int round = 0; round < 3; round++) {
		retract_some(f->st, &r, &o);
		check_histories(f->st, &o, false);
		check_dates(f->st, &r, &o);
	}
	/* The histories hold no setting: a new half-life needs nothing of
	 * them, and every figure follows it. */
	set_half_life(f->st, rng_range(&r, 60, 730));
	check_histories(f->st, &o, true);
	check_dates(f->st, &r, &o);
}

static void test_random_organisation_1(void **state)
{
	run_property(state, 1);
}

static void test_random_organisation_2(void **state)
{
	run_property(state, 0x5eed);
}

static void test_random_organisation_3(void **state)
{
	run_property(state, 20261201);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_random_organisation_1, setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_organisation_2, setup, teardown),
		cmocka_unit_test_setup_teardown(test_random_organisation_3, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
