/* Synthetic organisations for benchmarks and tests, in the shape of the
 * demo: a root team "org" with departments of teams of 8 to 20 people, a
 * role per person, 40 to 60 competencies, and about 60 evidence rows per
 * person over the two years before GENERATE_LAST_DAY. Written as CSV and
 * read back through the import, in one transaction. */
#include "demo/generate.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "io/csv.h"
#include "demo/written.h"
#include "util/date.h"
#include "util/rng.h"

enum {
	ROLES = 8,
	TEAMS_PER_DEPARTMENT = 12,
	ROWS_PER_PERSON = 60,
	DAYS = 730
};

struct role_req {
	int competency[12];
	int level[12];
	int n;
};

struct shape {
	struct rng rng;
	long people;
	int competencies;
	struct role_req roles[ROLES];
	int *team_of;            /* per person: team index */
	int *role_of;            /* per person */
	long *team_first;        /* per team: its first member (the lead) */
	int teams;
	int32_t last_day;
	struct generate_summary *sum;
	struct rng drawn;        /* the generator's state once the shape is drawn */
};

static int row(FILE *out, const char *const *cells, size_t n)
{
	return csv_write_row(out, cells, n, 0);
}

static void draw_shape(struct shape *s)
{
	long p = 0;
	int cap = 16;

	s->competencies = rng_range(&s->rng, 40, 60);
	for (int r = 0; r < ROLES; r++) {
		struct role_req *q = &s->roles[r];

		q->n = rng_range(&s->rng, 8, 12);
		for (int i = 0; i < q->n; i++) {
			int c, dup;

			do {
				c = rng_range(&s->rng, 0, s->competencies - 1);
				dup = 0;
				for (int k = 0; k < i; k++)
					dup |= q->competency[k] == c;
			} while (dup);
			q->competency[i] = c;
			q->level[i] = rng_range(&s->rng, 2, 4);
		}
	}
	s->team_first = malloc((size_t)cap * sizeof *s->team_first);
	while (s->team_first != NULL && p < s->people) {
		int size = rng_range(&s->rng, 8, 20);

		if (s->teams == cap) {
			long *t = realloc(s->team_first, (size_t)(cap *= 2) * sizeof *t);

			if (t == NULL) {
				free(s->team_first);
				s->team_first = NULL;
				break;
			}
			s->team_first = t;
		}
		s->team_first[s->teams] = p;
		for (int k = 0; k < size && p < s->people; k++, p++) {
			s->team_of[p] = s->teams;
			/* Role 0 leads; the others are spread over the team. */
			s->role_of[p] = k == 0 ? 0 : rng_range(&s->rng, 1, ROLES - 1);
		}
		s->teams++;
	}
}

static void write_teams(void *ctx, FILE *out)
{
	struct shape *s = ctx;

	const char *header[] = { "key", "name", "parent" };
	const char *root[] = { "org", "Organisation", NULL };
	char key[32], name[64], parent[32];
	const char *cells[] = { key, name, parent };

	(void)row(out, header, 3);
	(void)row(out, root, 3);
	for (int d = 0; d * TEAMS_PER_DEPARTMENT < s->teams; d++) {
		(void)snprintf(key, sizeof key, "d%03d", d);
		(void)snprintf(name, sizeof name, "Department %d", d);
		(void)snprintf(parent, sizeof parent, "org");
		(void)row(out, cells, 3);
	}
	for (int t = 0; t < s->teams; t++) {
		(void)snprintf(key, sizeof key, "t%05d", t);
		(void)snprintf(name, sizeof name, "Team %d", t);
		(void)snprintf(parent, sizeof parent, "d%03d", t / TEAMS_PER_DEPARTMENT);
		(void)row(out, cells, 3);
	}
	s->sum->teams = 1 + (s->teams + TEAMS_PER_DEPARTMENT - 1) / TEAMS_PER_DEPARTMENT + s->teams;
}

