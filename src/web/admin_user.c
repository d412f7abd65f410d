/* GET /admin/users/{name} and its three forms (docs/web.md, "Admin: users
 * and tokens"): the role and links (auth_user_change, as `compgap user
 * change`), disabling or enabling (auth_user_disable, as `compgap user
 * disable|enable`: disabling ends the user's sessions at once), and a new
 * password (auth_user_passwd, as `compgap user passwd`: it ends their
 * sessions too). Each function checks its input again, keeps the last
 * enabled admin and refuses an admin's change of their own role or
 * account, and writes the change (or its refusal) to the audit log.
 * Admins only; a user that does not exist is the 404 page. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "http/signin.h"
#include "io/html.h"
#include "web/admin_accounts.h"
#include "web/pages.h"

/* What the page shows besides the user: a form's errors. */
struct user_view {
	struct account_form role;        /* the role and links form */
	struct account_form password;    /* the password form's errors */
	const char *status_error;        /* beside the disable/enable button */
};

/* The user, with their sessions and last login. */
struct user_data {
	struct store_account u;
	int64_t sessions;
	const char *last_login;
};

/* 1 found, 0 not, -1 failed. */
static int read_user(struct store *st, const char *name, struct arena *a, struct user_data *d,
		     struct err *err)
{
	int rc;

	if (store_begin_read(st, err) < 0)
		return -1;
	rc = store_user_get(st, name, a, &d->u, err);
	if (rc > 0 && (store_session_count(st, name, &d->sessions, err) < 0 ||
		       store_user_last_login(st, name, a, &d->last_login, err) < 0))
		rc = -1;
	store_rollback(st);
	return rc;
}

/* The user's name from the path, when it is a name at all. */
static const char *name_of(struct http_ctx *cx)
{
	const char *name = http_param(cx->req, "name");
	struct err err = { 0 };

	return name != NULL && auth_check_name(name, "user", &err) == 0 ? name : NULL;
}

static bool is_self(const struct page *p, const char *name)
{
	return strcmp(p->caller->user, name) == 0;
}

/* The message of ?done=, after a change. */
static void done_message(struct page *p)
{
	const char *done = http_query(p->cx->req, "done");
	const char *text = NULL;

	if (done == NULL)
		return;
	if (strcmp(done, "role") == 0)
		text = tr(p->lang, "The role and links were saved.");
	else if (strcmp(done, "disabled") == 0)
		text = tr(p->lang, "The user was disabled and their sessions ended.");
	else if (strcmp(done, "enabled") == 0)
		text = tr(p->lang, "The user was enabled. They can sign in again.");
	else if (strcmp(done, "password") == 0)
		text = tr(p->lang, "The new password was set and the user's sessions ended.");
	if (text != NULL)
		page_message(p, "ok", text);
}

static void write_summary(struct page *p, const struct user_data *d)
{
	char n[32];

	html_printf(p->out, "<dl class=\"facts\">\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>",
		    tr(p->lang, "Role"), admin_role_label(p, d->u.role), tr(p->lang, "Person"));
	if (d->u.person != NULL)
		html_printf(p->out, "<a href=\"/people/%s\" class=\"key\">%s</a>", d->u.person,
			    d->u.person);
	else
		html_printf(p->out, "%s", tr(p->lang, "none"));
	html_printf(p->out, "</dd>\n<dt>%s</dt><dd>", tr(p->lang, "Teams"));
	if (d->u.teams[0] != '\0')
		admin_teams(p, d->u.teams);
	else
		html_printf(p->out, "%s", tr(p->lang, "none"));
	(void)snprintf(n, sizeof n, "%lld", (long long)d->sessions);
	html_printf(p->out, "</dd>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>%s</dd>\n<dt>%s</dt><dd>",
		    tr(p->lang, "Status"), d->u.disabled ? tr(p->lang, "Disabled") : tr(p->lang, "Active"),
		    tr(p->lang, "Open sessions"), n, tr(p->lang, "Last sign-in"));
	admin_time(p, d->last_login);
	html_printf(p->out, "</dd>\n<dt>%s</dt><dd>", tr(p->lang, "Created"));
	admin_time(p, d->u.created_at);
	html_printf(p->out, "</dd>\n<dt>%s</dt><dd>", tr(p->lang, "Last changed"));
	admin_time(p, d->u.changed_at);
	fputs("</dd>\n</dl>\n", p->out);
}

static void write_role_form(struct page *p, const char *name, const struct user_data *d,
			    struct account_form *f)
{
	char action[128], teams[AUTH_TEAMS_MAX * (KEY_MAX + 2)];
	size_t i = 0;

