/* GET /teams/{key}/okr/review[?quarter=YYYY-Qn] and GET /okr/review: the
 * quarterly review (docs/web.md, "OKRs"), the same as `compgap okr
 * --review` (views/okr_review.h): the objectives whose end falls in the
 * quarter (default: the last one finished), each as of its end day, with
 * what was reached, what was learned (the review text, with a form for
 * who may change the objective, and the check-in notes) and what carries
 * over. The form posts to /okr/objectives/{key}/review, written through
 * http_okr_write and answered 303 back to the review. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "http/api.h"
#include "http/okr_write.h"
#include "io/html.h"
#include "util/buf.h"
#include "util/date.h"
#include "views/okr_review.h"
#include "web/okr_parts.h"
#include "web/pages.h"

struct review_data {
	const char *team;            /* NULL: the organisation */
	const char *team_name;
	char quarter[8];
	struct okr_review r;
	bool gathered;
	bool *writable;              /* per item */
};

static int gather(struct http_ctx *cx, struct store *st, struct review_data *d, struct err *err)
{
	int rc = okr_page_readable(cx, st, d->team, &d->team_name, err);

	if (rc <= 0)
		return rc;
	d->gathered = true;
	if (okr_review_gather(st, d->team, d->quarter, &d->r, err) < 0)
		return -1;
	d->writable = arena_alloc(cx->arena, (d->r.n + 1) * sizeof *d->writable);
	if (d->writable == NULL)
		return err_set(err, 70, "out of memory");
	for (size_t i = 0; i < d->r.n; i++) {
		rc = http_okr_writable(cx, st, d->r.items[i].ov->o, err);
		if (rc < 0)
			return -1;
		d->writable[i] = rc == 1;
	}
	return 1;
}

/* The quarter before or after q. */
static void quarter_step(const char *q, int step, char out[8])
{
	int32_t first, last;

	if (okr_quarter_parse(q, &first, &last) < 0) {
		(void)snprintf(out, 8, "%s", q);
		return;
	}
	okr_quarter_last_finished(step < 0 ? first : last + 93, out);
}

static void reached(struct page *p, const struct okr_objective_view *ov)
{
	struct buf b;
	size_t n = 0;

	buf_init(&b, 64);
	html_printf(p->out, "<h3>%s</h3>\n", tr(p->lang, "What was reached"));
	for (size_t j = 0; j < ov->o->nkrs; j++) {
		const struct okr_kr_view *k = &ov->krs[j];

		if (!k->has_status || k->status != OKR_DONE)
			continue;
		if (n++ == 0)
			fputs("<ul class=\"okr-reached\">\n", p->out);
		html_printf(p->out, "<li>%s: %s</li>\n", k->kr->title,
			    okr_value_text(p, &b, k->kr, k->current));
	}
	if (n > 0)
		fputs("</ul>\n", p->out);
	else
		html_printf(p->out, "<p>%s</p>\n", tr(p->lang, "No key result was reached."));
	buf_free(&b);
}

static void learned(struct page *p, const struct review_data *d, size_t i)
{
	const struct okr_review_item *it = &d->r.items[i];
	const struct objective *o = it->ov->o;
	const struct okr_board *b = &it->v->board;
	enum lang l = p->lang;
	struct buf b1;
	size_t n = 0;

	buf_init(&b1, 64);
	html_printf(p->out, "<h3>%s</h3>\n", tr(l, "What was learned"));
	if (o->review != NULL)
		html_printf(p->out, "<p class=\"okr-review-text\">%s</p>\n", o->review);
	else
		html_printf(p->out, "<p class=\"hint\">%s</p>\n", tr(l, "No review written yet."));
	if (d->writable[i]) {
		char action[300];

		(void)snprintf(action, sizeof action, "/okr/objectives/%s/review", o->key);
		html_printf(p->out, "<form method=\"post\" action=\"%s\" class=\"form okr-review-form\">\n",
			    action);
		page_hidden(p, "csrf_token", p->csrf);
		page_hidden(p, "quarter", d->r.quarter);
		html_printf(p->out, "<div class=\"field\"><label for=\"review-%s\">%s</label>\n"
			    "<textarea id=\"review-%s\" name=\"review\" rows=\"4\" maxlength=\"2000\">%s"
			    "</textarea></div>\n<button type=\"submit\">%s</button>\n</form>\n", o->key,
			    tr(l, "What we learned"), o->key, o->review != NULL ? o->review : "",
			    tr(l, "Save the review"));
	}
	for (size_t j = 0; j < o->nkrs; j++) {
		const struct key_result *kr = it->ov->krs[j].kr;

		for (size_t c = kr->first_checkin; c < kr->first_checkin + kr->ncheckins; c++) {
			if (b->checkins[c].note == NULL)
				continue;
			if (n++ == 0)
				html_printf(p->out, "<h4>%s</h4>\n<ul class=\"okr-notes\">\n",
					    tr(l, "Check-in notes"));
			html_printf(p->out, "<li>%s, %s: %s</li>\n", okr_date_text(p, &b1, b->checkins[c].date),
				    kr->title, b->checkins[c].note);
		}
	}
	if (n > 0)
		fputs("</ul>\n", p->out);
	buf_free(&b1);
}

