/* GET /people/{key}/plan: a person's development plan (docs/web.md, "The
 * development plan page") for everyone who may see the person, through
 * the same reach check as GET /api/v1/people/{key}/plan (out of reach is
 * the 404 page): the actions grouped by status, an overdue one marked;
 * for who may change them a form per action to set its status; for who
 * may add, the recommendations of the person's team that name them, each
 * with a button that accepts it into the plan, and the form to add an
 * action by hand. The forms post to /people/{key}/plan,
 * /people/{key}/plan/accept and /people/{key}/plan/{id}/status, which
 * write through http_plan_write, the API's own path (its rules,
 * transaction and audit entry), and answer 303 back to the page. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/plan_write.h"
#include "io/html.h"
#include "store/texts.h"
#include "util/buf.h"
#include "util/date.h"
#include "views/gather.h"
#include "web/rec_rules.h"
#include "web/pages.h"
#include "web/person.h"

/* What was typed into the add form, and the error of each field. */
struct plan_form {
	const char *kind, *competency, *mentor, *due, *description;
	const char *kind_error, *competency_error, *mentor_error, *due_error, *description_error;
	const char *message;         /* about the whole request, or NULL */
};

/* The translated name of an action's kind. */
static const char *kind_label(enum lang l, enum plan_kind k)
{
	switch (k) {
	case PLAN_TRAINING: return tr(l, "Training");
	case PLAN_INDIVIDUAL_COACHING: return tr(l, "Individual coaching");
	case PLAN_GROUP_COACHING: return tr(l, "Group coaching");
	case PLAN_MENTORING: return tr(l, "Mentoring");
	case PLAN_CROSS_TRAINING: return tr(l, "Cross-training");
	case PLAN_JOB_ROTATION: return tr(l, "Job rotation");
	case PLAN_STRETCH_ASSIGNMENT: return tr(l, "Stretch assignment");
	case PLAN_EXTERNAL_COURSE: return tr(l, "External course");
	default: return tr(l, "Self-study");
	}
}

static const char *status_label(enum lang l, enum plan_status s)
{
	switch (s) {
	case PLAN_PLANNED: return tr(l, "Planned");
	case PLAN_IN_PROGRESS: return tr(l, "In progress");
	case PLAN_DONE: return tr(l, "Done");
	default: return tr(l, "Dropped");
	}
}

static const char *competency_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return lib->competencies[i].name;
	return key;
}

static const char *rule_competency_name(void *ctx, const char *key)
{
	return competency_name(ctx, key);
}

/* Everything the page shows, read before anything is written. */
struct plan_data {
	const char *key;
	int32_t today;
	struct person who;
	struct library lib;
	struct plan_action *v;
	size_t n;
	bool may_add, may_status;
	struct team_snapshot snap;
	struct analysis a;
	bool analysed;
	struct rec_context ctx;
	struct recommendations recs;
	bool recommended;
};

static void data_free(struct plan_data *d)
{
	if (d->recommended) {
		recommendations_free(&d->recs);
		rec_context_free(&d->ctx);
	}
	if (d->analysed)
		view_analysis_free(&d->snap, &d->a);
}

static int gather(struct http_ctx *cx, struct store *st, struct page *p, struct plan_data *d,
		  struct err *err)
{
	struct http_reader_ctx rctx;
	struct view_reader reader;
	const struct view_reader *rd;
	int rc = store_get_person(st, d->key, &d->who, cx->arena, err);

	if (rc <= 0)
		return -1;
	rd = http_view_reader(cx, st, &rctx, &reader);
	if (store_load_library(st, lang_code(p->lang), cx->arena, &d->lib, err) < 0 ||
	    store_plan_of_person(st, d->key, cx->arena, &d->v, &d->n, err) < 0 ||
	    plan_withhold_mentors(d->v, d->n, rd, err) < 0)
		return -1;
	d->may_add = http_plan_may(p->caller, PLAN_OP_ADD, d->key);
	d->may_status = http_plan_may(p->caller, PLAN_OP_STATUS, d->key);
	if (!d->may_add || d->who.team == NULL)
		return 0;
	if (view_analyse(st, d->who.team, NULL, d->today, &d->snap, &d->a, err) < 0)
		return -1;
	d->analysed = true;
	if (gather_recommendations(st, &d->a, d->who.team, &d->ctx, &d->recs, err) < 0)
		return -1;
	d->recommended = true;
	return view_withhold_people(&d->recs, rd, err);
}

