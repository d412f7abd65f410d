/* Peer feedback from a page (docs/web.md, "Peer feedback"): GET /feedback
 * lists the colleagues an employee may give peer feedback about (the
 * active members of their own team), and GET and POST
 * /people/{key}/feedback show and take the evidence form with its source
 * fixed to peer and the STAR note. The page shows of the colleague only
 * their name and the competencies of their role (the library, which every
 * role may read): an employee may give peer evidence about a teammate
 * whose levels and evidence stay out of their reach. Who may use it is
 * exactly who POST /api/v1/evidence lets add a peer row about the person
 * (http_evidence_may_add), and the row is stored by that endpoint's own
 * code (http_evidence_add_noted: its rules, transaction and audit). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "io/html.h"
#include "store/star.h"
#include "store/texts.h"
#include "web/pages.h"
#include "web/person.h"

/* ---- GET /feedback ------------------------------------------------------------ */

struct mates {
	struct page *p;
	const char *team, *self;
	size_t n;
};

static int write_mate(void *ctx, const struct person *who)
{
	struct mates *m = ctx;

	/* The page of people holds the sub-teams too: the rule is the team. */
	if (who->team == NULL || strcmp(who->team, m->team) != 0 || strcmp(who->key, m->self) == 0)
		return 0;
	if (m->n++ == 0)
		fputs("<ul class=\"mates\">\n", m->p->out);
	html_printf(m->p->out, "<li><a href=\"/people/%s/feedback\">%s</a></li>\n", who->key, who->name);
	return 0;
}

/* The active members of the team, a page of the store at a time. */
static int write_mates(struct store *st, struct mates *m, struct err *err)
{
	char next[KEY_MAX + 1] = "";
	struct page_query q = { .limit = STORE_PAGE_MAX, .team = m->team, .state = PEOPLE_ACTIVE };

	do {
		q.after = next[0] != '\0' ? arena_strdup(m->p->cx->arena, next) : NULL;
		if (store_page_people(st, &q, write_mate, m, next, err) < 0)
			return -1;
	} while (next[0] != '\0');
	return 0;
}

int handle_feedback_list(struct http_ctx *cx)
{
	const struct http_caller *c = cx->req->caller;
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct person me;
	struct page p;
	int rc = 0;

	if (page_begin(&p, cx) < 0)
		return 0;
	p.nav_current = "/feedback";
	page_head(&p, tr(p.lang, "Feedback to a colleague"));
	if (c->role != ROLE_EMPLOYEE || c->person[0] == '\0') {
		html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "This page is for employees, to give "
			    "feedback to the colleagues of their team. You give evidence about the "
			    "people you work with from their own page."));
		page_foot(&p);
		return page_finish(&p, 200);
	}
	if (st == NULL || store_begin_read(st, &err) < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	rc = store_get_person(st, c->person, &me, cx->arena, &err);
	if (rc == 1 && me.team != NULL) {
		struct mates m = { &p, me.team, c->person, 0 };

		html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "Choose a colleague of your team to say "
			    "how you see them work on a competency of their role. They see your "
			    "feedback among their evidence without your name."));
		rc = write_mates(st, &m, &err) < 0 ? -1 : 1;
		if (m.n > 0)
			fputs("</ul>\n", p.out);
		else if (rc == 1)
			html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "Your team has no other members."));
	} else if (rc >= 0) {
		html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "You are in no team, so there is no "
			    "colleague to give feedback to."));
	}
	store_rollback(st);
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	page_foot(&p);
	return page_finish(&p, 200);
}

/* ---- GET and POST /people/{key}/feedback ----------------------------------- */

/* The role's competencies with their descriptions, so that the one giving
 * feedback knows what each means (no levels: those are not theirs to see). */
static void write_competencies(struct page *p, const struct library *lib,
			       const struct library_role *role)
{
	html_printf(p->out, "<h2 id=\"competencies\">%s</h2>\n<dl class=\"feedback-competencies\">\n",
		    tr(p->lang, "The competencies of their role"));
	for (size_t i = 0; i < role->nrequirements; i++)
		for (size_t k = 0; k < lib->ncompetencies; k++) {
			const struct library_competency *c = &lib->competencies[k];

			if (strcmp(c->key, role->requirements[i].competency) != 0)
				continue;
			html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", c->name,
				    c->description != NULL ? c->description : "");
		}
	fputs("</dl>\n", p->out);
}

/* Answers the page about key with status (200; 422 with f, the form
 * shown again): 404 when the caller may not give peer evidence about them
 * because they are absent or out of reach, 403 when their role may not
 * give peer evidence. Returns 0. */
