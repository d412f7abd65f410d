/* GET and POST /library/competencies/{key} and /library/competencies/new
 * (docs/web.md, "Editing the library"): a competency's name, category,
 * definition, behavioural indicators and level descriptors, and their
 * Dutch and Swedish texts, for admin and hr. A save is one entity_patch
 * written by http_entity_apply, the code of the API's POST and PATCH
 * /api/v1/competencies: the same checks, one transaction, the same audit
 * entry. A refused form comes back (422) with what was typed and each
 * problem beside its field; nothing is stored. */
#include <stdio.h>
#include <string.h>

#include "io/html.h"
#include "store/texts.h"
#include "web/library_edit.h"
#include "web/pages.h"

/* One text and its translations: an indicator or a level's descriptor. */
struct lib_row {
	const char *text;
	const char *t[LANG_COUNT];
	bool remove;
};

struct competency_form {
	bool create;
	const char *key, *name, *category, *description;
	const char *name_t[LANG_COUNT], *desc_t[LANG_COUNT];
	struct lib_row *rows;         /* the indicators, then empty rows */
	size_t nrows;
	struct lib_row levels[LEVEL_MAX + 1];
	struct lib_errors errs;
	bool too_long;                /* more indicators than the form holds */
};

static const char *iname(struct http_ctx *cx, const char *fmt, long n, const char *suffix)
{
	char buf[64];

	(void)snprintf(buf, sizeof buf, fmt, n, suffix);
	return arena_strdup(cx->arena, buf);
}

/* ---- reading the stored competency ------------------------------------------ */

struct loading {
	struct competency_form *f;
	struct arena *a;
};

static int load_indicator(void *ctx, const struct indicator *i)
{
	struct loading *l = ctx;
	struct competency_form *f = l->f;
	const char *text = arena_strdup(l->a, i->text);

	if (text == NULL)
		return -1;
	if (i->level >= LEVEL_MIN && i->level <= LEVEL_MAX) {
		f->levels[i->level].text = text;
	} else if (f->nrows == LIBRARY_ROWS_MAX) {
		f->too_long = true;
	} else {
		f->rows[f->nrows++].text = text;
	}
	return 0;
}

static int load_text(void *ctx, const struct library_text *t)
{
	struct loading *l = ctx;
	struct competency_form *f = l->f;
	const char *text = arena_strdup(l->a, t->text);
	enum lang g;

	if (text == NULL)
		return -1;
	if (!lang_parse(t->lang, &g) || strcmp(lang_code(g), t->lang) != 0)
		return 0;
	if (t->kind == LIBRARY_COMPETENCY && t->field == LIBRARY_NAME)
		f->name_t[g] = text;
	else if (t->kind == LIBRARY_COMPETENCY)
		f->desc_t[g] = text;
	else if (t->kind == LIBRARY_INDICATOR && t->item >= 1 && (size_t)t->item <= f->nrows)
		f->rows[t->item - 1].t[g] = text;
	else if (t->kind == LIBRARY_DESCRIPTOR && t->item >= LEVEL_MIN && t->item <= LEVEL_MAX)
		f->levels[t->item].t[g] = text;
	return 0;
}

/* Reads competency key into f; 1 found, 0 none, -1 the store failed. */
static int load_form(struct http_ctx *cx, struct store *st, const char *key,
		     struct competency_form *f, struct err *err)
{
	struct loading l = { f, cx->arena };
	struct competency c = { 0 };
	int rc;

	rc = store_get_competency(st, key, &c, cx->arena, err);
	if (rc <= 0)
		return rc;
	f->key = key;
	f->name = c.name;
	f->category = c.category;
	f->description = c.description;
	if (store_each_indicator(st, key, load_indicator, &l, err) < 0 ||
	    store_each_library_text(st, ENTITY_COMPETENCY, key, load_text, &l, err) < 0)
		return -1;
	f->nrows += LIBRARY_BLANK_ROWS;     /* empty rows to add indicators */
	return 1;
}

