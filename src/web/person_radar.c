/* The person page's radar chart (web/person.h): required against current
 * level on each competency of the person's role. The SVG carries classes
 * only, coloured by app.css (the palette of io/palette.h: the current
 * level in Okabe-Ito blue, the required level as a black dashed line, so
 * that the two differ without colour and in a black-and-white print);
 * its numbers follow as a table for whoever cannot see the chart. */
#include <math.h>
#include <string.h>

#include "io/html.h"
#include "util/buf.h"
#include "web/person.h"

/* The chart's geometry in user units: the outer ring's radius, the
 * labels' distance beyond it, the line height and the widest label line
 * in characters (a label wraps at spaces into at most LABEL_LINES). */
#define RADIUS 100.0
#define LABEL_GAP 10.0
#define LINE_HEIGHT 13.0
enum { LABEL_CHARS = 14, LABEL_LINES = 3, RADAR_LEVELS = 5 };
#define PI 3.14159265358979323846

void person_number(struct page *p, double v, int decimals)
{
	struct buf b;

	buf_init(&b, 64);
	if (fmt_number(&b, p->lang, v, decimals) == 0)
		html_escape(p->out, buf_str(&b));
	buf_free(&b);
}

void person_date(struct page *p, int32_t days)
{
	struct buf b;

	buf_init(&b, 64);
	if (fmt_date_short(&b, p->lang, days) == 0)
		html_escape(p->out, buf_str(&b));
	buf_free(&b);
}

static void point(size_t i, size_t n, double r, double *x, double *y)
{
	double a = -PI / 2 + 2 * PI * (double)i / (double)n;

	*x = r * cos(a);
	*y = r * sin(a);
}

/* Characters (not bytes) of s[0..len). */
static size_t chars(const char *s, size_t len)
{
	size_t n = 0;

	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xC0) != 0x80;
	return n;
}

/* Splits name at spaces into lines of at most LABEL_CHARS characters (a
 * longer word stays whole), at most LABEL_LINES of them, the last ending
 * in an ellipsis when the name goes on. starts[k], lens[k]; returns how
 * many lines. */
static size_t wrap(const char *name, size_t *starts, size_t *lens, bool *more)
{
	size_t n = 0, at = 0, total = strlen(name);

	*more = false;
	while (at < total && n < LABEL_LINES) {
		size_t end = at, fit = 0;

		while (end < total) {
			size_t next = end;

			while (next < total && name[next] == ' ')
				next++;
			while (next < total && name[next] != ' ')
				next++;
			if (fit > 0 && chars(name + at, next - at) > LABEL_CHARS)
				break;
			fit = end = next;
		}
		starts[n] = at;
		lens[n++] = end - at;
		at = end;
		while (at < total && name[at] == ' ')
			at++;
	}
	*more = at < total;
	return n;
}

static void label(struct page *p, size_t i, size_t n, const char *name)
{
	size_t starts[LABEL_LINES], lens[LABEL_LINES], k;
	bool more;
	double x, y, top;
	const char *anchor;
	size_t lines = wrap(name, starts, lens, &more);

	point(i, n, RADIUS + LABEL_GAP, &x, &y);
	anchor = fabs(x) < 1 ? "mid" : x > 0 ? "start" : "end";
	/* Above the chart the label grows upwards, below it downwards, at the
	 * sides it is centred on the axis. */
	if (y < -RADIUS * 0.5)
		top = y - (double)(lines - 1) * LINE_HEIGHT;
	else if (y > RADIUS * 0.5)
		top = y + LINE_HEIGHT * 0.8;
	else
		top = y - (double)(lines - 1) * LINE_HEIGHT / 2 + 4;
	html_printf(p->out, "<text class=\"label %s\" x=\"%.1f\" y=\"%.1f\">", anchor, x, top);
	for (k = 0; k < lines; k++) {
		if (k > 0)
			html_printf(p->out, "<tspan x=\"%.1f\" dy=\"%.0f\">", x, LINE_HEIGHT);
		else
			html_printf(p->out, "<tspan x=\"%.1f\">", x);
		for (size_t c = 0; c < lens[k]; c++) {
			char s[2] = { name[starts[k] + c], '\0' };

			html_escape(p->out, s);
		}
		if (k + 1 == lines && more)
			fputs("\xE2\x80\xA6", p->out);
		fputs("</tspan>", p->out);
	}
	fputs("</text>\n", p->out);
}

/* The polygon of the required levels, or of the current ones (an
 * unassessed line at the centre, its point marked apart). */
