/* GET /admin/audit: the audit log in the browser, newest first, 50
 * entries a page, filtered by user, action, kind of target and dates in
 * a GET form (so a filtered page is a link). The same data and the same
 * rule as GET /api/v1/audit: store_each_audit, admins only
 * (http_audit_readable), a refusal logged as denied and a read logged as
 * a read of the log. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/form.h"
#include "io/html.h"
#include "util/date.h"
#include "web/page.h"
#include "web/pages.h"

enum {
	AUDIT_PAGE_SIZE = 50
};

/* The page's filters, as given in the query. */
struct audit_query {
	const char *user, *action, *kind, *from, *to;
	const char *from_error, *to_error;
	int64_t before_id, after_id;  /* the paging cursors; 0: none */
};

/* The entries of the page, newest first, copied out of the store's rows. */
struct audit_rows {
	struct arena *a;
	struct audit_entry e[AUDIT_PAGE_SIZE + 1];
	size_t n;
};

static const char *dup(struct arena *a, const char *s)
{
	return s != NULL ? arena_strdup(a, s) : NULL;
}

static int take_row(void *ctx, const struct audit_entry *e)
{
	struct audit_rows *r = ctx;
	struct audit_entry *c;

	if (r->n == AUDIT_PAGE_SIZE + 1)
		return 1;
	c = &r->e[r->n++];
	*c = (struct audit_entry){ e->id, dup(r->a, e->at), dup(r->a, e->actor),
				   dup(r->a, e->action), dup(r->a, e->object_kind),
				   dup(r->a, e->object_key), dup(r->a, e->person),
				   dup(r->a, e->address), dup(r->a, e->outcome),
				   dup(r->a, e->detail) };
	return 0;
}

