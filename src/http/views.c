/* The read-only view endpoints: the documents of views/views.h, the same
 * bytes as the command line's --json (and the report's HTML), written to
 * an unlinked temporary file and sent from there (http/response.h says
 * why). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "auth/auth.h"
#include "http/handler.h"
#include "util/date.h"
#include "views/views.h"

/* The documents, and what each needs. */
enum view {
	VIEW_GAPS,
	VIEW_RECOMMENDATIONS,
	VIEW_TREND,
	VIEW_REPORT,
	VIEW_PERSON,
	VIEW_EXPLAIN
};

struct view_args {
	const char *team, *person, *competency;
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

/* What the audit log is told of a view (docs/security.md, "The audit
 * log"): a read of another person's data, or a request for one out of
 * reach. */
struct view_audit {
	const char *kind;            /* "team", "person"; NULL: nothing to log */
	const char *key;
	const char *outcome;         /* "ok", "denied" */
};

/* Whether key names an entity of kind that the caller may see: 1 yes, 0
 * no (a 404 naming field is set, the same whether it does not exist or is
 * out of the caller's reach: the latter is noted in au for the audit
 * log), -1 when the store failed (the answer is set). */
static int known(const struct http_ctx *cx, struct store *st, enum entity kind, const char *key,
		 const char *field, const char *what, struct view_audit *au)
{
	struct err err = { 0 };
	int rc = store_lookup(st, kind, key, NULL, &err);

	if (rc < 0)
		return http_store_failed(cx, &err, NULL), -1;
	if (rc == 1 && kind != ENTITY_COMPETENCY && cx->cfg->reach != NULL) {
		rc = cx->cfg->reach(cx->cfg, st, cx->req->caller, kind, key);
		if (rc < 0)
			return response_error(cx->resp, 503, "unavailable", NULL,
					      "cannot check access now; try again later"), -1;
		if (rc == 0)
			*au = (struct view_audit){ kind == ENTITY_TEAM ? "team" : "person", key,
						   "denied" };
	}
	if (rc == 0)
		response_error(cx->resp, 404, "not_found", field, "there is no %s '%.100s'", what, key);
	return rc;
}

static int write_view(struct store *st, enum view v, const struct view_args *a, FILE *f,
		      struct err *err)
{
	struct jw *w;
	int rc = -1;

	if (v == VIEW_REPORT) {
		struct view_report *r;

		if (view_report_gather(st, a->team, a->as_of, &r, err) < 0)
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
		rc = view_team_gaps(st, a->team, a->as_of, w, err);
		break;
	case VIEW_RECOMMENDATIONS:
		rc = view_team_recommendations(st, a->team, a->as_of, w, err);
		break;
	case VIEW_TREND:
		rc = view_team_trend(st, a->team, a->from, a->to, a->competency, w, err);
		break;
	case VIEW_PERSON:
		rc = view_person(st, a->person, a->as_of, w, err);
		break;
	case VIEW_EXPLAIN:
		rc = view_explain(st, a->person, a->competency, a->as_of, w, err);
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

/* Writes au to the audit log, after the view's transaction: a read that
 * cannot be logged is not served (503). */
static int audit_view(struct http_ctx *cx, struct store *st, const struct view_audit *au)
{
	const struct http_caller *c = cx->req->caller;
	struct audit_entry e = { 0 };
	struct err err = { 0 };

	if (au->kind == NULL || c == NULL)
		return 0;
	e.actor = c->user;
	e.action = "read";
	e.object_kind = au->kind;
	e.object_key = au->key;
	e.person = strcmp(au->kind, "person") == 0 ? au->key : NULL;
	e.address = cx->req->address;
	e.outcome = au->outcome;
	e.detail = cx->req->path;
	if (auth_audit(st, (int64_t)time(NULL), &e, &err) < 0) {
		response_free(cx->resp);
		response_init(cx->resp);
		return http_store_failed(cx, &err, NULL);
	}
	return 0;
}

/* Checks the keys of a, then writes the view in one read transaction. */
static int serve_view(struct http_ctx *cx, enum view v, const struct view_args *a)
{
	struct err err = { 0 };
	struct store *st = http_store(cx, &err);
	struct view_audit au = { 0 };
	FILE *f = NULL;

	if (st == NULL)
		return response_error(cx->resp, 503, "unavailable", NULL,
				      "the database is not available; try again later");
	if (store_begin_read(st, &err) < 0)
		return http_store_failed(cx, &err, NULL);
	if ((a->team != NULL && known(cx, st, ENTITY_TEAM, a->team, "key", "team", &au) != 1) ||
	    (a->person != NULL &&
	     known(cx, st, ENTITY_PERSON, a->person, "key", "person", &au) != 1) ||
	    (a->competency != NULL &&
	     known(cx, st, ENTITY_COMPETENCY, a->competency, "competency", "competency", &au) != 1))
		goto out;
	f = response_tmpfile();
	if (f == NULL) {
		response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file");
		goto out;
	}
	if (write_view(st, v, a, f, &err) < 0) {
		(void)fclose(f);
		http_store_failed(cx, &err, NULL);
		goto out;
	}
	if (response_from_file(cx->resp, f, 200, v == VIEW_REPORT ? HTTP_HTML : HTTP_JSON) < 0)
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	cx->resp->api = true;
	if (v == VIEW_REPORT)
		(void)snprintf(cx->resp->attachment, sizeof cx->resp->attachment, "%.80s-report.html",
			       a->team);
	if (cx->resp->status == 200 && other_peoples_data(cx, a))
		au = (struct view_audit){ a->team != NULL ? "team" : "person",
					  a->team != NULL ? a->team : a->person, "ok" };
out:
	store_rollback(st);
	return audit_view(cx, st, &au);
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
