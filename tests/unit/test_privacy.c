/* The privacy rights in the store (store/privacy.h) and the export's
 * document (io/privacy_json.h), on hand-made data, each test in a fresh
 * database on the engine under test (store_fixture.h): the export holds
 * the person's data and nothing of others beyond the assessors of their
 * own evidence; after an erasure no row of any table holds the person's
 * key or id, their reports have no manager, the rows they assessed have
 * no assessor, the derived data agrees with the rows (store_check) and
 * the others' levels are unchanged; a purge removes exactly the rows
 * before the cut-off and the levels are recomputed, as computed by hand
 * here. */
#include "testutil.h"
#include "store_fixture.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/privacy_json.h"
#include "store/backend.h"
#include "store/privacy.h"
#include "util/date.h"
#include "util/jsonw.h"

struct fixture {
	struct db_place place;
	struct store *st;
};

static int day(const char *iso)
{
	int32_t d = 0;

	if (date_parse(iso, &d) < 0)
		fail_msg("bad date %s", iso);
	return d;
}

static void must(int rc, const struct err *err)
{
	if (rc < 0)
		fail_msg("%s", err->msg);
}

static void add_row(struct store *st, const char *person, const char *competency, double level,
		    enum source src, const char *date, const char *assessor, const char *note)
{
	struct evidence e = { 0, person, competency, level, 0, src, day(date), assessor, note };
	struct err err = { 0 };

	must(store_append_evidence(st, &e, 1, &err), &err);
}

struct find {
	int32_t date;
	int64_t id;
};

static int find_row(void *ctx, const struct evidence_entry *x)
{
	struct find *f = ctx;

	if (x->e.date == f->date)
		f->id = x->e.id;
	return 0;
}

/* The id of person's row dated date. */
static int64_t row_id(struct store *st, const char *person, const char *date)
{
	struct find f = { day(date), 0 };
	char next[EVIDENCE_CURSOR_MAX];
	struct err err = { 0 };

	must(store_page_evidence(st, person, NULL, 100, find_row, &f, next, &err), &err);
	assert_true(f.id > 0);
	return f.id;
}

/* The organisation: BOSS manages ERASED and OTHER; ERASED manages REP.
 * Everyone's role requires c1 and c2. */
