/* GET /: the dashboard (docs/web.md "The dashboard"). For a caller who may
 * see teams: what needs attention now across them (blind spots, key-person
 * risks, unassessed people, gaps that grew since the end of last month,
 * quality evaluations due this month),
 * then each team as a card with its members, top priorities and coverage.
 * For a role without teams (an employee): what they can do here, with
 * their own page first. The figures come from web/dashboard.h; every
 * number is written as text, the coverage bars are decoration beside it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/view_cache.h"
#include "io/html.h"
#include "store/plans.h"
#include "store/texts.h"
#include "util/buf.h"
#include "util/date.h"
#include "web/alerts_section.h"
#include "web/dashboard.h"
#include "web/page.h"
#include "web/pages.h"

/* The name of competency key in the reader's language, or the key. */
static const char *competency_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; lib != NULL && i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return lib->competencies[i].name;
	return key;
}

/* v in the reader's conventions, in a buffer of the caller's. */
static const char *num(struct page *p, struct buf *b, double v, int decimals)
{
	buf_reset(b);
	if (fmt_number(b, p->lang, v, decimals) < 0)
		return "";
	return buf_str(b);
}

/* Writes fmt (translated, its %s all numbers) filled in, escaped. */
static void say(struct page *p, const char *fmt, const char *a, const char *b, const char *c)
{
	char text[400];

	(void)snprintf(text, sizeof text, fmt, a, b, c);
	html_escape(p->out, text);
}

/* Writes fmt, trn's choice for n, with n in it. */
static void say_count(struct page *p, const char *fmt, long n)
{
	struct buf b;

	buf_init(&b, 64);
	say(p, fmt, num(p, &b, (double)n, 0), NULL, NULL);
	buf_free(&b);
}

static void person_link(struct page *p, const struct dash_item *it)
{
	if (it->person_link)
		html_printf(p->out, "<a href=\"/people/%s\">%s</a>", it->person, it->name);
	else
		html_printf(p->out, "<span class=\"person\">%s</span>", it->name);
}

static void team_link(struct page *p, const char *key, const char *name, bool link)
{
	if (link)
		html_printf(p->out, "<a href=\"/teams/%s\">%s</a>", key, name);
	else
		html_printf(p->out, "<span class=\"team\">%s</span>", name);
}

/* The person and their own team, the start of most items. */
static void who(struct page *p, const struct dash_item *it)
{
	person_link(p, it);
	fputs(" <span class=\"muted\">(", p->out);
	team_link(p, it->team, it->team_name, it->team_link);
	fputs(")</span>", p->out);
}

enum list_kind { LIST_BLIND, LIST_KEY_PERSON, LIST_UNASSESSED, LIST_GROWN, LIST_DUE, LIST_OVERDUE,
		 LIST_CHECKIN };

