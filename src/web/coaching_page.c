/* Coaching sessions in the browser (docs/web.md, "Coaching"): GET
 * /people/{key}/coaching, a person's sessions with what was discussed and
 * agreed, and their open development items with the follow-up dates
 * (overdue ones marked); GET and POST /people/{key}/coaching/new, the form
 * to record a session with the agent: the date, the evaluations discussed
 * (of the agent's last 90 days), a STAR note, up to three development
 * items, and the follow-up of each open item of earlier sessions. What a
 * reader sees of a session is what GET /api/v1/coaching/{key} shows them
 * (http_coaching_view), and a session is stored by the code of POST
 * /api/v1/coaching (http_coaching_record: its rules, transaction and
 * audit entry). Without JavaScript: a plain form, Post/Redirect/Get. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/api.h"
#include "http/coaching.h"
#include "io/html.h"
#include "store/quality.h"
#include "store/texts.h"
#include "util/date.h"
#include "web/pages.h"
#include "web/person.h"

enum {
	PAGE_SESSIONS = 20,        /* sessions shown in full on the page */
	PAGE_OPEN = 3,             /* of them, the newest open; the older folded,
				      their heading a summary to open them by
				      (a year of monthly sessions would be a
				      page some metres long) */
	FORM_ITEMS = 3,            /* development items the form offers */
	FORM_DAYS = 90,            /* the evaluations the form offers: of these days */
	FORM_FOLLOWUPS_MAX = 100   /* open items followed up on one form */
};

/* What the page needs besides the session: names of competencies. */
struct names {
	const struct library *lib;
};

static const char *competency_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; lib != NULL && i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return lib->competencies[i].name;
	return key;
}

/* What an item is about: its competency's name or its area. */
static const char *about(const struct library *lib, const struct coach_item *it)
{
	return it->competency != NULL ? competency_name(lib, it->competency) : it->area;
}

static const char *status_label(enum lang l, const char *status)
{
	if (status == NULL)
		return tr(l, "Open");
	if (strcmp(status, "done") == 0)
		return tr(l, "Done");
	if (strcmp(status, "partly") == 0)
		return tr(l, "Partly done");
	return tr(l, "Not done");
}

/* ---- GET /people/{key}/coaching --------------------------------------------- */

static void write_open_items(struct page *p, const struct library *lib,
			     const struct coach_item *items, size_t n, int32_t today)
{
	size_t open = 0;

	html_printf(p->out, "<h2 id=\"open-items\">%s</h2>\n", tr(p->lang, "Open development items"));
	for (size_t i = 0; i < n; i++)
		open += coach_item_open(&items[i]);
	if (open == 0) {
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "No open development items."));
		return;
	}
	html_printf(p->out, "<div class=\"scroll\"><table class=\"coaching-items\">\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead>\n<tbody>\n", tr(p->lang, "Development item"),
		    tr(p->lang, "Follow up on"));
	for (size_t i = 0; i < n; i++) {
		const struct coach_item *it = &items[i];
		bool overdue = coach_item_overdue(it, today);

		if (!coach_item_open(it))
			continue;
		html_printf(p->out, "<tr%s><td><strong>%s</strong><br>%s</td><td class=\"date\">",
			    overdue ? " class=\"overdue\"" : "", about(lib, it), it->action);
		person_date(p, it->follow_up);
		fputs("<br>", p->out);
		if (overdue)
			html_printf(p->out, "<span class=\"badge overdue\">%s</span> ",
				    tr(p->lang, "Overdue"));
		html_printf(p->out, "%s</td></tr>\n", status_label(p->lang, it->status));
	}
	fputs("</tbody></table></div>\n", p->out);
}

