/* show person ID | show competency KEY | show evaluation KEY */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "util/array.h"
#include "cli/commands.h"
#include "cli/gapopts.h"
#include "io/entities.h"
#include "cli/table.h"
#include "io/export.h"
#include "store/texts.h"
#include "util/arena.h"
#include "util/date.h"
#include "util/utf8.h"
#include "views/views.h"

enum {
	RECENT_EVIDENCE = 20,
	WRAP_COLUMNS = 76
};

/* Prints text wrapped at WRAP_COLUMNS: the first line after first, the
 * others after indent (of the same width). */
static void print_wrapped(const char *first, const char *indent, const char *text)
{
	size_t col = 0, width = WRAP_COLUMNS - strlen(indent);
	const char *p = text;

	fputs(first, stdout);
	while (*p != '\0') {
		size_t len = strcspn(p, " \n");
		char word[4096];

		(void)snprintf(word, sizeof word, "%.*s", (int)len, p);
		if (col > 0 && col + 1 + utf8_width(word) > width) {
			printf("\n%s", indent);
			col = 0;
		} else if (col > 0) {
			putchar(' ');
			col++;
		}
		fputs(word, stdout);
		col += utf8_width(word);
		p += len;
		if (*p == '\n') {
			printf("\n%s", indent);
			col = 0;
		}
		while (*p == ' ' || *p == '\n')
			p++;
	}
	putchar('\n');
}

/* A copy of one row, for the single-row lookups below. */
struct found {
	struct arena arena;
	struct person person;
	struct team team;
	struct competency competency;
	bool any;
};

static int keep_person(void *ctx, const struct person *p)
{
	struct found *f = ctx;

	f->any = true;
	return person_copy(&f->person, p, &f->arena);
}

static int keep_team(void *ctx, const struct team *t)
{
	struct found *f = ctx;

	f->team.key = arena_strdup(&f->arena, t->key);
	f->team.name = arena_strdup(&f->arena, t->name);
	f->any = true;
	return 0;
}

static int keep_competency(void *ctx, const struct competency *c)
{
	struct found *f = ctx;

	f->competency = *c;
	f->competency.key = arena_strdup(&f->arena, c->key);
	f->competency.name = arena_strdup(&f->arena, c->name);
	f->competency.category = arena_strdup(&f->arena, c->category);
	f->competency.description = arena_strdup(&f->arena, c->description);
	f->any = true;
	return 0;
}

/* The person's evidence, gathered for sorting and counting. */
struct evidence_list {
	struct evidence *rows;
	size_t n, cap;
	struct arena arena;
};

static int keep_evidence(void *ctx, const struct evidence *e)
{
	struct evidence_list *l = ctx;
	struct evidence *c;

	if (array_reserve(&l->rows, &l->cap, l->n + 1, sizeof *l->rows) < 0)
		return -1;
	c = &l->rows[l->n++];
	*c = *e;
	c->person = NULL;
	c->competency = arena_strdup(&l->arena, e->competency);
	c->assessor = arena_strdup(&l->arena, e->assessor);
	c->note = arena_strdup(&l->arena, e->note);
	return 0;
}

static int newest_first(const void *a, const void *b)
{
	const struct evidence *x = a, *y = b;

	if (x->date != y->date)
		return x->date < y->date ? 1 : -1;
	return (x->id < y->id) - (x->id > y->id);
}

struct requirement_rows {
	struct table *t;
	const struct evidence_list *ev;
	const char *competency;   /* only requirements of this competency, or NULL */
};

static int requirement_row(void *ctx, const struct requirement *r)
{
	struct requirement_rows *rr = ctx;
	char level[16], weight[16], count[24], latest[DATE_ISO_LEN + 1] = "-";
	long n = 0;
	int32_t newest = 0;

	if (rr->competency != NULL) {
		const char *cells[] = { r->role, level, weight };

		if (strcmp(r->competency, rr->competency) != 0)
			return 0;
		(void)snprintf(level, sizeof level, "%d", r->required_level);
		(void)snprintf(weight, sizeof weight, "%d", r->weight);
		return table_add(rr->t, cells);
	}
	for (size_t i = 0; i < rr->ev->n; i++) {
		if (strcmp(rr->ev->rows[i].competency, r->competency) == 0) {
			if (n == 0 || rr->ev->rows[i].date > newest)
				newest = rr->ev->rows[i].date;
			n++;
		}
	}
	if (n > 0)
		date_format(newest, latest);
	(void)snprintf(level, sizeof level, "%d", r->required_level);
	(void)snprintf(weight, sizeof weight, "%d", r->weight);
	(void)snprintf(count, sizeof count, "%ld", n);
	{
		const char *cells[] = { r->competency, level, weight, count, latest };

		return table_add(rr->t, cells);
	}
}