static struct competency_form *new_form(struct http_ctx *cx, bool create)
{
	struct competency_form *f = arena_alloc(cx->arena, sizeof *f);
	size_t n = LIBRARY_ROWS_MAX + LIBRARY_BLANK_ROWS;

	if (f == NULL)
		return NULL;
	memset(f, 0, sizeof *f);
	f->create = create;
	f->rows = arena_alloc(cx->arena, n * sizeof *f->rows);
	if (f->rows == NULL)
		return NULL;
	memset(f->rows, 0, n * sizeof *f->rows);
	return f;
}

/* ---- the form ----------------------------------------------------------------- */

/* A text's translations, each in its own input. */
static void write_translations(struct page *p, const struct competency_form *f,
			       const char *base, const char *const t[LANG_COUNT], int rows)
{
	for (int g = 0; g < LANG_COUNT; g++) {
		const char *name;
		char buf[64];

		if (!lib_translated((enum lang)g))
			continue;
		(void)snprintf(buf, sizeof buf, "%s-%s", base, lang_code((enum lang)g));
		name = arena_strdup(p->cx->arena, buf);
		if (name == NULL)
			continue;
		lib_field(p, &(struct lib_field){
			.name = name, .label = lib_lang_label(p, (enum lang)g), .value = t[g],
			.error = lib_error(&f->errs, name), .lang = lang_code((enum lang)g),
			.rows = rows });
	}
}

static void write_indicator_rows(struct page *p, const struct competency_form *f)
{
	html_printf(p->out, "<fieldset class=\"rows\">\n<legend>%s</legend>\n<p class=\"hint\">%s</p>\n",
		    tr(p->lang, "Behavioural indicators"),
		    tr(p->lang, "Fill in an empty row to add an indicator; tick Remove to take one "
			       "away. Save the form to get more empty rows."));
	for (size_t i = 0; i < f->nrows; i++) {
		const struct lib_row *r = &f->rows[i];
		const char *name = iname(p->cx, "ind-%ld%s", (long)i + 1, "");
		char legend[128];

		if (name == NULL)
			continue;
		if (lib_blank(r->text))
			(void)snprintf(legend, sizeof legend, "%s", tr(p->lang, "New indicator"));
		else
			(void)snprintf(legend, sizeof legend, tr(p->lang, "Indicator %lu"),
				       (unsigned long)i + 1);
		html_printf(p->out, "<fieldset class=\"row\">\n<legend>%s</legend>\n", legend);
		lib_field(p, &(struct lib_field){
			.name = name, .label = tr(p->lang, "Text"), .value = r->text,
			.error = lib_error(&f->errs, name), .rows = 2 });
		write_translations(p, f, name, r->t, 2);
		if (!lib_blank(r->text))
			html_printf(p->out, "<div class=\"field check\"><input type=\"checkbox\" id=\"%s-remove\""
				    " name=\"%s-remove\" value=\"1\"%s><label for=\"%s-remove\">%s</label></div>\n",
				    name, name, r->remove ? " checked" : "", name,
				    tr(p->lang, "Remove this indicator"));
		fputs("</fieldset>\n", p->out);
	}
	fputs("</fieldset>\n", p->out);
}

static void write_levels(struct page *p, const struct competency_form *f)
{
	const char *error = lib_error(&f->errs, "levels");

	html_printf(p->out, "<fieldset class=\"rows\">\n<legend>%s</legend>\n<p class=\"hint\">%s</p>\n",
		    tr(p->lang, "Level descriptors"),
		    tr(p->lang, "What the competency looks like at each level, from 1 (basic) to 5 "
			       "(expert). Leave a level empty to have no descriptor."));
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"levels-error\">%s</p>\n", error);
	for (int level = LEVEL_MIN; level <= LEVEL_MAX; level++) {
		const char *name = iname(p->cx, "level-%ld%s", level, "");
		char legend[64];

		if (name == NULL)
			continue;
		(void)snprintf(legend, sizeof legend, tr(p->lang, "Level %d"), level);
		html_printf(p->out, "<fieldset class=\"row\">\n<legend>%s</legend>\n", legend);
		lib_field(p, &(struct lib_field){
			.name = name, .label = tr(p->lang, "Text"), .value = f->levels[level].text,
			.error = lib_error(&f->errs, name), .rows = 2 });
		write_translations(p, f, name, f->levels[level].t, 2);
		fputs("</fieldset>\n", p->out);
	}
	fputs("</fieldset>\n", p->out);
}

