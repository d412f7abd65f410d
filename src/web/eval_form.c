/* GET and POST /evaluations/new: the evaluation form (docs/web.md,
 * "Quality evaluations"). A coach, a manager, hr or an admin chooses the
 * agent (the people within their reach), the scorecard, the contact's
 * reference, channel and date, and scores each area (yes/no and small
 * scales as radio buttons) with a comment; an agent evaluates their own
 * contact the same way, as a self evaluation, prefilled from a coach's
 * evaluation of it with ?from=KEY. Works without JavaScript: the
 * scorecard is chosen with a GET form first when there are several. The
 * evaluation is stored by POST /api/v1/evaluations's own code
 * (http_evaluation_add: its rules, transaction and audit entry); then the
 * evaluation's page. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/evaluations.h"
#include "http/scope.h"
#include "io/html.h"
#include "util/date.h"
#include "views/views.h"
#include "web/eval_parts.h"
#include "web/pages.h"

enum {
	RADIO_STEPS_MAX = 11         /* a whole-number scale of at most this many
					steps is radio buttons, else a number */
};

/* What the form shows and what was posted, with the errors beside. */
struct eval_form {
	const char *agent, *scorecard, *contact, *channel, *date, *kind, *from;
	const char **scores, **comments;     /* per area of the card, posted */
	const char *agent_error, *contact_error, *channel_error, *date_error, *kind_error;
	const char **area_errors;            /* per area of the card */
	const char *message;                 /* an error above the form */
};

/* What the form is read from: the scorecards, the agents the caller may
 * choose, and the caller's own person. */
struct form_data {
	struct scorecard_def *cards;
	size_t ncards;
	const struct scorecard_def *card;
	bool self;                           /* the caller evaluates their own contact */
	struct scope_page agents;
	const char *own_name;
};

static bool own_person(const struct http_caller *c, const char *key)
{
	return c->person[0] != '\0' && key != NULL && strcmp(c->person, key) == 0;
}

static bool may_evaluate_others(const struct http_caller *c)
{
	return c->role != ROLE_EMPLOYEE;
}

static void field_open(struct page *p, const char *name, const char *label, const char *error)
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

/* The scorecard choice: a GET form, so that the areas come from the server. */
static void card_choice(struct page *p, const struct form_data *d, const struct eval_form *f)
{
	if (d->ncards < 2)
		return;
	fputs("<form method=\"get\" action=\"/evaluations/new\" class=\"form card-choice\">\n", p->out);
	if (f->agent != NULL)
		page_hidden(p, "agent", f->agent);
	if (f->from != NULL)
		page_hidden(p, "from", f->from);
	field_open(p, "card", tr(p->lang, "Scorecard"), NULL);
	fputs("<select id=\"card\" name=\"scorecard\">\n", p->out);
	for (size_t i = 0; i < d->ncards; i++)
		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", d->cards[i].name,
			    &d->cards[i] == d->card ? " selected" : "", d->cards[i].name);
	fputs("</select>\n</div>\n", p->out);
	page_submit(p, tr(p->lang, "Choose the scorecard"));
	page_form_end(p);
}

static void agent_field(struct page *p, const struct form_data *d, const struct eval_form *f)
{
	if (d->self) {
		page_hidden(p, "agent", p->caller->person);
		page_hidden(p, "kind", "self");
		html_printf(p->out, "<p class=\"fixed\">%s <strong>%s</strong> \xc2\xb7 %s</p>\n",
			    tr(p->lang, "Agent:"), d->own_name, tr(p->lang, "Self evaluation"));
		return;
	}
	field_open(p, "agent", tr(p->lang, "Agent"), f->agent_error);
	fputs("<select id=\"agent\" name=\"agent\" required", p->out);
	invalid_attrs(p, "agent", f->agent_error);
	fputs(">\n", p->out);
	for (size_t i = 0; i < d->agents.n; i++) {
		const struct person *who = &d->agents.people[i];

		if (own_person(p->caller, who->key))
			continue;
		html_printf(p->out, "<option value=\"%s\"%s>%s (%s)</option>\n", who->key,
			    f->agent != NULL && strcmp(f->agent, who->key) == 0 ? " selected" : "",
			    who->name != NULL ? who->name : who->key, who->key);
	}
	fputs("</select>\n</div>\n", p->out);
	field_open(p, "kind", tr(p->lang, "Kind"), f->kind_error);
	fputs("<select id=\"kind\" name=\"kind\"", p->out);
	invalid_attrs(p, "kind", f->kind_error);
	fputs(">\n", p->out);
	{
		static const char *const kinds[] = { "manager", "peer", "calibration" };

		for (size_t i = 0; i < 3; i++)
			html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", kinds[i],
				    f->kind != NULL && strcmp(f->kind, kinds[i]) == 0 ? " selected" : "",
				    eval_kind_label(p->lang, kinds[i]));
	}
	fputs("</select>\n</div>\n", p->out);
}