static int show_person(struct store *st, const char *key, bool all, struct err *err)
{
	static const char *const req_headers[] = { "COMPETENCY", "REQUIRED", "WEIGHT", "EVIDENCE", "LATEST" };
	static const char *const ev_headers[] = { "ID", "DATE", "COMPETENCY", "SOURCE", "LEVEL", "ASSESSOR", "NOTE" };
	struct found f = { 0 }, other = { 0 };
	struct evidence_list ev = { 0 };
	const struct evidence_filter filter = { key, NULL };
	struct requirement_rows rr = { 0 };
	struct table t;
	int rc = 0;
	size_t shown;

	arena_init(&f.arena, SIZE_MAX);
	arena_init(&other.arena, SIZE_MAX);
	arena_init(&ev.arena, SIZE_MAX);
	if (store_each_person(st, key, keep_person, &f, err) != 0)
		goto fail;
	if (!f.any) {
		(void)store_unknown_key(st, ENTITY_PERSON, key, err);
		goto fail;
	}
	printf("%s (%s)\n", f.person.name, f.person.key);
	printf("  email    %s\n", f.person.email ? f.person.email : "-");
	if (f.person.team != NULL && store_each_team(st, f.person.team, keep_team, &other, err) != 0)
		goto fail;
	printf("  team     %s%s%s%s\n", f.person.team ? f.person.team : "-", other.any ? " (" : "",
	       other.any ? other.team.name : "", other.any ? ")" : "");
	printf("  role     %s\n", f.person.role ? f.person.role : "- (no function profile)");
	other.any = false;
	if (f.person.manager != NULL &&
	    store_each_person(st, f.person.manager, keep_person, &other, err) != 0)
		goto fail;
	printf("  manager  %s%s%s%s\n", f.person.manager ? f.person.manager : "-",
	       other.any ? " (" : "", other.any ? other.person.name : "", other.any ? ")" : "");
	printf("  active   %s\n", f.person.active ? "yes" : "no (left; kept for history)");

	if (store_each_evidence(st, &filter, keep_evidence, &ev, err) != 0)
		goto fail;
	if (ev.n > 1)
		qsort(ev.rows, ev.n, sizeof *ev.rows, newest_first);
	if (f.person.role != NULL) {
		printf("\nCompetencies required by role %s:\n", f.person.role);
		table_init(&t, 5, req_headers, 0xE);
		t.indent = "  ";
		rr.t = &t;
		rr.ev = &ev;
		if (store_each_requirement(st, f.person.role, requirement_row, &rr, err) != 0) {
			table_free(&t);
			goto fail;
		}
		table_print(&t, stdout);
	}
	shown = all || ev.n <= RECENT_EVIDENCE ? ev.n : RECENT_EVIDENCE;
	if (ev.n == 0) {
		printf("\nNo evidence yet: every competency is unassessed.\n");
		goto out;
	}
	if (shown == ev.n)
		printf("\nEvidence (%zu row%s, newest first):\n", ev.n, ev.n == 1 ? "" : "s");
	else
		printf("\nEvidence (the %zu newest of %zu rows; --all shows every row):\n", shown, ev.n);
	table_init(&t, 7, ev_headers, 0x11);
	t.indent = "  ";
	for (size_t i = 0; i < shown; i++) {
		const struct evidence *e = &ev.rows[i];
		char id[24], date[DATE_ISO_LEN + 1], level[32];
		const char *cells[] = { id, date, e->competency, source_name(e->source), level,
					e->assessor, e->note };

		(void)snprintf(id, sizeof id, "%lld", (long long)e->id);
		date_format(e->date, date);
		export_format_level(e->level, e->level_decimals, level);
		(void)table_add(&t, cells);
	}
	table_print(&t, stdout);
	goto out;
fail:
	rc = cli_fail(err);
out:
	free(ev.rows);
	arena_free(&ev.arena);
	arena_free(&f.arena);
	arena_free(&other.arena);
	return rc;
}

struct indicator_print {
	int last_level;
};

