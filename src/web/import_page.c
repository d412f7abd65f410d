/* GET and POST /import: a CSV file uploaded in the browser, checked by
 * the import of POST /api/v1/imports/{kind}?dry_run=1 (http/imports.h),
 * every bad row shown with its line, column and message, and only a good
 * file offered to be stored. admin and hr only: the roles the API lets
 * import every kind (docs/security.md).
 *
 * Storing the checked file (docs/web.md, "Import"): the answer to a good
 * check carries a digest of the kind and the file's bytes, keyed by the
 * session's CSRF token, and the file itself (base64, so that no byte is
 * changed by the browser) when it is at most IMPORT_EMBED_MAX bytes; a
 * larger file is chosen again. "Store it" stores only a file whose digest
 * is the checked one, and the store runs the whole check again in its
 * transaction, so nothing unchecked is ever stored. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/imports.h"
#include "http/multipart.h"
#include "io/html.h"
#include "web/page.h"
#include "web/pages.h"

enum {
	IMPORT_EMBED_MAX = 256 * 1024,    /* bytes of a file carried in the page */
	PROBLEMS_SHOWN_MAX = 1000,        /* rows of the problems' table */
	DIGEST_HEX = 2 * crypto_generichash_BYTES + 1
};

#define IMPORTER_ROLES (ROLE_BIT(ROLE_ADMIN) | ROLE_BIT(ROLE_HR))

/* The kinds in the order of the form, with what each file holds. */
static const struct {
	enum import_kind kind;
	const char *label;
} kinds[] = {
	{ IMPORT_TEAMS, N_("Teams") },
	{ IMPORT_PEOPLE, N_("People") },
	{ IMPORT_COMPETENCIES, N_("Competencies") },
	{ IMPORT_INDICATORS, N_("Behavioural indicators and level descriptors") },
	{ IMPORT_ROLES, N_("Role profiles") },
	{ IMPORT_EVIDENCE, N_("Evidence") },
	{ IMPORT_LIBRARY_TEXTS, N_("Library translations") },
	{ IMPORT_SCORECARDS, N_("Quality scorecards") },
	{ IMPORT_EVALUATIONS, N_("Quality evaluations of customer contacts") },
	{ IMPORT_OBJECTIVES, N_("Objectives") },
	{ IMPORT_KEY_RESULTS, N_("Key results") },
	{ IMPORT_CHECKINS, N_("Check-ins of key results") },
};

/* n in the reader's conventions (7,000; 7.000; 7 000), into out. */
static const char *count_text(const struct page *p, long n, char *out, size_t outsz)
{
	struct buf b;

	buf_init(&b, 64);
	(void)fmt_number(&b, p->lang, (double)n, 0);
	(void)snprintf(out, outsz, "%s", buf_str(&b));
	buf_free(&b);
	return out;
}

/* What the form shows besides its fields. */
struct import_view {
	const char *kind;             /* chosen, or NULL */
	const char *kind_error, *file_error;
	const char *message;          /* above the form, an error */
	const struct http_import_result *result;   /* a check's, or NULL */
	const char *filename;
	const char *data;             /* the checked file */
	size_t len;
	bool good;                    /* checked and without problems */
};

/* The digest binding a checked file to its kind and the session, in hex. */
static void file_digest(const struct page *p, const char *kind, const char *data, size_t len,
			char out[DIGEST_HEX])
{
	unsigned char key[crypto_generichash_KEYBYTES], h[crypto_generichash_BYTES];
	crypto_generichash_state s;

	crypto_generichash(key, sizeof key, (const unsigned char *)p->csrf, strlen(p->csrf), NULL, 0);
	crypto_generichash_init(&s, key, sizeof key, sizeof h);
	crypto_generichash_update(&s, (const unsigned char *)kind, strlen(kind) + 1);
	crypto_generichash_update(&s, (const unsigned char *)data, len);
	crypto_generichash_final(&s, h, sizeof h);
	sodium_bin2hex(out, DIGEST_HEX, h, sizeof h);
}

static void form_begin(struct page *p)
{
	fputs("<form method=\"post\" action=\"/import\" enctype=\"multipart/form-data\" "
	      "class=\"form\" novalidate>\n", p->out);
	page_hidden(p, "csrf_token", p->csrf);
}