static void shape(struct page *p, const struct member_view *v, bool current)
{
	size_t n = v->nlines;

	for (size_t i = 0; i < n; i++) {
		const struct member_line *l = &v->lines[i];
		double level = current ? (l->est.assessed ? l->est.level : 0) : l->required_level;
		double x, y;

		if (level > RADAR_LEVELS)
			level = RADAR_LEVELS;
		point(i, n, RADIUS * level / RADAR_LEVELS, &x, &y);
		html_printf(p->out, "%s%.1f,%.1f", i > 0 ? " " : "", x, y);
	}
}

static void chart(struct page *p, const struct member_view *v, const char *const *names)
{
	size_t n = v->nlines;

	html_printf(p->out, "<figure class=\"radar-figure\">\n<svg xmlns=\"http://www.w3.org/2000/svg\""
		    " class=\"radar\" viewBox=\"-200 -155 400 310\" role=\"img\""
		    " aria-labelledby=\"radar-title\">\n<title id=\"radar-title\">%s</title>\n",
		    tr(p->lang, "Required level against current level, per competency"));
	for (int ring = 1; ring <= RADAR_LEVELS; ring++) {
		fputs("<polygon class=\"ring\" points=\"", p->out);
		for (size_t i = 0; i < n; i++) {
			double x, y;

			point(i, n, RADIUS * ring / RADAR_LEVELS, &x, &y);
			html_printf(p->out, "%s%.1f,%.1f", i > 0 ? " " : "", x, y);
		}
		fputs("\"/>\n", p->out);
		html_printf(p->out, "<text class=\"tick\" x=\"3\" y=\"%.1f\">%d</text>\n",
			    -RADIUS * ring / RADAR_LEVELS - 2, ring);
	}
	for (size_t i = 0; i < n; i++) {
		double x, y;

		point(i, n, RADIUS, &x, &y);
		html_printf(p->out, "<line class=\"axis\" x1=\"0\" y1=\"0\" x2=\"%.1f\" y2=\"%.1f\"/>\n",
			    x, y);
		label(p, i, n, names[i]);
	}
	fputs("<polygon class=\"required\" points=\"", p->out);
	shape(p, v, false);
	fputs("\"/>\n<polygon class=\"current\" points=\"", p->out);
	shape(p, v, true);
	fputs("\"/>\n", p->out);
	for (size_t i = 0; i < n; i++) {
		const struct member_line *l = &v->lines[i];
		double x, y;

		point(i, n, RADIUS * (l->est.assessed ? fmin(l->est.level, RADAR_LEVELS) : 0) / RADAR_LEVELS,
		      &x, &y);
		if (l->est.assessed)
			html_printf(p->out, "<circle class=\"dot\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\"/>\n",
				    x, y);
	}
	fputs("</svg>\n", p->out);
	html_printf(p->out, "<figcaption class=\"legend\"><span class=\"key-current\">%s</span> "
		    "<span class=\"key-required\">%s</span></figcaption>\n</figure>\n",
		    tr(p->lang, "Current level"), tr(p->lang, "Required level"));
}

static void numbers(struct page *p, const struct member_view *v, const char *const *names,
		    bool open)
{
	html_printf(p->out, "<details class=\"radar-numbers\"%s><summary>%s</summary>\n"
		    "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "</tr></thead>\n<tbody>\n", open ? " open" : "",
		    tr(p->lang, "The chart's numbers"), tr(p->lang, "Competency"),
		    tr(p->lang, "Required level"), tr(p->lang, "Current level"), tr(p->lang, "Gap"));
	for (size_t i = 0; i < v->nlines; i++) {
		const struct member_line *l = &v->lines[i];

		html_printf(p->out, "<tr><th scope=\"row\">%s</th><td class=\"num\">%d</td>"
			    "<td class=\"num\">", names[i], l->required_level);
		if (l->est.assessed)
			person_number(p, l->est.level, 1);
		else
			html_printf(p->out, "%s", tr(p->lang, "not assessed"));
		fputs("</td><td class=\"num\">", p->out);
		if (l->est.assessed)
			person_number(p, l->gap, 1);
		else
			fputs("\xE2\x80\x93", p->out);
		fputs("</td></tr>\n", p->out);
	}
	fputs("</tbody>\n</table>\n</details>\n", p->out);
}

void person_radar(struct page *p, const struct member_view *v, const char *const *names)
{
	if (v->nlines >= 3)
		chart(p, v, names);
	else
		html_printf(p->out, "<p>%s</p>\n",
			    tr(p->lang, "Too few competencies for a chart; the numbers are below."));
	numbers(p, v, names, v->nlines < 3);
}
