/* The pieces of the OKR pages (web/okr_parts.h): values as the reader
 * reads them, the progress bar with its status in words, and a key
 * result's forecast chart. SVG colours come from classes of app.css (no
 * style attribute: the Content-Security-Policy forbids them), and every
 * number of a chart is also written as text beside it. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "http/okr_write.h"
#include "io/html.h"
#include "util/buf.h"
#include "util/date.h"
#include "web/okr_parts.h"

enum {
	CHART_LEFT = 52,        /* room for the values */
	CHART_TOP = 10,
	CHART_W = 300,
	CHART_H = 120,
	CHART_BOTTOM = 22,      /* room for the dates */
	CHART_FONT = 11
};

static const char DASH[] = "\xe2\x80\x93";

const char *okr_status_label(enum lang l, enum okr_status s)
{
	switch (s) {
	case OKR_DONE: return tr(l, "Done");
	case OKR_ON_TRACK: return tr(l, "On track");
	case OKR_AT_RISK: return tr(l, "At risk");
	default: return tr(l, "Off track");
	}
}

const char *okr_percent_text(const struct page *p, struct buf *b, double v)
{
	struct buf n;

	buf_reset(b);
	if (isnan(v)) {
		(void)buf_printf(b, "%s", DASH);
		return buf_str(b);
	}
	buf_init(&n, 32);
	if (fmt_number(&n, p->lang, v * 100, 0) == 0)
		(void)buf_printf(b, tr(p->lang, "%s%%"), buf_str(&n));
	buf_free(&n);
	return buf_str(b);
}

const char *okr_value_text(const struct page *p, struct buf *b, const struct key_result *kr,
			   double v)
{
	double a = fabs(v);
	int decimals;

	if (kr->type == OKR_COMPETENCY)
		return okr_percent_text(p, b, v);
	buf_reset(b);
	if (isnan(v)) {
		(void)buf_printf(b, "%s", DASH);
		return buf_str(b);
	}
	/* As many decimals as a check-in's value needs, up to three. */
	decimals = a == floor(a) ? 0 : fabs(v * 10 - round(v * 10)) < 1e-9 ? 1
		   : fabs(v * 100 - round(v * 100)) < 1e-9 ? 2 : 3;
	if (fmt_number(b, p->lang, v, decimals) < 0)
		return "";
	if (kr->unit != NULL)
		(void)buf_printf(b, "%s%s", strcmp(kr->unit, "%") == 0 ? "" : "\xc2\xa0", kr->unit);
	return buf_str(b);
}

const char *okr_date_text(const struct page *p, struct buf *b, int32_t day)
{
	buf_reset(b);
	if (fmt_date(b, p->lang, day) < 0)
		return "";
	return buf_str(b);
}

static const char *status_class(enum okr_status s)
{
	return okr_status_name(s);
}

void okr_progress_bar(struct page *p, double progress, double expected, bool has_status,
		      enum okr_status status)
{
	struct buf b1, b2;
	double w = isnan(progress) ? 0 : progress * 100;

