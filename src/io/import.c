/* The import driver: header, rows, references, one transaction. The checks
 * of single values live in core/validate.c; this file adds what needs the
 * whole file or the database: keys, references, cycles. */
#include "util/array.h"
#include "io/import.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "core/estimate.h"
#include "core/validate.h"
#include "io/csv.h"
#include "util/arena.h"
#include "util/strmap.h"

enum {
	MSG_MAX = 512,
	PROGRESS_EVERY = 50000,
	EVIDENCE_BATCH = 4096,     /* evidence rows handed to the store at once */
	ARENA_MAX = (size_t)1 << 32,
	ROW_BAD_COLUMNS = 8,       /* the most columns a kind has */
	ROW_BAD = 1u << ROW_BAD_COLUMNS
};

struct kind_spec {
	const char *name;
	const char *const *columns;    /* canonical order */
	size_t ncolumns;
	unsigned required;             /* bit i: column i must be in the header */
};

static const char *const team_columns[] = { "key", "name", "parent" };
static const char *const people_columns[] = {
	"id", "name", "email", "team", "role", "manager", "active"
};
static const char *const competency_columns[] = {
	"key", "name", "category", "description", "developability"
};
static const char *const indicator_columns[] = { "competency", "level", "indicator" };
static const char *const role_columns[] = { "role", "competency", "required_level", "weight" };
static const char *const evidence_columns[] = {
	"person", "competency", "level", "source", "date", "assessor", "note"
};

#define SPEC(name, cols, req) { name, cols, sizeof cols / sizeof cols[0], req }
static const struct kind_spec kinds[IMPORT_KIND_COUNT] = {
	[IMPORT_TEAMS] = SPEC("teams", team_columns, 0x3),
	[IMPORT_PEOPLE] = SPEC("people", people_columns, 0x3),
	[IMPORT_COMPETENCIES] = SPEC("competencies", competency_columns, 0x3),
	[IMPORT_INDICATORS] = SPEC("indicators", indicator_columns, 0x7),
	[IMPORT_ROLES] = SPEC("roles", role_columns, 0x7),
	[IMPORT_EVIDENCE] = SPEC("evidence", evidence_columns, 0x1F),
};
#undef SPEC

int import_kind_parse(const char *name, enum import_kind *kind)
{
	for (int k = 0; k < IMPORT_KIND_COUNT; k++) {
		if (strcmp(name, kinds[k].name) == 0) {
			*kind = (enum import_kind)k;
			return 0;
		}
	}
	return -1;
}

const char *import_kind_name(enum import_kind kind)
{
	return kinds[kind].name;
}

const char *import_kind_list(void)
{
	return "teams, people, competencies, indicators, roles, evidence";
}

size_t import_columns(enum import_kind kind, const char *const **names)
{
	*names = kinds[kind].columns;
	return kinds[kind].ncolumns;
}

/* A row of a small kind kept until the whole file has been checked. */
struct pending {
	long line;
	union {
		struct team team;
		struct person person;
		struct competency competency;
		struct indicator indicator;
		struct requirement requirement;
	} u;
};

struct importer {
	struct store *st;
	enum import_kind kind;
	const char *file;
	struct import_report *rep;
	struct err *err;
	int map[CSV_FIELDS_MAX];     /* header position -> canonical column, -1 */
	size_t nheader;
	bool present[8];             /* canonical column is in the header */
	char sep;                    /* the separator found in the header */
	unsigned forms;              /* PARSE_* forms the file's dialect allows */
	unsigned row_bad;            /* ROW_BAD, and a bit per column, when this row
					has invalid UTF-8 */
	struct arena arena;          /* strings of pending rows */
	struct pending *rows;        /* small kinds: all rows of the file */
	size_t nrows, caprows;
	struct strmap seen;          /* key in this file -> index into rows */
	struct evidence batch[EVIDENCE_BATCH];
	size_t nbatch;
	struct arena batch_arena;    /* strings of the evidence batch */
	bool failed;                 /* a hard error (I/O, database) occurred */
};

