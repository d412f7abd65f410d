#include "io/report.h"

#include <math.h>
#include <string.h>

#include "io/html.h"
#include "util/date.h"

enum {
	HEAT_LABEL = 190,    /* width of the names column */
	HEAT_CELL_W = 34,
	HEAT_CELL_H = 18,
	HEAT_HEADER = 120,   /* room for the slanted competency names */
	BAR_LABEL = 170,
	BAR_WIDTH = 320,
	BAR_H = 18,
	RADAR_SIZE = 220,
	TREND_W = 640,
	TREND_H = 240,
	TREND_LINES = 6      /* competencies drawn in the trend chart */
};

static const char *const palette[TREND_LINES] = {
	"#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"
};

static const char *style =
	"body{font-family:'DejaVu Sans',Arial,sans-serif;font-size:10pt;color:#222;margin:2em;max-width:60em}"
	"h1{font-size:18pt;margin-bottom:0}h2{font-size:13pt;border-bottom:1px solid #ccc;"
	"margin-top:1.6em;page-break-after:avoid}"
	".meta{color:#555;margin-top:.2em}.figures{display:flex;flex-wrap:wrap;gap:1em}"
	".figure{border:1px solid #ddd;border-radius:4px;padding:.5em 1em;min-width:9em}"
	".figure b{display:block;font-size:16pt}"
	"svg{display:block;margin:.5em 0;page-break-inside:avoid}"
	"table{border-collapse:collapse}td,th{border-bottom:1px solid #e4e4e4;padding:2px 8px;"
	"text-align:left}th{background:#f4f4f4}"
	".rule{color:#555;font-size:9pt}.kind{font-weight:bold;text-transform:uppercase;font-size:8pt;"
	"letter-spacing:.05em;color:#444}"
	"li{margin-bottom:.4em;page-break-inside:avoid}"
	".people{display:flex;flex-wrap:wrap}.person{width:240px;page-break-inside:avoid}"
	".person h3{font-size:9.5pt;margin:.8em 0 0}.legend span{display:inline-block;width:1em;"
	"height:1em;vertical-align:middle;margin:0 .3em 0 1em;border:1px solid #999}"
	"@page{size:A4;margin:15mm}@media print{body{margin:0;max-width:none}}";

/* The fill of a heatmap cell for a member's line. */
static const char *gap_colour(const struct member_line *l)
{
	if (!l->est.assessed)
		return "#e0e0e0";
	if (l->meets)
		return "#a5d6a7";
	if (l->gap < 0.5)
		return "#fff59d";
	if (l->gap < 1)
		return "#ffcc80";
	if (l->gap < 2)
		return "#ef9a9a";
	return "#e57373";
}

static const struct member_line *line_of(const struct member_view *v, const char *competency)
{
	for (size_t i = 0; i < v->nlines; i++)
		if (strcmp(v->lines[i].competency, competency) == 0)
			return &v->lines[i];
	return NULL;
}

static void legend(FILE *out)
{
	static const struct { const char *colour, *text; } items[] = {
		{ "#a5d6a7", "meets" }, { "#fff59d", "gap under 0.5" }, { "#ffcc80", "0.5 to 1" },
		{ "#ef9a9a", "1 to 2" }, { "#e57373", "2 or more" }, { "#e0e0e0", "unassessed (?)" },
		{ "#ffffff", "not required" },
	};

	fputs("<p class=\"legend\">", out);
	for (size_t i = 0; i < sizeof items / sizeof items[0]; i++)
		html_printf(out, "<span style=\"background:%s\"></span>%s", items[i].colour, items[i].text);
	fputs("</p>\n", out);
}

