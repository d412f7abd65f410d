/* The account fields of the admin pages and their checks
 * (web/admin_accounts.h). The checks are the command line's own
 * (auth_check_name, auth_role_parse, auth_check_links, the store's
 * keys), made here first only so that each error can stand beside its
 * field in the reader's language; the auth function checks again. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "io/html.h"
#include "util/date.h"
#include "web/admin_accounts.h"

bool admin_only(struct http_ctx *cx)
{
	if (http_role_in(cx->req->caller, ROLE_BIT(ROLE_ADMIN)))
		return true;
	(void)page_error(cx, 403, NULL);
	return false;
}

/* s without the spaces around it, into out; NULL when nothing is left. */
static const char *trimmed(const char *s, char *out, size_t outsz)
{
	size_t n;

	if (s == NULL)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0 || n >= outsz)
		return n == 0 ? NULL : s;    /* too long: the key check names it */
	memcpy(out, s, n);
	out[n] = '\0';
	return out;
}

/* Splits f->teams ("a, b,c") into f->team_keys; empty pieces are
 * skipped, so that a trailing comma does no harm. */
static void split_teams(struct page *p, struct account_form *f)
{
	size_t n = 0;
	char *s;

	f->spec.nteams = 0;
	if (f->teams == NULL)
		return;
	if (strlen(f->teams) >= sizeof f->teams_buf) {
		f->teams_error = tr(p->lang, "Too many teams: give at most 64 team keys.");
		return;
	}
	memcpy(f->teams_buf, f->teams, strlen(f->teams) + 1);
	for (s = f->teams_buf; s != NULL;) {
		char *comma = strchr(s, ',');
		char *end;

		if (comma != NULL)
			*comma = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		end = s + strlen(s);
		while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
			*--end = '\0';
		if (*s != '\0') {
			if (n == AUTH_TEAMS_MAX) {
				f->teams_error = tr(p->lang, "Too many teams: give at most 64 team keys.");
				return;
			}
			f->team_keys[n++] = s;
		}
		s = comma != NULL ? comma + 1 : NULL;
	}
	f->spec.nteams = n;
}

struct token_named {
	const char *name;
	bool found;
};

static int is_token_named(void *ctx, const struct store_account *t)
{
	struct token_named *x = ctx;

	if (strcmp(t->name, x->name) == 0) {
		x->found = true;
		return 1;
	}
	return 0;
}

/* Whether a user (or token) of that name exists: 1, 0, or -1. */
static int name_taken(struct store *st, const char *what, const char *name, struct err *err)
{
	struct store_account u;
	struct arena a;
	struct token_named x = { name, false };
	int rc;

	if (strcmp(what, "token") == 0)
		return store_each_token(st, is_token_named, &x, err) < 0 ? -1 : x.found;
	arena_init(&a, 1 << 16);
	rc = store_user_get(st, name, &a, &u, err);
	arena_free(&a);
	return rc;
}

/* The keys' checks, in one read transaction: the name free, the person
 * and the teams there. */
static int check_keys(struct page *p, struct store *st, const char *what, bool fresh,
		      struct account_form *f)
{
	struct err err = { 0 };
	int rc = 0;

	if (store_begin_read(st, &err) < 0)
		return -1;
	if (fresh && f->name_error == NULL) {
		rc = name_taken(st, what, f->spec.name, &err);
		if (rc > 0) {
			(void)snprintf(f->name_msg, sizeof f->name_msg,
				       strcmp(what, "token") == 0
				       ? tr(p->lang, "A token named %s exists already. Choose another name.")
				       : tr(p->lang, "A user named %s exists already. Choose another name."),
				       f->spec.name);
			f->name_error = f->name_msg;
		}
	}
	if (rc >= 0 && f->spec.person != NULL && f->person_error == NULL) {
		rc = store_lookup(st, ENTITY_PERSON, f->spec.person, NULL, &err);
		if (rc == 0) {
			(void)snprintf(f->person_msg, sizeof f->person_msg,
				       tr(p->lang, "No person has the key %s. Give the key of a person "
						   "as on their page, such as KCC-1053."), f->spec.person);
			f->person_error = f->person_msg;
		}
	}
	for (size_t i = 0; rc >= 0 && i < f->spec.nteams && f->teams_error == NULL; i++) {
		rc = store_lookup(st, ENTITY_TEAM, f->team_keys[i], NULL, &err);
		if (rc == 0) {
			(void)snprintf(f->teams_msg, sizeof f->teams_msg,
				       tr(p->lang, "No team has the key %s. Give team keys separated "
						   "by commas, such as kcc-phone, kcc-desk."),
				       f->team_keys[i]);
			f->teams_error = f->teams_msg;
		}
	}
	store_rollback(st);
	return rc < 0 ? -1 : 0;
}

