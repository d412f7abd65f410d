/* GET and POST /library/roles/{key} and /library/roles/new (docs/web.md,
 * "Editing the library"): a role's names in each language and its
 * profile, the required level (1-5) and weight (1-3) of each competency,
 * for admin and hr. A save is one entity_patch written by
 * http_entity_apply, the code of the API's POST and PATCH /api/v1/roles:
 * the same checks, one transaction, the same audit entry. A refused form
 * comes back (422) with what was typed and each problem beside its
 * field; nothing is stored. */
#include <stdio.h>
#include <string.h>

#include "io/html.h"
#include "store/texts.h"
#include "web/library_edit.h"
#include "web/pages.h"

/* One competency of the profile, as text (what was typed is kept). */
struct req_row {
	const char *competency;
	const char *level, *weight;
	bool remove;
};

struct role_form {
	bool create;
	const char *key;
	const char *names[LANG_COUNT];
	struct req_row rows[LIBRARY_ROWS_MAX];    /* the profile */
	size_t nrows;
	struct req_row add[LIBRARY_BLANK_ROWS];  /* competencies to add */
	struct lib_errors errs;
	bool too_long;                           /* more than the form holds */
};

static const char *dup_int(struct http_ctx *cx, int v)
{
	char buf[24];

	(void)snprintf(buf, sizeof buf, "%d", v);
	return arena_strdup(cx->arena, buf);
}

static const char *iname(struct http_ctx *cx, const char *prefix, size_t n, const char *suffix)
{
	char buf[64];

	(void)snprintf(buf, sizeof buf, "%s-%zu%s", prefix, n, suffix);
	return arena_strdup(cx->arena, buf);
}

/* ---- reading the stored role -------------------------------------------------- */

struct loading {
	struct http_ctx *cx;
	struct role_form *f;
};

static int load_requirement(void *ctx, const struct requirement *r)
{
	struct loading *l = ctx;
	struct role_form *f = l->f;
	struct req_row *row;

	if (f->nrows == LIBRARY_ROWS_MAX) {
		f->too_long = true;
		return 0;
	}
	row = &f->rows[f->nrows++];
	row->competency = arena_strdup(l->cx->arena, r->competency);
	row->level = dup_int(l->cx, r->required_level);
	row->weight = dup_int(l->cx, r->weight);
	return row->competency == NULL || row->level == NULL || row->weight == NULL ? -1 : 0;
}

static int load_name(void *ctx, const struct library_text *t)
{
	struct loading *l = ctx;
	enum lang g;

	if (t->kind == LIBRARY_ROLE && lang_parse(t->lang, &g) && strcmp(lang_code(g), t->lang) == 0)
		l->f->names[g] = arena_strdup(l->cx->arena, t->text);
	return 0;
}

/* ---- the form ----------------------------------------------------------------- */

static const char *competency_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return lib->competencies[i].name;
	return key;
}

static bool in_profile(const struct role_form *f, const char *key)
{
	for (size_t i = 0; i < f->nrows; i++)
		if (strcmp(f->rows[i].competency, key) == 0 && !f->rows[i].remove)
			return true;
	return false;
}

static void write_row(struct page *p, const struct role_form *f, const struct library *lib,
		      size_t n)
{
	const struct req_row *r = &f->rows[n - 1];
	const char *cname = iname(p->cx, "req", n, "-competency");
	const char *level = iname(p->cx, "req", n, "-level");
	const char *weight = iname(p->cx, "req", n, "-weight");
	const char *error = cname != NULL ? lib_error(&f->errs, cname) : NULL;

	if (cname == NULL || level == NULL || weight == NULL)
		return;
	html_printf(p->out, "<fieldset class=\"row requirement\">\n<legend>%s <span class=\"key\">%s</span></legend>\n",
		    competency_name(lib, r->competency), r->competency);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", cname, error);
	page_hidden(p, cname, r->competency);
	lib_number(p, level, tr(p->lang, "Required level"), r->level, LEVEL_MIN, LEVEL_MAX,
		   lib_error(&f->errs, level));
	lib_number(p, weight, tr(p->lang, "Weight"), r->weight, WEIGHT_MIN, WEIGHT_MAX,
		   lib_error(&f->errs, weight));
	html_printf(p->out, "<div class=\"field check\"><input type=\"checkbox\" id=\"req-%zu-remove\""
		    " name=\"req-%zu-remove\" value=\"1\"%s><label for=\"req-%zu-remove\">%s</label></div>\n",
		    n, n, r->remove ? " checked" : "", n, tr(p->lang, "Remove from the profile"));
	fputs("</fieldset>\n", p->out);
}

