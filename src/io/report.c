#include "io/report.h"

#include <stdbool.h>
#include <string.h>

#include "core/subteams.h"
#include "io/html.h"
#include "io/palette.h"
#include "io/report_parts.h"
#include "util/date.h"

/* Phone first: the text reflows, charts scale to the width there is, and
 * a table wider than the screen scrolls inside its own box. In print the
 * headings stay with what follows them, and rows, list items and charts
 * are not split, but nothing taller than a page is kept whole: that would
 * leave most of page 1 empty. */
static const char *const style =
	"*{box-sizing:border-box}"
	"body{font-family:\"DejaVu Sans\",Arial,sans-serif;font-size:10pt;line-height:1.35;color:#222;"
	"margin:0 auto;padding:1em;max-width:62em;overflow-wrap:break-word}"
	"h1{font-size:17pt;margin:.2em 0 0}h2{font-size:13pt;border-bottom:1px solid #bbb;"
	"margin-top:1.6em}h3{font-size:11pt;margin:1.2em 0 .3em}h4{font-size:9.5pt;margin:.8em 0 0}"
	"h1,h2,h3,h4,h2+p,p.legend{break-after:avoid;page-break-after:avoid}"
	".meta,.rule,.id,.role,.count{color:#555}.rule{font-size:9pt}.id{font-weight:normal}"
	".role{display:block;font-size:8pt;font-weight:normal}"
	".figures{display:flex;flex-wrap:wrap;gap:.6em;margin:1em 0;align-items:flex-start}"
	".figure{border:1px solid #ccc;border-radius:4px;padding:.4em .8em;flex:1 1 9em}"
	".figure.wide{flex:1 1 20em}"
	".figure b.n{display:block;font-size:15pt}.figure .teams{display:block;font-size:9pt;"
	"margin-top:.3em}"
	".scroll{overflow-x:auto;max-width:100%}"
	"table{border-collapse:collapse;margin:.3em 0}td,th{border-bottom:1px solid #e4e4e4;"
	"padding:2px 6px;text-align:left;vertical-align:top}thead th{background:#f2f2f2}"
	"tr,li,.person,svg.trend{break-inside:avoid;page-break-inside:avoid}"
	"table.heat{font-size:8.5pt}table.heat td{text-align:center;white-space:nowrap;"
	"border:1px solid #fff;min-width:3.6em;vertical-align:middle}table.heat th.who{font-weight:normal;"
	"min-width:8em;vertical-align:bottom;position:sticky;left:0;background:#fff}"
	"table.heat thead th.who{background:#f2f2f2}"
	"table.heat th.c{vertical-align:bottom;padding:2px 1px}table.heat th.c span{writing-mode:"
	"vertical-rl;transform:rotate(180deg);white-space:nowrap;display:inline-block}"
	".req{font-size:7pt;opacity:.85}td.nr{background:#fff;border:1px solid #eee}"
	".legend .key{display:inline-block;margin-right:1em;white-space:nowrap}"
	".swatch{display:inline-block;min-width:1.8em;height:1.3em;text-align:center;vertical-align:"
	"middle;border:1px solid #999;font-size:8pt}"
	"table.cov th{font-weight:normal}.nw{white-space:nowrap}.bar{display:block;width:7em;"
	"height:.6em;background:#eee;margin:.15em 0 .2em}.bar span{display:block;height:100%;background:" PALETTE_ACCENT "}"
	"svg{display:block;max-width:100%;height:auto;margin:.5em 0}svg.trend{width:100%;max-width:42em}"
	".people{display:grid;grid-template-columns:repeat(auto-fill,minmax(17em,1fr));gap:0 1em}"
	".person svg{width:100%;max-width:26em}"
	".kind{font-weight:bold;text-transform:uppercase;font-size:8pt;letter-spacing:.05em;color:#444}"
	"li{margin-bottom:.4em}"
	"table.heat td,.swatch,.bar span{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"@page{size:A4;margin:14mm}"
	"@media print{body{padding:0;max-width:none;font-size:9pt}.scroll{overflow:visible}"
	"table.heat{font-size:7pt}table.heat td{min-width:0}.people{grid-template-columns:"
	"repeat(3,1fr)}}";