static void heatmap(FILE *out, const struct analysis *a)
{
	/* Room on the right for the last slanted competency name. */
	int w = HEAT_LABEL + (int)a->ncompetencies * HEAT_CELL_W + 90;
	int h = HEAT_HEADER + (int)a->nmembers * HEAT_CELL_H + 10;

	html_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Heatmap of levels against the "
		    "required levels, members by competencies\" font-size=\"10\">\n", w, h, w, h);
	for (size_t k = 0; k < a->ncompetencies; k++) {
		int x = HEAT_LABEL + (int)k * HEAT_CELL_W + HEAT_CELL_W / 2;

		html_printf(out, "<text x=\"%d\" y=\"%d\" transform=\"rotate(-50 %d %d)\">%s</text>\n",
			    x, HEAT_HEADER - 6, x, HEAT_HEADER - 6, a->competencies[k].competency);
	}
	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = &a->members[m];
		int y = HEAT_HEADER + (int)m * HEAT_CELL_H;

		html_printf(out, "<text x=\"0\" y=\"%d\">%s</text>\n", y + 13, v->member->name);
		for (size_t k = 0; k < a->ncompetencies; k++) {
			const struct member_line *l = line_of(v, a->competencies[k].competency);
			int x = HEAT_LABEL + (int)k * HEAT_CELL_W;

			if (l == NULL) {
				html_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"#fff\" "
					    "stroke=\"#eee\"/>\n", x, y, HEAT_CELL_W, HEAT_CELL_H);
				continue;
			}
			html_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
				    "stroke=\"#fff\"><title>%s on %s: ", x, y, HEAT_CELL_W, HEAT_CELL_H,
				    gap_colour(l), v->member->name, l->competency);
			if (l->est.assessed)
				html_printf(out, "level %.2f, required %d, gap %.2f, confidence %.2f",
					    l->est.level, l->required_level, l->gap, l->est.confidence);
			else
				html_printf(out, "unassessed, required %d", l->required_level);
			fputs("</title></rect>\n", out);
			if (l->est.assessed)
				html_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%.1f</text>\n",
					    x + HEAT_CELL_W / 2, y + 13, l->est.level);
			else
				html_printf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">?</text>\n",
					    x + HEAT_CELL_W / 2, y + 13);
		}
	}
	fputs("</svg>\n", out);
	legend(out);
}

static const char *coverage_colour(double coverage)
{
	return coverage < 0.5 ? "#e57373" : coverage < 1 ? "#ffb74d" : "#81c784";
}

static void coverage_bars(FILE *out, const struct analysis *a)
{
	int w = BAR_LABEL + BAR_WIDTH + 260;
	int h = (int)a->ncompetencies * (BAR_H + 4) + 24;

	html_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Coverage per competency\" "
		    "font-size=\"10\">\n", w, h, w, h);
	for (int pct = 0; pct <= 100; pct += 25) {
		int x = BAR_LABEL + BAR_WIDTH * pct / 100;

		html_printf(out, "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#ddd\"/>"
			    "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"#777\">%d%%</text>\n",
			    x, x, h - 14, x, h - 2, pct);
	}
	for (size_t k = 0; k < a->ncompetencies; k++) {
		const struct team_line *t = &a->competencies[k];
		int y = (int)k * (BAR_H + 4);

		html_printf(out, "<text x=\"0\" y=\"%d\">%s</text>\n", y + 13, t->competency);
		html_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>\n",
			    BAR_LABEL, y + 2, BAR_WIDTH * t->coverage, BAR_H - 4, coverage_colour(t->coverage));
		html_printf(out, "<text x=\"%d\" y=\"%d\">%ld of %ld meet%s%s</text>\n",
			    BAR_LABEL + BAR_WIDTH + 8, y + 13, t->meeting, t->required,
			    t->key_person_risk ? " · key-person risk" : "",
			    t->unassessed > 0 ? " · some unassessed" : "");
	}
	fputs("</svg>\n", out);
}

/* A point at radius r (levels) on axis i of n. */
static void radar_point(int i, int n, double r, double *x, double *y)
{
	const double pi = 3.14159265358979323846;
	double angle = -pi / 2 + 2 * pi * i / n;
	double scale = (RADAR_SIZE / 2 - 40) / 5.0;

	*x = RADAR_SIZE / 2 + cos(angle) * r * scale;
	*y = RADAR_SIZE / 2 + sin(angle) * r * scale;
}

static void radar(FILE *out, const struct member_view *v)
{
	int n = (int)v->nlines;
	double x, y;

	html_printf(out, "<div class=\"person\"><h3>%s</h3>", v->member->name);
	if (v->has_fit)
		html_printf(out, "<div class=\"rule\">%s, fit %.0f%%</div>\n", v->member->role, 100 * v->fit);
	else
		html_printf(out, "<div class=\"rule\">%s, fit unknown</div>\n",
			    v->member->role ? v->member->role : "no function profile");
	if (n < 3) {
		fputs("<p class=\"rule\">Too few required competencies for a radar chart.</p></div>\n", out);
		return;
	}
	html_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Required against current level of %s\" "
		    "font-size=\"8\">\n", RADAR_SIZE, RADAR_SIZE, RADAR_SIZE, RADAR_SIZE, v->member->name);
	for (int ring = 1; ring <= 5; ring++) {
		fputs("<polygon fill=\"none\" stroke=\"#e4e4e4\" points=\"", out);
		for (int i = 0; i < n; i++) {
			radar_point(i, n, ring, &x, &y);
			fprintf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
		}
		fputs("\"/>\n", out);
	}
	for (int i = 0; i < n; i++) {
		double lx, ly;

		radar_point(i, n, 5, &x, &y);
		radar_point(i, n, 5.9, &lx, &ly);
		html_printf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ccc\"/>"
			    "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s%s</text>\n",
			    RADAR_SIZE / 2, RADAR_SIZE / 2, x, y, lx, ly, v->lines[i].competency,
			    v->lines[i].est.assessed ? "" : " (?)");
	}
	fputs("<polygon fill=\"none\" stroke=\"#777\" stroke-dasharray=\"4 2\" points=\"", out);
	for (int i = 0; i < n; i++) {
		radar_point(i, n, v->lines[i].required_level, &x, &y);
		fprintf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
	}
	fputs("\"><title>required levels</title></polygon>\n", out);
	fputs("<polygon fill=\"#1f77b4\" fill-opacity=\"0.25\" stroke=\"#1f77b4\" points=\"", out);
	for (int i = 0; i < n; i++) {
		radar_point(i, n, v->lines[i].est.assessed ? v->lines[i].est.level : 0, &x, &y);
		fprintf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
	}
	fputs("\"><title>current levels</title></polygon>\n</svg></div>\n", out);
}

