/* GET /teams/{key}/quality?month=YYYY-MM: a team's quality month
 * (docs/web.md, "Quality evaluations"): per agent the evaluations against
 * the target (under target marked), the quality score, alerts, praise and
 * alignment; per area the mean and who is below 70 %; the group coaching
 * the rule suggests. The figures are quality_gather's, the document of
 * `compgap quality` and GET /api/v1/teams/{key}/quality, with the API's
 * reach check of the team and its view_reader (an agent out of reach is
 * not named). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/evaluations.h"
#include "io/html.h"
#include "util/date.h"
#include "views/views.h"
#include "web/eval_parts.h"
#include "web/pages.h"

/* The month before or after m (first day first), as YYYY-MM. */
static void month_text(int32_t day, char out[8])
{
	int y, mo, d;
	unsigned year, month;

	date_to_ymd(day, &y, &mo, &d);
	year = (unsigned)y % 10000u;
	month = (unsigned)mo % 100u;
	(void)snprintf(out, 8, "%04u-%02u", year, month);
}

static void month_form(struct page *p, const char *team, const char *value, const char *error)
{
	char action[300];

	(void)snprintf(action, sizeof action, "/teams/%s/quality", team);
	html_printf(p->out, "<form method=\"get\" action=\"%s\" class=\"form asof\">\n", action);
	page_input(p, &(struct page_input){
		.name = "month", .label = tr(p->lang, "Month"), .type = "text", .value = value,
		.hint = tr(p->lang, "YYYY-MM, such as 2026-03."), .error = error,
	});
	page_submit(p, tr(p->lang, "Show"));
	page_form_end(p);
}

/* The names of the visible agents who are short on area r. */
static void below(struct page *p, const struct quality_month *m, const char *const *names, size_t r)
{
	size_t shown = 0;

	for (size_t a = 0; a < m->nagents; a++) {
		if (m->hidden[a] || !(m->agent_area[a * m->nareas + r] < QA_GROUP_PERCENT - 1e-9))
			continue;
		html_printf(p->out, "%s<a href=\"/people/%s/evaluations?month=%s\">%s</a>",
			    shown++ > 0 ? ", " : "", m->agents[a], m->month, names[a]);
	}
	if (shown == 0)
		fputs("\xe2\x80\x93", p->out);
}

static void agents_table(struct page *p, const struct quality_month *m, const char *const *names)
{
	enum lang l = p->lang;
	size_t shown = 0;

	html_printf(p->out, "<section aria-labelledby=\"agents-h\"><h2 id=\"agents-h\">%s</h2>\n",
		    tr(l, "Agents"));
	html_printf(p->out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"agents-h\"><table class=\"quality-agents\">\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "</tr></thead>\n<tbody>\n", tr(l, "Agent"), tr(l, "Evaluations"),
		    tr(l, "Quality score"), tr(l, "Alerts"), tr(l, "Praise"), tr(l, "Alignment"));
	for (size_t a = 0; a < m->nagents; a++) {
		const struct qa_agent_month *x = &m->agent_month[a];

		if (m->hidden[a])
			continue;
		shown++;
		html_printf(p->out, "<tr><th scope=\"row\"><a href=\"/people/%s/evaluations?month=%s\">%s"
			    "</a></th><td class=\"num\">%s", m->agents[a], m->month, names[a],
			    eval_num(p, (double)x->evaluations, 0));
		html_printf(p->out, "\xc2\xa0/\xc2\xa0%s", eval_num(p, m->target, 0));
		if (x->under_target)
			html_printf(p->out, " <span class=\"badge risk\">%s</span>", tr(l, "under target"));
		html_printf(p->out, "</td><td class=\"num\">%s</td><td class=\"num\">",
			    eval_pct(p, x->quality_score));
		if (x->alerts > 0)
			html_printf(p->out, "<span class=\"badge risk\">%s</span>",
				    eval_num(p, (double)x->alerts, 0));
		else
			fputs("0", p->out);
		html_printf(p->out, "</td><td class=\"num\">");
		if (x->praise > 0)
			html_printf(p->out, "<span class=\"badge praise\">%s</span>",
				    eval_num(p, (double)x->praise, 0));
		else
			fputs("0", p->out);
		html_printf(p->out, "</td><td class=\"num\">%s</td></tr>\n",
			    isnan(x->alignment) ? "\xe2\x80\x93" : eval_pct(p, x->alignment * 100));
	}
	fputs("</tbody></table></div>\n", p->out);
	if (shown == 0)
		html_printf(p->out, "<p>%s</p>\n", tr(l, "The team has no active members you may see."));
	/* xgettext:no-c-format */
	html_printf(p->out, "<p class=\"hint\">%s</p>\n</section>\n", tr(l, "Alerts are auto-failed "
		    "evaluations; praise is an evaluation of 95 % or more. The alignment compares the "
		    "agent's self evaluations with the coach's views of the same contacts."));
}