const char *report_person_name(const struct report_input *in, const char *key)
{
	const struct analysis *a = in->now;

	for (size_t m = 0; m < a->nmembers; m++)
		if (strcmp(a->members[m].member->key, key) == 0)
			return a->members[m].member->name;
	for (size_t i = 0; i < in->npeople; i++)
		if (strcmp(in->people[i].key, key) == 0)
			return in->people[i].name;
	return NULL;
}

void report_person(FILE *out, const struct report_input *in, const char *key, const char *name)
{
	if (name == NULL)
		name = report_person_name(in, key);
	if (name == NULL)
		html_printf(out, "%s", key);
	else
		html_printf(out, "%s <span class=\"id\">(%s)</span>", name, key);
}

static const char *team_name(const struct report_input *in, const char *key)
{
	if (strcmp(key, in->team) == 0 && in->team_name != NULL)
		return in->team_name;
	for (size_t i = 0; i < in->nteams; i++)
		if (strcmp(in->teams[i].key, key) == 0)
			return in->teams[i].name;
	return NULL;
}

void report_team(FILE *out, const struct report_input *in, const char *key)
{
	const char *name;

	if (key == NULL) {
		fputs("Members without a team", out);
		return;
	}
	name = team_name(in, key);
	if (name == NULL)
		html_printf(out, "%s", key);
	else
		html_printf(out, "%s <span class=\"id\">(%s)</span>", name, key);
}

/* Whether the report's team has sub-teams among its members, so that the
 * figures speak of the department and its teams. */
static bool is_department(const struct report_input *in, const struct subteams *s)
{
	return s->n > 1 || (s->n == 1 && (s->items[0].team == NULL ||
					  strcmp(s->items[0].team, in->team) != 0));
}

/* Which finding a figure counts. */
enum finding {
	NOBODY_MEETS,
	KEY_PERSON
};

static bool has_finding(const struct team_line *t, enum finding f)
{
	return f == NOBODY_MEETS ? t->required > 0 && t->meeting == 0 : t->key_person_risk;
}

/* Writes the competencies of lines[0..n) with finding f, comma-separated;
 * returns how many. */
static long list_findings(FILE *out, const struct team_line *lines, size_t n, enum finding f)
{
	long count = 0;

	for (size_t k = 0; k < n; k++)
		if (has_finding(&lines[k], f))
			html_printf(out, "%s%s", count++ ? ", " : "", lines[k].competency);
	return count;
}

static long count_findings(const struct team_line *lines, size_t n, enum finding f)
{
	long count = 0;

	for (size_t k = 0; k < n; k++)
		count += has_finding(&lines[k], f);
	return count;
}

/* A figure for finding f: the whole team's count and competencies, and in
 * a department each team's own, which the whole can hide (a competency
 * that nobody in one team meets may be met in another). */
static void finding_figure(FILE *out, const struct report_input *in, const struct subteams *s,
			   enum finding f)
{
	const struct analysis *a = in->now;
	const char *what = f == NOBODY_MEETS ? "competencies nobody meets"
		: "key-person risks (only one member meets it)";
	long total = count_findings(a->competencies, a->ncompetencies, f), inteams = 0;

	html_printf(out, "<div class=\"figure wide\"><b class=\"n\">%ld</b> %s", total, what);
	if (is_department(in, s))
		fputs(" in the department as a whole", out);
	if (total > 0) {
		fputs(": ", out);
		list_findings(out, a->competencies, a->ncompetencies, f);
	}
	if (is_department(in, s)) {
		for (size_t i = 0; i < s->n; i++)
			inteams += count_findings(s->items[i].competencies, s->items[i].ncompetencies, f);
		html_printf(out, "<span class=\"teams\"><b>%ld</b> in its teams%s", inteams,
			    inteams ? ": " : "");
		for (size_t i = 0, shown = 0; i < s->n; i++) {
			const struct subteam *t = &s->items[i];

			if (count_findings(t->competencies, t->ncompetencies, f) == 0)
				continue;
			fputs(shown++ ? "; " : "", out);
			html_printf(out, "<i>%s</i>: ", t->team ? t->team : "members without a team");
			list_findings(out, t->competencies, t->ncompetencies, f);
		}
		fputs("</span>", out);
	}
	fputs("</div>\n", out);
}

