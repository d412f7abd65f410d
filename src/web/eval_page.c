/* The pages of one evaluation and of a person's evaluations (docs/web.md,
 * "Quality evaluations"):
 *   GET /evaluations/{key}          each area's score and percentage, the
 *                                   evaluation's score, auto-fail and praise,
 *                                   and the calibration: the other views of
 *                                   the same contact side by side, per area
 *                                   the difference in percentage points and
 *                                   each view's alignment;
 *   GET /people/{key}/evaluations   the person's evaluations of a month or
 *                                   all, with links to evaluate.
 * Read with the API's documents (views/evaluations.h) and the API's
 * checks of who sees what (http_evaluation_visible, http_visible): out of
 * reach is the 404 page, as absent. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/evaluations.h"
#include "i18n/i18n.h"
#include "io/html.h"
#include "util/date.h"
#include "views/evaluations.h"
#include "web/eval_parts.h"
#include "web/pages.h"

/* ---- shared parts ---------------------------------------------------- */

const char *eval_kind_label(enum lang l, const char *kind)
{
	if (kind == NULL)
		return "";
	if (strcmp(kind, "manager") == 0)
		return tr(l, "Coach or team lead");
	if (strcmp(kind, "peer") == 0)
		return tr(l, "Colleague");
	if (strcmp(kind, "self") == 0)
		return tr(l, "Self evaluation");
	if (strcmp(kind, "calibration") == 0)
		return tr(l, "Calibration");
	return kind;
}

const char *eval_channel_label(enum lang l, const char *channel)
{
	if (channel == NULL)
		return "";
	if (strcmp(channel, "phone") == 0)
		return tr(l, "Phone");
	if (strcmp(channel, "email") == 0)
		return tr(l, "Email");
	if (strcmp(channel, "chat") == 0)
		return tr(l, "Chat");
	if (strcmp(channel, "social") == 0)
		return tr(l, "Social media");
	if (strcmp(channel, "desk") == 0)
		return tr(l, "Desk");
	return channel;
}

static const char *keep(struct page *p, struct buf *b, int rc)
{
	char *s = rc == 0 ? arena_strdup(p->cx->arena, buf_str(b)) : NULL;

	buf_free(b);
	return s != NULL ? s : "";
}

const char *eval_num(struct page *p, double v, int decimals)
{
	struct buf b;

	buf_init(&b, 64);
	return keep(p, &b, fmt_number(&b, p->lang, v, decimals));
}

const char *eval_pct(struct page *p, double v)
{
	struct buf b;
	int rc;

	if (isnan(v))
		return "\xe2\x80\x93";
	buf_init(&b, 64);
	rc = fmt_number(&b, p->lang, v, 1);
	if (rc == 0)
		rc = buf_adds(&b, "\xc2\xa0%");
	return keep(p, &b, rc);
}

const char *eval_points(struct page *p, double v)
{
	struct buf b;
	int rc = 0;

	if (isnan(v))
		return "\xe2\x80\x93";
	buf_init(&b, 64);
	if (v >= 0.05)
		rc = buf_adds(&b, "+");
	if (rc == 0)
		rc = fmt_number(&b, p->lang, v, 1);
	if (rc == 0)
		rc = buf_adds(&b, "\xc2\xa0");
	if (rc == 0)
		rc = buf_adds(&b, tr(p->lang, "pp"));
	return keep(p, &b, rc);
}

const char *eval_date(struct page *p, int32_t days)
{
	struct buf b;

	buf_init(&b, 64);
	return keep(p, &b, fmt_date_short(&b, p->lang, days));
}

const char *eval_person_name(struct page *p, struct store *st, const char *key)
{
	struct person who;
	struct err err = { 0 };

	if (key == NULL)
		return "";
	if (store_get_person(st, key, &who, p->cx->arena, &err) == 1 && who.name != NULL)
		return who.name;
	return key;
}

/* ---- GET /evaluations/{key} -------------------------------------------- */

/* The names the page shows, read in its transaction. */
struct names {
	const char *agent, *evaluator;
	const char **views;              /* per view: its evaluator's name, or "" */
};