static void channel_field(struct page *p, const struct eval_form *f)
{
	field_open(p, "channel", tr(p->lang, "Channel"), f->channel_error);
	fputs("<select id=\"channel\" name=\"channel\"", p->out);
	invalid_attrs(p, "channel", f->channel_error);
	fputs(">\n", p->out);
	for (int c = 0; c < CHANNEL_COUNT; c++) {
		const char *name = channel_name((enum channel)c);

		html_printf(p->out, "<option value=\"%s\"%s>%s</option>\n", name,
			    f->channel != NULL && strcmp(f->channel, name) == 0 ? " selected" : "",
			    eval_channel_label(p->lang, name));
	}
	fputs("</select>\n</div>\n", p->out);
}

/* Whether v is the posted value of a radio button of value x. */
static bool chosen(const char *v, double x)
{
	char *end;
	double got;

	if (v == NULL || v[0] == '\0')
		return false;
	errno = 0;
	got = strtod(v, &end);
	return errno == 0 && *end == '\0' && got == x;
}

static void area_field(struct page *p, const struct scorecard_area_def *a, size_t i,
		       const struct eval_form *f)
{
	enum lang l = p->lang;
	const char *value = f->scores != NULL ? f->scores[i] : NULL;
	const char *error = f->area_errors != NULL ? f->area_errors[i] : NULL;
	char name[32], comment[32], hint[200];
	double steps = a->a.max - a->a.min;

	(void)snprintf(name, sizeof name, "score-%zu", i);
	(void)snprintf(comment, sizeof comment, "comment-%zu", i);
	html_printf(p->out, "<fieldset class=\"area%s\"", error != NULL ? " invalid" : "");
	if (error != NULL)
		html_printf(p->out, " aria-describedby=\"%s-error\"", name);
	html_printf(p->out, ">\n<legend>%s", a->name);
	if (a->a.critical)
		html_printf(p->out, " <span class=\"badge risk\">%s</span>", tr(l, "critical"));
	fputs("</legend>\n", p->out);
	(void)snprintf(hint, sizeof hint, tr(l, "Weight %s"), eval_num(p, a->a.weight, 1));
	html_printf(p->out, "<p class=\"hint\">%s \xc2\xb7 ", hint);
	if (a->a.min == 0 && a->a.max == 1)
		html_printf(p->out, "%s", tr(l, "yes or no"));
	else
		html_printf(p->out, tr(l, "from %s to %s"), eval_num(p, a->a.min, 0),
			    eval_num(p, a->a.max, 0));
	fputs("</p>\n", p->out);
	if (error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"%s-error\">%s</p>\n", name, error);
	if (a->a.min == 0 && a->a.max == 1) {
		html_printf(p->out, "<div class=\"choices\"><label><input type=\"radio\" id=\"%s-1\" "
			    "name=\"%s\" value=\"1\"%s> %s</label><label><input type=\"radio\" id=\"%s-0\" "
			    "name=\"%s\" value=\"0\"%s> %s</label></div>\n", name, name,
			    chosen(value, 1) ? " checked" : "", tr(l, "Yes"), name, name,
			    chosen(value, 0) ? " checked" : "", tr(l, "No"));
	} else if (floor(a->a.min) == a->a.min && floor(a->a.max) == a->a.max &&
		   steps < RADIO_STEPS_MAX) {
		fputs("<div class=\"choices\">", p->out);
		for (double x = a->a.min; x <= a->a.max; x += 1)
			html_printf(p->out, "<label><input type=\"radio\" id=\"%s-%.0f\" name=\"%s\" "
				    "value=\"%.0f\"%s> %s</label>", name, x, name, x,
				    chosen(value, x) ? " checked" : "", eval_num(p, x, 0));
		fputs("</div>\n", p->out);
	} else {
		html_printf(p->out, "<label for=\"%s\" class=\"vh\">%s</label><input id=\"%s\" name=\"%s\" "
			    "type=\"number\" step=\"any\" value=\"%s\">\n", name, tr(l, "Score"), name, name,
			    value != NULL ? value : "");
	}
	html_printf(p->out, "<div class=\"field\"><label for=\"%s\">%s</label><textarea id=\"%s\" "
		    "name=\"%s\" rows=\"2\">%s</textarea></div>\n</fieldset>\n", comment, tr(l, "Comment"),
		    comment, comment, f->comments != NULL && f->comments[i] != NULL ? f->comments[i] : "");
}

