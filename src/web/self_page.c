/* GET and POST /self-assessment: the signed-in person (an employee or a
 * manager linked to a person) rates themselves on each competency of
 * their role, with the behavioural indicators and level descriptors of
 * the library beside the scale (in the reader's language, store/texts.h),
 * and then sees their self view beside the view of others: the analysis'
 * self and others levels and its blind-spot flag (core/estimate.h), as
 * `compgap person KEY` has them.
 *
 * The ratings are stored as self evidence dated today by POST
 * /api/v1/evidence's own code (http_evidence_add_rows: its rules, its one
 * transaction, its audit entries). A save that fails shows the form
 * again with every choice kept and each error beside its competency. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "io/html.h"
#include "store/texts.h"
#include "util/date.h"
#include "views/views.h"
#include "web/page.h"
#include "web/pages.h"

#define SELF_ROLES (ROLE_BIT(ROLE_EMPLOYEE) | ROLE_BIT(ROLE_MANAGER))

enum {
	NOTE_MAX = 2000,              /* bytes of the note */
	SVG_ROW = 44,                 /* height of one competency in the chart */
	SVG_WIDTH = 420
};

/* What the page shows; the choices and errors of a failed save. */
struct self_view {
	struct page *p;
	const struct member_view *me;     /* the person's lines, or NULL */
	const struct library *lib;
	double blind_spot;                /* the setting's threshold */
	const char **chosen;              /* per line: "1".."5" kept, or NULL */
	const char **errors;              /* per line, or NULL */
	const char *note, *note_error, *message;
};

static const struct library_competency *lib_competency(const struct library *lib, const char *key)
{
	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return &lib->competencies[i];
	return NULL;
}

static const char *name_of(const struct self_view *v, const char *key)
{
	const struct library_competency *c = lib_competency(v->lib, key);

	return c != NULL ? c->name : key;
}

/* v as text in the reader's language, one decimal. */
static const char *number(struct page *p, struct buf *b, double v)
{
	buf_reset(b);
	(void)fmt_number(b, p->lang, v, 1);
	return buf_str(b);
}

/* ---- the blind-spot picture -------------------------------------------- */

static const char *flag_text(struct page *p, enum estimate_flag f)
{
	switch (f) {
	case FLAG_BLIND_SPOT:
		return tr(p->lang, "Blind spot: you rate yourself higher than others do");
	case FLAG_HIDDEN_STRENGTH:
		return tr(p->lang, "Hidden strength: others rate you higher than you do");
	default:
		return "";
	}
}

static void write_table(struct self_view *v, struct buf *b)
{
	struct page *p = v->p;

	html_printf(p->out, "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-labelledby=\"picture-title\">"
		    "<table class=\"blind-spots\">\n<thead><tr>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    tr(p->lang, "Competency"), tr(p->lang, "Your view"), tr(p->lang, "Others' view"),
		    tr(p->lang, "Required level"), tr(p->lang, "Signal"));
	for (size_t i = 0; i < v->me->nlines; i++) {
		const struct member_line *l = &v->me->lines[i];
		const struct estimate *e = &l->est;

		html_printf(p->out, e->flag != FLAG_NONE
				    ? "<tr data-competency=\"%s\" class=\"flagged\"><th scope=\"row\">%s</th>"
				    : "<tr data-competency=\"%s\"><th scope=\"row\">%s</th>",
			    l->competency, name_of(v, l->competency));
		html_printf(p->out, "<td class=\"num self\">%s</td>",
			    e->has_self ? number(p, b, e->self_level) : tr(p->lang, "not rated"));
		html_printf(p->out, "<td class=\"num others\">%s</td>",
			    e->has_others ? number(p, b, e->others_level) : tr(p->lang, "no evidence"));
		html_printf(p->out, "<td class=\"num\">%d</td><td class=\"flag\">%s</td></tr>\n",
			    l->required_level, flag_text(p, e->flag));
	}
	fputs("</tbody>\n</table></div>\n", p->out);
}

/* Two bars per competency on a scale of 0 to 5: self and others, and
 * the required level as a tick. Colours and sizes are in app.css. */
