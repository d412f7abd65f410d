/* GET /teams/{key}: the team page (docs/web.md, "The team page"): the
 * heatmap with a cell's explanation, coverage, the year's trend, the
 * recommendations with their rules, the role profiles, all as of one date.
 * Everything is read in one read transaction from the same functions as
 * the command line and the API (view_analyse, gather_recommendations,
 * gather_trend, explain_gather), with the API's reach check of the team
 * (http_visible: out of reach is the 404 page, exactly as absent) and its
 * view_reader for what the caller may not see; then the page is written. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/plan_write.h"
#include "http/form.h"
#include "io/html.h"
#include "store/texts.h"
#include "util/date.h"
#include "web/pages.h"
#include "web/rec_rules.h"
#include "web/team_parts.h"

enum {
	TREND_DAYS = 365,    /* the trend covers the year up to the page's date */
	RECS_SHOWN_MAX = 250 /* recommendations on the page (a team of 15 has about 120
				in generated data); the API has them all */
};

const char *team_num(struct team_page *t, double v, int decimals)
{
	struct buf b;
	char *s;

	buf_init(&b, 64);
	s = fmt_number(&b, t->p->lang, v, decimals) == 0 ? arena_strdup(&t->arena, buf_str(&b)) : NULL;
	buf_free(&b);
	return s != NULL ? s : "";
}

const char *team_date(struct team_page *t, int32_t days)
{
	struct buf b;
	char *s;

	buf_init(&b, 64);
	s = fmt_date(&b, t->p->lang, days) == 0 ? arena_strdup(&t->arena, buf_str(&b)) : NULL;
	buf_free(&b);
	return s != NULL ? s : "";
}

const char *team_competency_name(const struct team_page *t, const char *key)
{
	int64_t v;

	return strmap_get(&t->names, key, &v) ? (const char *)(intptr_t)v : key;
}

static const char *const sort_names[] = { "gap", "member", "competency" };

const char *team_href(struct team_page *t, enum team_sort s, const char *person,
		      const char *competency)
{
	struct buf b;
	char *out;

	buf_init(&b, 4096);
	(void)buf_adds(&b, "/teams/");
	(void)form_url_encode(&b, t->team);
	(void)buf_printf(&b, "?sort=%s", sort_names[s]);
	if (t->as_of_given != NULL) {
		(void)buf_adds(&b, "&as_of=");
		(void)form_url_encode(&b, t->as_of_given);
	}
	if (person != NULL) {
		(void)buf_adds(&b, "&explain=");
		(void)form_url_encode(&b, person);
		(void)buf_adds(&b, "%3A");
		(void)form_url_encode(&b, competency);
		(void)buf_adds(&b, "#explain");
	}
	out = arena_strdup(&t->arena, buf_str(&b));
	buf_free(&b);
	return out != NULL ? out : "";
}

/* The competencies' names in the reader's language (the library's
 * translations, else the stored name), into t->names. */
static int keep_competency_names(struct team_page *t, struct store *st, enum lang l,
				 struct err *err)
{
	struct library lib;

	if (store_load_library(st, lang_code(l), &t->arena, &lib, err) < 0)
		return -1;
	for (size_t i = 0; i < lib.ncompetencies; i++) {
		const struct library_competency *c = &lib.competencies[i];

		if (strmap_put(&t->names, c->key,
			       (int64_t)(intptr_t)(c->name != NULL ? c->name : c->key)) < 0)
			return err_set(err, EX_OSERR, "out of memory");
	}
	return 0;
}

static int keep_team_name(void *arg, const struct team *tm)
{
	struct team_page *t = arg;

	t->team_name = arena_strdup(&t->arena, tm->name != NULL ? tm->name : tm->key);
	return 0;
}

/* Which members the caller may see: all of them for a reader without
 * limits (admin, hr), else those the reach hook allows. */
static int mark_visible(struct team_page *t, const struct view_reader *rd, struct err *err)
{
	t->visible = arena_alloc(&t->arena, (t->a.nmembers + 1) * sizeof *t->visible);
	if (t->visible == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t m = 0; m < t->a.nmembers; m++) {
		int rc = rd == NULL || rd->may_see_person == NULL ? 1
			: rd->may_see_person(rd->ctx, t->a.members[m].member->key, err);

		if (rc < 0)
			return -1;
		t->visible[m] = rc == 1;
		t->nvisible += rc == 1;
	}
	return 0;
}

