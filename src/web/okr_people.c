/* GET /okr/key-results/{key}[?as_of=]: the people a competency key result
 * counts (docs/web.md, "OKRs"; docs/methodology.md, "OKRs"): the active
 * members of its objective's team and the teams below (for an objective
 * of the organisation, everyone active), each with their level on the
 * competency as of the day, coloured as the team page's heatmap colours a
 * gap (io/palette.h), whether they reach the key result's level, and the
 * count and share. Every member counts whatever their role: the snapshot
 * names the competency (store.h, struct snapshot_filter). Who may read
 * the board may open it; a member the reader may not see (views.h, struct
 * view_reader) is counted but not named. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/estimate.h"
#include "http/api.h"
#include "http/okr_write.h"
#include "io/html.h"
#include "io/palette.h"
#include "store/texts.h"
#include "util/buf.h"
#include "util/date.h"
#include "web/okr_parts.h"
#include "web/pages.h"

/* One member as the page shows them. */
struct counted {
	const char *key, *name, *team;
	bool hidden;                 /* the reader may not see them */
	bool assessed, meets;
	double level;
};

struct people_data {
	const char *key;
	int32_t as_of;
	struct key_result kr;
	struct objective o;
	const char *competency_name;
	struct counted *rows;
	size_t n, meeting, hidden;
};

static int by_name(const void *a, const void *b)
{
	const struct counted *x = a, *y = b;
	int c = strcmp(x->name != NULL ? x->name : "", y->name != NULL ? y->name : "");

	return c != 0 ? c : strcmp(x->key, y->key);
}

/* 1 gathered, 0 nothing the caller may read (404), -1 failed. */
static int gather(struct http_ctx *cx, struct store *st, struct page *p, struct people_data *d,
		  struct err *err)
{
	struct http_reader_ctx rctx;
	struct view_reader reader;
	const struct view_reader *rd;
	struct team_snapshot snap;
	struct snapshot_filter f = { 0 };
	struct library lib;
	int rc = store_okr_key_result(st, d->key, cx->arena, &d->kr, &d->o, err);

	if (rc == 1 && d->kr.type != OKR_COMPETENCY)
		rc = 0;
	if (rc == 1)
		rc = http_okr_readable(cx, st, d->o.team, err);
	if (rc <= 0)
		return rc;
	if (store_load_library(st, lang_code(p->lang), cx->arena, &lib, err) < 0)
		return -1;
	d->competency_name = d->kr.competency;
	for (size_t i = 0; i < lib.ncompetencies; i++)
		if (strcmp(lib.competencies[i].key, d->kr.competency) == 0)
			d->competency_name = lib.competencies[i].name;
	f.team = d->o.team;
	f.everyone = d->o.team == NULL;
	f.competencies = &d->kr.competency;
	f.ncompetencies = 1;
	if (store_load_snapshot(st, &f, d->as_of, &snap, err) < 0)
		return -1;
	rd = http_view_reader(cx, st, &rctx, &reader);
	d->rows = arena_alloc(cx->arena, (snap.nmembers + 1) * sizeof *d->rows);
	rc = d->rows != NULL ? 1 : err_set(err, 70, "out of memory");
	for (size_t m = 0; rc == 1 && m < snap.nmembers; m++) {
		const struct snapshot_member *sm = &snap.members[m];
		struct counted *c = &d->rows[d->n++];
		struct estimate e = { 0 };

		*c = (struct counted){ .key = arena_strdup(cx->arena, sm->key),
				       .name = arena_strdup(cx->arena, sm->name != NULL ? sm->name : sm->key),
				       .team = sm->team != NULL ? arena_strdup(cx->arena, sm->team) : NULL };
		for (size_t l = sm->first_line; l < sm->first_line + sm->nlines; l++)
			if (strcmp(snap.lines[l].competency, d->kr.competency) == 0)
				estimate_from_sums(&snap.lines[l].sums, store_settings(st), d->as_of, &e);
		c->assessed = e.assessed;
		c->level = e.assessed ? e.level : NAN;
		/* Meeting a level as the board counts it (views/okr.c). */
		c->meets = e.assessed && e.level >= d->kr.level - ESTIMATE_EPS;
		d->meeting += c->meets;
		if (rd != NULL) {
			int seen = rd->may_see_person(rd->ctx, sm->key, err);

			if (seen < 0)
				rc = -1;
			c->hidden = seen == 0;
			d->hidden += c->hidden;
		}
	}
	store_free_snapshot(&snap);
	if (rc == 1)
		qsort(d->rows, d->n, sizeof *d->rows, by_name);
	return rc;
}