static int setup(void **state)
{
	struct fixture *f = calloc(1, sizeof *f);
	struct err err = { 0 };
	struct store *st;
	const char *teams[] = { "t" };
	int64_t uid = 0;

	if (f == NULL)
		return -1;
	*state = f;
	if (db_place_new(&f->place, "pv") < 0 ||
	    store_open(f->place.path, STORE_CREATE, &f->st, &err) < 0) {
		fprintf(stderr, "%s\n", err.msg);
		return -1;
	}
	st = f->st;
	must(store_begin(st, &err), &err);
	must(store_put_team(st, &(struct team){ "t", "T", NULL, 0 }, &err), &err);
	must(store_put_competency(st, &(struct competency){ "c1", "C1", NULL, NULL, DEV_UNSET, 0 },
				  &err), &err);
	must(store_put_competency(st, &(struct competency){ "c2", "C2", NULL, NULL, DEV_UNSET, 0 },
				  &err), &err);
	must(store_put_requirement(st, &(struct requirement){ "r", "c1", 3, 1, 0 }, &err), &err);
	must(store_put_requirement(st, &(struct requirement){ "r", "c2", 3, 1, 0 }, &err), &err);
	must(store_put_person(st, &(struct person){ "BOSS", "Boss", NULL, "t", "r", NULL, true, 0 },
			      &err), &err);
	must(store_put_person(st, &(struct person){ "ERASED", "Erika Erased", "erika@example.org",
						    "t", "r", "BOSS", true, 0 }, &err), &err);
	must(store_put_person(st, &(struct person){ "OTHER", "Otto Other", "otto@example.org", "t",
						    "r", "BOSS", true, 0 }, &err), &err);
	must(store_put_person(st, &(struct person){ "REP", "Rita Report", NULL, "t", "r", "ERASED",
						    true, 0 }, &err), &err);
	/* About ERASED: one self row (to be retracted), one by BOSS. */
	add_row(st, "ERASED", "c1", 3, SOURCE_SELF, "2025-06-01", NULL, "my view");
	add_row(st, "ERASED", "c1", 2, SOURCE_MANAGER, "2025-07-01", "BOSS", NULL);
	/* By ERASED about others. */
	add_row(st, "OTHER", "c1", 4, SOURCE_PEER, "2025-05-01", "ERASED", "helpful");
	add_row(st, "OTHER", "c1", 3, SOURCE_MANAGER, "2025-05-02", "BOSS", NULL);
	add_row(st, "REP", "c2", 2, SOURCE_MANAGER, "2023-07-05", "ERASED", NULL);
	add_row(st, "REP", "c2", 4, SOURCE_MANAGER, "2024-01-01", "ERASED", NULL);
	/* An old row of OTHER's, retracted: the purge takes it and its
	 * retraction, and the pair's sums with them. */
	add_row(st, "OTHER", "c2", 5, SOURCE_TEST, "2023-01-01", NULL, NULL);
	must(store_commit(st, &err), &err);

	must(store_begin(st, &err), &err);
	must(store_retract_evidence(st, row_id(st, "ERASED", "2025-06-01"), "typed wrongly", &err),
	     &err);
	must(store_retract_evidence(st, row_id(st, "OTHER", "2023-01-01"), "wrong test", &err), &err);
	must(store_user_add(st, &(struct store_account_new){ "erika", "employee", "ERASED", NULL, 0,
							     "$argon2id$x", "2026-01-01T00:00:00Z" },
			    &uid, &err), &err);
	must(store_session_add(st, "sessionhash", uid, "csrfhash", 1767225600, "10.0.0.7", &err),
	     &err);
	must(store_user_add(st, &(struct store_account_new){ "erika-coach", "coach", "ERASED",
							     teams, 1, "$argon2id$y",
							     "2026-01-02T00:00:00Z" },
			    NULL, &err), &err);
	must(store_token_add(st, &(struct store_account_new){ "erika-feed", "coach", "ERASED", teams,
							      1, "tokenhash",
							      "2026-01-03T00:00:00Z" },
			     NULL, &err), &err);
	must(store_user_add(st, &(struct store_account_new){ "boss", "manager", "BOSS", NULL, 0,
							     "$argon2id$z", "2026-01-01T00:00:00Z" },
			    NULL, &err), &err);
	must(store_audit_append(st, &(struct audit_entry){ 0, "2026-01-04T00:00:00Z", "boss", "read",
							   "person", "ERASED", "ERASED", NULL, "ok",
							   NULL }, &err), &err);
	must(store_audit_append(st, &(struct audit_entry){ 0, "2026-01-05T00:00:00Z", "erika", "read",
							   "person", "OTHER", "OTHER", NULL, "denied",
							   NULL }, &err), &err);
	must(store_commit(st, &err), &err);
	return 0;
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

/* person's estimate on competency as of as_of. */
static struct estimate level_of(struct store *st, const char *person, const char *competency,
				const char *as_of)
{
	struct team_snapshot s;
	struct estimate e = { 0 };
	struct err err = { 0 };

	must(store_load_snapshot(st, &(struct snapshot_filter){ .person = person }, day(as_of), &s, &err),
	     &err);
	for (size_t i = 0; i < s.nlines; i++)
		if (strcmp(s.lines[i].competency, competency) == 0)
			estimate_from_sums(&s.lines[i].sums, store_settings(st), day(as_of), &e);
	store_free_snapshot(&s);
	return e;
}

static void assert_consistent(struct store *st)
{
	struct store_check c;
	struct err err = { 0 };

	must(store_check(st, &c, &err), &err);
	if (c.bad != 0)
		fail_msg("store_check: %lld problems, first: %s", (long long)c.bad,
			 c.nshown > 0 ? c.shown[0] : "");
}

/* ---- export -------------------------------------------------------------- */

static json_t *export_of(struct store *st, const char *person, bool hide, char **text)
{
	static struct jw w;
	struct privacy_export_opts o = { hide };
	struct err err = { 0 };
	json_error_t jerr;
	json_t *d;

	jw_init(&w, NULL, 1 << 20);
	must(store_begin_read(st, &err), &err);
	must(privacy_export_json(&w, st, person, &o, &err), &err);
	store_rollback(st);
	assert_int_equal(jw_finish(&w), 0);
	d = json_loadb(w.out.data, w.out.len, 0, &jerr);
	if (d == NULL)
		fail_msg("not JSON: %s", jerr.text);
	*text = strndup(w.out.data, w.out.len);
	buf_free(&w.out);
	return d;
}

static void test_export(void **state)
{
	struct fixture *f = *state;
	char *text;
	json_t *d = export_of(f->st, "ERASED", false, &text);
	json_t *ev = json_object_get(d, "evidence"), *as = json_object_get(d, "assessed");
	json_t *users = json_object_get(d, "users"), *tokens = json_object_get(d, "tokens");
	json_t *audit = json_object_get(d, "audit"), *x;
	size_t i;

	assert_string_equal(json_string_value(json_object_get(json_object_get(d, "person"), "id")),
			    "ERASED");
	assert_string_equal(json_string_value(json_object_get(json_object_get(d, "person"), "email")),
			    "erika@example.org");
	/* Both rows about them, newest first, the retracted one with why. */
	assert_int_equal(json_array_size(ev), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 0), "assessor")),
			    "BOSS");
	x = json_object_get(json_array_get(ev, 1), "retracted");
	assert_string_equal(json_string_value(json_object_get(x, "reason")), "typed wrongly");
	assert_string_equal(json_string_value(json_object_get(json_array_get(ev, 1), "note")),
			    "my view");
	/* The three rows they assessed, oldest first, without whom or the note. */
	assert_int_equal(json_array_size(as), 3);
	json_array_foreach(as, i, x) {
		assert_int_equal(json_object_size(x), 6);
		assert_null(json_object_get(x, "person"));
		assert_null(json_object_get(x, "note"));
	}
	assert_string_equal(json_string_value(json_object_get(json_array_get(as, 0), "date")),
			    "2023-07-05");
	assert_true(json_real_value(json_object_get(json_array_get(as, 2), "level")) == 4.0);
	/* Their two users (the first with its one session), their token. */
	assert_int_equal(json_array_size(users), 2);
	assert_string_equal(json_string_value(json_object_get(json_array_get(users, 0), "name")),
			    "erika");
	x = json_object_get(json_array_get(users, 0), "sessions");
	assert_int_equal(json_array_size(x), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(x, 0), "created_at")),
			    "2026-01-01T00:00:00Z");
	assert_string_equal(json_string_value(json_object_get(json_array_get(x, 0), "address")),
			    "10.0.0.7");
	assert_int_equal(json_array_size(json_object_get(json_array_get(users, 1), "teams")), 1);
	assert_int_equal(json_array_size(tokens), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(tokens, 0), "name")),
			    "erika-feed");
	/* The audit log: BOSS's read concerns them; their own read of OTHER
	 * is theirs, without OTHER's key. */
	x = json_object_get(audit, "concerning");
	assert_int_equal(json_array_size(x), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(x, 0), "actor")), "boss");
	x = json_object_get(audit, "by");
	assert_int_equal(json_array_size(x), 1);
	assert_string_equal(json_string_value(json_object_get(json_array_get(x, 0), "actor")), "erika");
	assert_true(json_is_null(json_object_get(json_array_get(x, 0), "person")));
	assert_true(json_is_null(json_object_get(json_array_get(x, 0), "object_key")));
	/* Nothing of the others: not their keys, names, notes; no hashes. */
	assert_null(strstr(text, "OTHER"));
	assert_null(strstr(text, "REP"));
	assert_null(strstr(text, "Otto"));
	assert_null(strstr(text, "helpful"));
	assert_null(strstr(text, "hash"));
	assert_null(strstr(text, "argon2"));
	free(text);
	json_decref(d);
}