/* The member of the analysis with key, visible to the caller, or -1. */
static long visible_member(const struct team_page *t, const char *key)
{
	for (size_t m = 0; m < t->a.nmembers; m++)
		if (t->visible[m] && strcmp(t->a.members[m].member->key, key) == 0)
			return (long)m;
	return -1;
}

/* Splits ?explain=PERSON:COMPETENCY at its last colon (a competency key
 * holds none). false when it has no colon or an empty side. */
static bool split_explain(struct team_page *t, const char *v)
{
	const char *colon = strrchr(v, ':');
	char *person;

	if (colon == NULL || colon == v || colon[1] == '\0')
		return false;
	person = arena_alloc(&t->arena, (size_t)(colon - v) + 1);
	if (person == NULL)
		return false;
	memcpy(person, v, (size_t)(colon - v));
	person[colon - v] = '\0';
	t->explain_person = person;
	t->explain_competency = colon + 1;
	return true;
}

static const char *view_member_name(void *ctx, const char *key);

/* Reads everything the page shows. 1 done; 0 the 404 page is to be
 * answered (the team or the explained cell is absent or out of reach);
 * -1 the store failed (err set). */
static int gather(struct team_page *t, struct http_ctx *cx, struct store *st,
		  struct http_audit *au, struct err *err)
{
	struct http_reader_ctx rctx;
	struct view_reader reader;
	const struct view_reader *rd;
	int32_t dates[TREND_POINTS_MAX];
	size_t n;
	int rc;

	rc = http_visible(cx, st, ENTITY_TEAM, t->team, "key", au);
	if (rc != 1)
		return rc;
	rd = http_view_reader(cx, st, &rctx, &reader);
	if (store_each_team(st, t->team, keep_team_name, t, err) < 0 ||
	    keep_competency_names(t, st, page_lang(cx), err) < 0)
		return -1;
	t->set = store_settings(st);
	if (view_analyse(st, t->team, NULL, t->as_of, &t->snap, &t->a, err) < 0)
		return -1;
	t->analysed = true;
	/* The rules name members by key, a department's by the thousand. */
	for (size_t m = 0; m < t->a.nmembers; m++)
		if (strmap_put(&t->members, t->a.members[m].member->key, (int64_t)m) < 0)
			return err_set(err, EX_OSERR, "out of memory");
	if (mark_visible(t, rd, err) < 0)
		return -1;
	if (t->explain_person != NULL) {
		long m;

		rc = http_visible(cx, st, ENTITY_PERSON, t->explain_person, "explain", au);
		if (rc != 1)
			return rc;
		m = visible_member(t, t->explain_person);
		if (m < 0 || analysis_member_line(&t->a.members[m], t->explain_competency) == NULL)
			return 0;
		t->explain_member = (size_t)m;
		t->explained = true;
		if (explain_gather(st, t->explain_person, t->explain_competency, t->as_of, &t->x,
				   err) < 0)
			return -1;
		if (rd != NULL && rd->hide_peer_assessors)
			explain_hide_peer_assessors(&t->x);
	}
	t->recommended = true;
	if (gather_recommendations(st, &t->a, t->team, &t->rctx, &t->rec, err) < 0 ||
	    view_withhold_people(&t->rec, rd, err) < 0 ||
	    web_rec_mentor_names(st, &t->rec, view_member_name, t, &t->people, &t->arena, err) < 0)
		return -1;
	n = trend_dates(t->as_of - TREND_DAYS, t->as_of, dates);
	if (gather_trend(st, t->team, dates, n, &t->tr, err) < 0)
		return -1;
	return 1;
}

static void team_page_free(struct team_page *t)
{
	if (t->explained)
		explain_free(&t->x);
	trend_free(&t->tr);
	if (t->recommended) {
		recommendations_free(&t->rec);
		rec_context_free(&t->rctx);
	}
	if (t->analysed)
		view_analysis_free(&t->snap, &t->a);
	strmap_free(&t->names);
	strmap_free(&t->people);
	strmap_free(&t->members);
	arena_free(&t->arena);
}

/* The as-of form: a GET form, so that the address holds the date (a link
 * to the past can be shared), with the error beside the field. */