static int print_indicator(void *ctx, const struct indicator *i)
{
	struct indicator_print *p = ctx;
	char indent[16];

	if (i->level == 0 && p->last_level < 0)
		printf("\nBehavioural indicators:\n");
	if (i->level > 0 && p->last_level <= 0)
		printf("\nLevels:\n");
	p->last_level = i->level;
	if (i->level == 0) {
		print_wrapped("  - ", "    ", i->text);
		return 0;
	}
	(void)snprintf(indent, sizeof indent, "  %d  ", i->level);
	print_wrapped(indent, "     ", i->text);
	return 0;
}

static int count_row(void *ctx, const struct evidence *e)
{
	(void)e;
	(*(long *)ctx)++;
	return 0;
}

/* The competency key of the library read in one language, or NULL. */
static const struct library_competency *in_library(const struct library *lib, const char *key)
{
	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return &lib->competencies[i];
	return NULL;
}

/* lang: show the texts in that language where translated (else NULL). */
static int show_competency(struct store *st, const char *key, const char *lang,
			   struct err *err)
{
	static const char *const headers[] = { "ROLE", "REQUIRED", "WEIGHT" };
	struct found f = { 0 };
	struct indicator_print ip = { -1 };
	struct requirement_rows rr = { 0 };
	const struct evidence_filter filter = { NULL, key };
	struct table t;
	const struct library_competency *lc = NULL;
	struct library lib;
	long evidence = 0;
	int rc = 0;

	arena_init(&f.arena, SIZE_MAX);
	if (store_each_competency(st, key, keep_competency, &f, err) != 0)
		goto fail;
	if (!f.any) {
		(void)store_unknown_key(st, ENTITY_COMPETENCY, key, err);
		goto fail;
	}
	if (lang != NULL) {
		/* Each text in the language, or the base text where it has none. */
		if (store_load_library(st, lang, &f.arena, &lib, err) < 0)
			goto fail;
		lc = in_library(&lib, key);
		if (lc != NULL) {
			f.competency.name = lc->name;
			f.competency.description = lc->description;
		}
	}
	printf("%s (%s)\n", f.competency.name, f.competency.key);
	printf("  category        %s\n", f.competency.category ? f.competency.category : "-");
	printf("  developability  %s\n", f.competency.developability == DEV_UNSET ? "-" :
	       developability_name(f.competency.developability));
	if (f.competency.description != NULL) {
		printf("\nDefinition:\n");
		print_wrapped("  ", "  ", f.competency.description);
	}
	for (size_t i = 0; lc != NULL && i < lc->nindicators; i++)
		(void)print_indicator(&ip, &(struct indicator){ key, lc->indicators[i].level,
								lc->indicators[i].text });
	if (lc == NULL && store_each_indicator(st, key, print_indicator, &ip, err) != 0)
		goto fail;
	table_init(&t, 3, headers, 0x6);
	t.indent = "  ";
	rr.t = &t;
	rr.competency = key;
	if (store_each_requirement(st, NULL, requirement_row, &rr, err) != 0) {
		table_free(&t);
		goto fail;
	}
	if (t.nrows == 0) {
		printf("\nNo role requires it.\n");
		table_free(&t);
	} else {
		printf("\nRequired by:\n");
		table_print(&t, stdout);
	}
	if (store_each_evidence(st, &filter, count_row, &evidence, err) != 0)
		goto fail;
	printf("\nEvidence: %ld row%s in force.\n", evidence, evidence == 1 ? "" : "s");
	goto out;
fail:
	rc = cli_fail(err);
out:
	arena_free(&f.arena);
	return rc;
}

/* The entity's document as the API gives it (io/entities.h). */
static int show_json(struct store *st, enum entity kind, const char *key, struct err *err)
{
	struct jw w;

	jw_init(&w, stdout, 0);
	if (entities_json_one(&w, st, kind, key, err) < 0) {
		/* Say it as the text form does: with the nearest keys. */
		if (err->code == EX_NOINPUT)
			(void)store_unknown_key(st, kind, key, err);
		return cli_fail(err);
	}
	if (jw_finish(&w) < 0) {
		fprintf(stderr, "compgap: cannot write the JSON document to standard output\n");
		return EX_IOERR;
	}
	return 0;
}