static void areas_table(struct page *p, const struct quality_month *m, const char *const *names)
{
	enum lang l = p->lang;

	html_printf(p->out, "<section aria-labelledby=\"areas-h\"><h2 id=\"areas-h\">%s</h2>\n",
		    tr(l, "Areas"));
	if (m->nareas == 0) {
		html_printf(p->out, "<p>%s</p>\n</section>\n", tr(l, "No evaluation in this month."));
		return;
	}
	html_printf(p->out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"areas-h\"><table class=\"quality-areas\">\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", tr(l, "Area"),
		    /* xgettext:no-c-format */
		    tr(l, "Mean"), tr(l, "Below 70 %"));
	for (size_t r = 0; r < m->nareas; r++) {
		html_printf(p->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td><td>",
			    m->areas[r], eval_pct(p, m->area_month[r].mean_percentage));
		below(p, m, names, r);
		fputs("</td></tr>\n", p->out);
	}
	fputs("</tbody></table></div>\n</section>\n", p->out);
}

static void group_coaching(struct page *p, const struct quality_month *m, const char *const *names)
{
	enum lang l = p->lang;
	size_t shown = 0;

	html_printf(p->out, "<section aria-labelledby=\"group-h\"><h2 id=\"group-h\">%s</h2>\n",
		    tr(l, "Group coaching"));
	for (size_t r = 0; r < m->nareas; r++) {
		if (!m->area_month[r].group_coaching)
			continue;
		if (shown++ == 0)
			fputs("<ul class=\"group-coaching\">\n", p->out);
		html_printf(p->out, "<li><strong>%s</strong>: ", m->areas[r]);
		below(p, m, names, r);
		fputs("</li>\n", p->out);
	}
	if (shown > 0)
		fputs("</ul>\n", p->out);
	else
		html_printf(p->out, "<p>%s</p>\n", tr(l, "No group session suggested this month."));
	/* xgettext:no-c-format */
	html_printf(p->out, "<p class=\"hint\">%s</p>\n</section>\n", tr(l, "A group session is "
		    "suggested on an area when at least 3 agents and at least 30 % of the team average "
		    "under 70 % on it."));
}

int handle_team_quality_page(struct http_ctx *cx)
{
	const char *team = http_param(cx->req, "key");
	const char *month = http_query(cx->req, "month");
	struct http_audit au = { 0 };
	struct http_reader_ctx rctx;
	struct view_reader reader;
	const struct view_reader *rd;
	struct quality_month m = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	const char **names = NULL;
	char this_month[8], prev[8], next[8], title[300];
	int32_t first, last;
	bool bad = false;
	struct page p;
	int rc;

	month_text(date_today(), this_month);
	if (month == NULL || month[0] == '\0')
		month = this_month;
	if (quality_month_parse(month, &first, &last) < 0) {
		bad = true;
		month = this_month;
	}
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	rc = http_visible(cx, st, ENTITY_TEAM, team, "key", &au);
	if (rc == 1) {
		rd = http_view_reader(cx, st, &rctx, &reader);
		if (quality_gather(st, team, month, rd, &m, &err) < 0)
			rc = -1;
	}
	if (rc == 1) {
		names = arena_alloc(cx->arena, (m.nagents + 1) * sizeof *names);
		for (size_t a = 0; names != NULL && a < m.nagents; a++)
			names[a] = m.hidden[a] ? "" : eval_person_name(&p, st, m.agents[a]);
		if (names == NULL)
			rc = -1;
	}
	store_rollback(st);
	if (rc != 1) {
		page_discard(&p);
		page_error(cx, rc == 0 ? 404 : 503, NULL);
		quality_free(&m);
		return http_audit_write(cx, st, &au);
	}
	(void)quality_month_parse(m.month, &first, &last);
	month_text(first - 1, prev);
	month_text(last + 1, next);
	(void)snprintf(title, sizeof title, tr(p.lang, "Quality of %s"), team);
	page_head(&p, title);
	html_printf(p.out, "<p class=\"lead\"><a href=\"/teams/%s\">%s</a> \xc2\xb7 %s \xc2\xb7 ",
		    team, team, m.month);
	html_printf(p.out, tr(p.lang, "target %s evaluations per agent"), eval_num(&p, m.target, 0));
	fputs("</p>\n", p.out);
	html_printf(p.out, "<nav class=\"months\" aria-label=\"%s\">"
		    "<a href=\"/teams/%s/quality?month=%s\" rel=\"prev\">%s</a> "
		    "<a href=\"/teams/%s/quality?month=%s\" rel=\"next\">%s</a>",
		    tr(p.lang, "Months"), team, prev, tr(p.lang, "Previous month"), team, next,
		    tr(p.lang, "Next month"));
	if (cx->req->caller->role != ROLE_EMPLOYEE)
		html_printf(p.out, " <a href=\"/evaluations/new\">%s</a>", tr(p.lang, "New evaluation"));
	fputs("</nav>\n", p.out);
	month_form(&p, team, bad ? http_query(cx->req, "month") : m.month,
		   bad ? tr(p.lang, "Give a month as YYYY-MM, such as 2026-03.") : NULL);
	agents_table(&p, &m, names);
	areas_table(&p, &m, names);
	group_coaching(&p, &m, names);
	page_foot(&p);
	if (page_finish(&p, bad ? 400 : 200) == 0)
		au = (struct http_audit){ "read", "team", team, NULL, "ok", "quality" };
	quality_free(&m);
	return http_audit_write(cx, st, &au);
}