static void write_people(struct page *p, const struct people_data *d)
{
	enum lang l = p->lang;
	struct buf b1, b2, b3;
	char level[16], text[400];

	buf_init(&b1, 64);
	buf_init(&b2, 64);
	buf_init(&b3, 64);
	(void)snprintf(level, sizeof level, "%d", d->kr.level);
	fputs("<p class=\"lead\">", p->out);
	if (d->o.team != NULL)
		html_printf(p->out, "<a href=\"/teams/%s/okr#kr-%s\">%s</a>", d->o.team, d->kr.key,
			    tr(l, "Back to the board"));
	else
		html_printf(p->out, "<a href=\"/okr#kr-%s\">%s</a>", d->kr.key, tr(l, "Back to the board"));
	html_printf(p->out, " \xc2\xb7 %s</p>\n", d->o.title);
	{
		struct buf share, target;
		char meeting[32], members[32], line[600];

		buf_init(&share, 32);
		buf_init(&target, 32);
		(void)snprintf(meeting, sizeof meeting, "%zu", d->meeting);
		(void)snprintf(members, sizeof members, "%zu", d->n);
		(void)snprintf(line, sizeof line, tr(l, "%s of %s members are at level %s or above on "
						     "%s as of %s: %s (target %s)."), meeting, members,
			       level, d->competency_name, okr_date_text(p, &b3, d->as_of),
			       okr_percent_text(p, &share, okr_share(d->meeting, d->n)),
			       okr_percent_text(p, &target, d->kr.target));
		fputs("<p class=\"okr-count\">", p->out);
		html_escape(p->out, line);
		fputs("</p>\n", p->out);
		buf_free(&share);
		buf_free(&target);
	}
	html_printf(p->out, "<p class=\"hint\">%s</p>\n", tr(l, "Every active member of the team and "
		    "the teams below it counts, whatever their role requires; an unassessed member "
		    "counts as not reaching the level."));
	if (d->n == 0) {
		html_printf(p->out, "<p>%s</p>\n", tr(l, "The team has no active members."));
		goto out;
	}
	html_printf(p->out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
		    "aria-labelledby=\"people-caption\"><table class=\"okr-people\">\n"
		    "<caption id=\"people-caption\">%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
		    "<th scope=\"col\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
		    "<th scope=\"col\">%s</th></tr></thead>\n<tbody>\n", tr(l, "Members and their level"),
		    tr(l, "Member"), tr(l, "Team"), tr(l, "Level"), tr(l, "Reaches the level"));
	for (size_t i = 0; i < d->n; i++) {
		const struct counted *c = &d->rows[i];
		int cls = (int)palette_heat_class(c->assessed, c->meets,
						  c->assessed ? d->kr.level - c->level : 0);

		if (c->hidden)
			continue;
		html_printf(p->out, "<tr><th scope=\"row\"><a href=\"/people/%s\">%s</a></th><td>%s</td>",
			    c->key, c->name, c->team != NULL ? c->team : "");
		buf_reset(&b1);
		if (c->assessed)
			(void)fmt_number(&b1, l, c->level, 2);
		html_printf(p->out, "<td class=\"num okr-level h%d\">%s</td><td>%s</td></tr>\n", cls,
			    c->assessed ? buf_str(&b1) : "?",
			    c->meets ? tr(l, "Yes") : c->assessed ? tr(l, "No") : tr(l, "No (unassessed)"));
	}
	fputs("</tbody></table></div>\n", p->out);
	if (d->hidden > 0) {
		char n[32];

		(void)snprintf(n, sizeof n, "%zu", d->hidden);
		(void)snprintf(text, sizeof text, trn(l, "%s member you may not see is counted but not "
						      "named.", "%s members you may not see are counted "
						      "but not named.", (unsigned long)d->hidden), n);
		fputs("<p class=\"hint\">", p->out);
		html_escape(p->out, text);
		fputs("</p>\n", p->out);
	}
out:
	buf_free(&b1);
	buf_free(&b2);
	buf_free(&b3);
}

int handle_okr_people_page(struct http_ctx *cx)
{
	const char *as_of_text = http_query(cx->req, "as_of");
	struct people_data d = { .key = http_param(cx->req, "key"), .as_of = date_today() };
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	char title[400];
	struct page p;
	int rc;

	if (as_of_text != NULL && as_of_text[0] != '\0' && date_parse(as_of_text, &d.as_of) < 0)
		return page_error(cx, 400, NULL);
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	rc = gather(cx, st, &p, &d, &err);
	store_rollback(st);
	if (rc != 1) {
		page_discard(&p);
		return page_error(cx, rc == 0 ? 404 : 503, NULL);
	}
	(void)snprintf(title, sizeof title, tr(p.lang, "Who counts: %s"), d.kr.title);
	page_head(&p, title);
	write_people(&p, &d);
	page_foot(&p);
	if (page_finish(&p, 200) == 0)
		au = (struct http_audit){ "read", "key_result", d.key, NULL, "ok", "okr people" };
	return http_audit_write(cx, st, &au);
}