/* ---- writing --------------------------------------------------------------- */

static void write_date(struct page *p, int32_t days)
{
	struct buf b;

	buf_init(&b, 64);
	if (fmt_date(&b, p->lang, days) == 0)
		html_escape(p->out, buf_str(&b));
	buf_free(&b);
}

static void status_form(struct page *p, const struct plan_data *d, const struct plan_action *a)
{
	char action[300], id[32];

	(void)snprintf(action, sizeof action, "/people/%s/plan/%lld/status", d->key,
		       (long long)a->id);
	(void)snprintf(id, sizeof id, "status-%lld", (long long)a->id);
	html_printf(p->out, "<form method=\"post\" action=\"%s\" class=\"status-form\">\n", action);
	page_hidden(p, "csrf_token", p->csrf);
	html_printf(p->out, "<label for=\"%s\">%s</label>\n<select id=\"%s\" name=\"status\">\n", id,
		    tr(p->lang, "Status"), id);
	for (int s = 0; s < PLAN_STATUS_COUNT; s++)
		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n",
			    plan_status_name((enum plan_status)s), a->status == (enum plan_status)s
			    ? " selected" : "", status_label(p->lang, (enum plan_status)s));
	html_printf(p->out, "</select>\n<button type=\"submit\">%s</button>\n</form>\n",
		    tr(p->lang, "Change status"));
}

static void write_action(struct page *p, const struct plan_data *d, const struct plan_action *a)
{
	bool overdue = plan_overdue(a->status, a->has_due, a->due, d->today);

	html_printf(p->out, "<li class=\"plan-action%s\" id=\"action-%lld\">\n<h4>%s: %s</h4>\n<dl>\n",
		    overdue ? " overdue" : "", (long long)a->id, kind_label(p->lang, a->kind),
		    competency_name(&d->lib, a->competency));
	if (a->has_due) {
		html_printf(p->out, "<dt>%s</dt><dd>", tr(p->lang, "Due"));
		write_date(p, a->due);
		if (overdue)
			html_printf(p->out, " <strong class=\"overdue-flag\">%s</strong>",
				    tr(p->lang, "Overdue"));
		fputs("</dd>\n", p->out);
	}
	if (a->mentor != NULL)
		html_printf(p->out, "<dt>%s</dt><dd><a href=\"/people/%s\">%s</a></dd>\n",
			    tr(p->lang, "Mentor"), a->mentor, a->mentor);
	else if (a->mentor_withheld && a->mentor_team != NULL)
		html_printf(p->out, "<dt>%s</dt><dd>%s %s</dd>\n", tr(p->lang, "Mentor"),
			    tr(p->lang, "a mentor in team"), a->mentor_team);
	if (a->description != NULL)
		html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(p->lang, "Description"),
			    a->description);
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n</dl>\n", tr(p->lang, "Origin"),
		    a->source_rule != NULL ? tr(p->lang, "An accepted recommendation")
		    : tr(p->lang, "Entered by hand"));
	if (d->may_status)
		status_form(p, d, a);
	fputs("</li>\n", p->out);
}

static void write_actions(struct page *p, const struct plan_data *d)
{
	static const enum plan_status order[] = { PLAN_IN_PROGRESS, PLAN_PLANNED, PLAN_DONE,
						  PLAN_DROPPED };

	html_printf(p->out, "<h2 id=\"actions\">%s</h2>\n", tr(p->lang, "Actions"));
	if (d->n == 0) {
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "The plan has no actions yet."));
		return;
	}
	for (size_t k = 0; k < sizeof order / sizeof order[0]; k++) {
		size_t count = 0;

		for (size_t i = 0; i < d->n; i++)
			count += d->v[i].status == order[k];
		if (count == 0)
			continue;
		html_printf(p->out, "<section class=\"plan-group\" aria-labelledby=\"group-%s\">\n"
			    "<h3 id=\"group-%s\">%s (%lu)</h3>\n<ul class=\"plan-actions\">\n",
			    plan_status_name(order[k]), plan_status_name(order[k]),
			    status_label(p->lang, order[k]), (unsigned long)count);
		for (size_t i = 0; i < d->n; i++)
			if (d->v[i].status == order[k])
				write_action(p, d, &d->v[i]);
		fputs("</ul>\n</section>\n", p->out);
	}
}

