/* GET /people/{key}: one person's profile (docs/web.md, "The person
 * page") for everyone who may see them, through the same reach check as
 * GET /api/v1/people/{key} (http_visible: out of reach is the 404 page,
 * as if absent) and the same analysis as `compgap person`, `compgap
 * explain` and `compgap recommend`: the radar chart, each competency with
 * its level, confidence, flag and evidence timeline, the development
 * focus with the recommendations that name the person, and the form to
 * add evidence. Everything is read in one read transaction; a read of
 * someone else's page is audited as the API's view is. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "http/plan_write.h"
#include "io/html.h"
#include "store/star.h"
#include "store/texts.h"
#include "util/date.h"
#include "views/gather.h"
#include "web/person.h"
#include "web/pages.h"
#include "web/rec_rules.h"

/* The development focus shows at most this many competencies. */
enum { FOCUS_MAX = 3 };

/* Everything the page shows, read before anything is written. */
struct person_data {
	const char *key;
	int32_t as_of;
	struct person who;
	struct team_snapshot snap;
	struct analysis a;
	bool analysed;
	struct library lib;
	const char **names;              /* per line of the member: the competency's name */
	struct explain *x;               /* per line: its evidence, calloc'd */
	struct evidence_star_row *stars; /* the STAR notes of the person's rows, by id */
	size_t nstars;
	size_t nx;
	struct team_snapshot team_snap;  /* the person's team, for its recommendations */
	struct analysis team_a;
	bool team_analysed;
	struct rec_context ctx;
	struct recommendations recs;
	bool recommended;
	struct strmap people;            /* mentors from elsewhere: key -> name (in arena) */
	struct plan_action *plan;        /* their development plan (in arena) */
	size_t nplan;
	bool may_plan;                   /* the reader may add to it */
	struct arena arena;
};

static const char *competency_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; i < lib->ncompetencies; i++)
		if (strcmp(lib->competencies[i].key, key) == 0)
			return lib->competencies[i].name;
	return key;
}

static const char *role_name(const struct library *lib, const char *key)
{
	for (size_t i = 0; key != NULL && i < lib->nroles; i++)
		if (strcmp(lib->roles[i].key, key) == 0)
			return lib->roles[i].name;
	return key;
}

static void data_free(struct person_data *d)
{
	for (size_t i = 0; i < d->nx; i++)
		explain_free(&d->x[i]);
	free(d->x);
	if (d->recommended) {
		recommendations_free(&d->recs);
		rec_context_free(&d->ctx);
	}
	if (d->team_analysed)
		view_analysis_free(&d->team_snap, &d->team_a);
	if (d->analysed)
		view_analysis_free(&d->snap, &d->a);
	strmap_free(&d->people);
	arena_free(&d->arena);
}

/* The name of a member of the person's team, or NULL. */
static const char *team_name_of(void *ctx, const char *key)
{
	const struct person_data *d = ctx;

	for (size_t m = 0; m < d->team_a.nmembers; m++)
		if (strcmp(d->team_a.members[m].member->key, key) == 0)
			return d->team_a.members[m].member->name;
	return NULL;
}

/* Reads what the page shows of d->key (visible to the caller). */
static int gather(struct store *st, struct page *p, struct person_data *d,
		  const struct view_reader *rd, struct err *err)
{
	const struct member_view *v;
	int rc = store_get_person(st, d->key, &d->who, &d->arena, err);

	if (rc <= 0)
		return rc < 0 ? -1 : err_set(err, EX_DATAERR, "no person '%s'", d->key);
	if (store_load_library(st, lang_code(p->lang), &d->arena, &d->lib, err) < 0 ||
	    store_person_stars(st, d->key, &d->arena, &d->stars, &d->nstars, err) < 0 ||
	    view_analyse(st, NULL, d->key, d->as_of, &d->snap, &d->a, err) < 0)
		return -1;
	d->analysed = true;
	v = &d->a.members[0];
	d->names = arena_alloc(&d->arena, (v->nlines + 1) * sizeof *d->names);
	d->x = calloc(v->nlines + 1, sizeof *d->x);
	if (d->names == NULL || d->x == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < v->nlines; i++) {
		d->names[i] = competency_name(&d->lib, v->lines[i].competency);
		d->nx = i + 1;
		if (explain_gather(st, d->key, v->lines[i].competency, d->as_of, &d->x[i], err) < 0)
			return -1;
		/* An employee reading their own rows does not learn who gave
		 * the peer ones (docs/security.md), as the API's explain. */
		if (rd != NULL && rd->hide_peer_assessors)
			explain_hide_peer_assessors(&d->x[i]);
	}
	d->may_plan = http_plan_may(p->caller, PLAN_OP_ADD, d->key);
	if (d->may_plan && store_plan_of_person(st, d->key, &d->arena, &d->plan, &d->nplan, err) < 0)
		return -1;
	if (d->who.team == NULL)
		return 0;
	if (view_analyse(st, d->who.team, NULL, d->as_of, &d->team_snap, &d->team_a, err) < 0)
		return -1;
	d->team_analysed = true;
	if (gather_recommendations(st, &d->team_a, d->who.team, &d->ctx, &d->recs, err) < 0)
		return -1;
	d->recommended = true;
	if (view_withhold_people(&d->recs, rd, err) < 0)
		return -1;
	return web_rec_mentor_names(st, &d->recs, team_name_of, d, &d->people, &d->arena, err);
}