static void as_of_form(struct team_page *t, const char *value, const char *error)
{
	struct page *p = t->p;
	char today[DATE_ISO_LEN + 1];

	date_format(t->as_of, today);
	html_printf(p->out, "<form method=\"get\" action=\"/teams/%s\" class=\"form asof\">\n",
		    t->team);
	page_hidden(p, "sort", sort_names[t->sort]);
	page_input(p, &(struct page_input){
		.name = "as_of",
		.label = tr(p->lang, "As of"),
		.type = "date",
		.value = value != NULL ? value : today,
		.hint = tr(p->lang, "Everything on this page as it was known on this day (YYYY-MM-DD)."),
		.error = error,
	});
	page_submit(p, tr(p->lang, "Show"));
	page_form_end(p);
}

static const char *kind_label(enum rec_kind k)
{
	static const char *const labels[REC_KIND_COUNT] = {
		/* N_: the catalogue holds them (they were shown in English). */
		[REC_GROUP] = N_("Group training or coaching"),
		[REC_INDIVIDUAL] = N_("Individual coaching"),
		[REC_MENTOR] = N_("A mentor"),
		[REC_CROSS_TRAIN] = N_("Cross-training"),
		[REC_HIRE] = N_("Hire or bring in expertise"),
		[REC_REASSIGN] = N_("Consider another role"),
		[REC_ASSESS] = N_("Assess first"),
	};

	return (unsigned)k < REC_KIND_COUNT ? labels[k] : "";
}

/* The name of a member of the view, or NULL. */
static const char *view_member_name(void *ctx, const char *key)
{
	const struct team_page *t = ctx;
	int64_t m;

	return strmap_get(&t->members, key, &m) ? t->a.members[m].member->name : NULL;
}

/* The name of a person a rule names (rec_names): a member, or a mentor
 * from elsewhere; NULL when neither. */
static const char *member_name(void *ctx, const char *key)
{
	const struct team_page *t = ctx;
	const char *name = view_member_name(ctx, key);
	int64_t v;

	if (name == NULL && strmap_get(&t->people, key, &v))
		name = (const char *)(intptr_t)v;
	return name;
}

static const char *rule_competency_name(void *ctx, const char *key)
{
	return team_competency_name(ctx, key);
}

/* A recommendation about one member that is an action of a plan
 * (individual coaching, a mentor) accepted into their plan with one
 * button, as on the person page (web/plan_page.c takes the form); only
 * for today's recommendations, which are the ones accepted. A group's or
 * cross-training's members accept it from their own pages. */
static void accept_button(struct team_page *t, const struct recommendation *it,
			  const struct rec_names *names)
{
	struct page *p = t->p;
	enum plan_kind k;
	char ref[PLAN_REF_MAX];

	if (it->nmembers != 1 || (it->kind != REC_INDIVIDUAL && it->kind != REC_MENTOR) ||
	    t->as_of != date_today() ||
	    !http_plan_may(p->caller, PLAN_OP_ADD, it->members[0].person) ||
	    plan_kind_of(it, &it->members[0], &k) < 0)
		return;
	plan_rec_ref(it, it->members[0].person, ref, sizeof ref);
	web_rec_accept_form(p, it->members[0].person, ref, it, names);
}

static void recommendation(struct team_page *t, const struct recommendation *it)
{
	FILE *out = t->p->out;
	enum lang l = t->p->lang;
	const struct rec_names names = {
		.person = member_name, .competency = rule_competency_name, .ctx = t,
		.page_team = t->team
	};
	size_t shown = 0;

	html_printf(out, "<li class=\"rec rec-%s\"><h3>%s: %s</h3>\n", rec_kind_name(it->kind),
		    tr(l, kind_label(it->kind)), team_competency_name(t, it->competency));
	for (size_t m = 0; m < it->nmembers; m++) {
		const struct rec_member *rm = &it->members[m];

		html_printf(out, shown++ ? ", " : "<p class=\"who\">%s: ", tr(l, "Who"));
		html_printf(out, "<a href=\"/people/%s\">%s</a>", rm->person, rm->name);
		if (rm->has_gap)
			html_printf(out, " (%s %s)", tr(l, "gap"), team_num(t, rm->gap, 2));
	}
	if (shown > 0)
		fputs("</p>\n", out);
	html_printf(out, "<p class=\"rule\"><span class=\"rule-label\">%s</span> ", tr(l, "Rule:"));
	web_rec_rule(out, l, it, &names);
	fputs("</p>", out);
	accept_button(t, it, &names);
	fputs("</li>\n", out);
}

