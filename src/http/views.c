/* The read-only view endpoints: the documents of views/views.h, the same
 * bytes as the command line's --json (and the report's HTML), written to
 * an unlinked temporary file and sent from there (http/response.h says
 * why). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "http/api.h"
#include "http/view_cache.h"
#include "util/date.h"
#include "views/calibration.h"
#include "views/views.h"

/* The documents, and what each needs. */
enum view {
	VIEW_GAPS,
	VIEW_RECOMMENDATIONS,
	VIEW_TREND,
	VIEW_REPORT,
	VIEW_PERSON,
	VIEW_EXPLAIN,
	VIEW_QUALITY,
	VIEW_QUALITY_DUE,
	VIEW_CALIBRATION
};

struct view_args {
	const char *team, *person, *competency;
	const char *month;           /* VIEW_QUALITY(_DUE), VIEW_CALIBRATION: YYYY-MM, checked */
	int32_t as_of, from, to;
};

/* The date parameter name into *out (def when absent). 0, or -1 with a
 * 400 naming it. */
static int date_param(const struct http_ctx *cx, const char *name, int32_t def, int required,
		      int32_t *out)
{
	const char *v = http_query(cx->req, name);

	*out = def;
	if (v == NULL && required) {
		response_error(cx->resp, 400, "missing_parameter", name, "give %s=YYYY-MM-DD", name);
		return -1;
	}
	if (v != NULL && date_parse(v, out) < 0) {
		response_error(cx->resp, 400, "bad_date", name,
			       "%s takes a date YYYY-MM-DD that exists, not '%.40s'", name, v);
		return -1;
	}
	return 0;
}

