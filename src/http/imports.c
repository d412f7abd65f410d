/* POST /api/v1/imports/{kind}: a CSV file as the body, imported by the
 * command line's own code (io/import.h) under its all-or-nothing rule,
 * and every problem it finds answered as JSON with its line and column.
 *
 * admin and hr import every kind. A coach imports evidence only, every
 * row of source qa about a person of their teams (the telephony platform
 * that pushes quality evaluations with a coach's token); a row outside
 * that is refused as a problem of the file, so the whole file is, and a
 * person out of reach gets the message of one that does not exist.
 *
 * The body is read from the request's buffer through fmemopen, not
 * copied; the import and its audit entry are one transaction. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/imports.h"
#include "io/csv.h"
#include "io/import.h"
#include "util/jsonw.h"
#include "util/strmap.h"

enum {
	HEADER_COLUMNS_MAX = 64       /* header names kept to number a problem's column */
};

/* One problem as the import reported it. */
struct problem {
	long line;                    /* 0: the whole file */
	const char *field;            /* the column's name, or NULL */
	const char *message;
};

/* The problems of one attempt, and the header to number their columns. */
struct problems {
	struct arena arena;           /* the strings below */
	struct problem *items;
	size_t n, cap;
	bool full;                    /* out of memory: the rest are counted only */
	const char *header[HEADER_COLUMNS_MAX];
	size_t nheader;
};

/* What a coach's import must keep to (import_options.evidence_allowed). */
struct coach_check {
	const struct http_ctx *cx;
	struct store *st;
	struct strmap reach;          /* person key -> 1 within reach, 0 not */
};

/* One import request. */
struct upload {
	const struct http_ctx *cx;
	enum import_kind kind;
	bool dry_run;
	FILE *in;                     /* the body */
	struct import_options opts;
	struct import_report report;
	struct problems problems;
	struct http_audit au;
	char detail[160];
	bool stored;                  /* run stored the rows */
	char err_msg[ERR_MSG_MAX];    /* why the rows were refused */
};

static void note_problem(void *ctx, const char *file, long line, const char *column,
			 const char *msg)
{
	struct problems *p = ctx;
	struct problem *items;

	(void)file;
	if (p->full)
		return;
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 64;

		items = realloc(p->items, cap * sizeof *items);
		if (items == NULL) {
			p->full = true;
			return;
		}
		p->items = items;
		p->cap = cap;
	}
	p->items[p->n] = (struct problem){ line, arena_strdup(&p->arena, column),
					   arena_strdup(&p->arena, msg) };
	if (p->items[p->n].message == NULL) {
		p->full = true;
		return;
	}
	p->n++;
}

static void problems_reset(struct problems *p)
{
	arena_free(&p->arena);
	arena_init(&p->arena, (size_t)64 << 20);
	p->n = 0;
	p->full = false;
	p->nheader = 0;
}

static void problems_free(struct problems *p)
{
	arena_free(&p->arena);
	free(p->items);
}

/* Keeps the header's names (its first record, the separator found as the
 * import finds it), to number the column of each problem. */
static void read_header(struct upload *u)
{
	struct csv_reader *r = csv_reader_new(u->in, 0, 0);
	struct csv_row row;
	struct csv_error e;

	if (r == NULL)
		return;
	csv_reader_set_separator(r, 0);
	if (csv_read_row(r, &row, &e) == CSV_ROW)
		for (size_t i = 0; i < row.nfields && i < HEADER_COLUMNS_MAX; i++)
			u->problems.header[u->problems.nheader++] =
				arena_strdup(&u->problems.arena, row.fields[i]);
	csv_reader_free(r);
	rewind(u->in);
}

/* The column (from 1) of the header that names field, or 0. */
static size_t column_of(const struct problems *p, const char *field)
{
	for (size_t i = 0; field != NULL && i < p->nheader; i++)
		if (p->header[i] != NULL && strcasecmp(p->header[i], field) == 0)
			return i + 1;
	return 0;
}

/* ---- a coach's rows ---------------------------------------------------- */