static void carried(struct page *p, const struct okr_objective_view *ov)
{
	enum lang l = p->lang;
	struct buf b1;
	size_t n = 0;

	buf_init(&b1, 64);
	html_printf(p->out, "<h3>%s</h3>\n", tr(l, "What carries over"));
	for (size_t j = 0; j < ov->o->nkrs; j++) {
		const struct okr_kr_view *k = &ov->krs[j];

		if (k->has_status && k->status == OKR_DONE)
			continue;
		if (n++ == 0)
			html_printf(p->out, "<div class=\"scroll\" role=\"region\" tabindex=\"0\" "
				    "aria-labelledby=\"carry-%s\"><table class=\"okr-carry\">\n"
				    "<caption id=\"carry-%s\">%s</caption>\n<thead><tr><th scope=\"col\">%s</th>"
				    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\" class=\"num\">%s</th>"
				    "<th scope=\"col\" class=\"num\">%s</th><th scope=\"col\">%s</th></tr></thead>\n"
				    "<tbody>\n", ov->o->key, ov->o->key, tr(l, "Key results not done"),
				    tr(l, "Key result"), tr(l, "At the end"), tr(l, "Target"), tr(l, "Still to go"),
				    tr(l, "Status"));
		html_printf(p->out, "<tr><th scope=\"row\">%s</th>", k->kr->title);
		html_printf(p->out, "<td class=\"num\">%s</td>", okr_value_text(p, &b1, k->kr, k->current));
		html_printf(p->out, "<td class=\"num\">%s</td>", okr_value_text(p, &b1, k->kr, k->kr->target));
		html_printf(p->out, "<td class=\"num\">%s</td>",
			    okr_value_text(p, &b1, k->kr, okr_review_remaining(k)));
		html_printf(p->out, "<td><span class=\"okr-status s-%s\">%s</span></td></tr>\n",
			    k->has_status ? okr_status_name(k->status) : "none",
			    k->has_status ? okr_status_label(l, k->status) : tr(l, "No value"));
	}
	if (n > 0)
		fputs("</tbody></table></div>\n", p->out);
	else
		html_printf(p->out, "<p>%s</p>\n", tr(l, "Nothing: every key result was reached."));
	buf_free(&b1);
}

static void write_review(struct page *p, const struct review_data *d, bool bad)
{
	enum lang l = p->lang;
	const char *done = http_query(p->cx->req, "done");
	char base[300], prev[8], next[8];
	struct buf b1, b2;

	buf_init(&b1, 64);
	buf_init(&b2, 64);
	if (d->team != NULL)
		(void)snprintf(base, sizeof base, "/teams/%s/okr", d->team);
	else
		(void)snprintf(base, sizeof base, "/okr");
	quarter_step(d->r.quarter, -1, prev);
	quarter_step(d->r.quarter, 1, next);
	html_printf(p->out, "<p class=\"lead\"><a href=\"%s\">%s</a> \xc2\xb7 %s\xe2\x80\x93%s</p>\n",
		    base, tr(l, "Back to the board"), okr_date_text(p, &b1, d->r.first),
		    okr_date_text(p, &b2, d->r.last));
	html_printf(p->out, "<nav class=\"months\" aria-label=\"%s\">"
		    "<a href=\"%s/review?quarter=%s\" rel=\"prev\">%s</a> "
		    "<a href=\"%s/review?quarter=%s\" rel=\"next\">%s</a></nav>\n",
		    tr(l, "Quarters"), base, prev, tr(l, "Previous quarter"), base, next,
		    tr(l, "Next quarter"));
	html_printf(p->out, "<form method=\"get\" action=\"%s/review\" class=\"form asof\">\n", base);
	page_input(p, &(struct page_input){
		.name = "quarter", .label = tr(l, "Quarter"), .type = "text",
		.value = bad ? http_query(p->cx->req, "quarter") : d->r.quarter,
		.hint = tr(l, "YYYY-Qn, such as 2026-Q3."),
		.error = bad ? tr(l, "Give a quarter as YYYY-Qn, such as 2026-Q3.") : NULL,
	});
	page_submit(p, tr(l, "Show"));
	page_form_end(p);
	if (done != NULL && strcmp(done, "review") == 0)
		page_message(p, "ok", tr(l, "The review was saved."));
	if (d->r.n == 0)
		html_printf(p->out, "<p>%s</p>\n", tr(l, "No objective ends in this quarter."));
	for (size_t i = 0; i < d->r.n; i++) {
		const struct okr_objective_view *ov = d->r.items[i].ov;

		html_printf(p->out, "<article class=\"okr-objective\" id=\"obj-%s\" "
			    "aria-labelledby=\"obj-%s-h\">\n<h2 id=\"obj-%s-h\">%s</h2>\n"
			    "<p class=\"okr-meta\">%s %s\xe2\x80\x93", ov->o->key, ov->o->key, ov->o->key,
			    ov->o->title, tr(l, "Period"), okr_date_text(p, &b1, ov->o->start));
		html_printf(p->out, "%s \xc2\xb7 %s</p>\n", okr_date_text(p, &b1, ov->o->end),
			    tr(l, "as of its end"));
		okr_progress_bar(p, ov->progress, ov->expected, ov->has_status, ov->status);
		reached(p, ov);
		learned(p, d, i);
		carried(p, ov);
		fputs("</article>\n", p->out);
	}
	buf_free(&b1);
	buf_free(&b2);
}