static int write_view(struct store *st, enum view v, const struct view_args *a,
		      const struct view_reader *rd, FILE *f, struct err *err)
{
	struct jw *w;
	int rc = -1;

	if (v == VIEW_REPORT) {
		struct view_report *r;

		if (view_report_gather(st, a->team, a->as_of, rd, &r, err) < 0)
			return -1;
		rc = view_report_write(f, r);
		view_report_free(r);
		return rc < 0 ? err_set(err, EX_IOERR, "cannot write the report") : 0;
	}
	w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	if (w == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	jw_init(w, f, 0);
	switch (v) {
	case VIEW_GAPS:
		rc = view_team_gaps(st, a->team, a->as_of, rd, w, err);
		break;
	case VIEW_RECOMMENDATIONS:
		rc = view_team_recommendations(st, a->team, a->as_of, rd, w, err);
		break;
	case VIEW_TREND:
		rc = view_team_trend(st, a->team, a->from, a->to, a->competency, w, err);
		break;
	case VIEW_PERSON:
		rc = view_person(st, a->person, a->as_of, w, err);
		break;
	case VIEW_EXPLAIN:
		rc = view_explain(st, a->person, a->competency, a->as_of, rd, w, err);
		break;
	case VIEW_QUALITY:
		rc = view_team_quality(st, a->team, a->month, rd, w, err);
		break;
	case VIEW_QUALITY_DUE:
		rc = view_team_quality_due(st, a->team, a->month, rd, w, err);
		break;
	case VIEW_CALIBRATION:
		rc = view_team_calibration(st, a->team, a->month, rd, w, err);
		break;
	case VIEW_REPORT:
		break;
	}
	if (rc == 0 && jw_finish(w) < 0)
		rc = err_set(err, EX_IOERR, "cannot write the document");
	buf_free(&w->out);
	free(w);
	return rc;
}

/* Whether the view shows someone else's data than the caller's own: a
 * team's always; a person's unless it is the caller. */
static bool other_peoples_data(const struct http_ctx *cx, const struct view_args *a)
{
	const struct http_caller *c = cx->req->caller;

	return a->team != NULL || c == NULL || strcmp(a->person, c->person) != 0;
}

/* The documents that are the same for every caller who may see them are
 * cached (http/view_cache.h): a team's trend (figures only) and a
 * person's view always, the others when no view_reader withholds anything
 * from the caller (admin, hr), whose documents are then the full ones. The key names the
 * view and every argument, and today's date, which decides what "as of
 * today" means. 0, or -1 when the view is not cached or its key would
 * not fit. */
static int cache_key(enum view v, const struct view_args *a, const struct view_reader *rd,
		     char key[VIEW_CACHE_KEY_MAX])
{
	int n;

	if (rd != NULL && v != VIEW_TREND && v != VIEW_PERSON)
		return -1;
	/* Each key with its length before it, so that no key can end
	 * inside another. */
#define LEN_STR(s) (s) != NULL ? strlen(s) : 0, (s) != NULL ? (s) : ""
	n = snprintf(key, VIEW_CACHE_KEY_MAX, "%d %zu:%s %zu:%s %zu:%s %zu:%s %ld %ld %ld %ld",
		     (int)v, LEN_STR(a->team), LEN_STR(a->person), LEN_STR(a->competency),
		     LEN_STR(a->month), (long)a->as_of, (long)a->from, (long)a->to,
		     (long)date_today());
#undef LEN_STR
	return n > 0 && n < VIEW_CACHE_KEY_MAX ? 0 : -1;
}

/* Keeps the document of a 200 answer, when it is small enough, under
 * key for the transaction's generation. */
static void cache_answer(const struct http_response *r, const char *key, int64_t generation)
{
	void *doc;

	if (r->status != 200 || r->fd < 0 || r->size > VIEW_CACHE_ITEM_MAX)
		return;
	doc = malloc(r->size > 0 ? r->size : 1);
	if (doc == NULL)
		return;
	if (pread(r->fd, doc, r->size, 0) == (ssize_t)r->size)
		view_cache_put(key, generation, doc, r->size);
	free(doc);
}

/* Checks the keys of a, then writes the view in one read transaction, or
 * answers with the copy that the cache holds for the data it sees. */
static int serve_view(struct http_ctx *cx, enum view v, const struct view_args *a)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct http_audit au = { 0 };
	struct http_reader_ctx rctx;
	struct view_reader reader;
	const struct view_reader *rd;
	char key[VIEW_CACHE_KEY_MAX];
	bool cached;
	FILE *f = NULL;

	if (st == NULL)
		return http_unavailable(cx);
	if (store_begin_read(st, &err) < 0)
		return http_store_failed(cx, &err, NULL);
	if ((a->team != NULL && http_visible(cx, st, ENTITY_TEAM, a->team, "key", &au) != 1) ||
	    (a->person != NULL && http_visible(cx, st, ENTITY_PERSON, a->person, "key", &au) != 1) ||
	    (a->competency != NULL &&
	     http_visible(cx, st, ENTITY_COMPETENCY, a->competency, "competency", &au) != 1))
		goto out;
	rd = http_view_reader(cx, st, &rctx, &reader);
	cached = cache_key(v, a, rd, key) == 0;
	if (cached && view_cache_get(key, store_data_generation(st), &cx->resp->body) == 1) {
		cx->resp->content_type = v == VIEW_REPORT ? HTTP_HTML : HTTP_JSON;
		goto answered;
	}
	f = response_tmpfile();
	if (f == NULL) {
		response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file");
		goto out;
	}
	if (write_view(st, v, a, rd, f, &err) < 0) {
		(void)fclose(f);
		http_store_failed(cx, &err, NULL);
		goto out;
	}
	if (response_from_file(cx->resp, f, 200, v == VIEW_REPORT ? HTTP_HTML : HTTP_JSON) < 0)
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	else if (cached)
		cache_answer(cx->resp, key, store_data_generation(st));
answered:
	cx->resp->api = true;
	if (v == VIEW_REPORT)
		(void)snprintf(cx->resp->attachment, sizeof cx->resp->attachment, "%.80s-report.html",
			       a->team);
	if (cx->resp->status == 200 && other_peoples_data(cx, a))
		au = (struct http_audit){ "read", a->team != NULL ? "team" : "person",
					  a->team != NULL ? a->team : a->person, a->person, "ok",
					  NULL };
out:
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}

static int team_view(struct http_ctx *cx, enum view v)
{
	static const char *const as_of_only[] = { "as_of" };
	struct view_args a = { .team = http_param(cx->req, "key") };

	if (http_only_query(cx, as_of_only, 1) < 0 ||
	    date_param(cx, "as_of", date_today(), 0, &a.as_of) < 0)
		return 0;
	return serve_view(cx, v, &a);
}

int handle_team_gaps(struct http_ctx *cx)
{
	return team_view(cx, VIEW_GAPS);
}

