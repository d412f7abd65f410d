/* GET and POST /admin/webhooks, POST /admin/webhooks/{id}/remove
 * (docs/web.md, "Admin: webhooks"): the endpoints alerts are posted to,
 * how their deliveries stand, and the deliveries that failed; endpoints
 * added and removed by webhook_admin_add and webhook_admin_remove, the
 * functions of `compgap webhook add|remove`, which write webhook.add and
 * webhook.remove to the audit log. Admins only. A URL is shown without
 * its path (webhook_url_shown), which may hold the chat's secret. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/webhook.h"
#include "http/form.h"
#include "http/webhooks.h"
#include "io/html.h"
#include "store/alerts.h"
#include "web/admin_accounts.h"
#include "web/pages.h"

enum {
	FAILED_SHOWN = 20            /* failed deliveries listed at most */
};

struct listing {
	struct page *p;
	size_t n;
};

static void count_cell(struct page *p, long n)
{
	html_printf(p->out, "<td class=\"num\">%ld</td>", n);
}

static int endpoint_row(void *ctx, const struct webhook_endpoint *e)
{
	struct listing *x = ctx;
	struct page *p = x->p;
	char shown[300], action[64], label[400];

	if (x->n++ == 0)
		html_printf(p->out, "<div class=\"table-wrap accounts-wrap\" tabindex=\"0\" "
			    "role=\"region\" aria-labelledby=\"endpoints-title\">\n"
			    "<table class=\"accounts\">\n<caption id=\"endpoints-title\">%s</caption>\n"
			    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th>"
			    "</tr></thead>\n<tbody>\n",
			    tr(p->lang, "Webhook endpoints"), tr(p->lang, "URL"), tr(p->lang, "Sends"),
			    tr(p->lang, "Waiting"), tr(p->lang, "Delivered"), tr(p->lang, "Failed"),
			    tr(p->lang, "Created"), tr(p->lang, "Created by"), tr(p->lang, "Action"));
	webhook_url_shown(e->url, shown, sizeof shown);
	html_printf(p->out, "<tr><th scope=\"row\"><code>%s</code></th><td>%s</td>", shown,
		    e->alerts && e->praise ? tr(p->lang, "alerts and praise")
		    : e->alerts ? tr(p->lang, "alerts") : tr(p->lang, "praise"));
	count_cell(p, e->pending);
	count_cell(p, e->delivered);
	count_cell(p, e->failed);
	fputs("<td>", p->out);
	admin_time(p, e->created_at);
	html_printf(p->out, "</td><td>%s</td><td>", e->created_by != NULL ? e->created_by : "");
	(void)snprintf(action, sizeof action, "/admin/webhooks/%lld/remove", (long long)e->id);
	(void)snprintf(label, sizeof label, tr(p->lang, "Remove the endpoint %s"), shown);
	html_printf(p->out, "<form method=\"post\" action=\"%s\" class=\"inline\">", action);
	page_hidden(p, "csrf_token", p->csrf);
	html_printf(p->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button>"
		    "</form></td></tr>\n", label, tr(p->lang, "Remove"));
	return 0;
}

static int failed_row(void *ctx, const struct webhook_delivery *d)
{
	struct listing *x = ctx;
	struct page *p = x->p;
	char shown[300];

	if (x->n++ == 0)
		html_printf(p->out, "<div class=\"table-wrap accounts-wrap\" tabindex=\"0\" "
			    "role=\"region\" aria-labelledby=\"failed-title\">\n"
			    "<table class=\"accounts\">\n<caption id=\"failed-title\">%s</caption>\n"
			    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "</tr></thead>\n<tbody>\n",
			    tr(p->lang, "Deliveries that failed"), tr(p->lang, "Evaluation"),
			    tr(p->lang, "URL"), tr(p->lang, "Attempts"), tr(p->lang, "Last error"),
			    tr(p->lang, "Queued"));
	webhook_url_shown(d->url, shown, sizeof shown);
	html_printf(p->out, "<tr><th scope=\"row\">%s</th><td><code>%s</code></td>",
		    d->evaluation_key != NULL ? d->evaluation_key : "", shown);
	count_cell(p, d->attempts);
	html_printf(p->out, "<td>%s</td><td>", d->last_error != NULL ? d->last_error : "");
	admin_time(p, d->created_at);
	fputs("</td></tr>\n", p->out);
	return 0;
}

/* The page; url_value and url_error keep a refused form's URL and say
 * why; message is a line above everything. */