static void write_add_row(struct page *p, const struct role_form *f, const struct library *lib,
			  size_t n)
{
	const struct req_row *r = &f->add[n - 1];
	const char *cname = iname(p->cx, "add", n, "-competency");
	const char *level = iname(p->cx, "add", n, "-level");
	const char *weight = iname(p->cx, "add", n, "-weight");
	const char *error;
	char legend[64];

	if (cname == NULL || level == NULL || weight == NULL)
		return;
	error = lib_error(&f->errs, cname);
	(void)snprintf(legend, sizeof legend, tr(p->lang, "Add a competency (%lu)"),
		       (unsigned long)n);
	html_printf(p->out, "<fieldset class=\"row requirement\">\n<legend>%s</legend>\n"
		    "<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n", legend,
		    error != NULL ? " invalid" : "", cname, tr(p->lang, "Competency"));
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", cname, error);
	html_printf(p->out, "<select id=\"%s\" name=\"%s\"", cname, cname);
	if (error != NULL)
		html_printf(p->out, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", cname);
	html_printf(p->out, ">\n<option value=\"\">%s</option>\n", tr(p->lang, "(none)"));
	for (size_t i = 0; i < lib->ncompetencies; i++) {
		const struct library_competency *c = &lib->competencies[i];
		bool chosen = r->competency != NULL && strcmp(r->competency, c->key) == 0;

		if (in_profile(f, c->key) && !chosen)
			continue;
		html_printf(p->out, "<option value=\"%s\"%s>%s (%s)</option>\n", c->key,
			    chosen ? " selected" : "", c->name, c->key);
	}
	fputs("</select>\n</div>\n", p->out);
	lib_number(p, level, tr(p->lang, "Required level"), r->level, LEVEL_MIN, LEVEL_MAX,
		   lib_error(&f->errs, level));
	lib_number(p, weight, tr(p->lang, "Weight"), r->weight, WEIGHT_MIN, WEIGHT_MAX,
		   lib_error(&f->errs, weight));
	fputs("</fieldset>\n", p->out);
}

static void write_form(struct page *p, const struct role_form *f, const struct library *lib)
{
	const char *action = f->create ? "/library/roles/new"
				       : lib_path(p->cx, ENTITY_ROLE, f->key, "");
	char rows[24];

	page_form_begin(p, action != NULL ? action : "/library");
	html_printf(p->out, "<fieldset>\n<legend>%s</legend>\n", tr(p->lang, "The role"));
	if (f->create)
		lib_field(p, &(struct lib_field){
			.name = "key", .label = tr(p->lang, "Key"), .value = f->key,
			.error = lib_error(&f->errs, "key"), .required = true,
			.hint = tr(p->lang, "How files and other systems name the role, such as agent. "
					   "It cannot be changed later.") });
	else
		html_printf(p->out, "<p class=\"key-line\">%s: <code>%s</code></p>\n", tr(p->lang, "Key"),
			    f->key);
	html_printf(p->out, "<p class=\"hint\">%s</p>\n",
		    tr(p->lang, "The role's name in each language; where one is empty, the role is "
			       "shown by its key."));
	for (int g = 0; g < LANG_COUNT; g++) {
		char name[32], label[128];
		const char *input;

		(void)snprintf(name, sizeof name, "name-%s", lang_code((enum lang)g));
		(void)snprintf(label, sizeof label, tr(p->lang, "Name in %s"),
			       lib_lang_label(p, (enum lang)g));
		input = arena_strdup(p->cx->arena, name);
		if (input == NULL)
			continue;
		lib_field(p, &(struct lib_field){
			.name = input, .label = label, .value = f->names[g],
			.error = lib_error(&f->errs, input), .lang = lang_code((enum lang)g) });
	}
	fputs("</fieldset>\n", p->out);
	html_printf(p->out, "<fieldset class=\"rows\">\n<legend>%s</legend>\n<p class=\"hint\">%s</p>\n",
		    tr(p->lang, "Profile"),
		    tr(p->lang, "For each competency the level the role requires, from 1 to 5, and "
			       "its weight, from 1 to 3 (3 is the most critical; empty is 1)."));
	if (f->nrows == 0)
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "The profile has no competencies yet."));
	for (size_t i = 0; i < f->nrows; i++)
		write_row(p, f, lib, i + 1);
	for (size_t i = 0; i < LIBRARY_BLANK_ROWS; i++)
		write_add_row(p, f, lib, i + 1);
	fputs("</fieldset>\n", p->out);
	(void)snprintf(rows, sizeof rows, "%zu", f->nrows);
	page_hidden(p, "profile_rows", rows);
	page_submit(p, f->create ? tr(p->lang, "Create the role") : tr(p->lang, "Save"));
	page_form_end(p);
}

