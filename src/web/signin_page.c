/* Signing in and out in the browser (docs/web.md): GET /login shows the
 * form (and, after ?expired=1, that the session ended and where the user
 * will return); POST /login signs in with auth_login, as the API's
 * sign-in does, sets the same cookies (http_signin_cookies) and returns
 * to next; POST /logout ends the session. */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "http/form.h"
#include "http/page_auth.h"
#include "http/signin.h"
#include "io/html.h"
#include "web/page.h"
#include "web/pages.h"

/* What the sign-in form shows. */
struct login_form {
	const char *user;            /* as typed, or NULL */
	const char *next;            /* where to go afterwards: a local path */
	const char *user_error, *password_error;
	const char *message;         /* above the form, or NULL */
	const char *message_kind;    /* "error" or "notice" */
};

static int show_login(struct page *p, int status, const struct login_form *f)
{
	page_head(p, tr(p->lang, "Sign in"));
	if (f->message != NULL)
		page_message(p, f->message_kind, f->message);
	page_form_begin(p, "/login");
	page_hidden(p, "next", f->next);
	page_input(p, &(struct page_input){
		.name = "user", .label = tr(p->lang, "User name"), .value = f->user,
		.autocomplete = "username", .error = f->user_error, .required = true,
		.autofocus = f->password_error == NULL });
	page_input(p, &(struct page_input){
		.name = "password", .label = tr(p->lang, "Password"), .type = "password",
		.autocomplete = "current-password", .error = f->password_error, .required = true,
		.autofocus = f->password_error != NULL });
	page_submit(p, tr(p->lang, "Sign in"));
	page_form_end(p);
	page_foot(p);
	return page_finish(p, status);
}

/* next if it is a local path to return to, else "/". */
static const char *safe_next(const char *next)
{
	return page_next_ok(next) ? next : "/";
}

int handle_login_page(struct http_ctx *cx)
{
	struct page p;
	struct login_form f = { 0 };
	const char *expired = http_query(cx->req, "expired");
	char notice[2400];

	if (page_begin(&p, cx) < 0)
		return 0;
	f.next = safe_next(http_query(cx->req, "next"));
	if (expired != NULL && strcmp(expired, "1") == 0) {
		if (strcmp(f.next, "/") == 0)
			(void)snprintf(notice, sizeof notice, "%s",
				       tr(p.lang, "Your session has ended. Sign in again."));
		else
			(void)snprintf(notice, sizeof notice,
				       tr(p.lang, "Your session has ended. Sign in again to return to %s."),
				       f.next);
		f.message = notice;
		f.message_kind = "notice";
	}
	return show_login(&p, 200, &f);
}

/* "in 5 seconds", "in 3 minutes" with the time of day (UTC) it will be. */
static void retry_text(const struct page *p, int64_t retry, char *out, size_t n)
{
	time_t at = time(NULL) + (time_t)retry;
	struct tm tm;
	char clock[16];
	long minutes = (long)((retry + 59) / 60);

	(void)gmtime_r(&at, &tm);
	(void)strftime(clock, sizeof clock, "%H:%M:%S", &tm);
	if (retry < 120)
		(void)snprintf(out, n,
			       trn(p->lang, "Too many failed sign-ins. Try again in %ld second (at %s UTC).",
				   "Too many failed sign-ins. Try again in %ld seconds (at %s UTC).",
				   (unsigned long)retry),
			       (long)retry, clock);
	else
		(void)snprintf(out, n,
			       trn(p->lang, "Too many failed sign-ins. Try again in %ld minute (at %s UTC).",
				   "Too many failed sign-ins. Try again in %ld minutes (at %s UTC).",
				   (unsigned long)minutes),
			       minutes, clock);
}

int handle_login_post(struct http_ctx *cx)
{
	struct page p;
	struct login_form f = { 0 };
	const char *password;
	struct auth_login login;
	struct err err = { 0 };
	struct store *st;
	int64_t retry = 0;
	char message[256];
	int rc;

	if (page_begin(&p, cx) < 0)
		return 0;
	/* Login CSRF: another site's page could sign the browser in to an
	 * account of the attacker's, whose pages would then record what
	 * the victim types. */
	if (!page_same_origin(cx->req)) {
		page_discard(&p);
		return page_error(cx, 403, tr(p.lang, "This sign-in form did not come from this site."));
	}
	f.user = page_field(&p, "user");
	password = page_field(&p, "password");
	f.next = safe_next(page_field(&p, "next"));
	f.message_kind = "error";
	if (f.user == NULL || f.user[0] == '\0')
		f.user_error = tr(p.lang, "Enter your user name.");
	if (password == NULL || password[0] == '\0')
		f.password_error = tr(p.lang, "Enter your password.");
	if (f.user_error != NULL || f.password_error != NULL)
		return show_login(&p, 422, &f);
	st = http_store(cx, &err);
	rc = st == NULL ? -1 :
	     auth_login(st, cx->cfg->auth_ctx, f.user, password, cx->req->address,
			(int64_t)time(NULL), &login, &retry, &err);
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	if (rc == AUTH_THROTTLED) {
		retry_text(&p, retry, message, sizeof message);
		f.message = message;
		cx->resp->retry_after = (long)retry;
		return show_login(&p, 429, &f);
	}
	if (rc == AUTH_REFUSED) {
		f.password_error = tr(p.lang, "The user name or the password is wrong.");
		return show_login(&p, 401, &f);
	}
	page_discard(&p);
	http_signin_cookies(cx, st, &login);
	auth_wipe(&login, sizeof login);
	return page_redirect(cx, f.next);
}

int handle_logout_post(struct http_ctx *cx)
{
	char token[AUTH_TOKEN_MAX];
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);

	if (st == NULL)
		return page_error(cx, 503, NULL);
	if (cx->req->caller->by_cookie &&
	    http_cookie_value(cx->req->cookie, HTTP_SESSION_COOKIE, token, sizeof token) != NULL) {
		int rc = auth_logout(st, token, cx->req->address, (int64_t)time(NULL), &err);

		auth_wipe(token, sizeof token);
		if (rc < 0)
			return page_error(cx, 503, NULL);
	}
	http_signout_cookies(cx, st);
	return page_redirect(cx, "/login");
}
