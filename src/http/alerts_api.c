/* GET /api/v1/alerts?since=YYYY-MM-DD&team=KEY: the document of `compgap
 * alerts --json` (views/alerts.h), with only the agents the caller may
 * see (docs/security.md, "Roles and their reach"): admin and hr all; a
 * coach the agents of their teams and sub-teams; a manager their
 * reporting line; an employee their own alerts and praise. A team out of
 * reach answers 404, as one that does not exist. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "util/date.h"
#include "views/alerts.h"

int handle_alerts(struct http_ctx *cx)
{
	static const char *const names[] = { "since", "team" };
	const char *since = http_query(cx->req, "since");
	struct alert_filter f = { .team = http_query(cx->req, "team"), .until = INT32_MAX };
	struct http_audit au = { 0 };
	struct http_reader_ctx rctx;
	struct view_reader reader;
	const struct view_reader *rd;
	struct alert_list l = { 0 };
	struct err err = { 0 };
	struct store *st;
	struct jw *w = NULL;
	FILE *out = NULL;
	bool gathered = false;

	if (http_only_query(cx, names, 2) < 0)
		return 0;
	f.since = date_today() - ALERTS_DAYS_DEFAULT;
	if (since != NULL && date_parse(since, &f.since) < 0)
		return response_error(cx->resp, 400, "bad_date", "since",
				      "since takes a date YYYY-MM-DD that exists, not '%.40s'", since);
	st = http_begin_read(cx);
	if (st == NULL)
		return 0;
	if (f.team != NULL && http_visible(cx, st, ENTITY_TEAM, f.team, "team", &au) != 1)
		goto out;
	rd = http_view_reader(cx, st, &rctx, &reader);
	gathered = true;    /* l is freed either way */
	if (alerts_gather(st, &f, rd, &l, &err) < 0) {
		http_store_failed(cx, &err, "team");
		goto out;
	}
	out = response_tmpfile();
	w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	if (out == NULL || w == NULL) {
		response_error(cx->resp, 500, "internal", NULL, "out of memory");
		goto out;
	}
	jw_init(w, out, 0);
	alerts_json(w, &l);
	if (jw_finish(w) < 0) {
		response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	} else {
		int rc = response_from_file(cx->resp, out, 200, HTTP_JSON);

		out = NULL;    /* closed either way */
		if (rc < 0) {
			response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
		} else {
			cx->resp->api = true;
			au = (struct http_audit){ "read", "alerts", f.team, NULL, "ok", NULL };
		}
	}
out:
	if (out != NULL)
		(void)fclose(out);
	if (w != NULL)
		buf_free(&w->out);
	free(w);
	if (gathered)
		alerts_free(&l);
	store_rollback(st);
	return http_audit_write(cx, st, &au);
}
