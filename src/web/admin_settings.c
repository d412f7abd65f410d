/* GET and POST /admin/settings: the method's settings (the document of GET
 * /api/v1/settings), grouped and explained in plain words, changed in one
 * form. Who may read and change them is the API's rule
 * (http_settings_allowed: admins); a change goes through
 * http_settings_store, the code of PUT /api/v1/settings/{key}: the same
 * check, one transaction for the whole form (nothing stored when any
 * field is refused), one audit entry per change, and a refused value
 * logged as the API logs it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/settings.h"
#include "io/html.h"
#include "web/admin.h"
#include "web/page.h"
#include "web/pages.h"

enum {
	VALUE_MAX = 64    /* bytes of a typed value kept (http_setting_change.value) */
};

/* One setting as the page shows it. */
struct setting_view {
	const struct setting_info *info;
	const struct admin_setting_text *text;
	double value;                 /* in force */
	const char *typed;            /* what was typed, on a refused form; else NULL */
	const char *error;            /* translated, or NULL */
};

/* The page's settings, in the order of admin_setting_texts. */
struct settings_view {
	struct setting_view s[64];
	size_t n;
	size_t errors;
};

/* v with as few decimals as it needs (at most 4), in the reader's
 * conventions with grouping ("3,650"), into out. */
static const char *number_text(const struct page *p, double v, char *out, size_t outsz)
{
	struct buf b;
	int d = 0;

	while (d < 4 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-9)
		d++;
	buf_init(&b, 64);
	(void)fmt_number(&b, p->lang, v, d);
	(void)snprintf(out, outsz, "%s", buf_str(&b));
	buf_free(&b);
	return out;
}

/* The reader's decimal separator: '.' or ','. */
static char decimal_separator(const struct page *p)
{
	struct buf b;
	char c;

	buf_init(&b, 16);
	(void)fmt_number(&b, p->lang, 0.5, 1);
	c = buf_str(&b)[1];
	buf_free(&b);
	return c == ',' ? ',' : '.';
}

/* v as a field's value: as few decimals as it needs, the reader's
 * decimal separator, no grouping (so that it reads back as typed). */
static const char *input_text(const struct page *p, double v, char *out, size_t outsz)
{
	int d = 0;

	while (d < 4 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-9)
		d++;
	(void)snprintf(out, outsz, "%.*f", d, v);
	if (decimal_separator(p) == ',')
		for (char *c = out; *c != '\0'; c++)
			if (*c == '.')
				*c = ',';
	return out;
}

/* The message beside a refused field, in the reader's words and numbers. */
static const char *range_error(struct page *p, const struct setting_info *info)
{
	char lo[32], hi[32], *msg = arena_alloc(p->cx->arena, 300);

	if (msg == NULL)
		return tr(p->lang, "This value is not valid.");
	number_text(p, info->min, lo, sizeof lo);
	number_text(p, info->max, hi, sizeof hi);
	if (info->whole)
		(void)snprintf(msg, 300, tr(p->lang, "Give a whole number from %s to %s."), lo, hi);
	else
		(void)snprintf(msg, 300, tr(p->lang, "Give a number from %s to %s."), lo, hi);
	return msg;
}

/* The settings in force, into v. 0, or -1 when the store failed. */
static int read_settings(struct http_ctx *cx, struct store **st, struct settings_view *v)
{
	struct err err = { 0 };
	struct settings now;

	*st = http_store(cx, &err);
	if (*st == NULL || store_begin_read(*st, &err) < 0)
		return -1;
	now = *store_settings(*st);
	store_rollback(*st);
	memset(v, 0, sizeof *v);
	for (size_t i = 0; i < admin_setting_text_count && v->n < 64; i++) {
		const struct setting_info *info = settings_find(admin_setting_texts[i].key);

		if (info == NULL)
			continue;
		v->s[v->n].info = info;
		v->s[v->n].text = &admin_setting_texts[i];
		v->s[v->n].value = settings_get(&now, info);
		v->n++;
	}
	return 0;
}