static void test_export_hides_peer_assessors(void **state)
{
	struct fixture *f = *state;
	char *text;
	json_t *d = export_of(f->st, "OTHER", true, &text);
	json_t *ev = json_object_get(d, "evidence"), *x;
	size_t i, peers = 0;

	assert_int_equal(json_array_size(ev), 3);
	json_array_foreach(ev, i, x) {
		const char *src = json_string_value(json_object_get(x, "source"));

		if (strcmp(src, "peer") == 0) {
			peers++;
			assert_true(json_is_null(json_object_get(x, "assessor")));
		} else if (strcmp(src, "manager") == 0) {
			assert_string_equal(json_string_value(json_object_get(x, "assessor")), "BOSS");
		}
	}
	assert_int_equal(peers, 1);
	assert_null(strstr(text, "ERASED"));
	free(text);
	json_decref(d);
}

static void test_export_unknown(void **state)
{
	struct fixture *f = *state;
	static struct jw w;
	struct privacy_export_opts o = { false };
	struct err err = { 0 };

	jw_init(&w, NULL, 1 << 16);
	must(store_begin_read(f->st, &err), &err);
	assert_int_equal(privacy_export_json(&w, f->st, "NOBODY", &o, &err), -1);
	store_rollback(f->st);
	assert_int_equal(err.code, EX_NOINPUT);
	assert_int_equal(w.depth, 0);    /* nothing begun */
	buf_free(&w.out);
}

