/* The team page's heatmap and a cell's explanation (web/team_parts.h).
 * The heatmap is a table, not a drawing: its text stays text, each cell
 * carries its gap as a number beside its colour (the classes h0..h5 of
 * app.css, the colours of io/palette.c), an unassessed cell a hatch and
 * "?" as well, and every cell is a link to its explanation, which the
 * page then shows under the table (?explain=PERSON:COMPETENCY). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/html.h"
#include "io/palette.h"
#include "util/rounding.h"
#include "web/team_parts.h"

enum {
	HEATMAP_ROWS_MAX = 1000     /* a larger view is the export's work, not a page's */
};

/* The sum of weight * gap over a member's assessed lines: how far they
 * are from their role, as the priority weighs a gap. */
static double weighted_gap(const struct member_view *v)
{
	double s = 0;

	for (size_t i = 0; i < v->nlines; i++)
		if (v->lines[i].est.assessed)
			s += v->lines[i].weight * v->lines[i].gap;
	return s;
}

/* qsort has no context: the page being sorted, one request per worker
 * thread at a time. */
static _Thread_local const struct team_page *sorting;

static int by_name(const void *x, const void *y)
{
	const struct snapshot_member *a = sorting->a.members[*(const size_t *)x].member;
	const struct snapshot_member *b = sorting->a.members[*(const size_t *)y].member;
	int c = strcmp(a->name != NULL ? a->name : "", b->name != NULL ? b->name : "");

	return c != 0 ? c : strcmp(a->key, b->key);
}

static int by_gap(const void *x, const void *y)
{
	double a = weighted_gap(&sorting->a.members[*(const size_t *)x]);
	double b = weighted_gap(&sorting->a.members[*(const size_t *)y]);

	if (a != b)
		return a > b ? -1 : 1;
	return by_name(x, y);
}

static int by_competency_name(const void *x, const void *y)
{
	const char *a = sorting->a.competencies[*(const size_t *)x].competency;
	const char *b = sorting->a.competencies[*(const size_t *)y].competency;
	int c = strcmp(team_competency_name(sorting, a), team_competency_name(sorting, b));

	return c != 0 ? c : strcmp(a, b);
}

/* Whether a visible member needs competency c. */
static bool needed(const struct team_page *t, const char *c)
{
	for (size_t m = 0; m < t->a.nmembers; m++)
		if (t->visible[m] && analysis_member_line(&t->a.members[m], c) != NULL)
			return true;
	return false;
}

static void legend(struct team_page *t)
{
	static const char *const labels[HEAT_CLASSES] = {
		[HEAT_MEETS] = "meets the level",
		[HEAT_UNDER_HALF] = "short by under 0.5",
		[HEAT_HALF_TO_ONE] = "0.5 to 1 short",
		[HEAT_ONE_TO_TWO] = "1 to 2 short",
		[HEAT_TWO_OR_MORE] = "2 or more short",
		[HEAT_UNASSESSED] = "unassessed: no evidence",
	};
	FILE *out = t->p->out;

	html_printf(out, "<ul class=\"legend\" aria-label=\"%s\">", tr(t->p->lang, "Legend"));
	for (int c = 0; c < HEAT_CLASSES; c++)
		html_printf(out, "<li><span class=\"swatch h%d\" aria-hidden=\"true\">%s</span>%s</li>", c,
			    c == HEAT_UNASSESSED ? "?" : "", tr(t->p->lang, labels[c]));
	html_printf(out, "<li><span class=\"swatch nr\" aria-hidden=\"true\"></span>%s</li></ul>\n",
		    tr(t->p->lang, "not required by the role"));
}