/* A query value, NULL when absent or empty. */
static const char *given(const struct http_ctx *cx, const char *name)
{
	const char *v = http_query(cx->req, name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* A cursor: a positive id, 0 when absent, -1 when not an id. */
static int64_t cursor(const struct http_ctx *cx, const char *name)
{
	const char *v = given(cx, name);
	char *end;
	long long id;

	if (v == NULL)
		return 0;
	errno = 0;
	id = strtoll(v, &end, 10);
	return *end != '\0' || errno != 0 || id <= 0 ? -1 : (int64_t)id;
}

/* The address of this page with the filters of q and one cursor
 * ("before" or "after", or NULL) set to id. */
static const char *href(struct page *p, const struct audit_query *q, const char *name,
			int64_t id)
{
	const char *names[] = { "user", "action", "kind", "from", "to" };
	const char *values[] = { q->user, q->action, q->kind, q->from, q->to };
	struct buf b;
	char sep = '?';
	char *out;

	buf_init(&b, 4096);
	(void)buf_adds(&b, "/admin/audit");
	for (size_t i = 0; i < 5; i++) {
		if (values[i] == NULL)
			continue;
		(void)buf_printf(&b, "%c%s=", sep, names[i]);
		(void)form_url_encode(&b, values[i]);
		sep = '&';
	}
	if (name != NULL)
		(void)buf_printf(&b, "%c%s=%lld", sep, name, (long long)id);
	out = arena_strdup(p->cx->arena, buf_str(&b));
	buf_free(&b);
	return out != NULL ? out : "/admin/audit";
}

/* One text filter with its suggestions (a datalist: any value is taken). */
static void text_filter(struct page *p, const char *name, const char *label, const char *hint,
			const char *value, const char *const *suggest, size_t nsuggest)
{
	html_printf(p->out, "<div class=\"field\">\n<label for=\"%s\">%s</label>\n", name, label);
	if (hint != NULL)
		html_printf(p->out, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n", name, hint);
	html_printf(p->out, "<input id=\"%s\" name=\"%s\" type=\"text\" value=\"%s\"", name, name,
		    value != NULL ? value : "");
	if (nsuggest > 0)
		html_printf(p->out, " list=\"%s-list\"", name);
	if (hint != NULL)
		html_printf(p->out, " aria-describedby=\"%s-hint\"", name);
	fputs(">\n", p->out);
	if (nsuggest > 0) {
		html_printf(p->out, "<datalist id=\"%s-list\">", name);
		for (size_t i = 0; i < nsuggest; i++)
			html_printf(p->out, "<option value=\"%s\">", suggest[i]);
		fputs("</datalist>\n", p->out);
	}
	fputs("</div>\n", p->out);
}

static void filters_form(struct page *p, const struct audit_query *q)
{
	static const char *const actions[] = {
		"login", "logout", "read", "setting.set", "user", "token", "evidence.add",
		"evidence.retract", "import", "export", "person", "team", "privacy",
	};
	static const char *const kinds[] = {
		"person", "team", "user", "token", "setting", "evidence", "audit",
	};

	html_printf(p->out, "<form method=\"get\" action=\"/admin/audit\" class=\"form audit-filters\" "
		    "aria-labelledby=\"filters-title\">\n<h2 id=\"filters-title\">%s</h2>\n"
		    "<div class=\"filter-fields\">\n", trc(p->lang, "audit log", "Filter"));
	text_filter(p, "user", trc(p->lang, "audit log", "User"),
		    tr(p->lang, "What a user did and what was done to them; token:NAME for an API token."),
		    q->user, NULL, 0);
	text_filter(p, "action", trc(p->lang, "audit log", "Action"),
		    tr(p->lang, "For example login, read or setting.set. A word before the dot, such as user, "
				   "covers user.add, user.disable and the rest."),
		    q->action, actions, sizeof actions / sizeof actions[0]);
	text_filter(p, "kind", trc(p->lang, "audit log", "Kind of target"),
		    tr(p->lang, "For example person, team, user or setting."), q->kind, kinds,
		    sizeof kinds / sizeof kinds[0]);
	page_input(p, &(struct page_input){ .name = "from", .label = trc(p->lang, "audit log", "From"),
					     .type = "date", .value = q->from,
					     .hint = tr(p->lang, "On or after this day (UTC)."),
					     .error = q->from_error });
	page_input(p, &(struct page_input){ .name = "to", .label = trc(p->lang, "audit log", "To"),
					     .type = "date", .value = q->to,
					     .hint = tr(p->lang, "On or before this day (UTC)."),
					     .error = q->to_error });
	html_printf(p->out, "</div>\n<div class=\"actions\"><button type=\"submit\">%s</button> "
		    "<a href=\"/admin/audit\">%s</a></div>\n</form>\n", tr(p->lang, "Show"),
		    trc(p->lang, "audit log", "Clear the filters"));
}

/* e's time in the reader's conventions: "2 Dec 2026 10:04:31" (UTC). */
static void write_time(struct page *p, const struct audit_entry *e)
{
	char day[11], time[9];
	int32_t days;
	struct buf b;

	(void)snprintf(day, sizeof day, "%.10s", e->at);
	(void)snprintf(time, sizeof time, "%.8s", strlen(e->at) >= 19 ? e->at + 11 : "");
	buf_init(&b, 64);
	if (strlen(e->at) >= 19 && date_parse(day, &days) == 0 &&
	    fmt_date_short(&b, p->lang, days) == 0)
		html_printf(p->out, "<td class=\"at\"><time datetime=\"%s\">%s %s</time></td>",
			    e->at, buf_str(&b), time);
	else
		html_printf(p->out, "<td class=\"at\">%s</td>", e->at);
	buf_free(&b);
}

static const char *outcome_label(const struct page *p, const char *outcome)
{
	if (strcmp(outcome, "ok") == 0)
		return trc(p->lang, "audit log", "Done");
	if (strcmp(outcome, "failed") == 0)
		return trc(p->lang, "audit log", "Failed");
	if (strcmp(outcome, "denied") == 0)
		return trc(p->lang, "audit log", "Denied");
	if (strcmp(outcome, "error") == 0)
		return trc(p->lang, "audit log", "Error");
	return outcome;
}

/* The target: its kind and key, a person or team linked to its page, a
 * user to their entries; and the person concerned when another. */
static void write_target(struct page *p, const struct audit_entry *e)
{
	const char *kind = e->object_kind != NULL ? e->object_kind : "";
	const char *key = e->object_key;
	struct audit_query only = { 0 };

	fputs("<td>", p->out);
	if (key == NULL) {
		html_printf(p->out, "<span class=\"key\">%s</span>", kind);
	} else if (strcmp(kind, "person") == 0 || strcmp(kind, "team") == 0) {
		struct buf b;

		buf_init(&b, 256);
		(void)form_url_encode(&b, key);
		html_printf(p->out, "<span class=\"key\">%s</span> <a href=\"/%s/%s\">%s</a>", kind,
			    kind[0] == 'p' ? "people" : "teams", buf_str(&b), key);
		buf_free(&b);
	} else if (strcmp(kind, "user") == 0) {
		only.user = key;
		html_printf(p->out, "<span class=\"key\">%s</span> <a href=\"%s\">%s</a>", kind,
			    href(p, &only, NULL, 0), key);
	} else {
		html_printf(p->out, "<span class=\"key\">%s</span> %s", kind, key);
	}
	if (e->person != NULL && !(strcmp(kind, "person") == 0 && key != NULL &&
				   strcmp(key, e->person) == 0)) {
		struct buf b;

		buf_init(&b, 256);
		(void)form_url_encode(&b, e->person);
		html_printf(p->out, "<br><span class=\"about\">%s <a href=\"/people/%s\">%s</a></span>",
			    trc(p->lang, "audit log", "about"), buf_str(&b), e->person);
		buf_free(&b);
	}
	fputs("</td>", p->out);
}

static void write_rows(struct page *p, const struct audit_rows *r, size_t shown)
{
	struct audit_query only = { 0 };

	html_printf(p->out, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" "
		    "aria-labelledby=\"entries-title\"><table class=\"audit\">\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead>\n<tbody>\n",
		    trc(p->lang, "audit log", "Time (UTC)"), trc(p->lang, "audit log", "User"), trc(p->lang, "audit log", "Action"),
		    trc(p->lang, "audit log", "Target"), trc(p->lang, "audit log", "Outcome"), trc(p->lang, "audit log", "Detail"));
	for (size_t i = 0; i < shown; i++) {
		const struct audit_entry *e = &r->e[i];

		fputs("<tr>", p->out);
		write_time(p, e);
		only.user = e->actor;
		html_printf(p->out, "<td><a href=\"%s\">%s</a></td><td><code>%s</code></td>",
			    href(p, &only, NULL, 0), e->actor, e->action);
		write_target(p, e);
		html_printf(p->out, "<td><span class=\"outcome outcome-%s\">%s</span></td><td>%s</td>"
			    "</tr>\n", e->outcome, outcome_label(p, e->outcome),
			    e->detail != NULL ? e->detail : "");
	}
	fputs("</tbody>\n</table></div>\n", p->out);
}

/* Reads the page's entries into r, newest first: the first page, the
 * page before before_id, or the page after after_id. *newer and *older
 * tell whether pages lie on either side. 0, or -1 with err set. */
static int read_page(struct store *st, const struct audit_query *q, const char *before_day,
		     struct audit_rows *r, bool *newer, bool *older, struct err *err)
{
	struct audit_filter f = { .user = q->user, .action = q->action, .kind = q->kind,
				  .since = q->from, .before = before_day,
				  .limit = AUDIT_PAGE_SIZE + 1 };

	r->n = 0;
	if (q->after_id > 0) {
		f.after_id = q->after_id;
		if (store_each_audit(st, &f, take_row, r, err) < 0)
			return -1;
		if (r->n > AUDIT_PAGE_SIZE) {    /* newer ones follow: show these, newest first */
			r->n = AUDIT_PAGE_SIZE;
			for (size_t i = 0; i < r->n / 2; i++) {
				struct audit_entry t = r->e[i];

				r->e[i] = r->e[r->n - 1 - i];
				r->e[r->n - 1 - i] = t;
			}
			*newer = true;
			*older = true;
			return 0;
		}
		f.after_id = 0;    /* these are the newest: the first page */
		r->n = 0;
	} else if (q->before_id > 0) {
		f.before_id = q->before_id;
		*newer = true;
	}
	f.newest_first = true;
	if (store_each_audit(st, &f, take_row, r, err) < 0)
		return -1;
	*older = r->n > AUDIT_PAGE_SIZE;
	if (r->n > AUDIT_PAGE_SIZE)
		r->n = AUDIT_PAGE_SIZE;
	return 0;
}

static void write_paging(struct page *p, const struct audit_query *q, const struct audit_rows *r,
			 bool newer, bool older)
{
	struct audit_query keep = *q;

	if (!newer && !older)
		return;
	keep.before_id = keep.after_id = 0;
	html_printf(p->out, "<nav class=\"pager\" aria-label=\"%s\"><ul>", trc(p->lang, "audit log", "Pages"));
	if (newer)
		html_printf(p->out, "<li><a href=\"%s\" rel=\"prev\">%s</a></li>",
			    href(p, &keep, "after", r->e[0].id), trc(p->lang, "audit log", "Newer entries"));
	if (older)
		html_printf(p->out, "<li><a href=\"%s\" rel=\"next\">%s</a></li>",
			    href(p, &keep, "before", r->e[r->n - 1].id), trc(p->lang, "audit log", "Older entries"));
	if (newer)
		html_printf(p->out, "<li><a href=\"%s\">%s</a></li>", href(p, &keep, NULL, 0),
			    trc(p->lang, "audit log", "Newest entries"));
	fputs("</ul></nav>\n", p->out);
}

/* The day after day (YYYY-MM-DD), the exclusive end of a "to" filter. */
static void day_after(const char *day, char out[DATE_ISO_LEN + 1])
{
	int32_t d;

	(void)date_parse(day, &d);
	date_format(d + 1, out);
}

int handle_admin_audit_page(struct http_ctx *cx)
{
	struct http_audit au = { "read", "audit", NULL, NULL, "denied", NULL };
	struct audit_query q = { 0 };
	struct audit_rows *r;
	struct err err = { 0 };
	char before_day[DATE_ISO_LEN + 1];
	struct store *st = http_store(cx, &err);
	bool newer = false, older = false;
	struct page p;
	int32_t days;
	int rc;

	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (!http_audit_readable(cx->req->caller)) {
		page_error(cx, 403, NULL);
		http_audit_write(cx, st, &au);
		return cx->resp->status == 503 ? page_error(cx, 503, NULL) : 0;
	}
	if (page_begin(&p, cx) < 0)
		return 0;
	q.user = given(cx, "user");
	q.action = given(cx, "action");
	q.kind = given(cx, "kind");
	q.from = given(cx, "from");
	q.to = given(cx, "to");
	q.before_id = cursor(cx, "before");
	q.after_id = cursor(cx, "after");
	if (q.from != NULL && (strlen(q.from) != DATE_ISO_LEN || date_parse(q.from, &days) < 0))
		q.from_error = tr(p.lang, "Give a date as YYYY-MM-DD, for example 2026-12-01.");
	if (q.to != NULL && (strlen(q.to) != DATE_ISO_LEN || date_parse(q.to, &days) < 0))
		q.to_error = tr(p.lang, "Give a date as YYYY-MM-DD, for example 2026-12-31.");
	p.nav_current = "/admin";
	page_head(&p, tr(p.lang, "Audit log"));
	html_printf(p.out, "<p class=\"lead\">%s</p>\n",
		    tr(p.lang, "Who did what, and when: sign-ins, changes, and reads of other "
			       "people's data. Newest first. The log cannot be changed; reading it is "
			       "itself logged."));
	if (q.before_id < 0 || q.after_id < 0 || q.from_error != NULL || q.to_error != NULL) {
		q.before_id = q.after_id = 0;
		filters_form(&p, &q);
		page_foot(&p);
		return page_finish(&p, 400);
	}
	filters_form(&p, &q);
	r = arena_alloc(cx->arena, sizeof *r);
	if (r == NULL) {
		page_discard(&p);
		return page_error(cx, 500, NULL);
	}
	r->a = cx->arena;
	if (q.to != NULL)
		day_after(q.to, before_day);
	rc = store_begin_read(st, &err);
	if (rc == 0) {
		rc = read_page(st, &q, q.to != NULL ? before_day : NULL, r, &newer, &older, &err);
		store_rollback(st);
	}
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	html_printf(p.out, "<h2 id=\"entries-title\">%s</h2>\n", trc(p.lang, "audit log", "Entries"));
	if (r->n == 0) {
		html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "No entries match these filters."));
	} else {
		write_rows(&p, r, r->n);
		write_paging(&p, &q, r, newer, older);
	}
	page_foot(&p);
	if (page_finish(&p, 200) < 0)
		return 0;
	au.outcome = "ok";
	return http_audit_write(cx, st, &au);
}