static int coach_reaches(struct coach_check *k, const char *person, struct err *err)
{
	int64_t known;
	int rc;

	if (strmap_get(&k->reach, person, &known))
		return (int)known;
	rc = k->cx->cfg->reach(k->cx->cfg, k->st, k->cx->req->caller, ENTITY_PERSON, person);
	if (rc < 0)
		return err_set(err, EX_TEMPFAIL, "cannot check access now; try again later");
	if (strmap_put(&k->reach, person, rc) < 0)
		return err_set(err, EX_OSERR, "out of memory");
	return rc;
}

/* A coach adds evidence by the rules of POST /api/v1/evidence (qa about
 * the people of their teams, self about themselves; the assessor
 * themselves, or for a token someone within its reach); a person out of
 * reach is refused with the message of one that does not exist. */
static int coach_allowed(void *ctx, const struct evidence *e, const char **column, char *msg,
			 size_t msgsz, struct err *err)
{
	struct coach_check *k = ctx;
	const struct http_caller *c = k->cx->req->caller;
	bool own = c->person[0] != '\0' && strcmp(c->person, e->person) == 0;
	const char *why = http_evidence_source_refused(c, e->source, own);
	int rc;

	if (why != NULL) {
		*column = "source";
		(void)snprintf(msg, msgsz, "%s", why);
		return 0;
	}
	rc = own || k->cx->cfg->reach == NULL ? 1 : coach_reaches(k, e->person, err);
	if (rc == 0) {
		*column = "person";
		(void)snprintf(msg, msgsz, "unknown person '%s'; import them with people.csv first",
			       e->person);
		return 0;
	}
	if (rc < 0)
		return -1;
	rc = http_evidence_assessor(k->cx, k->st, e->assessor, &why);
	if (rc < 0)
		return err_set(err, EX_TEMPFAIL, "cannot check access now; try again later");
	if (rc == 0) {
		*column = "assessor";
		(void)snprintf(msg, msgsz, "%s", why);
	}
	return rc;
}

/* ---- the import -------------------------------------------------------- */

static int attempt(struct store *st, void *ctx, int n, struct err *err)
{
	struct upload *u = ctx;

	if (n > 0) {
		rewind(u->in);
		problems_reset(&u->problems);
		read_header(u);
	}
	if (import_csv_in(st, u->kind, u->in, "upload", &u->opts, &u->report, err) < 0)
		return -1;
	(void)snprintf(u->detail, sizeof u->detail, "%ld %s rows stored", u->report.rows,
		       import_kind_name(u->kind));
	u->au.outcome = "ok";
	return http_audit_in(u->cx, st, &u->au, err);
}

static void write_problem(struct jw *w, const struct problems *p, const struct problem *q)
{
	size_t col = column_of(p, q->field);

	jw_object_begin(w);
	jw_key(w, "line");
	if (q->line > 0)
		jw_int(w, q->line);
	else
		jw_null(w);
	jw_key(w, "column");
	if (col > 0)
		jw_int(w, (int64_t)col);
	else
		jw_null(w);
	jw_key(w, "field");
	if (q->field != NULL)
		jw_string(w, q->field);
	else
		jw_null(w);
	jw_field_string(w, "message", q->message);
	jw_object_end(w);
}

/* The answer: the verdict, the counts and every problem, written to a
 * temporary file (up to IMPORT_PROBLEMS_MAX problems). */
