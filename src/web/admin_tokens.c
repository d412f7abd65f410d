/* GET and POST /admin/tokens, POST /admin/tokens/{name}/revoke (docs/web.md,
 * "Admin: users and tokens"): the API tokens of integrations, made and
 * revoked by auth_token_create and auth_token_revoke, the functions of
 * `compgap token create|revoke`, which write token.create and
 * token.revoke to the audit log. Admins only.
 *
 * A new token's secret exists only in the answer to the POST that made
 * it: the page is rendered there (not a 303, whose address would carry
 * the secret into the history and the logs), sent with Cache-Control:
 * no-store as every page, and wiped from memory once written. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "io/html.h"
#include "web/admin_accounts.h"
#include "web/pages.h"

struct token_table {
	struct page *p;
	size_t n;
};

static void table_head(struct page *p)
{
	html_printf(p->out, "<div class=\"table-wrap accounts-wrap\" tabindex=\"0\" role=\"region\" "
		    "aria-labelledby=\"tokens-title\">\n<table class=\"accounts\">\n"
		    "<caption id=\"tokens-title\">%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\"><span class=\"visually-hidden\">%s</span></th></tr></thead>\n<tbody>\n",
		    tr(p->lang, "API tokens"), tr(p->lang, "Name"), tr(p->lang, "Role"),
		    tr(p->lang, "Person"), tr(p->lang, "Teams"), tr(p->lang, "Created"),
		    tr(p->lang, "Status"), tr(p->lang, "Action"));
}

static int token_row(void *ctx, const struct store_account *t)
{
	struct token_table *x = ctx;
	struct page *p = x->p;
	char action[128], label[160];

	if (x->n++ == 0)
		table_head(p);
	html_printf(p->out, "<tr%s><th scope=\"row\">%s</th><td>%s</td><td>",
		    t->disabled ? " class=\"revoked\"" : "", t->name, admin_role_label(p, t->role));
	if (t->person != NULL)
		html_printf(p->out, "<a href=\"/people/%s\" class=\"key\">%s</a>", t->person, t->person);
	fputs("</td><td>", p->out);
	admin_teams(p, t->teams);
	fputs("</td><td>", p->out);
	admin_time(p, t->created_at);
	fputs("</td><td>", p->out);
	if (t->disabled) {
		html_printf(p->out, "%s ", tr(p->lang, "Revoked"));
		admin_time(p, t->changed_at);
		fputs("</td><td></td></tr>\n", p->out);
		return 0;
	}
	html_printf(p->out, "%s</td><td>", tr(p->lang, "Active"));
	(void)snprintf(action, sizeof action, "/admin/tokens/%s/revoke", t->name);
	(void)snprintf(label, sizeof label, tr(p->lang, "Revoke the token %s"), t->name);
	html_printf(p->out, "<form method=\"post\" action=\"%s\" class=\"inline\">", action);
	page_hidden(p, "csrf_token", p->csrf);
	html_printf(p->out, "<button type=\"submit\" class=\"secondary\" aria-label=\"%s\">%s</button>"
		    "</form></td></tr>\n", label, tr(p->lang, "Revoke"));
	return 0;
}

/* The page; created (the new token's name and secret) when one was just
 * made, message an error above the list. */