/* ---- writing ---------------------------------------------------------------- */

static const char *flag_text(enum lang l, const struct member_line *ln)
{
	if (!ln->est.assessed)
		return tr(l, "Unassessed");
	if (ln->est.flag == FLAG_BLIND_SPOT)
		return tr(l, "Blind spot");
	if (ln->est.flag == FLAG_HIDDEN_STRENGTH)
		return tr(l, "Hidden strength");
	return ln->meets ? tr(l, "Meets the level") : tr(l, "Gap");
}

static const char *flag_class(const struct member_line *ln)
{
	if (!ln->est.assessed)
		return "unassessed";
	if (ln->est.flag == FLAG_BLIND_SPOT)
		return "blind-spot";
	return ln->meets ? "meets" : "gap";
}

const char *person_source_label(enum lang l, enum source s)
{
	switch (s) {
	case SOURCE_SELF: return trc(l, "evidence source", "Self");
	case SOURCE_MANAGER: return trc(l, "evidence source", "Manager");
	case SOURCE_PEER: return trc(l, "evidence source", "Peer");
	case SOURCE_ASSESSMENT: return trc(l, "evidence source", "Development assessment");
	case SOURCE_TEST: return trc(l, "evidence source", "Test");
	case SOURCE_QA: return trc(l, "evidence source", "Quality evaluation");
	default: return trc(l, "evidence source", "Customer feedback");
	}
}

static void write_header(struct page *p, const struct person_data *d)
{
	const struct member_view *v = &d->a.members[0];

	fputs("<dl class=\"facts\">\n", p->out);
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(p->lang, "Employee number"), d->key);
	if (d->who.team != NULL)
		html_printf(p->out, "<dt>%s</dt><dd><a href=\"/teams/%s\">%s</a></dd>\n",
			    tr(p->lang, "Team"), d->who.team, d->who.team);
	html_printf(p->out, "<dt>%s</dt><dd>%s</dd>\n", tr(p->lang, "Function profile"),
		    d->who.role != NULL ? role_name(&d->lib, d->who.role)
		    : tr(p->lang, "none"));
	html_printf(p->out, "<dt>%s</dt><dd>", tr(p->lang, "Profile fit"));
	if (v->has_fit) {
		person_number(p, v->fit * 100, 0);
		fputs("&#8239;%", p->out);
	} else {
		html_printf(p->out, "%s", tr(p->lang, "unknown"));
	}
	html_printf(p->out, "</dd>\n<dt>%s</dt><dd><time datetime=\"", tr(p->lang, "As of"));
	{
		char iso[DATE_ISO_LEN + 1];

		date_format(d->as_of, iso);
		html_printf(p->out, "%s\">", iso);
	}
	person_date(p, d->as_of);
	html_printf(p->out, "</time></dd>\n<dt>%s</dt><dd><a href=\"/people/%s/coaching\">%s</a>"
		    "</dd>\n</dl>\n", tr(p->lang, "Coaching"), d->key,
		    tr(p->lang, "Sessions and development items"));
	html_printf(p->out, "<p class=\"plan-link\"><a href=\"/people/%s/plan\">%s</a></p>\n", d->key,
		    tr(p->lang, "Development plan"));
}

/* The name of a person a rule names (rec_names): a member of the
 * person's team, or a mentor from elsewhere; NULL when neither. */
static const char *team_member_name(void *ctx, const char *key)
{
	const struct person_data *d = ctx;
	const char *name = team_name_of(ctx, key);
	int64_t v;

	if (name == NULL && strmap_get(&d->people, key, &v))
		name = (const char *)(intptr_t)v;
	return name;
}

static const char *rule_competency_name(void *ctx, const char *key)
{
	const struct person_data *d = ctx;

	return competency_name(&d->lib, key);
}