static void write_items(struct page *p, const struct library *lib, const struct coach_session *s,
			const struct coach_filter *f, int32_t today)
{
	size_t shown = 0;

	for (size_t i = 0; i < s->nitems; i++) {
		const struct coach_item *it = &s->items[i];

		if (f->shows != NULL && !f->shows(f->ctx, it->agent))
			continue;
		if (shown++ == 0)
			html_printf(p->out, "<h4>%s</h4>\n<ul class=\"coaching-list\">\n",
				    tr(p->lang, "Development items agreed"));
		html_printf(p->out, "<li><strong>%s</strong>: %s <span class=\"hint\">(", about(lib, it),
			    it->action);
		html_printf(p->out, "%s ", tr(p->lang, "follow up on"));
		person_date(p, it->follow_up);
		html_printf(p->out, "; %s)</span>%s</li>\n", status_label(p->lang, it->status),
			    coach_item_overdue(it, today) ? tr(p->lang, " · overdue") : "");
	}
	if (shown > 0)
		fputs("</ul>\n", p->out);
}

static void write_session(struct page *p, struct store *st, const struct library *lib,
			  const struct coach_session *s, const struct coach_filter *f,
			  int32_t today, bool open)
{
	const char *labels[STAR_PARTS] = {
		tr(p->lang, "Situation"), tr(p->lang, "Task"), tr(p->lang, "Action"),
		tr(p->lang, "Result")
	};
	struct person coach;
	struct err err = { 0 };
	size_t shown = 0;

	html_printf(p->out, "<section class=\"coaching-session\" id=\"s-%s\">\n<details%s>"
		    "<summary><h3>", s->key, open ? " open" : "");
	person_date(p, s->date);
	if (s->coach != NULL && store_get_person(st, s->coach, &coach, p->cx->arena, &err) == 1)
		html_printf(p->out, " · %s", coach.name);
	fputs("</h3></summary>\n", p->out);
	if (s->nagents > 1 || s->topic != NULL) {
		fputs("<p>", p->out);
		if (s->nagents > 1)
			html_printf(p->out, "<span class=\"badge\">%s</span> ", tr(p->lang, "Group session"));
		if (s->topic != NULL)
			html_printf(p->out, "%s %s", tr(p->lang, "Topic:"), s->topic);
		fputs("</p>\n", p->out);
	}
	for (size_t i = 0; i < s->nevaluations; i++) {
		const struct coach_evaluation *e = &s->evaluations[i];

		if (f->shows != NULL && !f->shows(f->ctx, e->agent))
			continue;
		if (shown++ == 0)
			html_printf(p->out, "<h4>%s</h4>\n<ul class=\"coaching-list\">\n",
				    tr(p->lang, "Evaluations discussed"));
		fputs("<li>", p->out);
		person_date(p, e->date);
		html_printf(p->out, " · %s %s (%s)</li>\n", tr(p->lang, "contact"), e->contact, e->key);
	}
	if (shown > 0)
		fputs("</ul>\n", p->out);
	for (size_t i = 0; i < s->nstars; i++) {
		const struct coach_star *n = &s->stars[i];

		if (n->agent != NULL && f->shows != NULL && !f->shows(f->ctx, n->agent))
			continue;
		html_printf(p->out, "<h4>%s</h4>\n<dl class=\"star\">\n", tr(p->lang, "Example discussed"));
		for (int k = 0; k < STAR_PARTS; k++)
			if (n->star.part[k] != NULL)
				html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", labels[k], n->star.part[k]);
		fputs("</dl>\n", p->out);
	}
	write_items(p, lib, s, f, today);
	shown = 0;
	for (size_t i = 0; i < s->nfollowups; i++) {
		const struct coach_followup *fu = &s->followups[i];

		if (f->shows != NULL && !f->shows(f->ctx, fu->about.agent))
			continue;
		if (shown++ == 0)
			html_printf(p->out, "<h4>%s</h4>\n<ul class=\"coaching-list\">\n",
				    tr(p->lang, "Follow-up of earlier items"));
		html_printf(p->out, "<li><strong>%s</strong>: %s: <span class=\"followup %s\">%s</span>%s%s"
			    "</li>\n", about(lib, &fu->about), fu->about.action,
			    coach_status_names[fu->status],
			    status_label(p->lang, coach_status_names[fu->status]),
			    fu->note != NULL ? " · " : "", fu->note);
	}
	if (shown > 0)
		fputs("</ul>\n", p->out);
	fputs("</details>\n</section>\n", p->out);
}

