/* Alerts and webhooks (store/alerts.h), the same on both engines. The SQL
 * is in store/alerts_sql.h, run by the backend's al_run. */
#include "store/alerts.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "store/backend.h"
#include "store/quality_int.h"

enum {
	ALL_ROWS = 1000000000        /* a limit of "all" */
};

static int al(struct store *st, enum al_stmt id, const struct pv_param *p, int np,
	      int (*row)(void *ctx, const char *const *cols, int ncols), void *ctx,
	      int64_t *changes, struct err *err)
{
	return st->be->al_run(st, id, p, np, row, ctx, changes, err);
}

/* ---- alerts ------------------------------------------------------------- */

struct rows {
	int (*cb)(void *ctx, const struct alert_row *r);
	void *ctx;
};

static int alert_row(void *ctx, const char *const *cols, int ncols)
{
	struct rows *x = ctx;
	struct alert_row r;

	if (ncols < 14)
		return 0;
	r = (struct alert_row){
		.evaluation = col_int(cols[0]),
		.key = cols[1],
		.contact = cols[2],
		.kind = cols[3],
		.agent = cols[4],
		.team = cols[5],
		.evaluator = cols[6],
		.date = (int32_t)col_int(cols[7]),
		.area = cols[8],
		.a = { .weight = col_real(cols[9]), .min = col_real(cols[10]), .max = col_real(cols[11]),
		       .critical = col_int(cols[12]) != 0 },
		.score = col_real(cols[13]),
	};
	return x->cb(x->ctx, &r);
}

int store_alert_rows(struct store *st, const struct alert_filter *f,
		     int (*cb)(void *ctx, const struct alert_row *r), void *ctx, struct err *err)
{
	struct rows x = { cb, ctx };

	if (f->evaluation != 0)
		return al(st, AL_ROWS_ONE, (struct pv_param[]){ p_int(f->evaluation) }, 1, alert_row,
			  &x, NULL, err);
	if (f->agent != NULL)
		return al(st, AL_ROWS_AGENT, (struct pv_param[]){ p_text(f->agent), p_int(f->since),
			  p_int(f->until) }, 3, alert_row, &x, NULL, err);
	if (f->team == NULL)
		return al(st, AL_ROWS, (struct pv_param[]){ p_int(f->since), p_int(f->until) }, 2,
			  alert_row, &x, NULL, err);
	if (store_require_key(st, ENTITY_TEAM, f->team, err) < 0)
		return -1;
	return al(st, AL_ROWS_TEAM, (struct pv_param[]){ p_text(f->team), p_int(f->since),
		  p_int(f->until) }, 3, alert_row, &x, NULL, err);
}

/* ---- endpoints ---------------------------------------------------------- */

static int take_int(void *ctx, const char *const *cols, int ncols)
{
	int64_t *v = ctx;

	if (ncols >= 1)
		*v = col_int(cols[0]);
	return 0;
}

static int take_text(void *ctx, const char *const *cols, int ncols)
{
	struct buf *b = ctx;

	if (ncols >= 1 && cols[0] != NULL)
		(void)buf_adds(b, cols[0]);
	return 0;
}

static int require_tx(struct store *st, struct err *err)
{
	return st->in_tx ? 0 : err_set(err, EX_SOFTWARE, "write outside a transaction");
}

struct same_url {
	const char *url;
	int64_t found;
};

static int url_row(void *ctx, const struct webhook_endpoint *e)
{
	struct same_url *u = ctx;

	if (strcmp(e->url, u->url) == 0)
		u->found = e->id;
	return 0;
}

int store_webhook_add(struct store *st, const char *url, bool alerts, bool praise,
		      const char *by, int64_t *id, struct err *err)
{
	struct same_url u = { url, 0 };
	char now[32];

	*id = 0;
	if (require_tx(st, err) < 0)
		return -1;
	if (!alerts && !praise)
		return err_set(err, EX_USAGE, "an endpoint takes alerts, praise or both");
	if (store_webhook_each(st, url_row, &u, err) < 0)
		return -1;
	if (u.found != 0)
		return err_set(err, EX_DATAERR, "that URL is configured already (endpoint %lld)",
			       (long long)u.found);
	store_now_utc(now);
	return al(st, AL_EP_ADD, (struct pv_param[]){ p_text(url), p_int(alerts), p_int(praise),
		  p_text(now), p_text(by) }, 5, take_int, id, NULL, err) < 0 ? -1 : 0;
}