static void problem(struct importer *im, long line, const char *column, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void problem(struct importer *im, long line, const char *column, const char *fmt, ...)
{
	char msg[MSG_MAX];
	va_list ap;

	/* A cell with invalid UTF-8 has been reported once; what more its
	 * bytes would cause is noise. */
	for (int col = 0; column != NULL && col < ROW_BAD_COLUMNS; col++)
		if ((im->row_bad >> col & 1) && strcmp(column, kinds[im->kind].columns[col]) == 0)
			return;
	va_start(ap, fmt);
	(void)vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->rep->errors++;
	if (im->rep->problem != NULL)
		im->rep->problem(im->rep->ctx, im->file, line, column, msg);
}

/* Takes a database or memory failure: the import stops. */
static void fail(struct importer *im)
{
	im->failed = true;
}

static const char *column_name(const struct importer *im, int col)
{
	return kinds[im->kind].columns[col];
}

static const char *sep_name(char sep)
{
	return sep == ',' ? "','" : sep == ';' ? "';'" : "tab";
}

/* True when text splits on sep into two or more columns of the kind. */
static bool splits_into_columns(const struct kind_spec *k, const char *text, char sep)
{
	size_t parts = 0;

	for (const char *p = text;; p++) {
		const char *end = strchr(p, sep);
		size_t n = end != NULL ? (size_t)(end - p) : strlen(p);
		bool known = false;

		for (size_t c = 0; c < k->ncolumns; c++)
			known |= strlen(k->columns[c]) == n && strncasecmp(p, k->columns[c], n) == 0;
		if (!known)
			return false;
		parts++;
		if (end == NULL)
			return parts > 1;
		p = end;
	}
}

/* Reports a header field that names no column, and says what separator
 * would have split it into columns when there is one. */
static void unknown_column(struct importer *im, long line, const char *name, const char *expected)
{
	static const char seps[] = { ',', ';', '\t' };
	const struct kind_spec *k = &kinds[im->kind];
	char hint[128] = "";

	for (size_t i = 0; i < sizeof seps; i++)
		if (seps[i] != im->sep && splits_into_columns(k, name, seps[i]))
			(void)snprintf(hint, sizeof hint, "; it would split into columns on %s: use one"
				       " separator for the whole file", sep_name(seps[i]));
	problem(im, line, NULL, "header: unknown column '%s' in %s (the separator found is %s);"
		" the columns are %s%s", name, k->name, sep_name(im->sep), expected, hint);
}

/* Reads the header and maps its columns; 0, or -1 when it is unusable.
 * Empty names at the end of the header are columns to ignore: a
 * spreadsheet writes them when cells right of the data were ever used. */
static int read_header(struct importer *im, struct csv_reader *r)
{
	const struct kind_spec *k = &kinds[im->kind];
	struct csv_error e;
	struct csv_row row;
	enum csv_status st = csv_read_row(r, &row, &e);
	char expected[256] = "";
	size_t known = 0, named;
	int bad = 0;

	for (size_t c = 0; c < k->ncolumns; c++) {
		(void)strncat(expected, k->columns[c], sizeof expected - strlen(expected) - 2);
		if (c + 1 < k->ncolumns)
			(void)strncat(expected, ",", sizeof expected - strlen(expected) - 1);
	}
	im->sep = csv_reader_separator(r);
	im->forms = im->sep == ',' ? 0 : PARSE_DECIMAL_COMMA | PARSE_DAY_FIRST;
	if (st == CSV_END) {
		problem(im, 0, NULL, "the file is empty; its first line must be the header %s", expected);
		return -1;
	}
	if (st != CSV_ROW) {
		problem(im, e.line, NULL, "header, field %zu: %s", e.field + 1, e.msg);
		return -1;
	}
	im->nheader = row.nfields;
	for (named = row.nfields; named > 0 && row.fields[named - 1][0] == '\0'; named--)
		im->map[named - 1] = -1;
	for (size_t i = 0; i < named; i++) {
		im->map[i] = -1;
		for (size_t c = 0; c < k->ncolumns; c++)
			if (strcasecmp(row.fields[i], k->columns[c]) == 0)
				im->map[i] = (int)c;
		known += im->map[i] >= 0;
	}
	if (known == 0) {
		/* Nothing matched: one message, not one per column. */
		const char *sep = im->sep == '\t' ? "\\t" : im->sep == ';' ? ";" : ",";
		char text[160] = "";

		if (named <= 1) {
			unknown_column(im, row.line, named ? row.fields[0] : "(empty)", expected);
			return -1;
		}
		for (size_t i = 0; i < named && strlen(text) + 4 < sizeof text; i++)
			(void)snprintf(text + strlen(text), sizeof text - strlen(text), "%s%s",
				       i > 0 ? sep : "", row.fields[i]);
		problem(im, row.line, NULL, "header: no column of %s in '%s' (the separator found is %s);"
			" the columns are %s", k->name, text, sep_name(im->sep), expected);
		return -1;
	}
	for (size_t i = 0; i < named; i++) {
		int found = im->map[i];

		if (found < 0) {
			unknown_column(im, row.line, row.fields[i][0] ? row.fields[i] : "(empty)", expected);
			bad = 1;
		} else if (im->present[found]) {
			problem(im, row.line, k->columns[found], "column appears twice in the header");
			bad = 1;
		} else {
			im->present[found] = true;
		}
	}
	for (size_t c = 0; c < k->ncolumns; c++) {
		if ((k->required & (1u << c)) && !im->present[c]) {
			problem(im, row.line, k->columns[c],
				"required column is missing from the header (the separator found is %s);"
				" the columns are %s", sep_name(im->sep), expected);
			bad = 1;
		}
	}
	return bad ? -1 : 0;
}

/* ---- checks of one cell ------------------------------------------------ */

struct cells {
	const char *v[8];     /* canonical column -> value, NULL when absent */
	long line;
};

static bool check(struct importer *im, const struct cells *c, int col,
		  int (*validate)(const char *s, char *msg, size_t msgsz))
{
	char msg[MSG_MAX];

	if (c->v[col] == NULL || validate(c->v[col], msg, sizeof msg) == 0)
		return true;
	problem(im, c->line, column_name(im, col), "%s", msg);
	return false;
}

/* An optional cell: NULL when the column is absent (keep), NULL when empty
 * (clear), else its text. */
static const char *optional(const struct cells *c, int col)
{
	return c->v[col] != NULL && c->v[col][0] != '\0' ? c->v[col] : NULL;
}

static char *keep(struct importer *im, const char *s)
{
	char *p = arena_strdup(&im->arena, s);

	if (s != NULL && p == NULL)
		fail(im);
	return p;
}

/* Adds a pending row; NULL (and a hard failure) when memory is exhausted. */
static struct pending *add_pending(struct importer *im, long line)
{
	if (array_reserve(&im->rows, &im->caprows, im->nrows + 1, sizeof *im->rows) < 0) {
		fail(im);
		return NULL;
	}
	memset(&im->rows[im->nrows], 0, sizeof im->rows[0]);
	im->rows[im->nrows].line = line;
	return &im->rows[im->nrows++];
}

/* Notes key as defined on this line; reports a key given twice. */
static bool first_time(struct importer *im, const struct cells *c, int col, const char *key)
{
	int64_t earlier;

	if (im->row_bad != 0)
		return false;    /* the row is refused already; its key may be garbled */
	if (strmap_get(&im->seen, key, &earlier)) {
		problem(im, c->line, column_name(im, col),
			"'%s' appears twice in this file (first on line %ld); give each once",
			key, im->rows[earlier].line);
		return false;
	}
	if (strmap_put(&im->seen, key, (int64_t)im->nrows) < 0)
		fail(im);
	return true;
}

/* Checks that key names an existing row of kind in the database. */
static bool exists(struct importer *im, const struct cells *c, int col, enum entity kind,
		   const char *key, const char *hint)
{
	int rc;

	/* Invalid UTF-8 would make a database refuse the query itself. */
	if (im->row_bad != 0)
		return false;
	rc = store_lookup(im->st, kind, key, NULL, im->err);
	if (rc < 0) {
		fail(im);
		return false;
	}
	if (rc == 0) {
		char near[KEY_MAX + 1];

		/* People are too many to search on every bad row; the
		 * framework's keys are few and often mistyped. */
		if (kind != ENTITY_PERSON &&
		    store_closest_key(im->st, kind, key, near, sizeof near, im->err) == 1)
			problem(im, c->line, column_name(im, col), "unknown %s '%s'; did you mean '%s'?",
				column_name(im, col), key, near);
		else
			problem(im, c->line, column_name(im, col), "unknown %s '%s'; %s",
				column_name(im, col), key, hint);
		return false;
	}
	return true;
}

/* ---- one row of each kind ----------------------------------------------- */

static void team_row(struct importer *im, const struct cells *c)
{
	bool ok = check(im, c, 0, validate_key) & check(im, c, 1, validate_name);
	struct pending *p;

	if (c->v[2] != NULL && c->v[2][0] != '\0')
		ok &= check(im, c, 2, validate_key);
	if (!ok || !first_time(im, c, 0, c->v[0]) || (p = add_pending(im, c->line)) == NULL)
		return;
	p->u.team.key = keep(im, c->v[0]);
	p->u.team.name = keep(im, c->v[1]);
	p->u.team.parent = keep(im, optional(c, 2));
	p->u.team.keep = c->v[2] == NULL ? KEEP_PARENT : 0;
}

static void person_row(struct importer *im, const struct cells *c)
{
	static const char *const bools[] = { "1", "0", "yes", "no", "true", "false" };
	bool ok = check(im, c, 0, validate_key) & check(im, c, 1, validate_name) &
		  check(im, c, 2, validate_email);
	int active = 1;
	struct pending *p;

	for (int col = 3; col <= 5; col++)
		if (optional(c, col) != NULL)
			ok &= check(im, c, col, validate_key);
	if (optional(c, 6) != NULL) {
		active = -1;
		for (size_t i = 0; i < sizeof bools / sizeof bools[0]; i++)
			if (strcasecmp(c->v[6], bools[i]) == 0)
				active = i % 2 == 0;
		if (active < 0) {
			problem(im, c->line, "active", "'%s' is not 1 or 0 (yes or no)", c->v[6]);
			ok = false;
		}
	}
	if (ok && optional(c, 3) != NULL)
		ok &= exists(im, c, 3, ENTITY_TEAM, c->v[3], "import it with teams.csv first");
	if (ok && optional(c, 4) != NULL)
		ok &= exists(im, c, 4, ENTITY_ROLE, c->v[4], "import it with roles.csv first");
	if (ok && optional(c, 5) != NULL && strcmp(c->v[5], c->v[0]) == 0) {
		problem(im, c->line, "manager", "'%s' cannot be their own manager", c->v[0]);
		ok = false;
	}
	if (!ok || !first_time(im, c, 0, c->v[0]) || (p = add_pending(im, c->line)) == NULL)
		return;
	p->u.person = (struct person){
		.key = keep(im, c->v[0]),
		.name = keep(im, c->v[1]),
		.email = keep(im, optional(c, 2)),
		.team = keep(im, optional(c, 3)),
		.role = keep(im, optional(c, 4)),
		.manager = keep(im, optional(c, 5)),
		.active = active != 0,
		.keep = (c->v[2] ? 0 : KEEP_EMAIL) | (c->v[3] ? 0 : KEEP_TEAM) |
			(c->v[4] ? 0 : KEEP_ROLE) | (c->v[5] ? 0 : KEEP_MANAGER) |
			(optional(c, 6) ? 0 : KEEP_ACTIVE),
	};
}

static void competency_row(struct importer *im, const struct cells *c)
{
	bool ok = check(im, c, 0, validate_key) & check(im, c, 1, validate_name) &
		  check(im, c, 2, validate_line) & check(im, c, 3, validate_text);
	enum developability dev = DEV_UNSET;
	struct pending *p;

	if (c->v[4] != NULL && developability_parse(c->v[4], &dev) < 0) {
		problem(im, c->line, "developability", "'%s' is not high, medium or low (or empty)",
			c->v[4]);
		ok = false;
	}
	if (!ok || !first_time(im, c, 0, c->v[0]) || (p = add_pending(im, c->line)) == NULL)
		return;
	p->u.competency = (struct competency){
		.key = keep(im, c->v[0]),
		.name = keep(im, c->v[1]),
		.category = keep(im, optional(c, 2)),
		.description = keep(im, optional(c, 3)),
		.developability = dev,
		.keep = (c->v[2] ? 0 : KEEP_CATEGORY) | (c->v[3] ? 0 : KEEP_DESCRIPTION) |
			(c->v[4] ? 0 : KEEP_DEVELOPABILITY),
	};
}

static void indicator_row(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX], key[KEY_MAX + 2 * TEXT_MAX + 16];
	bool ok = check(im, c, 0, validate_key) & check(im, c, 2, validate_text);
	int level = 0;
	struct pending *p;

	if (c->v[1][0] != '\0' &&
	    parse_int_range(c->v[1], LEVEL_MIN, LEVEL_MAX, "level", &level, msg, sizeof msg) < 0) {
		problem(im, c->line, "level", "%s, or empty for a behavioural indicator", msg);
		ok = false;
	}
	if (ok && c->v[2][0] == '\0') {
		problem(im, c->line, "indicator", "the indicator text is empty");
		ok = false;
	}
	if (ok)
		ok = exists(im, c, 0, ENTITY_COMPETENCY, c->v[0], "import it with competencies.csv first");
	if (!ok)
		return;
	/* A level has one descriptor; an indicator is listed once. */
	if (level > 0)
		(void)snprintf(key, sizeof key, "%s\n%d", c->v[0], level);
	else
		(void)snprintf(key, sizeof key, "%s\n0\n%s", c->v[0], c->v[2]);
	if (!first_time(im, c, level > 0 ? 1 : 2, key) || (p = add_pending(im, c->line)) == NULL)
		return;
	p->u.indicator.competency = keep(im, c->v[0]);
	p->u.indicator.level = level;
	p->u.indicator.text = keep(im, c->v[2]);
}