	/* Unless the form comes back with what was typed, what is stored. */
	if (f->role == NULL) {
		for (const char *s = d->u.teams; *s != '\0' && i + 2 < sizeof teams; s++) {
			if (*s == STORE_TEAM_SEP) {
				teams[i++] = ',';
				teams[i++] = ' ';
			} else {
				teams[i++] = *s;
			}
		}
		teams[i] = '\0';
		f->role = d->u.role;
		f->person = d->u.person;
		f->teams = teams;
	}
	html_printf(p->out, "<section aria-labelledby=\"role-title\">\n<h2 id=\"role-title\">%s</h2>\n",
		    tr(p->lang, "Role and links"));
	if (f->message != NULL)
		page_message(p, "error", f->message);
	(void)snprintf(action, sizeof action, "/admin/users/%s/role", name);
	page_form_begin(p, action);
	account_fields(p, f, false);
	page_submit(p, tr(p->lang, "Save role and links"));
	page_form_end(p);
	fputs("</section>\n", p->out);
}

static void write_status_form(struct page *p, const char *name, const struct user_data *d,
			      const char *error)
{
	char action[128];

	html_printf(p->out, "<section aria-labelledby=\"status-title\">\n<h2 id=\"status-title\">%s</h2>\n",
		    tr(p->lang, "Access"));
	if (error != NULL)
		html_printf(p->out, "<p class=\"message error\" role=\"alert\" id=\"status-error\">%s</p>\n",
			    error);
	if (!d->u.disabled && is_self(p, name)) {
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "This is your own account: another "
							       "admin can disable it."));
		fputs("</section>\n", p->out);
		return;
	}
	html_printf(p->out, "<p>%s</p>\n", d->u.disabled
		    ? tr(p->lang, "This user is disabled and cannot sign in.")
		    : tr(p->lang, "Disabling ends the user's sessions at once and keeps them out "
				  "until they are enabled again."));
	(void)snprintf(action, sizeof action, "/admin/users/%s/status", name);
	page_form_begin(p, action);
	page_hidden(p, "disabled", d->u.disabled ? "0" : "1");
	if (error != NULL)
		html_printf(p->out, "<div class=\"actions\"><button type=\"submit\" "
			    "aria-describedby=\"status-error\">%s</button></div>\n",
			    d->u.disabled ? tr(p->lang, "Enable user") : tr(p->lang, "Disable user"));
	else
		page_submit(p, d->u.disabled ? tr(p->lang, "Enable user") : tr(p->lang, "Disable user"));
	page_form_end(p);
	fputs("</section>\n", p->out);
}

static void write_password_form(struct page *p, const char *name, const struct account_form *f)
{
	char action[128];

	html_printf(p->out, "<section aria-labelledby=\"password-title\">\n"
		    "<h2 id=\"password-title\">%s</h2>\n<p>%s</p>\n",
		    tr(p->lang, "Set a new password"),
		    tr(p->lang, "For a user who forgot theirs. Their sessions end; give them the new "
				"password in person and ask them to change it."));
	(void)snprintf(action, sizeof action, "/admin/users/%s/password", name);
	page_form_begin(p, action);
	page_input(p, &(struct page_input){
		.name = "password", .label = tr(p->lang, "New password"), .type = "password",
		.autocomplete = "new-password", .error = f->password_error, .required = true,
		.hint = tr(p->lang, "At least 12 characters; a common password or the user name is "
				    "refused.") });
	page_input(p, &(struct page_input){
		.name = "repeat", .label = tr(p->lang, "New password again"), .type = "password",
		.autocomplete = "new-password", .error = f->repeat_error, .required = true });
	page_submit(p, tr(p->lang, "Set password"));
	page_form_end(p);
	fputs("</section>\n", p->out);
}

/* The page of user name, with v's errors, answered with status. */
static int show(struct page *p, struct store *st, const char *name, int status,
		struct user_view *v)
{
	struct user_data d = { 0 };
	struct err err = { 0 };
	struct arena a;
	char title[160];
	int rc;

	arena_init(&a, 1 << 16);
	rc = read_user(st, name, &a, &d, &err);
	if (rc <= 0) {
		arena_free(&a);
		page_discard(p);
		return page_error(p->cx, rc < 0 ? 503 : 404, NULL);
	}
	p->nav_current = "/admin";
	(void)snprintf(title, sizeof title, tr(p->lang, "User %s"), name);
	page_head(p, title);
	admin_subnav(p, "");
	html_printf(p->out, "<p><a href=\"/admin/users\">%s</a></p>\n", tr(p->lang, "All users"));
	done_message(p);
	write_summary(p, &d);
	write_role_form(p, name, &d, &v->role);
	write_status_form(p, name, &d, v->status_error);
	write_password_form(p, name, &v->password);
	arena_free(&a);
	page_foot(p);
	return page_finish(p, status);
}

int handle_admin_user_page(struct http_ctx *cx)
{
	struct user_view v = { 0 };
	const char *name = name_of(cx);
	struct err err = { 0 };
	struct store *st;
	struct page p;

	if (!admin_only(cx))
		return 0;
	if (name == NULL)
		return page_error(cx, 404, NULL);
	st = http_store(cx, &err);
	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	return show(&p, st, name, 200, &v);
}

