/* The team page's coverage bars and trend chart (web/team_parts.h), as
 * SVG whose colours come from classes of app.css (no style attribute: the
 * Content-Security-Policy forbids them), every number also written as
 * text: the coverage beside its bar, the trend in a table under the
 * chart. Each trend line has its own marker shape and dash and is labelled
 * at its end, so that it reads without colour and in print. */
#include <math.h>
#include <string.h>

#include "io/chart_labels.h"
#include "io/html.h"
#include "io/palette.h"
#include "util/date.h"
#include "util/percent.h"
#include "util/utf8.h"
#include "web/team_parts.h"

enum {
	PRIORITY_MARKED = 3,   /* the most urgent competencies marked as priorities */
	TREND_LEFT = 44,       /* room for the percentages */
	TREND_TOP = 12,
	TREND_PLOT_W = 320,
	TREND_PLOT_H = 180,
	TREND_BOTTOM = 26,     /* room for the months */
	TREND_FONT = 12,
	TREND_LABEL_GAP = 14   /* the least distance between two end labels */
};

void team_coverage(struct team_page *t)
{
	FILE *out = t->p->out;
	enum lang l = t->p->lang;
	const struct member_view **all = arena_alloc(&t->arena, (t->a.nmembers + 1) * sizeof *all);
	int marked = 0;

	html_printf(out, "<section class=\"coverage\" aria-labelledby=\"coverage-h\">"
		    "<h2 id=\"coverage-h\">%s</h2>\n", tr(l, "Coverage"));
	if (t->a.ncompetencies == 0 || all == NULL) {
		html_printf(out, "<p>%s</p></section>\n", tr(l, "No member's role requires any competency."));
		return;
	}
	for (size_t m = 0; m < t->a.nmembers; m++)
		all[m] = &t->a.members[m];
	html_printf(out, "<p class=\"hint\" id=\"cov-desc\">%s</p>\n",
		    tr(l, "The share of the members who need each competency who meet it, the most "
			  "urgent first (priority: mean weight times gap)."));
	/* A box that may scroll on a phone is a region the keyboard can
	 * reach (and scroll), named by what it holds. */
	html_printf(out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" aria-labelledby=\"coverage-h\">"
		    "<table class=\"cov\" aria-describedby=\"cov-desc\">\n"
		    "<caption class=\"vh\">%s</caption>\n"
		    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    tr(l, "Coverage per competency"), tr(l, "Competency"), tr(l, "Members who meet it"), tr(l, "Mean gap"),
		    tr(l, "Priority"), tr(l, "Note"));
	for (size_t k = 0; k < t->a.ncompetencies; k++) {
		const struct team_line *c = &t->a.competencies[k];
		long pct = percent_round(c->coverage);
		bool urgent = c->priority > 0 && marked < PRIORITY_MARKED;
		bool notes = false;

		marked += urgent;
		html_printf(out, "<tr%s><th scope=\"row\">%s", urgent ? " class=\"urgent\"" : "",
			    team_competency_name(t, c->competency));
		if (urgent)
			html_printf(out, " <span class=\"badge priority\">%s %d</span>", tr(l, "priority"),
				    marked);
		html_printf(out, "</th><td class=\"bar-cell\"><span class=\"nw\">%s %s %s (%s%%)</span>"
			    "<svg class=\"bar\" viewBox=\"0 0 100 8\" preserveAspectRatio=\"none\" "
			    "aria-hidden=\"true\" focusable=\"false\"><rect class=\"bar-track\" width=\"100\" "
			    "height=\"8\"/><rect class=\"bar-fill\" width=\"%ld\" height=\"8\"/></svg></td>",
			    team_num(t, (double)c->meeting, 0), tr(l, "of"), team_num(t, (double)c->required, 0),
			    team_num(t, (double)pct, 0), pct);
		html_printf(out, "<td class=\"num\">%s</td><td class=\"num\">%s</td><td>",
			    c->has_mean_gap ? team_num(t, c->mean_gap, 2) : "\xe2\x80\x94",
			    team_num(t, c->priority, 2));
		if (c->meeting == 0 && c->assessed > 0) {
			html_printf(out, "<span class=\"badge risk\">%s</span>", tr(l, "nobody meets it"));
			notes = true;
		} else if (c->key_person_risk) {
			const struct member_view *v = analysis_key_person(all, t->a.nmembers, c->competency);
			bool seen = false;

			for (size_t m = 0; v != NULL && m < t->a.nmembers; m++)
				seen |= t->visible[m] && &t->a.members[m] == v;
			html_printf(out, "<span class=\"badge risk\">%s</span> ", tr(l, "key-person risk"));
			if (seen)
				html_printf(out, "%s %s", tr(l, "only this member meets it:"), v->member->name);
			else
				html_printf(out, "%s", tr(l, "only one member meets it"));
			notes = true;
		}
		if (c->unassessed > 0)
			html_printf(out, "%s%s %s", notes ? "; " : "", tr(l, "unassessed:"),
				    team_num(t, (double)c->unassessed, 0));
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table></div>\n</section>\n", out);
}

/* Marker shape k (circle, square, triangle, diamond, triangle down,
 * cross) centred on (x, y), in line k's class. */
static void marker(FILE *out, int k, double x, double y)
{
	const double s = 3.5;

	switch (k % PALETTE_TREND_LINES) {
	case 0:
		fprintf(out, "<circle class=\"m\" cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\"/>", x, y, s);
		break;
	case 1:
		fprintf(out, "<rect class=\"m\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\"/>",
			x - s, y - s, 2 * s, 2 * s);
		break;
	case 2:
		fprintf(out, "<polygon class=\"m\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x,
			y - 1.3 * s, x - 1.2 * s, y + s, x + 1.2 * s, y + s);
		break;
	case 3:
		fprintf(out, "<polygon class=\"m\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>",
			x, y - 1.4 * s, x + 1.4 * s, y, x, y + 1.4 * s, x - 1.4 * s, y);
		break;
	case 4:
		fprintf(out, "<polygon class=\"m\" points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\"/>", x,
			y + 1.3 * s, x - 1.2 * s, y - s, x + 1.2 * s, y - s);
		break;
	default:
		fprintf(out, "<path class=\"m x\" d=\"M%.1f,%.1fL%.1f,%.1fM%.1f,%.1fL%.1f,%.1f\"/>", x - s,
			y - s, x + s, y + s, x - s, y + s, x + s, y - s);
		break;
	}
}

/* The coverage of competency c in month i, when anyone needing it has a
 * level then. */
static bool month_coverage(const struct trend *trd, size_t i, const char *c, double *coverage)
{
	const struct team_line *t = analysis_competency(&trd->points[i], c);

	if (t == NULL || t->assessed == 0)
		return false;
	*coverage = t->coverage;
	return true;
}

static double x_of(const struct trend *trd, size_t i)
{
	return TREND_LEFT + (trd->n > 1 ? TREND_PLOT_W * (double)i / (double)(trd->n - 1) : 0);
}

static double y_of(double coverage)
{
	return TREND_TOP + TREND_PLOT_H * (1 - coverage);
}

/* The month of day in the reader's short form ("mrt 2026"), in t's
 * arena: the axis and the table name months as the reader does, not as
 * ISO 8601 does. */
static const char *month_label(struct team_page *t, int32_t day)
{
	struct buf b;
	char *s;

	buf_init(&b, 64);
	s = fmt_month_short(&b, t->p->lang, day) == 0 ? arena_strdup(&t->arena, buf_str(&b)) : NULL;
	buf_free(&b);
	return s != NULL ? s : "";
}

static void trend_chart(struct team_page *t, int lines)
{
	const struct trend *trd = &t->tr;
	FILE *out = t->p->out;
	struct chart_label ends[PALETTE_TREND_LINES];
	int nends = 0, w = TREND_LEFT + TREND_PLOT_W + 24, h = TREND_TOP + TREND_PLOT_H + TREND_BOTTOM;
	size_t step = (trd->n + 5) / 6;    /* about six month labels */

	for (int k = 0; k < lines; k++) {
		double c;

		for (size_t i = trd->n; i-- > 0;)
			if (month_coverage(trd, i, t->a.competencies[k].competency, &c)) {
				ends[nends++] = (struct chart_label){ k, y_of(c) };
				break;
			}
	}
	chart_spread_labels(ends, nends, TREND_LABEL_GAP, y_of(0));
	for (int i = 0; i < nends; i++) {
		const char *name = team_competency_name(t, t->a.competencies[ends[i].line].competency);
		int right = TREND_LEFT + TREND_PLOT_W + 22 + (int)ceil(utf8_width(name) * TREND_FONT * 0.62);

		w = right > w ? right : w;
		if (ends[i].y + TREND_FONT > h)
			h = (int)ceil(ends[i].y + TREND_FONT);
	}
	html_printf(out, "<div class=\"chart-wrap\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"trend-title\"><svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "class=\"trend\" viewBox=\"0 0 %d %d\" role=\"img\" aria-labelledby=\"trend-title\" "
		    "font-size=\"%d\"><title id=\"trend-title\">%s</title>\n", w, h, TREND_FONT,
		    tr(t->p->lang, "Coverage month by month of the most urgent competencies; the numbers "
				   "are in the table below"));
	for (int pct = 0; pct <= 100; pct += 25) {
		double y = y_of(pct / 100.0);

		html_printf(out, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\"/>"
			    "<text class=\"tick\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s%%</text>\n",
			    TREND_LEFT, y, TREND_LEFT + TREND_PLOT_W, y, TREND_LEFT - 4, y + 4,
			    team_num(t, pct, 0));
	}
	for (long i = (long)trd->n - 1; i >= 0; i -= (long)step) {
		html_printf(out, "<text class=\"tick\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n",
			    x_of(trd, (size_t)i), TREND_TOP + TREND_PLOT_H + 18,
			    month_label(t, trd->points[i].as_of));
	}
	for (int k = 0; k < lines; k++) {
		const char *c = t->a.competencies[k].competency;
		bool pen = false;
		double cov;

		html_printf(out, "<g class=\"line t%d\"><title>%s</title><path class=\"l\" d=\"", k,
			    team_competency_name(t, c));
		/* A month without a level on c breaks the line. */
		for (size_t i = 0; i < trd->n; i++) {
			if (!month_coverage(trd, i, c, &cov)) {
				pen = false;
				continue;
			}
			fprintf(out, "%s%.1f,%.1f", pen ? "L" : "M", x_of(trd, i), y_of(cov));
			pen = true;
		}
		fputs("\"/>", out);
		for (size_t i = 0; i < trd->n; i++)
			if (month_coverage(trd, i, c, &cov))
				marker(out, k, x_of(trd, i), y_of(cov));
		fputs("</g>\n", out);
	}
	for (int i = 0; i < nends; i++) {
		int k = ends[i].line;

		html_printf(out, "<g class=\"line t%d\">", k);
		marker(out, k, TREND_LEFT + TREND_PLOT_W + 12, ends[i].y);
		html_printf(out, "<text class=\"end\" x=\"%d\" y=\"%.1f\">%s</text></g>\n",
			    TREND_LEFT + TREND_PLOT_W + 22, ends[i].y + TREND_FONT * 0.35,
			    team_competency_name(t, t->a.competencies[k].competency));
	}
	fputs("</svg></div>\n", out);
}

/* Every competency's coverage and mean gap at every month end. */
static void trend_table(struct team_page *t)
{
	const struct trend *trd = &t->tr;
	FILE *out = t->p->out;
	enum lang l = t->p->lang;

	html_printf(out, "<details class=\"numbers\"><summary>%s</summary>\n<div class=\"scroll\">"
		    "<table class=\"trend-table\">\n<caption>%s</caption>\n<thead><tr><th scope=\"col\">%s</th>",
		    tr(l, "The numbers of the trend"),
		    tr(l, "Coverage (mean gap) at each month's end"),
		    tr(l, "Competency"));
	for (size_t i = 0; i < trd->n; i++) {
		html_printf(out, "<th scope=\"col\" class=\"num\">%s</th>",
			    month_label(t, trd->points[i].as_of));
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < t->a.ncompetencies; k++) {
		const char *c = t->a.competencies[k].competency;

		html_printf(out, "<tr><th scope=\"row\">%s</th>", team_competency_name(t, c));
		for (size_t i = 0; i < trd->n; i++) {
			const struct team_line *p = analysis_competency(&trd->points[i], c);

			if (p == NULL || p->assessed == 0)
				html_printf(out, "<td class=\"num\">\xe2\x80\x94</td>");
			else
				html_printf(out, "<td class=\"num\">%s%% (%s)</td>",
					    team_num(t, (double)percent_round(p->coverage), 0),
					    team_num(t, p->mean_gap, 2));
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div></details>\n", out);
}

void team_trend(struct team_page *t)
{
	FILE *out = t->p->out;
	enum lang l = t->p->lang;
	size_t months = 0;
	int lines = t->a.ncompetencies < PALETTE_TREND_LINES ? (int)t->a.ncompetencies
		: PALETTE_TREND_LINES;

	html_printf(out, "<section class=\"trend\" aria-labelledby=\"trend-h\"><h2 id=\"trend-h\">%s</h2>\n",
		    tr(l, "Trend over the last 12 months"));
	for (size_t i = 0; i < t->tr.n; i++)
		for (size_t k = 0; k < t->tr.points[i].ncompetencies; k++)
			if (t->tr.points[i].competencies[k].assessed > 0) {
				months++;
				break;
			}
	if (months < 2 || lines == 0) {
		html_printf(out, "<p>%s</p></section>\n", tr(l, "Too few months with evidence to show a trend."));
		return;
	}
	html_printf(out, "<p>%s</p>\n",
		    tr(l, "The coverage of the most urgent competencies at the end of each month, from "
			  "what was known then."));
	trend_chart(t, lines);
	trend_table(t);
	fputs("</section>\n", out);
}