static void write_form(struct page *p, const struct competency_form *f)
{
	const char *action = f->create ? "/library/competencies/new"
				       : lib_path(p->cx, ENTITY_COMPETENCY, f->key, "");
	char rows[24];

	page_form_begin(p, action != NULL ? action : "/library");
	html_printf(p->out, "<fieldset>\n<legend>%s</legend>\n", tr(p->lang, "The competency"));
	if (f->create)
		lib_field(p, &(struct lib_field){
			.name = "key", .label = tr(p->lang, "Key"), .value = f->key,
			.error = lib_error(&f->errs, "key"), .required = true,
			.hint = tr(p->lang, "How files and other systems name the competency, such as "
					   "c07. It cannot be changed later.") });
	else
		html_printf(p->out, "<p class=\"key-line\">%s: <code>%s</code></p>\n", tr(p->lang, "Key"),
			    f->key);
	lib_field(p, &(struct lib_field){
		.name = "name", .label = tr(p->lang, "Name"), .value = f->name,
		.error = lib_error(&f->errs, "name"), .required = true });
	lib_field(p, &(struct lib_field){
		.name = "category", .label = tr(p->lang, "Category (optional)"), .value = f->category,
		.error = lib_error(&f->errs, "category") });
	lib_field(p, &(struct lib_field){
		.name = "description", .label = tr(p->lang, "Definition"), .value = f->description,
		.error = lib_error(&f->errs, "description"), .rows = 4 });
	fputs("</fieldset>\n", p->out);
	for (int g = 0; g < LANG_COUNT; g++) {
		char name[32], desc[32], legend[128];

		if (!lib_translated((enum lang)g))
			continue;
		(void)snprintf(name, sizeof name, "name-%s", lang_code((enum lang)g));
		(void)snprintf(desc, sizeof desc, "description-%s", lang_code((enum lang)g));
		(void)snprintf(legend, sizeof legend, tr(p->lang, "Name and definition in %s"),
			       lib_lang_label(p, (enum lang)g));
		html_printf(p->out, "<fieldset>\n<legend>%s</legend>\n", legend);
		lib_field(p, &(struct lib_field){
			.name = name, .label = tr(p->lang, "Name"), .value = f->name_t[g],
			.error = lib_error(&f->errs, name), .lang = lang_code((enum lang)g) });
		lib_field(p, &(struct lib_field){
			.name = desc, .label = tr(p->lang, "Definition"), .value = f->desc_t[g],
			.error = lib_error(&f->errs, desc), .lang = lang_code((enum lang)g), .rows = 4 });
		fputs("</fieldset>\n", p->out);
	}
	write_indicator_rows(p, f);
	write_levels(p, f);
	(void)snprintf(rows, sizeof rows, "%zu", f->nrows);
	page_hidden(p, "indicator_rows", rows);
	page_submit(p, f->create ? tr(p->lang, "Create the competency") : tr(p->lang, "Save"));
	page_form_end(p);
}