static void figures(FILE *out, const struct report_input *in, const struct subteams *s)
{
	const struct analysis *a = in->now;
	long unassessed = 0, flags = 0;

	for (size_t i = 0; i < a->nlines; i++) {
		unassessed += !a->lines[i].est.assessed;
		flags += a->lines[i].est.flag != FLAG_NONE;
	}
	html_printf(out, "<div class=\"figures\"><div class=\"figure\"><b class=\"n\">%zu</b> members",
		    a->nmembers);
	if (is_department(in, s))
		html_printf(out, " in %zu teams", s->n);
	html_printf(out, "</div>\n<div class=\"figure\"><b class=\"n\">%ld</b> unassessed requirements</div>"
		    "<div class=\"figure\"><b class=\"n\">%ld</b> blind spots and hidden strengths</div>\n",
		    unassessed, flags);
	finding_figure(out, in, s, NOBODY_MEETS);
	finding_figure(out, in, s, KEY_PERSON);
	fputs("</div>\n", out);
}

/* Each team's own findings: what nobody in it meets, its key-person
 * risks, and its coverage, as its own team view shows them. */
static void team_findings(FILE *out, const struct report_input *in, const struct subteams *s)
{
	fputs("<h2>Teams</h2>\n<p>Each team on its own, as its own report would show it: a "
	      "competency that another team covers can still be missing in this one.</p>\n", out);
	for (size_t i = 0; i < s->n; i++) {
		const struct subteam *t = &s->items[i];

		fputs("<section class=\"team\"><h3>", out);
		report_team(out, in, t->team);
		html_printf(out, " <span class=\"count\">· %zu member%s</span></h3>\n<p>", t->nmembers,
			    t->nmembers == 1 ? "" : "s");
		fputs("Nobody meets: ", out);
		if (list_findings(out, t->competencies, t->ncompetencies, NOBODY_MEETS) == 0)
			fputs("none", out);
		fputs(". Key-person risks: ", out);
		if (list_findings(out, t->competencies, t->ncompetencies, KEY_PERSON) == 0)
			fputs("none", out);
		fputs(".</p>\n", out);
		report_coverage(out, in, t->competencies, t->ncompetencies, t->members, t->nmembers, true);
		fputs("</section>\n", out);
	}
}

static void recommendations(FILE *out, const struct report_input *in)
{
	const struct recommendations *r = in->rec;
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
		if (it->kind == REC_MENTOR && it->mentor_withheld) {
			html_printf(out, "a colleague in %s mentors ", rec_team_label(it->mentor->team));
		} else if (it->kind == REC_MENTOR) {
			report_person(out, in, it->mentor->person, NULL);
			fputs(" mentors ", out);
		}
		if (it->kind == REC_CROSS_TRAIN && it->key_person != NULL) {
			fputs("from ", out);
			report_person(out, in, it->key_person, NULL);
			fputs(" to ", out);
		} else if (it->kind == REC_CROSS_TRAIN) {
			fputs("from the one who meets it to ", out);
		}
		for (size_t m = 0; m < it->nmembers; m++) {
			const struct rec_member *x = &it->members[m];

			bool details = x->has_gap && it->kind <= REC_INDIVIDUAL;

			/* Semicolons between members whose gap follows their name. */
			fputs(m == 0 ? "" : details ? "; " : ", ", out);
			report_person(out, in, x->person, x->name);
			if (details)
				html_printf(out, ": gap %.2f, %s", x->gap, approach_name(x->approach));
		}
		html_printf(out, "<br/><span class=\"rule\">%s</span></li>\n",
			    it->mentor_withheld ? it->rule_withheld : it->rule);
	}
	fputs("</ul>\n", out);
}

bool report_hides(const struct report_input *in, const struct member_view *v)
{
	return in->hidden != NULL && in->hidden[v - in->now->members];
}

static void blind_spots(FILE *out, const struct report_input *in)
{
	const struct analysis *a = in->now;
	size_t n = 0;

	for (size_t m = 0; m < a->nmembers; m++) {
		const struct member_view *v = &a->members[m];

		if (report_hides(in, v))
			continue;
		for (size_t i = 0; i < v->nlines; i++) {
			const struct estimate *e = &v->lines[i].est;

			if (e->flag == FLAG_NONE)
				continue;
			if (n++ == 0)
				fputs("<div class=\"scroll\"><table>\n<thead><tr><th>Person</th><th>Competency</th>"
				      "<th>Self</th><th>Others</th><th>Self − others</th></tr></thead>\n<tbody>\n",
				      out);
			fputs("<tr><td>", out);
			report_person(out, in, v->member->key, v->member->name);
			html_printf(out, "</td><td>%s<span class=\"role\">%s</span></td><td>%.2f</td><td>%.2f</td>"
				    "<td>%+.2f</td></tr>\n", v->lines[i].competency,
				    e->flag == FLAG_BLIND_SPOT ? "blind spot" : "hidden strength", e->self_level,
				    e->others_level, e->self_level - e->others_level);
		}
	}
	if (n == 0)
		fputs("<p>No one rates themselves a whole level above or below what others see.</p>\n", out);
	else
		fputs("</tbody></table></div>\n", out);
}