/* ---- erasure ------------------------------------------------------------- */

struct scan {
	const struct table_def *t;
	int64_t id;
	int found;
	char where[200];
};

/* Columns that hold a person's id. */
static bool person_column(const struct table_def *t, const char *column)
{
	return strcmp(column, "person_id") == 0 || strcmp(column, "assessor_id") == 0 ||
	       strcmp(column, "manager_id") == 0 ||
	       (strcmp(t->name, "person") == 0 && strcmp(column, "id") == 0);
}

static int scan_row(void *ctx, const struct cell *row)
{
	struct scan *s = ctx;

	for (int i = 0; i < s->t->ncolumns; i++) {
		const struct column_def *c = &s->t->columns[i];
		const char *bad = NULL;

		if (row[i].null)
			continue;
		if (c->type == CELL_TEXT && (strcmp(row[i].s, "ERASED") == 0 ||
					     strncmp(row[i].s, "erika", 5) == 0 ||
					     strstr(row[i].s, "Erika") != NULL))
			bad = row[i].s;
		else if (c->type == CELL_INT && person_column(s->t, c->name) && row[i].i == s->id)
			bad = "the id";
		if (bad != NULL && !s->found) {
			s->found = 1;
			(void)snprintf(s->where, sizeof s->where, "%s.%s holds %s", s->t->name, c->name,
				       bad);
		}
	}
	return 0;
}

static void test_erase(void **state)
{
	struct fixture *f = *state;
	struct store *st = f->st;
	struct privacy_erased x;
	struct err err = { 0 };
	struct estimate other1, rep2, boss1;
	struct person p;
	struct arena a;
	int64_t id = 0, n = 0;

	other1 = level_of(st, "OTHER", "c1", "2026-01-01");
	rep2 = level_of(st, "REP", "c2", "2026-01-01");
	boss1 = level_of(st, "BOSS", "c1", "2026-01-01");
	assert_true(other1.assessed && rep2.assessed);
	assert_int_equal(store_lookup(st, ENTITY_PERSON, "ERASED", &id, &err), 1);

	/* The scan finds them before: in the people, evidence, accounts. */
	for (int t = 0; t < store_table_count; t++) {
		struct scan s = { &store_tables[t], id, 0, "" };
		const char *name = store_tables[t].name;

		must(st->be->each_row(st, &store_tables[t], scan_row, &s, &err), &err);
		if (strcmp(name, "person") == 0 || strcmp(name, "evidence") == 0 ||
		    strcmp(name, "evidence_sum") == 0 || strcmp(name, "account") == 0 ||
		    strcmp(name, "api_token") == 0)
			assert_true(s.found);
	}
	assert_int_equal(store_privacy_erase(st, "ERASED", &x, &err), -1);
	assert_int_equal(err.code, EX_SOFTWARE);      /* outside a transaction */

	must(store_privacy_erase_logged(st, "ERASED",
					&(struct audit_entry){ .actor = "cli:test" }, &x, &err),
	     &err);
	assert_int_equal(x.evidence, 2);
	assert_int_equal(x.retractions, 1);
	assert_int_equal(x.sums, 1);
	assert_int_equal(x.assessed, 3);
	assert_int_equal(x.reports, 1);
	assert_int_equal(x.users, 2);
	assert_int_equal(x.sessions, 1);
	assert_int_equal(x.tokens, 1);

	/* No table holds their key, name, accounts or id; the audit log
	 * only the erasure's own entry, besides the entries from before
	 * (kept: docs/security.md). */
	for (int t = 0; t < store_table_count; t++) {
		struct scan s = { &store_tables[t], id, 0, "" };

		if (strcmp(store_tables[t].name, "audit_log") == 0)
			continue;
		must(st->be->each_row(st, &store_tables[t], scan_row, &s, &err), &err);
		if (s.found)
			fail_msg("%s", s.where);
	}
	assert_int_equal(store_session_count(st, "erika", &n, &err), 0);
	assert_int_equal(n, 0);

	/* Their report has no manager; the rows they assessed stay, with
	 * their level and note, without the assessor. */
	arena_init(&a, 1 << 16);
	assert_int_equal(store_get_person(st, "REP", &p, &a, &err), 1);
	assert_null(p.manager);
	assert_int_equal(store_get_person(st, "ERASED", &p, &a, &err), 0);
	arena_free(&a);
	assert_int_equal(store_lookup(st, ENTITY_PERSON, "ERASED", NULL, &err), 0);

	assert_consistent(st);
	/* Nobody else's level moved: the erased person's rows were about
	 * them alone. */
	{
		struct estimate o = level_of(st, "OTHER", "c1", "2026-01-01");
		struct estimate r = level_of(st, "REP", "c2", "2026-01-01");
		struct estimate b = level_of(st, "BOSS", "c1", "2026-01-01");

		assert_true(o.level == other1.level && o.evidence == 2);
		assert_true(r.level == rep2.level && r.evidence == 2);
		assert_true(b.assessed == boss1.assessed);
	}

	assert_int_equal(store_privacy_erase_logged(st, "ERASED",
						    &(struct audit_entry){ .actor = "cli:test" },
						    &x, &err), -1);
	assert_int_equal(err.code, EX_NOINPUT);
}

