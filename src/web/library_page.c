/* GET /library: the competency library, read-only for everyone signed in
 * (docs/security.md: the library is readable by every role): each
 * competency with its definition, behavioural indicators and level
 * descriptors; each role profile with its name, required levels and
 * weights. In the reader's language where the library has a translation
 * (store/texts.h), else in the organisation's own words; read in one
 * transaction. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "http/entity_write.h"
#include "io/html.h"
#include "store/texts.h"
#include "web/library_edit.h"
#include "web/page.h"
#include "web/pages.h"

/* The name of competency key, or the key when the library has none. */
static const char *competency_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return lib->competencies[i].name;
	return key;
}

/* The behavioural indicators (level 0, first) and the level descriptors. */
static void write_indicators(struct page *p, const struct library_competency *c)
{
	size_t i = 0;

	if (i < c->nindicators && c->indicators[i].level == 0) {
		html_printf(p->out, "<h4>%s</h4>\n<ul class=\"indicators\">\n",
			    tr(p->lang, "Behavioural indicators"));
		for (; i < c->nindicators && c->indicators[i].level == 0; i++)
			html_printf(p->out, "<li>%s</li>\n", c->indicators[i].text);
		fputs("</ul>\n", p->out);
	}
	if (i < c->nindicators) {
		html_printf(p->out, "<h4>%s</h4>\n<dl class=\"levels\">\n", tr(p->lang, "Levels"));
		for (; i < c->nindicators; i++)
			html_printf(p->out, "<dt>%d</dt><dd>%s</dd>\n", c->indicators[i].level,
				    c->indicators[i].text);
		fputs("</dl>\n", p->out);
	}
}

/* The link to edit kind key, for admin and hr (web/library_edit.h). */
static void edit_link(struct page *p, enum entity kind, const char *key, const char *name)
{
	const char *href;

	if (!http_entity_writer(p->caller) || (href = lib_path(p->cx, kind, key, "")) == NULL)
		return;
	html_printf(p->out, "<p class=\"edit-link\"><a href=\"%s\">%s<span class=\"visually-hidden\">: %s"
		    "</span></a></p>\n", href, tr(p->lang, "Edit"), name);
}

static void write_competency(struct page *p, const struct library_competency *c)
{
	html_printf(p->out, "<section class=\"competency\" id=\"c-%s\">\n"
		    "<h3>%s <span class=\"key\">%s</span></h3>\n", c->key, c->name, c->key);
	edit_link(p, ENTITY_COMPETENCY, c->key, c->name);
	if (c->category != NULL)
		html_printf(p->out, "<p class=\"category\">%s: %s</p>\n", tr(p->lang, "Category"),
			    c->category);
	if (c->description != NULL)
		html_printf(p->out, "<p>%s</p>\n", c->description);
	write_indicators(p, c);
	fputs("</section>\n", p->out);
}

static void write_role(struct page *p, const struct library *lib, const struct library_role *r)
{
	bool editor = http_entity_writer(p->caller);

	/* An empty profile says nothing to a reader; an editor must reach it. */
	if (r->nrequirements == 0 && !editor)
		return;
	html_printf(p->out, "<section class=\"profile\" id=\"r-%s\">\n<h3>%s</h3>\n", r->key, r->name);
	edit_link(p, ENTITY_ROLE, r->key, r->name);
	if (r->nrequirements == 0) {
		html_printf(p->out, "<p>%s</p>\n</section>\n",
			    tr(p->lang, "The profile has no competencies yet."));
		return;
	}
	html_printf(p->out, "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n",
		    tr(p->lang, "Competency"), tr(p->lang, "Required level"),
		    tr(p->lang, "Weight"));
	for (size_t i = 0; i < r->nrequirements; i++) {
		const struct library_requirement *q = &r->requirements[i];

		html_printf(p->out, "<tr><th scope=\"row\"><a href=\"#c-%s\">%s</a></th>"
			    "<td class=\"num\">%d</td><td class=\"num\">%d</td></tr>\n",
			    q->competency, competency_name(lib, q->competency), q->required_level,
			    q->weight);
	}
	fputs("</tbody>\n</table>\n</section>\n", p->out);
}

/* After a deletion (web/library_delete.c): what went. */
static void write_notice(struct page *p)
{
	const char *deleted = http_query(p->cx->req, "deleted");
	char text[512];

	if (deleted == NULL || deleted[0] == '\0')
		return;
	(void)snprintf(text, sizeof text, tr(p->lang, "%s was deleted from the library."), deleted);
	/* (a key is at most KEY_MAX bytes; text cuts a longer query short) */
	page_message(p, "ok", text);
}

int handle_library_page(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
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
	page_head(&p, tr(p.lang, "Competency library"));
	write_notice(&p);
	html_printf(p.out, "<nav class=\"toc\" aria-label=\"%s\"><ul><li><a href=\"#competencies\">%s</a></li>"
		    "<li><a href=\"#roles\">%s</a></li></ul></nav>\n",
		    tr(p.lang, "On this page"), tr(p.lang, "Competencies"), tr(p.lang, "Role profiles"));
	html_printf(p.out, "<h2 id=\"competencies\">%s</h2>\n", tr(p.lang, "Competencies"));
	if (http_entity_writer(p.caller))
		html_printf(p.out, "<p class=\"new-link\"><a href=\"/library/competencies/new\">%s</a></p>\n",
			    tr(p.lang, "New competency"));
	for (size_t i = 0; i < lib.ncompetencies; i++)
		write_competency(&p, &lib.competencies[i]);
	html_printf(p.out, "<h2 id=\"roles\">%s</h2>\n", tr(p.lang, "Role profiles"));
	if (http_entity_writer(p.caller))
		html_printf(p.out, "<p class=\"new-link\"><a href=\"/library/roles/new\">%s</a></p>\n",
			    tr(p.lang, "New role"));
	for (size_t i = 0; i < lib.nroles; i++)
		write_role(&p, &lib, &lib.roles[i]);
	arena_free(&a);
	page_foot(&p);
	return page_finish(&p, 200);
}