static void sort_links(struct team_page *t)
{
	static const char *const labels[] = { "by gap", "by member", "by competency" };
	FILE *out = t->p->out;

	html_printf(out, "<nav class=\"sorts\" aria-label=\"%s\"><span>%s</span><ul>",
		    tr(t->p->lang, "Sort the heatmap"), tr(t->p->lang, "Sort:"));
	for (int s = SORT_GAP; s <= SORT_COMPETENCY; s++)
		html_printf(out, s == (int)t->sort ? "<li><a href=\"%s\" aria-current=\"true\">%s</a></li>"
						  : "<li><a href=\"%s\">%s</a></li>",
			    team_href(t, (enum team_sort)s, NULL, NULL), tr(t->p->lang, labels[s]));
	fputs("</ul></nav>\n", out);
}

static void cell(struct team_page *t, const struct member_view *v, const char *competency)
{
	const struct member_line *l = analysis_member_line(v, competency);
	enum lang lang = t->p->lang;
	FILE *out = t->p->out;
	bool selected;
	int cls;

	if (l == NULL) {
		html_printf(out, "<td class=\"nr\"><span class=\"vh\">%s</span></td>",
			    tr(lang, "not required"));
		return;
	}
	cls = (int)palette_heat_class(l->est.assessed, l->meets, l->gap);
	selected = t->explained && t->explain_member == (size_t)(v - t->a.members) &&
		   strcmp(t->explain_competency, competency) == 0;
	html_printf(out, "<td class=\"h%d%s\"", cls, selected ? " sel" : "");
	if (l->est.assessed)    /* for scripts and tests: the number unrounded, unlocalised */
		html_printf(out, " data-gap=\"%.6f\"", l->gap);
	html_printf(out, "><a href=\"%s\"%s aria-label=\"%s, %s: ",
		    team_href(t, t->sort, v->member->key, competency),
		    selected ? " aria-current=\"true\"" : "", v->member->name,
		    team_competency_name(t, competency));
	if (l->est.assessed) {
		const char *gap = team_num(t, l->gap, 2);

		/* A shortfall that two decimals would show as 0.00, as the
		 * command line's table writes it. */
		if (!l->meets && decimals_apart(l->gap, 0, 2, 2) < 0) {
			char *under = arena_alloc(&t->arena, 64);

			if (under != NULL) {
				(void)snprintf(under, 64, "<%s", team_num(t, 0.01, 2));
				gap = under;
			}
		}
		html_printf(out, "%s %s (%s %s, %s %s)\">%s</a></td>", tr(lang, "gap"), gap,
			    tr(lang, "level"), team_num(t, l->est.level, 2), tr(lang, "required"),
			    team_num(t, l->required_level, 0), gap);
	}
	else
		html_printf(out, "%s (%s %s)\">?</a></td>", tr(lang, "unassessed"), tr(lang, "required"),
			    team_num(t, l->required_level, 0));
}