static void write_competencies(void *ctx, FILE *out)
{
	struct shape *s = ctx;

	static const char *const categories[] = { "personal", "interpersonal", "knowledge",
						  "leadership", "analytical" };
	static const char *const dev[] = { "high", "medium", "low" };
	const char *header[] = { "key", "name", "category", "description", "developability" };
	char key[24], name[48], desc[96];
	const char *cells[] = { key, name, NULL, desc, NULL };

	(void)row(out, header, 5);
	for (int c = 0; c < s->competencies; c++) {
		(void)snprintf(key, sizeof key, "c%02d", c);
		(void)snprintf(name, sizeof name, "Competency %d", c);
		(void)snprintf(desc, sizeof desc, "The definition of competency %d.", c);
		cells[2] = categories[c % 5];
		cells[4] = dev[rng_range(&s->rng, 0, 2)];
		(void)row(out, cells, 5);
	}
}

static void write_indicators(void *ctx, FILE *out)
{
	struct shape *s = ctx;

	const char *header[] = { "competency", "level", "indicator" };
	char key[24], level[24], text[96];
	const char *cells[] = { key, level, text };

	(void)row(out, header, 3);
	for (int c = 0; c < s->competencies; c++) {
		(void)snprintf(key, sizeof key, "c%02d", c);
		for (int i = 0; i < 4; i++) {
			level[0] = '\0';
			(void)snprintf(text, sizeof text, "Behavioural indicator %d of competency %d", i + 1, c);
			(void)row(out, cells, 3);
		}
		for (int l = 1; l <= 5; l++) {
			(void)snprintf(level, sizeof level, "%d", l);
			(void)snprintf(text, sizeof text, "Level %d of competency %d", l, c);
			(void)row(out, cells, 3);
		}
	}
}

static void write_roles(void *ctx, FILE *out)
{
	struct shape *s = ctx;

	const char *header[] = { "role", "competency", "required_level", "weight" };
	char role[24], comp[24], level[24], weight[24];
	const char *cells[] = { role, comp, level, weight };

	(void)row(out, header, 4);
	for (int r = 0; r < ROLES; r++) {
		(void)snprintf(role, sizeof role, r == 0 ? "lead" : "role%d", r);
		for (int i = 0; i < s->roles[r].n; i++) {
			(void)snprintf(comp, sizeof comp, "c%02d", s->roles[r].competency[i]);
			(void)snprintf(level, sizeof level, "%d", s->roles[r].level[i]);
			(void)snprintf(weight, sizeof weight, "%d", rng_range(&s->rng, 1, 3));
			(void)row(out, cells, 4);
		}
	}
}

static void write_people(void *ctx, FILE *out)
{
	struct shape *s = ctx;

	const char *header[] = { "id", "name", "email", "team", "role", "manager" };
	char id[24], name[40], email[48], team[24], role[24], manager[24];
	const char *cells[] = { id, name, email, team, role, manager };

	(void)row(out, header, 6);
	for (long p = 0; p < s->people; p++) {
		long lead = s->team_first[s->team_of[p]];

		(void)snprintf(id, sizeof id, "P%06ld", p);
		(void)snprintf(name, sizeof name, "Person %ld", p);
		(void)snprintf(email, sizeof email, "p%ld@example.org", p);
		(void)snprintf(team, sizeof team, "t%05d", s->team_of[p]);
		(void)snprintf(role, sizeof role, s->role_of[p] == 0 ? "lead" : "role%d", s->role_of[p]);
		if (lead == p)
			manager[0] = '\0';
		else
			(void)snprintf(manager, sizeof manager, "P%06ld", lead);
		(void)row(out, cells, 6);
	}
	s->sum->people = s->people;
}

