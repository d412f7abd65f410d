/* GET and POST /admin/users (docs/web.md, "Admin: users and tokens"): the
 * users who sign in, and the form to add one. Admins only, as `compgap
 * user` is the administrator's; the user is added by auth_user_add, the
 * function of `compgap user add`, which checks the name, the role's
 * links and the password policy and writes user.add to the audit log in
 * the same transaction. Each user links to their own page
 * (web/admin_user.c) for the changes. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "io/html.h"
#include "web/admin_accounts.h"
#include "web/pages.h"

/* One user as the table shows them. */
struct user_row {
	struct store_account u;       /* strings in the list's arena */
	const char *last_login;       /* or NULL */
};

struct user_list {
	struct arena *a;
	struct user_row *rows;
	size_t n, cap;
	int oom;
};

static int keep_user(void *ctx, const struct store_account *u)
{
	struct user_list *l = ctx;
	struct user_row *r;

	if (l->n == l->cap) {
		size_t cap = l->cap ? 2 * l->cap : 32;
		struct user_row *more = arena_alloc(l->a, cap * sizeof *more);

		if (more == NULL) {
			l->oom = 1;
			return 1;
		}
		if (l->n > 0)
			memcpy(more, l->rows, l->n * sizeof *more);
		l->rows = more;
		l->cap = cap;
	}
	r = &l->rows[l->n++];
	memset(r, 0, sizeof *r);
	r->u = *u;
	r->u.password_hash = NULL;    /* never kept beyond the store's callback */
	r->u.name = arena_strdup(l->a, u->name);
	r->u.role = arena_strdup(l->a, u->role);
	r->u.person = u->person != NULL ? arena_strdup(l->a, u->person) : NULL;
	r->u.teams = arena_strdup(l->a, u->teams != NULL ? u->teams : "");
	r->u.created_at = u->created_at != NULL ? arena_strdup(l->a, u->created_at) : NULL;
	r->u.changed_at = u->changed_at != NULL ? arena_strdup(l->a, u->changed_at) : NULL;
	if (r->u.name == NULL || r->u.role == NULL || r->u.teams == NULL) {
		l->oom = 1;
		return 1;
	}
	return 0;
}

/* Every user with their last login, in one read transaction. */
static int read_users(struct store *st, struct user_list *l, struct err *err)
{
	int rc;

	if (store_begin_read(st, err) < 0)
		return -1;
	rc = store_each_user(st, keep_user, l, err);
	if (rc >= 0 && l->oom)
		rc = err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; rc >= 0 && i < l->n; i++)
		rc = store_user_last_login(st, l->rows[i].u.name, l->a, &l->rows[i].last_login, err);
	store_rollback(st);
	return rc < 0 ? -1 : 0;
}

static void write_table(struct page *p, const struct user_list *l)
{
	html_printf(p->out, "<div class=\"table-wrap accounts-wrap\" tabindex=\"0\" role=\"region\" "
		    "aria-labelledby=\"users-title\">\n<table class=\"accounts\">\n"
		    "<caption id=\"users-title\">%s</caption>\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    tr(p->lang, "Users"), tr(p->lang, "Name"), tr(p->lang, "Role"),
		    tr(p->lang, "Person"), tr(p->lang, "Teams"), tr(p->lang, "Status"),
		    tr(p->lang, "Last sign-in"), tr(p->lang, "Created"));
	for (size_t i = 0; i < l->n; i++) {
		const struct store_account *u = &l->rows[i].u;

		html_printf(p->out, "<tr><th scope=\"row\"><a href=\"/admin/users/%s\">%s</a></th>"
			    "<td>%s</td><td>", u->name, u->name, admin_role_label(p, u->role));
		if (u->person != NULL)
			html_printf(p->out, "<a href=\"/people/%s\" class=\"key\">%s</a>", u->person,
				    u->person);
		fputs("</td><td>", p->out);
		admin_teams(p, u->teams);
		html_printf(p->out, "</td><td>%s</td><td>", u->disabled
			    ? tr(p->lang, "Disabled") : tr(p->lang, "Active"));
		admin_time(p, l->rows[i].last_login);
		fputs("</td><td>", p->out);
		admin_time(p, u->created_at);
		fputs("</td></tr>\n", p->out);
	}
	fputs("</tbody></table></div>\n", p->out);
}