static void write_setting(struct page *p, const struct setting_view *s)
{
	const struct admin_setting_text *t = s->text;
	const struct setting_info *info = s->info;
	char id[80], lo[32], hi[32], def[32], range[120], value[40];
	struct settings defaults;
	const char *label = t->context != NULL ? trc(p->lang, t->context, t->label)
					       : tr(p->lang, t->label);

	settings_default(&defaults);
	(void)snprintf(id, sizeof id, "set-%s", info->key);
	for (char *c = id; *c != '\0'; c++)
		if (*c == '.')
			*c = '-';
	number_text(p, info->min, lo, sizeof lo);
	number_text(p, info->max, hi, sizeof hi);
	number_text(p, settings_get(&defaults, info), def, sizeof def);
	(void)snprintf(range, sizeof range,
		       info->whole ? tr(p->lang, "%s to %s, whole numbers") : tr(p->lang, "%s to %s"),
		       lo, hi);
	html_printf(p->out, "<div class=\"field setting%s\">\n<label for=\"%s\">%s</label>\n",
		    s->error != NULL ? " invalid" : "", id, label);
	if (t->explanation != NULL)
		html_printf(p->out, "<p class=\"hint\" id=\"%s-hint\">%s</p>\n", id,
			    tr(p->lang, t->explanation));
	html_printf(p->out, "<p class=\"setting-meta\" id=\"%s-meta\">", id);
	html_printf(p->out, "<span>%s <span class=\"v\">%s</span></span> ", tr(p->lang, "Unit:"),
		    trc(p->lang, t->unit_context, t->unit));
	html_printf(p->out, "<span>%s <span class=\"v\">%s</span></span> ", tr(p->lang, "Valid:"),
		    range);
	html_printf(p->out, "<span>%s <span class=\"v\">%s</span></span> ",
		    tr(p->lang, "Default:"), def);
	html_printf(p->out, "<code class=\"key\">%s</code></p>\n", info->key);
	if (s->error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", id, s->error);
	html_printf(p->out, "<input id=\"%s\" name=\"%s\" type=\"text\" inputmode=\"decimal\" "
		    "autocomplete=\"off\" value=\"%s\"", id, info->key,
		    s->typed != NULL ? s->typed : input_text(p, s->value, value, sizeof value));
	if (s->error != NULL)
		html_printf(p->out, " aria-invalid=\"true\" aria-describedby=\"%s-error", id);
	else
		fputs(" aria-describedby=\"", p->out);
	if (t->explanation != NULL)
		html_printf(p->out, "%s%s-hint", s->error != NULL ? " " : "", id);
	html_printf(p->out, "%s%s-meta\"", s->error != NULL || t->explanation != NULL ? " " : "", id);
	fputs(">\n</div>\n", p->out);
}

static int show(struct page *p, int status, const struct settings_view *v)
{
	const char *saved = http_query(p->cx->req, "saved");

	p->nav_current = "/admin";
	page_head(p, tr(p->lang, "Settings"));
	if (v->errors > 0) {
		char msg[200];

		(void)snprintf(msg, sizeof msg,
			       trn(p->lang, "%lu value is not valid. Nothing was saved; correct it "
					    "and save again.",
				   "%lu values are not valid. Nothing was saved; correct them and "
				   "save again.", (unsigned long)v->errors), (unsigned long)v->errors);
		page_message(p, "error", msg);
	} else if (saved != NULL && strcmp(saved, "1") == 0) {
		page_message(p, "ok", tr(p->lang, "The settings have been saved. Every page now "
						  "uses them."));
	} else if (saved != NULL && strcmp(saved, "0") == 0) {
		page_message(p, "notice", tr(p->lang, "Nothing was changed: every value was as "
						      "before."));
	}
	html_printf(p->out, "<p class=\"lead\">%s</p>\n",
		    tr(p->lang, "These settings decide how compgap turns evidence into levels, gaps "
				"and recommendations, and how sign-in works. They apply to the whole "
				"organisation. Every change is written to the audit log."));
	fputs("<form method=\"post\" action=\"/admin/settings\" class=\"form settings-form\" "
	      "novalidate>\n", p->out);
	page_hidden(p, "csrf_token", p->csrf);
	for (size_t g = 0; g < admin_setting_group_count; g++) {
		const struct admin_setting_group *grp = &admin_setting_groups[g];

		html_printf(p->out, "<section class=\"settings-group\" aria-labelledby=\"group-%zu\">\n"
			    "<h2 id=\"group-%zu\">%s</h2>\n", g, g, trc(p->lang, grp->title_context, grp->title));
		if (grp->intro != NULL)
			html_printf(p->out, "<p>%s</p>\n", tr(p->lang, grp->intro));
		if (grp->note != NULL)
			html_printf(p->out, "<p class=\"note\">%s</p>\n", tr(p->lang, grp->note));
		for (size_t i = 0; i < v->n; i++)
			if (v->s[i].text->group == g)
				write_setting(p, &v->s[i]);
		fputs("</section>\n", p->out);
	}
	page_submit(p, tr(p->lang, "Save settings"));
	page_form_end(p);
	html_printf(p->out, "<p><a href=\"/admin/audit?action=setting\">%s</a></p>\n",
		    tr(p->lang, "Earlier changes in the audit log"));
	page_foot(p);
	return page_finish(p, status);
}

/* The answer to a caller who may not: the 403 page, and the refusal in
 * the audit log as the API writes it. */
static int refuse(struct http_ctx *cx, const char *action)
{
	struct http_audit au = { action, "settings", NULL, NULL, "denied", NULL };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);

	page_error(cx, 403, NULL);
	if (st != NULL)
		http_audit_write(cx, st, &au);
	/* A refusal that cannot be logged is not answered (http_audit_write):
	 * the 503 as a page. */
	return cx->resp->status == 503 ? page_error(cx, 503, NULL) : 0;
}