static void write_evidence(void *ctx, FILE *out)
{
	struct shape *s = ctx;

	static const enum source sources[] = {
		SOURCE_QA, SOURCE_QA, SOURCE_QA, SOURCE_MANAGER, SOURCE_MANAGER, SOURCE_SELF,
		SOURCE_PEER, SOURCE_ASSESSMENT, SOURCE_TEST, SOURCE_CUSTOMER
	};
	const char *header[] = { "person", "competency", "level", "source", "date", "assessor", "note" };
	char id[24], comp[24], level[24], date[DATE_ISO_LEN + 1], assessor[24];
	const char *cells[] = { id, comp, level, NULL, date, NULL, NULL };

	(void)row(out, header, 7);
	for (long p = 0; p < s->people; p++) {
		const struct role_req *q = &s->roles[s->role_of[p]];
		double bias = 0.6 * rng_normal(&s->rng);
		int rows = ROWS_PER_PERSON - 10 + rng_range(&s->rng, 0, 20);

		(void)snprintf(id, sizeof id, "P%06ld", p);
		for (int i = 0; i < rows; i++) {
			/* Mostly the role's competencies, sometimes another. */
			int k = rng_range(&s->rng, 0, q->n - 1);
			int c = rng_range(&s->rng, 0, 9) == 0 ? rng_range(&s->rng, 0, s->competencies - 1)
								: q->competency[k];
			enum source src = sources[rng_range(&s->rng, 0, 9)];
			double v = q->level[k] + bias + 0.3 * ((c * 7 + p) % 5 - 2) + 0.5 * rng_normal(&s->rng);

			v = round(fmin(5, fmax(1, v)) * 10) / 10;
			(void)snprintf(comp, sizeof comp, "c%02d", c);
			(void)snprintf(level, sizeof level, "%.1f", v);
			date_format(s->last_day - rng_range(&s->rng, 0, DAYS - 1), date);
			cells[3] = source_name(src);
			if (src == SOURCE_MANAGER && s->team_first[s->team_of[p]] != p) {
				(void)snprintf(assessor, sizeof assessor, "P%06ld", s->team_first[s->team_of[p]]);
				cells[5] = assessor;
			} else {
				cells[5] = NULL;
			}
			(void)row(out, cells, 7);
			s->sum->evidence++;
		}
	}
}

/* One attempt at storing the organisation; every attempt writes the same
 * rows, from the state the shape left the generator in. */
static int write_generated(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct shape *s = ctx;

	(void)attempt;
	s->rng = s->drawn;
	s->sum->evidence = 0;
	if (import_written(st, IMPORT_TEAMS, write_teams, s, "generator", NULL, err) < 0 ||
	    import_written(st, IMPORT_COMPETENCIES, write_competencies, s, "generator", NULL, err) < 0 ||
	    import_written(st, IMPORT_INDICATORS, write_indicators, s, "generator", NULL, err) < 0 ||
	    import_written(st, IMPORT_ROLES, write_roles, s, "generator", NULL, err) < 0 ||
	    import_written(st, IMPORT_PEOPLE, write_people, s, "generator", NULL, err) < 0 ||
	    import_written(st, IMPORT_EVIDENCE, write_evidence, s, "generator", NULL, err) < 0)
		return -1;
	return 0;
}

int generate_create(struct store *st, long people, uint64_t seed,
		    struct generate_summary *sum, struct err *err)
{
	struct shape s = { .people = people, .sum = sum };
	int64_t n;
	int rc = -1;

	memset(sum, 0, sizeof *sum);
	if (store_count(st, ENTITY_PERSON, &n, err) < 0)
		return -1;
	if (n > 0)
		return err_set(err, EX_DATAERR, "%s holds people already; generate into an empty database",
			       store_describe(st));
	rng_seed(&s.rng, seed);
	(void)date_parse(GENERATE_LAST_DAY, &s.last_day);
	s.team_of = calloc((size_t)people, sizeof *s.team_of);
	s.role_of = calloc((size_t)people, sizeof *s.role_of);
	if (s.team_of == NULL || s.role_of == NULL)
		goto oom;
	draw_shape(&s);
	if (s.team_first == NULL)
		goto oom;
	sum->competencies = s.competencies;
	s.drawn = s.rng;
	if (store_transact(st, write_generated, &s, err) < 0)
		goto out;
	rc = 0;
	goto out;
oom:
	err_set(err, EX_OSERR, "out of memory");
out:
	free(s.team_of);
	free(s.role_of);
	free(s.team_first);
	return rc;
}