int store_webhook_remove(struct store *st, int64_t id, char *url, size_t urlsz,
			 struct err *err)
{
	struct buf b;
	int64_t changes = 0;
	int rc;

	if (urlsz > 0)
		url[0] = '\0';
	if (require_tx(st, err) < 0)
		return -1;
	buf_init(&b, 4096);
	rc = al(st, AL_EP_URL, (struct pv_param[]){ p_int(id) }, 1, take_text, &b, NULL, err);
	if (rc == 0 && b.len > 0 && urlsz > 0)
		(void)snprintf(url, urlsz, "%.*s", (int)b.len, b.data);
	buf_free(&b);
	if (rc < 0)
		return -1;
	if (al(st, AL_EP_REMOVE, (struct pv_param[]){ p_int(id) }, 1, NULL, NULL, &changes, err) < 0)
		return -1;
	if (changes == 0)
		return err_set(err, EX_DATAERR, "no webhook endpoint %lld; 'compgap webhook list'"
			       " lists them", (long long)id);
	return 0;
}

struct eps {
	int (*cb)(void *ctx, const struct webhook_endpoint *e);
	void *ctx;
};

static int ep_row(void *ctx, const char *const *cols, int ncols)
{
	struct eps *x = ctx;
	struct webhook_endpoint e;

	if (ncols < 10)
		return 0;
	e = (struct webhook_endpoint){
		.id = col_int(cols[0]),
		.url = cols[1] != NULL ? cols[1] : "",
		.alerts = col_int(cols[2]) != 0,
		.praise = col_int(cols[3]) != 0,
		.created_at = cols[4],
		.created_by = cols[5],
		.pending = (long)col_int(cols[6]),
		.delivered = (long)col_int(cols[7]),
		.failed = (long)col_int(cols[8]),
		.cancelled = (long)col_int(cols[9]),
	};
	return x->cb(x->ctx, &e);
}

int store_webhook_each(struct store *st,
		       int (*cb)(void *ctx, const struct webhook_endpoint *e), void *ctx,
		       struct err *err)
{
	struct eps x = { cb, ctx };

	return al(st, AL_EP_EACH, NULL, 0, ep_row, &x, NULL, err);
}

/* ---- deliveries --------------------------------------------------------- */

int store_webhook_any(struct store *st, struct err *err)
{
	int64_t one = 0;

	if (al(st, AL_EP_ANY, NULL, 0, take_int, &one, NULL, err) < 0)
		return -1;
	return one != 0;
}

int store_webhook_enqueue(struct store *st, int64_t evaluation, const char *kind, int64_t now,
			  long *queued, struct err *err)
{
	char at[32];
	int64_t changes = 0;

	if (queued != NULL)
		*queued = 0;
	if (require_tx(st, err) < 0)
		return -1;
	store_now_utc(at);
	if (al(st, AL_ENQUEUE, (struct pv_param[]){ p_int(evaluation), p_text(kind), p_int(now),
	       p_text(at) }, 4, NULL, NULL, &changes, err) < 0)
		return -1;
	if (queued != NULL)
		*queued = (long)changes;
	return 0;
}

struct dels {
	int (*cb)(void *ctx, const struct webhook_delivery *d);
	void *ctx;
};

static int delivery_row(void *ctx, const char *const *cols, int ncols)
{
	struct dels *x = ctx;
	struct webhook_delivery d;

	if (ncols < 12)
		return 0;
	d = (struct webhook_delivery){
		.id = col_int(cols[0]),
		.endpoint = col_int(cols[1]),
		.evaluation = col_int(cols[2]),
		.url = cols[3] != NULL ? cols[3] : "",
		.evaluation_key = cols[4],
		.kind = cols[5],
		.status = cols[6],
		.attempts = (int)col_int(cols[7]),
		.next_attempt_at = col_int(cols[8]),
		.last_error = cols[9],
		.created_at = cols[10],
		.delivered_at = cols[11],
	};
	return x->cb(x->ctx, &d);
}