static void write_kind_select(struct page *p, const struct import_view *v)
{
	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"kind\">%s</label>\n",
		    v->kind_error != NULL ? " invalid" : "", tr(p->lang, "What the file holds"));
	if (v->kind_error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"kind-error\">%s</p>\n", v->kind_error);
	fputs(v->kind_error != NULL
		      ? "<select id=\"kind\" name=\"kind\" aria-invalid=\"true\" aria-describedby=\"kind-error\">\n"
		      : "<select id=\"kind\" name=\"kind\">\n", p->out);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const char *name = import_kind_name(kinds[i].kind);

		html_printf(p->out, v->kind != NULL && strcmp(v->kind, name) == 0
				    ? "<option value=\"%s\" selected>%s (%s.csv)</option>\n"
				    : "<option value=\"%s\">%s (%s.csv)</option>\n",
			    name, tr(p->lang, kinds[i].label), name);
	}
	fputs("</select>\n</div>\n", p->out);
}

static void write_file_input(struct page *p, const char *error, const char *label)
{
	char hint[300], size[32];

	page_size_text(size, sizeof size, p->cx->cfg->limits.csv_body_max);
	(void)snprintf(hint, sizeof hint,
		       tr(p->lang, "A CSV file with a header row, separated by commas or semicolons, "
				   "in UTF-8; at most %s."), size);
	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"file\">%s</label>\n"
		    "<p class=\"hint\" id=\"file-hint\">%s</p>\n",
		    error != NULL ? " invalid" : "", label, hint);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"file-error\">%s</p>\n", error);
	fputs(error != NULL
		      ? "<input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,text/csv\" "
			"aria-invalid=\"true\" aria-describedby=\"file-error file-hint\">\n</div>\n"
		      : "<input id=\"file\" name=\"file\" type=\"file\" accept=\".csv,text/csv\" "
			"aria-describedby=\"file-hint\">\n</div>\n", p->out);
}

/* Every problem of a check: line, column, field, message. */
static void write_problems(struct page *p, const struct http_import_result *r)
{
	char head[200], n[32];

	(void)snprintf(head, sizeof head,
		       trn(p->lang, "%s problem found. Nothing was stored.",
			   "%s problems found. Nothing was stored.", (unsigned long)r->problem_count),
		       count_text(p, r->problem_count, n, sizeof n));
	html_printf(p->out, "<section class=\"problems\" aria-labelledby=\"problems-title\">\n"
		    "<h2 id=\"problems-title\">%s</h2>\n", head);
	html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "Correct these rows in the file, then choose "
						       "it again and check it."));
	html_printf(p->out, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"problems-title\">"
		    "<table class=\"problems-table\">\n<thead><tr>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    tr(p->lang, "Line"), tr(p->lang, "Column"), tr(p->lang, "Field"),
		    tr(p->lang, "Problem"));
	for (size_t i = 0; i < r->nproblems && i < PROBLEMS_SHOWN_MAX; i++) {
		const struct http_import_problem *q = &r->problems[i];
		char line[24] = "", col[24] = "";

		if (q->line > 0)
			(void)snprintf(line, sizeof line, "%ld", q->line);
		if (q->column > 0)
			(void)snprintf(col, sizeof col, "%zu", q->column);
		html_printf(p->out, "<tr><td class=\"num\">%s</td><td class=\"num\">%s</td>"
			    "<td>%s</td><td>%s</td></tr>\n", line, col,
			    q->field != NULL ? q->field : "", q->message);
	}
	fputs("</tbody>\n</table></div>\n", p->out);
	if (r->nproblems > PROBLEMS_SHOWN_MAX || (long)r->nproblems < r->problem_count)
		html_printf(p->out, "<p>%s</p>\n",
			    tr(p->lang, "Only the first problems are listed; the check stops after "
					"too many. Correct these and check the file again."));
	fputs("</section>\n", p->out);
}