static int show(struct page *p, struct store *st, int status, const struct account_form *f,
		const char *created, const char *secret, const char *message)
{
	const char *revoked = http_query(p->cx->req, "revoked");
	struct token_table x = { p, 0 };
	struct err err = { 0 };
	char msg[300];
	int rc;

	p->nav_current = "/admin";
	page_head(p, tr(p->lang, "API tokens"));
	admin_subnav(p, "/admin/tokens");
	if (secret != NULL) {
		(void)snprintf(msg, sizeof msg, tr(p->lang, "The token %s was created."), created);
		html_printf(p->out, "<section class=\"new-secret\" aria-labelledby=\"secret-title\">\n"
			    "<h2 id=\"secret-title\">%s</h2>\n<p role=\"status\">%s</p>\n"
			    "<p>%s</p>\n<p><code class=\"secret\" id=\"secret\">%s</code></p>\n</section>\n",
			    tr(p->lang, "Copy the token now"), msg,
			    tr(p->lang, "It is shown only this once: compgap keeps only a hash of it. Put "
					"it where the integration reads it; it is sent as "
					"\"Authorization: Bearer\" followed by the token. If it is lost, "
					"revoke it and create another."),
			    secret);
	} else if (revoked != NULL && auth_check_name(revoked, "token", &err) == 0) {
		(void)snprintf(msg, sizeof msg, tr(p->lang, "The token %s was revoked. It no longer "
							    "works."), revoked);
		page_message(p, "ok", msg);
	}
	if (message != NULL)
		page_message(p, "error", message);
	html_printf(p->out, "<p class=\"lead\">%s</p>\n",
		    tr(p->lang, "Other systems (a telephony platform, an HR system) call the API with "
				"a token. Each has a role, as a user has."));
	if (store_begin_read(st, &err) < 0) {
		page_discard(p);
		return page_error(p->cx, 503, NULL);
	}
	rc = store_each_token(st, token_row, &x, &err);
	store_rollback(st);
	if (rc < 0) {
		page_discard(p);
		return page_error(p->cx, 503, NULL);
	}
	if (x.n == 0)
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "There are no tokens yet."));
	else
		fputs("</tbody></table></div>\n", p->out);
	html_printf(p->out, "<h2 id=\"create-token\">%s</h2>\n", tr(p->lang, "Create a token"));
	if (f->message != NULL)
		page_message(p, "error", f->message);
	page_form_begin(p, "/admin/tokens");
	account_fields(p, f, true);
	page_submit(p, tr(p->lang, "Create token"));
	page_form_end(p);
	page_foot(p);
	return page_finish(p, status);
}

int handle_admin_tokens_page(struct http_ctx *cx)
{
	struct account_form f = { 0 };
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
	f.role = "coach";
	return show(&p, st, 200, &f, NULL, NULL, NULL);
}

int handle_admin_tokens_post(struct http_ctx *cx)
{
	struct account_form *f = arena_alloc(cx->arena, sizeof *f);
	struct err err = { 0 };
	char token[AUTH_TOKEN_MAX];
	struct store *st;
	struct page p;
	int bad, rc;

	if (f == NULL)
		return page_error(cx, 500, NULL);
	memset(f, 0, sizeof *f);
	if (!admin_only(cx))
		return 0;
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	bad = account_form_read(&p, st, "token", NULL, f);
	if (bad < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	if (bad > 0)
		return show(&p, st, 422, f, NULL, NULL, NULL);
	if (auth_token_create(st, &(struct auth_actor){ cx->req->caller->user, cx->req->address,
							 (int64_t)time(NULL) },
			      &f->spec, token, &err) < 0) {
		if (err.code != EX_DATAERR && err.code != EX_USAGE) {
			page_discard(&p);
			return page_error(cx, 503, NULL);
		}
		account_form_refused(&p, f, &err);
		return show(&p, st, 422, f, NULL, NULL, NULL);
	}
	/* The form empties: the token is made. */
	rc = show(&p, st, 200, &(struct account_form){ .role = "coach" }, f->spec.name, token, NULL);
	auth_wipe(token, sizeof token);
	return rc;
}

int handle_admin_token_revoke_post(struct http_ctx *cx)
{
	const char *name = http_param(cx->req, "name");
	struct err err = { 0 };
	char to[160], msg[ERR_MSG_MAX + 100];
	struct store *st;
	struct page p;

	if (!admin_only(cx))
		return 0;
	if (name == NULL || auth_check_name(name, "token", &err) < 0)
		return page_error(cx, 404, NULL);
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (auth_token_revoke(st, &(struct auth_actor){ cx->req->caller->user, cx->req->address,
							 (int64_t)time(NULL) }, name, &err) < 0) {
		if (err.code != EX_DATAERR)
			return page_error(cx, 503, NULL);
		if (strstr(err.msg, "no token named") != NULL)
			return page_error(cx, 404, NULL);
		/* Revoked already (another admin, or the form sent twice). */
		if (page_begin(&p, cx) < 0)
			return 0;
		(void)snprintf(msg, sizeof msg, tr(p.lang, "The token %s is revoked already."), name);
		return show(&p, st, 409, &(struct account_form){ .role = "coach" }, NULL, NULL, msg);
	}
	(void)snprintf(to, sizeof to, "/admin/tokens?revoked=%s", name);
	return page_redirect(cx, to);
}