static void write_chart(struct self_view *v, struct buf *b)
{
	struct page *p = v->p;
	size_t n = v->me->nlines;
	double unit = (SVG_WIDTH - 20) / 5.0;

	html_printf(p->out, "<figure class=\"chart\">\n<svg class=\"blind-spot-chart\" role=\"img\" "
		    "viewBox=\"0 0 %d %zu\" aria-labelledby=\"chart-caption\">\n",
		    SVG_WIDTH, n * SVG_ROW + 24);
	for (int k = 0; k <= 5; k++)
		html_printf(p->out, "<line class=\"grid\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%zu\"/>"
			    "<text class=\"axis\" x=\"%.1f\" y=\"%zu\">%d</text>\n",
			    10 + k * unit, 10 + k * unit, n * SVG_ROW, 10 + k * unit, n * SVG_ROW + 18, k);
	for (size_t i = 0; i < n; i++) {
		const struct member_line *l = &v->me->lines[i];
		const struct estimate *e = &l->est;
		size_t y = i * SVG_ROW;

		html_printf(p->out, "<g class=\"row%s\">\n<text class=\"label\" x=\"10\" y=\"%zu\">%s</text>\n",
			    e->flag == FLAG_BLIND_SPOT ? " blind-spot"
			    : e->flag == FLAG_HIDDEN_STRENGTH ? " hidden-strength" : "",
			    y + 13, name_of(v, l->competency));
		if (e->has_self)
			html_printf(p->out, "<rect class=\"bar-self\" x=\"10\" y=\"%zu\" width=\"%.1f\" height=\"11\">"
				    "<title>%s: %s</title></rect>\n", y + 17, e->self_level * unit,
				    tr(p->lang, "Your view"), number(p, b, e->self_level));
		if (e->has_others)
			html_printf(p->out, "<rect class=\"bar-others\" x=\"10\" y=\"%zu\" width=\"%.1f\" height=\"11\">"
				    "<title>%s: %s</title></rect>\n", y + 29, e->others_level * unit,
				    tr(p->lang, "Others' view"), number(p, b, e->others_level));
		html_printf(p->out, "<line class=\"required\" x1=\"%.1f\" y1=\"%zu\" x2=\"%.1f\" y2=\"%zu\"/>\n</g>\n",
			    10 + l->required_level * unit, y + 15, 10 + l->required_level * unit, y + 42);
	}
	html_printf(p->out, "</svg>\n<figcaption id=\"chart-caption\"><span class=\"key-self\">%s</span> "
		    "<span class=\"key-others\">%s</span> <span class=\"key-required\">%s</span></figcaption>\n"
		    "</figure>\n", tr(p->lang, "Your view"), tr(p->lang, "Others' view"),
		    tr(p->lang, "Required level"));
}

static void write_picture(struct self_view *v)
{
	struct page *p = v->p;
	bool any = false;
	char line[300];
	struct buf b;

	for (size_t i = 0; i < v->me->nlines; i++)
		any |= v->me->lines[i].est.has_self;
	html_printf(p->out, "<section class=\"picture\" aria-labelledby=\"picture-title\">\n"
		    "<h2 id=\"picture-title\">%s</h2>\n", tr(p->lang, "Your view beside others'"));
	if (!any) {
		html_printf(p->out, "<p>%s</p>\n</section>\n",
			    tr(p->lang, "When you have rated yourself, your view appears here beside "
					"the view of your manager, peers and other sources."));
		return;
	}
	buf_init(&b, 64);
	(void)snprintf(line, sizeof line,
		       tr(p->lang, "A difference of %s or more between your view and others' is "
				   "marked: talk it over with your manager."),
		       number(p, &b, v->blind_spot));
	html_printf(p->out, "<p>%s</p>\n", line);
	write_table(v, &b);
	write_chart(v, &b);
	buf_free(&b);
	fputs("</section>\n", p->out);
}

/* ---- the form ------------------------------------------------------------ */