struct evidence_seen {
	int peer_rows;
	int peer_without_assessor;
	int notes_kept;
};

static int see_row(void *ctx, const struct evidence_entry *x)
{
	struct evidence_seen *s = ctx;

	if (x->e.source == SOURCE_PEER) {
		s->peer_rows++;
		s->peer_without_assessor += x->e.assessor == NULL;
		s->notes_kept += x->e.note != NULL && strcmp(x->e.note, "helpful") == 0;
	}
	return 0;
}

static void test_erase_anonymises_assessor(void **state)
{
	struct fixture *f = *state;
	struct privacy_erased x;
	struct evidence_seen s = { 0 };
	char next[EVIDENCE_CURSOR_MAX];
	struct err err = { 0 };

	must(store_privacy_erase_logged(f->st, "ERASED",
					&(struct audit_entry){ .actor = "cli:test" }, &x, &err),
	     &err);
	must(store_page_evidence(f->st, "OTHER", NULL, 100, see_row, &s, next, &err), &err);
	assert_int_equal(s.peer_rows, 1);
	assert_int_equal(s.peer_without_assessor, 1);
	assert_int_equal(s.notes_kept, 1);
}

struct audit_count {
	int erase, before;
};

static int count_audit(void *ctx, const struct audit_entry *e)
{
	struct audit_count *c = ctx;

	if (strcmp(e->action, "privacy.erase") == 0) {
		c->erase++;
		assert_string_equal(e->actor, "cli:test");
		assert_string_equal(e->object_key, "ERASED");
		assert_string_equal(e->outcome, "ok");
		assert_non_null(strstr(e->detail, "2 evidence rows"));
	} else {
		c->before++;
	}
	return 0;
}

static void test_erase_audit(void **state)
{
	struct fixture *f = *state;
	struct privacy_erased x;
	struct audit_count c = { 0 };
	struct err err = { 0 };

	must(store_privacy_erase_logged(f->st, "ERASED",
					&(struct audit_entry){ .actor = "cli:test" }, &x, &err),
	     &err);
	must(store_each_audit(f->st, &(struct audit_filter){ .person = "ERASED" }, count_audit, &c,
			      &err), &err);
	assert_int_equal(c.erase, 1);
	assert_int_equal(c.before, 1);    /* BOSS's read, kept */
}

/* ---- retention ------------------------------------------------------------ */