/* The button that accepts r into the person's plan (web/plan_page.c
 * takes it), or a note that an open action came from it; nothing for a
 * reader who may not add to the plan or what is no person's action. */
static void write_accept(struct page *p, const struct person_data *d,
			 const struct recommendation *r, const struct rec_member *me)
{
	enum plan_kind k;
	char ref[PLAN_REF_MAX];

	if (!d->may_plan || plan_kind_of(r, me, &k) < 0)
		return;
	plan_rec_ref(r, d->key, ref, sizeof ref);
	for (size_t i = 0; i < d->nplan; i++)
		if (d->plan[i].source_ref != NULL && strcmp(d->plan[i].source_ref, ref) == 0 &&
		    (d->plan[i].status == PLAN_PLANNED || d->plan[i].status == PLAN_IN_PROGRESS)) {
			html_printf(p->out, " <a class=\"in-plan\" href=\"/people/%s/plan#action-%lld\">%s</a>",
				    d->key, (long long)d->plan[i].id, tr(p->lang, "in the plan"));
			return;
		}
	web_rec_accept_form(p, d->key, ref, r, &(struct rec_names){
		.person = team_member_name, .competency = rule_competency_name,
		.ctx = (void *)d, .page_team = d->who.team });
}

/* The rows of x as `compgap explain` gives them: date, source, level,
 * weight (and the assessor, unless withheld, and the note). */
/* The STAR note of a row, under it. */
static void write_star(struct page *p, const struct evidence_star *s)
{
	const char *labels[STAR_PARTS] = {
		tr(p->lang, "Situation"), tr(p->lang, "Task"), tr(p->lang, "Action"),
		tr(p->lang, "Result")
	};

	html_printf(p->out, "<tr class=\"star-row\"><td colspan=\"6\"><dl class=\"star\" "
		    "aria-label=\"%s\">", tr(p->lang, "STAR note"));
	for (int i = 0; i < STAR_PARTS; i++)
		if (s->part[i] != NULL && s->part[i][0] != '\0')
			html_printf(p->out, "<dt>%s</dt><dd>%s</dd>", labels[i], s->part[i]);
	fputs("</dl></td></tr>\n", p->out);
}

static void write_timeline(struct page *p, const struct person_data *d, const struct explain *x,
			   const struct settings *set)
{
	char summary[120];

	if (x->n == 0) {
		html_printf(p->out, "<p class=\"empty\">%s</p>\n", tr(p->lang, "No evidence recorded yet."));
		return;
	}
	(void)snprintf(summary, sizeof summary, trn(p->lang, "%lu row of evidence",
		       "%lu rows of evidence", (unsigned long)x->n), (unsigned long)x->n);
	html_printf(p->out, "<details class=\"timeline\"><summary>%s</summary>\n"
		    "<table>\n<thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
		    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead>\n<tbody>\n",
		    summary, tr(p->lang, "Date"),
		    tr(p->lang, "Source"), tr(p->lang, "Level"), tr(p->lang, "Weight"),
		    tr(p->lang, "Assessor"), tr(p->lang, "Note"));
	for (size_t i = 0; i < x->n; i++) {
		const struct evidence *r = &x->rows[i];
		const struct evidence_star *star;
		struct row_weight rw;

		estimate_row_weight(r, set, x->as_of, &rw);
		fputs("<tr><td class=\"date\">", p->out);
		person_date(p, r->date);
		html_printf(p->out, "</td><td>%s</td><td class=\"num\">",
			    person_source_label(p->lang, r->source));
		person_number(p, r->level, 1);
		fputs("</td><td class=\"num\">", p->out);
		if (rw.counted)
			person_number(p, rw.weight, 2);
		else
			html_printf(p->out, "%s", tr(p->lang, "not yet"));
		fputs("</td><td>", p->out);
		if (r->assessor != NULL)
			html_printf(p->out, "%s", r->assessor);
		html_printf(p->out, "</td><td>%s</td></tr>\n", r->note);
		star = star_find(d->stars, d->nstars, r->id);
		if (star != NULL)
			write_star(p, star);
	}
	fputs("</tbody>\n</table>\n</details>\n", p->out);
}