/* Whether an open action came from the recommendation ref. */
static bool accepted(const struct plan_data *d, const char *ref)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].source_ref != NULL && strcmp(d->v[i].source_ref, ref) == 0 &&
		    (d->v[i].status == PLAN_PLANNED || d->v[i].status == PLAN_IN_PROGRESS))
			return true;
	return false;
}

struct rec_list {
	struct page *p;
	const struct plan_data *d;
	size_t n;
};

static int write_rec(void *ctx, const struct recommendation *r, const struct rec_member *me,
		     enum plan_kind k)
{
	struct rec_list *x = ctx;
	struct page *p = x->p;
	char ref[PLAN_REF_MAX];

	(void)me;
	plan_rec_ref(r, x->d->key, ref, sizeof ref);
	if (x->n++ == 0)
		fputs("<ul class=\"plan-recommendations\">\n", p->out);
	html_printf(p->out, "<li><strong>%s: %s</strong>", kind_label(p->lang, k),
		    competency_name(&x->d->lib, r->competency));
	if (r->mentor != NULL && !r->mentor_withheld)
		html_printf(p->out, " — %s %s", tr(p->lang, "mentor:"), r->mentor->person);
	if (accepted(x->d, ref)) {
		html_printf(p->out, " <span class=\"muted\">%s</span></li>\n",
			    tr(p->lang, "in the plan"));
		return 0;
	}
	web_rec_accept_form(p, x->d->key, ref, r, &(struct rec_names){
		.competency = rule_competency_name, .ctx = (void *)&x->d->lib,
		.page_team = x->d->who.team });
	fputs("</li>\n", p->out);
	return 0;
}

static void write_recommendations(struct page *p, const struct plan_data *d)
{
	struct rec_list x = { p, d, 0 };

	if (!d->may_add)
		return;
	html_printf(p->out, "<h2 id=\"recommended\">%s</h2>\n<p>%s</p>\n",
		    tr(p->lang, "Recommended for this person"),
		    tr(p->lang, "What the gap analysis of their team recommends for them. Adding one "
			       "makes it an action of the plan, due in 90 days."));
	if (d->recommended)
		(void)plan_each_acceptable(&d->recs, d->key, write_rec, &x);
	if (x.n > 0)
		fputs("</ul>\n", p->out);
	else
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "No recommendation names them now."));
}

/* A field's start: its label and, when error is set, the error. */
static void field_begin(struct page *p, const char *name, const char *label, const char *error)
{
	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n",
		    error != NULL ? " invalid" : "", name, label);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, error);
}

static void invalid_attrs(struct page *p, const char *name, const char *error)
{
	if (error != NULL)
		html_printf(p->out, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
}

static void write_add_form(struct page *p, const struct plan_data *d, const struct plan_form *f)
{
	char action[300];

	if (!d->may_add)
		return;
	(void)snprintf(action, sizeof action, "/people/%s/plan", d->key);
	html_printf(p->out, "<h2 id=\"add\">%s</h2>\n", tr(p->lang, "Add an action"));
	if (f != NULL && f->message != NULL)
		page_message(p, "error", f->message);
	page_form_begin(p, action);
	field_begin(p, "kind", tr(p->lang, "Kind"), f ? f->kind_error : NULL);
	fputs("<select id=\"kind\" name=\"kind\"", p->out);
	invalid_attrs(p, "kind", f ? f->kind_error : NULL);
	fputs(">\n", p->out);
	for (int k = 0; k < PLAN_KIND_COUNT; k++)
		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n",
			    plan_kind_name((enum plan_kind)k),
			    f && f->kind && strcmp(f->kind, plan_kind_name((enum plan_kind)k)) == 0
			    ? " selected" : "", kind_label(p->lang, (enum plan_kind)k));
	fputs("</select>\n</div>\n", p->out);
	field_begin(p, "competency", tr(p->lang, "Competency"), f ? f->competency_error : NULL);
	fputs("<select id=\"competency\" name=\"competency\"", p->out);
	invalid_attrs(p, "competency", f ? f->competency_error : NULL);
	fputs(">\n", p->out);
	for (size_t i = 0; i < d->lib.ncompetencies; i++)
		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", d->lib.competencies[i].key,
			    f && f->competency && strcmp(f->competency, d->lib.competencies[i].key) == 0
			    ? " selected" : "", d->lib.competencies[i].name);
	fputs("</select>\n</div>\n", p->out);
	page_input(p, &(struct page_input){ .name = "due", .label = tr(p->lang, "Due date"),
		.type = "date", .value = f ? f->due : NULL, .error = f ? f->due_error : NULL,
		.hint = tr(p->lang, "As YYYY-MM-DD; leave empty for none.") });
	page_input(p, &(struct page_input){ .name = "mentor", .label = tr(p->lang, "Mentor (optional)"),
		.value = f ? f->mentor : NULL, .error = f ? f->mentor_error : NULL,
		.hint = tr(p->lang, "The person number of the mentor, such as KCC-1002.") });
	field_begin(p, "description", tr(p->lang, "Description (optional)"),
		    f ? f->description_error : NULL);
	html_printf(p->out, "<textarea id=\"description\" name=\"description\" rows=\"3\""
		    " maxlength=\"%d\"", PLAN_DESCRIPTION_MAX);
	invalid_attrs(p, "description", f ? f->description_error : NULL);
	html_printf(p->out, ">%s</textarea>\n</div>\n", f ? f->description : NULL);
	page_submit(p, tr(p->lang, "Add the action"));
	page_form_end(p);
}

