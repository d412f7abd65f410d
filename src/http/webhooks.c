/* Delivering the webhooks' queue (http/webhooks.h). */
#include "http/webhooks.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "core/webhook.h"
#include "http/accesslog.h"
#include "http/curl_api.h"
#include "store/accounts.h"
#include "store/alerts.h"
#include "util/buf.h"
#include "views/alerts.h"

enum {
	BODY_MAX = 64 * 1024,        /* a body's bytes at most */
	ERROR_MAX = 200              /* of a last error */
};

/* One delivery taken for this round. */
struct job {
	int64_t id, evaluation, next;
	int attempts;
	char kind[16];
	char *url;                   /* malloc'd */
	struct buf body;             /* empty: the evaluation no longer alerts */
	const char *status;          /* the outcome */
	char error[ERROR_MAX];
};

struct round {
	int64_t now;
	size_t limit;
	struct job *jobs;
	size_t n, cap;
	bool failed;
};

static void jobs_free(struct round *r)
{
	for (size_t i = 0; i < r->n; i++) {
		free(r->jobs[i].url);
		buf_free(&r->jobs[i].body);
	}
	free(r->jobs);
	r->jobs = NULL;
	r->n = r->cap = 0;
}

static int due_row(void *ctx, const struct webhook_delivery *d)
{
	struct round *r = ctx;
	struct job *j;

	if (r->n == r->cap) {
		size_t cap = r->cap ? 2 * r->cap : 16;
		struct job *more = realloc(r->jobs, cap * sizeof *more);

		if (more == NULL)
			return r->failed = true, 1;
		r->jobs = more;
		r->cap = cap;
	}
	j = &r->jobs[r->n];
	*j = (struct job){ .id = d->id, .evaluation = d->evaluation, .next = d->next_attempt_at,
			   .attempts = d->attempts };
	(void)snprintf(j->kind, sizeof j->kind, "%s", d->kind);
	j->url = strdup(d->url);
	if (j->url == NULL)
		return r->failed = true, 1;
	buf_init(&j->body, BODY_MAX);
	r->n++;
	return 0;
}

/* The body of job j: {"text", "alert"} when its evaluation still gives
 * the alert of its kind; else left empty. */
static int build_body(struct store *st, struct job *j, struct err *err)
{
	struct alert_filter f = { .evaluation = j->evaluation };
	struct alert_list l;
	struct jw *w;
	int rc = alerts_gather(st, &f, NULL, &l, err);

	if (rc < 0 || l.n == 0 || strcmp(l.items[0].kind, j->kind) != 0) {
		alerts_free(&l);
		return rc;
	}
	w = malloc(sizeof *w);
	if (w == NULL) {
		alerts_free(&l);
		return err_set(err, EX_OSERR, "out of memory");
	}
	{
		char text[1024];

		alert_sentence(&l.items[0], text, sizeof text);
		jw_init(w, NULL, BODY_MAX);
		jw_object_begin(w);
		jw_field_string(w, "text", text);
		jw_key_literal(w, "alert");
		alert_json(w, &l.items[0]);
		jw_object_end(w);
	}
	if (jw_finish(w) < 0) {
		rc = err_set(err, EX_SOFTWARE, "cannot write the body of a webhook");
	} else {
		buf_free(&j->body);
		j->body = w->out;    /* taken */
	}
	free(w);
	alerts_free(&l);
	return rc;
}

/* Takes the due deliveries, claims them and builds their bodies, in one
 * transaction (again from the start when the store asks). The queue's
 * state is in no cached document (the views and pages that are cached
 * never read it), so its writes go in store_begin_log transactions, which
 * leave the data generation, and with it those caches, as they are. */
static int take(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct round *r = ctx;
	size_t kept = 0;

	(void)attempt;
	jobs_free(r);
	if (store_webhook_due(st, r->now, r->limit, due_row, r, err) < 0)
		return -1;
	if (r->failed)
		return err_set(err, EX_OSERR, "out of memory");
	for (size_t i = 0; i < r->n; i++) {
		struct job *j = &r->jobs[i];
		int rc = store_webhook_claim(st, j->id, j->next, r->now + 3 * WEBHOOK_TIMEOUT, err);

		if (rc < 0 || (rc == 1 && build_body(st, j, err) < 0))
			return -1;
		if (rc == 0) {    /* another sender has it */
			free(j->url);
			buf_free(&j->body);
			continue;
		}
		r->jobs[kept++] = *j;
	}
	r->n = kept;
	return 0;
}

static size_t discard(char *data, size_t size, size_t n, void *ctx)
{
	(void)data;
	(void)ctx;
	return size * n;
}