static void role_row(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX], key[2 * KEY_MAX + 2];
	bool ok = check(im, c, 0, validate_key) & check(im, c, 1, validate_key);
	int level = 0, weight = WEIGHT_MIN;
	struct pending *p;

	if (parse_int_range(c->v[2], LEVEL_MIN, LEVEL_MAX, "required level", &level,
			    msg, sizeof msg) < 0) {
		problem(im, c->line, "required_level", "%s", msg);
		ok = false;
	}
	if (optional(c, 3) != NULL &&
	    parse_int_range(c->v[3], WEIGHT_MIN, WEIGHT_MAX, "weight", &weight, msg, sizeof msg) < 0) {
		problem(im, c->line, "weight", "%s (3 is the most critical)", msg);
		ok = false;
	}
	if (ok)
		ok = exists(im, c, 1, ENTITY_COMPETENCY, c->v[1], "import it with competencies.csv first");
	if (!ok)
		return;
	(void)snprintf(key, sizeof key, "%s\n%s", c->v[0], c->v[1]);
	if (!first_time(im, c, 1, key) || (p = add_pending(im, c->line)) == NULL)
		return;
	p->u.requirement = (struct requirement){
		.role = keep(im, c->v[0]),
		.competency = keep(im, c->v[1]),
		.required_level = level,
		.weight = weight,
		.keep = optional(c, 3) ? 0 : KEEP_WEIGHT,
	};
}