/* One evaluation: its areas with their percentages, and its result. */
static int show_evaluation(struct store *st, const char *key, bool json, struct err *err)
{
	static const char *const headers[] = {
		"AREA", "COMPETENCY", "WEIGHT", "SCALE", "SCORE", "PERCENT", "COMMENT"
	};
	struct evaluation_view v;
	int rc = 0;

	if (evaluation_gather(st, key, &v, err) < 0) {
		rc = cli_fail(err);
	} else if (json) {
		struct jw w;

		jw_init(&w, stdout, 0);
		evaluation_json(&w, &v);
		rc = gap_json_done(&w);
	} else {
		const struct qa_stored_eval *e = &v.e;
		char date[DATE_ISO_LEN + 1];
		struct table t;

		date_format(e->date, date);
		printf("evaluation %s: contact %s (%s), %s, %s evaluation of %s by %s\n", e->key,
		       e->contact, e->channel, date, e->kind, e->agent,
		       e->evaluator != NULL ? e->evaluator : "(erased)");
		printf("scorecard %s, version %d\n", e->scorecard, e->version);
		if (e->retracted_at != NULL)
			printf("RETRACTED %s: %s\n", e->retracted_at,
			       e->retract_reason != NULL ? e->retract_reason : "");
		putchar('\n');
		table_init(&t, 7, headers, 0x3C);
		for (size_t i = 0; i < e->nscores; i++) {
			const struct qa_stored_score *q = &e->scores[i];
			char w[32], scale[64], score[32], pct[32];
			const char *cells[] = { q->area, q->competency, w, scale, score, pct,
						q->comment != NULL ? q->comment : "" };

			(void)snprintf(w, sizeof w, "%g", q->a.weight);
			(void)snprintf(scale, sizeof scale, "%g-%g%s", q->a.min, q->a.max,
				       q->a.critical ? " critical" : "");
			(void)snprintf(score, sizeof score, "%g", q->score);
			(void)snprintf(pct, sizeof pct, "%.2f", v.percentage[i]);
			(void)table_add(&t, cells);
		}
		table_print(&t, stdout);
		if (isnan(v.result.score))
			printf("\nNo area scored: no evaluation score.\n");
		else
			printf("\nevaluation score %.2f%s%s\n", v.result.score,
			       v.result.auto_failed ? " (auto-failed: a critical area under 50%)" : "",
			       v.result.praise ? " (praise: 95% or more)" : "");
	}
	evaluation_free(&v);
	return rc;
}

int cmd_show(const struct command *cmd, int argc, char **argv)
{
	const char *db, *lang = NULL;
	bool all = false, json = false;
	const struct option opts[] = {
		{ "--all", NULL, NULL, &all },
		{ "--json", NULL, NULL, &json },
		{ "--lang", NULL, &lang, NULL },
		{ NULL, NULL, NULL, NULL },
	};
	char *pos[2];
	int npos, rc;
	struct store *st = NULL;
	struct err err = { 0 };

	rc = cli_parse(cmd, argc, argv, opts, &db, pos, 2, &npos);
	if (rc != 0)
		return rc < 0 ? 0 : rc;
	if (npos == 2 && strcmp(pos[0], "person") != 0 && strcmp(pos[0], "competency") != 0 &&
	    strcmp(pos[0], "evaluation") != 0 && strcmp(pos[0], "coaching") != 0) {
		static const char *const kinds[] = { "person", "competency", "evaluation", "coaching" };
		const char *near = cli_closest(pos[0], kinds, 4);

		if (near != NULL)
			return cli_usage(cmd, "cannot show '%s'; did you mean 'show %s %s'?", pos[0], near,
					 pos[1]);
	}
	if (npos != 2 || (strcmp(pos[0], "person") != 0 && strcmp(pos[0], "competency") != 0 &&
			  strcmp(pos[0], "evaluation") != 0 && strcmp(pos[0], "coaching") != 0))
		return cli_usage(cmd, "say 'show person ID', 'show competency KEY', 'show"
				 " evaluation KEY' or 'show coaching KEY'");
	rc = cli_open_store(db, STORE_SNAPSHOT, &st);
	if (rc != 0)
		return rc;
	if (strcmp(pos[0], "evaluation") == 0)
		rc = show_evaluation(st, pos[1], json, &err);
	else if (strcmp(pos[0], "coaching") == 0)
		rc = cli_show_coaching(st, pos[1], json, &err);
	else if (json)
		rc = show_json(st, strcmp(pos[0], "person") == 0 ? ENTITY_PERSON : ENTITY_COMPETENCY,
			       pos[1], &err);
	else if (strcmp(pos[0], "person") == 0)
		rc = show_person(st, pos[1], all, &err);
	else
		rc = show_competency(st, pos[1], lang, &err);
	store_close(st);
	return rc;
}