static void write_form(struct page *p, const struct form_data *d, const struct eval_form *f)
{
	enum lang l = p->lang;
	char today[DATE_ISO_LEN + 1];

	date_format(date_today(), today);
	if (f->message != NULL)
		page_message(p, "error", f->message);
	card_choice(p, d, f);
	page_form_begin(p, "/evaluations/new");
	page_hidden(p, "scorecard", d->card->name);
	if (f->from != NULL)
		page_hidden(p, "from", f->from);
	agent_field(p, d, f);
	page_input(p, &(struct page_input){
		.name = "contact", .label = tr(l, "Contact reference"), .value = f->contact,
		.hint = tr(l, "The reference of the call, e-mail or chat in your contact system."),
		.error = f->contact_error, .required = true,
	});
	channel_field(p, f);
	page_input(p, &(struct page_input){
		.name = "date", .label = tr(l, "Date of the contact"), .type = "date",
		.value = f->date != NULL ? f->date : today, .error = f->date_error, .required = true,
	});
	html_printf(p->out, "<h2 id=\"areas\">%s</h2>\n<p class=\"hint\">%s</p>\n",
		    tr(l, "Scores per area"), tr(l, "Score each area you could judge; an area left "
		    "open does not count."));
	for (size_t i = 0; i < d->card->nareas; i++)
		area_field(p, &d->card->areas[i], i, f);
	page_submit(p, tr(l, "Save the evaluation"));
	page_form_end(p);
}

/* Reads what the form needs. 1 done; 0 the 404 page (an agent or
 * evaluation out of reach); -2 the 403 page; -1 the store failed. */
static int gather(struct http_ctx *cx, struct store *st, struct eval_form *f, struct form_data *d,
		  struct page *p)
{
	const struct http_caller *c = cx->req->caller;
	struct err err = { 0 };
	int rc;

	if (f->from != NULL) {
		struct qa_stored_eval e;

		/* A self evaluation of the contact of one's own evaluation. */
		rc = store_get_evaluation(st, f->from, cx->arena, &e, &err);
		if (rc <= 0)
			return rc;
		if (!own_person(c, e.agent))
			return 0;
		f->agent = e.agent;
		if (f->contact == NULL)
			f->contact = e.contact;
		if (f->channel == NULL)
			f->channel = e.channel;
		if (f->date == NULL) {
			char *iso = arena_alloc(cx->arena, DATE_ISO_LEN + 1);

			if (iso != NULL)
				date_format(e.date, iso);
			f->date = iso;
		}
		if (f->scorecard == NULL)
			f->scorecard = e.scorecard;
	}
	d->self = c->role == ROLE_EMPLOYEE || own_person(c, f->agent) || f->from != NULL;
	if (d->self && c->person[0] == '\0')
		return -2;
	if (!d->self && !may_evaluate_others(c))
		return -2;
	if (d->self) {
		f->agent = c->person;
		d->own_name = eval_person_name(p, st, c->person);
	} else {
		struct page_query q = { .limit = STORE_PAGE_MAX, .state = PEOPLE_ACTIVE };

		if (f->agent != NULL) {
			rc = http_may_evaluate(cx, st, f->agent);
			if (rc <= 0)
				return rc;
		}
		if (scope_page_read(st, c, ENTITY_PERSON, &q, cx->arena, &d->agents, &err) < 0)
			return -1;
	}
	if (store_load_scorecards(st, cx->arena, &d->cards, &d->ncards, &err) < 0)
		return -1;
	for (size_t i = 0; f->scorecard != NULL && i < d->ncards; i++)
		if (strcmp(d->cards[i].name, f->scorecard) == 0)
			d->card = &d->cards[i];
	if (d->card == NULL && d->ncards > 0)
		d->card = &d->cards[0];
	return 1;
}