static void people(FILE *out, const struct report_input *in, const struct subteams *s)
{
	fputs("<h2>People</h2>\n<p>Required levels (dashed black) against current levels (blue); "
	      "(?) marks a competency without evidence.</p>\n", out);
	for (size_t i = 0; i < s->n; i++) {
		const struct subteam *t = &s->items[i];

		if (is_department(in, s)) {
			fputs("<h3>", out);
			report_team(out, in, t->team);
			fputs("</h3>\n", out);
		}
		fputs("<div class=\"people\">\n", out);
		for (size_t m = 0; m < t->nmembers; m++)
			if (!report_hides(in, t->members[m]))
				report_radar(out, in, t->members[m]);
		fputs("</div>\n", out);
	}
}

int report_write(FILE *out, const struct report_input *in)
{
	const struct analysis *a = in->now;
	const char *title = in->team_name != NULL ? in->team_name : in->team;
	struct subteams s;
	char date[DATE_ISO_LEN + 1];

	if (subteams_build(a, &s) < 0)
		return -1;
	date_format(a->as_of, date);
	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
	      "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\"/>\n", out);
	html_printf(out, "<title>Competency gaps of %s, %s</title>\n<style>", title, date);
	fputs(style, out);    /* a constant without & or < */
	for (int c = 0; c < HEAT_CLASSES; c++)
		fprintf(out, ".h%d{background:%s;color:%s}", c, palette_heat[c].fill, palette_heat[c].text);
	fputs("</style>\n</head>\n<body>\n", out);
	html_printf(out, "<h1>Competency gaps of %s</h1>\n<p class=\"meta\">Team %s, as of %s, from the "
		    "evidence known up to that day. Made by compgap.</p>\n", title, in->team, date);
	figures(out, in, &s);
	if (a->ncompetencies == 0) {
		fputs("<p>No member's role requires any competency.</p>\n</body>\n</html>\n", out);
		subteams_free(&s);
		return ferror(out) ? -1 : 0;
	}
	if (is_department(in, &s))
		team_findings(out, in, &s);
	fputs("<h2>Heatmap</h2>\n<p>Each member's estimated level on each competency that their role "
	      "requires, with the required level after the slash; the darker the cell, the larger the "
	      "gap.</p>\n", out);
	report_heatmaps(out, in, &s);
	html_printf(out, "<h2>Coverage</h2>\n<p>The share of the members who need a competency that meet "
		    "their role's level, %s, most urgent first (by priority: the mean of weight × gap)."
		    "</p>\n", is_department(in, &s) ? "in the department as a whole" : "in the team");
	report_coverage(out, in, a->competencies, a->ncompetencies, s.members, a->nmembers, false);
	if (in->trend != NULL && in->trend->n > 1) {
		fputs("<h2>Trend</h2>\n<p>Coverage at the end of each month of the most urgent "
		      "competencies, from the first month with evidence; a gap in a line is a month without "
		      "evidence on it.</p>\n", out);
		report_trend(out, in->trend, a);
	}
	fputs("<h2>Recommendations</h2>\n", out);
	recommendations(out, in);
	fputs("<h2>Blind spots and hidden strengths</h2>\n<p>Where a member's self-assessment and "
	      "what others see differ by a whole level or more.</p>\n", out);
	blind_spots(out, in);
	people(out, in, &s);
	fputs("<h2>How to read this</h2>\n<p class=\"rule\">Levels run from 1 to 5. A level is "
	      "the mean of the evidence weighted by its source and its age (it halves every half-life); "
	      "the confidence grows with the amount of evidence. A gap is the required level minus the "
	      "level, when that is positive. 'compgap explain' shows how any level was reached; "
	      "docs/methodology.md explains the method.</p>\n</body>\n</html>\n", out);
	subteams_free(&s);
	return ferror(out) ? -1 : 0;
}