/* The good check's answer: the count and the "Store it" form. */
static void write_store_form(struct page *p, const struct import_view *v)
{
	char msg[300], digest[DIGEST_HEX], n[32];

	(void)snprintf(msg, sizeof msg,
		       trn(p->lang, "The file is good: %s row, no problems. Nothing is stored yet.",
			   "The file is good: %s rows, no problems. Nothing is stored yet.",
			   (unsigned long)v->result->rows), count_text(p, v->result->rows, n, sizeof n));
	html_printf(p->out, "<section class=\"checked\" aria-labelledby=\"checked-title\">\n"
		    "<h2 id=\"checked-title\">%s</h2>\n", tr(p->lang, "Checked"));
	page_message(p, "ok", msg);
	file_digest(p, v->kind, v->data, v->len, digest);
	form_begin(p);
	page_hidden(p, "step", "store");
	page_hidden(p, "kind", v->kind);
	page_hidden(p, "checked", digest);
	page_hidden(p, "filename", v->filename);
	if (v->len <= IMPORT_EMBED_MAX) {
		size_t n = sodium_base64_encoded_len(v->len, sodium_base64_VARIANT_ORIGINAL);
		char *b64 = malloc(n);

		if (b64 != NULL) {
			sodium_bin2base64(b64, n, (const unsigned char *)v->data, v->len,
					  sodium_base64_VARIANT_ORIGINAL);
			page_hidden(p, "content", b64);
			free(b64);
		}
	} else {
		write_file_input(p, NULL, tr(p->lang, "Choose the same file again to store it"));
	}
	page_submit(p, tr(p->lang, "Store it"));
	page_form_end(p);
	fputs("</section>\n", p->out);
}

static int show(struct page *p, int status, const struct import_view *v)
{
	const char *stored = http_query(p->cx->req, "stored");
	const char *kind = http_query(p->cx->req, "kind");

	p->nav_current = "/import";
	page_head(p, tr(p->lang, "Import data"));
	if (v->message != NULL)
		page_message(p, "error", v->message);
	if (stored != NULL && kind != NULL && v->result == NULL && v->message == NULL) {
		char msg[300], count[32];
		enum import_kind k;
		char *end;
		long n = strtol(stored, &end, 10);

		if (*end == '\0' && n >= 0 && import_kind_parse(kind, &k) == 0) {
			(void)snprintf(msg, sizeof msg,
				       trn(p->lang, "Stored: %s row of %s.", "Stored: %s rows of %s.",
					   (unsigned long)n), count_text(p, n, count, sizeof count),
				       import_kind_name(k));
			page_message(p, "ok", msg);
		}
	}
	if (v->result != NULL && v->filename != NULL && v->filename[0] != '\0') {
		char line[400];

		(void)snprintf(line, sizeof line, tr(p->lang, "File: %s"), v->filename);
		html_printf(p->out, "<p class=\"filename\">%s</p>\n", line);
	}
	if (v->result != NULL && v->good)
		write_store_form(p, v);
	else if (v->result != NULL)
		write_problems(p, v->result);
	html_printf(p->out, "<h2>%s</h2>\n<p>%s</p>\n", tr(p->lang, "Check a file"),
		    tr(p->lang, "First the file is checked: every bad row is listed with its line and "
				"column, and nothing is stored. A good file can then be stored, all "
				"rows or none."));
	form_begin(p);
	page_hidden(p, "step", "check");
	write_kind_select(p, v);
	write_file_input(p, v->file_error, tr(p->lang, "CSV file"));
	page_submit(p, tr(p->lang, "Check the file"));
	page_form_end(p);
	html_printf(p->out, "<p><a href=\"/export\">%s</a></p>\n",
		    tr(p->lang, "Download the data as CSV files"));
	page_foot(p);
	return page_finish(p, status);
}

