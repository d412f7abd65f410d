/* GET /teams/{key}/okr and GET /okr: a team's OKR board and the
 * organisation's (docs/web.md, "OKRs"), from okr_gather, the document of
 * `compgap okr` and GET /api/v1/teams/{key}/okr, with the API's read
 * check (http_okr_readable; out of reach is the 404 page). Each objective
 * with its progress bar (coloured by status, the status also in words,
 * the expected progress marked), period and owner; each key result with
 * its baseline, current value, target, progress, forecast chart and text,
 * its check-in history, and for who may change the objective a check-in
 * form (POST /okr/key-results/{key}/checkin, written through
 * http_okr_write, the API's own path, answered 303 back to the board). A
 * competency key result links to the people it counts. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/okr_write.h"
#include "io/html.h"
#include "store/texts.h"
#include "util/buf.h"
#include "util/date.h"
#include "web/okr_parts.h"
#include "web/pages.h"

/* Everything the board shows, read in one transaction. */
struct board_data {
	const char *team;            /* NULL: the organisation */
	const char *team_name;
	int32_t as_of;
	char as_of_text[DATE_ISO_LEN + 1];
	struct okr_view v;
	bool gathered;
	struct library lib;
	const char **owner_names;    /* per objective: the owner's name, or NULL */
	bool *writable;              /* per objective */
};

static const char *competency_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return lib->competencies[i].name;
	return key;
}

/* 1 read, 0 not readable (404), -1 failed. */
static int gather(struct http_ctx *cx, struct store *st, struct page *p, struct board_data *d,
		  struct err *err)
{
	size_t n;
	int rc = okr_page_readable(cx, st, d->team, &d->team_name, err);

	if (rc <= 0)
		return rc;
	if (store_load_library(st, lang_code(p->lang), cx->arena, &d->lib, err) < 0)
		return -1;
	d->gathered = true;
	if (okr_gather(st, d->team, d->as_of, &d->v, err) < 0)
		return -1;
	n = d->v.board.nobjectives;
	d->owner_names = arena_alloc(cx->arena, (n + 1) * sizeof *d->owner_names);
	d->writable = arena_alloc(cx->arena, (n + 1) * sizeof *d->writable);
	if (d->owner_names == NULL || d->writable == NULL)
		return err_set(err, 70, "out of memory");
	for (size_t i = 0; i < n; i++) {
		const struct objective *o = &d->v.board.objectives[i];
		struct person who;

		d->owner_names[i] = NULL;
		if (o->owner != NULL) {
			rc = store_get_person(st, o->owner, &who, cx->arena, err);
			if (rc < 0)
				return -1;
			d->owner_names[i] = rc == 1 ? who.name : o->owner;
		}
		rc = http_okr_writable(cx, st, o, err);
		if (rc < 0)
			return -1;
		d->writable[i] = rc == 1;
	}
	return 1;
}

/* ---- writing ------------------------------------------------------------------ */

static const char *type_label(enum lang l, enum okr_type t)
{
	switch (t) {
	case OKR_COMPETENCY: return tr(l, "Competency");
	case OKR_METRIC: return tr(l, "Metric");
	default: return tr(l, "Milestone");
	}
}

static const char *interval_label(enum lang l, enum okr_interval i)
{
	switch (i) {
	case OKR_WEEKLY: return tr(l, "weekly");
	case OKR_FORTNIGHTLY: return tr(l, "fortnightly");
	default: return tr(l, "monthly");
	}
}

/* One input of a check-in form: ids carry the key result's key, since a
 * board holds many such forms. */
static void form_input(struct page *p, const char *kr, const char *name, const char *label,
		       const char *type, const char *value, const char *hint, const char *error,
		       bool required)
{
	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"ci-%s-%s\">%s</label>\n",
		    error != NULL ? " invalid" : "", name, kr, label);
	if (hint != NULL)
		html_printf(p->out, "<p class=\"hint\" id=\"ci-%s-%s-hint\">%s</p>\n", name, kr, hint);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"ci-%s-%s-error\">%s</p>\n", name, kr, error);
	html_printf(p->out, "<input id=\"ci-%s-%s\" name=\"%s\" type=\"%s\"", name, kr, name, type);
	if (value != NULL && value[0] != '\0')
		html_printf(p->out, " value=\"%s\"", value);
	if (strcmp(type, "text") == 0 && strcmp(name, "note") != 0)
		fputs(" inputmode=\"decimal\"", p->out);
	if (required)
		fputs(" required", p->out);
	if (error != NULL)
		fputs(" aria-invalid=\"true\"", p->out);
	/* The error first: a screen reader reads it before the hint. */
	if (error != NULL || hint != NULL) {
		html_printf(p->out, " aria-describedby=\"");
		if (error != NULL)
			html_printf(p->out, "ci-%s-%s-error%s", name, kr, hint != NULL ? " " : "");
		if (hint != NULL)
			html_printf(p->out, "ci-%s-%s-hint", name, kr);
		fputs("\"", p->out);
	}
	fputs(">\n</div>\n", p->out);
}