static void trend_chart(FILE *out, const struct trend *tr, const struct analysis *now)
{
	const int left = 40, bottom = 30, top = 10, right = 30;
	int lines = now->ncompetencies < TREND_LINES ? (int)now->ncompetencies : TREND_LINES;
	double span = tr->n > 1 ? (double)(tr->n - 1) : 1;

	html_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
		    "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Coverage month by month\" "
		    "font-size=\"9\">\n", TREND_W, TREND_H + 20 * lines, TREND_W, TREND_H + 20 * lines);
	for (int pct = 0; pct <= 100; pct += 25) {
		double y = top + (TREND_H - top - bottom) * (1 - pct / 100.0);

		html_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>"
			    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>\n",
			    left, y, TREND_W - right, y, left - 4, y + 3, pct);
	}
	for (size_t i = 0; i < tr->n; i++) {
		char date[DATE_ISO_LEN + 1];
		double x = left + (TREND_W - left - right) * (double)i / span;

		date_format(tr->points[i].as_of, date);
		date[7] = '\0';    /* YYYY-MM */
		html_printf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x,
			    TREND_H - bottom + 14, date);
	}
	for (int k = 0; k < lines; k++) {
		const char *c = now->competencies[k].competency;

		html_printf(out, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"",
			    palette[k]);
		for (size_t i = 0; i < tr->n; i++) {
			const struct team_line *t = analysis_competency(&tr->points[i], c);
			double x = left + (TREND_W - left - right) * (double)i / span;
			double y = top + (TREND_H - top - bottom) * (1 - (t ? t->coverage : 0));

			fprintf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
		}
		html_printf(out, "\"><title>%s</title></polyline>\n", c);
		html_printf(out, "<rect x=\"%d\" y=\"%d\" width=\"10\" height=\"10\" fill=\"%s\"/>"
			    "<text x=\"%d\" y=\"%d\">%s</text>\n", left, TREND_H + 20 * k, palette[k],
			    left + 16, TREND_H + 20 * k + 9, c);
	}
	fputs("</svg>\n", out);
}

static void recommendations(FILE *out, const struct recommendations *r)
{
	const char *current = NULL;

	if (r->n == 0) {
		fputs("<p>Nothing to recommend: every member meets every required competency, or falls "
		      "short by less than the gap threshold.</p>\n", out);
		return;
	}
	for (size_t i = 0; i < r->n; i++) {
		const struct recommendation *it = &r->items[i];

		if (current == NULL || strcmp(current, it->competency) != 0) {
			if (current != NULL)
				fputs("</ul>\n", out);
			html_printf(out, "<h3>%s</h3>\n<ul>\n", it->competency);
			current = it->competency;
		}
		html_printf(out, "<li><span class=\"kind\">%s</span> ", rec_kind_name(it->kind));
		if (it->kind == REC_MENTOR)
			html_printf(out, "%s mentors ", it->mentor->person);
		if (it->kind == REC_CROSS_TRAIN)
			html_printf(out, "from %s to ", it->key_person);
		for (size_t m = 0; m < it->nmembers; m++) {
			const struct rec_member *x = &it->members[m];

			html_printf(out, "%s%s", m ? ", " : "", x->name);
			if (x->has_gap && it->kind <= REC_INDIVIDUAL)
				html_printf(out, " (gap %.2f, %s)", x->gap, approach_name(x->approach));
		}
		html_printf(out, "<br/><span class=\"rule\">%s</span></li>\n", it->rule);
	}
	fputs("</ul>\n", out);
}