static void flush_evidence(struct importer *im)
{
	if (im->nbatch > 0 && !im->failed && im->rep->errors == 0 &&
	    store_append_evidence(im->st, im->batch, im->nbatch, im->err) < 0)
		fail(im);
	im->rep->rows += (long)im->nbatch;
	im->nbatch = 0;
	arena_free(&im->batch_arena);
}

static void evidence_row(struct importer *im, const struct cells *c)
{
	char msg[MSG_MAX];
	struct evidence e = { 0 };
	bool ok = check(im, c, 0, validate_key) & check(im, c, 1, validate_key) &
		  check(im, c, 6, validate_text);

	if (parse_level_as(c->v[2], im->forms, &e.level, &e.level_decimals, msg, sizeof msg) < 0) {
		problem(im, c->line, "level", "%s", msg);
		ok = false;
	}
	if (source_parse(c->v[3], &e.source) < 0) {
		problem(im, c->line, "source", "unknown source '%s'; use one of %s", c->v[3], source_list());
		ok = false;
	}
	if (parse_date_as(c->v[4], im->forms, &e.date, msg, sizeof msg) < 0) {
		problem(im, c->line, "date", "%s", msg);
		ok = false;
	} else if (e.date < EVIDENCE_FIRST_DAY || e.date > EVIDENCE_LAST_DAY) {
		/* The running sums need dates near their epoch (core/estimate.h). */
		problem(im, c->line, "date", "date %s is outside 1900-01-01 .. 2100-12-31", c->v[4]);
		ok = false;
	}
	if (optional(c, 5) != NULL)
		ok &= check(im, c, 5, validate_key);
	if (ok) {
		ok &= exists(im, c, 0, ENTITY_PERSON, c->v[0], "import them with people.csv first");
		ok &= exists(im, c, 1, ENTITY_COMPETENCY, c->v[1], "import it with competencies.csv first");
		if (optional(c, 5) != NULL)
			ok &= exists(im, c, 5, ENTITY_PERSON, c->v[5], "import them with people.csv first");
	}
	/* After the first problem nothing more is stored, only checked. */
	if (!ok || im->rep->errors > 0)
		return;
	e.person = arena_strdup(&im->batch_arena, c->v[0]);
	e.competency = arena_strdup(&im->batch_arena, c->v[1]);
	e.assessor = arena_strdup(&im->batch_arena, optional(c, 5));
	e.note = arena_strdup(&im->batch_arena, optional(c, 6));
	if (e.person == NULL || e.competency == NULL || (optional(c, 5) && e.assessor == NULL) ||
	    (optional(c, 6) && e.note == NULL)) {
		err_set(im->err, EX_OSERR, "out of memory");
		fail(im);
		return;
	}
	im->batch[im->nbatch++] = e;
	if (im->nbatch == EVIDENCE_BATCH)
		flush_evidence(im);
}