static int answer(struct http_ctx *cx, struct eval_form *f, int status)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct form_data d = { 0 };
	struct page p;
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	rc = gather(cx, st, f, &d, &p);
	store_rollback(st);
	if (rc != 1) {
		page_discard(&p);
		return page_error(cx, rc == 0 ? 404 : rc == -2 ? 403 : 503, NULL);
	}
	p.nav_current = NULL;
	page_head(&p, d.self ? tr(p.lang, "Evaluate your own contact") : tr(p.lang, "New evaluation"));
	if (d.self)
		html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "Listen to or read your contact again and "
			    "score it on the scorecard as your coach would. Comparing your view with "
			    "your coach's shows where you see your work differently."));
	if (d.card == NULL)
		html_printf(p.out, "<p>%s</p>\n", tr(p.lang, "There is no scorecard yet. An "
			    "administrator imports the scorecards (scorecards.csv) first."));
	else
		write_form(&p, &d, f);
	page_foot(&p);
	return page_finish(&p, status);
}

int handle_evaluation_new_page(struct http_ctx *cx)
{
	struct eval_form f = { 0 };

	f.agent = http_query(cx->req, "agent");
	f.scorecard = http_query(cx->req, "scorecard");
	f.from = http_query(cx->req, "from");
	if (f.agent != NULL && f.agent[0] == '\0')
		f.agent = NULL;
	if (f.from != NULL && f.from[0] == '\0')
		f.from = NULL;
	return answer(cx, &f, 200);
}

/* Puts the refusal of fe beside its field, in the reader's words. */
static void field_refused(struct eval_form *f, const struct field_error *fe, const size_t *card_of,
			  enum lang l)
{
	const char *field = fe->field;

	if (strcmp(field, "contact") == 0)
		f->contact_error = tr(l, "Give the contact's reference: letters and digits, without "
				      "spaces at either end.");
	else if (strcmp(field, "date") == 0)
		f->date_error = tr(l, "Give the date of the contact as YYYY-MM-DD, not in the future.");
	else if (strcmp(field, "channel") == 0)
		f->channel_error = tr(l, "Choose a channel of the list.");
	else if (strcmp(field, "kind") == 0)
		f->kind_error = tr(l, "Choose a kind of the list.");
	else if (strcmp(field, "agent") == 0)
		f->agent_error = tr(l, "Choose an agent of the list.");
	else if (strcmp(field, "evaluator") == 0)
		f->message = tr(l, "Your account is linked to no person, so an evaluation cannot name "
				"you as its evaluator. Ask an administrator to link it.");
	else if (strcmp(field, "areas") == 0)
		f->message = tr(l, "Score at least one area.");
	else if (strncmp(field, "areas[", 6) == 0) {
		size_t j = strtoul(field + 6, NULL, 10);

		if (f->area_errors != NULL)
			f->area_errors[card_of[j]] = tr(l, "Choose a score on the area's scale.");
	} else {
		f->message = tr(l, "The evaluation cannot be stored. Check it and try again.");
	}
}