/* Answers the page of form f with status. */
static int answer(struct http_ctx *cx, const struct competency_form *f, int status, bool saved)
{
	char back[300], title[512];
	struct page p;

	if (page_begin(&p, cx) < 0)
		return 0;
	p.nav_current = "/library";
	if (f->create)
		(void)snprintf(title, sizeof title, "%s", tr(p.lang, "New competency"));
	else
		(void)snprintf(title, sizeof title, tr(p.lang, "Edit competency: %s"),
			       lib_blank(f->name) ? f->key : f->name);
	page_head(&p, title);
	if (f->create)
		(void)snprintf(back, sizeof back, "/library#competencies");
	else
		(void)snprintf(back, sizeof back, "/library#c-%s", f->key);
	html_printf(p.out, "<p class=\"back\"><a href=\"%s\">%s</a></p>\n", back,
		    tr(p.lang, "Back to the library"));
	if (saved)
		page_message(&p, "ok", tr(p.lang, "Saved. The library shows the changes."));
	if (f->errs.problems > 0)
		lib_error_summary(&p, &f->errs);
	if (f->too_long) {
		page_message(&p, "notice", tr(p.lang, "This competency has more behavioural "
					      "indicators than this page can edit. Change it with an "
					      "import of indicators or through the API."));
	} else {
		write_form(&p, f);
	}
	if (!f->create) {
		const char *del = lib_path(cx, ENTITY_COMPETENCY, f->key, "/delete");

		if (del != NULL)
			html_printf(p.out, "<p class=\"danger-link\"><a href=\"%s\">%s</a></p>\n", del,
				    tr(p.lang, "Delete this competency…"));
	}
	page_foot(&p);
	return page_finish(&p, status);
}

static int show(struct http_ctx *cx, bool create)
{
	const char *key = create ? NULL : http_param(cx->req, "key");
	const char *saved = http_query(cx->req, "saved");
	struct competency_form *f;
	struct err err = { 0 };
	struct store *st;
	int rc;

	if (!http_entity_writer(cx->req->caller))
		return lib_refuse(cx, ENTITY_COMPETENCY, create ? HTTP_WRITE_CREATE : HTTP_WRITE_UPDATE,
				  key);
	f = new_form(cx, create);
	if (f == NULL)
		return page_error(cx, 500, NULL);
	if (create) {
		f->nrows = LIBRARY_BLANK_ROWS;
		return answer(cx, f, 200, false);
	}
	st = http_store(cx, &err);
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	rc = load_form(cx, st, key, f, &err);
	store_rollback(st);
	if (rc < 0)
		return page_error(cx, 503, NULL);
	if (rc == 0)
		return page_error(cx, 404, NULL);
	return answer(cx, f, 200, saved != NULL && strcmp(saved, "1") == 0);
}

int handle_library_competency_page(struct http_ctx *cx)
{
	return show(cx, false);
}

int handle_library_competency_new_page(struct http_ctx *cx)
{
	return show(cx, true);
}

/* ---- the POST ------------------------------------------------------------------ */

/* The form as the patch of entity_create or entity_update: which form
 * row each indicator of the patch came from, to put its error there. */
struct save {
	struct http_ctx *cx;
	struct competency_form *f;
	struct entity_patch patch;
	struct patch_texts texts;
	size_t row_of[LIBRARY_ROWS_MAX + LIBRARY_BLANK_ROWS];
	enum lang lang;
};

/* Reads the POSTed form into f. */
static void read_form(const struct page *p, struct competency_form *f)
{
	char name[64];

	f->key = f->create ? lib_value(p, "key") : f->key;
	f->name = lib_value(p, "name");
	f->category = lib_value(p, "category");
	f->description = lib_value(p, "description");
	for (int g = 0; g < LANG_COUNT; g++) {
		if (!lib_translated((enum lang)g))
			continue;
		(void)snprintf(name, sizeof name, "name-%s", lang_code((enum lang)g));
		f->name_t[g] = lib_value(p, name);
		(void)snprintf(name, sizeof name, "description-%s", lang_code((enum lang)g));
		f->desc_t[g] = lib_value(p, name);
	}
	f->nrows = lib_rows(p, "indicator_rows");
	for (size_t i = 0; i < f->nrows; i++) {
		struct lib_row *r = &f->rows[i];

		(void)snprintf(name, sizeof name, "ind-%zu", i + 1);
		r->text = lib_value(p, name);
		(void)snprintf(name, sizeof name, "ind-%zu-remove", i + 1);
		r->remove = page_field(p, name) != NULL;
		for (int g = 0; g < LANG_COUNT; g++) {
			if (!lib_translated((enum lang)g))
				continue;
			(void)snprintf(name, sizeof name, "ind-%zu-%s", i + 1, lang_code((enum lang)g));
			r->t[g] = lib_value(p, name);
		}
	}
	for (int level = LEVEL_MIN; level <= LEVEL_MAX; level++) {
		struct lib_row *r = &f->levels[level];

		(void)snprintf(name, sizeof name, "level-%d", level);
		r->text = lib_value(p, name);
		for (int g = 0; g < LANG_COUNT; g++) {
			if (!lib_translated((enum lang)g))
				continue;
			(void)snprintf(name, sizeof name, "level-%d-%s", level, lang_code((enum lang)g));
			r->t[g] = lib_value(p, name);
		}
	}
}