static void write_page(struct page *p, const struct plan_data *d, const struct plan_form *f)
{
	char title[400];
	const char *done = http_query(p->cx->req, "done");

	p->nav_current = "";
	(void)snprintf(title, sizeof title, tr(p->lang, "Development plan of %s"), d->who.name);
	page_head(p, title);
	if (f == NULL && done != NULL)
		page_message(p, "ok", strcmp(done, "status") == 0 ? tr(p->lang, "The status was changed.")
			     : tr(p->lang, "The action was added to the plan."));
	if (f != NULL && f->message != NULL && !d->may_add)
		page_message(p, "error", f->message);
	html_printf(p->out, "<p><a href=\"/people/%s\">%s</a></p>\n", d->key,
		    p->caller != NULL && strcmp(p->caller->person, d->key) == 0
		    ? tr(p->lang, "Back to your competencies")
		    : tr(p->lang, "Back to their competencies"));
	write_actions(p, d);
	write_recommendations(p, d);
	write_add_form(p, d, f);
}

/* Answers the page of key with status (200; 422 with f shown again). */
static int answer(struct http_ctx *cx, const char *key, const struct plan_form *f, int status)
{
	const struct http_caller *c = cx->req->caller;
	struct plan_data d = { .key = key, .today = date_today() };
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct page p;
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	rc = http_visible(cx, st, ENTITY_PERSON, key, "key", &au);
	if (rc != 1) {
		store_rollback(st);
		page_error(cx, rc == 0 ? 404 : 503, NULL);
		return http_audit_write(cx, st, &au);
	}
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	rc = gather(cx, st, &p, &d, &err);
	if (rc == 0)
		write_page(&p, &d, f);
	store_rollback(st);
	data_free(&d);
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	page_foot(&p);
	if (page_finish(&p, status) < 0)
		return 0;
	if (c == NULL || strcmp(c->person, key) != 0)
		au = (struct http_audit){ "read", "plan", key, key, "ok", NULL };
	return http_audit_write(cx, st, &au);
}

int handle_plan_page(struct http_ctx *cx)
{
	return answer(cx, http_param(cx->req, "key"), NULL, 200);
}

/* ---- the forms ---------------------------------------------------------- */