static void test_cutoff(void **state)
{
	(void)state;
	assert_int_equal(privacy_cutoff(day("2026-01-01"), 2), day("2024-01-01"));
	assert_int_equal(privacy_cutoff(day("2028-02-29"), 1), day("2027-02-28"));
	assert_int_equal(privacy_cutoff(day("2028-02-29"), 4), day("2024-02-29"));
	assert_int_equal(privacy_cutoff(day("2026-12-02"), 10), day("2016-12-02"));
}

struct dates {
	int32_t cutoff;
	int rows, before;
};

/* Counts the evidence table's rows, and those dated before the cut-off. */
static int row_date(void *ctx, const struct cell *row)
{
	struct dates *d = ctx;

	d->rows++;
	d->before += row[6].i < d->cutoff;    /* the date column */
	return 0;
}

static int evidence_table(void)
{
	for (int t = 0; t < store_table_count; t++)
		if (strcmp(store_tables[t].name, "evidence") == 0) {
			assert_string_equal(store_tables[t].columns[6].name, "date");
			return t;
		}
	fail_msg("no evidence table");
	return -1;
}

static void test_purge(void **state)
{
	struct fixture *f = *state;
	struct store *st = f->st;
	struct privacy_purged x;
	struct err err = { 0 };
	struct estimate before, after, other1;
	int32_t cutoff = privacy_cutoff(day("2026-01-01"), 2);
	int64_t n = 0;

	/* REP on c2 as of 2024-01-01: manager rows of 2 (180 days old: half
	 * of 0.8) and 4 (0.8): (0.4 * 2 + 0.8 * 4) / 1.2 = 10/3. */
	before = level_of(st, "REP", "c2", "2024-01-01");
	assert_true(fabs(before.level - 10.0 / 3.0) < 1e-12);
	other1 = level_of(st, "OTHER", "c1", "2026-01-01");

	must(store_privacy_purge(st, cutoff, 1, &x, &err), &err);
	/* Before 2024-01-01: REP's row of 2023-07-05 and OTHER's retracted
	 * test row of 2023-01-01; REP's row dated the cut-off day stays. */
	assert_int_equal(x.cutoff, day("2024-01-01"));
	assert_int_equal(x.rows, 2);
	assert_int_equal(x.retractions, 1);
	assert_int_equal(x.pairs, 2);
	must(store_count(st, ENTITY_EVIDENCE, &n, &err), &err);
	assert_int_equal(n, 5);                          /* a dry run changes nothing */

	assert_int_equal(store_privacy_purge(st, cutoff, 0, &x, &err), -1);
	assert_int_equal(err.code, EX_SOFTWARE);         /* outside a transaction */
	must(store_privacy_purge_logged(st, cutoff, 2, &(struct audit_entry){ .actor = "cli:test" },
					&x, &err), &err);
	assert_int_equal(x.rows, 2);
	assert_int_equal(x.pairs, 2);
	must(store_count(st, ENTITY_EVIDENCE, &n, &err), &err);
	assert_int_equal(n, 4);                          /* in force: 5 less REP's old row */
	{
		struct dates d = { cutoff, 0, 0 };

		must(st->be->each_row(st, &store_tables[evidence_table()], row_date, &d, &err), &err);
		assert_int_equal(d.rows, 5);             /* 7 stored, 2 purged */
		assert_int_equal(d.before, 0);
	}
	assert_consistent(st);

	/* REP's level is now their one row left: exactly 4. OTHER's c1 is
	 * untouched. */
	after = level_of(st, "REP", "c2", "2024-01-01");
	assert_true(after.level == 4.0);
	assert_int_equal(after.evidence, 1);
	assert_true(level_of(st, "OTHER", "c1", "2026-01-01").level == other1.level);
	assert_false(level_of(st, "OTHER", "c2", "2026-01-01").assessed);

	/* Again: nothing left to purge. */
	must(store_privacy_purge_logged(st, cutoff, 2, &(struct audit_entry){ .actor = "cli:test" },
					&x, &err), &err);
	assert_int_equal(x.rows, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_export, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_hides_peer_assessors, setup, teardown),
		cmocka_unit_test_setup_teardown(test_export_unknown, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_anonymises_assessor, setup, teardown),
		cmocka_unit_test_setup_teardown(test_erase_audit, setup, teardown),
		cmocka_unit_test(test_cutoff),
		cmocka_unit_test_setup_teardown(test_purge, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