	buf_init(&b1, 32);
	buf_init(&b2, 32);
	html_printf(p->out, "<div class=\"okr-progress\"><svg class=\"okr-bar\" viewBox=\"0 0 100 10\""
		    " preserveAspectRatio=\"none\" aria-hidden=\"true\" focusable=\"false\">"
		    "<rect class=\"bar-bg\" width=\"100\" height=\"10\"/>"
		    "<rect class=\"okr-fill s-%s\" width=\"%.1f\" height=\"10\"/>",
		    has_status ? status_class(status) : "none", w < 0 ? 0.0 : w > 100 ? 100.0 : w);
	if (!isnan(expected))
		html_printf(p->out, "<rect class=\"okr-expected\" x=\"%.1f\" width=\"1.2\" height=\"10\"/>",
			    expected * 100 > 98.8 ? 98.8 : expected * 100);
	fputs("</svg>\n<p class=\"okr-figures\">", p->out);
	if (has_status)
		html_printf(p->out, "<span class=\"okr-status s-%s\">%s</span> ", status_class(status),
			    okr_status_label(p->lang, status));
	else
		html_printf(p->out, "<span class=\"okr-status s-none\">%s</span> ",
			    tr(p->lang, "No value"));
	html_printf(p->out, "%s %s", tr(p->lang, "progress"), okr_percent_text(p, &b1, progress));
	if (!isnan(expected))
		html_printf(p->out, ", %s %s", tr(p->lang, "expected by now"),
			    okr_percent_text(p, &b2, expected));
	fputs("</p></div>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

/* ---- the forecast chart ------------------------------------------------------ */

struct scale {
	int32_t x0, x1;          /* days */
	double y0, y1;           /* values */
};

static double sx(const struct scale *s, int32_t day)
{
	return CHART_LEFT + (double)(day - s->x0) / (double)(s->x1 - s->x0) * CHART_W;
}

static double sy(const struct scale *s, double v)
{
	return CHART_TOP + (1 - (v - s->y0) / (s->y1 - s->y0)) * CHART_H;
}

void okr_forecast_chart(struct page *p, const struct objective *o, const struct okr_kr_view *k)
{
	const struct key_result *kr = k->kr;
	struct scale s = { .x0 = o->start, .x1 = o->end > o->start ? o->end : o->start + 1 };
	struct buf b1, b2;
	struct key_result bare = *kr;   /* the axis: numbers without their unit */
	struct okr_forecast at_start;
	double lo, hi, at_end;
	char id[KEY_MAX + 16];

	if (k->nhistory < 2 || isnan(k->forecast.value_at_end))
		return;
	if (kr->unit != NULL && strcmp(kr->unit, "%") != 0)
		bare.unit = NULL;
	/* The same line at the start: core's fit, projected to that day. */
	okr_forecast(k->history, k->nhistory, k->baseline, kr->target, o->start, &at_start);
	at_end = k->forecast.value_at_end;
	lo = hi = kr->target;
	for (size_t i = 0; i < k->nhistory; i++) {
		lo = fmin(lo, k->history[i].value);
		hi = fmax(hi, k->history[i].value);
	}
	lo = fmin(lo, fmin(at_end, at_start.value_at_end));
	hi = fmax(hi, fmax(at_end, at_start.value_at_end));
	if (hi - lo < 1e-9) {
		hi += 1;
		lo -= 1;
	}
	s.y0 = lo - (hi - lo) * 0.05;
	s.y1 = hi + (hi - lo) * 0.05;
	buf_init(&b1, 64);
	buf_init(&b2, 64);
	(void)snprintf(id, sizeof id, "fc-%s", kr->key);
	html_printf(p->out, "<figure class=\"okr-chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "class=\"okr-forecast\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"%s\" "
		    "font-size=\"%d\"><title id=\"%s\">%s</title>\n",
		    CHART_LEFT + CHART_W + 8, CHART_TOP + CHART_H + CHART_BOTTOM, id, CHART_FONT, id,
		    tr(p->lang, "The values so far, the line fitted through them to the end date, and "
			     "the target; the forecast is written beside the chart"));
	/* The frame, the target and the values at the axis. */
	html_printf(p->out, "<rect class=\"frame\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>\n",
		    CHART_LEFT, CHART_TOP, CHART_W, CHART_H);
	html_printf(p->out, "<line class=\"target\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
		    "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n",
		    CHART_LEFT, sy(&s, kr->target), CHART_LEFT + CHART_W, sy(&s, kr->target),
		    CHART_LEFT - 4, sy(&s, kr->target) + 4, okr_value_text(p, &b1, &bare, kr->target));
	if (!isnan(k->baseline) && fabs(sy(&s, k->baseline) - sy(&s, kr->target)) > CHART_FONT)
		html_printf(p->out, "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s"
			    "</text>\n", CHART_LEFT - 4, sy(&s, k->baseline) + 4,
			    okr_value_text(p, &b1, &bare, k->baseline));
	html_printf(p->out, "<text class=\"tick\" x=\"%d\" y=\"%d\">%s</text>"
		    "<text class=\"tick\" x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>\n",
		    CHART_LEFT, CHART_TOP + CHART_H + 16, okr_date_text(p, &b1, o->start),
		    CHART_LEFT + CHART_W, CHART_TOP + CHART_H + 16, okr_date_text(p, &b2, o->end));
	/* The fitted line from the start to the end, dashed: a projection. */
	html_printf(p->out, "<line class=\"fit\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
		    sx(&s, s.x0), sy(&s, at_start.value_at_end), sx(&s, o->end), sy(&s, at_end));
	fputs("<path class=\"seen\" d=\"", p->out);
	for (size_t i = 0; i < k->nhistory; i++)
		fprintf(p->out, "%s%.1f,%.1f", i ? "L" : "M", sx(&s, k->history[i].date),
			sy(&s, k->history[i].value));
	fputs("\"/>\n", p->out);
	for (size_t i = 0; i < k->nhistory; i++)
		html_printf(p->out, "<circle class=\"pt\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>\n",
			    sx(&s, k->history[i].date), sy(&s, k->history[i].value));
	fputs("</svg></figure>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

void okr_forecast_text(struct page *p, const struct objective *o, const struct okr_kr_view *k)
{
	struct buf b1, b2;
	char text[600];

	(void)o;
	if (isnan(k->forecast.value_at_end)) {
		html_printf(p->out, "<p class=\"okr-forecast-text\">%s</p>\n",
			    tr(p->lang, "Forecast: too few values yet."));
		return;
	}
	buf_init(&b1, 64);
	buf_init(&b2, 64);
	/* A projection: a tenth is as precise as it deserves (a share: a
	 * whole percentage). */
	okr_value_text(p, &b1, k->kr, k->kr->type == OKR_COMPETENCY ? k->forecast.value_at_end
		       : round(k->forecast.value_at_end * 10) / 10);
	if (k->forecast.has_met_on)
		(void)snprintf(text, sizeof text, tr(p->lang, "At this pace: %s by the end; the target "
						     "is reached on %s."), buf_str(&b1),
			       okr_date_text(p, &b2, k->forecast.met_on));
	else
		(void)snprintf(text, sizeof text, tr(p->lang, "At this pace: %s by the end; the target "
						     "is never reached at this pace."), buf_str(&b1));
	fputs("<p class=\"okr-forecast-text\">", p->out);
	html_escape(p->out, text);
	fputs("</p>\n", p->out);
	buf_free(&b1);
	buf_free(&b2);
}

int okr_page_readable(struct http_ctx *cx, struct store *st, const char *team,
		      const char **name, struct err *err)
{
	struct team row;
	int rc = 1;

	*name = NULL;
	if (team != NULL) {
		rc = store_get_team(st, team, &row, cx->arena, err);
		if (rc == 1)
			*name = row.name;
	}
	return rc == 1 ? http_okr_readable(cx, st, team, err) : rc;
}