static int answer(struct upload *u)
{
	bool stored = u->stored;
	struct jw *w = malloc(sizeof *w);
	FILE *f = response_tmpfile();
	int status = stored || (u->dry_run && u->report.errors == 0) ? 200 : 422;

	if (w == NULL || f == NULL) {
		free(w);
		if (f != NULL)
			(void)fclose(f);
		return response_error(u->cx->resp, 500, "internal", NULL, "out of memory");
	}
	jw_init(w, f, 0);
	jw_object_begin(w);
	if (status == 422) {
		jw_key(w, "error");
		jw_object_begin(w);
		jw_field_string(w, "code", "invalid_rows");
		jw_field_string(w, "message", u->err_msg);
		jw_key(w, "field");
		jw_null(w);
		jw_object_end(w);
	}
	jw_field_string(w, "kind", import_kind_name(u->kind));
	jw_field_bool(w, "dry_run", u->dry_run);
	jw_field_bool(w, "stored", stored);
	jw_field_int(w, "rows", u->report.errors == 0 ? u->report.rows : 0);
	jw_field_int(w, "problem_count", u->report.errors);
	jw_key(w, "problems");
	jw_array_begin(w);
	for (size_t i = 0; i < u->problems.n; i++)
		write_problem(w, &u->problems, &u->problems.items[i]);
	jw_array_end(w);
	jw_object_end(w);
	if (jw_finish(w) < 0 || response_from_file(u->cx->resp, f, status, HTTP_JSON) < 0) {
		buf_free(&w->out);
		free(w);
		return response_error(u->cx->resp, 500, "internal", NULL,
				      "cannot write the answer");
	}
	buf_free(&w->out);
	free(w);
	u->cx->resp->api = true;
	if (status == 422)
		u->cx->resp->error_code = "invalid_rows";
	return 0;
}

/* Whether the caller may import kind: 1 yes (a coach with its check set
 * up in u), 0 no (403 answered, the denial noted in u->au). */
static int may_import(struct upload *u, struct coach_check *k, struct store *st)
{
	const struct http_ctx *cx = u->cx;
	const struct http_caller *c = cx->req->caller;

	if (http_role_in(c, ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR)))
		return 1;
	if (c != NULL && c->role == ROLE_COACH && u->kind == IMPORT_EVIDENCE) {
		k->cx = cx;
		k->st = st;
		u->opts.evidence_allowed = coach_allowed;
		u->opts.evidence_ctx = k;
		return 1;
	}
	u->au.outcome = "denied";
	u->au.detail = NULL;    /* the path */
	http_forbidden(cx, c != NULL && c->role == ROLE_COACH ? "import anything but qa evidence"
							     : "import files");
	return 0;
}

static bool is_flag(const char *v)
{
	return strcmp(v, "1") == 0 || strcmp(v, "true") == 0;
}

/* Runs the import of u (a dry run: checked in a transaction rolled back). */
static int run(struct upload *u, struct store *st)
{
	struct err err = { 0 };
	int rc;

	read_header(u);
	if (!u->dry_run) {
		rc = store_transact(st, attempt, u, &err);
	} else if (store_begin(st, &err) == 0) {
		rc = import_csv_in(st, u->kind, u->in, "upload", &u->opts, &u->report, &err);
		store_rollback(st);
		(void)snprintf(u->detail, sizeof u->detail, "dry run: %ld %s rows checked, %ld problems",
			       rc == 0 ? u->report.rows : 0, import_kind_name(u->kind),
			       u->report.errors);
	} else {
		rc = -1;
	}
	if (rc == 0 || err.code == EX_DATAERR) {
		if (rc < 0)
			(void)snprintf(u->detail, sizeof u->detail, "%srefused: %ld problems",
				       u->dry_run ? "dry run " : "", u->report.errors);
		u->au.outcome = rc == 0 ? "ok" : "failed";
		u->stored = rc == 0 && !u->dry_run;
		(void)snprintf(u->err_msg, sizeof u->err_msg, "%s", err.msg);
		return u->stored ? 1 : 0;    /* 1: logged with the import */
	}
	http_store_failed(u->cx, &err, NULL);
	return -1;
}

/* Imports data[0..len) of kind u->kind for u->cx's caller (u->dry_run:
 * checked only), writing the audit entry. 0 with u's outcome and problems
 * filled (u->stored, u->report, u->problems); -1 with the answer set
 * (403 for a role that may not import this, 500, 503). */