/* POSTs j's body to its URL: 0 delivered, -1 not (j->error says why,
 * without the URL). */
static int post(struct job *j)
{
	CURL *c = curl_easy_init();
	struct curl_slist *h = NULL;
	CURLcode rc;
	long status = 0;

	if (c == NULL) {
		(void)snprintf(j->error, sizeof j->error, "libcurl could not start a request");
		return -1;
	}
	h = curl_slist_append(h, "Content-Type: application/json");
	if (h != NULL)
		h = curl_slist_append(h, "User-Agent: compgap-webhook");
	if (h == NULL) {
		curl_easy_cleanup(c);
		(void)snprintf(j->error, sizeof j->error, "out of memory");
		return -1;
	}
	rc = curl_easy_setopt(c, CURLOPT_URL, j->url);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_TIMEOUT, (long)WEBHOOK_TIMEOUT);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)WEBHOOK_CONNECT_TIMEOUT);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, (long)j->body.len);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_POSTFIELDS, j->body.data);
	if (rc == CURLE_OK)
		rc = curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
	if (rc == CURLE_OK)
		rc = curl_easy_perform(c);
	if (rc == CURLE_OK)
		rc = curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
	curl_slist_free_all(h);
	curl_easy_cleanup(c);
	if (rc != CURLE_OK) {
		/* curl's own words for the code: they never hold the URL. */
		(void)snprintf(j->error, sizeof j->error, "%s", curl_easy_strerror(rc));
		return -1;
	}
	if (status >= 200 && status < 300)
		return 0;
	if (status >= 300 && status < 400)
		(void)snprintf(j->error, sizeof j->error, "HTTP %ld (redirects are not followed)",
			       status);
	else
		(void)snprintf(j->error, sizeof j->error, "HTTP %ld", status);
	return -1;
}

