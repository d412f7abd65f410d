/* The dashboard's list of alerts and praise (web/alerts_section.h). */
#include "web/alerts_section.h"

#include <stdio.h>
#include <string.h>

#include "io/html.h"
#include "util/buf.h"
#include "util/date.h"

static void write_alert(struct page *p, const struct alert *a)
{
	struct buf b;

	buf_init(&b, 64);
	html_printf(p->out, "<li><a href=\"/people/%s\">%s</a>", a->agent,
		    a->agent_name != NULL ? a->agent_name : a->agent);
	if (a->team != NULL)
		html_printf(p->out, " <span class=\"muted\">(%s)</span>", a->team);
	if (strcmp(a->kind, "alert") == 0) {
		html_printf(p->out, ": <strong class=\"alert-kind\">%s</strong> — ",
			    tr(p->lang, "auto-failed"));
		for (size_t i = 0; i < a->ncritical; i++)
			html_printf(p->out, "%s<span class=\"comp\">%s</span>", i > 0 ? ", " : "",
				    a->critical[i]);
	} else {
		html_printf(p->out, ": <strong class=\"praise-kind\">%s</strong> — ",
			    tr(p->lang, "praise"));
		if (fmt_number(&b, p->lang, a->score, 1) == 0)
			html_printf(p->out, "%s %%", buf_str(&b));
	}
	buf_reset(&b);
	(void)fmt_date(&b, p->lang, a->date);
	html_printf(p->out, " <span class=\"muted\">(%s %s, %s)</span></li>\n",
		    tr(p->lang, "evaluation"), a->evaluation, buf_str(&b));
	buf_free(&b);
}

void web_alerts_list(struct page *p, const struct alert_list *l, size_t max)
{
	struct buf b;

	buf_init(&b, 64);
	(void)fmt_number(&b, p->lang, (double)l->n, 0);
	html_printf(p->out, "<section class=\"attention-list\" aria-labelledby=\"alerts\">\n"
		    "<h3 id=\"alerts\">%s <span class=\"count\">%s</span></h3>\n"
		    "<p class=\"list-note\">%s</p>\n", tr(p->lang, "Alerts and praise"), buf_str(&b),
		    tr(p->lang, "Evaluations of the last 30 days that auto-failed (a critical area"
		       " scored under half its scale) or scored 95 or more out of 100."));
	if (l->n == 0) {
		html_printf(p->out, "<p class=\"none\">%s</p>\n", tr(p->lang, "None."));
	} else {
		fputs("<ol class=\"items\">\n", p->out);
		for (size_t i = 0; i < l->n && i < max; i++)
			write_alert(p, &l->items[i]);
		fputs("</ol>\n", p->out);
		if (l->n > max) {
			char text[200];

			buf_reset(&b);
			(void)fmt_number(&b, p->lang, (double)(l->n - max), 0);
			(void)snprintf(text, sizeof text,
				       trn(p->lang, "and %s more", "and %s more",
					   (unsigned long)(l->n - max)), buf_str(&b));
			html_printf(p->out, "<p class=\"more\">%s</p>\n", text);
		}
	}
	fputs("</section>\n", p->out);
	buf_free(&b);
}

void web_alerts_own(struct page *p, struct store *st)
{
	struct alert_filter f = { .since = date_today() - ALERTS_DAYS_DEFAULT, .until = INT32_MAX,
				  .agent = p->caller->person };
	struct alert_list l;
	struct err err = { 0 };
	int rc;

	if (p->caller->person[0] == '\0' || store_begin_read(st, &err) < 0)
		return;
	rc = alerts_gather(st, &f, NULL, &l, &err);
	if (rc == 0 && l.n > 0) {
		struct person who;

		if (store_get_person(st, f.agent, &who, &l.arena, &err) == 1)
			for (size_t i = 0; i < l.n; i++)
				l.items[i].agent_name = who.name;
	}
	store_rollback(st);
	if (rc == 0 && l.n > 0) {
		html_printf(p->out, "<section class=\"attention\" aria-labelledby=\"own-alerts\">\n"
			    "<h2 id=\"own-alerts\">%s</h2>\n", tr(p->lang, "Your evaluations"));
		web_alerts_list(p, &l, 10);
		fputs("</section>\n", p->out);
	}
	alerts_free(&l);
}
