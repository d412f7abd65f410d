/* What the admin pages of users and API tokens share (web/admin_users.c,
 * web/admin_user.c, web/admin_tokens.c; docs/web.md, "Admin: users and
 * tokens"): the admin-only check, the fields of an account (name, role,
 * person, teams) read from a form and checked by the same functions as
 * the command line's (auth_check_name, auth_check_links, the store's
 * keys), each error beside its field, and the small pieces of HTML both
 * pages write. */
#ifndef COMPGAP_WEB_ADMIN_ACCOUNTS_H
#define COMPGAP_WEB_ADMIN_ACCOUNTS_H

#include <stdbool.h>

#include "auth/auth.h"
#include "web/page.h"

/* An account's fields as typed, what they mean, and the error beside each. */
struct account_form {
	const char *name, *role, *person, *teams;     /* as typed (NULL: none) */
	const char *name_error, *role_error, *person_error, *teams_error;
	const char *password_error, *repeat_error;
	const char *message;                          /* above the form, or NULL */
	struct auth_account_spec spec;                /* valid when no error */
	const char *team_keys[AUTH_TEAMS_MAX];
	char teams_buf[AUTH_TEAMS_MAX * 65];
	char name_buf[AUTH_NAME_MAX + 2], person_buf[KEY_MAX + 1];
	char name_msg[200], person_msg[300], teams_msg[300], message_buf[ERR_MSG_MAX + 100];
};

/* Whether the caller is an admin; when not, the 403 page is answered
 * (as /import answers other roles) and false returned. */
bool admin_only(struct http_ctx *cx);

/* Reads role, person and teams (and, when name is NULL, the field "name")
 * from p's form into f, and checks them as auth_user_add and
 * auth_token_create would (what: "user" or "token"): the name's form and
 * that no user or token has it yet (when new), the role, the links the
 * role needs, and that the person and teams exist (in a read transaction
 * of st). Returns the number of fields in error (0: f->spec may be
 * used), or -1 when the store failed. */
int account_form_read(struct page *p, struct store *st, const char *what, const char *name,
		      struct account_form *f);

/* The auth function's refusal of what the form checked (a race, the last
 * admin): beside the field it names, else above the form. */
void account_form_refused(struct page *p, struct account_form *f, const struct err *err);

/* Checks the fields password and repeat for user by the password policy
 * (auth_password_check, its own words beside the field, in rules) and
 * that they are the same. Returns the number of fields in error. */
int admin_password_errors(struct page *p, const char *user, struct account_form *f,
			  char *rules, size_t rulessz);

/* The fields name (when with_name), role, person and teams of f. */
void account_fields(struct page *p, const struct account_form *f, bool with_name);

/* A field's opening (label, error) and the attributes tying the error to
 * its input. */
void admin_field_begin(struct page *p, const char *name, const char *label, const char *error);
void admin_invalid_attrs(struct page *p, const char *name, const char *error);

/* role (a stored role's name) in the reader's language. */
const char *admin_role_label(const struct page *p, const char *role);

/* An ISO 8601 UTC time as "2 Dec 2026, 10:04 UTC" in a <time>, or "–"
 * with a text for screen readers when NULL. */
void admin_time(struct page *p, const char *iso);

/* A list of team keys (separated by STORE_TEAM_SEP) as "a, b". */
void admin_teams(struct page *p, const char *teams);

/* The links between the two pages (the navigation within Admin). */
void admin_subnav(struct page *p, const char *current);

#endif