static void write_facts(struct page *p, const struct evaluation_view *v, const struct names *n)
{
	const struct qa_stored_eval *e = &v->e;
	enum lang l = p->lang;

	fputs("<dl class=\"facts\">\n", p->out);
	html_printf(p->out, "<dt>%s</dt><dd><a href=\"/people/%s/evaluations\">%s</a></dd>\n",
		    tr(l, "Agent"), e->agent, n->agent);
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(l, "Contact"), e->contact);
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(l, "Channel"),
		    eval_channel_label(l, e->channel));
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(l, "Date"), eval_date(p, e->date));
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(l, "Kind"), eval_kind_label(l, e->kind));
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(l, "Evaluator"),
		    e->evaluator != NULL ? n->evaluator : tr(l, "not shown"));
	html_printf(p->out, "<dt>%s</dt><dd>%s ", tr(l, "Scorecard"), e->scorecard);
	html_printf(p->out, tr(l, "(version %d)"), e->version);
	fputs("</dd>\n</dl>\n", p->out);
}

static void write_result(struct page *p, const struct evaluation_view *v)
{
	enum lang l = p->lang;
	char text[400];

	html_printf(p->out, "<p class=\"eval-score\">%s <strong>%s</strong></p>\n",
		    tr(l, "Evaluation score:"), eval_pct(p, v->result.score));
	if (v->e.retracted_at != NULL) {
		(void)snprintf(text, sizeof text, tr(l, "This evaluation was retracted: %s"),
			       v->e.retract_reason != NULL ? v->e.retract_reason : "");
		page_message(p, "notice", text);
	}
	if (v->result.auto_failed)
		/* xgettext:no-c-format */
		page_message(p, "error", tr(l, "Auto-fail: a critical area scored under 50 %, so the "
					    "evaluation scores 0."));
	if (v->result.praise)
		/* xgettext:no-c-format */
		page_message(p, "ok", tr(l, "Praise: this evaluation scores 95 % or more."));
}

/* The scale of an area as the reader reads it: "yes/no", "1–5". */
static void write_scale(struct page *p, const struct qa_area *a)
{
	if (a->min == 0 && a->max == 1)
		html_printf(p->out, "%s", tr(p->lang, "yes/no"));
	else
		html_printf(p->out, "%s\xe2\x80\x93%s", eval_num(p, a->min, 0), eval_num(p, a->max, 0));
}

static void write_score(struct page *p, const struct qa_stored_score *s)
{
	if (s->a.min == 0 && s->a.max == 1 && (s->score == 0 || s->score == 1))
		html_printf(p->out, "%s", s->score == 1 ? tr(p->lang, "yes") : tr(p->lang, "no"));
	else
		html_printf(p->out, "%s", eval_num(p, s->score, floor(s->score) == s->score ? 0 : 2));
}

static void write_areas(struct page *p, const struct evaluation_view *v)
{
	enum lang l = p->lang;

	/* The percentage first after the area: what a narrow screen shows. */
	html_printf(p->out, "<h2 id=\"areas\">%s</h2>\n<div class=\"scroll\" role=\"region\" "
		    "tabindex=\"0\" aria-labelledby=\"areas\"><table class=\"eval-areas\">\n"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
		    "<tbody>\n", tr(l, "Areas"), tr(l, "Area"), tr(l, "Percentage"), tr(l, "Score"),
		    tr(l, "Scale"), tr(l, "Weight"), tr(l, "Comment"));
	for (size_t i = 0; i < v->e.nscores; i++) {
		const struct qa_stored_score *s = &v->e.scores[i];
		bool failed = s->a.critical && v->percentage[i] < QA_CRITICAL_PERCENT;

		fputs(failed ? "<tr class=\"failed\">" : "<tr>", p->out);
		html_printf(p->out, "<th scope=\"row\">%s", s->area);
		if (s->a.critical)
			html_printf(p->out, " <span class=\"badge risk\">%s</span>", tr(l, "critical"));
		html_printf(p->out, "</th><td class=\"num\">%s</td><td class=\"num\">",
			    eval_pct(p, v->percentage[i]));
		write_score(p, s);
		fputs("</td><td class=\"num\">", p->out);
		write_scale(p, &s->a);
		html_printf(p->out, "</td><td class=\"num\">%s</td><td>%s</td></tr>\n",
			    eval_num(p, s->a.weight, 1), s->comment != NULL ? s->comment : "");
	}
	fputs("</tbody></table></div>\n", p->out);
}