static int show(struct page *p, struct store *st, int status, const char *url_value,
		const char *url_error, const char *message, const char *message_kind)
{
	struct listing x = { p, 0 };
	struct err err = { 0 };
	int rc;

	p->nav_current = "/admin";
	page_head(p, tr(p->lang, "Webhooks"));
	if (message != NULL)
		page_message(p, message_kind, message);
	html_printf(p->out, "<p class=\"lead\">%s</p>\n",
		    tr(p->lang, "An evaluation that auto-fails or scores 95 or more is posted at once, "
				"as JSON, to each endpoint that takes its kind, such as a chat "
				"channel's incoming webhook. A delivery that fails is tried again "
				"after 30 seconds, then after twice as long each time up to an hour, "
				"and given up after 10 attempts."));
	if (store_begin_read(st, &err) < 0) {
		page_discard(p);
		return page_error(p->cx, 503, NULL);
	}
	rc = store_webhook_each(st, endpoint_row, &x, &err);
	if (rc == 0) {
		if (x.n == 0)
			html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "There are no endpoints yet."));
		else
			fputs("</tbody></table></div>\n", p->out);
		x.n = 0;
		rc = store_webhook_deliveries(st, "failed", FAILED_SHOWN, failed_row, &x, &err);
		if (rc == 0 && x.n > 0)
			fputs("</tbody></table></div>\n", p->out);
	}
	store_rollback(st);
	if (rc < 0) {
		page_discard(p);
		return page_error(p->cx, 503, NULL);
	}
	html_printf(p->out, "<h2 id=\"add-endpoint\">%s</h2>\n", tr(p->lang, "Add an endpoint"));
	page_form_begin(p, "/admin/webhooks");
	page_input(p, &(struct page_input){
		.name = "url", .label = tr(p->lang, "URL"), .type = "url", .value = url_value,
		.hint = tr(p->lang, "http:// or https:// only; redirects are not followed."),
		.error = url_error, .required = true });
	html_printf(p->out, "<fieldset class=\"kinds\"><legend>%s</legend>\n"
		    "<label><input type=\"checkbox\" name=\"kind\" value=\"alert\" checked> %s</label>\n"
		    "<label><input type=\"checkbox\" name=\"kind\" value=\"praise\" checked> %s</label>\n"
		    "</fieldset>\n", tr(p->lang, "Sends"), tr(p->lang, "alerts"),
		    tr(p->lang, "praise"));
	page_submit(p, tr(p->lang, "Add endpoint"));
	page_form_end(p);
	page_foot(p);
	return page_finish(p, status);
}

int handle_admin_webhooks_page(struct http_ctx *cx)
{
	const char *added = http_query(cx->req, "added");
	const char *removed = http_query(cx->req, "removed");
	struct err err = { 0 };
	struct store *st;
	struct page p;

	if (!admin_only(cx))
		return 0;
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	if (added != NULL)
		return show(&p, st, 200, NULL, NULL, tr(p.lang, "The endpoint was added."), "ok");
	if (removed != NULL)
		return show(&p, st, 200, NULL, NULL,
			    tr(p.lang, "The endpoint and its deliveries were removed."), "ok");
	return show(&p, st, 200, NULL, NULL, NULL, NULL);
}

/* Whether the form's checkboxes named kind include value. */
static bool kind_checked(const struct page *p, const char *value)
{
	const struct form *f = p->form;

	for (size_t i = 0; f != NULL && i < f->n; i++)
		if (strcmp(f->fields[i].name, "kind") == 0 &&
		    strcmp(f->fields[i].value, value) == 0)
			return true;
	return false;
}

int handle_admin_webhooks_post(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st;
	struct page p;
	const char *url, *why;
	bool alerts, praise;
	int64_t id;

	if (!admin_only(cx))
		return 0;
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	url = page_field(&p, "url");
	alerts = kind_checked(&p, "alert");
	praise = kind_checked(&p, "praise");
	why = webhook_url_refused(url);
	if (why != NULL)
		return show(&p, st, 422, url,
			    tr(p.lang, "Give an http:// or https:// URL with a host, without a user "
				       "name or password, of at most 2000 characters."), NULL, NULL);
	if (!alerts && !praise)
		return show(&p, st, 422, url, NULL, tr(p.lang, "Choose alerts, praise or both."),
			    "error");
	if (webhook_admin_add(st, cx->req->caller->user, cx->req->address, url, alerts, praise, &id,
			      &err) < 0) {
		if (err.code != EX_DATAERR && err.code != EX_USAGE) {
			page_discard(&p);
			return page_error(cx, 503, NULL);
		}
		return show(&p, st, 422, url, tr(p.lang, "That URL is configured already."), NULL,
			    NULL);
	}
	page_discard(&p);
	return page_redirect(cx, "/admin/webhooks?added=1");
}

int handle_admin_webhook_remove_post(struct http_ctx *cx)
{
	const char *param = http_param(cx->req, "id");
	struct err err = { 0 };
	struct store *st;
	long long id;
	char *end;

	if (!admin_only(cx))
		return 0;
	errno = 0;
	id = param != NULL ? strtoll(param, &end, 10) : 0;
	if (param == NULL || *param == '\0' || *end != '\0' || errno != 0 || id <= 0)
		return page_error(cx, 404, NULL);
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (webhook_admin_remove(st, cx->req->caller->user, cx->req->address, id, &err) < 0)
		return page_error(cx, err.code == EX_DATAERR ? 404 : 503, NULL);
	return page_redirect(cx, "/admin/webhooks?removed=1");
}
