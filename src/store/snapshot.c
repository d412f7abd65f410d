/* Putting a team's snapshots together from the backend's parts, the same
 * way on every engine: the members, their roles' requirements as lines, and
 * the running sums of each line made valid for each snapshot's date. The
 * members and lines are read once for all the dates, and each pair's sums
 * row once: a trend is one pass (docs/time-travel.md). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/history.h"
#include "store/backend.h"
#include "util/array.h"

/* Point lookups cost about thirty times a scanned row: when a snapshot has
 * more lines than this share of the people, one scan of all the sums is
 * the cheaper way (the whole organisation, a large department). */
#define SCAN_LINES_PER_PERSON 0.5

/* The ids of a member, which the snapshot itself does not keep. */
struct member_ids {
	int64_t person, role;                 /* role 0: none */
};

struct builder {
	struct store *st;
	struct err *err;
	struct team_snapshot *out;            /* n, out[0] built first */
	const int32_t *dates;                 /* n, ascending */
	size_t n;
	struct evidence_sums *at;             /* n: a pair's sums at each date */
	struct member_ids *ids;               /* per member */
	size_t cap_ids;
	struct requirement_row *reqs;         /* all roles', by role id */
	size_t nreqs, cap_reqs;
	size_t *line_req;                     /* per line: its requirement */
	size_t cap_lines;
	size_t *member_of;                    /* by person id: member index, or SIZE_MAX */
	int64_t max_person;                   /* the largest person id of the members */
};

static int add_member(void *ctx, const struct member_row *r)
{
	struct builder *b = ctx;
	struct team_snapshot *s = b->out;
	struct snapshot_member *m;
	size_t n = s->nmembers;

	if (array_reserve(&s->members, &s->cap_members, n + 1, sizeof *s->members) < 0 ||
	    array_reserve(&b->ids, &b->cap_ids, n + 1, sizeof *b->ids) < 0)
		return -1;
	m = &s->members[n];
	m->key = arena_strdup(&s->arena, r->key);
	m->name = arena_strdup(&s->arena, r->name);
	m->team = arena_strdup(&s->arena, r->team);
	m->role = arena_strdup(&s->arena, r->role);
	m->first_line = 0;
	m->nlines = 0;
	if (m->key == NULL || m->name == NULL || (r->team && !m->team) || (r->role && !m->role))
		return -1;
	b->ids[n] = (struct member_ids){ r->id, r->role_id };
	s->nmembers++;
	return 0;
}

static int add_requirement(void *ctx, const struct requirement_row *r)
{
	struct builder *b = ctx;
	struct requirement_row *q;

	if (array_reserve(&b->reqs, &b->cap_reqs, b->nreqs + 1, sizeof *b->reqs) < 0)
		return -1;
	q = &b->reqs[b->nreqs];
	*q = *r;
	q->competency = arena_strdup(&b->out->arena, r->competency);
	if (q->competency == NULL)
		return -1;
	b->nreqs++;
	return 0;
}