int account_form_read(struct page *p, struct store *st, const char *what, const char *name,
		      struct account_form *f)
{
	struct err err = { 0 };
	enum auth_role role = AUTH_EMPLOYEE;
	bool role_ok;

	f->name = name != NULL ? name : page_field(p, "name");
	f->role = page_field(p, "role");
	f->person = page_field(p, "person");
	f->teams = page_field(p, "teams");
	f->spec.name = f->name != NULL ? f->name : "";
	if (name == NULL) {
		f->spec.name = trimmed(f->name, f->name_buf, sizeof f->name_buf);
		if (f->spec.name == NULL) {
			f->spec.name = "";
			f->name_error = tr(p->lang, "Give a name.");
		} else if (auth_check_name(f->spec.name, what, &err) < 0) {
			f->name_error = tr(p->lang, "Use 1 to 64 letters, digits, '.', '_', '-' or '@', "
						    "beginning with a letter or digit.");
		}
	}
	role_ok = f->role != NULL && auth_role_parse(f->role, &role, &err) == 0;
	if (!role_ok)
		f->role_error = tr(p->lang, "Choose one of the roles.");
	f->spec.role = role;
	f->spec.person = trimmed(f->person, f->person_buf, sizeof f->person_buf);
	if (f->spec.person != NULL && strlen(f->spec.person) > KEY_MAX)
		f->person_error = tr(p->lang, "A person's key has at most 100 characters.");
	split_teams(p, f);
	f->spec.teams = f->team_keys;
	if (role_ok && auth_check_links(role, f->spec.person, f->spec.nteams, &err) < 0) {
		if (role == AUTH_COACH && f->teams_error == NULL)
			f->teams_error = tr(p->lang, "A coach needs at least one team: give team keys "
						     "separated by commas.");
		else if (role != AUTH_COACH && f->person_error == NULL)
			f->person_error = tr(p->lang, "A manager or an employee needs the key of the "
						      "person they are.");
	}
	if (st != NULL && check_keys(p, st, what, name == NULL, f) < 0)
		return -1;
	return (f->name_error != NULL) + (f->role_error != NULL) + (f->person_error != NULL) +
	       (f->teams_error != NULL);
}

void account_form_refused(struct page *p, struct account_form *f, const struct err *err)
{
	(void)snprintf(f->message_buf, sizeof f->message_buf,
		       tr(p->lang, "Nothing was changed: %s."), err->msg);
	if (strstr(err->msg, "last enabled admin") != NULL ||
	    strstr(err->msg, "your own role") != NULL)
		f->role_error = f->message_buf;
	else if (strstr(err->msg, "exists already") != NULL)
		f->name_error = f->message_buf;
	else
		f->message = f->message_buf;
}

int admin_password_errors(struct page *p, const char *user, struct account_form *f,
			  char *rules, size_t rulessz)
{
	const char *pw = page_field(p, "password");
	const char *repeat = page_field(p, "repeat");
	struct err err = { 0 };

	if (pw == NULL || pw[0] == '\0') {
		f->password_error = tr(p->lang, "Give a password.");
	} else if (auth_password_check(pw, user, &err) < 0) {
		/* The policy's own words, as the password page shows them. */
		(void)snprintf(rules, rulessz, "%s", err.msg);
		if (rules[0] >= 'a' && rules[0] <= 'z')
			rules[0] = (char)(rules[0] - 'a' + 'A');
		f->password_error = rules;
	}
	if (pw != NULL && pw[0] != '\0' && (repeat == NULL || strcmp(pw, repeat) != 0))
		f->repeat_error = tr(p->lang, "The two passwords differ. Type the same one twice.");
	return (f->password_error != NULL) + (f->repeat_error != NULL);
}

void admin_field_begin(struct page *p, const char *name, const char *label, const char *error)
{
	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n",
		    error != NULL ? " invalid" : "", name, label);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, error);
}