/* Adds row r's translations (item: its place, or its level) to the patch,
 * or refuses one without the text it translates. -1 out of memory. */
static int row_texts(struct save *s, const struct lib_row *r, const char *base,
		     enum library_kind kind, int item, bool present)
{
	char name[64];

	for (int g = 0; g < LANG_COUNT; g++) {
		const char *input;

		if (!lib_translated((enum lang)g))
			continue;
		(void)snprintf(name, sizeof name, "%s-%s", base, lang_code((enum lang)g));
		input = arena_strdup(s->cx->arena, name);
		if (input == NULL)
			return -1;
		if (!present) {
			if (!lib_blank(r->t[g]))
				lib_error_add(&s->f->errs, input,
					      tr(s->lang, "Write the text in the library's own language "
						 "first: a translation belongs to it."));
			continue;
		}
		if (lib_text_add(&s->texts, s->cx->arena, kind, item, (enum lang)g, LIBRARY_TEXT,
				 r->t[g], input) < 0)
			return -1;
	}
	return 0;
}

/* Builds s->patch from the form; -1 out of memory. Problems of the form's
 * own making (a translation without its text) go to f->errs. */
static int build_patch(struct save *s)
{
	struct competency_form *f = s->f;
	struct entity_patch *q = &s->patch;
	const char **ind;
	char base[32];

	q->kind = ENTITY_COMPETENCY;
	q->field[0] = f->create ? f->key : NULL;
	q->field[1] = f->name;
	q->field[2] = f->category;
	q->field[3] = f->description;
	ind = arena_alloc(s->cx->arena, (f->nrows + 1) * sizeof *ind);
	if (ind == NULL)
		return -1;
	q->has_indicators = q->has_levels = q->has_texts = true;
	q->indicators = ind;
	q->texts = &s->texts;
	for (int g = 0; g < LANG_COUNT; g++) {
		char name[32], desc[32];
		const char *n, *d;

		if (!lib_translated((enum lang)g))
			continue;
		(void)snprintf(name, sizeof name, "name-%s", lang_code((enum lang)g));
		(void)snprintf(desc, sizeof desc, "description-%s", lang_code((enum lang)g));
		n = arena_strdup(s->cx->arena, name);
		d = arena_strdup(s->cx->arena, desc);
		if (n == NULL || d == NULL ||
		    lib_text_add(&s->texts, s->cx->arena, LIBRARY_COMPETENCY, 0, (enum lang)g,
				 LIBRARY_NAME, f->name_t[g], n) < 0 ||
		    lib_text_add(&s->texts, s->cx->arena, LIBRARY_COMPETENCY, 0, (enum lang)g,
				 LIBRARY_DESCRIPTION, f->desc_t[g], d) < 0)
			return -1;
	}
	for (size_t i = 0; i < f->nrows; i++) {
		const struct lib_row *r = &f->rows[i];
		bool present = !r->remove && !lib_blank(r->text);

		(void)snprintf(base, sizeof base, "ind-%zu", i + 1);
		if (present) {
			s->row_of[q->nindicators] = i + 1;
			ind[q->nindicators++] = r->text;
		}
		if (!r->remove && row_texts(s, r, base, LIBRARY_INDICATOR, (int)q->nindicators,
					    present) < 0)
			return -1;
	}
	for (int level = LEVEL_MIN; level <= LEVEL_MAX; level++) {
		const struct lib_row *r = &f->levels[level];
		bool present = !lib_blank(r->text);

		(void)snprintf(base, sizeof base, "level-%d", level);
		q->levels[level] = present ? r->text : NULL;
		if (row_texts(s, r, base, LIBRARY_DESCRIPTOR, level, present) < 0)
			return -1;
	}
	return 0;
}