/* ---- whole-file checks and writing ------------------------------------ */

/* A directed graph of key -> parent key (teams' parents, people's
 * managers) merged from the database and the file, for cycle checks. */
struct graph {
	struct strmap index;      /* key -> node */
	const char **parent;      /* node -> parent key or NULL */
	const char **keys;        /* node -> key */
	size_t n, cap;
	struct arena strings;
};

static int graph_set(struct graph *g, const char *key, const char *parent)
{
	int64_t i;

	if (!strmap_get(&g->index, key, &i)) {
		if (g->n == g->cap) {
			size_t cap_keys = g->cap;

			if (array_reserve(&g->keys, &cap_keys, g->n + 1, sizeof *g->keys) < 0 ||
			    array_reserve(&g->parent, &g->cap, g->n + 1, sizeof *g->parent) < 0)
				return -1;
		}
		i = (int64_t)g->n++;
		g->keys[i] = arena_strdup(&g->strings, key);
		if (g->keys[i] == NULL || strmap_put(&g->index, key, i) < 0)
			return -1;
	}
	g->parent[i] = parent != NULL ? arena_strdup(&g->strings, parent) : NULL;
	return parent != NULL && g->parent[i] == NULL ? -1 : 0;
}

static void graph_free(struct graph *g)
{
	strmap_free(&g->index);
	free(g->parent);
	free(g->keys);
	arena_free(&g->strings);
}