/* The API's document of all the page's recommendations, on its day. */
static const char *all_recommendations_href(struct team_page *t)
{
	char day[DATE_ISO_LEN + 1];
	struct buf b;
	char *out;

	date_format(t->as_of, day);
	buf_init(&b, 512);
	(void)buf_adds(&b, "/api/v1/teams/");
	(void)form_url_encode(&b, t->team);
	(void)buf_printf(&b, "/recommendations?as_of=%s", day);
	out = arena_strdup(&t->arena, buf_str(&b));
	buf_free(&b);
	return out != NULL ? out : "";
}

static void recommendations(struct team_page *t)
{
	FILE *out = t->p->out;
	enum lang l = t->p->lang;
	size_t shown = t->rec.n < RECS_SHOWN_MAX ? t->rec.n : RECS_SHOWN_MAX;
	char more[300];

	html_printf(out, "<section class=\"recs\" aria-labelledby=\"recs-h\"><h2 id=\"recs-h\">%s</h2>\n",
		    tr(l, "Recommendations"));
	if (shown < t->rec.n) {
		/* A department of thousands has hundreds of thousands: the most
		 * urgent competencies' come first, each team's page has its own. */
		(void)snprintf(more, sizeof more, tr(l, "The first %s of %s recommendations, the most "
						     "urgent competencies first. Each team's own page "
						     "lists its own."),
			       team_num(t, (double)shown, 0), team_num(t, (double)t->rec.n, 0));
		html_printf(out, "<p class=\"recs-more\">%s <a href=\"%s\">%s</a></p>\n", more,
			    all_recommendations_href(t), tr(l, "All of them as JSON"));
	}
	if (shown > 0)
		fputs("<ol class=\"recs\">\n", out);
	for (size_t i = 0; i < shown; i++)
		recommendation(t, &t->rec.items[i]);
	if (shown > 0)
		fputs("</ol>\n", out);
	else
		html_printf(out, "<p>%s</p>\n", tr(l, "Nothing to recommend: nobody falls short."));
	fputs("</section>\n", out);
}

/* The role profiles of the team's members, from the snapshot (each
 * member's lines are their role's requirements). */
static void profiles(struct team_page *t)
{
	FILE *out = t->p->out;
	enum lang l = t->p->lang;
	const char *done[64];        /* the roles shown; a team of more roles shows the first 64 */
	size_t ndone = 0;

	html_printf(out, "<section class=\"profiles\" aria-labelledby=\"profiles-h\">"
		    "<h2 id=\"profiles-h\">%s</h2>\n", tr(l, "Role profiles"));
	for (size_t m = 0; m < t->a.nmembers && ndone < sizeof done / sizeof done[0]; m++) {
		const struct member_view *v = &t->a.members[m];
		bool seen = false;

		if (v->member->role == NULL || v->nlines == 0)
			continue;
		for (size_t i = 0; i < ndone && !seen; i++)
			seen = strcmp(done[i], v->member->role) == 0;
		if (seen)
			continue;
		done[ndone++] = v->member->role;
		html_printf(out, "<div class=\"scroll\"><table class=\"role-profile\">\n<caption>%s "
			    "<a href=\"/library#r-%s\">%s</a></caption>\n<thead><tr><th scope=\"col\">%s</th>"
			    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
			    "</tr></thead>\n<tbody>\n",
			    tr(l, "Role"), v->member->role, v->member->role, tr(l, "Competency"),
			    tr(l, "Required level"), tr(l, "Weight"));
		for (size_t i = 0; i < v->nlines; i++)
			html_printf(out, "<tr><th scope=\"row\">%s</th><td class=\"num\">%s</td>"
				    "<td class=\"num\">%s</td></tr>\n",
				    team_competency_name(t, v->lines[i].competency),
				    team_num(t, v->lines[i].required_level, 0),
				    team_num(t, v->lines[i].weight, 0));
		fputs("</tbody></table></div>\n", out);
	}
	if (ndone == 0)
		html_printf(out, "<p>%s</p>\n", tr(l, "No member has a role with required competencies."));
	fputs("</section>\n", out);
}