int store_webhook_deliveries(struct store *st, const char *status, size_t limit,
			     int (*cb)(void *ctx, const struct webhook_delivery *d), void *ctx,
			     struct err *err)
{
	struct dels x = { cb, ctx };
	int64_t n = limit > 0 && limit < ALL_ROWS ? (int64_t)limit : ALL_ROWS;

	if (status == NULL)
		return al(st, AL_DELIVERIES, (struct pv_param[]){ p_int(n) }, 1, delivery_row, &x,
			  NULL, err);
	return al(st, AL_DELIVERIES_OF, (struct pv_param[]){ p_text(status), p_int(n) }, 2,
		  delivery_row, &x, NULL, err);
}

int store_webhook_due(struct store *st, int64_t now, size_t limit,
		      int (*cb)(void *ctx, const struct webhook_delivery *d), void *ctx,
		      struct err *err)
{
	struct dels x = { cb, ctx };
	int64_t n = limit > 0 && limit < ALL_ROWS ? (int64_t)limit : ALL_ROWS;

	return al(st, AL_DUE, (struct pv_param[]){ p_int(now), p_int(n) }, 2, delivery_row, &x,
		  NULL, err);
}

int store_webhook_claim(struct store *st, int64_t id, int64_t was, int64_t until,
			struct err *err)
{
	int64_t changes = 0;

	if (require_tx(st, err) < 0)
		return -1;
	if (al(st, AL_CLAIM, (struct pv_param[]){ p_int(id), p_int(was), p_int(until) }, 3, NULL,
	       NULL, &changes, err) < 0)
		return -1;
	return changes > 0;
}

int store_webhook_update(struct store *st, int64_t id, const char *status, int attempts,
			 int64_t next_attempt_at, const char *last_error, const char *delivered_at,
			 struct err *err)
{
	if (require_tx(st, err) < 0)
		return -1;
	return al(st, AL_UPDATE, (struct pv_param[]){ p_int(id), p_text(status), p_int(attempts),
		  p_int(next_attempt_at), p_text(last_error), p_text(delivered_at) }, 6, NULL, NULL,
		  NULL, err) < 0 ? -1 : 0;
}

int store_webhook_enqueue_evaluations(struct store *st, const struct qa_eval_in *const *ev,
				      const int64_t *ids, size_t n, struct err *err)
{
	int64_t now = (int64_t)time(NULL);
	struct qa_area *areas = NULL;
	double *pct = NULL;
	size_t cap = 0;
	int rc;

	if (n == 0)
		return 0;
	rc = store_webhook_any(st, err);
	if (rc <= 0)
		return rc;
	rc = 0;
	for (size_t i = 0; rc == 0 && i < n; i++) {
		const struct scorecard_def *card = ev[i]->card;
		struct qa_result r;

		if (!eval_kind_scores(ev[i]->kind))
			continue;
		if (card->nareas > cap) {
			free(areas);
			free(pct);
			cap = card->nareas;
			areas = malloc(cap * sizeof *areas);
			pct = malloc(cap * sizeof *pct);
			if (areas == NULL || pct == NULL) {
				rc = err_set(err, EX_OSERR, "out of memory");
				break;
			}
		}
		for (size_t j = 0; j < card->nareas; j++) {
			areas[j] = card->areas[j].a;
			pct[j] = NAN;
		}
		for (size_t j = 0; j < ev[i]->nscores; j++) {
			const struct qa_score_in *q = &ev[i]->scores[j];

			pct[q->area] = qa_area_percentage(&card->areas[q->area].a, q->score);
		}
		r = qa_evaluate(areas, pct, card->nareas);
		if (r.auto_failed)
			rc = store_webhook_enqueue(st, ids[i], "alert", now, NULL, err);
		else if (r.praise)
			rc = store_webhook_enqueue(st, ids[i], "praise", now, NULL, err);
	}
	free(areas);
	free(pct);
	return rc < 0 ? -1 : 0;
}