int handle_team_recommendations(struct http_ctx *cx)
{
	return team_view(cx, VIEW_RECOMMENDATIONS);
}

int handle_team_report(struct http_ctx *cx)
{
	return team_view(cx, VIEW_REPORT);
}

int handle_team_trend(struct http_ctx *cx)
{
	static const char *const names[] = { "from", "to", "competency" };
	struct view_args a = { .team = http_param(cx->req, "key"),
			       .competency = http_query(cx->req, "competency") };

	if (http_only_query(cx, names, 3) < 0 || date_param(cx, "from", 0, 1, &a.from) < 0 ||
	    date_param(cx, "to", 0, 1, &a.to) < 0)
		return 0;
	if (a.from > a.to)
		return response_error(cx->resp, 400, "bad_range", "from", "from is after to");
	return serve_view(cx, VIEW_TREND, &a);
}

int handle_person(struct http_ctx *cx)
{
	static const char *const as_of_only[] = { "as_of" };
	struct view_args a = { .person = http_param(cx->req, "key") };

	if (http_only_query(cx, as_of_only, 1) < 0 ||
	    date_param(cx, "as_of", date_today(), 0, &a.as_of) < 0)
		return 0;
	return serve_view(cx, VIEW_PERSON, &a);
}

int handle_person_explain(struct http_ctx *cx)
{
	static const char *const names[] = { "competency", "as_of" };
	struct view_args a = { .person = http_param(cx->req, "key"),
			       .competency = http_query(cx->req, "competency") };

	if (http_only_query(cx, names, 2) < 0 ||
	    date_param(cx, "as_of", date_today(), 0, &a.as_of) < 0)
		return 0;
	if (a.competency == NULL)
		return response_error(cx->resp, 400, "missing_parameter", "competency",
				      "give competency=KEY");
	return serve_view(cx, VIEW_EXPLAIN, &a);
}

/* The month parameter of the quality views into a->month: required, or
 * this month (in buf) when default_now. 0, or -1 with a 400 naming it. */
static int month_param(struct http_ctx *cx, bool default_now, char buf[DATE_ISO_LEN + 1],
		       struct view_args *a)
{
	static const char *const month_only[] = { "month" };
	int32_t first, last;

	if (http_only_query(cx, month_only, 1) < 0)
		return -1;
	a->month = http_query(cx->req, "month");
	if (a->month == NULL && default_now) {
		date_format(date_today(), buf);
		buf[7] = '\0';
		a->month = buf;
	}
	if (a->month == NULL) {
		response_error(cx->resp, 400, "missing_parameter", "month", "give month=YYYY-MM");
		return -1;
	}
	if (quality_month_parse(a->month, &first, &last) < 0) {
		response_error(cx->resp, 400, "bad_month", "month",
			       "month takes a month YYYY-MM, such as 2026-03, not '%.40s'", a->month);
		return -1;
	}
	return 0;
}

/* GET /api/v1/teams/{key}/quality?month=YYYY-MM: the document of compgap
 * quality --json, with the reach of the team's other views. */
int handle_team_quality(struct http_ctx *cx)
{
	struct view_args a = { .team = http_param(cx->req, "key") };
	char buf[DATE_ISO_LEN + 1];

	if (month_param(cx, false, buf, &a) < 0)
		return 0;
	return serve_view(cx, VIEW_QUALITY, &a);
}

/* GET /api/v1/teams/{key}/quality/due[?month=YYYY-MM]: the coaches'
 * reminder list of compgap quality --due --json, this month unless asked. */
int handle_team_quality_due(struct http_ctx *cx)
{
	struct view_args a = { .team = http_param(cx->req, "key") };
	char buf[DATE_ISO_LEN + 1];

	if (month_param(cx, true, buf, &a) < 0)
		return 0;
	return serve_view(cx, VIEW_QUALITY_DUE, &a);
}

/* GET /api/v1/teams/{key}/calibration?month=YYYY-MM: the document of
 * compgap calibration --json, with the reach of the quality view. */
int handle_team_calibration(struct http_ctx *cx)
{
	struct view_args a = { .team = http_param(cx->req, "key") };
	char buf[DATE_ISO_LEN + 1];

	if (month_param(cx, false, buf, &a) < 0)
		return 0;
	return serve_view(cx, VIEW_CALIBRATION, &a);
}