static void checkin_form(struct page *p, const struct key_result *kr, const struct okr_form *f)
{
	enum lang l = p->lang;
	bool mine = f != NULL && strcmp(f->key_result, kr->key) == 0;
	char action[300], today[DATE_ISO_LEN + 1];

	date_format(date_today(), today);
	(void)snprintf(action, sizeof action, "/okr/key-results/%s/checkin", kr->key);
	html_printf(p->out, "<details class=\"okr-checkin\"%s><summary>%s</summary>\n",
		    mine ? " open" : "", tr(l, "Check in"));
	if (mine && f->message != NULL)
		page_message(p, "error", f->message);
	html_printf(p->out, "<form method=\"post\" action=\"%s\" class=\"form okr-checkin-form\">\n",
		    action);
	page_hidden(p, "csrf_token", p->csrf);
	form_input(p, kr->key, "date", tr(l, "Date"), "date", mine ? f->date : today,
		   NULL, mine ? f->date_error : NULL, true);
	form_input(p, kr->key, "value", tr(l, "Value"), "text", mine ? f->value : NULL,
		   kr->unit != NULL ? kr->unit : NULL, mine ? f->value_error : NULL, true);
	form_input(p, kr->key, "confidence", tr(l, "Confidence (0 to 1, optional)"), "text",
		   mine ? f->confidence : NULL, tr(l, "How sure you are that the target will be met."),
		   mine ? f->confidence_error : NULL, false);
	form_input(p, kr->key, "note", tr(l, "Note (optional)"), "text", mine ? f->note : NULL, NULL,
		   mine ? f->note_error : NULL, false);
	html_printf(p->out, "<button type=\"submit\">%s</button>\n</form>\n</details>\n",
		    tr(l, "Store check-in"));
}

static void checkin_history(struct page *p, const struct okr_board *b, const struct key_result *kr)
{
	enum lang l = p->lang;
	struct buf b1;

	if (kr->ncheckins == 0) {
		html_printf(p->out, "<p class=\"hint\">%s</p>\n", tr(l, "No check-ins yet."));
		return;
	}
	buf_init(&b1, 64);
	html_printf(p->out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"hist-%s\"><table class=\"okr-history\">\n"
		    "<caption id=\"hist-%s\">%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", kr->key, kr->key,
		    tr(l, "Check-ins"), tr(l, "Date"), tr(l, "Value"), tr(l, "Confidence"),
		    tr(l, "Note"));
	/* The newest first: what was said last matters most. */
	for (size_t i = kr->first_checkin + kr->ncheckins; i-- > kr->first_checkin;) {
		const struct checkin *c = &b->checkins[i];

		buf_reset(&b1);
		(void)fmt_date_short(&b1, p->lang, c->date);
		html_printf(p->out, "<tr><td class=\"okr-day\">%s</td>", buf_str(&b1));
		html_printf(p->out, "<td class=\"num\">%s</td>", okr_value_text(p, &b1, kr, c->value));
		html_printf(p->out, "<td class=\"num\">%s</td><td>%s</td></tr>\n", c->has_confidence
			    ? okr_percent_text(p, &b1, c->confidence) : "\xe2\x80\x93",
			    c->note != NULL ? c->note : "");
	}
	fputs("</tbody></table></div>\n", p->out);
	buf_free(&b1);
}

/* What the planned development actions would make of a competency key
 * result (views/okr.h, what_if). */