static void write_scale(struct self_view *v, size_t i)
{
	struct page *p = v->p;
	const struct member_line *l = &v->me->lines[i];
	const struct library_competency *c = lib_competency(v->lib, l->competency);
	const char *err = v->errors != NULL ? v->errors[i] : NULL;
	const char *chosen = v->chosen != NULL ? v->chosen[i] : NULL;
	char name[32];

	html_printf(p->out, err != NULL
			    ? "<fieldset class=\"scale invalid\" id=\"c-%zu\" aria-describedby=\"c-%zu-error\">\n"
			    : "<fieldset class=\"scale\" id=\"c-%zu\">\n", i, i);
	html_printf(p->out, "<legend>%s <span class=\"required-level\">(%s %d)</span></legend>\n",
		    name_of(v, l->competency), tr(p->lang, "required level"), l->required_level);
	if (err != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"c-%zu-error\">%s</p>\n", i, err);
	(void)snprintf(name, sizeof name, "competency-%zu", i);
	page_hidden(p, name, l->competency);
	(void)snprintf(name, sizeof name, "level-%zu", i);
	if (c != NULL && c->description != NULL)
		html_printf(p->out, "<p class=\"description\">%s</p>\n", c->description);
	if (c != NULL && c->nindicators > 0 && c->indicators[0].level == 0) {
		html_printf(p->out, "<details class=\"indicators\"><summary>%s</summary><ul>\n",
			    tr(p->lang, "Behavioural indicators"));
		for (size_t k = 0; k < c->nindicators && c->indicators[k].level == 0; k++)
			html_printf(p->out, "<li>%s</li>\n", c->indicators[k].text);
		fputs("</ul></details>\n", p->out);
	}
	fputs("<div class=\"levels-scale\">\n", p->out);
	for (int lv = 1; lv <= 5; lv++) {
		const char *text = NULL;
		char value[12];

		for (size_t k = 0; c != NULL && k < c->nindicators; k++)
			if (c->indicators[k].level == lv)
				text = c->indicators[k].text;
		(void)snprintf(value, sizeof value, "%d", lv);
		html_printf(p->out, "<div class=\"level\"><input type=\"radio\" name=\"%s\" id=\"%s-%d\" "
			    "value=\"%d\"", name, name, lv, lv);
		if (chosen != NULL && strcmp(chosen, value) == 0)
			fputs(" checked", p->out);
		if (err != NULL)
			fputs(" aria-invalid=\"true\"", p->out);
		html_printf(p->out, "><label for=\"%s-%d\"><span class=\"n\">%d</span> "
			    "<span class=\"descriptor\">%s</span></label></div>\n",
			    name, lv, lv, text != NULL ? text : "");
	}
	fputs("</div>\n</fieldset>\n", p->out);
}

static int show(struct self_view *v, int status)
{
	struct page *p = v->p;
	const char *saved = http_query(p->cx->req, "saved");

	p->nav_current = "/self-assessment";
	page_head(p, tr(p->lang, "Self-assessment"));
	if (v->message != NULL)
		page_message(p, "error", v->message);
	else if (saved != NULL && strcmp(saved, "1") == 0)
		page_message(p, "ok", tr(p->lang, "Your self-assessment is saved, dated today."));
	if (v->me == NULL || v->me->nlines == 0) {
		html_printf(p->out, "<p>%s</p>\n",
			    tr(p->lang, "Your role has no competency profile yet, so there is nothing "
					"to rate. Ask HR to give your role its profile."));
		page_foot(p);
		return page_finish(p, status);
	}
	write_picture(v);
	html_printf(p->out, "<h2>%s</h2>\n<p>%s</p>\n", tr(p->lang, "Rate yourself"),
		    tr(p->lang, "For each competency of your role, choose the level that describes "
				"how you work now. The descriptions beside the numbers say what each "
				"level means."));
	page_form_begin(p, "/self-assessment");
	for (size_t i = 0; i < v->me->nlines; i++)
		write_scale(v, i);
	html_printf(p->out, "<div class=\"field%s\">\n<label for=\"note\">%s</label>\n"
		    "<p class=\"hint\" id=\"note-hint\">%s</p>\n",
		    v->note_error != NULL ? " invalid" : "", tr(p->lang, "A note (optional)"),
		    tr(p->lang, "Examples or context for your manager; it is kept with each rating."));
	if (v->note_error != NULL)
		html_printf(p->out, "<p class=\"error\" id=\"note-error\">%s</p>\n", v->note_error);
	fputs(v->note_error != NULL
		      ? "<textarea id=\"note\" name=\"note\" rows=\"4\" aria-invalid=\"true\" "
			"aria-describedby=\"note-error note-hint\">"
		      : "<textarea id=\"note\" name=\"note\" rows=\"4\" aria-describedby=\"note-hint\">",
	      p->out);
	/* A newline right after <textarea> is dropped by the HTML parser:
	 * one more keeps a note that begins with one. */
	html_printf(p->out, "\n%s</textarea>\n</div>\n", v->note != NULL ? v->note : "");
	page_submit(p, tr(p->lang, "Save my self-assessment"));
	page_form_end(p);
	page_foot(p);
	return page_finish(p, status);
}