static const char *field_value(struct page *p, const char *name)
{
	const char *v = page_field(p, name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* The refusal r of a form's write: the error page (403, 404, 503), or
 * the page again with the error beside its field (422). */
static int refused(struct http_ctx *cx, struct page *p, const char *key,
		   const struct plan_refusal *r, struct plan_form *f)
{
	enum lang l = p->lang;
	const char *field = r->field != NULL ? r->field : "";

	page_discard(p);
	if (r->status != 422)
		return page_error(cx, r->status == 403 || r->status == 404 ? r->status : 503, NULL);
	if (strcmp(field, "competency") == 0)
		f->competency_error = tr(l, "Choose a competency of the list.");
	else if (strcmp(field, "mentor") == 0)
		f->mentor_error = tr(l, "Give the person number of someone else who is stored.");
	else if (strcmp(field, "description") == 0)
		f->description_error = tr(l, "The description is too long.");
	else if (strcmp(field, "recommendation") == 0)
		f->message = tr(l, "This recommendation cannot be added: it is in the plan already, "
				   "or no longer made.");
	else
		f->message = tr(l, "This value cannot be stored. Check it and try again.");
	return answer(cx, key, f, 422);
}

static int done(struct http_ctx *cx, struct page *p, const char *key, const char *what,
		int64_t id)
{
	char location[300];

	page_discard(p);
	(void)snprintf(location, sizeof location, "/people/%s/plan?done=%s#action-%lld", key, what,
		       (long long)id);
	return page_redirect(cx, location);
}

int handle_plan_add_post(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct plan_form *f = arena_alloc(cx->arena, sizeof *f);
	struct plan_write w = { .op = PLAN_OP_ADD, .person = key };
	struct plan_refusal r;
	struct page p;
	bool ok = true;

	if (f == NULL)
		return page_error(cx, 500, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	*f = (struct plan_form){ 0 };
	f->kind = field_value(&p, "kind");
	f->competency = field_value(&p, "competency");
	f->mentor = field_value(&p, "mentor");
	f->due = field_value(&p, "due");
	f->description = field_value(&p, "description");
	if (f->kind == NULL || plan_kind_parse(f->kind, &w.action.kind) < 0) {
		f->kind_error = tr(p.lang, "Choose a kind of the list.");
		ok = false;
	}
	if (f->competency == NULL) {
		f->competency_error = tr(p.lang, "Choose a competency of the list.");
		ok = false;
	}
	if (f->due != NULL && date_parse(f->due, &w.action.due) < 0) {
		f->due_error = tr(p.lang, "Give a date as YYYY-MM-DD, such as 2027-03-31.");
		ok = false;
	}
	if (!ok) {
		/* Who may not add gets the 403 page, not the form's errors. */
		if (!http_plan_may(cx->req->caller, PLAN_OP_ADD, key)) {
			page_discard(&p);
			return page_error(cx, 403, NULL);
		}
		page_discard(&p);
		return answer(cx, key, f, 422);
	}
	w.action.has_due = f->due != NULL;
	w.action.competency = f->competency;
	w.action.mentor = f->mentor;
	w.action.description = f->description;
	if (http_plan_write(cx, &w, &r) < 0)
		return refused(cx, &p, key, &r, f);
	return done(cx, &p, key, "added", w.id);
}

int handle_plan_accept_post(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct plan_form *f = arena_alloc(cx->arena, sizeof *f);
	struct plan_write w = { .op = PLAN_OP_ACCEPT, .person = key };
	struct plan_refusal r;
	const char *ref;
	char *buf = arena_alloc(cx->arena, PLAN_REF_MAX);
	struct page p;

	if (f == NULL || buf == NULL)
		return page_error(cx, 500, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	*f = (struct plan_form){ 0 };
	ref = field_value(&p, "recommendation");
	if (ref == NULL || plan_accept_parse_ref(ref, buf, PLAN_REF_MAX, &w.accept) < 0 ||
	    strcmp(w.accept.person, key) != 0) {
		page_discard(&p);
		return page_error(cx, 400, tr(p.lang, "The recommendation of this form is not one."));
	}
	/* The rule as the form showed it, in the reader's language; without
	 * it (an older form), the rule in English. */
	w.accept.description = field_value(&p, "description");
	if (http_plan_write(cx, &w, &r) < 0)
		return refused(cx, &p, key, &r, f);
	return done(cx, &p, key, "accepted", w.id);
}

int handle_plan_status_post(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key"), *id = http_param(cx->req, "id");
	struct plan_form *f = arena_alloc(cx->arena, sizeof *f);
	struct plan_write w = { .op = PLAN_OP_STATUS, .person = key };
	struct plan_refusal r;
	const char *status;
	struct page p;
	char *end;

	if (f == NULL)
		return page_error(cx, 500, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	*f = (struct plan_form){ 0 };
	errno = 0;
	w.id = strtoll(id, &end, 10);
	status = field_value(&p, "status");
	if (errno != 0 || *end != '\0' || w.id <= 0 || status == NULL ||
	    plan_status_parse(status, &w.status) < 0) {
		page_discard(&p);
		return page_error(cx, errno != 0 || *end != '\0' || w.id <= 0 ? 404 : 400, NULL);
	}
	if (http_plan_write(cx, &w, &r) < 0)
		return refused(cx, &p, key, &r, f);
	return done(cx, &p, key, "status", w.id);
}