/* Describes the cycle through key into out, or returns false when
 * following the parents from key ends at a root. */
static bool graph_cycle(const struct graph *g, const char *key, char *out, size_t outsz)
{
	const char *at = key;
	size_t steps = 0;
	bool loops = false;
	int64_t i;

	while (!loops && strmap_get(&g->index, at, &i) && g->parent[i] != NULL) {
		at = g->parent[i];
		loops = strcmp(at, key) == 0;
		if (++steps > g->n)
			return false;    /* a loop above key, reported for its members */
	}
	if (!loops)
		return false;
	/* Spell out the loop: key > parent > ... > key. */
	(void)snprintf(out, outsz, "%s", key);
	at = key;
	do {
		size_t len = strlen(out);

		(void)strmap_get(&g->index, at, &i);
		at = g->parent[i];
		(void)snprintf(out + len, outsz - len, " > %s", at);
	} while (strcmp(at, key) != 0 && strlen(out) + 8 < outsz);
	return true;
}

static int graph_add_team(void *ctx, const struct team *t)
{
	return graph_set(ctx, t->key, t->parent) < 0 ? -1 : 0;
}

static int graph_add_person(void *ctx, const struct person *p)
{
	return graph_set(ctx, p->key, p->manager) < 0 ? -1 : 0;
}

static const char *pending_key(const struct importer *im, size_t i)
{
	return im->kind == IMPORT_TEAMS ? im->rows[i].u.team.key : im->rows[i].u.person.key;
}

/* The parent of pending row i: given in the file, or kept from the store
 * (looked up in the graph), or NULL. */
static const char *pending_parent(const struct importer *im, const struct graph *g, size_t i)
{
	int64_t node;

	if (im->kind == IMPORT_TEAMS && !(im->rows[i].u.team.keep & KEEP_PARENT))
		return im->rows[i].u.team.parent;
	if (im->kind == IMPORT_PEOPLE && !(im->rows[i].u.person.keep & KEEP_MANAGER))
		return im->rows[i].u.person.manager;
	return strmap_get(&g->index, pending_key(im, i), &node) ? g->parent[node] : NULL;
}

/* Checks the parent (or manager) references of teams or people: each must
 * name a row of the file or the database, and no chain may loop. Fills
 * order with the rows, parents before children. */
static void check_tree(struct importer *im, size_t *order)
{
	const bool teams = im->kind == IMPORT_TEAMS;
	const char *col = teams ? "parent" : "manager";
	const char *what = teams ? "team" : "person";
	struct graph g = { 0 };
	char loop[MSG_MAX];
	size_t n = 0;
	int rc;
	bool *placed = NULL;

	strmap_init(&g.index);
	arena_init(&g.strings, ARENA_MAX);
	if (store_lock_tree(im->st, teams ? ENTITY_TEAM : ENTITY_PERSON, im->err) < 0) {
		fail(im);
		goto out;
	}
	rc = teams ? store_each_team(im->st, NULL, graph_add_team, &g, im->err)
		   : store_each_person(im->st, NULL, graph_add_person, &g, im->err);
	if (rc != 0) {
		if (rc > 0)
			err_set(im->err, EX_OSERR, "out of memory");
		fail(im);
		goto out;
	}
	for (size_t i = 0; i < im->nrows; i++) {
		const char *parent = pending_parent(im, &g, i);

		if (parent != NULL && !strmap_get(&im->seen, parent, NULL) &&
		    !strmap_get(&g.index, parent, NULL)) {
			problem(im, im->rows[i].line, col, "unknown %s '%s'; it is neither in this file nor stored",
				what, parent);
			parent = NULL;
		}
		if (graph_set(&g, pending_key(im, i), parent) < 0) {
			err_set(im->err, EX_OSERR, "out of memory");
			fail(im);
			goto out;
		}
	}
	for (size_t i = 0; i < im->nrows; i++) {
		if (graph_cycle(&g, pending_key(im, i), loop, sizeof loop))
			problem(im, im->rows[i].line, col, "%s '%s' would be above itself (%s); %s",
				what, pending_key(im, i), loop,
				teams ? "teams form a tree" : "managers cannot loop");
	}
	if (im->rep->errors > 0)
		goto out;
	/* Parents first, otherwise in file order: repeatedly place the rows
	 * whose parent is stored or placed; without loops this ends. */
	placed = calloc(im->nrows ? im->nrows : 1, sizeof *placed);
	if (placed == NULL) {
		fail(im);
		goto out;
	}
	while (n < im->nrows) {
		size_t before = n;

		for (size_t i = 0; i < im->nrows; i++) {
			const char *parent = pending_parent(im, &g, i);
			int64_t in_file;

			if (placed[i])
				continue;
			if (parent != NULL && strmap_get(&im->seen, parent, &in_file) &&
			    !placed[in_file])
				continue;
			placed[i] = true;
			order[n++] = i;
		}
		if (n == before) {
			err_set(im->err, EX_SOFTWARE, "internal error: unresolved %s order", what);
			fail(im);
			break;
		}
	}
out:
	free(placed);
	graph_free(&g);
}