static int answer(struct http_ctx *cx, struct page *p, const char *key,
		  const struct person_form *f, int status)
{
	struct http_audit au = { "read", "person", key, key, "denied", "feedback" };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	const struct library_role *role = NULL;
	const char **keys = NULL;
	size_t nkeys = 0;
	struct library lib;
	struct person who;
	char title[400], action[300];
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0) {
		page_discard(p);
		return page_error(cx, 503, NULL);
	}
	rc = http_evidence_may_add(cx, st, key, SOURCE_PEER);
	if (rc == 1)
		rc = store_get_person(st, key, &who, cx->arena, &err);
	if (rc == 1)
		rc = store_load_library(st, lang_code(p->lang), cx->arena, &lib, &err) < 0 ? -1 : 1;
	store_rollback(st);
	if (rc != 1) {
		page_discard(p);
		page_error(cx, rc == 0 ? 404 : rc == -2 ? 403 : 503, NULL);
		return rc == -1 ? 0 : http_audit_write(cx, st, &au);
	}
	for (size_t i = 0; who.role != NULL && i < lib.nroles; i++)
		if (strcmp(lib.roles[i].key, who.role) == 0)
			role = &lib.roles[i];
	if (role != NULL) {
		keys = arena_alloc(cx->arena, (role->nrequirements + 1) * sizeof *keys);
		for (size_t i = 0; keys != NULL && i < role->nrequirements; i++)
			keys[nkeys++] = role->requirements[i].competency;
	}
	p->nav_current = "/feedback";
	(void)snprintf(title, sizeof title, tr(p->lang, "Feedback for %s"), who.name);
	page_head(p, title);
	if (f == NULL && http_query(cx->req, "given") != NULL)
		page_message(p, "ok", tr(p->lang, "Thank you: your feedback was stored."));
	html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "Describe what you saw this colleague do, "
		    "on one competency at a time: the level you would give (1 to 5) and, best, an "
		    "example as a STAR note. Your feedback is stored as peer evidence; they see it "
		    "without your name."));
	(void)snprintf(action, sizeof action, "/people/%s/feedback", key);
	person_form_render(p, &(struct person_form_spec){
		.action = action, .key = key, .lib = &lib, .competencies = keys,
		.ncompetencies = nkeys, .peer_only = true,
		.heading = tr(p->lang, "Give feedback"), .submit = tr(p->lang, "Give feedback") }, f);
	if (role != NULL)
		write_competencies(p, &lib, role);
	page_foot(p);
	return page_finish(p, status);
}

int handle_feedback_page(struct http_ctx *cx)
{
	struct page p;

	if (page_begin(&p, cx) < 0)
		return 0;
	return answer(cx, &p, http_param(cx->req, "key"), NULL, 200);
}

/* Puts the API's complaint about a field beside it, in the reader's words. */
static void field_refused(struct person_form *f, const struct field_error *fe, enum lang l)
{
	const char *dot = strchr(fe->field, '.');
	const char *field = dot != NULL ? dot + 1 : fe->field;

	if (strcmp(field, "competency") == 0)
		f->competency_error = tr(l, "Choose a competency of the list.");
	else if (strcmp(field, "level") == 0)
		f->level_error = tr(l, "Give a level from 1 to 5, such as 3 or 3.5.");
	else if (strcmp(field, "date") == 0)
		f->date_error = tr(l, "Give a date that is not in the future.");
	else if (strcmp(field, "note") == 0)
		f->note_error = tr(l, "This value cannot be stored. Check it and try again.");
	else
		f->message = tr(l, "This value cannot be stored. Check it and try again.");
}

int handle_feedback_post(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct person_form *f = arena_alloc(cx->arena, sizeof *f);
	struct evidence_star star = { 0 };
	struct field_error fe = { 0 };
	const char *values[7] = { 0 };
	char location[300];
	struct page p;
	long stored = 0;
	int rc;

	if (f == NULL)
		return page_error(cx, 500, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	*f = (struct person_form){ 0 };
	/* Whatever was posted, this form gives peer evidence. */
	f->source = "peer";
	f->competency = page_field(&p, "competency");
	f->level = page_field(&p, "level");
	f->date = page_field(&p, "date");
	f->note = page_field(&p, "note");
	for (int i = 0; i < STAR_PARTS; i++)
		f->star[i] = page_field(&p, star_part_names[i]);
	if (!person_form_check(&p, key, f, &values[2], &star)) {
		/* A role that may not give peer evidence at all: the page's 403. */
		if (f->source_error != NULL) {
			page_discard(&p);
			if (page_begin(&p, cx) < 0)
				return 0;
			return answer(cx, &p, key, NULL, 403);
		}
		return answer(cx, &p, key, f, 422);
	}
	values[0] = key;
	values[1] = f->competency;
	values[3] = "peer";
	values[4] = f->date;
	values[6] = f->note != NULL && f->note[0] != '\0' ? f->note : NULL;
	rc = http_evidence_add_noted(cx, values, &star, 1, &stored, &fe);
	if (rc == 0) {
		page_discard(&p);
		(void)snprintf(location, sizeof location, "/people/%s/feedback?given=1", key);
		return page_redirect(cx, location);
	}
	if (rc < 0) {
		int status = cx->resp->status;

		page_discard(&p);
		return page_error(cx, status == 403 || status == 404 ? status : 503, NULL);
	}
	field_refused(f, &fe, p.lang);
	return answer(cx, &p, key, f, 422);
}