/* The page for a caller without a person of their own. */
static int not_for_you(struct http_ctx *cx)
{
	struct page p;

	if (page_begin(&p, cx) < 0)
		return 0;
	p.nav_current = "/self-assessment";
	page_head(&p, tr(p.lang, "Self-assessment"));
	html_printf(p.out, "<p class=\"lead\">%s</p>\n<p><a href=\"/\">%s</a></p>\n",
		    tr(p.lang, "The self-assessment is for employees and managers whose account is "
			       "linked to their own person record. Your account is not, so there is "
			       "nothing for you to rate here."),
		    tr(p.lang, "Go to the start page"));
	page_foot(&p);
	return page_finish(&p, 200);
}

/* Loads what the page shows and renders it: v's choices and errors kept. */
static int render(struct http_ctx *cx, struct page *p, struct self_view *v, int status)
{
	const char *person = cx->req->caller->person;
	struct team_snapshot snap;
	struct analysis a;
	struct library lib;
	struct err err = { 0 };
	struct arena ar;
	struct store *st = http_store(cx, &err);
	int rc;

	if (st == NULL || store_begin_read(st, &err) < 0) {
		page_discard(p);
		return page_error(cx, 503, NULL);
	}
	arena_init(&ar, 1 << 24);
	rc = store_load_library(st, lang_code(p->lang), &ar, &lib, &err);
	if (rc == 0)
		rc = view_analyse(st, NULL, person, date_today(), &snap, &a, &err);
	v->blind_spot = store_settings(st)->blind_spot;
	store_rollback(st);
	if (rc < 0) {
		arena_free(&ar);
		page_discard(p);
		return page_error(cx, err.code == EX_DATAERR ? 404 : 503, NULL);
	}
	v->p = p;
	v->lib = &lib;
	v->me = a.nmembers > 0 ? &a.members[0] : NULL;
	rc = show(v, status);
	view_analysis_free(&snap, &a);
	arena_free(&ar);
	return rc;
}

int handle_self_page(struct http_ctx *cx)
{
	const struct http_caller *c = cx->req->caller;
	struct self_view v = { 0 };
	struct page p;

	if (!http_role_in(c, SELF_ROLES) || c->person[0] == '\0')
		return not_for_you(cx);
	if (page_begin(&p, cx) < 0)
		return 0;
	return render(cx, &p, &v, 200);
}

/* The line a field "[i].name" of the stored rows names, through rows. */
static size_t row_of_field(const char *field)
{
	return field[0] == '[' ? strtoul(field + 1, NULL, 10) : 0;
}