static int import_upload(struct upload *u, const char *data, size_t len)
{
	struct http_ctx *cx = (struct http_ctx *)u->cx;
	struct coach_check k = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int rc = -1;

	if (st == NULL)
		return http_unavailable(cx), -1;
	u->au = (struct http_audit){ "import", "import", import_kind_name(u->kind), NULL, "ok",
				     u->detail };
	strmap_init(&k.reach);
	u->report = (struct import_report){ note_problem, NULL, &u->problems, 0, 0 };
	if (may_import(u, &k, st)) {
		/* The body as a file without a copy; an empty one as an empty file. */
		u->in = len > 0 ? fmemopen((void *)data, len, "r") : fopen("/dev/null", "r");
		if (u->in == NULL) {
			response_error(cx->resp, 500, "internal", NULL, "cannot read the body");
			goto out;
		}
		rc = run(u, st);
		if (rc < 0)
			goto out;    /* the store failed */
		if (rc == 1) {       /* logged with the import */
			rc = 0;
			goto out;
		}
	}
	http_audit_write(cx, st, &u->au);
	rc = cx->resp->status >= 400 ? -1 : 0;    /* refused (403) or done */
out:
	if (u->in != NULL)
		(void)fclose(u->in);
	u->in = NULL;
	strmap_free(&k.reach);
	return rc;
}

int handle_import(struct http_ctx *cx)
{
	static const char *const names[] = { "dry_run" };
	const char *kind = http_param(cx->req, "kind");
	const char *dry = http_query(cx->req, "dry_run");
	struct upload *u;

	if (http_only_query(cx, names, 1) < 0)
		return 0;
	if (dry != NULL && !is_flag(dry) && strcmp(dry, "0") != 0 && strcmp(dry, "false") != 0)
		return response_error(cx->resp, 400, "bad_parameter", "dry_run",
				      "dry_run takes 1 or 0, not '%.40s'", dry);
	u = calloc(1, sizeof *u);
	if (u == NULL)
		return response_error(cx->resp, 500, "internal", NULL, "out of memory");
	u->cx = cx;
	u->dry_run = dry != NULL && is_flag(dry);
	if (import_kind_parse(kind, &u->kind) < 0) {
		free(u);
		return response_error(cx->resp, 404, "not_found", "kind",
				      "there is no kind of data '%.60s' to import; the kinds are %s",
				      kind, import_kind_list());
	}
	arena_init(&u->problems.arena, (size_t)64 << 20);
	if (import_upload(u, cx->req->body, cx->req->body_len) == 0)
		answer(u);
	problems_free(&u->problems);
	free(u);
	return 0;
}

int http_import_file(struct http_ctx *cx, enum import_kind kind, const char *data, size_t len,
		     bool dry_run, struct arena *a, struct http_import_result *out)
{
	struct upload *u = calloc(1, sizeof *u);
	int rc;

	memset(out, 0, sizeof *out);
	if (u == NULL)
		return response_error(cx->resp, 500, "internal", NULL, "out of memory"), -1;
	u->cx = cx;
	u->kind = kind;
	u->dry_run = dry_run;
	arena_init(&u->problems.arena, (size_t)64 << 20);
	rc = import_upload(u, data, len);
	if (rc == 0) {
		out->stored = u->stored;
		out->rows = u->report.errors == 0 ? u->report.rows : 0;
		out->problem_count = u->report.errors;
		out->problems = arena_alloc(a, (u->problems.n + 1) * sizeof *out->problems);
		if (out->problems == NULL) {
			rc = -1;
			response_error(cx->resp, 500, "internal", NULL, "out of memory");
		}
		for (size_t i = 0; rc == 0 && i < u->problems.n; i++) {
			const struct problem *q = &u->problems.items[i];
			struct http_import_problem *o = &out->problems[out->nproblems++];

			o->line = q->line;
			o->column = column_of(&u->problems, q->field);
			o->field = q->field != NULL ? arena_strdup(a, q->field) : NULL;
			o->message = arena_strdup(a, q->message);
			if (o->message == NULL) {
				out->nproblems--;
				break;
			}
		}
	}
	problems_free(&u->problems);
	free(u);
	return rc;
}