/* Whether key is someone else than the caller (whose reads of others are
 * logged). */
static bool c_is_other(const struct http_ctx *cx, const char *key)
{
	const struct http_caller *c = cx->req->caller;

	return c->person[0] == '\0' || strcmp(c->person, key) != 0;
}

int handle_coaching_page(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct coach_brief *b = NULL;
	struct coach_item *items = NULL;
	size_t nb = 0, ni = 0;
	int32_t today = date_today();
	struct library lib;
	struct person who;
	struct page p;
	char title[400];
	int rc;

	if (page_begin(&p, cx) < 0)
		return 0;
	if (st == NULL || store_begin_read(st, &err) < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	rc = http_visible(cx, st, ENTITY_PERSON, key, "key", &au);
	if (rc == 1)
		rc = store_get_person(st, key, &who, cx->arena, &err);
	if (rc == 1)
		rc = store_load_library(st, lang_code(p.lang), cx->arena, &lib, &err) < 0 ? -1 : 1;
	if (rc == 1)
		rc = store_person_coaching(st, key, cx->arena, &b, &nb, &items, &ni, &err) < 0 ? -1 : 1;
	if (rc != 1) {
		store_rollback(st);
		page_discard(&p);
		page_error(cx, rc == 0 ? 404 : 503, NULL);
		return http_audit_write(cx, st, &au);
	}
	(void)snprintf(title, sizeof title, tr(p.lang, "Coaching of %s"), who.name);
	page_head(&p, title);
	if (http_query(cx->req, "recorded") != NULL)
		page_message(&p, "ok", tr(p.lang, "The coaching session was recorded."));
	html_printf(p.out, "<p class=\"coaching-links\"><a href=\"/people/%s\">%s</a>", key,
		    tr(p.lang, "The person's page"));
	if (http_coaching_may_record(cx->req->caller))
		html_printf(p.out, " · <a href=\"/people/%s/coaching/new\">%s</a>", key,
			    tr(p.lang, "Record a coaching session"));
	fputs("</p>\n", p.out);
	write_open_items(&p, &lib, items, ni, today);
	html_printf(p.out, "<h2 id=\"sessions\">%s</h2>\n", tr(p.lang, "Coaching sessions"));
	if (nb == 0)
		html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "No coaching session yet."));
	for (size_t i = 0; i < nb && i < PAGE_SESSIONS; i++) {
		struct coach_session s;
		struct coaching_view v;
		struct coach_filter f;

		if (store_get_coaching(st, b[i].key, cx->arena, &s, &err) != 1 ||
		    http_coaching_view(cx, st, &s, &v, &f) < 0)
			continue;
		write_session(&p, st, &lib, &s, &f, today, i < PAGE_OPEN);
	}
	store_rollback(st);
	if (c_is_other(cx, key))
		au = (struct http_audit){ "read", "coaching", key, key, "ok", NULL };
	page_foot(&p);
	page_finish(&p, 200);
	return http_audit_write(cx, st, &au);
}

/* ---- GET and POST /people/{key}/coaching/new -------------------------------- */

/* What the form was given back with, when refused. */
struct form_errors {
	const char *message;           /* at the top; NULL: none */
	const char *field;             /* the form field marked invalid, or NULL */
	const char *text;              /* its error */
};

static const char *value(const struct page *p, const char *name)
{
	return p->form != NULL ? page_field(p, name) : NULL;
}

static bool same(const char *a, const char *b)
{
	return a != NULL && b != NULL && strcmp(a, b) == 0;
}

static void field_open(struct page *p, const char *name, const char *label,
		       const struct form_errors *e)
{
	const char *error = e != NULL && same(e->field, name) ? e->text : NULL;

	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"%s\">%s</label>\n",
		    error != NULL ? " invalid" : "", name, label);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, error);
}

