/* The report's SVG charts: a radar chart per person and the trend. Each
 * has a viewBox that holds everything it draws (the labels too) and no
 * fixed size on the page: the style sheet scales it to the width there is.
 * Text widths are estimated, as there is no font to measure in a file;
 * tests/cli/test_report.sh checks in a browser that every label fits. */
#include "io/report_parts.h"

#include <math.h>
#include <string.h>

#include "io/chart_labels.h"
#include "io/html.h"
#include "io/palette.h"
#include "util/date.h"
#include "util/percent.h"
#include "util/utf8.h"

enum {
	RADAR_R = 70,        /* radius of level 5 */
	RADAR_FONT = 10,
	TREND_LEFT = 42,     /* room for the percentages */
	TREND_TOP = 10,
	TREND_PLOT_W = 280,  /* narrow, so that the text stays legible on a phone */
	TREND_PLOT_H = 170,
	TREND_BOTTOM = 24,   /* room for the months */
	TREND_FONT = 12
};

/* A generous estimate of the width of text in a sans-serif font: wider
 * than the average character, so that a label never leaves its box. */
static double text_width(const char *s, int font)
{
	return (double)utf8_width(s) * font * 0.62;
}

/* A point at level r on axis i of n, around (0, 0). */
static void radar_point(int i, int n, double r, double *x, double *y)
{
	const double pi = 3.14159265358979323846;
	double angle = -pi / 2 + 2 * pi * i / n;

	*x = cos(angle) * r * RADAR_R / 5.0;
	*y = sin(angle) * r * RADAR_R / 5.0;
}

/* The points of the required levels, or of the current ones (0 where
 * unassessed). */
static void radar_polygon(FILE *out, const struct member_view *v, bool current)
{
	int n = (int)v->nlines;

	for (int i = 0; i < n; i++) {
		const struct member_line *l = &v->lines[i];
		double r = !current ? l->required_level : l->est.assessed ? l->est.level : 0;
		double x, y;

		radar_point(i, n, r, &x, &y);
		fprintf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
	}
}

/* Where axis i's label goes, its anchor, and the box it takes. A long
 * label is broken in two at the hyphen or space nearest its middle, so
 * that the chart need not shrink to make room for it. */
struct label_box {
	double x, y;                  /* the first line's anchor point */
	const char *anchor;           /* SVG text-anchor: "start", "middle" or "end" */
	size_t split;                 /* length of the first line; 0: one line */
	double left, right, top, bottom;   /* the box the text covers, to keep it inside */
};

enum {
	LABEL_SPLIT = 12              /* labels longer than this are broken */
};

static size_t split_at(const char *text)
{
	size_t n = strlen(text), best = 0;

	if (utf8_width(text) <= LABEL_SPLIT)
		return 0;
	for (size_t i = 1; i + 1 < n; i++) {
		size_t cut = text[i] == '-' ? i + 1 : text[i] == ' ' ? i : 0;
		size_t longest = cut > n - cut ? cut : n - cut;

		if (cut != 0 && (best == 0 || longest < (best > n - best ? best : n - best)))
			best = cut;
	}
	return best;
}

static struct label_box radar_label(int i, int n, const char *text)
{
	const double line = RADAR_FONT * 1.15;
	struct label_box b;
	double w, dx, dy;
	char first[256];
	int lines;

	b.split = split_at(text);
	lines = b.split ? 2 : 1;
	w = text_width(text, RADAR_FONT);
	if (b.split != 0) {
		(void)snprintf(first, sizeof first, "%.*s", (int)b.split, text);
		w = fmax(text_width(first, RADAR_FONT), text_width(text + b.split + (text[b.split] == ' '),
								    RADAR_FONT));
	}
	radar_point(i, n, 5.6, &b.x, &b.y);
	radar_point(i, n, 1, &dx, &dy);
	/* Labels on the right start at the axis, on the left end at it. */
	if (dx > 0.2 * RADAR_R / 5.0) {
		b.anchor = "start";
		b.left = b.x, b.right = b.x + w;
	} else if (dx < -0.2 * RADAR_R / 5.0) {
		b.anchor = "end";
		b.left = b.x - w, b.right = b.x;
	} else {
		b.anchor = "middle";
		b.left = b.x - w / 2, b.right = b.x + w / 2;
	}
	/* Below the centre the label hangs from the axis' end, above it
	 * stands on it, beside it is centred on it. */
	if (dy > 0.2 * RADAR_R / 5.0)
		b.y += RADAR_FONT * 0.8;
	else if (dy < -0.2 * RADAR_R / 5.0)
		b.y -= line * (lines - 1);
	else
		b.y += RADAR_FONT * 0.35 - line * (lines - 1) / 2;
	b.top = b.y - RADAR_FONT;
	b.bottom = b.y + line * (lines - 1) + RADAR_FONT * 0.3;
	return b;
}

static const char *axis_label(const struct member_line *l, char *buf, size_t size)
{
	if (l->est.assessed)
		return l->competency;
	(void)snprintf(buf, size, "%s (?)", l->competency);
	return buf;
}