static void write_competencies(struct page *p, const struct person_data *d,
			       const struct settings *set)
{
	const struct member_view *v = &d->a.members[0];

	html_printf(p->out, "<h2 id=\"competencies\">%s</h2>\n", tr(p->lang, "Competencies"));
	for (size_t i = 0; i < v->nlines; i++) {
		const struct member_line *l = &v->lines[i];

		html_printf(p->out, "<section class=\"competency %s\" id=\"c-%s\">\n<h3>%s</h3>\n"
			    "<dl class=\"figures\">\n<dt>%s</dt><dd>%d</dd>\n<dt>%s</dt><dd>",
			    flag_class(l), l->competency, d->names[i], tr(p->lang, "Required level"),
			    l->required_level, tr(p->lang, "Level"));
		if (l->est.assessed)
			person_number(p, l->est.level, 1);
		else
			fputs("\xE2\x80\x93", p->out);
		html_printf(p->out, "</dd>\n<dt>%s</dt><dd>", tr(p->lang, "Confidence"));
		person_number(p, l->est.confidence * 100, 0);
		html_printf(p->out, "&#8239;%%</dd>\n<dt>%s</dt><dd>", tr(p->lang, "Gap"));
		if (l->est.assessed)
			person_number(p, l->gap, 1);
		else
			fputs("\xE2\x80\x93", p->out);
		html_printf(p->out, "</dd>\n<dt>%s</dt><dd><span class=\"flag %s\">%s</span></dd>\n"
			    "</dl>\n", tr(p->lang, "Flag"), flag_class(l), flag_text(p->lang, l));
		write_timeline(p, d, &d->x[i], set);
		fputs("</section>\n", p->out);
	}
}

static const char *kind_text(enum lang l, enum rec_kind k)
{
	switch (k) {
	case REC_GROUP: return tr(l, "Group training or coaching");
	case REC_INDIVIDUAL: return tr(l, "Individual coaching");
	case REC_MENTOR: return tr(l, "A mentor from the organisation");
	case REC_CROSS_TRAIN: return tr(l, "Cross-training from the one who meets the level");
	case REC_HIRE: return tr(l, "Nobody meets the level: hire or train from outside");
	case REC_REASSIGN: return tr(l, "A large gap that hardly develops: consider another task");
	default: return tr(l, "Assess the level first");
	}
}

static const char *approach_text(enum lang l, enum approach a)
{
	switch (a) {
	case APPROACH_INFORM: return tr(l, "inform: advice and material, self-directed");
	case APPROACH_ASSIST: return tr(l, "assist: coached personally");
	case APPROACH_REFER: return tr(l, "refer: formal training or an expert");
	default: return NULL;
	}
}

/* The recommendations of the team that name the person on competency,
 * each with its rule in the reader's words. */
static void write_recommendations(struct page *p, const struct person_data *d,
				  const char *competency)
{
	bool any = false;

	for (size_t i = 0; d->recommended && i < d->recs.n; i++) {
		const struct recommendation *r = &d->recs.items[i];
		const struct rec_member *me = NULL;

		if (strcmp(r->competency, competency) != 0)
			continue;
		for (size_t m = 0; m < r->nmembers; m++)
			if (strcmp(r->members[m].person, d->key) == 0)
				me = &r->members[m];
		if (me == NULL)
			continue;
		if (!any)
			fputs("<ul class=\"recommendations\">\n", p->out);
		any = true;
		html_printf(p->out, "<li><strong>%s</strong>", kind_text(p->lang, r->kind));
		if (approach_text(p->lang, me->approach) != NULL)
			html_printf(p->out, " (%s)", approach_text(p->lang, me->approach));
		if (r->kind == REC_GROUP) {
			char group[120];

			(void)snprintf(group, sizeof group, trn(p->lang, "%lu person in the group",
				       "%lu people in the group", (unsigned long)r->nmembers),
				       (unsigned long)r->nmembers);
			html_printf(p->out, ": %s", group);
		}
		if (r->mentor != NULL && !r->mentor_withheld) {
			const char *name = team_member_name((void *)d, r->mentor->person);

			html_printf(p->out, " %s <a href=\"/people/%s\">%s</a>", tr(p->lang, "mentor:"),
				    r->mentor->person, name != NULL ? name : r->mentor->person);
		}
		else if (r->mentor != NULL && r->mentor->team != NULL)
			html_printf(p->out, ": %s %s", tr(p->lang, "a mentor in team"),
				    r->mentor->team);
		html_printf(p->out, "<br><span class=\"rule\"><span class=\"rule-label\">%s</span> ",
			    tr(p->lang, "Rule:"));
		web_rec_rule(p->out, p->lang, r, &(struct rec_names){
			.person = team_member_name, .competency = rule_competency_name,
			.ctx = (void *)d, .page_team = d->who.team });
		fputs("</span>", p->out);
		write_accept(p, d, r, me);
		fputs("</li>\n", p->out);
	}
	if (any)
		fputs("</ul>\n", p->out);
}