/* A problem of the write, beside its field, in the reader's words. */
static void on_problem(void *ctx, const char *field, const char *message)
{
	struct save *s = ctx;
	enum lang l = s->lang;
	const char *input = field, *text;
	const char *rest;
	long i;

	if (strcmp(field, "key") == 0) {
		text = s->f->create && strstr(message, "exists already") != NULL
		       ? tr(l, "A competency with this key exists already. Choose another key.")
		       : tr(l, "Give a key of at most 100 characters, without spaces at its start "
			       "or end.");
	} else if (strcmp(field, "name") == 0 || strncmp(field, "name-", 5) == 0) {
		text = tr(l, "Give a name of at most 200 characters, without spaces at its start "
			     "or end.");
	} else if (strcmp(field, "category") == 0) {
		text = tr(l, "At most 200 characters, without spaces at the start or end.");
	} else if ((i = lib_field_index(field, "indicators", &rest)) >= 0 &&
		   (size_t)i < s->patch.nindicators) {
		input = iname(s->cx, "ind-%ld%s", (long)s->row_of[i], "");
		text = tr(l, "This indicator cannot be stored: it is in the list twice, or too long "
			     "(at most 10,000 characters).");
	} else if (strcmp(field, "levels") == 0) {
		text = tr(l, "A level descriptor cannot be stored: it may be at most 10,000 "
			     "characters long.");
	} else if (strcmp(field, "description") == 0 || strncmp(field, "description-", 12) == 0 ||
		   strncmp(field, "ind-", 4) == 0 || strncmp(field, "level-", 6) == 0) {
		text = tr(l, "This text cannot be stored: it may be at most 10,000 characters long.");
	} else {
		input = "form";
		text = tr(l, "This value cannot be stored. Check it and try again.");
	}
	/* field lives only as long as the call */
	input = input != NULL ? arena_strdup(s->cx->arena, input) : NULL;
	lib_error_add(&s->f->errs, input != NULL ? input : "form", text);
}

static int save(struct http_ctx *cx, bool create)
{
	const char *key = create ? NULL : http_param(cx->req, "key");
	struct field_sink sink;
	struct save *s = arena_alloc(cx->arena, sizeof *s);
	struct field_error fe;
	struct err err = { 0 };
	struct store *st;
	struct page p;
	const char *to;

	if (!http_entity_writer(cx->req->caller))
		return lib_refuse(cx, ENTITY_COMPETENCY, create ? HTTP_WRITE_CREATE : HTTP_WRITE_UPDATE,
				  key);
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
	if (http_entity_apply(cx, st, ENTITY_COMPETENCY,
			      create ? HTTP_WRITE_CREATE : HTTP_WRITE_UPDATE, key, &s->patch, &fe,
			      &err) < 0) {
		if (fe.code == EE_NONE || fe.code == EE_STORE)
			return page_error(cx, 503, NULL);
		if (fe.code == EE_NOT_FOUND)
			return page_error(cx, 404, NULL);
		/* A problem the sink did not hear of: one found outside the
		 * import's checks (a key taken, a translation refused). */
		if (s->f->errs.problems == 0)
			on_problem(s, fe.field, fe.message);
		return answer(cx, s->f, 422, false);
	}
	to = lib_path(cx, ENTITY_COMPETENCY, create ? s->f->key : key, "?saved=1");
	return to != NULL ? page_redirect(cx, to) : page_error(cx, 500, NULL);
}

int handle_library_competency_post(struct http_ctx *cx)
{
	return save(cx, false);
}

int handle_library_competency_new_post(struct http_ctx *cx)
{
	return save(cx, true);
}