static void write_item(struct page *p, const struct library *lib, enum list_kind k,
		       const struct dash_item *it)
{
	struct buf b1, b2;

	buf_init(&b1, 64);
	buf_init(&b2, 64);
	fputs("<li>", p->out);
	switch (k) {
	case LIST_BLIND:
		who(p, it);
		html_printf(p->out, ": <span class=\"comp\">%s</span> — ",
			    competency_name(lib, it->competency));
		say(p, tr(p->lang, "rates themselves %s, others rate %s"),
		    num(p, &b1, it->before, 1), num(p, &b2, it->after, 1), NULL);
		break;
	case LIST_KEY_PERSON:
		team_link(p, it->team, it->team_name, it->team_link);
		html_printf(p->out, ": <span class=\"comp\">%s</span> — ",
			    competency_name(lib, it->competency));
		say(p, tr(p->lang, "%s need it; only one meets it:"), num(p, &b1, (double)it->count, 0),
		    NULL, NULL);
		fputs(" ", p->out);
		if (it->name != NULL)
			person_link(p, it);
		break;
	case LIST_UNASSESSED:
		who(p, it);
		fputs(" — ", p->out);
		say_count(p, trn(p->lang, "%s required competency without evidence",
				  "%s required competencies without evidence", (unsigned long)(it->count)),
			  it->count);
		break;
	case LIST_GROWN:
		who(p, it);
		html_printf(p->out, ": <span class=\"comp\">%s</span> — ",
			    competency_name(lib, it->competency));
		say(p, tr(p->lang, "gap %s, was %s"), num(p, &b1, it->after, 1),
		    num(p, &b2, it->before, 1), NULL);
		break;
	case LIST_DUE:
		who(p, it);
		fputs(" — ", p->out);
		say_count(p, trn(p->lang, "%s more evaluation this month", "%s more evaluations this month",
				  (unsigned long)it->count), it->count);
		break;
	case LIST_OVERDUE:
		if (it->team != NULL)
			who(p, it);
		else
			person_link(p, it);
		html_printf(p->out, ": <span class=\"comp\">%s</span> — ",
			    competency_name(lib, it->competency));
		(void)fmt_date(&b1, p->lang, it->due);
		say(p, tr(p->lang, "due %s"), buf_str(&b1), NULL, NULL);
		if (it->person_link)
			html_printf(p->out, " <a href=\"/people/%s/plan\">%s</a>", it->person,
				    tr(p->lang, "plan"));
		break;
	case LIST_CHECKIN:
		/* The board of the objective's team, or the organisation's. */
		if (it->team != NULL)
			html_printf(p->out, "<a href=\"/teams/%s/okr#kr-%s\">%s</a> <span class=\"muted\">(",
				    it->team, it->key_result, it->title);
		else
			html_printf(p->out, "<a href=\"/okr#kr-%s\">%s</a> <span class=\"muted\">(",
				    it->key_result, it->title);
		if (it->team != NULL)
			team_link(p, it->team, it->team_name, it->team_link);
		else
			html_escape(p->out, tr(p->lang, "the organisation"));
		html_printf(p->out, ")</span>: %s — ", it->name);
		(void)fmt_date(&b1, p->lang, it->due);
		say(p, tr(p->lang, "check-in due %s"), buf_str(&b1), NULL, NULL);
		break;
	}
	fputs("</li>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

/* One list of what needs attention, as a section with its count. */
static void write_list(struct page *p, const struct library *lib, enum list_kind k,
		       const char *id, const char *title, const char *explain,
		       const struct dash_list *l)
{
	struct buf b;

	buf_init(&b, 64);
	html_printf(p->out, "<section class=\"attention-list\" aria-labelledby=\"%s\">\n"
		    "<h3 id=\"%s\">%s <span class=\"count\">%s</span></h3>\n"
		    "<p class=\"list-note\">%s</p>\n", id, id, title,
		    num(p, &b, (double)l->total, 0), explain);
	if (l->n == 0) {
		html_printf(p->out, "<p class=\"none\">%s</p>\n", tr(p->lang, "None."));
	} else {
		fputs("<ol class=\"items\">\n", p->out);
		for (size_t i = 0; i < l->n; i++)
			write_item(p, lib, k, &l->items[i]);
		fputs("</ol>\n", p->out);
		if (l->total > (long)l->n) {
			fputs("<p class=\"more\">", p->out);
			say_count(p, trn(p->lang, "and %s more",
					  "and %s more", (unsigned long)(l->total - (long)l->n)),
				  l->total - (long)l->n);
			fputs("</p>\n", p->out);
		}
	}
	fputs("</section>\n", p->out);
	buf_free(&b);
}

static void write_attention(struct page *p, const struct library *lib, const struct dashboard *d)
{
	struct buf b1, b2;

	buf_init(&b1, 128);
	buf_init(&b2, 128);
	html_printf(p->out, "<section class=\"attention\" aria-labelledby=\"attention\">\n"
		    "<h2 id=\"attention\">%s</h2>\n<div class=\"attention-grid\">\n",
		    tr(p->lang, "Needs attention now"));
	write_list(p, lib, LIST_BLIND, "blind-spots", tr(p->lang, "Blind spots"),
		   tr(p->lang, "People who rate themselves clearly higher than others rate them."),
		   &d->blind_spots);
	write_list(p, lib, LIST_KEY_PERSON, "key-person-risks", tr(p->lang, "Key-person risks"),
		   tr(p->lang, "Competencies of a team that only one member meets."),
		   &d->key_person_risks);
	write_list(p, lib, LIST_UNASSESSED, "unassessed", tr(p->lang, "Unassessed people"),
		   tr(p->lang, "Members without evidence for a competency their role requires."),
		   &d->unassessed);
	(void)fmt_date(&b1, p->lang, d->last_month);
	buf_reset(&b2);
	(void)buf_printf(&b2, tr(p->lang, "Gaps that are larger today than on %s."),
			 buf_str(&b1));
	write_list(p, lib, LIST_GROWN, "grown-gaps", tr(p->lang, "Gaps that grew since last month"),
		   buf_str(&b2), &d->grown_gaps);
	/* Only where there are quality evaluations of customer contacts. */
	if (d->evaluated_agents > 0) {
		buf_reset(&b2);
		(void)buf_printf(&b2, trn(p->lang,
					  "Agents with fewer evaluations this month than the target of %s.",
					  "Agents with fewer evaluations this month than the target of %s.",
					  (unsigned long)d->qa_target),
				 num(p, &b1, (double)d->qa_target, 0));
		write_list(p, lib, LIST_DUE, "evaluations-due", tr(p->lang, "Evaluations due"),
			   buf_str(&b2), &d->evaluations_due);
	}
	web_alerts_list(p, &d->alerts, DASH_LIST_MAX);
	write_list(p, lib, LIST_OVERDUE, "overdue-actions", tr(p->lang, "Overdue plan actions"),
		   tr(p->lang, "Development plan actions past their due date, not done or dropped."),
		   &d->overdue_actions);
	/* Only where objectives run whose check-ins are late. */
	if (d->overdue_checkins.total > 0)
		write_list(p, lib, LIST_CHECKIN, "overdue-checkins", tr(p->lang, "Overdue check-ins"),
			   tr(p->lang, "Key results of running objectives whose check-in is past its "
				       "due date."), &d->overdue_checkins);
	fputs("</div>\n</section>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

/* The coverage as a bar (decoration) and as text. */
static void write_priority(struct page *p, const struct library *lib, const struct team_line *t)
{
	struct buf b1, b2, b3, pct;
	double cover = t->coverage * 100.0;

	buf_init(&b1, 64);
	buf_init(&b2, 64);
	buf_init(&b3, 64);
	buf_init(&pct, 64);
	(void)buf_printf(&pct, tr(p->lang, "%s%%"), num(p, &b1, cover, 0));
	html_printf(p->out, "<li><span class=\"comp\">%s</span>\n"
		    "<span class=\"coverage\"><svg class=\"coverage-bar\" viewBox=\"0 0 100 8\" "
		    "preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
		    "<rect class=\"bar-bg\" width=\"100\" height=\"8\"/>"
		    "<rect class=\"bar-fg\" width=\"%.1f\" height=\"8\"/></svg> ",
		    competency_name(lib, t->competency), cover < 0 ? 0.0 : cover > 100 ? 100.0 : cover);
	say(p, tr(p->lang, "%s covered (%s of %s)"), buf_str(&pct),
	    num(p, &b2, (double)t->meeting, 0), num(p, &b3, (double)t->required, 0));
	fputs("</span></li>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
	buf_free(&b3);
	buf_free(&pct);
}

static void write_count(struct page *p, const char *label, long n, const char *cls)
{
	struct buf b;

	buf_init(&b, 64);
	html_printf(p->out, "<div class=\"%s%s\"><dt>%s</dt><dd>%s</dd></div>\n",
		    n > 0 ? "flagged " : "", cls, label, num(p, &b, (double)n, 0));
	buf_free(&b);
}

static void write_card(struct page *p, const struct library *lib, const struct dash_card *c)
{
	html_printf(p->out, "<li class=\"team-card depth-%d\">\n<article aria-labelledby=\"team-%s\">\n"
		    "<h3 id=\"team-%s\"><a href=\"/teams/%s\">%s</a></h3>\n<p class=\"members\">",
		    c->depth > 3 ? 3 : c->depth, c->key, c->key, c->key, c->name);
	say_count(p, trn(p->lang, "%s member",
			  "%s members", (unsigned long)(c->members)),
		  c->members);
	html_printf(p->out, "</p>\n<h4>%s</h4>\n", tr(p->lang, "Top priorities"));
	if (c->ntop == 0) {
		html_printf(p->out, "<p class=\"none\">%s</p>\n",
			    tr(p->lang, "No competency is required of its members."));
	} else {
		fputs("<ol class=\"priorities\">\n", p->out);
		for (size_t i = 0; i < c->ntop; i++)
			write_priority(p, lib, &c->top[i]);
		fputs("</ol>\n", p->out);
	}
	html_printf(p->out, "<h4 class=\"visually-hidden\">%s</h4>\n<dl class=\"counts\">\n",
		    tr(p->lang, "Needs attention"));
	write_count(p, tr(p->lang, "Blind spots"), c->blind_spots, "c-blind");
	write_count(p, tr(p->lang, "Key-person risks"), c->key_person_risks, "c-kpr");
	write_count(p, tr(p->lang, "Unassessed people"), c->unassessed_people, "c-unassessed");
	write_count(p, tr(p->lang, "Grown gaps"), c->grown_gaps, "c-grown");
	fputs("</dl>\n</article>\n</li>\n", p->out);
}

static void write_dashboard(struct page *p, const struct library *lib, const struct dashboard *d)
{
	struct buf b1, b2;

	buf_init(&b1, 128);
	buf_init(&b2, 128);
	fputs("<p class=\"lead\">", p->out);
	say_count(p, trn(p->lang, "%s team",
			  "%s teams", (unsigned long)((long)d->nteams)),
		  (long)d->nteams);
	fputs(", ", p->out);
	say_count(p, trn(p->lang, "%s person", "%s people", (unsigned long)(d->people)), d->people);
	fputs(". ", p->out);
	(void)fmt_date(&b1, p->lang, d->today);
	say(p, tr(p->lang, "As of %s."), buf_str(&b1), NULL, NULL);
	fputs("</p>\n", p->out);
	write_attention(p, lib, d);
	html_printf(p->out, "<section class=\"teams\" aria-labelledby=\"teams\">\n"
		    "<h2 id=\"teams\">%s</h2>\n", tr(p->lang, "Your teams"));
	if (d->grouped)
		html_printf(p->out, "<p>%s</p>\n",
			    tr(p->lang, "Each card is a team with the figures of all the teams below it."));
	fputs("<ul class=\"team-cards\">\n", p->out);
	for (size_t i = 0; i < d->ncards; i++)
		write_card(p, lib, &d->cards[i]);
	fputs("</ul>\n</section>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

/* How many of the caller's own plan actions are overdue (0 for a caller
 * linked to no person). 0, or -1 with err set. */
static int own_overdue(struct store *st, const struct http_caller *c, long *n, struct err *err)
{
	struct arena a;
	struct plan_action *v;
	size_t nv;
	int32_t today = date_today();

	*n = 0;
	if (c->person[0] == '\0')
		return 0;
	arena_init(&a, (size_t)1 << 24);
	if (store_plan_of_person(st, c->person, &a, &v, &nv, err) < 0) {
		arena_free(&a);
		return -1;
	}
	for (size_t i = 0; i < nv; i++)
		*n += plan_overdue(v[i].status, v[i].has_due, v[i].due, today);
	arena_free(&a);
	return 0;
}

/* A role without teams: what they can do here, their own page first. */
static void write_intro(struct page *p, long overdue, long checkins)
{
	const struct nav_entry *e[16];
	size_t n;

	html_printf(p->out, "<p class=\"lead\">%s</p>\n",
		    tr(p->lang, "What you can do here, as your role allows:"));
	n = nav_entries(p->caller, e, sizeof e / sizeof e[0]);
	if (overdue > 0) {
		char text[300];

		(void)snprintf(text, sizeof text, trn(p->lang, "%ld action of your development plan is "
			       "overdue.", "%ld actions of your development plan are overdue.",
			       (unsigned long)overdue), overdue);
		page_message(p, "notice", text);
	}
	if (checkins > 0) {
		char text[300];

		(void)snprintf(text, sizeof text, trn(p->lang, "%ld check-in of an objective you own is "
			       "overdue.", "%ld check-ins of objectives you own are overdue.",
			       (unsigned long)checkins), checkins);
		page_message(p, "notice", text);
	}
	fputs("<ul class=\"cards\">\n", p->out);
	if (p->caller->person[0] != '\0') {
		html_printf(p->out, "<li><a href=\"/people/%s\">%s</a><p>%s</p></li>\n",
			    p->caller->person, tr(p->lang, "Your competencies"),
			    tr(p->lang, "Your levels, your evidence and your development focus."));
		html_printf(p->out, "<li><a href=\"/people/%s/plan\">%s</a><p>%s</p></li>\n",
			    p->caller->person, tr(p->lang, "Your development plan"),
			    tr(p->lang, "Your actions, when each is due, and how far you are."));
	}
	for (size_t i = 0; i < n; i++)
		if (strcmp(e[i]->href, "/") != 0)
			html_printf(p->out, "<li><a href=\"%s\">%s</a><p>%s</p></li>\n", e[i]->href,
				    tr(p->lang, e[i]->label), tr(p->lang, e[i]->purpose));
	fputs("</ul>\n", p->out);
}

/* The dashboard's content (what <main> holds below its heading) for the
 * caller, into frag, after a first line naming the analysed subtrees (for
 * the audit log). *teams tells whether the caller may see any team;
 * *checkins how many check-ins of the objectives they see are overdue. 0,
 * or -1 with err set. */
static int make_content(struct page *p, struct store *st, struct buf *frag, bool *teams,
			long *checkins, struct err *err)
{
	struct dashboard d;
	struct library lib;
	struct arena a;
	FILE *page_out = p->out;
	char *text = NULL;
	size_t len = 0;
	int rc;

	arena_init(&a, 1 << 24);
	rc = dashboard_gather(st, p->caller, &d, err);
	*teams = rc == 0 && d.nteams > 0;
	if (rc == 0)
		*checkins = d.overdue_checkins.total;
	if (*teams)
		rc = store_load_library(st, lang_code(p->lang), &a, &lib, err);
	if (rc == 0 && *teams) {
		p->out = open_memstream(&text, &len);
		if (p->out == NULL) {
			rc = err_set(err, EX_OSERR, "out of memory");
		} else {
			write_dashboard(p, &lib, &d);
			rc = fclose(p->out) == 0 ? 0 : err_set(err, EX_OSERR, "out of memory");
		}
		p->out = page_out;
		if (rc == 0 && (buf_printf(frag, "%s\n", d.scope) < 0 || buf_add(frag, text, len) < 0))
			rc = err_set(err, EX_OSERR, "the dashboard is too large");
		free(text);
	}
	dashboard_free(&d);
	arena_free(&a);
	return rc;
}

int handle_home_page(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	const struct http_caller *c = cx->req->caller;
	/* What admin and hr see is the same for both (everything), so it is
	 * kept for the data's generation, in each language, for today. */
	bool everyone = c->role == ROLE_ADMIN || c->role == ROLE_HR;
	struct http_audit au = { 0 };
	struct buf frag;
	struct page p;
	char title[200], key[VIEW_CACHE_KEY_MAX];
	const char *user = c->user, *content;
	bool teams = true;
	long overdue = 0, checkins = 0;
	int64_t generation;
	int rc = 0;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	buf_init(&frag, (size_t)1 << 26);
	generation = store_data_generation(st);
	(void)snprintf(key, sizeof key, "page:dashboard %s %ld", lang_code(p.lang),
		       (long)date_today());
	if (!everyone || view_cache_get(key, generation, &frag) != 1) {
		rc = make_content(&p, st, &frag, &teams, &checkins, &err);
		if (rc == 0 && teams && everyone)
			view_cache_put(key, generation, frag.data, frag.len);
	}
	if (rc == 0 && !teams)
		rc = own_overdue(st, c, &overdue, &err);
	store_rollback(st);
	if (rc < 0) {
		buf_free(&frag);
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	p.nav_current = "/";
	if (!teams) {
		if (strncmp(user, "token:", 6) == 0)
			user += 6;
		(void)snprintf(title, sizeof title, tr(p.lang, "Welcome, %s"), user);
		page_head(&p, title);
		write_intro(&p, overdue, checkins);
		web_alerts_own(&p, st);
	} else {
		page_head(&p, tr(p.lang, "Dashboard"));
		content = strchr(buf_str(&frag), '\n');
		content = content != NULL ? content + 1 : "";
		fputs(content, p.out);
		/* The subtrees' roots, from the content's first line. */
		(void)snprintf(title, sizeof title, "%.*s", (int)(content - buf_str(&frag) - 1),
			       buf_str(&frag));
		au = (struct http_audit){ "read", "team", title, NULL, "ok", NULL };
	}
	buf_free(&frag);
	page_foot(&p);
	rc = page_finish(&p, 200);
	if (rc == 0 && au.action != NULL)
		return http_audit_write(cx, st, &au);
	return rc;
}