int handle_evaluation_new_post(struct http_ctx *cx)
{
	struct eval_form f = { 0 };
	struct eval_request r = { 0 };
	struct eval_request_area *areas;
	struct field_error fe = { 0 };
	struct scorecard_def *cards = NULL;
	const struct scorecard_def *card = NULL;
	size_t ncards = 0, n = 0, *card_of;
	char key[KEY_MAX + 1], location[KEY_MAX + 40];
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct page p;
	bool bad = false;
	int rc;

	if (page_begin(&p, cx) < 0)
		return 0;
	f.agent = page_field(&p, "agent");
	f.kind = page_field(&p, "kind");
	f.scorecard = page_field(&p, "scorecard");
	f.contact = page_field(&p, "contact");
	f.channel = page_field(&p, "channel");
	f.date = page_field(&p, "date");
	f.from = page_field(&p, "from");
	if (f.from != NULL && f.from[0] == '\0')
		f.from = NULL;
	page_discard(&p);
	/* The scorecard's areas, to read the posted scores by. */
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	rc = store_load_scorecards(st, cx->arena, &cards, &ncards, &err);
	store_rollback(st);
	if (rc < 0)
		return page_error(cx, 503, NULL);
	for (size_t i = 0; f.scorecard != NULL && i < ncards; i++)
		if (strcmp(cards[i].name, f.scorecard) == 0)
			card = &cards[i];
	if (card == NULL)
		return page_error(cx, 400, NULL);
	f.scores = arena_alloc(cx->arena, (card->nareas + 1) * sizeof *f.scores);
	f.comments = arena_alloc(cx->arena, (card->nareas + 1) * sizeof *f.comments);
	f.area_errors = arena_alloc(cx->arena, (card->nareas + 1) * sizeof *f.area_errors);
	areas = arena_alloc(cx->arena, (card->nareas + 1) * sizeof *areas);
	card_of = arena_alloc(cx->arena, (card->nareas + 1) * sizeof *card_of);
	if (f.scores == NULL || f.comments == NULL || f.area_errors == NULL || areas == NULL ||
	    card_of == NULL)
		return page_error(cx, 500, NULL);
	if (page_begin(&p, cx) < 0)
		return 0;
	for (size_t i = 0; i < card->nareas; i++) {
		char name[32];
		char *end;
		double v;

		(void)snprintf(name, sizeof name, "score-%zu", i);
		f.scores[i] = page_field(&p, name);
		(void)snprintf(name, sizeof name, "comment-%zu", i);
		f.comments[i] = page_field(&p, name);
		f.area_errors[i] = NULL;
		if (f.scores[i] == NULL || f.scores[i][0] == '\0')
			continue;
		errno = 0;
		v = strtod(f.scores[i], &end);
		if (errno != 0 || *end != '\0' || end == f.scores[i] || !isfinite(v)) {
			f.area_errors[i] = tr(p.lang, "Choose a score on the area's scale.");
			bad = true;
			continue;
		}
		card_of[n] = i;
		areas[n++] = (struct eval_request_area){ card->areas[i].name, v, f.comments[i] };
	}
	page_discard(&p);
	if (bad)
		return answer(cx, &f, 422);
	r = (struct eval_request){
		.contact = f.contact != NULL && f.contact[0] != '\0' ? f.contact : NULL,
		.channel = f.channel, .agent = f.agent, .kind = f.kind,
		.date = f.date != NULL && f.date[0] != '\0' ? f.date : NULL,
		.scorecard = card->name, .areas = areas, .nareas = n,
	};
	if (cx->req->caller != NULL && own_person(cx->req->caller, f.agent))
		r.kind = "self";
	rc = http_evaluation_add(cx, &r, key, &fe);
	if (rc == 0) {
		(void)snprintf(location, sizeof location, "/evaluations/%s?saved=1", key);
		return page_redirect(cx, location);
	}
	if (rc < 0) {
		int status = cx->resp->status;

		return page_error(cx, status == 403 || status == 404 ? status : 503, NULL);
	}
	if (fe.field[0] == '\0' || strcmp(fe.field, "contact") == 0 || strcmp(fe.field, "date") == 0 ||
	    strcmp(fe.field, "channel") == 0 || strcmp(fe.field, "kind") == 0 ||
	    strcmp(fe.field, "agent") == 0 || strcmp(fe.field, "evaluator") == 0 ||
	    strncmp(fe.field, "areas", 5) == 0)
		field_refused(&f, &fe, card_of, page_lang(cx));
	else
		f.message = tr(page_lang(cx), "The evaluation cannot be stored. Check it and try again.");
	return answer(cx, &f, 422);
}