static void invalid(struct page *p, const char *name, const struct form_errors *e)
{
	if (e != NULL && same(e->field, name))
		html_printf(p->out, " aria-invalid=\"true\" aria-describedby=\"%s-error\"", name);
}

static void text_input(struct page *p, const char *name, const char *label, const char *type,
		       const char *val, bool required, const struct form_errors *e)
{
	field_open(p, name, label, e);
	html_printf(p->out, "<input id=\"%s\" name=\"%s\" type=\"%s\" value=\"%s\"%s", name, name,
		    type, val != NULL ? val : "", required ? " required" : "");
	invalid(p, name, e);
	fputs(">\n</div>\n", p->out);
}

static void textarea(struct page *p, const char *name, const char *label, int max,
		     const struct form_errors *e)
{
	field_open(p, name, label, e);
	html_printf(p->out, "<textarea id=\"%s\" name=\"%s\" rows=\"2\" maxlength=\"%d\"", name, name,
		    max);
	invalid(p, name, e);
	html_printf(p->out, ">%s</textarea>\n</div>\n", value(p, name));
}

/* The choices of what an item is about: "c:KEY" a competency, "a:NAME" a
 * scorecard area. */
static void about_select(struct page *p, const char *name, const struct library *lib,
			 const struct scorecard_def *cards, size_t ncards,
			 const struct form_errors *e)
{
	const char *chosen = value(p, name);

	field_open(p, name, tr(p->lang, "Competency or scorecard area"), e);
	html_printf(p->out, "<select id=\"%s\" name=\"%s\"", name, name);
	invalid(p, name, e);
	html_printf(p->out, ">\n<option value=\"\">%s</option>\n<optgroup label=\"%s\">\n",
		    tr(p->lang, "(no item)"), tr(p->lang, "Competencies"));
	for (size_t i = 0; i < lib->ncompetencies; i++) {
		char v[KEY_MAX + 3];

		(void)snprintf(v, sizeof v, "c:%s", lib->competencies[i].key);
		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", v,
			    same(chosen, v) ? " selected" : "", lib->competencies[i].name);
	}
	fputs("</optgroup>\n", p->out);
	if (ncards > 0)
		html_printf(p->out, "<optgroup label=\"%s\">\n", tr(p->lang, "Scorecard areas"));
	for (size_t c = 0; c < ncards; c++)
		for (size_t i = 0; i < cards[c].nareas; i++) {
			const char *area = cards[c].areas[i].name;
			char v[KEY_MAX + 3];
			bool dup = false;

			/* An area name once, however many scorecards have it. */
			for (size_t c2 = 0; c2 <= c && !dup; c2++)
				for (size_t i2 = 0; i2 < (c2 == c ? i : cards[c2].nareas) && !dup; i2++)
					dup = strcmp(cards[c2].areas[i2].name, area) == 0;
			if (dup)
				continue;
			(void)snprintf(v, sizeof v, "a:%s", area);
			html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", v,
				    same(chosen, v) ? " selected" : "", area);
		}
	if (ncards > 0)
		fputs("</optgroup>\n", p->out);
	fputs("</select>\n</div>\n", p->out);
}

struct form_data {
	const char *key;
	struct person who;
	struct library lib;
	struct scorecard_def *cards;
	size_t ncards;
	struct coach_recent *recent;
	size_t nrecent;
	struct coach_item *items;      /* the agent's items; the open ones are followed up */
	size_t nitems;
};

static void write_evaluations(struct page *p, const struct form_data *d)
{
	html_printf(p->out, "<fieldset class=\"coaching-evaluations\">\n<legend>%s</legend>\n",
		    tr(p->lang, "Evaluations discussed"));
	if (d->nrecent == 0)
		html_printf(p->out, "<p class=\"hint\">%s</p>\n",
			    tr(p->lang, "No evaluation of this agent in the last 90 days."));
	for (size_t i = 0; i < d->nrecent; i++) {
		const struct coach_recent *r = &d->recent[i];
		char name[32];

		(void)snprintf(name, sizeof name, "evaluation_%zu", i);
		html_printf(p->out, "<div class=\"field check\"><input type=\"checkbox\" id=\"%s\" name=\"%s\""
			    " value=\"%s\"%s> <label for=\"%s\">", name, name, r->key,
			    same(value(p, name), r->key) ? " checked" : "", name);
		person_date(p, r->date);
		html_printf(p->out, " · %s · %s %s (%s)</label></div>\n", r->channel,
			    tr(p->lang, "contact"), r->contact, r->key);
	}
	fputs("</fieldset>\n", p->out);
}