static int answer(struct http_ctx *cx, const char *team)
{
	const char *quarter = http_query(cx->req, "quarter");
	struct review_data d = { .team = team };
	struct http_audit au = { 0 };
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	int32_t first, last;
	bool bad = false;
	char title[300];
	struct page p;
	int rc;

	if (quarter == NULL || quarter[0] == '\0' || okr_quarter_parse(quarter, &first, &last) < 0) {
		bad = quarter != NULL && quarter[0] != '\0';
		okr_quarter_last_finished(date_today(), d.quarter);
	} else {
		(void)snprintf(d.quarter, sizeof d.quarter, "%s", quarter);
	}
	if (st == NULL || store_begin_read(st, &err) < 0)
		return page_error(cx, 503, NULL);
	if (page_begin(&p, cx) < 0) {
		store_rollback(st);
		return 0;
	}
	rc = gather(cx, st, &d, &err);
	store_rollback(st);
	if (rc != 1) {
		if (d.gathered)
			okr_review_free(&d.r);
		page_discard(&p);
		if (rc == 0 && team != NULL)
			au = (struct http_audit){ "read", "team", team, NULL, "denied", "okr.review" };
		page_error(cx, rc == 0 ? 404 : 503, NULL);
		return http_audit_write(cx, st, &au);
	}
	if (team != NULL)
		(void)snprintf(title, sizeof title, tr(p.lang, "Quarterly review of %s, %s"),
			       d.team_name, d.r.quarter);
	else
		(void)snprintf(title, sizeof title, tr(p.lang, "Quarterly review of the organisation, %s"),
			       d.r.quarter);
	page_head(&p, title);
	write_review(&p, &d, bad);
	page_foot(&p);
	okr_review_free(&d.r);
	if (page_finish(&p, bad ? 400 : 200) == 0)
		au = (struct http_audit){ "read", team != NULL ? "team" : "organisation", team, NULL,
					  "ok", "okr.review" };
	return http_audit_write(cx, st, &au);
}

int handle_okr_team_review_page(struct http_ctx *cx)
{
	return answer(cx, http_param(cx->req, "key"));
}

int handle_okr_org_review_page(struct http_ctx *cx)
{
	return answer(cx, NULL);
}

int handle_okr_review_post(struct http_ctx *cx)
{
	struct okr_write w = { .op = OKR_OP_REVIEW, .key = http_param(cx->req, "key") };
	struct okr_refusal r;
	const char *quarter;
	int32_t first, last;
	char location[400];
	struct page p;

	if (page_begin(&p, cx) < 0)
		return 0;
	w.review = page_field(&p, "review");
	quarter = page_field(&p, "quarter");
	page_discard(&p);
	if (quarter == NULL || okr_quarter_parse(quarter, &first, &last) < 0)
		return page_error(cx, 400, NULL);
	if (w.review != NULL && strlen(w.review) > OKR_NOTE_MAX)
		return page_error(cx, 400, tr(p.lang, "The review is too long: at most 2000 bytes."));
	if (w.review != NULL && w.review[0] == '\0')
		w.review = NULL;
	if (http_okr_write(cx, &w, &r) < 0)
		return page_error(cx, r.status == 403 || r.status == 404 ? r.status
				  : r.status == 422 ? 400 : 503, r.status == 422 ? r.message : NULL);
	if (w.team != NULL)
		(void)snprintf(location, sizeof location, "/teams/%s/okr/review?quarter=%s&done=review"
			       "#obj-%s", w.team, quarter, w.key);
	else
		(void)snprintf(location, sizeof location, "/okr/review?quarter=%s&done=review#obj-%s",
			       quarter, w.key);
	return page_redirect(cx, location);
}