/* Whether the caller is the agent and no self view of theirs is among c's. */
static bool may_self_evaluate(const struct page *p, const struct evaluation_calibration *c)
{
	if (p->caller == NULL || strcmp(p->caller->person, c->base.e.agent) != 0 ||
	    strcmp(c->base.e.kind, "self") == 0)
		return false;
	for (size_t v = 0; v < c->nviews; v++)
		if (strcmp(c->views[v].e.kind, "self") == 0)
			return false;
	return true;
}

static void write_calibration(struct page *p, const struct evaluation_calibration *c,
			      const struct names *n)
{
	enum lang l = p->lang;
	size_t nb = c->base.e.nscores;

	html_printf(p->out, "<section aria-labelledby=\"calibration\"><h2 id=\"calibration\">%s</h2>\n",
		    tr(l, "Calibration: other views of this contact"));
	if (may_self_evaluate(p, c)) {
		html_printf(p->out, "<p><a class=\"button-link\" href=\"/evaluations/new?from=%s\">%s</a></p>\n",
			    c->base.e.key, tr(l, "Evaluate this contact yourself"));
	}
	if (c->nviews == 0) {
		html_printf(p->out, "<p>%s</p>\n</section>\n", tr(l, "Nobody else has evaluated this "
			    "contact yet. When the agent or another coach evaluates it, their view "
			    "appears here beside this one."));
		return;
	}
	/* xgettext:no-c-format */
	html_printf(p->out, "<p class=\"hint\">%s</p>\n", tr(l, "Per area the percentage of each view "
		    "and its difference from this evaluation in percentage points (pp). The alignment "
		    "is 100 % when two views agree on every area."));
	html_printf(p->out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"calibration\"><table class=\"calibration\">\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s<br>"
		    "<span class=\"hint\">%s</span></th>", tr(l, "Area"), tr(l, "This evaluation"),
		    eval_kind_label(l, c->base.e.kind));
	for (size_t v = 0; v < c->nviews; v++) {
		const struct qa_stored_eval *o = &c->views[v].e;

		html_printf(p->out, "<th scope=\"col\" class=\"num\"><a href=\"/evaluations/%s\">%s</a><br>"
			    "<span class=\"hint\">%s", o->key, eval_kind_label(l, o->kind), n->views[v]);
		html_printf(p->out, " \xc2\xb7 %s</span></th>", eval_date(p, o->date));
	}
	fputs("</tr></thead>\n<tbody>\n", p->out);
	for (size_t i = 0; i < nb; i++) {
		html_printf(p->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td>",
			    c->base.e.scores[i].area, eval_pct(p, c->base.percentage[i]));
		for (size_t v = 0; v < c->nviews; v++) {
			double d = c->difference[v * nb + i];
			bool far = !isnan(d) && fabs(d) >= 25;

			html_printf(p->out, "<td class=\"num%s\">%s <span class=\"diff\">(%s)</span></td>",
				    far ? " far" : "", eval_pct(p, isnan(d) ? NAN : c->base.percentage[i] + d),
				    eval_points(p, d));
		}
		fputs("</tr>\n", p->out);
	}
	html_printf(p->out, "</tbody><tfoot><tr><th scope=\"row\">%s</th><td class=\"num\">%s</td>",
		    tr(l, "Evaluation score"), eval_pct(p, c->base.result.score));
	for (size_t v = 0; v < c->nviews; v++)
		html_printf(p->out, "<td class=\"num\">%s</td>", eval_pct(p, c->views[v].result.score));
	html_printf(p->out, "</tr><tr><th scope=\"row\">%s</th><td class=\"num\">\xe2\x80\x93</td>",
		    tr(l, "Alignment"));
	for (size_t v = 0; v < c->nviews; v++)
		html_printf(p->out, "<td class=\"num\"><strong>%s</strong></td>",
			    eval_pct(p, c->alignment[v] * 100));
	fputs("</tr></tfoot></table></div>\n</section>\n", p->out);
}