/* Writes the pending rows of a small kind. */
static void write_pending(struct importer *im)
{
	size_t *order = calloc(im->nrows ? im->nrows : 1, sizeof *order);
	size_t i = 0;

	if (order == NULL) {
		fail(im);
		return;
	}
	for (size_t k = 0; k < im->nrows; k++)
		order[k] = k;
	if (im->kind == IMPORT_TEAMS || im->kind == IMPORT_PEOPLE)
		check_tree(im, order);
	if (im->failed || im->rep->errors > 0)
		goto out;
	for (; i < im->nrows; i++) {
		const struct pending *p = &im->rows[order[i]];
		int rc = 0;

		switch (im->kind) {
		case IMPORT_TEAMS:
			rc = store_put_team(im->st, &p->u.team, im->err);
			break;
		case IMPORT_PEOPLE:
			rc = store_put_person(im->st, &p->u.person, im->err);
			break;
		case IMPORT_COMPETENCIES:
			rc = store_put_competency(im->st, &p->u.competency, im->err);
			break;
		case IMPORT_ROLES:
			rc = store_put_requirement(im->st, &p->u.requirement, im->err);
			break;
		case IMPORT_INDICATORS: {
			/* Rows of one competency are consecutive after the sort. */
			size_t j = i;
			struct indicator *items;

			while (j < im->nrows && strcmp(im->rows[order[j]].u.indicator.competency,
						       p->u.indicator.competency) == 0)
				j++;
			items = arena_alloc(&im->arena, (j - i) * sizeof *items);
			if (items == NULL) {
				rc = err_set(im->err, EX_OSERR, "out of memory");
				break;
			}
			for (size_t k = i; k < j; k++)
				items[k - i] = im->rows[order[k]].u.indicator;
			rc = store_replace_indicators(im->st, p->u.indicator.competency, items, j - i,
						      im->err);
			i = j - 1;
			break;
		}
		default:
			break;
		}
		if (rc < 0) {
			fail(im);
			goto out;
		}
	}
	im->rep->rows = (long)im->nrows;
out:
	free(order);
}

static int by_competency_then_line(const void *a, const void *b)
{
	const struct pending *x = a, *y = b;
	int c = strcmp(x->u.indicator.competency, y->u.indicator.competency);

	if (c != 0)
		return c;
	return (x->line > y->line) - (x->line < y->line);
}

/* The column of field i of a row, or NULL. */
static const char *field_column(const struct importer *im, size_t i)
{
	return i < im->nheader && im->map[i] >= 0 ? column_name(im, im->map[i]) : NULL;
}

/* Reports the fields of row with invalid UTF-8 and marks their columns, so
 * that the row's other cells are still checked but these are not again. */
static void bad_fields(struct importer *im, const struct csv_row *row)
{
	unsigned bad = 0;

	for (size_t i = 0; i < row->nbad; i++) {
		size_t f = row->bad[i].field;

		problem(im, row->bad[i].line, field_column(im, f), "%s", row->bad[i].msg);
		if (field_column(im, f) != NULL)
			bad |= 1u << im->map[f];
	}
	im->row_bad = bad | (row->nbad > 0 ? ROW_BAD : 0);
}