int handle_self_post(struct http_ctx *cx)
{
	const struct http_caller *c = cx->req->caller;
	struct self_view v = { 0 };
	struct team_snapshot snap;
	struct analysis a;
	struct field_error fe = { 0 };
	struct err err = { 0 };
	struct store *st;
	struct page p;
	const char **values;
	size_t *line_of;
	size_t n, nrows = 0;
	bool bad = false;
	long stored = 0;
	char today[DATE_ISO_LEN + 1];
	int rc;

	if (!http_role_in(c, SELF_ROLES) || c->person[0] == '\0')
		return not_for_you(cx);
	if (page_begin(&p, cx) < 0)
		return 0;
	/* The lines of the person's role now: what the form must rate. */
	st = http_store(cx, &err);
	if (st == NULL || store_begin_read(st, &err) < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	rc = view_analyse(st, NULL, c->person, date_today(), &snap, &a, &err);
	store_rollback(st);
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, err.code == EX_DATAERR ? 404 : 503, NULL);
	}
	n = a.nmembers > 0 ? a.members[0].nlines : 0;
	v.chosen = arena_alloc(cx->arena, (n + 1) * sizeof *v.chosen);
	v.errors = arena_alloc(cx->arena, (n + 1) * sizeof *v.errors);
	values = arena_alloc(cx->arena, (n + 1) * 7 * sizeof *values);
	line_of = arena_alloc(cx->arena, (n + 1) * sizeof *line_of);
	if (v.chosen == NULL || v.errors == NULL || values == NULL || line_of == NULL) {
		view_analysis_free(&snap, &a);
		page_discard(&p);
		return page_error(cx, 500, NULL);
	}
	v.note = page_field(&p, "note");
	if (v.note != NULL && v.note[0] == '\0')
		v.note = NULL;
	if (v.note != NULL && strlen(v.note) > NOTE_MAX) {
		v.note_error = tr(p.lang, "The note is too long: shorten it to at most 2000 characters.");
		bad = true;
	}
	date_format(date_today(), today);
	for (size_t i = 0; i < n; i++) {
		const char *key = a.members[0].lines[i].competency, *level = NULL;
		char name[32];

		/* The choice of the field that carried this competency's key:
		 * a profile changed since the page was made still matches. */
		for (size_t j = 0; j < n + 8 && level == NULL; j++) {
			const char *k;

			(void)snprintf(name, sizeof name, "competency-%zu", j);
			k = page_field(&p, name);
			if (k == NULL || strcmp(k, key) != 0)
				continue;
			(void)snprintf(name, sizeof name, "level-%zu", j);
			level = page_field(&p, name);
			if (level == NULL)
				break;
		}
		v.chosen[i] = level;
		v.errors[i] = NULL;
		if (level == NULL || strlen(level) != 1 || level[0] < '1' || level[0] > '5') {
			v.chosen[i] = NULL;
			v.errors[i] = tr(p.lang, "Choose a level from 1 to 5.");
			bad = true;
			continue;
		}
		values[nrows * 7 + 0] = c->person;
		values[nrows * 7 + 1] = arena_strdup(cx->arena, key);    /* the analysis goes */
		values[nrows * 7 + 2] = level;
		values[nrows * 7 + 3] = "self";
		values[nrows * 7 + 4] = arena_strdup(cx->arena, today);
		values[nrows * 7 + 5] = NULL;
		values[nrows * 7 + 6] = v.note;
		line_of[nrows++] = i;
	}
	view_analysis_free(&snap, &a);
	if (bad) {
		v.message = tr(p.lang, "Nothing was saved yet: see the marked fields below.");
		return render(cx, &p, &v, 422);
	}
	rc = http_evidence_add_rows(cx, values, nrows, &stored, &fe);
	if (rc == 0) {
		page_discard(&p);
		return page_redirect(cx, "/self-assessment?saved=1");
	}
	if (rc < 0) {
		int status = cx->resp->status;

		page_discard(&p);
		return page_error(cx, status == 403 || status == 404 ? status : 503, NULL);
	}
	/* The import's own words (English), beside the field they concern. */
	v.message = tr(p.lang, "Nothing was saved: see the marked fields below.");
	if (strstr(fe.field, ".note") != NULL) {
		v.note_error = arena_strdup(cx->arena, fe.message);
	} else {
		size_t r = row_of_field(fe.field);

		if (r < nrows)
			v.errors[line_of[r]] = arena_strdup(cx->arena, fe.message);
		else
			v.message = arena_strdup(cx->arena, fe.message);
	}
	return render(cx, &p, &v, 422);
}