int handle_evaluation_page(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	struct http_audit au = { 0 };
	struct evaluation_calibration c;
	struct names n = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct page p;
	char title[200];
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	rc = evaluation_calibration_gather(st, key, &c, &err);
	if (rc == 0)
		rc = http_evaluation_visible(cx, st, &c.base.e);
	else
		rc = err.code == EX_DATAERR ? 0 : -1;
	if (rc == 0 && err.code != EX_DATAERR)
		au = (struct http_audit){ "read", "evaluation", key, NULL, "denied", NULL };
	if (rc == 1) {
		bool hide = p.caller != NULL && p.caller->role == ROLE_EMPLOYEE;

		n.agent = eval_person_name(&p, st, c.base.e.agent);
		n.evaluator = eval_person_name(&p, st, c.base.e.evaluator);
		n.views = arena_alloc(cx->arena, (c.nviews + 1) * sizeof *n.views);
		for (size_t v = 0; n.views != NULL && v < c.nviews; v++)
			n.views[v] = hide && strcmp(c.views[v].e.kind, "peer") == 0 ? ""
				     : eval_person_name(&p, st, c.views[v].e.evaluator);
		if (n.views == NULL)
			rc = -1;
		if (hide && strcmp(c.base.e.kind, "peer") == 0)
			c.base.e.evaluator = NULL;
	}
	store_rollback(st);
	if (rc != 1) {
		page_discard(&p);
		page_error(cx, rc == 0 ? 404 : 503, NULL);
		evaluation_calibration_free(&c);
		return http_audit_write(cx, st, &au);
	}
	(void)snprintf(title, sizeof title, tr(p.lang, "Evaluation %s"), key);
	p.nav_current = NULL;
	page_head(&p, title);
	if (http_query(cx->req, "saved") != NULL)
		page_message(&p, "ok", tr(p.lang, "The evaluation was stored."));
	write_facts(&p, &c.base, &n);
	write_result(&p, &c.base);
	write_areas(&p, &c.base);
	write_calibration(&p, &c, &n);
	page_foot(&p);
	if (page_finish(&p, 200) == 0 && strcmp(p.caller->person, c.base.e.agent) != 0)
		au = (struct http_audit){ "read", "evaluation", key, c.base.e.agent, "ok", NULL };
	rc = http_audit_write(cx, st, &au);
	evaluation_calibration_free(&c);
	return rc;
}

/* ---- GET /people/{key}/evaluations --------------------------------------- */

static void month_form(struct page *p, const char *key, const char *value, const char *error)
{
	char action[300];

	(void)snprintf(action, sizeof action, "/people/%s/evaluations", key);
	html_printf(p->out, "<form method=\"get\" action=\"%s\" class=\"form asof\">\n", action);
	page_input(p, &(struct page_input){
		.name = "month", .label = tr(p->lang, "Month"), .type = "text", .value = value,
		.hint = tr(p->lang, "YYYY-MM, such as 2026-03; empty for all."), .error = error,
	});
	page_submit(p, tr(p->lang, "Show"));
	page_form_end(p);
}