static void write_page(struct team_page *t)
{
	FILE *out = t->p->out;
	enum lang l = t->p->lang;

	html_printf(out, "<p class=\"lead\">%s <span class=\"key\">%s</span> \xc2\xb7 %s %s \xc2\xb7 ",
		    t->team_name, t->team, tr(l, "as of"), team_date(t, t->as_of));
	html_printf(out, "%s %s</p>\n", team_num(t, (double)t->nvisible, 0),
		    trn(l, "member", "members", t->nvisible));
	as_of_form(t, t->as_of_given, NULL);
	html_printf(out, "<p class=\"more-links\"><a href=\"/teams/%s/quality\">%s</a> "
		    "\xc2\xb7 <a href=\"/teams/%s/okr\">%s</a></p>\n", t->team,
		    tr(l, "Quality evaluations of the month"), t->team, tr(l, "Objectives and key results"));
	html_printf(out, "<nav class=\"toc\" aria-label=\"%s\"><ul>"
		    "<li><a href=\"#heatmap-h\">%s</a></li><li><a href=\"#coverage-h\">%s</a></li>"
		    "<li><a href=\"#trend-h\">%s</a></li><li><a href=\"#recs-h\">%s</a></li>"
		    "<li><a href=\"#profiles-h\">%s</a></li></ul></nav>\n",
		    tr(l, "On this page"), tr(l, "Heatmap"), tr(l, "Coverage"), tr(l, "Trend"),
		    tr(l, "Recommendations"), tr(l, "Role profiles"));
	team_heatmap(t);
	team_explanation(t);
	team_coverage(t);
	team_trend(t);
	recommendations(t);
	profiles(t);
	fputs("<script src=\"/assets/team.js\" defer></script>\n", out);
}

/* The page with the as-of form and its error only (400). */
static int bad_date_page(struct http_ctx *cx, struct team_page *t, const char *given)
{
	struct page p;

	if (page_begin(&p, cx) < 0)
		return 0;
	t->p = &p;
	t->as_of = date_today();
	p.nav_current = NULL;
	page_head(&p, tr(p.lang, "Team"));
	as_of_form(t, given, tr(p.lang, "Give a date that exists, as YYYY-MM-DD (for example "
					"2026-03-31)."));
	page_foot(&p);
	return page_finish(&p, 400);
}

int handle_team_page(struct http_ctx *cx)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct http_audit au = { 0 };
	struct team_page t = { 0 };
	const char *v;
	struct page p;
	int rc;

	t.team = http_param(cx->req, "key");
	t.as_of = date_today();
	arena_init(&t.arena, (size_t)1 << 26);
	strmap_init(&t.names);
	strmap_init(&t.people);
	strmap_init(&t.members);
	v = http_query(cx->req, "sort");
	for (size_t i = 0; v != NULL && i < sizeof sort_names / sizeof sort_names[0]; i++)
		if (strcmp(v, sort_names[i]) == 0)
			t.sort = (enum team_sort)i;
	v = http_query(cx->req, "as_of");
	if (v != NULL && v[0] != '\0') {
		if (date_parse(v, &t.as_of) < 0) {
			rc = bad_date_page(cx, &t, v);
			team_page_free(&t);
			return rc;
		}
		t.as_of_given = v;
	}
	v = http_query(cx->req, "explain");
	if (v != NULL && v[0] != '\0' && !split_explain(&t, v)) {
		team_page_free(&t);
		return page_error(cx, 404, NULL);
	}
	if (st == NULL || store_begin_read(st, &err) < 0) {
		team_page_free(&t);
		return page_error(cx, 503, NULL);
	}
	rc = gather(&t, cx, st, &au, &err);
	store_rollback(st);
	if (rc == 1 && page_begin(&p, cx) == 0) {
		t.p = &p;
		page_head(&p, t.team_name != NULL ? t.team_name : t.team);
		write_page(&t);
		page_foot(&p);
		if (page_finish(&p, 200) == 0)
			au = (struct http_audit){ "read", "team", t.team, t.explain_person, "ok", NULL };
	} else if (rc == 0) {
		page_error(cx, 404, NULL);
	} else if (rc < 0) {
		page_error(cx, 503, NULL);
	}
	/* The entry names strings of the page's arena: written before it goes. */
	(void)http_audit_write(cx, st, &au);
	team_page_free(&t);
	return 0;
}