static int show(struct page *p, struct store *st, int status, const struct account_form *f)
{
	const char *added = http_query(p->cx->req, "added");
	struct user_list l = { 0 };
	struct err err = { 0 };
	struct arena a;
	char msg[200];

	arena_init(&a, 1 << 22);
	l.a = &a;
	if (read_users(st, &l, &err) < 0) {
		arena_free(&a);
		page_discard(p);
		return page_error(p->cx, 503, NULL);
	}
	p->nav_current = "/admin";
	page_head(p, tr(p->lang, "Users"));
	admin_subnav(p, "/admin/users");
	if (added != NULL && auth_check_name(added, "user", &err) == 0) {
		(void)snprintf(msg, sizeof msg,
			       tr(p->lang, "User %s was added. They can sign in now."), added);
		page_message(p, "ok", msg);
	}
	html_printf(p->out, "<p class=\"lead\">%s</p>\n",
		    tr(p->lang, "The people who sign in, with their role. Open a user to change "
				"their role, reset their password or disable them."));
	if (l.n == 0)
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "There are no users yet."));
	else
		write_table(p, &l);
	arena_free(&a);
	html_printf(p->out, "<h2 id=\"add-user\">%s</h2>\n", tr(p->lang, "Add a user"));
	if (f->message != NULL)
		page_message(p, "error", f->message);
	page_form_begin(p, "/admin/users");
	account_fields(p, f, true);
	page_input(p, &(struct page_input){
		.name = "password", .label = tr(p->lang, "Password"), .type = "password",
		.autocomplete = "new-password", .error = f->password_error, .required = true,
		.hint = tr(p->lang, "At least 12 characters; a common password or the user name is "
				    "refused. Give it to the user in person.") });
	page_input(p, &(struct page_input){
		.name = "repeat", .label = tr(p->lang, "Password again"), .type = "password",
		.autocomplete = "new-password", .error = f->repeat_error, .required = true });
	page_submit(p, tr(p->lang, "Add user"));
	page_form_end(p);
	page_foot(p);
	return page_finish(p, status);
}

int handle_admin_users_page(struct http_ctx *cx)
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
	f.role = "employee";
	return show(&p, st, 200, &f);
}

int handle_admin_users_post(struct http_ctx *cx)
{
	struct account_form f = { 0 };
	struct err err = { 0 };
	char rules[ERR_MSG_MAX], actor[sizeof ((struct http_caller *)0)->user], to[128];
	struct store *st;
	struct page p;
	int bad;

	if (!admin_only(cx))
		return 0;
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	bad = account_form_read(&p, st, "user", NULL, &f);
	if (bad < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	bad += admin_password_errors(&p, f.spec.name, &f, rules, sizeof rules);
	if (bad > 0)
		return show(&p, st, 422, &f);
	(void)snprintf(actor, sizeof actor, "%s", cx->req->caller->user);
	if (auth_user_add(st, &(struct auth_actor){ actor, cx->req->address, (int64_t)time(NULL) },
			  &f.spec, page_field(&p, "password"), &err) < 0) {
		if (err.code != EX_DATAERR && err.code != EX_USAGE) {
			page_discard(&p);
			return page_error(cx, 503, NULL);
		}
		account_form_refused(&p, &f, &err);
		return show(&p, st, 422, &f);
	}
	page_discard(&p);
	(void)snprintf(to, sizeof to, "/admin/users?added=%s", f.spec.name);
	return page_redirect(cx, to);
}