/* Writes label text at b, in one line or two. */
static void radar_text(FILE *out, const struct label_box *b, const char *text)
{
	html_printf(out, "<text class=\"axis\" x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\">", b->x, b->y,
		    b->anchor);
	if (b->split == 0) {
		html_escape(out, text);
	} else {
		char first[256];

		(void)snprintf(first, sizeof first, "%.*s", (int)b->split, text);
		html_printf(out, "%s<tspan x=\"%.1f\" dy=\"1.15em\">%s</tspan>", first, b->x,
			    text + b->split + (text[b->split] == ' '));
	}
	fputs("</text>\n", out);
}

void report_radar(FILE *out, const struct report_input *in, const struct member_view *v)
{
	int n = (int)v->nlines;
	double minx = -RADAR_R, maxx = RADAR_R, miny = -RADAR_R, maxy = RADAR_R;
	char buf[256];

	fputs("<div class=\"person\"><h4>", out);
	report_person(out, in, v->member->key, v->member->name);
	fputs("</h4>", out);
	if (v->has_fit)
		html_printf(out, "<div class=\"rule\">%s, fit %ld%%</div>\n", v->member->role,
			    percent_round(v->fit));
	else
		html_printf(out, "<div class=\"rule\">%s, fit unknown</div>\n",
			    v->member->role ? v->member->role : "no function profile");
	if (n < 3) {
		fputs("<p class=\"rule\">Too few required competencies for a radar chart.</p></div>\n", out);
		return;
	}
	for (int i = 0; i < n; i++) {
		struct label_box b = radar_label(i, n, axis_label(&v->lines[i], buf, sizeof buf));

		minx = fmin(minx, b.left), maxx = fmax(maxx, b.right);
		miny = fmin(miny, b.top), maxy = fmax(maxy, b.bottom);
	}
	minx -= 4, miny -= 4, maxx += 4, maxy += 4;
	html_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"radar\" width=\"%.0f\" "
		    "height=\"%.0f\" viewBox=\"%.1f %.1f %.1f %.1f\" role=\"img\" aria-label=\"Required "
		    "against current levels of %s\" font-size=\"%d\">\n", maxx - minx, maxy - miny, minx,
		    miny, maxx - minx, maxy - miny, v->member->name, RADAR_FONT);
	for (int ring = 1; ring <= 5; ring++) {
		fputs("<polygon fill=\"none\" stroke=\"#d0d0d0\" points=\"", out);
		for (int i = 0; i < n; i++) {
			double x, y;

			radar_point(i, n, ring, &x, &y);
			fprintf(out, "%s%.1f,%.1f", i ? " " : "", x, y);
		}
		fputs("\"/>\n", out);
	}
	for (int i = 0; i < n; i++) {
		const char *text = axis_label(&v->lines[i], buf, sizeof buf);
		struct label_box b = radar_label(i, n, text);
		double x, y;

		radar_point(i, n, 5, &x, &y);
		html_printf(out, "<line x1=\"0\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#c0c0c0\"/>", x, y);
		radar_text(out, &b, text);
	}
	fputs("<polygon fill=\"none\" stroke=\"#000\" stroke-width=\"1.2\" stroke-dasharray=\"4 2\" "
	      "points=\"", out);
	radar_polygon(out, v, false);
	fputs("\"><title>required levels</title></polygon>\n", out);
	html_printf(out, "<polygon fill=\"%s\" fill-opacity=\"0.25\" stroke=\"%s\" stroke-width=\"1.5\" "
		    "points=\"", PALETTE_ACCENT, PALETTE_ACCENT);
	radar_polygon(out, v, true);
	fputs("\"><title>current levels</title></polygon>\n</svg></div>\n", out);
}

/* Marker shape k (circle, square, triangle, diamond, triangle down,
 * cross) centred on (x, y), so that each line is known without colour. */
static void marker(FILE *out, int k, double x, double y, const char *colour)
{
	const double s = 3.5;

	switch (k % PALETTE_TREND_LINES) {
	case 0:
		fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>", x, y, s, colour);
		break;
	case 1:
		fprintf(out, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"/>",
			x - s, y - s, 2 * s, 2 * s, colour);
		break;
	case 2:
		fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>", x,
			y - 1.3 * s, x - 1.2 * s, y + s, x + 1.2 * s, y + s, colour);
		break;
	case 3:
		fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>",
			x, y - 1.4 * s, x + 1.4 * s, y, x, y + 1.4 * s, x - 1.4 * s, y, colour);
		break;
	case 4:
		fprintf(out, "<polygon points=\"%.1f,%.1f %.1f,%.1f %.1f,%.1f\" fill=\"%s\"/>", x,
			y + 1.3 * s, x - 1.2 * s, y - s, x + 1.2 * s, y - s, colour);
		break;
	default:
		fprintf(out, "<path d=\"M%.1f,%.1fL%.1f,%.1fM%.1f,%.1fL%.1f,%.1f\" stroke=\"%s\" "
			"stroke-width=\"2.2\"/>", x - s, y - s, x + s, y + s, x - s, y + s, x + s, y - s,
			colour);
		break;
	}
}