/* What the three forms share: the admin check, the user, the store, the
 * page begun, the caller as the audit log's actor. */
struct post {
	const char *name;
	struct store *st;
	struct page p;
	char actor[sizeof ((struct http_caller *)0)->user];
	struct auth_actor by;
	struct user_view v;
};

/* 1 to go on; 0 when answered already. */
static int post_begin(struct http_ctx *cx, struct post *x)
{
	struct err err = { 0 };

	memset(x, 0, sizeof *x);
	if (!admin_only(cx))
		return 0;
	x->name = name_of(cx);
	if (x->name == NULL)
		return page_error(cx, 404, NULL), 0;
	x->st = http_store(cx, &err);
	if (x->st == NULL)
		return page_error(cx, 503, NULL), 0;
	if (page_begin(&x->p, cx) < 0)
		return 0;
	(void)snprintf(x->actor, sizeof x->actor, "%s", cx->req->caller->user);
	x->by = (struct auth_actor){ x->actor, cx->req->address, (int64_t)time(NULL) };
	return 1;
}

/* After the auth function: 303 to the page with done, the form again
 * with its error (422), 404 for a user gone meanwhile, or 503. */
static int post_end(struct post *x, int rc, const struct err *err, const char *done)
{
	char to[160];

	if (rc == 0) {
		page_discard(&x->p);
		(void)snprintf(to, sizeof to, "/admin/users/%s?done=%s", x->name, done);
		return page_redirect(x->p.cx, to);
	}
	if (err->code != EX_DATAERR && err->code != EX_USAGE) {
		page_discard(&x->p);
		return page_error(x->p.cx, 503, NULL);
	}
	return show(&x->p, x->st, x->name, 422, &x->v);
}

int handle_admin_user_role_post(struct http_ctx *cx)
{
	struct post *x = arena_alloc(cx->arena, sizeof *x);
	struct err err = { 0 };
	int bad;

	if (x == NULL)
		return page_error(cx, 500, NULL);
	if (!post_begin(cx, x))
		return 0;
	bad = account_form_read(&x->p, x->st, "user", x->name, &x->v.role);
	if (bad < 0) {
		page_discard(&x->p);
		return page_error(cx, 503, NULL);
	}
	if (bad > 0)
		return show(&x->p, x->st, x->name, 422, &x->v);
	if (auth_user_change(x->st, &x->by, &x->v.role.spec, &err) < 0)
		account_form_refused(&x->p, &x->v.role, &err);
	return post_end(x, err.code != 0 ? -1 : 0, &err, "role");
}

int handle_admin_user_status_post(struct http_ctx *cx)
{
	struct post *x = arena_alloc(cx->arena, sizeof *x);
	struct err err = { 0 };
	const char *disabled;
	char msg[ERR_MSG_MAX + 100];
	int off;

	if (x == NULL)
		return page_error(cx, 500, NULL);
	if (!post_begin(cx, x))
		return 0;
	disabled = page_field(&x->p, "disabled");
	if (disabled == NULL || (strcmp(disabled, "0") != 0 && strcmp(disabled, "1") != 0)) {
		x->v.status_error = tr(x->p.lang, "Use the page's button to disable or enable the user.");
		return show(&x->p, x->st, x->name, 422, &x->v);
	}
	off = disabled[0] == '1';
	if (auth_user_disable(x->st, &x->by, x->name, off, &err) < 0) {
		(void)snprintf(msg, sizeof msg, tr(x->p.lang, "Nothing was changed: %s."), err.msg);
		x->v.status_error = msg;
	}
	return post_end(x, err.code != 0 ? -1 : 0, &err, off ? "disabled" : "enabled");
}

int handle_admin_user_password_post(struct http_ctx *cx)
{
	struct post *x = arena_alloc(cx->arena, sizeof *x);
	struct err err = { 0 };
	char rules[ERR_MSG_MAX], session[AUTH_TOKEN_MAX] = "";
	int rc;

	if (x == NULL)
		return page_error(cx, 500, NULL);
	if (!post_begin(cx, x))
		return 0;
	if (admin_password_errors(&x->p, x->name, &x->v.password, rules, sizeof rules) > 0)
		return show(&x->p, x->st, x->name, 422, &x->v);
	/* An admin setting their own here keeps the session in use, as the
	 * password page does; anyone else's sessions all end. */
	if (auth_user_passwd_keeping(x->st, &x->by, x->name, page_field(&x->p, "password"),
				     is_self(&x->p, x->name)
				     ? http_cookie_value(cx->req->cookie, HTTP_SESSION_COOKIE, session,
							 sizeof session) : NULL, &err) < 0) {
		(void)snprintf(rules, sizeof rules, "%s", err.msg);
		x->v.password.password_error = rules;
	}
	rc = err.code != 0 ? -1 : 0;
	auth_wipe(session, sizeof session);
	return post_end(x, rc, &err, "password");
}
