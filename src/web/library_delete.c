/* GET and POST /library/competencies/{key}/delete and
 * /library/roles/{key}/delete (docs/web.md, "Editing the library"): the
 * confirmation, saying what still refers to the competency or role, and
 * the deletion by http_entity_apply, the code of the API's DELETE (one
 * transaction with its audit entry). The store refuses a competency or a
 * role in use; the page then says what uses it (409) and nothing is
 * deleted. Admin and hr only. */
#include <stdio.h>
#include <string.h>

#include "http/form.h"
#include "io/html.h"
#include "web/library_edit.h"
#include "web/pages.h"

/* The name to show: a competency's stored name, or the key. */
static const char *shown_name(struct http_ctx *cx, struct store *st, enum entity kind,
			      const char *key)
{
	struct competency c = { 0 };
	struct err err = { 0 };

	if (kind == ENTITY_COMPETENCY && store_get_competency(st, key, &c, cx->arena, &err) > 0)
		return c.name;
	return key;
}

/* One line of what uses it: format (trn's, its %s the count) and n. */
static void ref_item(struct page *p, int64_t n, const char *format)
{
	char text[256];
	struct buf num;

	if (n <= 0)
		return;
	buf_init(&num, 64);
	if (fmt_number(&num, p->lang, (double)n, 0) == 0) {
		(void)snprintf(text, sizeof text, format, buf_str(&num));
		html_printf(p->out, "<li>%s</li>\n", text);
	}
	buf_free(&num);
}

static bool in_use(const struct entity_refs *r)
{
	return r->people > 0 || r->evidence > 0 || r->requirements > 0 || r->accounts > 0 ||
	       r->tokens > 0 || r->subteams > 0 || r->assessed > 0 || r->reports > 0;
}

static void write_refs(struct page *p, enum entity kind, const struct entity_refs *r)
{
	html_printf(p->out, "<div class=\"message error\" role=\"alert\">\n<p>%s</p>\n<ul>\n",
		    kind == ENTITY_ROLE ? tr(p->lang, "This role cannot be deleted: it is in use.")
					: tr(p->lang, "This competency cannot be deleted: it is in use."));
	ref_item(p, r->requirements, trn(p->lang, "%s role profile requires it",
					 "%s role profiles require it", (unsigned long)r->requirements));
	ref_item(p, r->evidence, trn(p->lang, "%s evidence row is about it",
				     "%s evidence rows are about it", (unsigned long)r->evidence));
	ref_item(p, r->people, trn(p->lang, "%s person holds it", "%s people hold it",
				   (unsigned long)r->people));
	ref_item(p, r->accounts + r->tokens,
		 trn(p->lang, "%s user or token is linked to it",
		     "%s users or tokens are linked to it", (unsigned long)(r->accounts + r->tokens)));
	html_printf(p->out, "</ul>\n<p>%s</p>\n</div>\n",
		    kind == ENTITY_ROLE
		    ? tr(p->lang, "Give the people who hold it another role first.")
		    : r->evidence > 0
		    ? tr(p->lang, "A competency with evidence is never deleted: the evidence is kept "
				 "for the record. Take it out of the role profiles instead.")
		    : tr(p->lang, "Take it out of those role profiles first."));
}