static void write_followups(struct page *p, const struct form_data *d,
			    const struct form_errors *e)
{
	size_t n = 0;

	for (size_t i = 0; i < d->nitems; i++)
		n += coach_item_open(&d->items[i]);
	if (n == 0)
		return;
	html_printf(p->out, "<fieldset class=\"rows coaching-followups\">\n<legend>%s</legend>\n"
		    "<p class=\"hint\">%s</p>\n", tr(p->lang, "Follow-up of open items"),
		    tr(p->lang, "The items agreed at earlier sessions: how far has the agent come?"));
	n = 0;
	for (size_t i = 0; i < d->nitems && n < FORM_FOLLOWUPS_MAX; i++) {
		const struct coach_item *it = &d->items[i];
		char ref[KEY_MAX + 16], sname[32], nname[32];
		const char *chosen;

		if (!coach_item_open(it))
			continue;
		(void)snprintf(ref, sizeof ref, "%s#%d", it->session, it->number);
		(void)snprintf(sname, sizeof sname, "fu_status_%zu", n);
		(void)snprintf(nname, sizeof nname, "fu_note_%zu", n);
		chosen = value(p, sname);
		html_printf(p->out, "<fieldset class=\"row\">\n<legend>%s: %s (", about(&d->lib, it),
			    it->action);
		html_printf(p->out, "%s ", tr(p->lang, "follow up on"));
		person_date(p, it->follow_up);
		fputs(")</legend>\n", p->out);
		{
			char iname[32];

			(void)snprintf(iname, sizeof iname, "fu_item_%zu", n);
			page_hidden(p, iname, ref);
		}
		field_open(p, sname, tr(p->lang, "Status"), e);
		html_printf(p->out, "<select id=\"%s\" name=\"%s\"", sname, sname);
		invalid(p, sname, e);
		html_printf(p->out, ">\n<option value=\"\">%s</option>\n", tr(p->lang, "(not now)"));
		for (int s = 0; s < COACH_STATUSES; s++)
			html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", coach_status_names[s],
				    same(chosen, coach_status_names[s]) ? " selected" : "",
				    status_label(p->lang, coach_status_names[s]));
		fputs("</select>\n</div>\n", p->out);
		textarea(p, nname, tr(p->lang, "Note"), COACH_TEXT_MAX, e);
		fputs("</fieldset>\n", p->out);
		n++;
	}
	fputs("</fieldset>\n", p->out);
}

