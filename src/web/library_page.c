/* GET /library: the competency library, read-only for everyone signed in
 * (docs/security.md: the library is readable by every role): each
 * competency with its definition, behavioural indicators and level
 * descriptors; each role profile with its required levels and weights.
 * Read in one transaction from the same store functions as the export. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "io/html.h"
#include "util/strmap.h"
#include "web/page.h"
#include "web/pages.h"

struct library_ctx {
	struct page *p;
	struct store *st;
	struct err *err;
	int level;                    /* indicator_cb: the last level written, -1 none */
	const char *role;             /* requirement_cb: the role whose table is open */
	char role_buf[128];
	struct strmap names;          /* competency key -> its name (a char * in arena) */
	struct arena arena;
};

/* The name of competency key, or the key when it has none. */
static const char *competency_name(const struct library_ctx *x, const char *key)
{
	int64_t v;

	return strmap_get(&x->names, key, &v) ? (const char *)(intptr_t)v : key;
}

static int indicator_cb(void *arg, const struct indicator *i)
{
	struct library_ctx *x = arg;
	FILE *out = x->p->out;

	if (i->level == 0) {
		if (x->level != 0)
			html_printf(out, "<h4>%s</h4>\n<ul class=\"indicators\">\n",
				    tr(x->p->lang, "Behavioural indicators"));
		html_printf(out, "<li>%s</li>\n", i->text);
	} else {
		if (x->level == 0)
			fputs("</ul>\n", out);
		if (x->level <= 0)
			html_printf(out, "<h4>%s</h4>\n<dl class=\"levels\">\n",
				    tr(x->p->lang, "Levels"));
		html_printf(out, "<dt>%d</dt><dd>%s</dd>\n", i->level, i->text);
	}
	x->level = i->level;
	return 0;
}

static int competency_cb(void *arg, const struct competency *c)
{
	struct library_ctx *x = arg;
	FILE *out = x->p->out;

	html_printf(out, "<section class=\"competency\" id=\"c-%s\">\n<h3>%s <span class=\"key\">%s</span></h3>\n",
		    c->key, c->name, c->key);
	if (c->category != NULL)
		html_printf(out, "<p class=\"category\">%s: %s</p>\n", tr(x->p->lang, "Category"),
			    c->category);
	if (c->description != NULL)
		html_printf(out, "<p>%s</p>\n", c->description);
	{
		char *name = arena_strdup(&x->arena, c->name);

		if (name == NULL || strmap_put(&x->names, c->key, (int64_t)(intptr_t)name) < 0)
			return -1;
	}
	x->level = -1;
	if (store_each_indicator(x->st, c->key, indicator_cb, x, x->err) < 0)
		return -1;
	if (x->level == 0)
		fputs("</ul>\n", out);
	else if (x->level > 0)
		fputs("</dl>\n", out);
	fputs("</section>\n", out);
	return 0;
}

static void close_role(struct library_ctx *x)
{
	if (x->role != NULL)
		fputs("</tbody>\n</table>\n</section>\n", x->p->out);
	x->role = NULL;
}

static int requirement_cb(void *arg, const struct requirement *r)
{
	struct library_ctx *x = arg;
	FILE *out = x->p->out;

	if (x->role == NULL || strcmp(x->role, r->role) != 0) {
		close_role(x);
		(void)snprintf(x->role_buf, sizeof x->role_buf, "%s", r->role);
		x->role = x->role_buf;
		html_printf(out, "<section class=\"profile\" id=\"r-%s\">\n<h3>%s</h3>\n"
			    "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th></tr></thead>\n<tbody>\n",
			    r->role, r->role, tr(x->p->lang, "Competency"),
			    tr(x->p->lang, "Required level"), tr(x->p->lang, "Weight"));
	}
	html_printf(out, "<tr><th scope=\"row\"><a href=\"#c-%s\">%s</a></th><td class=\"num\">%d</td>"
		    "<td class=\"num\">%d</td></tr>\n",
		    r->competency, competency_name(x, r->competency), r->required_level, r->weight);
	return 0;
}

int handle_library_page(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct library_ctx x = { 0 };
	struct page p;
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	p.nav_current = "/library";
	x.p = &p;
	x.st = st;
	x.err = &err;
	strmap_init(&x.names);
	arena_init(&x.arena, 1 << 22);
	page_head(&p, tr(p.lang, "Competency library"));
	html_printf(p.out, "<nav class=\"toc\" aria-label=\"%s\"><ul><li><a href=\"#competencies\">%s</a></li>"
		    "<li><a href=\"#roles\">%s</a></li></ul></nav>\n",
		    tr(p.lang, "On this page"), tr(p.lang, "Competencies"), tr(p.lang, "Role profiles"));
	html_printf(p.out, "<h2 id=\"competencies\">%s</h2>\n", tr(p.lang, "Competencies"));
	rc = store_each_competency(st, NULL, competency_cb, &x, &err);
	if (rc == 0) {
		html_printf(p.out, "<h2 id=\"roles\">%s</h2>\n", tr(p.lang, "Role profiles"));
		rc = store_each_requirement(st, NULL, requirement_cb, &x, &err);
		close_role(&x);
	}
	store_rollback(st);
	strmap_free(&x.names);
	arena_free(&x.arena);
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	page_foot(&p);
	return page_finish(&p, 200);
}