/* The confirmation page of kind key, with status; refs: what refers. */
static int answer(struct http_ctx *cx, enum entity kind, const char *key, const char *name,
		  const struct entity_refs *refs, int status)
{
	const char *back = lib_path(cx, kind, key, "");
	const char *action = lib_path(cx, kind, key, "/delete");
	char title[512], question[640];
	struct page p;

	if (back == NULL || action == NULL)
		return page_error(cx, 500, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	p.nav_current = "/library";
	(void)snprintf(title, sizeof title, kind == ENTITY_ROLE ? tr(p.lang, "Delete role: %s")
							       : tr(p.lang, "Delete competency: %s"), name);
	page_head(&p, title);
	html_printf(p.out, "<p class=\"back\"><a href=\"%s\">%s</a></p>\n", back,
		    tr(p.lang, "Back to editing"));
	if (in_use(refs)) {
		write_refs(&p, kind, refs);
	} else {
		(void)snprintf(question, sizeof question, kind == ENTITY_ROLE
			       ? tr(p.lang, "Delete the role %s (%s) and its profile? This cannot be undone.")
			       : tr(p.lang, "Delete the competency %s (%s) with its indicators, level "
				    "descriptors and translations? This cannot be undone."), name, key);
		html_printf(p.out, "<p>%s</p>\n", question);
		page_form_begin(&p, action);
		html_printf(p.out, "<div class=\"actions\"><button type=\"submit\" class=\"danger\">%s"
			    "</button> <a href=\"%s\">%s</a></div>\n",
			    kind == ENTITY_ROLE ? tr(p.lang, "Delete the role")
						: tr(p.lang, "Delete the competency"),
			    back, tr(p.lang, "Cancel"));
		page_form_end(&p);
	}
	page_foot(&p);
	return page_finish(&p, status);
}

/* Reads the name and the references of key; 1, 0 none, -1 failed. */
static int read_refs(struct http_ctx *cx, struct store *st, enum entity kind, const char *key,
		     const char **name, struct entity_refs *refs)
{
	struct err err = { 0 };
	int rc;

	if (store_begin_read(st, &err) < 0)
		return -1;
	rc = store_lookup(st, kind, key, NULL, &err);
	if (rc > 0 && store_refs(st, kind, key, refs, &err) < 0)
		rc = -1;
	if (rc > 0)
		*name = shown_name(cx, st, kind, key);
	store_rollback(st);
	return rc;
}

static int show(struct http_ctx *cx, enum entity kind)
{
	const char *key = http_param(cx->req, "key"), *name = key;
	struct entity_refs refs = { 0 };
	struct err err = { 0 };
	struct store *st;
	int rc;

	if (!http_entity_writer(cx->req->caller))
		return lib_refuse(cx, kind, HTTP_WRITE_DELETE, key);
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	rc = read_refs(cx, st, kind, key, &name, &refs);
	if (rc <= 0)
		return page_error(cx, rc < 0 ? 503 : 404, NULL);
	return answer(cx, kind, key, name, &refs, 200);
}

static int delete(struct http_ctx *cx, enum entity kind)
{
	const char *key = http_param(cx->req, "key"), *name = key;
	struct entity_refs refs = { 0 };
	struct field_error fe;
	struct err err = { 0 };
	struct store *st;
	const char *location;
	struct buf to;
	int rc;

	if (!http_entity_writer(cx->req->caller))
		return lib_refuse(cx, kind, HTTP_WRITE_DELETE, key);
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (http_entity_apply(cx, st, kind, HTTP_WRITE_DELETE, key, NULL, &fe, &err) < 0) {
		if (fe.code == EE_NOT_FOUND)
			return page_error(cx, 404, NULL);
		if (fe.code != EE_CONFLICT)
			return page_error(cx, 503, NULL);
		/* Say what uses it, as the store found (read again: the
		 * refusal's own counts are in its English message). */
		rc = read_refs(cx, st, kind, key, &name, &refs);
		if (rc <= 0)
			return page_error(cx, rc < 0 ? 503 : 404, NULL);
		return answer(cx, kind, key, name, &refs, 409);
	}
	buf_init(&to, 1024);
	if (buf_adds(&to, "/library?deleted=") < 0 || form_url_encode(&to, key) < 0 ||
	    buf_adds(&to, kind == ENTITY_ROLE ? "#roles" : "#competencies") < 0 ||
	    (location = arena_strdup(cx->arena, buf_str(&to))) == NULL) {
		buf_free(&to);
		return page_error(cx, 500, NULL);
	}
	buf_free(&to);
	return page_redirect(cx, location);
}

int handle_library_competency_delete_page(struct http_ctx *cx)
{
	return show(cx, ENTITY_COMPETENCY);
}

int handle_library_competency_delete_post(struct http_ctx *cx)
{
	return delete(cx, ENTITY_COMPETENCY);
}

int handle_library_role_delete_page(struct http_ctx *cx)
{
	return show(cx, ENTITY_ROLE);
}

int handle_library_role_delete_post(struct http_ctx *cx)
{
	return delete(cx, ENTITY_ROLE);
}