static void read_rows(struct importer *im, struct csv_reader *r)
{
	struct csv_error e;
	struct csv_row row;
	enum csv_status st;
	long seen = 0;

	while (!im->failed && (st = csv_read_row(r, &row, &e)) != CSV_END) {
		struct cells c = { .line = row.line };
		bool ok = true;

		im->row_bad = 0;
		if (st == CSV_FATAL) {
			problem(im, e.line, field_column(im, e.field), "%s", e.msg);
			break;
		}
		if (im->rep->progress != NULL && ++seen % PROGRESS_EVERY == 0)
			im->rep->progress(im->rep->ctx, seen);
		if (st == CSV_BAD && row.nfields == 0) {
			problem(im, e.line, field_column(im, e.field), "%s", e.msg);
			continue;
		}
		bad_fields(im, &row);
		if (row.nfields != im->nheader) {
			problem(im, row.line, NULL, "%s: the row has %zu fields but the header has %zu",
				row.nfields > im->nheader ? "too many fields" : "too few fields",
				row.nfields, im->nheader);
			continue;
		}
		for (size_t i = 0; i < row.nfields; i++) {
			if (im->map[i] >= 0) {
				c.v[im->map[i]] = csv_unneutralise(row.fields[i]);
			} else if (row.fields[i][0] != '\0') {
				problem(im, row.line, NULL, "field %zu has a value but its column has no"
					" name in the header; name the column or empty the field", i + 1);
				ok = false;
			}
		}
		if (!ok)
			continue;
		switch (im->kind) {
		case IMPORT_TEAMS: team_row(im, &c); break;
		case IMPORT_PEOPLE: person_row(im, &c); break;
		case IMPORT_COMPETENCIES: competency_row(im, &c); break;
		case IMPORT_INDICATORS: indicator_row(im, &c); break;
		case IMPORT_ROLES: role_row(im, &c); break;
		case IMPORT_EVIDENCE: evidence_row(im, &c); break;
		case IMPORT_KIND_COUNT: break;
		}
	}
	if (im->rep->progress != NULL && seen >= PROGRESS_EVERY)
		im->rep->progress(im->rep->ctx, -1);
}

int import_csv_in(struct store *st, enum import_kind kind, FILE *in, const char *name,
		  struct import_report *report, struct err *err)
{
	struct importer *im = calloc(1, sizeof *im);
	struct csv_reader *r = csv_reader_new(in, 0, 0);
	int rc = -1;

	report->errors = 0;
	report->rows = 0;
	if (im == NULL || r == NULL) {
		err_set(err, EX_OSERR, "out of memory");
		goto out;
	}
	im->st = st;
	im->kind = kind;
	im->file = name;
	im->rep = report;
	im->err = err;
	arena_init(&im->arena, ARENA_MAX);
	arena_init(&im->batch_arena, ARENA_MAX);
	strmap_init(&im->seen);
	csv_reader_set_separator(r, 0);
	if (store_log_import(st, kinds[kind].name, name, err) < 0)
		goto out;
	if (read_header(im, r) == 0)
		read_rows(im, r);
	if (kind == IMPORT_EVIDENCE)
		flush_evidence(im);
	else if (!im->failed && report->errors == 0) {
		if (kind == IMPORT_INDICATORS && im->nrows > 1)
			qsort(im->rows, im->nrows, sizeof *im->rows, by_competency_then_line);
		write_pending(im);
	}
	if (im->failed)
		goto out;
	if (report->errors > 0) {
		err_set(err, EX_DATAERR, "%s: %ld problem%s found; nothing was imported", name,
			report->errors, report->errors == 1 ? "" : "s");
		goto out;
	}
	if (store_log_import_rows(st, report->rows, err) < 0)
		goto out;
	rc = 0;
out:
	if (rc < 0)
		report->rows = 0;
	if (im != NULL) {
		arena_free(&im->arena);
		arena_free(&im->batch_arena);
		strmap_free(&im->seen);
		free(im->rows);
		free(im);
	}
	csv_reader_free(r);
	return rc;
}

struct import_job {
	enum import_kind kind;
	FILE *in;
	const char *name;
	struct import_report *report;
};

/* One attempt at the import; a retry reads the file again from the
 * start, which only a file (not a pipe) allows. */
static int import_attempt(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct import_job *j = ctx;

	if (attempt > 0) {
		if (fseek(j->in, 0, SEEK_SET) != 0) {
			char first[ERR_MSG_MAX];

			(void)snprintf(first, sizeof first, "%s", err->msg);
			return err_set(err, EX_TEMPFAIL, "%s; %s cannot be read again to retry: run the"
				       " import again", first, j->name);
		}
		j->report->errors = 0;
		j->report->rows = 0;
	}
	return import_csv_in(st, j->kind, j->in, j->name, j->report, err);
}

int import_csv(struct store *st, enum import_kind kind, FILE *in, const char *name,
	       struct import_report *report, struct err *err)
{
	struct import_job j = { kind, in, name, report };

	return store_transact(st, import_attempt, &j, err);
}