void team_heatmap(struct team_page *t)
{
	FILE *out = t->p->out;
	enum lang lang = t->p->lang;
	size_t *rows = malloc((t->a.nmembers + 1) * sizeof *rows);
	size_t *cols = malloc((t->a.ncompetencies + 1) * sizeof *cols);
	size_t nrows = 0, ncols = 0;

	html_printf(out, "<section class=\"heatmap\" aria-labelledby=\"heatmap-h\">"
		    "<h2 id=\"heatmap-h\">%s</h2>\n", tr(lang, "Heatmap"));
	if (rows == NULL || cols == NULL) {
		html_printf(out, "<p>%s</p></section>\n", tr(lang, "The heatmap could not be made."));
		free(rows);
		free(cols);
		return;
	}
	for (size_t m = 0; m < t->a.nmembers; m++)
		if (t->visible[m])
			rows[nrows++] = m;
	for (size_t k = 0; k < t->a.ncompetencies; k++)
		if (needed(t, t->a.competencies[k].competency))
			cols[ncols++] = k;
	sorting = t;
	qsort(rows, nrows, sizeof *rows, t->sort == SORT_GAP ? by_gap : by_name);
	if (t->sort == SORT_COMPETENCY)
		qsort(cols, ncols, sizeof *cols, by_competency_name);
	sorting = NULL;
	if (nrows == 0 || ncols == 0) {
		html_printf(out, "<p>%s</p></section>\n",
			    tr(lang, nrows == 0 ? "No members to show." : "No member's role requires any competency."));
		free(rows);
		free(cols);
		return;
	}
	sort_links(t);
	legend(t);
	/* The caption stays short: it is as wide as the table, which scrolls
	 * on a phone; the longer description stands before the box. */
	html_printf(out, "<p class=\"hint\" id=\"heat-desc\">%s</p>\n",
		    tr(lang, "The gap is the required level minus the current level. Choose a cell for "
			     "its explanation."));
	html_printf(out, "<div class=\"scroll heat-wrap\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"heat-caption\"><table class=\"heat\" id=\"heat\" "
		    "aria-describedby=\"heat-desc\">\n<caption id=\"heat-caption\" class=\"vh\">%s %s</caption>\n"
		    "<thead><tr>",
		    tr(lang, "Gaps by member and competency, as of"), team_date(t, t->as_of));
	/* The member column's header sorts the rows by name (a link, so the
	 * keyboard and a browser without scripts reach it); aria-sort says
	 * when it is the order shown. */
	html_printf(out, t->sort == SORT_MEMBER
		    ? "<th scope=\"col\" class=\"who\" aria-sort=\"ascending\"><a href=\"%s\" "
		      "aria-current=\"true\">%s</a></th>"
		    : "<th scope=\"col\" class=\"who\"><a href=\"%s\">%s</a></th>",
		    team_href(t, SORT_MEMBER, NULL, NULL), tr(lang, "Member"));
	for (size_t k = 0; k < ncols; k++) {
		const char *c = t->a.competencies[cols[k]].competency;

		html_printf(out, "<th scope=\"col\" class=\"c\" data-key=\"%s\"><span>%s</span></th>", c,
			    team_competency_name(t, c));
	}
	fputs("</tr></thead>\n<tbody>\n", out);
	for (size_t r = 0; r < nrows && r < HEATMAP_ROWS_MAX; r++) {
		const struct member_view *v = &t->a.members[rows[r]];

		html_printf(out, "<tr data-person=\"%s\"><th scope=\"row\" class=\"who\">"
			    "<a href=\"/people/%s\">%s</a> <span class=\"role\">%s</span></th>",
			    v->member->key, v->member->key, v->member->name,
			    v->member->role != NULL ? v->member->role : tr(lang, "no role"));
		for (size_t k = 0; k < ncols; k++)
			cell(t, v, t->a.competencies[cols[k]].competency);
		fputs("</tr>\n", out);
	}
	fputs("</tbody></table></div>\n", out);
	if (nrows > HEATMAP_ROWS_MAX)
		html_printf(out, "<p class=\"hint\">%s %s</p>\n",
			    tr(lang, "Only the first 1,000 members are shown, in this order; the export "
				     "holds them all. Members in all:"),
			    team_num(t, (double)nrows, 0));
	fputs("</section>\n", out);
	free(rows);
	free(cols);
}

static const char *source_label(enum source s)
{
	static const char *const labels[SOURCE_COUNT] = {
		[SOURCE_SELF] = "self-assessment",
		[SOURCE_MANAGER] = "manager",
		[SOURCE_PEER] = "peer",
		[SOURCE_ASSESSMENT] = "development assessment",
		[SOURCE_TEST] = "test",
		[SOURCE_QA] = "quality evaluation",
		[SOURCE_CUSTOMER] = "customer feedback",
	};

	return (unsigned)s < SOURCE_COUNT ? labels[s] : "";
}