static void write_form(struct page *p, const struct form_data *d, const struct form_errors *e)
{
	const char *labels[STAR_PARTS] = {
		tr(p->lang, "Situation"), tr(p->lang, "Task"), tr(p->lang, "Action"),
		tr(p->lang, "Result")
	};
	char action[300], today[DATE_ISO_LEN + 1];
	const char *date = value(p, "date");

	date_format(date_today(), today);
	(void)snprintf(action, sizeof action, "/people/%s/coaching/new", d->key);
	page_form_begin(p, action);
	fputs("<div class=\"coaching-form\">\n", p->out);
	if (p->caller->person[0] == '\0')
		text_input(p, "coach", tr(p->lang, "Coach (the key of the person who coached)"), "text",
			   value(p, "coach"), true, e);
	text_input(p, "date", tr(p->lang, "Date of the session"), "date",
		   date != NULL ? date : today, true, e);
	text_input(p, "topic", tr(p->lang, "Topic (optional)"), "text", value(p, "topic"), false, e);
	write_evaluations(p, d);
	html_printf(p->out, "<fieldset class=\"star\">\n<legend>%s</legend>\n<p class=\"hint\">%s</p>\n",
		    tr(p->lang, "An example discussed (STAR, optional)"),
		    tr(p->lang, "An example of the behaviour: the situation, the task, what the "
			       "person did and what came of it."));
	for (int i = 0; i < STAR_PARTS; i++)
		textarea(p, star_part_names[i], labels[i], STAR_PART_MAX, e);
	fputs("</fieldset>\n", p->out);
	write_followups(p, d, e);
	html_printf(p->out, "<fieldset class=\"rows coaching-items\">\n<legend>%s</legend>\n"
		    "<p class=\"hint\">%s</p>\n", tr(p->lang, "Development items agreed"),
		    tr(p->lang, "Each on a competency or a scorecard area, in the agent's own words, "
			       "with the date to follow it up."));
	for (int j = 1; j <= FORM_ITEMS; j++) {
		char legend[64], aname[32], tname[32], fname[32];

		(void)snprintf(legend, sizeof legend, tr(p->lang, "Item %d"), j);
		(void)snprintf(aname, sizeof aname, "item_%d_about", j);
		(void)snprintf(tname, sizeof tname, "item_%d_action", j);
		(void)snprintf(fname, sizeof fname, "item_%d_follow_up", j);
		html_printf(p->out, "<fieldset class=\"row\">\n<legend>%s</legend>\n", legend);
		about_select(p, aname, &d->lib, d->cards, d->ncards, e);
		textarea(p, tname, tr(p->lang, "The agent's own action"), COACH_TEXT_MAX, e);
		text_input(p, fname, tr(p->lang, "Follow up on"), "date", value(p, fname), false, e);
		fputs("</fieldset>\n", p->out);
	}
	fputs("</fieldset>\n</div>\n", p->out);
	page_submit(p, tr(p->lang, "Record the session"));
	page_form_end(p);
}

/* Answers the form about key with status (200; 422 with e, the form shown
 * again with what was posted): 404 when the agent is absent or out of
 * reach, 403 when the caller's role records no session. Returns 0. */
static int answer_form(struct http_ctx *cx, struct page *p, const char *key,
		       const struct form_errors *e, int status)
{
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct form_data *d = arena_alloc(cx->arena, sizeof *d);
	struct coach_brief *b;
	size_t nb;
	char title[400];
	int rc;

	if (d == NULL || st == NULL || store_begin_read(st, &err) < 0) {
		page_discard(p);
		return page_error(cx, d == NULL ? 500 : 503, NULL);
	}
	memset(d, 0, sizeof *d);
	d->key = key;
	rc = http_visible(cx, st, ENTITY_PERSON, key, "key", &au);
	if (rc == 1 && !http_coaching_may_record(cx->req->caller))
		rc = -2;
	if (rc == 1)
		rc = store_get_person(st, key, &d->who, cx->arena, &err);
	if (rc == 1 && (store_load_library(st, lang_code(p->lang), cx->arena, &d->lib, &err) < 0 ||
			store_load_scorecards(st, cx->arena, &d->cards, &d->ncards, &err) < 0 ||
			store_recent_evaluations(st, key, date_today() - FORM_DAYS, cx->arena,
						 &d->recent, &d->nrecent, &err) < 0 ||
			store_person_coaching(st, key, cx->arena, &b, &nb, &d->items, &d->nitems,
					      &err) < 0))
		rc = -1;
	store_rollback(st);
	if (rc != 1) {
		page_discard(p);
		page_error(cx, rc == 0 ? 404 : rc == -2 ? 403 : 503, NULL);
		return http_audit_write(cx, st, &au);
	}
	(void)snprintf(title, sizeof title, tr(p->lang, "Record a coaching session with %s"),
		       d->who.name);
	page_head(p, title);
	if (e != NULL && e->message != NULL)
		page_message(p, "error", e->message);
	html_printf(p->out, "<p class=\"coaching-links\"><a href=\"/people/%s/coaching\">%s</a></p>\n",
		    key, tr(p->lang, "The person's coaching"));
	write_form(p, d, e);
	page_foot(p);
	return page_finish(p, status);
}