static void blind_spots(FILE *out, const struct analysis *a)
{
	size_t n = 0;

	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = &a->members[m];

		for (size_t i = 0; i < v->nlines; i++) {
			const struct estimate *e = &v->lines[i].est;

			if (e->flag == FLAG_NONE)
				continue;
			if (n++ == 0)
				fputs("<table><tr><th>Person</th><th>Competency</th><th>Self</th><th>Others</th>"
				      "<th>Difference</th><th></th></tr>\n", out);
			html_printf(out, "<tr><td>%s</td><td>%s</td><td>%.2f</td><td>%.2f</td><td>%+.2f</td>"
				    "<td>%s</td></tr>\n", v->member->name, v->lines[i].competency, e->self_level,
				    e->others_level, e->self_level - e->others_level,
				    e->flag == FLAG_BLIND_SPOT ? "blind spot" : "hidden strength");
		}
	}
	if (n == 0)
		fputs("<p>No one rates themselves a whole level above or below what others see.</p>\n", out);
	else
		fputs("</table>\n", out);
}

static void figures(FILE *out, const struct analysis *a)
{
	long nobody = 0, key = 0, unassessed = 0, flags = 0;

	for (size_t k = 0; k < a->ncompetencies; k++) {
		nobody += a->competencies[k].meeting == 0;
		key += a->competencies[k].key_person_risk;
	}
	for (size_t i = 0; i < a->nlines; i++) {
		unassessed += !a->lines[i].est.assessed;
		flags += a->lines[i].est.flag != FLAG_NONE;
	}
	html_printf(out, "<div class=\"figures\"><div class=\"figure\"><b>%zu</b>members</div>"
		    "<div class=\"figure\"><b>%ld</b>competencies nobody meets</div>"
		    "<div class=\"figure\"><b>%ld</b>key-person risks</div>"
		    "<div class=\"figure\"><b>%ld</b>unassessed requirements</div>"
		    "<div class=\"figure\"><b>%ld</b>blind spots and hidden strengths</div></div>\n",
		    a->nmembers, nobody, key, unassessed, flags);
}

int report_write(FILE *out, const struct report_input *in)
{
	const struct analysis *a = in->now;
	char date[DATE_ISO_LEN + 1];

	date_format(a->as_of, date);
	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\"/>\n", out);
	html_printf(out, "<title>Competency gaps of %s, %s</title>\n<style>%s</style>\n</head>\n<body>\n",
		    in->team, date, style);
	html_printf(out, "<h1>Competency gaps of %s</h1>\n<p class=\"meta\">As of %s, from the evidence "
		    "known up to that day. Made by compgap.</p>\n", in->team, date);
	figures(out, a);
	if (a->ncompetencies == 0) {
		fputs("<p>No member's role requires any competency.</p>\n</body>\n</html>\n", out);
		return ferror(out) ? -1 : 0;
	}
	fputs("<h2>Heatmap</h2>\n<p>Each member's estimated level on each competency that their role "
	      "requires, coloured by the gap to the required level.</p>\n", out);
	heatmap(out, a);
	fputs("<h2>Coverage</h2>\n<p>The share of the members who need a competency that meet their "
	      "role's level, most urgent first (by priority: the mean of weight × gap).</p>\n", out);
	coverage_bars(out, a);
	if (in->trend != NULL && in->trend->n > 1) {
		fputs("<h2>Trend</h2>\n<p>Coverage at the end of each month of the most urgent "
		      "competencies.</p>\n", out);
		trend_chart(out, in->trend, a);
	}
	fputs("<h2>Recommendations</h2>\n", out);
	recommendations(out, in->rec);
	fputs("<h2>Blind spots and hidden strengths</h2>\n<p>Where a member's self-assessment and "
	      "what others see differ by a whole level or more.</p>\n", out);
	blind_spots(out, a);
	fputs("<h2>People</h2>\n<p>Required levels (dashed) against current levels (blue); (?) marks "
	      "a competency without evidence.</p>\n<div class=\"people\">\n", out);
	for (size_t m = 0; m < a->nmembers; m++)
		radar(out, &a->members[m]);
	fputs("</div>\n<h2>How to read this</h2>\n<p class=\"rule\">Levels run from 1 to 5. A level is "
	      "the mean of the evidence weighted by its source and its age (it halves every half-life); "
	      "the confidence grows with the amount of evidence. A gap is the required level minus the "
	      "level, when that is positive. 'compgap explain' shows how any level was reached; "
	      "docs/methodology.md explains the method.</p>\n</body>\n</html>\n", out);
	return ferror(out) ? -1 : 0;
}
