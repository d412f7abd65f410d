/* Changing one's own password in the browser (docs/web.md): GET and POST
 * /account/password. The current password is checked as a sign-in checks
 * it (and throttled as one), the new one by the password rules of
 * auth_password_check, and the change made by auth_user_passwd, which
 * writes it to the audit log. The passwords typed are never shown again. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "http/signin.h"
#include "io/html.h"
#include "web/page.h"
#include "web/pages.h"

/* The errors beside the three fields, or NULL. */
struct password_errors {
	const char *current, *fresh, *repeat;
	const char *message;          /* above the form */
};

static int show_form(struct page *p, int status, const struct password_errors *e)
{
	const char *changed = http_query(p->cx->req, "changed");

	p->nav_current = "/account/password";
	page_head(p, tr(p->lang, "Change your password"));
	if (e->message != NULL)
		page_message(p, "error", e->message);
	else if (changed != NULL && strcmp(changed, "1") == 0)
		page_message(p, "ok", tr(p->lang, "Your password has been changed."));
	page_form_begin(p, "/account/password");
	page_input(p, &(struct page_input){
		.name = "current", .label = tr(p->lang, "Current password"), .type = "password",
		.autocomplete = "current-password", .error = e->current, .required = true,
		.autofocus = e->current != NULL || (e->fresh == NULL && e->repeat == NULL) });
	page_input(p, &(struct page_input){
		.name = "new", .label = tr(p->lang, "New password"), .type = "password",
		.autocomplete = "new-password", .error = e->fresh, .required = true,
		.hint = tr(p->lang, "At least 12 characters. A few unusual words make a good one; "
				    "a common password or your user name is refused."),
		.autofocus = e->current == NULL && e->fresh != NULL });
	page_input(p, &(struct page_input){
		.name = "repeat", .label = tr(p->lang, "New password again"), .type = "password",
		.autocomplete = "new-password", .error = e->repeat, .required = true,
		.autofocus = e->current == NULL && e->fresh == NULL && e->repeat != NULL });
	page_submit(p, tr(p->lang, "Change password"));
	page_form_end(p);
	page_foot(p);
	return page_finish(p, status);
}

int handle_password_page(struct http_ctx *cx)
{
	struct page p;

	if (page_begin(&p, cx) < 0)
		return 0;
	if (!cx->req->caller->by_cookie) {
		page_discard(&p);
		return page_error(cx, 403, tr(p.lang, "An API token has no password to change."));
	}
	return show_form(&p, 200, &(struct password_errors){ 0 });
}

/* Whether password is user's: 1 yes, 0 no, -1 when it cannot be told. */
static int password_is(struct store *st, const char *user, const char *password)
{
	struct arena a;
	struct store_account acct;
	struct err err = { 0 };
	int rc;

	arena_init(&a, 1 << 16);
	rc = store_user_get(st, user, &a, &acct, &err);
	if (rc == 1)
		rc = auth_password_verify(acct.password_hash, password, &err);
	arena_free(&a);
	return rc;
}

int handle_password_post(struct http_ctx *cx)
{
	const struct http_caller *c = cx->req->caller;
	struct auth_throttle *throttle = cx->cfg->auth_ctx;
	struct password_errors e = { 0 };
	const char *current, *fresh, *repeat;
	int64_t now = (int64_t)time(NULL), wait;
	struct err err = { 0 };
	struct store *st;
	struct page p;
	char msg[160], rules[ERR_MSG_MAX], session[AUTH_TOKEN_MAX];
	int rc;

	if (page_begin(&p, cx) < 0)
		return 0;
	if (!c->by_cookie) {
		page_discard(&p);
		return page_error(cx, 403, tr(p.lang, "An API token has no password to change."));
	}
	current = page_field(&p, "current");
	fresh = page_field(&p, "new");
	repeat = page_field(&p, "repeat");
	/* Every field's problem at once, so that one round trip shows them
	 * all: the rules need no current password to be checked. */
	if (current == NULL || current[0] == '\0')
		e.current = tr(p.lang, "Enter your current password.");
	if (fresh == NULL || fresh[0] == '\0') {
		e.fresh = tr(p.lang, "Enter a new password.");
	} else if (auth_password_check(fresh, c->user, &err) < 0) {
		/* The rules' own words ("too short: ..."): no second list of
		 * rules to drift from auth_password_check's. */
		(void)snprintf(rules, sizeof rules, "%s", err.msg);
		if (rules[0] >= 'a' && rules[0] <= 'z')
			rules[0] = (char)(rules[0] - 'a' + 'A');
		e.fresh = rules;
	}
	if (fresh != NULL && fresh[0] != '\0' && (repeat == NULL || strcmp(fresh, repeat) != 0))
		e.repeat = tr(p.lang, "The two new passwords differ. Type the new one twice.");
	if (e.current != NULL)
		return show_form(&p, 422, &e);
	/* Guessing the current password here is throttled as a sign-in is,
	 * so that a session left open does not give an unlimited guesser. */
	wait = throttle != NULL ? auth_throttle_wait(throttle, cx->req->address, c->user, now) : 0;
	if (wait > 0) {
		(void)snprintf(msg, sizeof msg,
			       trn(p.lang, "Too many wrong passwords. Try again in %ld second.",
				   "Too many wrong passwords. Try again in %ld seconds.",
				   (unsigned long)wait), (long)wait);
		e.message = msg;
		cx->resp->retry_after = (long)wait;
		return show_form(&p, 429, &e);
	}
	st = http_store(cx, &err);
	rc = st == NULL ? -1 : password_is(st, c->user, current);
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	if (rc == 0) {
		if (throttle != NULL)
			auth_throttle_failed(throttle, cx->req->address, c->user, now);
		e.current = tr(p.lang, "This is not your current password.");
		return show_form(&p, 422, &e);
	}
	if (throttle != NULL)
		auth_throttle_succeeded(throttle, cx->req->address, c->user);
	if (e.fresh != NULL || e.repeat != NULL)
		return show_form(&p, 422, &e);
	/* The session in use stays; the user's others end (auth.h). */
	if (auth_user_passwd_keep(st, &(struct auth_actor){ c->user, cx->req->address, now },
				  c->user, fresh,
				  http_cookie_value(cx->req->cookie, HTTP_SESSION_COOKIE, session,
						    sizeof session),
				  &err) < 0) {
		if (err.code != EX_DATAERR) {
			page_discard(&p);
			return page_error(cx, 503, NULL);
		}
		/* Checked above: only a race with another change lands here. */
		(void)snprintf(rules, sizeof rules, "%s", err.msg);
		e.fresh = rules;
		return show_form(&p, 422, &e);
	}
	page_discard(&p);
	return page_redirect(cx, "/account/password?changed=1");
}