int handle_coaching_new_page(struct http_ctx *cx)
{
	struct page p;

	if (page_begin(&p, cx) < 0)
		return 0;
	return answer_form(cx, &p, http_param(cx->req, "key"), NULL, 200);
}

static const char *given(const struct page *p, const char *name)
{
	const char *v = page_field(p, name);

	return v != NULL && v[0] != '\0' ? v : NULL;
}

/* The form's field of the session's field (fe->field), and its error in
 * the reader's words; rows[] maps items[k] to the form's row. */
static void refused_field(struct page *p, const char *field, const int *rows,
			  const int *fu_rows, struct form_errors *e)
{
	char *name = arena_alloc(p->cx->arena, 64);
	unsigned k = 0;

	e->message = tr(p->lang, "The session was not stored: check the field marked.");
	e->field = name;
	if (name == NULL)
		return;
	name[0] = '\0';
	if (strcmp(field, "date") == 0 || strcmp(field, "coach") == 0 || strcmp(field, "topic") == 0) {
		(void)snprintf(name, 64, "%s", field);
		e->text = strcmp(field, "date") == 0 ? tr(p->lang, "Give the date of the session.")
			: strcmp(field, "coach") == 0 ? tr(p->lang, "Give the key of a person: the coach, "
							  "who is not the agent.")
			: tr(p->lang, "A topic has at most 200 characters.");
	} else if (sscanf(field, "items[%u]", &k) == 1 && k < FORM_ITEMS) {
		const char *dot = strchr(field, '.');

		if (dot != NULL && strcmp(dot + 1, "follow_up") == 0) {
			(void)snprintf(name, 64, "item_%d_follow_up", rows[k]);
			e->text = tr(p->lang, "Give a follow-up date on or after the session's date.");
		} else if (dot != NULL && strcmp(dot + 1, "action") == 0) {
			(void)snprintf(name, 64, "item_%d_action", rows[k]);
			e->text = tr(p->lang, "Say what the agent will do, in at most 2000 characters.");
		} else {
			(void)snprintf(name, 64, "item_%d_about", rows[k]);
			e->text = tr(p->lang, "Choose a competency or a scorecard area.");
		}
	} else if (sscanf(field, "follow_ups[%u]", &k) == 1 && k < FORM_FOLLOWUPS_MAX) {
		(void)snprintf(name, 64, "fu_status_%d", fu_rows[k]);
		e->text = tr(p->lang, "This item cannot be followed up at this session.");
	} else if (strncmp(field, "notes", 5) == 0) {
		const char *dot = strchr(field, '.');

		(void)snprintf(name, 64, "%s", dot != NULL ? dot + 1 : "situation");
		e->text = tr(p->lang, "At most 2000 characters.");
	} else {
		e->message = tr(p->lang, "The session was not stored. Check it and try again.");
		e->field = NULL;
	}
}