static void what_if(struct page *p, const struct board_data *d, const struct okr_kr_view *k)
{
	struct buf b1, b2;

	buf_init(&b1, 32);
	buf_init(&b2, 32);
	fputs("<p class=\"okr-whatif\">", p->out);
	if (k->planned == 0)
		html_printf(p->out, tr(p->lang, "What if: no development action on %s is planned by the"
				       " end for the members below the level."),
			    competency_name(&d->lib, k->kr->competency));
	else
		html_printf(p->out, trn(p->lang, "What if: %lu member below the level has a development"
					" action on %s due by the end; if it raises them to the"
					" level: %s (target %s).",
					"What if: %lu members below the level have a development"
					" action on %s due by the end; if each raises its person to"
					" the level: %s (target %s).", (unsigned long)k->planned),
			    (unsigned long)k->planned, competency_name(&d->lib, k->kr->competency),
			    okr_value_text(p, &b1, k->kr, k->projected),
			    okr_value_text(p, &b2, k->kr, k->kr->target));
	fputs("</p>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

static void key_result(struct page *p, const struct board_data *d,
		       const struct okr_objective_view *ov, const struct okr_kr_view *k,
		       bool writable, const struct okr_form *f)
{
	const struct key_result *kr = k->kr;
	enum lang l = p->lang;
	struct buf b1;

	buf_init(&b1, 64);
	html_printf(p->out, "<li class=\"okr-kr\" id=\"kr-%s\">\n<h3>%s <span class=\"badge "
		    "okr-type\">%s</span></h3>\n<dl class=\"okr-values\">\n", kr->key, kr->title,
		    type_label(l, kr->type));
	if (kr->type == OKR_COMPETENCY) {
		char level[16];

		(void)snprintf(level, sizeof level, "%d", kr->level);
		html_printf(p->out, "<div><dt>%s</dt><dd>", tr(l, "Counts"));
		html_printf(p->out, tr(l, "members at level %s or above on %s"), level,
			    competency_name(&d->lib, kr->competency));
		html_printf(p->out, " (%zu / %zu) <a href=\"/okr/key-results/%s%s%s\">%s</a></dd></div>\n",
			    k->meeting, k->members, kr->key, d->as_of != date_today() ? "?as_of=" : "",
			    d->as_of != date_today() ? d->as_of_text : "", tr(l, "who counts"));
	}
	html_printf(p->out, "<div><dt>%s</dt><dd>%s</dd></div>\n", tr(l, "Baseline"),
		    okr_value_text(p, &b1, kr, k->baseline));
	html_printf(p->out, "<div><dt>%s</dt><dd class=\"okr-current\">%s</dd></div>\n",
		    tr(l, "Current"), okr_value_text(p, &b1, kr, k->current));
	html_printf(p->out, "<div><dt>%s</dt><dd>%s</dd></div>\n", tr(l, "Target"),
		    okr_value_text(p, &b1, kr, kr->target));
	if (kr->weight != 1) {
		buf_reset(&b1);
		(void)fmt_number(&b1, l, kr->weight, kr->weight == floor(kr->weight) ? 0 : 2);
		html_printf(p->out, "<div><dt>%s</dt><dd>%s</dd></div>\n", tr(l, "Weight"),
			    buf_str(&b1));
	}
	if (k->has_checkin_due) {
		html_printf(p->out, "<div><dt>%s</dt><dd>%s", tr(l, "Next check-in"),
			    okr_date_text(p, &b1, k->checkin_due));
		if (okr_checkin_overdue(k, date_today()))
			html_printf(p->out, " <strong class=\"badge overdue\">%s</strong>", tr(l, "Overdue"));
		fputs("</dd></div>\n", p->out);
	}
	fputs("</dl>\n", p->out);
	okr_progress_bar(p, k->progress, ov->expected, k->has_status, k->status);
	okr_forecast_chart(p, ov->o, k);
	okr_forecast_text(p, ov->o, k);
	if (kr->type == OKR_COMPETENCY && k->members > 0)
		what_if(p, d, k);
	if (kr->type != OKR_COMPETENCY) {
		checkin_history(p, &d->v.board, kr);
		if (writable)
			checkin_form(p, kr, f);
	}
	fputs("</li>\n", p->out);
	buf_free(&b1);
}

static void objective(struct page *p, const struct board_data *d, size_t i,
		      const struct okr_form *f)
{
	const struct okr_objective_view *ov = &d->v.objectives[i];
	const struct objective *o = ov->o;
	enum lang l = p->lang;
	struct buf b1, b2;

	buf_init(&b1, 64);
	buf_init(&b2, 64);
	html_printf(p->out, "<article class=\"okr-objective\" id=\"obj-%s\" aria-labelledby=\"obj-%s-h\">\n"
		    "<h2 id=\"obj-%s-h\">%s</h2>\n<p class=\"okr-meta\">", o->key, o->key, o->key,
		    o->title);
	html_printf(p->out, "%s %s\xe2\x80\x93%s", tr(l, "Period"), okr_date_text(p, &b1, o->start),
		    okr_date_text(p, &b2, o->end));
	if (d->owner_names[i] != NULL)
		html_printf(p->out, " \xc2\xb7 %s %s", tr(l, "owner"), d->owner_names[i]);
	html_printf(p->out, " \xc2\xb7 %s %s", tr(l, "check-ins"), interval_label(l, o->interval));
	if (o->parent != NULL)
		html_printf(p->out, " \xc2\xb7 %s %s", tr(l, "serves"), o->parent);
	fputs("</p>\n", p->out);
	okr_progress_bar(p, ov->progress, ov->expected, ov->has_status, ov->status);
	if (o->nkrs == 0)
		html_printf(p->out, "<p>%s</p>\n", tr(l, "No key results yet."));
	else
		fputs("<ol class=\"okr-krs\">\n", p->out);
	for (size_t j = 0; j < o->nkrs; j++)
		key_result(p, d, ov, &ov->krs[j], d->writable[i], f);
	if (o->nkrs > 0)
		fputs("</ol>\n", p->out);
	fputs("</article>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

static void as_of_form(struct page *p, const char *action, const char *value, const char *error)
{
	html_printf(p->out, "<form method=\"get\" action=\"%s\" class=\"form asof\">\n", action);
	page_input(p, &(struct page_input){
		.name = "as_of", .label = tr(p->lang, "As of"), .type = "date", .value = value,
		.error = error,
	});
	page_submit(p, tr(p->lang, "Show"));
	page_form_end(p);
}

static void write_board(struct page *p, const struct board_data *d, const struct okr_form *f,
			const char *bad_as_of)
{
	enum lang l = p->lang;
	const char *done = http_query(p->cx->req, "done");
	char base[300], as_of[DATE_ISO_LEN + 1];

	if (d->team != NULL)
		(void)snprintf(base, sizeof base, "/teams/%s/okr", d->team);
	else
		(void)snprintf(base, sizeof base, "/okr");
	date_format(d->as_of, as_of);
	fputs("<p class=\"lead\">", p->out);
	if (d->team != NULL)
		html_printf(p->out, "<a href=\"/teams/%s\">%s</a> \xc2\xb7 ", d->team, d->team_name);
	else
		html_printf(p->out, "%s \xc2\xb7 ", tr(l, "The whole organisation"));
	html_printf(p->out, "<a href=\"%s/review\">%s</a>", base, tr(l, "Quarterly review"));
	if (d->team != NULL)
		html_printf(p->out, " \xc2\xb7 <a href=\"/okr\">%s</a>", tr(l, "The organisation's objectives"));
	fputs("</p>\n", p->out);
	if (done != NULL && strcmp(done, "checkin") == 0)
		page_message(p, "ok", tr(l, "The check-in was stored."));
	as_of_form(p, base, bad_as_of != NULL ? bad_as_of : as_of,
		   bad_as_of != NULL ? tr(l, "Give a date as YYYY-MM-DD, such as 2026-09-30.") : NULL);
	html_printf(p->out, "<p class=\"hint\">%s</p>\n", tr(l, "Progress runs from the baseline to the "
		    "target; the mark on each bar is the progress expected by now, from the time "
		    "elapsed. On track: at most 10 points behind it; at risk: at most 25."));
	if (d->v.board.nobjectives == 0)
		html_printf(p->out, "<p>%s</p>\n", tr(l, "No objectives yet."));
	for (size_t i = 0; i < d->v.board.nobjectives; i++)
		objective(p, d, i, f);
}

int okr_board_answer(struct http_ctx *cx, const char *team, const struct okr_form *f, int status)
{
	const char *as_of_text = http_query(cx->req, "as_of");
	struct board_data d = { .team = team, .as_of = date_today() };
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	const char *bad = NULL;
	char title[300];
	struct page p;
	int rc;

	if (as_of_text != NULL && as_of_text[0] != '\0' && date_parse(as_of_text, &d.as_of) < 0) {
		bad = as_of_text;
		status = 400;
	}
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	date_format(d.as_of, d.as_of_text);
	rc = gather(cx, st, &p, &d, &err);
	store_rollback(st);
	if (rc != 1) {
		if (d.gathered)
			okr_free(&d.v);
		page_discard(&p);
		if (rc == 0 && team != NULL)
			au = (struct http_audit){ "read", "team", team, NULL, "denied", "okr" };
		page_error(cx, rc == 0 ? 404 : 503, NULL);
		return http_audit_write(cx, st, &au);
	}
	if (team != NULL)
		(void)snprintf(title, sizeof title, tr(p.lang, "Objectives of %s"), d.team_name);
	else
		(void)snprintf(title, sizeof title, "%s", tr(p.lang, "Objectives of the organisation"));
	p.nav_current = team != NULL ? NULL : "/okr";
	page_head(&p, title);
	write_board(&p, &d, f, bad);
	page_foot(&p);
	okr_free(&d.v);
	if (page_finish(&p, status) == 0)
		au = (struct http_audit){ "read", team != NULL ? "team" : "organisation", team, NULL,
					  "ok", "okr" };
	return http_audit_write(cx, st, &au);
}

int handle_okr_team_page(struct http_ctx *cx)
{
	return okr_board_answer(cx, http_param(cx->req, "key"), NULL, 200);
}

int handle_okr_org_page(struct http_ctx *cx)
{
	return okr_board_answer(cx, NULL, NULL, 200);
}

/* ---- the check-in form --------------------------------------------------------- */

static const char *field_value(struct page *p, const char *name)
{
	const char *v = page_field(p, name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* The team of key result key's objective into *team (NULL: the
 * organisation's): 1, or 0 when there is none the caller may read, -1
 * when the store failed. */
static int kr_team(struct http_ctx *cx, const char *key, const char **team)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct key_result kr;
	struct objective o = { 0 };
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return -1;
	rc = store_okr_key_result(st, key, cx->arena, &kr, &o, &err);
	if (rc == 1)
		rc = http_okr_readable(cx, st, o.team, &err);
	store_rollback(st);
	*team = o.team;
	return rc;
}

int handle_okr_checkin_post(struct http_ctx *cx)
{
	struct okr_form *f = arena_alloc(cx->arena, sizeof *f);
	struct okr_write w = { .op = OKR_OP_CHECKIN, .key = http_param(cx->req, "key") };
	struct okr_refusal r;
	const char *team = NULL;
	char location[400];
	struct page p;
	enum lang l;
	int rc;

	if (f == NULL)
		return page_error(cx, 500, NULL);
	rc = kr_team(cx, w.key, &team);
	if (rc != 1)
		return page_error(cx, rc == 0 ? 404 : 503, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	l = p.lang;
	*f = (struct okr_form){ .key_result = w.key };
	f->date = field_value(&p, "date");
	f->value = field_value(&p, "value");
	f->confidence = field_value(&p, "confidence");
	f->note = field_value(&p, "note");
	if (http_okr_checkin_parse(f->date, f->value, f->confidence, f->note, &w.checkin, &r) == 0)
		(void)http_okr_write(cx, &w, &r);
	page_discard(&p);
	if (r.status == 0) {
		if (team != NULL)
			(void)snprintf(location, sizeof location, "/teams/%s/okr?done=checkin#kr-%s",
				       team, w.key);
		else
			(void)snprintf(location, sizeof location, "/okr?done=checkin#kr-%s", w.key);
		return page_redirect(cx, location);
	}
	if (r.status != 400 && r.status != 422)
		return page_error(cx, r.status == 403 || r.status == 404 ? r.status
				  : r.status == 409 ? 400 : 503, NULL);
	/* The board again, the form open with the error beside its field:
	 * the team comes from the key result, read again for the board. */
	if (r.field != NULL && strcmp(r.field, "date") == 0)
		f->date_error = tr(l, "Give a date as YYYY-MM-DD, today or before.");
	else if (r.field != NULL && strcmp(r.field, "value") == 0)
		f->value_error = tr(l, "Give the value as a number, such as 42 or 3.5.");
	else if (r.field != NULL && strcmp(r.field, "confidence") == 0)
		f->confidence_error = tr(l, "Give a number from 0 to 1, such as 0.7, or leave it empty.");
	else if (r.field != NULL && strcmp(r.field, "note") == 0)
		f->note_error = tr(l, "The note is too long.");
	else
		f->message = tr(l, "This check-in cannot be stored. Check it and try again.");
	return okr_board_answer(cx, team, f, 422);
}
