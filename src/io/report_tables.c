/* The report's tables: a heatmap per team and the coverage tables. They
 * are HTML tables rather than drawings, so that their text stays text:
 * it wraps on a phone (or scrolls inside the table's own box), keeps its
 * size when printed, and carries every value (level / required level) so
 * that the colours are never the only clue. */
#include "io/report_parts.h"


#include "io/html.h"
#include "io/palette.h"
#include "util/percent.h"
#include "util/rounding.h"

static void legend(FILE *out)
{
	fputs("<p class=\"legend\">Each cell: <b>level</b>/required level. ", out);
	for (int c = 0; c < HEAT_CLASSES; c++)
		html_printf(out, "<span class=\"key\"><span class=\"swatch h%d\">%s</span> %s</span> ", c,
			    c == HEAT_UNASSESSED ? "?" : "", palette_heat[c].label);
	fputs("<span class=\"key\"><span class=\"swatch nr\"></span> not required by the role</span></p>\n",
	      out);
}

static void cell(FILE *out, const struct member_view *v, const struct member_line *l)
{
	if (l == NULL) {
		fputs("<td class=\"nr\"></td>", out);
		return;
	}
	html_printf(out, "<td class=\"h%d\" title=\"", (int)palette_heat_class(l->est.assessed, l->meets,
									      l->gap));
	html_printf(out, "%s (%s) on %s: ", v->member->name, v->member->key, l->competency);
	if (l->est.assessed) {
		int decimals = l->meets ? 1 : decimals_apart(l->est.level, l->required_level, 1, 2);
		char level[32];

		/* One decimal, two where one would round a shortfall up to the
		 * required level, "<3.00" where two would too. */
		if (decimals < 0)
			(void)snprintf(level, sizeof level, "<%d.00", l->required_level);
		else
			(void)snprintf(level, sizeof level, "%.*f", decimals, l->est.level);
		html_printf(out, "level %.2f, required %d, gap %.2f, confidence %.2f\">%s",
			    l->est.level, l->required_level, l->gap, l->est.confidence, level);
	}
	else
		html_printf(out, "unassessed, required %d\">?", l->required_level);
	html_printf(out, "<span class=\"req\">/%d</span></td>", l->required_level);
}

/* Whether a member of t needs competency. */
static bool team_needs(const struct subteam *t, const char *competency)
{
	return gap_team_find(t->competencies, t->ncompetencies, competency) != NULL;
}

/* One team's heatmap: its members by the competencies any of them needs,
 * in the order of the whole team view (most urgent first). */
static void team_heatmap(FILE *out, const struct report_input *in, const struct subteam *t)
{
	const struct analysis *a = in->now;

	fputs("<div class=\"scroll\"><table class=\"heat\">\n<thead><tr><th class=\"who\">Person</th>", out);
	for (size_t k = 0; k < a->ncompetencies; k++)
		if (team_needs(t, a->competencies[k].competency))
			html_printf(out, "<th class=\"c\"><span>%s</span></th>", a->competencies[k].competency);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t m = 0; m < t->nmembers; m++) {
		const struct member_view *v = t->members[m];

		if (report_hides(in, v))
			continue;
		fputs("<tr><th class=\"who\">", out);
		report_person(out, in, v->member->key, v->member->name);
		html_printf(out, "<span class=\"role\">%s</span></th>",
			    v->member->role ? v->member->role : "no function profile");
		for (size_t k = 0; k < a->ncompetencies; k++)
			if (team_needs(t, a->competencies[k].competency))
				cell(out, v, analysis_member_line(v, a->competencies[k].competency));
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div>\n", out);
}

void report_heatmaps(FILE *out, const struct report_input *in, const struct subteams *s)
{
	legend(out);
	for (size_t i = 0; i < s->n; i++) {
		const struct subteam *t = &s->items[i];

		fputs("<section class=\"team\"><h3>", out);
		report_team(out, in, t->team);
		html_printf(out, " <span class=\"count\">· %zu member%s</span></h3>\n", t->nmembers,
			    t->nmembers == 1 ? "" : "s");
		if (t->ncompetencies == 0)
			fputs("<p>No member's role requires any competency.</p>\n", out);
		else
			team_heatmap(out, in, t);
		fputs("</section>\n", out);
	}
}

/* Whether everyone who needs t meets it, with nothing unassessed. */
static bool all_meet(const struct team_line *t)
{
	return t->meeting == t->required && t->unassessed == 0;
}

void report_coverage(FILE *out, const struct report_input *in, const struct team_line *lines,
		     size_t n, const struct member_view *const *members, size_t nmembers,
		     bool short_only)
{
	size_t shown = 0, rest = 0;

	for (size_t k = 0; k < n; k++)
		shown += !short_only || !all_meet(&lines[k]);
	if (shown == 0) {
		fputs("<p>Everyone meets every competency their role requires.</p>\n", out);
		return;
	}
	fputs("<div class=\"scroll\"><table class=\"cov\">\n<thead><tr><th>Competency</th>"
	      "<th>Members who meet it</th><th>Note</th></tr></thead>\n<tbody>\n", out);
	for (size_t k = 0; k < n; k++) {
		const struct team_line *t = &lines[k];
		long pct = percent_round(t->coverage);

		if (short_only && all_meet(t))
			continue;
		html_printf(out, "<tr><th>%s</th><td><span class=\"nw\">%ld of %ld (%ld%%)</span><span "
			    "class=\"bar\"><span style=\"width:%ld%%\"></span></span></td><td>", t->competency,
			    t->meeting, t->required, pct, pct);
		if (t->meeting == 0)
			fputs("<b>nobody meets it</b>", out);
		else if (t->key_person_risk) {
			const struct member_view *v = analysis_key_person(members, nmembers,
									  t->competency);

			fputs("<b>key-person risk</b>: only ", out);
			if (v != NULL && !report_hides(in, v))
				report_person(out, in, v->member->key, v->member->name);
			else
				fputs("one", out);
			fputs(" meets it", out);
		}
		if (t->unassessed > 0)
			html_printf(out, "%s%ld unassessed", t->meeting == 0 || t->key_person_risk ? "; " : "",
				    t->unassessed);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody></table></div>\n", out);
	for (size_t k = 0; k < n && shown < n; k++) {
		if (!short_only || !all_meet(&lines[k]))
			continue;
		fputs(rest++ ? ", " : "<p>Everyone who needs it meets it: ", out);
		html_escape(out, lines[k].competency);
	}
	if (rest > 0)
		fputs(".</p>\n", out);
}