/* Answers the page of form f with status, the library read afresh (the
 * competencies' names in the reader's language). */
static int answer(struct http_ctx *cx, const struct role_form *f, int status, bool saved)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	char back[300], title[512];
	struct library lib;
	struct arena a;
	struct page p;
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	arena_init(&a, 1 << 24);
	rc = store_load_library(st, lang_code(p.lang), &a, &lib, &err);
	store_rollback(st);
	if (rc < 0) {
		arena_free(&a);
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	p.nav_current = "/library";
	if (f->create)
		(void)snprintf(title, sizeof title, "%s", tr(p.lang, "New role"));
	else
		(void)snprintf(title, sizeof title, tr(p.lang, "Edit role: %s"),
			       !lib_blank(f->names[p.lang]) ? f->names[p.lang] : f->key);
	page_head(&p, title);
	if (f->create)
		(void)snprintf(back, sizeof back, "/library#roles");
	else
		(void)snprintf(back, sizeof back, "/library#r-%s", f->key);
	html_printf(p.out, "<p class=\"back\"><a href=\"%s\">%s</a></p>\n", back,
		    tr(p.lang, "Back to the library"));
	if (saved)
		page_message(&p, "ok", tr(p.lang, "Saved. The library shows the changes."));
	if (f->errs.problems > 0)
		lib_error_summary(&p, &f->errs);
	if (f->too_long)
		page_message(&p, "notice", tr(p.lang, "This role's profile has more competencies than "
					      "this page can edit. Change it with an import of roles "
					      "or through the API."));
	else
		write_form(&p, f, &lib);
	if (!f->create) {
		const char *del = lib_path(cx, ENTITY_ROLE, f->key, "/delete");

		if (del != NULL)
			html_printf(p.out, "<p class=\"danger-link\"><a href=\"%s\">%s</a></p>\n", del,
				    tr(p.lang, "Delete this role…"));
	}
	arena_free(&a);
	page_foot(&p);
	return page_finish(&p, status);
}

static struct role_form *new_form(struct http_ctx *cx, bool create)
{
	struct role_form *f = arena_alloc(cx->arena, sizeof *f);

	if (f != NULL) {
		memset(f, 0, sizeof *f);
		f->create = create;
	}
	return f;
}

static int show(struct http_ctx *cx, bool create)
{
	const char *key = create ? NULL : http_param(cx->req, "key");
	const char *saved = http_query(cx->req, "saved");
	struct role_form *f;
	struct loading l;
	struct err err = { 0 };
	struct store *st;
	int rc;

	if (!http_entity_writer(cx->req->caller))
		return lib_refuse(cx, ENTITY_ROLE, create ? HTTP_WRITE_CREATE : HTTP_WRITE_UPDATE, key);
	f = new_form(cx, create);
	if (f == NULL)
		return page_error(cx, 500, NULL);
	if (create)
		return answer(cx, f, 200, false);
	f->key = key;
	l = (struct loading){ cx, f };
	st = http_store(cx, &err);
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	rc = store_lookup(st, ENTITY_ROLE, key, NULL, &err);
	if (rc > 0 && (store_each_requirement(st, key, load_requirement, &l, &err) < 0 ||
		       store_each_library_text(st, ENTITY_ROLE, key, load_name, &l, &err) < 0))
		rc = -1;
	store_rollback(st);
	if (rc < 0)
		return page_error(cx, 503, NULL);
	if (rc == 0)
		return page_error(cx, 404, NULL);
	return answer(cx, f, 200, saved != NULL && strcmp(saved, "1") == 0);
}