static void write_list(struct page *p, struct store *st, const struct person_evaluations *pe,
		       bool own, bool hide)
{
	enum lang l = p->lang;

	if (pe->n == 0) {
		html_printf(p->out, "<p>%s</p>\n", tr(l, "No evaluation in this period."));
		return;
	}
	html_printf(p->out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-label=\"%s\">"
		    "<table class=\"eval-list\">\n<thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "</tr></thead>\n<tbody>\n", tr(l, "Evaluations"), tr(l, "Date"), tr(l, "Score"),
		    tr(l, "Kind"), tr(l, "Contact"), tr(l, "Evaluator"), tr(l, "Notes"));
	for (size_t i = 0; i < pe->n; i++) {
		const struct evaluation_view *v = &pe->items[i];
		bool peer = strcmp(v->e.kind, "peer") == 0;

		html_printf(p->out, "<tr><td class=\"nw\"><a href=\"/evaluations/%s\">%s</a></td>"
			    "<td class=\"num\">%s</td><td>%s</td><td>%s <span class=\"hint\">%s</span></td>"
			    "<td>%s</td><td>", v->e.key, eval_date(p, v->e.date),
			    eval_pct(p, v->result.score), eval_kind_label(l, v->e.kind), v->e.contact,
			    eval_channel_label(l, v->e.channel),
			    hide && peer ? "" : eval_person_name(p, st, v->e.evaluator));
		if (v->result.auto_failed)
			html_printf(p->out, "<span class=\"badge risk\">%s</span> ", tr(l, "auto-fail"));
		if (v->result.praise)
			html_printf(p->out, "<span class=\"badge praise\">%s</span> ", tr(l, "praise"));
		if (own && strcmp(v->e.kind, "self") != 0)
			html_printf(p->out, "<a href=\"/evaluations/new?from=%s\">%s</a>", v->e.key,
				    tr(l, "Evaluate this contact yourself"));
		fputs("</td></tr>\n", p->out);
	}
	fputs("</tbody></table></div>\n", p->out);
}

int handle_person_evaluations_page(struct http_ctx *cx)
{
	const char *key = http_param(cx->req, "key");
	const char *month = http_query(cx->req, "month");
	struct http_audit au = { 0 };
	struct person_evaluations pe = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int32_t first = EVIDENCE_FIRST_DAY, last = EVIDENCE_LAST_DAY;
	bool bad_month = false, own, may;
	const char *name;
	char title[300];
	struct page p;
	int rc;

	if (month != NULL && month[0] == '\0')
		month = NULL;
	if (month != NULL && quality_month_parse(month, &first, &last) < 0)
		bad_month = true;
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	rc = http_visible(cx, st, ENTITY_PERSON, key, "key", &au);
	if (rc == 1 && !bad_month && person_evaluations_gather(st, key, first, last, &pe, &err) < 0)
		rc = -1;
	own = p.caller->person[0] != '\0' && strcmp(p.caller->person, key) == 0;
	may = rc == 1 && !own && http_may_evaluate(cx, st, key) == 1;
	name = rc == 1 ? eval_person_name(&p, st, key) : key;
	if (rc == 1) {
		(void)snprintf(title, sizeof title, tr(p.lang, "Evaluations of %s"), name);
		page_head(&p, title);
		html_printf(p.out, "<p class=\"lead\"><a href=\"/people/%s\">%s</a></p>\n", key, name);
		if (own)
			html_printf(p.out, "<p><a href=\"/evaluations/new?agent=%s\">%s</a></p>\n", key,
				    tr(p.lang, "Evaluate one of your contacts yourself"));
		else if (may)
			html_printf(p.out, "<p><a href=\"/evaluations/new?agent=%s\">%s</a></p>\n", key,
				    tr(p.lang, "New evaluation"));
		month_form(&p, key, month, bad_month ? tr(p.lang, "Give a month as YYYY-MM, such as "
							  "2026-03.") : NULL);
		if (!bad_month)
			write_list(&p, st, &pe, own, p.caller->role == ROLE_EMPLOYEE);
	}
	store_rollback(st);
	if (rc != 1) {
		page_discard(&p);
		page_error(cx, rc == 0 ? 404 : 503, NULL);
	} else {
		page_foot(&p);
		if (page_finish(&p, bad_month ? 400 : 200) == 0 && !own)
			au = (struct http_audit){ "read", "evaluation", NULL, key, "ok", NULL };
	}
	person_evaluations_free(&pe);
	return http_audit_write(cx, st, &au);
}
