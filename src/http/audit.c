/* GET /api/v1/audit?person=&user=&since=&before=&action=&kind=&limit=&cursor=: the audit log
 * for admins, the entries of `compgap audit --json` (json_audit_entry),
 * oldest first, a page at a time by id. Reading it is logged, as a read
 * of what it says about people. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "http/api.h"
#include "io/json_accounts.h"

enum {
	AUDIT_PAGE_DEFAULT = 100
};

/* A page being written. */
struct page {
	struct jw *w;
	size_t limit;                 /* entries to write */
	size_t n;                     /* written */
	int64_t last;                 /* the id of the last written */
	bool more;                    /* an entry follows the page */
};

static int page_entry(void *ctx, const struct audit_entry *e)
{
	struct page *p = ctx;

	if (p->n == p->limit) {
		p->more = true;
		return 1;    /* stop */
	}
	json_audit_entry(p->w, e);
	p->n++;
	p->last = e->id;
	return 0;
}

static int write_page(struct store *st, const struct audit_filter *f, size_t limit, FILE *out,
		      struct err *err)
{
	struct jw *w = malloc(sizeof *w);    /* 64 KiB: not on a worker's stack */
	struct page p = { w, limit, 0, 0, false };
	int rc;

	if (w == NULL)
		return err_set(err, EX_OSERR, "out of memory");
	jw_init(w, out, 0);
	jw_object_begin(w);
	jw_key(w, "audit");
	jw_array_begin(w);
	rc = store_each_audit(st, f, page_entry, &p, err);
	if (rc >= 0 && (rc == 0 || p.more)) {
		rc = 0;
		jw_array_end(w);
		jw_key(w, "next_cursor");
		if (p.more) {
			char id[24];

			(void)snprintf(id, sizeof id, "%lld", (long long)p.last);
			jw_string(w, id);
		} else {
			jw_null(w);
		}
		jw_object_end(w);
		if (jw_finish(w) < 0)
			rc = err_set(err, EX_IOERR, "cannot write the document");
	} else {
		rc = -1;
	}
	buf_free(&w->out);
	free(w);
	return rc;
}

bool http_audit_readable(const struct http_caller *c)
{
	return http_role_in(c, ROLE_BIT(ROLE_ADMIN));
}

int handle_audit(struct http_ctx *cx)
{
	static const char *const names[] = { "person", "user", "since", "before", "action",
					     "kind", "limit", "cursor" };
	struct http_audit au = { "read", "audit", NULL, NULL, "denied", NULL };
	struct audit_filter f = { 0 };
	struct page_query q;
	struct err err = { 0 };
	struct store *st;
	FILE *out;

	if (http_only_query(cx, names, 8) < 0 || http_page_params(cx, AUDIT_PAGE_DEFAULT, &q) < 0)
		return 0;
	st = http_store(cx, &err);
	if (st == NULL)
		return http_unavailable(cx);
	if (!http_audit_readable(cx->req->caller)) {
		http_forbidden(cx, "read the audit log");
		return http_audit_write(cx, st, &au);
	}
	f.person = http_query(cx->req, "person");
	f.user = http_query(cx->req, "user");
	f.since = http_query(cx->req, "since");
	f.before = http_query(cx->req, "before");
	f.action = http_query(cx->req, "action");
	f.kind = http_query(cx->req, "kind");
	if (f.since != NULL && !audit_since_valid(f.since))
		return response_error(cx->resp, 400, "bad_parameter", "since",
				      "since takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC), not '%.40s'",
				      f.since);
	if (f.before != NULL && !audit_since_valid(f.before))
		return response_error(cx->resp, 400, "bad_parameter", "before",
				      "before takes YYYY-MM-DD or YYYY-MM-DDTHH:MM:SSZ (UTC), not '%.40s'",
				      f.before);
	if (q.after != NULL) {
		char *end;
		long long id;

		errno = 0;
		id = strtoll(q.after, &end, 10);
		if (*q.after == '\0' || *end != '\0' || errno != 0 || id < 0)
			return response_error(cx->resp, 400, "bad_parameter", "cursor",
					      "cursor takes the next_cursor of the page before, not '%.40s'",
					      q.after);
		f.after_id = id;
	}
	f.limit = (int64_t)q.limit + 1;    /* one more: whether a page follows */
	out = response_tmpfile();
	if (out == NULL)
		return response_error(cx->resp, 500, "internal", NULL, "cannot make a temporary file");
	if (store_begin_read(st, &err) < 0 || write_page(st, &f, q.limit, out, &err) < 0) {
		(void)fclose(out);
		if (err.code != EX_OSERR && err.code != EX_IOERR)
			return http_store_failed(cx, &err, NULL);    /* closed the store */
		store_rollback(st);
		return response_error(cx->resp, 500, "internal", NULL, "%s", err.msg);
	}
	store_rollback(st);
	if (response_from_file(cx->resp, out, 200, HTTP_JSON) < 0)
		return response_error(cx->resp, 500, "internal", NULL, "cannot write the document");
	cx->resp->api = true;
	au.outcome = "ok";
	au.person = f.person;
	return http_audit_write(cx, st, &au);
}