void team_explanation(struct team_page *t)
{
	FILE *out = t->p->out;
	enum lang lang = t->p->lang;
	const struct member_view *v;
	const struct member_line *l;
	const struct explain *x = &t->x;

	if (!t->explained)
		return;
	v = &t->a.members[t->explain_member];
	l = analysis_member_line(v, t->explain_competency);
	html_printf(out, "<section class=\"explain\" id=\"explain\" tabindex=\"-1\" "
		    "aria-labelledby=\"explain-h\"><h2 id=\"explain-h\">%s %s: %s</h2>\n",
		    tr(lang, "Explanation of"), v->member->name, team_competency_name(t, t->explain_competency));
	fputs("<dl class=\"facts\">", out);
	html_printf(out, "<dt>%s</dt><dd>%s</dd>", tr(lang, "Level"),
		    x->est.assessed ? team_num(t, x->est.level, 2) : tr(lang, "unassessed"));
	html_printf(out, "<dt>%s</dt><dd>%s</dd>", tr(lang, "Required level"),
		    team_num(t, l->required_level, 0));
	if (x->est.assessed)
		html_printf(out, "<dt>%s</dt><dd>%s</dd>", tr(lang, "Gap"), team_num(t, l->gap, 2));
	html_printf(out, "<dt>%s</dt><dd>%s</dd>", tr(lang, "Confidence"),
		    team_num(t, x->est.confidence, 2));
	html_printf(out, "<dt>%s</dt><dd>%s</dd>", tr(lang, "Rows counted"),
		    team_num(t, (double)x->est.evidence, 0));
	html_printf(out, "<dt>%s</dt><dd>%s</dd>", tr(lang, "Sum of the weights"),
		    team_num(t, x->sum_weight, 3));
	html_printf(out, "<dt>%s</dt><dd>%s</dd>", tr(lang, "Half-life (days)"),
		    team_num(t, t->set->half_life, 0));
	fputs("</dl>\n", out);
	html_printf(out, "<p>%s</p>\n",
		    tr(lang, "Each row weighs its source's weight times its decay, which halves with "
			     "every half-life of age; the level is the weighted mean of the rows counted "
			     "(docs/methodology.md)."));
	if (x->n == 0) {
		html_printf(out, "<p>%s</p>\n", tr(lang, "There is no evidence on this competency yet."));
	} else {
		html_printf(out, "<div class=\"scroll\"><table class=\"rows\">\n<caption>%s</caption>\n"
			    "<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
			    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
			    tr(lang, "Every evidence row, oldest first"), tr(lang, "Date"), tr(lang, "Source"),
			    tr(lang, "Level"), tr(lang, "Assessor"), tr(lang, "Age (days)"),
			    tr(lang, "Source weight"), tr(lang, "Decay"), tr(lang, "Weight"), tr(lang, "Note"));
		for (size_t i = 0; i < x->n; i++) {
			const struct evidence *e = &x->rows[i];
			struct row_weight rw;

			estimate_row_weight(e, t->set, x->as_of, &rw);
			html_printf(out, "<tr data-id=\"%lld\"%s><th scope=\"row\">%s</th><td>%s</td>"
				    "<td class=\"num\">%s</td><td>%s</td>",
				    (long long)e->id, rw.counted ? "" : " class=\"later\"", team_date(t, e->date),
				    tr(lang, source_label(e->source)), team_num(t, e->level, e->level_decimals),
				    e->assessor != NULL ? e->assessor : "\xe2\x80\x94");
			if (rw.counted)
				html_printf(out, "<td class=\"num\">%s</td><td class=\"num\">%s</td>"
					    "<td class=\"num\">%s</td><td class=\"num\">%s</td>",
					    team_num(t, rw.age, 0), team_num(t, rw.source_weight, 2),
					    team_num(t, rw.decay, 3), team_num(t, rw.weight, 3));
			else
				html_printf(out, "<td colspan=\"4\">%s</td>",
					    tr(lang, "after the date: not counted"));
			html_printf(out, "<td>%s</td></tr>\n", e->note != NULL ? e->note : "");
		}
		fputs("</tbody></table></div>\n", out);
	}
	html_printf(out, "<p><a class=\"close\" href=\"%s\">%s</a></p>\n</section>\n",
		    team_href(t, t->sort, NULL, NULL), tr(lang, "Close the explanation"));
}