int handle_admin_settings_page(struct http_ctx *cx)
{
	struct settings_view *v;
	struct store *st;
	struct page p;

	if (!http_settings_allowed(cx->req->caller))
		return refuse(cx, "read");
	v = arena_alloc(cx->arena, sizeof *v);
	if (v == NULL || read_settings(cx, &st, v) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	return show(&p, 200, v);
}

/* typed without blanks around it, a decimal comma made a point ("0,5"
 * as Dutch and Swedish readers write it), into out; false when it does
 * not fit (then it cannot be a valid value anyway). */
static bool normalise(const char *typed, char *out, size_t outsz)
{
	size_t n;

	while (*typed == ' ' || *typed == '\t')
		typed++;
	n = strlen(typed);
	while (n > 0 && (typed[n - 1] == ' ' || typed[n - 1] == '\t'))
		n--;
	if (n >= outsz)
		return false;
	memcpy(out, typed, n);
	out[n] = '\0';
	if (strchr(out, '.') == NULL) {
		char *comma = strchr(out, ',');

		if (comma != NULL && strchr(comma + 1, ',') == NULL)
			*comma = '.';
	}
	return true;
}

/* Whether text is exactly value (then the field was left as it was). */
static bool same_value(const char *text, double value)
{
	char *end;
	double v = strtod(text, &end);

	return end != text && *end == '\0' && v == value;
}

int handle_admin_settings_post(struct http_ctx *cx)
{
	struct http_setting_change *ch;
	struct settings_view *v;
	struct err err = { 0 };
	struct store *st;
	struct page p;
	size_t n = 0;

	if (!http_settings_allowed(cx->req->caller))
		return refuse(cx, "setting.set");
	v = arena_alloc(cx->arena, sizeof *v);
	ch = arena_alloc(cx->arena, 64 * sizeof *ch);
	if (v == NULL || ch == NULL || read_settings(cx, &st, v) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	/* Only the fields whose value differs are changes: the others keep
	 * their state (a default stays a default) and make no audit entry. */
	for (size_t i = 0; i < v->n; i++) {
		const char *typed = page_field(&p, v->s[i].info->key);
		char text[VALUE_MAX];

		if (typed == NULL)
			continue;    /* not in this form: left as it is */
		v->s[i].typed = typed;
		if (!normalise(typed, text, sizeof text))
			(void)snprintf(text, sizeof text, "%.40s...", typed);   /* refused below */
		if (same_value(text, v->s[i].value))
			continue;
		memset(&ch[n], 0, sizeof ch[n]);
		ch[n].info = v->s[i].info;
		(void)snprintf(ch[n].value, sizeof ch[n].value, "%s", text);
		n++;
	}
	if (n == 0) {
		page_discard(&p);
		return page_redirect(cx, "/admin/settings?saved=0");
	}
	if (http_settings_store(cx, st, ch, n, &err) == 0) {
		page_discard(&p);
		return page_redirect(cx, "/admin/settings?saved=1");
	}
	if (err.code != EX_DATAERR) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	for (size_t k = 0; k < n; k++) {
		if (ch[k].refused[0] == '\0')
			continue;
		for (size_t i = 0; i < v->n; i++)
			if (v->s[i].info == ch[k].info) {
				v->s[i].error = range_error(&p, ch[k].info);
				v->errors++;
			}
	}
	if (show(&p, 422, v) < 0)
		return 0;
	http_settings_log_refused(cx, st, ch, n);
	return cx->resp->status == 503 ? page_error(cx, 503, NULL) : 0;
}