int handle_library_role_page(struct http_ctx *cx)
{
	return show(cx, false);
}

int handle_library_role_new_page(struct http_ctx *cx)
{
	return show(cx, true);
}

/* ---- the POST ------------------------------------------------------------------ */

struct save {
	struct http_ctx *cx;
	struct role_form *f;
	struct entity_patch patch;
	struct patch_texts texts;
	struct requirement_fields reqs[LIBRARY_ROWS_MAX + LIBRARY_BLANK_ROWS];
	const char *row_of[LIBRARY_ROWS_MAX + LIBRARY_BLANK_ROWS];  /* "req-2", "add-1" */
	enum lang lang;
};

static void read_row(const struct page *p, const char *prefix, size_t n, struct req_row *r)
{
	char name[64];

	(void)snprintf(name, sizeof name, "%s-%zu-competency", prefix, n);
	r->competency = lib_value(p, name);
	(void)snprintf(name, sizeof name, "%s-%zu-level", prefix, n);
	r->level = lib_value(p, name);
	(void)snprintf(name, sizeof name, "%s-%zu-weight", prefix, n);
	r->weight = lib_value(p, name);
	(void)snprintf(name, sizeof name, "%s-%zu-remove", prefix, n);
	r->remove = page_field(p, name) != NULL;
}

static void read_form(const struct page *p, struct role_form *f)
{
	char name[32];

	if (f->create)
		f->key = lib_value(p, "key");
	for (int g = 0; g < LANG_COUNT; g++) {
		(void)snprintf(name, sizeof name, "name-%s", lang_code((enum lang)g));
		f->names[g] = lib_value(p, name);
	}
	f->nrows = lib_rows(p, "profile_rows");
	if (f->nrows > LIBRARY_ROWS_MAX)
		f->nrows = LIBRARY_ROWS_MAX;
	for (size_t i = 0; i < f->nrows; i++)
		read_row(p, "req", i + 1, &f->rows[i]);
	for (size_t i = 0; i < LIBRARY_BLANK_ROWS; i++)
		read_row(p, "add", i + 1, &f->add[i]);
}

static void add_requirement(struct save *s, const struct req_row *r, const char *prefix)
{
	struct entity_patch *q = &s->patch;

	s->row_of[q->nrequirements] = prefix;
	s->reqs[q->nrequirements++] = (struct requirement_fields){
		.competency = r->competency, .required_level = r->level,
		.weight = lib_blank(r->weight) ? NULL : r->weight,
	};
}

/* Builds s->patch from the form; -1 out of memory. */
static int build_patch(struct save *s)
{
	struct role_form *f = s->f;
	struct entity_patch *q = &s->patch;

	q->kind = ENTITY_ROLE;
	q->field[0] = f->create ? f->key : NULL;
	q->has_requirements = q->has_texts = true;
	q->requirements = s->reqs;
	q->texts = &s->texts;
	for (int g = 0; g < LANG_COUNT; g++) {
		char name[32];
		const char *input;

		(void)snprintf(name, sizeof name, "name-%s", lang_code((enum lang)g));
		input = arena_strdup(s->cx->arena, name);
		if (input == NULL || lib_text_add(&s->texts, s->cx->arena, LIBRARY_ROLE, 0, (enum lang)g,
						  LIBRARY_NAME, f->names[g], input) < 0)
			return -1;
	}
	for (size_t i = 0; i < f->nrows; i++) {
		const char *prefix = iname(s->cx, "req", i + 1, "");

		if (prefix == NULL)
			return -1;
		if (!f->rows[i].remove)
			add_requirement(s, &f->rows[i], prefix);
	}
	for (size_t i = 0; i < LIBRARY_BLANK_ROWS; i++) {
		const struct req_row *r = &f->add[i];
		const char *prefix = iname(s->cx, "add", i + 1, "");

		if (prefix == NULL)
			return -1;
		if (!lib_blank(r->competency)) {
			add_requirement(s, r, prefix);
		} else if (!lib_blank(r->level) || !lib_blank(r->weight)) {
			const char *input = iname(s->cx, "add", i + 1, "-competency");

			if (input == NULL)
				return -1;
			lib_error_add(&f->errs, input, tr(s->lang, "Choose a competency for this row, "
							   "or leave the row empty."));
		}
	}
	return 0;
}