void admin_invalid_attrs(struct page *p, const char *name, const char *error)
{
	if (error != NULL)
		html_printf(p->out, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
}

/* The labels of the roles, in the order of enum auth_role. */
static const char *const role_labels[AUTH_ROLE_COUNT] = {
	N_("Administrator"), N_("HR"), N_("Manager"), N_("Coach"), N_("Employee"),
};

const char *admin_role_label(const struct page *p, const char *role)
{
	enum auth_role r;
	struct err err = { 0 };

	if (role == NULL || auth_role_parse(role, &r, &err) < 0)
		return role != NULL ? role : "";
	return tr(p->lang, role_labels[r]);
}

static void role_select(struct page *p, const struct account_form *f)
{
	admin_field_begin(p, "role", tr(p->lang, "Role"), f->role_error);
	fputs("<select id=\"role\" name=\"role\"", p->out);
	admin_invalid_attrs(p, "role", f->role_error);
	fputs(">\n", p->out);
	for (int r = 0; r < AUTH_ROLE_COUNT; r++) {
		const char *name = auth_role_name((enum auth_role)r);

		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", name,
			    f->role != NULL && strcmp(f->role, name) == 0 ? " selected" : "",
			    tr(p->lang, role_labels[r]));
	}
	fputs("</select>\n</div>\n", p->out);
}

void account_fields(struct page *p, const struct account_form *f, bool with_name)
{
	if (with_name)
		page_input(p, &(struct page_input){
			.name = "name", .label = tr(p->lang, "Name"), .type = "text", .value = f->name,
			.autocomplete = "off", .error = f->name_error, .required = true,
			.hint = tr(p->lang, "Letters, digits, '.', '_', '-' and '@'; at most 64.") });
	role_select(p, f);
	page_input(p, &(struct page_input){
		.name = "person", .label = tr(p->lang, "Person (key)"), .type = "text",
		.value = f->person, .autocomplete = "off", .error = f->person_error,
		.hint = tr(p->lang, "The person the account is: needed for a manager and an "
				    "employee, empty for none.") });
	page_input(p, &(struct page_input){
		.name = "teams", .label = tr(p->lang, "Teams (keys)"), .type = "text",
		.value = f->teams, .autocomplete = "off", .error = f->teams_error,
		.hint = tr(p->lang, "A coach's teams, separated by commas; empty for other roles.") });
}

void admin_time(struct page *p, const char *iso)
{
	int32_t day;
	char ymd[DATE_ISO_LEN + 1];
	struct buf b;

	if (iso == NULL || strlen(iso) < 16) {
		html_printf(p->out, "<span aria-hidden=\"true\">–</span><span class=\"visually-hidden\">%s</span>",
			    tr(p->lang, "never"));
		return;
	}
	memcpy(ymd, iso, DATE_ISO_LEN);
	ymd[DATE_ISO_LEN] = '\0';
	if (date_parse(ymd, &day) < 0) {
		html_printf(p->out, "%s", iso);
		return;
	}
	buf_init(&b, 64);
	(void)fmt_date_short(&b, p->lang, day);
	{
		char hm[6];

		memcpy(hm, iso + 11, 5);
		hm[5] = '\0';
		html_printf(p->out, "<time datetime=\"%s\">%s %s UTC</time>", iso, buf_str(&b), hm);
	}
	buf_free(&b);
}

void admin_teams(struct page *p, const char *teams)
{
	bool first = true;

	for (const char *s = teams; s != NULL && *s != '\0';) {
		const char *end = strchr(s, STORE_TEAM_SEP);
		size_t n = end != NULL ? (size_t)(end - s) : strlen(s);

		char key[KEY_MAX + 1];

		if (n > KEY_MAX)
			n = KEY_MAX;
		memcpy(key, s, n);
		key[n] = '\0';
		html_printf(p->out, "%s<span class=\"key\">%s</span>", first ? "" : ", ", key);
		first = false;
		s = end != NULL ? end + 1 : NULL;
	}
}

void admin_subnav(struct page *p, const char *current)
{
	static const struct {
		const char *href, *label;
	} links[] = { { "/admin/users", N_("Users") }, { "/admin/tokens", N_("API tokens") } };

	html_printf(p->out, "<nav class=\"sub-nav\" aria-label=\"%s\"><ul>",
		    tr(p->lang, "Users and tokens"));
	for (size_t i = 0; i < sizeof links / sizeof links[0]; i++)
		html_printf(p->out, strcmp(current, links[i].href) == 0
				    ? "<li><a href=\"%s\" aria-current=\"page\">%s</a></li>"
				    : "<li><a href=\"%s\">%s</a></li>",
			    links[i].href, tr(p->lang, links[i].label));
	fputs("</ul></nav>\n", p->out);
}