/* The first requirement of role, or nreqs. */
static size_t first_requirement(const struct builder *b, int64_t role)
{
	size_t lo = 0, hi = b->nreqs;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (b->reqs[mid].role_id < role)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The competencies f names as requirements of no role in particular
 * (role id 0), which add_lines gives every member: 0, -1 with err set,
 * or 1 when memory ran out. */
static int add_named_competencies(struct builder *b, const struct snapshot_filter *f)
{
	for (size_t i = 0; i < f->ncompetencies; i++) {
		struct requirement_row r = { .competency = f->competencies[i] };
		int found = store_lookup(b->st, ENTITY_COMPETENCY, f->competencies[i],
					 &r.competency_id, b->err);

		if (found < 0)
			return -1;
		if (found == 0)
			return store_unknown_key(b->st, ENTITY_COMPETENCY, f->competencies[i], b->err);
		if (add_requirement(b, &r) < 0)
			return 1;
	}
	return 0;
}

/* One line per requirement of each member's role (or per competency f
 * names: role_of_all), with no sums yet. */
static int add_lines(struct builder *b, bool role_of_all)
{
	struct team_snapshot *s = b->out;

	for (size_t m = 0; m < s->nmembers; m++) {
		int64_t role = role_of_all ? 0 : b->ids[m].role;

		s->members[m].first_line = s->nlines;
		if (role == 0 && !role_of_all)
			continue;
		for (size_t i = first_requirement(b, role); i < b->nreqs && b->reqs[i].role_id == role;
		     i++) {
			struct snapshot_line *l;

			if (array_reserve(&s->lines, &s->cap_lines, s->nlines + 1, sizeof *s->lines) < 0 ||
			    array_reserve(&b->line_req, &b->cap_lines, s->nlines + 1,
					  sizeof *b->line_req) < 0)
				return -1;
			l = &s->lines[s->nlines];
			l->competency = b->reqs[i].competency;
			l->required_level = b->reqs[i].required_level;
			l->weight = b->reqs[i].weight;
			memset(&l->sums, 0, sizeof l->sums);
			b->line_req[s->nlines] = i;
			s->nlines++;
			s->members[m].nlines++;
		}
	}
	return 0;
}

static int64_t line_competency(const struct builder *b, size_t line)
{
	return b->reqs[b->line_req[line]].competency_id;
}

/* The members and lines of out[0] into *s, with its own strings. */
static int copy_lines(const struct builder *b, struct team_snapshot *s)
{
	const struct team_snapshot *from = b->out;
	const char **competency = calloc(b->nreqs + 1, sizeof *competency);
	int rc = -1;

	if (competency == NULL)
		return -1;
	for (size_t i = 0; i < b->nreqs; i++)
		if ((competency[i] = arena_strdup(&s->arena, b->reqs[i].competency)) == NULL)
			goto out;
	if (array_reserve(&s->members, &s->cap_members, from->nmembers + 1, sizeof *s->members) < 0 ||
	    array_reserve(&s->lines, &s->cap_lines, from->nlines + 1, sizeof *s->lines) < 0)
		goto out;
	for (size_t m = 0; m < from->nmembers; m++) {
		const struct snapshot_member *f = &from->members[m];
		struct snapshot_member *t = &s->members[m];

		*t = *f;
		t->key = arena_strdup(&s->arena, f->key);
		t->name = arena_strdup(&s->arena, f->name);
		t->team = arena_strdup(&s->arena, f->team);
		t->role = arena_strdup(&s->arena, f->role);
		if (t->key == NULL || t->name == NULL || (f->team && !t->team) || (f->role && !t->role))
			goto out;
	}
	for (size_t i = 0; i < from->nlines; i++) {
		s->lines[i] = from->lines[i];
		s->lines[i].competency = competency[b->line_req[i]];
	}
	s->nmembers = from->nmembers;
	s->nlines = from->nlines;
	rc = 0;
out:
	free(competency);
	return rc;
}

static int damaged(struct err *err, int64_t person_id, int64_t competency_id)
{
	return err_set(err, EX_DATAERR,
		       "the stored history of person id %lld on competency id %lld is damaged;"
		       " 'compgap config set' of any method setting rebuilds it",
		       (long long)person_id, (long long)competency_id);
}

int store_history_as_of(const struct store *st, int64_t person_id, int64_t competency_id,
			const unsigned char *history, size_t len, int32_t as_of,
			struct evidence_sums *sums, struct err *err)
{
	if (history == NULL || history_sums_as_of(history, len, &st->settings, as_of, sums) < 0)
		return damaged(err, person_id, competency_id);
	return 0;
}

int store_pair_as_of(const struct store *st, int64_t person_id, int64_t competency_id,
		     const unsigned char *history, size_t len, int32_t as_of,
		     struct evidence_sums *sums, struct err *err)
{
	if (sums_valid_for(sums, as_of))
		return 0;
	return store_history_as_of(st, person_id, competency_id, history, len, as_of, sums, err);
}

/* Places one scanned sum on its line in every snapshot, if they have that
 * line: the stored sums for the dates they are valid for, the history's
 * for the earlier ones, all of those in one pass over it. */
static int place_sums(void *ctx, const struct pair_sums *p)
{
	struct builder *b = ctx;
	const struct snapshot_member *m;
	int64_t person = p->person_id;
	size_t stale = 0;

	if (person < 1 || person > b->max_person || b->member_of[person] == SIZE_MAX)
		return 0;
	m = &b->out[0].members[b->member_of[person]];
	for (size_t i = m->first_line; i < m->first_line + m->nlines; i++) {
		if (line_competency(b, i) != p->competency_id)
			continue;
		/* The dates ascend: those the sums are not valid for come first. */
		while (stale < b->n && !sums_valid_for(&p->sums, b->dates[stale]))
			stale++;
		if (stale > 0 && (p->history == NULL ||
				  history_sums_at(p->history, p->history_len, &b->st->settings,
						  b->dates, stale, b->at) < 0))
			return damaged(b->err, person, p->competency_id);
		for (size_t k = 0; k < b->n; k++)
			b->out[k].lines[i].sums = k < stale ? b->at[k] : p->sums;
		return 0;
	}
	return 0;
}

static size_t line_member(const struct team_snapshot *s, size_t line, size_t from)
{
	while (from < s->nmembers && line >= s->members[from].first_line + s->members[from].nlines)
		from++;
	return from;
}

/* The sums of every line, valid for each snapshot's date. */
static int fill_sums(struct store *st, struct builder *b, struct err *err)
{
	const struct team_snapshot *s = b->out;
	int64_t people = 0;
	size_t m = 0;

	/* The largest id bounds the number of people from above, and costs
	 * one step of an index where counting them read every row (a tenth
	 * of a small team's view in the server). */
	if (st->be->person_id_max(st, &people, err) < 0)
		return -1;
	if ((double)s->nlines > SCAN_LINES_PER_PERSON * (double)people) {
		for (size_t i = 0; i < s->nmembers; i++)
			if (b->ids[i].person > b->max_person)
				b->max_person = b->ids[i].person;
		if ((uint64_t)b->max_person >= SIZE_MAX / sizeof *b->member_of)
			return 1;
		b->member_of = malloc(((size_t)b->max_person + 1) * sizeof *b->member_of);
		if (b->member_of == NULL)
			return 1;
		for (int64_t id = 0; id <= b->max_person; id++)
			b->member_of[id] = SIZE_MAX;
		for (size_t i = 0; i < s->nmembers; i++)
			if (b->ids[i].person > 0)
				b->member_of[b->ids[i].person] = i;
		b->at = malloc(b->n * sizeof *b->at);
		if (b->at == NULL)
			return 1;
		return st->be->each_sums(st, 0, b->dates[0], place_sums, b, err) != 0 ? -1 : 0;
	}
	/* Few lines: a lookup per line and date (the backend makes each one
	 * valid for its date) costs less than a scan. */
	for (size_t i = 0; i < s->nlines; i++) {
		m = line_member(s, i, m);
		for (size_t k = 0; k < b->n; k++)
			if (st->be->get_sums(st, b->ids[m].person, line_competency(b, i), b->dates[k],
					     &b->out[k].lines[i].sums, err) < 0)
				return -1;
	}
	return 0;
}

int store_load_snapshots(struct store *st, const struct snapshot_filter *f,
			 const int32_t *dates, size_t n, struct team_snapshot *out, struct err *err)
{
	struct builder b = { .st = st, .err = err, .out = out, .dates = dates, .n = n };
	int rc = 0;

	for (size_t k = 0; k < n; k++) {
		memset(&out[k], 0, sizeof out[k]);
		arena_init(&out[k].arena, SIZE_MAX);
		out[k].as_of = dates[k];
		if (k > 0 && dates[k] < dates[k - 1])
			rc = -1;
	}
	if (n == 0)
		return 0;
	if (rc < 0 || (f->team != NULL) + (f->person != NULL) + f->everyone != 1) {
		rc = err_set(err, EX_SOFTWARE, "internal error: snapshots of a team, a person or"
			     " everyone, dates ascending");
		goto out;
	}
	rc = st->be->each_member(st, f, add_member, &b, err);
	if (rc == 0 && f->ncompetencies > 0)
		rc = add_named_competencies(&b, f);
	else if (rc == 0)
		rc = st->be->each_role_requirement(st, add_requirement, &b, err);
	if (rc == 0)
		rc = add_lines(&b, f->ncompetencies > 0) < 0 ? 1 : 0;
	for (size_t k = 1; rc == 0 && k < n; k++)
		rc = copy_lines(&b, &out[k]) < 0 ? 1 : 0;
	if (rc == 0)
		rc = fill_sums(st, &b, err);
out:
	free(b.ids);
	free(b.reqs);
	free(b.line_req);
	free(b.member_of);
	free(b.at);
	if (rc != 0) {
		if (rc > 0)
			err_set(err, EX_OSERR, "out of memory");
		for (size_t k = 0; k < n; k++)
			store_free_snapshot(&out[k]);
		return -1;
	}
	return 0;
}

int store_load_snapshot(struct store *st, const struct snapshot_filter *f, int32_t as_of,
			struct team_snapshot *out, struct err *err)
{
	return store_load_snapshots(st, f, &as_of, 1, out, err);
}

void store_free_snapshot(struct team_snapshot *s)
{
	free(s->members);
	free(s->lines);
	arena_free(&s->arena);
	memset(s, 0, sizeof *s);
}

/* What store_each_member_sums hands on from the scan of all sums. */
struct member_sums {
	struct builder *b;
	const int64_t *competency_ids;        /* of f's competencies */
	size_t ncompetencies;
	int (*cb)(void *ctx, size_t member, size_t competency, const struct evidence_sums *at);
	void *ctx;
};

/* The sums of p as of each date into b->at: the stored sums where they
 * are valid, the history's for the dates before. */
static int sums_at_dates(struct builder *b, const struct pair_sums *p)
{
	size_t stale = 0;

	while (stale < b->n && !sums_valid_for(&p->sums, b->dates[stale]))
		stale++;
	if (stale > 0 && (p->history == NULL ||
			  history_sums_at(p->history, p->history_len, &b->st->settings, b->dates,
					  stale, b->at) < 0))
		return damaged(b->err, p->person_id, p->competency_id);
	for (size_t k = stale; k < b->n; k++)
		b->at[k] = p->sums;
	return 0;
}

static int pass_member_sums(void *ctx, const struct pair_sums *p)
{
	struct member_sums *m = ctx;
	struct builder *b = m->b;
	int64_t person = p->person_id;

	if (person < 1 || person > b->max_person || b->member_of[person] == SIZE_MAX)
		return 0;
	for (size_t k = 0; k < m->ncompetencies; k++) {
		if (m->competency_ids[k] != p->competency_id)
			continue;
		if (sums_at_dates(b, p) < 0)
			return -1;
		return m->cb(m->ctx, b->member_of[person], k, b->at);
	}
	return 0;
}

/* Reads the sums of b's members on m's competencies and passes them on:
 * by one scan of all sums when the pairs are many (as fill_sums
 * decides), else by a lookup per pair and date. */
static int member_sums_read(struct store *st, struct builder *b, struct member_sums *m,
			    struct err *err)
{
	const struct team_snapshot *s = b->out;
	int64_t people = 0;

	if (st->be->person_id_max(st, &people, err) < 0)
		return -1;
	/* One scan of each named competency's sums: a key result names a few
	 * of the organisation's many. */
	if ((double)(s->nmembers * m->ncompetencies) > SCAN_LINES_PER_PERSON * (double)people) {
		for (size_t k = 0; k < m->ncompetencies; k++)
			if (st->be->each_sums(st, m->competency_ids[k], b->dates[0], pass_member_sums,
					      m, err) != 0)
				return -1;
		return 0;
	}
	for (size_t i = 0; i < s->nmembers; i++) {
		for (size_t k = 0; k < m->ncompetencies; k++) {
			int rc;

			for (size_t d = 0; d < b->n; d++)
				if (st->be->get_sums(st, b->ids[i].person, m->competency_ids[k],
						     b->dates[d], &b->at[d], err) < 0)
					return -1;
			if (b->at[b->n - 1].n_self + b->at[b->n - 1].n_other == 0)
				continue;          /* no evidence on it, as the scan passes none */
			rc = m->cb(m->ctx, i, k, b->at);
			if (rc != 0)
				return rc;
		}
	}
	return 0;
}

int store_each_member_sums(struct store *st, const struct snapshot_filter *f,
			   const int32_t *dates, size_t n, struct team_snapshot *members,
			   int (*cb)(void *ctx, size_t member, size_t competency,
				     const struct evidence_sums *at),
			   void *ctx, struct err *err)
{
	struct builder b = { .st = st, .err = err, .out = members, .dates = dates, .n = n };
	struct member_sums m = { .b = &b, .ncompetencies = f->ncompetencies, .cb = cb, .ctx = ctx };
	int64_t *ids = NULL;
	int rc = 0;

	memset(members, 0, sizeof *members);
	arena_init(&members->arena, SIZE_MAX);
	for (size_t k = 1; k < n; k++)
		if (dates[k] < dates[k - 1])
			rc = -1;
	if (rc < 0 || n == 0 || f->ncompetencies == 0 ||
	    (f->team != NULL) + (f->person != NULL) + f->everyone != 1)
		return err_set(err, EX_SOFTWARE, "internal error: the sums of a team's, a person's or"
			       " everyone's named competencies at dates ascending");
	rc = st->be->each_member(st, f, add_member, &b, err);
	if (rc == 0)
		rc = add_named_competencies(&b, f);
	if (rc != 0)
		goto out;
	ids = malloc(f->ncompetencies * sizeof *ids);
	b.at = malloc(n * sizeof *b.at);
	if (ids == NULL || b.at == NULL) {
		rc = 1;
		goto out;
	}
	for (size_t k = 0; k < f->ncompetencies; k++)
		ids[k] = b.reqs[k].competency_id;
	m.competency_ids = ids;
	for (size_t i = 0; i < members->nmembers; i++)
		if (b.ids[i].person > b.max_person)
			b.max_person = b.ids[i].person;
	if ((uint64_t)b.max_person >= SIZE_MAX / sizeof *b.member_of ||
	    (b.member_of = malloc(((size_t)b.max_person + 1) * sizeof *b.member_of)) == NULL) {
		rc = 1;
		goto out;
	}
	for (int64_t id = 0; id <= b.max_person; id++)
		b.member_of[id] = SIZE_MAX;
	for (size_t i = 0; i < members->nmembers; i++)
		b.member_of[b.ids[i].person] = i;
	rc = member_sums_read(st, &b, &m, err);
out:
	free(ids);
	free(b.ids);
	free(b.reqs);
	free(b.member_of);
	free(b.at);
	if (rc > 0)
		err_set(err, EX_OSERR, "out of memory");
	if (rc != 0)
		store_free_snapshot(members);
	return rc;
}