static void time_text(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;

	if (gmtime_r(&tt, &tm) == NULL || strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		(void)snprintf(out, 32, "1970-01-01T00:00:00Z");
}

/* Records the outcomes, in one transaction. */
static int record(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct round *r = ctx;
	char at[32];

	(void)attempt;
	time_text(r->now, at);
	for (size_t i = 0; i < r->n; i++) {
		struct job *j = &r->jobs[i];
		const char *error = j->error[0] != '\0' ? j->error : NULL;
		int64_t next = r->now;

		if (strcmp(j->status, "pending") == 0)
			next = r->now + webhook_backoff(j->attempts);
		if (store_webhook_update(st, j->id, j->status, j->attempts, next, error,
					 strcmp(j->status, "delivered") == 0 ? at : NULL, err) < 0)
			return -1;
	}
	return 0;
}

static int stop_at_one(void *ctx, const struct webhook_delivery *d)
{
	(void)d;
	*(bool *)ctx = true;
	return 1;
}

/* 1 when a delivery is due at now, 0 when none, -1 with err set. */
static int any_due(struct store *st, int64_t now, struct err *err)
{
	bool due = false;
	int rc;

	if (store_begin_read(st, err) < 0)
		return -1;
	rc = store_webhook_due(st, now, 1, stop_at_one, &due, err);
	store_rollback(st);
	return rc < 0 ? -1 : due;
}

int webhook_deliver_due(struct store *st, int64_t now, size_t limit, struct webhook_round *out,
			struct err *err)
{
	struct round r = { .now = now, .limit = limit };
	int rc;

	*out = (struct webhook_round){ 0 };
	/* Most rounds find nothing due: a read says so without the write
	 * lock (which SQLite would take every few seconds) and without
	 * failing on a read-only database. */
	rc = any_due(st, now, err);
	if (rc <= 0)
		return rc;
	if (store_transact_log(st, take, &r, err) < 0) {
		jobs_free(&r);
		return -1;
	}
	if (r.n > 0 && curl_api_load(err) < 0) {
		jobs_free(&r);
		return -1;
	}
	out->due = (long)r.n;
	for (size_t i = 0; i < r.n; i++) {
		struct job *j = &r.jobs[i];

		if (j->body.len == 0) {
			j->status = "cancelled";
			(void)snprintf(j->error, sizeof j->error, "the evaluation no longer gives this"
				       " %s", j->kind);
			out->cancelled++;
			continue;
		}
		j->attempts++;
		if (post(j) == 0) {
			j->status = "delivered";
			j->error[0] = '\0';
			out->delivered++;
		} else if (webhook_gives_up(j->attempts)) {
			j->status = "failed";
			out->failed++;
		} else {
			j->status = "pending";
			out->retried++;
		}
	}
	rc = r.n > 0 ? store_transact_log(st, record, &r, err) : 0;
	jobs_free(&r);
	return rc < 0 ? -1 : 0;
}

/* ---- endpoints, with their audit entries -------------------------------- */

struct admin_op {
	const char *actor, *address, *url;
	bool alerts, praise;
	int64_t id;
};

static int audit(struct store *st, const struct admin_op *op, const char *action,
		 const char *url, struct err *err)
{
	char key[24], shown[300], at[32];
	struct audit_entry e;

	(void)snprintf(key, sizeof key, "%lld", (long long)op->id);
	webhook_url_shown(url, shown, sizeof shown);
	time_text((int64_t)time(NULL), at);
	e = (struct audit_entry){ .at = at, .actor = op->actor, .action = action,
				  .object_kind = "webhook", .object_key = key,
				  .address = op->address, .outcome = "ok", .detail = shown };
	return store_audit_append(st, &e, err);
}

static int add_work(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct admin_op *op = ctx;

	(void)attempt;
	if (store_webhook_add(st, op->url, op->alerts, op->praise, op->actor, &op->id, err) < 0)
		return -1;
	return audit(st, op, "webhook.add", op->url, err);
}

int webhook_admin_add(struct store *st, const char *actor, const char *address, const char *url,
		      bool alerts, bool praise, int64_t *id, struct err *err)
{
	struct admin_op op = { actor, address, url, alerts, praise, 0 };
	const char *why = webhook_url_refused(url);

	*id = 0;
	if (why != NULL)
		return err_set(err, EX_USAGE, "%s", why);
	if (!alerts && !praise)
		return err_set(err, EX_USAGE, "an endpoint takes alerts, praise or both");
	if (store_transact(st, add_work, &op, err) < 0)
		return -1;
	*id = op.id;
	return 0;
}

static int remove_work(struct store *st, void *ctx, int attempt, struct err *err)
{
	struct admin_op *op = ctx;
	char url[WEBHOOK_URL_MAX + 1];

	(void)attempt;
	if (store_webhook_remove(st, op->id, url, sizeof url, err) < 0)
		return -1;
	return audit(st, op, "webhook.remove", url, err);
}

int webhook_admin_remove(struct store *st, const char *actor, const char *address, int64_t id,
			 struct err *err)
{
	struct admin_op op = { actor, address, NULL, false, false, id };

	return store_transact(st, remove_work, &op, err);
}

/* ---- the server's thread ------------------------------------------------ */

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t wake = PTHREAD_COND_INITIALIZER;
static int running, stopping;
static struct store *sender_store;
static pthread_t sender;

static void *send_loop(void *arg)
{
	(void)arg;
	pthread_mutex_lock(&lock);
	while (!stopping) {
		struct timespec until;
		struct webhook_round r;
		struct err err = { 0 };

		pthread_mutex_unlock(&lock);
		if (webhook_deliver_due(sender_store, (int64_t)time(NULL), WEBHOOK_ROUND_MAX, &r,
					&err) < 0) {
			accesslog_event("webhook_round_failed", err.msg);
		} else if (r.due > 0) {
			char msg[160];

			(void)snprintf(msg, sizeof msg, "%ld delivered, %ld to retry, %ld failed,"
				       " %ld cancelled", r.delivered, r.retried, r.failed, r.cancelled);
			accesslog_event("webhooks", msg);
		}
		pthread_mutex_lock(&lock);
		(void)clock_gettime(CLOCK_REALTIME, &until);
		until.tv_sec += WEBHOOK_POLL_SECONDS;
		while (!stopping && pthread_cond_timedwait(&wake, &lock, &until) != ETIMEDOUT)
			;
	}
	pthread_mutex_unlock(&lock);
	return NULL;
}

int webhook_sender_start(const char *db, struct err *err)
{
	if (store_open(db, STORE_NO_MIGRATE, &sender_store, err) < 0)
		return -1;
	stopping = 0;
	if (pthread_create(&sender, NULL, send_loop, NULL) != 0) {
		store_close(sender_store);
		sender_store = NULL;
		return err_set(err, EX_OSERR, "cannot start the webhooks' sender");
	}
	pthread_mutex_lock(&lock);
	running = 1;
	pthread_mutex_unlock(&lock);
	return 0;
}

void webhook_sender_stop(void)
{
	pthread_mutex_lock(&lock);
	if (!running) {
		pthread_mutex_unlock(&lock);
		return;
	}
	stopping = 1;
	pthread_cond_signal(&wake);
	pthread_mutex_unlock(&lock);
	(void)pthread_join(sender, NULL);
	running = 0;
	store_close(sender_store);
	sender_store = NULL;
}