int handle_import_page(struct http_ctx *cx)
{
	struct page p;

	if (!http_role_in(cx->req->caller, IMPORTER_ROLES))
		return page_error(cx, 403, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	return show(&p, 200, &(struct import_view){ 0 });
}

/* The file to store: the checked one carried in the page, or chosen
 * again. NULL with v->file_error or v->message set. */
static const char *file_to_store(struct page *p, struct import_view *v, size_t *len)
{
	const struct multipart_file *f = p->cx->req->upload;
	const char *b64 = page_field(p, "content");
	const char *checked = page_field(p, "checked");
	char digest[DIGEST_HEX];
	unsigned char *bin;
	const char *data;
	size_t n;

	if (b64 != NULL) {
		n = strlen(b64);
		bin = arena_alloc(p->cx->arena, n / 4 * 3 + 3);
		if (bin == NULL || sodium_base642bin(bin, n / 4 * 3 + 3, b64, n, NULL, len, NULL,
						     sodium_base64_VARIANT_ORIGINAL) != 0) {
			v->message = tr(p->lang, "The checked file did not come back whole. "
						 "Choose it again and check it.");
			return NULL;
		}
		data = (const char *)bin;
	} else if (f != NULL && f->field != NULL && f->filename[0] != '\0') {
		data = f->data;
		*len = f->len;
	} else {
		v->file_error = tr(p->lang, "Choose the file you checked.");
		return NULL;
	}
	file_digest(p, v->kind, data, *len, digest);
	if (checked == NULL || sodium_memcmp(digest, checked, sizeof digest) != 0 ||
	    strlen(checked) != DIGEST_HEX - 1) {
		v->message = tr(p->lang, "This is not the file that was checked, so it was not "
					 "stored. Check it first.");
		return NULL;
	}
	return data;
}

int handle_import_post(struct http_ctx *cx)
{
	const struct multipart_file *f = cx->req->upload;
	struct import_view v = { 0 };
	struct http_import_result r;
	enum import_kind kind;
	const char *step, *data = NULL;
	struct page p;
	size_t len = 0;
	bool store;

	if (!http_role_in(cx->req->caller, IMPORTER_ROLES))
		return page_error(cx, 403, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	if (f == NULL) {    /* a urlencoded form: not this page's */
		page_discard(&p);
		return page_error(cx, 400, tr(p.lang, "Send the file with the import page's form."));
	}
	step = page_field(&p, "step");
	store = step != NULL && strcmp(step, "store") == 0;
	v.kind = page_field(&p, "kind");
	v.filename = page_field(&p, "filename");
	if (v.kind == NULL || import_kind_parse(v.kind, &kind) < 0) {
		v.kind_error = tr(p.lang, "Choose what the file holds from the list.");
		v.kind = NULL;
	}
	if (store && v.kind != NULL) {
		data = file_to_store(&p, &v, &len);
	} else if (f->field == NULL || (f->filename[0] == '\0' && f->len == 0)) {
		v.file_error = tr(p.lang, "Choose a CSV file to check.");
	} else {
		data = f->data;
		len = f->len;
		v.filename = f->filename;
	}
	if (v.kind_error != NULL || data == NULL)
		return show(&p, 422, &v);
	if (http_import_file(cx, kind, data, len, !store, cx->arena, &r) < 0) {
		page_discard(&p);
		return page_error(cx, cx->resp->status, NULL);
	}
	if (r.stored) {
		char to[80];

		page_discard(&p);
		(void)snprintf(to, sizeof to, "/import?stored=%ld&kind=%s", r.rows,
			       import_kind_name(kind));
		return page_redirect(cx, to);
	}
	v.result = &r;
	v.good = !store && r.problem_count == 0;
	v.data = data;
	v.len = len;
	return show(&p, v.good ? 200 : 422, &v);
}

/* ---- GET /export --------------------------------------------------------- */

int handle_export_page(struct http_ctx *cx)
{
	struct page p;

	if (!http_role_in(cx->req->caller, IMPORTER_ROLES))
		return page_error(cx, 403, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	p.nav_current = "/export";
	page_head(&p, tr(p.lang, "Export data"));
	html_printf(p.out, "<p class=\"lead\">%s</p>\n",
		    tr(p.lang, "Each file is the CSV that the import reads back, with the rows you "
			       "may see. Opening one counts as reading the people's data in it and "
			       "is written to the audit log."));
	fputs("<ul class=\"downloads\">\n", p.out);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++) {
		const char *name = import_kind_name(kinds[i].kind);

		html_printf(p.out, "<li><a href=\"/api/v1/exports/%s\" download=\"%s.csv\">%s</a> "
			    "<span class=\"key\">%s.csv</span></li>\n", name, name,
			    tr(p.lang, kinds[i].label), name);
	}
	fputs("</ul>\n", p.out);
	html_printf(p.out, "<p><a href=\"/import\">%s</a></p>\n", tr(p.lang, "Import a file"));
	page_foot(&p);
	return page_finish(&p, 200);
}