static int by_weighted_gap(const void *a, const void *b)
{
	const struct member_line *x = *(const struct member_line *const *)a;
	const struct member_line *y = *(const struct member_line *const *)b;
	double wx = x->weight * x->gap, wy = y->weight * y->gap;

	if (wx != wy)
		return wx < wy ? 1 : -1;
	return strcmp(x->competency, y->competency);
}

/* The largest weighted gaps (weight x gap, docs/methodology.md), each
 * with the recommendations that name the person. */
static void write_focus(struct page *p, const struct person_data *d)
{
	const struct member_view *v = &d->a.members[0];
	const struct member_line *top[64];
	size_t n = 0;

	for (size_t i = 0; i < v->nlines && n < sizeof top / sizeof top[0]; i++)
		if (v->lines[i].est.assessed && v->lines[i].gap > ESTIMATE_EPS)
			top[n++] = &v->lines[i];
	qsort(top, n, sizeof top[0], by_weighted_gap);
	html_printf(p->out, "<h2 id=\"focus\">%s</h2>\n", tr(p->lang, "Development focus"));
	if (n == 0) {
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "No gap on an assessed competency."));
		return;
	}
	fputs("<ol class=\"focus\">\n", p->out);
	for (size_t k = 0; k < n && k < FOCUS_MAX; k++) {
		html_printf(p->out, "<li><h3><a href=\"#c-%s\">%s</a></h3>\n<p>%s ",
			    top[k]->competency, competency_name(&d->lib, top[k]->competency),
			    tr(p->lang, "Gap"));
		person_number(p, top[k]->gap, 1);
		html_printf(p->out, ", %s %d, %s ", tr(p->lang, "weight of the competency"), top[k]->weight,
			    tr(p->lang, "weighted gap"));
		person_number(p, top[k]->gap * top[k]->weight, 1);
		fputs("</p>\n", p->out);
		write_recommendations(p, d, top[k]->competency);
		fputs("</li>\n", p->out);
	}
	fputs("</ol>\n", p->out);
}

static void write_page(struct page *p, const struct person_data *d, const struct settings *set,
		       const struct person_form *f)
{
	const struct member_view *v = &d->a.members[0];

	p->nav_current = "";
	page_head(p, d->who.name);
	if (f == NULL && http_query(p->cx->req, "added") != NULL)
		page_message(p, "ok", tr(p->lang, "The evidence was added."));
	write_header(p, d);
	html_printf(p->out, "<p class=\"more-links\"><a href=\"/people/%s/evaluations\">%s</a></p>\n",
		    d->key, tr(p->lang, "Quality evaluations"));
	html_printf(p->out, "<h2 id=\"chart\">%s</h2>\n", tr(p->lang, "Required against current level"));
	if (v->nlines == 0)
		html_printf(p->out, "<p>%s</p>\n",
			    tr(p->lang, "This person has no role profile, so no required levels."));
	else
		person_radar(p, v, d->names);
	write_focus(p, d);
	write_competencies(p, d, set);
	person_form_write(p, d->key, &d->lib, v, f);
}

int person_page_answer(struct http_ctx *cx, const char *key, const struct person_form *f,
		       int status)
{
	const struct http_caller *c = cx->req->caller;
	const char *as_of = http_query(cx->req, "as_of");
	struct person_data d = { .key = key, .as_of = date_today() };
	struct http_audit au = { 0 };
	struct http_reader_ctx rctx;
	struct view_reader reader;
	const struct view_reader *rd;
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct page p;
	int rc;

	if (as_of != NULL && date_parse(as_of, &d.as_of) < 0)
		return page_error(cx, 400, NULL);
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	rc = http_visible(cx, st, ENTITY_PERSON, key, "key", &au);
	if (rc != 1) {
		store_rollback(st);
		page_error(cx, rc == 0 ? 404 : 503, NULL);
		return http_audit_write(cx, st, &au);
	}
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	arena_init(&d.arena, 1 << 24);
	strmap_init(&d.people);
	rd = http_view_reader(cx, st, &rctx, &reader);
	rc = gather(st, &p, &d, rd, &err);
	if (rc == 0)
		write_page(&p, &d, store_settings(st), f);
	store_rollback(st);
	data_free(&d);
	if (rc < 0) {
		page_discard(&p);
		return page_error(cx, 503, NULL);
	}
	page_foot(&p);
	if (page_finish(&p, status) < 0)
		return 0;
	/* Someone else's data: the read is logged, as the API's view. */
	if (c == NULL || strcmp(c->person, key) != 0)
		au = (struct http_audit){ "read", "person", key, key, "ok", NULL };
	return http_audit_write(cx, st, &au);
}

int handle_person_page(struct http_ctx *cx)
{
	return person_page_answer(cx, http_param(cx->req, "key"), NULL, 200);
}