/* A problem of the write, beside its field, in the reader's words. */
static void on_problem(void *ctx, const char *field, const char *message)
{
	struct save *s = ctx;
	enum lang l = s->lang;
	char input[96];
	const char *text, *kept, *rest = "";
	long i = lib_field_index(field, "requirements", &rest);

	(void)snprintf(input, sizeof input, "form");
	if (strcmp(field, "key") == 0) {
		(void)snprintf(input, sizeof input, "key");
		text = s->f->create && strstr(message, "exists already") != NULL
		       ? tr(l, "A role with this key exists already. Choose another key.")
		       : tr(l, "Give a key of at most 100 characters, without spaces at its start "
			       "or end.");
	} else if (strncmp(field, "name-", 5) == 0) {
		(void)snprintf(input, sizeof input, "%s", field);
		text = tr(l, "Give a name of at most 200 characters, without spaces at its start "
			     "or end.");
	} else if (i >= 0 && (size_t)i < s->patch.nrequirements && strcmp(rest, ".required_level") == 0) {
		(void)snprintf(input, sizeof input, "%s-level", s->row_of[i]);
		text = tr(l, "Give a whole number from 1 to 5.");
	} else if (i >= 0 && (size_t)i < s->patch.nrequirements && strcmp(rest, ".weight") == 0) {
		(void)snprintf(input, sizeof input, "%s-weight", s->row_of[i]);
		text = tr(l, "Give a whole number from 1 to 3 (3 is the most critical), or leave it "
			     "empty for 1.");
	} else if (i >= 0 && (size_t)i < s->patch.nrequirements) {
		(void)snprintf(input, sizeof input, "%s-competency", s->row_of[i]);
		text = tr(l, "Choose a competency of the library; each may be in the profile once.");
	} else {
		text = tr(l, "This value cannot be stored. Check it and try again.");
	}
	kept = arena_strdup(s->cx->arena, input);
	lib_error_add(&s->f->errs, kept != NULL ? kept : "form", text);
}

static int save(struct http_ctx *cx, bool create)
{
	const char *key = create ? NULL : http_param(cx->req, "key");
	struct save *s = arena_alloc(cx->arena, sizeof *s);
	struct field_sink sink;
	struct field_error fe;
	struct err err = { 0 };
	struct store *st;
	struct page p;
	const char *to;

	if (!http_entity_writer(cx->req->caller))
		return lib_refuse(cx, ENTITY_ROLE, create ? HTTP_WRITE_CREATE : HTTP_WRITE_UPDATE, key);
	if (s == NULL || page_begin(&p, cx) < 0)
		return s == NULL ? page_error(cx, 500, NULL) : 0;
	memset(s, 0, sizeof *s);
	s->cx = cx;
	s->lang = p.lang;
	s->f = new_form(cx, create);
	if (s->f == NULL) {
		page_discard(&p);
		return page_error(cx, 500, NULL);
	}
	s->f->key = key;
	read_form(&p, s->f);
	page_discard(&p);
	if (build_patch(s) < 0)
		return page_error(cx, 500, NULL);
	if (s->f->errs.problems > 0)
		return answer(cx, s->f, 422, false);
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	sink = (struct field_sink){ on_problem, s };
	s->patch.sink = &sink;
	if (http_entity_apply(cx, st, ENTITY_ROLE, create ? HTTP_WRITE_CREATE : HTTP_WRITE_UPDATE,
			      key, &s->patch, &fe, &err) < 0) {
		if (fe.code == EE_NONE || fe.code == EE_STORE)
			return page_error(cx, 503, NULL);
		if (fe.code == EE_NOT_FOUND)
			return page_error(cx, 404, NULL);
		if (s->f->errs.problems == 0)
			on_problem(s, fe.field, fe.message);
		return answer(cx, s->f, 422, false);
	}
	to = lib_path(cx, ENTITY_ROLE, create ? s->f->key : key, "?saved=1");
	return to != NULL ? page_redirect(cx, to) : page_error(cx, 500, NULL);
}

int handle_library_role_post(struct http_ctx *cx)
{
	return save(cx, false);
}

int handle_library_role_new_post(struct http_ctx *cx)
{
	return save(cx, true);
}