/* Whether a month has evidence on any competency. */
static int month_has_evidence(const struct analysis *p)
{
	for (size_t k = 0; k < p->ncompetencies; k++)
		if (p->competencies[k].assessed > 0)
			return 1;
	return 0;
}

/* The coverage of competency c in month i, when it has evidence then. */
static bool month_coverage(const struct trend *tr, size_t i, const char *c, double *coverage)
{
	const struct team_line *t = analysis_competency(&tr->points[i], c);

	if (t == NULL || t->assessed == 0)
		return false;
	*coverage = t->coverage;
	return true;
}

void report_trend(FILE *out, const struct trend *tr, const struct analysis *now)
{
	int lines = now->ncompetencies < PALETTE_TREND_LINES ? (int)now->ncompetencies
		: PALETTE_TREND_LINES;
	struct chart_label ends[PALETTE_TREND_LINES];
	int nends = 0;
	size_t first = 0, step;
	double span;
	int w = TREND_LEFT + TREND_PLOT_W + 24, h;

	while (first < tr->n && !month_has_evidence(&tr->points[first]))
		first++;
	if (tr->n - first < 2) {
		fputs("<p>Too few months with evidence to show a trend.</p>\n", out);
		return;
	}
	span = (double)(tr->n - 1 - first);
	step = (tr->n - first + 4) / 5;     /* at most about five month labels */
	/* Each line's label goes by its last point, moved clear of the others. */
	for (int k = 0; k < lines; k++) {
		double coverage;

		for (size_t i = tr->n; i-- > first;)
			if (month_coverage(tr, i, now->competencies[k].competency, &coverage)) {
				ends[nends++] = (struct chart_label){ k, TREND_TOP + TREND_PLOT_H * (1 - coverage) };
				break;
			}
	}
	chart_spread_labels(ends, nends, TREND_FONT + 2, TREND_TOP + TREND_PLOT_H);
	/* Room on the right for the longest label. */
	for (int i = 0; i < nends; i++) {
		int right = TREND_LEFT + TREND_PLOT_W + 20 +
			(int)ceil(text_width(now->competencies[ends[i].line].competency, TREND_FONT)) + 4;

		w = right > w ? right : w;
	}
	h = TREND_TOP + TREND_PLOT_H + TREND_BOTTOM;
	if (nends > 0 && ends[nends - 1].y + TREND_FONT > h)
		h = (int)ceil(ends[nends - 1].y + TREND_FONT);
	html_printf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"trend\" width=\"%d\" "
		    "height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"Coverage month by "
		    "month\" font-size=\"%d\">\n", w, h, w, h, TREND_FONT);
	for (int pct = 0; pct <= 100; pct += 25) {
		double y = TREND_TOP + TREND_PLOT_H * (1 - pct / 100.0);

		html_printf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e4e4e4\"/>"
			    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d%%</text>\n", TREND_LEFT, y,
			    TREND_LEFT + TREND_PLOT_W, y, TREND_LEFT - 4, y + 3, pct);
	}
	/* Month labels back from the last, which is always labelled. */
	for (long i = (long)tr->n - 1; i >= (long)first; i -= (long)step) {
		char date[DATE_ISO_LEN + 1];
		double x = TREND_LEFT + TREND_PLOT_W * (double)(i - (long)first) / span;

		date_format(tr->points[i].as_of, date);
		date[7] = '\0';    /* YYYY-MM */
		html_printf(out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x,
			    TREND_TOP + TREND_PLOT_H + 16, date);
	}
	for (int k = 0; k < lines; k++) {
		const char *c = now->competencies[k].competency;
		bool pen = false;
		double coverage;

		html_printf(out, "<g><title>%s</title><path fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
			    "d=\"", c, palette_trend[k]);
		/* A month without evidence on c breaks the line. */
		for (size_t i = first; i < tr->n; i++) {
			if (!month_coverage(tr, i, c, &coverage)) {
				pen = false;
				continue;
			}
			fprintf(out, "%s%.1f,%.1f", pen ? "L" : "M",
				TREND_LEFT + TREND_PLOT_W * (double)(i - first) / span,
				TREND_TOP + TREND_PLOT_H * (1 - coverage));
			pen = true;
		}
		fputs("\"/>", out);
		for (size_t i = first; i < tr->n; i++)
			if (month_coverage(tr, i, c, &coverage))
				marker(out, k, TREND_LEFT + TREND_PLOT_W * (double)(i - first) / span,
				       TREND_TOP + TREND_PLOT_H * (1 - coverage), palette_trend[k]);
		fputs("</g>\n", out);
	}
	for (int i = 0; i < nends; i++) {
		int k = ends[i].line;

		marker(out, k, TREND_LEFT + TREND_PLOT_W + 12, ends[i].y, palette_trend[k]);
		html_printf(out, "<text class=\"end\" x=\"%d\" y=\"%.1f\">%s</text>\n",
			    TREND_LEFT + TREND_PLOT_W + 20, ends[i].y + TREND_FONT * 0.35,
			    now->competencies[k].competency);
	}
	fputs("</svg>\n", out);
}