int handle_coaching_post(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct coach_session s = { 0 };
	struct field_error fe = { 0 };
	struct form_errors e = { 0 };
	int rows[FORM_ITEMS] = { 0 }, fu_rows[FORM_FOLLOWUPS_MAX] = { 0 };
	char stored[KEY_MAX + 1], location[300];
	struct page p;
	int rc;

	if (page_begin(&p, cx) < 0)
		return 0;
	s.agents = arena_alloc(cx->arena, sizeof *s.agents);
	s.evaluations = arena_alloc(cx->arena, 50 * sizeof *s.evaluations);
	s.stars = arena_alloc(cx->arena, sizeof *s.stars);
	s.items = arena_alloc(cx->arena, FORM_ITEMS * sizeof *s.items);
	s.followups = arena_alloc(cx->arena, FORM_FOLLOWUPS_MAX * sizeof *s.followups);
	if (s.agents == NULL || s.evaluations == NULL || s.stars == NULL || s.items == NULL ||
	    s.followups == NULL) {
		page_discard(&p);
		return page_error(cx, 500, NULL);
	}
	s.agents[0] = key;
	s.nagents = 1;
	s.coach = given(&p, "coach");
	s.topic = given(&p, "topic");
	if (given(&p, "date") == NULL || date_parse(given(&p, "date"), &s.date) < 0) {
		refused_field(&p, "date", rows, fu_rows, &e);
		return answer_form(cx, &p, key, &e, 422);
	}
	for (int i = 0; i < 50; i++) {
		char name[32];
		const char *v;

		(void)snprintf(name, sizeof name, "evaluation_%d", i);
		if ((v = given(&p, name)) != NULL)
			s.evaluations[s.nevaluations++] = (struct coach_evaluation){ .key = v };
	}
	memset(&s.stars[0], 0, sizeof s.stars[0]);
	for (int k = 0; k < STAR_PARTS; k++)
		s.stars[0].star.part[k] = given(&p, star_part_names[k]);
	s.nstars = star_is_empty(&s.stars[0].star) ? 0 : 1;
	for (int j = 1; j <= FORM_ITEMS; j++) {
		char aname[32], tname[32], fname[32];
		const char *ab, *ac, *fu;
		struct coach_item *it = &s.items[s.nitems];

		(void)snprintf(aname, sizeof aname, "item_%d_about", j);
		(void)snprintf(tname, sizeof tname, "item_%d_action", j);
		(void)snprintf(fname, sizeof fname, "item_%d_follow_up", j);
		ab = given(&p, aname);
		ac = given(&p, tname);
		fu = given(&p, fname);
		if (ab == NULL && ac == NULL && fu == NULL)
			continue;
		rows[s.nitems] = j;
		memset(it, 0, sizeof *it);
		it->number = (int)s.nitems + 1;
		it->action = ac;
		if (ab != NULL && strncmp(ab, "c:", 2) == 0)
			it->competency = ab + 2;
		else if (ab != NULL && strncmp(ab, "a:", 2) == 0)
			it->area = ab + 2;
		if (fu == NULL || date_parse(fu, &it->follow_up) < 0) {
			char field[32];

			(void)snprintf(field, sizeof field, "items[%zu].follow_up", s.nitems);
			refused_field(&p, field, rows, fu_rows, &e);
			return answer_form(cx, &p, key, &e, 422);
		}
		s.nitems++;
	}
	for (int i = 0; i < FORM_FOLLOWUPS_MAX; i++) {
		char iname[32], sname[32], nname[32];
		const char *item, *status;
		struct coach_followup *f = &s.followups[s.nfollowups];

		(void)snprintf(iname, sizeof iname, "fu_item_%d", i);
		(void)snprintf(sname, sizeof sname, "fu_status_%d", i);
		(void)snprintf(nname, sizeof nname, "fu_note_%d", i);
		item = given(&p, iname);
		status = given(&p, sname);
		if (item == NULL)
			break;
		if (status == NULL)
			continue;
		memset(f, 0, sizeof *f);
		f->item = item;
		f->note = given(&p, nname);
		if (coach_status_parse(status, &f->status) < 0) {
			char field[32];

			(void)snprintf(field, sizeof field, "follow_ups[%zu]", s.nfollowups);
			fu_rows[s.nfollowups] = i;
			refused_field(&p, field, rows, fu_rows, &e);
			return answer_form(cx, &p, key, &e, 422);
		}
		fu_rows[s.nfollowups++] = i;
	}
	rc = http_coaching_record(cx, &s, stored, &fe);
	if (rc == 0) {
		page_discard(&p);
		(void)snprintf(location, sizeof location, "/people/%s/coaching?recorded=%s", key, stored);
		return page_redirect(cx, location);
	}
	if (rc < 0) {
		int status = cx->resp->status;

		page_discard(&p);
		return page_error(cx, status == 403 || status == 404 ? status : 503, NULL);
	}
	refused_field(&p, fe.field, rows, fu_rows, &e);
	return answer_form(cx, &p, key, &e, 422);
}
