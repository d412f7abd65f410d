/* Coaching sessions over HTTP (http/coaching.c; docs/api.md, "Coaching
 * sessions"; who sees what: docs/security.md, "Coaching notes"), shared
 * by the API's handlers and the browser's pages (web/coaching_page.c). */
#ifndef COMPGAP_HTTP_COACHING_H
#define COMPGAP_HTTP_COACHING_H

#include <stdbool.h>

#include "http/handler.h"
#include "io/coaching_json.h"
#include "io/entities.h"
#include "store/coaching.h"

/* Whether the caller may record a session at all: every role but an
 * employee (a token of one, too). */
bool http_coaching_may_record(const struct http_caller *c);

/* Records s for cx's caller in one transaction with its audit entry: the
 * caller's own person is the coach (admin and hr, and a token without a
 * person, name one); every agent must be within the caller's reach.
 * 0 stored (key_out, KEY_MAX + 1 bytes, gets its key); 1 refused by the
 * session's checks (fe names the field; logged; no answer made); -1
 * answered: refused by role or reach (403, 404; logged), or the store
 * failed. */
int http_coaching_record(struct http_ctx *cx, struct coach_session *s, char *key_out,
			 struct field_error *fe);

/* What of a session the caller sees (docs/security.md, "Coaching
 * notes"): everything when admin or hr or its coach, else the parts about
 * the agents within reach. */
struct coaching_view {
	const struct http_ctx *cx;
	struct store *st;
	bool all;
	bool failed;                 /* a reach check failed */
};

/* Fills v and f for the caller and session s (in st's open transaction);
 * returns how many of its agents the caller sees (all of them when
 * v->all), -1 when a check failed. */
long http_coaching_view(const struct http_ctx *cx, struct store *st,
			const struct coach_session *s, struct coaching_view *v,
			struct coach_filter *f);

#endif
